/* test-dynhost.c: DynHost records and logins, in libovh against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ovh-dynhost.h"
#include "ovh-error.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

static GPtrArray *
list_records (OvhTestFixture *fixture, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dynhost_list_records_async (fixture->client, ZONE, NULL, ovh_test_store_result, &result);
  return ovh_dynhost_list_records_finish (fixture->client, ovh_test_wait_result (&result), error);
}

static GPtrArray *
list_logins (OvhTestFixture *fixture, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dynhost_list_logins_async (fixture->client, ZONE, NULL, ovh_test_store_result, &result);
  return ovh_dynhost_list_logins_finish (fixture->client, ovh_test_wait_result (&result), error);
}

static gboolean
wait_change (OvhTestFixture *fixture, GAsyncResult **result, GError **error)
{
  return ovh_dynhost_change_finish (fixture->client, ovh_test_wait_result (result), error);
}

static guint
count_requests (OvhTestFixture *fixture, const char *method, const char *path_part)
{
  g_autoptr (GPtrArray) log = ovh_sandbox_dup_request_log (fixture->sandbox);
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if ((method == NULL || g_str_equal (request->method, method))
          && strstr (request->path, path_part) != NULL)
        n++;
    }
  return n;
}

static void
prepare (OvhTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);

  g_assert_no_error (error);
  ovh_sandbox_reset_request_log (fixture->sandbox);
}

static void
test_checks (void)
{
  g_autofree char *generated = ovh_dynhost_generate_password ();
  g_autofree char *login = ovh_dynhost_login_name (ZONE, "router");
  g_autoptr (GError) error = NULL;

  g_assert_true (ovh_dynhost_check_ip ("203.0.113.7", NULL));
  g_assert_false (ovh_dynhost_check_ip ("2001:db8::1", &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_assert_false (ovh_dynhost_check_ip ("", NULL));
  g_assert_false (ovh_dynhost_check_ip ("203.0.113", NULL));
  g_assert_false (ovh_dynhost_check_ip ("example.org", NULL));

  g_assert_true (ovh_dynhost_check_subdomain ("", FALSE, NULL));
  g_assert_true (ovh_dynhost_check_subdomain ("home.office", FALSE, NULL));
  g_assert_true (ovh_dynhost_check_subdomain ("*", TRUE, NULL));
  g_assert_false (ovh_dynhost_check_subdomain ("*", FALSE, NULL));
  g_assert_false (ovh_dynhost_check_subdomain ("", TRUE, NULL));
  g_assert_false (ovh_dynhost_check_subdomain ("home..office", FALSE, NULL));
  g_assert_false (ovh_dynhost_check_subdomain ("-home", FALSE, NULL));
  g_assert_false (ovh_dynhost_check_subdomain ("ho me", FALSE, NULL));

  g_assert_true (ovh_dynhost_check_login_suffix ("router-1", NULL));
  g_assert_false (ovh_dynhost_check_login_suffix ("", NULL));
  g_assert_false (ovh_dynhost_check_login_suffix ("a/b", NULL));

  g_assert_false (ovh_dynhost_check_password ("short", NULL));
  g_assert_true (ovh_dynhost_check_password ("eight888", NULL));
  g_assert_true (ovh_dynhost_check_password ("1234567890123456789012345678901", NULL));
  g_assert_false (ovh_dynhost_check_password ("12345678901234567890123456789012", NULL));
  g_assert_true (ovh_dynhost_check_password (generated, NULL));

  g_assert_cmpstr (login, ==, "lovelace.fr-router");
}

static void
test_list_seeded (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) logins = NULL;
  g_autoptr (JsonNode) ids = NULL;
  g_autoptr (JsonNode) export = NULL;
  OvhDynHostRecord *record;
  OvhDynHostLogin *login;

  prepare (fixture);
  records = list_records (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (ovh_dynhost_record_get_subdomain (record), ==, "home");
  g_assert_cmpstr (ovh_dynhost_record_get_ip (record), ==, "203.0.113.42");
  g_assert_cmpint (ovh_dynhost_record_get_id (record), >, 0);

  logins = list_logins (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logins->len, ==, 1);
  login = g_ptr_array_index (logins, 0);
  g_assert_cmpstr (ovh_dynhost_login_get_login (login), ==, "lovelace.fr-router");
  g_assert_cmpstr (ovh_dynhost_login_get_subdomain (login), ==, "home");
  g_assert_cmpstr (ovh_dynhost_login_get_zone (login), ==, ZONE);

  /* The zone serves the DynHost record; the record API does not list it, and the export
   * leaves it out too (what diffs against the listed records expect). */
  ids = ovh_test_call (fixture->client, "GET", "/domain/zone/" ZONE "/record?subDomain=home", NULL,
                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (ids)), ==, 0);
  export = ovh_test_call (fixture->client, "GET", "/domain/zone/" ZONE "/export", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (json_node_get_string (export), "203.0.113.42"));
  {
    g_autofree char *dir = g_dir_make_tmp ("domaine-dynhost-XXXXXX", &error);
    g_autofree char *path = g_build_filename (dir, ZONE ".zone", NULL);
    g_autofree char *served = NULL;

    g_assert_no_error (error);
    ovh_sandbox_set_zone_dir (fixture->sandbox, dir);
    g_assert_true (g_file_get_contents (path, &served, NULL, &error));
    g_assert_nonnull (strstr (served, "203.0.113.42"));
    ovh_sandbox_set_zone_dir (fixture->sandbox, NULL);
    g_unlink (path);
    g_rmdir (dir);
  }
}

static void
add_record (OvhTestFixture *fixture, const char *subdomain, const char *ip)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDynHostRecord) record = NULL;

  ovh_dynhost_create_record_async (fixture->client, ZONE, subdomain, ip, NULL,
                                   ovh_test_store_result, &result);
  record
      = ovh_dynhost_create_record_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_dynhost_record_get_subdomain (record), ==, subdomain);
  g_assert_cmpstr (ovh_dynhost_record_get_ip (record), ==, ip);
}

/* With batches, the details of every record come in one request; without, one each. */
static void
test_list_batched (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) batched = NULL;
  g_autoptr (GPtrArray) one_by_one = NULL;

  add_record (fixture, "nas", "203.0.113.50");
  add_record (fixture, "cam", "203.0.113.51");

  ovh_sandbox_set_batch (fixture->sandbox, TRUE);
  prepare (fixture);
  batched = list_records (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batched->len, ==, 3);
  g_assert_cmpuint (count_requests (fixture, "GET", "/dynHost/record"), ==, 2);
  /* Sorted by subdomain. */
  g_assert_cmpstr (ovh_dynhost_record_get_subdomain (g_ptr_array_index (batched, 0)), ==, "cam");
  g_assert_cmpstr (ovh_dynhost_record_get_subdomain (g_ptr_array_index (batched, 2)), ==, "nas");

  ovh_sandbox_set_batch (fixture->sandbox, FALSE);
  prepare (fixture);
  one_by_one = list_records (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one_by_one->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (ovh_dynhost_record_get_ip (g_ptr_array_index (one_by_one, i)), ==,
                     ovh_dynhost_record_get_ip (g_ptr_array_index (batched, i)));
}

static void
test_record_changes (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (OvhDynHostRecord) refused = NULL;
  gint64 id;

  prepare (fixture);
  add_record (fixture, "office", "203.0.113.60");
  /* Each change publishes the zone. */
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 1);

  records = list_records (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  id = ovh_dynhost_record_get_id (g_ptr_array_index (records, 1));
  g_assert_cmpstr (ovh_dynhost_record_get_subdomain (g_ptr_array_index (records, 1)), ==, "office");
  g_clear_pointer (&records, g_ptr_array_unref);

  ovh_dynhost_update_record_async (fixture->client, ZONE, id, "office", "203.0.113.61", NULL,
                                   ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 2);

  records = list_records (fixture, &error);
  g_assert_cmpstr (ovh_dynhost_record_get_ip (g_ptr_array_index (records, 1)), ==, "203.0.113.61");
  g_clear_pointer (&records, g_ptr_array_unref);

  /* Refused before anything is sent: IPv6, a bad name. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_dynhost_create_record_async (fixture->client, ZONE, "v6", "2001:db8::1", NULL,
                                   ovh_test_store_result, &result);
  refused
      = ovh_dynhost_create_record_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_null (refused);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_clear_object (&result);
  ovh_dynhost_update_record_async (fixture->client, ZONE, id, "bad name", "203.0.113.1", NULL,
                                   ovh_test_store_result, &result);
  g_assert_false (wait_change (fixture, &result, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (count_requests (fixture, NULL, "/dynHost"), ==, 0);

  /* Refused by the server: a name that has an ordinary A record. */
  ovh_dynhost_create_record_async (fixture->client, ZONE, "blog", "203.0.113.1", NULL,
                                   ovh_test_store_result, &result);
  refused
      = ovh_dynhost_create_record_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_null (refused);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_clear_object (&result);

  ovh_dynhost_delete_record_async (fixture->client, ZONE, id, NULL, ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  records = list_records (fixture, &error);
  g_assert_cmpuint (records->len, ==, 1);

  ovh_dynhost_delete_record_async (fixture->client, ZONE, id, NULL, ovh_test_store_result, &result);
  g_assert_false (wait_change (fixture, &result, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_login_changes (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) logins = NULL;
  g_autoptr (OvhDynHostLogin) login = NULL;
  g_autoptr (OvhDynHostLogin) again = NULL;
  g_autofree char *password = ovh_dynhost_generate_password ();

  prepare (fixture);
  ovh_dynhost_create_login_async (fixture->client, ZONE, "nas", "*", password, NULL,
                                  ovh_test_store_result, &result);
  login = ovh_dynhost_create_login_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (ovh_dynhost_login_get_login (login), ==, "lovelace.fr-nas");
  g_assert_cmpstr (ovh_dynhost_login_get_subdomain (login), ==, "*");
  /* Logins are not zone content: no refresh. */
  g_assert_cmpuint (count_requests (fixture, "POST", "/refresh"), ==, 0);

  ovh_dynhost_create_login_async (fixture->client, ZONE, "nas", "nas", password, NULL,
                                  ovh_test_store_result, &result);
  again = ovh_dynhost_create_login_finish (fixture->client, ovh_test_wait_result (&result), &error);
  g_assert_null (again);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&result);

  ovh_dynhost_update_login_async (fixture->client, ZONE, "lovelace.fr-nas", "nas", NULL,
                                  ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_clear_object (&result);

  ovh_dynhost_change_password_async (fixture->client, ZONE, "lovelace.fr-nas", "new password 1",
                                     NULL, ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  ovh_dynhost_change_password_async (fixture->client, ZONE, "lovelace.fr-nas", "short", NULL,
                                     ovh_test_store_result, &result);
  g_assert_false (wait_change (fixture, &result, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_clear_object (&result);

  logins = list_logins (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (logins->len, ==, 2);
  g_assert_cmpstr (ovh_dynhost_login_get_login (g_ptr_array_index (logins, 0)), ==,
                   "lovelace.fr-nas");
  g_assert_cmpstr (ovh_dynhost_login_get_subdomain (g_ptr_array_index (logins, 0)), ==, "nas");
  g_clear_pointer (&logins, g_ptr_array_unref);

  ovh_dynhost_delete_login_async (fixture->client, ZONE, "lovelace.fr-nas", NULL,
                                  ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_clear_object (&result);
  logins = list_logins (fixture, &error);
  g_assert_cmpuint (logins->len, ==, 1);
}

/* The sandbox's own checks, for clients that skip libovh's. */
static void
test_sandbox_refusals (OvhTestFixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *method;
    const char *path;
    const char *body;
    gint code;
  } cases[] = {
    { "POST", "/domain/zone/" ZONE "/dynHost/record", "{\"subDomain\":\"x\",\"ip\":\"::1\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/dynHost/record", "{\"subDomain\":\"x\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/dynHost/record", "{\"subDomain\":\"home\",\"ip\":\"1.2.3.4\"}",
      OVH_ERROR_CONFLICT },
    { "PUT", "/domain/zone/" ZONE "/dynHost/record/1", "{\"ip\":\"1.2.3.4\"}",
      OVH_ERROR_NOT_FOUND },
    { "POST", "/domain/zone/" ZONE "/dynHost/login",
      "{\"loginSuffix\":\"a\",\"subDomain\":\"*\",\"password\":\"short\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/dynHost/login", "{\"loginSuffix\":\"a\",\"subDomain\":\"*\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "PUT", "/domain/zone/" ZONE "/dynHost/login/lovelace.fr-router", "{\"zone\":\"x\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "GET", "/domain/zone/" ZONE "/dynHost/login/nobody", NULL, OVH_ERROR_NOT_FOUND },
    { "POST", "/domain/zone/" ZONE "/dynHost/login/nobody/changePassword",
      "{\"password\":\"long enough\"}", OVH_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) body = cases[i].body != NULL ? ovh_test_json (cases[i].body) : NULL;
      g_autoptr (JsonNode) answer
          = ovh_test_call (fixture->client, cases[i].method, cases[i].path, body, &error);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      g_assert_null (answer);
      g_assert_error (error, OVH_ERROR, cases[i].code);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dynhost/checks", test_checks);
  ovh_test_add ("/dynhost/list-seeded", test_list_seeded);
  ovh_test_add ("/dynhost/list-batched", test_list_batched);
  ovh_test_add ("/dynhost/record-changes", test_record_changes);
  ovh_test_add ("/dynhost/login-changes", test_login_changes);
  ovh_test_add ("/dynhost/sandbox-refusals", test_sandbox_refusals);

  return g_test_run ();
}
