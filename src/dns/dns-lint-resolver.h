/* dns-lint-resolver.h: the zone lint's lookups, answered by the DNS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dns-client.h"
#include "ovh-lint.h"

G_BEGIN_DECLS

/* Fills resolver so that lint asks client's resolver (recursively). client must outlive
 * every lint run with it. */
void dns_lint_resolver_init (OvhLintResolver *resolver, DnsClient *client);

G_END_DECLS
