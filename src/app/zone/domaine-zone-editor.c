/* domaine-zone-editor.c: the records of one zone, with staged edits and publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page composes small parts: DomaineRecordColumns (cells, tooltips, sorters),
 * DomaineChangesBar, DomaineUndoStack, DomaineZonePublisher, the actions
 * (domaine-zone-editor-actions.c) and the changes kept on disk
 * (domaine-zone-editor-pending.c). This file holds the page's state, the zone it shows, the
 * selection and the width.
 *
 * The list follows sysprof's pattern: the column view's GtkMultiSelection over a filter
 * model over a GtkSortListModel, declared in the .ui, the sorter bound to the view; the
 * view itself lists DomaineRecordSlots over that selection, so that a search keeps the
 * visible row widgets and only binds them again (GTK 4.8 would rebuild them all). Sorting
 * sits under filtering, so a keystroke never sorts. Items are the zone's own OvhRecord
 * objects (see DomaineRecordRows): with 100,000 records nothing is allocated per record,
 * and a keystroke costs one strstr() per row still in question (DomaineRecordFilterModel).
 * One click gesture on the view, not one per cell, opens the row menu.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-record-slots.h"
#include "domaine-zone-editor-private.h"
#include "ovh-zone-snapshot.h"
#include "ovh-error.h"

G_DEFINE_FINAL_TYPE (DomaineZoneEditor, domaine_zone_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_ZONE,
  PROP_N_UNPUBLISHED,
  PROP_BUSY,
  PROP_SEARCH_MODE,
  PROP_SHOW_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Toasts go to the nearest overlay; a bare window (tests, previews) has none. */
void
domaine_zone_editor_add_toast (DomaineZoneEditor *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
domaine_zone_editor_report_error (DomaineZoneEditor *self, const GError *error)
{
  if (self->session != NULL)
    domaine_session_report_error (self->session, error);
}

static const char *
domaine_zone_editor_get_account_id (DomaineZoneEditor *self)
{
  if (self->session == NULL)
    return "default";
  return ovh_account_get_id (domaine_session_get_account (self->session));
}

/* Below this width (a phone: 360 px), name, type and TTL keep to what they need. */
#define COMPACT_WIDTH 600
#define NAME_WIDTH 150
#define NAME_WIDTH_COMPACT 92
#define NOTE_WIDTH 200
#define NOTE_WIDTH_COMPACT 80

/* Filtering ----------------------------------------------------------------------------- */

static void update_match_label (DomaineZoneEditor *self);

static void
search_changed_cb (DomaineZoneEditor *self)
{
  domaine_record_filter_model_set_search (
      self->filter_model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_match_label (self);
}

static void
type_dropdown_changed_cb (DomaineZoneEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);
  const char *const *names = ovh_record_type_get_names ();

  /* Row 0 is "All types". */
  domaine_zone_editor_set_type_filter (
      self, selected == 0 || selected == GTK_INVALID_LIST_POSITION ? NULL : names[selected - 1]);
}

void
domaine_zone_editor_set_type_filter (DomaineZoneEditor *self, const char *field_type)
{
  const char *const *names = ovh_record_type_get_names ();
  guint position = 0;

  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));

  domaine_record_filter_model_set_field_type (self->filter_model, field_type);
  update_match_label (self);

  /* Keep the drop-down in step when called from code. */
  for (guint i = 0; field_type != NULL && names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], field_type) == 0)
      position = i + 1;
  if (gtk_drop_down_get_selected (self->type_dropdown) != position)
    gtk_drop_down_set_selected (self->type_dropdown, position);
}

/* State: what the page shows ------------------------------------------------------------ */

guint
domaine_zone_editor_get_n_unpublished (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), 0);

  if (self->changeset == NULL)
    return 0;
  return ovh_changeset_get_n_pending (self->changeset)
         + (ovh_changeset_get_needs_publish (self->changeset) ? 1 : 0);
}

gboolean
domaine_zone_editor_get_busy (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), FALSE);
  return self->changeset != NULL && ovh_changeset_get_busy (self->changeset);
}

static guint
domaine_zone_editor_count_failed (DomaineZoneEditor *self)
{
  GListModel *changes = ovh_changeset_get_changes (self->changeset);
  guint n_failed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      if (ovh_change_get_state (change) == OVH_CHANGE_STATE_FAILED)
        n_failed++;
    }
  return n_failed;
}

static void
domaine_zone_editor_update_changes_bar (DomaineZoneEditor *self)
{
  guint n_pending = self->changeset != NULL ? ovh_changeset_get_n_pending (self->changeset) : 0;
  gboolean needs_publish
      = self->changeset != NULL && ovh_changeset_get_needs_publish (self->changeset);
  gboolean busy = domaine_zone_editor_get_busy (self);

  g_object_freeze_notify (G_OBJECT (self->changes_bar));
  domaine_changes_bar_set_n_pending (self->changes_bar, n_pending);
  domaine_changes_bar_set_n_failed (
      self->changes_bar, self->changeset != NULL ? domaine_zone_editor_count_failed (self) : 0);
  domaine_changes_bar_set_needs_publish (self->changes_bar, needs_publish);
  domaine_changes_bar_set_busy (self->changes_bar, busy);
  domaine_changes_bar_set_n_to_apply (self->changes_bar,
                                      busy ? ovh_changeset_get_n_to_apply (self->changeset) : 0);
  g_object_thaw_notify (G_OBJECT (self->changes_bar));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.publish",
                                 !busy && (n_pending > 0 || needs_publish));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.review", !busy && n_pending > 0);
}

void
domaine_zone_editor_update_state (DomaineZoneEditor *self)
{
  OvhZoneLoadState state
      = self->zone != NULL ? ovh_zone_get_load_state (self->zone) : OVH_ZONE_LOAD_STATE_EMPTY;
  gboolean loading = state == OVH_ZONE_LOAD_STATE_LOADING
                     || (self->zone != NULL && state == OVH_ZONE_LOAD_STATE_EMPTY);
  guint n_rows = self->rows != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  const char *page;

  if (self->filter_model == NULL) /* disposed */
    return;

  if (loading)
    {
      guint n_loaded = ovh_zone_get_n_loaded (self->zone);
      guint n_total = ovh_zone_get_n_total (self->zone);

      if (n_total > 0)
        {
          /* Thousands separators: "4,000 of 10,000". */
          g_autofree char *text
              = g_strdup_printf (_ ("Loading records… %'u of %'u"), n_loaded, n_total);
          gtk_label_set_label (self->loading_label, text);
          gtk_progress_bar_set_fraction (self->loading_progress, (double) n_loaded / n_total);
        }
      else
        gtk_label_set_label (self->loading_label, _ ("Loading records…"));
      gtk_widget_set_visible (GTK_WIDGET (self->loading_progress), n_total > 0);
      page = "loading";
    }
  else if (state == OVH_ZONE_LOAD_STATE_FAILED && n_rows == 0)
    page = "failed";
  else if (n_rows == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-results";
  else
    page = "records";

  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_stack_set_visible_child_name (self->view_stack, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.add", self->zone != NULL && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.reload", self->zone != NULL && !loading);
  domaine_zone_editor_update_changes_bar (self);
}

static void
pending_changed_cb (DomaineZoneEditor *self)
{
  domaine_zone_editor_update_changes_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNPUBLISHED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
domaine_zone_editor_update_undo_actions (DomaineZoneEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.undo",
                                 self->undo_stack != NULL
                                     && domaine_undo_stack_get_can_undo (self->undo_stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.redo",
                                 self->undo_stack != NULL
                                     && domaine_undo_stack_get_can_redo (self->undo_stack));
}

/* Unpublished changes on disk ------------------------------------------------------------ */

char *
domaine_zone_editor_dup_pending_path (DomaineZoneEditor *self, OvhZone *zone)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  g_return_val_if_fail (OVH_IS_ZONE (zone), NULL);

  return ovh_pending_store_dup_path (self->pending_store, domaine_zone_editor_get_account_id (self),
                                     ovh_zone_get_name (zone));
}

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneEditor) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!domaine_zone_pending_restore_finish (OVH_CHANGESET (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not restore the unpublished changes of %s: %s",
               ovh_zone_get_name (ovh_changeset_get_zone (OVH_CHANGESET (source))), error->message);
  if (OVH_CHANGESET (source) == self->changeset)
    {
      guint n_restored = domaine_zone_editor_get_n_unpublished (self);

      self->restoring = FALSE;
      /* Changes coming back after a restart are said, not slipped in silently. */
      if (error == NULL && n_restored > 0
          && domaine_zone_pending_get_from_last_session (self->changeset))
        {
          g_autofree char *title = g_strdup_printf (
              ngettext ("%u unpublished change restored from your last session",
                        "%u unpublished changes restored from your last session", n_restored),
              n_restored);
          AdwToast *toast = adw_toast_new (title);

          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          domaine_zone_editor_add_toast (self, toast);
        }
    }
}

/* What was left unpublished, unless this page already has changes of its own. */
static void
domaine_zone_editor_restore_pending (DomaineZoneEditor *self)
{
  if (domaine_zone_editor_get_n_unpublished (self) > 0)
    return;
  self->restoring = TRUE;
  domaine_zone_pending_restore_async (self->changeset, self->cancellable, restored_cb,
                                      g_object_ref (self));
}

gboolean
domaine_zone_editor_get_restoring (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), FALSE);
  return self->restoring;
}

/* Loading ------------------------------------------------------------------------------- */

static void
zone_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneEditor) self = user_data;
  OvhZone *zone = OVH_ZONE (source);
  g_autoptr (GError) error = NULL;

  if (!ovh_zone_load_finish (zone, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || zone != self->zone)
        return;
      g_clear_error (&self->load_error);
      self->load_error = g_error_copy (error);
      {
        g_autofree char *message = ovh_error_dup_display_message (error);
        adw_status_page_set_description (self->failed_page, message);
      }
      gtk_widget_set_visible (self->failed_query_id_button, ovh_error_get_query_id (error) != NULL);
      domaine_zone_editor_report_error (self, error);
    }
  else if (zone == self->zone)
    {
      if (self->session != NULL)
        domaine_session_report_success (self->session);
      domaine_zone_editor_restore_pending (self);
    }

  if (zone == self->zone)
    domaine_zone_editor_update_state (self);
}

void
domaine_zone_editor_load (DomaineZoneEditor *self, OvhZoneLoadFlags flags)
{
  ovh_zone_load_async (self->zone, flags, self->cancellable, zone_loaded_cb, g_object_ref (self));
  domaine_zone_editor_update_state (self);
}

void
domaine_zone_editor_set_zone (DomaineZoneEditor *self, OvhZone *zone)
{
  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));
  g_return_if_fail (zone == NULL || OVH_IS_ZONE (zone));

  if (self->zone == zone)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->load_error);
  self->restoring = FALSE;

  gtk_sort_list_model_set_model (self->sort_model, NULL);
  domaine_zone_editor_notes_close (self);
  domaine_record_filter_model_set_rows (self->filter_model, NULL);
  g_signal_group_set_target (self->changeset_signals, NULL);
  g_signal_group_set_target (self->zone_signals, NULL);
  g_signal_group_set_target (self->undo_signals, NULL);
  domaine_record_columns_set_rows (self->columns, NULL);
  /* A publish under way keeps its own publisher and changeset. */
  g_clear_object (&self->publisher);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->rows);
  g_clear_object (&self->changeset);
  g_set_object (&self->zone, zone);

  if (zone != NULL)
    {
      self->cancellable = g_cancellable_new ();
      self->changeset = ovh_changeset_new (zone);
      self->rows = domaine_record_rows_new (self->changeset);
      self->undo_stack = domaine_undo_stack_new (self->changeset);
      self->publisher = domaine_zone_publisher_new (self->changeset);
      domaine_zone_pending_watch (self->changeset, self->pending_store, self->session,
                                  domaine_zone_editor_get_account_id (self));
      domaine_record_columns_set_rows (self->columns, self->rows);
      g_signal_group_set_target (self->zone_signals, zone);
      g_signal_group_set_target (self->changeset_signals, self->changeset);
      g_signal_group_set_target (self->undo_signals, self->undo_stack);
      /* Before the rows arrive: the filter matches what they show, and their notes. */
      domaine_record_filter_model_set_rows (self->filter_model, self->rows);
      domaine_zone_editor_notes_open (self);
      gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->rows));

      if (ovh_zone_get_load_state (zone) == OVH_ZONE_LOAD_STATE_EMPTY)
        domaine_zone_editor_load (self, OVH_ZONE_LOAD_DEFAULT);
      else if (ovh_zone_get_load_state (zone) == OVH_ZONE_LOAD_STATE_LOADED)
        domaine_zone_editor_restore_pending (self);
    }

  domaine_zone_editor_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
  pending_changed_cb (self);
  domaine_zone_editor_update_undo_actions (self);
}

/* Selection ----------------------------------------------------------------------------- */

GPtrArray *
domaine_zone_editor_dup_selected (DomaineZoneEditor *self)
{
  g_autoptr (GtkBitset) selected
      = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
  return records;
}

void
domaine_zone_editor_update_selection_actions (DomaineZoneEditor *self)
{
  g_autoptr (GPtrArray) selected = NULL;
  gboolean any_live = FALSE;
  gboolean any_pending = FALSE;
  gboolean one_editable = FALSE;
  gboolean busy = domaine_zone_editor_get_busy (self);

  if (self->rows == NULL || self->selection == NULL)
    return;
  selected = domaine_zone_editor_dup_selected (self);

  for (guint i = 0; i < selected->len; i++)
    {
      DomaineRecordState state
          = domaine_record_rows_get_state (self->rows, g_ptr_array_index (selected, i));

      any_live |= state != DOMAINE_RECORD_STATE_DELETED;
      any_pending |= state != DOMAINE_RECORD_STATE_PUBLISHED;
      if (selected->len == 1)
        one_editable = state != DOMAINE_RECORD_STATE_DELETED;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.edit", one_editable && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.duplicate", selected->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.delete", any_live && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.revert", any_pending && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.copy-zone-line", selected->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.bulk-edit", any_live && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.save-as-template", any_live);
}

/* Selects the row under (@x, @y) of the column view, unless it is already among the selected,
 * and opens the row menu there. */
static gboolean
popup_row_menu_at (DomaineZoneEditor *self, double x, double y)
{
  GtkListItem *list_item = domaine_record_columns_pick_list_item (self->column_view, x, y);
  guint position;
  graphene_point_t point;

  if (list_item == NULL)
    return FALSE;
  position = gtk_list_item_get_position (list_item);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  domaine_zone_editor_update_selection_actions (self);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu_popover),
                               &(GdkRectangle){ (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu_popover));
  return TRUE;
}

static void
row_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, DomaineZoneEditor *self)
{
  if (popup_row_menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
domaine_zone_editor_popup_row_menu (DomaineZoneEditor *self)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);
  GtkRoot *root = gtk_widget_get_root (view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  graphene_rect_t bounds;

  /* The focused row (Shift+F10 and the Menu key), at its start, as a click there would. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, view)
      || !gtk_widget_compute_bounds (focus, view, &bounds))
    return;
  popup_row_menu_at (self, bounds.origin.x + MIN (bounds.size.width / 2, 24),
                     bounds.origin.y + bounds.size.height / 2);
}

/* The table is one tab stop: Tab leaves it (arrows move between rows) instead of visiting every
 * row of what may be 100,000 (GTK 4.12's GtkListTabBehavior, on 4.8). */
static gboolean
leave_table_cb (GtkWidget *view, GVariant *args, gpointer user_data)
{
  GtkDirectionType direction = (GtkDirectionType) GPOINTER_TO_INT (user_data);
  GtkRoot *root = gtk_widget_get_root (view);
  gboolean moved;

  if (root == NULL)
    return FALSE;
  /* Skipped while it cannot take the focus: the move goes to what comes after it. */
  gtk_widget_set_can_focus (view, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      /* Past the last control: around to the first, as the window does. */
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (view, TRUE);
  return moved;
}

static void
add_leave_table_shortcuts (GtkWidget *view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct
  {
    const char *trigger;
    GtkDirectionType direction;
  } keys[] = {
    { "Tab", GTK_DIR_TAB_FORWARD },
    { "KP_Tab", GTK_DIR_TAB_FORWARD },
    { "<Shift>Tab", GTK_DIR_TAB_BACKWARD },
    { "<Shift>ISO_Left_Tab", GTK_DIR_TAB_BACKWARD },
    { "<Shift>KP_Tab", GTK_DIR_TAB_BACKWARD },
  };

  /* Before the list's own focus handling sees the key. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (
            gtk_shortcut_trigger_parse_string (keys[i].trigger),
            gtk_callback_action_new (leave_table_cb, GINT_TO_POINTER (keys[i].direction), NULL)));
  gtk_widget_add_controller (view, controller);
}

static void
column_view_activate_cb (DomaineZoneEditor *self, guint position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.edit", NULL);
}

/* Search -------------------------------------------------------------------------------- */

static void
search_mode_changed_cb (DomaineZoneEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

void
domaine_zone_editor_set_search_mode (DomaineZoneEditor *self, gboolean search_mode)
{
  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));

  if (search_mode == gtk_search_bar_get_search_mode (self->search_bar))
    {
      if (search_mode)
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, search_mode);
  if (search_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Publishing ---------------------------------------------------------------------------- */

static void
undo_publish_clicked_cb (DomaineZoneEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.undo-publish", NULL);
}

static void
published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DomaineZoneEditor *self = g_task_get_source_object (task);
  DomaineZonePublisher *publisher = DOMAINE_ZONE_PUBLISHER (source);
  GError *error = NULL;

  domaine_zone_publisher_publish_finish (publisher, result, &error);
  if (publisher != self->publisher)
    {
      /* The user went to another zone meanwhile: the publish went on, its file followed. */
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Zone switched");
      return;
    }

  if (error == NULL)
    {
      const char *notice = domaine_zone_publisher_get_notice (publisher);
      g_autofree char *title = NULL;
      AdwToast *toast;

      if (notice != NULL)
        /* Translators: %s says which changes were found made after their answer was lost */
        title = g_strdup_printf (_ ("Zone published. %s"), notice);
      else
        title = g_strdup (_ ("Zone published"));
      toast = adw_toast_new (title);

      if (self->publish_snapshot != 0)
        {
          /* The overlay is above this page: its own actions are out of the toast's reach. */
          adw_toast_set_button_label (toast, _ ("_Undo Publish"));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_publish_clicked_cb),
                                   self, G_CONNECT_SWAPPED);
        }
      domaine_zone_editor_add_toast (self, toast);
      if (self->session != NULL)
        domaine_session_report_success (self->session);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      if (domaine_zone_publisher_get_error (publisher) != NULL)
        domaine_zone_editor_report_error (self, domaine_zone_publisher_get_error (publisher));
      g_task_return_error (task, error);
    }
  domaine_zone_editor_update_state (self);
  domaine_zone_editor_update_selection_actions (self);
  pending_changed_cb (self);
}

void
domaine_zone_editor_publish_async (DomaineZoneEditor *self,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, domaine_zone_editor_publish_async);

  if (self->publisher == NULL || domaine_zone_editor_get_busy (self))
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY, "%s",
                               _ ("The zone is being published"));
      return;
    }
  if (ovh_changeset_get_n_pending (self->changeset) == 0
      && !ovh_changeset_get_needs_publish (self->changeset))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* What OVH has now, kept so that this publish can be undone (the snapshot is records
   * only, in the user's data dir). A publish goes on without it. */
  if (!ovh_zone_snapshot_save (NULL, domaine_zone_editor_get_snapshot_account (self),
                               ovh_zone_get_name (self->zone), ovh_zone_get_records (self->zone),
                               &self->publish_snapshot, NULL))
    self->publish_snapshot = 0;

  /* Not the zone's cancellable: a publish under way finishes even if the user moves on. */
  domaine_zone_publisher_publish_async (self->publisher, cancellable, published_cb,
                                        g_steal_pointer (&task));
  pending_changed_cb (self);
}

const char *
domaine_zone_editor_get_snapshot_account (DomaineZoneEditor *self)
{
  OvhAccount *account = self->session != NULL ? domaine_session_get_account (self->session) : NULL;

  return account != NULL && ovh_account_get_id (account) != NULL ? ovh_account_get_id (account)
                                                                 : "default";
}

gboolean
domaine_zone_editor_publish_finish (DomaineZoneEditor *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Width ---------------------------------------------------------------------------------- */

static void
domaine_zone_editor_set_compact (DomaineZoneEditor *self, gboolean compact)
{
  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_column_view_column_set_fixed_width (self->name_column,
                                          compact ? NAME_WIDTH_COMPACT : NAME_WIDTH);
  gtk_column_view_column_set_fixed_width (self->note_column,
                                          compact ? NOTE_WIDTH_COMPACT : NOTE_WIDTH);
  /* Narrower padding (style.css): the value column takes what is left. */
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->column_view), "compact");
}

static gboolean
compact_idle_cb (gpointer data)
{
  DomaineZoneEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));

  self->compact_idle = 0;
  domaine_zone_editor_set_compact (self, gtk_adjustment_get_page_size (adjustment) < COMPACT_WIDTH);
  return G_SOURCE_REMOVE;
}

/* The view's width is known while it is being allocated: the columns change right after. */
static void
view_width_changed_cb (DomaineZoneEditor *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  gboolean compact = gtk_adjustment_get_page_size (adjustment) < COMPACT_WIDTH;

  if (compact != self->compact && self->compact_idle == 0)
    self->compact_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, compact_idle_cb, self, NULL);
}

/* GObject -------------------------------------------------------------------------------- */

/* The number of matches, while a search or a type narrows the list. */
static void
update_match_label (DomaineZoneEditor *self)
{
  const char *text;
  guint type, n_matches;
  gboolean filtering;
  g_autofree char *label = NULL;

  /* Not while the template goes (the drop-down notifies as it is disposed). */
  if (self->filter_model == NULL || self->match_label == NULL || self->search_entry == NULL
      || self->type_dropdown == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  type = gtk_drop_down_get_selected (self->type_dropdown);
  filtering = (text != NULL && *text != '\0') || (type != 0 && type != GTK_INVALID_LIST_POSITION);
  n_matches = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_widget_set_visible (GTK_WIDGET (self->match_label), filtering);
  if (!filtering)
    return;
  label = g_strdup_printf (ngettext ("%u match", "%u matches", n_matches), n_matches);
  gtk_label_set_label (self->match_label, label);
}

static void
filter_items_changed_cb (DomaineZoneEditor *self)
{
  domaine_zone_editor_update_state (self);
  update_match_label (self);
}

static void
domaine_zone_editor_dispose (GObject *object)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->compact_idle, g_source_remove);
  g_clear_pointer (&self->row_menu_popover, gtk_widget_unparent);
  if (self->zone_signals != NULL)
    g_signal_group_set_target (self->zone_signals, NULL);
  if (self->changeset_signals != NULL)
    g_signal_group_set_target (self->changeset_signals, NULL);
  if (self->undo_signals != NULL)
    g_signal_group_set_target (self->undo_signals, NULL);

  domaine_zone_editor_notes_close (self);

  /* The sorters' expressions call back into the columns: drop them with the view first. */
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_ZONE_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->settings);
  g_clear_object (&self->columns);
  g_clear_object (&self->pending_store);
  g_clear_object (&self->publisher);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->rows);
  g_clear_object (&self->changeset);
  g_clear_object (&self->zone);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (domaine_zone_editor_parent_class)->dispose (object);
}

static void
domaine_zone_editor_finalize (GObject *object)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->zone_signals);
  g_clear_object (&self->changeset_signals);
  g_clear_object (&self->undo_signals);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (domaine_zone_editor_parent_class)->finalize (object);
}

static void
domaine_zone_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case PROP_N_UNPUBLISHED:
      g_value_set_uint (value, domaine_zone_editor_get_n_unpublished (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, domaine_zone_editor_get_busy (self));
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;
    case PROP_SHOW_NOTES:
      g_value_set_boolean (value, domaine_zone_editor_get_show_notes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_editor_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      domaine_zone_editor_set_session (self, g_value_get_object (value));
      break;
    case PROP_ZONE:
      domaine_zone_editor_set_zone (self, g_value_get_object (value));
      break;
    case PROP_SEARCH_MODE:
      domaine_zone_editor_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_NOTES:
      domaine_zone_editor_set_show_notes (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_editor_class_init (DomaineZoneEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_zone_editor_dispose;
  object_class->finalize = domaine_zone_editor_finalize;
  object_class->get_property = domaine_zone_editor_get_property;
  object_class->set_property = domaine_zone_editor_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZONE]
      = g_param_spec_object ("zone", NULL, NULL, OVH_TYPE_ZONE,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_UNPUBLISHED]
      = g_param_spec_uint ("n-unpublished", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE]
      = g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NOTES]
      = g_param_spec_boolean ("show-notes", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_CHANGES_BAR);
  g_type_ensure (DOMAINE_TYPE_RECORD_FILTER_MODEL);
  g_type_ensure (DOMAINE_TYPE_RECORD_SLOTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-zone-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zoneeditor");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, changes_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, match_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, loading_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, column_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, selection);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, filter_model);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, sort_model);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, name_column);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, type_column);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, ttl_column);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, value_column);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, note_column);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, failed_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, failed_query_id_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, row_menu);

  domaine_zone_editor_class_install_actions (widget_class);
}

static void
domaine_zone_editor_init (DomaineZoneEditor *self)
{
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);
  const char *const *names = ovh_record_type_get_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);

  gtk_string_list_append (types, _ ("All Types"));
  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (types, names[i]);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  /* GTK 4.8 names the drop-down but not its button, which is what takes the focus. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->type_dropdown));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Record type"), -1);
  g_signal_connect_object (self->type_dropdown, "notify::selected",
                           G_CALLBACK (type_dropdown_changed_cb), self, G_CONNECT_SWAPPED);

  self->pending_store = domaine_zone_pending_dup_store ();
  self->columns = domaine_record_columns_new ();
  domaine_record_columns_attach (self->columns, self->name_column, self->type_column,
                                 self->ttl_column, self->value_column);
  domaine_zone_editor_notes_init (self);
  /* Sorted by name until the user picks a column. */
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)),
                           "notify::page-size", G_CALLBACK (view_width_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (column_view_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (domaine_zone_editor_update_selection_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (domaine_zone_editor_update_selection_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  {
    /* One gesture for every row: rows are made and dropped as the list scrolls and filters. */
    GtkGesture *gesture = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
    g_signal_connect_object (gesture, "pressed", G_CALLBACK (row_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (gesture));
  }

  add_leave_table_shortcuts (GTK_WIDGET (self->column_view));

  self->row_menu_popover = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu_popover), FALSE);
  gtk_widget_set_halign (self->row_menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu_popover, GTK_WIDGET (self));

  self->zone_signals = g_signal_group_new (OVH_TYPE_ZONE);
  g_signal_group_connect_swapped (self->zone_signals, "notify::load-state",
                                  G_CALLBACK (domaine_zone_editor_update_state), self);
  g_signal_group_connect_swapped (self->zone_signals, "notify::n-loaded",
                                  G_CALLBACK (domaine_zone_editor_update_state), self);
  g_signal_group_connect_swapped (self->zone_signals, "notify::n-total",
                                  G_CALLBACK (domaine_zone_editor_update_state), self);

  self->changeset_signals = g_signal_group_new (OVH_TYPE_CHANGESET);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::n-pending",
                                  G_CALLBACK (pending_changed_cb), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::needs-publish",
                                  G_CALLBACK (pending_changed_cb), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::busy",
                                  G_CALLBACK (pending_changed_cb), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::n-done",
                                  G_CALLBACK (domaine_zone_editor_update_changes_bar), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::n-to-apply",
                                  G_CALLBACK (domaine_zone_editor_update_changes_bar), self);

  self->undo_signals = g_signal_group_new (DOMAINE_TYPE_UNDO_STACK);
  g_signal_group_connect_swapped (self->undo_signals, "notify::can-undo",
                                  G_CALLBACK (domaine_zone_editor_update_undo_actions), self);
  g_signal_group_connect_swapped (self->undo_signals, "notify::can-redo",
                                  G_CALLBACK (domaine_zone_editor_update_undo_actions), self);

  domaine_zone_editor_update_state (self);
  domaine_zone_editor_update_selection_actions (self);
  domaine_zone_editor_update_undo_actions (self);
}

GtkWidget *
domaine_zone_editor_new (void)
{
  return g_object_new (DOMAINE_TYPE_ZONE_EDITOR, NULL);
}

DomaineSession *
domaine_zone_editor_get_session (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  return self->session;
}

void
domaine_zone_editor_set_session (DomaineZoneEditor *self, DomaineSession *session)
{
  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

OvhZone *
domaine_zone_editor_get_zone (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  return self->zone;
}

OvhChangeset *
domaine_zone_editor_get_changeset (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  return self->changeset;
}

DomaineRecordRows *
domaine_zone_editor_get_rows (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  return self->rows;
}

GtkSelectionModel *
domaine_zone_editor_get_selection (DomaineZoneEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}
