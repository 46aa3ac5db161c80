/* domaine-format.h: how the app words dates and a domain's state, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ovh-domain.h"

G_BEGIN_DECLS

/* A day as the app shows it, in local time ("March 14, 2026"); NULL for NULL. */
char *domaine_format_date (GDateTime *date);

/* The short line under a domain's name in the list: when its registration ends, "Zone only"
 * or "External DNS". */
char *domaine_format_domain_caption (OvhDomain *domain);
/* What Domaine manages of the domain, in a sentence ("Domain and DNS zone at OVHcloud"). */
const char *domaine_format_domain_summary (OvhDomain *domain);

/* The registration, in words (OVH's wire values never reach the screen as such). Unknown
 * values are shown as OVH sends them; a missing one is "Unknown". */
char *domaine_format_registration_state (OvhDomain *domain);
char *domaine_format_renewal (OvhDomain *domain);
const char *domaine_format_transfer_lock (OvhDomain *domain);
const char *domaine_format_name_server_type (OvhDomain *domain);
const char *domaine_format_dnssec_state (OvhDomain *domain);

G_END_DECLS
