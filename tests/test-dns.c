/* test-dns.c: DnsClient against real name servers (knotd) serving what the sandbox publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dns-client.h"
#include "dns-lint-resolver.h"
#include "knot-fixture.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

/* A zone of our own beside the sandbox's: a mail provider's SPF includes and a TXT set too
 * large for one UDP answer. */
static const char outside_zone[]
    = "$TTL 300\n"
      "@ IN SOA ns.outside.test. hostmaster.outside.test. 1 3600 600 604800 60\n"
      "@ IN NS ns.outside.test.\n"
      "ns IN A 127.0.0.1\n"
      "mx IN A 192.0.2.25\n"
      "_spf IN TXT \"v=spf1 a mx ptr exists:x.outside.test include:_more.outside.test -all\"\n"
      "_more IN TXT \"v=spf1 a mx a:b.outside.test a:c.outside.test ~all\"\n";

typedef struct
{
  OvhTestFixture api;
  char *zone_dir;
  KnotServer *prompt;  /* reloaded as soon as the sandbox publishes */
  KnotServer *lagging; /* reloaded when the test says so */
  DnsClient *client;
} Fixture;

static void
write_outside_zone (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "outside.test.zone", NULL);
  g_autoptr (GString) zone = g_string_new (outside_zone);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (zone,
                            "big IN TXT \"%02u: a string long enough that forty of them do not "
                            "fit one UDP answer\"\n",
                            i);
  g_file_set_contents (path, zone->str, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  const char *zones[] = { ZONE, "outside.test", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *mapping = NULL;

  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
  fixture->zone_dir = g_dir_make_tmp ("domaine-zones-XXXXXX", &error);
  g_assert_no_error (error);
  ovh_sandbox_set_zone_dir (fixture->api.sandbox, fixture->zone_dir);
  write_outside_zone (fixture->zone_dir);

  fixture->prompt = knot_server_start (fixture->zone_dir, zones, &error);
  g_assert_no_error (error);
  fixture->lagging = knot_server_start (fixture->zone_dir, zones, &error);
  g_assert_no_error (error);

  fixture->client = dns_client_new ();
  mapping = g_strdup_printf ("dns111.ovh.net=%s, ns111.ovh.net.=%s ns.outside.test=%s",
                             knot_server_get_address (fixture->prompt),
                             knot_server_get_address (fixture->lagging),
                             knot_server_get_address (fixture->prompt));
  g_assert_true (dns_client_add_server_addresses (fixture->client, mapping, &error));
  g_assert_no_error (error);
  /* The prompt server answers for outside.test as a resolver would. */
  dns_client_set_resolver (fixture->client, knot_server_get_address (fixture->prompt));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->zone_dir, 0, NULL);
  const char *name;

  /* A cancelled query's thread drops its reference to the client a moment after returning. */
  while (G_OBJECT (fixture->client)->ref_count > 1)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_finalize_object (fixture->client);
  g_clear_pointer (&fixture->prompt, knot_server_free);
  g_clear_pointer (&fixture->lagging, knot_server_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->zone_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->zone_dir);
  g_free (fixture->zone_dir);
  ovh_test_fixture_tear_down (&fixture->api, GINT_TO_POINTER (FALSE));
}

static DnsAnswer *
query (Fixture *fixture, const char *server, const char *name, guint16 type)
{
  g_autoptr (GError) error = NULL;
  DnsAnswer *answer
      = dns_client_query_sync (fixture->client, server, name, type, FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answer);
  return answer;
}

static void
test_soa (Fixture *fixture, gconstpointer data)
{
  guint serial = ovh_sandbox_get_zone_serial (fixture->api.sandbox, ZONE);
  g_autoptr (DnsAnswer) first = query (fixture, "dns111.ovh.net", ZONE, DNS_TYPE_SOA);
  g_autoptr (DnsAnswer) second = query (fixture, "NS111.ovh.net.", ZONE ".", DNS_TYPE_SOA);

  g_assert_cmpuint (first->rcode, ==, DNS_RCODE_NOERROR);
  g_assert_true (first->authoritative);
  g_assert_true (first->has_soa);
  g_assert_cmpuint (first->soa_serial, ==, serial);
  g_assert_cmpstr (first->server, ==, knot_server_get_address (fixture->prompt));
  g_assert_cmpuint (second->soa_serial, ==, serial);
  g_assert_cmpstr (second->server, ==, knot_server_get_address (fixture->lagging));
}

static void
test_answers (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DnsAnswer) mx = query (fixture, "dns111.ovh.net", ZONE, DNS_TYPE_MX);
  g_autoptr (DnsAnswer) missing
      = query (fixture, "dns111.ovh.net", "nowhere.blog." ZONE, DNS_TYPE_A);
  g_autoptr (DnsAnswer) txt
      = query (fixture, "ns.outside.test", "_more.outside.test", DNS_TYPE_TXT);

  g_assert_cmpuint (mx->answers->len, >, 0);
  g_assert_cmpuint (missing->rcode, ==, DNS_RCODE_NXDOMAIN);
  g_assert_true (missing->has_soa);
  g_assert_cmpuint (missing->answers->len, ==, 0);
  g_assert_cmpuint (txt->answers->len, ==, 1);
  g_assert_cmpstr (txt->answers->pdata[0], ==,
                   "v=spf1 a mx a:b.outside.test a:c.outside.test ~all");
}

static void
test_tcp_on_truncation (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DnsAnswer) big = query (fixture, "ns.outside.test", "big.outside.test", DNS_TYPE_TXT);

  /* Forty strings of about 70 bytes: over the 1232 bytes of a UDP answer. */
  g_assert_cmpuint (big->answers->len, ==, 40);
}

/* A UDP socket that never answers. */
static GSocket *
silent_server (char **address)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  GSocket *socket
      = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *address = g_strdup_printf ("127.0.0.1:%u",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return socket;
}

static void
test_timeout (Fixture *fixture, gconstpointer data)
{
  g_autofree char *address = NULL;
  g_autoptr (GSocket) silent = silent_server (&address);
  g_autoptr (GError) error = NULL;
  g_autoptr (DnsAnswer) answer = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  char buffer[512];
  guint received = 0;

  dns_client_set_timeout (fixture->client, 100);
  dns_client_set_retries (fixture->client, 2);
  answer
      = dns_client_query_sync (fixture->client, address, ZONE, DNS_TYPE_SOA, FALSE, NULL, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (answer);
  g_assert_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_TIMEOUT);
  /* Three tries of 100 ms, no more. */
  g_assert_cmpint (elapsed, >=, 300 * 1000);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);
  g_socket_set_blocking (silent, FALSE);
  while (g_socket_receive (silent, buffer, sizeof buffer, NULL, NULL) > 0)
    received++;
  g_assert_cmpuint (received, ==, 3);
  /* Questions to authoritative servers go without recursion: RD (0x01 of byte 2) unset. */
  g_assert_cmpint (buffer[2] & 0x01, ==, 0);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture *fixture, gconstpointer data)
{
  g_autofree char *address = NULL;
  g_autoptr (GSocket) silent = silent_server (&address);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (DnsAnswer) answer = NULL;
  gint64 start = g_get_monotonic_time ();

  dns_client_set_timeout (fixture->client, 10000);
  dns_client_query_async (fixture->client, address, ZONE, DNS_TYPE_SOA, FALSE, cancellable,
                          ovh_test_store_result, &result);
  g_timeout_add (50, cancel_soon, cancellable);
  answer = dns_client_query_finish (fixture->client, ovh_test_wait_result (&result), &error);

  g_assert_null (answer);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_mapping_errors (Fixture *fixture, gconstpointer data)
{
  const char *bad[] = { "ns1.example.com", "=127.0.0.1", "ns1=not-an-address:53", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (dns_client_add_server_address (fixture->client, bad[i], &error));
      g_assert_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_MAPPING);
    }
  g_assert_true (dns_client_add_server_address (fixture->client, "v6.example=[::1]:5353", NULL));
  g_assert_cmpstr (dns_client_lookup_mapping (fixture->client, "V6.example."), ==, "[::1]:5353");
}

static void
test_lag (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  guint before = ovh_sandbox_get_zone_serial (fixture->api.sandbox, ZONE);
  guint after;

  created = ovh_test_call (
      fixture->api.client, "POST", "/domain/zone/" ZONE "/record",
      ovh_test_json ("{\"fieldType\":\"A\",\"subDomain\":\"fresh\",\"target\":\"192.0.2.77\"}"),
      &error);
  g_assert_no_error (error);
  refreshed
      = ovh_test_call (fixture->api.client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);
  after = ovh_sandbox_get_zone_serial (fixture->api.sandbox, ZONE);
  g_assert_cmpuint (after, >, before);

  g_assert_true (knot_server_reload (fixture->prompt, &error));
  g_assert_no_error (error);
  {
    g_autoptr (DnsAnswer) prompt = query (fixture, "dns111.ovh.net", "fresh." ZONE, DNS_TYPE_A);
    g_autoptr (DnsAnswer) lagging = query (fixture, "ns111.ovh.net", ZONE, DNS_TYPE_SOA);

    g_assert_cmpuint (prompt->answers->len, ==, 1);
    g_assert_cmpstr (prompt->answers->pdata[0], ==, "192.0.2.77");
    g_assert_cmpuint (lagging->soa_serial, ==, before);
  }
  g_assert_true (knot_server_reload (fixture->lagging, &error));
  {
    g_autoptr (DnsAnswer) lagging = query (fixture, "ns111.ovh.net", ZONE, DNS_TYPE_SOA);
    g_assert_cmpuint (lagging->soa_serial, ==, after);
  }
}

static void
test_lint_follows_includes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) without = NULL;
  g_autoptr (GPtrArray) with = NULL;
  OvhLintResolver resolver;

  g_ptr_array_add (
      records, ovh_record_new (ZONE, "", "TXT", "v=spf1 include:_spf.outside.test a mx -all", 0));
  g_ptr_array_add (records, ovh_record_new (ZONE, "", "MX", "10 mx.outside.test.", 0));
  g_ptr_array_add (records, ovh_record_new (ZONE, "old", "CNAME", "gone.outside.test.", 0));
  dns_lint_resolver_init (&resolver, fixture->client);

  without = ovh_lint_zone (ZONE, records, NULL);
  g_assert_cmpuint (without->len, ==, 0);

  /* 3 here, 5 in _spf, 4 in _more: 12. And gone.outside.test does not exist. */
  with = ovh_lint_zone (ZONE, records, &resolver);
  g_assert_cmpuint (with->len, ==, 2);
  g_assert_cmpstr (ovh_lint_finding_get_code (with->pdata[0]), ==, "spf-too-many-lookups");
  g_assert_nonnull (strstr (ovh_lint_finding_get_message (with->pdata[0]), "needs 12 DNS"));
  g_assert_cmpstr (ovh_lint_finding_get_code (with->pdata[1]), ==, "dangling-target");
  g_assert_cmpuint (ovh_lint_finding_get_index (with->pdata[1]), ==, 2);
}

static void
add (const char *path, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
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

  add ("/dns/query/soa", test_soa);
  add ("/dns/query/answers", test_answers);
  add ("/dns/query/tcp-on-truncation", test_tcp_on_truncation);
  add ("/dns/query/timeout", test_timeout);
  add ("/dns/query/cancel", test_cancel);
  add ("/dns/mapping/errors", test_mapping_errors);
  add ("/dns/sandbox/lagging-server", test_lag);
  add ("/dns/lint/follows-includes", test_lint_follows_includes);
  return g_test_run ();
}
