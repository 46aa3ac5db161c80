/* domaine-zone-editor-template.c: Save as Template… for the selected records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-zone-editor-private.h"
#include "ovh-zone-template.h"

static void
title_changed_cb (GtkEditable *entry, AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", title[0] != '\0');
}

static void
response_cb (AdwMessageDialog *dialog, const char *response, DomaineZoneEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "title-entry");
  GPtrArray *records = g_object_get_data (G_OBJECT (dialog), "records");
  g_autoptr (OvhZoneTemplate) template = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "save"))
    return;
  template = ovh_zone_template_save_records (gtk_editable_get_text (entry),
                                             ovh_zone_get_name (self->zone), records, &error);
  if (template == NULL)
    {
      domaine_zone_editor_add_toast (self, adw_toast_new (error->message));
      return;
    }
  /* Translators: %s is the name the user gave the template */
  message = g_strdup_printf (_ ("Saved as the template “%s”: Apply a Template lists it"),
                             ovh_zone_template_get_title (template));
  domaine_zone_editor_add_toast (self, adw_toast_new (message));
}

void
domaine_zone_editor_save_selection_as_template (DomaineZoneEditor *self)
{
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autofree char *check = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->zone == NULL)
    return;
  /* The records as they will be once published; rows about to be deleted are left out. */
  for (guint i = 0; i < selected->len; i++)
    {
      OvhRecord *row = g_ptr_array_index (selected, i);

      if (domaine_record_rows_get_state (self->rows, row) != DOMAINE_RECORD_STATE_DELETED)
        g_ptr_array_add (records, g_object_ref (domaine_record_rows_get_shown (self->rows, row)));
    }
  /* What cannot become a template is said before a name is asked for. */
  check
      = ovh_zone_template_data_from_records ("-", ovh_zone_get_name (self->zone), records, &error);
  if (check == NULL)
    {
      domaine_zone_editor_add_toast (self, adw_toast_new (error->message));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _ ("Save as Template"), NULL));
  adw_message_dialog_format_body (
      dialog,
      ngettext ("The selected record becomes a template of your own, to apply to any zone. "
                "Where it names %s, the template names the zone it is applied to.",
                "The selected records become a template of your own, to apply to any zone. "
                "Where they name %s, the template names the zone it is applied to.",
                records->len),
      ovh_zone_get_name (self->zone));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Template name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Template name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "save", FALSE);
  g_object_set_data (G_OBJECT (dialog), "title-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "records", g_steal_pointer (&records),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (entry, "changed", G_CALLBACK (title_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
