/* test-cli-redirections.c: domaine-cli redirections list, add and delete, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-cli-fixture.h"

#define ZONE "lovelace.fr"

static guint
count_refreshes (OvhCliFixture *fixture)
{
  g_autoptr (GPtrArray) log = ovh_sandbox_dup_request_log (fixture->api.sandbox);
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if (g_str_equal (request->method, "POST")
          && g_str_equal (request->path, "/domain/zone/" ZONE "/refresh"))
        n++;
    }
  return n;
}

static void
test_list (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *seeded;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "list", ZONE, "--json", NULL), ==,
                   0);
  root = ovh_cli_fixture_parse (fixture->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  seeded = json_array_get_object_element (array, 0);
  g_assert_cmpint (json_object_get_int_member (seeded, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (seeded, "zone"), ==, ZONE);
  g_assert_cmpstr (json_object_get_string_member (seeded, "subDomain"), ==, "archive");
  g_assert_cmpstr (json_object_get_string_member (seeded, "type"), ==, "visiblePermanent");
  g_assert_cmpstr (json_object_get_string_member (seeded, "target"), ==,
                   "https://ada-archive.example.org/");
  g_assert_true (json_object_get_null_member (seeded, "title"));
  g_assert_true (json_object_get_null_member (seeded, "keywords"));
  g_assert_true (json_object_get_null_member (seeded, "description"));

  /* The table says the type in words. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "list", ZONE, NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "archive"));
  g_assert_nonnull (strstr (fixture->out, "Permanent (301)"));
  g_assert_nonnull (strstr (fixture->out, "https://ada-archive.example.org/"));

  /* An unknown zone: not found. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "list", "nowhere.example", NULL),
                   ==, 4);
}

static void
test_add_delete (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) added = NULL;
  g_autoptr (JsonNode) deleted = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autofree char *id = NULL;
  JsonObject *redirection;

  ovh_sandbox_reset_request_log (fixture->api.sandbox);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "shop",
                                        "https://shop.example.net/", "--type", "invisible",
                                        "--title", "Ada’s shop", "--json", NULL),
                   ==, 0);
  added = ovh_cli_fixture_parse (fixture->out);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (added), "published"));
  redirection = json_object_get_object_member (json_node_get_object (added), "redirection");
  g_assert_cmpstr (json_object_get_string_member (redirection, "subDomain"), ==, "shop");
  g_assert_cmpstr (json_object_get_string_member (redirection, "type"), ==, "invisible");
  g_assert_cmpstr (json_object_get_string_member (redirection, "title"), ==, "Ada’s shop");
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->api.sandbox, ZONE));
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (redirection, "id"));

  /* --no-publish: made, not published. A full name is shortened; 301 by name. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--no-publish", "redirections", "add", ZONE,
                                        "old." ZONE ".", "http://new.example.net/path", "--type",
                                        "permanent", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, "http://old." ZONE "/ → http://new.example.net/path"));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->api.sandbox, ZONE));

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "list", ZONE, "--json", NULL), ==,
                   0);
  listed = ovh_cli_fixture_parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_node_get_array (listed), 1), "type"),
                   ==, "visiblePermanent");

  /* One delete, one refresh; then the same id is gone (exit 4). */
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "redirections", "delete", ZONE, id, "--json", NULL), ==, 0);
  deleted = ovh_cli_fixture_parse (fixture->out);
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (json_node_get_object (deleted), "deleted")),
                    ==, 1);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (deleted), "published"));
  g_assert_cmpuint (count_refreshes (fixture), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "delete", ZONE, id, NULL), ==, 4);
  g_assert_nonnull (strstr (fixture->err, "does not exist"));
  g_assert_cmpuint (count_refreshes (fixture), ==, 2);
}

/* Usage errors: nothing is sent. */
static void
test_usage (OvhCliFixture *fixture, gconstpointer data)
{
  ovh_sandbox_reset_request_log (fixture->api.sandbox);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "shop", "shop.example.net", NULL),
      ==, 2);
  g_assert_nonnull (strstr (fixture->err, "http://"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "sh op",
                                        "https://shop.example.net/", NULL),
                   ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "shop",
                                        "https://shop.example.net/", "--type", "sideways", NULL),
                   ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "shop",
                                        "https://shop.example.net/", "--title", "T", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "invisible"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "delete", ZONE, "x", NULL), ==, 2);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "redirections", "list", ZONE, "--title", "x", NULL), ==, 2);
  {
    g_autoptr (GPtrArray) log = ovh_sandbox_dup_request_log (fixture->api.sandbox);

    g_assert_cmpuint (log->len, ==, 0);
  }

  /* Refused by OVHcloud: one redirection a name. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "archive",
                                        "https://elsewhere.example.net/", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (fixture->err, "already exists"));
  g_assert_cmpuint (count_refreshes (fixture), ==, 0);
}

/* A failed refresh fails the command and says the change was made. */
static void
test_publish_failure (OvhCliFixture *fixture, gconstpointer data)
{
  ovh_sandbox_inject_fault (fixture->api.sandbox, "POST", "/domain/zone/" ZONE "/refresh",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "redirections", "add", ZONE, "shop",
                                        "https://shop.example.net/", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (fixture->err, "changed but not published"));
  g_assert_nonnull (strstr (fixture->err, "domaine-cli zone refresh " ZONE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_cli_fixture_add ("/cli-redirections/list", test_list);
  ovh_cli_fixture_add ("/cli-redirections/add-delete", test_add_delete);
  ovh_cli_fixture_add ("/cli-redirections/usage", test_usage);
  ovh_cli_fixture_add ("/cli-redirections/publish-failure", test_publish_failure);

  return g_test_run ();
}
