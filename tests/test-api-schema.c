/* test-api-schema.c: OVH's descriptions of its API (the copies the sandbox serves) read into
 * routes, malformed ones refused with a clear error, routes filtered by a key's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "ovh-access-rules.h"
#include "ovh-api-schema.h"

static OvhApiSchema *
load (const char *product)
{
  g_autofree char *file = g_strconcat (product, ".json", NULL);
  g_autofree char *path
      = g_test_build_filename (G_TEST_DIST, "..", "src", "sandbox", "schemas", file, NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  OvhApiSchema *schema;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  schema = ovh_api_schema_new_from_data (product, data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

static guint
n_routes (OvhApiSchema *schema)
{
  return g_list_model_get_n_items (ovh_api_schema_get_routes (schema));
}

static void
test_counts (void)
{
  g_autoptr (OvhApiSchema) auth = load ("auth");
  g_autoptr (OvhApiSchema) domain = load ("domain");
  g_autoptr (OvhApiSchema) me = load ("me");
  g_autoptr (OvhApiRoute) first = NULL;

  /* One route per path and method, as OVH lists them. */
  g_assert_cmpuint (n_routes (auth), ==, 5);
  g_assert_cmpuint (n_routes (domain), ==, 110);
  g_assert_cmpuint (n_routes (me), ==, 372);
  g_assert_cmpstr (ovh_api_schema_get_product (domain), ==, "domain");
  g_assert_cmpstr (ovh_api_schema_get_api_version (domain), ==, "1.0");
  g_assert_cmpstr (ovh_api_schema_get_base_path (domain), ==, "https://eu.api.ovh.com/1.0");

  first = g_list_model_get_item (ovh_api_schema_get_routes (auth), 0);
  g_assert_cmpstr (ovh_api_route_get_product (first), ==, "auth");
  g_assert_cmpstr (ovh_api_route_get_method (first), ==, "POST");
  g_assert_cmpstr (ovh_api_route_get_path (first), ==, "/auth/credential");
  g_assert_true (ovh_api_route_get_no_authentication (first));
}

static void
test_known_route (void)
{
  g_autoptr (OvhApiSchema) domain = load ("domain");
  OvhApiRoute *route = ovh_api_schema_find_route (domain, "GET", "/domain/zone/{zoneName}/record");
  OvhApiRoute *create
      = ovh_api_schema_find_route (domain, "post", "/domain/zone/{zoneName}/record");
  GPtrArray *parameters;
  const OvhApiParameter *parameter;
  g_autofree char *body = NULL;

  g_assert_nonnull (route);
  g_assert_cmpstr (ovh_api_route_get_description (route), ==, "List record");
  g_assert_cmpstr (ovh_api_route_get_response_type (route), ==, "long[]");
  g_assert_cmpint (ovh_api_route_get_status (route), ==, OVH_API_STATUS_PRODUCTION);
  g_assert_false (ovh_api_route_get_no_authentication (route));
  g_assert_false (ovh_api_route_has_body (route));

  parameters = ovh_api_route_get_parameters (route);
  g_assert_cmpuint (parameters->len, ==, 3);
  parameter = g_ptr_array_index (parameters, 0);
  g_assert_cmpstr (parameter->name, ==, "zoneName");
  g_assert_cmpint (parameter->location, ==, OVH_API_PARAMETER_PATH);
  g_assert_cmpstr (parameter->data_type, ==, "string");
  g_assert_cmpstr (parameter->description, ==, "Zone name");
  g_assert_true (parameter->required);
  parameter = g_ptr_array_index (parameters, 1);
  g_assert_cmpstr (parameter->name, ==, "fieldType");
  g_assert_cmpint (parameter->location, ==, OVH_API_PARAMETER_QUERY);
  g_assert_cmpstr (parameter->data_type, ==, "domain.zone.RecordTypeEnum");
  g_assert_cmpstr (parameter->description, ==, "Filter the value of fieldType property (like)");
  g_assert_false (parameter->required);
  parameter = g_ptr_array_index (parameters, 2);
  g_assert_cmpstr (parameter->name, ==, "subDomain");

  /* The body is the whole model: its writable members, none of the read-only ones. */
  g_assert_nonnull (create);
  g_assert_true (ovh_api_route_has_body (create));
  parameters = ovh_api_route_get_parameters (create);
  g_assert_cmpuint (parameters->len, ==, 2);
  parameter = g_ptr_array_index (parameters, 0);
  g_assert_cmpint (parameter->location, ==, OVH_API_PARAMETER_PATH);
  parameter = g_ptr_array_index (parameters, 1);
  g_assert_null (parameter->name);
  g_assert_cmpint (parameter->location, ==, OVH_API_PARAMETER_BODY);
  g_assert_cmpstr (parameter->data_type, ==, "domain.zone.RecordCreate");
  body = ovh_api_route_dup_body_template (create);
  g_assert_cmpstr (body, ==,
                   "{\n  \"fieldType\" : \"\",\n  \"subDomain\" : \"\",\n  \"target\" : \"\",\n"
                   "  \"ttl\" : 0\n}");
  g_assert_null (ovh_api_route_dup_body_template (route));
}

static void
test_deprecated (void)
{
  g_autoptr (OvhApiSchema) me = load ("me");
  GListModel *routes = ovh_api_schema_get_routes (me);
  guint n_deprecated = 0;
  gboolean replacement = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr (OvhApiRoute) route = g_list_model_get_item (routes, i);

      if (ovh_api_route_get_status (route) != OVH_API_STATUS_DEPRECATED)
        continue;
      n_deprecated++;
      g_assert_cmpstr (ovh_api_route_get_status_text (route), ==, "Deprecated, will be removed");
      g_assert_nonnull (ovh_api_route_get_deletion_date (route));
      replacement |= g_strcmp0 (ovh_api_route_get_replacement (route), "/me/payment/method") == 0;
    }
  g_assert_cmpuint (n_deprecated, >, 0);
  g_assert_true (replacement);
}

static void
test_build_path (void)
{
  g_autoptr (OvhApiSchema) domain = load ("domain");
  OvhApiRoute *route = ovh_api_schema_find_route (domain, "GET", "/domain/zone/{zoneName}/record");
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;

  missing = ovh_api_route_build_path (route, values, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (missing);
  g_assert_cmpstr (error->message, ==, "Enter a value for zoneName");
  g_clear_error (&error);

  /* A "/" in a value cannot reach another route; empty query parameters are left out. */
  g_hash_table_insert (values, "zoneName", "a/b?.fr");
  g_hash_table_insert (values, "fieldType", "TXT");
  g_hash_table_insert (values, "subDomain", "");
  path = ovh_api_route_build_path (route, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "/domain/zone/a%2Fb%3F.fr/record?fieldType=TXT");
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "", NULL },
    { "{\"apis\": [", NULL },
    { "[]", "The API description is not valid: /: not an object" },
    { "{}", "The API description is not valid: /: “apis” is missing" },
    { "{\"apis\": {}}", "The API description is not valid: /: “apis” is not a list" },
    { "{\"apis\": [1]}", "The API description is not valid: apis[0]: not an object" },
    { "{\"apis\": [{\"operations\": []}]}",
      "The API description is not valid: apis[0]: “path” is missing" },
    { "{\"apis\": [{\"path\": \"domain\", \"operations\": []}]}",
      "The API description is not valid: apis[0]: “domain” is not an API path" },
    { "{\"apis\": [{\"path\": \"/a\", \"operations\": [{}]}]}",
      "The API description is not valid: apis[0].operations[0]: “httpMethod” is missing" },
    { "{\"apis\": [{\"path\": \"/a\", \"operations\": [{\"httpMethod\": \"GET /x\"}]}]}",
      "The API description is not valid: apis[0].operations[0]: “GET /x” is not an HTTP method" },
    { "{\"apis\": [{\"path\": \"/a\", \"operations\": [{\"httpMethod\": 1}]}]}",
      "The API description is not valid: apis[0].operations[0]: “httpMethod” is not text" },
    { "{\"apis\": [{\"path\": \"/a\", \"operations\": [{\"httpMethod\": \"GET\", "
      "\"parameters\": [{\"paramType\": \"header\", \"name\": \"x\"}]}]}]}",
      "The API description is not valid: apis[0].operations[0].parameters[0]: unknown paramType "
      "“header”" },
    { "{\"apis\": [{\"path\": \"/a\", \"operations\": [{\"httpMethod\": \"GET\", "
      "\"parameters\": [{\"paramType\": \"query\"}]}]}]}",
      "The API description is not valid: apis[0].operations[0].parameters[0]: “name” is missing" },
    { "{\"apis\": [{\"path\": \"/a\", \"operations\": [{\"httpMethod\": \"GET\", "
      "\"parameters\": [{\"paramType\": \"query\", \"name\": \"x\", \"required\": \"yes\"}]}]}]}",
      "The API description is not valid: apis[0].operations[0].parameters[0]: “required” is not "
      "true or false" },
    { "{\"apis\": [], \"models\": []}", "The API description is not valid: /: “models” is not an "
                                        "object" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhApiSchema) schema
          = ovh_api_schema_new_from_data ("x", cases[i].json, strlen (cases[i].json), &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (schema);
      g_assert_error (error, OVH_API_SCHEMA_ERROR, OVH_API_SCHEMA_ERROR_INVALID);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        g_assert_true (g_str_has_prefix (error->message, "The API description is not valid: "));
    }

  /* Nested far deeper than any schema: refused before the JSON reader recurses. */
  {
    g_autoptr (GString) deep = g_string_new ("{\"apis\": ");
    g_autoptr (GError) error = NULL;
    g_autoptr (OvhApiSchema) schema = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    schema = ovh_api_schema_new_from_data ("x", deep->str, deep->len, &error);
    g_assert_null (schema);
    g_assert_error (error, OVH_API_SCHEMA_ERROR, OVH_API_SCHEMA_ERROR_INVALID);
  }
}

static void
test_products (void)
{
  const char *text = "{\"apiVersion\": \"1.0\", \"apis\": ["
                     "{\"path\": \"/me\", \"schema\": \"/me.{format}\", \"description\": \"Me\"},"
                     "{\"path\": \"/domain\", \"schema\": \"/domain.{format}\"},"
                     "{\"path\": \"/vps\"}]}";
  g_autoptr (JsonNode) root = json_from_string (text, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) products = ovh_api_products_from_json (root, &error);
  const OvhApiProduct *product;
  g_autoptr (JsonNode) bad = json_from_string ("{\"apis\": [{\"path\": \"/a/b\"}]}", NULL);
  g_autoptr (GPtrArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 3);
  product = g_ptr_array_index (products, 0);
  g_assert_cmpstr (product->name, ==, "domain");
  g_assert_cmpstr (product->path, ==, "/domain");
  g_assert_cmpstr (product->schema_path, ==, "/domain.json");
  g_assert_cmpstr (product->description, ==, "");
  product = g_ptr_array_index (products, 1);
  g_assert_cmpstr (product->name, ==, "me");
  g_assert_cmpstr (product->description, ==, "Me");
  product = g_ptr_array_index (products, 2);
  g_assert_cmpstr (product->schema_path, ==, "/vps.json");

  none = ovh_api_products_from_json (bad, &error);
  g_assert_null (none);
  g_assert_error (error, OVH_API_SCHEMA_ERROR, OVH_API_SCHEMA_ERROR_INVALID);
}

static GPtrArray *
rules_new (const char *const *written)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_access_rule_free);

  for (guint i = 0; written[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (written[i], " ", 2);

      g_ptr_array_add (rules, ovh_access_rule_new (parts[0], parts[1]));
    }
  return rules;
}

static gboolean
allowed (OvhApiSchema *schema, GPtrArray *rules, const char *method, const char *path)
{
  OvhApiRoute *route = ovh_api_schema_find_route (schema, method, path);

  g_assert_nonnull (route);
  return ovh_api_route_is_allowed (route, rules);
}

static void
test_filter (void)
{
  g_autoptr (OvhApiSchema) domain = load ("domain");
  g_autoptr (OvhApiSchema) me = load ("me");
  g_autoptr (GPtrArray) read_only = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GPtrArray) full = ovh_access_preset_dup_rules (OVH_ACCESS_FULL);
  const char *const zone_rules[]
      = { "GET /domain/zone/lovelace.fr", "GET /domain/zone/lovelace.fr/*",
          "POST /domain/zone/lovelace.fr/refresh", NULL };
  g_autoptr (GPtrArray) zone = rules_new (zone_rules);
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (GPtrArray) allowed_routes = NULL;
  GListModel *routes = ovh_api_schema_get_routes (domain);

  /* Every route for a key with every right. */
  allowed_routes = ovh_api_schema_dup_allowed_routes (domain, full);
  g_assert_cmpuint (allowed_routes->len, ==, 110);
  g_clear_pointer (&allowed_routes, g_ptr_array_unref);
  allowed_routes = ovh_api_schema_dup_allowed_routes (domain, none);
  g_assert_cmpuint (allowed_routes->len, ==, 0);
  g_clear_pointer (&allowed_routes, g_ptr_array_unref);

  /* A read-only key: reads only. */
  allowed_routes = ovh_api_schema_dup_allowed_routes (domain, read_only);
  g_assert_cmpuint (allowed_routes->len, >, 20);
  for (guint i = 0; i < allowed_routes->len; i++)
    g_assert_cmpstr (ovh_api_route_get_method (g_ptr_array_index (allowed_routes, i)), ==, "GET");
  g_assert_true (allowed (domain, read_only, "GET", "/domain/zone/{zoneName}/record"));
  g_assert_false (allowed (domain, read_only, "POST", "/domain/zone/{zoneName}/record"));
  g_assert_true (allowed (me, read_only, "GET", "/me"));
  g_assert_false (allowed (me, read_only, "GET", "/me/bill"));

  /* A key limited to one zone may call that zone's routes, for that zone. */
  g_assert_true (allowed (domain, zone, "GET", "/domain/zone/{zoneName}"));
  g_assert_true (allowed (domain, zone, "GET", "/domain/zone/{zoneName}/record/{id}"));
  g_assert_true (allowed (domain, zone, "POST", "/domain/zone/{zoneName}/refresh"));
  g_assert_false (allowed (domain, zone, "POST", "/domain/zone/{zoneName}/record"));
  g_assert_false (allowed (domain, zone, "GET", "/domain/zone"));
  g_assert_false (allowed (domain, zone, "GET", "/domain/{serviceName}"));

  /* For a path without parameters, the same answer as ovh_access_rules_allow(). */
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr (OvhApiRoute) route = g_list_model_get_item (routes, i);
      const char *path = ovh_api_route_get_path (route);

      if (strchr (path, '{') != NULL)
        continue;
      g_assert_cmpint (ovh_api_route_is_allowed (route, read_only), ==,
                       ovh_access_rules_allow (read_only, ovh_api_route_get_method (route), path));
      g_assert_cmpint (ovh_api_route_is_allowed (route, zone), ==,
                       ovh_access_rules_allow (zone, ovh_api_route_get_method (route), path));
    }
}

static void
test_search (void)
{
  g_autoptr (OvhApiSchema) domain = load ("domain");
  OvhApiRoute *route
      = ovh_api_schema_find_route (domain, "POST", "/domain/zone/{zoneName}/refresh");

  g_assert_true (ovh_api_route_matches_search (route, NULL));
  g_assert_true (ovh_api_route_matches_search (route, "refresh"));
  g_assert_true (ovh_api_route_matches_search (route, "post /domain/zone"));
  g_assert_true (ovh_api_route_matches_search (route, "refresh a dns"));
  g_assert_false (ovh_api_route_matches_search (route, "dnssec"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api-schema/counts", test_counts);
  g_test_add_func ("/api-schema/known-route", test_known_route);
  g_test_add_func ("/api-schema/deprecated", test_deprecated);
  g_test_add_func ("/api-schema/build-path", test_build_path);
  g_test_add_func ("/api-schema/malformed", test_malformed);
  g_test_add_func ("/api-schema/products", test_products);
  g_test_add_func ("/api-schema/filter", test_filter);
  g_test_add_func ("/api-schema/search", test_search);

  return g_test_run ();
}
