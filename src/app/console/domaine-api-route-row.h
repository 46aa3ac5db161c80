/* domaine-api-route-row.h: one route of the API in the console's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ovh-api-route.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_API_ROUTE_ROW (domaine_api_route_row_get_type ())
G_DECLARE_FINAL_TYPE (DomaineApiRouteRow, domaine_api_route_row, DOMAINE, API_ROUTE_ROW, GtkWidget)

/* Properties "route" (OvhApiRoute) and "allowed" (whether the account's key may call it: a
 * route it may not is greyed and says so). */
GtkWidget *domaine_api_route_row_new (void);
void
domaine_api_route_row_set_route (DomaineApiRouteRow *self, OvhApiRoute *route, gboolean allowed);
OvhApiRoute *domaine_api_route_row_get_route (DomaineApiRouteRow *self);
gboolean domaine_api_route_row_get_allowed (DomaineApiRouteRow *self);

G_END_DECLS
