/* test-value-replace.c: find and replace in record values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "ovh-value-replace.h"

static char *
replace (const char *from, const char *to, OvhValueReplaceFlags flags, const char *value)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhValueReplacer) replacer = ovh_value_replacer_new (from, to, flags, &error);
  char *result;

  g_assert_no_error (error);
  g_assert_nonnull (replacer);
  result = ovh_value_replacer_apply (replacer, value);
  /* A change implies a match. */
  if (result != NULL)
    g_assert_true (ovh_value_replacer_matches (replacer, value));
  return result;
}

static void
test_plain (void)
{
  g_autofree char *every
      = replace ("1.2.3.4", "5.6.7.8", 0, "v=spf1 ip4:1.2.3.4 ip4:1.2.3.4/32 -all");
  g_autofree char *dots = replace (".", "-", 0, "a.b");
  g_autofree char *literal = replace ("old", "\\1$0", 0, "old");
  g_autofree char *none = replace ("10.0.0.1", "x", 0, "10.0.0.10");
  g_autofree char *caseless = replace ("MX", "mail", OVH_VALUE_REPLACE_IGNORE_CASE, "mx1.example.");

  g_assert_cmpstr (every, ==, "v=spf1 ip4:5.6.7.8 ip4:5.6.7.8/32 -all");
  /* A dot in plain text is a dot, not "any character". */
  g_assert_cmpstr (dots, ==, "a-b");
  g_assert_cmpstr (literal, ==, "\\1$0");
  /* "10.0.0.1" is in "10.0.0.10": plain text replaces substrings, as editors do. */
  g_assert_cmpstr (none, ==, "x0");
  g_assert_cmpstr (caseless, ==, "mail1.example.");
}

static void
test_no_match (void)
{
  g_autoptr (OvhValueReplacer) replacer = ovh_value_replacer_new ("absent", "x", 0, NULL);
  g_autoptr (OvhValueReplacer) same = ovh_value_replacer_new ("a", "a", 0, NULL);

  g_assert_null (ovh_value_replacer_apply (replacer, "present"));
  g_assert_null (ovh_value_replacer_apply (replacer, NULL));
  g_assert_false (ovh_value_replacer_matches (replacer, NULL));
  /* A match whose replacement changes nothing is not a change. */
  g_assert_true (ovh_value_replacer_matches (same, "abc"));
  g_assert_null (ovh_value_replacer_apply (same, "abc"));
}

static void
test_regex (void)
{
  g_autofree char *groups = replace ("^mx([0-9])\\.old\\.example\\.$", "mx\\1.new.example.",
                                     OVH_VALUE_REPLACE_REGEX, "mx2.old.example.");
  g_autofree char *named = replace ("ip4:(?<net>[0-9.]+)/24", "ip4:\\g<net>/25",
                                    OVH_VALUE_REPLACE_REGEX, "v=spf1 ip4:192.0.2.0/24 -all");
  g_autofree char *anchored
      = replace ("^10\\.0\\.0\\.1$", "10.0.0.2", OVH_VALUE_REPLACE_REGEX, "10.0.0.10");

  g_assert_cmpstr (groups, ==, "mx2.new.example.");
  g_assert_cmpstr (named, ==, "v=spf1 ip4:192.0.2.0/25 -all");
  g_assert_null (anchored);
}

static void
test_invalid (void)
{
  struct
  {
    const char *from, *to;
    OvhValueReplaceFlags flags;
  } cases[] = {
    { "", "x", 0 },
    { "", "x", OVH_VALUE_REPLACE_REGEX },
    { "(unclosed", "x", OVH_VALUE_REPLACE_REGEX },
    { "a(b)", "\\2", OVH_VALUE_REPLACE_REGEX },
    { "a(b)", "\\g<7>", OVH_VALUE_REPLACE_REGEX },
    { "a", "\\g<", OVH_VALUE_REPLACE_REGEX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhValueReplacer) replacer
          = ovh_value_replacer_new (cases[i].from, cases[i].to, cases[i].flags, &error);

      g_assert_null (replacer);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, !=, "");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value-replace/plain", test_plain);
  g_test_add_func ("/value-replace/no-match", test_no_match);
  g_test_add_func ("/value-replace/regex", test_regex);
  g_test_add_func ("/value-replace/invalid", test_invalid);

  return g_test_run ();
}
