/* ovh-zone-transfer.h: a zone as one BIND zone file, out of OVH and into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export is one request. Import replaces every record of the zone with those of the file
 * and publishes the zone, in a task that OVH runs on its own: the caller polls the task
 * (how often and for how long is the caller's choice). Check a file with
 * ovh_zone_file_parse() before importing it: OVH half-applies some files it refuses.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

/* GET /domain/zone/{zone}/export: the zone file's text (transfer full). */
void ovh_zone_export_async (OvhZone *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data);
char *ovh_zone_export_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* POST /domain/zone/{zone}/import {zoneFile}: the task's id and first status. */
void ovh_zone_import_async (OvhZone *self,
                            const char *zone_file,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data);
gboolean ovh_zone_import_finish (
    OvhZone *self, GAsyncResult *result, gint64 *task_id, char **status, GError **error);

/* GET /domain/zone/{zone}/task/{id}: the task's status ("todo", "doing", "done", "error"…). */
void ovh_zone_fetch_task_status_async (OvhZone *self,
                                       gint64 task_id,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
char *ovh_zone_fetch_task_status_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* TRUE while OVH has not finished the task: "init", "todo", "doing". */
gboolean ovh_zone_task_status_is_running (const char *status);

G_END_DECLS
