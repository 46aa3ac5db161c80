/* test-path.c: API paths with their dynamic segments escaped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-path-private.h"

static void
test_path_segments (void)
{
  g_autofree char *plain = ovh_path_printf ("/domain/zone/%s", "lovelace.fr");
  g_autofree char *record
      = ovh_path_printf ("/domain/zone/%s/record/%" G_GUINT64_FORMAT, "lovelace.fr",
                         G_GUINT64_CONSTANT (18446744073709551615));
  g_autofree char *credential = ovh_path_printf (
      "/me/api/credential/%" G_GINT64_FORMAT "/application", G_GINT64_CONSTANT (-42));
  g_autofree char *ints
      = ovh_path_printf ("/a/%d/%u/%ld/%lu/%lli/%llu/100%%", -1, 2U, -3L, 4UL, -5LL, 6ULL);
  g_autofree char *rule = ovh_path_printf ("/domain/zone/%s/*", "lovelace.fr");

  g_assert_cmpstr (plain, ==, "/domain/zone/lovelace.fr");
  g_assert_cmpstr (record, ==, "/domain/zone/lovelace.fr/record/18446744073709551615");
  g_assert_cmpstr (credential, ==, "/me/api/credential/-42/application");
  g_assert_cmpstr (ints, ==, "/a/-1/2/-3/4/-5/6/100%");
  /* Literal text is kept as it is: only the arguments are escaped. */
  g_assert_cmpstr (rule, ==, "/domain/zone/lovelace.fr/*");
}

static void
test_path_escaping (void)
{
  /* A segment cannot leave its place: "/", "?", "#", "%" and spaces are escaped. */
  g_autofree char *slash = ovh_path_printf ("/domain/zone/%s/record", "a/../../me");
  g_autofree char *query = ovh_path_printf ("/domain/zone/%s", "x?y=1#z");
  g_autofree char *percent = ovh_path_printf ("/domain/%s", "50% off");
  g_autofree char *unicode = ovh_path_printf ("/domain/%s", "café.fr");

  g_assert_cmpstr (slash, ==, "/domain/zone/a%2F..%2F..%2Fme/record");
  g_assert_cmpstr (query, ==, "/domain/zone/x%3Fy%3D1%23z");
  g_assert_cmpstr (percent, ==, "/domain/50%25%20off");
  g_assert_cmpstr (unicode, ==, "/domain/caf%C3%A9.fr");
}

static void
test_path_misuse (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = ovh_path_printf ("/domain/zone/%s/record", "");

      g_assert_null (path);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*empty segment*");
}

static void
test_path_unsupported (void)
{
  if (g_test_subprocess ())
    {
      /* %x would be written unescaped and unchecked: refused. */
      g_autofree char *path = ovh_path_printf ("/domain/%x", 255U);

      g_assert_null (path);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*unsupported conversion*");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ovh/path/segments", test_path_segments);
  g_test_add_func ("/ovh/path/escaping", test_path_escaping);
  g_test_add_func ("/ovh/path/misuse", test_path_misuse);
  g_test_add_func ("/ovh/path/unsupported", test_path_unsupported);

  return g_test_run ();
}
