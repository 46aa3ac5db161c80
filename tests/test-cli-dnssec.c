/* test-cli-dnssec.c: domaine-cli dnssec status, enable and disable, against the sandbox
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
  ovh_sandbox_set_dnssec_delay_ms (fixture->api.sandbox, 200);
  fixture->options = options;
}

static void
test_status (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  JsonArray *records;
  JsonObject *record;

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "dnssec", "status", "analytical-engine.com", "--json", NULL),
      ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
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
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "status", "analytical-engine.com", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (fixture->out, "DNSSEC on analytical-engine.com: enabled"));
  g_assert_nonnull (strstr (fixture->out, json_object_get_string_member (record, "digest")));
  g_assert_nonnull (strstr (fixture->out, "13 (ECDSAP256SHA256)"));

  /* A zone whose domain is registered elsewhere: no DS records to show, no error. */
  g_clear_object (&parser);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "dnssec", "status", "countess.dev", "--json", NULL), ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "disabled");
  g_assert_true (json_object_get_null_member (object, "dsRecords"));

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "status", "no-such-zone.example", NULL),
                   ==, 4);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "status", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "status", "lovelace.fr", "--yes", NULL),
                   ==, 2);
}

static void
test_enable_disable (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "enable", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "Waiting for OVHcloud"));
  g_assert_nonnull (strstr (fixture->out, "DNSSEC on lovelace.fr: enabled"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 1);

  /* Already enabled: nothing sent, and said so. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "enable", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->err, "already enabled"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 1);

  /* Disabling asks; without a terminal it needs --yes, and nothing is sent. */
  g_assert_cmpint (
      ovh_cli_fixture_run_with_input (fixture, "y\n", "dnssec", "disable", "lovelace.fr", NULL), ==,
      2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "DELETE",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 0);

  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "dnssec", "disable", "lovelace.fr", "--yes", "--json", NULL),
      ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "zone"), ==, "lovelace.fr");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "disabled");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "DELETE",
                                                   "/domain/zone/lovelace.fr/dnssec"),
                    ==, 1);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "dnssec", "enable", "no-such-zone.example", NULL),
                   ==, 4);
}

static void
test_gives_up (OvhCliFixture *fixture, gconstpointer data)
{
  ovh_sandbox_set_dnssec_delay_ms (fixture->api.sandbox, 60 * 1000);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "dnssec", "enable", "lovelace.fr", "--timeout", "1", NULL), ==,
      1);
  g_assert_nonnull (strstr (fixture->err, "enableInProgress"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/dnssec/status", OvhCliFixture, NULL, set_up, test_status,
              ovh_cli_fixture_tear_down);
  g_test_add ("/cli/dnssec/enable-disable", OvhCliFixture, NULL, set_up, test_enable_disable,
              ovh_cli_fixture_tear_down);
  g_test_add ("/cli/dnssec/gives-up", OvhCliFixture, NULL, set_up, test_gives_up,
              ovh_cli_fixture_tear_down);

  return g_test_run ();
}
