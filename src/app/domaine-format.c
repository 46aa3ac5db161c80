/* domaine-format.c: how the app words dates and a domain's state, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar, the domain page and the account page all call these, so that a date or a
 * state reads the same wherever it shows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-format.h"

char *
domaine_format_date (GDateTime *date)
{
  g_autoptr (GDateTime) local = NULL;

  if (date == NULL)
    return NULL;
  local = g_date_time_to_local (date);
  /* Translators: a date as strftime() writes it, e.g. "March 14, 2026". */
  return g_date_time_format (local, C_ ("date", "%B %-d, %Y"));
}

char *
domaine_format_domain_caption (OvhDomain *domain)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);

  switch (ovh_domain_get_kind (domain))
    {
    case OVH_DOMAIN_KIND_ZONE_ONLY:
      return g_strdup (_ ("Zone only"));
    case OVH_DOMAIN_KIND_EXTERNAL_DNS:
      return g_strdup (_ ("External DNS"));
    case OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE:
    default:
      date = domaine_format_date (ovh_domain_get_expiration_date (domain));
      if (date != NULL)
        /* Translators: under a domain's name, when its registration ends. */
        return g_strdup_printf (_ ("Expires %s"), date);
      return g_strdup (_ ("Domain and zone"));
    }
}

const char *
domaine_format_domain_summary (OvhDomain *domain)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);

  switch (ovh_domain_get_kind (domain))
    {
    case OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE:
      /* The zone exists at OVH, but the registry points elsewhere: edits would not show. */
      if (g_strcmp0 (ovh_domain_get_name_server_type (domain), "external") == 0)
        return _ ("DNS zone at OVHcloud, not in use");
      return _ ("Domain and DNS zone at OVHcloud");
    case OVH_DOMAIN_KIND_ZONE_ONLY:
      return _ ("DNS zone only, domain registered elsewhere");
    case OVH_DOMAIN_KIND_EXTERNAL_DNS:
    default:
      return _ ("Domain at OVHcloud, DNS hosted elsewhere");
    }
}

/* OVH's enum values, in words ------------------------------------------------------------ */

typedef struct
{
  const char *value;
  const char *words;
} Words;

static const char *
lookup_words (const Words *table, const char *value)
{
  if (value == NULL)
    return _ ("Unknown");
  for (guint i = 0; table[i].value != NULL; i++)
    if (g_str_equal (table[i].value, value))
      return _ (table[i].words);
  return value;
}

static const Words renewal_words[] = {
  { "automatic_renew", N_ ("Renews automatically") },
  { "manual_renew", N_ ("Renewed by hand") },
  { "cancellation_requested", N_ ("Cancellation requested") },
  { "cancellation_complete", N_ ("Cancelled") },
  { "unpaid", N_ ("Unpaid") },
  { NULL, NULL },
};

static const Words state_words[] = {
  { "ok", N_ ("Active") },
  { "expired", N_ ("Expired") },
  { "autorenew_in_progress", N_ ("Renewal in progress") },
  { "autorenew_registry_in_progress", N_ ("Renewal in progress at the registry") },
  { "deleted", N_ ("Domain deleted") },
  { "dispute", N_ ("In dispute") },
  { "outgoing_transfer", N_ ("Leaving OVHcloud") },
  { "pending_create", N_ ("Being registered") },
  { "pending_delete", N_ ("Being deleted") },
  { "pending_incoming_transfer", N_ ("Arriving at OVHcloud") },
  { "pending_installation", N_ ("Being set up") },
  { "registry_suspended", N_ ("Suspended by the registry") },
  { "restorable", N_ ("Expired, can be restored") },
  { "technical_suspended", N_ ("Suspended") },
  { NULL, NULL },
};

static const Words lock_words[] = {
  { "locked", N_ ("Locked: the domain cannot be transferred away") },
  { "locking", N_ ("Locking…") },
  { "unlocked", N_ ("Unlocked: a transfer away is possible") },
  { "unlocking", N_ ("Unlocking…") },
  { "unavailable", N_ ("Not offered for this extension") },
  { NULL, NULL },
};

static const Words ns_type_words[] = {
  { "hosted", N_ ("OVHcloud’s name servers") },
  { "external", N_ ("Other name servers") },
  { NULL, NULL },
};

static const Words dnssec_words[] = {
  { "enabled", N_ ("Enabled") },
  { "disabled", N_ ("Disabled") },
  { "not_supported", N_ ("Not supported for this extension") },
  { "enableInProgress", N_ ("Being enabled…") },
  { "disableInProgress", N_ ("Being disabled…") },
  { NULL, NULL },
};

char *
domaine_format_registration_state (OvhDomain *domain)
{
  const char *state;

  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);

  state = lookup_words (state_words, ovh_domain_get_state (domain));
  if (g_strcmp0 (ovh_domain_get_suspension_state (domain), "suspended") == 0)
    return g_strdup_printf (_ ("%s (suspended)"), state);
  return g_strdup (state);
}

char *
domaine_format_renewal (OvhDomain *domain)
{
  const char *renewal;
  g_autofree char *date = NULL;

  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);

  renewal = lookup_words (renewal_words, ovh_domain_get_renewal_state (domain));
  date = domaine_format_date (ovh_domain_get_renewal_date (domain));
  if (date == NULL)
    return g_strdup (renewal);
  /* Translators: "Renews automatically, on March 14, 2026". */
  return g_strdup_printf (_ ("%s, on %s"), renewal, date);
}

const char *
domaine_format_transfer_lock (OvhDomain *domain)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);
  return lookup_words (lock_words, ovh_domain_get_transfer_lock_status (domain));
}

const char *
domaine_format_name_server_type (OvhDomain *domain)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);
  return lookup_words (ns_type_words, ovh_domain_get_name_server_type (domain));
}

const char *
domaine_format_dnssec_state (OvhDomain *domain)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);
  return lookup_words (dnssec_words, ovh_domain_get_dnssec_state (domain));
}
