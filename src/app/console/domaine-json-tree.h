/* domaine-json-tree.h: a JSON document as a tree that folds, one row per member or element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_JSON_TREE (domaine_json_tree_get_type ())
G_DECLARE_FINAL_TYPE (DomaineJsonTree, domaine_json_tree, DOMAINE, JSON_TREE, GtkWidget)

/* Property "root" (JsonNode, may be NULL): the document shown; its top level is unfolded. */
GtkWidget *domaine_json_tree_new (void);
JsonNode *domaine_json_tree_get_root (DomaineJsonTree *self);
void domaine_json_tree_set_root (DomaineJsonTree *self, JsonNode *root);
/* The rows (GtkTreeListRow of DomaineJsonItem) as shown, unfolded ones included. */
GListModel *domaine_json_tree_get_rows (DomaineJsonTree *self);

G_END_DECLS
