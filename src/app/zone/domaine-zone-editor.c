/* domaine-zone-editor.c: the records of one zone, with staged edits and publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list page follows sysprof's pattern: the column view's GtkMultiSelection over a
 * filter model over a GtkSortListModel, declared in the .ui, the sorter bound to the view;
 * the view itself lists DomaineRecordSlots over that selection, so that a search keeps the
 * visible row widgets and only binds them again (GTK 4.8 would rebuild them all).
 * Sorting sits under filtering, so a keystroke never sorts. Items are the zone's own
 * OvhRecord objects (see DomaineRecordRows): with 100,000 records nothing is allocated per
 * record, and a keystroke costs one strstr() per row still in question
 * (DomaineRecordFilterModel).
 *
 * Binding a row must stay cheap, since a keystroke rebinds every visible row: tooltips are
 * computed when asked for ("query-tooltip") rather than set in bind, because on GTK 4.8
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is, a round trip per
 * cell; accessible properties are only updated when they change; and one click gesture on
 * the view, not one per cell, opens the row menu.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "domaine-record-editor.h"
#include "domaine-record-filter-model.h"
#include "domaine-record-slots.h"
#include "domaine-review-dialog.h"
#include "domaine-window.h"
#include "domaine-zone-editor.h"
#include "ovh-error.h"

struct _DomaineZoneEditor
{
  GtkWidget parent_instance;

  DomaineSession *session;
  OvhZone *zone;
  OvhChangeset *changeset;
  DomaineRecordRows *rows;
  GSignalGroup *zone_signals;
  GSignalGroup *changeset_signals;
  GCancellable *cancellable; /* loads and publishes of the current zone */
  GError *load_error;
  GError *publish_error;
  GPtrArray *undo_actions; /* of UndoAction: the last delete */
  GtkWidget *row_menu_popover;
  gboolean restoring;
  gboolean compact; /* narrower than COMPACT_WIDTH: the value column gets the room */
  guint compact_idle;

  /* Template children */
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *type_dropdown;
  GtkRevealer *changes_revealer;
  GtkSpinner *publish_spinner;
  GtkWidget *changes_error_icon;
  GtkLabel *changes_label;
  GtkWidget *review_button;
  GtkWidget *publish_button;
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
  AdwStatusPage *failed_page;
  GtkWidget *failed_query_id_button;
  GMenuModel *row_menu;
};

G_DEFINE_FINAL_TYPE (DomaineZoneEditor, domaine_zone_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_ZONE,
  PROP_N_UNPUBLISHED,
  PROP_BUSY,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How to take one delete back. */
typedef struct
{
  guint64 record_id;  /* a record of the zone that was staged for deletion */
  OvhRecord *restage; /* the staged update or create it replaced */
} UndoAction;

static void
undo_action_free (gpointer data)
{
  UndoAction *undo = data;

  g_clear_object (&undo->restage);
  g_free (undo);
}

static void domaine_zone_editor_update_state (DomaineZoneEditor *self);

/* Toasts go to the window's overlay; a bare window (tests, previews) has none. */
static void
domaine_zone_editor_add_toast (DomaineZoneEditor *self, AdwToast *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (DOMAINE_IS_WINDOW (root))
    domaine_window_add_toast (DOMAINE_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
domaine_zone_editor_report_error (DomaineZoneEditor *self, const GError *error)
{
  if (self->session != NULL)
    domaine_session_report_error (self->session, error);
}

/* Below this width (a phone: 360 px), name, type and TTL keep to what they need. */
#define COMPACT_WIDTH 600
#define NAME_WIDTH 150
#define NAME_WIDTH_COMPACT 92

/* Cell contents ------------------------------------------------------------------------- */

static GQuark list_item_quark; /* on a cell's child: its GtkListItem */
static GQuark shown_quark;     /* on a widget: what it shows now, so a rebind can skip it */

static const char *
state_description (DomaineRecordState state, OvhChange *change)
{
  if (change != NULL && ovh_change_get_state (change) == OVH_CHANGE_STATE_FAILED)
    return _ ("Not published: OVHcloud refused this change");
  switch (state)
    {
    case DOMAINE_RECORD_STATE_ADDED:
      return _ ("Added, not published yet");
    case DOMAINE_RECORD_STATE_CHANGED:
      return _ ("Changed, not published yet");
    case DOMAINE_RECORD_STATE_DELETED:
      return _ ("Deleted, not published yet");
    case DOMAINE_RECORD_STATE_PUBLISHED:
    default:
      return NULL;
    }
}

/* Whether @widget already shows @shown (any pointer-sized token); remembers it if not. */
static gboolean
widget_shows (GtkWidget *widget, gconstpointer shown)
{
  if (g_object_get_qdata (G_OBJECT (widget), shown_quark) == shown)
    return TRUE;
  g_object_set_qdata (G_OBJECT (widget), shown_quark, (gpointer) shown);
  return FALSE;
}

static void
widget_set_css_class (GtkWidget *widget, const char *css_class, gboolean set)
{
  if (set && !gtk_widget_has_css_class (widget, css_class))
    gtk_widget_add_css_class (widget, css_class);
  else if (!set && gtk_widget_has_css_class (widget, css_class))
    gtk_widget_remove_css_class (widget, css_class);
}

static void
cell_set_state (GtkWidget *cell, DomaineRecordState state)
{
  widget_set_css_class (cell, "pending-added", state == DOMAINE_RECORD_STATE_ADDED);
  widget_set_css_class (cell, "pending-changed", state == DOMAINE_RECORD_STATE_CHANGED);
  widget_set_css_class (cell, "pending-deleted", state == DOMAINE_RECORD_STATE_DELETED);
}

/* The view's items are slots (see DomaineRecordSlots): the record is the one in the slot. */
static OvhRecord *
list_item_get_record (GtkListItem *list_item)
{
  gpointer slot = gtk_list_item_get_item (list_item);

  return slot != NULL ? domaine_record_slot_get_item (DOMAINE_RECORD_SLOT (slot)) : NULL;
}

/* The editor and the record behind a cell's widget, when it has one. */
static OvhRecord *
cell_widget_get_record (GtkWidget *widget, GtkListItem *list_item, DomaineZoneEditor **editor)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, DOMAINE_TYPE_ZONE_EDITOR);
  OvhRecord *record = list_item_get_record (list_item);

  if (ancestor == NULL || record == NULL || DOMAINE_ZONE_EDITOR (ancestor)->rows == NULL)
    return NULL;
  *editor = DOMAINE_ZONE_EDITOR (ancestor);
  return record;
}

static void
cell_set_list_item (GtkWidget *child, GtkListItem *list_item)
{
  g_object_set_qdata (G_OBJECT (child), list_item_quark, list_item);
  gtk_list_item_set_child (list_item, child);
}

static gboolean
marker_query_tooltip_cb (
    GtkWidget *marker, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineZoneEditor *self;
  OvhRecord *record = cell_widget_get_record (marker, list_item, &self);
  const char *description;

  if (record == NULL)
    return FALSE;
  description = state_description (domaine_record_rows_get_state (self->rows, record),
                                   domaine_record_rows_get_change (self->rows, record));
  gtk_tooltip_set_text (tooltip, description);
  return description != NULL;
}

/* The state icon before the name: made the first time the row needs one (rarely). */
static GtkWidget *
name_cell_get_marker (GtkWidget *box, GtkListItem *list_item, gboolean create)
{
  GtkWidget *first = gtk_widget_get_first_child (box);
  GtkWidget *marker;

  if (GTK_IS_IMAGE (first) || !create)
    return GTK_IS_IMAGE (first) ? first : NULL;
  marker = gtk_image_new ();
  gtk_widget_add_css_class (marker, "pending-marker");
  gtk_widget_set_has_tooltip (marker, TRUE);
  g_signal_connect (marker, "query-tooltip", G_CALLBACK (marker_query_tooltip_cb), list_item);
  gtk_box_prepend (GTK_BOX (box), marker);
  return marker;
}

static void
name_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  cell_set_list_item (box, list_item);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  GtkWidget *marker;
  OvhRecord *record = list_item_get_record (list_item);
  OvhRecord *shown = domaine_record_rows_get_shown (self->rows, record);
  OvhChange *change = domaine_record_rows_get_change (self->rows, record);
  DomaineRecordState state = domaine_record_rows_get_state (self->rows, record);
  const char *description = state_description (state, change);
  const char *icon = NULL;

  gtk_label_set_label (GTK_LABEL (label), ovh_record_get_display_name (shown));
  if (change != NULL && ovh_change_get_state (change) == OVH_CHANGE_STATE_FAILED)
    icon = "dialog-warning-symbolic";
  else if (state == DOMAINE_RECORD_STATE_ADDED)
    icon = "list-add-symbolic";
  else if (state == DOMAINE_RECORD_STATE_CHANGED)
    icon = "document-edit-symbolic";
  else if (state == DOMAINE_RECORD_STATE_DELETED)
    icon = "user-trash-symbolic";
  marker = name_cell_get_marker (box, list_item, icon != NULL);
  if (marker != NULL && !widget_shows (marker, icon))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (marker), icon);
      gtk_widget_set_visible (marker, icon != NULL);
    }
  cell_set_state (box, state);

  /* The state in words for screen readers, on the cell that starts the row. */
  if (!widget_shows (label, description))
    {
      if (description != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        description, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static gboolean
type_query_tooltip_cb (
    GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineZoneEditor *self;
  OvhRecord *record = cell_widget_get_record (label, list_item, &self);
  const OvhRecordType *type;

  if (record == NULL)
    return FALSE;
  type = ovh_record_get_record_type (domaine_record_rows_get_shown (self->rows, record));
  if (type == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, ovh_record_type_get_description (type));
  return TRUE;
}

static void
type_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "record-type-pill");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (type_query_tooltip_cb), list_item);
  cell_set_list_item (label, list_item);
}

static void
type_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  OvhRecord *record = list_item_get_record (list_item);
  OvhRecord *shown = domaine_record_rows_get_shown (self->rows, record);

  gtk_label_set_label (GTK_LABEL (label), ovh_record_get_field_type (shown));
  cell_set_state (label, domaine_record_rows_get_state (self->rows, record));
}

static gboolean
ttl_query_tooltip_cb (
    GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineZoneEditor *self;
  OvhRecord *record = cell_widget_get_record (label, list_item, &self);
  g_autofree char *text = NULL;
  guint zone_ttl;

  if (record == NULL || self->zone == NULL
      || ovh_record_get_ttl (domaine_record_rows_get_shown (self->rows, record))
             != OVH_RECORD_TTL_ZONE_DEFAULT)
    return FALSE;
  zone_ttl = ovh_zone_get_default_ttl (self->zone);
  if (zone_ttl == 0)
    return FALSE;
  /* Translators: the zone's default TTL, in seconds. */
  text = g_strdup_printf (_ ("The zone’s default: %u seconds"), zone_ttl);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ttl_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (ttl_query_tooltip_cb), list_item);
  cell_set_list_item (label, list_item);
}

static void
ttl_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  OvhRecord *record = list_item_get_record (list_item);
  OvhRecord *shown = domaine_record_rows_get_shown (self->rows, record);
  guint ttl = ovh_record_get_ttl (shown);
  char text[32];

  if (ttl == OVH_RECORD_TTL_ZONE_DEFAULT)
    gtk_label_set_label (GTK_LABEL (label), C_ ("ttl", "Default"));
  else
    {
      g_snprintf (text, sizeof text, "%u", ttl);
      gtk_label_set_label (GTK_LABEL (label), text);
    }
  widget_set_css_class (label, "dim-label", ttl == OVH_RECORD_TTL_ZONE_DEFAULT);
  cell_set_state (label, domaine_record_rows_get_state (self->rows, record));
}

/* The whole value, when the column is too narrow for it. */
static gboolean
value_query_tooltip_cb (
    GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (GTK_LABEL (label)));
  return TRUE;
}

static gboolean
error_query_tooltip_cb (
    GtkWidget *icon, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineZoneEditor *self;
  OvhRecord *record = cell_widget_get_record (icon, list_item, &self);
  OvhChange *change = record != NULL ? domaine_record_rows_get_change (self->rows, record) : NULL;
  g_autofree char *message = NULL;

  if (change == NULL || ovh_change_get_error (change) == NULL)
    return FALSE;
  message = ovh_error_dup_display_message (ovh_change_get_error (change));
  gtk_tooltip_set_text (tooltip, message);
  return TRUE;
}

static void
value_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (value_query_tooltip_cb), list_item);
  gtk_box_append (GTK_BOX (box), label);
  cell_set_list_item (box, list_item);
}

/* The icon after a refused change's value: made the first time the row needs one. */
static GtkWidget *
value_cell_get_error_icon (GtkWidget *box, GtkListItem *list_item, gboolean create)
{
  GtkWidget *last = gtk_widget_get_last_child (box);
  GtkWidget *error_icon;

  if (GTK_IS_IMAGE (last) || !create)
    return GTK_IS_IMAGE (last) ? last : NULL;
  error_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (error_icon, "warning");
  gtk_widget_set_has_tooltip (error_icon, TRUE);
  g_signal_connect (error_icon, "query-tooltip", G_CALLBACK (error_query_tooltip_cb), list_item);
  gtk_box_append (GTK_BOX (box), error_icon);
  return error_icon;
}

static void
value_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineZoneEditor *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  OvhRecord *record = list_item_get_record (list_item);
  OvhRecord *shown = domaine_record_rows_get_shown (self->rows, record);
  OvhChange *change = domaine_record_rows_get_change (self->rows, record);
  const GError *error = change != NULL ? ovh_change_get_error (change) : NULL;
  GtkWidget *error_icon = value_cell_get_error_icon (box, list_item, error != NULL);

  gtk_label_set_label (GTK_LABEL (label), ovh_record_get_target (shown));
  if (error != NULL)
    {
      /* Rare (a refused change): what OVHcloud said, for screen readers too. */
      g_autofree char *message = ovh_error_dup_display_message (error);

      gtk_widget_set_visible (error_icon, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (error_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      message, -1);
      g_object_set_qdata (G_OBJECT (error_icon), shown_quark, (gpointer) error);
    }
  else if (error_icon != NULL)
    {
      gtk_widget_set_visible (error_icon, FALSE);
      if (!widget_shows (error_icon, NULL))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (error_icon), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  cell_set_state (box, domaine_record_rows_get_state (self->rows, record));
}

/* Sorting and filtering ----------------------------------------------------------------- */

static char *
sort_name_cb (OvhRecord *record, DomaineZoneEditor *self)
{
  return g_strdup (
      ovh_record_get_display_name (domaine_record_rows_get_shown (self->rows, record)));
}

static char *
sort_type_cb (OvhRecord *record, DomaineZoneEditor *self)
{
  return g_strdup (ovh_record_get_field_type (domaine_record_rows_get_shown (self->rows, record)));
}

static char *
sort_value_cb (OvhRecord *record, DomaineZoneEditor *self)
{
  return g_strdup (ovh_record_get_target (domaine_record_rows_get_shown (self->rows, record)));
}

static guint
sort_ttl_cb (OvhRecord *record, DomaineZoneEditor *self)
{
  guint ttl = ovh_record_get_ttl (domaine_record_rows_get_shown (self->rows, record));

  if (ttl == OVH_RECORD_TTL_ZONE_DEFAULT && self->zone != NULL)
    return ovh_zone_get_default_ttl (self->zone);
  return ttl;
}

static GtkExpression *
record_expression (DomaineZoneEditor *self, GType type, GCallback callback)
{
  return gtk_cclosure_expression_new (type, NULL, 0, NULL, callback, self, NULL);
}

static void
search_changed_cb (DomaineZoneEditor *self)
{
  domaine_record_filter_model_set_search (
      self->filter_model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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
  guint n_failed = self->changeset != NULL ? domaine_zone_editor_count_failed (self) : 0;
  g_autofree char *text = NULL;

  if (busy)
    {
      guint n_to_apply = ovh_changeset_get_n_to_apply (self->changeset);

      if (n_to_apply > 0)
        text = g_strdup_printf (
            ngettext ("Publishing %u change…", "Publishing %u changes…", n_to_apply), n_to_apply);
      else
        text = g_strdup (_ ("Publishing the zone…"));
    }
  else if (n_failed > 0)
    {
      g_autofree char *reason = NULL;

      if (self->publish_error != NULL)
        reason = ovh_error_dup_display_message (self->publish_error);
      text = g_strdup_printf (ngettext ("%u change could not be published",
                                        "%u changes could not be published", n_failed),
                              n_failed);
      if (n_pending > n_failed)
        {
          g_autofree char *more
              = g_strdup_printf (ngettext ("%s, %u other unpublished", "%s, %u others unpublished",
                                           n_pending - n_failed),
                                 text, n_pending - n_failed);
          g_free (text);
          text = g_steal_pointer (&more);
        }
    }
  else if (n_pending > 0)
    text = g_strdup_printf (ngettext ("%u unpublished change", "%u unpublished changes", n_pending),
                            n_pending);
  else if (needs_publish)
    text = g_strdup (_ ("Changes were sent but the zone was not published"));

  gtk_revealer_set_reveal_child (self->changes_revealer, text != NULL);
  if (text != NULL)
    gtk_label_set_label (self->changes_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->publish_spinner), busy);
  gtk_spinner_set_spinning (self->publish_spinner, busy);
  gtk_widget_set_visible (self->changes_error_icon,
                          !busy && (n_failed > 0 || (n_pending == 0 && needs_publish)));
  gtk_widget_set_visible (self->review_button, n_pending > 0);
  gtk_widget_set_sensitive (self->review_button, !busy);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.publish",
                                 !busy && (n_pending > 0 || needs_publish));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.review", !busy && n_pending > 0);
}

static void
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

/* Unpublished changes on disk ------------------------------------------------------------ */

char *
domaine_zone_editor_dup_pending_path (DomaineZoneEditor *self, OvhZone *zone)
{
  const char *account_id = "default";
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (DOMAINE_IS_ZONE_EDITOR (self), NULL);
  g_return_val_if_fail (OVH_IS_ZONE (zone), NULL);

  if (self->session != NULL)
    account_id = ovh_account_get_id (domaine_session_get_account (self->session));
  file_name = g_strdup_printf ("%s.json", ovh_zone_get_name (zone));
  return g_build_filename (g_get_user_data_dir (), "domaine", "pending", account_id, file_name,
                           NULL);
}

/* Every change to the set is written at once: nothing typed is lost if the app dies. */
static void
domaine_zone_editor_save_changeset (DomaineZoneEditor *self, OvhChangeset *changeset)
{
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (ovh_changeset_get_busy (changeset))
    return;

  path = domaine_zone_editor_dup_pending_path (self, zone);
  if (ovh_changeset_get_n_pending (changeset) == 0 && !ovh_changeset_get_needs_publish (changeset))
    {
      g_unlink (path);
      return;
    }

  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_mkdir_with_parents (dir, 0700);
  }
  if (!ovh_changeset_save_to_file (changeset, path, &error))
    g_warning ("Could not keep the unpublished changes of %s: %s", ovh_zone_get_name (zone),
               error->message);
}

static void
domaine_zone_editor_save_pending (DomaineZoneEditor *self)
{
  if (self->changeset != NULL && !self->restoring)
    domaine_zone_editor_save_changeset (self, self->changeset);
}

static void
domaine_zone_editor_restore_pending (DomaineZoneEditor *self)
{
  g_autofree char *path = domaine_zone_editor_dup_pending_path (self, self->zone);
  g_autoptr (GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || domaine_zone_editor_get_n_unpublished (self) > 0)
    return;

  self->restoring = TRUE;
  if (!ovh_changeset_load_from_file (self->changeset, path, &error))
    g_warning ("Could not restore the unpublished changes of %s: %s",
               ovh_zone_get_name (self->zone), error->message);
  self->restoring = FALSE;
}

static void
changeset_changed_cb (DomaineZoneEditor *self)
{
  domaine_zone_editor_save_pending (self);
  pending_changed_cb (self);
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
    domaine_zone_editor_restore_pending (self);

  if (zone == self->zone)
    domaine_zone_editor_update_state (self);
}

static void
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
  g_clear_error (&self->publish_error);
  g_ptr_array_set_size (self->undo_actions, 0);

  gtk_sort_list_model_set_model (self->sort_model, NULL);
  domaine_record_filter_model_set_rows (self->filter_model, NULL);
  g_signal_group_set_target (self->changeset_signals, NULL);
  g_signal_group_set_target (self->zone_signals, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->changeset);
  g_set_object (&self->zone, zone);

  if (zone != NULL)
    {
      self->cancellable = g_cancellable_new ();
      self->changeset = ovh_changeset_new (zone);
      self->rows = domaine_record_rows_new (self->changeset);
      g_signal_group_set_target (self->zone_signals, zone);
      g_signal_group_set_target (self->changeset_signals, self->changeset);
      /* Before the rows arrive: the filter matches what they show. */
      domaine_record_filter_model_set_rows (self->filter_model, self->rows);
      gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->rows));

      if (ovh_zone_get_load_state (zone) == OVH_ZONE_LOAD_STATE_EMPTY)
        domaine_zone_editor_load (self, OVH_ZONE_LOAD_DEFAULT);
      else if (ovh_zone_get_load_state (zone) == OVH_ZONE_LOAD_STATE_LOADED)
        domaine_zone_editor_restore_pending (self);
    }

  domaine_zone_editor_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
  pending_changed_cb (self);
}

/* Selection ----------------------------------------------------------------------------- */

/* The selected rows, in view order (refs). */
static GPtrArray *
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

static void
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
}

/* The list item of the cell at (@x, @y) of the view, if any. */
static GtkListItem *
domaine_zone_editor_pick_list_item (DomaineZoneEditor *self, double x, double y)
{
  GtkWidget *view = GTK_WIDGET (self->column_view);

  for (GtkWidget *widget = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != view; widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *child = gtk_widget_get_first_child (widget);
      GtkListItem *list_item = g_object_get_qdata (G_OBJECT (widget), list_item_quark);

      /* A click in a cell's padding picks the cell itself, whose child is ours. */
      if (list_item == NULL && child != NULL)
        list_item = g_object_get_qdata (G_OBJECT (child), list_item_quark);
      if (list_item != NULL)
        return list_item;
    }
  return NULL;
}

static void
row_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, DomaineZoneEditor *self)
{
  GtkListItem *list_item = domaine_zone_editor_pick_list_item (self, x, y);
  guint position;
  graphene_point_t point;

  if (list_item == NULL)
    return;
  position = gtk_list_item_get_position (list_item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  domaine_zone_editor_update_selection_actions (self);

  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu_popover),
                               &(GdkRectangle){ (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu_popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Editing ------------------------------------------------------------------------------- */

static gboolean
editor_save_cb (DomaineRecordEditor *editor, OvhRecord *record, DomaineZoneEditor *self)
{
  OvhRecord *edited = g_object_get_data (G_OBJECT (editor), "row");
  g_autoptr (GError) error = NULL;
  OvhChange *change = NULL;

  if (self->changeset == NULL)
    return TRUE;

  if (domaine_record_editor_get_mode (editor) == DOMAINE_RECORD_EDITOR_CREATE || edited == NULL)
    change = ovh_changeset_stage_create (self->changeset, record, &error);
  else
    {
      OvhChange *staged = domaine_record_rows_get_change (self->rows, edited);

      if (staged != NULL && ovh_change_get_kind (staged) == OVH_CHANGE_KIND_CREATE)
        {
          if (!ovh_changeset_restage (self->changeset, staged, record, &error))
            goto failed;
          return TRUE;
        }
      if (domaine_record_editor_get_type_changed (editor))
        change = ovh_changeset_stage_change_type (self->changeset, ovh_record_get_id (edited),
                                                  record, &error);
      else
        {
          change = ovh_changeset_stage_update (self->changeset, ovh_record_get_id (edited), record,
                                               &error);
          if (change == NULL && error == NULL)
            return TRUE; /* back to what OVH has: nothing left to publish */
        }
    }

  if (change != NULL)
    {
      guint position;

      /* Show the row that was added or changed. */
      for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->selection));
           position++)
        {
          g_autoptr (OvhRecord) row
              = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
          if (domaine_record_rows_get_change (self->rows, row) == change)
            {
              gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position,
                                               TRUE);
              break;
            }
        }
      return TRUE;
    }

failed:
  domaine_record_editor_show_error (editor, error);
  return FALSE;
}

static void
domaine_zone_editor_open_editor (DomaineZoneEditor *self,
                                 OvhRecord *row,
                                 DomaineRecordEditorMode mode)
{
  DomaineRecordEditor *editor;
  OvhRecord *initial = row != NULL ? domaine_record_rows_get_shown (self->rows, row) : NULL;

  if (self->zone == NULL)
    return;

  editor = domaine_record_editor_new (self->zone, initial, mode);
  if (mode == DOMAINE_RECORD_EDITOR_EDIT && row != NULL)
    g_object_set_data_full (G_OBJECT (editor), "row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (editor, "save", G_CALLBACK (editor_save_cb), self, 0);
  gtk_window_set_transient_for (GTK_WINDOW (editor),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_zone_editor_open_editor (DOMAINE_ZONE_EDITOR (widget), NULL,
                                   DOMAINE_RECORD_EDITOR_CREATE);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);

  if (selected->len != 1)
    return;
  if (domaine_record_rows_get_state (self->rows, g_ptr_array_index (selected, 0))
      == DOMAINE_RECORD_STATE_DELETED)
    return;
  domaine_zone_editor_open_editor (self, g_ptr_array_index (selected, 0),
                                   DOMAINE_RECORD_EDITOR_EDIT);
}

static void
duplicate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);

  if (selected->len == 1)
    domaine_zone_editor_open_editor (self, g_ptr_array_index (selected, 0),
                                     DOMAINE_RECORD_EDITOR_CREATE);
}

static void
column_view_activate_cb (DomaineZoneEditor *self, guint position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.edit", NULL);
}

static void
undo_toast_clicked_cb (DomaineZoneEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.undo", NULL);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GPtrArray) undo_actions = g_ptr_array_new_with_free_func (undo_action_free);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->changeset == NULL || ovh_changeset_get_busy (self->changeset))
    return;

  for (guint i = 0; i < selected->len; i++)
    {
      OvhRecord *row = g_ptr_array_index (selected, i);
      OvhChange *change = domaine_record_rows_get_change (self->rows, row);
      g_autoptr (GError) error = NULL;
      UndoAction *undo;

      if (change != NULL && ovh_change_get_kind (change) == OVH_CHANGE_KIND_DELETE)
        continue;

      undo = g_new0 (UndoAction, 1);
      if (change != NULL && ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE)
        {
          /* A record that only exists here: forget it, keep a copy to bring it back. */
          undo->restage = ovh_record_dup (ovh_change_get_after (change));
          ovh_changeset_discard (self->changeset, change);
        }
      else
        {
          if (change != NULL)
            undo->restage = ovh_record_dup (ovh_change_get_after (change));
          undo->record_id = ovh_record_get_id (row);
          if (ovh_changeset_stage_delete (self->changeset, undo->record_id, &error) == NULL)
            {
              g_warning ("Could not stage the deletion: %s", error->message);
              undo_action_free (undo);
              continue;
            }
        }
      g_ptr_array_add (undo_actions, undo);
    }

  if (undo_actions->len == 0)
    return;

  g_ptr_array_unref (self->undo_actions);
  self->undo_actions = g_steal_pointer (&undo_actions);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.undo", TRUE);

  title = g_strdup_printf (
      ngettext ("%u record deleted", "%u records deleted", self->undo_actions->len),
      self->undo_actions->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _ ("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  domaine_zone_editor_add_toast (self, toast);
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) undo_actions = g_steal_pointer (&self->undo_actions);

  self->undo_actions = g_ptr_array_new_with_free_func (undo_action_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.undo", FALSE);
  if (self->changeset == NULL)
    return;

  for (guint i = 0; i < undo_actions->len; i++)
    {
      UndoAction *undo = g_ptr_array_index (undo_actions, i);
      g_autoptr (GError) error = NULL;

      if (undo->record_id != 0)
        {
          OvhChange *change = ovh_changeset_lookup (self->changeset, undo->record_id);

          if (change != NULL && ovh_change_get_kind (change) == OVH_CHANGE_KIND_DELETE)
            ovh_changeset_discard (self->changeset, change);
          if (undo->restage != NULL
              && !ovh_changeset_stage_update (self->changeset, undo->record_id, undo->restage,
                                              &error)
              && error != NULL)
            g_warning ("Could not restore the change: %s", error->message);
        }
      else if (undo->restage != NULL
               && ovh_changeset_stage_create (self->changeset, undo->restage, &error) == NULL)
        g_warning ("Could not restore the record: %s", error->message);
    }
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GPtrArray) changes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < selected->len; i++)
    {
      OvhChange *change
          = domaine_record_rows_get_change (self->rows, g_ptr_array_index (selected, i));
      if (change != NULL)
        g_ptr_array_add (changes, g_object_ref (change));
    }
  for (guint i = 0; i < changes->len; i++)
    ovh_changeset_discard (self->changeset, g_ptr_array_index (changes, i));
}

static void
copy_zone_line_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  g_autoptr (GPtrArray) selected = domaine_zone_editor_dup_selected (self);
  g_autoptr (GString) lines = g_string_new (NULL);

  for (guint i = 0; i < selected->len; i++)
    {
      OvhRecord *shown
          = domaine_record_rows_get_shown (self->rows, g_ptr_array_index (selected, i));
      g_autofree char *line = ovh_record_format_zone_line (shown);

      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
    }
  if (lines->len == 0)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), lines->str);
  domaine_zone_editor_add_toast (
      self, adw_toast_new (ngettext ("Zone line copied", "Zone lines copied", selected->len)));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);

  domaine_zone_editor_set_search_mode (
      self, !gtk_search_bar_get_search_mode (self->search_bar)
                || !gtk_widget_has_focus (GTK_WIDGET (self->search_entry)));
}

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

/* Reload ------------------------------------------------------------------------------- */

static void
reload_response_cb (AdwMessageDialog *dialog, const char *response, DomaineZoneEditor *self)
{
  if (g_strcmp0 (response, "discard") != 0 || self->changeset == NULL)
    return;
  ovh_changeset_discard_all (self->changeset);
  domaine_zone_editor_load (self, OVH_ZONE_LOAD_BYPASS_CACHE);
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  guint n_pending;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->zone == NULL || ovh_zone_get_load_state (self->zone) == OVH_ZONE_LOAD_STATE_LOADING
      || domaine_zone_editor_get_busy (self))
    return;

  n_pending = ovh_changeset_get_n_pending (self->changeset);
  if (n_pending == 0)
    {
      domaine_zone_editor_load (self, OVH_ZONE_LOAD_BYPASS_CACHE);
      return;
    }

  body = g_strdup_printf (ngettext ("Reloading discards the %u unpublished change.",
                                    "Reloading discards the %u unpublished changes.", n_pending),
                          n_pending);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _ ("Discard Changes and Reload?"), body));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "discard",
                                    _ ("_Discard and Reload"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_load_query_id_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  const char *query_id
      = self->load_error != NULL ? ovh_error_get_query_id (self->load_error) : NULL;

  if (query_id == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), query_id);
  domaine_zone_editor_add_toast (self, adw_toast_new (_ ("Query ID copied")));
}

/* Publishing ---------------------------------------------------------------------------- */

static void
domaine_zone_editor_publish_done (DomaineZoneEditor *self, GTask *task, GError *error)
{
  g_clear_error (&self->publish_error);
  if (error == NULL)
    {
      domaine_zone_editor_add_toast (self, adw_toast_new (_ ("Zone published")));
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GListModel *changes = ovh_changeset_get_changes (self->changeset);
          const GError *first = error;

          self->publish_error = g_error_copy (error);
          /* An expired key or a missing right shows once, on the account. */
          for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
            {
              g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

              if (ovh_change_get_error (change) != NULL)
                {
                  first = ovh_change_get_error (change);
                  break;
                }
            }
          domaine_zone_editor_report_error (self, first);
        }
      g_task_return_error (task, error);
    }
  domaine_zone_editor_save_pending (self);
  domaine_zone_editor_update_state (self);
  domaine_zone_editor_update_selection_actions (self);
  pending_changed_cb (self);
}

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DomaineZoneEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (OVH_CHANGESET (source) != self->changeset)
    {
      /* The user went to another domain meanwhile: the publish went on, its file follows. */
      ovh_changeset_apply_finish (OVH_CHANGESET (source), result, &error);
      domaine_zone_editor_save_changeset (self, OVH_CHANGESET (source));
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Zone switched");
      g_clear_error (&error);
      return;
    }
  ovh_changeset_apply_finish (OVH_CHANGESET (source), result, &error);
  domaine_zone_editor_publish_done (self, task, error);
}

static void
published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DomaineZoneEditor *self = g_task_get_source_object (task);
  GError *error = NULL;

  ovh_changeset_publish_finish (OVH_CHANGESET (source), result, &error);
  if (OVH_CHANGESET (source) != self->changeset)
    {
      domaine_zone_editor_save_changeset (self, OVH_CHANGESET (source));
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Zone switched");
      return;
    }
  domaine_zone_editor_publish_done (self, task, error);
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

  if (self->changeset == NULL || domaine_zone_editor_get_busy (self))
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY, "%s",
                               _ ("The zone is being published"));
      return;
    }

  if (ovh_changeset_get_n_pending (self->changeset) > 0)
    /* Not the zone's cancellable: a publish under way finishes even if the user moves on. */
    ovh_changeset_apply_async (self->changeset, cancellable, applied_cb, g_steal_pointer (&task));
  else if (ovh_changeset_get_needs_publish (self->changeset))
    ovh_changeset_publish_async (self->changeset, cancellable, published_cb,
                                 g_steal_pointer (&task));
  else
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  pending_changed_cb (self);
}

gboolean
domaine_zone_editor_publish_finish (DomaineZoneEditor *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_zone_editor_publish_async (DOMAINE_ZONE_EDITOR (widget), NULL, NULL, NULL);
}

static void
review_publish_cb (DomaineZoneEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "zone.publish", NULL);
}

static void
review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneEditor *self = DOMAINE_ZONE_EDITOR (widget);
  DomaineReviewDialog *dialog;

  if (self->changeset == NULL)
    return;
  dialog = domaine_review_dialog_new (self->changeset);
  g_signal_connect_object (dialog, "publish", G_CALLBACK (review_publish_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
filter_items_changed_cb (DomaineZoneEditor *self)
{
  domaine_zone_editor_update_state (self);
}

static void
domaine_zone_editor_setup_columns (DomaineZoneEditor *self)
{
  struct
  {
    GtkColumnViewColumn *column;
    GCallback setup;
    GCallback bind;
    GtkSorter *sorter;
  } columns[] = {
    { self->name_column, G_CALLBACK (name_setup_cb), G_CALLBACK (name_bind_cb),
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_name_cb)))) },
    { self->type_column, G_CALLBACK (type_setup_cb), G_CALLBACK (type_bind_cb),
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_type_cb)))) },
    { self->ttl_column, G_CALLBACK (ttl_setup_cb), G_CALLBACK (ttl_bind_cb),
      GTK_SORTER (gtk_numeric_sorter_new (
          record_expression (self, G_TYPE_UINT, G_CALLBACK (sort_ttl_cb)))) },
    { self->value_column, G_CALLBACK (value_setup_cb), G_CALLBACK (value_bind_cb),
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_value_cb)))) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", columns[i].setup, self);
      g_signal_connect (factory, "bind", columns[i].bind, self);
      gtk_column_view_column_set_factory (columns[i].column, factory);
      gtk_column_view_column_set_sorter (columns[i].column, columns[i].sorter);
      g_object_unref (columns[i].sorter);
    }
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

  /* The sorters' expressions call back into self: drop them with the view. */
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_ZONE_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

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
  g_clear_error (&self->load_error);
  g_clear_error (&self->publish_error);
  g_clear_pointer (&self->undo_actions, g_ptr_array_unref);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  list_item_quark = g_quark_from_static_string ("domaine-zone-editor-list-item");
  shown_quark = g_quark_from_static_string ("domaine-zone-editor-shown");

  g_type_ensure (DOMAINE_TYPE_RECORD_FILTER_MODEL);
  g_type_ensure (DOMAINE_TYPE_RECORD_SLOTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-zone-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "zoneeditor");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, changes_revealer);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, publish_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, changes_error_icon);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, changes_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, review_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, publish_button);
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
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, failed_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, failed_query_id_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneEditor, row_menu);

  gtk_widget_class_install_action (widget_class, "zone.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "zone.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "zone.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "zone.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "zone.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "zone.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "zone.copy-zone-line", NULL,
                                   copy_zone_line_action);
  gtk_widget_class_install_action (widget_class, "zone.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "zone.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "zone.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "zone.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "zone.copy-load-query-id", NULL,
                                   copy_load_query_id_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "zone.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "zone.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "zone.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "zone.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "zone.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "zone.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "zone.reload",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "zone.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "zone.copy-zone-line", NULL);
}

static void
domaine_zone_editor_init (DomaineZoneEditor *self)
{
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);
  const char *const *names = ovh_record_type_get_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);

  self->undo_actions = g_ptr_array_new_with_free_func (undo_action_free);

  gtk_string_list_append (types, _ ("All Types"));
  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (types, names[i]);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  g_signal_connect_object (self->type_dropdown, "notify::selected",
                           G_CALLBACK (type_dropdown_changed_cb), self, G_CONNECT_SWAPPED);

  domaine_zone_editor_setup_columns (self);
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
                                  G_CALLBACK (changeset_changed_cb), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::needs-publish",
                                  G_CALLBACK (changeset_changed_cb), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::busy",
                                  G_CALLBACK (pending_changed_cb), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::n-done",
                                  G_CALLBACK (domaine_zone_editor_update_changes_bar), self);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::n-to-apply",
                                  G_CALLBACK (domaine_zone_editor_update_changes_bar), self);

  domaine_zone_editor_update_state (self);
  domaine_zone_editor_update_selection_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "zone.undo", FALSE);
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
