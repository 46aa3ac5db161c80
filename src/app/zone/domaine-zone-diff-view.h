/* domaine-zone-diff-view.h: the differences between two states of a zone, record by record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-zone-diff.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_DIFF_VIEW (domaine_zone_diff_view_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineZoneDiffView, domaine_zone_diff_view, DOMAINE, ZONE_DIFF_VIEW, GtkWidget)

/* Properties: "diff" (OvhZoneDiff, may be NULL: nothing shown). Added, removed and changed
 * records, before → after for changed ones, TTL-only changes marked as such; rows can be
 * selected (several). */
GtkWidget *domaine_zone_diff_view_new (void);

OvhZoneDiff *domaine_zone_diff_view_get_diff (DomaineZoneDiffView *self);
void domaine_zone_diff_view_set_diff (DomaineZoneDiffView *self, OvhZoneDiff *diff);

GtkSelectionModel *domaine_zone_diff_view_get_selection (DomaineZoneDiffView *self);
/* The selected OvhZoneDiffItem (refs), in order. */
GPtrArray *domaine_zone_diff_view_dup_selected (DomaineZoneDiffView *self);

/* "+3 −1 ~2" for counts (never empty: "=" when there is nothing). */
char *domaine_zone_diff_view_format_counts (OvhZoneDiff *diff);

G_END_DECLS
