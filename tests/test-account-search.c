/* test-account-search.c: search and replace across the zones of an account, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ovh-account-replace.h"
#include "ovh-account-search.h"
#include "ovh-record-cache.h"
#include "ovh-record-loader.h"
#include "ovh-record-notes.h"
#include "test-fixture.h"

/* The sandbox's three seeded zones, and one more that no replacement below touches. */
#define ENGINE "analytical-engine.com"
#define COUNTESS "countess.dev"
#define LOVELACE "lovelace.fr"
#define QUIET "quiet.test"

/* Matches the documentation addresses of the seeded zones' A records, not QUIET's 10.x. */
#define ADDRESS_REGEX "^(203\\.0\\.113|192\\.0\\.2|198\\.51\\.100)\\.(\\d+)$"

typedef struct
{
  char *cache_dir;
} Scratch;

static OvhAccountSearch *
new_search (OvhTestFixture *fixture, Scratch *scratch)
{
  OvhAccountSearch *search = ovh_account_search_new (fixture->client);

  ovh_record_loader_forget_all ();
  scratch->cache_dir = g_dir_make_tmp ("account-search-XXXXXX", NULL);
  g_assert_nonnull (scratch->cache_dir);
  ovh_account_search_set_cache_dir (search, scratch->cache_dir);
  return search;
}

static void
scratch_clear (Scratch *scratch)
{
  g_autoptr (GFile) dir = g_file_new_for_path (scratch->cache_dir);
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  ovh_record_cache_wait_for_writes ();
  /* One level: the cache keeps its files in the folder itself. */
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                        NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    g_file_delete (child, NULL, NULL);
  g_rmdir (scratch->cache_dir);
  g_clear_pointer (&scratch->cache_dir, g_free);
}

static void
count_progress (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  guint *n_notifies = user_data;
  OvhAccountSearch *search = OVH_ACCOUNT_SEARCH (object);

  g_assert_cmpuint (ovh_account_search_get_n_zones_loaded (search), <=,
                    ovh_account_search_get_n_zones (search));
  (*n_notifies)++;
}

static gboolean
load (OvhAccountSearch *search, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_search_load_async (search, cancellable, ovh_test_store_result, &result);
  return ovh_account_search_load_finish (search, ovh_test_wait_result (&result), error);
}

static GListModel *
find (OvhAccountSearch *search,
      const char *text,
      OvhValueReplaceFlags flags,
      OvhAccountSearchFields fields,
      const char *type)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhValueReplacer) matcher = ovh_value_replacer_new (text, "", flags, &error);

  g_assert_no_error (error);
  return ovh_account_search_find (search, matcher, fields, type);
}

/* "zone: n, zone: n" of a result, for one assertion per search. */
static char *
describe (GListModel *found)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (OvhZoneMatches) matches = g_list_model_get_item (found, i);
      GListModel *records = ovh_zone_matches_get_records (matches);

      for (guint j = 0; j < g_list_model_get_n_items (records); j++)
        {
          g_autoptr (OvhRecord) record = g_list_model_get_item (records, j);

          /* Grouped right: each record is its group's zone's. */
          g_assert_cmpstr (ovh_record_get_zone (record), ==,
                           ovh_zone_matches_get_zone_name (matches));
        }
      g_string_append_printf (text, "%s%s: %u", i > 0 ? ", " : "",
                              ovh_zone_matches_get_zone_name (matches),
                              g_list_model_get_n_items (records));
    }
  return g_string_free (text, FALSE);
}

static void
assert_found (OvhAccountSearch *search,
              const char *text,
              OvhValueReplaceFlags flags,
              OvhAccountSearchFields fields,
              const char *type,
              const char *expected)
{
  g_autoptr (GListModel) found = find (search, text, flags, fields, type);
  g_autofree char *description = describe (found);

  g_assert_cmpstr (description, ==, expected);
}

static void
test_find (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = new_search (fixture, &scratch);
  g_autoptr (GError) error = NULL;
  guint n_notifies = 0;

  g_signal_connect (search, "notify::n-zones-loaded", G_CALLBACK (count_progress), &n_notifies);
  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_account_search_get_loading (search));
  g_assert_cmpuint (ovh_account_search_get_n_zones (search), ==, 3);
  g_assert_cmpuint (ovh_account_search_get_n_zones_loaded (search), ==, 3);
  g_assert_cmpuint (n_notifies, ==, 3);
  g_assert_cmpuint (ovh_account_search_get_zones (search)->len, ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) ovh_account_search_get_failed_zones (search)), ==, 0);

  /* Names: www in each zone, and the TLSA record under www. */
  assert_found (search, "www", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_NAME, NULL,
                ENGINE ": 2, " COUNTESS ": 1, " LOVELACE ": 1");
  /* Values: OVH's name servers and mail hosts; the case is ignored only when asked. */
  assert_found (search, "OVH.NET", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_VALUE, NULL, "");
  assert_found (search, "OVH.NET", OVH_VALUE_REPLACE_IGNORE_CASE, OVH_ACCOUNT_SEARCH_VALUE, NULL,
                COUNTESS ": 2, " LOVELACE ": 6");
  /* Types, with every field searched. */
  assert_found (search, "DMARC", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_TYPE, NULL,
                ENGINE ": 1, " LOVELACE ": 1");
  /* A regular expression. */
  assert_found (search, "^v=DMARC1;p=(quarantine|reject)", OVH_VALUE_REPLACE_REGEX,
                OVH_ACCOUNT_SEARCH_ALL, NULL, ENGINE ": 1, " LOVELACE ": 1");
  assert_found (search, ADDRESS_REGEX, OVH_VALUE_REPLACE_REGEX, OVH_ACCOUNT_SEARCH_ALL, NULL,
                ENGINE ": 4, " COUNTESS ": 1, " LOVELACE ": 3");
  /* A type filter, in any case. */
  assert_found (search, "mail", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_ALL, "mx",
                ENGINE ": 1, " LOVELACE ": 2");
  assert_found (search, "nothing-like-this", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_ALL,
                NULL, "");

  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

/* The hook for what Domaine keeps outside OVH: asked only about records that matched nothing. */
static gboolean
match_notes (const char *zone, OvhRecord *record, const OvhValueReplacer *matcher, gpointer data)
{
  guint *n_calls = data;

  (*n_calls)++;
  return g_str_equal (zone, COUNTESS) && g_str_equal (ovh_record_get_sub_domain (record), "api")
         && ovh_value_replacer_matches (matcher, "the staging API");
}

static void
test_match_func (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = new_search (fixture, &scratch);
  g_autoptr (GError) error = NULL;
  guint n_calls = 0;

  ovh_account_search_set_match_func (search, match_notes, &n_calls, NULL);
  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  assert_found (search, "staging", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_ALL, NULL,
                COUNTESS ": 1");
  g_assert_cmpuint (n_calls, >, 0);

  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

/* The notes Domaine keeps on this computer: a record is found by its note, and only for the
 * account the note belongs to. */
static void
test_match_notes (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = new_search (fixture, &scratch);
  g_autofree char *base_dir = g_dir_make_tmp ("account-search-notes-XXXXXX", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) found = NULL;
  g_autoptr (OvhZoneMatches) matches = NULL;
  g_autoptr (OvhRecord) api = NULL;
  g_autoptr (OvhRecordNotes) notes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  found = find (search, "^api$", OVH_VALUE_REPLACE_REGEX, OVH_ACCOUNT_SEARCH_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  matches = g_list_model_get_item (found, 0);
  g_assert_cmpstr (ovh_zone_matches_get_zone_name (matches), ==, COUNTESS);
  api = g_list_model_get_item (ovh_zone_matches_get_records (matches), 0);

  notes = ovh_record_notes_open (base_dir, "acct", COUNTESS, &error);
  g_assert_no_error (error);
  g_assert_true (ovh_record_notes_set (notes, api, "Run by the staging team"));
  g_assert_true (ovh_record_notes_save (notes, &error));
  g_assert_no_error (error);
  path = g_strdup (ovh_record_notes_get_path (notes));

  /* Another account's notes are not this account's. */
  ovh_account_search_match_notes (search, base_dir, "someone-else");
  assert_found (search, "staging team", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_ALL, NULL,
                "");
  ovh_account_search_match_notes (search, base_dir, "acct");
  assert_found (search, "staging team", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_ALL, NULL,
                COUNTESS ": 1");
  assert_found (search, "STAGING", OVH_VALUE_REPLACE_IGNORE_CASE, OVH_ACCOUNT_SEARCH_ALL, NULL,
                COUNTESS ": 1");

  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
  /* base_dir/…/acct/countess.dev…: the note's file and its folders, nothing else. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  dir = g_path_get_dirname (path);
  while (strlen (dir) > strlen (base_dir))
    {
      char *parent = g_path_get_dirname (dir);

      g_assert_cmpint (g_rmdir (dir), ==, 0);
      g_free (dir);
      dir = parent;
    }
  g_rmdir (base_dir);
}

/* Zones named rather than listed; the second load reads the records from the cache. */
static void
test_named_zones_and_cache (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = new_search (fixture, &scratch);
  g_autoptr (GError) error = NULL;
  const char *names[] = { LOVELACE, COUNTESS, NULL };
  GPtrArray *zones;

  ovh_account_search_set_zone_names (search, names);
  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  zones = ovh_account_search_get_zones (search);
  g_assert_cmpuint (zones->len, ==, 2);
  g_assert_cmpstr (ovh_zone_get_name (g_ptr_array_index (zones, 0)), ==, COUNTESS);
  g_assert_false (ovh_zone_get_from_cache (g_ptr_array_index (zones, 0)));
  ovh_record_cache_wait_for_writes ();

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  zones = ovh_account_search_get_zones (search);
  g_assert_true (ovh_zone_get_from_cache (g_ptr_array_index (zones, 0)));
  g_assert_true (ovh_zone_get_from_cache (g_ptr_array_index (zones, 1)));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone"), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "*/record*"), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

static void
cancel_after_first (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  if (ovh_account_search_get_n_zones_loaded (OVH_ACCOUNT_SEARCH (object)) == 1)
    g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
test_cancel (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = new_search (fixture, &scratch);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  ovh_account_search_set_max_in_flight (search, 1);
  g_signal_connect (search, "notify::n-zones-loaded", G_CALLBACK (cancel_after_first), cancellable);
  g_assert_false (load (search, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ovh_account_search_get_loading (search));
  /* The zone loaded before the cancel stays searchable; the others were never asked for. */
  g_assert_cmpuint (ovh_account_search_get_zones (search)->len, ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "*/" LOVELACE "/soa"),
                    ==, 0);

  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

static void
test_zone_fails_to_load (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = new_search (fixture, &scratch);
  g_autoptr (GError) error = NULL;
  const char *const *failed;

  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" COUNTESS "/soa",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  failed = ovh_account_search_get_failed_zones (search);
  g_assert_cmpuint (g_strv_length ((GStrv) failed), ==, 1);
  g_assert_cmpstr (failed[0], ==, COUNTESS);
  g_assert_nonnull (ovh_account_search_get_zone_error (search, COUNTESS));
  g_assert_null (ovh_account_search_get_zone_error (search, LOVELACE));
  g_assert_cmpuint (ovh_account_search_get_n_zones_loaded (search), ==, 3);
  assert_found (search, "www", OVH_VALUE_REPLACE_DEFAULT, OVH_ACCOUNT_SEARCH_NAME, NULL,
                ENGINE ": 2, " LOVELACE ": 1");

  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

/* Replacing --------------------------------------------------------------------------------- */

static GListModel *
plan (OvhAccountSearch *search,
      const char *from,
      const char *to,
      OvhValueReplaceFlags flags,
      const char *type)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhValueReplacer) replacer = ovh_value_replacer_new (from, to, flags, &error);

  g_assert_no_error (error);
  return ovh_account_replace_plan (search, replacer, type);
}

static gboolean
apply (GListModel *plan, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_replace_apply_async (plan, 0, NULL, ovh_test_store_result, &result);
  return ovh_account_replace_apply_finish (ovh_test_wait_result (&result), error);
}

static guint
n_refreshes (OvhTestFixture *fixture, const char *zone)
{
  g_autofree char *path = g_strdup_printf ("/domain/zone/%s/refresh", zone);

  return ovh_sandbox_get_request_count (fixture->sandbox, "POST", path);
}

static gboolean
sandbox_has_target (OvhTestFixture *fixture, const char *zone, const char *target)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, zone);

  return strstr (json, target) != NULL;
}

static OvhAccountSearch *
load_four_zones (OvhTestFixture *fixture, Scratch *scratch)
{
  OvhAccountSearch *search = new_search (fixture, scratch);
  g_autoptr (GError) error = NULL;

  ovh_sandbox_add_generated_zone (fixture->sandbox, QUIET, 40);
  ovh_account_search_set_load_flags (search, OVH_ZONE_LOAD_BYPASS_CACHE);
  g_assert_true (load (search, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_account_search_get_zones (search)->len, ==, 4);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  return search;
}

static void
test_replace (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = load_four_zones (fixture, &scratch);
  g_autoptr (GListModel) replacements = NULL;
  g_autoptr (GError) error = NULL;
  const char *names[] = { ENGINE, COUNTESS, LOVELACE };
  const guint n_changes[] = { 4, 1, 3 };

  replacements = plan (search, ADDRESS_REGEX, "10.99.0.\\2", OVH_VALUE_REPLACE_REGEX, "A");
  g_assert_cmpuint (g_list_model_get_n_items (replacements), ==, 3);
  g_assert_cmpuint (ovh_account_replace_count_changes (replacements), ==, 8);
  g_assert_cmpuint (ovh_account_replace_count_refusals (replacements), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (replacements, i);
      OvhZoneDiff *diff = ovh_zone_replacement_get_diff (replacement);

      g_assert_cmpstr (ovh_zone_replacement_get_zone_name (replacement), ==, names[i]);
      g_assert_cmpint (ovh_zone_replacement_get_state (replacement), ==,
                       OVH_ZONE_REPLACEMENT_STAGED);
      g_assert_cmpuint (
          ovh_changeset_get_n_pending (ovh_zone_replacement_get_changeset (replacement)), ==,
          n_changes[i]);
      g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, n_changes[i]);
      g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), ==, 0);
      g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 0);
    }
  /* Planning sends nothing. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "*", "*"), ==, 0);

  g_assert_true (apply (replacements, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (replacements, i);

      g_assert_cmpint (ovh_zone_replacement_get_state (replacement), ==,
                       OVH_ZONE_REPLACEMENT_PUBLISHED);
      g_assert_cmpuint (n_refreshes (fixture, names[i]), ==, 1);
      g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, names[i]));
    }
  g_assert_cmpuint (n_refreshes (fixture, QUIET), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*"), ==, 8);
  g_assert_true (sandbox_has_target (fixture, LOVELACE, "\"10.99.0.11\""));
  g_assert_true (sandbox_has_target (fixture, ENGINE, "\"10.99.0.25\""));
  g_assert_true (sandbox_has_target (fixture, COUNTESS, "\"10.99.0.18\""));
  g_assert_false (sandbox_has_target (fixture, LOVELACE, "203.0.113."));

  g_assert_finalize_object (g_steal_pointer (&replacements));
  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

/* A value OVH would refuse is reported and never staged. */
static void
test_replace_refused (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = load_four_zones (fixture, &scratch);
  g_autoptr (GListModel) replacements = NULL;
  g_autoptr (OvhZoneReplacement) replacement = NULL;
  OvhReplaceRefusal *refusal;

  replacements = plan (search, "203.0.113.11", "not an address", OVH_VALUE_REPLACE_DEFAULT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (replacements), ==, 1);
  replacement = g_list_model_get_item (replacements, 0);
  g_assert_cmpstr (ovh_zone_replacement_get_zone_name (replacement), ==, LOVELACE);
  g_assert_cmpint (ovh_zone_replacement_get_state (replacement), ==,
                   OVH_ZONE_REPLACEMENT_UNCHANGED);
  g_assert_cmpuint (ovh_changeset_get_n_pending (ovh_zone_replacement_get_changeset (replacement)),
                    ==, 0);
  g_assert_cmpuint (ovh_zone_replacement_get_refusals (replacement)->len, ==, 1);
  refusal = g_ptr_array_index (ovh_zone_replacement_get_refusals (replacement), 0);
  g_assert_cmpstr (ovh_record_get_sub_domain (refusal->record), ==, "blog");
  g_assert_cmpstr (refusal->new_value, ==, "not an address");
  g_assert_error (refusal->error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET);
  g_assert_true (ovh_zone_diff_is_empty (ovh_zone_replacement_get_diff (replacement)));

  g_clear_object (&replacement);
  g_assert_finalize_object (g_steal_pointer (&replacements));
  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

/* A zone whose changes OVH refuses keeps them staged; the other zones are published. */
static void
test_replace_zone_fails (OvhTestFixture *fixture, gconstpointer data)
{
  Scratch scratch = { 0 };
  g_autoptr (OvhAccountSearch) search = load_four_zones (fixture, &scratch);
  g_autoptr (GListModel) replacements = NULL;
  g_autoptr (OvhZoneReplacement) countess = NULL;
  g_autoptr (GError) error = NULL;

  replacements = plan (search, ADDRESS_REGEX, "10.99.0.\\2", OVH_VALUE_REPLACE_REGEX, "A");
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", "/domain/zone/" COUNTESS "/record/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_false (apply (replacements, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL);
  g_assert_nonnull (strstr (error->message, COUNTESS));
  g_assert_null (strstr (error->message, LOVELACE));

  countess = g_list_model_get_item (replacements, 1);
  g_assert_cmpstr (ovh_zone_replacement_get_zone_name (countess), ==, COUNTESS);
  g_assert_cmpint (ovh_zone_replacement_get_state (countess), ==, OVH_ZONE_REPLACEMENT_FAILED);
  g_assert_nonnull (ovh_zone_replacement_get_error (countess));
  g_assert_cmpuint (ovh_changeset_get_n_pending (ovh_zone_replacement_get_changeset (countess)), ==,
                    1);
  g_assert_cmpuint (n_refreshes (fixture, COUNTESS), ==, 0);
  g_assert_cmpuint (n_refreshes (fixture, LOVELACE), ==, 1);
  g_assert_cmpuint (n_refreshes (fixture, ENGINE), ==, 1);
  g_assert_cmpuint (n_refreshes (fixture, QUIET), ==, 0);

  /* Once OVH takes it again, applying the plan again sends only what is still staged. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  g_clear_error (&error);
  g_assert_true (apply (replacements, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_zone_replacement_get_state (countess), ==, OVH_ZONE_REPLACEMENT_PUBLISHED);
  g_assert_cmpuint (n_refreshes (fixture, COUNTESS), ==, 1);
  g_assert_cmpuint (n_refreshes (fixture, LOVELACE), ==, 1);
  g_assert_true (sandbox_has_target (fixture, COUNTESS, "\"10.99.0.18\""));

  g_clear_object (&countess);
  g_assert_finalize_object (g_steal_pointer (&replacements));
  g_assert_finalize_object (g_steal_pointer (&search));
  scratch_clear (&scratch);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/account-search/find", test_find);
  ovh_test_add ("/account-search/match-func", test_match_func);
  ovh_test_add ("/account-search/match-notes", test_match_notes);
  ovh_test_add ("/account-search/named-zones-and-cache", test_named_zones_and_cache);
  ovh_test_add ("/account-search/cancel", test_cancel);
  ovh_test_add ("/account-search/zone-fails-to-load", test_zone_fails_to_load);
  ovh_test_add ("/account-search/replace", test_replace);
  ovh_test_add ("/account-search/replace-refused", test_replace_refused);
  ovh_test_add ("/account-search/replace-zone-fails", test_replace_zone_fails);

  return g_test_run ();
}
