/* ovh-zone-status.h: a zone's details and publication state, without its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `domaine-cli zone show` prints, in four requests whatever the zone's size: the info
 * and SOA (applied to the zone's properties as a load would), whether OVH's DNS servers
 * serve the latest changes, and how many records OVH lists.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

void ovh_zone_load_status_async (OvhZone *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
/* deployed: FALSE while changes wait for a refresh; n_records: the ids OVH lists (any type). */
gboolean ovh_zone_load_status_finish (
    OvhZone *self, GAsyncResult *result, gboolean *deployed, guint *n_records, GError **error);

G_END_DECLS
