/* test-zone-editor-notes.c: notes on records in the zone editor, against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A note typed in the record editor shows in the Note column, is found by the search, stays
 * with its record through a publish that gives it an id, comes in from a zone file, and the
 * column can be hidden.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "domaine-domain-page.h"
#include "domaine-record-editor.h"
#include "domaine-review-dialog.h"
#include "domaine-test-gui.h"
#include "domaine-zone-editor-private.h"
#include "domaine-zone-import-dialog.h"
#include "ovh-record-notes.h"
#include "ovh-sandbox.h"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  GtkWindow *window;
  AdwToastOverlay *overlay; /* as in the app's window: the page's toasts go there */
  DomaineDomainPage *page;
  DomaineZoneEditor *editor;
} Fixture;

static gboolean
session_ready (gpointer data)
{
  Fixture *fixture = data;
  return domaine_session_get_state (fixture->session) != DOMAINE_SESSION_STATE_LOADING;
}

/* Loaded, and what was left unpublished read back. */
static gboolean
zone_loaded (gpointer data)
{
  Fixture *fixture = data;
  OvhZone *zone = domaine_zone_editor_get_zone (fixture->editor);

  return zone != NULL && ovh_zone_get_load_state (zone) == OVH_ZONE_LOAD_STATE_LOADED
         && !domaine_zone_editor_get_restoring (fixture->editor);
}

static OvhDomain *
find_domain (Fixture *fixture, const char *name)
{
  GListModel *domains = domaine_session_get_domains (fixture->session);

  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (domains, i);

      if (g_str_equal (ovh_domain_get_name (domain), name))
        return domain;
    }
  g_assert_not_reached ();
}

static void
show_domain (Fixture *fixture, const char *name)
{
  domaine_domain_page_set_domain (fixture->page, find_domain (fixture, name));
  g_assert_true (domaine_test_wait_until (zone_loaded, fixture, 10000));
  domaine_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhAccount) account = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);

  client = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                           OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_rate_limit (client, 0);
  ovh_client_set_retry_policy (client, 0, 10);
  account
      = ovh_account_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                         OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  fixture->session = domaine_session_new (account, client);
  domaine_session_reload (fixture->session);
  g_assert_true (domaine_test_wait_until (session_ready, fixture, 10000));
  g_assert_cmpint (domaine_session_get_state (fixture->session), ==, DOMAINE_SESSION_STATE_READY);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 640);
  fixture->page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  fixture->editor = domaine_domain_page_get_zone_editor (fixture->page);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
}

static gboolean
store_idle (gpointer data)
{
  return !ovh_pending_store_get_busy (data);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (fixture->editor);
  g_autoptr (OvhPendingStore) store = domaine_zone_pending_dup_store ();
  GtkWindow *window = fixture->window;

  g_autofree char *notes_path = ovh_record_notes_dup_path (
      NULL, domaine_zone_editor_get_snapshot_account (fixture->editor), "lovelace.fr");

  /* Nothing of this test may reach the next one through the pending-changes or notes files. */
  if (changeset != NULL)
    ovh_changeset_discard_all (changeset);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (fixture->window);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  g_assert_true (domaine_test_wait_until (store_idle, store, 5000));
  g_unlink (notes_path);
  domaine_session_close (fixture->session);
  g_clear_object (&fixture->session);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

/* After a frame, so that the last change is drawn. */
static char *
screenshot (Fixture *fixture, const char *name)
{
  domaine_test_wait_for_window (fixture->window);
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  return domaine_test_save_screenshot (GTK_WIDGET (fixture->window), name);
}

/* The dialog the last action opened. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static DomaineRecordEditor *
open_record_editor (Fixture *fixture, const char *action)
{
  DomaineRecordEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action, NULL));
  editor = DOMAINE_RECORD_EDITOR (find_toplevel (DOMAINE_TYPE_RECORD_EDITOR));
  g_assert_nonnull (editor);
  return editor;
}

static void
save_record_editor (DomaineRecordEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (domaine_record_editor_get_valid (editor));
  domaine_record_editor_save (editor);
  /* taken: the dialog closed */
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &editor, 5000));
  g_assert_null (editor);
}

/* Selects the one row showing this name and type; returns its record. */
static OvhRecord *
select_row (Fixture *fixture, const char *name, const char *type)
{
  GtkSelectionModel *selection = domaine_zone_editor_get_selection (fixture->editor);
  DomaineRecordRows *rows = domaine_zone_editor_get_rows (fixture->editor);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      OvhRecord *shown = domaine_record_rows_get_shown (rows, row);

      if (g_str_equal (ovh_record_get_display_name (shown), name)
          && g_str_equal (ovh_record_get_field_type (shown), type))
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          return row;
        }
    }
  g_error ("no row %s %s", name, type);
}

static gboolean
not_busy (gpointer data)
{
  return !domaine_zone_editor_get_busy (DOMAINE_ZONE_EDITOR (data));
}

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
publish (Fixture *fixture, GError **error)
{
  GAsyncResult *result = NULL;
  gboolean ok;

  domaine_zone_editor_publish_async (fixture->editor, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  ok = domaine_zone_editor_publish_finish (fixture->editor, result, error);
  g_object_unref (result);
  g_assert_true (domaine_test_wait_until (not_busy, fixture->editor, 5000));
  return ok;
}

/* Is there a record name/type/target in the sandbox's live zone? */
static gboolean
sandbox_has (Fixture *fixture, const char *sub_domain, const char *type, const char *target)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, "lovelace.fr");
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  JsonArray *array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *record = json_array_get_object_element (array, i);
      const char *sub = json_object_get_string_member_with_default (record, "subDomain", "");

      if (g_str_equal (sub, sub_domain)
          && g_str_equal (json_object_get_string_member (record, "fieldType"), type)
          && (target == NULL
              || strstr (json_object_get_string_member (record, "target"), target) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
search (Fixture *fixture, const char *text)
{
  GtkWidget *entry
      = domaine_test_find_widget_of_type (GTK_WIDGET (fixture->editor), GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
}

static gboolean
file_exists_cb (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

typedef struct
{
  Fixture *fixture;
  const char *text;
} Shows;

/* A label of the table (a cell) shows text. */
static gboolean
shows_cb (gpointer data)
{
  Shows *shows = data;

  return domaine_test_find_label_with_text (GTK_WIDGET (shows->fixture->editor), shows->text)
         != NULL;
}

typedef struct
{
  OvhRecordNotes *notes;
  OvhRecord *record;
} NoteOf;

static gboolean
has_note_cb (gpointer data)
{
  NoteOf *note_of = data;

  return ovh_record_notes_lookup (note_of->notes, note_of->record) != NULL;
}

/* Notes follow the zone's records a moment after they change. */
static const char *
wait_for_note (OvhRecordNotes *notes, OvhRecord *record)
{
  NoteOf note_of = { notes, record };

  g_assert_true (domaine_test_wait_until (has_note_cb, &note_of, 5000));
  return ovh_record_notes_lookup (notes, record);
}

static OvhRecord *
find_zone_record (Fixture *fixture, const char *sub_domain, const char *type)
{
  GListModel *records = ovh_zone_get_records (domaine_zone_editor_get_zone (fixture->editor));

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (g_str_equal (ovh_record_get_sub_domain (record), sub_domain)
          && g_str_equal (ovh_record_get_field_type (record), type))
        return record;
    }
  g_error ("no record %s %s", sub_domain, type);
}

static void
test_column_editor_search (Fixture *fixture, gconstpointer data)
{
  GListModel *shown;
  OvhRecordNotes *notes;
  DomaineRecordEditor *dialog;
  OvhRecord *row;
  guint64 id;
  guint n_all;
  GStatBuf st;
  Shows shows = { fixture, "Front door: the apex web server" };

  show_domain (fixture, "lovelace.fr");
  shown = G_LIST_MODEL (domaine_zone_editor_get_selection (fixture->editor));
  n_all = g_list_model_get_n_items (shown);
  notes = domaine_zone_editor_get_notes (fixture->editor);
  g_assert_nonnull (notes);
  g_assert_cmpuint (ovh_record_notes_get_n_notes (notes), ==, 0);
  g_assert_true (domaine_zone_editor_get_show_notes (fixture->editor));

  /* Typed in the record editor, saved with the record. */
  row = select_row (fixture, "@", "A");
  id = ovh_record_get_id (row);
  dialog = open_record_editor (fixture, "zone.edit");
  g_assert_cmpstr (domaine_record_editor_get_note (dialog), ==, "");
  domaine_test_wait_for_window (GTK_WINDOW (dialog));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  domaine_test_set_entry_row_text (GTK_WIDGET (dialog), "N_ote", "Front door: the apex web server");
  g_assert_cmpstr (domaine_record_editor_get_note (dialog), ==, "Front door: the apex web server");
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "record-editor-note"));
  save_record_editor (dialog);
  g_assert_cmpstr (ovh_record_notes_lookup_id (notes, id), ==, "Front door: the apex web server");
  /* A note alone changes nothing at OVH. */
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);

  /* Kept on disk right after, in the user's data dir, 0600. */
  g_assert_true (
      domaine_test_wait_until (file_exists_cb, (gpointer) ovh_record_notes_get_path (notes), 5000));
  g_assert_true (g_str_has_prefix (ovh_record_notes_get_path (notes), g_get_user_data_dir ()));
  g_assert_cmpint (g_stat (ovh_record_notes_get_path (notes), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Shown in its column. */
  g_assert_true (domaine_test_wait_until (shows_cb, &shows, 5000));

  /* A second note, with a line break: the cell shows its first line. */
  select_row (fixture, "@", "MX");
  dialog = open_record_editor (fixture, "zone.edit");
  domaine_record_editor_set_note (dialog, "Primary mail exchanger, été\nask the mail team");
  save_record_editor (dialog);
  shows.text = "Primary mail exchanger, été …";
  g_assert_true (domaine_test_wait_until (shows_cb, &shows, 5000));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->window)), ==, 0);
  g_free (screenshot (fixture, "zone-editor-notes"));

  /* Reopened, the editor shows the note. */
  select_row (fixture, "@", "A");
  dialog = open_record_editor (fixture, "zone.edit");
  g_assert_cmpstr (domaine_record_editor_get_note (dialog), ==, "Front door: the apex web server");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The search finds records by their notes, whatever the case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.search", NULL));
  search (fixture, "FRONT DOOR");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search (fixture, "ÉTÉ");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  search (fixture, "mail team");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  /* A note set during a search shows its row at once; cleared, the row goes. */
  search (fixture, "front");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  ovh_record_notes_set (notes, find_zone_record (fixture, "blog", "A"), "Front page of the blog");
  g_assert_true (domaine_test_wait_n_items (shown, 2, 5000));
  ovh_record_notes_set (notes, find_zone_record (fixture, "blog", "A"), NULL);
  g_assert_true (domaine_test_wait_n_items (shown, 1, 5000));
  search (fixture, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);
}

/* A new record's note reaches it once the publish has given it an id, and the next editor of
 * the zone (a new start of the app) reads it from disk. */
static void
test_new_record_publish (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecordNotes) reread = NULL;
  DomaineRecordEditor *dialog;
  OvhRecordNotes *notes;
  OvhRecord *created;

  show_domain (fixture, "lovelace.fr");
  notes = domaine_zone_editor_get_notes (fixture->editor);
  dialog = open_record_editor (fixture, "zone.add");
  g_assert_true (domaine_record_editor_set_field_type (dialog, "A"));
  domaine_record_editor_set_value (dialog, "sub-domain", "api");
  domaine_record_editor_set_value (dialog, "address", "192.0.2.10");
  domaine_record_editor_set_note (dialog, "Public API, behind the load balancer");
  save_record_editor (dialog);

  /* Staged, not created: the row shows the note already. */
  {
    Shows shows = { fixture, "Public API, behind the load balancer" };

    g_assert_true (domaine_test_wait_until (shows_cb, &shows, 5000));
  }
  g_assert_true (publish (fixture, &error));
  g_assert_no_error (error);
  g_assert_true (sandbox_has (fixture, "api", "A", "192.0.2.10"));

  created = find_zone_record (fixture, "api", "A");
  g_assert_cmpuint (ovh_record_get_id (created), !=, 0);
  g_assert_cmpstr (wait_for_note (notes, created), ==, "Public API, behind the load balancer");

  /* Written once the burst of changes is over. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  reread = ovh_record_notes_open (NULL, domaine_zone_editor_get_snapshot_account (fixture->editor),
                                  "lovelace.fr", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_record_notes_lookup_id (reread, ovh_record_get_id (created)), ==,
                   "Public API, behind the load balancer");
}

/* Exported as text with its notes; a note typed into the text comes in with the merge. */
static void
test_edit_as_text (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  DomaineZoneImportDialog *dialog;
  OvhRecordNotes *notes;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  OvhRecord *created;

  show_domain (fixture, "lovelace.fr");
  notes = domaine_zone_editor_get_notes (fixture->editor);
  ovh_record_notes_set (notes, find_zone_record (fixture, "blog", "A"), "Ghost, on the old VPS");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.edit-text", NULL));
  dialog = DOMAINE_ZONE_IMPORT_DIALOG (find_toplevel (DOMAINE_TYPE_ZONE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  buffer = gtk_text_view_get_buffer (
      GTK_TEXT_VIEW (domaine_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "; domaine-note: Ghost, on the old VPS\nblog 3600 IN A"));

  edited = g_strconcat (text, "; domaine-note: Status page\nstatus IN CNAME status.example.net.\n",
                        NULL);
  domaine_zone_import_dialog_set_text (dialog, edited);
  g_assert_nonnull (domaine_zone_import_dialog_get_diff (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.merge", NULL));
  g_assert_true (publish (fixture, &error));
  g_assert_no_error (error);

  created = find_zone_record (fixture, "status", "CNAME");
  g_assert_cmpstr (wait_for_note (notes, created), ==, "Status page");
  g_assert_cmpstr (ovh_record_notes_lookup (notes, find_zone_record (fixture, "blog", "A")), ==,
                   "Ghost, on the old VPS");
}

/* The column hides from its header menu's action, and the setting keeps the choice. */
static void
test_hide_column (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  show_domain (fixture, "lovelace.fr");
  g_assert_true (g_settings_get_boolean (settings, "show-note-column"));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.show-notes", NULL));
  g_assert_false (domaine_zone_editor_get_show_notes (fixture->editor));
  g_assert_false (g_settings_get_boolean (settings, "show-note-column"));
  g_settings_set_boolean (settings, "show-note-column", TRUE);
  g_assert_true (domaine_zone_editor_get_show_notes (fixture->editor));
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("domaine-zone-editor-notes-XXXXXX", NULL);

  /* The notes, pending changes and zone cache go to a place of this test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/zone-editor-notes/column-editor-search", test_column_editor_search);
  ADD ("/zone-editor-notes/new-record-publish", test_new_record_publish);
  ADD ("/zone-editor-notes/edit-as-text", test_edit_as_text);
  ADD ("/zone-editor-notes/hide-column", test_hide_column);
#undef ADD

  return g_test_run ();
}
