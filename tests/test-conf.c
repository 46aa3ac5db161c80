/* test-conf.c: ovh.conf files and OVH_* variables, as the official clients read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ovh-conf.h"
#include "ovh-secret.h"

typedef struct
{
  char *dir;
  char *etc;
  char *home;
  char *local;
  char *missing;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-conf-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->etc = g_build_filename (fixture->dir, "etc-ovh.conf", NULL);
  fixture->home = g_build_filename (fixture->dir, "home-ovh.conf", NULL);
  fixture->local = g_build_filename (fixture->dir, "ovh.conf", NULL);
  fixture->missing = g_build_filename (fixture->dir, "missing.conf", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  const char *files[] = { fixture->etc, fixture->home, fixture->local };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_unlink (files[i]);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
  g_free (fixture->etc);
  g_free (fixture->home);
  g_free (fixture->local);
  g_free (fixture->missing);
}

static void
write_file (const char *path, const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static GPtrArray *
find (Fixture *fixture, const char *const *envp, GError **error)
{
  const char *paths[] = { fixture->etc, fixture->home, fixture->local, NULL };
  static const char *const empty_env[] = { NULL };

  return ovh_conf_find_candidates (paths, envp ? envp : empty_env, error);
}

static const OvhConfCandidate *
candidate_for (GPtrArray *candidates, const char *endpoint)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const OvhConfCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_strcmp0 (candidate->endpoint, endpoint) == 0)
        return candidate;
    }
  return NULL;
}

static void
test_no_files (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;

  candidates = find (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (candidates);
  g_assert_cmpuint (candidates->len, ==, 0);
}

static void
test_single_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  const OvhConfCandidate *candidate;

  write_file (fixture->home, "[default]\n"
                             "; which endpoint to use\n"
                             "endpoint=ovh-eu\n"
                             "\n"
                             "[ovh-eu]\n"
                             "# comment\n"
                             "application_key = my_app_key\n"
                             "application_secret = my_application_secret\n"
                             "consumer_key = my_consumer_key\n");

  candidates = find (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);

  candidate = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (candidate->endpoint, ==, "ovh-eu");
  g_assert_cmpstr (candidate->application_key, ==, "my_app_key");
  g_assert_cmpstr (candidate->application_secret, ==, "my_application_secret");
  g_assert_cmpstr (candidate->consumer_key, ==, "my_consumer_key");
  g_assert_cmpstr (candidate->source, ==, fixture->home);
  g_assert_true (candidate->is_default);
}

/* /etc, then ~, then ./: later files win key by key; the default comes first. */
static void
test_precedence (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhConfCandidate) copy = NULL;
  g_autoptr (OvhAccount) account = NULL;
  g_autofree char *expected_source = NULL;
  const OvhConfCandidate *eu;
  const OvhConfCandidate *ca;

  write_file (fixture->etc, "[default]\n"
                            "endpoint=ovh-eu\n"
                            "[ovh-eu]\n"
                            "application_key=etc_key\n"
                            "application_secret=etc_secret\n"
                            "consumer_key=etc_consumer\n"
                            "[ovh-ca]\n"
                            "application_key=ca_key\n"
                            "application_secret=ca_secret\n");
  write_file (fixture->home, "[ovh-eu]\n"
                             "consumer_key=home_consumer\n");
  write_file (fixture->local, "[default]\n"
                              "endpoint=ovh-ca\n"
                              "[kimsufi-eu]\n"
                              "application_secret=no_key_so_no_candidate\n");

  candidates = find (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);

  /* ./ovh.conf made ovh-ca the default: it is first. */
  ca = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (ca->endpoint, ==, "ovh-ca");
  g_assert_true (ca->is_default);
  g_assert_cmpstr (ca->application_key, ==, "ca_key");
  g_assert_null (ca->consumer_key);

  eu = candidate_for (candidates, "ovh-eu");
  g_assert_nonnull (eu);
  g_assert_false (eu->is_default);
  g_assert_cmpstr (eu->application_key, ==, "etc_key");
  g_assert_cmpstr (eu->application_secret, ==, "etc_secret");
  g_assert_cmpstr (eu->consumer_key, ==, "home_consumer");
  expected_source = g_strdup_printf ("%s, %s", fixture->etc, fixture->home);
  g_assert_cmpstr (eu->source, ==, expected_source);

  g_assert_null (candidate_for (candidates, "kimsufi-eu"));

  copy = ovh_conf_candidate_copy (eu);
  g_assert_cmpstr (copy->consumer_key, ==, "home_consumer");
  account = ovh_conf_candidate_to_account (copy);
  g_assert_cmpstr (ovh_account_get_endpoint (account), ==, "ovh-eu");
  g_assert_cmpstr (ovh_account_get_application_key (account), ==, "etc_key");
  g_assert_cmpstr (ovh_account_get_application_secret (account), ==, "etc_secret");
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, "home_consumer");
}

/* OVH_* variables override the files for the default endpoint. */
static void
test_environment_override (Fixture *fixture, gconstpointer data)
{
  const char *const envp[] = {
    "OVH_ENDPOINT=ovh-ca",
    "OVH_CONSUMER_KEY=env_consumer",
    "OVH_APPLICATION_SECRET=",
    "PATH=/usr/bin",
    NULL,
  };
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  const OvhConfCandidate *ca;
  const OvhConfCandidate *eu;

  write_file (fixture->home, "[default]\n"
                             "endpoint=ovh-eu\n"
                             "[ovh-eu]\n"
                             "application_key=eu_key\n"
                             "consumer_key=eu_consumer\n"
                             "[ovh-ca]\n"
                             "application_key=ca_key\n"
                             "application_secret=ca_secret\n"
                             "consumer_key=ca_consumer\n");

  candidates = find (fixture, envp, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);

  ca = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (ca->endpoint, ==, "ovh-ca");
  g_assert_true (ca->is_default);
  g_assert_cmpstr (ca->consumer_key, ==, "env_consumer");
  /* An empty variable does not erase the file's value. */
  g_assert_cmpstr (ca->application_secret, ==, "ca_secret");
  g_assert_nonnull (strstr (ca->source, fixture->home));
  g_assert_nonnull (strstr (ca->source, "environment"));

  eu = candidate_for (candidates, "ovh-eu");
  g_assert_false (eu->is_default);
  g_assert_cmpstr (eu->consumer_key, ==, "eu_consumer");
}

static void
test_environment_only (Fixture *fixture, gconstpointer data)
{
  const char *const with_endpoint[] = {
    "OVH_ENDPOINT=http://127.0.0.1:8080/1.0",
    "OVH_APPLICATION_KEY=env_key",
    "OVH_APPLICATION_SECRET=env_secret",
    "OVH_CONSUMER_KEY=env_consumer",
    NULL,
  };
  const char *const without_endpoint[] = {
    "OVH_APPLICATION_KEY=env_key",
    NULL,
  };
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  const OvhConfCandidate *candidate;

  candidates = find (fixture, with_endpoint, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  candidate = g_ptr_array_index (candidates, 0);
  g_assert_cmpstr (candidate->endpoint, ==, "http://127.0.0.1:8080/1.0");
  g_assert_cmpstr (candidate->application_key, ==, "env_key");
  g_assert_cmpstr (candidate->application_secret, ==, "env_secret");
  g_assert_cmpstr (candidate->consumer_key, ==, "env_consumer");
  g_assert_cmpstr (candidate->source, ==, "OVH_* environment variables");
  g_assert_true (candidate->is_default);
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* Keys but no endpoint anywhere: offered, with the endpoint left to the user. */
  candidates = find (fixture, without_endpoint, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  candidate = g_ptr_array_index (candidates, 0);
  g_assert_null (candidate->endpoint);
  g_assert_cmpstr (candidate->application_key, ==, "env_key");
  g_assert_null (candidate->application_secret);
}

/* The endpoint a file names, by id or as a base URL, is the account's: never Europe by
 * default. */
static void
test_file_endpoint (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhAccount) ca = NULL;
  g_autoptr (OvhAccount) proxy = NULL;
  g_autofree char *base_url = NULL;
  const OvhConfCandidate *candidate;

  write_file (fixture->home, "[default]\n"
                             "endpoint=ovh-ca\n"
                             "\n"
                             "[ovh-ca]\n"
                             "application_key=ca_key\n"
                             "application_secret=ca_secret\n"
                             "consumer_key=ca_consumer\n");
  candidates = find (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  candidate = g_ptr_array_index (candidates, 0);
  g_assert_true (candidate->is_default);
  ca = ovh_conf_candidate_to_account (candidate);
  g_assert_cmpstr (ovh_account_get_endpoint (ca), ==, "ovh-ca");
  g_assert_true (ovh_account_get_known_endpoint (ca) == ovh_endpoint_lookup ("ovh-ca"));
  base_url = ovh_account_dup_base_url (ca);
  g_assert_cmpstr (base_url, ==, "https://ca.api.ovh.com/1.0");
  g_clear_pointer (&base_url, g_free);
  g_clear_pointer (&candidates, g_ptr_array_unref);

  /* A base URL (a proxy): the section is named by it, as python-ovh reads it. */
  write_file (fixture->local, "[default]\n"
                              "endpoint=https://proxy.example.net:8443/1.0/\n"
                              "\n"
                              "[https://proxy.example.net:8443/1.0/]\n"
                              "application_key=proxy_key\n"
                              "application_secret=proxy_secret\n");
  candidates = find (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  candidate = g_ptr_array_index (candidates, 0);
  g_assert_true (candidate->is_default);
  g_assert_cmpstr (candidate->endpoint, ==, "https://proxy.example.net:8443/1.0/");
  proxy = ovh_conf_candidate_to_account (candidate);
  g_assert_true (ovh_account_is_custom_endpoint (proxy));
  g_assert_null (ovh_account_get_known_endpoint (proxy));
  base_url = ovh_account_dup_base_url (proxy);
  g_assert_cmpstr (base_url, ==, "https://proxy.example.net:8443/1.0");
  g_assert_cmpstr (ovh_account_get_application_key (proxy), ==, "proxy_key");
  g_assert_null (ovh_account_get_consumer_key (proxy));
  /* The earlier file's endpoint is still offered, not the default any more. */
  g_assert_false (candidate_for (candidates, "ovh-ca")->is_default);
}

/* A file that is not INI is an error naming it, without quoting its content. */
static void
test_malformed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;

  write_file (fixture->etc, "[ovh-eu]\napplication_key=fine\n");
  write_file (fixture->local, "[ovh-eu]\n"
                              "this line holds a secret s3cr3t-value without an equals sign\n");

  candidates = find (fixture, NULL, &error);
  g_assert_null (candidates);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, fixture->local));
  g_assert_null (strstr (error->message, "s3cr3t"));
}

/* A key outside any section is malformed too (as for configparser). */
static void
test_malformed_no_section (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;

  write_file (fixture->home, "application_key=orphan\n");
  candidates = find (fixture, NULL, &error);
  g_assert_null (candidates);
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE);
}

/* A path that cannot be read as a file (here a directory) is skipped, like a missing one. */
static void
test_unreadable_skipped (Fixture *fixture, gconstpointer data)
{
  const char *paths[] = { fixture->missing, fixture->dir, fixture->home, NULL };
  static const char *const empty_env[] = { NULL };
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;

  write_file (fixture->home, "[ovh-us]\napplication_key=us_key\n");
  candidates = ovh_conf_find_candidates (paths, empty_env, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_false (((OvhConfCandidate *) g_ptr_array_index (candidates, 0))->is_default);
}

static void
test_default_paths (void)
{
  g_auto (GStrv) paths = ovh_conf_get_default_paths ();
  g_autofree char *home = g_build_filename (g_get_home_dir (), ".ovh.conf", NULL);

  g_assert_cmpuint (g_strv_length (paths), ==, 3);
  g_assert_cmpstr (paths[0], ==, "/etc/ovh.conf");
  g_assert_cmpstr (paths[1], ==, home);
  g_assert_true (g_str_has_suffix (paths[2], "/ovh.conf"));
  g_assert_true (g_path_is_absolute (paths[2]));
}

/* The helper that wipes the secrets read from ovh.conf (and the keyring's): NULL-safe, the
 * pointer cleared, and the scoped form freed once (AddressSanitizer would see a double free). */
static void
test_secret_wipe (void)
{
  char *secret = g_strdup ("confTestSecretToWipe");

  ovh_secret_clear (&secret);
  g_assert_null (secret);
  ovh_secret_clear (&secret);
  ovh_secret_free (NULL);
  {
    g_auto (OvhSecret) scoped = g_strdup ("confTestScopedSecret");

    g_assert_cmpstr (scoped, ==, "confTestScopedSecret");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/conf/file-endpoint", test_file_endpoint);
  ADD ("/conf/no-files", test_no_files);
  ADD ("/conf/single-file", test_single_file);
  ADD ("/conf/precedence", test_precedence);
  ADD ("/conf/environment-override", test_environment_override);
  ADD ("/conf/environment-only", test_environment_only);
  ADD ("/conf/malformed", test_malformed);
  ADD ("/conf/malformed-no-section", test_malformed_no_section);
  ADD ("/conf/unreadable-skipped", test_unreadable_skipped);
#undef ADD
  g_test_add_func ("/conf/default-paths", test_default_paths);
  g_test_add_func ("/conf/secret-wipe", test_secret_wipe);

  return g_test_run ();
}
