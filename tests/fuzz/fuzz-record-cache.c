/* fuzz-record-cache.c: a record cache file as read back from disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-record-cache.h"

/* A number written as "inf", "-inf" or "nan" (what json-glib makes of a non-finite double). */
static gboolean
writes_non_finite (JsonNode *node)
{
  static GRegex *regex;
  g_autofree char *text = NULL;

  if (node == NULL)
    return FALSE;
  if (regex == NULL)
    regex = g_regex_new ("[:,\\[]\\s*-?(inf|nan)", G_REGEX_CASELESS, 0, NULL);
  text = json_to_string (node, FALSE);
  return g_regex_match (regex, text, 0, NULL);
}

/* The file's layout (ovh-record-cache.c): a 32-byte header whose last 8 bytes are a 64-bit
 * FNV-1a of the rest. */
#define HEADER_LENGTH 32
#define CHECKSUM_OFFSET 24

/* The input with its checksum made right, so that the fuzzer reaches the fields behind it. */
static GBytes *
with_checksum (const uint8_t *data, size_t size)
{
  guint8 *copy = g_memdup2 (data, size);
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (size_t i = HEADER_LENGTH; i < size; i++)
    {
      hash ^= copy[i];
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  for (guint i = 0; i < 8 && size >= HEADER_LENGTH; i++)
    copy[CHECKSUM_OFFSET + i] = (guint8) (hash >> (8 * i));
  return g_bytes_new_take (copy, size);
}

static void read_back (OvhRecordCacheEntry *entry);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (OvhRecordCacheEntry) as_is = NULL;
  g_autoptr (OvhRecordCacheEntry) fixed = NULL;
  g_autoptr (GBytes) bytes = NULL;

  fuzz_init_once ();

  /* As the bytes are, and with the checksum that makes them look written by Domaine. */
  as_is = ovh_record_cache_entry_parse ((const char *) data, size, "example.com", NULL);
  if (as_is != NULL)
    read_back (as_is);
  bytes = with_checksum (data, size);
  fixed = ovh_record_cache_entry_parse_bytes (bytes, "example.com", NULL);
  if (fixed != NULL)
    read_back (fixed);
  return 0;
}

/* What was accepted is written back the same way and reads again. */
static void
read_back (OvhRecordCacheEntry *entry)
{
  g_autoptr (OvhRecordCacheEntry) again = NULL;
  g_autoptr (GBytes) written = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *text;

  written = ovh_record_cache_entry_serialize (entry);
  text = g_bytes_get_data (written, &length);
  again = ovh_record_cache_entry_parse (text, length, "example.com", &error);
  /* json-glib reads 2E6110201 as an infinite double, kept in "soa" or "info", and writes it
   * back as "inf", which is no JSON: that file is a cache miss next time, not a crash. */
  if (again == NULL && (writes_non_finite (entry->soa) || writes_non_finite (entry->info)))
    return;
  if (again == NULL)
    {
      g_printerr ("a cache entry that was read does not read back: %s\n", error->message);
      g_abort ();
    }
  /* …to the same entry, written the same again. */
  g_assert_cmpuint (again->serial, ==, entry->serial);
  g_assert_cmpuint (again->records->len, ==, entry->records->len);
  for (guint i = 0; i < entry->records->len; i++)
    g_assert_true (ovh_record_equal (g_ptr_array_index (entry->records, i),
                                     g_ptr_array_index (again->records, i)));
  {
    g_autoptr (GBytes) rewritten = ovh_record_cache_entry_serialize (again);

    g_assert_true (g_bytes_equal (rewritten, written));
  }
}
