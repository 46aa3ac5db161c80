/* test-zone-publisher.c: one publish of one changeset, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "domaine-zone-publisher.h"
#include "ovh-record-loader.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

typedef struct
{
  OvhZone *zone;
  OvhChangeset *changeset;
  DomaineZonePublisher *publisher;
} Edit;

static void
edit_open (OvhTestFixture *fixture, Edit *edit)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_record_loader_forget_all ();
  edit->zone = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_enabled (edit->zone, FALSE);
  ovh_zone_load_async (edit->zone, OVH_ZONE_LOAD_DEFAULT, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_load_finish (edit->zone, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  edit->changeset = ovh_changeset_new (edit->zone);
  edit->publisher = domaine_zone_publisher_new (edit->changeset);
  g_assert_true (domaine_zone_publisher_get_changeset (edit->publisher) == edit->changeset);
  ovh_sandbox_reset_request_log (fixture->sandbox);
}

static void
edit_close (Edit *edit)
{
  if (edit->publisher != NULL)
    g_assert_finalize_object (g_steal_pointer (&edit->publisher));
  g_assert_finalize_object (g_steal_pointer (&edit->changeset));
  g_assert_finalize_object (g_steal_pointer (&edit->zone));
}

static void
stage_create (Edit *edit, const char *sub_domain)
{
  g_autoptr (OvhRecord) record = ovh_record_new (ZONE, sub_domain, "A", "192.0.2.30", 0);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (ovh_changeset_stage_create (edit->changeset, record, &error));
  g_assert_no_error (error);
}

static gboolean
publish (Edit *edit, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  domaine_zone_publisher_publish_async (edit->publisher, cancellable, ovh_test_store_result,
                                        &result);
  return domaine_zone_publisher_publish_finish (edit->publisher, ovh_test_wait_result (&result),
                                                error);
}

static void
test_nothing_owed (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  g_assert_true (publish (&edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*"), ==, 0);
  edit_close (&edit);
}

static void
test_publish (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  stage_create (&edit, "published");
  g_assert_true (publish (&edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (domaine_zone_publisher_get_error (edit.publisher));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/*/refresh"), ==, 1);
  edit_close (&edit);
}

static void
error_notified_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* What to tell is what OVH said about the change, not the summary. */
static void
test_failure (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhChange) change = NULL;
  GError *reported = NULL;
  guint n_notifies = 0;

  edit_open (fixture, &edit);
  g_signal_connect (edit.publisher, "notify::error", G_CALLBACK (error_notified_cb), &n_notifies);
  stage_create (&edit, "refused");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/*/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_false (publish (&edit, NULL, &error));
  g_assert_nonnull (error);
  change = g_list_model_get_item (ovh_changeset_get_changes (edit.changeset), 0);
  g_assert_nonnull (ovh_change_get_error (change));
  g_assert_nonnull (domaine_zone_publisher_get_error (edit.publisher));
  g_assert_true (g_error_matches (domaine_zone_publisher_get_error (edit.publisher),
                                  ovh_change_get_error (change)->domain,
                                  ovh_change_get_error (change)->code));
  g_assert_cmpstr (domaine_zone_publisher_get_error (edit.publisher)->message, ==,
                   ovh_change_get_error (change)->message);
  g_object_get (edit.publisher, "error", &reported, NULL);
  g_assert_nonnull (reported);
  g_clear_error (&reported);
  g_assert_cmpuint (n_notifies, ==, 1);

  /* Fine again: the error goes. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  g_clear_error (&error);
  g_assert_true (publish (&edit, NULL, &error));
  g_assert_null (domaine_zone_publisher_get_error (edit.publisher));
  g_assert_cmpuint (n_notifies, ==, 2);
  g_clear_object (&change);
  edit_close (&edit);
}

static gboolean
sandbox_has (OvhTestFixture *fixture, const char *sub_domain, const char *target)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (fixture->sandbox, ZONE);

  return strstr (json, target) != NULL && strstr (json, sub_domain) != NULL;
}

/* The create was made and its answer lost: published, and the notice says it was found. */
static void
test_answer_lost (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  stage_create (&edit, "lost");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/*/record",
                            OVH_SANDBOX_FAULT_APPLIED_DROP, 1);
  g_assert_true (publish (&edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (domaine_zone_publisher_get_error (edit.publisher));
  g_assert_cmpstr (domaine_zone_publisher_get_notice (edit.publisher), ==,
                   "1 change was found made after its answer was lost");
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  g_assert_true (sandbox_has (fixture, "lost", "192.0.2.30"));
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/*/record"), ==, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/*/refresh"), ==, 1);

  /* A publish with nothing lost says nothing more. */
  stage_create (&edit, "plain");
  g_assert_true (publish (&edit, NULL, &error));
  g_assert_null (domaine_zone_publisher_get_notice (edit.publisher));
  edit_close (&edit);
}

/* Made, its answer lost, the zone unreadable: the publish fails with the change's unknown
 * outcome and says so; publishing again checks first and finds it: never a second record. */
static void
test_outcome_unknown (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  stage_create (&edit, "doubt");
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/*/record",
                            OVH_SANDBOX_FAULT_APPLIED_DROP, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/*/record",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_false (publish (&edit, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_error ((GError *) domaine_zone_publisher_get_error (edit.publisher), OVH_CHANGESET_ERROR,
                  OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpstr (domaine_zone_publisher_get_notice (edit.publisher), ==,
                   "Whether 1 change was made could not be checked: publishing again checks it "
                   "first");
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);

  ovh_sandbox_clear_faults (fixture->sandbox);
  g_assert_true (publish (&edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (domaine_zone_publisher_get_error (edit.publisher));
  g_assert_cmpstr (domaine_zone_publisher_get_notice (edit.publisher), ==,
                   "1 change was found made after its answer was lost");
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/*/record"), ==, 1);
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 0);
  edit_close (&edit);
}

static void
test_busy (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GAsyncResult) first = NULL;
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  stage_create (&edit, "first");
  domaine_zone_publisher_publish_async (edit.publisher, NULL, ovh_test_store_result, &first);
  g_assert_false (publish (&edit, NULL, &error));
  g_assert_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (domaine_zone_publisher_publish_finish (edit.publisher,
                                                        ovh_test_wait_result (&first), &error));
  g_assert_no_error (error);
  g_clear_object (&first);
  edit_close (&edit);
}

static void
test_cancel (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  edit_open (fixture, &edit);
  stage_create (&edit, "cancelled");
  g_cancellable_cancel (cancellable);
  g_assert_false (publish (&edit, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (domaine_zone_publisher_get_error (edit.publisher));
  g_assert_cmpuint (ovh_changeset_get_n_pending (edit.changeset), ==, 1);
  edit_close (&edit);
}

static void
published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;

  g_assert_true (
      domaine_zone_publisher_publish_finish (DOMAINE_ZONE_PUBLISHER (source), result, NULL));
  *done = TRUE;
}

/* Nobody needs to keep the publisher: the publish holds it, and its changeset, to the end. */
static void
test_outlives_owner (OvhTestFixture *fixture, gconstpointer data)
{
  Edit edit = { 0 };
  gboolean done = FALSE;
  OvhChangeset *changeset;

  edit_open (fixture, &edit);
  stage_create (&edit, "orphan");
  changeset = edit.changeset;
  g_object_add_weak_pointer (G_OBJECT (changeset), (gpointer *) &changeset);
  domaine_zone_publisher_publish_async (edit.publisher, NULL, published_cb, &done);
  g_clear_object (&edit.publisher);
  g_clear_object (&edit.changeset);
  g_assert_nonnull (changeset);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (changeset != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/*/refresh"), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&edit.zone));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/zone-publisher/nothing-owed", test_nothing_owed);
  ovh_test_add ("/zone-publisher/publish", test_publish);
  ovh_test_add ("/zone-publisher/failure", test_failure);
  ovh_test_add ("/zone-publisher/answer-lost", test_answer_lost);
  ovh_test_add ("/zone-publisher/outcome-unknown", test_outcome_unknown);
  ovh_test_add ("/zone-publisher/busy", test_busy);
  ovh_test_add ("/zone-publisher/cancel", test_cancel);
  ovh_test_add ("/zone-publisher/outlives-owner", test_outlives_owner);

  return g_test_run ();
}
