/* test-account-page.c: the account's page against the sandbox and the real keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-account-store.h"
#include "ovh-sandbox.h"

#include "domaine-account-page-private.h"
#include "domaine-application.h"
#include "domaine-test-gui.h"
#include "domaine-window-private.h"

static OvhSandbox *
get_sandbox (void)
{
  return domaine_test_app_get_sandbox ();
}

/* An account of the sandbox's customer in the keyring, with a key of its own. */
static OvhAccount *
add_account (const char *base_url, char **consumer_key_out)
{
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (get_sandbox (), OVH_SANDBOX_APPLICATION_KEY, NULL, 0);
  OvhAccount *account
      = ovh_account_new (base_url != NULL ? base_url : ovh_sandbox_get_base_url (get_sandbox ()),
                         OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET, consumer_key);

  /* Added as the sandbox's, as the assistant's "Sandbox on this computer" row does. */
  ovh_account_set_sandbox (account, base_url == NULL);

  g_assert_cmpint (domaine_test_app_wait_accounts_settled (), ==, DOMAINE_ACCOUNTS_READY);
  domaine_test_store_add_sync (domaine_test_app_get_store (), account);
  if (consumer_key_out != NULL)
    *consumer_key_out = g_steal_pointer (&consumer_key);
  return account;
}

static OvhAccount *
find_in_fresh_store (const char *account_id)
{
  g_autoptr (OvhAccountStore) store = domaine_test_store_load_sync ();
  OvhAccount *account = ovh_account_store_find (store, account_id);
  return account != NULL ? g_object_ref (account) : NULL;
}

static gboolean
page_loaded (gpointer data)
{
  DomaineAccountPage *page = data;
  DomaineSession *session = domaine_account_page_get_session (page);

  return !domaine_account_page_get_loading (page) && domaine_session_get_me (session) != NULL
         && domaine_session_get_state (session) != DOMAINE_SESSION_STATE_LOADING;
}

/* The account chosen in the window, and its page asked for (not waited for). */
static GtkWidget *
open_account_page (OvhAccount *account)
{
  DomaineWindow *window = domaine_test_app_get_window ();
  GtkWidget *page;

  g_assert_true (domaine_window_select_account (window, ovh_account_get_id (account)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-account", NULL));
  page = domaine_window_get_page (window, "account");
  g_assert_true (DOMAINE_IS_ACCOUNT_PAGE (page));
  return page;
}

static DomaineAccountPage *
show_account_page (OvhAccount *account)
{
  GtkWidget *page = open_account_page (account);

  g_assert_true (gtk_widget_get_mapped (page) || gtk_widget_get_visible (page));
  g_assert_true (domaine_test_wait_until (page_loaded, page, 15000));
  return DOMAINE_ACCOUNT_PAGE (page);
}

static const char *
row_value (DomaineAccountPage *page, const char *title)
{
  GtkWidget *row = domaine_test_find_widget_with_text (GTK_WIDGET (page), title);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  if (!gtk_widget_get_visible (row))
    return NULL;
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static int
font_size (GtkWidget *label)
{
  return pango_font_description_get_size (
      pango_context_get_font_description (gtk_widget_get_pango_context (label)));
}

/* A fact's value reads first: its label is the smaller text. */
static void
assert_value_prominent (DomaineAccountPage *page, const char *title)
{
  GtkWidget *row = domaine_test_find_widget_with_text (GTK_WIDGET (page), title);
  GtkWidget *title_label = NULL, *value_label = NULL;

  for (GtkWidget *w = row; w != NULL;)
    {
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "title"))
        title_label = w;
      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "subtitle"))
        value_label = w;
      /* depth-first below the row */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != row && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == row ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (title_label);
  g_assert_nonnull (value_label);
  g_assert_cmpint (font_size (title_label), <, font_size (value_label));
}

static gboolean
page_folded (gpointer data)
{
  return domaine_account_page_get_folded (data);
}

static gboolean
page_unfolded (gpointer data)
{
  return !domaine_account_page_get_folded (data);
}

static void
screenshots (DomaineWindow *window, const char *name)
{
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  g_autofree char *path = NULL;
  GtkWidget *page = domaine_window_get_page (window, "account");

  if (g_getenv ("DOMAINE_SCREENSHOT_DIR") == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  g_assert_true (domaine_test_wait_until (page_unfolded, page, 10000));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (window), 2));
  path = domaine_test_save_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", path);
  g_clear_pointer (&path, g_free);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (domaine_test_wait_until (page_folded, page, 10000));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (window), 2));
  path = domaine_test_save_screenshot (GTK_WIDGET (window), narrow);
  g_test_message ("screenshot: %s", path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  g_assert_true (domaine_test_wait_until (page_unfolded, page, 10000));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (window), 2));

  /* The lower half: Domaine's key, its rights, the other keys, Sign Out. */
  {
    GtkWidget *scrolled = domaine_test_find_widget_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment
        = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    GtkWidget *rules = domaine_test_find_widget_with_text (page, "Rights");
    g_autofree char *keys = g_strconcat (name, "-keys", NULL);

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rules), TRUE);
    g_assert_true (domaine_test_wait_frames (GTK_WIDGET (window), 2));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    g_assert_true (domaine_test_wait_frames (GTK_WIDGET (window), 2));
    g_clear_pointer (&path, g_free);
    path = domaine_test_save_screenshot (GTK_WIDGET (window), keys);
    g_test_message ("screenshot: %s", path);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rules), FALSE);
    gtk_adjustment_set_value (adjustment, 0);
  }
}

static gboolean
account_gone (gpointer data)
{
  return ovh_account_store_find (domaine_test_app_get_store (), data) == NULL;
}

/* The keyring, read again until it holds the label (a new store each time: what the next
 * start of Domaine would find). */
typedef struct
{
  const char *account_id;
  const char *label;
  gboolean reading;
  gboolean saved;
} LabelWait;

static void
label_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LabelWait *wait = user_data;
  g_autoptr (OvhAccount) account
      = ovh_account_store_lookup_finish (OVH_ACCOUNT_STORE (source), result, NULL);

  wait->saved = account != NULL && g_strcmp0 (ovh_account_get_label (account), wait->label) == 0;
  wait->reading = FALSE;
  g_object_unref (source);
}

static gboolean
label_saved (gpointer data)
{
  LabelWait *wait = data;

  if (!wait->saved && !wait->reading)
    {
      wait->reading = TRUE;
      ovh_account_store_lookup_async (ovh_account_store_new (), wait->account_id, NULL,
                                      label_read_cb, wait);
    }
  return wait->saved;
}

static void
test_page_details (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  g_autofree char *consumer_key = NULL;
  g_autofree char *other_key = NULL;
  g_autoptr (OvhAccount) account = add_account (NULL, &consumer_key);
  g_autoptr (OvhAccount) stored = NULL;
  DomaineWindow *window = domaine_test_app_get_window ();
  DomaineAccountPage *page;
  OvhCredential *credential;
  GListModel *others;
  GtkWidget *label_row;
  GtkWidget *back;
  guint n_others;
  gint64 other_id = 0;

  /* A second application's key on the same account, to revoke. */
  ovh_sandbox_add_application (get_sandbox (), "otherAppKey00001",
                               "otherAppSecret00000000000000000", "Backup script");
  other_key = ovh_sandbox_create_credential (get_sandbox (), "otherAppKey00001", NULL, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  domaine_test_wait_for_window (GTK_WINDOW (window));
  page = show_account_page (account);

  /* Who, from /me. */
  g_assert_cmpstr (row_value (page, "Name"), ==, "Ada Lovelace");
  g_assert_cmpstr (row_value (page, "Nichandle"), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (row_value (page, "Email"), ==, OVH_SANDBOX_EMAIL);
  /* Names, not OVH's codes ("FR", "fr_FR", "EUR (EURO)"). */
  g_assert_cmpstr (row_value (page, "Country"), ==, "France");
  g_assert_cmpstr (row_value (page, "Language"), ==, "French (France)");
  g_assert_cmpstr (row_value (page, "Currency"), ==, "Euro");
  assert_value_prominent (page, "Country");
  g_assert_cmpstr (row_value (page, "Sandbox on this computer"), ==,
                   ovh_sandbox_get_base_url (get_sandbox ()));

  /* Domaine's key: active, never expires, its rules listed. */
  credential = domaine_account_page_get_credential (page);
  g_assert_nonnull (credential);
  g_assert_cmpint (ovh_credential_get_status (credential), ==, OVH_CREDENTIAL_STATUS_VALIDATED);
  g_assert_cmpstr (row_value (page, "Status"), ==, "Active");
  g_assert_cmpstr (row_value (page, "Expires"), ==, "Never");
  g_assert_nonnull (row_value (page, "Created"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (page), "Rights"));

  /* The other keys, without Domaine's own, each with its application. */
  others = domaine_account_page_get_other_keys (page);
  n_others = g_list_model_get_n_items (others);
  g_assert_cmpuint (n_others, >=, 1);
  for (guint i = 0; i < n_others; i++)
    {
      g_autoptr (OvhCredential) key = g_list_model_get_item (others, i);

      g_assert_cmpint (ovh_credential_get_id (key), !=, ovh_credential_get_id (credential));
      if (g_strcmp0 (ovh_credential_get_application_name (key), "Backup script") == 0)
        other_id = ovh_credential_get_id (key);
    }
  g_assert_cmpint (other_id, !=, 0);
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (page), "Backup script"));
  g_assert_nonnull (domaine_test_find_button_with_label (GTK_WIDGET (page), "Revoke…"));
  g_assert_nonnull (domaine_test_find_button_with_label (GTK_WIDGET (page), "Sign Out…"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (page)), ==, 0);

  screenshots (window, "account-page");

  /* Folded: a back button to the sidebar. */
  /* Waits, not fixed spins: a relayout takes seconds under valgrind. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (domaine_test_wait_until (page_folded, page, 10000));
  back = domaine_test_find_widget_with_text (GTK_WIDGET (page), "Back");
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  g_assert_true (domaine_test_wait_until (page_unfolded, page, 10000));

  /* Revoke asks first, then the key stops working at OVHcloud and leaves the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.revoke", "x", other_id));
  g_assert_nonnull (domaine_test_find_message_dialog ());
  adw_message_dialog_response (domaine_test_find_message_dialog (), "revoke");
  g_assert_true (domaine_test_wait_n_items (others, n_others - 1, 15000));
  {
    g_autofree char *status = ovh_sandbox_dup_credential_status (get_sandbox (), other_key);
    g_assert_cmpstr (status, !=, "validated");
  }

  /* The label is edited here and kept in the keyring. */
  label_row = domaine_test_find_widget_with_text (GTK_WIDGET (page), "Label");
  g_assert_true (ADW_IS_ENTRY_ROW (label_row));
  gtk_editable_set_text (GTK_EDITABLE (label_row), "Ada’s domains");
  g_signal_emit_by_name (label_row, "apply");
  g_assert_cmpstr (ovh_account_get_label (account), ==, "Ada’s domains");
  {
    LabelWait wait = { ovh_account_get_id (account), "Ada’s domains", FALSE, FALSE };

    g_assert_true (domaine_test_wait_until (label_saved, &wait, 15000));
    /* The lookup in flight finishes before @wait goes out of scope. */
    while (wait.reading)
      g_main_context_iteration (NULL, TRUE);
  }
  stored = find_in_fresh_store (ovh_account_get_id (account));
  g_assert_nonnull (stored);
  g_assert_cmpstr (ovh_account_get_label (stored), ==, "Ada’s domains");
  g_clear_object (&stored);

  /* Sign out: confirmation, logout at OVHcloud, out of the keyring. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "account.sign-out", NULL));
  g_assert_nonnull (domaine_test_find_message_dialog ());
  adw_message_dialog_response (domaine_test_find_message_dialog (), "sign-out");
  g_assert_true (
      domaine_test_wait_until (account_gone, (gpointer) ovh_account_get_id (account), 15000));
  stored = find_in_fresh_store (ovh_account_get_id (account));
  g_assert_null (stored);
  {
    g_autofree char *status = ovh_sandbox_dup_credential_status (get_sandbox (), consumer_key);
    g_assert_cmpstr (status, ==, "expired");
  }
  /* The window let go of the account. */
  g_assert_true (domaine_window_get_session (window) == NULL
                 || domaine_session_get_account (domaine_window_get_session (window)) != account);
}

static void
test_page_sign_out_offline (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  /* Nothing listens on port 9: OVHcloud "cannot be reached". */
  g_autoptr (OvhAccount) account = add_account ("http://127.0.0.1:9/1.0", NULL);
  g_autoptr (OvhAccount) stored = NULL;
  GtkWidget *page = open_account_page (account);

  g_assert_true (gtk_widget_activate_action (page, "account.sign-out", NULL));
  adw_message_dialog_response (domaine_test_find_message_dialog (), "sign-out");
  g_assert_true (
      domaine_test_wait_until (account_gone, (gpointer) ovh_account_get_id (account), 30000));
  stored = find_in_fresh_store (ovh_account_get_id (account));
  g_assert_null (stored);
}

int
main (int argc, char *argv[])
{
  int status;

  domaine_test_bind_translations ();

  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/account-page/details", test_page_details);
  g_test_add_func ("/account-page/sign-out-offline", test_page_sign_out_offline);

  status = g_test_run ();
  domaine_test_app_release ();
  return status;
}
