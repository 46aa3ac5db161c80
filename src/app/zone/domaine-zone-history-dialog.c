/* domaine-zone-history-dialog.c: the versions OVH keeps of a zone, compared and restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The versions are listed at once; their files are read one after the other in the
 * background, each giving its row a summary against the version before it. The selected
 * version is compared with the zone as loaded: what restoring it would change. Beside them,
 * Domaine's own snapshots taken before each publish: selecting one shows what undoing that
 * publish would change, and staging it makes those changes pending, never sent at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-format.h"
#include "domaine-zone-diff-view.h"
#include "domaine-zone-history-dialog.h"
#include "ovh-error.h"
#include "ovh-zone-file.h"
#include "ovh-zone-history.h"
#include "ovh-zone-snapshot.h"

#define TASK_POLL_MS 1000

typedef struct
{
  char *date;
  GPtrArray *records; /* NULL until read */
  char *summary;
  AdwActionRow *row;
} Version;

struct _DomaineZoneHistoryDialog
{
  AdwWindow parent_instance;

  OvhChangeset *changeset;
  OvhZone *zone;
  GPtrArray *versions; /* of Version, newest first */
  GStrv dates;
  GCancellable *cancellable;
  OvhZoneDiff *diff;
  int selected; /* -1: none */
  gboolean reading;
  gboolean restoring;
  char *undo_date;        /* the newest version before the last restore */
  char *snapshot_account; /* NULL: no local snapshots shown */
  GArray *snapshots;      /* of gint64, newest first */
  int selected_snapshot;  /* -1: none */

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkListBox *versions_list;
  GtkLabel *snapshots_label;
  GtkListBox *snapshots_list;
  GtkWidget *stage_undo_button;
  GtkWidget *restore_button;
  GtkLabel *heading_label;
  DomaineZoneDiffView *diff_view;
};

G_DEFINE_FINAL_TYPE (DomaineZoneHistoryDialog, domaine_zone_history_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CHANGESET,
  PROP_SNAPSHOT_ACCOUNT,
  PROP_N_VERSIONS,
  PROP_DIFF,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_versions (DomaineZoneHistoryDialog *self);
static void read_next (DomaineZoneHistoryDialog *self);

static void
version_free (Version *version)
{
  g_free (version->date);
  g_clear_pointer (&version->records, g_ptr_array_unref);
  g_free (version->summary);
  g_free (version);
}

static void
set_busy (DomaineZoneHistoryDialog *self, gboolean reading, gboolean restoring)
{
  gboolean was_busy = domaine_zone_history_dialog_get_busy (self);

  self->reading = reading;
  self->restoring = restoring;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore",
                                 !restoring && self->diff != NULL && self->selected >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.stage-undo",
                                 !restoring && self->diff != NULL && self->selected_snapshot >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.stage-selected",
                                 !restoring && self->diff != NULL);
  if (was_busy != domaine_zone_history_dialog_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (DomaineZoneHistoryDialog *self, const GError *error)
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

static GPtrArray *
zone_records (DomaineZoneHistoryDialog *self)
{
  GListModel *model = ovh_zone_get_records (self->zone);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (records, g_list_model_get_item (model, i));
  return records;
}

/* The row of version i: its record count and what changed since the version before it. */
static void
update_summary (DomaineZoneHistoryDialog *self, guint i)
{
  Version *version = g_ptr_array_index (self->versions, i);
  Version *older = i + 1 < self->versions->len ? g_ptr_array_index (self->versions, i + 1) : NULL;
  g_autoptr (GDateTime) date = ovh_zone_history_parse_date (version->date);
  g_autofree char *relative = date != NULL ? domaine_format_relative (date) : g_strdup ("");
  g_autofree char *subtitle = NULL;

  if (version->records == NULL)
    return;

  g_free (version->summary);
  if (older != NULL && older->records != NULL)
    {
      g_autoptr (OvhZoneDiff) diff
          = ovh_zone_diff_new (older->records, version->records, OVH_ZONE_DIFF_DEFAULT);
      g_autofree char *counts = domaine_zone_diff_view_format_counts (diff);

      /* Translators: a number of records, then "+3 −1 ~2" */
      version->summary
          = g_strdup_printf (ngettext ("%u record · %s", "%u records · %s", version->records->len),
                             version->records->len, counts);
    }
  else
    version->summary = g_strdup_printf (ngettext ("%u record", "%u records", version->records->len),
                                        version->records->len);

  /* Translators: how long ago ("2 hours ago"), then the summary of the version */
  subtitle = g_strdup_printf (_ ("%s — %s"), relative, version->summary);
  adw_action_row_set_subtitle (version->row, subtitle);
}

static void
set_diff (DomaineZoneHistoryDialog *self, OvhZoneDiff *diff)
{
  g_set_object (&self->diff, diff);
  domaine_zone_diff_view_set_diff (self->diff_view, diff);
  /* A snapshot is undone by staging, an OVH version restored by OVH. */
  gtk_widget_set_visible (self->stage_undo_button, self->selected_snapshot >= 0);
  gtk_widget_set_visible (self->restore_button, self->selected_snapshot < 0);
  set_busy (self, self->reading, self->restoring);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
}

/* The zone now against the snapshot taken before a publish: what undoing it would change. */
static void
show_selected_snapshot (DomaineZoneHistoryDialog *self)
{
  g_autoptr (GPtrArray) snapshot = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (GError) error = NULL;

  if (self->selected_snapshot < 0 || (guint) self->selected_snapshot >= self->snapshots->len)
    return;
  snapshot = ovh_zone_snapshot_load (
      NULL, self->snapshot_account, ovh_zone_get_name (self->zone),
      g_array_index (self->snapshots, gint64, self->selected_snapshot), &error);
  if (snapshot == NULL)
    {
      gtk_label_set_label (self->heading_label, error->message);
      set_diff (self, NULL);
      return;
    }

  diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (self->zone), snapshot,
                                       OVH_ZONE_DIFF_SKIP_MANAGED);
  gtk_label_set_label (self->heading_label, ovh_zone_diff_is_empty (diff)
                                                ? _ ("The zone is as it was before this publish")
                                                : _ ("Undoing this publish would change:"));
  set_diff (self, diff);
}

static void
show_selected (DomaineZoneHistoryDialog *self)
{
  Version *version;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;

  if (self->selected < 0 || (guint) self->selected >= self->versions->len)
    return;
  version = g_ptr_array_index (self->versions, self->selected);
  if (version->records == NULL)
    {
      gtk_label_set_label (self->heading_label, _ ("Reading this version…"));
      return;
    }

  current = zone_records (self);
  diff = ovh_zone_diff_new (current, version->records, OVH_ZONE_DIFF_SKIP_MANAGED);
  gtk_label_set_label (self->heading_label, ovh_zone_diff_is_empty (diff)
                                                ? _ ("This version is the zone as it is now")
                                                : _ ("Restoring this version would change:"));
  set_diff (self, diff);
}

/* Reading the versions' files ------------------------------------------------------------- */

static void
file_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHistoryDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *text = NULL;
  Version *version = NULL;
  guint index = 0;

  text = ovh_zone_fetch_history_file_finish (OVH_ZONE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  for (guint i = 0; i < self->versions->len; i++)
    {
      Version *candidate = g_ptr_array_index (self->versions, i);

      if (candidate->records == NULL)
        {
          version = candidate;
          index = i;
          break;
        }
    }
  if (version == NULL)
    return;

  if (text == NULL)
    {
      show_error (self, error);
      /* An unreadable version stays without summary; the others are still read. */
      version->records = g_ptr_array_new_with_free_func (g_object_unref);
      adw_action_row_set_subtitle (version->row, error->message);
    }
  else
    {
      version->records = ovh_zone_file_parse_full (text, ovh_zone_get_name (self->zone),
                                                   OVH_ZONE_FILE_PARSE_DEFAULT, &problems);
      if (version->records == NULL)
        version->records = g_ptr_array_new_with_free_func (g_object_unref);
      update_summary (self, index);
      if (index > 0)
        update_summary (self, index - 1);
    }

  if ((int) index == self->selected)
    show_selected (self);
  read_next (self);
}

static void
read_next (DomaineZoneHistoryDialog *self)
{
  for (guint i = 0; i < self->versions->len; i++)
    {
      Version *version = g_ptr_array_index (self->versions, i);

      if (version->records == NULL)
        {
          set_busy (self, TRUE, self->restoring);
          ovh_zone_fetch_history_file_async (self->zone, version->date, self->cancellable, file_cb,
                                             g_object_ref (self));
          return;
        }
    }
  set_busy (self, FALSE, self->restoring);
}

/* Listing -------------------------------------------------------------------------------- */

static void
row_selected_cb (GtkListBox *list, GtkListBoxRow *row, gpointer user_data)
{
  DomaineZoneHistoryDialog *self = user_data;

  self->selected = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  if (row == NULL)
    return;
  /* One choice across both lists. */
  self->selected_snapshot = -1;
  gtk_list_box_unselect_all (self->snapshots_list);
  show_selected (self);
}

static void
snapshot_selected_cb (GtkListBox *list, GtkListBoxRow *row, gpointer user_data)
{
  DomaineZoneHistoryDialog *self = user_data;

  self->selected_snapshot = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  if (row == NULL)
    return;
  self->selected = -1;
  gtk_list_box_unselect_all (self->versions_list);
  show_selected_snapshot (self);
}

/* Domaine's own snapshots are local files: listed at once, each read when selected. */
static void
list_snapshots (DomaineZoneHistoryDialog *self)
{
  for (GtkWidget *child;
       (child = gtk_widget_get_first_child (GTK_WIDGET (self->snapshots_list))) != NULL;)
    gtk_list_box_remove (self->snapshots_list, child);
  g_clear_pointer (&self->snapshots, g_array_unref);
  self->selected_snapshot = -1;
  self->snapshots
      = self->snapshot_account != NULL
            ? ovh_zone_snapshot_list (NULL, self->snapshot_account, ovh_zone_get_name (self->zone))
            : g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->snapshots->len; i++)
    {
      gint64 time = g_array_index (self->snapshots, gint64, i);
      g_autoptr (GDateTime) date = g_date_time_new_from_unix_local (time / G_USEC_PER_SEC);
      g_autofree char *title = date != NULL ? domaine_format_date_time (date) : NULL;
      g_autofree char *relative = date != NULL ? domaine_format_relative (date) : NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), relative != NULL ? relative : "");
      gtk_list_box_append (self->snapshots_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->snapshots_label), self->snapshots->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshots_list), self->snapshots->len > 0);
}

static void
list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHistoryDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) dates = ovh_zone_list_history_finish (OVH_ZONE (source), result, &error);

  if (dates == NULL)
    {
      show_error (self, error);
      set_busy (self, FALSE, self->restoring);
      return;
    }

  g_clear_pointer (&self->dates, g_strfreev);
  self->dates = g_strdupv (dates);
  g_ptr_array_set_size (self->versions, 0);
  /* gtk_list_box_remove_all() is GTK 4.12. */
  for (GtkWidget *child;
       (child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL;)
    gtk_list_box_remove (self->versions_list, child);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      Version *version = g_new0 (Version, 1);
      g_autoptr (GDateTime) date = ovh_zone_history_parse_date (dates[i]);
      g_autofree char *title = domaine_format_date_time (date);
      g_autofree char *relative = date != NULL ? domaine_format_relative (date) : NULL;

      version->date = g_strdup (dates[i]);
      version->row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (version->row),
                                     title != NULL ? title : dates[i]);
      adw_action_row_set_subtitle (version->row, relative != NULL ? relative : "");
      gtk_list_box_append (self->versions_list, GTK_WIDGET (version->row));
      g_ptr_array_add (self->versions, version);
    }
  self->selected = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VERSIONS]);
  read_next (self);
}

static void
list_versions (DomaineZoneHistoryDialog *self)
{
  set_busy (self, TRUE, self->restoring);
  ovh_zone_list_history_async (self->zone, self->cancellable, list_cb, g_object_ref (self));
}

/* Restoring -------------------------------------------------------------------------------- */

static void
reload_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHistoryDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_zone_reload_finish (OVH_ZONE (source), result, &error))
    show_error (self, error);
  set_busy (self, self->reading, FALSE);
  show_selected_snapshot (self);
  list_versions (self);
}

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHistoryDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwToast) toast = NULL;

  if (!ovh_zone_follow_task_finish (OVH_ZONE (source), result, &error))
    {
      show_error (self, error);
      set_busy (self, self->reading, FALSE);
      return;
    }

  toast = adw_toast_new (_ ("Version restored"));
  if (self->undo_date != NULL)
    {
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "history.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
  ovh_zone_reload_async (self->zone, self->cancellable, reload_cb, g_object_ref (self));
}

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHistoryDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  gint64 task_id = 0;

  if (!ovh_zone_restore_history_finish (OVH_ZONE (source), result, &task_id, &status, &error))
    {
      show_error (self, error);
      set_busy (self, self->reading, FALSE);
      return;
    }
  ovh_zone_follow_task_async (self->zone, task_id, TASK_POLL_MS, self->cancellable, followed_cb,
                              g_object_ref (self));
}

static void
restore_date (DomaineZoneHistoryDialog *self, const char *date)
{
  /* The newest version now is what the restore can be undone to. */
  g_free (self->undo_date);
  self->undo_date
      = self->dates != NULL && self->dates[0] != NULL && g_strcmp0 (self->dates[0], date) != 0
            ? g_strdup (self->dates[0])
            : NULL;
  set_busy (self, self->reading, TRUE);
  ovh_zone_restore_history_async (self->zone, date, self->cancellable, restored_cb,
                                  g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  DomaineZoneHistoryDialog *self = user_data;
  Version *version;

  if (!g_str_equal (response, "restore") || self->selected < 0)
    return;
  version = g_ptr_array_index (self->versions, self->selected);
  restore_date (self, version->date);
}

static void
restore_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (widget);
  g_autofree char *counts = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->diff == NULL || self->selected < 0)
    return;

  counts = domaine_zone_diff_view_format_counts (self->diff);
  if (ovh_zone_diff_needs_confirmation (self->diff))
    body = g_strdup_printf (
        /* Translators: "+3 −1 ~2", then a number of records and their total */
        _ ("The zone will change: %s. This removes or changes %u of its %u records. OVH "
           "publishes the restored zone at once."),
        counts, ovh_zone_diff_get_n_removed (self->diff) + ovh_zone_diff_get_n_changed (self->diff),
        ovh_zone_diff_get_n_before (self->diff));
  else
    /* Translators: "+3 −1 ~2" */
    body = g_strdup_printf (_ ("The zone will change: %s. OVH publishes the restored zone at "
                               "once."),
                            counts);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Restore This Version?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "restore",
                                    _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (widget);
  g_autofree char *date = g_strdup (self->undo_date);

  if (date != NULL && !self->restoring)
    restore_date (self, date);
}

static void
stage_selected_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (widget);
  g_autoptr (GPtrArray) items = domaine_zone_diff_view_dup_selected (self->diff_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gint n_staged;

  if (self->diff == NULL)
    return;
  if (items->len == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_ ("Select the records to restore first")));
      return;
    }

  n_staged = ovh_zone_diff_stage (self->diff, self->changeset, items, &error);
  if (n_staged < 0)
    {
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (ngettext ("%d change staged: review it and publish",
                                     "%d changes staged: review them and publish", n_staged),
                           n_staged);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
stage_undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gint n_staged;

  if (self->diff == NULL || self->selected_snapshot < 0)
    return;
  n_staged = ovh_zone_diff_stage (self->diff, self->changeset, NULL, &error);
  if (n_staged < 0)
    {
      show_error (self, error);
      return;
    }
  title = g_strdup_printf (ngettext ("%d change staged to undo the publish: review it and publish",
                                     "%d changes staged to undo the publish: review them and "
                                     "publish",
                                     n_staged),
                           n_staged);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Public -------------------------------------------------------------------------------- */

GtkWidget *
domaine_zone_history_dialog_new (OvhChangeset *changeset, const char *snapshot_account)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);
  return g_object_new (DOMAINE_TYPE_ZONE_HISTORY_DIALOG, "changeset", changeset, "snapshot-account",
                       snapshot_account, NULL);
}

guint
domaine_zone_history_dialog_get_n_snapshots (DomaineZoneHistoryDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), 0);
  return self->snapshots != NULL ? self->snapshots->len : 0;
}

void
domaine_zone_history_dialog_select_snapshot (DomaineZoneHistoryDialog *self, guint index)
{
  g_return_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self));
  g_return_if_fail (index < domaine_zone_history_dialog_get_n_snapshots (self));

  gtk_list_box_select_row (self->snapshots_list,
                           gtk_list_box_get_row_at_index (self->snapshots_list, (int) index));
}

guint
domaine_zone_history_dialog_get_n_versions (DomaineZoneHistoryDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), 0);
  return self->versions->len;
}

OvhZoneDiff *
domaine_zone_history_dialog_get_diff (DomaineZoneHistoryDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), NULL);
  return self->diff;
}

gboolean
domaine_zone_history_dialog_get_busy (DomaineZoneHistoryDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), FALSE);
  return self->reading || self->restoring;
}

const char *const *
domaine_zone_history_dialog_get_versions (DomaineZoneHistoryDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), NULL);
  return (const char *const *) self->dates;
}

void
domaine_zone_history_dialog_select (DomaineZoneHistoryDialog *self, guint index)
{
  g_return_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self));
  g_return_if_fail (index < self->versions->len);

  gtk_list_box_select_row (self->versions_list,
                           gtk_list_box_get_row_at_index (self->versions_list, (int) index));
}

const char *
domaine_zone_history_dialog_get_summary (DomaineZoneHistoryDialog *self, guint index)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->versions->len, NULL);
  return ((Version *) g_ptr_array_index (self->versions, index))->summary;
}

GtkWidget *
domaine_zone_history_dialog_get_diff_view (DomaineZoneHistoryDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HISTORY_DIALOG (self), NULL);
  return GTK_WIDGET (self->diff_view);
}

/* GObject -------------------------------------------------------------------------------- */

static void
domaine_zone_history_dialog_constructed (GObject *object)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (object);

  G_OBJECT_CLASS (domaine_zone_history_dialog_parent_class)->constructed (object);

  self->zone = g_object_ref (ovh_changeset_get_zone (self->changeset));
  adw_window_title_set_subtitle (self->window_title, ovh_zone_get_name (self->zone));
  list_snapshots (self);
  list_versions (self);
}

static void
domaine_zone_history_dialog_dispose (GObject *object)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (domaine_zone_history_dialog_parent_class)->dispose (object);
}

static void
domaine_zone_history_dialog_finalize (GObject *object)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->changeset);
  g_clear_object (&self->zone);
  g_clear_object (&self->diff);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->dates, g_strfreev);
  g_free (self->undo_date);
  g_free (self->snapshot_account);
  g_clear_pointer (&self->snapshots, g_array_unref);
  G_OBJECT_CLASS (domaine_zone_history_dialog_parent_class)->finalize (object);
}

static void
domaine_zone_history_dialog_get_property (GObject *object,
                                          guint prop_id,
                                          GValue *value,
                                          GParamSpec *pspec)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_SNAPSHOT_ACCOUNT:
      g_value_set_string (value, self->snapshot_account);
      break;
    case PROP_N_VERSIONS:
      g_value_set_uint (value, self->versions->len);
      break;
    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, domaine_zone_history_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_history_dialog_set_property (GObject *object,
                                          guint prop_id,
                                          const GValue *value,
                                          GParamSpec *pspec)
{
  DomaineZoneHistoryDialog *self = DOMAINE_ZONE_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    case PROP_SNAPSHOT_ACCOUNT:
      self->snapshot_account = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_history_dialog_class_init (DomaineZoneHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = domaine_zone_history_dialog_constructed;
  object_class->dispose = domaine_zone_history_dialog_dispose;
  object_class->finalize = domaine_zone_history_dialog_finalize;
  object_class->get_property = domaine_zone_history_dialog_get_property;
  object_class->set_property = domaine_zone_history_dialog_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT_ACCOUNT]
      = g_param_spec_string ("snapshot-account", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_VERSIONS]
      = g_param_spec_uint ("n-versions", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_DIFF] = g_param_spec_object ("diff", NULL, NULL, OVH_TYPE_ZONE_DIFF, read_only);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_ZONE_DIFF_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/domaine/Domaine/zone/"
                                                             "domaine-zone-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, versions_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, snapshots_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, snapshots_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, stage_undo_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHistoryDialog, diff_view);

  gtk_widget_class_install_action (widget_class, "history.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "history.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "history.stage-selected", NULL,
                                   stage_selected_action);
  gtk_widget_class_install_action (widget_class, "history.stage-undo", NULL, stage_undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_zone_history_dialog_init (DomaineZoneHistoryDialog *self)
{
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) version_free);
  self->cancellable = g_cancellable_new ();
  self->selected = -1;
  self->selected_snapshot = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->versions_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           0);
  g_signal_connect_object (self->snapshots_list, "row-selected", G_CALLBACK (snapshot_selected_cb),
                           self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.stage-undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.stage-selected", FALSE);
}
