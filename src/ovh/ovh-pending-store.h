/* ovh-pending-store.h: unpublished changes kept on disk, off the calling thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file per zone and account, written after every staged edit so that nothing typed is
 * lost if the app dies. The calling thread only takes a snapshot (the JSON text); writing,
 * reading and parsing run on worker threads. A file is replaced atomically and synced, so
 * after a crash it holds either the previous or the new set, never a mix.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-changeset.h"

G_BEGIN_DECLS

#define OVH_TYPE_PENDING_STORE (ovh_pending_store_get_type ())
G_DECLARE_FINAL_TYPE (OvhPendingStore, ovh_pending_store, OVH, PENDING_STORE, GObject)

/* Properties: "directory" (construct-only), "busy" (read-only, EXPLICIT_NOTIFY). */

/* Files live in @directory/<account-id>/<zone>.json; NULL = $XDG_DATA_HOME/domaine/pending */
OvhPendingStore *ovh_pending_store_new (const char *directory);
const char *ovh_pending_store_get_directory (OvhPendingStore *self);

/* NULL when account_id or zone could leave the directory (empty, a '/' or '\', "..", or a
 * leading '.'). */
char *ovh_pending_store_dup_path (OvhPendingStore *self, const char *account_id, const char *zone);

/* Snapshot @changeset now (on the calling thread), write it on a worker thread (atomic
 * replace, fsync, 0600), or remove the file when nothing is pending. Writes for one file are
 * ordered: the last call wins.
 *
 * When saves for one file come faster than the disk, only the newest snapshot waiting is
 * written; every call still completes, with the outcome of the write that covered it.
 * Cancelling after the call does not stop the write (edits typed before a view went away
 * must not be lost): the call then completes with G_IO_ERROR_CANCELLED. A cancellable
 * already cancelled writes nothing. A name that could leave the directory is
 * G_IO_ERROR_INVALID_FILENAME. */
void ovh_pending_store_save_async (OvhPendingStore *self,
                                   const char *account_id,
                                   OvhChangeset *changeset,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean
ovh_pending_store_save_finish (OvhPendingStore *self, GAsyncResult *result, GError **error);

/* Read and parse on a worker thread, then stage the saved changes into @changeset on the
 * calling thread. No file: TRUE, nothing staged.
 *
 * Staging replaces the set's content, as ovh_changeset_load_from_file() does. While a save
 * of the same file is waiting or running, its snapshot is what is restored. A file that does
 * not parse, or is of another zone, is OVH_CHANGESET_ERROR_FILE; a busy changeset
 * OVH_CHANGESET_ERROR_BUSY; cancelled, G_IO_ERROR_CANCELLED. On any error the changeset is
 * left untouched. */
void ovh_pending_store_restore_async (OvhPendingStore *self,
                                      const char *account_id,
                                      OvhChangeset *changeset,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean
ovh_pending_store_restore_finish (OvhPendingStore *self, GAsyncResult *result, GError **error);

/* Removes the saved changes of every account whose id is not in @account_ids (NULL-terminated):
 * the journals of accounts that no longer exist. Call it only with the complete list of
 * accounts (never after a keyring that failed to load). Runs on a worker thread; finishes
 * with the number of accounts whose changes were removed. */
void ovh_pending_store_remove_orphans_async (OvhPendingStore *self,
                                             const char *const *account_ids,
                                             GCancellable *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer user_data);
gboolean ovh_pending_store_remove_orphans_finish (OvhPendingStore *self,
                                                  GAsyncResult *result,
                                                  guint *n_removed,
                                                  GError **error);
/* Removes the saved changes of one account at once, on the calling thread: for the throw-away
 * sandbox account when the app quits, when no main loop runs any more. */
gboolean
ovh_pending_store_remove_account (OvhPendingStore *self, const char *account_id, GError **error);

/* The zones of @account_id that have saved changes, sorted (NULL-terminated; none: an empty
 * list). Reads the directory on a worker thread. */
void ovh_pending_store_list_zones_async (OvhPendingStore *self,
                                         const char *account_id,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
char **
ovh_pending_store_list_zones_finish (OvhPendingStore *self, GAsyncResult *result, GError **error);

/* "busy" property (G_PARAM_EXPLICIT_NOTIFY): TRUE while a write is in flight. */
gboolean ovh_pending_store_get_busy (OvhPendingStore *self);

G_END_DECLS
