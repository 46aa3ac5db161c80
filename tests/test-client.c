/* test-client.c: OvhClient against the in-process sandbox, over HTTP and HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-client.h"
#include "ovh-error.h"
#include "ovh-rate-limiter.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

static guint
count_requests (OvhTestFixture *fixture, const char *method, const char *path_glob)
{
  return ovh_sandbox_get_request_count (fixture->sandbox, method, path_glob);
}

/* ---- rate limiter, with a clock of our own ------------------------------------------- */

static void
test_rate_limiter_bucket (void)
{
  g_autoptr (OvhRateLimiter) limiter = ovh_rate_limiter_new (60); /* 1/s, burst 10 */
  gint64 t0 = 1000 * G_USEC_PER_SEC;

  g_assert_cmpuint (ovh_rate_limiter_get_burst (limiter), ==, 10);

  /* A full bucket lets the burst through at once… */
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0), ==, 0);
  /* …then callers queue one second apart. */
  g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0), ==, 1 * G_USEC_PER_SEC);
  g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0), ==, 2 * G_USEC_PER_SEC);
  /* A cancelled waiter gives its place back. */
  ovh_rate_limiter_release (limiter);
  g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0), ==, 2 * G_USEC_PER_SEC);
  /* Time refills the bucket, never above the burst. */
  g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0 + 3 * G_USEC_PER_SEC), ==, 0);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0 + (gint64) 3600 * G_USEC_PER_SEC), ==,
                     0);
  g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0 + (gint64) 3600 * G_USEC_PER_SEC), >, 0);

  /* The default leaves OVH's ~60/min fair use alone even counting the burst. */
  ovh_rate_limiter_set_rate (limiter, 50);
  g_assert_cmpuint (50 + ovh_rate_limiter_get_burst (limiter), <, 60);

  ovh_rate_limiter_set_rate (limiter, 0);
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpint (ovh_rate_limiter_reserve (limiter, t0), ==, 0);
}

/* ---- the basics ------------------------------------------------------------------- */

static void
test_client_get_me (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (me));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (me), "nichandle"), ==,
                   OVH_SANDBOX_NICHANDLE);
  g_assert_true (ovh_client_has_time_offset (fixture->client));
  g_assert_cmpint (ABS (ovh_client_get_time_offset (fixture->client)), <=, 1);
  /* One clock fetch, one call; counted by both sides. */
  g_assert_cmpuint (ovh_client_get_request_count (fixture->client), ==, 2);
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, 1);
  g_assert_cmpuint (count_requests (fixture, NULL, NULL), ==, 2);
}

static void
test_client_body_bytes (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) body = ovh_test_json (
      "{ \"fieldType\": \"TXT\", \"subDomain\": \"t\", \"target\": \"é \\\"q\\\"\", "
      "\"ttl\": 60 }");
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autofree char *expected = json_to_string (body, FALSE);
  const OvhSandboxRequest *post = NULL;
  const OvhSandboxRequest *refresh = NULL;

  /* The sandbox verifies the signature over the bytes it received: success proves the
   * signed and the sent bytes are the same, non-ASCII included. */
  created = ovh_test_call (fixture->client, "POST", "/domain/zone/" ZONE "/record", body, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (created));

  /* No body at all: no Content-Type, an empty signed body. */
  refreshed
      = ovh_test_call (fixture->client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_NULL (refreshed));

  log = ovh_sandbox_dup_request_log (fixture->sandbox);
  for (guint i = 0; i < log->len; i++)
    {
      const OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if (g_str_equal (request->method, "POST") && g_str_has_suffix (request->path, "/record"))
        post = request;
      if (g_str_equal (request->method, "POST") && g_str_has_suffix (request->path, "/refresh"))
        refresh = request;
    }
  g_assert_nonnull (post);
  g_assert_cmpstr (post->body, ==, expected);
  g_assert_cmpuint (post->status, ==, 200);
  g_assert_nonnull (refresh);
  g_assert_true (refresh->body == NULL || refresh->body[0] == '\0');
  g_assert_cmpuint (refresh->status, ==, 200);
}

static void
test_client_response_headers (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GHashTable) headers = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  ovh_client_call_full_async (fixture->client, "GET", "/domain/zone", NULL, NULL, OVH_CALL_NONE,
                              NULL, ovh_test_store_result, &result);
  node = ovh_client_call_full_finish (fixture->client, ovh_test_wait_result (&result), &headers,
                                      &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_nonnull (headers);
  g_assert_nonnull (g_hash_table_lookup (headers, "x-ovh-queryid"));
}

static void
test_client_sync (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;

  /* The blocking variant, twice (the second reuses the private context and session). */
  first = ovh_client_call_sync (fixture->client, "GET", "/me", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (first));
  second = ovh_client_call_sync (fixture->client, "GET", "/domain", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (second));
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, 1);

  /* And an async call after it, on the default context. */
  {
    g_autoptr (JsonNode) third = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);

    g_assert_no_error (error);
  }
}

/* ---- the clock ---------------------------------------------------------------------- */

static void
test_client_clock_shared (OvhTestFixture *fixture, gconstpointer data)
{
  GAsyncResult *results[5] = { NULL };

  /* Five first calls at once wait for one /auth/time. */
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    ovh_client_call_async (fixture->client, "GET", "/me", NULL, OVH_CALL_NONE, NULL,
                           ovh_test_store_result, &results[i]);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node
          = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&results[i]), &error);

      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, 1);
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 5);
}

static void
test_client_clock_skew (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;

  /* The server is an hour ahead: the client learns it before signing. */
  ovh_sandbox_set_clock_offset (fixture->sandbox, 3600);
  first = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_client_get_time_offset (fixture->client), >=, 3599);
  g_assert_cmpint (ovh_client_get_time_offset (fixture->client), <=, 3601);

  /* The server's clock jumps: one QUERY_TIME_OUT, one re-sync, the call goes through. */
  ovh_sandbox_set_clock_offset (fixture->sandbox, -7200);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  second = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (second));
  g_assert_cmpint (ovh_client_get_time_offset (fixture->client), >=, -7201);
  g_assert_cmpint (ovh_client_get_time_offset (fixture->client), <=, -7199);
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 2);
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, 1);

  /* Without the skew handling the error would show; with NO_RETRY too, since re-syncing is
   * not a retry of a failed operation: the server refused it before doing anything. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (JsonNode) third = NULL;

    ovh_sandbox_set_clock_offset (fixture->sandbox, 600);
    ovh_client_call_async (fixture->client, "POST", "/domain/zone/" ZONE "/refresh", NULL,
                           OVH_CALL_NO_RETRY, NULL, ovh_test_store_result, &result);
    third = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 2);
  }
}

/* ---- retries ---------------------------------------------------------------------- */

static void
test_client_retry_get (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  /* Two failures, then success on the third and last try. */
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/me", OVH_SANDBOX_FAULT_HTTP_500, 2);
  node = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 3);
  g_clear_pointer (&node, json_node_unref);

  /* Always failing: three tries, then the server's error. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/me", OVH_SANDBOX_FAULT_HTTP_500, 0);
  node = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 500);
  g_assert_nonnull (ovh_error_get_query_id (error));
  g_assert_null (node);
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 3);
  g_clear_error (&error);

  /* A dropped connection is retried the same way. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain", OVH_SANDBOX_FAULT_DROP, 1);
  node = ovh_test_call (fixture->client, "GET", "/domain", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (count_requests (fixture, "GET", "/domain"), >=, 2);
}

static void
test_client_no_retry_writes (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/*/refresh",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  node = ovh_test_call (fixture->client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/*/refresh"), ==, 1);
  g_clear_error (&error);

  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", "/domain/zone/*/record/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  node = ovh_test_call (fixture->client, "DELETE", "/domain/zone/" ZONE "/record/1", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (count_requests (fixture, "DELETE", "/domain/zone/*/record/*"), ==, 1);
  g_clear_error (&error);

  /* GET with OVH_CALL_NO_RETRY: one try. */
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain", OVH_SANDBOX_FAULT_HTTP_500, 0);
  ovh_client_call_async (fixture->client, "GET", "/domain", NULL, OVH_CALL_NO_RETRY, NULL,
                         ovh_test_store_result, &result);
  node = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (count_requests (fixture, "GET", "/domain"), ==, 1);
}

static void
test_client_network_error (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *url = NULL;
  guint16 port;

  /* A port that was just free, and is closed again. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u/1.0", port);

  client = ovh_client_new (url, "ak", "as", "ck");
  ovh_client_set_retry_policy (client, 3, 5);
  node = ovh_client_call_sync (client, "GET", "/auth/time", NULL, NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NETWORK);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 0);
  g_assert_cmpuint (ovh_client_get_request_count (client), ==, 3);
}

static void
test_client_rate_limited (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  /* The server's own limit shows as RATE_LIMITED once the client stops retrying. A long
   * Retry-After (the sandbox says up to a minute) is not waited out by a test. */
  ovh_sandbox_set_rate_limit (fixture->sandbox, 2);
  ovh_client_set_retry_policy (fixture->client, 1, 10);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (JsonNode) node = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);

      if (i < 2)
        g_assert_no_error (error);
    }
  g_assert_error (error, OVH_ERROR, OVH_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 429);
}

/* Retry-After is honoured: the server's limit trips once and asks for one second; the GET
 * waits that second out and gets through on its next try (fast backoff alone would come back
 * within 30 ms and be refused three times). A 429 means "not carried out", so a POST is
 * retried too (a 500 to a POST never is: see no-retry-writes). Only a lower bound on the
 * time: an upper one would flake on a busy machine. */
static void
test_client_retry_after (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gint64 start, waited;

  ovh_sandbox_set_rate_limit (fixture->sandbox, 2);
  ovh_sandbox_set_retry_after (fixture->sandbox, 1);
  ovh_client_set_retry_policy (fixture->client, 3, 10);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (JsonNode) warm = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
      g_assert_no_error (error);
    }

  ovh_sandbox_reset_request_log (fixture->sandbox);
  start = g_get_monotonic_time ();
  node = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  waited = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_test_message ("GET after a 429 with Retry-After: 1 took %" G_GINT64_FORMAT " ms",
                  waited / 1000);
  g_assert_cmpint (waited, >=, 950 * 1000);
  /* One refused, one answered: the wait was Retry-After's, not a string of quick retries. */
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 2);

  /* The window holds the retry; one more GET fills it, then a POST is refused once, waits
   * Retry-After out and gets through. */
  g_clear_pointer (&node, json_node_unref);
  node = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  start = g_get_monotonic_time ();
  node = ovh_test_call (fixture->client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  waited = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpint (waited, >=, 950 * 1000);
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 2);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 2);
}

/* ---- errors from the server ---------------------------------------------------------- */

static void
test_client_malformed (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/me", OVH_SANDBOX_FAULT_MALFORMED, 1);
  node = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (node);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 200);
  /* Not a transient failure: not tried again. */
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 1);
}

static void
test_client_not_granted (OvhTestFixture *fixture, gconstpointer data)
{
  const char *const rules[] = { "GET /me", NULL };
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, rules, 0);
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, consumer_key);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = NULL;
  g_autoptr (JsonNode) domains = NULL;

  me = ovh_test_call (client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);

  domains = ovh_test_call (client, "GET", "/domain", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED);
  g_assert_cmpstr (ovh_error_get_error_code (error), ==, "NOT_GRANTED_CALL");
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 403);
  g_assert_nonnull (ovh_error_get_query_id (error));
  g_assert_cmpstr (error->message, ==, "This call has not been granted");
  g_assert_false (ovh_error_is_authentication (error));
}

static void
test_client_bad_keys (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhClient) wrong_secret
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                        "notTheSecret", OVH_SANDBOX_CONSUMER_KEY);
  g_autoptr (OvhClient) wrong_key
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), "unknownKey",
                        OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  g_autoptr (OvhClient) wrong_ck = ovh_test_fixture_new_client (fixture, "unknownConsumerKey");
  g_autoptr (OvhClient) no_ck = ovh_test_fixture_new_client (fixture, NULL);
  g_autoptr (GTlsDatabase) database = NULL;
  JsonNode *node;

  if (fixture->tls)
    {
      database = g_tls_file_database_new (ovh_sandbox_get_ca_file (fixture->sandbox), &error);
      g_assert_no_error (error);
      ovh_client_set_tls_database (wrong_secret, database);
      ovh_client_set_tls_database (wrong_key, database);
    }

  node = ovh_test_call (wrong_secret, "GET", "/me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_SIGNATURE);
  g_assert_true (ovh_error_is_authentication (error));
  g_clear_error (&error);

  node = ovh_test_call (wrong_key, "GET", "/me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_KEY);
  g_assert_true (ovh_error_is_authentication (error));
  g_clear_error (&error);

  node = ovh_test_call (wrong_ck, "GET", "/me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
  g_assert_true (ovh_error_is_authentication (error));
  g_clear_error (&error);

  /* No consumer key: refused before anything goes on the wire. */
  node = ovh_test_call (no_ck, "GET", "/me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
  g_assert_cmpuint (ovh_client_get_request_count (no_ck), ==, 0);
}

static void
test_client_not_found (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node
      = ovh_test_call (fixture->client, "GET", "/domain/zone/no-such-zone.example", NULL, &error);

  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 404);
  g_assert_cmpstr (error->message, !=, "");
  /* A 404 is an answer, not a failure to retry. */
  g_assert_cmpuint (count_requests (fixture, "GET", "/domain/zone/no-such-zone.example"), ==, 1);
}

/* ---- TLS ---------------------------------------------------------------------------- */

static void
test_client_tls_wrong_ca (void)
{
  g_autoptr (OvhSandbox) served = ovh_sandbox_new ();
  g_autoptr (OvhSandbox) other = ovh_sandbox_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GTlsDatabase) other_ca = NULL;
  g_autoptr (GTlsDatabase) right_ca = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhClient) system_trust = NULL;
  g_autoptr (OvhClient) trusting = NULL;
  g_autoptr (JsonNode) node = NULL;

  ovh_sandbox_start (served, 0, TRUE, &error);
  g_assert_no_error (error);
  ovh_sandbox_start (other, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_sandbox_get_ca_file (served), !=, ovh_sandbox_get_ca_file (other));

  /* Trusting another sandbox's certificate: refused. */
  other_ca = g_tls_file_database_new (ovh_sandbox_get_ca_file (other), &error);
  g_assert_no_error (error);
  client = ovh_client_new (ovh_sandbox_get_base_url (served), OVH_SANDBOX_APPLICATION_KEY,
                           OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_tls_database (client, other_ca);
  ovh_client_set_retry_policy (client, 3, 5);
  node = ovh_test_call (client, "GET", "/me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_TLS);
  /* A refused certificate is not retried: it will not get better. */
  g_assert_cmpuint (ovh_client_get_request_count (client), ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (served, NULL, NULL), ==, 0);
  g_clear_error (&error);

  /* The system's trust does not know a self-signed test certificate either. */
  system_trust = ovh_client_new (ovh_sandbox_get_base_url (served), OVH_SANDBOX_APPLICATION_KEY,
                                 OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  node = ovh_test_call (system_trust, "GET", "/me", NULL, &error);
  g_assert_null (node);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_TLS);
  g_clear_error (&error);

  /* The same client, now trusting the right one, gets through: the refusal above was the
   * certificate's, not the setup's. */
  right_ca = g_tls_file_database_new (ovh_sandbox_get_ca_file (served), &error);
  g_assert_no_error (error);
  ovh_client_set_tls_database (client, right_ca);
  node = ovh_test_call (client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  ovh_sandbox_stop (served);
  ovh_sandbox_stop (other);
}

/* ---- pacing and cancelling ------------------------------------------------------------- */

static void
test_client_rate_limit_timing (OvhTestFixture *fixture, gconstpointer data)
{
  /* 600/min = one every 100 ms after a burst of 10: 25 calls need ≥ 1.5 s. */
  const guint n_calls = 25;
  const guint limit = 600;
  GAsyncResult *results[25] = { NULL };
  gint64 start = g_get_monotonic_time ();
  gint64 span;
  guint burst;

  ovh_client_set_rate_limit (fixture->client, limit);
  burst = limit / 6 > 10 ? 10 : limit / 6;
  g_assert_cmpuint (ovh_client_get_rate_limit (fixture->client), ==, limit);

  for (guint i = 0; i < n_calls; i++)
    ovh_client_call_async (fixture->client, "GET", "/auth/time", NULL, OVH_CALL_UNSIGNED, NULL,
                           ovh_test_store_result, &results[i]);
  for (guint i = 0; i < n_calls; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node
          = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&results[i]), &error);

      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }
  span = g_get_monotonic_time () - start;

  g_test_message ("%u calls at %u/min took %.2f s (floor %.2f s)", n_calls, limit,
                  span / (double) G_USEC_PER_SEC, (n_calls - burst) * 60.0 / limit);
  g_assert_cmpint (span, >=, (gint64) (n_calls - burst) * 60 * G_USEC_PER_SEC / limit);
  /* Delays, never failures, and not wildly more than needed (generous: busy CI machines, slow
   * TLS handshakes under sanitizers). */
  g_assert_cmpint (span, <,
                   (gint64) (n_calls - burst) * 60 * G_USEC_PER_SEC / limit + 15 * G_USEC_PER_SEC);
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, n_calls);
}

static void
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_client_cancel (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gint64 start;

  /* In flight: the sandbox takes 10 s, the cancel comes after 100 ms. */
  ovh_sandbox_set_latency_ms (fixture->sandbox, 10000);
  start = g_get_monotonic_time ();
  ovh_client_call_async (fixture->client, "GET", "/auth/time", NULL, OVH_CALL_UNSIGNED, cancellable,
                         ovh_test_store_result, &result);
  g_timeout_add_once (100, on_cancel_timeout, cancellable);
  node = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);
  g_clear_object (&result);
  ovh_sandbox_set_latency_ms (fixture->sandbox, 0);

  /* Waiting for the rate limiter: 1/min leaves the second call a minute to wait. */
  g_cancellable_reset (cancellable);
  ovh_client_set_rate_limit (fixture->client, 1);
  ovh_client_call_async (fixture->client, "GET", "/auth/time", NULL, OVH_CALL_UNSIGNED, NULL,
                         ovh_test_store_result, &result);
  node = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  g_clear_object (&result);
  start = g_get_monotonic_time ();
  ovh_client_call_async (fixture->client, "GET", "/auth/time", NULL, OVH_CALL_UNSIGNED, cancellable,
                         ovh_test_store_result, &result);
  g_timeout_add_once (100, on_cancel_timeout, cancellable);
  node = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_object (&result);
  g_clear_error (&error);

  /* Already cancelled: nothing goes out. */
  ovh_client_set_rate_limit (fixture->client, 0);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_client_call_async (fixture->client, "GET", "/me", NULL, OVH_CALL_NONE, cancellable,
                         ovh_test_store_result, &result);
  node = ovh_client_call_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 0);
}

/* One of several first calls parked behind the clock, and what it reported. */
typedef struct
{
  GCancellable *cancellable;
  guint n_reports;
  gboolean succeeded;
  GError *error;
} ClockWaiter;

static void
on_clock_waiter_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ClockWaiter *waiter = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);

  /* The result is not kept: a task still listed after it ended would be freed memory. */
  if (waiter->n_reports++ == 0)
    {
      waiter->succeeded = node != NULL;
      waiter->error = g_steal_pointer (&error);
    }
}

static void
on_flag_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
iterate_for_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_flag_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_reports (ClockWaiter *waiters, guint n_waiters, gboolean only_even)
{
  for (guint i = 0; i < n_waiters; i++)
    while ((!only_even || i % 2 == 0) && waiters[i].n_reports == 0)
      g_main_context_iteration (NULL, TRUE);
}

static void
test_client_cancel_waiting_for_clock (OvhTestFixture *fixture, gconstpointer data)
{
  ClockWaiter waiters[6] = { { NULL } };
  g_autoptr (OvhClient) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  /* Every answer takes a second: the six first calls all park behind one /auth/time. */
  ovh_sandbox_set_latency_ms (fixture->sandbox, 1000);
  g_assert_false (ovh_client_has_time_offset (fixture->client));
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      waiters[i].cancellable = g_cancellable_new ();
      ovh_client_call_async (fixture->client, "GET", "/me", NULL, OVH_CALL_NONE,
                             waiters[i].cancellable, on_clock_waiter_done, &waiters[i]);
    }

  /* Half of them give up while the clock is in flight (the account was switched)… */
  iterate_for_ms (100);
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i += 2)
    g_cancellable_cancel (waiters[i].cancellable);
  /* …and hear so at once, not when the clock answers. */
  wait_for_reports (waiters, G_N_ELEMENTS (waiters), TRUE);
  g_assert_false (ovh_client_has_time_offset (fixture->client));

  /* The others carry on when the time arrives; nobody hears twice (wait past every answer). */
  wait_for_reports (waiters, G_N_ELEMENTS (waiters), FALSE);
  iterate_for_ms (1500);
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_assert_cmpuint (waiters[i].n_reports, ==, 1);
      if (i % 2 == 0)
        g_assert_error (waiters[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      else
        {
          g_assert_no_error (waiters[i].error);
          g_assert_true (waiters[i].succeeded);
        }
    }
  g_assert_true (ovh_client_has_time_offset (fixture->client));
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, 1);
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 3);

  /* Every waiter gone before the clock answers: the answer finds nobody, and a later call
   * neither joins that finished fetch nor waits for it. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  other = ovh_test_fixture_new_client (fixture, ovh_client_get_consumer_key (fixture->client));
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&waiters[i].cancellable);
      g_clear_error (&waiters[i].error);
      waiters[i] = (ClockWaiter){ .cancellable = g_cancellable_new () };
      ovh_client_call_async (other, "GET", "/me", NULL, OVH_CALL_NONE, waiters[i].cancellable,
                             on_clock_waiter_done, &waiters[i]);
      g_cancellable_cancel (waiters[i].cancellable);
    }
  wait_for_reports (waiters, 2, FALSE);
  /* The clock answers in its own time (a second here, more under valgrind), then nobody may
   * hear twice past it. */
  while (!ovh_client_has_time_offset (other))
    g_main_context_iteration (NULL, TRUE);
  iterate_for_ms (500);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (waiters[i].n_reports, ==, 1);
      g_assert_error (waiters[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
  node = ovh_test_call (other, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_requests (fixture, "GET", "/auth/time"), ==, 1);
  g_assert_cmpuint (count_requests (fixture, "GET", "/me"), ==, 1);

  ovh_sandbox_set_latency_ms (fixture->sandbox, 0);
  for (guint i = 0; i < G_N_ELEMENTS (waiters); i++)
    {
      g_clear_object (&waiters[i].cancellable);
      g_clear_error (&waiters[i].error);
    }
}

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  guint *notified = user_data;

  (*notified)++;
}

static void
test_client_properties (void)
{
  g_autoptr (OvhClient) client = ovh_client_new ("ovh-ca", "ak", "as", NULL);
  g_autoptr (OvhClient) custom = ovh_client_new ("http://127.0.0.1:1/1.0/", "ak", "as", "ck");
  guint notified = 0;

  g_assert_cmpstr (ovh_client_get_base_url (client), ==, "https://ca.api.ovh.com/1.0");
  g_assert_cmpstr (ovh_client_get_base_url (custom), ==, "http://127.0.0.1:1/1.0");
  g_assert_cmpstr (ovh_client_get_application_key (client), ==, "ak");
  g_assert_null (ovh_client_get_consumer_key (client));
  g_assert_cmpuint (ovh_client_get_rate_limit (client), ==, 50);
  g_assert_cmpuint (ovh_client_get_timeout (client), ==, 30);
  g_assert_false (ovh_client_has_time_offset (client));

  g_signal_connect (client, "notify", G_CALLBACK (on_notify), &notified);
  ovh_client_set_consumer_key (client, "ck");
  ovh_client_set_consumer_key (client, "ck");
  g_assert_cmpuint (notified, ==, 1);
  ovh_client_set_rate_limit (client, 10);
  ovh_client_set_rate_limit (client, 10);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (ovh_client_get_consumer_key (client), ==, "ck");

  /* The secret cannot be read back. */
  g_assert_false (
      g_object_class_find_property (G_OBJECT_GET_CLASS (client), "application-secret")->flags
      & G_PARAM_READABLE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ovh/client/rate-limiter/bucket", test_rate_limiter_bucket);
  g_test_add_func ("/ovh/client/properties", test_client_properties);
  g_test_add_func ("/ovh/client/network-error", test_client_network_error);
  g_test_add_func ("/ovh/client/tls-wrong-ca", test_client_tls_wrong_ca);

  ovh_test_add ("/ovh/client/get-me", test_client_get_me);
  ovh_test_add ("/ovh/client/body-bytes", test_client_body_bytes);
  ovh_test_add ("/ovh/client/response-headers", test_client_response_headers);
  ovh_test_add ("/ovh/client/sync", test_client_sync);
  ovh_test_add ("/ovh/client/clock/shared", test_client_clock_shared);
  ovh_test_add ("/ovh/client/clock/skew", test_client_clock_skew);
  ovh_test_add ("/ovh/client/retry/get", test_client_retry_get);
  ovh_test_add ("/ovh/client/retry/not-writes", test_client_no_retry_writes);
  ovh_test_add ("/ovh/client/rate-limited", test_client_rate_limited);
  ovh_test_add ("/ovh/client/retry-after", test_client_retry_after);
  ovh_test_add ("/ovh/client/malformed", test_client_malformed);
  ovh_test_add ("/ovh/client/not-granted", test_client_not_granted);
  ovh_test_add ("/ovh/client/bad-keys", test_client_bad_keys);
  ovh_test_add ("/ovh/client/not-found", test_client_not_found);
  ovh_test_add ("/ovh/client/rate-limit-timing", test_client_rate_limit_timing);
  ovh_test_add ("/ovh/client/cancel", test_client_cancel);
  ovh_test_add ("/ovh/client/cancel/waiting-for-clock", test_client_cancel_waiting_for_clock);

  return g_test_run ();
}
