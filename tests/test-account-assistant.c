/* test-account-assistant.c: signing in as a person would, against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole Add Account assistant is driven through its rows, entries and actions; the
 * browser step is played by the sandbox library (validate / refuse / expire the consumer key
 * behind the page's credentialToken; OVHcloud, and so the sandbox, answers a refused or
 * expired key as a pending one, which is why those paths end on Start Over or the timeout), and the
 * account lands in the real gnome-keyring of the test session.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ovh-account-store.h"
#include "ovh-error.h"
#include "ovh-sandbox.h"

#include "domaine-account-assistant.h"
#include "domaine-application.h"
#include "domaine-endpoint-page.h"
#include "domaine-keys-page.h"
#include "domaine-test-gui.h"
#include "domaine-window.h"

static OvhSandbox *
get_sandbox (void)
{
  return domaine_test_app_get_sandbox ();
}

static guint
count_stored_accounts (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (domaine_test_app_get_store ()));
}

static DomaineAccountAssistant *
find_assistant (void)
{
  return DOMAINE_ACCOUNT_ASSISTANT (domaine_test_find_window_of_type (
      GTK_APPLICATION (domaine_test_app_peek ()), DOMAINE_TYPE_ACCOUNT_ASSISTANT));
}

static gboolean
no_assistant (gpointer data)
{
  return find_assistant () == NULL;
}

static DomaineAccountAssistant *
open_assistant (void)
{
  DomaineAccountAssistant *assistant;

  domaine_test_app_wait_accounts_settled ();
  g_action_group_activate_action (G_ACTION_GROUP (domaine_test_app_peek ()), "add-account", NULL);
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (assistant)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (assistant))
                 == GTK_WINDOW (domaine_test_app_get_window ()));
  /* Fast polling; the timeout stays long unless a test shortens it. */
  domaine_account_assistant_set_wait_timing (assistant, 50, 60);
  domaine_test_wait_for_window (GTK_WINDOW (assistant));
  return assistant;
}

static void
close_assistant (DomaineAccountAssistant *assistant)
{
  gtk_window_close (GTK_WINDOW (assistant));
  g_assert_true (domaine_test_wait_until (no_assistant, NULL, 5000));
}

static gboolean
stack_settled (gpointer data)
{
  GtkWidget *stack = domaine_test_find_widget_of_type (data, GTK_TYPE_STACK);

  return stack == NULL || !gtk_stack_get_transition_running (GTK_STACK (stack));
}

typedef struct
{
  GtkWidget *widget;
  int width;
} WidthWait;

static gboolean
width_changed (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->widget) != wait->width;
}

/* Resizes @assistant and waits until its width changed and a frame was drawn with it (the
 * width measured includes the window's frame: it is not @width itself). */
static void
resize_assistant (DomaineAccountAssistant *assistant, int width)
{
  WidthWait wait = { GTK_WIDGET (assistant), gtk_widget_get_width (GTK_WIDGET (assistant)) };

  gtk_window_set_default_size (GTK_WINDOW (assistant), width, 640);
  domaine_test_wait_until (width_changed, &wait, 3000);
  domaine_test_wait_for_window (GTK_WINDOW (assistant));
}

/* Light/dark comes from DOMAINE_TEST_STYLE; each page also at 360 px wide. */
static void
screenshot (DomaineAccountAssistant *assistant, const char *name)
{
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  g_autofree char *path = NULL;

  if (g_getenv ("DOMAINE_SCREENSHOT_DIR") == NULL)
    return;

  /* The crossfade between pages ends, and the settled page is drawn, before the picture. */
  domaine_test_wait_until (stack_settled, assistant, 3000);
  domaine_test_wait_for_window (GTK_WINDOW (assistant));
  path = domaine_test_save_screenshot (GTK_WIDGET (assistant), name);
  g_test_message ("screenshot: %s", path);
  g_clear_pointer (&path, g_free);

  resize_assistant (assistant, 360);
  path = domaine_test_save_screenshot (GTK_WIDGET (assistant), narrow);
  g_test_message ("screenshot: %s", path);
  resize_assistant (assistant, 560);
}

static void
activate (DomaineAccountAssistant *assistant, const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), action, NULL));
}

static void
choose_sandbox_endpoint (DomaineAccountAssistant *assistant)
{
  GtkWidget *row;

  domaine_test_assistant_wait_for_page (assistant, "endpoint");
  /* Every OVH endpoint is offered, and the sandbox because the app runs one. */
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "OVHcloud Europe"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "OVHcloud Canada"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "OVHcloud US"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Kimsufi Europe"));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "So you Start Canada"));
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Sandbox on this computer");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  activate (assistant, "assistant.next");
}

static void
type_sandbox_keys (DomaineAccountAssistant *assistant)
{
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Application key",
                                   OVH_SANDBOX_APPLICATION_KEY);
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Application secret",
                                   OVH_SANDBOX_APPLICATION_SECRET);
}

/* The keys typed, and "I already have a consumer key" opened: no browser step. */
static void
type_keys_and_expand_consumer_key (DomaineAccountAssistant *assistant)
{
  GtkWidget *expander;

  domaine_test_assistant_wait_for_page (assistant, "application");
  type_sandbox_keys (assistant);
  expander = domaine_test_find_widget_with_text (GTK_WIDGET (assistant),
                                                 "I already have a consumer key");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), TRUE);
}

static void
type_application_keys (DomaineAccountAssistant *assistant)
{
  domaine_test_assistant_wait_for_page (assistant, "application");
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Create an application…"));
  /* Next waits for both keys. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "application");
  type_sandbox_keys (assistant);
  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "access");
}

/* Up to the browser step; returns the consumer key behind the validation page. */
static char *
reach_authorize (DomaineAccountAssistant *assistant)
{
  const char *url;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GHashTable) params = NULL;
  const char *token;
  char *consumer_key;

  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "authorize");
  g_assert_cmpint (domaine_account_assistant_get_state (assistant), ==,
                   DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY);

  url = domaine_account_assistant_get_validation_url (assistant);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_assert_nonnull (uri);
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  token = g_hash_table_lookup (params, "credentialToken");
  g_assert_nonnull (token);
  consumer_key = ovh_sandbox_dup_consumer_key_for_token (get_sandbox (), token);
  g_assert_nonnull (consumer_key);
  {
    g_autofree char *status = ovh_sandbox_dup_credential_status (get_sandbox (), consumer_key);
    g_assert_cmpstr (status, ==, "pendingValidation");
  }
  return consumer_key;
}

static gboolean
is_done (gpointer data)
{
  return domaine_account_assistant_get_state (data) == DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE;
}

/* At once, as a person signing out would: the window may have just opened the account, and its
 * first calls, still waiting for OVHcloud's clock, are cancelled on the way. */
static void
remove_from_keyring (OvhAccount *account)
{
  domaine_test_store_remove_sync (domaine_test_app_get_store (), account);
}

/* Closes the assistant and takes the account it signed in out of the keyring again. */
static void
close_and_remove_account (DomaineAccountAssistant *assistant)
{
  g_autoptr (OvhAccount) account = g_object_ref (domaine_account_assistant_get_account (assistant));

  close_assistant (assistant);
  remove_from_keyring (account);
}

static void
test_assistant_sign_in (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant;
  g_autofree char *consumer_key = NULL;
  g_autoptr (OvhAccountStore) fresh = NULL;
  g_autoptr (OvhAccount) account = NULL;
  OvhAccount *stored;
  DomaineSession *session;
  GtkWidget *done_page;

  gtk_window_set_default_size (GTK_WINDOW (domaine_test_app_get_window ()), 900, 640);
  assistant = open_assistant ();
  g_assert_cmpint (domaine_account_assistant_get_state (assistant), ==,
                   DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (assistant)), ==, 0);
  screenshot (assistant, "signin-endpoint");

  choose_sandbox_endpoint (assistant);
  domaine_test_assistant_wait_for_page (assistant, "application");
  screenshot (assistant, "signin-application");
  type_application_keys (assistant);

  /* Three presets, DNS editor chosen; each shows its exact rules. */
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "GET /me"));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "PUT /domain/zone/*"));
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Account label", "Ada at the sandbox");
  screenshot (assistant, "signin-access");

  consumer_key = reach_authorize (assistant);
  g_assert_nonnull (domaine_test_find_button_with_label (GTK_WIDGET (assistant), "Open Browser"));
  g_assert_nonnull (domaine_test_find_button_with_label (GTK_WIDGET (assistant), "Copy Link"));
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (assistant), "Waiting for authorization…"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (assistant)), ==, 0);
  screenshot (assistant, "signin-authorize");

  /* The user accepts in the browser. */
  g_assert_true (ovh_sandbox_validate_credential (get_sandbox (), consumer_key, 0));
  g_assert_true (domaine_test_wait_until (is_done, assistant, 15000));
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "done");
  g_assert_cmpint (ovh_sign_in_get_state (domaine_account_assistant_get_sign_in (assistant)), ==,
                   OVH_SIGN_IN_STATE_DONE);
  done_page = domaine_test_find_widget_with_text (GTK_WIDGET (assistant),
                                                  "Signed in as Ada Lovelace (al1234-ovh)");
  g_assert_nonnull (done_page);
  screenshot (assistant, "signin-done");

  account = g_object_ref (domaine_account_assistant_get_account (assistant));
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_application_key (account), ==, OVH_SANDBOX_APPLICATION_KEY);
  g_assert_cmpstr (ovh_account_get_nichandle (account), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_account_get_label (account), ==, "Ada at the sandbox");
  g_assert_true (
      ovh_account_store_find (domaine_test_app_get_store (), ovh_account_get_id (account))
      == account);

  /* Done closes and the window opens the new account. */
  activate (assistant, "assistant.done");
  g_assert_true (domaine_test_wait_until (no_assistant, NULL, 5000));
  session = domaine_window_get_session (domaine_test_app_get_window ());
  g_assert_nonnull (session);
  g_assert_true (domaine_session_get_account (session) == account);

  /* In the keyring: a new store, as at the next start, finds it with its secrets. */
  fresh = domaine_test_store_load_sync ();
  stored = ovh_account_store_find (fresh, ovh_account_get_id (account));
  g_assert_nonnull (stored);
  g_assert_cmpstr (ovh_account_get_application_secret (stored), ==, OVH_SANDBOX_APPLICATION_SECRET);
  g_assert_cmpstr (ovh_account_get_consumer_key (stored), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_label (stored), ==, "Ada at the sandbox");
  g_assert_cmpstr (ovh_account_get_nichandle (stored), ==, OVH_SANDBOX_NICHANDLE);
  /* Chosen on the sandbox's row: the account is the sandbox's, and stays so. */
  g_assert_true (ovh_account_is_sandbox (account));
  g_assert_true (ovh_account_is_sandbox (stored));

  remove_from_keyring (account);
}

static guint
count_polls (void)
{
  return ovh_sandbox_get_request_count (get_sandbox (), "GET", "/auth/currentCredential*");
}

static gboolean
polled_since (gpointer data)
{
  return count_polls () > GPOINTER_TO_UINT (data);
}

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A call the sandbox answers: whatever reached it before has been served and counted. */
static void
sandbox_round_trip (void)
{
  g_autoptr (OvhClient) client
      = ovh_client_new (ovh_sandbox_get_base_url (get_sandbox ()), OVH_SANDBOX_APPLICATION_KEY,
                        OVH_SANDBOX_APPLICATION_SECRET, NULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  ovh_client_set_rate_limit (client, 0);
  ovh_client_call_async (client, "GET", "/auth/time", NULL, OVH_CALL_UNSIGNED, NULL,
                         store_result_cb, &result);
  g_assert_true (domaine_test_wait_until (has_result, &result, 10000));
  node = ovh_client_call_finish (client, result, &error);
  g_assert_no_error (error);
}

static gboolean
sign_in_ended (gpointer data)
{
  return !ovh_sign_in_is_running (data);
}

/* After leaving the browser step, nobody asks OVHcloud any more: the sign-in's operation,
 * and its wait with it, has ended, and no poll reaches the sandbox after that. */
static void
assert_polling_stopped (OvhSignIn *sign_in)
{
  guint before;

  g_assert_nonnull (sign_in);
  g_assert_true (domaine_test_wait_until (sign_in_ended, sign_in, 10000));
  sandbox_round_trip ();
  before = count_polls ();
  sandbox_round_trip ();
  g_assert_cmpuint (count_polls (), ==, before);
}

static void
assert_nothing_stored (guint n_before)
{
  g_assert_cmpuint (count_stored_accounts (), ==, n_before);
}

static void
assert_typed_values_kept (DomaineAccountAssistant *assistant,
                          const char *preset_title,
                          const char *label)
{
  GtkWidget *row;

  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Application key");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, OVH_SANDBOX_APPLICATION_KEY);
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Application secret");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, OVH_SANDBOX_APPLICATION_SECRET);
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Account label");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, label);
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), preset_title);
  g_assert_nonnull (row);
  g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (domaine_test_find_widget_of_type (row, GTK_TYPE_CHECK_BUTTON))));
}

/* Accepted in the browser: the assistant ends signed in, and the account is in the keyring. */
static void
validate_and_finish (DomaineAccountAssistant *assistant,
                     const char *consumer_key,
                     const char *label,
                     guint n_before)
{
  OvhAccount *account;

  g_assert_true (ovh_sandbox_validate_credential (get_sandbox (), consumer_key, 0));
  g_assert_true (domaine_test_wait_until (is_done, assistant, 15000));
  account = domaine_account_assistant_get_account (assistant);
  g_assert_nonnull (account);
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_label (account), ==, label);
  g_assert_cmpstr (ovh_account_get_nichandle (account), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpuint (count_stored_accounts (), ==, n_before + 1);
}

/* OVHcloud answers a refused key as it answers a pending one: the assistant cannot see the
 * refusal, so the waiting page says what to do then, and Start Over does it. */
static void
test_assistant_start_over (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant = open_assistant ();
  guint n_before = count_stored_accounts ();
  g_autofree char *refused_key = NULL;
  g_autofree char *second_key = NULL;
  GtkWidget *start_over;
  GtkWidget *preset;

  choose_sandbox_endpoint (assistant);
  type_application_keys (assistant);
  /* Something else than the defaults, to see it kept. */
  preset = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Read Only");
  g_assert_nonnull (preset);
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (domaine_test_find_widget_of_type (preset, GTK_TYPE_CHECK_BUTTON)), TRUE);
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Account label", "Ada, second try");
  refused_key = reach_authorize (assistant);

  /* The page says plainly what to do if the user refused, with a button for it. */
  g_assert_nonnull (domaine_test_find_label_with_text (
      GTK_WIDGET (assistant),
      "If you refused or closed OVHcloud’s page, you can start over without typing everything "
      "again."));
  start_over = domaine_test_find_button_with_label (GTK_WIDGET (assistant), "Start Over");
  g_assert_nonnull (start_over);
  g_assert_true (gtk_widget_is_visible (start_over));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (assistant)), ==, 0);

  /* The user refuses at OVHcloud: the polls keep hearing "not valid", as for a pending key. */
  g_assert_true (ovh_sandbox_refuse_credential (get_sandbox (), refused_key));
  {
    guint polls = count_polls ();

    /* The next poll, however slow the run (valgrind): not a fixed spin. */
    g_assert_true (domaine_test_wait_until (polled_since, GUINT_TO_POINTER (polls), 10000));
  }
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "authorize");

  /* Start Over: the wait stops and the choices come back as they were. */
  g_signal_emit_by_name (start_over, "clicked");
  domaine_test_assistant_wait_for_page (assistant, "access");
  g_assert_cmpint (domaine_account_assistant_get_state (assistant), ==,
                   DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
  g_assert_null (domaine_account_assistant_get_validation_url (assistant));
  assert_polling_stopped (domaine_account_assistant_get_sign_in (assistant));
  assert_typed_values_kept (assistant, "Read Only", "Ada, second try");
  assert_nothing_stored (n_before);
  {
    g_autofree char *status = ovh_sandbox_dup_credential_status (get_sandbox (), refused_key);
    g_assert_cmpstr (status, ==, "refused");
  }

  /* A second attempt asks for a new key; accepted this time, it signs in. */
  second_key = reach_authorize (assistant);
  g_assert_cmpstr (second_key, !=, refused_key);
  validate_and_finish (assistant, second_key, "Ada, second try", n_before);
  close_and_remove_account (assistant);
}

/* Nobody completes the authorization in time, or the link expires: one honest page, and Try
 * Again asks for a new link. */
static void
test_assistant_timed_out (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant = open_assistant ();
  guint n_before = count_stored_accounts ();
  g_autofree char *first_key = NULL;
  g_autofree char *expired_key = NULL;
  g_autofree char *third_key = NULL;
  GtkWidget *page;
  const char *description;

  domaine_account_assistant_set_wait_timing (assistant, 100, 1);
  choose_sandbox_endpoint (assistant);
  type_application_keys (assistant);
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Account label", "Ada, in time");

  /* Nobody answers in the browser. */
  first_key = reach_authorize (assistant);
  domaine_test_assistant_wait_for_page (assistant, "timed-out");
  g_assert_cmpint (domaine_account_assistant_get_state (assistant), ==,
                   DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR);
  page = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Authorization Not Completed");
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_assert_nonnull (strstr (description, "not completed in time"));
  g_assert_nonnull (strstr (description, "it may have been refused, or the link expired"));
  g_assert_nonnull (domaine_test_find_button_with_label (page, "Try Again"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (assistant)), ==, 0);
  assert_polling_stopped (domaine_account_assistant_get_sign_in (assistant));
  assert_nothing_stored (n_before);
  screenshot (assistant, "signin-timed-out");

  /* Try Again: a new key and link; this time the link expires at OVHcloud. OVHcloud answers
   * as for a pending key, so it ends the same way, without claiming to know more. */
  activate (assistant, "assistant.retry");
  expired_key = reach_authorize (assistant);
  g_assert_cmpstr (expired_key, !=, first_key);
  g_assert_true (ovh_sandbox_expire_credential (get_sandbox (), expired_key));
  domaine_test_assistant_wait_for_page (assistant, "timed-out");
  assert_polling_stopped (domaine_account_assistant_get_sign_in (assistant));
  assert_nothing_stored (n_before);

  /* And a third time, in time. */
  domaine_account_assistant_set_wait_timing (assistant, 50, 60);
  activate (assistant, "assistant.retry");
  third_key = reach_authorize (assistant);
  g_assert_cmpstr (third_key, !=, expired_key);
  validate_and_finish (assistant, third_key, "Ada, in time", n_before);
  close_and_remove_account (assistant);
}

static void
test_assistant_cancelled (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant = open_assistant ();
  guint n_before = count_stored_accounts ();
  g_autofree char *consumer_key = NULL;
  g_autoptr (OvhSignIn) sign_in = NULL;
  GtkWidget *secret_row;
  guint polls_before;

  choose_sandbox_endpoint (assistant);
  type_application_keys (assistant);
  polls_before = count_polls ();
  consumer_key = reach_authorize (assistant);
  g_assert_true (domaine_test_wait_until (polled_since, GUINT_TO_POINTER (polls_before), 10000));
  g_assert_cmpuint (count_polls (), >, 0);

  /* Back leaves the browser step: the wait stops, what was typed stays. */
  activate (assistant, "assistant.back");
  domaine_test_assistant_wait_for_page (assistant, "access");
  g_assert_cmpint (domaine_account_assistant_get_state (assistant), ==,
                   DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
  assert_polling_stopped (domaine_account_assistant_get_sign_in (assistant));
  g_assert_cmpint (ovh_sign_in_get_state (domaine_account_assistant_get_sign_in (assistant)), ==,
                   OVH_SIGN_IN_STATE_CANCELLED);
  secret_row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Application secret");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==,
                   OVH_SANDBOX_APPLICATION_SECRET);

  /* Accepting now, too late, changes nothing here: nothing asks any more. */
  g_assert_true (ovh_sandbox_validate_credential (get_sandbox (), consumer_key, 0));
  sandbox_round_trip ();
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "access");

  /* Cancel while waiting closes and stops too. */
  g_clear_pointer (&consumer_key, g_free);
  consumer_key = reach_authorize (assistant);
  sign_in = g_object_ref (domaine_account_assistant_get_sign_in (assistant));
  activate (assistant, "assistant.cancel");
  g_assert_true (domaine_test_wait_until (no_assistant, NULL, 5000));
  assert_polling_stopped (sign_in);
  g_assert_cmpint (ovh_sign_in_get_state (sign_in), ==, OVH_SIGN_IN_STATE_CANCELLED);
  assert_nothing_stored (n_before);
}

static void
test_assistant_error_words (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant = open_assistant ();
  GtkWidget *error_page;
  GtkWidget *query_button;

  choose_sandbox_endpoint (assistant);
  type_application_keys (assistant);

  ovh_sandbox_inject_fault (get_sandbox (), "POST", "/auth/credential", OVH_SANDBOX_FAULT_HTTP_500,
                            1);
  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "error");
  ovh_sandbox_clear_faults (get_sandbox ());
  g_assert_cmpint (domaine_account_assistant_get_state (assistant), ==,
                   DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR);

  /* OVH's own words, and its query id for support. */
  error_page
      = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Could Not Ask OVHcloud");
  g_assert_true (ADW_IS_STATUS_PAGE (error_page));
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)));
  g_test_message ("error shown: %s",
                  adw_status_page_get_description (ADW_STATUS_PAGE (error_page)));
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)), !=, "");
  query_button = domaine_test_find_button_with_label (GTK_WIDGET (assistant), "Copy Query ID");
  g_assert_nonnull (query_button);
  g_assert_true (gtk_widget_get_visible (query_button));
  screenshot (assistant, "signin-error");

  /* Try Again works once the server does. */
  activate (assistant, "assistant.retry");
  domaine_test_assistant_wait_for_page (assistant, "authorize");
  close_assistant (assistant);
}

static void
test_assistant_consumer_key (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant = open_assistant ();
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (get_sandbox (), OVH_SANDBOX_APPLICATION_KEY, NULL, 0);
  g_autoptr (OvhAccount) account = NULL;

  choose_sandbox_endpoint (assistant);
  type_keys_and_expand_consumer_key (assistant);
  /* The consumer key is needed now. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL);
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "application");
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Consumer key", consumer_key);
  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "access");

  /* No browser: the key is checked, then stored. */
  activate (assistant, "assistant.next");
  g_assert_true (domaine_test_wait_until (is_done, assistant, 15000));
  account = g_object_ref (domaine_account_assistant_get_account (assistant));
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, consumer_key);
  g_assert_cmpstr (ovh_account_get_nichandle (account), ==, OVH_SANDBOX_NICHANDLE);
  close_assistant (assistant);
  remove_from_keyring (account);
}

static void
test_assistant_bad_consumer_key (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant = open_assistant ();
  guint n_before = count_stored_accounts ();

  choose_sandbox_endpoint (assistant);
  type_keys_and_expand_consumer_key (assistant);
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "Consumer key",
                                   "notAConsumerKeyTheSandboxKnows00");
  activate (assistant, "assistant.next");
  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "error");
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (assistant),
                                                        "This Consumer Key Does Not Work"));
  assert_nothing_stored (n_before);

  /* Back returns to the choices with everything kept. */
  activate (assistant, "assistant.back");
  domaine_test_assistant_wait_for_page (assistant, "access");
  close_assistant (assistant);
}

static gboolean
session_ready (gpointer data)
{
  DomaineSession *session = data;
  return domaine_session_get_state (session) == DOMAINE_SESSION_STATE_READY;
}

/* A call refused as not granted: the banner's "Request Rights…" signs in again on the same
 * application, asks for more, and the open session takes the new key without a restart. */
static void
test_assistant_reauthenticate (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  const char *read_only[] = { "GET /*", NULL };
  g_autofree char *old_key
      = ovh_sandbox_create_credential (get_sandbox (), OVH_SANDBOX_APPLICATION_KEY, read_only, 0);
  g_autoptr (OvhAccount) account
      = ovh_account_new (ovh_sandbox_get_base_url (get_sandbox ()), OVH_SANDBOX_APPLICATION_KEY,
                         OVH_SANDBOX_APPLICATION_SECRET, old_key);
  g_autoptr (GError) not_granted = NULL;
  g_autoptr (OvhAccountStore) fresh = NULL;
  g_autofree char *new_key = NULL;
  DomaineAccountAssistant *assistant;
  DomaineSession *session;
  GtkWidget *full_access;

  domaine_test_app_wait_accounts_settled ();
  ovh_account_set_label (account, "Read only for now");
  domaine_test_store_add_sync (domaine_test_app_get_store (), account);
  g_assert_true (
      domaine_window_select_account (domaine_test_app_get_window (), ovh_account_get_id (account)));
  session = domaine_window_get_session (domaine_test_app_get_window ());
  g_assert_true (domaine_test_wait_until (session_ready, session, 15000));

  not_granted = ovh_error_new_full (OVH_ERROR_NOT_GRANTED, 403, "NOT_GRANTED_CALL", NULL,
                                    "This call has not been granted");
  domaine_session_report_error (session, not_granted);
  g_assert_true (domaine_session_get_not_granted (session));

  g_action_group_activate_action (G_ACTION_GROUP (app), "reauthenticate",
                                  g_variant_new_string (ovh_account_get_id (account)));
  assistant = find_assistant ();
  g_assert_nonnull (assistant);
  domaine_account_assistant_set_wait_timing (assistant, 50, 60);
  domaine_test_wait_for_window (GTK_WINDOW (assistant));

  /* Straight to the rights, with more of them chosen; no way back to the keys. */
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "access");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (assistant)), ==, "Sign In Again");
  full_access = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Full Access");
  g_assert_nonnull (full_access);
  g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (domaine_test_find_widget_of_type (full_access, GTK_TYPE_CHECK_BUTTON))));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.back", NULL);
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "access");
  screenshot (assistant, "signin-again");

  new_key = reach_authorize (assistant);
  g_assert_cmpstr (new_key, !=, old_key);
  g_assert_true (ovh_sandbox_validate_credential (get_sandbox (), new_key, 0));
  domaine_test_assistant_wait_for_page (assistant, "done");
  activate (assistant, "assistant.done");
  g_assert_true (domaine_test_wait_until (no_assistant, NULL, 5000));

  /* The same session, the same account object, the new key; the rights warning is gone. */
  g_assert_true (domaine_window_get_session (domaine_test_app_get_window ()) == session);
  g_assert_true (domaine_session_get_account (session) == account);
  g_assert_cmpstr (ovh_account_get_consumer_key (account), ==, new_key);
  g_assert_cmpstr (ovh_client_get_consumer_key (domaine_session_get_client (session)), ==, new_key);
  g_assert_false (domaine_session_get_not_granted (session));
  g_assert_true (domaine_test_wait_until (session_ready, session, 15000));

  /* And the keyring holds the new key, with the label kept. */
  fresh = domaine_test_store_load_sync ();
  {
    OvhAccount *stored = ovh_account_store_find (fresh, ovh_account_get_id (account));

    g_assert_nonnull (stored);
    g_assert_cmpstr (ovh_account_get_consumer_key (stored), ==, new_key);
    g_assert_cmpstr (ovh_account_get_label (stored), ==, "Read only for now");
  }
  remove_from_keyring (account);
}

static gboolean
imports_ready (gpointer data)
{
  GtkWidget *page = domaine_test_find_widget_of_type (data, DOMAINE_TYPE_KEYS_PAGE);

  return domaine_keys_page_get_imports_ready (DOMAINE_KEYS_PAGE (page));
}

/* ~/.ovh.conf of the official tools: offered for import, and importing fills the pages. */
static void
test_assistant_import_ovh_conf (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  g_autofree char *path = g_build_filename (g_get_home_dir (), ".ovh.conf", NULL);
  g_autofree char *conf = NULL;
  g_autoptr (GError) error = NULL;
  DomaineAccountAssistant *assistant;
  GtkWidget *row;
  GtkWidget *expander;

  conf = g_strdup_printf ("[default]\nendpoint=ovh-ca\n\n[ovh-ca]\napplication_key=confAppKey0001\n"
                          "application_secret=confAppSecret0000000000000000001\n"
                          "consumer_key=confConsumerKey000000000000000001\n");
  g_assert_true (g_file_set_contents (path, conf, -1, &error));
  g_assert_no_error (error);

  assistant = open_assistant ();
  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "application");
  /* The files are read in a thread: the rows come when that ends. */
  g_assert_true (domaine_test_wait_until (imports_ready, assistant, 10000));
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Import from ~/.ovh.conf");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_true (
      gtk_widget_get_visible (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)));
  screenshot (assistant, "signin-application-import");
  adw_action_row_activate (ADW_ACTION_ROW (row));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (domaine_test_find_widget_with_text (
                       GTK_WIDGET (assistant), "Application key"))),
                   ==, "confAppKey0001");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (domaine_test_find_widget_with_text (
                       GTK_WIDGET (assistant), "Application secret"))),
                   ==, "confAppSecret0000000000000000001");
  expander = domaine_test_find_widget_with_text (GTK_WIDGET (assistant),
                                                 "I already have a consumer key");
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (expander)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (domaine_test_find_widget_with_text (
                       GTK_WIDGET (assistant), "Consumer key"))),
                   ==, "confConsumerKey000000000000000001");
  /* The endpoint of the file is chosen: back on the first page, OVHcloud Canada. */
  activate (assistant, "assistant.back");
  domaine_test_assistant_wait_for_page (assistant, "endpoint");
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "OVHcloud Canada");
  g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (domaine_test_find_widget_of_type (row, GTK_TYPE_CHECK_BUTTON))));

  close_assistant (assistant);
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Without the file, nothing is offered. */
  assistant = open_assistant ();
  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "application");
  g_assert_true (domaine_test_wait_until (imports_ready, assistant, 10000));
  g_assert_null (
      domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Import from ~/.ovh.conf"));
  close_assistant (assistant);
}

static GtkCheckButton *
endpoint_check (DomaineAccountAssistant *assistant, const char *title)
{
  GtkWidget *row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), title);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (domaine_test_find_widget_of_type (row, GTK_TYPE_CHECK_BUTTON));
}

static GtkWidget *
import_and_go_back (DomaineAccountAssistant *assistant, const char *row_title)
{
  GtkWidget *row;

  activate (assistant, "assistant.next");
  domaine_test_assistant_wait_for_page (assistant, "application");
  g_assert_true (domaine_test_wait_until (imports_ready, assistant, 10000));
  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), row_title);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  activate (assistant, "assistant.back");
  domaine_test_assistant_wait_for_page (assistant, "endpoint");
  return row;
}

/* An import selects exactly the endpoint it names, a custom API address included (a proxy, an
 * SSH tunnel): the keys never go to OVHcloud Europe by default. What cannot be chosen is said. */
static void
test_assistant_import_keeps_endpoint (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  g_autofree char *path = g_build_filename (g_get_home_dir (), ".ovh.conf", NULL);
  g_autoptr (GError) error = NULL;
  DomaineAccountAssistant *assistant;
  GtkWidget *row;

  /* OVH_ENDPOINT as a URL, with the keys in the environment. */
  g_setenv ("OVH_ENDPOINT", "https://tunnel.example.net:8443/1.0/", TRUE);
  g_setenv ("OVH_APPLICATION_KEY", "envAppKey0001", TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", "envAppSecret000000000000000000001", TRUE);
  assistant = open_assistant ();
  g_assert_true (gtk_check_button_get_active (endpoint_check (assistant, "OVHcloud Europe")));
  import_and_go_back (assistant, "Import from OVH_* environment variables");
  g_assert_false (gtk_check_button_get_active (endpoint_check (assistant, "OVHcloud Europe")));
  g_assert_true (gtk_check_button_get_active (endpoint_check (assistant, "Other API Address")));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "tunnel.example.net:8443"));
  {
    GtkWidget *page
        = domaine_test_find_widget_of_type (GTK_WIDGET (assistant), DOMAINE_TYPE_ENDPOINT_PAGE);
    g_assert_cmpstr (domaine_endpoint_page_get_endpoint (DOMAINE_ENDPOINT_PAGE (page)), ==,
                     "https://tunnel.example.net:8443/1.0");
    g_assert_false (domaine_endpoint_page_is_sandbox (DOMAINE_ENDPOINT_PAGE (page)));
  }
  g_assert_nonnull (domaine_test_find_label_with_text (
      GTK_WIDGET (assistant), "Keys imported from OVH_* environment variables"));
  screenshot (assistant, "signin-endpoint-imported");
  close_assistant (assistant);
  g_unsetenv ("OVH_ENDPOINT");
  g_unsetenv ("OVH_APPLICATION_KEY");
  g_unsetenv ("OVH_APPLICATION_SECRET");

  /* An ovh.conf whose endpoint is neither OVHcloud's nor a web address: said, not guessed. */
  g_assert_true (g_file_set_contents (path,
                                      "[default]\nendpoint=ovh-moon\n\n[ovh-moon]\n"
                                      "application_key=confAppKey0002\n"
                                      "application_secret=confAppSecret0000000000000000002\n",
                                      -1, &error));
  g_assert_no_error (error);
  assistant = open_assistant ();
  row = import_and_go_back (assistant, "Import from ~/.ovh.conf");
  (void) row;
  g_assert_nonnull (domaine_test_find_label_with_text (
      GTK_WIDGET (assistant),
      "Keys imported from ~/.ovh.conf, but not its endpoint “ovh-moon”: it is neither an "
      "OVHcloud endpoint nor a web address. Go back and choose where the account is."));
  g_assert_null (domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Other API Address"));
  close_assistant (assistant);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static gboolean
accounts_failed (gpointer data)
{
  return domaine_application_get_accounts_state (domaine_test_app_peek ())
         == DOMAINE_ACCOUNTS_FAILED;
}

/* No keyring: the sign-in itself works, then saving says why it cannot, and nothing typed
 * is lost. */
static void
test_assistant_keyring_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (DomaineApplication) app = NULL;
      g_autofree char *consumer_key = NULL;
      DomaineAccountAssistant *assistant;
      GtkWidget *error_page;
      GtkWidget *secret_row;
      const char *description;

      /* main() pointed D-Bus nowhere before GTK could connect. */
      g_assert_cmpstr (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), ==,
                       "unix:path=/nonexistent/domaine-test-bus");
      /* Without a session bus GtkApplication warns "Unable to acquire session bus": expected
       * here, so only criticals stay fatal in this child. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      app = domaine_test_app_get (TRUE);
      g_assert_true (domaine_test_wait_until (accounts_failed, NULL, 30000));

      g_action_group_activate_action (G_ACTION_GROUP (app), "add-account", NULL);
      assistant = find_assistant ();
      g_assert_nonnull (assistant);
      domaine_account_assistant_set_wait_timing (assistant, 50, 60);
      choose_sandbox_endpoint (assistant);
      type_application_keys (assistant);
      consumer_key = reach_authorize (assistant);
      g_assert_true (ovh_sandbox_validate_credential (get_sandbox (), consumer_key, 0));
      domaine_test_assistant_wait_for_page (assistant, "error");

      error_page = domaine_test_find_widget_with_text (GTK_WIDGET (assistant),
                                                       "Could Not Save the Account");
      g_assert_true (ADW_IS_STATUS_PAGE (error_page));
      description = adw_status_page_get_description (ADW_STATUS_PAGE (error_page));
      g_assert_nonnull (description);
      g_assert_nonnull (strstr (description, "keyring"));
      g_assert_null (strstr (description, consumer_key));
      g_print ("shown: %s\n", description);

      /* Back to the choices: the keys are still there to try again later. */
      activate (assistant, "assistant.back");
      domaine_test_assistant_wait_for_page (assistant, "access");
      secret_row
          = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Application secret");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (secret_row)), ==,
                       OVH_SANDBOX_APPLICATION_SECRET);
      close_assistant (assistant);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*shown: *keyring*");
}

int
main (int argc, char *argv[])
{
  int status;

  /* The keyring-less child needs its bus address gone before GTK connects to the bus. */
  if (domaine_test_is_subprocess_of (argc, argv, "/keyring-unavailable"))
    {
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/domaine-test-bus", TRUE);
      /* AT-SPI lives on the session bus too: without one GTK 4.8 emits on a NULL path. */
      g_setenv ("GTK_A11Y", "none", TRUE);
    }

  domaine_test_bind_translations ();

  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/account-assistant/sign-in", test_assistant_sign_in);
  g_test_add_func ("/account-assistant/start-over", test_assistant_start_over);
  g_test_add_func ("/account-assistant/timed-out", test_assistant_timed_out);
  g_test_add_func ("/account-assistant/cancelled", test_assistant_cancelled);
  g_test_add_func ("/account-assistant/error-words", test_assistant_error_words);
  g_test_add_func ("/account-assistant/consumer-key", test_assistant_consumer_key);
  g_test_add_func ("/account-assistant/bad-consumer-key", test_assistant_bad_consumer_key);
  g_test_add_func ("/account-assistant/reauthenticate", test_assistant_reauthenticate);
  g_test_add_func ("/account-assistant/import-ovh-conf", test_assistant_import_ovh_conf);
  g_test_add_func ("/account-assistant/import-keeps-endpoint",
                   test_assistant_import_keeps_endpoint);
  g_test_add_func ("/account-assistant/keyring-unavailable", test_assistant_keyring_unavailable);

  status = g_test_run ();
  domaine_test_app_release ();
  return status;
}
