/* test-fixture.h: the in-process sandbox and a client that trusts it, for integration tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *
 *   static void
 *   test_me (OvhTestFixture *fixture, gconstpointer data)
 *   {
 *     g_autoptr (GError) error = NULL;
 *     g_autoptr (JsonNode) me = ovh_test_call (fixture->client, "GET", "/me", NULL, &error);
 *
 *     g_assert_no_error (error);
 *   }
 *
 *   ovh_test_add ("/me/get", test_me);   // registers /me/get/http and /me/get/https
 *
 * The sandbox serves from a thread of its own, so the test's main thread may block in
 * ovh_test_call() (it iterates the default main context) or in ovh_client_call_sync().
 * Over HTTPS the sandbox generates a certificate at start and the client trusts exactly
 * that certificate (g_tls_file_database_new on its CA file): verification stays on.
 */
#pragma once

#include "ovh-account-store.h"
#include "ovh-client.h"
#include "ovh-sandbox.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

typedef struct
{
  OvhSandbox *sandbox;
  OvhClient *client; /* the seeded customer's all-rights key; no rate limit, fast retries */
  gboolean tls;
} OvhTestFixture;

/* data: GINT_TO_POINTER (TRUE) for HTTPS. */
void ovh_test_fixture_set_up (OvhTestFixture *fixture, gconstpointer data);
void ovh_test_fixture_tear_down (OvhTestFixture *fixture, gconstpointer data);

/* Another client of the fixture's sandbox (same trust, no rate limit, retries 10 ms apart),
 * with the sandbox's application key and secret and this consumer key (NULL allowed). */
OvhClient *ovh_test_fixture_new_client (OvhTestFixture *fixture, const char *consumer_key);

/* A launcher for domaine-cli --from-ovh-conf on the fixture's sandbox: its keys in OVH_*, HOME
 * and the working folder set to home, no GLib debug output. */
GSubprocessLauncher *ovh_test_fixture_new_cli_launcher (OvhTestFixture *fixture,
                                                        GSubprocessFlags flags,
                                                        const char *home);

/* Registers path + "/http" and path + "/https" with the fixture. */
void ovh_test_add (const char *path,
                   void (*test_func) (OvhTestFixture *fixture, gconstpointer data));

/* A GAsyncReadyCallback storing a reference to the result in *(GAsyncResult **) user_data,
 * and the loop that waits for it on the default main context. */
void ovh_test_store_result (GObject *source, GAsyncResult *result, gpointer user_data);
GAsyncResult *ovh_test_wait_result (GAsyncResult **result);

/* ovh_client_call_async, waited for on the default main context. */
JsonNode *ovh_test_call (
    OvhClient *client, const char *method, const char *path, JsonNode *body, GError **error);

/* Parses a JSON literal for request bodies; aborts the test on a typo. */
JsonNode *ovh_test_json (const char *text);

/* The zone @name of the fixture's client, loaded in full with the cache off and the record
 * loaders' memory of earlier tests forgotten. */
OvhZone *ovh_test_load_zone (OvhTestFixture *fixture, const char *name);

/* The record of @zone with this sub-domain and type; aborts the test when there is none.
 * Transfer none: the zone's record list keeps it alive. */
OvhRecord *ovh_test_find_record (OvhZone *zone, const char *sub_domain, const char *type);

/* The session keyring's accounts, loaded; and one of them removed from it. */
OvhAccountStore *ovh_test_load_account_store (void);
void ovh_test_remove_account (OvhAccountStore *store, OvhAccount *account);

/* From here on every structured log line of the process is kept, as KEY=value pairs, one line
 * a message; warnings and worse still go out through the default writer (and stay fatal).
 * Call once, before anything logs; debug messages are the caller's to turn on. */
void ovh_test_capture_logs (void);
/* What was kept so far, and forgetting it. */
char *ovh_test_dup_captured_logs (void);
void ovh_test_clear_captured_logs (void);

G_END_DECLS
