/* domaine-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_WINDOW (domaine_window_get_type ())
G_DECLARE_FINAL_TYPE (DomaineWindow, domaine_window, DOMAINE, WINDOW, AdwApplicationWindow)

DomaineWindow *domaine_window_new (GtkApplication *application);
void domaine_window_add_toast (DomaineWindow *self, AdwToast *toast);

G_END_DECLS
