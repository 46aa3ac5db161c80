/* domaine-zone-diff-view.c: the differences between two states of a zone, record by record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-zone-diff-view.h"

struct _DomaineZoneDiffView
{
  GtkWidget parent_instance;

  OvhZoneDiff *diff;

  /* Template children */
  GtkLabel *summary_label;
  GtkListView *list_view;
  GtkMultiSelection *selection;
};

G_DEFINE_FINAL_TYPE (DomaineZoneDiffView, domaine_zone_diff_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_DIFF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
domaine_zone_diff_view_format_counts (OvhZoneDiff *diff)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (OVH_IS_ZONE_DIFF (diff), NULL);

  if (ovh_zone_diff_get_n_added (diff) > 0)
    g_string_append_printf (out, "+%u", ovh_zone_diff_get_n_added (diff));
  if (ovh_zone_diff_get_n_removed (diff) > 0)
    g_string_append_printf (out, "%s−%u", out->len > 0 ? " " : "",
                            ovh_zone_diff_get_n_removed (diff));
  if (ovh_zone_diff_get_n_changed (diff) > 0)
    g_string_append_printf (out, "%s~%u", out->len > 0 ? " " : "",
                            ovh_zone_diff_get_n_changed (diff));
  if (out->len == 0)
    g_string_append (out, "=");
  return g_string_free (out, FALSE);
}

static char *
format_ttl (guint ttl)
{
  /* Translators: a TTL of 0, which means the zone's default */
  return ttl == 0 ? g_strdup (_ ("default")) : g_strdup_printf ("%u", ttl);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *sign = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_width_chars (GTK_LABEL (sign), 2);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_width_chars (GTK_LABEL (name), 14);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (type), 0);
  gtk_label_set_width_chars (GTK_LABEL (type), 6);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), FALSE);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_box_append (GTK_BOX (box), sign);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), type);
  gtk_box_append (GTK_BOX (box), value);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  OvhZoneDiffItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *sign = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (sign);
  GtkWidget *type = gtk_widget_get_next_sibling (name);
  GtkWidget *value = gtk_widget_get_next_sibling (type);
  OvhRecord *before = ovh_zone_diff_item_get_before (item);
  OvhRecord *after = ovh_zone_diff_item_get_after (item);
  OvhRecord *record = ovh_zone_diff_item_get_record (item);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  const char *sign_text;
  const char *kind;
  const char *css;

  switch (ovh_zone_diff_item_get_kind (item))
    {
    case OVH_ZONE_DIFF_ADDED:
      sign_text = "+";
      kind = _ ("Added");
      css = "success";
      break;
    case OVH_ZONE_DIFF_REMOVED:
      sign_text = "−";
      kind = _ ("Removed");
      css = "error";
      break;
    default:
      sign_text = "~";
      kind = _ ("Changed");
      css = "warning";
    }

  if (ovh_zone_diff_item_get_ttl_only (item))
    {
      g_autofree char *from = format_ttl (ovh_record_get_ttl (before));
      g_autofree char *to = format_ttl (ovh_record_get_ttl (after));

      /* Translators: a record value, then its TTL before and after */
      text = g_strdup_printf (_ ("%s (TTL %s → %s)"), ovh_record_get_target (record), from, to);
    }
  else if (before != NULL && after != NULL)
    text = g_strdup_printf ("%s → %s", ovh_record_get_target (before),
                            ovh_record_get_target (after));
  else
    text = g_strdup (ovh_record_get_target (record));

  gtk_label_set_label (GTK_LABEL (sign), sign_text);
  gtk_widget_remove_css_class (sign, "success");
  gtk_widget_remove_css_class (sign, "error");
  gtk_widget_remove_css_class (sign, "warning");
  gtk_widget_add_css_class (sign, css);
  gtk_label_set_label (GTK_LABEL (name), ovh_record_get_display_name (record));
  gtk_label_set_label (GTK_LABEL (type), ovh_record_get_field_type (record));
  gtk_label_set_label (GTK_LABEL (value), text);

  /* Translators: "Added", the record's name, its type, then its value */
  accessible = g_strdup_printf (_ ("%s: %s %s %s"), kind, ovh_record_get_display_name (record),
                                ovh_record_get_field_type (record), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_summary (DomaineZoneDiffView *self)
{
  g_autofree char *text = NULL;

  if (self->diff == NULL)
    text = g_strdup ("");
  else if (ovh_zone_diff_is_empty (self->diff))
    text = g_strdup (_ ("No difference"));
  else
    {
      g_autofree char *counts = domaine_zone_diff_view_format_counts (self->diff);

      if (ovh_zone_diff_get_n_ttl_only (self->diff) > 0)
        /* Translators: "+3 −1 ~2", then how many of the changes are of TTL only */
        text = g_strdup_printf (ngettext ("%s (%u change of TTL only)",
                                          "%s (%u changes of TTL only)",
                                          ovh_zone_diff_get_n_ttl_only (self->diff)),
                                counts, ovh_zone_diff_get_n_ttl_only (self->diff));
      else
        text = g_steal_pointer (&counts);
    }
  gtk_label_set_label (self->summary_label, text);
}

OvhZoneDiff *
domaine_zone_diff_view_get_diff (DomaineZoneDiffView *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_DIFF_VIEW (self), NULL);
  return self->diff;
}

void
domaine_zone_diff_view_set_diff (DomaineZoneDiffView *self, OvhZoneDiff *diff)
{
  g_return_if_fail (DOMAINE_IS_ZONE_DIFF_VIEW (self));
  g_return_if_fail (diff == NULL || OVH_IS_ZONE_DIFF (diff));

  if (!g_set_object (&self->diff, diff))
    return;
  gtk_multi_selection_set_model (self->selection,
                                 diff != NULL ? ovh_zone_diff_get_items (diff) : NULL);
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
}

GtkSelectionModel *
domaine_zone_diff_view_get_selection (DomaineZoneDiffView *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_DIFF_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

GPtrArray *
domaine_zone_diff_view_dup_selected (DomaineZoneDiffView *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_return_val_if_fail (DOMAINE_IS_ZONE_DIFF_VIEW (self), items);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n_items; i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->selection), i));
  return items;
}

GtkWidget *
domaine_zone_diff_view_new (void)
{
  return g_object_new (DOMAINE_TYPE_ZONE_DIFF_VIEW, NULL);
}

static void
domaine_zone_diff_view_dispose (GObject *object)
{
  DomaineZoneDiffView *self = DOMAINE_ZONE_DIFF_VIEW (object);

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->diff);
  G_OBJECT_CLASS (domaine_zone_diff_view_parent_class)->dispose (object);
}

static void
domaine_zone_diff_view_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  DomaineZoneDiffView *self = DOMAINE_ZONE_DIFF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_diff_view_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  DomaineZoneDiffView *self = DOMAINE_ZONE_DIFF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DIFF:
      domaine_zone_diff_view_set_diff (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_diff_view_class_init (DomaineZoneDiffViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_zone_diff_view_dispose;
  object_class->get_property = domaine_zone_diff_view_get_property;
  object_class->set_property = domaine_zone_diff_view_set_property;

  properties[PROP_DIFF]
      = g_param_spec_object ("diff", NULL, NULL, OVH_TYPE_ZONE_DIFF,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/domaine/Domaine/zone/"
                                                             "domaine-zone-diff-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneDiffView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneDiffView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneDiffView, selection);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
domaine_zone_diff_view_init (DomaineZoneDiffView *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}
