/* ovh-sandbox-service.c: /domain/{domain}/serviceInfos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A registered domain's service (services.Service): its dates as bare days, its renewal,
 * and the customer as every contact.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

static char *
format_day (gint64 unix_time)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (date, "%Y-%m-%d");
}

static JsonNode *
service_to_json (const SandboxDomain *domain, guint index)
{
  JsonObject *object = json_object_new ();
  JsonObject *renew = json_object_new ();
  JsonArray *periods = json_array_new ();
  g_autofree char *creation = format_day (domain->creation);
  g_autofree char *expiration = format_day (domain->expiration);
  gboolean automatic = !domain->manual_renewal;

  for (guint years = 1; years <= 10; years++)
    json_array_add_int_element (periods, 12 * years);

  json_object_set_boolean_member (renew, "automatic", automatic);
  json_object_set_boolean_member (renew, "deleteAtExpiration", FALSE);
  json_object_set_boolean_member (renew, "forced", FALSE);
  json_object_set_boolean_member (renew, "manualPayment", !automatic);
  if (automatic)
    json_object_set_int_member (renew, "period", 12);
  else
    json_object_set_null_member (renew, "period");

  json_object_set_boolean_member (object, "canDeleteAtExpiration", TRUE);
  json_object_set_string_member (object, "contactAdmin", OVH_SANDBOX_NICHANDLE);
  json_object_set_string_member (object, "contactBilling", OVH_SANDBOX_NICHANDLE);
  json_object_set_string_member (object, "contactTech", OVH_SANDBOX_NICHANDLE);
  json_object_set_string_member (object, "creation", creation);
  json_object_set_string_member (object, "domain", domain->name);
  json_object_set_null_member (object, "engagedUpTo");
  json_object_set_string_member (object, "expiration", expiration);
  json_object_set_array_member (object, "possibleRenewPeriod", periods);
  json_object_set_object_member (object, "renew", renew);
  json_object_set_string_member (object, "renewalType", automatic ? "automaticV2016" : "manual");
  json_object_set_int_member (object, "serviceId", 120000000 + index);
  json_object_set_string_member (object, "status", "ok");

  return sandbox_node_for_object (object);
}

gboolean
sandbox_route_service_infos (SandboxCall *call)
{
  if (call->n_segments != 3 || !g_str_equal (call->segments[2], "serviceInfos"))
    return FALSE;

  if (!g_str_equal (call->method, "GET"))
    {
      sandbox_call_not_found_route (call);
      return TRUE;
    }
  for (guint i = 0; i < call->self->domains->len; i++)
    {
      SandboxDomain *domain = g_ptr_array_index (call->self->domains, i);

      if (g_str_equal (domain->name, call->segments[1]))
        {
          sandbox_call_reply (call, SOUP_STATUS_OK, service_to_json (domain, i));
          return TRUE;
        }
    }
  sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "This service does not exist");
  return TRUE;
}
