/* domaine-api-snippets.c: a call of the console written for curl or python-ovh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "domaine-api-snippets.h"
#include "ovh-endpoint.h"

/* 'text' for a POSIX shell: single quotes, each one inside written '\''. */
static void
append_shell_quoted (GString *out, const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\'')
      g_string_append (out, "'\\''");
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '\'');
}

/* The body as sent: compact JSON, so that the signed bytes are the ones curl sends. */
static char *
compact_body (const char *body)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (body != NULL ? body : ""));

  if (*trimmed == '\0')
    return NULL;
  node = json_from_string (trimmed, NULL);
  return node != NULL ? json_to_string (node, FALSE) : g_strdup (body);
}

char *
domaine_api_snippet_curl (const char *base_url,
                          const char *method,
                          const char *path,
                          const char *body)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autofree char *time_url = g_strconcat (base_url, "/auth/time", NULL);
  g_autofree char *compact = compact_body (body);
  g_autofree char *upper = g_ascii_strup (method, -1);

  g_string_append (out, "# Keys from the environment: OVH_APPLICATION_KEY, "
                        "OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY\n");
  g_string_append (out, "METHOD=");
  append_shell_quoted (out, upper);
  g_string_append (out, "\nURL=");
  append_shell_quoted (out, url);
  g_string_append (out, "\nBODY=");
  append_shell_quoted (out, compact != NULL ? compact : "");
  g_string_append (out, "\nTIMESTAMP=$(curl -s ");
  append_shell_quoted (out, time_url);
  g_string_append (out, ")\n");
  g_string_append (out,
                   "SIGNATURE='$1$'$(printf '%s' "
                   "\"$OVH_APPLICATION_SECRET+$OVH_CONSUMER_KEY+$METHOD+$URL+$BODY+$TIMESTAMP\""
                   " | sha1sum | cut -d' ' -f1)\n");
  g_string_append (out, "curl -X \"$METHOD\" \"$URL\" \\\n"
                        "  -H \"X-Ovh-Application: $OVH_APPLICATION_KEY\" \\\n"
                        "  -H \"X-Ovh-Consumer: $OVH_CONSUMER_KEY\" \\\n"
                        "  -H \"X-Ovh-Timestamp: $TIMESTAMP\" \\\n"
                        "  -H \"X-Ovh-Signature: $SIGNATURE\"");
  if (compact != NULL)
    g_string_append (out, " \\\n  -H 'Content-Type: application/json' \\\n  --data \"$BODY\"");
  g_string_append_c (out, '\n');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A JSON value as a Python literal. */
static void
append_python (GString *out, JsonNode *node, guint indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "None");
      return;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            append_python (out, json_array_get_element (array, i), indent);
          }
        g_string_append_c (out, ']');
        return;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) names = json_object_get_members (object);

        if (names == NULL)
          {
            g_string_append (out, "{}");
            return;
          }
        g_string_append (out, "{\n");
        for (GList *l = names; l != NULL; l = l->next)
          {
            g_autoptr (JsonNode) key = json_node_init_string (json_node_alloc (), l->data);
            g_autofree char *quoted = json_to_string (key, FALSE);

            g_string_append_printf (out, "%*s%s: ", indent + 4, "", quoted);
            append_python (out, json_object_get_member (object, l->data), indent + 4);
            g_string_append (out, ",\n");
          }
        g_string_append_printf (out, "%*s}", indent, "");
        return;
      }
    case JSON_NODE_VALUE:
    default:
      break;
    }
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "True" : "False");
  else
    {
      /* Strings and numbers: JSON's escapes are Python's. */
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (out, text);
    }
}

char *
domaine_api_snippet_python (const char *base_url,
                            const char *method,
                            const char *path,
                            const char *body)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *lower = g_ascii_strdown (method, -1);
  g_autofree char *compact = compact_body (body);
  g_autoptr (JsonNode) path_node = json_node_init_string (json_node_alloc (), path);
  g_autofree char *quoted_path = json_to_string (path_node, FALSE);
  const OvhEndpoint *endpoint = ovh_endpoint_lookup (base_url);
  g_autoptr (JsonNode) node = compact != NULL ? json_from_string (compact, NULL) : NULL;

  g_string_append (out, "import json\n\nimport ovh\n\n");
  if (endpoint != NULL)
    g_string_append_printf (out,
                            "# Keys from ovh.conf or OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET "
                            "and OVH_CONSUMER_KEY\nclient = ovh.Client(endpoint=\"%s\")\n",
                            endpoint->id);
  else
    /* An address python-ovh has no name for: OVH_ENDPOINT or ovh.conf says where. */
    g_string_append_printf (out,
                            "# Endpoint (%s) and keys from ovh.conf or OVH_ENDPOINT, "
                            "OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY\n"
                            "client = ovh.Client()\n",
                            base_url);

  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Keyword arguments are an object's members: anything else goes through call(). */
      g_string_append_printf (out, "result = client.call(\"%s\", %s, ", method, quoted_path);
      append_python (out, node, 0);
      g_string_append (out, ")\n");
    }
  else if (node != NULL && json_object_get_size (json_node_get_object (node)) > 0)
    {
      g_string_append_printf (out, "result = client.%s(%s, **", lower, quoted_path);
      append_python (out, node, 0);
      g_string_append (out, ")\n");
    }
  else
    g_string_append_printf (out, "result = client.%s(%s)\n", lower, quoted_path);
  g_string_append (out, "print(json.dumps(result, indent=2))\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}
