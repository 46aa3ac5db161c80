/* domaine-zone-editor-pending.c: a zone's unpublished changes, kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to the set is written at once: nothing typed is lost if the app dies.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "domaine-zone-editor-private.h"

typedef struct
{
  char *account_id;
  gboolean restoring; /* loading the file: no point writing it back */
} Watch;

static GQuark watch_quark;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_free (watch->account_id);
  g_free (watch);
}

char *
domaine_zone_pending_dup_path (const char *account_id, OvhZone *zone)
{
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (OVH_IS_ZONE (zone), NULL);

  file_name = g_strdup_printf ("%s.json", ovh_zone_get_name (zone));
  return g_build_filename (g_get_user_data_dir (), "domaine", "pending", account_id, file_name,
                           NULL);
}

static void
changeset_changed_cb (OvhChangeset *changeset, GParamSpec *pspec, Watch *watch)
{
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;

  /* While busy, the set changes under the apply; it is written once that is over. */
  if (watch->restoring || ovh_changeset_get_busy (changeset))
    return;

  path = domaine_zone_pending_dup_path (watch->account_id, zone);
  if (ovh_changeset_get_n_pending (changeset) == 0 && !ovh_changeset_get_needs_publish (changeset))
    {
      g_unlink (path);
      return;
    }

  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);
  if (!ovh_changeset_save_to_file (changeset, path, &error))
    g_warning ("Could not keep the unpublished changes of %s: %s", ovh_zone_get_name (zone),
               error->message);
}

void
domaine_zone_pending_watch (OvhChangeset *changeset, const char *account_id)
{
  Watch *watch;

  g_return_if_fail (OVH_IS_CHANGESET (changeset));
  g_return_if_fail (account_id != NULL);

  if (watch_quark == 0)
    watch_quark = g_quark_from_static_string ("domaine-zone-pending-watch");
  g_return_if_fail (g_object_get_qdata (G_OBJECT (changeset), watch_quark) == NULL);

  watch = g_new0 (Watch, 1);
  watch->account_id = g_strdup (account_id);
  /* The handlers go with the changeset's dispose, the data with its finalize. */
  g_object_set_qdata_full (G_OBJECT (changeset), watch_quark, watch, watch_free);
  g_signal_connect (changeset, "notify::n-pending", G_CALLBACK (changeset_changed_cb), watch);
  g_signal_connect (changeset, "notify::needs-publish", G_CALLBACK (changeset_changed_cb), watch);
  g_signal_connect (changeset, "notify::busy", G_CALLBACK (changeset_changed_cb), watch);
}

void
domaine_zone_pending_restore (OvhChangeset *changeset)
{
  Watch *watch = g_object_get_qdata (G_OBJECT (changeset), watch_quark);
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (watch != NULL);

  path = domaine_zone_pending_dup_path (watch->account_id, zone);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) || ovh_changeset_get_n_pending (changeset) > 0
      || ovh_changeset_get_needs_publish (changeset))
    return;

  watch->restoring = TRUE;
  if (!ovh_changeset_load_from_file (changeset, path, &error))
    g_warning ("Could not restore the unpublished changes of %s: %s", ovh_zone_get_name (zone),
               error->message);
  watch->restoring = FALSE;
}
