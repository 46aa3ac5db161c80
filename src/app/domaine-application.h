/* domaine-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-account-store.h"

#include "domaine-accounts-state.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_APPLICATION (domaine_application_get_type ())
G_DECLARE_FINAL_TYPE (DomaineApplication, domaine_application, DOMAINE, APPLICATION, AdwApplication)

/* Actions (prefix "app."): about, quit, load-accounts, add-account, reauthenticate (s: an
 * account's id), sign-out (s), rename-account ((ss): the id and the new label), try-sandbox,
 * manage-accounts, move-account ((si): the id and the new place), forget-account (s: removed
 * here without revoking the key).
 * Each DomaineWindow follows the properties "accounts", "accounts-state" and "accounts-error". */

DomaineApplication *domaine_application_new (void);

OvhAccountStore *domaine_application_get_account_store (DomaineApplication *self);
DomaineAccountsState domaine_application_get_accounts_state (DomaineApplication *self);
const char *domaine_application_get_accounts_error (DomaineApplication *self);
/* (Re)loads the accounts from the keyring; windows follow accounts-state. */
void domaine_application_load_accounts (DomaineApplication *self);

/* Every account the windows offer: the keyring's, then those kept in memory only (the
 * sandbox account, whose port changes each run). A GListModel of OvhAccount. */
GListModel *domaine_application_get_accounts (DomaineApplication *self);
OvhAccount *domaine_application_find_account (DomaineApplication *self, const char *account_id);
/* Whether the account lives in memory only (never in the keyring). */
gboolean domaine_application_is_transient_account (DomaineApplication *self, OvhAccount *account);
void domaine_application_forget_transient_account (DomaineApplication *self, OvhAccount *account);

/* The sandbox: app.try-sandbox (and --sandbox) runs the domaine-sandbox program as a child
 * process and opens its ready-made "Sandbox" account, kept in memory only; closing that account
 * or quitting stops it. */

/* Whether app.try-sandbox can work (property "sandbox-available"): the program was found. */
gboolean domaine_application_get_sandbox_available (DomaineApplication *self);
/* "http://127.0.0.1:PORT/1.0" while the sandbox runs, else NULL. */
const char *domaine_application_get_sandbox_url (DomaineApplication *self);

G_END_DECLS
