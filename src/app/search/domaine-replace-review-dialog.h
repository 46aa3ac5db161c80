/* domaine-replace-review-dialog.h: one review of a replacement in many zones, then publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_REPLACE_REVIEW_DIALOG (domaine_replace_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DomaineReplaceReviewDialog,
                      domaine_replace_review_dialog,
                      DOMAINE,
                      REPLACE_REVIEW_DIALOG,
                      AdwWindow)

/* plan: a GListModel of OvhZoneReplacement (ovh_account_replace_plan()). Every change is listed
 * under its zone; Publish applies and publishes each zone once, its progress shown on the zone;
 * a zone that fails keeps its changes and says why (Publish then retries those), the others are
 * published. Closing cancels what is not sent yet. Properties: "plan" (construct-only), "busy".
 * Signal "published" (no arguments): every zone went through. */
DomaineReplaceReviewDialog *domaine_replace_review_dialog_new (GListModel *plan);

GListModel *domaine_replace_review_dialog_get_plan (DomaineReplaceReviewDialog *self);
gboolean domaine_replace_review_dialog_get_busy (DomaineReplaceReviewDialog *self);
/* What the Publish button does. */
void domaine_replace_review_dialog_publish (DomaineReplaceReviewDialog *self);

G_END_DECLS
