/* ovh-zone-fetch.c: a few records of a zone fetched into its model, without loading it all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-zone-fetch.h"
#include "ovh-zone-private.h"

static GError *
invalid_response (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

/* The record as OVH sent it, now in the zone's model. */
static OvhRecord *
keep_record (OvhZone *self, JsonNode *node, GError **error)
{
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;

  record = ovh_record_new_from_json (node, &local_error);
  if (record == NULL)
    {
      g_propagate_error (error, invalid_response (local_error->message));
      return NULL;
    }
  if (ovh_record_get_zone (record) == NULL)
    ovh_record_set_zone (record, ovh_zone_get_name (self));

  if (!ovh_zone_replace_record (self, record))
    ovh_zone_add_record (self, record);
  return g_steal_pointer (&record);
}

static void
fetch_record_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhZone *self = g_task_get_source_object (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  OvhRecord *record;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || (record = keep_record (self, node, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, record, g_object_unref);
}

void
ovh_zone_fetch_record_async (OvhZone *self,
                             guint64 id,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_fetch_record_async);

  suffix = g_strdup_printf ("/record/%" G_GUINT64_FORMAT, id);
  path = ovh_zone_dup_path (self, suffix);
  ovh_client_call_async (ovh_zone_get_client (self), "GET", path, NULL, OVH_CALL_NONE, cancellable,
                         fetch_record_cb, g_steal_pointer (&task));
}

OvhRecord *
ovh_zone_fetch_record_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Records of a name: the ids first, then each record, one request at a time. */

typedef struct
{
  GArray *ids; /* guint64 */
  guint next;
  GPtrArray *records;
} NamedData;

static void
named_data_free (NamedData *data)
{
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_free (data);
}

static void named_record_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
fetch_next_named (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  NamedData *data = g_task_get_task_data (task);

  if (data->next == data->ids->len)
    {
      g_task_return_pointer (task, g_ptr_array_ref (data->records),
                             (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }

  ovh_zone_fetch_record_async (self, g_array_index (data->ids, guint64, data->next++),
                               g_task_get_cancellable (task), named_record_cb, task);
}

static void
named_record_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  NamedData *data = g_task_get_task_data (task);
  GError *error = NULL;
  OvhRecord *record;

  record = ovh_zone_fetch_record_finish (OVH_ZONE (source), result, &error);
  if (record == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_ptr_array_add (data->records, record);
  fetch_next_named (task);
}

static void
named_ids_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  NamedData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *ids;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    error = invalid_response (_ ("The list of records is not an array"));
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  ids = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *element = json_array_get_element (ids, i);
      guint64 id;

      if (json_node_get_value_type (element) != G_TYPE_INT64)
        {
          g_task_return_error (
              task, invalid_response (_ ("The list of records holds something else than IDs")));
          g_object_unref (task);
          return;
        }
      id = (guint64) json_node_get_int (element);
      g_array_append_val (data->ids, id);
    }

  fetch_next_named (task);
}

void
ovh_zone_fetch_records_named_async (OvhZone *self,
                                    const char *sub_domain,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  GTask *task;
  NamedData *data;
  g_autofree char *escaped = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (sub_domain != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_fetch_records_named_async);
  data = g_new0 (NamedData, 1);
  data->ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  data->records = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) named_data_free);

  escaped = g_uri_escape_string (sub_domain, NULL, FALSE);
  suffix = g_strdup_printf ("/record?subDomain=%s", escaped);
  path = ovh_zone_dup_path (self, suffix);
  ovh_client_call_async (ovh_zone_get_client (self), "GET", path, NULL, OVH_CALL_NONE, cancellable,
                         named_ids_cb, task);
}

GPtrArray *
ovh_zone_fetch_records_named_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
