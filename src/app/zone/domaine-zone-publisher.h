/* domaine-zone-publisher.h: one publish of one changeset, from the first request to the refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ovh-changeset.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_PUBLISHER (domaine_zone_publisher_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineZonePublisher, domaine_zone_publisher, DOMAINE, ZONE_PUBLISHER, GObject)

/* Publishes @changeset: applies its changes (which ends with a refresh), or only refreshes
 * the zone when that is all that is owed. A publish under way keeps the publisher and its
 * changeset alive until it ends, whatever zone the editor shows meanwhile: its outcome
 * belongs to that changeset.
 *
 * Properties (read-only, EXPLICIT_NOTIFY): "changeset" (construct-only), "error" (GError
 * boxed: what to tell about the last publish that failed, NULL after a success), "notice"
 * (a translated sentence about the changes of the last publish whose answer was lost: found
 * made after all, or whether made unknown; NULL when there were none). */
DomaineZonePublisher *domaine_zone_publisher_new (OvhChangeset *changeset);

OvhChangeset *domaine_zone_publisher_get_changeset (DomaineZonePublisher *self);
/* The first change OVH refused, else the publish's own error; NULL when it went well or
 * was cancelled. */
const GError *domaine_zone_publisher_get_error (DomaineZonePublisher *self);
const char *domaine_zone_publisher_get_notice (DomaineZonePublisher *self);

/* Each publish has a GCancellable of its own, cancelled with @cancellable. Requests already
 * sent are seen through (see ovh_changeset_apply_async). OVH_CHANGESET_ERROR_BUSY while
 * the changeset is busy; TRUE at once when nothing is owed. */
void domaine_zone_publisher_publish_async (DomaineZonePublisher *self,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
gboolean domaine_zone_publisher_publish_finish (DomaineZonePublisher *self,
                                                GAsyncResult *result,
                                                GError **error);

G_END_DECLS
