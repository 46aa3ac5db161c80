/* test-no-secrets-in-logs.c: with G_MESSAGES_DEBUG=all, no secret, key or signature is logged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every log line of the process (libovh's "Ovh" domain, GLib, GIO, libsoup, the sandbox) is
 * captured through a structured log writer while a client signs, retries, re-syncs its clock,
 * fails, and goes through the whole consumer key flow; then the capture and every error
 * message are searched for the application secret, the consumer keys and any "$1$" signature.
 */
#include "config.h"

#include <string.h>

#include "ovh-credential.h"
#include "ovh-error.h"
#include "test-fixture.h"

#define LOG_APPLICATION_KEY "logTestAppKey001"
#define LOG_APPLICATION_SECRET "logTestSecret7Qz4Wm9Xv2Lp8Rt6Yn3"
#define WRONG_SECRET "logTestWrongSecretK5Jh2Gf8Ds4Aa1"

static GPtrArray *error_messages;

static void
keep_error (const GError *error)
{
  g_autofree char *display = NULL;

  if (error == NULL)
    return;
  display = ovh_error_dup_display_message (error);
  g_ptr_array_add (error_messages, g_steal_pointer (&display));
  if (ovh_error_get_error_code (error) != NULL)
    g_ptr_array_add (error_messages, g_strdup (ovh_error_get_error_code (error)));
}

static JsonNode *
call (OvhClient *client, const char *method, const char *path, JsonNode *body)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = ovh_test_call (client, method, path, body, &error);

  keep_error (error);
  return node;
}

static void
assert_not_in (const char *haystack, const char *secret, const char *what)
{
  if (strstr (haystack, secret) != NULL)
    g_error ("%s found where it must never be", what);
}

static void
test_no_secrets (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhClient) wrong = NULL;
  g_autoptr (OvhClient) newcomer = NULL;
  g_autoptr (OvhCredentialRequest) request = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  g_autofree char *consumer_key = NULL;
  g_autofree char *everything = NULL;
  const char *const grants[] = { "GET /me", "GET /domain", "GET /domain/*", NULL };

  ovh_test_clear_captured_logs ();
  g_ptr_array_set_size (error_messages, 0);

  ovh_sandbox_add_application (fixture->sandbox, LOG_APPLICATION_KEY, LOG_APPLICATION_SECRET,
                               "Log test");
  consumer_key = ovh_sandbox_create_credential (fixture->sandbox, LOG_APPLICATION_KEY, grants, 0);
  client = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), LOG_APPLICATION_KEY,
                           LOG_APPLICATION_SECRET, consumer_key);
  wrong = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), LOG_APPLICATION_KEY,
                          WRONG_SECRET, consumer_key);
  newcomer = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), LOG_APPLICATION_KEY,
                             LOG_APPLICATION_SECRET, NULL);
  if (fixture->tls)
    {
      g_autoptr (GTlsDatabase) database
          = g_tls_file_database_new (ovh_sandbox_get_ca_file (fixture->sandbox), &error);

      g_assert_no_error (error);
      ovh_client_set_tls_database (client, database);
      ovh_client_set_tls_database (wrong, database);
      ovh_client_set_tls_database (newcomer, database);
    }
  ovh_client_set_retry_policy (client, 3, 5);
  ovh_client_set_rate_limit (client, 0);

  /* Signed calls: success, a body, not granted, not found, a retried 500, a re-synced clock. */
  g_clear_pointer (&result, g_object_unref);
  json_node_unref (call (client, "GET", "/me", NULL));
  {
    g_autoptr (JsonNode) body = ovh_test_json ("{\"fieldType\":\"A\",\"target\":\"192.0.2.1\"}");
    JsonNode *node = call (client, "POST", "/domain/zone/lovelace.fr/record", body);

    g_assert_null (node);
  }
  g_assert_null (call (client, "GET", "/domain/zone/nowhere.example", NULL));
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain", OVH_SANDBOX_FAULT_HTTP_500, 1);
  json_node_unref (call (client, "GET", "/domain", NULL));
  ovh_sandbox_set_clock_offset (fixture->sandbox, 900);
  json_node_unref (call (client, "GET", "/me", NULL));

  /* A wrong secret. */
  g_assert_null (call (wrong, "GET", "/me", NULL));

  /* The consumer key flow: the new key travels in an answer body. */
  ovh_credential_request_async (newcomer, rules, NULL, NULL, ovh_test_store_result, &result);
  request = ovh_credential_request_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, request->consumer_key, 0));
  ovh_credential_wait_for_validation_async (newcomer, request->consumer_key, 20, 10, NULL,
                                            ovh_test_store_result, &result);
  g_assert_cmpint (
      ovh_credential_wait_for_validation_finish (ovh_test_wait_result (&result), NULL, &error), ==,
      OVH_CREDENTIAL_STATUS_VALIDATED);
  g_assert_no_error (error);
  g_clear_object (&result);
  ovh_client_set_consumer_key (newcomer, request->consumer_key);
  ovh_credential_logout_async (newcomer, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_credential_logout_finish (ovh_test_wait_result (&result), &error));
  g_clear_object (&result);
  g_assert_null (call (newcomer, "GET", "/me", NULL));

  /* The errors were real and said something. */
  g_assert_cmpuint (error_messages->len, >=, 4);

  everything = ovh_test_dup_captured_logs ();

  /* The capture is not empty: what the client logs is there, secrets are not. */
  g_assert_nonnull (strstr (everything, "GLIB_DOMAIN=Ovh"));
  g_assert_nonnull (strstr (everything, "GET /me -> 200"));
  g_assert_nonnull (strstr (everything, "-> 400"));
  g_assert_nonnull (strstr (everything, "-> 500"));
  g_assert_nonnull (strstr (everything, "POST /auth/credential -> 200"));

  assert_not_in (everything, LOG_APPLICATION_SECRET, "the application secret");
  assert_not_in (everything, WRONG_SECRET, "a (wrong) application secret");
  assert_not_in (everything, consumer_key, "the consumer key");
  assert_not_in (everything, request->consumer_key, "the new consumer key");
  assert_not_in (everything, "$1$", "a request signature");
  assert_not_in (everything, "X-Ovh-Signature", "the signature header");

  for (guint i = 0; i < error_messages->len; i++)
    {
      const char *message = g_ptr_array_index (error_messages, i);

      g_test_message ("error: %s", message);
      assert_not_in (message, LOG_APPLICATION_SECRET, "the application secret");
      assert_not_in (message, WRONG_SECRET, "a (wrong) application secret");
      assert_not_in (message, consumer_key, "the consumer key");
      assert_not_in (message, request->consumer_key, "the new consumer key");
      assert_not_in (message, "$1$", "a request signature");
    }
}

int
main (int argc, char *argv[])
{
  int status;

  /* What a user asked to run with when reporting a bug. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  error_messages = g_ptr_array_new_with_free_func (g_free);
  ovh_test_capture_logs ();

  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/ovh/logs/no-secrets", test_no_secrets);

  status = g_test_run ();

  g_ptr_array_unref (error_messages);
  return status;
}
