/* test-cli-fixture.h: domaine-cli as a subprocess against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *
 *   static void
 *   test_list (OvhCliFixture *fixture, gconstpointer data)
 *   {
 *     g_assert_cmpint (ovh_cli_fixture_run (fixture, "records", "list", "lovelace.fr", NULL),
 *                      ==, 0);
 *     g_assert_nonnull (strstr (fixture->out, "www"));
 *   }
 *
 *   ovh_cli_fixture_add ("/cli-records/list", test_list);
 *
 * The program is DOMAINE_CLI_PATH, given the sandbox's keys in OVH_* (--from-ovh-conf), with a
 * private folder as HOME, XDG_DATA_HOME, XDG_CACHE_HOME and working folder, in C.UTF-8 with
 * untranslated messages.
 */
#pragma once

#include "test-fixture.h"

G_BEGIN_DECLS

typedef struct
{
  OvhTestFixture api;
  char *home; /* removed with everything in it at tear-down */
  /* Arguments put before every command's own, after --from-ovh-conf (NULL: none). */
  const char *const *options;
  char *out; /* the last run's standard output and error */
  char *err;
} OvhCliFixture;

/* Over HTTP; the sandbox is fixture->api.sandbox, seeded as usual. */
void ovh_cli_fixture_set_up (OvhCliFixture *fixture, gconstpointer data);
void ovh_cli_fixture_tear_down (OvhCliFixture *fixture, gconstpointer data);

/* Runs the program to its end and returns its exit status; standard input is closed. */
int ovh_cli_fixture_run (OvhCliFixture *fixture, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
/* The same with input written to its standard input (a pipe, not a terminal). */
int ovh_cli_fixture_run_with_input (OvhCliFixture *fixture,
                                    const char *input,
                                    const char *first_arg,
                                    ...) G_GNUC_NULL_TERMINATED;

/* The JSON object in text (the test fails on anything else); *parser owns it. */
JsonObject *ovh_cli_fixture_parse_object (const char *text, JsonParser **parser);
/* The JSON value in text, as a node of its own. */
JsonNode *ovh_cli_fixture_parse (const char *text);

/* g_test_add() with this fixture. */
void ovh_cli_fixture_add (const char *path,
                          void (*test_func) (OvhCliFixture *fixture, gconstpointer data));

G_END_DECLS
