/* domaine-cli-commands.c: the commands of domaine-cli that read and change zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-credential.h"
#include "ovh-domain.h"
#include "ovh-endpoint.h"
#include "ovh-me.h"
#include "ovh-record.h"
#include "ovh-zone-file.h"
#include "ovh-zone.h"

/* Helpers ------------------------------------------------------------------------------------ */

static char *
zone_path (const char *zone, const char *rest)
{
  g_autofree char *escaped = domaine_cli_escape_path (zone);

  return g_strdup_printf ("/domain/zone/%s%s", escaped, rest != NULL ? rest : "");
}

static const char *
yes_no (gboolean value)
{
  return value ? _ ("yes") : _ ("no");
}

static GError *
invalid_response (const char *what)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, what);
}

static JsonObject *
expect_object (JsonNode *node, const char *path, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("The answer to %s is not the object the API promises"), path);

      g_propagate_error (error, invalid_response (message));
      return NULL;
    }

  return json_node_get_object (node);
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object, const char *name, gint64 fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static gboolean
member_boolean (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

static JsonNode *
record_to_json (OvhRecord *record)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) ovh_record_get_id (record));
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, ovh_record_get_zone (record));
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, ovh_record_get_sub_domain (record));
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, ovh_record_get_field_type (record));
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, ovh_record_get_target (record));
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, ovh_record_get_ttl (record));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
format_ttl (guint ttl)
{
  if (ttl == 0)
    /* Translators: a record's TTL of 0, which OVH replaces with the zone's default */
    return g_strdup (_ ("default"));
  return g_strdup_printf ("%u", ttl);
}

static DomaineCliTable *
new_records_table (void)
{
  DomaineCliTable *table
      = domaine_cli_table_new (_ ("ID"), _ ("Name"), _ ("Type"), _ ("TTL"), _ ("Value"), NULL);

  domaine_cli_table_set_align_right (table, 0, TRUE);
  domaine_cli_table_set_align_right (table, 3, TRUE);
  return table;
}

/* A listing: its JSON array with --json, its table otherwise. */
static void
print_listing (DomaineCli *self, JsonArray *array, DomaineCliTable *table)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), array);

      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_print_table (self, table);
}

static void
add_record_row (DomaineCliTable *table, OvhRecord *record)
{
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, ovh_record_get_id (record));
  g_autofree char *ttl = format_ttl (ovh_record_get_ttl (record));

  domaine_cli_table_add_row (table, id, ovh_record_get_display_name (record),
                             ovh_record_get_field_type (record), ttl,
                             ovh_record_get_target (record), NULL);
}

/* POST …/refresh: what makes changes visible in DNS. */
static gboolean
publish (DomaineCli *self, const char *zone, GError **error)
{
  g_autofree char *path = zone_path (zone, "/refresh");
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) local_error = NULL;

  answer = domaine_cli_call (self, NULL, "POST", path, NULL, OVH_CALL_NONE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* After changes were made: refresh unless --no-publish. Returns whether it published. */
static gboolean
publish_after_changes (DomaineCli *self, const char *zone, gboolean *published, GError **error)
{
  *published = FALSE;
  if (self->no_publish)
    return TRUE;

  if (!publish (self, zone, error))
    {
      g_prefix_error (error,
                      /* Translators: %s is a zone; the error message follows */
                      _ ("The changes were made but %s was not published (run “domaine-cli zone "
                         "refresh %s”): "),
                      zone, zone);
      return FALSE;
    }

  *published = TRUE;
  return TRUE;
}

static OvhRecord *
fetch_record (DomaineCli *self, const char *zone, guint64 id, GError **error)
{
  g_autofree char *rest = g_strdup_printf ("/record/%" G_GUINT64_FORMAT, id);
  g_autofree char *path = zone_path (zone, rest);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) local_error = NULL;
  OvhRecord *record;

  answer = domaine_cli_call (self, NULL, "GET", path, NULL, OVH_CALL_NONE, error);
  if (answer == NULL)
    return NULL;

  record = ovh_record_new_from_json (answer, &local_error);
  if (record == NULL)
    {
      g_propagate_error (error, invalid_response (local_error->message));
      return NULL;
    }
  if (ovh_record_get_zone (record) == NULL)
    ovh_record_set_zone (record, zone);
  return record;
}

/* GET …/record?subDomain=…: the records that share a name (for the CNAME rule). */
static GPtrArray *
fetch_records_named (DomaineCli *self, const char *zone, const char *sub_domain, GError **error)
{
  g_autofree char *escaped = g_uri_escape_string (sub_domain, NULL, FALSE);
  g_autofree char *rest = g_strdup_printf ("/record?subDomain=%s", escaped);
  g_autofree char *path = zone_path (zone, rest);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *ids;

  answer = domaine_cli_call (self, NULL, "GET", path, NULL, OVH_CALL_NONE, error);
  if (answer == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (answer))
    {
      g_propagate_error (error, invalid_response (_ ("The list of records is not an array")));
      return NULL;
    }

  ids = json_node_get_array (answer);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *element = json_array_get_element (ids, i);
      OvhRecord *record;

      if (json_node_get_value_type (element) != G_TYPE_INT64)
        {
          g_propagate_error (
              error, invalid_response (_ ("The list of records holds something else than IDs")));
          return NULL;
        }
      record = fetch_record (self, zone, (guint64) json_node_get_int (element), error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

static gboolean
parse_ttl (const char *text, gint64 *ttl, GError **error)
{
  gint64 value = 0;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Invalid TTL “%s”: a number of seconds is expected"), text);
      return FALSE;
    }

  *ttl = value;
  return TRUE;
}

/* accounts, me, domains ---------------------------------------------------------------------- */

int
domaine_cli_cmd_accounts (DomaineCli *self, GError **error)
{
  OvhAccountStore *store = domaine_cli_load_store (self, error);
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = NULL;
  guint n_items;

  if (store == NULL)
    return DOMAINE_CLI_EXIT_API;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  array = json_array_new ();
  table = domaine_cli_table_new (_ ("Name"), _ ("Nichandle"), _ ("Endpoint"), _ ("ID"), NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *name = ovh_account_dup_display_name (account);
      const OvhEndpoint *endpoint = ovh_account_get_known_endpoint (account);

      if (self->endpoint != NULL
          && !domaine_cli_endpoint_matches (self->endpoint, ovh_account_get_endpoint (account)))
        continue;

      json_array_add_element (array, domaine_cli_account_to_json (account));
      domaine_cli_table_add_row (
          table, name,
          ovh_account_get_nichandle (account) != NULL ? ovh_account_get_nichandle (account) : "—",
          endpoint != NULL ? endpoint->id : ovh_account_get_endpoint (account),
          ovh_account_get_id (account), NULL);
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), array);

      domaine_cli_print_json (self, node);
    }
  else if (domaine_cli_table_get_n_rows (table) == 0)
    domaine_cli_note (self, "%s\n", _ ("No account is stored: sign in with “domaine-cli login”."));
  else
    domaine_cli_print_table (self, table);

  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_me (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OvhMe) me = NULL;
  struct
  {
    const char *json_name;
    const char *label;
    const char *value;
  } fields[12];
  guint n = 0;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_me_load_async (self->client, self->cancellable, domaine_cli_result_cb, &result);
  me = ovh_me_load_finish (domaine_cli_await (self, &result), error);
  if (me == NULL)
    return DOMAINE_CLI_EXIT_API;

#define FIELD(json, text, getter) \
  fields[n].json_name = json;     \
  fields[n].label = text;         \
  fields[n].value = getter (me);  \
  n++;
  FIELD ("nichandle", _ ("Nichandle"), ovh_me_get_nichandle);
  FIELD ("displayName", _ ("Name"), ovh_me_get_display_name);
  FIELD ("firstname", _ ("First name"), ovh_me_get_firstname);
  FIELD ("name", _ ("Last name"), ovh_me_get_name);
  FIELD ("organisation", _ ("Organisation"), ovh_me_get_organisation);
  FIELD ("email", _ ("Email"), ovh_me_get_email);
  FIELD ("country", _ ("Country"), ovh_me_get_country);
  FIELD ("language", _ ("Language"), ovh_me_get_language);
  FIELD ("currency", _ ("Currency"), ovh_me_get_currency_code);
  FIELD ("customerCode", _ ("Customer code"), ovh_me_get_customer_code);
  FIELD ("state", _ ("State"), ovh_me_get_state);
  FIELD ("ovhSubsidiary", _ ("Subsidiary"), ovh_me_get_ovh_subsidiary);
#undef FIELD

  if (self->json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_object (builder);
      for (guint i = 0; i < n; i++)
        {
          json_builder_set_member_name (builder, fields[i].json_name);
          if (fields[i].value != NULL)
            json_builder_add_string_value (builder, fields[i].value);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      domaine_cli_print_json (self, node);
    }
  else
    {
      g_autoptr (DomaineCliTable) table = domaine_cli_table_new ("", "", NULL);

      domaine_cli_table_set_show_headers (table, FALSE);
      for (guint i = 0; i < n; i++)
        if (fields[i].value != NULL)
          {
            /* Translators: a label in a "Label: value" list */
            g_autofree char *label = g_strdup_printf (_ ("%s:"), fields[i].label);

            domaine_cli_table_add_row (table, label, fields[i].value, NULL);
          }
      domaine_cli_print_table (self, table);
    }

  return DOMAINE_CLI_EXIT_OK;
}

static GListStore *
load_domains (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_domain_list_load_async (self->client, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_domain_list_load_finish (domaine_cli_await (self, &result), error);
}

int
domaine_cli_cmd_domains (DomaineCli *self, GError **error)
{
  g_autoptr (GListStore) domains = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = NULL;
  guint n_items;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  domains = load_domains (self, error);
  if (domains == NULL)
    return DOMAINE_CLI_EXIT_API;

  array = json_array_new ();
  table = domaine_cli_table_new (_ ("Domain"), _ ("DNS zone at OVHcloud"),
                                 _ ("Registered at OVHcloud"), NULL);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (domains));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (G_LIST_MODEL (domains), i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", ovh_domain_get_name (domain));
      json_object_set_boolean_member (object, "hasZone", ovh_domain_has_zone (domain));
      json_object_set_boolean_member (object, "registered", ovh_domain_is_registered (domain));
      json_array_add_object_element (array, object);

      domaine_cli_table_add_row (table, ovh_domain_get_name (domain),
                                 yes_no (ovh_domain_has_zone (domain)),
                                 yes_no (ovh_domain_is_registered (domain)), NULL);
    }

  print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

/* zone --------------------------------------------------------------------------------------- */

int
domaine_cli_cmd_zone_show (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autofree char *info_path = zone_path (zone, NULL);
  g_autofree char *soa_path = zone_path (zone, "/soa");
  g_autofree char *status_path = zone_path (zone, "/status");
  g_autofree char *records_path = zone_path (zone, "/record");
  g_autoptr (JsonNode) info_node = NULL;
  g_autoptr (JsonNode) soa_node = NULL;
  g_autoptr (JsonNode) status_node = NULL;
  g_autoptr (JsonNode) records_node = NULL;
  g_autoptr (GString) name_servers = g_string_new (NULL);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  JsonObject *info, *soa, *status;
  JsonNode *ns_node;
  gboolean deployed;
  gint64 n_records;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  info_node = domaine_cli_call (self, NULL, "GET", info_path, NULL, OVH_CALL_NONE, error);
  if (info_node == NULL || (info = expect_object (info_node, info_path, error)) == NULL)
    return DOMAINE_CLI_EXIT_API;
  soa_node = domaine_cli_call (self, NULL, "GET", soa_path, NULL, OVH_CALL_NONE, error);
  if (soa_node == NULL || (soa = expect_object (soa_node, soa_path, error)) == NULL)
    return DOMAINE_CLI_EXIT_API;
  status_node = domaine_cli_call (self, NULL, "GET", status_path, NULL, OVH_CALL_NONE, error);
  if (status_node == NULL || (status = expect_object (status_node, status_path, error)) == NULL)
    return DOMAINE_CLI_EXIT_API;
  records_node = domaine_cli_call (self, NULL, "GET", records_path, NULL, OVH_CALL_NONE, error);
  if (records_node == NULL)
    return DOMAINE_CLI_EXIT_API;
  if (!JSON_NODE_HOLDS_ARRAY (records_node))
    {
      g_propagate_error (error, invalid_response (_ ("The list of records is not an array")));
      return DOMAINE_CLI_EXIT_API;
    }
  n_records = json_array_get_length (json_node_get_array (records_node));
  deployed = member_boolean (status, "isDeployed");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (
      builder, member_string (info, "name") != NULL ? member_string (info, "name") : zone);
  json_builder_set_member_name (builder, "nameServers");
  json_builder_begin_array (builder);
  ns_node = json_object_get_member (info, "nameServers");
  if (ns_node != NULL && JSON_NODE_HOLDS_ARRAY (ns_node))
    {
      JsonArray *array = json_node_get_array (ns_node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            continue;
          json_builder_add_string_value (builder, json_node_get_string (element));
          g_string_append_printf (name_servers, "%s%s", name_servers->len > 0 ? ", " : "",
                                  json_node_get_string (element));
        }
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dnssecSupported");
  json_builder_add_boolean_value (builder, member_boolean (info, "dnssecSupported"));
  json_builder_set_member_name (builder, "hasDnsAnycast");
  json_builder_add_boolean_value (builder, member_boolean (info, "hasDnsAnycast"));
  json_builder_set_member_name (builder, "lastUpdate");
  if (member_string (info, "lastUpdate") != NULL)
    json_builder_add_string_value (builder, member_string (info, "lastUpdate"));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_int_value (builder, member_int (soa, "serial", 0));
  json_builder_set_member_name (builder, "defaultTtl");
  json_builder_add_int_value (builder, member_int (soa, "ttl", member_int (soa, "nxDomainTtl", 0)));
  json_builder_set_member_name (builder, "soaServer");
  json_builder_add_string_value (builder, member_string (soa, "server"));
  json_builder_set_member_name (builder, "soaEmail");
  json_builder_add_string_value (builder, member_string (soa, "email"));
  json_builder_set_member_name (builder, "deployed");
  json_builder_add_boolean_value (builder, deployed);
  json_builder_set_member_name (builder, "records");
  json_builder_add_int_value (builder, n_records);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  if (self->json)
    domaine_cli_print_json (self, root);
  else
    {
      g_autoptr (DomaineCliTable) table = domaine_cli_table_new ("", "", NULL);
      JsonObject *object = json_node_get_object (root);
      g_autofree char *serial
          = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (object, "serial", 0));
      g_autofree char *ttl
          = g_strdup_printf ("%" G_GINT64_FORMAT, member_int (object, "defaultTtl", 0));
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_records);
      g_autofree char *updated = domaine_cli_format_date (member_string (object, "lastUpdate"));
      g_autofree char *l_zone = g_strdup_printf (_ ("%s:"), _ ("Zone"));
      g_autofree char *l_ns = g_strdup_printf (_ ("%s:"), _ ("Name servers"));
      g_autofree char *l_serial = g_strdup_printf (_ ("%s:"), _ ("Serial"));
      g_autofree char *l_ttl = g_strdup_printf (_ ("%s:"), _ ("Default TTL"));
      g_autofree char *l_records = g_strdup_printf (_ ("%s:"), _ ("Records"));
      g_autofree char *l_dnssec = g_strdup_printf (_ ("%s:"), _ ("DNSSEC supported"));
      g_autofree char *l_updated = g_strdup_printf (_ ("%s:"), _ ("Last update"));
      g_autofree char *l_published = g_strdup_printf (_ ("%s:"), _ ("Published"));

      domaine_cli_table_set_show_headers (table, FALSE);
      domaine_cli_table_add_row (table, l_zone, member_string (object, "name"), NULL);
      domaine_cli_table_add_row (table, l_ns, name_servers->str, NULL);
      domaine_cli_table_add_row (table, l_serial, serial, NULL);
      domaine_cli_table_add_row (table, l_ttl, ttl, NULL);
      domaine_cli_table_add_row (table, l_records, count, NULL);
      domaine_cli_table_add_row (table, l_dnssec,
                                 yes_no (member_boolean (object, "dnssecSupported")), NULL);
      domaine_cli_table_add_row (table, l_updated, updated != NULL ? updated : "—", NULL);
      domaine_cli_table_add_row (table, l_published,
                                 deployed ? _ ("yes") : _ ("no: changes wait for a refresh"), NULL);
      domaine_cli_print_table (self, table);
    }

  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_zone_refresh (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  if (self->no_publish)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--no-publish makes no sense with zone refresh"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!publish (self, zone, error))
    return DOMAINE_CLI_EXIT_API;

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone);
      json_object_set_boolean_member (object, "published", TRUE);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_note (self, _ ("Published %s.\n"), zone);

  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_zone_export (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autofree char *path = zone_path (zone, "/export");
  g_autoptr (JsonNode) answer = NULL;
  const char *text;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  answer = domaine_cli_call (self, NULL, "GET", path, NULL, OVH_CALL_NONE, error);
  if (answer == NULL)
    return DOMAINE_CLI_EXIT_API;
  if (json_node_get_value_type (answer) != G_TYPE_STRING)
    {
      g_propagate_error (error, invalid_response (_ ("The exported zone is not a string")));
      return DOMAINE_CLI_EXIT_API;
    }
  text = json_node_get_string (answer);

  if (self->output != NULL && !g_str_equal (self->output, "-"))
    {
      g_autoptr (GError) local_error = NULL;

      if (!g_file_set_contents (self->output, text, -1, &local_error))
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                       /* Translators: a file name, then an error message */
                       _ ("Cannot write “%s”: %s"), self->output, local_error->message);
          return DOMAINE_CLI_EXIT_API;
        }
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone);
      json_object_set_string_member (object, "zoneFile", text);
      if (self->output != NULL && !g_str_equal (self->output, "-"))
        json_object_set_string_member (object, "file", self->output);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else if (self->output == NULL || g_str_equal (self->output, "-"))
    {
      domaine_cli_print (self, "%s", text);
      if (!g_str_has_suffix (text, "\n"))
        domaine_cli_print (self, "\n");
    }
  else
    domaine_cli_note (self, _ ("Wrote the zone file of %s to %s.\n"), zone, self->output);

  return DOMAINE_CLI_EXIT_OK;
}

static char *
read_input_file (const char *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *contents = NULL;

  if (g_str_equal (file, "-"))
    {
      GString *text = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, (gssize) n);
      return g_string_free (text, FALSE);
    }

  if (!g_file_get_contents (file, &contents, NULL, &local_error))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: a file name, then an error message */
                   _ ("Cannot read “%s”: %s"), file, local_error->message);
      return NULL;
    }

  return contents;
}

int
domaine_cli_cmd_zone_import (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  const char *file = self->args[1];
  g_autofree char *text = NULL;
  g_autofree char *import_path = zone_path (zone, "/import");
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *status = NULL;
  g_autofree char *task_text = NULL;
  JsonObject *task;
  gint64 task_id;
  gint64 deadline;
  guint line = 0;

  if (self->no_publish)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--no-publish does not apply to zone import: OVHcloud publishes an "
                              "imported zone itself"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  text = read_input_file (file, error);
  if (text == NULL)
    return DOMAINE_CLI_EXIT_USAGE;

  /* Checked here first: a file OVH would refuse (or half-apply) is never sent. */
  records = ovh_zone_file_parse (text, zone, OVH_ZONE_FILE_PARSE_DEFAULT, &line, &parse_error);
  if (records == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, "%s:%u: %s", file, line,
                   parse_error->message);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  body = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (body, json_object_new ());
  json_object_set_string_member (json_node_get_object (body), "zoneFile", text);
  answer = domaine_cli_call (self, NULL, "POST", import_path, body, OVH_CALL_NONE, error);
  if (answer == NULL || (task = expect_object (answer, import_path, error)) == NULL)
    return DOMAINE_CLI_EXIT_API;

  task_id = member_int (task, "id", -1);
  status = g_strdup (member_string (task, "status"));
  if (task_id < 0 || status == NULL)
    {
      g_propagate_error (error, invalid_response (_ ("The import task has no ID or status")));
      return DOMAINE_CLI_EXIT_API;
    }

  task_text = g_strdup_printf ("%" G_GINT64_FORMAT, task_id);
  /* Translators: a number of records, a zone, then a task number */
  domaine_cli_note (self,
                    ngettext ("Importing %u record into %s (task %s)…\n",
                              "Importing %u records into %s (task %s)…\n", records->len),
                    records->len, zone, task_text);

  deadline = g_get_monotonic_time ()
             + (self->timeout_seconds > 0 ? self->timeout_seconds : 600) * G_USEC_PER_SEC;
  while (g_str_equal (status, "todo") || g_str_equal (status, "doing")
         || g_str_equal (status, "init"))
    {
      g_autofree char *rest = g_strdup_printf ("/task/%" G_GINT64_FORMAT, task_id);
      g_autofree char *task_path = zone_path (zone, rest);
      g_autoptr (JsonNode) task_node = NULL;
      JsonObject *task_object;

      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                       _ ("The import task %s is still “%s”: gave up waiting"), task_text, status);
          return DOMAINE_CLI_EXIT_API;
        }
      if (!domaine_cli_sleep (self, MIN ((guint) self->poll_interval_ms, 1000), error))
        return DOMAINE_CLI_EXIT_CANCELLED;

      task_node = domaine_cli_call (self, NULL, "GET", task_path, NULL, OVH_CALL_NONE, error);
      if (task_node == NULL || (task_object = expect_object (task_node, task_path, error)) == NULL)
        return DOMAINE_CLI_EXIT_API;
      if (member_string (task_object, "status") == NULL)
        {
          g_propagate_error (error, invalid_response (_ ("The import task has no status")));
          return DOMAINE_CLI_EXIT_API;
        }
      g_free (status);
      status = g_strdup (member_string (task_object, "status"));
    }

  if (!g_str_equal (status, "done"))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                   /* Translators: a task number, then its status ("error", "cancelled") */
                   _ ("The import task %s ended with the status “%s”"), task_text, status);
      return DOMAINE_CLI_EXIT_API;
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone);
      json_object_set_int_member (object, "task", task_id);
      json_object_set_string_member (object, "status", status);
      json_object_set_int_member (object, "records", records->len);
      json_object_set_boolean_member (object, "published", TRUE);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_note (self,
                      ngettext ("Imported %u record into %s; OVHcloud published the zone.\n",
                                "Imported %u records into %s; OVHcloud published the zone.\n",
                                records->len),
                      records->len, zone);

  return DOMAINE_CLI_EXIT_OK;
}

/* records ------------------------------------------------------------------------------------ */

int
domaine_cli_cmd_records_list (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = NULL;
  g_autofree char *wanted_name = NULL;
  const OvhRecordType *wanted_type = NULL;
  GListModel *records;
  guint n_items;

  if (self->type != NULL && (wanted_type = ovh_record_type_lookup (self->type)) == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown record type “%s”"), self->type);
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->name != NULL)
    wanted_name = ovh_record_normalize_sub_domain (self->name, zone_name);

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  /* No cache: a script must see changes not yet published, which keep the SOA serial. */
  zone = ovh_zone_new (self->client, zone_name);
  ovh_zone_set_cache_enabled (zone, FALSE);
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_BYPASS_CACHE, self->cancellable, domaine_cli_result_cb,
                       &result);
  if (!ovh_zone_load_finish (zone, domaine_cli_await (self, &result), error))
    return DOMAINE_CLI_EXIT_API;

  array = json_array_new ();
  table = new_records_table ();
  records = ovh_zone_get_records (zone);
  n_items = g_list_model_get_n_items (records);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (wanted_type != NULL
          && g_ascii_strcasecmp (wanted_type->name, ovh_record_get_field_type (record)) != 0)
        continue;
      if (wanted_name != NULL
          && g_ascii_strcasecmp (wanted_name, ovh_record_get_sub_domain (record)) != 0)
        continue;
      if (ovh_record_get_zone (record) == NULL)
        ovh_record_set_zone (record, zone_name);

      json_array_add_element (array, record_to_json (record));
      add_record_row (table, record);
    }

  print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

/* The record as it will be, checked with libovh's rules (and the CNAME rule against the
 * records of the same name, fetched) before anything is sent. */
static gboolean
check_record (DomaineCli *self, OvhRecord *record, GError **error)
{
  g_autoptr (GPtrArray) neighbours = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!ovh_record_check (record, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }

  neighbours = fetch_records_named (self, ovh_record_get_zone (record),
                                    ovh_record_get_sub_domain (record), error);
  if (neighbours == NULL)
    return FALSE;
  if (!ovh_records_check_conflicts_array (neighbours, record, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
print_change_result (DomaineCli *self, OvhRecord *record, const char *what, gboolean published)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "record", record_to_json (record));
      json_object_set_boolean_member (object, "published", published);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    {
      g_autoptr (DomaineCliTable) table = new_records_table ();

      domaine_cli_note (self, "%s\n", what);
      add_record_row (table, record);
      if (!self->quiet)
        domaine_cli_print_table (self, table);
      if (published)
        domaine_cli_note (self, _ ("Published %s.\n"), ovh_record_get_zone (record));
      else
        domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"),
                          ovh_record_get_zone (record));
    }
}

/* A known API bug answers a create with id 0: find the new record among those of its name. */
static gboolean
find_created_id (DomaineCli *self, OvhRecord *created, GError **error)
{
  g_autoptr (GPtrArray) candidates = fetch_records_named (
      self, ovh_record_get_zone (created), ovh_record_get_sub_domain (created), error);
  guint64 best = 0;

  if (candidates == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len; i++)
    {
      OvhRecord *candidate = g_ptr_array_index (candidates, i);

      if (ovh_record_equal_content (candidate, created) && ovh_record_get_id (candidate) > best)
        best = ovh_record_get_id (candidate);
    }

  ovh_record_set_id (created, best);
  return TRUE;
}

int
domaine_cli_cmd_records_add (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autofree char *path = zone_path (zone, "/record");
  g_autofree char *sub_domain = NULL;
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhRecord) created = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 ttl = 0;
  gboolean published = FALSE;

  if (self->type == NULL || self->name == NULL || self->value == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("records add needs --type, --name and --value (use --name @ for "
                              "the zone itself)"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->ttl != NULL && !parse_ttl (self->ttl, &ttl, error))
    return DOMAINE_CLI_EXIT_USAGE;

  sub_domain = ovh_record_normalize_sub_domain (self->name, zone);
  if (!ovh_record_validate (self->type, sub_domain, self->value, ttl, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  record = ovh_record_new (zone, sub_domain, ovh_record_type_lookup (self->type)->name, self->value,
                           (guint) ttl);

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  if (!check_record (self, record, error))
    return domaine_cli_exit_code_for_error (*error);

  body = ovh_record_to_json_for_create (record);
  answer = domaine_cli_call (self, NULL, "POST", path, body, OVH_CALL_NONE, error);
  if (answer == NULL)
    return DOMAINE_CLI_EXIT_API;

  created = ovh_record_new_from_json (answer, &local_error);
  if (created == NULL)
    {
      g_debug ("Unexpected answer to the create: %s", local_error->message);
      created = ovh_record_dup (record);
    }
  if (ovh_record_get_zone (created) == NULL)
    ovh_record_set_zone (created, zone);
  if (ovh_record_get_id (created) == 0 && !find_created_id (self, created, error))
    return DOMAINE_CLI_EXIT_API;

  if (!publish_after_changes (self, zone, &published, error))
    return DOMAINE_CLI_EXIT_API;

  print_change_result (self, created, _ ("Added:"), published);
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_records_set (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autoptr (OvhRecord) current = NULL;
  g_autoptr (OvhRecord) updated = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;
  guint64 id;
  gint64 ttl = 0;
  gboolean published = FALSE;

  if (!domaine_cli_parse_id (self->args[1], _ ("record ID"), &id, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (self->name == NULL && self->value == NULL && self->ttl == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("records set needs at least one of --name, --value and --ttl"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->ttl != NULL && !parse_ttl (self->ttl, &ttl, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (self->type != NULL && ovh_record_type_lookup (self->type) == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown record type “%s”"), self->type);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  current = fetch_record (self, zone, id, error);
  if (current == NULL)
    return DOMAINE_CLI_EXIT_API;

  if (self->type != NULL
      && g_ascii_strcasecmp (self->type, ovh_record_get_field_type (current)) != 0)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: a record ID and its type */
                   _ ("Record %s is of type %s and OVHcloud cannot change a record’s type: delete "
                      "it and add a new one"),
                   self->args[1], ovh_record_get_field_type (current));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  updated = ovh_record_dup (current);
  if (self->name != NULL)
    {
      g_autofree char *sub_domain = ovh_record_normalize_sub_domain (self->name, zone);

      ovh_record_set_sub_domain (updated, sub_domain);
    }
  if (self->value != NULL)
    ovh_record_set_target (updated, self->value);
  if (self->ttl != NULL)
    {
      if (!ovh_record_validate (ovh_record_get_field_type (updated),
                                ovh_record_get_sub_domain (updated),
                                ovh_record_get_target (updated), ttl, &local_error))
        {
          g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                               local_error->message);
          return DOMAINE_CLI_EXIT_USAGE;
        }
      ovh_record_set_ttl (updated, (guint) ttl);
    }

  if (ovh_record_equal_content (current, updated))
    {
      domaine_cli_note (self, _ ("Record %s already has these values.\n"), self->args[1]);
      print_change_result (self, current, _ ("Unchanged:"), FALSE);
      return DOMAINE_CLI_EXIT_OK;
    }

  if (!check_record (self, updated, error))
    return domaine_cli_exit_code_for_error (*error);

  rest = g_strdup_printf ("/record/%" G_GUINT64_FORMAT, id);
  path = zone_path (zone, rest);
  body = ovh_record_to_json_for_update (updated);
  answer = domaine_cli_call (self, NULL, "PUT", path, body, OVH_CALL_NONE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return DOMAINE_CLI_EXIT_API;
    }

  if (!publish_after_changes (self, zone, &published, error))
    return DOMAINE_CLI_EXIT_API;

  print_change_result (self, updated, _ ("Changed:"), published);
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_records_delete (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autofree guint64 *ids = g_new0 (guint64, self->n_args);
  g_autoptr (JsonArray) deleted = json_array_new ();
  g_autoptr (JsonArray) failed = json_array_new ();
  g_autoptr (GError) first_error = NULL;
  g_autoptr (GError) publish_error = NULL;
  guint n_ids = self->n_args - 1;
  guint n_deleted = 0;
  gboolean published = FALSE;

  /* Every ID is checked before the first request. */
  for (guint i = 0; i < n_ids; i++)
    if (!domaine_cli_parse_id (self->args[i + 1], _ ("record ID"), &ids[i], error))
      return DOMAINE_CLI_EXIT_USAGE;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *rest = g_strdup_printf ("/record/%" G_GUINT64_FORMAT, ids[i]);
      g_autofree char *path = zone_path (zone, rest);
      g_autoptr (JsonNode) answer = NULL;
      g_autoptr (GError) local_error = NULL;

      answer = domaine_cli_call (self, NULL, "DELETE", path, NULL, OVH_CALL_NONE, &local_error);
      if (local_error != NULL)
        {
          JsonObject *object;

          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_clear_error (&first_error);
              first_error = g_steal_pointer (&local_error);
              break;
            }
          object = json_object_new ();
          json_object_set_int_member (object, "id", (gint64) ids[i]);
          json_object_set_string_member (object, "error", local_error->message);
          json_array_add_object_element (failed, object);
          if (first_error == NULL)
            {
              first_error = g_steal_pointer (&local_error);
              g_prefix_error (&first_error, _ ("Record %s: "), self->args[i + 1]);
            }
          continue;
        }

      json_array_add_int_element (deleted, (gint64) ids[i]);
      n_deleted++;
      domaine_cli_note (self, _ ("Deleted record %s.\n"), self->args[i + 1]);
    }

  /* The deleted ones are gone at OVH: only a refresh makes DNS agree, failures or not. */
  if (n_deleted > 0 && !g_cancellable_is_cancelled (self->cancellable))
    publish_after_changes (self, zone, &published, &publish_error);

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone);
      json_object_set_array_member (object, "deleted", json_array_ref (deleted));
      json_object_set_array_member (object, "failed", json_array_ref (failed));
      json_object_set_boolean_member (object, "published", published);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else if (published)
    domaine_cli_note (self, _ ("Published %s.\n"), zone);
  else if (n_deleted > 0 && publish_error == NULL)
    domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"), zone);

  if (first_error != NULL)
    {
      /* The publish failure is reported too: one line each. */
      if (publish_error != NULL)
        fprintf (self->err, "domaine-cli: %s\n", publish_error->message);
      g_propagate_error (error, g_steal_pointer (&first_error));
      return DOMAINE_CLI_EXIT_API;
    }
  if (publish_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&publish_error));
      return DOMAINE_CLI_EXIT_API;
    }

  return DOMAINE_CLI_EXIT_OK;
}

/* credentials -------------------------------------------------------------------------------- */

static const char *
credential_status_to_string (OvhCredentialStatus status)
{
  switch (status)
    {
    case OVH_CREDENTIAL_STATUS_PENDING_VALIDATION:
      return "pendingValidation";
    case OVH_CREDENTIAL_STATUS_VALIDATED:
      return "validated";
    case OVH_CREDENTIAL_STATUS_REFUSED:
      return "refused";
    case OVH_CREDENTIAL_STATUS_EXPIRED:
      return "expired";
    case OVH_CREDENTIAL_STATUS_CANCELLED:
      return "cancelled";
    case OVH_CREDENTIAL_STATUS_UNKNOWN:
    default:
      return "unknown";
    }
}

static const char *
credential_status_to_display (OvhCredentialStatus status)
{
  switch (status)
    {
    case OVH_CREDENTIAL_STATUS_PENDING_VALIDATION:
      return _ ("waiting for validation");
    case OVH_CREDENTIAL_STATUS_VALIDATED:
      return _ ("valid");
    case OVH_CREDENTIAL_STATUS_REFUSED:
      return _ ("refused");
    case OVH_CREDENTIAL_STATUS_EXPIRED:
      return _ ("expired");
    case OVH_CREDENTIAL_STATUS_CANCELLED:
      return _ ("cancelled");
    case OVH_CREDENTIAL_STATUS_UNKNOWN:
    default:
      return _ ("unknown");
    }
}

static void
add_date_member (JsonObject *object, const char *name, GDateTime *date)
{
  if (date != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (date);

      json_object_set_string_member (object, name, text);
    }
  else
    json_object_set_null_member (object, name);
}

static char *
display_date (GDateTime *date, const char *none)
{
  g_autoptr (GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (none);
  local = g_date_time_to_local (date);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

int
domaine_cli_cmd_credentials_list (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) list_result = NULL;
  g_autoptr (GAsyncResult) current_result = NULL;
  g_autoptr (GListModel) credentials = NULL;
  g_autoptr (OvhCredential) current = NULL;
  g_autoptr (GError) current_error = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = json_array_new ();
  guint n_items;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_credential_list_async (self->client, self->cancellable, domaine_cli_result_cb, &list_result);
  credentials = ovh_credential_list_finish (domaine_cli_await (self, &list_result), error);
  if (credentials == NULL)
    return DOMAINE_CLI_EXIT_API;

  /* Which one is this account's own key: informative, so a failure is not fatal. */
  ovh_credential_fetch_current_async (self->client, self->cancellable, domaine_cli_result_cb,
                                      &current_result);
  current = ovh_credential_fetch_current_finish (domaine_cli_await (self, &current_result),
                                                 &current_error);
  if (current == NULL)
    {
      if (g_error_matches (current_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&current_error));
          return DOMAINE_CLI_EXIT_CANCELLED;
        }
      g_debug ("Current credential unknown: %s", current_error->message);
    }

  table = domaine_cli_table_new (_ ("ID"), _ ("Application"), _ ("Status"), _ ("Created"),
                                 _ ("Expires"), _ ("Last used"), _ ("This key"), NULL);
  domaine_cli_table_set_align_right (table, 0, TRUE);
  n_items = g_list_model_get_n_items (credentials);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhCredential) credential = g_list_model_get_item (credentials, i);
      gboolean is_current
          = current != NULL
            && ovh_credential_get_id (current) == ovh_credential_get_id (credential);
      JsonObject *object = json_object_new ();
      JsonArray *rules = json_array_new ();
      GPtrArray *rule_array = ovh_credential_get_rules (credential);
      g_autofree char *id
          = g_strdup_printf ("%" G_GINT64_FORMAT, ovh_credential_get_id (credential));
      g_autofree char *created = display_date (ovh_credential_get_creation (credential), "—");
      g_autofree char *expires
          = display_date (ovh_credential_get_expiration (credential), _ ("never"));
      g_autofree char *last_use = display_date (ovh_credential_get_last_use (credential), "—");
      const char *application = ovh_credential_get_application_name (credential);

      json_object_set_int_member (object, "id", ovh_credential_get_id (credential));
      json_object_set_int_member (object, "applicationId",
                                  ovh_credential_get_application_id (credential));
      if (application != NULL)
        json_object_set_string_member (object, "applicationName", application);
      else
        json_object_set_null_member (object, "applicationName");
      json_object_set_string_member (
          object, "status", credential_status_to_string (ovh_credential_get_status (credential)));
      add_date_member (object, "creation", ovh_credential_get_creation (credential));
      add_date_member (object, "expiration", ovh_credential_get_expiration (credential));
      add_date_member (object, "lastUse", ovh_credential_get_last_use (credential));
      for (guint j = 0; rule_array != NULL && j < rule_array->len; j++)
        {
          OvhAccessRule *rule = g_ptr_array_index (rule_array, j);
          JsonObject *rule_object = json_object_new ();

          json_object_set_string_member (rule_object, "method", rule->method);
          json_object_set_string_member (rule_object, "path", rule->path);
          json_array_add_object_element (rules, rule_object);
        }
      json_object_set_array_member (object, "rules", rules);
      json_object_set_boolean_member (object, "current", is_current);
      json_array_add_object_element (array, object);

      domaine_cli_table_add_row (
          table, id, application != NULL ? application : "—",
          credential_status_to_display (ovh_credential_get_status (credential)), created, expires,
          last_use, is_current ? "✓" : "", NULL);
    }

  print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_credentials_revoke (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  guint64 id;

  if (!domaine_cli_parse_id (self->args[0], _ ("credential ID"), &id, error))
    return DOMAINE_CLI_EXIT_USAGE;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_credential_revoke_async (self->client, (gint64) id, self->cancellable, domaine_cli_result_cb,
                               &result);
  if (!ovh_credential_revoke_finish (domaine_cli_await (self, &result), error))
    return DOMAINE_CLI_EXIT_API;

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "revoked", (gint64) id);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_note (self, _ ("Revoked credential %s.\n"), self->args[0]);

  return DOMAINE_CLI_EXIT_OK;
}

/* Completion --------------------------------------------------------------------------------- */

int
domaine_cli_cmd_complete (DomaineCli *self, GError **error)
{
  const char *what = self->args[0];

  if (g_str_equal (what, "accounts"))
    {
      OvhAccountStore *store = domaine_cli_load_store (self, NULL);
      guint n_items = store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (OvhAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);
          const char *label = ovh_account_get_label (account);
          const char *nichandle = ovh_account_get_nichandle (account);

          /* One word a line: labels with spaces are offered by ID. */
          if (label != NULL && strpbrk (label, " \t\n") == NULL)
            domaine_cli_print (self, "%s\n", label);
          else if (nichandle != NULL)
            domaine_cli_print (self, "%s\n", nichandle);
          domaine_cli_print (self, "%s\n", ovh_account_get_id (account));
        }
      return DOMAINE_CLI_EXIT_OK;
    }

  if (g_str_equal (what, "zones"))
    {
      g_autoptr (GListStore) domains = NULL;
      guint n_items;

      if (!domaine_cli_open_account (self, error))
        return DOMAINE_CLI_EXIT_API;
      domains = load_domains (self, error);
      if (domains == NULL)
        return DOMAINE_CLI_EXIT_API;
      n_items = g_list_model_get_n_items (G_LIST_MODEL (domains));
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr (OvhDomain) domain = g_list_model_get_item (G_LIST_MODEL (domains), i);

          if (ovh_domain_has_zone (domain))
            domaine_cli_print (self, "%s\n", ovh_domain_get_name (domain));
        }
      return DOMAINE_CLI_EXIT_OK;
    }

  if (g_str_equal (what, "endpoints"))
    {
      guint n_endpoints = 0;
      const OvhEndpoint *endpoints = ovh_endpoint_get_all (&n_endpoints);

      for (guint i = 0; i < n_endpoints; i++)
        domaine_cli_print (self, "%s\n", endpoints[i].id);
      return DOMAINE_CLI_EXIT_OK;
    }

  if (g_str_equal (what, "record-types"))
    {
      for (const char *const *name = ovh_record_type_get_names (); *name != NULL; name++)
        domaine_cli_print (self, "%s\n", *name);
      return DOMAINE_CLI_EXIT_OK;
    }

  g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, "__complete: %s?", what);
  return DOMAINE_CLI_EXIT_USAGE;
}
