/* domaine-cli-private.h: what the commands of domaine-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "domaine-cli-table.h"
#include "domaine-cli.h"
#include "ovh-account-store.h"
#include "ovh-account.h"
#include "ovh-changeset.h"
#include "ovh-client.h"
#include "ovh-record-notes.h"
#include "ovh-zone-diff.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

typedef struct
{
  /* Global options. */
  char *account_name;
  char *endpoint;
  char *ca_file;
  int request_timeout_seconds; /* -1: the client's default */
  gboolean from_ovh_conf;
  gboolean json;
  gboolean no_publish;
  gboolean quiet;
  gboolean verbose;

  /* Command options (each command checks it was given only those it takes). */
  char *type;
  char *name;
  char *value;
  char *ttl;
  char *output;
  char *preset;
  char **zones;
  char *label;
  char *application_key;
  int timeout_seconds;
  int poll_interval_ms;
  char *from; /* zone diff: a version's date or a zone file */
  char *to;
  gboolean yes; /* past the mass-change guard */
  gboolean merge;
  gboolean replace;
  gboolean dry_run;
  char **ns_addresses; /* NAME=ADDRESS:PORT, for zone check and zone watch */
  char *resolver;
  char **params; /* KEY=VALUE, for templates apply */
  char *refresh; /* zone soa */
  char *expire;
  char *negative_ttl;
  char *email;
  gboolean minimized;        /* zone reset */
  gboolean generate;         /* dynhost login: a new password, printed once */
  gboolean set_name_servers; /* domain nameservers --set */
  gboolean ovh_name_servers; /* domain nameservers --ovh */
  char *data;                /* api: the JSON body */
  char *title;               /* redirections add */
  gboolean regex;            /* search, records replace */
  gboolean all_zones;        /* records replace */

  /* The positional arguments after the command words. */
  char **args;
  guint n_args;

  FILE *out;
  FILE *err;
  GCancellable *cancellable;

  OvhAccountStore *store; /* loaded once, by domaine_cli_load_store() */
  OvhAccount *account;    /* resolved by domaine_cli_open_account() */
  OvhClient *client;
  GTlsDatabase *tls_database;
} DomaineCli;

typedef int (*DomaineCliCommandFunc) (DomaineCli *self, GError **error);

/* Waiting on async calls without blocking SIGINT: iterates the thread-default context. */
void domaine_cli_result_cb (GObject *object, GAsyncResult *result, gpointer user_data);
GAsyncResult *domaine_cli_await (DomaineCli *self, GAsyncResult **slot);
/* Sleeps on the main context; FALSE (and G_IO_ERROR_CANCELLED) when interrupted. */
gboolean domaine_cli_sleep (DomaineCli *self, guint milliseconds, GError **error);

/* Accounts and clients (domaine-cli-session.c). The keyring's accounts, loaded once: */
OvhAccountStore *domaine_cli_load_store (DomaineCli *self, GError **error);
/* Resolves --account / --endpoint / --from-ovh-conf and creates the client. */
gboolean domaine_cli_open_account (DomaineCli *self, GError **error);
/* A client for an endpoint and keys (login), with --ca-file applied. */
OvhClient *domaine_cli_create_client (DomaineCli *self, OvhAccount *account, GError **error);
/* TRUE when endpoint (id or URL) names the same API as other. */
gboolean domaine_cli_endpoint_matches (const char *endpoint, const char *other);

/* Output. */
void domaine_cli_print (DomaineCli *self, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* A message for people (stderr), left out with -q and with --json. */
void domaine_cli_note (DomaineCli *self, const char *format, ...) G_GNUC_PRINTF (2, 3);
void domaine_cli_print_json (DomaineCli *self, JsonNode *node);
void domaine_cli_print_table (DomaineCli *self, DomaineCliTable *table);
/* A listing: its JSON array with --json, its table otherwise. */
void domaine_cli_print_listing (DomaineCli *self, JsonArray *array, DomaineCliTable *table);
/* An error on one line of standard error, as the command's own error is written. */
void domaine_cli_print_error (DomaineCli *self, const GError *error);
/* "yes" or "no", translated. */
const char *domaine_cli_yes_no (gboolean value);

/* "12" → 12; anything else is a usage error naming what. */
gboolean domaine_cli_parse_id (const char *text, const char *what, guint64 *id, GError **error);
/* ISO 8601 → "2026-11-28 16:54" in local time; NULL-safe; the input when it does not parse. */
char *domaine_cli_format_date (const char *iso8601);

/* A record as `records list --json` gives it. */
JsonNode *domaine_cli_record_to_json (OvhRecord *record);

/* The accounts' JSON object (the same for `accounts` and `login`). */
JsonNode *domaine_cli_account_to_json (OvhAccount *account);

/* The zone named name on the resolved account, without the on-disk cache: a script must see
 * changes not yet published, which keep the SOA serial. */
OvhZone *domaine_cli_new_zone (DomaineCli *self, const char *name);
/* For reading only: records come from the zone cache while the SOA serial is unchanged. */
OvhZone *domaine_cli_new_cached_zone (DomaineCli *self, const char *name);
/* Keeps what the next run can reuse (the endpoint's clock offset). */
void domaine_cli_close_account (DomaineCli *self);
/* A copy of the refresh's own error when the changeset's publish failed (its code chooses the
 * exit status and its message is OVH's), else of error. */
GError *domaine_cli_publish_error (OvhChangeset *changeset, const GError *error);

/* Shared by the commands that change many records at once (domaine-cli-history.c): the zone
 * loaded past the cache; a diff as a table; a changeset applied and, unless --no-publish,
 * published once. */
gboolean domaine_cli_load_zone_fresh (DomaineCli *self, OvhZone *zone, GError **error);
void domaine_cli_print_diff_table (DomaineCli *self, OvhZoneDiff *diff);
gboolean domaine_cli_apply_changeset (DomaineCli *self, OvhChangeset *changeset, GError **error);

/* Commands: domaine-cli-account.c, domaine-cli-zone.c, domaine-cli-records.c and
 * domaine-cli-login.c. */
int domaine_cli_cmd_accounts (DomaineCli *self, GError **error);
int domaine_cli_cmd_me (DomaineCli *self, GError **error);
int domaine_cli_cmd_domains (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_show (DomaineCli *self, GError **error);
/* domaine-cli-dynhost.c */
int domaine_cli_cmd_dynhost_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_dynhost_add (DomaineCli *self, GError **error);
int domaine_cli_cmd_dynhost_delete (DomaineCli *self, GError **error);
int domaine_cli_cmd_dynhost_login (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_refresh (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_export (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_import (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_history (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_diff (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_restore (DomaineCli *self, GError **error);
int domaine_cli_cmd_templates_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_templates_show (DomaineCli *self, GError **error);
int domaine_cli_cmd_templates_apply (DomaineCli *self, GError **error);

/* zone import's parts (domaine-cli-zone.c): a file's text, "-" being standard input; and
 * OVH's own import of text (already checked), its task followed to the end. */
char *domaine_cli_read_input_file (const char *file, GError **error);
int domaine_cli_zone_import_replace (
    DomaineCli *self, const char *zone_name, const char *text, guint n_records, GError **error);
/* Polls a task of the zone until OVH is done with it (or --timeout): its last status. */
char *domaine_cli_wait_for_task (
    DomaineCli *self, OvhZone *zone, gint64 task_id, char *status, GError **error);
int domaine_cli_cmd_records_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_add (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_set (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_delete (DomaineCli *self, GError **error);
/* domaine-cli-notes.c: the zone's notes on this computer, for the resolved account. */
int domaine_cli_cmd_records_note (DomaineCli *self, GError **error);
OvhRecordNotes *domaine_cli_open_notes (DomaineCli *self, const char *zone_name, GError **error);
/* Keeps the notes of a zone file's records ("; domaine-note:" lines) for when they exist. */
void domaine_cli_keep_file_notes (DomaineCli *self, const char *zone_name, GPtrArray *records);
int domaine_cli_cmd_credentials_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_credentials_revoke (DomaineCli *self, GError **error);
int domaine_cli_cmd_login (DomaineCli *self, GError **error);
int domaine_cli_cmd_complete (DomaineCli *self, GError **error);
/* domaine-cli-dnssec.c */
int domaine_cli_cmd_dnssec_status (DomaineCli *self, GError **error);
int domaine_cli_cmd_dnssec_enable (DomaineCli *self, GError **error);
int domaine_cli_cmd_dnssec_disable (DomaineCli *self, GError **error);
/* domaine-cli-health.c */
int domaine_cli_cmd_zone_check (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_watch (DomaineCli *self, GError **error);
/* domaine-cli-soa.c */
int domaine_cli_cmd_zone_soa (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_reset (DomaineCli *self, GError **error);
/* domaine-cli-api.c */
int domaine_cli_cmd_api (DomaineCli *self, GError **error);
/* domaine-cli-redirections.c */
int domaine_cli_cmd_redirections_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_redirections_add (DomaineCli *self, GError **error);
int domaine_cli_cmd_redirections_delete (DomaineCli *self, GError **error);
/* domaine-cli-domain.c */
int domaine_cli_cmd_domain_show (DomaineCli *self, GError **error);
/* domaine-cli-nameservers.c */
int domaine_cli_cmd_domain_nameservers (DomaineCli *self, GError **error);
/* domaine-cli-search.c */
int domaine_cli_cmd_search (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_replace (DomaineCli *self, GError **error);

G_END_DECLS
