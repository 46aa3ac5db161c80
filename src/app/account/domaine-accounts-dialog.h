/* domaine-accounts-dialog.h: Manage Accounts, every account at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-account.h"

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_KEY_STATUS_CHECKING,      /* GET /auth/currentCredential is on its way */
  DOMAINE_KEY_STATUS_VALID,         /* validated, no expiration */
  DOMAINE_KEY_STATUS_EXPIRES,       /* validated until a date */
  DOMAINE_KEY_STATUS_NEEDS_SIGN_IN, /* no key, or one OVHcloud no longer accepts */
  DOMAINE_KEY_STATUS_UNKNOWN,       /* OVHcloud could not be asked (offline…) */
} DomaineKeyStatus;

#define DOMAINE_TYPE_ACCOUNTS_DIALOG (domaine_accounts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineAccountsDialog, domaine_accounts_dialog, DOMAINE, ACCOUNTS_DIALOG, AdwWindow)

/* Lists @accounts (a GListModel of OvhAccount, in the order people chose) and asks each key
 * its status. Changes go through the app.* actions (rename-account, move-account,
 * forget-account, reauthenticate); the dialog revokes a key itself before removing its
 * account, so that it can offer to remove the account anyway when that fails.
 *
 * Actions (prefix "accounts.", s: an account's id): rename, move-up, move-down, sign-in,
 * remove. */
DomaineAccountsDialog *domaine_accounts_dialog_new (GtkWindow *parent, GListModel *accounts);

/* For tests: the status shown for an account, and whether every check has answered
 * (property "checking", FALSE once no check is under way). */
DomaineKeyStatus domaine_accounts_dialog_get_key_status (DomaineAccountsDialog *self,
                                                         const char *account_id);
gboolean domaine_accounts_dialog_get_checking (DomaineAccountsDialog *self);
/* The row of an account, or NULL. */
GtkWidget *domaine_accounts_dialog_get_row (DomaineAccountsDialog *self, const char *account_id);

G_END_DECLS
