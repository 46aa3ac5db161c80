/* domaine-record-slots.h: a selection model whose items stay put while the rows they show change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "domaine-record-slot.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_RECORD_SLOTS (domaine_record_slots_get_type ())
G_DECLARE_FINAL_TYPE (DomaineRecordSlots, domaine_record_slots, DOMAINE, RECORD_SLOTS, GObject)

/* A GtkSelectionModel of DomaineRecordSlot: item N is the same slot object for as long as
 * "model" has N items, and points at whatever item "model" has at N. Selection is "model"'s.
 * When the items at some positions change, this model announces them removed and added
 * again as the same slots, so a GTK 4.8 list view rebinds its row widgets there instead of
 * destroying and creating them. */
DomaineRecordSlots *domaine_record_slots_new (GtkSelectionModel *model);

GtkSelectionModel *domaine_record_slots_get_model (DomaineRecordSlots *self);
void domaine_record_slots_set_model (DomaineRecordSlots *self, GtkSelectionModel *model);
/* Property "keep-rows-when-empty" (default FALSE): when the model empties, the slots stay (their
 * items are NULL) and no change is announced, until items come back. Only for a view that is
 * hidden while its list is empty. */
gboolean domaine_record_slots_get_keep_rows_when_empty (DomaineRecordSlots *self);
void domaine_record_slots_set_keep_rows_when_empty (DomaineRecordSlots *self, gboolean keep);

G_END_DECLS
