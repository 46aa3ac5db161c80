/* test-signer.c: the "$1$" signature against python-ovh's public vectors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-signer.h"

#define AS "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk"
#define CK "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY"
#define URL "https://eu.api.ovh.com/1.0/auth"
#define TS 1457018875

static void
test_signer_vectors (void)
{
  static const struct
  {
    const char *method;
    const char *body;
    const char *signature;
  } vectors[] = {
    { "GET", "", "$1$e9556054b6309771395efa467c22e627407461ad" },
    { "DELETE", "", "$1$a1eecd00b3b02b6cf5708b84b9ff42059a950d85" },
    { "POST", "{\"a\":\"b\",\"c\":\"d\"}", "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1" },
    { "PUT", "{\"a\":\"b\",\"c\":\"d\"}", "$1$8a75a9e7c8e7296c9dbeda6a2a735eb6bd58ec4b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *sig = ovh_signer_sign (AS, CK, vectors[i].method, URL, vectors[i].body,
                                              strlen (vectors[i].body), TS);
      g_assert_cmpstr (sig, ==, vectors[i].signature);
      g_assert_true (ovh_signer_verify (vectors[i].signature, AS, CK, vectors[i].method, URL,
                                        vectors[i].body, strlen (vectors[i].body), TS));
    }
}

static void
test_signer_null_body_is_empty (void)
{
  g_autofree char *a = ovh_signer_sign (AS, CK, "GET", URL, NULL, 0, TS);
  g_autofree char *b = ovh_signer_sign (AS, CK, "GET", URL, "", 0, TS);

  g_assert_cmpstr (a, ==, b);
}

static void
test_signer_rejects_any_change (void)
{
  const char *good = "$1$e9556054b6309771395efa467c22e627407461ad";

  g_assert_false (ovh_signer_verify (good, AS, CK, "GET", URL, "", 0, TS + 1));
  g_assert_false (ovh_signer_verify (good, AS, CK, "GET", URL "?x=1", "", 0, TS));
  g_assert_false (ovh_signer_verify (good, AS, CK, "HEAD", URL, "", 0, TS));
  g_assert_false (ovh_signer_verify (good, "x" AS, CK, "GET", URL, "", 0, TS));
  g_assert_false (ovh_signer_verify (good, AS, CK, "GET", URL, " ", 1, TS));
  g_assert_false (ovh_signer_verify ("$1$e9556054", AS, CK, "GET", URL, "", 0, TS));
  g_assert_false (ovh_signer_verify (NULL, AS, CK, "GET", URL, "", 0, TS));
}

static void
test_signer_body_is_bytes (void)
{
  /* A body with an embedded NUL is hashed in full, not up to the NUL. */
  const char body[] = { '{', '\0', '}' };
  g_autofree char *full = ovh_signer_sign (AS, CK, "POST", URL, body, sizeof body, TS);
  g_autofree char *cut = ovh_signer_sign (AS, CK, "POST", URL, body, 1, TS);

  g_assert_cmpstr (full, !=, cut);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signer/vectors", test_signer_vectors);
  g_test_add_func ("/signer/null-body", test_signer_null_body_is_empty);
  g_test_add_func ("/signer/rejects-any-change", test_signer_rejects_any_change);
  g_test_add_func ("/signer/body-is-bytes", test_signer_body_is_bytes);

  return g_test_run ();
}
