/* ovh-dynhost.c: a zone's DynHost records and logins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ovh-dynhost.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

/* The records --------------------------------------------------------------------------------- */

struct _OvhDynHostRecord
{
  GObject parent_instance;
  gint64 id;
  char *subdomain;
  char *ip;
};

G_DEFINE_FINAL_TYPE (OvhDynHostRecord, ovh_dynhost_record, G_TYPE_OBJECT)

enum
{
  RECORD_PROP_0,
  RECORD_PROP_ID,
  RECORD_PROP_SUBDOMAIN,
  RECORD_PROP_IP,
  N_RECORD_PROPS
};

static GParamSpec *record_props[N_RECORD_PROPS];

static void
ovh_dynhost_record_finalize (GObject *object)
{
  OvhDynHostRecord *self = OVH_DYNHOST_RECORD (object);

  g_free (self->subdomain);
  g_free (self->ip);
  G_OBJECT_CLASS (ovh_dynhost_record_parent_class)->finalize (object);
}

static void
ovh_dynhost_record_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  OvhDynHostRecord *self = OVH_DYNHOST_RECORD (object);

  switch (id)
    {
    case RECORD_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case RECORD_PROP_SUBDOMAIN:
      g_value_set_string (value, self->subdomain);
      break;
    case RECORD_PROP_IP:
      g_value_set_string (value, self->ip);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
ovh_dynhost_record_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  OvhDynHostRecord *self = OVH_DYNHOST_RECORD (object);

  switch (id)
    {
    case RECORD_PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case RECORD_PROP_SUBDOMAIN:
      self->subdomain = g_value_dup_string (value);
      break;
    case RECORD_PROP_IP:
      self->ip = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
ovh_dynhost_record_class_init (OvhDynHostRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                      | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_dynhost_record_finalize;
  object_class->get_property = ovh_dynhost_record_get_property;
  object_class->set_property = ovh_dynhost_record_set_property;

  record_props[RECORD_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  record_props[RECORD_PROP_SUBDOMAIN] = g_param_spec_string ("subdomain", NULL, NULL, "", flags);
  record_props[RECORD_PROP_IP] = g_param_spec_string ("ip", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_RECORD_PROPS, record_props);
}

static void
ovh_dynhost_record_init (OvhDynHostRecord *self)
{
}

OvhDynHostRecord *
ovh_dynhost_record_new (gint64 id, const char *subdomain, const char *ip)
{
  return g_object_new (OVH_TYPE_DYNHOST_RECORD, "id", id, "subdomain",
                       subdomain != NULL ? subdomain : "", "ip", ip, NULL);
}

gint64
ovh_dynhost_record_get_id (OvhDynHostRecord *self)
{
  g_return_val_if_fail (OVH_IS_DYNHOST_RECORD (self), 0);
  return self->id;
}

const char *
ovh_dynhost_record_get_subdomain (OvhDynHostRecord *self)
{
  g_return_val_if_fail (OVH_IS_DYNHOST_RECORD (self), NULL);
  return self->subdomain;
}

const char *
ovh_dynhost_record_get_ip (OvhDynHostRecord *self)
{
  g_return_val_if_fail (OVH_IS_DYNHOST_RECORD (self), NULL);
  return self->ip;
}

/* The logins ---------------------------------------------------------------------------------- */

struct _OvhDynHostLogin
{
  GObject parent_instance;
  char *login;
  char *subdomain;
  char *zone;
};

G_DEFINE_FINAL_TYPE (OvhDynHostLogin, ovh_dynhost_login, G_TYPE_OBJECT)

enum
{
  LOGIN_PROP_0,
  LOGIN_PROP_LOGIN,
  LOGIN_PROP_SUBDOMAIN,
  LOGIN_PROP_ZONE,
  N_LOGIN_PROPS
};

static GParamSpec *login_props[N_LOGIN_PROPS];

static void
ovh_dynhost_login_finalize (GObject *object)
{
  OvhDynHostLogin *self = OVH_DYNHOST_LOGIN (object);

  g_free (self->login);
  g_free (self->subdomain);
  g_free (self->zone);
  G_OBJECT_CLASS (ovh_dynhost_login_parent_class)->finalize (object);
}

static char **
login_field (OvhDynHostLogin *self, guint id)
{
  switch (id)
    {
    case LOGIN_PROP_LOGIN:
      return &self->login;
    case LOGIN_PROP_SUBDOMAIN:
      return &self->subdomain;
    case LOGIN_PROP_ZONE:
      return &self->zone;
    default:
      return NULL;
    }
}

static void
ovh_dynhost_login_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  char **field = login_field (OVH_DYNHOST_LOGIN (object), id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
ovh_dynhost_login_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  char **field = login_field (OVH_DYNHOST_LOGIN (object), id);

  if (field != NULL)
    *field = g_value_dup_string (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
ovh_dynhost_login_class_init (OvhDynHostLoginClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                      | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_dynhost_login_finalize;
  object_class->get_property = ovh_dynhost_login_get_property;
  object_class->set_property = ovh_dynhost_login_set_property;

  login_props[LOGIN_PROP_LOGIN] = g_param_spec_string ("login", NULL, NULL, "", flags);
  login_props[LOGIN_PROP_SUBDOMAIN] = g_param_spec_string ("subdomain", NULL, NULL, "", flags);
  login_props[LOGIN_PROP_ZONE] = g_param_spec_string ("zone", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_LOGIN_PROPS, login_props);
}

static void
ovh_dynhost_login_init (OvhDynHostLogin *self)
{
}

OvhDynHostLogin *
ovh_dynhost_login_new (const char *login, const char *subdomain, const char *zone)
{
  return g_object_new (OVH_TYPE_DYNHOST_LOGIN, "login", login, "subdomain", subdomain, "zone", zone,
                       NULL);
}

const char *
ovh_dynhost_login_get_login (OvhDynHostLogin *self)
{
  g_return_val_if_fail (OVH_IS_DYNHOST_LOGIN (self), NULL);
  return self->login;
}

const char *
ovh_dynhost_login_get_subdomain (OvhDynHostLogin *self)
{
  g_return_val_if_fail (OVH_IS_DYNHOST_LOGIN (self), NULL);
  return self->subdomain;
}

const char *
ovh_dynhost_login_get_zone (OvhDynHostLogin *self)
{
  g_return_val_if_fail (OVH_IS_DYNHOST_LOGIN (self), NULL);
  return self->zone;
}

/* What the user gives ------------------------------------------------------------------------- */

static gboolean
bad_input (GError **error, const char *message)
{
  g_propagate_error (error, ovh_error_new_full (OVH_ERROR_BAD_PARAMETERS, 0, NULL, NULL, message));
  return FALSE;
}

gboolean
ovh_dynhost_check_ip (const char *ip, GError **error)
{
  g_autoptr (GInetAddress) address = NULL;

  if (ip == NULL || ip[0] == '\0')
    return bad_input (error, _ ("Enter the IPv4 address the name points to."));
  /* GInetAddress also reads forms such as "1.2.3" on some systems: insist on four numbers. */
  address = g_inet_address_new_from_string (ip);
  if (address == NULL || g_inet_address_get_family (address) != G_SOCKET_FAMILY_IPV4
      || strspn (ip, "0123456789.") != strlen (ip))
    return bad_input (error, _ ("DynHost takes an IPv4 address, such as 203.0.113.7."));
  return TRUE;
}

gboolean
ovh_dynhost_check_subdomain (const char *subdomain, gboolean allow_any, GError **error)
{
  g_auto (GStrv) labels = NULL;

  g_return_val_if_fail (subdomain != NULL, FALSE);

  if (allow_any && g_str_equal (subdomain, "*"))
    return TRUE;
  if (subdomain[0] == '\0')
    {
      if (allow_any)
        return bad_input (error, _ ("Enter a subdomain, or * to allow every subdomain."));
      return TRUE;
    }
  if (strlen (subdomain) > 200)
    return bad_input (error, _ ("The subdomain is longer than 200 characters."));

  labels = g_strsplit (subdomain, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize length = strlen (label);

      if (length == 0 || length > 63)
        return bad_input (error, _ ("Each part of the subdomain between dots takes 1 to 63 "
                                    "characters."));
      for (const char *p = label; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
          return bad_input (error, _ ("A subdomain takes letters, digits, hyphens, underscores "
                                      "and dots only."));
      if (label[0] == '-' || label[length - 1] == '-')
        return bad_input (error, _ ("A part of the subdomain cannot start or end with a hyphen."));
    }
  return TRUE;
}

gboolean
ovh_dynhost_check_login_suffix (const char *suffix, GError **error)
{
  gsize length = suffix != NULL ? strlen (suffix) : 0;

  if (length == 0)
    return bad_input (error, _ ("Enter a name for the login."));
  if (length > 32)
    return bad_input (error, _ ("The login’s name is longer than 32 characters."));
  for (const char *p = suffix; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return bad_input (error, _ ("A login’s name takes letters, digits, hyphens, underscores "
                                  "and dots only."));
  return TRUE;
}

gboolean
ovh_dynhost_check_password (const char *password, GError **error)
{
  glong length = password != NULL ? g_utf8_strlen (password, -1) : 0;
  g_autofree char *message = NULL;

  if (password != NULL && !g_utf8_validate (password, -1, NULL))
    return bad_input (error, _ ("The password is not valid text."));
  if (length >= OVH_DYNHOST_PASSWORD_MIN && length <= OVH_DYNHOST_PASSWORD_MAX)
    return TRUE;
  message = g_strdup_printf (_ ("A DynHost password takes %d to %d characters."),
                             OVH_DYNHOST_PASSWORD_MIN, OVH_DYNHOST_PASSWORD_MAX);
  return bad_input (error, message);
}

char *
ovh_dynhost_generate_password (void)
{
  static const char alphabet[]
      = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"; /* no look-alikes */
  GString *password = g_string_new (NULL);

  /* 24 characters from 57: about 140 bits, within what OVHcloud takes. */
  for (guint i = 0; i < 24; i++)
    g_string_append_c (password, alphabet[g_random_int_range (0, sizeof alphabet - 1)]);
  return g_string_free (password, FALSE);
}

char *
ovh_dynhost_login_name (const char *zone, const char *suffix)
{
  return g_strdup_printf ("%s-%s", zone, suffix);
}

/* What the server answers --------------------------------------------------------------------- */

static GError *
invalid_answer (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

static OvhDynHostRecord *
record_from_json (JsonNode *node, GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *subdomain = NULL;
  const char *ip = NULL;
  gint64 id = 0;
  g_autoptr (GInetAddress) address = NULL;

  if (object == NULL)
    {
      g_propagate_error (error, invalid_answer (_ ("OVHcloud sent a DynHost record that is not an "
                                                   "object")));
      return NULL;
    }
  if (!ovh_json_read_int64 (object, "id", OVH_JSON_REQUIRED, &id, error)
      || !ovh_json_read_string (object, "subDomain", OVH_JSON_OPTIONAL, &subdomain, error)
      || !ovh_json_read_string (object, "ip", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, &ip, error))
    {
      /* Translators: an explanation such as “ip” is missing follows */
      g_prefix_error (error, _ ("A DynHost record sent by OVHcloud is not valid: "));
      return NULL;
    }
  address = g_inet_address_new_from_string (ip);
  if (id < 0 || address == NULL)
    {
      g_propagate_error (error, invalid_answer (_ ("A DynHost record sent by OVHcloud has an "
                                                   "invalid ID or IP address")));
      return NULL;
    }
  return ovh_dynhost_record_new (id, subdomain, ip);
}

static OvhDynHostLogin *
login_from_json (JsonNode *node, const char *zone, GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *login = NULL;
  const char *subdomain = NULL;
  const char *answer_zone = NULL;

  if (object == NULL)
    {
      g_propagate_error (error, invalid_answer (_ ("OVHcloud sent a DynHost login that is not an "
                                                   "object")));
      return NULL;
    }
  if (!ovh_json_read_string (object, "login", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, &login, error)
      || !ovh_json_read_string (object, "subDomain", OVH_JSON_REQUIRED, &subdomain, error)
      || !ovh_json_read_string (object, "zone", OVH_JSON_OPTIONAL, &answer_zone, error))
    {
      g_prefix_error (error, _ ("A DynHost login sent by OVHcloud is not valid: "));
      return NULL;
    }
  return ovh_dynhost_login_new (login, subdomain, answer_zone != NULL ? answer_zone : zone);
}

/* Listing ------------------------------------------------------------------------------------- */

typedef enum
{
  KIND_RECORDS,
  KIND_LOGINS
} Kind;

typedef struct
{
  Kind kind;
  char *zone;
  char *base;       /* /domain/zone/{zone}/dynHost/record or …/login */
  GPtrArray *keys;  /* char*: ids as text or login names */
  GPtrArray *items; /* the objects */
  guint next;       /* per-key pass */
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->zone);
  g_free (data->base);
  g_clear_pointer (&data->keys, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

static GObject *
item_from_json (ListData *data, JsonNode *node, GError **error)
{
  if (data->kind == KIND_RECORDS)
    return G_OBJECT (record_from_json (node, error));
  return G_OBJECT (login_from_json (node, data->zone, error));
}

static int
compare_records (gconstpointer a, gconstpointer b)
{
  OvhDynHostRecord *x = *(OvhDynHostRecord **) a;
  OvhDynHostRecord *y = *(OvhDynHostRecord **) b;
  int by_name = g_strcmp0 (x->subdomain, y->subdomain);

  return by_name != 0 ? by_name : (x->id > y->id) - (x->id < y->id);
}

static int
compare_logins (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 ((*(OvhDynHostLogin **) a)->login, (*(OvhDynHostLogin **) b)->login);
}

static void
list_return (GTask *task)
{
  ListData *data = g_task_get_task_data (task);

  g_ptr_array_sort (data->items, data->kind == KIND_RECORDS ? compare_records : compare_logins);
  g_task_return_pointer (task, g_steal_pointer (&data->items), (GDestroyNotify) g_ptr_array_unref);
}

static void item_cb (GObject *source, GAsyncResult *result, gpointer user_data);

/* One GET per key: what is left when the server does not take batches. */
static void
list_next_item (GTask *task)
{
  ListData *data = g_task_get_task_data (task);
  g_autofree char *key_path = NULL;
  g_autofree char *path = NULL;

  if (data->next >= data->keys->len)
    {
      list_return (task);
      g_object_unref (task);
      return;
    }
  key_path = ovh_path_printf ("/%s", (char *) g_ptr_array_index (data->keys, data->next));
  path = g_strconcat (data->base, key_path, NULL);
  ovh_client_call_async (g_task_get_source_object (task), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), item_cb, task);
}

static void
item_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  GObject *item;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL && g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    g_clear_error (&error); /* deleted since it was listed */
  else if (node == NULL || (item = item_from_json (data, node, &error)) == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  else
    g_ptr_array_add (data->items, item);

  data->next++;
  list_next_item (task);
}

/* A batch answer: wrappers {key, value, error}. FALSE when it does not have that shape, for the
 * per-key pass to take over; an item the server refused (deleted since listed) is left out. */
static gboolean
parse_batch (ListData *data, JsonNode *node, GError **error)
{
  JsonArray *array = ovh_json_node_get_array (node);

  if (array == NULL || json_array_get_length (array) != data->keys->len)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *wrapper = ovh_json_node_get_object (json_array_get_element (array, i));
      JsonNode *value;
      GObject *item;

      if (wrapper == NULL)
        return FALSE;
      value = json_object_get_member (wrapper, "value");
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        {
          if (!json_object_has_member (wrapper, "error"))
            return FALSE;
          continue;
        }
      item = item_from_json (data, value, error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (data->items, item);
    }
  return TRUE;
}

static void
batch_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node != NULL && parse_batch (data, node, &error))
    {
      list_return (task);
      g_object_unref (task);
      return;
    }
  /* Refused as a batch (a 400 or 404 on the joined keys), or not a batch answer: one by one. */
  if (error != NULL && !g_error_matches (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS)
      && !g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND)
      && !g_error_matches (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_ptr_array_set_size (data->items, 0);
  data->next = 0;
  list_next_item (task);
}

static gboolean
key_is_plain (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return key[0] != '\0';
}

/* All the keys in one request (X-Ovh-Batch), as OVH's own front end does. */
static void
list_items (GTask *task)
{
  ListData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = NULL;
  g_autoptr (GString) path = NULL;

  if (data->keys->len < 2)
    {
      list_next_item (task);
      return;
    }
  path = g_string_new (data->base);
  g_string_append_c (path, '/');
  for (guint i = 0; i < data->keys->len; i++)
    {
      const char *key = g_ptr_array_index (data->keys, i);

      if (!key_is_plain (key))
        {
          list_next_item (task); /* a key that would need escaping: no batch */
          return;
        }
      if (i > 0)
        g_string_append_c (path, ',');
      g_string_append (path, key);
    }
  headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (headers, (char *) "X-Ovh-Batch", (char *) ",");
  ovh_client_call_full_async (g_task_get_source_object (task), "GET", path->str, NULL, headers,
                              OVH_CALL_NONE, g_task_get_cancellable (task), batch_cb, task);
}

static void
keys_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *array;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  array = ovh_json_node_get_array (node);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (data->kind == KIND_RECORDS && ovh_json_node_get_int64 (element, &id) && id >= 0)
        g_ptr_array_add (data->keys, g_strdup_printf ("%" G_GINT64_FORMAT, id));
      else if (data->kind == KIND_LOGINS && ovh_json_node_get_string (element) != NULL
               && ovh_json_node_get_string (element)[0] != '\0')
        g_ptr_array_add (data->keys, g_strdup (ovh_json_node_get_string (element)));
      else
        array = NULL;
    }
  if (array == NULL)
    {
      g_task_return_error (task, invalid_answer (data->kind == KIND_RECORDS
                                                     ? _ ("The list of DynHost records is not a "
                                                          "list of IDs")
                                                     : _ ("The list of DynHost logins is not a "
                                                          "list of names")));
      g_object_unref (task);
      return;
    }
  list_items (task);
}

static void
list_async (OvhClient *client,
            Kind kind,
            const char *zone,
            GCancellable *cancellable,
            GAsyncReadyCallback callback,
            gpointer user_data,
            gpointer source_tag)
{
  GTask *task;
  ListData *data;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && zone[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  data = g_new0 (ListData, 1);
  data->kind = kind;
  data->zone = g_strdup (zone);
  data->base = ovh_path_printf (kind == KIND_RECORDS ? "/domain/zone/%s/dynHost/record"
                                                     : "/domain/zone/%s/dynHost/login",
                                zone);
  data->keys = g_ptr_array_new_with_free_func (g_free);
  data->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  ovh_client_call_async (client, "GET", data->base, NULL, OVH_CALL_NONE, cancellable, keys_cb,
                         task);
}

void
ovh_dynhost_list_records_async (OvhClient *client,
                                const char *zone,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  list_async (client, KIND_RECORDS, zone, cancellable, callback, user_data,
              ovh_dynhost_list_records_async);
}

GPtrArray *
ovh_dynhost_list_records_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ovh_dynhost_list_logins_async (OvhClient *client,
                               const char *zone,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  list_async (client, KIND_LOGINS, zone, cancellable, callback, user_data,
              ovh_dynhost_list_logins_async);
}

GPtrArray *
ovh_dynhost_list_logins_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Changes ------------------------------------------------------------------------------------- */

typedef enum
{
  ANSWER_NONE,
  ANSWER_RECORD,
  ANSWER_LOGIN
} Answer;

typedef struct
{
  char *zone;
  Answer answer;
  gboolean refresh; /* record changes are served only once the zone is refreshed */
  GObject *item;    /* what the change answered */
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_free (data->zone);
  g_clear_object (&data->item);
  g_free (data);
}

static void
refresh_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
change_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ChangeData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL && data->answer == ANSWER_RECORD)
    data->item = G_OBJECT (record_from_json (node, &error));
  else if (node != NULL && data->answer == ANSWER_LOGIN)
    data->item = G_OBJECT (login_from_json (node, data->zone, &error));
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!data->refresh)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  path = ovh_path_printf ("/domain/zone/%s/refresh", data->zone);
  cancellable = g_task_get_cancellable (task);
  ovh_client_call_async (OVH_CLIENT (source), "POST", path, NULL, OVH_CALL_NONE, cancellable,
                         refresh_cb, g_steal_pointer (&task));
}

/* Takes body. */
static void
change_async (OvhClient *client,
              const char *zone,
              const char *method,
              char *path,
              JsonObject *body,
              Answer answer,
              gboolean refresh,
              GCancellable *cancellable,
              GAsyncReadyCallback callback,
              gpointer user_data,
              gpointer source_tag)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *owned_path = path;
  GTask *task;
  ChangeData *data;

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  data = g_new0 (ChangeData, 1);
  data->zone = g_strdup (zone);
  data->answer = answer;
  data->refresh = refresh;
  g_task_set_task_data (task, data, (GDestroyNotify) change_data_free);
  if (body != NULL)
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, body);
    }
  ovh_client_call_async (client, method, owned_path, node, OVH_CALL_NONE, cancellable, change_cb,
                         task);
}

/* Reports a refused input through the callback, as the call would. */
static gboolean
input_is_valid (OvhClient *client,
                GError *error,
                GAsyncReadyCallback callback,
                gpointer user_data,
                gpointer source_tag)
{
  if (error == NULL)
    return TRUE;
  g_task_report_error (client, callback, user_data, source_tag, error);
  return FALSE;
}

static JsonObject *
record_body (const char *subdomain, const char *ip)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "ip", ip);
  json_object_set_string_member (body, "subDomain", subdomain);
  return body;
}

void
ovh_dynhost_create_record_async (OvhClient *client,
                                 const char *zone,
                                 const char *subdomain,
                                 const char *ip,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  GError *error = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && subdomain != NULL);

  if (ovh_dynhost_check_subdomain (subdomain, FALSE, &error))
    ovh_dynhost_check_ip (ip, &error);
  if (!input_is_valid (client, error, callback, user_data, ovh_dynhost_create_record_async))
    return;
  change_async (client, zone, "POST", ovh_path_printf ("/domain/zone/%s/dynHost/record", zone),
                record_body (subdomain, ip), ANSWER_RECORD, TRUE, cancellable, callback, user_data,
                ovh_dynhost_create_record_async);
}

OvhDynHostRecord *
ovh_dynhost_create_record_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  ChangeData *data;

  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  return OVH_DYNHOST_RECORD (g_steal_pointer (&data->item));
}

void
ovh_dynhost_update_record_async (OvhClient *client,
                                 const char *zone,
                                 gint64 id,
                                 const char *subdomain,
                                 const char *ip,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  GError *error = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && subdomain != NULL);

  if (ovh_dynhost_check_subdomain (subdomain, FALSE, &error))
    ovh_dynhost_check_ip (ip, &error);
  if (!input_is_valid (client, error, callback, user_data, ovh_dynhost_update_record_async))
    return;
  change_async (client, zone, "PUT",
                ovh_path_printf ("/domain/zone/%s/dynHost/record/%s", zone, id_text),
                record_body (subdomain, ip), ANSWER_NONE, TRUE, cancellable, callback, user_data,
                ovh_dynhost_update_record_async);
}

void
ovh_dynhost_delete_record_async (OvhClient *client,
                                 const char *zone,
                                 gint64 id,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL);

  change_async (
      client, zone, "DELETE", ovh_path_printf ("/domain/zone/%s/dynHost/record/%s", zone, id_text),
      NULL, ANSWER_NONE, TRUE, cancellable, callback, user_data, ovh_dynhost_delete_record_async);
}

void
ovh_dynhost_create_login_async (OvhClient *client,
                                const char *zone,
                                const char *suffix,
                                const char *subdomain,
                                const char *password,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  JsonObject *body;
  GError *error = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && subdomain != NULL);

  if (ovh_dynhost_check_login_suffix (suffix, &error)
      && ovh_dynhost_check_subdomain (subdomain, TRUE, &error))
    ovh_dynhost_check_password (password, &error);
  if (!input_is_valid (client, error, callback, user_data, ovh_dynhost_create_login_async))
    return;
  body = json_object_new ();
  json_object_set_string_member (body, "loginSuffix", suffix);
  json_object_set_string_member (body, "password", password);
  json_object_set_string_member (body, "subDomain", subdomain);
  change_async (client, zone, "POST", ovh_path_printf ("/domain/zone/%s/dynHost/login", zone), body,
                ANSWER_LOGIN, FALSE, cancellable, callback, user_data,
                ovh_dynhost_create_login_async);
}

OvhDynHostLogin *
ovh_dynhost_create_login_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  ChangeData *data;

  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  return OVH_DYNHOST_LOGIN (g_steal_pointer (&data->item));
}

void
ovh_dynhost_update_login_async (OvhClient *client,
                                const char *zone,
                                const char *login,
                                const char *subdomain,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  JsonObject *body;
  GError *error = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && login != NULL && subdomain != NULL);

  ovh_dynhost_check_subdomain (subdomain, TRUE, &error);
  if (!input_is_valid (client, error, callback, user_data, ovh_dynhost_update_login_async))
    return;
  body = json_object_new ();
  json_object_set_string_member (body, "subDomain", subdomain);
  change_async (
      client, zone, "PUT", ovh_path_printf ("/domain/zone/%s/dynHost/login/%s", zone, login), body,
      ANSWER_NONE, FALSE, cancellable, callback, user_data, ovh_dynhost_update_login_async);
}

void
ovh_dynhost_change_password_async (OvhClient *client,
                                   const char *zone,
                                   const char *login,
                                   const char *password,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  JsonObject *body;
  GError *error = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && login != NULL);

  ovh_dynhost_check_password (password, &error);
  if (!input_is_valid (client, error, callback, user_data, ovh_dynhost_change_password_async))
    return;
  body = json_object_new ();
  json_object_set_string_member (body, "password", password);
  change_async (client, zone, "POST",
                ovh_path_printf ("/domain/zone/%s/dynHost/login/%s/changePassword", zone, login),
                body, ANSWER_NONE, FALSE, cancellable, callback, user_data,
                ovh_dynhost_change_password_async);
}

void
ovh_dynhost_delete_login_async (OvhClient *client,
                                const char *zone,
                                const char *login,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && login != NULL);

  change_async (
      client, zone, "DELETE", ovh_path_printf ("/domain/zone/%s/dynHost/login/%s", zone, login),
      NULL, ANSWER_NONE, FALSE, cancellable, callback, user_data, ovh_dynhost_delete_login_async);
}

gboolean
ovh_dynhost_change_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
