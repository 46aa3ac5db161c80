/* ovh-record-list.c: a zone's records as a list model over one array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not GListStore: it keeps a GSequence, a tree node (and its allocation) a record, and
 * finds a position by walking the tree; a 100,000-record zone is read by position all the
 * time (sorting, filtering, the view). Edits of a zone are single rows, so moving the tail of
 * the array for them costs nothing that matters.
 */
#include "config.h"

#include <string.h>

#include "ovh-record-list.h"

struct _OvhRecordList
{
  GObject parent_instance;

  GPtrArray *records; /* of OvhRecord (refs) */
};

static void ovh_record_list_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OvhRecordList,
                               ovh_record_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ovh_record_list_list_model_init))

static GType
ovh_record_list_get_item_type (GListModel *model)
{
  return OVH_TYPE_RECORD;
}

static guint
ovh_record_list_get_n_items (GListModel *model)
{
  return OVH_RECORD_LIST (model)->records->len;
}

static gpointer
ovh_record_list_get_item (GListModel *model, guint position)
{
  OvhRecordList *self = OVH_RECORD_LIST (model);

  if (position >= self->records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
ovh_record_list_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ovh_record_list_get_item_type;
  iface->get_n_items = ovh_record_list_get_n_items;
  iface->get_item = ovh_record_list_get_item;
}

static void
ovh_record_list_finalize (GObject *object)
{
  OvhRecordList *self = OVH_RECORD_LIST (object);

  g_ptr_array_unref (self->records);

  G_OBJECT_CLASS (ovh_record_list_parent_class)->finalize (object);
}

static void
ovh_record_list_class_init (OvhRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_record_list_finalize;
}

static void
ovh_record_list_init (OvhRecordList *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
}

OvhRecordList *
ovh_record_list_new (void)
{
  return g_object_new (OVH_TYPE_RECORD_LIST, NULL);
}

OvhRecord *
ovh_record_list_get (OvhRecordList *self, guint position)
{
  g_return_val_if_fail (OVH_IS_RECORD_LIST (self), NULL);

  return position < self->records->len ? g_ptr_array_index (self->records, position) : NULL;
}

void
ovh_record_list_splice (OvhRecordList *self,
                        guint position,
                        guint n_removals,
                        OvhRecord *const *additions,
                        guint n_additions)
{
  guint old_len;
  g_autoptr (GPtrArray) removed = NULL;

  g_return_if_fail (OVH_IS_RECORD_LIST (self));
  g_return_if_fail (position + n_removals >= position);
  g_return_if_fail (position + n_removals <= self->records->len);
  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (OVH_IS_RECORD (additions[i]));

  /* The removed records go after the signal: a handler may still look at them. */
  removed = g_ptr_array_new_full (n_removals, g_object_unref);
  for (guint i = 0; i < n_removals; i++)
    g_ptr_array_add (removed, g_object_ref (g_ptr_array_index (self->records, position + i)));
  g_ptr_array_remove_range (self->records, position, n_removals);

  old_len = self->records->len;
  g_ptr_array_set_size (self->records, old_len + n_additions);
  /* An empty array may have no storage at all. */
  if (n_additions > 0 && old_len > position)
    memmove (self->records->pdata + position + n_additions, self->records->pdata + position,
             (old_len - position) * sizeof (gpointer));
  for (guint i = 0; i < n_additions; i++)
    self->records->pdata[position + i] = g_object_ref (additions[i]);

  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}
