/* ovh-zone-template-save.c: a user template made from records of a zone
 *
 * Every mention of the zone's name (as a whole name or as the end of one) becomes {zone}, so
 * the template applies to any zone; the sets it holds, TXT aside, become what it replaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ovh-record.h"
#include "ovh-zone-template.h"

#define TEMPLATE_SUFFIX ".domaine-template"

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* line with each whole-label mention of zone (any case) replaced by {zone}. */
static char *
parameterise_zone (const char *line, const char *zone)
{
  GString *out = g_string_new (NULL);
  gsize zone_length = strlen (zone);
  const char *p = line;

  while (*p != '\0')
    {
      gboolean starts_label = p == line || !is_name_char (p[-1]);
      char after = *p != '\0' && strlen (p) >= zone_length ? p[zone_length] : 'x';
      /* The zone's name ends the name it is in: "mail.example.com." but not
       * "example.com.example.net.". */
      gboolean ends_name
          = !is_name_char (after) && (after != '.' || !is_name_char (p[zone_length + 1]));

      if (starts_label && ends_name && g_ascii_strncasecmp (p, zone, zone_length) == 0)
        {
          g_string_append (out, "{zone}");
          p += zone_length;
          continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* A file name from a title: lower-case letters, digits and dashes. */
static char *
id_from_title (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  GString *id = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "template");
  return g_string_free (id, FALSE);
}

char *
ovh_zone_template_data_from_records (const char *title,
                                     const char *zone,
                                     GPtrArray *records,
                                     GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GStrvBuilder) replaces = g_strv_builder_new ();
  g_autoptr (GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (GStrv) replace_list = NULL;
  g_autofree char *description = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (zone != NULL && *zone != '\0', NULL);
  g_return_val_if_fail (records != NULL, NULL);

  trimmed = g_strstrip (g_strdup (title));
  if (trimmed[0] == '\0' || strchr (title, '\n') != NULL)
    {
      g_set_error_literal (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                           _ ("Give the template a name"));
      return NULL;
    }
  if (records->len == 0)
    {
      g_set_error_literal (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                           _ ("Select the records the template is made of"));
      return NULL;
    }

  /* Translators: the description of a template saved by the user; %s is a zone name */
  description = g_strdup_printf (_ ("Records saved from %s"), zone);
  g_key_file_set_string (file, "Template", "Title", trimmed);
  g_key_file_set_string (file, "Template", "Description", description);
  g_key_file_set_string (file, "Template", "Category", _ ("Saved"));

  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      g_autofree char *line = ovh_record_format_zone_line (record);
      g_autofree char *parameterised = NULL;
      g_autofree char *key = g_strdup_printf ("r%u", i + 1);
      g_autofree char *set = NULL;
      const char *type = ovh_record_get_field_type (record);
      const char *name = ovh_record_get_sub_domain (record);

      /* Templates read {…} as their parameters: such a value could not be told apart. */
      if (strchr (line, '{') != NULL || strchr (line, '}') != NULL)
        {
          g_set_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                       /* Translators: %s is a record's zone-file line */
                       _ ("“%s” holds a brace, which templates keep for their parameters"), line);
          return NULL;
        }
      parameterised = parameterise_zone (line, zone);
      g_key_file_set_value (file, "Records", key, parameterised);

      if (g_str_equal (type, "TXT") || g_str_equal (type, "SPF") || g_str_equal (type, "DKIM")
          || g_str_equal (type, "DMARC"))
        continue;
      set = g_strdup_printf ("%s %s", *name != '\0' ? name : "@", type);
      if (g_hash_table_add (sets, g_strdup (set)))
        g_strv_builder_add (replaces, set);
    }
  replace_list = g_strv_builder_end (replaces);
  if (replace_list[0] != NULL)
    g_key_file_set_string_list (file, "Template", "Replaces", (const char *const *) replace_list,
                                g_strv_length (replace_list));
  return g_key_file_to_data (file, NULL, error);
}

OvhZoneTemplate *
ovh_zone_template_save_records (const char *title,
                                const char *zone,
                                GPtrArray *records,
                                GError **error)
{
  g_autofree char *data = ovh_zone_template_data_from_records (title, zone, records, error);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "domaine", "templates", NULL);
  g_autofree char *base = id_from_title (title);
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autoptr (OvhZoneTemplate) template = NULL;

  if (data == NULL)
    return NULL;
  /* Read back first: what is saved is what will be listed. */
  template = ovh_zone_template_new_from_data (base, data, strlen (data), error);
  if (template == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("The template could not be saved: %s"), g_strerror (saved_errno));
      return NULL;
    }
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (id);
      g_free (path);
      id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      path = g_strconcat (dir, G_DIR_SEPARATOR_S, id, TEMPLATE_SUFFIX, NULL);
    }
  if (!g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return ovh_zone_template_find (id, error);
}
