/* domaine-dynhost-page.h: a zone's DynHost records and logins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Properties: "zone" (OvhZone, readwrite: the page lists its DynHost records and logins
 * through the zone's client), "busy" (read-only: a request is under way).
 */
#pragma once

#include <adwaita.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_DYNHOST_PAGE (domaine_dynhost_page_get_type ())
G_DECLARE_FINAL_TYPE (DomaineDynhostPage, domaine_dynhost_page, DOMAINE, DYNHOST_PAGE, AdwBin)

void domaine_dynhost_page_set_zone (DomaineDynhostPage *self, OvhZone *zone);
OvhZone *domaine_dynhost_page_get_zone (DomaineDynhostPage *self);
gboolean domaine_dynhost_page_get_busy (DomaineDynhostPage *self);

G_END_DECLS
