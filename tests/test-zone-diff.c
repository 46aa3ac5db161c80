/* test-zone-diff.c: record diffs, the full zone file parse and local snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ovh-zone-diff.h"
#include "ovh-zone-file.h"
#include "ovh-zone-snapshot.h"

static GPtrArray *
records (const char *const *rows)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  /* "name type ttl target" */
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (rows[i], " ", 4);
      OvhRecord *record = ovh_record_new ("example.com", fields[0], fields[1], fields[3],
                                          (guint) g_ascii_strtoull (fields[2], NULL, 10));

      ovh_record_set_id (record, i + 1);
      g_ptr_array_add (array, record);
    }
  return array;
}

static OvhZoneDiffItem *
item_at (OvhZoneDiff *diff, guint position)
{
  GObject *item = g_list_model_get_item (ovh_zone_diff_get_items (diff), position);

  g_object_unref (item); /* the diff keeps it */
  return OVH_ZONE_DIFF_ITEM (item);
}

static void
test_kinds (void)
{
  const char *const before_rows[] = {
    "@ A 0 192.0.2.1",           "www A 300 192.0.2.2", "mail A 0 192.0.2.3",
    "@ MX 0 10 mx.example.com.", "old TXT 0 bye",       NULL,
  };
  const char *const after_rows[] = {
    "@ A 0 192.0.2.1",           "WWW A 600 192.0.2.2", "mail A 0 192.0.2.30",
    "@ MX 0 10 mx.example.com.", "new TXT 0 hello",     NULL,
  };
  g_autoptr (GPtrArray) before = records (before_rows);
  g_autoptr (GPtrArray) after = records (after_rows);
  g_autoptr (OvhZoneDiff) diff = ovh_zone_diff_new (before, after, OVH_ZONE_DIFF_DEFAULT);
  g_autoptr (JsonNode) json = NULL;
  g_autofree char *text = NULL;
  OvhZoneDiffItem *item;

  g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, 2);
  g_assert_cmpuint (ovh_zone_diff_get_n_ttl_only (diff), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_before (diff), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (ovh_zone_diff_get_items (diff)), ==, 4);
  g_assert_false (ovh_zone_diff_is_empty (diff));

  /* Sorted by name: mail, new, old, www. */
  item = item_at (diff, 0);
  g_assert_cmpint (ovh_zone_diff_item_get_kind (item), ==, OVH_ZONE_DIFF_CHANGED);
  g_assert_false (ovh_zone_diff_item_get_ttl_only (item));
  g_assert_cmpstr (ovh_record_get_target (ovh_zone_diff_item_get_before (item)), ==, "192.0.2.3");
  g_assert_cmpstr (ovh_record_get_target (ovh_zone_diff_item_get_after (item)), ==, "192.0.2.30");
  item = item_at (diff, 1);
  g_assert_cmpint (ovh_zone_diff_item_get_kind (item), ==, OVH_ZONE_DIFF_ADDED);
  g_assert_null (ovh_zone_diff_item_get_before (item));
  g_assert_cmpstr (ovh_record_get_sub_domain (ovh_zone_diff_item_get_record (item)), ==, "new");
  item = item_at (diff, 2);
  g_assert_cmpint (ovh_zone_diff_item_get_kind (item), ==, OVH_ZONE_DIFF_REMOVED);
  g_assert_null (ovh_zone_diff_item_get_after (item));
  item = item_at (diff, 3);
  g_assert_cmpint (ovh_zone_diff_item_get_kind (item), ==, OVH_ZONE_DIFF_CHANGED);
  g_assert_true (ovh_zone_diff_item_get_ttl_only (item));
  g_assert_cmpuint (ovh_record_get_ttl (ovh_zone_diff_item_get_after (item)), ==, 600);

  json = ovh_zone_diff_to_json (diff);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"added\":[{\"id\":5,\"zone\":\"example.com\","
                                  "\"subDomain\":\"new\",\"fieldType\":\"TXT\","
                                  "\"target\":\"hello\",\"ttl\":0}]"));
  g_assert_nonnull (strstr (text, "\"changed\":[{\"before\":"));
  g_assert_nonnull (strstr (text, "\"ttlOnly\":true"));
  g_assert_nonnull (strstr (text, "\"removed\":[{\"id\":5,"));
}

static void
test_same_and_typed_txt (void)
{
  const char *const before_rows[] = { "@ SPF 0 v=spf1 include:mx.ovh.com ~all",
                                      "@ NS 0 dns1.ovh.net.", "a CNAME 0 WWW.example.com.", NULL };
  const char *const after_rows[]
      = { "@ TXT 0 v=spf1 include:mx.ovh.com ~all", "a CNAME 0 www.example.com.", NULL };
  g_autoptr (GPtrArray) before = records (before_rows);
  g_autoptr (GPtrArray) after = records (after_rows);
  g_autoptr (OvhZoneDiff) managed = ovh_zone_diff_new (before, after, OVH_ZONE_DIFF_SKIP_MANAGED);
  g_autoptr (OvhZoneDiff) plain = ovh_zone_diff_new (before, after, OVH_ZONE_DIFF_DEFAULT);

  /* OVH's SPF is a TXT in a file; names compare without case; apex NS are OVH's. */
  g_assert_true (ovh_zone_diff_is_empty (managed));
  g_assert_cmpuint (ovh_zone_diff_get_n_before (managed), ==, 2);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (plain), ==, 1);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (plain), ==, 0);
}

static void
test_guard (void)
{
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) half = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OvhZoneDiff) diff = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("host%u", i);
      OvhRecord *record = ovh_record_new ("example.com", name, "A", "192.0.2.1", 0);

      g_ptr_array_add (before, record);
      if (i % 2 == 0)
        g_ptr_array_add (half, g_object_ref (record));
    }

  diff = ovh_zone_diff_new (before, half, OVH_ZONE_DIFF_DEFAULT);
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 10);
  g_assert_true (ovh_zone_diff_needs_confirmation (diff));

  /* More than a third AND more than five. */
  g_assert_false (ovh_zone_diff_guard_applies (20, 6));
  g_assert_true (ovh_zone_diff_guard_applies (20, 7));
  g_assert_false (ovh_zone_diff_guard_applies (9, 5));
  g_assert_true (ovh_zone_diff_guard_applies (9, 6));
  g_assert_false (ovh_zone_diff_guard_applies (100, 33));
  g_assert_true (ovh_zone_diff_guard_applies (100, 34));
}

/* Values a writer gets wrong: quotes, backslashes, ";", UTF-8, more than 255 bytes. */
static const char *const hard_txt[] = {
  "say \"hi\"",       "back\\slash and \\\"both\\\"", "semi; colon (paren",
  "café — ünïcödé ✓", "trailing backslash\\",         NULL,
};

static void
test_round_trip_hard_txt (void)
{
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (GString) long_value = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; hard_txt[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("t%u", i);

      g_ptr_array_add (before, ovh_record_new ("example.com", name, "TXT", hard_txt[i], 0));
    }
  /* 600 bytes with a two-byte character across the 255-byte boundary. */
  while (long_value->len < 600)
    g_string_append (long_value, "abcdefghé");
  g_ptr_array_add (before, ovh_record_new ("example.com", "long", "TXT", long_value->str, 300));

  text = ovh_zone_file_write ("example.com", 3600, before);
  g_test_message ("%s", text);
  parsed = ovh_zone_file_parse_full (text, "example.com", OVH_ZONE_FILE_PARSE_DEFAULT, &problems);
  g_assert_nonnull (parsed);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("line %u: %s", ((OvhZoneFileProblem *) g_ptr_array_index (problems, i))->line,
                    ((OvhZoneFileProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  diff = ovh_zone_diff_new (before, parsed, OVH_ZONE_DIFF_DEFAULT);
  g_assert_true (ovh_zone_diff_is_empty (diff));
}

static void
test_parse_full (void)
{
  const char *text = "$ORIGIN example.com.\n"
                     "$TTL 3600\n"
                     "@ IN SOA dns1.ovh.net. tech.ovh.net. (1 86400 3600 3600000 60)\n"
                     "@ IN NS dns1.ovh.net.\n"
                     "www 300 IN A 192.0.2.1\n"
                     "bad IN A 999.1.1.1\n"
                     "info IN HINFO \"PC\" \"Linux\"\n"
                     "chaos CH TXT \"hi\"\n"
                     "$INCLUDE other.zone\n"
                     "sub IN NS ns.example.net.\n"
                     "elsewhere.example.org. IN A 192.0.2.3\n"
                     "last IN AAAA 2001:db8::1\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) parsed
      = ovh_zone_file_parse_full (text, "example.com", OVH_ZONE_FILE_PARSE_DEFAULT, &problems);
  const OvhZoneFileProblem *problem;
  const guint expected_lines[] = { 3, 4, 6, 7, 8, 9, 11 };
  const OvhZoneFileError expected_codes[] = {
    OVH_ZONE_FILE_ERROR_MANAGED,     OVH_ZONE_FILE_ERROR_MANAGED,
    OVH_ZONE_FILE_ERROR_SYNTAX,      OVH_ZONE_FILE_ERROR_UNSUPPORTED,
    OVH_ZONE_FILE_ERROR_UNSUPPORTED, OVH_ZONE_FILE_ERROR_UNSUPPORTED,
    OVH_ZONE_FILE_ERROR_OUT_OF_ZONE,
  };

  /* Everything read: www, sub NS and last; every other line named. */
  g_assert_cmpuint (parsed->len, ==, 3);
  g_assert_cmpstr (ovh_record_get_sub_domain (g_ptr_array_index (parsed, 2)), ==, "last");
  for (guint i = 0; i < problems->len; i++)
    {
      problem = g_ptr_array_index (problems, i);
      g_test_message ("%u: %d %s", problem->line, problem->code, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected_lines));
  for (guint i = 0; i < problems->len; i++)
    {
      problem = g_ptr_array_index (problems, i);
      g_assert_cmpuint (problem->line, ==, expected_lines[i]);
      g_assert_cmpint (problem->code, ==, expected_codes[i]);
      g_assert_cmpstr (problem->message, !=, "");
    }
  g_assert_true (ovh_zone_file_problems_have_errors (problems));

  /* Only left-out records: no error. */
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = ovh_zone_file_parse_full ("@ IN NS dns1.ovh.net.\nwww IN A 192.0.2.1\n", "example.com",
                                     OVH_ZONE_FILE_PARSE_DEFAULT, &problems);
  g_assert_cmpuint (parsed->len, ==, 1);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_false (ovh_zone_file_problems_have_errors (problems));
}

static void
test_snapshots (void)
{
  g_autofree char *base = g_dir_make_tmp ("domaine-snapshots-XXXXXX", NULL);
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (OvhRecord) record = ovh_record_new ("example.com", "www", "TXT", "a \"b\"", 60);
  g_autoptr (GArray) times = NULL;
  g_autoptr (GPtrArray) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf info;
  gint64 first = 0, time = 0;

  g_assert_nonnull (base);
  ovh_record_set_id (record, 42);
  g_list_store_append (store, record);

  g_assert_true (ovh_zone_snapshot_save (base, "acc/../x", "example.com", G_LIST_MODEL (store),
                                         &first, &error));
  g_assert_no_error (error);
  dir = ovh_zone_snapshot_dup_dir (base, "acc/../x", "example.com");
  g_assert_true (g_str_has_prefix (dir, base));
  g_assert_null (strstr (dir + strlen (base), "/../"));
  path = g_strdup_printf ("%s/%" G_GINT64_FORMAT ".json", dir, first);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  loaded = ovh_zone_snapshot_load (base, "acc/../x", "example.com", first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_true (ovh_record_equal (g_ptr_array_index (loaded, 0), record));

  /* Bounded in count… */
  for (guint i = 0; i < OVH_ZONE_SNAPSHOT_MAX_COUNT + 3; i++)
    g_assert_true (ovh_zone_snapshot_save (base, "acc/../x", "example.com", G_LIST_MODEL (store),
                                           &time, &error));
  times = ovh_zone_snapshot_list (base, "acc/../x", "example.com");
  g_assert_cmpuint (times->len, ==, OVH_ZONE_SNAPSHOT_MAX_COUNT);
  g_assert_cmpint (g_array_index (times, gint64, 0), ==, time);
  g_clear_pointer (&times, g_array_unref);

  /* …and in age. */
  ovh_zone_snapshot_prune (base, "acc/../x", "example.com",
                           time + (OVH_ZONE_SNAPSHOT_MAX_AGE_DAYS + 1) * G_TIME_SPAN_DAY);
  times = ovh_zone_snapshot_list (base, "acc/../x", "example.com");
  g_assert_cmpuint (times->len, ==, 0);

  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zone-diff/kinds", test_kinds);
  g_test_add_func ("/zone-diff/same-and-typed-txt", test_same_and_typed_txt);
  g_test_add_func ("/zone-diff/guard", test_guard);
  g_test_add_func ("/zone-diff/round-trip-hard-txt", test_round_trip_hard_txt);
  g_test_add_func ("/zone-diff/parse-full", test_parse_full);
  g_test_add_func ("/zone-diff/snapshots", test_snapshots);

  return g_test_run ();
}
