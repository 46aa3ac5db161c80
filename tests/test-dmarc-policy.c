/* test-dmarc-policy.c: DMARC policies read into tags and written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-dmarc-policy.h"

/* Published policies, as found in DNS, spacing and final “;” included. */
static const char *const real_world[] = {
  "v=DMARC1; p=none",
  "v=DMARC1; p=reject",
  "v=DMARC1;p=reject;adkim=s;aspf=s",
  "v=DMARC1; p=none; rua=mailto:dmarc@example.com",
  "v=DMARC1; p=quarantine; pct=25; rua=mailto:dmarc@example.com",
  "v=DMARC1; p=reject; sp=quarantine; pct=100; rua=mailto:a@example.com,mailto:b@example.net; "
  "ruf=mailto:forensic@example.com; adkim=r; aspf=s; fo=1:d; rf=afrf; ri=86400",
  "v=DMARC1; p=none; rua=mailto:dmarc_agg@vali.email,mailto:abc@ag.dmarcian.com; fo=1;",
  "v=DMARC1; p=reject; rua=mailto:d@rua.agari.com; ruf=mailto:d@ruf.agari.com; fo=1",
  "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com!10m; ",
  "v=DMARC1 ; p = none ; rua = mailto:a@example.com",
  "v=DMARC1;  p=none;\tsp=reject",
  "v=DMARC1; p=none; np=reject; psd=n; t=y",
  "v=DMARC1; p=none; rua=mailto:a@example.com, mailto:b@example.com",
  "v=DMARC1; p=reject; x_unknown=whatever value; fo=0:1:d:s",
  "v=DMARC1; p=reject;;",
  "v=DMARC1;;p=none",
};

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_world); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhDmarcPolicy) policy = ovh_dmarc_policy_parse (real_world[i], &error);
      g_autoptr (OvhDmarcPolicy) copy = NULL;
      g_autofree char *text = NULL;
      g_autofree char *copied = NULL;

      g_test_message ("%s", real_world[i]);
      g_assert_no_error (error);
      g_assert_nonnull (policy);
      g_assert_true (ovh_dmarc_is_policy_text (real_world[i]));
      text = ovh_dmarc_policy_format (policy);
      g_assert_cmpstr (text, ==, real_world[i]);
      copy = ovh_dmarc_policy_copy (policy);
      copied = ovh_dmarc_policy_format (copy);
      g_assert_cmpstr (copied, ==, real_world[i]);
      g_assert_cmpstr (ovh_dmarc_policy_get_tag_name (policy, 0), ==, "v");
      g_assert_cmpstr (ovh_dmarc_policy_get_tag_value (policy, 0), ==, "DMARC1");
      g_assert_nonnull (ovh_dmarc_policy_get (policy, "p"));
    }
}

static void
test_tags (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDmarcPolicy) policy = ovh_dmarc_policy_parse (
      "v=DMARC1; p=reject; sp=none; pct=50; rua=mailto:a@example.com,mailto:b@example.net; "
      "ruf=mailto:f@example.com; adkim=s; aspf=r; fo=1:d; rf=afrf; ri=3600; zz=top",
      &error);
  const char *const names[]
      = { "v", "p", "sp", "pct", "rua", "ruf", "adkim", "aspf", "fo", "rf", "ri", "zz" };

  g_assert_no_error (error);
  g_assert_cmpuint (ovh_dmarc_policy_get_n_tags (policy), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (ovh_dmarc_policy_get_tag_name (policy, i), ==, names[i]);
  g_assert_cmpstr (ovh_dmarc_policy_get (policy, "p"), ==, "reject");
  g_assert_cmpstr (ovh_dmarc_policy_get (policy, "sp"), ==, "none");
  g_assert_cmpstr (ovh_dmarc_policy_get (policy, "pct"), ==, "50");
  g_assert_cmpstr (ovh_dmarc_policy_get (policy, "rua"), ==,
                   "mailto:a@example.com,mailto:b@example.net");
  g_assert_cmpstr (ovh_dmarc_policy_get (policy, "fo"), ==, "1:d");
  g_assert_cmpstr (ovh_dmarc_policy_get (policy, "zz"), ==, "top");
  g_assert_null (ovh_dmarc_policy_get (policy, "np"));
}

static void
test_edit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDmarcPolicy) policy = ovh_dmarc_policy_parse ("v=DMARC1;p=none;fo=1;", &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* Changed in place, added spaced like the others, before the final “;”. */
  ovh_dmarc_policy_set (policy, "p", "quarantine");
  ovh_dmarc_policy_set (policy, "rua", "mailto:d@example.com");
  text = ovh_dmarc_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=DMARC1;p=quarantine;fo=1;rua=mailto:d@example.com;");
  ovh_dmarc_policy_set (policy, "fo", NULL);
  ovh_dmarc_policy_set (policy, "sp", NULL);
  g_free (text);
  text = ovh_dmarc_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=DMARC1;p=quarantine;rua=mailto:d@example.com;");

  g_clear_pointer (&policy, ovh_dmarc_policy_free);
  policy = ovh_dmarc_policy_new ();
  ovh_dmarc_policy_set (policy, "pct", "20");
  g_free (text);
  text = ovh_dmarc_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=DMARC1; p=none; pct=20");
}

static void
test_addresses (void)
{
  g_autofree char *addresses = ovh_dmarc_uris_to_addresses (
      "mailto:a@example.com, MAILTO:b@example.net,,https://x.example/r");
  g_autofree char *uris
      = ovh_dmarc_addresses_to_uris (" a@example.com ,b@example.net, , mailto:c@example.org");
  g_autofree char *empty = ovh_dmarc_addresses_to_uris ("  ");

  g_assert_cmpstr (addresses, ==, "a@example.com, b@example.net, https://x.example/r");
  g_assert_cmpstr (uris, ==, "mailto:a@example.com,mailto:b@example.net,mailto:c@example.org");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_invalid (void)
{
  const char *const invalid[] = {
    "",
    "   ",
    "p=none; v=DMARC1",
    "v=DMARC2; p=none",
    "v=dmarc1; p=none",
    "v=DMARC1",
    "v=DMARC1;",
    "v=DMARC1; p=block",
    "v=DMARC1; p=",
    "v=DMARC1; p=none; sp=maybe",
    "v=DMARC1; p=none; pct=101",
    "v=DMARC1; p=none; pct=-1",
    "v=DMARC1; p=none; pct=half",
    "v=DMARC1; p=none; adkim=x",
    "v=DMARC1; p=none; aspf=relaxed",
    "v=DMARC1; p=none; ri=soon",
    "v=DMARC1; p=none; rua=dmarc@example.com",
    "v=DMARC1; p=none; rua=mailto:a@example.com,b@example.com",
    "v=DMARC1; p=none; ruf=mailto:nobody",
    "v=DMARC1; p=none; p=reject",
    "v=DMARC1; v=DMARC1; p=none",
    "v=DMARC1; p=none; rua",
    "v=DMARC1; p=none; 9x=1",
    "v=DMARC1; p=none; two words=1",
    "v=spf1 -all",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhDmarcPolicy) policy = ovh_dmarc_policy_parse (invalid[i], &error);

      g_test_message ("“%s”", invalid[i]);
      g_assert_null (policy);
      g_assert_error (error, OVH_DMARC_POLICY_ERROR, OVH_DMARC_POLICY_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dmarc-policy/round-trip", test_round_trip);
  g_test_add_func ("/dmarc-policy/tags", test_tags);
  g_test_add_func ("/dmarc-policy/edit", test_edit);
  g_test_add_func ("/dmarc-policy/addresses", test_addresses);
  g_test_add_func ("/dmarc-policy/invalid", test_invalid);
  return g_test_run ();
}
