/* domaine-cli-search.c: search and records replace, across the zones of the account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-account-replace.h"
#include "ovh-account-search.h"
#include "ovh-record-type.h"

static gboolean
check_type (DomaineCli *self, GError **error)
{
  if (self->type != NULL && ovh_record_type_lookup (self->type) == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown record type “%s”"), self->type);
      return FALSE;
    }
  return TRUE;
}

/* Loads the zones named (NULL = every zone of the account); a zone that fails is reported on
 * standard error and *n_failed counts it. */
static OvhAccountSearch *
load_zones (DomaineCli *self,
            const char *const *zone_names,
            OvhZoneLoadFlags flags,
            guint *n_failed,
            GError **error)
{
  g_autoptr (OvhAccountSearch) search = ovh_account_search_new (self->client);
  g_autoptr (GAsyncResult) result = NULL;
  const char *const *failed;

  ovh_account_search_set_zone_names (search, zone_names);
  ovh_account_search_match_notes (search, NULL,
                                  self->account != NULL
                                          && ovh_account_get_id (self->account) != NULL
                                      ? ovh_account_get_id (self->account)
                                      : "default");
  ovh_account_search_set_load_flags (search, flags);
  ovh_account_search_load_async (search, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_account_search_load_finish (search, domaine_cli_await (self, &result), error))
    return NULL;

  failed = ovh_account_search_get_failed_zones (search);
  *n_failed = g_strv_length ((GStrv) failed);
  for (guint i = 0; failed[i] != NULL; i++)
    {
      g_autoptr (GError) zone_error
          = g_error_copy (ovh_account_search_get_zone_error (search, failed[i]));

      g_prefix_error (&zone_error, "%s: ", failed[i]);
      domaine_cli_print_error (self, zone_error);
    }
  return g_steal_pointer (&search);
}

static OvhValueReplacer *
new_replacer (
    DomaineCli *self, const char *from, const char *to, OvhValueReplaceFlags flags, GError **error)
{
  OvhValueReplacer *replacer = ovh_value_replacer_new (
      from, to, flags | (self->regex ? OVH_VALUE_REPLACE_REGEX : 0), error);

  if (replacer == NULL)
    {
      (*error)->domain = DOMAINE_CLI_ERROR;
      (*error)->code = DOMAINE_CLI_ERROR_USAGE;
    }
  return replacer;
}

/* search ------------------------------------------------------------------------------------ */

static void
print_search_json (DomaineCli *self, GListModel *found)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *zones = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (OvhZoneMatches) matches = g_list_model_get_item (found, i);
      GListModel *records = ovh_zone_matches_get_records (matches);
      JsonObject *object = json_object_new ();
      JsonArray *array = json_array_new ();

      for (guint j = 0; j < g_list_model_get_n_items (records); j++)
        {
          g_autoptr (OvhRecord) record = g_list_model_get_item (records, j);

          json_array_add_element (array, domaine_cli_record_to_json (record));
        }
      json_object_set_string_member (object, "zone", ovh_zone_matches_get_zone_name (matches));
      json_object_set_array_member (object, "records", array);
      json_array_add_object_element (zones, object);
    }
  json_node_take_array (node, zones);
  domaine_cli_print_json (self, node);
}

static void
print_search_table (DomaineCli *self, GListModel *found)
{
  g_autoptr (DomaineCliTable) table = domaine_cli_table_new (
      _ ("Zone"), _ ("ID"), _ ("Name"), _ ("Type"), _ ("TTL"), _ ("Value"), NULL);
  guint n_records = 0;

  domaine_cli_table_set_align_right (table, 1, TRUE);
  domaine_cli_table_set_align_right (table, 4, TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr (OvhZoneMatches) matches = g_list_model_get_item (found, i);
      GListModel *records = ovh_zone_matches_get_records (matches);

      for (guint j = 0; j < g_list_model_get_n_items (records); j++)
        {
          g_autoptr (OvhRecord) record = g_list_model_get_item (records, j);
          g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, ovh_record_get_id (record));
          g_autofree char *ttl = g_strdup_printf ("%u", ovh_record_get_ttl (record));

          /* The zone heads its group only, so that the groups stand out. */
          domaine_cli_table_add_row (table, j == 0 ? ovh_zone_matches_get_zone_name (matches) : "",
                                     id, ovh_record_get_display_name (record),
                                     ovh_record_get_field_type (record), ttl,
                                     ovh_record_get_target (record), NULL);
          n_records++;
        }
    }

  if (n_records == 0)
    {
      domaine_cli_note (self, _ ("No record matches.\n"));
      return;
    }
  domaine_cli_print_table (self, table);
  domaine_cli_note (self,
                    /* Translators: the first number is of records, the second of zones */
                    g_dngettext (GETTEXT_PACKAGE, "%u record in %u zone(s).\n",
                                 "%u records in %u zone(s).\n", n_records),
                    n_records, g_list_model_get_n_items (found));
}

int
domaine_cli_cmd_search (DomaineCli *self, GError **error)
{
  g_autoptr (OvhValueReplacer) matcher = NULL;
  g_autoptr (OvhAccountSearch) search = NULL;
  g_autoptr (GListModel) found = NULL;
  guint n_failed = 0;

  if (!check_type (self, error)
      || (matcher = new_replacer (self, self->args[0], "", OVH_VALUE_REPLACE_IGNORE_CASE, error))
             == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  /* Reading only: the records come from the cache while a zone's serial holds. */
  search = load_zones (self, NULL, OVH_ZONE_LOAD_DEFAULT, &n_failed, error);
  if (search == NULL)
    return domaine_cli_exit_code_for_error (*error);
  found = ovh_account_search_find (search, matcher, OVH_ACCOUNT_SEARCH_ALL, self->type);

  if (self->json)
    print_search_json (self, found);
  else
    print_search_table (self, found);
  return n_failed > 0 ? DOMAINE_CLI_EXIT_API : DOMAINE_CLI_EXIT_OK;
}

/* records replace --------------------------------------------------------------------------- */

static JsonNode *
replacement_to_json (DomaineCli *self, OvhZoneReplacement *replacement)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *refused = json_array_new ();
  GPtrArray *refusals = ovh_zone_replacement_get_refusals (replacement);
  OvhZoneDiff *diff = ovh_zone_replacement_get_diff (replacement);
  const GError *error = ovh_zone_replacement_get_error (replacement);
  OvhZoneReplacementState state = ovh_zone_replacement_get_state (replacement);

  for (guint i = 0; i < refusals->len; i++)
    {
      OvhReplaceRefusal *refusal = g_ptr_array_index (refusals, i);
      JsonObject *item = json_object_new ();

      json_object_set_member (item, "record", domaine_cli_record_to_json (refusal->record));
      json_object_set_string_member (item, "newValue", refusal->new_value);
      json_object_set_string_member (item, "error", refusal->error->message);
      json_array_add_object_element (refused, item);
    }

  json_object_set_string_member (object, "zone", ovh_zone_replacement_get_zone_name (replacement));
  json_object_set_boolean_member (object, "needsConfirmation",
                                  ovh_zone_diff_needs_confirmation (diff));
  json_object_set_member (object, "diff", ovh_zone_diff_to_json (diff));
  json_object_set_array_member (object, "refused", refused);
  json_object_set_boolean_member (object, "published",
                                  state == OVH_ZONE_REPLACEMENT_PUBLISHED && !self->no_publish);
  if (error != NULL && state == OVH_ZONE_REPLACEMENT_FAILED)
    json_object_set_string_member (object, "error", error->message);
  else
    json_object_set_null_member (object, "error");
  json_node_take_object (node, object);
  return g_steal_pointer (&node);
}

static void
print_replace_json (DomaineCli *self, GListModel *plan)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *zones = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (plan, i);

      json_array_add_element (zones, replacement_to_json (self, replacement));
    }
  json_object_set_boolean_member (object, "dryRun", self->dry_run);
  json_object_set_array_member (object, "zones", zones);
  json_node_take_object (node, object);
  domaine_cli_print_json (self, node);
}

static void
print_replace_text (DomaineCli *self, GListModel *plan, gboolean sent)
{
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (plan, i);
      const char *zone_name = ovh_zone_replacement_get_zone_name (replacement);
      GPtrArray *refusals = ovh_zone_replacement_get_refusals (replacement);
      const GError *error = ovh_zone_replacement_get_error (replacement);

      domaine_cli_print (self, "%s%s\n", i > 0 ? "\n" : "", zone_name);
      domaine_cli_print_diff_table (self, ovh_zone_replacement_get_diff (replacement));
      for (guint j = 0; j < refusals->len; j++)
        {
          OvhReplaceRefusal *refusal = g_ptr_array_index (refusals, j);

          domaine_cli_note (self,
                            /* Translators: a record's name, its type, the value it would get,
                             * then why OVH would refuse it */
                            _ ("Left as it is: %s %s would become “%s”: %s\n"),
                            ovh_record_get_display_name (refusal->record),
                            ovh_record_get_field_type (refusal->record), refusal->new_value,
                            refusal->error->message);
        }
      if (!sent)
        continue;
      switch (ovh_zone_replacement_get_state (replacement))
        {
        case OVH_ZONE_REPLACEMENT_PUBLISHED:
          if (self->no_publish)
            domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"),
                              zone_name);
          else
            domaine_cli_note (self, _ ("Published %s.\n"), zone_name);
          break;
        case OVH_ZONE_REPLACEMENT_FAILED:
        case OVH_ZONE_REPLACEMENT_STAGED:
          if (error != NULL)
            domaine_cli_note (self, "%s: %s\n", zone_name, error->message);
          break;
        default:
          break;
        }
    }
}

/* The mass-change guard, zone by zone: nothing is sent when one zone needs --yes. */
static gboolean
check_guard (DomaineCli *self, GListModel *plan, GError **error)
{
  if (self->yes)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (plan, i);
      OvhZoneDiff *diff = ovh_zone_replacement_get_diff (replacement);

      if (ovh_zone_diff_needs_confirmation (diff))
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       /* Translators: a number of records, their total, then a zone */
                       _ ("This removes or changes %u of the %u records of %s; nothing was sent: "
                          "run it again with --yes to go on"),
                       ovh_zone_diff_get_n_changed (diff), ovh_zone_diff_get_n_before (diff),
                       ovh_zone_replacement_get_zone_name (replacement));
          return FALSE;
        }
    }
  return TRUE;
}

int
domaine_cli_cmd_records_replace (DomaineCli *self, GError **error)
{
  const char *zone_names[] = { self->n_args > 0 ? self->args[0] : NULL, NULL };
  g_autoptr (OvhValueReplacer) replacer = NULL;
  g_autoptr (OvhAccountSearch) search = NULL;
  g_autoptr (GListModel) plan = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) apply_error = NULL;
  guint n_failed = 0;
  gboolean applied;

  if ((self->n_args == 1) == self->all_zones)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("Give a zone or --all-zones"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->from == NULL || self->to == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("Give the text to find with --from and its replacement with --to"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (!check_type (self, error)
      || (replacer = new_replacer (self, self->from, self->to, OVH_VALUE_REPLACE_DEFAULT, error))
             == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  /* Past the cache: a script must see changes not yet published, which keep the serial. */
  search = load_zones (self, self->all_zones ? NULL : zone_names, OVH_ZONE_LOAD_BYPASS_CACHE,
                       &n_failed, error);
  if (search == NULL)
    return domaine_cli_exit_code_for_error (*error);
  if (!self->all_zones && n_failed > 0)
    {
      /* Its error is already on standard error. */
      return domaine_cli_exit_code_for_error (
          ovh_account_search_get_zone_error (search, zone_names[0]));
    }

  plan = ovh_account_replace_plan (search, replacer, self->type);
  if (self->dry_run)
    {
      if (self->json)
        print_replace_json (self, plan);
      else if (g_list_model_get_n_items (plan) == 0)
        domaine_cli_note (self, _ ("No value matches.\n"));
      else
        print_replace_text (self, plan, FALSE);
      return n_failed > 0 ? DOMAINE_CLI_EXIT_API : DOMAINE_CLI_EXIT_OK;
    }
  if (!check_guard (self, plan, error))
    return DOMAINE_CLI_EXIT_USAGE;

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (plan, i);

      ovh_changeset_set_publish_after_apply (ovh_zone_replacement_get_changeset (replacement),
                                             !self->no_publish);
    }
  ovh_account_replace_apply_async (plan, 0, self->cancellable, domaine_cli_result_cb, &result);
  applied = ovh_account_replace_apply_finish (domaine_cli_await (self, &result), &apply_error);

  if (self->json)
    print_replace_json (self, plan);
  else if (g_list_model_get_n_items (plan) == 0)
    domaine_cli_note (self, _ ("No value matches.\n"));
  else
    print_replace_text (self, plan, TRUE);

  if (!applied)
    {
      g_propagate_error (error, g_steal_pointer (&apply_error));
      return domaine_cli_exit_code_for_error (*error);
    }
  return n_failed > 0 ? DOMAINE_CLI_EXIT_API : DOMAINE_CLI_EXIT_OK;
}
