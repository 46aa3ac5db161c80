/* ovh-get-pair.c: two GETs at once, answered together
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-client-private.h"

typedef struct
{
  guint pending;
  JsonNode *nodes[2];
  GError *errors[2];
} Pair;

static void
pair_free (Pair *pair)
{
  for (guint i = 0; i < G_N_ELEMENTS (pair->nodes); i++)
    {
      g_clear_pointer (&pair->nodes[i], json_node_unref);
      g_clear_error (&pair->errors[i]);
    }
  g_free (pair);
}

static void
answered (GObject *source, GAsyncResult *result, GTask *task, guint index)
{
  Pair *pair = g_task_get_task_data (task);

  pair->nodes[index] = ovh_client_call_finish (OVH_CLIENT (source), result, &pair->errors[index]);
  if (--pair->pending == 0)
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
first_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  answered (source, result, user_data, 0);
}

static void
second_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  answered (source, result, user_data, 1);
}

void
ovh_client_get_pair_async (OvhClient *self,
                           const char *first_path,
                           const char *second_path,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Pair *pair;

  g_return_if_fail (OVH_IS_CLIENT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_client_get_pair_async);
  pair = g_new0 (Pair, 1);
  pair->pending = (first_path != NULL ? 1 : 0) + (second_path != NULL ? 1 : 0);
  g_task_set_task_data (task, pair, (GDestroyNotify) pair_free);

  if (pair->pending == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (first_path != NULL)
    ovh_client_call_async (self, "GET", first_path, NULL, OVH_CALL_NONE, cancellable, first_cb,
                           g_object_ref (task));
  if (second_path != NULL)
    ovh_client_call_async (self, "GET", second_path, NULL, OVH_CALL_NONE, cancellable, second_cb,
                           g_object_ref (task));
}

void
ovh_client_get_pair_finish (GAsyncResult *result,
                            JsonNode **first,
                            GError **first_error,
                            JsonNode **second,
                            GError **second_error)
{
  Pair *pair;

  g_return_if_fail (g_task_is_valid (result, NULL));
  g_return_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_client_get_pair_async);

  g_task_propagate_boolean (G_TASK (result), NULL);
  pair = g_task_get_task_data (G_TASK (result));
  *first = g_steal_pointer (&pair->nodes[0]);
  *second = g_steal_pointer (&pair->nodes[1]);
  if (pair->errors[0] != NULL)
    g_propagate_error (first_error, g_steal_pointer (&pair->errors[0]));
  if (pair->errors[1] != NULL)
    g_propagate_error (second_error, g_steal_pointer (&pair->errors[1]));
}
