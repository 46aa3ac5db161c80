/* test-sandbox-process.c: the domaine-sandbox program as the app runs it, a child process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The build tree's program (DOMAINE_SANDBOX_PROGRAM, set by tests/meson.build) is started,
 * used through libovh with the keys it printed, stopped, killed; then the application runs it
 * for "Try the Sandbox" and survives its death.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ovh-account.h"
#include "ovh-client.h"
#include "ovh-error.h"

#include "dns-client.h"
#include "domaine-application.h"
#include "domaine-sandbox-process.h"
#include "domaine-test-gui.h"
#include "domaine-window.h"

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} StartWait;

static void
started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  StartWait *wait = user_data;

  wait->ok = domaine_sandbox_process_start_finish (DOMAINE_SANDBOX_PROCESS (source), result,
                                                   &wait->error);
  wait->done = TRUE;
}

static gboolean
start_done (gpointer data)
{
  return ((StartWait *) data)->done;
}

/* Starts @process and waits (30 s at most) for the end of its start; returns its result. */
static gboolean
start_sync (DomaineSandboxProcess *process, GError **error)
{
  StartWait wait = { 0 };

  domaine_sandbox_process_start_async (process, NULL, started_cb, &wait);
  g_assert_true (domaine_test_wait_until (start_done, &wait, 30000));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static DomaineSandboxProcess *
start_process (const char *const *extra_args)
{
  g_autoptr (DomaineSandboxProcess) process = domaine_sandbox_process_new (NULL, extra_args);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (domaine_sandbox_process_get_program (process), ==,
                   g_getenv ("DOMAINE_SANDBOX_PROGRAM"));
  g_assert_true (start_sync (process, &error));
  g_assert_no_error (error);
  g_assert_true (domaine_sandbox_process_get_running (process));
  return g_steal_pointer (&process);
}

/* A client with the keys the child printed, without retries: each call is one request. */
static OvhClient *
client_for (DomaineSandboxProcess *process)
{
  OvhClient *client = ovh_client_new (domaine_sandbox_process_get_base_url (process),
                                      domaine_sandbox_process_get_application_key (process),
                                      domaine_sandbox_process_get_application_secret (process),
                                      domaine_sandbox_process_get_consumer_key (process));

  ovh_client_set_rate_limit (client, 0);
  ovh_client_set_retry_policy (client, 1, 0);
  ovh_client_set_timeout (client, 10);
  return client;
}

static char *
dup_nichandle (OvhClient *client, GError **error)
{
  g_autoptr (JsonNode) me = ovh_client_call_sync (client, "GET", "/me", NULL, NULL, error);

  if (me == NULL)
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_OBJECT (me));
  return g_strdup (json_object_get_string_member (json_node_get_object (me), "nichandle"));
}

/* Gone: no process, not even a zombie (GSubprocess reaped it). */
static void
assert_process_gone (GPid pid)
{
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
}

static void
test_find_program (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("DOMAINE_SANDBOX_PROGRAM"));
  g_autofree char *found = domaine_sandbox_process_find_program ();
  g_autofree char *missing = NULL;

  g_assert_nonnull (saved);
  g_assert_cmpstr (found, ==, saved);

  /* An override that names nothing runnable finds nothing: no silent fallback. */
  g_setenv ("DOMAINE_SANDBOX_PROGRAM", "/nonexistent/domaine-sandbox", TRUE);
  missing = domaine_sandbox_process_find_program ();
  g_assert_null (missing);
  g_setenv ("DOMAINE_SANDBOX_PROGRAM", saved, TRUE);
}

static void
test_start_use_stop (void)
{
  g_autoptr (DomaineSandboxProcess) process = start_process (NULL);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (GError) error = NULL;
  g_autofree char *nichandle = NULL;
  g_autofree char *base_url = NULL;
  GPid pid;

  g_assert_true (
      g_str_has_prefix (domaine_sandbox_process_get_base_url (process), "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (domaine_sandbox_process_get_base_url (process), "/1.0"));
  g_assert_nonnull (domaine_sandbox_process_get_application_key (process));
  g_assert_null (domaine_sandbox_process_get_ca_file (process));
  g_object_get (process, "base-url", &base_url, NULL);
  g_assert_cmpstr (base_url, ==, domaine_sandbox_process_get_base_url (process));
  pid = (GPid) g_ascii_strtoll (domaine_sandbox_process_get_identifier (process), NULL, 10);
  g_assert_cmpint (pid, >, 0);

  /* A signed call with the keys it printed. */
  nichandle = dup_nichandle (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nichandle, ==, "al1234-ovh");

  domaine_sandbox_process_stop (process);
  g_assert_false (domaine_sandbox_process_get_running (process));
  g_assert_null (domaine_sandbox_process_get_identifier (process));
  assert_process_gone (pid);
  /* Stopping twice is harmless. */
  domaine_sandbox_process_stop (process);
}

static guint32
served_serial (DnsClient *dns, const char *zone)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DnsAnswer) answer
      = dns_client_query_sync (dns, "dns111.ovh.net", zone, DNS_TYPE_SOA, FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (answer->has_soa);
  return answer->soa_serial;
}

static gboolean
serial_moved (gpointer data)
{
  gpointer *args = data;

  return served_serial (args[0], "lovelace.fr") > GPOINTER_TO_UINT (args[1]);
}

/* knotd serves what the sandbox publishes, at the address its name servers map to, and goes
 * with the sandbox. */
static void
test_name_server (void)
{
  g_autoptr (DomaineSandboxProcess) process = start_process (NULL);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (DnsClient) dns = dns_client_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  DomaineSandboxNameServer *name_server = domaine_sandbox_process_get_name_server (process);
  const char *mapping = domaine_sandbox_process_get_name_server_mapping (process);
  g_autofree char *reason = NULL;
  g_autofree char *dir = NULL;
  gpointer args[2];
  guint32 serial;
  guint n_reloads;
  GPid pid;

  if (!domaine_sandbox_name_server_available (&reason))
    {
      /* Without Knot DNS the sandbox runs all the same, and says why nothing serves it. */
      g_assert_null (name_server);
      g_assert_null (mapping);
      g_assert_cmpstr (domaine_sandbox_process_get_name_server_problem (process), ==, reason);
      g_assert_cmpstr (reason, ==,
                       "Install Knot DNS to see the sandbox’s name servers serve changes");
      g_test_skip (reason);
      return;
    }
  g_assert_nonnull (name_server);
  g_assert_null (domaine_sandbox_process_get_name_server_problem (process));
  g_assert_nonnull (strstr (mapping, "dns111.ovh.net=127.0.0.1:"));
  g_assert_nonnull (strstr (mapping, "ns111.ovh.net=127.0.0.1:"));
  g_assert_true (dns_client_add_server_addresses (dns, mapping, &error));
  g_assert_no_error (error);
  serial = served_serial (dns, "lovelace.fr");
  g_assert_cmpuint (serial, >, 0);

  /* A publish: the zone file changes, knotd reads it again. */
  n_reloads = domaine_sandbox_name_server_get_n_reloads (name_server);
  args[0] = dns;
  args[1] = GUINT_TO_POINTER (serial);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, "A");
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, "fresh");
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, "192.0.2.77");
  json_builder_end_object (builder);
  created = ovh_client_call_sync (client, "POST", "/domain/zone/lovelace.fr/record",
                                  json_builder_get_root (builder), NULL, &error);
  g_assert_no_error (error);
  refreshed = ovh_client_call_sync (client, "POST", "/domain/zone/lovelace.fr/refresh", NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  g_assert_true (domaine_test_wait_until (serial_moved, args, 20000));
  g_assert_cmpuint (domaine_sandbox_name_server_get_n_reloads (name_server), >, n_reloads);

  /* Stopping the sandbox stops knotd: no process left behind. */
  pid = (GPid) g_ascii_strtoll (domaine_sandbox_name_server_get_identifier (name_server), NULL, 10);
  g_assert_cmpint (pid, >, 0);
  domaine_sandbox_process_stop (process);
  assert_process_gone (pid);
  g_assert_null (domaine_sandbox_process_get_name_server (process));
}

static void
died_cb (DomaineSandboxProcess *process, const GError *error, GError **out)
{
  g_assert_null (*out);
  *out = g_error_copy (error);
}

static gboolean
error_set (gpointer data)
{
  return *(GError **) data != NULL;
}

static void
test_killed (void)
{
  g_autoptr (DomaineSandboxProcess) process = start_process (NULL);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (GError) died = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *nichandle = NULL;
  GPid pid;

  g_signal_connect (process, "died", G_CALLBACK (died_cb), &died);
  pid = (GPid) g_ascii_strtoll (domaine_sandbox_process_get_identifier (process), NULL, 10);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);

  g_assert_true (domaine_test_wait_until (error_set, &died, 10000));
  g_assert_error (died, DOMAINE_SANDBOX_PROCESS_ERROR, DOMAINE_SANDBOX_PROCESS_ERROR_DIED);
  g_assert_cmpstr (died->message, ==,
                   "The sandbox stopped unexpectedly: it was stopped by signal 9.");
  g_assert_false (domaine_sandbox_process_get_running (process));
  assert_process_gone (pid);

  /* A client still holding its address meets a network error, not a hang. */
  nichandle = dup_nichandle (client, &error);
  g_assert_null (nichandle);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NETWORK);

  domaine_sandbox_process_stop (process);
}

static void
test_fault_switch (void)
{
  const char *const args[] = { "--fault", "500:GET:/me:1", NULL };
  g_autoptr (DomaineSandboxProcess) process = start_process (args);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (GError) error = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *nichandle = NULL;

  /* The first /me fails as asked, the second is served. */
  failed = dup_nichandle (client, &error);
  g_assert_null (failed);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 500);
  g_clear_error (&error);

  nichandle = dup_nichandle (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nichandle, ==, "al1234-ovh");
}

static void
test_fault_kinds (void)
{
  const char *const args[]
      = { "--fault", "malformed:GET:/me", "--fault", "drop:*:/domain*:0", NULL };
  g_autoptr (DomaineSandboxProcess) process = start_process (args);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) domains = NULL;
  g_autofree char *nichandle = NULL;

  /* Every /me answers with a body that is not JSON (count 0 or none: every call). */
  for (guint i = 0; i < 2; i++)
    {
      nichandle = dup_nichandle (client, &error);
      g_assert_null (nichandle);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }

  /* Every call under /domain loses its connection. */
  domains = ovh_client_call_sync (client, "GET", "/domain", NULL, NULL, &error);
  g_assert_null (domains);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NETWORK);
}

/* The faults that carry a call out and lose its answer, and 429, from the command line. */
static void
test_lost_answer_kinds (void)
{
  const char *const args[] = { "--fault", "applied-malformed:POST:/domain/zone/*/record:1",
                               "--fault", "429:GET:/me:1", NULL };
  g_autoptr (DomaineSandboxProcess) process = start_process (args);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) body = json_from_string (
      "{\"fieldType\": \"A\", \"subDomain\": \"garbled\", \"target\": \"192.0.2.9\"}", NULL);
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) ids = NULL;
  g_autofree char *nichandle = NULL;

  /* Refused once with Retry-After (1 s), then served: the client waits and asks again. */
  ovh_client_set_retry_policy (client, 2, 0);
  nichandle = dup_nichandle (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nichandle, ==, "al1234-ovh");

  /* The create is made; its answer is garbage. */
  created = ovh_client_call_sync (client, "POST", "/domain/zone/lovelace.fr/record", body, NULL,
                                  &error);
  g_assert_null (created);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  ids = ovh_client_call_sync (client, "GET",
                              "/domain/zone/lovelace.fr/record?fieldType=A&subDomain=garbled", NULL,
                              NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (ids)), ==, 1);
}

static void
test_tls (void)
{
  const char *const args[] = { "--tls", NULL };
  g_autoptr (DomaineSandboxProcess) process = start_process (args);
  g_autoptr (OvhClient) client = client_for (process);
  g_autoptr (GTlsDatabase) database = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *nichandle = NULL;
  const char *ca_file = domaine_sandbox_process_get_ca_file (process);

  g_assert_true (
      g_str_has_prefix (domaine_sandbox_process_get_base_url (process), "https://127.0.0.1:"));
  g_assert_nonnull (ca_file);
  g_assert_true (g_file_test (ca_file, G_FILE_TEST_IS_REGULAR));

  /* Trusting exactly the certificate it announced. */
  database = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);
  ovh_client_set_tls_database (client, database);
  nichandle = dup_nichandle (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nichandle, ==, "al1234-ovh");
}

static void
test_start_failures (void)
{
  const char *const bad_args[] = { "--fault", "sometimes:GET:/me", NULL };
  g_autoptr (DomaineSandboxProcess) missing = NULL;
  g_autoptr (DomaineSandboxProcess) refused = NULL;
  g_autoptr (GError) error = NULL;

  /* No such program. */
  missing = domaine_sandbox_process_new ("/nonexistent/domaine-sandbox", NULL);
  g_assert_false (start_sync (missing, &error));
  g_assert_error (error, DOMAINE_SANDBOX_PROCESS_ERROR, DOMAINE_SANDBOX_PROCESS_ERROR_FAILED);
  g_assert_false (domaine_sandbox_process_get_running (missing));
  g_clear_error (&error);

  /* The program refuses its command line: it ends before its JSON line, and we say so. */
  refused = domaine_sandbox_process_new (NULL, bad_args);
  g_assert_false (start_sync (refused, &error));
  g_assert_error (error, DOMAINE_SANDBOX_PROCESS_ERROR, DOMAINE_SANDBOX_PROCESS_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "The sandbox ended before it was ready: it exited with status 2.");
  g_assert_false (domaine_sandbox_process_get_running (refused));
  g_assert_null (domaine_sandbox_process_get_base_url (refused));
}

/* The application */

static OvhAccount *
find_sandbox_account (DomaineApplication *app)
{
  GListModel *accounts = domaine_application_get_accounts (app);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (accounts, i);

      if (ovh_account_is_sandbox (account)
          && domaine_application_is_transient_account (app, account))
        return account; /* the model keeps it */
    }
  return NULL;
}

static gboolean
has_sandbox_account (gpointer data)
{
  return find_sandbox_account (data) != NULL;
}

static gboolean
has_no_sandbox_account (gpointer data)
{
  return find_sandbox_account (data) == NULL;
}

/* A child of this process (not a zombie) whose program is @program, or whose program's
 * base name is @base_name. */
static GPid
find_child (const char *program, const char *base_name)
{
  g_autoptr (GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *exe_path = g_build_filename ("/proc", name, "exe", NULL);
      g_autofree char *stat = NULL;
      g_autofree char *exe = NULL;
      const char *after_comm;
      char state;
      int ppid;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      after_comm = strrchr (stat, ')');
      if (after_comm == NULL || sscanf (after_comm + 1, " %c %d", &state, &ppid) != 2
          || ppid != getpid () || state == 'Z')
        continue;
      exe = g_file_read_link (exe_path, NULL);
      if (exe != NULL
          && (program != NULL ? g_str_equal (exe, program) : g_str_has_suffix (exe, base_name)))
        return (GPid) g_ascii_strtoll (name, NULL, 10);
    }
  return 0;
}

/* The app's child: the process whose parent is this one and whose program is the sandbox. */
static GPid
find_child_sandbox (void)
{
  g_autofree char *program = g_canonicalize_filename (g_getenv ("DOMAINE_SANDBOX_PROGRAM"), NULL);

  return find_child (program, NULL);
}

/* The sandbox's name server, knotd, run by the app. */
static GPid
find_child_knotd (void)
{
  return find_child (NULL, "/knotd");
}

static gboolean
knotd_gone (gpointer data)
{
  return find_child_knotd () == 0;
}

static gboolean
child_gone (gpointer data)
{
  return find_child_sandbox () == 0;
}

static void
test_app_runs_and_survives_the_child (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (FALSE);
  DomaineWindow *window = domaine_test_app_get_window ();
  const char *expected_toast = "The sandbox stopped unexpectedly: it was stopped by signal 9. "
                               "Choose “Try the Sandbox” to start it again.";
  GPid pid;

  g_assert_true (domaine_application_get_sandbox_available (app));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "try-sandbox"));
  g_assert_true (gtk_widget_get_visible (
      domaine_test_find_button_with_label (GTK_WIDGET (window), "Try the Sandbox")));
  g_assert_null (domaine_application_get_sandbox_url (app));
  g_assert_cmpuint (find_child_sandbox (), ==, 0);

  /* "Try the Sandbox": the child starts and its account opens. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-sandbox", NULL);
  g_assert_true (domaine_test_wait_until (has_sandbox_account, app, 30000));
  g_assert_true (g_str_has_prefix (domaine_application_get_sandbox_url (app), "http://127.0.0.1:"));
  g_assert_cmpstr (ovh_account_get_endpoint (find_sandbox_account (app)), ==,
                   domaine_application_get_sandbox_url (app));
  pid = find_child_sandbox ();
  g_assert_cmpint (pid, >, 0);
  if (domaine_sandbox_name_server_available (NULL))
    g_assert_cmpint (find_child_knotd (), >, 0);

  /* It crashes: the account goes, a toast says why, the app carries on; its knotd goes too. */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_true (domaine_test_wait_until (has_no_sandbox_account, app, 10000));
  g_assert_true (knotd_gone (NULL));
  g_assert_null (domaine_application_get_sandbox_url (app));
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (window), expected_toast));

  /* It starts again on demand, and closing its account stops it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "try-sandbox", NULL);
  g_assert_true (domaine_test_wait_until (has_sandbox_account, app, 30000));
  pid = find_child_sandbox ();
  g_assert_cmpint (pid, >, 0);
  domaine_application_forget_transient_account (app, find_sandbox_account (app));
  g_assert_null (find_sandbox_account (app));
  assert_process_gone (pid);
  g_assert_true (child_gone (NULL));
  g_assert_true (knotd_gone (NULL));

  domaine_test_app_close_windows ();
}

/* Without the program, "Try the Sandbox" is neither offered nor enabled. */
static void
test_app_without_program (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (DomaineApplication) app = NULL;
      GtkWidget *button;

      g_setenv ("DOMAINE_SANDBOX_PROGRAM", "/nonexistent/domaine-sandbox", TRUE);
      app = domaine_test_app_get (FALSE);
      button = domaine_test_find_button_with_label (GTK_WIDGET (domaine_test_app_get_window ()),
                                                    "Try the Sandbox");
      g_assert_nonnull (button);
      g_assert_false (gtk_widget_get_visible (button));
      g_assert_false (domaine_application_get_sandbox_available (app));
      g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "try-sandbox"));
      domaine_test_app_close_windows ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  int status;

  domaine_test_bind_translations ();
  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/sandbox-process/find-program", test_find_program);
  g_test_add_func ("/sandbox-process/start-use-stop", test_start_use_stop);
  g_test_add_func ("/sandbox-process/killed", test_killed);
  g_test_add_func ("/sandbox-process/name-server", test_name_server);
  g_test_add_func ("/sandbox-process/fault-switch", test_fault_switch);
  g_test_add_func ("/sandbox-process/fault-kinds", test_fault_kinds);
  g_test_add_func ("/sandbox-process/lost-answer-kinds", test_lost_answer_kinds);
  g_test_add_func ("/sandbox-process/tls", test_tls);
  g_test_add_func ("/sandbox-process/start-failures", test_start_failures);
  g_test_add_func ("/sandbox-process/app-runs-and-survives-the-child",
                   test_app_runs_and_survives_the_child);
  g_test_add_func ("/sandbox-process/app-without-program", test_app_without_program);

  status = g_test_run ();
  domaine_test_app_release ();
  return status;
}
