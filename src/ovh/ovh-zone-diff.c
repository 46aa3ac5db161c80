/* ovh-zone-diff.c: what differs between two sets of records of one zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <ldns/ldns.h>

#include "ovh-zone-diff.h"

/* --- items ------------------------------------------------------------------------------- */

struct _OvhZoneDiffItem
{
  GObject parent_instance;

  OvhZoneDiffKind kind;
  OvhRecord *before;
  OvhRecord *after;
  gboolean ttl_only;
};

G_DEFINE_FINAL_TYPE (OvhZoneDiffItem, ovh_zone_diff_item, G_TYPE_OBJECT)

enum
{
  ITEM_PROP_0,
  ITEM_PROP_KIND,
  ITEM_PROP_BEFORE,
  ITEM_PROP_AFTER,
  ITEM_PROP_TTL_ONLY,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
ovh_zone_diff_item_finalize (GObject *object)
{
  OvhZoneDiffItem *self = OVH_ZONE_DIFF_ITEM (object);

  g_clear_object (&self->before);
  g_clear_object (&self->after);
  G_OBJECT_CLASS (ovh_zone_diff_item_parent_class)->finalize (object);
}

static void
ovh_zone_diff_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhZoneDiffItem *self = OVH_ZONE_DIFF_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case ITEM_PROP_BEFORE:
      g_value_set_object (value, self->before);
      break;
    case ITEM_PROP_AFTER:
      g_value_set_object (value, self->after);
      break;
    case ITEM_PROP_TTL_ONLY:
      g_value_set_boolean (value, self->ttl_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_zone_diff_item_class_init (OvhZoneDiffItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_zone_diff_item_finalize;
  object_class->get_property = ovh_zone_diff_item_get_property;

  item_properties[ITEM_PROP_KIND]
      = g_param_spec_int ("kind", NULL, NULL, OVH_ZONE_DIFF_ADDED, OVH_ZONE_DIFF_CHANGED, 0, flags);
  item_properties[ITEM_PROP_BEFORE]
      = g_param_spec_object ("before", NULL, NULL, OVH_TYPE_RECORD, flags);
  item_properties[ITEM_PROP_AFTER]
      = g_param_spec_object ("after", NULL, NULL, OVH_TYPE_RECORD, flags);
  item_properties[ITEM_PROP_TTL_ONLY] = g_param_spec_boolean ("ttl-only", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
ovh_zone_diff_item_init (OvhZoneDiffItem *self)
{
}

static OvhZoneDiffItem *
item_new (OvhZoneDiffKind kind, OvhRecord *before, OvhRecord *after, gboolean ttl_only)
{
  OvhZoneDiffItem *self = g_object_new (OVH_TYPE_ZONE_DIFF_ITEM, NULL);

  self->kind = kind;
  self->before = before != NULL ? g_object_ref (before) : NULL;
  self->after = after != NULL ? g_object_ref (after) : NULL;
  self->ttl_only = ttl_only;
  return self;
}

OvhZoneDiffKind
ovh_zone_diff_item_get_kind (OvhZoneDiffItem *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF_ITEM (self), OVH_ZONE_DIFF_ADDED);
  return self->kind;
}

OvhRecord *
ovh_zone_diff_item_get_before (OvhZoneDiffItem *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF_ITEM (self), NULL);
  return self->before;
}

OvhRecord *
ovh_zone_diff_item_get_after (OvhZoneDiffItem *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF_ITEM (self), NULL);
  return self->after;
}

OvhRecord *
ovh_zone_diff_item_get_record (OvhZoneDiffItem *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF_ITEM (self), NULL);
  return self->after != NULL ? self->after : self->before;
}

gboolean
ovh_zone_diff_item_get_ttl_only (OvhZoneDiffItem *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF_ITEM (self), FALSE);
  return self->ttl_only;
}

/* --- the diff ---------------------------------------------------------------------------- */

struct _OvhZoneDiff
{
  GObject parent_instance;

  GListStore *items;
  guint n_added;
  guint n_removed;
  guint n_changed;
  guint n_ttl_only;
  guint n_before;
  guint64 serial_before;
  guint64 serial_after;
};

G_DEFINE_FINAL_TYPE (OvhZoneDiff, ovh_zone_diff, G_TYPE_OBJECT)

static void
ovh_zone_diff_finalize (GObject *object)
{
  OvhZoneDiff *self = OVH_ZONE_DIFF (object);

  g_clear_object (&self->items);
  G_OBJECT_CLASS (ovh_zone_diff_parent_class)->finalize (object);
}

static void
ovh_zone_diff_class_init (OvhZoneDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_zone_diff_finalize;
}

static void
ovh_zone_diff_init (OvhZoneDiff *self)
{
  self->items = g_list_store_new (OVH_TYPE_ZONE_DIFF_ITEM);
}

static gboolean
is_managed (OvhRecord *record)
{
  return ovh_record_get_sub_domain (record)[0] == '\0'
         && g_strcmp0 (ovh_record_get_field_type (record), "NS") == 0;
}

static gboolean
is_txt_like (OvhRecord *record)
{
  const OvhRecordType *type = ovh_record_get_record_type (record);

  return type != NULL && g_str_equal (type->zone_type, "TXT");
}

/* A record and its data in ldns's presentation form, so that "04" and "4", "-2m" and "-2.00m"
 * (LOC), or upper and lower case hex compare equal. Text (TXT and its kin) is compared as is. */
typedef struct
{
  OvhRecord *record;
  char *canonical;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->canonical);
  g_free (entry);
}

static char *
canonical_target (OvhRecord *record)
{
  const OvhRecordType *type = ovh_record_get_record_type (record);
  const char *target = ovh_record_get_target (record);
  g_autofree char *line = NULL;
  g_autofree char *lower = NULL;
  GString *out;
  ldns_rr *rr = NULL;

  if (target == NULL)
    return g_strdup ("");
  if (is_txt_like (record) || type == NULL)
    return g_strdup (target);

  line = g_strdup_printf ("x. 1 IN %s %s", type->zone_type, target);
  if (ldns_rr_new_frm_str (&rr, line, 0, NULL, NULL) != LDNS_STATUS_OK || rr == NULL)
    return g_ascii_strdown (target, -1);

  out = g_string_new (NULL);
  for (size_t i = 0; i < ldns_rr_rd_count (rr); i++)
    {
      g_autofree char *text = ldns_rdf2str (ldns_rr_rdf (rr, i));

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text != NULL ? text : "");
    }
  ldns_rr_free (rr);
  lower = g_string_free (out, FALSE);
  return g_ascii_strdown (lower, -1);
}

static Entry *
entry_new (OvhRecord *record)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->record = record;
  entry->canonical = canonical_target (record);
  return entry;
}

static gboolean
same_target (Entry *a, Entry *b)
{
  return g_strcmp0 (a->canonical, b->canonical) == 0;
}

/* SPF, DKIM and DMARC are TXT records in DNS, and a zone file only knows them as TXT: a TXT
 * "v=spf1 …" read from a file is the same record as OVH's SPF. */
static char *
record_key (OvhRecord *record)
{
  g_autofree char *name = g_ascii_strdown (ovh_record_get_sub_domain (record), -1);
  const OvhRecordType *type = ovh_record_get_record_type (record);

  return g_strconcat (name, "\t",
                      type != NULL ? type->zone_type : ovh_record_get_field_type (record), NULL);
}

typedef struct
{
  GPtrArray *before; /* of Entry */
  GPtrArray *after;
} Group;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->before);
  g_ptr_array_unref (group->after);
  g_free (group);
}

static void
add_to_groups (GHashTable *groups, GPtrArray *keys, OvhRecord *record, gboolean after)
{
  g_autofree char *key = record_key (record);
  Group *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->before = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
      group->after = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
      g_ptr_array_add (keys, g_strdup (key));
      g_hash_table_insert (groups, g_steal_pointer (&key), group);
    }
  g_ptr_array_add (after ? group->after : group->before, entry_new (record));
}

/* Takes out of both sides the pairs match() accepts, adding an item for each (or none). */
static void
pair_off (OvhZoneDiff *self,
          Group *group,
          gboolean (*match) (Entry *a, Entry *b),
          gboolean report,
          gboolean ttl_only)
{
  for (guint i = 0; i < group->before->len;)
    {
      Entry *before = g_ptr_array_index (group->before, i);
      gboolean found = FALSE;

      for (guint j = 0; j < group->after->len; j++)
        {
          Entry *after = g_ptr_array_index (group->after, j);

          if (!match (before, after))
            continue;
          if (report)
            {
              g_autoptr (OvhZoneDiffItem) item
                  = item_new (OVH_ZONE_DIFF_CHANGED, before->record, after->record, ttl_only);

              g_list_store_append (self->items, item);
              self->n_changed++;
              self->n_ttl_only += ttl_only;
            }
          g_ptr_array_remove_index (group->after, j);
          found = TRUE;
          break;
        }
      if (found)
        g_ptr_array_remove_index (group->before, i);
      else
        i++;
    }
}

static gboolean
match_same (Entry *a, Entry *b)
{
  return same_target (a, b) && ovh_record_get_ttl (a->record) == ovh_record_get_ttl (b->record);
}

static gboolean
match_ttl_only (Entry *a, Entry *b)
{
  return same_target (a, b);
}

/* "v=spf1 …" with "v=spf1 …", not with another TXT of the same name: the first word of a
 * value says what it is. */
static gboolean
match_same_kind (Entry *a, Entry *b)
{
  const char *ta = ovh_record_get_target (a->record);
  const char *tb = ovh_record_get_target (b->record);
  gsize la = strcspn (ta, " ;");
  gsize lb = strcspn (tb, " ;");

  return la == lb && la > 0 && g_ascii_strncasecmp (ta, tb, la) == 0;
}

static gboolean
match_any (Entry *a, Entry *b)
{
  return TRUE;
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  const char *ka = *(const char **) a;
  const char *kb = *(const char **) b;

  /* The apex ("\t…") sorts first by itself: a tab is below every name character. */
  return strcmp (ka, kb);
}

static int
compare_targets (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 ((*(Entry **) a)->canonical, (*(Entry **) b)->canonical);
}

static void
compute (OvhZoneDiff *self, GPtrArray *before, GPtrArray *after, OvhZoneDiffFlags flags)
{
  g_autoptr (GHashTable) groups
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) group_free);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < before->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (before, i);

      if ((flags & OVH_ZONE_DIFF_SKIP_MANAGED) && is_managed (record))
        continue;
      self->n_before++;
      add_to_groups (groups, keys, record, FALSE);
    }
  for (guint i = 0; i < after->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (after, i);

      if ((flags & OVH_ZONE_DIFF_SKIP_MANAGED) && is_managed (record))
        continue;
      add_to_groups (groups, keys, record, TRUE);
    }

  g_ptr_array_sort (keys, compare_keys);
  for (guint k = 0; k < keys->len; k++)
    {
      Group *group = g_hash_table_lookup (groups, g_ptr_array_index (keys, k));

      g_ptr_array_sort (group->before, compare_targets);
      g_ptr_array_sort (group->after, compare_targets);
      pair_off (self, group, match_same, FALSE, FALSE);
      pair_off (self, group, match_ttl_only, TRUE, TRUE);
      pair_off (self, group, match_same_kind, TRUE, FALSE);
      pair_off (self, group, match_any, TRUE, FALSE);

      for (guint i = 0; i < group->before->len; i++)
        {
          Entry *entry = g_ptr_array_index (group->before, i);
          g_autoptr (OvhZoneDiffItem) item
              = item_new (OVH_ZONE_DIFF_REMOVED, entry->record, NULL, FALSE);

          g_list_store_append (self->items, item);
          self->n_removed++;
        }
      for (guint i = 0; i < group->after->len; i++)
        {
          Entry *entry = g_ptr_array_index (group->after, i);
          g_autoptr (OvhZoneDiffItem) item
              = item_new (OVH_ZONE_DIFF_ADDED, NULL, entry->record, FALSE);

          g_list_store_append (self->items, item);
          self->n_added++;
        }
    }
}

OvhZoneDiff *
ovh_zone_diff_new (GPtrArray *before, GPtrArray *after, OvhZoneDiffFlags flags)
{
  OvhZoneDiff *self;

  g_return_val_if_fail (before != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  self = g_object_new (OVH_TYPE_ZONE_DIFF, NULL);
  compute (self, before, after, flags);
  return self;
}

OvhZoneDiff *
ovh_zone_diff_new_from_model (GListModel *before, GPtrArray *after, OvhZoneDiffFlags flags)
{
  g_autoptr (GPtrArray) array = NULL;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (before), NULL);

  n_items = g_list_model_get_n_items (before);
  array = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      GObject *item = g_list_model_get_item (before, i);

      if (OVH_IS_RECORD (item))
        g_ptr_array_add (array, item);
      else
        g_clear_object (&item);
    }

  return ovh_zone_diff_new (array, after, flags);
}

GListModel *
ovh_zone_diff_get_items (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
ovh_zone_diff_get_n_added (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->n_added;
}

guint
ovh_zone_diff_get_n_removed (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->n_removed;
}

guint
ovh_zone_diff_get_n_changed (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->n_changed;
}

guint
ovh_zone_diff_get_n_ttl_only (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->n_ttl_only;
}

guint
ovh_zone_diff_get_n_before (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->n_before;
}

gboolean
ovh_zone_diff_is_empty (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;
}

void
ovh_zone_diff_set_serials (OvhZoneDiff *self, guint64 before, guint64 after)
{
  g_return_if_fail (OVH_IS_ZONE_DIFF (self));
  self->serial_before = before;
  self->serial_after = after;
}

guint64
ovh_zone_diff_get_serial_before (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->serial_before;
}

guint64
ovh_zone_diff_get_serial_after (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), 0);
  return self->serial_after;
}

gboolean
ovh_zone_diff_guard_applies (guint n_records, guint n_removed_or_changed)
{
  return n_removed_or_changed > OVH_ZONE_DIFF_GUARD_MIN
         && (guint64) n_removed_or_changed * 3 > (guint64) n_records;
}

gboolean
ovh_zone_diff_needs_confirmation (OvhZoneDiff *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), FALSE);
  return ovh_zone_diff_guard_applies (self->n_before, self->n_removed + self->n_changed);
}

JsonNode *
ovh_zone_diff_record_to_json (OvhRecord *record)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (OVH_IS_RECORD (record), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) ovh_record_get_id (record));
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, ovh_record_get_zone (record));
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, ovh_record_get_sub_domain (record));
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, ovh_record_get_field_type (record));
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, ovh_record_get_target (record));
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, ovh_record_get_ttl (record));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
ovh_zone_diff_to_json (OvhZoneDiff *self)
{
  JsonObject *object;
  JsonArray *added = json_array_new ();
  JsonArray *removed = json_array_new ();
  JsonArray *changed = json_array_new ();
  JsonNode *node;
  guint n_items;

  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhZoneDiffItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      switch (item->kind)
        {
        case OVH_ZONE_DIFF_ADDED:
          json_array_add_element (added, ovh_zone_diff_record_to_json (item->after));
          break;
        case OVH_ZONE_DIFF_REMOVED:
          json_array_add_element (removed, ovh_zone_diff_record_to_json (item->before));
          break;
        case OVH_ZONE_DIFF_CHANGED:
          {
            JsonObject *pair = json_object_new ();

            json_object_set_member (pair, "before", ovh_zone_diff_record_to_json (item->before));
            json_object_set_member (pair, "after", ovh_zone_diff_record_to_json (item->after));
            json_object_set_boolean_member (pair, "ttlOnly", item->ttl_only);
            json_array_add_object_element (changed, pair);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  object = json_object_new ();
  json_object_set_array_member (object, "added", added);
  json_object_set_array_member (object, "removed", removed);
  json_object_set_array_member (object, "changed", changed);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* --- staging ----------------------------------------------------------------------------- */

static OvhChange *
stage_item (OvhChangeset *changeset, OvhZoneDiffItem *item, GError **error)
{
  switch (item->kind)
    {
    case OVH_ZONE_DIFF_ADDED:
      {
        g_autoptr (OvhRecord) record = ovh_record_dup (item->after);

        ovh_record_set_id (record, 0);
        ovh_record_set_zone (record, ovh_zone_get_name (ovh_changeset_get_zone (changeset)));
        return ovh_changeset_stage_create (changeset, record, error);
      }
    case OVH_ZONE_DIFF_REMOVED:
      return ovh_changeset_stage_delete (changeset, ovh_record_get_id (item->before), error);
    case OVH_ZONE_DIFF_CHANGED:
      {
        guint64 id = ovh_record_get_id (item->before);
        g_autoptr (OvhRecord) after = ovh_record_dup (item->after);

        if (g_str_equal (ovh_record_get_field_type (item->before),
                         ovh_record_get_field_type (after)))
          return ovh_changeset_stage_update (changeset, id, after, error);

        /* A file's TXT for OVH's SPF, DKIM or DMARC: the record keeps its type if it can. */
        ovh_record_set_field_type (after, ovh_record_get_field_type (item->before));
        if (ovh_record_check (after, NULL))
          return ovh_changeset_stage_update (changeset, id, after, error);
        return ovh_changeset_stage_change_type (changeset, id, item->after, error);
      }
    default:
      g_assert_not_reached ();
    }
}

gint
ovh_zone_diff_stage (OvhZoneDiff *self, OvhChangeset *changeset, GPtrArray *items, GError **error)
{
  g_autoptr (GPtrArray) chosen = NULL;
  g_autoptr (GPtrArray) staged = NULL;
  OvhZone *zone;

  g_return_val_if_fail (OVH_IS_ZONE_DIFF (self), -1);
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (items != NULL)
    chosen = g_ptr_array_ref (items);
  else
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));

      chosen = g_ptr_array_new_full (n_items, g_object_unref);
      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (chosen, g_list_model_get_item (G_LIST_MODEL (self->items), i));
    }

  /* Checked first, so that a refusal leaves the pending changes as they were. */
  zone = ovh_changeset_get_zone (changeset);
  for (guint i = 0; i < chosen->len; i++)
    {
      OvhZoneDiffItem *item = g_ptr_array_index (chosen, i);
      guint64 id;

      if (item->before == NULL)
        continue;
      id = ovh_record_get_id (item->before);
      if (id == 0 || ovh_zone_find_record_by_id (zone, id) == NULL)
        {
          g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_NOT_FOUND,
                       _ ("The record %s %s is not in the zone as loaded: reload the zone"),
                       ovh_record_get_display_name (item->before),
                       ovh_record_get_field_type (item->before));
          return -1;
        }
      if (ovh_changeset_lookup (changeset, id) != NULL)
        {
          g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY,
                       _ ("The record %s %s already has a pending change: publish or discard it "
                          "first"),
                       ovh_record_get_display_name (item->before),
                       ovh_record_get_field_type (item->before));
          return -1;
        }
    }

  staged = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < chosen->len; i++)
    {
      g_autoptr (GError) local_error = NULL;
      OvhChange *change = stage_item (changeset, g_ptr_array_index (chosen, i), &local_error);

      /* An update that comes back to what OVH has stages nothing, and that is no failure. */
      if (change == NULL && local_error == NULL)
        continue;
      if (change == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          /* Back to the pending changes as they were. */
          for (guint j = staged->len; j > 0; j--)
            ovh_changeset_discard (changeset, g_ptr_array_index (staged, j - 1));
          return -1;
        }
      g_ptr_array_add (staged, g_object_ref (change));
    }

  return (gint) staged->len;
}
