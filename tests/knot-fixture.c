/* knot-fixture.c: real authoritative name servers (Knot DNS) for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "dns-local-server.h"
#include "knot-fixture.h"

#define START_TIMEOUT_US (15 * G_USEC_PER_SEC)

struct _KnotServer
{
  char *dir;
  char *config;
  char *address;
  guint port;
  GSubprocess *knotd;
};

/* Looked for once per program: the tests start many servers. */
static const char *
find_program (const char *name)
{
  static GHashTable *found;
  char *path;

  if (found == NULL)
    found = g_hash_table_new (g_str_hash, g_str_equal);
  if ((path = g_hash_table_lookup (found, name)) != NULL)
    return path;
  path = dns_find_server_program (name);
  if (path != NULL)
    g_hash_table_insert (found, (gpointer) g_intern_string (name), path);
  return path;
}

gboolean
knot_server_available (char **reason)
{
  if (find_program ("knotd") != NULL && find_program ("knotc") != NULL)
    return TRUE;
  if (reason != NULL)
    *reason = g_strdup ("knotd and knotc (Debian package knot) are not installed");
  return FALSE;
}

static gboolean
knotc (KnotServer *self, GError **error, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) find_program ("knotc"));
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, self->config);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process
      = g_subprocess_newv ((const char *const *) argv->pdata,
                           G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "knotc %s: %s", first, out);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_config (KnotServer *self, const char *zone_dir, const char *const *zones, GError **error)
{
  g_autoptr (GString) config = g_string_new (NULL);
  g_autofree char *zone_path = g_canonicalize_filename (zone_dir, NULL);

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
                          self->dir, self->port, self->dir, zone_path);
  for (guint i = 0; zones[i] != NULL; i++)
    g_string_append_printf (config, "  - domain: %s\n", zones[i]);
  return g_file_set_contents (self->config, config->str, -1, error);
}

/* knotd dies with the test: a test that crashes leaves no server behind. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
spawn_knotd (KnotServer *self, GError **error)
{
  g_autoptr (GSubprocessLauncher) launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  return g_subprocess_launcher_spawn (launcher, error, find_program ("knotd"), "-c", self->config,
                                      NULL);
}

static gboolean
wait_ready (KnotServer *self, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  g_autoptr (GError) last = NULL;

  /* Ready when the control socket answers and every zone is loaded (-b waits for it). */
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_error (&last);
      if (knotc (self, &last, "status", NULL))
        return knotc (self, error, "-b", "zone-status", NULL);
      if (g_subprocess_get_identifier (self->knotd) == NULL)
        break;              /* it exited */
      g_usleep (20 * 1000); /* polling a condition: the socket is not there yet */
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "knotd did not start: %s",
               last != NULL ? last->message : "it exited");
  return FALSE;
}

KnotServer *
knot_server_start (const char *zone_dir, const char *const *zones, GError **error)
{
  g_autoptr (KnotServer) self = g_new0 (KnotServer, 1);

  if (!knot_server_available (NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "knotd is not installed");
      return NULL;
    }
  self->dir = g_dir_make_tmp ("domaine-knot-XXXXXX", error);
  if (self->dir == NULL)
    return NULL;
  self->config = g_build_filename (self->dir, "knot.conf", NULL);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr (GError) local_error = NULL;

      if ((self->port = dns_free_loopback_port (error)) == 0
          || !write_config (self, zone_dir, zones, error))
        return NULL;
      self->knotd = spawn_knotd (self, error);
      if (self->knotd == NULL)
        return NULL;
      if (wait_ready (self, &local_error))
        {
          self->address = g_strdup_printf ("127.0.0.1:%u", self->port);
          return g_steal_pointer (&self);
        }
      /* Someone took the port between the probe and knotd's bind: try another. */
      g_subprocess_force_exit (self->knotd);
      g_subprocess_wait (self->knotd, NULL, NULL);
      g_clear_object (&self->knotd);
      if (attempt == 2)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return NULL;
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
knot_server_free (KnotServer *self)
{
  if (self == NULL)
    return;
  if (self->knotd != NULL)
    {
      g_subprocess_send_signal (self->knotd, SIGTERM);
      g_subprocess_wait (self->knotd, NULL, NULL);
      g_object_unref (self->knotd);
    }
  if (self->dir != NULL)
    remove_tree (self->dir);
  g_free (self->dir);
  g_free (self->config);
  g_free (self->address);
  g_free (self);
}

const char *
knot_server_get_address (KnotServer *self)
{
  return self->address;
}

guint
knot_server_get_port (KnotServer *self)
{
  return self->port;
}

gboolean
knot_server_reload (KnotServer *self, GError **error)
{
  return knotc (self, error, "-b", "zone-reload", NULL);
}
