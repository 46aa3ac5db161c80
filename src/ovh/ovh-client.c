/* ovh-client.c: signed, rate-limited, asynchronous calls to one OVH API endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ovh-client-private.h"
#include "ovh-endpoint.h"
#include "ovh-error.h"
#include "ovh-http-private.h"
#include "ovh-json-private.h"
#include "ovh-rate-limiter.h"
#include "ovh-signer.h"

#define DEFAULT_RATE_LIMIT 50
#define DEFAULT_TIMEOUT_SECONDS 30
/* The biggest real zones (100,000 records read with their values) are a few tens of MB. */
#define DEFAULT_MAX_ANSWER_SIZE (128 * 1024 * 1024)
#define DEFAULT_MAX_ATTEMPTS 3
#define DEFAULT_RETRY_BASE_DELAY_MS 1000
/* A server asking for a longer pause than this gets an error instead: the user is waiting. */
#define MAX_RETRY_AFTER_SECONDS 60

/* One /auth/time request in flight, shared by every call of one main context that needs
 * the clock before it can sign. The fetch holds a reference to each waiting task, and a task
 * joins and leaves the list only through call_wait_for_clock() and call_unpark(): a call that
 * ends while waiting (cancelled) is gone from the list before its task can be freed. */
typedef struct
{
  GMainContext *context;
  GPtrArray *waiters; /* GTask*, one reference each */
} ClockFetch;

struct _OvhClient
{
  GObject parent_instance;

  char *base_url;
  char *application_key;
  char *application_secret;
  char *consumer_key;
  GTlsDatabase *tls_database;
  guint timeout_seconds;
  guint64 max_answer_size;
  guint retry_delay_seconds;

  SoupSession *session;
  /* The blocking variant runs the same pipeline on a private context, with a session of
   * its own (created while that context is the thread default): libsoup 3.2 sessions are
   * not meant to be shared between main contexts, so no pooled connection ever is. */
  GMainContext *sync_context;
  SoupSession *sync_session;

  OvhRateLimiter *limiter;
  guint64 request_count;
  guint max_attempts;
  guint retry_base_delay_ms;

  gboolean has_time_offset;
  gint64 time_offset;
  guint clock_generation; /* bumped on every sync, so stale QUERY_TIME_OUTs don't re-sync */
  GPtrArray *clock_fetches;
};

G_DEFINE_FINAL_TYPE (OvhClient, ovh_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BASE_URL,
  PROP_APPLICATION_KEY,
  PROP_APPLICATION_SECRET,
  PROP_CONSUMER_KEY,
  PROP_TLS_DATABASE,
  PROP_RATE_LIMIT,
  PROP_TIMEOUT,
  PROP_MAX_ANSWER_SIZE,
  PROP_RETRY_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  CALL_IDLE,
  CALL_WAITING_FOR_CLOCK,
  CALL_SLEEPING,
  CALL_SENDING,
} CallState;

typedef void (*CallStep) (GTask *task);

typedef struct
{
  char *method;
  char *path;
  char *url;
  char *consumer_key;
  GBytes *body; /* serialised once: these bytes are signed and sent */
  GHashTable *request_headers;
  OvhCallFlags flags;

  GMainContext *context;
  SoupSession *session;
  SoupMessage *message;
  GHashTable *response_headers;

  CallState state;
  guint attempt;
  gboolean resynced;
  gboolean holds_token;
  guint clock_generation;
  ClockFetch *clock_fetch;
  GSource *sleep_source;
  GSource *cancel_source;
  CallStep after_sleep;
  gint64 sent_at_us;
  gboolean sets_retry_delay; /* this call's Retry-After is the one announced */

  /* The last exchange, for raw calls (ovh_client_call_get_exchange). */
  guint answer_status;
  GBytes *answer_bytes;
  char *answer_query_id;
  gint64 answer_duration_us;
} Call;

static void call_begin (GTask *task);
static void call_acquire_token (GTask *task);
static void call_resume (GTask *task);

static void
call_free (gpointer data)
{
  Call *call = data;

  g_assert (call->sleep_source == NULL);
  g_assert (call->cancel_source == NULL);
  g_assert (call->clock_fetch == NULL);

  g_free (call->method);
  g_free (call->path);
  g_free (call->url);
  g_free (call->consumer_key);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->request_headers, g_hash_table_unref);
  g_clear_pointer (&call->response_headers, g_hash_table_unref);
  g_clear_pointer (&call->context, g_main_context_unref);
  g_clear_object (&call->session);
  g_clear_object (&call->message);
  g_clear_pointer (&call->answer_bytes, g_bytes_unref);
  g_free (call->answer_query_id);
  g_free (call);
}

static void
clock_fetch_free (ClockFetch *fetch)
{
  g_assert (fetch->waiters->len == 0);
  g_main_context_unref (fetch->context);
  g_ptr_array_unref (fetch->waiters);
  g_free (fetch);
}

/* g_set_str() is GLib 2.76: newer than the Debian 12 floor. */
static gboolean
replace_string (char **dest, const char *value)
{
  if (g_strcmp0 (*dest, value) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (value);
  return TRUE;
}

static gboolean
call_is_signed (Call *call)
{
  return (call->flags & OVH_CALL_UNSIGNED) == 0;
}

static gboolean
call_is_retryable (Call *call, const GError *error)
{
  if ((call->flags & OVH_CALL_NO_RETRY) != 0)
    return FALSE;
  /* Reads, and any call refused by the rate limit (429: not carried out). A POST that timed
   * out may well have been applied: never again. */
  return g_str_equal (call->method, "GET")
         || g_error_matches (error, OVH_ERROR, OVH_ERROR_RATE_LIMITED);
}

/* Leaves whatever waiting state the call was in, so that it can move on (or end). The one way
 * out of every waiting state: the sources that point at the task are destroyed and the clock
 * fetch lets go of it here, before the pipeline drops its reference. */
static void
call_unpark (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  if (call->sleep_source != NULL)
    {
      g_source_destroy (call->sleep_source);
      g_clear_pointer (&call->sleep_source, g_source_unref);
    }
  if (call->cancel_source != NULL)
    {
      g_source_destroy (call->cancel_source);
      g_clear_pointer (&call->cancel_source, g_source_unref);
    }
  if (call->clock_fetch != NULL)
    {
      ClockFetch *fetch = g_steal_pointer (&call->clock_fetch);

      /* Drops the fetch's reference; the pipeline still holds its own. */
      if (!g_ptr_array_remove (fetch->waiters, task))
        g_assert_not_reached ();
    }
  call->state = CALL_IDLE;
}

static void
set_retry_delay (OvhClient *self, guint seconds)
{
  if (self->retry_delay_seconds == seconds)
    return;

  self->retry_delay_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_DELAY]);
}

/* The wait that the API asked for is over (or the call ended while waiting). */
static void
call_end_retry_delay (GTask *task)
{
  Call *call = g_task_get_task_data (task);

  if (call->sets_retry_delay)
    {
      call->sets_retry_delay = FALSE;
      set_retry_delay (g_task_get_source_object (task), 0);
    }
}

/* Ends the pipeline: the task's pipeline reference is dropped here and only here. */
static void
call_return_error (GTask *task, GError *error)
{
  Call *call = g_task_get_task_data (task);
  OvhClient *self = g_task_get_source_object (task);

  call_unpark (task);
  call_end_retry_delay (task);
  if (call->holds_token)
    {
      ovh_rate_limiter_release (self->limiter);
      call->holds_token = FALSE;
    }
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
call_return_node (GTask *task, JsonNode *node)
{
  call_unpark (task);
  call_end_retry_delay (task);
  g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
  g_object_unref (task);
}

static gboolean
call_on_cancelled (GCancellable *cancellable, gpointer user_data)
{
  GTask *task = user_data;

  call_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                _ ("The operation was cancelled")));
  return G_SOURCE_REMOVE;
}

/* Waiting states listen to the cancellable; sending relies on libsoup's own handling. */
static gboolean
call_park (GTask *task, CallState state)
{
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          call_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                        _ ("The operation was cancelled")));
          return FALSE;
        }
      call->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (call->cancel_source, G_SOURCE_FUNC (call_on_cancelled), task, NULL);
      g_source_attach (call->cancel_source, call->context);
    }
  call->state = state;
  return TRUE;
}

static gboolean
call_on_sleep_done (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);
  CallStep next = call->after_sleep;

  g_clear_pointer (&call->sleep_source, g_source_unref);
  call_unpark (task);
  next (task);
  return G_SOURCE_REMOVE;
}

static void
call_sleep (GTask *task, gint64 delay_us, CallStep next)
{
  Call *call = g_task_get_task_data (task);
  guint delay_ms = (guint) MIN ((delay_us + 999) / 1000, G_MAXUINT);

  if (!call_park (task, CALL_SLEEPING))
    return;

  call->after_sleep = next;
  call->sleep_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (call->sleep_source, call_on_sleep_done, task, NULL);
  g_source_attach (call->sleep_source, call->context);
}

/* Decides whether a failed attempt goes again; takes ownership of error either way. */
static void
call_retry_or_fail (GTask *task, GError *error)
{
  OvhClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  gint64 retry_after;
  gint64 delay_us;

  if (!call_is_retryable (call, error) || !ovh_error_is_transient (error)
      || call->attempt >= self->max_attempts)
    {
      call_return_error (task, error);
      return;
    }

  retry_after = ovh_http_parse_retry_after (call->message);
  if (retry_after > MAX_RETRY_AFTER_SECONDS)
    {
      g_autofree char *message
          /* Translators: %s is an error message, %d a number of seconds (more than 60) */
          = g_strdup_printf (_ ("%s (the API asks to wait %d seconds before trying again)"),
                             error->message, (int) MIN (retry_after, G_MAXINT));

      call_return_error (task, ovh_error_new_full (error->code, ovh_error_get_http_status (error),
                                                   ovh_error_get_error_code (error),
                                                   ovh_error_get_query_id (error), message));
      g_error_free (error);
      return;
    }

  if (retry_after > 0)
    {
      /* A wait of the server's choosing is long enough to tell the user about. */
      call->sets_retry_delay = TRUE;
      set_retry_delay (self, (guint) retry_after);
    }

  if (retry_after >= 0)
    delay_us = retry_after * G_USEC_PER_SEC;
  else
    {
      /* Exponential backoff with jitter, so that many clients don't come back in step. */
      gint64 base_us = (gint64) self->retry_base_delay_ms * 1000;

      delay_us = base_us << (call->attempt - 1);
      if (base_us > 0)
        delay_us += g_random_int_range (0, (gint32) MIN (base_us / 2 + 1, G_MAXINT32));
    }

  g_debug ("%s %s: attempt %u failed (%s), trying again in %" G_GINT64_FORMAT " ms", call->method,
           call->path, call->attempt, error->message, delay_us / 1000);
  g_error_free (error);
  call_sleep (task, delay_us, call_resume);
}

static void
call_on_answer (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  OvhClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr (GError) transport_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *query_id;
  double elapsed_ms;
  guint status;

  bytes = ovh_http_send_finish (result, &transport_error);
  call->state = CALL_IDLE;
  elapsed_ms = (g_get_monotonic_time () - call->sent_at_us) / 1000.0;

  if (bytes == NULL)
    {
      g_debug ("%s %s -> no answer after %.0f ms: %s", call->method, call->path, elapsed_ms,
               transport_error->message);
      /* Cancelled, or refused by the reader (redirect, too big, no progress): final. */
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || transport_error->domain == OVH_ERROR)
        call_return_error (task, g_steal_pointer (&transport_error));
      else
        call_retry_or_fail (task, ovh_error_new_from_transport (transport_error));
      return;
    }

  status = soup_message_get_status (call->message);
  query_id = soup_message_headers_get_one (soup_message_get_response_headers (call->message),
                                           "X-Ovh-QueryID");
  g_debug ("%s %s -> %u (query %s) in %.0f ms", call->method, call->path, status,
           query_id != NULL ? query_id : "none", elapsed_ms);

  g_clear_pointer (&call->response_headers, g_hash_table_unref);
  call->response_headers = ovh_http_collect_response_headers (call->message);
  call->answer_status = status;
  g_clear_pointer (&call->answer_bytes, g_bytes_unref);
  call->answer_bytes = g_bytes_ref (bytes);
  g_free (call->answer_query_id);
  call->answer_query_id = g_strdup (query_id);
  call->answer_duration_us = g_get_monotonic_time () - call->sent_at_us;

  if (SOUP_STATUS_IS_SUCCESSFUL (status) && (call->flags & OVH_CALL_BODY_UNREAD) != 0)
    {
      call_return_node (task, json_node_new (JSON_NODE_NULL));
      return;
    }
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr (GError) error = NULL;
      JsonNode *node = ovh_http_parse_json_answer (bytes, &error);

      if (node == NULL)
        {
          call_return_error (task, ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, status, NULL,
                                                       query_id, error->message));
          return;
        }
      call_return_node (task, node);
      return;
    }
  else
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);
      GError *error = ovh_error_new_from_response (status, data, length, query_id);

      /* The server's clock moved (or ours did): learn it again, once, and say it again. */
      if (g_error_matches (error, OVH_ERROR, OVH_ERROR_QUERY_TIME_OUT) && call_is_signed (call)
          && !call->resynced)
        {
          g_debug ("%s %s: query out of time, synchronising the clock again", call->method,
                   call->path);
          call->resynced = TRUE;
          if (call->clock_generation == self->clock_generation)
            self->has_time_offset = FALSE;
          g_error_free (error);
          call_begin (task);
          return;
        }

      call_retry_or_fail (task, error);
    }
}

static void
call_send (GTask *task)
{
  OvhClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autoptr (SoupMessage) message = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      call_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                    _ ("The operation was cancelled")));
      return;
    }

  message = soup_message_new (call->method, call->url);
  if (message == NULL)
    {
      call_return_error (task, g_error_new (OVH_ERROR, OVH_ERROR_FAILED,
                                            /* Translators: %s is a web address */
                                            _ ("“%s” is not a valid API address"), call->url));
      return;
    }

  headers = soup_message_get_request_headers (message);
  if (call->request_headers != NULL)
    {
      GHashTableIter iter;
      gpointer name, value;

      g_hash_table_iter_init (&iter, call->request_headers);
      while (g_hash_table_iter_next (&iter, &name, &value))
        soup_message_headers_replace (headers, name, value);
    }
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "X-Ovh-Application", self->application_key);

  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", call->body);

  if (call_is_signed (call))
    {
      g_autofree char *signed_url = g_uri_to_string (soup_message_get_uri (message));
      g_autofree char *signature = NULL;
      char timestamp[32];
      gint64 now = g_get_real_time () / G_USEC_PER_SEC + self->time_offset;
      gsize body_length = 0;
      const char *body_data
          = call->body != NULL ? g_bytes_get_data (call->body, &body_length) : NULL;

      g_snprintf (timestamp, sizeof timestamp, "%" G_GINT64_FORMAT, now);
      signature = ovh_signer_sign (self->application_secret, call->consumer_key, call->method,
                                   signed_url, body_data, body_length, now);
      soup_message_headers_replace (headers, "X-Ovh-Consumer", call->consumer_key);
      soup_message_headers_replace (headers, "X-Ovh-Timestamp", timestamp);
      soup_message_headers_replace (headers, "X-Ovh-Signature", signature);
      call->clock_generation = self->clock_generation;
    }

  g_set_object (&call->message, message);
  call->holds_token = FALSE;
  call->attempt++;
  call->state = CALL_SENDING;
  call->sent_at_us = g_get_monotonic_time ();
  self->request_count++;

  ovh_http_send_async (call->session, message, self->timeout_seconds, self->max_answer_size,
                       g_task_get_cancellable (task), call_on_answer, task);
}

static void
call_resume (GTask *task)
{
  call_end_retry_delay (task);
  call_acquire_token (task);
}

static void
call_acquire_token (GTask *task)
{
  OvhClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  gint64 delay_us = ovh_rate_limiter_reserve (self->limiter, g_get_monotonic_time ());

  call->holds_token = TRUE;
  if (delay_us <= 0)
    call_send (task);
  else
    call_sleep (task, delay_us, call_send);
}

static void
on_clock_fetched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  OvhClient *self = OVH_CLIENT (source);
  ClockFetch *fetch = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  gint64 server_time;
  guint index;

  node = ovh_client_call_finish (self, result, &error);
  if (node != NULL && !ovh_json_node_get_int64 (node, &server_time))
    {
      g_clear_pointer (&node, json_node_unref);
      error = g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                                   _ ("The OVHcloud API did not tell its time"));
    }

  if (node != NULL)
    {
      self->time_offset = server_time - g_get_real_time () / G_USEC_PER_SEC;
      self->has_time_offset = TRUE;
      self->clock_generation++;
      g_debug ("Clock offset with the API: %+" G_GINT64_FORMAT " s", self->time_offset);
    }

  /* Out of the client's list first: a call started from a waiter's callback (or a resync)
   * must not join a fetch that has already answered. */
  if (!g_ptr_array_find (self->clock_fetches, fetch, &index))
    g_assert_not_reached ();
  g_ptr_array_steal_index_fast (self->clock_fetches, index);

  /* One waiter at a time, each leaving through call_unpark(): whatever a callback does to the
   * others (cancel them, run the loop) keeps the list true. */
  while (fetch->waiters->len > 0)
    {
      g_autoptr (GTask) task = g_object_ref (g_ptr_array_index (fetch->waiters, 0));

      call_unpark (task);
      if (error != NULL)
        call_return_error (task, g_error_copy (error));
      else
        call_acquire_token (task);
    }
  clock_fetch_free (fetch);
}

static void
call_wait_for_clock (GTask *task)
{
  OvhClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  ClockFetch *fetch = NULL;

  for (guint i = 0; i < self->clock_fetches->len && fetch == NULL; i++)
    {
      ClockFetch *candidate = g_ptr_array_index (self->clock_fetches, i);

      if (candidate->context == call->context)
        fetch = candidate;
    }

  if (!call_park (task, CALL_WAITING_FOR_CLOCK))
    return;

  if (fetch == NULL)
    {
      fetch = g_new0 (ClockFetch, 1);
      fetch->context = g_main_context_ref (call->context);
      fetch->waiters = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->clock_fetches, fetch);
      /* No cancellable: the other waiters still want the time when this caller gives up. */
      ovh_client_call_async (self, "GET", "/auth/time", NULL, OVH_CALL_UNSIGNED, NULL,
                             on_clock_fetched, fetch);
    }

  g_ptr_array_add (fetch->waiters, g_object_ref (task));
  call->clock_fetch = fetch;
}

static void
call_begin (GTask *task)
{
  OvhClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  if (call_is_signed (call))
    {
      if (call->consumer_key == NULL)
        {
          call_return_error (task, ovh_error_new_full (OVH_ERROR_INVALID_CREDENTIAL, 0, NULL, NULL,
                                                       _ ("No consumer key: sign in first")));
          return;
        }
      if (!self->has_time_offset)
        {
          call_wait_for_clock (task);
          return;
        }
    }

  call_acquire_token (task);
}

/* Loading the system's trust store is a good part of a short command's time: a plain-HTTP
 * endpoint (the sandbox) never needs it. */
static GTlsDatabase *
dup_tls_database (OvhClient *self)
{
  if (self->tls_database != NULL)
    return g_object_ref (self->tls_database);
  if (self->base_url == NULL || g_ascii_strncasecmp (self->base_url, "https:", 6) != 0)
    return NULL;
  return g_tls_backend_get_default_database (g_tls_backend_get_default ());
}

static SoupSession *
create_session (OvhClient *self)
{
  g_autoptr (GTlsDatabase) database = dup_tls_database (self);

  return soup_session_new_with_options (
      "user-agent", "Domaine/" PACKAGE_VERSION, "timeout", self->timeout_seconds, "idle-timeout",
      self->timeout_seconds, "max-conns-per-host", 6, "tls-database", database, NULL);
}

static void
update_sessions (OvhClient *self)
{
  SoupSession *sessions[] = { self->session, self->sync_session };
  g_autoptr (GTlsDatabase) database = dup_tls_database (self);

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    if (sessions[i] != NULL)
      g_object_set (sessions[i], "tls-database", database, "timeout", self->timeout_seconds,
                    "idle-timeout", self->timeout_seconds, NULL);
}

static void
call_start (OvhClient *self,
            const char *consumer_key,
            const char *method,
            const char *path,
            JsonNode *body,
            GHashTable *request_headers,
            OvhCallFlags flags,
            GCancellable *cancellable,
            GAsyncReadyCallback callback,
            gpointer user_data)
{
  GTask *task;
  Call *call;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, call_start);

  call = g_new0 (Call, 1);
  call->method = g_ascii_strup (method, -1);
  call->path = g_strdup (path);
  call->url = ovh_http_build_url (self->base_url, path);
  call->consumer_key = g_strdup (consumer_key);
  call->flags = flags;
  call->request_headers = request_headers != NULL ? g_hash_table_ref (request_headers) : NULL;
  call->context = g_main_context_ref_thread_default ();
  call->session = g_object_ref (self->sync_context != NULL && call->context == self->sync_context
                                    ? self->sync_session
                                    : self->session);
  if (body != NULL)
    {
      gsize length = 0;
      char *data = json_to_string (body, FALSE);

      length = strlen (data);
      call->body = g_bytes_new_take (data, length);
    }
  g_task_set_task_data (task, call, call_free);

  /* The task's own reference is the pipeline's: it ends in call_return_*. */
  call_begin (task);
}

void
ovh_client_call_full_async (OvhClient *self,
                            const char *method,
                            const char *path,
                            JsonNode *body,
                            GHashTable *request_headers,
                            OvhCallFlags flags,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  call_start (self, self->consumer_key, method, path, body, request_headers, flags, cancellable,
              callback, user_data);
}

JsonNode *
ovh_client_call_full_finish (OvhClient *self,
                             GAsyncResult *result,
                             GHashTable **response_headers,
                             GError **error)
{
  JsonNode *node;

  g_return_val_if_fail (OVH_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == call_start, NULL);

  node = g_task_propagate_pointer (G_TASK (result), error);
  if (response_headers != NULL)
    {
      Call *call = g_task_get_task_data (G_TASK (result));

      *response_headers = (node != NULL && call->response_headers != NULL)
                              ? g_hash_table_ref (call->response_headers)
                              : NULL;
    }
  return node;
}

void
ovh_client_call_get_exchange (
    GAsyncResult *result, guint *status, GBytes **body, char **query_id, gint64 *duration_us)
{
  Call *call;

  g_return_if_fail (G_IS_TASK (result) && g_task_get_source_tag (G_TASK (result)) == call_start);

  call = g_task_get_task_data (G_TASK (result));
  *status = call->answer_status;
  *body = call->answer_bytes != NULL ? g_bytes_ref (call->answer_bytes) : NULL;
  *query_id = g_strdup (call->answer_query_id);
  *duration_us = call->answer_duration_us;
}

void
ovh_client_call_async (OvhClient *self,
                       const char *method,
                       const char *path,
                       JsonNode *body,
                       OvhCallFlags flags,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  ovh_client_call_full_async (self, method, path, body, NULL, flags, cancellable, callback,
                              user_data);
}

JsonNode *
ovh_client_call_finish (OvhClient *self, GAsyncResult *result, GError **error)
{
  return ovh_client_call_full_finish (self, result, NULL, error);
}

void
ovh_client_call_as_async (OvhClient *self,
                          const char *consumer_key,
                          const char *method,
                          const char *path,
                          JsonNode *body,
                          OvhCallFlags flags,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');

  call_start (self, consumer_key, method, path, body, NULL, flags, cancellable, callback,
              user_data);
}

typedef struct
{
  GAsyncResult *result;
} SyncWait;

static void
on_sync_call_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SyncWait *wait = user_data;

  wait->result = g_object_ref (result);
}

JsonNode *
ovh_client_call_sync (OvhClient *self,
                      const char *method,
                      const char *path,
                      JsonNode *body,
                      GCancellable *cancellable,
                      GError **error)
{
  SyncWait wait = { NULL };
  JsonNode *node;

  g_return_val_if_fail (OVH_IS_CLIENT (self), NULL);

  if (self->sync_context == NULL)
    {
      self->sync_context = g_main_context_new ();
      g_main_context_push_thread_default (self->sync_context);
      self->sync_session = create_session (self);
      g_main_context_pop_thread_default (self->sync_context);
    }

  g_main_context_push_thread_default (self->sync_context);
  ovh_client_call_async (self, method, path, body, OVH_CALL_NONE, cancellable, on_sync_call_done,
                         &wait);
  while (wait.result == NULL)
    g_main_context_iteration (self->sync_context, TRUE);
  g_main_context_pop_thread_default (self->sync_context);

  node = ovh_client_call_finish (self, wait.result, error);
  g_object_unref (wait.result);
  return node;
}

OvhClient *
ovh_client_new (const char *base_url,
                const char *application_key,
                const char *application_secret,
                const char *consumer_key)
{
  return g_object_new (OVH_TYPE_CLIENT, "base-url", base_url, "application-key", application_key,
                       "application-secret", application_secret, "consumer-key", consumer_key,
                       NULL);
}

const char *
ovh_client_get_base_url (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
ovh_client_get_application_key (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), NULL);

  return self->application_key;
}

const char *
ovh_client_get_consumer_key (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), NULL);

  return self->consumer_key;
}

void
ovh_client_set_consumer_key (OvhClient *self, const char *consumer_key)
{
  g_return_if_fail (OVH_IS_CLIENT (self));

  if (replace_string (&self->consumer_key, consumer_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSUMER_KEY]);
}

void
ovh_client_set_tls_database (OvhClient *self, GTlsDatabase *database)
{
  g_return_if_fail (OVH_IS_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (g_set_object (&self->tls_database, database))
    {
      update_sessions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_DATABASE]);
    }
}

void
ovh_client_set_rate_limit (OvhClient *self, guint requests_per_minute)
{
  g_return_if_fail (OVH_IS_CLIENT (self));

  if (ovh_rate_limiter_get_rate (self->limiter) == requests_per_minute)
    return;

  ovh_rate_limiter_set_rate (self->limiter, requests_per_minute);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_LIMIT]);
}

guint
ovh_client_get_rate_limit (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), 0);

  return ovh_rate_limiter_get_rate (self->limiter);
}

guint64
ovh_client_get_request_count (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), 0);

  return self->request_count;
}

gint64
ovh_client_get_time_offset (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), 0);

  return self->time_offset;
}

gboolean
ovh_client_has_time_offset (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), FALSE);

  return self->has_time_offset;
}

void
ovh_client_set_time_offset_hint (OvhClient *self, gint64 offset)
{
  g_return_if_fail (OVH_IS_CLIENT (self));

  /* An offset learned by this client is better than one remembered from elsewhere. Signed
   * with the hint, a call that is refused as out of time re-syncs as after a clock jump. */
  if (self->has_time_offset)
    return;
  self->time_offset = offset;
  self->has_time_offset = TRUE;
}

void
ovh_client_set_retry_policy (OvhClient *self, guint max_attempts, guint base_delay_ms)
{
  g_return_if_fail (OVH_IS_CLIENT (self));

  self->max_attempts = MAX (max_attempts, 1);
  self->retry_base_delay_ms = base_delay_ms;
}

void
ovh_client_set_timeout (OvhClient *self, guint seconds)
{
  g_return_if_fail (OVH_IS_CLIENT (self));

  if (self->timeout_seconds == seconds)
    return;

  self->timeout_seconds = seconds;
  update_sessions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
ovh_client_get_timeout (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), 0);

  return self->timeout_seconds;
}

void
ovh_client_set_max_answer_size (OvhClient *self, guint64 bytes)
{
  g_return_if_fail (OVH_IS_CLIENT (self));

  if (self->max_answer_size == bytes)
    return;

  self->max_answer_size = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ANSWER_SIZE]);
}

guint64
ovh_client_get_max_answer_size (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), 0);

  return self->max_answer_size;
}

guint
ovh_client_get_retry_delay (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), 0);

  return self->retry_delay_seconds;
}

GTlsDatabase *
ovh_client_get_tls_database (OvhClient *self)
{
  g_return_val_if_fail (OVH_IS_CLIENT (self), NULL);

  return self->tls_database;
}

static void
ovh_client_constructed (GObject *object)
{
  OvhClient *self = OVH_CLIENT (object);

  G_OBJECT_CLASS (ovh_client_parent_class)->constructed (object);

  self->session = create_session (self);
}

static void
ovh_client_finalize (GObject *object)
{
  OvhClient *self = OVH_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->sync_session);
  g_clear_pointer (&self->sync_context, g_main_context_unref);
  g_clear_object (&self->tls_database);
  g_clear_pointer (&self->limiter, ovh_rate_limiter_free);
  g_clear_pointer (&self->clock_fetches, g_ptr_array_unref);
  g_free (self->base_url);
  g_free (self->application_key);
  if (self->application_secret != NULL)
    memset (self->application_secret, 0, strlen (self->application_secret));
  g_free (self->application_secret);
  g_free (self->consumer_key);

  G_OBJECT_CLASS (ovh_client_parent_class)->finalize (object);
}

static void
ovh_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhClient *self = OVH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_APPLICATION_KEY:
      g_value_set_string (value, self->application_key);
      break;

    case PROP_CONSUMER_KEY:
      g_value_set_string (value, self->consumer_key);
      break;

    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
      break;

    case PROP_RATE_LIMIT:
      g_value_set_uint (value, ovh_client_get_rate_limit (self));
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_seconds);
      break;

    case PROP_MAX_ANSWER_SIZE:
      g_value_set_uint64 (value, self->max_answer_size);
      break;

    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_client_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OvhClient *self = OVH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        const char *id_or_url = g_value_get_string (value);
        const OvhEndpoint *endpoint = ovh_endpoint_lookup (id_or_url);

        g_free (self->base_url);
        if (endpoint != NULL)
          self->base_url = g_strdup (endpoint->base_url);
        else if (id_or_url != NULL)
          self->base_url = ovh_endpoint_normalize_url (id_or_url);
        else
          self->base_url = g_strdup (ovh_endpoint_lookup ("ovh-eu")->base_url);
      }
      break;

    case PROP_APPLICATION_KEY:
      replace_string (&self->application_key, g_value_get_string (value));
      break;

    case PROP_APPLICATION_SECRET:
      replace_string (&self->application_secret, g_value_get_string (value));
      break;

    case PROP_CONSUMER_KEY:
      ovh_client_set_consumer_key (self, g_value_get_string (value));
      break;

    case PROP_TLS_DATABASE:
      ovh_client_set_tls_database (self, g_value_get_object (value));
      break;

    case PROP_RATE_LIMIT:
      ovh_client_set_rate_limit (self, g_value_get_uint (value));
      break;

    case PROP_TIMEOUT:
      ovh_client_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_MAX_ANSWER_SIZE:
      ovh_client_set_max_answer_size (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_client_class_init (OvhClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ovh_client_constructed;
  object_class->finalize = ovh_client_finalize;
  object_class->get_property = ovh_client_get_property;
  object_class->set_property = ovh_client_set_property;

  properties[PROP_BASE_URL]
      = g_param_spec_string ("base-url", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_KEY]
      = g_param_spec_string ("application-key", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Write-only: the secret never leaves the client. */
  properties[PROP_APPLICATION_SECRET]
      = g_param_spec_string ("application-secret", NULL, NULL, NULL,
                             G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSUMER_KEY]
      = g_param_spec_string ("consumer-key", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TLS_DATABASE]
      = g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE_LIMIT]
      = g_param_spec_uint ("rate-limit", NULL, NULL, 0, G_MAXUINT, DEFAULT_RATE_LIMIT,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT]
      = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_ANSWER_SIZE]
      = g_param_spec_uint64 ("max-answer-size", NULL, NULL, 1, G_MAXUINT, DEFAULT_MAX_ANSWER_SIZE,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Seconds the client waits because the API asked it to (Retry-After), 0 when it is not
   * waiting: long enough to be shown. */
  properties[PROP_RETRY_DELAY]
      = g_param_spec_uint ("retry-delay", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_client_init (OvhClient *self)
{
  self->timeout_seconds = DEFAULT_TIMEOUT_SECONDS;
  self->max_answer_size = DEFAULT_MAX_ANSWER_SIZE;
  self->limiter = ovh_rate_limiter_new (DEFAULT_RATE_LIMIT);
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->retry_base_delay_ms = DEFAULT_RETRY_BASE_DELAY_MS;
  self->clock_fetches = g_ptr_array_new_with_free_func ((GDestroyNotify) clock_fetch_free);
}
