/* ovh-sandbox-zone.c: the /domain/zone/{zone} routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A zone, its SOA and status, refresh (publication), export and import, its tasks, its
 * history and restore, and DNSSEC; the records are in ovh-sandbox-records.c.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

/* OVH keeps 200 versions of a zone, for 31 days. */
#define HISTORY_LENGTH 200
#define HISTORY_MAX_AGE_SECONDS (31 * 24 * 3600)
#define TASK_DELAY_MS 50

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

JsonNode *
sandbox_zone_to_json (const SandboxZone *zone)
{
  JsonObject *object = json_object_new ();
  JsonArray *name_servers = zone_name_servers (zone);
  gboolean anycast = FALSE;
  g_autofree char *last_update = sandbox_format_date (zone->last_update);

  for (guint i = 0; i < json_array_get_length (name_servers); i++)
    anycast |= strstr (json_array_get_string_element (name_servers, i), "anycast") != NULL;

  json_object_set_string_member (object, "name", zone->name);
  json_object_set_array_member (object, "nameServers", name_servers);
  json_object_set_boolean_member (object, "dnssecSupported", TRUE);
  json_object_set_boolean_member (object, "dnssecActivated", zone->dnssec);
  json_object_set_boolean_member (object, "hasDnsAnycast", anycast);
  json_object_set_string_member (object, "lastUpdate", last_update);

  return sandbox_node_for_object (object);
}

static JsonNode *
task_to_json (const SandboxTask *task)
{
  JsonObject *object = json_object_new ();
  g_autofree char *creation = sandbox_format_date (task->creation);

  json_object_set_boolean_member (object, "canAccelerate", FALSE);
  json_object_set_boolean_member (object, "canCancel", FALSE);
  json_object_set_boolean_member (object, "canRelaunch", FALSE);
  if (task->comment != NULL)
    json_object_set_string_member (object, "comment", task->comment);
  else
    json_object_set_null_member (object, "comment");
  json_object_set_string_member (object, "creationDate", creation);
  sandbox_set_date_or_null (object, "doneDate", task->done);
  json_object_set_string_member (object, "function", task->function);
  json_object_set_int_member (object, "id", task->id);
  sandbox_set_date_or_null (object, "lastUpdate", task->done != 0 ? task->done : task->creation);
  json_object_set_string_member (object, "status", task->status);
  json_object_set_string_member (object, "todoDate", creation);

  return sandbox_node_for_object (object);
}

/* Zone publication --------------------------------------------------------------------- */

static guint
next_serial (OvhSandbox *self, guint serial)
{
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc (sandbox_now (self));
  guint today = (guint) (g_date_time_get_year (now) * 1000000 + g_date_time_get_month (now) * 10000
                         + g_date_time_get_day_of_month (now) * 100);

  return MAX (serial + 1, today);
}

/* What POST …/refresh does: a new serial, the zone served as it is, a history version. */
void
sandbox_zone_publish (OvhSandbox *self, SandboxZone *zone)
{
  SandboxHistoryEntry *entry = g_new0 (SandboxHistoryEntry, 1);
  gint64 now = sandbox_now (self);

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

  entry->date = sandbox_format_date (now);
  entry->zone_file = sandbox_zone_file_write (zone);
  sandbox_zone_dir_write (self, zone, entry->zone_file);
  g_ptr_array_add (zone->history, entry);
  while (zone->history->len > HISTORY_LENGTH)
    g_ptr_array_remove_index (zone->history, 0);
  /* The version just made always stays, whatever the clock says. */
  while (zone->history->len > 1)
    {
      const SandboxHistoryEntry *oldest = g_ptr_array_index (zone->history, 0);
      g_autoptr (GDateTime) date = g_date_time_new_from_iso8601 (oldest->date, NULL);

      if (date == NULL || g_date_time_to_unix (date) >= now - HISTORY_MAX_AGE_SECONDS)
        break;
      g_ptr_array_remove_index (zone->history, 0);
    }
}

/* Tasks: an import or a restore is done a moment later, as at OVH ----------------------- */

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
  sandbox_untrack_source (self, g_main_current_source ());
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
      sandbox_zone_publish (self, zone);
      g_free (task->status);
      task->status = g_strdup ("done");
      task->done = sandbox_now (self);
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
  task->creation = sandbox_now (self);
  task->pending_records = records;
  g_ptr_array_add (zone->tasks, task);

  run->self = self;
  run->zone = g_strdup (zone->name);
  run->task_id = task->id;
  source = g_timeout_source_new (TASK_DELAY_MS);
  g_source_set_callback (source, task_run_cb, run, (GDestroyNotify) task_run_free);
  sandbox_track_source (self, source);
  g_source_unref (source);

  return task;
}

/* Routes -------------------------------------------------------------------------------- */

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

void
sandbox_route_zone (SandboxCall *call, SandboxZone *zone)
{
  OvhSandbox *self = call->self;
  gboolean get = g_str_equal (call->method, "GET");
  gboolean post = g_str_equal (call->method, "POST");
  const char *what;

  if (call->n_segments == 3)
    {
      if (get)
        sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_zone_to_json (zone));
      else
        sandbox_call_not_found_route (call);
      return;
    }

  what = call->segments[3];

  if (g_str_equal (what, "record"))
    sandbox_route_records (call, zone);
  else if (g_str_equal (what, "dynHost"))
    sandbox_route_dynhost (call, zone);
  else if (g_str_equal (what, "redirection"))
    sandbox_route_redirections (call, zone);
  else if (call->n_segments == 4 && g_str_equal (what, "refresh") && post)
    {
      sandbox_zone_publish (self, zone);
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else if (call->n_segments == 4 && g_str_equal (what, "soa"))
    sandbox_route_soa (call, zone);
  else if (call->n_segments == 4 && g_str_equal (what, "reset") && post)
    sandbox_route_zone_reset (call, zone);
  else if (call->n_segments == 4 && g_str_equal (what, "status") && get)
    {
      JsonObject *object = json_object_new ();

      json_object_set_boolean_member (object, "isDeployed", zone->deployed);
      json_object_set_array_member (object, "warnings", json_array_new ());
      json_object_set_array_member (object, "errors", json_array_new ());
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_object (object));
    }
  else if (call->n_segments == 4 && g_str_equal (what, "export") && get)
    {
      JsonNode *node = json_node_new (JSON_NODE_VALUE);
      g_autofree char *zone_file = sandbox_zone_file_write (zone);

      json_node_set_string (node, zone_file);
      sandbox_call_reply (call, SOUP_STATUS_OK, node);
    }
  else if (call->n_segments == 4 && g_str_equal (what, "import") && post)
    {
      g_autoptr (JsonNode) body = NULL;
      g_autoptr (GError) error = NULL;
      JsonObject *request = sandbox_call_body_object (call, &body);
      const char *zone_file = NULL;
      GPtrArray *records;

      if (request == NULL)
        return;
      if (!sandbox_member_string (request, "zoneFile", &zone_file) || zone_file == NULL)
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[zoneFile] Property is mandatory");
          return;
        }
      records = sandbox_zone_file_parse (zone->name, zone_file, &error);
      if (records == NULL)
        {
          sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid zone file: %s",
                              error->message);
          return;
        }
      sandbox_call_reply (call, SOUP_STATUS_OK,
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
          sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (array));
          return;
        }
      if (sandbox_parse_id (call->segments[4], &id))
        for (guint i = 0; i < zone->tasks->len; i++)
          {
            SandboxTask *task = g_ptr_array_index (zone->tasks, i);

            if (task->id == id)
              {
                sandbox_call_reply (call, SOUP_STATUS_OK, task_to_json (task));
                return;
              }
          }
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                          "The requested object (id = %s) does not exist", call->segments[4]);
    }
  else if (g_str_equal (what, "history") && call->n_segments <= 6)
    {
      SandboxHistoryEntry *entry;

      if (call->n_segments == 4 && get)
        {
          JsonArray *array = json_array_new ();

          /* Newest first, as OVH lists them. */
          for (guint i = zone->history->len; i > 0; i--)
            json_array_add_string_element (
                array, ((SandboxHistoryEntry *) g_ptr_array_index (zone->history, i - 1))->date);
          sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (array));
          return;
        }
      if (call->n_segments < 5)
        {
          sandbox_call_not_found_route (call);
          return;
        }
      entry = find_history_entry (zone, call->segments[4]);
      if (entry == NULL)
        {
          sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                              "The requested object (creationDate = %s) does not exist",
                              call->segments[4]);
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
          sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_object (object));
        }
      else if (call->n_segments == 6 && post && g_str_equal (call->segments[5], "restore"))
        {
          g_autoptr (GError) error = NULL;
          GPtrArray *records = sandbox_zone_file_parse (zone->name, entry->zone_file, &error);

          if (records == NULL)
            {
              sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Cannot restore: %s",
                                  error->message);
              return;
            }
          sandbox_call_reply (call, SOUP_STATUS_OK,
                              task_to_json (zone_start_task (self, zone, "ZoneRestore", records)));
        }
      else
        sandbox_call_not_found_route (call);
    }
  else if (call->n_segments == 4 && g_str_equal (what, "dnssec"))
    sandbox_route_dnssec (call, zone);
  else
    sandbox_call_not_found_route (call);
}

/* zoneFileUrl of a history version: plain text, no authentication (a pre-signed URL at OVH). */
void
sandbox_serve_history_file (SandboxCall *call)
{
  SandboxZone *zone
      = call->n_segments == 4 ? g_hash_table_lookup (call->self->zones, call->segments[2]) : NULL;
  SandboxHistoryEntry *entry = zone != NULL ? find_history_entry (zone, call->segments[3]) : NULL;

  if (entry == NULL)
    {
      sandbox_call_html (call, SOUP_STATUS_NOT_FOUND,
                         sandbox_page_message ("Not found", "No such file."));
      return;
    }
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
  call->raw_reply = g_strdup (entry->zone_file);
  call->content_type = "text/plain; charset=utf-8";
}

/* Public calls ---------------------------------------------------------------------------- */

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
  sandbox_zone_publish (self, zone);
  g_mutex_unlock (&self->mutex);
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
