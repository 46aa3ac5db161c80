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

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

char *
ovh_endpoint_check_custom_url (const char *url, GError **error)
{
  g_autofree char *normalized = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;
  const char *host;

  normalized = ovh_endpoint_normalize_url (url != NULL ? url : "");
  if (normalized[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Enter the base URL of the API, such as "
                              "https://api.example.com/1.0."));
      return NULL;
    }

  uri = g_uri_parse (normalized, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || host[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("This is not a web address: it starts with https:// and a host "
                              "name."));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The address must start with https://."));
      return NULL;
    }
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !is_loopback_host (host))
    {
      /* The keys would cross the network in clear text. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Plain http is only allowed to this computer (localhost, "
                              "127.0.0.1 or ::1): use https."));
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The address cannot hold a user name or a password."));
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The address cannot have a query (?…) or a fragment (#…)."));
      return NULL;
    }

  return g_steal_pointer (&normalized);
}
