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
      char *segment = g_uri_unescape_string (raw[i], NULL);
      g_ptr_array_add (segments, segment != NULL ? segment : g_strdup (""));
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
      item.msg = NULL; /* no pagination inside a batch */
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

/* Returns TRUE when the message was left paused by a fault (its answer is then not sent). */
static gboolean
handle_request (OvhSandbox *self, SoupServerMessage *msg)
{
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  GUri *uri = soup_server_message_get_uri (msg);
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

  call.self = self;
  call.msg = msg;
  call.method = soup_server_message_get_method (msg);
  call.body = g_bytes_get_data (body, &body_length);
  call.body_length = body_length;
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
  else if (g_str_equal (api_path, "/auth/credential"))
    {
      if (g_str_equal (call.method, "POST"))
        sandbox_route_auth_credential (&call);
      else
        sandbox_call_not_found_route (&call);
    }
  else if (sandbox_authenticate (&call, api_path) && sandbox_rate_limit_allows (&call))
    {
      const char *batch = soup_message_headers_get_one (
          soup_server_message_get_request_headers (msg), "X-Ovh-Batch");

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
  if (!dropped)
    {
      if (call.raw_reply != NULL)
        {
          gsize length = strlen (call.raw_reply);

          soup_server_message_set_response (msg, call.content_type, SOUP_MEMORY_TAKE,
                                            g_steal_pointer (&call.raw_reply), length);
        }
      else
        {
          char *json = call.reply != NULL ? json_to_string (call.reply, FALSE) : g_strdup ("null");

          soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                            SOUP_MEMORY_TAKE, json, strlen (json));
        }
      soup_server_message_set_status (msg, call.status, NULL);
    }

  g_clear_pointer (&call.reply, json_node_unref);
  g_clear_pointer (&call.raw_reply, g_free);
  g_clear_pointer (&call.query, g_hash_table_unref);
  g_strfreev (call.segments);
  return stalled;
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
      soup_server_add_handler (server, NULL, server_callback, self, NULL);
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
  g_ptr_array_unref (self->pending_sources);
  g_clear_error (&self->start_error);
  g_free (self->base_url);
  g_free (self->root_url);
  g_free (self->tls_dir);
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
