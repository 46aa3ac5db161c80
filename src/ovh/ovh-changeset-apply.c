/* ovh-changeset-apply.c: sending a changeset's changes to OVH, then publishing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deletes, then updates, then creates, a few requests in flight; a create that OVH answers
 * with id 0 has its id looked up; then one refresh when anything was applied.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-change-private.h"
#include "ovh-changeset-private.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"
#include "ovh-zone-private.h"

#define APPLY_IN_FLIGHT 4

static const char *
zone_name (OvhChangeset *self)
{
  return ovh_zone_get_name (self->zone);
}

static char *
record_path (OvhChangeset *self, guint64 id)
{
  return ovh_path_printf ("/domain/zone/%s/record/%" G_GUINT64_FORMAT, zone_name (self), id);
}

static char *
refresh_path (OvhChangeset *self)
{
  return ovh_path_printf ("/domain/zone/%s/refresh", zone_name (self));
}

typedef struct
{
  GPtrArray *phases[3]; /* deletes, updates, creates: OvhChange* */
  guint phase;
  guint next;
  guint in_flight;
  guint n_applied;
  GPtrArray *failed; /* OvhChange* */
  GError *publish_error;
  gboolean cancelled;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (data->phases); i++)
    g_clear_pointer (&data->phases[i], g_ptr_array_unref);
  g_clear_pointer (&data->failed, g_ptr_array_unref);
  g_clear_error (&data->publish_error);
  g_free (data);
}

typedef struct
{
  GTask *task;
  OvhChange *change;
  GArray *candidates; /* guint64 ids still to try for a create answered with id 0 */
} ChangeCall;

static ChangeCall *
change_call_new (GTask *task, OvhChange *change)
{
  ChangeCall *call = g_new0 (ChangeCall, 1);

  call->task = g_object_ref (task);
  call->change = g_object_ref (change);
  return call;
}

static void
change_call_free (ChangeCall *call)
{
  g_object_unref (call->task);
  g_object_unref (call->change);
  g_clear_pointer (&call->candidates, g_array_unref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeCall, change_call_free)

static void apply_pump (GTask *task);

static void
change_applied (GTask *task, OvhChange *change)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  ovh_change_set_state (change, OVH_CHANGE_STATE_APPLIED, NULL);
  data->n_applied++;
  /* The partner link stays until both halves are done: a create checks its delete. */
  {
    guint64 id = ovh_change_get_record_id (change);
    guint position;

    if (ovh_change_get_kind (change) != OVH_CHANGE_KIND_CREATE
        && g_hash_table_lookup (self->by_record_id, &id) == change)
      g_hash_table_remove (self->by_record_id, &id);
    if (g_list_store_find (self->changes, change, &position))
      g_list_store_remove (self->changes, position);
  }
  ovh_changeset_notify_n_pending (self);
}

static void
change_failed (GTask *task, OvhChange *change, GError *error)
{
  ApplyData *data = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Not refused by OVH: it simply was not (or may not have been) sent. */
      data->cancelled = TRUE;
      ovh_change_set_state (change, OVH_CHANGE_STATE_PENDING, NULL);
      g_error_free (error);
      return;
    }

  ovh_change_set_state (change, OVH_CHANGE_STATE_FAILED, error);
  g_ptr_array_add (data->failed, g_object_ref (change));
}

static void
change_finished (GTask *task)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  data->in_flight--;
  ovh_changeset_set_apply_progress (self, self->n_done + 1, self->n_to_apply);
  apply_pump (task);
}

static void
delete_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  /* Already gone is what was asked for. */
  if (node != NULL || g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      ovh_zone_remove_record (self->zone, ovh_change_get_record_id (call->change));
      change_applied (call->task, call->change);
    }
  else
    change_failed (call->task, call->change, error);
  change_finished (call->task);
}

static void
update_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    {
      g_autoptr (OvhRecord) updated = ovh_record_dup (ovh_change_get_after (call->change));

      ovh_record_set_id (updated, ovh_change_get_record_id (call->change));
      ovh_zone_replace_record (self->zone, updated);
      change_applied (call->task, call->change);
    }
  else
    change_failed (call->task, call->change, error);
  change_finished (call->task);
}

static void
create_landed (GTask *task, OvhChange *change, OvhRecord *created)
{
  OvhChangeset *self = g_task_get_source_object (task);

  if (created != NULL)
    {
      ovh_change_set_record_id (change, ovh_record_get_id (created));
      ovh_zone_add_record (self->zone, created);
    }
  change_applied (task, change);
}

/* The id-0 answer: the record exists at OVH but its id must be looked up. Its candidates
 * are the ids with its type and sub-domain that the zone does not know, newest first (OVH
 * hands ids out in increasing order); the first whose target matches and that no other
 * create has claimed meanwhile is ours. Creates of the same name run side by side, so the
 * newest unknown id alone may well be a sibling's. */
#define MAX_ID_CANDIDATES 16

static void resolve_record_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
resolve_next_candidate (ChangeCall *call_in)
{
  g_autoptr (ChangeCall) call = call_in;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autofree char *path = NULL;
  guint64 id;

  if (call->candidates->len == 0)
    {
      /* Created for sure, but not recognisable: the next reload shows it; never send it
       * twice. */
      g_debug ("A record created in %s answered id 0 and could not be found", zone_name (self));
      create_landed (call->task, call->change, NULL);
      change_finished (call->task);
      return;
    }

  id = g_array_index (call->candidates, guint64, 0);
  g_array_remove_index (call->candidates, 0);
  path = record_path (self, id);
  ovh_client_call_async (ovh_zone_get_client (self->zone), "GET", path, NULL, OVH_CALL_NONE, NULL,
                         resolve_record_cb, g_steal_pointer (&call));
}

static void
resolve_record_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecord) found = NULL;
  OvhRecord *after = ovh_change_get_after (call->change);

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    found = ovh_record_new_from_json (node, NULL);
  else
    g_debug ("Looking up a record created in %s: %s", zone_name (self), error->message);

  if (found != NULL && ovh_record_get_id (found) != 0
      && ovh_zone_find_record_by_id (self->zone, ovh_record_get_id (found)) == NULL
      && g_ascii_strcasecmp (ovh_record_get_field_type (found), ovh_record_get_field_type (after))
             == 0
      && g_ascii_strcasecmp (ovh_record_get_target (found), ovh_record_get_target (after)) == 0)
    {
      create_landed (call->task, call->change, found);
      change_finished (call->task);
      return;
    }

  resolve_next_candidate (g_steal_pointer (&call));
}

static int
compare_ids_newest_first (gconstpointer a, gconstpointer b)
{
  guint64 id_a = *(const guint64 *) a;
  guint64 id_b = *(const guint64 *) b;

  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

static void
resolve_ids_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  call->candidates = g_array_new (FALSE, FALSE, sizeof (guint64));
  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if ((array = ovh_json_node_get_array (node)) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gint64 value;
          guint64 id;

          if (!ovh_json_node_get_int64 (json_array_get_element (array, i), &value) || value <= 0)
            continue;
          id = (guint64) value;
          if (ovh_zone_find_record_by_id (self->zone, id) == NULL)
            g_array_append_val (call->candidates, id);
        }
    }
  else if (error != NULL)
    g_debug ("Listing the records created in %s: %s", zone_name (self), error->message);

  g_array_sort (call->candidates, compare_ids_newest_first);
  if (call->candidates->len > MAX_ID_CANDIDATES)
    g_array_set_size (call->candidates, MAX_ID_CANDIDATES);
  resolve_next_candidate (g_steal_pointer (&call));
}

static void
create_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhRecord) created = NULL;
  GError *error = NULL;
  OvhRecord *after = ovh_change_get_after (call->change);

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      change_failed (call->task, call->change, error);
      change_finished (call->task);
      return;
    }

  created = ovh_record_new_from_json (node, NULL);
  if (created == NULL || ovh_record_get_id (created) == 0)
    {
      /* OVH's known bug: a created record answered with id 0. The query's values are
       * escaped apart: an empty subDomain (the apex) is fine there, not as a path segment. */
      g_autofree char *records = ovh_path_printf ("/domain/zone/%s/record", zone_name (self));
      g_autofree char *escaped_type
          = g_uri_escape_string (ovh_record_get_field_type (after), NULL, FALSE);
      g_autofree char *escaped_sub
          = g_uri_escape_string (ovh_record_get_sub_domain (after), NULL, FALSE);
      g_autofree char *path
          = g_strdup_printf ("%s?fieldType=%s&subDomain=%s", records, escaped_type, escaped_sub);

      ovh_client_call_async (ovh_zone_get_client (self->zone), "GET", path, NULL, OVH_CALL_NONE,
                             NULL, resolve_ids_cb, change_call_new (call->task, call->change));
      return;
    }

  create_landed (call->task, call->change, created);
  change_finished (call->task);
}

/* Returns FALSE when the change was settled without a request (the pump goes on). */
static gboolean
start_change (GTask *task, OvhChange *change)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);
  OvhClient *client = ovh_zone_get_client (self->zone);
  /* A request once sent is seen through: cancelling it would leave its outcome unknown
   * (a create applied at OVH but still pending here would be sent twice). Cancellation
   * stops new requests; see apply_pump(). */
  GCancellable *cancellable = NULL;
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) body = NULL;
  OvhChange *partner = ovh_change_get_partner (change);

  ovh_change_set_state (change, OVH_CHANGE_STATE_APPLYING, NULL);

  switch (ovh_change_get_kind (change))
    {
    case OVH_CHANGE_KIND_DELETE:
      path = record_path (self, ovh_change_get_record_id (change));
      ovh_client_call_async (client, "DELETE", path, NULL, OVH_CALL_NONE, cancellable, delete_cb,
                             change_call_new (task, change));
      break;

    case OVH_CHANGE_KIND_UPDATE:
      path = record_path (self, ovh_change_get_record_id (change));
      body = ovh_record_to_json_for_update (ovh_change_get_after (change));
      ovh_client_call_async (client, "PUT", path, body, OVH_CALL_NONE, cancellable, update_cb,
                             change_call_new (task, change));
      break;

    case OVH_CHANGE_KIND_CREATE:
    default:
      /* The other half of a type change must be gone first, or both records would exist. */
      if (partner != NULL && ovh_change_get_state (partner) != OVH_CHANGE_STATE_APPLIED)
        {
          GError *error = NULL;

          if (ovh_change_get_state (partner) == OVH_CHANGE_STATE_FAILED)
            error = g_error_new (OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL,
                                 _ ("Not sent: the record it replaces could not be deleted"));
          else
            error = g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
          change_failed (task, change, error);
          ovh_changeset_set_apply_progress (self, self->n_done + 1, self->n_to_apply);
          return FALSE;
        }
      path = ovh_path_printf ("/domain/zone/%s/record", zone_name (self));
      body = ovh_record_to_json_for_create (ovh_change_get_after (change));
      ovh_client_call_async (client, "POST", path, body, OVH_CALL_NONE, cancellable, create_cb,
                             change_call_new (task, change));
      break;
    }

  data->in_flight++;
  return TRUE;
}

static void refresh_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
apply_finished (GTask *task)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  /* Every applied change has detached from its partner by now. */
  for (guint i = 0; i < G_N_ELEMENTS (data->phases); i++)
    for (guint j = 0; j < data->phases[i]->len; j++)
      {
        OvhChange *change = g_ptr_array_index (data->phases[i], j);
        OvhChange *partner = ovh_change_get_partner (change);

        if (partner != NULL
            && (ovh_change_get_state (change) == OVH_CHANGE_STATE_APPLIED
                || ovh_change_get_state (partner) == OVH_CHANGE_STATE_APPLIED))
          {
            ovh_change_set_partner (partner, NULL);
            ovh_change_set_partner (change, NULL);
          }
      }

  if (data->n_applied > 0)
    {
      /* The cache holds the zone as it was: the serial may not move before a refresh. */
      ovh_zone_forget_cache (self->zone);
      ovh_changeset_set_needs_publish (self, TRUE);
    }

  if (self->needs_publish && !data->cancelled && self->publish_after_apply)
    {
      g_autofree char *path = refresh_path (self);
      ovh_client_call_async (ovh_zone_get_client (self->zone), "POST", path, NULL, OVH_CALL_NONE,
                             g_task_get_cancellable (task), refresh_cb, g_object_ref (task));
      return;
    }

  refresh_cb (NULL, NULL, g_object_ref (task));
}

static void
return_outcome (GTask *task)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  ovh_changeset_set_busy (self, FALSE);

  if (data->failed->len > 0)
    {
      g_autoptr (GString) details = g_string_new (NULL);
      guint n_total = data->failed->len + data->n_applied;

      for (guint i = 0; i < data->failed->len; i++)
        {
          OvhChange *change = g_ptr_array_index (data->failed, i);
          g_autofree char *summary = ovh_change_dup_summary (change);
          const GError *error = ovh_change_get_error (change);

          g_autofree char *message = error != NULL && error->domain == OVH_ERROR
                                         ? ovh_error_dup_display_message (error)
                                         : g_strdup (error != NULL ? error->message : "");

          g_string_append_printf (details, "\n%s: %s", summary, message);
        }
      if (data->publish_error != NULL)
        g_string_append_printf (details, "\n%s %s", _ ("Publishing failed too:"),
                                data->publish_error->message);

      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL,
                               g_dngettext (GETTEXT_PACKAGE, "%u of %u change failed:%s",
                                            "%u of %u changes failed:%s", n_total),
                               data->failed->len, n_total, details->str);
      return;
    }

  if (data->cancelled)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _ ("Publishing the changes was cancelled"));
      return;
    }

  if (data->publish_error != NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (data->publish_error);

      g_task_return_new_error (
          task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED,
          _ ("The changes were saved at OVH but not published: %s"),
          data->publish_error->domain == OVH_ERROR ? message : data->publish_error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
refresh_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  if (result != NULL)
    {
      g_autoptr (JsonNode) node = NULL;
      GError *error = NULL;

      node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
      g_clear_error (&self->publish_error);
      if (error == NULL)
        ovh_changeset_set_needs_publish (self, FALSE);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          data->cancelled = TRUE;
          g_error_free (error);
        }
      else
        {
          self->publish_error = g_error_copy (error);
          data->publish_error = error;
        }
    }

  return_outcome (task);
}

static void
apply_pump (GTask *task)
{
  ApplyData *data = g_task_get_task_data (task);

  while (data->phase < G_N_ELEMENTS (data->phases))
    {
      GPtrArray *phase = data->phases[data->phase];

      while (data->next < phase->len && data->in_flight < APPLY_IN_FLIGHT)
        {
          OvhChange *change = g_ptr_array_index (phase, data->next++);

          /* After a cancellation nothing new is sent. */
          if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
            {
              data->cancelled = TRUE;
              continue;
            }
          start_change (task, change);
        }

      if (data->in_flight > 0 || data->next < phase->len)
        return;

      /* This phase is over: deletes before updates before creates. */
      data->phase++;
      data->next = 0;
    }

  if (data->in_flight == 0)
    {
      data->phase = G_N_ELEMENTS (data->phases) + 1; /* once */
      apply_finished (task);
    }
}

/* The task's data, or NULL when an apply or publish is running already (the task says so). */
static ApplyData *
apply_data_attach (OvhChangeset *self, GTask *task)
{
  ApplyData *data;

  if (self->busy)
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY,
                               _ ("The changes are already being published"));
      return NULL;
    }

  data = g_new0 (ApplyData, 1);
  for (guint i = 0; i < G_N_ELEMENTS (data->phases); i++)
    data->phases[i] = g_ptr_array_new_with_free_func (g_object_unref);
  data->failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);
  return data;
}

void
ovh_changeset_apply_async (OvhChangeset *self,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ApplyData *data;
  guint n;

  g_return_if_fail (OVH_IS_CHANGESET (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_changeset_apply_async);

  if ((data = apply_data_attach (self, task)) == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  for (guint i = 0; i < n; i++)
    {
      OvhChange *change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);
      guint phase = ovh_change_get_kind (change) == OVH_CHANGE_KIND_DELETE   ? 0
                    : ovh_change_get_kind (change) == OVH_CHANGE_KIND_UPDATE ? 1
                                                                             : 2;
      g_ptr_array_add (data->phases[phase], change);
    }

  ovh_changeset_set_busy (self, TRUE);
  ovh_changeset_set_apply_progress (self, 0, n);
  apply_pump (task);
}

gboolean
ovh_changeset_apply_finish (OvhChangeset *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ovh_changeset_publish_async (OvhChangeset *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (OVH_IS_CHANGESET (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_changeset_publish_async);

  if (apply_data_attach (self, task) == NULL)
    return;

  ovh_changeset_set_busy (self, TRUE);
  path = refresh_path (self);
  ovh_client_call_async (ovh_zone_get_client (self->zone), "POST", path, NULL, OVH_CALL_NONE,
                         cancellable, refresh_cb, g_object_ref (task));
}

gboolean
ovh_changeset_publish_finish (OvhChangeset *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
