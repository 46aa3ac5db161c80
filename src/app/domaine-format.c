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
domaine_format_date_time (GDateTime *date)
{
  g_autoptr (GDateTime) local = NULL;

  if (date == NULL)
    return NULL;
  local = g_date_time_to_local (date);
  /* Translators: a date and time as strftime() writes them, e.g. "March 14, 2026, 17:05". */
  return g_date_time_format (local, C_ ("date and time", "%B %-d, %Y, %H:%M"));
}

char *
domaine_format_relative (GDateTime *date)
{
  g_autoptr (GDateTime) now = NULL;
  gint64 seconds;

  if (date == NULL)
    return NULL;
  now = g_date_time_new_now_utc ();
  seconds = g_date_time_difference (now, date) / G_TIME_SPAN_SECOND;
  if (seconds < 60)
    return g_strdup (_ ("Just now"));
  if (seconds < 3600)
    return g_strdup_printf (ngettext ("%u minute ago", "%u minutes ago", (gulong) (seconds / 60)),
                            (guint) (seconds / 60));
  if (seconds < 86400)
    return g_strdup_printf (ngettext ("%u hour ago", "%u hours ago", (gulong) (seconds / 3600)),
                            (guint) (seconds / 3600));
  return g_strdup_printf (ngettext ("%u day ago", "%u days ago", (gulong) (seconds / 86400)),
                          (guint) (seconds / 86400));
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
