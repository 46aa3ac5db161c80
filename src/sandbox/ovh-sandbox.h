/* ovh-sandbox.h: a faithful stand-in for the OVH API, on SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server runs on a thread of its own with its own GMainContext, so that a test or the app
 * can call it with async *and* blocking clients from the main thread. Every public function is
 * thread-safe.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OVH_TYPE_SANDBOX (ovh_sandbox_get_type ())
G_DECLARE_FINAL_TYPE (OvhSandbox, ovh_sandbox, OVH, SANDBOX, GObject)

/* Ready-made credentials of the seeded customer (nichandle "al1234-ovh", Ada Lovelace). */
#define OVH_SANDBOX_APPLICATION_KEY "sandboxAppKey000"
#define OVH_SANDBOX_APPLICATION_SECRET "sandboxAppSecret0000000000000000"
#define OVH_SANDBOX_CONSUMER_KEY "sandboxConsumerKey00000000000000" /* validated, all rights */
#define OVH_SANDBOX_NICHANDLE "al1234-ovh"
#define OVH_SANDBOX_EMAIL "ada@lovelace.fr"
/* The password the credential page accepts for the demo customer (shown on the page). */
#define OVH_SANDBOX_DEMO_PASSWORD "analytical-1843"

typedef enum
{
  OVH_SANDBOX_FAULT_NONE,
  OVH_SANDBOX_FAULT_HTTP_500,  /* 500 with an OVH error body */
  OVH_SANDBOX_FAULT_DROP,      /* close the connection without an answer */
  OVH_SANDBOX_FAULT_MALFORMED, /* 200 with a body that is not JSON */
  /* 429 with Retry-After (the set_retry_after() seconds, else 1): not carried out. */
  OVH_SANDBOX_FAULT_RATE_LIMITED,
  /* The call is carried out, then its answer is lost: */
  OVH_SANDBOX_FAULT_APPLIED_DROP,      /* the connection is closed without an answer */
  OVH_SANDBOX_FAULT_APPLIED_MALFORMED, /* the answer's body is not JSON (its status is kept) */
  OVH_SANDBOX_FAULT_APPLIED_STALL,     /* no answer: the connection is closed after
                                          OVH_SANDBOX_STALL_SECONDS, or when the sandbox stops */
} OvhSandboxFault;

#define OVH_SANDBOX_STALL_SECONDS 300

OvhSandbox *ovh_sandbox_new (void); /* seeded with the demo customer, domains and zones */

/* Listens on 127.0.0.1, port 0 = any free port. With tls, a self-signed certificate for
 * 127.0.0.1/localhost is generated with GnuTLS at start (or set one before start). */
gboolean ovh_sandbox_start (OvhSandbox *self, guint port, gboolean tls, GError **error);
void ovh_sandbox_stop (OvhSandbox *self);
const char *ovh_sandbox_get_base_url (OvhSandbox *self); /* "http(s)://127.0.0.1:PORT/1.0" */
const char *ovh_sandbox_get_ca_file (OvhSandbox *self);  /* PEM of the served certificate */
guint ovh_sandbox_get_port (OvhSandbox *self);
gboolean ovh_sandbox_set_tls_certificate_files (OvhSandbox *self,
                                                const char *cert_pem,
                                                const char *key_pem,
                                                GError **error);

/* Applications and credentials, as the customer's browser or OVH's back office would. */
void ovh_sandbox_add_application (OvhSandbox *self,
                                  const char *application_key,
                                  const char *application_secret,
                                  const char *name);
gboolean ovh_sandbox_validate_credential (OvhSandbox *self,
                                          const char *consumer_key,
                                          guint validity_seconds /* 0 = unlimited */);
gboolean ovh_sandbox_refuse_credential (OvhSandbox *self, const char *consumer_key);
gboolean ovh_sandbox_expire_credential (OvhSandbox *self, const char *consumer_key);
/* The consumer key behind a validationUrl's credentialToken, for tests that "click". */
char *ovh_sandbox_dup_consumer_key_for_token (OvhSandbox *self, const char *credential_token);
/* A ready, validated CK for application_key (NULL = the sandbox's own) with rules written
 * "METHOD /path", the path possibly ending in a '*' wildcard (rules NULL = every method on
 * every path), without going through the browser page. */
char *ovh_sandbox_create_credential (OvhSandbox *self,
                                     const char *application_key,
                                     const char *const *rules,
                                     guint validity_seconds);
/* "pendingValidation", "validated", "refused", "expired", or NULL for an unknown key. */
char *ovh_sandbox_dup_credential_status (OvhSandbox *self, const char *consumer_key);

/* Data. */
void ovh_sandbox_add_generated_zone (OvhSandbox *self, const char *zone, guint n_records);
char *ovh_sandbox_dup_records_json (OvhSandbox *self,
                                    const char *zone); /* live, unpublished included */
guint ovh_sandbox_get_zone_serial (OvhSandbox *self, const char *zone);
gboolean ovh_sandbox_get_zone_deployed (OvhSandbox *self,
                                        const char *zone); /* no change since refresh */
gboolean ovh_sandbox_save_state (OvhSandbox *self, const char *path, GError **error);
gboolean ovh_sandbox_load_state (OvhSandbox *self, const char *path, GError **error);

/* Fidelity switches and fault injection. */
void ovh_sandbox_set_latency_ms (OvhSandbox *self, guint latency_ms);
void ovh_sandbox_set_rate_limit (OvhSandbox *self, guint requests_per_minute); /* per CK, 0 = off */
/* The Retry-After a 429 announces, in seconds; 0 (the default) = the honest wait until a call
 * leaves the minute window. A fixed value is kept: when it is over, the consumer key's window
 * starts afresh (so a client that honours it gets through on its first retry). */
void ovh_sandbox_set_retry_after (OvhSandbox *self, guint seconds);
/* OVH's known bug: POST /domain/zone/{zone}/record creates the record but answers it with
 * "id": 0 (the rest of the answer is right). Off by default. */
void ovh_sandbox_set_create_answers_id_zero (OvhSandbox *self, gboolean enabled);
void ovh_sandbox_set_clock_offset (OvhSandbox *self, gint64 seconds);
/* A connection that has not sent a whole request after this long is closed (default 30 s);
 * applies to requests started afterwards. */
void ovh_sandbox_set_idle_timeout (OvhSandbox *self, guint seconds);
void ovh_sandbox_set_expanded_lists (OvhSandbox *self, gboolean enabled); /* X-Pagination-Mode */
void ovh_sandbox_set_batch (OvhSandbox *self, gboolean enabled);          /* X-Ovh-Batch */
/* How long enabling or disabling DNSSEC stays in progress (0 = the default, 3 s). */
void ovh_sandbox_set_dnssec_delay_ms (OvhSandbox *self, guint delay_ms);
/* How long a domain task (a change of name servers) takes: todo for its first quarter, then
 * doing, then done (0 = the default, 4 s). */
void ovh_sandbox_set_domain_task_delay_ms (OvhSandbox *self, guint delay_ms);
/* The next `count` calls (0 = every call) to METHOD on a path matching the glob fail so. */
void ovh_sandbox_inject_fault (OvhSandbox *self,
                               const char *method,
                               const char *path_glob,
                               OvhSandboxFault fault,
                               guint count);
void ovh_sandbox_clear_faults (OvhSandbox *self);

/* Writes every zone as DIR/<zone>.zone (a BIND file with its SOA serial) now and again at each
 * refresh, for authoritative servers to serve; NULL stops. */
void ovh_sandbox_set_zone_dir (OvhSandbox *self, const char *dir);

/* What clients did: "METHOD /path?query" of every request received, and a body log. */
guint ovh_sandbox_get_request_count (OvhSandbox *self, const char *method, const char *path_glob);
GPtrArray *ovh_sandbox_dup_request_log (OvhSandbox *self); /* of OvhSandboxRequest* */
void ovh_sandbox_reset_request_log (OvhSandbox *self);

typedef struct
{
  char *method;
  char *path; /* without the /1.0 prefix, with the query string */
  char *body; /* as received, may be NULL */
  guint status;
} OvhSandboxRequest;

void ovh_sandbox_request_free (OvhSandboxRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhSandboxRequest, ovh_sandbox_request_free)

G_END_DECLS
