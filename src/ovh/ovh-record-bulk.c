/* ovh-record-bulk.c: one change made to many records at once, planned before it is staged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-record-bulk.h"

/* Items --------------------------------------------------------------------------------- */

struct _OvhRecordBulkItem
{
  GObject parent_instance;

  OvhRecord *record;
  OvhRecord *after;
  char *reason;
  char *old_text;
  char *new_text;
};

G_DEFINE_FINAL_TYPE (OvhRecordBulkItem, ovh_record_bulk_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_RECORD,
  ITEM_PROP_AFTER,
  ITEM_PROP_REASON,
  ITEM_PROP_OLD_TEXT,
  ITEM_PROP_NEW_TEXT,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
ovh_record_bulk_item_finalize (GObject *object)
{
  OvhRecordBulkItem *self = OVH_RECORD_BULK_ITEM (object);

  g_clear_object (&self->record);
  g_clear_object (&self->after);
  g_free (self->reason);
  g_free (self->old_text);
  g_free (self->new_text);

  G_OBJECT_CLASS (ovh_record_bulk_item_parent_class)->finalize (object);
}

static void
ovh_record_bulk_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhRecordBulkItem *self = OVH_RECORD_BULK_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case ITEM_PROP_AFTER:
      g_value_set_object (value, self->after);
      break;
    case ITEM_PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case ITEM_PROP_OLD_TEXT:
      g_value_set_string (value, self->old_text);
      break;
    case ITEM_PROP_NEW_TEXT:
      g_value_set_string (value, self->new_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_bulk_item_class_init (OvhRecordBulkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_record_bulk_item_finalize;
  object_class->get_property = ovh_record_bulk_item_get_property;

  item_properties[ITEM_PROP_RECORD]
      = g_param_spec_object ("record", NULL, NULL, OVH_TYPE_RECORD, ro);
  item_properties[ITEM_PROP_AFTER] = g_param_spec_object ("after", NULL, NULL, OVH_TYPE_RECORD, ro);
  item_properties[ITEM_PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_OLD_TEXT] = g_param_spec_string ("old-text", NULL, NULL, NULL, ro);
  item_properties[ITEM_PROP_NEW_TEXT] = g_param_spec_string ("new-text", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
ovh_record_bulk_item_init (OvhRecordBulkItem *self)
{
}

/* Takes after, reason, old_text and new_text. */
static OvhRecordBulkItem *
item_new (OvhRecord *record, OvhRecord *after, char *reason, char *old_text, char *new_text)
{
  OvhRecordBulkItem *item = g_object_new (OVH_TYPE_RECORD_BULK_ITEM, NULL);

  item->record = g_object_ref (record);
  item->after = after;
  item->reason = reason;
  item->old_text = old_text;
  item->new_text = new_text;
  return item;
}

OvhRecord *
ovh_record_bulk_item_get_record (OvhRecordBulkItem *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_ITEM (self), NULL);
  return self->record;
}

OvhRecord *
ovh_record_bulk_item_get_after (OvhRecordBulkItem *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_ITEM (self), NULL);
  return self->after;
}

const char *
ovh_record_bulk_item_get_reason (OvhRecordBulkItem *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_ITEM (self), NULL);
  return self->reason;
}

gboolean
ovh_record_bulk_item_get_skipped (OvhRecordBulkItem *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_ITEM (self), FALSE);
  return self->reason != NULL;
}

const char *
ovh_record_bulk_item_get_old_text (OvhRecordBulkItem *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_ITEM (self), NULL);
  return self->old_text;
}

const char *
ovh_record_bulk_item_get_new_text (OvhRecordBulkItem *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_ITEM (self), NULL);
  return self->new_text;
}

/* Plans --------------------------------------------------------------------------------- */

struct _OvhRecordBulkPlan
{
  GObject parent_instance;

  OvhRecordBulkOperation operation;
  GListStore *items;
  guint n_changed;
  guint n_skipped;
  guint n_unchanged;
};

G_DEFINE_FINAL_TYPE (OvhRecordBulkPlan, ovh_record_bulk_plan, G_TYPE_OBJECT)

static void
ovh_record_bulk_plan_finalize (GObject *object)
{
  OvhRecordBulkPlan *self = OVH_RECORD_BULK_PLAN (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (ovh_record_bulk_plan_parent_class)->finalize (object);
}

static void
ovh_record_bulk_plan_class_init (OvhRecordBulkPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_record_bulk_plan_finalize;
}

static void
ovh_record_bulk_plan_init (OvhRecordBulkPlan *self)
{
  self->items = g_list_store_new (OVH_TYPE_RECORD_BULK_ITEM);
}

/* The items are gathered in an array and put in the store at once: one items-changed. */
static OvhRecordBulkPlan *
plan_new (OvhRecordBulkOperation operation, GPtrArray *items)
{
  OvhRecordBulkPlan *self = g_object_new (OVH_TYPE_RECORD_BULK_PLAN, NULL);

  self->operation = operation;
  for (guint i = 0; i < items->len; i++)
    {
      if (ovh_record_bulk_item_get_skipped (g_ptr_array_index (items, i)))
        self->n_skipped++;
      else
        self->n_changed++;
    }
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  return self;
}

static char *
format_ttl (guint ttl)
{
  if (ttl == OVH_RECORD_TTL_ZONE_DEFAULT)
    return g_strdup (_ ("Zone default"));
  return g_strdup_printf ("%u", ttl);
}

/* The item for after (taken), or a skip with reason (taken) when that is not NULL. */
static OvhRecordBulkItem *
checked_item (OvhRecord *record, OvhRecord *after, char *reason, char *old_text, char *new_text)
{
  if (reason != NULL)
    {
      g_object_unref (after);
      g_free (new_text);
      return item_new (record, NULL, reason, old_text, NULL);
    }
  return item_new (record, after, NULL, old_text, new_text);
}

/* Why after is not valid for its type (a new string), or NULL. Reading a value costs a parse
 * (ldns) each: results are kept by what was checked (key), since a bulk change often makes
 * many records alike (one new name, one new value). */
static char *
dup_problem (GHashTable *cache, const char *key, OvhRecord *after, gboolean value_unchanged)
{
  g_autoptr (GError) error = NULL;
  gpointer cached;

  if (g_hash_table_lookup_extended (cache, key, NULL, &cached))
    return g_strdup (cached);
  ovh_record_validate (ovh_record_get_field_type (after), ovh_record_get_sub_domain (after),
                       ovh_record_get_target (after), ovh_record_get_ttl (after), &error);
  /* A value left as it was is not this change's to refuse. */
  if (value_unchanged && g_error_matches (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET))
    g_clear_error (&error);
  g_hash_table_insert (cache, g_strdup (key), error != NULL ? g_strdup (error->message) : NULL);
  return error != NULL ? g_strdup (error->message) : NULL;
}

static GHashTable *
problem_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

OvhRecordBulkPlan *
ovh_record_bulk_plan_new_set_ttl (GPtrArray *records, guint ttl)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint n_unchanged = 0;
  OvhRecordBulkPlan *self;

  g_return_val_if_fail (records != NULL, NULL);

  /* Only the TTL changes: its range is the one thing to check, once for all. */
  ovh_record_validate ("A", "", "192.0.2.1", ttl, &error);
  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      OvhRecord *after;

      if (ovh_record_get_ttl (record) == ttl)
        {
          n_unchanged++;
          continue;
        }
      after = ovh_record_dup (record);
      ovh_record_set_ttl (after, ttl);
      g_ptr_array_add (
          items, checked_item (record, after, error != NULL ? g_strdup (error->message) : NULL,
                               format_ttl (ovh_record_get_ttl (record)), format_ttl (ttl)));
    }
  self = plan_new (OVH_RECORD_BULK_SET_TTL, items);
  self->n_unchanged = n_unchanged;
  return self;
}

OvhRecordBulkPlan *
ovh_record_bulk_plan_new_replace (GPtrArray *records, const OvhValueReplacer *replacer)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) problems = problem_cache_new ();
  guint n_unchanged = 0;
  OvhRecordBulkPlan *self;

  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (replacer != NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      char *value = ovh_value_replacer_apply (replacer, ovh_record_get_target (record));
      g_autofree char *key = NULL;
      OvhRecord *after;

      if (value == NULL)
        {
          n_unchanged++;
          continue;
        }
      after = ovh_record_dup (record);
      ovh_record_set_target (after, value);
      /* The value is what changes: checked once for each type, name and value. */
      key = g_strdup_printf ("%s\t%s\t%s", ovh_record_get_field_type (after),
                             ovh_record_get_sub_domain (after), value);
      g_ptr_array_add (items,
                       checked_item (record, after, dup_problem (problems, key, after, FALSE),
                                     g_strdup (ovh_record_get_target (record)), value));
    }
  self = plan_new (OVH_RECORD_BULK_REPLACE, items);
  self->n_unchanged = n_unchanged;
  return self;
}

OvhRecordBulkPlan *
ovh_record_bulk_plan_new_move (GPtrArray *records, const char *sub_domain, const char *zone)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) problems = problem_cache_new ();
  g_autofree char *name = NULL;
  guint n_unchanged = 0;
  OvhRecordBulkPlan *self;

  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (sub_domain != NULL, NULL);

  name = ovh_record_normalize_sub_domain (sub_domain, zone);
  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      OvhRecord *after;

      if (g_ascii_strcasecmp (ovh_record_get_sub_domain (record), name) == 0)
        {
          n_unchanged++;
          continue;
        }
      after = ovh_record_dup (record);
      ovh_record_set_sub_domain (after, name);
      /* Only the name changes, the same for all: whether a type may have it is checked once
       * for each type (the values were valid before and stay as they are). */
      g_ptr_array_add (
          items,
          checked_item (record, after,
                        dup_problem (problems, ovh_record_get_field_type (after), after, TRUE),
                        g_strdup (ovh_record_get_display_name (record)),
                        g_strdup (ovh_record_get_display_name (after))));
    }
  self = plan_new (OVH_RECORD_BULK_MOVE, items);
  self->n_unchanged = n_unchanged;
  return self;
}

OvhRecordBulkPlan *
ovh_record_bulk_plan_new_delete (GPtrArray *records)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (records->len, g_object_unref);

  g_return_val_if_fail (records != NULL, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (
          items, item_new (record, NULL, NULL, g_strdup (ovh_record_get_target (record)), NULL));
    }
  return plan_new (OVH_RECORD_BULK_DELETE, items);
}

OvhRecordBulkOperation
ovh_record_bulk_plan_get_operation (OvhRecordBulkPlan *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_PLAN (self), OVH_RECORD_BULK_SET_TTL);
  return self->operation;
}

GListModel *
ovh_record_bulk_plan_get_items (OvhRecordBulkPlan *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_PLAN (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
ovh_record_bulk_plan_get_n_changed (OvhRecordBulkPlan *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_PLAN (self), 0);
  return self->n_changed;
}

guint
ovh_record_bulk_plan_get_n_skipped (OvhRecordBulkPlan *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_PLAN (self), 0);
  return self->n_skipped;
}

guint
ovh_record_bulk_plan_get_n_unchanged (OvhRecordBulkPlan *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_BULK_PLAN (self), 0);
  return self->n_unchanged;
}

guint
ovh_record_bulk_plan_stage (OvhRecordBulkPlan *self, OvhChangeset *changeset, GPtrArray **problems)
{
  GListModel *items;
  guint n_items;
  guint n_staged = 0;

  g_return_val_if_fail (OVH_IS_RECORD_BULK_PLAN (self), 0);
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), 0);

  items = G_LIST_MODEL (self->items);
  n_items = g_list_model_get_n_items (items);
  ovh_changeset_begin_batch (changeset);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhRecordBulkItem) item = g_list_model_get_item (items, i);
      guint64 id = ovh_record_get_id (item->record);
      g_autoptr (GError) error = NULL;
      OvhChange *change;

      if (item->reason != NULL || id == 0)
        continue;
      if (self->operation == OVH_RECORD_BULK_DELETE)
        change = ovh_changeset_stage_delete (changeset, id, &error);
      else
        change = ovh_changeset_stage_update (changeset, id, item->after, &error);
      if (change != NULL)
        n_staged++;
      else if (error != NULL && problems != NULL)
        {
          if (*problems == NULL)
            *problems = g_ptr_array_new_with_free_func (g_free);
          /* Translators: a record's name and type, then why it could not be changed */
          g_ptr_array_add (*problems, g_strdup_printf (_ ("%s %s: %s"),
                                                       ovh_record_get_display_name (item->record),
                                                       ovh_record_get_field_type (item->record),
                                                       error->message));
        }
    }
  ovh_changeset_end_batch (changeset);
  return n_staged;
}
