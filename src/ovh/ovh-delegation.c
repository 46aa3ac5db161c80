/* ovh-delegation.c: the name servers a registered domain is delegated to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-delegation.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

#define FOLLOW_MAX_INTERVAL_MS 30000
#define DNS_UPDATE_FUNCTION "DomainDnsUpdate"

static GError *
invalid_response (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

static GError *
bad_parameters (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_BAD_PARAMETERS, 0, NULL, NULL, message);
}

/* --- one name server --------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (OvhNameServer, ovh_name_server, ovh_name_server_copy, ovh_name_server_free)

OvhNameServer *
ovh_name_server_new (const char *host, const char *ip)
{
  OvhNameServer *name_server;

  g_return_val_if_fail (host != NULL, NULL);

  name_server = g_new0 (OvhNameServer, 1);
  name_server->host = g_strdup (host);
  name_server->ip = ip != NULL && ip[0] != '\0' ? g_strdup (ip) : NULL;
  return name_server;
}

OvhNameServer *
ovh_name_server_copy (const OvhNameServer *name_server)
{
  OvhNameServer *copy;

  g_return_val_if_fail (name_server != NULL, NULL);

  copy = ovh_name_server_new (name_server->host, name_server->ip);
  copy->id = name_server->id;
  copy->is_used = name_server->is_used;
  copy->to_delete = name_server->to_delete;
  return copy;
}

void
ovh_name_server_free (OvhNameServer *name_server)
{
  if (name_server == NULL)
    return;
  g_free (name_server->host);
  g_free (name_server->ip);
  g_free (name_server);
}

OvhNameServer *
ovh_name_server_new_from_json (JsonObject *object, GError **error)
{
  const char *host = NULL;
  const char *ip = NULL;
  gint64 id = 0;
  gboolean is_used = FALSE;
  gboolean to_delete = FALSE;
  OvhNameServer *name_server;

  g_return_val_if_fail (object != NULL, NULL);

  if (!ovh_json_read_string (object, "host", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, &host, error)
      || !ovh_json_read_int64 (object, "id", OVH_JSON_OPTIONAL, &id, error)
      || !ovh_json_read_string (object, "ip", OVH_JSON_OPTIONAL, &ip, error)
      || !ovh_json_read_boolean (object, "isUsed", OVH_JSON_OPTIONAL, &is_used, error)
      || !ovh_json_read_boolean (object, "toDelete", OVH_JSON_OPTIONAL, &to_delete, error))
    return NULL;

  name_server = ovh_name_server_new (host, ip);
  name_server->id = id;
  name_server->is_used = is_used;
  name_server->to_delete = to_delete;
  return name_server;
}

/* A host name as registries take it: dot-separated labels of letters, digits and inner
 * hyphens, at least two labels, 253 characters at most; a final dot is allowed. */
static gboolean
host_is_valid (const char *host)
{
  gsize length = strlen (host);
  guint n_labels = 0;
  const char *label = host;

  if (length > 0 && host[length - 1] == '.')
    length--;
  if (length == 0 || length > 253)
    return FALSE;
  while (label < host + length)
    {
      const char *end = memchr (label, '.', host + length - label);
      gsize label_length = (end != NULL ? end : host + length) - label;

      if (label_length == 0 || label_length > 63 || label[0] == '-'
          || label[label_length - 1] == '-')
        return FALSE;
      for (gsize i = 0; i < label_length; i++)
        if (!g_ascii_isalnum (label[i]) && label[i] != '-')
          return FALSE;
      n_labels++;
      label += label_length + 1;
    }
  return n_labels >= 2;
}

OvhNameServer *
ovh_name_server_parse (const char *text, GError **error)
{
  g_autofree char *host = NULL;
  const char *equals;
  const char *ip = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  equals = strchr (text, '=');
  host = equals != NULL ? g_strndup (text, equals - text) : g_strdup (text);
  g_strstrip (host);
  if (equals != NULL)
    ip = equals + 1;
  if (!host_is_valid (host))
    {
      /* Translators: what was typed */
      g_autofree char *message = g_strdup_printf (_ ("“%s” is not a valid name server"), text);

      g_propagate_error (error, bad_parameters (message));
      return NULL;
    }
  return ovh_name_server_new (host, ip);
}

static char *
host_key (const char *host)
{
  gsize length = strlen (host);

  if (length > 0 && host[length - 1] == '.')
    length--;
  return g_ascii_strdown (host, length);
}

/* Whether host is domain or a name under it. */
static gboolean
host_is_inside (const char *host, const char *domain)
{
  g_autofree char *key = host_key (host);
  g_autofree char *domain_key = host_key (domain);
  gsize length = strlen (key);
  gsize domain_length = strlen (domain_key);

  return g_str_equal (key, domain_key)
         || (length > domain_length && g_str_has_suffix (key, domain_key)
             && key[length - domain_length - 1] == '.');
}

gboolean
ovh_name_servers_validate (GPtrArray *name_servers, const char *domain, GError **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (name_servers != NULL, FALSE);
  g_return_val_if_fail (domain != NULL, FALSE);

  if (name_servers->len < 2)
    {
      g_propagate_error (error, bad_parameters (_ ("A domain needs at least two name servers")));
      return FALSE;
    }
  for (guint i = 0; i < name_servers->len; i++)
    {
      OvhNameServer *name_server = g_ptr_array_index (name_servers, i);
      g_autofree char *message = NULL;
      char *key;

      if (!host_is_valid (name_server->host))
        /* Translators: a host name as typed */
        message = g_strdup_printf (_ ("“%s” is not a valid name server"), name_server->host);
      else if (name_server->ip != NULL && !g_hostname_is_ip_address (name_server->ip))
        /* Translators: what was typed as an IP address, then a name server */
        message = g_strdup_printf (_ ("“%s” is not an IP address (name server %s)"),
                                   name_server->ip, name_server->host);
      else if (name_server->ip == NULL && host_is_inside (name_server->host, domain))
        /* Translators: a name server, then the domain */
        message = g_strdup_printf (_ ("%s is inside %s: give its IP address too, or resolvers "
                                      "cannot find it"),
                                   name_server->host, domain);
      else if (name_server->ip != NULL && !host_is_inside (name_server->host, domain))
        /* Translators: a name server, then the domain */
        message = g_strdup_printf (_ ("An IP address is only given for a name server inside "
                                      "%2$s, not for %1$s"),
                                   name_server->host, domain);
      if (message != NULL)
        {
          g_propagate_error (error, bad_parameters (message));
          return FALSE;
        }
      key = host_key (name_server->host);
      if (!g_hash_table_add (seen, key))
        {
          /* Translators: a name server */
          message = g_strdup_printf (_ ("%s is in the list twice"), name_server->host);
          g_propagate_error (error, bad_parameters (message));
          return FALSE;
        }
    }
  return TRUE;
}

/* --- task status ------------------------------------------------------------------------- */

G_DEFINE_ENUM_TYPE (OvhDomainTaskStatus,
                    ovh_domain_task_status,
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TASK_TODO, "todo"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TASK_DOING, "doing"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TASK_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TASK_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TASK_PROBLEM, "problem"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_TASK_CANCELLED, "cancelled"))

static const char *const status_names[] = {
  [OVH_DOMAIN_TASK_TODO] = "todo",       [OVH_DOMAIN_TASK_DOING] = "doing",
  [OVH_DOMAIN_TASK_DONE] = "done",       [OVH_DOMAIN_TASK_ERROR] = "error",
  [OVH_DOMAIN_TASK_PROBLEM] = "problem", [OVH_DOMAIN_TASK_CANCELLED] = "cancelled",
};

gboolean
ovh_domain_task_status_from_string (const char *text, OvhDomainTaskStatus *status)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ovh_domain_task_status_to_string (OvhDomainTaskStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
ovh_domain_task_status_is_pending (OvhDomainTaskStatus status)
{
  return status == OVH_DOMAIN_TASK_TODO || status == OVH_DOMAIN_TASK_DOING;
}

/* A task's id and status from its JSON (domain.Task). */
static gboolean
read_task (JsonNode *node, gint64 *id, OvhDomainTaskStatus *status, char **comment, GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *text = object != NULL ? ovh_json_lookup_string (object, "status") : NULL;

  if (object == NULL || !ovh_json_read_int64 (object, "id", OVH_JSON_REQUIRED, id, NULL)
      || !ovh_domain_task_status_from_string (text, status))
    {
      g_propagate_error (error, invalid_response (_ ("The domain task in the answer is not one")));
      return FALSE;
    }
  if (comment != NULL)
    *comment = g_strdup (ovh_json_lookup_string (object, "comment"));
  return TRUE;
}

/* --- the delegation ---------------------------------------------------------------------- */

struct _OvhDelegation
{
  GObject parent_instance;

  char *domain;
  char *name_server_type;
  GPtrArray *name_servers;
};

G_DEFINE_FINAL_TYPE (OvhDelegation, ovh_delegation, G_TYPE_OBJECT)

static void
ovh_delegation_finalize (GObject *object)
{
  OvhDelegation *self = OVH_DELEGATION (object);

  g_free (self->domain);
  g_free (self->name_server_type);
  g_ptr_array_unref (self->name_servers);

  G_OBJECT_CLASS (ovh_delegation_parent_class)->finalize (object);
}

static void
ovh_delegation_class_init (OvhDelegationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_delegation_finalize;
}

static void
ovh_delegation_init (OvhDelegation *self)
{
  self->name_servers = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_name_server_free);
}

const char *
ovh_delegation_get_domain (OvhDelegation *self)
{
  g_return_val_if_fail (OVH_IS_DELEGATION (self), NULL);
  return self->domain;
}

const char *
ovh_delegation_get_name_server_type (OvhDelegation *self)
{
  g_return_val_if_fail (OVH_IS_DELEGATION (self), NULL);
  return self->name_server_type;
}

gboolean
ovh_delegation_is_hosted (OvhDelegation *self)
{
  g_return_val_if_fail (OVH_IS_DELEGATION (self), FALSE);
  return g_str_equal (self->name_server_type, "hosted");
}

GPtrArray *
ovh_delegation_get_name_servers (OvhDelegation *self)
{
  g_return_val_if_fail (OVH_IS_DELEGATION (self), NULL);
  return self->name_servers;
}

static int
compare_hosts (gconstpointer a, gconstpointer b)
{
  const OvhNameServer *na = *(OvhNameServer **) a;
  const OvhNameServer *nb = *(OvhNameServer **) b;

  return g_ascii_strcasecmp (na->host, nb->host);
}

OvhDelegation *
ovh_delegation_new_from_json (const char *domain,
                              JsonObject *domain_object,
                              JsonArray *name_server_objects,
                              GError **error)
{
  g_autoptr (OvhDelegation) self = NULL;
  const char *type = NULL;

  g_return_val_if_fail (domain != NULL, NULL);
  g_return_val_if_fail (domain_object != NULL, NULL);
  g_return_val_if_fail (name_server_objects != NULL, NULL);

  if (!ovh_json_read_string (domain_object, "nameServerType",
                             OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, &type, error))
    return NULL;

  self = g_object_new (OVH_TYPE_DELEGATION, NULL);
  self->domain = g_strdup (domain);
  self->name_server_type = g_strdup (type);
  for (guint i = 0; i < json_array_get_length (name_server_objects); i++)
    {
      JsonObject *object
          = ovh_json_node_get_object (json_array_get_element (name_server_objects, i));
      OvhNameServer *name_server;

      if (object == NULL)
        {
          g_propagate_error (error, invalid_response (_ ("A name server is not an object")));
          return NULL;
        }
      name_server = ovh_name_server_new_from_json (object, error);
      if (name_server == NULL)
        return NULL;
      g_ptr_array_add (self->name_servers, name_server);
    }
  g_ptr_array_sort (self->name_servers, compare_hosts);
  return g_steal_pointer (&self);
}

/* --- fetching ---------------------------------------------------------------------------- */

typedef struct
{
  char *domain;
  JsonNode *domain_node;
  GArray *ids; /* gint64 */
  guint next;
  JsonArray *objects;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->domain);
  g_clear_pointer (&fetch->domain_node, json_node_unref);
  g_array_unref (fetch->ids);
  json_array_unref (fetch->objects);
  g_free (fetch);
}

static void fetch_next (GTask *task);

static void
name_server_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  json_array_add_element (fetch->objects, g_steal_pointer (&node));
  fetch_next (g_steal_pointer (&task));
}

/* One at a time: a domain has two to a handful, and the rate limit is shared. */
static void
fetch_next (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  if (fetch->next == fetch->ids->len)
    {
      GError *error = NULL;
      OvhDelegation *delegation = ovh_delegation_new_from_json (
          fetch->domain, json_node_get_object (fetch->domain_node), fetch->objects, &error);

      if (delegation == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, delegation, g_object_unref);
      g_object_unref (task);
      return;
    }
  path = ovh_path_printf ("/domain/%s/nameServer/%" G_GINT64_FORMAT, fetch->domain,
                          g_array_index (fetch->ids, gint64, fetch->next++));
  ovh_client_call_async (g_task_get_source_object (task), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), name_server_cb, task);
}

static void
ids_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *array;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  array = ovh_json_node_get_array (node);
  if (array == NULL)
    {
      g_task_return_error (task, invalid_response (_ ("The name servers are not a list")));
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id;

      if (!ovh_json_node_get_int64 (json_array_get_element (array, i), &id))
        {
          g_task_return_error (task,
                               invalid_response (_ ("The name servers hold something else than "
                                                    "IDs")));
          return;
        }
      g_array_append_val (fetch->ids, id);
    }
  fetch_next (g_steal_pointer (&task));
}

static void
domain_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  JsonNode *node;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || ovh_json_node_get_object (node) == NULL)
    {
      g_task_return_error (task, error != NULL ? error
                                               : invalid_response (_ ("The domain is not an "
                                                                      "object")));
      g_clear_pointer (&node, json_node_unref);
      g_object_unref (task);
      return;
    }
  fetch->domain_node = node;
  path = ovh_path_printf ("/domain/%s/nameServer", fetch->domain);
  ovh_client_call_async (OVH_CLIENT (source), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), ids_cb, task);
}

void
ovh_delegation_fetch_async (OvhClient *client,
                            const char *domain,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;
  Fetch *fetch;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (domain != NULL && domain[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_delegation_fetch_async);
  fetch = g_new0 (Fetch, 1);
  fetch->domain = g_strdup (domain);
  fetch->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  fetch->objects = json_array_new ();
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  path = ovh_path_printf ("/domain/%s", domain);
  ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, cancellable, domain_cb, task);
}

OvhDelegation *
ovh_delegation_fetch_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- changing ---------------------------------------------------------------------------- */

static void
set_external_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  OvhDomainTaskStatus status;
  gint64 id;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || !read_task (node, &id, &status, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

void
ovh_delegation_set_external_async (OvhClient *client,
                                   const char *domain,
                                   GPtrArray *name_servers,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (domain != NULL && domain[0] != '\0');
  g_return_if_fail (name_servers != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_delegation_set_external_async);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nameServers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < name_servers->len; i++)
    {
      OvhNameServer *name_server = g_ptr_array_index (name_servers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, name_server->host);
      if (name_server->ip != NULL)
        {
          json_builder_set_member_name (builder, "ip");
          json_builder_add_string_value (builder, name_server->ip);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = ovh_path_printf ("/domain/%s/nameServers/update", domain);
  /* Not retried: a lost answer to a POST that did go through would start a second task. */
  ovh_client_call_async (client, "POST", path, body, OVH_CALL_NO_RETRY, cancellable,
                         set_external_cb, task);
}

static gint64
propagate_task_id (GAsyncResult *result, GError **error)
{
  GError *local_error = NULL;
  gssize value = g_task_propagate_int (G_TASK (result), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return -1;
    }
  return value;
}

gint64
ovh_delegation_set_external_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), -1);
  return propagate_task_id (result, error);
}

static void
tasks_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  JsonArray *array;
  gint64 newest = 0;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  array = ovh_json_node_get_array (node);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id;

      if (!ovh_json_node_get_int64 (json_array_get_element (array, i), &id))
        {
          array = NULL;
          break;
        }
      newest = MAX (newest, id);
    }
  if (array == NULL)
    g_task_return_error (task, invalid_response (_ ("The domain tasks are not a list of IDs")));
  else
    g_task_return_int (task, newest);
}

static void
put_hosted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  const char *domain = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  path = ovh_path_printf ("/domain/%s/task?function=" DNS_UPDATE_FUNCTION, domain);
  ovh_client_call_async (OVH_CLIENT (source), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), tasks_cb, task);
}

void
ovh_delegation_set_hosted_async (OvhClient *client,
                                 const char *domain,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (domain != NULL && domain[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_delegation_set_hosted_async);
  g_task_set_task_data (task, g_strdup (domain), g_free);
  json_object_set_string_member (object, "nameServerType", "hosted");
  json_node_take_object (body, object);
  path = ovh_path_printf ("/domain/%s", domain);
  /* A PUT sets a state: sending it twice does no harm. */
  ovh_client_call_async (client, "PUT", path, body, OVH_CALL_NONE, cancellable, put_hosted_cb,
                         task);
}

gint64
ovh_delegation_set_hosted_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), -1);
  return propagate_task_id (result, error);
}

/* --- following a task -------------------------------------------------------------------- */

typedef struct
{
  char *domain;
  gint64 task_id;
  guint interval_ms;
  gint64 deadline; /* monotonic µs */
} Follow;

static void
follow_free (Follow *follow)
{
  g_free (follow->domain);
  g_free (follow);
}

static void follow_ask (GTask *task);

static void
follow_slept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!ovh_sleep_finish (result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  follow_ask (task);
}

static GError *
task_failed (Follow *follow, OvhDomainTaskStatus status, const char *comment)
{
  g_autofree char *message = NULL;

  switch (status)
    {
    case OVH_DOMAIN_TASK_CANCELLED:
      /* Translators: a domain */
      message = g_strdup_printf (_ ("OVHcloud cancelled the change of the name servers of %s"),
                                 follow->domain);
      break;
    case OVH_DOMAIN_TASK_PROBLEM:
    case OVH_DOMAIN_TASK_ERROR:
      /* Translators: a domain */
      message = g_strdup_printf (_ ("The registry did not take the new name servers of %s"),
                                 follow->domain);
      break;
    default:
      /* Translators: a domain, then a task's status ("doing") */
      message = g_strdup_printf (_ ("The change of the name servers of %s is still “%s”: gave "
                                    "up waiting"),
                                 follow->domain, ovh_domain_task_status_to_string (status));
      break;
    }
  if (comment != NULL && comment[0] != '\0')
    {
      /* Translators: a message, then OVHcloud's own comment on it */
      g_autofree char *full = g_strdup_printf (_ ("%s: %s"), message, comment);

      return ovh_error_new_full (OVH_ERROR_FAILED, 200, NULL, NULL, full);
    }
  return ovh_error_new_full (OVH_ERROR_FAILED, 200, NULL, NULL, message);
}

static void
follow_task_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  Follow *follow = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *comment = NULL;
  OvhDomainTaskStatus status;
  gint64 id;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || !read_task (node, &id, &status, &comment, &error))
    g_task_return_error (task, error);
  else if (status == OVH_DOMAIN_TASK_DONE)
    g_task_return_boolean (task, TRUE);
  else if (!ovh_domain_task_status_is_pending (status)
           || g_get_monotonic_time () + (gint64) follow->interval_ms * 1000 > follow->deadline)
    g_task_return_error (task, task_failed (follow, status, comment));
  else
    {
      guint interval = follow->interval_ms;

      follow->interval_ms = MIN (follow->interval_ms * 2, FOLLOW_MAX_INTERVAL_MS);
      ovh_sleep_async (interval, g_task_get_cancellable (task), follow_slept_cb, task);
      return;
    }
  g_object_unref (task);
}

static void
follow_ask (GTask *task)
{
  Follow *follow = g_task_get_task_data (task);
  g_autofree char *path
      = ovh_path_printf ("/domain/%s/task/%" G_GINT64_FORMAT, follow->domain, follow->task_id);

  ovh_client_call_async (g_task_get_source_object (task), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), follow_task_cb, task);
}

void
ovh_delegation_follow_task_async (OvhClient *client,
                                  const char *domain,
                                  gint64 task_id,
                                  guint first_interval_ms,
                                  guint timeout_ms,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  GTask *task;
  Follow *follow;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (domain != NULL && domain[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_delegation_follow_task_async);
  follow = g_new0 (Follow, 1);
  follow->domain = g_strdup (domain);
  follow->task_id = task_id;
  follow->interval_ms = MAX (first_interval_ms, 1);
  follow->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_task_set_task_data (task, follow, (GDestroyNotify) follow_free);
  if (task_id <= 0)
    {
      /* OVH made no task: nothing to wait for. */
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  follow_ask (task);
}

gboolean
ovh_delegation_follow_task_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
