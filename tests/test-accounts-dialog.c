/* test-accounts-dialog.c: Manage Accounts against the sandbox and the real keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsecret/secret.h>

#include "ovh-account-store.h"
#include "ovh-error.h"
#include "ovh-sandbox.h"

#include "domaine-account-assistant.h"
#include "domaine-accounts-dialog.h"
#include "domaine-application.h"
#include "domaine-endpoint-page.h"
#include "domaine-test-gui.h"

static OvhSandbox *
get_sandbox (void)
{
  return domaine_test_app_get_sandbox ();
}

/* An account of the sandbox's customer in the keyring, with a key of its own valid for
 * @validity seconds (0 = no end). */
static OvhAccount *
add_account (const char *label, guint validity, char **consumer_key_out)
{
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (get_sandbox (), OVH_SANDBOX_APPLICATION_KEY, NULL, validity);
  OvhAccount *account
      = ovh_account_new (ovh_sandbox_get_base_url (get_sandbox ()), OVH_SANDBOX_APPLICATION_KEY,
                         OVH_SANDBOX_APPLICATION_SECRET, consumer_key);

  ovh_account_set_label (account, label);
  ovh_account_set_sandbox (account, TRUE);
  domaine_test_store_add_sync (domaine_test_app_get_store (), account);
  if (consumer_key_out != NULL)
    *consumer_key_out = g_steal_pointer (&consumer_key);
  return account;
}

static guint
count_keyring_items (const char *account_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items;
  guint n;

  g_hash_table_insert (attributes, (char *) "account-id", (char *) account_id);
  items = secret_password_searchv_sync (ovh_account_store_get_schema (), attributes,
                                        SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}

static int
index_in (GListModel *model, OvhAccount *account)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (OvhAccount) item = g_list_model_get_item (model, i);

      if (g_str_equal (ovh_account_get_id (item), ovh_account_get_id (account)))
        return (int) i;
    }
  return -1;
}

static DomaineAccountsDialog *
open_dialog (void)
{
  GtkWindow *dialog;

  g_assert_cmpint (domaine_test_app_wait_accounts_settled (), ==, DOMAINE_ACCOUNTS_READY);
  g_action_group_activate_action (G_ACTION_GROUP (domaine_test_app_peek ()), "manage-accounts",
                                  NULL);
  dialog = domaine_test_find_window_of_type (GTK_APPLICATION (domaine_test_app_peek ()),
                                             DOMAINE_TYPE_ACCOUNTS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog)
                 == GTK_WINDOW (domaine_test_app_get_window ()));
  domaine_test_wait_for_window (dialog);
  return DOMAINE_ACCOUNTS_DIALOG (dialog);
}

static gboolean
checks_done (gpointer data)
{
  return !domaine_accounts_dialog_get_checking (DOMAINE_ACCOUNTS_DIALOG (data));
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

static void
resize (GtkWindow *window, int width, int height)
{
  WidthWait wait = { GTK_WIDGET (window), gtk_widget_get_width (GTK_WIDGET (window)) };

  gtk_window_set_default_size (window, width, height);
  domaine_test_wait_until (width_changed, &wait, 3000);
  domaine_test_wait_for_window (window);
}

/* Scrolled to its end, if @scrolled is given: what sits below the fold shows. */
static void
save_screenshot (GtkWindow *window, GtkWidget *scrolled, const char *name)
{
  g_autofree char *path = NULL;

  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment
          = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                                - gtk_adjustment_get_page_size (adjustment));
      domaine_test_wait_frames (GTK_WIDGET (window), 2);
    }
  path = domaine_test_save_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", path);
}

/* Light/dark comes from DOMAINE_TEST_STYLE; wide, then 360 px wide. */
static void
screenshot (GtkWindow *window, GtkWidget *scrolled, const char *name, int wide_width, int height)
{
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);

  if (g_getenv ("DOMAINE_SCREENSHOT_DIR") == NULL)
    return;

  resize (window, wide_width, height);
  save_screenshot (window, scrolled, name);
  resize (window, 360, height);
  save_screenshot (window, scrolled, narrow);
  resize (window, wide_width, height);
}

static const char *
row_subtitle (DomaineAccountsDialog *dialog, OvhAccount *account)
{
  GtkWidget *row = domaine_accounts_dialog_get_row (dialog, ovh_account_get_id (account));

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
activate (DomaineAccountsDialog *dialog, const char *action, OvhAccount *account)
{
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (dialog), action, "s", ovh_account_get_id (account)));
}

static gboolean
message_dialog_shown (gpointer data)
{
  return domaine_test_find_message_dialog () != NULL;
}

static AdwMessageDialog *
wait_message_dialog (void)
{
  g_assert_true (domaine_test_wait_until (message_dialog_shown, NULL, 15000));
  return domaine_test_find_message_dialog ();
}

/* As a click on the response's button: the dialog answers, then goes. */
static void
respond (AdwMessageDialog *message, const char *response)
{
  g_object_ref (message);
  adw_message_dialog_response (message, response);
  if (gtk_widget_get_visible (GTK_WIDGET (message)))
    gtk_window_close (GTK_WINDOW (message));
  g_object_unref (message);
}

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* GET /me with @account's key, as anyone holding it would. */
static JsonNode *
call_me (OvhAccount *account, GError **error)
{
  g_autoptr (OvhClient) client = ovh_account_create_client (account);
  g_autoptr (GAsyncResult) result = NULL;

  ovh_client_call_async (client, "GET", "/me", NULL, 0, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ovh_client_call_finish (client, result, error);
}

typedef struct
{
  const char *account_id;
  const char *label;
} LabelWait;

static gboolean
label_saved (gpointer data)
{
  LabelWait *wait = data;
  g_autoptr (OvhAccountStore) store = domaine_test_store_load_sync ();
  OvhAccount *account = ovh_account_store_find (store, wait->account_id);

  return account != NULL && g_strcmp0 (ovh_account_get_label (account), wait->label) == 0;
}

typedef struct
{
  OvhAccount *account;
  int index;
} IndexWait;

static gboolean
index_is (gpointer data)
{
  IndexWait *wait = data;
  g_autoptr (OvhAccountStore) store = domaine_test_store_load_sync ();

  return index_in (G_LIST_MODEL (store), wait->account) == wait->index;
}

static gboolean
account_gone (gpointer data)
{
  return ovh_account_store_find (domaine_test_app_get_store (), data) == NULL;
}

/* Lists every account with its customer, endpoint and key status; renames, moves, and
 * removes them, revoking the key first. */
static void
test_dialog_manage (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  g_autofree char *expiring_key = NULL;
  g_autofree char *lasting_key = NULL;
  g_autofree char *expired_key = NULL;
  g_autofree char *status = NULL;
  g_autoptr (OvhAccount) expiring = NULL;
  g_autoptr (OvhAccount) lasting = NULL;
  g_autoptr (OvhAccount) expired = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GListModel *accounts;
  DomaineAccountsDialog *dialog;
  AdwMessageDialog *message;
  GtkWidget *entry;
  GtkWidget *focus;
  int index;

  g_assert_cmpint (domaine_test_app_wait_accounts_settled (), ==, DOMAINE_ACCOUNTS_READY);
  expiring = add_account ("Expiring", 30 * 24 * 3600, &expiring_key);
  lasting = add_account ("Lasting", 0, &lasting_key);
  expired = add_account ("Expired", 0, &expired_key);
  g_assert_true (ovh_sandbox_expire_credential (get_sandbox (), expired_key));
  accounts = domaine_application_get_accounts (app);

  dialog = open_dialog ();
  g_assert_true (domaine_test_wait_until (checks_done, dialog, 15000));
  g_assert_cmpint (domaine_accounts_dialog_get_key_status (dialog, ovh_account_get_id (expiring)),
                   ==, DOMAINE_KEY_STATUS_EXPIRES);
  g_assert_cmpint (domaine_accounts_dialog_get_key_status (dialog, ovh_account_get_id (lasting)),
                   ==, DOMAINE_KEY_STATUS_VALID);
  g_assert_cmpint (domaine_accounts_dialog_get_key_status (dialog, ovh_account_get_id (expired)),
                   ==, DOMAINE_KEY_STATUS_NEEDS_SIGN_IN);
  /* Each row says who, where, and how the key stands. */
  g_assert_nonnull (strstr (row_subtitle (dialog, expiring), "Valid, expires on "));
  g_assert_nonnull (strstr (row_subtitle (dialog, expiring), OVH_SANDBOX_NICHANDLE " — Ada"));
  g_assert_nonnull (strstr (row_subtitle (dialog, expiring), "Sandbox at http://127.0.0.1:"));
  g_assert_nonnull (strstr (row_subtitle (dialog, lasting), "Key: Valid"));
  g_assert_nonnull (strstr (row_subtitle (dialog, expired), "Key: Needs sign-in"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (dialog), "Expiring"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  screenshot (GTK_WINDOW (dialog), NULL, "manage-accounts", 720, 620);

  /* Signing in again is one click away where it is needed, and opens the assistant for
   * that account. */
  g_assert_true (gtk_widget_get_visible (domaine_test_find_button_with_label (
      domaine_accounts_dialog_get_row (dialog, ovh_account_get_id (expired)), "_Sign In…")));
  g_assert_false (gtk_widget_get_visible (domaine_test_find_button_with_label (
      domaine_accounts_dialog_get_row (dialog, ovh_account_get_id (lasting)), "_Sign In…")));
  activate (dialog, "accounts.sign-in", expired);
  {
    GtkWindow *assistant
        = domaine_test_find_window_of_type (GTK_APPLICATION (app), DOMAINE_TYPE_ACCOUNT_ASSISTANT);

    g_assert_nonnull (assistant);
    domaine_test_wait_for_window (assistant);
    /* Straight to the rights: the endpoint and the application are the account's. */
    g_assert_cmpstr (
        domaine_account_assistant_get_page_name (DOMAINE_ACCOUNT_ASSISTANT (assistant)), ==,
        "access");
    gtk_window_close (assistant);
  }

  /* Rename: the row and the keyring follow. */
  activate (dialog, "accounts.rename", lasting);
  message = wait_message_dialog ();
  entry = adw_message_dialog_get_extra_child (message);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Lasting");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Company");
  respond (message, "rename");
  {
    LabelWait wait = { ovh_account_get_id (lasting), "Company" };
    g_assert_true (domaine_test_wait_until (label_saved, &wait, 15000));
  }
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (dialog), "Company"));

  /* Move Up: the list, the keyring (what domaine-cli and the next start read) and the
   * keyboard focus follow the account. */
  index = index_in (accounts, expired);
  g_assert_cmpint (index, >, 0);
  activate (dialog, "accounts.move-up", expired);
  g_assert_cmpint (index_in (accounts, expired), ==, index - 1);
  {
    IndexWait wait = { expired, index - 1 };
    g_assert_true (domaine_test_wait_until (index_is, &wait, 15000));
  }
  focus = domaine_test_get_focus (GTK_WIDGET (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (
      focus, domaine_accounts_dialog_get_row (dialog, ovh_account_get_id (expired))));
  activate (dialog, "accounts.move-down", expired);
  {
    IndexWait wait = { expired, index };
    g_assert_true (domaine_test_wait_until (index_is, &wait, 15000));
  }

  /* Remove: the key is revoked at OVHcloud first, then the secrets leave the keyring. */
  activate (dialog, "accounts.remove", lasting);
  message = wait_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "revoked at OVHcloud first"));
  respond (message, "remove");
  g_assert_true (
      domaine_test_wait_until (account_gone, (gpointer) ovh_account_get_id (lasting), 15000));
  status = ovh_sandbox_dup_credential_status (get_sandbox (), lasting_key);
  g_assert_cmpstr (status, ==, "expired");
  answer = call_me (lasting, &error);
  g_assert_null (answer);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
  g_clear_error (&error);
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (lasting)), ==, 0);
  g_assert_null (domaine_accounts_dialog_get_row (dialog, ovh_account_get_id (lasting)));

  /* When OVHcloud cannot revoke the key, the person is told, and may remove it anyway. */
  ovh_sandbox_inject_fault (get_sandbox (), "POST", "/auth/logout", OVH_SANDBOX_FAULT_HTTP_500, 0);
  activate (dialog, "accounts.remove", expiring);
  respond (wait_message_dialog (), "remove");
  g_assert_true (domaine_test_wait_until (message_dialog_shown, NULL, 15000));
  message = wait_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "The Key Could Not Be Revoked");
  g_assert_nonnull (
      ovh_account_store_find (domaine_test_app_get_store (), ovh_account_get_id (expiring)));
  respond (message, "remove");
  ovh_sandbox_clear_faults (get_sandbox ());
  g_assert_true (
      domaine_test_wait_until (account_gone, (gpointer) ovh_account_get_id (expiring), 15000));
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (expiring)), ==, 0);

  /* A key that no longer works has nothing to revoke. */
  activate (dialog, "accounts.remove", expired);
  message = wait_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "no longer works"));
  respond (message, "remove");
  g_assert_true (
      domaine_test_wait_until (account_gone, (gpointer) ovh_account_get_id (expired), 15000));
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (expired)), ==, 0);

  gtk_window_close (GTK_WINDOW (dialog));
  domaine_test_app_close_windows ();
}

static gboolean
next_enabled (gpointer data)
{
  return gtk_widget_activate_action (GTK_WIDGET (data), "assistant.next", NULL);
}

/* The assistant's "Custom…" row takes an API base URL, checked as it is typed. */
static void
test_assistant_custom_url (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineAccountAssistant *assistant;
  DomaineEndpointPage *page;
  GtkWidget *row;
  GtkWidget *error_label;

  g_assert_cmpint (domaine_test_app_wait_accounts_settled (), ==, DOMAINE_ACCOUNTS_READY);
  g_action_group_activate_action (G_ACTION_GROUP (app), "add-account", NULL);
  assistant = DOMAINE_ACCOUNT_ASSISTANT (
      domaine_test_find_window_of_type (GTK_APPLICATION (app), DOMAINE_TYPE_ACCOUNT_ASSISTANT));
  g_assert_nonnull (assistant);
  domaine_test_wait_for_window (GTK_WINDOW (assistant));
  domaine_test_assistant_wait_for_page (assistant, "endpoint");
  page = DOMAINE_ENDPOINT_PAGE (
      domaine_test_find_widget_of_type (GTK_WIDGET (assistant), DOMAINE_TYPE_ENDPOINT_PAGE));
  g_assert_nonnull (domaine_test_find_label_with_text (
      GTK_WIDGET (assistant),
      "Another address that answers like the OVHcloud API: a proxy, a private endpoint, or a "
      "domaine-sandbox on this computer. Your keys are sent there, so use only an address you "
      "trust."));

  row = domaine_test_find_widget_with_text (GTK_WIDGET (assistant), "Custom…");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
  g_assert_null (domaine_endpoint_page_get_endpoint (page));

  /* Clear text to another computer: refused, with the reason, and Next waits. */
  domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "API Base URL",
                                   "http://proxy.example.net/1.0");
  error_label = domaine_test_find_label_with_text (
      GTK_WIDGET (assistant),
      "Plain http is only allowed to this computer (localhost, 127.0.0.1 or ::1): use https.");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_null (domaine_endpoint_page_get_endpoint (page));
  g_assert_false (
      gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.next", NULL)
      && !g_str_equal (domaine_account_assistant_get_page_name (assistant), "endpoint"));
  g_assert_cmpstr (domaine_account_assistant_get_page_name (assistant), ==, "endpoint");
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (assistant)), ==, 0);
  /* The custom group sits below the endpoints. */
  screenshot (GTK_WINDOW (assistant),
              domaine_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW),
              "signin-endpoint-custom-error", 560, 640);

  /* The sandbox's own address: accepted as it is, trailing slash dropped. */
  {
    g_autofree char *url = g_strconcat (ovh_sandbox_get_base_url (get_sandbox ()), "/", NULL);

    domaine_test_set_entry_row_text (GTK_WIDGET (assistant), "API Base URL", url);
  }
  g_assert_cmpstr (domaine_endpoint_page_get_endpoint (page), ==,
                   ovh_sandbox_get_base_url (get_sandbox ()));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (domaine_endpoint_page_is_sandbox (page));
  screenshot (GTK_WINDOW (assistant),
              domaine_test_find_widget_of_type (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW),
              "signin-endpoint-custom", 560, 640);
  g_assert_true (domaine_test_wait_until (next_enabled, assistant, 5000));
  domaine_test_assistant_wait_for_page (assistant, "application");

  gtk_window_close (GTK_WINDOW (assistant));
  domaine_test_app_close_windows ();
}

int
main (int argc, char *argv[])
{
  int status;

  domaine_test_bind_translations ();
  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/accounts-dialog/manage", test_dialog_manage);
  g_test_add_func ("/accounts-dialog/assistant-custom-url", test_assistant_custom_url);

  status = g_test_run ();
  domaine_test_app_release ();
  return status;
}
