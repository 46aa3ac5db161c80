/* fuzz-zone-file.c: a BIND zone file to import, then exported and read again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the parse flags; the rest is the file.
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-zone-file.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  OvhZoneFileParseFlags flags;
  guint error_line = 0;

  fuzz_init_once ();
  if (size < 1)
    return 0;

  flags = data[0] & (OVH_ZONE_FILE_PARSE_SKIP_UNSUPPORTED | OVH_ZONE_FILE_PARSE_DETECT_TYPED_TXT);
  text = fuzz_dup_text (data + 1, size - 1);
  records = ovh_zone_file_parse (text, "example.com.", flags, &error_line, NULL);
  if (records == NULL)
    return 0;

  /* Every record accepted was validated: Domaine's own export of them must read back. */
  written = ovh_zone_file_write ("example.com", 3600, records);
  again = ovh_zone_file_parse (written, "example.com.", OVH_ZONE_FILE_PARSE_DEFAULT, &error_line,
                               &error);
  if (again == NULL)
    {
      g_printerr ("export does not read back (line %u: %s):\n%s", error_line, error->message,
                  written);
      g_abort ();
    }
  g_assert_cmpuint (again->len, ==, records->len);
  return 0;
}
