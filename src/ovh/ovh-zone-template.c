/* ovh-zone-template.c: record sets with parameters, read from key files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-templates-resources.h"
#include "ovh-zone-file.h"
#include "ovh-zone-template.h"

#define TEMPLATE_SUFFIX ".domaine-template"
#define SHIPPED_PATH "/io/github/domaine/libovh/templates/"
#define MAX_VALUE_LENGTH 2048

G_DEFINE_QUARK (ovh - zone - template - error - quark, ovh_zone_template_error)

struct _OvhZoneTemplate
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *category;
  gboolean user;
  GPtrArray *parameters; /* OvhZoneTemplateParameter */
  GStrv replaces;        /* "NAME TYPE" */
  GStrv lines;           /* zone-file lines with placeholders */
};

G_DEFINE_FINAL_TYPE (OvhZoneTemplate, ovh_zone_template, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
parameter_free (OvhZoneTemplateParameter *parameter)
{
  g_free (parameter->key);
  g_free (parameter->label);
  g_free (parameter->default_value);
  g_free (parameter);
}

static void
ovh_zone_template_finalize (GObject *object)
{
  OvhZoneTemplate *self = OVH_ZONE_TEMPLATE (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->category);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_strfreev (self->replaces);
  g_strfreev (self->lines);
  G_OBJECT_CLASS (ovh_zone_template_parent_class)->finalize (object);
}

static void
ovh_zone_template_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhZoneTemplate *self = OVH_ZONE_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_USER:
      g_value_set_boolean (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_zone_template_class_init (OvhZoneTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_zone_template_finalize;
  object_class->get_property = ovh_zone_template_get_property;

  properties[PROP_ID]
      = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER]
      = g_param_spec_boolean ("user", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_zone_template_init (OvhZoneTemplate *self)
{
  self->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) parameter_free);
}

static gboolean
is_key (const char *key)
{
  if (key == NULL || *key == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
invalid (GError **error, const char *id, const char *why)
{
  /* Translators: a template's name, then what is wrong with its file */
  g_set_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_INVALID,
               _ ("The template “%s” cannot be read: %s"), id, why);
  return FALSE;
}

static OvhZoneTemplateParameter *
find_parameter (OvhZoneTemplate *self, const char *key, gsize length)
{
  for (guint i = 0; i < self->parameters->len; i++)
    {
      OvhZoneTemplateParameter *parameter = g_ptr_array_index (self->parameters, i);

      if (strlen (parameter->key) == length && strncmp (parameter->key, key, length) == 0)
        return parameter;
    }
  return NULL;
}

/* Every {placeholder} of every line names a parameter or the zone. */
static gboolean
check_placeholders (OvhZoneTemplate *self, GError **error)
{
  for (guint i = 0; self->lines[i] != NULL; i++)
    for (const char *open = strchr (self->lines[i], '{'); open != NULL;
         open = strchr (open + 1, '{'))
      {
        const char *close = strchr (open, '}');
        gsize length = close != NULL ? (gsize) (close - open - 1) : 0;

        if (close == NULL)
          return invalid (error, self->id, _ ("a “{” is not closed"));
        if (!(length == 4 && strncmp (open + 1, "zone", 4) == 0)
            && find_parameter (self, open + 1, length) == NULL)
          return invalid (error, self->id, _ ("a record names a parameter that is not declared"));
      }
  return TRUE;
}

static gboolean
read_parameters (OvhZoneTemplate *self, GKeyFile *file, GError **error)
{
  g_auto (GStrv) groups = g_key_file_get_groups (file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      OvhZoneTemplateParameter *parameter;
      g_autofree char *kind = NULL;

      if (!g_str_has_prefix (groups[i], "Parameter "))
        continue;
      if (!is_key (groups[i] + strlen ("Parameter ")))
        return invalid (error, self->id, _ ("a parameter’s name may hold only a–z, 0–9 and _"));
      parameter = g_new0 (OvhZoneTemplateParameter, 1);
      g_ptr_array_add (self->parameters, parameter);
      parameter->key = g_strdup (groups[i] + strlen ("Parameter "));
      parameter->label = g_key_file_get_locale_string (file, groups[i], "Label", NULL, NULL);
      if (parameter->label == NULL)
        return invalid (error, self->id, _ ("a parameter has no label"));
      parameter->default_value = g_key_file_get_string (file, groups[i], "Default", NULL);
      parameter->optional = g_key_file_get_boolean (file, groups[i], "Optional", NULL);
      kind = g_key_file_get_string (file, groups[i], "Kind", NULL);
      if (kind == NULL || g_str_equal (kind, "name"))
        parameter->kind = OVH_ZONE_TEMPLATE_PARAMETER_NAME;
      else if (g_str_equal (kind, "text"))
        parameter->kind = OVH_ZONE_TEMPLATE_PARAMETER_TEXT;
      else
        return invalid (error, self->id, _ ("a parameter’s kind must be “name” or “text”"));
    }
  return TRUE;
}

OvhZoneTemplate *
ovh_zone_template_new_from_data (const char *id, const char *data, gsize length, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (OvhZoneTemplate) self = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) keys = NULL;
  g_autoptr (GStrvBuilder) lines = g_strv_builder_new ();
  gsize n_keys = 0;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (OVH_TYPE_ZONE_TEMPLATE, NULL);
  self->id = g_strdup (id);
  if (!g_utf8_validate (data, length, NULL))
    return invalid (error, id, _ ("it is not UTF-8 text")), NULL;
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, &local_error))
    return invalid (error, id, local_error->message), NULL;

  self->title = g_key_file_get_locale_string (file, "Template", "Title", NULL, NULL);
  if (self->title == NULL)
    return invalid (error, id, _ ("it has no title")), NULL;
  self->description = g_key_file_get_locale_string (file, "Template", "Description", NULL, NULL);
  if (self->description == NULL)
    self->description = g_strdup ("");
  self->category = g_key_file_get_locale_string (file, "Template", "Category", NULL, NULL);
  if (self->category == NULL)
    self->category = g_strdup (_ ("Other"));
  self->replaces = g_key_file_get_string_list (file, "Template", "Replaces", NULL, NULL);
  if (self->replaces == NULL)
    self->replaces = g_new0 (char *, 1);

  if (!read_parameters (self, file, error))
    return NULL;

  /* Raw values: a record's text keeps its quotes and backslashes as a zone file has them. */
  keys = g_key_file_get_keys (file, "Records", &n_keys, NULL);
  for (gsize i = 0; i < n_keys; i++)
    {
      g_autofree char *line = g_key_file_get_value (file, "Records", keys[i], NULL);

      g_strv_builder_add (lines, line);
    }
  if (n_keys == 0)
    return invalid (error, id, _ ("it has no records")), NULL;
  self->lines = g_strv_builder_end (lines);
  if (!check_placeholders (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
ovh_zone_template_get_id (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return self->id;
}

const char *
ovh_zone_template_get_title (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return self->title;
}

const char *
ovh_zone_template_get_description (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return self->description;
}

const char *
ovh_zone_template_get_category (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return self->category;
}

gboolean
ovh_zone_template_get_user (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), FALSE);
  return self->user;
}

const char *const *
ovh_zone_template_get_replaces (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return (const char *const *) self->replaces;
}

const char *const *
ovh_zone_template_get_record_lines (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return (const char *const *) self->lines;
}

GPtrArray *
ovh_zone_template_get_parameters (OvhZoneTemplate *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  return self->parameters;
}

/* --- Expanding ---------------------------------------------------------------------------- */

static gboolean
value_is_valid (OvhZoneTemplateParameter *parameter, const char *value, GError **error)
{
  gboolean ok = strlen (value) <= MAX_VALUE_LENGTH && g_utf8_validate (value, -1, NULL);

  for (const char *p = value; ok && *p != '\0'; p++)
    {
      if (parameter->kind == OVH_ZONE_TEMPLATE_PARAMETER_NAME)
        ok = g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_' || *p == '*';
      else
        ok = *p != '"' && *p != '\\' && *p != '\n' && *p != '\r' && *p != ';';
    }
  if (!ok)
    g_set_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                 parameter->kind == OVH_ZONE_TEMPLATE_PARAMETER_NAME
                     /* Translators: the name of a template's parameter */
                     ? _ ("“%s” must be a host name: letters, digits, “-”, “_” and dots")
                     : _ ("“%s” must be one line of text without quotes, backslashes or “;”"),
                 parameter->label);
  return ok;
}

/* The line with its placeholders filled; NULL (no error) when it uses an empty optional one. */
static char *
fill_line (OvhZoneTemplate *self, const char *line, const char *zone, GHashTable *values)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = line;

  for (const char *open; (open = strchr (p, '{')) != NULL; p = strchr (open, '}') + 1)
    {
      const char *close = strchr (open, '}');
      gsize length = close - open - 1;
      OvhZoneTemplateParameter *parameter;
      const char *value;

      g_string_append_len (out, p, open - p);
      if (length == 4 && strncmp (open + 1, "zone", 4) == 0)
        {
          g_string_append (out, zone);
          continue;
        }
      parameter = find_parameter (self, open + 1, length);
      value = values != NULL ? g_hash_table_lookup (values, parameter->key) : NULL;
      if (value == NULL || *value == '\0')
        value = parameter->default_value;
      if (value == NULL || *value == '\0')
        return NULL;
      g_string_append (out, value);
    }
  g_string_append (out, p);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
ovh_zone_template_expand (OvhZoneTemplate *self,
                          const char *zone,
                          GHashTable *values,
                          GError **error)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) records = NULL;

  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (self), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  for (guint i = 0; i < self->parameters->len; i++)
    {
      OvhZoneTemplateParameter *parameter = g_ptr_array_index (self->parameters, i);
      const char *value = values != NULL ? g_hash_table_lookup (values, parameter->key) : NULL;

      if ((value == NULL || *value == '\0') && parameter->default_value == NULL
          && !parameter->optional)
        {
          /* Translators: the name of a template's parameter */
          g_set_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                       _ ("“%s” is required"), parameter->label);
          return NULL;
        }
      if (value != NULL && !value_is_valid (parameter, value, error))
        return NULL;
    }
  if (values != NULL)
    {
      GHashTableIter iter;
      const char *key;

      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        if (find_parameter (self, key, strlen (key)) == NULL)
          {
            /* Translators: a parameter name, then a template's name */
            g_set_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                         _ ("“%s” is not a parameter of “%s”"), key, self->title);
            return NULL;
          }
    }

  for (guint i = 0; self->lines[i] != NULL; i++)
    {
      g_autofree char *line = fill_line (self, self->lines[i], zone, values);

      if (line != NULL)
        g_string_append_printf (text, "%s\n", line);
    }

  /* As OVH types them: "v=spf1 …" is SPF, "v=DMARC1…" at _dmarc DMARC, "v=DKIM1…" DKIM. */
  records
      = ovh_zone_file_parse_full (text->str, zone, OVH_ZONE_FILE_PARSE_DETECT_TYPED_TXT, &problems);
  if (records == NULL || (problems != NULL && problems->len > 0))
    {
      const OvhZoneFileProblem *problem
          = problems != NULL && problems->len > 0 ? g_ptr_array_index (problems, 0) : NULL;

      if (problem != NULL && problem->code == OVH_ZONE_FILE_ERROR_INVALID)
        g_set_error_literal (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER,
                             problem->message);
      else
        invalid (error, self->id, problem != NULL ? problem->message : _ ("a record is not valid"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

/* --- The library --------------------------------------------------------------------------- */

static int
compare_titles (gconstpointer a, gconstpointer b)
{
  OvhZoneTemplate *ta = *(OvhZoneTemplate **) a;
  OvhZoneTemplate *tb = *(OvhZoneTemplate **) b;

  return g_utf8_collate (ta->title, tb->title);
}

static char *
id_of (const char *file_name)
{
  return g_strndup (file_name, strlen (file_name) - strlen (TEMPLATE_SUFFIX));
}

static void
add_shipped (GPtrArray *templates)
{
  GResource *resource = ovh_templates_get_resource ();
  g_auto (GStrv) names
      = g_resource_enumerate_children (resource, SHIPPED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SHIPPED_PATH, names[i], NULL);
      g_autofree char *id = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      OvhZoneTemplate *template;
      gsize size;
      const char *data;

      if (!g_str_has_suffix (names[i], TEMPLATE_SUFFIX))
        continue;
      bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      id = id_of (names[i]);
      data = g_bytes_get_data (bytes, &size);
      template = ovh_zone_template_new_from_data (id, data, size, &error);
      /* Shipped templates are tested: one that does not read is a build fault. */
      if (template == NULL)
        g_critical ("%s", error->message);
      else
        g_ptr_array_add (templates, template);
    }
}

static char *
user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "domaine", "templates", NULL);
}

static void
add_user (GPtrArray *templates, GPtrArray *problems)
{
  g_autofree char *dir_path = user_dir ();
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *id = NULL;
      g_autofree char *data = NULL;
      g_autoptr (GError) error = NULL;
      OvhZoneTemplate *template;
      gsize length;

      if (!g_str_has_suffix (name, TEMPLATE_SUFFIX))
        continue;
      id = id_of (name);
      if (!g_file_get_contents (path, &data, &length, &error)
          || (template = ovh_zone_template_new_from_data (id, data, length, &error)) == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup (error->message));
          continue;
        }
      template->user = TRUE;
      g_ptr_array_add (templates, template);
    }
}

GPtrArray *
ovh_zone_template_list_all (GPtrArray **problems)
{
  GPtrArray *templates = g_ptr_array_new_with_free_func (g_object_unref);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  add_shipped (templates);
  add_user (templates, problems != NULL ? *problems : NULL);
  g_ptr_array_sort (templates, compare_titles);
  return templates;
}

OvhZoneTemplate *
ovh_zone_template_find (const char *id, GError **error)
{
  g_autoptr (GPtrArray) templates = ovh_zone_template_list_all (NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      OvhZoneTemplate *template = g_ptr_array_index (templates, i);

      if (g_str_equal (template->id, id))
        return g_object_ref (template);
    }
  g_set_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_NOT_FOUND,
               _ ("There is no template named “%s”"), id);
  return NULL;
}
