/* domaine-zone-editor-private.h: what the zone editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * domaine-zone-editor.c is the page (state, zone switching, loading, selection, width),
 * domaine-zone-editor-actions.c its "zone." actions, domaine-zone-editor-pending.c the
 * unpublished changes kept on disk, domaine-zone-editor-notes.c the notes on records.
 */
#pragma once

#include "domaine-changes-bar.h"
#include "domaine-record-columns.h"
#include "domaine-record-filter-model.h"
#include "domaine-undo-stack.h"
#include "domaine-zone-editor.h"
#include "domaine-zone-publisher.h"
#include "ovh-pending-store.h"

G_BEGIN_DECLS

struct _DomaineZoneEditor
{
  GtkWidget parent_instance;

  DomaineSession *session;
  OvhZone *zone;
  /* One of each per zone shown, made with it. */
  OvhChangeset *changeset;
  DomaineRecordRows *rows;
  DomaineUndoStack *undo_stack;
  DomaineZonePublisher *publisher;

  OvhPendingStore *pending_store;
  DomaineRecordColumns *columns;
  OvhRecordNotes *notes;     /* of the zone shown */
  GListModel *notes_records; /* the zone's records that notes follow */
  guint notes_follow_source;
  guint notes_save_source;
  GSettings *settings; /* NULL when the schema is not installed */
  GSignalGroup *zone_signals;
  GSignalGroup *changeset_signals;
  GSignalGroup *undo_signals;
  GCancellable *cancellable; /* loads of the current zone */
  GError *load_error;
  GtkWidget *row_menu_popover;
  gboolean restoring; /* reading the changes left unpublished */
  gboolean compact;   /* narrower than COMPACT_WIDTH: the value column gets the room */
  guint compact_idle;
  /* The local copy taken before the last publish (0: none). */
  gint64 publish_snapshot;

  /* Template children */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *type_dropdown;
  GtkLabel *match_label;
  DomaineChangesBar *changes_bar;
  GtkStack *view_stack;
  GtkSpinner *loading_spinner;
  GtkLabel *loading_label;
  GtkProgressBar *loading_progress;
  GtkColumnView *column_view;
  GtkMultiSelection *selection;
  DomaineRecordFilterModel *filter_model;
  GtkSortListModel *sort_model;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *ttl_column;
  GtkColumnViewColumn *value_column;
  GtkColumnViewColumn *note_column;
  AdwStatusPage *failed_page;
  GtkWidget *failed_query_id_button;
  GMenuModel *row_menu;
};

/* domaine-zone-editor.c */
void domaine_zone_editor_add_toast (DomaineZoneEditor *self, AdwToast *toast);
void domaine_zone_editor_load (DomaineZoneEditor *self, OvhZoneLoadFlags flags);
void domaine_zone_editor_update_state (DomaineZoneEditor *self);
void domaine_zone_editor_update_selection_actions (DomaineZoneEditor *self);
/* The selected rows, in view order (refs). */
GPtrArray *domaine_zone_editor_dup_selected (DomaineZoneEditor *self);
/* Opens the row menu for the row that has the keyboard focus, if one has. */
void domaine_zone_editor_popup_row_menu (DomaineZoneEditor *self);

/* For tests: whether the changes left unpublished are still being read. */
gboolean domaine_zone_editor_get_restoring (DomaineZoneEditor *self);

/* The account the local snapshots of this zone are filed under. */
const char *domaine_zone_editor_get_snapshot_account (DomaineZoneEditor *self);

/* domaine-zone-editor-actions.c */
void domaine_zone_editor_class_install_actions (GtkWidgetClass *widget_class);

/* domaine-zone-editor-pending.c */
/* The store every zone editor of the process shares (a new reference). */
OvhPendingStore *domaine_zone_pending_dup_store (void);
/* From now on every change to @changeset (staged, discarded, published) is saved in
 * @store, and told to @session (nullable, not kept alive), for as long as the changeset
 * lives. */
void domaine_zone_pending_watch (OvhChangeset *changeset,
                                 OvhPendingStore *store,
                                 DomaineSession *session,
                                 const char *account_id);
/* Stages what was left unpublished into a watched changeset. */
void domaine_zone_pending_restore_async (OvhChangeset *changeset,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
gboolean
domaine_zone_pending_restore_finish (OvhChangeset *changeset, GAsyncResult *result, GError **error);
/* Whether the last restore staged changes left by an earlier run (not ones this process wrote
 * or read already): the page says so. */
gboolean domaine_zone_pending_get_from_last_session (OvhChangeset *changeset);

/* domaine-zone-editor-template.c: asks a name, then saves the selected records as a user
 * template (a toast says what became of it). */
void domaine_zone_editor_save_selection_as_template (DomaineZoneEditor *self);

/* domaine-zone-editor-notes.c */
void domaine_zone_editor_notes_init (DomaineZoneEditor *self);
/* Reads the notes of the zone shown (none shown: closes them). */
void domaine_zone_editor_notes_open (DomaineZoneEditor *self);
void domaine_zone_editor_notes_close (DomaineZoneEditor *self);
/* The note typed in the record editor, saved with @record (what was staged); @edited_row: the
 * row edited, NULL for a new record. */
void domaine_zone_editor_set_note (DomaineZoneEditor *self,
                                   OvhRecord *edited_row,
                                   OvhRecord *record,
                                   const char *note);

G_END_DECLS
