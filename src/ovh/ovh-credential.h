/* ovh-credential.h: consumer keys — asking for one, waiting for the user, reading, revoking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ovh-access-rules.h"
#include "ovh-client.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_CREDENTIAL_STATUS_PENDING_VALIDATION, /* "pendingValidation": the user has not answered */
  OVH_CREDENTIAL_STATUS_VALIDATED,          /* "validated" */
  OVH_CREDENTIAL_STATUS_REFUSED,            /* "refused" (listed keys; see the wait below) */
  OVH_CREDENTIAL_STATUS_EXPIRED,            /* "expired", the wait timed out, or the key is gone */
  OVH_CREDENTIAL_STATUS_CANCELLED,          /* the wait was cancelled here; never from OVH */
  OVH_CREDENTIAL_STATUS_UNKNOWN,            /* a status this version does not know */
} OvhCredentialStatus;

#define OVH_TYPE_CREDENTIAL_STATUS (ovh_credential_status_get_type ())
GType ovh_credential_status_get_type (void) G_GNUC_CONST;

/* What POST /auth/credential answered: the new consumer key and the page where the user
 * accepts it. The consumer key is a secret: never log or display it. */
typedef struct
{
  char *consumer_key;
  char *validation_url;
  OvhCredentialStatus status;
} OvhCredentialRequest;

#define OVH_TYPE_CREDENTIAL_REQUEST (ovh_credential_request_get_type ())
GType ovh_credential_request_get_type (void) G_GNUC_CONST;
OvhCredentialRequest *ovh_credential_request_copy (const OvhCredentialRequest *request);
void ovh_credential_request_free (OvhCredentialRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhCredentialRequest, ovh_credential_request_free)

/* One consumer key as OVH describes it (GET /auth/currentCredential, GET
 * /me/api/credential/{id}), with its application when listed. */
#define OVH_TYPE_CREDENTIAL (ovh_credential_get_type ())
G_DECLARE_FINAL_TYPE (OvhCredential, ovh_credential, OVH, CREDENTIAL, GObject)

OvhCredential *ovh_credential_new_from_json (JsonNode *node, GError **error);
gint64 ovh_credential_get_id (OvhCredential *self);
gint64 ovh_credential_get_application_id (OvhCredential *self);
OvhCredentialStatus ovh_credential_get_status (OvhCredential *self);
GDateTime *ovh_credential_get_creation (OvhCredential *self);            /* nullable */
GDateTime *ovh_credential_get_expiration (OvhCredential *self);          /* NULL = never */
GDateTime *ovh_credential_get_last_use (OvhCredential *self);            /* nullable */
GPtrArray *ovh_credential_get_rules (OvhCredential *self);               /* OvhAccessRule* */
const char *const *ovh_credential_get_allowed_ips (OvhCredential *self); /* NULL = any */
gboolean ovh_credential_get_ovh_support (OvhCredential *self);
/* From GET /me/api/credential/{id}/application; NULL when not listed or deleted. */
const char *ovh_credential_get_application_name (OvhCredential *self);
const char *ovh_credential_get_application_key (OvhCredential *self);
const char *ovh_credential_get_application_description (OvhCredential *self);
gboolean ovh_credential_allows (OvhCredential *self, const char *method, const char *path);

/* POST /auth/credential (unsigned): asks OVH for a consumer key with these rules
 * (OvhAccessRule*); redirection (nullable) is where the browser goes after validation. */
void ovh_credential_request_async (OvhClient *client,
                                   GPtrArray *rules,
                                   const char *redirection,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
OvhCredentialRequest *ovh_credential_request_finish (GAsyncResult *result, GError **error);

/* Polls GET /auth/currentCredential signed with consumer_key every interval_ms (0 = 2 s)
 * until the user validated it (VALIDATED), timeout_seconds (0 = 15 min) passed (EXPIRED), or
 * cancellable was cancelled (CANCELLED, with G_IO_ERROR_CANCELLED). Network and server
 * errors while waiting are waited out; other errors end the wait (PENDING_VALIDATION with
 * the error). *credential receives the validated credential.
 *
 * A key the user refused, or whose validation page expired, cannot be told from one still
 * pending: before signing in, the only way to ask about a key is a call signed with it, and OVH
 * answers every call signed with a key that is not validated — pending, refused or expired alike —
 * with 403 INVALID_CREDENTIAL "This credential is not valid". So such a wait runs until its
 * timeout. A key OVH has deleted ("does not exist") ends it early as EXPIRED; REFUSED (and
 * EXPIRED with a credential) are reported only if OVH ever answers with that status. A user
 * interface should therefore let the user give up (cancel) while it waits, and say after a
 * timeout that the authorization may have been refused or may have expired. */
void ovh_credential_wait_for_validation_async (OvhClient *client,
                                               const char *consumer_key,
                                               guint interval_ms,
                                               guint timeout_seconds,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data);
OvhCredentialStatus ovh_credential_wait_for_validation_finish (GAsyncResult *result,
                                                               OvhCredential **credential,
                                                               GError **error);

/* GET /auth/currentCredential with the client's consumer key. */
void ovh_credential_fetch_current_async (OvhClient *client,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
OvhCredential *ovh_credential_fetch_current_finish (GAsyncResult *result, GError **error);

/* POST /auth/logout: the client's consumer key stops working (the client keeps it). */
void ovh_credential_logout_async (OvhClient *client,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean ovh_credential_logout_finish (GAsyncResult *result, GError **error);

/* GET /me/api/credential, then each credential and its application (a few at a time).
 * The model holds OvhCredential, by id. */
void ovh_credential_list_async (OvhClient *client,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
GListModel *ovh_credential_list_finish (GAsyncResult *result, GError **error);

/* DELETE /me/api/credential/{id}. */
void ovh_credential_revoke_async (OvhClient *client,
                                  gint64 credential_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean ovh_credential_revoke_finish (GAsyncResult *result, GError **error);

G_END_DECLS
