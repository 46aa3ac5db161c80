/* bench-cli.c: `domaine-cli --json records list` of a big zone, as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a pass/fail test: `meson test -C BUILD --benchmark --setup=bench bench-cli` (or run the
 * binary with DOMAINE_CLI_PROGRAM set) prints each figure beside its target and the figure
 * measured before the loading work. The sandbox runs in this process (50 ms a request); the
 * command line is a child process, so that its time, CPU and peak memory are its own.
 * Options: --records N, --latency MS, --runs N.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "test-fixture.h"

#define BENCH_ZONE "bench.test"

static guint n_records = 10000;
static guint latency_ms = 50;
static guint n_runs = 5;

typedef struct
{
  double wall_s;
  double cpu_s;
  double peak_rss_mib;
  guint64 requests;
  gsize output_bytes;
} Run;

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* One run of the command line; the sandbox keeps answering meanwhile (this loop). */
static Run
run_cli (OvhTestFixture *fixture, const char *program, char **envp)
{
  const char *argv[]
      = { program, "--from-ovh-conf", "--json", "records", "list", BENCH_ZONE, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_path = NULL;
  guint64 before = ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL);
  struct rusage usage;
  GPid pid;
  int out_fd, status = 0;
  guint wake_id;
  gint64 start;
  Run run = { 0 };

  out_fd = g_file_open_tmp ("domaine-bench-cli-XXXXXX.json", &output_path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  g_spawn_async_with_fds (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                          -1, out_fd, -1, &error);
  g_assert_no_error (error);
  close (out_fd);

  /* wait4() gives the child's own CPU time and peak RSS; the wake-up keeps this loop polling. */
  wake_id = g_timeout_add (2, wake_cb, NULL);
  while (wait4 (pid, &status, WNOHANG, &usage) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake_id);
  run.wall_s = (g_get_monotonic_time () - start) / 1e6;
  g_spawn_close_pid (pid);

  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  run.cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
              + usage.ru_stime.tv_usec / 1e6;
  run.peak_rss_mib = usage.ru_maxrss / 1024.0;
  run.requests = ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL) - before;

  g_assert_true (g_file_get_contents (output_path, &output, &run.output_bytes, NULL));
  g_unlink (output_path);
  return run;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* n_runs runs, the median of each figure (the machine is shared: medians, not means). */
static Run
run_many (OvhTestFixture *fixture,
          const char *program,
          char **envp,
          const char *cache_dir,
          gboolean clear_cache)
{
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rss = g_array_new (FALSE, FALSE, sizeof (double));
  Run last = { 0 };

  for (guint i = 0; i < n_runs; i++)
    {
      if (clear_cache)
        {
          g_autofree char *zones = g_build_filename (cache_dir, "domaine", "zones", NULL);
          g_autoptr (GDir) dir = g_dir_open (zones, 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *path = g_build_filename (zones, name, NULL);
              g_unlink (path);
            }
        }
      last = run_cli (fixture, program, envp);
      g_array_append_val (wall, last.wall_s);
      g_array_append_val (cpu, last.cpu_s);
      g_array_append_val (rss, last.peak_rss_mib);
    }

  last.wall_s = median (wall);
  last.cpu_s = median (cpu);
  last.peak_rss_mib = median (rss);
  return last;
}

static void
print_row (const char *figure, const char *target, const char *before, const char *after)
{
  printf ("| %-40s | %-10s | %-26s | %-22s |\n", figure, target, before, after);
}

/* One line a target for the summary of `./dev.sh bench`, tab-separated. */
static void
print_target (
    const char *figure, const char *target, const char *before, const char *now, gboolean met)
{
  printf ("BENCH-TARGET\t%s\t%s\t%s\t%s\t%s\n", figure, target, before, now,
          met ? "met" : "not met");
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[]
      = { { "records", 0, 0, G_OPTION_ARG_INT, &n_records, "Records in the zone (10000)", "N" },
          { "latency", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Latency of every request (50)", "MS" },
          { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each case, median kept (5)", "N" },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new ("— command-line listing benchmark");
  g_autoptr (GError) error = NULL;
  g_autofree char *scratch = NULL;
  g_auto (GStrv) envp = NULL;
  const char *program = g_getenv ("DOMAINE_CLI_PROGRAM");
  OvhTestFixture fixture = { 0 };
  Run cold, cached;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (program == NULL)
    {
      g_printerr ("Set DOMAINE_CLI_PROGRAM to the domaine-cli to measure\n");
      return 2;
    }
  n_runs = MAX (n_runs, 1);

  ovh_test_fixture_set_up (&fixture, GINT_TO_POINTER (FALSE));
  ovh_sandbox_add_generated_zone (fixture.sandbox, BENCH_ZONE, n_records);
  ovh_sandbox_set_latency_ms (fixture.sandbox, latency_ms);
  scratch = g_dir_make_tmp ("domaine-bench-cli-XXXXXX", &error);
  g_assert_no_error (error);

  /* An ovh.conf-style account, a cache and a home of its own; no debugging allocator. */
  envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "G_MESSAGES_DEBUG");
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", scratch, TRUE);
  envp = g_environ_setenv (envp, "OVH_ENDPOINT", ovh_sandbox_get_base_url (fixture.sandbox), TRUE);
  envp = g_environ_setenv (envp, "OVH_APPLICATION_KEY", OVH_SANDBOX_APPLICATION_KEY, TRUE);
  envp = g_environ_setenv (envp, "OVH_APPLICATION_SECRET", OVH_SANDBOX_APPLICATION_SECRET, TRUE);
  envp = g_environ_setenv (envp, "OVH_CONSUMER_KEY", OVH_SANDBOX_CONSUMER_KEY, TRUE);

  /* The very first run also learns the endpoint's clock; the figures are of the runs after. */
  run_cli (&fixture, program, envp);
  cold = run_many (&fixture, program, envp, scratch, TRUE);
  cached = run_many (&fixture, program, envp, scratch, FALSE);

  printf ("domaine-cli --json records list: a %u-record zone, %u ms a request, medians of %u "
          "runs\n(%u cores; the sandbox runs in the benchmark's process)\n\n",
          n_records, latency_ms, n_runs, g_get_num_processors ());
  print_row ("figure", "target", "before", "after");
  printf ("|------------------------------------------|------------|----------------------------|"
          "------------------------|\n");
  {
    g_autofree char *wall = g_strdup_printf ("%.3f s", cold.wall_s);
    g_autofree char *cpu = g_strdup_printf ("%.0f ms", cold.cpu_s * 1000);
    g_autofree char *rss = g_strdup_printf ("%.1f MiB", cold.peak_rss_mib);
    g_autofree char *requests = g_strdup_printf ("%" G_GUINT64_FORMAT, cold.requests);
    g_autofree char *cached_wall = g_strdup_printf ("%.3f s", cached.wall_s);
    g_autofree char *cached_cpu = g_strdup_printf ("%.0f ms", cached.cpu_s * 1000);
    g_autofree char *cached_requests = g_strdup_printf ("%" G_GUINT64_FORMAT, cached.requests);

    print_row ("no cache: wall time", "<= 0.2 s", "0.75 s", wall);
    print_row ("no cache: CPU time", "<= 60 ms", "450 ms", cpu);
    print_row ("no cache: peak RSS", "<= 40 MiB", "47.8 MiB (this machine)", rss);
    print_row ("no cache: requests", "-", "4 in sequence (+ page 2)", requests);
    print_row ("unchanged zone in the cache: requests", "1", "no cache in the CLI",
               cached_requests);
    print_row ("unchanged zone in the cache: wall time", "<= 0.1 s", "no cache in the CLI",
               cached_wall);
    print_row ("unchanged zone in the cache: CPU time", "-", "no cache in the CLI", cached_cpu);
  }
  printf (
      "\nBefore: measured at eced901 on the same kind of 2-core machine. Output: %" G_GSIZE_FORMAT
      " bytes of JSON.\n\n",
      cold.output_bytes);

  {
    g_autofree char *wall = g_strdup_printf ("%.3f s", cold.wall_s);
    g_autofree char *cpu = g_strdup_printf ("%.0f ms", cold.cpu_s * 1000);
    g_autofree char *rss = g_strdup_printf ("%.1f MiB", cold.peak_rss_mib);
    g_autofree char *cached_wall = g_strdup_printf ("%.3f s", cached.wall_s);
    g_autofree char *cached_requests = g_strdup_printf ("%" G_GUINT64_FORMAT, cached.requests);

    print_target ("CLI 10,000 records, no cache: wall time", "<= 0.2 s", "0.75 s", wall,
                  cold.wall_s <= 0.2);
    print_target ("CLI 10,000 records, no cache: CPU time", "<= 60 ms", "450 ms", cpu,
                  cold.cpu_s <= 0.060);
    print_target ("CLI 10,000 records, no cache: peak RSS", "<= 40 MiB", "47.8 MiB", rss,
                  cold.peak_rss_mib <= 40);
    print_target ("CLI 10,000 records, zone in the cache: requests", "1", "4 (no cache in the CLI)",
                  cached_requests, cached.requests == 1);
    print_target ("CLI 10,000 records, zone in the cache: wall time", "<= 0.1 s",
                  "0.75 s (no cache in the CLI)", cached_wall, cached.wall_s <= 0.1);
  }

  {
    g_autofree char *zones = g_build_filename (scratch, "domaine", "zones", NULL);
    g_autofree char *clock = g_build_filename (scratch, "domaine", "clock", NULL);
    const char *dirs[] = { zones, clock };

    for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
      {
        g_autoptr (GDir) dir = g_dir_open (dirs[i], 0, NULL);
        const char *name;

        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *path = g_build_filename (dirs[i], name, NULL);
            g_unlink (path);
          }
        g_rmdir (dirs[i]);
      }
    {
      g_autofree char *domaine = g_build_filename (scratch, "domaine", NULL);
      g_rmdir (domaine);
    }
    g_rmdir (scratch);
  }
  ovh_sandbox_set_latency_ms (fixture.sandbox, 0);
  ovh_test_fixture_tear_down (&fixture, GINT_TO_POINTER (FALSE));
  return 0;
}
