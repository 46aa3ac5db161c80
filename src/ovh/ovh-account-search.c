/* ovh-account-search.c: find records across every zone of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-account-search.h"
#include "ovh-error.h"

/* OvhZoneMatches ---------------------------------------------------------------------------- */

struct _OvhZoneMatches
{
  GObject parent_instance;

  OvhZone *zone;
  GListStore *records;
};

G_DEFINE_FINAL_TYPE (OvhZoneMatches, ovh_zone_matches, G_TYPE_OBJECT)

enum
{
  MATCHES_PROP_0,
  MATCHES_PROP_ZONE,
  MATCHES_PROP_ZONE_NAME,
  MATCHES_PROP_RECORDS,
  MATCHES_N_PROPS
};

static GParamSpec *matches_properties[MATCHES_N_PROPS];

static void
ovh_zone_matches_dispose (GObject *object)
{
  OvhZoneMatches *self = OVH_ZONE_MATCHES (object);

  g_clear_object (&self->zone);
  g_clear_object (&self->records);
  G_OBJECT_CLASS (ovh_zone_matches_parent_class)->dispose (object);
}

static void
ovh_zone_matches_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhZoneMatches *self = OVH_ZONE_MATCHES (object);

  switch (prop_id)
    {
    case MATCHES_PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case MATCHES_PROP_ZONE_NAME:
      g_value_set_string (value, ovh_zone_matches_get_zone_name (self));
      break;
    case MATCHES_PROP_RECORDS:
      g_value_set_object (value, self->records);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_zone_matches_class_init (OvhZoneMatchesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ovh_zone_matches_dispose;
  object_class->get_property = ovh_zone_matches_get_property;

  matches_properties[MATCHES_PROP_ZONE] = g_param_spec_object (
      "zone", NULL, NULL, OVH_TYPE_ZONE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  matches_properties[MATCHES_PROP_ZONE_NAME] = g_param_spec_string (
      "zone-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  matches_properties[MATCHES_PROP_RECORDS] = g_param_spec_object (
      "records", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, MATCHES_N_PROPS, matches_properties);
}

static void
ovh_zone_matches_init (OvhZoneMatches *self)
{
  self->records = g_list_store_new (OVH_TYPE_RECORD);
}

OvhZone *
ovh_zone_matches_get_zone (OvhZoneMatches *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_MATCHES (self), NULL);
  return self->zone;
}

const char *
ovh_zone_matches_get_zone_name (OvhZoneMatches *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_MATCHES (self), NULL);
  return ovh_zone_get_name (self->zone);
}

GListModel *
ovh_zone_matches_get_records (OvhZoneMatches *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_MATCHES (self), NULL);
  return G_LIST_MODEL (self->records);
}

/* OvhAccountSearch -------------------------------------------------------------------------- */

struct _OvhAccountSearch
{
  GObject parent_instance;

  OvhClient *client;
  GStrv zone_names; /* NULL = list them */
  guint max_in_flight;
  OvhZoneLoadFlags load_flags;
  char *cache_dir;
  OvhAccountSearchMatchFunc match_func;
  gpointer match_data;
  GDestroyNotify match_destroy;

  gboolean loading;
  guint n_zones;
  guint n_zones_loaded;
  GPtrArray *zones;     /* OvhZone, loaded */
  GHashTable *failures; /* zone name → GError */
  GStrv failed_names;   /* sorted keys of failures */
};

G_DEFINE_FINAL_TYPE (OvhAccountSearch, ovh_account_search, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_N_ZONES,
  PROP_N_ZONES_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ovh_account_search_finalize (GObject *object)
{
  OvhAccountSearch *self = OVH_ACCOUNT_SEARCH (object);

  if (self->match_destroy != NULL)
    self->match_destroy (self->match_data);
  g_clear_object (&self->client);
  g_clear_pointer (&self->zone_names, g_strfreev);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_pointer (&self->failed_names, g_strfreev);
  G_OBJECT_CLASS (ovh_account_search_parent_class)->finalize (object);
}

static void
ovh_account_search_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhAccountSearch *self = OVH_ACCOUNT_SEARCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ZONES:
      g_value_set_uint (value, self->n_zones);
      break;
    case PROP_N_ZONES_LOADED:
      g_value_set_uint (value, self->n_zones_loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_account_search_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  OvhAccountSearch *self = OVH_ACCOUNT_SEARCH (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_account_search_class_init (OvhAccountSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_account_search_finalize;
  object_class->get_property = ovh_account_search_get_property;
  object_class->set_property = ovh_account_search_set_property;

  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, OVH_TYPE_CLIENT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING]
      = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ZONES]
      = g_param_spec_uint ("n-zones", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ZONES_LOADED]
      = g_param_spec_uint ("n-zones-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_account_search_init (OvhAccountSearch *self)
{
  self->max_in_flight = OVH_ACCOUNT_SEARCH_DEFAULT_MAX_IN_FLIGHT;
  self->zones = g_ptr_array_new_with_free_func (g_object_unref);
  self->failures
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
  self->failed_names = g_new0 (char *, 1);
}

OvhAccountSearch *
ovh_account_search_new (OvhClient *client)
{
  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  return g_object_new (OVH_TYPE_ACCOUNT_SEARCH, "client", client, NULL);
}

OvhClient *
ovh_account_search_get_client (OvhAccountSearch *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), NULL);
  return self->client;
}

gboolean
ovh_account_search_get_loading (OvhAccountSearch *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), FALSE);
  return self->loading;
}

guint
ovh_account_search_get_n_zones (OvhAccountSearch *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), 0);
  return self->n_zones;
}

guint
ovh_account_search_get_n_zones_loaded (OvhAccountSearch *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), 0);
  return self->n_zones_loaded;
}

void
ovh_account_search_set_zone_names (OvhAccountSearch *self, const char *const *zone_names)
{
  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  g_clear_pointer (&self->zone_names, g_strfreev);
  self->zone_names = g_strdupv ((char **) zone_names);
}

void
ovh_account_search_set_max_in_flight (OvhAccountSearch *self, guint max_in_flight)
{
  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  self->max_in_flight = MAX (max_in_flight, 1);
}

void
ovh_account_search_set_load_flags (OvhAccountSearch *self, OvhZoneLoadFlags flags)
{
  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  self->load_flags = flags;
}

void
ovh_account_search_set_cache_dir (OvhAccountSearch *self, const char *cache_dir)
{
  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
}

void
ovh_account_search_set_match_func (OvhAccountSearch *self,
                                   OvhAccountSearchMatchFunc func,
                                   gpointer user_data,
                                   GDestroyNotify destroy)
{
  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  if (self->match_destroy != NULL)
    self->match_destroy (self->match_data);
  self->match_func = func;
  self->match_data = user_data;
  self->match_destroy = destroy;
}

static void
set_loading (OvhAccountSearch *self, gboolean loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_counts (OvhAccountSearch *self, guint n_zones_loaded, guint n_zones)
{
  /* n-zones first: a listener never sees more loaded than there are. */
  if (self->n_zones != n_zones)
    {
      self->n_zones = n_zones;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ZONES]);
    }
  if (self->n_zones_loaded != n_zones_loaded)
    {
      self->n_zones_loaded = n_zones_loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ZONES_LOADED]);
    }
}

/* Loading ----------------------------------------------------------------------------------- */

typedef struct
{
  GStrv names;
  guint next;
  guint in_flight;
  guint n_done;
  GPtrArray *zones;
  GHashTable *failures;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_strfreev (data->names);
  g_ptr_array_unref (data->zones);
  g_hash_table_unref (data->failures);
  g_free (data);
}

static int
compare_zones (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (ovh_zone_get_name (*(OvhZone **) a), ovh_zone_get_name (*(OvhZone **) b));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The load is over: what was loaded becomes the search's content. */
static void
finish_load (GTask *task)
{
  OvhAccountSearch *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GPtrArray) failed = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_ptr_array_sort (data->zones, compare_zones);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  self->zones = g_ptr_array_ref (data->zones);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  self->failures = g_hash_table_ref (data->failures);

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (failed, g_strdup (key));
  g_ptr_array_sort (failed, compare_names);
  g_ptr_array_add (failed, NULL);
  g_strfreev (self->failed_names);
  self->failed_names = (GStrv) g_ptr_array_steal (failed, NULL);

  set_loading (self, FALSE);
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_boolean (task, TRUE);
}

static void load_next (GTask *task);

static void
zone_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhAccountSearch *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  OvhZone *zone = OVH_ZONE (source);
  GError *error = NULL;

  data->in_flight--;
  data->n_done++;
  if (ovh_zone_load_finish (zone, result, &error))
    g_ptr_array_add (data->zones, g_object_ref (zone));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_error_free (error);
  else
    g_hash_table_insert (data->failures, g_strdup (ovh_zone_get_name (zone)), error);
  set_counts (self, data->n_done, self->n_zones);

  load_next (task);
}

/* Keeps max_in_flight zones loading; the task ends when the last one is back. */
static void
load_next (GTask *task)
{
  OvhAccountSearch *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint n_names = g_strv_length (data->names);

  while (data->in_flight < self->max_in_flight && data->next < n_names
         && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr (OvhZone) zone = ovh_zone_new (self->client, data->names[data->next++]);

      if (self->cache_dir != NULL)
        ovh_zone_set_cache_dir (zone, self->cache_dir);
      data->in_flight++;
      ovh_zone_load_async (zone, self->load_flags, cancellable, zone_loaded_cb,
                           g_object_ref (task));
    }

  if (data->in_flight == 0)
    finish_load (task);
}

static void
start_loading (GTask *task, GStrv names)
{
  OvhAccountSearch *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  data->names = names;
  set_counts (self, 0, g_strv_length (names));
  load_next (task);
}

static void
zones_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhAccountSearch *self = g_task_get_source_object (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  JsonArray *array;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    error = ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                _ ("The list of zones is not an array"));
  if (error != NULL)
    {
      set_loading (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_node_get_string (json_array_get_element (array, i));

      if (name != NULL && *name != '\0')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  start_loading (task, (GStrv) g_ptr_array_steal (names, NULL));
}

void
ovh_account_search_load_async (OvhAccountSearch *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_account_search_load_async);
  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _ ("The zones are already loading"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->zones = g_ptr_array_new_with_free_func (g_object_unref);
  data->failures
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  set_loading (self, TRUE);

  if (self->zone_names != NULL)
    {
      start_loading (task, g_strdupv (self->zone_names));
      return;
    }

  ovh_client_call_async (self->client, "GET", "/domain/zone", NULL, OVH_CALL_NONE, cancellable,
                         zones_listed_cb, g_steal_pointer (&task));
}

gboolean
ovh_account_search_load_finish (OvhAccountSearch *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

GPtrArray *
ovh_account_search_get_zones (OvhAccountSearch *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), NULL);
  return self->zones;
}

const char *const *
ovh_account_search_get_failed_zones (OvhAccountSearch *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), NULL);
  return (const char *const *) self->failed_names;
}

const GError *
ovh_account_search_get_zone_error (OvhAccountSearch *self, const char *zone_name)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), NULL);
  return g_hash_table_lookup (self->failures, zone_name);
}

/* Finding ----------------------------------------------------------------------------------- */

gboolean
ovh_account_search_record_matches (OvhAccountSearch *self,
                                   const char *zone_name,
                                   OvhRecord *record,
                                   const OvhValueReplacer *matcher,
                                   OvhAccountSearchFields fields,
                                   const char *type)
{
  const char *field_type = ovh_record_get_field_type (record);

  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (record), FALSE);
  g_return_val_if_fail (matcher != NULL, FALSE);

  if (type != NULL && *type != '\0' && g_ascii_strcasecmp (type, field_type) != 0)
    return FALSE;
  if ((fields & OVH_ACCOUNT_SEARCH_VALUE) != 0
      && ovh_value_replacer_matches (matcher, ovh_record_get_target (record)))
    return TRUE;
  if ((fields & OVH_ACCOUNT_SEARCH_TYPE) != 0 && ovh_value_replacer_matches (matcher, field_type))
    return TRUE;
  if ((fields & OVH_ACCOUNT_SEARCH_NAME) != 0)
    {
      g_autofree char *fqdn = ovh_record_dup_fqdn (record);

      if (ovh_value_replacer_matches (matcher, ovh_record_get_sub_domain (record))
          || ovh_value_replacer_matches (matcher, fqdn))
        return TRUE;
    }
  return self->match_func != NULL
         && self->match_func (zone_name, record, matcher, self->match_data);
}

GListModel *
ovh_account_search_find (OvhAccountSearch *self,
                         const OvhValueReplacer *matcher,
                         OvhAccountSearchFields fields,
                         const char *type)
{
  GListStore *found;

  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (self), NULL);
  g_return_val_if_fail (matcher != NULL, NULL);

  found = g_list_store_new (OVH_TYPE_ZONE_MATCHES);
  for (guint i = 0; i < self->zones->len; i++)
    {
      OvhZone *zone = g_ptr_array_index (self->zones, i);
      GListModel *records = ovh_zone_get_records (zone);
      guint n_records = g_list_model_get_n_items (records);
      g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr (OvhZoneMatches) matches = NULL;

      for (guint j = 0; j < n_records; j++)
        {
          g_autoptr (OvhRecord) record = g_list_model_get_item (records, j);

          if (ovh_account_search_record_matches (self, ovh_zone_get_name (zone), record, matcher,
                                                 fields, type))
            g_ptr_array_add (hits, g_steal_pointer (&record));
        }
      if (hits->len == 0)
        continue;

      matches = g_object_new (OVH_TYPE_ZONE_MATCHES, NULL);
      matches->zone = g_object_ref (zone);
      g_list_store_splice (matches->records, 0, 0, hits->pdata, hits->len);
      g_list_store_append (found, matches);
    }
  return G_LIST_MODEL (found);
}
