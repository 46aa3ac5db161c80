/* ovh-api-route.c: one operation of the OVH API as its schema describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ovh-access-rules.h"
#include "ovh-api-route.h"

/* Nested models in a body template stop here: OVH's models may refer to themselves. */
#define BODY_TEMPLATE_MAX_DEPTH 4

struct _OvhApiRoute
{
  GObject parent_instance;

  char *product;
  char *method;
  char *path;
  char *description;
  char *response_type;
  gboolean no_authentication;
  OvhApiStatus status;
  char *status_text;
  char *deprecated_date;
  char *deletion_date;
  char *replacement;
  GPtrArray *parameters;
  JsonObject *models;
  char *search_text; /* lower case, made on first search */
};

G_DEFINE_FINAL_TYPE (OvhApiRoute, ovh_api_route, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (OvhApiParameter,
                     ovh_api_parameter,
                     ovh_api_parameter_copy,
                     ovh_api_parameter_free)

enum
{
  PROP_0,
  PROP_PRODUCT,
  PROP_METHOD,
  PROP_PATH,
  PROP_DESCRIPTION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

OvhApiParameter *
ovh_api_parameter_copy (const OvhApiParameter *parameter)
{
  OvhApiParameter *copy = g_new0 (OvhApiParameter, 1);

  copy->name = g_strdup (parameter->name);
  copy->data_type = g_strdup (parameter->data_type);
  copy->full_type = g_strdup (parameter->full_type);
  copy->description = g_strdup (parameter->description);
  copy->location = parameter->location;
  copy->required = parameter->required;
  return copy;
}

void
ovh_api_parameter_free (OvhApiParameter *parameter)
{
  if (parameter == NULL)
    return;
  g_free (parameter->name);
  g_free (parameter->data_type);
  g_free (parameter->full_type);
  g_free (parameter->description);
  g_free (parameter);
}

static const char *
member_string (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static int
compare_locations (gconstpointer a, gconstpointer b)
{
  const OvhApiParameter *first = *(OvhApiParameter *const *) a;
  const OvhApiParameter *second = *(OvhApiParameter *const *) b;

  return (int) first->location - (int) second->location;
}

OvhApiRoute *
ovh_api_route_new (const char *product,
                   const char *method,
                   const char *path,
                   const char *description,
                   const char *response_type,
                   gboolean no_authentication,
                   JsonObject *status,
                   GPtrArray *parameters,
                   JsonObject *models)
{
  OvhApiRoute *self = g_object_new (OVH_TYPE_API_ROUTE, NULL);
  const char *value = member_string (status, "value");

  self->product = g_strdup (product);
  self->method = g_ascii_strup (method, -1);
  self->path = g_strdup (path);
  self->description = g_strdup (description != NULL ? description : "");
  self->response_type = g_strdup (response_type);
  self->no_authentication = no_authentication;
  if (g_strcmp0 (value, "PRODUCTION") == 0 || value == NULL)
    self->status = OVH_API_STATUS_PRODUCTION;
  else if (g_str_equal (value, "BETA"))
    self->status = OVH_API_STATUS_BETA;
  else if (g_str_equal (value, "ALPHA"))
    self->status = OVH_API_STATUS_ALPHA;
  else if (g_str_equal (value, "DEPRECATED"))
    self->status = OVH_API_STATUS_DEPRECATED;
  else
    self->status = OVH_API_STATUS_OTHER;
  self->status_text = g_strdup (member_string (status, "description"));
  if (self->status_text == NULL)
    self->status_text = g_strdup (value);
  self->deprecated_date = g_strdup (member_string (status, "deprecatedDate"));
  self->deletion_date = g_strdup (member_string (status, "deletionDate"));
  self->replacement = g_strdup (member_string (status, "replacement"));
  self->parameters = parameters;
  /* Stable: the schema's order within each location. */
  g_ptr_array_sort (self->parameters, compare_locations);
  self->models = models != NULL ? json_object_ref (models) : NULL;
  return self;
}

const char *
ovh_api_route_get_product (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->product;
}

const char *
ovh_api_route_get_method (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->method;
}

const char *
ovh_api_route_get_path (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->path;
}

const char *
ovh_api_route_get_description (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->description;
}

const char *
ovh_api_route_get_response_type (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->response_type;
}

gboolean
ovh_api_route_get_no_authentication (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), FALSE);
  return self->no_authentication;
}

OvhApiStatus
ovh_api_route_get_status (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), OVH_API_STATUS_OTHER);
  return self->status;
}

const char *
ovh_api_route_get_status_text (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->status_text;
}

const char *
ovh_api_route_get_deprecated_date (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->deprecated_date;
}

const char *
ovh_api_route_get_deletion_date (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->deletion_date;
}

const char *
ovh_api_route_get_replacement (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->replacement;
}

GPtrArray *
ovh_api_route_get_parameters (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);
  return self->parameters;
}

gboolean
ovh_api_route_has_body (OvhApiRoute *self)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), FALSE);

  for (guint i = 0; i < self->parameters->len; i++)
    if (((OvhApiParameter *) g_ptr_array_index (self->parameters, i))->location
        == OVH_API_PARAMETER_BODY)
      return TRUE;
  return FALSE;
}

/* Access rules ------------------------------------------------------------------------------ */

/* The route's path as units: a byte, or -1 for a {parameter} (one or more bytes, no "/"). */
static GArray *
path_units (const char *path)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (int));

  for (const char *p = path; *p != '\0'; p++)
    {
      int unit = (guchar) *p;
      const char *close;

      if (*p == '{' && (close = strchr (p, '}')) != NULL)
        {
          unit = -1;
          p = close;
        }
      g_array_append_val (units, unit);
    }
  return units;
}

/* Whether some path the units describe equals text (prefix FALSE) or starts with it. Memo
 * over (unit, byte, inside a parameter that already took a byte). */
static gboolean
units_match (GArray *units, const char *text, gsize length, gboolean prefix)
{
  gsize n = units->len;
  g_autofree guint8 *reached = g_malloc0 ((n + 1) * (length + 1) * 2);
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (gsize));

#define STATE(u, p, k) (((u) * (length + 1) + (p)) * 2 + (k))
#define PUSH(u, p, k)                   \
  G_STMT_START                          \
  {                                     \
    gsize s_ = STATE (u, p, k);         \
    if (!reached[s_])                   \
      {                                 \
        reached[s_] = 1;                \
        g_array_append_val (stack, s_); \
      }                                 \
  }                                     \
  G_STMT_END

  PUSH (0, 0, 0);
  while (stack->len > 0)
    {
      gsize state = g_array_index (stack, gsize, stack->len - 1);
      gsize k = state % 2;
      gsize p = (state / 2) % (length + 1);
      gsize u = (state / 2) / (length + 1);
      int unit;

      g_array_set_size (stack, stack->len - 1);
      if (p == length && (prefix || (u == n && k == 0)))
        return TRUE;
      if (u == n)
        continue;
      unit = g_array_index (units, int, u);
      if (unit >= 0)
        {
          if (p < length && (guchar) text[p] == unit)
            PUSH (u + 1, p + 1, 0);
          continue;
        }
      /* A parameter takes one more byte, or ends once it took one. */
      if (p < length && text[p] != '/')
        PUSH (u, p + 1, 1);
      if (k == 1)
        PUSH (u + 1, p, 0);
    }
#undef PUSH
#undef STATE
  return FALSE;
}

gboolean
ovh_api_route_is_allowed (OvhApiRoute *self, GPtrArray *rules)
{
  g_autoptr (GArray) units = NULL;

  g_return_val_if_fail (OVH_IS_API_ROUTE (self), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (strchr (self->path, '{') == NULL)
    return ovh_access_rules_allow (rules, self->method, self->path);

  units = path_units (self->path);
  for (guint i = 0; i < rules->len; i++)
    {
      const OvhAccessRule *rule = g_ptr_array_index (rules, i);
      gsize length;
      gboolean prefix;

      if (rule->method == NULL || rule->path == NULL
          || g_ascii_strcasecmp (rule->method, self->method) != 0)
        continue;
      /* As ovh_access_rule_matches(): a trailing "*" matches any rest, the query is not
       * part of the path. */
      length = strcspn (rule->path, "?");
      prefix = length > 0 && rule->path[length - 1] == '*';
      if (prefix)
        length--;
      if (units_match (units, rule->path, length, prefix))
        return TRUE;
    }
  return FALSE;
}

gboolean
ovh_api_route_matches_search (OvhApiRoute *self, const char *text)
{
  g_return_val_if_fail (OVH_IS_API_ROUTE (self), FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;
  if (self->search_text == NULL)
    {
      g_autofree char *joined = g_strjoin (" ", self->method, self->path, self->description, NULL);

      self->search_text = g_utf8_strdown (joined, -1);
    }
  return strstr (self->search_text, text) != NULL;
}

/* Paths ------------------------------------------------------------------------------------- */

char *
ovh_api_route_build_path (OvhApiRoute *self, GHashTable *values, GError **error)
{
  g_autoptr (GString) path = g_string_new (NULL);
  gboolean first_query = TRUE;

  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);

  for (const char *p = self->path; *p != '\0'; p++)
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      g_autofree char *name = NULL;
      g_autofree char *escaped = NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append_c (path, *p);
          continue;
        }
      name = g_strndup (p + 1, close - p - 1);
      value = values != NULL ? g_hash_table_lookup (values, name) : NULL;
      if (value == NULL || *value == '\0')
        {
          /* Translators: %s is the name of a parameter of an API route ("zoneName") */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _ ("Enter a value for %s"),
                       name);
          return NULL;
        }
      escaped = g_uri_escape_string (value, NULL, FALSE);
      g_string_append (path, escaped);
      p = close;
    }

  for (guint i = 0; i < self->parameters->len; i++)
    {
      const OvhApiParameter *parameter = g_ptr_array_index (self->parameters, i);
      const char *value;
      g_autofree char *escaped_name = NULL;
      g_autofree char *escaped_value = NULL;

      if (parameter->location != OVH_API_PARAMETER_QUERY || parameter->name == NULL)
        continue;
      value = values != NULL ? g_hash_table_lookup (values, parameter->name) : NULL;
      if (value == NULL || *value == '\0')
        continue;
      escaped_name = g_uri_escape_string (parameter->name, NULL, FALSE);
      escaped_value = g_uri_escape_string (value, NULL, FALSE);
      g_string_append_printf (path, "%c%s=%s", first_query ? '?' : '&', escaped_name,
                              escaped_value);
      first_query = FALSE;
    }
  return g_string_free (g_steal_pointer (&path), FALSE);
}

/* Body templates ---------------------------------------------------------------------------- */

static void
add_empty_value (JsonBuilder *builder, JsonObject *models, const char *type, guint depth);

static void
add_model_members (JsonBuilder *builder, JsonObject *model, JsonObject *models, guint depth)
{
  JsonNode *node = json_object_get_member (model, "properties");
  JsonObject *members
      = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr (GList) names = members != NULL ? json_object_get_members (members) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (members, l->data);
      JsonObject *property = JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
      JsonNode *read_only = property != NULL ? json_object_get_member (property, "readOnly") : NULL;

      if (property == NULL)
        continue;
      /* What the API sets itself has no place in what is sent. */
      if (read_only != NULL && JSON_NODE_HOLDS_VALUE (read_only)
          && json_node_get_value_type (read_only) == G_TYPE_BOOLEAN
          && json_node_get_boolean (read_only))
        continue;
      json_builder_set_member_name (builder, l->data);
      add_empty_value (builder, models,
                       member_string (property, "fullType") != NULL
                           ? member_string (property, "fullType")
                           : member_string (property, "type"),
                       depth + 1);
    }
}

static void
add_empty_value (JsonBuilder *builder, JsonObject *models, const char *type, guint depth)
{
  static const char *const numbers[] = { "long", "int", "double", "float", "decimal", NULL };
  JsonNode *node;
  JsonObject *model;

  if (type == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  if (g_str_has_suffix (type, "[]"))
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      return;
    }
  if (g_strv_contains (numbers, type))
    {
      json_builder_add_int_value (builder, 0);
      return;
    }
  if (g_str_equal (type, "boolean"))
    {
      json_builder_add_boolean_value (builder, FALSE);
      return;
    }
  if (g_str_has_prefix (type, "map["))
    {
      json_builder_begin_object (builder);
      json_builder_end_object (builder);
      return;
    }

  node
      = models != NULL && strchr (type, '.') != NULL ? json_object_get_member (models, type) : NULL;
  model = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (model != NULL && json_object_has_member (model, "properties"))
    {
      if (depth >= BODY_TEMPLATE_MAX_DEPTH)
        {
          json_builder_add_null_value (builder);
          return;
        }
      json_builder_begin_object (builder);
      add_model_members (builder, model, models, depth);
      json_builder_end_object (builder);
      return;
    }
  /* Strings, dates, addresses, enumerations and anything unknown are written as text. */
  json_builder_add_string_value (builder, "");
}

char *
ovh_api_route_dup_body_template (OvhApiRoute *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  gboolean has_body = FALSE;
  gboolean named = FALSE;

  g_return_val_if_fail (OVH_IS_API_ROUTE (self), NULL);

  for (guint i = 0; i < self->parameters->len; i++)
    {
      const OvhApiParameter *parameter = g_ptr_array_index (self->parameters, i);

      if (parameter->location != OVH_API_PARAMETER_BODY)
        continue;
      if (parameter->name == NULL)
        {
          /* Named members already are the body. */
          if (named)
            continue;
          /* The whole body, which may be a bare value: json-glib 1.6 builds values only inside
           * a container, so it is built in an array and taken out of it below. */
          json_builder_begin_array (builder);
          add_empty_value (
              builder, self->models,
              parameter->full_type != NULL ? parameter->full_type : parameter->data_type, 0);
          json_builder_end_array (builder);
          has_body = TRUE;
          break;
        }
      if (!named)
        json_builder_begin_object (builder);
      named = TRUE;
      json_builder_set_member_name (builder, parameter->name);
      add_empty_value (builder, self->models,
                       parameter->full_type != NULL ? parameter->full_type : parameter->data_type,
                       1);
    }
  if (named)
    json_builder_end_object (builder);
  if (!has_body && !named)
    return NULL;

  root = json_builder_get_root (builder);
  if (has_body)
    {
      JsonNode *body = json_node_copy (json_array_get_element (json_node_get_array (root), 0));

      json_node_unref (root);
      root = body;
    }
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* GObject ----------------------------------------------------------------------------------- */

static void
ovh_api_route_finalize (GObject *object)
{
  OvhApiRoute *self = OVH_API_ROUTE (object);

  g_free (self->product);
  g_free (self->method);
  g_free (self->path);
  g_free (self->description);
  g_free (self->response_type);
  g_free (self->status_text);
  g_free (self->deprecated_date);
  g_free (self->deletion_date);
  g_free (self->replacement);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_clear_pointer (&self->models, json_object_unref);
  g_free (self->search_text);
  G_OBJECT_CLASS (ovh_api_route_parent_class)->finalize (object);
}

static void
ovh_api_route_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhApiRoute *self = OVH_API_ROUTE (object);

  switch (prop_id)
    {
    case PROP_PRODUCT:
      g_value_set_string (value, self->product);
      break;
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_api_route_class_init (OvhApiRouteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_api_route_finalize;
  object_class->get_property = ovh_api_route_get_property;

  properties[PROP_PRODUCT] = g_param_spec_string ("product", NULL, NULL, NULL, flags);
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_STATUS]
      = g_param_spec_int ("status", NULL, NULL, OVH_API_STATUS_PRODUCTION, OVH_API_STATUS_OTHER,
                          OVH_API_STATUS_PRODUCTION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_api_route_init (OvhApiRoute *self)
{
}
