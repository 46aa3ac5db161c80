/* domaine-keys-page.h: the assistant's page of application keys (or a consumer key)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_KEYS_PAGE (domaine_keys_page_get_type ())
G_DECLARE_FINAL_TYPE (DomaineKeysPage, domaine_keys_page, DOMAINE, KEYS_PAGE, AdwPreferencesPage)

/* Whether everything asked for is filled in (property "complete"). */
gboolean domaine_keys_page_get_complete (DomaineKeysPage *self);
/* Whether the user gives a consumer key of their own (property "uses-consumer-key"). */
gboolean domaine_keys_page_get_uses_consumer_key (DomaineKeysPage *self);
/* What was typed, stripped. The secret and the consumer key are secrets: wipe them after use. */
char *domaine_keys_page_dup_application_key (DomaineKeysPage *self);
char *domaine_keys_page_dup_application_secret (DomaineKeysPage *self);
char *domaine_keys_page_dup_consumer_key (DomaineKeysPage *self);

/* Looks for the official tools' ovh.conf files and OVH_* variables in a thread, then offers
 * each account found for import. Importing fills the page and emits "imported" with the
 * endpoint found (nullable). */
void domaine_keys_page_find_imports (DomaineKeysPage *self);
/* Whether that search ended (property "imports-ready"). */
gboolean domaine_keys_page_get_imports_ready (DomaineKeysPage *self);

G_END_DECLS
