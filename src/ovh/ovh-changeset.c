/* ovh-changeset.c: staged edits of a zone, applied together and then published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-change-private.h"
#include "ovh-changeset-private.h"
#include "ovh-error.h"
#include "ovh-zone-private.h"

#define APPLY_IN_FLIGHT 4

G_DEFINE_FINAL_TYPE (OvhChangeset, ovh_changeset, G_TYPE_OBJECT)

G_DEFINE_QUARK (ovh - changeset - error - quark, ovh_changeset_error)

enum
{
  PROP_0,
  PROP_ZONE,
  PROP_CHANGES,
  PROP_N_PENDING,
  PROP_NEEDS_PUBLISH,
  PROP_BUSY,
  PROP_N_DONE,
  PROP_N_TO_APPLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
zone_name (OvhChangeset *self)
{
  return ovh_zone_get_name (self->zone);
}

static char *
zone_path (OvhChangeset *self, const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (zone_name (self), NULL, FALSE);

  return g_strconcat ("/domain/zone/", escaped, suffix, NULL);
}

static char *
record_path (OvhChangeset *self, guint64 id)
{
  g_autofree char *suffix = g_strdup_printf ("/record/%" G_GUINT64_FORMAT, id);

  return zone_path (self, suffix);
}

/* The set */

void
ovh_changeset_notify_n_pending (OvhChangeset *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

void
ovh_changeset_set_needs_publish (OvhChangeset *self, gboolean needs_publish)
{
  if (self->needs_publish == needs_publish)
    return;
  self->needs_publish = needs_publish;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_PUBLISH]);
}

void
ovh_changeset_set_busy (OvhChangeset *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
ovh_changeset_set_apply_progress (OvhChangeset *self, guint n_done, guint n_to_apply)
{
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }
  if (self->n_to_apply != n_to_apply)
    {
      self->n_to_apply = n_to_apply;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TO_APPLY]);
    }
}

static void
index_change (OvhChangeset *self, OvhChange *change)
{
  guint64 id = ovh_change_get_record_id (change);

  if (ovh_change_get_kind (change) != OVH_CHANGE_KIND_CREATE && id != 0)
    g_hash_table_insert (self->by_record_id, g_memdup2 (&id, sizeof id), change);
}

void
ovh_changeset_add_change (OvhChangeset *self, OvhChange *change)
{
  index_change (self, change);
  g_list_store_append (self->changes, change);
  ovh_changeset_notify_n_pending (self);
}

/* Tells list views that a change's content changed: one row replaced by itself. */
static void
touch_change (OvhChangeset *self, OvhChange *change)
{
  g_autoptr (OvhChange) keep = g_object_ref (change); /* the store may hold the only ref */
  guint position;

  if (g_list_store_find (self->changes, keep, &position))
    g_list_store_splice (self->changes, position, 1, (gpointer *) &keep, 1);
}

static void
remove_one (OvhChangeset *self, OvhChange *change)
{
  guint64 id = ovh_change_get_record_id (change);
  guint position;

  if (ovh_change_get_kind (change) != OVH_CHANGE_KIND_CREATE
      && g_hash_table_lookup (self->by_record_id, &id) == change)
    g_hash_table_remove (self->by_record_id, &id);

  if (ovh_change_get_partner (change) != NULL)
    {
      ovh_change_set_partner (ovh_change_get_partner (change), NULL);
      ovh_change_set_partner (change, NULL);
    }

  if (g_list_store_find (self->changes, change, &position))
    g_list_store_remove (self->changes, position);
}

static OvhRecord *
copy_for_zone (OvhChangeset *self, OvhRecord *record, guint64 id)
{
  OvhRecord *copy = ovh_record_dup (record);

  ovh_record_set_zone (copy, zone_name (self));
  ovh_record_set_id (copy, id);
  return copy;
}

gboolean
ovh_changeset_check_not_busy (OvhChangeset *self, GError **error)
{
  if (!self->busy)
    return TRUE;
  g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY,
               _ ("The changes are being published: wait for it to finish"));
  return FALSE;
}

static OvhRecord *
find_existing (OvhChangeset *self, guint64 record_id, GError **error)
{
  OvhRecord *existing = ovh_zone_find_record_by_id (self->zone, record_id);

  if (existing == NULL)
    {
      /* Formatted apart: xgettext cuts a message at G_GUINT64_FORMAT. */
      g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, record_id);

      g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_NOT_FOUND,
                   _ ("The zone %s has no record %s"), zone_name (self), id);
    }
  return existing;
}

OvhChange *
ovh_changeset_lookup (OvhChangeset *self, guint64 record_id)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);

  return g_hash_table_lookup (self->by_record_id, &record_id);
}

OvhChange *
ovh_changeset_stage_create (OvhChangeset *self, OvhRecord *record, GError **error)
{
  g_autoptr (OvhRecord) after = NULL;
  g_autoptr (OvhChange) change = NULL;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);
  g_return_val_if_fail (OVH_IS_RECORD (record), NULL);

  if (!ovh_changeset_check_not_busy (self, error))
    return NULL;

  after = copy_for_zone (self, record, 0);
  if (!ovh_record_check (after, error))
    return NULL;

  change = ovh_change_new (OVH_CHANGE_KIND_CREATE, 0, NULL, g_steal_pointer (&after));
  ovh_changeset_add_change (self, change);
  return change;
}

/* The existing record with new_values' sub-domain, target and ttl. */
static OvhRecord *
build_update (OvhChangeset *self, OvhRecord *existing, OvhRecord *new_values, GError **error)
{
  g_autoptr (OvhRecord) after = NULL;

  if (g_ascii_strcasecmp (ovh_record_get_field_type (existing),
                          ovh_record_get_field_type (new_values))
      != 0)
    {
      g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_TYPE_CHANGE,
                   _ ("OVH cannot change the type of a record: delete it and create another"));
      return NULL;
    }

  after = copy_for_zone (self, existing, ovh_record_get_id (existing));
  ovh_record_set_sub_domain (after, ovh_record_get_sub_domain (new_values));
  ovh_record_set_target (after, ovh_record_get_target (new_values));
  ovh_record_set_ttl (after, ovh_record_get_ttl (new_values));
  if (!ovh_record_check (after, error))
    return NULL;
  return g_steal_pointer (&after);
}

OvhChange *
ovh_changeset_stage_update (OvhChangeset *self,
                            guint64 record_id,
                            OvhRecord *new_values,
                            GError **error)
{
  g_autoptr (OvhRecord) after = NULL;
  OvhRecord *existing;
  OvhChange *pending;
  OvhChange *change;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);
  g_return_val_if_fail (OVH_IS_RECORD (new_values), NULL);

  if (!ovh_changeset_check_not_busy (self, error)
      || (existing = find_existing (self, record_id, error)) == NULL)
    return NULL;

  pending = ovh_changeset_lookup (self, record_id);
  if (pending != NULL && ovh_change_get_kind (pending) == OVH_CHANGE_KIND_DELETE)
    {
      g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_STAGED_DELETE,
                   _ ("This record is about to be deleted: undo the deletion to edit it"));
      return NULL;
    }

  after = build_update (self, existing, new_values, error);
  if (after == NULL)
    return NULL;

  /* Back to what OVH has: nothing left to do. */
  if (ovh_record_equal_content (after, existing))
    {
      if (pending != NULL)
        {
          remove_one (self, pending);
          ovh_changeset_notify_n_pending (self);
        }
      return NULL;
    }

  if (pending != NULL)
    {
      ovh_change_set_after (pending, g_steal_pointer (&after));
      ovh_change_set_state (pending, OVH_CHANGE_STATE_PENDING, NULL);
      touch_change (self, pending);
      return pending;
    }

  change = ovh_change_new (OVH_CHANGE_KIND_UPDATE, record_id, ovh_record_dup (existing),
                           g_steal_pointer (&after));
  ovh_changeset_add_change (self, change);
  g_object_unref (change);
  return change;
}

OvhChange *
ovh_changeset_stage_delete (OvhChangeset *self, guint64 record_id, GError **error)
{
  OvhRecord *existing;
  OvhChange *pending;
  OvhChange *change;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);

  if (!ovh_changeset_check_not_busy (self, error)
      || (existing = find_existing (self, record_id, error)) == NULL)
    return NULL;

  pending = ovh_changeset_lookup (self, record_id);
  if (pending != NULL && ovh_change_get_kind (pending) == OVH_CHANGE_KIND_DELETE)
    return pending;

  if (pending != NULL)
    {
      /* A staged edit of a record that goes away is dropped into the delete. */
      ovh_change_set_kind (pending, OVH_CHANGE_KIND_DELETE);
      ovh_change_set_after (pending, NULL);
      ovh_change_set_state (pending, OVH_CHANGE_STATE_PENDING, NULL);
      touch_change (self, pending);
      return pending;
    }

  change = ovh_change_new (OVH_CHANGE_KIND_DELETE, record_id, ovh_record_dup (existing), NULL);
  ovh_changeset_add_change (self, change);
  g_object_unref (change);
  return change;
}

OvhChange *
ovh_changeset_stage_change_type (OvhChangeset *self,
                                 guint64 record_id,
                                 OvhRecord *new_record,
                                 GError **error)
{
  g_autoptr (OvhRecord) after = NULL;
  g_autoptr (OvhChange) create = NULL;
  OvhRecord *existing;
  OvhChange *pending, *delete;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);
  g_return_val_if_fail (OVH_IS_RECORD (new_record), NULL);

  if (!ovh_changeset_check_not_busy (self, error)
      || (existing = find_existing (self, record_id, error)) == NULL)
    return NULL;

  if (g_ascii_strcasecmp (ovh_record_get_field_type (existing),
                          ovh_record_get_field_type (new_record))
      == 0)
    return ovh_changeset_stage_update (self, record_id, new_record, error);

  pending = ovh_changeset_lookup (self, record_id);
  if (pending != NULL && ovh_change_get_kind (pending) == OVH_CHANGE_KIND_DELETE)
    {
      OvhChange *partner = ovh_change_get_partner (pending);

      /* Already a type change: its create takes the new values. */
      if (partner != NULL)
        return ovh_changeset_restage (self, partner, new_record, error) ? partner : NULL;

      g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_STAGED_DELETE,
                   _ ("This record is about to be deleted: undo the deletion to edit it"));
      return NULL;
    }

  /* Checked before anything is staged, so a refusal leaves the set as it was. */
  after = copy_for_zone (self, new_record, 0);
  if (!ovh_record_check (after, error))
    return NULL;

  delete = ovh_changeset_stage_delete (self, record_id, error);
  if (delete == NULL)
    return NULL;

  create = ovh_change_new (OVH_CHANGE_KIND_CREATE, 0, NULL, g_steal_pointer (&after));
  ovh_change_set_replaces_id (create, record_id);
  ovh_change_set_partner (create, delete);
  ovh_change_set_partner (delete, create);
  ovh_changeset_add_change (self, create);
  return create;
}

gboolean
ovh_changeset_restage (OvhChangeset *self, OvhChange *change, OvhRecord *new_values, GError **error)
{
  g_autoptr (OvhRecord) after = NULL;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (OVH_IS_CHANGE (change), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (new_values), FALSE);

  if (!ovh_changeset_check_not_busy (self, error))
    return FALSE;

  switch (ovh_change_get_kind (change))
    {
    case OVH_CHANGE_KIND_CREATE:
      after = copy_for_zone (self, new_values, 0);
      if (!ovh_record_check (after, error))
        return FALSE;
      ovh_change_set_after (change, g_steal_pointer (&after));
      ovh_change_set_state (change, OVH_CHANGE_STATE_PENDING, NULL);
      touch_change (self, change);
      return TRUE;

    case OVH_CHANGE_KIND_UPDATE:
      {
        g_autoptr (GError) local_error = NULL;

        if (ovh_changeset_stage_update (self, ovh_change_get_record_id (change), new_values,
                                        &local_error)
                == NULL
            && local_error != NULL)
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        return TRUE;
      }

    case OVH_CHANGE_KIND_DELETE:
    default:
      g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_STAGED_DELETE,
                   _ ("This record is about to be deleted: undo the deletion to edit it"));
      return FALSE;
    }
}

gboolean
ovh_changeset_discard (OvhChangeset *self, OvhChange *change)
{
  g_autoptr (OvhChange) keep = NULL;
  OvhChange *partner;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (OVH_IS_CHANGE (change), FALSE);

  if (self->busy)
    return FALSE;

  keep = g_object_ref (change);
  partner = ovh_change_get_partner (change);
  if (partner != NULL)
    {
      g_autoptr (OvhChange) keep_partner = g_object_ref (partner);
      remove_one (self, change);
      remove_one (self, keep_partner);
    }
  else
    remove_one (self, change);

  ovh_changeset_notify_n_pending (self);
  return TRUE;
}

void
ovh_changeset_discard_all (OvhChangeset *self)
{
  guint n;

  g_return_if_fail (OVH_IS_CHANGESET (self));

  if (self->busy)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);
      ovh_change_set_partner (change, NULL);
    }
  g_hash_table_remove_all (self->by_record_id);
  g_list_store_remove_all (self->changes);
  ovh_changeset_notify_n_pending (self);
}

/* Apply */

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

  call->candidates = g_array_new (FALSE, FALSE, sizeof (guint64));
  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          guint64 id;

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64
              || json_node_get_int (element) <= 0)
            continue;
          id = (guint64) json_node_get_int (element);
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
      /* OVH's known bug: a created record answered with id 0. */
      g_autofree char *escaped_type
          = g_uri_escape_string (ovh_record_get_field_type (after), NULL, FALSE);
      g_autofree char *escaped_sub
          = g_uri_escape_string (ovh_record_get_sub_domain (after), NULL, FALSE);
      g_autofree char *suffix
          = g_strdup_printf ("/record?fieldType=%s&subDomain=%s", escaped_type, escaped_sub);
      g_autofree char *path = zone_path (self, suffix);

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
      path = zone_path (self, "/record");
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

  if (self->needs_publish && !data->cancelled)
    {
      g_autofree char *path = zone_path (self, "/refresh");
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
      if (error == NULL)
        ovh_changeset_set_needs_publish (self, FALSE);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          data->cancelled = TRUE;
          g_error_free (error);
        }
      else
        data->publish_error = error;
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

  if (self->busy)
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY,
                               _ ("The changes are already being published"));
      return;
    }

  data = g_new0 (ApplyData, 1);
  for (guint i = 0; i < G_N_ELEMENTS (data->phases); i++)
    data->phases[i] = g_ptr_array_new_with_free_func (g_object_unref);
  data->failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

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
  ApplyData *data;

  g_return_if_fail (OVH_IS_CHANGESET (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_changeset_publish_async);

  if (self->busy)
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY,
                               _ ("The changes are already being published"));
      return;
    }

  data = g_new0 (ApplyData, 1);
  for (guint i = 0; i < G_N_ELEMENTS (data->phases); i++)
    data->phases[i] = g_ptr_array_new_with_free_func (g_object_unref);
  data->failed = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

  ovh_changeset_set_busy (self, TRUE);
  path = zone_path (self, "/refresh");
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

/* Accessors */

OvhChangeset *
ovh_changeset_new (OvhZone *zone)
{
  g_return_val_if_fail (OVH_IS_ZONE (zone), NULL);

  return g_object_new (OVH_TYPE_CHANGESET, "zone", zone, NULL);
}

OvhZone *
ovh_changeset_get_zone (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);
  return self->zone;
}

GListModel *
ovh_changeset_get_changes (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);
  return G_LIST_MODEL (self->changes);
}

guint
ovh_changeset_get_n_pending (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->changes));
}

gboolean
ovh_changeset_get_needs_publish (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  return self->needs_publish;
}

gboolean
ovh_changeset_get_busy (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  return self->busy;
}

guint
ovh_changeset_get_n_done (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), 0);
  return self->n_done;
}

guint
ovh_changeset_get_n_to_apply (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), 0);
  return self->n_to_apply;
}

static void
ovh_changeset_dispose (GObject *object)
{
  OvhChangeset *self = OVH_CHANGESET (object);

  if (self->changes != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr (OvhChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);
          ovh_change_set_partner (change, NULL);
        }
    }

  G_OBJECT_CLASS (ovh_changeset_parent_class)->dispose (object);
}

static void
ovh_changeset_finalize (GObject *object)
{
  OvhChangeset *self = OVH_CHANGESET (object);

  g_clear_pointer (&self->by_record_id, g_hash_table_unref);
  g_clear_object (&self->changes);
  g_clear_object (&self->zone);

  G_OBJECT_CLASS (ovh_changeset_parent_class)->finalize (object);
}

static void
ovh_changeset_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhChangeset *self = OVH_CHANGESET (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, ovh_changeset_get_n_pending (self));
      break;
    case PROP_NEEDS_PUBLISH:
      g_value_set_boolean (value, self->needs_publish);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TO_APPLY:
      g_value_set_uint (value, self->n_to_apply);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_changeset_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OvhChangeset *self = OVH_CHANGESET (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      self->zone = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_changeset_class_init (OvhChangesetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ovh_changeset_dispose;
  object_class->finalize = ovh_changeset_finalize;
  object_class->get_property = ovh_changeset_get_property;
  object_class->set_property = ovh_changeset_set_property;

  properties[PROP_ZONE]
      = g_param_spec_object ("zone", NULL, NULL, OVH_TYPE_ZONE,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES] = g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_N_PENDING] = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_NEEDS_PUBLISH] = g_param_spec_boolean ("needs-publish", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TO_APPLY] = g_param_spec_uint ("n-to-apply", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_changeset_init (OvhChangeset *self)
{
  self->changes = g_list_store_new (OVH_TYPE_CHANGE);
  self->by_record_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}
