/* test-zone-operations.c: the OvhZone calls that do not load the whole zone (status, fetch,
 * export and import) and OvhChangeset's publish-after-apply and publish error, against the
 * in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-changeset.h"
#include "ovh-zone-fetch.h"
#include "ovh-zone-status.h"
#include "ovh-zone-transfer.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

static void
prepare (OvhTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = NULL;

  /* The clock offset first, so the counts below are the zone's alone. */
  me = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);
  ovh_sandbox_reset_request_log (fixture->sandbox);
}

static JsonNode *
sandbox_records (OvhTestFixture *fixture, const char *zone)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, zone);
  JsonNode *root = json_from_string (json, NULL);

  g_assert_nonnull (root);
  return root;
}

/* The id of the first record of the sandbox with that sub-domain and type. */
static guint64
sandbox_id (OvhTestFixture *fixture, const char *zone, const char *sub_domain, const char *type)
{
  g_autoptr (JsonNode) root = sandbox_records (fixture, zone);
  JsonArray *records = json_node_get_array (root);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (g_str_equal (json_object_get_string_member_with_default (record, "subDomain", ""),
                       sub_domain)
          && g_str_equal (json_object_get_string_member (record, "fieldType"), type))
        return (guint64) json_object_get_int_member (record, "id");
    }
  g_assert_not_reached ();
}

static gboolean
load_status (OvhZone *zone, gboolean *deployed, guint *n_records, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_load_status_async (zone, NULL, ovh_test_store_result, &result);
  return ovh_zone_load_status_finish (zone, ovh_test_wait_result (&result), deployed, n_records,
                                      error);
}

static void
test_status (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, ZONE);
  g_autoptr (OvhZone) missing = ovh_zone_new (fixture->client, "no-such-zone.example");
  g_autoptr (JsonNode) records = sandbox_records (fixture, ZONE);
  g_autoptr (JsonNode) fresh
      = ovh_test_json ("{\"fieldType\":\"A\",\"subDomain\":\"fresh\",\"target\":\"192.0.2.5\"}");
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (GError) error = NULL;
  gboolean deployed = FALSE;
  guint n_records = 0;

  prepare (fixture);
  g_assert_true (load_status (zone, &deployed, &n_records, &error));
  g_assert_no_error (error);
  g_assert_true (deployed);
  g_assert_cmpuint (n_records, ==, json_array_get_length (json_node_get_array (records)));
  g_assert_cmpuint (ovh_zone_get_serial (zone), ==,
                    ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE));
  g_assert_cmpuint (ovh_zone_get_default_ttl (zone), >, 0);
  g_assert_nonnull (ovh_zone_get_soa_server (zone));
  g_assert_nonnull (ovh_zone_get_last_update (zone));
  g_assert_true (ovh_zone_get_dnssec_supported (zone));
  g_assert_nonnull (ovh_zone_get_name_servers (zone));
  g_assert_cmpuint (g_strv_length ((char **) ovh_zone_get_name_servers (zone)), >, 0);
  /* Four requests, and the records are not loaded. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, "*"), ==, 4);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 0);
  g_assert_cmpint (ovh_zone_get_load_state (zone), ==, OVH_ZONE_LOAD_STATE_EMPTY);

  /* A record created and not refreshed: one more, and not deployed. */
  created = ovh_test_call (fixture->client, "POST", "/domain/zone/" ZONE "/record", fresh, &error);
  g_assert_no_error (error);
  g_assert_true (load_status (zone, &deployed, &n_records, &error));
  g_assert_false (deployed);
  g_assert_cmpuint (n_records, ==, json_array_get_length (json_node_get_array (records)) + 1);

  g_assert_false (load_status (missing, &deployed, &n_records, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static OvhRecord *
fetch_record (OvhZone *zone, guint64 id, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_record_async (zone, id, NULL, ovh_test_store_result, &result);
  return ovh_zone_fetch_record_finish (zone, ovh_test_wait_result (&result), error);
}

static GPtrArray *
fetch_named (OvhZone *zone, const char *sub_domain, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_records_named_async (zone, sub_domain, NULL, ovh_test_store_result, &result);
  return ovh_zone_fetch_records_named_finish (zone, ovh_test_wait_result (&result), error);
}

static void
test_fetch_record (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, ZONE);
  g_autoptr (OvhRecord) blog = NULL;
  g_autoptr (OvhRecord) again = NULL;
  g_autoptr (OvhRecord) missing = NULL;
  g_autoptr (GError) error = NULL;
  guint64 id = sandbox_id (fixture, ZONE, "blog", "A");

  prepare (fixture);
  blog = fetch_record (zone, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_record_get_id (blog), ==, id);
  g_assert_cmpstr (ovh_record_get_zone (blog), ==, ZONE);
  g_assert_cmpstr (ovh_record_get_target (blog), ==, "203.0.113.11");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "*"), ==, 1);
  /* In the zone's model, once, however often it is fetched. */
  g_assert_true (ovh_zone_find_record_by_id (zone, id) == blog);
  again = fetch_record (zone, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 1);
  g_assert_true (ovh_zone_find_record_by_id (zone, id) == again);

  missing = fetch_record (zone, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 1);
}

static void
test_fetch_named (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, ZONE);
  g_autoptr (GPtrArray) blog = NULL;
  g_autoptr (GPtrArray) www = NULL;
  g_autoptr (GPtrArray) nobody = NULL;
  g_autoptr (OvhRecord) candidate = ovh_record_new (ZONE, "www", "A", "192.0.2.1", 0);
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  blog = fetch_named (zone, "blog", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blog->len, ==, 1);
  g_assert_cmpstr (ovh_record_get_sub_domain (g_ptr_array_index (blog, 0)), ==, "blog");
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 1);
  /* The listing, then each record. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "*"), ==, 2);

  www = fetch_named (zone, "www", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (www->len, ==, 1);
  g_assert_cmpstr (ovh_record_get_field_type (g_ptr_array_index (www, 0)), ==, "CNAME");
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 2);
  /* What the CNAME rule is checked against. */
  g_assert_false (ovh_records_check_conflicts (ovh_zone_get_records (zone), candidate, &error));
  g_assert_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_CONFLICT);
  g_clear_error (&error);

  nobody = fetch_named (zone, "nobody", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nobody->len, ==, 0);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 2);
}

static void
test_export_import (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, "countess.dev");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) records = NULL;
  g_autofree char *text = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *status = NULL;
  g_autofree char *missing = NULL;
  gint64 task_id = -1;
  gboolean found = FALSE;

  prepare (fixture);
  ovh_zone_export_async (zone, NULL, ovh_test_store_result, &result);
  text = ovh_zone_export_finish (zone, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "countess.dev"));
  g_clear_object (&result);

  imported = g_strconcat (text, "\nimported 300 IN A 192.0.2.11\n", NULL);
  ovh_zone_import_async (zone, imported, NULL, ovh_test_store_result, &result);
  g_assert_true (
      ovh_zone_import_finish (zone, ovh_test_wait_result (&result), &task_id, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (task_id, >=, 0);
  g_assert_nonnull (status);

  /* OVH runs the task on its own: poll until it is over. */
  for (guint i = 0; i < 1000 && ovh_zone_task_status_is_running (status); i++)
    {
      g_clear_object (&result);
      g_free (status);
      ovh_zone_fetch_task_status_async (zone, task_id, NULL, ovh_test_store_result, &result);
      status = ovh_zone_fetch_task_status_finish (zone, ovh_test_wait_result (&result), &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (status, ==, "done");
  records = sandbox_records (fixture, "countess.dev");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (records)); i++)
    {
      JsonObject *record = json_array_get_object_element (json_node_get_array (records), i);

      found |= g_str_equal (json_object_get_string_member (record, "target"), "192.0.2.11");
    }
  g_assert_true (found);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "countess.dev"));

  g_clear_object (&result);
  ovh_zone_fetch_task_status_async (zone, 999999, NULL, ovh_test_store_result, &result);
  missing = ovh_zone_fetch_task_status_finish (zone, ovh_test_wait_result (&result), &error);
  g_assert_null (missing);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);

  g_assert_true (ovh_zone_task_status_is_running ("todo"));
  g_assert_true (ovh_zone_task_status_is_running ("doing"));
  g_assert_false (ovh_zone_task_status_is_running ("error"));
  g_assert_false (ovh_zone_task_status_is_running (NULL));
}

static gboolean
apply (OvhChangeset *changeset, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_changeset_apply_async (changeset, NULL, ovh_test_store_result, &result);
  return ovh_changeset_apply_finish (changeset, ovh_test_wait_result (&result), error);
}

static gboolean
publish (OvhChangeset *changeset, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_changeset_publish_async (changeset, NULL, ovh_test_store_result, &result);
  return ovh_changeset_publish_finish (changeset, ovh_test_wait_result (&result), error);
}

/* A zone holding only the record to change, as domaine-cli stages it. */
static OvhChangeset *
changeset_deleting (OvhTestFixture *fixture, const char *sub_domain, const char *type)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, ZONE);
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  guint64 id = sandbox_id (fixture, ZONE, sub_domain, type);
  OvhChangeset *changeset;

  record = fetch_record (zone, id, &error);
  g_assert_no_error (error);
  changeset = ovh_changeset_new (zone);
  g_assert_nonnull (ovh_changeset_stage_delete (changeset, id, &error));
  g_assert_no_error (error);
  return changeset;
}

static void
test_apply_without_publish (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GError) error = NULL;

  prepare (fixture);
  changeset = changeset_deleting (fixture, "blog", "A");
  g_assert_true (ovh_changeset_get_publish_after_apply (changeset));
  ovh_changeset_set_publish_after_apply (changeset, FALSE);
  g_assert_false (ovh_changeset_get_publish_after_apply (changeset));

  g_assert_true (apply (changeset, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", "*"), ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*"), ==, 0);
  g_assert_true (ovh_changeset_get_needs_publish (changeset));
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));
  g_assert_null (ovh_changeset_get_publish_error (changeset));

  g_assert_true (publish (changeset, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_changeset_get_needs_publish (changeset));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*"), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));
}

static void
test_publish_error (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GError) error = NULL;
  const GError *refresh_error;

  prepare (fixture);
  changeset = changeset_deleting (fixture, "blog", "A");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/" ZONE "/refresh",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);

  g_assert_false (apply (changeset, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED);
  refresh_error = ovh_changeset_get_publish_error (changeset);
  g_assert_nonnull (refresh_error);
  g_assert_true (refresh_error->domain == OVH_ERROR);
  g_assert_cmpstr (refresh_error->message, !=, error->message);
  g_assert_nonnull (strstr (error->message, refresh_error->message));
  g_clear_error (&error);

  /* Publishing alone fails the same way, then succeeds and forgets the error. */
  g_assert_false (publish (changeset, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED);
  g_assert_nonnull (ovh_changeset_get_publish_error (changeset));
  g_clear_error (&error);
  ovh_sandbox_clear_faults (fixture->sandbox);
  g_assert_true (publish (changeset, &error));
  g_assert_no_error (error);
  g_assert_null (ovh_changeset_get_publish_error (changeset));
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/zone-operations/status", test_status);
  ovh_test_add ("/zone-operations/fetch-record", test_fetch_record);
  ovh_test_add ("/zone-operations/fetch-named", test_fetch_named);
  ovh_test_add ("/zone-operations/export-import", test_export_import);
  ovh_test_add ("/zone-operations/apply-without-publish", test_apply_without_publish);
  ovh_test_add ("/zone-operations/publish-error", test_publish_error);

  return g_test_run ();
}
