/* ovh-record-notes.h: a note per record, kept on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH has no comment field, so notes live in the user's data dir, one file per account and
 * zone, and are never sent to OVH. A note belongs to OVH's record id, which survives a reload
 * and an edit of the value. It also keeps the record's name, type and value: when the record
 * comes back under a new id (recreated by a restore, an import, a delete then create), the note
 * follows it if exactly one record of the zone has that name, type and value.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-record.h"

G_BEGIN_DECLS

#define OVH_TYPE_RECORD_NOTES (ovh_record_notes_get_type ())
G_DECLARE_FINAL_TYPE (OvhRecordNotes, ovh_record_notes, OVH, RECORD_NOTES, GObject)

/* The longest note kept, in bytes (a longer one is cut at a character boundary). */
#define OVH_RECORD_NOTES_MAX_LENGTH 4096

/* Properties: "path" (construct-only; NULL: notes kept in memory only), "n-notes" (read-only,
 * EXPLICIT_NOTIFY). Signal "changed" (no argument): a note was set, cleared or followed a
 * record to a new id. */

/* NULL when account_id or zone could leave the folder (empty, a '/' or '\', "..", a leading
 * '.'). base_dir NULL = g_get_user_data_dir()/domaine/notes; the file is
 * <base_dir>/<account_id>/<zone>.json. */
char *ovh_record_notes_dup_path (const char *base_dir, const char *account_id, const char *zone);

/* Notes in memory only, or kept in path (see ovh_record_notes_load and _save). */
OvhRecordNotes *ovh_record_notes_new (const char *path);
/* The store of account_id and zone under base_dir (NULL: the user's data dir), loaded. A
 * missing file is an empty store; a file that does not read is an error (G_IO_ERROR_FAILED
 * with a message naming the file), as is an unsafe name (G_IO_ERROR_INVALID_FILENAME). */
OvhRecordNotes *ovh_record_notes_open (const char *base_dir,
                                       const char *account_id,
                                       const char *zone,
                                       GError **error);
const char *ovh_record_notes_get_path (OvhRecordNotes *self);

/* Replaces the notes in memory with the file's (none when it does not exist). On error the
 * notes in memory are left as they were. */
gboolean ovh_record_notes_load (OvhRecordNotes *self, GError **error);
/* Writes the notes (atomically: a crash leaves the old or the new file; mode 0600, folders
 * 0700), or removes the file when there is none. A store without a path saves nothing. */
gboolean ovh_record_notes_save (OvhRecordNotes *self, GError **error);
/* Saves when something changed since the last load or save. */
gboolean ovh_record_notes_save_if_changed (OvhRecordNotes *self, GError **error);

/* The file format, for the fuzzer and the tests: replaces the notes in memory with those of
 * data (JSON), or fails with G_IO_ERROR_INVALID_DATA leaving them as they were. */
gboolean
ovh_record_notes_parse (OvhRecordNotes *self, const char *data, gssize length, GError **error);
char *ovh_record_notes_serialize (OvhRecordNotes *self);

guint ovh_record_notes_get_n_notes (OvhRecordNotes *self);

/* The note of a record by its id; NULL when none (O(1)). Call ovh_record_notes_follow()
 * after loading the zone's records so that recreated records find theirs. */
const char *ovh_record_notes_lookup (OvhRecordNotes *self, OvhRecord *record);
const char *ovh_record_notes_lookup_id (OvhRecordNotes *self, guint64 id);

/* Sets the note of a record (id 0: a record not created yet, found later by its name, type
 * and value); NULL or only white space clears it. Surrounding white space is dropped. Returns
 * TRUE when it changed. */
gboolean ovh_record_notes_set (OvhRecordNotes *self, OvhRecord *record, const char *note);

/* Notes follow the zone's records (OvhRecord items): a note whose id is not among them, or
 * that has no id, moves to the one record with its name, type and value, if exactly one has
 * them (a note without an id, from an import, replaces that record's; one of a vanished id
 * only goes to a record without a note). Notes found by id take the record's current name,
 * type and value. Notes matching no record are kept (the record may come back). O(n). Returns
 * the number of notes that moved to a new id. */
guint ovh_record_notes_follow (OvhRecordNotes *self, GListModel *records);
guint ovh_record_notes_follow_array (OvhRecordNotes *self, GPtrArray *records);

/* TRUE when a note holds text (not only white space). */
gboolean ovh_record_notes_is_note (const char *note);

G_END_DECLS
