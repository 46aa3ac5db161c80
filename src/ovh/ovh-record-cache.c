/* ovh-record-cache.c: a zone's records on disk, keyed by the SOA serial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ovh-domain.h"
#include "ovh-record-cache.h"
#include "ovh-json-private.h"
#include "ovh-record-loader.h"
#include "ovh-record-private.h"

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

/* The file, made to be read back in one pass over the mapped bytes (integers little-endian):
 *
 *   header   "DOMZCACHE\0" (10 bytes), u16 format, u32 number of records, u64 serial,
 *            u64 checksum of everything after the header
 *   strings  zone, loading strategy, info, SOA (the last two small JSON texts, "" for none)
 *   records  u64 id, u32 ttl, then field type, sub-domain and target as strings
 *
 * A string is a u32 length and its bytes, without NUL. The checksum (64-bit FNV-1a) tells a file
 * damaged or edited since Domaine wrote it; what Domaine writes passed the API's checks. */
#define CACHE_MAGIC "DOMZCACHE"
#define CACHE_MAGIC_LENGTH 10
#define HEADER_LENGTH (CACHE_MAGIC_LENGTH + 2 + 4 + 8 + 8)
#define CHECKSUM_OFFSET (HEADER_LENGTH - 8)
#define FNV_OFFSET G_GUINT64_CONSTANT (0xcbf29ce484222325)
#define FNV_PRIME G_GUINT64_CONSTANT (0x100000001b3)

static guint64
checksum (const guint8 *data, gsize length)
{
  guint64 hash = FNV_OFFSET;

  for (gsize i = 0; i < length; i++)
    {
      hash ^= data[i];
      hash *= FNV_PRIME;
    }
  return hash;
}

static void
put_uint (GByteArray *out, guint64 value, guint n_bytes)
{
  guint8 bytes[8];

  for (guint i = 0; i < n_bytes; i++)
    bytes[i] = (guint8) (value >> (8 * i));
  g_byte_array_append (out, bytes, n_bytes);
}

static void
put_string (GByteArray *out, const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  put_uint (out, length, 4);
  g_byte_array_append (out, (const guint8 *) text, (guint) length);
}

static char *
node_to_string (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup ("");
}

GBytes *
ovh_record_cache_entry_serialize (OvhRecordCacheEntry *entry)
{
  g_autofree char *info = NULL;
  g_autofree char *soa = NULL;
  GByteArray *out;
  guint64 sum;

  g_return_val_if_fail (entry != NULL, NULL);

  info = node_to_string (entry->info);
  soa = node_to_string (entry->soa);
  out = g_byte_array_sized_new (HEADER_LENGTH + 256 + entry->records->len * 64);
  g_byte_array_append (out, (const guint8 *) CACHE_MAGIC, CACHE_MAGIC_LENGTH);
  put_uint (out, OVH_RECORD_CACHE_FORMAT, 2);
  put_uint (out, entry->records->len, 4);
  put_uint (out, entry->serial, 8);
  put_uint (out, 0, 8); /* the checksum, once the rest is written */
  put_string (out, entry->zone);
  put_string (out, ovh_record_load_strategy_to_string (entry->strategy));
  put_string (out, info);
  put_string (out, soa);
  for (guint i = 0; i < entry->records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (entry->records, i);

      put_uint (out, ovh_record_get_id (record), 8);
      put_uint (out, ovh_record_get_ttl (record), 4);
      put_string (out, ovh_record_get_field_type (record));
      put_string (out, ovh_record_get_sub_domain (record));
      put_string (out, ovh_record_get_target (record));
    }

  sum = checksum (out->data + HEADER_LENGTH, out->len - HEADER_LENGTH);
  for (guint i = 0; i < 8; i++)
    out->data[CHECKSUM_OFFSET + i] = (guint8) (sum >> (8 * i));
  return g_byte_array_free_to_bytes (out);
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

/* Names compared without case and without a lowered copy of each. */
static guint
ascii_nocase_hash (gconstpointer key)
{
  guint hash = 5381;

  for (const char *p = key; *p != '\0'; p++)
    hash = hash * 33 + (guchar) g_ascii_tolower (*p);
  return hash;
}

static gboolean
ascii_nocase_equal (gconstpointer a, gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}

/* No two records share an id, no CNAME shares its name (ovh_records_check_conflicts(): a name
 * holding a CNAME holds nothing else). Only the names of CNAMEs are looked up. */
static gboolean
check_structure (OvhRecordCacheEntry *entry, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GHashTable) cname_uses = NULL;
  const char *cname = g_intern_static_string ("CNAME");

  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), entry->records->len);
  /* Keys are the records' own names: the records outlive the table. Values count records. */
  cname_uses = g_hash_table_new (ascii_nocase_hash, ascii_nocase_equal);

  for (guint i = 0; i < entry->records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (entry->records, i);
      guint64 id = ovh_record_get_id (record);

      g_array_append_val (ids, id);
      /* Field types are interned. */
      if (ovh_record_get_field_type (record) == cname)
        g_hash_table_insert (cname_uses, (gpointer) ovh_record_get_sub_domain (record),
                             GUINT_TO_POINTER (0));
    }

  for (guint i = 0; i < entry->records->len && g_hash_table_size (cname_uses) > 0; i++)
    {
      const char *name = ovh_record_get_sub_domain (g_ptr_array_index (entry->records, i));
      gpointer key, value;

      if (!g_hash_table_lookup_extended (cname_uses, name, &key, &value))
        continue;
      if (GPOINTER_TO_UINT (value) > 0)
        return invalid (error, "an alias (CNAME) shares its name");
      g_hash_table_insert (cname_uses, key, GUINT_TO_POINTER (1));
    }

  g_array_sort (ids, compare_ids);
  for (guint i = 1; i < ids->len; i++)
    if (g_array_index (ids, guint64, i) == g_array_index (ids, guint64, i - 1))
      return invalid (error, "two records have the same id");

  return TRUE;
}

gboolean
ovh_record_cache_entry_check (OvhRecordCacheEntry *entry, GError **error)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  for (guint i = 0; i < entry->records->len; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!ovh_record_check (g_ptr_array_index (entry->records, i), &local_error))
        return invalid (error, local_error->message);
    }
  return check_structure (entry, error);
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

/* The bytes still to read; every read checks that it stays inside them. */
typedef struct
{
  const guint8 *p;
  const guint8 *end;
} Reader;

static gboolean
get_uint (Reader *reader, guint n_bytes, guint64 *value)
{
  if ((gsize) (reader->end - reader->p) < n_bytes)
    return FALSE;
  *value = 0;
  for (guint i = 0; i < n_bytes; i++)
    *value |= (guint64) reader->p[i] << (8 * i);
  reader->p += n_bytes;
  return TRUE;
}

/* A string as the file has it: valid UTF-8 without NUL, as any text from the API. */
static gboolean
get_string (Reader *reader, const char **text, gsize *length)
{
  guint64 n;

  if (!get_uint (reader, 4, &n) || n > (guint64) (reader->end - reader->p))
    return FALSE;
  *text = (const char *) reader->p;
  *length = (gsize) n;
  reader->p += n;
  return memchr (*text, '\0', *length) == NULL && g_utf8_validate (*text, (gssize) *length, NULL);
}

static char *
dup_string (Reader *reader)
{
  const char *text;
  gsize length;

  if (!get_string (reader, &text, &length))
    return NULL;
  return g_strndup (text, length);
}

/* A type as the table spells it (the writer wrote the table's name). */
static const OvhRecordType *
get_type (Reader *reader)
{
  const OvhRecordType *type;
  const char *text;
  gsize length;
  char name[16];

  if (!get_string (reader, &text, &length) || length == 0 || length >= sizeof name)
    return NULL;
  memcpy (name, text, length);
  name[length] = '\0';
  type = ovh_record_type_lookup (name);
  return type != NULL && g_str_equal (type->name, name) ? type : NULL;
}

static gboolean
check_stored_records (OvhRecordCacheEntry *entry, GError **error)
{
  for (guint i = 0; i < entry->records->len; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!_ovh_record_check_stored (g_ptr_array_index (entry->records, i), &local_error))
        return invalid (error, local_error->message);
    }
  return check_structure (entry, error);
}

OvhRecordCacheEntry *
ovh_record_cache_entry_parse_bytes (GBytes *bytes, const char *expected_zone, GError **error)
{
  g_autoptr (OvhRecordCacheEntry) entry = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *strategy = NULL;
  g_autofree char *info = NULL;
  g_autofree char *soa = NULL;
  const char *interned_zone;
  guint64 format = 0, n_records = 0, serial = 0, sum = 0;
  gsize size;
  Reader reader;

  g_return_val_if_fail (bytes != NULL, NULL);

  reader.p = g_bytes_get_data (bytes, &size);
  /* An empty GBytes may hold no data at all: no pointer arithmetic on it. */
  if (reader.p == NULL || size < HEADER_LENGTH
      || memcmp (reader.p, CACHE_MAGIC, CACHE_MAGIC_LENGTH) != 0)
    return invalid (error, "unknown format"), NULL;
  reader.end = reader.p + size;
  reader.p += CACHE_MAGIC_LENGTH;
  get_uint (&reader, 2, &format);
  get_uint (&reader, 4, &n_records);
  get_uint (&reader, 8, &serial);
  get_uint (&reader, 8, &sum);
  if (format != OVH_RECORD_CACHE_FORMAT)
    return invalid (error, "unknown format"), NULL;
  if (sum != checksum (reader.p, (gsize) (reader.end - reader.p)))
    return invalid (error, "damaged"), NULL;
  if (serial > G_MAXINT64)
    return invalid (error, "no serial"), NULL;
  /* Each record takes at least 24 bytes: a count the file cannot hold is a lie. */
  if (n_records > (guint64) (reader.end - reader.p) / 24)
    return invalid (error, "damaged"), NULL;

  zone = dup_string (&reader);
  strategy = dup_string (&reader);
  info = dup_string (&reader);
  soa = dup_string (&reader);
  if (zone == NULL || strategy == NULL || info == NULL || soa == NULL)
    return invalid (error, "damaged"), NULL;
  if (*zone == '\0' || (expected_zone != NULL && g_strcmp0 (zone, expected_zone) != 0))
    return invalid (error, "another zone"), NULL;
  if (!ovh_domain_name_is_valid (zone))
    return invalid (error, "another zone"), NULL;

  entry = ovh_record_cache_entry_new (zone);
  entry->serial = serial;
  entry->strategy = ovh_record_load_strategy_from_string (strategy);
  if (!parse_object (info, &entry->info))
    return invalid (error, "bad info"), NULL;
  if (!parse_object (soa, &entry->soa))
    return invalid (error, "bad soa"), NULL;

  interned_zone = g_intern_string (zone);
  g_ptr_array_unref (entry->records);
  entry->records = g_ptr_array_new_full ((guint) n_records, g_object_unref);
  for (guint64 i = 0; i < n_records; i++)
    {
      const OvhRecordType *type;
      guint64 id, ttl;
      char *sub_domain, *target;

      if (!get_uint (&reader, 8, &id) || !get_uint (&reader, 4, &ttl)
          || (type = get_type (&reader)) == NULL)
        return invalid (error, "a record is malformed"), NULL;
      if (id == 0 || id > G_MAXINT64 || ttl > OVH_RECORD_TTL_MAX)
        return invalid (error, "a record is malformed"), NULL;
      sub_domain = dup_string (&reader);
      target = sub_domain != NULL ? dup_string (&reader) : NULL;
      if (target == NULL)
        {
          g_free (sub_domain);
          return invalid (error, "a record is malformed"), NULL;
        }
      g_ptr_array_add (entry->records, _ovh_record_new_take (id, interned_zone, sub_domain, type,
                                                             target, (guint) ttl));
    }
  if (reader.p != reader.end)
    return invalid (error, "damaged"), NULL;

  /* What Domaine wrote passed the checks of the API; the checksum says it is what it wrote. */
  if (!check_stored_records (entry, error))
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
