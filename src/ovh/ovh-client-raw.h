/* ovh-client-raw.h: one call as a person writes it, and everything its answer says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the API console and `domaine-cli api`: a method, a path with its query and a JSON body
 * typed by someone, signed and sent like every call of the client (clock, rate limit,
 * retries of reads), and the answer's status, OVH's query id, body and time.
 */
#pragma once

#include "ovh-client.h"

G_BEGIN_DECLS

typedef struct
{
  char *method;
  char *path;
  guint status;       /* the HTTP status */
  char *query_id;     /* X-Ovh-QueryID, or NULL */
  GBytes *body;       /* as received */
  JsonNode *json;     /* the body read as JSON (a null node when empty), NULL when it is not */
  gint64 duration_us; /* from the request sent to the whole answer read */
} OvhRawAnswer;

#define OVH_TYPE_RAW_ANSWER (ovh_raw_answer_get_type ())
GType ovh_raw_answer_get_type (void) G_GNUC_CONST;
OvhRawAnswer *ovh_raw_answer_copy (const OvhRawAnswer *answer);
void ovh_raw_answer_free (OvhRawAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhRawAnswer, ovh_raw_answer_free)

/* Whether text (NULL or blank: no body) is a JSON document a call can send; else
 * G_IO_ERROR_INVALID_DATA saying what is wrong. */
gboolean ovh_raw_call_check_body (const char *text, GError **error);
/* path followed by the query parameters, each "NAME=VALUE" (escaped here); NULL with
 * G_IO_ERROR_INVALID_ARGUMENT for one without "=" or a name. */
char *ovh_raw_call_build_path (const char *path, const char *const *parameters, GError **error);
/* Whether method changes nothing (GET): the others ask before they are sent. */
gboolean ovh_raw_call_is_read_only (const char *method);

/* method: GET, POST, PUT, DELETE or PATCH (any case). path: from the API's root, with its
 * query, already escaped. body: JSON text or NULL. Nothing is sent when one is wrong
 * (G_IO_ERROR_INVALID_ARGUMENT or _INVALID_DATA). */
void ovh_client_raw_call_async (OvhClient *self,
                                const char *method,
                                const char *path,
                                const char *body,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
/* TRUE when the API answered with success. Errors are the client's (OVH_ERROR with the status
 * and the query id, …); *answer (if not NULL) receives the answer whenever the API answered,
 * an error status included. */
gboolean ovh_client_raw_call_finish (OvhClient *self,
                                     GAsyncResult *result,
                                     OvhRawAnswer **answer,
                                     GError **error);

G_END_DECLS
