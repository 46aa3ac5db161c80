/* domaine-application-actions.c: the app.* actions: accounts, about, quit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages ask for what concerns the accounts (sign out, rename) through these actions with the
 * account's id: the application owns the accounts and the keyring, and says how it went in a
 * toast of its main window.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-credential.h"

#include "domaine-account-assistant.h"
#include "domaine-accounts-dialog.h"
#include "domaine-application-private.h"
#include "domaine-window.h"

/* The window a person is looking at: the active one, or the main window behind a dialog. */
static DomaineWindow *
domaine_application_get_main_window (DomaineApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DOMAINE_IS_WINDOW (active))
    return DOMAINE_WINDOW (active);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (DOMAINE_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
domaine_application_toast (DomaineApplication *self, const char *title)
{
  DomaineWindow *window = domaine_application_get_main_window (self);

  if (window != NULL)
    domaine_window_add_toast (window, adw_toast_new (title));
}

static void
domaine_application_add_account_action (GSimpleAction *action,
                                        GVariant *parameter,
                                        gpointer user_data)
{
  DomaineApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  DomaineAccountAssistant *assistant;

  assistant = domaine_account_assistant_new (window, domaine_application_get_account_store (self),
                                             domaine_application_get_sandbox_url (self));
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
domaine_application_reauthenticate_action (GSimpleAction *action,
                                           GVariant *parameter,
                                           gpointer user_data)
{
  DomaineApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  OvhAccount *account;
  DomaineSession *session = NULL;
  DomaineAccountAssistant *assistant;
  gboolean more_rights = FALSE;

  account = domaine_application_find_account (self, g_variant_get_string (parameter, NULL));
  if (account == NULL)
    return;

  /* The banner asked for more rights when a call was refused as not granted. The session is
   * the main window's, also when Manage Accounts asked. */
  if (domaine_application_get_main_window (self) != NULL)
    session = domaine_window_get_session (domaine_application_get_main_window (self));
  if (session != NULL && domaine_session_get_account (session) == account)
    more_rights = domaine_session_get_not_granted (session);

  assistant = domaine_account_assistant_new_reauthenticate (
      window,
      domaine_application_is_transient_account (self, account)
          ? NULL
          : domaine_application_get_account_store (self),
      account, session != NULL && domaine_session_get_account (session) == account ? session : NULL,
      more_rights);
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
domaine_application_about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char *developers[] = { "The Domaine developers", NULL };
  DomaineApplication *self = user_data;
  GtkWindow *window;
  g_autofree char *name = NULL;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  /* Translators: the suffix marks development builds, e.g. "Domaine (Development)". */
  name = g_strdup_printf ("%s%s", _ ("Domaine"), DEVELOPMENT_BUILD ? _ (" (Development)") : "");

  adw_show_about_window (window, "application-name", name, "application-icon", APP_ID,
                         "developer-name", _ ("The Domaine developers"), "version", PACKAGE_VERSION,
                         "comments", _ ("Manage your OVHcloud domains and DNS zones"), "website",
                         "https://github.com/domaine/domaine", "issue-url",
                         "https://github.com/domaine/domaine/issues", "developers", developers,
                         /* Translators: replace with your names, one per line. */
                         "translator-credits", _ ("translator-credits"), "copyright",
                         "© 2026 The Domaine developers", "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
domaine_application_quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DomaineApplication *self = user_data;
  GList *windows;

  /* Close each window the normal way, so each can save its state (and, later, ask about
   * unpublished changes) instead of being torn down by g_application_quit(). */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
domaine_application_load_accounts_action (GSimpleAction *action,
                                          GVariant *parameter,
                                          gpointer user_data)
{
  domaine_application_load_accounts (DOMAINE_APPLICATION (user_data));
}

/* Signing out: the key revoked at OVHcloud, then the account out of the keyring ------------ */

typedef struct
{
  DomaineApplication *app;
  OvhAccount *account;
  gboolean logged_out;
  gboolean quiet; /* whoever asked says how it went */
} SignOut;

static void
sign_out_free (SignOut *sign_out)
{
  g_clear_object (&sign_out->app);
  g_clear_object (&sign_out->account);
  g_free (sign_out);
}

static void
sign_out_done (SignOut *sign_out)
{
  if (sign_out->quiet)
    ;
  else if (sign_out->logged_out)
    domaine_application_toast (sign_out->app, _ ("Signed out"));
  else
    /* The key could not be revoked at OVHcloud (offline?): say so, it still works there. */
    domaine_application_toast (sign_out->app,
                               _ ("Signed out on this computer. OVHcloud could not be reached: "
                                  "revoke the key in your OVHcloud account."));
  sign_out_free (sign_out);
}

static void
account_removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SignOut *sign_out = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_account_store_remove_finish (OVH_ACCOUNT_STORE (source), result, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the keyring's error. */
      title = g_strdup_printf (_ ("Could not remove the account from the keyring: %s"),
                               error->message);
      domaine_application_toast (sign_out->app, title);
      sign_out_free (sign_out);
      return;
    }
  domaine_application_remove_orphan_journals (sign_out->app);
  sign_out_done (sign_out);
}

/* Removing the account closes its session and pages: the window falls back. */
static void
forget_account (SignOut *sign_out)
{
  if (domaine_application_is_transient_account (sign_out->app, sign_out->account))
    {
      domaine_application_forget_transient_account (sign_out->app, sign_out->account);
      sign_out_done (sign_out);
      return;
    }
  ovh_account_store_remove_async (domaine_application_get_account_store (sign_out->app),
                                  sign_out->account, NULL, account_removed_cb, sign_out);
}

static void
logged_out_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SignOut *sign_out = user_data;
  g_autoptr (GError) error = NULL;

  sign_out->logged_out = ovh_credential_logout_finish (result, &error);
  if (error != NULL)
    g_debug ("Logout at OVHcloud failed: %s", error->message);
  forget_account (sign_out);
}

/* app.sign-out (s: the account's id). The page asked first. */
static void
domaine_application_sign_out_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DomaineApplication *self = user_data;
  OvhAccount *account;
  SignOut *sign_out;
  g_autoptr (OvhClient) client = NULL;

  account = domaine_application_find_account (self, g_variant_get_string (parameter, NULL));
  if (account == NULL)
    return;

  sign_out = g_new0 (SignOut, 1);
  sign_out->app = g_object_ref (self);
  sign_out->account = g_object_ref (account);

  /* No cancellable: signing out finishes even as the window goes away; and a client of its
   * own with a short timeout, since offline is a normal case here. */
  client = ovh_account_create_client (account);
  ovh_client_set_timeout (client, 15);
  ovh_credential_logout_async (client, NULL, logged_out_cb, sign_out);
}

/* app.forget-account (s: the account's id): out of the keyring (or memory) without a word to
 * OVHcloud; Manage Accounts revoked the key first, or was told to remove it anyway. */
static void
domaine_application_forget_account_action (GSimpleAction *action,
                                           GVariant *parameter,
                                           gpointer user_data)
{
  DomaineApplication *self = user_data;
  OvhAccount *account;
  SignOut *sign_out;

  account = domaine_application_find_account (self, g_variant_get_string (parameter, NULL));
  if (account == NULL)
    return;

  sign_out = g_new0 (SignOut, 1);
  sign_out->app = g_object_ref (self);
  sign_out->account = g_object_ref (account);
  sign_out->quiet = TRUE;
  forget_account (sign_out);
}

/* Ordering: the place people give an account in the list --------------------------------- */

static void
account_moved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_account_store_move_finish (OVH_ACCOUNT_STORE (source), result, &error))
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the keyring's error. */
      title = g_strdup_printf (_ ("Could not save the order of the accounts: %s"), error->message);
      domaine_application_toast (self, title);
    }
}

/* app.move-account ((si): the account's id and its new place in the list). Accounts kept in
 * memory only stay after the keyring's. */
static void
domaine_application_move_account_action (GSimpleAction *action,
                                         GVariant *parameter,
                                         gpointer user_data)
{
  DomaineApplication *self = user_data;
  const char *account_id = NULL;
  gint32 position = 0;
  OvhAccount *account;

  g_variant_get (parameter, "(&si)", &account_id, &position);
  account = domaine_application_find_account (self, account_id);
  if (account == NULL || position < 0 || domaine_application_is_transient_account (self, account))
    return;
  ovh_account_store_move_async (domaine_application_get_account_store (self), account,
                                (guint) position, NULL, account_moved_cb, g_object_ref (self));
}

/* app.manage-accounts: the Manage Accounts window over the main window. */
static void
domaine_application_manage_accounts_action (GSimpleAction *action,
                                            GVariant *parameter,
                                            gpointer user_data)
{
  DomaineApplication *self = user_data;
  DomaineWindow *window = domaine_application_get_main_window (self);
  DomaineAccountsDialog *dialog;

  dialog
      = domaine_accounts_dialog_new (GTK_WINDOW (window), domaine_application_get_accounts (self));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Renaming: the label, the only thing a person edits about an account -------------------- */

static void
label_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_account_store_update_finish (OVH_ACCOUNT_STORE (source), result, &error))
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is the keyring's error. */
      title = g_strdup_printf (_ ("Could not save the label: %s"), error->message);
      domaine_application_toast (self, title);
    }
}

/* app.rename-account ((ss): the account's id and its new label, "" for none). */
static void
domaine_application_rename_account_action (GSimpleAction *action,
                                           GVariant *parameter,
                                           gpointer user_data)
{
  DomaineApplication *self = user_data;
  const char *account_id = NULL;
  const char *text = NULL;
  g_autofree char *label = NULL;
  OvhAccount *account;

  g_variant_get (parameter, "(&s&s)", &account_id, &text);
  account = domaine_application_find_account (self, account_id);
  if (account == NULL)
    return;

  label = g_strstrip (g_strdup (text));
  ovh_account_set_label (account, label[0] != '\0' ? label : NULL);
  /* Accounts kept in memory only (the sandbox's) have nothing to save. */
  if (!domaine_application_is_transient_account (self, account))
    ovh_account_store_update_async (domaine_application_get_account_store (self), account, NULL,
                                    label_saved_cb, g_object_ref (self));
}

/* A notification's default action: the domain's page, in the window showing its account. */
static void
domaine_application_show_domain_action (GSimpleAction *action,
                                        GVariant *parameter,
                                        gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window == NULL)
    return;
  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-domain", parameter);
}

static const GActionEntry app_actions[] = {
  { "about", domaine_application_about_action },
  { "quit", domaine_application_quit_action },
  { "load-accounts", domaine_application_load_accounts_action },
  { "add-account", domaine_application_add_account_action },
  { "reauthenticate", domaine_application_reauthenticate_action, "s" },
  { "sign-out", domaine_application_sign_out_action, "s" },
  { "rename-account", domaine_application_rename_account_action, "(ss)" },
  { "forget-account", domaine_application_forget_account_action, "s" },
  { "move-account", domaine_application_move_account_action, "(si)" },
  { "manage-accounts", domaine_application_manage_accounts_action },
  { "show-domain", domaine_application_show_domain_action, "s" },
};

void
domaine_application_add_actions (DomaineApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
}
