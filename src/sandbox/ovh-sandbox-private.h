/* ovh-sandbox-private.h: the sandbox's data model, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

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
  gint64 last_update;
  GPtrArray *history; /* SandboxHistoryEntry*, oldest first */
  GPtrArray *tasks;   /* SandboxTask* */
} SandboxZone;

typedef struct
{
  char *name;
  char *name_server_type; /* "hosted" or "external" */
  char **name_servers;
  gint64 creation;
  gint64 expiration;
} SandboxDomain;

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

G_END_DECLS
