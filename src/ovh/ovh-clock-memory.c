/* ovh-clock-memory.c: an endpoint's clock offset, remembered between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One small file an endpoint, named by a hash of its base URL, as domaine-cli keeps it: the
 * app and the command line share what either learned.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ovh-clock-memory.h"

/* Clocks a few years apart are a broken file, not an offset. */
#define MAX_REMEMBERED_OFFSET (G_GINT64_CONSTANT (5) * 365 * 24 * 3600)

static char *
dup_path (OvhClient *client)
{
  g_autofree char *hash
      = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ovh_client_get_base_url (client), -1);
  g_autofree char *name = g_strconcat (hash, ".offset", NULL);

  return g_build_filename (g_get_user_cache_dir (), "domaine", "clock", name, NULL);
}

static char *
read_file (OvhClient *client)
{
  g_autofree char *path = dup_path (client);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return g_strstrip (contents);
}

void
ovh_clock_memory_recall (OvhClient *client)
{
  g_autofree char *text = NULL;
  gint64 offset;

  g_return_if_fail (OVH_IS_CLIENT (client));

  text = read_file (client);
  if (text != NULL
      && g_ascii_string_to_signed (text, 10, -MAX_REMEMBERED_OFFSET, MAX_REMEMBERED_OFFSET, &offset,
                                   NULL))
    ovh_client_set_time_offset_hint (client, offset);
}

void
ovh_clock_memory_remember (OvhClient *client)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));

  if (!ovh_client_has_time_offset (client))
    return;

  text = g_strdup_printf ("%" G_GINT64_FORMAT, ovh_client_get_time_offset (client));
  previous = read_file (client);
  if (g_strcmp0 (previous, text) == 0)
    return;

  path = dup_path (client);
  dir = g_path_get_dirname (path);
  /* Only a later run's first call is slower without it. */
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
    g_debug ("Cannot remember the clock offset in %s", path);
}
