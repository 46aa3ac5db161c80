/* test-cli-health.c: domaine-cli zone check and zone watch, against the sandbox and knotd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "knot-fixture.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

typedef struct
{
  OvhTestFixture api;
  char *dir; /* zone files, and the CLI's HOME */
  KnotServer *prompt;
  KnotServer *lagging;
  KnotServer *parent; /* serves "fr", delegating lovelace.fr */
  char *out;
  char *err;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  const char *zones[] = { ZONE, NULL };
  const char *parent_zones[] = { "fr", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *fr = NULL;

  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
  fixture->dir = g_dir_make_tmp ("domaine-cli-health-XXXXXX", &error);
  g_assert_no_error (error);
  ovh_sandbox_set_zone_dir (fixture->api.sandbox, fixture->dir);
  fr = g_build_filename (fixture->dir, "fr.zone", NULL);
  g_file_set_contents (fr,
                       "$TTL 300\n"
                       "@ IN SOA d.nic.fr. hostmaster.nic.fr. 1 3600 600 604800 60\n"
                       "@ IN NS d.nic.fr.\n"
                       "lovelace IN NS dns111.ovh.net.\n"
                       "lovelace IN NS ns111.ovh.net.\n",
                       -1, &error);
  g_assert_no_error (error);

  fixture->prompt = knot_server_start (fixture->dir, zones, &error);
  g_assert_no_error (error);
  fixture->lagging = knot_server_start (fixture->dir, zones, &error);
  g_assert_no_error (error);
  fixture->parent = knot_server_start (fixture->dir, parent_zones, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_pointer (&fixture->prompt, knot_server_free);
  g_clear_pointer (&fixture->lagging, knot_server_free);
  g_clear_pointer (&fixture->parent, knot_server_free);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
  g_free (fixture->err);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

/* Runs domaine-cli with the sandbox's keys from the environment (as ovh.conf users do) and
 * the name servers mapped to the knotd instances. */
static int G_GNUC_NULL_TERMINATED
run_cli (Fixture *fixture, const char *first_arg, ...)
{
  g_autoptr (GSubprocessLauncher) launcher = ovh_test_fixture_new_cli_launcher (
      &fixture->api, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, fixture->dir);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *mapping = NULL;
  va_list args;

  mapping = g_strdup_printf (
      "dns111.ovh.net=%s,ns111.ovh.net=%s,d.nic.fr=%s", knot_server_get_address (fixture->prompt),
      knot_server_get_address (fixture->lagging), knot_server_get_address (fixture->parent));
  g_subprocess_launcher_setenv (launcher, "DOMAINE_NS_ADDRESSES", mapping, TRUE);
  /* The parent's server is the only resolver: names elsewhere are refused at once. */
  g_subprocess_launcher_setenv (launcher, "DOMAINE_DNS_RESOLVER",
                                knot_server_get_address (fixture->parent), TRUE);

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

static JsonObject *
parse_object (const char *text, JsonParser **parser)
{
  g_autoptr (GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static gboolean
has_finding (JsonArray *findings, const char *code, const char *severity)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (finding, "code"), code)
          && g_str_equal (json_object_get_string_member (finding, "severity"), severity))
        return TRUE;
    }
  return FALSE;
}

static void
test_check (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (JsonParser) second_parser = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *root, *delegation, *server;
  JsonArray *findings, *servers;
  gboolean errors = FALSE;
  int status;

  status = run_cli (fixture, "--json", "zone", "check", ZONE, NULL);
  root = parse_object (fixture->out, &parser);
  findings = json_object_get_array_member (root, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    errors |= g_str_equal (
        json_object_get_string_member (json_array_get_object_element (findings, i), "severity"),
        "error");
  g_assert_cmpint (status, ==, errors ? 6 : 0);

  servers = json_object_get_array_member (root, "nameServers");
  g_assert_cmpuint (json_array_get_length (servers), ==, 2);
  server = json_array_get_object_element (servers, 1);
  g_assert_cmpstr (json_object_get_string_member (server, "name"), ==, "ns111.ovh.net");
  g_assert_cmpstr (json_object_get_string_member (server, "address"), ==,
                   knot_server_get_address (fixture->lagging));
  g_assert_cmpint (json_object_get_int_member (server, "serial"), ==,
                   ovh_sandbox_get_zone_serial (fixture->api.sandbox, ZONE));
  g_assert_true (json_object_get_boolean_member (server, "inSync"));

  delegation = json_object_get_object_member (root, "delegation");
  g_assert_cmpstr (json_object_get_string_member (delegation, "verdict"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (delegation, "parentServer"), ==, "d.nic.fr.");

  /* A second SPF policy at the apex: an error, so exit status 6. */
  created = ovh_test_call (
      fixture->api.client, "POST", "/domain/zone/" ZONE "/record",
      ovh_test_json ("{\"fieldType\":\"TXT\",\"subDomain\":\"\",\"target\":\"v=spf1 mx -all\"}"),
      &error);
  g_assert_no_error (error);
  status = run_cli (fixture, "--json", "zone", "check", ZONE, NULL);
  g_assert_cmpint (status, ==, 6);
  root = parse_object (fixture->out, &second_parser);
  findings = json_object_get_array_member (root, "findings");
  g_assert_true (has_finding (findings, "spf-multiple", "error"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (
      json_object_get_member (json_array_get_object_element (findings, 0), "record")));

  /* The same as text, for people. */
  status = run_cli (fixture, "zone", "check", ZONE, NULL);
  g_assert_cmpint (status, ==, 6);
  g_assert_nonnull (strstr (fixture->out, "spf-multiple"));
  g_assert_nonnull (strstr (fixture->out, "Live on 2 of 2 name servers"));
  g_assert_nonnull (strstr (fixture->out, "The world sees this zone"));
}

/* Moves the zone's apex NS record for ns111.ovh.net to another server and publishes: the
 * registry (dns111, ns111) then names other servers than the zone. */
static void
move_zone_name_server (OvhClient *client)
{
  g_autoptr (JsonNode) ids = NULL;
  g_autoptr (JsonNode) updated = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  g_autoptr (GError) error = NULL;
  gint64 moved = 0;

  ids = ovh_test_call (client, "GET", "/domain/zone/" ZONE "/record?fieldType=NS&subDomain=", NULL,
                       &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (ids)); i++)
    {
      gint64 id = json_array_get_int_element (json_node_get_array (ids), i);
      g_autofree char *path
          = g_strdup_printf ("/domain/zone/" ZONE "/record/%" G_GINT64_FORMAT, id);
      g_autoptr (JsonNode) record = ovh_test_call (client, "GET", path, NULL, &error);

      g_assert_no_error (error);
      if (g_str_equal (json_object_get_string_member (json_node_get_object (record), "target"),
                       "ns111.ovh.net."))
        moved = id;
    }
  g_assert_cmpint (moved, !=, 0);
  {
    g_autofree char *path
        = g_strdup_printf ("/domain/zone/" ZONE "/record/%" G_GINT64_FORMAT, moved);

    updated = ovh_test_call (client, "PUT", path,
                             ovh_test_json ("{\"target\":\"ns9.other-dns.example.\"}"), &error);
    g_assert_no_error (error);
  }
  refreshed = ovh_test_call (client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);
}

static void
test_check_registry_differs (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *root, *delegation;
  JsonArray *registry, *zone;
  int status;

  move_zone_name_server (fixture->api.client);

  status = run_cli (fixture, "--json", "zone", "check", ZONE, NULL);
  g_assert_cmpint (status, ==, 6);
  root = parse_object (fixture->out, &parser);
  delegation = json_object_get_object_member (root, "delegation");
  g_assert_cmpstr (json_object_get_string_member (delegation, "verdict"), ==, "registry-differs");
  g_assert_cmpstr (json_object_get_string_member (delegation, "message"), ==,
                   "This domain uses other name servers (dns111.ovh.net, ns111.ovh.net): "
                   "changes here are not served");
  registry = json_object_get_array_member (delegation, "registry");
  g_assert_cmpuint (json_array_get_length (registry), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (registry, 1), ==, "ns111.ovh.net");
  zone = json_object_get_array_member (delegation, "zone");
  g_assert_cmpuint (json_array_get_length (zone), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (zone, 1), ==, "ns9.other-dns.example");

  /* The same as text, for people. */
  status = run_cli (fixture, "zone", "check", ZONE, NULL);
  g_assert_cmpint (status, ==, 6);
  g_assert_nonnull (strstr (fixture->out, "This domain uses other name servers (dns111.ovh.net, "
                                          "ns111.ovh.net): changes here are not served"));
}

static void
test_watch (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  created = ovh_test_call (
      fixture->api.client, "POST", "/domain/zone/" ZONE "/record",
      ovh_test_json ("{\"fieldType\":\"A\",\"subDomain\":\"fresh\",\"target\":\"192.0.2.77\"}"),
      &error);
  g_assert_no_error (error);
  refreshed
      = ovh_test_call (fixture->api.client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (knot_server_reload (fixture->prompt, &error));

  /* One server still serves the old serial: the watch gives up at its time limit. */
  status = run_cli (fixture, "zone", "watch", ZONE, "--timeout", "1", NULL);
  g_assert_cmpint (status, ==, 6);
  g_assert_nonnull (strstr (fixture->out, "Live on 1 of 2 name servers: ns111.ovh.net still "
                                          "serves serial"));

  g_assert_true (knot_server_reload (fixture->lagging, &error));
  status = run_cli (fixture, "zone", "watch", ZONE, "--timeout", "20", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (fixture->out, "Live on 2 of 2 name servers"));
}

static void
test_bad_mapping (Fixture *fixture, gconstpointer data)
{
  int status = run_cli (fixture, "zone", "check", ZONE, "--ns-address", "nonsense", NULL);

  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (fixture->err, "NAME=ADDRESS:PORT"));
}

int
main (int argc, char **argv)
{
  g_autofree char *reason = NULL;

  g_test_init (&argc, &argv, NULL);
  if (!knot_server_available (&reason))
    {
      g_test_skip (reason);
      return 77;
    }
  g_test_add ("/cli/zone-check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);
  g_test_add ("/cli/zone-check/registry-differs", Fixture, NULL, fixture_set_up,
              test_check_registry_differs, fixture_tear_down);
  g_test_add ("/cli/zone-watch", Fixture, NULL, fixture_set_up, test_watch, fixture_tear_down);
  g_test_add ("/cli/zone-check/bad-mapping", Fixture, NULL, fixture_set_up, test_bad_mapping,
              fixture_tear_down);
  return g_test_run ();
}
