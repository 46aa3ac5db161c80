/* ovh-changeset-apply.c: sending a changeset's changes to OVH, then publishing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deletes, then updates, then creates, a few requests in flight; a create that OVH answers
 * with id 0 has its id looked up; a change whose answer was lost is checked against the zone
 * (ovh-changeset-check.c), and so is one whose outcome was left unknown, before it is sent
 * again; then one refresh when anything was (or may have been) applied.
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
  guint n_unknown;
  GPtrArray *failed;  /* OvhChange*, unknown ones included */
  GPtrArray *settled; /* OvhChange*, in the order they were settled */
  GError *publish_error;
  gboolean cancelled;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  for (guint i = 0; i < G_N_ELEMENTS (data->phases); i++)
    g_clear_pointer (&data->phases[i], g_ptr_array_unref);
  g_clear_pointer (&data->failed, g_ptr_array_unref);
  g_clear_pointer (&data->settled, g_ptr_array_unref);
  g_clear_error (&data->publish_error);
  g_free (data);
}

typedef struct
{
  GTask *task;
  OvhChange *change;
  GError *lost; /* the error of a request whose answer was lost, while the zone is checked */
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
  g_clear_error (&call->lost);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeCall, change_call_free)

static void apply_pump (GTask *task);

/* lost: the error of the request whose answer was lost (taken), or NULL. */
static void
change_applied (GTask *task, OvhChange *change, GError *lost)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  ovh_change_set_outcome (change, OVH_CHANGE_OUTCOME_APPLIED, lost != NULL);
  ovh_change_set_state (change, OVH_CHANGE_STATE_APPLIED, lost);
  g_ptr_array_add (data->settled, g_object_ref (change));
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
change_failed_full (GTask *task, OvhChange *change, GError *error, gboolean answer_lost)
{
  ApplyData *data = g_task_get_task_data (task);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Not refused by OVH: it simply was not sent. */
      data->cancelled = TRUE;
      ovh_change_set_state (change, OVH_CHANGE_STATE_PENDING, NULL);
      g_error_free (error);
      return;
    }

  ovh_change_set_outcome (change, OVH_CHANGE_OUTCOME_FAILED, answer_lost);
  ovh_change_set_state (change, OVH_CHANGE_STATE_FAILED, error);
  g_ptr_array_add (data->failed, g_object_ref (change));
  g_ptr_array_add (data->settled, g_object_ref (change));
}

static void
change_failed (GTask *task, OvhChange *change, GError *error)
{
  change_failed_full (task, change, error, FALSE);
}

/* Sent, perhaps made: it stays, and the next apply checks the zone before sending it again.
 * lost may be NULL (the answer was lost on an earlier apply); both errors are taken. */
static void
change_unknown (GTask *task, OvhChange *change, GError *lost, GError *check_error)
{
  ApplyData *data = g_task_get_task_data (task);
  GError *error;

  if (lost != NULL)
    error = g_error_new (OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME,
                         /* Translators: both %s are error messages */
                         _ ("Perhaps made: the answer was lost (%s) and the zone could not be "
                            "checked (%s)"),
                         lost->message, check_error->message);
  else
    error = g_error_new (OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME,
                         /* Translators: %s is an error message */
                         _ ("Perhaps made: the zone could not be checked (%s)"),
                         check_error->message);
  g_clear_error (&lost);
  g_error_free (check_error);

  ovh_change_set_outcome (change, OVH_CHANGE_OUTCOME_UNKNOWN, TRUE);
  ovh_change_set_state (change, OVH_CHANGE_STATE_FAILED, error);
  data->n_unknown++;
  g_ptr_array_add (data->failed, g_object_ref (change));
  g_ptr_array_add (data->settled, g_object_ref (change));
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

/* Makes the zone's records model agree with a change made at OVH. found: the record as OVH
 * has it now, when known (a create's, with its id). */
static void
change_landed (GTask *task, OvhChange *change, OvhRecord *found, GError *lost)
{
  OvhChangeset *self = g_task_get_source_object (task);

  switch (ovh_change_get_kind (change))
    {
    case OVH_CHANGE_KIND_DELETE:
      ovh_zone_remove_record (self->zone, ovh_change_get_record_id (change));
      break;

    case OVH_CHANGE_KIND_UPDATE:
      {
        g_autoptr (OvhRecord) updated = ovh_record_dup (ovh_change_get_after (change));

        ovh_record_set_id (updated, ovh_change_get_record_id (change));
        ovh_zone_replace_record (self->zone, updated);
      }
      break;

    case OVH_CHANGE_KIND_CREATE:
    default:
      if (found != NULL)
        {
          ovh_change_set_record_id (change, ovh_record_get_id (found));
          /* A zone reloaded since the request was sent may know the record already. */
          if (!ovh_zone_replace_record (self->zone, found))
            ovh_zone_add_record (self->zone, found);
        }
      else
        g_debug ("A record created in %s answered id 0 and could not be found", zone_name (self));
      break;
    }
  change_applied (task, change, lost);
}

static void
lost_answer_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  g_autoptr (OvhRecord) found = NULL;
  GError *check_error = NULL;

  switch (ovh_changeset_check_change_finish (OVH_CHANGESET (source), result, &found, &check_error))
    {
    case OVH_CHANGE_CHECK_MADE:
      change_landed (call->task, call->change, found, g_steal_pointer (&call->lost));
      break;
    case OVH_CHANGE_CHECK_NOT_MADE:
      change_failed_full (call->task, call->change, g_steal_pointer (&call->lost), TRUE);
      break;
    case OVH_CHANGE_CHECK_UNKNOWN:
    default:
      change_unknown (call->task, call->change, g_steal_pointer (&call->lost), check_error);
      break;
    }
  change_finished (call->task);
}

/* The request failed: settled as refused, or, when its answer was lost, by the zone. */
static void
change_request_failed (ChangeCall *call_in, GError *error)
{
  g_autoptr (ChangeCall) call = call_in;
  OvhChangeset *self = g_task_get_source_object (call->task);
  OvhChange *change;

  if (!ovh_changeset_answer_was_lost (error))
    {
      change_failed (call->task, call->change, error);
      change_finished (call->task);
      return;
    }

  g_debug ("The answer to a change in %s was lost (%s): checking the zone", zone_name (self),
           error->message);
  call->lost = error;
  change = call->change;
  ovh_changeset_check_change_async (self, change, FALSE, lost_answer_checked_cb,
                                    g_steal_pointer (&call));
}

static void
delete_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  /* Already gone is what was asked for. */
  if (node != NULL || g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    {
      g_clear_error (&error);
      change_landed (call->task, call->change, NULL, NULL);
      change_finished (call->task);
    }
  else
    change_request_failed (g_steal_pointer (&call), error);
}

static void
update_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    {
      change_landed (call->task, call->change, NULL, NULL);
      change_finished (call->task);
    }
  else
    change_request_failed (g_steal_pointer (&call), error);
}

/* OVH's known bug: a created record answered with id 0. It exists; its id is looked up. */
static void
id_zero_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  g_autoptr (OvhRecord) found = NULL;
  g_autoptr (GError) error = NULL;

  /* Created for sure even when not recognisable: the next reload shows it; never sent twice. */
  if (ovh_changeset_check_change_finish (OVH_CHANGESET (source), result, &found, &error)
      != OVH_CHANGE_CHECK_MADE)
    g_clear_object (&found);
  change_landed (call->task, call->change, found, NULL);
  change_finished (call->task);
}

static void
create_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  OvhChangeset *self = g_task_get_source_object (call->task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhRecord) created = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      change_request_failed (g_steal_pointer (&call), error);
      return;
    }

  created = ovh_record_new_from_json (node, NULL);
  if (created == NULL || ovh_record_get_id (created) == 0)
    {
      OvhChange *change = call->change;

      ovh_changeset_check_change_async (self, change, FALSE, id_zero_checked_cb,
                                        g_steal_pointer (&call));
      return;
    }

  change_landed (call->task, call->change, created, NULL);
  change_finished (call->task);
}

static gboolean send_change (GTask *task, OvhChange *change);

/* A change left unknown by an earlier apply: the zone first, so that it is never made twice. */
static void
unknown_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChangeCall) call = user_data;
  ApplyData *data = g_task_get_task_data (call->task);
  g_autoptr (OvhRecord) found = NULL;
  GError *check_error = NULL;

  switch (ovh_changeset_check_change_finish (OVH_CHANGESET (source), result, &found, &check_error))
    {
    case OVH_CHANGE_CHECK_MADE:
      change_landed (call->task, call->change, found, NULL);
      ovh_change_set_outcome (call->change, OVH_CHANGE_OUTCOME_APPLIED, TRUE);
      break;
    case OVH_CHANGE_CHECK_NOT_MADE:
      /* Not made: now it may be sent (its slot in flight is handed over). */
      ovh_change_set_outcome (call->change, OVH_CHANGE_OUTCOME_NONE, FALSE);
      data->in_flight--;
      if (!send_change (call->task, call->change))
        apply_pump (call->task);
      return;
    case OVH_CHANGE_CHECK_UNKNOWN:
    default:
      change_unknown (call->task, call->change, NULL, check_error);
      break;
    }
  change_finished (call->task);
}

/* Returns FALSE when the change was settled without a request (the pump goes on). */
static gboolean
start_change (GTask *task, OvhChange *change)
{
  OvhChangeset *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  if (ovh_change_get_outcome (change) == OVH_CHANGE_OUTCOME_UNKNOWN)
    {
      ovh_change_set_state (change, OVH_CHANGE_STATE_APPLYING, NULL);
      data->in_flight++;
      ovh_changeset_check_change_async (self, change, TRUE, unknown_checked_cb,
                                        change_call_new (task, change));
      return TRUE;
    }
  return send_change (task, change);
}

static gboolean
send_change (GTask *task, OvhChange *change)
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

  /* A change of unknown outcome may be live at OVH: the refresh publishes it if so. */
  if (data->n_applied > 0 || data->n_unknown > 0)
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

  if (g_task_get_source_tag (task) == ovh_changeset_apply_async)
    {
      g_ptr_array_set_size (self->last_outcomes, 0);
      for (guint i = 0; i < data->settled->len; i++)
        g_ptr_array_add (self->last_outcomes, g_object_ref (g_ptr_array_index (data->settled, i)));
    }
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

      if (data->n_unknown > 0)
        g_task_return_new_error (
            task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL,
            g_dngettext (GETTEXT_PACKAGE, "%u of %u change failed or could not be confirmed:%s",
                         "%u of %u changes failed or could not be confirmed:%s", n_total),
            data->failed->len, n_total, details->str);
      else
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
  data->settled = g_ptr_array_new_with_free_func (g_object_unref);
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

GPtrArray *
ovh_changeset_dup_last_outcomes (OvhChangeset *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);

  copy = g_ptr_array_new_full (self->last_outcomes->len, g_object_unref);
  for (guint i = 0; i < self->last_outcomes->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (self->last_outcomes, i)));
  return copy;
}

gboolean
ovh_changeset_publish_finish (OvhChangeset *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
