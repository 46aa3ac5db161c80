/* ovh-account-store-move.c: the order people give their accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model changes at once; then each account is written again with its new place (one
 * keyring item per account, a handful of accounts): the next load, in the app or in
 * domaine-cli, sorts by that place.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-account-store-private.h"

typedef struct
{
  GPtrArray *accounts; /* OvhAccount, in the new order, still to write */
  guint next;
} Move;

static void
move_free (Move *move)
{
  g_ptr_array_unref (move->accounts);
  g_free (move);
}

static void write_next (GTask *task);

static void
written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!ovh_account_store_update_finish (OVH_ACCOUNT_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  write_next (g_steal_pointer (&task));
}

/* Takes the task's reference. */
static void
write_next (GTask *task)
{
  OvhAccountStore *self = g_task_get_source_object (task);
  Move *move = g_task_get_task_data (task);
  OvhAccount *account;

  if (move->next >= move->accounts->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  account = g_ptr_array_index (move->accounts, move->next++);
  /* An account removed meanwhile has no place to keep. */
  if (ovh_account_store_find (self, ovh_account_get_id (account)) != account)
    {
      write_next (task);
      return;
    }
  ovh_account_store_update_async (self, account, g_task_get_cancellable (task), written_cb, task);
}

void
ovh_account_store_move_async (OvhAccountStore *self,
                              OvhAccount *account,
                              guint position,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GListModel *model = G_LIST_MODEL (self);
  guint n_items;
  guint from = G_MAXUINT;
  GTask *task;
  Move *move;

  g_return_if_fail (OVH_IS_ACCOUNT_STORE (self));
  g_return_if_fail (OVH_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_account_store_move_async);

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items && from == G_MAXUINT; i++)
    {
      g_autoptr (OvhAccount) item = g_list_model_get_item (model, i);

      if (item == account)
        from = i;
    }
  if (from == G_MAXUINT)
    {
      g_task_return_new_error (task, OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_NOT_FOUND,
                               _ ("This OVHcloud account is not in the keyring."));
      g_object_unref (task);
      return;
    }

  ovh_account_store_move_in_model (self, from, MIN (position, n_items - 1));

  move = g_new0 (Move, 1);
  move->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (move->accounts, g_list_model_get_item (model, i));
  g_task_set_task_data (task, move, (GDestroyNotify) move_free);
  write_next (task);
}

gboolean
ovh_account_store_move_finish (OvhAccountStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
