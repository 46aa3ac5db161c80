/* test-zone-editor.c: the domain page and its zone editor against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's path through the editor: records of several types added, edited, retyped and
 * deleted through the real dialogs, published, and the sandbox's zone read back; a publish
 * that OVH refuses; undo; input the dialog must refuse; changes that outlive the page.
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
#include "domaine-zone-health.h"
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

  /* Nothing of this test may reach the next one through the pending-changes files. */
  if (changeset != NULL)
    ovh_changeset_discard_all (changeset);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (fixture->window);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  g_assert_true (domaine_test_wait_until (store_idle, store, 5000));
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

static DomaineRecordState
row_state (Fixture *fixture, const char *name, const char *type)
{
  return domaine_record_rows_get_state (domaine_zone_editor_get_rows (fixture->editor),
                                        select_row (fixture, name, type));
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
test_edit_and_publish (Fixture *fixture, gconstpointer data)
{
  DomaineRecordEditor *dialog;
  GtkWindow *confirm;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GError) error = NULL;
  guint n_puts = 0;

  show_domain (fixture, "lovelace.fr");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);

  /* Add: A, MX, TXT, SRV, CAA, each through the dialog as a person fills it. */
  dialog = open_record_editor (fixture, "zone.add");
  g_assert_true (domaine_record_editor_set_field_type (dialog, "A"));
  domaine_record_editor_set_value (dialog, "sub-domain", "api");
  domaine_record_editor_set_value (dialog, "address", "192.0.2.10");
  g_assert_cmpstr (domaine_record_editor_get_preview (dialog), ==, "api IN A 192.0.2.10");
  save_record_editor (dialog);

  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "MX");
  domaine_record_editor_set_value (dialog, "sub-domain", "lists");
  domaine_record_editor_set_value (dialog, "priority", "20");
  domaine_record_editor_set_value (dialog, "host", "mx.example.net.");
  domaine_record_editor_set_value (dialog, "ttl", "3600");
  save_record_editor (dialog);

  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "TXT");
  domaine_record_editor_set_value (dialog, "sub-domain", "@");
  domaine_record_editor_set_value (dialog, "value", "google-site-verification=abc123");
  save_record_editor (dialog);

  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "SRV");
  domaine_record_editor_set_value (dialog, "sub-domain", "_imaps._tcp");
  domaine_record_editor_set_value (dialog, "priority", "0");
  domaine_record_editor_set_value (dialog, "weight", "1");
  domaine_record_editor_set_value (dialog, "port", "993");
  domaine_record_editor_set_value (dialog, "target", "imap.example.net.");
  save_record_editor (dialog);

  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "CAA");
  domaine_record_editor_set_value (dialog, "tag", "issuewild");
  domaine_record_editor_set_value (dialog, "value", "letsencrypt.org");
  save_record_editor (dialog);

  g_assert_cmpint (row_state (fixture, "api", "A"), ==, DOMAINE_RECORD_STATE_ADDED);
  g_assert_cmpint (row_state (fixture, "_imaps._tcp", "SRV"), ==, DOMAINE_RECORD_STATE_ADDED);

  /* Edit: the existing SRV gets another port. */
  select_row (fixture, "_autodiscover._tcp", "SRV");
  dialog = open_record_editor (fixture, "zone.edit");
  g_assert_cmpint (domaine_record_editor_get_mode (dialog), ==, DOMAINE_RECORD_EDITOR_EDIT);
  g_assert_false (domaine_record_editor_set_field_type (dialog, "A")); /* type is read-only */
  domaine_record_editor_set_value (dialog, "port", "8443");
  save_record_editor (dialog);
  g_assert_cmpint (row_state (fixture, "_autodiscover._tcp", "SRV"), ==,
                   DOMAINE_RECORD_STATE_CHANGED);

  /* Change type: the apex SPF becomes a TXT, after the dialog explained what happens. */
  select_row (fixture, "@", "SPF");
  dialog = open_record_editor (fixture, "zone.edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.change-type", NULL));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  /* The response is handled at once: the type field opens. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "change");
  domaine_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (domaine_record_editor_set_field_type (dialog, "TXT"));
  g_assert_true (domaine_record_editor_get_type_changed (dialog));
  /* The value was kept across the type change. */
  g_assert_nonnull (strstr (domaine_record_editor_get_preview (dialog), "v=spf1"));
  save_record_editor (dialog);
  g_assert_cmpint (row_state (fixture, "@", "SPF"), ==, DOMAINE_RECORD_STATE_DELETED);

  /* Delete. */
  select_row (fixture, "autoconfig", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  g_assert_cmpint (row_state (fixture, "autoconfig", "CNAME"), ==, DOMAINE_RECORD_STATE_DELETED);

  /* 5 creates, 1 update, 1 type change (delete + create), 1 delete. */
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 9);
  g_assert_false (sandbox_has (fixture, "api", "A", NULL)); /* nothing sent while staging */

  {
    g_autofree char *shot = NULL;

    select_row (fixture, "autoconfig", "CNAME");
    shot = screenshot (fixture, "zone-editor");
    if (shot != NULL)
      g_test_message ("screenshot: %s", shot);
  }

  /* The review lists them as a diff, grouped. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.review", NULL));
  {
    GtkWindow *review = find_toplevel (DOMAINE_TYPE_REVIEW_DIALOG);
    g_autofree char *shot = NULL;

    g_assert_nonnull (review);
    g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (review), "Changed"));
    g_assert_nonnull (
        domaine_test_find_widget_with_text (GTK_WIDGET (review), "_autodiscover._tcp · SRV"));
    domaine_test_wait_for_window (review);
    domaine_test_wait_for_transitions (GTK_WIDGET (review));
    shot = domaine_test_save_screenshot (GTK_WIDGET (review), "review-dialog");
    gtk_window_destroy (review);
  }

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (publish (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);

  g_assert_true (sandbox_has (fixture, "api", "A", "192.0.2.10"));
  g_assert_true (sandbox_has (fixture, "lists", "MX", "20 mx.example.net."));
  g_assert_true (sandbox_has (fixture, "", "TXT", "google-site-verification=abc123"));
  g_assert_true (sandbox_has (fixture, "_imaps._tcp", "SRV", "0 1 993 imap.example.net."));
  g_assert_true (sandbox_has (fixture, "", "CAA", "issuewild"));
  g_assert_true (sandbox_has (fixture, "_autodiscover._tcp", "SRV", "8443"));
  g_assert_true (sandbox_has (fixture, "", "TXT", "v=spf1"));
  g_assert_false (sandbox_has (fixture, "", "SPF", NULL));
  g_assert_false (sandbox_has (fixture, "autoconfig", "CNAME", NULL));
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));

  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/*/refresh"), ==, 1);
  log = ovh_sandbox_dup_request_log (fixture->sandbox);
  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if (!g_str_equal (request->method, "PUT"))
        continue;
      n_puts++;
      g_assert_null (strstr (request->body != NULL ? request->body : "", "fieldType"));
    }
  g_assert_cmpuint (n_puts, ==, 1);
}

static void
test_publish_failure (Fixture *fixture, gconstpointer data)
{
  DomaineRecordEditor *dialog;
  g_autoptr (GError) error = NULL;
  GListModel *changes;
  g_autoptr (OvhChange) change = NULL;

  show_domain (fixture, "lovelace.fr");
  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "AAAA");
  domaine_record_editor_set_value (dialog, "sub-domain", "v6");
  domaine_record_editor_set_value (dialog, "address", "2001:db8::1");
  save_record_editor (dialog);

  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/*/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_false (publish (fixture, &error));
  g_assert_nonnull (error);

  /* The change is still there, marked, with OVH's error next to it. */
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  changes = ovh_changeset_get_changes (domaine_zone_editor_get_changeset (fixture->editor));
  change = g_list_model_get_item (changes, 0);
  g_assert_cmpint (ovh_change_get_state (change), ==, OVH_CHANGE_STATE_FAILED);
  g_assert_nonnull (ovh_change_get_error (change));
  g_assert_cmpint (row_state (fixture, "v6", "AAAA"), ==, DOMAINE_RECORD_STATE_ADDED);
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (fixture->page),
                                                       "1 change could not be published"));
  g_assert_false (sandbox_has (fixture, "v6", "AAAA", NULL));

  /* The review dialog shows it with its error, a way to copy the query id and to discard. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.review", NULL));
  {
    GtkWindow *review = find_toplevel (DOMAINE_TYPE_REVIEW_DIALOG);
    g_autofree char *shot = NULL;

    g_assert_nonnull (review);
    g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (review), "Discard Change"));
    g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (review), "Copy Query ID"));
    g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (review)), ==, 0);
    domaine_test_wait_for_window (review);
    shot = domaine_test_save_screenshot (GTK_WIDGET (review), "review-dialog-failed");
    gtk_window_destroy (review);
  }

  /* Retry once OVH is fine again. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  g_clear_error (&error);
  g_assert_true (publish (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  g_assert_true (sandbox_has (fixture, "v6", "AAAA", "2001:db8::1"));
}

static void
test_undo_delete (Fixture *fixture, gconstpointer data)
{
  GtkSelectionModel *selection;
  DomaineRecordRows *rows;
  GtkWidget *undo_button;
  guint n_rows;

  show_domain (fixture, "lovelace.fr");
  selection = domaine_zone_editor_get_selection (fixture->editor);
  rows = domaine_zone_editor_get_rows (fixture->editor);
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (selection));

  /* Two rows at once, as with Ctrl+click. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_assert_cmpint (domaine_record_rows_get_state (rows, row), ==, DOMAINE_RECORD_STATE_DELETED);
    }
  /* Deleted rows stay listed, struck through, until published. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, n_rows);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.undo", NULL));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);

  /* Again, undone with the toast's button this time. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (fixture->overlay), "1 record deleted"));
  undo_button = domaine_test_find_button_with_label (GTK_WIDGET (fixture->overlay), "_Undo");
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_assert_cmpint (domaine_record_rows_get_state (rows, row), ==,
                       DOMAINE_RECORD_STATE_PUBLISHED);
    }
}

static gboolean
has_row (Fixture *fixture, const char *name, const char *type)
{
  GListModel *shown = G_LIST_MODEL (domaine_zone_editor_get_selection (fixture->editor));
  DomaineRecordRows *rows = domaine_zone_editor_get_rows (fixture->editor);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (shown, i);
      OvhRecord *values = domaine_record_rows_get_shown (rows, row);

      if (g_str_equal (ovh_record_get_display_name (values), name)
          && g_str_equal (ovh_record_get_field_type (values), type))
        return TRUE;
    }
  return FALSE;
}

static void
activate (Fixture *fixture, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action, NULL));
}

/* Every kind of staged change undone with zone.undo and done again with zone.redo. */
static void
test_undo_any (Fixture *fixture, gconstpointer data)
{
  DomaineRecordEditor *dialog;
  GtkWindow *confirm;
  DomaineUndoStack *undo;

  show_domain (fixture, "lovelace.fr");
  undo = fixture->editor->undo_stack;
  g_assert_false (domaine_undo_stack_get_can_undo (undo));

  /* Add. */
  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "A");
  domaine_record_editor_set_value (dialog, "sub-domain", "api");
  domaine_record_editor_set_value (dialog, "address", "192.0.2.10");
  save_record_editor (dialog);
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (undo), ==, "Add api A record");
  activate (fixture, "zone.undo");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  g_assert_false (has_row (fixture, "api", "A"));
  activate (fixture, "zone.redo");
  g_assert_cmpint (row_state (fixture, "api", "A"), ==, DOMAINE_RECORD_STATE_ADDED);
  activate (fixture, "zone.undo");
  g_assert_false (has_row (fixture, "api", "A"));

  /* Edit. */
  select_row (fixture, "_autodiscover._tcp", "SRV");
  dialog = open_record_editor (fixture, "zone.edit");
  domaine_record_editor_set_value (dialog, "port", "8443");
  save_record_editor (dialog);
  g_assert_cmpint (row_state (fixture, "_autodiscover._tcp", "SRV"), ==,
                   DOMAINE_RECORD_STATE_CHANGED);
  activate (fixture, "zone.undo");
  g_assert_cmpint (row_state (fixture, "_autodiscover._tcp", "SRV"), ==,
                   DOMAINE_RECORD_STATE_PUBLISHED);
  activate (fixture, "zone.redo");
  g_assert_cmpint (row_state (fixture, "_autodiscover._tcp", "SRV"), ==,
                   DOMAINE_RECORD_STATE_CHANGED);

  /* Discard (Revert on the row), then undo it: the edit is back. */
  select_row (fixture, "_autodiscover._tcp", "SRV");
  activate (fixture, "zone.revert");
  g_assert_cmpint (row_state (fixture, "_autodiscover._tcp", "SRV"), ==,
                   DOMAINE_RECORD_STATE_PUBLISHED);
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (undo), ==,
                   "Discard change to _autodiscover._tcp SRV record");
  activate (fixture, "zone.undo");
  g_assert_cmpint (row_state (fixture, "_autodiscover._tcp", "SRV"), ==,
                   DOMAINE_RECORD_STATE_CHANGED);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);

  /* Type change: the SPF becomes a TXT; undo brings the SPF back alone. */
  select_row (fixture, "@", "SPF");
  dialog = open_record_editor (fixture, "zone.edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.change-type", NULL));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "change");
  g_assert_true (domaine_record_editor_set_field_type (dialog, "TXT"));
  save_record_editor (dialog);
  g_assert_cmpint (row_state (fixture, "@", "SPF"), ==, DOMAINE_RECORD_STATE_DELETED);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 3);
  g_assert_cmpstr (domaine_undo_stack_get_undo_label (undo), ==, "Change @ SPF record to TXT");
  activate (fixture, "zone.undo");
  g_assert_cmpint (row_state (fixture, "@", "SPF"), ==, DOMAINE_RECORD_STATE_PUBLISHED);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  activate (fixture, "zone.redo");
  g_assert_cmpint (row_state (fixture, "@", "SPF"), ==, DOMAINE_RECORD_STATE_DELETED);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 3);

  /* Once published, nothing is offered any more. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (publish (fixture, &error));
    g_assert_no_error (error);
  }
  g_assert_false (domaine_undo_stack_get_can_undo (undo));
  g_assert_false (domaine_undo_stack_get_can_redo (undo));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
}

static void
test_invalid_input (Fixture *fixture, gconstpointer data)
{
  DomaineRecordEditor *dialog;
  GtkWidget *save;

  show_domain (fixture, "lovelace.fr");
  ovh_sandbox_reset_request_log (fixture->sandbox);

  dialog = open_record_editor (fixture, "zone.add");
  domaine_record_editor_set_field_type (dialog, "A");
  domaine_record_editor_set_value (dialog, "sub-domain", "bad");
  domaine_record_editor_set_value (dialog, "address", "999.1.2.3");
  g_assert_false (domaine_record_editor_get_valid (dialog));
  g_assert_nonnull (domaine_record_editor_get_field_error (dialog, "address"));
  g_assert_null (domaine_record_editor_get_field_error (dialog, "sub-domain"));
  g_assert_nonnull (domaine_test_find_label_with_text (
      GTK_WIDGET (dialog), domaine_record_editor_get_field_error (dialog, "address")));
  save = domaine_test_find_button_with_label (GTK_WIDGET (dialog), "_Save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));

  /* A CNAME at the apex: the reason is shown under the name. */
  domaine_record_editor_set_field_type (dialog, "CNAME");
  domaine_record_editor_set_value (dialog, "sub-domain", "@");
  domaine_record_editor_set_value (dialog, "target", "elsewhere.example.");
  g_assert_nonnull (domaine_record_editor_get_field_error (dialog, "sub-domain"));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* A CNAME beside the existing www CNAME's neighbours: "www" already has a CNAME. */
  domaine_record_editor_set_field_type (dialog, "A");
  domaine_record_editor_set_value (dialog, "sub-domain", "www");
  domaine_record_editor_set_value (dialog, "address", "192.0.2.1");
  g_assert_nonnull (domaine_record_editor_get_field_error (dialog, "sub-domain"));

  /* Pressing Save anyway (Enter in a field) does nothing. */
  domaine_record_editor_save (dialog);
  domaine_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (find_toplevel (DOMAINE_TYPE_RECORD_EDITOR) == GTK_WINDOW (dialog));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*"), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*"), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", "*"), ==, 0);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_missing (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_pending_survive (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset;
  g_autofree char *path = NULL;

  show_domain (fixture, "lovelace.fr");
  select_row (fixture, "www", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  changeset = domaine_zone_editor_get_changeset (fixture->editor);
  path = domaine_zone_editor_dup_pending_path (fixture->editor, ovh_changeset_get_zone (changeset));
  g_assert_true (domaine_test_wait_until (file_exists, path, 5000));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));

  /* Another domain, then back: the change is restored from disk. */
  show_domain (fixture, "analytical-engine.com");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  show_domain (fixture, "lovelace.fr");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  g_assert_cmpint (row_state (fixture, "www", "CNAME"), ==, DOMAINE_RECORD_STATE_DELETED);

  /* A new page (as after restarting the app) finds it as well. */
  adw_toast_overlay_set_child (fixture->overlay, NULL);
  fixture->page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  fixture->editor = domaine_domain_page_get_zone_editor (fixture->page);
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->page));
  show_domain (fixture, "lovelace.fr");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);

  /* Discarding removes the file. */
  ovh_changeset_discard_all (domaine_zone_editor_get_changeset (fixture->editor));
  g_assert_true (domaine_test_wait_until (file_missing, path, 5000));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

#define RESTORED_ONE "1 unpublished change restored from your last session"

/* Changes that come back after a restart are said; coming back to a zone within a run is not
 * news. */
static void
test_restored_notice (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *later_path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhAccount) later_account = NULL;
  g_autoptr (OvhClient) later_client = NULL;
  DomaineSession *later_session;
  gsize length;

  show_domain (fixture, "lovelace.fr");
  g_assert_null (domaine_test_find_label_with_text (GTK_WIDGET (fixture->overlay), RESTORED_ONE));
  select_row (fixture, "www", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  path = domaine_zone_editor_dup_pending_path (
      fixture->editor,
      ovh_changeset_get_zone (domaine_zone_editor_get_changeset (fixture->editor)));
  g_assert_true (domaine_test_wait_until (file_exists, path, 5000));
  show_domain (fixture, "analytical-engine.com");
  show_domain (fixture, "lovelace.fr");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  g_assert_null (domaine_test_find_label_with_text (GTK_WIDGET (fixture->overlay), RESTORED_ONE));

  /* As after a restart: the file was left by a run this process knows nothing of. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  later_account
      = ovh_account_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                         OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  later_client = ovh_account_create_client (later_account);
  later_session = domaine_session_new (later_account, later_client);
  later_path = g_build_filename (g_get_user_data_dir (), "domaine", "pending",
                                 ovh_account_get_id (later_account), "lovelace.fr.json", NULL);
  {
    g_autofree char *dir = g_path_get_dirname (later_path);
    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  }
  g_assert_true (g_file_set_contents (later_path, contents, length, &error));
  g_assert_no_error (error);

  domaine_session_close (fixture->session);
  g_object_unref (fixture->session);
  fixture->session = later_session;
  domaine_session_reload (fixture->session);
  g_assert_true (domaine_test_wait_until (session_ready, fixture, 10000));
  adw_toast_overlay_set_child (fixture->overlay, NULL);
  fixture->page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  fixture->editor = domaine_domain_page_get_zone_editor (fixture->page);
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->page));
  show_domain (fixture, "lovelace.fr");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (fixture->overlay), RESTORED_ONE));
  g_free (screenshot (fixture, "zone-editor-restored"));

  /* Nothing stays behind: this file, and the first account's. */
  ovh_changeset_discard_all (domaine_zone_editor_get_changeset (fixture->editor));
  g_assert_true (domaine_test_wait_until (file_missing, later_path, 5000));
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Closing with unpublished changes offers to keep them for later: the window closes, the
 * changes stay pending on disk, and the question is not asked twice. */
static void
test_keep_for_later (Fixture *fixture, gconstpointer data)
{
  GtkWindow *closing = GTK_WINDOW (gtk_window_new ());
  GtkWindow *dialog;
  g_autofree char *path = NULL;

  show_domain (fixture, "lovelace.fr");
  g_assert_false (domaine_domain_page_confirm_close (fixture->page, closing));
  select_row (fixture, "www", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  path = domaine_zone_editor_dup_pending_path (
      fixture->editor,
      ovh_changeset_get_zone (domaine_zone_editor_get_changeset (fixture->editor)));
  g_assert_true (domaine_test_wait_until (file_exists, path, 5000));

  g_object_add_weak_pointer (G_OBJECT (closing), (gpointer *) &closing);
  gtk_window_present (closing);
  g_assert_true (domaine_domain_page_confirm_close (fixture->page, closing));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "publish"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "keep"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "keep"), ==,
                   "_Keep for Later");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "lovelace.fr has 1 unpublished change. Publish it before closing, keep it for "
                   "later, or discard it?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &closing, 5000));

  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    GtkWindow *again = GTK_WINDOW (gtk_window_new ());

    g_assert_false (domaine_domain_page_confirm_close (fixture->page, again));
    gtk_window_destroy (again);
  }
}

/* A publish belongs to its changeset: moving to another zone meanwhile does not stop it,
 * and its outcome reaches that zone's file, not the zone shown now. */
static void
test_publish_zone_switch (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  show_domain (fixture, "lovelace.fr");
  select_row (fixture, "www", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  path = domaine_zone_editor_dup_pending_path (fixture->editor,
                                               domaine_zone_editor_get_zone (fixture->editor));
  g_assert_true (domaine_test_wait_until (file_exists, path, 5000));

  domaine_zone_editor_publish_async (fixture->editor, NULL, store_result_cb, &result);
  g_assert_true (domaine_zone_editor_get_busy (fixture->editor));
  show_domain (fixture, "analytical-engine.com");
  g_assert_false (domaine_zone_editor_get_busy (fixture->editor));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (domaine_zone_editor_publish_finish (fixture->editor, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (sandbox_has (fixture, "www", "CNAME", NULL));
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));
  g_assert_true (domaine_test_wait_until (file_missing, path, 5000));
  show_domain (fixture, "lovelace.fr");
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
}

static void
test_filter (Fixture *fixture, gconstpointer data)
{
  GListModel *shown;
  guint n_all;

  show_domain (fixture, "lovelace.fr");
  shown = G_LIST_MODEL (domaine_zone_editor_get_selection (fixture->editor));
  n_all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_all, >, 5);

  domaine_zone_editor_set_type_filter (fixture->editor, "MX");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  domaine_zone_editor_set_type_filter (fixture->editor, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);

  /* Search over names and values, whatever the case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.search", NULL));
  {
    GtkWidget *entry
        = domaine_test_find_widget_of_type (GTK_WIDGET (fixture->editor), GTK_TYPE_SEARCH_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), "MAILCONFIG");
    g_signal_emit_by_name (entry, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2); /* autoconfig, _autodiscover */
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
    g_signal_emit_by_name (entry, "search-changed");
  }
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);
}

static void
test_domain_view (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shot = NULL;

  show_domain (fixture, "lovelace.fr");
  domaine_domain_page_set_visible_view (fixture->page, "domain");
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (fixture->page), "Expires"));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->page), "Transfer lock"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->window)), ==, 0);
  shot = screenshot (fixture, "domain-page");
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
test_external_dns (Fixture *fixture, gconstpointer data)
{
  GtkWidget *status;

  domaine_domain_page_set_domain (fixture->page, find_domain (fixture, "difference-engine.org"));
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_assert_null (domaine_zone_editor_get_zone (fixture->editor));
  status = domaine_test_find_widget_with_text (GTK_WIDGET (fixture->page), "DNS Hosted Elsewhere");
  g_assert_nonnull (status);
  g_assert_true (domaine_test_wait_until (widget_mapped, status, 5000));
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->editor)));
}

static void
test_narrow (Fixture *fixture, gconstpointer data)
{
  g_autofree char *shot = NULL;

  gtk_window_set_default_size (fixture->window, 360, 640);
  show_domain (fixture, "lovelace.fr");
  select_row (fixture, "www", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.delete", NULL));
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
  shot = screenshot (fixture, "zone-editor-narrow");
  domaine_domain_page_set_visible_view (fixture->page, "domain");
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_free (shot);
  shot = screenshot (fixture, "domain-page-narrow");
}

/* What AdwApplication loads for the app: the screens must look as they do there. */

static gboolean
has_finding (gpointer data)
{
  Fixture *fixture = data;
  OvhRecord *row = g_object_get_data (G_OBJECT (fixture->editor), "test-row");

  return domaine_record_columns_get_finding (fixture->editor->columns, row) != NULL;
}

static gboolean
has_no_finding (gpointer data)
{
  return !has_finding (data);
}

/* A CNAME staged beside a published record: its row shows lint's error, in words too. */
static void
test_lint_icon (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset;
  g_autoptr (OvhRecord) cname = ovh_record_new ("lovelace.fr", "blog", "CNAME", "example.net.", 0);
  g_autoptr (GError) error = NULL;
  OvhChange *change;
  OvhRecord *row;
  OvhLintFinding *finding;
  GtkWidget *icon;

  show_domain (fixture, "lovelace.fr");
  changeset = domaine_zone_editor_get_changeset (fixture->editor);
  change = ovh_changeset_stage_create (changeset, cname, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  row = select_row (fixture, "blog", "CNAME");
  g_object_set_data (G_OBJECT (fixture->editor), "test-row", row);
  g_assert_true (domaine_test_wait_until (has_finding, fixture, 10000));

  finding = domaine_record_columns_get_finding (fixture->editor->columns, row);
  g_assert_cmpstr (ovh_lint_finding_get_code (finding), ==, "cname-coexistence");
  icon = domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->editor->column_view),
                                                 ovh_lint_finding_get_message (finding));
  g_assert_nonnull (icon);
  g_assert_true (GTK_IS_IMAGE (icon));
  g_assert_true (gtk_widget_get_visible (icon));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       ovh_lint_finding_get_message (finding));

  /* Discarded, the CNAME goes and the A row it stood beside is clean again. */
  ovh_changeset_discard (changeset, change);
  row = select_row (fixture, "blog", "A");
  g_object_set_data (G_OBJECT (fixture->editor), "test-row", row);
  g_assert_true (domaine_test_wait_until (has_no_finding, fixture, 10000));
}

typedef struct
{
  Fixture *fixture;
  DomaineZoneHealth *health;
  const char *name; /* the row to look at */
  gboolean present; /* whether it and the Health panel have cname-coexistence */
} RelintWait;

static gboolean
health_has_code (DomaineZoneHealth *health, const char *code)
{
  GListModel *findings = domaine_zone_health_get_findings (health);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (OvhLintFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (ovh_lint_finding_get_code (finding), code))
        return TRUE;
    }
  return FALSE;
}

static gboolean
relinted (gpointer data)
{
  RelintWait *wait = data;
  OvhRecord *row = select_row (wait->fixture, wait->name, "CNAME");
  OvhLintFinding *finding
      = domaine_record_columns_get_finding (wait->fixture->editor->columns, row);

  return (finding != NULL) == wait->present
         && health_has_code (wait->health, "cname-coexistence") == wait->present;
}

/* Editing a staged change, and undoing that edit, lints the rows and the Health panel again. */
static void
test_lint_restaged (Fixture *fixture, gconstpointer data)
{
  DomaineUndoStack *undo;
  g_autoptr (OvhRecord) beside = ovh_record_new ("lovelace.fr", "blog", "CNAME", "example.net.", 0);
  g_autoptr (OvhRecord) alone = ovh_record_new ("lovelace.fr", "blog9", "CNAME", "example.net.", 0);
  g_autoptr (GError) error = NULL;
  RelintWait wait = { fixture, NULL, "blog", TRUE };
  OvhChange *change;

  show_domain (fixture, "lovelace.fr");
  undo = fixture->editor->undo_stack;
  wait.health = DOMAINE_ZONE_HEALTH (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->page), DOMAINE_TYPE_ZONE_HEALTH));
  g_assert_nonnull (wait.health);
  change = domaine_undo_stack_stage_create (undo, beside, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
  g_assert_true (domaine_test_wait_until (relinted, &wait, 10000));

  /* The staged CNAME moves to a name of its own: no finding any more, anywhere. */
  g_assert_true (domaine_undo_stack_restage (undo, change, alone, &error));
  g_assert_no_error (error);
  wait.name = "blog9";
  wait.present = FALSE;
  g_assert_true (domaine_test_wait_until (relinted, &wait, 10000));

  /* Undone, it stands beside the A record again. */
  activate (fixture, "zone.undo");
  wait.name = "blog";
  wait.present = TRUE;
  g_assert_true (domaine_test_wait_until (relinted, &wait, 10000));
}

static void
load_app_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The changes bar words what its properties say. */
static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_changes_bar (void)
{
  GtkWidget *bar = g_object_ref_sink (domaine_changes_bar_new ());
  DomaineChangesBar *self = DOMAINE_CHANGES_BAR (bar);
  guint n_notifies = 0;

  g_signal_connect (bar, "notify", G_CALLBACK (count_notify_cb), &n_notifies);
  g_assert_false (domaine_changes_bar_get_revealed (self));

  domaine_changes_bar_set_n_pending (self, 3);
  g_assert_true (domaine_changes_bar_get_revealed (self));
  g_assert_nonnull (domaine_test_find_label_with_text (bar, "3 unpublished changes"));
  g_assert_cmpuint (n_notifies, ==, 1);
  domaine_changes_bar_set_n_pending (self, 3);
  g_assert_cmpuint (n_notifies, ==, 1); /* no change, no notify */

  domaine_changes_bar_set_n_failed (self, 1);
  g_assert_nonnull (domaine_test_find_label_with_text (
      bar, "1 change could not be published, 2 others unpublished"));

  g_object_set (bar, "busy", TRUE, "n-to-apply", 3, NULL);
  g_assert_nonnull (domaine_test_find_label_with_text (bar, "Publishing 3 changes…"));

  g_object_set (bar, "busy", FALSE, "n-pending", 0, "n-failed", 0, "needs-publish", TRUE, NULL);
  g_assert_nonnull (
      domaine_test_find_label_with_text (bar, "Changes were sent but the zone was not published"));
  g_assert_true (domaine_changes_bar_get_needs_publish (self));

  domaine_changes_bar_set_needs_publish (self, FALSE);
  g_assert_false (domaine_changes_bar_get_revealed (self));
  g_object_unref (bar);
}

/* The publish toast's Undo Publish stages the inverse of what was published. */
static void
test_undo_publish (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) edited = NULL;
  OvhChangeset *changeset;
  OvhZone *zone;
  OvhRecord *blog;
  OvhChange *change;
  GtkWidget *undo_button;
  guint64 blog_id;

  show_domain (fixture, "lovelace.fr");
  zone = domaine_zone_editor_get_zone (fixture->editor);
  changeset = domaine_zone_editor_get_changeset (fixture->editor);
  blog = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (ovh_zone_get_records (zone)); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (ovh_zone_get_records (zone), i);

      if (g_str_equal (ovh_record_get_sub_domain (record), "blog"))
        blog = record;
    }
  g_assert_nonnull (blog);
  blog_id = ovh_record_get_id (blog);
  edited = ovh_record_dup (blog);
  ovh_record_set_target (edited, "203.0.113.99");
  g_assert_nonnull (ovh_changeset_stage_update (changeset, blog_id, edited, &error));
  g_assert_true (publish (fixture, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 0);

  undo_button
      = domaine_test_find_button_with_label (GTK_WIDGET (fixture->overlay), "_Undo Publish");
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 1);
  change = ovh_changeset_lookup (changeset, blog_id);
  g_assert_nonnull (change);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (change)), ==, "203.0.113.11");
  ovh_changeset_discard_all (changeset);
}

static gboolean
nothing_pending (gpointer data)
{
  return ovh_changeset_get_n_pending (OVH_CHANGESET (data)) == 0;
}

/* Staging the removal of most of the zone, then Publish: a dialog gives the numbers and
 * nothing is sent until the user says so. */
static void
test_publish_guard (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OvhChangeset *changeset;
  GListModel *records;
  GtkWindow *confirm;
  guint n_records, n_deleted = 0;

  show_domain (fixture, "lovelace.fr");
  changeset = domaine_zone_editor_get_changeset (fixture->editor);
  records = ovh_zone_get_records (domaine_zone_editor_get_zone (fixture->editor));
  n_records = g_list_model_get_n_items (records);
  g_assert_cmpuint (n_records, >, 12);
  for (guint i = 0; n_deleted < n_records / 2; i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (g_str_equal (ovh_record_get_field_type (record), "NS"))
        continue;
      g_assert_nonnull (ovh_changeset_stage_delete (changeset, ovh_record_get_id (record), &error));
      g_assert_no_error (error);
      n_deleted++;
    }

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.publish", NULL));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirm)), ==,
                   "Publish a Large Change?");
  {
    g_autofree char *numbers = g_strdup_printf ("removes %u and changes 0 of the zone’s %u records",
                                                n_deleted, n_records);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), numbers));
  }

  /* Cancel: nothing was sent, everything is still staged. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, n_deleted);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, "*"), ==, 0);

  /* Publish Anyway: sent and published. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.publish", NULL));
  confirm = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "publish");
  g_assert_true (domaine_test_wait_until (nothing_pending, changeset, 10000));
  g_assert_true (domaine_test_wait_until (not_busy, fixture->editor, 5000));
  g_assert_false (ovh_changeset_get_needs_publish (changeset));
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/refresh"),
      ==, 1);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("domaine-zone-editor-XXXXXX", NULL);

  /* The pending-changes files and the zone cache go to a place of this test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  domaine_test_gui_init (&argc, &argv);
  load_app_style ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/zone-editor/edit-and-publish", test_edit_and_publish);
  ADD ("/zone-editor/publish-failure", test_publish_failure);
  ADD ("/zone-editor/undo-delete", test_undo_delete);
  ADD ("/zone-editor/undo-any", test_undo_any);
  ADD ("/zone-editor/undo-publish", test_undo_publish);
  ADD ("/zone-editor/publish-guard", test_publish_guard);
  ADD ("/zone-editor/invalid-input", test_invalid_input);
  ADD ("/zone-editor/pending-survive", test_pending_survive);
  ADD ("/zone-editor/restored-notice", test_restored_notice);
  ADD ("/zone-editor/keep-for-later", test_keep_for_later);
  ADD ("/zone-editor/publish-zone-switch", test_publish_zone_switch);
  ADD ("/zone-editor/filter", test_filter);
  ADD ("/zone-editor/narrow", test_narrow);
  ADD ("/zone-editor/lint-icon", test_lint_icon);
  ADD ("/zone-editor/lint-restaged", test_lint_restaged);
  ADD ("/domain-page/domain-view", test_domain_view);
  ADD ("/domain-page/external-dns", test_external_dns);
  g_test_add_func ("/changes-bar/states", test_changes_bar);
#undef ADD

  return g_test_run ();
}
