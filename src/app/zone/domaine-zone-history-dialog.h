/* domaine-zone-history-dialog.h: the versions OVH keeps of a zone, compared and restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-changeset.h"
#include "ovh-zone-diff.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_HISTORY_DIALOG (domaine_zone_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineZoneHistoryDialog, domaine_zone_history_dialog, DOMAINE, ZONE_HISTORY_DIALOG, AdwWindow)

/* Properties: "changeset" (construct-only; its zone is the one shown), "snapshot-account"
 * (construct-only: the account whose local snapshots taken before each publish are listed
 * beside OVH's versions, see ovh-zone-snapshot.h; NULL for none), "n-versions",
 * "diff" (what restoring the selected version would change in the zone as loaded), "busy"
 * (a version is being read or restored). Actions (prefix "history."): restore (asks first,
 * follows OVH's task, reloads the zone; its toast offers to restore the version before),
 * stage-selected (the selected differences become pending changes of the changeset),
 * stage-undo (with a snapshot selected: every difference back to it becomes pending). */
GtkWidget *domaine_zone_history_dialog_new (OvhChangeset *changeset, const char *snapshot_account);

guint domaine_zone_history_dialog_get_n_versions (DomaineZoneHistoryDialog *self);
OvhZoneDiff *domaine_zone_history_dialog_get_diff (DomaineZoneHistoryDialog *self);
gboolean domaine_zone_history_dialog_get_busy (DomaineZoneHistoryDialog *self);
/* The version dates, newest first (NULL until listed). */
const char *const *domaine_zone_history_dialog_get_versions (DomaineZoneHistoryDialog *self);
/* Shows version @index (0 = the newest) against the zone. */
void domaine_zone_history_dialog_select (DomaineZoneHistoryDialog *self, guint index);
/* The summary shown under a version ("20 records · +1 −0 ~0"), NULL until computed. */
const char *domaine_zone_history_dialog_get_summary (DomaineZoneHistoryDialog *self, guint index);
/* The local snapshots listed, newest first; selecting one shows the zone against it. */
guint domaine_zone_history_dialog_get_n_snapshots (DomaineZoneHistoryDialog *self);
void domaine_zone_history_dialog_select_snapshot (DomaineZoneHistoryDialog *self, guint index);
/* The list of differences, for tests and screenshots. */
GtkWidget *domaine_zone_history_dialog_get_diff_view (DomaineZoneHistoryDialog *self);

G_END_DECLS
