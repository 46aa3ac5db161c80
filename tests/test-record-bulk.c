/* test-record-bulk.c: one change planned for many records, then staged and published once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-changeset.h"
#include "ovh-record-bulk.h"
#include "test-fixture.h"

#define ZONE "example.com"

static GPtrArray *
make_records (void)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  struct
  {
    const char *name, *type, *target;
    guint ttl;
  } rows[] = {
    { "www", "A", "192.0.2.1", 3600 },
    { "api", "A", "192.0.2.10", 0 },
    { "", "MX", "10 mx1.old-provider.net.", 3600 },
    { "", "MX", "20 mx2.old-provider.net.", 300 },
    { "mail", "CNAME", "ghs.old-provider.net.", 3600 },
    { "", "TXT", "v=spf1 include:old-provider.net -all", 3600 },
    { "v6", "AAAA", "2001:db8::1", 3600 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      OvhRecord *record
          = ovh_record_new (ZONE, rows[i].name, rows[i].type, rows[i].target, rows[i].ttl);

      ovh_record_set_id (record, 100 + i);
      g_ptr_array_add (records, record);
    }
  return records;
}

static OvhRecordBulkItem *
item_at (OvhRecordBulkPlan *plan, guint position)
{
  OvhRecordBulkItem *item = g_list_model_get_item (ovh_record_bulk_plan_get_items (plan), position);

  g_assert_nonnull (item);
  g_object_unref (item); /* the plan keeps it */
  return item;
}

static void
test_set_ttl (void)
{
  g_autoptr (GPtrArray) records = make_records ();
  g_autoptr (OvhRecordBulkPlan) plan = ovh_record_bulk_plan_new_set_ttl (records, 3600);
  g_autoptr (OvhRecordBulkPlan) back = ovh_record_bulk_plan_new_set_ttl (records, 0);
  g_autoptr (OvhRecordBulkPlan) too_long = NULL;
  OvhRecordBulkItem *item;

  /* Five already have 3600: only the two others change. */
  g_assert_cmpuint (ovh_record_bulk_plan_get_operation (plan), ==, OVH_RECORD_BULK_SET_TTL);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 2);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_unchanged (plan), ==, 5);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_skipped (plan), ==, 0);
  item = item_at (plan, 0);
  g_assert_true (ovh_record_bulk_item_get_record (item) == g_ptr_array_index (records, 1));
  g_assert_cmpstr (ovh_record_bulk_item_get_old_text (item), ==, "Zone default");
  g_assert_cmpstr (ovh_record_bulk_item_get_new_text (item), ==, "3600");
  g_assert_cmpuint (ovh_record_get_ttl (ovh_record_bulk_item_get_after (item)), ==, 3600);
  /* The record given is left as it is. */
  g_assert_cmpuint (ovh_record_get_ttl (g_ptr_array_index (records, 1)), ==, 0);

  /* Back to the zone's default: every record with a TTL of its own. */
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (back), ==, 6);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_unchanged (back), ==, 1);
  item = item_at (back, 0);
  g_assert_cmpstr (ovh_record_bulk_item_get_new_text (item), ==, "Zone default");
  g_assert_cmpuint (ovh_record_get_ttl (ovh_record_bulk_item_get_after (item)), ==, 0);
  g_assert_cmpuint (ovh_record_get_id (ovh_record_bulk_item_get_after (item)), ==, 100);

  /* Out of range: every record skipped, with the reason. */
  too_long = ovh_record_bulk_plan_new_set_ttl (records, (guint) OVH_RECORD_TTL_MAX + 1);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (too_long), ==, 0);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_skipped (too_long), ==, 7);
  item = item_at (too_long, 0);
  g_assert_true (ovh_record_bulk_item_get_skipped (item));
  g_assert_nonnull (ovh_record_bulk_item_get_reason (item));
  g_assert_null (ovh_record_bulk_item_get_after (item));
}

static void
test_replace_regex (void)
{
  g_autoptr (GPtrArray) records = make_records ();
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhValueReplacer) replacer
      = ovh_value_replacer_new ("mx(\\d)\\.old-provider\\.net\\.", "mx\\1.new-provider.org.",
                                OVH_VALUE_REPLACE_REGEX, &error);
  g_autoptr (OvhRecordBulkPlan) plan = NULL;
  OvhRecordBulkItem *item;

  g_assert_no_error (error);
  plan = ovh_record_bulk_plan_new_replace (records, replacer);

  /* Exactly the two MX values match; the CNAME and SPF naming the provider do not. */
  g_assert_cmpuint (ovh_record_bulk_plan_get_operation (plan), ==, OVH_RECORD_BULK_REPLACE);
  g_assert_cmpuint (g_list_model_get_n_items (ovh_record_bulk_plan_get_items (plan)), ==, 2);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 2);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_unchanged (plan), ==, 5);
  item = item_at (plan, 0);
  g_assert_cmpstr (ovh_record_bulk_item_get_old_text (item), ==, "10 mx1.old-provider.net.");
  g_assert_cmpstr (ovh_record_bulk_item_get_new_text (item), ==, "10 mx1.new-provider.org.");
  g_assert_cmpstr (ovh_record_get_target (ovh_record_bulk_item_get_after (item)), ==,
                   "10 mx1.new-provider.org.");
  item = item_at (plan, 1);
  g_assert_cmpstr (ovh_record_get_target (ovh_record_bulk_item_get_after (item)), ==,
                   "20 mx2.new-provider.org.");
}

static void
test_replace_invalid_skipped (void)
{
  g_autoptr (GPtrArray) records = make_records ();
  g_autoptr (OvhValueReplacer) replacer
      = ovh_value_replacer_new ("192.0.2.", "not an address ", 0, NULL);
  g_autoptr (OvhRecordBulkPlan) plan = ovh_record_bulk_plan_new_replace (records, replacer);
  OvhRecordBulkItem *item;

  /* Both A values match, and neither would be an address: both skipped, with the reason. */
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 0);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_skipped (plan), ==, 2);
  item = item_at (plan, 0);
  g_assert_true (ovh_record_bulk_item_get_skipped (item));
  g_assert_nonnull (ovh_record_bulk_item_get_reason (item));
  g_assert_cmpstr (ovh_record_bulk_item_get_old_text (item), ==, "192.0.2.1");
  g_assert_null (ovh_record_bulk_item_get_new_text (item));
}

static void
test_move (void)
{
  g_autoptr (GPtrArray) records = make_records ();
  g_autoptr (GPtrArray) some = g_ptr_array_new ();
  g_autoptr (OvhRecordBulkPlan) plan = NULL;
  g_autoptr (OvhRecordBulkPlan) apex = NULL;
  OvhRecordBulkItem *item;

  g_ptr_array_add (some, g_ptr_array_index (records, 0)); /* www A */
  g_ptr_array_add (some, g_ptr_array_index (records, 4)); /* mail CNAME */
  plan = ovh_record_bulk_plan_new_move (some, "old.example.com.", ZONE);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 2);
  item = item_at (plan, 0);
  g_assert_cmpstr (ovh_record_bulk_item_get_old_text (item), ==, "www");
  g_assert_cmpstr (ovh_record_bulk_item_get_new_text (item), ==, "old");
  g_assert_cmpstr (ovh_record_get_sub_domain (ovh_record_bulk_item_get_after (item)), ==, "old");

  /* A CNAME cannot be at the apex: skipped, the A moves. */
  apex = ovh_record_bulk_plan_new_move (some, "@", ZONE);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (apex), ==, 1);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_skipped (apex), ==, 1);
  item = item_at (apex, 1);
  g_assert_true (ovh_record_bulk_item_get_skipped (item));
  g_assert_nonnull (ovh_record_bulk_item_get_reason (item));
  g_assert_cmpstr (ovh_record_bulk_item_get_new_text (item_at (apex, 0)), ==, "@");
}

static void
test_delete (void)
{
  g_autoptr (GPtrArray) records = make_records ();
  g_autoptr (OvhRecordBulkPlan) plan = ovh_record_bulk_plan_new_delete (records);
  OvhRecordBulkItem *item;

  g_assert_cmpuint (ovh_record_bulk_plan_get_operation (plan), ==, OVH_RECORD_BULK_DELETE);
  g_assert_cmpuint (ovh_record_bulk_plan_get_n_changed (plan), ==, 7);
  item = item_at (plan, 6);
  g_assert_null (ovh_record_bulk_item_get_after (item));
  g_assert_false (ovh_record_bulk_item_get_skipped (item));
  g_assert_cmpstr (ovh_record_bulk_item_get_old_text (item), ==, "2001:db8::1");
}

/* Against the sandbox: staged as one batch (n-pending told once), published by one refresh. */

#define BIG_ZONE "bulk.example"
#define N_RECORDS 2000

static void
n_pending_cb (GObject *object, GParamSpec *pspec, guint *n_notified)
{
  (*n_notified)++;
}

static GPtrArray *
dup_records (OvhZone *zone, guint every)
{
  GListModel *model = ovh_zone_get_records (zone);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i += every)
    g_ptr_array_add (records, g_list_model_get_item (model, i));
  return records;
}

static void
test_stage_and_publish (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (OvhRecordBulkPlan) plan = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  guint n_notified = 0, n_batching = 0;
  guint n_staged;

  ovh_sandbox_add_generated_zone (fixture->sandbox, BIG_ZONE, N_RECORDS);
  zone = ovh_test_load_zone (fixture, BIG_ZONE);
  changeset = ovh_changeset_new (zone);
  g_signal_connect (changeset, "notify::n-pending", G_CALLBACK (n_pending_cb), &n_notified);
  g_signal_connect (changeset, "notify::batching", G_CALLBACK (n_pending_cb), &n_batching);

  /* Every other record: 2,500 of them. */
  records = dup_records (zone, 2);
  g_timer_start (timer);
  plan = ovh_record_bulk_plan_new_set_ttl (records, 120);
  n_staged = ovh_record_bulk_plan_stage (plan, changeset, &problems);
  g_test_message ("planned and staged %u updates in %.1f ms", n_staged,
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_null (problems);
  g_assert_cmpuint (n_staged, ==, N_RECORDS / 2);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, N_RECORDS / 2);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpuint (n_batching, ==, 2);
  g_assert_false (ovh_changeset_get_batching (changeset));

  /* Staging again changes nothing: the updates merge into themselves. */
  g_assert_cmpuint (ovh_record_bulk_plan_stage (plan, changeset, NULL), ==, N_RECORDS / 2);
  g_assert_cmpuint (ovh_changeset_get_n_pending (changeset), ==, N_RECORDS / 2);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_changeset_apply_async (changeset, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_changeset_apply_finish (changeset, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "/domain/zone/" BIG_ZONE "/record/*"),
      ==, N_RECORDS / 2);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/" BIG_ZONE "/refresh"),
      ==, 1);
  g_assert_cmpuint (ovh_record_get_ttl (ovh_zone_find_record_by_id (
                        zone, ovh_record_get_id (g_ptr_array_index (records, 0)))),
                    ==, 120);
}

static void
test_stage_delete (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (OvhRecordBulkPlan) plan = NULL;
  GListModel *changes;

  ovh_sandbox_add_generated_zone (fixture->sandbox, BIG_ZONE, 100);
  zone = ovh_test_load_zone (fixture, BIG_ZONE);
  changeset = ovh_changeset_new (zone);
  records = dup_records (zone, 10);
  plan = ovh_record_bulk_plan_new_delete (records);
  g_assert_cmpuint (ovh_record_bulk_plan_stage (plan, changeset, NULL), ==, 10);
  changes = ovh_changeset_get_changes (changeset);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      g_assert_cmpint (ovh_change_get_kind (change), ==, OVH_CHANGE_KIND_DELETE);
      g_assert_cmpuint (ovh_change_get_record_id (change), ==,
                        ovh_record_get_id (g_ptr_array_index (records, i)));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-bulk/set-ttl", test_set_ttl);
  g_test_add_func ("/record-bulk/replace-regex", test_replace_regex);
  g_test_add_func ("/record-bulk/replace-invalid-skipped", test_replace_invalid_skipped);
  g_test_add_func ("/record-bulk/move", test_move);
  g_test_add_func ("/record-bulk/delete", test_delete);
  g_test_add ("/record-bulk/stage-and-publish", OvhTestFixture, NULL, ovh_test_fixture_set_up,
              test_stage_and_publish, ovh_test_fixture_tear_down);
  g_test_add ("/record-bulk/stage-delete", OvhTestFixture, NULL, ovh_test_fixture_set_up,
              test_stage_delete, ovh_test_fixture_tear_down);

  return g_test_run ();
}
