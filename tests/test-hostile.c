/* test-hostile.c: OvhClient and domaine-cli against a server that misbehaves on purpose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/hostile-server.c runs as a subprocess, a new one for each test. Every misbehaviour
 * must end in a clear error: the client's deadline is set to one second, so that a silence
 * or a trickle ends in that time (the test harness's timeout catches a call that does not),
 * and the memory the process reaches is checked against a bound far below what parsing the
 * hostile answers would take.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ovh-client.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-sandbox.h"
#include "ovh-zone-status.h"
#include "ovh-zone.h"

/* What a call may add to the process's peak memory (kB) before it counts as unbounded. */
#define MEMORY_BOUND_KB (192 * 1024)

typedef struct
{
  GSubprocess *process;
  guint api_port;
  guint other_port;
  char *base_url;
  char *tls_dir;
  char *ca_path;
} Hostile;

static Hostile *
hostile_start (gboolean tls)
{
  Hostile *self = g_new0 (Hostile, 1);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  g_ptr_array_add (argv, (char *) HOSTILE_SERVER_PATH);
  if (tls)
    {
      self->tls_dir = g_dir_make_tmp ("domaine-hostile-XXXXXX", &error);
      g_assert_no_error (error);
      self->ca_path = g_build_filename (self->tls_dir, "sandbox-ca.pem", NULL);
      g_ptr_array_add (argv, (char *) "--tls");
      g_ptr_array_add (argv, self->tls_dir);
    }
  g_ptr_array_add (argv, NULL);

  /* The server stops when its standard input closes: when this process ends, however. */
  self->process
      = g_subprocess_newv ((const char *const *) argv->pdata,
                           G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "PORTS %u %u", &self->api_port, &self->other_port), ==, 2);
  self->base_url
      = g_strdup_printf ("%s://127.0.0.1:%u/1.0", tls ? "https" : "http", self->api_port);

  return self;
}

static void
hostile_free (Hostile *self)
{
  g_subprocess_force_exit (self->process);
  g_subprocess_wait (self->process, NULL, NULL);
  g_object_unref (self->process);
  if (self->tls_dir != NULL)
    {
      g_autofree char *key = g_build_filename (self->tls_dir, "sandbox-key.pem", NULL);

      g_remove (self->ca_path);
      g_remove (key);
      g_rmdir (self->tls_dir);
    }
  g_free (self->tls_dir);
  g_free (self->ca_path);
  g_free (self->base_url);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hostile, hostile_free)

static OvhClient *
hostile_client (Hostile *self)
{
  OvhClient *client = ovh_client_new (self->base_url, "hostile-application-key",
                                      "hostile-application-secret", "hostile-consumer-key");

  ovh_client_set_rate_limit (client, 0);
  ovh_client_set_retry_policy (client, 3, 10);
  /* Long enough for a TLS handshake on a loaded machine; the deadline tests set 1 s. */
  ovh_client_set_timeout (client, 5);
  if (self->ca_path != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GTlsDatabase) database = g_tls_file_database_new (self->ca_path, &error);

      g_assert_no_error (error);
      ovh_client_set_tls_database (client, database);
    }
  return client;
}

/* How many requests reached the other origin, and how many of them with X-Ovh-* headers. */
static void
hostile_get_other_hits (Hostile *self, gint64 *hits, gint64 *ovh_headers)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hits", self->other_port);
  g_autoptr (SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  *hits = json_object_get_int_member (object, "hits");
  *ovh_headers = json_object_get_int_member (object, "ovh_headers");
}

static glong
peak_memory_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* GET path with a fresh client; the error (the call must fail), its message in *message. */
static GError *
get_error (Hostile *self, OvhClient *client, const char *path)
{
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_sync (client, "GET", path, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  return error;
}

/* ---- redirects: the signed request stays with the API -------------------------------- */

static void
check_redirect (gboolean tls)
{
  g_autoptr (Hostile) hostile = hostile_start (tls);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = get_error (hostile, client, "/redirect");
  g_autofree char *target = g_strdup_printf ("http://127.0.0.1:%u/1.0/catch", hostile->other_port);
  gint64 hits, ovh_headers;

  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, target));
  hostile_get_other_hits (hostile, &hits, &ovh_headers);
  g_assert_cmpint (ovh_headers, ==, 0);
  g_assert_cmpint (hits, ==, 0);
}

static void
test_redirect_other_origin (void)
{
  check_redirect (FALSE);
}

static void
test_redirect_https_to_http (void)
{
  check_redirect (TRUE);
}

static void
test_redirect_same_origin (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = get_error (hostile, client, "/redirect-same");
  g_autofree char *target = g_strdup_printf ("%s/me", hostile->base_url);

  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, target));
}

/* ---- answers too deep, too big, too slow --------------------------------------------- */

static void
test_json_deep (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  const char *const paths[] = { "/deep", "/deep-object" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = get_error (hostile, client, paths[i]);

      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
    }
}

static void
test_json_deep_error_body (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = get_error (hostile, client, "/deep-error");

  /* The body is not read as OVH's error; the status still says what happened. */
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 400);
}

static void
test_json_huge_array (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  glong before = peak_memory_kb ();
  g_autoptr (GError) error = get_error (hostile, client, "/huge-array");

  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "more than 2000000 values"));
  g_assert_cmpint (peak_memory_kb () - before, <, MEMORY_BOUND_KB);
}

static void
test_size_endless (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  glong before = peak_memory_kb ();
  g_autoptr (GError) error = NULL;

  ovh_client_set_max_answer_size (client, 8 * 1024 * 1024);
  error = get_error (hostile, client, "/endless");
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "larger than 8.4"));
  g_assert_cmpint (peak_memory_kb () - before, <, MEMORY_BOUND_KB);
}

static void
test_size_claimed (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = get_error (hostile, client, "/claimed-size");

  /* Refused on its Content-Length, before a byte of the body (the server then goes silent). */
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_assert_cmpuint (ovh_client_get_max_answer_size (client), ==, 128 * 1024 * 1024);
}

static void
test_deadline (gconstpointer data)
{
  const char *path = data;
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = NULL;

  ovh_client_set_timeout (client, 1);
  error = get_error (hostile, client, path);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NETWORK);
  g_assert_cmpstr (error->message, ==,
                   "The OVHcloud API stopped answering: nothing came in 1 second");
}

static void
test_deadline_default (void)
{
  g_autoptr (OvhClient) client = ovh_client_new ("http://127.0.0.1:9/1.0", "a", "s", "c");
  guint timeout = 0;

  g_assert_cmpuint (ovh_client_get_timeout (client), ==, 30);
  g_object_get (client, "timeout", &timeout, NULL);
  g_assert_cmpuint (timeout, ==, 30);
}

/* ---- error bodies ------------------------------------------------------------------- */

static void
test_error_body_empty (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  const char *const paths[] = { "/blank", "/crlf", "/comment" };

  /* Under g_test_init (), a json-glib critical would abort here. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = get_error (hostile, client, paths[i]);

      g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
      g_assert_cmpuint (ovh_error_get_http_status (error), ==, 400);
      g_assert_cmpstr (error->message, ==, "The request was refused as malformed");
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      const char *bodies[] = { "", "\r\n", "//" };

      error = ovh_error_new_from_response (503, bodies[i], strlen (bodies[i]), "EU.q");
      g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
      g_assert_cmpstr (ovh_error_get_query_id (error), ==, "EU.q");
    }
}

static void
test_error_escape (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = get_error (hostile, client, "/escape");

  /* libovh passes OVH's message on as it is: showing it safely is the caller's job. */
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_assert_nonnull (strchr (error->message, '\033'));
}

/* ---- Retry-After -------------------------------------------------------------------- */

static void
test_retry_after_long (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GError) error = get_error (hostile, client, "/retry-long");

  /* Not waited for: the call fails at once and says how long the API wants. */
  g_assert_error (error, OVH_ERROR, OVH_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "the API asks to wait 100 seconds"));
  g_assert_cmpuint (ovh_client_get_retry_delay (client), ==, 0);
}

static void
record_retry_delay (OvhClient *client, GParamSpec *pspec, GArray *delays)
{
  guint delay = ovh_client_get_retry_delay (client);

  g_array_append_val (delays, delay);
}

static void
test_retry_after_announced (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  g_autoptr (GArray) delays = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;

  g_signal_connect (client, "notify::retry-delay", G_CALLBACK (record_retry_delay), delays);
  node = ovh_client_call_sync (client, "GET", "/retry", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  /* The wait was announced, then its end. */
  g_assert_cmpuint (delays->len, ==, 2);
  g_assert_cmpuint (g_array_index (delays, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (delays, guint, 1), ==, 0);
}

/* ---- answers of the wrong types ----------------------------------------------------- */

static void
on_status_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_zone_wrong_types (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autoptr (OvhClient) client = hostile_client (hostile);
  const char *const zones[] = { "info.test", "soa.test", "status.test", "records.test" };
  const char *const members[] = { "hasDnsAnycast", "ttl", "isDeployed", "record IDs" };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr (OvhZone) zone = ovh_zone_new (client, zones[i]);
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      gboolean deployed = FALSE;
      guint n_records = 0;

      ovh_zone_set_cache_enabled (zone, FALSE);
      ovh_zone_load_status_async (zone, NULL, on_status_loaded, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (ovh_zone_load_status_finish (zone, result, &deployed, &n_records, &error));
      g_test_message ("%s: %s", zones[i], error->message);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_assert_nonnull (strstr (error->message, members[i]));
    }

  /* The same answers with the right types load. */
  {
    g_autoptr (OvhZone) zone = ovh_zone_new (client, "good.test");
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;
    gboolean deployed = FALSE;
    guint n_records = 0;

    ovh_zone_set_cache_enabled (zone, FALSE);
    ovh_zone_load_status_async (zone, NULL, on_status_loaded, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (ovh_zone_load_status_finish (zone, result, &deployed, &n_records, &error));
    g_assert_no_error (error);
    g_assert_true (deployed);
    g_assert_cmpuint (n_records, ==, 2);
    g_assert_cmpuint (ovh_zone_get_serial (zone), ==, 2025060101);
  }
}

/* ---- the depth scanner itself, and the sandbox's request bodies ------------------------ */

static char *
repeat (const char *open, guint n, const char *close)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, open);
  for (guint i = 0; i < n; i++)
    g_string_append (text, close);
  return g_string_free (text, FALSE);
}

static void
test_json_bounds (void)
{
  g_autofree char *at_bound = repeat ("[", 64, "]");
  g_autofree char *past_bound = repeat ("[", 65, "]");
  g_autofree char *in_strings = repeat ("[\"[[[{{{\\\"\",", 60, "]");
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  const char *const empty[] = { "", " ", "\r\n", "//", "/* */" };

  node = ovh_json_parse (at_bound, strlen (at_bound), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_clear_pointer (&node, json_node_unref);

  node = ovh_json_parse (past_bound, strlen (past_bound), &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (node);
  g_clear_error (&error);

  /* Brackets and escaped quotes inside strings do not count. */
  g_assert_true (ovh_json_check_bounds (in_strings, strlen (in_strings), &error));
  g_assert_no_error (error);

  /* Blank documents and comments are errors, not a NULL root. */
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      node = ovh_json_parse (empty[i], strlen (empty[i]), &error);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_assert_null (node);
      g_clear_error (&error);
    }
}

static void
on_sandbox_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GBytes **bytes = user_data;
  g_autoptr (GError) error = NULL;

  *bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
}

/* The status of method url (body may be NULL), served by the sandbox on this thread. */
static guint
sandbox_request (SoupSession *session, const char *method, const char *url, const char *body)
{
  g_autoptr (SoupMessage) message = soup_message_new (method, url);
  g_autoptr (GBytes) answer = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "X-Ovh-Application",
                                OVH_SANDBOX_APPLICATION_KEY);
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, on_sandbox_answer,
                                    &answer);
  while (answer == NULL)
    g_main_context_iteration (NULL, TRUE);
  return soup_message_get_status (message);
}

static void
test_sandbox_deep_body (void)
{
  g_autoptr (OvhSandbox) sandbox = ovh_sandbox_new ();
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *deep = repeat ("{\"accessRules\":", 100000, "}");
  g_autofree char *credential = NULL;
  g_autofree char *time = NULL;

  ovh_sandbox_start (sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  credential = g_strconcat (ovh_sandbox_get_base_url (sandbox), "/auth/credential", NULL);
  time = g_strconcat (ovh_sandbox_get_base_url (sandbox), "/auth/time", NULL);

  /* Refused before parsing, and the sandbox stays up. */
  g_assert_cmpuint (sandbox_request (session, "POST", credential, deep), ==, 400);
  g_assert_cmpuint (sandbox_request (session, "GET", time, NULL), ==, 200);
  ovh_sandbox_stop (sandbox);
}

/* ---- domaine-cli -------------------------------------------------------------------- */

typedef struct
{
  int status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return length > 0 ? g_strndup (data, length) : g_strdup ("");
}

/* domaine-cli with the keys in OVH_* variables, HOME and the working directory in cwd, and
 * a deadline of timeout seconds. */
static void
run_cli (
    Hostile *hostile, const char *cwd, const char *timeout, CliRun *run, const char *first_arg, ...)
{
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;
  g_autoptr (GError) error = NULL;
  va_list args;

  g_subprocess_launcher_set_cwd (launcher, cwd);
  g_subprocess_launcher_setenv (launcher, "HOME", cwd, TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_ENDPOINT", hostile->base_url, TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_KEY", "hostile-application-key", TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_SECRET", "hostile-application-secret",
                                TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_CONSUMER_KEY", "hostile-consumer-key", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");

  g_ptr_array_add (argv, (char *) DOMAINE_CLI_PATH);
  g_ptr_array_add (argv, (char *) "--from-ovh-conf");
  g_ptr_array_add (argv, (char *) "--request-timeout");
  g_ptr_array_add (argv, (char *) timeout);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);
  g_test_message ("exit %d, stderr: %s", run->status, run->err);
}

static char *
make_scratch_directory (void)
{
  g_autoptr (GError) error = NULL;
  char *directory = g_dir_make_tmp ("domaine-hostile-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return directory;
}

static void
test_cli_wrong_types (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autofree char *cwd = make_scratch_directory ();
  const char *const zones[] = { "info.test", "soa.test", "status.test", "records.test" };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_auto (CliRun) run = { 0 };

      run_cli (hostile, cwd, "10", &run, "zone", "show", zones[i], NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "domaine-cli: "));
    }

  {
    g_auto (CliRun) run = { 0 };

    run_cli (hostile, cwd, "10", &run, "zone", "show", "good.test", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2025060101"));
  }
  g_rmdir (cwd);
}

static void
test_cli_escape (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autofree char *cwd = make_scratch_directory ();
  g_auto (CliRun) run = { 0 };

  run_cli (hostile, cwd, "10", &run, "zone", "show", "escape.test", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strchr (run.err, '\033'));
  g_assert_null (strchr (run.err, '\007'));
  g_assert_nonnull (strstr (run.err, "Bad \xef\xbf\xbd[2J"));
  /* One line. */
  g_assert_cmpint (strchr (run.err, '\n') - run.err, ==, (long) strlen (run.err) - 1);
  g_rmdir (cwd);
}

static void
test_cli_redirect (void)
{
  g_autoptr (Hostile) hostile = hostile_start (TRUE);
  g_autofree char *cwd = make_scratch_directory ();
  g_autofree char *ca_copy = g_build_filename (cwd, "ca.pem", NULL);
  g_autofree char *contents = NULL;
  g_auto (CliRun) run = { 0 };
  gint64 hits, ovh_headers;

  /* A relative --ca-file is read from the working directory. */
  g_assert_true (g_file_get_contents (hostile->ca_path, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (ca_copy, contents, -1, NULL));

  run_cli (hostile, cwd, "10", &run, "--ca-file", "ca.pem", "zone", "show", "redirect.test", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "redirected the request to http://127.0.0.1:"));
  hostile_get_other_hits (hostile, &hits, &ovh_headers);
  g_assert_cmpint (hits, ==, 0);
  g_assert_cmpint (ovh_headers, ==, 0);

  g_remove (ca_copy);
  g_rmdir (cwd);
}

static void
test_cli_ca_file_unreadable (void)
{
  g_autoptr (Hostile) hostile = hostile_start (TRUE);
  g_autofree char *cwd = make_scratch_directory ();
  g_autofree char *empty = g_build_filename (cwd, "empty.pem", NULL);

  {
    g_auto (CliRun) run = { 0 };

    run_cli (hostile, cwd, "10", &run, "--ca-file", "missing.pem", "zone", "show", "good.test",
             NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "Cannot read the CA file “missing.pem”"));
    g_assert_null (strstr (run.err, "refused"));
  }
  {
    g_auto (CliRun) run = { 0 };

    g_assert_true (g_file_set_contents (empty, "not a certificate\n", -1, NULL));
    run_cli (hostile, cwd, "10", &run, "--ca-file", "empty.pem", "zone", "show", "good.test", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "“empty.pem”"));
    g_assert_null (strstr (run.err, "refused"));
  }
  {
    g_autofree char *copy = g_build_filename (cwd, "ca.pem", NULL);
    g_autofree char *contents = NULL;
    g_auto (CliRun) run = { 0 };

    g_assert_true (g_file_get_contents (hostile->ca_path, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (copy, contents, -1, NULL));
    run_cli (hostile, cwd, "10", &run, "--ca-file", "ca.pem", "zone", "show", "good.test", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_remove (copy);
  }

  g_remove (empty);
  g_rmdir (cwd);
}

static void
test_cli_deadline (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autofree char *cwd = make_scratch_directory ();
  g_auto (CliRun) run = { 0 };

  run_cli (hostile, cwd, "1", &run, "zone", "show", "silent.test", NULL);
  g_assert_cmpint (run.status, ==, 5);
  g_assert_nonnull (strstr (run.err, "stopped answering"));
  g_rmdir (cwd);
}

static void
test_cli_retry_after (void)
{
  g_autoptr (Hostile) hostile = hostile_start (FALSE);
  g_autofree char *cwd = make_scratch_directory ();
  g_auto (CliRun) run = { 0 };

  run_cli (hostile, cwd, "10", &run, "zone", "show", "retry.test", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "asks to wait 1 second"));
  g_rmdir (cwd);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/redirect/other-origin", test_redirect_other_origin);
  g_test_add_func ("/hostile/redirect/https-to-http", test_redirect_https_to_http);
  g_test_add_func ("/hostile/redirect/same-origin", test_redirect_same_origin);
  g_test_add_func ("/hostile/json/bounds", test_json_bounds);
  g_test_add_func ("/hostile/json/sandbox-request", test_sandbox_deep_body);
  g_test_add_func ("/hostile/json/deep", test_json_deep);
  g_test_add_func ("/hostile/json/deep-error-body", test_json_deep_error_body);
  g_test_add_func ("/hostile/json/huge-array", test_json_huge_array);
  g_test_add_func ("/hostile/size/endless", test_size_endless);
  g_test_add_func ("/hostile/size/claimed", test_size_claimed);
  g_test_add_data_func ("/hostile/deadline/trickle", "/trickle", test_deadline);
  g_test_add_data_func ("/hostile/deadline/silent", "/silent", test_deadline);
  g_test_add_func ("/hostile/deadline/default", test_deadline_default);
  g_test_add_func ("/hostile/error-body/empty", test_error_body_empty);
  g_test_add_func ("/hostile/error-body/escape", test_error_escape);
  g_test_add_func ("/hostile/retry-after/long", test_retry_after_long);
  g_test_add_func ("/hostile/retry-after/announced", test_retry_after_announced);
  g_test_add_func ("/hostile/zone/wrong-types", test_zone_wrong_types);
  g_test_add_func ("/hostile/cli/wrong-types", test_cli_wrong_types);
  g_test_add_func ("/hostile/cli/escape", test_cli_escape);
  g_test_add_func ("/hostile/cli/redirect", test_cli_redirect);
  g_test_add_func ("/hostile/cli/ca-file", test_cli_ca_file_unreadable);
  g_test_add_func ("/hostile/cli/deadline", test_cli_deadline);
  g_test_add_func ("/hostile/cli/retry-after", test_cli_retry_after);

  return g_test_run ();
}
