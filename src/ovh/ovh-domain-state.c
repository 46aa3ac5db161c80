/* ovh-domain-state.c: what OVH's state strings of a registered domain mean, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-domain-state.h"

G_DEFINE_ENUM_TYPE (
    OvhDomainState,
    ovh_domain_state,
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_UNKNOWN, "unknown"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_OK, "ok"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_EXPIRED, "expired"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_AUTORENEW_IN_PROGRESS, "autorenew_in_progress"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_AUTORENEW_REGISTRY_IN_PROGRESS,
                         "autorenew_registry_in_progress"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_DELETED, "deleted"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_DISPUTE, "dispute"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_OUTGOING_TRANSFER, "outgoing_transfer"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_PENDING_CREATE, "pending_create"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_PENDING_DELETE, "pending_delete"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_PENDING_INCOMING_TRANSFER, "pending_incoming_transfer"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_PENDING_INSTALLATION, "pending_installation"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_REGISTRY_SUSPENDED, "registry_suspended"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_RESTORABLE, "restorable"),
    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_STATE_TECHNICAL_SUSPENDED, "technical_suspended"))

G_DEFINE_ENUM_TYPE (OvhDomainRenewal,
                    ovh_domain_renewal,
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_RENEWAL_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_RENEWAL_AUTOMATIC, "automatic_renew"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_RENEWAL_MANUAL, "manual_renew"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_RENEWAL_CANCELLATION_REQUESTED,
                                         "cancellation_requested"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_RENEWAL_CANCELLATION_COMPLETE,
                                         "cancellation_complete"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_RENEWAL_UNPAID, "unpaid"))

G_DEFINE_ENUM_TYPE (OvhDomainTransferLock,
                    ovh_domain_transfer_lock,
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TRANSFER_LOCK_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TRANSFER_LOCK_LOCKED, "locked"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TRANSFER_LOCK_LOCKING, "locking"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TRANSFER_LOCK_UNLOCKED, "unlocked"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TRANSFER_LOCK_UNLOCKING, "unlocking"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TRANSFER_LOCK_UNAVAILABLE, "unavailable"))

G_DEFINE_ENUM_TYPE (OvhDomainNameServers,
                    ovh_domain_name_servers,
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_NAME_SERVERS_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_NAME_SERVERS_HOSTED, "hosted"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_NAME_SERVERS_EXTERNAL, "external"))

G_DEFINE_ENUM_TYPE (OvhDomainDnssec,
                    ovh_domain_dnssec,
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_DNSSEC_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_DNSSEC_ENABLED, "enabled"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_DNSSEC_DISABLED, "disabled"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_DNSSEC_NOT_SUPPORTED, "not_supported"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_DNSSEC_ENABLING, "enableInProgress"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_DNSSEC_DISABLING, "disableInProgress"))

static const char *const state_labels[] = {
  [OVH_DOMAIN_STATE_OK] = N_ ("Active"),
  [OVH_DOMAIN_STATE_EXPIRED] = N_ ("Expired"),
  [OVH_DOMAIN_STATE_AUTORENEW_IN_PROGRESS] = N_ ("Renewal in progress"),
  [OVH_DOMAIN_STATE_AUTORENEW_REGISTRY_IN_PROGRESS] = N_ ("Renewal in progress at the registry"),
  [OVH_DOMAIN_STATE_DELETED] = N_ ("Domain deleted"),
  [OVH_DOMAIN_STATE_DISPUTE] = N_ ("In dispute"),
  [OVH_DOMAIN_STATE_OUTGOING_TRANSFER] = N_ ("Leaving OVHcloud"),
  [OVH_DOMAIN_STATE_PENDING_CREATE] = N_ ("Being registered"),
  [OVH_DOMAIN_STATE_PENDING_DELETE] = N_ ("Being deleted"),
  [OVH_DOMAIN_STATE_PENDING_INCOMING_TRANSFER] = N_ ("Arriving at OVHcloud"),
  [OVH_DOMAIN_STATE_PENDING_INSTALLATION] = N_ ("Being set up"),
  [OVH_DOMAIN_STATE_REGISTRY_SUSPENDED] = N_ ("Suspended by the registry"),
  [OVH_DOMAIN_STATE_RESTORABLE] = N_ ("Expired, can be restored"),
  [OVH_DOMAIN_STATE_TECHNICAL_SUSPENDED] = N_ ("Suspended"),
};

static const char *const renewal_labels[] = {
  [OVH_DOMAIN_RENEWAL_AUTOMATIC] = N_ ("Renews automatically"),
  [OVH_DOMAIN_RENEWAL_MANUAL] = N_ ("Renewed by hand"),
  [OVH_DOMAIN_RENEWAL_CANCELLATION_REQUESTED] = N_ ("Cancellation requested"),
  [OVH_DOMAIN_RENEWAL_CANCELLATION_COMPLETE] = N_ ("Cancelled"),
  [OVH_DOMAIN_RENEWAL_UNPAID] = N_ ("Unpaid"),
};

static const char *const transfer_lock_labels[] = {
  [OVH_DOMAIN_TRANSFER_LOCK_LOCKED] = N_ ("Locked: the domain cannot be transferred away"),
  [OVH_DOMAIN_TRANSFER_LOCK_LOCKING] = N_ ("Locking…"),
  [OVH_DOMAIN_TRANSFER_LOCK_UNLOCKED] = N_ ("Unlocked: a transfer away is possible"),
  [OVH_DOMAIN_TRANSFER_LOCK_UNLOCKING] = N_ ("Unlocking…"),
  [OVH_DOMAIN_TRANSFER_LOCK_UNAVAILABLE] = N_ ("Not offered for this extension"),
};

static const char *const name_servers_labels[] = {
  [OVH_DOMAIN_NAME_SERVERS_HOSTED] = N_ ("OVHcloud’s name servers"),
  [OVH_DOMAIN_NAME_SERVERS_EXTERNAL] = N_ ("Other name servers"),
};

static const char *const dnssec_labels[] = {
  [OVH_DOMAIN_DNSSEC_ENABLED] = N_ ("Enabled"),
  [OVH_DOMAIN_DNSSEC_DISABLED] = N_ ("Disabled"),
  [OVH_DOMAIN_DNSSEC_NOT_SUPPORTED] = N_ ("Not supported for this extension"),
  [OVH_DOMAIN_DNSSEC_ENABLING] = N_ ("Being enabled…"),
  [OVH_DOMAIN_DNSSEC_DISABLING] = N_ ("Being disabled…"),
};

int
ovh_domain_state_parse (GType enum_type, const char *wire)
{
  g_autoptr (GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), 0);

  /* "unknown" is the nick of *_UNKNOWN, not an OVH value: it parses to 0 either way. */
  value = wire != NULL ? g_enum_get_value_by_nick (enum_class, wire) : NULL;
  return value != NULL ? value->value : 0;
}

const char *
ovh_domain_state_to_label (GType enum_type, int value)
{
  const char *const *labels;
  gsize n_labels;

  if (enum_type == OVH_TYPE_DOMAIN_STATE)
    labels = state_labels, n_labels = G_N_ELEMENTS (state_labels);
  else if (enum_type == OVH_TYPE_DOMAIN_RENEWAL)
    labels = renewal_labels, n_labels = G_N_ELEMENTS (renewal_labels);
  else if (enum_type == OVH_TYPE_DOMAIN_TRANSFER_LOCK)
    labels = transfer_lock_labels, n_labels = G_N_ELEMENTS (transfer_lock_labels);
  else if (enum_type == OVH_TYPE_DOMAIN_NAME_SERVERS)
    labels = name_servers_labels, n_labels = G_N_ELEMENTS (name_servers_labels);
  else if (enum_type == OVH_TYPE_DOMAIN_DNSSEC)
    labels = dnssec_labels, n_labels = G_N_ELEMENTS (dnssec_labels);
  else
    g_return_val_if_reached (NULL);

  if (value <= 0 || (gsize) value >= n_labels || labels[value] == NULL)
    return NULL;
  return _ (labels[value]);
}
