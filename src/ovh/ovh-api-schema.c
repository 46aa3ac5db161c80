/* ovh-api-schema.c: the API's description of itself, GET /1.0/ and GET /1.0/{product}.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-api-schema.h"
#include "ovh-json-private.h"

/* Longer than any route OVH has (about 120 bytes), far from what would hurt. */
#define MAX_PATH_LENGTH 2048

struct _OvhApiSchema
{
  GObject parent_instance;

  char *product;
  char *api_version;
  char *base_path;
  GListStore *routes;
};

G_DEFINE_FINAL_TYPE (OvhApiSchema, ovh_api_schema, G_TYPE_OBJECT)

G_DEFINE_QUARK (ovh - api - schema - error - quark, ovh_api_schema_error)

G_DEFINE_BOXED_TYPE (OvhApiProduct, ovh_api_product, ovh_api_product_copy, ovh_api_product_free)

OvhApiProduct *
ovh_api_product_copy (const OvhApiProduct *product)
{
  OvhApiProduct *copy = g_new0 (OvhApiProduct, 1);

  copy->name = g_strdup (product->name);
  copy->path = g_strdup (product->path);
  copy->schema_path = g_strdup (product->schema_path);
  copy->description = g_strdup (product->description);
  return copy;
}

void
ovh_api_product_free (OvhApiProduct *product)
{
  if (product == NULL)
    return;
  g_free (product->name);
  g_free (product->path);
  g_free (product->schema_path);
  g_free (product->description);
  g_free (product);
}

/* Reading -------------------------------------------------------------------------------------- */

G_GNUC_PRINTF (3, 4)
static void
set_invalid (GError **error, const char *where, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: the first %s says where in the document ("apis[3].operations[0]"), the
   * second what is wrong there */
  g_set_error (error, OVH_API_SCHEMA_ERROR, OVH_API_SCHEMA_ERROR_INVALID,
               _ ("The API description is not valid: %s: %s"), where, message);
}

/* A member that is absent or null is missing (an error when required); another type is an
 * error. *out is borrowed from object. */
static gboolean
read_string (JsonObject *object,
             const char *member,
             gboolean required,
             const char **out,
             const char *where,
             GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        set_invalid (error, where, _ ("“%s” is missing"), member);
      return !required;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_invalid (error, where, _ ("“%s” is not text"), member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  if (!g_utf8_validate (*out, -1, NULL))
    {
      set_invalid (error, where, _ ("“%s” is not text"), member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_boolean (
    JsonObject *object, const char *member, gboolean *out, const char *where, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_invalid (error, where, _ ("“%s” is not true or false"), member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_container (JsonObject *object,
                const char *member,
                gboolean required,
                JsonNodeType type,
                JsonNode **out,
                const char *where,
                GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        set_invalid (error, where, _ ("“%s” is missing"), member);
      return !required;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      set_invalid (error, where,
                   type == JSON_NODE_ARRAY ? _ ("“%s” is not a list") : _ ("“%s” is not an object"),
                   member);
      return FALSE;
    }
  *out = node;
  return TRUE;
}

static JsonObject *
element_object (JsonArray *array, guint index, const char *where, GError **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, where, _ ("not an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
is_method (const char *method)
{
  gsize length = strlen (method);

  if (length == 0 || length > 16)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (method[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_path (const char *path)
{
  if (path[0] != '/' || strlen (path) > MAX_PATH_LENGTH)
    return FALSE;
  for (const char *p = path; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == '?' || *p == '#' || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static OvhApiParameter *
read_parameter (JsonObject *object, const char *where, GError **error)
{
  g_autoptr (OvhApiParameter) parameter = g_new0 (OvhApiParameter, 1);
  const char *name, *data_type, *full_type, *description, *location;

  if (!read_string (object, "paramType", TRUE, &location, where, error)
      || !read_string (object, "name", FALSE, &name, where, error)
      || !read_string (object, "dataType", FALSE, &data_type, where, error)
      || !read_string (object, "fullType", FALSE, &full_type, where, error)
      || !read_string (object, "description", FALSE, &description, where, error)
      || !read_boolean (object, "required", &parameter->required, where, error))
    return NULL;

  if (g_str_equal (location, "path"))
    parameter->location = OVH_API_PARAMETER_PATH;
  else if (g_str_equal (location, "query"))
    parameter->location = OVH_API_PARAMETER_QUERY;
  else if (g_str_equal (location, "body"))
    parameter->location = OVH_API_PARAMETER_BODY;
  else
    {
      set_invalid (error, where, _ ("unknown paramType “%s”"), location);
      return NULL;
    }
  /* Only a body parameter may be the whole body, without a name. */
  if ((name == NULL || *name == '\0') && parameter->location != OVH_API_PARAMETER_BODY)
    {
      set_invalid (error, where, _ ("“%s” is missing"), "name");
      return NULL;
    }

  parameter->name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  parameter->data_type = g_strdup (data_type != NULL ? data_type : "");
  parameter->full_type = g_strdup (full_type != NULL ? full_type : parameter->data_type);
  parameter->description = g_strdup (description != NULL ? description : "");
  return g_steal_pointer (&parameter);
}

static OvhApiRoute *
read_operation (const char *product,
                const char *path,
                JsonObject *object,
                JsonObject *models,
                const char *where,
                GError **error)
{
  g_autoptr (GPtrArray) parameters
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_api_parameter_free);
  const char *method, *description, *response_type;
  gboolean no_authentication;
  JsonNode *status = NULL;
  JsonNode *list = NULL;

  if (!read_string (object, "httpMethod", TRUE, &method, where, error)
      || !read_string (object, "description", FALSE, &description, where, error)
      || !read_string (object, "responseType", FALSE, &response_type, where, error)
      || !read_boolean (object, "noAuthentication", &no_authentication, where, error)
      || !read_container (object, "apiStatus", FALSE, JSON_NODE_OBJECT, &status, where, error)
      || !read_container (object, "parameters", FALSE, JSON_NODE_ARRAY, &list, where, error))
    return NULL;
  if (!is_method (method))
    {
      set_invalid (error, where, _ ("“%s” is not an HTTP method"), method);
      return NULL;
    }

  for (guint i = 0; list != NULL && i < json_array_get_length (json_node_get_array (list)); i++)
    {
      g_autofree char *inner = g_strdup_printf ("%s.parameters[%u]", where, i);
      JsonObject *element = element_object (json_node_get_array (list), i, inner, error);
      OvhApiParameter *parameter;

      if (element == NULL || (parameter = read_parameter (element, inner, error)) == NULL)
        return NULL;
      g_ptr_array_add (parameters, parameter);
    }

  return ovh_api_route_new (product, method, path, description, response_type, no_authentication,
                            status != NULL ? json_node_get_object (status) : NULL,
                            g_steal_pointer (&parameters), models);
}

static gboolean
read_api (
    OvhApiSchema *self, JsonObject *api, JsonObject *models, const char *where, GError **error)
{
  const char *path;
  JsonNode *operations;
  JsonArray *array;

  if (!read_string (api, "path", TRUE, &path, where, error)
      || !read_container (api, "operations", TRUE, JSON_NODE_ARRAY, &operations, where, error))
    return FALSE;
  if (!is_path (path))
    {
      set_invalid (error, where, _ ("“%s” is not an API path"), path);
      return FALSE;
    }

  array = json_node_get_array (operations);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *inner = g_strdup_printf ("%s.operations[%u]", where, i);
      JsonObject *element = element_object (array, i, inner, error);
      g_autoptr (OvhApiRoute) route = NULL;

      if (element == NULL
          || (route = read_operation (self->product, path, element, models, inner, error)) == NULL)
        return FALSE;
      g_list_store_append (self->routes, route);
    }
  return TRUE;
}

OvhApiSchema *
ovh_api_schema_new_from_json (const char *product, JsonNode *root, GError **error)
{
  g_autoptr (OvhApiSchema) self = NULL;
  JsonObject *object;
  JsonNode *apis, *models = NULL;
  const char *api_version, *base_path, *resource_path;
  JsonArray *array;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, "/", _ ("not an object"));
      return NULL;
    }
  object = json_node_get_object (root);
  if (!read_string (object, "apiVersion", FALSE, &api_version, "/", error)
      || !read_string (object, "basePath", FALSE, &base_path, "/", error)
      || !read_string (object, "resourcePath", FALSE, &resource_path, "/", error)
      || !read_container (object, "apis", TRUE, JSON_NODE_ARRAY, &apis, "/", error)
      || !read_container (object, "models", FALSE, JSON_NODE_OBJECT, &models, "/", error))
    return NULL;

  self = g_object_new (OVH_TYPE_API_SCHEMA, NULL);
  if (product != NULL)
    self->product = g_strdup (product);
  else if (resource_path != NULL && resource_path[0] == '/' && resource_path[1] != '\0')
    self->product = g_strdup (resource_path + 1);
  else
    self->product = g_strdup ("");
  self->api_version = g_strdup (api_version);
  self->base_path = g_strdup (base_path);

  array = json_node_get_array (apis);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("apis[%u]", i);
      JsonObject *api = element_object (array, i, where, error);

      if (api == NULL
          || !read_api (self, api, models != NULL ? json_node_get_object (models) : NULL, where,
                        error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/* The JSON reader's errors, in the schema's words. */
static JsonNode *
parse (const char *data, gsize length, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  JsonNode *root = ovh_json_parse (data, length, &local_error);

  if (root == NULL)
    /* Translators: %s says what is wrong with the JSON */
    g_set_error (error, OVH_API_SCHEMA_ERROR, OVH_API_SCHEMA_ERROR_INVALID,
                 _ ("The API description is not valid: %s"), local_error->message);
  return root;
}

OvhApiSchema *
ovh_api_schema_new_from_data (const char *product, const char *data, gsize length, GError **error)
{
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  root = parse (data != NULL ? data : "", length, error);
  return root != NULL ? ovh_api_schema_new_from_json (product, root, error) : NULL;
}

static int
compare_products (gconstpointer a, gconstpointer b)
{
  const OvhApiProduct *first = *(OvhApiProduct *const *) a;
  const OvhApiProduct *second = *(OvhApiProduct *const *) b;

  return g_strcmp0 (first->name, second->name);
}

GPtrArray *
ovh_api_products_from_json (JsonNode *root, GError **error)
{
  g_autoptr (GPtrArray) products
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_api_product_free);
  JsonNode *apis;
  JsonArray *array;

  g_return_val_if_fail (root != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, "/", _ ("not an object"));
      return NULL;
    }
  if (!read_container (json_node_get_object (root), "apis", TRUE, JSON_NODE_ARRAY, &apis, "/",
                       error))
    return NULL;

  array = json_node_get_array (apis);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("apis[%u]", i);
      JsonObject *api = element_object (array, i, where, error);
      g_autoptr (OvhApiProduct) product = NULL;
      const char *path, *schema, *description;

      if (api == NULL || !read_string (api, "path", TRUE, &path, where, error)
          || !read_string (api, "schema", FALSE, &schema, where, error)
          || !read_string (api, "description", FALSE, &description, where, error))
        return NULL;
      if (!is_path (path) || strchr (path + 1, '/') != NULL || path[1] == '\0')
        {
          set_invalid (error, where, _ ("“%s” is not an API path"), path);
          return NULL;
        }

      product = g_new0 (OvhApiProduct, 1);
      product->path = g_strdup (path);
      product->name = g_strdup (path + 1);
      product->description = g_strdup (description != NULL ? description : "");
      /* "/domain.{format}", as OVH writes it; anything else that is a path is taken as is. */
      if (schema != NULL && g_str_has_suffix (schema, ".{format}") && schema[0] == '/')
        product->schema_path
            = g_strdup_printf ("%.*s.json", (int) (strlen (schema) - strlen (".{format}")), schema);
      else if (schema != NULL && is_path (schema))
        product->schema_path = g_strdup (schema);
      else
        product->schema_path = g_strconcat (path, ".json", NULL);
      g_ptr_array_add (products, g_steal_pointer (&product));
    }
  g_ptr_array_sort (products, compare_products);
  return g_steal_pointer (&products);
}

/* Accessors ---------------------------------------------------------------------------------- */

const char *
ovh_api_schema_get_product (OvhApiSchema *self)
{
  g_return_val_if_fail (OVH_IS_API_SCHEMA (self), NULL);
  return self->product;
}

const char *
ovh_api_schema_get_api_version (OvhApiSchema *self)
{
  g_return_val_if_fail (OVH_IS_API_SCHEMA (self), NULL);
  return self->api_version;
}

const char *
ovh_api_schema_get_base_path (OvhApiSchema *self)
{
  g_return_val_if_fail (OVH_IS_API_SCHEMA (self), NULL);
  return self->base_path;
}

GListModel *
ovh_api_schema_get_routes (OvhApiSchema *self)
{
  g_return_val_if_fail (OVH_IS_API_SCHEMA (self), NULL);
  return G_LIST_MODEL (self->routes);
}

OvhApiRoute *
ovh_api_schema_find_route (OvhApiSchema *self, const char *method, const char *path)
{
  guint n;

  g_return_val_if_fail (OVH_IS_API_SCHEMA (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhApiRoute) route = g_list_model_get_item (G_LIST_MODEL (self->routes), i);

      if (g_ascii_strcasecmp (ovh_api_route_get_method (route), method) == 0
          && g_str_equal (ovh_api_route_get_path (route), path))
        return route; /* the store keeps it alive */
    }
  return NULL;
}

GPtrArray *
ovh_api_schema_dup_allowed_routes (OvhApiSchema *self, GPtrArray *rules)
{
  GPtrArray *allowed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (OVH_IS_API_SCHEMA (self), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->routes));
  for (guint i = 0; i < n; i++)
    {
      OvhApiRoute *route = g_list_model_get_item (G_LIST_MODEL (self->routes), i);

      if (ovh_api_route_is_allowed (route, rules))
        g_ptr_array_add (allowed, route);
      else
        g_object_unref (route);
    }
  return allowed;
}

/* Fetching ----------------------------------------------------------------------------------- */

static void
products_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  GPtrArray *products;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  products = ovh_api_products_from_json (root, &error);
  if (products == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, products, (GDestroyNotify) g_ptr_array_unref);
}

void
ovh_api_products_fetch_async (OvhClient *client,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_api_products_fetch_async);
  ovh_client_call_async (client, "GET", "/", NULL, OVH_CALL_UNSIGNED, cancellable,
                         products_fetched_cb, task);
}

GPtrArray *
ovh_api_products_fetch_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_api_products_fetch_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
schema_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  OvhApiSchema *schema;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  schema = ovh_api_schema_new_from_json (g_task_get_task_data (task), root, &error);
  if (schema == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, schema, g_object_unref);
}

void
ovh_api_schema_fetch_async (OvhClient *client,
                            const OvhApiProduct *product,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (product != NULL && product->schema_path != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_api_schema_fetch_async);
  g_task_set_task_data (task, g_strdup (product->name), g_free);
  ovh_client_call_async (client, "GET", product->schema_path, NULL, OVH_CALL_UNSIGNED, cancellable,
                         schema_fetched_cb, task);
}

OvhApiSchema *
ovh_api_schema_fetch_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_api_schema_fetch_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
ovh_api_schema_finalize (GObject *object)
{
  OvhApiSchema *self = OVH_API_SCHEMA (object);

  g_free (self->product);
  g_free (self->api_version);
  g_free (self->base_path);
  g_clear_object (&self->routes);
  G_OBJECT_CLASS (ovh_api_schema_parent_class)->finalize (object);
}

static void
ovh_api_schema_class_init (OvhApiSchemaClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_api_schema_finalize;
}

static void
ovh_api_schema_init (OvhApiSchema *self)
{
  self->routes = g_list_store_new (OVH_TYPE_API_ROUTE);
}
