/* ovh-sandbox.c: a faithful stand-in for the OVH API, on SoupServer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server lives on a thread of its own with its own GMainContext. Every request is handled
 * there under the sandbox's mutex; every public function takes the same mutex. Handlers fill
 * a Call (status + JSON), which makes X-Ovh-Batch a loop over the same handlers.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"
#include "ovh-signer.h"

#define API_PREFIX "/1.0"
#define TIME_WINDOW 180 /* seconds a signed call's timestamp may differ from ours */
#define HISTORY_LENGTH 30
#define TASK_DELAY_MS 50
#define RATE_WINDOW_USEC (60 * G_USEC_PER_SEC)
#define PAGINATION_MODE "CachedObjectList-Pages"
#define STATUS_TOO_MANY_REQUESTS 429 /* not in libsoup 3.2's SoupStatus */

typedef struct
{
  char *method; /* NULL = any */
  char *path_glob;
  OvhSandboxFault fault;
  guint remaining; /* 0 = forever */
} Fault;

struct _OvhSandbox
{
  GObject parent_instance;

  GMutex mutex;

  /* State */
  GHashTable *applications; /* key → SandboxApplication* */
  GHashTable *credentials;  /* consumer key → SandboxCredential* */
  GHashTable *zones;        /* name → SandboxZone* */
  GPtrArray *domains;       /* SandboxDomain* */
  gint64 next_record_id;
  gint64 next_task_id;
  gint64 next_credential_id;
  gint64 next_application_id;

  /* Fidelity switches and faults */
  guint latency_ms;
  guint rate_limit;
  guint retry_after; /* seconds announced with a 429, 0 = the honest wait */
  gboolean create_answers_id_zero;
  gint64 clock_offset;
  gboolean expanded_lists;
  gboolean batch;
  GPtrArray *faults;
  GPtrArray *request_log; /* OvhSandboxRequest* */
  guint64 query_serial;

  /* Server */
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  GPtrArray *pending_sources; /* GSource*, delayed answers and tasks */
  GCond ready_cond;
  gboolean ready;
  GError *start_error;
  guint requested_port;
  gboolean tls;
  guint port;
  char *base_url;
  char *root_url;
  char *tls_dir;
  char *cert_file;
  char *key_file;
};

G_DEFINE_FINAL_TYPE (OvhSandbox, ovh_sandbox, G_TYPE_OBJECT)

typedef struct
{
  OvhSandbox *self;
  SoupServerMessage *msg;
  const char *method;
  char **segments;
  guint n_segments;
  GHashTable *query; /* decoded, may be NULL */
  const char *body;
  gsize body_length;
  SandboxCredential *credential;

  guint status;
  JsonNode *reply; /* NULL = "null" */
  char *raw_reply; /* instead of JSON (HTML, plain text, malformed) */
  const char *content_type;
} Call;

static void
fault_free (Fault *fault)
{
  g_free (fault->method);
  g_free (fault->path_glob);
  g_free (fault);
}

void
ovh_sandbox_request_free (OvhSandboxRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->body);
  g_free (request);
}

/* Helpers ------------------------------------------------------------------------------ */

static gint64
server_now (OvhSandbox *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S+00:00");
}

static void
set_date_or_null (JsonObject *object, const char *member, gint64 unix_time)
{
  g_autofree char *date = NULL;

  if (unix_time == 0)
    {
      json_object_set_null_member (object, member);
      return;
    }
  date = format_date (unix_time);
  json_object_set_string_member (object, member, date);
}

static JsonNode *
node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
node_for_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static void
call_reply (Call *call, guint status, JsonNode *reply)
{
  g_clear_pointer (&call->reply, json_node_unref);
  g_clear_pointer (&call->raw_reply, g_free);
  call->status = status;
  call->reply = reply;
}

/* OVH's gateway errors: {"errorCode","httpCode","message"}. */
static void
call_auth_error (Call *call, guint status, const char *error_code, const char *message)
{
  JsonObject *object = json_object_new ();
  g_autofree char *http_code = g_strdup_printf (
      "%u %s", status,
      status == STATUS_TOO_MANY_REQUESTS ? "Too Many Requests" : soup_status_get_phrase (status));

  json_object_set_string_member (object, "errorCode", error_code);
  json_object_set_string_member (object, "httpCode", http_code);
  json_object_set_string_member (object, "message", message);
  call_reply (call, status, node_for_object (object));
}

/* The API's own errors: {"class","message"}. */
static void call_error (Call *call, guint status, const char *message_format, ...)
    G_GNUC_PRINTF (3, 4);

static void
call_error (Call *call, guint status, const char *message_format, ...)
{
  JsonObject *object = json_object_new ();
  g_autofree char *message = NULL;
  const char *class;
  va_list args;

  va_start (args, message_format);
  message = g_strdup_vprintf (message_format, args);
  va_end (args);

  switch (status)
    {
    case SOUP_STATUS_NOT_FOUND:
      class = "Client::NotFound";
      break;
    case SOUP_STATUS_CONFLICT:
      class = "Client::Conflict";
      break;
    case SOUP_STATUS_FORBIDDEN:
      class = "Client::Forbidden";
      break;
    default:
      class = "Client::BadRequest";
      break;
    }

  json_object_set_string_member (object, "class", class);
  json_object_set_string_member (object, "message", message);
  call_reply (call, status, node_for_object (object));
}

static void
call_not_found_route (Call *call)
{
  call_error (call, SOUP_STATUS_NOT_FOUND, "Got an invalid (or empty) URL");
}

static const char *
call_query (Call *call, const char *name)
{
  const char *value = call->query != NULL ? g_hash_table_lookup (call->query, name) : NULL;

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static const char *
call_header (Call *call, const char *name)
{
  if (call->msg == NULL)
    return NULL;
  return soup_message_headers_get_one (soup_server_message_get_request_headers (call->msg), name);
}

/* The request body as a JSON object, or NULL after answering 400. */
static JsonObject *
call_body_object (Call *call, JsonNode **out_node)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (call->body_length == 0
      || !json_parser_load_from_data (parser, call->body, (gssize) call->body_length, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid JSON received");
      return NULL;
    }

  *out_node = json_node_ref (json_parser_get_root (parser));
  return json_node_get_object (*out_node);
}

static gboolean
parse_id (const char *text, gint64 *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* Optional string member: absent or null → fallback; another type → error. */
static gboolean
member_string (JsonObject *object, const char *name, const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
member_uint (JsonObject *object, const char *name, guint *value)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 number;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  number = json_node_get_int (node);
  if (number < 0 || number > G_MAXINT32)
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

/* Models as JSON ----------------------------------------------------------------------- */

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

  return node_for_object (object);
}

/* Name servers of a zone: its apex NS records, without the final dot. */
static JsonArray *
zone_name_servers (const SandboxZone *zone)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < zone->records->len; i++)
    {
      const SandboxRecord *record = g_ptr_array_index (zone->records, i);

      if (record->sub_domain[0] == '\0' && g_str_equal (record->field_type, "NS"))
        {
          g_autofree char *name = g_strdup (record->target);
          gsize length = strlen (name);

          if (length > 0 && name[length - 1] == '.')
            name[length - 1] = '\0';
          json_array_add_string_element (array, name);
        }
    }

  return array;
}

static JsonNode *
zone_to_json (const SandboxZone *zone)
{
  JsonObject *object = json_object_new ();
  JsonArray *name_servers = zone_name_servers (zone);
  gboolean anycast = FALSE;
  g_autofree char *last_update = format_date (zone->last_update);

  for (guint i = 0; i < json_array_get_length (name_servers); i++)
    anycast |= strstr (json_array_get_string_element (name_servers, i), "anycast") != NULL;

  json_object_set_string_member (object, "name", zone->name);
  json_object_set_array_member (object, "nameServers", name_servers);
  json_object_set_boolean_member (object, "dnssecSupported", TRUE);
  json_object_set_boolean_member (object, "dnssecActivated", zone->dnssec);
  json_object_set_boolean_member (object, "hasDnsAnycast", anycast);
  json_object_set_string_member (object, "lastUpdate", last_update);

  return node_for_object (object);
}

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
  g_autofree char *expiration = format_date (domain->expiration);
  g_autofree char *renewal = format_date (domain->expiration - 30 * 86400);
  g_autofree char *last_update = format_date (domain->creation + 86400);

  for (guint i = 0; domain->name_servers[i] != NULL; i++)
    {
      JsonObject *name_server = json_object_new ();

      json_object_set_int_member (name_server, "id", 1000 * (index + 1) + i);
      json_object_set_null_member (name_server, "ipv4");
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
  json_object_set_string_member (object, "renewalState", "automatic_renew");
  json_object_set_int_member (object, "serviceId", 120000000 + index);
  json_object_set_string_member (object, "state", "ok");
  json_object_set_string_member (object, "suspensionState", "not_suspended");
  json_object_set_string_member (object, "transferLockStatus", "locked");
  json_object_set_string_member (object, "whoisOwner", OVH_SANDBOX_NICHANDLE);

  return node_for_object (object);
}

static JsonArray *
rules_to_json (GPtrArray *rules)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < rules->len; i++)
    {
      const SandboxRule *rule = g_ptr_array_index (rules, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "method", rule->method);
      json_object_set_string_member (object, "path", rule->path);
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonNode *
credential_to_json (const SandboxCredential *credential)
{
  JsonObject *object = json_object_new ();

  if (credential->allowed_ips != NULL)
    {
      JsonArray *ips = json_array_new ();

      for (guint i = 0; credential->allowed_ips[i] != NULL; i++)
        json_array_add_string_element (ips, credential->allowed_ips[i]);
      json_object_set_array_member (object, "allowedIPs", ips);
    }
  else
    json_object_set_null_member (object, "allowedIPs");
  json_object_set_int_member (object, "applicationId", credential->application_id);
  set_date_or_null (object, "creation", credential->creation);
  json_object_set_int_member (object, "credentialId", credential->id);
  set_date_or_null (object, "expiration", credential->expiration);
  set_date_or_null (object, "lastUse", credential->last_use);
  json_object_set_boolean_member (object, "ovhSupport", FALSE);
  json_object_set_array_member (object, "rules", rules_to_json (credential->rules));
  json_object_set_string_member (object, "status", credential->status);

  return node_for_object (object);
}

static JsonNode *
application_to_json (const SandboxApplication *application)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "applicationId", application->id);
  json_object_set_string_member (object, "applicationKey", application->key);
  json_object_set_string_member (object, "name", application->name);
  json_object_set_string_member (object, "description", application->description);
  json_object_set_string_member (object, "status", "active");

  return node_for_object (object);
}

static JsonNode *
task_to_json (const SandboxTask *task)
{
  JsonObject *object = json_object_new ();
  g_autofree char *creation = format_date (task->creation);

  json_object_set_boolean_member (object, "canAccelerate", FALSE);
  json_object_set_boolean_member (object, "canCancel", FALSE);
  json_object_set_boolean_member (object, "canRelaunch", FALSE);
  if (task->comment != NULL)
    json_object_set_string_member (object, "comment", task->comment);
  else
    json_object_set_null_member (object, "comment");
  json_object_set_string_member (object, "creationDate", creation);
  set_date_or_null (object, "doneDate", task->done);
  json_object_set_string_member (object, "function", task->function);
  json_object_set_int_member (object, "id", task->id);
  set_date_or_null (object, "lastUpdate", task->done != 0 ? task->done : task->creation);
  json_object_set_string_member (object, "status", task->status);
  json_object_set_string_member (object, "todoDate", creation);

  return node_for_object (object);
}

static SandboxApplication *
find_application_by_id (OvhSandbox *self, gint64 id)
{
  GHashTableIter iter;
  SandboxApplication *application;

  g_hash_table_iter_init (&iter, self->applications);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &application))
    if (application->id == id)
      return application;

  return NULL;
}

static SandboxCredential *
find_credential_by_id (OvhSandbox *self, gint64 id)
{
  GHashTableIter iter;
  SandboxCredential *credential;

  g_hash_table_iter_init (&iter, self->credentials);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
    if (credential->id == id)
      return credential;

  return NULL;
}

/* An expiry date that passed turns a validated credential into an expired one. */
static void
credential_update_expiry (OvhSandbox *self, SandboxCredential *credential)
{
  if (g_str_equal (credential->status, "validated") && credential->expiration != 0
      && server_now (self) >= credential->expiration)
    {
      g_free (credential->status);
      credential->status = g_strdup ("expired");
    }
}

/* Zone publication --------------------------------------------------------------------- */

static guint
next_serial (OvhSandbox *self, guint serial)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc (server_now (self));
  guint today = (guint) (g_date_time_get_year (now) * 1000000 + g_date_time_get_month (now) * 10000
                         + g_date_time_get_day_of_month (now) * 100);

  return MAX (serial + 1, today);
}

/* What POST …/refresh does: a new serial, the zone served as it is, a history version. */
static void
zone_publish (OvhSandbox *self, SandboxZone *zone)
{
  SandboxHistoryEntry *entry = g_new0 (SandboxHistoryEntry, 1);
  gint64 now = server_now (self);

  zone->serial = next_serial (self, zone->serial);
  zone->deployed = TRUE;
  zone->last_update = now;

  /* History dates name the versions: keep them unique within the zone. */
  if (zone->history->len > 0)
    {
      const SandboxHistoryEntry *last = g_ptr_array_index (zone->history, zone->history->len - 1);
      g_autoptr (GDateTime) last_date = g_date_time_new_from_iso8601 (last->date, NULL);

      if (last_date != NULL && g_date_time_to_unix (last_date) >= now)
        now = g_date_time_to_unix (last_date) + 1;
    }

  entry->date = format_date (now);
  entry->zone_file = sandbox_zone_file_write (zone);
  g_ptr_array_add (zone->history, entry);
  while (zone->history->len > HISTORY_LENGTH)
    g_ptr_array_remove_index (zone->history, 0);
}

/* Sources on the server's context --------------------------------------------------------- */

static void
track_source (OvhSandbox *self, GSource *source)
{
  g_ptr_array_add (self->pending_sources, g_source_ref (source));
  g_source_attach (source, self->context);
}

static void
untrack_source (OvhSandbox *self, GSource *source)
{
  g_ptr_array_remove_fast (self->pending_sources, source);
}

typedef struct
{
  OvhSandbox *self;
  char *zone;
  gint64 task_id;
} TaskRun;

static void
task_run_free (TaskRun *run)
{
  g_free (run->zone);
  g_free (run);
}

static gboolean
task_run_cb (gpointer data)
{
  TaskRun *run = data;
  OvhSandbox *self = run->self;
  SandboxZone *zone;

  g_mutex_lock (&self->mutex);
  untrack_source (self, g_main_current_source ());
  zone = g_hash_table_lookup (self->zones, run->zone);
  for (guint i = 0; zone != NULL && i < zone->tasks->len; i++)
    {
      SandboxTask *task = g_ptr_array_index (zone->tasks, i);

      if (task->id != run->task_id || task->pending_records == NULL)
        continue;

      for (guint j = 0; j < task->pending_records->len; j++)
        {
          SandboxRecord *record = g_ptr_array_index (task->pending_records, j);
          record->id = self->next_record_id++;
        }
      sandbox_zone_replace_records (zone, task->pending_records);
      g_clear_pointer (&task->pending_records, g_ptr_array_unref);
      /* An import or a restore rewrites the served zone. */
      zone_publish (self, zone);
      g_free (task->status);
      task->status = g_strdup ("done");
      task->done = server_now (self);
    }
  g_mutex_unlock (&self->mutex);

  return G_SOURCE_REMOVE;
}

static SandboxTask *
zone_start_task (OvhSandbox *self, SandboxZone *zone, const char *function, GPtrArray *records)
{
  SandboxTask *task = g_new0 (SandboxTask, 1);
  TaskRun *run = g_new0 (TaskRun, 1);
  GSource *source;

  task->id = self->next_task_id++;
  task->function = g_strdup (function);
  task->status = g_strdup ("todo");
  task->creation = server_now (self);
  task->pending_records = records;
  g_ptr_array_add (zone->tasks, task);

  run->self = self;
  run->zone = g_strdup (zone->name);
  run->task_id = task->id;
  source = g_timeout_source_new (TASK_DELAY_MS);
  g_source_set_callback (source, task_run_cb, run, (GDestroyNotify) task_run_free);
  track_source (self, source);
  g_source_unref (source);

  return task;
}

/* Lists: plain ids, or pages of whole objects ---------------------------------------- */

typedef JsonNode *(*ItemToJson) (Call *call, gpointer item);

/* X-Pagination-Mode: CachedObjectList-Pages → the page's objects and X-Pagination-Elements;
 * otherwise the keys. With expanded lists switched off the headers are ignored. */
static void
reply_list (Call *call, GPtrArray *items, ItemToJson to_key, ItemToJson to_object)
{
  const char *mode = call_header (call, "X-Pagination-Mode");
  JsonArray *array = json_array_new ();

  if (call->self->expanded_lists && mode != NULL && g_str_equal (mode, PAGINATION_MODE))
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (call->msg);
      const char *size_header = call_header (call, "X-Pagination-Size");
      const char *number_header = call_header (call, "X-Pagination-Number");
      guint64 size = items->len;
      guint64 number = 1;
      guint64 first;
      char text[32];

      if (size_header != NULL
          && (!g_ascii_string_to_unsigned (size_header, 10, 1, G_MAXUINT32, &size, NULL)))
        {
          json_array_unref (array);
          call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid X-Pagination-Size");
          return;
        }
      if (number_header != NULL
          && (!g_ascii_string_to_unsigned (number_header, 10, 1, G_MAXUINT32, &number, NULL)))
        {
          json_array_unref (array);
          call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid X-Pagination-Number");
          return;
        }

      first = (number - 1) * size;
      for (guint64 i = first; i < items->len && i < first + size; i++)
        json_array_add_element (array, to_object (call, g_ptr_array_index (items, i)));

      g_snprintf (text, sizeof text, "%u", items->len);
      soup_message_headers_replace (headers, "X-Pagination-Elements", text);
      g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, size);
      soup_message_headers_replace (headers, "X-Pagination-Size", text);
      g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, number);
      soup_message_headers_replace (headers, "X-Pagination-Number", text);
      soup_message_headers_replace (headers, "X-Pagination-Mode", PAGINATION_MODE);
    }
  else
    {
      for (guint i = 0; i < items->len; i++)
        json_array_add_element (array, to_key (call, g_ptr_array_index (items, i)));
    }

  call_reply (call, SOUP_STATUS_OK, node_for_array (array));
}

static JsonNode *
record_key (Call *call, gpointer item)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, ((SandboxRecord *) item)->id);
  return node;
}

static JsonNode *
record_object (Call *call, gpointer item)
{
  return record_to_json (item, call->segments[2]);
}

static JsonNode *
name_key (Call *call, gpointer item)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, item);
  return node;
}

static JsonNode *
zone_object (Call *call, gpointer item)
{
  return zone_to_json (g_hash_table_lookup (call->self->zones, item));
}

static JsonNode *
domain_object (Call *call, gpointer item)
{
  for (guint i = 0; i < call->self->domains->len; i++)
    {
      SandboxDomain *domain = g_ptr_array_index (call->self->domains, i);

      if (g_str_equal (domain->name, item))
        return domain_to_json (call->self, domain, i);
    }
  g_assert_not_reached ();
}

/* Routes: /auth -------------------------------------------------------------------------- */

static void
route_auth_credential (Call *call)
{
  OvhSandbox *self = call->self;
  const char *application_key = call_header (call, "X-Ovh-Application");
  SandboxApplication *application
      = application_key != NULL ? g_hash_table_lookup (self->applications, application_key) : NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  SandboxCredential *credential;
  JsonObject *request;
  JsonObject *answer;
  JsonNode *access_rules;
  JsonNode *allowed_ips;
  const char *redirection = NULL;

  if (application == NULL)
    {
      call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_KEY", "Invalid application key");
      return;
    }

  request = call_body_object (call, &body);
  if (request == NULL)
    return;

  access_rules = json_object_get_member (request, "accessRules");
  if (access_rules == NULL || !JSON_NODE_HOLDS_ARRAY (access_rules))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "[accessRules] Property is mandatory");
      return;
    }

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (access_rules)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (access_rules), i);
      static const char *const methods[] = { "GET", "POST", "PUT", "DELETE", "PATCH", NULL };
      const char *method = NULL;
      const char *path = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element)
          || !member_string (json_node_get_object (element), "method", &method)
          || !member_string (json_node_get_object (element), "path", &path) || method == NULL
          || path == NULL || !g_strv_contains (methods, method) || path[0] != '/')
        {
          call_error (call, SOUP_STATUS_BAD_REQUEST, "[accessRules] Invalid access rule");
          return;
        }
      g_ptr_array_add (rules, sandbox_rule_new (method, path));
    }

  if (!member_string (request, "redirection", &redirection))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "[redirection] Invalid redirection");
      return;
    }

  credential = g_new0 (SandboxCredential, 1);
  credential->id = self->next_credential_id++;
  credential->application_id = application->id;
  credential->consumer_key = sandbox_random_token (32);
  credential->token = sandbox_random_token (64);
  credential->status = g_strdup ("pendingValidation");
  credential->rules = g_steal_pointer (&rules);
  credential->redirection = g_strdup (redirection);
  credential->creation = server_now (self);
  g_queue_init (&credential->recent_calls);

  allowed_ips = json_object_get_member (request, "allowedIPs");
  if (allowed_ips != NULL && JSON_NODE_HOLDS_ARRAY (allowed_ips))
    {
      JsonArray *ips = json_node_get_array (allowed_ips);
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (ips); i++)
        if (json_node_get_value_type (json_array_get_element (ips, i)) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_array_get_string_element (ips, i));
      credential->allowed_ips = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }

  g_hash_table_insert (self->credentials, credential->consumer_key, credential);

  answer = json_object_new ();
  json_object_set_string_member (answer, "state", credential->status);
  json_object_set_string_member (answer, "consumerKey", credential->consumer_key);
  {
    g_autofree char *url
        = g_strdup_printf ("%s/auth/?credentialToken=%s", self->root_url, credential->token);
    json_object_set_string_member (answer, "validationUrl", url);
  }
  call_reply (call, SOUP_STATUS_OK, node_for_object (answer));
}

static void
route_auth (Call *call)
{
  const char *what = call->segments[1];

  if (call->n_segments != 2)
    call_not_found_route (call);
  else if (g_str_equal (what, "currentCredential") && g_str_equal (call->method, "GET"))
    call_reply (call, SOUP_STATUS_OK, credential_to_json (call->credential));
  else if (g_str_equal (what, "logout") && g_str_equal (call->method, "POST"))
    {
      g_free (call->credential->status);
      call->credential->status = g_strdup ("expired");
      call->credential->expiration = server_now (call->self);
      call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (what, "details") && g_str_equal (call->method, "GET"))
    {
      JsonObject *object = json_object_new ();
      JsonArray *identities = json_array_new ();
      JsonArray *roles = json_array_new ();

      json_array_add_string_element (identities,
                                     "urn:v1:eu:identity:account:" OVH_SANDBOX_NICHANDLE);
      json_array_add_string_element (roles, "ADMIN");
      json_object_set_string_member (object, "account", OVH_SANDBOX_NICHANDLE);
      json_object_set_array_member (object, "allowedRoutes",
                                    rules_to_json (call->credential->rules));
      json_object_set_string_member (object, "description", "");
      json_object_set_array_member (object, "identities", identities);
      json_object_set_string_member (object, "method", "account");
      json_object_set_array_member (object, "roles", roles);
      json_object_set_null_member (object, "user");
      call_reply (call, SOUP_STATUS_OK, node_for_object (object));
    }
  else
    call_not_found_route (call);
}

/* Routes: /me ------------------------------------------------------------------------------ */

static int
compare_credentials (gconstpointer a, gconstpointer b)
{
  const SandboxCredential *ca = *(SandboxCredential **) a;
  const SandboxCredential *cb = *(SandboxCredential **) b;

  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

static void
route_me (Call *call)
{
  OvhSandbox *self = call->self;
  gboolean get = g_str_equal (call->method, "GET");
  gboolean delete = g_str_equal (call->method, "DELETE");
  gint64 id = 0;

  if (call->n_segments == 1 && get)
    {
      call_reply (call, SOUP_STATUS_OK, sandbox_seed_nichandle ());
      return;
    }
  if (call->n_segments < 3 || !g_str_equal (call->segments[1], "api"))
    {
      call_not_found_route (call);
      return;
    }

  if (g_str_equal (call->segments[2], "credential"))
    {
      SandboxCredential *credential;

      if (call->n_segments == 3 && get)
        {
          const char *application_id = call_query (call, "applicationId");
          const char *status = call_query (call, "status");
          g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
          JsonArray *array = json_array_new ();
          GHashTableIter iter;
          gint64 wanted_application = 0;

          if (application_id != NULL && !parse_id (application_id, &wanted_application))
            {
              json_array_unref (array);
              call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[applicationId] Given data (%s) is not valid for type long",
                          application_id);
              return;
            }

          g_hash_table_iter_init (&iter, self->credentials);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
            {
              credential_update_expiry (self, credential);
              if (application_id != NULL && credential->application_id != wanted_application)
                continue;
              if (status != NULL && !g_str_equal (status, credential->status))
                continue;
              g_ptr_array_add (sorted, credential);
            }
          g_ptr_array_sort (sorted, compare_credentials);
          for (guint i = 0; i < sorted->len; i++)
            json_array_add_int_element (array,
                                        ((SandboxCredential *) g_ptr_array_index (sorted, i))->id);
          call_reply (call, SOUP_STATUS_OK, node_for_array (array));
          return;
        }

      if (call->n_segments < 4 || !parse_id (call->segments[3], &id)
          || (credential = find_credential_by_id (self, id)) == NULL)
        {
          if (call->n_segments >= 4 && call->n_segments <= 5)
            call_error (call, SOUP_STATUS_NOT_FOUND,
                        "The requested object (credentialId = %s) does not exist",
                        call->segments[3]);
          else
            call_not_found_route (call);
          return;
        }
      credential_update_expiry (self, credential);

      if (call->n_segments == 4 && get)
        call_reply (call, SOUP_STATUS_OK, credential_to_json (credential));
      else if (call->n_segments == 4 && delete)
        {
          gboolean self_delete = credential == call->credential;

          g_hash_table_remove (self->credentials, credential->consumer_key);
          if (self_delete)
            call->credential = NULL;
          call_reply (call, SOUP_STATUS_OK, NULL);
        }
      else if (call->n_segments == 5 && get && g_str_equal (call->segments[4], "application"))
        {
          SandboxApplication *application
              = find_application_by_id (self, credential->application_id);

          if (application == NULL)
            call_error (call, SOUP_STATUS_NOT_FOUND, "This application does not exist");
          else
            call_reply (call, SOUP_STATUS_OK, application_to_json (application));
        }
      else
        call_not_found_route (call);
      return;
    }

  if (g_str_equal (call->segments[2], "application"))
    {
      SandboxApplication *application;

      if (call->n_segments == 3 && get)
        {
          JsonArray *array = json_array_new ();

          for (gint64 i = 1; i < self->next_application_id; i++)
            if (find_application_by_id (self, i) != NULL)
              json_array_add_int_element (array, i);
          call_reply (call, SOUP_STATUS_OK, node_for_array (array));
          return;
        }
      if (call->n_segments != 4 || !parse_id (call->segments[3], &id)
          || (application = find_application_by_id (self, id)) == NULL)
        {
          if (call->n_segments == 4)
            call_error (call, SOUP_STATUS_NOT_FOUND,
                        "The requested object (applicationId = %s) does not exist",
                        call->segments[3]);
          else
            call_not_found_route (call);
          return;
        }

      if (get)
        call_reply (call, SOUP_STATUS_OK, application_to_json (application));
      else if (delete)
        {
          GHashTableIter iter;
          SandboxCredential *credential;

          /* Deleting an application revokes every key it was given. */
          g_hash_table_iter_init (&iter, self->credentials);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
            if (credential->application_id == id)
              {
                if (credential == call->credential)
                  call->credential = NULL;
                g_hash_table_iter_remove (&iter);
              }
          g_hash_table_remove (self->applications, application->key);
          call_reply (call, SOUP_STATUS_OK, NULL);
        }
      else
        call_not_found_route (call);
      return;
    }

  call_not_found_route (call);
}

/* Routes: /domain/zone/{zone}/… ------------------------------------------------------------- */

static gboolean
record_conflicts (Call *call,
                  SandboxZone *zone,
                  const char *sub_domain,
                  const char *field_type,
                  gint64 ignored_id)
{
  gboolean is_cname = g_str_equal (field_type, "CNAME");

  if (is_cname && sub_domain[0] == '\0')
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST,
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
          call_error (call, SOUP_STATUS_BAD_REQUEST,
                      "A CNAME record cannot share its subDomain (%s) with another record",
                      sub_domain);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
target_is_valid (Call *call, const char *field_type, const char *target)
{
  g_autoptr (GInetAddress) address = NULL;

  if (target == NULL || target[0] == '\0')
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "[target] Property is mandatory");
      return FALSE;
    }
  if (g_str_equal (field_type, "A") || g_str_equal (field_type, "AAAA"))
    {
      GSocketFamily family
          = g_str_equal (field_type, "A") ? G_SOCKET_FAMILY_IPV4 : G_SOCKET_FAMILY_IPV6;

      address = g_inet_address_new_from_string (target);
      if (address == NULL || g_inet_address_get_family (address) != family)
        {
          call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid target for a %s record: %s",
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
route_record_create (Call *call, SandboxZone *zone)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = call_body_object (call, &body);
  const char *field_type = NULL;
  const char *sub_domain = "";
  const char *target = NULL;
  g_autofree char *stored = NULL;
  guint ttl = 0;
  SandboxRecord *record;

  if (request == NULL)
    return;

  if (!member_string (request, "fieldType", &field_type) || field_type == NULL)
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "[fieldType] Property is mandatory");
      return;
    }
  if (!sandbox_record_type_is_valid (field_type))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST,
                  "[fieldType] Given data (%s) does not belong to the "
                  "DomainZoneRecordTypeEnum enumeration",
                  field_type);
      return;
    }
  if (!member_string (request, "subDomain", &sub_domain)
      || !member_string (request, "target", &target))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid value: subDomain and target are strings");
      return;
    }
  if (!member_uint (request, "ttl", &ttl))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "[ttl] Given data is not valid for type long");
      return;
    }
  if (!target_is_valid (call, field_type, target)
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
      call_reply (call, SOUP_STATUS_OK, answer);
      return;
    }

  call_reply (call, SOUP_STATUS_OK, record_to_json (record, zone->name));
}

static void
route_record_update (Call *call, SandboxZone *zone, SandboxRecord *record)
{
  static const char *const read_only[] = { "fieldType", "id", "zone", NULL };
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = call_body_object (call, &body);
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
      call_error (call, SOUP_STATUS_BAD_REQUEST, "Try to alter read-only properties: %s", list);
      return;
    }

  if (!member_string (request, "subDomain", &sub_domain)
      || !member_string (request, "target", &target) || !member_uint (request, "ttl", &ttl))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid value in the record's properties");
      return;
    }
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

  call_reply (call, SOUP_STATUS_OK, NULL);
}

static void
route_records (Call *call, SandboxZone *zone)
{
  gboolean get = g_str_equal (call->method, "GET");
  SandboxRecord *record;
  gint64 id;

  if (call->n_segments == 4)
    {
      if (get)
        {
          const char *field_type = call_query (call, "fieldType");
          const char *sub_domain = call_query (call, "subDomain");
          g_autoptr (GPtrArray) matches = g_ptr_array_sized_new (zone->records->len);

          if (field_type != NULL && !sandbox_record_type_is_valid (field_type))
            {
              call_error (call, SOUP_STATUS_BAD_REQUEST,
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
          reply_list (call, matches, record_key, record_object);
        }
      else if (g_str_equal (call->method, "POST"))
        route_record_create (call, zone);
      else
        call_not_found_route (call);
      return;
    }

  if (call->n_segments != 5)
    {
      call_not_found_route (call);
      return;
    }
  if (!parse_id (call->segments[4], &id))
    {
      call_error (call, SOUP_STATUS_BAD_REQUEST, "[id] Given data (%s) is not valid for type long",
                  call->segments[4]);
      return;
    }
  record = g_hash_table_lookup (zone->by_id, &id);
  if (record == NULL)
    {
      call_error (call, SOUP_STATUS_NOT_FOUND, "The requested object (id = %s) does not exist",
                  call->segments[4]);
      return;
    }

  if (get)
    call_reply (call, SOUP_STATUS_OK, record_to_json (record, zone->name));
  else if (g_str_equal (call->method, "PUT"))
    route_record_update (call, zone, record);
  else if (g_str_equal (call->method, "DELETE"))
    {
      sandbox_zone_remove_record (zone, id);
      zone->deployed = FALSE;
      call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else
    call_not_found_route (call);
}

static SandboxHistoryEntry *
find_history_entry (SandboxZone *zone, const char *date)
{
  g_autoptr (GDateTime) wanted = g_date_time_new_from_iso8601 (date, NULL);

  for (guint i = 0; i < zone->history->len; i++)
    {
      SandboxHistoryEntry *entry = g_ptr_array_index (zone->history, i);
      g_autoptr (GDateTime) entry_date = NULL;

      if (g_str_equal (entry->date, date))
        return entry;
      /* The same instant written with another offset. */
      entry_date = g_date_time_new_from_iso8601 (entry->date, NULL);
      if (wanted != NULL && entry_date != NULL && g_date_time_equal (wanted, entry_date))
        return entry;
    }

  return NULL;
}

static void
route_zone (Call *call, SandboxZone *zone)
{
  OvhSandbox *self = call->self;
  gboolean get = g_str_equal (call->method, "GET");
  gboolean post = g_str_equal (call->method, "POST");
  const char *what;

  if (call->n_segments == 3)
    {
      if (get)
        call_reply (call, SOUP_STATUS_OK, zone_to_json (zone));
      else
        call_not_found_route (call);
      return;
    }

  what = call->segments[3];

  if (g_str_equal (what, "record"))
    route_records (call, zone);
  else if (call->n_segments == 4 && g_str_equal (what, "refresh") && post)
    {
      zone_publish (self, zone);
      call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else if (call->n_segments == 4 && g_str_equal (what, "soa") && get)
    {
      JsonObject *object = json_object_new ();
      JsonArray *name_servers = zone_name_servers (zone);

      json_object_set_string_member (object, "email", "tech.ovh.net");
      json_object_set_int_member (object, "expire", 3600000);
      json_object_set_int_member (object, "nxDomainTtl", 60);
      json_object_set_int_member (object, "refresh", 86400);
      json_object_set_int_member (object, "serial", zone->serial);
      json_object_set_string_member (object, "server",
                                     json_array_get_length (name_servers) > 0
                                         ? json_array_get_string_element (name_servers, 0)
                                         : "dns111.ovh.net");
      json_object_set_int_member (object, "ttl", 3600);
      json_array_unref (name_servers);
      call_reply (call, SOUP_STATUS_OK, node_for_object (object));
    }
  else if (call->n_segments == 4 && g_str_equal (what, "status") && get)
    {
      JsonObject *object = json_object_new ();

      json_object_set_boolean_member (object, "isDeployed", zone->deployed);
      json_object_set_array_member (object, "warnings", json_array_new ());
      json_object_set_array_member (object, "errors", json_array_new ());
      call_reply (call, SOUP_STATUS_OK, node_for_object (object));
    }
  else if (call->n_segments == 4 && g_str_equal (what, "export") && get)
    {
      JsonNode *node = json_node_new (JSON_NODE_VALUE);
      g_autofree char *zone_file = sandbox_zone_file_write (zone);

      json_node_set_string (node, zone_file);
      call_reply (call, SOUP_STATUS_OK, node);
    }
  else if (call->n_segments == 4 && g_str_equal (what, "import") && post)
    {
      g_autoptr (JsonNode) body = NULL;
      g_autoptr (GError) error = NULL;
      JsonObject *request = call_body_object (call, &body);
      const char *zone_file = NULL;
      GPtrArray *records;

      if (request == NULL)
        return;
      if (!member_string (request, "zoneFile", &zone_file) || zone_file == NULL)
        {
          call_error (call, SOUP_STATUS_BAD_REQUEST, "[zoneFile] Property is mandatory");
          return;
        }
      records = sandbox_zone_file_parse (zone->name, zone_file, &error);
      if (records == NULL)
        {
          call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid zone file: %s", error->message);
          return;
        }
      call_reply (call, SOUP_STATUS_OK,
                  task_to_json (zone_start_task (self, zone, "ZoneImport", records)));
    }
  else if (g_str_equal (what, "task") && get && call->n_segments <= 5)
    {
      gint64 id;

      if (call->n_segments == 4)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < zone->tasks->len; i++)
            json_array_add_int_element (array,
                                        ((SandboxTask *) g_ptr_array_index (zone->tasks, i))->id);
          call_reply (call, SOUP_STATUS_OK, node_for_array (array));
          return;
        }
      if (parse_id (call->segments[4], &id))
        for (guint i = 0; i < zone->tasks->len; i++)
          {
            SandboxTask *task = g_ptr_array_index (zone->tasks, i);

            if (task->id == id)
              {
                call_reply (call, SOUP_STATUS_OK, task_to_json (task));
                return;
              }
          }
      call_error (call, SOUP_STATUS_NOT_FOUND, "The requested object (id = %s) does not exist",
                  call->segments[4]);
    }
  else if (g_str_equal (what, "history") && call->n_segments <= 6)
    {
      SandboxHistoryEntry *entry;

      if (call->n_segments == 4 && get)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < zone->history->len; i++)
            json_array_add_string_element (
                array, ((SandboxHistoryEntry *) g_ptr_array_index (zone->history, i))->date);
          call_reply (call, SOUP_STATUS_OK, node_for_array (array));
          return;
        }
      if (call->n_segments < 5)
        {
          call_not_found_route (call);
          return;
        }
      entry = find_history_entry (zone, call->segments[4]);
      if (entry == NULL)
        {
          call_error (call, SOUP_STATUS_NOT_FOUND,
                      "The requested object (creationDate = %s) does not exist", call->segments[4]);
          return;
        }
      if (call->n_segments == 5 && get)
        {
          JsonObject *object = json_object_new ();
          g_autofree char *escaped_zone = g_uri_escape_string (zone->name, NULL, FALSE);
          g_autofree char *escaped_date = g_uri_escape_string (entry->date, NULL, FALSE);
          g_autofree char *url = g_strdup_printf ("%s/sandbox/history/%s/%s", self->root_url,
                                                  escaped_zone, escaped_date);

          json_object_set_string_member (object, "creationDate", entry->date);
          json_object_set_string_member (object, "zoneFileUrl", url);
          call_reply (call, SOUP_STATUS_OK, node_for_object (object));
        }
      else if (call->n_segments == 6 && post && g_str_equal (call->segments[5], "restore"))
        {
          g_autoptr (GError) error = NULL;
          GPtrArray *records = sandbox_zone_file_parse (zone->name, entry->zone_file, &error);

          if (records == NULL)
            {
              call_error (call, SOUP_STATUS_BAD_REQUEST, "Cannot restore: %s", error->message);
              return;
            }
          call_reply (call, SOUP_STATUS_OK,
                      task_to_json (zone_start_task (self, zone, "ZoneRestore", records)));
        }
      else
        call_not_found_route (call);
    }
  else if (call->n_segments == 4 && g_str_equal (what, "dnssec"))
    {
      if (get)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "status", zone->dnssec ? "enabled" : "disabled");
          call_reply (call, SOUP_STATUS_OK, node_for_object (object));
        }
      else if (post || g_str_equal (call->method, "DELETE"))
        {
          zone->dnssec = post;
          call_reply (call, SOUP_STATUS_OK, NULL);
        }
      else
        call_not_found_route (call);
    }
  else
    call_not_found_route (call);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
route_domain (Call *call)
{
  OvhSandbox *self = call->self;
  gboolean get = g_str_equal (call->method, "GET");

  if (call->n_segments == 1)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      if (!get)
        {
          call_not_found_route (call);
          return;
        }
      for (guint i = 0; i < self->domains->len; i++)
        g_ptr_array_add (names, ((SandboxDomain *) g_ptr_array_index (self->domains, i))->name);
      reply_list (call, names, name_key, domain_object);
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
              call_not_found_route (call);
              return;
            }
          g_hash_table_iter_init (&iter, self->zones);
          while (g_hash_table_iter_next (&iter, &name, NULL))
            g_ptr_array_add (names, name);
          g_ptr_array_sort (names, compare_strings);
          reply_list (call, names, name_key, zone_object);
          return;
        }

      zone = g_hash_table_lookup (self->zones, call->segments[2]);
      if (zone == NULL)
        {
          call_error (call, SOUP_STATUS_NOT_FOUND, "This service does not exist");
          return;
        }
      route_zone (call, zone);
      return;
    }

  if (call->n_segments == 2 && get)
    {
      for (guint i = 0; i < self->domains->len; i++)
        {
          SandboxDomain *domain = g_ptr_array_index (self->domains, i);

          if (g_str_equal (domain->name, call->segments[1]))
            {
              call_reply (call, SOUP_STATUS_OK, domain_to_json (self, domain, i));
              return;
            }
        }
      call_error (call, SOUP_STATUS_NOT_FOUND, "This service does not exist");
      return;
    }

  call_not_found_route (call);
}

static void
route_call (Call *call)
{
  const char *first = call->n_segments > 0 ? call->segments[0] : "";

  if (g_str_equal (first, "auth"))
    route_auth (call);
  else if (g_str_equal (first, "me"))
    route_me (call);
  else if (g_str_equal (first, "domain"))
    route_domain (call);
  else
    call_not_found_route (call);
}

/* X-Ovh-Batch: the last segment holds several keys; each is answered as its own call. */
static void
route_batch (Call *call, const char *separator)
{
  guint last = call->n_segments - 1;
  char *original = call->segments[last];
  g_auto (GStrv) keys = g_strsplit (original, separator, -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      JsonObject *wrapper = json_object_new ();
      Call item = *call;

      item.reply = NULL;
      item.raw_reply = NULL;
      item.msg = NULL; /* no pagination inside a batch */
      item.status = SOUP_STATUS_OK;
      call->segments[last] = keys[i];
      route_call (&item);
      call->segments[last] = original;

      json_object_set_string_member (wrapper, "key", keys[i]);
      if (item.status == SOUP_STATUS_OK)
        {
          json_object_set_member (wrapper, "value",
                                  item.reply != NULL ? json_node_ref (item.reply)
                                                     : json_node_new (JSON_NODE_NULL));
          json_object_set_null_member (wrapper, "error");
        }
      else
        {
          JsonObject *error = item.reply != NULL && JSON_NODE_HOLDS_OBJECT (item.reply)
                                  ? json_node_get_object (item.reply)
                                  : NULL;

          json_object_set_null_member (wrapper, "value");
          json_object_set_string_member (wrapper, "error",
                                         error != NULL && json_object_has_member (error, "message")
                                             ? json_object_get_string_member (error, "message")
                                             : "Error");
        }
      g_clear_pointer (&item.reply, json_node_unref);
      g_clear_pointer (&item.raw_reply, g_free);
      json_array_add_object_element (array, wrapper);
    }

  call->segments[last] = original;
  call_reply (call, SOUP_STATUS_OK, node_for_array (array));
}

/* Authentication ------------------------------------------------------------------------------ */

/* The URL the client signed: scheme, the Host it sent, the path and query as received. */
static char *
received_url (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *host
      = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Host");
  GString *url = g_string_new (g_uri_get_scheme (uri));

  g_string_append (url, "://");
  if (host != NULL)
    g_string_append (url, host);
  else
    g_string_append_printf (url, "%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  g_string_append (url, g_uri_get_path (uri));
  if (g_uri_get_query (uri) != NULL)
    g_string_append_printf (url, "?%s", g_uri_get_query (uri));

  return g_string_free (url, FALSE);
}

static gboolean
rules_allow (GPtrArray *rules, const char *method, const char *path)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const SandboxRule *rule = g_ptr_array_index (rules, i);

      if (g_str_equal (rule->method, method) && g_pattern_match_simple (rule->path, path))
        return TRUE;
    }

  return FALSE;
}

/* Every check OVH makes, in its order. On failure the call holds OVH's error. */
static gboolean
authenticate (Call *call, const char *api_path)
{
  OvhSandbox *self = call->self;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (call->msg);
  const char *application_key = soup_message_headers_get_one (headers, "X-Ovh-Application");
  const char *consumer_key = soup_message_headers_get_one (headers, "X-Ovh-Consumer");
  const char *timestamp_text = soup_message_headers_get_one (headers, "X-Ovh-Timestamp");
  const char *signature = soup_message_headers_get_one (headers, "X-Ovh-Signature");
  SandboxApplication *application = NULL;
  SandboxCredential *credential = NULL;
  g_autofree char *url = NULL;
  gint64 timestamp;

  if (application_key != NULL)
    application = g_hash_table_lookup (self->applications, application_key);
  if (application == NULL)
    {
      call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_KEY", "Invalid application key");
      return FALSE;
    }

  if (consumer_key == NULL)
    {
      call_auth_error (call, SOUP_STATUS_UNAUTHORIZED, "NOT_CREDENTIAL", "You must login first");
      return FALSE;
    }
  credential = g_hash_table_lookup (self->credentials, consumer_key);
  if (credential == NULL || credential->application_id != application->id)
    {
      call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_CREDENTIAL",
                       "This credential does not exist");
      return FALSE;
    }

  if (timestamp_text == NULL
      || !g_ascii_string_to_signed (timestamp_text, 10, 0, G_MAXINT64, &timestamp, NULL)
      || ABS (timestamp - server_now (self)) > TIME_WINDOW)
    {
      call_auth_error (call, SOUP_STATUS_BAD_REQUEST, "QUERY_TIME_OUT", "Query out of time");
      return FALSE;
    }

  url = received_url (call->msg);
  if (!ovh_signer_verify (signature, application->secret, consumer_key, call->method, url,
                          call->body, call->body_length, timestamp))
    {
      call_auth_error (call, SOUP_STATUS_BAD_REQUEST, "INVALID_SIGNATURE", "Invalid signature");
      return FALSE;
    }

  credential_update_expiry (self, credential);
  if (!g_str_equal (credential->status, "validated"))
    {
      call_auth_error (call, SOUP_STATUS_FORBIDDEN, "INVALID_CREDENTIAL",
                       "This credential is not valid");
      return FALSE;
    }

  /* The /auth routes belong to every valid credential: it is how a key learns about itself. */
  if (!g_str_has_prefix (api_path, "/auth/")
      && !rules_allow (credential->rules, call->method, api_path))
    {
      call_auth_error (call, SOUP_STATUS_FORBIDDEN, "NOT_GRANTED_CALL",
                       "This call has not been granted");
      return FALSE;
    }

  credential->last_use = server_now (self);
  call->credential = credential;
  return TRUE;
}

/* A sliding minute per consumer key. */
static gboolean
rate_limit_allows (Call *call)
{
  OvhSandbox *self = call->self;
  GQueue *recent = &call->credential->recent_calls;
  gint64 now = g_get_monotonic_time ();
  gint64 *stamp;

  while ((stamp = g_queue_peek_head (recent)) != NULL && *stamp <= now - RATE_WINDOW_USEC)
    g_free (g_queue_pop_head (recent));

  if (self->rate_limit > 0 && g_queue_get_length (recent) >= self->rate_limit)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (recent);
      gint64 wait = (oldest + RATE_WINDOW_USEC - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      char text[32];

      /* A fixed Retry-After is kept as a promise: the calls that filled the window all leave
       * it when that wait is over (until then, later calls hear the time that is left). */
      if (self->retry_after > 0 && wait > self->retry_after)
        {
          gint64 forgiven = now + (gint64) self->retry_after * G_USEC_PER_SEC - RATE_WINDOW_USEC;

          for (GList *l = recent->head; l != NULL; l = l->next)
            *(gint64 *) l->data = MIN (*(gint64 *) l->data, forgiven);
          wait = self->retry_after;
        }

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, MAX (wait, 1));
      soup_message_headers_replace (soup_server_message_get_response_headers (call->msg),
                                    "Retry-After", text);
      call_auth_error (call, STATUS_TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                       "Too many requests, retry later");
      return FALSE;
    }

  stamp = g_new (gint64, 1);
  *stamp = now;
  g_queue_push_tail (recent, stamp);
  return TRUE;
}

/* The credential page ------------------------------------------------------------------------- */

static SandboxCredential *
find_credential_by_token (OvhSandbox *self, const char *token)
{
  GHashTableIter iter;
  SandboxCredential *credential;

  if (token == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, self->credentials);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
    if (g_str_equal (credential->token, token))
      return credential;

  return NULL;
}

static void
call_html (Call *call, guint status, char *html)
{
  call_reply (call, status, NULL);
  call->raw_reply = html;
  call->content_type = "text/html; charset=utf-8";
}

static void
serve_credential_page (Call *call)
{
  OvhSandbox *self = call->self;
  gboolean post = g_str_equal (call->method, "POST");
  g_autoptr (GHashTable) form = NULL;
  SandboxCredential *credential;
  SandboxApplication *application;
  const char *token;

  if (post)
    {
      g_autofree char *text = g_strndup (call->body, call->body_length);
      form = soup_form_decode (text);
      token = g_hash_table_lookup (form, "credentialToken");
    }
  else if (g_str_equal (call->method, "GET"))
    token = call->query != NULL ? g_hash_table_lookup (call->query, "credentialToken") : NULL;
  else
    {
      call_html (call, SOUP_STATUS_METHOD_NOT_ALLOWED,
                 sandbox_page_message ("Not allowed", "Use the link the application gave you."));
      return;
    }

  credential = find_credential_by_token (self, token);
  application
      = credential != NULL ? find_application_by_id (self, credential->application_id) : NULL;
  if (credential == NULL || application == NULL)
    {
      call_html (
          call, SOUP_STATUS_NOT_FOUND,
          sandbox_page_message ("Unknown request",
                                "This link is not valid: ask the application for a new one."));
      return;
    }
  if (!g_str_equal (credential->status, "pendingValidation"))
    {
      call_html (call, SOUP_STATUS_OK,
                 sandbox_page_message ("Already answered",
                                       "This request was already authorized or refused."));
      return;
    }

  if (post)
    {
      const char *action = g_hash_table_lookup (form, "action");
      const char *login = g_hash_table_lookup (form, "login");
      const char *password = g_hash_table_lookup (form, "password");
      const char *duration = g_hash_table_lookup (form, "duration");
      gboolean authorize = g_strcmp0 (action, "authorize") == 0;
      guint64 seconds = 0;

      if (authorize
          && (password == NULL || !g_str_equal (password, OVH_SANDBOX_DEMO_PASSWORD)
              || login == NULL
              || (g_ascii_strcasecmp (login, OVH_SANDBOX_NICHANDLE) != 0
                  && g_ascii_strcasecmp (login, OVH_SANDBOX_EMAIL) != 0)))
        {
          SandboxPageForm page = { credential->token, application->name, application->description,
                                   credential->rules, "Invalid account or password." };
          call_html (call, SOUP_STATUS_FORBIDDEN, sandbox_page_form (&page));
          return;
        }
      if (authorize && duration != NULL
          && !g_ascii_string_to_unsigned (duration, 10, 0, G_MAXUINT32, &seconds, NULL))
        seconds = 0;

      g_free (credential->status);
      credential->status = g_strdup (authorize ? "validated" : "refused");
      credential->expiration = authorize && seconds > 0 ? server_now (self) + (gint64) seconds : 0;

      if (credential->redirection != NULL && credential->redirection[0] != '\0')
        {
          call_html (call, SOUP_STATUS_SEE_OTHER,
                     sandbox_page_message ("Redirecting", credential->redirection));
          soup_message_headers_replace (soup_server_message_get_response_headers (call->msg),
                                        "Location", credential->redirection);
        }
      else if (authorize)
        call_html (call, SOUP_STATUS_OK,
                   sandbox_page_message ("Access granted",
                                         "The application can now use your account. "
                                         "You may close this window."));
      else
        call_html (call, SOUP_STATUS_OK,
                   sandbox_page_message ("Access refused",
                                         "The application was not given access to your account."));
      return;
    }

  {
    SandboxPageForm page = { credential->token, application->name, application->description,
                             credential->rules, NULL };
    call_html (call, SOUP_STATUS_OK, sandbox_page_form (&page));
  }
}

/* zoneFileUrl of a history version: plain text, no authentication (a pre-signed URL at OVH). */
static void
serve_history_file (Call *call)
{
  SandboxZone *zone
      = call->n_segments == 4 ? g_hash_table_lookup (call->self->zones, call->segments[2]) : NULL;
  SandboxHistoryEntry *entry = zone != NULL ? find_history_entry (zone, call->segments[3]) : NULL;

  if (entry == NULL)
    {
      call_html (call, SOUP_STATUS_NOT_FOUND, sandbox_page_message ("Not found", "No such file."));
      return;
    }
  call_reply (call, SOUP_STATUS_OK, NULL);
  call->raw_reply = g_strdup (entry->zone_file);
  call->content_type = "text/plain; charset=utf-8";
}

/* Request handling ---------------------------------------------------------------------------- */

static Fault *
take_fault (OvhSandbox *self, const char *method, const char *path)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      Fault *fault = g_ptr_array_index (self->faults, i);

      if (fault->method != NULL && !g_str_equal (fault->method, method))
        continue;
      if (!g_pattern_match_simple (fault->path_glob, path))
        continue;
      return fault;
    }

  return NULL;
}

static char **
split_segments (const char *path, guint *n_segments)
{
  g_auto (GStrv) raw = g_strsplit (path[0] == '/' ? path + 1 : path, "/", -1);
  GPtrArray *segments = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *segment = g_uri_unescape_string (raw[i], NULL);
      g_ptr_array_add (segments, segment != NULL ? segment : g_strdup (""));
    }
  *n_segments = segments->len;
  g_ptr_array_add (segments, NULL);

  return (char **) g_ptr_array_free (segments, FALSE);
}

static void
handle_request (OvhSandbox *self, SoupServerMessage *msg)
{
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  GUri *uri = soup_server_message_get_uri (msg);
  const char *raw_path = g_uri_get_path (uri);
  const char *raw_query = g_uri_get_query (uri);
  g_autofree char *query_id = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *api_path = NULL;
  OvhSandboxRequest *log_entry;
  gboolean is_api;
  gboolean dropped = FALSE;
  Fault *fault;
  Call call = { 0 };
  gsize body_length;

  call.self = self;
  call.msg = msg;
  call.method = soup_server_message_get_method (msg);
  call.body = g_bytes_get_data (body, &body_length);
  call.body_length = body_length;
  call.status = SOUP_STATUS_OK;
  if (raw_query != NULL)
    call.query = soup_form_decode (raw_query);

  g_mutex_lock (&self->mutex);

  query_id = g_strdup_printf ("EU.ext-%u.%08x.%" G_GUINT64_FORMAT ".%08x", self->port % 10,
                              (guint) server_now (self), ++self->query_serial, g_random_int ());
  soup_message_headers_replace (response_headers, "X-Ovh-QueryID", query_id);

  is_api = g_str_has_prefix (raw_path, API_PREFIX "/");
  api_path = g_strdup (is_api ? raw_path + strlen (API_PREFIX) : raw_path);
  log_path
      = raw_query != NULL ? g_strdup_printf ("%s?%s", api_path, raw_query) : g_strdup (api_path);
  call.segments = split_segments (api_path, &call.n_segments);

  fault = take_fault (self, call.method, api_path);
  if (fault != NULL)
    {
      OvhSandboxFault kind = fault->fault;

      if (fault->remaining > 0 && --fault->remaining == 0)
        g_ptr_array_remove (self->faults, fault);

      switch (kind)
        {
        case OVH_SANDBOX_FAULT_HTTP_500:
          call_auth_error (&call, SOUP_STATUS_INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR",
                           "Internal server error");
          break;
        case OVH_SANDBOX_FAULT_DROP:
          {
            GSocket *socket = soup_server_message_get_socket (msg);

            if (socket != NULL)
              g_socket_shutdown (socket, TRUE, TRUE, NULL);
            call.status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
            dropped = TRUE;
          }
          break;
        case OVH_SANDBOX_FAULT_MALFORMED:
          call_reply (&call, SOUP_STATUS_OK, NULL);
          call.raw_reply = g_strdup ("{\"id\": 1, \"zone\": \"<html>Bad Gateway");
          call.content_type = "application/json; charset=utf-8";
          break;
        case OVH_SANDBOX_FAULT_NONE:
        default:
          fault = NULL;
          break;
        }
    }

  if (fault != NULL)
    ; /* answered above */
  else if (!is_api)
    {
      if (g_str_equal (api_path, "/auth/") || g_str_equal (api_path, "/auth"))
        serve_credential_page (&call);
      else if (g_str_has_prefix (api_path, "/sandbox/history/"))
        serve_history_file (&call);
      else
        call_not_found_route (&call);
    }
  else if (g_str_equal (api_path, "/auth/time"))
    {
      if (g_str_equal (call.method, "GET"))
        {
          JsonNode *node = json_node_new (JSON_NODE_VALUE);

          json_node_set_int (node, server_now (self));
          call_reply (&call, SOUP_STATUS_OK, node);
        }
      else
        call_not_found_route (&call);
    }
  else if (g_str_equal (api_path, "/auth/credential"))
    {
      if (g_str_equal (call.method, "POST"))
        route_auth_credential (&call);
      else
        call_not_found_route (&call);
    }
  else if (authenticate (&call, api_path) && rate_limit_allows (&call))
    {
      const char *batch = soup_message_headers_get_one (
          soup_server_message_get_request_headers (msg), "X-Ovh-Batch");

      if (self->batch && batch != NULL && batch[0] != '\0' && g_str_equal (call.method, "GET")
          && call.n_segments > 0 && strstr (call.segments[call.n_segments - 1], batch) != NULL)
        route_batch (&call, batch);
      else
        route_call (&call);
    }

  log_entry = g_new0 (OvhSandboxRequest, 1);
  log_entry->method = g_strdup (call.method);
  log_entry->path = g_strdup (log_path);
  log_entry->body = body_length > 0 ? g_strndup (call.body, body_length) : NULL;
  log_entry->status = dropped ? 0 : call.status;
  g_ptr_array_add (self->request_log, log_entry);

  g_mutex_unlock (&self->mutex);

  /* The answer is the call's own copy: serialize it outside the lock. */
  if (!dropped)
    {
      if (call.raw_reply != NULL)
        {
          gsize length = strlen (call.raw_reply);

          soup_server_message_set_response (msg, call.content_type, SOUP_MEMORY_TAKE,
                                            g_steal_pointer (&call.raw_reply), length);
        }
      else
        {
          char *json = call.reply != NULL ? json_to_string (call.reply, FALSE) : g_strdup ("null");

          soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                            SOUP_MEMORY_TAKE, json, strlen (json));
        }
      soup_server_message_set_status (msg, call.status, NULL);
    }

  g_clear_pointer (&call.reply, json_node_unref);
  g_clear_pointer (&call.raw_reply, g_free);
  g_clear_pointer (&call.query, g_hash_table_unref);
  g_strfreev (call.segments);
}

typedef struct
{
  OvhSandbox *self;
  SoupServerMessage *msg;
} DelayedRequest;

static void
delayed_request_free (DelayedRequest *delayed)
{
  g_object_unref (delayed->msg);
  g_free (delayed);
}

static gboolean
delayed_request_cb (gpointer data)
{
  DelayedRequest *delayed = data;

  g_mutex_lock (&delayed->self->mutex);
  untrack_source (delayed->self, g_main_current_source ());
  g_mutex_unlock (&delayed->self->mutex);

  handle_request (delayed->self, delayed->msg);
  soup_server_message_unpause (delayed->msg);

  return G_SOURCE_REMOVE;
}

static void
server_callback (SoupServer *server,
                 SoupServerMessage *msg,
                 const char *path,
                 GHashTable *query,
                 gpointer user_data)
{
  OvhSandbox *self = user_data;
  guint latency_ms;

  g_mutex_lock (&self->mutex);
  latency_ms = self->latency_ms;
  if (latency_ms > 0)
    {
      DelayedRequest *delayed = g_new0 (DelayedRequest, 1);
      GSource *source = g_timeout_source_new (latency_ms);

      /* Paused, not slept: other clients are served meanwhile. */
      soup_server_message_pause (msg);
      delayed->self = self;
      delayed->msg = g_object_ref (msg);
      g_source_set_callback (source, delayed_request_cb, delayed,
                             (GDestroyNotify) delayed_request_free);
      track_source (self, source);
      g_source_unref (source);
    }
  g_mutex_unlock (&self->mutex);

  if (latency_ms == 0)
    handle_request (self, msg);
}

/* The server thread -------------------------------------------------------------------------- */

static gpointer
server_thread (gpointer data)
{
  OvhSandbox *self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  gboolean listening = FALSE;

  g_main_context_push_thread_default (self->context);

  if (self->tls)
    {
      g_autoptr (GTlsCertificate) certificate
          = g_tls_certificate_new_from_files (self->cert_file, self->key_file, &error);

      if (certificate != NULL)
        server = soup_server_new ("tls-certificate", certificate, NULL);
    }
  else
    server = soup_server_new (NULL, NULL);

  if (server != NULL)
    {
      soup_server_add_handler (server, NULL, server_callback, self, NULL);
      address = g_inet_socket_address_new_from_string ("127.0.0.1", self->requested_port);
      listening
          = soup_server_listen (server, address, self->tls ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
    }

  g_mutex_lock (&self->mutex);
  if (listening)
    {
      GSList *uris = soup_server_get_uris (server);

      self->port = (guint) g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
      self->server = server;
    }
  else
    self->start_error = g_steal_pointer (&error);
  self->ready = TRUE;
  g_cond_broadcast (&self->ready_cond);
  g_mutex_unlock (&self->mutex);

  if (listening)
    g_main_loop_run (self->loop);

  if (server != NULL)
    soup_server_disconnect (server);

  g_mutex_lock (&self->mutex);
  self->server = NULL;
  /* Answers still waiting and tasks not run die with the server. */
  while (self->pending_sources->len > 0)
    {
      GSource *source = g_ptr_array_steal_index_fast (self->pending_sources, 0);

      g_mutex_unlock (&self->mutex);
      g_source_destroy (source);
      g_source_unref (source);
      g_mutex_lock (&self->mutex);
    }
  g_mutex_unlock (&self->mutex);

  g_clear_object (&server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

gboolean
ovh_sandbox_start (OvhSandbox *self, guint port, gboolean tls, GError **error)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  if (tls && self->cert_file == NULL)
    {
      g_autofree char *directory = g_dir_make_tmp ("domaine-sandbox-XXXXXX", error);
      char *cert_file = NULL;
      char *key_file = NULL;

      if (directory == NULL || !sandbox_tls_generate (directory, &cert_file, &key_file, error))
        {
          if (directory != NULL)
            g_rmdir (directory);
          return FALSE;
        }
      g_mutex_lock (&self->mutex);
      self->tls_dir = g_steal_pointer (&directory);
      self->cert_file = cert_file;
      self->key_file = key_file;
      g_mutex_unlock (&self->mutex);
    }

  g_mutex_lock (&self->mutex);
  self->tls = tls;
  self->requested_port = port;
  self->ready = FALSE;
  g_clear_error (&self->start_error);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("ovh-sandbox", server_thread, self);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->mutex);

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->start_error));
      g_mutex_unlock (&self->mutex);
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      return FALSE;
    }

  g_free (self->root_url);
  g_free (self->base_url);
  self->root_url = g_strdup_printf ("%s://127.0.0.1:%u", tls ? "https" : "http", self->port);
  self->base_url = g_strconcat (self->root_url, API_PREFIX, NULL);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
ovh_sandbox_stop (OvhSandbox *self)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  if (self->thread == NULL)
    return;

  /* Quit from inside the loop: a quit before run would be lost. */
  g_main_context_invoke (self->context, quit_loop_cb, self->loop);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

const char *
ovh_sandbox_get_base_url (OvhSandbox *self)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);
  return self->base_url;
}

const char *
ovh_sandbox_get_ca_file (OvhSandbox *self)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);
  return self->cert_file;
}

guint
ovh_sandbox_get_port (OvhSandbox *self)
{
  g_return_val_if_fail (OVH_IS_SANDBOX (self), 0);
  return self->port;
}

gboolean
ovh_sandbox_set_tls_certificate_files (OvhSandbox *self,
                                       const char *cert_pem,
                                       const char *key_pem,
                                       GError **error)
{
  g_autoptr (GTlsCertificate) certificate = NULL;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->thread == NULL, FALSE);

  certificate = g_tls_certificate_new_from_files (cert_pem, key_pem, error);
  if (certificate == NULL)
    return FALSE;

  g_mutex_lock (&self->mutex);
  g_free (self->cert_file);
  g_free (self->key_file);
  self->cert_file = g_strdup (cert_pem);
  self->key_file = g_strdup (key_pem);
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

/* Applications and credentials --------------------------------------------------------------- */

static SandboxApplication *
add_application_locked (OvhSandbox *self,
                        const char *key,
                        const char *secret,
                        const char *name,
                        const char *description)
{
  SandboxApplication *application = g_new0 (SandboxApplication, 1);

  application->id = self->next_application_id++;
  application->key = g_strdup (key);
  application->secret = g_strdup (secret);
  application->name = g_strdup (name);
  application->description = g_strdup (description != NULL ? description : "");
  g_hash_table_replace (self->applications, application->key, application);

  return application;
}

static SandboxCredential *
add_credential_locked (OvhSandbox *self,
                       SandboxApplication *application,
                       const char *consumer_key,
                       GPtrArray *rules,
                       guint validity_seconds)
{
  SandboxCredential *credential = g_new0 (SandboxCredential, 1);

  credential->id = self->next_credential_id++;
  credential->application_id = application->id;
  credential->consumer_key = g_strdup (consumer_key);
  credential->token = sandbox_random_token (64);
  credential->status = g_strdup ("validated");
  credential->rules = rules;
  credential->creation = server_now (self);
  credential->expiration = validity_seconds > 0 ? credential->creation + validity_seconds : 0;
  g_queue_init (&credential->recent_calls);
  g_hash_table_replace (self->credentials, credential->consumer_key, credential);

  return credential;
}

static GPtrArray *
all_rights (void)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);

  g_ptr_array_add (rules, sandbox_rule_new ("GET", "/*"));
  g_ptr_array_add (rules, sandbox_rule_new ("POST", "/*"));
  g_ptr_array_add (rules, sandbox_rule_new ("PUT", "/*"));
  g_ptr_array_add (rules, sandbox_rule_new ("DELETE", "/*"));

  return rules;
}

void
ovh_sandbox_add_application (OvhSandbox *self,
                             const char *application_key,
                             const char *application_secret,
                             const char *name)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));
  g_return_if_fail (application_key != NULL && application_secret != NULL);

  g_mutex_lock (&self->mutex);
  add_application_locked (self, application_key, application_secret,
                          name != NULL ? name : application_key, NULL);
  g_mutex_unlock (&self->mutex);
}

char *
ovh_sandbox_create_credential (OvhSandbox *self,
                               const char *application_key,
                               const char *const *rules,
                               guint validity_seconds)
{
  SandboxApplication *application;
  GPtrArray *rule_array;
  char *consumer_key;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  if (rules == NULL)
    rule_array = all_rights ();
  else
    {
      rule_array = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);
      for (guint i = 0; rules[i] != NULL; i++)
        {
          g_auto (GStrv) parts = g_strsplit (rules[i], " ", 2);

          g_return_val_if_fail (parts[0] != NULL && parts[1] != NULL, NULL);
          g_ptr_array_add (rule_array, sandbox_rule_new (parts[0], parts[1]));
        }
    }

  g_mutex_lock (&self->mutex);
  application = g_hash_table_lookup (
      self->applications, application_key != NULL ? application_key : OVH_SANDBOX_APPLICATION_KEY);
  if (application == NULL)
    {
      g_mutex_unlock (&self->mutex);
      g_ptr_array_unref (rule_array);
      return NULL;
    }
  consumer_key = sandbox_random_token (32);
  add_credential_locked (self, application, consumer_key, rule_array, validity_seconds);
  g_mutex_unlock (&self->mutex);

  return consumer_key;
}

static gboolean
set_credential_status (OvhSandbox *self,
                       const char *consumer_key,
                       const char *status,
                       gint64 expiration,
                       gboolean set_expiration)
{
  SandboxCredential *credential;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (consumer_key != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  credential = g_hash_table_lookup (self->credentials, consumer_key);
  if (credential != NULL)
    {
      g_free (credential->status);
      credential->status = g_strdup (status);
      if (set_expiration)
        credential->expiration = expiration;
    }
  g_mutex_unlock (&self->mutex);

  return credential != NULL;
}

gboolean
ovh_sandbox_validate_credential (OvhSandbox *self, const char *consumer_key, guint validity_seconds)
{
  gint64 expiration = validity_seconds > 0 ? server_now (self) + validity_seconds : 0;

  return set_credential_status (self, consumer_key, "validated", expiration, TRUE);
}

gboolean
ovh_sandbox_refuse_credential (OvhSandbox *self, const char *consumer_key)
{
  return set_credential_status (self, consumer_key, "refused", 0, FALSE);
}

gboolean
ovh_sandbox_expire_credential (OvhSandbox *self, const char *consumer_key)
{
  return set_credential_status (self, consumer_key, "expired", server_now (self), TRUE);
}

char *
ovh_sandbox_dup_consumer_key_for_token (OvhSandbox *self, const char *credential_token)
{
  SandboxCredential *credential;
  char *consumer_key;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  credential = find_credential_by_token (self, credential_token);
  consumer_key = credential != NULL ? g_strdup (credential->consumer_key) : NULL;
  g_mutex_unlock (&self->mutex);

  return consumer_key;
}

char *
ovh_sandbox_dup_credential_status (OvhSandbox *self, const char *consumer_key)
{
  SandboxCredential *credential;
  char *status = NULL;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  credential = consumer_key != NULL ? g_hash_table_lookup (self->credentials, consumer_key) : NULL;
  if (credential != NULL)
    {
      credential_update_expiry (self, credential);
      status = g_strdup (credential->status);
    }
  g_mutex_unlock (&self->mutex);

  return status;
}

/* Data ------------------------------------------------------------------------------------------
 */

void
ovh_sandbox_add_generated_zone (OvhSandbox *self, const char *zone_name, guint n_records)
{
  SandboxZone *zone;

  g_return_if_fail (OVH_IS_SANDBOX (self));
  g_return_if_fail (zone_name != NULL);

  g_mutex_lock (&self->mutex);
  zone = g_hash_table_lookup (self->zones, zone_name);
  if (zone == NULL)
    {
      zone = sandbox_zone_new (zone_name);
      g_hash_table_insert (self->zones, zone->name, zone);
    }
  sandbox_seed_generate_records (zone, n_records, &self->next_record_id);
  zone_publish (self, zone);
  g_mutex_unlock (&self->mutex);
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

  node = node_for_array (array);
  return json_to_string (node, FALSE);
}

guint
ovh_sandbox_get_zone_serial (OvhSandbox *self, const char *zone_name)
{
  SandboxZone *zone;
  guint serial;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), 0);

  g_mutex_lock (&self->mutex);
  zone = g_hash_table_lookup (self->zones, zone_name);
  serial = zone != NULL ? zone->serial : 0;
  g_mutex_unlock (&self->mutex);

  return serial;
}

gboolean
ovh_sandbox_get_zone_deployed (OvhSandbox *self, const char *zone_name)
{
  SandboxZone *zone;
  gboolean deployed;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);

  g_mutex_lock (&self->mutex);
  zone = g_hash_table_lookup (self->zones, zone_name);
  deployed = zone != NULL && zone->deployed;
  g_mutex_unlock (&self->mutex);

  return deployed;
}

/* Fidelity switches and faults --------------------------------------------------------------- */

void
ovh_sandbox_set_latency_ms (OvhSandbox *self, guint latency_ms)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->latency_ms = latency_ms;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_rate_limit (OvhSandbox *self, guint requests_per_minute)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->rate_limit = requests_per_minute;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_retry_after (OvhSandbox *self, guint seconds)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->retry_after = seconds;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_create_answers_id_zero (OvhSandbox *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->create_answers_id_zero = !!enabled;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_clock_offset (OvhSandbox *self, gint64 seconds)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->clock_offset = seconds;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_expanded_lists (OvhSandbox *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->expanded_lists = !!enabled;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_set_batch (OvhSandbox *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->batch = !!enabled;
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_inject_fault (
    OvhSandbox *self, const char *method, const char *path_glob, OvhSandboxFault fault, guint count)
{
  Fault *entry;

  g_return_if_fail (OVH_IS_SANDBOX (self));
  g_return_if_fail (path_glob != NULL);

  entry = g_new0 (Fault, 1);
  entry->method = g_strdup (method);
  entry->path_glob = g_strdup (path_glob);
  entry->fault = fault;
  entry->remaining = count;

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->faults, entry);
  g_mutex_unlock (&self->mutex);
}

void
ovh_sandbox_clear_faults (OvhSandbox *self)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->faults, 0);
  g_mutex_unlock (&self->mutex);
}

/* Request log -------------------------------------------------------------------------------- */

static gboolean
request_matches (const OvhSandboxRequest *request, const char *method, const char *path_glob)
{
  g_autofree char *without_query = NULL;
  const char *question;

  if (method != NULL && !g_str_equal (method, request->method))
    return FALSE;
  if (path_glob == NULL || g_pattern_match_simple (path_glob, request->path))
    return TRUE;

  question = strchr (request->path, '?');
  if (question == NULL)
    return FALSE;
  without_query = g_strndup (request->path, question - request->path);
  return g_pattern_match_simple (path_glob, without_query);
}

guint
ovh_sandbox_get_request_count (OvhSandbox *self, const char *method, const char *path_glob)
{
  guint count = 0;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), 0);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->request_log->len; i++)
    count += request_matches (g_ptr_array_index (self->request_log, i), method, path_glob);
  g_mutex_unlock (&self->mutex);

  return count;
}

GPtrArray *
ovh_sandbox_dup_request_log (OvhSandbox *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  copy = g_ptr_array_new_full (self->request_log->len, (GDestroyNotify) ovh_sandbox_request_free);
  for (guint i = 0; i < self->request_log->len; i++)
    {
      const OvhSandboxRequest *request = g_ptr_array_index (self->request_log, i);
      OvhSandboxRequest *entry = g_new0 (OvhSandboxRequest, 1);

      entry->method = g_strdup (request->method);
      entry->path = g_strdup (request->path);
      entry->body = g_strdup (request->body);
      entry->status = request->status;
      g_ptr_array_add (copy, entry);
    }
  g_mutex_unlock (&self->mutex);

  return copy;
}

void
ovh_sandbox_reset_request_log (OvhSandbox *self)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->request_log, 0);
  g_mutex_unlock (&self->mutex);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
remove_tls_files (OvhSandbox *self)
{
  if (self->tls_dir == NULL)
    return;

  g_unlink (self->cert_file);
  g_unlink (self->key_file);
  g_rmdir (self->tls_dir);
}

static void
ovh_sandbox_finalize (GObject *object)
{
  OvhSandbox *self = OVH_SANDBOX (object);

  ovh_sandbox_stop (self);
  remove_tls_files (self);

  g_hash_table_unref (self->credentials);
  g_hash_table_unref (self->applications);
  g_hash_table_unref (self->zones);
  g_ptr_array_unref (self->domains);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->request_log);
  g_ptr_array_unref (self->pending_sources);
  g_clear_error (&self->start_error);
  g_free (self->base_url);
  g_free (self->root_url);
  g_free (self->tls_dir);
  g_free (self->cert_file);
  g_free (self->key_file);
  g_cond_clear (&self->ready_cond);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (ovh_sandbox_parent_class)->finalize (object);
}

static void
ovh_sandbox_class_init (OvhSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_sandbox_finalize;
}

static void
reset_state (OvhSandbox *self)
{
  g_clear_pointer (&self->applications, g_hash_table_unref);
  g_clear_pointer (&self->credentials, g_hash_table_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);
  g_clear_pointer (&self->domains, g_ptr_array_unref);

  self->applications = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) sandbox_application_free);
  self->credentials = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) sandbox_credential_free);
  self->zones
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) sandbox_zone_free);
  self->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_domain_free);
}

static void
ovh_sandbox_init (OvhSandbox *self)
{
  SandboxApplication *application;

  g_mutex_init (&self->mutex);
  g_cond_init (&self->ready_cond);

  reset_state (self);
  self->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_free);
  self->request_log = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_sandbox_request_free);
  self->pending_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  self->expanded_lists = TRUE;
  self->batch = TRUE;
  self->next_record_id = 5000000001;
  self->next_task_id = 300000001;
  self->next_credential_id = 1000001;
  self->next_application_id = 1;

  sandbox_seed_fill (self->zones, self->domains, &self->next_record_id);
  application
      = add_application_locked (self, OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                                "Domaine sandbox", "Ready-made application of the OVH API sandbox");
  add_credential_locked (self, application, OVH_SANDBOX_CONSUMER_KEY, all_rights (), 0);
}

OvhSandbox *
ovh_sandbox_new (void)
{
  return g_object_new (OVH_TYPE_SANDBOX, NULL);
}

/* State files -------------------------------------------------------------------------------- */

gboolean
ovh_sandbox_save_state (OvhSandbox *self, const char *path, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  SandboxState state;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  state = (SandboxState){
    self->applications,
    self->credentials,
    self->zones,
    self->domains,
    self->next_record_id,
    self->next_task_id,
    self->next_credential_id,
    self->next_application_id,
  };
  root = sandbox_state_serialize (&state);
  g_mutex_unlock (&self->mutex);

  text = json_to_string (root, TRUE);
  /* It holds the sandbox's keys: owner only. */
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
ovh_sandbox_load_state (OvhSandbox *self, const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  SandboxState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return FALSE;

  state.applications = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) sandbox_application_free);
  state.credentials = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) sandbox_credential_free);
  state.zones
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) sandbox_zone_free);
  state.domains = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_domain_free);

  ok = sandbox_state_deserialize (json_parser_get_root (parser), &state, error);
  if (ok)
    {
      g_mutex_lock (&self->mutex);
      g_hash_table_unref (self->applications);
      g_hash_table_unref (self->credentials);
      g_hash_table_unref (self->zones);
      g_ptr_array_unref (self->domains);
      self->applications = g_steal_pointer (&state.applications);
      self->credentials = g_steal_pointer (&state.credentials);
      self->zones = g_steal_pointer (&state.zones);
      self->domains = g_steal_pointer (&state.domains);
      self->next_record_id = state.next_record_id;
      self->next_task_id = state.next_task_id;
      self->next_credential_id = state.next_credential_id;
      self->next_application_id = state.next_application_id;
      g_mutex_unlock (&self->mutex);
    }

  g_clear_pointer (&state.applications, g_hash_table_unref);
  g_clear_pointer (&state.credentials, g_hash_table_unref);
  g_clear_pointer (&state.zones, g_hash_table_unref);
  g_clear_pointer (&state.domains, g_ptr_array_unref);

  return ok;
}
