/* test-zone.c: OvhZone against the in-process sandbox: info, SOA, records, the disk cache
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ovh-record-cache.h"
#include "ovh-record-loader.h"
#include "ovh-zone-private.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"
#define BIG_ZONE "big.test"
#define BIG_SIZE 2500

typedef struct
{
  char *cache_dir;
} CacheDir;

static char *
make_cache_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("domaine-zone-cache-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_cache_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
prepare (OvhTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = NULL;

  ovh_record_loader_forget_all ();
  /* The clock offset first, so the counts below are the zone's alone. */
  me = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  ovh_sandbox_reset_request_log (fixture->sandbox);
}

static OvhZone *
new_zone (OvhTestFixture *fixture, const char *name, const char *cache_dir)
{
  OvhZone *zone = ovh_zone_new (fixture->client, name);

  ovh_zone_set_cache_dir (zone, cache_dir);
  return zone;
}

static gboolean
load_zone (OvhZone *zone, OvhZoneLoadFlags flags, guint64 *n_requests, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  OvhClient *client = ovh_zone_get_client (zone);
  guint64 before = ovh_client_get_request_count (client);
  gboolean ok;

  ovh_zone_load_async (zone, flags, NULL, ovh_test_store_result, &result);
  ok = ovh_zone_load_finish (zone, ovh_test_wait_result (&result), error);
  if (n_requests != NULL)
    *n_requests = ovh_client_get_request_count (client) - before;
  return ok;
}

static guint
sandbox_n_records (OvhTestFixture *fixture, const char *zone)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, zone);
  g_autoptr (JsonNode) root = json_from_string (json, NULL);

  g_assert_nonnull (root);
  return json_array_get_length (json_node_get_array (root));
}

typedef struct
{
  GArray *states;
  guint n_loaded_notifies;
  gboolean loaded_above_total;
} Watch;

static void
state_cb (OvhZone *zone, GParamSpec *pspec, Watch *watch)
{
  OvhZoneLoadState state = ovh_zone_get_load_state (zone);
  g_array_append_val (watch->states, state);
}

static void
loaded_cb (OvhZone *zone, GParamSpec *pspec, Watch *watch)
{
  watch->n_loaded_notifies++;
  if (ovh_zone_get_n_loaded (zone) > ovh_zone_get_n_total (zone))
    watch->loaded_above_total = TRUE;
}

static void
test_load (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) first = NULL;
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (OvhZoneLoadState)) };
  GListModel *records;
  guint position;

  prepare (fixture);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_cmpint (ovh_zone_get_load_state (zone), ==, OVH_ZONE_LOAD_STATE_EMPTY);
  records = ovh_zone_get_records (zone);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 0);
  g_signal_connect (zone, "notify::load-state", G_CALLBACK (state_cb), &watch);
  g_signal_connect (zone, "notify::n-loaded", G_CALLBACK (loaded_cb), &watch);

  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  /* LOADING, then LOADED; progress was told and never overshot. */
  g_assert_cmpuint (watch.states->len, ==, 2);
  g_assert_cmpint (g_array_index (watch.states, OvhZoneLoadState, 0), ==,
                   OVH_ZONE_LOAD_STATE_LOADING);
  g_assert_cmpint (g_array_index (watch.states, OvhZoneLoadState, 1), ==,
                   OVH_ZONE_LOAD_STATE_LOADED);
  g_assert_cmpuint (watch.n_loaded_notifies, >, 0);
  g_assert_false (watch.loaded_above_total);

  /* The same model object, now full. */
  g_assert_true (ovh_zone_get_records (zone) == records);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, sandbox_n_records (fixture, ZONE));
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, g_list_model_get_n_items (records));
  g_assert_cmpuint (ovh_zone_get_n_loaded (zone), ==, ovh_zone_get_n_records (zone));

  /* SOA and info. */
  g_assert_cmpuint (ovh_zone_get_serial (zone), ==,
                    ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE));
  g_assert_cmpuint (ovh_zone_get_default_ttl (zone), >, 0);
  g_assert_nonnull (ovh_zone_get_name_servers (zone));
  g_assert_cmpuint (g_strv_length ((char **) ovh_zone_get_name_servers (zone)), >, 0);
  g_assert_nonnull (ovh_zone_get_last_update (zone));
  g_assert_false (ovh_zone_get_from_cache (zone));
  g_assert_cmpint (ovh_zone_get_strategy (zone), ==, OVH_RECORD_LOAD_STRATEGY_EXPANDED);

  /* Lookup by id, and the row it sits in. */
  first = g_list_model_get_item (records, 3);
  g_assert_true (ovh_zone_find_record_by_id (zone, ovh_record_get_id (first)) == first);
  g_assert_true (ovh_zone_find_position_by_id (zone, ovh_record_get_id (first), &position));
  g_assert_cmpuint (position, ==, 3);
  g_assert_null (ovh_zone_find_record_by_id (zone, 999999999));
  g_assert_false (ovh_zone_find_position_by_id (zone, 999999999, NULL));

  g_signal_handlers_disconnect_by_data (zone, &watch);
  g_array_unref (watch.states);
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

static GBytes *
read_file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

static GBytes *
read_cache_file (OvhTestFixture *fixture, const char *cache_dir, const char *zone)
{
  g_autofree char *path = ovh_record_cache_dup_path (
      cache_dir, ovh_client_get_base_url (fixture->client), OVH_SANDBOX_APPLICATION_KEY, zone);

  return read_file_bytes (path);
}

/* Bytes, not C strings: the cache is a binary file. */
static gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static void
test_cache (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZone) reopened = NULL;
  g_autoptr (GError) error = NULL;
  guint64 n_requests;

  prepare (fixture);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, &n_requests, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_zone_get_from_cache (zone));
  g_assert_cmpuint (n_requests, >=, 3); /* SOA, info, records */

  /* Written, and nothing secret in it: not the AS, not the CK, not even the AK. */
  contents = read_cache_file (fixture, cache_dir, ZONE);
  g_assert_nonnull (contents);
  g_assert_true (bytes_contain (contents, ZONE));
  g_assert_false (bytes_contain (contents, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_false (bytes_contain (contents, OVH_SANDBOX_CONSUMER_KEY));
  g_assert_false (bytes_contain (contents, OVH_SANDBOX_APPLICATION_KEY));

  /* An unchanged zone reopens in exactly one request: its SOA. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  reopened = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (reopened, OVH_ZONE_LOAD_DEFAULT, &n_requests, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_zone_get_from_cache (reopened));
  g_assert_cmpuint (n_requests, ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/" ZONE "/soa"), ==, 1);

  /* The same records, ids, order and content; and the same info. */
  g_assert_cmpuint (ovh_zone_get_n_records (reopened), ==, ovh_zone_get_n_records (zone));
  for (guint i = 0; i < ovh_zone_get_n_records (zone); i++)
    {
      g_autoptr (OvhRecord) a = g_list_model_get_item (ovh_zone_get_records (zone), i);
      g_autoptr (OvhRecord) b = g_list_model_get_item (ovh_zone_get_records (reopened), i);

      g_assert_true (ovh_record_equal (a, b));
    }
  g_assert_cmpstrv (ovh_zone_get_name_servers (reopened), ovh_zone_get_name_servers (zone));
  g_assert_cmpuint (ovh_zone_get_default_ttl (reopened), ==, ovh_zone_get_default_ttl (zone));

  /* Reload goes to the network whatever the cache says. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  {
    g_autoptr (GAsyncResult) result = NULL;

    ovh_zone_reload_async (reopened, NULL, ovh_test_store_result, &result);
    g_assert_true (ovh_zone_reload_finish (reopened, ovh_test_wait_result (&result), &error));
    g_assert_no_error (error);
    g_assert_false (ovh_zone_get_from_cache (reopened));
    g_assert_cmpuint (
        ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/" ZONE "/record"), >=,
        1);
  }

  g_assert_finalize_object (g_steal_pointer (&zone));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  remove_cache_dir (cache_dir);
}

/* A new serial (after a refresh) means the cache is stale: everything is read again. */
static void
test_cache_serial_changed (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZone) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  guint old_serial;
  guint64 n_requests;

  prepare (fixture);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  old_serial = ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE);

  answer = ovh_test_call (fixture->client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE), !=, old_serial);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  reopened = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (reopened, OVH_ZONE_LOAD_DEFAULT, &n_requests, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_zone_get_from_cache (reopened));
  g_assert_cmpuint (n_requests, >, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/" ZONE "/record"), >=,
      1);
  g_assert_cmpuint (ovh_zone_get_serial (reopened), ==,
                    ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE));

  g_assert_finalize_object (g_steal_pointer (&zone));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  remove_cache_dir (cache_dir);
}

static void
test_cache_corrupt (OvhTestFixture *fixture, gconstpointer data)
{
  static const char *const corruptions[] = {
    "not json at all {{{",
    "[]",
    "{\"format\":1,\"zone\":\"" ZONE "\",\"serial\":\"many\",\"records\":[]}",
    "{\"format\":1,\"zone\":\"" ZONE "\",\"serial\":1,\"records\":[{\"id\":\"x\"}]}",
    "",
  };
  g_autofree char *cache_dir = make_cache_dir ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  path = ovh_record_cache_dup_path (cache_dir, ovh_client_get_base_url (fixture->client),
                                    OVH_SANDBOX_APPLICATION_KEY, ZONE);

  for (guint i = 0; i < G_N_ELEMENTS (corruptions); i++)
    {
      g_autoptr (OvhZone) zone = NULL;
      g_autoptr (GBytes) rewritten = NULL;
      g_autoptr (OvhRecordCacheEntry) good = NULL;

      g_assert_true (g_file_set_contents (path, corruptions[i], -1, &error));
      g_assert_no_error (error);

      zone = new_zone (fixture, ZONE, cache_dir);
      g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (ovh_zone_get_from_cache (zone));
      g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, sandbox_n_records (fixture, ZONE));

      /* …and replaced by a good one. */
      rewritten = read_file_bytes (path);
      g_assert_nonnull (rewritten);
      good = ovh_record_cache_entry_parse_bytes (rewritten, ZONE, NULL);
      g_assert_nonnull (good);
      g_assert_finalize_object (g_steal_pointer (&zone));
    }

  /* The same survives a cache of another zone renamed into place. */
  {
    g_autoptr (OvhRecordCacheEntry) other = ovh_record_cache_entry_new ("other.example");
    g_autoptr (GBytes) bytes = ovh_record_cache_entry_serialize (other);
    g_autoptr (OvhRecordCacheEntry) parsed = NULL;

    parsed = ovh_record_cache_entry_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           ZONE, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    g_assert_null (parsed);
  }

  remove_cache_dir (cache_dir);
}

/* A cache edited on disk is not believed: each edit below makes the next open a full load. */
typedef enum
{
  EDIT_CNAME_AT_APEX,
  EDIT_CNAME_BESIDE_A,
  EDIT_BAD_TARGET,
  EDIT_BAD_NAME,
  EDIT_DUPLICATE_ID,
  EDIT_TRUNCATED,
  N_EDITS
} CacheEdit;

static GBytes *
edit_cache (GBytes *contents, CacheEdit edit)
{
  g_autoptr (OvhRecordCacheEntry) entry = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  OvhRecord *first, *record = NULL;

  if (edit == EDIT_TRUNCATED)
    return g_bytes_new_from_bytes (contents, 0, g_bytes_get_size (contents) / 2);
  /* The syntax of the data is not checked again on reading (OVH's records are cached whatever
   * it is): a target edited in the file itself is told by the file's checksum. */
  if (edit == EDIT_BAD_TARGET)
    {
      gsize length = g_bytes_get_size (contents);
      guint8 *edited = g_memdup2 (g_bytes_get_data (contents, NULL), length);

      /* The file ends with the last record's target. */
      edited[length - 1] = edited[length - 1] == 'x' ? 'y' : 'x';
      return g_bytes_new_take (edited, length);
    }

  entry = ovh_record_cache_entry_parse_bytes (contents, ZONE, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (entry->records, 0);
  switch (edit)
    {
    case EDIT_CNAME_AT_APEX:
      record = ovh_record_new (ZONE, "", "CNAME", "elsewhere.example.", 0);
      break;
    case EDIT_CNAME_BESIDE_A:
      record = ovh_record_new (ZONE, "cached-twice", "A", "192.0.2.7", 0);
      ovh_record_set_id (record, 990001);
      g_ptr_array_add (entry->records, record);
      record = ovh_record_new (ZONE, "Cached-Twice", "CNAME", "elsewhere.example.", 0);
      break;
    case EDIT_BAD_NAME:
      record = ovh_record_new (ZONE, "../../x", "A", "192.0.2.8", 0);
      break;
    case EDIT_DUPLICATE_ID:
      record = ovh_record_new (ZONE, "again", "A", "192.0.2.9", 0);
      ovh_record_set_id (record, ovh_record_get_id (first));
      break;
    case EDIT_BAD_TARGET:
    case EDIT_TRUNCATED:
    case N_EDITS:
      g_assert_not_reached ();
    }
  if (ovh_record_get_id (record) == 0)
    ovh_record_set_id (record, 990000 + edit);
  g_ptr_array_add (entry->records, record);

  /* Written as Domaine writes a cache, so only the check can tell. */
  g_assert_false (ovh_record_cache_entry_check (entry, NULL));
  bytes = ovh_record_cache_entry_serialize (entry);
  return g_steal_pointer (&bytes);
}

static void
test_cache_edited (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autofree char *path = NULL;
  g_autoptr (GBytes) good = NULL;
  g_autoptr (OvhZone) first = NULL;
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  first = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (first, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  path = ovh_record_cache_dup_path (cache_dir, ovh_client_get_base_url (fixture->client),
                                    OVH_SANDBOX_APPLICATION_KEY, ZONE);
  good = read_file_bytes (path);
  g_assert_nonnull (good);

  for (CacheEdit edit = 0; edit < N_EDITS; edit++)
    {
      g_autoptr (GBytes) edited = edit_cache (good, edit);
      g_autoptr (GBytes) rewritten = NULL;
      g_autoptr (OvhZone) zone = NULL;
      g_autoptr (OvhRecordCacheEntry) parsed = NULL;

      parsed = ovh_record_cache_entry_parse_bytes (edited, ZONE, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_null (parsed);
      g_clear_error (&error);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (edited, NULL),
                                          (gssize) g_bytes_get_size (edited), &error));
      g_assert_no_error (error);
      zone = new_zone (fixture, ZONE, cache_dir);
      g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
      g_assert_no_error (error);
      g_assert_false (ovh_zone_get_from_cache (zone));
      g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, sandbox_n_records (fixture, ZONE));
      for (guint i = 0; i < ovh_zone_get_n_records (zone); i++)
        {
          g_autoptr (OvhRecord) record = g_list_model_get_item (ovh_zone_get_records (zone), i);
          guint64 id = ovh_record_get_id (record);

          g_assert_false (id >= 990000 && id < 990000 + N_EDITS + 1);
        }

      /* …and the file is good again. */
      rewritten = read_file_bytes (path);
      g_assert_nonnull (rewritten);
      g_assert_true (g_bytes_equal (rewritten, good));
      g_assert_finalize_object (g_steal_pointer (&zone));
    }

  g_assert_finalize_object (g_steal_pointer (&first));
  remove_cache_dir (cache_dir);
}

/* Cache entries round trip, including awkward text (quotes, backslashes, control bytes). */
static void
test_cache_round_trip (void)
{
  g_autoptr (OvhRecordCacheEntry) entry = ovh_record_cache_entry_new ("example.com");
  g_autoptr (OvhRecordCacheEntry) parsed = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  OvhRecord *record;

  entry->serial = 2024010101;
  entry->strategy = OVH_RECORD_LOAD_STRATEGY_BATCH;
  record = ovh_record_new ("example.com", "", "TXT", "v=spf1 \"quoted\" \\ back é", 0);
  ovh_record_set_id (record, 42);
  g_ptr_array_add (entry->records, record);
  record = ovh_record_new ("example.com", "www", "A", "192.0.2.1", 3600);
  ovh_record_set_id (record, 43);
  g_ptr_array_add (entry->records, record);

  /* Nothing at all is no cache, not a crash (an empty GBytes may hold no pointer). */
  {
    g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr (GError) empty_error = NULL;

    g_assert_null (ovh_record_cache_entry_parse_bytes (empty, "example.com", &empty_error));
    g_assert_nonnull (empty_error);
  }

  bytes = ovh_record_cache_entry_serialize (entry);
  parsed = ovh_record_cache_entry_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->serial, ==, 2024010101);
  g_assert_cmpint (parsed->strategy, ==, OVH_RECORD_LOAD_STRATEGY_BATCH);
  g_assert_cmpuint (parsed->records->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_true (ovh_record_equal (g_ptr_array_index (entry->records, i),
                                     g_ptr_array_index (parsed->records, i)));

  /* A target whose syntax Domaine would refuse from a user, as OVH may hold one, reads back:
   * the zone is cached like any other. */
  g_clear_pointer (&parsed, ovh_record_cache_entry_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  record = ovh_record_new ("example.com", "www2", "A", "not an address", 0);
  ovh_record_set_id (record, 45);
  g_ptr_array_add (entry->records, record);
  g_assert_false (ovh_record_cache_entry_check (entry, NULL));
  bytes = ovh_record_cache_entry_serialize (entry);
  parsed = ovh_record_cache_entry_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->records->len, ==, 3);
  g_assert_true (ovh_record_equal (record, g_ptr_array_index (parsed->records, 2)));

  /* Two aliases of one name (in another case) are refused as a CNAME beside an A record. */
  {
    g_autoptr (OvhRecordCacheEntry) aliases = ovh_record_cache_entry_new ("example.com");
    g_autoptr (OvhRecordCacheEntry) aliases_parsed = NULL;
    g_autoptr (GBytes) aliases_bytes = NULL;
    g_autoptr (GError) aliases_error = NULL;

    record = ovh_record_new ("example.com", "alias", "CNAME", "a.example.net.", 0);
    ovh_record_set_id (record, 50);
    g_ptr_array_add (aliases->records, record);
    record = ovh_record_new ("example.com", "other", "CNAME", "b.example.net.", 0);
    ovh_record_set_id (record, 51);
    g_ptr_array_add (aliases->records, record);
    aliases_bytes = ovh_record_cache_entry_serialize (aliases);
    aliases_parsed = ovh_record_cache_entry_parse_bytes (aliases_bytes, "example.com", NULL);
    g_assert_nonnull (aliases_parsed);
    g_clear_pointer (&aliases_bytes, g_bytes_unref);

    record = ovh_record_new ("example.com", "ALIAS", "CNAME", "c.example.net.", 0);
    ovh_record_set_id (record, 52);
    g_ptr_array_add (aliases->records, record);
    aliases_bytes = ovh_record_cache_entry_serialize (aliases);
    g_assert_null (
        ovh_record_cache_entry_parse_bytes (aliases_bytes, "example.com", &aliases_error));
    g_assert_error (aliases_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  /* Control bytes are written as they are, but such a record is refused as a typed one would
   * be: the zone is not cached at all. */
  g_clear_pointer (&parsed, ovh_record_cache_entry_free);
  g_clear_pointer (&bytes, g_bytes_unref);
  record = ovh_record_new ("example.com", "tab", "TXT", "back\ttab\x01", 0);
  ovh_record_set_id (record, 44);
  g_ptr_array_add (entry->records, record);
  g_assert_false (ovh_record_cache_entry_check (entry, NULL));
  bytes = ovh_record_cache_entry_serialize (entry);
  g_assert_true (bytes_contain (bytes, "back\ttab\x01"));
  parsed = ovh_record_cache_entry_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         "example.com", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (parsed);
}

static void
test_cache_path (void)
{
  g_autofree char *a
      = ovh_record_cache_dup_path (NULL, "https://eu.api.ovh.com/1.0", "AK1", "example.com");
  g_autofree char *b
      = ovh_record_cache_dup_path (NULL, "https://eu.api.ovh.com/1.0", "AK2", "example.com");
  g_autofree char *c
      = ovh_record_cache_dup_path (NULL, "https://ca.api.ovh.com/1.0", "AK1", "example.com");
  g_autofree char *expected_dir
      = g_build_filename (g_get_user_cache_dir (), "domaine", "zones", NULL);
  g_autofree char *dir = g_path_get_dirname (a);

  g_assert_cmpstr (dir, ==, expected_dir);
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_null (strstr (a, "AK1"));
  g_assert_null (strstr (a, "example.com"));
  g_assert_true (g_str_has_suffix (a, ".zone-cache"));
}

static void
test_not_found (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  zone = new_zone (fixture, "nowhere.example", cache_dir);
  g_assert_false (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_assert_cmpint (ovh_zone_get_load_state (zone), ==, OVH_ZONE_LOAD_STATE_FAILED);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

static void
test_malformed_soa (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" ZONE "/soa",
                            OVH_SANDBOX_FAULT_MALFORMED, 1);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_false (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_cmpint (ovh_zone_get_load_state (zone), ==, OVH_ZONE_LOAD_STATE_FAILED);
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

/* The cache is read while the SOA is asked for: an SOA that fails is the load's failure, and a
 * cache read meanwhile answers nothing. */
static void
test_cache_soa_fails (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZone) reopened = NULL;
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" ZONE "/soa",
                            OVH_SANDBOX_FAULT_MALFORMED, 1);
  reopened = new_zone (fixture, ZONE, cache_dir);
  g_assert_false (load_zone (reopened, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_cmpint (ovh_zone_get_load_state (reopened), ==, OVH_ZONE_LOAD_STATE_FAILED);
  g_assert_cmpuint (ovh_zone_get_n_records (reopened), ==, 0);
  g_assert_false (ovh_zone_get_from_cache (reopened));
  g_clear_error (&error);

  /* The next open answers from the cache again. */
  g_assert_true (load_zone (reopened, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_zone_get_from_cache (reopened));
  g_assert_cmpuint (ovh_zone_get_n_records (reopened), ==, ovh_zone_get_n_records (zone));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

/* Cancelling a reload keeps the records already shown. */
static void
test_cancel_keeps_records (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  guint n;

  prepare (fixture);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  n = ovh_zone_get_n_records (zone);
  g_assert_cmpuint (n, >, 0);

  ovh_sandbox_set_latency_ms (fixture->sandbox, 50);
  ovh_zone_reload_async (zone, cancellable, ovh_test_store_result, &result);
  g_assert_cmpint (ovh_zone_get_load_state (zone), ==, OVH_ZONE_LOAD_STATE_LOADING);
  g_cancellable_cancel (cancellable);
  g_assert_false (ovh_zone_reload_finish (zone, ovh_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, n);
  g_assert_cmpint (ovh_zone_get_load_state (zone), ==, OVH_ZONE_LOAD_STATE_LOADED);

  g_clear_object (&result); /* the task holds the zone */
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

typedef struct
{
  guint n_signals;
  guint position, removed, added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, ItemsChanged *seen)
{
  seen->n_signals++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

/* Edits touch one row each; a load is one signal; lookups stay right after removals. */
static void
test_precise_model_edits (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;
  ItemsChanged seen = { 0 };
  GListModel *records;
  guint n;

  prepare (fixture);
  ovh_sandbox_add_generated_zone (fixture->sandbox, BIG_ZONE, BIG_SIZE);
  zone = new_zone (fixture, BIG_ZONE, cache_dir);
  records = ovh_zone_get_records (zone);
  g_signal_connect (records, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.n_signals, ==, 1);
  g_assert_cmpuint (seen.added, ==, BIG_SIZE);
  n = ovh_zone_get_n_records (zone);

  /* Replace row 10. */
  {
    g_autoptr (OvhRecord) old = g_list_model_get_item (records, 10);
    g_autoptr (OvhRecord) replacement = ovh_record_dup (old);

    ovh_record_set_ttl (replacement, 1234);
    seen.n_signals = 0;
    g_assert_true (ovh_zone_replace_record (zone, replacement));
    g_assert_cmpuint (seen.n_signals, ==, 1);
    g_assert_cmpuint (seen.position, ==, 10);
    g_assert_cmpuint (seen.removed, ==, 1);
    g_assert_cmpuint (seen.added, ==, 1);
    g_assert_true (ovh_zone_find_record_by_id (zone, ovh_record_get_id (old)) == replacement);
  }

  /* Remove row 5: later rows move up and are still found at their new place. */
  {
    g_autoptr (OvhRecord) gone = g_list_model_get_item (records, 5);
    g_autoptr (OvhRecord) later = g_list_model_get_item (records, 2000);
    guint position;

    seen.n_signals = 0;
    g_assert_true (ovh_zone_remove_record (zone, ovh_record_get_id (gone)));
    g_assert_cmpuint (seen.n_signals, ==, 1);
    g_assert_cmpuint (seen.position, ==, 5);
    g_assert_cmpuint (seen.removed, ==, 1);
    g_assert_cmpuint (seen.added, ==, 0);
    g_assert_null (ovh_zone_find_record_by_id (zone, ovh_record_get_id (gone)));
    g_assert_true (ovh_zone_find_position_by_id (zone, ovh_record_get_id (later), &position));
    g_assert_cmpuint (position, ==, 1999);
    g_assert_false (ovh_zone_remove_record (zone, ovh_record_get_id (gone)));
  }

  /* Add: one row at the end. */
  {
    g_autoptr (OvhRecord) added = ovh_record_new (BIG_ZONE, "new", "A", "192.0.2.9", 0);
    guint position;

    ovh_record_set_id (added, 987654321);
    seen.n_signals = 0;
    ovh_zone_add_record (zone, added);
    g_assert_cmpuint (seen.n_signals, ==, 1);
    g_assert_cmpuint (seen.position, ==, n - 1);
    g_assert_cmpuint (seen.added, ==, 1);
    g_assert_true (ovh_zone_find_position_by_id (zone, 987654321, &position));
    g_assert_cmpuint (position, ==, n - 1);
  }

  g_signal_handlers_disconnect_by_data (records, &seen);
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

/* 100,000 records: parsed and set in one go, in reasonable time even under sanitizers. */
static void
test_large_zone (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZone) reopened = NULL;
  g_autoptr (GError) error = NULL;
  guint64 n_requests;
  gint64 start;

  if (!g_test_slow () && GPOINTER_TO_INT (data))
    {
      g_test_skip ("100,000 records once is enough: over HTTP, or with -m slow");
      return;
    }

  prepare (fixture);
  ovh_sandbox_add_generated_zone (fixture->sandbox, BIG_ZONE, 100000);
  zone = new_zone (fixture, BIG_ZONE, cache_dir);
  start = g_get_monotonic_time ();
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, &n_requests, &error));
  g_assert_no_error (error);
  g_test_message ("100,000 records: %u requests, %.2f s", (guint) n_requests,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 100000);
  /* SOA, info and 20 pages of 5000. */
  g_assert_cmpuint (n_requests, ==, 2 + 20);

  start = g_get_monotonic_time ();
  reopened = new_zone (fixture, BIG_ZONE, cache_dir);
  g_assert_true (load_zone (reopened, OVH_ZONE_LOAD_DEFAULT, &n_requests, &error));
  g_assert_no_error (error);
  g_test_message ("100,000 records from the cache: %u request, %.2f s", (guint) n_requests,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_true (ovh_zone_get_from_cache (reopened));
  g_assert_cmpuint (n_requests, ==, 1);
  g_assert_cmpuint (ovh_zone_get_n_records (reopened), ==, 100000);

  g_assert_finalize_object (g_steal_pointer (&zone));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  remove_cache_dir (cache_dir);
}

/* What worked is written in the cache too: a new process (here: a forgotten memory) that
 * reopens the zone from the cache knows the endpoint's strategy. */
static void
test_strategy_survives_restart (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZone) reopened = NULL;
  g_autoptr (GError) error = NULL;
  const char *base_url = ovh_client_get_base_url (fixture->client);

  prepare (fixture);
  ovh_sandbox_set_expanded_lists (fixture->sandbox, FALSE);
  zone = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_zone_get_strategy (zone), ==, OVH_RECORD_LOAD_STRATEGY_BATCH);
  g_assert_cmpint (ovh_record_loader_lookup_remembered (base_url), ==,
                   OVH_RECORD_LOAD_STRATEGY_BATCH);

  ovh_record_loader_forget_all ();
  g_assert_cmpint (ovh_record_loader_lookup_remembered (base_url), ==,
                   OVH_RECORD_LOAD_STRATEGY_AUTO);
  reopened = new_zone (fixture, ZONE, cache_dir);
  g_assert_true (load_zone (reopened, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_zone_get_from_cache (reopened));
  g_assert_cmpint (ovh_zone_get_strategy (reopened), ==, OVH_RECORD_LOAD_STRATEGY_BATCH);
  g_assert_cmpint (ovh_record_loader_lookup_remembered (base_url), ==,
                   OVH_RECORD_LOAD_STRATEGY_BATCH);

  g_assert_finalize_object (g_steal_pointer (&zone));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  remove_cache_dir (cache_dir);
}

/* Progress while a big zone loads page by page: "n of total", never above the total. */
static void
test_progress (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *cache_dir = make_cache_dir ();
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (OvhZoneLoadState)) };

  prepare (fixture);
  ovh_sandbox_set_expanded_lists (fixture->sandbox, FALSE); /* batches: many steps */
  ovh_sandbox_add_generated_zone (fixture->sandbox, BIG_ZONE, BIG_SIZE);
  zone = new_zone (fixture, BIG_ZONE, cache_dir);
  g_signal_connect (zone, "notify::n-loaded", G_CALLBACK (loaded_cb), &watch);
  g_assert_true (load_zone (zone, OVH_ZONE_LOAD_DEFAULT, NULL, &error));
  g_assert_no_error (error);
  /* One step per batch of 50 at least. */
  g_assert_cmpuint (watch.n_loaded_notifies, >=, BIG_SIZE / 50);
  g_assert_false (watch.loaded_above_total);
  g_assert_cmpuint (ovh_zone_get_n_loaded (zone), ==, BIG_SIZE);
  g_assert_cmpuint (ovh_zone_get_n_total (zone), ==, BIG_SIZE);

  g_signal_handlers_disconnect_by_data (zone, &watch);
  g_array_unref (watch.states);
  g_assert_finalize_object (g_steal_pointer (&zone));
  remove_cache_dir (cache_dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zone/cache/round-trip", test_cache_round_trip);
  g_test_add_func ("/zone/cache/path", test_cache_path);
  ovh_test_add ("/zone/load", test_load);
  ovh_test_add ("/zone/cache/unchanged-is-one-request", test_cache);
  ovh_test_add ("/zone/cache/serial-changed", test_cache_serial_changed);
  ovh_test_add ("/zone/cache/corrupt-ignored", test_cache_corrupt);
  ovh_test_add ("/zone/cache/edited-ignored", test_cache_edited);
  ovh_test_add ("/zone/not-found", test_not_found);
  ovh_test_add ("/zone/malformed-soa", test_malformed_soa);
  ovh_test_add ("/zone/cache/soa-fails", test_cache_soa_fails);
  ovh_test_add ("/zone/cancel-keeps-records", test_cancel_keeps_records);
  ovh_test_add ("/zone/precise-model-edits", test_precise_model_edits);
  ovh_test_add ("/zone/large", test_large_zone);
  ovh_test_add ("/zone/cache/strategy-survives-restart", test_strategy_survives_restart);
  ovh_test_add ("/zone/progress", test_progress);

  return g_test_run ();
}
