/* domaine-accounts-dialog.c: Manage Accounts, every account at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per account: its name, customer, endpoint and key status, with a menu to rename,
 * move, sign in again or remove it. The rows are rebuilt whenever the accounts change (a
 * handful of them): a moved row keeps the keyboard focus. Each key's status comes from
 * GET /auth/currentCredential and the customer from GET /me, both asked once per account.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-credential.h"
#include "ovh-error.h"
#include "ovh-me.h"

#include "domaine-accounts-dialog.h"
#include "domaine-format.h"

struct _DomaineAccountsDialog
{
  AdwWindow parent_instance;

  GListModel *accounts;
  GCancellable *cancellable;
  GHashTable *infos; /* account id → AccountInfo */
  GHashTable *rows;  /* account id → AdwActionRow (weak: the list box owns them) */
  char *focus_account_id;
  guint n_checking;
  guint serial; /* of the latest check */

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *accounts_group;
  GtkListBox *list_box;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (DomaineAccountsDialog, domaine_accounts_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_ACCOUNTS,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the dialog learnt about one account. */
typedef struct
{
  DomaineKeyStatus status;
  GDateTime *expiration;
  char *problem;  /* why the status is UNKNOWN */
  char *customer; /* "nichandle — Name", once GET /me answered */
  gboolean checked;
  guint serial; /* the check that fills it */
} AccountInfo;

static void
account_info_free (AccountInfo *info)
{
  g_clear_pointer (&info->expiration, g_date_time_unref);
  g_free (info->problem);
  g_free (info->customer);
  g_free (info);
}

static OvhAccount *
find_account (DomaineAccountsDialog *self, const char *account_id, guint *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->accounts); i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (self->accounts, i);

      if (g_strcmp0 (ovh_account_get_id (account), account_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return account; /* the model keeps its reference */
        }
    }
  return NULL;
}

/* Rows -------------------------------------------------------------------------------------- */

static char *
dup_endpoint_text (OvhAccount *account)
{
  const OvhEndpoint *known = ovh_account_get_known_endpoint (account);

  if (known != NULL)
    return g_strdup (ovh_endpoint_get_display_name (known));
  if (ovh_account_is_sandbox (account))
    /* Translators: %s is the sandbox's address, such as http://127.0.0.1:8080/1.0 */
    return g_strdup_printf (_ ("Sandbox at %s"), ovh_account_get_endpoint (account));
  return g_strdup (ovh_account_get_endpoint (account));
}

static char *
dup_status_text (AccountInfo *info)
{
  switch (info->status)
    {
    case DOMAINE_KEY_STATUS_VALID:
      return g_strdup (_ ("Valid"));
    case DOMAINE_KEY_STATUS_EXPIRES:
      {
        g_autofree char *date = domaine_format_date (info->expiration);

        /* Translators: %s is a date */
        return g_strdup_printf (_ ("Valid, expires on %s"), date);
      }
    case DOMAINE_KEY_STATUS_NEEDS_SIGN_IN:
      return g_strdup (_ ("Needs sign-in"));
    case DOMAINE_KEY_STATUS_UNKNOWN:
      /* Translators: %s says why, such as "OVHcloud could not be reached" */
      return g_strdup_printf (_ ("Not checked: %s"), info->problem);
    case DOMAINE_KEY_STATUS_CHECKING:
    default:
      return g_strdup (_ ("Checking…"));
    }
}

static void
update_row (DomaineAccountsDialog *self, OvhAccount *account)
{
  AdwActionRow *row = g_hash_table_lookup (self->rows, ovh_account_get_id (account));
  AccountInfo *info = g_hash_table_lookup (self->infos, ovh_account_get_id (account));
  g_autofree char *name = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  const char *customer;

  if (row == NULL || info == NULL)
    return;

  name = ovh_account_dup_display_name (account);
  endpoint = dup_endpoint_text (account);
  status = dup_status_text (info);
  customer = info->customer != NULL ? info->customer : ovh_account_get_nichandle (account);
  if (customer == NULL)
    customer = "—";

  /* Translators: the lines under an account's name in Manage Accounts */
  subtitle
      = g_strdup_printf (_ ("Customer: %s\nEndpoint: %s\nKey: %s"), customer, endpoint, status);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "sign-in-button"),
                          info->status == DOMAINE_KEY_STATUS_NEEDS_SIGN_IN);
}

static void
append_item (GMenu *menu, const char *label, const char *action, const char *account_id)
{
  g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (account_id));
  g_menu_append_item (menu, item);
}

/* Move Up on the first row and Move Down on the last are left out rather than greyed out. */
static GMenuModel *
new_row_menu (const char *account_id, gboolean first, gboolean last)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) edit = g_menu_new ();
  g_autoptr (GMenu) move = g_menu_new ();
  g_autoptr (GMenu) remove = g_menu_new ();

  append_item (edit, _ ("_Rename…"), "accounts.rename", account_id);
  append_item (edit, _ ("_Sign In Again…"), "accounts.sign-in", account_id);
  if (!first)
    append_item (move, _ ("Move _Up"), "accounts.move-up", account_id);
  if (!last)
    append_item (move, _ ("Move _Down"), "accounts.move-down", account_id);
  append_item (remove, _ ("Re_move…"), "accounts.remove", account_id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (!first || !last)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
new_row (DomaineAccountsDialog *self, OvhAccount *account, gboolean first, gboolean last)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *sign_in;
  g_autoptr (GMenuModel) menu = new_row_menu (ovh_account_get_id (account), first, last);
  g_autofree char *name = ovh_account_dup_display_name (account);
  g_autofree char *tooltip = NULL;

  /* Labels and addresses are text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");

  /* The way out of "Needs sign-in", one click away. */
  sign_in = gtk_button_new_with_mnemonic (_ ("_Sign In…"));
  gtk_widget_set_valign (sign_in, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (sign_in, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (sign_in), "accounts.sign-in");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (sign_in),
                                          g_variant_new_string (ovh_account_get_id (account)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sign_in);
  g_object_set_data (G_OBJECT (row), "sign-in-button", sign_in);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s is an account's name */
  tooltip = g_strdup_printf (_ ("Actions for %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "menu-button", button);
  return row;
}

static void check_account (DomaineAccountsDialog *self, OvhAccount *account);

static void
rebuild_rows (DomaineAccountsDialog *self)
{
  guint n_items = g_list_model_get_n_items (self->accounts);
  GtkWidget *child;
  GtkWidget *focus = NULL;

  g_hash_table_remove_all (self->rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (self->accounts, i);
      const char *id = ovh_account_get_id (account);
      GtkWidget *row = new_row (self, account, i == 0, i + 1 == n_items);

      g_hash_table_insert (self->rows, g_strdup (id), row);
      gtk_list_box_append (self->list_box, row);
      if (!g_hash_table_contains (self->infos, id))
        check_account (self, account);
      update_row (self, account);
      if (g_strcmp0 (id, self->focus_account_id) == 0)
        focus = g_object_get_data (G_OBJECT (row), "menu-button");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), n_items > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n_items == 0);
  /* A moved account keeps the focus, so that Move Up can be repeated from the keyboard. */
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  g_clear_pointer (&self->focus_account_id, g_free);
}

static void
accounts_changed_cb (DomaineAccountsDialog *self)
{
  rebuild_rows (self);
}

static void
account_notify_cb (OvhAccount *account, GParamSpec *pspec, DomaineAccountsDialog *self)
{
  /* A new key (signed in again): ask about it. */
  if (g_str_equal (pspec->name, "consumer-key"))
    check_account (self, account);
  update_row (self, account);
}

/* Key status and customer ----------------------------------------------------------------- */

typedef struct
{
  DomaineAccountsDialog *self; /* a reference */
  OvhAccount *account;
  guint serial;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->self);
  g_object_unref (check->account);
  g_free (check);
}

static void
set_checking (DomaineAccountsDialog *self, int delta)
{
  gboolean was = self->n_checking > 0;

  self->n_checking += delta;
  if (was != (self->n_checking > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* The account's info if this check is still its latest (a new key starts another), else NULL. */
static AccountInfo *
check_get_info (Check *check)
{
  AccountInfo *info = g_hash_table_lookup (check->self->infos, ovh_account_get_id (check->account));

  return info != NULL && info->serial == check->serial ? info : NULL;
}

static void
me_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Check *check = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhMe) me = ovh_me_load_finish (result, &error);
  AccountInfo *info = check_get_info (check);

  if (me != NULL && info != NULL)
    {
      const char *nichandle = ovh_me_get_nichandle (me);
      const char *name = ovh_me_get_display_name (me);

      g_free (info->customer);
      if (name != NULL && g_strcmp0 (name, nichandle) != 0)
        info->customer = g_strdup_printf ("%s — %s", nichandle, name);
      else
        info->customer = g_strdup (nichandle);
      update_row (check->self, check->account);
    }
  set_checking (check->self, -1);
  check_free (check);
}

static void
credential_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Check *check = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = ovh_credential_fetch_current_finish (result, &error);
  AccountInfo *info = check_get_info (check);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && info != NULL)
    {
      if (credential != NULL
          && ovh_credential_get_status (credential) == OVH_CREDENTIAL_STATUS_VALIDATED)
        {
          GDateTime *expiration = ovh_credential_get_expiration (credential);

          info->status = expiration != NULL ? DOMAINE_KEY_STATUS_EXPIRES : DOMAINE_KEY_STATUS_VALID;
          info->expiration = expiration != NULL ? g_date_time_ref (expiration) : NULL;
        }
      else if (credential != NULL || ovh_error_is_authentication (error))
        info->status = DOMAINE_KEY_STATUS_NEEDS_SIGN_IN;
      else
        {
          info->status = DOMAINE_KEY_STATUS_UNKNOWN;
          info->problem = g_strdup (error->message);
        }
      info->checked = TRUE;
      update_row (check->self, check->account);
    }
  set_checking (check->self, -1);
  check_free (check);
}

static Check *
check_new (DomaineAccountsDialog *self, OvhAccount *account, AccountInfo *info)
{
  Check *check = g_new0 (Check, 1);

  check->self = g_object_ref (self);
  check->account = g_object_ref (account);
  check->serial = info->serial;
  set_checking (self, +1);
  return check;
}

static void
check_account (DomaineAccountsDialog *self, OvhAccount *account)
{
  AccountInfo *info = g_new0 (AccountInfo, 1);
  g_autoptr (OvhClient) client = NULL;

  info->serial = ++self->serial;
  g_hash_table_replace (self->infos, g_strdup (ovh_account_get_id (account)), info);
  if (g_object_get_data (G_OBJECT (account), "domaine-accounts-dialog-watched") != self)
    {
      g_signal_connect_object (account, "notify::consumer-key", G_CALLBACK (account_notify_cb),
                               self, 0);
      g_signal_connect_object (account, "notify::display-name", G_CALLBACK (account_notify_cb),
                               self, 0);
      g_signal_connect_object (account, "notify::nichandle", G_CALLBACK (account_notify_cb), self,
                               0);
      g_object_set_data (G_OBJECT (account), "domaine-accounts-dialog-watched", self);
    }

  if (ovh_account_get_consumer_key (account) == NULL)
    {
      info->status = DOMAINE_KEY_STATUS_NEEDS_SIGN_IN;
      info->checked = TRUE;
      return;
    }

  info->status = DOMAINE_KEY_STATUS_CHECKING;
  client = ovh_account_create_client (account);
  ovh_client_set_timeout (client, 15);
  ovh_credential_fetch_current_async (client, self->cancellable, credential_fetched_cb,
                                      check_new (self, account, info));
  ovh_me_load_async (client, self->cancellable, me_loaded_cb, check_new (self, account, info));
}

/* Actions ------------------------------------------------------------------------------------ */

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, DomaineAccountsDialog *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *account_id = g_object_get_data (G_OBJECT (dialog), "account-id");

  if (g_str_equal (response, "rename"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.rename-account", "(ss)", account_id,
                                gtk_editable_get_text (entry));
}

static void
rename_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (widget);
  const char *account_id = g_variant_get_string (parameter, NULL);
  OvhAccount *account = find_account (self, account_id, NULL);
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *name = NULL;

  if (account == NULL)
    return;

  name = ovh_account_dup_display_name (account);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Rename Account"), NULL);
  /* Translators: %s is the account's current name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _ ("A label for “%s”, shown in the account list. Leave it empty "
                                     "to show the customer’s name."),
                                  name);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), ovh_account_get_label (account) != NULL
                                                   ? ovh_account_get_label (account)
                                                   : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Label"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "rename",
                                    _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (widget);
  const char *account_id = g_variant_get_string (parameter, NULL);
  gboolean up = g_str_equal (action_name, "accounts.move-up");
  guint position;

  if (find_account (self, account_id, &position) == NULL)
    return;
  if ((up && position == 0) || (!up && position + 1 >= g_list_model_get_n_items (self->accounts)))
    return;

  g_free (self->focus_account_id);
  self->focus_account_id = g_strdup (account_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.move-account", "(si)", account_id,
                              (gint32) (up ? position - 1 : position + 1));
}

static void
sign_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_activate_action_variant (widget, "app.reauthenticate", parameter);
}

/* Removing: the key revoked at OVHcloud first, unless it no longer works -------------------- */

static void
toast (DomaineAccountsDialog *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
forget (DomaineAccountsDialog *self, const char *account_id, const char *title)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.forget-account", "s", account_id);
  toast (self, title);
}

static void
remove_anyway_response_cb (AdwMessageDialog *dialog,
                           const char *response,
                           DomaineAccountsDialog *self)
{
  if (g_str_equal (response, "remove"))
    forget (self, g_object_get_data (G_OBJECT (dialog), "account-id"),
            _ ("Account removed from this computer; its key still works at OVHcloud"));
}

typedef struct
{
  DomaineAccountsDialog *self;
  char *account_id;
  char *name;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->self);
  g_free (removal->account_id);
  g_free (removal->name);
  g_free (removal);
}

static void
logged_out_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Removal *removal = user_data;
  DomaineAccountsDialog *self = removal->self;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (ovh_credential_logout_finish (result, &error))
    {
      forget (self, removal->account_id, _ ("Account removed and its key revoked"));
      removal_free (removal);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      removal_free (removal);
      return;
    }

  /* Offline, or a key without the right to log out: the person decides. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("The Key Could Not Be Revoked"), NULL);
  /* Translators: %s is the account's name, then the error as OVHcloud or the network said it */
  adw_message_dialog_format_body (
      ADW_MESSAGE_DIALOG (dialog),
      _ ("OVHcloud did not revoke the key of “%s”: %s\n\nRemove the account from this computer "
         "anyway? Its key then keeps working until it expires or you revoke it in the OVHcloud "
         "Control Panel."),
      removal->name, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Keep Account"),
                                    "remove", _ ("_Remove Anyway"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (removal->account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_anyway_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  removal_free (removal);
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, DomaineAccountsDialog *self)
{
  const char *account_id = g_object_get_data (G_OBJECT (dialog), "account-id");
  OvhAccount *account = find_account (self, account_id, NULL);
  AccountInfo *info = g_hash_table_lookup (self->infos, account_id);
  g_autoptr (OvhClient) client = NULL;
  Removal *removal;

  if (!g_str_equal (response, "remove") || account == NULL)
    return;

  /* A key OVHcloud no longer accepts has nothing left to revoke. */
  if (info != NULL && info->status == DOMAINE_KEY_STATUS_NEEDS_SIGN_IN)
    {
      forget (self, account_id, _ ("Account removed"));
      return;
    }

  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->account_id = g_strdup (account_id);
  removal->name = ovh_account_dup_display_name (account);
  client = ovh_account_create_client (account);
  ovh_client_set_timeout (client, 15);
  ovh_credential_logout_async (client, self->cancellable, logged_out_cb, removal);
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (widget);
  const char *account_id = g_variant_get_string (parameter, NULL);
  OvhAccount *account = find_account (self, account_id, NULL);
  AccountInfo *info = g_hash_table_lookup (self->infos, account_id);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (account == NULL)
    return;

  name = ovh_account_dup_display_name (account);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: %s is the account's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _ ("Remove “%s”?"), name);
  adw_message_dialog_set_body (
      ADW_MESSAGE_DIALOG (dialog),
      info != NULL && info->status == DOMAINE_KEY_STATUS_NEEDS_SIGN_IN
          ? _ ("Its key no longer works at OVHcloud. The account and its secrets are deleted "
               "from this computer. Your OVHcloud account and domains are not affected.")
          : _ ("Its key is revoked at OVHcloud first, then the account and its secrets are "
               "deleted from this computer. Your OVHcloud account and domains are not "
               "affected."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "remove",
                                    _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The object ------------------------------------------------------------------------------------
 */

DomaineKeyStatus
domaine_accounts_dialog_get_key_status (DomaineAccountsDialog *self, const char *account_id)
{
  AccountInfo *info;

  g_return_val_if_fail (DOMAINE_IS_ACCOUNTS_DIALOG (self), DOMAINE_KEY_STATUS_UNKNOWN);

  info = g_hash_table_lookup (self->infos, account_id);
  return info != NULL ? info->status : DOMAINE_KEY_STATUS_UNKNOWN;
}

gboolean
domaine_accounts_dialog_get_checking (DomaineAccountsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNTS_DIALOG (self), FALSE);

  return self->n_checking > 0;
}

GtkWidget *
domaine_accounts_dialog_get_row (DomaineAccountsDialog *self, const char *account_id)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNTS_DIALOG (self), NULL);

  return g_hash_table_lookup (self->rows, account_id);
}

static void
domaine_accounts_dialog_set_accounts (DomaineAccountsDialog *self, GListModel *accounts)
{
  g_return_if_fail (accounts == NULL || G_IS_LIST_MODEL (accounts));

  if (accounts == NULL)
    return;
  self->accounts = g_object_ref (accounts);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild_rows (self);
}

static void
domaine_accounts_dialog_dispose (GObject *object)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_ACCOUNTS_DIALOG);

  G_OBJECT_CLASS (domaine_accounts_dialog_parent_class)->dispose (object);
}

static void
domaine_accounts_dialog_finalize (GObject *object)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (object);

  g_clear_object (&self->accounts);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->infos, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->focus_account_id, g_free);

  G_OBJECT_CLASS (domaine_accounts_dialog_parent_class)->finalize (object);
}

static void
domaine_accounts_dialog_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->n_checking > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_accounts_dialog_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  DomaineAccountsDialog *self = DOMAINE_ACCOUNTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      domaine_accounts_dialog_set_accounts (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_accounts_dialog_class_init (DomaineAccountsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_accounts_dialog_dispose;
  object_class->finalize = domaine_accounts_dialog_finalize;
  object_class->get_property = domaine_accounts_dialog_get_property;
  object_class->set_property = domaine_accounts_dialog_set_property;

  properties[PROP_ACCOUNTS]
      = g_param_spec_object ("accounts", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING]
      = g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/account/domaine-accounts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountsDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountsDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountsDialog, empty_page);

  gtk_widget_class_install_action (widget_class, "accounts.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "accounts.move-up", "s", move_action);
  gtk_widget_class_install_action (widget_class, "accounts.move-down", "s", move_action);
  gtk_widget_class_install_action (widget_class, "accounts.sign-in", "s", sign_in_action);
  gtk_widget_class_install_action (widget_class, "accounts.remove", "s", remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_accounts_dialog_init (DomaineAccountsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->infos
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) account_info_free);
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

DomaineAccountsDialog *
domaine_accounts_dialog_new (GtkWindow *parent, GListModel *accounts)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), NULL);

  return g_object_new (DOMAINE_TYPE_ACCOUNTS_DIALOG, "transient-for", parent, "application",
                       parent != NULL ? gtk_window_get_application (parent) : NULL, "accounts",
                       accounts, NULL);
}
