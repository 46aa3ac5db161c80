/* ovh-service-infos.h: a registered domain's service: renewal, dates and contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From GET /domain/{serviceName}/serviceInfos (services.Service). The owner is not part of
 * it: it is the domain's whoisOwner (ovh_domain_get_whois_owner ()).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-client.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_RENEWAL_MODE_AUTOMATIC,           /* renew.automatic */
  OVH_RENEWAL_MODE_MANUAL,              /* neither automatic nor deleted: renewed by hand */
  OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION /* renew.deleteAtExpiration */
} OvhRenewalMode;

#define OVH_TYPE_RENEWAL_MODE (ovh_renewal_mode_get_type ())
GType ovh_renewal_mode_get_type (void);

/* How many days before expiry Domaine warns about a domain that does not renew itself. */
#define OVH_SERVICE_INFOS_WARNING_DAYS 30

#define OVH_TYPE_SERVICE_INFOS (ovh_service_infos_get_type ())
G_DECLARE_FINAL_TYPE (OvhServiceInfos, ovh_service_infos, OVH, SERVICE_INFOS, GObject)

/* From a services.Service answer; anything malformed (a missing or bad date, a member of the
 * wrong type, an unknown status) → OVH_ERROR_INVALID_RESPONSE. */
OvhServiceInfos *ovh_service_infos_new_from_json (JsonNode *node, GError **error);

const char *ovh_service_infos_get_domain (OvhServiceInfos *self);
OvhRenewalMode ovh_service_infos_get_renewal_mode (OvhServiceInfos *self);
/* Months per renewal, 0 when OVH does not say. */
guint ovh_service_infos_get_renewal_period (OvhServiceInfos *self);
GDateTime *ovh_service_infos_get_expiration (OvhServiceInfos *self);
GDateTime *ovh_service_infos_get_creation (OvhServiceInfos *self);
GDateTime *ovh_service_infos_get_engaged_up_to (OvhServiceInfos *self); /* may be NULL */
const char *ovh_service_infos_get_status (OvhServiceInfos *self);       /* service.StateEnum */
const char *ovh_service_infos_get_contact_admin (OvhServiceInfos *self);
const char *ovh_service_infos_get_contact_tech (OvhServiceInfos *self);
const char *ovh_service_infos_get_contact_billing (OvhServiceInfos *self);

/* Translated words for the mode ("Automatic", "Manual", "Deleted at expiry") and the status. */
const char *ovh_renewal_mode_get_label (OvhRenewalMode mode);
char *ovh_service_infos_dup_status_label (OvhServiceInfos *self);

/* Whole days from now to the expiration, negative once expired. */
gint64 ovh_service_infos_get_days_left (OvhServiceInfos *self, GDateTime *now);
/* Whether the domain does not renew itself and expires (or expired) within days of now:
 * the expiration is at most days × 24 h after now. Automatic renewal → FALSE. */
gboolean ovh_service_infos_expires_within (OvhServiceInfos *self, GDateTime *now, guint days);

/* GET /domain/{domain}/serviceInfos. */
void ovh_service_infos_load_async (OvhClient *client,
                                   const char *domain,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
OvhServiceInfos *ovh_service_infos_load_finish (GAsyncResult *result, GError **error);

G_END_DECLS
