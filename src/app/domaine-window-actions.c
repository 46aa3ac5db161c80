/* domaine-window-actions.c: the win.* actions: open an account, show its pages, reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-account-page.h"
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

void
domaine_window_class_add_actions (GtkWidgetClass *widget_class)
{
  /* Stateful (the open account's id): the accounts menu shows a radio mark on it. */
  gtk_widget_class_install_property_action (widget_class, "win.select-account", "account-id");
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-account", NULL, show_account_action);
  gtk_widget_class_install_action (widget_class, "win.show-domain", "s", show_domain_action);
}
