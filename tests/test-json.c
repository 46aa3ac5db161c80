/* test-json.c: the one rule for reading members of OVH's JSON answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-error.h"
#include "ovh-json-private.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static const char *const sample
    = "{\"name\": \"lovelace.fr\", \"empty\": \"\", \"nothing\": null,"
      " \"count\": 42, \"negative\": -3, \"flag\": true,"
      " \"list\": [1, \"two\"], \"object\": {\"a\": 1},"
      " \"date\": \"2025-03-01\", \"time\": \"2025-02-03T10:20:30+01:00\","
      " \"naive\": \"2025-02-03T10:20:30\", \"bad_date\": \"soon\"}";

static void
test_json_missing (void)
{
  g_autoptr (JsonNode) node = parse (sample);
  JsonObject *object = json_node_get_object (node);
  g_autoptr (GError) error = NULL;
  const char *text = "x";
  guint64 number = 7;
  gboolean flag = TRUE;

  /* Absent and null are the same: missing, fine when optional, with the empty value. */
  g_assert_true (ovh_json_read_string (object, "absent", OVH_JSON_OPTIONAL, &text, &error));
  g_assert_no_error (error);
  g_assert_null (text);
  g_assert_true (ovh_json_read_uint (object, "nothing", OVH_JSON_OPTIONAL, 100, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (number, ==, 0);
  g_assert_true (ovh_json_read_boolean (object, "nothing", OVH_JSON_OPTIONAL, &flag, &error));
  g_assert_false (flag);

  /* Required: an error naming the member. */
  g_assert_false (ovh_json_read_string (object, "nothing", OVH_JSON_REQUIRED, &text, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“nothing”"));
  g_clear_error (&error);
  g_assert_false (
      ovh_json_read_int64 (object, "absent", OVH_JSON_REQUIRED, (gint64 *) &number, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“absent”"));
}

static void
test_json_types (void)
{
  g_autoptr (JsonNode) node = parse (sample);
  JsonObject *object = json_node_get_object (node);
  g_autoptr (GError) error = NULL;
  const char *text;
  guint64 number;
  gint64 signed_number;
  gboolean flag;
  JsonArray *array;
  JsonObject *member;

  g_assert_true (ovh_json_read_string (object, "name", OVH_JSON_REQUIRED, &text, &error));
  g_assert_cmpstr (text, ==, "lovelace.fr");
  g_assert_true (ovh_json_read_uint (object, "count", OVH_JSON_REQUIRED, 100, &number, &error));
  g_assert_cmpuint (number, ==, 42);
  g_assert_true (
      ovh_json_read_int64 (object, "negative", OVH_JSON_REQUIRED, &signed_number, &error));
  g_assert_cmpint (signed_number, ==, -3);
  g_assert_true (ovh_json_read_boolean (object, "flag", OVH_JSON_REQUIRED, &flag, &error));
  g_assert_true (flag);
  g_assert_true (ovh_json_read_array (object, "list", OVH_JSON_REQUIRED, &array, &error));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_true (ovh_json_read_object (object, "object", OVH_JSON_REQUIRED, &member, &error));
  g_assert_true (json_object_has_member (member, "a"));
  g_assert_no_error (error);

  /* A member of another type is an error, even when optional; the value is empty. */
  g_assert_false (ovh_json_read_string (object, "count", OVH_JSON_OPTIONAL, &text, &error));
  g_assert_null (text);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“count”"));
  g_clear_error (&error);
  g_assert_false (ovh_json_read_uint (object, "name", OVH_JSON_OPTIONAL, 100, &number, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_assert_false (ovh_json_read_boolean (object, "count", OVH_JSON_OPTIONAL, &flag, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_assert_false (ovh_json_read_array (object, "object", OVH_JSON_OPTIONAL, &array, &error));
  g_assert_null (array);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_assert_false (ovh_json_read_object (object, "list", OVH_JSON_OPTIONAL, &member, &error));
  g_assert_null (member);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* Whole numbers out of range. */
  g_assert_false (ovh_json_read_uint (object, "count", OVH_JSON_REQUIRED, 41, &number, &error));
  g_assert_cmpuint (number, ==, 0);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“count”"));
  g_clear_error (&error);
  g_assert_false (
      ovh_json_read_uint (object, "negative", OVH_JSON_OPTIONAL, G_MAXINT64, &number, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* Without a GError, a wrong type is only a FALSE. */
  g_assert_false (ovh_json_read_string (object, "flag", OVH_JSON_OPTIONAL, &text, NULL));
  g_assert_null (text);
}

static void
test_json_non_empty (void)
{
  g_autoptr (JsonNode) node = parse (sample);
  JsonObject *object = json_node_get_object (node);
  g_autoptr (GError) error = NULL;
  const char *text = "x";

  g_assert_true (ovh_json_read_string (object, "empty", OVH_JSON_OPTIONAL, &text, &error));
  g_assert_cmpstr (text, ==, "");
  g_assert_true (ovh_json_read_string (object, "empty", OVH_JSON_NON_EMPTY, &text, &error));
  g_assert_null (text);
  g_assert_no_error (error);
  g_assert_false (ovh_json_read_string (object, "empty", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY,
                                        &text, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“empty”"));
}

static void
test_json_dates (void)
{
  g_autoptr (JsonNode) node = parse (sample);
  JsonObject *object = json_node_get_object (node);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = NULL;
  g_autoptr (GDateTime) time = NULL;
  g_autoptr (GDateTime) naive = NULL;
  g_autoptr (GDateTime) none = NULL;
  g_autoptr (GDateTime) bad = NULL;

  /* A bare date is UTC midnight; a time without a zone is UTC. */
  g_assert_true (ovh_json_read_date (object, "date", OVH_JSON_REQUIRED, &date, &error));
  g_assert_cmpint (g_date_time_to_unix (date), ==, 1740787200);
  g_assert_true (ovh_json_read_date (object, "time", OVH_JSON_REQUIRED, &time, &error));
  g_assert_cmpint (g_date_time_to_unix (time), ==, 1738574430);
  g_assert_true (ovh_json_read_date (object, "naive", OVH_JSON_REQUIRED, &naive, &error));
  g_assert_cmpint (g_date_time_to_unix (naive), ==, 1738578030);
  g_assert_true (ovh_json_read_date (object, "nothing", OVH_JSON_OPTIONAL, &none, &error));
  g_assert_null (none);
  g_assert_no_error (error);

  g_assert_false (ovh_json_read_date (object, "bad_date", OVH_JSON_OPTIONAL, &bad, &error));
  g_assert_null (bad);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "“bad_date”"));
  g_clear_error (&error);
  g_assert_false (ovh_json_read_date (object, "count", OVH_JSON_OPTIONAL, &bad, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
}

static void
test_json_nodes (void)
{
  g_autoptr (JsonNode) node = parse (sample);
  JsonObject *object = json_node_get_object (node);
  JsonArray *list = json_object_get_array_member (object, "list");
  gint64 number;

  g_assert_true (ovh_json_node_get_object (node) == object);
  g_assert_null (ovh_json_node_get_object (NULL));
  g_assert_null (ovh_json_node_get_array (node));
  g_assert_true (ovh_json_node_get_array (json_object_get_member (object, "list")) == list);
  g_assert_true (ovh_json_node_get_int64 (json_array_get_element (list, 0), &number));
  g_assert_cmpint (number, ==, 1);
  g_assert_false (ovh_json_node_get_int64 (json_array_get_element (list, 1), &number));
  g_assert_false (ovh_json_node_get_int64 (NULL, &number));
  g_assert_cmpstr (ovh_json_node_get_string (json_array_get_element (list, 1)), ==, "two");
  g_assert_null (ovh_json_node_get_string (json_array_get_element (list, 0)));

  /* The lenient look-up: missing and wrong types alike are NULL. */
  g_assert_cmpstr (ovh_json_lookup_string (object, "name"), ==, "lovelace.fr");
  g_assert_null (ovh_json_lookup_string (object, "count"));
  g_assert_null (ovh_json_lookup_string (object, "nothing"));
  g_assert_null (ovh_json_lookup_string (object, "absent"));
}

/* json-glib 1.6 takes "\\NNN" octal escapes as raw bytes: such a string is not text, and no
 * reader hands it on (the JSON parser itself accepts it). */
static void
test_json_invalid_utf8 (void)
{
  g_autoptr (JsonNode) node
      = parse ("{\"bad\": \"a\\377b\", \"octal\": \"\\101\", \"list\": [\"\\376\"]}");
  JsonObject *object = json_node_get_object (node);
  g_autoptr (GError) error = NULL;
  const char *value;

  g_assert_false (g_utf8_validate (json_object_get_string_member (object, "bad"), -1, NULL));

  g_assert_false (ovh_json_read_string (object, "bad", OVH_JSON_OPTIONAL, &value, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "bad"));
  g_assert_null (value);
  g_assert_null (ovh_json_lookup_string (object, "bad"));
  g_assert_null (ovh_json_node_get_string (
      json_array_get_element (json_object_get_array_member (object, "list"), 0)));

  /* An escape that makes valid text is text. */
  g_assert_true (ovh_json_read_string (object, "octal", OVH_JSON_REQUIRED, &value, NULL));
  g_assert_cmpstr (value, ==, "A");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ovh/json/missing", test_json_missing);
  g_test_add_func ("/ovh/json/types", test_json_types);
  g_test_add_func ("/ovh/json/non-empty", test_json_non_empty);
  g_test_add_func ("/ovh/json/dates", test_json_dates);
  g_test_add_func ("/ovh/json/nodes", test_json_nodes);
  g_test_add_func ("/ovh/json/invalid-utf8", test_json_invalid_utf8);

  return g_test_run ();
}
