/* test-cli-api.c: domaine-cli api, any call of the API, against the sandbox
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
  fixture->home = g_dir_make_tmp ("domaine-cli-api-XXXXXX", &error);
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
test_get (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;

  g_assert_cmpint (run_cli (fixture, NULL, "api", "GET", "/me", NULL), ==, 0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "nichandle"), ==, OVH_SANDBOX_NICHANDLE);
  /* Pretty, for people. */
  g_assert_nonnull (strstr (fixture->out, "\n  \"nichandle\" : "));
  g_assert_nonnull (strstr (fixture->err, "HTTP 200, query ID EU.ext-"));
  /* Never a secret. */
  g_assert_null (strstr (fixture->out, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (fixture->err, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (fixture->err, OVH_SANDBOX_CONSUMER_KEY));

  /* --param: the query, escaped. */
  g_assert_cmpint (run_cli (fixture, NULL, "-q", "api", "get", "/domain/zone/lovelace.fr/record",
                            "--param", "fieldType=MX", "--param", "subDomain=", NULL),
                   ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_prefix (fixture->out, "["));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "GET",
                                                   "/domain/zone/lovelace.fr/record?fieldType=MX"
                                                   "&subDomain="),
                    ==, 1);
}

static void
test_post (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  const char *body = "{\"fieldType\": \"TXT\", \"subDomain\": \"cli\", \"target\": \"hello\"}";

  /* Without a terminal, a call that may change the account needs --yes: nothing is sent. */
  g_assert_cmpint (run_cli (fixture, "y\n", "api", "POST", "/domain/zone/lovelace.fr/record",
                            "--data", body, NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/record"),
                    ==, 0);

  g_assert_cmpint (run_cli (fixture, NULL, "api", "POST", "/domain/zone/lovelace.fr/record",
                            "--data", body, "--yes", NULL),
                   ==, 0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "subDomain"), ==, "cli");
  g_assert_cmpstr (json_object_get_string_member (object, "target"), ==, "\"hello\"");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/record"),
                    ==, 1);

  /* A body that is not JSON, a GET with a body, a parameter without "=": usage errors. */
  g_assert_cmpint (run_cli (fixture, NULL, "api", "POST", "/domain/zone/lovelace.fr/record",
                            "--data", "{fieldType: TXT}", "--yes", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "The body is not valid JSON"));
  g_assert_cmpint (run_cli (fixture, NULL, "api", "GET", "/me", "--data", "{}", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, "api", "GET", "/me", "--param", "nichandle", NULL), ==,
                   2);
  g_assert_cmpint (run_cli (fixture, NULL, "api", "FETCH", "/me", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, "api", "GET", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, "api", "GET", "/me", "--ttl", "3", NULL), ==, 2);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/record"),
                    ==, 1);
}

static void
test_errors (Fixture *fixture, gconstpointer data)
{
  /* Exit codes as every command's, the error on one line with the query ID. */
  g_assert_cmpint (run_cli (fixture, NULL, "api", "GET", "/domain/zone/no-such-zone.example", NULL),
                   ==, 4);
  g_assert_nonnull (strstr (fixture->err, "HTTP 404"));
  g_assert_nonnull (strstr (fixture->err, "domaine-cli: "));
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_cmpint (
      run_cli (fixture, NULL, "api", "DELETE", "/domain/zone/no-such-zone.example", "--yes", NULL),
      ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/api/get", Fixture, NULL, fixture_set_up, test_get, fixture_tear_down);
  g_test_add ("/cli/api/post", Fixture, NULL, fixture_set_up, test_post, fixture_tear_down);
  g_test_add ("/cli/api/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
