/* ovh-client.h: signed, rate-limited, asynchronous calls to one OVH API endpoint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-error.h"

G_BEGIN_DECLS

#define OVH_TYPE_CLIENT (ovh_client_get_type ())
G_DECLARE_FINAL_TYPE (OvhClient, ovh_client, OVH, CLIENT, GObject)

typedef enum
{
  OVH_CALL_NONE = 0,
  OVH_CALL_UNSIGNED = 1 << 0, /* /auth/time, POST /auth/credential: only X-Ovh-Application */
  OVH_CALL_NO_RETRY = 1 << 1,
} OvhCallFlags;

/* base_url: an endpoint id ("ovh-eu") or a base URL ("http://127.0.0.1:8080/1.0").
 * consumer_key may be NULL until the credential flow provides one. */
OvhClient *ovh_client_new (const char *base_url,
                           const char *application_key,
                           const char *application_secret,
                           const char *consumer_key);

const char *ovh_client_get_base_url (OvhClient *self);
const char *ovh_client_get_application_key (OvhClient *self);
const char *ovh_client_get_consumer_key (OvhClient *self);
void ovh_client_set_consumer_key (OvhClient *self, const char *consumer_key);

/* Trust exactly this database (e.g. g_tls_file_database_new (sandbox-ca.pem)); NULL = system. */
void ovh_client_set_tls_database (OvhClient *self, GTlsDatabase *database);
/* Client-side fair use: at most this many requests per minute (default 50; 0 = unlimited). */
void ovh_client_set_rate_limit (OvhClient *self, guint requests_per_minute);
guint ovh_client_get_rate_limit (OvhClient *self);
/* Requests actually sent on the wire, retries included: what benchmarks count. */
guint64 ovh_client_get_request_count (OvhClient *self);

/* One API call. path is relative to the base URL and starts with "/" (query string allowed,
 * already escaped). body may be NULL. The result is the parsed JSON answer (a JsonNode of type
 * NULL for an empty body). Errors are in OVH_ERROR (or G_IO_ERROR_CANCELLED). */
void ovh_client_call_async (OvhClient *self,
                            const char *method,
                            const char *path,
                            JsonNode *body,
                            OvhCallFlags flags,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data);
JsonNode *ovh_client_call_finish (OvhClient *self, GAsyncResult *result, GError **error);

/* The same with extra request headers (X-Pagination-*, X-Ovh-Batch) and access to the answer's
 * headers. request_headers may be NULL; *response_headers (if not NULL) receives a new
 * GHashTable of lower-case header name → value. */
void ovh_client_call_full_async (OvhClient *self,
                                 const char *method,
                                 const char *path,
                                 JsonNode *body,
                                 GHashTable *request_headers,
                                 OvhCallFlags flags,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
JsonNode *ovh_client_call_full_finish (OvhClient *self,
                                       GAsyncResult *result,
                                       GHashTable **response_headers,
                                       GError **error);

/* Blocking convenience for the CLI and tests: iterates a private main context.
 * Never call from a thread that serves an in-process sandbox. */
JsonNode *ovh_client_call_sync (OvhClient *self,
                                const char *method,
                                const char *path,
                                JsonNode *body,
                                GCancellable *cancellable,
                                GError **error);

/* The clock offset (server − local, seconds), fetched from /auth/time on first signed call. */
gint64 ovh_client_get_time_offset (OvhClient *self);

/* GET (and /auth/time) calls are tried at most max_attempts times (default 3) on 429, 5xx and
 * network errors, and calls of every method on 429 (the rate limit: not carried out), waiting
 * base_delay_ms × 2^n plus jitter (default 1000 ms) or Retry-After. */
void ovh_client_set_retry_policy (OvhClient *self, guint max_attempts, guint base_delay_ms);
/* Seconds without progress (less than 512 bytes of the answer in that time) before a call
 * fails with OVH_ERROR_NETWORK, without a retry (default 30; 0 = no deadline). */
void ovh_client_set_timeout (OvhClient *self, guint seconds);
guint ovh_client_get_timeout (OvhClient *self);
/* Answers larger than this fail with OVH_ERROR_INVALID_RESPONSE (default 128 MiB). */
void ovh_client_set_max_answer_size (OvhClient *self, guint64 bytes);
guint64 ovh_client_get_max_answer_size (OvhClient *self);
/* The wait, in seconds, that the API asked for (Retry-After, at most 60: a longer one fails
 * the call) while the client honours it, else 0; "notify::retry-delay" says when it starts
 * and ends. */
guint ovh_client_get_retry_delay (OvhClient *self);
/* Whether the clock offset has been fetched (and not invalidated by QUERY_TIME_OUT). */
gboolean ovh_client_has_time_offset (OvhClient *self);
/* An offset remembered for this endpoint (another client, an earlier run): signed calls use
 * it at once instead of asking /auth/time first. Ignored once the client knows its own. */
void ovh_client_set_time_offset_hint (OvhClient *self, gint64 offset);

G_END_DECLS
