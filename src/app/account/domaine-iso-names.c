/* domaine-iso-names.c: countries, languages and currencies by name, in the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the iso-codes package (Debian's iso-codes, GNOME's runtime): its JSON tables under a
 * system data directory, and its gettext domains beside them. Read once, on first use.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "domaine-iso-names.h"

typedef struct
{
  const char *standard; /* "3166-1": the file, the JSON member and the gettext domain */
  const char *key;      /* the member the codes are looked up by */
  GHashTable *names;    /* code (upper case) → English name */
} Table;

static Table countries = { "3166-1", "alpha_2", NULL };
static Table languages = { "639-2", "alpha_2", NULL };
static Table currencies = { "4217", "alpha_3", NULL };

static void
load (Table *table)
{
  const char *const *dirs = g_get_system_data_dirs ();
  g_autofree char *file = g_strdup_printf ("iso_%s.json", table->standard);

  table->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "iso-codes", "json", file, NULL);
      g_autofree char *locale_dir = g_build_filename (dirs[i], "locale", NULL);
      g_autofree char *domain = g_strdup_printf ("iso_%s", table->standard);
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonArray *entries;

      if (!json_parser_load_from_mapped_file (parser, path, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root)
          || !json_object_has_member (json_node_get_object (root), table->standard))
        continue;
      entries = json_object_get_array_member (json_node_get_object (root), table->standard);
      for (guint j = 0; entries != NULL && j < json_array_get_length (entries); j++)
        {
          JsonObject *entry = json_array_get_object_element (entries, j);
          const char *code = json_object_get_string_member_with_default (entry, table->key, NULL);
          const char *name = json_object_get_string_member_with_default (entry, "name", NULL);

          if (code != NULL && name != NULL)
            g_hash_table_insert (table->names, g_ascii_strup (code, -1), g_strdup (name));
        }
      bindtextdomain (domain, locale_dir);
      bind_textdomain_codeset (domain, "UTF-8");
      return;
    }
}

static char *
lookup (Table *table, const char *code)
{
  g_autofree char *key = NULL;
  g_autofree char *domain = NULL;
  const char *name;

  if (code == NULL)
    return NULL;
  if (g_once_init_enter (&table->names))
    {
      Table loaded = *table;

      load (&loaded);
      g_once_init_leave (&table->names, loaded.names);
    }
  key = g_ascii_strup (code, -1);
  name = g_hash_table_lookup (table->names, key);
  if (name == NULL)
    return g_strdup (code);
  domain = g_strdup_printf ("iso_%s", table->standard);
  return g_strdup (g_dgettext (domain, name));
}

char *
domaine_iso_dup_country_name (const char *alpha_2)
{
  return lookup (&countries, alpha_2);
}

char *
domaine_iso_dup_language_name (const char *locale)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *language = NULL;
  g_autofree char *country = NULL;

  if (locale == NULL)
    return NULL;
  /* "fr_FR", "fr-FR", "fr_FR.UTF-8@euro" */
  parts = g_strsplit_set (locale, "_-.@", 3);
  language = lookup (&languages, parts[0]);
  if (parts[0] == NULL || g_str_equal (language, parts[0]))
    return g_strdup (locale);
  if (parts[1] == NULL || *parts[1] == '\0')
    return g_steal_pointer (&language);
  country = lookup (&countries, parts[1]);
  /* Translators: a language and where it is spoken, as in "French (France)". */
  return g_strdup_printf (C_ ("language and country", "%s (%s)"), language, country);
}

char *
domaine_iso_dup_currency_name (const char *alpha_3)
{
  return lookup (&currencies, alpha_3);
}
