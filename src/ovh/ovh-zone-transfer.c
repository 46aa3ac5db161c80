/* ovh-zone-transfer.c: a zone as one BIND zone file, out of OVH and into it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-zone-private.h"
#include "ovh-zone-transfer.h"

static GError *
invalid_response (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

/* The answer as an object; else an error naming the request's path. */
static JsonObject *
expect_object (JsonNode *node, const char *path, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("The answer to %s is not the object the API promises"), path);

      g_propagate_error (error, invalid_response (message));
      return NULL;
    }

  return json_node_get_object (node);
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static void
call (OvhZone *self,
      const char *method,
      const char *suffix,
      JsonNode *body,
      GTask *task,
      GAsyncReadyCallback callback)
{
  g_autofree char *path = ovh_zone_dup_path (self, suffix);

  g_task_set_task_data (task, g_strdup (path), g_free);
  ovh_client_call_async (ovh_zone_get_client (self), method, path, body, OVH_CALL_NONE,
                         g_task_get_cancellable (task), callback, task);
}

/* Export */

static void
export_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else if (json_node_get_value_type (node) != G_TYPE_STRING)
    g_task_return_error (task, invalid_response (_ ("The exported zone is not a string")));
  else
    g_task_return_pointer (task, g_strdup (json_node_get_string (node)), g_free);
}

void
ovh_zone_export_async (OvhZone *self,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_export_async);
  call (self, "GET", "/export", NULL, task, export_cb);
}

char *
ovh_zone_export_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Import */

/* The answer that starts a task (POST …/import, …/restore): {"id", "status", …}. */

typedef struct
{
  gint64 id;
  char *status;
} TaskState;

static void
task_state_free (TaskState *state)
{
  g_free (state->status);
  g_free (state);
}

void
ovh_zone_return_task_answer (GTask *task, JsonNode *node, const char *missing_message)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *id = object != NULL ? json_object_get_member (object, "id") : NULL;
  TaskState *state;

  if (id == NULL || json_node_get_value_type (id) != G_TYPE_INT64 || json_node_get_int (id) < 0
      || member_string (object, "status") == NULL)
    {
      g_task_return_error (task, invalid_response (missing_message));
      return;
    }

  state = g_new0 (TaskState, 1);
  state->id = json_node_get_int (id);
  state->status = g_strdup (member_string (object, "status"));
  g_task_return_pointer (task, state, (GDestroyNotify) task_state_free);
}

gboolean
ovh_zone_propagate_task_answer (GTask *task, gint64 *task_id, char **status, GError **error)
{
  TaskState *state = g_task_propagate_pointer (task, error);

  if (state == NULL)
    return FALSE;
  if (task_id != NULL)
    *task_id = state->id;
  if (status != NULL)
    *status = g_steal_pointer (&state->status);
  task_state_free (state);
  return TRUE;
}

static void
import_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || expect_object (node, g_task_get_task_data (task), &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ovh_zone_return_task_answer (task, node, _ ("The import task has no ID or status"));
}

void
ovh_zone_import_async (OvhZone *self,
                       const char *zone_file,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (zone_file != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_import_async);

  body = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (body, json_object_new ());
  json_object_set_string_member (json_node_get_object (body), "zoneFile", zone_file);
  call (self, "POST", "/import", body, task, import_cb);
}

gboolean
ovh_zone_import_finish (
    OvhZone *self, GAsyncResult *result, gint64 *task_id, char **status, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return ovh_zone_propagate_task_answer (G_TASK (result), task_id, status, error);
}

/* Tasks */

static void
task_status_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  JsonObject *object;
  const char *status;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || (object = expect_object (node, g_task_get_task_data (task), &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  status = member_string (object, "status");
  if (status == NULL)
    g_task_return_error (task, invalid_response (_ ("The import task has no status")));
  else
    g_task_return_pointer (task, g_strdup (status), g_free);
}

void
ovh_zone_fetch_task_status_async (OvhZone *self,
                                  gint64 task_id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autofree char *suffix = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_fetch_task_status_async);
  suffix = g_strdup_printf ("/task/%" G_GINT64_FORMAT, task_id);
  call (self, "GET", suffix, NULL, task, task_status_cb);
}

char *
ovh_zone_fetch_task_status_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
ovh_zone_task_status_is_running (const char *status)
{
  return g_strcmp0 (status, "todo") == 0 || g_strcmp0 (status, "doing") == 0
         || g_strcmp0 (status, "init") == 0;
}
