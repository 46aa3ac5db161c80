/* domaine-record-columns.c: the cells of the zone editor's columns, their tooltips and sorters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binding a row must stay cheap, since a keystroke rebinds every visible row: tooltips are
 * computed when asked for ("query-tooltip") rather than set in bind, because on GTK 4.8
 * gtk_widget_set_tooltip_text() asks the X server where the pointer is, a round trip per
 * cell; accessible properties are only updated when they change; and icons are made the
 * first time a row needs one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-record-columns.h"
#include "domaine-record-slot.h"
#include "ovh-error.h"

struct _DomaineRecordColumns
{
  GObject parent_instance;

  DomaineRecordRows *rows;
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

static void
name_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineRecordColumns *self)
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
    GtkSorter *sorter;
  } columns[] = {
    { name_column, G_CALLBACK (name_setup_cb), G_CALLBACK (name_bind_cb),
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_name_cb)))) },
    { type_column, G_CALLBACK (type_setup_cb), G_CALLBACK (type_bind_cb),
      GTK_SORTER (gtk_string_sorter_new (
          record_expression (self, G_TYPE_STRING, G_CALLBACK (sort_type_cb)))) },
    { ttl_column, G_CALLBACK (ttl_setup_cb), G_CALLBACK (ttl_bind_cb),
      GTK_SORTER (gtk_numeric_sorter_new (
          record_expression (self, G_TYPE_UINT, G_CALLBACK (sort_ttl_cb)))) },
    { value_column, G_CALLBACK (value_setup_cb), G_CALLBACK (value_bind_cb),
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

static void
domaine_record_columns_dispose (GObject *object)
{
  DomaineRecordColumns *self = DOMAINE_RECORD_COLUMNS (object);

  g_clear_object (&self->rows);

  G_OBJECT_CLASS (domaine_record_columns_parent_class)->dispose (object);
}

static void
domaine_record_columns_class_init (DomaineRecordColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_record_columns_dispose;

  list_item_quark = g_quark_from_static_string ("domaine-record-columns-list-item");
  shown_quark = g_quark_from_static_string ("domaine-record-columns-shown");
  columns_quark = g_quark_from_static_string ("domaine-record-columns");
}

static void
domaine_record_columns_init (DomaineRecordColumns *self)
{
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

  g_set_object (&self->rows, rows);
}
