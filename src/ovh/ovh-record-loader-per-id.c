/* ovh-record-loader-per-id.c: records one request a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-record-loader-private.h"

/* One request a record */

static guint
per_id_position (LoadData *data, guint job)
{
  if (data->current == OVH_RECORD_LOAD_STRATEGY_BATCH)
    return g_array_index (data->retry_positions, guint, job);
  return job;
}

static void
per_id_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JobCall) call = user_data;
  GTask *task = call->task;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  OvhRecord *record;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      /* Deleted between the listing and now: not an error, just not there any more. */
      if (!g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
        ovh_record_load_fail (task, g_steal_pointer (&error));
      ovh_record_load_job_finished (task);
      return;
    }

  if ((object = ovh_json_node_get_object (node)) == NULL)
    {
      ovh_record_load_fail (task, ovh_record_load_invalid_response (
                                      _ ("OVH sent a record that is not a JSON object")));
      ovh_record_load_job_finished (task);
      return;
    }

  record = ovh_record_loader_parse_record (self, object, &error);
  if (record == NULL)
    {
      if (error != NULL)
        ovh_record_load_fail (task, g_steal_pointer (&error));
    }
  else if (ovh_record_get_id (record)
           != g_array_index (data->ids, guint64, per_id_position (data, call->job)))
    {
      g_object_unref (record);
      ovh_record_load_fail (task, ovh_record_load_invalid_response (
                                      _ ("OVH sent another record than the one asked for")));
    }
  else
    ovh_record_load_place_record (self, data, record);

  ovh_record_load_job_finished (task);
}

static void
start_per_id_call (GTask *task, guint job)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autofree char *path
      = ovh_record_loader_build_id_path (self, data, per_id_position (data, job), 1);

  ovh_client_call_async (self->client, "GET", path, NULL, OVH_CALL_NONE, data->cancellable,
                         per_id_cb, ovh_record_load_job_call_new (task, job));
}

static void
per_id_done (GTask *task)
{
  ovh_record_load_complete (task);
}

/* only_retries: the ids a batch did not deliver (the strategy stays batch). */
void
ovh_record_load_start_per_id (GTask *task, gboolean only_retries)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  if (!only_retries)
    data->current = OVH_RECORD_LOAD_STRATEGY_PER_ID;

  if (data->ids == NULL)
    {
      ovh_record_load_fetch_ids (task);
      return;
    }

  ovh_record_load_run_jobs (task, 0, only_retries ? data->retry_positions->len : data->ids->len,
                            self->max_in_flight, start_per_id_call, per_id_done);
}
