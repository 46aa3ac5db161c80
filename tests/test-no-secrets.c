/* test-no-secrets.c: a whole sign-in leaves the secrets in the keyring and nowhere else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With every log message captured (G_MESSAGES_DEBUG=all, our own writer), the assistant
 * signs in against the sandbox with an application secret made for this run, the account
 * opens in the window, and then: neither the application secret nor the consumer key is
 * in any log line, nor in any file under the test HOME and XDG directories.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ovh-account-store.h"
#include "ovh-sandbox.h"

#include "domaine-account-assistant.h"
#include "domaine-account-page-private.h"
#include "domaine-application.h"
#include "domaine-test-gui.h"
#include "domaine-window-private.h"

#define LOG_CANARY "no-secrets-test: debug output is captured"

static GString *captured_log;
static GMutex captured_lock;

static GLogWriterOutput
capture_writer (GLogLevelFlags log_level,
                const GLogField *fields,
                gsize n_fields,
                gpointer user_data)
{
  g_mutex_lock (&captured_lock);
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (captured_log, fields[i].value);
      else
        g_string_append_len (captured_log, fields[i].value, fields[i].length);
      g_string_append_c (captured_log, ' ');
    }
  g_string_append_c (captured_log, '\n');
  g_mutex_unlock (&captured_lock);

  /* Warnings and worse still reach the terminal (and stay fatal in tests). */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static gboolean
log_contains (const char *needle)
{
  gboolean found;

  g_mutex_lock (&captured_lock);
  found = strstr (captured_log->str, needle) != NULL;
  g_mutex_unlock (&captured_lock);
  return found;
}

/* Files */

static void
collect_files (const char *path, GPtrArray *files)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect_files (child, files);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static guint
count_files_containing (const char *needle, gboolean *saw_keyring)
{
  const char *roots[]
      = { g_get_home_dir (),       g_get_user_data_dir (),  g_get_user_config_dir (),
          g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir () };
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *keyrings = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  gsize needle_length = strlen (needle);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    collect_files (roots[i], files);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_hash_table_add (seen, (char *) path))
        continue;
      if (saw_keyring != NULL && g_str_has_prefix (path, keyrings))
        *saw_keyring = TRUE;
      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      /* Bytes, not C strings: keyring files are binary. */
      for (gsize j = 0; j + needle_length <= length; j++)
        if (memcmp (contents + j, needle, needle_length) == 0)
          {
            g_test_message ("secret found in %s", path);
            n++;
            break;
          }
    }
  return n;
}

/* The sign-in */

static gboolean
session_ready (gpointer data)
{
  DomaineSession *session = domaine_window_get_session (data);

  return session != NULL && domaine_session_get_state (session) == DOMAINE_SESSION_STATE_READY;
}

static gboolean
account_page_loaded (gpointer data)
{
  DomaineAccountPage *page = data;

  return !domaine_account_page_get_loading (page)
         && domaine_account_page_get_credential (page) != NULL;
}

static void
test_no_secrets_sign_in (void)
{
  g_autoptr (DomaineApplication) app = NULL;
  g_autofree char *application_key = NULL;
  g_autofree char *application_secret = NULL;
  g_autofree char *consumer_key = NULL;
  g_autofree char *control = NULL;
  g_autoptr (OvhAccount) account = NULL;
  DomaineAccountAssistant *assistant;
  DomaineWindow *window;
  OvhSandbox *sandbox;
  gboolean saw_keyring = FALSE;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs the private session of tests/run-headless.sh");
      return;
    }

  app = domaine_test_app_get (TRUE);
  window = domaine_test_app_get_window ();
  sandbox = domaine_test_app_get_sandbox ();

  /* An application made for this run, so its secret can only come from here. */
  application_key = g_strdup_printf ("ak%08x", g_random_int ());
  application_secret
      = g_strdup_printf ("AS-never-logged-%08x%08x", g_random_int (), g_random_int ());
  ovh_sandbox_add_application (sandbox, application_key, application_secret, "No secrets");

  g_assert_cmpint (domaine_test_app_wait_accounts_settled (), ==, DOMAINE_ACCOUNTS_READY);

  g_action_group_activate_action (G_ACTION_GROUP (app), "add-account", NULL);
  assistant = DOMAINE_ACCOUNT_ASSISTANT (
      domaine_test_find_window_of_type (GTK_APPLICATION (app), DOMAINE_TYPE_ACCOUNT_ASSISTANT));
  g_assert_nonnull (assistant);
  domaine_account_assistant_set_wait_timing (assistant, 50, 60);
  adw_action_row_activate (ADW_ACTION_ROW (
      domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Sandbox on this computer")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  domaine_test_assistant_wait_for_page (assistant, "application");
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Application key", application_key);
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Application secret",
                                   application_secret);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  domaine_test_assistant_wait_for_page (assistant, "access");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL));
  domaine_test_assistant_wait_for_page (assistant, "authorize");
  {
    g_autoptr (GUri) uri = g_uri_parse (domaine_account_assistant_get_validation_url (assistant),
                                        G_URI_FLAGS_NONE, NULL);
    g_autoptr (GHashTable) params
        = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);

    consumer_key = ovh_sandbox_dup_consumer_key_for_token (
        sandbox, g_hash_table_lookup (params, "credentialToken"));
  }
  g_assert_nonnull (consumer_key);
  g_assert_true (ovh_sandbox_validate_credential (sandbox, consumer_key, 0));
  domaine_test_assistant_wait_for_page (assistant, "done");
  account = g_object_ref (domaine_account_assistant_get_account (assistant));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.done", NULL));
  /* The account works in the window: its client signs calls with both secrets. */
  g_assert_true (domaine_test_wait_until (session_ready, window, 20000));
  /* The account page reads the credential and the other keys: more calls in the log. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-account", NULL));
  g_assert_true (domaine_test_wait_until (account_page_loaded,
                                          domaine_window_get_page (window, "account"), 20000));

  /* Debug output was on and captured (so the checks below look at something)... */
  g_debug (LOG_CANARY);
  g_assert_true (log_contains (LOG_CANARY));
  /* ...and it never shows a secret. */
  g_assert_false (log_contains (application_secret));
  g_assert_false (log_contains (consumer_key));

  /* On disk: the walk reaches the keyring's own file, and finds no secret anywhere. */
  g_assert_cmpuint (count_files_containing (application_secret, &saw_keyring), ==, 0);
  g_assert_true (saw_keyring);
  g_assert_cmpuint (count_files_containing (consumer_key, NULL), ==, 0);
  /* The walk does find a secret that is there: the check can fail. */
  control = g_build_filename (g_get_home_dir (), "control-file", NULL);
  g_assert_true (g_file_set_contents (control, consumer_key, -1, NULL));
  g_assert_cmpuint (count_files_containing (consumer_key, NULL), ==, 1);
  g_assert_cmpint (g_unlink (control), ==, 0);

  domaine_test_store_remove_sync (domaine_test_app_get_store (), account);
  domaine_test_app_close_windows ();
}

int
main (int argc, char *argv[])
{
  int status;

  /* Read by GLib at each message; set before anything logs. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  domaine_test_bind_translations ();

  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/no-secrets/sign-in", test_no_secrets_sign_in);

  status = g_test_run ();
  domaine_test_app_release ();
  g_string_free (captured_log, TRUE);
  return status;
}
