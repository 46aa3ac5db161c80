/* test-pending-store.c: unpublished changes on disk, written and read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zone comes from the in-process sandbox (its records give the updates and deletes
 * something to point at); every test keeps its files in a fresh temporary directory.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ovh-change-private.h"
#include "ovh-changeset.h"
#include "ovh-pending-store.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"
#define ACCOUNT "6b0a43c2-8f0e-4a57-9d35-0c1f4b7e2a10"

typedef struct
{
  char *dir;
  OvhPendingStore *store;
  OvhZone *zone;
  OvhChangeset *changeset;
} Bench;

static void
bench_open (OvhTestFixture *fixture, Bench *bench)
{
  g_autoptr (GError) error = NULL;

  bench->dir = g_dir_make_tmp ("domaine-pending-store-XXXXXX", &error);
  g_assert_no_error (error);
  bench->store = ovh_pending_store_new (bench->dir);
  g_assert_cmpstr (ovh_pending_store_get_directory (bench->store), ==, bench->dir);

  bench->zone = ovh_test_load_zone (fixture, ZONE);
  bench->changeset = ovh_changeset_new (bench->zone);
}

/* Removes dir and what the store put in it (two levels: account, then zone files). */
static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) top = g_dir_open (dir, 0, NULL);
  const char *name;

  while (top != NULL && (name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
bench_close (Bench *bench)
{
  g_assert_false (ovh_pending_store_get_busy (bench->store));
  g_assert_finalize_object (g_steal_pointer (&bench->store));
  g_assert_finalize_object (g_steal_pointer (&bench->changeset));
  g_assert_finalize_object (g_steal_pointer (&bench->zone));
  remove_tree (bench->dir);
  g_clear_pointer (&bench->dir, g_free);
}

static gboolean
save (Bench *bench, OvhChangeset *changeset, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_pending_store_save_async (bench->store, ACCOUNT, changeset, NULL, ovh_test_store_result,
                                &result);
  return ovh_pending_store_save_finish (bench->store, ovh_test_wait_result (&result), error);
}

static gboolean
restore (Bench *bench, OvhChangeset *changeset, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_pending_store_restore_async (bench->store, ACCOUNT, changeset, NULL, ovh_test_store_result,
                                   &result);
  return ovh_pending_store_restore_finish (bench->store, ovh_test_wait_result (&result), error);
}

static char *
path_of (Bench *bench)
{
  char *path = ovh_pending_store_dup_path (bench->store, ACCOUNT, ZONE);

  g_assert_nonnull (path);
  return path;
}

/* The same changes in the same order, as a review list shows them. */
static void
assert_same_changes (OvhChangeset *a, OvhChangeset *b)
{
  GListModel *x = ovh_changeset_get_changes (a);
  GListModel *y = ovh_changeset_get_changes (b);

  g_assert_cmpuint (g_list_model_get_n_items (x), ==, g_list_model_get_n_items (y));
  for (guint i = 0; i < g_list_model_get_n_items (x); i++)
    {
      g_autoptr (OvhChange) cx = g_list_model_get_item (x, i);
      g_autoptr (OvhChange) cy = g_list_model_get_item (y, i);
      g_autofree char *sx = ovh_change_dup_summary (cx);
      g_autofree char *sy = ovh_change_dup_summary (cy);

      g_assert_cmpint (ovh_change_get_kind (cx), ==, ovh_change_get_kind (cy));
      g_assert_cmpuint (ovh_change_get_record_id (cx), ==, ovh_change_get_record_id (cy));
      g_assert_cmpuint (ovh_change_get_replaces_id (cx), ==, ovh_change_get_replaces_id (cy));
      g_assert_cmpint (ovh_change_get_state (cy), ==, OVH_CHANGE_STATE_PENDING);
      g_assert_cmpstr (sx, ==, sy);
    }
  g_assert_cmpint (ovh_changeset_get_needs_publish (a), ==, ovh_changeset_get_needs_publish (b));
}

static void
assert_mode (const char *path, int mode)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, mode);
}

/* Every kind of change goes to disk and comes back, type changes linked. */
static void
test_round_trip (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) api = NULL;
  g_autoptr (OvhRecord) blog = NULL;
  g_autoptr (OvhRecord) cname = NULL;
  g_autoptr (OvhChangeset) restored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *account_dir = NULL;
  g_autofree char *contents = NULL;
  guint64 blog_id, notes_id, star_id;
  GListModel *changes;
  OvhChange *create = NULL;

  bench_open (fixture, &bench);
  path = path_of (&bench);
  account_dir = g_build_filename (bench.dir, ACCOUNT, NULL);
  {
    g_autofree char *expected = g_build_filename (bench.dir, ACCOUNT, ZONE ".json", NULL);
    g_assert_cmpstr (path, ==, expected);
  }

  blog_id = ovh_record_get_id (ovh_test_find_record (bench.zone, "blog", "A"));
  notes_id = ovh_record_get_id (ovh_test_find_record (bench.zone, "notes", "TXT"));
  star_id = ovh_record_get_id (ovh_test_find_record (bench.zone, "*", "A"));
  api = ovh_record_new (ZONE, "api", "TXT", "say \"hello\" \\ é", 300);
  blog = ovh_record_new (ZONE, "blog", "A", "192.0.2.8", 0);
  cname = ovh_record_new (ZONE, "*", "CNAME", "lovelace.fr.", 0);
  g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, api, NULL));
  g_assert_nonnull (ovh_changeset_stage_update (bench.changeset, blog_id, blog, NULL));
  g_assert_nonnull (ovh_changeset_stage_delete (bench.changeset, notes_id, NULL));
  g_assert_nonnull (ovh_changeset_stage_change_type (bench.changeset, star_id, cname, NULL));
  g_assert_cmpuint (ovh_changeset_get_n_pending (bench.changeset), ==, 5);

  g_assert_true (save (&bench, bench.changeset, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_pending_store_get_busy (bench.store));

  /* Only its owner reads it, and it holds no secret. */
  assert_mode (path, 0600);
  assert_mode (account_dir, 0700);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (contents, OVH_SANDBOX_CONSUMER_KEY));
  g_assert_null (strstr (contents, OVH_SANDBOX_APPLICATION_KEY));

  /* The synchronous reader reads what the store wrote. */
  restored = ovh_changeset_new (bench.zone);
  g_assert_true (ovh_changeset_load_from_file (restored, path, &error));
  g_assert_no_error (error);
  assert_same_changes (bench.changeset, restored);
  g_clear_object (&restored);

  restored = ovh_changeset_new (bench.zone);
  g_assert_true (restore (&bench, restored, &error));
  g_assert_no_error (error);
  assert_same_changes (bench.changeset, restored);
  g_assert_nonnull (ovh_changeset_lookup (restored, blog_id));
  g_assert_nonnull (ovh_changeset_lookup (restored, notes_id));

  /* The type change came back linked: discarding its create drops its delete. */
  changes = ovh_changeset_get_changes (restored);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);
      if (ovh_change_get_replaces_id (change) == star_id)
        create = change;
    }
  g_assert_nonnull (create);
  g_assert_nonnull (ovh_changeset_lookup (restored, star_id));
  g_assert_true (ovh_changeset_discard (restored, create));
  g_assert_null (ovh_changeset_lookup (restored, star_id));
  g_assert_cmpuint (ovh_changeset_get_n_pending (restored), ==, 3);

  /* Restoring replaces what the set held, as loading a file does. */
  g_assert_true (restore (&bench, restored, &error));
  g_assert_no_error (error);
  assert_same_changes (bench.changeset, restored);

  /* A file the old synchronous writer made is restored too. */
  g_assert_true (ovh_changeset_save_to_file (restored, path, &error));
  g_assert_no_error (error);
  g_clear_object (&restored);
  restored = ovh_changeset_new (bench.zone);
  g_assert_true (restore (&bench, restored, &error));
  g_assert_no_error (error);
  assert_same_changes (bench.changeset, restored);

  g_assert_finalize_object (g_steal_pointer (&restored));
  bench_close (&bench);
}

/* Nothing pending: the file goes; nothing saved: restoring stages nothing. A change owed
 * a publish is still something to keep. */
static void
test_removal (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhChangeset) other = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  bench_open (fixture, &bench);
  path = path_of (&bench);

  /* Nothing pending and no file: nothing to do, nothing made. */
  g_assert_true (save (&bench, bench.changeset, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  record = ovh_record_new (ZONE, "api", "A", "192.0.2.9", 0);
  g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, record, NULL));
  g_assert_true (save (&bench, bench.changeset, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  ovh_changeset_discard_all (bench.changeset);
  g_assert_true (save (&bench, bench.changeset, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* No file: success, and a set that already holds changes keeps them. */
  other = ovh_changeset_new (bench.zone);
  g_assert_nonnull (ovh_changeset_stage_create (other, record, NULL));
  g_assert_true (restore (&bench, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (other), ==, 1);

  /* Applied but not published: no change left, yet the publish is owed. */
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\":1,\"zone\":\"" ZONE "\",\"needsPublish\":true,"
                                      "\"changes\":[]}",
                                      -1, NULL));
  g_assert_true (restore (&bench, bench.changeset, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_changeset_get_needs_publish (bench.changeset));
  g_assert_cmpuint (ovh_changeset_get_n_pending (bench.changeset), ==, 0);
  g_assert_true (save (&bench, bench.changeset, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"needsPublish\" : true"));

  g_assert_finalize_object (g_steal_pointer (&other));
  bench_close (&bench);
}

typedef struct
{
  GArray *order; /* guint: the call number of each finished save, in finishing order */
  guint n_failed;
} Saves;

typedef struct
{
  Saves *saves;
  guint number;
} SaveCall;

static void
save_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SaveCall *call = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_pending_store_save_finish (OVH_PENDING_STORE (source), result, &error))
    call->saves->n_failed++;
  g_array_append_val (call->saves->order, call->number);
  g_free (call);
}

static void
save_numbered (Bench *bench, Saves *saves, guint number)
{
  SaveCall *call = g_new0 (SaveCall, 1);

  call->saves = saves;
  call->number = number;
  ovh_pending_store_save_async (bench->store, ACCOUNT, bench->changeset, NULL, save_done_cb, call);
}

static void
busy_cb (OvhPendingStore *store, GParamSpec *pspec, guint *n_notifies)
{
  (*n_notifies)++;
}

/* Saves faster than the disk: every call finishes, in order, and the file holds the last
 * set; a restore meanwhile sees that last set too. */
static void
test_ordering (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChangeset) restored = NULL;
  g_autoptr (OvhChangeset) early = NULL;
  g_autoptr (GAsyncResult) early_result = NULL;
  Saves saves = { g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  const guint n_saves = 40;
  guint n_notifies = 0;

  bench_open (fixture, &bench);
  g_signal_connect (bench.store, "notify::busy", G_CALLBACK (busy_cb), &n_notifies);

  for (guint i = 0; i < n_saves; i++)
    {
      g_autofree char *sub_domain = g_strdup_printf ("host%u", i);
      g_autoptr (OvhRecord) record = ovh_record_new (ZONE, sub_domain, "A", "192.0.2.1", 0);

      g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, record, NULL));
      save_numbered (&bench, &saves, i);
    }
  g_assert_true (ovh_pending_store_get_busy (bench.store));

  /* Asked while the writes go on: the newest snapshot, not what the disk has yet. */
  early = ovh_changeset_new (bench.zone);
  ovh_pending_store_restore_async (bench.store, ACCOUNT, early, NULL, ovh_test_store_result,
                                   &early_result);

  while (saves.order->len < n_saves || ovh_pending_store_get_busy (bench.store))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (saves.n_failed, ==, 0);
  for (guint i = 0; i < n_saves; i++)
    g_assert_cmpuint (g_array_index (saves.order, guint, i), ==, i);
  /* One busy stretch: TRUE once, FALSE once. */
  g_assert_cmpuint (n_notifies, ==, 2);

  g_assert_true (
      ovh_pending_store_restore_finish (bench.store, ovh_test_wait_result (&early_result), &error));
  g_assert_no_error (error);
  assert_same_changes (bench.changeset, early);
  g_clear_object (&early_result);

  restored = ovh_changeset_new (bench.zone);
  g_assert_true (restore (&bench, restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (restored), ==, n_saves);
  assert_same_changes (bench.changeset, restored);

  /* A removal queued behind writes wins too. */
  save_numbered (&bench, &saves, n_saves);
  ovh_changeset_discard_all (bench.changeset);
  save_numbered (&bench, &saves, n_saves + 1);
  while (saves.order->len < n_saves + 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saves.n_failed, ==, 0);
  {
    g_autofree char *path = path_of (&bench);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  g_array_unref (saves.order);
  g_assert_finalize_object (g_steal_pointer (&early));
  g_assert_finalize_object (g_steal_pointer (&restored));
  bench_close (&bench);
}

typedef struct
{
  char *path;
  gint stop;
  guint n_reads;
  guint n_broken;
} Reader;

/* Reads the file over and over as another process would after a crash at any moment. */
static gpointer
reader_thread (gpointer user_data)
{
  Reader *reader = user_data;

  while (!g_atomic_int_get (&reader->stop))
    {
      g_autofree char *contents = NULL;
      g_autoptr (JsonNode) root = NULL;

      if (!g_file_get_contents (reader->path, &contents, NULL, NULL))
        continue; /* not written yet */
      reader->n_reads++;
      root = json_from_string (contents, NULL);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
          || !json_object_has_member (json_node_get_object (root), "changes"))
        reader->n_broken++;
    }
  return NULL;
}

/* The file is always either the previous set or the new one, whole; no temporary file is
 * left beside it. */
static void
test_atomic (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  Saves saves = { g_array_new (FALSE, FALSE, sizeof (guint)), 0 };
  Reader reader = { 0 };
  g_autoptr (GThread) thread = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *account_dir = NULL;
  const guint n_saves = 60;
  const char *name;
  guint n_files = 0;

  bench_open (fixture, &bench);
  reader.path = path_of (&bench);
  thread = g_thread_new ("reader", reader_thread, &reader);

  for (guint i = 0; i < n_saves; i++)
    {
      /* Growing sets: a torn write would cut a longer text short. */
      g_autofree char *sub_domain = g_strdup_printf ("host%u", i);
      g_autoptr (OvhRecord) record = ovh_record_new (ZONE, sub_domain, "TXT", "", 0);
      g_autofree char *text = g_strnfill (10 + i * 3, 'x');

      ovh_record_set_target (record, text);
      g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, record, NULL));
      save_numbered (&bench, &saves, i);
      /* Some saves wait for the disk, some find it idle. */
      if (i % 7 == 0)
        while (ovh_pending_store_get_busy (bench.store))
          g_main_context_iteration (NULL, TRUE);
    }
  while (saves.order->len < n_saves || ovh_pending_store_get_busy (bench.store))
    g_main_context_iteration (NULL, TRUE);

  g_atomic_int_set (&reader.stop, TRUE);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpuint (saves.n_failed, ==, 0);
  g_assert_cmpuint (reader.n_reads, >, 0);
  g_assert_cmpuint (reader.n_broken, ==, 0);

  account_dir = g_build_filename (bench.dir, ACCOUNT, NULL);
  dir = g_dir_open (account_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, ZONE ".json");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);
  assert_mode (reader.path, 0600);

  g_free (reader.path);
  g_array_unref (saves.order);
  bench_close (&bench);
}

static void
assert_refused (Bench *bench, const char *account_id, OvhChangeset *changeset)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint n_pending = ovh_changeset_get_n_pending (changeset);

  ovh_pending_store_save_async (bench->store, account_id, changeset, NULL, ovh_test_store_result,
                                &result);
  g_assert_false (
      ovh_pending_store_save_finish (bench->store, ovh_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);
  g_clear_object (&result);

  ovh_pending_store_restore_async (bench->store, account_id, changeset, NULL, ovh_test_store_result,
                                   &result);
  g_assert_false (
      ovh_pending_store_restore_finish (bench->store, ovh_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, n_pending);
}

/* Account ids and zone names never lead out of the directory. */
static void
test_hostile_names (OvhTestFixture *fixture, gconstpointer data)
{
  static const char *const hostile[]
      = { "", ".", "..", "../escape", "a/b", "/etc", "a\\b", ".hidden", "x/../../y", "a..b" };
  Bench bench = { 0 };
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhZone) evil_zone = NULL;
  g_autoptr (OvhChangeset) evil = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *base = NULL;

  bench_open (fixture, &bench);
  parent = g_path_get_dirname (bench.dir);
  base = g_path_get_basename (bench.dir);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_assert_null (ovh_pending_store_dup_path (bench.store, hostile[i], ZONE));
      g_assert_null (ovh_pending_store_dup_path (bench.store, ACCOUNT, hostile[i]));
    }
  g_assert_null (ovh_pending_store_dup_path (bench.store, NULL, ZONE));
  g_assert_null (ovh_pending_store_dup_path (bench.store, ACCOUNT, NULL));
  {
    g_autofree char *path = ovh_pending_store_dup_path (bench.store, "default", "xn--bcher-kva.ch");
    g_autofree char *expected
        = g_build_filename (bench.dir, "default", "xn--bcher-kva.ch.json", NULL);
    g_assert_cmpstr (path, ==, expected);
  }

  record = ovh_record_new (ZONE, "api", "A", "192.0.2.9", 0);
  g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, record, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    assert_refused (&bench, hostile[i], bench.changeset);
  assert_refused (&bench, NULL, bench.changeset);

  /* A zone named to climb out, by a bad server or a bad file. */
  evil_zone = ovh_zone_new (fixture->client, "../../" ZONE);
  evil = ovh_changeset_new (evil_zone);
  assert_refused (&bench, ACCOUNT, evil);

  /* Nothing was written anywhere: not in the directory, not beside it. */
  {
    g_autoptr (GDir) dir = g_dir_open (bench.dir, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
  {
    g_autofree char *escaped = g_build_filename (parent, "escape", NULL);
    g_autofree char *zone_file = g_build_filename (parent, ZONE ".json", NULL);
    g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (zone_file, G_FILE_TEST_EXISTS));
  }

  g_assert_finalize_object (g_steal_pointer (&evil));
  g_assert_finalize_object (g_steal_pointer (&evil_zone));
  bench_close (&bench);
}

/* A file that does not parse is a clear error, and the set keeps what it had. */
static void
test_corrupt (OvhTestFixture *fixture, gconstpointer data)
{
  static const char *const broken[] = {
    "",
    "{\"format\":1,\"zone\":\"" ZONE "\",\"changes\":[{\"kind\":\"create\",\"recordId\":0,",
    "[1, 2, 3]",
    "{\"format\":2,\"zone\":\"" ZONE "\",\"changes\":[]}",
    "{\"format\":1,\"zone\":\"other.example\",\"changes\":[]}",
    "{\"format\":1,\"zone\":\"" ZONE "\",\"changes\":[{\"kind\":\"update\"}]}",
    "{\"format\":1,\"zone\":\"" ZONE "\",\"changes\":[{\"kind\":\"create\",\"recordId\":0,"
    "\"replacesId\":0,\"before\":null,\"after\":{\"id\":0,\"subDomain\":\"a\","
    "\"fieldType\":\"NOPE\",\"target\":\"x\",\"ttl\":0}}]}",
  };
  Bench bench = { 0 };
  g_autoptr (OvhRecord) record = NULL;
  g_autofree char *path = NULL;
  g_autofree char *account_dir = NULL;
  OvhChange *kept;

  bench_open (fixture, &bench);
  path = path_of (&bench);
  account_dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (account_dir, 0700), ==, 0);

  record = ovh_record_new (ZONE, "api", "A", "192.0.2.9", 0);
  kept = ovh_changeset_stage_create (bench.changeset, record, NULL);
  g_assert_nonnull (kept);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhChange) first = NULL;

      g_assert_true (g_file_set_contents (path, broken[i], -1, NULL));
      g_assert_false (restore (&bench, bench.changeset, &error));
      g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE);
      g_assert_nonnull (strstr (error->message, path));

      g_assert_cmpuint (ovh_changeset_get_n_pending (bench.changeset), ==, 1);
      first = g_list_model_get_item (ovh_changeset_get_changes (bench.changeset), 0);
      g_assert_true (first == kept);
    }

  /* Unreadable is as clear as unparsable. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (restore (&bench, bench.changeset, &error));
    g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE);
    g_assert_cmpuint (ovh_changeset_get_n_pending (bench.changeset), ==, 1);
  }

  /* And a write that cannot land says so (the folder in the file's place). */
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (save (&bench, bench.changeset, &error));
    g_assert_nonnull (error);
    g_assert_false (ovh_pending_store_get_busy (bench.store));
  }
  g_assert_cmpint (g_rmdir (path), ==, 0);

  bench_close (&bench);
}

/* A file whose changes do not fit together (two creates replacing one delete, two changes of
 * one record, a change to an invalid record) is restored without them: what is left links
 * each delete to at most one create, and undoing it change by change is safe (this used to
 * free the delete under the other create). */
/* One saved record: {"id":…,"subDomain":…,"fieldType":…,"target":…,"ttl":0}. */
#define SAVED_RECORD(id, name, type, target)                                                   \
  "{\"id\":" #id ",\"subDomain\":\"" name "\",\"fieldType\":\"" type "\",\"target\":\"" target \
  "\",\"ttl\":0}"
#define SAVED_CHANGE(kind, id, replaces, before, after)                                         \
  "{\"kind\":\"" kind "\",\"recordId\":" #id ",\"replacesId\":" #replaces ",\"before\":" before \
  ",\"after\":" after "}"

/* clang-format off */
static const char inconsistent_file[] =
  "{\"format\":1,\"zone\":\"" ZONE "\",\"needsPublish\":false,\"changes\":["
  SAVED_CHANGE ("delete", 21, 0, SAVED_RECORD (21, "mail", "A", "192.0.2.9"), "null") ","
  SAVED_CHANGE ("create", 0, 21, "null", SAVED_RECORD (0, "mail", "CNAME", "mx.example.net.")) ","
  SAVED_CHANGE ("create", 0, 21, "null", SAVED_RECORD (0, "mail", "AAAA", "2001:db8::9")) ","
  SAVED_CHANGE ("update", 31, 0, SAVED_RECORD (31, "a", "A", "192.0.2.1"),
                SAVED_RECORD (31, "a", "A", "192.0.2.2")) ","
  SAVED_CHANGE ("delete", 31, 0, SAVED_RECORD (31, "a", "A", "192.0.2.1"), "null") ","
  /* the record it names is not the one it holds */
  SAVED_CHANGE ("update", 41, 0, SAVED_RECORD (40, "b", "A", "192.0.2.1"),
                SAVED_RECORD (41, "b", "A", "192.0.2.2")) ","
  /* a name that would not be accepted typed */
  SAVED_CHANGE ("create", 0, 0, "null", SAVED_RECORD (0, "bad name", "A", "192.0.2.3")) ","
  /* an update that changes the type */
  SAVED_CHANGE ("update", 51, 0, SAVED_RECORD (51, "c", "A", "192.0.2.1"),
                SAVED_RECORD (51, "c", "AAAA", "2001:db8::1"))
  "]}";
/* clang-format on */

static void
check_inconsistent_restored (Bench *bench)
{
  GListModel *changes = ovh_changeset_get_changes (bench->changeset);
  g_autoptr (OvhChange) delete = NULL;
  g_autoptr (OvhChange) create = NULL;
  g_autoptr (OvhChange) second = NULL;
  g_autoptr (OvhChange) update = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 4);
  delete = g_list_model_get_item (changes, 0);
  create = g_list_model_get_item (changes, 1);
  second = g_list_model_get_item (changes, 2);
  update = g_list_model_get_item (changes, 3);
  g_assert_cmpint (ovh_change_get_kind (delete), ==, OVH_CHANGE_KIND_DELETE);
  g_assert_true (ovh_change_get_partner (delete) == create);
  g_assert_true (ovh_change_get_partner (create) == delete);
  g_assert_cmpuint (ovh_change_get_replaces_id (create), ==, 21);
  g_assert_null (ovh_change_get_partner (second));
  g_assert_cmpuint (ovh_change_get_replaces_id (second), ==, 0);
  g_assert_cmpstr (ovh_record_get_field_type (ovh_change_get_after (second)), ==, "AAAA");
  g_assert_cmpint (ovh_change_get_kind (update), ==, OVH_CHANGE_KIND_UPDATE);
  g_assert_cmpuint (ovh_change_get_record_id (update), ==, 31);
  g_assert_true (ovh_changeset_lookup (bench->changeset, 31) == update);
  g_assert_null (ovh_changeset_lookup (bench->changeset, 41));
}

static void
test_inconsistent (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *account_dir = NULL;
  GListModel *changes;

  bench_open (fixture, &bench);
  path = path_of (&bench);
  account_dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (account_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, inconsistent_file, -1, NULL));
  changes = ovh_changeset_get_changes (bench.changeset);

  /* Undone from the last change, then (restored again) from the first. */
  for (guint from_first = 0; from_first < 2; from_first++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (restore (&bench, bench.changeset, &error));
      g_assert_no_error (error);
      check_inconsistent_restored (&bench);

      while (g_list_model_get_n_items (changes) > 0)
        {
          guint n = g_list_model_get_n_items (changes);
          g_autoptr (OvhChange) change = g_list_model_get_item (changes, from_first ? 0 : n - 1);

          g_assert_true (ovh_changeset_discard (bench.changeset, change));
          g_assert_cmpuint (g_list_model_get_n_items (changes), <, n);
        }
    }

  bench_close (&bench);
}

/* Cancelled restores leave the set alone; a cancelled save still keeps what was typed. */
static void
test_cancel (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhChangeset) target = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  bench_open (fixture, &bench);
  path = path_of (&bench);
  record = ovh_record_new (ZONE, "api", "A", "192.0.2.9", 0);
  g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, record, NULL));

  /* Already cancelled: nothing is written. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GAsyncResult) result = NULL;

    g_cancellable_cancel (cancellable);
    ovh_pending_store_save_async (bench.store, ACCOUNT, bench.changeset, cancellable,
                                  ovh_test_store_result, &result);
    g_assert_false (ovh_pending_store_get_busy (bench.store));
    g_assert_false (
        ovh_pending_store_save_finish (bench.store, ovh_test_wait_result (&result), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Cancelled once asked: the caller is released, the changes still reach the disk. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GAsyncResult) result = NULL;

    ovh_pending_store_save_async (bench.store, ACCOUNT, bench.changeset, cancellable,
                                  ovh_test_store_result, &result);
    g_cancellable_cancel (cancellable);
    g_assert_false (
        ovh_pending_store_save_finish (bench.store, ovh_test_wait_result (&result), &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    while (ovh_pending_store_get_busy (bench.store))
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  target = ovh_changeset_new (bench.zone);

  /* Restores cancelled before and after the call: the set is not touched. */
  for (guint before = 0; before < 2; before++)
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GAsyncResult) result = NULL;

      if (before)
        g_cancellable_cancel (cancellable);
      ovh_pending_store_restore_async (bench.store, ACCOUNT, target, cancellable,
                                       ovh_test_store_result, &result);
      if (!before)
        g_cancellable_cancel (cancellable);
      g_assert_false (
          ovh_pending_store_restore_finish (bench.store, ovh_test_wait_result (&result), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_cmpuint (ovh_changeset_get_n_pending (target), ==, 0);
    }

  /* Not cancelled, it does. */
  g_assert_true (restore (&bench, target, &error));
  g_assert_no_error (error);
  assert_same_changes (bench.changeset, target);

  g_assert_finalize_object (g_steal_pointer (&target));
  bench_close (&bench);
}

static void
store_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *finished = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (ovh_pending_store_save_finish (OVH_PENDING_STORE (source), result, &error));
  g_assert_no_error (error);
  *finished = TRUE;
}

/* The calling thread only takes the snapshot: save returns with the write still to come,
 * "busy" tells when it is done, and the store outlives its owner until then. */
static void
test_off_thread (OvhTestFixture *fixture, gconstpointer data)
{
  Bench bench = { 0 };
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhRecord) later = NULL;
  g_autoptr (OvhChangeset) restored = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  OvhPendingStore *store;
  gboolean finished = FALSE;
  guint n_notifies = 0;

  bench_open (fixture, &bench);
  path = path_of (&bench);
  record = ovh_record_new (ZONE, "api", "A", "192.0.2.9", 0);
  g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, record, NULL));
  g_signal_connect (bench.store, "notify::busy", G_CALLBACK (busy_cb), &n_notifies);

  ovh_pending_store_save_async (bench.store, ACCOUNT, bench.changeset, NULL, store_finished_cb,
                                &finished);
  g_assert_true (ovh_pending_store_get_busy (bench.store));
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_false (finished);

  /* The snapshot was taken at the call: what is staged afterwards is not in it. */
  later = ovh_record_new (ZONE, "later", "A", "192.0.2.10", 0);
  g_assert_nonnull (ovh_changeset_stage_create (bench.changeset, later, NULL));

  while (ovh_pending_store_get_busy (bench.store))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_notifies, ==, 2);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);

  restored = ovh_changeset_new (bench.zone);
  g_assert_true (restore (&bench, restored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (restored), ==, 1);

  /* Dropped by its owner while writing: the write is seen through, then the store goes. */
  finished = FALSE;
  store = g_steal_pointer (&bench.store);
  ovh_pending_store_save_async (store, ACCOUNT, bench.changeset, NULL, store_finished_cb,
                                &finished);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_object_unref (store);
  g_assert_nonnull (store);
  while (!finished || store != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&restored);
  restored = ovh_changeset_new (bench.zone);
  g_assert_true (ovh_changeset_load_from_file (restored, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (restored), ==, 2);

  bench.store = ovh_pending_store_new (bench.dir);
  g_assert_finalize_object (g_steal_pointer (&restored));
  bench_close (&bench);
}

/* Without a directory, the store keeps its files in the user's data folder. */
static void
test_default_directory (void)
{
  g_autoptr (OvhPendingStore) store = ovh_pending_store_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "domaine", "pending",
                                                "default", "example.com.json", NULL);
  g_autofree char *path = ovh_pending_store_dup_path (store, "default", "example.com");

  g_assert_cmpstr (path, ==, expected);
}

static void
write_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{}", -1, &error));
  g_assert_no_error (error);
}

static void
orphans_removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  guint *n_removed = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (ovh_pending_store_remove_orphans_finish (OVH_PENDING_STORE (source), result,
                                                          n_removed, &error));
  g_assert_no_error (error);
}

/* The saved changes of accounts that no longer exist go; nothing else in the folder does. */
static void
test_orphans (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("domaine-pending-orphans-XXXXXX", &error);
  g_autoptr (OvhPendingStore) store = ovh_pending_store_new (dir);
  const char *const accounts[] = { "kept-1", "kept-2", "gone-1", "gone-2", NULL };
  const char *const keep[] = { "kept-1", "kept-2", "not-on-disk", NULL };
  g_autofree char *outside = g_dir_make_tmp ("domaine-pending-outside-XXXXXX", &error);
  g_autofree char *outside_file = g_build_filename (outside, "precious.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link-to-elsewhere", NULL);
  guint n_removed = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *account_dir = g_build_filename (dir, accounts[i], NULL);

      g_assert_cmpint (g_mkdir (account_dir, 0700), ==, 0);
      write_file (account_dir, "example.com.json");
      write_file (account_dir, "example.org.json");
    }
  write_file (dir, "not-a-directory");
  write_file (outside, "precious.json");
  g_assert_cmpint (symlink (outside, link), ==, 0);

  ovh_pending_store_remove_orphans_async (store, keep, NULL, orphans_removed_cb, &n_removed);
  while (n_removed == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_removed, ==, 2);

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *account_dir = g_build_filename (dir, accounts[i], NULL);
      g_autofree char *file = g_build_filename (account_dir, "example.com.json", NULL);
      gboolean kept = g_str_has_prefix (accounts[i], "kept");

      g_assert_cmpint (g_file_test (account_dir, G_FILE_TEST_EXISTS), ==, kept);
      g_assert_cmpint (g_file_test (file, G_FILE_TEST_EXISTS), ==, kept);
    }
  /* A plain file and a link are not an account's journal: left alone, and never followed. */
  {
    g_autofree char *plain = g_build_filename (dir, "not-a-directory", NULL);
    g_assert_true (g_file_test (plain, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (outside_file, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));

  /* One account at once (the sandbox's, at exit); absent is fine, a hostile id is refused. */
  g_assert_true (ovh_pending_store_remove_account (store, "kept-1", &error));
  g_assert_no_error (error);
  {
    g_autofree char *account_dir = g_build_filename (dir, "kept-1", NULL);
    g_assert_false (g_file_test (account_dir, G_FILE_TEST_EXISTS));
  }
  g_assert_true (ovh_pending_store_remove_account (store, "kept-1", &error));
  g_assert_no_error (error);
  g_assert_false (ovh_pending_store_remove_account (store, "..", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);
  g_assert_false (ovh_pending_store_remove_account (store, "link-to-elsewhere", &error));
  g_clear_error (&error);
  g_assert_true (g_file_test (outside_file, G_FILE_TEST_EXISTS));

  /* No folder yet: nothing to do. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);
    g_autoptr (OvhPendingStore) empty = ovh_pending_store_new (missing);

    n_removed = G_MAXUINT;
    ovh_pending_store_remove_orphans_async (empty, keep, NULL, orphans_removed_cb, &n_removed);
    while (n_removed == G_MAXUINT)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (n_removed, ==, 0);
  }

  g_assert_cmpint (g_unlink (link), ==, 0);
  remove_tree (dir);
  remove_tree (outside);
}

static void
add (const char *path, void (*test_func) (OvhTestFixture *fixture, gconstpointer data))
{
  /* The store does not care how the zone was fetched: plain HTTP is enough. */
  g_test_add (path, OvhTestFixture, GINT_TO_POINTER (FALSE), ovh_test_fixture_set_up, test_func,
              ovh_test_fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pending-store/default-directory", test_default_directory);
  add ("/pending-store/round-trip", test_round_trip);
  add ("/pending-store/removal", test_removal);
  add ("/pending-store/ordering", test_ordering);
  add ("/pending-store/atomic", test_atomic);
  add ("/pending-store/hostile-names", test_hostile_names);
  add ("/pending-store/corrupt", test_corrupt);
  add ("/pending-store/inconsistent", test_inconsistent);
  add ("/pending-store/cancel", test_cancel);
  add ("/pending-store/off-thread", test_off_thread);
  g_test_add_func ("/pending-store/orphans", test_orphans);

  return g_test_run ();
}
