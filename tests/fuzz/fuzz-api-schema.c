/* fuzz-api-schema.c: OVH's description of a product, or its list of products, as a server
 * could send it; and what the console does with each route
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-access-rules.h"
#include "ovh-api-schema.h"
#include "ovh-json-private.h"

static void
use_route (OvhApiRoute *route, GPtrArray *rules, GHashTable *values)
{
  g_autofree char *body = ovh_api_route_dup_body_template (route);
  g_autofree char *path = ovh_api_route_build_path (route, values, NULL);
  GPtrArray *parameters = ovh_api_route_get_parameters (route);

  if (body != NULL)
    g_assert_true (g_utf8_validate (body, -1, NULL));
  if (path != NULL)
    g_assert_true (path[0] == '/');
  for (guint i = 0; i < parameters->len; i++)
    {
      const OvhApiParameter *parameter = g_ptr_array_index (parameters, i);

      g_assert_true (parameter->name != NULL || parameter->location == OVH_API_PARAMETER_BODY);
      if (parameter->name != NULL)
        g_hash_table_insert (values, g_strdup (parameter->name), g_strdup ("x"));
    }
  (void) ovh_api_route_is_allowed (route, rules);
  (void) ovh_api_route_matches_search (route, "zone");
  (void) ovh_api_route_get_status_text (route);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhApiSchema) schema = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GHashTable) values = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) products = NULL;

  fuzz_init_once ();

  /* The same document read as the root listing. */
  root = ovh_json_parse ((const char *) data, size, NULL);
  if (root != NULL)
    {
      products = ovh_api_products_from_json (root, &error);
      g_assert_true ((products != NULL) != (error != NULL));
      g_clear_error (&error);
    }

  schema = ovh_api_schema_new_from_data (NULL, (const char *) data, size, &error);
  if (schema == NULL)
    {
      g_assert_error (error, OVH_API_SCHEMA_ERROR, OVH_API_SCHEMA_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_access_rule_free);
  g_ptr_array_add (rules, ovh_access_rule_new ("GET", "/domain/zone/lovelace.fr/*"));
  g_ptr_array_add (rules, ovh_access_rule_new ("POST", "/me"));
  g_ptr_array_add (rules, ovh_access_rule_new ("PUT", "*"));
  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (ovh_api_schema_get_routes (schema)); i++)
    {
      g_autoptr (OvhApiRoute) route = g_list_model_get_item (ovh_api_schema_get_routes (schema), i);

      use_route (route, rules, values);
    }
  g_ptr_array_unref (ovh_api_schema_dup_allowed_routes (schema, rules));
  return 0;
}
