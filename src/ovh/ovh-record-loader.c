/* ovh-record-loader.c: all records of a zone in as few requests as the endpoint allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-path-private.h"
#include "ovh-progress-private.h"
#include "ovh-record-loader-private.h"

G_DEFINE_FINAL_TYPE (OvhRecordLoader, ovh_record_loader, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OvhRecordLoadStrategy,
                    ovh_record_load_strategy,
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_AUTO, "auto"),
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_EXPANDED, "expanded"),
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_BATCH, "batch"),
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_PER_ID, "per-id"))

enum
{
  PROP_0,
  PROP_N_LOADED,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_LOCK_DEFINE_STATIC (remembered);
static GHashTable *remembered_strategies; /* base URL → OvhRecordLoadStrategy */

static void
load_data_free (LoadData *data)
{
  if (data->caller_cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_cancelled_id);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->id_positions, g_hash_table_unref);
  g_clear_pointer (&data->by_position, g_ptr_array_unref);
  g_clear_pointer (&data->retry_positions, g_array_unref);
  g_clear_pointer (&data->pages, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}
/* Progress */

void
ovh_progress_set (GObject *object,
                  guint *n_loaded,
                  guint *n_total,
                  GParamSpec *n_loaded_pspec,
                  GParamSpec *n_total_pspec,
                  guint new_n_loaded,
                  guint new_n_total)
{
  gboolean loaded_changed = *n_loaded != new_n_loaded;
  gboolean total_changed = *n_total != new_n_total;

  *n_loaded = new_n_loaded;
  *n_total = new_n_total;
  if (total_changed)
    g_object_notify_by_pspec (object, n_total_pspec);
  if (loaded_changed)
    g_object_notify_by_pspec (object, n_loaded_pspec);
}

void
ovh_record_loader_set_progress (OvhRecordLoader *self, guint n_loaded, guint n_total)
{
  ovh_progress_set (G_OBJECT (self), &self->n_loaded, &self->n_total, properties[PROP_N_LOADED],
                    properties[PROP_N_TOTAL], n_loaded, n_total);
}

void
ovh_record_loader_add_loaded (OvhRecordLoader *self, guint n)
{
  ovh_record_loader_set_progress (self, self->n_loaded + n,
                                  MAX (self->n_total, self->n_loaded + n));
}

/* The end */

void
ovh_record_load_complete (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (data->pages != NULL)
    {
      for (guint p = 0; p < data->pages->len; p++)
        {
          GPtrArray *page = g_ptr_array_index (data->pages, p);

          for (guint i = 0; page != NULL && i < page->len; i++)
            g_ptr_array_add (records, g_object_ref (g_ptr_array_index (page, i)));
        }
    }
  else if (data->by_position != NULL)
    {
      for (guint i = 0; i < data->by_position->len; i++)
        {
          OvhRecord *record = g_ptr_array_index (data->by_position, i);
          if (record != NULL)
            g_ptr_array_add (records, g_object_ref (record));
        }
    }

  /* A record added while pages were read can shift another onto two pages. */
  for (guint i = 0; i < records->len;)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      guint64 id = ovh_record_get_id (record);
      if (g_hash_table_contains (seen, &id))
        g_ptr_array_remove_index (records, i);
      else
        {
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          i++;
        }
    }

  self->used_strategy = data->current;
  self->loading = FALSE;
  if (self->strategy == OVH_RECORD_LOAD_STRATEGY_AUTO)
    ovh_record_loader_remember (ovh_client_get_base_url (self->client), data->current);

  ovh_record_loader_set_progress (self, records->len, records->len);
  g_task_return_pointer (task, g_steal_pointer (&records), (GDestroyNotify) g_ptr_array_unref);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable, gpointer user_data)
{
  GCancellable *ours = user_data;

  g_cancellable_cancel (ours);
}

void
ovh_record_loader_load_async (OvhRecordLoader *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;
  OvhRecordLoadStrategy start;

  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_record_loader_load_async);

  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _ ("The records of this zone are already loading"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      /* Connected last: a caller already cancelled cancels ours at once. */
      data->caller_cancelled_id
          = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                   g_object_ref (data->cancellable), g_object_unref);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  self->loading = TRUE;
  self->n_skipped = 0;
  ovh_record_loader_set_progress (self, 0, 0);

  start = self->strategy;
  data->may_fall_back = start == OVH_RECORD_LOAD_STRATEGY_AUTO;
  if (start == OVH_RECORD_LOAD_STRATEGY_AUTO)
    start = ovh_record_loader_lookup_remembered (ovh_client_get_base_url (self->client));

  switch (start)
    {
    case OVH_RECORD_LOAD_STRATEGY_BATCH:
      ovh_record_load_start_batch (task);
      break;
    case OVH_RECORD_LOAD_STRATEGY_PER_ID:
      ovh_record_load_start_per_id (task, FALSE);
      break;
    case OVH_RECORD_LOAD_STRATEGY_AUTO:
    case OVH_RECORD_LOAD_STRATEGY_EXPANDED:
    default:
      ovh_record_load_start_expanded (task);
      break;
    }
}

GPtrArray *
ovh_record_loader_load_finish (OvhRecordLoader *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Remembered strategies */

OvhRecordLoadStrategy
ovh_record_loader_lookup_remembered (const char *base_url)
{
  OvhRecordLoadStrategy strategy = OVH_RECORD_LOAD_STRATEGY_AUTO;

  g_return_val_if_fail (base_url != NULL, OVH_RECORD_LOAD_STRATEGY_AUTO);

  G_LOCK (remembered);
  if (remembered_strategies != NULL)
    strategy = GPOINTER_TO_INT (g_hash_table_lookup (remembered_strategies, base_url));
  G_UNLOCK (remembered);

  return strategy;
}

void
ovh_record_loader_remember (const char *base_url, OvhRecordLoadStrategy strategy)
{
  g_return_if_fail (base_url != NULL);

  G_LOCK (remembered);
  if (remembered_strategies == NULL)
    remembered_strategies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (strategy == OVH_RECORD_LOAD_STRATEGY_AUTO)
    g_hash_table_remove (remembered_strategies, base_url);
  else
    g_hash_table_insert (remembered_strategies, g_strdup (base_url), GINT_TO_POINTER (strategy));
  G_UNLOCK (remembered);
}

void
ovh_record_loader_forget_all (void)
{
  G_LOCK (remembered);
  g_clear_pointer (&remembered_strategies, g_hash_table_unref);
  G_UNLOCK (remembered);
}

const char *
ovh_record_load_strategy_to_string (OvhRecordLoadStrategy strategy)
{
  switch (strategy)
    {
    case OVH_RECORD_LOAD_STRATEGY_EXPANDED:
      return "expanded";
    case OVH_RECORD_LOAD_STRATEGY_BATCH:
      return "batch";
    case OVH_RECORD_LOAD_STRATEGY_PER_ID:
      return "per-id";
    case OVH_RECORD_LOAD_STRATEGY_AUTO:
    default:
      return "auto";
    }
}

OvhRecordLoadStrategy
ovh_record_load_strategy_from_string (const char *name)
{
  if (g_strcmp0 (name, "expanded") == 0)
    return OVH_RECORD_LOAD_STRATEGY_EXPANDED;
  if (g_strcmp0 (name, "batch") == 0)
    return OVH_RECORD_LOAD_STRATEGY_BATCH;
  if (g_strcmp0 (name, "per-id") == 0)
    return OVH_RECORD_LOAD_STRATEGY_PER_ID;
  return OVH_RECORD_LOAD_STRATEGY_AUTO;
}

/* Accessors */

OvhRecordLoader *
ovh_record_loader_new (OvhClient *client, const char *zone)
{
  OvhRecordLoader *self;

  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (zone != NULL && *zone != '\0', NULL);

  self = g_object_new (OVH_TYPE_RECORD_LOADER, NULL);
  self->client = g_object_ref (client);
  self->zone = g_strdup (zone);
  self->records_path = ovh_path_printf ("/domain/zone/%s/record", zone);
  return self;
}

void
ovh_record_loader_set_strategy (OvhRecordLoader *self, OvhRecordLoadStrategy strategy)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->strategy = strategy;
}

OvhRecordLoadStrategy
ovh_record_loader_get_strategy (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), OVH_RECORD_LOAD_STRATEGY_AUTO);
  return self->strategy;
}

void
ovh_record_loader_set_page_size (OvhRecordLoader *self, guint page_size)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->page_size = MAX (page_size, 1);
}

void
ovh_record_loader_set_batch_size (OvhRecordLoader *self, guint batch_size)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->batch_size = MAX (batch_size, 1);
}

void
ovh_record_loader_set_max_in_flight (OvhRecordLoader *self, guint max_in_flight)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->max_in_flight = MAX (max_in_flight, 1);
}

guint
ovh_record_loader_get_n_loaded (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), 0);
  return self->n_loaded;
}

guint
ovh_record_loader_get_n_total (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), 0);
  return self->n_total;
}

guint
ovh_record_loader_get_n_skipped (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), 0);
  return self->n_skipped;
}

OvhRecordLoadStrategy
ovh_record_loader_get_used_strategy (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), OVH_RECORD_LOAD_STRATEGY_AUTO);
  return self->used_strategy;
}

static void
ovh_record_loader_finalize (GObject *object)
{
  OvhRecordLoader *self = OVH_RECORD_LOADER (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->records_path, g_free);

  G_OBJECT_CLASS (ovh_record_loader_parent_class)->finalize (object);
}

static void
ovh_record_loader_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhRecordLoader *self = OVH_RECORD_LOADER (object);

  switch (prop_id)
    {
    case PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_loader_class_init (OvhRecordLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_record_loader_finalize;
  object_class->get_property = ovh_record_loader_get_property;

  properties[PROP_N_LOADED]
      = g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL]
      = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_record_loader_init (OvhRecordLoader *self)
{
  self->page_size = OVH_RECORD_LOADER_DEFAULT_PAGE_SIZE;
  self->batch_size = OVH_RECORD_LOADER_DEFAULT_BATCH_SIZE;
  self->max_in_flight = OVH_RECORD_LOADER_DEFAULT_MAX_IN_FLIGHT;
}
