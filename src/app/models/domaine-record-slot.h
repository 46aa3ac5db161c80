/* domaine-record-slot.h: one position of a DomaineRecordSlots, pointing at the item there now
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_RECORD_SLOT (domaine_record_slot_get_type ())
G_DECLARE_FINAL_TYPE (DomaineRecordSlot, domaine_record_slot, DOMAINE, RECORD_SLOT, GObject)

/* The slot for @position of @model (which it keeps a reference to). */
DomaineRecordSlot *domaine_record_slot_new (GListModel *model, guint position);

guint domaine_record_slot_get_position (DomaineRecordSlot *self);
/* The item of the model at the slot's position (transfer none), or NULL past its end. */
gpointer domaine_record_slot_get_item (DomaineRecordSlot *self);
/* Another item is at the slot's position now: the next get_item() reads it again. */
void domaine_record_slot_forget_item (DomaineRecordSlot *self);

G_END_DECLS
