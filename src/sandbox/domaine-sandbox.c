/* domaine-sandbox.c: the OVH API sandbox as a program, for people, demos, benchmarks and the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Domaine's "Try the Sandbox" runs this program as a child: --print-json gives it the address
 * and keys on one line, --exit-on-stdin-eof and --exit-with-parent make sure it never
 * outlives the app, even when the app is killed.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <unistd.h>
#ifdef __linux__
#include <signal.h>
#include <sys/prctl.h>
#endif

#include "ovh-sandbox.h"

typedef struct
{
  char *method; /* NULL = every method */
  char *path_glob;
  OvhSandboxFault fault;
  guint count;
} FaultSpec;

static void
fault_spec_free (FaultSpec *spec)
{
  g_free (spec->method);
  g_free (spec->path_glob);
  g_free (spec);
}

static GPtrArray *fault_specs; /* of FaultSpec*, filled while the command line is parsed */

/* KIND:METHOD:PATH[:COUNT], e.g. 500:GET:/me:3; the path itself may hold colons. */
static gboolean
parse_fault (const char *option_name, const char *value, gpointer data, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (value, ":", 3);
  g_autofree char *path_glob = NULL;
  OvhSandboxFault fault = OVH_SANDBOX_FAULT_NONE;
  const char *last_colon;
  guint64 count = 0;
  FaultSpec *spec;

  if (g_strv_length (parts) == 3 && parts[1][0] != '\0')
    {
      if (g_ascii_strcasecmp (parts[0], "500") == 0)
        fault = OVH_SANDBOX_FAULT_HTTP_500;
      else if (g_ascii_strcasecmp (parts[0], "drop") == 0)
        fault = OVH_SANDBOX_FAULT_DROP;
      else if (g_ascii_strcasecmp (parts[0], "malformed") == 0)
        fault = OVH_SANDBOX_FAULT_MALFORMED;
      else if (g_ascii_strcasecmp (parts[0], "429") == 0)
        fault = OVH_SANDBOX_FAULT_RATE_LIMITED;
      else if (g_ascii_strcasecmp (parts[0], "applied-drop") == 0)
        fault = OVH_SANDBOX_FAULT_APPLIED_DROP;
      else if (g_ascii_strcasecmp (parts[0], "applied-malformed") == 0)
        fault = OVH_SANDBOX_FAULT_APPLIED_MALFORMED;
      else if (g_ascii_strcasecmp (parts[0], "applied-stall") == 0)
        fault = OVH_SANDBOX_FAULT_APPLIED_STALL;

      /* A trailing ":N" is the count; anything else after a colon belongs to the path. */
      last_colon = strrchr (parts[2], ':');
      if (last_colon != NULL
          && g_ascii_string_to_unsigned (last_colon + 1, 10, 0, G_MAXUINT, &count, NULL))
        path_glob = g_strndup (parts[2], last_colon - parts[2]);
      else
        path_glob = g_strdup (parts[2]);
      /* The API's paths are matched without their /1.0 prefix: accept both. */
      if (g_str_has_prefix (path_glob, "/1.0/"))
        memmove (path_glob, path_glob + 4, strlen (path_glob + 4) + 1);
    }
  if (fault == OVH_SANDBOX_FAULT_NONE || path_glob == NULL
      || (path_glob[0] != '/' && path_glob[0] != '*'))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Invalid fault “%s”: expected KIND:METHOD:PATH[:COUNT] with KIND 500, drop, "
                   "malformed, 429, applied-drop, applied-malformed or applied-stall, METHOD GET, "
                   "POST, PUT, DELETE or *, and PATH starting with / "
                   "(e.g. 500:GET:/domain/zone/*:3)",
                   value);
      return FALSE;
    }

  spec = g_new0 (FaultSpec, 1);
  spec->method = g_str_equal (parts[1], "*") ? NULL : g_ascii_strup (parts[1], -1);
  spec->path_glob = g_steal_pointer (&path_glob);
  spec->fault = fault;
  spec->count = (guint) count;
  g_ptr_array_add (fault_specs, spec);
  return TRUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Reads (and ignores) standard input until its end, then stops the main loop. */
static void
stdin_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      g_main_loop_quit (loop);
      g_main_loop_unref (loop);
      return;
    }
  g_input_stream_read_bytes_async (G_INPUT_STREAM (source), 4096, G_PRIORITY_DEFAULT, NULL,
                                   stdin_read_cb, loop);
}

/* The line the app reads: stable member names, never translated. */
static char *
build_json_line (OvhSandbox *sandbox, gboolean tls)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "baseUrl");
  json_builder_add_string_value (builder, ovh_sandbox_get_base_url (sandbox));
  json_builder_set_member_name (builder, "applicationKey");
  json_builder_add_string_value (builder, OVH_SANDBOX_APPLICATION_KEY);
  json_builder_set_member_name (builder, "applicationSecret");
  json_builder_add_string_value (builder, OVH_SANDBOX_APPLICATION_SECRET);
  json_builder_set_member_name (builder, "consumerKey");
  json_builder_add_string_value (builder, OVH_SANDBOX_CONSUMER_KEY);
  json_builder_set_member_name (builder, "nichandle");
  json_builder_add_string_value (builder, OVH_SANDBOX_NICHANDLE);
  json_builder_set_member_name (builder, "demoPassword");
  json_builder_add_string_value (builder, OVH_SANDBOX_DEMO_PASSWORD);
  json_builder_set_member_name (builder, "caFile");
  if (tls)
    json_builder_add_string_value (builder, ovh_sandbox_get_ca_file (sandbox));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (OvhSandbox) sandbox = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) faults = g_ptr_array_new_with_free_func ((GDestroyNotify) fault_spec_free);
  g_autofree char *state_file = NULL;
  g_autofree char *records_zone = NULL;
  g_autofree char *zone_dir = NULL;
  int port = 0;
  int latency_ms = 0;
  int rate_limit = 0;
  int retry_after = 0;
  int n_records = 0;
  gboolean tls = FALSE;
  gboolean no_expanded = FALSE;
  gboolean no_batch = FALSE;
  gboolean create_id_zero = FALSE;
  gboolean print_json = FALSE;
  gboolean exit_on_stdin_eof = FALSE;
  gboolean exit_with_parent = FALSE;
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
          { "fault", 'f', 0, G_OPTION_ARG_CALLBACK, parse_fault,
            "Fail calls on purpose: KIND is 500 (an OVH error body), drop (close the connection) "
            "or malformed (200 with a body that is not JSON); METHOD is GET, POST, PUT, DELETE or "
            "* for all; PATH is a glob without /1.0 (e.g. /domain/zone/*); COUNT is how many "
            "calls fail, 0 or none = every call. Repeatable",
            "KIND:METHOD:PATH[:COUNT]" },
          { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_file,
            "Load the state from FILE if it exists, save it there on exit", "FILE" },
          { "zone-dir", 0, 0, G_OPTION_ARG_FILENAME, &zone_dir,
            "Write each zone as DIR/ZONE.zone at start and at every refresh, for name servers",
            "DIR" },
          { "records-zone", 0, 0, G_OPTION_ARG_STRING, &records_zone,
            "Zone to fill with generated records (with --records)", "ZONE" },
          { "records", 0, 0, G_OPTION_ARG_INT, &n_records,
            "Number of generated records in --records-zone", "N" },
          { "no-expanded", 0, 0, G_OPTION_ARG_NONE, &no_expanded,
            "Ignore X-Pagination-Mode (plain id lists only)", NULL },
          { "no-batch", 0, 0, G_OPTION_ARG_NONE, &no_batch, "Ignore X-Ovh-Batch", NULL },
          { "print-json", 0, 0, G_OPTION_ARG_NONE, &print_json,
            "Once listening, print one line of JSON on standard output (baseUrl, "
            "applicationKey, applicationSecret, consumerKey, nichandle, demoPassword, caFile) "
            "instead of the banner; other messages go to standard error",
            NULL },
          { "exit-on-stdin-eof", 0, 0, G_OPTION_ARG_NONE, &exit_on_stdin_eof,
            "Stop when standard input is closed (for programs that run the sandbox and keep a "
            "pipe to it open)",
            NULL },
          { "exit-with-parent", 0, 0, G_OPTION_ARG_NONE, &exit_with_parent,
            "Stop when the process that started the sandbox dies (Linux)", NULL },
          { NULL } };

  setlocale (LC_ALL, "");

#ifdef __linux__
  /* Before anything else, so that a parent dying during start-up is not missed. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--exit-with-parent"))
      {
        pid_t parent = getppid ();

        prctl (PR_SET_PDEATHSIG, SIGTERM);
        /* It died between the two reads: the signal will never come. (Before the first one,
         * only --exit-on-stdin-eof can tell.) */
        if (getppid () != parent)
          return 0;
      }
#endif

  fault_specs = faults;
  context = g_option_context_new ("— a stand-in for the OVHcloud API");
  g_option_context_set_summary (context,
                                "Serves the OVH API (/1.0) on 127.0.0.1 with a demo customer, "
                                "her domains and DNS zones.\nPrints the base URL and ready-made "
                                "credentials, then serves until Ctrl+C.");
  g_option_context_set_description (
      context, "Faults, for trying failures by hand:\n"
               "  --fault 500:GET:/domain/zone/*:3    the next 3 reads of zones fail with 500\n"
               "  --fault drop:POST:/domain/zone/*/refresh\n"
               "                                      every zone refresh loses its connection\n"
               "  --fault malformed:GET:/me:1         the next /me answer is not JSON\n"
               "  --fault 429:DELETE:/domain/zone/*/record/*:1\n"
               "                                      the next record delete is refused with 429\n"
               "                                      (Retry-After: --retry-after, else 1 s)\n"
               "Faults that carry the call out, then lose its answer:\n"
               "  --fault applied-drop:POST:/domain/zone/*/record:1   the connection closes\n"
               "  --fault applied-malformed:PUT:/domain/zone/*/record/*:1\n"
               "                                      the answer is not JSON\n"
               "  --fault applied-stall:DELETE:/domain/zone/*/record/*:1\n"
               "                                      no answer; closed after 300 s\n");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  fault_specs = NULL;
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
  if (zone_dir != NULL)
    ovh_sandbox_set_zone_dir (sandbox, zone_dir);
  ovh_sandbox_set_latency_ms (sandbox, (guint) latency_ms);
  ovh_sandbox_set_rate_limit (sandbox, (guint) rate_limit);
  ovh_sandbox_set_retry_after (sandbox, (guint) retry_after);
  ovh_sandbox_set_create_answers_id_zero (sandbox, create_id_zero);
  ovh_sandbox_set_expanded_lists (sandbox, !no_expanded);
  ovh_sandbox_set_batch (sandbox, !no_batch);
  for (guint i = 0; i < faults->len; i++)
    {
      FaultSpec *spec = g_ptr_array_index (faults, i);

      ovh_sandbox_inject_fault (sandbox, spec->method, spec->path_glob, spec->fault, spec->count);
    }

  if (!ovh_sandbox_start (sandbox, (guint) port, tls, &error))
    {
      g_printerr ("Cannot start the sandbox: %s\n", error->message);
      return 1;
    }

  /* The sandbox's own demo keys: printing them is the point of this program. */
  if (print_json)
    {
      g_autofree char *line = build_json_line (sandbox, tls);

      fprintf (stdout, "%s\n", line);
      fflush (stdout);
    }
  else
    {
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
      for (guint i = 0; i < faults->len; i++)
        {
          FaultSpec *spec = g_ptr_array_index (faults, i);

          g_print ("  fault               %s %s\n", spec->method != NULL ? spec->method : "*",
                   spec->path_glob);
        }
      g_print ("Press Ctrl+C to stop.\n");
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGHUP, quit_cb, loop);
  if (exit_on_stdin_eof)
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      g_input_stream_read_bytes_async (in, 4096, G_PRIORITY_DEFAULT, NULL, stdin_read_cb,
                                       g_main_loop_ref (loop));
    }
  g_main_loop_run (loop);

  ovh_sandbox_stop (sandbox);
  if (state_file != NULL)
    {
      if (!ovh_sandbox_save_state (sandbox, state_file, &error))
        {
          g_printerr ("Cannot save %s: %s\n", state_file, error->message);
          return 1;
        }
      if (print_json)
        g_printerr ("State saved to %s\n", state_file);
      else
        g_print ("State saved to %s\n", state_file);
    }

  return 0;
}
