/* domaine-application-private.h: what the application's own files and its tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "domaine-application.h"

G_BEGIN_DECLS

/* domaine-application-actions.c: adds the app.* actions but try-sandbox. */
void domaine_application_add_actions (DomaineApplication *self);

/* Uses a sandbox that runs already (a test's in-process one) instead of starting the program:
 * app.try-sandbox then opens an account with these keys. Before the first app.try-sandbox. */
void domaine_application_use_sandbox (DomaineApplication *self,
                                      const char *base_url,
                                      const char *application_key,
                                      const char *application_secret,
                                      const char *consumer_key);

/* Removes the unpublished changes kept on disk for accounts that no longer exist (only once the
 * keyring's accounts are loaded). After an account is removed, and at start-up. */
void domaine_application_remove_orphan_journals (DomaineApplication *self);

G_END_DECLS
