/* test-sign-in.c: OvhSignIn against the in-process sandbox and the session's real keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The browser step is played by the sandbox library: the validation URL's credentialToken
 * names the consumer key, which the test validates, refuses or expires as a person would.
 * Every wait is for a condition (a state, a poll counted by the sandbox), never for a time.
 */
#include "config.h"

#include <string.h>

#include "ovh-access-rules.h"
#include "ovh-error.h"
#include "ovh-sign-in.h"
#include "test-fixture.h"

#define WAIT_MS 15000

/* The secrets that must never be in the log. */
static GPtrArray *secrets;

static void
remember_secret (const char *secret)
{
  g_ptr_array_add (secrets, g_strdup (secret));
}

/* Helpers */

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until @condition holds (or WAIT_MS, a failure). Every
 * change waited for arrives there: a state, or the answer to a poll the sandbox counted. */
static gboolean
wait_until (gboolean (*condition) (gpointer data), gpointer data)
{
  gboolean expired = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, set_flag, &expired);

  while (!condition (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (timeout);
  return condition (data);
}

typedef struct
{
  OvhSignIn *sign_in;
  GArray *states; /* OvhSignInState, as notified */
  GAsyncResult *result;
} Run;

static void
state_notified_cb (OvhSignIn *sign_in, GParamSpec *pspec, Run *run)
{
  OvhSignInState state = ovh_sign_in_get_state (sign_in);

  g_array_append_val (run->states, state);
}

/* Watches @sign_in (adopted), polling every 20 ms. */
static void
run_start (Run *run, OvhSignIn *sign_in)
{
  run->sign_in = sign_in;
  run->states = g_array_new (FALSE, FALSE, sizeof (OvhSignInState));
  run->result = NULL;
  ovh_sign_in_set_wait_timing (run->sign_in, 20, 60);
  g_signal_connect (run->sign_in, "notify::state", G_CALLBACK (state_notified_cb), run);
  g_assert_cmpint (ovh_sign_in_get_state (run->sign_in), ==, OVH_SIGN_IN_STATE_IDLE);
  g_assert_null (ovh_sign_in_get_validation_url (run->sign_in));
}

/* A sign-in for a new account on the sandbox's application. */
static void
run_init (Run *run, OvhTestFixture *fixture, OvhAccountStore *store, const char *label)
{
  g_autoptr (OvhAccount) account
      = ovh_account_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                         OVH_SANDBOX_APPLICATION_SECRET, NULL);
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);

  ovh_account_set_label (account, label);
  run_start (run, ovh_sign_in_new (account, client, store));
}

static void
run_clear (Run *run)
{
  /* GTask may return from an idle: nothing may still hold the sign-in. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (ovh_sign_in_is_running (run->sign_in));
  g_clear_object (&run->result);
  g_assert_finalize_object (run->sign_in);
  g_array_unref (run->states);
}

static void
request (Run *run, OvhAccessPreset preset)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (preset);

  ovh_sign_in_request_async (run->sign_in, rules, NULL, ovh_test_store_result, &run->result);
  g_assert_true (ovh_sign_in_is_running (run->sign_in));
}

static gboolean
is_waiting (gpointer data)
{
  return ovh_sign_in_get_state (data) == OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION;
}

/* Waits for the validation page and returns the consumer key behind it, as a browser would. */
static char *
wait_for_validation_page (Run *run, OvhTestFixture *fixture)
{
  const char *url;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GHashTable) params = NULL;
  g_autofree char *status = NULL;
  const char *token;
  char *consumer_key;

  g_assert_true (wait_until (is_waiting, run->sign_in));
  url = ovh_sign_in_get_validation_url (run->sign_in);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, fixture->tls ? "https://127.0.0.1:" : "http://127.0.0.1:"));
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_assert_nonnull (uri);
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  token = g_hash_table_lookup (params, "credentialToken");
  g_assert_nonnull (token);
  consumer_key = ovh_sandbox_dup_consumer_key_for_token (fixture->sandbox, token);
  g_assert_nonnull (consumer_key);
  remember_secret (consumer_key);
  /* The URL does not carry the secret itself. */
  g_assert_null (strstr (url, consumer_key));
  status = ovh_sandbox_dup_credential_status (fixture->sandbox, consumer_key);
  g_assert_cmpstr (status, ==, "pendingValidation");
  return consumer_key;
}

/* The operation's own answer: TRUE or the error, which must not name a secret. */
static gboolean
finish (Run *run, const char *consumer_key, GError **error)
{
  gboolean done = ovh_sign_in_finish (run->sign_in, ovh_test_wait_result (&run->result), error);

  g_assert_false (ovh_sign_in_is_running (run->sign_in));
  if (!done)
    {
      g_assert_nonnull (*error);
      g_assert_null (strstr ((*error)->message, OVH_SANDBOX_APPLICATION_SECRET));
      if (consumer_key != NULL)
        g_assert_null (strstr ((*error)->message, consumer_key));
      /* The error property says the same. */
      g_assert_nonnull (ovh_sign_in_get_error (run->sign_in));
      g_assert_true (
          g_error_matches (ovh_sign_in_get_error (run->sign_in), (*error)->domain, (*error)->code));
    }
  else
    g_assert_null (ovh_sign_in_get_error (run->sign_in));
  return done;
}

static void
assert_states (Run *run, const OvhSignInState *expected, guint n_expected)
{
  for (guint i = 0; i < MIN (run->states->len, n_expected); i++)
    g_assert_cmpint (g_array_index (run->states, OvhSignInState, i), ==, expected[i]);
  g_assert_cmpuint (run->states->len, ==, n_expected);
}

static guint
count_polls (OvhTestFixture *fixture)
{
  return ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/auth/currentCredential*");
}

typedef struct
{
  OvhTestFixture *fixture;
  guint polls;
} PollWait;

static gboolean
polled_since (gpointer data)
{
  PollWait *wait = data;

  return count_polls (wait->fixture) > wait->polls;
}

/* A call answered by the sandbox: whatever the client sent before has been served. */
static void
round_trip (OvhTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = ovh_test_call (fixture->client, "GET", "/auth/time", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
}

/* Tests */

/* Request → validation page → accepted → /me → keyring, with each state notified in order. */
static void
test_sign_in_full (OvhTestFixture *fixture, gconstpointer data)
{
  static const OvhSignInState expected[] = {
    OVH_SIGN_IN_STATE_REQUESTING,
    OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION,
    OVH_SIGN_IN_STATE_FETCHING_ACCOUNT,
    OVH_SIGN_IN_STATE_STORING,
    OVH_SIGN_IN_STATE_DONE,
  };
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  g_autoptr (OvhAccountStore) fresh = NULL;
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *consumer_key = NULL;
  OvhAccount *stored;
  Run run;

  run_init (&run, fixture, store, "Ada signs in");
  account = g_object_ref (ovh_sign_in_get_account (run.sign_in));
  request (&run, OVH_ACCESS_DNS_EDITOR);
  consumer_key = wait_for_validation_page (&run, fixture);
  /* Nothing is kept before the user accepts. */
  g_assert_null (ovh_account_get_consumer_key (account));
  g_assert_null (ovh_account_store_find (store, ovh_account_get_id (account)));

  g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, consumer_key, 0));
  g_assert_true (finish (&run, consumer_key, &error));
  g_assert_no_error (error);
  assert_states (&run, expected, G_N_ELEMENTS (expected));
  g_assert_null (ovh_sign_in_get_validation_url (run.sign_in));
  g_assert_cmpint (ovh_sign_in_get_failed_step (run.sign_in), ==, OVH_SIGN_IN_STATE_IDLE);

  /* Who signed in, and the account built from it. */
  g_assert_nonnull (ovh_sign_in_get_me (run.sign_in));
  g_assert_cmpstr (ovh_me_get_nichandle (ovh_sign_in_get_me (run.sign_in)), ==,
                   OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_me_get_display_name (ovh_sign_in_get_me (run.sign_in)), ==, "Ada Lovelace");
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_nichandle (account), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_account_get_label (account), ==, "Ada signs in");
  g_assert_true (ovh_account_store_find (store, ovh_account_get_id (account)) == account);
  run_clear (&run);

  /* In the keyring, with its secrets: what the next start finds. */
  fresh = ovh_test_load_account_store ();
  stored = ovh_account_store_find (fresh, ovh_account_get_id (account));
  g_assert_nonnull (stored);
  g_assert_cmpstr (ovh_account_get_consumer_key (stored), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_application_secret (stored), ==, OVH_SANDBOX_APPLICATION_SECRET);
  g_assert_cmpstr (ovh_account_get_nichandle (stored), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_account_get_label (stored), ==, "Ada signs in");
  ovh_test_remove_account (store, account);
}

/* Nobody accepts in time: an honest timeout, and nothing stored. */
static void
test_sign_in_timed_out (OvhTestFixture *fixture, gconstpointer data)
{
  static const OvhSignInState expected[] = {
    OVH_SIGN_IN_STATE_REQUESTING,
    OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION,
    OVH_SIGN_IN_STATE_TIMED_OUT,
  };
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (GError) error = NULL;
  g_autofree char *consumer_key = NULL;
  Run run;

  run_init (&run, fixture, store, NULL);
  ovh_sign_in_set_wait_timing (run.sign_in, 50, 1);
  request (&run, OVH_ACCESS_READ_ONLY);
  consumer_key = wait_for_validation_page (&run, fixture);
  g_assert_false (finish (&run, consumer_key, &error));
  g_assert_error (error, OVH_SIGN_IN_ERROR, OVH_SIGN_IN_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "not completed in time"));
  assert_states (&run, expected, G_N_ELEMENTS (expected));
  g_assert_null (ovh_sign_in_get_validation_url (run.sign_in));
  g_assert_null (ovh_account_get_consumer_key (ovh_sign_in_get_account (run.sign_in)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  run_clear (&run);
}

/* Cancelled while the user has the page open: the polling stops, and accepting afterwards
 * changes nothing. */
static void
test_sign_in_cancelled (OvhTestFixture *fixture, gconstpointer data)
{
  static const OvhSignInState expected[] = {
    OVH_SIGN_IN_STATE_REQUESTING,
    OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION,
    OVH_SIGN_IN_STATE_CANCELLED,
  };
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  g_autoptr (GError) error = NULL;
  g_autofree char *consumer_key = NULL;
  PollWait wait = { fixture, count_polls (fixture) };
  guint polls;
  Run run;

  run_init (&run, fixture, store, NULL);
  ovh_sign_in_request_async (run.sign_in, rules, cancellable, ovh_test_store_result, &run.result);
  consumer_key = wait_for_validation_page (&run, fixture);
  g_assert_true (wait_until (polled_since, &wait));

  g_cancellable_cancel (cancellable);
  g_assert_false (finish (&run, consumer_key, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_states (&run, expected, G_N_ELEMENTS (expected));
  g_assert_null (ovh_sign_in_get_validation_url (run.sign_in));

  /* The operation ended: nothing polls any more, even once the user accepts. */
  round_trip (fixture);
  polls = count_polls (fixture);
  g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, consumer_key, 0));
  round_trip (fixture);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_polls (fixture), ==, polls);
  g_assert_cmpint (ovh_sign_in_get_state (run.sign_in), ==, OVH_SIGN_IN_STATE_CANCELLED);
  g_assert_null (ovh_account_get_consumer_key (ovh_sign_in_get_account (run.sign_in)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  run_clear (&run);
}

/* Refused at OVHcloud: the polls hear "not valid" as for a pending key, so the wait ends at
 * its timeout; the refused key, given as an existing key, does not work either. */
static void
test_sign_in_refused (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) check_error = NULL;
  g_autofree char *consumer_key = NULL;
  g_autofree char *status = NULL;
  PollWait wait = { fixture, 0 };
  Run run;
  Run check;

  run_init (&run, fixture, store, NULL);
  ovh_sign_in_set_wait_timing (run.sign_in, 50, 1);
  request (&run, OVH_ACCESS_DNS_EDITOR);
  consumer_key = wait_for_validation_page (&run, fixture);
  g_assert_true (ovh_sandbox_refuse_credential (fixture->sandbox, consumer_key));
  wait.polls = count_polls (fixture);
  g_assert_true (wait_until (polled_since, &wait));
  g_assert_cmpint (ovh_sign_in_get_state (run.sign_in), ==,
                   OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION);

  g_assert_false (finish (&run, consumer_key, &error));
  g_assert_error (error, OVH_SIGN_IN_ERROR, OVH_SIGN_IN_ERROR_TIMED_OUT);
  g_assert_cmpint (ovh_sign_in_get_state (run.sign_in), ==, OVH_SIGN_IN_STATE_TIMED_OUT);
  status = ovh_sandbox_dup_credential_status (fixture->sandbox, consumer_key);
  g_assert_cmpstr (status, ==, "refused");

  run_init (&check, fixture, store, NULL);
  ovh_sign_in_use_consumer_key_async (check.sign_in, consumer_key, NULL, ovh_test_store_result,
                                      &check.result);
  g_assert_false (finish (&check, consumer_key, &check_error));
  g_assert_error (check_error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
  g_assert_cmpint (ovh_sign_in_get_state (check.sign_in), ==, OVH_SIGN_IN_STATE_FAILED);
  g_assert_cmpint (ovh_sign_in_get_failed_step (check.sign_in), ==, OVH_SIGN_IN_STATE_CHECKING_KEY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  run_clear (&check);
  run_clear (&run);
}

/* /me fails: FAILED at fetching-account with OVH's words, nothing stored; completing again
 * with the same validated key signs in once the server answers. */
static void
test_sign_in_me_fails (OvhTestFixture *fixture, gconstpointer data)
{
  static const OvhSignInState expected[] = {
    OVH_SIGN_IN_STATE_REQUESTING,
    OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION,
    OVH_SIGN_IN_STATE_FETCHING_ACCOUNT,
    OVH_SIGN_IN_STATE_FAILED,
    OVH_SIGN_IN_STATE_FETCHING_ACCOUNT,
    OVH_SIGN_IN_STATE_STORING,
    OVH_SIGN_IN_STATE_DONE,
  };
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) no_error = NULL;
  g_autofree char *consumer_key = NULL;
  Run run;

  run_init (&run, fixture, store, NULL);
  account = g_object_ref (ovh_sign_in_get_account (run.sign_in));
  request (&run, OVH_ACCESS_DNS_EDITOR);
  consumer_key = wait_for_validation_page (&run, fixture);
  /* More faults than the client's retries. */
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/me", OVH_SANDBOX_FAULT_HTTP_500, 10);
  g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, consumer_key, 0));
  g_assert_false (finish (&run, consumer_key, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpint (ovh_sign_in_get_state (run.sign_in), ==, OVH_SIGN_IN_STATE_FAILED);
  g_assert_cmpint (ovh_sign_in_get_failed_step (run.sign_in), ==,
                   OVH_SIGN_IN_STATE_FETCHING_ACCOUNT);
  g_assert_null (ovh_sign_in_get_me (run.sign_in));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  ovh_sandbox_clear_faults (fixture->sandbox);

  g_clear_object (&run.result);
  ovh_sign_in_complete_async (run.sign_in, NULL, ovh_test_store_result, &run.result);
  g_assert_true (finish (&run, consumer_key, &no_error));
  assert_states (&run, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (ovh_sign_in_get_failed_step (run.sign_in), ==, OVH_SIGN_IN_STATE_IDLE);
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, consumer_key);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);
  run_clear (&run);
  ovh_test_remove_account (store, account);
}

/* OVHcloud refuses to give a key: FAILED at requesting, with its query id. */
static void
test_sign_in_request_fails (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Run run;

  run_init (&run, fixture, NULL, NULL);
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/auth/credential",
                            OVH_SANDBOX_FAULT_HTTP_500, 1);
  request (&run, OVH_ACCESS_DNS_EDITOR);
  g_assert_false (finish (&run, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_nonnull (ovh_error_get_query_id (error));
  g_assert_cmpint (ovh_sign_in_get_state (run.sign_in), ==, OVH_SIGN_IN_STATE_FAILED);
  g_assert_cmpint (ovh_sign_in_get_failed_step (run.sign_in), ==, OVH_SIGN_IN_STATE_REQUESTING);
  g_assert_null (ovh_sign_in_get_validation_url (run.sign_in));
  run_clear (&run);
}

/* A consumer key the user already has: checked, then /me and the keyring, no browser. */
static void
test_sign_in_consumer_key (OvhTestFixture *fixture, gconstpointer data)
{
  static const OvhSignInState expected[] = {
    OVH_SIGN_IN_STATE_CHECKING_KEY,
    OVH_SIGN_IN_STATE_FETCHING_ACCOUNT,
    OVH_SIGN_IN_STATE_STORING,
    OVH_SIGN_IN_STATE_DONE,
  };
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  g_autoptr (OvhAccountStore) fresh = NULL;
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, NULL, 0);
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  Run run;

  remember_secret (consumer_key);
  run_init (&run, fixture, store, NULL);
  account = g_object_ref (ovh_sign_in_get_account (run.sign_in));
  ovh_sign_in_use_consumer_key_async (run.sign_in, consumer_key, NULL, ovh_test_store_result,
                                      &run.result);
  g_assert_true (finish (&run, consumer_key, &error));
  g_assert_no_error (error);
  assert_states (&run, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_nichandle (account), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/auth/credential"),
                    ==, 0);
  run_clear (&run);

  fresh = ovh_test_load_account_store ();
  g_assert_nonnull (ovh_account_store_find (fresh, ovh_account_get_id (account)));
  ovh_test_remove_account (store, account);
}

/* A key the sandbox never issued: FAILED at checking-key, nothing stored, no secret said. */
static void
test_sign_in_bad_consumer_key (OvhTestFixture *fixture, gconstpointer data)
{
  const char *bad_key = "notAConsumerKeyTheSandboxKnows00";
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (GError) error = NULL;
  Run run;

  run_init (&run, fixture, store, NULL);
  ovh_sign_in_use_consumer_key_async (run.sign_in, bad_key, NULL, ovh_test_store_result,
                                      &run.result);
  g_assert_false (finish (&run, bad_key, &error));
  g_assert_true (error->domain == OVH_ERROR);
  g_assert_cmpint (ovh_sign_in_get_state (run.sign_in), ==, OVH_SIGN_IN_STATE_FAILED);
  g_assert_cmpint (ovh_sign_in_get_failed_step (run.sign_in), ==, OVH_SIGN_IN_STATE_CHECKING_KEY);
  g_assert_null (ovh_account_get_consumer_key (ovh_sign_in_get_account (run.sign_in)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  run_clear (&run);
}

/* Signing in again on a stored account: the same item gets the new key, the label stays. */
static void
test_sign_in_reauthenticate (OvhTestFixture *fixture, gconstpointer data)
{
  const char *read_only[] = { "GET /*", NULL };
  g_autofree char *old_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, read_only, 0);
  g_autoptr (OvhAccountStore) store = ovh_test_load_account_store ();
  g_autoptr (OvhAccountStore) fresh = NULL;
  g_autoptr (OvhAccount) account
      = ovh_account_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                         OVH_SANDBOX_APPLICATION_SECRET, old_key);
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, old_key);
  g_autoptr (GAsyncResult) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *new_key = NULL;
  guint n_before;
  Run run;

  ovh_account_set_label (account, "Read only for now");
  ovh_account_store_add_async (store, account, NULL, ovh_test_store_result, &added);
  g_assert_true (ovh_account_store_add_finish (store, ovh_test_wait_result (&added), &error));
  g_assert_no_error (error);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (store));

  run_start (&run, ovh_sign_in_new_reauthenticate (account, client, store));
  request (&run, OVH_ACCESS_FULL);
  new_key = wait_for_validation_page (&run, fixture);
  g_assert_cmpstr (new_key, !=, old_key);
  /* The account keeps working with its old key until the new one is accepted. */
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, old_key);
  g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, new_key, 0));
  g_assert_true (finish (&run, new_key, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_sign_in_get_account (run.sign_in) == account);
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, new_key);
  g_assert_cmpstr (ovh_account_get_label (account), ==, "Read only for now");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  run_clear (&run);

  fresh = ovh_test_load_account_store ();
  {
    OvhAccount *stored = ovh_account_store_find (fresh, ovh_account_get_id (account));

    g_assert_nonnull (stored);
    g_assert_cmpstr (ovh_account_get_consumer_key (stored), ==, new_key);
    g_assert_cmpstr (ovh_account_get_label (stored), ==, "Read only for now");
  }
  ovh_test_remove_account (store, account);
}

/* Without a store the account stays in memory: no storing step. */
static void
test_sign_in_no_store (OvhTestFixture *fixture, gconstpointer data)
{
  static const OvhSignInState expected[] = {
    OVH_SIGN_IN_STATE_REQUESTING,
    OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION,
    OVH_SIGN_IN_STATE_FETCHING_ACCOUNT,
    OVH_SIGN_IN_STATE_DONE,
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *consumer_key = NULL;
  Run run;

  run_init (&run, fixture, NULL, NULL);
  g_assert_false (ovh_sign_in_has_store (run.sign_in));
  request (&run, OVH_ACCESS_READ_ONLY);
  consumer_key = wait_for_validation_page (&run, fixture);
  g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, consumer_key, 0));
  g_assert_true (finish (&run, consumer_key, &error));
  g_assert_no_error (error);
  assert_states (&run, expected, G_N_ELEMENTS (expected));
  g_assert_cmpstr (ovh_account_get_consumer_key (ovh_sign_in_get_account (run.sign_in)), ==,
                   consumer_key);
  run_clear (&run);
}

/* Last: with every debug message on, nothing above logged a secret. */
static void
test_sign_in_no_secrets_in_logs (void)
{
  g_autofree char *log = ovh_test_dup_captured_logs ();

  /* The steps are logged, by name. */
  g_assert_nonnull (strstr (log, "Sign-in: waiting-for-validation"));
  g_assert_nonnull (strstr (log, "Sign-in: done"));
  g_assert_null (strstr (log, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_cmpuint (secrets->len, >, 5);
  for (guint i = 0; i < secrets->len; i++)
    if (strstr (log, g_ptr_array_index (secrets, i)) != NULL)
      g_error ("consumer key %u found in the log", i);
}

/* Over HTTP, or HTTPS with @tls; registered in order, so that the log check comes last. */
static void
add (const char *path,
     gboolean tls,
     void (*test_func) (OvhTestFixture *fixture, gconstpointer data))
{
  g_test_add (path, OvhTestFixture, GINT_TO_POINTER (tls), ovh_test_fixture_set_up, test_func,
              ovh_test_fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  int status;

  secrets = g_ptr_array_new_with_free_func (g_free);
  ovh_test_capture_logs ();
  g_log_set_debug_enabled (TRUE);
  g_test_init (&argc, &argv, NULL);

  add ("/sign-in/full-http", FALSE, test_sign_in_full);
  add ("/sign-in/full-https", TRUE, test_sign_in_full);
  add ("/sign-in/timed-out", FALSE, test_sign_in_timed_out);
  add ("/sign-in/cancelled", FALSE, test_sign_in_cancelled);
  add ("/sign-in/refused", FALSE, test_sign_in_refused);
  add ("/sign-in/me-fails", FALSE, test_sign_in_me_fails);
  add ("/sign-in/request-fails", FALSE, test_sign_in_request_fails);
  add ("/sign-in/consumer-key", FALSE, test_sign_in_consumer_key);
  add ("/sign-in/bad-consumer-key", FALSE, test_sign_in_bad_consumer_key);
  add ("/sign-in/reauthenticate", FALSE, test_sign_in_reauthenticate);
  add ("/sign-in/no-store", FALSE, test_sign_in_no_store);
  g_test_add_func ("/sign-in/no-secrets-in-logs", test_sign_in_no_secrets_in_logs);

  status = g_test_run ();
  g_ptr_array_unref (secrets);
  return status;
}
