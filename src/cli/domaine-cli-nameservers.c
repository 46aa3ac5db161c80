/* domaine-cli-nameservers.c: domain nameservers, a domain's delegation shown or changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * --set NS… gives the domain other name servers, --ovh gives it back OVHcloud's. Either way
 * OVHcloud tells the registry through a task, which the command follows to its end (or
 * --timeout) before showing the result.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-delegation.h"
#include "ovh-domain.h"
#include "ovh-error.h"

#define DEFAULT_TIMEOUT_S 600

static OvhDelegation *
fetch (DomaineCli *self, const char *domain, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_delegation_fetch_async (self->client, domain, self->cancellable, domaine_cli_result_cb,
                              &result);
  return ovh_delegation_fetch_finish (self->client, domaine_cli_await (self, &result), error);
}

static JsonNode *
delegation_to_json (OvhDelegation *delegation)
{
  JsonObject *object = json_object_new ();
  JsonArray *array = json_array_new ();
  GPtrArray *name_servers = ovh_delegation_get_name_servers (delegation);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < name_servers->len; i++)
    {
      OvhNameServer *name_server = g_ptr_array_index (name_servers, i);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "id", name_server->id);
      json_object_set_string_member (item, "host", name_server->host);
      if (name_server->ip != NULL)
        json_object_set_string_member (item, "ip", name_server->ip);
      else
        json_object_set_null_member (item, "ip");
      json_object_set_boolean_member (item, "isUsed", name_server->is_used);
      json_object_set_boolean_member (item, "toDelete", name_server->to_delete);
      json_array_add_object_element (array, item);
    }
  json_object_set_string_member (object, "domain", ovh_delegation_get_domain (delegation));
  json_object_set_string_member (object, "nameServerType",
                                 ovh_delegation_get_name_server_type (delegation));
  json_object_set_array_member (object, "nameServers", array);
  json_node_take_object (node, object);
  return node;
}

static void
print_delegation (DomaineCli *self, OvhDelegation *delegation)
{
  GPtrArray *name_servers = ovh_delegation_get_name_servers (delegation);
  g_autoptr (DomaineCliTable) table = NULL;

  if (self->json)
    {
      g_autoptr (JsonNode) node = delegation_to_json (delegation);

      domaine_cli_print_json (self, node);
      return;
    }

  if (ovh_delegation_is_hosted (delegation))
    /* Translators: a domain */
    domaine_cli_print (self, _ ("%s uses OVHcloud’s name servers\n"),
                       ovh_delegation_get_domain (delegation));
  else if (g_str_equal (ovh_delegation_get_name_server_type (delegation), "external"))
    /* Translators: a domain */
    domaine_cli_print (self, _ ("%s uses other name servers\n"),
                       ovh_delegation_get_domain (delegation));
  else
    /* Translators: a domain, then OVH's word for its kind of name servers ("parking") */
    domaine_cli_print (self, _ ("%s uses name servers of the kind “%s”\n"),
                       ovh_delegation_get_domain (delegation),
                       ovh_delegation_get_name_server_type (delegation));

  table = domaine_cli_table_new (_ ("NAME SERVER"), _ ("IP ADDRESS"), NULL);
  for (guint i = 0; i < name_servers->len; i++)
    {
      OvhNameServer *name_server = g_ptr_array_index (name_servers, i);

      domaine_cli_table_add_row (table, name_server->host,
                                 name_server->ip != NULL ? name_server->ip : "", NULL);
    }
  domaine_cli_print_table (self, table);
}

/* The list given after the domain, checked before anything is sent. */
static GPtrArray *
parse_list (DomaineCli *self, const char *domain, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_name_server_free);
  g_autoptr (GError) local_error = NULL;

  for (guint i = 1; i < self->n_args; i++)
    {
      OvhNameServer *name_server = ovh_name_server_parse (self->args[i], &local_error);

      if (name_server == NULL)
        break;
      g_ptr_array_add (list, name_server);
    }
  if (local_error == NULL)
    ovh_name_servers_validate (list, domain, &local_error);
  if (local_error != NULL)
    {
      /* Nothing was sent: a usage error. */
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
follow (DomaineCli *self, const char *domain, gint64 task_id, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  guint timeout_s = self->timeout_seconds > 0 ? (guint) self->timeout_seconds : DEFAULT_TIMEOUT_S;

  /* Translators: a domain */
  domaine_cli_note (self, _ ("Waiting for OVHcloud to tell the registry about %s…\n"), domain);
  ovh_delegation_follow_task_async (
      self->client, domain, task_id, MIN ((guint) MAX (self->poll_interval_ms, 1), 1000),
      timeout_s * 1000, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_delegation_follow_task_finish (self->client, domaine_cli_await (self, &result), error);
}

int
domaine_cli_cmd_domain_nameservers (DomaineCli *self, GError **error)
{
  const char *domain = self->args[0];
  g_autoptr (OvhDelegation) delegation = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  gint64 task_id;

  if (!ovh_domain_name_is_valid (domain))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("“%s” is not a domain name"), domain);
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->set_name_servers && self->ovh_name_servers)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--set and --ovh cannot go together"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (!self->set_name_servers && self->n_args > 1)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("Name servers are given with --set"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->set_name_servers && (list = parse_list (self, domain, error)) == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  if (self->set_name_servers || self->ovh_name_servers)
    {
      if (self->set_name_servers)
        {
          ovh_delegation_set_external_async (self->client, domain, list, self->cancellable,
                                             domaine_cli_result_cb, &result);
          task_id = ovh_delegation_set_external_finish (self->client,
                                                        domaine_cli_await (self, &result), error);
        }
      else
        {
          ovh_delegation_set_hosted_async (self->client, domain, self->cancellable,
                                           domaine_cli_result_cb, &result);
          task_id = ovh_delegation_set_hosted_finish (self->client,
                                                      domaine_cli_await (self, &result), error);
        }
      if (task_id < 0 || !follow (self, domain, task_id, error))
        return domaine_cli_exit_code_for_error (*error);
    }

  delegation = fetch (self, domain, error);
  if (delegation == NULL)
    return domaine_cli_exit_code_for_error (*error);
  print_delegation (self, delegation);
  return DOMAINE_CLI_EXIT_OK;
}
