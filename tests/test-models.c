/* test-models.c: OvhMe and OvhDomain from OVH's JSON, and their loaders against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-domain-private.h"
#include "ovh-error.h"
#include "ovh-me.h"
#include "ovh-sandbox.h"

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* GET /me, as OVH answers it (nichandle.Nichandle). */
static const char me_json[] = "{"
                              "\"address\": \"12 rue de la Machine Analytique\","
                              "\"area\": null,"
                              "\"city\": \"Paris\","
                              "\"country\": \"FR\","
                              "\"currency\": {\"code\": \"EUR\", \"symbol\": \"EURO\"},"
                              "\"customerCode\": \"1815-1210-52\","
                              "\"email\": \"ada@lovelace.fr\","
                              "\"fax\": null,"
                              "\"firstname\": \"Ada\","
                              "\"kycValidated\": true,"
                              "\"language\": \"fr_FR\","
                              "\"legalform\": \"individual\","
                              "\"name\": \"Lovelace\","
                              "\"nichandle\": \"al1234-ovh\","
                              "\"organisation\": \"\","
                              "\"ovhCompany\": \"ovh\","
                              "\"ovhSubsidiary\": \"FR\","
                              "\"phone\": \"+33.123456789\","
                              "\"state\": \"complete\","
                              "\"vat\": null,"
                              "\"zip\": \"75001\""
                              "}";

static void
test_me_parse (void)
{
  g_autoptr (JsonNode) node = parse (me_json);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhMe) me = ovh_me_new_from_json (node, &error);
  g_autofree char *display_name = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_cmpstr (ovh_me_get_nichandle (me), ==, "al1234-ovh");
  g_assert_cmpstr (ovh_me_get_firstname (me), ==, "Ada");
  g_assert_cmpstr (ovh_me_get_name (me), ==, "Lovelace");
  g_assert_null (ovh_me_get_organisation (me)); /* "" is no organisation */
  g_assert_cmpstr (ovh_me_get_email (me), ==, "ada@lovelace.fr");
  g_assert_cmpstr (ovh_me_get_country (me), ==, "FR");
  g_assert_cmpstr (ovh_me_get_language (me), ==, "fr_FR");
  g_assert_cmpstr (ovh_me_get_currency_code (me), ==, "EUR");
  g_assert_cmpstr (ovh_me_get_currency_symbol (me), ==, "EURO");
  g_assert_cmpstr (ovh_me_get_customer_code (me), ==, "1815-1210-52");
  g_assert_cmpstr (ovh_me_get_state (me), ==, "complete");
  g_assert_cmpstr (ovh_me_get_legal_form (me), ==, "individual");
  g_assert_cmpstr (ovh_me_get_ovh_subsidiary (me), ==, "FR");
  g_assert_cmpstr (ovh_me_get_display_name (me), ==, "Ada Lovelace");

  g_object_get (me, "display-name", &display_name, NULL);
  g_assert_cmpstr (display_name, ==, "Ada Lovelace");

  g_assert_finalize_object (g_steal_pointer (&me));
}

static void
test_me_display_name (void)
{
  static const struct
  {
    const char *json;
    const char *display_name;
  } cases[] = {
    { "{\"nichandle\": \"xx1-ovh\", \"firstname\": \"Ada\", \"name\": null}", "Ada" },
    { "{\"nichandle\": \"xx1-ovh\", \"name\": \"Lovelace\"}", "Lovelace" },
    { "{\"nichandle\": \"xx1-ovh\", \"organisation\": \"Analytical SAS\"}", "Analytical SAS" },
    { "{\"nichandle\": \"xx1-ovh\", \"firstname\": \"\", \"currency\": null}", "xx1-ovh" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = parse (cases[i].json);
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhMe) me = ovh_me_new_from_json (node, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ovh_me_get_display_name (me), ==, cases[i].display_name);
    }
}

static void
test_me_malformed (void)
{
  static const char *const cases[] = {
    "[]",
    "\"al1234-ovh\"",
    "{}",
    "{\"nichandle\": null}",
    "{\"nichandle\": \"\"}",
    "{\"nichandle\": 42}",
    "{\"nichandle\": \"al1234-ovh\", \"firstname\": 1}",
    "{\"nichandle\": \"al1234-ovh\", \"email\": {\"a\": 1}}",
    "{\"nichandle\": \"al1234-ovh\", \"currency\": \"EUR\"}",
    "{\"nichandle\": \"al1234-ovh\", \"currency\": {\"code\": 978}}",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = parse (cases[i]);
      g_autoptr (OvhMe) me = ovh_me_new_from_json (node, &error);

      g_test_message ("case %s", cases[i]);
      g_assert_null (me);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }

  /* No node at all (an empty answer) */
  g_assert_null (ovh_me_new_from_json (NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
}

/* GET /domain/{serviceName}, as OVH answers it (domain.Domain). */
static const char domain_json[]
    = "{"
      "\"contactAdmin\": {\"id\": \"al1234-ovh\"},"
      "\"dnssecState\": \"enabled\","
      "\"dnssecSupported\": true,"
      "\"domain\": \"lovelace.fr\","
      "\"expirationDate\": \"2026-12-10T15:22:04+01:00\","
      "\"lastUpdate\": \"2024-01-02T03:04:05+01:00\","
      "\"nameServerType\": \"hosted\","
      "\"nameServers\": ["
      "  {\"id\": 1, \"ipv4\": null, \"ipv6\": null, \"nameServer\": \"dns111.ovh.net\","
      "   \"nameServerType\": \"hosted\"},"
      "  {\"id\": 2, \"ipv4\": null, \"ipv6\": null, \"nameServer\": \"ns111.ovh.net\","
      "   \"nameServerType\": \"hosted\"}"
      "],"
      "\"offer\": \"gold\","
      "\"parentService\": null,"
      "\"renewalDate\": \"2026-11-10T15:22:04+01:00\","
      "\"renewalState\": \"automatic_renew\","
      "\"serviceId\": 120000000,"
      "\"state\": \"ok\","
      "\"suspensionState\": \"not_suspended\","
      "\"transferLockStatus\": \"locked\","
      "\"whoisOwner\": \"al1234-ovh\""
      "}";

/* GET /domain/zone/{zoneName} (domain.Zone) */
static const char zone_json[] = "{"
                                "\"name\": \"lovelace.fr\","
                                "\"nameServers\": [\"dns111.ovh.net\", \"ns111.ovh.net\"],"
                                "\"dnssecSupported\": true,"
                                "\"dnssecActivated\": false,"
                                "\"hasDnsAnycast\": true,"
                                "\"lastUpdate\": \"2025-02-03T10:20:30+00:00\""
                                "}";

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_domain_registration (void)
{
  g_autoptr (JsonNode) node = parse (domain_json);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDomain) domain = ovh_domain_new_from_json (node, &error);
  g_autoptr (GDateTime) expected_expiration = NULL;
  GDateTime *expiration;
  const char *const *name_servers;

  g_assert_no_error (error);
  g_assert_cmpstr (ovh_domain_get_name (domain), ==, "lovelace.fr");
  g_assert_true (ovh_domain_is_registered (domain));
  g_assert_false (ovh_domain_has_zone (domain));
  g_assert_true (ovh_domain_has_registration_details (domain));
  g_assert_false (ovh_domain_has_zone_details (domain));
  g_assert_cmpint (ovh_domain_get_kind (domain), ==, OVH_DOMAIN_KIND_EXTERNAL_DNS);

  expiration = ovh_domain_get_expiration_date (domain);
  g_assert_nonnull (expiration);
  expected_expiration = g_date_time_new_from_iso8601 ("2026-12-10T14:22:04Z", NULL);
  g_assert_true (g_date_time_equal (expiration, expected_expiration));
  g_assert_nonnull (ovh_domain_get_renewal_date (domain));
  g_assert_cmpint (g_date_time_compare (ovh_domain_get_renewal_date (domain), expiration), <, 0);

  g_assert_cmpstr (ovh_domain_get_renewal_state (domain), ==, "automatic_renew");
  g_assert_cmpstr (ovh_domain_get_state (domain), ==, "ok");
  g_assert_cmpstr (ovh_domain_get_suspension_state (domain), ==, "not_suspended");
  g_assert_cmpstr (ovh_domain_get_name_server_type (domain), ==, "hosted");
  g_assert_cmpstr (ovh_domain_get_transfer_lock_status (domain), ==, "locked");
  g_assert_cmpstr (ovh_domain_get_dnssec_state (domain), ==, "enabled");
  g_assert_cmpstr (ovh_domain_get_whois_owner (domain), ==, "al1234-ovh");

  name_servers = ovh_domain_get_name_servers (domain);
  g_assert_nonnull (name_servers);
  g_assert_cmpuint (g_strv_length ((char **) name_servers), ==, 2);
  g_assert_cmpstr (name_servers[0], ==, "dns111.ovh.net");
  g_assert_cmpstr (name_servers[1], ==, "ns111.ovh.net");

  g_assert_finalize_object (g_steal_pointer (&domain));
}

static void
test_domain_zone_merge (void)
{
  g_autoptr (JsonNode) zone_node = parse (zone_json);
  g_autoptr (JsonNode) domain_node = parse (domain_json);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDomain) domain = ovh_domain_new ("lovelace.fr", FALSE, TRUE);
  g_autoptr (GDateTime) last_update = NULL;
  g_autofree char *caption = NULL;
  OvhDomainKind kind;
  guint kind_notify = 0;
  guint zone_notify = 0;
  const char *zone_only_caption;

  g_assert_cmpint (ovh_domain_get_kind (domain), ==, OVH_DOMAIN_KIND_ZONE_ONLY);
  zone_only_caption = ovh_domain_get_caption (domain);
  g_assert_nonnull (zone_only_caption);
  g_signal_connect (domain, "notify::kind", G_CALLBACK (count_notify), &kind_notify);
  g_signal_connect (domain, "notify::zone-last-update", G_CALLBACK (count_notify), &zone_notify);

  g_assert_true (ovh_domain_update_from_zone_json (domain, zone_node, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (zone_notify, ==, 1);
  g_assert_true (ovh_domain_has_zone_details (domain));
  g_assert_cmpuint (g_strv_length ((char **) ovh_domain_get_zone_name_servers (domain)), ==, 2);
  g_assert_true (ovh_domain_get_zone_dnssec_supported (domain));
  g_assert_false (ovh_domain_get_zone_dnssec_activated (domain));
  g_assert_true (ovh_domain_get_has_dns_anycast (domain));
  g_object_get (domain, "zone-last-update", &last_update, NULL);
  g_assert_cmpint (g_date_time_to_unix (last_update), ==, 1738578030);

  /* The registration makes it a domain with its zone at OVH. */
  g_assert_true (ovh_domain_update_from_json (domain, domain_node, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kind_notify, >=, 1);
  g_object_get (domain, "kind", &kind, "caption", &caption, NULL);
  g_assert_cmpint (kind, ==, OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE);
  g_assert_cmpstr (caption, !=, zone_only_caption);
  g_assert_true (ovh_domain_has_zone_details (domain)); /* kept */
  g_assert_true (ovh_domain_get_has_dns_anycast (domain));
}

/* A zone at OVH while the registry points elsewhere: the caption says so. */
static void
test_domain_caption_external_name_servers (void)
{
  g_autoptr (JsonNode) node = parse ("{\"domain\": \"example.com\", \"nameServerType\": "
                                     "\"external\", \"nameServers\": [\"ns1.example.net\"]}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDomain) hosted = ovh_domain_new ("example.com", TRUE, TRUE);
  g_autoptr (OvhDomain) external = ovh_domain_new ("example.com", TRUE, TRUE);
  g_autoptr (OvhDomain) no_zone = ovh_domain_new ("example.com", TRUE, FALSE);

  g_assert_true (ovh_domain_update_from_json (external, node, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_domain_get_caption (hosted), !=, ovh_domain_get_caption (external));
  g_assert_cmpstr (ovh_domain_get_caption (no_zone), !=, ovh_domain_get_caption (hosted));
  g_assert_cmpint (ovh_domain_get_kind (no_zone), ==, OVH_DOMAIN_KIND_EXTERNAL_DNS);
  /* Plain host names are accepted for nameServers as well as objects. */
  g_assert_cmpstr (ovh_domain_get_name_servers (external)[0], ==, "ns1.example.net");
}

static void
test_domain_dates (void)
{
  g_autoptr (JsonNode) node = parse ("{\"domain\": \"example.com\", \"expirationDate\": "
                                     "\"2030-01-31\", \"renewalDate\": null}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDomain) domain = ovh_domain_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_year (ovh_domain_get_expiration_date (domain)), ==, 2030);
  g_assert_cmpint (g_date_time_get_day_of_month (ovh_domain_get_expiration_date (domain)), ==, 31);
  g_assert_null (ovh_domain_get_renewal_date (domain));
  g_assert_null (ovh_domain_get_state (domain));
}

/* OVH's state strings: read as values and worded by OvhDomain alone. */
static void
test_domain_state_words (void)
{
  g_autoptr (JsonNode) node = parse (domain_json);
  g_autoptr (JsonNode) odd_node
      = parse ("{\"domain\": \"example.com\", \"state\": \"technical_suspended\", "
               "\"suspensionState\": \"suspended\", \"renewalState\": \"unknown\", "
               "\"transferLockStatus\": \"frozen\", \"nameServerType\": \"external\", "
               "\"dnssecState\": \"enableInProgress\"}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDomain) domain = ovh_domain_new_from_json (node, &error);
  g_autoptr (OvhDomain) odd = ovh_domain_new_from_json (odd_node, &error);
  g_autoptr (OvhDomain) bare = ovh_domain_new ("example.org", TRUE, FALSE);
  g_autofree char *state = NULL, *renewal = NULL, *lock = NULL, *ns_type = NULL, *dnssec = NULL;
  g_autofree char *odd_state = NULL, *odd_renewal = NULL, *odd_lock = NULL;
  g_autofree char *odd_ns_type = NULL, *odd_dnssec = NULL, *bare_state = NULL;
  g_autofree char *bare_lock = NULL;

  g_assert_no_error (error);

  /* lovelace.fr: ok, automatic_renew, locked, hosted, enabled, not_suspended. */
  g_assert_cmpint (ovh_domain_get_state_value (domain), ==, OVH_DOMAIN_STATE_OK);
  g_assert_false (ovh_domain_is_suspended (domain));
  g_assert_cmpint (ovh_domain_get_renewal_value (domain), ==, OVH_DOMAIN_RENEWAL_AUTOMATIC);
  g_assert_cmpint (ovh_domain_get_transfer_lock_value (domain), ==,
                   OVH_DOMAIN_TRANSFER_LOCK_LOCKED);
  g_assert_cmpint (ovh_domain_get_name_server_type_value (domain), ==,
                   OVH_DOMAIN_NAME_SERVERS_HOSTED);
  g_assert_cmpint (ovh_domain_get_dnssec_value (domain), ==, OVH_DOMAIN_DNSSEC_ENABLED);
  state = ovh_domain_dup_state_label (domain);
  renewal = ovh_domain_dup_renewal_label (domain);
  lock = ovh_domain_dup_transfer_lock_label (domain);
  ns_type = ovh_domain_dup_name_server_type_label (domain);
  dnssec = ovh_domain_dup_dnssec_label (domain);
  g_assert_cmpstr (state, ==, "Active");
  g_assert_cmpstr (renewal, ==, "Renews automatically");
  g_assert_cmpstr (lock, ==, "Locked: the domain cannot be transferred away");
  g_assert_cmpstr (ns_type, ==, "OVHcloud’s name servers");
  g_assert_cmpstr (dnssec, ==, "Enabled");
  g_assert_cmpstr (ovh_domain_get_short_caption (domain), ==, "External DNS");

  /* Suspended, camelCase values, and strings Domaine does not know (shown as they are). */
  g_assert_cmpint (ovh_domain_get_state_value (odd), ==, OVH_DOMAIN_STATE_TECHNICAL_SUSPENDED);
  g_assert_true (ovh_domain_is_suspended (odd));
  g_assert_cmpint (ovh_domain_get_renewal_value (odd), ==, OVH_DOMAIN_RENEWAL_UNKNOWN);
  g_assert_cmpint (ovh_domain_get_transfer_lock_value (odd), ==, OVH_DOMAIN_TRANSFER_LOCK_UNKNOWN);
  g_assert_cmpint (ovh_domain_get_name_server_type_value (odd), ==,
                   OVH_DOMAIN_NAME_SERVERS_EXTERNAL);
  g_assert_cmpint (ovh_domain_get_dnssec_value (odd), ==, OVH_DOMAIN_DNSSEC_ENABLING);
  odd_state = ovh_domain_dup_state_label (odd);
  odd_renewal = ovh_domain_dup_renewal_label (odd);
  odd_lock = ovh_domain_dup_transfer_lock_label (odd);
  odd_ns_type = ovh_domain_dup_name_server_type_label (odd);
  odd_dnssec = ovh_domain_dup_dnssec_label (odd);
  g_assert_cmpstr (odd_state, ==, "Suspended (suspended)");
  g_assert_cmpstr (odd_renewal, ==, "unknown");
  g_assert_cmpstr (odd_lock, ==, "frozen");
  g_assert_cmpstr (odd_ns_type, ==, "Other name servers");
  g_assert_cmpstr (odd_dnssec, ==, "Being enabled…");

  /* Nothing loaded yet: unknown values, "Unknown" in words. */
  g_assert_cmpint (ovh_domain_get_state_value (bare), ==, OVH_DOMAIN_STATE_UNKNOWN);
  g_assert_false (ovh_domain_is_suspended (bare));
  bare_state = ovh_domain_dup_state_label (bare);
  bare_lock = ovh_domain_dup_transfer_lock_label (bare);
  g_assert_cmpstr (bare_state, ==, "Unknown");
  g_assert_cmpstr (bare_lock, ==, "Unknown");

  /* The enum types name OVH's strings, and word every value but the unknown one. */
  g_assert_cmpint (ovh_domain_state_parse (OVH_TYPE_DOMAIN_STATE, "pending_incoming_transfer"), ==,
                   OVH_DOMAIN_STATE_PENDING_INCOMING_TRANSFER);
  g_assert_cmpint (ovh_domain_state_parse (OVH_TYPE_DOMAIN_DNSSEC, NULL), ==,
                   OVH_DOMAIN_DNSSEC_UNKNOWN);
  g_assert_null (ovh_domain_state_to_label (OVH_TYPE_DOMAIN_STATE, OVH_DOMAIN_STATE_UNKNOWN));
  {
    GType types[] = { OVH_TYPE_DOMAIN_STATE, OVH_TYPE_DOMAIN_RENEWAL, OVH_TYPE_DOMAIN_TRANSFER_LOCK,
                      OVH_TYPE_DOMAIN_NAME_SERVERS, OVH_TYPE_DOMAIN_DNSSEC };

    for (guint t = 0; t < G_N_ELEMENTS (types); t++)
      {
        g_autoptr (GEnumClass) enum_class = g_type_class_ref (types[t]);

        for (guint v = 1; v < enum_class->n_values; v++)
          {
            g_assert_cmpint (ovh_domain_state_parse (types[t], enum_class->values[v].value_nick),
                             ==, enum_class->values[v].value);
            g_assert_nonnull (ovh_domain_state_to_label (types[t], enum_class->values[v].value));
          }
      }
  }
}

static void
test_domain_malformed (void)
{
  static const char *const registrations[] = {
    "[]",
    "{}",
    "{\"domain\": 1}",
    "{\"domain\": \"\"}",
    "{\"domain\": \"example.com\", \"expirationDate\": \"next year\"}",
    "{\"domain\": \"example.com\", \"expirationDate\": 1700000000}",
    "{\"domain\": \"example.com\", \"state\": true}",
    "{\"domain\": \"example.com\", \"nameServers\": \"dns1.ovh.net\"}",
    "{\"domain\": \"example.com\", \"nameServers\": [{\"id\": 1}]}",
    "{\"domain\": \"example.com\", \"nameServers\": [null]}",
  };
  static const char *const zones[] = {
    "{\"name\": \"other.org\"}", /* not the zone asked for */
    "{\"nameServers\": []}",
    "{\"name\": \"example.com\", \"dnssecSupported\": \"yes\"}",
    "{\"name\": \"example.com\", \"hasDnsAnycast\": 1}",
    "{\"name\": \"example.com\", \"lastUpdate\": \"2025-13-45T99:00:00Z\"}",
    "{\"name\": \"example.com\", \"nameServers\": [1, 2]}",
  };
  g_autoptr (OvhDomain) domain = ovh_domain_new ("example.com", TRUE, TRUE);
  g_autoptr (JsonNode) good = parse (zone_json);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (registrations); i++)
    {
      g_autoptr (JsonNode) node = parse (registrations[i]);
      g_autoptr (OvhDomain) parsed = ovh_domain_new_from_json (node, &error);

      g_test_message ("registration %s", registrations[i]);
      g_assert_null (parsed);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);

      g_assert_false (ovh_domain_update_from_json (domain, node, &error));
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr (JsonNode) node = parse (zones[i]);

      g_test_message ("zone %s", zones[i]);
      g_assert_false (ovh_domain_update_from_zone_json (domain, node, &error));
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }

  /* An answer for another domain is refused too. */
  g_assert_false (ovh_domain_update_from_zone_json (domain, good, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* Nothing of the refused answers stuck. */
  g_assert_false (ovh_domain_has_registration_details (domain));
  g_assert_false (ovh_domain_has_zone_details (domain));
  g_assert_null (ovh_domain_get_expiration_date (domain));
  g_assert_null (ovh_domain_get_zone_name_servers (domain));

  g_assert_false (ovh_domain_update_from_json (domain, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
}

/* Loaders against the in-process sandbox, over real HTTP. */

typedef struct
{
  OvhSandbox *sandbox;
  OvhClient *client;
} SandboxFixture;

static void
sandbox_set_up (SandboxFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  g_assert_true (ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error));
  g_assert_no_error (error);
  fixture->client
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                        OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_rate_limit (fixture->client, 0);
}

static void
sandbox_tear_down (SandboxFixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->client);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static void
store_result_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GListStore *
load_domains (OvhClient *client, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_domain_list_load_async (client, cancellable, store_result_cb, &result);
  return ovh_domain_list_load_finish (await_result (&result), error);
}

static gboolean
load_details (OvhDomain *domain, OvhClient *client, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_domain_load_details_async (domain, client, NULL, store_result_cb, &result);
  return ovh_domain_load_details_finish (domain, await_result (&result), error);
}

static OvhDomain *
find_domain (GListModel *domains, const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (domains, i);

      if (g_str_equal (ovh_domain_get_name (domain), name))
        return domain;
    }
  return NULL;
}

static void
test_sandbox_me (SandboxFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhMe) me = NULL;

  ovh_me_load_async (fixture->client, NULL, store_result_cb, &result);
  me = ovh_me_load_finish (await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_me_get_nichandle (me), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_me_get_email (me), ==, OVH_SANDBOX_EMAIL);
  g_assert_cmpstr (ovh_me_get_display_name (me), ==, "Ada Lovelace");
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/me"), ==, 1);
}

static void
test_sandbox_domain_list (SandboxFixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *name;
    OvhDomainKind kind;
  } expected[] = {
    { "analytical-engine.com", OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE },
    { "countess.dev", OVH_DOMAIN_KIND_ZONE_ONLY },
    { "difference-engine.org", OVH_DOMAIN_KIND_EXTERNAL_DNS },
    { "lovelace.fr", OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE },
  };
  g_autoptr (GListStore) domains = NULL;
  g_autoptr (GError) error = NULL;

  domains = load_domains (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (domains)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (G_LIST_MODEL (domains), i);

      g_assert_cmpstr (ovh_domain_get_name (domain), ==, expected[i].name);
      g_assert_cmpint (ovh_domain_get_kind (domain), ==, expected[i].kind);
      g_assert_false (ovh_domain_has_registration_details (domain));
    }

  /* Two requests, whatever the number of domains. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain"), ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone"), ==, 1);
}

static void
test_sandbox_domain_details (SandboxFixture *fixture, gconstpointer data)
{
  g_autoptr (GListStore) domains = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  OvhDomain *lovelace;
  OvhDomain *countess;
  OvhDomain *difference;

  domains = load_domains (fixture->client, NULL, &error);
  g_assert_no_error (error);

  lovelace = find_domain (G_LIST_MODEL (domains), "lovelace.fr");
  g_assert_true (load_details (lovelace, fixture->client, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_domain_has_registration_details (lovelace));
  g_assert_true (ovh_domain_has_zone_details (lovelace));
  g_assert_cmpint (g_date_time_compare (ovh_domain_get_expiration_date (lovelace), now), >, 0);
  g_assert_cmpstr (ovh_domain_get_name_server_type (lovelace), ==, "hosted");
  g_assert_cmpstr (ovh_domain_get_name_servers (lovelace)[0], ==, "dns111.ovh.net");
  g_assert_nonnull (ovh_domain_get_zone_name_servers (lovelace));
  g_assert_nonnull (ovh_domain_get_zone_last_update (lovelace));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/lovelace.fr"),
                    ==, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/lovelace.fr"), ==, 1);

  /* Zone only: no registration request (it would answer 404). */
  countess = find_domain (G_LIST_MODEL (domains), "countess.dev");
  g_assert_true (load_details (countess, fixture->client, &error));
  g_assert_no_error (error);
  g_assert_false (ovh_domain_has_registration_details (countess));
  g_assert_true (ovh_domain_has_zone_details (countess));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/countess.dev"),
                    ==, 0);

  /* DNS elsewhere: no zone request. */
  difference = find_domain (G_LIST_MODEL (domains), "difference-engine.org");
  g_assert_true (load_details (difference, fixture->client, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_domain_has_registration_details (difference));
  g_assert_false (ovh_domain_has_zone_details (difference));
  g_assert_cmpstr (ovh_domain_get_name_server_type (difference), ==, "external");
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/zone/difference-engine.org"),
      ==, 0);
}

/* A consumer key limited to the zones still lists them. */
static void
test_sandbox_domain_list_zones_only (SandboxFixture *fixture, gconstpointer data)
{
  static const char *const rules[] = { "GET /domain/zone", "GET /domain/zone/*", NULL };
  g_autofree char *consumer_key = NULL;
  g_autoptr (GListStore) domains = NULL;
  g_autoptr (GError) error = NULL;

  consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, rules, 0);
  g_assert_nonnull (consumer_key);
  ovh_client_set_consumer_key (fixture->client, consumer_key);

  domains = load_domains (fixture->client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (domains)), ==, 3);
  g_assert_null (find_domain (G_LIST_MODEL (domains), "difference-engine.org"));
  g_assert_cmpint (ovh_domain_get_kind (find_domain (G_LIST_MODEL (domains), "lovelace.fr")), ==,
                   OVH_DOMAIN_KIND_ZONE_ONLY);
}

/* A malformed answer or a refused credential is an error, never a crash. */
static void
test_sandbox_errors (SandboxFixture *fixture, gconstpointer data)
{
  g_autoptr (GListStore) domains = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDomain) domain = ovh_domain_new ("lovelace.fr", TRUE, TRUE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OvhMe) me = NULL;

  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone", OVH_SANDBOX_FAULT_MALFORMED,
                            1);
  domains = load_domains (fixture->client, NULL, &error);
  g_assert_null (domains);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/*", OVH_SANDBOX_FAULT_MALFORMED,
                            1);
  g_assert_false (load_details (domain, fixture->client, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_false (ovh_domain_has_registration_details (domain)); /* all or nothing */
  g_clear_error (&error);

  ovh_sandbox_expire_credential (fixture->sandbox, OVH_SANDBOX_CONSUMER_KEY);
  ovh_me_load_async (fixture->client, NULL, store_result_cb, &result);
  me = ovh_me_load_finish (await_result (&result), &error);
  g_assert_null (me);
  g_assert_true (ovh_error_is_authentication (error));
}

static void
test_sandbox_cancelled (SandboxFixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GListStore) domains = NULL;
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  domains = load_domains (fixture->client, cancellable, &error);
  g_assert_null (domains);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Names from the server end up in paths, URLs and labels: what is not a domain name is left
 * out of the list (and refused in a domain's details), whatever else the list holds. */
static void
test_domain_hostile_names (void)
{
  static const char *const valid[]
      = { "lovelace.fr", "a.b", "xn--bcher-kva.example", "x-1.fr", "localhost" };
  static const char *const invalid[]
      = { "../../x/pwn", "a/b",  "..",    ".", "a..b",    "-a.fr",  "a-.fr",
          "a b.fr",      "é.fr", "a.fr.", "",  "a\\b.fr", "a_b.fr", NULL };
  g_autoptr (JsonNode) zones = parse ("[\"lovelace.fr\", \"../../x/pwn\", \"a/b\", \"..\","
                                      " \"b\\u001b[31m.fr\", \"Example.COM\"]");
  g_autoptr (JsonNode) registered = parse ("[\"example.com\", \"a\\\\b\"]");
  g_autoptr (JsonNode) not_names = parse ("[\"lovelace.fr\", 3]");
  g_autoptr (JsonNode) details = parse ("{\"domain\": \"../etc\", \"state\": \"ok\"}");
  g_autoptr (GListStore) store = NULL;
  g_autoptr (OvhDomain) first = NULL;
  g_autoptr (OvhDomain) second = NULL;
  g_autoptr (OvhDomain) domain = NULL;
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ovh_domain_name_is_valid (valid[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (ovh_domain_name_is_valid (invalid[i]));
  {
    g_autofree char *too_long = g_strnfill (64, 'a');
    g_autofree char *long_label = g_strconcat (too_long, ".fr", NULL);

    g_assert_false (ovh_domain_name_is_valid (long_label));
  }

  store = ovh_domain_list_from_json (registered, zones, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (ovh_domain_get_name (first), ==, "example.com");
  g_assert_true (ovh_domain_is_registered (first) && ovh_domain_has_zone (first));
  g_assert_cmpstr (ovh_domain_get_name (second), ==, "lovelace.fr");
  g_clear_object (&store);

  store = ovh_domain_list_from_json (NULL, not_names, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (store);
  g_clear_error (&error);

  domain = ovh_domain_new_from_json (details, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_assert_null (domain);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/me/parse", test_me_parse);
  g_test_add_func ("/me/display-name", test_me_display_name);
  g_test_add_func ("/me/malformed", test_me_malformed);
  g_test_add_func ("/domain/registration", test_domain_registration);
  g_test_add_func ("/domain/zone-merge", test_domain_zone_merge);
  g_test_add_func ("/domain/caption-external-name-servers",
                   test_domain_caption_external_name_servers);
  g_test_add_func ("/domain/dates", test_domain_dates);
  g_test_add_func ("/domain/state-words", test_domain_state_words);
  g_test_add_func ("/domain/malformed", test_domain_malformed);
  g_test_add_func ("/domain/hostile-names", test_domain_hostile_names);

#define ADD(path, func) \
  g_test_add (path, SandboxFixture, NULL, sandbox_set_up, func, sandbox_tear_down)
  ADD ("/sandbox/me", test_sandbox_me);
  ADD ("/sandbox/domain-list", test_sandbox_domain_list);
  ADD ("/sandbox/domain-details", test_sandbox_domain_details);
  ADD ("/sandbox/domain-list-zones-only", test_sandbox_domain_list_zones_only);
  ADD ("/sandbox/errors", test_sandbox_errors);
  ADD ("/sandbox/cancelled", test_sandbox_cancelled);
#undef ADD

  return g_test_run ();
}
