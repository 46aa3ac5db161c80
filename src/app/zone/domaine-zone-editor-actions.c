/* domaine-zone-editor-actions.c: the zone editor's "zone." actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every staging goes through the editor's DomaineUndoStack, so that each can be undone.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "domaine-bulk-edit-dialog.h"
#include "domaine-record-editor.h"
#include "domaine-review-dialog.h"
#include "domaine-zone-editor-private.h"
#include "domaine-zone-history-dialog.h"
#include "domaine-template-dialog.h"
#include "domaine-zone-settings-dialog.h"
#include "domaine-zone-import-dialog.h"
#include "ovh-error.h"
#include "ovh-zone-diff.h"
#include "ovh-zone-file.h"
#include "ovh-zone-snapshot.h"

/* Editing ------------------------------------------------------------------------------- */

static gboolean
stage_edit (DomaineRecordEditor *editor, OvhRecord *record, DomaineZoneEditor *self)
{
  OvhRecord *edited = g_object_get_data (G_OBJECT (editor), "row");
  g_autoptr (GError) error = NULL;
  OvhChange *change = NULL;

  if (self->changeset == NULL)
    return TRUE;

  if (domaine_record_editor_get_mode (editor) == DOMAINE_RECORD_EDITOR_CREATE || edited == NULL)
    change = domaine_undo_stack_stage_create (self->undo_stack, record, &error);
  else
    {
      OvhChange *staged = domaine_record_rows_get_change (self->rows, edited);

      if (staged != NULL && ovh_change_get_kind (staged) == OVH_CHANGE_KIND_CREATE)
        {
          if (!domaine_undo_stack_restage (self->undo_stack, staged, record, &error))
            goto failed;
          return TRUE;
        }
      if (domaine_record_editor_get_type_changed (editor))
        change = domaine_undo_stack_stage_change_type (self->undo_stack, ovh_record_get_id (edited),
                                                       record, &error);
      else
        {
          change = domaine_undo_stack_stage_update (self->undo_stack, ovh_record_get_id (edited),
                                                    record, &error);
          if (change == NULL && error == NULL)
            return TRUE; /* back to what OVH has: nothing left to publish */
        }
    }

  if (change != NULL)
    {
      guint position;

      /* Show the row that was added or changed. */
      for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->selection));
           position++)
        {
          g_autoptr (OvhRecord) row
              = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
          if (domaine_record_rows_get_change (self->rows, row) == change)
            {
              gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position,
                                               TRUE);
              break;
            }
        }
      return TRUE;
    }

failed:
  domaine_record_editor_show_error (editor, error);
  return FALSE;
}

/* The record staged, then its note (kept here, never sent to OVH) saved with it. */
static gboolean
editor_save_cb (DomaineRecordEditor *editor, OvhRecord *record, DomaineZoneEditor *self)
{
  OvhRecord *edited = g_object_get_data (G_OBJECT (editor), "row");

  if (!stage_edit (editor, record, self))
    return FALSE;
  if (self->changeset != NULL)
    domaine_zone_editor_set_note (
        self, domaine_record_editor_get_mode (editor) == DOMAINE_RECORD_EDITOR_EDIT ? edited : NULL,
        record, domaine_record_editor_get_note (editor));
  return TRUE;
}

static void
open_record_editor (DomaineZoneEditor *self, OvhRecord *row, DomaineRecordEditorMode mode)
{
  DomaineRecordEditor *editor;
  OvhRecord *initial = row != NULL ? domaine_record_rows_get_shown (self->rows, row) : NULL;

  if (self->zone == NULL)
    return;

  editor = domaine_record_editor_new (self->zone, initial, mode);
  domaine_record_editor_set_changeset (editor, self->changeset);
  /* A duplicate starts with the note of what it copies. */
  if (row != NULL)
    domaine_record_editor_set_note (editor, domaine_record_columns_get_note (self->columns, row));
  if (mode == DOMAINE_RECORD_EDITOR_EDIT && row != NULL)
    g_object_set_data_full (G_OBJECT (editor), "row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (editor, "save", G_CALLBACK (editor_save_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_record_editor (DOMAINE_ZONE_EDITOR (widget), NULL, DOMAINE_RECORD_EDITOR_CREATE);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);

  if (selected->len != 1)
    return;
  if (domaine_record_rows_get_state (self->rows, g_ptr_array_index (selected, 0))
      == DOMAINE_RECORD_STATE_DELETED)
    return;
  open_record_editor (self, g_ptr_array_index (selected, 0), DOMAINE_RECORD_EDITOR_EDIT);
}

static void
duplicate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);

  if (selected->len == 1)
    open_record_editor (self, g_ptr_array_index (selected, 0), DOMAINE_RECORD_EDITOR_CREATE);
}

static void
undo_toast_clicked_cb (DomaineZoneEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.undo", NULL);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autofree char *title = NULL;
  guint n_deleted = 0;
  AdwToast *toast;

  if (self->changeset == NULL || ovh_changeset_get_busy (self->changeset))
    return;

  domaine_undo_stack_begin_group (self->undo_stack);
  for (guint i = 0; i < selected->len; i++)
    {
      OvhRecord *row = g_ptr_array_index (selected, i);
      OvhChange *change = domaine_record_rows_get_change (self->rows, row);
      g_autoptr (GError) error = NULL;

      if (change != NULL && ovh_change_get_kind (change) == OVH_CHANGE_KIND_DELETE)
        continue;
      /* A record that only exists here is forgotten; the undo stack can bring it back. */
      if (change != NULL && ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE)
        {
          if (domaine_undo_stack_discard (self->undo_stack, change))
            n_deleted++;
        }
      else if (domaine_undo_stack_stage_delete (self->undo_stack, ovh_record_get_id (row), &error)
               != NULL)
        n_deleted++;
      else
        g_warning ("Could not stage the deletion: %s", error->message);
    }
  domaine_undo_stack_end_group (self->undo_stack);

  if (n_deleted == 0)
    return;

  title = g_strdup_printf (ngettext ("%u record deleted", "%u records deleted", n_deleted),
                           n_deleted);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  domaine_zone_editor_add_toast (self, toast);
}

/* Bulk edit ---------------------------------------------------------------------------- */

/* One undo step for the whole plan; the changeset batches it, so the rows and the changes bar
 * are updated once. */
static void
bulk_stage_cb (DomaineBulkEditDialog *dialog, OvhRecordBulkPlan *plan, DomaineZoneEditor *self)
{
  GListModel *items = ovh_record_bulk_plan_get_items (plan);
  guint n_items = g_list_model_get_n_items (items);
  gboolean delete = ovh_record_bulk_plan_get_operation (plan) == OVH_RECORD_BULK_DELETE;
  g_autofree char *title = NULL;
  guint n_staged = 0;

  if (self->changeset == NULL || ovh_changeset_get_busy (self->changeset))
    return;

  domaine_undo_stack_begin_group (self->undo_stack);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhRecordBulkItem) item = g_list_model_get_item (items, i);
      OvhRecord *record = ovh_record_bulk_item_get_record (item);
      OvhRecord *after = ovh_record_bulk_item_get_after (item);
      OvhChange *created = NULL;
      g_autoptr (GError) error = NULL;
      gboolean ok;

      if (ovh_record_bulk_item_get_skipped (item))
        continue;
      /* A staged create is its own row: its change takes the new values, or goes. */
      if (ovh_record_get_id (record) == 0)
        created = domaine_record_rows_get_change (self->rows, record);
      if (created != NULL)
        ok = delete ? domaine_undo_stack_discard (self->undo_stack, created)
                    : domaine_undo_stack_restage (self->undo_stack, created, after, &error);
      else if (delete)
        ok = domaine_undo_stack_stage_delete (self->undo_stack, ovh_record_get_id (record), &error)
             != NULL;
      else
        ok = domaine_undo_stack_stage_update (self->undo_stack, ovh_record_get_id (record), after,
                                              &error)
                 != NULL
             || error == NULL;
      if (ok)
        n_staged++;
      else if (error != NULL)
        g_warning ("Could not stage a bulk change: %s", error->message);
    }
  domaine_undo_stack_end_group (self->undo_stack);

  if (n_staged == 0)
    return;
  title = g_strdup_printf (ngettext ("%u change staged", "%u changes staged", n_staged), n_staged);
  {
    AdwToast *toast = adw_toast_new (title);

    adw_toast_set_button_label (toast, _ ("_Undo"));
    g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self,
                             G_CONNECT_SWAPPED);
    domaine_zone_editor_add_toast (self, toast);
  }
}

static void
bulk_edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GPtrArray) records = g_ptr_array_new_full (selected->len, g_object_unref);
  DomaineBulkEditDialog *dialog;

  if (self->changeset == NULL || ovh_changeset_get_busy (self->changeset))
    return;
  /* What each row will be once published; rows about to be deleted have nothing to edit. */
  for (guint i = 0; i < selected->len; i++)
    {
      OvhRecord *row = g_ptr_array_index (selected, i);

      if (domaine_record_rows_get_state (self->rows, row) != DOMAINE_RECORD_STATE_DELETED)
        g_ptr_array_add (records, g_object_ref (domaine_record_rows_get_shown (self->rows, row)));
    }
  if (records->len == 0)
    return;

  dialog = domaine_bulk_edit_dialog_new (ovh_zone_get_name (self->zone), records);
  g_signal_connect_object (dialog, "stage", G_CALLBACK (bulk_stage_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);

  if (self->undo_stack != NULL)
    domaine_undo_stack_undo (self->undo_stack);
}

static void
redo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);

  if (self->undo_stack != NULL)
    domaine_undo_stack_redo (self->undo_stack);
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->changeset == NULL)
    return;

  for (guint i = 0; i < selected->len; i++)
    {
      OvhChange *change
          = domaine_record_rows_get_change (self->rows, g_ptr_array_index (selected, i));
      if (change != NULL)
        g_ptr_array_add (changes, g_object_ref (change));
    }
  domaine_undo_stack_begin_group (self->undo_stack);
  for (guint i = 0; i < changes->len; i++)
    domaine_undo_stack_discard (self->undo_stack, g_ptr_array_index (changes, i));
  domaine_undo_stack_end_group (self->undo_stack);
}

static void
copy_zone_line_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GString) lines = g_string_new (NULL);

  for (guint i = 0; i < selected->len; i++)
    {
      OvhRecord *shown
          = domaine_record_rows_get_shown (self->rows, g_ptr_array_index (selected, i));
      g_autofree char *line = ovh_record_format_zone_line (shown);

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
    }
  if (lines->len == 0)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), lines->str);
  domaine_zone_editor_add_toast (
      self, adw_toast_new (ngettext ("Zone line copied", "Zone lines copied", selected->len)));
}

static void
save_as_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_zone_editor_save_selection_as_template (DOMAINE_ZONE_EDITOR (widget));
}

static void
row_menu_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_zone_editor_popup_row_menu (DOMAINE_ZONE_EDITOR (widget));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);

  domaine_zone_editor_set_search_mode (
      self, !gtk_search_bar_get_search_mode (self->search_bar)
                || !gtk_widget_has_focus (GTK_WIDGET (self->search_entry)));
}

/* Reload ------------------------------------------------------------------------------- */

static void
reload_response_cb (AdwMessageDialog *dialog, const char *response, DomaineZoneEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0 || self->changeset == NULL)
    return;
  ovh_changeset_discard_all (self->changeset);
  domaine_undo_stack_clear (self->undo_stack);
  domaine_zone_editor_load (self, OVH_ZONE_LOAD_BYPASS_CACHE);
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  guint n_pending;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->zone == NULL || ovh_zone_get_load_state (self->zone) == OVH_ZONE_LOAD_STATE_LOADING
      || domaine_zone_editor_get_busy (self))
    return;

  n_pending = ovh_changeset_get_n_pending (self->changeset);
  if (n_pending == 0)
    {
      domaine_zone_editor_load (self, OVH_ZONE_LOAD_BYPASS_CACHE);
      return;
    }

  body = g_strdup_printf (ngettext ("Reloading discards the %u unpublished change.",
                                    "Reloading discards the %u unpublished changes.", n_pending),
                          n_pending);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _ ("Discard Changes and Reload?"), body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard and Reload"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_load_query_id_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  const char *query_id
      = self->load_error != NULL ? ovh_error_get_query_id (self->load_error) : NULL;

  if (query_id == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), query_id);
  domaine_zone_editor_add_toast (self, adw_toast_new (_ ("Query ID copied")));
}

/* Publishing ---------------------------------------------------------------------------- */

static void
large_publish_response_cb (AdwMessageDialog *dialog, const char *response, DomaineZoneEditor *self)
{
  if (g_strcmp0 (response, "publish") == 0)
    domaine_zone_editor_publish_async (self, NULL, NULL, NULL);
}

/* A publish that removes or changes much of the zone says so in numbers first, as a restore
 * or a replace does (ovh_zone_diff_guard_applies ()). */
static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  GListModel *changes;
  guint n_records, n_removed = 0, n_changed = 0;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->zone == NULL || self->changeset == NULL)
    return;

  changes = ovh_changeset_get_changes (self->changeset);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_DELETE)
        n_removed++;
      else if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_UPDATE)
        n_changed++;
    }
  n_records = g_list_model_get_n_items (ovh_zone_get_records (self->zone));
  if (!ovh_zone_diff_guard_applies (n_records, n_removed + n_changed))
    {
      domaine_zone_editor_publish_async (self, NULL, NULL, NULL);
      return;
    }

  /* Translators: the first %u counts removed records, the second changed ones, the third all
   * the records of the zone */
  body = g_strdup_printf (_ ("This publish removes %u and changes %u of the zone’s %u records. "
                             "Check that this is what you want before it goes live."),
                          n_removed, n_changed, n_records);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _ ("Publish a Large Change?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "publish",
                                    _ ("_Publish Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (large_publish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_publish_cb (DomaineZoneEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.publish", NULL);
}

static void
review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  DomaineReviewDialog *dialog;

  if (self->changeset == NULL)
    return;
  dialog = domaine_review_dialog_new (self->changeset);
  g_signal_connect_object (dialog, "publish", G_CALLBACK (review_publish_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  GtkWidget *dialog;

  if (self->changeset == NULL)
    return;
  dialog = domaine_zone_history_dialog_new (self->changeset,
                                            domaine_zone_editor_get_snapshot_account (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
settings_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  GtkWidget *dialog;

  if (self->changeset == NULL)
    return;
  dialog = domaine_zone_settings_dialog_new (self->changeset,
                                             domaine_zone_editor_get_snapshot_account (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  GtkWidget *dialog;

  if (self->changeset == NULL)
    return;
  dialog = domaine_zone_import_dialog_new (self->changeset);
  domaine_zone_import_dialog_set_notes (DOMAINE_ZONE_IMPORT_DIALOG (dialog), self->notes);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_template_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  GtkWidget *dialog;

  if (self->changeset == NULL)
    return;
  dialog = domaine_template_dialog_new (self->changeset);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Text mode: the whole zone as BIND text, read as it is typed; Merge stages the edits. */
static void
edit_text_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  if (self->changeset == NULL || ovh_zone_get_load_state (self->zone) != OVH_ZONE_LOAD_STATE_LOADED)
    return;
  text = ovh_zone_file_write_model_with_notes (ovh_zone_get_name (self->zone), 0,
                                               ovh_zone_get_records (self->zone), self->notes);
  dialog = domaine_zone_import_dialog_new (self->changeset);
  domaine_zone_import_dialog_set_notes (DOMAINE_ZONE_IMPORT_DIALOG (dialog), self->notes);
  gtk_window_set_title (GTK_WINDOW (dialog), _ ("Edit Zone as Text"));
  domaine_zone_import_dialog_set_text (DOMAINE_ZONE_IMPORT_DIALOG (dialog), text);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneEditor) self = user_data;
  g_autoptr (GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    domaine_zone_editor_add_toast (self, adw_toast_new (_ ("Zone file saved")));
  else
    domaine_zone_editor_add_toast (self, adw_toast_new (error->message));
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DomaineZoneEditor *self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (response == GTK_RESPONSE_ACCEPT && self->zone != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    {
      /* Domaine's own writer: TXT quoting and splitting as BIND reads them back. */
      text = ovh_zone_file_write_model_with_notes (ovh_zone_get_name (self->zone),
                                                   ovh_zone_get_default_ttl (self->zone),
                                                   ovh_zone_get_records (self->zone), self->notes);
      length = strlen (text);
      g_file_replace_contents_bytes_async (
          file, g_bytes_new_take (g_steal_pointer (&text), length), NULL, FALSE,
          G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, exported_cb,
          g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->zone == NULL || ovh_zone_get_load_state (self->zone) != OVH_ZONE_LOAD_STATE_LOADED)
    return;
  /* The file chooser portal inside Flatpak. */
  chooser = gtk_file_chooser_native_new (_ ("Export Zone File"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  name = g_strconcat (ovh_zone_get_name (self->zone), ".zone", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Stages the inverse of the last publish: from the zone now back to the snapshot taken
 * before it. Nothing is sent until the user reviews and publishes. */
static void
undo_publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) snapshot = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gint n_staged = 0;

  if (self->changeset == NULL || self->publish_snapshot == 0)
    return;
  snapshot
      = ovh_zone_snapshot_load (NULL, domaine_zone_editor_get_snapshot_account (self),
                                ovh_zone_get_name (self->zone), self->publish_snapshot, &error);
  if (snapshot != NULL)
    {
      diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (self->zone), snapshot,
                                           OVH_ZONE_DIFF_DEFAULT);
      n_staged = ovh_zone_diff_stage (diff, self->changeset, NULL, &error);
    }
  if (error != NULL)
    {
      domaine_zone_editor_add_toast (self, adw_toast_new (error->message));
      return;
    }
  title = g_strdup_printf (ngettext ("%d change staged to undo the publish: review it and publish",
                                     "%d changes staged to undo the publish: review them and "
                                     "publish",
                                     n_staged),
                           n_staged);
  domaine_zone_editor_add_toast (self, adw_toast_new (title));
}

/* Installing ---------------------------------------------------------------------------- */

void
domaine_zone_editor_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "zone.add", NULL, add_action);
  gtk_widget_class_install_property_action (widget_class, "zone.show-notes", "show-notes");
  gtk_widget_class_install_action (widget_class, "zone.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "zone.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "zone.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "zone.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "zone.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "zone.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "zone.bulk-edit", NULL, bulk_edit_action);
  gtk_widget_class_install_action (widget_class, "zone.copy-zone-line", NULL,
                                   copy_zone_line_action);
  gtk_widget_class_install_action (widget_class, "zone.save-as-template", NULL,
                                   save_as_template_action);
  gtk_widget_class_install_action (widget_class, "zone.row-menu", NULL, row_menu_action);
  gtk_widget_class_install_action (widget_class, "zone.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "zone.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "zone.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "zone.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "zone.settings", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "zone.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "zone.apply-template", NULL,
                                   apply_template_action);
  gtk_widget_class_install_action (widget_class, "zone.edit-text", NULL, edit_text_action);
  gtk_widget_class_install_action (widget_class, "zone.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "zone.undo-publish", NULL, undo_publish_action);
  gtk_widget_class_install_action (widget_class, "zone.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "zone.copy-load-query-id", NULL,
                                   copy_load_query_id_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "zone.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "zone.edit", NULL);
  /* Menus show an action's last binding: the keypad's first, so that they read "Delete". */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "zone.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "zone.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "zone.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "zone.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "zone.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "zone.bulk-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "zone.bulk-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "zone.row-menu",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "zone.row-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "zone.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "zone.reload",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "zone.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "zone.copy-zone-line", NULL);
}
