/* domaine-zone-editor-pending.c: a zone's unpublished changes, kept on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to the set is saved at once (OvhPendingStore writes off the main thread):
 * nothing typed is lost if the app dies. The saving follows the changeset, not the page: a
 * publish that ends after the user moved on to another zone still updates its file, and the
 * session's list of zones with unpublished changes (the sidebar's marks).
 */
#include "config.h"

#include "domaine-zone-editor-private.h"

typedef struct
{
  OvhPendingStore *store;
  GWeakRef session;
  char *account_id;
  gboolean restoring;         /* staging what the file holds: no point writing it back */
  gboolean from_last_session; /* the last restore staged changes this process never had */
} Watch;

static GQuark watch_quark;

/* The files this process wrote or read: changes found in any other come from an earlier run,
 * which is worth saying; coming back to a zone within a run is not. */
static GHashTable *known_paths;

static char *
watch_dup_path (Watch *watch, OvhChangeset *changeset)
{
  return ovh_pending_store_dup_path (watch->store, watch->account_id,
                                     ovh_zone_get_name (ovh_changeset_get_zone (changeset)));
}

static gboolean
remember_path (Watch *watch, OvhChangeset *changeset)
{
  char *path = watch_dup_path (watch, changeset);

  if (known_paths == NULL)
    known_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (path == NULL)
    return FALSE;
  return g_hash_table_add (known_paths, path);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_clear_object (&watch->store);
  g_weak_ref_clear (&watch->session);
  g_free (watch->account_id);
  g_free (watch);
}

OvhPendingStore *
domaine_zone_pending_dup_store (void)
{
  /* One for every page of the process, so that the writes of one file stay in order; it
   * lives while a page, or a changeset still being saved, holds it. */
  static OvhPendingStore *shared;

  if (shared != NULL)
    return g_object_ref (shared);
  shared = ovh_pending_store_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (shared), (gpointer *) &shared);
  return shared;
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!ovh_pending_store_save_finish (OVH_PENDING_STORE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not keep the unpublished changes: %s", error->message);
}

static void
tell_session (Watch *watch, OvhChangeset *changeset)
{
  g_autoptr (DomaineSession) session = g_weak_ref_get (&watch->session);

  if (session != NULL)
    domaine_session_set_zone_has_changes (
        session, ovh_zone_get_name (ovh_changeset_get_zone (changeset)),
        ovh_changeset_get_n_pending (changeset) > 0 || ovh_changeset_get_needs_publish (changeset));
}

static void
changeset_changed_cb (OvhChangeset *changeset, GParamSpec *pspec, Watch *watch)
{
  /* While busy, the set changes under the apply; it is saved once that is over. */
  if (ovh_changeset_get_busy (changeset))
    return;
  tell_session (watch, changeset);
  if (watch->restoring)
    return;
  remember_path (watch, changeset);
  ovh_pending_store_save_async (watch->store, watch->account_id, changeset, NULL, saved_cb, NULL);
}

void
domaine_zone_pending_watch (OvhChangeset *changeset,
                            OvhPendingStore *store,
                            DomaineSession *session,
                            const char *account_id)
{
  Watch *watch;

  g_return_if_fail (OVH_IS_CHANGESET (changeset));
  g_return_if_fail (OVH_IS_PENDING_STORE (store));
  g_return_if_fail (account_id != NULL);

  if (watch_quark == 0)
    watch_quark = g_quark_from_static_string ("domaine-zone-pending-watch");
  g_return_if_fail (g_object_get_qdata (G_OBJECT (changeset), watch_quark) == NULL);

  watch = g_new0 (Watch, 1);
  watch->store = g_object_ref (store);
  g_weak_ref_init (&watch->session, session);
  watch->account_id = g_strdup (account_id);
  /* The handlers go with the changeset's dispose, the data with its finalize. */
  g_object_set_qdata_full (G_OBJECT (changeset), watch_quark, watch, watch_free);
  g_signal_connect (changeset, "notify::n-pending", G_CALLBACK (changeset_changed_cb), watch);
  g_signal_connect (changeset, "notify::needs-publish", G_CALLBACK (changeset_changed_cb), watch);
  g_signal_connect (changeset, "notify::busy", G_CALLBACK (changeset_changed_cb), watch);
}

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Watch *watch = g_object_get_qdata (G_OBJECT (g_task_get_source_object (task)), watch_quark);
  GError *error = NULL;

  watch->restoring = FALSE;
  if (ovh_pending_store_restore_finish (OVH_PENDING_STORE (source), result, &error))
    {
      OvhChangeset *changeset = g_task_get_source_object (task);
      gboolean new_path = remember_path (watch, changeset);

      watch->from_last_session = new_path
                                 && (ovh_changeset_get_n_pending (changeset) > 0
                                     || ovh_changeset_get_needs_publish (changeset));
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_error (task, error);
}

void
domaine_zone_pending_restore_async (OvhChangeset *changeset,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  Watch *watch = g_object_get_qdata (G_OBJECT (changeset), watch_quark);
  GTask *task;

  g_return_if_fail (watch != NULL);

  task = g_task_new (changeset, cancellable, callback, user_data);
  g_task_set_source_tag (task, domaine_zone_pending_restore_async);
  watch->restoring = TRUE;
  watch->from_last_session = FALSE;
  ovh_pending_store_restore_async (watch->store, watch->account_id, changeset, cancellable,
                                   restored_cb, task);
}

gboolean
domaine_zone_pending_restore_finish (OvhChangeset *changeset, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, changeset), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
domaine_zone_pending_get_from_last_session (OvhChangeset *changeset)
{
  Watch *watch = g_object_get_qdata (G_OBJECT (changeset), watch_quark);

  return watch != NULL && watch->from_last_session;
}
