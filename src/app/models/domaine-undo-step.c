/* domaine-undo-step.c: one step of a DomaineUndoStack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-undo-step-private.h"

struct _DomaineUndoStep
{
  GObject parent_instance;

  char *label;
  GPtrArray *entries;
};

G_DEFINE_FINAL_TYPE (DomaineUndoStep, domaine_undo_step, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
domaine_undo_step_finalize (GObject *object)
{
  DomaineUndoStep *self = DOMAINE_UNDO_STEP (object);

  g_free (self->label);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (domaine_undo_step_parent_class)->finalize (object);
}

static void
domaine_undo_step_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineUndoStep *self = DOMAINE_UNDO_STEP (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_undo_step_class_init (DomaineUndoStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = domaine_undo_step_finalize;
  object_class->get_property = domaine_undo_step_get_property;

  properties[PROP_LABEL]
      = g_param_spec_string ("label", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_undo_step_init (DomaineUndoStep *self)
{
}

DomaineUndoStep *
domaine_undo_step_new (const char *label, GPtrArray *entries)
{
  DomaineUndoStep *self = g_object_new (DOMAINE_TYPE_UNDO_STEP, NULL);

  self->label = g_strdup (label);
  self->entries = entries;
  return self;
}

const char *
domaine_undo_step_get_label (DomaineUndoStep *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STEP (self), NULL);
  return self->label;
}

GPtrArray *
domaine_undo_step_get_entries (DomaineUndoStep *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STEP (self), NULL);
  return self->entries;
}
