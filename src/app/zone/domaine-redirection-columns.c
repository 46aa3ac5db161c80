/* domaine-redirection-columns.c: the columns of the Redirections view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-redirection-columns.h"
#include "domaine-redirection-item.h"

typedef enum
{
  COLUMN_SOURCE,
  COLUMN_TYPE,
  COLUMN_TARGET,
  COLUMN_STATE,
  COLUMN_ACTIONS,
  N_COLUMNS
} Column;

static const char *
view_zone (GtkColumnView *view)
{
  const char *zone = g_object_get_data (G_OBJECT (view), "domaine-zone");

  return zone != NULL ? zone : "";
}

static gboolean
view_narrow (GtkColumnView *view)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "domaine-narrow"));
}

static const char *
state_text (DomaineRedirectionState state, const char **style)
{
  switch (state)
    {
    case DOMAINE_REDIRECTION_ADDED:
      *style = "success";
      return _ ("New, not published");
    case DOMAINE_REDIRECTION_CHANGED:
      *style = "warning";
      return _ ("Changed, not published");
    case DOMAINE_REDIRECTION_DELETED:
      *style = "error";
      return _ ("Deleted, not published");
    case DOMAINE_REDIRECTION_PUBLISHED:
    default:
      *style = "dim-label";
      return _ ("Published");
    }
}

static GtkWidget *
new_label (PangoEllipsizeMode ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), ellipsize);
  return label;
}

static void
set_style (GtkWidget *label, const char *style)
{
  static const char *const styles[] = { "success", "warning", "error", "dim-label", "caption" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (label, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
}

/* Text columns -------------------------------------------------------------------------------- */

static void
setup_text_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "domaine-column"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), new_label (column == COLUMN_TARGET ? PANGO_ELLIPSIZE_MIDDLE
                                                                    : PANGO_ELLIPSIZE_END));
  if (column == COLUMN_SOURCE)
    {
      /* Narrow: the target, the type, then the state. */
      gtk_box_append (GTK_BOX (box), new_label (PANGO_ELLIPSIZE_MIDDLE));
      gtk_box_append (GTK_BOX (box), new_label (PANGO_ELLIPSIZE_END));
      gtk_box_append (GTK_BOX (box), new_label (PANGO_ELLIPSIZE_END));
    }
  gtk_list_item_set_child (list_item, box);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkColumnView *view = data;
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "domaine-column"));
  DomaineRedirectionItem *item = gtk_list_item_get_item (list_item);
  OvhRedirection *redirection = domaine_redirection_item_get_shown (item);
  DomaineRedirectionState state = domaine_redirection_item_get_state (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  const char *type
      = ovh_redirection_type_get_label (ovh_redirection_get_redirection_type (redirection));
  const char *target = ovh_redirection_get_target (redirection);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *source = NULL;
  const char *style = NULL;
  const char *text;

  switch (column)
    {
    case COLUMN_SOURCE:
      source = ovh_redirection_dup_source (redirection, view_zone (view));
      text = source;
      break;
    case COLUMN_TYPE:
      text = type;
      break;
    case COLUMN_TARGET:
      text = target;
      break;
    case COLUMN_STATE:
    default:
      text = state_text (state, &style);
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COLUMN_TARGET ? target : NULL);
  set_style (label, style);
  /* A deleted one stays listed, struck out, until it is published or reverted. */
  if (state == DOMAINE_REDIRECTION_DELETED && column != COLUMN_STATE)
    {
      pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
      set_style (label, "dim-label");
    }
  gtk_label_set_attributes (GTK_LABEL (label), attributes);

  if (column == COLUMN_SOURCE)
    {
      GtkWidget *target_label = gtk_widget_get_next_sibling (label);
      GtkWidget *type_label = gtk_widget_get_next_sibling (target_label);
      GtkWidget *state_label = gtk_widget_get_next_sibling (type_label);
      g_autofree char *line = g_strdup_printf ("→ %s", target);
      gboolean narrow = view_narrow (view);

      gtk_label_set_text (GTK_LABEL (target_label), line);
      gtk_label_set_attributes (GTK_LABEL (target_label), attributes);
      set_style (target_label, "dim-label");
      gtk_widget_set_visible (target_label, narrow);
      gtk_label_set_text (GTK_LABEL (type_label), type);
      set_style (type_label, "dim-label");
      gtk_widget_add_css_class (type_label, "caption");
      gtk_widget_set_visible (type_label, narrow);
      gtk_label_set_text (GTK_LABEL (state_label), state_text (state, &style));
      set_style (state_label, style);
      gtk_widget_add_css_class (state_label, "caption");
      gtk_widget_set_visible (state_label, narrow && state != DOMAINE_REDIRECTION_PUBLISHED);
    }
}

/* The row's buttons --------------------------------------------------------------------------- */

static GtkWidget *
icon_button (const char *icon_name, const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The target first: the action takes one, set for real when the row is bound. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static void
setup_actions_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_append (GTK_BOX (box), icon_button ("document-edit-symbolic", "redirections.edit"));
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", "redirections.delete"));
  gtk_box_append (GTK_BOX (box), icon_button ("edit-undo-symbolic", "redirections.revert"));
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_list_item_set_child (list_item, box);
}

static void
label_button (GtkWidget *button, GVariant *position, const char *tooltip, const char *label)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), position);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
bind_actions_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkColumnView *view = data;
  DomaineRedirectionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *edit = gtk_widget_get_first_child (box);
  GtkWidget *delete = gtk_widget_get_next_sibling (edit);
  GtkWidget *revert = gtk_widget_get_next_sibling (delete);
  DomaineRedirectionState state = domaine_redirection_item_get_state (item);
  g_autoptr (GVariant) position
      = g_variant_ref_sink (g_variant_new_uint32 (gtk_list_item_get_position (list_item)));
  g_autofree char *source
      = ovh_redirection_dup_source (domaine_redirection_item_get_shown (item), view_zone (view));
  g_autofree char *edit_label = g_strdup_printf (_ ("Edit the redirection of %s"), source);
  g_autofree char *delete_label = g_strdup_printf (_ ("Delete the redirection of %s"), source);
  g_autofree char *revert_label = g_strdup_printf (_ ("Undo the change to %s"), source);

  label_button (edit, position, _ ("Edit"), edit_label);
  label_button (delete, position, _ ("Delete"), delete_label);
  label_button (revert, position, _ ("Undo Change"), revert_label);
  gtk_widget_set_visible (edit, state != DOMAINE_REDIRECTION_DELETED);
  gtk_widget_set_visible (delete, state != DOMAINE_REDIRECTION_DELETED);
  gtk_widget_set_visible (revert, state != DOMAINE_REDIRECTION_PUBLISHED);
}

/* The view ------------------------------------------------------------------------------------ */

static void
append_column (GtkColumnView *view, const char *title, Column column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "domaine-column", GINT_TO_POINTER (column));
  if (column == COLUMN_ACTIONS)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_actions_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_actions_cb), view);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cb), view);
    }
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, column != COLUMN_ACTIONS);
  gtk_column_view_append_column (view, view_column);
}

void
domaine_redirection_columns_append (GtkColumnView *view)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  append_column (view, _ ("Address"), COLUMN_SOURCE, TRUE);
  append_column (view, _ ("Type"), COLUMN_TYPE, FALSE);
  append_column (view, _ ("Target"), COLUMN_TARGET, TRUE);
  append_column (view, _ ("State"), COLUMN_STATE, FALSE);
  append_column (view, _ ("Actions"), COLUMN_ACTIONS, FALSE);
}

void
domaine_redirection_columns_set_zone (GtkColumnView *view, const char *zone)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_object_set_data_full (G_OBJECT (view), "domaine-zone", g_strdup (zone), g_free);
}

void
domaine_redirection_columns_set_narrow (GtkColumnView *view, gboolean narrow)
{
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  g_object_set_data (G_OBJECT (view), "domaine-narrow", GINT_TO_POINTER (narrow));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i == COLUMN_TYPE || i == COLUMN_TARGET || i == COLUMN_STATE)
        gtk_column_view_column_set_visible (column, !narrow);
    }
}
