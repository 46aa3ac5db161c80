/* domaine-name-servers.c: where to ask the name servers of an API endpoint's zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-name-servers.h"

typedef struct
{
  char *mapping;
  char *problem;
} Entry;

static GHashTable *entries; /* base URL → Entry */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->mapping);
  g_free (entry->problem);
  g_free (entry);
}

void
domaine_name_servers_configure (const char *base_url, const char *mapping, const char *problem)
{
  Entry *entry = g_new0 (Entry, 1);

  g_return_if_fail (base_url != NULL);

  if (entries == NULL)
    entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  entry->mapping = g_strdup (mapping);
  entry->problem = g_strdup (problem);
  g_hash_table_insert (entries, g_strdup (base_url), entry);
}

void
domaine_name_servers_forget (const char *base_url)
{
  if (entries != NULL && base_url != NULL)
    g_hash_table_remove (entries, base_url);
}

DnsClient *
domaine_name_servers_new_client (const char *base_url, char **problem)
{
  const char *mapping = g_getenv ("DOMAINE_NS_ADDRESSES");
  const char *resolver = g_getenv ("DOMAINE_DNS_RESOLVER");
  Entry *entry
      = entries != NULL && base_url != NULL ? g_hash_table_lookup (entries, base_url) : NULL;
  DnsClient *client = dns_client_new ();
  g_autoptr (GError) error = NULL;

  if (mapping != NULL && !dns_client_add_server_addresses (client, mapping, &error))
    g_warning ("DOMAINE_NS_ADDRESSES: %s", error->message);
  g_clear_error (&error);
  if (resolver != NULL)
    dns_client_set_resolver (client, resolver);
  if (entry != NULL && entry->mapping != NULL
      && !dns_client_add_server_addresses (client, entry->mapping, &error))
    g_warning ("%s: %s", base_url, error->message);
  if (problem != NULL)
    *problem = entry != NULL ? g_strdup (entry->problem) : NULL;
  return client;
}
