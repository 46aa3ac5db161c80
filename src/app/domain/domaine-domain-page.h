/* domaine-domain-page.h: one domain: its records (the zone editor) and its registration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-session.h"
#include "domaine-zone-editor.h"
#include "ovh-domain.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_DOMAIN_PAGE (domaine_domain_page_get_type ())
G_DECLARE_FINAL_TYPE (DomaineDomainPage, domaine_domain_page, DOMAINE, DOMAIN_PAGE, GtkWidget)

/* Actions (prefix "page."): add-record, search, reload, review, publish; Ctrl+N, Ctrl+F,
 * Ctrl+R and Ctrl+Shift+P reach them from anywhere in the window while the page shows. */
GtkWidget *domaine_domain_page_new (DomaineSession *session);

DomaineSession *domaine_domain_page_get_session (DomaineDomainPage *self);
/* The page is reused from one domain to the next: loads of the previous one are cancelled
 * and its unpublished changes stay saved. */
OvhDomain *domaine_domain_page_get_domain (DomaineDomainPage *self);
void domaine_domain_page_set_domain (DomaineDomainPage *self, OvhDomain *domain);
DomaineZoneEditor *domaine_domain_page_get_zone_editor (DomaineDomainPage *self);
/* "records" or "domain". */
void domaine_domain_page_set_visible_view (DomaineDomainPage *self, const char *name);
const char *domaine_domain_page_get_visible_view (DomaineDomainPage *self);
/* Whether the window is folded (one column): the page shows a back button then, and the
 * window buttons on the start side too. */
gboolean domaine_domain_page_get_folded (DomaineDomainPage *self);
void domaine_domain_page_set_folded (DomaineDomainPage *self, gboolean folded);

/* For the window's close-request: with unpublished changes, asks "Publish, Discard or
 * Cancel" and returns TRUE (the page closes @window itself once they are published or
 * discarded); returns FALSE when the window may close now. */
gboolean domaine_domain_page_confirm_close (DomaineDomainPage *self, GtkWindow *window);

G_END_DECLS
