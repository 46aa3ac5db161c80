/* ovh-sandbox-private.h: what the sandbox's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data model first, then the server: the OvhSandbox instance, the SandboxCall a route
 * fills, the answer helpers and the route families the dispatch in ovh-sandbox.c calls.
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ovh-sandbox.h"

G_BEGIN_DECLS

/* The record types OVH accepts, as in domain.zone.RecordTypeEnum. */
extern const char *const sandbox_record_types[];

typedef struct
{
  gint64 id;
  char *sub_domain; /* "" = apex */
  char *field_type;
  char *target; /* TXT stored without the quotes the API adds on read */
  guint ttl;    /* 0 = the zone default */
} SandboxRecord;

typedef struct
{
  char *date;      /* ISO 8601, unique within the zone */
  char *zone_file; /* what was published */
} SandboxHistoryEntry;

typedef struct
{
  gint64 id;
  char *function; /* domain.TaskFunctionEnum */
  char *status;   /* domain.TaskStatusEnum */
  gint64 creation;
  gint64 done; /* 0 = not yet */
  char *comment;
  GPtrArray *pending_records; /* installed when the task runs, of SandboxRecord* */
} SandboxTask;

typedef struct
{
  char *name;
  GPtrArray *records; /* SandboxRecord*, owned, in creation order */
  GHashTable *by_id;  /* &record->id → record, borrowed from records */
  guint serial;
  gboolean deployed; /* no change since the last refresh */
  gboolean dnssec;
  gboolean dnssec_busy; /* enabling or disabling: dnssec flips when done */
  gint64 last_update;
  GPtrArray *history; /* SandboxHistoryEntry*, oldest first */
  GPtrArray *tasks;   /* SandboxTask* */
  /* The SOA's settings (ovh-sandbox-soa.c) */
  guint soa_ttl;
  guint soa_refresh;
  guint soa_expire;
  guint soa_nx_domain_ttl;
  char *soa_email;

  GPtrArray *dynhost_records; /* SandboxRecord* (type A): served, but not listed by /record */
  GPtrArray *dynhost_logins;  /* SandboxDynHostLogin* */
  GPtrArray *redirections;    /* SandboxRedirection* */
} SandboxZone;

typedef struct
{
  char *login; /* "{zone}-{suffix}"; the password is not kept */
  char *sub_domain;
} SandboxDynHostLogin;

typedef struct
{
  gint64 id;
  char *sub_domain; /* "" = apex */
  char *type;       /* visible, visiblePermanent or invisible */
  char *target;
  char *title; /* NULL = none */
  char *keywords;
  char *description;
} SandboxRedirection;

typedef struct
{
  char *name;
  char *name_server_type; /* "hosted" or "external" */
  char **name_servers;
  char **name_server_ips;       /* the glue address of each, "" for none; NULL: none at all */
  guint name_server_generation; /* a new list gets new name server ids */
  GPtrArray *tasks;             /* SandboxDomainTask*, not saved */
  gint64 creation;
  gint64 expiration;
  gboolean manual_renewal; /* FALSE: renews automatically */
} SandboxDomain;

/* A domain task (domain.Task): a change the registry is told about. */
typedef struct
{
  gint64 id;
  char *function; /* "DomainDnsUpdate" */
  char *status;   /* "todo", "doing", "done", "error" */
  char *comment;  /* NULL: none */
  gint64 creation;
  gint64 last_update;
  gint64 done;            /* 0: not yet */
  char *name_server_type; /* what the domain becomes when done */
  char **name_servers;
  char **name_server_ips;
} SandboxDomainTask;

typedef struct
{
  gint64 id;
  char *key;
  char *secret;
  char *name;
  char *description;
} SandboxApplication;

typedef struct
{
  char *method;
  char *path;
} SandboxRule;

typedef struct
{
  gint64 id;
  gint64 application_id;
  char *consumer_key;
  char *token;
  char *status;
  GPtrArray *rules; /* SandboxRule* */
  char *redirection;
  char **allowed_ips;
  gint64 creation;
  gint64 expiration;   /* 0 = never */
  gint64 last_use;     /* 0 = never */
  GQueue recent_calls; /* monotonic µs of the calls of the last minute, for the rate limit */
} SandboxCredential;

SandboxRecord *sandbox_record_new (
    gint64 id, const char *sub_domain, const char *field_type, const char *target, guint ttl);
SandboxRecord *sandbox_record_copy (const SandboxRecord *record);
void sandbox_record_free (SandboxRecord *record);
gboolean sandbox_record_type_is_valid (const char *field_type);

SandboxZone *sandbox_zone_new (const char *name);
void sandbox_zone_free (SandboxZone *zone);
void sandbox_zone_add_record (SandboxZone *zone, SandboxRecord *record);
gboolean sandbox_zone_remove_record (SandboxZone *zone, gint64 id);
void sandbox_zone_replace_records (SandboxZone *zone, GPtrArray *records);

void sandbox_history_entry_free (SandboxHistoryEntry *entry);
void sandbox_task_free (SandboxTask *task);
void sandbox_domain_free (SandboxDomain *domain);
void sandbox_application_free (SandboxApplication *application);
void sandbox_rule_free (SandboxRule *rule);
SandboxRule *sandbox_rule_new (const char *method, const char *path);
void sandbox_credential_free (SandboxCredential *credential);

/* ovh-sandbox-zonefile.c: BIND zone files, as OVH exports and imports them. */
char *sandbox_zone_file_write (const SandboxZone *zone);
/* Records (ids 0) parsed from a zone file, or NULL with error. */
GPtrArray *sandbox_zone_file_parse (const char *zone_name, const char *text, GError **error);

/* ovh-sandbox-seed.c: the demo customer. */
JsonNode *sandbox_seed_nichandle (void);
void sandbox_seed_fill (GHashTable *zones, GPtrArray *domains, gint64 *next_id);
void sandbox_seed_generate_records (SandboxZone *zone, guint n_records, gint64 *next_id);

/* ovh-sandbox-tls.c: a self-signed certificate for 127.0.0.1 and localhost. */
gboolean
sandbox_tls_generate (const char *directory, char **cert_path, char **key_path, GError **error);

/* ovh-sandbox-page.c: the credential validation page a browser sees. */
typedef struct
{
  const char *token;
  const char *application_name;
  const char *application_description;
  GPtrArray *rules;
  const char *error; /* NULL when none */
} SandboxPageForm;

char *sandbox_page_form (const SandboxPageForm *form);
char *sandbox_page_message (const char *title, const char *message);

/* ovh-sandbox-state.c: the whole state as JSON, for --state FILE. */
typedef struct
{
  GHashTable *applications; /* key → SandboxApplication* */
  GHashTable *credentials;  /* consumer key → SandboxCredential* */
  GHashTable *zones;        /* name → SandboxZone* */
  GPtrArray *domains;       /* SandboxDomain* */
  gint64 next_record_id;
  gint64 next_task_id;
  gint64 next_credential_id;
  gint64 next_application_id;
} SandboxState;

JsonNode *sandbox_state_serialize (const SandboxState *state);
/* Fills the state's (empty) tables and counters. */
gboolean sandbox_state_deserialize (JsonNode *root, SandboxState *state, GError **error);

/* Random letters and digits, from GnuTLS' generator. */
char *sandbox_random_token (guint length);

/* The server ---------------------------------------------------------------------------------- */

#define SANDBOX_STATUS_TOO_MANY_REQUESTS 429 /* not in libsoup 3.2's SoupStatus */

/* Room for a zone file of the biggest real zones (POST …/import), far below what would hurt. */
#define SANDBOX_BODY_MAX (16 * 1024 * 1024)
/* What OVH takes in a record's target and subDomain. */
#define SANDBOX_TARGET_MAX 4000
#define SANDBOX_SUB_DOMAIN_MAX 253
/* A connection that sends no complete request for this long is closed. */
#define SANDBOX_IDLE_TIMEOUT_DEFAULT 30

typedef struct _SandboxFault SandboxFault;

/* Every request is handled under the mutex; every public function takes it too. */
struct _OvhSandbox
{
  GObject parent_instance;

  GMutex mutex;

  /* State */
  GHashTable *applications; /* key → SandboxApplication* */
  GHashTable *credentials;  /* consumer key → SandboxCredential* */
  GHashTable *zones;        /* name → SandboxZone* */
  GPtrArray *domains;       /* SandboxDomain* */
  gint64 next_record_id;
  gint64 next_task_id;
  gint64 next_credential_id;
  gint64 next_application_id;

  /* Fidelity switches and faults */
  guint latency_ms;
  guint rate_limit;
  guint retry_after; /* seconds announced with a 429, 0 = the honest wait */
  gboolean create_answers_id_zero;
  gint64 clock_offset;
  gboolean expanded_lists;
  gboolean batch;
  GPtrArray *faults;      /* SandboxFault* */
  GPtrArray *request_log; /* OvhSandboxRequest* */
  guint64 query_serial;
  guint idle_timeout;    /* seconds */
  guint dnssec_delay_ms; /* 0 = the default */
  /* How long a domain task takes; 0 = the default. */
  guint domain_task_delay_ms;

  /* Server */
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GPtrArray *pending_sources; /* GSource*, delayed answers and tasks */
  GCond ready_cond;
  gboolean ready;
  GError *start_error;
  guint requested_port;
  gboolean tls;
  guint port;
  char *base_url;
  char *root_url;
  char *tls_dir;
  char *zone_dir; /* NULL: published zones are not written out */
  char *cert_file;
  char *key_file;
};

/* One request as the routes see it: they fill status and reply, the dispatch sends them. */
typedef struct
{
  OvhSandbox *self;
  /* Both NULL inside a batch (no pagination there); socket is NULL without a connection. */
  SoupMessageHeaders *request_headers;
  SoupMessageHeaders *response_headers;
  GUri *uri; /* as received: the signature covers it */
  GSocket *socket;
  SoupServerMessage *msg; /* NULL without a connection: only a stalling fault holds it */
  const char *method;
  char **segments;
  guint n_segments;
  GHashTable *query; /* decoded, may be NULL */
  const char *body;
  gsize body_length;
  SandboxCredential *credential;

  guint status;
  JsonNode *reply; /* NULL = "null" */
  char *raw_reply; /* instead of JSON (HTML, plain text, malformed) */
  const char *content_type;
} SandboxCall;

/* ovh-sandbox.c: sources on the server's context, destroyed with the server. */
void sandbox_track_source (OvhSandbox *self, GSource *source);
void sandbox_untrack_source (OvhSandbox *self, GSource *source);

/* ovh-sandbox-answer.c: the server's clock, dates, JSON answers and request bodies. */
gint64 sandbox_now (OvhSandbox *self);
char *sandbox_format_date (gint64 unix_time);
void sandbox_set_date_or_null (JsonObject *object, const char *member, gint64 unix_time);
JsonNode *sandbox_node_for_object (JsonObject *object);
JsonNode *sandbox_node_for_array (JsonArray *array);
void sandbox_call_reply (SandboxCall *call, guint status, JsonNode *reply);
void sandbox_call_auth_error (SandboxCall *call,
                              guint status,
                              const char *error_code,
                              const char *message);
/* The API's own errors: {"class","message"}. */
void sandbox_call_error (SandboxCall *call, guint status, const char *message_format, ...)
    G_GNUC_PRINTF (3, 4);
void sandbox_call_not_found_route (SandboxCall *call);
void sandbox_call_html (SandboxCall *call, guint status, char *html);
const char *sandbox_call_query (SandboxCall *call, const char *name);
const char *sandbox_call_header (SandboxCall *call, const char *name);
JsonObject *sandbox_call_body_object (SandboxCall *call, JsonNode **out_node);
/* What OVH refuses before routing: a body over SANDBOX_BODY_MAX, a NUL in the body (raw or
 * as \u0000, which json-glib would cut the string at). FALSE after answering the error. */
gboolean sandbox_request_is_acceptable (SandboxCall *call);
gboolean sandbox_parse_id (const char *text, gint64 *id);
gboolean sandbox_member_string (JsonObject *object, const char *name, const char **value);
gboolean sandbox_member_uint (JsonObject *object, const char *name, guint *value);

typedef JsonNode *(*SandboxItemToJson) (SandboxCall *call, gpointer item);
/* Appends the item as a JSON object to out (the same members as its SandboxItemToJson). */
typedef void (*SandboxItemWrite) (SandboxCall *call, gpointer item, GString *out);
/* write_object may be NULL: expanded pages are then built with to_object. */
void sandbox_reply_list (SandboxCall *call,
                         GPtrArray *items,
                         SandboxItemToJson to_key,
                         SandboxItemToJson to_object,
                         SandboxItemWrite write_object);
/* text as a JSON string, quotes included (control characters escaped, UTF-8 as it is). */
void sandbox_json_append_string (GString *out, const char *text);

/* ovh-sandbox-credentials.c: applications and consumer keys. */
SandboxApplication *sandbox_find_application_by_id (OvhSandbox *self, gint64 id);
SandboxCredential *sandbox_find_credential_by_id (OvhSandbox *self, gint64 id);
SandboxCredential *sandbox_find_credential_by_token (OvhSandbox *self, const char *token);
void sandbox_credential_update_expiry (OvhSandbox *self, SandboxCredential *credential);
JsonArray *sandbox_rules_to_json (GPtrArray *rules);
JsonNode *sandbox_credential_to_json (const SandboxCredential *credential);
JsonNode *sandbox_application_to_json (const SandboxApplication *application);
SandboxApplication *sandbox_add_application_locked (OvhSandbox *self,
                                                    const char *key,
                                                    const char *secret,
                                                    const char *name,
                                                    const char *description);
SandboxCredential *sandbox_add_credential_locked (OvhSandbox *self,
                                                  SandboxApplication *application,
                                                  const char *consumer_key,
                                                  GPtrArray *rules,
                                                  guint validity_seconds);
GPtrArray *sandbox_all_rights (void);

/* ovh-sandbox-auth.c: POST /auth/credential, /auth/…, and the checks of every signed call. */
void sandbox_route_auth_time (SandboxCall *call);
void sandbox_route_auth_credential (SandboxCall *call);
void sandbox_route_auth (SandboxCall *call);
gboolean sandbox_authenticate (SandboxCall *call, const char *api_path);
gboolean sandbox_rate_limit_allows (SandboxCall *call);

/* ovh-sandbox-page.c: GET and POST /auth/?credentialToken=…, the page's answers. */
void sandbox_serve_credential_page (SandboxCall *call);

/* ovh-sandbox-me.c: /me and /me/api/{credential,application}. */
void sandbox_route_me (SandboxCall *call);

/* ovh-sandbox-domain.c: /domain, /domain/{domain} and /domain/zone. */
void sandbox_route_domain (SandboxCall *call);
/* /domain/{domain}/serviceInfos; FALSE when the path is another route. */
gboolean sandbox_route_service_infos (SandboxCall *call);

/* ovh-sandbox-zone.c: /domain/zone/{zone}/…, publication, tasks and history. */
JsonNode *sandbox_zone_to_json (const SandboxZone *zone);
void sandbox_zone_publish (OvhSandbox *self, SandboxZone *zone);
void sandbox_zone_dir_write (OvhSandbox *self, const SandboxZone *zone, const char *zone_file);
void sandbox_route_zone (SandboxCall *call, SandboxZone *zone);

/* ovh-sandbox-soa.c: GET and PUT …/soa, POST …/reset, the SOA in zone files and the state. */
void sandbox_soa_init (SandboxZone *zone);
char *sandbox_soa_zone_file_line (const SandboxZone *zone);
void sandbox_soa_serialize (const SandboxZone *zone, JsonObject *object);
void sandbox_soa_deserialize (SandboxZone *zone, JsonObject *object);
void sandbox_route_soa (SandboxCall *call, SandboxZone *zone);
void sandbox_route_zone_reset (SandboxCall *call, SandboxZone *zone);
void sandbox_serve_history_file (SandboxCall *call);

/* ovh-sandbox-dnssec.c: /domain/zone/{zone}/dnssec and /domain/{domain}/dsRecord…. */
void sandbox_route_dnssec (SandboxCall *call, SandboxZone *zone);
void sandbox_route_ds_records (SandboxCall *call, const SandboxDomain *domain);

/* ovh-sandbox-nameservers.c: /domain/{domain}/nameServer…, …/nameServers/update, PUT
 * /domain/{domain} and the domain's tasks. FALSE when the path is another route. */
gboolean sandbox_route_name_servers (SandboxCall *call, SandboxDomain *domain);
void sandbox_domain_task_free (SandboxDomainTask *task);
/* A name server's id in the domain's current list (index-th domain, i-th name server). */
gint64 sandbox_name_server_id (const SandboxDomain *domain, guint index, guint i);

/* ovh-sandbox-records.c: /domain/zone/{zone}/record…. */
void sandbox_route_records (SandboxCall *call, SandboxZone *zone);

/* ovh-sandbox-dynhost.c: /domain/zone/{zone}/dynHost/…. */
void sandbox_route_dynhost (SandboxCall *call, SandboxZone *zone);
void sandbox_dynhost_login_free (SandboxDynHostLogin *login);
void sandbox_seed_dynhost (SandboxZone *zone, gint64 *next_id);
/* The A records DNS serves for the DynHost records (not in the API's export: see the notes). */
char *sandbox_dynhost_zone_lines (const SandboxZone *zone);
/* Whether a record read from a zone file is one of the zone's DynHost records. */
gboolean sandbox_dynhost_serves (const SandboxZone *zone, const SandboxRecord *record);

/* ovh-sandbox-schema.c: GET / and GET /{product}.json, unauthenticated; FALSE when api_path
 * is another route. */
gboolean sandbox_route_schema (SandboxCall *call, const char *api_path);
/* ovh-sandbox-redirection.c: /domain/zone/{zone}/redirection…. */
void sandbox_route_redirections (SandboxCall *call, SandboxZone *zone);
void sandbox_redirection_free (SandboxRedirection *redirection);
void sandbox_seed_redirection (SandboxZone *zone, gint64 *next_id);

/* ovh-sandbox.c: one request answered without a socket, from its raw parts (fuzzing, tests):
 * path_and_query as a client sends it ("/1.0/me?x=1"), headers as "Name: value" strings.
 * Returns the status; *answer is the body sent back, or NULL when the connection would be
 * dropped. */
guint sandbox_answer_raw (OvhSandbox *self,
                          const char *method,
                          const char *path_and_query,
                          const char *const *headers,
                          GBytes *body,
                          GBytes **answer);

/* ovh-sandbox-faults.c: fault injection and the request log. */
void sandbox_fault_free (SandboxFault *fault);
/* Before the route: TRUE when a fault answers instead of it (*dropped: without an answer).
 * *after is set to a fault that spoils the route's answer once the call is carried out. */
gboolean sandbox_fault_answer (SandboxCall *call,
                               const char *api_path,
                               gboolean *dropped,
                               OvhSandboxFault *after);
/* After the route: spoils its answer as after says. TRUE when the message is left paused,
 * for the fault to end later (the answer is then not to be sent). */
gboolean sandbox_fault_spoil (SandboxCall *call, OvhSandboxFault after, gboolean *dropped);
void sandbox_log_request (SandboxCall *call, const char *path, guint status);

G_END_DECLS
