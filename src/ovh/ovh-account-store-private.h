/* ovh-account-store-private.h: what the store's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-account-store.h"

G_BEGIN_DECLS

/* Moves the account at @from to @to in the model only (no keyring access). */
void ovh_account_store_move_in_model (OvhAccountStore *self, guint from, guint to);

G_END_DECLS
