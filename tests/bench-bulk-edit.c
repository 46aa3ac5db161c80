/* bench-bulk-edit.c: bulk edits of 10,000 selected records in a 100,000-record zone editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C BUILD --benchmark bench-bulk-edit` (under a display) prints, for a
 * bulk TTL change and a bulk regular-expression replace through the real dialog: the time to
 * plan (the dialog's live preview), to stage (until the rows and the changes bar are updated),
 * to the next frame after staging, to undo the whole step, and the resident memory.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "domaine-bulk-edit-dialog.h"
#include "domaine-test-gui.h"
#include "domaine-zone-editor-private.h"
#include "ovh-sandbox.h"

#define N_RECORDS 100000
#define N_SELECTED 10000

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock, gpointer data)
{
  painted = TRUE;
}

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

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The main thread's processor time in ms: on a loaded machine, wall time counts the waits for
 * a processor too; this does not. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static DomaineBulkEditDialog *
open_dialog (DomaineZoneEditor *editor)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  gtk_widget_activate_action (GTK_WIDGET (editor), "zone.bulk-edit", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DOMAINE_IS_BULK_EDIT_DIALOG (window))
        {
          domaine_test_wait_for_window (window);
          return DOMAINE_BULK_EDIT_DIALOG (window);
        }
    }
  g_error ("no bulk edit dialog");
}

static gpointer
child (DomaineBulkEditDialog *dialog, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (dialog), DOMAINE_TYPE_BULK_EDIT_DIALOG, name);
}

typedef void (*SetUp) (DomaineBulkEditDialog *dialog);

static void
set_ttl (DomaineBulkEditDialog *dialog)
{
  gtk_spin_button_set_value (child (dialog, "ttl_spin"), 300);
}

static void
set_replace (DomaineBulkEditDialog *dialog)
{
  adw_combo_row_set_selected (child (dialog, "operation_row"), OVH_RECORD_BULK_REPLACE);
  gtk_switch_set_active (child (dialog, "regex_switch"), TRUE);
  gtk_editable_set_text (child (dialog, "replace_row"), "172.\\1.");
  /* The last edit plans: it is the one timed. */
  gtk_editable_set_text (child (dialog, "find_row"), "^10\\.(\\d+)\\.");
}

static void
run (const char *name, GtkWindow *window, DomaineZoneEditor *editor, SetUp set_up)
{
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (editor);
  DomaineBulkEditDialog *dialog = open_dialog (editor);
  OvhRecordBulkPlan *plan;
  gint64 start;
  double plan_ms, stage_ms, frame_ms, undo_ms, undo_frame_ms;
  double plan_cpu, stage_cpu, frame_cpu, undo_cpu, undo_frame_cpu, cpu;
  long rss_before = rss_kib ();

  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  set_up (dialog);
  plan_ms = ms_since (start);
  plan_cpu = cpu_ms () - cpu;
  plan = domaine_bulk_edit_dialog_get_plan (dialog);
  if (plan == NULL)
    g_error ("%s: no plan", name);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  gtk_widget_activate_action (GTK_WIDGET (dialog), "bulk.stage", NULL);
  stage_ms = ms_since (start);
  stage_cpu = cpu_ms () - cpu;
  if (ovh_changeset_get_n_pending (changeset) == 0)
    g_error ("%s: nothing staged", name);
  wait_for_frame (GTK_WIDGET (window));
  frame_ms = ms_since (start);
  frame_cpu = cpu_ms () - cpu;
  printf ("%-22s %5u changes | plan + preview %7.1f ms (cpu %6.1f) | stage %7.1f ms (cpu %6.1f) "
          "| then next frame %7.1f ms (cpu %6.1f) | RSS %+ld MiB\n",
          name, ovh_changeset_get_n_pending (changeset), plan_ms, plan_cpu, stage_ms, stage_cpu,
          frame_ms - stage_ms, frame_cpu - stage_cpu, (rss_kib () - rss_before) / 1024);

  start = g_get_monotonic_time ();
  cpu = cpu_ms ();
  domaine_undo_stack_undo (editor->undo_stack);
  undo_ms = ms_since (start);
  undo_cpu = cpu_ms () - cpu;
  wait_for_frame (GTK_WIDGET (window));
  undo_frame_ms = ms_since (start);
  undo_frame_cpu = cpu_ms () - cpu;
  if (ovh_changeset_get_n_pending (changeset) != 0)
    g_error ("%s: the undo left changes", name);
  printf ("%-22s undo (one step) %7.1f ms (cpu %6.1f) | then next frame %7.1f ms (cpu %6.1f)\n", "",
          undo_ms, undo_cpu, undo_frame_ms - undo_ms, undo_frame_cpu - undo_cpu);
  domaine_test_wait_for_null ((gpointer *) &dialog, 5000);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("domaine-bench-XXXXXX", NULL);
  g_autoptr (OvhSandbox) sandbox = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *window;
  DomaineZoneEditor *editor;
  GtkSelectionModel *selection;
  long rss_start;

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

  zone = ovh_zone_new (client, "big.example");
  ovh_zone_set_cache_enabled (zone, FALSE);
  domaine_zone_editor_set_zone (editor, zone);
  domaine_test_wait_until (zone_loaded, zone, 600000);
  if (ovh_zone_get_load_state (zone) != OVH_ZONE_LOAD_STATE_LOADED)
    g_error ("the zone did not load");
  wait_for_frame (GTK_WIDGET (window));
  rss_start = rss_kib ();

  selection = domaine_zone_editor_get_selection (editor);
  /* Every tenth row (the A records 4, 14, 24…): scattered over the whole zone, as a search's
   * matches would be. */
  for (guint i = 0; i < N_SELECTED; i++)
    gtk_selection_model_select_item (selection, i * (N_RECORDS / N_SELECTED) + 4, FALSE);
  wait_for_frame (GTK_WIDGET (window));

  printf ("GTK_A11Y=%s GSK_RENDERER=%s, %u cores, %u records, %u selected\n",
          g_getenv ("GTK_A11Y") ?: "(unset)", g_getenv ("GSK_RENDERER") ?: "(unset)",
          g_get_num_processors (), N_RECORDS,
          (guint) gtk_bitset_get_size (gtk_selection_model_get_selection (selection)));
  run ("bulk TTL:", window, editor, set_ttl);
  run ("bulk regex replace:", window, editor, set_replace);
  printf ("RSS: %ld MiB (%+ld MiB since the zone was shown)\n", rss_kib () / 1024,
          (rss_kib () - rss_start) / 1024);

  domaine_zone_editor_set_zone (editor, NULL);
  gtk_window_destroy (window);
  ovh_sandbox_stop (sandbox);
  return 0;
}
