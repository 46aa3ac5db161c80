/* domaine-record-columns.h: the cells of the zone editor's columns, their tooltips and sorters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "domaine-record-rows.h"
#include "ovh-lint.h"
#include "ovh-record-notes.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_RECORD_COLUMNS (domaine_record_columns_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRecordColumns, domaine_record_columns, DOMAINE, RECORD_COLUMNS, GObject)

/* Factories and sorters for the name, type, TTL and value columns of a view whose items are
 * DomaineRecordSlots over the rows set here. The sorters call back into @self: keep it alive
 * as long as the view. */
DomaineRecordColumns *domaine_record_columns_new (void);

/* What the cells show: a row's staged values and state. NULL while no zone is shown. */
void domaine_record_columns_set_rows (DomaineRecordColumns *self, DomaineRecordRows *rows);
/* The worst lint finding (error or warning) about @row, as its icon shows it, or NULL. The
 * zone is linted with its staged changes a moment after each change. */
OvhLintFinding *domaine_record_columns_get_finding (DomaineRecordColumns *self, OvhRecord *row);
void domaine_record_columns_attach (DomaineRecordColumns *self,
                                    GtkColumnViewColumn *name_column,
                                    GtkColumnViewColumn *type_column,
                                    GtkColumnViewColumn *ttl_column,
                                    GtkColumnViewColumn *value_column);

/* The note column: a row's note from @notes (NULL: none), its first line in the cell. */
void domaine_record_columns_attach_note (DomaineRecordColumns *self,
                                         GtkColumnViewColumn *note_column);
void domaine_record_columns_set_notes (DomaineRecordColumns *self, OvhRecordNotes *notes);
/* The note of a row of the rows set (by id, or by what a staged create shows), or NULL. */
const char *domaine_record_columns_get_note (DomaineRecordColumns *self, OvhRecord *row);

/* The list item of the cell at (@x, @y) of @column_view, if any (one gesture for all rows). */
GtkListItem *domaine_record_columns_pick_list_item (GtkColumnView *column_view, double x, double y);

G_END_DECLS
