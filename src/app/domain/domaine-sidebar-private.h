/* domaine-sidebar-private.h: what tests do with the sidebar, as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "domaine-sidebar.h"

G_BEGIN_DECLS

/* The domains shown (filtered by the search entry). */
GListModel *domaine_sidebar_get_model (DomaineSidebar *self);
/* Types @text in the search entry. */
void domaine_sidebar_set_search_text (DomaineSidebar *self, const char *text);
/* Selects @name and asks for its page (again, if it is the selected one); FALSE when it is
 * not listed. */
gboolean domaine_sidebar_select_domain (DomaineSidebar *self, const char *name);

G_END_DECLS
