/* test-record-filter-model.c: the zone editor's filter model against a plain re-filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model filters incrementally (only the shown rows when the search grows, only the hidden
 * ones when it shrinks) and follows its source by splicing. Random edits of the source and
 * random searches must leave it equal to a filter written the obvious way, and every
 * "items-changed" it sends must turn a copy of its old contents into its new ones.
 */
#include "config.h"

#include <string.h>

#include "domaine-record-filter-model.h"
#include "ovh-record-notes.h"

static const char *const names[] = { "www", "mail", "", "_dmarc", "host-12", "WWW2", "café" };
static const char *const types[] = { "A", "AAAA", "MX", "TXT", "CNAME" };
static const char *const targets[] = { "192.0.2.1",     "mx1.ovh.net.", "v=spf1 -all",
                                       "Café.example.", "2001:db8::12", "www.ovh.com." };
static const char *const searches[]
    = { NULL,   "w",    "ww", "www", "12", "1",  "m",    "mx",   "ovh", "@",
        "café", "CAFÉ", "é",  "zzz", "V=", "ÉX", "é.EX", "fé.e", "A" };
/* The type filter ignores case. */
static const char *const filter_types[] = { "A", "aaaa", "Mx", "TXT", "cname" };

/* Case-insensitive "contains", the slow way. */
static gboolean
contains (const char *haystack, const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

static gboolean
reference_matches (OvhRecord *record, const char *search, const char *type)
{
  if (type != NULL && g_ascii_strcasecmp (ovh_record_get_field_type (record), type) != 0)
    return FALSE;
  return search == NULL || contains (ovh_record_get_display_name (record), search)
         || contains (ovh_record_get_target (record), search);
}

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
check (DomaineRecordFilterModel *filter, GListStore *store, GPtrArray *mirror)
{
  const char *search = domaine_record_filter_model_get_search (filter);
  const char *type = domaine_record_filter_model_get_field_type (filter);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (!reference_matches (record, search, type))
        continue;
      g_assert_cmpuint (k, <, g_list_model_get_n_items (G_LIST_MODEL (filter)));
      {
        g_autoptr (OvhRecord) shown = g_list_model_get_item (G_LIST_MODEL (filter), k);
        g_assert_true (shown == record);
      }
      g_assert_true (g_ptr_array_index (mirror, k) == record);
      k++;
    }
  g_assert_cmpuint (k, ==, g_list_model_get_n_items (G_LIST_MODEL (filter)));
  g_assert_cmpuint (k, ==, mirror->len);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (filter), k));
}

static OvhRecord *
random_record (GRand *rand)
{
  return ovh_record_new ("example.org", names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                         types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                         targets[g_rand_int_range (rand, 0, G_N_ELEMENTS (targets))], 0);
}

static void
test_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (DomaineRecordFilterModel) filter = domaine_record_filter_model_new ();
  g_autoptr (GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr (OvhRecord) record = random_record (rand);
      g_list_store_append (store, record);
    }
  g_signal_connect (filter, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
  domaine_record_filter_model_set_model (filter, G_LIST_MODEL (store));
  check (filter, store, mirror);

  for (guint step = 0; step < 2000; step++)
    {
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0: /* a search, often one letter more or less than the last */
          domaine_record_filter_model_set_search (
              filter, searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
          break;
        case 1:
          domaine_record_filter_model_set_field_type (
              filter, g_rand_boolean (rand)
                          ? NULL
                          : filter_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (filter_types))]);
          break;
        default: /* the source changes: a splice anywhere */
          {
            guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
            guint position = g_rand_int_range (rand, 0, n + 1);
            guint removed = g_rand_int_range (rand, 0, MIN (n - position, 20) + 1);
            guint added = g_rand_int_range (rand, 0, 20);
            g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

            for (guint i = 0; i < added; i++)
              g_ptr_array_add (records, random_record (rand));
            g_list_store_splice (store, position, removed, records->pdata, records->len);
          }
          break;
        }
      check (filter, store, mirror);
    }

  /* Another source: every row of the old one goes, every matching row of the new one comes. */
  {
    g_autoptr (GListStore) other = g_list_store_new (OVH_TYPE_RECORD);

    for (guint i = 0; i < 50; i++)
      {
        g_autoptr (OvhRecord) record = random_record (rand);
        g_list_store_append (other, record);
      }
    domaine_record_filter_model_set_model (filter, G_LIST_MODEL (other));
    check (filter, other, mirror);
  }

  /* Letting go of the source empties the model. */
  domaine_record_filter_model_set_model (filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);
  g_assert_cmpuint (mirror->len, ==, 0);
}

static void
count_cb (guint *n_changes)
{
  (*n_changes)++;
}

/* Typing one more letter announces one change, for the rows that went away only. */
static void
test_more_strict (void)
{
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (DomaineRecordFilterModel) filter = domaine_record_filter_model_new ();
  g_autoptr (GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  const char *const hosts[] = { "a1", "b12", "c123", "d12", "e1" };
  guint n_changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autoptr (OvhRecord) record = ovh_record_new ("example.org", hosts[i], "A", "192.0.2.1", 0);
      g_list_store_append (store, record);
    }
  domaine_record_filter_model_set_model (filter, G_LIST_MODEL (store));
  g_signal_connect (filter, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
  g_signal_connect_swapped (filter, "items-changed", G_CALLBACK (count_cb), &n_changes);
  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (G_LIST_MODEL (filter), i));

  domaine_record_filter_model_set_search (filter, "1");
  check (filter, store, mirror);
  n_changes = 0;
  domaine_record_filter_model_set_search (filter, "12");
  check (filter, store, mirror);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 3);
  g_assert_cmpuint (n_changes, ==, 1);
  /* The same search in other capitals changes nothing. */
  domaine_record_filter_model_set_search (filter, "B12");
  domaine_record_filter_model_set_search (filter, "b12");
  n_changes = 1;
  domaine_record_filter_model_set_search (filter, "B12");
  g_assert_cmpuint (n_changes, ==, 1);
  domaine_record_filter_model_set_search (filter, "123");
  check (filter, store, mirror);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 1);
  domaine_record_filter_model_set_search (filter, "");
  check (filter, store, mirror);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 5);
}

/* A row is found by its note too, and matched again when notes change. */
static void
test_notes (void)
{
  g_autoptr (GListStore) store = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (DomaineRecordFilterModel) filter = domaine_record_filter_model_new ();
  g_autoptr (OvhRecordNotes) notes = ovh_record_notes_new (NULL);
  g_autoptr (OvhRecord) plain = ovh_record_new ("example.org", "www", "A", "192.0.2.1", 0);
  g_autoptr (OvhRecord) noted = ovh_record_new ("example.org", "mail", "MX", "10 mx.ovh.net.", 0);
  g_autoptr (OvhRecord) shown = NULL;

  ovh_record_set_id (plain, 1);
  ovh_record_set_id (noted, 2);
  g_list_store_append (store, plain);
  g_list_store_append (store, noted);
  domaine_record_filter_model_set_notes (filter, notes);
  domaine_record_filter_model_set_model (filter, G_LIST_MODEL (store));

  ovh_record_notes_set (notes, noted, "Ask Zoë before changing");
  domaine_record_filter_model_set_search (filter, "ZOË");
  /* Notes are matched again once their burst is over. */
  while (g_list_model_get_n_items (G_LIST_MODEL (filter)) != 1)
    g_main_context_iteration (NULL, TRUE);
  shown = g_list_model_get_item (G_LIST_MODEL (filter), 0);
  g_assert_true (shown == noted);

  domaine_record_filter_model_set_search (filter, "before changing");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 1);
  /* Name, value and note are separate: no match across them. */
  domaine_record_filter_model_set_search (filter, "net. ask");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filter)), ==, 0);

  ovh_record_notes_set (notes, noted, NULL);
  domaine_record_filter_model_set_search (filter, "ask");
  while (g_list_model_get_n_items (G_LIST_MODEL (filter)) != 0)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-filter-model/random", test_random);
  g_test_add_func ("/record-filter-model/more-strict", test_more_strict);
  g_test_add_func ("/record-filter-model/notes", test_notes);
  return g_test_run ();
}
