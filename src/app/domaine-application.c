/* domaine-application.c: the application object: actions, accelerators, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-application.h"
#include "domaine-window.h"

struct _DomaineApplication
{
  AdwApplication parent_instance;

  OvhAccountStore *account_store;
  DomaineAccountsState accounts_state;
  char *accounts_error;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (DomaineApplication, domaine_application, ADW_TYPE_APPLICATION)

enum
{
  PROP_0,
  PROP_ACCOUNTS_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
domaine_application_set_accounts_state (DomaineApplication *self,
                                        DomaineAccountsState state,
                                        const char *error_message)
{
  g_free (self->accounts_error);
  self->accounts_error = g_strdup (error_message);
  self->accounts_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNTS_STATE]);
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

static void
domaine_application_activate (GApplication *app)
{
  GtkWindow *window;

  /* Single instance: a second launch lands here in the first process. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (domaine_window_new (GTK_APPLICATION (app)));

  gtk_window_present (window);
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

static const GActionEntry app_actions[] = {
  { "about", domaine_application_about_action },
  { "quit", domaine_application_quit_action },
  { "load-accounts", domaine_application_load_accounts_action },
};

static void
domaine_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (domaine_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);

  domaine_application_load_accounts (DOMAINE_APPLICATION (app));
}

static void
domaine_application_shutdown (GApplication *app)
{
  DomaineApplication *self = DOMAINE_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (domaine_application_parent_class)->shutdown (app);
}

static void
domaine_application_finalize (GObject *object)
{
  DomaineApplication *self = DOMAINE_APPLICATION (object);

  g_clear_object (&self->account_store);
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
    case PROP_ACCOUNTS_STATE:
      g_value_set_int (value, self->accounts_state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_application_class_init (DomaineApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = domaine_application_finalize;
  object_class->get_property = domaine_application_get_property;
  app_class->activate = domaine_application_activate;
  app_class->startup = domaine_application_startup;
  app_class->shutdown = domaine_application_shutdown;

  /* An int rather than a registered enum: only the windows of this app read it. */
  properties[PROP_ACCOUNTS_STATE]
      = g_param_spec_int ("accounts-state", NULL, NULL, DOMAINE_ACCOUNTS_LOADING,
                          DOMAINE_ACCOUNTS_FAILED, DOMAINE_ACCOUNTS_LOADING,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_application_init (DomaineApplication *self)
{
  self->account_store = ovh_account_store_new ();
  self->cancellable = g_cancellable_new ();
}

DomaineApplication *
domaine_application_new (void)
{
  /* The resource base path is the same for the .Devel app id: one set of resources. */
  return g_object_new (DOMAINE_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, "resource-base-path", RESOURCE_PREFIX, NULL);
}
