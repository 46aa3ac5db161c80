/* test-changeset.c: staged edits of a zone, applied and published, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ovh-changeset.h"
#include "ovh-record-loader.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"
#define ZONE_PATH "/domain/zone/" ZONE

typedef struct
{
  OvhZone *zone;
  OvhChangeset *changeset;
} Edit;

static void
edit_open (OvhTestFixture *fixture, Edit *edit)
{
  edit->zone = ovh_test_load_zone (fixture, ZONE);
  edit->changeset = ovh_changeset_new (edit->zone);
  ovh_sandbox_reset_request_log (fixture->sandbox);
}

static void
edit_close (Edit *edit)
{
  g_assert_finalize_object (g_steal_pointer (&edit->changeset));
  g_assert_finalize_object (g_steal_pointer (&edit->zone));
}

/* The sandbox's live record with this id, or NULL. */
static JsonObject *
sandbox_record (OvhTestFixture *fixture, guint64 id, JsonNode **keep)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, ZONE);
  JsonArray *array;

  *keep = json_from_string (json, NULL);
  g_assert_nonnull (*keep);
  array = json_node_get_array (*keep);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      if ((guint64) json_object_get_int_member (object, "id") == id)
        return object;
    }
  return NULL;
}

static gboolean
sandbox_has (OvhTestFixture *fixture, const char *sub_domain, const char *type, const char *target)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, ZONE);
  g_autoptr (JsonNode) root = json_from_string (json, NULL);
  JsonArray *array = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *sub = json_object_get_string_member_with_default (object, "subDomain", "");

      if (g_str_equal (sub, sub_domain)
          && g_str_equal (json_object_get_string_member (object, "fieldType"), type)
          && (target == NULL
              || g_str_equal (json_object_get_string_member (object, "target"), target)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
apply (Edit *edit, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  gboolean has_work = ovh_changeset_get_n_pending (edit->changeset) > 0;

  ovh_changeset_apply_async (edit->changeset, NULL, ovh_test_store_result, &result);
  /* Requests in flight: staging waits. */
  if (has_work)
    {
      g_autoptr (OvhRecord) record = ovh_record_new (ZONE, "late", "A", "192.0.2.200", 0);
      g_autoptr (GError) busy_error = NULL;

      g_assert_true (ovh_changeset_get_busy (edit->changeset));
      g_assert_null (ovh_changeset_stage_create (edit->changeset, record, &busy_error));
      g_assert_error (busy_error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY);
    }
  return ovh_changeset_apply_finish (edit->changeset, ovh_test_wait_result (&result), error);
}

static guint
count_refreshes (OvhTestFixture *fixture)
{
  return ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/refresh");
}

static void
n_pending_cb (OvhChangeset *changeset, GParamSpec *pspec, guint *n_notifies)
{
  (*n_notifies)++;
}

/* The set stays minimal and consistent; nothing is sent while staging. */
static void
test_staging (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) bad = NULL;
  g_autoptr (OvhRecord) good = NULL;
  g_autoptr (OvhRecord) values = NULL;
  g_autoptr (OvhRecord) cname = NULL;
  OvhRecord *blog;
  OvhChange *change, *again, *create, *delete;
  guint n_notifies = 0;
  guint64 blog_id;

  edit_open (fixture, &edit);
  g_signal_connect (edit.changeset, "notify::n-pending", G_CALLBACK (n_pending_cb), &n_notifies);
  blog = ovh_test_find_record (edit.zone, "blog", "A");
  blog_id = ovh_record_get_id (blog);

  /* An invalid record is refused with the field that is wrong. */
  bad = ovh_record_new (ZONE, "api", "A", "not-an-address", 0);
  g_assert_null (ovh_changeset_stage_create (edit.changeset, bad, &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);

  good = ovh_record_new (ZONE, "@", "A", "192.0.2.5", 0);
  create = ovh_changeset_stage_create (edit.changeset, good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (create);
  g_assert_cmpint (ovh_change_get_kind (create), ==, OVH_CHANGE_KIND_CREATE);
  g_assert_cmpstr (ovh_record_get_sub_domain (ovh_change_get_after (create)), ==, "");
  g_assert_true (ovh_change_get_after (create) != good); /* copied */
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);
  g_assert_cmpuint (n_notifies, ==, 1);

  /* An update, then another of the same record: one change. */
  values = ovh_record_new (ZONE, "blog", "A", "203.0.113.99", 600);
  change = ovh_changeset_stage_update (edit.changeset, blog_id, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_kind (change), ==, OVH_CHANGE_KIND_UPDATE);
  g_assert_true (ovh_changeset_lookup (edit.changeset, blog_id) == change);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_before (change)), ==, "203.0.113.11");
  ovh_record_set_target (values, "203.0.113.100");
  again = ovh_changeset_stage_update (edit.changeset, blog_id, values, &error);
  g_assert_no_error (error);
  g_assert_true (again == change);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (change)), ==, "203.0.113.100");
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);

  /* Back to what OVH has: the change disappears. */
  ovh_record_set_target (values, "203.0.113.11");
  ovh_record_set_ttl (values, 3600);
  g_assert_null (ovh_changeset_stage_update (edit.changeset, blog_id, values, &error));
  g_assert_no_error (error);
  g_assert_null (ovh_changeset_lookup (edit.changeset, blog_id));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);

  /* An update cannot change the type; an unknown id is said so. */
  cname = ovh_record_new (ZONE, "blog", "CNAME", "lovelace.fr.", 0);
  g_assert_null (ovh_changeset_stage_update (edit.changeset, blog_id, cname, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_TYPE_CHANGE);
  g_clear_error (&error);
  g_assert_null (ovh_changeset_stage_delete (edit.changeset, 999999999, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Update, then delete: the delete replaces the update. Editing it now is refused. */
  ovh_record_set_target (values, "203.0.113.12");
  change = ovh_changeset_stage_update (edit.changeset, blog_id, values, &error);
  g_assert_no_error (error);
  again = ovh_changeset_stage_delete (edit.changeset, blog_id, &error);
  g_assert_no_error (error);
  g_assert_true (again == change);
  g_assert_cmpint (ovh_change_get_kind (change), ==, OVH_CHANGE_KIND_DELETE);
  g_assert_null (ovh_change_get_after (change));
  g_assert_true (ovh_change_get_record (change) == ovh_change_get_before (change));
  g_assert_true (ovh_changeset_stage_delete (edit.changeset, blog_id, NULL) == change);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);
  g_assert_null (ovh_changeset_stage_update (edit.changeset, blog_id, values, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_STAGED_DELETE);
  g_clear_error (&error);
  g_assert_true (ovh_changeset_discard (edit.changeset, change));
  g_assert_null (ovh_changeset_lookup (edit.changeset, blog_id));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);

  /* A type change is a delete and a create, discarded together. */
  create = ovh_changeset_stage_change_type (edit.changeset, blog_id, cname, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_kind (create), ==, OVH_CHANGE_KIND_CREATE);
  g_assert_cmpuint (ovh_change_get_replaces_id (create), ==, blog_id);
  delete = ovh_changeset_lookup (edit.changeset, blog_id);
  g_assert_nonnull (delete);
  g_assert_cmpint (ovh_change_get_kind (delete), ==, OVH_CHANGE_KIND_DELETE);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 3);
  g_assert_true (ovh_changeset_discard (edit.changeset, create));
  g_assert_null (ovh_changeset_lookup (edit.changeset, blog_id));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);

  /* A staged create takes new values; invalid ones are refused and change nothing. */
  create = g_list_model_get_item (ovh_changeset_get_changes (edit.changeset), 0);
  g_object_unref (create); /* the set keeps it */
  ovh_record_set_target (good, "192.0.2.6");
  g_assert_true (ovh_changeset_restage (edit.changeset, create, good, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (create)), ==, "192.0.2.6");
  g_assert_false (ovh_changeset_restage (edit.changeset, create, bad, &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_cmpstr (ovh_record_get_target (ovh_change_get_after (create)), ==, "192.0.2.6");

  {
    g_autofree char *summary = ovh_change_dup_summary (create);
    g_assert_cmpstr (summary, ==, "Add @ A 192.0.2.6");
  }

  ovh_changeset_discard_all (edit.changeset);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);

  /* Staging sent nothing. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 0);

  g_signal_handlers_disconnect_by_data (edit.changeset, &n_notifies);
  edit_close (&edit);
}

typedef struct
{
  guint n_signals;
  guint max_removed;
  guint max_added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, ItemsChanged *seen)
{
  seen->n_signals++;
  seen->max_removed = MAX (seen->max_removed, removed);
  seen->max_added = MAX (seen->max_added, added);
}

static void
assert_no_field_type_in_puts (OvhTestFixture *fixture)
{
  g_autoptr (GPtrArray) log = ovh_sandbox_dup_request_log (fixture->sandbox);
  guint n_puts = 0;

  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if (!g_str_equal (request->method, "PUT"))
        continue;
      n_puts++;
      g_assert_nonnull (request->body);
      g_assert_null (strstr (request->body, "fieldType"));
    }
  g_assert_cmpuint (n_puts, >, 0);
}

static void
test_apply (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) api = NULL;
  g_autoptr (OvhRecord) values = NULL;
  g_autoptr (JsonNode) keep = NULL;
  ItemsChanged seen = { 0 };
  OvhChange *create;
  guint64 blog_id, notes_id, api_id;
  guint n_before;
  OvhRecord *updated, *created;
  JsonObject *live;

  edit_open (fixture, &edit);
  n_before = ovh_zone_get_n_records (edit.zone);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  notes_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "notes", "TXT"));
  g_signal_connect (ovh_zone_get_records (edit.zone), "items-changed",
                    G_CALLBACK (items_changed_cb), &seen);

  api = ovh_record_new (ZONE, "api", "A", "192.0.2.5", 0);
  create = ovh_changeset_stage_create (edit.changeset, api, &error);
  g_object_ref (create);
  values = ovh_record_new (ZONE, "blog", "A", "203.0.113.99", 600);
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, blog_id, values, &error));
  g_assert_nonnull (ovh_changeset_stage_delete (edit.changeset, notes_id, &error));
  g_assert_no_error (error);

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_changeset_get_busy (edit.changeset));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_false (ovh_changeset_get_needs_publish (edit.changeset));
  g_assert_cmpuint (ovh_changeset_get_n_done (edit.changeset), ==, 3);
  g_assert_cmpint (ovh_change_get_state (create), ==, OVH_CHANGE_STATE_APPLIED);
  api_id = ovh_change_get_record_id (create);
  g_assert_cmpuint (api_id, !=, 0);

  /* OVH has it all, published by exactly one refresh. */
  g_assert_true (sandbox_has (fixture, "api", "A", "192.0.2.5"));
  live = sandbox_record (fixture, blog_id, &keep);
  g_assert_nonnull (live);
  g_assert_cmpstr (json_object_get_string_member (live, "target"), ==, "203.0.113.99");
  g_assert_cmpint (json_object_get_int_member (live, "ttl"), ==, 600);
  g_clear_pointer (&keep, json_node_unref);
  g_assert_null (sandbox_record (fixture, notes_id, &keep));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", ZONE_PATH "/record/*"),
                    ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", ZONE_PATH "/record/*"), ==, 1);
  assert_no_field_type_in_puts (fixture);

  /* The zone's model followed, one row at a time. */
  g_assert_cmpuint (ovh_zone_get_n_records (edit.zone), ==, n_before);
  g_assert_cmpuint (seen.n_signals, ==, 3);
  g_assert_cmpuint (seen.max_removed, <=, 1);
  g_assert_cmpuint (seen.max_added, <=, 1);
  updated = ovh_zone_find_record_by_id (edit.zone, blog_id);
  g_assert_cmpstr (ovh_record_get_target (updated), ==, "203.0.113.99");
  g_assert_cmpuint (ovh_record_get_ttl (updated), ==, 600);
  g_assert_null (ovh_zone_find_record_by_id (edit.zone, notes_id));
  created = ovh_zone_find_record_by_id (edit.zone, api_id);
  g_assert_nonnull (created);
  g_assert_cmpstr (ovh_record_get_target (created), ==, "192.0.2.5");

  /* Nothing left: applying again sends nothing. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 0);

  g_object_unref (create);
  g_signal_handlers_disconnect_by_data (ovh_zone_get_records (edit.zone), &seen);
  edit_close (&edit);
}

static guint
log_position (OvhTestFixture *fixture, const char *method, const char *path_prefix)
{
  g_autoptr (GPtrArray) log = ovh_sandbox_dup_request_log (fixture->sandbox);

  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);
      if (g_str_equal (request->method, method) && g_str_has_prefix (request->path, path_prefix))
        return i;
    }
  return G_MAXUINT;
}

/* A → CNAME on the same name: the A goes first, then the CNAME is created. */
static void
test_change_type (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) cname = NULL;
  g_autofree char *delete_path = NULL;
  guint64 blog_id;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  cname = ovh_record_new (ZONE, "blog", "CNAME", "lovelace.fr.", 0);
  g_assert_nonnull (ovh_changeset_stage_change_type (edit.changeset, blog_id, cname, &error));
  g_assert_no_error (error);

  /* First with the delete refused: the create must not be sent. */
  delete_path = g_strdup_printf (ZONE_PATH "/record/%" G_GUINT64_FORMAT, blog_id);
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", delete_path, OVH_SANDBOX_FAULT_HTTP_500, 1);
  g_assert_false (apply (&edit, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL);
  g_clear_error (&error);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 0);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 2);
  g_assert_cmpuint (count_refreshes (fixture), ==, 0); /* nothing applied, nothing to publish */
  g_assert_true (sandbox_has (fixture, "blog", "A", NULL));

  /* Then for real. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log_position (fixture, "DELETE", delete_path), <,
                    log_position (fixture, "POST", ZONE_PATH "/record"));
  g_assert_false (sandbox_has (fixture, "blog", "A", NULL));
  g_assert_true (sandbox_has (fixture, "blog", "CNAME", NULL));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_null (ovh_zone_find_record_by_id (edit.zone, blog_id));
  g_assert_cmpstr (ovh_record_get_field_type (ovh_test_find_record (edit.zone, "blog", "CNAME")),
                   ==, "CNAME");

  edit_close (&edit);
}

/* One PUT refused: the others land and are published; that one stays with its error. */
static void
test_partial_failure (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) blog = NULL;
  g_autoptr (OvhRecord) star = NULL;
  g_autoptr (OvhRecord) apex = NULL;
  g_autofree char *failing_path = NULL;
  OvhChange *failing;
  guint64 blog_id, star_id, apex_id;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  star_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "*", "A"));
  apex_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "", "A"));

  blog = ovh_record_new (ZONE, "blog", "A", "192.0.2.1", 0);
  star = ovh_record_new (ZONE, "*", "A", "192.0.2.2", 0);
  apex = ovh_record_new (ZONE, "", "A", "192.0.2.3", 0);
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, blog_id, blog, NULL));
  failing = ovh_changeset_stage_update (edit.changeset, star_id, star, NULL);
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, apex_id, apex, NULL));

  failing_path = g_strdup_printf (ZONE_PATH "/record/%" G_GUINT64_FORMAT, star_id);
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", failing_path, OVH_SANDBOX_FAULT_HTTP_500, 0);

  g_assert_false (apply (&edit, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL);
  g_test_message ("%s", error->message);
  /* The message says how many and which. */
  g_assert_nonnull (strstr (error->message, "1 of 3"));
  g_assert_nonnull (strstr (error->message, "* A 192.0.2.2"));
  g_clear_error (&error);

  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);
  g_assert_true (g_list_model_get_item (ovh_changeset_get_changes (edit.changeset), 0)
                 == (gpointer) failing);
  g_object_unref (failing); /* the ref get_item took */
  g_assert_cmpint (ovh_change_get_state (failing), ==, OVH_CHANGE_STATE_FAILED);
  g_assert_nonnull (ovh_change_get_error (failing));
  g_assert_true (ovh_change_get_error (failing)->domain == OVH_ERROR);
  g_assert_cmpint (ovh_change_get_error (failing)->code, ==, OVH_ERROR_SERVER);
  g_assert_true (ovh_changeset_lookup (edit.changeset, star_id) == failing);

  /* The applied ones are live and published: OVH needs the refresh for them. */
  g_assert_true (sandbox_has (fixture, "blog", "A", "192.0.2.1"));
  g_assert_true (sandbox_has (fixture, "", "A", "192.0.2.3"));
  g_assert_false (sandbox_has (fixture, "*", "A", "192.0.2.2"));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_false (ovh_changeset_get_needs_publish (edit.changeset));
  g_assert_cmpstr (ovh_record_get_target (ovh_zone_find_record_by_id (edit.zone, blog_id)), ==,
                   "192.0.2.1");
  g_assert_cmpstr (ovh_record_get_target (ovh_zone_find_record_by_id (edit.zone, star_id)), ==,
                   "203.0.113.10");

  /* Retried once the server is well: only the failed one is sent. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", NULL), ==, 1);
  g_assert_true (sandbox_has (fixture, "*", "A", "192.0.2.2"));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);

  edit_close (&edit);
}

/* Applied but not published: the error says so, and publish alone retries the refresh. */
static void
test_refresh_failure (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) blog = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  guint64 blog_id;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  blog = ovh_record_new (ZONE, "blog", "A", "192.0.2.77", 0);
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, blog_id, blog, NULL));

  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/refresh",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_false (apply (&edit, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED);
  g_clear_error (&error);
  g_assert_true (ovh_changeset_get_needs_publish (edit.changeset));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_true (sandbox_has (fixture, "blog", "A", "192.0.2.77"));
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));

  /* Still failing: still needs publishing. */
  ovh_changeset_publish_async (edit.changeset, NULL, ovh_test_store_result, &result);
  g_assert_false (
      ovh_changeset_publish_finish (edit.changeset, ovh_test_wait_result (&result), &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_true (ovh_changeset_get_needs_publish (edit.changeset));

  ovh_sandbox_clear_faults (fixture->sandbox);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_changeset_publish_async (edit.changeset, NULL, ovh_test_store_result, &result);
  g_assert_true (
      ovh_changeset_publish_finish (edit.changeset, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_false (ovh_changeset_get_needs_publish (edit.changeset));
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL), ==, 1);

  edit_close (&edit);
}

static void
test_save_load (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) api = NULL;
  g_autoptr (OvhRecord) blog = NULL;
  g_autoptr (OvhRecord) cname = NULL;
  g_autoptr (OvhChangeset) restored = NULL;
  g_autofree char *dir = g_dir_make_tmp ("domaine-pending-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pending", ZONE ".json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *contents = NULL;
  guint64 blog_id, notes_id, star_id;
  GListModel *a, *b;
  OvhChange *create;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  notes_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "notes", "TXT"));
  star_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "*", "A"));
  api = ovh_record_new (ZONE, "api", "TXT", "say \"hello\"", 300);
  blog = ovh_record_new (ZONE, "blog", "A", "192.0.2.8", 0);
  cname = ovh_record_new (ZONE, "*", "CNAME", "lovelace.fr.", 0);
  g_assert_nonnull (ovh_changeset_stage_create (edit.changeset, api, NULL));
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, blog_id, blog, NULL));
  g_assert_nonnull (ovh_changeset_stage_delete (edit.changeset, notes_id, NULL));
  g_assert_nonnull (ovh_changeset_stage_change_type (edit.changeset, star_id, cname, NULL));

  g_assert_true (ovh_changeset_save_to_file (edit.changeset, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (contents, OVH_SANDBOX_CONSUMER_KEY));
  g_assert_null (strstr (contents, OVH_SANDBOX_APPLICATION_KEY));

  restored = ovh_changeset_new (edit.zone);
  g_assert_true (ovh_changeset_load_from_file (restored, path, &error));
  g_assert_no_error (error);
  a = ovh_changeset_get_changes (edit.changeset);
  b = ovh_changeset_get_changes (restored);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr (OvhChange) x = g_list_model_get_item (a, i);
      g_autoptr (OvhChange) y = g_list_model_get_item (b, i);
      g_autofree char *sx = ovh_change_dup_summary (x);
      g_autofree char *sy = ovh_change_dup_summary (y);

      g_assert_cmpint (ovh_change_get_kind (x), ==, ovh_change_get_kind (y));
      g_assert_cmpuint (ovh_change_get_record_id (x), ==, ovh_change_get_record_id (y));
      g_assert_cmpuint (ovh_change_get_replaces_id (x), ==, ovh_change_get_replaces_id (y));
      g_assert_cmpstr (sx, ==, sy);
    }
  g_assert_nonnull (ovh_changeset_lookup (restored, blog_id));
  g_assert_nonnull (ovh_changeset_lookup (restored, notes_id));

  /* The type change came back linked: discarding its create drops its delete. */
  create = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (b); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (b, i);
      if (ovh_change_get_replaces_id (change) == star_id)
        create = change;
    }
  g_assert_nonnull (create);
  g_assert_true (ovh_changeset_discard (restored, create));
  g_assert_null (ovh_changeset_lookup (restored, star_id));
  g_assert_cmpuint (ovh_changeset_get_n_pending (restored), ==, 3);

  /* Files that are not a changeset of this zone are refused; the set stays as it was. */
  g_assert_true (g_file_set_contents (
      bad_path, "{\"format\":1,\"zone\":\"other.example\",\"changes\":[]}", -1, NULL));
  g_assert_false (ovh_changeset_load_from_file (restored, bad_path, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (
      bad_path, "{\"format\":1,\"zone\":\"" ZONE "\",\"changes\":[{\"kind\":\"update\"}]}", -1,
      NULL));
  g_assert_false (ovh_changeset_load_from_file (restored, bad_path, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (bad_path, "", -1, NULL));
  g_assert_false (ovh_changeset_load_from_file (restored, bad_path, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE);
  g_clear_error (&error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (restored), ==, 3);

  /* And what came back applies. */
  {
    Edit second = { edit.zone, restored };
    g_assert_true (apply (&second, &error));
    g_assert_no_error (error);
    g_assert_true (sandbox_has (fixture, "blog", "A", "192.0.2.8"));
    g_assert_true (sandbox_has (fixture, "api", "TXT", NULL));
    g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  }

  g_unlink (path);
  g_unlink (bad_path);
  {
    g_autofree char *pending_dir = g_path_get_dirname (path);
    g_rmdir (pending_dir);
  }
  g_rmdir (dir);
  g_assert_finalize_object (g_steal_pointer (&restored));
  edit_close (&edit);
}

/* Applied changes make the disk cache stale even when the serial does not move (no
 * refresh yet): the next open reads everything again. */
static void
test_apply_forgets_cache (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) blog = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZone) reopened = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *cache_dir = g_dir_make_tmp ("domaine-cs-cache-XXXXXX", NULL);
  Edit edit;

  ovh_record_loader_forget_all ();
  zone = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_dir (zone, cache_dir);
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_DEFAULT, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_load_finish (zone, ovh_test_wait_result (&result), &error));
  g_clear_object (&result);
  changeset = ovh_changeset_new (zone);

  blog = ovh_record_new (ZONE, "blog", "A", "192.0.2.33", 0);
  g_assert_nonnull (ovh_changeset_stage_update (
      changeset, ovh_record_get_id (ovh_test_find_record (zone, "blog", "A")), blog, NULL));
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/refresh",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  edit.zone = zone;
  edit.changeset = changeset;
  g_assert_false (apply (&edit, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED);
  g_clear_error (&error);

  reopened = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_dir (reopened, cache_dir);
  ovh_zone_load_async (reopened, OVH_ZONE_LOAD_DEFAULT, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_load_finish (reopened, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_false (ovh_zone_get_from_cache (reopened));
  g_assert_cmpstr (ovh_record_get_target (ovh_test_find_record (reopened, "blog", "A")), ==,
                   "192.0.2.33");

  g_assert_finalize_object (g_steal_pointer (&changeset));
  g_assert_finalize_object (g_steal_pointer (&zone));
  g_assert_finalize_object (g_steal_pointer (&reopened));
  {
    g_autoptr (GDir) dir = g_dir_open (cache_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (cache_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (cache_dir);
}

/* Cancelled mid-way: what was sent is applied (and needs publishing), the rest stays. */
static void
test_cancel (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  guint n_staged = 12;

  edit_open (fixture, &edit);
  for (guint i = 0; i < n_staged; i++)
    {
      g_autofree char *name = g_strdup_printf ("host%u", i);
      g_autoptr (OvhRecord) record = ovh_record_new (ZONE, name, "A", "192.0.2.50", 0);

      g_assert_nonnull (ovh_changeset_stage_create (edit.changeset, record, NULL));
    }

  ovh_sandbox_set_latency_ms (fixture->sandbox, 30);
  ovh_changeset_apply_async (edit.changeset, cancellable, ovh_test_store_result, &result);
  /* The first round of requests (4 in flight) lands, then the user cancels. */
  while (ovh_changeset_get_n_done (edit.changeset) < 4)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_false (
      ovh_changeset_apply_finish (edit.changeset, ovh_test_wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  ovh_sandbox_set_latency_ms (fixture->sandbox, 0);

  g_assert_false (ovh_changeset_get_busy (edit.changeset));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), <, n_staged);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), >, 0);
  /* Cancelled changes are pending again, not failed. */
  for (guint i = 0; i < ovh_changeset_get_n_pending (edit.changeset); i++)
    {
      g_autoptr (OvhChange) change
          = g_list_model_get_item (ovh_changeset_get_changes (edit.changeset), i);
      g_assert_cmpint (ovh_change_get_state (change), ==, OVH_CHANGE_STATE_PENDING);
      g_assert_null (ovh_change_get_error (change));
    }
  g_assert_true (ovh_changeset_get_needs_publish (edit.changeset));
  g_assert_cmpuint (count_refreshes (fixture), ==, 0);

  /* Finishing the job publishes everything once. */
  g_clear_error (&error);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_false (ovh_changeset_get_needs_publish (edit.changeset));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  /* Each exactly once: nothing in flight at the cancel was sent twice. */
  {
    g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, ZONE);
    g_autoptr (JsonNode) root = json_from_string (json, NULL);
    JsonArray *array = json_node_get_array (root);
    guint n_hosts = 0;

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *object = json_array_get_object_element (array, i);
        if (g_str_has_prefix (json_object_get_string_member_with_default (object, "subDomain", ""),
                              "host"))
          n_hosts++;
      }
    g_assert_cmpuint (n_hosts, ==, n_staged);
  }

  g_clear_object (&result);
  edit_close (&edit);
}

/* OVH's known bug: a create answered with id 0. The record exists at OVH; the zone model must
 * end with its real id, found by type, name and target among the ids it does not know yet. */
static void
assert_created_with_real_id (OvhTestFixture *fixture, Edit *edit, OvhChange *change)
{
  OvhRecord *after = ovh_change_get_after (change);
  guint64 id = ovh_change_get_record_id (change);
  g_autoptr (JsonNode) keep = NULL;
  JsonObject *live;
  OvhRecord *in_zone;

  g_assert_cmpint (ovh_change_get_state (change), ==, OVH_CHANGE_STATE_APPLIED);
  g_assert_cmpuint (id, !=, 0);

  /* That id is OVH's record with this change's content… */
  live = sandbox_record (fixture, id, &keep);
  g_assert_nonnull (live);
  g_assert_cmpstr (json_object_get_string_member (live, "subDomain"), ==,
                   ovh_record_get_sub_domain (after));
  g_assert_cmpstr (json_object_get_string_member (live, "fieldType"), ==,
                   ovh_record_get_field_type (after));
  if (g_str_equal (ovh_record_get_field_type (after), "TXT"))
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", ovh_record_get_target (after));
      g_assert_cmpstr (json_object_get_string_member (live, "target"), ==, quoted);
    }
  else
    g_assert_cmpstr (json_object_get_string_member (live, "target"), ==,
                     ovh_record_get_target (after));

  /* …and the zone's model shows it under that id. */
  in_zone = ovh_zone_find_record_by_id (edit->zone, id);
  g_assert_nonnull (in_zone);
  g_assert_cmpstr (ovh_record_get_target (in_zone), ==, ovh_record_get_target (after));
  g_assert_cmpstr (ovh_record_get_sub_domain (in_zone), ==, ovh_record_get_sub_domain (after));
}

static OvhChange *
stage_create (Edit *edit, const char *sub_domain, const char *type, const char *target)
{
  g_autoptr (OvhRecord) record = ovh_record_new (ZONE, sub_domain, type, target, 0);
  g_autoptr (GError) error = NULL;
  OvhChange *change = ovh_changeset_stage_create (edit->changeset, record, &error);

  g_assert_no_error (error);
  g_assert_nonnull (change);
  return g_object_ref (change);
}

static void
test_create_id_zero (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) first = NULL;
  g_autoptr (OvhChange) second = NULL;
  g_autoptr (OvhChange) beside_blog = NULL;
  g_autoptr (OvhChange) text = NULL;
  guint64 blog_id;
  guint n_before;

  edit_open (fixture, &edit);
  n_before = ovh_zone_get_n_records (edit.zone);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));

  /* Two creates with the same type and name, sent side by side: each must find its own id.
   * One beside a record the zone already has, and a TXT (whose target OVH shows quoted). */
  first = stage_create (&edit, "twin", "A", "192.0.2.31");
  second = stage_create (&edit, "twin", "A", "192.0.2.32");
  beside_blog = stage_create (&edit, "blog", "A", "192.0.2.33");
  text = stage_create (&edit, "twin", "TXT", "v=twin1");

  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, TRUE);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, FALSE);

  /* The sandbox did answer id 0, and the changeset looked the ids up. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 4);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET",
                                                   ZONE_PATH "/record?fieldType=A&subDomain=twin"),
                    ==, 2);

  assert_created_with_real_id (fixture, &edit, first);
  assert_created_with_real_id (fixture, &edit, second);
  assert_created_with_real_id (fixture, &edit, beside_blog);
  assert_created_with_real_id (fixture, &edit, text);
  g_assert_cmpuint (ovh_change_get_record_id (first), !=, ovh_change_get_record_id (second));
  g_assert_cmpuint (ovh_change_get_record_id (beside_blog), !=, blog_id);

  /* Each record once in the model, none under id 0, the old blog record untouched. */
  g_assert_cmpuint (ovh_zone_get_n_records (edit.zone), ==, n_before + 4);
  g_assert_null (ovh_zone_find_record_by_id (edit.zone, 0));
  g_assert_nonnull (ovh_zone_find_record_by_id (edit.zone, blog_id));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);

  edit_close (&edit);
}

/* The same at the zone apex: its look-up asks for an empty subDomain, which the query allows
 * (a path segment could not be empty). */
static void
test_create_id_zero_apex (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) apex = NULL;
  guint n_before;

  edit_open (fixture, &edit);
  n_before = ovh_zone_get_n_records (edit.zone);
  apex = stage_create (&edit, "", "TXT", "v=apex1");

  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, TRUE);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, FALSE);

  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET",
                                                   ZONE_PATH "/record?fieldType=TXT&subDomain="),
                    ==, 1);
  assert_created_with_real_id (fixture, &edit, apex);
  g_assert_cmpuint (ovh_zone_get_n_records (edit.zone), ==, n_before + 1);
  g_assert_null (ovh_zone_find_record_by_id (edit.zone, 0));

  edit_close (&edit);
}

/* The error domain carries its real name (formatters once spaced it out). */
static void
test_error_domain (void)
{
  g_assert_cmpstr (g_quark_to_string (OVH_CHANGESET_ERROR), ==, "ovh-changeset-error-quark");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/changeset/error-domain", test_error_domain);

  ovh_test_add ("/changeset/staging", test_staging);
  ovh_test_add ("/changeset/apply", test_apply);
  ovh_test_add ("/changeset/change-type", test_change_type);
  ovh_test_add ("/changeset/partial-failure", test_partial_failure);
  ovh_test_add ("/changeset/refresh-failure", test_refresh_failure);
  ovh_test_add ("/changeset/save-load", test_save_load);
  ovh_test_add ("/changeset/apply-forgets-cache", test_apply_forgets_cache);
  ovh_test_add ("/changeset/cancel", test_cancel);
  ovh_test_add ("/changeset/create-id-zero", test_create_id_zero);
  ovh_test_add ("/changeset/create-id-zero-apex", test_create_id_zero_apex);

  return g_test_run ();
}
