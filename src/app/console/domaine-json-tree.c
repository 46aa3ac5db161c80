/* domaine-json-tree.c: a JSON document as a tree that folds, one row per member or element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkTreeListModel over DomaineJsonItem: members and elements are made only when their
 * parent unfolds, so that a big answer costs what is shown. Each row reads "key: value",
 * the value coloured by its kind; a folded object or list says how much it holds.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-json-item.h"
#include "domaine-json-tree.h"

/* A top level this small is unfolded at once (a list of one object, say). */
#define UNFOLD_TOP_LEVEL_MAX 3

struct _DomaineJsonTree
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkListView *view;
  GtkTreeListModel *tree;
  JsonNode *root;
};

G_DEFINE_FINAL_TYPE (DomaineJsonTree, domaine_json_tree, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ROOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_children (gpointer item, gpointer user_data)
{
  return domaine_json_item_dup_children (DOMAINE_JSON_ITEM (item));
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *key = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_widget_add_css_class (key, "json-key");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), value);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_widget_add_css_class (box, "monospace");
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  DomaineJsonItem *item = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *key = gtk_widget_get_first_child (box);
  GtkWidget *value = gtk_widget_get_next_sibling (key);
  g_autofree char *key_text = NULL;
  g_autofree char *value_text = domaine_json_item_dup_value_text (item);
  const char *kinds[] = { "string", "number", "boolean", "null", "object", "array" };
  g_autofree char *accessible = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  key_text = domaine_json_item_get_key (item) != NULL
                 ? g_strdup_printf ("%s:", domaine_json_item_get_key (item))
                 : g_strdup ("");
  gtk_label_set_text (GTK_LABEL (key), key_text);
  gtk_widget_set_visible (key, *key_text != '\0');
  gtk_label_set_text (GTK_LABEL (value), value_text);
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *class = g_strconcat ("json-", kinds[i], NULL);

      if (g_str_equal (kinds[i], domaine_json_item_get_kind (item)))
        gtk_widget_add_css_class (value, class);
      else
        gtk_widget_remove_css_class (value, class);
    }
  if (domaine_json_item_is_container (item))
    gtk_widget_add_css_class (value, "dim-label");
  else
    gtk_widget_remove_css_class (value, "dim-label");
  accessible = g_strconcat (key_text, " ", value_text, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, g_strstrip (accessible), -1);
  g_object_unref (item);
}

JsonNode *
domaine_json_tree_get_root (DomaineJsonTree *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_TREE (self), NULL);
  return self->root;
}

void
domaine_json_tree_set_root (DomaineJsonTree *self, JsonNode *root)
{
  g_autoptr (GListModel) top = NULL;
  g_autoptr (GtkNoSelection) selection = NULL;
  guint n_top;

  g_return_if_fail (DOMAINE_IS_JSON_TREE (self));

  if (self->root == root)
    return;
  g_clear_pointer (&self->root, json_node_unref);
  self->root = root != NULL ? json_node_ref (root) : NULL;

  top = domaine_json_item_list_new (root);
  n_top = g_list_model_get_n_items (top);
  g_clear_object (&self->tree);
  self->tree
      = gtk_tree_list_model_new (g_steal_pointer (&top), FALSE, FALSE, create_children, NULL, NULL);
  if (n_top <= UNFOLD_TOP_LEVEL_MAX)
    for (guint i = n_top; i > 0; i--)
      {
        g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i - 1);

        if (row != NULL)
          gtk_tree_list_row_set_expanded (row, TRUE);
      }
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_list_view_set_model (self->view, GTK_SELECTION_MODEL (selection));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT]);
}

GListModel *
domaine_json_tree_get_rows (DomaineJsonTree *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_TREE (self), NULL);
  return self->tree != NULL ? G_LIST_MODEL (self->tree) : NULL;
}

GtkWidget *
domaine_json_tree_new (void)
{
  return g_object_new (DOMAINE_TYPE_JSON_TREE, NULL);
}

static void
domaine_json_tree_dispose (GObject *object)
{
  DomaineJsonTree *self = DOMAINE_JSON_TREE (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (domaine_json_tree_parent_class)->dispose (object);
}

static void
domaine_json_tree_finalize (GObject *object)
{
  DomaineJsonTree *self = DOMAINE_JSON_TREE (object);

  g_clear_object (&self->tree);
  g_clear_pointer (&self->root, json_node_unref);
  G_OBJECT_CLASS (domaine_json_tree_parent_class)->finalize (object);
}

static void
domaine_json_tree_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineJsonTree *self = DOMAINE_JSON_TREE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      g_value_set_boxed (value, self->root);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_json_tree_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  DomaineJsonTree *self = DOMAINE_JSON_TREE (object);

  switch (prop_id)
    {
    case PROP_ROOT:
      domaine_json_tree_set_root (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_json_tree_class_init (DomaineJsonTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_json_tree_dispose;
  object_class->finalize = domaine_json_tree_finalize;
  object_class->get_property = domaine_json_tree_get_property;
  object_class->set_property = domaine_json_tree_set_property;

  properties[PROP_ROOT]
      = g_param_spec_boxed ("root", NULL, NULL, JSON_TYPE_NODE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "jsontree");
}

static void
domaine_json_tree_init (DomaineJsonTree *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "json-tree");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Answer"), -1);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  domaine_json_tree_set_root (self, NULL);
}
