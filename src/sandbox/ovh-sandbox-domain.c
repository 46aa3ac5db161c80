/* ovh-sandbox-domain.c: the /domain routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer's domains (/domain, /domain/{domain}) and the list of DNS zones
 * (/domain/zone); a zone's own routes are in ovh-sandbox-zone.c.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

static JsonObject *
contact_summary (void)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", OVH_SANDBOX_NICHANDLE);
  return object;
}

static JsonNode *
domain_to_json (OvhSandbox *self, const SandboxDomain *domain, guint index)
{
  JsonObject *object = json_object_new ();
  JsonArray *name_servers = json_array_new ();
  SandboxZone *zone = g_hash_table_lookup (self->zones, domain->name);
  g_autofree char *expiration = sandbox_format_date (domain->expiration);
  g_autofree char *renewal = sandbox_format_date (domain->expiration - 30 * 86400);
  g_autofree char *last_update = sandbox_format_date (domain->creation + 86400);

  for (guint i = 0; domain->name_servers[i] != NULL; i++)
    {
      JsonObject *name_server = json_object_new ();

      const char *ip = domain->name_server_ips != NULL ? domain->name_server_ips[i] : "";

      json_object_set_int_member (name_server, "id", sandbox_name_server_id (domain, index, i));
      if (ip[0] != '\0' && strchr (ip, ':') == NULL)
        json_object_set_string_member (name_server, "ipv4", ip);
      else
        json_object_set_null_member (name_server, "ipv4");
      if (strchr (ip, ':') != NULL)
        json_object_set_string_member (name_server, "ipv6", ip);
      else
        json_object_set_null_member (name_server, "ipv6");
      json_object_set_string_member (name_server, "nameServer", domain->name_servers[i]);
      json_object_set_string_member (name_server, "nameServerType",
                                     g_str_equal (domain->name_server_type, "hosted") ? "hosted"
                                                                                      : "external");
      json_array_add_object_element (name_servers, name_server);
    }

  json_object_set_object_member (object, "contactAdmin", contact_summary ());
  json_object_set_object_member (object, "contactBilling", contact_summary ());
  json_object_set_object_member (object, "contactOwner", contact_summary ());
  json_object_set_object_member (object, "contactTech", contact_summary ());
  json_object_set_string_member (object, "dnssecState",
                                 zone != NULL && zone->dnssec ? "enabled" : "disabled");
  json_object_set_boolean_member (object, "dnssecSupported", TRUE);
  json_object_set_string_member (object, "domain", domain->name);
  json_object_set_string_member (object, "expirationDate", expiration);
  json_object_set_boolean_member (object, "glueRecordIpv6Supported", TRUE);
  json_object_set_boolean_member (object, "glueRecordMultiIpSupported", TRUE);
  json_object_set_boolean_member (object, "hostSupported", TRUE);
  json_object_set_string_member (object, "lastUpdate", last_update);
  json_object_set_string_member (object, "nameServerType", domain->name_server_type);
  json_object_set_array_member (object, "nameServers", name_servers);
  json_object_set_string_member (object, "offer", "gold");
  json_object_set_boolean_member (object, "owoSupported", TRUE);
  json_object_set_null_member (object, "parentService");
  json_object_set_string_member (object, "renewalDate", renewal);
  json_object_set_string_member (object, "renewalState",
                                 domain->manual_renewal ? "manual_renew" : "automatic_renew");
  json_object_set_int_member (object, "serviceId", 120000000 + index);
  json_object_set_string_member (object, "state", "ok");
  json_object_set_string_member (object, "suspensionState", "not_suspended");
  json_object_set_string_member (object, "transferLockStatus", "locked");
  json_object_set_string_member (object, "whoisOwner", OVH_SANDBOX_NICHANDLE);

  return sandbox_node_for_object (object);
}

static JsonNode *
name_key (SandboxCall *call, gpointer item)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, item);
  return node;
}

static JsonNode *
zone_object (SandboxCall *call, gpointer item)
{
  return sandbox_zone_to_json (g_hash_table_lookup (call->self->zones, item));
}

static JsonNode *
domain_object (SandboxCall *call, gpointer item)
{
  for (guint i = 0; i < call->self->domains->len; i++)
    {
      SandboxDomain *domain = g_ptr_array_index (call->self->domains, i);

      if (g_str_equal (domain->name, item))
        return domain_to_json (call->self, domain, i);
    }
  g_assert_not_reached ();
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

void
sandbox_route_domain (SandboxCall *call)
{
  OvhSandbox *self = call->self;
  gboolean get = g_str_equal (call->method, "GET");

  if (call->n_segments == 1)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      if (!get)
        {
          sandbox_call_not_found_route (call);
          return;
        }
      for (guint i = 0; i < self->domains->len; i++)
        g_ptr_array_add (names, ((SandboxDomain *) g_ptr_array_index (self->domains, i))->name);
      sandbox_reply_list (call, names, name_key, domain_object, NULL);
      return;
    }

  if (g_str_equal (call->segments[1], "zone"))
    {
      SandboxZone *zone;

      if (call->n_segments == 2)
        {
          g_autoptr (GPtrArray) names = g_ptr_array_new ();
          GHashTableIter iter;
          gpointer name;

          if (!get)
            {
              sandbox_call_not_found_route (call);
              return;
            }
          g_hash_table_iter_init (&iter, self->zones);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            g_ptr_array_add (names, name);
          g_ptr_array_sort (names, compare_strings);
          sandbox_reply_list (call, names, name_key, zone_object, NULL);
          return;
        }

      zone = g_hash_table_lookup (self->zones, call->segments[2]);
      if (zone == NULL)
        {
          sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "This service does not exist");
          return;
        }
      sandbox_route_zone (call, zone);
      return;
    }

  if (call->n_segments >= 3 && g_str_equal (call->segments[2], "dsRecord"))
    {
      for (guint i = 0; i < self->domains->len; i++)
        if (g_str_equal (((SandboxDomain *) g_ptr_array_index (self->domains, i))->name,
                         call->segments[1]))
          {
            sandbox_route_ds_records (call, g_ptr_array_index (self->domains, i));
            return;
          }
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "This service does not exist");
      return;
    }

  if (call->n_segments >= 2)
    for (guint i = 0; i < self->domains->len; i++)
      if (g_str_equal (((SandboxDomain *) g_ptr_array_index (self->domains, i))->name,
                       call->segments[1])
          && sandbox_route_name_servers (call, g_ptr_array_index (self->domains, i)))
        return;

  if (call->n_segments == 2 && get)
    {
      for (guint i = 0; i < self->domains->len; i++)
        {
          SandboxDomain *domain = g_ptr_array_index (self->domains, i);

          if (g_str_equal (domain->name, call->segments[1]))
            {
              sandbox_call_reply (call, SOUP_STATUS_OK, domain_to_json (self, domain, i));
              return;
            }
        }
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "This service does not exist");
      return;
    }

  if (sandbox_route_service_infos (call))
    return;
  sandbox_call_not_found_route (call);
}
