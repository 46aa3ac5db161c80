/* test-record-loader.c: a zone's records in few requests, against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-error.h"
#include "ovh-record-loader.h"
#include "test-fixture.h"

#define BIG_ZONE "big.test"
#define BIG_SIZE 1234
#define SMALL_ZONE "small.test"
#define SMALL_SIZE 120
#define PAGE_SIZE 500

static void
setup_zones (OvhTestFixture *fixture)
{
  ovh_record_loader_forget_all ();
  ovh_sandbox_add_generated_zone (fixture->sandbox, BIG_ZONE, BIG_SIZE);
  ovh_sandbox_add_generated_zone (fixture->sandbox, SMALL_ZONE, SMALL_SIZE);
  /* The clock offset comes first and once: request counts below are for records alone. */
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  ovh_sandbox_reset_request_log (fixture->sandbox);
}

/* The sandbox's own view of a zone: id → target. */
static GHashTable *
sandbox_targets (OvhTestFixture *fixture, const char *zone)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, zone);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = json_from_string (json, &error);
  GHashTable *targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  JsonArray *array;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      gint64 id = json_object_get_int_member (object, "id");

      g_hash_table_insert (targets, g_memdup2 (&id, sizeof id),
                           g_strdup (json_object_get_string_member (object, "fieldType")));
    }
  return targets;
}

/* Every record of the sandbox, each once, with its type. */
static void
assert_same_records (OvhTestFixture *fixture, const char *zone, GPtrArray *records)
{
  g_autoptr (GHashTable) expected = sandbox_targets (fixture, zone);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_assert_cmpuint (records->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      gint64 id = (gint64) ovh_record_get_id (record);
      const char *type = g_hash_table_lookup (expected, &id);

      g_assert_nonnull (type);
      g_assert_cmpstr (type, ==, ovh_record_get_field_type (record));
      g_assert_cmpstr (ovh_record_get_zone (record), ==, zone);
      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
}

typedef struct
{
  guint n_notifies;
  guint last_loaded;
  gboolean went_backwards;
} Progress;

static void
progress_cb (OvhRecordLoader *loader, GParamSpec *pspec, Progress *progress)
{
  guint n = ovh_record_loader_get_n_loaded (loader);

  progress->n_notifies++;
  if (n < progress->last_loaded && n != 0)
    progress->went_backwards = TRUE;
  progress->last_loaded = n;
  g_assert_cmpuint (n, <=, ovh_record_loader_get_n_total (loader));
}

static GPtrArray *
load (OvhTestFixture *fixture,
      const char *zone,
      OvhRecordLoadStrategy strategy,
      OvhRecordLoadStrategy *used,
      guint64 *n_requests,
      GError **error)
{
  g_autoptr (OvhRecordLoader) loader = ovh_record_loader_new (fixture->client, zone);
  g_autoptr (GAsyncResult) result = NULL;
  guint64 before = ovh_client_get_request_count (fixture->client);
  Progress progress = { 0 };
  GPtrArray *records;

  ovh_record_loader_set_strategy (loader, strategy);
  ovh_record_loader_set_page_size (loader, PAGE_SIZE);
  g_signal_connect (loader, "notify::n-loaded", G_CALLBACK (progress_cb), &progress);
  ovh_record_loader_load_async (loader, NULL, ovh_test_store_result, &result);
  records = ovh_record_loader_load_finish (loader, ovh_test_wait_result (&result), error);

  if (used != NULL)
    *used = ovh_record_loader_get_used_strategy (loader);
  if (n_requests != NULL)
    *n_requests = ovh_client_get_request_count (fixture->client) - before;
  if (records != NULL)
    {
      g_assert_false (progress.went_backwards);
      g_assert_cmpuint (progress.n_notifies, >, 0);
      g_assert_cmpuint (ovh_record_loader_get_n_loaded (loader), ==, records->len);
    }
  g_signal_handlers_disconnect_by_func (loader, progress_cb, &progress);
  return records;
}

static void
test_expanded (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  OvhRecordLoadStrategy used;
  guint64 n_requests;

  setup_zones (fixture);
  records = load (fixture, BIG_ZONE, OVH_RECORD_LOAD_STRATEGY_EXPANDED, &used, &n_requests, &error);
  g_assert_no_error (error);
  assert_same_records (fixture, BIG_ZONE, records);
  g_assert_cmpint (used, ==, OVH_RECORD_LOAD_STRATEGY_EXPANDED);

  /* 1234 records, 500 a page: three pages, nothing else. */
  g_assert_cmpuint (n_requests, ==, 3);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 3);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/" BIG_ZONE "/record"),
      ==, 3);
  /* A forced strategy is not remembered. */
  g_assert_cmpint (ovh_record_loader_lookup_remembered (ovh_client_get_base_url (fixture->client)),
                   ==, OVH_RECORD_LOAD_STRATEGY_AUTO);
}

/* The default page: a 10,000-record zone in two requests, the second sent while the first
 * page is read. */
static void
test_expanded_default_pages (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordLoader) loader = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;

  setup_zones (fixture);
  ovh_sandbox_add_generated_zone (fixture->sandbox, "ten-thousand.test", 10000);
  loader = ovh_record_loader_new (fixture->client, "ten-thousand.test");
  ovh_record_loader_load_async (loader, NULL, ovh_test_store_result, &result);
  records = ovh_record_loader_load_finish (loader, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 10000);
  g_assert_cmpint (ovh_record_loader_get_used_strategy (loader), ==,
                   OVH_RECORD_LOAD_STRATEGY_EXPANDED);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 2);
  g_assert_cmpuint (ovh_record_loader_get_n_loaded (loader), ==, 10000);
  g_assert_cmpuint (ovh_record_loader_get_n_total (loader), ==, 10000);
}

static void
test_batch (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  OvhRecordLoadStrategy used;
  guint64 n_requests;

  setup_zones (fixture);
  records = load (fixture, BIG_ZONE, OVH_RECORD_LOAD_STRATEGY_BATCH, &used, &n_requests, &error);
  g_assert_no_error (error);
  assert_same_records (fixture, BIG_ZONE, records);
  g_assert_cmpint (used, ==, OVH_RECORD_LOAD_STRATEGY_BATCH);

  /* The id list, then ⌈1234 / 50⌉ = 25 batches. */
  g_assert_cmpuint (n_requests, ==, 1 + 25);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/" BIG_ZONE "/record"),
      ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET",
                                                   "/domain/zone/" BIG_ZONE "/record/*,*"),
                    ==, 25);
}

static void
test_per_id (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  OvhRecordLoadStrategy used;
  guint64 n_requests;

  setup_zones (fixture);
  records = load (fixture, SMALL_ZONE, OVH_RECORD_LOAD_STRATEGY_PER_ID, &used, &n_requests, &error);
  g_assert_no_error (error);
  assert_same_records (fixture, SMALL_ZONE, records);
  g_assert_cmpint (used, ==, OVH_RECORD_LOAD_STRATEGY_PER_ID);
  g_assert_cmpuint (n_requests, ==, 1 + SMALL_SIZE);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET",
                                                   "/domain/zone/" SMALL_ZONE "/record/*"),
                    ==, SMALL_SIZE);
}

/* Expanded lists off: the id list that came back feeds batches at once, and batch is
 * remembered for this endpoint. */
static void
test_auto_falls_back_to_batch (OvhTestFixture *fixture, gconstpointer data)
{
  const char *base_url = ovh_client_get_base_url (fixture->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) again = NULL;
  OvhRecordLoadStrategy used;
  guint64 n_requests;

  setup_zones (fixture);
  ovh_sandbox_set_expanded_lists (fixture->sandbox, FALSE);
  records = load (fixture, BIG_ZONE, OVH_RECORD_LOAD_STRATEGY_AUTO, &used, &n_requests, &error);
  g_assert_no_error (error);
  assert_same_records (fixture, BIG_ZONE, records);
  g_assert_cmpint (used, ==, OVH_RECORD_LOAD_STRATEGY_BATCH);
  /* The expanded probe answered ids: no second listing. */
  g_assert_cmpuint (n_requests, ==, 1 + 25);
  g_assert_cmpint (ovh_record_loader_lookup_remembered (base_url), ==,
                   OVH_RECORD_LOAD_STRATEGY_BATCH);

  /* Remembered: even with expanded lists back on, batch is what this endpoint gets. */
  ovh_sandbox_set_expanded_lists (fixture->sandbox, TRUE);
  again = load (fixture, BIG_ZONE, OVH_RECORD_LOAD_STRATEGY_AUTO, &used, &n_requests, &error);
  g_assert_no_error (error);
  assert_same_records (fixture, BIG_ZONE, again);
  g_assert_cmpint (used, ==, OVH_RECORD_LOAD_STRATEGY_BATCH);
  g_assert_cmpuint (n_requests, ==, 1 + 25);
}

static void
test_auto_falls_back_to_per_id (OvhTestFixture *fixture, gconstpointer data)
{
  const char *base_url = ovh_client_get_base_url (fixture->client);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  OvhRecordLoadStrategy used;
  guint64 n_requests;

  setup_zones (fixture);
  ovh_sandbox_set_expanded_lists (fixture->sandbox, FALSE);
  ovh_sandbox_set_batch (fixture->sandbox, FALSE);
  records = load (fixture, SMALL_ZONE, OVH_RECORD_LOAD_STRATEGY_AUTO, &used, &n_requests, &error);
  g_assert_no_error (error);
  assert_same_records (fixture, SMALL_ZONE, records);
  g_assert_cmpint (used, ==, OVH_RECORD_LOAD_STRATEGY_PER_ID);
  /* Listing, one refused batch probe, then one GET a record. */
  g_assert_cmpuint (n_requests, ==, 1 + 1 + SMALL_SIZE);
  g_assert_cmpint (ovh_record_loader_lookup_remembered (base_url), ==,
                   OVH_RECORD_LOAD_STRATEGY_PER_ID);
}

static void
test_forced_unsupported_fails (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;

  setup_zones (fixture);
  ovh_sandbox_set_expanded_lists (fixture->sandbox, FALSE);
  records = load (fixture, SMALL_ZONE, OVH_RECORD_LOAD_STRATEGY_EXPANDED, NULL, NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (records);
  g_clear_error (&error);

  ovh_sandbox_set_batch (fixture->sandbox, FALSE);
  records = load (fixture, SMALL_ZONE, OVH_RECORD_LOAD_STRATEGY_BATCH, NULL, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (records);
}

static void
test_malformed_answer (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;

  setup_zones (fixture);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" SMALL_ZONE "/record",
                            OVH_SANDBOX_FAULT_MALFORMED, 0);
  records = load (fixture, SMALL_ZONE, OVH_RECORD_LOAD_STRATEGY_AUTO, NULL, NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (records);
  g_clear_error (&error);

  /* A page that breaks mid-way fails the load rather than giving a partial zone. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" BIG_ZONE "/record/*",
                            OVH_SANDBOX_FAULT_MALFORMED, 1);
  records = load (fixture, BIG_ZONE, OVH_RECORD_LOAD_STRATEGY_BATCH, NULL, NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (records);
}

/* A server error on one record fails the load: a partial zone would look complete. */
static void
test_server_error_fails (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GHashTable) expected = NULL;
  g_autofree char *glob = NULL;
  GHashTableIter iter;
  gint64 *some_id = NULL;

  setup_zones (fixture);
  expected = sandbox_targets (fixture, SMALL_ZONE);
  g_hash_table_iter_init (&iter, expected);
  g_assert_true (g_hash_table_iter_next (&iter, (gpointer *) &some_id, NULL));

  /* The sandbox answers 404 for it, as if it had just been deleted. */
  glob = g_strdup_printf ("/domain/zone/" SMALL_ZONE "/record/%" G_GINT64_FORMAT, *some_id);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", glob, OVH_SANDBOX_FAULT_HTTP_500, 0);
  records = load (fixture, SMALL_ZONE, OVH_RECORD_LOAD_STRATEGY_PER_ID, NULL, NULL, &error);
  /* A 500 is not a 404: the load fails, with the server's error. */
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_null (records);
}

static void
test_cancel (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordLoader) loader = ovh_record_loader_new (fixture->client, BIG_ZONE);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;

  setup_zones (fixture);
  ovh_sandbox_set_latency_ms (fixture->sandbox, 20);
  ovh_record_loader_set_strategy (loader, OVH_RECORD_LOAD_STRATEGY_BATCH);
  ovh_record_loader_load_async (loader, cancellable, ovh_test_store_result, &result);
  /* Let a few batches through, then stop. */
  while (ovh_record_loader_get_n_loaded (loader) < 100)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  records = ovh_record_loader_load_finish (loader, ovh_test_wait_result (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (records);
  g_assert_cmpuint (ovh_record_loader_get_n_loaded (loader), <, BIG_SIZE);
}

/* A server of one record that announces whatever total it is told to, and counts the pages
 * asked of it. */
typedef struct
{
  SoupServer *server;
  const char *total;
  guint n_pages_asked;
} LyingServer;

static void
lying_server_cb (SoupServer *server,
                 SoupServerMessage *message,
                 const char *path,
                 GHashTable *query,
                 gpointer user_data)
{
  LyingServer *lying = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autofree char *body = NULL;

  if (g_str_equal (path, "/1.0/auth/time"))
    body = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);
  else if (g_str_equal (path, "/1.0/domain/zone/lie.test/record"))
    {
      lying->n_pages_asked++;
      soup_message_headers_replace (headers, "X-Pagination-Elements", lying->total);
      body = g_strdup ("[{\"id\":1,\"zone\":\"lie.test\",\"subDomain\":\"www\","
                       "\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"ttl\":0}]");
    }
  else
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static void
test_lying_total (void)
{
  /* Past 32 bits, absurdly many, beyond 64 bits, and more than a short first page holds. */
  const char *lies[] = { "4294967295", "1000000000", "99999999999999999999999", "2", "0" };
  LyingServer lying = { soup_server_new (NULL, NULL) };
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *base_url = NULL;

  ovh_record_loader_forget_all ();
  soup_server_add_handler (lying.server, NULL, lying_server_cb, &lying, NULL);
  soup_server_listen_local (lying.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (lying.server);
  uri = g_uri_to_string (uris->data);
  base_url = g_strconcat (uri, g_str_has_suffix (uri, "/") ? "" : "/", "1.0", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (lies); i++)
    {
      g_autoptr (OvhClient) client = ovh_client_new (base_url, "ak", "as", "ck");
      g_autoptr (OvhRecordLoader) loader = ovh_record_loader_new (client, "lie.test");
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GPtrArray) records = NULL;

      lying.total = lies[i];
      lying.n_pages_asked = 0;
      ovh_record_loader_set_strategy (loader, OVH_RECORD_LOAD_STRATEGY_EXPANDED);
      ovh_record_loader_set_page_size (loader, PAGE_SIZE);
      ovh_record_loader_load_async (loader, NULL, ovh_test_store_result, &result);
      records = ovh_record_loader_load_finish (loader, ovh_test_wait_result (&result), &error);
      g_test_message ("total %s: %s", lies[i], error != NULL ? error->message : "accepted");
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_assert_null (records);
      g_assert_cmpuint (lying.n_pages_asked, ==, 1);
      g_clear_error (&error);
    }

  /* The truth still loads. */
  {
    g_autoptr (OvhClient) client = ovh_client_new (base_url, "ak", "as", "ck");
    g_autoptr (OvhRecordLoader) loader = ovh_record_loader_new (client, "lie.test");
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GPtrArray) records = NULL;

    lying.total = "1";
    ovh_record_loader_set_strategy (loader, OVH_RECORD_LOAD_STRATEGY_EXPANDED);
    ovh_record_loader_load_async (loader, NULL, ovh_test_store_result, &result);
    records = ovh_record_loader_load_finish (loader, ovh_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 1);
  }

  soup_server_disconnect (lying.server);
  g_object_unref (lying.server);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/record-loader/expanded", test_expanded);
  ovh_test_add ("/record-loader/expanded-default-pages", test_expanded_default_pages);
  ovh_test_add ("/record-loader/batch", test_batch);
  ovh_test_add ("/record-loader/per-id", test_per_id);
  ovh_test_add ("/record-loader/auto/falls-back-to-batch", test_auto_falls_back_to_batch);
  ovh_test_add ("/record-loader/auto/falls-back-to-per-id", test_auto_falls_back_to_per_id);
  ovh_test_add ("/record-loader/forced-unsupported-fails", test_forced_unsupported_fails);
  ovh_test_add ("/record-loader/malformed-answer", test_malformed_answer);
  ovh_test_add ("/record-loader/server-error", test_server_error_fails);
  ovh_test_add ("/record-loader/cancel", test_cancel);
  g_test_add_func ("/record-loader/lying-total", test_lying_total);

  return g_test_run ();
}
