/* ovh-sandbox-schema.c: the API's description of itself, GET /1.0/ and GET /1.0/{product}.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH serves a description of each product without a signature; the sandbox serves OVH's own
 * for the products it has (captured from eu.api.ovh.com, in schemas/), with its own base URL
 * as the basePath, so that an API console works against it unchanged.
 */
#include "config.h"

#include <string.h>

#include "ovh-sandbox-private.h"
#include "ovh-sandbox-schemas.h"

#define SCHEMAS_RESOURCE_PREFIX "/io/github/domaine/sandbox/schemas/"
#define CAPTURED_BASE_PATH "https://eu.api.ovh.com/1.0"

static const struct
{
  const char *name;
  const char *description;
} products[] = {
  { "auth", "Auth token management" },
  { "domain", "Operations about the DOMAIN service" },
  { "me", "Operations about the ME service" },
};

static void
reply_products (SandboxCall *call)
{
  JsonObject *root = json_object_new ();
  JsonArray *apis = json_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (products); i++)
    {
      JsonObject *api = json_object_new ();
      JsonArray *formats = json_array_new ();
      g_autofree char *path = g_strconcat ("/", products[i].name, NULL);
      g_autofree char *schema = g_strconcat ("/", products[i].name, ".{format}", NULL);

      json_array_add_string_element (formats, "json");
      json_array_add_string_element (formats, "yaml");
      json_object_set_string_member (api, "path", path);
      json_object_set_string_member (api, "description", products[i].description);
      json_object_set_string_member (api, "schema", schema);
      json_object_set_array_member (api, "format", formats);
      json_array_add_object_element (apis, api);
    }
  json_object_set_string_member (root, "apiVersion", "1.0");
  json_object_set_string_member (root, "basePath", call->self->base_url);
  json_object_set_array_member (root, "apis", apis);
  sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_object (root));
}

static gboolean
reply_product (SandboxCall *call, const char *name)
{
  g_autofree char *resource_path = g_strconcat (SCHEMAS_RESOURCE_PREFIX, name, ".json", NULL);
  g_autoptr (GBytes) bytes = g_resource_lookup_data (
      ovh_sandbox_schemas_get_resource (), resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *quoted = NULL;
  GString *text;

  if (bytes == NULL)
    return FALSE;

  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* The base URL needs no JSON escape: scheme, address, port and /1.0. */
  quoted = g_strdup_printf ("\"basePath\": \"%s\"", call->self->base_url);
  g_string_replace (text, "\"basePath\": \"" CAPTURED_BASE_PATH "\"", quoted, 1);
  g_clear_pointer (&call->reply, json_node_unref);
  g_free (call->raw_reply);
  call->raw_reply = g_string_free (text, FALSE);
  call->content_type = "application/json; charset=utf-8";
  call->status = SOUP_STATUS_OK;
  return TRUE;
}

gboolean
sandbox_route_schema (SandboxCall *call, const char *api_path)
{
  g_autofree char *name = NULL;

  if (!g_str_equal (call->method, "GET"))
    return FALSE;
  if (g_str_equal (api_path, "/"))
    {
      reply_products (call);
      return TRUE;
    }
  if (!g_str_has_suffix (api_path, ".json") || strchr (api_path + 1, '/') != NULL)
    return FALSE;

  name = g_strndup (api_path + 1, strlen (api_path) - 1 - strlen (".json"));
  for (gsize i = 0; i < G_N_ELEMENTS (products); i++)
    if (g_str_equal (name, products[i].name) && reply_product (call, name))
      return TRUE;
  /* A product the sandbox does not have: no route, with or without a signature. */
  sandbox_call_not_found_route (call);
  return TRUE;
}
