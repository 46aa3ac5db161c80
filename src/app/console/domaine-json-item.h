/* domaine-json-item.h: one member or element of a JSON answer, for the console's tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_JSON_ITEM (domaine_json_item_get_type ())
G_DECLARE_FINAL_TYPE (DomaineJsonItem, domaine_json_item, DOMAINE, JSON_ITEM, GObject)

/* key: a member's name, "[3]" for an element, NULL for the root. */
DomaineJsonItem *domaine_json_item_new (const char *key, JsonNode *node);

const char *domaine_json_item_get_key (DomaineJsonItem *self);
JsonNode *domaine_json_item_get_node (DomaineJsonItem *self);
/* Whether it holds members or elements (and how many). */
gboolean domaine_json_item_is_container (DomaineJsonItem *self);
guint domaine_json_item_get_n_children (DomaineJsonItem *self);
/* Its members or elements as new items, NULL for a value: a GtkTreeListModel's create
 * function. */
GListModel *domaine_json_item_dup_children (DomaineJsonItem *self);
/* The value as JSON text ("\"text\"", 12, true, null); for a container, a summary. */
char *domaine_json_item_dup_value_text (DomaineJsonItem *self);
/* "string", "number", "boolean", "null", "object" or "array": the value's CSS class. */
const char *domaine_json_item_get_kind (DomaineJsonItem *self);

/* The items of a whole document's top level (a value alone is one item). */
GListModel *domaine_json_item_list_new (JsonNode *root);

G_END_DECLS
