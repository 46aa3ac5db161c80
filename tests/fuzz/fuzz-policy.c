/* fuzz-policy.c: SPF and DMARC policies as typed into the record editor's value field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole input is tried as both. What parses must write back as it was (DMARC exactly,
 * SPF with its runs of spaces collapsed), read back as the same, and each SPF term written
 * canonically, or rebuilt from its argument as the builder does, must read back alike.
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-dmarc-policy.h"
#include "ovh-spf-policy.h"

static void
check_spf (const char *text)
{
  g_autoptr (OvhSpfPolicy) policy = ovh_spf_policy_parse (text, NULL);
  g_autoptr (OvhSpfPolicy) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  GPtrArray *terms;

  if (policy == NULL)
    return;
  written = ovh_spf_policy_format (policy);
  again = ovh_spf_policy_parse (written, NULL);
  g_assert_nonnull (again);
  rewritten = ovh_spf_policy_format (again);
  g_assert_cmpstr (rewritten, ==, written);

  terms = ovh_spf_policy_get_terms (policy);
  for (guint i = 0; i < terms->len; i++)
    {
      OvhSpfTerm *term = terms->pdata[i];
      g_autofree char *canonical = ovh_spf_term_format (term);
      g_autofree char *argument = ovh_spf_term_dup_argument (term);
      g_autoptr (OvhSpfTerm) parsed = ovh_spf_term_parse (canonical, NULL);

      g_assert_nonnull (parsed);
      g_assert_cmpint (parsed->kind, ==, term->kind);
      g_assert_cmpint (parsed->qualifier, ==, term->qualifier);
      g_assert_cmpstr (parsed->value, ==, term->value);
      g_assert_cmpint (parsed->cidr4, ==, term->cidr4);
      g_assert_cmpint (parsed->cidr6, ==, term->cidr6);
      if (term->kind != OVH_SPF_KIND_MODIFIER)
        {
          g_autoptr (OvhSpfTerm) rebuilt
              = ovh_spf_term_new_from_argument (term->qualifier, term->kind, argument, NULL);
          g_autofree char *rebuilt_text = NULL;

          g_assert_nonnull (rebuilt);
          rebuilt_text = ovh_spf_term_format (rebuilt);
          g_assert_cmpstr (rebuilt_text, ==, canonical);
        }
    }
}

static void
check_dmarc (const char *text)
{
  g_autoptr (OvhDmarcPolicy) policy = ovh_dmarc_policy_parse (text, NULL);
  g_autoptr (OvhDmarcPolicy) copy = NULL;
  g_autofree char *written = NULL;
  g_autofree char *addresses = NULL;
  g_autofree char *uris = NULL;

  if (policy == NULL)
    return;
  written = ovh_dmarc_policy_format (policy);
  g_assert_cmpstr (written, ==, text);

  /* What the builder does with the report addresses must give a valid policy again. */
  addresses = ovh_dmarc_uris_to_addresses (ovh_dmarc_policy_get (policy, "rua"));
  uris = ovh_dmarc_addresses_to_uris (addresses);
  copy = ovh_dmarc_policy_copy (policy);
  ovh_dmarc_policy_set (copy, "rua", uris[0] != '\0' ? uris : NULL);
  ovh_dmarc_policy_set (copy, "pct", "100");
  {
    g_autofree char *edited = ovh_dmarc_policy_format (copy);
    g_autoptr (OvhDmarcPolicy) reread = ovh_dmarc_policy_parse (edited, NULL);

    g_assert_nonnull (reread);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = NULL;

  fuzz_init_once ();
  text = fuzz_dup_text (data, size);
  check_spf (text);
  check_dmarc (text);
  return 0;
}
