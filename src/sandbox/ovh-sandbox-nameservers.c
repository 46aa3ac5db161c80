/* ovh-sandbox-nameservers.c: a registered domain's name servers and its tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /domain/{domain}/nameServers/update and PUT /domain/{domain} {"nameServerType":
 * "hosted"} each start a DomainDnsUpdate task, todo for a quarter of the sandbox's domain
 * task delay, then doing, then done: only then does the domain's delegation change, the one
 * GET /domain/{domain} answers and the app's Health view and `zone check` compare with what
 * the name servers serve. A second change is refused while one is under way. The messages
 * are worded as OVH words its own (inferred where not seen).
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

#define DOMAIN_TASK_DELAY_DEFAULT_MS 4000
#define DNS_UPDATE_FUNCTION "DomainDnsUpdate"
#define MIN_NAME_SERVERS 2
#define MAX_NAME_SERVERS 8
/* OVHcloud's own name servers, for a domain with no zone here to take them from. */
#define HOSTED_NS1 "dns200.ovh.net"
#define HOSTED_NS2 "ns200.ovh.net"

void
sandbox_domain_task_free (SandboxDomainTask *task)
{
  g_free (task->function);
  g_free (task->status);
  g_free (task->comment);
  g_free (task->name_server_type);
  g_strfreev (task->name_servers);
  g_strfreev (task->name_server_ips);
  g_free (task);
}

gint64
sandbox_name_server_id (const SandboxDomain *domain, guint index, guint i)
{
  return 100000 * ((gint64) index + 1) + 16 * (gint64) domain->name_server_generation + i;
}

static guint
domain_index (OvhSandbox *self, const SandboxDomain *domain)
{
  guint index = 0;

  g_ptr_array_find (self->domains, domain, &index);
  return index;
}

static SandboxDomain *
find_domain (OvhSandbox *self, const char *name)
{
  for (guint i = 0; i < self->domains->len; i++)
    if (g_str_equal (((SandboxDomain *) g_ptr_array_index (self->domains, i))->name, name))
      return g_ptr_array_index (self->domains, i);
  return NULL;
}

static SandboxDomainTask *
find_task (const SandboxDomain *domain, gint64 id)
{
  for (guint i = 0; domain->tasks != NULL && i < domain->tasks->len; i++)
    if (((SandboxDomainTask *) g_ptr_array_index (domain->tasks, i))->id == id)
      return g_ptr_array_index (domain->tasks, i);
  return NULL;
}

static gboolean
has_pending_task (const SandboxDomain *domain)
{
  for (guint i = 0; domain->tasks != NULL && i < domain->tasks->len; i++)
    {
      const SandboxDomainTask *task = g_ptr_array_index (domain->tasks, i);

      if (g_str_equal (task->status, "todo") || g_str_equal (task->status, "doing"))
        return TRUE;
    }
  return FALSE;
}

/* --- JSON -------------------------------------------------------------------------------- */

static JsonNode *
task_to_json (const SandboxDomain *domain, const SandboxDomainTask *task)
{
  JsonObject *object = json_object_new ();
  g_autofree char *creation = sandbox_format_date (task->creation);
  g_autofree char *last_update = sandbox_format_date (task->last_update);

  json_object_set_boolean_member (object, "canAccelerate", FALSE);
  json_object_set_boolean_member (object, "canCancel", FALSE);
  json_object_set_boolean_member (object, "canRelaunch", FALSE);
  if (task->comment != NULL)
    json_object_set_string_member (object, "comment", task->comment);
  else
    json_object_set_null_member (object, "comment");
  json_object_set_string_member (object, "creationDate", creation);
  json_object_set_string_member (object, "domain", domain->name);
  sandbox_set_date_or_null (object, "doneDate", task->done);
  json_object_set_string_member (object, "function", task->function);
  json_object_set_int_member (object, "id", task->id);
  json_object_set_string_member (object, "lastUpdate", last_update);
  json_object_set_string_member (object, "status", task->status);
  json_object_set_string_member (object, "todoDate", creation);
  json_object_set_string_member (object, "type", "domain");
  return sandbox_node_for_object (object);
}

static JsonNode *
name_server_to_json (OvhSandbox *self, const SandboxDomain *domain, guint i)
{
  JsonObject *object = json_object_new ();
  const char *ip = domain->name_server_ips != NULL ? domain->name_server_ips[i] : "";

  json_object_set_string_member (object, "host", domain->name_servers[i]);
  json_object_set_int_member (object, "id",
                              sandbox_name_server_id (domain, domain_index (self, domain), i));
  if (ip[0] != '\0')
    json_object_set_string_member (object, "ip", ip);
  else
    json_object_set_null_member (object, "ip");
  json_object_set_boolean_member (object, "isUsed", TRUE);
  json_object_set_boolean_member (object, "toDelete", FALSE);
  return sandbox_node_for_object (object);
}

/* --- tasks ------------------------------------------------------------------------------- */

typedef struct
{
  OvhSandbox *self;
  char *domain;
  gint64 task_id;
} TaskRun;

static void
task_run_free (TaskRun *run)
{
  g_free (run->domain);
  g_free (run);
}

/* The zone's apex NS records when OVH hosts a zone of that name, else a pair of its own. */
static void
hosted_name_servers (OvhSandbox *self, const char *name, char ***name_servers)
{
  SandboxZone *zone = g_hash_table_lookup (self->zones, name);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  if (zone != NULL)
    {
      g_autoptr (JsonNode) node = sandbox_zone_to_json (zone);
      JsonArray *array = json_object_get_array_member (json_node_get_object (node), "nameServers");

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_strv_builder_add (builder, json_array_get_string_element (array, i));
      if (json_array_get_length (array) > 0)
        {
          *name_servers = g_strv_builder_end (builder);
          return;
        }
    }
  g_strv_builder_add (builder, HOSTED_NS1);
  g_strv_builder_add (builder, HOSTED_NS2);
  *name_servers = g_strv_builder_end (builder);
}

static gboolean
task_step_cb (gpointer data)
{
  TaskRun *run = data;
  OvhSandbox *self = run->self;
  SandboxDomain *domain;
  SandboxDomainTask *task;

  g_mutex_lock (&self->mutex);
  sandbox_untrack_source (self, g_main_current_source ());
  domain = find_domain (self, run->domain);
  task = domain != NULL ? find_task (domain, run->task_id) : NULL;
  if (task != NULL && g_str_equal (task->status, "todo"))
    {
      g_free (task->status);
      task->status = g_strdup ("doing");
      task->last_update = sandbox_now (self);
    }
  else if (task != NULL && g_str_equal (task->status, "doing"))
    {
      g_free (task->status);
      task->status = g_strdup ("done");
      task->last_update = task->done = sandbox_now (self);
      g_free (domain->name_server_type);
      domain->name_server_type = g_strdup (task->name_server_type);
      g_strfreev (domain->name_servers);
      g_strfreev (domain->name_server_ips);
      if (task->name_servers != NULL)
        {
          domain->name_servers = g_strdupv (task->name_servers);
          domain->name_server_ips = g_strdupv (task->name_server_ips);
        }
      else
        {
          hosted_name_servers (self, domain->name, &domain->name_servers);
          domain->name_server_ips = NULL;
        }
      domain->name_server_generation++;
    }
  g_mutex_unlock (&self->mutex);

  return G_SOURCE_REMOVE;
}

static void
schedule_step (OvhSandbox *self, const SandboxDomain *domain, gint64 task_id, guint delay_ms)
{
  TaskRun *run = g_new0 (TaskRun, 1);
  GSource *source;

  run->self = self;
  run->domain = g_strdup (domain->name);
  run->task_id = task_id;
  source = g_timeout_source_new (delay_ms);
  g_source_set_callback (source, task_step_cb, run, (GDestroyNotify) task_run_free);
  sandbox_track_source (self, source);
  g_source_unref (source);
}

/* A DomainDnsUpdate task that makes the domain's delegation type and name_servers (NULL:
 * OVHcloud's own) once done; it takes ownership of the arrays. */
static SandboxDomainTask *
start_task (
    OvhSandbox *self, SandboxDomain *domain, const char *type, char **name_servers, char **ips)
{
  SandboxDomainTask *task = g_new0 (SandboxDomainTask, 1);
  guint delay
      = self->domain_task_delay_ms > 0 ? self->domain_task_delay_ms : DOMAIN_TASK_DELAY_DEFAULT_MS;

  task->id = self->next_task_id++;
  task->function = g_strdup (DNS_UPDATE_FUNCTION);
  task->status = g_strdup ("todo");
  task->creation = task->last_update = sandbox_now (self);
  task->name_server_type = g_strdup (type);
  task->name_servers = name_servers;
  task->name_server_ips = ips;
  if (domain->tasks == NULL)
    domain->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_domain_task_free);
  g_ptr_array_add (domain->tasks, task);
  schedule_step (self, domain, task->id, MAX (delay / 4, 1));
  schedule_step (self, domain, task->id, MAX (delay, 2));
  return task;
}

static void
route_tasks (SandboxCall *call, SandboxDomain *domain)
{
  gint64 id;

  if (!g_str_equal (call->method, "GET") || call->n_segments > 4)
    {
      sandbox_call_not_found_route (call);
      return;
    }
  if (call->n_segments == 3)
    {
      const char *function = sandbox_call_query (call, "function");
      const char *status = sandbox_call_query (call, "status");
      JsonArray *ids = json_array_new ();

      for (guint i = 0; domain->tasks != NULL && i < domain->tasks->len; i++)
        {
          const SandboxDomainTask *task = g_ptr_array_index (domain->tasks, i);

          /* function= is a "like" filter at OVH: a substring here. */
          if ((function == NULL || strstr (task->function, function) != NULL)
              && (status == NULL || g_str_equal (task->status, status)))
            json_array_add_int_element (ids, task->id);
        }
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (ids));
      return;
    }
  if (!sandbox_parse_id (call->segments[3], &id))
    sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                        "[id] Given data (%s) is not valid for type long", call->segments[3]);
  else if (find_task (domain, id) == NULL)
    sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                        "The requested object (id = %s) does not exist", call->segments[3]);
  else
    sandbox_call_reply (call, SOUP_STATUS_OK, task_to_json (domain, find_task (domain, id)));
}

/* --- name servers ------------------------------------------------------------------------ */

static void
route_name_server_list (SandboxCall *call, SandboxDomain *domain)
{
  OvhSandbox *self = call->self;
  guint index = domain_index (self, domain);
  gint64 id;

  if (!g_str_equal (call->method, "GET") || call->n_segments > 4)
    {
      sandbox_call_not_found_route (call);
      return;
    }
  if (call->n_segments == 3)
    {
      JsonArray *ids = json_array_new ();

      for (guint i = 0; domain->name_servers[i] != NULL; i++)
        json_array_add_int_element (ids, sandbox_name_server_id (domain, index, i));
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (ids));
      return;
    }
  if (!sandbox_parse_id (call->segments[3], &id))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[id] Given data (%s) is not valid for type long", call->segments[3]);
      return;
    }
  for (guint i = 0; domain->name_servers[i] != NULL; i++)
    if (sandbox_name_server_id (domain, index, i) == id)
      {
        sandbox_call_reply (call, SOUP_STATUS_OK, name_server_to_json (self, domain, i));
        return;
      }
  sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "The requested object (id = %s) does not exist",
                      call->segments[3]);
}

/* A host name: letters, digits, hyphens and dots, at least two labels. */
static gboolean
host_is_valid (const char *host)
{
  g_auto (GStrv) labels = g_strsplit (host, ".", -1);
  guint n = g_strv_length (labels);

  if (n > 1 && labels[n - 1][0] == '\0')
    n--; /* a final dot */
  if (n < 2 || strlen (host) > 253)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > 63 || labels[i][0] == '-' || labels[i][length - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < length; j++)
        if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
          return FALSE;
    }
  return TRUE;
}

static gboolean
host_is_inside (const char *host, const char *domain)
{
  g_autofree char *lower = g_ascii_strdown (host, -1);
  gsize length = strlen (lower);

  if (length > 0 && lower[length - 1] == '.')
    lower[--length] = '\0';
  return g_str_equal (lower, domain)
         || (g_str_has_suffix (lower, domain) && length > strlen (domain)
             && lower[length - strlen (domain) - 1] == '.');
}

static void
route_update (SandboxCall *call, SandboxDomain *domain)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GStrvBuilder) hosts = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) ips = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *body;
  JsonNode *member;
  JsonArray *array;
  gboolean any_ip = FALSE;
  SandboxDomainTask *task;

  if (!g_str_equal (call->method, "POST"))
    {
      sandbox_call_not_found_route (call);
      return;
    }
  body = sandbox_call_body_object (call, &root);
  if (body == NULL)
    return;
  member = json_object_get_member (body, "nameServers");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[nameServers] Property is mandatory");
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[nameServers] Given data is not an array");
      return;
    }
  array = json_node_get_array (member);
  if (json_array_get_length (array) < MIN_NAME_SERVERS)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "You must define at least %d DNS servers for the domain %s",
                          MIN_NAME_SERVERS, domain->name);
      return;
    }
  if (json_array_get_length (array) > MAX_NAME_SERVERS)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "You cannot define more than %d DNS servers for the domain %s",
                          MAX_NAME_SERVERS, domain->name);
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *host = NULL;
      const char *ip = NULL;

      if (item == NULL || !sandbox_member_string (item, "host", &host)
          || !sandbox_member_string (item, "ip", &ip))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "[nameServers] Invalid value: host and ip are strings");
          return;
        }
      if (host == NULL)
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "[nameServers.host] Property is mandatory");
          return;
        }
      if (!host_is_valid (host))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid DNS server host: %s", host);
          return;
        }
      if (ip != NULL && ip[0] != '\0' && !g_hostname_is_ip_address (ip))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "[nameServers.ip] Given data (%s) is not valid for type ip", ip);
          return;
        }
      if ((ip == NULL || ip[0] == '\0') && host_is_inside (host, domain->name))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "An IP address is required for the DNS server %s, which is a "
                              "subdomain of %s",
                              host, domain->name);
          return;
        }
      if (ip != NULL && ip[0] != '\0' && !host_is_inside (host, domain->name))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                              "An IP address can only be given for a DNS server that is a "
                              "subdomain of %s: %s",
                              domain->name, host);
          return;
        }
      if (!g_hash_table_add (seen, g_ascii_strdown (host, -1)))
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "The DNS server %s is given twice",
                              host);
          return;
        }
      {
        g_autofree char *bare = g_strdup (host);
        gsize length = strlen (bare);

        if (length > 0 && bare[length - 1] == '.')
          bare[length - 1] = '\0';
        g_strv_builder_add (hosts, bare);
      }
      g_strv_builder_add (ips, ip != NULL ? ip : "");
      any_ip |= ip != NULL && ip[0] != '\0';
    }
  if (has_pending_task (domain))
    {
      sandbox_call_error (call, SOUP_STATUS_CONFLICT,
                          "A DNS update is already in progress for the domain %s", domain->name);
      return;
    }

  task = start_task (call->self, domain, "external", g_strv_builder_end (hosts),
                     any_ip ? g_strv_builder_end (ips) : NULL);
  sandbox_call_reply (call, SOUP_STATUS_OK, task_to_json (domain, task));
}

/* PUT /domain/{domain}: only nameServerType is writable. */
static void
route_put_domain (SandboxCall *call, SandboxDomain *domain)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *body = sandbox_call_body_object (call, &root);
  const char *type = NULL;
  g_autoptr (GList) members = NULL;

  if (body == NULL)
    return;
  members = json_object_get_members (body);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "nameServerType"))
      {
        sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Try to alter read-only properties: %s",
                            (const char *) l->data);
        return;
      }
  if (!sandbox_member_string (body, "nameServerType", &type) || type == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[nameServerType] Property is mandatory");
      return;
    }
  if (!g_str_equal (type, "hosted") && !g_str_equal (type, "external"))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[nameServerType] Given data (%s) does not belong to the "
                          "NameServerTypeEnum enumeration",
                          type);
      return;
    }
  if (has_pending_task (domain))
    {
      sandbox_call_error (call, SOUP_STATUS_CONFLICT,
                          "A DNS update is already in progress for the domain %s", domain->name);
      return;
    }
  if (g_str_equal (type, "hosted") && !g_str_equal (domain->name_server_type, "hosted"))
    start_task (call->self, domain, "hosted", NULL, NULL);
  else if (g_str_equal (type, "external"))
    {
      /* The same servers, no longer kept in line with OVHcloud's: nothing for the registry. */
      g_free (domain->name_server_type);
      domain->name_server_type = g_strdup ("external");
    }
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}

gboolean
sandbox_route_name_servers (SandboxCall *call, SandboxDomain *domain)
{
  const char *part = call->n_segments >= 3 ? call->segments[2] : NULL;

  if (call->n_segments == 2 && g_str_equal (call->method, "PUT"))
    route_put_domain (call, domain);
  else if (g_strcmp0 (part, "nameServer") == 0)
    route_name_server_list (call, domain);
  else if (g_strcmp0 (part, "nameServers") == 0 && call->n_segments == 4
           && g_str_equal (call->segments[3], "update"))
    route_update (call, domain);
  else if (g_strcmp0 (part, "task") == 0)
    route_tasks (call, domain);
  else
    return FALSE;
  return TRUE;
}

/* --- public calls ------------------------------------------------------------------------ */

void
ovh_sandbox_set_domain_task_delay_ms (OvhSandbox *self, guint delay_ms)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->domain_task_delay_ms = delay_ms;
  g_mutex_unlock (&self->mutex);
}
