/* domaine-record-editor.h: the dialog that adds or edits one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-changeset.h"
#include "ovh-lint.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_RECORD_EDITOR_CREATE, /* type chooser first; @initial (optional) pre-fills it */
  DOMAINE_RECORD_EDITOR_EDIT,   /* type read-only, "Change Type…" to delete and recreate */
} DomaineRecordEditorMode;

#define DOMAINE_TYPE_RECORD_EDITOR (domaine_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (DomaineRecordEditor, domaine_record_editor, DOMAINE, RECORD_EDITOR, AdwWindow)

/* Signal "save" (OvhRecord *record) → gboolean: emitted by Save with a valid record; return
 * TRUE when it was taken (the dialog closes), FALSE after domaine_record_editor_show_error(). */
DomaineRecordEditor *
domaine_record_editor_new (OvhZone *zone, OvhRecord *initial, DomaineRecordEditorMode mode);

/* The staged changes the typed record is linted beside (NULL: the zone as loaded). */
void domaine_record_editor_set_changeset (DomaineRecordEditor *self, OvhChangeset *changeset);
/* The lint findings (OvhLintFinding) about the typed record, shown under the fields. */
GPtrArray *domaine_record_editor_get_findings (DomaineRecordEditor *self);

DomaineRecordEditorMode domaine_record_editor_get_mode (DomaineRecordEditor *self);
/* The record as typed (zone, sub-domain, type, target, ttl; the id of the edited record). */
OvhRecord *domaine_record_editor_dup_record (DomaineRecordEditor *self);
/* The validation error of what is typed (code = the field at fault), or NULL when valid. */
const GError *domaine_record_editor_get_error (DomaineRecordEditor *self);
gboolean domaine_record_editor_get_valid (DomaineRecordEditor *self);
/* EDIT mode: the user chose another type (saving means delete + create). */
gboolean domaine_record_editor_get_type_changed (DomaineRecordEditor *self);

/* What a person would do, for tests and callers: choose a type (CREATE, or EDIT after
 * "Change Type…"), type into a field. Field ids: "sub-domain", "ttl" ("" = default), or
 * the id of a target field from ovh-record-type.h ("address", "priority"…). */
gboolean domaine_record_editor_set_field_type (DomaineRecordEditor *self, const char *field_type);
gboolean domaine_record_editor_set_value (DomaineRecordEditor *self,
                                          const char *field_id,
                                          const char *value);
/* The label showing the error under a field, NULL when that field shows none. */
const char *domaine_record_editor_get_field_error (DomaineRecordEditor *self, const char *field_id);
/* The zone line preview as shown. */
const char *domaine_record_editor_get_preview (DomaineRecordEditor *self);
/* The note typed in the Note row (kept on this computer by the caller, never sent to OVH);
 * "" when none. */
const char *domaine_record_editor_get_note (DomaineRecordEditor *self);
void domaine_record_editor_set_note (DomaineRecordEditor *self, const char *note);
/* Presses Save (does nothing while invalid). */
void domaine_record_editor_save (DomaineRecordEditor *self);
/* An error from the caller (e.g. staging refused), shown under the field its code names. */
void domaine_record_editor_show_error (DomaineRecordEditor *self, const GError *error);

G_END_DECLS
