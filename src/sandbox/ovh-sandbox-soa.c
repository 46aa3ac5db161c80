/* ovh-sandbox-soa.c: a zone's SOA (GET and PUT …/soa) and POST …/reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SOA's five settings are the zone's own; serial and server are OVH's. A PUT takes effect
 * at once (the serial moves, a history version is kept), as at OVH.
 *
 * A reset replaces every record. The zone keeps its name servers (its apex NS records, OVH's
 * when it has none). Minimized, that is all; otherwise OVH's defaults come back: an A record
 * on the apex and on www (the address given in DnsRecords, else OVH's welcome page), the
 * three MX of OVH's mail service (or the MX given) and OVH's SPF. Like an import, a reset is
 * served at once: the serial moves and a history version is kept.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

#define WELCOME_ADDRESS "213.186.33.5"

void
sandbox_soa_init (SandboxZone *zone)
{
  zone->soa_ttl = 3600;
  zone->soa_refresh = 86400;
  zone->soa_expire = 3600000;
  zone->soa_nx_domain_ttl = 60;
  g_free (zone->soa_email);
  zone->soa_email = g_strdup ("tech.ovh.net");
}

/* The primary name server: the first apex NS record, without its final dot. */
static char *
primary_server (const SandboxZone *zone)
{
  for (guint i = 0; i < zone->records->len; i++)
    {
      const SandboxRecord *record = g_ptr_array_index (zone->records, i);

      if (record->sub_domain[0] == '\0' && g_str_equal (record->field_type, "NS"))
        {
          gsize length = strlen (record->target);

          if (length > 0 && record->target[length - 1] == '.')
            length--;
          return g_strndup (record->target, length);
        }
    }
  return g_strdup ("dns111.ovh.net");
}

static JsonNode *
soa_to_json (const SandboxZone *zone)
{
  JsonObject *object = json_object_new ();
  g_autofree char *server = primary_server (zone);

  json_object_set_string_member (object, "email", zone->soa_email);
  json_object_set_int_member (object, "expire", zone->soa_expire);
  json_object_set_int_member (object, "nxDomainTtl", zone->soa_nx_domain_ttl);
  json_object_set_int_member (object, "refresh", zone->soa_refresh);
  json_object_set_int_member (object, "serial", zone->serial);
  json_object_set_string_member (object, "server", server);
  json_object_set_int_member (object, "ttl", zone->soa_ttl);
  return sandbox_node_for_object (object);
}

char *
sandbox_soa_zone_file_line (const SandboxZone *zone)
{
  g_autofree char *server = primary_server (zone);
  g_autofree char *email = g_strdup (zone->soa_email);
  char *at = strchr (email, '@');

  /* A zone file writes the contact as a name: hostmaster@example.com → hostmaster.example.com. */
  if (at != NULL)
    *at = '.';
  return g_strdup_printf ("@\tIN SOA %s. %s. (%u %u 3600 %u %u)\n", server, email, zone->serial,
                          zone->soa_refresh, zone->soa_expire, zone->soa_nx_domain_ttl);
}

void
sandbox_soa_serialize (const SandboxZone *zone, JsonObject *object)
{
  JsonObject *soa = json_object_new ();

  json_object_set_int_member (soa, "ttl", zone->soa_ttl);
  json_object_set_int_member (soa, "refresh", zone->soa_refresh);
  json_object_set_int_member (soa, "expire", zone->soa_expire);
  json_object_set_int_member (soa, "nxDomainTtl", zone->soa_nx_domain_ttl);
  json_object_set_string_member (soa, "email", zone->soa_email);
  json_object_set_object_member (object, "soa", soa);
}

void
sandbox_soa_deserialize (SandboxZone *zone, JsonObject *object)
{
  JsonObject *soa = json_object_has_member (object, "soa")
                        ? json_object_get_object_member (object, "soa")
                        : NULL;
  const char *email = NULL;

  /* A state saved before the SOA could change keeps OVH's defaults. */
  if (soa == NULL)
    return;
  sandbox_member_uint (soa, "ttl", &zone->soa_ttl);
  sandbox_member_uint (soa, "refresh", &zone->soa_refresh);
  sandbox_member_uint (soa, "expire", &zone->soa_expire);
  sandbox_member_uint (soa, "nxDomainTtl", &zone->soa_nx_domain_ttl);
  if (sandbox_member_string (soa, "email", &email) && email != NULL)
    {
      g_free (zone->soa_email);
      zone->soa_email = g_strdup (email);
    }
}

/* PUT …/soa ------------------------------------------------------------------------------- */

static gboolean
read_seconds (SandboxCall *call, JsonObject *request, const char *member, guint *value)
{
  JsonNode *node = json_object_get_member (request, member);

  if (sandbox_member_uint (request, member, value))
    return TRUE;
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                        "[%s] Given data (%s) is not valid for type long", member,
                        json_node_get_string (node));
  else
    sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[%s] Given data is not valid for type long",
                        member);
  return FALSE;
}

static void
put_soa (SandboxCall *call, SandboxZone *zone)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  g_autofree char *server = primary_server (zone);
  guint ttl = zone->soa_ttl, refresh = zone->soa_refresh, expire = zone->soa_expire;
  guint nx_domain_ttl = zone->soa_nx_domain_ttl, serial = zone->serial;
  const char *email = zone->soa_email, *new_server = server;

  if (request == NULL)
    return;
  if (!read_seconds (call, request, "ttl", &ttl)
      || !read_seconds (call, request, "refresh", &refresh)
      || !read_seconds (call, request, "expire", &expire)
      || !read_seconds (call, request, "nxDomainTtl", &nx_domain_ttl)
      || !read_seconds (call, request, "serial", &serial))
    return;
  if (!sandbox_member_string (request, "email", &email)
      || !sandbox_member_string (request, "server", &new_server))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid value in the SOA's properties");
      return;
    }
  if (email == NULL)
    email = zone->soa_email;
  if (new_server == NULL)
    new_server = server;

  /* The serial and the server are OVH's: sending them back unchanged is allowed. */
  if (serial != zone->serial)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Try to alter read-only properties: serial");
      return;
    }
  if (!g_str_equal (new_server, server))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Try to alter read-only properties: server");
      return;
    }
  if (ttl < 60 || nx_domain_ttl < 60 || refresh < 60 || expire < 60)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid SOA: ttl, refresh, expire and nxDomainTtl must be at least 60");
      return;
    }
  if (nx_domain_ttl > 86400)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid SOA: nxDomainTtl must be at most 86400");
      return;
    }
  if (expire <= refresh)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid SOA: expire must be greater than refresh");
      return;
    }
  if (email[0] == '\0' || strchr (email, ' ') != NULL || strchr (email, '.') == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid SOA: invalid email %s", email);
      return;
    }

  zone->soa_ttl = ttl;
  zone->soa_refresh = refresh;
  zone->soa_expire = expire;
  zone->soa_nx_domain_ttl = nx_domain_ttl;
  if (email != zone->soa_email)
    {
      g_autofree char *old = zone->soa_email;
      zone->soa_email = g_strdup (email);
    }
  sandbox_zone_publish (call->self, zone);
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}

void
sandbox_route_soa (SandboxCall *call, SandboxZone *zone)
{
  if (g_str_equal (call->method, "GET"))
    sandbox_call_reply (call, SOUP_STATUS_OK, soa_to_json (zone));
  else if (g_str_equal (call->method, "PUT"))
    put_soa (call, zone);
  else
    sandbox_call_not_found_route (call);
}

/* POST …/reset ---------------------------------------------------------------------------- */

static void
add_record (GPtrArray *records, const char *sub_domain, const char *type, const char *target)
{
  g_ptr_array_add (records, sandbox_record_new (0, sub_domain, type, target, 0));
}

void
sandbox_route_zone_reset (SandboxCall *call, SandboxZone *zone)
{
  OvhSandbox *self = call->self;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) addresses = g_ptr_array_new ();
  g_autoptr (GPtrArray) exchangers = g_ptr_array_new ();
  JsonObject *request = sandbox_call_body_object (call, &body);
  JsonNode *minimized_node, *dns_records_node;
  gboolean minimized = FALSE;

  if (request == NULL)
    return;

  minimized_node = json_object_get_member (request, "minimized");
  if (minimized_node != NULL && !JSON_NODE_HOLDS_NULL (minimized_node))
    {
      if (json_node_get_value_type (minimized_node) != G_TYPE_BOOLEAN)
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "[minimized] Given data is not valid for type boolean");
          return;
        }
      minimized = json_node_get_boolean (minimized_node);
    }

  dns_records_node = json_object_get_member (request, "DnsRecords");
  if (dns_records_node != NULL && !JSON_NODE_HOLDS_NULL (dns_records_node))
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (dns_records_node)
                             ? json_node_get_array (dns_records_node)
                             : NULL;

      if (array == NULL)
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "[DnsRecords] Given data is not an array");
          return;
        }
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *object
              = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          const char *type = NULL, *target = NULL;
          g_autoptr (GInetAddress) address = NULL;

          if (object == NULL || !sandbox_member_string (object, "fieldType", &type)
              || !sandbox_member_string (object, "target", &target) || type == NULL
              || target == NULL || target[0] == '\0')
            {
              sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                                  "[DnsRecords.%u] fieldType and target are mandatory", i);
              return;
            }
          if (g_str_equal (type, "A"))
            {
              address = g_inet_address_new_from_string (target);
              if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
                {
                  sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                                      "Invalid target for a A record: %s", target);
                  return;
                }
              g_ptr_array_add (addresses, (gpointer) target);
            }
          else if (g_str_equal (type, "MX"))
            g_ptr_array_add (exchangers, (gpointer) target);
          else
            {
              sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                                  "[DnsRecords.%u.fieldType] Given data (%s) does not belong to "
                                  "the ResettableNamedResolutionFieldTypeEnum enumeration",
                                  i, type);
              return;
            }
        }
    }

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_record_free);
  for (guint i = 0; i < zone->records->len; i++)
    {
      const SandboxRecord *record = g_ptr_array_index (zone->records, i);

      if (record->sub_domain[0] == '\0' && g_str_equal (record->field_type, "NS"))
        add_record (records, "", "NS", record->target);
    }
  if (records->len == 0)
    {
      add_record (records, "", "NS", "dns111.ovh.net.");
      add_record (records, "", "NS", "ns111.ovh.net.");
    }

  if (!minimized)
    {
      if (addresses->len == 0)
        g_ptr_array_add (addresses, (gpointer) WELCOME_ADDRESS);
      for (guint i = 0; i < addresses->len; i++)
        {
          add_record (records, "", "A", g_ptr_array_index (addresses, i));
          add_record (records, "www", "A", g_ptr_array_index (addresses, i));
        }
      if (exchangers->len == 0)
        {
          add_record (records, "", "MX", "1 mx1.mail.ovh.net.");
          add_record (records, "", "MX", "5 mx2.mail.ovh.net.");
          add_record (records, "", "MX", "100 mx3.mail.ovh.net.");
        }
      for (guint i = 0; i < exchangers->len; i++)
        {
          const char *target = g_ptr_array_index (exchangers, i);
          g_autofree char *mx = g_ascii_isdigit (target[0])
                                    ? g_strdup (target)
                                    : g_strdup_printf ("%u %s", (i + 1) * 10, target);

          add_record (records, "", "MX", mx);
        }
      add_record (records, "", "SPF", "v=spf1 include:mx.ovh.com ~all");
    }

  for (guint i = 0; i < records->len; i++)
    ((SandboxRecord *) g_ptr_array_index (records, i))->id = self->next_record_id++;
  sandbox_zone_replace_records (zone, records);
  sandbox_zone_publish (self, zone);
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}
