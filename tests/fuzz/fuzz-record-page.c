/* fuzz-record-page.c: an expanded page of records, read from its bytes both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast reader (ovh_record_page_read_fast) may give up on any page, but a page it reads
 * must be read the same way by json-glib and ovh_record_new_from_json_object(): the same
 * records, none skipped. The whole reading (ovh_record_page_read) must never crash.
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-http-private.h"
#include "ovh-record-page-reader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GPtrArray) fast = NULL;
  g_autoptr (GPtrArray) full = NULL;
  g_autoptr (GPtrArray) whole = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  guint n_skipped = 0;

  fuzz_init_once ();

  whole = ovh_record_page_read (bytes, 200, NULL, "example.com", &n_skipped, NULL);
  fast = ovh_record_page_read_fast ((const char *) data, size);
  if (fast == NULL)
    return 0;

  node = ovh_http_parse_json_answer (bytes, &error);
  if (node == NULL)
    {
      g_printerr ("the fast reader read a page json-glib refuses: %s\n", error->message);
      g_abort ();
    }
  full = ovh_record_page_read_node (node, "example.com", &n_skipped, &error);
  if (full == NULL || n_skipped != 0 || full->len != fast->len)
    {
      g_printerr ("the fast reader read a page the full way reads otherwise: %s\n",
                  error != NULL ? error->message : "other records");
      g_abort ();
    }
  for (guint i = 0; i < fast->len; i++)
    if (!ovh_record_equal (g_ptr_array_index (fast, i), g_ptr_array_index (full, i)))
      {
        g_printerr ("record %u differs between the two readers\n", i);
        g_abort ();
      }
  g_assert_true (whole != NULL && whole->len == fast->len);
  return 0;
}
