/* test-dns.c: DnsClient against real name servers (knotd) serving what the sandbox publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dns-client.h"
#include "dns-delegation.h"
#include "dns-lint-resolver.h"
#include "dns-propagation.h"
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
  /* Three tries, no more (counted below, at the silent server); the time only bounds a hang. */
  g_assert_cmpint (elapsed, <, 30 * G_USEC_PER_SEC);
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

typedef struct
{
  Fixture *fixture;
  gboolean reloaded;
} LagState;

static void
on_passes (DnsPropagation *propagation, GParamSpec *pspec, LagState *state)
{
  g_autoptr (GError) error = NULL;

  /* Once a pass has seen the lagging server behind, it catches up. */
  if (!state->reloaded && dns_propagation_get_passes (propagation) == 2)
    {
      g_assert_cmpuint (dns_propagation_get_n_in_sync (propagation), ==, 1);
      g_assert_true (knot_server_reload (state->fixture->lagging, &error));
      g_assert_no_error (error);
      state->reloaded = TRUE;
    }
}

static void
test_propagation (Fixture *fixture, gconstpointer data)
{
  const char *servers[] = { "dns111.ovh.net", "ns111.ovh.net", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) deleted = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  g_autoptr (OvhZone) before = ovh_test_load_zone (&fixture->api, ZONE);
  g_autoptr (OvhZone) after = NULL;
  g_autoptr (OvhRecord) fresh = ovh_record_new (ZONE, "fresh", "A", "192.0.2.77", 0);
  OvhRecord *notes = ovh_test_find_record (before, "notes", "TXT");
  g_autofree char *path = g_strdup_printf ("/domain/zone/" ZONE "/record/%" G_GUINT64_FORMAT,
                                           ovh_record_get_id (notes));
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (DnsPropagation) propagation = dns_propagation_new (fixture->client, ZONE, servers);
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *summary = NULL;
  LagState state = { fixture, FALSE };
  DnsServerStatus *lagging;

  created = ovh_test_call (
      fixture->api.client, "POST", "/domain/zone/" ZONE "/record",
      ovh_test_json ("{\"fieldType\":\"A\",\"subDomain\":\"fresh\",\"target\":\"192.0.2.77\"}"),
      &error);
  g_assert_no_error (error);
  deleted = ovh_test_call (fixture->api.client, "DELETE", path, NULL, &error);
  g_assert_no_error (error);
  refreshed
      = ovh_test_call (fixture->api.client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);

  after = ovh_test_load_zone (&fixture->api, ZONE);
  records = ovh_lint_effective_records (ovh_zone_get_records (after), NULL);
  g_ptr_array_add (changed, fresh);
  g_ptr_array_add (changed, notes);
  dns_propagation_set_serial (propagation,
                              ovh_sandbox_get_zone_serial (fixture->api.sandbox, ZONE));
  dns_propagation_expect_changes (propagation, records, changed);

  /* Nobody serves it yet. */
  dns_propagation_check_async (propagation, NULL, ovh_test_store_result, &result);
  g_assert_false (
      dns_propagation_check_finish (propagation, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (dns_propagation_get_n_in_sync (propagation), ==, 0);
  lagging = g_list_model_get_item (dns_propagation_get_servers (propagation), 1);
  g_object_unref (lagging);
  g_assert_cmpuint (dns_server_status_get_n_records (lagging), ==, 2);
  g_assert_cmpuint (dns_server_status_get_n_records_served (lagging), ==, 0);
  g_assert_cmpstr (dns_server_status_get_stale (lagging)[0], ==, "fresh." ZONE " A");
  g_assert_cmpstr (dns_server_status_get_address (lagging), ==,
                   knot_server_get_address (fixture->lagging));

  /* One server catches up, then the other. */
  g_assert_true (knot_server_reload (fixture->prompt, &error));
  g_signal_connect (propagation, "notify::passes", G_CALLBACK (on_passes), &state);
  dns_propagation_watch_async (propagation, 20000, NULL, ovh_test_store_result, &result);
  while (dns_propagation_get_passes (propagation) < 2)
    g_main_context_iteration (NULL, TRUE);
  summary = dns_propagation_dup_summary (propagation);
  g_assert_nonnull (strstr (summary, "Live on 1 of 2 name servers: ns111.ovh.net still serves "
                                     "serial"));
  g_assert_true (
      dns_propagation_watch_finish (propagation, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (state.reloaded);
  g_assert_true (dns_propagation_get_done (propagation));
  g_clear_pointer (&summary, g_free);
  summary = dns_propagation_dup_summary (propagation);
  g_assert_cmpstr (summary, ==, "Live on 2 of 2 name servers");
  g_assert_true (dns_server_status_get_in_sync (lagging));
  g_assert_cmpuint (dns_server_status_get_serial (lagging), ==,
                    ovh_sandbox_get_zone_serial (fixture->api.sandbox, ZONE));
}

static void
test_propagation_timeout (Fixture *fixture, gconstpointer data)
{
  const char *servers[] = { "dns111.ovh.net", "ns111.ovh.net", NULL };
  g_autoptr (DnsPropagation) propagation = dns_propagation_new (fixture->client, ZONE, servers);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  /* A serial nobody serves: the watch gives up at its time limit. */
  dns_propagation_set_serial (propagation, G_MAXUINT32);
  dns_propagation_watch_async (propagation, 300, NULL, ovh_test_store_result, &result);
  g_assert_false (
      dns_propagation_watch_finish (propagation, ovh_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_false (dns_propagation_get_done (propagation));
}

static void
write_parent_zone (Fixture *fixture, const char *ns1, const char *ns2)
{
  g_autofree char *path = g_build_filename (fixture->zone_dir, "fr.zone", NULL);
  g_autofree char *text
      = g_strdup_printf ("$TTL 300\n"
                         "@ IN SOA d.nic.fr. hostmaster.nic.fr. %u 3600 600 604800 60\n"
                         "@ IN NS d.nic.fr.\n"
                         "lovelace IN NS %s\n"
                         "lovelace IN NS %s\n",
                         (guint) (g_get_real_time () / G_USEC_PER_SEC), ns1, ns2);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_delegation (Fixture *fixture, gconstpointer data)
{
  const char *zones[] = { "fr", NULL };
  const char *zone_ns[] = { "dns111.ovh.net", "ns111.ovh.net.", NULL };
  const char *registry[] = { "DNS111.ovh.net", "ns111.ovh.net", NULL };
  const char *elsewhere[] = { "ns1.other-dns.example", "ns2.other-dns.example", NULL };
  g_autoptr (KnotServer) parent = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *mapping = NULL;
  g_autoptr (DnsDelegation) ok = NULL;
  g_autoptr (DnsDelegation) registry_differs = NULL;
  g_autoptr (DnsDelegation) parent_differs = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  write_parent_zone (fixture, "dns111.ovh.net.", "ns111.ovh.net.");
  parent = knot_server_start (fixture->zone_dir, zones, &error);
  g_assert_no_error (error);
  mapping = g_strdup_printf ("d.nic.fr=%s", knot_server_get_address (parent));
  g_assert_true (dns_client_add_server_address (fixture->client, mapping, NULL));
  dns_client_set_resolver (fixture->client, knot_server_get_address (parent));

  dns_delegation_check_async (fixture->client, ZONE, registry, zone_ns, NULL, ovh_test_store_result,
                              &result);
  ok = dns_delegation_check_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ok->verdict, ==, DNS_DELEGATION_OK);
  g_assert_cmpstr (ok->parent[0], ==, "dns111.ovh.net");
  g_assert_cmpstr (ok->parent_server, ==, "d.nic.fr.");

  registry_differs = dns_delegation_check_sync (fixture->client, ZONE, elsewhere, zone_ns, NULL);
  g_assert_cmpint (registry_differs->verdict, ==, DNS_DELEGATION_REGISTRY_DIFFERS);
  g_assert_cmpstr (registry_differs->message, ==,
                   "This domain uses other name servers (ns1.other-dns.example, "
                   "ns2.other-dns.example): changes here are not served");

  write_parent_zone (fixture, "ns1.other-dns.example.", "ns2.other-dns.example.");
  g_assert_true (knot_server_reload (parent, &error));
  parent_differs = dns_delegation_check_sync (fixture->client, ZONE, NULL, zone_ns, NULL);
  g_assert_cmpint (parent_differs->verdict, ==, DNS_DELEGATION_PARENT_DIFFERS);
  g_assert_null (parent_differs->registry);
  g_assert_cmpstr (parent_differs->parent[1], ==, "ns2.other-dns.example");
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
  add ("/dns/propagation/lagging-server", test_propagation);
  add ("/dns/propagation/timeout", test_propagation_timeout);
  add ("/dns/delegation", test_delegation);
  return g_test_run ();
}
