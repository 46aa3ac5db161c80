/* ovh-sandbox-faults.c: fidelity switches, faults and the request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The switches that make the sandbox behave like OVH on a bad day (latency, rate limit,
 * clock offset, known bugs), injected faults, and the log of what clients asked.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

/* Faults ------------------------------------------------------------------------------------- */

struct _SandboxFault
{
  char *method; /* NULL = any */
  char *path_glob;
  OvhSandboxFault fault;
  guint remaining; /* 0 = forever */
};

void
sandbox_fault_free (SandboxFault *fault)
{
  g_free (fault->method);
  g_free (fault->path_glob);
  g_free (fault);
}

static SandboxFault *
take_fault (OvhSandbox *self, const char *method, const char *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      SandboxFault *fault = g_ptr_array_index (self->faults, i);

      if (fault->method != NULL && !g_str_equal (fault->method, method))
        continue;
      if (!g_pattern_match_simple (fault->path_glob, path))
        continue;
      return fault;
    }

  return NULL;
}

static void
drop_connection (SandboxCall *call, gboolean *dropped)
{
  if (call->socket != NULL)
    g_socket_shutdown (call->socket, TRUE, TRUE, NULL);
  call->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  *dropped = TRUE;
}

/* Answers the call as the first fault matching it says, if any: TRUE when one did. Sets
 * *dropped when the connection was closed without an answer. */
gboolean
sandbox_fault_answer (SandboxCall *call,
                      const char *api_path,
                      gboolean *dropped,
                      OvhSandboxFault *after)
{
  OvhSandbox *self = call->self;
  SandboxFault *fault = take_fault (self, call->method, api_path);
  OvhSandboxFault kind;

  *after = OVH_SANDBOX_FAULT_NONE;
  if (fault == NULL)
    return FALSE;

  kind = fault->fault;
  if (fault->remaining > 0 && --fault->remaining == 0)
    g_ptr_array_remove (self->faults, fault);

  switch (kind)
    {
    case OVH_SANDBOX_FAULT_HTTP_500:
      sandbox_call_auth_error (call, SOUP_STATUS_INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR",
                               "Internal server error");
      return TRUE;
    case OVH_SANDBOX_FAULT_DROP:
      drop_connection (call, dropped);
      return TRUE;
    case OVH_SANDBOX_FAULT_MALFORMED:
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
      call->raw_reply = g_strdup ("{\"id\": 1, \"zone\": \"<html>Bad Gateway");
      call->content_type = "application/json; charset=utf-8";
      return TRUE;
    case OVH_SANDBOX_FAULT_RATE_LIMITED:
      {
        char text[32];

        g_snprintf (text, sizeof text, "%u", self->retry_after > 0 ? self->retry_after : 1);
        if (call->response_headers != NULL)
          soup_message_headers_replace (call->response_headers, "Retry-After", text);
        sandbox_call_auth_error (call, SANDBOX_STATUS_TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                                 "Too many requests, retry later");
      }
      return TRUE;
    case OVH_SANDBOX_FAULT_APPLIED_DROP:
    case OVH_SANDBOX_FAULT_APPLIED_MALFORMED:
    case OVH_SANDBOX_FAULT_APPLIED_STALL:
      *after = kind;
      return FALSE;
    case OVH_SANDBOX_FAULT_NONE:
    default:
      return FALSE;
    }
}

typedef struct
{
  OvhSandbox *self;
  SoupServerMessage *msg;
} Stall;

static void
stall_free (Stall *stall)
{
  /* The client hears the connection close, never an answer. A sandbox that stops has closed
   * every connection already. */
  if (stall->self->server != NULL)
    {
      GSocket *socket = soup_server_message_get_socket (stall->msg);

      if (socket != NULL)
        g_socket_shutdown (socket, TRUE, TRUE, NULL);
      soup_server_message_unpause (stall->msg);
    }
  g_object_unref (stall->msg);
  g_free (stall);
}

static gboolean
stall_over_cb (gpointer data)
{
  Stall *stall = data;

  g_mutex_lock (&stall->self->mutex);
  sandbox_untrack_source (stall->self, g_main_current_source ());
  g_mutex_unlock (&stall->self->mutex);
  return G_SOURCE_REMOVE;
}

gboolean
sandbox_fault_spoil (SandboxCall *call, OvhSandboxFault after, gboolean *dropped)
{
  switch (after)
    {
    case OVH_SANDBOX_FAULT_APPLIED_DROP:
      drop_connection (call, dropped);
      return FALSE;
    case OVH_SANDBOX_FAULT_APPLIED_MALFORMED:
      g_clear_pointer (&call->reply, json_node_unref);
      g_free (call->raw_reply);
      call->raw_reply = g_strdup ("{\"id\": 1, \"zone\": \"<html>Bad Gateway");
      call->content_type = "application/json; charset=utf-8";
      return FALSE;
    case OVH_SANDBOX_FAULT_APPLIED_STALL:
      if (call->msg == NULL)
        {
          /* Without a connection to hold, the answer is simply never given. */
          drop_connection (call, dropped);
          return FALSE;
        }
      {
        Stall *stall = g_new0 (Stall, 1);
        GSource *source = g_timeout_source_new_seconds (OVH_SANDBOX_STALL_SECONDS);

        soup_server_message_pause (call->msg);
        stall->self = call->self;
        stall->msg = g_object_ref (call->msg);
        g_source_set_callback (source, stall_over_cb, stall, (GDestroyNotify) stall_free);
        sandbox_track_source (call->self, source);
        g_source_unref (source);
        *dropped = TRUE;
      }
      return TRUE;
    default:
      return FALSE;
    }
}

void
ovh_sandbox_inject_fault (
    OvhSandbox *self, const char *method, const char *path_glob, OvhSandboxFault fault, guint count)
{
  SandboxFault *entry;

  g_return_if_fail (OVH_IS_SANDBOX (self));
  g_return_if_fail (path_glob != NULL);

  entry = g_new0 (SandboxFault, 1);
  entry->method = g_strdup (method);
  entry->path_glob = g_strdup (path_glob);
  entry->fault = fault;
  entry->remaining = count;

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->faults, entry);
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_clear_faults (OvhSandbox *self)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->faults, 0);
  g_mutex_unlock (&self->mutex);
}

/* Fidelity switches ------------------------------------------------------------------------ */

void
ovh_sandbox_set_latency_ms (OvhSandbox *self, guint latency_ms)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->latency_ms = latency_ms;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_rate_limit (OvhSandbox *self, guint requests_per_minute)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->rate_limit = requests_per_minute;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_retry_after (OvhSandbox *self, guint seconds)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->retry_after = seconds;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_create_answers_id_zero (OvhSandbox *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->create_answers_id_zero = !!enabled;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_clock_offset (OvhSandbox *self, gint64 seconds)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->clock_offset = seconds;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_expanded_lists (OvhSandbox *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->expanded_lists = !!enabled;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_batch (OvhSandbox *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->batch = !!enabled;
  g_mutex_unlock (&self->mutex);
}

/* Request log -------------------------------------------------------------------------------- */

void
ovh_sandbox_request_free (OvhSandboxRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->body);
  g_free (request);
}

/* Called for every request, answered or not (status 0 = dropped). */
void
sandbox_log_request (SandboxCall *call, const char *path, guint status)
{
  OvhSandboxRequest *log_entry;

  log_entry = g_new0 (OvhSandboxRequest, 1);
  log_entry->method = g_strdup (call->method);
  log_entry->path = g_strdup (path);
  log_entry->body = call->body_length > 0 ? g_strndup (call->body, call->body_length) : NULL;
  log_entry->status = status;
  g_ptr_array_add (call->self->request_log, log_entry);
}

static gboolean
request_matches (const OvhSandboxRequest *request, const char *method, const char *path_glob)
{
  g_autofree char *without_query = NULL;
  const char *question;

  if (method != NULL && !g_str_equal (method, request->method))
    return FALSE;
  if (path_glob == NULL || g_pattern_match_simple (path_glob, request->path))
    return TRUE;

  question = strchr (request->path, '?');
  if (question == NULL)
    return FALSE;
  without_query = g_strndup (request->path, question - request->path);
  return g_pattern_match_simple (path_glob, without_query);
}

guint
ovh_sandbox_get_request_count (OvhSandbox *self, const char *method, const char *path_glob)
{
  guint count = 0;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), 0);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->request_log->len; i++)
    count += request_matches (g_ptr_array_index (self->request_log, i), method, path_glob);
  g_mutex_unlock (&self->mutex);

  return count;
}

GPtrArray *
ovh_sandbox_dup_request_log (OvhSandbox *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  copy = g_ptr_array_new_full (self->request_log->len, (GDestroyNotify) ovh_sandbox_request_free);
  for (guint i = 0; i < self->request_log->len; i++)
    {
      const OvhSandboxRequest *request = g_ptr_array_index (self->request_log, i);
      OvhSandboxRequest *entry = g_new0 (OvhSandboxRequest, 1);

      entry->method = g_strdup (request->method);
      entry->path = g_strdup (request->path);
      entry->body = g_strdup (request->body);
      entry->status = request->status;
      g_ptr_array_add (copy, entry);
    }
  g_mutex_unlock (&self->mutex);

  return copy;
}

void
ovh_sandbox_reset_request_log (OvhSandbox *self)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->request_log, 0);
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_idle_timeout (OvhSandbox *self, guint seconds)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));
  g_return_if_fail (seconds > 0);

  g_mutex_lock (&self->mutex);
  self->idle_timeout = seconds;
  g_mutex_unlock (&self->mutex);
}
