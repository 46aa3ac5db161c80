/* ovh-changeset-file.c: the saved form of a changeset (JSON, no secrets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing is split so that only the snapshot is taken on the changeset's thread, and
 * reading so that only the staging is: parsing makes plain data that any thread may hold.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ovh-change-private.h"
#include "ovh-changeset-private.h"
#include "ovh-json-private.h"

#define CHANGESET_FILE_FORMAT 1

typedef struct
{
  guint64 id;
  char *sub_domain;
  char *field_type;
  char *target;
  guint ttl;
} SavedRecord;

typedef struct
{
  OvhChangeKind kind;
  guint64 record_id;
  guint64 replaces_id;
  gboolean unconfirmed; /* sent, its answer lost: whether it was made is unknown */
  SavedRecord *before;
  SavedRecord *after;
} SavedChange;

struct _OvhSavedChanges
{
  char *zone;
  gboolean needs_publish;
  GPtrArray *changes; /* SavedChange* */
};

static void
saved_record_free (SavedRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->sub_domain);
  g_free (record->field_type);
  g_free (record->target);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SavedRecord, saved_record_free)

static void
saved_change_free (SavedChange *change)
{
  saved_record_free (change->before);
  saved_record_free (change->after);
  g_free (change);
}

void
ovh_saved_changes_free (OvhSavedChanges *saved)
{
  if (saved == NULL)
    return;
  g_free (saved->zone);
  g_clear_pointer (&saved->changes, g_ptr_array_unref);
  g_free (saved);
}

gboolean
ovh_changeset_file_error (GError **error, const char *path)
{
  g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE,
               _ ("The saved changes in %s cannot be read"), path);
  return FALSE;
}

/* Writing */

static void
add_record_member (JsonBuilder *builder, const char *name, OvhRecord *record)
{
  json_builder_set_member_name (builder, name);
  if (record == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) ovh_record_get_id (record));
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, ovh_record_get_sub_domain (record));
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, ovh_record_get_field_type (record));
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, ovh_record_get_target (record));
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, ovh_record_get_ttl (record));
  json_builder_end_object (builder);
}

static const char *
kind_name (OvhChangeKind kind)
{
  switch (kind)
    {
    case OVH_CHANGE_KIND_CREATE:
      return "create";
    case OVH_CHANGE_KIND_UPDATE:
      return "update";
    case OVH_CHANGE_KIND_DELETE:
    default:
      return "delete";
    }
}

GBytes *
ovh_changeset_serialize (OvhChangeset *self)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  gsize length = 0;
  char *text;
  guint n;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, CHANGESET_FILE_FORMAT);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, ovh_zone_get_name (self->zone));
  json_builder_set_member_name (builder, "endpoint");
  json_builder_add_string_value (builder,
                                 ovh_client_get_base_url (ovh_zone_get_client (self->zone)));
  json_builder_set_member_name (builder, "needsPublish");
  json_builder_add_boolean_value (builder, self->needs_publish);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->changes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (G_LIST_MODEL (self->changes), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_name (ovh_change_get_kind (change)));
      json_builder_set_member_name (builder, "recordId");
      json_builder_add_int_value (builder, (gint64) ovh_change_get_record_id (change));
      json_builder_set_member_name (builder, "replacesId");
      json_builder_add_int_value (builder, (gint64) ovh_change_get_replaces_id (change));
      add_record_member (builder, "before", ovh_change_get_before (change));
      add_record_member (builder, "after", ovh_change_get_after (change));
      /* Read back before it is sent again, also after a restart. */
      if (ovh_change_get_outcome (change) == OVH_CHANGE_OUTCOME_UNKNOWN)
        {
          json_builder_set_member_name (builder, "unconfirmed");
          json_builder_add_boolean_value (builder, TRUE);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

gboolean
ovh_changeset_save_to_file (OvhChangeset *self, const char *path, GError **error)
{
  g_autoptr (GBytes) contents = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  contents = ovh_changeset_serialize (self);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_FILE,
                   _ ("Cannot create the folder %s"), dir);
      return FALSE;
    }
  return g_file_set_contents_full (path, g_bytes_get_data (contents, NULL),
                                   (gssize) g_bytes_get_size (contents),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Reading: any member that is missing or of the wrong type makes the whole file unreadable,
 * so the readers' errors are not kept (ovh_changeset_file_error () names the file). */

/* NULL with *ok TRUE for an absent or null member. */
static SavedRecord *
read_record (JsonObject *object, const char *name, gboolean *ok)
{
  JsonObject *fields;
  const char *sub_domain, *field_type, *target;
  guint64 id, ttl;
  SavedRecord *record;

  *ok = ovh_json_read_object (object, name, OVH_JSON_OPTIONAL, &fields, NULL);
  if (fields == NULL)
    return NULL;

  *ok = FALSE;
  if (!ovh_json_read_string (fields, "subDomain", OVH_JSON_REQUIRED, &sub_domain, NULL)
      || !ovh_json_read_string (fields, "fieldType", OVH_JSON_REQUIRED, &field_type, NULL)
      || !ovh_json_read_string (fields, "target", OVH_JSON_REQUIRED, &target, NULL)
      || !ovh_json_read_uint (fields, "id", OVH_JSON_REQUIRED, G_MAXUINT64, &id, NULL)
      || !ovh_json_read_uint (fields, "ttl", OVH_JSON_REQUIRED, OVH_RECORD_TTL_MAX, &ttl, NULL)
      || ovh_record_type_lookup (field_type) == NULL)
    return NULL;

  record = g_new0 (SavedRecord, 1);
  record->id = id;
  record->sub_domain = g_strdup (sub_domain);
  record->field_type = g_strdup (field_type);
  record->target = g_strdup (target);
  record->ttl = (guint) ttl;
  *ok = TRUE;
  return record;
}

static SavedChange *
read_change (JsonNode *element)
{
  JsonObject *object;
  const char *kind;
  guint64 record_id, replaces_id;
  g_autoptr (SavedRecord) before = NULL;
  g_autoptr (SavedRecord) after = NULL;
  gboolean before_ok, after_ok;
  OvhChangeKind change_kind;
  SavedChange *change;

  if ((object = ovh_json_node_get_object (element)) == NULL)
    return NULL;
  before = read_record (object, "before", &before_ok);
  after = read_record (object, "after", &after_ok);
  if (!before_ok || !after_ok
      || !ovh_json_read_string (object, "kind", OVH_JSON_REQUIRED, &kind, NULL)
      || !ovh_json_read_uint (object, "recordId", OVH_JSON_REQUIRED, G_MAXUINT64, &record_id, NULL)
      || !ovh_json_read_uint (object, "replacesId", OVH_JSON_REQUIRED, G_MAXUINT64, &replaces_id,
                              NULL))
    return NULL;

  if (g_str_equal (kind, "create") && after != NULL && before == NULL)
    change_kind = OVH_CHANGE_KIND_CREATE;
  else if (g_str_equal (kind, "update") && after != NULL && before != NULL && record_id != 0)
    change_kind = OVH_CHANGE_KIND_UPDATE;
  else if (g_str_equal (kind, "delete") && after == NULL && before != NULL && record_id != 0)
    change_kind = OVH_CHANGE_KIND_DELETE;
  else
    return NULL;

  change = g_new0 (SavedChange, 1);
  change->kind = change_kind;
  change->record_id = change_kind == OVH_CHANGE_KIND_CREATE ? 0 : record_id;
  change->replaces_id = change_kind == OVH_CHANGE_KIND_CREATE ? replaces_id : 0;
  change->before = g_steal_pointer (&before);
  change->after = g_steal_pointer (&after);
  /* Optional; a wrong type reads as FALSE. */
  (void) ovh_json_read_boolean (object, "unconfirmed", OVH_JSON_OPTIONAL, &change->unconfirmed,
                                NULL);
  return change;
}

OvhSavedChanges *
ovh_saved_changes_parse (GBytes *contents, const char *path, GError **error)
{
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (OvhSavedChanges) saved = NULL;
  JsonObject *root;
  JsonArray *changes;
  const char *zone;
  guint64 format;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* An empty file (a GBytes without data) is not a file of changes either. */
  if (g_bytes_get_size (contents) == 0
      || (document
          = ovh_json_parse (g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), NULL))
             == NULL
      || (root = ovh_json_node_get_object (document)) == NULL)
    {
      ovh_changeset_file_error (error, path);
      return NULL;
    }

  if (!ovh_json_read_uint (root, "format", OVH_JSON_REQUIRED, G_MAXUINT64, &format, NULL)
      || format != CHANGESET_FILE_FORMAT
      || !ovh_json_read_string (root, "zone", OVH_JSON_REQUIRED, &zone, NULL)
      || !ovh_json_read_array (root, "changes", OVH_JSON_REQUIRED, &changes, NULL))
    {
      ovh_changeset_file_error (error, path);
      return NULL;
    }

  saved = g_new0 (OvhSavedChanges, 1);
  saved->zone = g_strdup (zone);
  saved->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) saved_change_free);

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      SavedChange *change = read_change (json_array_get_element (changes, i));

      if (change == NULL)
        {
          ovh_changeset_file_error (error, path);
          return NULL;
        }
      g_ptr_array_add (saved->changes, change);
    }

  /* Optional and lenient: a wrong type reads as FALSE rather than refusing the file. */
  (void) ovh_json_read_boolean (root, "needsPublish", OVH_JSON_OPTIONAL, &saved->needs_publish,
                                NULL);
  return g_steal_pointer (&saved);
}

static OvhRecord *
record_for_zone (OvhChangeset *self, const SavedRecord *saved)
{
  OvhRecord *record;

  if (saved == NULL)
    return NULL;
  record = ovh_record_new (ovh_zone_get_name (self->zone), saved->sub_domain, saved->field_type,
                           saved->target, saved->ttl);
  ovh_record_set_id (record, saved->id);
  return record;
}

/* Whether item can join the changes kept so far: its new values pass the same checks as
 * typed ones, and an existing record has at most one update or delete. */
static gboolean
saved_change_fits (OvhChangeset *self, const SavedChange *item, GHashTable *used_ids)
{
  g_autoptr (OvhRecord) after = record_for_zone (self, item->after);

  if (after != NULL && !ovh_record_check (after, NULL))
    return FALSE;
  /* An update keeps its record's type (a type change is a delete and a create). */
  if (item->kind == OVH_CHANGE_KIND_UPDATE
      && g_ascii_strcasecmp (item->before->field_type, item->after->field_type) != 0)
    return FALSE;
  if (item->kind != OVH_CHANGE_KIND_CREATE)
    {
      if (item->before->id != item->record_id || g_hash_table_contains (used_ids, &item->record_id))
        return FALSE;
      g_hash_table_add (used_ids, g_memdup2 (&item->record_id, sizeof item->record_id));
    }
  return TRUE;
}

/* A file is checked as a whole before it is staged: a change that does not fit the others is
 * left out rather than trusted (the changeset indexes changes by record and links the halves
 * of a type change, so a duplicate would leave a dangling link), and the rest is kept. */
gboolean
ovh_changeset_stage_saved (OvhChangeset *self,
                           const OvhSavedChanges *saved,
                           const char *path,
                           GError **error)
{
  g_autoptr (GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) used_ids
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) deletes = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) kept = g_ptr_array_new (); /* the SavedChange of each loaded change */
  guint n_dropped = 0;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (saved != NULL, FALSE);

  if (!ovh_changeset_check_not_busy (self, error))
    return FALSE;
  if (g_strcmp0 (saved->zone, ovh_zone_get_name (self->zone)) != 0)
    return ovh_changeset_file_error (error, path);

  for (guint i = 0; i < saved->changes->len; i++)
    {
      const SavedChange *item = g_ptr_array_index (saved->changes, i);
      OvhChange *change;

      if (!saved_change_fits (self, item, used_ids))
        {
          n_dropped++;
          continue;
        }
      change = ovh_change_new (item->kind, item->record_id, record_for_zone (self, item->before),
                               record_for_zone (self, item->after));
      if (item->unconfirmed)
        ovh_change_set_outcome (change, OVH_CHANGE_OUTCOME_UNKNOWN, TRUE);
      g_ptr_array_add (loaded, change);
      g_ptr_array_add (kept, (gpointer) item);
      if (item->kind == OVH_CHANGE_KIND_DELETE)
        g_hash_table_insert (deletes, (gpointer) &item->record_id, change);
    }

  /* A create is the other half of a type change when its delete is there and not already
   * taken by another create. With its delete already applied (not in the file) it keeps
   * naming the record it replaces; otherwise it is a plain create. */
  for (guint i = 0; i < loaded->len; i++)
    {
      const SavedChange *item = g_ptr_array_index (kept, i);
      OvhChange *change = g_ptr_array_index (loaded, i);
      OvhChange *delete;

      if (item->kind != OVH_CHANGE_KIND_CREATE || item->replaces_id == 0)
        continue;
      delete = g_hash_table_lookup (deletes, &item->replaces_id);
      if (delete == NULL && !g_hash_table_contains (used_ids, &item->replaces_id))
        ovh_change_set_replaces_id (change, item->replaces_id);
      if (delete == NULL || ovh_change_get_partner (delete) != NULL)
        continue;
      ovh_change_set_replaces_id (change, item->replaces_id);
      ovh_change_set_partner (change, delete);
      ovh_change_set_partner (delete, change);
    }

  if (n_dropped > 0)
    g_message ("Left out %u saved changes of %s that do not fit the others", n_dropped, path);

  /* Everything read: only now does the set change. */
  ovh_changeset_discard_all (self);
  for (guint i = 0; i < loaded->len; i++)
    ovh_changeset_add_change (self, g_ptr_array_index (loaded, i));

  ovh_changeset_set_needs_publish (self, saved->needs_publish);
  return TRUE;
}

OvhSavedChanges *
ovh_saved_changes_read (const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) contents = NULL;
  char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        ovh_changeset_file_error (error, path);
      return NULL;
    }
  contents = g_bytes_new_take (text, length);
  return ovh_saved_changes_parse (contents, path, error);
}

gboolean
ovh_changeset_load_from_file (OvhChangeset *self, const char *path, GError **error)
{
  g_autoptr (OvhSavedChanges) saved = NULL;

  g_return_val_if_fail (OVH_IS_CHANGESET (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ovh_changeset_check_not_busy (self, error))
    return FALSE;

  saved = ovh_saved_changes_read (path, error);
  if (saved == NULL)
    return FALSE;
  return ovh_changeset_stage_saved (self, saved, path, error);
}
