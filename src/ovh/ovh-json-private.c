/* ovh-json-private.c: reading OVH's JSON with one rule everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"

gboolean
ovh_json_check_bounds (const char *data, gsize length, GError **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint64 values = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > OVH_JSON_MAX_DEPTH)
            {
              /* Translators: %d is a number of levels, e.g. 64 */
              g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                           _ ("The JSON document is nested more than %d levels deep"),
                           OVH_JSON_MAX_DEPTH);
              return FALSE;
            }
          values++;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        case ',':
          /* Every value but the first of a container follows a comma. */
          values++;
          break;
        default:
          break;
        }

      if (values > OVH_JSON_MAX_VALUES)
        {
          /* Translators: %d is a number of values, e.g. 2000000 */
          g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                       _ ("The JSON document holds more than %d values"), OVH_JSON_MAX_VALUES);
          return FALSE;
        }
    }

  return TRUE;
}

JsonNode *
ovh_json_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) parse_error = NULL;

  if (length > G_MAXSSIZE)
    length = G_MAXSSIZE;
  if (!ovh_json_check_bounds (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, parse_error->message);
      return NULL;
    }
  /* A blank document (or only a comment) loads fine and has no root. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                           _ ("The JSON document is empty"));
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

JsonObject *
ovh_json_node_get_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
ovh_json_node_get_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
holds (JsonNode *node, GType value_type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == value_type;
}

/* json-glib 1.6 takes "\NNN" octal escapes as raw bytes: a string may hold anything. */
static const char *
node_get_any_string (JsonNode *node)
{
  return holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

const char *
ovh_json_node_get_string (JsonNode *node)
{
  const char *value = node_get_any_string (node);

  return value != NULL && g_utf8_validate (value, -1, NULL) ? value : NULL;
}

gboolean
ovh_json_node_get_int64 (JsonNode *node, gint64 *out)
{
  *out = 0;
  if (!holds (node, G_TYPE_INT64))
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

const char *
ovh_json_lookup_string (JsonObject *object, const char *member)
{
  return ovh_json_node_get_string (json_object_get_member (object, member));
}

/* The member's node, or NULL when it is missing ("absent or null"), with an error if it is
 * required. *done tells the caller to return at once, with *done_value. */
static JsonNode *
get_present (JsonObject *object,
             const char *member,
             OvhJsonFlags flags,
             gboolean *done_value,
             GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    return node;

  if (flags & OVH_JSON_REQUIRED)
    {
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is missing"), member);
      *done_value = FALSE;
    }
  else
    *done_value = TRUE;
  return NULL;
}

gboolean
ovh_json_read_string (
    JsonObject *object, const char *member, OvhJsonFlags flags, const char **out, GError **error)
{
  gboolean result;
  JsonNode *node;
  const char *value;

  *out = NULL;
  if ((node = get_present (object, member, flags, &result, error)) == NULL)
    return result;
  if ((value = node_get_any_string (node)) == NULL)
    {
      /* Translators: %s is the name of a member of OVH's JSON answer, e.g. “fieldType” */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not a string"),
                   member);
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL))
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not valid text"),
                   member);
      return FALSE;
    }

  if ((flags & OVH_JSON_NON_EMPTY) && value[0] == '\0')
    {
      if (flags & OVH_JSON_REQUIRED)
        {
          /* Translators: %s is the name of a member of OVH's JSON answer */
          g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is empty"), member);
          return FALSE;
        }
      return TRUE;
    }

  *out = value;
  return TRUE;
}

gboolean
ovh_json_read_int64 (
    JsonObject *object, const char *member, OvhJsonFlags flags, gint64 *out, GError **error)
{
  gboolean result;
  JsonNode *node;

  *out = 0;
  if ((node = get_present (object, member, flags, &result, error)) == NULL)
    return result;
  if (!ovh_json_node_get_int64 (node, out))
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not a whole number"),
                   member);
      return FALSE;
    }
  return TRUE;
}

gboolean
ovh_json_read_uint (JsonObject *object,
                    const char *member,
                    OvhJsonFlags flags,
                    guint64 max,
                    guint64 *out,
                    GError **error)
{
  gint64 value;

  *out = 0;
  if (!ovh_json_read_int64 (object, member, flags, &value, error))
    return FALSE;
  if (value < 0 || (guint64) value > max)
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is out of range"),
                   member);
      return FALSE;
    }

  *out = (guint64) value;
  return TRUE;
}

gboolean
ovh_json_read_boolean (
    JsonObject *object, const char *member, OvhJsonFlags flags, gboolean *out, GError **error)
{
  gboolean result;
  JsonNode *node;

  *out = FALSE;
  if ((node = get_present (object, member, flags, &result, error)) == NULL)
    return result;
  if (!holds (node, G_TYPE_BOOLEAN))
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not true or false"),
                   member);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
ovh_json_read_array (
    JsonObject *object, const char *member, OvhJsonFlags flags, JsonArray **out, GError **error)
{
  gboolean result;
  JsonNode *node;

  *out = NULL;
  if ((node = get_present (object, member, flags, &result, error)) == NULL)
    return result;
  if ((*out = ovh_json_node_get_array (node)) == NULL)
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not a list"), member);
      return FALSE;
    }
  return TRUE;
}

gboolean
ovh_json_read_object (
    JsonObject *object, const char *member, OvhJsonFlags flags, JsonObject **out, GError **error)
{
  gboolean result;
  JsonNode *node;

  *out = NULL;
  if ((node = get_present (object, member, flags, &result, error)) == NULL)
    return result;
  if ((*out = ovh_json_node_get_object (node)) == NULL)
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not an object"),
                   member);
      return FALSE;
    }
  return TRUE;
}

gboolean
ovh_json_read_date (
    JsonObject *object, const char *member, OvhJsonFlags flags, GDateTime **out, GError **error)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  const char *text;

  *out = NULL;
  if (!ovh_json_read_string (object, member, flags, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (strchr (text, 'T') == NULL)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);

      *out = g_date_time_new_from_iso8601 (midnight, utc);
    }
  else
    *out = g_date_time_new_from_iso8601 (text, utc);

  if (*out == NULL)
    {
      /* Translators: %s is the name of a member of OVH's JSON answer */
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, _ ("“%s” is not a date"), member);
      return FALSE;
    }
  return TRUE;
}
