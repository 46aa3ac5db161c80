/* ovh-record-list.h: a zone's records as a list model over one array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ovh-record.h"

G_BEGIN_DECLS

#define OVH_TYPE_RECORD_LIST (ovh_record_list_get_type ())
G_DECLARE_FINAL_TYPE (OvhRecordList, ovh_record_list, OVH, RECORD_LIST, GObject)

/* A GListModel of OvhRecord, like a GListStore of them, in one array of references: 8 bytes
 * a record rather than a tree node, and O(1) get_item at any position. */
OvhRecordList *ovh_record_list_new (void);

/* The record at @position (transfer none), or NULL past the end. */
OvhRecord *ovh_record_list_get (OvhRecordList *self, guint position);
/* Replaces @n_removals records at @position by @n_additions new ones (each gets a reference),
 * in one items-changed. */
void ovh_record_list_splice (OvhRecordList *self,
                             guint position,
                             guint n_removals,
                             OvhRecord *const *additions,
                             guint n_additions);

G_END_DECLS
