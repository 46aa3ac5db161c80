/* test-fixture.c: the in-process sandbox and a client that trusts it, for integration tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-record-loader.h"
#include "test-fixture.h"

GSubprocessLauncher *
ovh_test_fixture_new_cli_launcher (OvhTestFixture *fixture,
                                   GSubprocessFlags flags,
                                   const char *home)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_ENDPOINT",
                                ovh_sandbox_get_base_url (fixture->sandbox), TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_KEY", OVH_SANDBOX_APPLICATION_KEY, TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_SECRET", OVH_SANDBOX_APPLICATION_SECRET,
                                TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_CONSUMER_KEY", OVH_SANDBOX_CONSUMER_KEY, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  g_subprocess_launcher_set_cwd (launcher, home);
  return launcher;
}

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

OvhZone *
ovh_test_load_zone (OvhTestFixture *fixture, const char *name)
{
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_record_loader_forget_all ();
  zone = ovh_zone_new (fixture->client, name);
  ovh_zone_set_cache_enabled (zone, FALSE);
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_DEFAULT, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_load_finish (zone, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&zone);
}

OvhRecord *
ovh_test_find_record (OvhZone *zone, const char *sub_domain, const char *type)
{
  GListModel *records = ovh_zone_get_records (zone);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (g_str_equal (ovh_record_get_sub_domain (record), sub_domain)
          && g_str_equal (ovh_record_get_field_type (record), type))
        return record; /* the model keeps it alive */
    }
  g_assert_not_reached ();
  return NULL;
}

OvhAccountStore *
ovh_test_load_account_store (void)
{
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_account_store_load_async (store, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_account_store_load_finish (store, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

void
ovh_test_remove_account (OvhAccountStore *store, OvhAccount *account)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  ovh_account_store_remove_async (store, account, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_account_store_remove_finish (store, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

static GMutex capture_lock;
static GString *capture;

static GLogWriterOutput
capture_writer (GLogLevelFlags log_level,
                const GLogField *fields,
                gsize n_fields,
                gpointer user_data)
{
  g_mutex_lock (&capture_lock);
  for (gsize i = 0; i < n_fields; i++)
    {
      g_string_append (capture, fields[i].key);
      g_string_append_c (capture, '=');
      if (fields[i].length < 0)
        g_string_append (capture, fields[i].value);
      else
        g_string_append_len (capture, fields[i].value, fields[i].length);
      g_string_append_c (capture, ' ');
    }
  g_string_append_c (capture, '\n');
  g_mutex_unlock (&capture_lock);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

void
ovh_test_capture_logs (void)
{
  g_assert_null (capture);
  /* Lives as long as the process: the writer cannot be taken back. */
  capture = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
}

char *
ovh_test_dup_captured_logs (void)
{
  char *text;

  g_mutex_lock (&capture_lock);
  text = g_strdup (capture->str);
  g_mutex_unlock (&capture_lock);
  return text;
}

void
ovh_test_clear_captured_logs (void)
{
  g_mutex_lock (&capture_lock);
  g_string_truncate (capture, 0);
  g_mutex_unlock (&capture_lock);
}
