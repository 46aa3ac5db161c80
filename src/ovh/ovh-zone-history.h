/* ovh-zone-history.h: the versions OVH keeps of a zone, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH keeps a version of the zone file at every publication (up to 200, for 31 days). A
 * version is named by its creation date, as the API writes it; its zone file is a plain
 * download from a pre-signed URL (no signature headers). Restoring is a task, like an import,
 * that OVH runs on its own and that ovh_zone_follow_task_async() waits for.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

/* GET /domain/zone/{zone}/history: the creation dates as OVH writes them, newest first. */
void ovh_zone_list_history_async (OvhZone *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
GStrv ovh_zone_list_history_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* GET …/history/{date} for its zoneFileUrl, then that file, unsigned: the zone file's text. */
void ovh_zone_fetch_history_file_async (OvhZone *self,
                                        const char *date,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
char *ovh_zone_fetch_history_file_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* POST …/history/{date}/restore: the task's id and first status. */
void ovh_zone_restore_history_async (OvhZone *self,
                                     const char *date,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean ovh_zone_restore_history_finish (
    OvhZone *self, GAsyncResult *result, gint64 *task_id, char **status, GError **error);

/* Polls GET …/task/{id} every interval_ms until OVH is done with it. Fails with
 * OVH_ERROR_FAILED naming the status when the task ends otherwise than "done". */
void ovh_zone_follow_task_async (OvhZone *self,
                                 gint64 task_id,
                                 guint interval_ms,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean ovh_zone_follow_task_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* A version's date as a GDateTime (NULL when it does not parse as ISO 8601). */
GDateTime *ovh_zone_history_parse_date (const char *date);

G_END_DECLS
