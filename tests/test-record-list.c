/* test-record-list.c: the zone's record list against a GListStore doing the same splices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Random splices of both must leave them equal, and every "items-changed" the list sends
 * must turn a copy of its old contents into its new ones.
 */
#include "config.h"

#include "ovh-record-list.h"

static void
mirror_items_changed_cb (
    GListModel *model, guint position, guint removed, guint added, GPtrArray *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
}

static void
check (OvhRecordList *list, GListStore *store, GPtrArray *mirror)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpuint (mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhRecord) expected = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr (OvhRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (item == expected);
      g_assert_true (ovh_record_list_get (list, i) == expected);
      g_assert_true (g_ptr_array_index (mirror, i) == expected);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
  g_assert_null (ovh_record_list_get (list, n));
}

static void
test_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr (OvhRecordList) list = ovh_record_list_new ();
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  guint next_id = 1;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == OVH_TYPE_RECORD);
  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);

  for (guint step = 0; step < 1000; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, MIN (n - position, 30) + 1);
      guint added = g_rand_int_range (rand, 0, 30);
      g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < added; i++)
        {
          g_autofree char *name = g_strdup_printf ("host-%u", next_id);
          OvhRecord *record = ovh_record_new ("example.org", name, "A", "192.0.2.1", 0);

          ovh_record_set_id (record, next_id++);
          g_ptr_array_add (records, record);
        }
      g_list_store_splice (store, position, removed, records->pdata, records->len);
      ovh_record_list_splice (list, position, removed, (OvhRecord **) records->pdata, records->len);
      check (list, store, mirror);
    }
}

/* A handler of "items-changed" may still read the records that went. */
static void
removed_still_alive_cb (
    GListModel *model, guint position, guint removed, guint added, OvhRecord **watched)
{
  g_assert_true (OVH_IS_RECORD (*watched));
  g_assert_cmpstr (ovh_record_get_sub_domain (*watched), ==, "gone");
}

static void
test_removed_alive_during_signal (void)
{
  g_autoptr (OvhRecordList) list = ovh_record_list_new ();
  OvhRecord *record = ovh_record_new ("example.org", "gone", "A", "192.0.2.1", 0);
  OvhRecord *watched = record;

  ovh_record_list_splice (list, 0, 0, &record, 1);
  g_object_unref (record); /* the list holds the only reference now */
  g_signal_connect (list, "items-changed", G_CALLBACK (removed_still_alive_cb), &watched);
  ovh_record_list_splice (list, 0, 1, NULL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-list/random", test_random);
  g_test_add_func ("/record-list/removed-alive-during-signal", test_removed_alive_during_signal);
  return g_test_run ();
}
