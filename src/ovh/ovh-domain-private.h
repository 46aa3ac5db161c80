/* ovh-domain-private.h: what the domain list needs from OvhDomain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-domain.h"

G_BEGIN_DECLS

/* The name was also in GET /domain (registered) or GET /domain/zone: before anyone watches. */
void ovh_domain_add_listing (OvhDomain *self, gboolean registered);

/* GET /domain (registered, NULL when not granted) and GET /domain/zone merged by name, sorted.
 * Names that are not domain names (ovh_domain_name_is_valid()) are left out; a list that is
 * not a list of strings is OVH_ERROR_INVALID_RESPONSE. */
GListStore *ovh_domain_list_from_json (JsonNode *registered, JsonNode *zones, GError **error);

G_END_DECLS
