/* ovh-domain.h: a domain of the account: registration details and DNS zone info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name can be registered at OVH (GET /domain), have its DNS zone hosted at OVH
 * (GET /domain/zone), or both. Registration details come from GET /domain/{name},
 * zone info from GET /domain/zone/{name}; both are optional until loaded.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-client.h"
#include "ovh-domain-state.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE, /* registered at OVH, zone hosted at OVH */
  OVH_DOMAIN_KIND_ZONE_ONLY,            /* zone hosted at OVH, registered elsewhere */
  OVH_DOMAIN_KIND_EXTERNAL_DNS,         /* registered at OVH, no zone at OVH */
} OvhDomainKind;

#define OVH_TYPE_DOMAIN_KIND (ovh_domain_kind_get_type ())
GType ovh_domain_kind_get_type (void);

#define OVH_TYPE_DOMAIN (ovh_domain_get_type ())
G_DECLARE_FINAL_TYPE (OvhDomain, ovh_domain, OVH, DOMAIN, GObject)

/* Whether name, as a server sent it, is a domain name Domaine can use in a path, a URL or a
 * label: ASCII labels of letters, digits and inner hyphens (IDNs in their xn-- form), at
 * most 63 bytes each and 253 in all, no empty label and no final dot. */
gboolean ovh_domain_name_is_valid (const char *name);

/* A domain known by name only (from the lists); at least one of the flags must be TRUE. */
OvhDomain *ovh_domain_new (const char *name, gboolean is_registered, gboolean has_zone);
/* From GET /domain/{name} (domain.Domain): a registered domain. Malformed →
 * OVH_ERROR_INVALID_RESPONSE. */
OvhDomain *ovh_domain_new_from_json (JsonNode *node, GError **error);
/* Merge answers into an existing domain; on error the domain is unchanged. */
gboolean ovh_domain_update_from_json (OvhDomain *self, JsonNode *node, GError **error);
gboolean ovh_domain_update_from_zone_json (OvhDomain *self, JsonNode *node, GError **error);

const char *ovh_domain_get_name (OvhDomain *self);
gboolean ovh_domain_is_registered (OvhDomain *self);
gboolean ovh_domain_has_zone (OvhDomain *self);
OvhDomainKind ovh_domain_get_kind (OvhDomain *self);
/* A translated line under the domain's name: "Domain and DNS zone at OVHcloud", … */
const char *ovh_domain_get_caption (OvhDomain *self);
/* The same, in two or three words for a list: "Domain and zone", "Zone only", "External DNS". */
const char *ovh_domain_get_short_caption (OvhDomain *self);

/* Registration (NULL / FALSE until GET /domain/{name} was merged). */
gboolean ovh_domain_has_registration_details (OvhDomain *self);
GDateTime *ovh_domain_get_expiration_date (OvhDomain *self);
GDateTime *ovh_domain_get_renewal_date (OvhDomain *self);
const char *ovh_domain_get_renewal_state (OvhDomain *self); /* "automatic_renew"… */
const char *ovh_domain_get_state (OvhDomain *self);         /* "ok", "expired"… */
const char *ovh_domain_get_suspension_state (OvhDomain *self);
const char *ovh_domain_get_name_server_type (OvhDomain *self);     /* "hosted", "external"… */
const char *ovh_domain_get_transfer_lock_status (OvhDomain *self); /* "locked"… */
const char *ovh_domain_get_dnssec_state (OvhDomain *self);         /* "enabled"… */
const char *ovh_domain_get_whois_owner (OvhDomain *self);
/* The registry's name servers (domain.nameServer.NameServer.nameServer). */
const char *const *ovh_domain_get_name_servers (OvhDomain *self);

/* The strings above as values (*_UNKNOWN when absent or new to Domaine)… */
OvhDomainState ovh_domain_get_state_value (OvhDomain *self);
gboolean ovh_domain_is_suspended (OvhDomain *self); /* suspensionState "suspended" */
OvhDomainRenewal ovh_domain_get_renewal_value (OvhDomain *self);
OvhDomainTransferLock ovh_domain_get_transfer_lock_value (OvhDomain *self);
OvhDomainNameServers ovh_domain_get_name_server_type_value (OvhDomain *self);
OvhDomainDnssec ovh_domain_get_dnssec_value (OvhDomain *self);
/* …and in translated words, never NULL: "Unknown" when absent, OVH's own string when new.
 * The state says "(suspended)" after it when the domain is suspended. */
char *ovh_domain_dup_state_label (OvhDomain *self);
char *ovh_domain_dup_renewal_label (OvhDomain *self);
char *ovh_domain_dup_transfer_lock_label (OvhDomain *self);
char *ovh_domain_dup_name_server_type_label (OvhDomain *self);
char *ovh_domain_dup_dnssec_label (OvhDomain *self);

/* Zone info (NULL / FALSE until GET /domain/zone/{name} was merged). */
gboolean ovh_domain_has_zone_details (OvhDomain *self);
const char *const *ovh_domain_get_zone_name_servers (OvhDomain *self);
gboolean ovh_domain_get_zone_dnssec_supported (OvhDomain *self);
gboolean ovh_domain_get_zone_dnssec_activated (OvhDomain *self);
gboolean ovh_domain_get_has_dns_anycast (OvhDomain *self);
GDateTime *ovh_domain_get_zone_last_update (OvhDomain *self); /* may be NULL */

/* GET /domain and GET /domain/zone merged: a GListStore of OvhDomain sorted by name. */
void ovh_domain_list_load_async (OvhClient *client,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
GListStore *ovh_domain_list_load_finish (GAsyncResult *result, GError **error);

/* GET /domain/{name} (if registered) and GET /domain/zone/{name} (if it has a zone),
 * merged into self (properties notify). */
void ovh_domain_load_details_async (OvhDomain *self,
                                    OvhClient *client,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean ovh_domain_load_details_finish (OvhDomain *self, GAsyncResult *result, GError **error);

G_END_DECLS
