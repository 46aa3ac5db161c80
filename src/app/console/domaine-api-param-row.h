/* domaine-api-param-row.h: one parameter of a route in the console's form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-api-route.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_API_PARAM_ROW (domaine_api_param_row_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineApiParamRow, domaine_api_param_row, DOMAINE, API_PARAM_ROW, AdwActionRow)

/* The name as the title, its place, type and description as the subtitle, an entry for the
 * value. Property "text" follows the entry. */
GtkWidget *domaine_api_param_row_new (const OvhApiParameter *parameter);
const OvhApiParameter *domaine_api_param_row_get_parameter (DomaineApiParamRow *self);
const char *domaine_api_param_row_get_text (DomaineApiParamRow *self);
void domaine_api_param_row_set_text (DomaineApiParamRow *self, const char *text);
GtkWidget *domaine_api_param_row_get_entry (DomaineApiParamRow *self);

G_END_DECLS
