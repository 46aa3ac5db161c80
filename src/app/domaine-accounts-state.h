/* domaine-accounts-state.h: how far loading the keyring's accounts went
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_ACCOUNTS_LOADING,
  DOMAINE_ACCOUNTS_READY,
  DOMAINE_ACCOUNTS_FAILED, /* the keyring is unavailable or stayed locked */
} DomaineAccountsState;

G_END_DECLS
