/* ovh-sandbox.c: a faithful stand-in for the OVH API, on SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object, its server thread and the dispatch of requests. The server lives on a thread
 * of its own with its own GMainContext. Every request is handled there under the sandbox's
 * mutex; every public function takes the same mutex. Handlers fill a SandboxCall (status +
 * JSON), which makes X-Ovh-Batch a loop over the same handlers.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ovh-sandbox-private.h"

#define API_PREFIX "/1.0"

G_DEFINE_FINAL_TYPE (OvhSandbox, ovh_sandbox, G_TYPE_OBJECT)

/* Sources on the server's context ------------------------------------------------------- */

void
sandbox_track_source (OvhSandbox *self, GSource *source)
{
  g_ptr_array_add (self->pending_sources, g_source_ref (source));
  g_source_attach (source, self->context);
}

void
sandbox_untrack_source (OvhSandbox *self, GSource *source)
{
  g_ptr_array_remove_fast (self->pending_sources, source);
}

/* Request handling ---------------------------------------------------------------------------- */

static char **
split_segments (const char *path, guint *n_segments)
{
  g_auto (GStrv) raw = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  GPtrArray *segments = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *segment = g_uri_unescape_string (raw[i], NULL);

      /* Names are text: "%86" is no name, and must not reach an answer as a raw byte. */
      g_ptr_array_add (segments, g_utf8_make_valid (segment != NULL ? segment : "", -1));
    }
  *n_segments = segments->len;
  g_ptr_array_add (segments, NULL);

  return (char **) g_ptr_array_free (segments, FALSE);
}

/* The signed API's route families, by the path's first segment. */
static const struct
{
  const char *first_segment;
  void (*route) (SandboxCall *call);
} route_families[] = {
  { "auth", sandbox_route_auth },
  { "me", sandbox_route_me },
  { "domain", sandbox_route_domain },
};

static void
route_call (SandboxCall *call)
{
  const char *first = call->n_segments > 0 ? call->segments[0] : "";

  for (gsize i = 0; i < G_N_ELEMENTS (route_families); i++)
    if (g_str_equal (first, route_families[i].first_segment))
      {
        route_families[i].route (call);
        return;
      }
  sandbox_call_not_found_route (call);
}

/* X-Ovh-Batch: the last segment holds several keys; each is answered as its own call. */
static void
route_batch (SandboxCall *call, const char *separator)
{
  guint last = call->n_segments - 1;
  char *original = call->segments[last];
  g_auto (GStrv) keys = g_strsplit (original, separator, -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonObject *wrapper = json_object_new ();
      SandboxCall item = *call;

      item.reply = NULL;
      item.raw_reply = NULL;
      item.request_headers = NULL; /* no pagination inside a batch */
      item.response_headers = NULL;
      item.status = SOUP_STATUS_OK;
      call->segments[last] = keys[i];
      route_call (&item);
      call->segments[last] = original;

      json_object_set_string_member (wrapper, "key", keys[i]);
      if (item.status == SOUP_STATUS_OK)
        {
          json_object_set_member (wrapper, "value",
                                  item.reply != NULL ? json_node_ref (item.reply)
                                                     : json_node_new (JSON_NODE_NULL));
          json_object_set_null_member (wrapper, "error");
        }
      else
        {
          JsonObject *error = item.reply != NULL && JSON_NODE_HOLDS_OBJECT (item.reply)
                                  ? json_node_get_object (item.reply)
                                  : NULL;

          json_object_set_null_member (wrapper, "value");
          json_object_set_string_member (wrapper, "error",
                                         error != NULL && json_object_has_member (error, "message")
                                             ? json_object_get_string_member (error, "message")
                                             : "Error");
        }
      g_clear_pointer (&item.reply, json_node_unref);
      g_clear_pointer (&item.raw_reply, g_free);
      json_array_add_object_element (array, wrapper);
    }

  call->segments[last] = original;
  sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (array));
}

/* What the server does with a request it has read: fills response_headers, returns the status
 * and the answer (NULL when the connection is to be dropped). A fault may pause msg (never
 * NULL then) and set *stalled: its answer is then not sent. */
static guint
answer_request (OvhSandbox *self,
                const char *method,
                GUri *uri,
                SoupMessageHeaders *request_headers,
                GBytes *body,
                GSocket *socket,
                SoupServerMessage *msg,
                SoupMessageHeaders *response_headers,
                const char **content_type,
                GBytes **answer,
                gboolean *stalled_out)
{
  const char *raw_path = g_uri_get_path (uri);
  const char *raw_query = g_uri_get_query (uri);
  g_autofree char *query_id = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *api_path = NULL;
  gboolean is_api;
  gboolean dropped = FALSE;
  gboolean stalled = FALSE;
  OvhSandboxFault after = OVH_SANDBOX_FAULT_NONE;
  SandboxCall call = { 0 };
  gsize body_length;
  guint status;

  call.self = self;
  call.request_headers = request_headers;
  call.response_headers = response_headers;
  call.uri = uri;
  call.socket = socket;
  call.msg = msg;
  call.method = method;
  call.body = g_bytes_get_data (body, &body_length);
  call.body_length = body_length;
  if (call.body == NULL)
    call.body = ""; /* an empty GBytes has no data: routes read the body as text */
  call.status = SOUP_STATUS_OK;
  if (raw_query != NULL)
    call.query = soup_form_decode (raw_query);

  g_mutex_lock (&self->mutex);

  query_id = g_strdup_printf ("EU.ext-%u.%08x.%" G_GUINT64_FORMAT ".%08x", self->port % 10,
                              (guint) sandbox_now (self), ++self->query_serial, g_random_int ());
  soup_message_headers_replace (response_headers, "X-Ovh-QueryID", query_id);

  is_api = g_str_has_prefix (raw_path, API_PREFIX "/");
  api_path = g_strdup (is_api ? raw_path + strlen (API_PREFIX) : raw_path);
  log_path
      = raw_query != NULL ? g_strdup_printf ("%s?%s", api_path, raw_query) : g_strdup (api_path);
  call.segments = split_segments (api_path, &call.n_segments);

  if (sandbox_fault_answer (&call, api_path, &dropped, &after))
    ; /* answered as the fault says */
  else if (!sandbox_request_is_acceptable (&call))
    ; /* refused as OVH would */
  else if (!is_api)
    {
      if (g_str_equal (api_path, "/auth/") || g_str_equal (api_path, "/auth"))
        sandbox_serve_credential_page (&call);
      else if (g_str_has_prefix (api_path, "/sandbox/history/"))
        sandbox_serve_history_file (&call);
      else
        sandbox_call_not_found_route (&call);
    }
  else if (g_str_equal (api_path, "/auth/time"))
    sandbox_route_auth_time (&call);
  else if (sandbox_route_schema (&call, api_path))
    ; /* the API's description of itself, unsigned as at OVH */
  else if (g_str_equal (api_path, "/auth/credential"))
    {
      if (g_str_equal (call.method, "POST"))
        sandbox_route_auth_credential (&call);
      else
        sandbox_call_not_found_route (&call);
    }
  else if (sandbox_authenticate (&call, api_path) && sandbox_rate_limit_allows (&call))
    {
      const char *batch = sandbox_call_header (&call, "X-Ovh-Batch");

      if (self->batch && batch != NULL && batch[0] != '\0' && g_str_equal (call.method, "GET")
          && call.n_segments > 0 && strstr (call.segments[call.n_segments - 1], batch) != NULL)
        route_batch (&call, batch);
      else
        route_call (&call);
    }
  /* Carried out; now its answer is lost. */
  if (after != OVH_SANDBOX_FAULT_NONE)
    stalled = sandbox_fault_spoil (&call, after, &dropped);

  sandbox_log_request (&call, log_path, dropped ? 0 : call.status);

  g_mutex_unlock (&self->mutex);

  /* The answer is the call's own copy: serialize it outside the lock. */
  *answer = NULL;
  *content_type = NULL;
  if (!dropped)
    {
      if (call.raw_reply != NULL)
        {
          gsize length = strlen (call.raw_reply);

          *answer = g_bytes_new_take (g_steal_pointer (&call.raw_reply), length);
          *content_type = call.content_type;
        }
      else
        {
          char *json = call.reply != NULL ? json_to_string (call.reply, FALSE) : g_strdup ("null");

          *answer = g_bytes_new_take (json, strlen (json));
          *content_type = "application/json; charset=utf-8";
        }
    }
  status = call.status;

  g_clear_pointer (&call.reply, json_node_unref);
  g_clear_pointer (&call.raw_reply, g_free);
  g_clear_pointer (&call.query, g_hash_table_unref);
  g_strfreev (call.segments);
  *stalled_out = stalled;
  return status;
}

/* Returns TRUE when the message was left paused by a fault (its answer is then not sent). */
static gboolean
handle_request (OvhSandbox *self, SoupServerMessage *msg)
{
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr (GBytes) answer = NULL;
  const char *content_type = NULL;
  gboolean stalled = FALSE;
  guint status;

  status = answer_request (
      self, soup_server_message_get_method (msg), soup_server_message_get_uri (msg),
      soup_server_message_get_request_headers (msg), body, soup_server_message_get_socket (msg),
      msg, soup_server_message_get_response_headers (msg), &content_type, &answer, &stalled);
  if (answer != NULL && !stalled)
    {
      gsize length;
      gconstpointer data = g_bytes_get_data (answer, &length);

      soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, length);
      soup_server_message_set_status (msg, status, NULL);
    }
  return stalled;
}

guint
sandbox_answer_raw (OvhSandbox *self,
                    const char *method,
                    const char *path_and_query,
                    const char *const *headers,
                    GBytes *body,
                    GBytes **answer)
{
  g_autofree char *url = g_strconcat ("http://sandbox.invalid", path_and_query, NULL);
  g_autoptr (GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr (SoupMessageHeaders) request_headers
      = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr (SoupMessageHeaders) response_headers
      = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  const char *content_type;
  gboolean stalled = FALSE;

  *answer = NULL;
  if (uri == NULL)
    return SOUP_STATUS_BAD_REQUEST; /* libsoup would not have taken it either */

  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    {
      const char *colon = strchr (headers[i], ':');
      g_autofree char *name = NULL;

      if (colon == NULL || colon == headers[i] || strpbrk (colon, "\r\n") != NULL)
        continue;
      name = g_strndup (headers[i], colon - headers[i]);
      if (strpbrk (name, " \t\r\n") != NULL)
        continue; /* libsoup's parser takes no such header either */
      soup_message_headers_append (request_headers, name, colon + 1 + strspn (colon + 1, " "));
    }

  return answer_request (self, method, uri, request_headers, body != NULL ? body : empty, NULL,
                         NULL, response_headers, &content_type, answer, &stalled);
}

typedef struct
{
  OvhSandbox *self;
  SoupServerMessage *msg;
} DelayedRequest;

static void
delayed_request_free (DelayedRequest *delayed)
{
  g_object_unref (delayed->msg);
  g_free (delayed);
}

static gboolean
delayed_request_cb (gpointer data)
{
  DelayedRequest *delayed = data;

  g_mutex_lock (&delayed->self->mutex);
  sandbox_untrack_source (delayed->self, g_main_current_source ());
  g_mutex_unlock (&delayed->self->mutex);

  if (!handle_request (delayed->self, delayed->msg))
    soup_server_message_unpause (delayed->msg);

  return G_SOURCE_REMOVE;
}

static void
server_callback (SoupServer *server,
                 SoupServerMessage *msg,
                 const char *path,
                 GHashTable *query,
                 gpointer user_data)
{
  OvhSandbox *self = user_data;
  guint latency_ms;

  g_mutex_lock (&self->mutex);
  latency_ms = self->latency_ms;
  if (latency_ms > 0)
    {
      DelayedRequest *delayed = g_new0 (DelayedRequest, 1);
      GSource *source = g_timeout_source_new (latency_ms);

      /* Paused, not slept: other clients are served meanwhile. */
      soup_server_message_pause (msg);
      delayed->self = self;
      delayed->msg = g_object_ref (msg);
      g_source_set_callback (source, delayed_request_cb, delayed,
                             (GDestroyNotify) delayed_request_free);
      sandbox_track_source (self, source);
      g_source_unref (source);
    }
  g_mutex_unlock (&self->mutex);

  if (latency_ms == 0)
    handle_request (self, msg);
}

/* Answers at once and closes, without reading the body: libsoup would otherwise read as much
 * as the request announces ("-1" reads as 2^64 - 1) before any handler runs. */
static void
refuse_now (SoupServerMessage *msg, guint status, const char *message)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autofree char *body
      = g_strdup_printf ("{\"class\":\"Client::BadRequest\",\"message\":\"%s\"}", message);
  g_autofree char *answer
      = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                         "Content-Type: application/json; charset=utf-8\r\n"
                         "Content-Length: %zu\r\n"
                         "Connection: close\r\n\r\n%s",
                         status, soup_status_get_phrase (status), strlen (body), body);

  if (stream == NULL)
    return;
  (void) g_output_stream_write_all (g_io_stream_get_output_stream (stream), answer, strlen (answer),
                                    NULL, NULL, NULL);
  (void) g_io_stream_close (stream, NULL, NULL);
}

/* Before the body is read: a length that is not a number, or more than the sandbox takes. */
static void
early_handler (SoupServer *server,
               SoupServerMessage *msg,
               const char *path,
               GHashTable *query,
               gpointer user_data)
{
  const char *length_text = soup_message_headers_get_one (
      soup_server_message_get_request_headers (msg), "Content-Length");
  g_autofree char *length = NULL;
  guint64 value;

  if (length_text == NULL)
    return;
  length = g_strstrip (g_strdup (length_text));
  if (!g_ascii_string_to_unsigned (length, 10, 0, G_MAXUINT64, &value, NULL))
    refuse_now (msg, SOUP_STATUS_BAD_REQUEST, "Invalid Content-Length");
  else if (value > SANDBOX_BODY_MAX)
    refuse_now (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
}

#define BODY_SIZE_KEY "sandbox-body-size"

/* A chunked body announces no length: it is counted as it comes. */
static void
got_chunk_cb (SoupServerMessage *msg, GBytes *chunk, gpointer user_data)
{
  gsize size = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), BODY_SIZE_KEY));

  size += g_bytes_get_size (chunk);
  g_object_set_data (G_OBJECT (msg), BODY_SIZE_KEY, GSIZE_TO_POINTER (size));
  if (size > SANDBOX_BODY_MAX)
    refuse_now (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "Request body too large");
}

#define IDLE_SOURCE_KEY "sandbox-idle-timeout"

static gboolean
idle_timeout_cb (gpointer data)
{
  SoupServerMessage *msg = data;
  GSocket *socket = soup_server_message_get_socket (msg);

  /* Half a request after all this time: let it go, as OVH's front end does. */
  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
  g_source_unref (g_object_steal_data (G_OBJECT (msg), IDLE_SOURCE_KEY));
  return G_SOURCE_REMOVE;
}

static void
destroy_idle_source (gpointer source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static void
request_complete_cb (SoupServerMessage *msg, gpointer user_data)
{
  g_object_set_data (G_OBJECT (msg), IDLE_SOURCE_KEY, NULL);
}

/* Every request must arrive whole within the idle timeout, counted from its first byte awaited
 * (a silent or trickling client would otherwise hold a connection for ever). */
static void
request_started_cb (SoupServer *server, SoupServerMessage *msg, gpointer user_data)
{
  OvhSandbox *self = user_data;
  GSource *source;
  guint seconds;

  g_mutex_lock (&self->mutex);
  seconds = self->idle_timeout;
  g_mutex_unlock (&self->mutex);

  source = g_timeout_source_new_seconds (seconds);
  g_source_set_callback (source, idle_timeout_cb, msg, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_object_set_data_full (G_OBJECT (msg), IDLE_SOURCE_KEY, source, destroy_idle_source);
  g_signal_connect (msg, "got-body", G_CALLBACK (request_complete_cb), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
  g_signal_connect (msg, "finished", G_CALLBACK (request_complete_cb), NULL);
}

/* The server thread -------------------------------------------------------------------------- */

static gpointer
server_thread (gpointer data)
{
  OvhSandbox *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  gboolean listening = FALSE;

  g_main_context_push_thread_default (self->context);

  if (self->tls)
    {
      g_autoptr (GTlsCertificate) certificate
          = g_tls_certificate_new_from_files (self->cert_file, self->key_file, &error);

      if (certificate != NULL)
        server = soup_server_new ("tls-certificate", certificate, NULL);
    }
  else
    server = soup_server_new (NULL, NULL);

  if (server != NULL)
    {
      soup_server_add_early_handler (server, NULL, early_handler, self, NULL);
      soup_server_add_handler (server, NULL, server_callback, self, NULL);
      g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);
      address = g_inet_socket_address_new_from_string ("127.0.0.1", self->requested_port);
      listening
          = soup_server_listen (server, address, self->tls ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
    }

  g_mutex_lock (&self->mutex);
  if (listening)
    {
      GSList *uris = soup_server_get_uris (server);

      self->port = (guint) g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
      self->server = server;
    }
  else
    self->start_error = g_steal_pointer (&error);
  self->ready = TRUE;
  g_cond_broadcast (&self->ready_cond);
  g_mutex_unlock (&self->mutex);

  if (listening)
    g_main_loop_run (self->loop);

  if (server != NULL)
    soup_server_disconnect (server);

  g_mutex_lock (&self->mutex);
  self->server = NULL;
  /* Answers still waiting and tasks not run die with the server. */
  while (self->pending_sources->len > 0)
    {
      GSource *source = g_ptr_array_steal_index_fast (self->pending_sources, 0);

      g_mutex_unlock (&self->mutex);
      g_source_destroy (source);
      g_source_unref (source);
      g_mutex_lock (&self->mutex);
    }
  g_mutex_unlock (&self->mutex);

  g_clear_object (&server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

gboolean
ovh_sandbox_start (OvhSandbox *self, guint port, gboolean tls, GError **error)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  if (tls && self->cert_file == NULL)
    {
      g_autofree char *directory = g_dir_make_tmp ("domaine-sandbox-XXXXXX", error);
      char *cert_file = NULL;
      char *key_file = NULL;

      if (directory == NULL || !sandbox_tls_generate (directory, &cert_file, &key_file, error))
        {
          if (directory != NULL)
            g_rmdir (directory);
          return FALSE;
        }
      g_mutex_lock (&self->mutex);
      self->tls_dir = g_steal_pointer (&directory);
      self->cert_file = cert_file;
      self->key_file = key_file;
      g_mutex_unlock (&self->mutex);
    }

  g_mutex_lock (&self->mutex);
  self->tls = tls;
  self->requested_port = port;
  self->ready = FALSE;
  g_clear_error (&self->start_error);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("ovh-sandbox", server_thread, self);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->mutex);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      g_mutex_unlock (&self->mutex);
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      return FALSE;
    }

  g_free (self->root_url);
  g_free (self->base_url);
  self->root_url = g_strdup_printf ("%s://127.0.0.1:%u", tls ? "https" : "http", self->port);
  self->base_url = g_strconcat (self->root_url, API_PREFIX, NULL);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
ovh_sandbox_stop (OvhSandbox *self)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  if (self->thread == NULL)
    return;

  /* Quit from inside the loop: a quit before run would be lost. */
  g_main_context_invoke (self->context, quit_loop_cb, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

const char *
ovh_sandbox_get_base_url (OvhSandbox *self)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);
  return self->base_url;
}

const char *
ovh_sandbox_get_ca_file (OvhSandbox *self)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);
  return self->cert_file;
}

guint
ovh_sandbox_get_port (OvhSandbox *self)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), 0);
  return self->port;
}

gboolean
ovh_sandbox_set_tls_certificate_files (OvhSandbox *self,
                                       const char *cert_pem,
                                       const char *key_pem,
                                       GError **error)
{
  g_autoptr (GTlsCertificate) certificate = NULL;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  certificate = g_tls_certificate_new_from_files (cert_pem, key_pem, error);
  if (certificate == NULL)
    return FALSE;

  g_mutex_lock (&self->mutex);
  g_free (self->cert_file);
  g_free (self->key_file);
  self->cert_file = g_strdup (cert_pem);
  self->key_file = g_strdup (key_pem);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
remove_tls_files (OvhSandbox *self)
{
  if (self->tls_dir == NULL)
    return;

  g_unlink (self->cert_file);
  g_unlink (self->key_file);
  g_rmdir (self->tls_dir);
}

static void
ovh_sandbox_finalize (GObject *object)
{
  OvhSandbox *self = OVH_SANDBOX (object);

  ovh_sandbox_stop (self);
  remove_tls_files (self);

  g_hash_table_unref (self->credentials);
  g_hash_table_unref (self->applications);
  g_hash_table_unref (self->zones);
  g_ptr_array_unref (self->domains);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->request_log);
  /* A sandbox that answered without a server keeps its tasks' sources attached until now. */
  for (guint i = 0; i < self->pending_sources->len; i++)
    g_source_destroy (g_ptr_array_index (self->pending_sources, i));
  g_ptr_array_unref (self->pending_sources);
  g_clear_error (&self->start_error);
  g_free (self->base_url);
  g_free (self->root_url);
  g_free (self->tls_dir);
  g_free (self->zone_dir);
  g_free (self->cert_file);
  g_free (self->key_file);
  g_cond_clear (&self->ready_cond);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (ovh_sandbox_parent_class)->finalize (object);
}

static void
ovh_sandbox_class_init (OvhSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_sandbox_finalize;
}

static void
reset_state (OvhSandbox *self)
{
  g_clear_pointer (&self->applications, g_hash_table_unref);
  g_clear_pointer (&self->credentials, g_hash_table_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_clear_pointer (&self->domains, g_ptr_array_unref);

  self->applications = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) sandbox_application_free);
  self->credentials = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) sandbox_credential_free);
  self->zones
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) sandbox_zone_free);
  self->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_domain_free);
}

static void
ovh_sandbox_init (OvhSandbox *self)
{
  SandboxApplication *application;

  g_mutex_init (&self->mutex);
  g_cond_init (&self->ready_cond);

  reset_state (self);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_fault_free);
  self->request_log = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_sandbox_request_free);
  self->pending_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  self->expanded_lists = TRUE;
  self->batch = TRUE;
  self->idle_timeout = SANDBOX_IDLE_TIMEOUT_DEFAULT;
  self->next_record_id = 5000000001;
  self->next_task_id = 300000001;
  self->next_credential_id = 1000001;
  self->next_application_id = 1;

  sandbox_seed_fill (self->zones, self->domains, &self->next_record_id);
  application = sandbox_add_application_locked (self, OVH_SANDBOX_APPLICATION_KEY,
                                                OVH_SANDBOX_APPLICATION_SECRET, "Domaine sandbox",
                                                "Ready-made application of the OVH API sandbox");
  sandbox_add_credential_locked (self, application, OVH_SANDBOX_CONSUMER_KEY, sandbox_all_rights (),
                                 0);
}

OvhSandbox *
ovh_sandbox_new (void)
{
  return g_object_new (OVH_TYPE_SANDBOX, NULL);
}
