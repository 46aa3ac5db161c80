/* ovh-record-bulk.h: one change made to many records at once, planned before it is staged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plan takes the records as they will be once published (a zone editor's selection) and
 * works out, for each, what the operation makes of it: new values, a delete, nothing (the
 * operation does not touch it), or a skip with the reason (the new values would not be valid
 * for the record's type). Planning reads nothing but the records and stages nothing; staging
 * makes the updates and deletes in a changeset as one batch. Both are linear in the number
 * of records: 10,000 records plan and stage in a few milliseconds.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-changeset.h"
#include "ovh-value-replace.h"

G_BEGIN_DECLS

#define OVH_TYPE_RECORD_BULK_ITEM (ovh_record_bulk_item_get_type ())
G_DECLARE_FINAL_TYPE (OvhRecordBulkItem, ovh_record_bulk_item, OVH, RECORD_BULK_ITEM, GObject)

/* Properties (read-only): "record" (the record as given), "after" (its new values; NULL for a
 * delete and for a skipped record), "reason" (why it is skipped, translated; else NULL),
 * "old-text" and "new-text" (what a preview shows of the change: the values, the TTLs or the
 * names; new-text is NULL for a delete and a skip). */
OvhRecord *ovh_record_bulk_item_get_record (OvhRecordBulkItem *self);
OvhRecord *ovh_record_bulk_item_get_after (OvhRecordBulkItem *self);
const char *ovh_record_bulk_item_get_reason (OvhRecordBulkItem *self);
gboolean ovh_record_bulk_item_get_skipped (OvhRecordBulkItem *self);
const char *ovh_record_bulk_item_get_old_text (OvhRecordBulkItem *self);
const char *ovh_record_bulk_item_get_new_text (OvhRecordBulkItem *self);

typedef enum
{
  OVH_RECORD_BULK_SET_TTL,
  OVH_RECORD_BULK_REPLACE,
  OVH_RECORD_BULK_MOVE,
  OVH_RECORD_BULK_DELETE,
} OvhRecordBulkOperation;

#define OVH_TYPE_RECORD_BULK_PLAN (ovh_record_bulk_plan_get_type ())
G_DECLARE_FINAL_TYPE (OvhRecordBulkPlan, ovh_record_bulk_plan, OVH, RECORD_BULK_PLAN, GObject)

/* records: OvhRecord, each with the id of the record it stands for (0 for a staged create).
 * ttl: OVH_RECORD_TTL_ZONE_DEFAULT (0) sets the records back to the zone's default. */
OvhRecordBulkPlan *ovh_record_bulk_plan_new_set_ttl (GPtrArray *records, guint ttl);
/* Only the records whose value the replacer changes are in the plan. */
OvhRecordBulkPlan *ovh_record_bulk_plan_new_replace (GPtrArray *records,
                                                     const OvhValueReplacer *replacer);
/* sub_domain: the new name, "@" or "" for the apex, or a full name ending in zone. */
OvhRecordBulkPlan *
ovh_record_bulk_plan_new_move (GPtrArray *records, const char *sub_domain, const char *zone);
OvhRecordBulkPlan *ovh_record_bulk_plan_new_delete (GPtrArray *records);

OvhRecordBulkOperation ovh_record_bulk_plan_get_operation (OvhRecordBulkPlan *self);
/* A GListModel of OvhRecordBulkItem: the records the operation changes or skips, in the
 * order given (the ones it leaves as they are are not listed). */
GListModel *ovh_record_bulk_plan_get_items (OvhRecordBulkPlan *self);
guint ovh_record_bulk_plan_get_n_changed (OvhRecordBulkPlan *self);
guint ovh_record_bulk_plan_get_n_skipped (OvhRecordBulkPlan *self);
/* Records given that the operation leaves as they are. */
guint ovh_record_bulk_plan_get_n_unchanged (OvhRecordBulkPlan *self);

/* Stages the plan's updates and deletes of existing records (a staged create, id 0, is left
 * to the caller: restage its change) in one batch. Returns how many changes were staged; a
 * record the changeset refuses stops nothing: its error is added to *problems (strings,
 * nullable). */
guint
ovh_record_bulk_plan_stage (OvhRecordBulkPlan *self, OvhChangeset *changeset, GPtrArray **problems);

G_END_DECLS
