/* domaine-name-servers.h: where to ask the name servers of an API endpoint's zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Configuration, per API endpoint (its base URL): a mapping of name server host names to
 * addresses (dns_client_add_server_addresses()), or the reason its name servers cannot be
 * asked. The app sets it for the sandbox it runs (its knotd, or why there is none); every
 * other endpoint gets DOMAINE_NS_ADDRESSES and DOMAINE_DNS_RESOLVER only. Main thread only.
 */
#pragma once

#include "dns-client.h"

G_BEGIN_DECLS

/* @mapping and @problem: either may be NULL. */
void
domaine_name_servers_configure (const char *base_url, const char *mapping, const char *problem);
void domaine_name_servers_forget (const char *base_url);

/* A DNS client for the zones of @base_url (NULL: none in particular). *problem (transfer
 * full, translated) is set when that endpoint's name servers cannot be asked. */
DnsClient *domaine_name_servers_new_client (const char *base_url, char **problem);

G_END_DECLS
