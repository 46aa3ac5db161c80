/* ovh-change.c: one staged edit of a zone: create, update or delete of a record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-change-private.h"

struct _OvhChange
{
  GObject parent_instance;

  OvhChangeKind kind;
  guint64 record_id;
  OvhRecord *before;
  OvhRecord *after;
  OvhChangeState state;
  GError *error;
  guint64 replaces_id;
  OvhChange *partner;
  OvhChangeOutcome outcome;
  gboolean answer_lost;
};

G_DEFINE_FINAL_TYPE (OvhChange, ovh_change, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OvhChangeKind,
                    ovh_change_kind,
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_KIND_CREATE, "create"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_KIND_UPDATE, "update"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_KIND_DELETE, "delete"))

G_DEFINE_ENUM_TYPE (OvhChangeState,
                    ovh_change_state,
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_STATE_APPLYING, "applying"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_STATE_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_STATE_APPLIED, "applied"))

G_DEFINE_ENUM_TYPE (OvhChangeOutcome,
                    ovh_change_outcome,
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_OUTCOME_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_OUTCOME_APPLIED, "applied"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_OUTCOME_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (OVH_CHANGE_OUTCOME_UNKNOWN, "unknown"))

enum
{
  PROP_0,
  PROP_KIND,
  PROP_RECORD_ID,
  PROP_BEFORE,
  PROP_AFTER,
  PROP_STATE,
  PROP_ERROR,
  PROP_REPLACES_ID,
  PROP_OUTCOME,
  PROP_ANSWER_LOST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

OvhChange *
ovh_change_new (OvhChangeKind kind, guint64 record_id, OvhRecord *before, OvhRecord *after)
{
  OvhChange *self = g_object_new (OVH_TYPE_CHANGE, NULL);

  self->kind = kind;
  self->record_id = record_id;
  self->before = before;
  self->after = after;
  return self;
}

OvhChangeKind
ovh_change_get_kind (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), OVH_CHANGE_KIND_CREATE);
  return self->kind;
}

void
ovh_change_set_kind (OvhChange *self, OvhChangeKind kind)
{
  g_return_if_fail (OVH_IS_CHANGE (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

guint64
ovh_change_get_record_id (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), 0);
  return self->record_id;
}

void
ovh_change_set_record_id (OvhChange *self, guint64 record_id)
{
  g_return_if_fail (OVH_IS_CHANGE (self));

  if (self->record_id == record_id)
    return;
  self->record_id = record_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

OvhRecord *
ovh_change_get_before (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), NULL);
  return self->before;
}

OvhRecord *
ovh_change_get_after (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), NULL);
  return self->after;
}

void
ovh_change_set_after (OvhChange *self, OvhRecord *after)
{
  g_return_if_fail (OVH_IS_CHANGE (self));

  if (self->after == after)
    return;
  g_clear_object (&self->after);
  self->after = after;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFTER]);
}

OvhRecord *
ovh_change_get_record (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), NULL);
  return self->after != NULL ? self->after : self->before;
}

OvhChangeState
ovh_change_get_state (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), OVH_CHANGE_STATE_PENDING);
  return self->state;
}

const GError *
ovh_change_get_error (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), NULL);
  return self->error;
}

void
ovh_change_set_state (OvhChange *self, OvhChangeState state, GError *error)
{
  g_return_if_fail (OVH_IS_CHANGE (self));

  if (self->error != NULL || error != NULL)
    {
      g_clear_error (&self->error);
      self->error = error;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

guint64
ovh_change_get_replaces_id (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), 0);
  return self->replaces_id;
}

void
ovh_change_set_replaces_id (OvhChange *self, guint64 replaces_id)
{
  g_return_if_fail (OVH_IS_CHANGE (self));

  if (self->replaces_id == replaces_id)
    return;
  self->replaces_id = replaces_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLACES_ID]);
}

OvhChangeOutcome
ovh_change_get_outcome (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), OVH_CHANGE_OUTCOME_NONE);
  return self->outcome;
}

gboolean
ovh_change_get_answer_lost (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), FALSE);
  return self->answer_lost;
}

void
ovh_change_set_outcome (OvhChange *self, OvhChangeOutcome outcome, gboolean answer_lost)
{
  g_return_if_fail (OVH_IS_CHANGE (self));

  answer_lost = !!answer_lost;
  if (self->outcome != outcome)
    {
      self->outcome = outcome;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME]);
    }
  if (self->answer_lost != answer_lost)
    {
      self->answer_lost = answer_lost;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_LOST]);
    }
}

OvhChange *
ovh_change_get_partner (OvhChange *self)
{
  g_return_val_if_fail (OVH_IS_CHANGE (self), NULL);
  return self->partner;
}

void
ovh_change_set_partner (OvhChange *self, OvhChange *partner)
{
  g_return_if_fail (OVH_IS_CHANGE (self));
  self->partner = partner;
}

static char *
describe_record (OvhRecord *record)
{
  return g_strdup_printf ("%s %s %s", ovh_record_get_display_name (record),
                          ovh_record_get_field_type (record), ovh_record_get_target (record));
}

char *
ovh_change_dup_summary (OvhChange *self)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (OVH_IS_CHANGE (self), NULL);

  before = self->before != NULL ? describe_record (self->before) : NULL;
  after = self->after != NULL ? describe_record (self->after) : NULL;

  switch (self->kind)
    {
    case OVH_CHANGE_KIND_CREATE:
      /* Translators: a change to publish, e.g. "Add www A 192.0.2.1" */
      return g_strdup_printf (_ ("Add %s"), after != NULL ? after : "");
    case OVH_CHANGE_KIND_UPDATE:
      /* Translators: a change to publish: the record before → after */
      return g_strdup_printf (_ ("Change %s → %s"), before != NULL ? before : "",
                              after != NULL ? after : "");
    case OVH_CHANGE_KIND_DELETE:
    default:
      /* Translators: a change to publish, e.g. "Delete www A 192.0.2.1" */
      return g_strdup_printf (_ ("Delete %s"), before != NULL ? before : "");
    }
}

static void
ovh_change_finalize (GObject *object)
{
  OvhChange *self = OVH_CHANGE (object);

  g_clear_object (&self->before);
  g_clear_object (&self->after);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ovh_change_parent_class)->finalize (object);
}

static void
ovh_change_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhChange *self = OVH_CHANGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RECORD_ID:
      g_value_set_uint64 (value, self->record_id);
      break;
    case PROP_BEFORE:
      g_value_set_object (value, self->before);
      break;
    case PROP_AFTER:
      g_value_set_object (value, self->after);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_REPLACES_ID:
      g_value_set_uint64 (value, self->replaces_id);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_ANSWER_LOST:
      g_value_set_boolean (value, self->answer_lost);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_change_class_init (OvhChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_change_finalize;
  object_class->get_property = ovh_change_get_property;

  properties[PROP_KIND]
      = g_param_spec_enum ("kind", NULL, NULL, OVH_TYPE_CHANGE_KIND, OVH_CHANGE_KIND_CREATE, ro);
  properties[PROP_RECORD_ID] = g_param_spec_uint64 ("record-id", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_BEFORE] = g_param_spec_object ("before", NULL, NULL, OVH_TYPE_RECORD, ro);
  properties[PROP_AFTER] = g_param_spec_object ("after", NULL, NULL, OVH_TYPE_RECORD, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, OVH_TYPE_CHANGE_STATE,
                                              OVH_CHANGE_STATE_PENDING, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_REPLACES_ID]
      = g_param_spec_uint64 ("replaces-id", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, OVH_TYPE_CHANGE_OUTCOME,
                                                OVH_CHANGE_OUTCOME_NONE, ro);
  properties[PROP_ANSWER_LOST] = g_param_spec_boolean ("answer-lost", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_change_init (OvhChange *self)
{
}
