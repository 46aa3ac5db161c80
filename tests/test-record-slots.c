/* test-record-slots.c: the zone editor's view model keeps its items where they are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DomaineRecordSlots lists one slot per position of a selection model. When the items move,
 * it must announce the change so that every slot that stays is the same object (a GTK 4.8
 * view then rebinds its row instead of rebuilding it), each slot must point at the item now
 * at its position, and the selection must be the model's.
 */
#include "config.h"

#include "domaine-record-slots.h"

typedef struct
{
  guint position, removed, added;
  guint n_changes;
} Change;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Change *change)
{
  *change = (Change){ position, removed, added, change->n_changes + 1 };
}

static void
selection_changed_cb (GtkSelectionModel *model, guint position, guint n_items, guint *n_changes)
{
  (*n_changes)++;
}

static const char *
slot_string (GListModel *slots, guint position)
{
  g_autoptr (DomaineRecordSlot) slot = g_list_model_get_item (slots, position);

  g_assert_true (DOMAINE_IS_RECORD_SLOT (slot));
  g_assert_cmpuint (domaine_record_slot_get_position (slot), ==, position);
  return gtk_string_object_get_string (domaine_record_slot_get_item (slot));
}

static void
test_slots_stay (void)
{
  const char *const strings[] = { "a", "b", "c", "d", "e", NULL };
  const char *const two[] = { "x", "y", NULL };
  g_autoptr (GtkStringList) list = gtk_string_list_new (strings);
  g_autoptr (GtkMultiSelection) selection
      = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list)));
  g_autoptr (DomaineRecordSlots) slots = domaine_record_slots_new (GTK_SELECTION_MODEL (selection));
  GListModel *model = G_LIST_MODEL (slots);
  gpointer before[5];
  Change change = { 0 };

  g_signal_connect (slots, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  g_assert_true (g_list_model_get_item_type (model) == DOMAINE_TYPE_RECORD_SLOT);
  for (guint i = 0; i < 5; i++)
    {
      before[i] = g_list_model_get_item (model, i);
      g_object_unref (before[i]); /* the model keeps it */
      g_assert_cmpstr (slot_string (model, i), ==, strings[i]);
    }
  g_assert_null (g_list_model_get_item (model, 5));

  /* Removing "b": the slots from there on show the next item, the last one goes. */
  gtk_string_list_remove (list, 1);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 4);
  g_assert_cmpuint (change.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GObject) slot = g_list_model_get_item (model, i);

      g_assert_true (slot == before[i]);
      g_assert_cmpstr (slot_string (model, i), ==, strings[i + (i >= 1)]);
    }

  /* Replacing one item by another: the same slot, the new item. */
  gtk_string_list_splice (list, 2, 1, (const char *const[]){ "z", NULL });
  g_assert_cmpuint (change.n_changes, ==, 2);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpstr (slot_string (model, 2), ==, "z");

  /* Growing from two items: the first two slots stay, new ones at the end. */
  gtk_string_list_splice (list, 0, 4, two);
  gtk_string_list_splice (list, 2, 0, strings);
  g_assert_cmpuint (change.n_changes, ==, 4);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (slot_string (model, i), ==, i < 2 ? two[i] : strings[i - 2]);
  /* Even the slots that were past the end for a while: a view may have asked for all. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GObject) slot = g_list_model_get_item (model, i);
      g_assert_true (slot == before[i]);
    }
}

static void
test_selection_is_the_models (void)
{
  const char *const strings[] = { "a", "b", "c", "d", NULL };
  g_autoptr (GtkStringList) list = gtk_string_list_new (strings);
  g_autoptr (GtkMultiSelection) selection
      = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list)));
  g_autoptr (DomaineRecordSlots) slots = domaine_record_slots_new (GTK_SELECTION_MODEL (selection));
  g_autoptr (GtkBitset) selected = NULL;
  guint n_changes = 0;

  g_signal_connect (slots, "selection-changed", G_CALLBACK (selection_changed_cb), &n_changes);

  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (slots), 2, TRUE));
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), 2));
  g_assert_cmpuint (n_changes, ==, 1);

  gtk_selection_model_select_range (GTK_SELECTION_MODEL (selection), 0, 2, FALSE);
  g_assert_cmpuint (n_changes, ==, 2);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (slots));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 3);
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (slots), 3));

  g_assert_true (gtk_selection_model_unselect_item (GTK_SELECTION_MODEL (slots), 0));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), 0));
  g_assert_true (gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (slots)));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection), 1));

  /* Without a model: empty, nothing to select. */
  domaine_record_slots_set_model (slots, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  g_assert_false (gtk_selection_model_select_all (GTK_SELECTION_MODEL (slots)));
}

/* With keep-rows-when-empty, an emptied model leaves the slots (pointing at nothing) without a
 * change; when items come back, the same slots are announced from the first position. */
static void
test_keep_rows_when_empty (void)
{
  const char *const strings[] = { "a", "b", "c", NULL };
  const char *const other[] = { "x", "y", "z", "w", NULL };
  g_autoptr (GtkStringList) list = gtk_string_list_new (strings);
  g_autoptr (GtkMultiSelection) selection
      = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (list)));
  g_autoptr (DomaineRecordSlots) slots = domaine_record_slots_new (GTK_SELECTION_MODEL (selection));
  GListModel *model = G_LIST_MODEL (slots);
  gpointer before[3];
  Change change = { 0 };

  g_assert_false (domaine_record_slots_get_keep_rows_when_empty (slots));
  domaine_record_slots_set_keep_rows_when_empty (slots, TRUE);
  g_assert_true (domaine_record_slots_get_keep_rows_when_empty (slots));
  g_signal_connect (slots, "items-changed", G_CALLBACK (items_changed_cb), &change);
  for (guint i = 0; i < 3; i++)
    {
      before[i] = g_list_model_get_item (model, i);
      g_object_unref (before[i]); /* the model keeps it */
      g_assert_cmpstr (slot_string (model, i), ==, strings[i]);
    }

  /* Emptied: nothing announced, the slots stay and show nothing. */
  gtk_string_list_splice (list, 0, 3, NULL);
  g_assert_cmpuint (change.n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (DomaineRecordSlot) slot = g_list_model_get_item (model, i);

      g_assert_true (slot == before[i]);
      g_assert_null (domaine_record_slot_get_item (slot));
    }

  /* Items again: one change from the start, the same slots, the new items. */
  gtk_string_list_splice (list, 0, 0, other);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 3);
  g_assert_cmpuint (change.added, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GObject) slot = g_list_model_get_item (model, i);

      if (i < 3)
        g_assert_true (slot == before[i]);
      g_assert_cmpstr (slot_string (model, i), ==, other[i]);
    }

  /* Emptied again, then the property goes: the kept slots go with it. */
  gtk_string_list_splice (list, 0, 4, NULL);
  g_assert_cmpuint (change.n_changes, ==, 1);
  domaine_record_slots_set_keep_rows_when_empty (slots, FALSE);
  g_assert_cmpuint (change.n_changes, ==, 2);
  g_assert_cmpuint (change.removed, ==, 4);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Without it, an emptied model empties the slots at once. */
  gtk_string_list_splice (list, 0, 0, strings);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_string_list_splice (list, 0, 3, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record-slots/slots-stay", test_slots_stay);
  g_test_add_func ("/record-slots/keep-rows-when-empty", test_keep_rows_when_empty);
  g_test_add_func ("/record-slots/selection-is-the-models", test_selection_is_the_models);
  return g_test_run ();
}
