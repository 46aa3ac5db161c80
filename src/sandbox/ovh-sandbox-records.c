/* ovh-sandbox-records.c: the /domain/zone/{zone}/record routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * List (filtered, paginated), create, read, update and delete a zone's records, with the
 * checks OVH makes on their types, targets and CNAME conflicts.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

static gboolean
is_quoted_type (const char *field_type)
{
  return g_str_equal (field_type, "TXT");
}

static JsonNode *
record_to_json (const SandboxRecord *record, const char *zone)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", record->id);
  json_object_set_string_member (object, "zone", zone);
  json_object_set_string_member (object, "subDomain", record->sub_domain);
  json_object_set_string_member (object, "fieldType", record->field_type);
  if (is_quoted_type (record->field_type))
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", record->target);
      json_object_set_string_member (object, "target", quoted);
    }
  else
    json_object_set_string_member (object, "target", record->target);
  json_object_set_int_member (object, "ttl", record->ttl);

  return sandbox_node_for_object (object);
}

static JsonNode *
record_key (SandboxCall *call, gpointer item)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, ((SandboxRecord *) item)->id);
  return node;
}

static JsonNode *
record_object (SandboxCall *call, gpointer item)
{
  return record_to_json (item, call->segments[2]);
}

/* What record_to_json() builds, written as text: a page holds thousands of them. */
static void
record_write (SandboxCall *call, gpointer item, GString *out)
{
  const SandboxRecord *record = item;

  g_string_append_printf (out, "{\"id\":%" G_GINT64_FORMAT ",\"zone\":", record->id);
  sandbox_json_append_string (out, call->segments[2]);
  g_string_append (out, ",\"subDomain\":");
  sandbox_json_append_string (out, record->sub_domain);
  g_string_append (out, ",\"fieldType\":");
  sandbox_json_append_string (out, record->field_type);
  g_string_append (out, ",\"target\":");
  if (is_quoted_type (record->field_type))
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", record->target);
      sandbox_json_append_string (out, quoted);
    }
  else
    sandbox_json_append_string (out, record->target);
  g_string_append_printf (out, ",\"ttl\":%u}", (guint) record->ttl);
}

static gboolean
record_conflicts (SandboxCall *call,
                  SandboxZone *zone,
                  const char *sub_domain,
                  const char *field_type,
                  gint64 ignored_id)
{
  gboolean is_cname = g_str_equal (field_type, "CNAME");

  if (is_cname && sub_domain[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid subDomain: a CNAME record cannot be set on the zone apex");
      return TRUE;
    }

  for (guint i = 0; i < zone->records->len; i++)
    {
      const SandboxRecord *other = g_ptr_array_index (zone->records, i);

      if (other->id == ignored_id || !g_str_equal (other->sub_domain, sub_domain))
        continue;
      if (is_cname || g_str_equal (other->field_type, "CNAME"))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "A CNAME record cannot share its subDomain (%s) with another record",
                              sub_domain);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
sub_domain_is_valid (SandboxCall *call, const char *sub_domain)
{
  if (strlen (sub_domain) <= SANDBOX_SUB_DOMAIN_MAX)
    return TRUE;
  sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid subDomain: longer than %u characters",
                      SANDBOX_SUB_DOMAIN_MAX);
  return FALSE;
}

static gboolean
target_is_valid (SandboxCall *call, const char *field_type, const char *target)
{
  g_autoptr (GInetAddress) address = NULL;

  if (target == NULL || target[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[target] Property is mandatory");
      return FALSE;
    }
  if (strlen (target) > SANDBOX_TARGET_MAX)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid target for a %s record: longer than %u characters", field_type,
                          SANDBOX_TARGET_MAX);
      return FALSE;
    }
  for (const char *p = target; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                            "Invalid target for a %s record: control character", field_type);
        return FALSE;
      }
  if (g_str_equal (field_type, "A") || g_str_equal (field_type, "AAAA"))
    {
      GSocketFamily family
          = g_str_equal (field_type, "A") ? G_SOCKET_FAMILY_IPV4 : G_SOCKET_FAMILY_IPV6;

      address = g_inet_address_new_from_string (target);
      if (address == NULL || g_inet_address_get_family (address) != family)
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid target for a %s record: %s",
                              field_type, target);
          return FALSE;
        }
    }

  return TRUE;
}

/* TXT targets are stored without the quotes the API shows; a client may send them quoted. */
static char *
stored_target (const char *field_type, const char *target)
{
  gsize length = strlen (target);

  if (is_quoted_type (field_type) && length >= 2 && target[0] == '"' && target[length - 1] == '"')
    return g_strndup (target + 1, length - 2);
  return g_strdup (target);
}

static void
route_record_create (SandboxCall *call, SandboxZone *zone)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *field_type = NULL;
  const char *sub_domain = "";
  const char *target = NULL;
  g_autofree char *stored = NULL;
  guint ttl = 0;
  SandboxRecord *record;

  if (request == NULL)
    return;

  if (!sandbox_member_string (request, "fieldType", &field_type) || field_type == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[fieldType] Property is mandatory");
      return;
    }
  if (!sandbox_record_type_is_valid (field_type))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[fieldType] Given data (%s) does not belong to the "
                          "DomainZoneRecordTypeEnum enumeration",
                          field_type);
      return;
    }
  if (!sandbox_member_string (request, "subDomain", &sub_domain)
      || !sandbox_member_string (request, "target", &target))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid value: subDomain and target are strings");
      return;
    }
  if (!sandbox_member_uint (request, "ttl", &ttl))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[ttl] Given data is not valid for type long");
      return;
    }
  if (sub_domain == NULL)
    sub_domain = "";
  if (!sub_domain_is_valid (call, sub_domain) || !target_is_valid (call, field_type, target)
      || record_conflicts (call, zone, sub_domain, field_type, -1))
    return;

  stored = stored_target (field_type, target);
  record = sandbox_record_new (call->self->next_record_id++, sub_domain, field_type, stored, ttl);
  sandbox_zone_add_record (zone, record);
  zone->deployed = FALSE;

  if (call->self->create_answers_id_zero)
    {
      /* OVH's known bug: the record is created, but its answer says id 0. */
      JsonNode *answer = record_to_json (record, zone->name);

      json_object_set_int_member (json_node_get_object (answer), "id", 0);
      sandbox_call_reply (call, SOUP_STATUS_OK, answer);
      return;
    }

  sandbox_call_reply (call, SOUP_STATUS_OK, record_to_json (record, zone->name));
}

static void
route_record_update (SandboxCall *call, SandboxZone *zone, SandboxRecord *record)
{
  static const char *const read_only[] = { "fieldType", "id", "zone", NULL };
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  g_autoptr (GStrvBuilder) altered = g_strv_builder_new ();
  g_auto (GStrv) altered_names = NULL;
  const char *sub_domain = record->sub_domain;
  const char *target = NULL;
  guint ttl = record->ttl;

  if (request == NULL)
    return;

  for (guint i = 0; read_only[i] != NULL; i++)
    if (json_object_has_member (request, read_only[i]))
      g_strv_builder_add (altered, read_only[i]);
  altered_names = g_strv_builder_end (altered);
  if (altered_names[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", altered_names);
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Try to alter read-only properties: %s",
                          list);
      return;
    }

  if (!sandbox_member_string (request, "subDomain", &sub_domain)
      || !sandbox_member_string (request, "target", &target)
      || !sandbox_member_uint (request, "ttl", &ttl))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid value in the record's properties");
      return;
    }
  if (sub_domain == NULL)
    sub_domain = "";
  if (!sub_domain_is_valid (call, sub_domain))
    return;
  if (target != NULL && !target_is_valid (call, record->field_type, target))
    return;
  if (record_conflicts (call, zone, sub_domain, record->field_type, record->id))
    return;

  if (sub_domain != record->sub_domain)
    {
      g_free (record->sub_domain);
      record->sub_domain = g_strdup (sub_domain);
    }
  if (target != NULL)
    {
      g_free (record->target);
      record->target = stored_target (record->field_type, target);
    }
  record->ttl = ttl;
  zone->deployed = FALSE;

  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}

void
sandbox_route_records (SandboxCall *call, SandboxZone *zone)
{
  gboolean get = g_str_equal (call->method, "GET");
  SandboxRecord *record;
  gint64 id;

  if (call->n_segments == 4)
    {
      if (get)
        {
          const char *field_type = sandbox_call_query (call, "fieldType");
          const char *sub_domain = sandbox_call_query (call, "subDomain");
          g_autoptr (GPtrArray) matches = g_ptr_array_sized_new (zone->records->len);

          if (field_type != NULL && !sandbox_record_type_is_valid (field_type))
            {
              sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                                  "[fieldType] Given data (%s) does not belong to the "
                                  "DomainZoneRecordTypeEnum enumeration",
                                  field_type);
              return;
            }
          for (guint i = 0; i < zone->records->len; i++)
            {
              record = g_ptr_array_index (zone->records, i);
              if (field_type != NULL && !g_str_equal (field_type, record->field_type))
                continue;
              if (sub_domain != NULL && !g_str_equal (sub_domain, record->sub_domain))
                continue;
              g_ptr_array_add (matches, record);
            }
          sandbox_reply_list (call, matches, record_key, record_object, record_write);
        }
      else if (g_str_equal (call->method, "POST"))
        route_record_create (call, zone);
      else
        sandbox_call_not_found_route (call);
      return;
    }

  if (call->n_segments != 5)
    {
      sandbox_call_not_found_route (call);
      return;
    }
  if (!sandbox_parse_id (call->segments[4], &id))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[id] Given data (%s) is not valid for type long", call->segments[4]);
      return;
    }
  record = g_hash_table_lookup (zone->by_id, &id);
  if (record == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                          "The requested object (id = %s) does not exist", call->segments[4]);
      return;
    }

  if (get)
    sandbox_call_reply (call, SOUP_STATUS_OK, record_to_json (record, zone->name));
  else if (g_str_equal (call->method, "PUT"))
    route_record_update (call, zone, record);
  else if (g_str_equal (call->method, "DELETE"))
    {
      sandbox_zone_remove_record (zone, id);
      zone->deployed = FALSE;
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else
    sandbox_call_not_found_route (call);
}

char *
ovh_sandbox_dup_records_json (OvhSandbox *self, const char *zone_name)
{
  SandboxZone *zone;
  g_autoptr (JsonNode) node = NULL;
  JsonArray *array;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  zone = g_hash_table_lookup (self->zones, zone_name);
  if (zone == NULL)
    {
      g_mutex_unlock (&self->mutex);
      return NULL;
    }
  array = json_array_sized_new (zone->records->len);
  for (guint i = 0; i < zone->records->len; i++)
    json_array_add_element (array,
                            record_to_json (g_ptr_array_index (zone->records, i), zone->name));
  g_mutex_unlock (&self->mutex);

  node = sandbox_node_for_array (array);
  return json_to_string (node, FALSE);
}
