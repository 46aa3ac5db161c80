/* domaine-redirections-page.h: a zone's web redirections, staged and published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Properties: "zone" (OvhZone, readwrite), "busy" (a request is under way), "n-pending" (staged
 * changes not published yet), "read-only" (the account's key may read redirections but not
 * change them: adding and editing are off, and the page says why).
 *
 * Actions (group "redirections"): add, edit(u), delete(u), revert(u) on the item at that
 * position of the items model, revert-all, publish, reload.
 */
#pragma once

#include <adwaita.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_REDIRECTIONS_PAGE (domaine_redirections_page_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRedirectionsPage, domaine_redirections_page, DOMAINE, REDIRECTIONS_PAGE, GtkWidget)

void domaine_redirections_page_set_zone (DomaineRedirectionsPage *self, OvhZone *zone);
OvhZone *domaine_redirections_page_get_zone (DomaineRedirectionsPage *self);
gboolean domaine_redirections_page_get_busy (DomaineRedirectionsPage *self);
gboolean domaine_redirections_page_get_read_only (DomaineRedirectionsPage *self);
guint domaine_redirections_page_get_n_pending (DomaineRedirectionsPage *self);
/* DomaineRedirectionItem: published ones by subdomain, then the new ones. */
GListModel *domaine_redirections_page_get_items (DomaineRedirectionsPage *self);

G_END_DECLS
