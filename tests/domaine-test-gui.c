/* domaine-test-gui.c: what GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "domaine-test-gui.h"

void
domaine_test_gui_init (int *argc, char ***argv)
{
  const char *style;

  /* Without a display (a Flatpak build's run-tests), GUI tests are skipped, not failed. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  style = g_getenv ("DOMAINE_TEST_STYLE");
  adw_style_manager_set_color_scheme (
      adw_style_manager_get_default (),
      g_strcmp0 (style, "dark") == 0 ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
domaine_test_wait_until (gboolean (*condition) (gpointer data), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id;

  id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

void
domaine_test_spin (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
frame_done_cb (GdkFrameClock *clock, gpointer data)
{
  guint *frames = data;

  (*frames)++;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

void
domaine_test_wait_for_window (GtkWindow *window)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong id;

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_done_cb), &frames);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  domaine_test_wait_until (two_frames, &frames, 5000);
  g_signal_handler_disconnect (clock, id);
}

GtkWidget *
domaine_test_find_widget_of_type (GtkWidget *root, GType type)
{
  if (root == NULL)
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = domaine_test_find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, const char *text);

static GtkWidget *
find_widget (GtkWidget *root, WidgetPredicate predicate, const char *text)
{
  if (root == NULL)
    return NULL;
  if (predicate (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Compares GtkLabel text with mnemonic underscores removed. */
static gboolean
label_text_is (const char *label, const char *text)
{
  g_autoptr (GString) plain = NULL;

  if (label == NULL)
    return FALSE;
  plain = g_string_new (NULL);
  for (const char *p = label; *p; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);
  return g_strcmp0 (plain->str, text) == 0 || g_strcmp0 (label, text) == 0;
}

static gboolean
is_button_with_label (GtkWidget *widget, const char *text)
{
  return GTK_IS_BUTTON (widget) && label_text_is (gtk_button_get_label (GTK_BUTTON (widget)), text);
}

static gboolean
is_label_with_text (GtkWidget *widget, const char *text)
{
  return GTK_IS_LABEL (widget) && label_text_is (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
has_text (GtkWidget *widget, const char *text)
{
  if (is_button_with_label (widget, text) || is_label_with_text (widget, text))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget)
      && label_text_is (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text))
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget)
      && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
    return TRUE;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return TRUE;
  return FALSE;
}

GtkWidget *
domaine_test_find_button_with_label (GtkWidget *root, const char *label)
{
  return find_widget (root, is_button_with_label, label);
}

GtkWidget *
domaine_test_find_label_with_text (GtkWidget *root, const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

GtkWidget *
domaine_test_find_widget_with_text (GtkWidget *root, const char *text)
{
  return find_widget (root, has_text, text);
}

gboolean
domaine_test_render_to_png (GtkWidget *widget, const char *path, GError **error)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GskRenderer) renderer = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width, height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "widget has no size yet");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "widget drew nothing");
      return FALSE;
    }

  /* A private cairo renderer: byte-stable output, no GL needed under Xvfb. */
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, error))
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

char *
domaine_test_save_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("DOMAINE_SCREENSHOT_DIR");
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  char *path;
  gboolean dark;

  if (dir == NULL || *dir == '\0')
    return NULL;

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  if (!domaine_test_render_to_png (widget, path, &error))
    g_error ("screenshot %s: %s", path, error->message);
  return path;
}

static gboolean
has_visible_text_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));
          if (text != NULL && *text != '\0')
            return TRUE;
        }
      if (has_visible_text_child (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
control_has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      return title != NULL && *title != '\0';
    }
  return has_visible_text_child (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  /* The parts of composite widgets are named by their owner (a row names its suffix). */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget)
      || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget)
      || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget)
      || ADW_IS_PREFERENCES_ROW (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      /* A GtkMenuButton's inner toggle, a GtkDropDown's button: the outer widget counts. */
      if (parent != NULL && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_DROP_DOWN (parent)))
        return FALSE;
      return TRUE;
    }
  return FALSE;
}

static void
count_unlabelled (GtkWidget *widget, guint *count)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (is_control (widget) && !control_has_name (widget))
    {
      g_test_message ("unlabelled %s (css name %s)", G_OBJECT_TYPE_NAME (widget),
                      gtk_widget_get_css_name (widget));
      (*count)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_unlabelled (child, count);
}

guint
domaine_test_count_unlabelled_controls (GtkWidget *root)
{
  guint count = 0;

  count_unlabelled (root, &count);
  return count;
}
