/* ovh-client-private.h: what the rest of libovh needs from the client, not for applications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-client.h"

G_BEGIN_DECLS

/* ovh_client_call_async with another consumer key than the client's: the credential flow
 * polls with a key that is not (yet) the account's. Finish with ovh_client_call_finish. */
void ovh_client_call_as_async (OvhClient *self,
                               const char *consumer_key,
                               const char *method,
                               const char *path,
                               JsonNode *body,
                               OvhCallFlags flags,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);

/* A flag of libovh's own: a successful answer is not parsed (the call's result is a JSON
 * null node) and the caller reads its bytes (ovh_client_call_get_exchange), as the record
 * loader does with pages of records. */
#define OVH_CALL_BODY_UNREAD ((OvhCallFlags) (1 << 8))

/* What the last attempt of a finished call (ovh_client_call_full_async) exchanged: the HTTP
 * status (0 when nothing answered), the answer's bytes, OVH's query id (both NULL when none)
 * and how long the answer took after the request was sent. For ovh-client-raw.c. */
void ovh_client_call_get_exchange (
    GAsyncResult *result, guint *status, GBytes **body, char **query_id, gint64 *duration_us);

/* Waits delay_ms on the thread-default main context; cancellable (ovh-sleep.c). */
void ovh_sleep_async (guint delay_ms,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data);
gboolean ovh_sleep_finish (GAsyncResult *result, GError **error);

/* GET first_path and second_path (either may be NULL: not asked) at once; finishes once both
 * have answered. Each answer is a node or an error, NULL and no error for a path not asked;
 * a cancelled call answers with its error like any other (ovh-get-pair.c). */
void ovh_client_get_pair_async (OvhClient *self,
                                const char *first_path,
                                const char *second_path,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
void ovh_client_get_pair_finish (GAsyncResult *result,
                                 JsonNode **first,
                                 GError **first_error,
                                 JsonNode **second,
                                 GError **second_error);

/* What ovh_client_set_tls_database() set (NULL = the system's): a plain download
 * (a history version's zoneFileUrl) trusts the same certificates. */
GTlsDatabase *ovh_client_get_tls_database (OvhClient *self);

G_END_DECLS
