/* ovh-sign-in.c: signing in to OVH, from the consumer key request to the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-credential.h"
#include "ovh-error.h"
#include "ovh-secret.h"
#include "ovh-sign-in.h"

struct _OvhSignIn
{
  GObject parent_instance;

  OvhAccount *account;
  OvhClient *client;
  OvhAccountStore *store; /* nullable: the account stays in memory */
  gboolean reauthenticate;
  guint interval_ms;
  guint timeout_seconds;

  OvhSignInState state;
  OvhSignInState failed_step;
  char *consumer_key; /* a secret: never logged */
  gboolean validated; /* consumer_key is validated: /me and the keyring may follow */
  char *validation_url;
  OvhMe *me;
  GError *error;
  GTask *task; /* the operation under way */
};

G_DEFINE_FINAL_TYPE (OvhSignIn, ovh_sign_in, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ACCOUNT,
  PROP_CLIENT,
  PROP_STORE,
  PROP_REAUTHENTICATE,
  PROP_STATE,
  PROP_FAILED_STEP,
  PROP_VALIDATION_URL,
  PROP_ME,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Written out rather than with G_DEFINE_QUARK, whose argument clang-format splits at the
 * dashes. */
GQuark
ovh_sign_in_error_quark (void)
{
  static GQuark quark = 0;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ovh-sign-in-error-quark");
  return quark;
}

GType
ovh_sign_in_state_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { OVH_SIGN_IN_STATE_IDLE, "OVH_SIGN_IN_STATE_IDLE", "idle" },
    { OVH_SIGN_IN_STATE_REQUESTING, "OVH_SIGN_IN_STATE_REQUESTING", "requesting" },
    { OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION, "OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION",
      "waiting-for-validation" },
    { OVH_SIGN_IN_STATE_CHECKING_KEY, "OVH_SIGN_IN_STATE_CHECKING_KEY", "checking-key" },
    { OVH_SIGN_IN_STATE_FETCHING_ACCOUNT, "OVH_SIGN_IN_STATE_FETCHING_ACCOUNT",
      "fetching-account" },
    { OVH_SIGN_IN_STATE_STORING, "OVH_SIGN_IN_STATE_STORING", "storing" },
    { OVH_SIGN_IN_STATE_DONE, "OVH_SIGN_IN_STATE_DONE", "done" },
    { OVH_SIGN_IN_STATE_FAILED, "OVH_SIGN_IN_STATE_FAILED", "failed" },
    { OVH_SIGN_IN_STATE_TIMED_OUT, "OVH_SIGN_IN_STATE_TIMED_OUT", "timed-out" },
    { OVH_SIGN_IN_STATE_REFUSED, "OVH_SIGN_IN_STATE_REFUSED", "refused" },
    { OVH_SIGN_IN_STATE_CANCELLED, "OVH_SIGN_IN_STATE_CANCELLED", "cancelled" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("OvhSignInState", values));
  return type_id;
}

/* State */

static void
set_state (OvhSignIn *self, OvhSignInState state)
{
  if (self->state == state)
    return;
  g_debug ("Sign-in: %s",
           g_enum_get_value (g_type_class_peek (OVH_TYPE_SIGN_IN_STATE), state)->value_nick);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_validation_url (OvhSignIn *self, const char *url)
{
  if (g_strcmp0 (self->validation_url, url) == 0)
    return;
  g_free (self->validation_url);
  self->validation_url = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATION_URL]);
}

static void
set_error (OvhSignIn *self, const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_failed_step (OvhSignIn *self, OvhSignInState step)
{
  if (self->failed_step == step)
    return;
  self->failed_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_STEP]);
}

/* Operations: one at a time, each a GTask that ends in one of the final states. */

static GTask *
start_operation (OvhSignIn *self,
                 gpointer source_tag,
                 GCancellable *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* What finish says matches the state, even when cancelled after the last step ended. */
  g_task_set_check_cancellable (task, FALSE);
  self->task = g_object_ref (task);
  set_error (self, NULL);
  set_failed_step (self, OVH_SIGN_IN_STATE_IDLE);
  return task;
}

static GTask *
end_operation (OvhSignIn *self)
{
  return g_steal_pointer (&self->task);
}

static void
succeed (OvhSignIn *self)
{
  g_autoptr (GTask) task = end_operation (self);

  set_state (self, OVH_SIGN_IN_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

/* Ends the operation in @state (TIMED_OUT, REFUSED, CANCELLED or FAILED) with @error. */
static void
end_with (OvhSignIn *self, OvhSignInState state, GError *error)
{
  g_autoptr (GTask) task = end_operation (self);

  set_error (self, error);
  set_state (self, state);
  g_task_return_error (task, error);
}

static void
fail (OvhSignIn *self, OvhSignInState step, GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      end_with (self, OVH_SIGN_IN_STATE_CANCELLED, error);
      return;
    }
  g_debug ("Sign-in failed while %s",
           g_enum_get_value (g_type_class_peek (OVH_TYPE_SIGN_IN_STATE), step)->value_nick);
  set_failed_step (self, step);
  end_with (self, OVH_SIGN_IN_STATE_FAILED, error);
}

/* Steps */

static void
on_stored (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhSignIn *self = g_task_get_source_object (task);
  GError *error = NULL;
  gboolean stored;

  if (self->reauthenticate)
    stored = ovh_account_store_update_finish (OVH_ACCOUNT_STORE (source), result, &error);
  else
    stored = ovh_account_store_add_finish (OVH_ACCOUNT_STORE (source), result, &error);

  if (!stored)
    fail (self, OVH_SIGN_IN_STATE_STORING, error);
  else
    succeed (self);
}

static void
store_account (OvhSignIn *self)
{
  GTask *task = self->task;

  ovh_account_set_consumer_key (self->account, self->consumer_key);
  if (self->me != NULL)
    ovh_account_set_nichandle (self->account, ovh_me_get_nichandle (self->me));

  if (self->store == NULL)
    {
      succeed (self);
      return;
    }

  set_state (self, OVH_SIGN_IN_STATE_STORING);
  if (self->reauthenticate)
    ovh_account_store_update_async (self->store, self->account, g_task_get_cancellable (task),
                                    on_stored, g_object_ref (task));
  else
    ovh_account_store_add_async (self->store, self->account, g_task_get_cancellable (task),
                                 on_stored, g_object_ref (task));
}

static void
on_me_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhSignIn *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (OvhMe) me = ovh_me_load_finish (result, &error);

  /* A key limited to some zones may not read /me: still signed in, without a name. */
  if (me == NULL && !g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    {
      fail (self, OVH_SIGN_IN_STATE_FETCHING_ACCOUNT, error);
      return;
    }
  g_clear_error (&error);
  if (g_set_object (&self->me, me))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);
  store_account (self);
}

static void
fetch_account (OvhSignIn *self)
{
  if (self->me != NULL)
    {
      g_clear_object (&self->me);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);
    }
  ovh_client_set_consumer_key (self->client, self->consumer_key);
  set_state (self, OVH_SIGN_IN_STATE_FETCHING_ACCOUNT);
  ovh_me_load_async (self->client, g_task_get_cancellable (self->task), on_me_loaded,
                     g_object_ref (self->task));
}

static void
on_validated (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhSignIn *self = g_task_get_source_object (task);
  GError *error = NULL;
  OvhCredentialStatus status;

  status = ovh_credential_wait_for_validation_finish (result, NULL, &error);
  set_validation_url (self, NULL);

  switch (status)
    {
    case OVH_CREDENTIAL_STATUS_VALIDATED:
      self->validated = TRUE;
      fetch_account (self);
      break;
    case OVH_CREDENTIAL_STATUS_REFUSED:
      g_clear_error (&error);
      end_with (self, OVH_SIGN_IN_STATE_REFUSED,
                g_error_new_literal (OVH_SIGN_IN_ERROR, OVH_SIGN_IN_ERROR_REFUSED,
                                     _ ("The key was refused on the validation page")));
      break;
    case OVH_CREDENTIAL_STATUS_EXPIRED:
      /* The timeout, or a key OVH dropped: which one cannot be known (see above). */
      g_clear_error (&error);
      end_with (self, OVH_SIGN_IN_STATE_TIMED_OUT,
                g_error_new_literal (OVH_SIGN_IN_ERROR, OVH_SIGN_IN_ERROR_TIMED_OUT,
                                     _ ("The authorization was not completed in time: it may "
                                        "have been refused, or the link expired.")));
      break;
    case OVH_CREDENTIAL_STATUS_CANCELLED:
    case OVH_CREDENTIAL_STATUS_PENDING_VALIDATION:
    case OVH_CREDENTIAL_STATUS_UNKNOWN:
    default:
      if (error == NULL)
        error = g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                                     _ ("OVHcloud answered with a state Domaine does not know."));
      fail (self, OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION, error);
      break;
    }
}

static void
on_requested (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhSignIn *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (OvhCredentialRequest) request = ovh_credential_request_finish (result, &error);

  if (request == NULL)
    {
      fail (self, OVH_SIGN_IN_STATE_REQUESTING, error);
      return;
    }

  ovh_secret_clear (&self->consumer_key);
  self->consumer_key = g_strdup (request->consumer_key);
  ovh_secret_clear (&request->consumer_key);

  /* The URL first: whoever sees the new state can show it at once. */
  set_validation_url (self, request->validation_url);
  set_state (self, OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION);
  ovh_credential_wait_for_validation_async (self->client, self->consumer_key, self->interval_ms,
                                            self->timeout_seconds, g_task_get_cancellable (task),
                                            on_validated, g_object_ref (task));
}

static void
on_key_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhSignIn *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr (OvhCredential) credential = ovh_credential_fetch_current_finish (result, &error);

  if (credential == NULL)
    {
      fail (self, OVH_SIGN_IN_STATE_CHECKING_KEY, error);
      return;
    }
  if (ovh_credential_get_status (credential) != OVH_CREDENTIAL_STATUS_VALIDATED)
    {
      fail (self, OVH_SIGN_IN_STATE_CHECKING_KEY,
            g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL,
                                 _ ("OVHcloud says this consumer key was not validated, or no "
                                    "longer is. Sign in through the browser instead.")));
      return;
    }
  self->validated = TRUE;
  fetch_account (self);
}

/* Public API */

void
ovh_sign_in_request_async (OvhSignIn *self,
                           GPtrArray *rules,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OVH_IS_SIGN_IN (self));
  g_return_if_fail (rules != NULL);
  g_return_if_fail (self->task == NULL);

  task = start_operation (self, ovh_sign_in_request_async, cancellable, callback, user_data);
  ovh_secret_clear (&self->consumer_key);
  self->validated = FALSE;
  ovh_client_set_consumer_key (self->client, NULL);
  set_state (self, OVH_SIGN_IN_STATE_REQUESTING);
  ovh_credential_request_async (self->client, rules, NULL, cancellable, on_requested,
                                g_object_ref (task));
}

void
ovh_sign_in_use_consumer_key_async (OvhSignIn *self,
                                    const char *consumer_key,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OVH_IS_SIGN_IN (self));
  g_return_if_fail (consumer_key != NULL);
  g_return_if_fail (self->task == NULL);

  task = start_operation (self, ovh_sign_in_use_consumer_key_async, cancellable, callback,
                          user_data);
  ovh_secret_clear (&self->consumer_key);
  self->consumer_key = g_strdup (consumer_key);
  self->validated = FALSE;
  ovh_client_set_consumer_key (self->client, self->consumer_key);
  set_state (self, OVH_SIGN_IN_STATE_CHECKING_KEY);
  ovh_credential_fetch_current_async (self->client, cancellable, on_key_checked,
                                      g_object_ref (task));
}

void
ovh_sign_in_complete_async (OvhSignIn *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OVH_IS_SIGN_IN (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (self->validated);

  task = start_operation (self, ovh_sign_in_complete_async, cancellable, callback, user_data);
  fetch_account (self);
}

gboolean
ovh_sign_in_finish (OvhSignIn *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ovh_sign_in_set_wait_timing (OvhSignIn *self, guint interval_ms, guint timeout_seconds)
{
  g_return_if_fail (OVH_IS_SIGN_IN (self));

  self->interval_ms = interval_ms;
  self->timeout_seconds = timeout_seconds;
}

OvhSignInState
ovh_sign_in_get_state (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), OVH_SIGN_IN_STATE_IDLE);
  return self->state;
}

OvhSignInState
ovh_sign_in_get_failed_step (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), OVH_SIGN_IN_STATE_IDLE);
  return self->failed_step;
}

const char *
ovh_sign_in_get_validation_url (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), NULL);
  return self->validation_url;
}

OvhAccount *
ovh_sign_in_get_account (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), NULL);
  return self->account;
}

OvhMe *
ovh_sign_in_get_me (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), NULL);
  return self->me;
}

const GError *
ovh_sign_in_get_error (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), NULL);
  return self->error;
}

gboolean
ovh_sign_in_is_running (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), FALSE);
  return self->task != NULL;
}

gboolean
ovh_sign_in_has_store (OvhSignIn *self)
{
  g_return_val_if_fail (OVH_IS_SIGN_IN (self), FALSE);
  return self->store != NULL;
}

/* GObject */

static void
ovh_sign_in_finalize (GObject *object)
{
  OvhSignIn *self = OVH_SIGN_IN (object);

  /* Each operation's callbacks hold its task, and the task holds us. */
  g_assert (self->task == NULL);
  g_clear_object (&self->account);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_object (&self->me);
  ovh_secret_clear (&self->consumer_key);
  g_clear_pointer (&self->validation_url, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ovh_sign_in_parent_class)->finalize (object);
}

static void
ovh_sign_in_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhSignIn *self = OVH_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_REAUTHENTICATE:
      g_value_set_boolean (value, self->reauthenticate);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FAILED_STEP:
      g_value_set_enum (value, self->failed_step);
      break;
    case PROP_VALIDATION_URL:
      g_value_set_string (value, self->validation_url);
      break;
    case PROP_ME:
      g_value_set_object (value, self->me);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_sign_in_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OvhSignIn *self = OVH_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_REAUTHENTICATE:
      self->reauthenticate = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_sign_in_class_init (OvhSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_sign_in_finalize;
  object_class->get_property = ovh_sign_in_get_property;
  object_class->set_property = ovh_sign_in_set_property;

  properties[PROP_ACCOUNT]
      = g_param_spec_object ("account", NULL, NULL, OVH_TYPE_ACCOUNT, construct);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, OVH_TYPE_CLIENT, construct);
  properties[PROP_STORE]
      = g_param_spec_object ("store", NULL, NULL, OVH_TYPE_ACCOUNT_STORE, construct);
  properties[PROP_REAUTHENTICATE]
      = g_param_spec_boolean ("reauthenticate", NULL, NULL, FALSE, construct);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, OVH_TYPE_SIGN_IN_STATE,
                                              OVH_SIGN_IN_STATE_IDLE, readable);
  properties[PROP_FAILED_STEP] = g_param_spec_enum (
      "failed-step", NULL, NULL, OVH_TYPE_SIGN_IN_STATE, OVH_SIGN_IN_STATE_IDLE, readable);
  properties[PROP_VALIDATION_URL]
      = g_param_spec_string ("validation-url", NULL, NULL, NULL, readable);
  properties[PROP_ME] = g_param_spec_object ("me", NULL, NULL, OVH_TYPE_ME, readable);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_sign_in_init (OvhSignIn *self)
{
  self->state = OVH_SIGN_IN_STATE_IDLE;
  self->failed_step = OVH_SIGN_IN_STATE_IDLE;
}

OvhSignIn *
ovh_sign_in_new (OvhAccount *account, OvhClient *client, OvhAccountStore *store)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (store == NULL || OVH_IS_ACCOUNT_STORE (store), NULL);

  return g_object_new (OVH_TYPE_SIGN_IN, "account", account, "client", client, "store", store,
                       NULL);
}

OvhSignIn *
ovh_sign_in_new_reauthenticate (OvhAccount *account, OvhClient *client, OvhAccountStore *store)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (store == NULL || OVH_IS_ACCOUNT_STORE (store), NULL);

  return g_object_new (OVH_TYPE_SIGN_IN, "account", account, "client", client, "store", store,
                       "reauthenticate", TRUE, NULL);
}
