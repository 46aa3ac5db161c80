/* ovh-zone.c: one DNS zone hosted at OVH: info, SOA and its records as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"
#include "ovh-progress-private.h"
#include "ovh-record-cache.h"
#include "ovh-record-loader.h"
#include "ovh-record-list.h"
#include "ovh-zone-private.h"

struct _OvhZone
{
  GObject parent_instance;

  OvhClient *client;
  char *name;
  char *path; /* "/domain/zone/<name>" */

  OvhRecordList *records;
  GHashTable *positions; /* record id → position + 1; rebuilt after a removal */
  gboolean positions_valid;

  OvhZoneLoadState load_state;
  guint n_loaded;
  guint n_total;
  gboolean loading;

  /* Info */
  char **name_servers;
  gboolean dnssec_supported;
  gboolean has_dns_anycast;
  GDateTime *last_update;

  /* SOA */
  guint64 serial;
  guint default_ttl;
  char *soa_server;
  char *soa_email;
  guint soa_refresh;
  guint soa_expire;
  guint soa_nx_domain_ttl;

  OvhRecordLoadStrategy strategy;
  gboolean from_cache;
  OvhRecordLoadStrategy load_strategy;
  gboolean cache_enabled;
  char *cache_dir;
};

G_DEFINE_FINAL_TYPE (OvhZone, ovh_zone, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OvhZoneLoadState,
                    ovh_zone_load_state,
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_LOAD_STATE_EMPTY, "empty"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_LOAD_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_LOAD_STATE_LOADED, "loaded"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_LOAD_STATE_FAILED, "failed"))

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_NAME,
  PROP_RECORDS,
  PROP_LOAD_STATE,
  PROP_N_LOADED,
  PROP_N_TOTAL,
  PROP_SERIAL,
  PROP_DEFAULT_TTL,
  PROP_NAME_SERVERS,
  PROP_DNSSEC_SUPPORTED,
  PROP_HAS_DNS_ANYCAST,
  PROP_LAST_UPDATE,
  PROP_STRATEGY,
  PROP_FROM_CACHE,
  PROP_LOAD_STRATEGY,
  PROP_CACHE_ENABLED,
  PROP_CACHE_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Ids are keys as they are where a pointer holds 64 bits: no allocation a record. */
#if GLIB_SIZEOF_VOID_P >= 8
static guint
id_hash (gconstpointer key)
{
  guint64 id = GPOINTER_TO_SIZE (key);

  return (guint) (id ^ (id >> 32));
}

static GHashTable *
positions_new (void)
{
  return g_hash_table_new (id_hash, g_direct_equal);
}

static void
positions_insert (OvhZone *self, guint64 id, guint position)
{
  g_hash_table_insert (self->positions, GSIZE_TO_POINTER (id), GUINT_TO_POINTER (position + 1));
}

static void
positions_remove (OvhZone *self, guint64 id)
{
  g_hash_table_remove (self->positions, GSIZE_TO_POINTER (id));
}

static guint
positions_lookup (OvhZone *self, guint64 id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, GSIZE_TO_POINTER (id)));
}
#else
static GHashTable *
positions_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
positions_insert (OvhZone *self, guint64 id, guint position)
{
  g_hash_table_insert (self->positions, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (position + 1));
}

static void
positions_remove (OvhZone *self, guint64 id)
{
  g_hash_table_remove (self->positions, &id);
}

static guint
positions_lookup (OvhZone *self, guint64 id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, &id));
}
#endif

/* The model */

static void
rebuild_positions (OvhZone *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->records));

  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < n; i++)
    positions_insert (self, ovh_record_get_id (ovh_record_list_get (self->records, i)), i);
  self->positions_valid = TRUE;
}

static void
set_records (OvhZone *self, GPtrArray *records)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->records));

  g_hash_table_remove_all (self->positions);
  for (guint i = 0; i < records->len; i++)
    positions_insert (self, ovh_record_get_id (g_ptr_array_index (records, i)), i);
  self->positions_valid = TRUE;

  /* One items-changed for the whole load. */
  ovh_record_list_splice (self->records, 0, old_n, (OvhRecord **) records->pdata, records->len);
}

void
ovh_zone_add_record (OvhZone *self, OvhRecord *record)
{
  guint64 id;
  guint position;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (OVH_IS_RECORD (record));

  id = ovh_record_get_id (record);
  g_return_if_fail (id != 0);

  if (ovh_zone_replace_record (self, record))
    return;

  position = g_list_model_get_n_items (G_LIST_MODEL (self->records));
  if (self->positions_valid)
    positions_insert (self, id, position);
  ovh_record_list_splice (self->records, position, 0, &record, 1);
}

gboolean
ovh_zone_replace_record (OvhZone *self, OvhRecord *record)
{
  guint position;

  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (record), FALSE);

  if (!ovh_zone_find_position_by_id (self, ovh_record_get_id (record), &position))
    return FALSE;

  ovh_record_list_splice (self->records, position, 1, &record, 1);
  return TRUE;
}

gboolean
ovh_zone_remove_record (OvhZone *self, guint64 id)
{
  guint position;

  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);

  if (!ovh_zone_find_position_by_id (self, id, &position))
    return FALSE;

  positions_remove (self, id);
  /* Every later row moves up: positions are rebuilt on the next lookup. */
  self->positions_valid = FALSE;
  ovh_record_list_splice (self->records, position, 1, NULL, 0);
  return TRUE;
}

OvhRecord *
ovh_zone_find_record_by_id (OvhZone *self, guint64 id)
{
  guint position;

  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);

  if (!ovh_zone_find_position_by_id (self, id, &position))
    return NULL;
  return ovh_record_list_get (self->records, position);
}

gboolean
ovh_zone_find_position_by_id (OvhZone *self, guint64 id, guint *position)
{
  guint found;

  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);

  if (!self->positions_valid)
    rebuild_positions (self);

  found = positions_lookup (self, id);
  if (found == 0)
    return FALSE;
  if (position != NULL)
    *position = found - 1;
  return TRUE;
}

GListModel *
ovh_zone_get_records (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return G_LIST_MODEL (self->records);
}

guint
ovh_zone_get_n_records (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->records));
}

/* State */

static void
set_load_state (OvhZone *self, OvhZoneLoadState state)
{
  if (self->load_state == state)
    return;
  self->load_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_STATE]);
}

static void
set_progress (OvhZone *self, guint n_loaded, guint n_total)
{
  ovh_progress_set (G_OBJECT (self), &self->n_loaded, &self->n_total, properties[PROP_N_LOADED],
                    properties[PROP_N_TOTAL], n_loaded, n_total);
}

static void
set_strategy (OvhZone *self, OvhRecordLoadStrategy strategy, gboolean from_cache)
{
  if (self->strategy != strategy)
    {
      self->strategy = strategy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRATEGY]);
    }
  if (self->from_cache != from_cache)
    {
      self->from_cache = from_cache;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_CACHE]);
    }
}

/* Says what was being read when a member of an answer is malformed. */
static gboolean
zone_answer_invalid (GError **error, const char *prefix)
{
  g_prefix_error (error, "%s", prefix);
  return FALSE;
}

/* GET …/soa: {server, email, serial, ttl, refresh, expire, nxDomainTtl}. A member of the
 * wrong type is an error: the zone must not be shown with made-up values. */
static gboolean
apply_soa (OvhZone *self, JsonNode *node, GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *server, *email;
  guint64 serial, refresh, expire, nx_domain_ttl, ttl;

  if (object == NULL
      || !ovh_json_read_uint (object, "serial", OVH_JSON_REQUIRED, G_MAXINT64, &serial, NULL))
    {
      g_propagate_error (error, ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                                    _ ("OVH sent a zone SOA without a serial")));
      return FALSE;
    }

  if (!ovh_json_read_string (object, "server", OVH_JSON_OPTIONAL, &server, error)
      || !ovh_json_read_string (object, "email", OVH_JSON_OPTIONAL, &email, error)
      || !ovh_json_read_uint (object, "refresh", OVH_JSON_OPTIONAL, G_MAXUINT, &refresh, error)
      || !ovh_json_read_uint (object, "expire", OVH_JSON_OPTIONAL, G_MAXUINT, &expire, error)
      || !ovh_json_read_uint (object, "nxDomainTtl", OVH_JSON_OPTIONAL, G_MAXUINT, &nx_domain_ttl,
                              error)
      || !ovh_json_read_uint (object, "ttl", OVH_JSON_OPTIONAL, G_MAXUINT, &ttl, error))
    return zone_answer_invalid (
        error,
        /* Translators: an explanation such as “ttl” is not a whole number follows */
        _ ("The zone’s SOA sent by OVHcloud is not valid: "));

  g_free (self->soa_server);
  self->soa_server = g_strdup (server);
  g_free (self->soa_email);
  self->soa_email = g_strdup (email);
  self->soa_refresh = (guint) refresh;
  self->soa_expire = (guint) expire;
  self->soa_nx_domain_ttl = (guint) nx_domain_ttl;

  if (ttl == 0)
    ttl = self->soa_nx_domain_ttl;

  if (self->serial != serial)
    {
      self->serial = serial;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
    }
  if (self->default_ttl != ttl)
    {
      self->default_ttl = ttl;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_TTL]);
    }
  return TRUE;
}

/* GET /domain/zone/{zone}: {name, nameServers[], dnssecSupported, hasDnsAnycast, lastUpdate}.
 * A member OVH leaves out does not stop the zone from loading; one of the wrong type does. */
static gboolean
apply_info (OvhZone *self, JsonNode *node, GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GDateTime) last_update = NULL;
  JsonObject *object = ovh_json_node_get_object (node);
  JsonArray *servers;
  gboolean dnssec_supported, has_dns_anycast;

  if (object == NULL)
    {
      g_propagate_error (error,
                         ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                             _ ("OVH sent zone details that are not an object")));
      return FALSE;
    }

  if (!ovh_json_read_array (object, "nameServers", OVH_JSON_OPTIONAL, &servers, error)
      || !ovh_json_read_boolean (object, "dnssecSupported", OVH_JSON_OPTIONAL, &dnssec_supported,
                                 error)
      || !ovh_json_read_boolean (object, "hasDnsAnycast", OVH_JSON_OPTIONAL, &has_dns_anycast,
                                 error)
      || !ovh_json_read_date (object, "lastUpdate", OVH_JSON_OPTIONAL, &last_update, error))
    return zone_answer_invalid (
        error,
        /* Translators: an explanation such as “hasDnsAnycast” is not true or false follows */
        _ ("The zone details sent by OVHcloud are not valid: "));

  for (guint i = 0; servers != NULL && i < json_array_get_length (servers); i++)
    {
      const char *server = ovh_json_node_get_string (json_array_get_element (servers, i));

      if (server == NULL)
        {
          g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                       /* Translators: %s is the name of a member of OVH's JSON answer */
                       _ ("“%s” is not a list of host names"), "nameServers");
          return zone_answer_invalid (
              error,
              /* Translators: an explanation such as “hasDnsAnycast” is not true or false follows */
              _ ("The zone details sent by OVHcloud are not valid: "));
        }
      g_strv_builder_add (builder, server);
    }
  g_strfreev (self->name_servers);
  self->name_servers = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME_SERVERS]);

  if (dnssec_supported != self->dnssec_supported)
    {
      self->dnssec_supported = dnssec_supported;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DNSSEC_SUPPORTED]);
    }
  if (has_dns_anycast != self->has_dns_anycast)
    {
      self->has_dns_anycast = has_dns_anycast;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DNS_ANYCAST]);
    }

  if (last_update != NULL || self->last_update != NULL)
    {
      g_clear_pointer (&self->last_update, g_date_time_unref);
      self->last_update = g_steal_pointer (&last_update);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATE]);
    }
  return TRUE;
}

/* Loading */

typedef struct
{
  OvhZoneLoadFlags flags;
  OvhZoneLoadState previous_state;
  JsonNode *soa;
  JsonNode *info;
  OvhRecordLoader *loader;
  gulong progress_id;
  GPtrArray *records;
  guint n_pending;
  GError *error;
  /* The SOA and the cache read go together; the cache is judged once both are in. */
  guint n_soa_and_cache;
  GError *soa_error;
  OvhRecordCacheEntry *cached;
  GError *cache_error;
} LoadData;

static void
load_data_free (LoadData *data)
{
  if (data->progress_id != 0)
    g_signal_handler_disconnect (data->loader, data->progress_id);
  g_clear_object (&data->loader);
  g_clear_pointer (&data->soa, json_node_unref);
  g_clear_pointer (&data->info, json_node_unref);
  g_clear_pointer (&data->records, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_clear_error (&data->soa_error);
  g_clear_pointer (&data->cached, ovh_record_cache_entry_free);
  g_clear_error (&data->cache_error);
  g_free (data);
}

static char *
dup_cache_path (OvhZone *self)
{
  return ovh_record_cache_dup_path (self->cache_dir, ovh_client_get_base_url (self->client),
                                    ovh_client_get_application_key (self->client), self->name);
}

static void
load_failed (GTask *task, GError *error)
{
  OvhZone *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  self->loading = FALSE;
  /* A cancelled load leaves the zone as it was; a failed one says so. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_load_state (self, data->previous_state);
  else
    set_load_state (self, OVH_ZONE_LOAD_STATE_FAILED);
  g_task_return_error (task, error);
}

static void
load_succeeded (GTask *task,
                GPtrArray *records,
                OvhRecordLoadStrategy strategy,
                gboolean from_cache)
{
  OvhZone *self = g_task_get_source_object (task);

  set_records (self, records);
  set_progress (self, records->len, records->len);
  set_strategy (self, strategy, from_cache);
  self->loading = FALSE;
  set_load_state (self, OVH_ZONE_LOAD_STATE_LOADED);
  g_task_return_boolean (task, TRUE);
}

static void
cache_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  LoadData *data = g_task_get_task_data (task);
  OvhZone *self = g_task_get_source_object (task);

  /* A cache that cannot be written costs the next open a full load, nothing more. */
  if (!ovh_record_cache_write_finish (result, &error))
    g_debug ("Zone %s: cache not written: %s", self->name, error->message);

  load_succeeded (task, data->records, ovh_record_loader_get_used_strategy (data->loader), FALSE);
}

static void
fetch_step_done (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (--data->n_pending > 0)
    return;

  if (data->error != NULL)
    {
      load_failed (task, g_steal_pointer (&data->error));
      return;
    }

  if (!apply_info (self, data->info, &error))
    {
      load_failed (task, g_steal_pointer (&error));
      return;
    }

  if (self->cache_enabled)
    {
      g_autoptr (OvhRecordCacheEntry) entry = ovh_record_cache_entry_new (self->name);
      g_autoptr (GBytes) contents = NULL;
      g_autofree char *path = dup_cache_path (self);

      entry->serial = self->serial;
      entry->strategy = ovh_record_loader_get_used_strategy (data->loader);
      entry->info = json_node_ref (data->info);
      entry->soa = data->soa != NULL ? json_node_ref (data->soa) : NULL;
      for (guint i = 0; i < data->records->len; i++)
        g_ptr_array_add (entry->records, g_object_ref (g_ptr_array_index (data->records, i)));
      contents = ovh_record_cache_entry_serialize (entry);
      ovh_record_cache_write_async (path, contents, NULL, cache_written_cb, g_object_ref (task));
      return;
    }

  load_succeeded (task, data->records, ovh_record_loader_get_used_strategy (data->loader), FALSE);
}

static void
note_error (LoadData *data, GError *error)
{
  if (data->error == NULL)
    data->error = error;
  else
    g_error_free (error);
}

static void
info_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->info = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (data->info == NULL)
    note_error (data, error);
  fetch_step_done (task);
}

static void
records_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->records = ovh_record_loader_load_finish (OVH_RECORD_LOADER (source), result, &error);
  if (data->records == NULL)
    note_error (data, error);
  fetch_step_done (task);
}

static void
loader_progress_cb (OvhRecordLoader *loader, GParamSpec *pspec, OvhZone *self)
{
  set_progress (self, ovh_record_loader_get_n_loaded (loader),
                ovh_record_loader_get_n_total (loader));
}

static void
fetch_everything (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  data->loader = ovh_record_loader_new (self->client, self->name);
  ovh_record_loader_set_strategy (data->loader, self->load_strategy);
  data->progress_id
      = g_signal_connect (data->loader, "notify", G_CALLBACK (loader_progress_cb), self);

  data->n_pending += 2;
  ovh_client_call_async (self->client, "GET", self->path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), info_cb, g_object_ref (task));
  ovh_record_loader_load_async (data->loader, g_task_get_cancellable (task), records_cb,
                                g_object_ref (task));
}

/* Both the SOA and the cache are in: an unchanged serial answers from the cache. */
static void
judge_cache (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (OvhRecordCacheEntry) entry = g_steal_pointer (&data->cached);
  const char *base_url = ovh_client_get_base_url (self->client);
  GError *error = NULL;

  if (data->soa_error != NULL)
    {
      load_failed (task, g_steal_pointer (&data->soa_error));
      return;
    }
  if (g_error_matches (data->cache_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_failed (task, g_steal_pointer (&data->cache_error));
      return;
    }
  if (!apply_soa (self, data->soa, &error))
    {
      load_failed (task, error);
      return;
    }

  if (entry == NULL || entry->serial != self->serial || entry->info == NULL)
    {
      if (data->cache_error != NULL
          && !g_error_matches (data->cache_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Zone %s: cache ignored: %s", self->name, data->cache_error->message);
      fetch_everything (task);
      return;
    }

  if (!apply_info (self, entry->info, NULL))
    {
      fetch_everything (task);
      return;
    }

  /* The cache also says what worked with this endpoint, across restarts. */
  if (ovh_record_loader_lookup_remembered (base_url) == OVH_RECORD_LOAD_STRATEGY_AUTO)
    ovh_record_loader_remember (base_url, entry->strategy);

  load_succeeded (task, entry->records, entry->strategy, TRUE);
}

static void
cache_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);

  data->cached = ovh_record_cache_read_finish (result, &data->cache_error);
  if (--data->n_soa_and_cache == 0)
    judge_cache (task);
}

static void
soa_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);

  data->soa = ovh_client_call_finish (OVH_CLIENT (source), result, &data->soa_error);
  if (--data->n_soa_and_cache == 0)
    judge_cache (task);
}

/* The SOA sent together with the info and the records, when no cache waits for its serial. */
static void
soa_alongside_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhZone *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->soa = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (data->soa == NULL || !apply_soa (self, data->soa, &error))
    note_error (data, error);
  fetch_step_done (task);
}

static gboolean
cache_may_answer (OvhZone *self, OvhZoneLoadFlags flags)
{
  g_autofree char *path = NULL;

  if (!self->cache_enabled || (flags & OVH_ZONE_LOAD_BYPASS_CACHE))
    return FALSE;
  path = dup_cache_path (self);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

void
ovh_zone_load_async (OvhZone *self,
                     OvhZoneLoadFlags flags,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *soa_path = NULL;
  LoadData *data;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_load_async);

  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _ ("The zone %s is already loading"), self->name);
      return;
    }

  data = g_new0 (LoadData, 1);
  data->flags = flags;
  data->previous_state = self->load_state;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  self->loading = TRUE;
  set_progress (self, 0, 0);
  set_load_state (self, OVH_ZONE_LOAD_STATE_LOADING);

  soa_path = g_strconcat (self->path, "/soa", NULL);
  if (cache_may_answer (self, flags))
    {
      g_autofree char *path = dup_cache_path (self);

      /* The serial first: an unchanged zone then costs this one request. The cache is read
       * meanwhile, so that its answer does not wait for the network. */
      data->n_soa_and_cache = 2;
      ovh_client_call_async (self->client, "GET", soa_path, NULL, OVH_CALL_NONE, cancellable,
                             soa_cb, g_object_ref (task));
      ovh_record_cache_read_async (path, self->name, cancellable, cache_read_cb,
                                   g_object_ref (task));
      return;
    }

  /* Nothing to compare the serial with: one round trip for the SOA, the info and the first
   * records. */
  data->n_pending = 1;
  ovh_client_call_async (self->client, "GET", soa_path, NULL, OVH_CALL_NONE, cancellable,
                         soa_alongside_cb, g_object_ref (task));
  fetch_everything (task);
}

gboolean
ovh_zone_load_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ovh_zone_reload_async (OvhZone *self,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  ovh_zone_load_async (self, OVH_ZONE_LOAD_BYPASS_CACHE, cancellable, callback, user_data);
}

gboolean
ovh_zone_reload_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  return ovh_zone_load_finish (self, result, error);
}

void
ovh_zone_forget_cache (OvhZone *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (OVH_IS_ZONE (self));

  path = dup_cache_path (self);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Zone %s: cannot remove its cache: %s", self->name, g_strerror (errno));
}

/* Accessors */

OvhZone *
ovh_zone_new (OvhClient *client, const char *name)
{
  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  return g_object_new (OVH_TYPE_ZONE, "client", client, "name", name, NULL);
}

OvhClient *
ovh_zone_get_client (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return self->client;
}

const char *
ovh_zone_get_name (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return self->name;
}

OvhZoneLoadState
ovh_zone_get_load_state (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), OVH_ZONE_LOAD_STATE_EMPTY);
  return self->load_state;
}

guint
ovh_zone_get_n_loaded (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->n_loaded;
}

guint
ovh_zone_get_n_total (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->n_total;
}

const char *const *
ovh_zone_get_name_servers (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return (const char *const *) self->name_servers;
}

gboolean
ovh_zone_get_dnssec_supported (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  return self->dnssec_supported;
}

gboolean
ovh_zone_get_has_dns_anycast (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  return self->has_dns_anycast;
}

GDateTime *
ovh_zone_get_last_update (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return self->last_update;
}

guint64
ovh_zone_get_serial (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->serial;
}

guint
ovh_zone_get_default_ttl (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->default_ttl;
}

const char *
ovh_zone_get_soa_server (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return self->soa_server;
}

const char *
ovh_zone_get_soa_email (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return self->soa_email;
}

guint
ovh_zone_get_soa_refresh (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->soa_refresh;
}

guint
ovh_zone_get_soa_expire (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->soa_expire;
}

guint
ovh_zone_get_soa_nx_domain_ttl (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), 0);
  return self->soa_nx_domain_ttl;
}

OvhRecordLoadStrategy
ovh_zone_get_strategy (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), OVH_RECORD_LOAD_STRATEGY_AUTO);
  return self->strategy;
}

gboolean
ovh_zone_get_from_cache (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  return self->from_cache;
}

OvhRecordLoadStrategy
ovh_zone_get_load_strategy (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), OVH_RECORD_LOAD_STRATEGY_AUTO);
  return self->load_strategy;
}

void
ovh_zone_set_load_strategy (OvhZone *self, OvhRecordLoadStrategy strategy)
{
  g_return_if_fail (OVH_IS_ZONE (self));

  if (self->load_strategy == strategy)
    return;
  self->load_strategy = strategy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_STRATEGY]);
}

gboolean
ovh_zone_get_cache_enabled (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);
  return self->cache_enabled;
}

void
ovh_zone_set_cache_enabled (OvhZone *self, gboolean enabled)
{
  g_return_if_fail (OVH_IS_ZONE (self));

  enabled = !!enabled;
  if (self->cache_enabled == enabled)
    return;
  self->cache_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_ENABLED]);
}

const char *
ovh_zone_get_cache_dir (OvhZone *self)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);
  return self->cache_dir;
}

void
ovh_zone_set_cache_dir (OvhZone *self, const char *cache_dir)
{
  g_return_if_fail (OVH_IS_ZONE (self));

  if (g_strcmp0 (self->cache_dir, cache_dir) == 0)
    return;
  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_DIR]);
}

/* GObject */

static void
ovh_zone_constructed (GObject *object)
{
  OvhZone *self = OVH_ZONE (object);

  G_OBJECT_CLASS (ovh_zone_parent_class)->constructed (object);

  self->path = ovh_path_printf ("/domain/zone/%s", self->name);
}

static void
ovh_zone_finalize (GObject *object)
{
  OvhZone *self = OVH_ZONE (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_object (&self->records);
  g_clear_pointer (&self->name_servers, g_strfreev);
  g_clear_pointer (&self->last_update, g_date_time_unref);
  g_clear_pointer (&self->soa_server, g_free);
  g_clear_pointer (&self->soa_email, g_free);
  g_clear_pointer (&self->cache_dir, g_free);

  G_OBJECT_CLASS (ovh_zone_parent_class)->finalize (object);
}

static void
ovh_zone_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhZone *self = OVH_ZONE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_RECORDS:
      g_value_set_object (value, self->records);
      break;
    case PROP_LOAD_STATE:
      g_value_set_enum (value, self->load_state);
      break;
    case PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_SERIAL:
      g_value_set_uint64 (value, self->serial);
      break;
    case PROP_DEFAULT_TTL:
      g_value_set_uint (value, self->default_ttl);
      break;
    case PROP_NAME_SERVERS:
      g_value_set_boxed (value, self->name_servers);
      break;
    case PROP_DNSSEC_SUPPORTED:
      g_value_set_boolean (value, self->dnssec_supported);
      break;
    case PROP_HAS_DNS_ANYCAST:
      g_value_set_boolean (value, self->has_dns_anycast);
      break;
    case PROP_LAST_UPDATE:
      g_value_set_boxed (value, self->last_update);
      break;
    case PROP_STRATEGY:
      g_value_set_enum (value, self->strategy);
      break;
    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;
    case PROP_LOAD_STRATEGY:
      g_value_set_enum (value, self->load_strategy);
      break;
    case PROP_CACHE_ENABLED:
      g_value_set_boolean (value, self->cache_enabled);
      break;
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_zone_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OvhZone *self = OVH_ZONE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_LOAD_STRATEGY:
      ovh_zone_set_load_strategy (self, g_value_get_enum (value));
      break;
    case PROP_CACHE_ENABLED:
      ovh_zone_set_cache_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_CACHE_DIR:
      ovh_zone_set_cache_dir (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_zone_class_init (OvhZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ovh_zone_constructed;
  object_class->finalize = ovh_zone_finalize;
  object_class->get_property = ovh_zone_get_property;
  object_class->set_property = ovh_zone_set_property;

  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, OVH_TYPE_CLIENT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORDS] = g_param_spec_object ("records", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_LOAD_STATE] = g_param_spec_enum (
      "load-state", NULL, NULL, OVH_TYPE_ZONE_LOAD_STATE, OVH_ZONE_LOAD_STATE_EMPTY, ro);
  properties[PROP_N_LOADED] = g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_SERIAL] = g_param_spec_uint64 ("serial", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_DEFAULT_TTL] = g_param_spec_uint ("default-ttl", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NAME_SERVERS] = g_param_spec_boxed ("name-servers", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_DNSSEC_SUPPORTED]
      = g_param_spec_boolean ("dnssec-supported", NULL, NULL, FALSE, ro);
  properties[PROP_HAS_DNS_ANYCAST]
      = g_param_spec_boolean ("has-dns-anycast", NULL, NULL, FALSE, ro);
  properties[PROP_LAST_UPDATE]
      = g_param_spec_boxed ("last-update", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_STRATEGY] = g_param_spec_enum (
      "strategy", NULL, NULL, OVH_TYPE_RECORD_LOAD_STRATEGY, OVH_RECORD_LOAD_STRATEGY_AUTO, ro);
  properties[PROP_FROM_CACHE] = g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, ro);
  properties[PROP_LOAD_STRATEGY]
      = g_param_spec_enum ("load-strategy", NULL, NULL, OVH_TYPE_RECORD_LOAD_STRATEGY,
                           OVH_RECORD_LOAD_STRATEGY_AUTO, rw);
  properties[PROP_CACHE_ENABLED] = g_param_spec_boolean ("cache-enabled", NULL, NULL, TRUE, rw);
  properties[PROP_CACHE_DIR] = g_param_spec_string ("cache-dir", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_zone_init (OvhZone *self)
{
  self->records = ovh_record_list_new ();
  self->positions = positions_new ();
  self->positions_valid = TRUE;
  self->cache_enabled = TRUE;
}

/* For the zone operations that live in their own files (ovh-zone-status.c, …). */

char *
ovh_zone_dup_path (OvhZone *self, const char *suffix)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), NULL);

  return g_strconcat (self->path, suffix, NULL);
}

gboolean
ovh_zone_apply_soa_json (OvhZone *self, JsonNode *node, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);

  return apply_soa (self, node, error);
}

gboolean
ovh_zone_apply_info_json (OvhZone *self, JsonNode *node, GError **error)
{
  g_return_val_if_fail (OVH_IS_ZONE (self), FALSE);

  return apply_info (self, node, error);
}
