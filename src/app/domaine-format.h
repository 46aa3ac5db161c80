/* domaine-format.h: how the app words dates, and a domain's state with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH's state strings are worded by libovh (ovh_domain_dup_*_label (),
 * ovh_domain_get_caption ()); this adds the app's dates to them.
 */
#pragma once

#include <glib.h>

#include "ovh-domain.h"

G_BEGIN_DECLS

/* A day as the app shows it, in local time ("March 14, 2026"); NULL for NULL. */
char *domaine_format_date (GDateTime *date);

/* A moment, in local time ("March 14, 2026, 17:05"); NULL for NULL. */
char *domaine_format_date_time (GDateTime *date);

/* How long ago ("Just now", "5 minutes ago", "3 days ago"); NULL for NULL. */
char *domaine_format_relative (GDateTime *date);

/* The short line under a domain's name in the list, the same for every row whatever is loaded:
 * ovh_domain_get_short_caption () ("Domain and zone", "Zone only", "External DNS"). */
char *domaine_format_domain_caption (OvhDomain *domain);

/* The renewal in words, with its date when known ("Renews automatically, on March 14, 2026"). */
char *domaine_format_renewal (OvhDomain *domain);

G_END_DECLS
