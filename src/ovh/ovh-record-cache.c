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
  name = g_strconcat (g_checksum_get_string (checksum), ".zone-cache", NULL);

  if (cache_dir != NULL)
    return g_build_filename (cache_dir, name, NULL);
  return g_build_filename (g_get_user_cache_dir (), "domaine", "zones", name, NULL);
}

/* The file is one GVariant of this type, read in place from a mapped file: reopening a big zone
 * costs no parsing and no tree of nodes. Strings are checked UTF-8 (GVariant hands back ""
 * for a broken one); info and SOA stay small JSON texts. */
#define CACHE_TYPE "(sustsssa(tsssu))"
#define CACHE_MAGIC "domaine zone cache"

static const char *
valid_utf8 (const char *text, GPtrArray *keep)
{
  char *valid;

  if (text == NULL)
    return "";
  if (g_utf8_validate (text, -1, NULL))
    return text;
  valid = g_utf8_make_valid (text, -1);
  g_ptr_array_add (keep, valid);
  return valid;
}

static char *
node_to_string (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("");
}

GBytes *
ovh_record_cache_entry_serialize (OvhRecordCacheEntry *entry)
{
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *info = NULL;
  g_autofree char *soa = NULL;
  g_autoptr (GVariant) variant = NULL;
  GVariantBuilder records;

  g_return_val_if_fail (entry != NULL, NULL);

  info = node_to_string (entry->info);
  soa = node_to_string (entry->soa);
  g_variant_builder_init (&records, G_VARIANT_TYPE ("a(tsssu)"));
  for (guint i = 0; i < entry->records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (entry->records, i);

      g_variant_builder_add (&records, "(tsssu)", ovh_record_get_id (record),
                             valid_utf8 (ovh_record_get_sub_domain (record), keep),
                             valid_utf8 (ovh_record_get_field_type (record), keep),
                             valid_utf8 (ovh_record_get_target (record), keep),
                             ovh_record_get_ttl (record));
    }

  variant = g_variant_ref_sink (g_variant_new (
      CACHE_TYPE, CACHE_MAGIC, (guint32) OVH_RECORD_CACHE_FORMAT, valid_utf8 (entry->zone, keep),
      entry->serial, ovh_record_load_strategy_to_string (entry->strategy), valid_utf8 (info, keep),
      valid_utf8 (soa, keep), &records));
  return g_variant_get_data_as_bytes (variant);
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

/* An object as JSON text, or nothing (""); FALSE when it is something else. */
static gboolean
parse_object (const char *text, JsonNode **out)
{
  g_autoptr (JsonNode) node = NULL;

  *out = NULL;
  if (*text == '\0')
    return TRUE;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  *out = g_steal_pointer (&node);
  return TRUE;
}

OvhRecordCacheEntry *
ovh_record_cache_entry_parse_bytes (GBytes *bytes, const char *expected_zone, GError **error)
{
  g_autoptr (GVariant) variant = NULL;
  g_autoptr (GVariant) records = NULL;
  g_autoptr (OvhRecordCacheEntry) entry = NULL;
  const char *magic, *zone, *strategy, *info, *soa;
  guint32 format;
  guint64 serial;
  gsize n;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* A file in normal form is what ovh_record_cache_entry_serialize() writes; anything else is
   * damaged. Checked once, the data is then read as trusted: reading each child of untrusted
   * data checks the offsets before it again, which costs more than the records. */
  variant
      = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (variant))
    return invalid (error, "damaged"), NULL;
  g_variant_unref (variant);
  variant
      = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CACHE_TYPE), bytes, TRUE));
  g_variant_get (variant, "(&su&st&s&s&s@a(tsssu))", &magic, &format, &zone, &serial, &strategy,
                 &info, &soa, &records);

  if (!g_str_equal (magic, CACHE_MAGIC) || format != OVH_RECORD_CACHE_FORMAT)
    return invalid (error, "unknown format"), NULL;
  if (*zone == '\0' || (expected_zone != NULL && g_strcmp0 (zone, expected_zone) != 0))
    return invalid (error, "another zone"), NULL;
  if (serial > G_MAXINT64)
    return invalid (error, "no serial"), NULL;

  entry = ovh_record_cache_entry_new (zone);
  entry->serial = serial;
  entry->strategy = ovh_record_load_strategy_from_string (strategy);
  if (!parse_object (info, &entry->info))
    return invalid (error, "bad info"), NULL;
  if (!parse_object (soa, &entry->soa))
    return invalid (error, "bad soa"), NULL;

  n = g_variant_n_children (records);
  g_ptr_array_set_size (entry->records, 0);
  for (gsize i = 0; i < n; i++)
    {
      const char *sub_domain, *field_type, *target;
      guint64 id;
      guint32 ttl;
      OvhRecord *record;

      g_variant_get_child (records, i, "(t&s&s&su)", &id, &sub_domain, &field_type, &target, &ttl);
      if (id == 0 || id > G_MAXINT64 || ttl > OVH_RECORD_TTL_MAX
          || ovh_record_type_lookup (field_type) == NULL)
        return invalid (error, "a record is malformed"), NULL;

      record = ovh_record_new (zone, sub_domain, field_type, target, ttl);
      ovh_record_set_id (record, id);
      g_ptr_array_add (entry->records, record);
    }

  /* The file may have been edited: it must hold what OVH could have sent and Domaine cached. */
  if (!ovh_record_cache_entry_check (entry, error))
    return NULL;

  return g_steal_pointer (&entry);
}

OvhRecordCacheEntry *
ovh_record_cache_entry_parse (const char *data,
                              gsize length,
                              const char *expected_zone,
                              GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, length);

  return ovh_record_cache_entry_parse_bytes (bytes, expected_zone, error);
}

typedef struct
{
  char *path;
  char *zone;
  GBytes *contents;
} CacheJob;

/* Writes under way in the process, for ovh_record_cache_wait_for_writes (). */
static GMutex writing_lock;
static GCond writing_done;
static guint n_writing;

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
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  OvhRecordCacheEntry *entry;

  file = g_mapped_file_new (job->path, FALSE, &error);
  if (file == NULL)
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", error->message);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", error->message);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Mapped, not read: the records are made straight from the file's pages. The file is
   * replaced by rename, never rewritten in place, so the mapping stays whole. */
  bytes = g_mapped_file_get_bytes (file);
  entry = ovh_record_cache_entry_parse_bytes (bytes, job->zone, &error);
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
write_file (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
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

static void
write_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  write_file (task, source_object, task_data, cancellable);
  g_mutex_lock (&writing_lock);
  if (--n_writing == 0)
    g_cond_broadcast (&writing_done);
  g_mutex_unlock (&writing_lock);
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
  g_mutex_lock (&writing_lock);
  n_writing++;
  g_mutex_unlock (&writing_lock);
  g_task_set_task_data (task, job, (GDestroyNotify) cache_job_free);
  g_task_run_in_thread (task, write_thread);
}

void
ovh_record_cache_wait_for_writes (void)
{
  g_mutex_lock (&writing_lock);
  while (n_writing > 0)
    g_cond_wait (&writing_done, &writing_lock);
  g_mutex_unlock (&writing_lock);
}

gboolean
ovh_record_cache_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
