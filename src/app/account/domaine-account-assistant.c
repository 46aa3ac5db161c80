/* domaine-account-assistant.c: the Add Account dialog, and signing in again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short stack of pages over OvhSignIn, which does the talking: the endpoint, the application
 * keys and the rights are pages of their own; this window moves between them, starts the
 * sign-in and shows each of its states (working, the browser step, a failure, done). The
 * secrets only pass through entries, the sign-in and the store: they are never logged, shown
 * or written anywhere else.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-access-rules.h"
#include "ovh-endpoint.h"
#include "ovh-error.h"
#include "ovh-me.h"
#include "ovh-secret.h"

#include "domaine-access-page.h"
#include "domaine-account-assistant.h"
#include "domaine-endpoint-page.h"
#include "domaine-keys-page.h"

struct _DomaineAccountAssistant
{
  AdwWindow parent_instance;

  OvhAccountStore *store;
  OvhAccount *reauth_account; /* signing in again on this account; NULL for a new one */
  DomaineSession *session;    /* the open session on reauth_account, if any */
  OvhSignIn *sign_in;         /* the attempt under way, or the last one */
  gboolean session_updated;
  DomaineAccountAssistantState state;
  GCancellable *cancellable;
  char *query_id;
  guint wait_interval_ms;
  guint wait_timeout_seconds;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  DomaineEndpointPage *endpoint_page;
  DomaineKeysPage *keys_page;
  DomaineAccessPage *access_page;
  AdwStatusPage *working_page;
  GtkSpinner *working_spinner;
  GtkSpinner *waiting_spinner;
  AdwStatusPage *error_page;
  GtkWidget *copy_query_id_button;
  GtkWidget *open_browser_button;
  AdwStatusPage *done_page;
  GtkWidget *done_button;
};

G_DEFINE_FINAL_TYPE (DomaineAccountAssistant, domaine_account_assistant, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
domaine_account_assistant_state_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE, "DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE", "idle" },
    { DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY, "DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY", "busy" },
    { DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR, "DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR", "error" },
    { DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE, "DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE", "done" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DomaineAccountAssistantState", values));
  return type_id;
}

/* Pages and header */

static gboolean
is_input_page (const char *page)
{
  return g_str_equal (page, "endpoint") || g_str_equal (page, "application")
         || g_str_equal (page, "access");
}

static const char *
previous_page (DomaineAccountAssistant *self, const char *page)
{
  if (g_str_equal (page, "application"))
    return "endpoint";
  if (g_str_equal (page, "access"))
    return self->reauth_account != NULL ? NULL : "application";
  if (g_str_equal (page, "done") || g_str_equal (page, "endpoint"))
    return NULL;
  /* The browser step, the waits and the failures all go back to the choices. */
  return "access";
}

static gboolean
has_pasted_consumer_key (DomaineAccountAssistant *self)
{
  return self->reauth_account == NULL && domaine_keys_page_get_uses_consumer_key (self->keys_page);
}

static gboolean
can_go_next (DomaineAccountAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "endpoint"))
    return domaine_endpoint_page_get_endpoint (self->endpoint_page) != NULL;
  if (g_str_equal (page, "application"))
    return domaine_keys_page_get_complete (self->keys_page);
  if (g_str_equal (page, "access"))
    return TRUE;
  return FALSE;
}

static void
update_header (DomaineAccountAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  GtkStackPage *stack_page
      = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));
  gboolean input = is_input_page (page);
  gboolean done = g_str_equal (page, "done");

  adw_window_title_set_subtitle (self->window_title, gtk_stack_page_get_title (stack_page));
  gtk_widget_set_visible (self->next_button, input);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", input && can_go_next (self));
  gtk_widget_set_visible (self->back_button, previous_page (self, page) != NULL);
  gtk_widget_set_visible (self->cancel_button, !done);

  if (g_str_equal (page, "access"))
    gtk_button_set_label (GTK_BUTTON (self->next_button),
                          has_pasted_consumer_key (self) ? _ ("_Sign In") : _ ("_Next"));
  else
    gtk_button_set_label (GTK_BUTTON (self->next_button), _ ("_Next"));
}

static void
set_state (DomaineAccountAssistant *self, DomaineAccountAssistantState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
show_page (DomaineAccountAssistant *self, const char *page, DomaineAccountAssistantState state)
{
  gboolean waiting = g_str_equal (page, "authorize");
  gboolean working = g_str_equal (page, "working");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
  gtk_spinner_set_spinning (self->working_spinner, working);
  update_header (self);
  set_state (self, state);

  /* Keyboard users land on the first thing to do. */
  if (g_str_equal (page, "application"))
    gtk_widget_grab_focus (GTK_WIDGET (self->keys_page));
}

static void
show_working (DomaineAccountAssistant *self, const char *title)
{
  adw_status_page_set_title (self->working_page, title);
  show_page (self, "working", DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY);
}

static void
show_error (DomaineAccountAssistant *self, const char *title, const GError *error)
{
  /* OVH's own words; the query id has its own button. */
  const char *query_id = error->domain == OVH_ERROR ? ovh_error_get_query_id (error) : NULL;

  g_free (self->query_id);
  self->query_id = g_strdup (query_id);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_widget_set_visible (self->copy_query_id_button, query_id != NULL);
  show_page (self, "error", DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR);
}

static void
add_toast (DomaineAccountAssistant *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_done (DomaineAccountAssistant *self)
{
  OvhMe *me = ovh_sign_in_get_me (self->sign_in);
  g_autofree char *title = NULL;

  if (me != NULL)
    /* Translators: "Signed in as Ada Lovelace (al1234-ovh)". */
    title = g_strdup_printf (_ ("Signed in as %s (%s)"), ovh_me_get_display_name (me),
                             ovh_me_get_nichandle (me));
  else
    title = g_strdup (_ ("Signed In"));

  adw_status_page_set_title (self->done_page, title);
  adw_status_page_set_description (self->done_page,
                                   self->store != NULL
                                       ? _ ("The account is kept in your keyring.")
                                       : _ ("This account stays in memory until Domaine quits."));
  show_page (self, "done", DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE);
  gtk_widget_grab_focus (self->done_button);
}

/* Following the sign-in */

/* Stops whatever talks to OVHcloud: the request, the polling, /me, the keyring. */
static void
stop_operation (DomaineAccountAssistant *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static GCancellable *
start_operation (DomaineAccountAssistant *self)
{
  stop_operation (self);
  self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

/* The open session takes the new key at once: nothing the user was doing is lost. */
static void
update_session (DomaineAccountAssistant *self)
{
  OvhAccount *account = ovh_sign_in_get_account (self->sign_in);

  if (self->session_updated || self->reauth_account == NULL || self->session == NULL
      || domaine_session_get_account (self->session) != account)
    return;
  self->session_updated = TRUE;
  domaine_session_update_credentials (self->session, ovh_account_get_consumer_key (account));
}

static const char *
get_failure_title (OvhSignInState step)
{
  switch (step)
    {
    case OVH_SIGN_IN_STATE_REQUESTING:
      return _ ("Could Not Ask OVHcloud");
    case OVH_SIGN_IN_STATE_CHECKING_KEY:
      return _ ("This Consumer Key Does Not Work");
    case OVH_SIGN_IN_STATE_STORING:
      /* Everything typed stays in the pages; Try Again saves again with the same key. */
      return _ ("Could Not Save the Account");
    case OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION:
    case OVH_SIGN_IN_STATE_FETCHING_ACCOUNT:
    default:
      return _ ("Could Not Sign In");
    }
}

static void
sign_in_state_cb (OvhSignIn *sign_in, GParamSpec *pspec, DomaineAccountAssistant *self)
{
  switch (ovh_sign_in_get_state (sign_in))
    {
    case OVH_SIGN_IN_STATE_REQUESTING:
      show_working (self, _ ("Asking OVHcloud…"));
      break;
    case OVH_SIGN_IN_STATE_WAITING_FOR_VALIDATION:
      show_page (self, "authorize", DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY);
      gtk_widget_grab_focus (self->open_browser_button);
      break;
    case OVH_SIGN_IN_STATE_CHECKING_KEY:
      show_working (self, _ ("Checking the Consumer Key…"));
      break;
    case OVH_SIGN_IN_STATE_FETCHING_ACCOUNT:
      show_working (self, _ ("Signing In…"));
      break;
    case OVH_SIGN_IN_STATE_STORING:
      update_session (self);
      show_working (self, _ ("Saving in the Keyring…"));
      break;
    case OVH_SIGN_IN_STATE_DONE:
      update_session (self);
      show_done (self);
      break;
    case OVH_SIGN_IN_STATE_TIMED_OUT:
    case OVH_SIGN_IN_STATE_REFUSED:
      /* OVHcloud answers a refused or expired key as it does a pending one (see
       * ovh-credential.h), so the wait ends here when it times out, or for a key OVHcloud
       * dropped: which of those it was cannot be known, and the page does not pretend to. */
      show_page (self, "timed-out", DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR);
      break;
    case OVH_SIGN_IN_STATE_FAILED:
      show_error (self, get_failure_title (ovh_sign_in_get_failed_step (sign_in)),
                  ovh_sign_in_get_error (sign_in));
      break;
    case OVH_SIGN_IN_STATE_CANCELLED:
    case OVH_SIGN_IN_STATE_IDLE:
    default:
      /* Whoever cancelled has already moved on. */
      break;
    }
}

/* Stops following the current sign-in: it is cancelled, or replaced. */
static void
forget_sign_in (DomaineAccountAssistant *self)
{
  stop_operation (self);
  if (self->sign_in != NULL)
    g_signal_handlers_disconnect_by_func (self->sign_in, sign_in_state_cb, self);
}

/* A new attempt, with what the pages hold now. */
static OvhSignIn *
new_sign_in (DomaineAccountAssistant *self)
{
  g_autoptr (OvhClient) client = NULL;

  forget_sign_in (self);
  g_clear_object (&self->sign_in);
  self->session_updated = FALSE;

  if (self->reauth_account != NULL)
    {
      client = ovh_account_create_client (self->reauth_account);
      self->sign_in = ovh_sign_in_new_reauthenticate (self->reauth_account, client, self->store);
    }
  else
    {
      g_autofree char *application_key = domaine_keys_page_dup_application_key (self->keys_page);
      g_autofree char *application_secret
          = domaine_keys_page_dup_application_secret (self->keys_page);
      g_autofree char *label = domaine_access_page_dup_label (self->access_page);
      g_autoptr (OvhAccount) account = NULL;

      account = ovh_account_new (domaine_endpoint_page_get_endpoint (self->endpoint_page),
                                 application_key, application_secret, NULL);
      ovh_secret_clear (&application_secret);
      /* Chosen as the sandbox: a fact kept with the account, never guessed from its address. */
      ovh_account_set_sandbox (account, domaine_endpoint_page_is_sandbox (self->endpoint_page));
      if (label[0] != '\0')
        ovh_account_set_label (account, label);
      client = ovh_account_create_client (account);
      self->sign_in = ovh_sign_in_new (account, client, self->store);
    }

  ovh_sign_in_set_wait_timing (self->sign_in, self->wait_interval_ms, self->wait_timeout_seconds);
  g_signal_connect (self->sign_in, "notify::state", G_CALLBACK (sign_in_state_cb), self);
  return self->sign_in;
}

static void
request_credential (DomaineAccountAssistant *self)
{
  g_autoptr (GPtrArray) rules
      = ovh_access_preset_dup_rules (domaine_access_page_get_preset (self->access_page));
  OvhSignIn *sign_in = new_sign_in (self);

  ovh_sign_in_request_async (sign_in, rules, start_operation (self), NULL, NULL);
}

/* A pasted consumer key: check it works before keeping it. */
static void
verify_consumer_key (DomaineAccountAssistant *self)
{
  g_autofree char *consumer_key = domaine_keys_page_dup_consumer_key (self->keys_page);
  OvhSignIn *sign_in = new_sign_in (self);

  ovh_sign_in_use_consumer_key_async (sign_in, consumer_key, start_operation (self), NULL, NULL);
  ovh_secret_clear (&consumer_key);
}

/* Actions */

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (!can_go_next (self))
    return;

  if (g_str_equal (page, "endpoint"))
    show_page (self, "application", DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
  else if (g_str_equal (page, "application"))
    {
      /* With a consumer key already, there are no rules to choose: only the label. */
      domaine_access_page_set_choosing_rights (self->access_page, !has_pasted_consumer_key (self));
      show_page (self, "access", DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
    }
  else if (g_str_equal (page, "access"))
    {
      if (has_pasted_consumer_key (self))
        verify_consumer_key (self);
      else
        request_credential (self);
    }
}

/* Leaving the browser step stops the wait; the pages keep what was typed and chosen. */
static void
leave_for (DomaineAccountAssistant *self, const char *page)
{
  forget_sign_in (self);
  show_page (self, page, DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  const char *previous = previous_page (self, gtk_stack_get_visible_child_name (self->stack));

  if (previous != NULL)
    leave_for (self, previous);
}

/* The user refused or closed OVHcloud's page: we cannot see that, they can. */
static void
start_over_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "authorize"))
    leave_for (self, "access");
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* What Try Again does depends on what failed. */
static void
retry_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  OvhSignInState step = OVH_SIGN_IN_STATE_IDLE;

  if (self->sign_in != NULL && ovh_sign_in_get_state (self->sign_in) == OVH_SIGN_IN_STATE_FAILED)
    step = ovh_sign_in_get_failed_step (self->sign_in);

  switch (step)
    {
    case OVH_SIGN_IN_STATE_CHECKING_KEY:
      /* Check the pasted consumer key again. */
      verify_consumer_key (self);
      break;
    case OVH_SIGN_IN_STATE_FETCHING_ACCOUNT:
    case OVH_SIGN_IN_STATE_STORING:
      /* Read /me and save again with the key we have. */
      ovh_sign_in_complete_async (self->sign_in, start_operation (self), NULL, NULL);
      break;
    default:
      /* Ask OVHcloud for a new consumer key. */
      request_credential (self);
      break;
    }
}

static void
show_uri_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountAssistant) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, e.g. "No application is registered as handling this file". */
      title = g_strdup_printf (_ ("Could not open a browser: %s"), error->message);
      add_toast (self, title);
    }
}

static void
open_uri (DomaineAccountAssistant *self, const char *uri)
{
  /* gtk_show_uri() would only warn on failure: say it in the window instead. */
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_done_cb,
                     g_object_ref (self));
}

static const char *
get_validation_url (DomaineAccountAssistant *self)
{
  if (self->sign_in == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "authorize"))
    return NULL;
  return ovh_sign_in_get_validation_url (self->sign_in);
}

static void
open_browser_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  const char *url = get_validation_url (self);

  if (url != NULL)
    open_uri (self, url);
}

static void
copy_link_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  const char *url = get_validation_url (self);

  if (url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), url);
  add_toast (self, _ ("Link copied"));
}

static void
copy_query_id_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);

  if (self->query_id == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->query_id);
  add_toast (self, _ ("Query ID copied"));
}

static void
done_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->state != DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE)
    return;
  /* The window opens the new account; an account signed in again is already open. */
  if (parent != NULL && self->reauth_account == NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.select-account", "s",
                                ovh_account_get_id (ovh_sign_in_get_account (self->sign_in)));
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_application_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);
  const OvhEndpoint *known
      = ovh_endpoint_lookup (domaine_endpoint_page_get_endpoint (self->endpoint_page));

  if (known != NULL)
    open_uri (self, known->create_app_url);
  else if (domaine_endpoint_page_is_sandbox (self->endpoint_page))
    add_toast (self, _ ("The sandbox accepts its demo application key and secret"));
  else
    add_toast (self, _ ("Ask the administrator of this API address for an application"));
}

static void
input_changed_cb (DomaineAccountAssistant *self)
{
  update_header (self);
}

static void
keys_imported_cb (DomaineAccountAssistant *self, const char *endpoint, const char *source)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  gboolean selected
      = endpoint == NULL || domaine_endpoint_page_select (self->endpoint_page, endpoint);

  /* The keys belong to their endpoint: never leave another one chosen without saying so. */
  if (endpoint == NULL)
    /* Translators: %s is where the keys were found, e.g. "OVH_* environment variables". */
    title = g_strdup_printf (_ ("Keys imported from %s, which names no endpoint: go back and "
                                "check where the account is."),
                             source);
  else if (selected)
    /* Translators: %s is where the keys were found, e.g. "~/.ovh.conf". */
    title = g_strdup_printf (_ ("Keys imported from %s"), source);
  else
    /* Translators: the first %s is where the keys were found, the second the endpoint it names. */
    title = g_strdup_printf (_ ("Keys imported from %s, but not its endpoint “%s”: it is neither "
                                "an OVHcloud endpoint nor a web address. Go back and choose "
                                "where the account is."),
                             source, endpoint);
  toast = adw_toast_new (title);
  if (!selected || endpoint == NULL)
    adw_toast_set_timeout (toast, 0); /* stays until read */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  update_header (self);
}

/* GObject */

static gboolean
domaine_account_assistant_close_request (GtkWindow *window)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (window);

  /* Closing stops the wait: OVHcloud's request simply expires unanswered. */
  forget_sign_in (self);
  return GTK_WINDOW_CLASS (domaine_account_assistant_parent_class)->close_request (window);
}

static void
domaine_account_assistant_dispose (GObject *object)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (object);

  forget_sign_in (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_ACCOUNT_ASSISTANT);

  G_OBJECT_CLASS (domaine_account_assistant_parent_class)->dispose (object);
}

static void
domaine_account_assistant_finalize (GObject *object)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->reauth_account);
  g_clear_object (&self->session);
  g_clear_object (&self->sign_in);
  g_clear_pointer (&self->query_id, g_free);

  G_OBJECT_CLASS (domaine_account_assistant_parent_class)->finalize (object);
}

static void
domaine_account_assistant_get_property (GObject *object,
                                        guint prop_id,
                                        GValue *value,
                                        GParamSpec *pspec)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_account_assistant_class_init (DomaineAccountAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = domaine_account_assistant_dispose;
  object_class->finalize = domaine_account_assistant_finalize;
  object_class->get_property = domaine_account_assistant_get_property;
  window_class->close_request = domaine_account_assistant_close_request;

  properties[PROP_STATE]
      = g_param_spec_enum ("state", NULL, NULL, DOMAINE_TYPE_ACCOUNT_ASSISTANT_STATE,
                           DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_ENDPOINT_PAGE);
  g_type_ensure (DOMAINE_TYPE_KEYS_PAGE);
  g_type_ensure (DOMAINE_TYPE_ACCESS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/account/domaine-account-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, endpoint_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, keys_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, access_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, working_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, error_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant,
                                        copy_query_id_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, open_browser_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, done_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, done_button);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, keys_imported_cb);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "assistant.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "assistant.start-over", NULL, start_over_action);
  gtk_widget_class_install_action (widget_class, "assistant.open-browser", NULL,
                                   open_browser_action);
  gtk_widget_class_install_action (widget_class, "assistant.copy-link", NULL, copy_link_action);
  gtk_widget_class_install_action (widget_class, "assistant.copy-query-id", NULL,
                                   copy_query_id_action);
  gtk_widget_class_install_action (widget_class, "assistant.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "assistant.create-application", NULL,
                                   create_application_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back",
                                       NULL);
}

static void
domaine_account_assistant_init (DomaineAccountAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->wait_interval_ms = 0;
  self->wait_timeout_seconds = 15 * 60;

  show_page (self, "endpoint", DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
}

DomaineAccountAssistant *
domaine_account_assistant_new (GtkWindow *parent, OvhAccountStore *store, const char *sandbox_url)
{
  DomaineAccountAssistant *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (store), NULL);

  self = g_object_new (DOMAINE_TYPE_ACCOUNT_ASSISTANT, "transient-for", parent, "application",
                       parent != NULL ? gtk_window_get_application (parent) : NULL, NULL);
  self->store = g_object_ref (store);
  if (sandbox_url != NULL)
    domaine_endpoint_page_add_sandbox (self->endpoint_page, sandbox_url);
  domaine_keys_page_find_imports (self->keys_page);
  return self;
}

DomaineAccountAssistant *
domaine_account_assistant_new_reauthenticate (GtkWindow *parent,
                                              OvhAccountStore *store,
                                              OvhAccount *account,
                                              DomaineSession *session,
                                              gboolean more_rights)
{
  DomaineAccountAssistant *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || OVH_IS_ACCOUNT_STORE (store), NULL);
  g_return_val_if_fail (OVH_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (session == NULL || DOMAINE_IS_SESSION (session), NULL);

  self = g_object_new (DOMAINE_TYPE_ACCOUNT_ASSISTANT, "transient-for", parent, "application",
                       parent != NULL ? gtk_window_get_application (parent) : NULL, "title",
                       _ ("Sign In Again"), NULL);
  g_set_object (&self->store, store);
  g_set_object (&self->session, session);
  self->reauth_account = g_object_ref (account);

  name = ovh_account_dup_display_name (account);
  adw_window_title_set_title (self->window_title, _ ("Sign In Again"));
  domaine_access_page_set_reauthenticating (self->access_page, name);
  if (more_rights)
    domaine_access_page_set_preset (self->access_page, OVH_ACCESS_FULL);

  show_page (self, "access", DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
  return self;
}

DomaineAccountAssistantState
domaine_account_assistant_get_state (DomaineAccountAssistant *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self), DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE);
  return self->state;
}

const char *
domaine_account_assistant_get_page_name (DomaineAccountAssistant *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
domaine_account_assistant_get_validation_url (DomaineAccountAssistant *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self), NULL);
  return get_validation_url (self);
}

OvhAccount *
domaine_account_assistant_get_account (DomaineAccountAssistant *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self), NULL);
  return self->state == DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE
             ? ovh_sign_in_get_account (self->sign_in)
             : NULL;
}

OvhSignIn *
domaine_account_assistant_get_sign_in (DomaineAccountAssistant *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self), NULL);
  return self->sign_in;
}

void
domaine_account_assistant_set_wait_timing (DomaineAccountAssistant *self,
                                           guint interval_ms,
                                           guint timeout_seconds)
{
  g_return_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self));

  self->wait_interval_ms = interval_ms;
  self->wait_timeout_seconds = timeout_seconds > 0 ? timeout_seconds : 15 * 60;
}
