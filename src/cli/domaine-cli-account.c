/* domaine-cli-account.c: accounts, me, domains, credentials and shell completion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <string.h>

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-credential.h"
#include "ovh-domain.h"
#include "ovh-endpoint.h"
#include "ovh-me.h"
#include "ovh-record-type.h"

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
                                 domaine_cli_yes_no (ovh_domain_has_zone (domain)),
                                 domaine_cli_yes_no (ovh_domain_is_registered (domain)), NULL);
    }

  domaine_cli_print_listing (self, array, table);
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

  domaine_cli_print_listing (self, array, table);
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
