/* ovh-changeset.c: staged edits of a zone: the set, its staging rules and properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applying lives in ovh-changeset-apply.c, the saved form in ovh-changeset-file.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-change-private.h"
#include "ovh-changeset-private.h"

G_DEFINE_FINAL_TYPE (OvhChangeset, ovh_changeset, G_TYPE_OBJECT)

/* clang-format 14 spaces out the name at file scope despite WhitespaceSensitiveMacros. */
/* clang-format off */
G_DEFINE_QUARK (ovh-changeset-error-quark, ovh_changeset_error)
/* clang-format on */

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
  PROP_BATCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
zone_name (OvhChangeset *self)
{
  return ovh_zone_get_name (self->zone);
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

  /* Undoing many changes takes them off the end: no search then. */
  position = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  if (position > 0)
    {
      g_autoptr (OvhChange) last
          = g_list_model_get_item (G_LIST_MODEL (self->changes), position - 1);

      if (last == change)
        {
          g_list_store_remove (self->changes, position - 1);
          return;
        }
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

/* Batches */

void
ovh_changeset_begin_batch (OvhChangeset *self)
{
  g_return_if_fail (OVH_IS_CHANGESET (self));

  if (self->batch_depth++ > 0)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCHING]);
  /* n-pending is told once, at the end: its observers (the saved copy) read the whole set. */
  g_object_freeze_notify (G_OBJECT (self));
}

void
ovh_changeset_end_batch (OvhChangeset *self)
{
  g_return_if_fail (OVH_IS_CHANGESET (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;
  g_object_thaw_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCHING]);
}

gboolean
ovh_changeset_get_batching (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);

  return self->batch_depth > 0;
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

  g_clear_error (&self->publish_error);
  g_clear_pointer (&self->last_outcomes, g_ptr_array_unref);
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
    case PROP_BATCHING:
      g_value_set_boolean (value, self->batch_depth > 0);
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
  properties[PROP_BATCHING] = g_param_spec_boolean ("batching", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_changeset_init (OvhChangeset *self)
{
  self->changes = g_list_store_new (OVH_TYPE_CHANGE);
  self->publish_after_apply = TRUE;
  self->by_record_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->last_outcomes = g_ptr_array_new_with_free_func (g_object_unref);
}

void
ovh_changeset_set_publish_after_apply (OvhChangeset *self, gboolean publish)
{
  g_return_if_fail (OVH_IS_CHANGESET (self));
  self->publish_after_apply = !!publish;
}

gboolean
ovh_changeset_get_publish_after_apply (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), TRUE);
  return self->publish_after_apply;
}

const GError *
ovh_changeset_get_publish_error (OvhChangeset *self)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);
  return self->publish_error;
}
