/* test-record-notes.c: notes on records, kept on this computer, and in zone files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ovh-record-notes.h"
#include "ovh-zone-file.h"

#define ACCOUNT "ovh-eu-app42"
#define ZONE "example.com"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->dir = g_dir_make_tmp ("test-record-notes-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static OvhRecord *
new_record (guint64 id, const char *sub_domain, const char *type, const char *target)
{
  OvhRecord *record = ovh_record_new (ZONE, sub_domain, type, target, 0);

  ovh_record_set_id (record, id);
  return record;
}

static OvhRecordNotes *
open_notes (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  OvhRecordNotes *notes = ovh_record_notes_open (fixture->dir, ACCOUNT, ZONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notes);
  return notes;
}

static void
save (OvhRecordNotes *notes)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ovh_record_notes_save (notes, &error));
  g_assert_no_error (error);
}

static void
test_paths (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = ovh_record_notes_dup_path (fixture->dir, ACCOUNT, ZONE);
  g_autofree char *expected = g_build_filename (fixture->dir, ACCOUNT, ZONE ".json", NULL);
  g_autofree char *in_data_dir = ovh_record_notes_dup_path (NULL, ACCOUNT, ZONE);
  g_autofree char *data_dir_expected
      = g_build_filename (g_get_user_data_dir (), "domaine", "notes", ACCOUNT, ZONE ".json", NULL);
  const char *unsafe[] = { "", "..", "a/b", "a\\b", ".hidden", "x..y" };
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (in_data_dir, ==, data_dir_expected);
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_assert_null (ovh_record_notes_dup_path (fixture->dir, unsafe[i], ZONE));
      g_assert_null (ovh_record_notes_dup_path (fixture->dir, ACCOUNT, unsafe[i]));
    }
  g_assert_null (ovh_record_notes_open (fixture->dir, ACCOUNT, "../evil", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
}

/* Set, saved, read back by a new store: the note is there by id, the file is 0600. */
static void
test_survives_reload (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordNotes) notes = open_notes (fixture);
  g_autoptr (OvhRecordNotes) again = NULL;
  g_autoptr (OvhRecord) www = new_record (101, "www", "A", "192.0.2.1");
  g_autoptr (OvhRecord) mx = new_record (102, "", "MX", "10 mx.example.com.");
  g_autofree char *dir = NULL;
  GStatBuf st;
  guint n_changed = 0;

  g_signal_connect_swapped (notes, "changed", G_CALLBACK (g_atomic_int_inc), &n_changed);
  g_assert_cmpuint (ovh_record_notes_get_n_notes (notes), ==, 0);
  g_assert_true (ovh_record_notes_set (notes, www, "  Front web server\nrenewed in May  "));
  g_assert_true (ovh_record_notes_set (notes, mx, "Mail — géré par l’équipe"));
  g_assert_false (ovh_record_notes_set (notes, mx, "Mail — géré par l’équipe"));
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (ovh_record_notes_get_n_notes (notes), ==, 2);
  g_assert_cmpstr (ovh_record_notes_lookup (notes, www), ==, "Front web server\nrenewed in May");
  save (notes);

  g_assert_cmpint (g_stat (ovh_record_notes_get_path (notes), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (ovh_record_notes_get_path (notes));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  again = open_notes (fixture);
  g_assert_cmpuint (ovh_record_notes_get_n_notes (again), ==, 2);
  g_assert_cmpstr (ovh_record_notes_lookup_id (again, 101), ==, "Front web server\nrenewed in May");
  g_assert_cmpstr (ovh_record_notes_lookup (again, mx), ==, "Mail — géré par l’équipe");
  g_assert_null (ovh_record_notes_lookup_id (again, 103));

  /* Cleared with white space; the last note cleared removes the file. */
  g_assert_true (ovh_record_notes_set (again, www, " \n "));
  g_assert_true (ovh_record_notes_set (again, mx, NULL));
  g_assert_false (ovh_record_notes_set (again, mx, ""));
  g_assert_cmpuint (ovh_record_notes_get_n_notes (again), ==, 0);
  save (again);
  g_assert_false (g_file_test (ovh_record_notes_get_path (again), G_FILE_TEST_EXISTS));
}

/* An edit of the value keeps the id: the note stays, and learns the new value. */
static void
test_survives_edit (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordNotes) notes = open_notes (fixture);
  g_autoptr (OvhRecord) www = new_record (7, "www", "A", "192.0.2.1");
  g_autoptr (GPtrArray) zone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (OvhRecordNotes) again = NULL;
  g_autoptr (OvhRecord) recreated = NULL;

  ovh_record_notes_set (notes, www, "Load balancer");
  save (notes);

  ovh_record_set_target (www, "192.0.2.99");
  g_ptr_array_add (zone, g_object_ref (www));
  g_assert_cmpuint (ovh_record_notes_follow_array (notes, zone), ==, 0);
  g_assert_cmpstr (ovh_record_notes_lookup (notes, www), ==, "Load balancer");
  g_assert_true (ovh_record_notes_save_if_changed (notes, NULL));

  /* The file holds the new value: a recreate of the edited record finds its note. */
  again = open_notes (fixture);
  recreated = new_record (8, "WWW", "A", "192.0.2.99");
  g_ptr_array_set_size (zone, 0);
  g_ptr_array_add (zone, g_object_ref (recreated));
  g_assert_cmpuint (ovh_record_notes_follow_array (again, zone), ==, 1);
  g_assert_cmpstr (ovh_record_notes_lookup (again, recreated), ==, "Load balancer");
  g_assert_null (ovh_record_notes_lookup_id (again, 7));
}

/* A record recreated under a new id (a restore, delete + create) keeps its note when exactly
 * one record has its name, type and value; with two, the note waits. */
static void
test_follows_recreate (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordNotes) notes = open_notes (fixture);
  g_autoptr (OvhRecord) spf = new_record (20, "", "SPF", "v=spf1 mx -all");
  g_autoptr (OvhRecord) txt = new_record (21, "", "TXT", "verify=1");
  g_autoptr (OvhRecord) other = new_record (22, "", "TXT", "other");
  g_autoptr (GPtrArray) zone = g_ptr_array_new_with_free_func (g_object_unref);

  ovh_record_notes_set (notes, spf, "Mail senders");
  ovh_record_notes_set (notes, txt, "Site verification");
  ovh_record_notes_set (notes, other, "Other");

  /* The SPF came back as 30; the TXT came back twice (31, 32); "other" is gone but 33 has a
   * note of its own already, so a second "other" cannot take it. */
  g_ptr_array_add (zone, new_record (30, "", "SPF", "v=spf1 mx -all"));
  g_ptr_array_add (zone, new_record (31, "", "TXT", "verify=1"));
  g_ptr_array_add (zone, new_record (32, "", "TXT", "verify=1"));
  g_ptr_array_add (zone, new_record (33, "", "TXT", "other"));
  ovh_record_notes_set (notes, g_ptr_array_index (zone, 3), "Newer");

  g_assert_cmpuint (ovh_record_notes_follow_array (notes, zone), ==, 1);
  g_assert_cmpstr (ovh_record_notes_lookup_id (notes, 30), ==, "Mail senders");
  g_assert_null (ovh_record_notes_lookup_id (notes, 20));
  g_assert_null (ovh_record_notes_lookup_id (notes, 31));
  g_assert_null (ovh_record_notes_lookup_id (notes, 32));
  g_assert_cmpstr (ovh_record_notes_lookup_id (notes, 21), ==, "Site verification");
  g_assert_cmpstr (ovh_record_notes_lookup_id (notes, 33), ==, "Newer");
  g_assert_cmpuint (ovh_record_notes_get_n_notes (notes), ==, 4);

  /* One of the twins goes away: the waiting note now finds its record. */
  g_ptr_array_remove_index (zone, 2);
  g_assert_cmpuint (ovh_record_notes_follow_array (notes, zone), ==, 1);
  g_assert_cmpstr (ovh_record_notes_lookup_id (notes, 31), ==, "Site verification");
}

/* A note given to a record not created yet (id 0) reaches it once it has an id. */
static void
test_unborn_record (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordNotes) notes = open_notes (fixture);
  g_autoptr (OvhRecordNotes) again = NULL;
  g_autoptr (OvhRecord) staged = new_record (0, "api", "CNAME", "lb.example.net.");
  g_autoptr (OvhRecord) created = new_record (500, "api", "CNAME", "lb.example.net.");
  g_autoptr (GListStore) zone = g_list_store_new (OVH_TYPE_RECORD);

  g_assert_true (ovh_record_notes_set (notes, staged, "Public API"));
  g_assert_cmpstr (ovh_record_notes_lookup (notes, staged), ==, "Public API");
  g_assert_null (ovh_record_notes_lookup (notes, created));
  save (notes);

  again = open_notes (fixture);
  g_list_store_append (zone, created);
  g_assert_cmpuint (ovh_record_notes_follow (again, G_LIST_MODEL (zone)), ==, 1);
  g_assert_cmpstr (ovh_record_notes_lookup (again, created), ==, "Public API");
  g_assert_null (ovh_record_notes_lookup (again, staged));
  g_assert_cmpuint (ovh_record_notes_get_n_notes (again), ==, 1);
}

static void
test_corrupt_file (Fixture *fixture, gconstpointer data)
{
  const char *damaged[] = {
    "",
    "{",
    "[]",
    "{\"version\": 1}",
    "{\"version\": 2, \"notes\": []}",
    "{\"version\": \"1\", \"notes\": []}",
    "{\"version\": 1, \"notes\": [42]}",
    "{\"version\": 1, \"notes\": [{\"id\": -4, \"subDomain\": \"\", \"fieldType\": \"A\", "
    "\"target\": \"x\", \"note\": \"n\"}]}",
    "{\"version\": 1, \"notes\": [{\"id\": 4, \"fieldType\": \"A\", \"target\": \"x\", "
    "\"note\": \"n\"}]}",
    "{\"version\": 1, \"notes\": [{\"id\": 4.5, \"subDomain\": \"\", \"fieldType\": \"A\", "
    "\"target\": \"x\", \"note\": \"n\"}]}",
    "\xff\xfe{}",
  };
  g_autofree char *path = ovh_record_notes_dup_path (fixture->dir, ACCOUNT, ZONE);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (OvhRecordNotes) notes = open_notes (fixture);
  g_autoptr (OvhRecord) www = new_record (1, "www", "A", "192.0.2.1");

  ovh_record_notes_set (notes, www, "Kept");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhRecordNotes) opened = NULL;

      g_test_message ("damaged file %u", i);
      g_assert_true (g_file_set_contents (path, damaged[i], -1, NULL));
      opened = ovh_record_notes_open (fixture->dir, ACCOUNT, ZONE, &error);
      g_assert_null (opened);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, path));

      /* Loading into a store leaves its notes as they were. */
      g_clear_error (&error);
      g_assert_false (ovh_record_notes_parse (notes, damaged[i], -1, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (ovh_record_notes_lookup (notes, www), ==, "Kept");
    }
}

/* 100,000 records: notes followed and looked up without a scan per record. */
static void
test_large_zone (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordNotes) notes = ovh_record_notes_new (NULL);
  g_autoptr (GPtrArray) zone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GTimer) timer = NULL;
  guint found = 0;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *name = g_strdup_printf ("host%u", i);
      OvhRecord *record = new_record (i + 1, name, "A", "192.0.2.1");

      g_ptr_array_add (zone, record);
      if (i % 10 == 0)
        ovh_record_notes_set (notes, record, name);
    }
  timer = g_timer_new ();
  ovh_record_notes_follow_array (notes, zone);
  for (guint i = 0; i < zone->len; i++)
    found += ovh_record_notes_lookup (notes, g_ptr_array_index (zone, i)) != NULL;
  g_test_message ("follow + 100,000 lookups: %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (found, ==, 10000);
}

/* Notes go out as comment lines before their records and come back, line breaks and all. */
static void
test_zone_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhRecordNotes) notes = ovh_record_notes_new (NULL);
  g_autoptr (OvhRecordNotes) imported = ovh_record_notes_new (NULL);
  g_autoptr (GListStore) zone = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (OvhRecord) www = new_record (1, "www", "A", "192.0.2.1");
  g_autoptr (OvhRecord) mx = new_record (2, "", "MX", "10 mx.example.com.");
  g_autoptr (OvhRecord) txt = new_record (3, "", "TXT", "plain; not a note");
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autoptr (GError) error = NULL;

  g_list_store_append (zone, www);
  g_list_store_append (zone, mx);
  g_list_store_append (zone, txt);
  ovh_record_notes_set (notes, www, "Web front\\back, line one\nline two");
  ovh_record_notes_set (notes, mx, "Mail; été");

  text = ovh_zone_file_write_model_with_notes (ZONE, 3600, G_LIST_MODEL (zone), notes);
  g_assert_nonnull (strstr (text, "; domaine-note: Mail; été\n@ IN MX 10 mx.example.com.\n"));
  g_assert_nonnull (strstr (
      text, "; domaine-note: Web front\\\\back, line one\\nline two\nwww IN A 192.0.2.1\n"));
  plain = ovh_zone_file_write_model (ZONE, 3600, G_LIST_MODEL (zone));
  g_assert_null (strstr (plain, "domaine-note"));

  parsed = ovh_zone_file_parse (text, ZONE, OVH_ZONE_FILE_PARSE_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 3);
  for (guint i = 0; i < parsed->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (parsed, i);
      const char *type = ovh_record_get_field_type (record);

      if (g_str_equal (type, "A"))
        g_assert_cmpstr (ovh_zone_file_get_note (record), ==,
                         "Web front\\back, line one\nline two");
      else if (g_str_equal (type, "MX"))
        g_assert_cmpstr (ovh_zone_file_get_note (record), ==, "Mail; été");
      else
        g_assert_null (ovh_zone_file_get_note (record));
    }

  /* Imported, then published: the new records find their notes. */
  g_assert_cmpuint (ovh_zone_file_take_notes (parsed, imported), ==, 2);
  for (guint i = 0; i < parsed->len; i++)
    {
      OvhRecord *record = ovh_record_dup (g_ptr_array_index (parsed, i));

      ovh_record_set_id (record, 900 + i);
      g_ptr_array_add (created, record);
    }
  g_assert_cmpuint (ovh_record_notes_follow_array (imported, created), ==, 2);
  for (guint i = 0; i < created->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (created, i);

      g_assert_cmpstr (ovh_record_notes_lookup (imported, record), ==,
                       ovh_zone_file_get_note (g_ptr_array_index (parsed, i)));
    }
  g_assert_cmpuint (ovh_record_notes_get_n_notes (imported), ==, 2);

  /* Only a comment on a line of its own, right before the record, is its note; a directive
   * or a record between loses it; other readers see a comment. */
  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = ovh_zone_file_parse_full ("; domaine-note: first\n\n; another comment\n"
                                     "a IN A 192.0.2.1 ; domaine-note: not this\n"
                                     "b IN A 192.0.2.2\n"
                                     "; domaine-note: lost\n$TTL 60\nc IN A 192.0.2.3\n"
                                     ";domaine-note:tight\r\nd IN A 192.0.2.4\r\n"
                                     "; domaine-note:    \ne IN A 192.0.2.5\n",
                                     ZONE, OVH_ZONE_FILE_PARSE_DEFAULT, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (parsed->len, ==, 5);
  g_assert_cmpstr (ovh_zone_file_get_note (g_ptr_array_index (parsed, 0)), ==, "first");
  g_assert_null (ovh_zone_file_get_note (g_ptr_array_index (parsed, 1)));
  g_assert_null (ovh_zone_file_get_note (g_ptr_array_index (parsed, 2)));
  g_assert_cmpstr (ovh_zone_file_get_note (g_ptr_array_index (parsed, 3)), ==, "tight");
  g_assert_null (ovh_zone_file_get_note (g_ptr_array_index (parsed, 4)));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/record-notes/paths", Fixture, NULL, fixture_set_up, test_paths, fixture_tear_down);
  g_test_add ("/record-notes/survives-reload", Fixture, NULL, fixture_set_up, test_survives_reload,
              fixture_tear_down);
  g_test_add ("/record-notes/survives-edit", Fixture, NULL, fixture_set_up, test_survives_edit,
              fixture_tear_down);
  g_test_add ("/record-notes/follows-recreate", Fixture, NULL, fixture_set_up,
              test_follows_recreate, fixture_tear_down);
  g_test_add ("/record-notes/unborn-record", Fixture, NULL, fixture_set_up, test_unborn_record,
              fixture_tear_down);
  g_test_add ("/record-notes/corrupt-file", Fixture, NULL, fixture_set_up, test_corrupt_file,
              fixture_tear_down);
  g_test_add ("/record-notes/large-zone", Fixture, NULL, fixture_set_up, test_large_zone,
              fixture_tear_down);
  g_test_add ("/record-notes/zone-file", Fixture, NULL, fixture_set_up, test_zone_file,
              fixture_tear_down);

  return g_test_run ();
}
