/* domaine-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-account-store.h"

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_ACCOUNTS_LOADING,
  DOMAINE_ACCOUNTS_READY,
  DOMAINE_ACCOUNTS_FAILED, /* the keyring is unavailable or stayed locked */
} DomaineAccountsState;

#define DOMAINE_TYPE_APPLICATION (domaine_application_get_type ())
G_DECLARE_FINAL_TYPE (DomaineApplication, domaine_application, DOMAINE, APPLICATION, AdwApplication)

DomaineApplication *domaine_application_new (void);

OvhAccountStore *domaine_application_get_account_store (DomaineApplication *self);
DomaineAccountsState domaine_application_get_accounts_state (DomaineApplication *self);
const char *domaine_application_get_accounts_error (DomaineApplication *self);
/* (Re)loads the accounts from the keyring; windows follow accounts-state. */
void domaine_application_load_accounts (DomaineApplication *self);

G_END_DECLS
