/* domaine-zone-import-dialog.c: a BIND zone file brought into a zone, with a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is sent before Merge or Replace: the text is parsed whole (libovh), each line
 * that gives no record is listed and underlined, and the diff against the zone as loaded is
 * shown. Merge stages that diff; Replace is OVH's import.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-zone-diff-view.h"
#include "domaine-zone-import-dialog.h"
#include "ovh-error.h"
#include "ovh-zone-file.h"
#include "ovh-zone-history.h"
#include "ovh-zone-transfer.h"

#define PARSE_DELAY_MS 300
#define TASK_POLL_MS 1000

struct _DomaineZoneImportDialog
{
  AdwWindow parent_instance;

  OvhChangeset *changeset;
  OvhZone *zone;
  OvhZoneDiff *diff;
  GPtrArray *records;    /* as last read from the text, with their notes */
  OvhRecordNotes *notes; /* where their notes go once staged; may be NULL */
  char *problems;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  guint parse_source;
  gboolean busy;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkTextView *text_view;
  GtkLabel *problems_label;
  DomaineZoneDiffView *diff_view;
  AdwLeaflet *leaflet;
  guint navigation_idle;
  GtkWidget *back_button;
  GtkWidget *preview_button;
  GtkWidget *preview_box;
  GtkBox *actions_box;
};

G_DEFINE_FINAL_TYPE (DomaineZoneImportDialog, domaine_zone_import_dialog, ADW_TYPE_WINDOW)

/* Narrow, the file and the preview are two pages (Preview and Back move between them), and
 * the import buttons stack to fit. */
static void
apply_navigation (DomaineZoneImportDialog *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean on_preview = adw_leaflet_get_visible_child (self->leaflet) == self->preview_box;

  gtk_widget_set_visible (self->back_button, folded && on_preview);
  gtk_widget_set_visible (self->preview_button, folded && !on_preview);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->actions_box),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_halign (GTK_WIDGET (self->actions_box), folded ? GTK_ALIGN_FILL : GTK_ALIGN_END);
}

static void
navigation_idle_cb (gpointer data)
{
  DomaineZoneImportDialog *self = data;

  self->navigation_idle = 0;
  apply_navigation (self);
}

/* The fold is known while the window is laid out; header buttons change after it, not during
 * it (GTK would draw the header bar unallocated). */
static void
update_navigation (DomaineZoneImportDialog *self)
{
  if (self->navigation_idle == 0)
    self->navigation_idle = g_idle_add_once (navigation_idle_cb, self);
}

static void
back_clicked_cb (DomaineZoneImportDialog *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
preview_clicked_cb (DomaineZoneImportDialog *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

enum
{
  PROP_0,
  PROP_CHANGESET,
  PROP_DIFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (DomaineZoneImportDialog *self)
{
  gboolean ready = self->diff != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.merge",
                                 ready && !ovh_zone_diff_is_empty (self->diff));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stage-selected",
                                 ready && !ovh_zone_diff_is_empty (self->diff));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.replace", ready);
}

static void
set_busy (DomaineZoneImportDialog *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (DomaineZoneImportDialog *self, const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  title = ovh_error_dup_display_message (error);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
dup_text (DomaineZoneImportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Reads the text: problems listed and underlined on their lines, the diff shown. */
static void
parse_now (DomaineZoneImportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = dup_text (self);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GString) listing = g_string_new (NULL);
  g_autoptr (OvhZoneDiff) diff = NULL;
  GtkTextIter start, end;

  g_clear_handle_id (&self->parse_source, g_source_remove);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "problem", &start, &end);

  records = ovh_zone_file_parse_full (text, ovh_zone_get_name (self->zone),
                                      OVH_ZONE_FILE_PARSE_DEFAULT, &problems);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const OvhZoneFileProblem *problem = g_ptr_array_index (problems, i);
      GtkTextIter line_start, line_end;

      /* Translators: a line number, then what is wrong with it */
      g_string_append_printf (listing, _ ("Line %u: %s"), problem->line, problem->message);
      g_string_append_c (listing, '\n');
      gtk_text_buffer_get_iter_at_line (buffer, &line_start, (int) problem->line - 1);
      line_end = line_start;
      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);
      gtk_text_buffer_apply_tag_by_name (buffer, "problem", &line_start, &line_end);
    }
  if (listing->len > 0)
    g_string_truncate (listing, listing->len - 1);
  g_free (self->problems);
  self->problems = g_strdup (listing->str);
  gtk_label_set_label (self->problems_label,
                       listing->len > 0 ? listing->str : _ ("Every line can be imported"));

  g_clear_pointer (&self->records, g_ptr_array_unref);
  if (records != NULL)
    self->records = g_ptr_array_ref (records);
  if (records != NULL && !ovh_zone_file_problems_have_errors (problems))
    diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (self->zone), records,
                                         OVH_ZONE_DIFF_SKIP_MANAGED);
  if (g_set_object (&self->diff, diff))
    {
      domaine_zone_diff_view_set_diff (self->diff_view, diff);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
    }
  update_actions (self);
}

static gboolean
parse_timeout_cb (gpointer user_data)
{
  DomaineZoneImportDialog *self = user_data;

  self->parse_source = 0;
  parse_now (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer *buffer, gpointer user_data)
{
  DomaineZoneImportDialog *self = user_data;

  /* Read once typing pauses, not at every key. */
  g_clear_handle_id (&self->parse_source, g_source_remove);
  self->parse_source = g_timeout_add (PARSE_DELAY_MS, parse_timeout_cb, self);
}

void
domaine_zone_import_dialog_set_text (DomaineZoneImportDialog *self, const char *text)
{
  g_return_if_fail (DOMAINE_IS_ZONE_IMPORT_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "",
                            -1);
  parse_now (self);
}

/* Files ----------------------------------------------------------------------------------- */

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      show_error (self, error);
      return;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_ ("This file is not UTF-8 text")));
      return;
    }
  domaine_zone_import_dialog_set_text (self, contents);
}

static void
load_file (DomaineZoneImportDialog *self, GFile *file)
{
  g_file_load_contents_async (file, self->cancellable, loaded_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  DomaineZoneImportDialog *self = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    load_file (self, file);
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (widget);

  if (self->chooser != NULL)
    return;
  /* GtkFileChooserNative goes through the file chooser portal inside Flatpak. */
  self->chooser
      = gtk_file_chooser_native_new (_ ("Open Zone File"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  DomaineZoneImportDialog *self = user_data;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  load_file (self, g_value_get_object (value));
  return TRUE;
}

/* Merge and replace ----------------------------------------------------------------------- */

/* The notes of the file (comment lines) reach the records once they exist with an id. */
static void
take_notes (DomaineZoneImportDialog *self)
{
  if (self->notes != NULL && self->records != NULL)
    ovh_zone_file_take_notes (self->records, self->notes);
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (self->diff == NULL)
    return;
  if (ovh_zone_diff_stage (self->diff, self->changeset, NULL, &error) < 0)
    {
      show_error (self, error);
      return;
    }
  take_notes (self);
  /* The changes wait in the zone editor for review and publishing. */
  gtk_window_close (GTK_WINDOW (self));
}

/* A merge of only the differences chosen in the list. */
static void
stage_selected_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (widget);
  g_autoptr (GPtrArray) items = domaine_zone_diff_view_dup_selected (self->diff_view);
  g_autoptr (GError) error = NULL;

  if (self->diff == NULL)
    return;
  if (items->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_ ("Select the records to stage first")));
      return;
    }
  if (ovh_zone_diff_stage (self->diff, self->changeset, items, &error) < 0)
    {
      show_error (self, error);
      return;
    }
  take_notes (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
reload_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_zone_reload_finish (OVH_ZONE (source), result, &error))
    show_error (self, error);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_ ("Zone replaced and published by OVH")));
  set_busy (self, FALSE);
  parse_now (self);
}

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_zone_follow_task_finish (OVH_ZONE (source), result, &error))
    {
      show_error (self, error);
      set_busy (self, FALSE);
      return;
    }
  ovh_zone_reload_async (self->zone, self->cancellable, reload_cb, g_object_ref (self));
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneImportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 task_id = 0;

  if (!ovh_zone_import_finish (OVH_ZONE (source), result, &task_id, &status, &error))
    {
      show_error (self, error);
      set_busy (self, FALSE);
      return;
    }
  take_notes (self);
  ovh_zone_follow_task_async (self->zone, task_id, TASK_POLL_MS, self->cancellable, followed_cb,
                              g_object_ref (self));
}

static void
replace_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  DomaineZoneImportDialog *self = user_data;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "replace") || self->diff == NULL)
    return;
  text = dup_text (self);
  set_busy (self, TRUE);
  ovh_zone_import_async (self->zone, text, self->cancellable, imported_cb, g_object_ref (self));
}

static void
replace_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (widget);
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->diff == NULL)
    return;
  counts = domaine_zone_diff_view_format_counts (self->diff);
  if (ovh_zone_diff_needs_confirmation (self->diff))
    body = g_strdup_printf (
        /* Translators: "+3 −1 ~2", then a number of records and their total */
        _ ("The zone will change: %s. This removes or changes %u of its %u records. OVH "
           "publishes the imported zone at once."),
        counts, ovh_zone_diff_get_n_removed (self->diff) + ovh_zone_diff_get_n_changed (self->diff),
        ovh_zone_diff_get_n_before (self->diff));
  else
    /* Translators: "+3 −1 ~2" */
    body = g_strdup_printf (_ ("The zone will change: %s. OVH publishes the imported zone at "
                               "once."),
                            counts);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Replace the Whole Zone?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "replace",
                                    _ ("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public -------------------------------------------------------------------------------- */

GtkWidget *
domaine_zone_import_dialog_new (OvhChangeset *changeset)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);
  return g_object_new (DOMAINE_TYPE_ZONE_IMPORT_DIALOG, "changeset", changeset, NULL);
}

OvhZoneDiff *
domaine_zone_import_dialog_get_diff (DomaineZoneImportDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_IMPORT_DIALOG (self), NULL);
  return self->diff;
}

gboolean
domaine_zone_import_dialog_get_busy (DomaineZoneImportDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

GtkWidget *
domaine_zone_import_dialog_get_diff_view (DomaineZoneImportDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->diff_view);
}

const char *
domaine_zone_import_dialog_get_problems (DomaineZoneImportDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_IMPORT_DIALOG (self), NULL);
  return self->problems != NULL ? self->problems : "";
}

/* GObject -------------------------------------------------------------------------------- */

static void
domaine_zone_import_dialog_constructed (GObject *object)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (domaine_zone_import_dialog_parent_class)->constructed (object);

  self->zone = g_object_ref (ovh_changeset_get_zone (self->changeset));
  adw_window_title_set_subtitle (self->window_title, ovh_zone_get_name (self->zone));
  /* Text mode is this window under another title. */
  g_object_bind_property (self, "title", self->window_title, "title", G_BINDING_SYNC_CREATE);
  update_actions (self);
}

static void
domaine_zone_import_dialog_dispose (GObject *object)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->navigation_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->parse_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (domaine_zone_import_dialog_parent_class)->dispose (object);
}

static void
domaine_zone_import_dialog_finalize (GObject *object)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->changeset);
  g_clear_object (&self->zone);
  g_clear_object (&self->diff);
  g_clear_object (&self->notes);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_free (self->problems);
  G_OBJECT_CLASS (domaine_zone_import_dialog_parent_class)->finalize (object);
}

static void
domaine_zone_import_dialog_get_property (GObject *object,
                                         guint prop_id,
                                         GValue *value,
                                         GParamSpec *pspec)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_import_dialog_set_property (GObject *object,
                                         guint prop_id,
                                         const GValue *value,
                                         GParamSpec *pspec)
{
  DomaineZoneImportDialog *self = DOMAINE_ZONE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_import_dialog_class_init (DomaineZoneImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = domaine_zone_import_dialog_constructed;
  object_class->dispose = domaine_zone_import_dialog_dispose;
  object_class->finalize = domaine_zone_import_dialog_finalize;
  object_class->get_property = domaine_zone_import_dialog_get_property;
  object_class->set_property = domaine_zone_import_dialog_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFF] = g_param_spec_object ("diff", NULL, NULL, OVH_TYPE_ZONE_DIFF, read_only);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_ZONE_DIFF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/domaine/Domaine/zone/"
                                                             "domaine-zone-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, diff_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneImportDialog, actions_box);
  gtk_widget_class_bind_template_callback (widget_class, update_navigation);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_clicked_cb);

  gtk_widget_class_install_action (widget_class, "import.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "import.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "import.stage-selected", NULL,
                                   stage_selected_action);
  gtk_widget_class_install_action (widget_class, "import.replace", NULL, replace_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.open",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_zone_import_dialog_init (DomaineZoneImportDialog *self)
{
  GtkTextBuffer *buffer;
  GtkDropTarget *target;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "problem", "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, 0);

  target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
domaine_zone_import_dialog_set_notes (DomaineZoneImportDialog *self, OvhRecordNotes *notes)
{
  g_return_if_fail (DOMAINE_IS_ZONE_IMPORT_DIALOG (self));
  g_return_if_fail (notes == NULL || OVH_IS_RECORD_NOTES (notes));

  g_set_object (&self->notes, notes);
}
