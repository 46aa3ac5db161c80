/* test-cli-notes.c: domaine-cli records note, and notes in records list --json, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-cli-fixture.h"

#define ZONE "lovelace.fr"

/* The records of the zone, from records list --json. */
static JsonNode *
list_records (OvhCliFixture *fixture)
{
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "list", ZONE, NULL), ==, 0);
  return ovh_cli_fixture_parse (fixture->out);
}

static JsonObject *
find_record (JsonNode *list, gint64 id)
{
  JsonArray *records = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (json_object_get_int_member (record, "id") == id)
        return record;
    }
  return NULL;
}

/* The one notes file under the scratch data dir (the account's folder has the account's id). */
static char *
dup_notes_path (OvhCliFixture *fixture)
{
  g_autofree char *base = g_build_filename (fixture->home, "domaine", "notes", NULL);
  g_autoptr (GDir) dir = g_dir_open (base, 0, NULL);
  const char *account;

  g_assert_nonnull (dir);
  account = g_dir_read_name (dir);
  g_assert_nonnull (account);
  g_assert_null (g_dir_read_name (dir));
  return g_build_filename (base, account, ZONE ".json", NULL);
}

static void
test_set_show_clear (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) list = list_records (fixture);
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (JsonNode) cleared = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  JsonArray *records = json_node_get_array (list);
  JsonObject *object;
  gint64 record_id;
  GStatBuf st;
  guint requests, writes;

  g_assert_cmpuint (json_array_get_length (records), >, 1);
  for (guint i = 0; i < json_array_get_length (records); i++)
    g_assert_false (json_object_has_member (json_array_get_object_element (records, i), "note"));
  record_id = json_object_get_int_member (json_array_get_object_element (records, 0), "id");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);

  /* Set: nothing is sent to OVH but reads. */
  requests = ovh_sandbox_get_request_count (fixture->api.sandbox, NULL, NULL);
  writes = ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", NULL)
           + ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", NULL)
           + ovh_sandbox_get_request_count (fixture->api.sandbox, "DELETE", NULL);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, "Mail relay, géré ici", NULL), ==,
      0);
  g_assert_nonnull (strstr (fixture->err, "saved"));
  g_assert_cmpstr (fixture->out, ==, "Mail relay, géré ici\n");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST", NULL)
                        + ovh_sandbox_get_request_count (fixture->api.sandbox, "PUT", NULL)
                        + ovh_sandbox_get_request_count (fixture->api.sandbox, "DELETE", NULL),
                    ==, writes);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, NULL, NULL), >, requests);

  path = dup_notes_path (fixture);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Shown, as text and as JSON. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "Mail relay, géré ici\n");
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "note", ZONE, id, NULL), ==,
                   0);
  shown = ovh_cli_fixture_parse (fixture->out);
  object = json_node_get_object (shown);
  g_assert_cmpstr (json_object_get_string_member (object, "zone"), ==, ZONE);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, record_id);
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==, "Mail relay, géré ici");

  /* In the listing, for that record only. */
  listed = list_records (fixture);
  records = json_node_get_array (listed);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (json_object_get_int_member (record, "id") == record_id)
        g_assert_cmpstr (json_object_get_string_member (record, "note"), ==,
                         "Mail relay, géré ici");
      else
        g_assert_false (json_object_has_member (record, "note"));
    }

  /* Cleared with an empty text: the file goes with the last note. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "note", ZONE, id, "", NULL),
                   ==, 0);
  cleared = ovh_cli_fixture_parse (fixture->out);
  g_assert_true (json_object_get_null_member (json_node_get_object (cleared), "note"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "");
}

/* A record deleted and created again (a new id) keeps its note; a new twin makes it wait. */
static void
test_follows_recreated_record (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) added = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *id = NULL;
  g_autofree char *new_id = NULL;
  gint64 first, second;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "add", ZONE, "--type", "TXT",
                                        "--name", "notes", "--value", "kept", NULL),
                   ==, 0);
  added = ovh_cli_fixture_parse (fixture->out);
  first = json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (added), "record"), "id");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, "Verification token", NULL), ==,
      0);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "delete", ZONE, id, NULL), ==, 0);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "add", ZONE, "--type", "TXT",
                                        "--name", "notes", "--value", "kept", NULL),
                   ==, 0);
  again = ovh_cli_fixture_parse (fixture->out);
  second = json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (again), "record"), "id");
  g_assert_cmpint (second, !=, first);
  new_id = g_strdup_printf ("%" G_GINT64_FORMAT, second);

  list = list_records (fixture);
  g_assert_cmpstr (json_object_get_string_member (find_record (list, second), "note"), ==,
                   "Verification token");
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, new_id, NULL), ==, 0);
  g_assert_cmpstr (fixture->out, ==, "Verification token\n");
}

/* zone import: a note line before a record of the file reaches the record it creates. */
static void
test_zone_import (OvhCliFixture *fixture, gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->home, "import.zone", NULL);
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *text = NULL;
  JsonArray *records;
  gboolean found = FALSE;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "zone", "export", ZONE, NULL), ==, 0);
  exported = g_strdup (fixture->out);
  text = g_strconcat (exported,
                      "; domaine-note: Status page, on the provider's side\n"
                      "status IN CNAME status.example.net.\n",
                      NULL);
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "zone", "import", ZONE, file, "--merge", "--yes", NULL), ==, 0);

  list = list_records (fixture);
  records = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member (record, "subDomain"), "status"))
        {
          g_assert_cmpstr (json_object_get_string_member (record, "note"), ==,
                           "Status page, on the provider's side");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_errors (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) list = list_records (fixture);
  g_autofree char *id
      = g_strdup_printf ("%" G_GINT64_FORMAT,
                         json_object_get_int_member (
                             json_array_get_object_element (json_node_get_array (list), 0), "id"));
  g_autofree char *path = NULL;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, "abc", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, "999999999", "x", NULL),
                   ==, 4);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, "a", "b", NULL), ==,
                   2);

  /* A damaged file is an error that names it, never a crash, and is left as it was. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, "first", NULL), ==,
                   0);
  path = dup_notes_path (fixture);
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"notes\": [{]", -1, NULL));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, "second", NULL), ==,
                   1);
  g_assert_nonnull (strstr (fixture->err, path));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "note", ZONE, id, NULL), ==, 1);
  /* The listing goes on without notes, and says why. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "--json", "records", "list", ZONE, NULL), ==, 0);
  g_assert_nonnull (strstr (fixture->err, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ovh_cli_fixture_add ("/cli/notes/set-show-clear", test_set_show_clear);
  ovh_cli_fixture_add ("/cli/notes/follows-recreated-record", test_follows_recreated_record);
  ovh_cli_fixture_add ("/cli/notes/zone-import", test_zone_import);
  ovh_cli_fixture_add ("/cli/notes/errors", test_errors);
  return g_test_run ();
}
