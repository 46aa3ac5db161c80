/* domaine-account-page-private.h: what tests read of the account page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "domaine-account-page.h"

G_BEGIN_DECLS

/* The current credential (NULL until loaded) and the account's other keys (OvhCredential). */
OvhCredential *domaine_account_page_get_credential (DomaineAccountPage *self);
GListModel *domaine_account_page_get_other_keys (DomaineAccountPage *self);

G_END_DECLS
