/* test-cli-templates.c: domaine-cli templates list, show and apply, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-cli-fixture.h"

#define ZONE "lovelace.fr"

static guint
count_records (OvhCliFixture *fixture, const char *type, const char *needle)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *records;
  guint found = 0;

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "--json", "records", "list", ZONE, "--type", type, NULL), ==,
      0);
  root = ovh_cli_fixture_parse (fixture->out);
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
test_list_and_show (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (JsonNode) shown = NULL;
  JsonObject *object;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "templates", "list", NULL), ==, 0);
  list = ovh_cli_fixture_parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 10);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "templates", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "google-workspace"));
  g_assert_nonnull (strstr (fixture->out, "GitHub Pages"));

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "--json", "templates", "show", "github-pages", NULL), ==, 0);
  shown = ovh_cli_fixture_parse (fixture->out);
  object = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "GitHub Pages");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "records")), ==,
                    9);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "parameters")), ==,
                    1);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "templates", "show", "no-such-template", NULL), ==,
                   4);
  g_assert_nonnull (strstr (fixture->err, "no-such-template"));
}

/* The zone has OVH's MX records: Google Workspace replaces them only with --yes, merges its
 * SPF into the zone's policy and publishes once. */
static void
test_apply_with_conflict (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) plan = NULL;
  g_autoptr (JsonNode) applied = NULL;
  JsonObject *object;
  guint refreshes;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "templates", "apply", ZONE,
                                        "google-workspace", "--dry-run", NULL),
                   ==, 0);
  plan = ovh_cli_fixture_parse (fixture->out);
  object = json_node_get_object (plan);
  g_assert_true (json_object_get_boolean_member (object, "needsConfirmation"));
  g_assert_false (json_object_get_boolean_member (object, "published"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "conflicts")), ==,
                    2);

  /* Without --yes: nothing is sent. */
  refreshes = ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*/refresh");
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "templates", "apply", ZONE, "google-workspace", NULL), ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_nonnull (strstr (fixture->err, "Replaces the 2 MX records at @"));
  g_assert_cmpuint (count_records (fixture, "MX", "mail.ovh.net"), ==, 2);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "templates", "apply", ZONE,
                                        "google-workspace", "--param", "dkim_key=TemplateKey42",
                                        "--yes", NULL),
                   ==, 0);
  applied = ovh_cli_fixture_parse (fixture->out);
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
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "templates", "apply", ZONE, "google-workspace",
                                        "--param", "dkim_key=TemplateKey42", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->err, "already has everything"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*/refresh"), ==,
                    refreshes + 1);
}

static void
test_apply_refuses_bad_values (OvhCliFixture *fixture, gconstpointer data)
{
  guint requests = ovh_sandbox_get_request_count (fixture->api.sandbox, "GET", "*");

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "templates", "apply", ZONE, "github-pages", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "is required"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "templates", "apply", ZONE, "github-pages",
                                        "--param", "user=octo cat", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "host name"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "templates", "apply", ZONE, "github-pages",
                                        "--param", "colour", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "KEY=VALUE"));
  /* Checked before anything was asked of the API. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "GET", "*"), ==, requests);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ovh_cli_fixture_add ("/cli/templates/list-show", test_list_and_show);
  ovh_cli_fixture_add ("/cli/templates/apply-conflict", test_apply_with_conflict);
  ovh_cli_fixture_add ("/cli/templates/bad-values", test_apply_refuses_bad_values);
  return g_test_run ();
}
