/* fuzz-record-cache.c: a record cache file as read back from disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-record-cache.h"

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
  if (again == NULL)
    {
      g_printerr ("a cache entry that was read does not read back: %s\n", error->message);
      g_abort ();
    }
  return 0;
}
