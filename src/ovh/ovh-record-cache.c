/* ovh-record-cache.c: a zone's records on disk, keyed by the SOA serial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ovh-record-cache.h"
#include "ovh-json-private.h"
#include "ovh-record-loader.h"

OvhRecordCacheEntry *
ovh_record_cache_entry_new (const char *zone)
{
  OvhRecordCacheEntry *entry = g_new0 (OvhRecordCacheEntry, 1);

  entry->zone = g_strdup (zone);
  entry->records = g_ptr_array_new_with_free_func (g_object_unref);
  return entry;
}

void
ovh_record_cache_entry_free (OvhRecordCacheEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->zone);
  g_clear_pointer (&entry->info, json_node_unref);
  g_clear_pointer (&entry->soa, json_node_unref);
  g_clear_pointer (&entry->records, g_ptr_array_unref);
  g_free (entry);
}

char *
ovh_record_cache_dup_path (const char *cache_dir,
                           const char *base_url,
                           const char *application_key,
                           const char *zone)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *name = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  /* NUL separators: no choice of parts can collide with another. */
  g_checksum_update (checksum, (const guchar *) base_url, strlen (base_url) + 1);
  if (application_key != NULL)
    g_checksum_update (checksum, (const guchar *) application_key, strlen (application_key) + 1);
  g_checksum_update (checksum, (const guchar *) zone, strlen (zone) + 1);
  name = g_strconcat (g_checksum_get_string (checksum), ".json", NULL);

  if (cache_dir != NULL)
    return g_build_filename (cache_dir, name, NULL);
  return g_build_filename (g_get_user_cache_dir (), "domaine", "zones", name, NULL);
}

static void
append_json_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_node (GString *out, JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  text = json_to_string (node, FALSE);
  g_string_append (out, text);
}

/* Written by hand: a 100,000-record zone through JsonBuilder costs a node per field. */
GBytes *
ovh_record_cache_entry_serialize (OvhRecordCacheEntry *entry)
{
  GString *out;

  g_return_val_if_fail (entry != NULL, NULL);

  out = g_string_sized_new (128 + entry->records->len * 96);
  g_string_append_printf (out, "{\"format\":%d,\"zone\":", OVH_RECORD_CACHE_FORMAT);
  append_json_string (out, entry->zone);
  g_string_append_printf (out, ",\"serial\":%" G_GUINT64_FORMAT ",\"strategy\":", entry->serial);
  append_json_string (out, ovh_record_load_strategy_to_string (entry->strategy));
  g_string_append (out, ",\"info\":");
  append_node (out, entry->info);
  g_string_append (out, ",\"soa\":");
  append_node (out, entry->soa);
  g_string_append (out, ",\"records\":[");

  for (guint i = 0; i < entry->records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (entry->records, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (
          out, "\n{\"id\":%" G_GUINT64_FORMAT ",\"subDomain\":", ovh_record_get_id (record));
      append_json_string (out, ovh_record_get_sub_domain (record));
      g_string_append (out, ",\"fieldType\":");
      append_json_string (out, ovh_record_get_field_type (record));
      g_string_append (out, ",\"target\":");
      append_json_string (out, ovh_record_get_target (record));
      g_string_append_printf (out, ",\"ttl\":%u}", ovh_record_get_ttl (record));
    }
  g_string_append (out, "]}\n");

  return g_string_free_to_bytes (out);
}

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Zone cache file: %s", what);
  return FALSE;
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* A name's records as counted by ovh_record_cache_entry_check(). */
typedef struct
{
  guint n_records;
  gboolean has_cname;
} NameUse;

gboolean
ovh_record_cache_entry_check (OvhRecordCacheEntry *entry, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GHashTable) names = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), entry->records->len);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < entry->records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (entry->records, i);
      g_autoptr (GError) local_error = NULL;
      guint64 id = ovh_record_get_id (record);
      char *name;
      NameUse *use;

      if (!ovh_record_check (record, &local_error))
        return invalid (error, local_error->message);
      g_array_append_val (ids, id);

      name = g_ascii_strdown (ovh_record_get_sub_domain (record), -1);
      use = g_hash_table_lookup (names, name);
      if (use == NULL)
        {
          use = g_new0 (NameUse, 1);
          g_hash_table_insert (names, name, use);
        }
      else
        g_free (name);
      use->n_records++;
      use->has_cname |= g_strcmp0 (ovh_record_get_field_type (record), "CNAME") == 0;
      /* A CNAME stands alone at its name (ovh_records_check_conflicts(), in one pass). */
      if (use->has_cname && use->n_records > 1)
        return invalid (error, "an alias (CNAME) shares its name");
    }

  g_array_sort (ids, compare_ids);
  for (guint i = 1; i < ids->len; i++)
    if (g_array_index (ids, guint64, i) == g_array_index (ids, guint64, i - 1))
      return invalid (error, "two records have the same id");

  return TRUE;
}

/* A copy of the object member name; FALSE when it is there but not an object. */
static gboolean
copy_object_member (JsonObject *object, const char *name, JsonNode **out)
{
  JsonObject *member;

  *out = NULL;
  if (!ovh_json_read_object (object, name, OVH_JSON_OPTIONAL, &member, NULL))
    return FALSE;
  if (member != NULL)
    *out = json_node_copy (json_object_get_member (object, name));
  return TRUE;
}

OvhRecordCacheEntry *
ovh_record_cache_entry_parse (const char *data,
                              gsize length,
                              const char *expected_zone,
                              GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (OvhRecordCacheEntry) entry = NULL;
  JsonObject *root;
  JsonArray *records;
  const char *zone;
  guint64 format, serial;
  guint n;

  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return invalid (error, "not JSON"), NULL;
  /* An empty file parses, to no root at all. */
  if ((root = ovh_json_node_get_object (json_parser_get_root (parser))) == NULL)
    return invalid (error, "not an object"), NULL;

  if (!ovh_json_read_uint (root, "format", OVH_JSON_REQUIRED, G_MAXUINT, &format, NULL)
      || format != OVH_RECORD_CACHE_FORMAT)
    return invalid (error, "unknown format"), NULL;
  if (!ovh_json_read_string (root, "zone", OVH_JSON_REQUIRED, &zone, NULL)
      || (expected_zone != NULL && g_strcmp0 (zone, expected_zone) != 0))
    return invalid (error, "another zone"), NULL;
  if (!ovh_json_read_uint (root, "serial", OVH_JSON_REQUIRED, G_MAXINT64, &serial, NULL))
    return invalid (error, "no serial"), NULL;

  entry = ovh_record_cache_entry_new (zone);
  entry->serial = serial;
  entry->strategy
      = ovh_record_load_strategy_from_string (ovh_json_lookup_string (root, "strategy"));
  if (!copy_object_member (root, "info", &entry->info))
    return invalid (error, "bad info"), NULL;
  if (!copy_object_member (root, "soa", &entry->soa))
    return invalid (error, "bad soa"), NULL;

  if (!ovh_json_read_array (root, "records", OVH_JSON_REQUIRED, &records, NULL))
    return invalid (error, "no records"), NULL;

  n = json_array_get_length (records);
  g_ptr_array_set_size (entry->records, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = ovh_json_node_get_object (json_array_get_element (records, i));
      const char *sub_domain, *field_type, *target;
      guint64 id, ttl;
      OvhRecord *record;

      if (object == NULL)
        return invalid (error, "a record is not an object"), NULL;
      if (!ovh_json_read_string (object, "subDomain", OVH_JSON_REQUIRED, &sub_domain, NULL)
          || !ovh_json_read_string (object, "fieldType", OVH_JSON_REQUIRED, &field_type, NULL)
          || !ovh_json_read_string (object, "target", OVH_JSON_REQUIRED, &target, NULL)
          || !ovh_json_read_uint (object, "id", OVH_JSON_REQUIRED, G_MAXINT64, &id, NULL) || id == 0
          || !ovh_json_read_uint (object, "ttl", OVH_JSON_REQUIRED, OVH_RECORD_TTL_MAX, &ttl, NULL)
          || ovh_record_type_lookup (field_type) == NULL)
        return invalid (error, "a record is malformed"), NULL;

      record = ovh_record_new (zone, sub_domain, field_type, target, (guint) ttl);
      ovh_record_set_id (record, id);
      g_ptr_array_add (entry->records, record);
    }

  /* The file may have been edited: it must hold what OVH could have sent and Domaine cached. */
  if (!ovh_record_cache_entry_check (entry, error))
    return NULL;

  return g_steal_pointer (&entry);
}

typedef struct
{
  char *path;
  char *zone;
  GBytes *contents;
} CacheJob;

static void
cache_job_free (CacheJob *job)
{
  g_free (job->path);
  g_free (job->zone);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_free (job);
}

static void
read_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  CacheJob *job = task_data;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  OvhRecordCacheEntry *entry;
  gsize length;

  if (!g_file_get_contents (job->path, &contents, &length, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", error->message);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", error->message);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  entry = ovh_record_cache_entry_parse (contents, length, job->zone, &error);
  if (entry == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, entry, (GDestroyNotify) ovh_record_cache_entry_free);
}

void
ovh_record_cache_read_async (const char *path,
                             const char *zone,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  CacheJob *job;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_record_cache_read_async);
  job = g_new0 (CacheJob, 1);
  job->path = g_strdup (path);
  job->zone = g_strdup (zone);
  g_task_set_task_data (task, job, (GDestroyNotify) cache_job_free);
  g_task_run_in_thread (task, read_thread);
}

OvhRecordCacheEntry *
ovh_record_cache_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
write_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  CacheJob *job = task_data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->contents, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "Cannot create %s: %s", dir, g_strerror (saved_errno));
      return;
    }

  if (!g_file_set_contents_full (job->path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
ovh_record_cache_write_async (const char *path,
                              GBytes *contents,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  CacheJob *job;

  g_return_if_fail (path != NULL);
  g_return_if_fail (contents != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_record_cache_write_async);
  job = g_new0 (CacheJob, 1);
  job->path = g_strdup (path);
  job->contents = g_bytes_ref (contents);
  g_task_set_task_data (task, job, (GDestroyNotify) cache_job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ovh_record_cache_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
