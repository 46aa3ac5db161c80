/* test-cli-search.c: domaine-cli search and records replace, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-cli-fixture.h"

#define ENGINE "analytical-engine.com"
#define COUNTESS "countess.dev"
#define LOVELACE "lovelace.fr"
#define ADDRESS_REGEX "^(203\\.0\\.113|192\\.0\\.2|198\\.51\\.100)\\.(\\d+)$"

static guint
n_refreshes (OvhCliFixture *fixture, const char *zone)
{
  g_autofree char *path = g_strdup_printf ("/domain/zone/%s/refresh", zone);

  return ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", path);
}

static gboolean
sandbox_has_target (OvhCliFixture *fixture, const char *zone, const char *target)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->api.sandbox, zone);

  return strstr (json, target) != NULL;
}

static void
test_search (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *zones;
  const char *expected[] = { ENGINE, COUNTESS, LOVELACE };
  const guint n_expected[] = { 2, 1, 1 };

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "search", "www", NULL), ==, 0);
  root = ovh_cli_fixture_parse (fixture->out);
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
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "search", "mail", "--type", "MX", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, ENGINE));
  g_assert_nonnull (strstr (fixture->out, "mx1.mail.ovh.net."));
  g_assert_true (strstr (fixture->out, LOVELACE) == g_strrstr (fixture->out, LOVELACE));
  g_assert_null (strstr (fixture->out, COUNTESS));

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "search",
                                        "^v=DMARC1;p=(quarantine|reject)", "--regex", NULL),
                   ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = ovh_cli_fixture_parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);

  /* A search ignores case. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "search", "WWW", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = ovh_cli_fixture_parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 3);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "search", "nothing-like-this", NULL), ==,
                   0);
  g_clear_pointer (&root, json_node_unref);
  root = ovh_cli_fixture_parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "search", "(", "--regex", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "search", "x", "--type", "NOPE", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "search", "x", "--all-zones", NULL), ==, 2);
}

static void
test_replace_all_zones (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *zones;

  /* A dry run sends nothing and shows each zone's diff. */
  ovh_sandbox_add_generated_zone (fixture->api.sandbox, "quiet.test", 30);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", "--all-zones", "--from",
                                        ADDRESS_REGEX, "--to", "10.99.0.\\2", "--regex", "--type",
                                        "A", "--dry-run", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, ENGINE "\n"));
  g_assert_nonnull (strstr (fixture->out, "10.99.0.25"));
  g_assert_nonnull (strstr (fixture->out, "198.51.100.25"));
  g_assert_null (strstr (fixture->out, "quiet.test"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 0);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "replace", "--all-zones",
                                        "--from", ADDRESS_REGEX, "--to", "10.99.0.\\2", "--regex",
                                        "--type", "A", NULL),
                   ==, 0);
  root = ovh_cli_fixture_parse (fixture->out);
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
test_replace_one_zone (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *refused;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", LOVELACE, "--from",
                                        "mail.ovh.net", "--to", "mail.example.net", NULL),
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
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "replace", LOVELACE, "--from",
                                        "203.0.113.11", "--to", "not an address", NULL),
                   ==, 0);
  root = ovh_cli_fixture_parse (fixture->out);
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
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "records", "replace", "--from", "a", "--to", "b", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", LOVELACE, "--all-zones",
                                        "--from", "a", "--to", "b", NULL),
                   ==, 2);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "records", "replace", LOVELACE, "--from", "a", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", LOVELACE, "--from", "(",
                                        "--to", "b", "--regex", NULL),
                   ==, 2);
}

/* Many values of one zone changed at once ask for --yes, as other mass changes do. */
static void
test_replace_guard (OvhCliFixture *fixture, gconstpointer data)
{
  ovh_sandbox_add_generated_zone (fixture->api.sandbox, "many.test", 40);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", "many.test", "--from",
                                        "^10\\.", "--to", "172.", "--regex", "--type", "A", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 0);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", "many.test", "--from",
                                        "^10\\.", "--to", "172.", "--regex", "--type", "A", "--yes",
                                        NULL),
                   ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", "*"), ==, 24);
  g_assert_cmpuint (n_refreshes (fixture, "many.test"), ==, 1);
}

/* A zone OVH refuses the changes of keeps them and says why; the others are published. */
static void
test_replace_zone_fails (OvhCliFixture *fixture, gconstpointer data)
{
  ovh_sandbox_inject_fault (fixture->api.sandbox, "PUT", "/domain/zone/" COUNTESS "/record/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "replace", "--all-zones", "--from",
                                        ADDRESS_REGEX, "--to", "10.99.0.\\2", "--regex", "--type",
                                        "A", NULL),
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
  ovh_cli_fixture_add ("/cli/search/search", test_search);
  ovh_cli_fixture_add ("/cli/search/replace-all-zones", test_replace_all_zones);
  ovh_cli_fixture_add ("/cli/search/replace-one-zone", test_replace_one_zone);
  ovh_cli_fixture_add ("/cli/search/replace-guard", test_replace_guard);
  ovh_cli_fixture_add ("/cli/search/replace-zone-fails", test_replace_zone_fails);
  return g_test_run ();
}
