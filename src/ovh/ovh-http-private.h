/* ovh-http-private.h: the HTTP side of OvhClient's calls: URLs, response headers, answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* base_url + path; "/v1/…" and "/v2/…" replace the "/1.0" suffix of the endpoint. */
char *ovh_http_build_url (const char *base_url, const char *path);
/* The response headers, names in lower case. */
GHashTable *ovh_http_collect_response_headers (SoupMessage *message);
/* Retry-After in seconds or as an HTTP date; -1 when absent or unreadable. */
gint64 ovh_http_parse_retry_after (SoupMessage *message);
/* The JSON of an answer (a null node for an empty body), or OVH_ERROR_INVALID_RESPONSE. */
JsonNode *ovh_http_parse_json_answer (GBytes *bytes, GError **error);

/* Sends message and reads its whole answer, refusing what a broken or hostile server could do
 * with it: a redirect is never followed (the request's headers stay with the API) and is an
 * error naming its target; an answer larger than max_size bytes, and an exchange that brings
 * fewer than a few hundred bytes in stall_seconds (0: no deadline), fail. The reader's own
 * errors are OVH_ERROR_INVALID_RESPONSE or OVH_ERROR_NETWORK and final (not worth a retry);
 * the transport's are passed on as they are (G_IO_ERROR, G_TLS_ERROR…). */
void ovh_http_send_async (SoupSession *session,
                          SoupMessage *message,
                          guint stall_seconds,
                          guint64 max_size,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data);
GBytes *ovh_http_send_finish (GAsyncResult *result, GError **error);

G_END_DECLS
