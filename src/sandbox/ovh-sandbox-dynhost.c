/* ovh-sandbox-dynhost.c: the /domain/zone/{zone}/dynHost routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DynHost records are A records with a TTL of 60 that the zone serves (they are in its zone
 * file) but that /record does not list, as at OVH. Logins are named "{zone}-{suffix}"; their
 * passwords are checked, then forgotten: nothing here needs them back.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

#define DYNHOST_TTL 60
#define PASSWORD_MIN 8
#define PASSWORD_MAX 31
#define LOGIN_SUFFIX_MAX 32

void
sandbox_dynhost_login_free (SandboxDynHostLogin *login)
{
  g_free (login->login);
  g_free (login->sub_domain);
  g_free (login);
}

static SandboxDynHostLogin *
login_new (const char *login, const char *sub_domain)
{
  SandboxDynHostLogin *self = g_new0 (SandboxDynHostLogin, 1);

  self->login = g_strdup (login);
  self->sub_domain = g_strdup (sub_domain);
  return self;
}

void
sandbox_seed_dynhost (SandboxZone *zone, gint64 *next_id)
{
  g_autofree char *login = g_strdup_printf ("%s-router", zone->name);

  g_ptr_array_add (zone->dynhost_records,
                   sandbox_record_new ((*next_id)++, "home", "A", "203.0.113.42", DYNHOST_TTL));
  g_ptr_array_add (zone->dynhost_logins, login_new (login, "home"));
}

char *
sandbox_dynhost_zone_lines (const SandboxZone *zone)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < zone->dynhost_records->len; i++)
    {
      const SandboxRecord *record = g_ptr_array_index (zone->dynhost_records, i);

      g_string_append_printf (lines, "%-24s %u IN A %s\n",
                              record->sub_domain[0] != '\0' ? record->sub_domain : "@", record->ttl,
                              record->target);
    }
  return g_string_free (lines, FALSE);
}

gboolean
sandbox_dynhost_serves (const SandboxZone *zone, const SandboxRecord *record)
{
  if (!g_str_equal (record->field_type, "A"))
    return FALSE;
  for (guint i = 0; i < zone->dynhost_records->len; i++)
    {
      const SandboxRecord *dynhost = g_ptr_array_index (zone->dynhost_records, i);

      if (g_ascii_strcasecmp (dynhost->sub_domain, record->sub_domain) == 0
          && g_str_equal (dynhost->target, record->target))
        return TRUE;
    }
  return FALSE;
}

/* Filters are "ilike": the sandbox takes them as case-insensitive equality. */
static gboolean
filter_matches (SandboxCall *call, const char *name, const char *value)
{
  const char *filter = sandbox_call_query (call, name);

  return filter == NULL || g_ascii_strcasecmp (filter, value) == 0;
}

static gboolean
read_only_untouched (SandboxCall *call, JsonObject *request, const char *const *read_only)
{
  g_autoptr (GStrvBuilder) altered = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; read_only[i] != NULL; i++)
    if (json_object_has_member (request, read_only[i]))
      g_strv_builder_add (altered, read_only[i]);
  names = g_strv_builder_end (altered);
  if (names[0] == NULL)
    return TRUE;
  list = g_strjoinv (", ", names);
  sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Try to alter read-only properties: %s", list);
  return FALSE;
}

static gboolean
sub_domain_is_valid (SandboxCall *call, const char *sub_domain, gboolean allow_any)
{
  if (allow_any && g_str_equal (sub_domain, "*"))
    return TRUE;
  if (strlen (sub_domain) > SANDBOX_SUB_DOMAIN_MAX)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid subDomain: longer than %u characters", SANDBOX_SUB_DOMAIN_MAX);
      return FALSE;
    }
  for (const char *p = sub_domain; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      {
        sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid subDomain: %s", sub_domain);
        return FALSE;
      }
  return TRUE;
}

/* Records ------------------------------------------------------------------------------------- */

static JsonNode *
record_to_json (const SandboxRecord *record, const char *zone)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", record->id);
  json_object_set_string_member (object, "ip", record->target);
  json_object_set_string_member (object, "subDomain", record->sub_domain);
  json_object_set_int_member (object, "ttl", record->ttl);
  json_object_set_string_member (object, "zone", zone);
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

static gboolean
ip_is_valid (SandboxCall *call, const char *ip)
{
  g_autoptr (GInetAddress) address = NULL;

  if (ip == NULL || ip[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[ip] Property is mandatory");
      return FALSE;
    }
  address = g_inet_address_new_from_string (ip);
  if (address == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[ip] Given data (%s) is not valid for type ip", ip);
      return FALSE;
    }
  if (g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid IP address: DynHost only supports IPv4 (%s)", ip);
      return FALSE;
    }
  return TRUE;
}

/* One name is either DynHost or an ordinary A/CNAME, never both. */
static gboolean
record_conflicts (SandboxCall *call, SandboxZone *zone, const char *sub_domain, gint64 ignored_id)
{
  for (guint i = 0; i < zone->records->len; i++)
    {
      const SandboxRecord *other = g_ptr_array_index (zone->records, i);

      if (g_ascii_strcasecmp (other->sub_domain, sub_domain) == 0
          && (g_str_equal (other->field_type, "A") || g_str_equal (other->field_type, "CNAME")))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "A %s record already exists for the subDomain %s", other->field_type,
                              sub_domain);
          return TRUE;
        }
    }
  for (guint i = 0; i < zone->dynhost_records->len; i++)
    {
      const SandboxRecord *other = g_ptr_array_index (zone->dynhost_records, i);

      if (other->id != ignored_id && g_ascii_strcasecmp (other->sub_domain, sub_domain) == 0)
        {
          sandbox_call_error (call, SOUP_STATUS_CONFLICT,
                              "A DynHost record already exists for the subDomain %s", sub_domain);
          return TRUE;
        }
    }
  return FALSE;
}

static void
record_create (SandboxCall *call, SandboxZone *zone)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *sub_domain = "";
  const char *ip = NULL;
  SandboxRecord *record;

  if (request == NULL)
    return;
  if (!sandbox_member_string (request, "subDomain", &sub_domain)
      || !sandbox_member_string (request, "ip", &ip))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid value: subDomain and ip are strings");
      return;
    }
  if (sub_domain == NULL)
    sub_domain = "";
  if (!ip_is_valid (call, ip) || !sub_domain_is_valid (call, sub_domain, FALSE)
      || record_conflicts (call, zone, sub_domain, -1))
    return;

  record = sandbox_record_new (call->self->next_record_id++, sub_domain, "A", ip, DYNHOST_TTL);
  g_ptr_array_add (zone->dynhost_records, record);
  zone->deployed = FALSE;
  sandbox_call_reply (call, SOUP_STATUS_OK, record_to_json (record, zone->name));
}

static void
record_update (SandboxCall *call, SandboxZone *zone, SandboxRecord *record)
{
  static const char *const read_only[] = { "id", "ttl", "zone", NULL };
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *sub_domain = record->sub_domain;
  const char *ip = record->target;

  if (request == NULL || !read_only_untouched (call, request, read_only))
    return;
  if (!sandbox_member_string (request, "subDomain", &sub_domain)
      || !sandbox_member_string (request, "ip", &ip))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid value in the record's properties");
      return;
    }
  if (sub_domain == NULL)
    sub_domain = "";
  if (!ip_is_valid (call, ip) || !sub_domain_is_valid (call, sub_domain, FALSE)
      || record_conflicts (call, zone, sub_domain, record->id))
    return;

  if (sub_domain != record->sub_domain)
    {
      g_free (record->sub_domain);
      record->sub_domain = g_strdup (sub_domain);
    }
  if (ip != record->target)
    {
      g_free (record->target);
      record->target = g_strdup (ip);
    }
  zone->deployed = FALSE;
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}

static void
route_records (SandboxCall *call, SandboxZone *zone)
{
  SandboxRecord *record = NULL;
  guint index = 0;
  gint64 id;

  if (call->n_segments == 5)
    {
      if (g_str_equal (call->method, "GET"))
        {
          g_autoptr (GPtrArray) matches = g_ptr_array_new ();

          for (guint i = 0; i < zone->dynhost_records->len; i++)
            {
              record = g_ptr_array_index (zone->dynhost_records, i);
              if (filter_matches (call, "subDomain", record->sub_domain))
                g_ptr_array_add (matches, record);
            }
          sandbox_reply_list (call, matches, record_key, record_object, NULL);
        }
      else if (g_str_equal (call->method, "POST"))
        record_create (call, zone);
      else
        sandbox_call_not_found_route (call);
      return;
    }
  if (call->n_segments != 6)
    {
      sandbox_call_not_found_route (call);
      return;
    }
  if (!sandbox_parse_id (call->segments[5], &id))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[id] Given data (%s) is not valid for type long", call->segments[5]);
      return;
    }
  for (index = 0; index < zone->dynhost_records->len; index++)
    {
      record = g_ptr_array_index (zone->dynhost_records, index);
      if (record->id == id)
        break;
    }
  if (index == zone->dynhost_records->len)
    {
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                          "The requested object (id = %s) does not exist", call->segments[5]);
      return;
    }

  if (g_str_equal (call->method, "GET"))
    sandbox_call_reply (call, SOUP_STATUS_OK, record_to_json (record, zone->name));
  else if (g_str_equal (call->method, "PUT"))
    record_update (call, zone, record);
  else if (g_str_equal (call->method, "DELETE"))
    {
      g_ptr_array_remove_index (zone->dynhost_records, index);
      zone->deployed = FALSE;
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else
    sandbox_call_not_found_route (call);
}

/* Logins -------------------------------------------------------------------------------------- */

static JsonNode *
login_to_json (const SandboxDynHostLogin *login, const char *zone)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "login", login->login);
  json_object_set_string_member (object, "subDomain", login->sub_domain);
  json_object_set_string_member (object, "zone", zone);
  return sandbox_node_for_object (object);
}

static JsonNode *
login_key (SandboxCall *call, gpointer item)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, ((SandboxDynHostLogin *) item)->login);
  return node;
}

static JsonNode *
login_object (SandboxCall *call, gpointer item)
{
  return login_to_json (item, call->segments[2]);
}

static gboolean
password_is_valid (SandboxCall *call, JsonObject *request)
{
  const char *password = NULL;
  glong length;

  if (!sandbox_member_string (request, "password", &password) || password == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[password] Property is mandatory");
      return FALSE;
    }
  length = g_utf8_validate (password, -1, NULL) ? g_utf8_strlen (password, -1) : 0;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid password: it must contain between %d and %d characters",
                          PASSWORD_MIN, PASSWORD_MAX);
      return FALSE;
    }
  return TRUE;
}

static SandboxDynHostLogin *
find_login (SandboxZone *zone, const char *name, guint *index)
{
  for (guint i = 0; i < zone->dynhost_logins->len; i++)
    {
      SandboxDynHostLogin *login = g_ptr_array_index (zone->dynhost_logins, i);

      if (g_str_equal (login->login, name))
        {
          if (index != NULL)
            *index = i;
          return login;
        }
    }
  return NULL;
}

static void
login_create (SandboxCall *call, SandboxZone *zone)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *suffix = NULL;
  const char *sub_domain = NULL;
  g_autofree char *name = NULL;
  SandboxDynHostLogin *login;

  if (request == NULL)
    return;
  if (!sandbox_member_string (request, "loginSuffix", &suffix) || suffix == NULL
      || suffix[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[loginSuffix] Property is mandatory");
      return;
    }
  if (!sandbox_member_string (request, "subDomain", &sub_domain) || sub_domain == NULL
      || sub_domain[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[subDomain] Property is mandatory");
      return;
    }
  if (strlen (suffix) > LOGIN_SUFFIX_MAX
      || strspn (suffix, "abcdefghijklmnopqrstuvwxyz"
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
             != strlen (suffix))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid loginSuffix: %s", suffix);
      return;
    }
  if (!sub_domain_is_valid (call, sub_domain, TRUE) || !password_is_valid (call, request))
    return;
  name = g_strdup_printf ("%s-%s", zone->name, suffix);
  if (find_login (zone, name, NULL) != NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_CONFLICT, "The login %s already exists", name);
      return;
    }

  login = login_new (name, sub_domain);
  g_ptr_array_add (zone->dynhost_logins, login);
  sandbox_call_reply (call, SOUP_STATUS_OK, login_to_json (login, zone->name));
}

static void
login_update (SandboxCall *call, SandboxDynHostLogin *login)
{
  static const char *const read_only[] = { "login", "zone", NULL };
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *sub_domain = login->sub_domain;

  if (request == NULL || !read_only_untouched (call, request, read_only))
    return;
  if (!sandbox_member_string (request, "subDomain", &sub_domain) || sub_domain == NULL
      || sub_domain[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid value for subDomain");
      return;
    }
  if (!sub_domain_is_valid (call, sub_domain, TRUE))
    return;
  if (sub_domain != login->sub_domain)
    {
      g_free (login->sub_domain);
      login->sub_domain = g_strdup (sub_domain);
    }
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}

static void
route_logins (SandboxCall *call, SandboxZone *zone)
{
  SandboxDynHostLogin *login;
  guint index = 0;

  if (call->n_segments == 5)
    {
      if (g_str_equal (call->method, "GET"))
        {
          g_autoptr (GPtrArray) matches = g_ptr_array_new ();

          for (guint i = 0; i < zone->dynhost_logins->len; i++)
            {
              login = g_ptr_array_index (zone->dynhost_logins, i);
              if (filter_matches (call, "login", login->login)
                  && filter_matches (call, "subDomain", login->sub_domain))
                g_ptr_array_add (matches, login);
            }
          sandbox_reply_list (call, matches, login_key, login_object, NULL);
        }
      else if (g_str_equal (call->method, "POST"))
        login_create (call, zone);
      else
        sandbox_call_not_found_route (call);
      return;
    }
  if (call->n_segments != 6 && call->n_segments != 7)
    {
      sandbox_call_not_found_route (call);
      return;
    }
  if (call->n_segments == 7
      && (!g_str_equal (call->segments[6], "changePassword")
          || !g_str_equal (call->method, "POST")))
    {
      sandbox_call_not_found_route (call);
      return;
    }
  login = find_login (zone, call->segments[5], &index);
  if (login == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                          "The requested object (login = %s) does not exist", call->segments[5]);
      return;
    }

  if (call->n_segments == 7)
    {
      g_autoptr (JsonNode) body = NULL;
      JsonObject *request = sandbox_call_body_object (call, &body);

      if (request != NULL && password_is_valid (call, request))
        sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (call->method, "GET"))
    sandbox_call_reply (call, SOUP_STATUS_OK, login_to_json (login, zone->name));
  else if (g_str_equal (call->method, "PUT"))
    login_update (call, login);
  else if (g_str_equal (call->method, "DELETE"))
    {
      g_ptr_array_remove_index (zone->dynhost_logins, index);
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else
    sandbox_call_not_found_route (call);
}

void
sandbox_route_dynhost (SandboxCall *call, SandboxZone *zone)
{
  /* /domain/zone/{zone}/dynHost/{record|login}/… */
  if (call->n_segments >= 5 && g_str_equal (call->segments[4], "record"))
    route_records (call, zone);
  else if (call->n_segments >= 5 && g_str_equal (call->segments[4], "login"))
    route_logins (call, zone);
  else
    sandbox_call_not_found_route (call);
}
