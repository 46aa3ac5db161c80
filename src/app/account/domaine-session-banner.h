/* domaine-session-banner.h: the account-level strip under a page's header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "domaine-session.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_SESSION_BANNER (domaine_session_banner_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineSessionBanner, domaine_session_banner, DOMAINE, SESSION_BANNER, GtkWidget)

DomaineSession *domaine_session_banner_get_session (DomaineSessionBanner *self);
void domaine_session_banner_set_session (DomaineSessionBanner *self, DomaineSession *session);
const char *domaine_session_banner_get_title (DomaineSessionBanner *self); /* NULL when hidden */

G_END_DECLS
