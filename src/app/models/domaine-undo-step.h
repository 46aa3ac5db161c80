/* domaine-undo-step.h: one step of a DomaineUndoStack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_UNDO_STEP (domaine_undo_step_get_type ())
G_DECLARE_FINAL_TYPE (DomaineUndoStep, domaine_undo_step, DOMAINE, UNDO_STEP, GObject)

/* "label" (read-only): what the step did, translated: "Delete www A record". */
const char *domaine_undo_step_get_label (DomaineUndoStep *self);

G_END_DECLS
