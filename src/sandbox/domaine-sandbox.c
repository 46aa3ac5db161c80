/* domaine-sandbox.c: the OVH API sandbox as a program, for people, demos and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib-unix.h>

#include "ovh-sandbox.h"

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (OvhSandbox) sandbox = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *state_file = NULL;
  g_autofree char *records_zone = NULL;
  int port = 0;
  int latency_ms = 0;
  int rate_limit = 0;
  int retry_after = 0;
  int n_records = 0;
  gboolean tls = FALSE;
  gboolean no_expanded = FALSE;
  gboolean no_batch = FALSE;
  gboolean create_id_zero = FALSE;
  const GOptionEntry entries[]
      = { { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (default: any free port)",
            "N" },
          { "tls", 0, 0, G_OPTION_ARG_NONE, &tls,
            "Serve HTTPS with a certificate generated at start", NULL },
          { "latency-ms", 0, 0, G_OPTION_ARG_INT, &latency_ms,
            "Delay every answer by N milliseconds", "N" },
          { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate_limit,
            "Answer 429 above N calls a minute per consumer key", "N" },
          { "retry-after", 0, 0, G_OPTION_ARG_INT, &retry_after,
            "Announce Retry-After: N seconds with a 429, and keep to it (default: the honest wait)",
            "N" },
          { "create-id-zero", 0, 0, G_OPTION_ARG_NONE, &create_id_zero,
            "Answer record creations with id 0, as OVH's known bug does", NULL },
          { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_file,
            "Load the state from FILE if it exists, save it there on exit", "FILE" },
          { "records-zone", 0, 0, G_OPTION_ARG_STRING, &records_zone,
            "Zone to fill with generated records (with --records)", "ZONE" },
          { "records", 0, 0, G_OPTION_ARG_INT, &n_records,
            "Number of generated records in --records-zone", "N" },
          { "no-expanded", 0, 0, G_OPTION_ARG_NONE, &no_expanded,
            "Ignore X-Pagination-Mode (plain id lists only)", NULL },
          { "no-batch", 0, 0, G_OPTION_ARG_NONE, &no_batch, "Ignore X-Ovh-Batch", NULL },
          { NULL } };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— a stand-in for the OVHcloud API");
  g_option_context_set_summary (context,
                                "Serves the OVH API (/1.0) on 127.0.0.1 with a demo customer, "
                                "her domains and DNS zones.\nPrints the base URL and ready-made "
                                "credentials, then serves until Ctrl+C.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535 || latency_ms < 0 || rate_limit < 0 || retry_after < 0
      || n_records < 0 || (n_records > 0 && records_zone == NULL))
    {
      g_printerr ("Invalid option value (see --help)\n");
      return 2;
    }

  sandbox = ovh_sandbox_new ();
  if (state_file != NULL && g_file_test (state_file, G_FILE_TEST_EXISTS)
      && !ovh_sandbox_load_state (sandbox, state_file, &error))
    {
      g_printerr ("Cannot load %s: %s\n", state_file, error->message);
      return 1;
    }
  if (records_zone != NULL)
    ovh_sandbox_add_generated_zone (sandbox, records_zone, (guint) n_records);
  ovh_sandbox_set_latency_ms (sandbox, (guint) latency_ms);
  ovh_sandbox_set_rate_limit (sandbox, (guint) rate_limit);
  ovh_sandbox_set_retry_after (sandbox, (guint) retry_after);
  ovh_sandbox_set_create_answers_id_zero (sandbox, create_id_zero);
  ovh_sandbox_set_expanded_lists (sandbox, !no_expanded);
  ovh_sandbox_set_batch (sandbox, !no_batch);

  if (!ovh_sandbox_start (sandbox, (guint) port, tls, &error))
    {
      g_printerr ("Cannot start the sandbox: %s\n", error->message);
      return 1;
    }

  /* The sandbox's own demo keys: printing them is the point of this program. */
  g_print ("OVH API sandbox listening.\n"
           "  base URL            %s\n"
           "  application key     %s\n"
           "  application secret  %s\n"
           "  consumer key        %s (validated, all rights)\n"
           "  customer            %s, password for the credential page: %s\n",
           ovh_sandbox_get_base_url (sandbox), OVH_SANDBOX_APPLICATION_KEY,
           OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY, OVH_SANDBOX_NICHANDLE,
           OVH_SANDBOX_DEMO_PASSWORD);
  if (tls)
    g_print ("  CA file             %s\n", ovh_sandbox_get_ca_file (sandbox));
  g_print ("Press Ctrl+C to stop.\n");

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  ovh_sandbox_stop (sandbox);
  if (state_file != NULL)
    {
      if (!ovh_sandbox_save_state (sandbox, state_file, &error))
        {
          g_printerr ("Cannot save %s: %s\n", state_file, error->message);
          return 1;
        }
      g_print ("State saved to %s\n", state_file);
    }

  return 0;
}
