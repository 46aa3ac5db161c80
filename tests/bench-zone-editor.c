/* bench-zone-editor.c: a 100,000-record zone in the zone editor: time to show, time to filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C BUILD --benchmark bench-zone-editor` (under a display) prints
 * the time from asking for the zone to the first frame showing its records, the time per
 * keystroke of the search ("w", "ww", "www", then a backspace; each to the next frame),
 * and the process's resident memory. The sandbox answers with no added latency.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "domaine-test-gui.h"
#include "domaine-zone-editor.h"
#include "ovh-sandbox.h"

#define N_RECORDS 100000
#define N_ROUNDS 5

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

/* Iterates until the window has painted a frame after now. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static gboolean
zone_loaded (gpointer data)
{
  return ovh_zone_get_load_state (OVH_ZONE (data)) == OVH_ZONE_LOAD_STATE_LOADED
         || ovh_zone_get_load_state (OVH_ZONE (data)) == OVH_ZONE_LOAD_STATE_FAILED;
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("domaine-bench-XXXXXX", NULL);
  g_autoptr (OvhSandbox) sandbox = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;
  /* The generated names are host-NNNNNN: "w" matches nothing, "1" matches a lot. */
  const char *const series[][4] = { { "w", "ww", "www", "ww" }, { "1", "12", "123", "12" } };
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) filter_times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWindow *window;
  DomaineZoneEditor *editor;
  GtkWidget *entry;
  GListModel *shown;
  gint64 start;
  double show_ms;
  long rss_before;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", data_home, TRUE);
  domaine_test_gui_init (&argc, &argv);

  sandbox = ovh_sandbox_new ();
  ovh_sandbox_add_generated_zone (sandbox, "big.example", N_RECORDS);
  if (!ovh_sandbox_start (sandbox, 0, FALSE, &error))
    g_error ("sandbox: %s", error->message);
  client = ovh_client_new (ovh_sandbox_get_base_url (sandbox), OVH_SANDBOX_APPLICATION_KEY,
                           OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_rate_limit (client, 0);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  editor = DOMAINE_ZONE_EDITOR (domaine_zone_editor_new ());
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  domaine_test_wait_for_window (window);
  rss_before = rss_kib ();

  /* Load and show: from asking for the zone to the first frame listing its records. */
  zone = ovh_zone_new (client, "big.example");
  ovh_zone_set_cache_enabled (zone, FALSE);
  start = g_get_monotonic_time ();
  domaine_zone_editor_set_zone (editor, zone);
  domaine_test_wait_until (zone_loaded, zone, 600000);
  if (ovh_zone_get_load_state (zone) != OVH_ZONE_LOAD_STATE_LOADED)
    g_error ("the zone did not load");
  wait_for_frame (GTK_WIDGET (window));
  show_ms = (g_get_monotonic_time () - start) / 1000.0;
  shown = G_LIST_MODEL (domaine_zone_editor_get_selection (editor));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, N_RECORDS);

  printf ("records: %u\n", g_list_model_get_n_items (shown));
  printf ("load + first frame: %.0f ms\n", show_ms);

  /* Keystrokes, straight to the filter (the entry's search delay left out). */
  domaine_zone_editor_set_search_mode (editor, TRUE);
  entry = domaine_test_find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY);
  for (guint serie = 0; serie < G_N_ELEMENTS (series); serie++)
    {
      g_array_set_size (times, 0);
      g_array_set_size (filter_times, 0);
      for (guint round = 0; round < N_ROUNDS; round++)
        {
          for (guint k = 0; k < G_N_ELEMENTS (series[serie]); k++)
            {
              double filter_ms, frame_ms;

              start = g_get_monotonic_time ();
              gtk_editable_set_text (GTK_EDITABLE (entry), series[serie][k]);
              g_signal_emit_by_name (entry, "search-changed");
              /* The filter runs synchronously in search-changed. */
              filter_ms = (g_get_monotonic_time () - start) / 1000.0;
              wait_for_frame (GTK_WIDGET (window));
              frame_ms = (g_get_monotonic_time () - start) / 1000.0;
              g_array_append_val (filter_times, filter_ms);
              g_array_append_val (times, frame_ms);
              if (round == 0)
                printf ("  \"%s\": %u rows, filter %.1f ms, to next frame %.1f ms\n",
                        series[serie][k], g_list_model_get_n_items (shown), filter_ms, frame_ms);
            }
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          g_signal_emit_by_name (entry, "search-changed");
          wait_for_frame (GTK_WIDGET (window));
        }
      g_array_sort (times, compare_doubles);
      g_array_sort (filter_times, compare_doubles);
      printf ("per keystroke, series %u (%u): filter median %.1f ms, max %.1f ms; "
              "to next frame median %.1f ms, max %.1f ms\n",
              serie + 1, times->len, g_array_index (filter_times, double, filter_times->len / 2),
              g_array_index (filter_times, double, filter_times->len - 1),
              g_array_index (times, double, times->len / 2),
              g_array_index (times, double, times->len - 1));
    }
  printf ("RSS: %ld MiB (%+ld MiB for the zone and its view)\n", rss_kib () / 1024,
          (rss_kib () - rss_before) / 1024);

  domaine_zone_editor_set_zone (editor, NULL);
  gtk_window_destroy (window);
  ovh_sandbox_stop (sandbox);
  return 0;
}
