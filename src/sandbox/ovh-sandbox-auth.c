/* ovh-sandbox-auth.c: the /auth routes and the checks of signed calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /auth/time and POST /auth/credential (which asks for a consumer key) need no signature;
 * /auth/currentCredential, /auth/details and /auth/logout answer a key about itself. Every
 * other API call passes sandbox_authenticate() (the application key, the consumer key, the
 * timestamp, the signature, the key's status and rules), then the rate limit.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"
#include "ovh-signer.h"

#define TIME_WINDOW 180 /* seconds a signed call's timestamp may differ from ours */
#define RATE_WINDOW_USEC (60 * G_USEC_PER_SEC)

void
sandbox_route_auth_time (SandboxCall *call)
{
  if (g_str_equal (call->method, "GET"))
    {
      JsonNode *node = json_node_new (JSON_NODE_VALUE);

      json_node_set_int (node, sandbox_now (call->self));
      sandbox_call_reply (call, SOUP_STATUS_OK, node);
    }
  else
    sandbox_call_not_found_route (call);
}

void
sandbox_route_auth_credential (SandboxCall *call)
{
  OvhSandbox *self = call->self;
  const char *application_key = sandbox_call_header (call, "X-Ovh-Application");
  SandboxApplication *application
      = application_key != NULL ? g_hash_table_lookup (self->applications, application_key) : NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  SandboxCredential *credential;
  JsonObject *request;
  JsonObject *answer;
  JsonNode *access_rules;
  JsonNode *allowed_ips;
  const char *redirection = NULL;

  if (application == NULL)
    {
      sandbox_call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_KEY",
                               "Invalid application key");
      return;
    }

  request = sandbox_call_body_object (call, &body);
  if (request == NULL)
    return;

  access_rules = json_object_get_member (request, "accessRules");
  if (access_rules == NULL || !JSON_NODE_HOLDS_ARRAY (access_rules))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[accessRules] Property is mandatory");
      return;
    }

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (access_rules)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (access_rules), i);
      static const char *const methods[] = { "GET", "POST", "PUT", "DELETE", "PATCH", NULL };
      const char *method = NULL;
      const char *path = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element)
          || !sandbox_member_string (json_node_get_object (element), "method", &method)
          || !sandbox_member_string (json_node_get_object (element), "path", &path)
          || method == NULL || path == NULL || !g_strv_contains (methods, method) || path[0] != '/')
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[accessRules] Invalid access rule");
          return;
        }
      g_ptr_array_add (rules, sandbox_rule_new (method, path));
    }

  if (!sandbox_member_string (request, "redirection", &redirection))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[redirection] Invalid redirection");
      return;
    }

  credential = g_new0 (SandboxCredential, 1);
  credential->id = self->next_credential_id++;
  credential->application_id = application->id;
  credential->consumer_key = sandbox_random_token (32);
  credential->token = sandbox_random_token (64);
  credential->status = g_strdup ("pendingValidation");
  credential->rules = g_steal_pointer (&rules);
  credential->redirection = g_strdup (redirection);
  credential->creation = sandbox_now (self);
  g_queue_init (&credential->recent_calls);

  allowed_ips = json_object_get_member (request, "allowedIPs");
  if (allowed_ips != NULL && JSON_NODE_HOLDS_ARRAY (allowed_ips))
    {
      JsonArray *ips = json_node_get_array (allowed_ips);
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (ips); i++)
        if (json_node_get_value_type (json_array_get_element (ips, i)) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_array_get_string_element (ips, i));
      credential->allowed_ips = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }

  g_hash_table_insert (self->credentials, credential->consumer_key, credential);

  answer = json_object_new ();
  json_object_set_string_member (answer, "state", credential->status);
  json_object_set_string_member (answer, "consumerKey", credential->consumer_key);
  {
    g_autofree char *url
        = g_strdup_printf ("%s/auth/?credentialToken=%s", self->root_url, credential->token);
    json_object_set_string_member (answer, "validationUrl", url);
  }
  sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_object (answer));
}

void
sandbox_route_auth (SandboxCall *call)
{
  const char *what = call->segments[1];

  if (call->n_segments != 2)
    sandbox_call_not_found_route (call);
  else if (g_str_equal (what, "currentCredential") && g_str_equal (call->method, "GET"))
    sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_credential_to_json (call->credential));
  else if (g_str_equal (what, "logout") && g_str_equal (call->method, "POST"))
    {
      g_free (call->credential->status);
      call->credential->status = g_strdup ("expired");
      call->credential->expiration = sandbox_now (call->self);
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (what, "details") && g_str_equal (call->method, "GET"))
    {
      JsonObject *object = json_object_new ();
      JsonArray *identities = json_array_new ();
      JsonArray *roles = json_array_new ();

      json_array_add_string_element (identities,
                                     "urn:v1:eu:identity:account:" OVH_SANDBOX_NICHANDLE);
      json_array_add_string_element (roles, "ADMIN");
      json_object_set_string_member (object, "account", OVH_SANDBOX_NICHANDLE);
      json_object_set_array_member (object, "allowedRoutes",
                                    sandbox_rules_to_json (call->credential->rules));
      json_object_set_string_member (object, "description", "");
      json_object_set_array_member (object, "identities", identities);
      json_object_set_string_member (object, "method", "account");
      json_object_set_array_member (object, "roles", roles);
      json_object_set_null_member (object, "user");
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_object (object));
    }
  else
    sandbox_call_not_found_route (call);
}

/* The URL the client signed: scheme, the Host it sent, the path and query as received. */
static char *
received_url (SandboxCall *call)
{
  GUri *uri = call->uri;
  const char *host = sandbox_call_header (call, "Host");
  GString *url = g_string_new (g_uri_get_scheme (uri));

  g_string_append (url, "://");
  if (host != NULL)
    g_string_append (url, host);
  else
    g_string_append_printf (url, "%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  g_string_append (url, g_uri_get_path (uri));
  if (g_uri_get_query (uri) != NULL)
    g_string_append_printf (url, "?%s", g_uri_get_query (uri));

  return g_string_free (url, FALSE);
}

static gboolean
rules_allow (GPtrArray *rules, const char *method, const char *path)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const SandboxRule *rule = g_ptr_array_index (rules, i);

      if (g_str_equal (rule->method, method) && g_pattern_match_simple (rule->path, path))
        return TRUE;
    }

  return FALSE;
}

/* Every check OVH makes, in its order. On failure the call holds OVH's error. */
gboolean
sandbox_authenticate (SandboxCall *call, const char *api_path)
{
  OvhSandbox *self = call->self;
  const char *application_key = sandbox_call_header (call, "X-Ovh-Application");
  const char *consumer_key = sandbox_call_header (call, "X-Ovh-Consumer");
  const char *timestamp_text = sandbox_call_header (call, "X-Ovh-Timestamp");
  const char *signature = sandbox_call_header (call, "X-Ovh-Signature");
  SandboxApplication *application = NULL;
  SandboxCredential *credential = NULL;
  g_autofree char *url = NULL;
  gint64 timestamp;

  if (application_key != NULL)
    application = g_hash_table_lookup (self->applications, application_key);
  if (application == NULL)
    {
      sandbox_call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_KEY",
                               "Invalid application key");
      return FALSE;
    }

  if (consumer_key == NULL)
    {
      sandbox_call_auth_error (call, SOUP_STATUS_UNAUTHORIZED, "NOT_CREDENTIAL",
                               "You must login first");
      return FALSE;
    }
  credential = g_hash_table_lookup (self->credentials, consumer_key);
  if (credential == NULL || credential->application_id != application->id)
    {
      sandbox_call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_CREDENTIAL",
                               "This credential does not exist");
      return FALSE;
    }

  if (timestamp_text == NULL
      || !g_ascii_string_to_signed (timestamp_text, 10, 0, G_MAXINT64, &timestamp, NULL)
      || ABS (timestamp - sandbox_now (self)) > TIME_WINDOW)
    {
      sandbox_call_auth_error (call, SOUP_STATUS_BAD_REQUEST, "QUERY_TIME_OUT",
                               "Query out of time");
      return FALSE;
    }

  url = received_url (call);
  if (!ovh_signer_verify (signature, application->secret, consumer_key, call->method, url,
                          call->body, call->body_length, timestamp))
    {
      sandbox_call_auth_error (call, SOUP_STATUS_BAD_REQUEST, "INVALID_SIGNATURE",
                               "Invalid signature");
      return FALSE;
    }

  sandbox_credential_update_expiry (self, credential);
  if (!g_str_equal (credential->status, "validated"))
    {
      sandbox_call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_CREDENTIAL",
                               "This credential is not valid");
      return FALSE;
    }

  /* The /auth routes belong to every valid credential: it is how a key learns about itself. */
  if (!g_str_has_prefix (api_path, "/auth/")
      && !rules_allow (credential->rules, call->method, api_path))
    {
      sandbox_call_auth_error (call, SOUP_STATUS_FORBIDDEN, "NOT_GRANTED_CALL",
                               "This call has not been granted");
      return FALSE;
    }

  credential->last_use = sandbox_now (self);
  call->credential = credential;
  return TRUE;
}

/* A sliding minute per consumer key. */
gboolean
sandbox_rate_limit_allows (SandboxCall *call)
{
  OvhSandbox *self = call->self;
  GQueue *recent = &call->credential->recent_calls;
  gint64 now = g_get_monotonic_time ();
  gint64 *stamp;

  while ((stamp = g_queue_peek_head (recent)) != NULL && *stamp <= now - RATE_WINDOW_USEC)
    g_free (g_queue_pop_head (recent));

  if (self->rate_limit > 0 && g_queue_get_length (recent) >= self->rate_limit)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (recent);
      gint64 wait = (oldest + RATE_WINDOW_USEC - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      char text[32];

      /* A fixed Retry-After is kept as a promise: the calls that filled the window all leave
       * it when that wait is over (until then, later calls hear the time that is left). */
      if (self->retry_after > 0 && wait > self->retry_after)
        {
          gint64 forgiven = now + (gint64) self->retry_after * G_USEC_PER_SEC - RATE_WINDOW_USEC;

          for (GList *l = recent->head; l != NULL; l = l->next)
            *(gint64 *) l->data = MIN (*(gint64 *) l->data, forgiven);
          wait = self->retry_after;
        }

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, MAX (wait, 1));
      soup_message_headers_replace (call->response_headers, "Retry-After", text);
      sandbox_call_auth_error (call, SANDBOX_STATUS_TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                               "Too many requests, retry later");
      return FALSE;
    }

  stamp = g_new (gint64, 1);
  *stamp = now;
  g_queue_push_tail (recent, stamp);
  return TRUE;
}
