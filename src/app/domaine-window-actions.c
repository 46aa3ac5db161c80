/* domaine-window-actions.c: the win.* actions: open an account, show its pages, reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-account-page.h"
#include "domaine-api-console.h"
#include "domaine-account-search-page.h"
#include "domaine-domain-page.h"
#include "domaine-window-private.h"

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);

  if (self->session != NULL)
    domaine_session_reload (self->session);
}

/* The sidebar's "Account" row: the /me page of the open account. */
static void
show_account_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);
  GtkWidget *page;

  if (self->session == NULL)
    return;

  page = domaine_window_get_page (self, "account");
  if (page == NULL
      || domaine_account_page_get_session (DOMAINE_ACCOUNT_PAGE (page)) != self->session)
    {
      page = domaine_account_page_new (self->session);
      g_object_bind_property (self, "folded", page, "folded", G_BINDING_SYNC_CREATE);
    }
  domaine_window_show_page (self, "account", page);
}

/* The API console of the open account: one per session, brought forward when open. */
static void
api_console_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *console;

  if (self->session == NULL)
    return;
  for (GList *l = application != NULL ? gtk_application_get_windows (application) : NULL; l != NULL;
       l = l->next)
    if (DOMAINE_IS_API_CONSOLE (l->data)
        && domaine_api_console_get_session (l->data) == self->session)
      {
        gtk_window_present (l->data);
        return;
      }

  console = domaine_api_console_new (self->session);
  if (application != NULL)
    gtk_window_set_application (GTK_WINDOW (console), application);
  gtk_window_present (GTK_WINDOW (console));
}

static void
show_sidebar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

/* The sidebar's choice: one domain page per session, reused from one domain to the next (which
 * cancels the previous domain's loads). */
static void
show_domain_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GListModel *domains;
  g_autoptr (OvhDomain) domain = NULL;
  GtkWidget *page;

  if (self->session == NULL)
    return;

  domains = domaine_session_get_domains (self->session);
  for (guint i = 0; domains != NULL && i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) item = g_list_model_get_item (domains, i);

      if (g_strcmp0 (ovh_domain_get_name (item), name) == 0)
        {
          domain = g_steal_pointer (&item);
          break;
        }
    }
  if (domain == NULL)
    return;

  page = domaine_window_get_page (self, "domain");
  if (page == NULL || domaine_domain_page_get_session (DOMAINE_DOMAIN_PAGE (page)) != self->session)
    {
      page = domaine_domain_page_new (self->session);
      g_object_bind_property (self, "folded", page, "folded", G_BINDING_SYNC_CREATE);
    }
  domaine_domain_page_set_domain (DOMAINE_DOMAIN_PAGE (page), domain);
  domaine_window_show_page (self, "domain", page);
}

/* Ctrl+Shift+F: one search page per session, kept while the session is open. */
static void
search_all_zones_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);
  GtkWidget *page;

  if (self->session == NULL)
    return;

  page = domaine_window_get_page (self, "search");
  if (page == NULL
      || domaine_account_search_page_get_session (DOMAINE_ACCOUNT_SEARCH_PAGE (page))
             != self->session)
    {
      page = domaine_account_search_page_new (self->session);
      g_object_bind_property (self, "folded", page, "folded", G_BINDING_SYNC_CREATE);
    }
  domaine_window_show_page (self, "search", page);
}

/* A record found by the search: its domain's records, that record selected. */
static void
show_record_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineWindow *self = DOMAINE_WINDOW (widget);
  const char *zone;
  guint64 record_id;
  g_autoptr (GVariant) domain_name = NULL;
  GtkWidget *page;

  g_variant_get (parameter, "(&st)", &zone, &record_id);
  domain_name = g_variant_ref_sink (g_variant_new_string (zone));
  show_domain_action (widget, "win.show-domain", domain_name);
  page = domaine_window_get_page (self, "domain");
  if (page == NULL || domaine_domain_page_get_domain (DOMAINE_DOMAIN_PAGE (page)) == NULL
      || g_strcmp0 (
             ovh_domain_get_name (domaine_domain_page_get_domain (DOMAINE_DOMAIN_PAGE (page))),
             zone)
             != 0)
    return;
  domaine_domain_page_set_visible_view (DOMAINE_DOMAIN_PAGE (page), "records");
  domaine_zone_editor_reveal_record (
      domaine_domain_page_get_zone_editor (DOMAINE_DOMAIN_PAGE (page)), record_id);
}

/* A publish followed until every name server serves it: said by a notification when the
 * person is looking elsewhere (the page already says it otherwise). */
static void
propagation_live_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  const char *zone;
  guint n_in_sync, n_servers;

  if (application == NULL || gtk_window_is_active (GTK_WINDOW (widget))
      || !g_application_get_is_registered (G_APPLICATION (application)))
    return;
  g_variant_get (parameter, "(&suu)", &zone, &n_in_sync, &n_servers);
  /* Translators: "lovelace.fr is live on 2 of 2 name servers". */
  title = g_strdup_printf (ngettext ("%s is live on %u of %u name server",
                                     "%s is live on %u of %u name servers", n_servers),
                           zone, n_in_sync, n_servers);
  notification = g_notification_new (title);
  id = g_strconcat ("propagation-", zone, NULL);
  g_application_send_notification (G_APPLICATION (application), id, notification);
}

/* Whether a desktop notification would be seen: in Flatpak the portal delivers it; elsewhere
 * a notification server must be running or activatable (a bare X session has none). */
static gboolean
notifications_available (GApplication *application)
{
  GDBusConnection *bus = g_application_get_dbus_connection (application);
  g_autoptr (GVariant) owner = NULL;
  g_autoptr (GVariant) activatable = NULL;
  g_autofree const char **names = NULL;
  gboolean has_owner = FALSE;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  if (bus == NULL)
    return FALSE;
  owner = g_dbus_connection_call_sync (
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
      g_variant_new ("(s)", "org.freedesktop.Notifications"), G_VARIANT_TYPE ("(b)"),
      G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (owner != NULL)
    g_variant_get (owner, "(b)", &has_owner);
  if (has_owner)
    return TRUE;
  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000,
                                             NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  g_variant_get (activatable, "(^a&s)", &names);
  return g_strv_contains (names, "org.freedesktop.Notifications");
}

void
domaine_window_domain_expiring (DomaineWindow *self,
                                OvhServiceInfos *service_infos,
                                GNotification *notification)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *domain = ovh_service_infos_get_domain (service_infos);
  g_autofree char *id = NULL;

  /* Looked at, the window says it in the domain's page (its banner). */
  if (application == NULL || gtk_window_is_active (GTK_WINDOW (self))
      || !g_application_get_is_registered (G_APPLICATION (application))
      || !notifications_available (G_APPLICATION (application)))
    return;
  id = domaine_expiry_watch_dup_notification_id (domain);
  g_application_send_notification (G_APPLICATION (application), id, notification);
}

void
domaine_window_class_add_actions (GtkWidgetClass *widget_class)
{
  /* Stateful (the open account's id): the accounts menu shows a radio mark on it. */
  gtk_widget_class_install_property_action (widget_class, "win.select-account", "account-id");
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-account", NULL, show_account_action);
  gtk_widget_class_install_action (widget_class, "win.show-domain", "s", show_domain_action);
  gtk_widget_class_install_action (widget_class, "win.propagation-live", "(suu)",
                                   propagation_live_action);
  gtk_widget_class_install_action (widget_class, "win.api-console", NULL, api_console_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.api-console", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.api-console", NULL);
  gtk_widget_class_install_action (widget_class, "win.search-all-zones", NULL,
                                   search_all_zones_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(st)", show_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-all-zones", NULL);
}
