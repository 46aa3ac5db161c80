/* test-api-console.c: the API console against the in-process sandbox: routes listed from the
 * sandbox's copies of OVH's descriptions and filtered by a read-only key's rules, GET /me
 * executed and its answer shown, a POST confirmed first, snippets without secrets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "domaine-api-console.h"
#include "domaine-json-tree.h"
#include "domaine-json-item.h"
#include "domaine-test-gui.h"
#include "ovh-api-route.h"
#include "ovh-sandbox.h"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  DomaineApiConsole *console;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = domaine_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (fixture->console != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->console));
  g_clear_object (&fixture->session);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
loaded (gpointer data)
{
  return domaine_api_console_get_loaded (data);
}

static gboolean
idle (gpointer data)
{
  return !domaine_api_console_get_busy (data);
}

static void
open_console (Fixture *fixture, DomaineSession *session, int width, int height)
{
  fixture->session = session;
  fixture->console = DOMAINE_API_CONSOLE (domaine_api_console_new (session));
  gtk_window_set_default_size (GTK_WINDOW (fixture->console), width, height);
  gtk_window_present (GTK_WINDOW (fixture->console));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->console));
  g_assert_true (domaine_test_wait_until (loaded, fixture->console, 30000));
}

static DomaineSession *
read_only_session (Fixture *fixture)
{
  const char *const read_only[] = { "GET /me", "GET /domain", "GET /domain/*", NULL };
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, NULL, read_only, 0);
  const char *base_url = ovh_sandbox_get_base_url (fixture->sandbox);
  g_autoptr (OvhClient) client = ovh_client_new (base_url, OVH_SANDBOX_APPLICATION_KEY,
                                                 OVH_SANDBOX_APPLICATION_SECRET, consumer_key);
  g_autoptr (OvhAccount) account = ovh_account_new (base_url, OVH_SANDBOX_APPLICATION_KEY,
                                                    OVH_SANDBOX_APPLICATION_SECRET, consumer_key);

  ovh_client_set_rate_limit (client, 0);
  return domaine_session_new (account, client);
}

static guint
n_routes (Fixture *fixture)
{
  return g_list_model_get_n_items (domaine_api_console_get_routes (fixture->console));
}

static gboolean
all_get (Fixture *fixture)
{
  GListModel *routes = domaine_api_console_get_routes (fixture->console);

  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr (OvhApiRoute) route = g_list_model_get_item (routes, i);

      if (!g_str_equal (ovh_api_route_get_method (route), "GET"))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_n_routes (gpointer data)
{
  Fixture *fixture = data;

  return n_routes (fixture)
         == GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (fixture->console), "expected"));
}

static void
wait_n_routes (Fixture *fixture, guint n)
{
  g_object_set_data (G_OBJECT (fixture->console), "expected", GUINT_TO_POINTER (n));
  g_assert_true (domaine_test_wait_until (has_n_routes, fixture, 10000));
}

static void
test_read_only_routes (Fixture *fixture, gconstpointer data)
{
  guint n_allowed;

  open_console (fixture, read_only_session (fixture), 1100, 760);
  g_assert_true (domaine_api_console_get_knows_rules (fixture->console));

  /* domain, as it opens: only the reads this key may make. */
  n_allowed = n_routes (fixture);
  g_assert_cmpuint (n_allowed, >, 20);
  g_assert_cmpuint (n_allowed, <, 110);
  g_assert_true (all_get (fixture));
  g_assert_true (
      domaine_api_console_select_route (fixture->console, "GET", "/domain/zone/{zoneName}/record"));
  g_assert_false (domaine_api_console_select_route (fixture->console, "POST",
                                                    "/domain/zone/{zoneName}/record"));

  /* Every route, the others greyed. */
  g_object_set (fixture->console, "show-all", TRUE, NULL);
  wait_n_routes (fixture, 110);
  g_assert_false (all_get (fixture));
  g_assert_true (domaine_api_console_select_route (fixture->console, "POST",
                                                   "/domain/zone/{zoneName}/record"));
  g_object_set (fixture->console, "show-all", FALSE, NULL);
  wait_n_routes (fixture, n_allowed);

  /* The search narrows the list. */
  domaine_api_console_set_search (fixture->console, "dnssec");
  g_assert_cmpuint (n_routes (fixture), >=, 1);
  g_assert_cmpuint (n_routes (fixture), <, 5);
  domaine_api_console_set_search (fixture->console, "no route says this");
  wait_n_routes (fixture, 0);
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->console), "No Matching Routes"));
  domaine_api_console_set_search (fixture->console, "");

  /* Another product: /me for this key is GET /me alone. */
  domaine_api_console_select_product (fixture->console, "me");
  wait_n_routes (fixture, 1);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->console)), ==, 0);
}

static gboolean
me_listed (gpointer data)
{
  return domaine_api_console_select_route (data, "GET", "/me");
}

static void
execute_get_me (Fixture *fixture)
{
  const OvhRawAnswer *answer;
  GListModel *rows;
  gboolean seen = FALSE;

  domaine_api_console_select_product (fixture->console, "me");
  domaine_api_console_set_search (fixture->console, "");
  /* Read once the product is chosen. */
  g_assert_true (domaine_test_wait_until (me_listed, fixture->console, 30000));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.execute", NULL));
  g_assert_true (domaine_test_wait_until (idle, fixture->console, 30000));
  answer = domaine_api_console_get_answer (fixture->console);
  g_assert_nonnull (answer);
  g_assert_null (domaine_api_console_get_error (fixture->console));
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_nonnull (answer->query_id);
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (fixture->console), "HTTP 200"));

  /* The answer's members, one row each. */
  rows = domaine_json_tree_get_rows (DOMAINE_JSON_TREE (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->console), DOMAINE_TYPE_JSON_TREE)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 5);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (DomaineJsonItem) item = gtk_tree_list_row_get_item (row);
      g_autofree char *value = domaine_json_item_dup_value_text (item);

      seen |= g_strcmp0 (domaine_json_item_get_key (item), "nichandle") == 0
              && g_strcmp0 (value, "\"" OVH_SANDBOX_NICHANDLE "\"") == 0;
    }
  g_assert_true (seen);
}

static void
test_execute_get (Fixture *fixture, gconstpointer data)
{
  open_console (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox), 1100, 760);
  execute_get_me (fixture);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/me"), ==, 1);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->console)), ==, 0);
  domaine_test_save_screenshot (GTK_WIDGET (fixture->console), "api-console-wide");
}

static gboolean
leaflet_shows (gpointer data)
{
  AdwLeaflet *leaflet = data;
  const char *wanted = g_object_get_data (G_OBJECT (leaflet), "wanted");

  return !adw_leaflet_get_child_transition_running (leaflet)
         && g_strcmp0 (gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)), wanted) == 0;
}

static void
wait_leaflet_shows (AdwLeaflet *leaflet, const char *name)
{
  g_object_set_data_full (G_OBJECT (leaflet), "wanted", g_strdup (name), g_free);
  if (!domaine_test_wait_until (leaflet_shows, leaflet, 15000))
    g_error ("the leaflet shows %s (transition running: %d), not %s",
             gtk_widget_get_name (adw_leaflet_get_visible_child (leaflet)),
             adw_leaflet_get_child_transition_running (leaflet), name);
}

static void
test_execute_get_narrow (Fixture *fixture, gconstpointer data)
{
  AdwLeaflet *leaflet;

  open_console (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox), 400, 760);
  leaflet = ADW_LEAFLET (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->console), ADW_TYPE_LEAFLET));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  execute_get_me (fixture);

  /* Folded: the call is a page of its own, and Back leads to the routes. */
  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD));
  wait_leaflet_shows (leaflet, "call-pane");
  domaine_test_save_screenshot (GTK_WIDGET (fixture->console), "api-console-narrow");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.back", NULL));
  wait_leaflet_shows (leaflet, "routes-pane");
  domaine_test_save_screenshot (GTK_WIDGET (fixture->console), "api-console-narrow-routes");
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->console)), ==, 0);
}

static gboolean
confirmation_shown (gpointer data)
{
  return domaine_api_console_get_confirmation (data) != NULL;
}

static void
test_post_confirms (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;
  const OvhRawAnswer *answer;
  const char *path = "/domain/zone/lovelace.fr/refresh";

  open_console (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox), 1100, 760);
  g_assert_true (domaine_api_console_select_route (fixture->console, "POST",
                                                   "/domain/zone/{zoneName}/refresh"));
  /* Nothing is sent without the zone: the form says which value is missing. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.execute", NULL));
  g_assert_null (domaine_api_console_get_confirmation (fixture->console));
  g_assert_cmpstr (domaine_api_console_get_error (fixture->console), ==,
                   "Enter a value for zoneName");
  g_assert_true (domaine_api_console_set_parameter (fixture->console, "zoneName", "lovelace.fr"));

  /* Asked first; cancelled, nothing goes out. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.execute", NULL));
  g_assert_true (domaine_test_wait_until (confirmation_shown, fixture->console, 5000));
  dialog = domaine_api_console_get_confirmation (fixture->console);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Send POST /domain/zone/lovelace.fr/refresh?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", path), ==, 0);

  /* Confirmed, it is sent and answered. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.execute", NULL));
  g_assert_true (domaine_test_wait_until (confirmation_shown, fixture->console, 5000));
  dialog = domaine_api_console_get_confirmation (fixture->console);
  adw_message_dialog_response (dialog, "send");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (domaine_test_wait_until (idle, fixture->console, 30000));
  answer = domaine_api_console_get_answer (fixture->console);
  g_assert_nonnull (answer);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", path), ==, 1);

  /* An error is shown with its status and OVH's words. */
  g_assert_true (
      domaine_api_console_set_parameter (fixture->console, "zoneName", "nowhere.example"));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.execute", NULL));
  g_assert_true (domaine_test_wait_until (confirmation_shown, fixture->console, 5000));
  dialog = domaine_api_console_get_confirmation (fixture->console);
  adw_message_dialog_response (dialog, "send");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (domaine_test_wait_until (idle, fixture->console, 30000));
  g_assert_cmpuint (domaine_api_console_get_answer (fixture->console)->status, ==, 404);
  g_assert_nonnull (domaine_api_console_get_error (fixture->console));
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (fixture->console), "HTTP 404"));
}

static void
test_snippets (Fixture *fixture, gconstpointer data)
{
  const char *secrets[]
      = { OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY };
  g_autofree char *curl = NULL;
  g_autofree char *python = NULL;
  GdkClipboard *clipboard;
  GtkWidget *body_view;
  AdwMessageDialog *dialog;

  open_console (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox), 1100, 760);
  g_assert_true (domaine_api_console_select_route (fixture->console, "POST",
                                                   "/domain/zone/{zoneName}/record"));
  g_assert_true (domaine_api_console_set_parameter (fixture->console, "zoneName", "lovelace.fr"));
  domaine_api_console_set_body (fixture->console,
                                "{\"fieldType\": \"TXT\", \"subDomain\": \"it's\", \"ttl\": 0}");

  domaine_test_save_screenshot (GTK_WIDGET (fixture->console), "api-console-form");

  curl = domaine_api_console_dup_curl (fixture->console);
  python = domaine_api_console_dup_python (fixture->console);
  g_test_message ("%s\n%s", curl, python);
  for (gsize i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_null (strstr (curl, secrets[i]));
      g_assert_null (strstr (python, secrets[i]));
    }
  g_assert_nonnull (strstr (curl, "$OVH_APPLICATION_KEY"));
  g_assert_nonnull (strstr (curl, "$OVH_APPLICATION_SECRET"));
  g_assert_nonnull (strstr (curl, "$OVH_CONSUMER_KEY"));
  g_assert_nonnull (strstr (curl, "METHOD='POST'"));
  g_assert_nonnull (strstr (curl, "/domain/zone/lovelace.fr/record'"));
  /* The body as sent, the quote of "it's" escaped for the shell. */
  g_assert_nonnull (
      strstr (curl, "BODY='{\"fieldType\":\"TXT\",\"subDomain\":\"it'\\''s\",\"ttl\":0}'"));
  g_assert_nonnull (strstr (python, "client = ovh.Client()"));
  g_assert_nonnull (
      strstr (python, "result = client.post(\"/domain/zone/lovelace.fr/record\", **{"));
  g_assert_nonnull (strstr (python, "\"ttl\": 0,"));

  /* Copying puts the same text on the clipboard. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->console), "console.copy-curl", NULL));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->console));
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (
      GTK_WIDGET (fixture->console), "Copied: the command reads the keys from OVH_* variables"));

  /* Ctrl+Enter from the body executes (the text view does not take it as a new line): a
   * POST asks first. */
  body_view = domaine_test_find_widget_of_type (GTK_WIDGET (fixture->console), GTK_TYPE_TEXT_VIEW);
  gtk_widget_grab_focus (body_view);
  g_assert_true (domaine_test_press_key (body_view, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (domaine_test_wait_until (confirmation_shown, fixture->console, 5000));
  dialog = domaine_api_console_get_confirmation (fixture->console);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/record"),
      ==, 0);
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  domaine_test_use_scratch_data_dirs ("domaine-api-console-XXXXXX");

  g_test_add ("/api-console/read-only-routes", Fixture, NULL, fixture_set_up, test_read_only_routes,
              fixture_tear_down);
  g_test_add ("/api-console/execute-get", Fixture, NULL, fixture_set_up, test_execute_get,
              fixture_tear_down);
  g_test_add ("/api-console/execute-get-narrow", Fixture, NULL, fixture_set_up,
              test_execute_get_narrow, fixture_tear_down);
  g_test_add ("/api-console/post-confirms", Fixture, NULL, fixture_set_up, test_post_confirms,
              fixture_tear_down);
  g_test_add ("/api-console/snippets", Fixture, NULL, fixture_set_up, test_snippets,
              fixture_tear_down);

  return g_test_run ();
}
