/* ovh-changeset.h: staged edits of a zone, applied together and then published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zone editor and the CLI code against this header: extend it, never break it.
 *
 * The set stays minimal: at most one change per existing record (an update of a staged
 * update merges into it, a delete replaces a staged update, an update back to the
 * original drops the change), staged creates are edited with ovh_changeset_restage() and
 * dropped with ovh_changeset_discard(). A type change is a delete and a create linked
 * together (discarding one discards both).
 *
 * Apply sends deletes, then updates, then creates (a CNAME replacing an A of the same
 * name needs the A gone first), a few requests in flight; then, if at least one change
 * was applied, exactly one POST /domain/zone/{zone}/refresh — also when others failed,
 * because the applied ones are live at OVH and only the refresh publishes them. Applied
 * changes leave the set and update the zone's records model; failed ones stay, with
 * state FAILED and their error. A refresh that fails sets "needs-publish": call
 * ovh_changeset_publish_async() to retry the refresh alone.
 *
 * A change whose answer was lost (no answer in time, the connection closed, an unreadable
 * answer, a gateway's 502 or 504) may have been made all the same: apply reads the zone back
 * (the record by its id, or the records of that name and type) and compares it with the
 * change. Found made, it is applied (a create adopts the record found: never sent twice);
 * found not made, it failed; when the zone cannot be read either, its outcome is UNKNOWN
 * (state FAILED, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME) and the next apply reads the zone
 * again before sending it. The zone's records must hold the records of that name (a loaded
 * zone, or ovh_zone_fetch_records_named_async()) for a create to be recognised.
 * OVH_ERROR_RATE_LIMITED (429) means not made: the client waits and sends it again.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-change.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

#define OVH_CHANGESET_ERROR (ovh_changeset_error_quark ())

typedef enum
{
  OVH_CHANGESET_ERROR_NOT_FOUND,      /* no record with that id in the zone */
  OVH_CHANGESET_ERROR_TYPE_CHANGE,    /* an update may not change the type: use stage_change_type */
  OVH_CHANGESET_ERROR_STAGED_DELETE,  /* the record is staged for deletion: discard that first */
  OVH_CHANGESET_ERROR_BUSY,           /* apply or publish is running */
  OVH_CHANGESET_ERROR_PARTIAL,        /* some changes failed; the message names them */
  OVH_CHANGESET_ERROR_PUBLISH_FAILED, /* changes applied, the refresh failed: needs publish */
  OVH_CHANGESET_ERROR_FILE,           /* a saved changeset file that cannot be read */
  OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME, /* a change's answer was lost and the zone could not tell
                                          whether it was made (outcome UNKNOWN) */
} OvhChangesetError;

GQuark ovh_changeset_error_quark (void);

#define OVH_TYPE_CHANGESET (ovh_changeset_get_type ())
G_DECLARE_FINAL_TYPE (OvhChangeset, ovh_changeset, OVH, CHANGESET, GObject)

/* Properties (read-only, EXPLICIT_NOTIFY): "zone" (construct-only), "changes" (GListModel
 * of OvhChange), "n-pending" (changes not yet applied, failed included), "needs-publish",
 * "busy" (applying or publishing), "n-done" / "n-to-apply" (progress of apply). */
OvhChangeset *ovh_changeset_new (OvhZone *zone);

OvhZone *ovh_changeset_get_zone (OvhChangeset *self);
/* In staging order; the same model for the changeset's whole life. */
GListModel *ovh_changeset_get_changes (OvhChangeset *self);
guint ovh_changeset_get_n_pending (OvhChangeset *self);
gboolean ovh_changeset_get_needs_publish (OvhChangeset *self);
gboolean ovh_changeset_get_busy (OvhChangeset *self);
guint ovh_changeset_get_n_done (OvhChangeset *self);
guint ovh_changeset_get_n_to_apply (OvhChangeset *self);

/* The pending change touching an existing record (update or delete), or NULL. O(1). */
OvhChange *ovh_changeset_lookup (OvhChangeset *self, guint64 record_id);

/* Staging. The record passed in is copied (zone set to the zone's name), and checked with
 * ovh_record_check(): an invalid record is refused with its OVH_RECORD_ERROR. Each returns
 * the change made or merged into (transfer none), or NULL with error set. */
OvhChange *ovh_changeset_stage_create (OvhChangeset *self, OvhRecord *record, GError **error);
/* new_values: sub-domain, target and ttl are taken; its field type must be the record's
 * (else OVH_CHANGESET_ERROR_TYPE_CHANGE). Returns NULL without error when the values equal
 * what OVH has (and any staged update of that record is dropped). */
OvhChange *ovh_changeset_stage_update (OvhChangeset *self,
                                       guint64 record_id,
                                       OvhRecord *new_values,
                                       GError **error);
OvhChange *ovh_changeset_stage_delete (OvhChangeset *self, guint64 record_id, GError **error);
/* Delete record_id and create new_record (another type) in its place. Returns the create. */
OvhChange *ovh_changeset_stage_change_type (OvhChangeset *self,
                                            guint64 record_id,
                                            OvhRecord *new_record,
                                            GError **error);
/* New values for a staged create or update (a failed one becomes pending again). */
gboolean ovh_changeset_restage (OvhChangeset *self,
                                OvhChange *change,
                                OvhRecord *new_values,
                                GError **error);
/* Drop a change (and its type-change partner). Not while busy: returns FALSE then. */
gboolean ovh_changeset_discard (OvhChangeset *self, OvhChange *change);
void ovh_changeset_discard_all (OvhChangeset *self);

/* Many stagings at once (a bulk edit, the undo of one): until the matching end, "n-pending"
 * is held back (notified once at the end) and "batching" (read-only, EXPLICIT_NOTIFY) is TRUE,
 * so that observers of the changes can read them once, when it turns FALSE. Batches nest. */
void ovh_changeset_begin_batch (OvhChangeset *self);
void ovh_changeset_end_batch (OvhChangeset *self);
gboolean ovh_changeset_get_batching (OvhChangeset *self);

/* Applies every pending and failed change, then refreshes (see above). TRUE when all were
 * applied and published; else OVH_CHANGESET_ERROR_PARTIAL (which ones failed, and whether
 * the refresh failed too) or OVH_CHANGESET_ERROR_PUBLISH_FAILED, or G_IO_ERROR_CANCELLED:
 * requests already sent are seen through (so no change is left in doubt), the others stay
 * pending, and no refresh is made ("needs-publish" tells whether one is owed). */
void ovh_changeset_apply_async (OvhChangeset *self,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean ovh_changeset_apply_finish (OvhChangeset *self, GAsyncResult *result, GError **error);

/* The changes the last apply settled, in the order they were settled, each with its state,
 * outcome and error (the applied ones have left the set): for reporting what happened.
 * Empty before the first apply. Transfer full (a new array holding references). */
GPtrArray *ovh_changeset_dup_last_outcomes (OvhChangeset *self);

/* POST /domain/zone/{zone}/refresh alone; clears needs-publish on success. */
void ovh_changeset_publish_async (OvhChangeset *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean ovh_changeset_publish_finish (OvhChangeset *self, GAsyncResult *result, GError **error);

/* TRUE by default. FALSE: apply sends the changes and makes no refresh ("needs-publish" is
 * then set): for scripts that publish later (domaine-cli --no-publish). */
void ovh_changeset_set_publish_after_apply (OvhChangeset *self, gboolean publish);
gboolean ovh_changeset_get_publish_after_apply (OvhChangeset *self);
/* The refresh's own error (OVH_ERROR…) when the last one made by apply or publish failed,
 * else NULL: OVH_CHANGESET_ERROR_PUBLISH_FAILED words it for people, this keeps its code. */
const GError *ovh_changeset_get_publish_error (OvhChangeset *self);

/* Pending changes (and needs-publish) as JSON, no secrets: for restoring after a restart
 * (a change of unknown outcome is saved as such: it is read back before it is sent again),
 * e.g. under g_get_user_data_dir()/domaine/pending/. Loading replaces the set's content;
 * a file for another zone or that does not parse is OVH_CHANGESET_ERROR_FILE. Both block on
 * the disk: an app keeps its files with OvhPendingStore (ovh-pending-store.h) instead. */
gboolean ovh_changeset_save_to_file (OvhChangeset *self, const char *path, GError **error);
gboolean ovh_changeset_load_from_file (OvhChangeset *self, const char *path, GError **error);

G_END_DECLS
