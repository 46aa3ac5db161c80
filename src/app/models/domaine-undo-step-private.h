/* domaine-undo-step-private.h: what DomaineUndoStack keeps in a step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "domaine-undo-step.h"

G_BEGIN_DECLS

/* @entries (taken) are the stack's own records of what the step changed. */
DomaineUndoStep *domaine_undo_step_new (const char *label, GPtrArray *entries);
GPtrArray *domaine_undo_step_get_entries (DomaineUndoStep *self);

G_END_DECLS
