/* ovh-record-loader-batch.c: records in batches of ids (X-Ovh-Batch)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-record-loader-private.h"

/* Batches */

static guint
n_chunks (OvhRecordLoader *self, LoadData *data)
{
  return (data->ids->len + self->batch_size - 1) / self->batch_size;
}

static JsonObject *
wrapper_value (JsonObject *wrapper)
{
  JsonObject *value;

  if (json_object_has_member (wrapper, "fieldType"))
    return wrapper; /* a bare record */
  ovh_json_read_object (wrapper, "value", OVH_JSON_OPTIONAL, &value, NULL);
  return value;
}

/* One batch answer: an array of wrappers {key?, value, error?}. Records land in place; the
 * ids of the chunk that got no record are left for the per-id pass. Returns FALSE (and
 * sets error) when the answer does not have the batch shape at all. */
static gboolean
parse_batch (
    OvhRecordLoader *self, LoadData *data, guint first, guint n, JsonNode *node, GError **error)
{
  JsonObject *bare = ovh_json_node_get_object (node);
  JsonArray *array;
  guint length;

  if (bare != NULL && n == 1 && json_object_has_member (bare, "fieldType"))
    {
      /* One id: some servers answer with the record itself. */
      OvhRecord *record = ovh_record_loader_parse_record (self, bare, error);
      if (record == NULL)
        return *error == NULL;
      if (!ovh_record_load_place_record (self, data, record))
        g_object_unref (record);
      return TRUE;
    }

  array = ovh_record_load_expect_array (node, _ ("OVH sent a batch answer that is not a list"),
                                        error);
  if (array == NULL)
    return FALSE;

  length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonObject *wrapper = ovh_json_node_get_object (json_array_get_element (array, i));
      JsonObject *value;
      OvhRecord *record;

      if (wrapper == NULL)
        {
          *error = ovh_record_load_invalid_response (
              _ ("OVH sent a batch answer holding something else"));
          return FALSE;
        }
      value = wrapper_value (wrapper);
      if (value == NULL)
        {
          /* An error for this id (or an empty wrapper): the per-id pass retries it and
           * reports its own error. A wrapper that is neither is not a batch answer. */
          if (!json_object_has_member (wrapper, "error")
              && !json_object_has_member (wrapper, "value")
              && !json_object_has_member (wrapper, "key"))
            {
              *error = ovh_record_load_invalid_response (
                  _ ("OVH sent a batch answer of an unknown shape"));
              return FALSE;
            }
          continue;
        }

      record = ovh_record_loader_parse_record (self, value, error);
      if (record == NULL)
        {
          if (*error != NULL)
            return FALSE;
          /* Skipped type: nothing to retry either, so mark the position as done. */
          continue;
        }
      if (!ovh_record_load_place_record (self, data, record))
        g_object_unref (record);
    }

  /* Whatever did not arrive is asked for alone. */
  for (guint i = first; i < first + n; i++)
    if (g_ptr_array_index (data->by_position, i) == NULL)
      g_array_append_val (data->retry_positions, i);

  return TRUE;
}

/* GET the ids [first, first + n) in one batch request. */
static void
call_batch (GTask *task, guint first, guint n, GAsyncReadyCallback callback, gpointer user_data)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = ovh_record_loader_build_id_path (self, data, first, n);

  g_hash_table_insert (headers, (char *) "X-Ovh-Batch", (char *) ",");
  ovh_client_call_full_async (self->client, "GET", path, NULL, headers, OVH_CALL_NONE,
                              data->cancellable, callback, user_data);
}

static void
batch_chunk_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JobCall) call = user_data;
  GTask *task = call->task;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  guint first = call->job * self->batch_size;
  guint n = MIN (self->batch_size, data->ids->len - first);

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node == NULL || !parse_batch (self, data, first, n, node, &error))
    ovh_record_load_fail (task, g_steal_pointer (&error));
  ovh_record_load_job_finished (task);
}

static void
start_batch_chunk (GTask *task, guint job)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  guint first = job * self->batch_size;

  call_batch (task, first, MIN (self->batch_size, data->ids->len - first), batch_chunk_cb,
              ovh_record_load_job_call_new (task, job));
}

static void
batch_done (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);

  if (data->retry_positions->len > 0)
    ovh_record_load_start_per_id (task, TRUE);
  else
    ovh_record_load_complete (task);
}

/* The first chunk alone tells whether batches are served: its answer must be a list. */
static void
batch_probe_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  guint n = MIN (self->batch_size, data->ids->len);

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node != NULL && n > 1 && ovh_json_node_get_array (node) == NULL)
    error = ovh_record_load_invalid_response (_ ("OVH sent a batch answer that is not a list"));
  else if (node != NULL)
    parse_batch (self, data, 0, n, node, &error);

  if (error != NULL)
    {
      gboolean unsupported = ovh_record_load_error_allows_fallback (error)
                             || g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);

      if (data->may_fall_back && unsupported)
        {
          g_debug ("Batches are not served by %s (%s): one request a record",
                   ovh_client_get_base_url (self->client), error->message);
          /* Start over for the probed chunk: nothing of it is trusted. */
          for (guint i = 0; i < n; i++)
            g_clear_object (&g_ptr_array_index (data->by_position, i));
          g_array_set_size (data->retry_positions, 0);
          ovh_record_loader_set_progress (self, 0, data->ids->len);
          ovh_record_load_start_per_id (task, FALSE);
        }
      else
        ovh_record_load_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Job 0 was the probe: the pump serves the rest, counting from 1. */
  ovh_record_load_run_jobs (task, 1, n_chunks (self, data), self->max_in_flight, start_batch_chunk,
                            batch_done);
}

void
ovh_record_load_start_batch (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  data->current = OVH_RECORD_LOAD_STRATEGY_BATCH;
  if (data->ids == NULL)
    {
      ovh_record_load_fetch_ids (task);
      return;
    }

  ovh_record_loader_set_progress (self, 0, data->ids->len);
  if (data->retry_positions == NULL)
    data->retry_positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (data->ids->len == 0)
    {
      ovh_record_load_complete (task);
      return;
    }

  call_batch (task, 0, MIN (self->batch_size, data->ids->len), batch_probe_cb, g_object_ref (task));
}
