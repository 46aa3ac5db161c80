/* ovh-endpoint.h: the OVH API endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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
/* Checks a custom API base URL (a proxy, a private endpoint, a local domaine-sandbox): https,
 * or plain http to this computer only (localhost, 127.0.0.0/8, ::1), with a host and no user,
 * query or fragment. Returns the normalized URL, or NULL with a translated
 * G_IO_ERROR_INVALID_ARGUMENT error for people. */
char *ovh_endpoint_check_custom_url (const char *url, GError **error);

G_END_DECLS
