/* domaine-window.h
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
/* Opens the account with this id (from the application's account store). */
gboolean domaine_window_select_account (DomaineWindow *self, const char *account_id);

/* Whether the leaflet is folded (one column): pages show a back button then. */
gboolean domaine_window_get_folded (DomaineWindow *self);
/* Puts @page in the content column under @name and shows it (and, folded, navigates to it).
 * Pages own their header bar; @page replaces a previous page of the same name. */
void domaine_window_show_page (DomaineWindow *self, const char *name, GtkWidget *page);
GtkWidget *domaine_window_get_page (DomaineWindow *self, const char *name);
/* Back to the status page of the session (nothing selected), e.g. after a sign-out. */
void domaine_window_show_session_status (DomaineWindow *self);

G_END_DECLS
