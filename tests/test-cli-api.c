/* test-cli-api.c: domaine-cli api, any call of the API, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-cli-fixture.h"

static void
test_get (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "GET", "/me", NULL), ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "nichandle"), ==, OVH_SANDBOX_NICHANDLE);
  /* Pretty, for people. */
  g_assert_nonnull (strstr (fixture->out, "\n  \"nichandle\" : "));
  g_assert_nonnull (strstr (fixture->err, "HTTP 200, query ID EU.ext-"));
  /* Never a secret. */
  g_assert_null (strstr (fixture->out, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (fixture->err, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (fixture->err, OVH_SANDBOX_CONSUMER_KEY));

  /* --param: the query, escaped. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "-q", "api", "get",
                                        "/domain/zone/lovelace.fr/record", "--param",
                                        "fieldType=MX", "--param", "subDomain=", NULL),
                   ==, 0);
  g_assert_cmpstr (fixture->err, ==, "");
  g_assert_true (g_str_has_prefix (fixture->out, "["));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "GET",
                                                   "/domain/zone/lovelace.fr/record?fieldType=MX"
                                                   "&subDomain="),
                    ==, 1);
}

static void
test_post (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (JsonParser) parser = NULL;
  JsonObject *object;
  const char *body = "{\"fieldType\": \"TXT\", \"subDomain\": \"cli\", \"target\": \"hello\"}";

  /* Without a terminal, a call that may change the account needs --yes: nothing is sent. */
  g_assert_cmpint (ovh_cli_fixture_run_with_input (fixture, "y\n", "api", "POST",
                                                   "/domain/zone/lovelace.fr/record", "--data",
                                                   body, NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "--yes"));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/record"),
                    ==, 0);

  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "POST", "/domain/zone/lovelace.fr/record",
                                        "--data", body, "--yes", NULL),
                   ==, 0);
  object = ovh_cli_fixture_parse_object (fixture->out, &parser);
  g_assert_cmpstr (json_object_get_string_member (object, "subDomain"), ==, "cli");
  g_assert_cmpstr (json_object_get_string_member (object, "target"), ==, "\"hello\"");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/record"),
                    ==, 1);

  /* A body that is not JSON, a GET with a body, a parameter without "=": usage errors. */
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "POST", "/domain/zone/lovelace.fr/record",
                                        "--data", "{fieldType: TXT}", "--yes", NULL),
                   ==, 2);
  g_assert_nonnull (strstr (fixture->err, "The body is not valid JSON"));
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "GET", "/me", "--data", "{}", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "GET", "/me", "--param", "nichandle", NULL),
                   ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "FETCH", "/me", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "GET", NULL), ==, 2);
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "GET", "/me", "--ttl", "3", NULL), ==, 2);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->api.sandbox, "POST",
                                                   "/domain/zone/lovelace.fr/record"),
                    ==, 1);
}

static void
test_errors (OvhCliFixture *fixture, gconstpointer data)
{
  /* Exit codes as every command's, the error on one line with the query ID. */
  g_assert_cmpint (
      ovh_cli_fixture_run (fixture, "api", "GET", "/domain/zone/no-such-zone.example", NULL), ==,
      4);
  g_assert_nonnull (strstr (fixture->err, "HTTP 404"));
  g_assert_nonnull (strstr (fixture->err, "domaine-cli: "));
  g_assert_cmpstr (fixture->out, ==, "");
  g_assert_cmpint (ovh_cli_fixture_run (fixture, "api", "DELETE",
                                        "/domain/zone/no-such-zone.example", "--yes", NULL),
                   ==, 4);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_cli_fixture_add ("/cli/api/get", test_get);
  ovh_cli_fixture_add ("/cli/api/post", test_post);
  ovh_cli_fixture_add ("/cli/api/errors", test_errors);

  return g_test_run ();
}
