/* ovh-account-replace.c: replace text in record values across the zones of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-account-replace.h"

G_DEFINE_ENUM_TYPE (OvhZoneReplacementState,
                    ovh_zone_replacement_state,
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_REPLACEMENT_STAGED, "staged"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_REPLACEMENT_APPLYING, "applying"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_REPLACEMENT_PUBLISHED, "published"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_REPLACEMENT_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (OVH_ZONE_REPLACEMENT_UNCHANGED, "unchanged"))

void
ovh_replace_refusal_free (OvhReplaceRefusal *refusal)
{
  g_clear_object (&refusal->record);
  g_free (refusal->new_value);
  g_clear_error (&refusal->error);
  g_free (refusal);
}

struct _OvhZoneReplacement
{
  GObject parent_instance;

  OvhZone *zone;
  OvhChangeset *changeset;
  OvhZoneDiff *diff;
  GPtrArray *refusals;
  OvhZoneReplacementState state;
  GError *error;
};

G_DEFINE_FINAL_TYPE (OvhZoneReplacement, ovh_zone_replacement, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ZONE,
  PROP_ZONE_NAME,
  PROP_CHANGESET,
  PROP_DIFF,
  PROP_STATE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ovh_zone_replacement_dispose (GObject *object)
{
  OvhZoneReplacement *self = OVH_ZONE_REPLACEMENT (object);

  g_clear_object (&self->changeset);
  g_clear_object (&self->diff);
  g_clear_object (&self->zone);
  G_OBJECT_CLASS (ovh_zone_replacement_parent_class)->dispose (object);
}

static void
ovh_zone_replacement_finalize (GObject *object)
{
  OvhZoneReplacement *self = OVH_ZONE_REPLACEMENT (object);

  g_clear_pointer (&self->refusals, g_ptr_array_unref);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (ovh_zone_replacement_parent_class)->finalize (object);
}

static void
ovh_zone_replacement_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhZoneReplacement *self = OVH_ZONE_REPLACEMENT (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case PROP_ZONE_NAME:
      g_value_set_string (value, ovh_zone_get_name (self->zone));
      break;
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_zone_replacement_class_init (OvhZoneReplacementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ovh_zone_replacement_dispose;
  object_class->finalize = ovh_zone_replacement_finalize;
  object_class->get_property = ovh_zone_replacement_get_property;

  properties[PROP_ZONE] = g_param_spec_object ("zone", NULL, NULL, OVH_TYPE_ZONE, flags);
  properties[PROP_ZONE_NAME] = g_param_spec_string ("zone-name", NULL, NULL, NULL, flags);
  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET, flags);
  properties[PROP_DIFF] = g_param_spec_object ("diff", NULL, NULL, OVH_TYPE_ZONE_DIFF, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, OVH_TYPE_ZONE_REPLACEMENT_STATE,
                                              OVH_ZONE_REPLACEMENT_STAGED, flags);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_zone_replacement_init (OvhZoneReplacement *self)
{
  self->refusals = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_replace_refusal_free);
}

OvhZone *
ovh_zone_replacement_get_zone (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), NULL);
  return self->zone;
}

const char *
ovh_zone_replacement_get_zone_name (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), NULL);
  return ovh_zone_get_name (self->zone);
}

OvhChangeset *
ovh_zone_replacement_get_changeset (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), NULL);
  return self->changeset;
}

OvhZoneDiff *
ovh_zone_replacement_get_diff (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), NULL);
  return self->diff;
}

GPtrArray *
ovh_zone_replacement_get_refusals (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), NULL);
  return self->refusals;
}

OvhZoneReplacementState
ovh_zone_replacement_get_state (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), OVH_ZONE_REPLACEMENT_STAGED);
  return self->state;
}

const GError *
ovh_zone_replacement_get_error (OvhZoneReplacement *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_REPLACEMENT (self), NULL);
  return self->error;
}

static void
set_state (OvhZoneReplacement *self, OvhZoneReplacementState state, GError *error)
{
  gboolean error_changed = self->error != NULL || error != NULL;

  g_clear_error (&self->error);
  self->error = error;
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Planning ---------------------------------------------------------------------------------- */

/* The replacement of one zone, or NULL when no value of it changes nor is refused. */
static OvhZoneReplacement *
plan_zone (OvhZone *zone, const OvhValueReplacer *replacer, const char *type)
{
  g_autoptr (OvhZoneReplacement) self = g_object_new (OVH_TYPE_ZONE_REPLACEMENT, NULL);
  GListModel *records = ovh_zone_get_records (zone);
  guint n_records = g_list_model_get_n_items (records);
  g_autoptr (GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);

  self->zone = g_object_ref (zone);
  self->changeset = ovh_changeset_new (zone);

  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);
      g_autoptr (OvhRecord) changed = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *new_value = NULL;

      if (type != NULL && *type != '\0'
          && g_ascii_strcasecmp (type, ovh_record_get_field_type (record)) != 0)
        {
          g_ptr_array_add (after, g_steal_pointer (&record));
          continue;
        }
      new_value = ovh_value_replacer_apply (replacer, ovh_record_get_target (record));
      if (new_value == NULL)
        {
          g_ptr_array_add (after, g_steal_pointer (&record));
          continue;
        }

      changed = ovh_record_dup (record);
      ovh_record_set_target (changed, new_value);
      if (!ovh_record_check (changed, &error)
          || (ovh_changeset_stage_update (self->changeset, ovh_record_get_id (record), changed,
                                          &error)
                  == NULL
              && error != NULL))
        {
          OvhReplaceRefusal *refusal = g_new0 (OvhReplaceRefusal, 1);

          refusal->record = g_object_ref (record);
          refusal->new_value = g_steal_pointer (&new_value);
          refusal->error = g_steal_pointer (&error);
          g_ptr_array_add (self->refusals, refusal);
          g_ptr_array_add (after, g_steal_pointer (&record));
          continue;
        }
      g_ptr_array_add (after, g_steal_pointer (&changed));
    }

  if (ovh_changeset_get_n_pending (self->changeset) == 0 && self->refusals->len == 0)
    return NULL;
  if (ovh_changeset_get_n_pending (self->changeset) == 0)
    self->state = OVH_ZONE_REPLACEMENT_UNCHANGED;
  self->diff = ovh_zone_diff_new_from_model (records, after, OVH_ZONE_DIFF_DEFAULT);
  return g_steal_pointer (&self);
}

GListModel *
ovh_account_replace_plan (OvhAccountSearch *search,
                          const OvhValueReplacer *replacer,
                          const char *type)
{
  GPtrArray *zones;
  GListStore *plan;

  g_return_val_if_fail (OVH_IS_ACCOUNT_SEARCH (search), NULL);
  g_return_val_if_fail (replacer != NULL, NULL);

  zones = ovh_account_search_get_zones (search);
  plan = g_list_store_new (OVH_TYPE_ZONE_REPLACEMENT);
  for (guint i = 0; i < zones->len; i++)
    {
      g_autoptr (OvhZoneReplacement) replacement
          = plan_zone (g_ptr_array_index (zones, i), replacer, type);

      if (replacement != NULL)
        g_list_store_append (plan, replacement);
    }
  return G_LIST_MODEL (plan);
}

guint
ovh_account_replace_count_changes (GListModel *plan)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (plan, i);

      n += ovh_changeset_get_n_pending (replacement->changeset);
    }
  return n;
}

guint
ovh_account_replace_count_refusals (GListModel *plan)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (plan, i);

      n += replacement->refusals->len;
    }
  return n;
}

/* Applying ---------------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *queue; /* OvhZoneReplacement still to apply */
  guint next;
  guint in_flight;
  guint max_in_flight;
  GPtrArray *failed; /* zone names */
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_ptr_array_unref (data->queue);
  g_ptr_array_unref (data->failed);
  g_free (data);
}

static void apply_next (GTask *task);

static void
zone_done (GTask *task, OvhZoneReplacement *replacement, GError *error)
{
  ApplyData *data = g_task_get_task_data (task);

  data->in_flight--;
  if (error == NULL)
    set_state (replacement, OVH_ZONE_REPLACEMENT_PUBLISHED, NULL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
           && ovh_changeset_get_n_pending (replacement->changeset) > 0
           && !ovh_changeset_get_needs_publish (replacement->changeset))
    /* Nothing was sent, or what was sent is seen through and the rest stays staged. */
    set_state (replacement, OVH_ZONE_REPLACEMENT_STAGED, error);
  else
    {
      g_ptr_array_add (data->failed, g_strdup (ovh_zone_get_name (replacement->zone)));
      set_state (replacement, OVH_ZONE_REPLACEMENT_FAILED, error);
    }
  apply_next (task);
}

static void
zone_applied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ApplyData *data = g_task_get_task_data (task);
  GError *error = NULL;
  OvhZoneReplacement *replacement = NULL;

  for (guint i = 0; i < data->queue->len && replacement == NULL; i++)
    {
      OvhZoneReplacement *candidate = g_ptr_array_index (data->queue, i);

      if (G_OBJECT (candidate->changeset) == source)
        replacement = candidate;
    }
  g_assert (replacement != NULL);

  if (g_async_result_is_tagged (result, ovh_changeset_apply_async))
    ovh_changeset_apply_finish (OVH_CHANGESET (source), result, &error);
  else
    ovh_changeset_publish_finish (OVH_CHANGESET (source), result, &error);
  zone_done (task, replacement, error);
}

static void
apply_next (GTask *task)
{
  ApplyData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  while (data->in_flight < data->max_in_flight && data->next < data->queue->len
         && !g_cancellable_is_cancelled (cancellable))
    {
      OvhZoneReplacement *replacement = g_ptr_array_index (data->queue, data->next++);
      OvhChangeset *changeset = replacement->changeset;

      data->in_flight++;
      set_state (replacement, OVH_ZONE_REPLACEMENT_APPLYING, NULL);
      if (ovh_changeset_get_n_pending (changeset) > 0)
        ovh_changeset_apply_async (changeset, cancellable, zone_applied_cb, g_object_ref (task));
      else
        ovh_changeset_publish_async (changeset, cancellable, zone_applied_cb, g_object_ref (task));
    }

  if (data->in_flight > 0)
    return;

  if (data->failed->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (data->failed, NULL);
      names = g_strjoinv (", ", (char **) data->failed->pdata);
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PARTIAL,
                               g_dngettext (GETTEXT_PACKAGE, "%u zone could not be published: %s",
                                            "%u zones could not be published: %s",
                                            data->failed->len - 1),
                               data->failed->len - 1, names);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_boolean (task, TRUE);
}

void
ovh_account_replace_apply_async (GListModel *plan,
                                 guint max_in_flight,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  GTask *task;
  ApplyData *data;

  g_return_if_fail (G_IS_LIST_MODEL (plan));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_account_replace_apply_async);
  data = g_new0 (ApplyData, 1);
  data->queue = g_ptr_array_new_with_free_func (g_object_unref);
  data->failed = g_ptr_array_new_with_free_func (g_free);
  data->max_in_flight
      = max_in_flight > 0 ? max_in_flight : OVH_ACCOUNT_SEARCH_DEFAULT_MAX_IN_FLIGHT;
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      OvhZoneReplacement *replacement = g_list_model_get_item (plan, i);
      OvhChangeset *changeset = replacement->changeset;

      if ((replacement->state == OVH_ZONE_REPLACEMENT_STAGED
           || replacement->state == OVH_ZONE_REPLACEMENT_FAILED)
          && (ovh_changeset_get_n_pending (changeset) > 0
              || ovh_changeset_get_needs_publish (changeset)))
        g_ptr_array_add (data->queue, replacement);
      else
        g_object_unref (replacement);
    }

  apply_next (task);
  g_object_unref (task);
}

gboolean
ovh_account_replace_apply_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
