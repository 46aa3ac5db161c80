/* ovh-zone-snapshot.c: local copies of a zone's records, taken before each publish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ovh-record.h"
#include "ovh-zone-diff.h"
#include "ovh-zone-snapshot.h"

/* One path segment: escaped, and never "." or "..". */
static char *
segment (const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  if (escaped[0] == '.' || escaped[0] == '\0')
    return g_strconcat ("%2E", escaped + (escaped[0] == '.'), NULL);
  return g_steal_pointer (&escaped);
}

char *
ovh_zone_snapshot_dup_dir (const char *base_dir, const char *account, const char *zone)
{
  g_autofree char *account_segment = NULL;
  g_autofree char *zone_segment = NULL;

  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (zone != NULL && zone[0] != '\0', NULL);

  account_segment = segment (account);
  zone_segment = segment (zone);
  if (base_dir != NULL)
    return g_build_filename (base_dir, account_segment, zone_segment, NULL);
  return g_build_filename (g_get_user_data_dir (), "domaine", "snapshots", account_segment,
                           zone_segment, NULL);
}

static char *
snapshot_path (const char *dir, gint64 time)
{
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT ".json", time);

  return g_build_filename (dir, name, NULL);
}

gboolean
ovh_zone_snapshot_save (const char *base_dir,
                        const char *account,
                        const char *zone,
                        GListModel *records,
                        gint64 *time_out,
                        GError **error)
{
  g_autofree char *dir = ovh_zone_snapshot_dup_dir (base_dir, account, zone);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  JsonArray *array = json_array_new ();
  gint64 now = g_get_real_time ();
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), FALSE);

  n_items = g_list_model_get_n_items (records);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (records, i);

      if (OVH_IS_RECORD (item))
        json_array_add_element (array, ovh_zone_diff_record_to_json (OVH_RECORD (item)));
    }
  json_node_take_array (root, array);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a folder, then an error message */
                   _ ("Cannot create “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Two publishes within the same microsecond keep both. */
  path = snapshot_path (dir, now);
  while (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = snapshot_path (dir, ++now);
    }
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (time_out != NULL)
    *time_out = now;
  ovh_zone_snapshot_prune (base_dir, account, zone, now);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

GArray *
ovh_zone_snapshot_list (const char *base_dir, const char *account, const char *zone)
{
  g_autofree char *dir_path = ovh_zone_snapshot_dup_dir (base_dir, account, zone);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;
      guint64 time;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      stem = g_strndup (name, strlen (name) - strlen (".json"));
      if (g_ascii_string_to_unsigned (stem, 10, 1, G_MAXINT64, &time, NULL))
        {
          gint64 value = (gint64) time;

          g_array_append_val (times, value);
        }
    }

  g_array_sort (times, compare_newest_first);
  return times;
}

GPtrArray *
ovh_zone_snapshot_load (
    const char *base_dir, const char *account, const char *zone, gint64 time, GError **error)
{
  g_autofree char *dir = ovh_zone_snapshot_dup_dir (base_dir, account, zone);
  g_autofree char *path = snapshot_path (dir, time);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) records = NULL;
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: a file name */
                   _ ("“%s” is not a snapshot of records"), path);
      return NULL;
    }

  array = json_node_get_array (root);
  records = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      OvhRecord *record = ovh_record_new_from_json (json_array_get_element (array, i), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

void
ovh_zone_snapshot_prune (const char *base_dir, const char *account, const char *zone, gint64 now)
{
  g_autofree char *dir = ovh_zone_snapshot_dup_dir (base_dir, account, zone);
  g_autoptr (GArray) times = ovh_zone_snapshot_list (base_dir, account, zone);
  gint64 oldest = now - (gint64) OVH_ZONE_SNAPSHOT_MAX_AGE_DAYS * G_TIME_SPAN_DAY;

  for (guint i = 0; i < times->len; i++)
    {
      gint64 time = g_array_index (times, gint64, i);

      if (i >= OVH_ZONE_SNAPSHOT_MAX_COUNT || time < oldest)
        {
          g_autofree char *path = snapshot_path (dir, time);

          if (g_unlink (path) != 0)
            g_debug ("Cannot remove the snapshot %s: %s", path, g_strerror (errno));
        }
    }
}
