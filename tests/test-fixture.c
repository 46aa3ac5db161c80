/* test-fixture.c: the in-process sandbox and a client that trusts it, for integration tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-fixture.h"

OvhClient *
ovh_test_fixture_new_client (OvhTestFixture *fixture, const char *consumer_key)
{
  OvhClient *client
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                        OVH_SANDBOX_APPLICATION_SECRET, consumer_key);

  if (fixture->tls)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GTlsDatabase) database
          = g_tls_file_database_new (ovh_sandbox_get_ca_file (fixture->sandbox), &error);

      g_assert_no_error (error);
      ovh_client_set_tls_database (client, database);
    }

  /* Tests measure behaviour, not patience; the rate limiter has tests of its own. */
  ovh_client_set_rate_limit (client, 0);
  ovh_client_set_retry_policy (client, 3, 10);
  return client;
}

void
ovh_test_fixture_set_up (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->tls = GPOINTER_TO_INT (data);
  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, fixture->tls, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ovh_sandbox_get_base_url (fixture->sandbox),
                                   fixture->tls ? "https://" : "http://"));

  fixture->client = ovh_test_fixture_new_client (fixture, OVH_SANDBOX_CONSUMER_KEY);
}

void
ovh_test_fixture_tear_down (OvhTestFixture *fixture, gconstpointer data)
{
  /* GTask may return from an idle: let those run so that nothing still holds the client. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->client != NULL)
    g_assert_finalize_object (fixture->client);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

void
ovh_test_add (const char *path, void (*test_func) (OvhTestFixture *fixture, gconstpointer data))
{
  g_autofree char *http = g_strconcat (path, "/http", NULL);
  g_autofree char *https = g_strconcat (path, "/https", NULL);

  g_test_add (http, OvhTestFixture, GINT_TO_POINTER (FALSE), ovh_test_fixture_set_up, test_func,
              ovh_test_fixture_tear_down);
  g_test_add (https, OvhTestFixture, GINT_TO_POINTER (TRUE), ovh_test_fixture_set_up, test_func,
              ovh_test_fixture_tear_down);
}

void
ovh_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **store = user_data;

  g_assert_null (*store);
  *store = g_object_ref (result);
}

GAsyncResult *
ovh_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

JsonNode *
ovh_test_call (
    OvhClient *client, const char *method, const char *path, JsonNode *body, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_client_call_async (client, method, path, body, OVH_CALL_NONE, NULL, ovh_test_store_result,
                         &result);
  return ovh_client_call_finish (client, ovh_test_wait_result (&result), error);
}

JsonNode *
ovh_test_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}
