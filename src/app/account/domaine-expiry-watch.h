/* domaine-expiry-watch.h: a desktop notification for each domain about to expire unrenewed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "domaine-session.h"
#include "ovh-service-infos.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_EXPIRY_WATCH (domaine_expiry_watch_get_type ())
G_DECLARE_FINAL_TYPE (DomaineExpiryWatch, domaine_expiry_watch, DOMAINE, EXPIRY_WATCH, GObject)

/* Checks the session's registered domains once the session is ready, then every 24 hours,
 * until disposed. For each domain expiring within OVH_SERVICE_INFOS_WARNING_DAYS without
 * automatic renewal it emits "expiring" (OvhServiceInfos, GNotification) at most once per
 * domain and day; its owner sends the notification (whose default action is
 * "app.show-domain" with the domain's name) or says it otherwise. */
DomaineExpiryWatch *domaine_expiry_watch_new (DomaineSession *session);

DomaineSession *domaine_expiry_watch_get_session (DomaineExpiryWatch *self);
/* Whether a check is under way. */
gboolean domaine_expiry_watch_get_checking (DomaineExpiryWatch *self);
/* A check now (nothing when one is under way). */
void domaine_expiry_watch_check (DomaineExpiryWatch *self);

/* The notification's id and words for an expiring domain. */
char *domaine_expiry_watch_dup_notification_id (const char *domain);
GNotification *domaine_expiry_watch_create_notification (OvhServiceInfos *service_infos,
                                                         GDateTime *now);

G_END_DECLS
