/* domaine-window.h: the main window: welcome, keyring state, or an account's sidebar + page
 *
 * Actions (prefix "win."): select-account (s, its state the open account's id, "" for none:
 * the "account-id" property), show-domain (s, a domain of the open account),
 * show-account, show-sidebar, reload, search-all-zones (Ctrl+Shift+F), show-record ("(st)": a
 * zone of the open account and a record's id: that zone's records, the record selected). The window
 * toasts in its AdwToastOverlay: pages reach it with gtk_widget_get_ancestor().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-session.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_WINDOW (domaine_window_get_type ())
G_DECLARE_FINAL_TYPE (DomaineWindow, domaine_window, DOMAINE, WINDOW, AdwApplicationWindow)

DomaineWindow *domaine_window_new (GtkApplication *application);
void domaine_window_add_toast (DomaineWindow *self, AdwToast *toast);

/* The open account, or NULL on the welcome page. */
DomaineSession *domaine_window_get_session (DomaineWindow *self);
/* Opens the account with this id (one of "accounts"). */
gboolean domaine_window_select_account (DomaineWindow *self, const char *account_id);

G_END_DECLS
