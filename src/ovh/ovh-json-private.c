/* ovh-json-private.c: reading OVH's JSON with one rule everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"

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
