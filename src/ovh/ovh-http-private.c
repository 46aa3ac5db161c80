/* ovh-http-private.c: the HTTP side of OvhClient's calls: URLs, response headers, answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-http-private.h"

char *
ovh_http_build_url (const char *base_url, const char *path)
{
  /* "/v1/…" and "/v2/…" replace the "/1.0" suffix of the endpoint. */
  if ((g_str_has_prefix (path, "/v1/") || g_str_has_prefix (path, "/v2/"))
      && g_str_has_suffix (base_url, "/1.0"))
    return g_strdup_printf ("%.*s%s", (int) (strlen (base_url) - 4), base_url, path);

  return g_strconcat (base_url, path, NULL);
}

GHashTable *
ovh_http_collect_response_headers (SoupMessage *message)
{
  GHashTable *headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;

  soup_message_headers_iter_init (&iter, soup_message_get_response_headers (message));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (headers, g_ascii_strdown (name, -1), g_strdup (value));
  return headers;
}

/* Retry-After in seconds or as an HTTP date; -1 when absent or unreadable. */
gint64
ovh_http_parse_retry_after (SoupMessage *message)
{
  const char *value;
  guint64 seconds;

  if (message == NULL)
    return -1;

  value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");
  if (value == NULL)
    return -1;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;
  else
    {
      g_autoptr (GDateTime) when = soup_date_time_new_from_http_string (value);
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

      if (when == NULL)
        return -1;
      return MAX (0, g_date_time_difference (when, now) / G_USEC_PER_SEC);
    }
}

JsonNode *
ovh_http_parse_json_answer (GBytes *bytes, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) parse_error = NULL;
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error)
      || json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                           _ ("The OVHcloud API sent an answer that is not valid JSON"));
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}
