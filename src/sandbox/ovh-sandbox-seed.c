/* ovh-sandbox-seed.c: the demo customer, her domains and zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-sandbox-private.h"

JsonNode *
sandbox_seed_nichandle (void)
{
  JsonObject *me = json_object_new ();
  JsonObject *currency = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (currency, "code", "EUR");
  json_object_set_string_member (currency, "symbol", "EURO");

  json_object_set_string_member (me, "address", "12 rue de la Machine Analytique");
  json_object_set_null_member (me, "area");
  json_object_set_null_member (me, "birthCity");
  json_object_set_null_member (me, "birthDay");
  json_object_set_string_member (me, "city", "Paris");
  json_object_set_null_member (me, "companyNationalIdentificationNumber");
  json_object_set_null_member (me, "complementaryAddress");
  json_object_set_null_member (me, "corporationType");
  json_object_set_string_member (me, "country", "FR");
  json_object_set_object_member (me, "currency", currency);
  json_object_set_string_member (me, "customerCode", "1815-1210-52");
  json_object_set_string_member (me, "email", OVH_SANDBOX_EMAIL);
  json_object_set_null_member (me, "fax");
  json_object_set_string_member (me, "firstname", "Ada");
  json_object_set_null_member (me, "italianSDI");
  json_object_set_boolean_member (me, "kycValidated", TRUE);
  json_object_set_string_member (me, "language", "fr_FR");
  json_object_set_string_member (me, "legalform", "individual");
  json_object_set_string_member (me, "name", "Lovelace");
  json_object_set_null_member (me, "nationalIdentificationNumber");
  json_object_set_string_member (me, "nichandle", OVH_SANDBOX_NICHANDLE);
  json_object_set_string_member (me, "organisation", "Analytical Engines");
  json_object_set_string_member (me, "ovhCompany", "ovh");
  json_object_set_string_member (me, "ovhSubsidiary", "FR");
  json_object_set_string_member (me, "phone", "+33.184318150");
  json_object_set_string_member (me, "phoneCountry", "FR");
  json_object_set_string_member (me, "phoneType", "mobile");
  json_object_set_null_member (me, "purposeOfPurchase");
  json_object_set_string_member (me, "sex", "female");
  json_object_set_null_member (me, "spareEmail");
  json_object_set_string_member (me, "state", "complete");
  json_object_set_null_member (me, "vat");
  json_object_set_string_member (me, "zip", "75005");

  json_node_take_object (node, me);
  return node;
}

typedef struct
{
  const char *sub_domain;
  const char *field_type;
  const char *target;
  guint ttl;
} SeedRecord;

#define LOVELACE_DKIM                                                                             \
  "v=DKIM1;t=s;k=rsa;p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvP3aZ1FqHk0sYc2Jx8vWq4Lr5tN1m" \
  "Q7eD2bGf9hK3jU6pR0sT8wX4yZ1aB5cE7dF2gH9iJ3kL6mN0oP4qR8sT1uV5wX9yZ2aB6cD0eF3gH7iJ1kL4mN8oP2qR"  \
  "5sT9uV3wX6yZ0aB4cD8eF1gH5iJ9kL2mN6oP0qR3sT7uV1wX4yZ8aB2cD6eF9gH3iJ7kL0mN4oP8qR1sT5uV9wX2yZ6a"  \
  "B0cD4eF7gH1iJ5kL8mN2oP6qR9sT3uV7wX0yZ4aB8cD2eF5gH9iJ3kL6mN0oP4qR8sT1uV5wX9yZ2aB6cD0eF3gH7iJwI" \
  "DAQAB"

static const SeedRecord lovelace_records[] = {
  { "", "NS", "dns111.ovh.net.", 0 },
  { "", "NS", "ns111.ovh.net.", 0 },
  { "", "A", "203.0.113.10", 0 },
  { "", "AAAA", "2001:db8:1815::10", 0 },
  { "", "MX", "1 mx1.mail.ovh.net.", 0 },
  { "", "MX", "5 mx2.mail.ovh.net.", 0 },
  { "", "SPF", "v=spf1 include:mx.ovh.com -all", 600 },
  { "", "TXT", "google-site-verification=rXOxyZounnZasA8Z7oaD3c14JdjS9aKSWvsR1EbUSIQ", 0 },
  { "", "CAA", "0 issue \"letsencrypt.org\"", 0 },
  { "", "CAA", "0 iodef \"mailto:security@lovelace.fr\"", 0 },
  { "www", "CNAME", "lovelace.fr.", 0 },
  { "blog", "A", "203.0.113.11", 3600 },
  { "*", "A", "203.0.113.10", 0 },
  { "ovhmo1843-selector1._domainkey", "DKIM", LOVELACE_DKIM, 0 },
  { "_dmarc", "DMARC", "v=DMARC1;p=quarantine;pct=100;rua=mailto:dmarc@lovelace.fr", 0 },
  { "_sip._tls", "SRV", "100 1 443 sipdir.online.lync.com.", 3600 },
  { "_autodiscover._tcp", "SRV", "0 0 443 mailconfig.ovh.net.", 0 },
  { "autoconfig", "CNAME", "mailconfig.ovh.net.", 0 },
  { "notes", "TXT", "Note G: the first published algorithm", 0 },
};

static const SeedRecord engine_records[] = {
  { "", "NS", "dns200.anycast.me.", 0 },
  { "", "NS", "ns200.anycast.me.", 0 },
  { "", "A", "198.51.100.42", 0 },
  { "", "AAAA", "2001:db8:1834::42", 0 },
  { "", "MX", "10 mail.analytical-engine.com.", 0 },
  { "", "MX", "20 backup-mx.analytical-engine.com.", 0 },
  { "", "SPF", "v=spf1 mx a:mail.analytical-engine.com ~all", 0 },
  { "", "CAA", "128 issue \"sectigo.com\"", 0 },
  { "www", "A", "198.51.100.42", 300 },
  { "mail", "A", "198.51.100.25", 0 },
  { "backup-mx", "A", "198.51.100.26", 0 },
  { "mill", "AAAA", "2001:db8:1834::100", 0 },
  { "store", "CNAME", "shops.example.net.", 0 },
  { "_dmarc", "DMARC", "v=DMARC1;p=reject;adkim=s;aspf=s", 0 },
  { "punched-cards._domainkey", "DKIM",
    "v=DKIM1;k=ed25519;p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", 0 },
  { "_xmpp-server._tcp", "SRV", "5 0 5269 xmpp.analytical-engine.com.", 0 },
  { "_443._tcp.www", "TLSA",
    "3 1 1 0C72AC70B745AC19998811B131D662C9AC69DBDBE7CB23E5B514B56664C5D3D6", 0 },
  { "ssh", "SSHFP", "4 2 9E8B8E1CE1D3EDBF2F4C2BB9E1D4A3B6F0F7E1C2D8A5B4C3D2E1F0A9B8C7D6E5", 0 },
  { "", "TXT", "ms=ms31415926", 0 },
};

static const SeedRecord countess_records[] = {
  { "", "NS", "dns18.ovh.net.", 0 },
  { "", "NS", "ns18.ovh.net.", 0 },
  { "", "A", "192.0.2.18", 0 },
  { "www", "CNAME", "countess.dev.", 0 },
  { "api", "AAAA", "2001:db8:18::1", 60 },
  { "", "TXT", "v=verification \"quoted\" value", 0 },
};

static SandboxZone *
seed_zone (const char *name, const SeedRecord *records, guint n_records, gint64 *next_id)
{
  SandboxZone *zone = sandbox_zone_new (name);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) seeded = g_date_time_add_days (now, -30);

  for (guint i = 0; i < n_records; i++)
    sandbox_zone_add_record (zone, sandbox_record_new ((*next_id)++, records[i].sub_domain,
                                                       records[i].field_type, records[i].target,
                                                       records[i].ttl));

  zone->serial
      = (guint) (g_date_time_get_year (seeded) * 1000000 + g_date_time_get_month (seeded) * 10000
                 + g_date_time_get_day_of_month (seeded) * 100 + 1);
  zone->last_update = g_date_time_to_unix (seeded);
  zone->deployed = TRUE;

  /* The published version the history starts from. */
  {
    SandboxHistoryEntry *entry = g_new0 (SandboxHistoryEntry, 1);

    entry->date = g_date_time_format (seeded, "%Y-%m-%dT%H:%M:%S+00:00");
    entry->zone_file = sandbox_zone_file_write (zone);
    g_ptr_array_add (zone->history, entry);
  }

  return zone;
}

static SandboxDomain *
seed_domain (const char *name,
             const char *name_server_type,
             const char *ns1,
             const char *ns2,
             int registered_days_ago,
             int expires_in_days)
{
  SandboxDomain *domain = g_new0 (SandboxDomain, 1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  domain->name = g_strdup (name);
  domain->name_server_type = g_strdup (name_server_type);
  domain->name_servers = g_new0 (char *, 3);
  domain->name_servers[0] = g_strdup (ns1);
  domain->name_servers[1] = g_strdup (ns2);
  domain->creation = now - (gint64) registered_days_ago * 86400;
  domain->expiration = now + (gint64) expires_in_days * 86400;

  return domain;
}

void
sandbox_seed_fill (GHashTable *zones, GPtrArray *domains, gint64 *next_id)
{
  SandboxZone *zone;

  zone = seed_zone ("lovelace.fr", lovelace_records, G_N_ELEMENTS (lovelace_records), next_id);
  sandbox_seed_dynhost (zone, next_id);
  g_hash_table_insert (zones, zone->name, zone);
  zone
      = seed_zone ("analytical-engine.com", engine_records, G_N_ELEMENTS (engine_records), next_id);
  zone->dnssec = TRUE;
  g_hash_table_insert (zones, zone->name, zone);
  /* A zone hosted at OVH for a domain registered elsewhere. */
  zone = seed_zone ("countess.dev", countess_records, G_N_ELEMENTS (countess_records), next_id);
  g_hash_table_insert (zones, zone->name, zone);
  /* Last, so that the records keep the ids they had before redirections were seeded. */
  sandbox_seed_redirection (g_hash_table_lookup (zones, "lovelace.fr"), next_id);

  g_ptr_array_add (
      domains, seed_domain ("lovelace.fr", "hosted", "dns111.ovh.net", "ns111.ovh.net", 2900, 200));
  /* Renewed by hand, and soon to expire: the app warns about it. */
  g_ptr_array_add (domains, seed_domain ("analytical-engine.com", "hosted", "dns200.anycast.me",
                                         "ns200.anycast.me", 1200, 20));
  ((SandboxDomain *) g_ptr_array_index (domains, domains->len - 1))->manual_renewal = TRUE;
  /* Registered at OVH, DNS served elsewhere: no zone. */
  g_ptr_array_add (domains,
                   seed_domain ("difference-engine.org", "external", "ns1.babbage-dns.example",
                                "ns2.babbage-dns.example", 400, 330));
}

void
sandbox_seed_generate_records (SandboxZone *zone, guint n_records, gint64 *next_id)
{
  char sub_domain[32];
  char target[96];

  g_ptr_array_set_size (zone->records, 0);
  g_hash_table_remove_all (zone->by_id);

  /* Keeps the per-zone array from growing step by step. */
  g_ptr_array_set_size (zone->records, n_records);
  g_ptr_array_set_size (zone->records, 0);

  for (guint i = 0; i < n_records; i++)
    {
      const char *type;

      g_snprintf (sub_domain, sizeof sub_domain, "host-%06u", i);
      switch (i % 10)
        {
        case 0:
          type = "TXT";
          g_snprintf (target, sizeof target, "generated record %u", i);
          break;
        case 1:
          type = "AAAA";
          g_snprintf (target, sizeof target, "2001:db8:%x::%x", i >> 16, i & 0xffff);
          break;
        case 2:
          type = "CNAME";
          g_snprintf (target, sizeof target, "host-%06u.%s.", i - 1, zone->name);
          break;
        case 3:
          type = "MX";
          g_snprintf (target, sizeof target, "10 mx.%s.", zone->name);
          break;
        default:
          type = "A";
          g_snprintf (target, sizeof target, "10.%u.%u.%u", (i >> 16) & 0xff, (i >> 8) & 0xff,
                      i & 0xff);
          break;
        }

      sandbox_zone_add_record (
          zone, sandbox_record_new ((*next_id)++, sub_domain, type, target, i % 3 == 0 ? 3600 : 0));
    }
}
