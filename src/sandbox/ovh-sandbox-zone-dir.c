/* ovh-sandbox-zone-dir.c: what the sandbox publishes, written as zone files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH's name servers serve a zone once it is refreshed. The sandbox has none of its own: it
 * writes each zone as a BIND file "<zone>.zone" at every refresh, for real authoritative
 * servers (Knot DNS in the tests) to serve.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ovh-sandbox-private.h"

/* Called with the mutex held. Files are replaced atomically: a server reading one during a
 * refresh sees the old zone or the new one, never half of it. */
void
sandbox_zone_dir_write (OvhSandbox *self, const SandboxZone *zone, const char *zone_file)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dynhost = NULL;
  g_autofree char *served = NULL;

  if (self->zone_dir == NULL)
    return;
  dynhost = sandbox_dynhost_zone_lines (zone);
  served = g_strconcat (zone_file, dynhost, NULL);
  name = g_strconcat (zone->name, ".zone", NULL);
  path = g_build_filename (self->zone_dir, name, NULL);
  if (!g_file_set_contents (path, served, -1, &error))
    g_warning ("Cannot write the zone file %s: %s", path, error->message);
}

void
ovh_sandbox_set_zone_dir (OvhSandbox *self, const char *dir)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  g_free (self->zone_dir);
  self->zone_dir = g_strdup (dir);
  if (dir != NULL)
    {
      g_mkdir_with_parents (dir, 0700);
      g_hash_table_iter_init (&iter, self->zones);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          g_autofree char *zone_file = sandbox_zone_file_write (value);
          sandbox_zone_dir_write (self, value, zone_file);
        }
    }
  g_mutex_unlock (&self->mutex);
}
