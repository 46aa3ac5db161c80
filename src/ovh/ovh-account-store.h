/* ovh-account-store.h: the accounts kept in the desktop keyring, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One libsecret schema, "io.github.domaine.Account", with a format generation in the
 * attributes. Secrets live in the keyring only: there is no file fallback.
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "ovh-account.h"

G_BEGIN_DECLS

#define OVH_ACCOUNT_STORE_ERROR (ovh_account_store_error_quark ())

typedef enum
{
  OVH_ACCOUNT_STORE_ERROR_FAILED,      /* anything else, with the keyring's message */
  OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE, /* no Secret Service on the session bus */
  OVH_ACCOUNT_STORE_ERROR_LOCKED,      /* the keyring stayed locked (the user refused) */
  OVH_ACCOUNT_STORE_ERROR_NOT_FOUND,   /* no such account in the keyring */
  OVH_ACCOUNT_STORE_ERROR_CORRUPT,     /* an item whose secret we cannot read */
} OvhAccountStoreError;

GQuark ovh_account_store_error_quark (void);

#define OVH_TYPE_ACCOUNT_STORE (ovh_account_store_get_type ())
G_DECLARE_FINAL_TYPE (OvhAccountStore, ovh_account_store, OVH, ACCOUNT_STORE, GObject)

/* The libsecret schema (for tools and tests). */
const SecretSchema *ovh_account_store_get_schema (void);

/* An empty store: call ovh_account_store_load_async() to fill it from the keyring. */
OvhAccountStore *ovh_account_store_new (void);

/* Replaces the model's content with the accounts in the keyring (may prompt to unlock). */
void ovh_account_store_load_async (OvhAccountStore *self,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean
ovh_account_store_load_finish (OvhAccountStore *self, GAsyncResult *result, GError **error);

/* Writes a new account to the keyring, then appends it to the model. */
void ovh_account_store_add_async (OvhAccountStore *self,
                                  OvhAccount *account,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean ovh_account_store_add_finish (OvhAccountStore *self, GAsyncResult *result, GError **error);

/* Writes the account's current label, keys and nichandle over its keyring item. */
void ovh_account_store_update_async (OvhAccountStore *self,
                                     OvhAccount *account,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean
ovh_account_store_update_finish (OvhAccountStore *self, GAsyncResult *result, GError **error);

/* Deletes the account's keyring item, then removes it from the model. */
void ovh_account_store_remove_async (OvhAccountStore *self,
                                     OvhAccount *account,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean
ovh_account_store_remove_finish (OvhAccountStore *self, GAsyncResult *result, GError **error);

/* Moves the account to @position in the model at once, then writes every account's place to
 * the keyring, so that the app and domaine-cli list them in this order from then on. */
void ovh_account_store_move_async (OvhAccountStore *self,
                                   OvhAccount *account,
                                   guint position,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean
ovh_account_store_move_finish (OvhAccountStore *self, GAsyncResult *result, GError **error);

/* Reads one account from the keyring by id (without loading the others). */
void ovh_account_store_lookup_async (OvhAccountStore *self,
                                     const char *account_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
OvhAccount *
ovh_account_store_lookup_finish (OvhAccountStore *self, GAsyncResult *result, GError **error);

/* The loaded account with this id, or NULL (no keyring access). */
OvhAccount *ovh_account_store_find (OvhAccountStore *self, const char *account_id);
gboolean ovh_account_store_is_loaded (OvhAccountStore *self);

G_END_DECLS
