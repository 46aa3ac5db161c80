/* test-format.c: how the app words dates and a domain's state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "domaine-format.h"
#include "domaine-iso-names.h"
#include "domaine-test-gui.h"

static OvhDomain *
registered_domain (const char *json)
{
  g_autoptr (JsonNode) node = json_from_string (json, NULL);
  g_autoptr (GError) error = NULL;
  OvhDomain *domain = ovh_domain_new ("lovelace.fr", TRUE, TRUE);

  g_assert_nonnull (node);
  g_assert_true (ovh_domain_update_from_json (domain, node, &error));
  g_assert_no_error (error);
  return domain;
}

static void
test_date (void)
{
  g_autoptr (GDateTime) date = g_date_time_new_local (2026, 3, 14, 12, 0, 0);
  g_autofree char *text = domaine_format_date (date);

  g_assert_cmpstr (text, ==, "March 14, 2026");
  g_assert_null (domaine_format_date (NULL));
}

static void
test_domain_caption (void)
{
  g_autoptr (OvhDomain) zone_only = ovh_domain_new ("a.example", FALSE, TRUE);
  g_autoptr (OvhDomain) external = ovh_domain_new ("b.example", TRUE, FALSE);
  g_autoptr (OvhDomain) both = ovh_domain_new ("c.example", TRUE, TRUE);
  g_autoptr (OvhDomain) expiring = registered_domain (
      "{\"domain\": \"lovelace.fr\", \"expirationDate\": \"2026-12-10T15:22:04+01:00\"}");
  g_autofree char *zone_only_caption = domaine_format_domain_caption (zone_only);
  g_autofree char *external_caption = domaine_format_domain_caption (external);
  g_autofree char *both_caption = domaine_format_domain_caption (both);
  g_autofree char *expiring_caption = domaine_format_domain_caption (expiring);
  g_autoptr (JsonNode) no_zone_json = json_from_string (
      "{\"domain\": \"b.example\", \"expirationDate\": \"2026-12-10T15:22:04+01:00\"}", NULL);
  g_autofree char *external_expiring_caption = NULL;

  /* The kind, whether or not the expiry is known: the expiry is on the domain's page. */
  g_assert_true (ovh_domain_update_from_json (external, no_zone_json, NULL));
  g_assert_nonnull (ovh_domain_get_expiration_date (external));
  external_expiring_caption = domaine_format_domain_caption (external);
  g_assert_cmpstr (external_expiring_caption, ==, "External DNS");

  g_assert_cmpstr (zone_only_caption, ==, "Zone only");
  g_assert_cmpstr (external_caption, ==, "External DNS");
  g_assert_cmpstr (both_caption, ==, "Domain and zone");
  g_assert_nonnull (ovh_domain_get_expiration_date (expiring));
  g_assert_cmpstr (expiring_caption, ==, "Domain and zone");
}

/* The page's subtitle is libovh's caption, checked here with the app's translations. */
static void
test_domain_summary (void)
{
  g_autoptr (OvhDomain) zone_only = ovh_domain_new ("a.example", FALSE, TRUE);
  g_autoptr (OvhDomain) external = ovh_domain_new ("b.example", TRUE, FALSE);
  g_autoptr (OvhDomain) both = ovh_domain_new ("c.example", TRUE, TRUE);
  g_autoptr (OvhDomain) unused_zone
      = registered_domain ("{\"domain\": \"lovelace.fr\", \"nameServerType\": \"external\"}");

  g_assert_cmpstr (ovh_domain_get_caption (zone_only), ==,
                   "DNS zone only, domain registered elsewhere");
  g_assert_cmpstr (ovh_domain_get_caption (external), ==,
                   "Domain at OVHcloud, DNS hosted elsewhere");
  g_assert_cmpstr (ovh_domain_get_caption (both), ==, "Domain and DNS zone at OVHcloud");
  /* The zone exists at OVHcloud but the registry points elsewhere: it says so. */
  g_assert_cmpstr (ovh_domain_get_caption (unused_zone), ==, "DNS zone at OVHcloud, not in use");
}

static void
test_registration (void)
{
  g_autoptr (OvhDomain) domain
      = registered_domain ("{\"domain\": \"lovelace.fr\", \"state\": \"ok\","
                           " \"suspensionState\": \"not_suspended\","
                           " \"renewalState\": \"automatic_renew\","
                           " \"renewalDate\": \"2026-11-10T15:22:04+01:00\","
                           " \"transferLockStatus\": \"locked\", \"nameServerType\": \"hosted\","
                           " \"dnssecState\": \"enableInProgress\"}");
  g_autoptr (OvhDomain) suspended = registered_domain (
      "{\"domain\": \"lovelace.fr\", \"state\": \"ok\", \"suspensionState\": \"suspended\","
      " \"renewalState\": \"manual_renew\"}");
  g_autoptr (OvhDomain) novel
      = registered_domain ("{\"domain\": \"lovelace.fr\", \"state\": \"a_state_from_the_future\"}");
  g_autoptr (OvhDomain) bare = ovh_domain_new ("a.example", TRUE, TRUE);
  g_autofree char *state = ovh_domain_dup_state_label (domain);
  g_autofree char *suspended_state = ovh_domain_dup_state_label (suspended);
  g_autofree char *novel_state = ovh_domain_dup_state_label (novel);
  g_autofree char *bare_state = ovh_domain_dup_state_label (bare);
  g_autofree char *lock = ovh_domain_dup_transfer_lock_label (domain);
  g_autofree char *ns_type = ovh_domain_dup_name_server_type_label (domain);
  g_autofree char *dnssec = ovh_domain_dup_dnssec_label (domain);
  g_autofree char *bare_dnssec = ovh_domain_dup_dnssec_label (bare);
  g_autofree char *renewal = domaine_format_renewal (domain);
  g_autofree char *manual = domaine_format_renewal (suspended);
  g_autofree char *renewal_date = domaine_format_date (ovh_domain_get_renewal_date (domain));
  g_autofree char *expected = g_strdup_printf ("Renews automatically, on %s", renewal_date);

  g_assert_cmpstr (state, ==, "Active");
  g_assert_cmpstr (suspended_state, ==, "Active (suspended)");
  /* A value OVHcloud adds later shows as it is sent rather than not at all. */
  g_assert_cmpstr (novel_state, ==, "a_state_from_the_future");
  g_assert_cmpstr (bare_state, ==, "Unknown");
  g_assert_cmpstr (renewal, ==, expected);
  g_assert_cmpstr (manual, ==, "Renewed by hand");
  g_assert_cmpstr (lock, ==, "Locked: the domain cannot be transferred away");
  g_assert_cmpstr (ns_type, ==, "OVHcloud’s name servers");
  g_assert_cmpstr (dnssec, ==, "Being enabled…");
  g_assert_cmpstr (bare_dnssec, ==, "Unknown");
}

static void
test_french (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GDateTime) date = g_date_time_new_local (2026, 3, 14, 12, 0, 0);
      g_autofree char *text = domaine_format_date (date);
      g_autoptr (OvhDomain) zone_only = ovh_domain_new ("a.example", FALSE, TRUE);
      g_autofree char *caption = domaine_format_domain_caption (zone_only);
      g_autoptr (OvhDomain) domain = registered_domain (
          "{\"domain\": \"lovelace.fr\", \"renewalState\": \"automatic_renew\","
          " \"renewalDate\": \"2026-11-10T15:22:04+01:00\"}");
      g_autofree char *renewal = domaine_format_renewal (domain);

      /* The day first in French; the month's name is the C locale's here. libovh's words
       * and the app's composition are translated alike. */
      g_print ("[%s] [%s] [%s]\n", text, caption, renewal);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*[14 * 2026] [Zone seule] [Renouvellement automatique, le * 2026]*");
}

/* The account page's country, language and currency: names, never raw codes. */
static void
test_iso_names (void)
{
  g_autofree char *country = domaine_iso_dup_country_name ("FR");
  g_autofree char *lower = domaine_iso_dup_country_name ("fr");
  g_autofree char *language = domaine_iso_dup_language_name ("fr_FR");
  g_autofree char *bare = domaine_iso_dup_language_name ("en");
  g_autofree char *currency = domaine_iso_dup_currency_name ("EUR");
  g_autofree char *unknown = domaine_iso_dup_country_name ("ZZ");
  g_autofree char *odd = domaine_iso_dup_language_name ("xx_YY");

  g_assert_cmpstr (country, ==, "France");
  g_assert_cmpstr (lower, ==, "France");
  g_assert_cmpstr (language, ==, "French (France)");
  g_assert_cmpstr (bare, ==, "English");
  g_assert_cmpstr (currency, ==, "Euro");
  /* What iso-codes does not know is shown as it came. */
  g_assert_cmpstr (unknown, ==, "ZZ");
  g_assert_cmpstr (odd, ==, "xx_YY");
  g_assert_null (domaine_iso_dup_currency_name (NULL));
}

static void
test_iso_names_french (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *country = domaine_iso_dup_country_name ("DE");
      g_autofree char *language = domaine_iso_dup_language_name ("de_DE");
      g_autofree char *currency = domaine_iso_dup_currency_name ("GBP");

      g_print ("[%s] [%s] [%s]\n", country, language, currency);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  /* iso-codes' own French catalogues. */
  g_test_trap_assert_stdout ("*[Allemagne] [allemand (Allemagne)] [Livre sterling]*");
}

int
main (int argc, char *argv[])
{
  if (domaine_test_is_subprocess_of (argc, argv, "/format/french")
      || domaine_test_is_subprocess_of (argc, argv, "/format/iso-names-french"))
    g_setenv ("LANGUAGE", "fr", TRUE);
  domaine_test_bind_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/date", test_date);
  g_test_add_func ("/format/domain-caption", test_domain_caption);
  g_test_add_func ("/format/domain-summary", test_domain_summary);
  g_test_add_func ("/format/registration", test_registration);
  g_test_add_func ("/format/french", test_french);
  g_test_add_func ("/format/iso-names", test_iso_names);
  g_test_add_func ("/format/iso-names-french", test_iso_names_french);

  return g_test_run ();
}
