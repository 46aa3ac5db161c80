/* ovh-record-notes.c: a note per record, kept on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes with an id are in a hash by id; notes of records not created yet (an import, a record
 * staged but not published) are in a hash by their name, type and value. Both are O(1), so a
 * table of 100,000 records asks for its notes without a scan. The file is small JSON:
 * {"version": 1, "notes": [{"id", "subDomain", "fieldType", "target", "note"}, …]}.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ovh-record-notes.h"

#define FORMAT_VERSION 1

typedef struct
{
  guint64 id; /* 0: not created yet */
  char *sub_domain;
  char *field_type;
  char *target;
  char *text;
} Note;

struct _OvhRecordNotes
{
  GObject parent_instance;

  char *path;
  GHashTable *by_id;   /* guint64* (in the Note) → Note*, owned */
  GHashTable *unbound; /* key (owned) → Note*, owned: notes without an id */
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (OvhRecordNotes, ovh_record_notes, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_N_NOTES,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
note_free (Note *note)
{
  g_free (note->sub_domain);
  g_free (note->field_type);
  g_free (note->target);
  g_free (note->text);
  g_free (note);
}

/* Names are case-insensitive in the DNS, values are not. */
static char *
make_key (const char *sub_domain, const char *field_type, const char *target)
{
  g_autofree char *lower = g_ascii_strdown (sub_domain != NULL ? sub_domain : "", -1);
  g_autofree char *type = g_ascii_strup (field_type != NULL ? field_type : "", -1);

  return g_strconcat (lower, "\x1f", type, "\x1f", target != NULL ? target : "", NULL);
}

static char *
record_key (OvhRecord *record)
{
  return make_key (ovh_record_get_sub_domain (record), ovh_record_get_field_type (record),
                   ovh_record_get_target (record));
}

static char *
note_key (const Note *note)
{
  return make_key (note->sub_domain, note->field_type, note->target);
}

gboolean
ovh_record_notes_is_note (const char *note)
{
  if (note == NULL)
    return FALSE;
  for (const char *p = note; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* Valid UTF-8, no surrounding white space, at most OVH_RECORD_NOTES_MAX_LENGTH bytes. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  char *stripped = g_strstrip (valid);
  gsize length = strlen (stripped);

  if (length > OVH_RECORD_NOTES_MAX_LENGTH)
    {
      const char *end
          = g_utf8_find_prev_char (stripped, stripped + OVH_RECORD_NOTES_MAX_LENGTH + 1);

      length = end != NULL ? (gsize) (end - stripped) : 0;
    }
  /* Cut, it may end in white space again. */
  return g_strchomp (g_strndup (stripped, length));
}

static void
emit_changed (OvhRecordNotes *self, guint n_before)
{
  self->dirty = TRUE;
  if (n_before != ovh_record_notes_get_n_notes (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTES]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Paths --------------------------------------------------------------------------------------- */

static gboolean
is_safe_name (const char *name)
{
  return name != NULL && name[0] != '\0' && name[0] != '.' && strchr (name, '/') == NULL
         && strchr (name, '\\') == NULL && strstr (name, "..") == NULL;
}

char *
ovh_record_notes_dup_path (const char *base_dir, const char *account_id, const char *zone)
{
  g_autofree char *file_name = NULL;

  if (!is_safe_name (account_id) || !is_safe_name (zone))
    return NULL;
  file_name = g_strconcat (zone, ".json", NULL);
  if (base_dir != NULL)
    return g_build_filename (base_dir, account_id, file_name, NULL);
  return g_build_filename (g_get_user_data_dir (), "domaine", "notes", account_id, file_name, NULL);
}

OvhRecordNotes *
ovh_record_notes_new (const char *path)
{
  return g_object_new (OVH_TYPE_RECORD_NOTES, "path", path, NULL);
}

OvhRecordNotes *
ovh_record_notes_open (const char *base_dir,
                       const char *account_id,
                       const char *zone,
                       GError **error)
{
  g_autofree char *path = ovh_record_notes_dup_path (base_dir, account_id, zone);
  g_autoptr (OvhRecordNotes) self = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _ ("The notes of %s cannot be kept under the name “%s”"),
                   zone != NULL ? zone : "", account_id != NULL ? account_id : "");
      return NULL;
    }
  self = ovh_record_notes_new (path);
  if (!ovh_record_notes_load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ovh_record_notes_get_path (OvhRecordNotes *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), NULL);
  return self->path;
}

guint
ovh_record_notes_get_n_notes (OvhRecordNotes *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), 0);
  return g_hash_table_size (self->by_id) + g_hash_table_size (self->unbound);
}

/* Adding, in memory ------------------------------------------------------------------------- */

/* Takes note; a note already there for its id or key is replaced. */
static void
insert_note (GHashTable *by_id, GHashTable *unbound, Note *note)
{
  if (note->id != 0)
    g_hash_table_replace (by_id, &note->id, note);
  else
    g_hash_table_replace (unbound, note_key (note), note);
}

static Note *
note_new (guint64 id,
          const char *sub_domain,
          const char *field_type,
          const char *target,
          const char *text)
{
  Note *note = g_new0 (Note, 1);

  note->id = id;
  note->sub_domain = g_strdup (sub_domain != NULL ? sub_domain : "");
  note->field_type = g_strdup (field_type != NULL ? field_type : "");
  note->target = g_strdup (target != NULL ? target : "");
  note->text = clean_text (text);
  return note;
}

/* Reading and writing ----------------------------------------------------------------------- */

static const char *
get_string_member (JsonObject *object, const char *name, gboolean *ok)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
invalid_data (GError **error, const char *what)
{
  /* Translators: %s says what is wrong in the notes file */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("The notes file is damaged: %s"),
               what);
  return FALSE;
}

gboolean
ovh_record_notes_parse (OvhRecordNotes *self, const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GHashTable) by_id = NULL;
  g_autoptr (GHashTable) unbound = NULL;
  g_autoptr (GError) local_error = NULL;
  guint n_before;
  JsonObject *root;
  JsonNode *version, *list;
  JsonArray *array;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate_len (data, (gsize) length, NULL))
    return invalid_data (error, _ ("it is not UTF-8 text"));
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    return invalid_data (error, local_error->message);

  /* An empty text parses, without a root. */
  root = json_parser_get_root (parser) != NULL
                 && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
             ? json_node_get_object (json_parser_get_root (parser))
             : NULL;
  version = root != NULL ? json_object_get_member (root, "version") : NULL;
  list = root != NULL ? json_object_get_member (root, "notes") : NULL;
  if (root == NULL || version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || list == NULL
      || !JSON_NODE_HOLDS_ARRAY (list))
    return invalid_data (error, _ ("it is not a list of notes"));
  if (json_node_get_int (version) != FORMAT_VERSION)
    return invalid_data (error, _ ("it was written by another version of Domaine"));

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) note_free);
  unbound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) note_free);
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *id_node = object != NULL ? json_object_get_member (object, "id") : NULL;
      const char *sub_domain, *field_type, *target, *text;
      gboolean ok = TRUE;
      gint64 id;

      if (object == NULL || id_node == NULL || !JSON_NODE_HOLDS_VALUE (id_node)
          || json_node_get_value_type (id_node) != G_TYPE_INT64)
        return invalid_data (error, _ ("a note has no record id"));
      id = json_node_get_int (id_node);
      sub_domain = get_string_member (object, "subDomain", &ok);
      field_type = get_string_member (object, "fieldType", &ok);
      target = get_string_member (object, "target", &ok);
      text = get_string_member (object, "note", &ok);
      if (id < 0 || !ok)
        return invalid_data (error, _ ("a note lacks its record’s name, type, value or text"));
      if (!ovh_record_notes_is_note (text))
        continue;
      insert_note (by_id, unbound, note_new ((guint64) id, sub_domain, field_type, target, text));
    }

  n_before = ovh_record_notes_get_n_notes (self);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->unbound);
  self->by_id = g_steal_pointer (&by_id);
  self->unbound = g_steal_pointer (&unbound);
  emit_changed (self, n_before);
  self->dirty = FALSE;
  return TRUE;
}

static int
compare_notes (gconstpointer a, gconstpointer b)
{
  const Note *na = *(const Note **) a;
  const Note *nb = *(const Note **) b;
  int cmp;

  if (na->id != nb->id)
    return na->id < nb->id ? -1 : 1;
  if ((cmp = strcmp (na->sub_domain, nb->sub_domain)) != 0)
    return cmp;
  if ((cmp = strcmp (na->field_type, nb->field_type)) != 0)
    return cmp;
  return strcmp (na->target, nb->target);
}

char *
ovh_record_notes_serialize (OvhRecordNotes *self)
{
  g_autoptr (GPtrArray) sorted = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), NULL);

  /* Sorted, so that the same notes always give the same file. */
  sorted = g_ptr_array_sized_new (ovh_record_notes_get_n_notes (self));
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_hash_table_iter_init (&iter, self->unbound);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_notes);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      const Note *note = g_ptr_array_index (sorted, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, (gint64) note->id);
      json_builder_set_member_name (builder, "subDomain");
      json_builder_add_string_value (builder, note->sub_domain);
      json_builder_set_member_name (builder, "fieldType");
      json_builder_add_string_value (builder, note->field_type);
      json_builder_set_member_name (builder, "target");
      json_builder_add_string_value (builder, note->target);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

gboolean
ovh_record_notes_load (OvhRecordNotes *self, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), FALSE);

  if (self->path == NULL)
    return TRUE;
  if (!g_file_get_contents (self->path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return ovh_record_notes_parse (self, "{\"version\": 1, \"notes\": []}", -1, error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }
  if (!ovh_record_notes_parse (self, contents, (gssize) length, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: a file name, then what is wrong with it */
                   _ ("Cannot read the notes in %s: %s"), self->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
ovh_record_notes_save (OvhRecordNotes *self, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), FALSE);

  if (self->path == NULL)
    {
      self->dirty = FALSE;
      return TRUE;
    }

  if (ovh_record_notes_get_n_notes (self) == 0)
    {
      if (g_unlink (self->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _ ("Cannot remove %s: %s"), self->path, g_strerror (saved_errno));
          return FALSE;
        }
      self->dirty = FALSE;
      return TRUE;
    }

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Cannot create the folder %s"), dir);
      return FALSE;
    }
  contents = ovh_record_notes_serialize (self);
  if (!g_file_set_contents_full (self->path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error))
    return FALSE;
  self->dirty = FALSE;
  return TRUE;
}

gboolean
ovh_record_notes_save_if_changed (OvhRecordNotes *self, GError **error)
{
  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), FALSE);
  return !self->dirty || ovh_record_notes_save (self, error);
}

/* Looking up and setting -------------------------------------------------------------------- */

const char *
ovh_record_notes_lookup_id (OvhRecordNotes *self, guint64 id)
{
  Note *note;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), NULL);

  note = id != 0 ? g_hash_table_lookup (self->by_id, &id) : NULL;
  return note != NULL ? note->text : NULL;
}

const char *
ovh_record_notes_lookup (OvhRecordNotes *self, OvhRecord *record)
{
  g_autofree char *key = NULL;
  Note *note;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), NULL);
  g_return_val_if_fail (OVH_IS_RECORD (record), NULL);

  if (ovh_record_get_id (record) != 0)
    return ovh_record_notes_lookup_id (self, ovh_record_get_id (record));
  if (g_hash_table_size (self->unbound) == 0)
    return NULL;
  key = record_key (record);
  note = g_hash_table_lookup (self->unbound, key);
  return note != NULL ? note->text : NULL;
}

gboolean
ovh_record_notes_set (OvhRecordNotes *self, OvhRecord *record, const char *text)
{
  guint64 id;
  guint n_before;
  Note *old;
  g_autofree char *key = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (record), FALSE);

  n_before = ovh_record_notes_get_n_notes (self);
  id = ovh_record_get_id (record);
  key = record_key (record);
  old = id != 0 ? g_hash_table_lookup (self->by_id, &id) : g_hash_table_lookup (self->unbound, key);

  if (!ovh_record_notes_is_note (text))
    {
      if (old == NULL)
        return FALSE;
      if (id != 0)
        g_hash_table_remove (self->by_id, &id);
      else
        g_hash_table_remove (self->unbound, key);
      emit_changed (self, n_before);
      return TRUE;
    }

  clean = clean_text (text);
  if (old != NULL && g_str_equal (old->text, clean)
      && g_str_equal (old->sub_domain, ovh_record_get_sub_domain (record))
      && g_str_equal (old->field_type, ovh_record_get_field_type (record))
      && g_str_equal (old->target, ovh_record_get_target (record)))
    return FALSE;

  insert_note (self->by_id, self->unbound,
               note_new (id, ovh_record_get_sub_domain (record), ovh_record_get_field_type (record),
                         ovh_record_get_target (record), clean));
  emit_changed (self, n_before);
  return TRUE;
}

/* Following records to new ids -------------------------------------------------------------- */

/* key → the one record with it, or AMBIGUOUS when several have it. */
#define AMBIGUOUS ((gpointer) 1)

static gboolean
update_from_record (Note *note, OvhRecord *record)
{
  const char *sub_domain = ovh_record_get_sub_domain (record);
  const char *field_type = ovh_record_get_field_type (record);
  const char *target = ovh_record_get_target (record);

  if (g_strcmp0 (note->sub_domain, sub_domain) == 0 && g_strcmp0 (note->field_type, field_type) == 0
      && g_strcmp0 (note->target, target) == 0)
    return FALSE;
  g_free (note->sub_domain);
  g_free (note->field_type);
  g_free (note->target);
  note->sub_domain = g_strdup (sub_domain != NULL ? sub_domain : "");
  note->field_type = g_strdup (field_type != NULL ? field_type : "");
  note->target = g_strdup (target != NULL ? target : "");
  return TRUE;
}

static OvhRecord *
unique_record (GHashTable *by_key, const Note *note)
{
  g_autofree char *key = note_key (note);
  gpointer record = g_hash_table_lookup (by_key, key);

  return record == AMBIGUOUS ? NULL : record;
}

static guint
follow (OvhRecordNotes *self, GPtrArray *records)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) id_keys = g_array_sized_new (FALSE, FALSE, sizeof (guint64), records->len);
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) stale = g_ptr_array_new ();
  guint n_before = ovh_record_notes_get_n_notes (self);
  gboolean changed = FALSE;
  guint moved = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (n_before == 0)
    return 0;

  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      guint64 id = ovh_record_get_id (record);

      if (id == 0)
        continue;
      /* Sized up front, so the keys never move. */
      g_array_append_val (id_keys, id);
      g_hash_table_insert (ids, &g_array_index (id_keys, guint64, id_keys->len - 1), record);
    }

  /* Notes whose record is still there take its current name, type and value. */
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Note *note = value;
      OvhRecord *record = g_hash_table_lookup (ids, &note->id);

      if (record != NULL)
        changed |= update_from_record (note, record);
      else
        g_ptr_array_add (stale, note);
    }

  /* Most of the time every note found its record: no record's content is read. Otherwise only
   * the records of a name some note waits for. */
  if (stale->len > 0 || g_hash_table_size (self->unbound) > 0)
    {
      g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < stale->len; i++)
        g_hash_table_add (names, g_ascii_strdown (((Note *) stale->pdata[i])->sub_domain, -1));
      g_hash_table_iter_init (&iter, self->unbound);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_hash_table_add (names, g_ascii_strdown (((Note *) value)->sub_domain, -1));

      for (guint i = 0; i < records->len; i++)
        {
          OvhRecord *record = g_ptr_array_index (records, i);
          g_autofree char *name = NULL;
          char *content;

          if (ovh_record_get_id (record) == 0)
            continue;
          name = g_ascii_strdown (ovh_record_get_sub_domain (record), -1);
          if (!g_hash_table_contains (names, name))
            continue;
          content = record_key (record);
          if (g_hash_table_contains (by_key, content))
            g_hash_table_replace (by_key, content, AMBIGUOUS);
          else
            g_hash_table_insert (by_key, content, record);
        }
    }

  /* Notes without an id (an import) say what the user wants now: they win. */
  g_hash_table_iter_init (&iter, self->unbound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Note *note = value;
      OvhRecord *record = unique_record (by_key, note);
      guint64 id;

      if (record == NULL)
        continue;
      id = ovh_record_get_id (record);
      g_hash_table_iter_steal (&iter);
      g_free (key);
      g_hash_table_remove (self->by_id, &id);
      note->id = id;
      g_hash_table_insert (self->by_id, &note->id, note);
      moved++;
    }

  /* Notes of records that went away go to the record that came back in their place. */
  for (guint i = 0; i < stale->len; i++)
    {
      Note *note = g_ptr_array_index (stale, i);
      OvhRecord *record = unique_record (by_key, note);
      guint64 id;

      if (record == NULL)
        continue;
      id = ovh_record_get_id (record);
      if (g_hash_table_contains (self->by_id, &id))
        continue;
      g_hash_table_steal (self->by_id, &note->id);
      note->id = id;
      g_hash_table_insert (self->by_id, &note->id, note);
      moved++;
    }

  if (changed || moved > 0)
    emit_changed (self, n_before);
  return moved;
}

guint
ovh_record_notes_follow_array (OvhRecordNotes *self, GPtrArray *records)
{
  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), 0);
  g_return_val_if_fail (records != NULL, 0);

  return follow (self, records);
}

guint
ovh_record_notes_follow (OvhRecordNotes *self, GListModel *records)
{
  g_autoptr (GPtrArray) array = NULL;
  guint n_items;

  g_return_val_if_fail (OVH_IS_RECORD_NOTES (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (records), 0);

  if (ovh_record_notes_get_n_notes (self) == 0)
    return 0;
  n_items = g_list_model_get_n_items (records);
  array = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      GObject *item = g_list_model_get_item (records, i);

      if (OVH_IS_RECORD (item))
        g_ptr_array_add (array, item);
      else
        g_clear_object (&item);
    }
  return follow (self, array);
}

/* GObject ----------------------------------------------------------------------------------- */

static void
ovh_record_notes_finalize (GObject *object)
{
  OvhRecordNotes *self = OVH_RECORD_NOTES (object);

  g_free (self->path);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->unbound);

  G_OBJECT_CLASS (ovh_record_notes_parent_class)->finalize (object);
}

static void
ovh_record_notes_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhRecordNotes *self = OVH_RECORD_NOTES (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_N_NOTES:
      g_value_set_uint (value, ovh_record_notes_get_n_notes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_notes_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  OvhRecordNotes *self = OVH_RECORD_NOTES (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_notes_class_init (OvhRecordNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_record_notes_finalize;
  object_class->get_property = ovh_record_notes_get_property;
  object_class->set_property = ovh_record_notes_set_property;

  properties[PROP_PATH]
      = g_param_spec_string ("path", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_NOTES]
      = g_param_spec_uint ("n-notes", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ovh_record_notes_init (OvhRecordNotes *self)
{
  self->by_id
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) note_free);
  self->unbound
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) note_free);
}
