/* ovh-domain-list.c: the domains of an account, GET /domain and GET /domain/zone merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-domain-private.h"
#include "ovh-error.h"
#include "ovh-json-private.h"

/* The list: GET /domain and GET /domain/zone at once, merged by name. */

static gboolean
is_name_list (JsonNode *node)
{
  JsonArray *array = ovh_json_node_get_array (node);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = ovh_json_node_get_string (json_array_get_element (array, i));

      if (name == NULL || name[0] == '\0')
        return FALSE;
    }
  return TRUE;
}

static int
compare_domains (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *name_a = ovh_domain_get_name (OVH_DOMAIN ((gpointer) a));
  const char *name_b = ovh_domain_get_name (OVH_DOMAIN ((gpointer) b));
  int result = g_ascii_strcasecmp (name_a, name_b);

  return result != 0 ? result : strcmp (name_a, name_b);
}

/* A name that could leave a folder or change a URL ("../x", "a/b") is left out, not used. */
static void
add_names (GHashTable *by_name, JsonNode *node, gboolean registered)
{
  JsonArray *array;

  if (node == NULL)
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_array_get_string_element (array, i);
      g_autofree char *key = NULL;
      OvhDomain *domain;

      if (!ovh_domain_name_is_valid (name))
        {
          g_autofree char *shown = g_strescape (name, NULL);

          g_message ("Left out “%s” from the list sent by OVHcloud: not a domain name", shown);
          continue;
        }
      key = g_ascii_strdown (name, -1);
      domain = g_hash_table_lookup (by_name, key);

      if (domain == NULL)
        {
          domain = ovh_domain_new (name, registered, !registered);
          g_hash_table_insert (by_name, g_steal_pointer (&key), domain);
        }
      else
        ovh_domain_add_listing (domain, registered);
    }
}

GListStore *
ovh_domain_list_from_json (JsonNode *registered, JsonNode *zones, GError **error)
{
  g_autoptr (GHashTable) by_name = NULL;
  g_autoptr (GListStore) store = NULL;
  GHashTableIter iter;
  gpointer domain;

  if (!is_name_list (zones) || (registered != NULL && !is_name_list (registered)))
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                           _ ("The list of domains sent by OVHcloud is not valid."));
      return NULL;
    }

  by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  add_names (by_name, registered, TRUE);
  add_names (by_name, zones, FALSE);

  store = g_list_store_new (OVH_TYPE_DOMAIN);
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &domain))
    g_list_store_insert_sorted (store, domain, compare_domains, NULL);
  return g_steal_pointer (&store);
}

static void
lists_answered_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) registered = NULL;
  g_autoptr (JsonNode) zones = NULL;
  g_autoptr (GError) registered_error = NULL;
  g_autoptr (GError) zones_error = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) store = NULL;

  ovh_client_get_pair_finish (result, &registered, &registered_error, &zones, &zones_error);
  if (g_task_return_error_if_cancelled (task))
    return;

  /* A consumer key limited to the /domain/zone paths cannot list registrations: the zones are what
   * Domaine edits, so that alone is not a failure. Any other error is. */
  if (zones_error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&zones_error));
      return;
    }
  if (registered_error != NULL
      && !g_error_matches (registered_error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    {
      g_task_return_error (task, g_steal_pointer (&registered_error));
      return;
    }

  store = ovh_domain_list_from_json (registered, zones, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Loaded %u domains and zones", g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
ovh_domain_list_load_async (OvhClient *client,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_domain_list_load_async);
  ovh_client_get_pair_async (client, "/domain", "/domain/zone", cancellable, lists_answered_cb,
                             g_object_ref (task));
}

GListStore *
ovh_domain_list_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_domain_list_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
