/* domaine-cli-templates.c: templates list, show and apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-zone-template.h"

static JsonNode *
parameter_to_json (OvhZoneTemplateParameter *parameter)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, parameter->key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, parameter->label);
  json_builder_set_member_name (builder, "default");
  if (parameter->default_value != NULL)
    json_builder_add_string_value (builder, parameter->default_value);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (
      builder, parameter->kind == OVH_ZONE_TEMPLATE_PARAMETER_TEXT ? "text" : "name");
  json_builder_set_member_name (builder, "optional");
  json_builder_add_boolean_value (builder, parameter->optional);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
template_to_json (OvhZoneTemplate *template, gboolean full)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  GPtrArray *parameters = ovh_zone_template_get_parameters (template);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ovh_zone_template_get_id (template));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ovh_zone_template_get_title (template));
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, ovh_zone_template_get_category (template));
  json_builder_set_member_name (builder, "user");
  json_builder_add_boolean_value (builder, ovh_zone_template_get_user (template));
  if (full)
    {
      const char *const *lines = ovh_zone_template_get_record_lines (template);
      const char *const *replaces = ovh_zone_template_get_replaces (template);

      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, ovh_zone_template_get_description (template));
      json_builder_set_member_name (builder, "replaces");
      json_builder_begin_array (builder);
      for (guint i = 0; replaces[i] != NULL; i++)
        json_builder_add_string_value (builder, replaces[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "records");
      json_builder_begin_array (builder);
      for (guint i = 0; lines[i] != NULL; i++)
        json_builder_add_string_value (builder, lines[i]);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "parameters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parameters->len; i++)
    json_builder_add_value (builder, parameter_to_json (g_ptr_array_index (parameters, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
domaine_cli_cmd_templates_list (DomaineCli *self, GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) templates = ovh_zone_template_list_all (&problems);
  g_autoptr (JsonArray) array = json_array_new ();
  g_autoptr (DomaineCliTable) table
      = domaine_cli_table_new (_ ("Name"), _ ("Title"), _ ("Category"), _ ("Parameters"), NULL);

  for (guint i = 0; i < problems->len; i++)
    domaine_cli_note (self, "%s\n", (const char *) g_ptr_array_index (problems, i));
  for (guint i = 0; i < templates->len; i++)
    {
      OvhZoneTemplate *template = g_ptr_array_index (templates, i);
      GPtrArray *parameters = ovh_zone_template_get_parameters (template);
      g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();
      g_auto (GStrv) key_list = NULL;
      g_autofree char *joined = NULL;

      for (guint j = 0; j < parameters->len; j++)
        g_strv_builder_add (keys,
                            ((OvhZoneTemplateParameter *) g_ptr_array_index (parameters, j))->key);
      key_list = g_strv_builder_end (keys);
      joined = g_strjoinv (", ", key_list);
      json_array_add_element (array, template_to_json (template, FALSE));
      domaine_cli_table_add_row (
          table, ovh_zone_template_get_id (template), ovh_zone_template_get_title (template),
          ovh_zone_template_get_category (template), *joined != '\0' ? joined : "-", NULL);
    }
  domaine_cli_print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_templates_show (DomaineCli *self, GError **error)
{
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find (self->args[0], error);
  GPtrArray *parameters;
  const char *const *lines;
  const char *const *replaces;

  if (template == NULL)
    return domaine_cli_exit_code_for_error (*error);
  if (self->json)
    {
      g_autoptr (JsonNode) node = template_to_json (template, TRUE);

      domaine_cli_print_json (self, node);
      return DOMAINE_CLI_EXIT_OK;
    }

  domaine_cli_print (self, "%s\n%s\n", ovh_zone_template_get_title (template),
                     ovh_zone_template_get_description (template));
  parameters = ovh_zone_template_get_parameters (template);
  if (parameters->len > 0)
    domaine_cli_print (self, "\n%s\n", _ ("Parameters:"));
  for (guint i = 0; i < parameters->len; i++)
    {
      OvhZoneTemplateParameter *parameter = g_ptr_array_index (parameters, i);

      if (parameter->default_value != NULL)
        /* Translators: a parameter's key, its label, then its default value */
        domaine_cli_print (self, _ ("  %s: %s (default: %s)\n"), parameter->key, parameter->label,
                           parameter->default_value);
      else if (parameter->optional)
        /* Translators: a parameter's key, then its label */
        domaine_cli_print (self, _ ("  %s: %s (optional)\n"), parameter->key, parameter->label);
      else
        domaine_cli_print (self, "  %s: %s\n", parameter->key, parameter->label);
    }
  replaces = ovh_zone_template_get_replaces (template);
  if (replaces[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (GStrv) replaces);

      domaine_cli_print (self, "\n%s %s\n", _ ("Replaces:"), joined);
    }
  domaine_cli_print (self, "\n%s\n", _ ("Records:"));
  lines = ovh_zone_template_get_record_lines (template);
  for (guint i = 0; lines[i] != NULL; i++)
    domaine_cli_print (self, "  %s\n", lines[i]);
  return DOMAINE_CLI_EXIT_OK;
}

static GHashTable *
parse_params (DomaineCli *self, GError **error)
{
  g_autoptr (GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; self->params != NULL && self->params[i] != NULL; i++)
    {
      const char *equals = strchr (self->params[i], '=');

      if (equals == NULL || equals == self->params[i])
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       _ ("“%s” is not KEY=VALUE"), self->params[i]);
          return NULL;
        }
      g_hash_table_insert (values, g_strndup (self->params[i], equals - self->params[i]),
                           g_strdup (equals + 1));
    }
  return g_steal_pointer (&values);
}

static void
print_apply_json (DomaineCli *self,
                  const char *zone_name,
                  OvhZoneTemplate *template,
                  OvhZoneTemplatePlan *plan,
                  gboolean published)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *conflicts = json_array_new ();
  GStrv texts = ovh_zone_template_plan_get_conflicts (plan);

  for (guint i = 0; texts[i] != NULL; i++)
    json_array_add_string_element (conflicts, texts[i]);
  json_object_set_string_member (object, "zone", zone_name);
  json_object_set_string_member (object, "template", ovh_zone_template_get_id (template));
  json_object_set_boolean_member (object, "dryRun", self->dry_run);
  json_object_set_boolean_member (object, "needsConfirmation",
                                  ovh_zone_template_plan_needs_confirmation (plan));
  json_object_set_array_member (object, "conflicts", conflicts);
  json_object_set_member (object, "diff",
                          ovh_zone_diff_to_json (ovh_zone_template_plan_get_diff (plan)));
  json_object_set_boolean_member (object, "published", published);
  json_node_take_object (node, object);
  domaine_cli_print_json (self, node);
}

int
domaine_cli_cmd_templates_apply (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find (self->args[1], error);
  g_autoptr (GHashTable) values = NULL;
  g_autoptr (GPtrArray) checked = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZoneTemplatePlan) plan = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  OvhZoneDiff *diff;
  GStrv conflicts;

  if (template == NULL)
    return domaine_cli_exit_code_for_error (*error);
  values = parse_params (self, error);
  if (values == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  /* The values are checked before anything is asked of OVHcloud. */
  checked = ovh_zone_template_expand (template, zone_name, values, error);
  if (checked == NULL)
    return DOMAINE_CLI_EXIT_USAGE;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  zone = domaine_cli_new_zone (self, zone_name);
  if (!domaine_cli_load_zone_fresh (self, zone, error))
    return domaine_cli_exit_code_for_error (*error);

  plan = ovh_zone_template_plan_new (template, zone_name, ovh_zone_get_records (zone), values,
                                     error);
  if (plan == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  diff = ovh_zone_template_plan_get_diff (plan);
  conflicts = ovh_zone_template_plan_get_conflicts (plan);

  if (self->dry_run || (ovh_zone_template_plan_needs_confirmation (plan) && !self->yes))
    {
      if (self->json)
        print_apply_json (self, zone_name, template, plan, FALSE);
      else
        {
          domaine_cli_print_diff_table (self, diff);
          for (guint i = 0; conflicts[i] != NULL; i++)
            domaine_cli_note (self, "%s\n", conflicts[i]);
        }
      if (self->dry_run)
        return DOMAINE_CLI_EXIT_OK;
      g_set_error (
          error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
          /* Translators: a number of records, then a zone */
          g_dngettext (GETTEXT_PACKAGE,
                       "This template removes or changes %u record already in %s; "
                       "nothing was sent: run it again with --yes to go on",
                       "This template removes or changes %u records already in %s; "
                       "nothing was sent: run it again with --yes to go on",
                       ovh_zone_diff_get_n_removed (diff) + ovh_zone_diff_get_n_changed (diff)),
          ovh_zone_diff_get_n_removed (diff) + ovh_zone_diff_get_n_changed (diff), zone_name);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  changeset = ovh_changeset_new (zone);
  if (ovh_zone_diff_stage (diff, changeset, NULL, error) < 0)
    return DOMAINE_CLI_EXIT_API;
  if (ovh_changeset_get_n_pending (changeset) > 0
      && !domaine_cli_apply_changeset (self, changeset, error))
    return domaine_cli_exit_code_for_error (*error);

  if (self->json)
    print_apply_json (self, zone_name, template, plan,
                      !self->no_publish && !ovh_zone_diff_is_empty (diff));
  else
    {
      domaine_cli_print_diff_table (self, diff);
      for (guint i = 0; conflicts[i] != NULL; i++)
        domaine_cli_note (self, "%s\n", conflicts[i]);
      if (ovh_zone_diff_is_empty (diff))
        /* Translators: a zone, then a template's title */
        domaine_cli_note (self, _ ("%s already has everything “%s” sets.\n"), zone_name,
                          ovh_zone_template_get_title (template));
      else if (self->no_publish)
        domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"),
                          zone_name);
      else
        domaine_cli_note (self, _ ("Published %s.\n"), zone_name);
    }
  return DOMAINE_CLI_EXIT_OK;
}
