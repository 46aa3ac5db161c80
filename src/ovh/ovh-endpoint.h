/* ovh-endpoint.h: the OVH API endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;       /* "ovh-eu", as in ovh.conf */
  const char *name;     /* translatable (N_), for people: "OVHcloud Europe" */
  const char *base_url; /* "https://eu.api.ovh.com/1.0", no trailing slash */
  const char *create_app_url;
  const char *create_token_url;
} OvhEndpoint;

const OvhEndpoint *ovh_endpoint_get_all (guint *n_endpoints);
const OvhEndpoint *ovh_endpoint_lookup (const char *id_or_url);
const char *ovh_endpoint_get_display_name (const OvhEndpoint *endpoint);
char *ovh_endpoint_normalize_url (const char *url);

G_END_DECLS
