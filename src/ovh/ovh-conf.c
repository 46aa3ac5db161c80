/* ovh-conf.c: accounts found in the official clients' ovh.conf files and OVH_* variables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The convention every official client shares: INI files read in order (later wins),
 *
 *   [default]
 *   endpoint=ovh-eu
 *
 *   [ovh-eu]
 *   application_key=…
 *   application_secret=…
 *   consumer_key=…
 *
 * then OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY,
 * which override the files for the default endpoint.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-conf.h"
#include "ovh-secret.h"

G_DEFINE_BOXED_TYPE (OvhConfCandidate,
                     ovh_conf_candidate,
                     ovh_conf_candidate_copy,
                     ovh_conf_candidate_free)

OvhConfCandidate *
ovh_conf_candidate_copy (const OvhConfCandidate *candidate)
{
  OvhConfCandidate *copy;

  g_return_val_if_fail (candidate != NULL, NULL);

  copy = g_new0 (OvhConfCandidate, 1);
  copy->endpoint = g_strdup (candidate->endpoint);
  copy->application_key = g_strdup (candidate->application_key);
  copy->application_secret = g_strdup (candidate->application_secret);
  copy->consumer_key = g_strdup (candidate->consumer_key);
  copy->source = g_strdup (candidate->source);
  copy->is_default = candidate->is_default;
  return copy;
}

void
ovh_conf_candidate_free (OvhConfCandidate *candidate)
{
  if (candidate == NULL)
    return;

  g_free (candidate->endpoint);
  g_free (candidate->application_key);
  ovh_secret_free (candidate->application_secret);
  ovh_secret_free (candidate->consumer_key);
  g_free (candidate->source);
  g_free (candidate);
}

OvhAccount *
ovh_conf_candidate_to_account (const OvhConfCandidate *candidate)
{
  g_return_val_if_fail (candidate != NULL, NULL);

  return ovh_account_new (candidate->endpoint, candidate->application_key,
                          candidate->application_secret, candidate->consumer_key);
}

char **
ovh_conf_get_default_paths (void)
{
  g_autofree char *current_dir = g_get_current_dir ();
  char **paths = g_new0 (char *, 4);

  paths[0] = g_strdup ("/etc/ovh.conf");
  paths[1] = g_build_filename (g_get_home_dir (), ".ovh.conf", NULL);
  paths[2] = g_build_filename (current_dir, "ovh.conf", NULL);
  return paths;
}

/* One value of the merged configuration, with where it came from. */
typedef struct
{
  char *value;
  char *source;
} Setting;

static void
setting_free (Setting *setting)
{
  ovh_secret_free (setting->value);
  g_free (setting->source);
  g_free (setting);
}

/* section → (key → Setting), plus the order in which sections first appeared */
typedef struct
{
  GHashTable *sections;
  GPtrArray *section_order;
} Conf;

static void
conf_clear (Conf *conf)
{
  g_clear_pointer (&conf->sections, g_hash_table_unref);
  g_clear_pointer (&conf->section_order, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Conf, conf_clear)

static void
conf_init (Conf *conf)
{
  conf->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_hash_table_unref);
  conf->section_order = g_ptr_array_new_with_free_func (g_free);
}

static void
conf_set (Conf *conf, const char *section, const char *key, const char *value, const char *source)
{
  GHashTable *settings = g_hash_table_lookup (conf->sections, section);
  Setting *setting;

  if (settings == NULL)
    {
      settings
          = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) setting_free);
      g_hash_table_insert (conf->sections, g_strdup (section), settings);
      g_ptr_array_add (conf->section_order, g_strdup (section));
    }

  setting = g_new0 (Setting, 1);
  setting->value = g_strdup (value);
  setting->source = g_strdup (source);
  g_hash_table_replace (settings, g_strdup (key), setting);
}

static const Setting *
conf_get (Conf *conf, const char *section, const char *key)
{
  GHashTable *settings;

  if (section == NULL)
    return NULL;

  settings = g_hash_table_lookup (conf->sections, section);
  if (settings == NULL)
    return NULL;
  return g_hash_table_lookup (settings, key);
}

static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);

  if (home_length > 1 && strncmp (path, home, home_length) == 0 && path[home_length] == '/')
    return g_strconcat ("~", path + home_length, NULL);
  return g_strdup (path);
}

/* configparser accepts ";" comments, GKeyFile does not: turn them into "#" comments. */
static char *
normalize_comments (const char *contents)
{
  g_auto (GStrv) lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *start = lines[i];

      while (*start == ' ' || *start == '\t')
        start++;
      if (*start == ';')
        *start = '#';
    }
  return g_strjoinv ("\n", lines);
}

static gboolean
merge_file (Conf *conf, const char *path, GError **error)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) groups = NULL;
  g_autofree char *display_path = dup_display_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *normalized = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      /* As the official clients do: a file that cannot be read is no configuration. */
      g_debug ("Skipping %s: %s", display_path, local_error->message);
      return TRUE;
    }

  normalized = normalize_comments (contents);
  ovh_secret_free (g_steal_pointer (&contents));

  if (!g_key_file_load_from_data (key_file, normalized, -1, G_KEY_FILE_NONE, &local_error))
    {
      ovh_secret_free (g_steal_pointer (&normalized));
      /* GKeyFile's message quotes the offending line, which may hold a secret. */
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                   _ ("“%s” is not a valid OVH configuration file."), display_path);
      return FALSE;
    }
  ovh_secret_free (g_steal_pointer (&normalized));

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto (GStrv) keys = g_key_file_get_keys (key_file, groups[i], NULL, NULL);

      for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
        {
          g_autofree char *value = g_key_file_get_value (key_file, groups[i], keys[j], NULL);

          if (value != NULL)
            {
              g_strstrip (value);
              conf_set (conf, groups[i], keys[j], value, display_path);
              ovh_secret_free (g_steal_pointer (&value));
            }
        }
    }

  return TRUE;
}

static const char *
non_empty (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : NULL;
}

static void
add_source (GPtrArray *sources, const Setting *setting)
{
  if (setting == NULL || non_empty (setting->value) == NULL)
    return;

  for (guint i = 0; i < sources->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (sources, i), setting->source))
        return;
    }
  g_ptr_array_add (sources, setting->source);
}

static OvhConfCandidate *
candidate_from_section (Conf *conf, const char *section, const char *default_endpoint)
{
  const Setting *application_key = conf_get (conf, section, "application_key");
  const Setting *application_secret = conf_get (conf, section, "application_secret");
  const Setting *consumer_key = conf_get (conf, section, "consumer_key");
  g_autoptr (GPtrArray) sources = g_ptr_array_new ();
  OvhConfCandidate *candidate;

  if (application_key == NULL || non_empty (application_key->value) == NULL)
    return NULL;

  add_source (sources, application_key);
  add_source (sources, application_secret);
  add_source (sources, consumer_key);
  g_ptr_array_add (sources, NULL);

  candidate = g_new0 (OvhConfCandidate, 1);
  candidate->endpoint = g_strdup (section);
  candidate->application_key = g_strdup (application_key->value);
  if (application_secret != NULL)
    candidate->application_secret = g_strdup (non_empty (application_secret->value));
  if (consumer_key != NULL)
    candidate->consumer_key = g_strdup (non_empty (consumer_key->value));
  candidate->source = g_strjoinv (", ", (char **) sources->pdata);
  candidate->is_default = g_strcmp0 (section, default_endpoint) == 0;
  return candidate;
}

GPtrArray *
ovh_conf_find_candidates (const char *const *paths, const char *const *envp, GError **error)
{
  static const struct
  {
    const char *variable;
    const char *key;
  } overrides[] = {
    { "OVH_APPLICATION_KEY", "application_key" },
    { "OVH_APPLICATION_SECRET", "application_secret" },
    { "OVH_CONSUMER_KEY", "consumer_key" },
  };
  g_auto (Conf) conf = { 0 };
  g_auto (GStrv) default_paths = NULL;
  g_auto (GStrv) environment = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  const char *environment_source = _ ("OVH_* environment variables");
  const Setting *default_setting;
  g_autofree char *default_endpoint = NULL;
  OvhConfCandidate *candidate;

  conf_init (&conf);

  if (paths == NULL)
    paths = (const char *const *) (default_paths = ovh_conf_get_default_paths ());
  if (envp == NULL)
    envp = (const char *const *) (environment = g_get_environ ());

  for (guint i = 0; paths[i] != NULL; i++)
    {
      if (!merge_file (&conf, paths[i], error))
        return NULL;
    }

  default_endpoint = g_strdup (non_empty (g_environ_getenv ((char **) envp, "OVH_ENDPOINT")));
  if (default_endpoint == NULL)
    {
      default_setting = conf_get (&conf, "default", "endpoint");
      if (default_setting != NULL)
        default_endpoint = g_strdup (non_empty (default_setting->value));
    }

  /* The variables complete or override the default endpoint's section. */
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    {
      const char *value = non_empty (g_environ_getenv ((char **) envp, overrides[i].variable));

      if (value != NULL)
        conf_set (&conf, default_endpoint ? default_endpoint : "", overrides[i].key, value,
                  environment_source);
    }

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_conf_candidate_free);

  for (guint i = 0; i < conf.section_order->len; i++)
    {
      const char *section = g_ptr_array_index (conf.section_order, i);

      if (g_str_equal (section, "default"))
        continue;

      candidate = candidate_from_section (&conf, section, default_endpoint);
      if (candidate == NULL)
        continue;

      /* Keys from the environment with no endpoint anywhere: the user must choose one. */
      if (section[0] == '\0')
        g_clear_pointer (&candidate->endpoint, g_free);

      if (candidate->is_default)
        g_ptr_array_insert (candidates, 0, candidate);
      else
        g_ptr_array_add (candidates, candidate);
    }

  return g_steal_pointer (&candidates);
}
