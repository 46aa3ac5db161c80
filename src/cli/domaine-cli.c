/* domaine-cli.c: command line, errors and output of domaine-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <signal.h>
#include <stdarg.h>
#include <string.h>

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-zone-template.h"
#include "ovh-changeset.h"
#include "ovh-record-cache.h"
#include "ovh-record.h"
#include "ovh-zone-file.h"

/* clang-format 14 spaces out the name at file scope despite WhitespaceSensitiveMacros. */
/* clang-format off */
G_DEFINE_QUARK (domaine-cli-error-quark, domaine_cli_error)
/* clang-format on */

/* Command options, so that each command refuses the ones it does not take. */
typedef enum
{
  OPT_TYPE = 1 << 0,
  OPT_NAME = 1 << 1,
  OPT_VALUE = 1 << 2,
  OPT_TTL = 1 << 3,
  OPT_OUTPUT = 1 << 4,
  OPT_PRESET = 1 << 5,
  OPT_ZONE = 1 << 6,
  OPT_LABEL = 1 << 7,
  OPT_APPLICATION_KEY = 1 << 8,
  OPT_TIMEOUT = 1 << 9,
  OPT_FROM = 1 << 10,
  OPT_TO = 1 << 11,
  OPT_YES = 1 << 12,
  OPT_MERGE = 1 << 13,
  OPT_REPLACE = 1 << 14,
  OPT_DRY_RUN = 1 << 15,
  OPT_NS_ADDRESS = 1 << 16,
  OPT_RESOLVER = 1 << 17,
  OPT_REFRESH = 1 << 18,
  OPT_EXPIRE = 1 << 19,
  OPT_NEGATIVE_TTL = 1 << 20,
  OPT_EMAIL = 1 << 21,
  OPT_MINIMIZED = 1 << 22,
  OPT_PARAM = 1 << 23,
  OPT_GENERATE = 1 << 24,
  OPT_REGEX = 1 << 25,
  OPT_ALL_ZONES = 1 << 26,
  OPT_TITLE = 1 << 27,
  OPT_SET = 1 << 28,
  OPT_OVH = 1 << 29,
  OPT_DATA = 1 << 30,
} CommandOptions;

typedef struct
{
  const char *group; /* "records", or NULL for a one-word command */
  const char *name;
  const char *synopsis; /* N_() */
  guint min_args;
  guint max_args; /* G_MAXUINT = any number */
  CommandOptions options;
  DomaineCliCommandFunc func;
  gboolean hidden;
} Command;

/* Translators: in the synopses, translate only the words in capitals (ZONE, FILE…). */
static const Command commands[] = {
  { NULL, "accounts", "accounts", 0, 0, 0, domaine_cli_cmd_accounts, FALSE },
  { NULL, "me", "me", 0, 0, 0, domaine_cli_cmd_me, FALSE },
  { NULL, "domains", "domains", 0, 0, 0, domaine_cli_cmd_domains, FALSE },
  { "domain", "show", N_ ("domain show DOMAIN"), 1, 1, 0, domaine_cli_cmd_domain_show, FALSE },
  { "domain", "nameservers",
    N_ ("domain nameservers DOMAIN [--set NAME[=IP]…|--ovh] [--timeout SECONDS]"), 1, G_MAXUINT,
    OPT_SET | OPT_OVH | OPT_TIMEOUT, domaine_cli_cmd_domain_nameservers, FALSE },
  { "zone", "show", N_ ("zone show ZONE"), 1, 1, 0, domaine_cli_cmd_zone_show, FALSE },
  { "zone", "refresh", N_ ("zone refresh ZONE"), 1, 1, 0, domaine_cli_cmd_zone_refresh, FALSE },
  { "zone", "export", N_ ("zone export ZONE [-o FILE]"), 1, 1, OPT_OUTPUT,
    domaine_cli_cmd_zone_export, FALSE },
  { "zone", "import", N_ ("zone import ZONE FILE [--merge|--replace] [--dry-run] [--yes]"), 2, 2,
    OPT_TIMEOUT | OPT_MERGE | OPT_REPLACE | OPT_DRY_RUN | OPT_YES, domaine_cli_cmd_zone_import,
    FALSE },
  { "zone", "history", N_ ("zone history ZONE"), 1, 1, 0, domaine_cli_cmd_zone_history, FALSE },
  { "zone", "diff", N_ ("zone diff ZONE [--from DATE|FILE] [--to DATE|FILE]"), 1, 1,
    OPT_FROM | OPT_TO, domaine_cli_cmd_zone_diff, FALSE },
  { "zone", "restore", N_ ("zone restore ZONE DATE [--yes]"), 2, 2, OPT_YES | OPT_TIMEOUT,
    domaine_cli_cmd_zone_restore, FALSE },
  { "zone", "check",
    N_ ("zone check ZONE [--ns-address NAME=ADDRESS:PORT…] [--resolver ADDRESS:PORT]"), 1, 1,
    OPT_NS_ADDRESS | OPT_RESOLVER, domaine_cli_cmd_zone_check, FALSE },
  { "zone", "watch", N_ ("zone watch ZONE [--timeout SECONDS] [--ns-address NAME=ADDRESS:PORT…]"),
    1, 1, OPT_TIMEOUT | OPT_NS_ADDRESS | OPT_RESOLVER, domaine_cli_cmd_zone_watch, FALSE },
  { "templates", "list", "templates list", 0, 0, 0, domaine_cli_cmd_templates_list, FALSE },
  { "templates", "show", N_ ("templates show NAME"), 1, 1, 0, domaine_cli_cmd_templates_show,
    FALSE },
  { "templates", "apply", N_ ("templates apply ZONE NAME [--param KEY=VALUE…] [--dry-run] [--yes]"),
    2, 2, OPT_PARAM | OPT_DRY_RUN | OPT_YES, domaine_cli_cmd_templates_apply, FALSE },
  { "dnssec", "status", N_ ("dnssec status ZONE"), 1, 1, 0, domaine_cli_cmd_dnssec_status, FALSE },
  { "dnssec", "enable", N_ ("dnssec enable ZONE [--timeout SECONDS]"), 1, 1, OPT_TIMEOUT,
    domaine_cli_cmd_dnssec_enable, FALSE },
  { "dnssec", "disable", N_ ("dnssec disable ZONE [--yes] [--timeout SECONDS]"), 1, 1,
    OPT_YES | OPT_TIMEOUT, domaine_cli_cmd_dnssec_disable, FALSE },
  { "zone", "soa",
    N_ ("zone soa ZONE [--ttl SECONDS] [--refresh SECONDS] [--expire SECONDS] "
        "[--negative-ttl SECONDS] [--email ADDRESS]"),
    1, 1, OPT_TTL | OPT_REFRESH | OPT_EXPIRE | OPT_NEGATIVE_TTL | OPT_EMAIL,
    domaine_cli_cmd_zone_soa, FALSE },
  { "zone", "reset", N_ ("zone reset ZONE [--minimized] [--yes]"), 1, 1, OPT_MINIMIZED | OPT_YES,
    domaine_cli_cmd_zone_reset, FALSE },
  { "records", "list", N_ ("records list ZONE [--type TYPE] [--name SUB]"), 1, 1,
    OPT_TYPE | OPT_NAME, domaine_cli_cmd_records_list, FALSE },
  { "records", "add", N_ ("records add ZONE --type TYPE --name SUB --value VALUE [--ttl SECONDS]"),
    1, 1, OPT_TYPE | OPT_NAME | OPT_VALUE | OPT_TTL, domaine_cli_cmd_records_add, FALSE },
  { "records", "set", N_ ("records set ZONE ID… [--name SUB] [--value VALUE] [--ttl SECONDS]"), 2,
    G_MAXUINT, OPT_TYPE | OPT_NAME | OPT_VALUE | OPT_TTL, domaine_cli_cmd_records_set, FALSE },
  { "records", "replace",
    N_ ("records replace ZONE|--all-zones --from TEXT --to TEXT [--regex] [--type TYPE] "
        "[--dry-run] [--yes]"),
    0, 1, OPT_FROM | OPT_TO | OPT_REGEX | OPT_TYPE | OPT_DRY_RUN | OPT_YES | OPT_ALL_ZONES,
    domaine_cli_cmd_records_replace, FALSE },
  { NULL, "search", N_ ("search TEXT [--type TYPE] [--regex]"), 1, 1, OPT_TYPE | OPT_REGEX,
    domaine_cli_cmd_search, FALSE },
  { "records", "delete", N_ ("records delete ZONE ID…"), 2, G_MAXUINT, 0,
    domaine_cli_cmd_records_delete, FALSE },
  { "records", "note", N_ ("records note ZONE ID [TEXT]"), 2, 3, 0, domaine_cli_cmd_records_note,
    FALSE },
  { "dynhost", "list", N_ ("dynhost list ZONE"), 1, 1, 0, domaine_cli_cmd_dynhost_list, FALSE },
  { "dynhost", "add", N_ ("dynhost add ZONE SUBDOMAIN IPV4"), 3, 3, 0, domaine_cli_cmd_dynhost_add,
    FALSE },
  { "dynhost", "delete", N_ ("dynhost delete ZONE ID…"), 2, G_MAXUINT, 0,
    domaine_cli_cmd_dynhost_delete, FALSE },
  { "dynhost", "login", N_ ("dynhost login list|add|delete|password ZONE …"), 2, 4, OPT_GENERATE,
    domaine_cli_cmd_dynhost_login, FALSE },
  { "redirections", "list", N_ ("redirections list ZONE"), 1, 1, 0,
    domaine_cli_cmd_redirections_list, FALSE },
  { "redirections", "add",
    N_ ("redirections add ZONE SUBDOMAIN TARGET [--type visible|permanent|invisible] [--title "
        "TITLE]"),
    3, 3, OPT_TYPE | OPT_TITLE, domaine_cli_cmd_redirections_add, FALSE },
  { "redirections", "delete", N_ ("redirections delete ZONE ID…"), 2, G_MAXUINT, 0,
    domaine_cli_cmd_redirections_delete, FALSE },
  { "credentials", "list", "credentials list", 0, 0, 0, domaine_cli_cmd_credentials_list, FALSE },
  { "credentials", "revoke", N_ ("credentials revoke ID"), 1, 1, 0,
    domaine_cli_cmd_credentials_revoke, FALSE },
  { NULL, "login",
    N_ ("login [--endpoint NAME|URL] [--application-key KEY] [--preset PRESET] [--zone ZONE…] "
        "[--label NAME]"),
    0, 0, OPT_PRESET | OPT_ZONE | OPT_LABEL | OPT_APPLICATION_KEY | OPT_TIMEOUT,
    domaine_cli_cmd_login, FALSE },
  { NULL, "api", N_ ("api METHOD PATH [--data JSON] [--param NAME=VALUE…] [--yes]"), 2, 2,
    OPT_DATA | OPT_PARAM | OPT_YES, domaine_cli_cmd_api, FALSE },
  { NULL, "__complete", "__complete accounts|zones|endpoints|record-types", 1, 2, 0,
    domaine_cli_cmd_complete, TRUE },
};

/* Errors ------------------------------------------------------------------------------------ */

DomaineCliExit
domaine_cli_exit_code_for_error (const GError *error)
{
  if (error == NULL)
    return DOMAINE_CLI_EXIT_OK;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return DOMAINE_CLI_EXIT_CANCELLED;

  if (error->domain == DOMAINE_CLI_ERROR)
    {
      switch ((DomaineCliError) error->code)
        {
        case DOMAINE_CLI_ERROR_USAGE:
          return DOMAINE_CLI_EXIT_USAGE;
        case DOMAINE_CLI_ERROR_AUTH:
          return DOMAINE_CLI_EXIT_AUTH;
        case DOMAINE_CLI_ERROR_NOT_FOUND:
          return DOMAINE_CLI_EXIT_NOT_FOUND;
        case DOMAINE_CLI_ERROR_FAILED:
        default:
          return DOMAINE_CLI_EXIT_API;
        }
    }

  if (g_error_matches (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME))
    return DOMAINE_CLI_EXIT_UNKNOWN;

  if (error->domain == OVH_ZONE_TEMPLATE_ERROR)
    return error->code == OVH_ZONE_TEMPLATE_ERROR_NOT_FOUND ? DOMAINE_CLI_EXIT_NOT_FOUND
                                                            : DOMAINE_CLI_EXIT_USAGE;

  if (error->domain == G_OPTION_ERROR || error->domain == OVH_RECORD_ERROR
      || error->domain == OVH_ZONE_FILE_ERROR)
    return DOMAINE_CLI_EXIT_USAGE;

  if (error->domain == OVH_ERROR)
    {
      switch ((OvhErrorCode) error->code)
        {
        case OVH_ERROR_INVALID_SIGNATURE:
        case OVH_ERROR_INVALID_KEY:
        case OVH_ERROR_INVALID_CREDENTIAL:
        case OVH_ERROR_NOT_GRANTED:
          return DOMAINE_CLI_EXIT_AUTH;
        case OVH_ERROR_NOT_FOUND:
          return DOMAINE_CLI_EXIT_NOT_FOUND;
        case OVH_ERROR_NETWORK:
        case OVH_ERROR_TLS:
          return DOMAINE_CLI_EXIT_NETWORK;
        case OVH_ERROR_FAILED:
        case OVH_ERROR_QUERY_TIME_OUT:
        case OVH_ERROR_CONFLICT:
        case OVH_ERROR_BAD_PARAMETERS:
        case OVH_ERROR_EXPIRED:
        case OVH_ERROR_RATE_LIMITED:
        case OVH_ERROR_SERVER:
        case OVH_ERROR_INVALID_RESPONSE:
        case OVH_ERROR_CANCELLED_BY_USER:
        default:
          return DOMAINE_CLI_EXIT_API;
        }
    }

  if (error->domain == OVH_ACCOUNT_STORE_ERROR)
    {
      /* Without the keyring there is no account to sign calls with. */
      if (error->code == OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE
          || error->code == OVH_ACCOUNT_STORE_ERROR_LOCKED
          || error->code == OVH_ACCOUNT_STORE_ERROR_NOT_FOUND)
        return DOMAINE_CLI_EXIT_AUTH;
      return DOMAINE_CLI_EXIT_API;
    }

  return DOMAINE_CLI_EXIT_API;
}

/* One line, with OVH's query id when there is one. */
static void
print_error (DomaineCli *self, const GError *error)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;

  if (error->domain == OVH_ERROR)
    message = ovh_error_dup_display_message (error);
  else
    message = g_strdup (error->message);

  /* The message may quote the server: no escape sequence reaches the terminal. */
  g_strdelimit (message, "\r\n", ' ');
  line = domaine_cli_sanitize_text (message);
  fprintf (self->err, "domaine-cli: %s\n", line);
  fflush (self->err);
}

void
domaine_cli_print_error (DomaineCli *self, const GError *error)
{
  print_error (self, error);
}

GError *
domaine_cli_publish_error (OvhChangeset *changeset, const GError *error)
{
  const GError *refresh_error = ovh_changeset_get_publish_error (changeset);

  return g_error_copy (refresh_error != NULL ? refresh_error : error);
}

/* Waiting ------------------------------------------------------------------------------------ */

void
domaine_cli_result_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

GAsyncResult *
domaine_cli_await (DomaineCli *self, GAsyncResult **slot)
{
  GMainContext *context = g_main_context_get_thread_default ();

  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);

  return *slot;
}

static gboolean
sleep_done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

static void
sleep_cancelled_cb (GCancellable *cancellable, gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

gboolean
domaine_cli_sleep (DomaineCli *self, guint milliseconds, GError **error)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean done = FALSE;
  gboolean interrupted = FALSE;
  g_autoptr (GSource) source = g_timeout_source_new (milliseconds);
  gulong handler;

  g_source_set_callback (source, sleep_done_cb, &done, NULL);
  g_source_attach (source, context);
  handler = g_cancellable_connect (self->cancellable, G_CALLBACK (sleep_cancelled_cb), &interrupted,
                                   NULL);

  while (!done && !interrupted)
    g_main_context_iteration (context, TRUE);

  g_cancellable_disconnect (self->cancellable, handler);
  g_source_destroy (source);

  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

/* Output ------------------------------------------------------------------------------------ */

void
domaine_cli_print (DomaineCli *self, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (self->out, format, args);
  va_end (args);
}

void
domaine_cli_note (DomaineCli *self, const char *format, ...)
{
  va_list args;

  if (self->quiet || self->json)
    return;

  va_start (args, format);
  vfprintf (self->err, format, args);
  va_end (args);
  fflush (self->err);
}

void
domaine_cli_print_json (DomaineCli *self, JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fprintf (self->out, "%s\n", text);
  fflush (self->out);
}

void
domaine_cli_print_table (DomaineCli *self, DomaineCliTable *table)
{
  g_autofree char *text = domaine_cli_table_format (table);

  fputs (text, self->out);
  fflush (self->out);
}

void
domaine_cli_print_listing (DomaineCli *self, JsonArray *array, DomaineCliTable *table)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), array);

      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_print_table (self, table);
}

const char *
domaine_cli_yes_no (gboolean value)
{
  return value ? _ ("yes") : _ ("no");
}

gboolean
domaine_cli_parse_id (const char *text, const char *what, guint64 *id, GError **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      /* Translators: the first %s names what was expected ("record ID"), the second what was
       * typed */
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Invalid %s “%s”: a positive number is expected"), what, text);
      return FALSE;
    }

  *id = value;
  return TRUE;
}

char *
domaine_cli_format_date (const char *iso8601)
{
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso8601 == NULL)
    return NULL;

  date = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (date == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (date);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The command line -------------------------------------------------------------------------- */

static gboolean
on_sigint (gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_cancellable_cancel (cancellable);
  return G_SOURCE_CONTINUE;
}

static char *
build_summary (void)
{
  GString *summary = g_string_new (_ ("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (!commands[i].hidden)
      g_string_append_printf (summary, "\n  %s", _ (commands[i].synopsis));

  return g_string_free (summary, FALSE);
}

static const char *
get_description (void)
{
  return _ (
      "Accounts are the ones the Domaine application stores in the keyring. Without --account,\n"
      "the only stored account is used. With --from-ovh-conf, or when the keyring holds no\n"
      "account, the keys come from ovh.conf and the OVH_* environment variables, as in the\n"
      "official OVHcloud clients.\n"
      "\n"
      "Changes (records add, set, delete) are published with one zone refresh per command,\n"
      "unless --no-publish is given. zone import is published by OVHcloud itself.\n"
      "\n"
      "zone check lints the zone, compares its delegation and asks each of its name servers\n"
      "once; zone watch asks them until all serve the zone's serial. --ns-address (or\n"
      "DOMAINE_NS_ADDRESSES, comma-separated) sends a name server's questions to another\n"
      "address, as dig @ADDRESS -p PORT would; --resolver (or DOMAINE_DNS_RESOLVER) is the\n"
      "resolver for names outside the zone (default: the system's).\n"
      "\n"
      "Exit status:\n"
      "  0  success\n"
      "  1  other API error (refused request, server error, malformed answer)\n"
      "  2  usage error: bad command line, invalid record or zone file (nothing was sent)\n"
      "  3  authentication: no usable account, invalid key or consumer key, call not granted\n"
      "  4  not found: no such zone, record or credential\n"
      "  5  network or TLS error: the API could not be reached or its certificate was refused\n"
      "  6  zone check found errors or a delegation elsewhere, or zone watch reached its\n"
      "     time limit\n"
      "  7  a change was sent but its answer was lost, and whether it was made could not be\n"
      "     checked: look at the zone before trying again\n"
      "  130  interrupted\n"
      "\n"
      "Errors are written to standard error on one line, with OVHcloud's query ID.\n"
      "With --json, results are JSON documents on standard output (see README-cli.md for the\n"
      "field names, which are stable).");
}

static void
domaine_cli_clear (DomaineCli *self)
{
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->endpoint, g_free);
  g_clear_pointer (&self->ca_file, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->ttl, g_free);
  g_clear_pointer (&self->output, g_free);
  g_clear_pointer (&self->preset, g_free);
  g_clear_pointer (&self->zones, g_strfreev);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->application_key, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->ns_addresses, g_strfreev);
  g_clear_pointer (&self->params, g_strfreev);
  g_clear_pointer (&self->resolver, g_free);
  g_clear_pointer (&self->refresh, g_free);
  g_clear_pointer (&self->expire, g_free);
  g_clear_pointer (&self->negative_ttl, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->data, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->cancellable);
  /* A zone read may still be writing its cache on a worker thread: let it end first. */
  ovh_record_cache_wait_for_writes ();
  domaine_cli_close_account (self);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->tls_database);
  g_clear_object (&self->store);
}

static CommandOptions
given_options (DomaineCli *self)
{
  CommandOptions given = 0;

  if (self->type != NULL)
    given |= OPT_TYPE;
  if (self->name != NULL)
    given |= OPT_NAME;
  if (self->value != NULL)
    given |= OPT_VALUE;
  if (self->ttl != NULL)
    given |= OPT_TTL;
  if (self->output != NULL)
    given |= OPT_OUTPUT;
  if (self->preset != NULL)
    given |= OPT_PRESET;
  if (self->zones != NULL)
    given |= OPT_ZONE;
  if (self->label != NULL)
    given |= OPT_LABEL;
  if (self->application_key != NULL)
    given |= OPT_APPLICATION_KEY;
  if (self->timeout_seconds >= 0)
    given |= OPT_TIMEOUT;
  if (self->from != NULL)
    given |= OPT_FROM;
  if (self->to != NULL)
    given |= OPT_TO;
  if (self->yes)
    given |= OPT_YES;
  if (self->merge)
    given |= OPT_MERGE;
  if (self->replace)
    given |= OPT_REPLACE;
  if (self->dry_run)
    given |= OPT_DRY_RUN;
  if (self->ns_addresses != NULL)
    given |= OPT_NS_ADDRESS;
  if (self->resolver != NULL)
    given |= OPT_RESOLVER;
  if (self->params != NULL)
    given |= OPT_PARAM;
  if (self->refresh != NULL)
    given |= OPT_REFRESH;
  if (self->expire != NULL)
    given |= OPT_EXPIRE;
  if (self->negative_ttl != NULL)
    given |= OPT_NEGATIVE_TTL;
  if (self->email != NULL)
    given |= OPT_EMAIL;
  if (self->minimized)
    given |= OPT_MINIMIZED;
  if (self->generate)
    given |= OPT_GENERATE;
  if (self->regex)
    given |= OPT_REGEX;
  if (self->all_zones)
    given |= OPT_ALL_ZONES;
  if (self->title != NULL)
    given |= OPT_TITLE;
  if (self->set_name_servers)
    given |= OPT_SET;
  if (self->ovh_name_servers)
    given |= OPT_OVH;
  if (self->data != NULL)
    given |= OPT_DATA;

  return given;
}

/* The index of a name is its option's bit. */
/* clang-format off */
static const char *const option_names[] = {
  "--type",     "--name",   "--value",           "--ttl",     "--output",     "--preset",
  "--zone",     "--label",  "--application-key", "--timeout", "--from",       "--to",
  "--yes",      "--merge",  "--replace",         "--dry-run", "--ns-address", "--resolver",
  "--refresh",  "--expire", "--negative-ttl",    "--email",   "--minimized",  "--param",
  "--generate", "--regex",  "--all-zones",
  [27] = "--title",
  [28] = "--set",
  [29] = "--ovh",
  [30] = "--data",
};
/* clang-format on */

static int
dispatch (DomaineCli *self, char **words, guint n_words, GError **error)
{
  const Command *command = NULL;
  guint n_command_words = 0;
  CommandOptions refused;

  if (n_words == 0)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("No command given; see “domaine-cli --help”"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands) && command == NULL; i++)
    {
      if (commands[i].group == NULL && g_str_equal (commands[i].name, words[0]))
        {
          command = &commands[i];
          n_command_words = 1;
        }
      else if (commands[i].group != NULL && g_str_equal (commands[i].group, words[0]) && n_words > 1
               && g_str_equal (commands[i].name, words[1]))
        {
          command = &commands[i];
          n_command_words = 2;
        }
    }

  if (command == NULL)
    {
      GString *known = g_string_new (NULL);
      gboolean is_group = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (commands[i].group != NULL && g_str_equal (commands[i].group, words[0]))
          {
            is_group = TRUE;
            g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", commands[i].name);
          }

      if (is_group)
        g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                     /* Translators: "%s" is a command ("records"), then a list of its
                      * subcommands */
                     _ ("“%s” needs one of: %s"), words[0], known->str);
      else
        g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                     _ ("Unknown command “%s”; see “domaine-cli --help”"), words[0]);
      g_string_free (known, TRUE);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  self->args = words + n_command_words;
  self->n_args = n_words - n_command_words;

  if (self->n_args < command->min_args || self->n_args > command->max_args)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: %s is a command synopsis */
                   _ ("Usage: domaine-cli %s"), _ (command->synopsis));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  refused = given_options (self) & ~command->options;
  for (guint i = 0; refused != 0 && i < G_N_ELEMENTS (option_names); i++)
    if (refused & (1u << i))
      {
        g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                     /* Translators: an option ("--ttl"), then a command synopsis */
                     _ ("%s does not apply here. Usage: domaine-cli %s"), option_names[i],
                     _ (command->synopsis));
        return DOMAINE_CLI_EXIT_USAGE;
      }

  return command->func (self, error);
}

int
domaine_cli_run (int argc, char **argv, FILE *out, FILE *err, gboolean install_sigint)
{
  DomaineCli cli = { 0 };
  DomaineCli *self = &cli;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  g_auto (GStrv) words = NULL;
  gboolean show_version = FALSE;
  guint sigint_source = 0;
  int status;
  const GOptionEntry entries[] = {
    { "account", 'a', 0, G_OPTION_ARG_STRING, &self->account_name,
      N_ ("The account to use: its label, nichandle or ID"), N_ ("NAME") },
    { "endpoint", 'e', 0, G_OPTION_ARG_STRING, &self->endpoint,
      N_ ("The API endpoint (ovh-eu, ovh-ca, ovh-us, … or a base URL)"), N_ ("NAME|URL") },
    { "from-ovh-conf", 0, 0, G_OPTION_ARG_NONE, &self->from_ovh_conf,
      N_ ("Take the keys from ovh.conf and OVH_* variables, not the keyring"), NULL },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &self->json, N_ ("Print results as JSON"), NULL },
    { "no-publish", 0, 0, G_OPTION_ARG_NONE, &self->no_publish,
      N_ ("Change records without refreshing the zone"), NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &self->ca_file,
      N_ ("Trust the certificate authorities in this PEM file instead of the system’s"),
      N_ ("FILE") },
    { "request-timeout", 0, 0, G_OPTION_ARG_INT, &self->request_timeout_seconds,
      N_ ("Fail an API request that makes no progress for this long (default 30; 0 = never)"),
      N_ ("SECONDS") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &self->quiet, N_ ("Print only results and errors"),
      NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &self->verbose,
      N_ ("Log every request (never the secrets) to standard error"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_ ("Print the version"), NULL },
    { "type", 't', 0, G_OPTION_ARG_STRING, &self->type,
      N_ ("records: the record type (A, MX, TXT…)"), N_ ("TYPE") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &self->name,
      N_ ("records: the sub-domain (“@” or “” for the zone itself)"), N_ ("SUB") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &self->value,
      N_ ("records: the value (target), as in a zone file"), N_ ("VALUE") },
    { "ttl", 0, 0, G_OPTION_ARG_STRING, &self->ttl,
      N_ ("records: the TTL in seconds (0 = the zone’s default)"), N_ ("SECONDS") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &self->output,
      N_ ("zone export: write the zone file here"), N_ ("FILE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &self->preset,
      N_ ("login: the rights to ask for (read-only, dns-editor, full)"), N_ ("PRESET") },
    { "zone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &self->zones,
      N_ ("login: limit the rights to this zone (repeatable)"), N_ ("ZONE") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &self->label, N_ ("login: a name for the new account"),
      N_ ("NAME") },
    { "application-key", 0, 0, G_OPTION_ARG_STRING, &self->application_key,
      N_ ("login: the application key (the secret is read from OVH_APPLICATION_SECRET or "
          "standard input)"),
      N_ ("KEY") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &self->timeout_seconds,
      N_ ("login, zone import, zone watch: how long to wait, in seconds"), N_ ("SECONDS") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &self->from,
      N_ ("zone diff: compare from this version (a date from zone history) or zone file"),
      N_ ("DATE|FILE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &self->to,
      N_ ("zone diff: compare to this version or zone file (default: the zone now)"),
      N_ ("DATE|FILE") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &self->yes,
      N_ ("zone restore, zone import, templates apply: go on even when records already in the zone "
          "are removed or changed"),
      NULL },
    { "merge", 0, 0, G_OPTION_ARG_NONE, &self->merge,
      N_ ("zone import: change only the records that differ, and publish once"), NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &self->replace,
      N_ ("zone import: replace the whole zone through OVHcloud’s import (the default)"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &self->dry_run,
      N_ ("zone import, templates apply: print what would change and send nothing"), NULL },
    { "ns-address", 0, 0, G_OPTION_ARG_STRING_ARRAY, &self->ns_addresses,
      N_ ("zone check, zone watch: ask this name server at this address (repeatable)"),
      N_ ("NAME=ADDRESS:PORT") },
    { "resolver", 0, 0, G_OPTION_ARG_STRING, &self->resolver,
      N_ ("zone check, zone watch: the DNS resolver for names outside the zone"),
      N_ ("ADDRESS:PORT") },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &self->params,
      N_ ("templates apply: a value for one of the template’s parameters (repeatable)"),
      N_ ("KEY=VALUE") },
    { "refresh", 0, 0, G_OPTION_ARG_STRING, &self->refresh,
      N_ ("zone soa: how often secondary servers check the serial"), N_ ("SECONDS") },
    { "expire", 0, 0, G_OPTION_ARG_STRING, &self->expire,
      N_ ("zone soa: how long secondary servers answer without the primary"), N_ ("SECONDS") },
    { "negative-ttl", 0, 0, G_OPTION_ARG_STRING, &self->negative_ttl,
      N_ ("zone soa: how long resolvers remember that a name does not exist"), N_ ("SECONDS") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &self->email, N_ ("zone soa: the zone’s contact e-mail"),
      N_ ("ADDRESS") },
    { "minimized", 0, 0, G_OPTION_ARG_NONE, &self->minimized,
      N_ ("zone reset: keep only the name server records"), NULL },
    { "generate", 0, 0, G_OPTION_ARG_NONE, &self->generate,
      N_ ("dynhost login add, dynhost login password: make a password and print it once"), NULL },
    { "set", 0, 0, G_OPTION_ARG_NONE, &self->set_name_servers,
      N_ ("domain nameservers: use the name servers given after the domain"), NULL },
    { "ovh", 0, 0, G_OPTION_ARG_NONE, &self->ovh_name_servers,
      N_ ("domain nameservers: go back to OVHcloud’s name servers"), NULL },
    { "data", 'd', 0, G_OPTION_ARG_STRING, &self->data,
      N_ ("api: the request’s body, a JSON document"), N_ ("JSON") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &self->title,
      N_ ("redirections add: the page title of an invisible redirection"), N_ ("TITLE") },
    { "regex", 0, 0, G_OPTION_ARG_NONE, &self->regex,
      N_ ("search, records replace: the text is a regular expression (--to may use \\1)"), NULL },
    { "all-zones", 0, 0, G_OPTION_ARG_NONE, &self->all_zones,
      N_ ("records replace: in every zone of the account"), NULL },
    { "poll-interval", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &self->poll_interval_ms, NULL,
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words, NULL, NULL },
    { NULL },
  };

  self->out = out;
  self->err = err;
  self->timeout_seconds = -1;
  self->request_timeout_seconds = -1;
  self->poll_interval_ms = 2000;
  self->cancellable = g_cancellable_new ();

  /* Debug messages must never mix with results on standard output. */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new (_ ("COMMAND [ARGUMENTS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  summary = build_summary ();
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, get_description ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      print_error (self, error);
      domaine_cli_clear (self);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (show_version)
    {
      fprintf (out, "domaine-cli %s\n", PACKAGE_VERSION);
      domaine_cli_clear (self);
      return DOMAINE_CLI_EXIT_OK;
    }

  if (self->verbose)
    {
      const char *domains = g_getenv ("G_MESSAGES_DEBUG");

      if (domains == NULL || !g_str_equal (domains, "all"))
        g_setenv ("G_MESSAGES_DEBUG", "Ovh Domaine", TRUE);
    }

  if (install_sigint)
    sigint_source = g_unix_signal_add (SIGINT, on_sigint, self->cancellable);

  status = dispatch (self, words, words != NULL ? g_strv_length (words) : 0, &error);
  if (error != NULL)
    {
      print_error (self, error);
      status = domaine_cli_exit_code_for_error (error);
    }

  if (sigint_source != 0)
    g_source_remove (sigint_source);

  fflush (out);
  domaine_cli_clear (self);
  return status;
}
