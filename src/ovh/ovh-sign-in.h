/* ovh-sign-in.h: signing in to OVH, from the consumer key request to the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object for the whole sequence, so that the assistant and `domaine-cli login` drive the
 * same steps: POST /auth/credential with the chosen rules → the validation URL the user
 * opens → polling until they accept → GET /me → the account in the keyring. A consumer key
 * the user already has takes a shorter way: GET /auth/currentCredential → GET /me → keyring.
 *
 * The state property says where the sequence is, for people and tests; the consumer key is a
 * secret that never leaves this object except into the account, and no error message names it.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-account-store.h"
#include "ovh-account.h"
#include "ovh-client.h"
#include "ovh-me.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_SIGN_IN_STATE_IDLE,                   /* nothing asked yet */
  OVH_SIGN_IN_STATE_REQUESTING,             /* POST /auth/credential */
  OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION, /* the user accepts in the browser; we poll */
  OVH_SIGN_IN_STATE_CHECKING_KEY,           /* a key the user already has: is it validated? */
  OVH_SIGN_IN_STATE_FETCHING_ACCOUNT,       /* GET /me */
  OVH_SIGN_IN_STATE_STORING,                /* writing the account to the keyring */
  OVH_SIGN_IN_STATE_DONE,                   /* signed in (and stored, with a store) */
  OVH_SIGN_IN_STATE_FAILED,                 /* the error says why; failed-step says where */
  /* Not validated in time. OVH answers a refused or expired key as it does a pending one,
   * so a refusal normally ends here too: it may have been refused, or the link expired. */
  OVH_SIGN_IN_STATE_TIMED_OUT,
  OVH_SIGN_IN_STATE_REFUSED,   /* OVH said "refused" (see ovh-credential.h: rare) */
  OVH_SIGN_IN_STATE_CANCELLED, /* the operation's cancellable was cancelled */
} OvhSignInState;

#define OVH_TYPE_SIGN_IN_STATE (ovh_sign_in_state_get_type ())
GType ovh_sign_in_state_get_type (void) G_GNUC_CONST;

#define OVH_SIGN_IN_ERROR (ovh_sign_in_error_quark ())

typedef enum
{
  OVH_SIGN_IN_ERROR_TIMED_OUT, /* OVH_SIGN_IN_STATE_TIMED_OUT */
  OVH_SIGN_IN_ERROR_REFUSED,   /* OVH_SIGN_IN_STATE_REFUSED */
} OvhSignInError;

GQuark ovh_sign_in_error_quark (void);

#define OVH_TYPE_SIGN_IN (ovh_sign_in_get_type ())
G_DECLARE_FINAL_TYPE (OvhSignIn, ovh_sign_in, OVH, SIGN_IN, GObject)

/* A new account: @account holds the endpoint, the application key and secret (and the label);
 * @client calls that endpoint with those keys (the caller sets its TLS trust). Once validated,
 * the account gets the consumer key and nichandle and is added to @store (nullable: kept in
 * memory only). */
OvhSignIn *ovh_sign_in_new (OvhAccount *account, OvhClient *client, OvhAccountStore *store);
/* Signing in again on @account, already in @store (nullable): its keyring item is updated
 * with the new consumer key; its label is kept. */
OvhSignIn *
ovh_sign_in_new_reauthenticate (OvhAccount *account, OvhClient *client, OvhAccountStore *store);

/* How often to ask OVH whether the user answered, and when to stop (0 = 2 s, 15 minutes). */
void ovh_sign_in_set_wait_timing (OvhSignIn *self, guint interval_ms, guint timeout_seconds);

/* The whole sequence: asks for a consumer key with @rules (OvhAccessRule*), exposes the
 * validation URL, waits for the user, reads /me and stores the account. Cancelling
 * @cancellable stops it wherever it is (state CANCELLED). */
void ovh_sign_in_request_async (OvhSignIn *self,
                                GPtrArray *rules,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
/* With a consumer key the user already has: checks that OVH validated it, then /me and the
 * keyring. A key that is not validated fails with OVH_ERROR_INVALID_CREDENTIAL. */
void ovh_sign_in_use_consumer_key_async (OvhSignIn *self,
                                         const char *consumer_key,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
/* After reading /me or storing failed: both again with the validated key this object has. */
void ovh_sign_in_complete_async (OvhSignIn *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
/* TRUE once DONE; else the error (G_IO_ERROR_CANCELLED, OVH_SIGN_IN_ERROR, OVH_ERROR, or
 * OVH_ACCOUNT_STORE_ERROR). */
gboolean ovh_sign_in_finish (OvhSignIn *self, GAsyncResult *result, GError **error);

OvhSignInState ovh_sign_in_get_state (OvhSignIn *self);
/* While the state is FAILED: the step that failed (REQUESTING, WAITING_FOR_VALIDATION,
 * CHECKING_KEY, FETCHING_ACCOUNT or STORING); else IDLE. */
OvhSignInState ovh_sign_in_get_failed_step (OvhSignIn *self);
/* The page where the user accepts the key, while WAITING_FOR_VALIDATION; else NULL. */
const char *ovh_sign_in_get_validation_url (OvhSignIn *self);
OvhAccount *ovh_sign_in_get_account (OvhSignIn *self);
/* Who signed in, once /me answered; NULL when the key may not read /me. */
OvhMe *ovh_sign_in_get_me (OvhSignIn *self);
/* Why it failed, timed out or was cancelled; NULL otherwise. */
const GError *ovh_sign_in_get_error (OvhSignIn *self);
/* Whether an operation is under way (between its start and its callback). */
gboolean ovh_sign_in_is_running (OvhSignIn *self);
/* Whether the account is kept somewhere (a store was given). */
gboolean ovh_sign_in_has_store (OvhSignIn *self);

G_END_DECLS
