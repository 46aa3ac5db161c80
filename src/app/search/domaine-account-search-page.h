/* domaine-account-search-page.h: records found across every zone of the account, and replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-session.h"
#include "ovh-account-search.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ACCOUNT_SEARCH_PAGE (domaine_account_search_page_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineAccountSearchPage, domaine_account_search_page, DOMAINE, ACCOUNT_SEARCH_PAGE, GtkWidget)

/* Loads every zone of the session's account once shown (from the record cache while a zone's
 * serial holds), then searches as the text changes. Activating a record activates
 * "win.show-record" ("(st)": the zone, the record's id). Actions (prefix "search."): replace
 * (opens the combined review of a replacement in every zone), reload.
 * Properties: "session" (construct-only), "folded" (the window is one column: a back button
 * shows), "search" (OvhAccountSearch, read-only), "results" (GListModel of OvhZoneMatches,
 * read-only), "n-results" (records found, read-only). */
GtkWidget *domaine_account_search_page_new (DomaineSession *session);

DomaineSession *domaine_account_search_page_get_session (DomaineAccountSearchPage *self);
OvhAccountSearch *domaine_account_search_page_get_search (DomaineAccountSearchPage *self);
GListModel *domaine_account_search_page_get_results (DomaineAccountSearchPage *self);
guint domaine_account_search_page_get_n_results (DomaineAccountSearchPage *self);
gboolean domaine_account_search_page_get_folded (DomaineAccountSearchPage *self);
void domaine_account_search_page_set_folded (DomaineAccountSearchPage *self, gboolean folded);

/* The search's text, and the replacement's (what typing in the entries does). */
void domaine_account_search_page_set_text (DomaineAccountSearchPage *self, const char *text);
void domaine_account_search_page_set_replacement (DomaineAccountSearchPage *self,
                                                  const char *replacement);

G_END_DECLS
