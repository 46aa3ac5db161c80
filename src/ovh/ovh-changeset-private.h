/* ovh-changeset-private.h: what the changeset's files and the pending store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The changeset is one object in three files: staging (ovh-changeset.c), applying to OVH
 * (ovh-changeset-apply.c) and the saved form (ovh-changeset-file.c).
 */
#pragma once

#include "ovh-changeset.h"

G_BEGIN_DECLS

struct _OvhChangeset
{
  GObject parent_instance;

  OvhZone *zone;
  GListStore *changes;
  GHashTable *by_record_id; /* guint64* (owned) → OvhChange* of an update or delete */

  gboolean needs_publish;
  gboolean busy;
  guint n_done;
  guint n_to_apply;

  gboolean publish_after_apply;
  GError *publish_error;    /* the last refresh's own failure */
  guint batch_depth;        /* begin_batch () calls not yet ended */
  GPtrArray *last_outcomes; /* OvhChange*, what the last apply settled */
};

/* ovh-changeset.c */
void ovh_changeset_notify_n_pending (OvhChangeset *self);
void ovh_changeset_set_needs_publish (OvhChangeset *self, gboolean needs_publish);
void ovh_changeset_set_busy (OvhChangeset *self, gboolean busy);
void ovh_changeset_set_apply_progress (OvhChangeset *self, guint n_done, guint n_to_apply);
/* Indexes and appends change (a reference is taken), and notifies n-pending. */
void ovh_changeset_add_change (OvhChangeset *self, OvhChange *change);
/* OVH_CHANGESET_ERROR_BUSY while applying or publishing. */
gboolean ovh_changeset_check_not_busy (OvhChangeset *self, GError **error);

/* ovh-changeset-check.c: what became of a change whose answer was lost. */

typedef enum
{
  OVH_CHANGE_CHECK_MADE,
  OVH_CHANGE_CHECK_NOT_MADE,
  OVH_CHANGE_CHECK_UNKNOWN,
} OvhChangeCheck;

/* Whether a failed request may have been carried out all the same. */
gboolean ovh_changeset_answer_was_lost (const GError *error);
/* Reads the zone back at OVH and compares it with change. Not cancellable: it settles a
 * request already sent. include_known: the zone's records may have been reloaded since the
 * request was sent, so a create may be among the records it knows. */
void ovh_changeset_check_change_async (OvhChangeset *self,
                                       OvhChange *change,
                                       gboolean include_known,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
/* MADE gives the record found (a create's, with its id; an update's current values) in
 * *found, when found is not NULL; UNKNOWN sets error (why the zone could not tell). */
OvhChangeCheck ovh_changeset_check_change_finish (OvhChangeset *self,
                                                  GAsyncResult *result,
                                                  OvhRecord **found,
                                                  GError **error);

/* ovh-changeset-file.c: the saved form, in two halves so that the disk stays off the
 * calling thread. */

/* The pending changes as the JSON text of a file: a snapshot, taken on the changeset's
 * thread. */
GBytes *ovh_changeset_serialize (OvhChangeset *self);

/* A parsed file: plain data (no GObject), safe to make on one thread and use on another. */
typedef struct _OvhSavedChanges OvhSavedChanges;

/* Any thread. path only names the file in the error (OVH_CHANGESET_ERROR_FILE). */
OvhSavedChanges *ovh_saved_changes_parse (GBytes *contents, const char *path, GError **error);
/* Any thread: reads and parses path. A missing file is G_FILE_ERROR_NOENT, any other
 * failure OVH_CHANGESET_ERROR_FILE. */
OvhSavedChanges *ovh_saved_changes_read (const char *path, GError **error);
void ovh_saved_changes_free (OvhSavedChanges *saved);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhSavedChanges, ovh_saved_changes_free)

/* Replaces the set's content with saved, on the changeset's thread. A file of another zone
 * is OVH_CHANGESET_ERROR_FILE (naming path); the set is untouched on any error. */
gboolean ovh_changeset_stage_saved (OvhChangeset *self,
                                    const OvhSavedChanges *saved,
                                    const char *path,
                                    GError **error);

/* The same error as a file that does not parse. Returns FALSE. */
gboolean ovh_changeset_file_error (GError **error, const char *path);

G_END_DECLS
