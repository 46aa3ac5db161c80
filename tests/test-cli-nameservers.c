/* test-cli-nameservers.c: domaine-cli domain nameservers, shown and changed, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-cli-fixture.h"

/* Sandbox tasks end within 200 ms and are polled every 20 ms. */
static void
set_up (OvhCliFixture *fixture, gconstpointer data)
{
  static const char *const options[] = { "--poll-interval", "20", NULL };

  ovh_cli_fixture_set_up (fixture, data);
  ovh_sandbox_set_domain_task_delay_ms (fixture->api.sandbox, 200);
  fixture->options = options;
}

static void
test_show (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  JsonArray *servers;
  JsonObject *server;

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--json", NULL), ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "domain"), ==, "lovelace.fr");
  g_assert_cmpstr (json_object_get_string_member (object, "nameServerType"), ==, "hosted");
  servers = json_object_get_array_member (object, "nameServers");
  g_assert_cmpuint (json_array_get_length (servers), ==, 2);
  server = json_array_get_object_element (servers, 0);
  g_assert_cmpstr (json_object_get_string_member (server, "host"), ==, "dns111.ovh.net");
  g_assert_true (json_object_get_null_member (server, "ip"));
  g_assert_true (json_object_get_boolean_member (server, "isUsed"));

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "domain", "nameservers", "difference-engine.org", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "difference-engine.org uses other name servers"));
  g_assert_nonnull (strstr (fixture->out, "ns1.babbage-dns.example"));
  g_assert_nonnull (strstr (fixture->out, "NAME SERVER"));

  /* domain show has them too. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "show", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "dns111.ovh.net"));

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "no-such.example", NULL),
                   ==, 4);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", NULL), ==, 2);
}

static void
test_set_and_back (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  JsonArray *servers;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--set",
                                        "ns1.example.net", "ns.lovelace.fr=192.0.2.53", "--json",
                                        NULL),
                   ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
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

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--ovh", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->out, "lovelace.fr uses OVHcloud’s name servers"));
  g_assert_nonnull (strstr (fixture->out, "dns111.ovh.net"));
  g_assert_nonnull (strstr (fixture->err, "Waiting for OVHcloud"));
}

static void
test_refused (OvhCliFixture *fixture, gconstpointer data)
{
  /* Checked before anything is sent: usage errors. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--set",
                                        "ns1.example.net", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "at least two"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--set",
                                        "ns1.example.net", "bad_name", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "not a valid name server"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--set",
                                        "ns1.example.net", "ns.lovelace.fr", NULL),
                   ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--set",
                                        "--ovh", "a.example.net", "b.example.net", NULL),
                   ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr",
                                        "ns1.example.net", NULL),
                   ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "show", "lovelace.fr", "--ovh", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--ovh does not apply here"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", "*"), ==, 0);

  /* The task outlasts --timeout. */
  ovh_sandbox_set_domain_task_delay_ms (fixture->api.sandbox, 60 * 1000);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--set",
                                        "ns1.example.net", "ns2.example.net", "--timeout", "1",
                                        NULL),
                   ==, 1);
  g_assert_nonnull (strstr (fixture->err, "gave up waiting"));
  /* A second change while the first runs: OVH's refusal. */
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "domain", "nameservers", "lovelace.fr", "--ovh", NULL), ==, 1);
  g_assert_nonnull (strstr (fixture->err, "already in progress"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-nameservers/show", OvhCliFixture, NULL, set_up, test_show,
              ovh_cli_fixture_tear_down);
  g_test_add ("/cli-nameservers/set-and-back", OvhCliFixture, NULL, set_up, test_set_and_back,
              ovh_cli_fixture_tear_down);
  g_test_add ("/cli-nameservers/refused", OvhCliFixture, NULL, set_up, test_refused,
              ovh_cli_fixture_tear_down);
  return g_test_run ();
}
