/* ovh-zone-status.c: a zone's details and publication state, without its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-zone-private.h"
#include "ovh-zone-status.h"

/* The requests, made one after the other: the first failure is the one reported. */
typedef enum
{
  STEP_INFO,
  STEP_SOA,
  STEP_STATUS,
  STEP_RECORDS,
  N_STEPS
} Step;

static const char *const step_suffixes[N_STEPS] = { "", "/soa", "/status", "/record" };

typedef struct
{
  Step step;
  char *path;
  gboolean deployed;
  guint n_records;
} StatusData;

static void
status_data_free (StatusData *data)
{
  g_free (data->path);
  g_free (data);
}

static GError *
not_an_object (const char *path)
{
  g_autofree char *message
      = g_strdup_printf (_ ("The answer to %s is not the object the API promises"), path);

  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

/* Whether the zone is published: a status without a true or false says nothing. */
static gboolean
deployed_from_json (JsonNode *node, gboolean *deployed, GError **error)
{
  if (ovh_json_read_boolean (json_node_get_object (node), "isDeployed", OVH_JSON_REQUIRED, deployed,
                             error))
    return TRUE;

  /* Translators: an explanation such as “isDeployed” is not true or false follows */
  g_prefix_error (error, _ ("The zone’s status sent by OVHcloud is not valid: "));
  return FALSE;
}

static void step_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
start_step (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  StatusData *data = g_task_get_task_data (task);

  g_free (data->path);
  data->path = ovh_zone_dup_path (self, step_suffixes[data->step]);
  ovh_client_call_async (ovh_zone_get_client (self), "GET", data->path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), step_cb, task);
}

static gboolean
apply_answer (GTask *task, JsonNode *node, GError **error)
{
  OvhZone *self = g_task_get_source_object (task);
  StatusData *data = g_task_get_task_data (task);

  if (data->step != STEP_RECORDS && !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, not_an_object (data->path));
      return FALSE;
    }

  switch (data->step)
    {
    case STEP_INFO:
      return ovh_zone_apply_info_json (self, node, error);
    case STEP_SOA:
      return ovh_zone_apply_soa_json (self, node, error);
    case STEP_STATUS:
      return deployed_from_json (node, &data->deployed, error);
    case STEP_RECORDS:
    case N_STEPS:
    default:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_propagate_error (error, ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                                        _ ("The list of records is not an array")));
          return FALSE;
        }
      data->n_records = json_array_get_length (json_node_get_array (node));
      for (guint i = 0; i < data->n_records; i++)
        {
          gint64 id;

          if (!ovh_json_node_get_int64 (json_array_get_element (json_node_get_array (node), i), &id)
              || id < 0)
            {
              g_propagate_error (error,
                                 ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                                     _ ("The list of records is not a list of "
                                                        "record IDs")));
              return FALSE;
            }
        }
      return TRUE;
    }
}

static void
step_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  StatusData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || !apply_answer (task, node, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (++data->step < N_STEPS)
    start_step (g_steal_pointer (&task));
  else
    g_task_return_boolean (task, TRUE);
}

void
ovh_zone_load_status_async (OvhZone *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_load_status_async);
  g_task_set_task_data (task, g_new0 (StatusData, 1), (GDestroyNotify) status_data_free);
  start_step (task);
}

gboolean
ovh_zone_load_status_finish (
    OvhZone *self, GAsyncResult *result, gboolean *deployed, guint *n_records, GError **error)
{
  StatusData *data;

  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (deployed != NULL)
    *deployed = data->deployed;
  if (n_records != NULL)
    *n_records = data->n_records;
  return TRUE;
}
