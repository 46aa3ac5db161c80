/* test-record-types-schema.c: the record type table equals OVH's published enum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-record.h"

/* Both enums name the record types: the one records carry and the one the list filter takes. */
static const char *const schema_enums[] = {
  "domain.zone.RecordTypeEnum",
  "zone.NamedResolutionFieldTypeEnum",
};

static void
test_table_equals_schema (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *schemas;
  const OvhRecordType *types;
  guint n_types;

  if (!g_file_test (OVH_DOMAIN_SCHEMA_PATH, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("OVH schema not found at " OVH_DOMAIN_SCHEMA_PATH);
      return;
    }

  json_parser_load_from_mapped_file (parser, OVH_DOMAIN_SCHEMA_PATH, &error);
  g_assert_no_error (error);

  schemas = json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                     "components"),
      "schemas");
  g_assert_nonnull (schemas);

  types = ovh_record_type_get_all (&n_types);

  for (guint e = 0; e < G_N_ELEMENTS (schema_enums); e++)
    {
      JsonObject *schema = json_object_get_object_member (schemas, schema_enums[e]);
      JsonArray *values;

      g_test_message ("checking %s", schema_enums[e]);
      g_assert_nonnull (schema);
      values = json_object_get_array_member (schema, "enum");
      g_assert_nonnull (values);

      /* Same names, same order: a type OVH adds or drops fails here first. */
      g_assert_cmpuint (json_array_get_length (values), ==, n_types);
      for (guint i = 0; i < n_types; i++)
        g_assert_cmpstr (json_array_get_string_element (values, i), ==, types[i].name);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-types/schema", test_table_equals_schema);

  return g_test_run ();
}
