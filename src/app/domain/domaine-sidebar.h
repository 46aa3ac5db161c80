/* domaine-sidebar.h: the account row and the searchable list of the account's domains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-domain-page.h"
#include "domaine-session.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_SIDEBAR (domaine_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (DomaineSidebar, domaine_sidebar, DOMAINE, SIDEBAR, GtkWidget)

GtkWidget *domaine_sidebar_new (void);

DomaineSession *domaine_sidebar_get_session (DomaineSidebar *self);
void domaine_sidebar_set_session (DomaineSidebar *self, DomaineSession *session);

/* The domains shown (filtered by the search entry). */
GListModel *domaine_sidebar_get_model (DomaineSidebar *self);
void domaine_sidebar_set_search_text (DomaineSidebar *self, const char *text);
/* Selects @domain (by name) and shows its page; FALSE when it is not listed. */
gboolean domaine_sidebar_select_domain (DomaineSidebar *self, const char *name);
OvhDomain *domaine_sidebar_get_selected_domain (DomaineSidebar *self);
/* The page domains are shown in (one, reused; NULL before the first selection). */
DomaineDomainPage *domaine_sidebar_get_domain_page (DomaineSidebar *self);
/* The short line under a domain's name: expiry date, "Zone only" or "External DNS". */
char *domaine_sidebar_dup_caption (OvhDomain *domain);

G_END_DECLS
