/* domaine-undo-stack.c: staged changes of a zone, each one undoable and redoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step does not store operations to invert: it stores, for each record it touched, the
 * staged change that record had before and after ("none", "update to these values",
 * "delete", "type change to this record", "create with these values"). Undo and redo bring
 * the record to one of those states with the changeset's own calls, so every kind of
 * change (and any mix in one step) undoes the same way, and merging (an update of an
 * update) needs no special case.
 *
 * An existing record is known by its id. A record staged for creation has no id: it is
 * known by a Handle, which follows it when a redo stages it again as a new OvhChange.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-undo-stack.h"
#include "domaine-undo-step-private.h"

typedef enum
{
  STAGED_NONE,
  STAGED_CREATE,
  STAGED_UPDATE,
  STAGED_DELETE,
  STAGED_TYPE_CHANGE,
} StagedKind;

/* What a record has staged; values for a create, an update or the new half of a type change. */
typedef struct
{
  StagedKind kind;
  OvhRecord *values;
} Staged;

/* A record staged for creation: the change that stands for it now. */
typedef struct
{
  OvhChange *change;
} Handle;

typedef enum
{
  VERB_ADD,
  VERB_EDIT,
  VERB_DELETE,
  VERB_CHANGE_TYPE,
  VERB_DISCARD,
} Verb;

typedef struct
{
  guint64 record_id; /* an existing record, or 0 */
  Handle *handle;    /* else a created one */
  Staged before;
  Staged after;
  Verb verb;
  char *label;
} Entry;

static void
staged_clear (Staged *staged)
{
  g_clear_object (&staged->values);
  staged->kind = STAGED_NONE;
}

static gboolean
staged_equal (const Staged *a, const Staged *b)
{
  if (a->kind != b->kind)
    return FALSE;
  if (a->values == NULL || b->values == NULL)
    return a->values == b->values;
  return ovh_record_equal_content (a->values, b->values);
}

static void
handle_clear (gpointer data)
{
  Handle *handle = data;

  g_clear_object (&handle->change);
}

static void
handle_release (gpointer data)
{
  g_rc_box_release_full (data, handle_clear);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  staged_clear (&entry->before);
  staged_clear (&entry->after);
  g_clear_pointer (&entry->handle, handle_release);
  g_free (entry->label);
  g_free (entry);
}

/* Named after its entries: the one entry's label, or a count. */
static char *
entries_dup_label (GPtrArray *entries)
{
  guint n = entries->len;
  Verb verb;

  if (n == 1)
    return g_strdup (((Entry *) g_ptr_array_index (entries, 0))->label);

  verb = ((Entry *) g_ptr_array_index (entries, 0))->verb;
  for (guint i = 1; i < n; i++)
    if (((Entry *) g_ptr_array_index (entries, i))->verb != verb)
      return g_strdup_printf (ngettext ("Change %u record", "Change %u records", n), n);
  switch (verb)
    {
    case VERB_ADD:
      return g_strdup_printf (ngettext ("Add %u record", "Add %u records", n), n);
    case VERB_EDIT:
      return g_strdup_printf (ngettext ("Edit %u record", "Edit %u records", n), n);
    case VERB_DELETE:
      return g_strdup_printf (ngettext ("Delete %u record", "Delete %u records", n), n);
    case VERB_CHANGE_TYPE:
      return g_strdup_printf (
          ngettext ("Change the type of %u record", "Change the type of %u records", n), n);
    case VERB_DISCARD:
    default:
      return g_strdup_printf (ngettext ("Discard %u change", "Discard %u changes", n), n);
    }
}

/* The step for @entries (taken), named after them. */
static DomaineUndoStep *
step_new (GPtrArray *entries)
{
  g_autofree char *label = entries_dup_label (entries);

  return domaine_undo_step_new (label, entries);
}

/* Staging ------------------------------------------------------------------------- */

struct _DomaineUndoStack
{
  GObject parent_instance;

  OvhChangeset *changeset;
  GPtrArray *done;     /* of DomaineUndoStep, oldest first: the model's items */
  GPtrArray *undone;   /* of DomaineUndoStep, the next to redo last */
  GHashTable *handles; /* OvhChange of a staged create → its Handle */
  GPtrArray *group;    /* of Entry, between begin_group() and end_group() */
  gboolean can_undo;   /* as last notified */
  gboolean can_redo;
};

static void domaine_undo_stack_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DomaineUndoStack,
                               domaine_undo_stack,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      domaine_undo_stack_list_model_init))

enum
{
  PROP_0,
  PROP_CHANGESET,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
domaine_undo_stack_get_item_type (GListModel *model)
{
  return DOMAINE_TYPE_UNDO_STEP;
}

static guint
domaine_undo_stack_get_n_items (GListModel *model)
{
  return DOMAINE_UNDO_STACK (model)->done->len;
}

static gpointer
domaine_undo_stack_get_item (GListModel *model, guint position)
{
  DomaineUndoStack *self = DOMAINE_UNDO_STACK (model);

  if (position >= self->done->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->done, position));
}

static void
domaine_undo_stack_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = domaine_undo_stack_get_item_type;
  iface->get_n_items = domaine_undo_stack_get_n_items;
  iface->get_item = domaine_undo_stack_get_item;
}

/* The labels change with every step: notify them always, can-* only when they flip. */
static void
domaine_undo_stack_notify_state (DomaineUndoStack *self)
{
  gboolean can_undo = domaine_undo_stack_get_can_undo (self);
  gboolean can_redo = domaine_undo_stack_get_can_redo (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
domaine_undo_stack_is_staged (DomaineUndoStack *self, OvhChange *change)
{
  GListModel *changes = ovh_changeset_get_changes (self->changeset);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) item = g_list_model_get_item (changes, i);

      if (item == change)
        return TRUE;
    }
  return FALSE;
}

/* The create half of the type change of @record_id, if any. */
static OvhChange *
domaine_undo_stack_find_type_change (DomaineUndoStack *self, guint64 record_id)
{
  GListModel *changes = ovh_changeset_get_changes (self->changeset);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE
          && ovh_change_get_replaces_id (change) == record_id)
        return change; /* the changeset keeps it */
    }
  return NULL;
}

static Handle *
domaine_undo_stack_get_handle (DomaineUndoStack *self, OvhChange *change)
{
  Handle *handle = g_hash_table_lookup (self->handles, change);

  if (handle == NULL)
    {
      handle = g_rc_box_new0 (Handle);
      handle->change = g_object_ref (change);
      g_hash_table_insert (self->handles, change, handle);
    }
  return g_rc_box_acquire (handle);
}

static void
domaine_undo_stack_move_handle (DomaineUndoStack *self, Handle *handle, OvhChange *change)
{
  g_rc_box_acquire (handle);
  g_hash_table_remove (self->handles, handle->change);
  g_set_object (&handle->change, change);
  g_hash_table_insert (self->handles, change, handle);
}

static void
domaine_undo_stack_capture (DomaineUndoStack *self, Entry *entry, Staged *staged)
{
  OvhChange *change;

  staged_clear (staged);
  if (entry->record_id == 0)
    {
      if (entry->handle->change != NULL
          && domaine_undo_stack_is_staged (self, entry->handle->change))
        {
          staged->kind = STAGED_CREATE;
          staged->values = ovh_record_dup (ovh_change_get_after (entry->handle->change));
        }
      return;
    }

  change = ovh_changeset_lookup (self->changeset, entry->record_id);
  if (change == NULL)
    return;
  if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_UPDATE)
    {
      staged->kind = STAGED_UPDATE;
      staged->values = ovh_record_dup (ovh_change_get_after (change));
    }
  else if ((change = domaine_undo_stack_find_type_change (self, entry->record_id)) != NULL)
    {
      staged->kind = STAGED_TYPE_CHANGE;
      staged->values = ovh_record_dup (ovh_change_get_after (change));
    }
  else
    staged->kind = STAGED_DELETE;
}

/* Brings the entry's record to @target with the changeset's own calls. */
static gboolean
domaine_undo_stack_restore (DomaineUndoStack *self, Entry *entry, const Staged *target)
{
  g_autoptr (GError) error = NULL;
  OvhChange *current;
  gboolean ok = TRUE;

  if (entry->record_id == 0)
    {
      current = entry->handle->change;
      if (current != NULL && !domaine_undo_stack_is_staged (self, current))
        current = NULL;
      if (target->kind == STAGED_NONE)
        return current == NULL || ovh_changeset_discard (self->changeset, current);
      if (current != NULL)
        return ovh_changeset_restage (self->changeset, current, target->values, &error);
      current = ovh_changeset_stage_create (self->changeset, target->values, &error);
      if (current == NULL)
        return FALSE;
      domaine_undo_stack_move_handle (self, entry->handle, current);
      return TRUE;
    }

  current = ovh_changeset_lookup (self->changeset, entry->record_id);
  if (current != NULL && ovh_change_get_kind (current) == OVH_CHANGE_KIND_UPDATE
      && target->kind == STAGED_UPDATE)
    return ovh_changeset_stage_update (self->changeset, entry->record_id, target->values, &error)
           != NULL;
  if (current != NULL && !ovh_changeset_discard (self->changeset, current))
    return FALSE;

  switch (target->kind)
    {
    case STAGED_UPDATE:
      ok = ovh_changeset_stage_update (self->changeset, entry->record_id, target->values, &error)
           != NULL;
      break;
    case STAGED_DELETE:
      ok = ovh_changeset_stage_delete (self->changeset, entry->record_id, &error) != NULL;
      break;
    case STAGED_TYPE_CHANGE:
      ok = ovh_changeset_stage_change_type (self->changeset, entry->record_id, target->values,
                                            &error)
           != NULL;
      break;
    case STAGED_NONE:
    case STAGED_CREATE:
    default:
      break;
    }
  if (error != NULL)
    g_debug ("Cannot restore a staged change: %s", error->message);
  return ok;
}

/* Recording ------------------------------------------------------------------------------ */

static Entry *
entry_begin (DomaineUndoStack *self, guint64 record_id, OvhChange *create)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->record_id = record_id;
  if (record_id == 0)
    entry->handle = domaine_undo_stack_get_handle (self, create);
  domaine_undo_stack_capture (self, entry, &entry->before);
  return entry;
}

static char *
entry_format_label (Verb verb, OvhRecord *named, OvhRecord *new_record)
{
  const char *name = ovh_record_get_display_name (named);
  const char *type = ovh_record_get_field_type (named);

  switch (verb)
    {
    case VERB_ADD:
      /* Translators: a step to undo: the record's name, then its type ("www", "A"). */
      return g_strdup_printf (_ ("Add %s %s record"), name, type);
    case VERB_EDIT:
      /* Translators: a step to undo: the record's name, then its type ("www", "A"). */
      return g_strdup_printf (_ ("Edit %s %s record"), name, type);
    case VERB_DELETE:
      /* Translators: a step to undo: the record's name, then its type ("www", "A"). */
      return g_strdup_printf (_ ("Delete %s %s record"), name, type);
    case VERB_CHANGE_TYPE:
      /* Translators: a step to undo: the record's name, its type, its new type. */
      return g_strdup_printf (_ ("Change %s %s record to %s"), name, type,
                              ovh_record_get_field_type (new_record));
    case VERB_DISCARD:
    default:
      /* Translators: a step to undo: the record's name, then its type ("www", "A"). */
      return g_strdup_printf (_ ("Discard change to %s %s record"), name, type);
    }
}

/* Files the entry as a step of its own or in the open group; a call that changed nothing
 * leaves no step. */
static void
entry_commit (DomaineUndoStack *self, Entry *entry, Verb verb, OvhRecord *named)
{
  GPtrArray *entries;

  domaine_undo_stack_capture (self, entry, &entry->after);
  if (staged_equal (&entry->before, &entry->after))
    {
      entry_free (entry);
      return;
    }
  entry->verb = verb;
  entry->label = entry_format_label (verb, named, entry->after.values);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group, entry);
      return;
    }
  entries = g_ptr_array_new_with_free_func (entry_free);
  g_ptr_array_add (entries, entry);
  g_ptr_array_add (self->done, step_new (entries));
  g_ptr_array_set_size (self->undone, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), self->done->len - 1, 0, 1);
  domaine_undo_stack_notify_state (self);
}

static void
entry_cancel (Entry *entry)
{
  entry_free (entry);
}

/* The record as OVH has it, for labels. */
static OvhRecord *
domaine_undo_stack_original (DomaineUndoStack *self, guint64 record_id, OvhRecord *fallback)
{
  OvhChange *change = ovh_changeset_lookup (self->changeset, record_id);

  return change != NULL && ovh_change_get_before (change) != NULL ? ovh_change_get_before (change)
                                                                  : fallback;
}

OvhChange *
domaine_undo_stack_stage_create (DomaineUndoStack *self, OvhRecord *record, GError **error)
{
  OvhChange *change;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);

  change = ovh_changeset_stage_create (self->changeset, record, error);
  if (change != NULL)
    {
      /* Nothing was staged for it before: capture "none" by hand. */
      Entry *entry = g_new0 (Entry, 1);

      entry->handle = domaine_undo_stack_get_handle (self, change);
      entry_commit (self, entry, VERB_ADD, ovh_change_get_after (change));
    }
  return change;
}

OvhChange *
domaine_undo_stack_stage_update (DomaineUndoStack *self,
                                 guint64 record_id,
                                 OvhRecord *new_values,
                                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  Entry *entry;
  OvhChange *change;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);

  entry = entry_begin (self, record_id, NULL);
  change = ovh_changeset_stage_update (self->changeset, record_id, new_values, &local_error);
  if (local_error != NULL)
    {
      entry_cancel (entry);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* NULL without error: back to what OVH has, the staged update went away. */
  entry_commit (self, entry, VERB_EDIT, domaine_undo_stack_original (self, record_id, new_values));
  return change;
}

OvhChange *
domaine_undo_stack_stage_delete (DomaineUndoStack *self, guint64 record_id, GError **error)
{
  Entry *entry;
  OvhChange *change;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);

  entry = entry_begin (self, record_id, NULL);
  change = ovh_changeset_stage_delete (self->changeset, record_id, error);
  if (change == NULL)
    {
      entry_cancel (entry);
      return NULL;
    }
  entry_commit (self, entry, VERB_DELETE, ovh_change_get_before (change));
  return change;
}

OvhChange *
domaine_undo_stack_stage_change_type (DomaineUndoStack *self,
                                      guint64 record_id,
                                      OvhRecord *new_record,
                                      GError **error)
{
  Entry *entry;
  OvhChange *change;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);

  entry = entry_begin (self, record_id, NULL);
  change = ovh_changeset_stage_change_type (self->changeset, record_id, new_record, error);
  if (change == NULL)
    {
      entry_cancel (entry);
      return NULL;
    }
  entry_commit (self, entry, VERB_CHANGE_TYPE,
                domaine_undo_stack_original (self, record_id, new_record));
  return change;
}

/* The record a change stands for: the existing record it touches, or its own create. */
static Entry *
entry_begin_for_change (DomaineUndoStack *self, OvhChange *change)
{
  guint64 record_id = ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE
                          ? ovh_change_get_replaces_id (change)
                          : ovh_change_get_record_id (change);

  return entry_begin (self, record_id, change);
}

gboolean
domaine_undo_stack_restage (DomaineUndoStack *self,
                            OvhChange *change,
                            OvhRecord *new_values,
                            GError **error)
{
  g_autoptr (OvhRecord) named = NULL;
  Entry *entry;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (OVH_IS_CHANGE (change), FALSE);

  entry = entry_begin_for_change (self, change);
  named = ovh_record_dup (ovh_change_get_before (change) != NULL ? ovh_change_get_before (change)
                                                                 : ovh_change_get_after (change));
  if (!ovh_changeset_restage (self->changeset, change, new_values, error))
    {
      entry_cancel (entry);
      return FALSE;
    }
  entry_commit (self, entry, VERB_EDIT, named);
  return TRUE;
}

gboolean
domaine_undo_stack_discard (DomaineUndoStack *self, OvhChange *change)
{
  g_autoptr (OvhRecord) named = NULL;
  Entry *entry;
  Verb verb;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (OVH_IS_CHANGE (change), FALSE);

  entry = entry_begin_for_change (self, change);
  named = g_object_ref (ovh_change_get_record (change));
  /* Dropping a record that only exists here is, to the user, deleting it. */
  verb = entry->before.kind == STAGED_CREATE ? VERB_DELETE : VERB_DISCARD;
  if (!ovh_changeset_discard (self->changeset, change))
    {
      entry_cancel (entry);
      return FALSE;
    }
  entry_commit (self, entry, verb, named);
  return TRUE;
}

void
domaine_undo_stack_begin_group (DomaineUndoStack *self)
{
  g_return_if_fail (DOMAINE_IS_UNDO_STACK (self));
  g_return_if_fail (self->group == NULL);

  self->group = g_ptr_array_new_with_free_func (entry_free);
  /* A group may stage thousands of changes: observers read them once, at the end. */
  ovh_changeset_begin_batch (self->changeset);
}

void
domaine_undo_stack_end_group (DomaineUndoStack *self)
{
  GPtrArray *entries;

  g_return_if_fail (DOMAINE_IS_UNDO_STACK (self));
  g_return_if_fail (self->group != NULL);

  entries = g_steal_pointer (&self->group);
  ovh_changeset_end_batch (self->changeset);
  if (entries->len == 0)
    {
      g_ptr_array_unref (entries);
      return;
    }
  g_ptr_array_add (self->done, step_new (entries));
  g_ptr_array_set_size (self->undone, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), self->done->len - 1, 0, 1);
  domaine_undo_stack_notify_state (self);
}

/* Undo and redo -------------------------------------------------------------------------- */

gboolean
domaine_undo_stack_undo (DomaineUndoStack *self)
{
  DomaineUndoStep *step;
  GPtrArray *entries;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), FALSE);

  if (!domaine_undo_stack_get_can_undo (self))
    return FALSE;

  step = g_ptr_array_steal_index (self->done, self->done->len - 1);
  g_ptr_array_add (self->undone, step);
  entries = domaine_undo_step_get_entries (step);
  ovh_changeset_begin_batch (self->changeset);
  for (guint i = entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (entries, i - 1);

      ok &= domaine_undo_stack_restore (self, entry, &entry->before);
    }
  ovh_changeset_end_batch (self->changeset);
  g_list_model_items_changed (G_LIST_MODEL (self), self->done->len, 1, 0);
  domaine_undo_stack_notify_state (self);
  return ok;
}

gboolean
domaine_undo_stack_redo (DomaineUndoStack *self)
{
  DomaineUndoStep *step;
  GPtrArray *entries;
  gboolean ok = TRUE;

  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), FALSE);

  if (!domaine_undo_stack_get_can_redo (self))
    return FALSE;

  step = g_ptr_array_steal_index (self->undone, self->undone->len - 1);
  g_ptr_array_add (self->done, step);
  entries = domaine_undo_step_get_entries (step);
  ovh_changeset_begin_batch (self->changeset);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      ok &= domaine_undo_stack_restore (self, entry, &entry->after);
    }
  ovh_changeset_end_batch (self->changeset);
  g_list_model_items_changed (G_LIST_MODEL (self), self->done->len - 1, 0, 1);
  domaine_undo_stack_notify_state (self);
  return ok;
}

void
domaine_undo_stack_clear (DomaineUndoStack *self)
{
  guint n_done;

  g_return_if_fail (DOMAINE_IS_UNDO_STACK (self));

  n_done = self->done->len;
  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
  g_hash_table_remove_all (self->handles);
  if (n_done > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_done, 0);
  domaine_undo_stack_notify_state (self);
}

/* Once sent, a change is OVH's: its step cannot be taken back. */
static void
changeset_busy_cb (DomaineUndoStack *self)
{
  if (ovh_changeset_get_busy (self->changeset))
    domaine_undo_stack_clear (self);
  else
    domaine_undo_stack_notify_state (self);
}

/* GObject -------------------------------------------------------------------------------- */

static void
domaine_undo_stack_constructed (GObject *object)
{
  DomaineUndoStack *self = DOMAINE_UNDO_STACK (object);

  G_OBJECT_CLASS (domaine_undo_stack_parent_class)->constructed (object);

  g_return_if_fail (OVH_IS_CHANGESET (self->changeset));
  g_signal_connect_object (self->changeset, "notify::busy", G_CALLBACK (changeset_busy_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
domaine_undo_stack_dispose (GObject *object)
{
  DomaineUndoStack *self = DOMAINE_UNDO_STACK (object);

  g_ptr_array_set_size (self->done, 0);
  g_ptr_array_set_size (self->undone, 0);
  g_hash_table_remove_all (self->handles);
  g_clear_pointer (&self->group, g_ptr_array_unref);
  g_clear_object (&self->changeset);

  G_OBJECT_CLASS (domaine_undo_stack_parent_class)->dispose (object);
}

static void
domaine_undo_stack_finalize (GObject *object)
{
  DomaineUndoStack *self = DOMAINE_UNDO_STACK (object);

  g_ptr_array_unref (self->done);
  g_ptr_array_unref (self->undone);
  g_hash_table_unref (self->handles);

  G_OBJECT_CLASS (domaine_undo_stack_parent_class)->finalize (object);
}

static void
domaine_undo_stack_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineUndoStack *self = DOMAINE_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, domaine_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, domaine_undo_stack_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, domaine_undo_stack_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, domaine_undo_stack_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_undo_stack_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  DomaineUndoStack *self = DOMAINE_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_undo_stack_class_init (DomaineUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = domaine_undo_stack_constructed;
  object_class->dispose = domaine_undo_stack_dispose;
  object_class->finalize = domaine_undo_stack_finalize;
  object_class->get_property = domaine_undo_stack_get_property;
  object_class->set_property = domaine_undo_stack_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO]
      = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO]
      = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL]
      = g_param_spec_string ("undo-label", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL]
      = g_param_spec_string ("redo-label", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_undo_stack_init (DomaineUndoStack *self)
{
  self->done = g_ptr_array_new_with_free_func (g_object_unref);
  self->undone = g_ptr_array_new_with_free_func (g_object_unref);
  self->handles = g_hash_table_new_full (NULL, NULL, NULL, handle_release);
}

DomaineUndoStack *
domaine_undo_stack_new (OvhChangeset *changeset)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);
  return g_object_new (DOMAINE_TYPE_UNDO_STACK, "changeset", changeset, NULL);
}

OvhChangeset *
domaine_undo_stack_get_changeset (DomaineUndoStack *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);
  return self->changeset;
}

gboolean
domaine_undo_stack_get_can_undo (DomaineUndoStack *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), FALSE);
  return self->done->len > 0 && self->changeset != NULL
         && !ovh_changeset_get_busy (self->changeset);
}

gboolean
domaine_undo_stack_get_can_redo (DomaineUndoStack *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), FALSE);
  return self->undone->len > 0 && self->changeset != NULL
         && !ovh_changeset_get_busy (self->changeset);
}

const char *
domaine_undo_stack_get_undo_label (DomaineUndoStack *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);
  if (self->done->len == 0)
    return NULL;
  return domaine_undo_step_get_label (g_ptr_array_index (self->done, self->done->len - 1));
}

const char *
domaine_undo_stack_get_redo_label (DomaineUndoStack *self)
{
  g_return_val_if_fail (DOMAINE_IS_UNDO_STACK (self), NULL);
  if (self->undone->len == 0)
    return NULL;
  return domaine_undo_step_get_label (g_ptr_array_index (self->undone, self->undone->len - 1));
}
