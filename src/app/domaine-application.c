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
};

G_DEFINE_FINAL_TYPE (DomaineApplication, domaine_application, ADW_TYPE_APPLICATION)

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

static const GActionEntry app_actions[] = {
  { "about", domaine_application_about_action },
  { "quit", domaine_application_quit_action },
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
}

static void
domaine_application_class_init (DomaineApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = domaine_application_activate;
  app_class->startup = domaine_application_startup;
}

static void
domaine_application_init (DomaineApplication *self)
{
}

DomaineApplication *
domaine_application_new (void)
{
  /* The resource base path is the same for the .Devel app id: one set of resources. */
  return g_object_new (DOMAINE_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_DEFAULT_FLAGS, "resource-base-path", RESOURCE_PREFIX, NULL);
}
