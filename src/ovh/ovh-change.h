/* ovh-change.h: one staged edit of a zone: create, update or delete of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes are made and owned by an OvhChangeset; the UI reads them (review dialog, row
 * styling) and never builds one itself.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-record.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_CHANGE_KIND_CREATE,
  OVH_CHANGE_KIND_UPDATE,
  OVH_CHANGE_KIND_DELETE,
} OvhChangeKind;

#define OVH_TYPE_CHANGE_KIND (ovh_change_kind_get_type ())
GType ovh_change_kind_get_type (void);

typedef enum
{
  OVH_CHANGE_STATE_PENDING,  /* staged, not sent */
  OVH_CHANGE_STATE_APPLYING, /* request in flight */
  OVH_CHANGE_STATE_FAILED,   /* sent and refused: still pending, see the error */
  OVH_CHANGE_STATE_APPLIED,  /* done at OVH; it leaves the changeset right after */
} OvhChangeState;

#define OVH_TYPE_CHANGE_STATE (ovh_change_state_get_type ())
GType ovh_change_state_get_type (void);

/* How the last attempt to make a change ended, as far as OVH's zone tells. A request whose
 * answer was lost (no answer in time, connection closed, an answer that cannot be read) may
 * have been carried out all the same: the zone is then read back to find out. */
typedef enum
{
  OVH_CHANGE_OUTCOME_NONE,    /* not sent yet */
  OVH_CHANGE_OUTCOME_APPLIED, /* made at OVH (state APPLIED) */
  OVH_CHANGE_OUTCOME_FAILED,  /* not made: refused, or the zone shows it was not (state FAILED) */
  OVH_CHANGE_OUTCOME_UNKNOWN, /* the answer was lost and the zone could not be read back (state
                                 FAILED): the next apply reads it before sending again */
} OvhChangeOutcome;

#define OVH_TYPE_CHANGE_OUTCOME (ovh_change_outcome_get_type ())
GType ovh_change_outcome_get_type (void);

#define OVH_TYPE_CHANGE (ovh_change_get_type ())
G_DECLARE_FINAL_TYPE (OvhChange, ovh_change, OVH, CHANGE, GObject)

/* Properties (read-only, EXPLICIT_NOTIFY): "kind", "record-id" (0 for a create until
 * applied), "before" (OvhRecord, NULL for a create), "after" (OvhRecord, NULL for a
 * delete), "state", "error" (GError boxed: why it failed, or for a change whose answer was
 * lost, that answer's error; else NULL), "replaces-id" (for the create half of a type
 * change: the id of the record its delete half removes, else 0), "outcome", "answer-lost". */
OvhChangeKind ovh_change_get_kind (OvhChange *self);
guint64 ovh_change_get_record_id (OvhChange *self);
/* The record as OVH has it now (update, delete); NULL for a create. Do not modify. */
OvhRecord *ovh_change_get_before (OvhChange *self);
/* The record as it will be (create, update); NULL for a delete. Do not modify. */
OvhRecord *ovh_change_get_after (OvhChange *self);
/* after, or before for a delete: what a row shows. */
OvhRecord *ovh_change_get_record (OvhChange *self);
OvhChangeState ovh_change_get_state (OvhChange *self);
const GError *ovh_change_get_error (OvhChange *self);
guint64 ovh_change_get_replaces_id (OvhChange *self);
OvhChangeOutcome ovh_change_get_outcome (OvhChange *self);
/* TRUE when the last attempt's answer was lost, so that its outcome was found (or looked
 * for in vain) by reading the zone back. */
gboolean ovh_change_get_answer_lost (OvhChange *self);

/* One translated line for a review list: "Add www A 192.0.2.1", "Delete @ MX 10 mx…". */
char *ovh_change_dup_summary (OvhChange *self);

G_END_DECLS
