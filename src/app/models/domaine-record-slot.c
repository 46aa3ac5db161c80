/* domaine-record-slot.c: one position of a DomaineRecordSlots, pointing at the item there now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-record-slot.h"

struct _DomaineRecordSlot
{
  GObject parent_instance;

  GListModel *model;
  guint position;
  GObject *item; /* read when first asked for, until forgotten */
};

G_DEFINE_FINAL_TYPE (DomaineRecordSlot, domaine_record_slot, G_TYPE_OBJECT)

static void
domaine_record_slot_finalize (GObject *object)
{
  DomaineRecordSlot *self = DOMAINE_RECORD_SLOT (object);

  g_clear_object (&self->item);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (domaine_record_slot_parent_class)->finalize (object);
}

static void
domaine_record_slot_class_init (DomaineRecordSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = domaine_record_slot_finalize;
}

static void
domaine_record_slot_init (DomaineRecordSlot *self)
{
}

DomaineRecordSlot *
domaine_record_slot_new (GListModel *model, guint position)
{
  DomaineRecordSlot *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (DOMAINE_TYPE_RECORD_SLOT, NULL);
  self->model = g_object_ref (model);
  self->position = position;
  return self;
}

guint
domaine_record_slot_get_position (DomaineRecordSlot *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_SLOT (self), G_MAXUINT);
  return self->position;
}

gpointer
domaine_record_slot_get_item (DomaineRecordSlot *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_SLOT (self), NULL);

  if (self->item == NULL)
    self->item = g_list_model_get_item (self->model, self->position);
  return self->item;
}

void
domaine_record_slot_forget_item (DomaineRecordSlot *self)
{
  g_return_if_fail (DOMAINE_IS_RECORD_SLOT (self));
  g_clear_object (&self->item);
}
