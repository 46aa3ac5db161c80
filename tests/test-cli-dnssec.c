/* test-cli-dnssec.c: domaine-cli dnssec status, enable and disable, against the sandbox
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
  ovh_sandbox_set_dnssec_delay_ms (fixture->api.sandbox, 200);
  fixture->home = g_dir_make_tmp ("domaine-cli-dnssec-XXXXXX", &error);
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
test_status (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  JsonArray *records;
  JsonObject *record;

  g_assert_cmpint (
      run_cli (fixture, NULL, "dnssec", "status", "analytical-engine.com", "--json", NULL), ==, 0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "zone"), ==, "analytical-engine.com");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "enabled");
  records = json_object_get_array_member (object, "dsRecords");
  g_assert_cmpuint (json_array_get_length (records), ==, 1);
  record = json_array_get_object_element (records, 0);
  g_assert_cmpint (json_object_get_int_member (record, "algorithm"), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (record, "algorithmName"), ==, "ECDSAP256SHA256");
  g_assert_cmpint (json_object_get_int_member (record, "flags"), ==, 257);
  g_assert_cmpint (json_object_get_int_member (record, "digestType"), ==, 2);
  g_assert_cmpuint (strlen (json_object_get_string_member (record, "digest")), ==, 64);

  /* The table shows the key tag and the digest. */
  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "status", "analytical-engine.com", NULL), ==,
                   0);
  g_assert_nonnull (strstr (fixture->out, "DNSSEC on analytical-engine.com: enabled"));
  g_assert_nonnull (strstr (fixture->out, json_object_get_string_member (record, "digest")));
  g_assert_nonnull (strstr (fixture->out, "13 (ECDSAP256SHA256)"));

  /* A zone whose domain is registered elsewhere: no DS records to show, no error. */
  g_clear_object (&parser);
  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "status", "countess.dev", "--json", NULL), ==,
                   0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "disabled");
  g_assert_true (json_object_get_null_member (object, "dsRecords"));

  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "status", "no-such-zone.example", NULL), ==,
                   4);
  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "status", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "status", "lovelace.fr", "--yes", NULL), ==,
                   2);
}

static void
test_enable_disable (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;

  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "enable", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "Waiting for OVHcloud"));
  g_assert_nonnull (strstr (fixture->out, "DNSSEC on lovelace.fr: enabled"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 1);

  /* Already enabled: nothing sent, and said so. */
  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "enable", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "already enabled"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 1);

  /* Disabling asks; without a terminal it needs --yes, and nothing is sent. */
  g_assert_cmpint (run_cli (fixture, "y\n", "dnssec", "disable", "lovelace.fr", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "DELETE",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 0);

  g_assert_cmpint (
      run_cli (fixture, NULL, "dnssec", "disable", "lovelace.fr", "--yes", "--json", NULL), ==, 0);
  object = parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "zone"), ==, "lovelace.fr");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "disabled");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "DELETE",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 1);

  g_assert_cmpint (run_cli (fixture, NULL, "dnssec", "enable", "no-such-zone.example", NULL), ==,
                   4);
}

static void
test_gives_up (Fixture *fixture, gconstpointer data)
{
  ovh_sandbox_set_dnssec_delay_ms (fixture->api.sandbox, 60 * 1000);
  g_assert_cmpint (
      run_cli (fixture, NULL, "dnssec", "enable", "lovelace.fr", "--timeout", "1", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "enableInProgress"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/dnssec/status", Fixture, NULL, fixture_set_up, test_status, fixture_tear_down);
  g_test_add ("/cli/dnssec/enable-disable", Fixture, NULL, fixture_set_up, test_enable_disable,
              fixture_tear_down);
  g_test_add ("/cli/dnssec/gives-up", Fixture, NULL, fixture_set_up, test_gives_up,
              fixture_tear_down);

  return g_test_run ();
}
