/* dns-lint-resolver.c: the zone lint's lookups, answered by the DNS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dns-lint-resolver.h"

static OvhLintLookup
lookup_txt (gpointer user_data, const char *name, GStrv *txt)
{
  DnsClient *client = user_data;
  g_autoptr (DnsAnswer) answer = dns_client_resolve_sync (client, name, DNS_TYPE_TXT, NULL, NULL);

  if (answer == NULL)
    return OVH_LINT_LOOKUP_FAILED;
  if (answer->rcode == DNS_RCODE_NXDOMAIN)
    return OVH_LINT_LOOKUP_NXDOMAIN;
  if (answer->rcode != DNS_RCODE_NOERROR)
    return OVH_LINT_LOOKUP_FAILED;
  if (txt != NULL)
    {
      g_ptr_array_add (answer->answers, NULL);
      *txt = g_strdupv ((char **) answer->answers->pdata);
    }
  return OVH_LINT_LOOKUP_OK;
}

void
dns_lint_resolver_init (OvhLintResolver *resolver, DnsClient *client)
{
  resolver->lookup_txt = lookup_txt;
  resolver->user_data = client;
}
