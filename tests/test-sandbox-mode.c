/* test-sandbox-mode.c: `domaine --sandbox`, as a newcomer starts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real command line goes through g_application_run(): the option starts the
 * domaine-sandbox program of the build tree (DOMAINE_SANDBOX_PROGRAM) on a free loopback port
 * and opens its "Sandbox" account, kept in memory only, with its domains, under the banner
 * that says changes stay local. Quitting stops the program.
 */
#include "config.h"

#include "ovh-account-store.h"
#include "ovh-domain.h"
#include "ovh-sandbox.h"

#include "domaine-application.h"
#include "domaine-session-banner.h"
#include "domaine-test-gui.h"
#include "domaine-window.h"

typedef struct
{
  DomaineApplication *app;
  guint ticks;
  gboolean checked;
  char *account_id;
  char *url;
  char *orphan_dir;  /* a journal left by an account of an earlier run */
  char *sandbox_dir; /* the journal of this run's sandbox account */
} Run;

static char *
dup_journal_dir (const char *account_id)
{
  return g_build_filename (g_get_user_data_dir (), "domaine", "pending", account_id, NULL);
}

static void
write_journal (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "lovelace.fr.json", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{}", -1, &error));
  g_assert_no_error (error);
}

/* The main window, or NULL while there is none yet. */
static DomaineWindow *
get_window (DomaineApplication *app)
{
  return DOMAINE_WINDOW (
      domaine_test_find_window_of_type (GTK_APPLICATION (app), DOMAINE_TYPE_WINDOW));
}

static gboolean
check_sandbox_window (gpointer user_data)
{
  Run *run = user_data;
  DomaineWindow *window = get_window (run->app);
  DomaineSession *session = window != NULL ? domaine_window_get_session (window) : NULL;
  OvhAccount *account;
  DomaineSessionBanner *banner;
  const char *url;

  /* Up to 30 s for the window, /me and the domain list. */
  if (++run->ticks > 300)
    g_error ("the sandbox account did not open with its domains");
  if (session == NULL || domaine_session_get_state (session) != DOMAINE_SESSION_STATE_READY
      || g_list_model_get_n_items (domaine_session_get_domains (session)) == 0
      || domaine_application_get_accounts_state (run->app) == DOMAINE_ACCOUNTS_LOADING)
    return G_SOURCE_CONTINUE;

  account = domaine_session_get_account (session);
  url = domaine_application_get_sandbox_url (run->app);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_cmpstr (ovh_account_get_endpoint (account), ==, url);
  g_assert_true (ovh_account_is_sandbox (account));
  g_assert_cmpstr (ovh_account_get_label (account), ==, "Sandbox");
  g_assert_cmpstr (ovh_me_get_nichandle (domaine_session_get_me (session)), ==,
                   OVH_SANDBOX_NICHANDLE);

  /* In memory only: the application knows it, the keyring does not. */
  g_assert_true (domaine_application_is_transient_account (run->app, account));
  g_assert_null (ovh_account_store_find (domaine_application_get_account_store (run->app),
                                         ovh_account_get_id (account)));
  g_assert_true (domaine_application_find_account (run->app, ovh_account_get_id (account))
                 == account);

  /* The seeded domains are listed. */
  g_test_message ("sandbox at %s with %u domains", url,
                  g_list_model_get_n_items (domaine_session_get_domains (session)));

  /* The banner says where changes go. */
  banner = DOMAINE_SESSION_BANNER (
      domaine_test_find_widget_of_type (GTK_WIDGET (window), DOMAINE_TYPE_SESSION_BANNER));
  g_assert_nonnull (banner);
  g_assert_cmpstr (domaine_session_banner_get_title (banner), ==,
                   "This is the sandbox: changes stay on this computer.");

  /* "Try the Sandbox" again opens the same account, not a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "try-sandbox", NULL);
  g_assert_true (domaine_session_get_account (domaine_window_get_session (window)) == account);
  {
    GListModel *accounts = domaine_application_get_accounts (run->app);
    guint n_sandbox = 0;

    for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
      {
        g_autoptr (OvhAccount) item = g_list_model_get_item (accounts, i);
        n_sandbox += ovh_account_is_sandbox (item)
                     && domaine_application_is_transient_account (run->app, item);
      }
    g_assert_cmpuint (n_sandbox, ==, 1);
  }

  if (g_getenv ("DOMAINE_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = domaine_test_save_screenshot (GTK_WIDGET (window), "sandbox-mode");
      g_test_message ("screenshot: %s", path);
    }

  /* Once the accounts are loaded, the journals of accounts that no longer exist go. */
  if (g_file_test (run->orphan_dir, G_FILE_TEST_EXISTS))
    return G_SOURCE_CONTINUE;
  /* Changes staged in the sandbox go to its journal, which goes when the app quits. */
  run->sandbox_dir = dup_journal_dir (ovh_account_get_id (account));
  write_journal (run->sandbox_dir);

  run->account_id = g_strdup (ovh_account_get_id (account));
  run->url = g_strdup (url);
  run->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
app_activated_cb (GApplication *app, Run *run)
{
  DomaineWindow *window = get_window (run->app);

  if (window != NULL)
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  if (run->ticks == 0)
    g_timeout_add (100, check_sandbox_window, run);
}

static void
test_sandbox_mode_command_line (void)
{
  g_autoptr (DomaineApplication) app = domaine_application_new ();
  char *argv[] = { (char *) "domaine", (char *) "--sandbox", NULL };
  Run run = { app };
  int status;
  g_autofree char *orphan_id = g_uuid_string_random ();

  /* An earlier `--sandbox` run's account, long gone. */
  run.orphan_dir = dup_journal_dir (orphan_id);
  write_journal (run.orphan_dir);

  g_signal_connect_after (app, "activate", G_CALLBACK (app_activated_cb), &run);
  status = g_application_run (G_APPLICATION (app), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.checked);

  /* Quitting stops the sandbox and forgets its account: nothing was written anywhere. */
  g_assert_nonnull (run.account_id);
  g_free (run.account_id);
  g_assert_false (g_file_test (run.orphan_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (run.sandbox_dir, G_FILE_TEST_EXISTS));
  g_free (run.orphan_dir);
  g_free (run.sandbox_dir);

  /* Nothing listens on its port any more. */
  {
    g_autoptr (GUri) uri = g_uri_parse (run.url, G_URI_FLAGS_NONE, NULL);
    g_autoptr (GSocketClient) client = g_socket_client_new ();
    g_autoptr (GSocketConnection) connection = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_nonnull (uri);
    connection
        = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri), NULL, &error);
    g_assert_null (connection);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  }
  g_free (run.url);
}

int
main (int argc, char *argv[])
{
  domaine_test_bind_translations ();

  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/sandbox-mode/command-line", test_sandbox_mode_command_line);

  return g_test_run ();
}
