/* ovh-record-loader-ids.c: the plain id list of a zone, and records placed by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-record-loader-private.h"

/* JSON helpers */

/* A record id: a positive number, or the same written as a string. */
static gboolean
node_get_id (JsonNode *node, guint64 *id)
{
  const char *text = ovh_json_node_get_string (node);
  gint64 number;

  if (ovh_json_node_get_int64 (node, &number))
    {
      *id = (guint64) number;
      return number > 0;
    }
  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT64, id, NULL);
}

/* The array node holds, or NULL with an invalid-response error saying message. */
JsonArray *
ovh_record_load_expect_array (JsonNode *node, const char *message, GError **error)
{
  JsonArray *array = ovh_json_node_get_array (node);

  if (array == NULL)
    *error = ovh_record_load_invalid_response (message);
  return array;
}

/* Parses one record object. Unknown types are counted and skipped (NULL, no error): a
 * type OVH added later must not make the whole zone unreadable. */
OvhRecord *
ovh_record_loader_parse_record (OvhRecordLoader *self, JsonObject *object, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  OvhRecord *record;

  record = ovh_record_new_from_json_object (object, &local_error);
  if (record != NULL)
    return record;

  if (g_error_matches (local_error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE))
    {
      g_debug ("Skipping a record of zone %s: %s", self->zone, local_error->message);
      self->n_skipped++;
      return NULL;
    }

  *error = ovh_record_load_invalid_response (local_error->message);
  return NULL;
}

void
ovh_record_load_set_ids (LoadData *data, GArray *ids)
{
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->id_positions, g_hash_table_unref);
  g_clear_pointer (&data->by_position, g_ptr_array_unref);

  data->ids = ids;
  data->id_positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  data->by_position = g_ptr_array_new_full (ids->len, ovh_record_load_object_unref_if_set);
  g_ptr_array_set_size (data->by_position, ids->len);

  for (guint i = 0; i < ids->len; i++)
    {
      /* The keys point into the array, which does not move once filled. */
      guint64 *id = &g_array_index (ids, guint64, i);
      if (!g_hash_table_contains (data->id_positions, id))
        g_hash_table_insert (data->id_positions, id, GUINT_TO_POINTER (i + 1));
    }
}

GArray *
ovh_record_load_parse_id_list (JsonNode *node, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  JsonArray *array;
  guint n;

  array
      = ovh_record_load_expect_array (node, _ ("OVH sent a record list that is not a list"), error);
  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), n);

  for (guint i = 0; i < n; i++)
    {
      guint64 id;

      if (!node_get_id (json_array_get_element (array, i), &id))
        {
          g_propagate_error (error, ovh_record_load_invalid_response (
                                        _ ("OVH sent a record list with an invalid id")));
          return NULL;
        }
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/* The plain id list, for batch and per-id */

static void
id_list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  GArray *ids;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || (ids = ovh_record_load_parse_id_list (node, &error)) == NULL)
    {
      ovh_record_load_return_error (task, g_steal_pointer (&error));
      return;
    }

  ovh_record_load_set_ids (data, ids);
  ovh_record_loader_set_progress (self, 0, ids->len);

  if (data->current == OVH_RECORD_LOAD_STRATEGY_BATCH)
    ovh_record_load_start_batch (task);
  else
    ovh_record_load_start_per_id (task, FALSE);
}

void
ovh_record_load_fetch_ids (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  ovh_client_call_async (self->client, "GET", self->records_path, NULL, OVH_CALL_NONE,
                         data->cancellable, id_list_cb, g_object_ref (task));
}

char *
ovh_record_loader_build_id_path (OvhRecordLoader *self, LoadData *data, guint first, guint n)
{
  GString *path = g_string_new (self->records_path);

  g_string_append_c (path, '/');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (path, ',');
      g_string_append_printf (path, "%" G_GUINT64_FORMAT,
                              g_array_index (data->ids, guint64, first + i));
    }
  return g_string_free (path, FALSE);
}

/* Stores a record at its id's position; FALSE when OVH sent a record it was not asked for. */
gboolean
ovh_record_load_place_record (OvhRecordLoader *self, LoadData *data, OvhRecord *record)
{
  guint64 id = ovh_record_get_id (record);
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (data->id_positions, &id));

  if (position == 0)
    return FALSE;
  position--;
  if (g_ptr_array_index (data->by_position, position) == NULL)
    ovh_record_loader_add_loaded (self, 1);
  g_clear_object (&g_ptr_array_index (data->by_position, position));
  g_ptr_array_index (data->by_position, position) = record;
  return TRUE;
}
