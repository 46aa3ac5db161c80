/* test-zone-history.c: history, restore, imports (merge and replace), the round trip through
 * Domaine's zone file writer and undoing a publish, against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-changeset.h"
#include "ovh-error.h"
#include "ovh-zone-diff.h"
#include "ovh-zone-file.h"
#include "ovh-zone-history.h"
#include "ovh-zone-snapshot.h"
#include "ovh-zone-transfer.h"
#include "test-fixture.h"

static GStrv
list_history (OvhZone *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_list_history_async (zone, NULL, ovh_test_store_result, &result);
  return ovh_zone_list_history_finish (zone, ovh_test_wait_result (&result), error);
}

static char *
fetch_file (OvhZone *zone, const char *date, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_history_file_async (zone, date, NULL, ovh_test_store_result, &result);
  return ovh_zone_fetch_history_file_finish (zone, ovh_test_wait_result (&result), error);
}

static gboolean
restore (OvhZone *zone, const char *date, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) followed = NULL;
  g_autofree char *status = NULL;
  gint64 task_id = -1;

  ovh_zone_restore_history_async (zone, date, NULL, ovh_test_store_result, &result);
  if (!ovh_zone_restore_history_finish (zone, ovh_test_wait_result (&result), &task_id, &status,
                                        error))
    return FALSE;
  g_assert_cmpint (task_id, >, 0);
  ovh_zone_follow_task_async (zone, task_id, 20, NULL, ovh_test_store_result, &followed);
  return ovh_zone_follow_task_finish (zone, ovh_test_wait_result (&followed), error);
}

static void
reload (OvhZone *zone)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_zone_reload_async (zone, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_reload_finish (zone, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static void
publish (OvhChangeset *changeset)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_changeset_apply_async (changeset, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_changeset_apply_finish (changeset, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static OvhZoneDiff *
diff_with_file (OvhZone *zone, const char *text)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) records = ovh_zone_file_parse_full (text, ovh_zone_get_name (zone),
                                                            OVH_ZONE_FILE_PARSE_DEFAULT, &problems);

  g_assert_false (ovh_zone_file_problems_have_errors (problems));
  return ovh_zone_diff_new_from_model (ovh_zone_get_records (zone), records,
                                       OVH_ZONE_DIFF_SKIP_MANAGED);
}

static void
create_record (OvhTestFixture *fixture, const char *zone, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/domain/zone/%s/record", zone);
  g_autoptr (JsonNode) body = ovh_test_json (json);
  g_autoptr (JsonNode) answer = ovh_test_call (fixture->client, "POST", path, body, &error);

  g_assert_no_error (error);
}

static void
refresh (OvhTestFixture *fixture, const char *zone)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/domain/zone/%s/refresh", zone);
  g_autoptr (JsonNode) answer = ovh_test_call (fixture->client, "POST", path, NULL, &error);

  g_assert_no_error (error);
}

/* A version on every refresh, listed newest first; a version compared; a restore and its
 * undo (restoring the version made just before it). */
static void
test_history_restore (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) before = NULL;
  g_auto (GStrv) after = NULL;
  g_auto (GStrv) restored = NULL;
  g_autofree char *oldest_file = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (OvhZoneDiff) back = NULL;
  OvhZoneDiffItem *item;
  guint n_versions;

  before = list_history (zone, &error);
  g_assert_no_error (error);
  n_versions = g_strv_length (before);
  g_assert_cmpuint (n_versions, >=, 1);

  create_record (fixture, "lovelace.fr",
                 "{\"fieldType\":\"A\",\"subDomain\":\"analyst\",\"target\":\"192.0.2.77\"}");
  refresh (fixture, "lovelace.fr");
  after = list_history (zone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (after), ==, n_versions + 1);
  g_assert_cmpstr (after[1], ==, before[0]);

  /* The version before the change, downloaded without signature, against the zone now. */
  reload (zone);
  oldest_file = fetch_file (zone, after[1], &error);
  g_assert_no_error (error);
  diff = diff_with_file (zone, oldest_file);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 0);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, 0);
  item = g_list_model_get_item (ovh_zone_diff_get_items (diff), 0);
  g_assert_cmpstr (ovh_record_get_sub_domain (ovh_zone_diff_item_get_before (item)), ==, "analyst");
  g_object_unref (item);

  /* Restore it: the zone is that version again, and a new version records the restore. */
  g_assert_true (restore (zone, after[1], &error));
  g_assert_no_error (error);
  reload (zone);
  g_clear_object (&diff);
  diff = diff_with_file (zone, oldest_file);
  g_assert_true (ovh_zone_diff_is_empty (diff));
  restored = list_history (zone, &error);
  g_assert_cmpuint (g_strv_length (restored), ==, n_versions + 2);

  /* Undo: the version made before the restore. */
  g_assert_cmpstr (restored[1], ==, after[0]);
  g_assert_true (restore (zone, restored[1], &error));
  g_assert_no_error (error);
  reload (zone);
  back = diff_with_file (zone, oldest_file);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (back), ==, 1);
}

/* A failed restore leaves the zone as it was and says what OVH answered. */
static void
test_restore_fails (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (GError) error = NULL;
  g_autofree char *records = ovh_sandbox_dup_records_json (fixture->sandbox, "lovelace.fr");
  g_autofree char *records_after = NULL;

  g_assert_false (restore (zone, "2001-01-01T00:00:00+00:00", &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_nonnull (ovh_error_get_query_id (error));
  g_clear_error (&error);

  g_assert_null (fetch_file (zone, "2001-01-01T00:00:00+00:00", &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  records_after = ovh_sandbox_dup_records_json (fixture->sandbox, "lovelace.fr");
  g_assert_cmpstr (records, ==, records_after);
}

/* Export → import of every type, hard TXT values included, through Domaine's writer. */
static void
test_round_trip (OvhTestFixture *fixture, gconstpointer data)
{
  const char *const extra[] = {
    "{\"fieldType\":\"TXT\",\"subDomain\":\"q\",\"target\":\"say \\\"hi\\\"; and \\\\ too\"}",
    "{\"fieldType\":\"TXT\",\"subDomain\":\"u\",\"target\":\"caf\u00e9 \u2713\"}",
    "{\"fieldType\":\"LOC\",\"subDomain\":\"office\","
    "\"target\":\"52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m\"}",
    "{\"fieldType\":\"NAPTR\",\"subDomain\":\"sip\","
    "\"target\":\"10 100 \\\"S\\\" \\\"SIP+D2U\\\" \\\"!^.*$!sip:a@example.com!\\\" .\"}",
    "{\"fieldType\":\"PTR\",\"subDomain\":\"1\",\"target\":\"host.example.com.\"}",
    "{\"fieldType\":\"DNAME\",\"subDomain\":\"old\",\"target\":\"new.example.com.\"}",
    "{\"fieldType\":\"NS\",\"subDomain\":\"deleg\",\"target\":\"ns1.example.net.\"}",
  };
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GString) long_txt = g_string_new ("{\"fieldType\":\"TXT\",\"subDomain\":\"long\","
                                               "\"target\":\"");
  g_autofree char *text = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    create_record (fixture, "analytical-engine.com", extra[i]);
  while (long_txt->len < 700)
    g_string_append (long_txt, "0123456789\\\\\\\"");
  g_string_append (long_txt, "\"}");
  create_record (fixture, "analytical-engine.com", long_txt->str);

  zone = ovh_test_load_zone (fixture, "analytical-engine.com");
  text = ovh_zone_file_write_model ("analytical-engine.com", 3600, ovh_zone_get_records (zone));
  g_test_message ("%s", text);
  diff = diff_with_file (zone, text);
  for (guint i = 0; i < g_list_model_get_n_items (ovh_zone_diff_get_items (diff)); i++)
    {
      g_autoptr (OvhZoneDiffItem) item = g_list_model_get_item (ovh_zone_diff_get_items (diff), i);
      g_autofree char *line = ovh_record_format_zone_line (ovh_zone_diff_item_get_record (item));

      g_test_message ("%d %s", ovh_zone_diff_item_get_kind (item), line);
    }
  g_assert_true (ovh_zone_diff_is_empty (diff));
}

/* A merge import: exactly the differences staged (unchanged records keep their ids), what OVH
 * cannot hold listed, one refresh. */
static void
test_merge_import (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "countess.dev");
  g_autoptr (OvhChangeset) changeset = ovh_changeset_new (zone);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  guint64 apex_a_id = ovh_record_get_id (ovh_test_find_record (zone, "", "A"));
  guint64 www_id = ovh_record_get_id (ovh_test_find_record (zone, "www", "CNAME"));
  guint n_records = ovh_zone_get_n_records (zone);
  /* countess.dev: apex NS ×2, A, www CNAME, api AAAA (60), apex TXT, … as seeded; the file
   * changes the A, adds "new", drops api, keeps the rest and brings an HINFO. */
  g_autofree char *exported
      = ovh_zone_file_write_model ("countess.dev", 0, ovh_zone_get_records (zone));
  g_autoptr (GString) file = g_string_new (NULL);
  g_auto (GStrv) lines = g_strsplit (exported, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "api ") || g_str_has_prefix (lines[i], "@ IN A "))
        continue;
      g_string_append_printf (file, "%s\n", lines[i]);
    }
  g_string_append (file, "@ IN A 192.0.2.99\nnew 300 IN A 192.0.2.100\n"
                         "box IN HINFO \"PC\" \"Linux\"\n");

  records = ovh_zone_file_parse_full (file->str, "countess.dev", OVH_ZONE_FILE_PARSE_DEFAULT,
                                      &problems);
  g_assert_false (ovh_zone_file_problems_have_errors (problems));
  /* The apex NS (OVH's) and the HINFO are named, not dropped silently. */
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpint (((OvhZoneFileProblem *) g_ptr_array_index (problems, 2))->code, ==,
                   OVH_ZONE_FILE_ERROR_UNSUPPORTED);

  diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (zone), records,
                                       OVH_ZONE_DIFF_SKIP_MANAGED);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, 1);
  g_assert_false (ovh_zone_diff_needs_confirmation (diff));

  g_assert_cmpint (ovh_zone_diff_stage (diff, changeset, NULL, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 3);
  g_assert_cmpint (ovh_change_get_kind (ovh_changeset_lookup (changeset, apex_a_id)), ==,
                   OVH_CHANGE_KIND_UPDATE);
  g_assert_null (ovh_changeset_lookup (changeset, www_id));

  /* Staging again refuses the whole set and leaves the pending changes as they were. */
  g_assert_cmpint (ovh_zone_diff_stage (diff, changeset, NULL, &error), ==, -1);
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 3);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  publish (changeset);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*/refresh"), ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*/record"), ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*/record/*"), ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", "*/record/*"), ==,
                    1);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, n_records);
  g_assert_nonnull (ovh_zone_find_record_by_id (zone, www_id));
  g_assert_nonnull (ovh_zone_find_record_by_id (zone, apex_a_id));
  g_assert_cmpstr (ovh_record_get_target (ovh_zone_find_record_by_id (zone, apex_a_id)), ==,
                   "192.0.2.99");

  /* The zone is now the file. */
  {
    g_autoptr (OvhZoneDiff) again = ovh_zone_diff_new_from_model (
        ovh_zone_get_records (zone), records, OVH_ZONE_DIFF_SKIP_MANAGED);

    g_assert_true (ovh_zone_diff_is_empty (again));
  }
}

/* A replace import is OVH's own import task, followed to its end; the guard sees the 50%. */
static void
test_replace_import_and_guard (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "analytical-engine.com");
  g_autoptr (GPtrArray) half = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) followed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;
  gint64 task_id = -1;
  guint n_items = ovh_zone_get_n_records (zone);

  for (guint i = 0; i < n_items; i += 2)
    g_ptr_array_add (half, g_list_model_get_item (ovh_zone_get_records (zone), i));
  diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (zone), half, OVH_ZONE_DIFF_DEFAULT);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, n_items / 2);
  g_assert_true (ovh_zone_diff_needs_confirmation (diff));

  text = ovh_zone_file_write ("analytical-engine.com", 3600, half);
  ovh_zone_import_async (zone, text, NULL, ovh_test_store_result, &result);
  g_assert_true (
      ovh_zone_import_finish (zone, ovh_test_wait_result (&result), &task_id, &status, &error));
  g_assert_no_error (error);
  ovh_zone_follow_task_async (zone, task_id, 20, NULL, ovh_test_store_result, &followed);
  g_assert_true (ovh_zone_follow_task_finish (zone, ovh_test_wait_result (&followed), &error));
  g_assert_no_error (error);
  reload (zone);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, half->len);
}

/* Undo a publish: the snapshot taken before it, diffed from the zone after it, staged. */
static void
test_undo_publish (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *base = g_dir_make_tmp ("domaine-undo-XXXXXX", NULL);
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (OvhChangeset) changeset = ovh_changeset_new (zone);
  g_autoptr (OvhRecord) edited = NULL;
  g_autoptr (OvhRecord) added = ovh_record_new ("lovelace.fr", "fresh", "A", "192.0.2.50", 0);
  g_autoptr (GPtrArray) snapshot = NULL;
  g_autoptr (OvhZoneDiff) inverse = NULL;
  g_autoptr (GError) error = NULL;
  OvhRecord *blog = ovh_test_find_record (zone, "blog", "A");
  guint64 blog_id = ovh_record_get_id (blog);
  gint64 time = 0;

  edited = ovh_record_dup (blog);
  ovh_record_set_target (edited, "203.0.113.99");
  g_assert_nonnull (ovh_changeset_stage_update (changeset, blog_id, edited, &error));
  g_assert_nonnull (ovh_changeset_stage_create (changeset, added, &error));
  g_assert_no_error (error);

  g_assert_true (ovh_zone_snapshot_save (base, "acc", "lovelace.fr", ovh_zone_get_records (zone),
                                         &time, &error));
  publish (changeset);

  snapshot = ovh_zone_snapshot_load (base, "acc", "lovelace.fr", time, &error);
  g_assert_no_error (error);
  inverse
      = ovh_zone_diff_new_from_model (ovh_zone_get_records (zone), snapshot, OVH_ZONE_DIFF_DEFAULT);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (inverse), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (inverse), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (inverse), ==, 0);
  g_assert_cmpint (ovh_zone_diff_stage (inverse, changeset, NULL, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpstr (
      ovh_record_get_target (ovh_change_get_after (ovh_changeset_lookup (changeset, blog_id))), ==,
      "203.0.113.11");

  publish (changeset);
  {
    g_autoptr (OvhZoneDiff) none = ovh_zone_diff_new_from_model (ovh_zone_get_records (zone),
                                                                 snapshot, OVH_ZONE_DIFF_DEFAULT);
    g_assert_true (ovh_zone_diff_is_empty (none));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/zone-history/history-restore", test_history_restore);
  ovh_test_add ("/zone-history/restore-fails", test_restore_fails);
  ovh_test_add ("/zone-history/round-trip", test_round_trip);
  ovh_test_add ("/zone-history/merge-import", test_merge_import);
  ovh_test_add ("/zone-history/replace-import-and-guard", test_replace_import_and_guard);
  ovh_test_add ("/zone-history/undo-publish", test_undo_publish);

  return g_test_run ();
}
