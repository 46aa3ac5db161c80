/* domaine-endpoint-page.h: the assistant's first page, where the account lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_ENDPOINT_PAGE (domaine_endpoint_page_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineEndpointPage, domaine_endpoint_page, DOMAINE, ENDPOINT_PAGE, AdwPreferencesPage)

/* The chosen endpoint: an id ("ovh-eu") or a base URL (property "endpoint"); NULL while
 * "Custom…" is chosen without a valid URL. */
const char *domaine_endpoint_page_get_endpoint (DomaineEndpointPage *self);
/* Chooses @endpoint: an id or a base URL of OVHcloud, the sandbox's, or another http(s) API
 * address, which then gets a row of its own. FALSE, and nothing changes, for anything else
 * (an unknown id, not a web address). */
gboolean domaine_endpoint_page_select (DomaineEndpointPage *self, const char *endpoint);
/* Chooses "Custom…" with @url typed in its entry; the endpoint is NULL while the URL is not
 * a valid one (see ovh_endpoint_check_custom_url()). */
void domaine_endpoint_page_set_custom_url (DomaineEndpointPage *self, const char *url);
/* Offers the sandbox running at @base_url. */
void domaine_endpoint_page_add_sandbox (DomaineEndpointPage *self, const char *base_url);
/* Whether the chosen row is the sandbox's. */
gboolean domaine_endpoint_page_is_sandbox (DomaineEndpointPage *self);

G_END_DECLS
