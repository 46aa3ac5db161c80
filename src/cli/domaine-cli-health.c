/* domaine-cli-health.c: zone check (lint, delegation, name servers) and zone watch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dns-client.h"
#include "dns-delegation.h"
#include "dns-lint-resolver.h"
#include "dns-propagation.h"
#include "domaine-cli-private.h"
#include "ovh-domain.h"
#include "ovh-lint.h"

#define DEFAULT_WATCH_TIMEOUT_S 600

/* The DNS client: name servers mapped with --ns-address and DOMAINE_NS_ADDRESSES, the
 * resolver from --resolver or DOMAINE_DNS_RESOLVER. */
static DnsClient *
create_dns_client (DomaineCli *self, GError **error)
{
  g_autoptr (DnsClient) client = dns_client_new ();
  g_autoptr (GError) local_error = NULL;
  const char *env = g_getenv ("DOMAINE_NS_ADDRESSES");
  const char *resolver
      = self->resolver != NULL ? self->resolver : g_getenv ("DOMAINE_DNS_RESOLVER");

  gboolean ok = env == NULL || dns_client_add_server_addresses (client, env, &local_error);

  for (guint i = 0; ok && self->ns_addresses != NULL && self->ns_addresses[i] != NULL; i++)
    ok = dns_client_add_server_address (client, self->ns_addresses[i], &local_error);
  if (!ok)
    {
      /* A mapping that does not parse is a usage error (exit 2). */
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return NULL;
    }
  if (resolver != NULL)
    dns_client_set_resolver (client, resolver);
  return g_steal_pointer (&client);
}

static gboolean
load_zone (DomaineCli *self, OvhZone *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_load_async (zone, OVH_ZONE_LOAD_BYPASS_CACHE, self->cancellable, domaine_cli_result_cb,
                       &result);
  return ovh_zone_load_finish (zone, domaine_cli_await (self, &result), error);
}

static DnsPropagation *
new_propagation (DnsClient *client, OvhZone *zone)
{
  DnsPropagation *propagation
      = dns_propagation_new (client, ovh_zone_get_name (zone), ovh_zone_get_name_servers (zone));

  dns_propagation_set_serial (propagation, (guint) ovh_zone_get_serial (zone));
  return propagation;
}

static JsonNode *
strv_to_json (GStrv strv)
{
  JsonArray *array;

  if (strv == NULL)
    return json_node_new (JSON_NODE_NULL);
  array = json_array_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
findings_to_json (GPtrArray *findings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < findings->len; i++)
    {
      OvhLintFinding *finding = findings->pdata[i];
      OvhRecord *record = ovh_lint_finding_get_record (finding);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "code", ovh_lint_finding_get_code (finding));
      json_object_set_string_member (
          object, "severity",
          ovh_lint_severity_to_string (ovh_lint_finding_get_severity (finding)));
      json_object_set_member (object, "record",
                              record != NULL ? domaine_cli_record_to_json (record)
                                             : json_node_new (JSON_NODE_NULL));
      json_object_set_string_member (object, "message", ovh_lint_finding_get_message (finding));
      json_object_set_string_member (object, "explanation",
                                     ovh_lint_finding_get_explanation (finding));
      json_array_add_object_element (array, object);
    }
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
servers_to_json (DnsPropagation *propagation)
{
  GListModel *servers = dns_propagation_get_servers (propagation);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr (DnsServerStatus) status = g_list_model_get_item (servers, i);
      JsonObject *object = json_object_new ();
      const char *address = dns_server_status_get_address (status);

      json_object_set_string_member (object, "name", dns_server_status_get_name (status));
      if (address != NULL)
        json_object_set_string_member (object, "address", address);
      else
        json_object_set_null_member (object, "address");
      if (dns_server_status_get_serial (status) > 0)
        json_object_set_int_member (object, "serial", dns_server_status_get_serial (status));
      else
        json_object_set_null_member (object, "serial");
      json_object_set_boolean_member (object, "inSync", dns_server_status_get_in_sync (status));
      if (dns_server_status_get_error (status) != NULL)
        json_object_set_string_member (object, "error", dns_server_status_get_error (status));
      json_array_add_object_element (array, object);
    }
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
delegation_to_json (DnsDelegation *delegation)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "verdict",
                                 dns_delegation_verdict_to_string (delegation->verdict));
  json_object_set_string_member (object, "message", delegation->message);
  json_object_set_member (object, "registry", strv_to_json (delegation->registry));
  json_object_set_member (object, "zone", strv_to_json (delegation->zone));
  json_object_set_member (object, "parent", strv_to_json (delegation->parent));
  if (delegation->parent_server != NULL)
    json_object_set_string_member (object, "parentServer", delegation->parent_server);
  else
    json_object_set_null_member (object, "parentServer");
  return json_node_init_object (json_node_alloc (), object);
}

static void
print_servers (DomaineCli *self, DnsPropagation *propagation)
{
  GListModel *servers = dns_propagation_get_servers (propagation);
  g_autofree char *summary = dns_propagation_dup_summary (propagation);

  domaine_cli_print (self, "%s\n", summary);
  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr (DnsServerStatus) status = g_list_model_get_item (servers, i);
      const char *address = dns_server_status_get_address (status);

      if (dns_server_status_get_error (status) != NULL)
        domaine_cli_print (self, "  %s  %s\n", dns_server_status_get_name (status),
                           dns_server_status_get_error (status));
      else
        /* Translators: a name server, its address, its SOA serial, and "in sync" or "behind". */
        domaine_cli_print (self, _ ("  %s (%s)  serial %u  %s\n"),
                           dns_server_status_get_name (status), address,
                           dns_server_status_get_serial (status),
                           dns_server_status_get_in_sync (status) ? _ ("in sync") : _ ("behind"));
    }
}

static void
print_findings (DomaineCli *self, const char *zone_name, GPtrArray *findings)
{
  guint counts[3] = { 0 };

  for (guint i = 0; i < findings->len; i++)
    counts[ovh_lint_finding_get_severity (findings->pdata[i])]++;
  /* Translators: the zone, then the counts of errors, warnings and notes. */
  domaine_cli_print (self, _ ("%s: %u errors, %u warnings, %u notes\n"), zone_name,
                     counts[OVH_LINT_SEVERITY_ERROR], counts[OVH_LINT_SEVERITY_WARNING],
                     counts[OVH_LINT_SEVERITY_INFO]);
  for (guint i = 0; i < findings->len; i++)
    {
      OvhLintFinding *finding = findings->pdata[i];
      OvhRecord *record = ovh_lint_finding_get_record (finding);

      domaine_cli_print (self, "  %-8s %-26s %s %s  %s\n",
                         ovh_lint_severity_get_label (ovh_lint_finding_get_severity (finding)),
                         ovh_lint_finding_get_code (finding),
                         record != NULL ? ovh_record_get_display_name (record) : "",
                         record != NULL ? ovh_record_get_field_type (record) : "",
                         ovh_lint_finding_get_message (finding));
      if (self->verbose)
        domaine_cli_print (self, "           %s\n", ovh_lint_finding_get_explanation (finding));
    }
}

/* The domain's name servers at the registry, or NULL when OVH does not register it. */
static GStrv
registry_name_servers (DomaineCli *self, const char *name, GError **error)
{
  g_autoptr (OvhDomain) domain = ovh_domain_new (name, TRUE, FALSE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;

  ovh_domain_load_details_async (domain, self->client, self->cancellable, domaine_cli_result_cb,
                                 &result);
  if (!ovh_domain_load_details_finish (domain, domaine_cli_await (self, &result), &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_strdupv ((char **) ovh_domain_get_name_servers (domain));
}

int
domaine_cli_cmd_zone_check (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (DnsClient) client = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (DnsPropagation) propagation = NULL;
  g_autoptr (DnsDelegation) delegation = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_auto (GStrv) registry = NULL;
  g_autoptr (GError) local_error = NULL;
  OvhLintResolver resolver;
  gboolean has_error = FALSE;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  if ((client = create_dns_client (self, error)) == NULL)
    return DOMAINE_CLI_EXIT_USAGE;

  zone = domaine_cli_new_zone (self, zone_name);
  if (!load_zone (self, zone, error))
    return DOMAINE_CLI_EXIT_API;

  records = ovh_lint_effective_records (ovh_zone_get_records (zone), NULL);
  dns_lint_resolver_init (&resolver, client);
  ovh_lint_zone_async (zone_name, records, &resolver, self->cancellable, domaine_cli_result_cb,
                       &result);
  findings = ovh_lint_zone_finish (domaine_cli_await (self, &result), error);
  g_clear_object (&result);
  if (findings == NULL)
    return DOMAINE_CLI_EXIT_API;
  for (guint i = 0; i < findings->len; i++)
    has_error |= ovh_lint_finding_get_severity (findings->pdata[i]) == OVH_LINT_SEVERITY_ERROR;

  registry = registry_name_servers (self, zone_name, error);
  if (error != NULL && *error != NULL)
    return DOMAINE_CLI_EXIT_CANCELLED;
  dns_delegation_check_async (client, zone_name, (const char *const *) registry,
                              ovh_zone_get_name_servers (zone), self->cancellable,
                              domaine_cli_result_cb, &result);
  delegation = dns_delegation_check_finish (domaine_cli_await (self, &result), error);
  g_clear_object (&result);
  if (delegation == NULL)
    return DOMAINE_CLI_EXIT_CANCELLED;
  /* A zone the world does not see breaks every record in it, as an error finding would. */
  has_error |= delegation->verdict == DNS_DELEGATION_REGISTRY_DIFFERS
               || delegation->verdict == DNS_DELEGATION_PARENT_DIFFERS;

  propagation = new_propagation (client, zone);
  dns_propagation_check_async (propagation, self->cancellable, domaine_cli_result_cb, &result);
  dns_propagation_check_finish (propagation, domaine_cli_await (self, &result), &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return DOMAINE_CLI_EXIT_CANCELLED;
    }

  if (self->json)
    {
      JsonObject *object = json_object_new ();
      g_autoptr (JsonNode) root = NULL;

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_member (object, "findings", findings_to_json (findings));
      json_object_set_member (object, "nameServers", servers_to_json (propagation));
      json_object_set_member (object, "delegation", delegation_to_json (delegation));
      root = json_node_init_object (json_node_alloc (), object);
      domaine_cli_print_json (self, root);
    }
  else
    {
      print_findings (self, zone_name, findings);
      print_servers (self, propagation);
      domaine_cli_print (self, "%s\n", delegation->message);
    }

  return has_error ? DOMAINE_CLI_EXIT_FINDINGS : DOMAINE_CLI_EXIT_OK;
}

static void
on_pass (DnsPropagation *propagation, GParamSpec *pspec, DomaineCli *self)
{
  g_autofree char *summary = dns_propagation_dup_summary (propagation);

  if (!self->json)
    domaine_cli_print (self, "%s\n", summary);
  fflush (self->out);
}

int
domaine_cli_cmd_zone_watch (DomaineCli *self, GError **error)
{
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (DnsClient) client = NULL;
  g_autoptr (DnsPropagation) propagation = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  guint timeout_s
      = self->timeout_seconds >= 0 ? (guint) self->timeout_seconds : DEFAULT_WATCH_TIMEOUT_S;
  gboolean done;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  if ((client = create_dns_client (self, error)) == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  zone = domaine_cli_new_zone (self, self->args[0]);
  if (!load_zone (self, zone, error))
    return DOMAINE_CLI_EXIT_API;

  propagation = new_propagation (client, zone);
  g_signal_connect (propagation, "notify::passes", G_CALLBACK (on_pass), self);
  dns_propagation_watch_async (propagation, timeout_s * 1000, self->cancellable,
                               domaine_cli_result_cb, &result);
  done
      = dns_propagation_watch_finish (propagation, domaine_cli_await (self, &result), &local_error);
  g_signal_handlers_disconnect_by_data (propagation, self);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return DOMAINE_CLI_EXIT_CANCELLED;
    }
  if (self->json)
    {
      JsonObject *object = json_object_new ();
      g_autoptr (JsonNode) root = NULL;

      json_object_set_string_member (object, "zone", self->args[0]);
      json_object_set_int_member (object, "serial", (gint64) ovh_zone_get_serial (zone));
      json_object_set_boolean_member (object, "done", done);
      json_object_set_member (object, "nameServers", servers_to_json (propagation));
      root = json_node_init_object (json_node_alloc (), object);
      domaine_cli_print_json (self, root);
    }
  else if (!done)
    print_servers (self, propagation);
  return done ? DOMAINE_CLI_EXIT_OK : DOMAINE_CLI_EXIT_FINDINGS;
}
