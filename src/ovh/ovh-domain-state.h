/* ovh-domain-state.h: what OVH's state strings of a registered domain mean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /domain/{name} describes a domain with strings (domain.DomainStateEnum, …). Each enum
 * below is one of those vocabularies; a value's nick is OVH's string, and *_UNKNOWN stands
 * for "absent" as well as for a string this version of Domaine does not know.
 * OvhDomain turns its strings into these values and words them (ovh-domain.h).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* domain.DomainStateEnum */
typedef enum
{
  OVH_DOMAIN_STATE_UNKNOWN,
  OVH_DOMAIN_STATE_OK,
  OVH_DOMAIN_STATE_EXPIRED,
  OVH_DOMAIN_STATE_AUTORENEW_IN_PROGRESS,
  OVH_DOMAIN_STATE_AUTORENEW_REGISTRY_IN_PROGRESS,
  OVH_DOMAIN_STATE_DELETED,
  OVH_DOMAIN_STATE_DISPUTE,
  OVH_DOMAIN_STATE_OUTGOING_TRANSFER,
  OVH_DOMAIN_STATE_PENDING_CREATE,
  OVH_DOMAIN_STATE_PENDING_DELETE,
  OVH_DOMAIN_STATE_PENDING_INCOMING_TRANSFER,
  OVH_DOMAIN_STATE_PENDING_INSTALLATION,
  OVH_DOMAIN_STATE_REGISTRY_SUSPENDED,
  OVH_DOMAIN_STATE_RESTORABLE,
  OVH_DOMAIN_STATE_TECHNICAL_SUSPENDED,
} OvhDomainState;

/* domain.DomainRenewalStateEnum */
typedef enum
{
  OVH_DOMAIN_RENEWAL_UNKNOWN,
  OVH_DOMAIN_RENEWAL_AUTOMATIC,
  OVH_DOMAIN_RENEWAL_MANUAL,
  OVH_DOMAIN_RENEWAL_CANCELLATION_REQUESTED,
  OVH_DOMAIN_RENEWAL_CANCELLATION_COMPLETE,
  OVH_DOMAIN_RENEWAL_UNPAID,
} OvhDomainRenewal;

/* domain.DomainLockStatusEnum */
typedef enum
{
  OVH_DOMAIN_TRANSFER_LOCK_UNKNOWN,
  OVH_DOMAIN_TRANSFER_LOCK_LOCKED,
  OVH_DOMAIN_TRANSFER_LOCK_LOCKING,
  OVH_DOMAIN_TRANSFER_LOCK_UNLOCKED,
  OVH_DOMAIN_TRANSFER_LOCK_UNLOCKING,
  OVH_DOMAIN_TRANSFER_LOCK_UNAVAILABLE,
} OvhDomainTransferLock;

/* domain.DomainNsTypeEnum */
typedef enum
{
  OVH_DOMAIN_NAME_SERVERS_UNKNOWN,
  OVH_DOMAIN_NAME_SERVERS_HOSTED,
  OVH_DOMAIN_NAME_SERVERS_EXTERNAL,
} OvhDomainNameServers;

/* domain.DomainDnssecStateEnum: DNSSEC as the registry publishes it */
typedef enum
{
  OVH_DOMAIN_DNSSEC_UNKNOWN,
  OVH_DOMAIN_DNSSEC_ENABLED,
  OVH_DOMAIN_DNSSEC_DISABLED,
  OVH_DOMAIN_DNSSEC_NOT_SUPPORTED,
  OVH_DOMAIN_DNSSEC_ENABLING,
  OVH_DOMAIN_DNSSEC_DISABLING,
} OvhDomainDnssec;

#define OVH_TYPE_DOMAIN_STATE (ovh_domain_state_get_type ())
GType ovh_domain_state_get_type (void);
#define OVH_TYPE_DOMAIN_RENEWAL (ovh_domain_renewal_get_type ())
GType ovh_domain_renewal_get_type (void);
#define OVH_TYPE_DOMAIN_TRANSFER_LOCK (ovh_domain_transfer_lock_get_type ())
GType ovh_domain_transfer_lock_get_type (void);
#define OVH_TYPE_DOMAIN_NAME_SERVERS (ovh_domain_name_servers_get_type ())
GType ovh_domain_name_servers_get_type (void);
#define OVH_TYPE_DOMAIN_DNSSEC (ovh_domain_dnssec_get_type ())
GType ovh_domain_dnssec_get_type (void);

/* OVH's string as a value of enum_type (one of the five above): NULL or a string it does
 * not know gives 0, the *_UNKNOWN value. */
int ovh_domain_state_parse (GType enum_type, const char *wire);

/* How Domaine words a value, translated; NULL for *_UNKNOWN. */
const char *ovh_domain_state_to_label (GType enum_type, int value);

G_END_DECLS
