/* bench-propagation.c: one propagation pass, 2 name servers × 100 changed records, loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a pass/fail test: `meson test -C BUILD --benchmark bench-propagation` (or run the
 * binary) prints the figures. Needs knotd. Options: --records N, --runs N.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "dns-propagation.h"
#include "knot-fixture.h"
#include "ovh-lint.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

static int n_records = 100;
static int n_runs = 5;

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "records", 0, 0, G_OPTION_ARG_INT, &n_records, "Changed records", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Passes (the best is kept)", "N" },
    { NULL },
  };
  const char *zones[] = { ZONE, NULL };
  const char *servers[] = { "dns111.ovh.net", "ns111.ovh.net", NULL };
  g_autoptr (GOptionContext) context = g_option_context_new ("- propagation benchmark");
  g_autoptr (GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *zone_dir = NULL;
  g_autofree char *mapping = NULL;
  g_autoptr (KnotServer) first = NULL;
  g_autoptr (KnotServer) second = NULL;
  g_autoptr (DnsClient) client = NULL;
  g_autoptr (DnsPropagation) propagation = NULL;
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (JsonNode) refreshed = NULL;
  OvhTestFixture api = { 0 };
  double best = G_MAXDOUBLE, total = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!knot_server_available (&reason))
    {
      printf ("skipped: %s\n", reason);
      return 77;
    }

  ovh_test_fixture_set_up (&api, GINT_TO_POINTER (FALSE));
  zone_dir = g_dir_make_tmp ("domaine-bench-zones-XXXXXX", &error);
  g_assert_no_error (error);
  ovh_sandbox_set_zone_dir (api.sandbox, zone_dir);

  for (int i = 0; i < n_records; i++)
    {
      g_autofree char *body = g_strdup_printf (
          "{\"fieldType\":\"A\",\"subDomain\":\"bench%d\",\"target\":\"198.51.100.%d\"}", i,
          i % 250 + 1);
      g_autofree char *sub = g_strdup_printf ("bench%d", i);
      g_autofree char *target = g_strdup_printf ("198.51.100.%d", i % 250 + 1);
      g_autoptr (JsonNode) created = ovh_test_call (
          api.client, "POST", "/domain/zone/" ZONE "/record", ovh_test_json (body), &error);
      g_assert_no_error (error);
      g_ptr_array_add (changed, ovh_record_new (ZONE, sub, "A", target, 0));
    }
  refreshed = ovh_test_call (api.client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);
  g_assert_no_error (error);

  first = knot_server_start (zone_dir, zones, &error);
  g_assert_no_error (error);
  second = knot_server_start (zone_dir, zones, &error);
  g_assert_no_error (error);
  client = dns_client_new ();
  mapping = g_strdup_printf ("dns111.ovh.net=%s ns111.ovh.net=%s", knot_server_get_address (first),
                             knot_server_get_address (second));
  g_assert_true (dns_client_add_server_addresses (client, mapping, &error));

  zone = ovh_test_load_zone (&api, ZONE);
  records = ovh_lint_effective_records (ovh_zone_get_records (zone), NULL);
  propagation = dns_propagation_new (client, ZONE, servers);
  dns_propagation_set_serial (propagation, ovh_sandbox_get_zone_serial (api.sandbox, ZONE));
  dns_propagation_expect_changes (propagation, records, changed);

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      gint64 start = g_get_monotonic_time ();
      gboolean done;
      double ms;

      dns_propagation_check_async (propagation, NULL, ovh_test_store_result, &result);
      done = dns_propagation_check_finish (propagation, ovh_test_wait_result (&result), &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_assert_true (done);
      best = MIN (best, ms);
      total += ms;
    }
  printf ("propagation pass, 2 name servers x %d changed records (%d queries): best %.1f ms, "
          "mean %.1f ms over %d runs\n",
          n_records, 2 * (n_records + 1), best, total / n_runs, n_runs);

  g_clear_object (&propagation);
  g_clear_object (&zone);
  g_clear_pointer (&first, knot_server_free);
  g_clear_pointer (&second, knot_server_free);
  {
    g_autoptr (GDir) dir = g_dir_open (zone_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (zone_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (zone_dir);
  }
  ovh_test_fixture_tear_down (&api, NULL);
  return 0;
}
