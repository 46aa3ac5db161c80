/* test-api-raw-call.c: the API's description served by the sandbox and read through libovh,
 * and calls as a person writes them (ovh_client_raw_call_*), signed, over HTTP and HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-api-schema.h"
#include "ovh-client-raw.h"
#include "ovh-error.h"
#include "test-fixture.h"

static void
test_products (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) products = NULL;
  /* No consumer key: the description is served without a signature, as at OVH. */
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);

  ovh_api_products_fetch_async (client, NULL, ovh_test_store_result, &result);
  products = ovh_api_products_fetch_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 3);
  g_assert_cmpstr (((OvhApiProduct *) g_ptr_array_index (products, 0))->name, ==, "auth");
  g_assert_cmpstr (((OvhApiProduct *) g_ptr_array_index (products, 1))->schema_path, ==,
                   "/domain.json");
  g_assert_cmpstr (((OvhApiProduct *) g_ptr_array_index (products, 2))->path, ==, "/me");

  for (guint i = 0; i < products->len; i++)
    {
      const OvhApiProduct *product = g_ptr_array_index (products, i);
      g_autoptr (OvhApiSchema) schema = NULL;

      g_clear_object (&result);
      ovh_api_schema_fetch_async (client, product, NULL, ovh_test_store_result, &result);
      schema = ovh_api_schema_fetch_finish (ovh_test_wait_result (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ovh_api_schema_get_product (schema), ==, product->name);
      /* The sandbox's own address, not OVH's. */
      g_assert_cmpstr (ovh_api_schema_get_base_path (schema), ==,
                       ovh_sandbox_get_base_url (fixture->sandbox));
      g_assert_cmpuint (g_list_model_get_n_items (ovh_api_schema_get_routes (schema)), >=, 5);
    }
}

static void
test_unknown_product (OvhTestFixture *fixture, gconstpointer data)
{
  OvhApiProduct product = { "vps", "/vps", "/vps.json", "" };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhApiSchema) schema = NULL;

  ovh_api_schema_fetch_async (fixture->client, &product, NULL, ovh_test_store_result, &result);
  schema = ovh_api_schema_fetch_finish (ovh_test_wait_result (&result), &error);
  g_assert_null (schema);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static OvhRawAnswer *
raw_call (OvhClient *client, const char *method, const char *path, const char *body, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  OvhRawAnswer *answer = NULL;
  gboolean ok;

  ovh_client_raw_call_async (client, method, path, body, NULL, ovh_test_store_result, &result);
  ok = ovh_client_raw_call_finish (client, ovh_test_wait_result (&result), &answer, error);
  g_assert_true (ok == (error == NULL || *error == NULL));
  return answer;
}

static void
test_get (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRawAnswer) answer = raw_call (fixture->client, "get", "/me", NULL, &error);
  JsonObject *me;

  g_assert_no_error (error);
  g_assert_nonnull (answer);
  g_assert_cmpstr (answer->method, ==, "GET");
  g_assert_cmpstr (answer->path, ==, "/me");
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_nonnull (answer->query_id);
  g_assert_true (g_str_has_prefix (answer->query_id, "EU.ext-"));
  g_assert_cmpint (answer->duration_us, >, 0);
  g_assert_nonnull (answer->body);
  g_assert_cmpuint (g_bytes_get_size (answer->body), >, 10);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer->json));
  me = json_node_get_object (answer->json);
  g_assert_cmpstr (json_object_get_string_member (me, "nichandle"), ==, OVH_SANDBOX_NICHANDLE);
  /* Signed like any call: the sandbox checked it. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/me"), ==, 1);
}

static void
test_post_body (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRawAnswer) answer = raw_call (
      fixture->client, "POST", "/domain/zone/lovelace.fr/record",
      "{ \"fieldType\": \"TXT\",\n  \"subDomain\": \"console\", \"target\": \"typed by hand\" }",
      &error);
  JsonObject *record;
  g_autoptr (OvhRawAnswer) listed = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (answer->status, ==, 200);
  record = json_node_get_object (answer->json);
  g_assert_cmpstr (json_object_get_string_member (record, "subDomain"), ==, "console");
  g_assert_cmpstr (json_object_get_string_member (record, "fieldType"), ==, "TXT");

  listed
      = raw_call (fixture->client, "GET",
                  "/domain/zone/lovelace.fr/record?fieldType=TXT&subDomain=console", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed->json)), ==, 1);
}

static void
test_errors (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRawAnswer) answer = NULL;
  const char *const read_only[] = { "GET /me", NULL };
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, NULL, read_only, 0);
  g_autoptr (OvhClient) limited = ovh_test_fixture_new_client (fixture, consumer_key);
  guint64 sent = ovh_client_get_request_count (fixture->client);

  /* An error is the client's error, and the answer is there with its status and body. */
  answer = raw_call (fixture->client, "GET", "/domain/zone/nowhere.example", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, 404);
  g_assert_nonnull (answer);
  g_assert_cmpuint (answer->status, ==, 404);
  g_assert_cmpstr (answer->query_id, ==, ovh_error_get_query_id (error));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer->json));
  g_assert_true (json_object_has_member (json_node_get_object (answer->json), "message"));
  g_clear_error (&error);
  g_clear_pointer (&answer, ovh_raw_answer_free);

  answer = raw_call (limited, "DELETE", "/me/api/credential/1", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED);
  g_assert_cmpuint (answer->status, ==, 403);
  g_clear_error (&error);
  g_clear_pointer (&answer, ovh_raw_answer_free);

  /* What is wrong before sending is said, and nothing goes out. */
  sent = ovh_client_get_request_count (fixture->client);
  answer
      = raw_call (fixture->client, "POST", "/domain/zone/lovelace.fr/refresh", "{\"a\":", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (g_str_has_prefix (error->message, "The body is not valid JSON: "));
  g_assert_null (answer);
  g_clear_error (&error);
  answer = raw_call (fixture->client, "FETCH", "/me", NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  answer = raw_call (fixture->client, "GET", "me", NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (ovh_client_get_request_count (fixture->client), ==, sent);
}

static void
test_helpers (void)
{
  const char *const parameters[] = { "fieldType=TXT", "subDomain=a b&c", "empty=", NULL };
  const char *const wrong[] = { "=x", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ovh_raw_call_build_path ("/domain/zone/x/record", parameters, &error);
  g_autofree char *more = ovh_raw_call_build_path ("/a?b=1", parameters + 2, &error);
  g_autofree char *bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, "/domain/zone/x/record?fieldType=TXT&subDomain=a%20b%26c&empty=");
  g_assert_cmpstr (more, ==, "/a?b=1&empty=");
  bad = ovh_raw_call_build_path ("/a", wrong, &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (ovh_raw_call_check_body (NULL, NULL));
  g_assert_true (ovh_raw_call_check_body (" \n", NULL));
  g_assert_true (ovh_raw_call_check_body ("{\"a\": [1, true, null]}", NULL));
  g_assert_false (ovh_raw_call_check_body ("{a: 1}", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (ovh_raw_call_is_read_only ("get"));
  g_assert_false (ovh_raw_call_is_read_only ("POST"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/api-raw-call/products", test_products);
  ovh_test_add ("/api-raw-call/unknown-product", test_unknown_product);
  ovh_test_add ("/api-raw-call/get", test_get);
  ovh_test_add ("/api-raw-call/post-body", test_post_body);
  ovh_test_add ("/api-raw-call/errors", test_errors);
  g_test_add_func ("/api-raw-call/helpers", test_helpers);

  return g_test_run ();
}
