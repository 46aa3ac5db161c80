/* domaine-json-item.c: one member or element of a JSON answer, for the console's tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-json-item.h"

struct _DomaineJsonItem
{
  GObject parent_instance;

  char *key;
  JsonNode *node;
};

G_DEFINE_FINAL_TYPE (DomaineJsonItem, domaine_json_item, G_TYPE_OBJECT)

DomaineJsonItem *
domaine_json_item_new (const char *key, JsonNode *node)
{
  DomaineJsonItem *self = g_object_new (DOMAINE_TYPE_JSON_ITEM, NULL);

  self->key = g_strdup (key);
  self->node = json_node_ref (node);
  return self;
}

const char *
domaine_json_item_get_key (DomaineJsonItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), NULL);
  return self->key;
}

JsonNode *
domaine_json_item_get_node (DomaineJsonItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), NULL);
  return self->node;
}

gboolean
domaine_json_item_is_container (DomaineJsonItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), FALSE);
  return JSON_NODE_HOLDS_OBJECT (self->node) || JSON_NODE_HOLDS_ARRAY (self->node);
}

guint
domaine_json_item_get_n_children (DomaineJsonItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), 0);

  if (JSON_NODE_HOLDS_OBJECT (self->node))
    return json_object_get_size (json_node_get_object (self->node));
  if (JSON_NODE_HOLDS_ARRAY (self->node))
    return json_array_get_length (json_node_get_array (self->node));
  return 0;
}

static void
append_children (GListStore *store, JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          g_autoptr (DomaineJsonItem) item
              = domaine_json_item_new (l->data, json_object_get_member (object, l->data));

          g_list_store_append (store, item);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *key = g_strdup_printf ("[%u]", i);
          g_autoptr (DomaineJsonItem) item
              = domaine_json_item_new (key, json_array_get_element (array, i));

          g_list_store_append (store, item);
        }
    }
}

GListModel *
domaine_json_item_dup_children (DomaineJsonItem *self)
{
  GListStore *store;

  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), NULL);

  if (!domaine_json_item_is_container (self))
    return NULL;
  store = g_list_store_new (DOMAINE_TYPE_JSON_ITEM);
  append_children (store, self->node);
  return G_LIST_MODEL (store);
}

GListModel *
domaine_json_item_list_new (JsonNode *root)
{
  GListStore *store = g_list_store_new (DOMAINE_TYPE_JSON_ITEM);

  if (root == NULL)
    return G_LIST_MODEL (store);
  if (JSON_NODE_HOLDS_OBJECT (root) || JSON_NODE_HOLDS_ARRAY (root))
    append_children (store, root);
  else
    {
      g_autoptr (DomaineJsonItem) item = domaine_json_item_new (NULL, root);

      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

const char *
domaine_json_item_get_kind (DomaineJsonItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), NULL);

  switch (JSON_NODE_TYPE (self->node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (self->node))
    {
    case G_TYPE_STRING:
      return "string";
    case G_TYPE_BOOLEAN:
      return "boolean";
    default:
      return "number";
    }
}

char *
domaine_json_item_dup_value_text (DomaineJsonItem *self)
{
  guint n;

  g_return_val_if_fail (DOMAINE_IS_JSON_ITEM (self), NULL);

  n = domaine_json_item_get_n_children (self);
  if (JSON_NODE_HOLDS_OBJECT (self->node))
    /* Translators: what a folded JSON object holds */
    return g_strdup_printf (ngettext ("{…} %u member", "{…} %u members", n), n);
  if (JSON_NODE_HOLDS_ARRAY (self->node))
    /* Translators: what a folded JSON list holds */
    return g_strdup_printf (ngettext ("[…] %u item", "[…] %u items", n), n);
  return json_to_string (self->node, FALSE);
}

static void
domaine_json_item_finalize (GObject *object)
{
  DomaineJsonItem *self = DOMAINE_JSON_ITEM (object);

  g_free (self->key);
  g_clear_pointer (&self->node, json_node_unref);
  G_OBJECT_CLASS (domaine_json_item_parent_class)->finalize (object);
}

static void
domaine_json_item_class_init (DomaineJsonItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = domaine_json_item_finalize;
}

static void
domaine_json_item_init (DomaineJsonItem *self)
{
}
