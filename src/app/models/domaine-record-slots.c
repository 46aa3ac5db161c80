/* domaine-record-slots.c: a selection model whose items stay put while the rows they show change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why: on GTK 4.8 a list view keeps a row widget only for an item that is still in the
 * model after an items-changed; any other row is destroyed and a new one built, widgets and
 * accessible objects included. A search over 100,000 records replaces the items of all
 * ~200 visible rows at each keystroke, and rebuilding them cost more than the search. With
 * slots, the visible rows keep their widgets and are only bound again; rows come or go at
 * the end of the list only.
 *
 * GTK 4.8 also keeps ~200 rows built whatever the height of the view, and destroys them all
 * when the list empties ("w" in a zone without one) to build them again when it fills (the
 * search cleared). With "keep-rows-when-empty", for a view that is hidden whenever its list
 * is empty (the zone editor shows a "no results" page instead), an emptied model leaves the
 * slots as they were, pointing at nothing, and when items come back the same slots are
 * announced again, so the rows are only bound again.
 */
#include "config.h"

#include "domaine-record-slots.h"

struct _DomaineRecordSlots
{
  GObject parent_instance;

  GtkSelectionModel *model;
  guint n_items;    /* the model's, as last announced */
  GPtrArray *slots; /* of DomaineRecordSlot or NULL (not asked for yet), by position */
  gboolean keep_rows_when_empty;
  gboolean kept;     /* the model is empty, n_items is what it had before */
  guint fill_source; /* makes the slots not asked for yet, while idle */
  guint fill_next;   /* where that goes on */
};

/* Slots made per idle dispatch: a few milliseconds. */
#define FILL_CHUNK 10000

static void domaine_record_slots_list_model_init (GListModelInterface *iface);
static void domaine_record_slots_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (
    DomaineRecordSlots,
    domaine_record_slots,
    G_TYPE_OBJECT,
    G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, domaine_record_slots_list_model_init)
        G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, domaine_record_slots_selection_model_init))

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_KEEP_ROWS_WHEN_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slot_free (gpointer data)
{
  if (data != NULL)
    {
      /* A view may still hold it for a moment: it no longer shows anything. */
      domaine_record_slot_forget_item (data);
      g_object_unref (data);
    }
}

/* Slots made ahead, while idle ----------------------------------------------------------- */

/* GTK 4.8 asks for every item of a change that removes the row it tracks, which the first
 * search after a load does: making the 100,000 slots then would cost that keystroke tens of
 * milliseconds. They are made beforehand, a chunk per idle dispatch. */
static gboolean
fill_cb (gpointer data)
{
  DomaineRecordSlots *self = data;
  guint end;

  if (self->model == NULL || self->kept)
    {
      self->fill_source = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->slots->len < self->n_items)
    g_ptr_array_set_size (self->slots, self->n_items);
  end = MIN (self->fill_next + FILL_CHUNK, self->n_items);
  for (guint i = self->fill_next; i < end; i++)
    if (self->slots->pdata[i] == NULL)
      self->slots->pdata[i] = domaine_record_slot_new (G_LIST_MODEL (self->model), i);
  self->fill_next = end;
  if (end < self->n_items)
    return G_SOURCE_CONTINUE;
  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

static void
domaine_record_slots_fill_later (DomaineRecordSlots *self)
{
  if (self->fill_source != 0 || self->model == NULL || self->fill_next >= self->n_items)
    return;
  self->fill_source = g_idle_add_full (G_PRIORITY_LOW, fill_cb, self, NULL);
}

/* GListModel ----------------------------------------------------------------------------- */

static GType
domaine_record_slots_get_item_type (GListModel *model)
{
  return DOMAINE_TYPE_RECORD_SLOT;
}

static guint
domaine_record_slots_get_n_items (GListModel *model)
{
  return DOMAINE_RECORD_SLOTS (model)->n_items;
}

static gpointer
domaine_record_slots_get_item (GListModel *model, guint position)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  if (position >= self->n_items)
    return NULL;
  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, self->n_items);
  if (self->slots->pdata[position] == NULL)
    self->slots->pdata[position] = domaine_record_slot_new (G_LIST_MODEL (self->model), position);
  return g_object_ref (self->slots->pdata[position]);
}

static void
domaine_record_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = domaine_record_slots_get_item_type;
  iface->get_n_items = domaine_record_slots_get_n_items;
  iface->get_item = domaine_record_slots_get_item;
}

/* GtkSelectionModel: the model's own selection ------------------------------------------ */

static gboolean
domaine_record_slots_is_selected (GtkSelectionModel *model, guint position)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL && gtk_selection_model_is_selected (self->model, position);
}

static GtkBitset *
domaine_record_slots_get_selection_in_range (GtkSelectionModel *model,
                                             guint position,
                                             guint n_items)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  if (self->model == NULL)
    return gtk_bitset_new_empty ();
  return gtk_selection_model_get_selection_in_range (self->model, position, n_items);
}

static gboolean
domaine_record_slots_select_item (GtkSelectionModel *model, guint position, gboolean unselect_rest)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL
         && gtk_selection_model_select_item (self->model, position, unselect_rest);
}

static gboolean
domaine_record_slots_unselect_item (GtkSelectionModel *model, guint position)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL && gtk_selection_model_unselect_item (self->model, position);
}

static gboolean
domaine_record_slots_select_range (GtkSelectionModel *model,
                                   guint position,
                                   guint n_items,
                                   gboolean unselect_rest)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL
         && gtk_selection_model_select_range (self->model, position, n_items, unselect_rest);
}

static gboolean
domaine_record_slots_unselect_range (GtkSelectionModel *model, guint position, guint n_items)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL && gtk_selection_model_unselect_range (self->model, position, n_items);
}

static gboolean
domaine_record_slots_select_all (GtkSelectionModel *model)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL && gtk_selection_model_select_all (self->model);
}

static gboolean
domaine_record_slots_unselect_all (GtkSelectionModel *model)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL && gtk_selection_model_unselect_all (self->model);
}

static gboolean
domaine_record_slots_set_selection (GtkSelectionModel *model, GtkBitset *selected, GtkBitset *mask)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (model);

  return self->model != NULL && gtk_selection_model_set_selection (self->model, selected, mask);
}

static void
domaine_record_slots_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = domaine_record_slots_is_selected;
  iface->get_selection_in_range = domaine_record_slots_get_selection_in_range;
  iface->select_item = domaine_record_slots_select_item;
  iface->unselect_item = domaine_record_slots_unselect_item;
  iface->select_range = domaine_record_slots_select_range;
  iface->unselect_range = domaine_record_slots_unselect_range;
  iface->select_all = domaine_record_slots_select_all;
  iface->unselect_all = domaine_record_slots_unselect_all;
  iface->set_selection = domaine_record_slots_set_selection;
}

/* Following the model ------------------------------------------------------------------- */

/* The slots from @position to @kept_end point at other items now, and those past @n_items
 * at none. The latter stay for when the list grows again: a view may have asked for every
 * item (GTK 4.8 does when the row it tracks goes away), and freeing then remaking 100,000
 * slots would cost more than the search. */
static void
domaine_record_slots_move (DomaineRecordSlots *self, guint position, guint kept_end, guint n_items)
{
  for (guint i = position; i < MIN (kept_end, self->slots->len); i++)
    if (self->slots->pdata[i] != NULL)
      domaine_record_slot_forget_item (self->slots->pdata[i]);
  for (guint i = n_items; i < MIN (self->n_items, self->slots->len); i++)
    if (self->slots->pdata[i] != NULL)
      domaine_record_slot_forget_item (self->slots->pdata[i]);
  self->n_items = n_items;
}

static void
model_items_changed_cb (
    GListModel *model, guint position, guint removed, guint added, DomaineRecordSlots *self)
{
  guint old_n_items = self->n_items;
  guint n_items = g_list_model_get_n_items (model);

  if (n_items == 0 && self->keep_rows_when_empty && old_n_items > 0)
    {
      /* The slots stay, pointing at nothing (their items are let go): nothing to announce. */
      domaine_record_slots_move (self, 0, old_n_items, old_n_items);
      self->kept = TRUE;
      return;
    }
  if (self->kept)
    {
      /* Items again: every kept slot shows another one, and the end grows or shrinks. */
      self->kept = FALSE;
      position = 0;
      removed = old_n_items;
      added = n_items;
    }

  /* Items moved: every slot from there on shows another one, and only the end grows or
   * shrinks. The same slots go out and come back, which views take as "rebind". */
  if (removed != added)
    {
      removed = old_n_items - position;
      added = n_items - position;
    }
  domaine_record_slots_move (self, position, position + MIN (removed, added), n_items);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  domaine_record_slots_fill_later (self);
}

static void
model_selection_changed_cb (GtkSelectionModel *model,
                            guint position,
                            guint n_items,
                            DomaineRecordSlots *self)
{
  gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, n_items);
}

/* GObject -------------------------------------------------------------------------------- */

static void
domaine_record_slots_dispose (GObject *object)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (object);

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, model_selection_changed_cb, self);
    }
  g_clear_object (&self->model);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_ptr_array_set_size (self->slots, 0);
  self->n_items = 0;

  G_OBJECT_CLASS (domaine_record_slots_parent_class)->dispose (object);
}

static void
domaine_record_slots_finalize (GObject *object)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (object);

  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (domaine_record_slots_parent_class)->finalize (object);
}

static void
domaine_record_slots_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_KEEP_ROWS_WHEN_EMPTY:
      g_value_set_boolean (value, self->keep_rows_when_empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_record_slots_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  DomaineRecordSlots *self = DOMAINE_RECORD_SLOTS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      domaine_record_slots_set_model (self, g_value_get_object (value));
      break;
    case PROP_KEEP_ROWS_WHEN_EMPTY:
      domaine_record_slots_set_keep_rows_when_empty (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_record_slots_class_init (DomaineRecordSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_record_slots_dispose;
  object_class->finalize = domaine_record_slots_finalize;
  object_class->get_property = domaine_record_slots_get_property;
  object_class->set_property = domaine_record_slots_set_property;

  properties[PROP_MODEL]
      = g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEEP_ROWS_WHEN_EMPTY]
      = g_param_spec_boolean ("keep-rows-when-empty", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_record_slots_init (DomaineRecordSlots *self)
{
  self->slots = g_ptr_array_new_with_free_func (slot_free);
}

DomaineRecordSlots *
domaine_record_slots_new (GtkSelectionModel *model)
{
  g_return_val_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model), NULL);

  return g_object_new (DOMAINE_TYPE_RECORD_SLOTS, "model", model, NULL);
}

GtkSelectionModel *
domaine_record_slots_get_model (DomaineRecordSlots *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_SLOTS (self), NULL);
  return self->model;
}

void
domaine_record_slots_set_model (DomaineRecordSlots *self, GtkSelectionModel *model)
{
  guint old_n_items;
  guint n_items;

  g_return_if_fail (DOMAINE_IS_RECORD_SLOTS (self));
  g_return_if_fail (model == NULL || GTK_IS_SELECTION_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, model_selection_changed_cb, self);
    }
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);
      g_signal_connect (model, "selection-changed", G_CALLBACK (model_selection_changed_cb), self);
    }

  /* Slots read from the model they were made for. */
  old_n_items = self->n_items;
  n_items = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
  g_ptr_array_set_size (self->slots, 0);
  self->n_items = n_items;
  self->kept = FALSE;
  self->fill_next = 0;
  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (old_n_items > 0 || n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
  domaine_record_slots_fill_later (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gboolean
domaine_record_slots_get_keep_rows_when_empty (DomaineRecordSlots *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_SLOTS (self), FALSE);
  return self->keep_rows_when_empty;
}

void
domaine_record_slots_set_keep_rows_when_empty (DomaineRecordSlots *self, gboolean keep)
{
  g_return_if_fail (DOMAINE_IS_RECORD_SLOTS (self));

  keep = !!keep;
  if (self->keep_rows_when_empty == keep)
    return;
  self->keep_rows_when_empty = keep;
  /* Kept rows of an empty model go now. */
  if (!keep && self->kept)
    {
      guint old_n_items = self->n_items;

      self->kept = FALSE;
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, 0);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_ROWS_WHEN_EMPTY]);
}
