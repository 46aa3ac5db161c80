/* test-endpoint.c: the endpoint table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-endpoint.h"

static void
test_endpoint_lookup (void)
{
  static const struct
  {
    const char *key;
    const char *id;
  } cases[] = {
    { "ovh-eu", "ovh-eu" },
    { "OVH-CA", "ovh-ca" },
    { "ovh-us", "ovh-us" },
    { "kimsufi", "kimsufi-eu" },
    { "kimsufi-ca", "kimsufi-ca" },
    { "soyoustart", "soyoustart-eu" },
    { "soyoustart-ca", "soyoustart-ca" },
    { "https://eu.api.ovh.com/1.0/", "ovh-eu" },
    { "https://api.us.ovhcloud.com/1.0", "ovh-us" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const OvhEndpoint *e = ovh_endpoint_lookup (cases[i].key);
      g_assert_nonnull (e);
      g_assert_cmpstr (e->id, ==, cases[i].id);
    }

  g_assert_null (ovh_endpoint_lookup ("ovh-mars"));
  g_assert_null (ovh_endpoint_lookup ("http://127.0.0.1:8080/1.0"));
  g_assert_null (ovh_endpoint_lookup (NULL));
}

static void
test_endpoint_table (void)
{
  guint n = 0;
  const OvhEndpoint *all = ovh_endpoint_get_all (&n);

  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (g_str_has_prefix (all[i].base_url, "https://"));
      g_assert_true (g_str_has_suffix (all[i].base_url, "/1.0"));
      g_assert_true (g_str_has_suffix (all[i].create_app_url, "/createApp/"));
      g_assert_nonnull (ovh_endpoint_get_display_name (&all[i]));
    }
}

static void
test_endpoint_normalize (void)
{
  g_autofree char *a = ovh_endpoint_normalize_url (" http://127.0.0.1:1234/1.0// ");

  g_assert_cmpstr (a, ==, "http://127.0.0.1:1234/1.0");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/endpoint/lookup", test_endpoint_lookup);
  g_test_add_func ("/endpoint/table", test_endpoint_table);
  g_test_add_func ("/endpoint/normalize", test_endpoint_normalize);

  return g_test_run ();
}
