/* test-record-page-reader.c: the fast reader of record pages against the full way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every page below is read by ovh_record_page_read() and by the way the loader read pages
 * before (json-glib, then ovh_record_new_from_json_object() for each element): both must
 * accept the same pages with the same records and the same skipped count, and refuse the same
 * pages with the same error.
 */
#include "config.h"

#include "ovh-error.h"
#include "ovh-http-private.h"
#include "ovh-record-page-reader.h"

#define ZONE "example.com"
#define R(id, rest) "{\"id\":" #id ",\"zone\":\"" ZONE "\"," rest "}"

/* Pages in the form OVH sends: the fast reader reads them itself. */
static const char *const common_pages[] = {
  "[]",
  " [ ] \n",
  "[" R (1, "\"subDomain\":\"www\",\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"ttl\":3600") "]",
  "[" R (2,
         "\"subDomain\":\"\",\"fieldType\":\"TXT\",\"target\":\"\\\"v=spf1 "
         "-all\\\"\",\"ttl\":0") "," R (3,
                                        "\"subDomain\":\"mail\",\"fieldType\":\"MX\","
                                        "\"target\":\"10 mx.example.com.\",\"ttl\":60") "]",
  /* null and missing optional members */
  "[{\"id\":4,\"zone\":null,\"subDomain\":null,\"fieldType\":\"A\",\"target\":\"192.0.2.4\","
  "\"ttl\":null}]",
  "[{\"fieldType\":\"AAAA\",\"target\":\"2001:db8::5\",\"id\":5}]",
  /* unknown members of every kind, skipped */
  "[{\"id\":6,\"extra\":{\"a\":[1,-2,true,false,null,\"x\",{}],\"b\":[]},\"fieldType\":\"A\","
  "\"target\":\"192.0.2.6\",\"other\":\"\\u00e9\\n\",\"n\":-0}]",
  /* escapes: \u, surrogate pairs, \/ */
  "[" R (7,
         "\"subDomain\":\"t\",\"fieldType\":\"TXT\",\"target\":\"caf\\u00e9 \\ud83d\\ude00 "
         "a\\/b "
         "\\\\ \\t\"") "]",
  /* raw UTF-8 */
  "[" R (8, "\"subDomain\":\"u\",\"fieldType\":\"TXT\",\"target\":\"\xc3\xa9t\xc3\xa9\"") "]",
  /* blanks everywhere, a type in lower case */
  "\t[ {\r\n \"id\" : 9 , \"fieldType\" : \"mx\" , \"target\" : \"5 mx.example.com.\" } ]\n",
  /* TXT split in strings by OVH */
  "[" R (10, "\"subDomain\":\"s\",\"fieldType\":\"TXT\",\"target\":\"\\\"a\\\" \\\"b\\\"\"") "]",
  /* the largest TTL and a long id */
  "[" R (123456789012345678,
         "\"fieldType\":\"A\",\"target\":\"192.0.2.11\",\"ttl\":2147483647") "]",
  /* a record with id 0 */
  "[" R (0, "\"fieldType\":\"A\",\"target\":\"192.0.2.12\"") "]",
};

/* Pages the fast reader leaves to json-glib: both ways must still agree. */
static const char *const other_pages[] = {
  "",
  "   ",
  "{}",
  "null",
  "[1,2,3]",
  "[\"a\"]",
  "[[]]",
  "[{}]",
  "[{\"id\":1}]",
  "[{\"id\":1,\"fieldType\":\"FOO\",\"target\":\"x\"}]",
  "[{\"id\":1,\"fieldType\":\"FOO\",\"target\":\"x\"}," R (
      2, "\"fieldType\":\"A\",\"target\":\"192.0.2.2\"") "]",
  "[{\"id\":-1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":\"1\",\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":1.5,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":1e3,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":01,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":9223372036854775807,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":9223372036854775808,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":99999999999999999999999,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"ttl\":2147483648}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"ttl\":3600.0}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"ttl\":\"3600\"}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":null}]",
  "[{\"id\":1,\"fieldType\":null,\"target\":\"x\"}]",
  "[{\"id\":1,\"fieldType\":\"\",\"target\":\"x\"}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":5}]",
  "[{\"id\":1,\"zone\":\"not a zone\",\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":1,\"zone\":\"\",\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":1,\"id\":2,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"\\u0069d\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}]",
  "[{\"id\":1,\"fieldType\":\"TXT\",\"target\":\"lone \\ud800 half\"}]",
  "[{\"id\":1,\"fieldType\":\"TXT\",\"target\":\"lone \\udc00 half\"}]",
  "[{\"id\":1,\"fieldType\":\"TXT\",\"target\":\"nul \\u0000 inside\"}]",
  "[{\"id\":1,\"fieldType\":\"TXT\",\"target\":\"bad \xff utf-8\"}]",
  "[{\"id\":1,\"fieldType\":\"TXT\",\"target\":\"raw\ttab\"}]",
  "[{\"id\":1,\"fieldType\":\"TXT\",\"target\":\"bad \\x escape\"}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"},]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}] x",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}][]",
  "/* a comment */ []",
  "\xef\xbb\xbf[]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"x\":1.5e3}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"\":1}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"x\":tru}]",
  "[{\"id\":1,\"fieldType\":\"A\",\"target\":\"192.0.2.1\",\"x\":[1 2]}]",
};

/* What the loader did before the fast reader: json-glib, then each element. */
static GPtrArray *
read_the_full_way (const char *text, guint *n_skipped, GError **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonArray *array;

  *n_skipped = 0;
  node = ovh_http_parse_json_answer (bytes, &parse_error);
  if (node == NULL)
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, parse_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                           "OVH sent a page of records that is not a list");
      return NULL;
    }
  array = json_node_get_array (node);
  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (GError) local_error = NULL;
      OvhRecord *record;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                               "OVH sent a page of records holding something else");
          return NULL;
        }
      record = ovh_record_new_from_json_object (json_node_get_object (element), &local_error);
      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (g_error_matches (local_error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE))
        (*n_skipped)++;
      else
        {
          g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, local_error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&records);
}

static void
assert_same_reading (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) got = NULL;
  g_autoptr (GError) expected_error = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *shown = g_strescape (text, NULL);
  guint expected_skipped = 0, n_skipped = 0;

  g_test_message ("page: %s", shown);
  expected = read_the_full_way (text, &expected_skipped, &expected_error);
  got = ovh_record_page_read (bytes, 200, NULL, ZONE, &n_skipped, &error);

  if (expected == NULL)
    {
      g_assert_null (got);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, ==, expected_error->message);
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpuint (n_skipped, ==, expected_skipped);
  g_assert_cmpuint (got->len, ==, expected->len);
  for (guint i = 0; i < got->len; i++)
    g_assert_true (ovh_record_equal (g_ptr_array_index (got, i), g_ptr_array_index (expected, i)));
}

static void
test_common_pages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (common_pages); i++)
    {
      g_autoptr (GPtrArray) fast = NULL;

      fast = ovh_record_page_read_fast (common_pages[i], strlen (common_pages[i]));
      g_assert_nonnull (fast);
      assert_same_reading (common_pages[i]);
    }
}

static void
test_other_pages (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (other_pages); i++)
    assert_same_reading (other_pages[i]);
}

/* What the fast reader makes of the fields, checked by hand once. */
static void
test_fields (void)
{
  const char *text = common_pages[7];
  g_autoptr (GPtrArray) records = ovh_record_page_read_fast (text, strlen (text));
  OvhRecord *record;

  g_assert_nonnull (records);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpuint (ovh_record_get_id (record), ==, 7);
  g_assert_cmpstr (ovh_record_get_zone (record), ==, ZONE);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "t");
  g_assert_cmpstr (ovh_record_get_field_type (record), ==, "TXT");
  g_assert_cmpstr (ovh_record_get_target (record), ==, "caf\xc3\xa9 \xf0\x9f\x98\x80 a/b \\ \t");
  g_assert_cmpuint (ovh_record_get_ttl (record), ==, 0);
  /* Names and types are shared between records. */
  g_assert_true (ovh_record_get_zone (record) == g_intern_string (ZONE));
  g_assert_true (ovh_record_get_field_type (record) == g_intern_static_string ("TXT"));
}

/* A page far deeper than the bounds, in an unknown member: refused the same way. */
static void
test_deep (void)
{
  g_autoptr (GString) page
      = g_string_new ("[{\"id\":1,\"fieldType\":\"A\",\"target\":\"1.2.3.4\",\"x\":");

  for (guint i = 0; i < 100; i++)
    g_string_append_c (page, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (page, ']');
  g_string_append (page, "}]");
  g_assert_null (ovh_record_page_read_fast (page->str, page->len));
  assert_same_reading (page->str);
}

/* Every cut of a good page is refused (or read) the same way, never past its end. */
static void
test_truncated (void)
{
  const char *text = common_pages[6];
  gsize length = strlen (text);

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autofree char *copy = g_strndup (text, cut);
      g_autoptr (GPtrArray) fast = ovh_record_page_read_fast (copy, cut);

      g_assert_null (fast);
      assert_same_reading (copy);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-page-reader/common-pages", test_common_pages);
  g_test_add_func ("/record-page-reader/other-pages", test_other_pages);
  g_test_add_func ("/record-page-reader/fields", test_fields);
  g_test_add_func ("/record-page-reader/deep", test_deep);
  g_test_add_func ("/record-page-reader/truncated", test_truncated);

  return g_test_run ();
}
