/* domaine-cli-domain.c: domain show, a registered domain's registration, renewal and contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-domain.h"
#include "ovh-service-infos.h"

static char *
format_day (GDateTime *date)
{
  return date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;
}

static void
set_string_or_null (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonNode *
domain_to_json (OvhDomain *domain, OvhServiceInfos *infos, GDateTime *now)
{
  JsonObject *object = json_object_new ();
  JsonObject *renewal = json_object_new ();
  JsonObject *contacts = json_object_new ();
  JsonArray *name_servers = json_array_new ();
  const char *const *servers = ovh_domain_get_name_servers (domain);
  g_autofree char *creation = format_day (ovh_service_infos_get_creation (infos));
  g_autofree char *expiration = format_day (ovh_service_infos_get_expiration (infos));
  g_autoptr (GEnumClass) modes = g_type_class_ref (OVH_TYPE_RENEWAL_MODE);
  GEnumValue *mode = g_enum_get_value (modes, ovh_service_infos_get_renewal_mode (infos));
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; servers != NULL && servers[i] != NULL; i++)
    json_array_add_string_element (name_servers, servers[i]);

  json_object_set_string_member (renewal, "mode", mode->value_nick);
  if (ovh_service_infos_get_renewal_period (infos) > 0)
    json_object_set_int_member (renewal, "period", ovh_service_infos_get_renewal_period (infos));
  else
    json_object_set_null_member (renewal, "period");

  set_string_or_null (contacts, "owner", ovh_domain_get_whois_owner (domain));
  set_string_or_null (contacts, "admin", ovh_service_infos_get_contact_admin (infos));
  set_string_or_null (contacts, "tech", ovh_service_infos_get_contact_tech (infos));
  set_string_or_null (contacts, "billing", ovh_service_infos_get_contact_billing (infos));

  json_object_set_string_member (object, "name", ovh_domain_get_name (domain));
  set_string_or_null (object, "state", ovh_domain_get_state (domain));
  json_object_set_string_member (object, "status", ovh_service_infos_get_status (infos));
  json_object_set_string_member (object, "creation", creation);
  json_object_set_string_member (object, "expiration", expiration);
  json_object_set_int_member (object, "daysLeft", ovh_service_infos_get_days_left (infos, now));
  json_object_set_boolean_member (
      object, "expiresSoon",
      ovh_service_infos_expires_within (infos, now, OVH_SERVICE_INFOS_WARNING_DAYS));
  json_object_set_object_member (object, "renewal", renewal);
  json_object_set_object_member (object, "contacts", contacts);
  set_string_or_null (object, "nameServerType", ovh_domain_get_name_server_type (domain));
  json_object_set_array_member (object, "nameServers", name_servers);

  json_node_take_object (node, object);
  return node;
}

static char *
label (const char *text)
{
  return g_strdup_printf (_ ("%s:"), text);
}

static void
add_row (DomaineCliTable *table, const char *name, const char *value)
{
  g_autofree char *l = label (name);

  domaine_cli_table_add_row (table, l, value != NULL ? value : "—", NULL);
}

static char *
renewal_words (OvhServiceInfos *infos)
{
  const char *mode = ovh_renewal_mode_get_label (ovh_service_infos_get_renewal_mode (infos));
  guint period = ovh_service_infos_get_renewal_period (infos);

  if (ovh_service_infos_get_renewal_mode (infos) != OVH_RENEWAL_MODE_AUTOMATIC || period == 0)
    return g_strdup (mode);
  /* Translators: the renewal mode ("Automatic") and how often it renews. */
  return g_strdup_printf (ngettext ("%s, every %u month", "%s, every %u months", period), mode,
                          period);
}

static void
print_domain_table (DomaineCli *self, OvhDomain *domain, OvhServiceInfos *infos, GDateTime *now)
{
  g_autoptr (DomaineCliTable) table = domaine_cli_table_new ("", "", NULL);
  const char *const *servers = ovh_domain_get_name_servers (domain);
  g_autofree char *name_servers
      = servers != NULL && servers[0] != NULL ? g_strjoinv (", ", (char **) servers) : NULL;
  g_autofree char *name_server_type = ovh_domain_dup_name_server_type_label (domain);
  g_autofree char *state = ovh_domain_dup_state_label (domain);
  g_autofree char *status = ovh_service_infos_dup_status_label (infos);
  g_autofree char *creation = format_day (ovh_service_infos_get_creation (infos));
  g_autofree char *expiration = format_day (ovh_service_infos_get_expiration (infos));
  g_autofree char *renewal = renewal_words (infos);
  g_autofree char *servers_line
      = g_strdup_printf ("%s (%s)", name_servers != NULL ? name_servers : "—", name_server_type);

  domaine_cli_table_set_show_headers (table, FALSE);
  add_row (table, _ ("Domain"), ovh_domain_get_name (domain));
  add_row (table, _ ("State"), state);
  add_row (table, _ ("Service"), status);
  add_row (table, _ ("Registered on"), creation);
  add_row (table, _ ("Expires on"), expiration);
  add_row (table, _ ("Renewal"), renewal);
  add_row (table, _ ("Owner"), ovh_domain_get_whois_owner (domain));
  add_row (table, _ ("Administrative contact"), ovh_service_infos_get_contact_admin (infos));
  add_row (table, _ ("Technical contact"), ovh_service_infos_get_contact_tech (infos));
  add_row (table, _ ("Billing contact"), ovh_service_infos_get_contact_billing (infos));
  add_row (table, _ ("Name servers"), servers_line);
  domaine_cli_print_table (self, table);

  if (ovh_service_infos_expires_within (infos, now, OVH_SERVICE_INFOS_WARNING_DAYS))
    {
      gint64 days = ovh_service_infos_get_days_left (infos, now);

      if (days < 0)
        domaine_cli_print (self, _ ("Warning: %s has expired and is not renewed.\n"),
                           ovh_domain_get_name (domain));
      else
        domaine_cli_print (self,
                           ngettext ("Warning: %s expires in %u day and does not renew "
                                     "automatically.\n",
                                     "Warning: %s expires in %u days and does not renew "
                                     "automatically.\n",
                                     (gulong) days),
                           ovh_domain_get_name (domain), (guint) days);
    }
}

int
domaine_cli_cmd_domain_show (DomaineCli *self, GError **error)
{
  const char *name = self->args[0];
  g_autoptr (OvhDomain) domain = NULL;
  g_autoptr (OvhServiceInfos) infos = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (!ovh_domain_name_is_valid (name))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("“%s” is not a domain name"), name);
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  domain = ovh_domain_new (name, TRUE, FALSE);
  ovh_domain_load_details_async (domain, self->client, self->cancellable, domaine_cli_result_cb,
                                 &result);
  if (!ovh_domain_load_details_finish (domain, domaine_cli_await (self, &result), error))
    return DOMAINE_CLI_EXIT_API;
  g_clear_object (&result);

  ovh_service_infos_load_async (self->client, name, self->cancellable, domaine_cli_result_cb,
                                &result);
  infos = ovh_service_infos_load_finish (domaine_cli_await (self, &result), error);
  if (infos == NULL)
    return DOMAINE_CLI_EXIT_API;

  now = g_date_time_new_now_utc ();
  if (self->json)
    {
      g_autoptr (JsonNode) root = domain_to_json (domain, infos, now);

      domaine_cli_print_json (self, root);
    }
  else
    print_domain_table (self, domain, infos, now);

  return DOMAINE_CLI_EXIT_OK;
}
