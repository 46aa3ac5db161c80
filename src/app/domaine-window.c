/* domaine-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-window.h"

struct _DomaineWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  /* Template children */
  AdwHeaderBar *header_bar;
  GtkMenuButton *primary_menu_button;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (DomaineWindow, domaine_window, ADW_TYPE_APPLICATION_WINDOW)

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
  domaine_window_save_size (DOMAINE_WINDOW (window));

  return GTK_WINDOW_CLASS (domaine_window_parent_class)->close_request (window);
}

static void
domaine_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_WINDOW);

  G_OBJECT_CLASS (domaine_window_parent_class)->dispose (object);
}

static void
domaine_window_finalize (GObject *object)
{
  DomaineWindow *self = DOMAINE_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (domaine_window_parent_class)->finalize (object);
}

static void
domaine_window_class_init (DomaineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = domaine_window_dispose;
  object_class->finalize = domaine_window_finalize;
  window_class->close_request = domaine_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/domaine-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineWindow, empty_page);
}

static void
domaine_window_init (DomaineWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
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
