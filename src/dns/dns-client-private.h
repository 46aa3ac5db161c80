/* dns-client-private.h: what the DNS sources share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <ldns/ldns.h>

#include "dns-client.h"

G_BEGIN_DECLS

/* An RR's data as DnsAnswer gives it: zone-file text, TXT strings joined. */
char *_dns_rr_rdata_text (const ldns_rr *rr);

G_END_DECLS
