/* domaine-renewal-banner.h: the strip warning that a domain expires without renewal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ovh-service-infos.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_RENEWAL_BANNER (domaine_renewal_banner_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRenewalBanner, domaine_renewal_banner, DOMAINE, RENEWAL_BANNER, GtkWidget)

GtkWidget *domaine_renewal_banner_new (void);

/* Revealed while the service expires within OVH_SERVICE_INFOS_WARNING_DAYS without
 * automatic renewal; NULL hides it. */
void domaine_renewal_banner_set_service_infos (DomaineRenewalBanner *self,
                                               OvhServiceInfos *service_infos);
gboolean domaine_renewal_banner_get_revealed (DomaineRenewalBanner *self);
/* The warning shown (or last shown), for tests and screen readers. */
const char *domaine_renewal_banner_get_title (DomaineRenewalBanner *self);

/* The warning's words for a domain expiring without renewal, days from now (may be < 0). */
char *domaine_renewal_banner_dup_warning (OvhServiceInfos *service_infos, GDateTime *now);

G_END_DECLS
