/* ovh-credential.c: consumer keys — asking for one, waiting for the user, reading, revoking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-credential.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

#define DEFAULT_POLL_INTERVAL_MS 2000
#define DEFAULT_WAIT_TIMEOUT_SECONDS (15 * 60)
/* Listing asks for a few credentials at a time: the rate limiter paces them anyway. */
#define LIST_PARALLELISM 4

G_DEFINE_ENUM_TYPE (OvhCredentialStatus,
                    ovh_credential_status,
                    G_DEFINE_ENUM_VALUE (OVH_CREDENTIAL_STATUS_PENDING_VALIDATION,
                                         "pending-validation"),
                    G_DEFINE_ENUM_VALUE (OVH_CREDENTIAL_STATUS_VALIDATED, "validated"),
                    G_DEFINE_ENUM_VALUE (OVH_CREDENTIAL_STATUS_REFUSED, "refused"),
                    G_DEFINE_ENUM_VALUE (OVH_CREDENTIAL_STATUS_EXPIRED, "expired"),
                    G_DEFINE_ENUM_VALUE (OVH_CREDENTIAL_STATUS_CANCELLED, "cancelled"),
                    G_DEFINE_ENUM_VALUE (OVH_CREDENTIAL_STATUS_UNKNOWN, "unknown"))

G_DEFINE_BOXED_TYPE (OvhCredentialRequest,
                     ovh_credential_request,
                     ovh_credential_request_copy,
                     ovh_credential_request_free)

struct _OvhCredential
{
  GObject parent_instance;

  gint64 id;
  gint64 application_id;
  OvhCredentialStatus status;
  GDateTime *creation;
  GDateTime *expiration;
  GDateTime *last_use;
  GPtrArray *rules;
  GStrv allowed_ips;
  gboolean ovh_support;

  char *application_name;
  char *application_key;
  char *application_description;
};

G_DEFINE_FINAL_TYPE (OvhCredential, ovh_credential, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_APPLICATION_ID,
  PROP_STATUS,
  PROP_CREATION,
  PROP_EXPIRATION,
  PROP_LAST_USE,
  PROP_APPLICATION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

OvhCredentialRequest *
ovh_credential_request_copy (const OvhCredentialRequest *request)
{
  OvhCredentialRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (OvhCredentialRequest, 1);
  copy->consumer_key = g_strdup (request->consumer_key);
  copy->validation_url = g_strdup (request->validation_url);
  copy->status = request->status;
  return copy;
}

void
ovh_credential_request_free (OvhCredentialRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->consumer_key);
  g_free (request->validation_url);
  g_free (request);
}

static OvhCredentialStatus
status_from_string (const char *status)
{
  static const struct
  {
    const char *name;
    OvhCredentialStatus status;
  } statuses[] = {
    { "pendingValidation", OVH_CREDENTIAL_STATUS_PENDING_VALIDATION },
    { "validated", OVH_CREDENTIAL_STATUS_VALIDATED },
    { "refused", OVH_CREDENTIAL_STATUS_REFUSED },
    { "expired", OVH_CREDENTIAL_STATUS_EXPIRED },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (status, statuses[i].name))
      return statuses[i].status;
  return OVH_CREDENTIAL_STATUS_UNKNOWN;
}

static GError *
invalid_response (void)
{
  return g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                              _ ("The description of the API key sent by OVHcloud could not be "
                                 "read"));
}

OvhCredential *
ovh_credential_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OvhCredential) self = NULL;
  JsonObject *object = ovh_json_node_get_object (node);
  const char *status;
  JsonArray *allowed_ips;
  JsonNode *rules;

  self = g_object_new (OVH_TYPE_CREDENTIAL, NULL);
  if (object == NULL
      || !ovh_json_read_int64 (object, "credentialId", OVH_JSON_REQUIRED, &self->id, NULL)
      || !ovh_json_read_string (object, "status", OVH_JSON_REQUIRED, &status, NULL)
      || !ovh_json_read_date (object, "creation", OVH_JSON_OPTIONAL, &self->creation, NULL)
      || !ovh_json_read_date (object, "expiration", OVH_JSON_OPTIONAL, &self->expiration, NULL)
      || !ovh_json_read_date (object, "lastUse", OVH_JSON_OPTIONAL, &self->last_use, NULL))
    {
      g_propagate_error (error, invalid_response ());
      return NULL;
    }
  self->status = status_from_string (status);

  /* Optional, but a member of the wrong type means the answer is not what it claims. */
  if (!ovh_json_read_int64 (object, "applicationId", OVH_JSON_OPTIONAL, &self->application_id, NULL)
      || !ovh_json_read_boolean (object, "ovhSupport", OVH_JSON_OPTIONAL, &self->ovh_support, NULL)
      || !ovh_json_read_array (object, "allowedIPs", OVH_JSON_OPTIONAL, &allowed_ips, NULL))
    {
      g_propagate_error (error, invalid_response ());
      return NULL;
    }

  rules = json_object_get_member (object, "rules");
  if (rules != NULL && !JSON_NODE_HOLDS_NULL (rules))
    {
      self->rules = ovh_access_rules_from_json (rules, error);
      if (self->rules == NULL)
        return NULL;
    }
  else
    self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_access_rule_free);

  if (allowed_ips != NULL)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (allowed_ips); i++)
        {
          const char *ip = ovh_json_node_get_string (json_array_get_element (allowed_ips, i));

          if (ip == NULL)
            {
              g_propagate_error (error, invalid_response ());
              return NULL;
            }
          g_strv_builder_add (builder, ip);
        }
      self->allowed_ips = g_strv_builder_end (builder);
    }

  return g_steal_pointer (&self);
}

/* GET /me/api/credential/{id}/application → {applicationId, applicationKey, name, …}. */
static void
ovh_credential_set_application (OvhCredential *self, JsonNode *node)
{
  JsonObject *object = ovh_json_node_get_object (node);

  if (object == NULL)
    return;

  g_free (self->application_name);
  self->application_name = g_strdup (ovh_json_lookup_string (object, "name"));
  g_free (self->application_key);
  self->application_key = g_strdup (ovh_json_lookup_string (object, "applicationKey"));
  g_free (self->application_description);
  self->application_description = g_strdup (ovh_json_lookup_string (object, "description"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION_NAME]);
}

gint64
ovh_credential_get_id (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), 0);
  return self->id;
}

gint64
ovh_credential_get_application_id (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), 0);
  return self->application_id;
}

OvhCredentialStatus
ovh_credential_get_status (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), OVH_CREDENTIAL_STATUS_UNKNOWN);
  return self->status;
}

GDateTime *
ovh_credential_get_creation (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->creation;
}

GDateTime *
ovh_credential_get_expiration (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->expiration;
}

GDateTime *
ovh_credential_get_last_use (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->last_use;
}

GPtrArray *
ovh_credential_get_rules (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->rules;
}

const char *const *
ovh_credential_get_allowed_ips (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return (const char *const *) self->allowed_ips;
}

gboolean
ovh_credential_get_ovh_support (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), FALSE);
  return self->ovh_support;
}

const char *
ovh_credential_get_application_name (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->application_name;
}

const char *
ovh_credential_get_application_key (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->application_key;
}

const char *
ovh_credential_get_application_description (OvhCredential *self)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), NULL);
  return self->application_description;
}

gboolean
ovh_credential_allows (OvhCredential *self, const char *method, const char *path)
{
  g_return_val_if_fail (OVH_IS_CREDENTIAL (self), FALSE);
  return ovh_access_rules_allow (self->rules, method, path);
}

static void
ovh_credential_finalize (GObject *object)
{
  OvhCredential *self = OVH_CREDENTIAL (object);

  g_clear_pointer (&self->creation, g_date_time_unref);
  g_clear_pointer (&self->expiration, g_date_time_unref);
  g_clear_pointer (&self->last_use, g_date_time_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->allowed_ips, g_strfreev);
  g_free (self->application_name);
  g_free (self->application_key);
  g_free (self->application_description);

  G_OBJECT_CLASS (ovh_credential_parent_class)->finalize (object);
}

static void
ovh_credential_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhCredential *self = OVH_CREDENTIAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CREATION:
      g_value_set_boxed (value, self->creation);
      break;

    case PROP_EXPIRATION:
      g_value_set_boxed (value, self->expiration);
      break;

    case PROP_LAST_USE:
      g_value_set_boxed (value, self->last_use);
      break;

    case PROP_APPLICATION_NAME:
      g_value_set_string (value, self->application_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_credential_class_init (OvhCredentialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_credential_finalize;
  object_class->get_property = ovh_credential_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_ID]
      = g_param_spec_int64 ("application-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OVH_TYPE_CREDENTIAL_STATUS,
                                               OVH_CREDENTIAL_STATUS_UNKNOWN,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATION] = g_param_spec_boxed ("creation", NULL, NULL, G_TYPE_DATE_TIME,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPIRATION] = g_param_spec_boxed ("expiration", NULL, NULL, G_TYPE_DATE_TIME,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_USE] = g_param_spec_boxed ("last-use", NULL, NULL, G_TYPE_DATE_TIME,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_NAME]
      = g_param_spec_string ("application-name", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_credential_init (OvhCredential *self)
{
  self->status = OVH_CREDENTIAL_STATUS_UNKNOWN;
}

/* ---- one call, one task ------------------------------------------------------------ */

/* The task of an _async function whose result comes from one call: on_answer gets the task
 * as user data and returns its result. */
static void
call_for_task (OvhClient *client,
               gpointer source_tag,
               const char *method,
               const char *path,
               JsonNode *body,
               OvhCallFlags flags,
               GAsyncReadyCallback on_answer,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  ovh_client_call_async (client, method, path, body, flags, cancellable, on_answer, task);
}

static gboolean
is_task_of (GAsyncResult *result, gpointer source_tag)
{
  return G_IS_TASK (result) && g_task_get_source_tag (G_TASK (result)) == source_tag;
}

/* ---- POST /auth/credential ---------------------------------------------------------- */

static void
on_request_answered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhCredentialRequest) request = NULL;
  JsonObject *object;
  const char *consumer_key, *validation_url, *state;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = ovh_json_node_get_object (node);
  if (object == NULL
      || !ovh_json_read_string (object, "consumerKey", OVH_JSON_REQUIRED, &consumer_key, NULL)
      || !ovh_json_read_string (object, "validationUrl", OVH_JSON_REQUIRED, &validation_url, NULL))
    {
      g_task_return_new_error (task, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                               _ ("OVHcloud did not send a new API key"));
      return;
    }

  request = g_new0 (OvhCredentialRequest, 1);
  request->consumer_key = g_strdup (consumer_key);
  request->validation_url = g_strdup (validation_url);
  state = ovh_json_lookup_string (object, "state");
  request->status
      = state != NULL ? status_from_string (state) : OVH_CREDENTIAL_STATUS_PENDING_VALIDATION;
  g_task_return_pointer (task, g_steal_pointer (&request),
                         (GDestroyNotify) ovh_credential_request_free);
}

void
ovh_credential_request_async (OvhClient *client,
                              GPtrArray *rules,
                              const char *redirection,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (rules != NULL && rules->len > 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accessRules");
  json_builder_add_value (builder, ovh_access_rules_to_json (rules));
  json_builder_set_member_name (builder, "redirection");
  if (redirection != NULL)
    json_builder_add_string_value (builder, redirection);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call_for_task (client, ovh_credential_request_async, "POST", "/auth/credential", body,
                 OVH_CALL_UNSIGNED, on_request_answered, cancellable, callback, user_data);
}

OvhCredentialRequest *
ovh_credential_request_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (is_task_of (result, ovh_credential_request_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- waiting for the user ---------------------------------------------------------- */

typedef struct
{
  char *consumer_key;
  guint interval_ms;
  gint64 deadline_us;
  OvhCredentialStatus status; /* what finish reports along with an error */
  guint polls;
} Wait;

static void
wait_free (gpointer data)
{
  Wait *wait = data;

  g_free (wait->consumer_key);
  g_free (wait);
}

static void wait_poll (GTask *task);

static void
wait_return (GTask *task, OvhCredentialStatus status, OvhCredential *credential)
{
  Wait *wait = g_task_get_task_data (task);

  g_debug ("Credential wait ended after %u polls: %d", wait->polls, status);
  wait->status = status;
  if (credential != NULL)
    g_object_set_data_full (G_OBJECT (task), "credential", g_object_ref (credential),
                            g_object_unref);
  g_task_return_int (task, status);
  g_object_unref (task);
}

static void
wait_fail (GTask *task, OvhCredentialStatus status, GError *error)
{
  Wait *wait = g_task_get_task_data (task);

  wait->status = status;
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_wait_slept (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_sleep_finish (result, &error))
    {
      wait_fail (task, OVH_CREDENTIAL_STATUS_CANCELLED, g_steal_pointer (&error));
      return;
    }
  wait_poll (task);
}

static void
wait_again (GTask *task)
{
  Wait *wait = g_task_get_task_data (task);

  if (g_get_monotonic_time () + wait->interval_ms * (gint64) 1000 > wait->deadline_us)
    {
      wait_return (task, OVH_CREDENTIAL_STATUS_EXPIRED, NULL);
      return;
    }
  ovh_sleep_async (wait->interval_ms, g_task_get_cancellable (task), on_wait_slept, task);
}

/* OVH says a key that was deleted (revoked, or dropped unvalidated) "does not exist", with
 * NOT_CREDENTIAL or, on some routes, INVALID_CREDENTIAL and that message; a pending, refused
 * or expired one "is not valid": the API does not tell those three apart. */
static gboolean
credential_is_gone (const GError *error)
{
  if (!g_error_matches (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL)
      || ovh_error_get_http_status (error) == 401)
    return FALSE;

  return g_strcmp0 (ovh_error_get_error_code (error), "NOT_CREDENTIAL") == 0
         || g_str_has_prefix (error->message, "This credential does not exist");
}

static void
on_wait_polled (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhCredential) credential = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        wait_fail (task, OVH_CREDENTIAL_STATUS_CANCELLED, g_steal_pointer (&error));
      /* Revoked, or dropped by OVH before anyone validated it. */
      else if (credential_is_gone (error))
        wait_return (task, OVH_CREDENTIAL_STATUS_EXPIRED, NULL);
      /* Until the user answers, OVH says 403 "This credential is not valid". */
      else if (g_error_matches (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL)
               || ovh_error_is_transient (error))
        wait_again (task);
      else
        wait_fail (task, OVH_CREDENTIAL_STATUS_PENDING_VALIDATION, g_steal_pointer (&error));
      return;
    }

  credential = ovh_credential_new_from_json (node, &error);
  if (credential == NULL)
    {
      wait_fail (task, OVH_CREDENTIAL_STATUS_PENDING_VALIDATION, g_steal_pointer (&error));
      return;
    }

  switch (credential->status)
    {
    case OVH_CREDENTIAL_STATUS_PENDING_VALIDATION:
      wait_again (task);
      break;

    case OVH_CREDENTIAL_STATUS_VALIDATED:
    case OVH_CREDENTIAL_STATUS_REFUSED:
    case OVH_CREDENTIAL_STATUS_EXPIRED:
      wait_return (task, credential->status, credential);
      break;

    case OVH_CREDENTIAL_STATUS_CANCELLED:
    case OVH_CREDENTIAL_STATUS_UNKNOWN:
    default:
      wait_fail (task, OVH_CREDENTIAL_STATUS_UNKNOWN,
                 g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                                      _ ("OVHcloud answered with an unknown API key status")));
      break;
    }
}

static void
wait_poll (GTask *task)
{
  Wait *wait = g_task_get_task_data (task);

  wait->polls++;
  ovh_client_call_as_async (g_task_get_source_object (task), wait->consumer_key, "GET",
                            "/auth/currentCredential", NULL, OVH_CALL_NONE,
                            g_task_get_cancellable (task), on_wait_polled, task);
}

void
ovh_credential_wait_for_validation_async (OvhClient *client,
                                          const char *consumer_key,
                                          guint interval_ms,
                                          guint timeout_seconds,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  GTask *task;
  Wait *wait;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (consumer_key != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_credential_wait_for_validation_async);

  wait = g_new0 (Wait, 1);
  wait->consumer_key = g_strdup (consumer_key);
  wait->interval_ms = interval_ms > 0 ? interval_ms : DEFAULT_POLL_INTERVAL_MS;
  wait->deadline_us
      = g_get_monotonic_time ()
        + (gint64) (timeout_seconds > 0 ? timeout_seconds : DEFAULT_WAIT_TIMEOUT_SECONDS)
              * G_USEC_PER_SEC;
  wait->status = OVH_CREDENTIAL_STATUS_PENDING_VALIDATION;
  g_task_set_task_data (task, wait, wait_free);

  /* The user needs a moment to open the page: the first look is one interval away.
   * The task's own reference is the poller's, dropped in wait_return/wait_fail. */
  ovh_sleep_async (wait->interval_ms, cancellable, on_wait_slept, task);
}

OvhCredentialStatus
ovh_credential_wait_for_validation_finish (GAsyncResult *result,
                                           OvhCredential **credential,
                                           GError **error)
{
  GTask *task;
  GError *local_error = NULL;
  gssize status;

  g_return_val_if_fail (G_IS_TASK (result), OVH_CREDENTIAL_STATUS_UNKNOWN);
  task = G_TASK (result);
  g_return_val_if_fail (g_task_get_source_tag (task) == ovh_credential_wait_for_validation_async,
                        OVH_CREDENTIAL_STATUS_UNKNOWN);

  if (credential != NULL)
    *credential = NULL;

  status = g_task_propagate_int (task, &local_error);
  if (local_error != NULL)
    {
      Wait *wait = g_task_get_task_data (task);

      g_propagate_error (error, local_error);
      return wait->status;
    }

  if (credential != NULL)
    {
      OvhCredential *found = g_object_get_data (G_OBJECT (task), "credential");

      *credential = found != NULL ? g_object_ref (found) : NULL;
    }
  return (OvhCredentialStatus) status;
}

/* ---- current credential, logout, revoke ----------------------------------------------- */

static void
on_current_fetched (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  OvhCredential *credential;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  credential = ovh_credential_new_from_json (node, &error);
  if (credential == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, credential, g_object_unref);
}

void
ovh_credential_fetch_current_async (OvhClient *client,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (client));

  call_for_task (client, ovh_credential_fetch_current_async, "GET", "/auth/currentCredential", NULL,
                 OVH_CALL_NONE, on_current_fetched, cancellable, callback, user_data);
}

OvhCredential *
ovh_credential_fetch_current_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (is_task_of (result, ovh_credential_fetch_current_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_boolean_call_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ovh_credential_logout_async (OvhClient *client,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (client));

  call_for_task (client, ovh_credential_logout_async, "POST", "/auth/logout", NULL, OVH_CALL_NONE,
                 on_boolean_call_done, cancellable, callback, user_data);
}

gboolean
ovh_credential_logout_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (is_task_of (result, ovh_credential_logout_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ovh_credential_revoke_async (OvhClient *client,
                             gint64 credential_id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));

  path = ovh_path_printf ("/me/api/credential/%" G_GINT64_FORMAT, credential_id);
  call_for_task (client, ovh_credential_revoke_async, "DELETE", path, NULL, OVH_CALL_NONE,
                 on_boolean_call_done, cancellable, callback, user_data);
}

gboolean
ovh_credential_revoke_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (is_task_of (result, ovh_credential_revoke_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- listing ------------------------------------------------------------------------ */

typedef struct
{
  GArray *ids;         /* gint64 */
  GPtrArray *found;    /* OvhCredential*, by position in ids; NULL until fetched */
  guint next;          /* next position to fetch */
  guint in_flight;     /* calls not yet answered */
  GError *first_error; /* the list fails as a whole */
} List;

typedef struct
{
  GTask *task;
  guint position;
} ListItem;

static void
list_free (gpointer data)
{
  List *list = data;

  g_array_unref (list->ids);
  g_ptr_array_unref (list->found);
  g_clear_error (&list->first_error);
  g_free (list);
}

static void list_fill (GTask *task);

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
list_item_done (GTask *task)
{
  List *list = g_task_get_task_data (task);

  list->in_flight--;
  list_fill (task);
}

static void
on_list_application (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ListItem *item = user_data;
  GTask *task = item->task;
  List *list = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    ovh_credential_set_application (g_ptr_array_index (list->found, item->position), node);
  /* A deleted application leaves its keys behind: list them without a name. */
  else if (!g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND) && list->first_error == NULL)
    list->first_error = g_steal_pointer (&error);

  g_free (item);
  list_item_done (task);
}

static void
on_list_credential (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ListItem *item = user_data;
  GTask *task = item->task;
  List *list = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  OvhCredential *credential = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    credential = ovh_credential_new_from_json (node, &error);

  if (credential == NULL)
    {
      /* Revoked between the list and this call: not an error, just gone. */
      if (!g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND) && list->first_error == NULL)
        list->first_error = g_steal_pointer (&error);
      g_free (item);
      list_item_done (task);
      return;
    }

  g_ptr_array_index (list->found, item->position) = credential;
  if (list->first_error == NULL)
    {
      g_autofree char *path
          = ovh_path_printf ("/me/api/credential/%" G_GINT64_FORMAT "/application", credential->id);

      ovh_client_call_async (OVH_CLIENT (source), "GET", path, NULL, OVH_CALL_NONE,
                             g_task_get_cancellable (task), on_list_application, item);
      return;
    }

  g_free (item);
  list_item_done (task);
}

static void
list_fill (GTask *task)
{
  List *list = g_task_get_task_data (task);
  OvhClient *client = g_task_get_source_object (task);

  while (list->first_error == NULL && list->next < list->ids->len
         && list->in_flight < LIST_PARALLELISM)
    {
      ListItem *item = g_new0 (ListItem, 1);
      g_autofree char *path = NULL;

      item->task = task;
      item->position = list->next++;
      path = ovh_path_printf ("/me/api/credential/%" G_GINT64_FORMAT,
                              g_array_index (list->ids, gint64, item->position));
      list->in_flight++;
      ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE,
                             g_task_get_cancellable (task), on_list_credential, item);
    }

  if (list->in_flight > 0)
    return;

  if (list->first_error != NULL)
    g_task_return_error (task, g_steal_pointer (&list->first_error));
  else
    {
      GListStore *store = g_list_store_new (OVH_TYPE_CREDENTIAL);

      for (guint i = 0; i < list->found->len; i++)
        if (g_ptr_array_index (list->found, i) != NULL)
          g_list_store_append (store, g_ptr_array_index (list->found, i));
      g_task_return_pointer (task, store, g_object_unref);
    }
  g_object_unref (task);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
on_list_ids (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  List *list;
  JsonArray *array;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if ((array = ovh_json_node_get_array (node)) == NULL)
    {
      g_task_return_new_error (task, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                               _ ("The list of API keys sent by OVHcloud could not be read"));
      g_object_unref (task);
      return;
    }

  list = g_new0 (List, 1);
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id;

      if (!ovh_json_node_get_int64 (json_array_get_element (array, i), &id))
        {
          list_free (list);
          g_task_return_new_error (task, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                                   _ ("The list of API keys sent by OVHcloud could not be read"));
          g_object_unref (task);
          return;
        }
      g_array_append_val (list->ids, id);
    }
  g_array_sort (list->ids, compare_ids);
  list->found = g_ptr_array_new_full (list->ids->len, unref_if_set);
  g_ptr_array_set_size (list->found, list->ids->len);
  g_task_set_task_data (task, list, list_free);

  list_fill (task);
}

void
ovh_credential_list_async (OvhClient *client,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (client));

  call_for_task (client, ovh_credential_list_async, "GET", "/me/api/credential", NULL,
                 OVH_CALL_NONE, on_list_ids, cancellable, callback, user_data);
}

GListModel *
ovh_credential_list_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (is_task_of (result, ovh_credential_list_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
