/* ovh-sleep.c: a cancellable asynchronous pause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-client-private.h"

static gboolean
on_sleep_cancelled (GCancellable *cancellable, gpointer user_data)
{
  GTask *task = user_data;
  GSource *timeout = g_object_get_data (G_OBJECT (task), "ovh-sleep-timeout");

  g_source_destroy (timeout);
  g_task_return_error_if_cancelled (task);
  return G_SOURCE_REMOVE;
}

static gboolean
on_sleep_timeout (gpointer user_data)
{
  GTask *task = user_data;
  GSource *cancel = g_object_get_data (G_OBJECT (task), "ovh-sleep-cancel");

  if (cancel != NULL)
    g_source_destroy (cancel);
  g_task_return_boolean (task, TRUE);
  return G_SOURCE_REMOVE;
}

void
ovh_sleep_async (guint delay_ms,
                 GCancellable *cancellable,
                 GAsyncReadyCallback callback,
                 gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr (GMainContext) context = g_main_context_ref_thread_default ();
  GSource *timeout;

  g_task_set_source_tag (task, ovh_sleep_async);
  if (g_task_return_error_if_cancelled (task))
    return;

  /* Each source holds the task; whichever fires first destroys the other. */
  timeout = g_timeout_source_new (delay_ms);
  g_source_set_callback (timeout, on_sleep_timeout, g_object_ref (task), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "ovh-sleep-timeout", timeout,
                          (GDestroyNotify) g_source_unref);
  if (cancellable != NULL)
    {
      GSource *cancel = g_cancellable_source_new (cancellable);

      g_source_set_callback (cancel, G_SOURCE_FUNC (on_sleep_cancelled), g_object_ref (task),
                             g_object_unref);
      g_object_set_data_full (G_OBJECT (task), "ovh-sleep-cancel", cancel,
                              (GDestroyNotify) g_source_unref);
      g_source_attach (cancel, context);
    }
  g_source_attach (timeout, context);
}

gboolean
ovh_sleep_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
