/* domaine-window.c: the main window: welcome, keyring state, or an account's sidebar + page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Domaine"

#include "config.h"

#include <glib/gi18n.h>

#include "domaine-domain-page.h"
#include "domaine-session-banner.h"
#include "domaine-sidebar.h"
#include "domaine-window-private.h"

G_DEFINE_FINAL_TYPE (DomaineWindow, domaine_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_FOLDED,
  PROP_ACCOUNTS,
  PROP_ACCOUNTS_STATE,
  PROP_ACCOUNTS_ERROR,
  PROP_SANDBOX_AVAILABLE,
  PROP_ACCOUNT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static OvhAccount *
domaine_window_find_account (DomaineWindow *self, const char *account_id)
{
  guint n;

  if (self->accounts == NULL || account_id == NULL)
    return NULL;
  n = g_list_model_get_n_items (self->accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (self->accounts, i);

      if (g_str_equal (ovh_account_get_id (account), account_id))
        return account; /* the model keeps it alive */
    }
  return NULL;
}

static void
domaine_window_update_session_status (DomaineWindow *self)
{
  DomaineSessionState state;
  const GError *error;
  OvhAccount *account;
  g_autofree char *name = NULL;
  const char *title = NULL;
  const char *description = NULL;
  const char *icon = NULL;
  gboolean busy = FALSE;
  gboolean retry = FALSE;

  if (self->session == NULL)
    return;

  state = domaine_session_get_state (self->session);
  error = domaine_session_get_error (self->session);
  account = domaine_session_get_account (self->session);
  name = ovh_account_dup_display_name (account);

  switch (state)
    {
    case DOMAINE_SESSION_STATE_IDLE:
    case DOMAINE_SESSION_STATE_LOADING:
      title = _ ("Loading Account…");
      busy = TRUE;
      break;
    case DOMAINE_SESSION_STATE_READY:
      icon = "io.github.domaine.Domaine-symbolic";
      title = name;
      description = _ ("Choose a domain in the sidebar to see its DNS records.");
      break;
    case DOMAINE_SESSION_STATE_OFFLINE:
      icon = "network-offline-symbolic";
      title = domaine_session_get_connection_problem (self->session)
                      == DOMAINE_CONNECTION_PROBLEM_MALFORMED
                  ? _ ("Unreadable Answer")
                  : _ ("Cannot Reach OVHcloud");
      description = error != NULL ? error->message : NULL;
      /* The banner above offers Retry: one place, one button. */
      retry = FALSE;
      break;
    case DOMAINE_SESSION_STATE_NEEDS_SIGN_IN:
      icon = "dialog-password-symbolic";
      title = _ ("Sign In Again");
      description = _ ("The key Domaine uses for this account is no longer valid. Your "
                       "unpublished changes are kept.");
      break;
    case DOMAINE_SESSION_STATE_FAILED:
    default:
      icon = "dialog-error-symbolic";
      title = _ ("Could Not Load the Account");
      description = error != NULL ? error->message : NULL;
      retry = TRUE;
      break;
    }

  adw_status_page_set_icon_name (self->session_status_page, icon);
  adw_status_page_set_title (self->session_status_page, title);
  adw_status_page_set_description (self->session_status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->session_spinner), busy);
  gtk_spinner_set_spinning (self->session_spinner, busy);
  gtk_widget_set_visible (self->session_retry_button, retry);
}

static void
domaine_window_update_account_button (DomaineWindow *self)
{
  OvhAccount *account;
  g_autofree char *name = NULL;
  const OvhEndpoint *endpoint;

  if (self->session == NULL)
    return;

  account = domaine_session_get_account (self->session);
  name = ovh_account_dup_display_name (account);
  endpoint = ovh_account_get_known_endpoint (account);

  gtk_label_set_label (self->account_title_label, name);
  if (endpoint != NULL)
    gtk_label_set_label (self->account_subtitle_label, ovh_endpoint_get_display_name (endpoint));
  else if (ovh_account_is_sandbox (account))
    /* The account is already called "Sandbox": say whose it is once /me told us. */
    gtk_label_set_label (self->account_subtitle_label, ovh_account_get_nichandle (account) != NULL
                                                           ? ovh_account_get_nichandle (account)
                                                           : _ ("Sandbox"));
  else
    gtk_label_set_label (self->account_subtitle_label, ovh_account_get_endpoint (account));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
domaine_window_rebuild_accounts_menu (DomaineWindow *self)
{
  GListModel *accounts = self->accounts;
  guint n;

  g_menu_remove_all (self->accounts_section);
  if (accounts == NULL)
    return;

  n = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *name = ovh_account_dup_display_name (account);
      g_autoptr (GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.select-account", "s",
                                         ovh_account_get_id (account));
      g_menu_append_item (self->accounts_section, item);
    }
}

/* Leaving "Opening the Keyring…" needs no crossfade: that page is a wait, and fading it out
 * only paints the whole window a dozen more times before the account shows. */
static void
domaine_window_show_main_page (DomaineWindow *self, const char *name)
{
  const char *current = gtk_stack_get_visible_child_name (self->main_stack);

  gtk_stack_set_visible_child_full (self->main_stack, name,
                                    g_strcmp0 (current, "keyring") == 0
                                        ? GTK_STACK_TRANSITION_TYPE_NONE
                                        : gtk_stack_get_transition_type (self->main_stack));
}

/* Said once a window: with G_MESSAGES_DEBUG=Domaine, how long the window took to be of use
 * (tests/bench-startup.c reads this line). */
static void
first_domains_painted_cb (GdkFrameClock *clock, DomaineWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_domains_painted_cb, self);
  g_debug ("First frame with the account's domains: %.0f ms after the window was created",
           (g_get_monotonic_time () - self->created_us) / 1000.0);
}

static void
first_domains_realized_cb (DomaineWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, first_domains_realized_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_domains_painted_cb), self, 0);
}

static void
domains_changed_cb (DomaineWindow *self)
{
  GListModel *domains = g_signal_group_dup_target (self->domains_signals);

  if (domains == NULL)
    return;
  if (!self->domains_shown && g_list_model_get_n_items (domains) > 0)
    {
      /* The sidebar switched to its list in this same emission: the next frame shows it. */
      self->domains_shown = TRUE;
      g_signal_group_set_target (self->domains_signals, NULL);
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        first_domains_realized_cb (self);
      else
        g_signal_connect (self, "realize", G_CALLBACK (first_domains_realized_cb), NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_object_unref (domains);
}

/* Lets go of the domain's loads before its page goes (its pending changes stay saved). */
static void
domaine_window_release_domain_page (DomaineWindow *self)
{
  GtkWidget *domain_page = domaine_window_get_page (self, "domain");

  if (DOMAINE_IS_DOMAIN_PAGE (domain_page))
    domaine_domain_page_set_domain (DOMAINE_DOMAIN_PAGE (domain_page), NULL);
}

void
domaine_window_set_session (DomaineWindow *self, DomaineSession *session)
{
  GtkWidget *child;

  g_return_if_fail (DOMAINE_IS_WINDOW (self));
  g_return_if_fail (session == NULL || DOMAINE_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    domaine_session_close (self->session);
  domaine_window_release_domain_page (self);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  if (!self->domains_shown)
    g_signal_group_set_target (self->domains_signals,
                               session != NULL ? domaine_session_get_domains (session) : NULL);
  g_clear_object (&self->expiry_watch);
  if (session != NULL)
    {
      self->expiry_watch = domaine_expiry_watch_new (session);
      g_signal_connect_swapped (self->expiry_watch, "expiring",
                                G_CALLBACK (domaine_window_domain_expiring), self);
    }
  domaine_session_banner_set_session (self->status_banner, session);

  /* Pages belong to one account: drop them all but the status page. */
  {
    GtkWidget *status = gtk_stack_get_child_by_name (self->content_stack, "status");
    g_autoptr (GPtrArray) stale = g_ptr_array_new ();

    for (child = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (child != status)
        g_ptr_array_add (stale, child);
    for (guint i = 0; i < stale->len; i++)
      gtk_stack_remove (self->content_stack, g_ptr_array_index (stale, i));
  }
  gtk_stack_set_visible_child_name (self->content_stack, "status");

  if (session != NULL)
    {
      OvhAccount *account = domaine_session_get_account (session);

      g_settings_set_string (self->settings, "last-account", ovh_account_get_id (account));
      domaine_window_update_account_button (self);
      domaine_window_update_session_status (self);
      domaine_session_reload (session);
      domaine_window_show_main_page (self, "session");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

gboolean
domaine_window_select_account (DomaineWindow *self, const char *account_id)
{
  OvhAccount *account;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (DomaineSession) session = NULL;

  g_return_val_if_fail (DOMAINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (account_id != NULL, FALSE);

  if (self->session != NULL
      && g_strcmp0 (ovh_account_get_id (domaine_session_get_account (self->session)), account_id)
             == 0)
    return TRUE;

  account = domaine_window_find_account (self, account_id);
  if (account == NULL)
    return FALSE;

  client = ovh_account_create_client (account);
  session = domaine_session_new (account, client);
  domaine_window_set_session (self, session);
  return TRUE;
}

/* What the window shows follows the accounts: loading, failed, none, or one open. */
static void
domaine_window_update_main_page (DomaineWindow *self)
{
  GListModel *accounts = self->accounts;
  DomaineAccountsState state = self->accounts_state;
  guint n_accounts;

  if (accounts == NULL)
    return;

  if (state == DOMAINE_ACCOUNTS_LOADING && self->session == NULL)
    {
      adw_status_page_set_title (self->keyring_page, _ ("Opening the Keyring…"));
      adw_status_page_set_description (self->keyring_page, NULL);
      gtk_widget_set_visible (self->keyring_retry_button, FALSE);
      domaine_window_show_main_page (self, "keyring");
      return;
    }
  n_accounts = g_list_model_get_n_items (accounts);
  /* Without the keyring, the accounts kept in memory (the sandbox) still open; the saved
   * ones are missing, and a toast says why. */
  if (state == DOMAINE_ACCOUNTS_FAILED && n_accounts > 0 && !self->keyring_failure_shown)
    {
      AdwToast *toast = adw_toast_new (_ ("Saved accounts are not shown: the keyring cannot be "
                                          "opened"));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      self->keyring_failure_shown = TRUE;
    }
  if (state == DOMAINE_ACCOUNTS_FAILED && n_accounts == 0)
    {
      domaine_window_set_session (self, NULL);
      adw_status_page_set_title (self->keyring_page, _ ("Cannot Open the Keyring"));
      adw_status_page_set_description (self->keyring_page, self->accounts_error);
      gtk_widget_set_visible (self->keyring_retry_button, TRUE);
      domaine_window_show_main_page (self, "keyring");
      return;
    }

  if (n_accounts == 0)
    {
      domaine_window_set_session (self, NULL);
      domaine_window_show_main_page (self, "welcome");
      return;
    }

  /* The open account was removed (signed out): fall back to another one. */
  if (self->session != NULL
      && domaine_window_find_account (
             self, ovh_account_get_id (domaine_session_get_account (self->session)))
             == NULL)
    domaine_window_set_session (self, NULL);

  if (self->session == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-account");

      if (!domaine_window_select_account (self, last))
        {
          g_autoptr (OvhAccount) first = g_list_model_get_item (accounts, 0);
          domaine_window_select_account (self, ovh_account_get_id (first));
        }
    }
  domaine_window_show_main_page (self, "session");
}

static void
accounts_changed_cb (DomaineWindow *self)
{
  domaine_window_rebuild_accounts_menu (self);
  domaine_window_update_main_page (self);
  domaine_window_update_account_button (self);
}

static void
session_state_changed_cb (DomaineWindow *self)
{
  domaine_window_update_session_status (self);
  domaine_window_update_account_button (self);
}

static void
domaine_window_save_size (DomaineWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
domaine_window_close_request (GtkWindow *window)
{
  GtkWidget *domain_page = domaine_window_get_page (DOMAINE_WINDOW (window), "domain");

  /* Unpublished changes: the page asks "Publish, Discard or Cancel" and closes us itself. */
  if (DOMAINE_IS_DOMAIN_PAGE (domain_page)
      && domaine_domain_page_confirm_close (DOMAINE_DOMAIN_PAGE (domain_page), window))
    return TRUE;

  domaine_window_save_size (DOMAINE_WINDOW (window));

  return GTK_WINDOW_CLASS (domaine_window_parent_class)->close_request (window);
}

static void
leaflet_folded_cb (DomaineWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
domaine_window_set_accounts (DomaineWindow *self, GListModel *accounts)
{
  if (!g_set_object (&self->accounts, accounts))
    return;
  g_signal_group_set_target (self->store_signals, accounts);
  accounts_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS]);
}

static void
domaine_window_set_accounts_state (DomaineWindow *self, int state)
{
  if (self->accounts_state == (DomaineAccountsState) state)
    return;
  self->accounts_state = state;
  accounts_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS_STATE]);
}

static void
domaine_window_set_accounts_error (DomaineWindow *self, const char *error)
{
  if (g_strcmp0 (self->accounts_error, error) == 0)
    return;
  g_free (self->accounts_error);
  self->accounts_error = g_strdup (error);
  accounts_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS_ERROR]);
}

static void
domaine_window_set_sandbox_available (DomaineWindow *self, gboolean available)
{
  available = !!available;
  if (self->sandbox_available == available)
    return;
  self->sandbox_available = available;
  gtk_widget_set_visible (self->try_sandbox_button, available);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX_AVAILABLE]);
}

static void
domaine_window_dispose (GObject *object)
{
  DomaineWindow *self = DOMAINE_WINDOW (object);

  g_signal_group_set_target (self->store_signals, NULL);
  g_signal_group_set_target (self->session_signals, NULL);
  g_signal_group_set_target (self->domains_signals, NULL);
  if (self->session != NULL)
    domaine_session_close (self->session);
  domaine_window_release_domain_page (self);
  g_clear_object (&self->expiry_watch);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_WINDOW);

  G_OBJECT_CLASS (domaine_window_parent_class)->dispose (object);
}

static void
domaine_window_finalize (GObject *object)
{
  DomaineWindow *self = DOMAINE_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->accounts_error, g_free);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->domains_signals);

  G_OBJECT_CLASS (domaine_window_parent_class)->finalize (object);
}

static void
domaine_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineWindow *self = DOMAINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, domaine_window_get_folded (self));
      break;
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;
    case PROP_ACCOUNTS_STATE:
      g_value_set_int (value, self->accounts_state);
      break;
    case PROP_ACCOUNTS_ERROR:
      g_value_set_string (value, self->accounts_error);
      break;
    case PROP_SANDBOX_AVAILABLE:
      g_value_set_boolean (value, self->sandbox_available);
      break;
    case PROP_ACCOUNT_ID:
      if (self->session != NULL)
        g_value_set_string (value,
                            ovh_account_get_id (domaine_session_get_account (self->session)));
      else
        g_value_set_string (value, "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  DomaineWindow *self = DOMAINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      domaine_window_set_accounts (self, g_value_get_object (value));
      break;
    case PROP_ACCOUNTS_STATE:
      domaine_window_set_accounts_state (self, g_value_get_int (value));
      break;
    case PROP_ACCOUNTS_ERROR:
      domaine_window_set_accounts_error (self, g_value_get_string (value));
      break;
    case PROP_SANDBOX_AVAILABLE:
      domaine_window_set_sandbox_available (self, g_value_get_boolean (value));
      break;
    case PROP_ACCOUNT_ID:
      if (g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
        domaine_window_select_account (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_window_class_init (DomaineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = domaine_window_dispose;
  object_class->finalize = domaine_window_finalize;
  object_class->get_property = domaine_window_get_property;
  object_class->set_property = domaine_window_set_property;
  window_class->close_request = domaine_window_close_request;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED]
      = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the window offers, set by the application: every account (OvhAccount), and how
   * loading the keyring went (a DomaineAccountsState, with the keyring's error). */
  properties[PROP_ACCOUNTS]
      = g_param_spec_object ("accounts", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNTS_STATE]
      = g_param_spec_int ("accounts-state", NULL, NULL, DOMAINE_ACCOUNTS_LOADING,
                          DOMAINE_ACCOUNTS_FAILED, DOMAINE_ACCOUNTS_LOADING,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNTS_ERROR]
      = g_param_spec_string ("accounts-error", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether "Try the Sandbox" can work: the application found the sandbox program. */
  properties[PROP_SANDBOX_AVAILABLE]
      = g_param_spec_boolean ("sandbox-available", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The open account's id ("" when none): the state of win.select-account, so that the
   * accounts menu marks it. Setting an id the window does not know changes nothing. */
  properties[PROP_ACCOUNT_ID]
      = g_param_spec_string ("account-id", NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_SESSION_BANNER);
  g_type_ensure (DOMAINE_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/domaine-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, try_sandbox_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, keyring_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, keyring_retry_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, sidebar_slot);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, account_title_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, account_subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, status_banner);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, session_status_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, session_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, session_retry_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, accounts_section);

  domaine_window_class_add_actions (widget_class);
}

static void
domaine_window_init (DomaineWindow *self)
{
  self->created_us = g_get_monotonic_time ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->session_signals = g_signal_group_new (DOMAINE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (session_state_changed_cb), self);

  /* The keyring's accounts and the in-memory ones (sandbox), as one list. */
  self->store_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->store_signals, "items-changed",
                                  G_CALLBACK (accounts_changed_cb), self);

  self->domains_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->domains_signals, "items-changed",
                                  G_CALLBACK (domains_changed_cb), self);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_folded_cb), self,
                           G_CONNECT_SWAPPED);
}

DomaineWindow *
domaine_window_new (GtkApplication *application)
{
  return g_object_new (DOMAINE_TYPE_WINDOW, "application", application, NULL);
}

void
domaine_window_add_toast (DomaineWindow *self, AdwToast *toast)
{
  g_return_if_fail (DOMAINE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

DomaineSession *
domaine_window_get_session (DomaineWindow *self)
{
  g_return_val_if_fail (DOMAINE_IS_WINDOW (self), NULL);
  return self->session;
}

gboolean
domaine_window_get_folded (DomaineWindow *self)
{
  g_return_val_if_fail (DOMAINE_IS_WINDOW (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

GtkWidget *
domaine_window_get_page (DomaineWindow *self, const char *name)
{
  g_return_val_if_fail (DOMAINE_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->content_stack, name);
}

void
domaine_window_show_page (DomaineWindow *self, const char *name, GtkWidget *page)
{
  GtkWidget *old;

  g_return_if_fail (DOMAINE_IS_WINDOW (self));
  g_return_if_fail (name != NULL && !g_str_equal (name, "status"));
  g_return_if_fail (GTK_IS_WIDGET (page));

  old = gtk_stack_get_child_by_name (self->content_stack, name);
  if (old != page)
    {
      if (old != NULL)
        gtk_stack_remove (self->content_stack, old);
      gtk_stack_add_named (self->content_stack, page, name);
    }
  gtk_stack_set_visible_child (self->content_stack, page);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

void
domaine_window_show_session_status (DomaineWindow *self)
{
  g_return_if_fail (DOMAINE_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->content_stack, "status");
}
