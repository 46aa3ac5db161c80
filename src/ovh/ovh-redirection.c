/* ovh-redirection.c: a zone's web redirections
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
#include "ovh-redirection.h"

#define BATCH_SIZE 50

G_DEFINE_ENUM_TYPE (OvhRedirectionType,
                    ovh_redirection_type,
                    G_DEFINE_ENUM_VALUE (OVH_REDIRECTION_VISIBLE, "visible"),
                    G_DEFINE_ENUM_VALUE (OVH_REDIRECTION_VISIBLE_PERMANENT, "visible-permanent"),
                    G_DEFINE_ENUM_VALUE (OVH_REDIRECTION_INVISIBLE, "invisible"))

static const char *const type_names[] = { "visible", "visiblePermanent", "invisible" };

const char *
ovh_redirection_type_to_string (OvhRedirectionType type)
{
  g_return_val_if_fail (type <= OVH_REDIRECTION_INVISIBLE, NULL);
  return type_names[type];
}

gboolean
ovh_redirection_type_from_string (const char *text, OvhRedirectionType *type)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (type_names); i++)
    if (g_str_equal (text, type_names[i]))
      {
        *type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ovh_redirection_type_get_label (OvhRedirectionType type)
{
  switch (type)
    {
    case OVH_REDIRECTION_VISIBLE:
      return _ ("Temporary (302)");
    case OVH_REDIRECTION_VISIBLE_PERMANENT:
      return _ ("Permanent (301)");
    case OVH_REDIRECTION_INVISIBLE:
      return _ ("Invisible (frame)");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The model ----------------------------------------------------------------------------------- */

struct _OvhRedirection
{
  GObject parent_instance;
  gint64 id;
  char *subdomain;
  OvhRedirectionType type;
  char *target;
  char *title;
  char *keywords;
  char *description;
};

G_DEFINE_FINAL_TYPE (OvhRedirection, ovh_redirection, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_SUBDOMAIN,
  PROP_TYPE,
  PROP_TARGET,
  PROP_TITLE,
  PROP_KEYWORDS,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (OvhRedirection *self, guint id)
{
  switch (id)
    {
    case PROP_SUBDOMAIN:
      return &self->subdomain;
    case PROP_TARGET:
      return &self->target;
    case PROP_TITLE:
      return &self->title;
    case PROP_KEYWORDS:
      return &self->keywords;
    case PROP_DESCRIPTION:
      return &self->description;
    default:
      return NULL;
    }
}

static void
ovh_redirection_finalize (GObject *object)
{
  OvhRedirection *self = OVH_REDIRECTION (object);

  g_free (self->subdomain);
  g_free (self->target);
  g_free (self->title);
  g_free (self->keywords);
  g_free (self->description);
  G_OBJECT_CLASS (ovh_redirection_parent_class)->finalize (object);
}

static void
ovh_redirection_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  OvhRedirection *self = OVH_REDIRECTION (object);
  char **field = string_field (self, id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (id == PROP_TYPE)
    g_value_set_enum (value, self->type);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
ovh_redirection_set_property (GObject *object, guint id, const GValue *value, GParamSpec *pspec)
{
  OvhRedirection *self = OVH_REDIRECTION (object);
  char **field = string_field (self, id);

  if (field != NULL)
    *field = g_value_dup_string (value);
  else if (id == PROP_ID)
    self->id = g_value_get_int64 (value);
  else if (id == PROP_TYPE)
    self->type = g_value_get_enum (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
}

static void
ovh_redirection_class_init (OvhRedirectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                      | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_redirection_finalize;
  object_class->get_property = ovh_redirection_get_property;
  object_class->set_property = ovh_redirection_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SUBDOMAIN] = g_param_spec_string ("subdomain", NULL, NULL, "", flags);
  properties[PROP_TYPE]
      = g_param_spec_enum ("redirection-type", NULL, NULL, OVH_TYPE_REDIRECTION_TYPE, 0, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KEYWORDS] = g_param_spec_string ("keywords", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_redirection_init (OvhRedirection *self)
{
}

/* "" and NULL are both "none" for the texts of an invisible redirection. */
static const char *
none_if_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

OvhRedirection *
ovh_redirection_new (gint64 id,
                     const char *subdomain,
                     OvhRedirectionType type,
                     const char *target,
                     const char *title,
                     const char *keywords,
                     const char *description)
{
  g_return_val_if_fail (target != NULL, NULL);

  return g_object_new (OVH_TYPE_REDIRECTION, "id", id, "subdomain",
                       subdomain != NULL ? subdomain : "", "redirection-type", type, "target",
                       target, "title", none_if_empty (title), "keywords", none_if_empty (keywords),
                       "description", none_if_empty (description), NULL);
}

gint64
ovh_redirection_get_id (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), 0);
  return self->id;
}

const char *
ovh_redirection_get_subdomain (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  return self->subdomain;
}

OvhRedirectionType
ovh_redirection_get_redirection_type (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), OVH_REDIRECTION_VISIBLE);
  return self->type;
}

const char *
ovh_redirection_get_target (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  return self->target;
}

const char *
ovh_redirection_get_title (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  return self->title;
}

const char *
ovh_redirection_get_keywords (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  return self->keywords;
}

const char *
ovh_redirection_get_description (OvhRedirection *self)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  return self->description;
}

OvhRedirection *
ovh_redirection_copy_with_id (OvhRedirection *self, gint64 id)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  return ovh_redirection_new (id, self->subdomain, self->type, self->target, self->title,
                              self->keywords, self->description);
}

gboolean
ovh_redirection_equal_content (OvhRedirection *a, OvhRedirection *b)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (a) && OVH_IS_REDIRECTION (b), FALSE);
  return g_ascii_strcasecmp (a->subdomain, b->subdomain) == 0 && a->type == b->type
         && g_str_equal (a->target, b->target) && g_strcmp0 (a->title, b->title) == 0
         && g_strcmp0 (a->keywords, b->keywords) == 0
         && g_strcmp0 (a->description, b->description) == 0;
}

char *
ovh_redirection_dup_source (OvhRedirection *self, const char *zone)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (self), NULL);
  if (self->subdomain[0] == '\0')
    return g_strdup_printf ("http://%s/", zone);
  return g_strdup_printf ("http://%s.%s/", self->subdomain, zone);
}

/* What the user gives ------------------------------------------------------------------------- */

static gboolean
bad_input (GError **error, const char *message)
{
  g_propagate_error (error, ovh_error_new_full (OVH_ERROR_BAD_PARAMETERS, 0, NULL, NULL, message));
  return FALSE;
}

gboolean
ovh_redirection_check_subdomain (const char *subdomain, GError **error)
{
  g_return_val_if_fail (subdomain != NULL, FALSE);
  /* The same names as DynHost's: labels of letters, digits, hyphens and underscores. */
  return ovh_dynhost_check_subdomain (subdomain, FALSE, error);
}

gboolean
ovh_redirection_check_target (const char *target, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (target == NULL || target[0] == '\0')
    return bad_input (error, _ ("Enter the web address to redirect to."));
  if (!g_utf8_validate (target, -1, NULL) || strlen (target) > 4000)
    return bad_input (error, _ ("The web address is not valid text or is too long."));
  for (const char *p = target; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return bad_input (error, _ ("A web address cannot hold spaces."));
  uri = g_uri_parse (target, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return bad_input (error, _ ("The target must be a web address starting with http:// or "
                                "https://, such as https://www.example.com/."));
  if (host == NULL || host[0] == '\0' || strchr (host, '.') == NULL)
    return bad_input (error, _ ("The web address needs a full host name, such as "
                                "www.example.com."));
  return TRUE;
}

gboolean
ovh_redirection_check (OvhRedirection *redirection, GError **error)
{
  g_return_val_if_fail (OVH_IS_REDIRECTION (redirection), FALSE);
  return ovh_redirection_check_subdomain (redirection->subdomain, error)
         && ovh_redirection_check_target (redirection->target, error);
}

/* What the server answers --------------------------------------------------------------------- */

static GError *
invalid_answer (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

OvhRedirection *
ovh_redirection_new_from_json (JsonNode *node, GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *subdomain = NULL;
  const char *type_name = NULL;
  const char *target = NULL;
  const char *title = NULL;
  const char *keywords = NULL;
  const char *description = NULL;
  OvhRedirectionType type;
  gint64 id = 0;

  if (object == NULL)
    {
      g_propagate_error (error, invalid_answer (_ ("OVHcloud sent a redirection that is not an "
                                                   "object")));
      return NULL;
    }
  if (!ovh_json_read_int64 (object, "id", OVH_JSON_REQUIRED, &id, error)
      || !ovh_json_read_string (object, "subDomain", OVH_JSON_OPTIONAL, &subdomain, error)
      || !ovh_json_read_string (object, "type", OVH_JSON_REQUIRED, &type_name, error)
      || !ovh_json_read_string (object, "target", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, &target,
                                error)
      || !ovh_json_read_string (object, "title", OVH_JSON_OPTIONAL, &title, error)
      || !ovh_json_read_string (object, "keywords", OVH_JSON_OPTIONAL, &keywords, error)
      || !ovh_json_read_string (object, "description", OVH_JSON_OPTIONAL, &description, error))
    {
      /* Translators: an explanation such as “target” is missing follows */
      g_prefix_error (error, _ ("A redirection sent by OVHcloud is not valid: "));
      return NULL;
    }
  if (id < 0 || !ovh_redirection_type_from_string (type_name, &type))
    {
      g_propagate_error (error, invalid_answer (_ ("A redirection sent by OVHcloud has an "
                                                   "invalid ID or type")));
      return NULL;
    }
  return ovh_redirection_new (id, subdomain, type, target, title, keywords, description);
}

/* Listing ------------------------------------------------------------------------------------- */

typedef struct
{
  char *base;       /* /domain/zone/{zone}/redirection */
  GArray *ids;      /* gint64 */
  GPtrArray *items; /* OvhRedirection* */
  guint next;       /* the first id not read yet */
  gboolean batch;   /* FALSE once the server refused a batch: one by one */
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->base);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

static int
compare_redirections (gconstpointer a, gconstpointer b)
{
  OvhRedirection *x = *(OvhRedirection **) a;
  OvhRedirection *y = *(OvhRedirection **) b;
  int by_name = g_strcmp0 (x->subdomain, y->subdomain);

  return by_name != 0 ? by_name : (x->id > y->id) - (x->id < y->id);
}

static void list_next (GTask *task);

static void
list_fail (GTask *task, GError *error)
{
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
item_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  OvhRedirection *item;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL && g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    g_clear_error (&error); /* deleted since it was listed */
  else if (node == NULL || (item = ovh_redirection_new_from_json (node, &error)) == NULL)
    {
      list_fail (task, error);
      return;
    }
  else
    g_ptr_array_add (data->items, item);
  data->next++;
  list_next (task);
}

/* A batch answer: wrappers {key, value, error}. FALSE when it does not have that shape, for
 * the one-by-one pass to take over; an item the server refused (deleted since) is left out. */
static gboolean
parse_batch (ListData *data, JsonNode *node, guint count, GError **error)
{
  JsonArray *array = ovh_json_node_get_array (node);
  guint old_len = data->items->len;

  if (array == NULL || json_array_get_length (array) != count)
    return FALSE;
  for (guint i = 0; i < count; i++)
    {
      JsonObject *wrapper = ovh_json_node_get_object (json_array_get_element (array, i));
      JsonNode *value = wrapper != NULL ? json_object_get_member (wrapper, "value") : NULL;
      OvhRedirection *item = NULL;

      if (wrapper != NULL && (value == NULL || JSON_NODE_HOLDS_NULL (value))
          && json_object_has_member (wrapper, "error"))
        continue;
      if (value != NULL)
        item = ovh_redirection_new_from_json (value, error);
      if (item == NULL)
        {
          g_ptr_array_set_size (data->items, old_len);
          return FALSE;
        }
      g_ptr_array_add (data->items, item);
    }
  return TRUE;
}

static guint
batch_count (ListData *data)
{
  return MIN (BATCH_SIZE, data->ids->len - data->next);
}

static void
batch_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  guint count = batch_count (data);

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node != NULL && parse_batch (data, node, count, &error))
    {
      data->next += count;
      list_next (task);
      return;
    }
  /* Refused as a batch (a 400 or 404 on the joined ids), or not a batch answer: one by one. */
  if (error != NULL && !g_error_matches (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS)
      && !g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND)
      && !g_error_matches (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE))
    {
      list_fail (task, g_steal_pointer (&error));
      return;
    }
  data->batch = FALSE;
  list_next (task);
}

static void
list_next (GTask *task)
{
  ListData *data = g_task_get_task_data (task);
  OvhClient *client = g_task_get_source_object (task);
  g_autoptr (GString) path = NULL;
  guint count;

  if (data->next >= data->ids->len)
    {
      g_ptr_array_sort (data->items, compare_redirections);
      g_task_return_pointer (task, g_steal_pointer (&data->items),
                             (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  count = batch_count (data);
  path = g_string_new (data->base);
  for (guint i = 0; i < (data->batch && count > 1 ? count : 1); i++)
    g_string_append_printf (path, "%c%" G_GINT64_FORMAT, i == 0 ? '/' : ',',
                            g_array_index (data->ids, gint64, data->next + i));
  if (data->batch && count > 1)
    {
      g_autoptr (GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (headers, (char *) "X-Ovh-Batch", (char *) ",");
      ovh_client_call_full_async (client, "GET", path->str, NULL, headers, OVH_CALL_NONE,
                                  g_task_get_cancellable (task), batch_cb, task);
    }
  else
    ovh_client_call_async (client, "GET", path->str, NULL, OVH_CALL_NONE,
                           g_task_get_cancellable (task), item_cb, task);
}

static void
ids_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *array;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      list_fail (task, error);
      return;
    }
  array = ovh_json_node_get_array (node);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id;

      if (ovh_json_node_get_int64 (json_array_get_element (array, i), &id) && id >= 0)
        g_array_append_val (data->ids, id);
      else
        array = NULL;
    }
  if (array == NULL)
    {
      list_fail (task, invalid_answer (_ ("The list of redirections is not a list of IDs")));
      return;
    }
  list_next (task);
}

void
ovh_redirection_list_async (OvhClient *client,
                            const char *zone,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;
  ListData *data;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && zone[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_redirection_list_async);
  data = g_new0 (ListData, 1);
  data->base = ovh_path_printf ("/domain/zone/%s/redirection", zone);
  data->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->items = g_ptr_array_new_with_free_func (g_object_unref);
  data->batch = TRUE;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);
  ovh_client_call_async (client, "GET", data->base, NULL, OVH_CALL_NONE, cancellable, ids_cb, task);
}

GPtrArray *
ovh_redirection_list_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Changes ------------------------------------------------------------------------------------- */

static void
change_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else if (g_task_get_source_tag (task) == ovh_redirection_create_async)
    {
      OvhRedirection *made = ovh_redirection_new_from_json (node, &error);

      if (made == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, made, g_object_unref);
    }
  else
    g_task_return_boolean (task, TRUE);
}

/* Takes path and body. */
static void
change_async (OvhClient *client,
              const char *method,
              char *path,
              JsonObject *body,
              GCancellable *cancellable,
              GAsyncReadyCallback callback,
              gpointer user_data,
              gpointer source_tag)
{
  g_autofree char *owned_path = path;
  g_autoptr (JsonNode) node = NULL;
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (body != NULL)
    {
      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, body);
    }
  ovh_client_call_async (client, method, owned_path, node, OVH_CALL_NONE, cancellable, change_cb,
                         task);
}

static void
set_text_or_null (JsonObject *body, const char *member, const char *text)
{
  if (text != NULL)
    json_object_set_string_member (body, member, text);
  else
    json_object_set_null_member (body, member);
}

/* What PUT takes (domain.zone.RedirectionUpdate); a create adds subDomain. */
static JsonObject *
update_body (OvhRedirection *redirection)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "target", redirection->target);
  json_object_set_string_member (body, "type", type_names[redirection->type]);
  set_text_or_null (body, "title", redirection->title);
  set_text_or_null (body, "keywords", redirection->keywords);
  set_text_or_null (body, "description", redirection->description);
  return body;
}

static gboolean
input_is_valid (OvhClient *client,
                OvhRedirection *redirection,
                GAsyncReadyCallback callback,
                gpointer user_data,
                gpointer source_tag)
{
  GError *error = NULL;

  if (ovh_redirection_check (redirection, &error))
    return TRUE;
  g_task_report_error (client, callback, user_data, source_tag, error);
  return FALSE;
}

void
ovh_redirection_create_async (OvhClient *client,
                              const char *zone,
                              OvhRedirection *redirection,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  JsonObject *body;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && OVH_IS_REDIRECTION (redirection));

  if (!input_is_valid (client, redirection, callback, user_data, ovh_redirection_create_async))
    return;
  body = update_body (redirection);
  json_object_set_string_member (body, "subDomain", redirection->subdomain);
  change_async (client, "POST", ovh_path_printf ("/domain/zone/%s/redirection", zone), body,
                cancellable, callback, user_data, ovh_redirection_create_async);
}

OvhRedirection *
ovh_redirection_create_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ovh_redirection_update_async (OvhClient *client,
                              const char *zone,
                              OvhRedirection *redirection,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autofree char *id = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && OVH_IS_REDIRECTION (redirection));

  if (!input_is_valid (client, redirection, callback, user_data, ovh_redirection_update_async))
    return;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, redirection->id);
  change_async (client, "PUT", ovh_path_printf ("/domain/zone/%s/redirection/%s", zone, id),
                update_body (redirection), cancellable, callback, user_data,
                ovh_redirection_update_async);
}

void
ovh_redirection_delete_async (OvhClient *client,
                              const char *zone,
                              gint64 id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL);

  change_async (client, "DELETE", ovh_path_printf ("/domain/zone/%s/redirection/%s", zone, id_text),
                NULL, cancellable, callback, user_data, ovh_redirection_delete_async);
}

void
ovh_redirection_publish_async (OvhClient *client,
                               const char *zone,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL);

  change_async (client, "POST", ovh_path_printf ("/domain/zone/%s/refresh", zone), NULL,
                cancellable, callback, user_data, ovh_redirection_publish_async);
}

gboolean
ovh_redirection_change_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
