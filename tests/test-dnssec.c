/* test-dnssec.c: DNSSEC state, enabling and disabling followed to the end, and the DS
 * records of a domain, against the in-process sandbox; and answers the code must refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <ldns/ldns.h>
#include <libsoup/soup.h>

#include "ovh-dnssec.h"
#include "ovh-ds-record.h"
#include "ovh-error.h"
#include "test-fixture.h"

#define SIGNED_ZONE "analytical-engine.com"
#define UNSIGNED_ZONE "lovelace.fr"

static gboolean
get_state (OvhClient *client, const char *zone, OvhDnssecState *state, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dnssec_get_state_async (client, zone, NULL, ovh_test_store_result, &result);
  return ovh_dnssec_get_state_finish (client, ovh_test_wait_result (&result), state, error);
}

static gboolean
set_enabled (OvhClient *client, const char *zone, gboolean enabled, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dnssec_set_enabled_async (client, zone, enabled, NULL, ovh_test_store_result, &result);
  return ovh_dnssec_set_enabled_finish (client, ovh_test_wait_result (&result), error);
}

static gboolean
follow (OvhClient *client,
        const char *zone,
        guint max_tries,
        GCancellable *cancellable,
        OvhDnssecState *state,
        GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dnssec_follow_async (client, zone, 20, max_tries, cancellable, ovh_test_store_result,
                           &result);
  return ovh_dnssec_follow_finish (client, ovh_test_wait_result (&result), state, error);
}

static GPtrArray *
list_ds (OvhClient *client, const char *domain, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dnssec_list_ds_records_async (client, domain, NULL, ovh_test_store_result, &result);
  return ovh_dnssec_list_ds_records_finish (client, ovh_test_wait_result (&result), error);
}

/* The key tag and SHA-256 digest as ldns computes them from the same DNSKEY. */
static void
assert_ds_matches_ldns (OvhDsRecord *record, const char *domain)
{
  g_autofree char *text = g_strdup_printf (
      "%s. 3600 IN DNSKEY %u 3 %u %s", domain, ovh_ds_record_get_flags (record),
      ovh_ds_record_get_algorithm (record), ovh_ds_record_get_public_key (record));
  g_autofree char *digest = NULL;
  ldns_rr *dnskey = NULL;
  ldns_rr *ds;
  char *hex;

  g_assert_cmpint (ldns_rr_new_frm_str (&dnskey, text, 0, NULL, NULL), ==, LDNS_STATUS_OK);
  g_assert_cmpuint (ldns_calc_keytag (dnskey), ==, ovh_ds_record_get_tag (record));
  ds = ldns_key_rr2ds (dnskey, LDNS_SHA256);
  g_assert_nonnull (ds);
  hex = ldns_rdf2str (ldns_rr_rdf (ds, 3));
  digest = g_ascii_strup (hex, -1);
  g_assert_cmpstr (digest, ==, ovh_ds_record_get_digest (record));
  free (hex);
  ldns_rr_free (ds);
  ldns_rr_free (dnskey);
}

static void
test_state (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  OvhDnssecState state = OVH_DNSSEC_STATE_DISABLED;

  g_assert_true (get_state (fixture->client, SIGNED_ZONE, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, OVH_DNSSEC_STATE_ENABLED);
  g_assert_true (get_state (fixture->client, UNSIGNED_ZONE, &state, &error));
  g_assert_cmpint (state, ==, OVH_DNSSEC_STATE_DISABLED);

  g_assert_false (get_state (fixture->client, "no-such-zone.example", &state, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_ds_records (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = list_ds (fixture->client, SIGNED_ZONE, &error);
  OvhDsRecord *record;

  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (ovh_ds_record_get_flags (record), ==, 257);
  g_assert_cmpuint (ovh_ds_record_get_algorithm (record), ==, 13);
  g_assert_cmpstr (ovh_ds_record_get_algorithm_name (record), ==, "ECDSAP256SHA256");
  g_assert_cmpstr (ovh_ds_record_get_status (record), ==, "active");
  g_assert_cmpuint (strlen (ovh_ds_record_get_digest (record)), ==, 64);
  assert_ds_matches_ldns (record, SIGNED_ZONE);

  g_clear_pointer (&records, g_ptr_array_unref);
  records = list_ds (fixture->client, UNSIGNED_ZONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);

  /* A zone whose domain is registered elsewhere. */
  g_clear_pointer (&records, g_ptr_array_unref);
  records = list_ds (fixture->client, "countess.dev", &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_assert_null (records);
}

static void
test_enable_disable (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  OvhDnssecState state = OVH_DNSSEC_STATE_DISABLED;

  /* Long enough to be seen in progress, short enough for the test. */
  ovh_sandbox_set_dnssec_delay_ms (fixture->sandbox, 300);

  g_assert_true (set_enabled (fixture->client, UNSIGNED_ZONE, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (get_state (fixture->client, UNSIGNED_ZONE, &state, &error));
  g_assert_cmpint (state, ==, OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS);
  g_assert_true (ovh_dnssec_state_is_in_progress (state));

  /* A second change while the first runs is refused, as OVH does. */
  g_assert_false (set_enabled (fixture->client, UNSIGNED_ZONE, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 403);
  g_clear_error (&error);

  g_assert_true (follow (fixture->client, UNSIGNED_ZONE, 1000, NULL, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, OVH_DNSSEC_STATE_ENABLED);
  records = list_ds (fixture->client, UNSIGNED_ZONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  assert_ds_matches_ldns (g_ptr_array_index (records, 0), UNSIGNED_ZONE);

  /* Enabling a signed zone is refused. */
  g_assert_false (set_enabled (fixture->client, UNSIGNED_ZONE, TRUE, &error));
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 403);
  g_clear_error (&error);

  g_assert_true (set_enabled (fixture->client, UNSIGNED_ZONE, FALSE, &error));
  g_assert_true (get_state (fixture->client, UNSIGNED_ZONE, &state, &error));
  g_assert_cmpint (state, ==, OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS);
  g_assert_true (follow (fixture->client, UNSIGNED_ZONE, 1000, NULL, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (state, ==, OVH_DNSSEC_STATE_DISABLED);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = list_ds (fixture->client, UNSIGNED_ZONE, &error);
  g_assert_cmpuint (records->len, ==, 0);

  g_assert_false (set_enabled (fixture->client, "no-such-zone.example", TRUE, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_follow_gives_up (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  OvhDnssecState state;

  ovh_sandbox_set_dnssec_delay_ms (fixture->sandbox, 60 * 1000);
  g_assert_true (set_enabled (fixture->client, UNSIGNED_ZONE, TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (follow (fixture->client, UNSIGNED_ZONE, 3, NULL, &state, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "enableInProgress"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET",
                                                   "/domain/zone/" UNSIGNED_ZONE "/dnssec"),
                    ==, 3);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (follow (fixture->client, UNSIGNED_ZONE, 100, cancellable, &state, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_state_names (void)
{
  OvhDnssecState state;

  for (OvhDnssecState s = OVH_DNSSEC_STATE_DISABLED; s <= OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS; s++)
    {
      g_assert_true (ovh_dnssec_state_from_string (ovh_dnssec_state_to_string (s), &state));
      g_assert_cmpint (state, ==, s);
    }
  g_assert_false (ovh_dnssec_state_from_string ("signing", &state));
  g_assert_false (ovh_dnssec_state_from_string (NULL, &state));
  g_assert_false (ovh_dnssec_state_from_string ("Enabled", &state));
  g_assert_cmpstr (ovh_ds_record_algorithm_name (8), ==, "RSASHA256");
  g_assert_null (ovh_ds_record_algorithm_name (99));
}

/* A server that answers what OVH must not: an unknown state, DS records out of range. */
static void
bogus_handler (SoupServer *server,
               SoupServerMessage *msg,
               const char *path,
               GHashTable *query,
               gpointer user_data)
{
  const char *body = "null";

  if (g_str_equal (path, "/1.0/auth/time"))
    {
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000000);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, now,
                                        strlen (now));
      return;
    }
  if (g_str_equal (path, "/1.0/domain/zone/signing.example/dnssec"))
    body = "{\"status\":\"signing\"}";
  else if (g_str_equal (path, "/1.0/domain/zone/number.example/dnssec"))
    body = "{\"status\":42}";
  else if (g_str_equal (path, "/1.0/domain/zone/list.example/dnssec"))
    body = "[\"enabled\"]";
  else if (g_str_has_suffix (path, "/dsRecord"))
    body = g_str_has_prefix (path, "/1.0/domain/strings.example") ? "[\"1\"]" : "[1]";
  else if (g_str_has_prefix (path, "/1.0/domain/tag.example/dsRecord/"))
    body = "{\"id\":1,\"tag\":70000,\"algorithm\":13,\"flags\":257,\"publicKey\":\"AAAA\"}";
  else if (g_str_has_prefix (path, "/1.0/domain/key.example/dsRecord/"))
    body = "{\"id\":1,\"tag\":7,\"algorithm\":13,\"flags\":257}";
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
test_refuses_bogus_answers (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autofree char *base = NULL;
  const char *const zones[] = { "signing.example", "number.example", "list.example" };
  const char *const domains[] = { "strings.example", "tag.example", "key.example" };
  OvhDnssecState state;

  soup_server_add_handler (server, NULL, bogus_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d/1.0", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  client = ovh_client_new (base, "ak", "as", "ck");

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_assert_false (get_state (client, zones[i], &state, &error));
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_autoptr (GPtrArray) records = list_ds (client, domains[i], &error);

      g_assert_null (records);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dnssec/state-names", test_state_names);
  g_test_add_func ("/dnssec/refuses-bogus-answers", test_refuses_bogus_answers);
  ovh_test_add ("/dnssec/state", test_state);
  ovh_test_add ("/dnssec/ds-records", test_ds_records);
  ovh_test_add ("/dnssec/enable-disable", test_enable_disable);
  ovh_test_add ("/dnssec/follow-gives-up", test_follow_gives_up);

  return g_test_run ();
}
