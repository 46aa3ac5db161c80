/* ovh-http-private.c: the HTTP side of OvhClient's calls: URLs, response headers, answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-http-private.h"
#include "ovh-json-private.h"

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
  g_autoptr (GError) parse_error = NULL;
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  JsonNode *node;

  if (length == 0)
    return json_node_new (JSON_NODE_NULL);

  node = ovh_json_parse (data, length, &parse_error);
  if (node == NULL)
    {
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                   /* Translators: %s says what is wrong, e.g. “The JSON document is empty” */
                   _ ("The OVHcloud API sent an answer that is not valid JSON: %s"),
                   parse_error->message);
      return NULL;
    }

  return node;
}

/* Less than this in one deadline is no progress: a byte every few seconds never ends. */
#define MIN_PROGRESS_BYTES 512
#define READ_CHUNK_SIZE 65536

typedef struct
{
  SoupSession *session;
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *buffer;
  guint stall_seconds;
  guint64 max_size;
  /* Every I/O of the exchange runs under io_cancellable, which the caller's cancellable and
   * the watchdog both cancel: libsoup 3 has no other way to abort a message. */
  GCancellable *io_cancellable;
  GCancellable *cancellable;
  gulong cancelled_id;
  GSource *watchdog;
  guint64 received;
  guint64 received_at_last_check;
  gboolean stalled;
} Exchange;

static void
exchange_free (Exchange *exchange)
{
  g_assert (exchange->watchdog == NULL && exchange->cancelled_id == 0);
  g_clear_object (&exchange->session);
  g_clear_object (&exchange->message);
  g_clear_object (&exchange->stream);
  g_clear_pointer (&exchange->buffer, g_byte_array_unref);
  g_clear_object (&exchange->io_cancellable);
  g_clear_object (&exchange->cancellable);
  g_free (exchange);
}

/* Ends the exchange (error or bytes, exactly one of them) and drops the task's reference. */
static void
exchange_return (GTask *task, GError *error, GBytes *bytes)
{
  Exchange *exchange = g_task_get_task_data (task);

  if (exchange->watchdog != NULL)
    {
      g_source_destroy (exchange->watchdog);
      g_clear_pointer (&exchange->watchdog, g_source_unref);
    }
  if (exchange->cancelled_id != 0)
    {
      g_cancellable_disconnect (exchange->cancellable, exchange->cancelled_id);
      exchange->cancelled_id = 0;
    }
  /* libsoup closes a stream by reading the rest of the answer, which may never end: the
   * cancelled I/O makes it give up at once and drop the connection. */
  if (error != NULL)
    g_cancellable_cancel (exchange->io_cancellable);
  if (exchange->stream != NULL)
    g_input_stream_close (exchange->stream, exchange->io_cancellable, NULL);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  g_object_unref (task);
}

static GError *
exchange_stalled_error (Exchange *exchange)
{
  return g_error_new (OVH_ERROR, OVH_ERROR_NETWORK,
                      /* Translators: %u is a number of seconds */
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The OVHcloud API stopped answering: nothing came in %u second",
                                   "The OVHcloud API stopped answering: nothing came in %u seconds",
                                   exchange->stall_seconds),
                      exchange->stall_seconds);
}

static GError *
exchange_too_big_error (Exchange *exchange)
{
  g_autofree char *size = g_format_size (exchange->max_size);

  return g_error_new (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                      /* Translators: %s is a size such as “128.0 MB” */
                      _ ("The OVHcloud API sent an answer larger than %s"), size);
}

/* The error of a failed I/O: ours when the watchdog stopped it, else the transport's. */
static GError *
exchange_io_error (Exchange *exchange, GError *error)
{
  if (exchange->stalled
      || (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) && exchange->stall_seconds > 0))
    {
      g_error_free (error);
      return exchange_stalled_error (exchange);
    }
  return error;
}

static gboolean
exchange_on_watchdog (gpointer user_data)
{
  GTask *task = user_data;
  Exchange *exchange = g_task_get_task_data (task);

  if (exchange->received - exchange->received_at_last_check < MIN_PROGRESS_BYTES)
    {
      exchange->stalled = TRUE;
      g_cancellable_cancel (exchange->io_cancellable);
      g_clear_pointer (&exchange->watchdog, g_source_unref);
      return G_SOURCE_REMOVE;
    }

  exchange->received_at_last_check = exchange->received;
  return G_SOURCE_CONTINUE;
}

static void
exchange_on_cancelled (GCancellable *cancellable, gpointer user_data)
{
  GCancellable *io_cancellable = user_data;

  g_cancellable_cancel (io_cancellable);
}

static void exchange_read_next (GTask *task);

static void
exchange_on_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr (GBytes) chunk = NULL;
  GError *error = NULL;
  gsize length;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      exchange_return (task, exchange_io_error (exchange, error), NULL);
      return;
    }

  length = g_bytes_get_size (chunk);
  if (length == 0)
    {
      exchange_return (task, NULL,
                       g_byte_array_free_to_bytes (g_steal_pointer (&exchange->buffer)));
      return;
    }

  exchange->received += length;
  if (exchange->received > exchange->max_size)
    {
      exchange_return (task, exchange_too_big_error (exchange), NULL);
      return;
    }

  g_byte_array_append (exchange->buffer, g_bytes_get_data (chunk, NULL), (guint) length);
  exchange_read_next (task);
}

static void
exchange_read_next (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (exchange->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   exchange->io_cancellable, exchange_on_read, task);
}

static GError *
exchange_redirect_error (Exchange *exchange, guint status)
{
  const char *location = soup_message_headers_get_one (
      soup_message_get_response_headers (exchange->message), "Location");
  g_autofree char *base = g_uri_to_string (soup_message_get_uri (exchange->message));
  g_autofree char *target
      = location != NULL ? g_uri_resolve_relative (base, location, G_URI_FLAGS_NONE, NULL) : NULL;

  if (target == NULL && location != NULL)
    target = g_strdup (location);
  if (target == NULL)
    return g_error_new (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                        /* Translators: %u is an HTTP status code such as 302 */
                        _ ("The OVHcloud API answered with a redirection (HTTP %u), which is "
                           "not followed"),
                        status);

  return g_error_new (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                      /* Translators: %s is a web address; the request is not sent there */
                      _ ("The OVHcloud API redirected the request to %s, which is not followed"),
                      target);
}

static void
exchange_on_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  GError *error = NULL;
  goffset content_length;
  guint status;

  exchange->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (exchange->stream == NULL)
    {
      exchange_return (task, exchange_io_error (exchange, error), NULL);
      return;
    }

  status = soup_message_get_status (exchange->message);
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      exchange_return (task, exchange_redirect_error (exchange, status), NULL);
      return;
    }

  content_length = soup_message_headers_get_content_length (
      soup_message_get_response_headers (exchange->message));
  if (content_length > 0 && (guint64) content_length > exchange->max_size)
    {
      exchange_return (task, exchange_too_big_error (exchange), NULL);
      return;
    }

  exchange->buffer = g_byte_array_sized_new ((guint) MIN (content_length, 1 << 20));
  exchange_read_next (task);
}

void
ovh_http_send_async (SoupSession *session,
                     SoupMessage *message,
                     guint stall_seconds,
                     guint64 max_size,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  GTask *task = g_task_new (session, NULL, callback, user_data);
  Exchange *exchange = g_new0 (Exchange, 1);

  g_task_set_source_tag (task, ovh_http_send_async);
  exchange->session = g_object_ref (session);
  exchange->message = g_object_ref (message);
  exchange->stall_seconds = stall_seconds;
  exchange->max_size = MIN (max_size, G_MAXUINT);
  exchange->io_cancellable = g_cancellable_new ();
  g_task_set_task_data (task, exchange, (GDestroyNotify) exchange_free);

  /* The request's signature is for the API alone: another origin never sees it. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  if (cancellable != NULL)
    {
      exchange->cancellable = g_object_ref (cancellable);
      exchange->cancelled_id
          = g_cancellable_connect (cancellable, G_CALLBACK (exchange_on_cancelled),
                                   g_object_ref (exchange->io_cancellable), g_object_unref);
    }

  if (stall_seconds > 0)
    {
      exchange->watchdog = g_timeout_source_new (MIN (stall_seconds, G_MAXUINT / 1000) * 1000);
      g_source_set_callback (exchange->watchdog, exchange_on_watchdog, task, NULL);
      g_source_attach (exchange->watchdog, g_task_get_context (task));
    }

  soup_session_send_async (session, message, G_PRIORITY_DEFAULT, exchange->io_cancellable,
                           exchange_on_sent, task);
}

GBytes *
ovh_http_send_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
