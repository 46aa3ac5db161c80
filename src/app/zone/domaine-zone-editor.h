/* domaine-zone-editor.h: the records of one zone, with staged edits and publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-record-notes.h"

#include <adwaita.h>

#include "domaine-record-rows.h"
#include "domaine-session.h"
#include "ovh-changeset.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_EDITOR (domaine_zone_editor_get_type ())
G_DECLARE_FINAL_TYPE (DomaineZoneEditor, domaine_zone_editor, DOMAINE, ZONE_EDITOR, GtkWidget)

/* Actions (class-level, prefix "zone."): add, edit, duplicate, delete, revert, undo, redo, history,
 * import, edit-text, export, undo-publish, copy-zone-line, search, reload, review, publish,
 * copy-load-query-id. Staged changes can be undone and redone (Ctrl+Z, Ctrl+Shift+Z) until they are
 * published. Toasts go to the nearest AdwToastOverlay. */
GtkWidget *domaine_zone_editor_new (void);

/* Where errors go (an expired key shows once, on the account). May be NULL. */
DomaineSession *domaine_zone_editor_get_session (DomaineZoneEditor *self);
void domaine_zone_editor_set_session (DomaineZoneEditor *self, DomaineSession *session);

/* Shows @zone (loading it when it was never loaded) and restores the changes left
 * unpublished for it; NULL shows nothing. Loads of the previous zone are cancelled, its
 * unpublished changes stay saved on disk. */
OvhZone *domaine_zone_editor_get_zone (DomaineZoneEditor *self);
void domaine_zone_editor_set_zone (DomaineZoneEditor *self, OvhZone *zone);

OvhChangeset *domaine_zone_editor_get_changeset (DomaineZoneEditor *self);
DomaineRecordRows *domaine_zone_editor_get_rows (DomaineZoneEditor *self);
/* The column view's model: sorted, filtered, multi-selection. */
GtkSelectionModel *domaine_zone_editor_get_selection (DomaineZoneEditor *self);
/* Changes not yet at OVH (failed ones included), plus one when a publish is owed. */
guint domaine_zone_editor_get_n_unpublished (DomaineZoneEditor *self);
gboolean domaine_zone_editor_get_busy (DomaineZoneEditor *self);
/* "zone.search": shows the search bar and focuses its entry. */
void domaine_zone_editor_set_search_mode (DomaineZoneEditor *self, gboolean search_mode);
/* Filters by record type ("MX"), NULL for every type. */
void domaine_zone_editor_set_type_filter (DomaineZoneEditor *self, const char *field_type);

/* Selects the record with this id and scrolls to it, now or once the zone has loaded. */
void domaine_zone_editor_reveal_record (DomaineZoneEditor *self, guint64 record_id);

/* Applies and publishes the changes (as the Publish button does); @callback (may be NULL)
 * runs once it is over, with the outcome. */
void domaine_zone_editor_publish_async (DomaineZoneEditor *self,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean
domaine_zone_editor_publish_finish (DomaineZoneEditor *self, GAsyncResult *result, GError **error);

/* The notes of the zone shown (kept on this computer), NULL while none is shown. */
OvhRecordNotes *domaine_zone_editor_get_notes (DomaineZoneEditor *self);
/* "show-notes" (and the action "zone.show-notes"): whether the Note column is shown; kept in
 * the settings. */
gboolean domaine_zone_editor_get_show_notes (DomaineZoneEditor *self);
void domaine_zone_editor_set_show_notes (DomaineZoneEditor *self, gboolean show_notes);

/* Where the unpublished changes of @zone for this session's account are kept. */
char *domaine_zone_editor_dup_pending_path (DomaineZoneEditor *self, OvhZone *zone);

G_END_DECLS
