/* fuzz-record-text.c: a record as a person types it (type, name, target, TTL on four lines)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-record.h"
#include "ovh-zone-file.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *field_type = NULL;
  g_autofree char *sub_domain = NULL;
  g_autofree char *target = NULL;
  g_autofree char *ttl_text = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr (OvhRecord) record = NULL;
  gint64 ttl;

  fuzz_init_once ();

  field_type = fuzz_take_line (&data, &size);
  sub_domain = fuzz_take_line (&data, &size);
  target = fuzz_take_line (&data, &size);
  ttl_text = fuzz_take_line (&data, &size);
  ttl = g_ascii_strtoll (ttl_text, NULL, 10);

  normalized = ovh_record_normalize_sub_domain (sub_domain, "example.com");
  if (!ovh_record_validate (field_type, sub_domain, target, ttl, NULL))
    return 0;

  /* What passes validation is what gets staged and exported: the exported line must read
   * back as the same record. */
  record = ovh_record_new ("example.com", sub_domain, field_type, target, (guint) ttl);
  g_assert_true (ovh_record_check (record, NULL));
  {
    g_autofree char *line = ovh_record_format_zone_line (record);
    g_autoptr (GPtrArray) records = NULL;
    g_autoptr (GError) error = NULL;

    records = ovh_zone_file_parse (line, "example.com.", OVH_ZONE_FILE_PARSE_DEFAULT, NULL, &error);
    if (records == NULL)
      {
        g_printerr ("valid record exported as an unreadable line: %s (%s)\n", line, error->message);
        g_abort ();
      }
    g_assert_cmpuint (records->len, ==, 1);
  }
  return 0;
}
