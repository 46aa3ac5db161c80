/* ovh-account-store.c: the accounts kept in the desktop keyring, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each account is one keyring item. Its attributes (which the keyring does NOT encrypt)
 * hold only what identifies it: the format generation, the account id, the endpoint and
 * the application key. The secret is a small JSON object, so the format can change with
 * the generation:
 *
 *   {"application_secret": "…", "consumer_key": "…" | null, "label": "…" | null,
 *    "nichandle": "…" | null, "sandbox": true (only on Domaine's own sandbox account),
 *    "position": N (the account's place in the list people arranged; absent before that)}
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

#include "ovh-account-store-private.h"
#include "ovh-json-private.h"
#include "ovh-secret.h"

#define STORE_GENERATION "1"

struct _OvhAccountStore
{
  GObject parent_instance;

  GPtrArray *accounts; /* OvhAccount */
  guint loaded : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OvhAccountStore,
                               ovh_account_store,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* clang-format 14 spaces out the name at file scope despite WhitespaceSensitiveMacros. */
/* clang-format off */
G_DEFINE_QUARK (ovh-account-store-error-quark, ovh_account_store_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const SecretSchema *
ovh_account_store_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.domaine.Account",
    SECRET_SCHEMA_NONE,
    {
        { "generation", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
        { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "application-key", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

/* Errors */

static gboolean
is_unavailable_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_BAD_ADDRESS:
        case G_DBUS_ERROR_FILE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_UNKNOWN_METHOD:
        case G_DBUS_ERROR_UNKNOWN_OBJECT:
        case G_DBUS_ERROR_UNKNOWN_INTERFACE:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_DBUS_ERROR)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static GError *
new_unavailable_error (void)
{
  return g_error_new_literal (
      OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE,
      _ ("No keyring is available to keep your OVHcloud accounts. Make sure "
         "GNOME Keyring or another Secret Service is running."));
}

static GError *
new_locked_error (void)
{
  return g_error_new_literal (
      OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_LOCKED,
      _ ("The keyring is locked. Unlock it to use your OVHcloud accounts."));
}

/* Turns what libsecret or GDBus said into one of our codes. A cancellation that we did not
 * ask for, or a failure without an error (libsecret's way of saying that a prompt to unlock or
 * create the keyring was dismissed), means the user refused to unlock. */
static GError *
translate_error (GError *error, GCancellable *cancellable)
{
  g_autoptr (GError) owned = error;

  /* What the keyring really said, for bug reports: its messages never hold a secret. */
  if (error != NULL)
    g_debug ("Keyring error: %s (%s %d)", error->message, g_quark_to_string (error->domain),
             error->code);

  if (error == NULL)
    return new_locked_error ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (cancellable))
        return g_steal_pointer (&owned);
      return new_locked_error ();
    }

  if (error->domain == OVH_ACCOUNT_STORE_ERROR)
    return g_steal_pointer (&owned);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return new_locked_error ();

  if (is_unavailable_error (error))
    return new_unavailable_error ();

  /* libsecret's messages name the failing step, never the secret itself. */
  return g_error_new (OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_FAILED,
                      _ ("Could not use the keyring: %s"), error->message);
}

/* Secret encoding */

static void
add_string_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The place an account was stored at, kept on the account between decoding and sorting. */
static GQuark
position_quark (void)
{
  return g_quark_from_static_string ("ovh-account-store-position");
}

static SecretValue *
encode_secret (OvhAccount *account, guint position)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_auto (OvhSecret) text = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "application_secret", ovh_account_get_application_secret (account));
  add_string_member (builder, "consumer_key", ovh_account_get_consumer_key (account));
  add_string_member (builder, "label", ovh_account_get_label (account));
  add_string_member (builder, "nichandle", ovh_account_get_nichandle (account));
  if (ovh_account_is_sandbox (account))
    {
      json_builder_set_member_name (builder, "sandbox");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (position != G_MAXUINT)
    {
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, position);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  return secret_value_new (text, -1, "text/plain");
}

static OvhAccount *
decode_item (SecretItem *item, GError **error)
{
  g_autoptr (GHashTable) attributes = secret_item_get_attributes (item);
  g_autoptr (SecretValue) value = NULL;
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (OvhAccount) account = NULL;
  const char *account_id;
  const char *endpoint;
  const char *application_key;
  const char *text;
  gsize length;
  JsonObject *object;
  const char *application_secret;
  const char *consumer_key;
  const char *label;
  const char *nichandle;
  gboolean sandbox = FALSE;
  guint64 position = G_MAXUINT;

  account_id = g_hash_table_lookup (attributes, "account-id");
  endpoint = g_hash_table_lookup (attributes, "endpoint");
  application_key = g_hash_table_lookup (attributes, "application-key");
  value = secret_item_get_secret (item);

  /* "locked" may be stale right after an unlock: only a missing secret says it is. */
  if (value == NULL && secret_item_get_locked (item))
    {
      g_propagate_error (error, new_locked_error ());
      return NULL;
    }

  if (account_id == NULL || endpoint == NULL || application_key == NULL || value == NULL)
    goto corrupt;

  text = secret_value_get (value, &length);
  document = ovh_json_parse (text, length, NULL);
  if (document == NULL)
    goto corrupt;

  object = ovh_json_node_get_object (document);
  if (object == NULL
      || !ovh_json_read_string (object, "application_secret", OVH_JSON_OPTIONAL,
                                &application_secret, NULL)
      || !ovh_json_read_string (object, "consumer_key", OVH_JSON_OPTIONAL, &consumer_key, NULL)
      || !ovh_json_read_string (object, "label", OVH_JSON_OPTIONAL, &label, NULL)
      || !ovh_json_read_string (object, "nichandle", OVH_JSON_OPTIONAL, &nichandle, NULL)
      || !ovh_json_read_boolean (object, "sandbox", OVH_JSON_OPTIONAL, &sandbox, NULL)
      || !ovh_json_read_uint (object, "position", OVH_JSON_OPTIONAL, G_MAXUINT - 1, &position,
                              NULL))
    goto corrupt;

  account = g_object_new (OVH_TYPE_ACCOUNT, "id", account_id, "endpoint", endpoint,
                          "application-key", application_key, "application-secret",
                          application_secret, "consumer-key", consumer_key, "label", label,
                          "nichandle", nichandle, "is-sandbox", sandbox, NULL);
  g_object_set_qdata (G_OBJECT (account), position_quark (), GUINT_TO_POINTER ((guint) position));
  return g_steal_pointer (&account);

corrupt:
  g_debug ("Keyring item of account %s cannot be read", account_id ? account_id : "(no id)");
  g_set_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_CORRUPT,
               _ ("The keyring entry of an OVHcloud account cannot be read."));
  return NULL;
}

static GHashTable *
new_attributes (const char *account_id, const char *endpoint, const char *application_key)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (char *) "generation", (char *) STORE_GENERATION);
  if (account_id != NULL)
    g_hash_table_insert (attributes, (char *) "account-id", (char *) account_id);
  if (endpoint != NULL)
    g_hash_table_insert (attributes, (char *) "endpoint", (char *) endpoint);
  if (application_key != NULL)
    g_hash_table_insert (attributes, (char *) "application-key", (char *) application_key);

  return attributes;
}

static GHashTable *
new_account_attributes (OvhAccount *account)
{
  return new_attributes (ovh_account_get_id (account), ovh_account_get_endpoint (account),
                         ovh_account_get_application_key (account));
}

static char *
dup_item_label (OvhAccount *account)
{
  g_autofree char *name = ovh_account_dup_display_name (account);

  /* Translators: the label of the keyring item, as Seahorse shows it */
  return g_strdup_printf (_ ("OVHcloud account “%s” (Domaine)"), name);
}

/* The model */

static GType
ovh_account_store_get_item_type (GListModel *model)
{
  return OVH_TYPE_ACCOUNT;
}

static guint
ovh_account_store_get_n_items (GListModel *model)
{
  return OVH_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
ovh_account_store_get_item (GListModel *model, guint position)
{
  OvhAccountStore *self = OVH_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ovh_account_store_get_item_type;
  iface->get_n_items = ovh_account_store_get_n_items;
  iface->get_item = ovh_account_store_get_item;
}

static gboolean
find_position (OvhAccountStore *self, const char *account_id, guint *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      OvhAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (ovh_account_get_id (account), account_id) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
append_account (OvhAccountStore *self, OvhAccount *account)
{
  g_ptr_array_add (self->accounts, g_object_ref (account));
  g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
remove_account_at (OvhAccountStore *self, guint position)
{
  g_ptr_array_remove_index (self->accounts, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The order people chose first; accounts stored before they chose one follow, by name. */
static int
compare_accounts (gconstpointer a, gconstpointer b)
{
  OvhAccount *account_a = *(OvhAccount **) a;
  OvhAccount *account_b = *(OvhAccount **) b;
  guint position_a
      = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (account_a), position_quark ()));
  guint position_b
      = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (account_b), position_quark ()));

  if (position_a != position_b)
    return position_a < position_b ? -1 : 1;

  g_autofree char *name_a = ovh_account_dup_display_name (account_a);
  g_autofree char *name_b = ovh_account_dup_display_name (account_b);
  g_autofree char *key_a = g_utf8_collate_key (name_a, -1);
  g_autofree char *key_b = g_utf8_collate_key (name_b, -1);
  int result = strcmp (key_a, key_b);

  if (result != 0)
    return result;
  return g_strcmp0 (ovh_account_get_id (account_a), ovh_account_get_id (account_b));
}

static void
ovh_account_store_finalize (GObject *object)
{
  OvhAccountStore *self = OVH_ACCOUNT_STORE (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (ovh_account_store_parent_class)->finalize (object);
}

static void
ovh_account_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhAccountStore *self = OVH_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->accounts->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_account_store_class_init (OvhAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_account_store_finalize;
  object_class->get_property = ovh_account_store_get_property;

  properties[PROP_LOADED]
      = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS]
      = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_account_store_init (OvhAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
}

OvhAccountStore *
ovh_account_store_new (void)
{
  return g_object_new (OVH_TYPE_ACCOUNT_STORE, NULL);
}

OvhAccount *
ovh_account_store_find (OvhAccountStore *self, const char *account_id)
{
  guint position;

  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (account_id != NULL, NULL);

  if (!find_position (self, account_id, &position))
    return NULL;
  return g_ptr_array_index (self->accounts, position);
}

gboolean
ovh_account_store_is_loaded (OvhAccountStore *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), FALSE);

  return self->loaded;
}

void
ovh_account_store_move_in_model (OvhAccountStore *self, guint from, guint to)
{
  OvhAccount *account;

  g_return_if_fail (from < self->accounts->len && to < self->accounts->len);

  if (from == to)
    return;
  account = g_ptr_array_steal_index (self->accounts, from);
  g_ptr_array_insert (self->accounts, to, account);
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (from, to), ABS ((int) from - (int) to) + 1,
                              ABS ((int) from - (int) to) + 1);
}

/* Operations: every one first gets the Secret Service (an error there means there is no
 * keyring), then talks to it. */

typedef struct
{
  OvhAccount *account;
  char *account_id;
  SecretService *service;
  GList *stale_items; /* SecretItem, for update */
  GList *items;       /* SecretItem, for load and lookup */
  guint n_locked;
  guint position;                    /* where a written account stands in the list */
  void (*items_ready) (GTask *task); /* takes the task's reference */
} Operation;

static void
operation_free (Operation *operation)
{
  g_clear_object (&operation->account);
  g_clear_pointer (&operation->account_id, g_free);
  g_clear_object (&operation->service);
  g_list_free_full (operation->stale_items, g_object_unref);
  g_list_free_full (operation->items, g_object_unref);
  g_free (operation);
}

static GTask *
operation_task_new (OvhAccountStore *self,
                    gpointer source_tag,
                    OvhAccount *account,
                    const char *account_id,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Operation *operation = g_new0 (Operation, 1);

  g_task_set_source_tag (task, source_tag);
  operation->account = account ? g_object_ref (account) : NULL;
  operation->account_id = g_strdup (account_id);
  g_task_set_task_data (task, operation, (GDestroyNotify) operation_free);
  return task;
}

static void
return_error (GTask *task, GError *error)
{
  g_task_return_error (task, translate_error (error, g_task_get_cancellable (task)));
}

static void
get_service (GTask *task, GAsyncReadyCallback callback)
{
  secret_service_get (SECRET_SERVICE_OPEN_SESSION, g_task_get_cancellable (task), callback, task);
}

/* Returns the service, or returns the task's error and NULL. */
static SecretService *
get_service_finish (GTask *task, GAsyncResult *result)
{
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  operation->service = secret_service_get_finish (result, &error);
  if (operation->service == NULL)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && g_cancellable_is_cancelled (cancellable))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        {
          g_debug ("Secret Service unavailable: %s", error->message);
          g_task_return_error (task, new_unavailable_error ());
        }
      return NULL;
    }
  return operation->service;
}

/* Decodes found items into accounts, or fails: a locked item means the user refused to
 * unlock; an unreadable one is skipped (a newer generation would not be found at all). */
static GPtrArray *
decode_items (GList *items, GError **error)
{
  g_autoptr (GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr (GError) local_error = NULL;
      OvhAccount *account = decode_item (l->data, &local_error);

      if (account != NULL)
        g_ptr_array_add (accounts, account);
      else if (g_error_matches (local_error, OVH_ACCOUNT_STORE_ERROR,
                                OVH_ACCOUNT_STORE_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&accounts);
}

/* Fetching items: search, unlock what is locked, then read the secrets. libsecret's
 * SECRET_SEARCH_UNLOCK is not used: when the unlock prompt cannot be shown, libsecret 0.20
 * never completes that search, while an explicit unlock answers "0 unlocked" (refused). */

static void
fetch_secrets_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!secret_item_load_secrets_finish (result, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  operation->items_ready (g_steal_pointer (&task));
}

static void
fetch_secrets (GTask *task)
{
  Operation *operation = g_task_get_task_data (task);

  if (operation->items == NULL)
    {
      operation->items_ready (task);
      return;
    }

  secret_item_load_secrets (operation->items, g_task_get_cancellable (task), fetch_secrets_cb,
                            task);
}

static void
fetch_unlock_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  int n_unlocked;

  n_unlocked = secret_service_unlock_finish (SECRET_SERVICE (object), result, NULL, &error);
  if (error != NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  if (n_unlocked < 0 || (guint) n_unlocked < operation->n_locked)
    {
      g_debug ("The keyring stayed locked");
      g_task_return_error (task, new_locked_error ());
      return;
    }

  fetch_secrets (g_steal_pointer (&task));
}

/* Unlocks the collections that hold locked items: unlocking the items themselves makes
 * libsecret 0.20 wait forever when no prompt can be shown. */
static void
fetch_collections_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autolist (SecretCollection) collections = NULL;
  g_autoptr (GList) locked = NULL;
  GCancellable *cancellable;

  if (!secret_service_load_collections_finish (operation->service, result, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  collections = secret_service_get_collections (operation->service);
  for (GList *c = collections; c != NULL; c = c->next)
    {
      const char *collection_path = g_dbus_proxy_get_object_path (c->data);
      gsize length = strlen (collection_path);

      for (GList *l = operation->items; l != NULL; l = l->next)
        {
          const char *item_path = g_dbus_proxy_get_object_path (l->data);

          if (secret_item_get_locked (l->data) && strncmp (item_path, collection_path, length) == 0
              && item_path[length] == '/')
            {
              locked = g_list_prepend (locked, c->data);
              break;
            }
        }
    }

  if (locked == NULL)
    {
      /* Locked items outside any known collection: nothing we can unlock. */
      g_task_return_error (task, new_locked_error ());
      return;
    }

  operation->n_locked = g_list_length (locked);
  cancellable = g_task_get_cancellable (task);
  secret_service_unlock (operation->service, locked, cancellable, fetch_unlock_cb,
                         g_steal_pointer (&task));
}

static void
fetch_search_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  gboolean any_locked = FALSE;
  GCancellable *cancellable;

  operation->items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  for (GList *l = operation->items; l != NULL && !any_locked; l = l->next)
    any_locked = secret_item_get_locked (l->data);

  if (!any_locked)
    {
      fetch_secrets (g_steal_pointer (&task));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  secret_service_load_collections (operation->service, cancellable, fetch_collections_cb,
                                   g_steal_pointer (&task));
}

static void
fetch_items (GTask *task, GHashTable *attributes, void (*items_ready) (GTask *task))
{
  Operation *operation = g_task_get_task_data (task);

  operation->items_ready = items_ready;
  secret_service_search (operation->service, ovh_account_store_get_schema (), attributes,
                         SECRET_SEARCH_ALL, g_task_get_cancellable (task), fetch_search_cb, task);
}

/* Load */

static void
load_items_ready (GTask *task_in)
{
  g_autoptr (GTask) task = task_in;
  OvhAccountStore *self = g_task_get_source_object (task);
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;
  guint removed;

  accounts = decode_items (operation->items, &error);
  if (accounts == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  g_ptr_array_sort (accounts, compare_accounts);
  g_debug ("Loaded %u accounts from the keyring", accounts->len);

  removed = self->accounts->len;
  g_ptr_array_set_size (self->accounts, 0);
  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (self->accounts, g_object_ref (g_ptr_array_index (accounts, i)));
  self->loaded = TRUE;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->accounts->len);
  if (removed != self->accounts->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  g_task_return_boolean (task, TRUE);
}

static void
load_service_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GHashTable) attributes = NULL;

  if (get_service_finish (task, result) == NULL)
    return;

  attributes = new_attributes (NULL, NULL, NULL);
  fetch_items (g_steal_pointer (&task), attributes, load_items_ready);
}

void
ovh_account_store_load_async (OvhAccountStore *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = operation_task_new (self, ovh_account_store_load_async, NULL, NULL, cancellable, callback,
                             user_data);
  get_service (task, load_service_cb);
}

gboolean
ovh_account_store_load_finish (OvhAccountStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

static void
lookup_items_ready (GTask *task_in)
{
  g_autoptr (GTask) task = task_in;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;

  accounts = decode_items (operation->items, &error);
  if (accounts == NULL)
    return_error (task, g_steal_pointer (&error));
  else if (accounts->len > 0)
    g_task_return_pointer (task, g_object_ref (g_ptr_array_index (accounts, 0)), g_object_unref);
  else if (operation->items != NULL)
    g_task_return_new_error (task, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_CORRUPT,
                             _ ("The keyring entry of this OVHcloud account cannot be read."));
  else
    g_task_return_new_error (task, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_NOT_FOUND,
                             _ ("This OVHcloud account is not in the keyring."));
}

static void
lookup_service_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GHashTable) attributes = NULL;

  if (get_service_finish (task, result) == NULL)
    return;

  attributes = new_attributes (operation->account_id, NULL, NULL);
  fetch_items (g_steal_pointer (&task), attributes, lookup_items_ready);
}

void
ovh_account_store_lookup_async (OvhAccountStore *self,
                                const char *account_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_ACCOUNT_STORE (self));
  g_return_if_fail (account_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = operation_task_new (self, ovh_account_store_lookup_async, NULL, account_id, cancellable,
                             callback, user_data);
  get_service (task, lookup_service_cb);
}

OvhAccount *
ovh_account_store_lookup_finish (OvhAccountStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Add and update: both write the item; an update whose endpoint or application key changed
 * then deletes the items left under the old attributes. */

static void
copy_account (OvhAccount *to, OvhAccount *from)
{
  g_object_freeze_notify (G_OBJECT (to));
  ovh_account_set_label (to, ovh_account_get_label (from));
  ovh_account_set_endpoint (to, ovh_account_get_endpoint (from));
  ovh_account_set_application_key (to, ovh_account_get_application_key (from));
  ovh_account_set_application_secret (to, ovh_account_get_application_secret (from));
  ovh_account_set_consumer_key (to, ovh_account_get_consumer_key (from));
  ovh_account_set_nichandle (to, ovh_account_get_nichandle (from));
  ovh_account_set_sandbox (to, ovh_account_is_sandbox (from));
  g_object_thaw_notify (G_OBJECT (to));
}

static void
finish_write (GTask *task)
{
  OvhAccountStore *self = g_task_get_source_object (task);
  Operation *operation = g_task_get_task_data (task);
  OvhAccount *known;

  known = ovh_account_store_find (self, ovh_account_get_id (operation->account));
  if (known == NULL)
    append_account (self, operation->account);
  else if (known != operation->account)
    copy_account (known, operation->account);

  g_task_return_boolean (task, TRUE);
}

static void delete_next_stale_item (GTask *task);

static void
delete_stale_item_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!secret_item_delete_finish (SECRET_ITEM (object), result, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  delete_next_stale_item (g_steal_pointer (&task));
}

static void
delete_next_stale_item (GTask *task)
{
  Operation *operation = g_task_get_task_data (task);
  SecretItem *item;

  if (operation->stale_items == NULL)
    {
      finish_write (task);
      g_object_unref (task);
      return;
    }

  item = operation->stale_items->data;
  operation->stale_items = g_list_delete_link (operation->stale_items, operation->stale_items);
  secret_item_delete (item, g_task_get_cancellable (task), delete_stale_item_cb, task);
  g_object_unref (item);
}

static gboolean
item_matches_account (SecretItem *item, OvhAccount *account)
{
  g_autoptr (GHashTable) attributes = secret_item_get_attributes (item);

  return g_strcmp0 (g_hash_table_lookup (attributes, "endpoint"),
                    ovh_account_get_endpoint (account))
             == 0
         && g_strcmp0 (g_hash_table_lookup (attributes, "application-key"),
                       ovh_account_get_application_key (account))
                == 0;
}

static void
update_search_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  GList *items;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (!item_matches_account (l->data, operation->account))
        operation->stale_items = g_list_prepend (operation->stale_items, g_object_ref (l->data));
    }
  g_list_free_full (items, g_object_unref);

  delete_next_stale_item (g_steal_pointer (&task));
}

static void
store_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) attributes = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (object), result, &error))
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("Stored account %s in the keyring", ovh_account_get_id (operation->account));

  if (g_task_get_source_tag (task) != ovh_account_store_update_async)
    {
      finish_write (task);
      return;
    }

  attributes = new_attributes (ovh_account_get_id (operation->account), NULL, NULL);
  secret_service_search (operation->service, ovh_account_store_get_schema (), attributes,
                         SECRET_SEARCH_ALL, cancellable, update_search_cb, g_steal_pointer (&task));
}

static void
write_service_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Operation *operation = g_task_get_task_data (task);
  SecretService *service = get_service_finish (task, result);
  g_autoptr (GHashTable) attributes = NULL;
  g_autoptr (SecretValue) value = NULL;
  g_autofree char *label = NULL;

  if (service == NULL)
    return;

  attributes = new_account_attributes (operation->account);
  value = encode_secret (operation->account, operation->position);
  label = dup_item_label (operation->account);
  secret_service_store (service, ovh_account_store_get_schema (), attributes,
                        SECRET_COLLECTION_DEFAULT, label, value, cancellable, store_cb,
                        g_steal_pointer (&task));
}

static void
write_account (OvhAccountStore *self,
               OvhAccount *account,
               gpointer source_tag,
               GCancellable *cancellable,
               GAsyncReadyCallback callback,
               gpointer user_data)
{
  GTask *task;
  Operation *operation;

  task = operation_task_new (self, source_tag, account, ovh_account_get_id (account), cancellable,
                             callback, user_data);
  operation = g_task_get_task_data (task);
  /* A store that was never loaded does not know the others' places: no place, then (it
   * sorts after the placed ones, by name). */
  if (!find_position (self, ovh_account_get_id (account), &operation->position))
    operation->position = self->loaded ? self->accounts->len : G_MAXUINT;

  if (ovh_account_get_endpoint (account) == NULL
      || ovh_account_get_application_key (account) == NULL
      || ovh_account_get_application_secret (account) == NULL)
    {
      g_task_return_new_error (task, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_FAILED,
                               _ ("The account needs an endpoint, an application key and an "
                                  "application secret."));
      g_object_unref (task);
      return;
    }

  get_service (task, write_service_cb);
}

void
ovh_account_store_add_async (OvhAccountStore *self,
                             OvhAccount *account,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (OVH_IS_ACCOUNT_STORE (self));
  g_return_if_fail (OVH_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  write_account (self, account, ovh_account_store_add_async, cancellable, callback, user_data);
}

gboolean
ovh_account_store_add_finish (OvhAccountStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ovh_account_store_update_async (OvhAccountStore *self,
                                OvhAccount *account,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (OVH_IS_ACCOUNT_STORE (self));
  g_return_if_fail (OVH_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  write_account (self, account, ovh_account_store_update_async, cancellable, callback, user_data);
}

gboolean
ovh_account_store_update_finish (OvhAccountStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Remove */

static void
clear_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhAccountStore *self = g_task_get_source_object (task);
  Operation *operation = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  gboolean deleted;
  guint position;

  deleted = secret_service_clear_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  if (find_position (self, operation->account_id, &position))
    remove_account_at (self, position);
  else if (!deleted)
    {
      g_task_return_new_error (task, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_NOT_FOUND,
                               _ ("This OVHcloud account is not in the keyring."));
      return;
    }

  g_debug ("Removed account %s from the keyring", operation->account_id);
  g_task_return_boolean (task, TRUE);
}

static void
remove_service_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Operation *operation = g_task_get_task_data (task);
  SecretService *service = get_service_finish (task, result);
  g_autoptr (GHashTable) attributes = NULL;

  if (service == NULL)
    return;

  /* Every generation: forgetting an account forgets all its items. */
  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (char *) "account-id", operation->account_id);
  secret_service_clear (service, ovh_account_store_get_schema (), attributes, cancellable, clear_cb,
                        g_steal_pointer (&task));
}

void
ovh_account_store_remove_async (OvhAccountStore *self,
                                OvhAccount *account,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_ACCOUNT_STORE (self));
  g_return_if_fail (OVH_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = operation_task_new (self, ovh_account_store_remove_async, account,
                             ovh_account_get_id (account), cancellable, callback, user_data);
  get_service (task, remove_service_cb);
}

gboolean
ovh_account_store_remove_finish (OvhAccountStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
