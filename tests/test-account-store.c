/* test-account-store.c: accounts in the real gnome-keyring of the test session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/run-headless.sh: a private bus with an unlocked gnome-keyring and
 * scratch HOME/XDG directories, so walking them for secrets is cheap and meaningful.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "ovh-account-store.h"

#ifdef HAVE_GCR_MOCK_PROMPTER
#define GCR_API_SUBJECT_TO_CHANGE
#include <gcr/gcr-base.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#endif

/* Waiting on async calls */

static void
store_result_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
await_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
load_sync (OvhAccountStore *store, GCancellable *cancellable, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_store_load_async (store, cancellable, store_result_cb, &result);
  return ovh_account_store_load_finish (store, await_result (&result), error);
}

static gboolean
add_sync (OvhAccountStore *store, OvhAccount *account, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_store_add_async (store, account, NULL, store_result_cb, &result);
  return ovh_account_store_add_finish (store, await_result (&result), error);
}

static gboolean
update_sync (OvhAccountStore *store, OvhAccount *account, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_store_update_async (store, account, NULL, store_result_cb, &result);
  return ovh_account_store_update_finish (store, await_result (&result), error);
}

static gboolean
remove_sync (OvhAccountStore *store, OvhAccount *account, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_store_remove_async (store, account, NULL, store_result_cb, &result);
  return ovh_account_store_remove_finish (store, await_result (&result), error);
}

static gboolean
move_sync (OvhAccountStore *store, OvhAccount *account, guint position, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_store_move_async (store, account, position, NULL, store_result_cb, &result);
  return ovh_account_store_move_finish (store, await_result (&result), error);
}

static OvhAccount *
lookup_sync (OvhAccountStore *store, const char *account_id, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_account_store_lookup_async (store, account_id, NULL, store_result_cb, &result);
  return ovh_account_store_lookup_finish (store, await_result (&result), error);
}

/* Counts our items in the keyring directly, bypassing the store. */
static guint
count_keyring_items (const char *account_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items;
  guint n;

  g_hash_table_insert (attributes, (char *) "account-id", (char *) account_id);
  items = secret_password_searchv_sync (ovh_account_store_get_schema (), attributes,
                                        SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}

static char *
new_secret (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (prefix, "-", uuid, NULL);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, gpointer user_data)
{
  guint *n_changes = user_data;

  (*n_changes)++;
}

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  guint *n_notify = user_data;

  (*n_notify)++;
}

/* OvhAccount alone */

static void
test_account_properties (void)
{
  g_autoptr (OvhAccount) account = ovh_account_new ("ovh-eu", "AK", "AS", "CK");
  g_autoptr (OvhAccount) other = ovh_account_new ("ovh-eu", "AK", NULL, NULL);
  g_autoptr (OvhAccount) sandbox = ovh_account_new ("http://127.0.0.1:8080/1.0/", "AK", "AS", NULL);
  g_autoptr (OvhAccount) proxy
      = ovh_account_new ("https://proxy.example.net/1.0", "AK", NULL, NULL);
  g_autofree char *name = NULL;
  g_autofree char *base_url = NULL;
  guint n_notify = 0;
  const char *const loopback_urls[] = { "http://127.0.0.1:8080/1.0", "https://localhost:8443/1.0",
                                        "http://[::1]:9000/1.0", "http://127.0.0.2/1.0" };

  g_assert_true (g_uuid_string_is_valid (ovh_account_get_id (account)));
  g_assert_cmpstr (ovh_account_get_id (account), !=, ovh_account_get_id (other));

  g_assert_false (ovh_account_is_custom_endpoint (account));
  g_assert_false (ovh_account_is_sandbox (account));
  g_assert_nonnull (ovh_account_get_known_endpoint (account));
  base_url = ovh_account_dup_base_url (account);
  g_assert_cmpstr (base_url, ==, "https://eu.api.ovh.com/1.0");
  g_clear_pointer (&base_url, g_free);

  /* Being the sandbox is a fact its creator records, never a guess from the address: a
   * loopback endpoint may be a local proxy or an SSH tunnel to OVHcloud. */
  g_assert_true (ovh_account_is_custom_endpoint (sandbox));
  g_assert_false (ovh_account_is_sandbox (sandbox));
  for (guint i = 0; i < G_N_ELEMENTS (loopback_urls); i++)
    {
      g_autoptr (OvhAccount) tunnel = ovh_account_new (loopback_urls[i], "AK", NULL, NULL);
      g_autofree char *tunnel_name = ovh_account_dup_display_name (tunnel);

      g_assert_false (ovh_account_is_sandbox (tunnel));
      g_assert_cmpstr (tunnel_name, !=, "Sandbox");
    }
  g_signal_connect (sandbox, "notify::is-sandbox", G_CALLBACK (on_notify), &n_notify);
  ovh_account_set_sandbox (sandbox, TRUE);
  ovh_account_set_sandbox (sandbox, TRUE);
  g_assert_cmpuint (n_notify, ==, 1);
  n_notify = 0;
  g_assert_true (ovh_account_is_sandbox (sandbox));
  {
    g_autofree char *sandbox_name = ovh_account_dup_display_name (sandbox);
    g_assert_cmpstr (sandbox_name, ==, "Sandbox");
  }
  base_url = ovh_account_dup_base_url (sandbox);
  g_assert_cmpstr (base_url, ==, "http://127.0.0.1:8080/1.0");
  g_assert_true (ovh_account_is_custom_endpoint (proxy));
  g_assert_false (ovh_account_is_sandbox (proxy));
  g_assert_null (ovh_account_get_known_endpoint (proxy));

  /* Display name: label, else nichandle, else the endpoint's name. */
  name = ovh_account_dup_display_name (account);
  g_assert_cmpstr (name, ==, "OVHcloud Europe");
  g_clear_pointer (&name, g_free);

  g_signal_connect (account, "notify::display-name", G_CALLBACK (on_notify), &n_notify);
  ovh_account_set_nichandle (account, "xx1234-ovh");
  name = ovh_account_dup_display_name (account);
  g_assert_cmpstr (name, ==, "xx1234-ovh");
  g_clear_pointer (&name, g_free);
  ovh_account_set_label (account, "Work");
  ovh_account_set_label (account, "Work"); /* unchanged: no notification */
  name = ovh_account_dup_display_name (account);
  g_assert_cmpstr (name, ==, "Work");
  g_assert_cmpuint (n_notify, ==, 2);

  {
    g_autoptr (OvhClient) client = ovh_account_create_client (sandbox);

    g_assert_cmpstr (ovh_client_get_base_url (client), ==, "http://127.0.0.1:8080/1.0");
    g_assert_cmpstr (ovh_client_get_application_key (client), ==, "AK");
    g_assert_null (ovh_client_get_consumer_key (client));
    g_clear_object (&client);

    client = ovh_account_create_client (account);
    g_assert_cmpstr (ovh_client_get_base_url (client), ==, "https://eu.api.ovh.com/1.0");
    g_assert_cmpstr (ovh_client_get_consumer_key (client), ==, "CK");
  }

  g_assert_true (ovh_account_has_secrets (account));
  g_assert_false (ovh_account_has_secrets (other));
  ovh_account_clear_secrets (account);
  g_assert_false (ovh_account_has_secrets (account));
  g_assert_null (ovh_account_get_application_secret (account));
  g_assert_null (ovh_account_get_consumer_key (account));
  g_assert_cmpstr (ovh_account_get_application_key (account), ==, "AK");
}

/* The keyring */

static void
test_store_lifecycle (void)
{
  gboolean ok;
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (OvhAccountStore) reopened = NULL;
  g_autoptr (OvhAccountStore) again = NULL;
  g_autoptr (OvhAccount) first = NULL;
  g_autoptr (OvhAccount) second = NULL;
  g_autoptr (OvhAccount) looked_up = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *secret1 = new_secret ("AS1");
  g_autofree char *consumer1 = new_secret ("CK1");
  g_autofree char *secret2 = new_secret ("AS2");
  g_autofree char *consumer2 = new_secret ("CK2");
  OvhAccount *found;
  guint n_changes = 0;

  g_assert_true (load_sync (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ovh_account_store_is_loaded (store));
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &n_changes);

  first = ovh_account_new ("ovh-eu", "ak-first", secret1, consumer1);
  ovh_account_set_label (first, "Personal");
  second = ovh_account_new ("http://127.0.0.1:8080/1.0", "ak-second", secret2, consumer2);
  ovh_account_set_nichandle (second, "ab1234-ovh");
  ovh_account_set_sandbox (second, TRUE);

  ok = add_sync (store, first, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = add_sync (store, second, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_true (ovh_account_store_find (store, ovh_account_get_id (first)) == first);
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (first)), ==, 1);

  /* A new store object, as after a restart, finds both with their secrets. */
  reopened = ovh_account_store_new ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 0);
  g_assert_true (load_sync (reopened, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), >=, 2);

  found = ovh_account_store_find (reopened, ovh_account_get_id (first));
  g_assert_nonnull (found);
  g_assert_true (found != first);
  g_assert_cmpstr (ovh_account_get_label (found), ==, "Personal");
  g_assert_cmpstr (ovh_account_get_endpoint (found), ==, "ovh-eu");
  g_assert_cmpstr (ovh_account_get_application_key (found), ==, "ak-first");
  g_assert_cmpstr (ovh_account_get_application_secret (found), ==, secret1);
  g_assert_cmpstr (ovh_account_get_consumer_key (found), ==, consumer1);
  g_assert_null (ovh_account_get_nichandle (found));

  found = ovh_account_store_find (reopened, ovh_account_get_id (second));
  g_assert_nonnull (found);
  g_assert_null (ovh_account_get_label (found));
  g_assert_cmpstr (ovh_account_get_nichandle (found), ==, "ab1234-ovh");
  g_assert_cmpstr (ovh_account_get_application_secret (found), ==, secret2);
  g_assert_cmpstr (ovh_account_get_consumer_key (found), ==, consumer2);
  /* The flag is kept with the account; the first, on OVHcloud, has none. */
  g_assert_true (ovh_account_is_sandbox (found));
  g_assert_false (
      ovh_account_is_sandbox (ovh_account_store_find (reopened, ovh_account_get_id (first))));

  /* Update the label: the item is replaced, not duplicated, and the model follows. */
  ovh_account_set_label (first, "Company");
  ok = update_sync (store, first, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (first)), ==, 1);
  looked_up = lookup_sync (reopened, ovh_account_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_account_get_label (looked_up), ==, "Company");
  g_assert_cmpstr (ovh_account_get_application_secret (looked_up), ==, secret1);
  g_clear_object (&looked_up);

  /* An update through the other store object updates that store's instance. */
  ovh_account_set_consumer_key (first, "CK-renewed");
  ovh_account_set_endpoint (first, "ovh-ca"); /* an attribute: the old item must go */
  ok = update_sync (reopened, first, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (first)), ==, 1);
  found = ovh_account_store_find (reopened, ovh_account_get_id (first));
  g_assert_cmpstr (ovh_account_get_endpoint (found), ==, "ovh-ca");
  g_assert_cmpstr (ovh_account_get_consumer_key (found), ==, "CK-renewed");

  /* Remove: gone from the model, the keyring and a fresh load. */
  n_changes = 0;
  ok = remove_sync (store, first, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_null (ovh_account_store_find (store, ovh_account_get_id (first)));
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (first)), ==, 0);

  again = ovh_account_store_new ();
  g_assert_true (load_sync (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ovh_account_store_find (again, ovh_account_get_id (first)));
  g_assert_nonnull (ovh_account_store_find (again, ovh_account_get_id (second)));

  looked_up = lookup_sync (again, ovh_account_get_id (first), &error);
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_NOT_FOUND);
  g_assert_null (looked_up);
  g_clear_error (&error);

  /* Removing twice is an error, not a silent success. */
  g_assert_false (remove_sync (again, first, &error));
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  ok = remove_sync (again, second, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (second)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&again));
}

/* Where the account with this id stands in the model, or -1. */
static int
index_of (OvhAccountStore *store, OvhAccount *account)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr (OvhAccount) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (ovh_account_get_id (item), ovh_account_get_id (account)))
        return (int) i;
    }
  return -1;
}

/* Rename, reorder and a custom API address, all kept across a reload. */
static void
test_store_rename_reorder_custom (void)
{
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (OvhAccountStore) reopened = ovh_account_store_new ();
  g_autoptr (OvhAccount) a = ovh_account_new ("ovh-eu", "ak-a", "AS-a", "CK-a");
  g_autoptr (OvhAccount) b = ovh_account_new ("ovh-ca", "ak-b", "AS-b", "CK-b");
  g_autoptr (OvhAccount) c
      = ovh_account_new ("https://proxy.example.net:8443/1.0", "ak-c", "AS-c", NULL);
  g_autoptr (GError) error = NULL;
  OvhAccount *found;
  guint n_changes = 0;

  g_assert_true (load_sync (store, NULL, &error));
  g_assert_no_error (error);
  ovh_account_set_label (a, "Alpha");
  ovh_account_set_label (b, "Bravo");
  ovh_account_set_label (c, "Charlie");
  g_assert_true (add_sync (store, a, &error));
  g_assert_true (add_sync (store, b, &error));
  g_assert_true (add_sync (store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (index_of (store, a), <, index_of (store, b));
  g_assert_cmpint (index_of (store, b), <, index_of (store, c));

  /* Charlie first: the model follows at once, with one change. */
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &n_changes);
  g_assert_true (move_sync (store, c, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpint (index_of (store, c), ==, 0);
  g_assert_cmpint (index_of (store, a), <, index_of (store, b));
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (c)), ==, 1);

  /* Bravo renamed, then down to the end. */
  ovh_account_set_label (b, "Zulu");
  g_assert_true (update_sync (store, b, &error));
  g_assert_no_error (error);
  g_assert_true (move_sync (store, b, G_MAXUINT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (index_of (store, b), ==,
                   (int) g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);

  /* A fresh load, as domaine-cli or the next start would do, keeps all of it. */
  g_assert_true (load_sync (reopened, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (index_of (reopened, c), ==, 0);
  g_assert_cmpint (index_of (reopened, c), <, index_of (reopened, a));
  g_assert_cmpint (index_of (reopened, a), <, index_of (reopened, b));
  g_assert_cmpint (index_of (reopened, b), ==,
                   (int) g_list_model_get_n_items (G_LIST_MODEL (reopened)) - 1);
  found = ovh_account_store_find (reopened, ovh_account_get_id (b));
  g_assert_cmpstr (ovh_account_get_label (found), ==, "Zulu");
  found = ovh_account_store_find (reopened, ovh_account_get_id (c));
  g_assert_cmpstr (ovh_account_get_endpoint (found), ==, "https://proxy.example.net:8443/1.0");
  g_assert_true (ovh_account_is_custom_endpoint (found));
  g_assert_null (ovh_account_get_known_endpoint (found));
  {
    g_autofree char *base_url = ovh_account_dup_base_url (found);
    g_assert_cmpstr (base_url, ==, "https://proxy.example.net:8443/1.0");
  }
  g_assert_null (ovh_account_get_consumer_key (found));

  g_assert_true (remove_sync (store, a, &error));
  g_assert_true (remove_sync (store, b, &error));
  g_assert_true (remove_sync (store, c, &error));
  g_assert_no_error (error);
}

static void
test_store_incomplete_account (void)
{
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (OvhAccount) account = ovh_account_new ("ovh-eu", "ak", NULL, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (add_sync (store, account, &error));
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_FAILED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

/* An item of our schema whose secret is not our JSON: skipped by load, an error for lookup. */
static void
test_store_corrupt_item (void)
{
  gboolean ok;
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *account_id = g_uuid_string_random ();
  g_autoptr (GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, (char *) "generation", (char *) "1");
  g_hash_table_insert (attributes, (char *) "account-id", account_id);
  g_hash_table_insert (attributes, (char *) "endpoint", (char *) "ovh-eu");
  g_hash_table_insert (attributes, (char *) "application-key", (char *) "ak");
  g_assert_true (secret_password_storev_sync (ovh_account_store_get_schema (), attributes,
                                              SECRET_COLLECTION_DEFAULT, "corrupt", "not json",
                                              NULL, &error));
  g_assert_no_error (error);

  g_assert_true (load_sync (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ovh_account_store_find (store, account_id));

  account = lookup_sync (store, account_id, &error);
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_CORRUPT);
  g_assert_null (account);
  g_clear_error (&error);

  /* Even a corrupt account can be forgotten. */
  account = g_object_new (OVH_TYPE_ACCOUNT, "id", account_id, NULL);
  ok = remove_sync (store, account, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (count_keyring_items (account_id), ==, 0);
}

static void
test_store_cancelled (void)
{
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (load_sync (store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ovh_account_store_is_loaded (store));
}

/* Secrets on disk: walk the scratch HOME and XDG directories for the secret's bytes. */

static void
collect_files (const char *path, GPtrArray *files)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect_files (child, files);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static GPtrArray *
collect_session_files (void)
{
  const char *roots[] = {
    g_get_home_dir (),       g_get_user_data_dir (),    g_get_user_config_dir (),
    g_get_user_cache_dir (), g_get_user_runtime_dir (), g_get_user_state_dir (),
  };
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      if (g_hash_table_add (seen, (char *) roots[i]))
        collect_files (roots[i], files);
    }

  /* The roots may nest (XDG dirs under HOME): count each file once. */
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < files->len;)
    {
      if (!g_hash_table_add (seen, g_ptr_array_index (files, i)))
        g_ptr_array_remove_index (files, i);
      else
        i++;
    }

  return files;
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize needle_length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  needle_length = strlen (needle);
  /* Keyring files are binary: search bytes, not a C string. */
  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (contents + i, needle, needle_length) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
count_files_containing (GPtrArray *files, const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < files->len; i++)
    {
      if (file_contains (g_ptr_array_index (files, i), needle))
        {
          g_test_message ("secret found in %s", (char *) g_ptr_array_index (files, i));
          n++;
        }
    }
  return n;
}

static void
test_store_no_secret_on_disk (void)
{
  gboolean ok;
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *secret = new_secret ("AS-on-disk");
  g_autofree char *consumer = new_secret ("CK-on-disk");
  g_autofree char *keyring_dir = g_build_filename (g_get_user_data_dir (), "keyrings", NULL);
  g_autofree char *control = NULL;
  gboolean saw_keyring_file = FALSE;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs the private session of tests/run-headless.sh");
      return;
    }

  account = ovh_account_new ("ovh-eu", "ak-on-disk", secret, consumer);
  ovh_account_set_label (account, "On disk?");
  ok = add_sync (store, account, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  files = collect_session_files ();
  for (guint i = 0; i < files->len; i++)
    saw_keyring_file |= g_str_has_prefix (g_ptr_array_index (files, i), keyring_dir);

  /* The walk reaches the keyring's own file (so it would see a plain-text secret)... */
  g_assert_true (saw_keyring_file);
  g_assert_cmpuint (count_files_containing (files, secret), ==, 0);
  g_assert_cmpuint (count_files_containing (files, consumer), ==, 0);

  /* ...and finds a secret that is there: the check can fail. */
  control = g_build_filename (g_get_home_dir (), "control-file", NULL);
  g_assert_true (g_file_set_contents (control, secret, -1, NULL));
  g_clear_pointer (&files, g_ptr_array_unref);
  files = collect_session_files ();
  g_assert_cmpuint (count_files_containing (files, secret), ==, 1);
  g_assert_cmpint (g_unlink (control), ==, 0);

  ok = remove_sync (store, account, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* Secrets in logs: the whole life of an account with G_MESSAGES_DEBUG=all. */

#define LOG_SECRET "AS-must-not-be-logged-5f0c2e"
#define LOG_CONSUMER "CK-must-not-be-logged-9a41d7"

static void
test_store_no_secret_in_log (void)
{
  gboolean ok;
  if (g_test_subprocess ())
    {
      g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
      g_autoptr (OvhAccount) account
          = ovh_account_new ("ovh-eu", "ak-log", LOG_SECRET, LOG_CONSUMER);
      g_autoptr (OvhAccount) looked_up = NULL;
      g_autoptr (GError) error = NULL;

      /* Read by GLib at each message; set before any thread exists. */
      g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
      ok = add_sync (store, account, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      ovh_account_set_label (account, "Logged");
      ok = update_sync (store, account, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_true (load_sync (store, NULL, &error));
      g_assert_no_error (error);
      looked_up = lookup_sync (store, ovh_account_get_id (account), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ovh_account_get_application_secret (looked_up), ==, LOG_SECRET);
      ok = remove_sync (store, account, &error);
      g_assert_no_error (error);
      g_assert_true (ok);
      secret_service_disconnect ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);

  g_test_trap_assert_passed ();
  /* Debug output was on (so the check below looks at something)... */
  g_test_trap_assert_stdout ("*Stored account*");
  /* ...and never shows a secret. */
  g_test_trap_assert_stdout_unmatched ("*" LOG_SECRET "*");
  g_test_trap_assert_stdout_unmatched ("*" LOG_CONSUMER "*");
  g_test_trap_assert_stderr_unmatched ("*" LOG_SECRET "*");
  g_test_trap_assert_stderr_unmatched ("*" LOG_CONSUMER "*");
}

/* No keyring: a clear error, no crash, and nothing written anywhere else. */

static void
assert_store_unavailable (void)
{
  g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
  g_autoptr (OvhAccount) account = ovh_account_new ("ovh-eu", "ak", "as", "ck");
  g_autoptr (GError) error = NULL;

  g_assert_false (load_sync (store, NULL, &error));
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_false (ovh_account_store_is_loaded (store));
  g_clear_error (&error);

  g_assert_false (add_sync (store, account, &error));
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_clear_error (&error);

  g_assert_false (remove_sync (store, account, &error));
  g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE);
}

static void
test_store_unavailable_no_bus (void)
{
  if (g_test_subprocess ())
    {
      /* Before the first D-Bus call of this (fresh) process. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/domaine-test-bus", TRUE);
      assert_store_unavailable ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_store_unavailable_no_service (void)
{
  if (g_test_subprocess ())
    {
      /* A working session bus on which nobody provides org.freedesktop.secrets. */
      g_autoptr (GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

      g_test_dbus_up (bus);
      assert_store_unavailable ();
      g_test_dbus_stop (bus);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A locked keyring, and the user dismisses the unlock prompt. A keyring of our own on a bus of
 * our own (in a subprocess): gnome-keyring-daemon asks the prompter named by
 * GNOME_KEYRING_TEST_PROMPTER, here gcr's mock prompter, which answers "Cancel" as a person
 * closing the dialog would. */

#ifdef HAVE_GCR_MOCK_PROMPTER

#define LOCKED_KEYRING_PASSWORD "domaine-locked-keyring"
#define LOCKED_SECRET "AS-kept-locked-3e1b7a"
#define LOCKED_CONSUMER "CK-kept-locked-c52f90"
#define LOCKED_MESSAGE_EN "The keyring is locked. Unlock it to use your OVHcloud accounts."

static GSubprocess *
start_keyring_daemon (const char *prompter_name, const char *scratch)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *runtime = g_build_filename (scratch, "runtime", NULL);
  g_autofree char *data = g_build_filename (scratch, "data", NULL);
  const char *const unset[] = { "G_DEBUG",         "G_MESSAGES_DEBUG", "MALLOC_CHECK_",
                                "MALLOC_PERTURB_", "ASAN_OPTIONS",     "LSAN_OPTIONS",
                                "UBSAN_OPTIONS",   "DISPLAY",          "GNOME_KEYRING_CONTROL" };

  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);

  /* The desktop's service, not under test: none of the test's debugging switches; its own
   * files and control socket, apart from the session's keyring. */
  launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                   | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  for (guint i = 0; i < G_N_ELEMENTS (unset); i++)
    g_subprocess_launcher_unsetenv (launcher, unset[i]);
  g_subprocess_launcher_setenv (launcher, "GNOME_KEYRING_TEST_PROMPTER", prompter_name, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                        "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);

  /* --unlock reads the login keyring's password on stdin (and creates the keyring). */
  {
    GOutputStream *input = g_subprocess_get_stdin_pipe (daemon);

    g_assert_true (g_output_stream_write_all (
        input, LOCKED_KEYRING_PASSWORD, strlen (LOCKED_KEYRING_PASSWORD), NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_output_stream_close (input, NULL, &error));
    g_assert_no_error (error);
  }

  return g_steal_pointer (&daemon);
}

static void
secret_service_appeared_cb (GDBusConnection *bus,
                            const char *name,
                            const char *owner,
                            gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
secret_service_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits (20 s at most) until the daemon owns its name on the bus. */
static void
wait_for_secret_service (void)
{
  gboolean appeared = FALSE;
  gboolean timed_out = FALSE;
  guint watch;
  guint timeout;

  watch = g_bus_watch_name (G_BUS_TYPE_SESSION, "org.freedesktop.secrets",
                            G_BUS_NAME_WATCHER_FLAGS_NONE, secret_service_appeared_cb, NULL,
                            &appeared, NULL);
  timeout = g_timeout_add_seconds (20, secret_service_timeout_cb, &timed_out);
  while (!appeared && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_true (appeared);
}

static void
lock_default_collection (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = NULL;
  g_autolist (GDBusProxy) locked = NULL;
  g_autoptr (GList) to_lock = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  g_assert_false (secret_collection_get_locked (collection));

  to_lock = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, to_lock, NULL, &locked, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));
}

/* The French catalogue, compiled from po/fr.po for this process (msgfmt may be missing). */
static gboolean
use_french (const char *scratch)
{
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "fr.po", NULL);
  g_autofree char *dir = g_build_filename (scratch, "locale", "fr", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *locale_dir = g_build_filename (scratch, "locale", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  int status = -1;

  if (msgfmt == NULL || !g_file_test (po, G_FILE_TEST_EXISTS))
    return FALSE;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    const char *argv[] = { msgfmt, "-o", mo, po, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &status, NULL));
  }
  if (status != 0)
    return FALSE;

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  return TRUE;
}

static void
locked_keyring_dismissed (void)
{
  g_autofree char *scratch = g_build_filename (g_get_home_dir (), "locked-keyring", NULL);
  g_autofree char *keyring_dir = g_build_filename (scratch, "data", "keyrings", NULL);
  g_autoptr (GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GError) error = NULL;
  gboolean saw_keyring_file = FALSE;
  const char *prompter_name;

  g_assert_cmpint (g_mkdir_with_parents (scratch, 0700), ==, 0);
  g_test_dbus_up (bus);
  prompter_name = gcr_mock_prompter_start ();
  g_assert_nonnull (prompter_name);
  daemon = start_keyring_daemon (prompter_name, scratch);
  wait_for_secret_service ();

  /* An account in the (unlocked) login keyring, then the keyring locked, as after a while
   * away or a session started without the keyring's password. */
  {
    g_autoptr (OvhAccountStore) store = ovh_account_store_new ();

    account = ovh_account_new ("ovh-eu", "ak-locked", LOCKED_SECRET, LOCKED_CONSUMER);
    ovh_account_set_label (account, "Locked away");
    g_assert_true (add_sync (store, account, &error));
    g_assert_no_error (error);
  }
  lock_default_collection ();

  /* Loading asks to unlock; the user dismisses the prompt. */
  {
    g_autoptr (OvhAccountStore) store = ovh_account_store_new ();

    gcr_mock_prompter_expect_password_cancel ();
    g_assert_false (load_sync (store, NULL, &error));
    g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_LOCKED);
    g_assert_cmpstr (error->message, ==, LOCKED_MESSAGE_EN);
    g_clear_error (&error);
    /* The prompt was really shown and answered (not an error that merely looks the same). */
    g_assert_false (gcr_mock_prompter_is_expecting ());
    g_assert_false (ovh_account_store_is_loaded (store));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  }

  /* One account asked for by id: the same answer, in the user's language. */
  if (use_french (scratch))
    {
      g_autoptr (OvhAccountStore) store = ovh_account_store_new ();
      g_autoptr (OvhAccount) looked_up = NULL;

      gcr_mock_prompter_expect_password_cancel ();
      looked_up = lookup_sync (store, ovh_account_get_id (account), &error);
      g_assert_null (looked_up);
      g_assert_error (error, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_LOCKED);
      g_assert_true (g_str_has_prefix (error->message, "Le trousseau est verrouillé."));
      g_clear_error (&error);
      g_assert_false (gcr_mock_prompter_is_expecting ());
      g_setenv ("LANGUAGE", "", TRUE);
    }
  else
    g_test_message ("msgfmt or po/fr.po missing: the French message is not checked");

  /* Still locked, still there; and no plain-text fallback anywhere under HOME or XDG. */
  g_assert_cmpuint (count_keyring_items (ovh_account_get_id (account)), ==, 1);
  files = collect_session_files ();
  for (guint i = 0; i < files->len; i++)
    saw_keyring_file |= g_str_has_prefix (g_ptr_array_index (files, i), keyring_dir);
  g_assert_true (saw_keyring_file);
  g_assert_cmpuint (count_files_containing (files, LOCKED_SECRET), ==, 0);
  g_assert_cmpuint (count_files_containing (files, LOCKED_CONSUMER), ==, 0);

  secret_service_disconnect ();
  g_subprocess_force_exit (daemon);
  g_assert_true (g_subprocess_wait (daemon, NULL, NULL));
  gcr_mock_prompter_stop ();
  g_test_dbus_stop (bus);
}

#endif /* HAVE_GCR_MOCK_PROMPTER */

static void
test_store_locked_dismissed (void)
{
#ifdef HAVE_GCR_MOCK_PROMPTER
  g_autofree char *daemon_path = NULL;

  if (g_test_subprocess ())
    {
      locked_keyring_dismissed ();
      return;
    }

  daemon_path = g_find_program_in_path ("gnome-keyring-daemon");
  if (daemon_path == NULL)
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout_unmatched ("*" LOCKED_SECRET "*");
  g_test_trap_assert_stderr_unmatched ("*" LOCKED_SECRET "*");
#else
  g_test_skip ("built without gcr-base-3 (libgcr-3-dev): no mock prompter to dismiss the unlock "
               "prompt");
#endif
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account/properties", test_account_properties);
  g_test_add_func ("/account-store/lifecycle", test_store_lifecycle);
  g_test_add_func ("/account-store/rename-reorder-custom", test_store_rename_reorder_custom);
  g_test_add_func ("/account-store/incomplete-account", test_store_incomplete_account);
  g_test_add_func ("/account-store/corrupt-item", test_store_corrupt_item);
  g_test_add_func ("/account-store/cancelled", test_store_cancelled);
  g_test_add_func ("/account-store/no-secret-on-disk", test_store_no_secret_on_disk);
  g_test_add_func ("/account-store/no-secret-in-log", test_store_no_secret_in_log);
  g_test_add_func ("/account-store/unavailable/no-bus", test_store_unavailable_no_bus);
  g_test_add_func ("/account-store/unavailable/no-service", test_store_unavailable_no_service);
  g_test_add_func ("/account-store/locked/prompt-dismissed", test_store_locked_dismissed);

  status = g_test_run ();
  secret_service_disconnect ();
  return status;
}
