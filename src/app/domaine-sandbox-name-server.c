/* domaine-sandbox-name-server.c: Knot DNS serving what the sandbox publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "dns-local-server.h"
#include "domaine-sandbox-name-server.h"

#define START_TIMEOUT_US (15 * G_USEC_PER_SEC)

struct _DomaineSandboxNameServer
{
  GObject parent_instance;

  char *zone_dir;
  char *dir; /* knotd's configuration, run directory and storage */
  char *config;
  char *address;
  GStrv zones;
  GSubprocess *knotd;
  gboolean started;

  GFileMonitor *monitor;
  GCancellable *cancellable; /* the start and the reloads */
  gboolean reloading;
  gboolean reload_again; /* a file changed during a reload */
  guint n_reloads;
};

G_DEFINE_FINAL_TYPE (DomaineSandboxNameServer, domaine_sandbox_name_server, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_N_RELOADS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
domaine_sandbox_name_server_available (char **reason)
{
  g_autofree char *knotd = dns_find_server_program ("knotd");
  g_autofree char *knotc = dns_find_server_program ("knotc");

  if (knotd != NULL && knotc != NULL)
    return TRUE;
  if (reason != NULL)
    *reason = g_strdup (_ ("Install Knot DNS to see the sandbox’s name servers serve changes"));
  return FALSE;
}

static GSubprocess *
knotc_spawn (DomaineSandboxNameServer *self, GError **error, const char *first, ...)
{
  g_autofree char *knotc = dns_find_server_program ("knotc");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, knotc);
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, self->config);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                            error);
}

/* Takes @process (NULL when it could not be spawned: @error says why already). */
static gboolean
knotc_sync (GSubprocess *spawned, GError **error)
{
  g_autoptr (GSubprocess) process = spawned;
  g_autofree char *out = NULL;

  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "knotc: %s", out);
      return FALSE;
    }
  return TRUE;
}

static GStrv
list_zones (const char *zone_dir)
{
  g_autoptr (GDir) dir = g_dir_open (zone_dir, 0, NULL);
  g_autoptr (GStrvBuilder) zones = g_strv_builder_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".zone") && strlen (name) > strlen (".zone"))
      {
        g_autofree char *zone = g_strndup (name, strlen (name) - strlen (".zone"));
        g_strv_builder_add (zones, zone);
      }
  return g_strv_builder_end (zones);
}

static gboolean
write_config (DomaineSandboxNameServer *self, guint port, GError **error)
{
  g_autoptr (GString) config = g_string_new (NULL);

  /* Zone files are read whole, never written back: the sandbox owns them. */
  g_string_append_printf (config,
                          "server:\n"
                          "    rundir: \"%s\"\n"
                          "    listen: 127.0.0.1@%u\n"
                          "    udp-workers: 1\n"
                          "    tcp-workers: 1\n"
                          "    background-workers: 1\n"
                          "database:\n"
                          "    storage: \"%s\"\n"
                          "log:\n"
                          "  - target: stderr\n"
                          "    any: error\n"
                          "template:\n"
                          "  - id: default\n"
                          "    storage: \"%s\"\n"
                          "    file: \"%%s.zone\"\n"
                          "    zonefile-sync: -1\n"
                          "    zonefile-load: whole\n"
                          "    journal-content: none\n"
                          "    semantic-checks: off\n"
                          "zone:\n",
                          self->dir, port, self->dir, self->zone_dir);
  for (guint i = 0; self->zones[i] != NULL; i++)
    g_string_append_printf (config, "  - domain: %s\n", self->zones[i]);
  return g_file_set_contents (self->config, config->str, -1, error);
}

/* knotd dies with the app, however the app ends. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* On the main thread: PR_SET_PDEATHSIG follows the thread that spawned, not the process. */
static GSubprocess *
spawn_knotd (DomaineSandboxNameServer *self, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autofree char *knotd = dns_find_server_program ("knotd");

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawn (launcher, error, knotd, "-c", self->config, NULL);
}

/* In a thread: ready when the control socket answers and every zone is loaded. */
static void
wait_ready_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  DomaineSandboxNameServer *self = source;
  GSubprocess *knotd = data;
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  g_autoptr (GError) last = NULL;

  while (g_get_monotonic_time () < deadline && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr (GError) error = NULL;

      g_clear_error (&last);
      if (knotc_sync (knotc_spawn (self, &last, "status", NULL), &last))
        {
          if (knotc_sync (knotc_spawn (self, &error, "-b", "zone-status", NULL), &error))
            g_task_return_boolean (task, TRUE);
          else
            g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (g_subprocess_get_identifier (knotd) == NULL)
        break;              /* it exited */
      g_usleep (20 * 1000); /* the socket is not there yet */
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("knotd did not start: %s"),
                           last != NULL ? last->message : _ ("it exited"));
}

/* Reloads */

static void reload (DomaineSandboxNameServer *self);

static void
reloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineSandboxNameServer) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("knotc zone-reload: %s", error->message);
    }
  self->reloading = FALSE;
  self->n_reloads++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RELOADS]);
  if (self->reload_again)
    reload (self);
}

static void
reload (DomaineSandboxNameServer *self)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  if (self->reloading)
    {
      self->reload_again = TRUE;
      return;
    }
  self->reload_again = FALSE;
  process = knotc_spawn (self, &error, "-b", "zone-reload", NULL);
  if (process == NULL)
    {
      g_debug ("knotc zone-reload: %s", error->message);
      return;
    }
  self->reloading = TRUE;
  g_subprocess_wait_check_async (process, self->cancellable, reloaded_cb, g_object_ref (self));
}

static void
zone_dir_changed_cb (GFileMonitor *monitor,
                     GFile *file,
                     GFile *other_file,
                     GFileMonitorEvent event,
                     DomaineSandboxNameServer *self)
{
  /* The sandbox replaces a zone file by renaming a new one over it. */
  GFile *written = event == G_FILE_MONITOR_EVENT_RENAMED ? other_file : file;
  g_autofree char *name = written != NULL ? g_file_get_basename (written) : NULL;

  if (self->knotd == NULL || name == NULL || !g_str_has_suffix (name, ".zone"))
    return;
  if (event == G_FILE_MONITOR_EVENT_RENAMED || event == G_FILE_MONITOR_EVENT_MOVED_IN
      || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT || event == G_FILE_MONITOR_EVENT_CREATED)
    reload (self);
}

/* Starting */

static void
ready_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DomaineSandboxNameServer *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) dir = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      domaine_sandbox_name_server_stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dir = g_file_new_for_path (self->zone_dir);
  self->monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      domaine_sandbox_name_server_stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (zone_dir_changed_cb), self, 0);
  g_task_return_boolean (task, TRUE);
}

void
domaine_sandbox_name_server_start_async (DomaineSandboxNameServer *self,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) ready = NULL;
  g_autoptr (GError) error = NULL;
  guint port;

  g_return_if_fail (DOMAINE_IS_SANDBOX_NAME_SERVER (self));
  g_return_if_fail (!self->started);

  self->started = TRUE;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, domaine_sandbox_name_server_start_async);
  if (!domaine_sandbox_name_server_available (NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _ ("Knot DNS is not installed"));
      return;
    }

  self->dir = g_dir_make_tmp ("domaine-knot-XXXXXX", &error);
  self->zones = list_zones (self->zone_dir);
  if (self->dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->config = g_build_filename (self->dir, "knot.conf", NULL);
  if ((port = dns_free_loopback_port (&error)) == 0 || !write_config (self, port, &error)
      || (self->knotd = spawn_knotd (self, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->address = g_strdup_printf ("127.0.0.1:%u", port);

  ready = g_task_new (self, self->cancellable, ready_cb, g_steal_pointer (&task));
  g_task_set_task_data (ready, g_object_ref (self->knotd), g_object_unref);
  g_task_run_in_thread (ready, wait_ready_thread);
}

gboolean
domaine_sandbox_name_server_start_finish (DomaineSandboxNameServer *self,
                                          GAsyncResult *result,
                                          GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
domaine_sandbox_name_server_stop (DomaineSandboxNameServer *self)
{
  g_return_if_fail (DOMAINE_IS_SANDBOX_NAME_SERVER (self));

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->knotd != NULL)
    {
      g_subprocess_send_signal (self->knotd, SIGTERM);
      g_subprocess_wait (self->knotd, NULL, NULL);
      g_clear_object (&self->knotd);
    }
  if (self->dir != NULL)
    remove_tree (self->dir);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->address, g_free);
}

/* Accessors */

const char *
domaine_sandbox_name_server_get_address (DomaineSandboxNameServer *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_NAME_SERVER (self), NULL);
  return self->address;
}

const char *
domaine_sandbox_name_server_get_identifier (DomaineSandboxNameServer *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_NAME_SERVER (self), NULL);
  return self->knotd != NULL ? g_subprocess_get_identifier (self->knotd) : NULL;
}

guint
domaine_sandbox_name_server_get_n_reloads (DomaineSandboxNameServer *self)
{
  g_return_val_if_fail (DOMAINE_IS_SANDBOX_NAME_SERVER (self), 0);
  return self->n_reloads;
}

/* The apex NS targets of a zone file as the sandbox writes it: blank-owner lines. */
static void
add_apex_name_servers (GHashTable *names, const char *path)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) tokens = NULL;
      guint n = 0;

      if (lines[i][0] != ' ' && lines[i][0] != '\t')
        continue;
      tokens = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      for (guint j = 0; tokens[j] != NULL; j++)
        if (tokens[j][0] != '\0')
          tokens[n++] = tokens[j];
        else
          g_free (tokens[j]);
      tokens[n] = NULL;
      for (guint j = 0; j + 2 < n; j++)
        if (g_ascii_strcasecmp (tokens[j], "IN") == 0
            && g_ascii_strcasecmp (tokens[j + 1], "NS") == 0)
          {
            char *host = g_ascii_strdown (tokens[j + 2], -1);
            gsize length = strlen (host);

            if (length > 0 && host[length - 1] == '.')
              host[length - 1] = '\0';
            g_hash_table_add (names, host);
          }
    }
}

static int
compare_names (gconstpointer a, gconstpointer b, gpointer data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
domaine_sandbox_name_server_dup_mapping (DomaineSandboxNameServer *self)
{
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gpointer *sorted = NULL;
  guint n_names = 0;
  g_autoptr (GString) mapping = g_string_new (NULL);

  g_return_val_if_fail (DOMAINE_IS_SANDBOX_NAME_SERVER (self), NULL);

  if (self->address == NULL)
    return NULL;
  for (guint i = 0; self->zones[i] != NULL; i++)
    {
      g_autofree char *file = g_strconcat (self->zones[i], ".zone", NULL);
      g_autofree char *path = g_build_filename (self->zone_dir, file, NULL);

      add_apex_name_servers (names, path);
    }
  sorted = g_hash_table_get_keys_as_array (names, &n_names);
  g_qsort_with_data (sorted, n_names, sizeof (gpointer), compare_names, NULL);
  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (mapping, "%s%s=%s", i > 0 ? "," : "", (char *) sorted[i],
                            self->address);
  return g_string_free (g_steal_pointer (&mapping), FALSE);
}

/* GObject */

static void
domaine_sandbox_name_server_dispose (GObject *object)
{
  domaine_sandbox_name_server_stop (DOMAINE_SANDBOX_NAME_SERVER (object));

  G_OBJECT_CLASS (domaine_sandbox_name_server_parent_class)->dispose (object);
}

static void
domaine_sandbox_name_server_finalize (GObject *object)
{
  DomaineSandboxNameServer *self = DOMAINE_SANDBOX_NAME_SERVER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zone_dir, g_free);
  g_clear_pointer (&self->config, g_free);
  g_clear_pointer (&self->zones, g_strfreev);

  G_OBJECT_CLASS (domaine_sandbox_name_server_parent_class)->finalize (object);
}

static void
domaine_sandbox_name_server_get_property (GObject *object,
                                          guint prop_id,
                                          GValue *value,
                                          GParamSpec *pspec)
{
  DomaineSandboxNameServer *self = DOMAINE_SANDBOX_NAME_SERVER (object);

  switch (prop_id)
    {
    case PROP_N_RELOADS:
      g_value_set_uint (value, self->n_reloads);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_sandbox_name_server_class_init (DomaineSandboxNameServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_sandbox_name_server_dispose;
  object_class->finalize = domaine_sandbox_name_server_finalize;
  object_class->get_property = domaine_sandbox_name_server_get_property;

  properties[PROP_N_RELOADS]
      = g_param_spec_uint ("n-reloads", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_sandbox_name_server_init (DomaineSandboxNameServer *self)
{
  self->cancellable = g_cancellable_new ();
}

DomaineSandboxNameServer *
domaine_sandbox_name_server_new (const char *zone_dir)
{
  DomaineSandboxNameServer *self = g_object_new (DOMAINE_TYPE_SANDBOX_NAME_SERVER, NULL);

  self->zone_dir = g_canonicalize_filename (zone_dir, NULL);
  return self;
}
