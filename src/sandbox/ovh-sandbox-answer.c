/* ovh-sandbox-answer.c: how the sandbox answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's clock and its dates, OVH's two shapes of error, JSON answers, the request's
 * query, headers and body, and lists with their pagination.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-json-private.h"
#include "ovh-sandbox-private.h"

gint64
sandbox_now (OvhSandbox *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

char *
sandbox_format_date (gint64 unix_time)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S+00:00");
}

void
sandbox_set_date_or_null (JsonObject *object, const char *member, gint64 unix_time)
{
  g_autofree char *date = NULL;

  if (unix_time == 0)
    {
      json_object_set_null_member (object, member);
      return;
    }
  date = sandbox_format_date (unix_time);
  json_object_set_string_member (object, member, date);
}

JsonNode *
sandbox_node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
sandbox_node_for_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

void
sandbox_call_reply (SandboxCall *call, guint status, JsonNode *reply)
{
  g_clear_pointer (&call->reply, json_node_unref);
  g_clear_pointer (&call->raw_reply, g_free);
  call->status = status;
  call->reply = reply;
}

/* OVH's gateway errors: {"errorCode","httpCode","message"}. */
void
sandbox_call_auth_error (SandboxCall *call,
                         guint status,
                         const char *error_code,
                         const char *message)
{
  JsonObject *object = json_object_new ();
  g_autofree char *http_code = g_strdup_printf ("%u %s", status,
                                                status == SANDBOX_STATUS_TOO_MANY_REQUESTS
                                                    ? "Too Many Requests"
                                                    : soup_status_get_phrase (status));

  json_object_set_string_member (object, "errorCode", error_code);
  json_object_set_string_member (object, "httpCode", http_code);
  json_object_set_string_member (object, "message", message);
  sandbox_call_reply (call, status, sandbox_node_for_object (object));
}

void
sandbox_call_error (SandboxCall *call, guint status, const char *message_format, ...)
{
  JsonObject *object = json_object_new ();
  g_autofree char *message = NULL;
  const char *class;
  va_list args;

  va_start (args, message_format);
  message = g_strdup_vprintf (message_format, args);
  va_end (args);

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
      class = "Client::NotFound";
      break;
    case SOUP_STATUS_CONFLICT:
      class = "Client::Conflict";
      break;
    case SOUP_STATUS_FORBIDDEN:
      class = "Client::Forbidden";
      break;
    default:
      class = "Client::BadRequest";
      break;
    }

  json_object_set_string_member (object, "class", class);
  json_object_set_string_member (object, "message", message);
  sandbox_call_reply (call, status, sandbox_node_for_object (object));
}

void
sandbox_call_not_found_route (SandboxCall *call)
{
  sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "Got an invalid (or empty) URL");
}

void
sandbox_call_html (SandboxCall *call, guint status, char *html)
{
  sandbox_call_reply (call, status, NULL);
  call->raw_reply = html;
  call->content_type = "text/html; charset=utf-8";
}

const char *
sandbox_call_query (SandboxCall *call, const char *name)
{
  const char *value = call->query != NULL ? g_hash_table_lookup (call->query, name) : NULL;

  return value != NULL && value[0] != '\0' ? value : NULL;
}

const char *
sandbox_call_header (SandboxCall *call, const char *name)
{
  if (call->request_headers == NULL)
    return NULL;
  return soup_message_headers_get_one (call->request_headers, name);
}

/* The request body as a JSON object, or NULL after answering 400. */
JsonObject *
sandbox_call_body_object (SandboxCall *call, JsonNode **out_node)
{
  /* Bounded before parsing: json-glib would overflow the stack on deep nesting. */
  g_autoptr (JsonNode) root
      = call->body_length > 0 ? ovh_json_parse (call->body, call->body_length, NULL) : NULL;

  if (ovh_json_node_get_object (root) == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid JSON received");
      return NULL;
    }

  *out_node = g_steal_pointer (&root);
  return json_node_get_object (*out_node);
}

static gboolean
body_has_nul (const char *body, gsize length)
{
  if (memchr (body, '\0', length) != NULL)
    return TRUE;
  for (gsize i = 0; i + 1 < length; i++)
    if (body[i] == '\\')
      {
        if (body[i + 1] == 'u' && i + 5 < length && strncmp (body + i + 2, "0000", 4) == 0)
          return TRUE;
        i++; /* the escaped character, so that "\\u0000" is text */
      }
  return FALSE;
}

gboolean
sandbox_request_is_acceptable (SandboxCall *call)
{
  if (call->body_length > SANDBOX_BODY_MAX)
    {
      sandbox_call_error (call, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
      return FALSE;
    }
  if (call->body_length > 0 && body_has_nul (call->body, call->body_length))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid JSON received");
      return FALSE;
    }
  return TRUE;
}

gboolean
sandbox_parse_id (const char *text, gint64 *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* Optional string member: absent or null → fallback; another type → error. */
gboolean
sandbox_member_string (JsonObject *object, const char *name, const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  /* json-glib takes "\\NNN" octal escapes as raw bytes: what is not text is not a string. */
  if (json_node_get_value_type (node) != G_TYPE_STRING
      || !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
sandbox_member_uint (JsonObject *object, const char *name, guint *value)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 number;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  number = json_node_get_int (node);
  if (number < 0 || number > G_MAXINT32)
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

#define PAGINATION_MODE "CachedObjectList-Pages"

void
sandbox_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* The page that X-Pagination-Size and -Number ask for, in [*first, *end), and the headers that
 * say it; FALSE after answering a header that is not a number. */
static gboolean
select_page (SandboxCall *call, guint n_items, guint64 *first, guint64 *end)
{
  SoupMessageHeaders *headers = call->response_headers;
  const char *size_header = sandbox_call_header (call, "X-Pagination-Size");
  const char *number_header = sandbox_call_header (call, "X-Pagination-Number");
  guint64 size = n_items;
  guint64 number = 1;
  char text[32];

  if (size_header != NULL
      && (!g_ascii_string_to_unsigned (size_header, 10, 1, G_MAXUINT32, &size, NULL)))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid X-Pagination-Size");
      return FALSE;
    }
  if (number_header != NULL
      && (!g_ascii_string_to_unsigned (number_header, 10, 1, G_MAXUINT32, &number, NULL)))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid X-Pagination-Number");
      return FALSE;
    }

  *first = (number - 1) * size;
  *end = MIN ((guint64) n_items, *first + size);
  g_snprintf (text, sizeof text, "%u", n_items);
  soup_message_headers_replace (headers, "X-Pagination-Elements", text);
  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, size);
  soup_message_headers_replace (headers, "X-Pagination-Size", text);
  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, number);
  soup_message_headers_replace (headers, "X-Pagination-Number", text);
  soup_message_headers_replace (headers, "X-Pagination-Mode", PAGINATION_MODE);
  return TRUE;
}

/* X-Pagination-Mode: CachedObjectList-Pages → the page's objects and X-Pagination-Elements;
 * otherwise the keys. With expanded lists switched off the headers are ignored. A page written
 * by write_object goes out as text, without a JSON tree of thousands of objects. */
void
sandbox_reply_list (SandboxCall *call,
                    GPtrArray *items,
                    SandboxItemToJson to_key,
                    SandboxItemToJson to_object,
                    SandboxItemWrite write_object)
{
  const char *mode = sandbox_call_header (call, "X-Pagination-Mode");
  JsonArray *array;

  if (call->self->expanded_lists && mode != NULL && g_str_equal (mode, PAGINATION_MODE))
    {
      guint64 first, end;

      if (!select_page (call, items->len, &first, &end))
        return;
      if (write_object != NULL)
        {
          GString *text = g_string_sized_new (64 + 160 * (end > first ? end - first : 0));

          g_string_append_c (text, '[');
          for (guint64 i = first; i < end; i++)
            {
              if (i > first)
                g_string_append_c (text, ',');
              write_object (call, g_ptr_array_index (items, i), text);
            }
          g_string_append_c (text, ']');
          sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
          call->raw_reply = g_string_free (text, FALSE);
          call->content_type = "application/json; charset=utf-8";
          return;
        }
      array = json_array_new ();
      for (guint64 i = first; i < end; i++)
        json_array_add_element (array, to_object (call, g_ptr_array_index (items, i)));
    }
  else
    {
      array = json_array_new ();
      for (guint i = 0; i < items->len; i++)
        json_array_add_element (array, to_key (call, g_ptr_array_index (items, i)));
    }

  sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (array));
}
