/* test-cli-fixture.c: domaine-cli as a subprocess against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "test-cli-fixture.h"

void
ovh_cli_fixture_set_up (OvhCliFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
  fixture->home = g_dir_make_tmp ("domaine-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

void
ovh_cli_fixture_tear_down (OvhCliFixture *fixture, gconstpointer data)
{
  const char *argv[] = { "rm", "-rf", "--", fixture->home, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
  g_free (fixture->home);
  g_free (fixture->out);
  g_free (fixture->err);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

static int
run_va (OvhCliFixture *fixture, const char *input, const char *first_arg, va_list args)
{
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE
                           | (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0);
  g_autoptr (GSubprocessLauncher) launcher
      = ovh_test_fixture_new_cli_launcher (&fixture->api, flags, fixture->home);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", fixture->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  /* Leaks are the in-process tests' business; a CLI run is checked for memory errors. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0:detect_odr_violation=0",
                                TRUE);

  g_ptr_array_add (argv, (gpointer) DOMAINE_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) "--from-ovh-conf");
  for (guint i = 0; fixture->options != NULL && fixture->options[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) fixture->options[i]);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (&fixture->out, g_free);
  g_clear_pointer (&fixture->err, g_free);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &fixture->out, &fixture->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

int
ovh_cli_fixture_run (OvhCliFixture *fixture, const char *first_arg, ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_va (fixture, NULL, first_arg, args);
  va_end (args);
  return status;
}

int
ovh_cli_fixture_run_with_input (OvhCliFixture *fixture,
                                const char *input,
                                const char *first_arg,
                                ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_va (fixture, input != NULL ? input : "", first_arg, args);
  va_end (args);
  return status;
}

JsonNode *
ovh_cli_fixture_parse (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

JsonObject *
ovh_cli_fixture_parse_object (const char *text, JsonParser **parser)
{
  g_autoptr (GError) error = NULL;

  *parser = json_parser_new ();
  json_parser_load_from_data (*parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (*parser)));
  return json_node_get_object (json_parser_get_root (*parser));
}

void
ovh_cli_fixture_add (const char *path,
                     void (*test_func) (OvhCliFixture *fixture, gconstpointer data))
{
  g_test_add (path, OvhCliFixture, NULL, ovh_cli_fixture_set_up, test_func,
              ovh_cli_fixture_tear_down);
}
