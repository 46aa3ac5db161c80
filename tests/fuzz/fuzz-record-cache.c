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
  if (again == NULL && (writes_non_finite (entry->soa) || writes_non_finite (entry->info)))
    return 0;
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
  return 0;
}
