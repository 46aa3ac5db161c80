/* ovh-domain-private.h: what the domain list needs from OvhDomain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-domain.h"

G_BEGIN_DECLS

/* The name was also in GET /domain (registered) or GET /domain/zone: before anyone watches. */
void ovh_domain_add_listing (OvhDomain *self, gboolean registered);

G_END_DECLS
