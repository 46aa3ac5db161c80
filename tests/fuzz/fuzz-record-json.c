/* fuzz-record-json.c: one record as OVH's API sends it, then everything done with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-http-private.h"
#include "ovh-record.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhRecord) copy = NULL;
  g_autoptr (JsonNode) create = NULL;
  g_autoptr (JsonNode) update = NULL;
  g_autofree char *line = NULL;
  g_autofree char *fqdn = NULL;
  gboolean valid;

  fuzz_init_once ();

  node = ovh_http_parse_json_answer (bytes, NULL);
  if (node == NULL)
    return 0;
  record = ovh_record_new_from_json (node, NULL);
  if (record == NULL)
    return 0;

  /* A record from the API is checked like a typed one and must survive every use. */
  valid = ovh_record_check (record, NULL);
  line = ovh_record_format_zone_line (record);
  fqdn = ovh_record_dup_fqdn (record);
  create = ovh_record_to_json_for_create (record);
  update = ovh_record_to_json_for_update (record);
  copy = ovh_record_dup (record);
  /* A copy goes through the setters, which tidy a name (" x" → "x"): only a valid one stays
   * the same. */
  g_assert_true (!valid || ovh_record_equal (record, copy));
  g_assert_true (g_utf8_validate (ovh_record_get_target (record), -1, NULL));
  g_assert_true (g_utf8_validate (ovh_record_get_sub_domain (record), -1, NULL));
  return 0;
}
