/* domaine-record-columns.c: the cells of the zone editor's columns, their tooltips and sorters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binding a row must stay cheap, since a keystroke rebinds every visible row: tooltips are
 * computed when asked for ("query-tooltip") rather than set in bind, because on GTK 4.8
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is, a round trip per
 * cell; accessible properties are only updated when they change; and icons are made the
 * first time a row needs one.
 *
 * Lint runs over the zone with its staged changes on a thread, a moment after the last change
 * (a burst of edits or a load lints once); its findings then update the rows on screen only.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "domaine-record-columns.h"
#include "domaine-record-slot.h"
#include "ovh-error.h"
#include "ovh-lint.h"

/* After the last change, before linting: typing and loads come in bursts. */
#define LINT_DELAY_MS 150

struct _DomaineRecordColumns
{
  GObject parent_instance;

  DomaineRecordRows *rows;
  OvhRecordNotes *notes;
  GHashTable *bound_note_cells; /* GtkListItem of the note column, bound now */
  GHashTable *findings;         /* row (OvhRecord) → its worst OvhLintFinding */
  GHashTable *bound_name_cells; /* GtkListItem of the name column, bound now */
  GCancellable *lint_cancellable;
  GPtrArray *linted_records; /* what the running lint reads copies of, in the same order */
  guint lint_source;
};

G_DEFINE_FINAL_TYPE (DomaineRecordColumns, domaine_record_columns, G_TYPE_OBJECT)

static GQuark columns_quark; /* on a list item: the DomaineRecordColumns it belongs to */

static OvhZone *
domaine_record_columns_get_zone (DomaineRecordColumns *self)
{
  return ovh_changeset_get_zone (domaine_record_rows_get_changeset (self->rows));
}

/* Cell contents ------------------------------------------------------------------------- */

static GQuark list_item_quark; /* on a cell's child: its GtkListItem */
static GQuark shown_quark;     /* on a widget: what it shows now, so a rebind can skip it */
static GQuark lint_icon_quark; /* on a name cell: its lint icon, once it needed one */

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

/* The columns and the record behind a cell's widget, when it has one. */
static OvhRecord *
cell_widget_get_record (GtkWidget *widget, GtkListItem *list_item, DomaineRecordColumns **columns)
{
  DomaineRecordColumns *self = g_object_get_qdata (G_OBJECT (list_item), columns_quark);
  OvhRecord *record = list_item_get_record (list_item);

  if (self == NULL || record == NULL || self->rows == NULL)
    return NULL;
  *columns = self;
  return record;
}

static void
cell_set_list_item (DomaineRecordColumns *self, GtkWidget *child, GtkListItem *list_item)
{
  g_object_set_qdata (G_OBJECT (child), list_item_quark, list_item);
  g_object_set_qdata (G_OBJECT (list_item), columns_quark, self);
  gtk_list_item_set_child (list_item, child);
}

static gboolean
marker_query_tooltip_cb (
    GtkWidget *marker, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineRecordColumns *self;
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

static GtkWidget *
name_cell_get_label (GtkWidget *box)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  while (child != NULL && !GTK_IS_LABEL (child))
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem *list_item,
               DomaineRecordColumns *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  cell_set_list_item (self, box, list_item);
}

static const char *
severity_icon (OvhLintSeverity severity)
{
  return severity == OVH_LINT_SEVERITY_ERROR ? "dialog-error-symbolic" : "dialog-warning-symbolic";
}

/* The icon after the name of a record lint has something to say about. */
static void
name_cell_update_lint (DomaineRecordColumns *self, GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = g_object_get_qdata (G_OBJECT (box), lint_icon_quark);
  OvhRecord *record = list_item_get_record (list_item);
  OvhLintFinding *finding = record != NULL && self->findings != NULL
                                ? g_hash_table_lookup (self->findings, record)
                                : NULL;
  const char *message;
  OvhLintSeverity severity;

  if (finding == NULL)
    {
      if (icon != NULL)
        gtk_widget_set_visible (icon, FALSE);
      return;
    }
  if (icon == NULL)
    {
      icon = gtk_image_new ();
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), icon);
      g_object_set_qdata (G_OBJECT (box), lint_icon_quark, icon);
    }
  gtk_widget_set_visible (icon, TRUE);

  /* Only when it changes: setting a tooltip costs a round trip to the X server on GTK 4.8. */
  message = ovh_lint_finding_get_message (finding);
  severity = ovh_lint_finding_get_severity (finding);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (icon), message) == 0
      && g_object_get_qdata (G_OBJECT (icon), shown_quark) == GUINT_TO_POINTER (severity + 1))
    return;
  g_object_set_qdata (G_OBJECT (icon), shown_quark, GUINT_TO_POINTER (severity + 1));
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), severity_icon (severity));
  widget_set_css_class (icon, "error", severity == OVH_LINT_SEVERITY_ERROR);
  widget_set_css_class (icon, "warning", severity != OVH_LINT_SEVERITY_ERROR);
  gtk_widget_set_tooltip_text (icon, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ovh_lint_severity_get_label (severity),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineRecordColumns *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = name_cell_get_label (box);
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
  name_cell_update_lint (self, list_item);
  g_hash_table_add (self->bound_name_cells, list_item);
}

static void
name_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem *list_item,
                DomaineRecordColumns *self)
{
  g_hash_table_remove (self->bound_name_cells, list_item);
}

static gboolean
type_query_tooltip_cb (
    GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineRecordColumns *self;
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
type_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem *list_item,
               DomaineRecordColumns *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "record-type-pill");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (type_query_tooltip_cb), list_item);
  cell_set_list_item (self, label, list_item);
}

static void
type_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineRecordColumns *self)
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
  DomaineRecordColumns *self;
  OvhRecord *record = cell_widget_get_record (label, list_item, &self);
  g_autofree char *text = NULL;
  guint zone_ttl;

  if (record == NULL
      || ovh_record_get_ttl (domaine_record_rows_get_shown (self->rows, record))
             != OVH_RECORD_TTL_ZONE_DEFAULT)
    return FALSE;
  zone_ttl = ovh_zone_get_default_ttl (domaine_record_columns_get_zone (self));
  if (zone_ttl == 0)
    return FALSE;
  /* Translators: the zone's default TTL, in seconds. */
  text = g_strdup_printf (_ ("The zone’s default: %u seconds"), zone_ttl);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ttl_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineRecordColumns *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (ttl_query_tooltip_cb), list_item);
  cell_set_list_item (self, label, list_item);
}

static void
ttl_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineRecordColumns *self)
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
  DomaineRecordColumns *self;
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
value_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem *list_item,
                DomaineRecordColumns *self)
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
  cell_set_list_item (self, box, list_item);
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
value_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem *list_item,
               DomaineRecordColumns *self)
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

/* Sorting ----------------------------------------------------------------- */

static char *
sort_name_cb (OvhRecord *record, DomaineRecordColumns *self)
{
  return g_strdup (
      ovh_record_get_display_name (domaine_record_rows_get_shown (self->rows, record)));
}

static char *
sort_type_cb (OvhRecord *record, DomaineRecordColumns *self)
{
  return g_strdup (ovh_record_get_field_type (domaine_record_rows_get_shown (self->rows, record)));
}

static char *
sort_value_cb (OvhRecord *record, DomaineRecordColumns *self)
{
  return g_strdup (ovh_record_get_target (domaine_record_rows_get_shown (self->rows, record)));
}

static guint
sort_ttl_cb (OvhRecord *record, DomaineRecordColumns *self)
{
  guint ttl = ovh_record_get_ttl (domaine_record_rows_get_shown (self->rows, record));

  if (ttl == OVH_RECORD_TTL_ZONE_DEFAULT)
    return ovh_zone_get_default_ttl (domaine_record_columns_get_zone (self));
  return ttl;
}

static GtkExpression *
record_expression (DomaineRecordColumns *self, GType type, GCallback callback)
{
  return gtk_cclosure_expression_new (type, NULL, 0, NULL, callback, self, NULL);
}

/* Notes ---------------------------------------------------------------------------------- */

/* The note of a row: by id for the zone's records, by what it shows for a staged create. */
const char *
domaine_record_columns_get_note (DomaineRecordColumns *self, OvhRecord *row)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_COLUMNS (self), NULL);

  if (self->notes == NULL || row == NULL || self->rows == NULL)
    return NULL;
  if (ovh_record_get_id (row) != 0)
    return ovh_record_notes_lookup_id (self->notes, ovh_record_get_id (row));
  return ovh_record_notes_lookup (self->notes, domaine_record_rows_get_shown (self->rows, row));
}

/* The whole note, when the cell shows only its start. */
static gboolean
note_query_tooltip_cb (
    GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip, GtkListItem *list_item)
{
  DomaineRecordColumns *self;
  OvhRecord *record = cell_widget_get_record (label, list_item, &self);
  const char *note = record != NULL ? domaine_record_columns_get_note (self, record) : NULL;

  if (note == NULL
      || (strchr (note, '\n') == NULL
          && !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, note);
  return TRUE;
}

static void
note_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem *list_item,
               DomaineRecordColumns *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "record-note");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (note_query_tooltip_cb), list_item);
  cell_set_list_item (self, label, list_item);
}

/* The first line of the note; the tooltip has the rest. */
static void
note_cell_update (DomaineRecordColumns *self, GtkListItem *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  OvhRecord *record = list_item_get_record (list_item);
  const char *note = record != NULL ? domaine_record_columns_get_note (self, record) : NULL;
  const char *end = note != NULL ? strchr (note, '\n') : NULL;

  if (end != NULL)
    {
      g_autofree char *first = g_strndup (note, (gsize) (end - note));
      g_autofree char *text = g_strconcat (first, " …", NULL);

      gtk_label_set_label (GTK_LABEL (label), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (label), note != NULL ? note : "");
  if (record != NULL)
    cell_set_state (label, domaine_record_rows_get_state (self->rows, record));
}

static void
note_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineRecordColumns *self)
{
  note_cell_update (self, list_item);
  g_hash_table_add (self->bound_note_cells, list_item);
}

static void
note_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem *list_item,
                DomaineRecordColumns *self)
{
  g_hash_table_remove (self->bound_note_cells, list_item);
}

/* A note was set or cleared: only the rows on screen change. */
static void
notes_changed_cb (DomaineRecordColumns *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound_note_cells);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    note_cell_update (self, list_item);
}

void
domaine_record_columns_set_notes (DomaineRecordColumns *self, OvhRecordNotes *notes)
{
  g_return_if_fail (DOMAINE_IS_RECORD_COLUMNS (self));
  g_return_if_fail (notes == NULL || OVH_IS_RECORD_NOTES (notes));

  if (self->notes == notes)
    return;
  if (self->notes != NULL)
    g_signal_handlers_disconnect_by_func (self->notes, notes_changed_cb, self);
  g_set_object (&self->notes, notes);
  if (notes != NULL)
    g_signal_connect_swapped (notes, "changed", G_CALLBACK (notes_changed_cb), self);
  notes_changed_cb (self);
}

static char *
sort_note_cb (OvhRecord *record, DomaineRecordColumns *self)
{
  return g_strdup (domaine_record_columns_get_note (self, record));
}

void
domaine_record_columns_attach_note (DomaineRecordColumns *self, GtkColumnViewColumn *note_column)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkSorter) sorter = NULL;

  g_return_if_fail (DOMAINE_IS_RECORD_COLUMNS (self));

  g_signal_connect (factory, "setup", G_CALLBACK (note_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (note_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (note_unbind_cb), self);
  gtk_column_view_column_set_factory (note_column, factory);
  sorter = GTK_SORTER (
      gtk_string_sorter_new (record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_note_cb))));
  gtk_column_view_column_set_sorter (note_column, sorter);
}

void
domaine_record_columns_attach (DomaineRecordColumns *self,
                               GtkColumnViewColumn *name_column,
                               GtkColumnViewColumn *type_column,
                               GtkColumnViewColumn *ttl_column,
                               GtkColumnViewColumn *value_column)
{
  g_return_if_fail (DOMAINE_IS_RECORD_COLUMNS (self));

  struct
  {
    GtkColumnViewColumn *column;
    GCallback setup;
    GCallback bind;
    GCallback unbind;
    GtkSorter *sorter;
  } columns[] = {
    { name_column, G_CALLBACK (name_setup_cb), G_CALLBACK (name_bind_cb),
      G_CALLBACK (name_unbind_cb),
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_name_cb)))) },
    { type_column, G_CALLBACK (type_setup_cb), G_CALLBACK (type_bind_cb), NULL,
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_type_cb)))) },
    { ttl_column, G_CALLBACK (ttl_setup_cb), G_CALLBACK (ttl_bind_cb), NULL,
      GTK_SORTER (gtk_numeric_sorter_new (
          record_expression (self, G_TYPE_UINT, G_CALLBACK (sort_ttl_cb)))) },
    { value_column, G_CALLBACK (value_setup_cb), G_CALLBACK (value_bind_cb), NULL,
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_value_cb)))) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", columns[i].setup, self);
      g_signal_connect (factory, "bind", columns[i].bind, self);
      if (columns[i].unbind != NULL)
        g_signal_connect (factory, "unbind", columns[i].unbind, self);
      gtk_column_view_column_set_factory (columns[i].column, factory);
      gtk_column_view_column_set_sorter (columns[i].column, columns[i].sorter);
      g_object_unref (columns[i].sorter);
    }
}

/* The list item of the cell at (@x, @y) of the view, if any. */
GtkListItem *
domaine_record_columns_pick_list_item (GtkColumnView *column_view, double x, double y)
{
  GtkWidget *view = GTK_WIDGET (column_view);

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

/* Lint ---------------------------------------------------------------------------------- */

/* The row showing @record, a record of the zone's effective records (see
 * ovh_lint_effective_records()): the zone's record with its id, or a staged create's row. */
static OvhRecord *
domaine_record_columns_dup_row (DomaineRecordColumns *self, OvhRecord *record)
{
  OvhChangeset *changeset = domaine_record_rows_get_changeset (self->rows);
  GListModel *changes = ovh_changeset_get_changes (changeset);
  guint position;

  OvhRecord *row = ovh_record_get_id (record) != 0 ? ovh_zone_find_record_by_id (
                       ovh_changeset_get_zone (changeset), ovh_record_get_id (record))
                                                   : NULL;

  if (row != NULL)
    return g_object_ref (row);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      if (ovh_change_get_after (change) == record
          && domaine_record_rows_find_change (self->rows, change, &position))
        return g_list_model_get_item (G_LIST_MODEL (self->rows), position);
    }
  return NULL;
}

static void
lint_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DomaineRecordColumns *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) findings = ovh_lint_zone_finish (result, &error);
  GHashTableIter iter;
  gpointer list_item;

  /* Cancelled: @self may be gone, or another lint is on its way. */
  if (findings == NULL)
    return;
  g_clear_object (&self->lint_cancellable);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  self->findings = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  /* Errors come first: a row keeps its worst finding. */
  for (guint i = 0; i < findings->len; i++)
    {
      OvhLintFinding *finding = findings->pdata[i];
      guint index = ovh_lint_finding_get_index (finding);
      OvhRecord *row;

      /* The thread linted copies: the finding's index tells which record it is about. */
      if (index >= self->linted_records->len
          || ovh_lint_finding_get_severity (finding) == OVH_LINT_SEVERITY_INFO)
        continue;
      row = domaine_record_columns_dup_row (self, self->linted_records->pdata[index]);
      if (row == NULL)
        continue;
      if (g_hash_table_contains (self->findings, row))
        g_object_unref (row);
      else
        g_hash_table_insert (self->findings, row, g_object_ref (finding));
    }

  g_hash_table_iter_init (&iter, self->bound_name_cells);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    name_cell_update_lint (self, list_item);
}

static gboolean
lint_cb (gpointer data)
{
  DomaineRecordColumns *self = data;
  OvhChangeset *changeset = domaine_record_rows_get_changeset (self->rows);
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  self->lint_source = 0;
  g_cancellable_cancel (self->lint_cancellable);
  g_clear_object (&self->lint_cancellable);
  self->lint_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->linted_records, g_ptr_array_unref);
  self->linted_records = ovh_lint_effective_records (ovh_zone_get_records (zone), changeset);
  /* No DNS: what the zone says is enough for the rows, and never waits on the network. */
  ovh_lint_zone_async (ovh_zone_get_name (zone), self->linted_records, NULL, self->lint_cancellable,
                       lint_done_cb, self);
  return G_SOURCE_REMOVE;
}

static void
rows_changed_cb (DomaineRecordColumns *self)
{
  g_clear_handle_id (&self->lint_source, g_source_remove);
  self->lint_source = g_timeout_add (LINT_DELAY_MS, lint_cb, self);
}

OvhLintFinding *
domaine_record_columns_get_finding (DomaineRecordColumns *self, OvhRecord *row)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_COLUMNS (self), NULL);
  return self->findings != NULL ? g_hash_table_lookup (self->findings, row) : NULL;
}

static void
domaine_record_columns_dispose (GObject *object)
{
  DomaineRecordColumns *self = DOMAINE_RECORD_COLUMNS (object);

  domaine_record_columns_set_rows (self, NULL);
  domaine_record_columns_set_notes (self, NULL);

  G_OBJECT_CLASS (domaine_record_columns_parent_class)->dispose (object);
}

static void
domaine_record_columns_finalize (GObject *object)
{
  DomaineRecordColumns *self = DOMAINE_RECORD_COLUMNS (object);

  g_clear_pointer (&self->bound_name_cells, g_hash_table_unref);
  g_clear_pointer (&self->bound_note_cells, g_hash_table_unref);

  G_OBJECT_CLASS (domaine_record_columns_parent_class)->finalize (object);
}

static void
domaine_record_columns_class_init (DomaineRecordColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_record_columns_dispose;
  object_class->finalize = domaine_record_columns_finalize;

  list_item_quark = g_quark_from_static_string ("domaine-record-columns-list-item");
  shown_quark = g_quark_from_static_string ("domaine-record-columns-shown");
  columns_quark = g_quark_from_static_string ("domaine-record-columns");
  lint_icon_quark = g_quark_from_static_string ("domaine-record-columns-lint-icon");
}

static void
domaine_record_columns_init (DomaineRecordColumns *self)
{
  self->bound_name_cells = g_hash_table_new (NULL, NULL);
  self->bound_note_cells = g_hash_table_new (NULL, NULL);
}

DomaineRecordColumns *
domaine_record_columns_new (void)
{
  return g_object_new (DOMAINE_TYPE_RECORD_COLUMNS, NULL);
}

void
domaine_record_columns_set_rows (DomaineRecordColumns *self, DomaineRecordRows *rows)
{
  g_return_if_fail (DOMAINE_IS_RECORD_COLUMNS (self));
  g_return_if_fail (rows == NULL || DOMAINE_IS_RECORD_ROWS (rows));

  if (self->rows == rows)
    return;
  /* What was linted belongs to the zone shown before. */
  g_clear_handle_id (&self->lint_source, g_source_remove);
  g_cancellable_cancel (self->lint_cancellable);
  g_clear_object (&self->lint_cancellable);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->linted_records, g_ptr_array_unref);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_set_object (&self->rows, rows);
  if (rows != NULL)
    {
      g_signal_connect_swapped (rows, "items-changed", G_CALLBACK (rows_changed_cb), self);
      rows_changed_cb (self);
    }
}
