/* ovh-zone-snapshot.h: local copies of a zone's records, taken before each publish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * So that a publish can be undone: the records as OVH had them just before, kept in
 * <base>/<account>/<zone>/<microseconds>.json (files 0600, folders 0700), at most
 * OVH_ZONE_SNAPSHOT_MAX_COUNT per zone and none older than OVH_ZONE_SNAPSHOT_MAX_AGE_DAYS.
 * Undoing is then the diff from the current zone to a snapshot, staged for review. Records
 * only: no secret is in a zone.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OVH_ZONE_SNAPSHOT_MAX_COUNT 20
#define OVH_ZONE_SNAPSHOT_MAX_AGE_DAYS 31

/* base_dir NULL = g_get_user_data_dir()/domaine/snapshots. account: any string naming the
 * account (its id); zone: the zone name. */
char *ovh_zone_snapshot_dup_dir (const char *base_dir, const char *account, const char *zone);

/* Writes records (a GListModel of OvhRecord) as a new snapshot, then prunes old ones.
 * *time_out: the snapshot's time (g_get_real_time () microseconds), may be NULL. */
gboolean ovh_zone_snapshot_save (const char *base_dir,
                                 const char *account,
                                 const char *zone,
                                 GListModel *records,
                                 gint64 *time_out,
                                 GError **error);

/* The snapshots' times, newest first (a GArray of gint64; empty when there is none). */
GArray *ovh_zone_snapshot_list (const char *base_dir, const char *account, const char *zone);

/* The records of one snapshot (OvhRecord, with the ids they had). */
GPtrArray *ovh_zone_snapshot_load (
    const char *base_dir, const char *account, const char *zone, gint64 time, GError **error);

/* Removes the snapshots past the count and age bounds; now is g_get_real_time (). */
void
ovh_zone_snapshot_prune (const char *base_dir, const char *account, const char *zone, gint64 now);

G_END_DECLS
