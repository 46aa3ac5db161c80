/* ovh-pending-store.c: unpublished changes kept on disk, off the calling thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file being written has a PendingFile: at most one write runs for it at a time, and
 * at most one snapshot waits behind that write (a newer save replaces the waiting one and
 * joins its callers). Only immutable data crosses threads: paths, GBytes and parsed plain
 * data; the changeset never leaves the calling thread. The tasks that run on a worker
 * have no source object and keep the store in their callback's data instead: a worker may
 * drop its task last, and the store must not be finalized there.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ovh-changeset-private.h"
#include "ovh-pending-store.h"

struct _OvhPendingStore
{
  GObject parent_instance;

  char *directory;
  GHashTable *files; /* path → PendingFile*, while a write for it runs */
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (OvhPendingStore, ovh_pending_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DIRECTORY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char *path;
  GBytes *newest;     /* the last snapshot given, waiting or being written; NULL: removal */
  gboolean has_next;  /* a snapshot waits for the running write */
  GBytes *next;       /* that snapshot; NULL: removal */
  GPtrArray *waiting; /* GTask*: the saves that the waiting snapshot covers */
} PendingFile;

static void
pending_file_free (PendingFile *file)
{
  g_free (file->path);
  g_clear_pointer (&file->newest, g_bytes_unref);
  g_clear_pointer (&file->next, g_bytes_unref);
  g_clear_pointer (&file->waiting, g_ptr_array_unref);
  g_free (file);
}

typedef struct
{
  char *path;
  GBytes *contents; /* NULL: remove the file */
  GPtrArray *tasks; /* GTask*: the saves this write covers */
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_clear_pointer (&job->tasks, g_ptr_array_unref);
  g_free (job);
}

typedef struct
{
  char *path;
  gboolean from_memory; /* a save of this file is under way: restore its snapshot */
  GBytes *contents;     /* that snapshot; NULL: nothing pending */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_free (job);
}

typedef struct
{
  OvhChangeset *changeset;
  char *path;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->changeset);
  g_free (data->path);
  g_free (data);
}

static void
update_busy (OvhPendingStore *self)
{
  gboolean busy = g_hash_table_size (self->files) > 0;

  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* A name stays one component inside the directory. */
static gboolean
is_safe_name (const char *name)
{
  return name != NULL && name[0] != '\0' && name[0] != '.' && strchr (name, '/') == NULL
         && strchr (name, '\\') == NULL && strstr (name, "..") == NULL;
}

char *
ovh_pending_store_dup_path (OvhPendingStore *self, const char *account_id, const char *zone)
{
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), NULL);

  if (!is_safe_name (account_id) || !is_safe_name (zone))
    return NULL;
  file_name = g_strconcat (zone, ".json", NULL);
  return g_build_filename (self->directory, account_id, file_name, NULL);
}

static char *
dup_path_or_error (OvhPendingStore *self,
                   const char *account_id,
                   OvhChangeset *changeset,
                   GError **error)
{
  const char *zone = ovh_zone_get_name (ovh_changeset_get_zone (changeset));
  char *path = ovh_pending_store_dup_path (self, account_id, zone);

  if (path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                 _ ("The changes of %s cannot be kept under the name “%s”"), zone,
                 account_id != NULL ? account_id : "");
  return path;
}

/* Saving */

static void
write_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autofree char *dir = NULL;
  GError *error = NULL;

  if (job->contents == NULL)
    {
      if (g_unlink (job->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                                   _ ("Cannot remove %s: %s"), job->path, g_strerror (saved_errno));
          return;
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  dir = g_path_get_dirname (job->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE,
                               _ ("Cannot create the folder %s"), dir);
      return;
    }
  if (!g_file_set_contents_full (job->path, g_bytes_get_data (job->contents, NULL),
                                 (gssize) g_bytes_get_size (job->contents),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void start_write (OvhPendingStore *self, PendingFile *file);

static void
write_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (OvhPendingStore) self = user_data;
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GPtrArray) tasks = g_steal_pointer (&job->tasks);
  g_autoptr (GError) error = NULL;
  PendingFile *file;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (error != NULL)
    g_debug ("Writing %s: %s", job->path, error->message);

  file = g_hash_table_lookup (self->files, job->path);
  g_assert (file != NULL);
  if (file->has_next)
    start_write (self, file);
  else
    g_hash_table_remove (self->files, job->path);
  update_busy (self);

  /* Last: a callback may well save again. */
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
start_write (OvhPendingStore *self, PendingFile *file)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, write_done_cb, g_object_ref (self));
  WriteJob *job = g_new0 (WriteJob, 1);

  job->path = g_strdup (file->path);
  job->contents = g_steal_pointer (&file->next);
  job->tasks = g_steal_pointer (&file->waiting);
  file->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  file->has_next = FALSE;

  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_run_in_thread (task, write_thread);
}

void
ovh_pending_store_save_async (OvhPendingStore *self,
                              const char *account_id,
                              OvhChangeset *changeset,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) contents = NULL;
  g_autofree char *path = NULL;
  PendingFile *file;
  gboolean idle;

  g_return_if_fail (OVH_IS_PENDING_STORE (self));
  g_return_if_fail (OVH_IS_CHANGESET (changeset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_pending_store_save_async);

  if (g_task_return_error_if_cancelled (task))
    return;
  path = dup_path_or_error (self, account_id, changeset, &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (ovh_changeset_get_n_pending (changeset) > 0 || ovh_changeset_get_needs_publish (changeset))
    contents = ovh_changeset_serialize (changeset);

  /* A file in the table has a write running: the snapshot waits behind it. */
  file = g_hash_table_lookup (self->files, path);
  idle = file == NULL;
  if (idle)
    {
      file = g_new0 (PendingFile, 1);
      file->path = g_strdup (path);
      file->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->files, file->path, file);
    }

  g_clear_pointer (&file->newest, g_bytes_unref);
  file->newest = contents != NULL ? g_bytes_ref (contents) : NULL;
  g_clear_pointer (&file->next, g_bytes_unref);
  file->next = g_steal_pointer (&contents);
  file->has_next = TRUE;
  g_ptr_array_add (file->waiting, g_steal_pointer (&task));

  if (idle)
    start_write (self, file);
  update_busy (self);
}

gboolean
ovh_pending_store_save_finish (OvhPendingStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restoring */

static void
read_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr (OvhSavedChanges) saved = NULL;
  g_autoptr (GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->from_memory)
    {
      if (job->contents != NULL)
        saved = ovh_saved_changes_parse (job->contents, job->path, &error);
    }
  else
    {
      saved = ovh_saved_changes_read (job->path, &error);
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_clear_error (&error);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&saved), (GDestroyNotify) ovh_saved_changes_free);
}

static void
read_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RestoreData *data = g_task_get_task_data (task);
  g_autoptr (OvhSavedChanges) saved = NULL;
  g_autoptr (GError) error = NULL;

  saved = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (saved != NULL && !ovh_changeset_stage_saved (data->changeset, saved, data->path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
ovh_pending_store_restore_async (OvhPendingStore *self,
                                 const char *account_id,
                                 OvhChangeset *changeset,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) read = NULL;
  g_autoptr (GError) error = NULL;
  RestoreData *data;
  ReadJob *job;
  PendingFile *file;

  g_return_if_fail (OVH_IS_PENDING_STORE (self));
  g_return_if_fail (OVH_IS_CHANGESET (changeset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_pending_store_restore_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  data = g_new0 (RestoreData, 1);
  data->changeset = g_object_ref (changeset);
  data->path = dup_path_or_error (self, account_id, changeset, &error);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);
  if (data->path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (ReadJob, 1);
  job->path = g_strdup (data->path);
  file = g_hash_table_lookup (self->files, data->path);
  if (file != NULL)
    {
      job->from_memory = TRUE;
      job->contents = file->newest != NULL ? g_bytes_ref (file->newest) : NULL;
    }

  read = g_task_new (NULL, cancellable, read_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (read, read_thread);
  g_task_set_task_data (read, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (read, read_thread);
}

gboolean
ovh_pending_store_restore_finish (OvhPendingStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Forgetting accounts */

/* Removes @directory/@account_id and the files in it. Nothing else: a subdirectory (which
 * Domaine never makes) keeps the directory, and no link is followed. */
static gboolean
remove_account_directory (const char *directory, const char *account_id, GError **error)
{
  g_autofree char *path = g_build_filename (directory, account_id, NULL);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *name;
  GStatBuf path_info;

  if (g_lstat (path, &path_info) != 0)
    return TRUE; /* nothing saved */
  if (!S_ISDIR (path_info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s is not a directory", path);
      return FALSE;
    }
  dir = g_dir_open (path, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      GStatBuf info;

      if (g_lstat (file, &info) == 0 && !S_ISDIR (info.st_mode) && g_unlink (file) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", file,
                       g_strerror (saved_errno));
          return FALSE;
        }
    }
  if (g_rmdir (path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
ovh_pending_store_remove_account (OvhPendingStore *self, const char *account_id, GError **error)
{
  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_safe_name (account_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "“%s” is not an account id",
                   account_id != NULL ? account_id : "");
      return FALSE;
    }
  return remove_account_directory (self->directory, account_id, error);
}

typedef struct
{
  char *directory;
  GStrv keep;
} OrphansJob;

static void
orphans_job_free (OrphansJob *job)
{
  g_free (job->directory);
  g_strfreev (job->keep);
  g_free (job);
}

static void
orphans_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  OrphansJob *job = task_data;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  guint n_removed = 0;

  dir = g_dir_open (job->directory, 0, &error);
  if (dir == NULL)
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_task_return_int (task, 0);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", error->message);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (job->directory, name, NULL);
      GStatBuf info;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!is_safe_name (name) || g_strv_contains ((const char *const *) job->keep, name)
          || g_lstat (path, &info) != 0 || !S_ISDIR (info.st_mode))
        continue;
      if (remove_account_directory (job->directory, name, &error))
        n_removed++;
      else
        {
          g_debug ("Saved changes of a removed account stay: %s", error->message);
          g_clear_error (&error);
        }
    }
  g_task_return_int (task, n_removed);
}

void
ovh_pending_store_remove_orphans_async (OvhPendingStore *self,
                                        const char *const *account_ids,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  OrphansJob *job;

  g_return_if_fail (OVH_IS_PENDING_STORE (self));
  g_return_if_fail (account_ids != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_pending_store_remove_orphans_async);
  job = g_new0 (OrphansJob, 1);
  job->directory = g_strdup (self->directory);
  job->keep = g_strdupv ((char **) account_ids);
  g_task_set_task_data (task, job, (GDestroyNotify) orphans_job_free);
  g_task_run_in_thread (task, orphans_thread);
}

gboolean
ovh_pending_store_remove_orphans_finish (OvhPendingStore *self,
                                         GAsyncResult *result,
                                         guint *n_removed,
                                         GError **error)
{
  gssize removed;

  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (n_removed != NULL)
    *n_removed = removed > 0 ? (guint) removed : 0;
  return removed >= 0;
}

/* Listing the zones of an account that have saved changes */

static void
list_zones_thread (GTask *task,
                   gpointer source_object,
                   gpointer task_data,
                   GCancellable *cancellable)
{
  const char *account_dir = task_data;
  g_autoptr (GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;

  dir = g_dir_open (account_dir, 0, &error);
  if (dir == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (account_dir, name, NULL);
      g_autofree char *zone = NULL;
      GStatBuf info;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      zone = g_strndup (name, strlen (name) - strlen (".json"));
      /* Only the plain files this store writes; links and hostile names are not journals. */
      if (!is_safe_name (zone) || g_lstat (path, &info) != 0 || !S_ISREG (info.st_mode))
        continue;
      g_ptr_array_add (zones, g_steal_pointer (&zone));
    }
  g_ptr_array_sort (zones, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (zones, NULL);
  g_task_return_pointer (task, g_ptr_array_free (g_steal_pointer (&zones), FALSE),
                         (GDestroyNotify) g_strfreev);
}

void
ovh_pending_store_list_zones_async (OvhPendingStore *self,
                                    const char *account_id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OVH_IS_PENDING_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_pending_store_list_zones_async);
  if (!is_safe_name (account_id))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _ ("The changes of this account cannot be kept under the name “%s”"),
                               account_id != NULL ? account_id : "");
      return;
    }
  g_task_set_task_data (task, g_build_filename (self->directory, account_id, NULL), g_free);
  g_task_run_in_thread (task, list_zones_thread);
}

char **
ovh_pending_store_list_zones_finish (OvhPendingStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object */

OvhPendingStore *
ovh_pending_store_new (const char *directory)
{
  return g_object_new (OVH_TYPE_PENDING_STORE, "directory", directory, NULL);
}

const char *
ovh_pending_store_get_directory (OvhPendingStore *self)
{
  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), NULL);
  return self->directory;
}

gboolean
ovh_pending_store_get_busy (OvhPendingStore *self)
{
  g_return_val_if_fail (OVH_IS_PENDING_STORE (self), FALSE);
  return self->busy;
}

static void
ovh_pending_store_constructed (GObject *object)
{
  OvhPendingStore *self = OVH_PENDING_STORE (object);

  G_OBJECT_CLASS (ovh_pending_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), "domaine", "pending", NULL);
}

static void
ovh_pending_store_finalize (GObject *object)
{
  OvhPendingStore *self = OVH_PENDING_STORE (object);

  g_clear_pointer (&self->files, g_hash_table_unref);
  g_free (self->directory);

  G_OBJECT_CLASS (ovh_pending_store_parent_class)->finalize (object);
}

static void
ovh_pending_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhPendingStore *self = OVH_PENDING_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_pending_store_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  OvhPendingStore *self = OVH_PENDING_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_pending_store_class_init (OvhPendingStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ovh_pending_store_constructed;
  object_class->finalize = ovh_pending_store_finalize;
  object_class->get_property = ovh_pending_store_get_property;
  object_class->set_property = ovh_pending_store_set_property;

  properties[PROP_DIRECTORY]
      = g_param_spec_string ("directory", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_pending_store_init (OvhPendingStore *self)
{
  self->files
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) pending_file_free);
}
