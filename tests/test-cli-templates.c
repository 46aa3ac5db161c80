/* test-cli-templates.c: domaine-cli templates list, show and apply, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-fixture.h"

#define ZONE "lovelace.fr"

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
  fixture->home = g_dir_make_tmp ("domaine-cli-templates-XXXXXX", &error);
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
count_records (Fixture *fixture, const char *type, const char *needle)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *records;
  guint found = 0;

  g_assert_cmpint (run_cli (fixture, "--json", "records", "list", ZONE, "--type", type, NULL), ==,
                   0);
  root = parse (fixture->out);
  records = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (needle == NULL || strstr (json_object_get_string_member (record, "target"), needle))
        found++;
    }
  return found;
}

static void
test_list_and_show (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) shown = NULL;
  JsonObject *object;

  g_assert_cmpint (run_cli (fixture, "--json", "templates", "list", NULL), ==, 0);
  list = parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 10);

  g_assert_cmpint (run_cli (fixture, "templates", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "google-workspace"));
  g_assert_nonnull (strstr (fixture->out, "GitHub Pages"));

  g_assert_cmpint (run_cli (fixture, "--json", "templates", "show", "github-pages", NULL), ==, 0);
  shown = parse (fixture->out);
  object = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "GitHub Pages");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "records")), ==,
                    9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "parameters")), ==,
                    1);

  g_assert_cmpint (run_cli (fixture, "templates", "show", "no-such-template", NULL), ==, 4);
  g_assert_nonnull (strstr (fixture->err, "no-such-template"));
}

/* The zone has OVH's MX records: Google Workspace replaces them only with --yes, merges its
 * SPF into the zone's policy and publishes once. */
static void
test_apply_with_conflict (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) plan = NULL;
  g_autoptr (JsonNode) applied = NULL;
  JsonObject *object;
  guint refreshes;

  g_assert_cmpint (run_cli (fixture, "--json", "templates", "apply", ZONE, "google-workspace",
                            "--dry-run", NULL),
                   ==, 0);
  plan = parse (fixture->out);
  object = json_node_get_object (plan);
  g_assert_true (json_object_get_boolean_member (object, "needsConfirmation"));
  g_assert_false (json_object_get_boolean_member (object, "published"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "conflicts")), ==,
                    2);

  /* Without --yes: nothing is sent. */
  refreshes = ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*/refresh");
  g_assert_cmpint (run_cli (fixture, "templates", "apply", ZONE, "google-workspace", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_nonnull (strstr (fixture->err, "Replaces the 2 MX records at @"));
  g_assert_cmpuint (count_records (fixture, "MX", "mail.ovh.net"), ==, 2);

  g_assert_cmpint (run_cli (fixture, "--json", "templates", "apply", ZONE, "google-workspace",
                            "--param", "dkim_key=TemplateKey42", "--yes", NULL),
                   ==, 0);
  applied = parse (fixture->out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (applied), "published"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*/refresh"), ==,
                    refreshes + 1);
  g_assert_cmpuint (count_records (fixture, "MX", NULL), ==, 1);
  g_assert_cmpuint (count_records (fixture, "MX", "smtp.google.com"), ==, 1);
  /* One SPF policy, holding both. */
  g_assert_cmpuint (count_records (fixture, "SPF", NULL), ==, 1);
  g_assert_cmpuint (count_records (fixture, "SPF", "include:mx.ovh.com include:_spf.google.com"),
                    ==, 1);
  g_assert_cmpuint (count_records (fixture, "DKIM", "TemplateKey42"), ==, 1);

  /* Again: nothing left to do, nothing sent. */
  g_assert_cmpint (run_cli (fixture, "templates", "apply", ZONE, "google-workspace", "--param",
                            "dkim_key=TemplateKey42", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->err, "already has everything"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*/refresh"), ==,
                    refreshes + 1);
}

static void
test_apply_refuses_bad_values (Fixture *fixture, gconstpointer data)
{
  guint requests = ovh_sandbox_get_request_count (fixture->api.sandbox, "GET", "*");

  g_assert_cmpint (run_cli (fixture, "templates", "apply", ZONE, "github-pages", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "is required"));
  g_assert_cmpint (run_cli (fixture, "templates", "apply", ZONE, "github-pages", "--param",
                            "user=octo cat", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "host name"));
  g_assert_cmpint (
      run_cli (fixture, "templates", "apply", ZONE, "github-pages", "--param", "colour", NULL), ==,
      2);
  g_assert_nonnull (strstr (fixture->err, "KEY=VALUE"));
  /* Checked before anything was asked of the API. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "GET", "*"), ==, requests);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli/templates/list-show", Fixture, NULL, fixture_set_up, test_list_and_show,
              fixture_tear_down);
  g_test_add ("/cli/templates/apply-conflict", Fixture, NULL, fixture_set_up,
              test_apply_with_conflict, fixture_tear_down);
  g_test_add ("/cli/templates/bad-values", Fixture, NULL, fixture_set_up,
              test_apply_refuses_bad_values, fixture_tear_down);
  return g_test_run ();
}
