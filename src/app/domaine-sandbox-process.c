/* domaine-sandbox-process.c: the domaine-sandbox program, run as a child of the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "domaine-sandbox-name-server.h"
#include "domaine-sandbox-process.h"

/* How long stop() lets the child save its state and go before it is killed. */
#define STOP_TIMEOUT_MS 5000

struct _DomaineSandboxProcess
{
  GObject parent_instance;

  char *program;
  GStrv extra_args;

  GSubprocess *subprocess;
  GDataInputStream *stdout_lines;
  /* Watches the child's end once it runs; cancelled by stop() and dispose. */
  GCancellable *watch_cancellable;
  gboolean started;
  gboolean running;

  char *base_url;
  char *application_key;
  char *application_secret;
  char *consumer_key;
  char *ca_file;

  /* What the sandbox publishes, as zone files served by knotd when Knot DNS is installed. */
  char *zone_dir;
  DomaineSandboxNameServer *name_server;
  char *name_server_mapping;
  char *name_server_problem;
};

G_DEFINE_FINAL_TYPE (DomaineSandboxProcess, domaine_sandbox_process, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PROGRAM,
  PROP_RUNNING,
  PROP_BASE_URL,
  PROP_APPLICATION_KEY,
  PROP_APPLICATION_SECRET,
  PROP_CONSUMER_KEY,
  PROP_CA_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_DIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GQuark
domaine_sandbox_process_error_quark (void)
{
  return g_quark_from_static_string ("domaine-sandbox-process-error-quark");
}

/* Finding the program */

static char *
program_if_executable (char *path)
{
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR)
      && g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    return path;
  g_free (path);
  return NULL;
}

char *
domaine_sandbox_process_find_program (void)
{
  const char *override = g_getenv ("DOMAINE_SANDBOX_PROGRAM");
  g_autofree char *self_exe = NULL;
  char *found = NULL;

  if (override != NULL && override[0] != '\0')
    return program_if_executable (g_strdup (override));

  /* The running executable's own location rather than the configured prefix, so that a
   * prefix installed elsewhere (DESTDIR, a moved tree, a bundle) uses its own sandbox. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);

      found = program_if_executable (g_build_filename (dir, SANDBOX_PROGRAM_FROM_BINDIR, NULL));
      /* Uninstalled: src/app/domaine beside src/sandbox/domaine-sandbox. */
      if (found == NULL)
        found = program_if_executable (g_canonicalize_filename ("../sandbox/domaine-sandbox", dir));
      if (found != NULL)
        return found;
    }

  return program_if_executable (g_strdup (SANDBOX_PROGRAM));
}

/* Starting */

static void
set_running (DomaineSandboxProcess *self, gboolean running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static char *
describe_exit (GSubprocess *subprocess)
{
  if (g_subprocess_get_if_signaled (subprocess))
    /* Translators: %d is a signal number, e.g. 9. */
    return g_strdup_printf (_ ("it was stopped by signal %d"),
                            g_subprocess_get_term_sig (subprocess));
  /* Translators: %d is a process exit status, e.g. 1. */
  return g_strdup_printf (_ ("it exited with status %d"),
                          g_subprocess_get_exit_status (subprocess));
}

static void
died_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (DomaineSandboxProcess) self = g_weak_ref_get (weak);
  g_autoptr (GError) wait_error = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *why = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, &wait_error) || self == NULL
      || self->subprocess != G_SUBPROCESS (source))
    return; /* stop() or dispose: an expected end */

  why = describe_exit (G_SUBPROCESS (source));
  /* Translators: %s says how, e.g. "it was stopped by signal 9". */
  error = g_error_new (DOMAINE_SANDBOX_PROCESS_ERROR, DOMAINE_SANDBOX_PROCESS_ERROR_DIED,
                       _ ("The sandbox stopped unexpectedly: %s."), why);
  g_debug ("domaine-sandbox ended: %s", why);
  set_running (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_DIED], 0, error);
}

static void
watch_child (DomaineSandboxProcess *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  g_clear_object (&self->watch_cancellable);
  self->watch_cancellable = g_cancellable_new ();
  g_subprocess_wait_async (self->subprocess, self->watch_cancellable, died_cb, weak);
}

static char *
dup_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static gboolean
parse_line (DomaineSandboxProcess *self, const char *line)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, line, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  object = json_node_get_object (json_parser_get_root (parser));

  self->base_url = dup_member (object, "baseUrl");
  self->application_key = dup_member (object, "applicationKey");
  self->application_secret = dup_member (object, "applicationSecret");
  self->consumer_key = dup_member (object, "consumerKey");
  self->ca_file = dup_member (object, "caFile");
  return self->base_url != NULL && self->application_key != NULL && self->application_secret != NULL
         && self->consumer_key != NULL;
}

static void
ended_before_ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autofree char *why = NULL;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL))
    why = g_strdup (_ ("it did not say why"));
  else
    why = describe_exit (G_SUBPROCESS (source));
  /* Translators: %s says how, e.g. "it exited with status 1". */
  g_task_return_new_error (task, DOMAINE_SANDBOX_PROCESS_ERROR,
                           DOMAINE_SANDBOX_PROCESS_ERROR_FAILED,
                           _ ("The sandbox ended before it was ready: %s."), why);
}

static void
finish_start (GTask *task)
{
  DomaineSandboxProcess *self = g_task_get_source_object (task);

  for (guint i = PROP_BASE_URL; i <= PROP_CA_FILE; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  watch_child (self);
  set_running (self, TRUE);
  g_task_return_boolean (task, TRUE);
}

static void
name_server_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DomaineSandboxProcess *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->subprocess == NULL)
    {
      /* stop() came first. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _ ("The sandbox was stopped"));
      return;
    }
  if (domaine_sandbox_name_server_start_finish (DOMAINE_SANDBOX_NAME_SERVER (source), result,
                                                &error))
    self->name_server_mapping = domaine_sandbox_name_server_dup_mapping (self->name_server);
  else
    {
      g_debug ("knotd for the sandbox: %s", error->message);
      /* Translators: %s says why, e.g. "knotd did not start: it exited". */
      self->name_server_problem
          = g_strdup_printf (_ ("The sandbox’s name servers did not start: %s"), error->message);
      g_clear_object (&self->name_server);
    }
  finish_start (task);
}

/* The sandbox's name servers are a bonus: without them, the sandbox runs all the same. */
static void
start_name_server (DomaineSandboxProcess *self, GTask *task)
{
  if (self->zone_dir == NULL || !domaine_sandbox_name_server_available (&self->name_server_problem))
    {
      finish_start (task);
      return;
    }
  self->name_server = domaine_sandbox_name_server_new (self->zone_dir);
  domaine_sandbox_name_server_start_async (self->name_server, g_task_get_cancellable (task),
                                           name_server_started_cb, task);
}

static void
line_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DomaineSandboxProcess *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                    &error);
  if (error != NULL)
    {
      g_subprocess_force_exit (self->subprocess);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (line == NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_subprocess_wait_async (self->subprocess, cancellable, ended_before_ready_cb,
                               g_steal_pointer (&task));
      return;
    }
  if (!parse_line (self, line))
    {
      g_subprocess_force_exit (self->subprocess);
      g_task_return_new_error (task, DOMAINE_SANDBOX_PROCESS_ERROR,
                               DOMAINE_SANDBOX_PROCESS_ERROR_FAILED, "%s",
                               _ ("The sandbox did not say where it listens."));
      return;
    }

  start_name_server (self, g_steal_pointer (&task));
}

void
domaine_sandbox_process_start_async (DomaineSandboxProcess *self,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  g_return_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self));
  g_return_if_fail (!self->started);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, domaine_sandbox_process_start_async);
  self->started = TRUE;

  if (self->program == NULL)
    {
      g_task_return_new_error (task, DOMAINE_SANDBOX_PROCESS_ERROR,
                               DOMAINE_SANDBOX_PROCESS_ERROR_NOT_FOUND, "%s",
                               _ ("The sandbox program is not installed."));
      return;
    }

  g_ptr_array_add (argv, self->program);
  g_ptr_array_add (argv, (char *) "--print-json");
  /* The pipe on its standard input closes when this process ends, however it ends. */
  g_ptr_array_add (argv, (char *) "--exit-on-stdin-eof");
  g_ptr_array_add (argv, (char *) "--exit-with-parent");
  self->zone_dir = g_dir_make_tmp ("domaine-sandbox-zones-XXXXXX", &error);
  if (self->zone_dir != NULL)
    {
      g_ptr_array_add (argv, (char *) "--zone-dir");
      g_ptr_array_add (argv, self->zone_dir);
    }
  else
    {
      /* Translators: %s says why, e.g. "Permission denied". */
      self->name_server_problem
          = g_strdup_printf (_ ("The sandbox’s name servers did not start: %s"), error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; self->extra_args != NULL && self->extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, self->extra_args[i]);
  g_ptr_array_add (argv, NULL);

  /* Standard error stays the app's: the sandbox's complaints reach the same terminal. */
  launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  self->subprocess
      = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  if (self->subprocess == NULL)
    {
      /* Translators: the first %s is a program's path, the second why it did not run. */
      g_task_return_new_error (task, DOMAINE_SANDBOX_PROCESS_ERROR,
                               DOMAINE_SANDBOX_PROCESS_ERROR_FAILED, _ ("Could not run %s: %s"),
                               self->program, error->message);
      return;
    }

  self->stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->subprocess));
  g_data_input_stream_read_line_async (self->stdout_lines, G_PRIORITY_DEFAULT, cancellable,
                                       line_read_cb, g_steal_pointer (&task));
}

gboolean
domaine_sandbox_process_start_finish (DomaineSandboxProcess *self,
                                      GAsyncResult *result,
                                      GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Stopping */

static void
stopped_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
stop_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits in a context of its own: nothing else of the app runs meanwhile. */
static void
wait_for_exit (GSubprocess *subprocess)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GSource) timeout = g_timeout_source_new (STOP_TIMEOUT_MS);
  gboolean done = FALSE;
  gboolean timed_out = FALSE;

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, stop_timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, context);
  g_subprocess_wait_async (subprocess, NULL, stopped_cb, &done);
  while (!done && !timed_out)
    g_main_context_iteration (context, TRUE);
  if (!done)
    {
      g_warning ("domaine-sandbox did not stop within %d ms: killing it", STOP_TIMEOUT_MS);
      g_subprocess_force_exit (subprocess);
      while (!done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);
}

static void
remove_zone_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

static void
stop_name_server (DomaineSandboxProcess *self)
{
  if (self->name_server != NULL)
    domaine_sandbox_name_server_stop (self->name_server);
  g_clear_object (&self->name_server);
  if (self->zone_dir != NULL)
    remove_zone_dir (self->zone_dir);
  g_clear_pointer (&self->zone_dir, g_free);
}

void
domaine_sandbox_process_stop (DomaineSandboxProcess *self)
{
  g_autoptr (GSubprocess) subprocess = NULL;

  g_return_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self));

  if (self->subprocess == NULL)
    {
      stop_name_server (self);
      return;
    }

  g_cancellable_cancel (self->watch_cancellable);
  subprocess = g_steal_pointer (&self->subprocess);
  g_subprocess_send_signal (subprocess, SIGTERM);
  wait_for_exit (subprocess);
  g_clear_object (&self->stdout_lines);
  stop_name_server (self);
  set_running (self, FALSE);
}

/* Accessors */

gboolean
domaine_sandbox_process_get_running (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), FALSE);
  return self->running;
}

const char *
domaine_sandbox_process_get_program (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->program;
}

const char *
domaine_sandbox_process_get_identifier (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->subprocess != NULL ? g_subprocess_get_identifier (self->subprocess) : NULL;
}

const char *
domaine_sandbox_process_get_base_url (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->base_url;
}

const char *
domaine_sandbox_process_get_application_key (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->application_key;
}

const char *
domaine_sandbox_process_get_application_secret (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->application_secret;
}

const char *
domaine_sandbox_process_get_consumer_key (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->consumer_key;
}

const char *
domaine_sandbox_process_get_ca_file (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->ca_file;
}

const char *
domaine_sandbox_process_get_name_server_mapping (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->name_server_mapping;
}

const char *
domaine_sandbox_process_get_name_server_problem (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->name_server_problem;
}

DomaineSandboxNameServer *
domaine_sandbox_process_get_name_server (DomaineSandboxProcess *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_PROCESS (self), NULL);
  return self->name_server;
}

/* GObject */

static void
domaine_sandbox_process_dispose (GObject *object)
{
  DomaineSandboxProcess *self = DOMAINE_SANDBOX_PROCESS (object);

  domaine_sandbox_process_stop (self);

  G_OBJECT_CLASS (domaine_sandbox_process_parent_class)->dispose (object);
}

static void
domaine_sandbox_process_finalize (GObject *object)
{
  DomaineSandboxProcess *self = DOMAINE_SANDBOX_PROCESS (object);

  g_clear_object (&self->watch_cancellable);
  g_clear_object (&self->stdout_lines);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->extra_args, g_strfreev);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->application_key, g_free);
  /* The sandbox's public demo secret, but a secret all the same. */
  if (self->application_secret != NULL)
    memset (self->application_secret, 0, strlen (self->application_secret));
  g_clear_pointer (&self->application_secret, g_free);
  g_clear_pointer (&self->consumer_key, g_free);
  g_clear_pointer (&self->ca_file, g_free);
  g_clear_pointer (&self->name_server_mapping, g_free);
  g_clear_pointer (&self->name_server_problem, g_free);

  G_OBJECT_CLASS (domaine_sandbox_process_parent_class)->finalize (object);
}

static void
domaine_sandbox_process_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DomaineSandboxProcess *self = DOMAINE_SANDBOX_PROCESS (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_string (value, self->program);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_APPLICATION_KEY:
      g_value_set_string (value, self->application_key);
      break;
    case PROP_APPLICATION_SECRET:
      g_value_set_string (value, self->application_secret);
      break;
    case PROP_CONSUMER_KEY:
      g_value_set_string (value, self->consumer_key);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_sandbox_process_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  DomaineSandboxProcess *self = DOMAINE_SANDBOX_PROCESS (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      self->program = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_sandbox_process_class_init (DomaineSandboxProcessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = domaine_sandbox_process_dispose;
  object_class->finalize = domaine_sandbox_process_finalize;
  object_class->get_property = domaine_sandbox_process_get_property;
  object_class->set_property = domaine_sandbox_process_set_property;

  properties[PROP_PROGRAM]
      = g_param_spec_string ("program", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, read_only);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, read_only);
  properties[PROP_APPLICATION_KEY]
      = g_param_spec_string ("application-key", NULL, NULL, NULL, read_only);
  properties[PROP_APPLICATION_SECRET]
      = g_param_spec_string ("application-secret", NULL, NULL, NULL, read_only);
  properties[PROP_CONSUMER_KEY] = g_param_spec_string ("consumer-key", NULL, NULL, NULL, read_only);
  properties[PROP_CA_FILE] = g_param_spec_string ("ca-file", NULL, NULL, NULL, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The child ended on its own while in use; the GError says how. */
  signals[SIGNAL_DIED] = g_signal_new ("died", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
domaine_sandbox_process_init (DomaineSandboxProcess *self)
{
}

DomaineSandboxProcess *
domaine_sandbox_process_new (const char *program, const char *const *extra_args)
{
  g_autofree char *found = program == NULL ? domaine_sandbox_process_find_program () : NULL;
  DomaineSandboxProcess *self;

  self = g_object_new (DOMAINE_TYPE_SANDBOX_PROCESS, "program", program != NULL ? program : found,
                       NULL);
  self->extra_args = g_strdupv ((char **) extra_args);
  return self;
}
