/* domaine-application.c: the application object: accounts, accelerators, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-pending-store.h"

#include "domaine-application-private.h"
#include "domaine-application.h"
#include "domaine-name-servers.h"
#include "domaine-sandbox-process.h"
#include "domaine-window.h"

struct _DomaineApplication
{
  AdwApplication parent_instance;

  OvhAccountStore *account_store;
  DomaineAccountsState accounts_state;
  char *accounts_error;
  GCancellable *cancellable;

  /* Accounts kept in memory only, and the keyring's and those together. */
  GListStore *transient_accounts;
  GListModel *accounts;
  /* The sandbox (--sandbox, "Try the Sandbox"): the domaine-sandbox child, or one that runs
   * already (external_sandbox_account); its ready-made account, kept in memory only. */
  char *sandbox_program;
  DomaineSandboxProcess *sandbox;
  char *sandbox_url;
  OvhAccount *external_sandbox_account;
  OvhAccount *sandbox_account;
  GCancellable *sandbox_cancellable; /* a start under way */
  char *select_on_activate;
  /* Unpublished changes on disk: those of accounts that no longer exist are removed. */
  OvhPendingStore *pending_store;
};

G_DEFINE_FINAL_TYPE (DomaineApplication, domaine_application, ADW_TYPE_APPLICATION)

enum
{
  PROP_0,
  PROP_ACCOUNTS,
  PROP_ACCOUNTS_STATE,
  PROP_ACCOUNTS_ERROR,
  PROP_SANDBOX_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
domaine_application_set_accounts_state (DomaineApplication *self,
                                        DomaineAccountsState state,
                                        const char *error_message)
{
  /* The error first: a window that follows accounts-state reads it then. */
  if (g_strcmp0 (self->accounts_error, error_message) != 0)
    {
      g_free (self->accounts_error);
      self->accounts_error = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS_ERROR]);
    }
  self->accounts_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS_STATE]);
}

static void
orphans_removed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  guint n_removed = 0;

  if (!ovh_pending_store_remove_orphans_finish (OVH_PENDING_STORE (source), result, &n_removed,
                                                &error))
    g_debug ("Unpublished changes of removed accounts stay: %s", error->message);
  else if (n_removed > 0)
    g_debug ("Removed the unpublished changes of %u accounts that no longer exist", n_removed);
}

void
domaine_application_remove_orphan_journals (DomaineApplication *self)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_if_fail (DOMAINE_IS_APPLICATION (self));

  /* Only against the whole list: a keyring that failed to load says nothing of its accounts. */
  if (self->accounts_state != DOMAINE_ACCOUNTS_READY)
    return;
  n = g_list_model_get_n_items (self->accounts);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (self->accounts, i);

      g_ptr_array_add (ids, g_strdup (ovh_account_get_id (account)));
    }
  g_ptr_array_add (ids, NULL);
  ovh_pending_store_remove_orphans_async (self->pending_store, (const char *const *) ids->pdata,
                                          self->cancellable, orphans_removed_cb, NULL);
}

static void
accounts_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_account_store_load_finish (OVH_ACCOUNT_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* No fallback to a file: without the keyring there is nowhere safe for the keys. */
      domaine_application_set_accounts_state (self, DOMAINE_ACCOUNTS_FAILED, error->message);
      return;
    }
  domaine_application_set_accounts_state (self, DOMAINE_ACCOUNTS_READY, NULL);
  domaine_application_remove_orphan_journals (self);
}

void
domaine_application_load_accounts (DomaineApplication *self)
{
  g_return_if_fail (DOMAINE_IS_APPLICATION (self));

  domaine_application_set_accounts_state (self, DOMAINE_ACCOUNTS_LOADING, NULL);
  ovh_account_store_load_async (self->account_store, self->cancellable, accounts_loaded_cb,
                                g_object_ref (self));
}

OvhAccountStore *
domaine_application_get_account_store (DomaineApplication *self)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), NULL);
  return self->account_store;
}

DomaineAccountsState
domaine_application_get_accounts_state (DomaineApplication *self)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), DOMAINE_ACCOUNTS_FAILED);
  return self->accounts_state;
}

const char *
domaine_application_get_accounts_error (DomaineApplication *self)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), NULL);
  return self->accounts_error;
}

GListModel *
domaine_application_get_accounts (DomaineApplication *self)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), NULL);
  return self->accounts;
}

OvhAccount *
domaine_application_find_account (DomaineApplication *self, const char *account_id)
{
  guint n;

  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), NULL);

  if (account_id == NULL)
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

gboolean
domaine_application_is_transient_account (DomaineApplication *self, OvhAccount *account)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), FALSE);
  return g_list_store_find (self->transient_accounts, account, NULL);
}

void
domaine_application_forget_transient_account (DomaineApplication *self, OvhAccount *account)
{
  guint position;

  g_return_if_fail (DOMAINE_IS_APPLICATION (self));

  if (g_list_store_find (self->transient_accounts, account, &position))
    {
      gboolean is_sandbox = account == self->sandbox_account;

      g_list_store_remove (self->transient_accounts, position);
      if (is_sandbox)
        {
          /* Closing the sandbox's account ends the sandbox: nothing else uses it. */
          g_clear_object (&self->sandbox_account);
          if (self->sandbox != NULL)
            {
              domaine_sandbox_process_stop (self->sandbox);
              g_clear_object (&self->sandbox);
              domaine_name_servers_forget (self->sandbox_url);
              g_clear_pointer (&self->sandbox_url, g_free);
            }
        }
      domaine_application_remove_orphan_journals (self);
    }
}

gboolean
domaine_application_get_sandbox_available (DomaineApplication *self)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), FALSE);
  return self->sandbox_program != NULL || self->external_sandbox_account != NULL;
}

const char *
domaine_application_get_sandbox_url (DomaineApplication *self)
{
  g_return_val_if_fail (DOMAINE_IS_APPLICATION (self), NULL);
  return self->sandbox_url;
}

static OvhAccount *
new_sandbox_account (const char *base_url,
                     const char *application_key,
                     const char *application_secret,
                     const char *consumer_key)
{
  OvhAccount *account;

  account = ovh_account_new (base_url, application_key, application_secret, consumer_key);
  ovh_account_set_label (account, _ ("Sandbox"));
  ovh_account_set_sandbox (account, TRUE);
  return account;
}

void
domaine_application_use_sandbox (DomaineApplication *self,
                                 const char *base_url,
                                 const char *application_key,
                                 const char *application_secret,
                                 const char *consumer_key)
{
  gboolean was_available;

  g_return_if_fail (DOMAINE_IS_APPLICATION (self));
  g_return_if_fail (base_url != NULL && application_key != NULL);
  g_return_if_fail (application_secret != NULL && consumer_key != NULL);
  g_return_if_fail (self->sandbox == NULL && self->sandbox_account == NULL);

  was_available = domaine_application_get_sandbox_available (self);
  g_free (self->sandbox_url);
  self->sandbox_url = g_strdup (base_url);
  g_clear_object (&self->external_sandbox_account);
  self->external_sandbox_account
      = new_sandbox_account (base_url, application_key, application_secret, consumer_key);
  if (!was_available)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX_AVAILABLE]);
}

/* The account goes in memory only: the sandbox's port changes each run. */
static void
add_sandbox_account (DomaineApplication *self, OvhAccount *account)
{
  self->sandbox_account = g_object_ref (account);
  g_list_store_append (self->transient_accounts, account);
}

static void
show_sandbox_message (DomaineApplication *self, const char *message)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DOMAINE_IS_WINDOW (window))
    domaine_window_add_toast (DOMAINE_WINDOW (window), adw_toast_new (message));
  else
    g_printerr ("%s\n", message);
}

static void
open_sandbox_account (DomaineApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *account_id = ovh_account_get_id (self->sandbox_account);

  /* At start-up (--sandbox) the window may not exist yet: activate selects it. */
  if (DOMAINE_IS_WINDOW (window))
    domaine_window_select_account (DOMAINE_WINDOW (window), account_id);
  else
    {
      g_free (self->select_on_activate);
      self->select_on_activate = g_strdup (account_id);
    }
}

static void
sandbox_died_cb (DomaineApplication *self, const GError *error, DomaineSandboxProcess *sandbox)
{
  g_autofree char *message = NULL;

  if (sandbox != self->sandbox)
    return;
  /* Its account goes: the window falls back as after a sign-out, and says why. */
  if (self->sandbox_account != NULL)
    domaine_application_forget_transient_account (self, self->sandbox_account);
  g_clear_object (&self->sandbox);
  domaine_name_servers_forget (self->sandbox_url);
  g_clear_pointer (&self->sandbox_url, g_free);

  /* Translators: %s is why, e.g. "The sandbox stopped unexpectedly: it was stopped by
   * signal 9." */
  message = g_strdup_printf (_ ("%s Choose “Try the Sandbox” to start it again."), error->message);
  show_sandbox_message (self, message);
}

static void
sandbox_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApplication) self = user_data;
  DomaineSandboxProcess *sandbox = DOMAINE_SANDBOX_PROCESS (source);
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GError) error = NULL;

  if (!domaine_sandbox_process_start_finish (sandbox, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (sandbox == self->sandbox)
        g_clear_object (&self->sandbox);
      g_clear_object (&self->sandbox_cancellable);
      /* Translators: %s says why, e.g. "The sandbox program is not installed." */
      message = g_strdup_printf (_ ("Could not start the sandbox: %s"), error->message);
      show_sandbox_message (self, message);
      return;
    }
  g_clear_object (&self->sandbox_cancellable);
  if (sandbox != self->sandbox)
    return;

  self->sandbox_url = g_strdup (domaine_sandbox_process_get_base_url (sandbox));
  /* Its zones' name servers are its knotd, or cannot be asked: the Health view says why. */
  domaine_name_servers_configure (self->sandbox_url,
                                  domaine_sandbox_process_get_name_server_mapping (sandbox),
                                  domaine_sandbox_process_get_name_server_problem (sandbox));
  g_signal_connect_object (sandbox, "died", G_CALLBACK (sandbox_died_cb), self, G_CONNECT_SWAPPED);
  account = new_sandbox_account (self->sandbox_url,
                                 domaine_sandbox_process_get_application_key (sandbox),
                                 domaine_sandbox_process_get_application_secret (sandbox),
                                 domaine_sandbox_process_get_consumer_key (sandbox));
  add_sandbox_account (self, account);
  open_sandbox_account (self);
}

static void
domaine_application_activate (GApplication *app)
{
  DomaineApplication *self = DOMAINE_APPLICATION (app);
  GtkWindow *window;

  /* Single instance: a second launch lands here in the first process. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (domaine_window_new (GTK_APPLICATION (app)));

  if (self->select_on_activate != NULL)
    {
      domaine_window_select_account (DOMAINE_WINDOW (window), self->select_on_activate);
      g_clear_pointer (&self->select_on_activate, g_free);
    }

  gtk_window_present (window);
}

static void
domaine_application_try_sandbox_action (GSimpleAction *action,
                                        GVariant *parameter,
                                        gpointer user_data)
{
  DomaineApplication *self = user_data;

  if (self->sandbox_account == NULL && self->external_sandbox_account != NULL)
    add_sandbox_account (self, self->external_sandbox_account);
  if (self->sandbox_account != NULL)
    {
      open_sandbox_account (self);
      return;
    }
  if (self->sandbox != NULL)
    return; /* starting: it opens when ready */

  self->sandbox = domaine_sandbox_process_new (self->sandbox_program, NULL);
  self->sandbox_cancellable = g_cancellable_new ();
  domaine_sandbox_process_start_async (self->sandbox, self->sandbox_cancellable, sandbox_started_cb,
                                       g_object_ref (self));
}

static int
domaine_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "sandbox"))
    {
      g_autoptr (GError) error = NULL;

      /* Through the action, so that a second `domaine --sandbox` reaches the running one. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "try-sandbox", NULL);
    }

  return G_APPLICATION_CLASS (domaine_application_parent_class)
      ->handle_local_options (app, options);
}

static const GActionEntry app_actions[] = {
  { "try-sandbox", domaine_application_try_sandbox_action },
};

static void
domaine_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *manage_accounts_accels[] = { "<Control><Shift>m", NULL };

  G_APPLICATION_CLASS (domaine_application_parent_class)->startup (app);

  domaine_application_add_actions (DOMAINE_APPLICATION (app));
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  g_object_bind_property (app, "sandbox-available",
                          g_action_map_lookup_action (G_ACTION_MAP (app), "try-sandbox"), "enabled",
                          G_BINDING_SYNC_CREATE);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.manage-accounts",
                                         manage_accounts_accels);

  domaine_application_load_accounts (DOMAINE_APPLICATION (app));
}

static void
domaine_application_shutdown (GApplication *app)
{
  DomaineApplication *self = DOMAINE_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (domaine_application_parent_class)->shutdown (app);

  g_cancellable_cancel (self->sandbox_cancellable);
  if (self->sandbox != NULL)
    domaine_sandbox_process_stop (self->sandbox);

  /* The sandbox's account is made anew each run: its unpublished changes cannot come back. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->transient_accounts)); i++)
    {
      g_autoptr (OvhAccount) account
          = g_list_model_get_item (G_LIST_MODEL (self->transient_accounts), i);
      g_autoptr (GError) error = NULL;

      if (!ovh_pending_store_remove_account (self->pending_store, ovh_account_get_id (account),
                                             &error))
        g_debug ("Unpublished changes of the sandbox stay: %s", error->message);
    }
}

static void
domaine_application_finalize (GObject *object)
{
  DomaineApplication *self = DOMAINE_APPLICATION (object);

  g_clear_object (&self->accounts);
  g_clear_object (&self->transient_accounts);
  g_clear_object (&self->account_store);
  g_clear_object (&self->pending_store);
  g_clear_object (&self->sandbox_account);
  g_clear_object (&self->external_sandbox_account);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->sandbox_cancellable);
  g_clear_pointer (&self->sandbox_url, g_free);
  g_clear_pointer (&self->sandbox_program, g_free);
  g_clear_pointer (&self->select_on_activate, g_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->accounts_error, g_free);

  G_OBJECT_CLASS (domaine_application_parent_class)->finalize (object);
}

static void
domaine_application_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineApplication *self = DOMAINE_APPLICATION (object);

  switch (prop_id)
    {
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
      g_value_set_boolean (value, domaine_application_get_sandbox_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Windows offer the application's accounts: they follow them through properties. */
static void
domaine_application_window_added (GtkApplication *app, GtkWindow *window)
{
  GTK_APPLICATION_CLASS (domaine_application_parent_class)->window_added (app, window);

  if (DOMAINE_IS_WINDOW (window))
    {
      g_object_bind_property (app, "accounts", window, "accounts", G_BINDING_SYNC_CREATE);
      g_object_bind_property (app, "accounts-error", window, "accounts-error",
                              G_BINDING_SYNC_CREATE);
      g_object_bind_property (app, "accounts-state", window, "accounts-state",
                              G_BINDING_SYNC_CREATE);
      g_object_bind_property (app, "sandbox-available", window, "sandbox-available",
                              G_BINDING_SYNC_CREATE);
    }
}

static void
domaine_application_class_init (DomaineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = domaine_application_finalize;
  object_class->get_property = domaine_application_get_property;
  app_class->activate = domaine_application_activate;
  app_class->startup = domaine_application_startup;
  app_class->shutdown = domaine_application_shutdown;
  app_class->handle_local_options = domaine_application_handle_local_options;
  gtk_app_class->window_added = domaine_application_window_added;

  properties[PROP_ACCOUNTS] = g_param_spec_object ("accounts", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNTS_ERROR]
      = g_param_spec_string ("accounts-error", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An int rather than a registered enum: only the windows of this app read it. */
  properties[PROP_ACCOUNTS_STATE]
      = g_param_spec_int ("accounts-state", NULL, NULL, DOMAINE_ACCOUNTS_LOADING,
                          DOMAINE_ACCOUNTS_FAILED, DOMAINE_ACCOUNTS_LOADING,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether "Try the Sandbox" can work: the sandbox program is there (or one runs already). */
  properties[PROP_SANDBOX_AVAILABLE]
      = g_param_spec_boolean ("sandbox-available", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_application_init (DomaineApplication *self)
{
  g_autoptr (GListStore) models = g_list_store_new (G_TYPE_LIST_MODEL);

  self->account_store = ovh_account_store_new ();
  self->cancellable = g_cancellable_new ();
  self->pending_store = ovh_pending_store_new (NULL);

  self->transient_accounts = g_list_store_new (OVH_TYPE_ACCOUNT);
  g_list_store_append (models, self->account_store);
  g_list_store_append (models, self->transient_accounts);
  self->accounts
      = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models))));

  {
    const GOptionEntry entries[] = {
      { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Print the version"), NULL },
      { NULL },
    };
    g_application_add_main_option_entries (G_APPLICATION (self), entries);
  }

  self->sandbox_program = domaine_sandbox_process_find_program ();
  if (self->sandbox_program != NULL)
    {
      const GOptionEntry entries[] = {
        { "sandbox", 0, 0, G_OPTION_ARG_NONE, NULL,
          N_ ("Start the built-in sandbox, a local stand-in for the OVHcloud API, and open its "
              "demo account"),
          NULL },
        { NULL },
      };
      g_application_add_main_option_entries (G_APPLICATION (self), entries);
    }
}

DomaineApplication *
domaine_application_new (void)
{
  /* The resource base path is the same for the .Devel app id: one set of resources. */
  return g_object_new (DOMAINE_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, "resource-base-path", RESOURCE_PREFIX, NULL);
}
