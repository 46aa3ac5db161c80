/* domaine-bulk-edit-dialog.h: one change for every selected record, previewed live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-record-bulk.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_BULK_EDIT_DIALOG (domaine_bulk_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineBulkEditDialog, domaine_bulk_edit_dialog, DOMAINE, BULK_EDIT_DIALOG, AdwWindow)

/* records: OvhRecord as they will be once published (taken as they are, not copied).
 * The dialog only plans: "Stage Changes" emits "stage" (OvhRecordBulkPlan *plan) and closes;
 * the owner stages the plan.
 *
 * Properties (read-only, EXPLICIT_NOTIFY): "plan" (NULL while the input is not usable),
 * "problem" (why not, translated, or ""). */
DomaineBulkEditDialog *domaine_bulk_edit_dialog_new (const char *zone, GPtrArray *records);

OvhRecordBulkPlan *domaine_bulk_edit_dialog_get_plan (DomaineBulkEditDialog *self);
const char *domaine_bulk_edit_dialog_get_problem (DomaineBulkEditDialog *self);

G_END_DECLS
