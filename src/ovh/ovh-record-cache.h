/* ovh-record-cache.h: a zone's records on disk, keyed by the SOA serial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per (endpoint, application, zone) under g_get_user_cache_dir()/domaine/zones/,
 * named by a SHA-256 of the three so that neither the application key nor anything secret
 * is written in clear. The file holds records, serial, zone info and the loading strategy
 * that worked; a file that does not read back whole and valid is treated as absent.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

#define OVH_RECORD_CACHE_FORMAT 3

typedef struct
{
  char *zone;
  guint64 serial;
  OvhRecordLoadStrategy strategy;
  JsonNode *info;     /* GET /domain/zone/{zone}, or NULL */
  JsonNode *soa;      /* GET /domain/zone/{zone}/soa, or NULL */
  GPtrArray *records; /* OvhRecord */
} OvhRecordCacheEntry;

OvhRecordCacheEntry *ovh_record_cache_entry_new (const char *zone);
void ovh_record_cache_entry_free (OvhRecordCacheEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhRecordCacheEntry, ovh_record_cache_entry_free)

/* Whether the records are what Domaine accepts from a user: each passes ovh_record_check(),
 * no two share an id, no CNAME shares its name. G_IO_ERROR_INVALID_DATA. */
gboolean ovh_record_cache_entry_check (OvhRecordCacheEntry *entry, GError **error);

/* cache_dir NULL = g_get_user_cache_dir()/domaine/zones. */
char *ovh_record_cache_dup_path (const char *cache_dir,
                                 const char *base_url,
                                 const char *application_key,
                                 const char *zone);

/* The entry as the file's bytes, and back. Parsing checks the file's checksum, every field as
 * records from the API are checked, each record as _ovh_record_check_stored() does (all of
 * ovh_record_check() but the syntax of the data, which the checksum vouches for) and the
 * structure as ovh_record_cache_entry_check() does: anything unexpected (an older format, a
 * truncated or edited file) is G_IO_ERROR_INVALID_DATA. */
GBytes *ovh_record_cache_entry_serialize (OvhRecordCacheEntry *entry);
OvhRecordCacheEntry *
ovh_record_cache_entry_parse_bytes (GBytes *bytes, const char *expected_zone, GError **error);
OvhRecordCacheEntry *ovh_record_cache_entry_parse (const char *data,
                                                   gsize length,
                                                   const char *expected_zone,
                                                   GError **error);

/* Reading and parsing on a worker thread. A missing file is G_IO_ERROR_NOT_FOUND. */
void ovh_record_cache_read_async (const char *path,
                                  const char *zone,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
OvhRecordCacheEntry *ovh_record_cache_read_finish (GAsyncResult *result, GError **error);

/* Atomic write (temporary file + rename) of serialized contents on a worker thread,
 * creating the directory (0700) when needed. */
void ovh_record_cache_write_async (const char *path,
                                   GBytes *contents,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean ovh_record_cache_write_finish (GAsyncResult *result, GError **error);

/* Blocks until no cache write is under way in the process: a program about to exit calls it so
 * that no thread is still writing a file when it goes. */
void ovh_record_cache_wait_for_writes (void);

G_END_DECLS
