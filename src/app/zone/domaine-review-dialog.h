/* domaine-review-dialog.h: the unpublished changes of a zone, as a diff to check before publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-changeset.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_REVIEW_DIALOG (domaine_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DomaineReviewDialog, domaine_review_dialog, DOMAINE, REVIEW_DIALOG, AdwWindow)

/* Signal "publish": the user pressed Publish; the unchecked changes were discarded first.
 * Failed changes show their error, "Copy Query ID" and a Discard button. */
DomaineReviewDialog *domaine_review_dialog_new (OvhChangeset *changeset);

OvhChangeset *domaine_review_dialog_get_changeset (DomaineReviewDialog *self);
/* Whether @change's check button is active (kept). */
gboolean domaine_review_dialog_get_kept (DomaineReviewDialog *self, OvhChange *change);
void domaine_review_dialog_set_kept (DomaineReviewDialog *self, OvhChange *change, gboolean kept);
/* Discards the unchecked changes, emits "publish" and closes. */
void domaine_review_dialog_publish (DomaineReviewDialog *self);

G_END_DECLS
