/* domaine-account-assistant.h: the Add Account dialog, and signing in again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-account-store.h"
#include "ovh-sign-in.h"

#include "domaine-session.h"

G_BEGIN_DECLS

/* Like GNOME Online Accounts' dialog: what the assistant is doing, for people and tests. */
typedef enum
{
  DOMAINE_ACCOUNT_ASSISTANT_STATE_IDLE,  /* a page waits for the user's input */
  DOMAINE_ACCOUNT_ASSISTANT_STATE_BUSY,  /* talking to OVHcloud, waiting, or saving */
  DOMAINE_ACCOUNT_ASSISTANT_STATE_ERROR, /* not authorized in time, or failed */
  DOMAINE_ACCOUNT_ASSISTANT_STATE_DONE,  /* signed in and stored */
} DomaineAccountAssistantState;

#define DOMAINE_TYPE_ACCOUNT_ASSISTANT_STATE (domaine_account_assistant_state_get_type ())
GType domaine_account_assistant_state_get_type (void);

#define DOMAINE_TYPE_ACCOUNT_ASSISTANT (domaine_account_assistant_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineAccountAssistant, domaine_account_assistant, DOMAINE, ACCOUNT_ASSISTANT, AdwWindow)

/* A new account: endpoint, application keys, access, browser, done. When @parent has a
 * win.select-account action, Done opens the new account there. @sandbox_url (nullable) adds
 * the local sandbox to the endpoints. */
DomaineAccountAssistant *
domaine_account_assistant_new (GtkWindow *parent, OvhAccountStore *store, const char *sandbox_url);
/* Signing in again on @account with its application key and secret: access, browser, done.
 * @session (nullable) is the open session on @account: it takes the new key at once.
 * @more_rights preselects full access (a call was refused as not granted). @store is NULL
 * for an account kept in memory only. */
DomaineAccountAssistant *domaine_account_assistant_new_reauthenticate (GtkWindow *parent,
                                                                       OvhAccountStore *store,
                                                                       OvhAccount *account,
                                                                       DomaineSession *session,
                                                                       gboolean more_rights);

DomaineAccountAssistantState domaine_account_assistant_get_state (DomaineAccountAssistant *self);
/* "endpoint", "application", "access", "working", "authorize", "timed-out" (the wait ended
 * without an authorization: refused, expired or abandoned look the same), "error" or
 * "done". */
const char *domaine_account_assistant_get_page_name (DomaineAccountAssistant *self);
/* The page the user opens in the browser, while on "authorize"; else NULL. */
const char *domaine_account_assistant_get_validation_url (DomaineAccountAssistant *self);
/* The signed-in account, once done. */
OvhAccount *domaine_account_assistant_get_account (DomaineAccountAssistant *self);
/* The sign-in under way, or the last one (NULL before the first): what tests watch. */
OvhSignIn *domaine_account_assistant_get_sign_in (DomaineAccountAssistant *self);
/* How often to ask OVHcloud whether the user answered, and when to stop (0 = defaults:
 * 2 s and 15 minutes). */
void domaine_account_assistant_set_wait_timing (DomaineAccountAssistant *self,
                                                guint interval_ms,
                                                guint timeout_seconds);

G_END_DECLS
