/* ovh-endpoint.c: the OVH API endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-endpoint.h"

static const OvhEndpoint endpoints[] = {
  { "ovh-eu", N_ ("OVHcloud Europe"), "https://eu.api.ovh.com/1.0",
    "https://eu.api.ovh.com/createApp/", "https://eu.api.ovh.com/createToken/" },
  { "ovh-ca", N_ ("OVHcloud Canada"), "https://ca.api.ovh.com/1.0",
    "https://ca.api.ovh.com/createApp/", "https://ca.api.ovh.com/createToken/" },
  { "ovh-us", N_ ("OVHcloud US"), "https://api.us.ovhcloud.com/1.0",
    "https://api.us.ovhcloud.com/createApp/", "https://api.us.ovhcloud.com/createToken/" },
  { "kimsufi-eu", N_ ("Kimsufi Europe"), "https://eu.api.kimsufi.com/1.0",
    "https://eu.api.kimsufi.com/createApp/", "https://eu.api.kimsufi.com/createToken/" },
  { "kimsufi-ca", N_ ("Kimsufi Canada"), "https://ca.api.kimsufi.com/1.0",
    "https://ca.api.kimsufi.com/createApp/", "https://ca.api.kimsufi.com/createToken/" },
  { "soyoustart-eu", N_ ("So you Start Europe"), "https://eu.api.soyoustart.com/1.0",
    "https://eu.api.soyoustart.com/createApp/", "https://eu.api.soyoustart.com/createToken/" },
  { "soyoustart-ca", N_ ("So you Start Canada"), "https://ca.api.soyoustart.com/1.0",
    "https://ca.api.soyoustart.com/createApp/", "https://ca.api.soyoustart.com/createToken/" },
};

const OvhEndpoint *
ovh_endpoint_get_all (guint *n_endpoints)
{
  if (n_endpoints != NULL)
    *n_endpoints = G_N_ELEMENTS (endpoints);
  return endpoints;
}

/* Strips trailing slashes so that "https://x/1.0/" and "https://x/1.0" are
 * one base URL: the signature covers the URL byte for byte. */
char *
ovh_endpoint_normalize_url (const char *url)
{
  g_autofree char *copy = NULL;
  gsize len;

  g_return_val_if_fail (url != NULL, NULL);

  copy = g_strstrip (g_strdup (url));
  len = strlen (copy);
  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = '\0';
  return g_steal_pointer (&copy);
}

/* Accepts an endpoint id ("ovh-eu"), the kimsufi/soyoustart shorthands the
 * official clients accept, or one of the known base URLs. */
const OvhEndpoint *
ovh_endpoint_lookup (const char *id_or_url)
{
  g_autofree char *url = NULL;

  if (id_or_url == NULL)
    return NULL;

  if (g_str_equal (id_or_url, "kimsufi"))
    id_or_url = "kimsufi-eu";
  else if (g_str_equal (id_or_url, "soyoustart"))
    id_or_url = "soyoustart-eu";

  url = ovh_endpoint_normalize_url (id_or_url);
  for (guint i = 0; i < G_N_ELEMENTS (endpoints); i++)
    {
      if (g_ascii_strcasecmp (endpoints[i].id, id_or_url) == 0
          || g_str_equal (endpoints[i].base_url, url))
        return &endpoints[i];
    }
  return NULL;
}

const char *
ovh_endpoint_get_display_name (const OvhEndpoint *endpoint)
{
  g_return_val_if_fail (endpoint != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, endpoint->name);
}
