/* test-bulk-edit.c: one change for many selected records, in the zone editor, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The path a person takes: select records, open "Edit Selected Records", choose the change,
 * read the preview, stage; the changes bar counts them, one undo takes them all back, and
 * publishing sends them with one refresh.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "domaine-bulk-edit-dialog.h"
#include "domaine-test-gui.h"
#include "domaine-zone-editor-private.h"
#include "ovh-sandbox.h"
#include "ovh-zone-template.h"

#define ZONE "bulk.example"
#define N_RECORDS 600
#define ZONE_PATH "/domain/zone/" ZONE

typedef struct
{
  OvhSandbox *sandbox;
  OvhClient *client;
  OvhZone *zone;
  GtkWindow *window;
  DomaineZoneEditor *editor;
} Fixture;

static gboolean
zone_loaded (gpointer data)
{
  Fixture *fixture = data;

  return ovh_zone_get_load_state (fixture->zone) == OVH_ZONE_LOAD_STATE_LOADED
         && !domaine_zone_editor_get_restoring (fixture->editor);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_add_generated_zone (fixture->sandbox, ZONE, N_RECORDS);
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  fixture->client
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                        OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_rate_limit (fixture->client, 0);
  ovh_client_set_retry_policy (fixture->client, 0, 10);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->editor = DOMAINE_ZONE_EDITOR (domaine_zone_editor_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);

  fixture->zone = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_enabled (fixture->zone, FALSE);
  domaine_zone_editor_set_zone (fixture->editor, fixture->zone);
  g_assert_true (domaine_test_wait_until (zone_loaded, fixture, 30000));
  domaine_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static gboolean
store_idle (gpointer data)
{
  return !ovh_pending_store_get_busy (data);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhPendingStore) store = domaine_zone_pending_dup_store ();
  GtkWindow *window = fixture->window;

  ovh_changeset_discard_all (domaine_zone_editor_get_changeset (fixture->editor));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (fixture->window);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  g_assert_true (domaine_test_wait_until (store_idle, store, 5000));
  g_clear_object (&fixture->zone);
  g_clear_object (&fixture->client);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* The dialog "zone.bulk-edit" opened over the editor's window. */
static DomaineBulkEditDialog *
open_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.bulk-edit", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DOMAINE_IS_BULK_EDIT_DIALOG (window))
        {
          domaine_test_wait_for_window (window);
          return DOMAINE_BULK_EDIT_DIALOG (window);
        }
    }
  g_assert_not_reached ();
}

static gpointer
find_child (DomaineBulkEditDialog *dialog, const char *name)
{
  GObject *child
      = gtk_widget_get_template_child (GTK_WIDGET (dialog), DOMAINE_TYPE_BULK_EDIT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

static void
select_first (Fixture *fixture, guint n)
{
  GtkSelectionModel *selection = domaine_zone_editor_get_selection (fixture->editor);

  gtk_selection_model_select_range (selection, 0, n, TRUE);
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, n);
}

static void
stage (DomaineBulkEditDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk.stage", NULL));
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &dialog, 5000));
}

static gboolean
published (gpointer data)
{
  Fixture *fixture = data;
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (fixture->editor);

  return !ovh_changeset_get_busy (changeset) && ovh_changeset_get_n_pending (changeset) == 0;
}

static guint
count_refreshes (Fixture *fixture)
{
  return ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/refresh");
}

static void
test_ttl (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (fixture->editor);
  DomaineUndoStack *undo = fixture->editor->undo_stack;
  DomaineBulkEditDialog *dialog;
  OvhRecordBulkPlan *plan;
  GtkLabel *counts_label;

  select_first (fixture, 500);
  dialog = open_dialog (fixture);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);

  /* Set TTL is the first choice: 120 s for all 500. */
  gtk_spin_button_set_value (find_child (dialog, "ttl_spin"), 120);
  plan = domaine_bulk_edit_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (ovh_record_bulk_plan_get_operation (plan), ==, OVH_RECORD_BULK_SET_TTL);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (ovh_record_bulk_plan_get_items (plan)), ==, 500);
  counts_label = find_child (dialog, "counts_label");
  g_assert_cmpstr (gtk_label_get_text (counts_label), ==, "500 records change");

  stage (dialog);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 500);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 500);
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (undo), ==, "Edit 500 records");
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (
          G_LIST_MODEL (domaine_zone_editor_get_selection (fixture->editor)), i);

      g_assert_cmpint (domaine_record_rows_get_state (fixture->editor->rows, row), ==,
                       DOMAINE_RECORD_STATE_CHANGED);
      g_assert_cmpuint (
          ovh_record_get_ttl (domaine_record_rows_get_shown (fixture->editor->rows, row)), ==, 120);
    }
  /* The selection survives the rows being re-read. */
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (
                        domaine_zone_editor_get_selection (fixture->editor))),
                    ==, 500);
  domaine_test_wait_for_frame (GTK_WIDGET (fixture->window));

  /* 500 updates, one refresh. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  domaine_zone_editor_publish_async (fixture->editor, NULL, NULL, NULL);
  g_assert_true (domaine_test_wait_until (published, fixture, 120000));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", ZONE_PATH "/record/*"),
                    ==, 500);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_false (domaine_undo_stack_get_can_undo (undo));
}

/* The generated A records are 10.a.b.c from the record's number: 256 to 511 are 10.0.1.x. */
static const char *const pattern = "^10\\.0\\.1\\.(\\d+)$";

static void
test_regex_preview_and_undo (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (fixture->editor);
  DomaineUndoStack *undo = fixture->editor->undo_stack;
  GListModel *records = ovh_zone_get_records (fixture->zone);
  g_autoptr (GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GHashTable) expected
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  DomaineBulkEditDialog *dialog;
  OvhRecordBulkPlan *plan;
  GListModel *items;
  GListModel *changes;

  /* What the regular expression must change, worked out independently. */
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);
      g_autoptr (GMatchInfo) match = NULL;

      if (g_regex_match (regex, ovh_record_get_target (record), 0, &match))
        {
          g_autofree char *last = g_match_info_fetch (match, 1);
          gint64 *id = g_new (gint64, 1);

          *id = (gint64) ovh_record_get_id (record);
          g_hash_table_insert (expected, id, g_strconcat ("192.0.2.", last, NULL));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 100);

  select_first (fixture, N_RECORDS);
  dialog = open_dialog (fixture);
  adw_combo_row_set_selected (find_child (dialog, "operation_row"), OVH_RECORD_BULK_REPLACE);
  g_assert_true (gtk_widget_get_visible (find_child (dialog, "find_row")));
  gtk_switch_set_active (find_child (dialog, "regex_switch"), TRUE);

  /* An expression that does not compile: said inline, nothing to stage. */
  gtk_editable_set_text (find_child (dialog, "find_row"), "10.(0");
  g_assert_null (domaine_bulk_edit_dialog_get_plan (dialog));
  g_assert_cmpstr (domaine_bulk_edit_dialog_get_problem (dialog), !=, "");
  g_assert_true (gtk_widget_get_visible (find_child (dialog, "problem_label")));
  g_assert_false (gtk_widget_is_sensitive (find_child (dialog, "stage_button")));

  gtk_editable_set_text (find_child (dialog, "replace_row"), "192.0.2.\\1");
  gtk_editable_set_text (find_child (dialog, "find_row"), pattern);
  g_assert_cmpstr (domaine_bulk_edit_dialog_get_problem (dialog), ==, "");
  g_assert_false (gtk_widget_get_visible (find_child (dialog, "problem_label")));
  plan = domaine_bulk_edit_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_true (gtk_widget_is_sensitive (find_child (dialog, "stage_button")));

  /* The preview lists exactly the matching values, each with its new value. */
  items = ovh_record_bulk_plan_get_items (plan);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, g_hash_table_size (expected));
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_skipped (plan), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (OvhRecordBulkItem) item = g_list_model_get_item (items, i);
      gint64 id = (gint64) ovh_record_get_id (ovh_record_bulk_item_get_record (item));

      g_assert_cmpstr (ovh_record_bulk_item_get_new_text (item), ==,
                       g_hash_table_lookup (expected, &id));
    }
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  if (g_getenv ("DOMAINE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = NULL;

      domaine_test_wait_for_frame (GTK_WIDGET (dialog));
      path = domaine_test_save_screenshot (GTK_WIDGET (dialog), "bulk-edit-regex");
      g_test_message ("screenshot: %s", path);
    }

  /* Staged: exactly those updates, as one undo step. */
  stage (dialog);
  changes = ovh_changeset_get_changes (changeset);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, g_hash_table_size (expected));
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);
      gint64 id = (gint64) ovh_change_get_record_id (change);

      g_assert_cmpint (ovh_change_get_kind (change), ==, OVH_CHANGE_KIND_UPDATE);
      g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (change)), ==,
                       g_hash_table_lookup (expected, &id));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (undo)), ==, 1);

  /* One undo takes the whole change back; redo brings it again. */
  g_assert_true (domaine_undo_stack_undo (undo));
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 0);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  g_assert_true (domaine_undo_stack_redo (undo));
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, g_hash_table_size (expected));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.undo", NULL));
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 0);
  g_assert_false (domaine_undo_stack_get_can_undo (undo));
}

static void
test_delete_and_move (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (fixture->editor);
  DomaineUndoStack *undo = fixture->editor->undo_stack;
  DomaineBulkEditDialog *dialog;
  OvhRecordBulkPlan *plan;

  /* Rows 0 to 9 are a TXT, an AAAA, a CNAME, an MX and six A: at the apex, the CNAME cannot
   * be, and the preview says why. */
  select_first (fixture, 10);
  dialog = open_dialog (fixture);
  adw_combo_row_set_selected (find_child (dialog, "operation_row"), OVH_RECORD_BULK_MOVE);
  gtk_editable_set_text (find_child (dialog, "name_row"), "@");
  plan = domaine_bulk_edit_dialog_get_plan (dialog);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 9);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_skipped (plan), ==, 1);
  {
    g_autoptr (OvhRecordBulkItem) item
        = g_list_model_get_item (ovh_record_bulk_plan_get_items (plan), 2);

    g_assert_true (ovh_record_bulk_item_get_skipped (item));
    g_assert_cmpstr (ovh_record_get_field_type (ovh_record_bulk_item_get_record (item)), ==,
                     "CNAME");
  }
  g_assert_cmpstr (gtk_label_get_text (find_child (dialog, "counts_label")), ==,
                   "9 records change · 1 record skipped");
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  if (g_getenv ("DOMAINE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = NULL;

      domaine_test_wait_for_frame (GTK_WIDGET (dialog));
      path = domaine_test_save_screenshot (GTK_WIDGET (dialog), "bulk-edit-move-skipped");
      g_test_message ("screenshot: %s", path);
    }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &dialog, 5000));
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 0);

  /* Records 4 to 9 are A records: moved under one name. */
  gtk_selection_model_select_range (domaine_zone_editor_get_selection (fixture->editor), 4, 6,
                                    TRUE);
  dialog = open_dialog (fixture);
  adw_combo_row_set_selected (find_child (dialog, "operation_row"), OVH_RECORD_BULK_MOVE);
  gtk_editable_set_text (find_child (dialog, "name_row"), "pool." ZONE ".");
  plan = domaine_bulk_edit_dialog_get_plan (dialog);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 6);
  stage (dialog);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 6);
  {
    g_autoptr (OvhChange) change = g_list_model_get_item (ovh_changeset_get_changes (changeset), 0);

    g_assert_cmpstr (ovh_record_get_sub_domain (ovh_change_get_after (change)), ==, "pool");
  }

  /* Then deleted: the moves become deletes, in a second step. */
  dialog = open_dialog (fixture);
  adw_combo_row_set_selected (find_child (dialog, "operation_row"), OVH_RECORD_BULK_DELETE);
  stage (dialog);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 6);
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (undo), ==, "Delete 6 records");
  g_assert_true (domaine_undo_stack_undo (undo));
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (undo), ==, "Edit 6 records");
  {
    g_autoptr (OvhChange) change = g_list_model_get_item (ovh_changeset_get_changes (changeset), 0);

    g_assert_cmpint (ovh_change_get_kind (change), ==, OVH_CHANGE_KIND_UPDATE);
  }
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
template_saved (gpointer data)
{
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find (data, NULL);

  return template != NULL;
}

/* Save as Template: a name is asked (Save off while it is empty), then the selected records
 * are a template of the user's, which Apply a Template lists. */
static void
test_save_as_template (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZoneTemplate) template = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "domaine", "templates",
                                            "three-records.domaine-template", NULL);
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  select_first (fixture, 3);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.save-as-template", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  domaine_test_wait_for_window (GTK_WINDOW (dialog));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gtk_editable_set_text (entry, "Three Records");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "save-as-template"));
  adw_message_dialog_response (dialog, "save");
  g_assert_true (domaine_test_wait_until (template_saved, "three-records", 5000));

  template = ovh_zone_template_find ("three-records", NULL);
  g_assert_true (ovh_zone_template_get_user (template));
  g_assert_cmpuint (g_strv_length ((GStrv) ovh_zone_template_get_record_lines (template)), ==, 3);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int argc, char *argv[])
{
  domaine_test_bind_translations ();
  domaine_test_use_scratch_data_dirs ("domaine-test-bulk-edit-XXXXXX");
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add ("/bulk-edit/ttl-500-one-refresh", Fixture, NULL, fixture_set_up, test_ttl,
              fixture_tear_down);
  g_test_add ("/bulk-edit/regex-preview-and-undo", Fixture, NULL, fixture_set_up,
              test_regex_preview_and_undo, fixture_tear_down);
  g_test_add ("/bulk-edit/save-as-template", Fixture, NULL, fixture_set_up, test_save_as_template,
              fixture_tear_down);
  g_test_add ("/bulk-edit/move-then-delete", Fixture, NULL, fixture_set_up, test_delete_and_move,
              fixture_tear_down);

  return g_test_run ();
}
