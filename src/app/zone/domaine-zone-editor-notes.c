/* domaine-zone-editor-notes.c: the notes of the zone shown, in the table, search and editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One OvhRecordNotes per zone shown, read when the zone is shown and written (a small file) as
 * soon as the notes have changed, once per burst. Notes follow the zone's records a moment after
 * they change (a load, a publish that created records): one pass over the records per burst.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-zone-editor-private.h"

/* After the last change of the zone's records, before notes follow them. */
#define FOLLOW_DELAY_MS 200

static gboolean
save_cb (gpointer user_data)
{
  DomaineZoneEditor *self = user_data;
  g_autoptr (GError) error = NULL;

  self->notes_save_source = 0;
  if (self->notes != NULL && !ovh_record_notes_save_if_changed (self->notes, &error))
    domaine_zone_editor_add_toast (self, adw_toast_new (error->message));
  return G_SOURCE_REMOVE;
}

static void records_changed_cb (DomaineZoneEditor *self);

/* Written once per burst of changes (an import sets many notes at once). Notes of an import
 * may be for records the zone has already: they follow them without waiting for a reload. */
static void
notes_changed_cb (DomaineZoneEditor *self)
{
  if (self->notes_save_source == 0)
    self->notes_save_source = g_idle_add (save_cb, self);
  records_changed_cb (self);
}

static gboolean
follow_cb (gpointer user_data)
{
  DomaineZoneEditor *self = user_data;

  self->notes_follow_source = 0;
  if (self->notes != NULL && self->zone != NULL
      && ovh_zone_get_load_state (self->zone) == OVH_ZONE_LOAD_STATE_LOADED)
    ovh_record_notes_follow (self->notes, ovh_zone_get_records (self->zone));
  return G_SOURCE_REMOVE;
}

static void
records_changed_cb (DomaineZoneEditor *self)
{
  if (self->notes == NULL || ovh_record_notes_get_n_notes (self->notes) == 0)
    return;
  g_clear_handle_id (&self->notes_follow_source, g_source_remove);
  self->notes_follow_source = g_timeout_add (FOLLOW_DELAY_MS, follow_cb, self);
}

void
domaine_zone_editor_notes_close (DomaineZoneEditor *self)
{
  g_clear_handle_id (&self->notes_follow_source, g_source_remove);
  g_clear_handle_id (&self->notes_save_source, g_source_remove);
  if (self->notes_records != NULL)
    g_signal_handlers_disconnect_by_func (self->notes_records, records_changed_cb, self);
  g_clear_object (&self->notes_records);
  if (self->notes != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->notes, notes_changed_cb, self);
      ovh_record_notes_save_if_changed (self->notes, NULL);
    }
  if (self->columns != NULL)
    domaine_record_columns_set_notes (self->columns, NULL);
  if (self->filter_model != NULL)
    domaine_record_filter_model_set_notes (self->filter_model, NULL);
  g_clear_object (&self->notes);
}

void
domaine_zone_editor_notes_open (DomaineZoneEditor *self)
{
  g_autoptr (GError) error = NULL;
  const char *zone_name;

  domaine_zone_editor_notes_close (self);
  if (self->zone == NULL)
    return;

  zone_name = ovh_zone_get_name (self->zone);
  self->notes = ovh_record_notes_open (NULL, domaine_zone_editor_get_snapshot_account (self),
                                       zone_name, &error);
  if (self->notes == NULL)
    {
      /* Notes typed now live until the zone is closed: the damaged file is left for a
       * person to look at, never overwritten. */
      domaine_zone_editor_add_toast (self, adw_toast_new (error->message));
      self->notes = ovh_record_notes_new (NULL);
    }
  g_signal_connect_swapped (self->notes, "changed", G_CALLBACK (notes_changed_cb), self);
  domaine_record_columns_set_notes (self->columns, self->notes);
  domaine_record_filter_model_set_notes (self->filter_model, self->notes);

  self->notes_records = g_object_ref (ovh_zone_get_records (self->zone));
  g_signal_connect_swapped (self->notes_records, "items-changed", G_CALLBACK (records_changed_cb),
                            self);
  records_changed_cb (self);
}

OvhRecordNotes *
domaine_zone_editor_get_notes (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  return self->notes;
}

/* Saved with the record: by the edited row's id, or, for a record not created yet, by what
 * it will be (its note reaches the created record once the zone is reloaded). */
void
domaine_zone_editor_set_note (DomaineZoneEditor *self,
                              OvhRecord *edited_row,
                              OvhRecord *record,
                              const char *note)
{
  g_autoptr (OvhRecord) target = ovh_record_dup (record);
  OvhRecord *before = edited_row != NULL && self->rows != NULL
                          ? domaine_record_rows_get_shown (self->rows, edited_row)
                          : NULL;
  /* A type change deletes the record and creates another: the note goes to the new one. */
  gboolean type_changed
      = before != NULL
        && g_strcmp0 (ovh_record_get_field_type (before), ovh_record_get_field_type (record)) != 0;

  if (self->notes == NULL)
    return;
  /* A staged create that changed: its old note goes with its old values. */
  if (before != NULL && ovh_record_get_id (edited_row) == 0
      && !ovh_record_equal_content (before, record))
    ovh_record_notes_set (self->notes, before, NULL);
  ovh_record_set_id (target,
                     edited_row != NULL && !type_changed ? ovh_record_get_id (edited_row) : 0);
  ovh_record_notes_set (self->notes, target, note);
}

gboolean
domaine_zone_editor_get_show_notes (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), FALSE);
  return gtk_column_view_column_get_visible (self->note_column);
}

void
domaine_zone_editor_set_show_notes (DomaineZoneEditor *self, gboolean show_notes)
{
  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));

  show_notes = !!show_notes;
  if (show_notes == gtk_column_view_column_get_visible (self->note_column))
    return;
  gtk_column_view_column_set_visible (self->note_column, show_notes);
  g_object_notify (G_OBJECT (self), "show-notes");
}

/* The column's visibility is kept in the settings when the schema is installed. */
void
domaine_zone_editor_notes_init (DomaineZoneEditor *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema
      = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  domaine_record_columns_attach_note (self->columns, self->note_column);
  if (schema != NULL && g_settings_schema_has_key (schema, "show-note-column"))
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "show-note-column", self, "show-notes",
                       G_SETTINGS_BIND_DEFAULT);
    }
}
