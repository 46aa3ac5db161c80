/* test-cli-nameservers.c: domaine-cli domain nameservers, shown and changed, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-fixture.h"

typedef struct
{
  OvhTestFixture api;
  char *home;
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
  ovh_sandbox_set_domain_task_delay_ms (fixture->api.sandbox, 200);
  fixture->home = g_dir_make_tmp ("domaine-cli-ns-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_rmdir (fixture->home);
  g_free (fixture->home);
  g_free (fixture->out);
  g_free (fixture->err);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

/* Runs domaine-cli with the sandbox's keys from the environment; standard input is a pipe
 * fed with input (not a terminal). */
static int G_GNUC_NULL_TERMINATED
run_cli (Fixture *fixture, const char *input, const char *first_arg, ...)
{
  g_autoptr (GSubprocessLauncher) launcher = ovh_test_fixture_new_cli_launcher (
      &fixture->api,
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
          | G_SUBPROCESS_FLAGS_STDERR_PIPE,
      fixture->home);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  va_list args;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);

  g_ptr_array_add (argv, (gpointer) DOMAINE_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) "--from-ovh-conf");
  g_ptr_array_add (argv, (gpointer) "--poll-interval");
  g_ptr_array_add (argv, (gpointer) "20");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &fixture->out,
                                 &fixture->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static JsonObject *
parse_object (const char *text, JsonParser **parser)
{
  g_autoptr (GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (*parser)));
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
test_show (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  JsonArray *servers;
  JsonObject *server;

  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--json", NULL),
                   ==, 0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "domain"), ==, "lovelace.fr");
  g_assert_cmpstr (json_object_get_string_member (object, "nameServerType"), ==, "hosted");
  servers = json_object_get_array_member (object, "nameServers");
  g_assert_cmpuint (json_array_get_length (servers), ==, 2);
  server = json_array_get_object_element (servers, 0);
  g_assert_cmpstr (json_object_get_string_member (server, "host"), ==, "dns111.ovh.net");
  g_assert_true (json_object_get_null_member (server, "ip"));
  g_assert_true (json_object_get_boolean_member (server, "isUsed"));

  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "difference-engine.org", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, "difference-engine.org uses other name servers"));
  g_assert_nonnull (strstr (fixture->out, "ns1.babbage-dns.example"));
  g_assert_nonnull (strstr (fixture->out, "NAME SERVER"));

  /* domain show has them too. */
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "show", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "dns111.ovh.net"));

  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "no-such.example", NULL), ==,
                   4);
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", NULL), ==, 2);
}

static void
test_set_and_back (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  JsonArray *servers;

  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--set",
                            "ns1.example.net", "ns.lovelace.fr=192.0.2.53", "--json", NULL),
                   ==, 0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "nameServerType"), ==, "external");
  servers = json_object_get_array_member (object, "nameServers");
  g_assert_cmpuint (json_array_get_length (servers), ==, 2);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (servers, 0), "host"), ==,
      "ns.lovelace.fr");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (servers, 0), "ip"),
                   ==, "192.0.2.53");
  /* The task was followed: it is done. */
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->api.sandbox, "GET", "/domain/lovelace.fr/task/*"), >=,
      1);

  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--ovh", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, "lovelace.fr uses OVHcloud’s name servers"));
  g_assert_nonnull (strstr (fixture->out, "dns111.ovh.net"));
  g_assert_nonnull (strstr (fixture->err, "Waiting for OVHcloud"));
}

static void
test_refused (Fixture *fixture, gconstpointer data)
{
  /* Checked before anything is sent: usage errors. */
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--set",
                            "ns1.example.net", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "at least two"));
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--set",
                            "ns1.example.net", "bad_name", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "not a valid name server"));
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--set",
                            "ns1.example.net", "ns.lovelace.fr", NULL),
                   ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--set", "--ovh",
                            "a.example.net", "b.example.net", NULL),
                   ==, 2);
  g_assert_cmpint (
      run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "ns1.example.net", NULL), ==,
      2);
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "show", "lovelace.fr", "--ovh", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--ovh does not apply here"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*"), ==, 0);

  /* The task outlasts --timeout. */
  ovh_sandbox_set_domain_task_delay_ms (fixture->api.sandbox, 60 * 1000);
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--set",
                            "ns1.example.net", "ns2.example.net", "--timeout", "1", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (fixture->err, "gave up waiting"));
  /* A second change while the first runs: OVH's refusal. */
  g_assert_cmpint (run_cli (fixture, NULL, "domain", "nameservers", "lovelace.fr", "--ovh", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (fixture->err, "already in progress"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-nameservers/show", Fixture, NULL, fixture_set_up, test_show, fixture_tear_down);
  g_test_add ("/cli-nameservers/set-and-back", Fixture, NULL, fixture_set_up, test_set_and_back,
              fixture_tear_down);
  g_test_add ("/cli-nameservers/refused", Fixture, NULL, fixture_set_up, test_refused,
              fixture_tear_down);
  return g_test_run ();
}
