/* test-redirection.c: web redirections, in libovh against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-access-rules.h"
#include "ovh-error.h"
#include "ovh-redirection.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

static GPtrArray *
list (OvhTestFixture *fixture, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_redirection_list_async (fixture->client, ZONE, NULL, ovh_test_store_result, &result);
  return ovh_redirection_list_finish (fixture->client, ovh_test_wait_result (&result), error);
}

static OvhRedirection *
create (OvhTestFixture *fixture, OvhRedirection *redirection, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_redirection_create_async (fixture->client, ZONE, redirection, NULL, ovh_test_store_result,
                                &result);
  return ovh_redirection_create_finish (fixture->client, ovh_test_wait_result (&result), error);
}

static gboolean
wait_change (OvhTestFixture *fixture, GAsyncResult **result, GError **error)
{
  return ovh_redirection_change_finish (fixture->client, ovh_test_wait_result (result), error);
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
  g_autoptr (GError) error = NULL;
  OvhRedirectionType type;

  g_assert_true (ovh_redirection_check_target ("https://www.example.com/path?x=1", NULL));
  g_assert_true (ovh_redirection_check_target ("http://example.org", NULL));
  g_assert_false (ovh_redirection_check_target ("", &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_assert_false (ovh_redirection_check_target ("www.example.com", NULL));
  g_assert_false (ovh_redirection_check_target ("ftp://example.com/", NULL));
  g_assert_false (ovh_redirection_check_target ("https://exa mple.com/", NULL));
  g_assert_false (ovh_redirection_check_target ("https://localhost/", NULL));
  g_assert_false (ovh_redirection_check_target ("https:///path", NULL));

  g_assert_true (ovh_redirection_check_subdomain ("", NULL));
  g_assert_true (ovh_redirection_check_subdomain ("shop.eu", NULL));
  g_assert_false (ovh_redirection_check_subdomain ("sh op", NULL));
  g_assert_false (ovh_redirection_check_subdomain ("-shop", NULL));
  g_assert_false (ovh_redirection_check_subdomain ("a..b", NULL));

  g_assert_true (ovh_redirection_type_from_string ("visiblePermanent", &type));
  g_assert_cmpint (type, ==, OVH_REDIRECTION_VISIBLE_PERMANENT);
  g_assert_false (ovh_redirection_type_from_string ("permanent", &type));
  for (OvhRedirectionType t = OVH_REDIRECTION_VISIBLE; t <= OVH_REDIRECTION_INVISIBLE; t++)
    {
      g_assert_true (ovh_redirection_type_from_string (ovh_redirection_type_to_string (t), &type));
      g_assert_cmpint (type, ==, t);
      g_assert_cmpstr (ovh_redirection_type_get_label (t), !=, "");
    }
}

/* Answers that are not redirections are refused, never half read. */
static void
test_parse (void)
{
  static const char *const refused[] = {
    "[]",
    "{}",
    "{\"id\":1,\"type\":\"visible\"}",
    "{\"id\":1,\"type\":\"visible\",\"target\":\"\"}",
    "{\"id\":1,\"type\":\"sideways\",\"target\":\"https://a.example/\"}",
    "{\"id\":\"1\",\"type\":\"visible\",\"target\":\"https://a.example/\"}",
    "{\"id\":-4,\"type\":\"visible\",\"target\":\"https://a.example/\"}",
    "{\"id\":1,\"type\":\"visible\",\"target\":\"https://a.example/\",\"title\":7}",
    "{\"id\":1,\"type\":\"visible\",\"target\":\"https://a.example/\",\"subDomain\":[]}",
  };
  g_autoptr (JsonNode) good
      = ovh_test_json ("{\"id\":9,\"zone\":\"" ZONE "\",\"subDomain\":null,\"type\":\"invisible\","
                       "\"target\":\"https://a.example/\",\"title\":\"Ada\",\"keywords\":null,"
                       "\"description\":\"\"}");
  g_autoptr (OvhRedirection) redirection = ovh_redirection_new_from_json (good, NULL);
  g_autofree char *source = NULL;

  g_assert_nonnull (redirection);
  g_assert_cmpint (ovh_redirection_get_id (redirection), ==, 9);
  g_assert_cmpstr (ovh_redirection_get_subdomain (redirection), ==, "");
  g_assert_cmpint (ovh_redirection_get_redirection_type (redirection), ==,
                   OVH_REDIRECTION_INVISIBLE);
  g_assert_cmpstr (ovh_redirection_get_title (redirection), ==, "Ada");
  g_assert_null (ovh_redirection_get_keywords (redirection));
  g_assert_null (ovh_redirection_get_description (redirection));
  source = ovh_redirection_dup_source (redirection, ZONE);
  g_assert_cmpstr (source, ==, "http://" ZONE "/");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (JsonNode) node = ovh_test_json (refused[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhRedirection) bad = ovh_redirection_new_from_json (node, &error);

      g_test_message ("%s", refused[i]);
      g_assert_null (bad);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
    }
}

static void
test_list_seeded (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) redirections = NULL;
  g_autoptr (JsonNode) ids = NULL;
  OvhRedirection *seeded;

  prepare (fixture);
  redirections = list (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redirections->len, ==, 1);
  seeded = g_ptr_array_index (redirections, 0);
  g_assert_cmpstr (ovh_redirection_get_subdomain (seeded), ==, "archive");
  g_assert_cmpint (ovh_redirection_get_redirection_type (seeded), ==,
                   OVH_REDIRECTION_VISIBLE_PERMANENT);
  g_assert_cmpstr (ovh_redirection_get_target (seeded), ==, "https://ada-archive.example.org/");
  g_assert_null (ovh_redirection_get_title (seeded));
  /* One id: one GET of the list and one of the details. */
  g_assert_cmpuint (count_requests (fixture, "GET", "/redirection"), ==, 2);

  /* Not records: the record API does not list them. */
  ids = ovh_test_call (fixture->client, "GET", "/domain/zone/" ZONE "/record?subDomain=archive",
                       NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (ids)), ==, 0);

  /* Other zones have none. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GPtrArray) none = NULL;

    ovh_redirection_list_async (fixture->client, "countess.dev", NULL, ovh_test_store_result,
                                &result);
    none = ovh_redirection_list_finish (fixture->client, ovh_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
add (OvhTestFixture *fixture, const char *subdomain, const char *target)
{
  g_autoptr (OvhRedirection) wanted
      = ovh_redirection_new (0, subdomain, OVH_REDIRECTION_VISIBLE, target, NULL, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRedirection) made = create (fixture, wanted, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ovh_redirection_get_id (made), >, 0);
  g_assert_true (ovh_redirection_equal_content (made, wanted));
}

/* With batches the details of up to 50 come in one request; without, one each. */
static void
test_list_batched (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) batched = NULL;
  g_autoptr (GPtrArray) one_by_one = NULL;

  for (guint i = 0; i < 52; i++)
    {
      g_autofree char *name = g_strdup_printf ("r%02u", i);
      g_autofree char *target = g_strdup_printf ("https://%s.example.net/", name);

      add (fixture, name, target);
    }

  ovh_sandbox_set_batch (fixture->sandbox, TRUE);
  prepare (fixture);
  batched = list (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batched->len, ==, 53);
  /* The ids, 50 details, then 3. */
  g_assert_cmpuint (count_requests (fixture, "GET", "/redirection"), ==, 3);
  g_assert_cmpstr (ovh_redirection_get_subdomain (g_ptr_array_index (batched, 0)), ==, "archive");
  g_assert_cmpstr (ovh_redirection_get_subdomain (g_ptr_array_index (batched, 1)), ==, "r00");
  g_assert_cmpstr (ovh_redirection_get_subdomain (g_ptr_array_index (batched, 52)), ==, "r51");

  ovh_sandbox_set_batch (fixture->sandbox, FALSE);
  prepare (fixture);
  one_by_one = list (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one_by_one->len, ==, 53);
  for (guint i = 0; i < 53; i++)
    g_assert_true (ovh_redirection_equal_content (g_ptr_array_index (one_by_one, i),
                                                  g_ptr_array_index (batched, i)));
}

static void
test_changes (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) redirections = NULL;
  g_autoptr (OvhRedirection) wanted = NULL;
  g_autoptr (OvhRedirection) made = NULL;
  g_autoptr (OvhRedirection) changed = NULL;
  OvhRedirection *listed;

  prepare (fixture);
  wanted = ovh_redirection_new (0, "shop", OVH_REDIRECTION_INVISIBLE, "https://shop.example.net/",
                                "Ada’s shop", "engines, cards", "Punched cards and more");
  made = create (fixture, wanted, &error);
  g_assert_no_error (error);
  g_assert_true (ovh_redirection_equal_content (made, wanted));
  /* Changes do not publish: the zone waits for its refresh. */
  g_assert_cmpuint (count_requests (fixture, "POST", "/refresh"), ==, 0);
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));

  changed = ovh_redirection_new (ovh_redirection_get_id (made), "shop",
                                 OVH_REDIRECTION_VISIBLE_PERMANENT, "https://store.example.net/",
                                 NULL, NULL, NULL);
  ovh_redirection_update_async (fixture->client, ZONE, changed, NULL, ovh_test_store_result,
                                &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  ovh_redirection_publish_async (fixture->client, ZONE, NULL, ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_clear_object (&result);
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, ZONE));

  redirections = list (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (redirections->len, ==, 2);
  listed = g_ptr_array_index (redirections, 1);
  g_assert_cmpstr (ovh_redirection_get_subdomain (listed), ==, "shop");
  g_assert_true (ovh_redirection_equal_content (listed, changed));
  /* The texts were cleared by the PUT's nulls. */
  g_assert_null (ovh_redirection_get_title (listed));
  g_clear_pointer (&redirections, g_ptr_array_unref);

  ovh_redirection_delete_async (fixture->client, ZONE, ovh_redirection_get_id (made), NULL,
                                ovh_test_store_result, &result);
  g_assert_true (wait_change (fixture, &result, &error));
  g_clear_object (&result);
  redirections = list (fixture, &error);
  g_assert_cmpuint (redirections->len, ==, 1);

  /* Gone: a 404. */
  ovh_redirection_delete_async (fixture->client, ZONE, ovh_redirection_get_id (made), NULL,
                                ovh_test_store_result, &result);
  g_assert_false (wait_change (fixture, &result, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);
  ovh_redirection_update_async (fixture->client, ZONE, changed, NULL, ovh_test_store_result,
                                &result);
  g_assert_false (wait_change (fixture, &result, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_errors (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRedirection) not_url
      = ovh_redirection_new (0, "x", OVH_REDIRECTION_VISIBLE, "example.com", NULL, NULL, NULL);
  g_autoptr (OvhRedirection) bad_name = ovh_redirection_new (
      0, "a b", OVH_REDIRECTION_VISIBLE, "https://example.com/", NULL, NULL, NULL);
  g_autoptr (OvhRedirection) twice = ovh_redirection_new (0, "archive", OVH_REDIRECTION_VISIBLE,
                                                          "https://example.com/", NULL, NULL, NULL);
  g_autoptr (OvhRedirection) refused = NULL;
  g_autoptr (GPtrArray) redirections = NULL;

  /* Refused before anything is sent. */
  prepare (fixture);
  refused = create (fixture, not_url, &error);
  g_assert_null (refused);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  refused = create (fixture, bad_name, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_clear_error (&error);
  g_assert_cmpuint (count_requests (fixture, NULL, "/redirection"), ==, 0);

  /* Refused by the server: a second redirection for a name. */
  refused = create (fixture, twice, &error);
  g_assert_null (refused);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_CONFLICT);
  g_clear_error (&error);

  /* An answer that is not JSON, then one that is not a list of ids. */
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" ZONE "/redirection",
                            OVH_SANDBOX_FAULT_MALFORMED, 1);
  redirections = list (fixture, &error);
  g_assert_null (redirections);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* A server error is told as it is. */
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/" ZONE "/redirection/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  redirections = list (fixture, &error);
  g_assert_null (redirections);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_clear_error (&error);
  ovh_sandbox_clear_faults (fixture->sandbox);

  /* An unknown zone. */
  {
    g_autoptr (GAsyncResult) result = NULL;

    ovh_redirection_list_async (fixture->client, "nowhere.example", NULL, ovh_test_store_result,
                                &result);
    redirections
        = ovh_redirection_list_finish (fixture->client, ovh_test_wait_result (&result), &error);
    g_assert_null (redirections);
    g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* A read-only key lists them and is refused a change in OVH's words. */
  {
    const char *const rules[] = { "GET /me", "GET /domain", "GET /domain/*", NULL };
    g_autofree char *consumer_key
        = ovh_sandbox_create_credential (fixture->sandbox, NULL, rules, 0);
    g_autoptr (OvhClient) reader = ovh_test_fixture_new_client (fixture, consumer_key);
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (OvhRedirection) denied = NULL;
    g_autoptr (OvhRedirection) allowed = ovh_redirection_new (
        0, "blog2", OVH_REDIRECTION_VISIBLE, "https://example.com/", NULL, NULL, NULL);

    ovh_redirection_list_async (reader, ZONE, NULL, ovh_test_store_result, &result);
    redirections = ovh_redirection_list_finish (reader, ovh_test_wait_result (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (redirections->len, ==, 1);
    g_clear_object (&result);
    ovh_redirection_create_async (reader, ZONE, allowed, NULL, ovh_test_store_result, &result);
    denied = ovh_redirection_create_finish (reader, ovh_test_wait_result (&result), &error);
    g_assert_null (denied);
    g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED);
  }
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
    { "POST", "/domain/zone/" ZONE "/redirection", "{\"subDomain\":\"x\",\"type\":\"visible\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/redirection",
      "{\"subDomain\":\"x\",\"target\":\"https://a.example/\"}", OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/redirection",
      "{\"subDomain\":\"x\",\"type\":\"moved\",\"target\":\"https://a.example/\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/redirection",
      "{\"subDomain\":\"x\",\"type\":\"visible\",\"target\":\"a.example\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/redirection",
      "{\"subDomain\":\"x y\",\"type\":\"visible\",\"target\":\"https://a.example/\"}",
      OVH_ERROR_BAD_PARAMETERS },
    { "POST", "/domain/zone/" ZONE "/redirection",
      "{\"subDomain\":\"ARCHIVE\",\"type\":\"visible\",\"target\":\"https://a.example/\"}",
      OVH_ERROR_CONFLICT },
    { "GET", "/domain/zone/" ZONE "/redirection/1", NULL, OVH_ERROR_NOT_FOUND },
    { "GET", "/domain/zone/" ZONE "/redirection/abc", NULL, OVH_ERROR_BAD_PARAMETERS },
    { "PUT", "/domain/zone/" ZONE "/redirection/1", "{\"target\":\"https://a.example/\"}",
      OVH_ERROR_NOT_FOUND },
    { "DELETE", "/domain/zone/" ZONE "/redirection/1", NULL, OVH_ERROR_NOT_FOUND },
    { "GET", "/domain/zone/nowhere.example/redirection", NULL, OVH_ERROR_NOT_FOUND },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) ids = NULL;
  g_autofree char *seeded_path = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) body = cases[i].body != NULL ? ovh_test_json (cases[i].body) : NULL;
      g_autoptr (JsonNode) answer
          = ovh_test_call (fixture->client, cases[i].method, cases[i].path, body, &error);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      g_assert_null (answer);
      g_assert_error (error, OVH_ERROR, cases[i].code);
      g_clear_error (&error);
    }

  /* PUT refuses subDomain, as OVH (it is read-only there). */
  ids = ovh_test_call (fixture->client, "GET", "/domain/zone/" ZONE "/redirection", NULL, &error);
  g_assert_no_error (error);
  seeded_path = g_strdup_printf ("/domain/zone/" ZONE "/redirection/%" G_GINT64_FORMAT,
                                 json_array_get_int_element (json_node_get_array (ids), 0));
  {
    g_autoptr (JsonNode) body = ovh_test_json ("{\"subDomain\":\"other\"}");
    g_autoptr (JsonNode) answer = ovh_test_call (fixture->client, "PUT", seeded_path, body, &error);

    g_assert_null (answer);
    g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
    g_assert_nonnull (strstr (error->message, "Try to alter read-only properties: subDomain"));
  }
}

/* The presets: read-only reads them, the DNS editor makes exactly the calls the app's
 * Redirections view and domaine-cli make. */
static void
test_presets (void)
{
  g_autoptr (GPtrArray) read_only = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GPtrArray) editor = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  static const struct
  {
    const char *method;
    const char *path;
  } calls[] = {
    { "GET", "/domain/zone/" ZONE "/redirection" },
    { "GET", "/domain/zone/" ZONE "/redirection/12" },
    { "GET", "/domain/zone/" ZONE "/redirection/12,13" },
    { "POST", "/domain/zone/" ZONE "/redirection" },
    { "PUT", "/domain/zone/" ZONE "/redirection/12" },
    { "DELETE", "/domain/zone/" ZONE "/redirection/12" },
    { "POST", "/domain/zone/" ZONE "/refresh" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      gboolean read = g_str_equal (calls[i].method, "GET");

      g_test_message ("%s %s", calls[i].method, calls[i].path);
      g_assert_true (ovh_access_rules_allow (editor, calls[i].method, calls[i].path));
      g_assert_cmpint (ovh_access_rules_allow (read_only, calls[i].method, calls[i].path), ==,
                       read);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redirection/checks", test_checks);
  g_test_add_func ("/redirection/parse", test_parse);
  g_test_add_func ("/redirection/presets", test_presets);
  ovh_test_add ("/redirection/list-seeded", test_list_seeded);
  ovh_test_add ("/redirection/list-batched", test_list_batched);
  ovh_test_add ("/redirection/changes", test_changes);
  ovh_test_add ("/redirection/errors", test_errors);
  ovh_test_add ("/redirection/sandbox-refusals", test_sandbox_refusals);

  return g_test_run ();
}
