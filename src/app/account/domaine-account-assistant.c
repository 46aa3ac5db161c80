/* domaine-account-assistant.c: the Add Account dialog, and signing in again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A short stack of pages over OVH's own flow: the application key and secret identify
 * Domaine's application, POST /auth/credential asks for a consumer key with the chosen
 * rules, the user accepts it in the browser while we poll, then /me says who signed in and
 * the account goes to the keyring. The secrets only ever pass through entries, the client
 * and the store: they are never logged, shown or written anywhere else.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ovh-access-rules.h"
#include "ovh-conf.h"
#include "ovh-credential.h"
#include "ovh-error.h"
#include "ovh-me.h"

#include "domaine-account-assistant.h"
#include "domaine-application.h"
#include "domaine-window.h"

/* What "Try Again" does depends on what failed. */
typedef enum
{
  RETRY_REQUEST, /* ask OVHcloud for a new consumer key */
  RETRY_VERIFY,  /* check the pasted consumer key again */
  RETRY_FINISH,  /* read /me and save again with the key we have */
} RetryStep;

struct _DomaineAccountAssistant
{
  AdwWindow parent_instance;

  OvhAccountStore *store;
  OvhAccount *reauth_account; /* signing in again on this account; NULL for a new one */
  OvhAccount *account;        /* the signed-in account, once done */
  char *sandbox_url;
  GPtrArray *endpoint_checks; /* GtkCheckButton*, "endpoint" data = id or URL */
  GPtrArray *preset_checks;   /* GtkCheckButton*, index = OvhAccessPreset */
  GPtrArray *candidates;      /* OvhConfCandidate* */

  DomaineAccountAssistantState state;
  RetryStep retry_step;
  GCancellable *cancellable;
  OvhClient *client;
  char *consumer_key; /* a secret: never logged */
  char *validation_url;
  char *query_id;
  OvhMe *me;
  guint wait_interval_ms;
  guint wait_timeout_seconds;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwPreferencesGroup *endpoint_group;
  AdwEntryRow *application_key_row;
  AdwEntryRow *application_secret_row;
  AdwActionRow *create_app_row;
  AdwExpanderRow *consumer_key_expander;
  AdwEntryRow *consumer_key_row;
  AdwPreferencesGroup *import_group;
  AdwPreferencesGroup *access_group;
  AdwEntryRow *label_row;
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

static void
wipe_string (char **string)
{
  if (*string != NULL)
    memset (*string, 0, strlen (*string));
  g_clear_pointer (string, g_free);
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

static const char *
get_selected_endpoint (DomaineAccountAssistant *self)
{
  for (guint i = 0; i < self->endpoint_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->endpoint_checks, i);

      if (gtk_check_button_get_active (check))
        return g_object_get_data (G_OBJECT (check), "endpoint");
    }
  return NULL;
}

static OvhAccessPreset
get_selected_preset (DomaineAccountAssistant *self)
{
  for (guint i = 0; i < self->preset_checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->preset_checks, i)))
        return (OvhAccessPreset) i;
    }
  return OVH_ACCESS_DNS_EDITOR;
}

static gboolean
has_pasted_consumer_key (DomaineAccountAssistant *self)
{
  return self->reauth_account == NULL
         && adw_expander_row_get_enable_expansion (self->consumer_key_expander);
}

static gboolean
is_filled (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return text[0] != '\0';
}

static gboolean
can_go_next (DomaineAccountAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "endpoint"))
    return get_selected_endpoint (self) != NULL;
  if (g_str_equal (page, "application"))
    return is_filled (self->application_key_row) && is_filled (self->application_secret_row)
           && (!has_pasted_consumer_key (self) || is_filled (self->consumer_key_row));
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
    gtk_widget_grab_focus (GTK_WIDGET (self->application_key_row));
}

static void
show_working (DomaineAccountAssistant *self, const char *title)
{
  adw_status_page_set_title (self->working_page, title);
  show_page (self, "working", DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY);
}

/* Stops whatever talks to OVHcloud: the request, the polling, /me. */
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

static void
show_error (DomaineAccountAssistant *self, const char *title, const GError *error, RetryStep retry)
{
  g_autofree char *message = NULL;
  const char *query_id = NULL;

  if (error->domain == OVH_ERROR)
    {
      /* OVH's own words; the query id has its own button. */
      query_id = ovh_error_get_query_id (error);
    }
  message = g_strdup (error->message);

  g_free (self->query_id);
  self->query_id = g_strdup (query_id);
  self->retry_step = retry;

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_widget_set_visible (self->copy_query_id_button, query_id != NULL);
  show_page (self, "error", DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR);
}

static void
add_toast (DomaineAccountAssistant *self, const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Finishing: who signed in, then the keyring */

static char *
get_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_done (DomaineAccountAssistant *self)
{
  g_autofree char *title = NULL;

  if (self->me != NULL)
    /* Translators: "Signed in as Ada Lovelace (al1234-ovh)". */
    title = g_strdup_printf (_ ("Signed in as %s (%s)"), ovh_me_get_display_name (self->me),
                             ovh_me_get_nichandle (self->me));
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

static DomaineWindow *
get_domaine_window (DomaineAccountAssistant *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  return DOMAINE_IS_WINDOW (parent) ? DOMAINE_WINDOW (parent) : NULL;
}

static void
account_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountAssistant) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean saved;

  if (self->reauth_account != NULL)
    saved = ovh_account_store_update_finish (OVH_ACCOUNT_STORE (source), result, &error);
  else
    saved = ovh_account_store_add_finish (OVH_ACCOUNT_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!saved)
    {
      /* Everything typed stays in the pages; Try Again saves again with the same key. */
      show_error (self, _ ("Could Not Save the Account"), error, RETRY_FINISH);
      return;
    }
  show_done (self);
}

static void
save_account (DomaineAccountAssistant *self)
{
  g_autofree char *label = get_entry_text (self->label_row);
  DomaineWindow *window = get_domaine_window (self);

  if (self->reauth_account != NULL)
    {
      DomaineSession *session = window != NULL ? domaine_window_get_session (window) : NULL;

      g_set_object (&self->account, self->reauth_account);
      /* The open session takes the new key at once: nothing the user was doing is lost. */
      if (session != NULL && domaine_session_get_account (session) == self->reauth_account)
        domaine_session_update_credentials (session, self->consumer_key);
      else
        ovh_account_set_consumer_key (self->reauth_account, self->consumer_key);
    }
  else if (self->account == NULL)
    {
      g_autofree char *application_secret = get_entry_text (self->application_secret_row);

      self->account = ovh_account_new (get_selected_endpoint (self),
                                       ovh_client_get_application_key (self->client),
                                       application_secret, self->consumer_key);
      wipe_string (&application_secret);
    }

  if (label[0] != '\0')
    ovh_account_set_label (self->account, label);
  if (self->me != NULL)
    ovh_account_set_nichandle (self->account, ovh_me_get_nichandle (self->me));

  if (self->store == NULL)
    {
      show_done (self);
      return;
    }

  show_working (self, _ ("Saving in the Keyring…"));
  if (self->reauth_account != NULL)
    ovh_account_store_update_async (self->store, self->account, start_operation (self),
                                    account_saved_cb, g_object_ref (self));
  else
    ovh_account_store_add_async (self->store, self->account, start_operation (self),
                                 account_saved_cb, g_object_ref (self));
}

static void
me_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountAssistant) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhMe) me = ovh_me_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A key limited to some zones may not read /me: still signed in, without a name. */
  if (me == NULL && !g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    {
      show_error (self, _ ("Could Not Sign In"), error, RETRY_FINISH);
      return;
    }
  g_set_object (&self->me, me);
  save_account (self);
}

static void
finish_sign_in (DomaineAccountAssistant *self)
{
  show_working (self, _ ("Signing In…"));
  ovh_client_set_consumer_key (self->client, self->consumer_key);
  ovh_me_load_async (self->client, start_operation (self), me_loaded_cb, g_object_ref (self));
}

/* The browser step */

static void
validation_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountAssistant) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = NULL;
  OvhCredentialStatus status;

  status = ovh_credential_wait_for_validation_finish (result, &credential, &error);
  if (status == OVH_CREDENTIAL_STATUS_CANCELLED
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->validation_url, g_free);
  self->retry_step = RETRY_REQUEST;

  switch (status)
    {
    case OVH_CREDENTIAL_STATUS_VALIDATED:
      finish_sign_in (self);
      break;
    case OVH_CREDENTIAL_STATUS_REFUSED:
    case OVH_CREDENTIAL_STATUS_EXPIRED:
      /* OVHcloud answers a refused or expired key as it does a pending one (see
       * ovh-credential.h), so the wait ends here when it times out, or for a key OVHcloud
       * dropped: which of those it was cannot be known, and the page does not pretend to. */
      show_page (self, "timed-out", DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR);
      break;
    case OVH_CREDENTIAL_STATUS_PENDING_VALIDATION:
    case OVH_CREDENTIAL_STATUS_CANCELLED:
    case OVH_CREDENTIAL_STATUS_UNKNOWN:
    default:
      if (error == NULL)
        error = g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                                     _ ("OVHcloud answered with a state Domaine does not know."));
      show_error (self, _ ("Could Not Sign In"), error, RETRY_REQUEST);
      break;
    }
}

static void
credential_requested_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountAssistant) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredentialRequest) request = ovh_credential_request_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (request == NULL)
    {
      show_error (self, _ ("Could Not Ask OVHcloud"), error, RETRY_REQUEST);
      return;
    }

  wipe_string (&self->consumer_key);
  self->consumer_key = g_strdup (request->consumer_key);
  g_free (self->validation_url);
  self->validation_url = g_strdup (request->validation_url);

  show_page (self, "authorize", DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY);
  gtk_widget_grab_focus (self->open_browser_button);

  ovh_credential_wait_for_validation_async (
      self->client, self->consumer_key, self->wait_interval_ms, self->wait_timeout_seconds,
      self->cancellable, validation_done_cb, g_object_ref (self));
}

static void
create_client (DomaineAccountAssistant *self)
{
  g_autofree char *application_key = NULL;
  g_autofree char *application_secret = NULL;

  g_clear_object (&self->client);
  g_clear_object (&self->me);
  if (self->reauth_account != NULL)
    {
      self->client = ovh_account_create_client (self->reauth_account);
      ovh_client_set_consumer_key (self->client, NULL);
      return;
    }

  application_key = get_entry_text (self->application_key_row);
  application_secret = get_entry_text (self->application_secret_row);
  self->client
      = ovh_client_new (get_selected_endpoint (self), application_key, application_secret, NULL);
  wipe_string (&application_secret);
}

static void
request_credential (DomaineAccountAssistant *self)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (get_selected_preset (self));

  g_clear_object (&self->account);
  create_client (self);
  show_working (self, _ ("Asking OVHcloud…"));
  ovh_credential_request_async (self->client, rules, NULL, start_operation (self),
                                credential_requested_cb, g_object_ref (self));
}

/* A pasted consumer key: check it works before keeping it. */

static void
current_credential_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountAssistant) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = ovh_credential_fetch_current_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (credential == NULL)
    {
      show_error (self, _ ("This Consumer Key Does Not Work"), error, RETRY_VERIFY);
      return;
    }
  if (ovh_credential_get_status (credential) != OVH_CREDENTIAL_STATUS_VALIDATED)
    {
      g_autoptr (GError) not_valid
          = g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL,
                                 _ ("OVHcloud says this consumer key was not validated, or no "
                                    "longer is. Sign in through the browser instead."));
      show_error (self, _ ("This Consumer Key Does Not Work"), not_valid, RETRY_VERIFY);
      return;
    }
  finish_sign_in (self);
}

static void
verify_consumer_key (DomaineAccountAssistant *self)
{
  g_clear_object (&self->account);
  create_client (self);
  wipe_string (&self->consumer_key);
  self->consumer_key = get_entry_text (self->consumer_key_row);
  ovh_client_set_consumer_key (self->client, self->consumer_key);

  show_working (self, _ ("Checking the Consumer Key…"));
  ovh_credential_fetch_current_async (self->client, start_operation (self), current_credential_cb,
                                      g_object_ref (self));
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
      gtk_widget_set_visible (GTK_WIDGET (self->access_group), !has_pasted_consumer_key (self));
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
  stop_operation (self);
  g_clear_pointer (&self->validation_url, g_free);
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

static void
retry_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);

  switch (self->retry_step)
    {
    case RETRY_VERIFY:
      verify_consumer_key (self);
      break;
    case RETRY_FINISH:
      if (self->client != NULL && self->consumer_key != NULL)
        {
          finish_sign_in (self);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case RETRY_REQUEST:
    default:
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

static void
open_browser_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);

  if (self->validation_url != NULL)
    open_uri (self, self->validation_url);
}

static void
copy_link_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (widget);

  if (self->validation_url == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->validation_url);
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
  DomaineWindow *window = get_domaine_window (self);

  if (self->state != DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE)
    return;
  if (window != NULL && self->reauth_account == NULL)
    domaine_window_select_account (window, ovh_account_get_id (self->account));
  gtk_window_close (GTK_WINDOW (self));
}

static void
create_app_activated_cb (DomaineAccountAssistant *self)
{
  const char *endpoint = get_selected_endpoint (self);
  const OvhEndpoint *known = ovh_endpoint_lookup (endpoint);

  if (known != NULL)
    open_uri (self, known->create_app_url);
  else
    add_toast (self, _ ("The sandbox accepts its demo application key and secret"));
}

/* Building the pages */

static void
input_changed_cb (DomaineAccountAssistant *self)
{
  update_header (self);
}

static char *
dup_host (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static GtkCheckButton *
add_endpoint_row (DomaineAccountAssistant *self,
                  const char *endpoint,
                  const char *title,
                  const char *base_url)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *host = dup_host (base_url);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), host);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (self->endpoint_checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                g_ptr_array_index (self->endpoint_checks, 0));
  g_object_set_data_full (G_OBJECT (check), "endpoint", g_strdup (endpoint), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->endpoint_group, row);
  g_ptr_array_add (self->endpoint_checks, check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (input_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return GTK_CHECK_BUTTON (check);
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* AdwExpanderRow 1.2 leaves its enable switch unnamed for screen readers. */
static void
name_expander_switch (AdwExpanderRow *row)
{
  GtkWidget *toggle = find_switch (GTK_WIDGET (row));

  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

static void
build_endpoint_page (DomaineAccountAssistant *self)
{
  const OvhEndpoint *endpoints;
  guint n_endpoints;

  endpoints = ovh_endpoint_get_all (&n_endpoints);
  for (guint i = 0; i < n_endpoints; i++)
    add_endpoint_row (self, endpoints[i].id, ovh_endpoint_get_display_name (&endpoints[i]),
                      endpoints[i].base_url);
  gtk_check_button_set_active (g_ptr_array_index (self->endpoint_checks, 0), TRUE);
}

static void
add_sandbox_endpoint (DomaineAccountAssistant *self, const char *sandbox_url)
{
  add_endpoint_row (self, sandbox_url, _ ("Sandbox on this computer"), sandbox_url);
}

static void
build_access_page (DomaineAccountAssistant *self)
{
  static const OvhAccessPreset presets[]
      = { OVH_ACCESS_READ_ONLY, OVH_ACCESS_DNS_EDITOR, OVH_ACCESS_FULL };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (presets[i]);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *name = ovh_access_preset_get_name (presets[i]);

      g_assert ((guint) presets[i] == i);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                     ovh_access_preset_get_description (presets[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check),
                                    g_ptr_array_index (self->preset_checks, 0));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

      for (guint r = 0; r < rules->len; r++)
        {
          OvhAccessRule *rule = g_ptr_array_index (rules, r);
          g_autofree char *text = g_strdup_printf ("%s %s", rule->method, rule->path);
          GtkWidget *rule_row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rule_row), text);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rule_row), FALSE);
          gtk_widget_add_css_class (rule_row, "monospace");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rule_row);
        }

      adw_preferences_group_add (self->access_group, row);
      g_ptr_array_add (self->preset_checks, check);
    }
  gtk_check_button_set_active (g_ptr_array_index (self->preset_checks, OVH_ACCESS_DNS_EDITOR),
                               TRUE);
}

static void
select_endpoint (DomaineAccountAssistant *self, const char *endpoint)
{
  const OvhEndpoint *known = ovh_endpoint_lookup (endpoint);
  g_autofree char *url = endpoint != NULL ? ovh_endpoint_normalize_url (endpoint) : NULL;

  for (guint i = 0; endpoint != NULL && i < self->endpoint_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->endpoint_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "endpoint");

      if ((known != NULL && g_str_equal (id, known->id)) || g_strcmp0 (id, url) == 0)
        {
          gtk_check_button_set_active (check, TRUE);
          return;
        }
    }
}

static void
import_row_activated_cb (AdwActionRow *row, DomaineAccountAssistant *self)
{
  OvhConfCandidate *candidate = g_object_get_data (G_OBJECT (row), "candidate");
  g_autofree char *title = NULL;

  select_endpoint (self, candidate->endpoint);
  gtk_editable_set_text (GTK_EDITABLE (self->application_key_row), candidate->application_key);
  gtk_editable_set_text (GTK_EDITABLE (self->application_secret_row),
                         candidate->application_secret != NULL ? candidate->application_secret
                                                               : "");
  adw_expander_row_set_enable_expansion (self->consumer_key_expander,
                                         candidate->consumer_key != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->consumer_key_row),
                         candidate->consumer_key != NULL ? candidate->consumer_key : "");

  /* Translators: %s is where the keys were found, e.g. "~/.ovh.conf". */
  title = g_strdup_printf (_ ("Keys imported from %s"), candidate->source);
  add_toast (self, title);
  update_header (self);
}

static void
build_import_rows (DomaineAccountAssistant *self)
{
  g_autoptr (GError) error = NULL;

  self->candidates = ovh_conf_find_candidates (NULL, NULL, &error);
  if (self->candidates == NULL)
    {
      /* A broken ovh.conf is the official tools' business: just offer nothing. */
      g_debug ("No ovh.conf import: %s", error != NULL ? error->message : "none");
      return;
    }

  for (guint i = 0; i < self->candidates->len; i++)
    {
      OvhConfCandidate *candidate = g_ptr_array_index (self->candidates, i);
      const OvhEndpoint *known = ovh_endpoint_lookup (candidate->endpoint);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      /* Translators: %s is a file or "OVH_* environment variables". */
      title = g_strdup_printf (_ ("Import from %s"), candidate->source);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   known != NULL ? ovh_endpoint_get_display_name (known)
                                   : candidate->endpoint != NULL ? candidate->endpoint
                                                                 : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      g_object_set_data (G_OBJECT (row), "candidate", candidate);
      g_signal_connect_object (row, "activated", G_CALLBACK (import_row_activated_cb), self, 0);
      adw_preferences_group_add (self->import_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->import_group), self->candidates->len > 0);
}

/* GObject */

static gboolean
domaine_account_assistant_close_request (GtkWindow *window)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (window);

  /* Closing stops the wait: OVHcloud's request simply expires unanswered. */
  stop_operation (self);
  return GTK_WINDOW_CLASS (domaine_account_assistant_parent_class)->close_request (window);
}

static void
domaine_account_assistant_dispose (GObject *object)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (object);

  stop_operation (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_ACCOUNT_ASSISTANT);

  G_OBJECT_CLASS (domaine_account_assistant_parent_class)->dispose (object);
}

static void
domaine_account_assistant_finalize (GObject *object)
{
  DomaineAccountAssistant *self = DOMAINE_ACCOUNT_ASSISTANT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->reauth_account);
  g_clear_object (&self->account);
  g_clear_object (&self->client);
  g_clear_object (&self->me);
  g_clear_pointer (&self->sandbox_url, g_free);
  g_clear_pointer (&self->endpoint_checks, g_ptr_array_unref);
  g_clear_pointer (&self->preset_checks, g_ptr_array_unref);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  wipe_string (&self->consumer_key);
  g_clear_pointer (&self->validation_url, g_free);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/account/domaine-account-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, endpoint_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, application_key_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant,
                                        application_secret_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, create_app_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant,
                                        consumer_key_expander);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, consumer_key_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, import_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, access_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, label_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, working_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, working_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, error_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant,
                                        copy_query_id_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, open_browser_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, done_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountAssistant, done_button);

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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back",
                                       NULL);
}

static void
domaine_account_assistant_init (DomaineAccountAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->endpoint_checks = g_ptr_array_new ();
  self->preset_checks = g_ptr_array_new ();
  self->wait_interval_ms = 0;
  self->wait_timeout_seconds = 15 * 60;

  build_endpoint_page (self);
  build_access_page (self);
  name_expander_switch (self->consumer_key_expander);

  g_signal_connect_object (self->application_key_row, "changed", G_CALLBACK (input_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application_secret_row, "changed", G_CALLBACK (input_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consumer_key_row, "changed", G_CALLBACK (input_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consumer_key_expander, "notify::enable-expansion",
                           G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->create_app_row, "activated", G_CALLBACK (create_app_activated_cb),
                           self, G_CONNECT_SWAPPED);

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
    {
      self->sandbox_url = g_strdup (sandbox_url);
      add_sandbox_endpoint (self, sandbox_url);
    }
  build_import_rows (self);
  return self;
}

DomaineAccountAssistant *
domaine_account_assistant_new_reauthenticate (GtkWindow *parent,
                                              OvhAccountStore *store,
                                              OvhAccount *account,
                                              gboolean more_rights)
{
  DomaineAccountAssistant *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || OVH_IS_ACCOUNT_STORE (store), NULL);
  g_return_val_if_fail (OVH_IS_ACCOUNT (account), NULL);

  self = g_object_new (DOMAINE_TYPE_ACCOUNT_ASSISTANT, "transient-for", parent, "application",
                       parent != NULL ? gtk_window_get_application (parent) : NULL, "title",
                       _ ("Sign In Again"), NULL);
  g_set_object (&self->store, store);
  self->reauth_account = g_object_ref (account);

  name = ovh_account_dup_display_name (account);
  adw_window_title_set_title (self->window_title, _ ("Sign In Again"));
  /* The account keeps its label: only the rights are chosen again. */
  gtk_widget_set_visible (
      gtk_widget_get_ancestor (GTK_WIDGET (self->label_row), ADW_TYPE_PREFERENCES_GROUP), FALSE);
  {
    /* Translators: %s is the account's name, e.g. "al1234-ovh". */
    g_autofree char *description = g_strdup_printf (
        _ ("Domaine asks OVHcloud for a new key for “%s”, with the same application. Choose what "
           "it may do; OVHcloud shows you these rights before you accept them."),
        name);
    adw_preferences_group_set_description (self->access_group, description);
  }
  if (more_rights)
    gtk_check_button_set_active (g_ptr_array_index (self->preset_checks, OVH_ACCESS_FULL), TRUE);

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
  return self->validation_url;
}

OvhAccount *
domaine_account_assistant_get_account (DomaineAccountAssistant *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_ASSISTANT (self), NULL);
  return self->state == DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE ? self->account : NULL;
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
