/* domaine-test-gui.h: what GUI tests share: wait for frames, find widgets, render to PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-account-assistant.h"
#include "domaine-application.h"
#include "domaine-window.h"
#if WITH_SANDBOX
#include "ovh-sandbox.h"
#endif

G_BEGIN_DECLS

/* gtk_test_init + adw_init, resources, the dark or light style from DOMAINE_TEST_STYLE. */
void domaine_test_gui_init (int *argc, char ***argv);

/* Iterates the default main context until @condition returns TRUE or @timeout_ms passes. */
gboolean
domaine_test_wait_until (gboolean (*condition) (gpointer data), gpointer data, guint timeout_ms);
/* Iterates until @window is mapped and has drawn a frame. */
void domaine_test_wait_for_window (GtkWindow *window);
/* Iterates until the window of @widget has drawn a new frame. */
void domaine_test_wait_for_frame (GtkWidget *widget);
/* Iterates until no GtkStack or GtkRevealer below @root is in a transition (a slide, a
 * crossfade), then until a frame is drawn: what a screenshot should show. */
void domaine_test_wait_for_transitions (GtkWidget *root);
/* Iterates until *@location (a weak pointer: g_object_add_weak_pointer) is NULL, or
 * @timeout_ms passes; returns whether it is NULL. */
gboolean domaine_test_wait_for_null (gpointer *location, guint timeout_ms);

/* Depth-first search below @root. */
GtkWidget *domaine_test_find_widget_of_type (GtkWidget *root, GType type);
GtkWidget *domaine_test_find_button_with_label (GtkWidget *root, const char *label);
GtkWidget *domaine_test_find_label_with_text (GtkWidget *root, const char *text);
/* Any widget whose accessible label / label / title / tooltip is @text. */
GtkWidget *domaine_test_find_widget_with_text (GtkWidget *root, const char *text);

/* Renders @widget (a realized, mapped widget) into a PNG at @path. */
gboolean domaine_test_render_to_png (GtkWidget *widget, const char *path, GError **error);
/* If DOMAINE_SCREENSHOT_DIR is set, renders @widget to DIR/NAME-{light,dark}.png in the style
 * currently in force, and with DOMAINE_SCREENSHOT_NARROW=WIDTH also DIR/NAME-narrow-STYLE.png in a
 * window WIDTH pixels wide. Returns the path written, or NULL when not asked to. */
char *domaine_test_save_screenshot (GtkWidget *widget, const char *name);

/* Every interactive widget below @root (buttons, entries, switches, check buttons, menu
 * buttons, rows that activate) must expose a name to assistive technology. Returns the
 * number of offenders and logs each with g_test_message. */
guint domaine_test_count_unlabelled_controls (GtkWidget *root);

/* main() helpers */

/* setlocale and the build tree's translations (DOMAINE_TEST_LOCALEDIR), as main.c binds them. */
void domaine_test_bind_translations (void);
/* Whether this process is the g_test_trap_subprocess() child running the test whose path ends
 * with @path_suffix. Reads @argv before g_test_init(), for settings that must come first. */
gboolean domaine_test_is_subprocess_of (int argc, char **argv, const char *path_suffix);
/* The app's own style sheet, as AdwApplication loads it: screens look as they do in the app. */
void domaine_test_load_app_style (void);
/* XDG_DATA_HOME and XDG_CACHE_HOME in a new directory from @tmpl (g_dir_make_tmp), so that
 * pending changes and caches stay this test's own. */
void domaine_test_use_scratch_data_dirs (const char *tmpl);

/* One DomaineApplication per process, as in real life: a GApplication owns its bus name and
 * object paths until the process exits. Each test takes it, and opens and closes windows. */

/* Creates and registers the process's application on first use (NON_UNIQUE in a
 * g_test_trap_subprocess() child, which must not hand its activation to the parent), starts
 * an in-process sandbox for it if @with_sandbox (the app's app.try-sandbox then opens that
 * one), then activates it. Returns a new reference. */
DomaineApplication *domaine_test_app_get (gboolean with_sandbox);
/* The process's application, or NULL before domaine_test_app_get(). (transfer none) */
DomaineApplication *domaine_test_app_peek (void);
#if WITH_SANDBOX
/* The in-process sandbox of domaine_test_app_get (TRUE), where tests act as the user's browser
 * or inject faults. (transfer none) */
OvhSandbox *domaine_test_app_get_sandbox (void);
#endif
/* Quits and drops the process's application: the end of main(). */
void domaine_test_app_release (void);
/* The main window among the application's windows (an assistant may be the active one). */
DomaineWindow *domaine_test_app_get_window (void);
/* The keyring's accounts, as the application holds them. */
OvhAccountStore *domaine_test_app_get_store (void);
/* Waits (10 s at most) until the keyring load settled; returns how it ended. */
DomaineAccountsState domaine_test_app_wait_accounts_settled (void);
/* Activates app.quit, as a person would, and iterates until every window is gone. The
 * application object stays for the next test. */
void domaine_test_app_close_windows (void);

/* The first window of @type among @app's windows, or NULL. */
GtkWindow *domaine_test_find_window_of_type (GtkApplication *app, GType type);
/* Iterates until @assistant shows @page (15 s at most), or aborts saying where it stayed. */
void domaine_test_assistant_wait_for_page (DomaineAccountAssistant *assistant, const char *page);
/* Types @text into the AdwEntryRow titled @title below @root. */
void domaine_test_set_entry_row_text (GtkWidget *root, const char *title, const char *text);

/* The real keyring, waited for (10 s at most); each asserts success. */

/* A NEW store reading the keyring: what the next start of Domaine would find. */
OvhAccountStore *domaine_test_store_load_sync (void);
void domaine_test_store_add_sync (OvhAccountStore *store, OvhAccount *account);
void domaine_test_store_remove_sync (OvhAccountStore *store, OvhAccount *account);

#if WITH_SANDBOX
/* A session on the sandbox's ready-made account (its client without a rate limit), not yet
 * loaded: call domaine_session_reload(). */
DomaineSession *domaine_test_session_new_for_sandbox (OvhSandbox *sandbox);
#endif
/* Reloads @session and waits (10 s at most) until it is ready: /me and the domains read. */
void domaine_test_session_reload_sync (DomaineSession *session);

/* Waiting for conditions (each returns whether it came before @timeout_ms) */

/* Iterates until @object notifies @property (once, from now). */
gboolean domaine_test_wait_notify (gpointer object, const char *property, guint timeout_ms);
/* Iterates until @model holds @n_items items. */
gboolean domaine_test_wait_n_items (GListModel *model, guint n_items, guint timeout_ms);
/* Iterates until @widget's frame clock painted @n_frames more frames (a relayout shows). */
gboolean domaine_test_wait_frames (GtkWidget *widget, guint n_frames);
/* Drops the caller's reference to @object and iterates until it is finalized: what it
 * started (loads, cancelled calls) has called back. */
gboolean domaine_test_wait_finalized (gpointer object, guint timeout_ms);
/* Iterates until a widget below @root carries @text (see domaine_test_find_widget_with_text). */
GtkWidget *domaine_test_wait_for_widget_with_text (GtkWidget *root, const char *text);
/* The visible AdwMessageDialog among the toplevels, or NULL. */
AdwMessageDialog *domaine_test_find_message_dialog (void);

/* Keys (GTK 4 cannot synthesize key events in-process) */

/* What pressing @keyval with @modifiers does with the focus on @focus: activates the shortcut
 * for it of the nearest widget, capture phase from the root down first, then bubbling up
 * (class key bindings, shortcut controllers). Returns whether one took the key. */
gboolean domaine_test_press_key (GtkWidget *focus, guint keyval, GdkModifierType modifiers);
/* The focus widget of @widget's window. */
GtkWidget *domaine_test_get_focus (GtkWidget *widget);
/* The accelerators a popover menu shows beside its items, as written ("Ctrl+N"). */
GStrv domaine_test_dup_menu_accelerators (GtkWidget *popover);

G_END_DECLS
