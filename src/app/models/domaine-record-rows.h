/* domaine-record-rows.h: a zone's records with its staged creates, as the zone editor lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ovh-changeset.h"

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_RECORD_STATE_PUBLISHED, /* as OVH has it */
  DOMAINE_RECORD_STATE_ADDED,     /* a staged create */
  DOMAINE_RECORD_STATE_CHANGED,   /* a staged update */
  DOMAINE_RECORD_STATE_DELETED,   /* a staged delete */
} DomaineRecordState;

#define DOMAINE_TYPE_RECORD_ROWS (domaine_record_rows_get_type ())
G_DECLARE_FINAL_TYPE (DomaineRecordRows, domaine_record_rows, DOMAINE, RECORD_ROWS, GObject)

/* A GListModel of OvhRecord: the zone's records, in the zone's order, then the records
 * staged for creation. A row whose staged change appears, changes or goes away is announced
 * as a one-row items-changed, so that views rebind it and filters re-check it. */
DomaineRecordRows *domaine_record_rows_new (OvhChangeset *changeset);

OvhChangeset *domaine_record_rows_get_changeset (DomaineRecordRows *self);
/* The change behind a row (transfer none), or NULL for a published record. O(1) for the
 * zone's records. */
OvhChange *domaine_record_rows_get_change (DomaineRecordRows *self, OvhRecord *row);
DomaineRecordState domaine_record_rows_get_state (DomaineRecordRows *self, OvhRecord *row);
/* What the row shows: the values it will have once published (transfer none). */
OvhRecord *domaine_record_rows_get_shown (DomaineRecordRows *self, OvhRecord *row);
/* The row of a change in this model. */
gboolean
domaine_record_rows_find_change (DomaineRecordRows *self, OvhChange *change, guint *position);

G_END_DECLS
