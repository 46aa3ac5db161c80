/* dns-delegation.h: is the zone at OVH the one the world sees?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compares three lists of name servers: the registry's (as OVH reports the domain's), the
 * zone's own (its apex NS records at OVH), and what the parent zone's servers answer (the
 * delegation resolvers follow).
 */
#pragma once

#include "dns-client.h"

G_BEGIN_DECLS

typedef enum
{
  DNS_DELEGATION_OK,               /* the parent delegates to the zone's name servers */
  DNS_DELEGATION_REGISTRY_DIFFERS, /* the registry names other servers than the zone's */
  DNS_DELEGATION_PARENT_DIFFERS,   /* the parent zone answers with other servers */
  DNS_DELEGATION_UNKNOWN,          /* the parent could not be asked */
} DnsDelegationVerdict;

typedef struct
{
  DnsDelegationVerdict verdict;
  GStrv registry; /* lowercase, no final dot, sorted; NULL when not given */
  GStrv zone;
  GStrv parent;        /* NULL when unknown */
  char *parent_server; /* the parent server that answered, or NULL */
  char *message;       /* plain words, translated */
} DnsDelegation;

void dns_delegation_free (DnsDelegation *delegation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnsDelegation, dns_delegation_free)

const char *dns_delegation_verdict_to_string (DnsDelegationVerdict verdict); /* "ok", … */

/* registry may be NULL (a domain registered elsewhere). Blocks. */
DnsDelegation *dns_delegation_check_sync (DnsClient *client,
                                          const char *domain,
                                          const char *const *registry,
                                          const char *const *zone_name_servers,
                                          GCancellable *cancellable);
void dns_delegation_check_async (DnsClient *client,
                                 const char *domain,
                                 const char *const *registry,
                                 const char *const *zone_name_servers,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
DnsDelegation *dns_delegation_check_finish (GAsyncResult *result, GError **error);

G_END_DECLS
