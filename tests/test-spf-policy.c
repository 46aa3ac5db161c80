/* test-spf-policy.c: SPF policies read into terms and written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-spf-policy.h"

/* Published policies, as found in DNS. */
static const char *const real_world[] = {
  "v=spf1 include:_spf.google.com ~all",
  "v=spf1 include:spf.protection.outlook.com -all",
  "v=spf1 include:_spf.google.com include:mailgun.org include:sendgrid.net ~all",
  "v=spf1 include:spf.messagingengine.com ?all",
  "v=spf1 include:_spf.protonmail.ch mx ~all",
  "v=spf1 include:zoho.eu ~all",
  "v=spf1 include:mx.ovh.com ~all",
  "v=spf1 mx a:mail.analytical-engine.com ~all",
  "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 ip6:2001:db8:1::1 -all",
  "v=spf1 a/24 mx//64 a:example.com/24//64 mx:mx.example.com/28 -all",
  "v=spf1 redirect=_spf.example.com",
  "v=spf1 -all",
  "v=spf1",
  "v=spf1 +mx +a -all",
  "v=spf1 ptr ptr:example.org ?all",
  "v=spf1 exists:%{i}._spf.example.com -all",
  "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} include:%{d2}.example.net ~all",
  "v=spf1 mx -all exp=explain._spf.%{d}",
  "v=spf1 include:_spf.example.com ~all moo.cow-far_out=man:dog/cat ra=postmaster",
  "v=spf1 ip4:0.0.0.0/0 ~all",
  "v=spf1 ip6:::1/128 ip6:fe80::/10 -all",
  "v=spf1 a mx include:spf.mandrillapp.com include:servers.mcsv.net ?all",
  "v=spf1 include:amazonses.com include:_spf.salesforce.com ~all",
  "v=spf1 ip4:203.0.113.0/24 redirect=_spf.example.net",
  "v=spf1 INCLUDE:_spf.Google.com ~ALL",
  "V=SPF1 mx -all",
  "v=spf1 mx -all ip4:192.0.2.1",
};

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (real_world); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhSpfPolicy) policy = ovh_spf_policy_parse (real_world[i], &error);
      g_autoptr (OvhSpfPolicy) copy = NULL;
      g_autofree char *text = NULL;
      g_autofree char *copied = NULL;

      g_test_message ("%s", real_world[i]);
      g_assert_no_error (error);
      g_assert_nonnull (policy);
      text = ovh_spf_policy_format (policy);
      g_assert_cmpstr (text, ==, real_world[i]);
      copy = ovh_spf_policy_copy (policy);
      copied = ovh_spf_policy_format (copy);
      g_assert_cmpstr (copied, ==, real_world[i]);

      /* Each term written canonically reads back as the same term. */
      for (guint t = 0; t < ovh_spf_policy_get_terms (policy)->len; t++)
        {
          OvhSpfTerm *term = ovh_spf_policy_get_terms (policy)->pdata[t];
          g_autofree char *formatted = ovh_spf_term_format (term);
          g_autoptr (OvhSpfTerm) again = ovh_spf_term_parse (formatted, &error);
          g_autofree char *argument = NULL;
          g_autoptr (OvhSpfTerm) rebuilt = NULL;
          g_autofree char *rebuilt_text = NULL;

          g_assert_no_error (error);
          g_assert_cmpint (again->kind, ==, term->kind);
          g_assert_cmpint (again->qualifier, ==, term->qualifier);
          g_assert_cmpstr (again->value, ==, term->value);
          g_assert_cmpint (again->cidr4, ==, term->cidr4);
          g_assert_cmpint (again->cidr6, ==, term->cidr6);
          g_assert_cmpstr (formatted, ==, again->text);
          g_assert_cmpint (g_ascii_strcasecmp (formatted, term->text), ==, 0);

          if (term->kind == OVH_SPF_KIND_MODIFIER)
            continue;
          argument = ovh_spf_term_dup_argument (term);
          rebuilt = ovh_spf_term_new_from_argument (term->qualifier, term->kind, argument, &error);
          g_assert_no_error (error);
          rebuilt_text = ovh_spf_term_format (rebuilt);
          g_assert_cmpstr (rebuilt_text, ==, formatted);
        }
    }
}

static void
test_terms (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhSpfPolicy) policy
      = ovh_spf_policy_parse ("v=spf1 -ip4:192.0.2.0/24 ~a:mail.example.com/24//64 mx//64 "
                              "?include:%{d}.example.net all redirect=x.example exp=e.example "
                              "note=hello",
                              &error);
  GPtrArray *terms;
  OvhSpfTerm *term;

  g_assert_no_error (error);
  terms = ovh_spf_policy_get_terms (policy);
  g_assert_cmpuint (terms->len, ==, 8);

  term = terms->pdata[0];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_IP4);
  g_assert_cmpint (term->qualifier, ==, OVH_SPF_QUALIFIER_FAIL);
  g_assert_cmpstr (term->value, ==, "192.0.2.0");
  g_assert_cmpint (term->cidr4, ==, 24);
  g_assert_cmpint (term->cidr6, ==, -1);

  term = terms->pdata[1];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_A);
  g_assert_cmpint (term->qualifier, ==, OVH_SPF_QUALIFIER_SOFTFAIL);
  g_assert_cmpstr (term->value, ==, "mail.example.com");
  g_assert_cmpint (term->cidr4, ==, 24);
  g_assert_cmpint (term->cidr6, ==, 64);

  term = terms->pdata[2];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_MX);
  g_assert_null (term->value);
  g_assert_cmpint (term->cidr4, ==, -1);
  g_assert_cmpint (term->cidr6, ==, 64);
  {
    g_autofree char *argument = ovh_spf_term_dup_argument (term);

    g_assert_cmpstr (argument, ==, "//64");
  }

  term = terms->pdata[3];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_INCLUDE);
  g_assert_cmpint (term->qualifier, ==, OVH_SPF_QUALIFIER_NEUTRAL);
  g_assert_cmpstr (term->value, ==, "%{d}.example.net");

  term = terms->pdata[4];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_ALL);
  g_assert_cmpint (term->qualifier, ==, OVH_SPF_QUALIFIER_NONE);
  g_assert_true (ovh_spf_policy_find (policy, OVH_SPF_KIND_ALL) == term);

  term = terms->pdata[5];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_REDIRECT);
  g_assert_cmpstr (term->value, ==, "x.example");
  term = terms->pdata[6];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_EXP);
  g_assert_cmpstr (term->value, ==, "e.example");
  term = terms->pdata[7];
  g_assert_cmpint (term->kind, ==, OVH_SPF_KIND_MODIFIER);
  g_assert_cmpstr (term->name, ==, "note");
  g_assert_cmpstr (term->value, ==, "hello");

  g_assert_true (ovh_spf_kind_counts_as_lookup (OVH_SPF_KIND_INCLUDE));
  g_assert_true (ovh_spf_kind_counts_as_lookup (OVH_SPF_KIND_REDIRECT));
  g_assert_false (ovh_spf_kind_counts_as_lookup (OVH_SPF_KIND_IP6));
  g_assert_cmpstr (ovh_spf_kind_get_name (OVH_SPF_KIND_EXISTS), ==, "exists");
  g_assert_null (ovh_spf_kind_get_name (OVH_SPF_KIND_MODIFIER));
}

static void
test_edit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhSpfPolicy) policy
      = ovh_spf_policy_parse ("v=spf1 INCLUDE:_spf.google.com ~all", &error);
  GPtrArray *terms = ovh_spf_policy_get_terms (policy);
  OvhSpfTerm *all;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  /* What is changed is written canonically; what is not keeps its spelling. */
  g_ptr_array_insert (terms, 1,
                      ovh_spf_term_new_from_argument (OVH_SPF_QUALIFIER_NONE, OVH_SPF_KIND_IP4,
                                                      "192.0.2.0/24", &error));
  g_assert_no_error (error);
  all = ovh_spf_policy_find (policy, OVH_SPF_KIND_ALL);
  all->qualifier = OVH_SPF_QUALIFIER_FAIL;
  g_clear_pointer (&all->text, g_free);
  text = ovh_spf_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=spf1 INCLUDE:_spf.google.com ip4:192.0.2.0/24 -all");

  g_ptr_array_remove_index (terms, 0);
  g_free (text);
  text = ovh_spf_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=spf1 ip4:192.0.2.0/24 -all");

  g_clear_pointer (&policy, ovh_spf_policy_free);
  policy = ovh_spf_policy_new ();
  g_free (text);
  text = ovh_spf_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=spf1");
  g_ptr_array_add (
      ovh_spf_policy_get_terms (policy),
      ovh_spf_term_new_from_argument (OVH_SPF_QUALIFIER_NONE, OVH_SPF_KIND_MX, "/24", &error));
  g_ptr_array_add (ovh_spf_policy_get_terms (policy),
                   ovh_spf_term_new_from_argument (OVH_SPF_QUALIFIER_NONE, OVH_SPF_KIND_REDIRECT,
                                                   "_spf.example.com", &error));
  g_assert_no_error (error);
  g_free (text);
  text = ovh_spf_policy_format (policy);
  g_assert_cmpstr (text, ==, "v=spf1 mx/24 redirect=_spf.example.com");

  /* An argument that makes no valid term is refused. */
  g_assert_null (
      ovh_spf_term_new_from_argument (OVH_SPF_QUALIFIER_NONE, OVH_SPF_KIND_INCLUDE, "", &error));
  g_assert_error (error, OVH_SPF_POLICY_ERROR, OVH_SPF_POLICY_ERROR_INVALID);
}

static void
test_normalised (void)
{
  const struct
  {
    const char *typed, *written;
  } cases[] = {
    { "v=spf1  include:_spf.google.com   ~all", "v=spf1 include:_spf.google.com ~all" },
    { "v=spf1 mx -all  ", "v=spf1 mx -all" },
    { "v=spf1 ", "v=spf1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhSpfPolicy) policy = ovh_spf_policy_parse (cases[i].typed, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = ovh_spf_policy_format (policy);
      g_assert_cmpstr (text, ==, cases[i].written);
    }
}

static void
test_invalid (void)
{
  const char *const invalid[] = {
    "",
    "spf1 mx -all",
    "v=spf10 mx",
    "v=spf2.0/pra mx",
    "hello v=spf1",
    " v=spf1 mx",
    "v=spf1 include",
    "v=spf1 include:",
    "v=spf1 exists",
    "v=spf1 ip4:300.1.1.1 -all",
    "v=spf1 ip4:192.0.2.0/33",
    "v=spf1 ip4:192.0.2.0/",
    "v=spf1 ip4:2001:db8::1",
    "v=spf1 ip6:192.0.2.1",
    "v=spf1 ip6:2001:db8::/129",
    "v=spf1 ip4",
    "v=spf1 a/33",
    "v=spf1 a//129",
    "v=spf1 a:",
    "v=spf1 mx/24/",
    "v=spf1 mx/x",
    "v=spf1 -all:foo",
    "v=spf1 all/24",
    "v=spf1 foo:bar -all",
    "v=spf1 *all",
    "v=spf1 redirect=",
    "v=spf1 redirect=a.example redirect=b.example",
    "v=spf1 exp=a.example exp=b.example -all",
    "v=spf1 exp= -all",
    "v=spf1 -redirect=a.example",
    "v=spf1 include:a.example\t-all",
    "v=spf1 include:é.example -all",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhSpfPolicy) policy = ovh_spf_policy_parse (invalid[i], &error);

      g_test_message ("“%s”", invalid[i]);
      g_assert_null (policy);
      g_assert_error (error, OVH_SPF_POLICY_ERROR, OVH_SPF_POLICY_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_policy_text (void)
{
  g_assert_true (ovh_spf_is_policy_text ("v=spf1"));
  g_assert_true (ovh_spf_is_policy_text ("V=SPF1 mx"));
  g_assert_false (ovh_spf_is_policy_text ("v=spf10"));
  g_assert_false (ovh_spf_is_policy_text (" v=spf1"));
  g_assert_false (ovh_spf_is_policy_text (NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spf-policy/round-trip", test_round_trip);
  g_test_add_func ("/spf-policy/terms", test_terms);
  g_test_add_func ("/spf-policy/edit", test_edit);
  g_test_add_func ("/spf-policy/normalised", test_normalised);
  g_test_add_func ("/spf-policy/invalid", test_invalid);
  g_test_add_func ("/spf-policy/policy-text", test_policy_text);
  return g_test_run ();
}
