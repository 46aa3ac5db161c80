/* domaine-record-rows.c: a zone's records with its staged creates, as the zone editor lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zone's model holds what OVH has; a staged create lives only in the changeset. This model
 * puts both in one list without wrapping a single record: items are the zone's own OvhRecord
 * objects (then each create's "after" record), so a 100,000-record zone costs no allocation
 * here. The changes are re-read whole whenever the changeset's list moves, except during a
 * batch (a bulk edit, its undo): then they are read once, at its end, and the rows they touch
 * are announced together, so that views do the work once rather than once per change.
 */
#include "config.h"

#include "domaine-record-rows.h"

typedef struct
{
  OvhChange *change;
  guint64 record_id; /* for updates and deletes: the row it marks */
  OvhRecord *after;  /* for creates: the row it adds */
  gulong notify_id;
} TrackedChange;

struct _DomaineRecordRows
{
  GObject parent_instance;

  OvhChangeset *changeset;
  GListModel *records;    /* the zone's */
  GPtrArray *tracked;     /* of TrackedChange, in the changeset's order */
  GPtrArray *created;     /* of OvhRecord (refs): the rows after the zone's */
  GHashTable *create_map; /* OvhRecord → OvhChange, for created rows */
  gboolean stale;         /* the changes moved during a batch: read them at its end */
  GArray *batch_touched;  /* guint64 ids of records whose change changed during a batch */
};

/* More rows than this touched at once are announced as one span. */
#define MAX_SEPARATE_ROWS 32

static void domaine_record_rows_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DomaineRecordRows,
                               domaine_record_rows,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      domaine_record_rows_list_model_init))

enum
{
  PROP_0,
  PROP_CHANGESET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
domaine_record_rows_get_item_type (GListModel *model)
{
  return OVH_TYPE_RECORD;
}

static guint
domaine_record_rows_get_n_items (GListModel *model)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (model);

  return g_list_model_get_n_items (self->records) + self->created->len;
}

static gpointer
domaine_record_rows_get_item (GListModel *model, guint position)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (model);
  guint n_records = g_list_model_get_n_items (self->records);

  if (position < n_records)
    return g_list_model_get_item (self->records, position);
  position -= n_records;
  if (position < self->created->len)
    return g_object_ref (g_ptr_array_index (self->created, position));
  return NULL;
}

static void
domaine_record_rows_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = domaine_record_rows_get_item_type;
  iface->get_n_items = domaine_record_rows_get_n_items;
  iface->get_item = domaine_record_rows_get_item;
}

static void
tracked_change_free (gpointer data)
{
  TrackedChange *tracked = data;

  g_clear_signal_handler (&tracked->notify_id, tracked->change);
  g_clear_object (&tracked->change);
  g_clear_object (&tracked->after);
  g_free (tracked);
}

static void
domaine_record_rows_row_changed_for_id (DomaineRecordRows *self, guint64 record_id)
{
  guint position;

  if (record_id != 0
      && ovh_zone_find_position_by_id (ovh_changeset_get_zone (self->changeset), record_id,
                                       &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

/* The created rows follow the changeset's creates, in order. */
static void
domaine_record_rows_sync_created (DomaineRecordRows *self)
{
  guint n_records = g_list_model_get_n_items (self->records);
  guint old_len = self->created->len;
  g_autoptr (GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same;

  g_hash_table_remove_all (self->create_map);
  for (guint i = 0; i < self->tracked->len; i++)
    {
      TrackedChange *tracked = g_ptr_array_index (self->tracked, i);

      if (ovh_change_get_kind (tracked->change) != OVH_CHANGE_KIND_CREATE)
        continue;
      g_set_object (&tracked->after, ovh_change_get_after (tracked->change));
      if (tracked->after == NULL)
        continue;
      g_ptr_array_add (created, g_object_ref (tracked->after));
      g_hash_table_insert (self->create_map, tracked->after, tracked->change);
    }

  same = created->len == old_len;
  for (guint i = 0; same && i < old_len; i++)
    same = g_ptr_array_index (created, i) == g_ptr_array_index (self->created, i);
  if (same)
    return;

  g_ptr_array_unref (self->created);
  self->created = g_steal_pointer (&created);
  g_list_model_items_changed (G_LIST_MODEL (self), n_records, old_len, self->created->len);
}

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* One items-changed per row when few, else one for the span from the first to the last. */
static void
domaine_record_rows_rows_changed_for_ids (DomaineRecordRows *self, GArray *ids)
{
  OvhZone *zone = ovh_changeset_get_zone (self->changeset);
  g_autoptr (GArray) positions = NULL;
  guint first, last;

  if (ids->len <= MAX_SEPARATE_ROWS)
    {
      for (guint i = 0; i < ids->len; i++)
        domaine_record_rows_row_changed_for_id (self, g_array_index (ids, guint64, i));
      return;
    }

  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      guint position;

      if (ovh_zone_find_position_by_id (zone, g_array_index (ids, guint64, i), &position))
        g_array_append_val (positions, position);
    }
  if (positions->len == 0)
    return;
  g_array_sort (positions, compare_positions);
  first = g_array_index (positions, guint, 0);
  last = g_array_index (positions, guint, positions->len - 1);
  g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
}

static void
change_notify_cb (OvhChange *change, GParamSpec *pspec, DomaineRecordRows *self)
{
  if (ovh_changeset_get_batching (self->changeset))
    {
      guint64 id = ovh_change_get_record_id (change);

      self->stale = TRUE;
      if (ovh_change_get_kind (change) != OVH_CHANGE_KIND_CREATE && id != 0)
        g_array_append_val (self->batch_touched, id);
      return;
    }

  if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE)
    {
      guint position;

      /* A restage may hand the change a new "after" record: the row is that object. */
      if (g_hash_table_lookup (self->create_map, ovh_change_get_after (change)) != change)
        domaine_record_rows_sync_created (self);
      else if (domaine_record_rows_find_change (self, change, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else
    domaine_record_rows_row_changed_for_id (self, ovh_change_get_record_id (change));
}

/* The tracked change of change in old (OvhChange → index in old), taken out of old. */
static TrackedChange *
domaine_record_rows_take_tracked (GPtrArray *old, GHashTable *old_index, OvhChange *change)
{
  gpointer index;
  TrackedChange *tracked;

  if (!g_hash_table_lookup_extended (old_index, change, NULL, &index))
    return NULL;
  tracked = g_ptr_array_index (old, GPOINTER_TO_UINT (index));
  old->pdata[GPOINTER_TO_UINT (index)] = NULL;
  return tracked;
}

static void
changes_changed_cb (DomaineRecordRows *self)
{
  GListModel *changes = ovh_changeset_get_changes (self->changeset);
  guint n_changes = g_list_model_get_n_items (changes);
  g_autoptr (GPtrArray) old = NULL;
  g_autoptr (GHashTable) old_index = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (ovh_changeset_get_batching (self->changeset))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  old = g_steal_pointer (&self->tracked);
  g_ptr_array_set_free_func (old, NULL);
  self->tracked = g_ptr_array_new_with_free_func (tracked_change_free);
  for (guint i = 0; i < old->len; i++)
    g_hash_table_insert (old_index, ((TrackedChange *) g_ptr_array_index (old, i))->change,
                         GUINT_TO_POINTER (i));
  g_array_append_vals (touched, self->batch_touched->data, self->batch_touched->len);
  g_array_set_size (self->batch_touched, 0);

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);
      TrackedChange *tracked = domaine_record_rows_take_tracked (old, old_index, change);

      if (tracked == NULL)
        {
          tracked = g_new0 (TrackedChange, 1);
          tracked->change = g_object_ref (change);
          tracked->notify_id
              = g_signal_connect (change, "notify", G_CALLBACK (change_notify_cb), self);
          if (ovh_change_get_kind (change) != OVH_CHANGE_KIND_CREATE)
            {
              tracked->record_id = ovh_change_get_record_id (change);
              g_array_append_val (touched, tracked->record_id);
            }
        }
      g_ptr_array_add (self->tracked, tracked);
    }

  /* Changes that left the set (applied or discarded) unmark their row. */
  for (guint i = 0; i < old->len; i++)
    {
      TrackedChange *tracked = g_ptr_array_index (old, i);

      if (tracked == NULL)
        continue;
      if (tracked->record_id != 0)
        g_array_append_val (touched, tracked->record_id);
      tracked_change_free (tracked);
    }

  domaine_record_rows_sync_created (self);
  domaine_record_rows_rows_changed_for_ids (self, touched);
}

static void
batching_changed_cb (DomaineRecordRows *self)
{
  if (!ovh_changeset_get_batching (self->changeset) && self->stale)
    changes_changed_cb (self);
}

static void
records_changed_cb (DomaineRecordRows *self, guint position, guint removed, guint added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
domaine_record_rows_constructed (GObject *object)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (object);

  G_OBJECT_CLASS (domaine_record_rows_parent_class)->constructed (object);

  self->records = g_object_ref (ovh_zone_get_records (ovh_changeset_get_zone (self->changeset)));
  g_signal_connect_object (self->records, "items-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ovh_changeset_get_changes (self->changeset), "items-changed",
                           G_CALLBACK (changes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changeset, "notify::batching", G_CALLBACK (batching_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Quietly: nobody listens yet. */
  {
    GListModel *changes = ovh_changeset_get_changes (self->changeset);
    guint n_changes = g_list_model_get_n_items (changes);

    for (guint i = 0; i < n_changes; i++)
      {
        TrackedChange *tracked = g_new0 (TrackedChange, 1);

        tracked->change = g_list_model_get_item (changes, i);
        tracked->notify_id
            = g_signal_connect (tracked->change, "notify", G_CALLBACK (change_notify_cb), self);
        if (ovh_change_get_kind (tracked->change) == OVH_CHANGE_KIND_CREATE)
          {
            tracked->after = ovh_change_get_after (tracked->change);
            if (tracked->after != NULL)
              {
                g_object_ref (tracked->after);
                g_ptr_array_add (self->created, g_object_ref (tracked->after));
                g_hash_table_insert (self->create_map, tracked->after, tracked->change);
              }
          }
        else
          tracked->record_id = ovh_change_get_record_id (tracked->change);
        g_ptr_array_add (self->tracked, tracked);
      }
  }
}

static void
domaine_record_rows_dispose (GObject *object)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (object);

  g_ptr_array_set_size (self->tracked, 0);
  g_hash_table_remove_all (self->create_map);
  g_ptr_array_set_size (self->created, 0);

  G_OBJECT_CLASS (domaine_record_rows_parent_class)->dispose (object);
}

static void
domaine_record_rows_finalize (GObject *object)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (object);

  g_clear_pointer (&self->tracked, g_ptr_array_unref);
  g_clear_pointer (&self->created, g_ptr_array_unref);
  g_clear_pointer (&self->create_map, g_hash_table_unref);
  g_clear_pointer (&self->batch_touched, g_array_unref);
  g_clear_object (&self->records);
  g_clear_object (&self->changeset);

  G_OBJECT_CLASS (domaine_record_rows_parent_class)->finalize (object);
}

static void
domaine_record_rows_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_record_rows_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineRecordRows *self = DOMAINE_RECORD_ROWS (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_record_rows_class_init (DomaineRecordRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = domaine_record_rows_constructed;
  object_class->dispose = domaine_record_rows_dispose;
  object_class->finalize = domaine_record_rows_finalize;
  object_class->get_property = domaine_record_rows_get_property;
  object_class->set_property = domaine_record_rows_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_record_rows_init (DomaineRecordRows *self)
{
  self->tracked = g_ptr_array_new_with_free_func (tracked_change_free);
  self->created = g_ptr_array_new_with_free_func (g_object_unref);
  self->create_map = g_hash_table_new (NULL, NULL);
  self->batch_touched = g_array_new (FALSE, FALSE, sizeof (guint64));
}

DomaineRecordRows *
domaine_record_rows_new (OvhChangeset *changeset)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);

  return g_object_new (DOMAINE_TYPE_RECORD_ROWS, "changeset", changeset, NULL);
}

OvhChangeset *
domaine_record_rows_get_changeset (DomaineRecordRows *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_ROWS (self), NULL);
  return self->changeset;
}

OvhChange *
domaine_record_rows_get_change (DomaineRecordRows *self, OvhRecord *row)
{
  guint64 id;

  g_return_val_if_fail (DOMAINE_IS_RECORD_ROWS (self), NULL);
  g_return_val_if_fail (OVH_IS_RECORD (row), NULL);

  id = ovh_record_get_id (row);
  if (id != 0)
    {
      OvhChange *change = ovh_changeset_lookup (self->changeset, id);

      /* A create that was just applied has its id but is still this row. */
      if (change != NULL || g_hash_table_size (self->create_map) == 0)
        return change;
    }
  return g_hash_table_lookup (self->create_map, row);
}

DomaineRecordState
domaine_record_rows_get_state (DomaineRecordRows *self, OvhRecord *row)
{
  OvhChange *change = domaine_record_rows_get_change (self, row);

  if (change == NULL)
    return DOMAINE_RECORD_STATE_PUBLISHED;
  switch (ovh_change_get_kind (change))
    {
    case OVH_CHANGE_KIND_CREATE:
      return DOMAINE_RECORD_STATE_ADDED;
    case OVH_CHANGE_KIND_UPDATE:
      return DOMAINE_RECORD_STATE_CHANGED;
    case OVH_CHANGE_KIND_DELETE:
    default:
      return DOMAINE_RECORD_STATE_DELETED;
    }
}

OvhRecord *
domaine_record_rows_get_shown (DomaineRecordRows *self, OvhRecord *row)
{
  OvhChange *change;

  g_return_val_if_fail (DOMAINE_IS_RECORD_ROWS (self), NULL);

  /* Only the zone's own rows can differ from what they show, and only with changes staged
   * (a search asks for every row). */
  if (ovh_record_get_id (row) == 0
      || g_list_model_get_n_items (ovh_changeset_get_changes (self->changeset)) == 0)
    return row;
  change = ovh_changeset_lookup (self->changeset, ovh_record_get_id (row));
  if (change != NULL && ovh_change_get_kind (change) == OVH_CHANGE_KIND_UPDATE
      && ovh_change_get_after (change) != NULL)
    return ovh_change_get_after (change);
  return row;
}

gboolean
domaine_record_rows_find_change (DomaineRecordRows *self, OvhChange *change, guint *position)
{
  guint n_records;

  g_return_val_if_fail (DOMAINE_IS_RECORD_ROWS (self), FALSE);
  g_return_val_if_fail (OVH_IS_CHANGE (change), FALSE);

  if (ovh_change_get_kind (change) != OVH_CHANGE_KIND_CREATE)
    return ovh_zone_find_position_by_id (ovh_changeset_get_zone (self->changeset),
                                         ovh_change_get_record_id (change), position);

  n_records = g_list_model_get_n_items (self->records);
  for (guint i = 0; i < self->created->len; i++)
    if (g_hash_table_lookup (self->create_map, g_ptr_array_index (self->created, i)) == change)
      {
        if (position != NULL)
          *position = n_records + i;
        return TRUE;
      }
  return FALSE;
}
