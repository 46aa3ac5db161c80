/* domaine-api-route-row.c: one route of the API in the console's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The method as a coloured badge, the path, and the schema's description below it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-api-route-row.h"

struct _DomaineApiRouteRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *method_label;
  GtkLabel *path_label;
  GtkLabel *description_label;
  OvhApiRoute *route;
  gboolean allowed;
};

G_DEFINE_FINAL_TYPE (DomaineApiRouteRow, domaine_api_route_row, GTK_TYPE_WIDGET)

GtkWidget *
domaine_api_route_row_new (void)
{
  return g_object_new (DOMAINE_TYPE_API_ROUTE_ROW, NULL);
}

OvhApiRoute *
domaine_api_route_row_get_route (DomaineApiRouteRow *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_ROUTE_ROW (self), NULL);
  return self->route;
}

gboolean
domaine_api_route_row_get_allowed (DomaineApiRouteRow *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_ROUTE_ROW (self), FALSE);
  return self->allowed;
}

void
domaine_api_route_row_set_route (DomaineApiRouteRow *self, OvhApiRoute *route, gboolean allowed)
{
  static const char *const methods[] = { "get", "post", "put", "delete", "patch" };
  const char *method;
  g_autofree char *lower = NULL;
  g_autofree char *name = NULL;
  const char *description;

  g_return_if_fail (DOMAINE_IS_API_ROUTE_ROW (self));

  g_set_object (&self->route, route);
  self->allowed = allowed;
  if (route == NULL)
    return;

  method = ovh_api_route_get_method (route);
  lower = g_ascii_strdown (method, -1);
  description = ovh_api_route_get_description (route);
  gtk_label_set_text (self->method_label, method);
  gtk_label_set_text (self->path_label, ovh_api_route_get_path (route));
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), *description != '\0');
  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autofree char *class = g_strconcat ("method-", methods[i], NULL);

      if (g_str_equal (methods[i], lower))
        gtk_widget_add_css_class (GTK_WIDGET (self->method_label), class);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->method_label), class);
    }
  if (allowed)
    gtk_widget_remove_css_class (self->box, "dim-label");
  else
    gtk_widget_add_css_class (self->box, "dim-label");
  if (ovh_api_route_get_status (route) == OVH_API_STATUS_DEPRECATED)
    gtk_widget_add_css_class (GTK_WIDGET (self->path_label), "deprecated");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->path_label), "deprecated");

  /* Translators: a method and a path ("GET /me"), then the route's description */
  name = allowed ? g_strdup_printf (_ ("%s %s: %s"), method, ovh_api_route_get_path (route),
                                    description)
                 /* Translators: a method and a path ("GET /me"), then the route's
                  * description, for a route the account's key may not call */
                 : g_strdup_printf (_ ("%s %s: %s (this key may not call it)"), method,
                                    ovh_api_route_get_path (route), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               allowed ? NULL : _ ("The account’s key may not call this route"));
}

static void
domaine_api_route_row_dispose (GObject *object)
{
  DomaineApiRouteRow *self = DOMAINE_API_ROUTE_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->route);
  G_OBJECT_CLASS (domaine_api_route_row_parent_class)->dispose (object);
}

static void
domaine_api_route_row_class_init (DomaineApiRouteRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = domaine_api_route_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "apirouterow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
domaine_api_route_row_init (DomaineApiRouteRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  self->method_label = GTK_LABEL (gtk_label_new (NULL));
  self->path_label = GTK_LABEL (gtk_label_new (NULL));
  self->description_label = GTK_LABEL (gtk_label_new (NULL));

  gtk_widget_add_css_class (GTK_WIDGET (self->method_label), "method-badge");
  gtk_widget_set_valign (GTK_WIDGET (self->method_label), GTK_ALIGN_START);
  gtk_label_set_xalign (self->path_label, 0);
  gtk_label_set_wrap (self->path_label, TRUE);
  gtk_label_set_wrap_mode (self->path_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->path_label), "monospace");
  gtk_label_set_xalign (self->description_label, 0);
  gtk_label_set_ellipsize (self->description_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->description_label), "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->path_label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->description_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->method_label));
  gtk_box_append (GTK_BOX (self->box), texts);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}
