/* domaine-test-gui.h: what GUI tests share: wait for frames, find widgets, render to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* gtk_test_init + adw_init, resources, the dark or light style from DOMAINE_TEST_STYLE. */
void domaine_test_gui_init (int *argc, char ***argv);

/* Iterates the default main context until @condition returns TRUE or @timeout_ms passes. */
gboolean
domaine_test_wait_until (gboolean (*condition) (gpointer data), gpointer data, guint timeout_ms);
/* Iterates until @window is mapped and has drawn a frame. */
void domaine_test_wait_for_window (GtkWindow *window);
/* Iterates the main context for @ms milliseconds. */
void domaine_test_spin (guint ms);

/* Depth-first search below @root. */
GtkWidget *domaine_test_find_widget_of_type (GtkWidget *root, GType type);
GtkWidget *domaine_test_find_button_with_label (GtkWidget *root, const char *label);
GtkWidget *domaine_test_find_label_with_text (GtkWidget *root, const char *text);
/* Any widget whose accessible label / label / title / tooltip is @text. */
GtkWidget *domaine_test_find_widget_with_text (GtkWidget *root, const char *text);

/* Renders @widget (a realized, mapped widget) into a PNG at @path. */
gboolean domaine_test_render_to_png (GtkWidget *widget, const char *path, GError **error);
/* If DOMAINE_SCREENSHOT_DIR is set, renders @widget to DIR/NAME-{light,dark}.png in the style
 * currently in force. Returns the path written, or NULL when not asked to. */
char *domaine_test_save_screenshot (GtkWidget *widget, const char *name);

/* Every interactive widget below @root (buttons, entries, switches, check buttons, menu
 * buttons, rows that activate) must expose a name to assistive technology. Returns the
 * number of offenders and logs each with g_test_message. */
guint domaine_test_count_unlabelled_controls (GtkWidget *root);

G_END_DECLS
