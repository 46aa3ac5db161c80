/* test-zone-history-dialog.c: the zone history window against the in-process sandbox:
 * versions listed with their summaries, a version compared, records staged, a restore
 * confirmed and undone, a publish undone from the local snapshot taken before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "domaine-test-gui.h"
#include "domaine-zone-diff-view.h"
#include "domaine-zone-history-dialog.h"
#include "domaine-template-dialog.h"
#include "domaine-zone-import-dialog.h"
#include "domaine-zone-publisher.h"
#include "ovh-zone-file.h"
#include "ovh-sandbox.h"
#include "ovh-zone-snapshot.h"

#define ZONE "lovelace.fr"
#define ACCOUNT "ada"

typedef struct
{
  OvhSandbox *sandbox;
  OvhClient *client;
  OvhZone *zone;
  OvhChangeset *changeset;
  DomaineZoneHistoryDialog *dialog;
} Fixture;

static void
store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
load_zone (Fixture *fixture)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_zone_reload_async (fixture->zone, NULL, store_result, &result);
  g_assert_true (domaine_test_wait_until (result_ready, &result, 10000));
  g_assert_true (ovh_zone_reload_finish (fixture->zone, result, &error));
  g_assert_no_error (error);
}

static void
call (Fixture *fixture, const char *method, const char *path, const char *body)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = body != NULL ? json_from_string (body, NULL) : NULL;
  g_autoptr (JsonNode) answer = NULL;

  ovh_client_call_async (fixture->client, method, path, node, OVH_CALL_NONE, NULL, store_result,
                         &result);
  g_assert_true (domaine_test_wait_until (result_ready, &result, 10000));
  answer = ovh_client_call_finish (fixture->client, result, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  fixture->client
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                        OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_rate_limit (fixture->client, 0);
  ovh_client_set_retry_policy (fixture->client, 0, 10);

  /* A second version: one record more than the first. */
  call (fixture, "POST", "/domain/zone/" ZONE "/record",
        "{\"fieldType\":\"A\",\"subDomain\":\"analyst\",\"target\":\"192.0.2.77\"}");
  call (fixture, "POST", "/domain/zone/" ZONE "/refresh", NULL);

  fixture->zone = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_enabled (fixture->zone, FALSE);
  load_zone (fixture);
  fixture->changeset = ovh_changeset_new (fixture->zone);
  fixture->dialog
      = DOMAINE_ZONE_HISTORY_DIALOG (domaine_zone_history_dialog_new (fixture->changeset, ACCOUNT));
  g_object_ref_sink (fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->dialog));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->dialog);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  g_object_unref (fixture->dialog);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  g_clear_object (&fixture->changeset);
  g_clear_object (&fixture->zone);
  g_clear_object (&fixture->client);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
idle_with_versions (gpointer data)
{
  Fixture *fixture = data;

  return domaine_zone_history_dialog_get_n_versions (fixture->dialog) >= 2
         && !domaine_zone_history_dialog_get_busy (fixture->dialog);
}

static gboolean
has_diff (gpointer data)
{
  Fixture *fixture = data;

  return domaine_zone_history_dialog_get_diff (fixture->dialog) != NULL;
}

static gboolean
idle (gpointer data)
{
  Fixture *fixture = data;

  return !domaine_zone_history_dialog_get_busy (fixture->dialog);
}

static gboolean
analyst_gone (gpointer data)
{
  Fixture *fixture = data;
  GListModel *records = ovh_zone_get_records (fixture->zone);

  if (domaine_zone_history_dialog_get_busy (fixture->dialog))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (g_str_equal (ovh_record_get_sub_domain (record), "analyst"))
        return FALSE;
    }
  return TRUE;
}

static gboolean
analyst_back (gpointer data)
{
  return !analyst_gone (data) && idle (data);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
test_history (Fixture *fixture, gconstpointer data)
{
  DomaineZoneDiffView *view;
  OvhZoneDiff *diff;
  const char *summary;
  AdwMessageDialog *confirm;
  guint n_versions;

  g_assert_true (domaine_test_wait_until (idle_with_versions, fixture, 10000));
  n_versions = domaine_zone_history_dialog_get_n_versions (fixture->dialog);

  /* The newest version says what it changed against the one before it. */
  summary = domaine_zone_history_dialog_get_summary (fixture->dialog, 0);
  g_assert_nonnull (summary);
  g_assert_nonnull (strstr (summary, "+1"));
  g_assert_nonnull (domaine_zone_history_dialog_get_summary (fixture->dialog, 1));

  /* The older version against the zone: restoring it removes "analyst". */
  domaine_zone_history_dialog_select (fixture->dialog, 1);
  g_assert_true (domaine_test_wait_until (has_diff, fixture, 10000));
  diff = domaine_zone_history_dialog_get_diff (fixture->dialog);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 0);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->dialog)), ==, 0);
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (fixture->dialog), "history"));

  /* "Restore these records only": the selected difference becomes a pending change. */
  view = DOMAINE_ZONE_DIFF_VIEW (domaine_zone_history_dialog_get_diff_view (fixture->dialog));
  gtk_selection_model_select_all (domaine_zone_diff_view_get_selection (view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "history.stage-selected", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 1);
  /* Staging twice refuses, and leaves the pending change as it was. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "history.stage-selected", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 1);
  ovh_changeset_discard_all (fixture->changeset);

  /* Restore, confirmed. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "history.restore", NULL);
  g_assert_true (domaine_test_wait_until (message_dialog_shown, NULL, 5000));
  confirm = find_message_dialog ();
  adw_message_dialog_response (confirm, "restore");
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_true (domaine_test_wait_until (analyst_gone, fixture, 15000));
  g_assert_true (domaine_test_wait_until (idle_with_versions, fixture, 10000));
  g_assert_cmpuint (domaine_zone_history_dialog_get_n_versions (fixture->dialog), ==,
                    n_versions + 1);

  /* Undone: the version before the restore. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "history.undo", NULL);
  g_assert_true (domaine_test_wait_until (analyst_back, fixture, 15000));
}

static OvhRecord *
find_record (Fixture *fixture, const char *sub_domain)
{
  GListModel *records = ovh_zone_get_records (fixture->zone);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (g_str_equal (ovh_record_get_sub_domain (record), sub_domain))
        return record; /* the zone keeps it */
    }
  return NULL;
}

/* A publish as the editor makes it (a snapshot first), then undone from the history. */
static void
test_undo_publish (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DomaineZonePublisher) publisher = domaine_zone_publisher_new (fixture->changeset);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) edited = NULL;
  DomaineZoneHistoryDialog *dialog;
  GtkWindow *window;
  OvhRecord *blog = find_record (fixture, "blog");
  guint64 blog_id;
  OvhZoneDiff *diff;
  OvhChange *change;

  g_assert_nonnull (blog);
  blog_id = ovh_record_get_id (blog);
  g_assert_cmpstr (ovh_record_get_target (blog), ==, "203.0.113.11");
  g_assert_true (ovh_zone_snapshot_save (NULL, ACCOUNT, ZONE, ovh_zone_get_records (fixture->zone),
                                         NULL, &error));
  g_assert_no_error (error);
  edited = ovh_record_dup (blog);
  ovh_record_set_target (edited, "203.0.113.12");
  g_assert_nonnull (ovh_changeset_stage_update (fixture->changeset, blog_id, edited, &error));
  g_assert_no_error (error);
  domaine_zone_publisher_publish_async (publisher, NULL, store_result, &result);
  g_assert_true (domaine_test_wait_until (result_ready, &result, 15000));
  g_assert_true (domaine_zone_publisher_publish_finish (publisher, result, &error));
  g_assert_no_error (error);
  load_zone (fixture);
  g_assert_cmpstr (ovh_record_get_target (find_record (fixture, "blog")), ==, "203.0.113.12");
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 0);

  /* A history opened now lists the snapshot beside OVH's versions. */
  dialog
      = DOMAINE_ZONE_HISTORY_DIALOG (domaine_zone_history_dialog_new (fixture->changeset, ACCOUNT));
  window = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (window);
  domaine_test_wait_for_window (window);
  g_assert_cmpuint (domaine_zone_history_dialog_get_n_snapshots (dialog), ==, 1);

  /* Selected: the way back is exactly the inverse of the edit. */
  domaine_zone_history_dialog_select_snapshot (dialog, 0);
  diff = domaine_zone_history_dialog_get_diff (dialog);
  g_assert_nonnull (diff);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 0);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 0);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "history-undo-publish"));

  /* Staged, not sent: one update of the same record back to its old value. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "history.stage-undo", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 1);
  change = ovh_changeset_lookup (fixture->changeset, blog_id);
  g_assert_nonnull (change);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (change)), ==, "203.0.113.11");
  g_assert_cmpstr (ovh_record_get_target (find_record (fixture, "blog")), ==, "203.0.113.12");
  ovh_changeset_discard_all (fixture->changeset);

  gtk_window_destroy (window);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
}

static gboolean
import_idle (gpointer data)
{
  return !domaine_zone_import_dialog_get_busy (data);
}

static gboolean
zone_replaced (gpointer data)
{
  Fixture *fixture = data;

  return ovh_zone_get_n_records (fixture->zone) == 1;
}

/* Import with a preview: errors by line, what OVH cannot hold listed, the merge staged as
 * exactly the differences, the replace confirmed and followed. */
static gboolean
window_fits_phone (gpointer window)
{
  return gtk_widget_get_width (window) <= 360;
}

static gboolean
widget_is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
widget_is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* The template list (the parameters are a list box too). */
static GtkListBox *
find_sidebar (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return GTK_LIST_BOX (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_sidebar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
leaflet_is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

static gboolean
leaflet_is_unfolded (gpointer leaflet)
{
  return !adw_leaflet_get_folded (leaflet);
}

/* Narrow, the file and the preview are two pages: Preview shows the differences, Back the file;
 * the import buttons stack. */
static void
check_import_folds (DomaineZoneImportDialog *dialog)
{
  GtkWindow *window = GTK_WINDOW (dialog);
  AdwLeaflet *leaflet
      = ADW_LEAFLET (domaine_test_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_LEAFLET));
  GtkWidget *preview = domaine_test_find_button_with_label (GTK_WIDGET (dialog), "_Preview");
  GtkWidget *back
      = domaine_test_find_widget_with_text (GTK_WIDGET (dialog), "Back to the Zone File");
  int width, height;

  /* GTK 4.8 can draw a fold's animation parts unallocated while the window is resized. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_assert_true (domaine_test_wait_until (leaflet_is_unfolded, leaflet, 5000));
  g_assert_true (domaine_test_wait_until (widget_is_hidden, preview, 5000));
  g_assert_false (gtk_widget_get_visible (back));
  gtk_window_get_default_size (window, &width, &height);
  gtk_window_set_default_size (window, 360, height);
  g_assert_true (domaine_test_wait_until (leaflet_is_folded, leaflet, 5000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "file");
  g_assert_true (domaine_test_wait_until (widget_is_visible, preview, 5000));
  g_signal_emit_by_name (preview, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "preview");
  g_assert_true (domaine_test_wait_until (widget_is_visible, back, 5000));
  g_assert_false (gtk_widget_get_visible (preview));
  domaine_test_wait_for_frame (GTK_WIDGET (dialog));
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  /* Folded, the buttons stack: the dialog may then narrow further, as a person dragging its
   * edge sees. */
  gtk_window_set_default_size (window, 360, height);
  g_assert_true (domaine_test_wait_until (window_fits_phone, dialog, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 360);
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "import-preview-folded"));
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "file");
  gtk_window_set_default_size (window, width, height);
  g_assert_true (domaine_test_wait_until (leaflet_is_unfolded, leaflet, 5000));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

static void
test_import (Fixture *fixture, gconstpointer data)
{
  DomaineZoneImportDialog *dialog
      = DOMAINE_ZONE_IMPORT_DIALOG (domaine_zone_import_dialog_new (fixture->changeset));
  g_autofree char *exported
      = ovh_zone_file_write_model (ZONE, 0, ovh_zone_get_records (fixture->zone));
  g_auto (GStrv) lines = g_strsplit (exported, "\n", -1);
  g_autoptr (GString) file = g_string_new (NULL);
  GtkWindow *window = GTK_WINDOW (dialog);
  AdwMessageDialog *confirm;
  OvhZoneDiff *diff;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (dialog));
  domaine_test_wait_for_window (GTK_WINDOW (dialog));

  /* An error: its line named, no diff, nothing to merge. */
  domaine_zone_import_dialog_set_text (dialog, "www IN A 192.0.2.1\nbad IN A nope\n");
  g_assert_null (domaine_zone_import_dialog_get_diff (dialog));
  g_assert_nonnull (strstr (domaine_zone_import_dialog_get_problems (dialog), "Line 2"));
  g_assert_false (gtk_widget_is_sensitive (
      domaine_test_find_button_with_label (GTK_WIDGET (dialog), "_Merge")));

  /* blog changes, notes goes, fresh comes, an HINFO is left out. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "notes ") || g_str_has_prefix (lines[i], "blog "))
        continue;
      g_string_append_printf (file, "%s\n", lines[i]);
    }
  g_string_append (file, "blog 3600 IN A 203.0.113.99\nfresh IN A 192.0.2.5\n"
                         "box IN HINFO \"PC\" \"Linux\"\n");
  domaine_zone_import_dialog_set_text (dialog, file->str);
  diff = domaine_zone_import_dialog_get_diff (dialog);
  g_assert_nonnull (diff);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, 1);
  g_assert_nonnull (strstr (domaine_zone_import_dialog_get_problems (dialog), "HINFO"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "import-preview"));
  check_import_folds (dialog);

  /* Replace, confirmed: OVH's import, followed, the zone reloaded. */
  domaine_zone_import_dialog_set_text (dialog, "www IN A 192.0.2.2\n");
  g_assert_true (ovh_zone_diff_needs_confirmation (domaine_zone_import_dialog_get_diff (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.replace", NULL);
  g_assert_true (domaine_test_wait_until (message_dialog_shown, NULL, 5000));
  confirm = find_message_dialog ();
  adw_message_dialog_response (confirm, "replace");
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_true (domaine_test_wait_until (zone_replaced, fixture, 15000));
  g_assert_true (domaine_test_wait_until (import_idle, dialog, 15000));

  /* Merge: the differences staged, the window closed. */
  domaine_zone_import_dialog_set_text (dialog, "www IN A 192.0.2.3\nmore IN A 192.0.2.4\n");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.merge", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 2);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  ovh_changeset_discard_all (fixture->changeset);
}

/* Only the differences chosen: one of three selected, one pending change. */
static void
test_import_stage_selected (Fixture *fixture, gconstpointer data)
{
  DomaineZoneImportDialog *dialog
      = DOMAINE_ZONE_IMPORT_DIALOG (domaine_zone_import_dialog_new (fixture->changeset));
  g_autofree char *exported
      = ovh_zone_file_write_model (ZONE, 0, ovh_zone_get_records (fixture->zone));
  g_auto (GStrv) lines = g_strsplit (exported, "\n", -1);
  g_autoptr (GString) file = g_string_new (NULL);
  GtkWindow *window = GTK_WINDOW (dialog);
  OvhRecord *notes = find_record (fixture, "notes");
  GtkSelectionModel *selection;
  OvhZoneDiff *diff;
  OvhChange *change;
  guint n_items;

  g_assert_nonnull (notes);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (window);
  domaine_test_wait_for_window (window);

  /* blog changes, notes goes, fresh comes. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "notes ") || g_str_has_prefix (lines[i], "blog "))
        continue;
      g_string_append_printf (file, "%s\n", lines[i]);
    }
  g_string_append (file, "blog 3600 IN A 203.0.113.99\nfresh IN A 192.0.2.5\n");
  domaine_zone_import_dialog_set_text (dialog, file->str);
  diff = domaine_zone_import_dialog_get_diff (dialog);
  g_assert_nonnull (diff);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff) + ovh_zone_diff_get_n_removed (diff)
                        + ovh_zone_diff_get_n_changed (diff),
                    ==, 3);

  /* Nothing selected: nothing staged, the window stays. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stage-selected", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 0);
  g_assert_nonnull (window);

  selection = domaine_zone_diff_view_get_selection (
      DOMAINE_ZONE_DIFF_VIEW (domaine_zone_import_dialog_get_diff_view (dialog)));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));
  g_assert_cmpuint (n_items, ==, 3);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhZoneDiffItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (ovh_zone_diff_item_get_kind (item) == OVH_ZONE_DIFF_REMOVED)
        gtk_selection_model_select_item (selection, i, TRUE);
    }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.stage-selected", NULL);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 1);
  change = ovh_changeset_lookup (fixture->changeset, ovh_record_get_id (notes));
  g_assert_nonnull (change);
  g_assert_cmpint (ovh_change_get_kind (change), ==, OVH_CHANGE_KIND_DELETE);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  ovh_changeset_discard_all (fixture->changeset);
}

/* Text mode: the zone as text, one line edited, the edit staged as one change. */
static void
test_text_mode (Fixture *fixture, gconstpointer data)
{
  DomaineZoneImportDialog *dialog
      = DOMAINE_ZONE_IMPORT_DIALOG (domaine_zone_import_dialog_new (fixture->changeset));
  g_autofree char *text = ovh_zone_file_write_model (ZONE, 0, ovh_zone_get_records (fixture->zone));
  g_autofree char *edited = NULL;
  GtkWindow *window = GTK_WINDOW (dialog);
  OvhChange *change;
  OvhRecord *blog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (ovh_zone_get_records (fixture->zone)); i++)
    {
      g_autoptr (OvhRecord) record
          = g_list_model_get_item (ovh_zone_get_records (fixture->zone), i);

      if (g_str_equal (ovh_record_get_sub_domain (record), "blog"))
        blog = record;
    }
  g_assert_nonnull (blog);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_set_title (window, "Edit Zone as Text");
  gtk_window_present (window);
  domaine_test_wait_for_window (window);

  /* The zone as it is: nothing to stage. */
  domaine_zone_import_dialog_set_text (dialog, text);
  g_assert_nonnull (domaine_zone_import_dialog_get_diff (dialog));
  g_assert_true (ovh_zone_diff_is_empty (domaine_zone_import_dialog_get_diff (dialog)));
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "text-mode"));

  {
    g_auto (GStrv) parts = g_strsplit (text, "blog 3600 IN A 203.0.113.11\n", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    edited = g_strjoinv ("blog 3600 IN A 203.0.113.12\n", parts);
  }
  domaine_zone_import_dialog_set_text (dialog, edited);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (domaine_zone_import_dialog_get_diff (dialog)), ==,
                    1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.merge", NULL);
  change = ovh_changeset_lookup (fixture->changeset, ovh_record_get_id (blog));
  g_assert_nonnull (change);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 1);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (change)), ==, "203.0.113.12");
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  ovh_changeset_discard_all (fixture->changeset);
}

/* The template gallery: a refused value says why; a plan that replaces records says so and on
 * its button; staging makes pending changes and closes the window. */
static void
test_template (Fixture *fixture, gconstpointer data)
{
  DomaineTemplateDialog *dialog
      = DOMAINE_TEMPLATE_DIALOG (domaine_template_dialog_new (fixture->changeset));
  GtkWindow *window = GTK_WINDOW (dialog);
  OvhZoneTemplatePlan *plan;
  AdwLeaflet *leaflet;
  GtkListBox *list;
  GtkWidget *row, *back;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (window);
  domaine_test_wait_for_window (window);
  /* The first template is chosen from the start. */
  g_assert_true (domaine_template_dialog_get_plan (dialog) != NULL
                 || *domaine_template_dialog_get_problem (dialog) != '\0');

  g_assert_true (domaine_template_dialog_select (dialog, "github-pages"));
  g_assert_null (domaine_template_dialog_get_plan (dialog));
  g_assert_nonnull (strstr (domaine_template_dialog_get_problem (dialog), "is required"));
  g_assert_false (gtk_widget_is_sensitive (
      domaine_test_find_button_with_label (GTK_WIDGET (dialog), "_Stage Changes")));
  domaine_template_dialog_set_value (dialog, "user", "octo cat");
  g_assert_nonnull (strstr (domaine_template_dialog_get_problem (dialog), "host name"));

  /* lovelace.fr has OVH's MX Plan: Google Workspace replaces it and merges the SPF. */
  g_assert_true (domaine_template_dialog_select (dialog, "google-workspace"));
  plan = domaine_template_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_true (ovh_zone_template_plan_needs_confirmation (plan));
  g_assert_cmpuint (g_strv_length (ovh_zone_template_plan_get_conflicts (plan)), ==, 2);
  g_assert_nonnull (
      domaine_test_find_button_with_label (GTK_WIDGET (dialog), "_Replace and Stage"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "template-conflict"));

  /* Narrow, the list and the chosen template are two pages: activating a template shows it,
   * Back returns to the list. */
  leaflet = ADW_LEAFLET (domaine_test_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_LEAFLET));
  list = find_sidebar (GTK_WIDGET (dialog));
  row = GTK_WIDGET (gtk_list_box_get_selected_row (list));
  back = domaine_test_find_widget_with_text (GTK_WIDGET (dialog), "Back to the Templates");
  g_assert_true (domaine_test_wait_until (leaflet_is_unfolded, leaflet, 5000));
  g_assert_true (domaine_test_wait_until (widget_is_hidden, back, 5000));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (window, 400, 640);
  g_assert_true (domaine_test_wait_until (leaflet_is_folded, leaflet, 5000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "templates");
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "details");
  g_assert_true (domaine_test_wait_until (widget_is_visible, back, 5000));
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "template-conflict-folded"));
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "templates");
  g_assert_true (domaine_test_wait_until (widget_is_hidden, back, 5000));
  gtk_window_set_default_size (window, 1000, 640);
  g_assert_true (domaine_test_wait_until (leaflet_is_unfolded, leaflet, 5000));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  /* Nothing was staged by looking. */
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "template.stage", NULL);
  /* Two MX replaced by one (a change and a deletion), the SPF changed. */
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 3);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  ovh_changeset_discard_all (fixture->changeset);
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  /* The local snapshots go to a data dir of the test's own. */
  domaine_test_use_scratch_data_dirs ("domaine-history-dialog-XXXXXX");

  g_test_add ("/zone-history-dialog/history", Fixture, NULL, fixture_set_up, test_history,
              fixture_tear_down);
  g_test_add ("/zone-history-dialog/undo-publish", Fixture, NULL, fixture_set_up, test_undo_publish,
              fixture_tear_down);
  g_test_add ("/template-dialog/conflict", Fixture, NULL, fixture_set_up, test_template,
              fixture_tear_down);
  g_test_add ("/zone-import-dialog/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/zone-import-dialog/stage-selected", Fixture, NULL, fixture_set_up,
              test_import_stage_selected, fixture_tear_down);
  g_test_add ("/zone-import-dialog/text-mode", Fixture, NULL, fixture_set_up, test_text_mode,
              fixture_tear_down);

  return g_test_run ();
}
