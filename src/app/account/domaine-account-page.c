/* domaine-account-page.c: the account's details: who, where, billing, keys, sign out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here comes from libovh models: /me through the session (kept live with
 * notify::me), the current credential and the account's other keys through
 * ovh-credential. Errors of these calls go to the session, so that an expired key or a
 * missing right shows once, in the banner. Signing out and renaming concern the application's
 * accounts: the page asks for them with app.sign-out and app.rename-account.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-error.h"

#include "domaine-account-page-private.h"
#include "domaine-format.h"
#include "domaine-iso-names.h"
#include "domaine-session-banner.h"

struct _DomaineAccountPage
{
  GtkWidget parent_instance;

  DomaineSession *session;
  GSignalGroup *session_signals;
  GCancellable *cancellable;
  OvhCredential *credential;
  GListStore *other_keys;
  guint pending_loads;
  gboolean folded;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkStack *reload_stack;
  GtkSpinner *reload_spinner;
  DomaineSessionBanner *banner;
  AdwActionRow *name_row;
  AdwActionRow *nichandle_row;
  AdwActionRow *email_row;
  AdwActionRow *organisation_row;
  AdwActionRow *endpoint_row;
  AdwEntryRow *label_row;
  AdwActionRow *country_row;
  AdwActionRow *language_row;
  AdwActionRow *currency_row;
  AdwActionRow *customer_code_row;
  AdwPreferencesGroup *credential_group;
  AdwActionRow *status_row;
  AdwActionRow *created_row;
  AdwActionRow *expires_row;
  AdwActionRow *last_used_row;
  AdwExpanderRow *rules_row;
  GPtrArray *rule_rows;
  AdwPreferencesGroup *keys_group;
  GtkListBox *keys_list;
  GtkLabel *keys_placeholder;
};

G_DEFINE_FINAL_TYPE (DomaineAccountPage, domaine_account_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_FOLDED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (DomaineAccountPage *self, const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
set_property_row (AdwActionRow *row, const char *value)
{
  /* Rows OVH has nothing for are left out rather than shown empty. */
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static const char *
describe_status (OvhCredentialStatus status)
{
  switch (status)
    {
    case OVH_CREDENTIAL_STATUS_VALIDATED:
      return _ ("Active");
    case OVH_CREDENTIAL_STATUS_PENDING_VALIDATION:
      return _ ("Waiting for approval");
    case OVH_CREDENTIAL_STATUS_REFUSED:
      return _ ("Refused");
    case OVH_CREDENTIAL_STATUS_EXPIRED:
      return _ ("Expired");
    case OVH_CREDENTIAL_STATUS_CANCELLED:
    case OVH_CREDENTIAL_STATUS_UNKNOWN:
    default:
      return _ ("Unknown");
    }
}

static void
set_loading (DomaineAccountPage *self, gboolean started)
{
  gboolean was_loading = self->pending_loads > 0;

  if (started)
    self->pending_loads++;
  else if (self->pending_loads > 0)
    self->pending_loads--;

  gtk_stack_set_visible_child_name (self->reload_stack,
                                    self->pending_loads > 0 ? "spinner" : "button");
  gtk_spinner_set_spinning (self->reload_spinner, self->pending_loads > 0);
  if (was_loading != (self->pending_loads > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Identity, location, billing: /me, live */

static void
update_account (DomaineAccountPage *self)
{
  OvhAccount *account;
  const OvhEndpoint *endpoint;
  g_autofree char *name = NULL;
  g_autofree char *base_url = NULL;

  if (self->session == NULL)
    return;

  account = domaine_session_get_account (self->session);
  name = ovh_account_dup_display_name (account);
  endpoint = ovh_account_get_known_endpoint (account);
  base_url = ovh_account_dup_base_url (account);

  adw_window_title_set_subtitle (self->window_title, name);
  if (endpoint != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->endpoint_row),
                                   ovh_endpoint_get_display_name (endpoint));
  else if (ovh_account_is_sandbox (account))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->endpoint_row),
                                   _ ("Sandbox on this computer"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->endpoint_row), _ ("Endpoint"));
  adw_action_row_set_subtitle (self->endpoint_row, base_url);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->label_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), ovh_account_get_label (account) != NULL
                                                               ? ovh_account_get_label (account)
                                                               : "");
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
update_me (DomaineAccountPage *self)
{
  OvhMe *me = self->session != NULL ? domaine_session_get_me (self->session) : NULL;
  g_autofree char *country = NULL;
  g_autofree char *language = NULL;
  g_autofree char *currency_name = NULL;
  g_autofree char *currency = NULL;
  const char *symbol;

  if (me == NULL)
    {
      set_property_row (self->name_row, NULL);
      set_property_row (self->nichandle_row, NULL);
      set_property_row (self->email_row, NULL);
      set_property_row (self->organisation_row, NULL);
      set_property_row (self->country_row, NULL);
      set_property_row (self->language_row, NULL);
      set_property_row (self->currency_row, NULL);
      set_property_row (self->customer_code_row, NULL);
      return;
    }

  set_property_row (self->name_row, ovh_me_get_display_name (me));
  set_property_row (self->nichandle_row, ovh_me_get_nichandle (me));
  set_property_row (self->email_row, ovh_me_get_email (me));
  set_property_row (self->organisation_row, ovh_me_get_organisation (me));
  country = domaine_iso_dup_country_name (ovh_me_get_country (me));
  language = domaine_iso_dup_language_name (ovh_me_get_language (me));
  currency_name = domaine_iso_dup_currency_name (ovh_me_get_currency_code (me));
  set_property_row (self->country_row, country);
  set_property_row (self->language_row, language);
  symbol = ovh_me_get_currency_symbol (me);
  /* A sign ("€") says something the name does not; a word ("EURO") does not. */
  if (currency_name != NULL && symbol != NULL && !has_letters (symbol))
    /* Translators: a currency, as in "Euro (€)". */
    currency = g_strdup_printf (_ ("%s (%s)"), currency_name, symbol);
  else
    currency = g_strdup (currency_name);
  set_property_row (self->currency_row, currency);
  set_property_row (self->customer_code_row, ovh_me_get_customer_code (me));
  update_account (self);
}

/* Domaine's own key */

static void
clear_rule_rows (DomaineAccountPage *self)
{
  for (guint i = 0; i < self->rule_rows->len; i++)
    adw_expander_row_remove (self->rules_row, g_ptr_array_index (self->rule_rows, i));
  g_ptr_array_set_size (self->rule_rows, 0);
}

static gboolean
can_revoke (DomaineAccountPage *self)
{
  return self->credential != NULL
         && ovh_credential_allows (self->credential, "DELETE", "/me/api/credential/0");
}

static void
update_credential (DomaineAccountPage *self, const GError *error)
{
  g_autofree char *created = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *last_used = NULL;
  g_autofree char *n_rules = NULL;
  GPtrArray *rules;

  clear_rule_rows (self);
  if (self->credential == NULL)
    {
      g_autofree char *message = error != NULL ? ovh_error_dup_display_message (error) : NULL;

      adw_preferences_group_set_description (self->credential_group, message);
      set_property_row (self->status_row, NULL);
      set_property_row (self->created_row, NULL);
      set_property_row (self->expires_row, NULL);
      set_property_row (self->last_used_row, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->rules_row), FALSE);
      return;
    }

  adw_preferences_group_set_description (self->credential_group, NULL);
  created = domaine_format_date (ovh_credential_get_creation (self->credential));
  expires = domaine_format_date (ovh_credential_get_expiration (self->credential));
  last_used = domaine_format_date (ovh_credential_get_last_use (self->credential));
  set_property_row (self->status_row,
                    describe_status (ovh_credential_get_status (self->credential)));
  set_property_row (self->created_row, created);
  set_property_row (self->expires_row, expires != NULL ? expires : _ ("Never"));
  set_property_row (self->last_used_row, last_used);

  rules = ovh_credential_get_rules (self->credential);
  n_rules = g_strdup_printf (ngettext ("%u rule", "%u rules", rules != NULL ? rules->len : 0),
                             rules != NULL ? rules->len : 0);
  adw_expander_row_set_subtitle (self->rules_row, n_rules);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_row), TRUE);
  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      OvhAccessRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *text = g_strdup_printf ("%s %s", rule->method, rule->path);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_widget_add_css_class (row, "monospace");
      adw_expander_row_add_row (self->rules_row, row);
      g_ptr_array_add (self->rule_rows, row);
    }
}

/* The other keys */

static GtkWidget *
create_key_row (gpointer item, gpointer user_data)
{
  DomaineAccountPage *self = user_data;
  OvhCredential *credential = item;
  GtkWidget *row = adw_action_row_new ();
  const char *application = ovh_credential_get_application_name (credential);
  g_autofree char *expires = domaine_format_date (ovh_credential_get_expiration (credential));
  g_autofree char *subtitle = NULL;
  g_autofree char *expiry = NULL;

  if (expires != NULL)
    /* Translators: "expires 3 March 2027". */
    expiry = g_strdup_printf (_ ("expires %s"), expires);
  else
    expiry = g_strdup (_ ("never expires"));
  /* Translators: a key's status and expiry, as in "Active · expires 3 March 2027". */
  subtitle = g_strdup_printf (_ ("%s · %s"),
                              describe_status (ovh_credential_get_status (credential)), expiry);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 application != NULL ? application : _ ("Unknown application"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (can_revoke (self))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Revoke…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "account.revoke");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        ovh_credential_get_id (credential));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
update_keys_list (DomaineAccountPage *self)
{
  /* Rebinding rebuilds the rows: whether Revoke shows depends on Domaine's own key. */
  gtk_list_box_bind_model (self->keys_list, G_LIST_MODEL (self->other_keys), create_key_row, self,
                           NULL);
  if (self->credential != NULL && !can_revoke (self))
    adw_preferences_group_set_description (
        self->keys_group, _ ("Other applications that can use this account. To revoke them "
                             "here, sign in again with full access."));
  else
    adw_preferences_group_set_description (
        self->keys_group,
        _ ("Other applications that can use this account. Revoke a key you no longer use."));
}

static void
keys_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) keys = ovh_credential_list_finish (result, &error);
  g_autoptr (GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);

  if (keys == NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (error);

      gtk_label_set_label (self->keys_placeholder, message);
      g_list_store_remove_all (self->other_keys);
      domaine_session_report_error (self->session, error);
      return;
    }

  gtk_label_set_label (self->keys_placeholder, _ ("No other keys"));
  for (guint i = 0; i < g_list_model_get_n_items (keys); i++)
    {
      g_autoptr (OvhCredential) key = g_list_model_get_item (keys, i);

      /* Domaine's own key has its group above. */
      if (self->credential != NULL
          && ovh_credential_get_id (key) == ovh_credential_get_id (self->credential))
        continue;
      g_ptr_array_add (others, g_steal_pointer (&key));
    }
  g_list_store_splice (self->other_keys, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->other_keys)), others->pdata,
                       others->len);
  update_keys_list (self);
}

static void
credential_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = ovh_credential_fetch_current_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_set_object (&self->credential, credential);
  update_credential (self, error);
  if (error != NULL)
    domaine_session_report_error (self->session, error);

  /* The list needs our own id to leave it out. */
  ovh_credential_list_async (domaine_session_get_client (self->session), self->cancellable,
                             keys_loaded_cb, g_object_ref (self));
}

void
domaine_account_page_reload (DomaineAccountPage *self)
{
  g_return_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self));

  if (self->session == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending_loads = 0;
  set_loading (self, TRUE);

  ovh_credential_fetch_current_async (domaine_session_get_client (self->session), self->cancellable,
                                      credential_loaded_cb, g_object_ref (self));
}

/* Actions */

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (widget);

  domaine_session_reload (self->session);
  domaine_account_page_reload (self);
}

static void
sign_out_response_cb (AdwMessageDialog *dialog, const char *response, DomaineAccountPage *self)
{
  OvhAccount *account;

  if (!g_str_equal (response, "sign-out") || self->session == NULL)
    return;

  /* The application signs out (it outlives the page, which goes with the account). */
  account = domaine_session_get_account (self->session);
  if (gtk_widget_activate_action (GTK_WIDGET (self), "app.sign-out", "s",
                                  ovh_account_get_id (account)))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.sign-out", FALSE);
}

static void
sign_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  name = ovh_account_dup_display_name (domaine_session_get_account (self->session));
  /* Translators: %s is the account, e.g. "al1234-ovh". */
  heading = g_strdup_printf (_ ("Sign Out of %s?"), name);
  dialog = adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
      _ ("Domaine’s key for this account is revoked at OVHcloud and removed from this "
         "computer. Your domains and DNS zones are not changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                    "sign-out", _ ("_Sign Out"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
key_revoked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_credential_revoke_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = ovh_error_dup_display_message (error);
      add_toast (self, message);
      domaine_session_report_error (self->session, error);
      return;
    }

  add_toast (self, _ ("Key revoked"));
  domaine_account_page_reload (self);
}

static void
revoke_response_cb (AdwMessageDialog *dialog, const char *response, DomaineAccountPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "credential-id");

  if (!g_str_equal (response, "revoke") || self->session == NULL)
    return;
  ovh_credential_revoke_async (domaine_session_get_client (self->session), id, self->cancellable,
                               key_revoked_cb, g_object_ref (self));
}

static OvhCredential *
find_other_key (DomaineAccountPage *self, gint64 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->other_keys)); i++)
    {
      g_autoptr (OvhCredential) key = g_list_model_get_item (G_LIST_MODEL (self->other_keys), i);

      if (ovh_credential_get_id (key) == id)
        return key; /* the store keeps it */
    }
  return NULL;
}

static void
revoke_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gint64 id = g_variant_get_int64 (parameter);
  OvhCredential *key = find_other_key (self, id);
  const char *application;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (key == NULL)
    return;
  application = ovh_credential_get_application_name (key);
  /* Translators: %s is an application's name. */
  body = g_strdup_printf (_ ("“%s” will no longer be able to use this account."),
                          application != NULL ? application : _ ("Unknown application"));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ ("Revoke This Key?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "revoke",
                                    _ ("_Revoke"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "credential-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (revoke_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The label: the only thing edited here, kept in the keyring. */

static void
label_applied_cb (DomaineAccountPage *self)
{
  OvhAccount *account;

  if (self->session == NULL)
    return;

  account = domaine_session_get_account (self->session);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.rename-account", "(ss)",
                              ovh_account_get_id (account),
                              gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
  update_account (self);
}

/* GObject */

static void
domaine_account_page_set_session (DomaineAccountPage *self, DomaineSession *session)
{
  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  domaine_session_banner_set_session (self->banner, session);
  update_account (self);
  update_me (self);
  domaine_account_page_reload (self);
}

static void
domaine_account_page_dispose (GObject *object)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_ACCOUNT_PAGE);
  /* The header bar and the preferences page are not bound: unparent them too. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (domaine_account_page_parent_class)->dispose (object);
}

static void
domaine_account_page_finalize (GObject *object)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->credential);
  g_clear_object (&self->other_keys);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (domaine_account_page_parent_class)->finalize (object);
}

static void
domaine_account_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->pending_loads > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_account_page_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  DomaineAccountPage *self = DOMAINE_ACCOUNT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      domaine_account_page_set_session (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      domaine_account_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_account_page_class_init (DomaineAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_account_page_dispose;
  object_class->finalize = domaine_account_page_finalize;
  object_class->get_property = domaine_account_page_get_property;
  object_class->set_property = domaine_account_page_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED]
      = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING]
      = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_SESSION_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/account/domaine-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, reload_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, reload_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, banner);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, nichandle_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, customer_code_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, credential_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, expires_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, last_used_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, rules_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, keys_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, keys_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountPage, keys_placeholder);

  gtk_widget_class_install_action (widget_class, "account.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "account.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "account.revoke", "x", revoke_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "account.reload",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "account.reload", NULL);
}

static void
domaine_account_page_init (DomaineAccountPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->other_keys = g_list_store_new (OVH_TYPE_CREDENTIAL);
  self->rule_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  update_keys_list (self);

  self->session_signals = g_signal_group_new (DOMAINE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::me", G_CALLBACK (update_me),
                                  self);

  g_signal_connect_object (self->label_row, "apply", G_CALLBACK (label_applied_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
domaine_account_page_new (DomaineSession *session)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (session), NULL);

  return g_object_new (DOMAINE_TYPE_ACCOUNT_PAGE, "session", session, NULL);
}

DomaineSession *
domaine_account_page_get_session (DomaineAccountPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self), NULL);
  return self->session;
}

gboolean
domaine_account_page_get_folded (DomaineAccountPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self), FALSE);
  return self->folded;
}

void
domaine_account_page_set_folded (DomaineAccountPage *self, gboolean folded)
{
  g_return_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

gboolean
domaine_account_page_get_loading (DomaineAccountPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self), FALSE);
  return self->pending_loads > 0;
}

OvhCredential *
domaine_account_page_get_credential (DomaineAccountPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self), NULL);
  return self->credential;
}

GListModel *
domaine_account_page_get_other_keys (DomaineAccountPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_PAGE (self), NULL);
  return G_LIST_MODEL (self->other_keys);
}
