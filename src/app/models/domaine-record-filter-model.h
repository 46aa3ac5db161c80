/* domaine-record-filter-model.h: the rows the zone editor's search and type filter let through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "domaine-record-rows.h"
#include "ovh-record-notes.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_RECORD_FILTER_MODEL (domaine_record_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRecordFilterModel, domaine_record_filter_model, DOMAINE, RECORD_FILTER_MODEL, GObject)

/* A GListModel of OvhRecord: the items of "model" (rows of a DomaineRecordRows, in any order)
 * whose name, value or note (from "notes", may be NULL) contains "search" (case-insensitive)
 * and whose type is "field-type". Notes that change are read again once the burst is over (an
 * idle), in one pass.
 * Rows are matched on what they show (their staged update, see DomaineRecordRows).
 * Filtering is synchronous; getting an item is O(1). */
DomaineRecordFilterModel *domaine_record_filter_model_new (void);

GListModel *domaine_record_filter_model_get_model (DomaineRecordFilterModel *self);
void domaine_record_filter_model_set_model (DomaineRecordFilterModel *self, GListModel *model);
DomaineRecordRows *domaine_record_filter_model_get_rows (DomaineRecordFilterModel *self);
void domaine_record_filter_model_set_rows (DomaineRecordFilterModel *self, DomaineRecordRows *rows);
OvhRecordNotes *domaine_record_filter_model_get_notes (DomaineRecordFilterModel *self);
void domaine_record_filter_model_set_notes (DomaineRecordFilterModel *self, OvhRecordNotes *notes);
const char *domaine_record_filter_model_get_search (DomaineRecordFilterModel *self);
void domaine_record_filter_model_set_search (DomaineRecordFilterModel *self, const char *search);
const char *domaine_record_filter_model_get_field_type (DomaineRecordFilterModel *self);
void domaine_record_filter_model_set_field_type (DomaineRecordFilterModel *self,
                                                 const char *field_type);

G_END_DECLS
