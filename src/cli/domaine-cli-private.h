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
#include "ovh-client.h"

G_BEGIN_DECLS

typedef struct
{
  /* Global options. */
  char *account_name;
  char *endpoint;
  char *ca_file;
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

/* One API call with the resolved client (or client, when not NULL). */
JsonNode *domaine_cli_call (DomaineCli *self,
                            OvhClient *client,
                            const char *method,
                            const char *path,
                            JsonNode *body,
                            OvhCallFlags flags,
                            GError **error);

/* The keyring's accounts (loaded once). */
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

/* "12" → 12; anything else is a usage error naming what. */
gboolean domaine_cli_parse_id (const char *text, const char *what, guint64 *id, GError **error);
char *domaine_cli_escape_path (const char *segment);
/* ISO 8601 → "2026-11-28 16:54" in local time; NULL-safe; the input when it does not parse. */
char *domaine_cli_format_date (const char *iso8601);

/* The accounts' JSON object (the same for `accounts` and `login`). */
JsonNode *domaine_cli_account_to_json (OvhAccount *account);

/* Commands. */
int domaine_cli_cmd_accounts (DomaineCli *self, GError **error);
int domaine_cli_cmd_me (DomaineCli *self, GError **error);
int domaine_cli_cmd_domains (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_show (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_refresh (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_export (DomaineCli *self, GError **error);
int domaine_cli_cmd_zone_import (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_add (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_set (DomaineCli *self, GError **error);
int domaine_cli_cmd_records_delete (DomaineCli *self, GError **error);
int domaine_cli_cmd_credentials_list (DomaineCli *self, GError **error);
int domaine_cli_cmd_credentials_revoke (DomaineCli *self, GError **error);
int domaine_cli_cmd_login (DomaineCli *self, GError **error);
int domaine_cli_cmd_complete (DomaineCli *self, GError **error);

G_END_DECLS
