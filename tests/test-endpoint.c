/* test-endpoint.c: the endpoint table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

static void
test_endpoint_custom_url (void)
{
  const struct
  {
    const char *url;
    const char *normalized; /* NULL: refused */
  } cases[] = {
    { "https://proxy.example.net/1.0/", "https://proxy.example.net/1.0" },
    { " https://[2001:db8::1]:8443/api ", "https://[2001:db8::1]:8443/api" },
    { "http://127.0.0.1:8080/1.0", "http://127.0.0.1:8080/1.0" },
    { "http://127.0.0.42/1.0", "http://127.0.0.42/1.0" },
    { "http://localhost:9000/1.0", "http://localhost:9000/1.0" },
    { "http://[::1]:9000/1.0", "http://[::1]:9000/1.0" },
    { "HTTPS://Proxy.example.net/1.0", "HTTPS://Proxy.example.net/1.0" },
    { "http://proxy.example.net/1.0", NULL }, /* clear text over the network */
    { "http://192.168.1.10/1.0", NULL },
    { "http://localhost.example.net/1.0", NULL },
    { "ftp://proxy.example.net/1.0", NULL },
    { "proxy.example.net/1.0", NULL },
    { "https:///1.0", NULL },
    { "https://user:pass@proxy.example.net/1.0", NULL },
    { "https://proxy.example.net/1.0?x=1", NULL },
    { "https://proxy.example.net/1.0#top", NULL },
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *normalized = ovh_endpoint_check_custom_url (cases[i].url, &error);

      g_test_message ("%s", cases[i].url ? cases[i].url : "(null)");
      g_assert_cmpstr (normalized, ==, cases[i].normalized);
      if (cases[i].normalized == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
          /* Never the URL itself: it may hold a user name or a password. */
          g_assert_null (strstr (error->message, "user:pass"));
        }
      else
        g_assert_no_error (error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/endpoint/lookup", test_endpoint_lookup);
  g_test_add_func ("/endpoint/table", test_endpoint_table);
  g_test_add_func ("/endpoint/normalize", test_endpoint_normalize);
  g_test_add_func ("/endpoint/custom-url", test_endpoint_custom_url);

  return g_test_run ();
}
