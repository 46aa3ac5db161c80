/* test-cli-search.c: domaine-cli search and records replace, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-fixture.h"

#define ENGINE "analytical-engine.com"
#define COUNTESS "countess.dev"
#define LOVELACE "lovelace.fr"
#define ADDRESS_REGEX "^(203\\.0\\.113|192\\.0\\.2|198\\.51\\.100)\\.(\\d+)$"

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
  fixture->home = g_dir_make_tmp ("domaine-cli-search-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->home);

  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_free (fixture->home);
  g_free (fixture->out);
  g_free (fixture->err);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

/* The sandbox's keys from the environment, as ovh.conf users give them. */
static int G_GNUC_NULL_TERMINATED
run_cli (Fixture *fixture, const char *first_arg, ...)
{
  g_autoptr (GSubprocessLauncher) launcher = ovh_test_fixture_new_cli_launcher (
      &fixture->api, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
      fixture->home);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  va_list args;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", fixture->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0:detect_odr_violation=0",
                                TRUE);

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
  g_subprocess_communicate_utf8 (process, NULL, NULL, &fixture->out, &fixture->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static guint
n_refreshes (Fixture *fixture, const char *zone)
{
  g_autofree char *path = g_strdup_printf ("/domain/zone/%s/refresh", zone);

  return ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", path);
}

static gboolean
sandbox_has_target (Fixture *fixture, const char *zone, const char *target)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->api.sandbox, zone);

  return strstr (json, target) != NULL;
}

static void
test_search (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *zones;
  const char *expected[] = { ENGINE, COUNTESS, LOVELACE };
  const guint n_expected[] = { 2, 1, 1 };

  g_assert_cmpint (run_cli (fixture, "--json", "search", "www", NULL), ==, 0);
  root = parse (fixture->out);
  zones = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (zones), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *zone = json_array_get_object_element (zones, i);
      JsonArray *records = json_object_get_array_member (zone, "records");

      g_assert_cmpstr (json_object_get_string_member (zone, "zone"), ==, expected[i]);
      g_assert_cmpuint (json_array_get_length (records), ==, n_expected[i]);
      for (guint j = 0; j < json_array_get_length (records); j++)
        g_assert_cmpstr (
            json_object_get_string_member (json_array_get_object_element (records, j), "zone"), ==,
            expected[i]);
    }

  /* The table: each zone heads its group once. */
  g_assert_cmpint (run_cli (fixture, "search", "mail", "--type", "MX", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, ENGINE));
  g_assert_nonnull (strstr (fixture->out, "mx1.mail.ovh.net."));
  g_assert_true (strstr (fixture->out, LOVELACE) == g_strrstr (fixture->out, LOVELACE));
  g_assert_null (strstr (fixture->out, COUNTESS));

  g_assert_cmpint (
      run_cli (fixture, "--json", "search", "^v=DMARC1;p=(quarantine|reject)", "--regex", NULL), ==,
      0);
  g_clear_pointer (&root, json_node_unref);
  root = parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);

  /* A search ignores case. */
  g_assert_cmpint (run_cli (fixture, "--json", "search", "WWW", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);

  g_assert_cmpint (run_cli (fixture, "--json", "search", "nothing-like-this", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  g_assert_cmpint (run_cli (fixture, "search", "(", "--regex", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "search", "x", "--type", "NOPE", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "search", "x", "--all-zones", NULL), ==, 2);
}

static void
test_replace_all_zones (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *zones;

  /* A dry run sends nothing and shows each zone's diff. */
  ovh_sandbox_add_generated_zone (fixture->api.sandbox, "quiet.test", 30);
  g_assert_cmpint (run_cli (fixture, "records", "replace", "--all-zones", "--from", ADDRESS_REGEX,
                            "--to", "10.99.0.\\2", "--regex", "--type", "A", "--dry-run", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, ENGINE "\n"));
  g_assert_nonnull (strstr (fixture->out, "10.99.0.25"));
  g_assert_nonnull (strstr (fixture->out, "198.51.100.25"));
  g_assert_null (strstr (fixture->out, "quiet.test"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 0);

  g_assert_cmpint (run_cli (fixture, "--json", "records", "replace", "--all-zones", "--from",
                            ADDRESS_REGEX, "--to", "10.99.0.\\2", "--regex", "--type", "A", NULL),
                   ==, 0);
  root = parse (fixture->out);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "dryRun"));
  zones = json_object_get_array_member (json_node_get_object (root), "zones");
  g_assert_cmpuint (json_array_get_length (zones), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *zone = json_array_get_object_element (zones, i);
      JsonObject *diff = json_object_get_object_member (zone, "diff");

      g_assert_true (json_object_get_boolean_member (zone, "published"));
      g_assert_true (json_object_get_null_member (zone, "error"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (diff, "changed")), >,
                        0);
      g_assert_cmpuint (n_refreshes (fixture, json_object_get_string_member (zone, "zone")), ==, 1);
    }
  g_assert_cmpuint (n_refreshes (fixture, "quiet.test"), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 8);
  g_assert_true (sandbox_has_target (fixture, LOVELACE, "\"10.99.0.11\""));
  g_assert_true (sandbox_has_target (fixture, COUNTESS, "\"10.99.0.18\""));
}

static void
test_replace_one_zone (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *refused;

  g_assert_cmpint (run_cli (fixture, "records", "replace", LOVELACE, "--from", "mail.ovh.net",
                            "--to", "mail.example.net", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, "mx1.mail.example.net."));
  g_assert_nonnull (strstr (fixture->err, "Published " LOVELACE));
  g_assert_cmpuint (n_refreshes (fixture, LOVELACE), ==, 1);
  g_assert_cmpuint (n_refreshes (fixture, COUNTESS), ==, 0);
  g_assert_true (sandbox_has_target (fixture, LOVELACE, "mx2.mail.example.net."));
  /* Only the zone named was read. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "GET", "*" ENGINE "*"), ==,
                    0);

  /* A value OVH would refuse is reported, not sent. */
  g_assert_cmpint (run_cli (fixture, "--json", "records", "replace", LOVELACE, "--from",
                            "203.0.113.11", "--to", "not an address", NULL),
                   ==, 0);
  root = parse (fixture->out);
  refused = json_object_get_array_member (
      json_array_get_object_element (
          json_object_get_array_member (json_node_get_object (root), "zones"), 0),
      "refused");
  g_assert_cmpuint (json_array_get_length (refused), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (refused, 0), "newValue"), ==,
      "not an address");
  g_assert_cmpuint (n_refreshes (fixture, LOVELACE), ==, 1);

  /* Usage errors send nothing. */
  g_assert_cmpint (run_cli (fixture, "records", "replace", "--from", "a", "--to", "b", NULL), ==,
                   2);
  g_assert_cmpint (run_cli (fixture, "records", "replace", LOVELACE, "--all-zones", "--from", "a",
                            "--to", "b", NULL),
                   ==, 2);
  g_assert_cmpint (run_cli (fixture, "records", "replace", LOVELACE, "--from", "a", NULL), ==, 2);
  g_assert_cmpint (run_cli (fixture, "records", "replace", LOVELACE, "--from", "(", "--to", "b",
                            "--regex", NULL),
                   ==, 2);
}

/* Many values of one zone changed at once ask for --yes, as other mass changes do. */
static void
test_replace_guard (Fixture *fixture, gconstpointer data)
{
  ovh_sandbox_add_generated_zone (fixture->api.sandbox, "many.test", 40);
  g_assert_cmpint (run_cli (fixture, "records", "replace", "many.test", "--from", "^10\\.", "--to",
                            "172.", "--regex", "--type", "A", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 0);

  g_assert_cmpint (run_cli (fixture, "records", "replace", "many.test", "--from", "^10\\.", "--to",
                            "172.", "--regex", "--type", "A", "--yes", NULL),
                   ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 24);
  g_assert_cmpuint (n_refreshes (fixture, "many.test"), ==, 1);
}

/* A zone OVH refuses the changes of keeps them and says why; the others are published. */
static void
test_replace_zone_fails (Fixture *fixture, gconstpointer data)
{
  ovh_sandbox_inject_fault (fixture->api.sandbox, "PUT", "/domain/zone/" COUNTESS "/record/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_cmpint (run_cli (fixture, "records", "replace", "--all-zones", "--from", ADDRESS_REGEX,
                            "--to", "10.99.0.\\2", "--regex", "--type", "A", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (fixture->err, "Published " LOVELACE));
  g_assert_nonnull (strstr (fixture->err, "Published " ENGINE));
  g_assert_nonnull (strstr (fixture->err, COUNTESS ": "));
  g_assert_cmpuint (n_refreshes (fixture, LOVELACE), ==, 1);
  g_assert_cmpuint (n_refreshes (fixture, ENGINE), ==, 1);
  g_assert_cmpuint (n_refreshes (fixture, COUNTESS), ==, 0);
  g_assert_false (sandbox_has_target (fixture, COUNTESS, "10.99.0.18"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/search/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/cli/search/replace-all-zones", Fixture, NULL, fixture_set_up,
              test_replace_all_zones, fixture_tear_down);
  g_test_add ("/cli/search/replace-one-zone", Fixture, NULL, fixture_set_up, test_replace_one_zone,
              fixture_tear_down);
  g_test_add ("/cli/search/replace-guard", Fixture, NULL, fixture_set_up, test_replace_guard,
              fixture_tear_down);
  g_test_add ("/cli/search/replace-zone-fails", Fixture, NULL, fixture_set_up,
              test_replace_zone_fails, fixture_tear_down);
  return g_test_run ();
}
