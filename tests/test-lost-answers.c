/* test-lost-answers.c: changes whose answer was lost, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox carries a change out and then loses its answer (closes the connection, answers
 * garbage, or never answers), or loses it before carrying it out: the changeset must report
 * what happened at OVH, never a duplicate record, and publish the zone once.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ovh-changeset.h"
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

static gboolean
apply (Edit *edit, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_changeset_apply_async (edit->changeset, NULL, ovh_test_store_result, &result);
  return ovh_changeset_apply_finish (edit->changeset, ovh_test_wait_result (&result), error);
}

static guint
count_refreshes (OvhTestFixture *fixture)
{
  return ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/refresh");
}

/* How many records the sandbox holds with these values; the id of the last in *id. */
static guint
sandbox_count (OvhTestFixture *fixture,
               const char *sub_domain,
               const char *type,
               const char *target,
               guint64 *id)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, ZONE);
  g_autoptr (JsonNode) root = json_from_string (json, NULL);
  JsonArray *array = json_node_get_array (root);
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *sub = json_object_get_string_member_with_default (object, "subDomain", "");

      if (g_str_equal (sub, sub_domain)
          && g_str_equal (json_object_get_string_member (object, "fieldType"), type)
          && g_str_equal (json_object_get_string_member (object, "target"), target))
        {
          count++;
          if (id != NULL)
            *id = (guint64) json_object_get_int_member (object, "id");
        }
    }
  return count;
}

static OvhChange *
stage_create (Edit *edit, const char *sub_domain, const char *target)
{
  g_autoptr (OvhRecord) record = ovh_record_new (ZONE, sub_domain, "A", target, 0);
  g_autoptr (GError) error = NULL;
  OvhChange *change = ovh_changeset_stage_create (edit->changeset, record, &error);

  g_assert_no_error (error);
  g_assert_nonnull (change);
  return g_object_ref (change); /* applied changes leave the set */
}

static OvhChange *
stage_delete (Edit *edit, guint64 id)
{
  g_autoptr (GError) error = NULL;
  OvhChange *change = ovh_changeset_stage_delete (edit->changeset, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (change);
  return g_object_ref (change);
}

static char *
record_path (guint64 id)
{
  return g_strdup_printf (ZONE_PATH "/record/%" G_GUINT64_FORMAT, id);
}

/* The change was made, its answer lost: found applied, adopted, published once. */
static void
check_create_applied_after_all (OvhTestFixture *fixture, OvhSandboxFault fault)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  guint64 sandbox_id = 0;

  edit_open (fixture, &edit);
  change = stage_create (&edit, "lost", "192.0.2.41");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/record", fault, 1);

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_state (change), ==, OVH_CHANGE_STATE_APPLIED);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_true (ovh_change_get_answer_lost (change));
  g_assert_nonnull (ovh_change_get_error (change)); /* why the zone was read back */

  /* One record, and the change knows its id; the zone's model has it. */
  g_assert_cmpuint (sandbox_count (fixture, "lost", "A", "192.0.2.41", &sandbox_id), ==, 1);
  g_assert_cmpuint (ovh_change_get_record_id (change), ==, sandbox_id);
  g_assert_nonnull (ovh_zone_find_record_by_id (edit.zone, sandbox_id));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 1);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);

  outcomes = ovh_changeset_dup_last_outcomes (edit.changeset);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_true (g_ptr_array_index (outcomes, 0) == (gpointer) change);

  edit_close (&edit);
}

static void
test_create_applied_drop (OvhTestFixture *fixture, gconstpointer data)
{
  check_create_applied_after_all (fixture, OVH_SANDBOX_FAULT_APPLIED_DROP);
}

static void
test_create_applied_malformed (OvhTestFixture *fixture, gconstpointer data)
{
  check_create_applied_after_all (fixture, OVH_SANDBOX_FAULT_APPLIED_MALFORMED);
}

/* The sandbox deletes, then never answers: the client gives up after its deadline. */
static void
test_delete_applied_stall (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;
  g_autofree char *path = NULL;
  guint64 blog_id;

  /* Before the first connection: open ones keep the deadline they were made with. */
  ovh_client_set_timeout (fixture->client, 1);
  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  change = stage_delete (&edit, blog_id);
  path = record_path (blog_id);
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", path, OVH_SANDBOX_FAULT_APPLIED_STALL, 1);

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_true (ovh_change_get_answer_lost (change));
  g_assert_true (g_error_matches (ovh_change_get_error (change), OVH_ERROR, OVH_ERROR_NETWORK));
  g_assert_null (ovh_zone_find_record_by_id (edit.zone, blog_id));
  g_assert_cmpuint (sandbox_count (fixture, "blog", "A", "203.0.113.11", NULL), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", NULL), ==, 1);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);

  edit_close (&edit);
}

static void
test_update_applied_malformed (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) values = NULL;
  g_autofree char *path = NULL;
  OvhChange *change;
  guint64 blog_id;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  values = ovh_record_new (ZONE, "blog", "A", "192.0.2.42", 600);
  change = ovh_changeset_stage_update (edit.changeset, blog_id, values, &error);
  g_assert_no_error (error);
  g_object_ref (change);
  path = record_path (blog_id);
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", path, OVH_SANDBOX_FAULT_APPLIED_MALFORMED, 1);

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_true (ovh_change_get_answer_lost (change));
  g_assert_cmpstr (ovh_record_get_target (ovh_zone_find_record_by_id (edit.zone, blog_id)), ==,
                   "192.0.2.42");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", NULL), ==, 1);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_object_unref (change);

  edit_close (&edit);
}

/* The connection closed before the sandbox did anything: found not made, it failed, nothing
 * is published; sent again later, it is made once. */
static void
test_create_lost_not_made (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;

  edit_open (fixture, &edit);
  change = stage_create (&edit, "never", "192.0.2.43");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/record", OVH_SANDBOX_FAULT_DROP,
                            1);

  g_assert_false (apply (&edit, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL);
  g_clear_error (&error);
  g_assert_cmpint (ovh_change_get_state (change), ==, OVH_CHANGE_STATE_FAILED);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_FAILED);
  g_assert_true (ovh_change_get_answer_lost (change));
  g_assert_true (g_error_matches (ovh_change_get_error (change), OVH_ERROR, OVH_ERROR_NETWORK));
  g_assert_cmpuint (sandbox_count (fixture, "never", "A", "192.0.2.43", NULL), ==, 0);
  g_assert_cmpuint (count_refreshes (fixture), ==, 0);
  g_assert_false (ovh_changeset_get_needs_publish (edit.changeset));

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sandbox_count (fixture, "never", "A", "192.0.2.43", NULL), ==, 1);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_false (ovh_change_get_answer_lost (change));
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);

  edit_close (&edit);
}

/* Made, the answer lost, and the zone cannot be read either: unknown, and said so. The
 * refresh is still made (the change may be live). The next apply reads the zone first: the
 * create is found and adopted, never sent twice. */
static void
test_create_unknown_then_found (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;
  guint64 sandbox_id = 0;

  edit_open (fixture, &edit);
  change = stage_create (&edit, "doubt", "192.0.2.44");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_APPLIED_DROP, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);

  g_assert_false (apply (&edit, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "could not be confirmed"));
  g_assert_nonnull (strstr (error->message, "doubt A 192.0.2.44"));
  g_clear_error (&error);
  g_assert_cmpint (ovh_change_get_state (change), ==, OVH_CHANGE_STATE_FAILED);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_UNKNOWN);
  g_assert_error ((GError *) ovh_change_get_error (change), OVH_CHANGESET_ERROR,
                  OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);
  g_assert_cmpuint (sandbox_count (fixture, "doubt", "A", "192.0.2.44", &sandbox_id), ==, 1);

  /* The zone can be read again: found, adopted, not sent. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_true (ovh_change_get_answer_lost (change));
  g_assert_cmpuint (ovh_change_get_record_id (change), ==, sandbox_id);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 0);
  g_assert_cmpuint (sandbox_count (fixture, "doubt", "A", "192.0.2.44", NULL), ==, 1);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);

  edit_close (&edit);
}

/* A change of unknown outcome saved and restored (an app restarted meanwhile) is still read
 * back before it is sent: never a second record. */
static void
test_unknown_survives_a_restart (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  Edit again = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;
  g_autofree char *directory = g_dir_make_tmp ("domaine-lost-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "pending.json", NULL);
  OvhChange *restored;

  g_assert_no_error (error);
  edit_open (fixture, &edit);
  change = stage_create (&edit, "restart", "192.0.2.49");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_APPLIED_MALFORMED, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_false (apply (&edit, &error));
  g_clear_error (&error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_UNKNOWN);
  g_assert_true (ovh_changeset_save_to_file (edit.changeset, path, &error));
  g_assert_no_error (error);
  g_clear_object (&change);
  edit_close (&edit);

  ovh_sandbox_clear_faults (fixture->sandbox);
  edit_open (fixture, &again);
  g_assert_true (ovh_changeset_load_from_file (again.changeset, path, &error));
  g_assert_no_error (error);
  restored = g_list_model_get_item (ovh_changeset_get_changes (again.changeset), 0);
  g_assert_cmpint (ovh_change_get_outcome (restored), ==, OVH_CHANGE_OUTCOME_UNKNOWN);
  g_assert_true (apply (&again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (restored), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 0);
  g_assert_cmpuint (sandbox_count (fixture, "restart", "A", "192.0.2.49", NULL), ==, 1);
  /* The reloaded zone had it already: one row, not two. */
  {
    GListModel *records = ovh_zone_get_records (again.zone);
    guint n_rows = 0;

    for (guint i = 0; i < g_list_model_get_n_items (records); i++)
      {
        g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

        n_rows += g_str_equal (ovh_record_get_sub_domain (record), "restart");
      }
    g_assert_cmpuint (n_rows, ==, 1);
  }
  g_object_unref (restored);
  edit_close (&again);

  g_remove (path);
  g_rmdir (directory);
}

/* Not made, the answer unreadable, the record unreadable too: unknown; then read back as
 * still there, so the delete is sent again and made. */
static void
test_delete_unknown_then_sent (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;
  g_autofree char *path = NULL;
  guint64 blog_id;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  change = stage_delete (&edit, blog_id);
  path = record_path (blog_id);
  /* A garbage answer, not carried out (a closed connection would not do: libsoup sends an
   * idempotent request again by itself when a kept-alive connection closes). */
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", path, OVH_SANDBOX_FAULT_MALFORMED, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", path, OVH_SANDBOX_FAULT_DROP, 0);

  g_assert_false (apply (&edit, &error));
  g_clear_error (&error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_UNKNOWN);
  g_assert_cmpuint (sandbox_count (fixture, "blog", "A", "203.0.113.11", NULL), ==, 1);

  ovh_sandbox_clear_faults (fixture->sandbox);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_false (ovh_change_get_answer_lost (change));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", NULL), ==, 1);
  g_assert_cmpuint (sandbox_count (fixture, "blog", "A", "203.0.113.11", NULL), ==, 0);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);

  edit_close (&edit);
}

/* OVH's id-0 answer and a lookup that fails: created all the same, reported applied (with no
 * id), never sent again. */
static void
test_id_zero_lookup_fails (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;

  edit_open (fixture, &edit);
  change = stage_create (&edit, "zero", "192.0.2.45");
  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, TRUE);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_false (ovh_change_get_answer_lost (change));
  g_assert_cmpuint (ovh_change_get_record_id (change), ==, 0);
  g_assert_cmpuint (sandbox_count (fixture, "zero", "A", "192.0.2.45", NULL), ==, 1);
  g_assert_cmpuint (count_refreshes (fixture), ==, 1);

  edit_close (&edit);
}

/* 429 is the rate limit: not carried out, so sent again after Retry-After, whatever the
 * method; the zone is published once. */
static void
test_rate_limited_every_method (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) create = NULL;
  g_autoptr (OvhChange) delete = NULL;
  g_autoptr (OvhRecord) values = NULL;
  g_autofree char *delete_path = NULL;
  g_autofree char *update_path = NULL;
  guint64 blog_id, star_id;

  edit_open (fixture, &edit);
  blog_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "blog", "A"));
  star_id = ovh_record_get_id (ovh_test_find_record (edit.zone, "*", "A"));
  delete = stage_delete (&edit, blog_id);
  values = ovh_record_new (ZONE, "*", "A", "192.0.2.46", 0);
  g_assert_nonnull (ovh_changeset_stage_update (edit.changeset, star_id, values, NULL));
  create = stage_create (&edit, "limited", "192.0.2.47");

  delete_path = record_path (blog_id);
  update_path = record_path (star_id);
  ovh_sandbox_set_retry_after (fixture->sandbox, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", delete_path, OVH_SANDBOX_FAULT_RATE_LIMITED,
                            1);
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", update_path, OVH_SANDBOX_FAULT_RATE_LIMITED,
                            1);
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_RATE_LIMITED, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/refresh",
                            OVH_SANDBOX_FAULT_RATE_LIMITED, 1);

  g_assert_true (apply (&edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ovh_change_get_outcome (delete), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_cmpint (ovh_change_get_outcome (create), ==, OVH_CHANGE_OUTCOME_APPLIED);
  g_assert_false (ovh_change_get_answer_lost (create));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", NULL), ==, 2);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", NULL), ==, 2);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", ZONE_PATH "/record"),
                    ==, 2);
  g_assert_cmpuint (count_refreshes (fixture), ==, 2); /* the 429, then the one that counts */
  g_assert_cmpuint (sandbox_count (fixture, "limited", "A", "192.0.2.47", NULL), ==, 1);
  g_assert_cmpuint (sandbox_count (fixture, "*", "A", "192.0.2.46", NULL), ==, 1);
  g_assert_cmpuint (sandbox_count (fixture, "blog", "A", "203.0.113.11", NULL), ==, 0);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));

  edit_close (&edit);
}

/* OVH's own 500 is a refusal: not read back, failed as before. */
static void
test_server_error_is_a_refusal (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;

  edit_open (fixture, &edit);
  change = stage_create (&edit, "refused", "192.0.2.48");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", ZONE_PATH "/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 1);

  g_assert_false (apply (&edit, &error));
  g_clear_error (&error);
  g_assert_cmpint (ovh_change_get_outcome (change), ==, OVH_CHANGE_OUTCOME_FAILED);
  g_assert_false (ovh_change_get_answer_lost (change));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", NULL), ==, 0);

  edit_close (&edit);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/lost-answers/create-applied-drop", test_create_applied_drop);
  ovh_test_add ("/lost-answers/create-applied-malformed", test_create_applied_malformed);
  ovh_test_add ("/lost-answers/delete-applied-stall", test_delete_applied_stall);
  ovh_test_add ("/lost-answers/update-applied-malformed", test_update_applied_malformed);
  ovh_test_add ("/lost-answers/create-lost-not-made", test_create_lost_not_made);
  ovh_test_add ("/lost-answers/create-unknown-then-found", test_create_unknown_then_found);
  ovh_test_add ("/lost-answers/delete-unknown-then-sent", test_delete_unknown_then_sent);
  ovh_test_add ("/lost-answers/unknown-survives-a-restart", test_unknown_survives_a_restart);
  ovh_test_add ("/lost-answers/id-zero-lookup-fails", test_id_zero_lookup_fails);
  ovh_test_add ("/lost-answers/rate-limited-every-method", test_rate_limited_every_method);
  ovh_test_add ("/lost-answers/server-error-is-a-refusal", test_server_error_is_a_refusal);

  return g_test_run ();
}
