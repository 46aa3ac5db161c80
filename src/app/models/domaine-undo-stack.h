/* domaine-undo-stack.h: staged changes of a zone, each one undoable and redoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "domaine-undo-step.h"
#include "ovh-changeset.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_UNDO_STACK (domaine_undo_stack_get_type ())
G_DECLARE_FINAL_TYPE (DomaineUndoStack, domaine_undo_stack, DOMAINE, UNDO_STACK, GObject)

/* A GListModel of DomaineUndoStep: the steps that can be undone, oldest first. Stage
 * through the stack rather than the changeset to make a change undoable; changes staged
 * elsewhere (restored from disk, discarded in the review) are simply not in the history.
 * Undoing a step puts back, for each record it touched, the staged change that record had
 * before (none, an update, a delete, a type change, a create), and redo the one after.
 * Once an apply starts the history is cleared: published changes cannot be taken back.
 *
 * Properties (read-only, EXPLICIT_NOTIFY): "changeset" (construct-only), "can-undo",
 * "can-redo", "undo-label", "redo-label" (NULL when there is nothing to undo / redo). */
DomaineUndoStack *domaine_undo_stack_new (OvhChangeset *changeset);

OvhChangeset *domaine_undo_stack_get_changeset (DomaineUndoStack *self);
gboolean domaine_undo_stack_get_can_undo (DomaineUndoStack *self);
gboolean domaine_undo_stack_get_can_redo (DomaineUndoStack *self);
const char *domaine_undo_stack_get_undo_label (DomaineUndoStack *self);
const char *domaine_undo_stack_get_redo_label (DomaineUndoStack *self);

/* The OvhChangeset calls, each recorded as one step (redo history is dropped). */
OvhChange *
domaine_undo_stack_stage_create (DomaineUndoStack *self, OvhRecord *record, GError **error);
OvhChange *domaine_undo_stack_stage_update (DomaineUndoStack *self,
                                            guint64 record_id,
                                            OvhRecord *new_values,
                                            GError **error);
OvhChange *
domaine_undo_stack_stage_delete (DomaineUndoStack *self, guint64 record_id, GError **error);
OvhChange *domaine_undo_stack_stage_change_type (DomaineUndoStack *self,
                                                 guint64 record_id,
                                                 OvhRecord *new_record,
                                                 GError **error);
gboolean domaine_undo_stack_restage (DomaineUndoStack *self,
                                     OvhChange *change,
                                     OvhRecord *new_values,
                                     GError **error);
gboolean domaine_undo_stack_discard (DomaineUndoStack *self, OvhChange *change);

/* Calls between these make one step ("Delete 3 records"); groups do not nest. */
void domaine_undo_stack_begin_group (DomaineUndoStack *self);
void domaine_undo_stack_end_group (DomaineUndoStack *self);

/* FALSE when there is nothing to undo / redo, or the changeset is busy. */
gboolean domaine_undo_stack_undo (DomaineUndoStack *self);
gboolean domaine_undo_stack_redo (DomaineUndoStack *self);
void domaine_undo_stack_clear (DomaineUndoStack *self);

G_END_DECLS
