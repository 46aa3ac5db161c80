/* domaine-sidebar.h: the account row and the searchable list of the account's domains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-session.h"
#include "ovh-domain.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_SIDEBAR (domaine_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (DomaineSidebar, domaine_sidebar, DOMAINE, SIDEBAR, GtkWidget)

GtkWidget *domaine_sidebar_new (void);

DomaineSession *domaine_sidebar_get_session (DomaineSidebar *self);
void domaine_sidebar_set_session (DomaineSidebar *self, DomaineSession *session);

/* Selecting a domain activates win.show-domain with its name: the window shows its page.
 * The domain last chosen in the list ("selected-domain"), or NULL. */
OvhDomain *domaine_sidebar_get_selected_domain (DomaineSidebar *self);

G_END_DECLS
