/* domaine-format.c: how the app words dates, and a domain's state with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar, the domain page and the account page all call these, so that a date reads
 * the same wherever it shows. What OVH's state strings mean, and their words, are libovh's.
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
  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);

  /* Always the kind, for every row: the expiry is on the domain's page. */
  return g_strdup (ovh_domain_get_short_caption (domain));
}

char *
domaine_format_renewal (OvhDomain *domain)
{
  g_autofree char *renewal = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (OVH_IS_DOMAIN (domain), NULL);

  renewal = ovh_domain_dup_renewal_label (domain);
  date = domaine_format_date (ovh_domain_get_renewal_date (domain));
  if (date == NULL)
    return g_steal_pointer (&renewal);
  /* Translators: "Renews automatically, on March 14, 2026". */
  return g_strdup_printf (_ ("%s, on %s"), renewal, date);
}
