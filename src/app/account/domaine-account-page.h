/* domaine-account-page.h: the account's details: who, where, billing, keys, sign out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-credential.h"

#include "domaine-session.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ACCOUNT_PAGE (domaine_account_page_get_type ())
G_DECLARE_FINAL_TYPE (DomaineAccountPage, domaine_account_page, DOMAINE, ACCOUNT_PAGE, GtkWidget)

/* The page of @session's account; it loads the current credential and the other keys. */
GtkWidget *domaine_account_page_new (DomaineSession *session);
DomaineSession *domaine_account_page_get_session (DomaineAccountPage *self);

/* Whether the window is folded (one column): the page shows a back button then. */
gboolean domaine_account_page_get_folded (DomaineAccountPage *self);
void domaine_account_page_set_folded (DomaineAccountPage *self, gboolean folded);

/* Reads /me, the current credential and the other keys again. */
void domaine_account_page_reload (DomaineAccountPage *self);
/* TRUE while the credential or the list of keys is on its way. */
gboolean domaine_account_page_get_loading (DomaineAccountPage *self);

G_END_DECLS
