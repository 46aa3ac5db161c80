/* domaine-renewal-group.h: a registered domain's renewal and contacts, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-session.h"
#include "ovh-domain.h"
#include "ovh-service-infos.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_RENEWAL_GROUP (domaine_renewal_group_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRenewalGroup, domaine_renewal_group, DOMAINE, RENEWAL_GROUP, AdwPreferencesGroup)

GtkWidget *domaine_renewal_group_new (void);

/* The group loads the domain's service (GET /domain/{domain}/serviceInfos) through the
 * session's client whenever either changes; a domain not registered at OVH hides it. */
void domaine_renewal_group_set_session (DomaineRenewalGroup *self, DomaineSession *session);
void domaine_renewal_group_set_domain (DomaineRenewalGroup *self, OvhDomain *domain);
/* NULL until loaded, and after a failed load. */
OvhServiceInfos *domaine_renewal_group_get_service_infos (DomaineRenewalGroup *self);

/* "in 20 days", "today", "3 days ago": how far a day is from now, in whole days. */
char *domaine_renewal_format_days (gint64 days);

G_END_DECLS
