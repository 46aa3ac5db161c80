/* bench-zone-load.c: a 10,000-record zone loaded every way, at 50 ms a request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a pass/fail test: `meson test -C BUILD --benchmark bench-zone-load` (or run the binary)
 * prints one table. Options: --records N, --latency MS, --naive-sample N.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ovh-record-loader.h"
#include "ovh-zone.h"
#include "test-fixture.h"

#define BENCH_ZONE "bench.test"

typedef struct
{
  const char *name;
  guint64 requests;
  double seconds;
  guint64 peak_rss_kb;
  gboolean extrapolated;
  guint n_records;
} Row;

static guint n_records = 10000;
static guint latency_ms = 50;
static guint naive_sample = 500;
static gboolean no_per_id = FALSE;

/* VmHWM, reset before each run where the kernel allows it (clear_refs 5). */
static gboolean peak_rss_resettable;

static void
reset_peak_rss (void)
{
  /* Written in place: g_file_set_contents would try a temporary file in /proc. */
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  peak_rss_resettable = file != NULL && fputs ("5", file) >= 0;
  if (file != NULL && fclose (file) != 0)
    peak_rss_resettable = FALSE;
}

static guint64
read_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static Row
run_loader (OvhTestFixture *fixture, const char *name, OvhRecordLoadStrategy strategy)
{
  g_autoptr (OvhRecordLoader) loader = ovh_record_loader_new (fixture->client, BENCH_ZONE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) error = NULL;
  guint64 before = ovh_client_get_request_count (fixture->client);
  gint64 start;
  Row row = { name };

  ovh_record_loader_set_strategy (loader, strategy);
  reset_peak_rss ();
  start = g_get_monotonic_time ();
  ovh_record_loader_load_async (loader, NULL, ovh_test_store_result, &result);
  records = ovh_record_loader_load_finish (loader, ovh_test_wait_result (&result), &error);
  row.seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  row.requests = ovh_client_get_request_count (fixture->client) - before;
  row.peak_rss_kb = read_peak_rss_kb ();
  row.n_records = records->len;
  return row;
}

/* What every other OVH tool does: list the ids, then GET each, one after the other. Timed
 * on the first naive_sample ids and extrapolated linearly to the whole zone. */
static Row
run_naive (OvhTestFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) ids = NULL;
  gint64 start, list_done;
  double per_record;
  guint n_ids, sample;
  Row row = { "naive 1+N sequential" };

  reset_peak_rss ();
  start = g_get_monotonic_time ();
  ids = ovh_test_call (fixture->client, "GET", "/domain/zone/" BENCH_ZONE "/record", NULL, &error);
  g_assert_no_error (error);
  list_done = g_get_monotonic_time ();
  n_ids = json_array_get_length (json_node_get_array (ids));
  sample = MIN (naive_sample, n_ids);

  for (guint i = 0; i < sample; i++)
    {
      g_autofree char *path
          = g_strdup_printf ("/domain/zone/" BENCH_ZONE "/record/%" G_GINT64_FORMAT,
                             json_array_get_int_element (json_node_get_array (ids), i));
      g_autoptr (JsonNode) record = ovh_test_call (fixture->client, "GET", path, NULL, &error);

      g_assert_no_error (error);
    }

  per_record = (g_get_monotonic_time () - list_done) / 1e6 / MAX (sample, 1);
  row.seconds = (list_done - start) / 1e6 + per_record * n_ids;
  row.requests = 1 + n_ids;
  row.peak_rss_kb = read_peak_rss_kb ();
  row.extrapolated = sample < n_ids;
  row.n_records = n_ids;
  return row;
}

static Row
run_zone_open (OvhTestFixture *fixture, const char *name, const char *cache_dir)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, BENCH_ZONE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint64 before = ovh_client_get_request_count (fixture->client);
  gint64 start;
  Row row = { name };

  ovh_zone_set_cache_dir (zone, cache_dir);
  reset_peak_rss ();
  start = g_get_monotonic_time ();
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_DEFAULT, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_zone_load_finish (zone, ovh_test_wait_result (&result), &error));
  row.seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  row.requests = ovh_client_get_request_count (fixture->client) - before;
  row.peak_rss_kb = read_peak_rss_kb ();
  row.n_records = ovh_zone_get_n_records (zone);
  g_clear_object (&result);
  return row;
}

static void
print_row (const Row *row, double naive_seconds)
{
  g_autofree char *time = g_strdup_printf ("%.2f s%s", row->seconds, row->extrapolated ? " *" : "");

  printf ("| %-28s | %8" G_GUINT64_FORMAT " | %12s | %9.1f× | %8.1f MiB | %7u |\n", row->name,
          row->requests, time, naive_seconds / MAX (row->seconds, 1e-6), row->peak_rss_kb / 1024.0,
          row->n_records);
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[]
      = { { "records", 0, 0, G_OPTION_ARG_INT, &n_records, "Records in the zone (10000)", "N" },
          { "latency", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Latency of every request (50)", "MS" },
          { "naive-sample", 0, 0, G_OPTION_ARG_INT, &naive_sample,
            "Naive GETs actually timed (500)", "N" },
          { "no-per-id", 0, 0, G_OPTION_ARG_NONE, &no_per_id, "Skip the per-id row (big zones)",
            NULL },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new ("— zone loading benchmark");
  g_autoptr (GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  OvhTestFixture fixture = { 0 };
  Row rows[8];
  guint n_rows = 0;
  Row naive;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  ovh_test_fixture_set_up (&fixture, GINT_TO_POINTER (FALSE));
  /* The client's fair-use limiter (50 requests a minute by default) would make per-id and
   * naive take hours and measure the limiter, not the strategies: it is off here. */
  ovh_client_set_rate_limit (fixture.client, 0);
  ovh_sandbox_add_generated_zone (fixture.sandbox, BENCH_ZONE, n_records);

  /* The clock offset is fetched once per client, before any timing. */
  {
    g_autoptr (JsonNode) me = ovh_test_call (fixture.client, "GET", "/me", NULL, &error);
    g_assert_no_error (error);
  }
  ovh_sandbox_set_latency_ms (fixture.sandbox, latency_ms);
  cache_dir = g_dir_make_tmp ("domaine-bench-XXXXXX", &error);
  g_assert_no_error (error);

  printf ("Loading a %u-record zone from the in-process sandbox, %u ms latency per request,\n"
          "client rate limiter disabled (it would otherwise dominate per-id and naive).\n\n",
          n_records, latency_ms);
  fflush (stdout);

  naive = run_naive (&fixture);
  rows[n_rows++]
      = run_loader (&fixture, "expanded (pages of 5000)", OVH_RECORD_LOAD_STRATEGY_EXPANDED);
  rows[n_rows++]
      = run_loader (&fixture, "batch (50 ids, 6 in flight)", OVH_RECORD_LOAD_STRATEGY_BATCH);
  if (!no_per_id)
    rows[n_rows++] = run_loader (&fixture, "per-id (6 in flight)", OVH_RECORD_LOAD_STRATEGY_PER_ID);
  rows[n_rows++] = run_zone_open (&fixture, "zone open, no cache (auto)", cache_dir);
  rows[n_rows++] = run_zone_open (&fixture, "zone reopen, cache hit", cache_dir);

  printf ("| %-28s | %8s | %12s | %10s | %12s | %7s |\n", "strategy", "requests", "wall time",
          "vs naive", "peak RSS", "records");
  printf ("|------------------------------|----------|--------------|------------|--------------|--"
          "-------|\n");
  print_row (&naive, naive.seconds);
  for (guint i = 0; i < n_rows; i++)
    print_row (&rows[i], naive.seconds);

  if (naive.extrapolated)
    printf ("\n* naive: the id list plus %u sequential GETs were timed, and the per-record time\n"
            "  extrapolated linearly to %u records (the full run takes ~%.0f minutes).\n",
            MIN (naive_sample, naive.n_records), naive.n_records, naive.seconds / 60);
  printf ("Peak RSS is the process's VmHWM, %s.\n"
          "\"zone open\" rows include GET …/soa and GET /domain/zone/{zone}; the cache-hit row is\n"
          "GET …/soa alone.\n",
          peak_rss_resettable ? "reset before each row" : "not resettable here: a running maximum");

  /* Each target beside the figure measured before the loading work (eced901, same machine). */
  printf ("\n| %-34s | %-8s | %-18s | %-18s |\n", "figure", "target", "before", "after");
  printf ("|------------------------------------|----------|--------------------|------------------"
          "--|\n");
  {
    const Row *expanded = &rows[0];
    const Row *open_row = &rows[n_rows - 2];
    const Row *reopen = &rows[n_rows - 1];
    g_autofree char *expanded_after = g_strdup_printf ("%" G_GUINT64_FORMAT " req, %.2f s",
                                                       expanded->requests, expanded->seconds);
    g_autofree char *open_after = g_strdup_printf ("%" G_GUINT64_FORMAT " req, %.2f s",
                                                   open_row->requests, open_row->seconds);
    g_autofree char *reopen_after
        = g_strdup_printf ("%" G_GUINT64_FORMAT " req, %.2f s", reopen->requests, reopen->seconds);
    g_autofree char *reopen_rss = g_strdup_printf ("%.1f MiB", reopen->peak_rss_kb / 1024.0);

    printf ("| %-34s | %-8s | %-18s | %-18s |\n", "expanded pages, 10,000 records", "2 req",
            "2 req, 0.26 s", expanded_after);
    printf ("| %-34s | %-8s | %-18s | %-18s |\n", "zone open, no cache (SOA+info+pages)", "-",
            "4 req in 3 trips", open_after);
    printf ("| %-34s | %-8s | %-18s | %-18s |\n", "zone reopen from the cache", "1 req",
            "1 req, 0.22 s", reopen_after);
    printf ("| %-34s | %-8s | %-18s | %-18s |\n", "zone reopen: peak RSS (process)", "-",
            "(not recorded)", reopen_rss);
  }

  /* One line a target for the summary of `./dev.sh bench`, tab-separated. */
  {
    const Row *expanded = &rows[0];
    const Row *reopen = &rows[n_rows - 1];
    g_autofree char *expanded_requests = g_strdup_printf ("%" G_GUINT64_FORMAT, expanded->requests);
    g_autofree char *reopen_requests = g_strdup_printf ("%" G_GUINT64_FORMAT, reopen->requests);
    g_autofree char *reopen_wall = g_strdup_printf ("%.3f s", reopen->seconds);

    printf ("\nBENCH-TARGET\t%s\t%s\t%s\t%s\t%s\n",
            "Zone load, 10,000 records in expanded pages: requests", "2", "2", expanded_requests,
            expanded->requests <= 2 ? "met" : "not met");
    printf ("BENCH-TARGET\t%s\t%s\t%s\t%s\t%s\n",
            "Zone reopen from the cache, 10,000 records: requests", "1", "1", reopen_requests,
            reopen->requests == 1 ? "met" : "not met");
    printf ("BENCH-TARGET\t%s\t%s\t%s\t%s\t%s\n",
            "Zone reopen from the cache, 10,000 records: wall time", "<= 0.1 s", "0.22 s",
            reopen_wall, reopen->seconds <= 0.1 ? "met" : "not met");
  }

  /* The goals: few requests, far faster than 1+N, one request to reopen an unchanged zone. */
  printf ("\nexpanded: %" G_GUINT64_FORMAT " requests (target ≤ 3), %.0f× faster than naive "
          "(target ≥ 100×); cached reopen: %" G_GUINT64_FORMAT " request (target 1)\n",
          rows[0].requests, naive.seconds / rows[0].seconds, rows[n_rows - 1].requests);

  {
    g_autoptr (GDir) dir = g_dir_open (cache_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (cache_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (cache_dir);
  }
  ovh_sandbox_set_latency_ms (fixture.sandbox, 0);
  ovh_test_fixture_tear_down (&fixture, GINT_TO_POINTER (FALSE));

  return rows[0].requests <= 3 && naive.seconds / rows[0].seconds >= 100
                 && rows[n_rows - 1].requests == 1
             ? 0
             : 1;
}
