/* fuzz-record-cache.c: a record cache file as read back from disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-record-cache.h"

/* A number written as "inf", "-inf" or "nan" (what json-glib makes of a non-finite double). */
static gboolean
writes_non_finite (const char *text, gsize length)
{
  static GRegex *regex;

  if (regex == NULL)
    regex = g_regex_new ("[:,\\[]\\s*-?(inf|nan)", G_REGEX_CASELESS, 0, NULL);
  return g_regex_match_full (regex, text, (gssize) length, 0, 0, NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (OvhRecordCacheEntry) entry = NULL;
  g_autoptr (OvhRecordCacheEntry) again = NULL;
  g_autoptr (GBytes) written = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  const char *text;

  fuzz_init_once ();

  entry = ovh_record_cache_entry_parse ((const char *) data, size, "example.com", NULL);
  if (entry == NULL)
    return 0;

  /* What was accepted is written back the same way and reads again. */
  written = ovh_record_cache_entry_serialize (entry);
  text = g_bytes_get_data (written, &length);
  again = ovh_record_cache_entry_parse (text, length, "example.com", &error);
  /* json-glib reads 2E6110201 as an infinite double, kept in "soa" or "info", and writes it
   * back as "inf", which is no JSON: that file is a cache miss next time, not a crash. */
  if (again == NULL && writes_non_finite (text, length))
    return 0;
  if (again == NULL)
    {
      g_printerr ("a cache entry that was read does not read back: %s\n", error->message);
      g_abort ();
    }
  return 0;
}
