/* domaine-cli-history.c: zone history, diff, restore and import (merge or replace)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A diff is computed by libovh from parsed records. Restores and imports that would remove
 * or change most of a zone stop at the mass-change guard unless --yes is given.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-zone-diff.h"
#include "ovh-zone-file.h"
#include "ovh-zone-history.h"
#include "ovh-zone-transfer.h"

/* Shared parts ------------------------------------------------------------------------------ */

gboolean
domaine_cli_load_zone_fresh (DomaineCli *self, OvhZone *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_load_async (zone, OVH_ZONE_LOAD_BYPASS_CACHE, self->cancellable, domaine_cli_result_cb,
                       &result);
  return ovh_zone_load_finish (zone, domaine_cli_await (self, &result), error);
}

static char *
fetch_version (DomaineCli *self, OvhZone *zone, const char *date, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_history_file_async (zone, date, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_zone_fetch_history_file_finish (zone, domaine_cli_await (self, &result), error);
}

static GStrv
list_versions (DomaineCli *self, OvhZone *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_list_history_async (zone, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_zone_list_history_finish (zone, domaine_cli_await (self, &result), error);
}

/* The records of a zone file; a usage error naming the first wrong line (and how many more)
 * when it has errors. *problems keeps what was left out. */
static GPtrArray *
parse_file (
    const char *zone_name, const char *file, const char *text, GPtrArray **problems, GError **error)
{
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) records
      = ovh_zone_file_parse_full (text, zone_name, OVH_ZONE_FILE_PARSE_DEFAULT, &found);
  const OvhZoneFileProblem *first = NULL;
  guint n_errors = 0;

  if (records == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("“%s” is not a valid zone name"), zone_name);
      return NULL;
    }

  for (guint i = 0; i < found->len; i++)
    {
      const OvhZoneFileProblem *problem = g_ptr_array_index (found, i);

      if (problem->code == OVH_ZONE_FILE_ERROR_UNSUPPORTED
          || problem->code == OVH_ZONE_FILE_ERROR_MANAGED)
        continue;
      if (first == NULL)
        first = problem;
      n_errors++;
    }

  if (first != NULL)
    {
      if (n_errors > 1)
        g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                     /* Translators: a file, a line number, an error message, then how many
                      * other lines are wrong */
                     ngettext ("%s:%u: %s (and %u other error)", "%s:%u: %s (and %u other errors)",
                               n_errors - 1),
                     file, first->line, first->message, n_errors - 1);
      else
        g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, "%s:%u: %s", file,
                     first->line, first->message);
      return NULL;
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&records);
}

static JsonArray *
problems_to_json (GPtrArray *problems)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const OvhZoneFileProblem *problem = g_ptr_array_index (problems, i);
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "line", problem->line);
      json_object_set_string_member (object, "message", problem->message);
      json_array_add_object_element (array, object);
    }
  return array;
}

/* What a file brings that OVH will not hold, one note a line. */
static void
note_problems (DomaineCli *self, const char *file, GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const OvhZoneFileProblem *problem = g_ptr_array_index (problems, i);

      domaine_cli_note (self, "%s:%u: %s\n", file, problem->line, problem->message);
    }
}

static char *
format_ttl (guint ttl)
{
  return ttl == 0 ? g_strdup ("-") : g_strdup_printf ("%u", ttl);
}

void
domaine_cli_print_diff_table (DomaineCli *self, OvhZoneDiff *diff)
{
  g_autoptr (DomaineCliTable) table = NULL;
  GListModel *items = ovh_zone_diff_get_items (diff);
  guint n_items = g_list_model_get_n_items (items);

  if (n_items == 0)
    {
      domaine_cli_note (self, _ ("No difference.\n"));
      return;
    }

  table = domaine_cli_table_new ("", _ ("Name"), _ ("Type"), _ ("TTL"), _ ("Value"), NULL);
  domaine_cli_table_set_align_right (table, 3, TRUE);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhZoneDiffItem) item = g_list_model_get_item (items, i);
      OvhRecord *before = ovh_zone_diff_item_get_before (item);
      OvhRecord *after = ovh_zone_diff_item_get_after (item);
      OvhRecord *record = ovh_zone_diff_item_get_record (item);
      g_autofree char *ttl = NULL;
      g_autofree char *value = NULL;
      const char *sign;

      switch (ovh_zone_diff_item_get_kind (item))
        {
        case OVH_ZONE_DIFF_ADDED:
          sign = "+";
          break;
        case OVH_ZONE_DIFF_REMOVED:
          sign = "-";
          break;
        default:
          sign = "~";
        }

      if (before != NULL && after != NULL
          && ovh_record_get_ttl (before) != ovh_record_get_ttl (after))
        {
          g_autofree char *from = format_ttl (ovh_record_get_ttl (before));
          g_autofree char *to = format_ttl (ovh_record_get_ttl (after));

          ttl = g_strdup_printf ("%s → %s", from, to);
        }
      else
        ttl = format_ttl (ovh_record_get_ttl (record));

      if (before != NULL && after != NULL && !ovh_zone_diff_item_get_ttl_only (item))
        value = g_strdup_printf ("%s → %s", ovh_record_get_target (before),
                                 ovh_record_get_target (after));
      else
        value = g_strdup (ovh_record_get_target (record));

      domaine_cli_table_add_row (table, sign, ovh_record_get_display_name (record),
                                 ovh_record_get_field_type (record), ttl, value, NULL);
    }
  domaine_cli_print_table (self, table);
  /* Translators: counts of added, removed and changed records */
  domaine_cli_note (self, _ ("%u added, %u removed, %u changed.\n"),
                    ovh_zone_diff_get_n_added (diff), ovh_zone_diff_get_n_removed (diff),
                    ovh_zone_diff_get_n_changed (diff));
}

/* The mass-change guard: FALSE (nothing sent) unless --yes. */
static gboolean
check_guard (DomaineCli *self, OvhZoneDiff *diff, const char *zone_name, GError **error)
{
  guint n_touched = ovh_zone_diff_get_n_removed (diff) + ovh_zone_diff_get_n_changed (diff);

  if (!ovh_zone_diff_needs_confirmation (diff) || self->yes)
    return TRUE;

  g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
               /* Translators: a number of records, their total, then a zone */
               _ ("This removes or changes %u of the %u records of %s; nothing was sent: "
                  "run it again with --yes to go on"),
               n_touched, ovh_zone_diff_get_n_before (diff), zone_name);
  return FALSE;
}

/* zone history ------------------------------------------------------------------------------ */

int
domaine_cli_cmd_zone_history (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_auto (GStrv) dates = NULL;
  JsonArray *array;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  dates = list_versions (self, zone, error);
  if (dates == NULL)
    return domaine_cli_exit_code_for_error (*error);

  array = json_array_new ();
  table = domaine_cli_table_new (_ ("Version"), _ ("Local time"), NULL);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      JsonObject *object = json_object_new ();
      g_autofree char *local = domaine_cli_format_date (dates[i]);

      json_object_set_string_member (object, "creationDate", dates[i]);
      json_array_add_object_element (array, object);
      domaine_cli_table_add_row (table, dates[i], local, NULL);
    }
  domaine_cli_print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

/* zone diff --------------------------------------------------------------------------------- */

/* One side of a diff: NULL = the zone now (loaded once into zone), an existing file, or the
 * date of a version. */
static GPtrArray *
load_side (DomaineCli *self, OvhZone *zone, const char *what, GError **error)
{
  g_autofree char *text = NULL;

  if (what == NULL)
    {
      GListModel *records = ovh_zone_get_records (zone);
      GPtrArray *array;

      if (ovh_zone_get_load_state (zone) != OVH_ZONE_LOAD_STATE_LOADED
          && !domaine_cli_load_zone_fresh (self, zone, error))
        return NULL;
      array = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (records); i++)
        g_ptr_array_add (array, g_list_model_get_item (records, i));
      return array;
    }

  if (g_file_test (what, G_FILE_TEST_EXISTS))
    text = domaine_cli_read_input_file (what, error);
  else
    text = fetch_version (self, zone, what, error);
  if (text == NULL)
    return NULL;
  return parse_file (ovh_zone_get_name (zone), what, text, NULL, error);
}

int
domaine_cli_cmd_zone_diff (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GPtrArray) from = NULL;
  g_autoptr (GPtrArray) to = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;

  if (self->from == NULL && self->to == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("Give --from, --to or both (a date from “zone history” or a zone "
                              "file)"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  if ((from = load_side (self, zone, self->from, error)) == NULL
      || (to = load_side (self, zone, self->to, error)) == NULL)
    return domaine_cli_exit_code_for_error (*error);

  /* OVH's own NS records are left out of files: leave them out of the zone's side too. */
  diff = ovh_zone_diff_new (from, to, OVH_ZONE_DIFF_SKIP_MANAGED);
  if (self->json)
    {
      g_autoptr (JsonNode) node = ovh_zone_diff_to_json (diff);

      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_print_diff_table (self, diff);
  return DOMAINE_CLI_EXIT_OK;
}

/* zone restore ------------------------------------------------------------------------------ */

int
domaine_cli_cmd_zone_restore (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  const char *date = self->args[1];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GPtrArray) version = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_auto (GStrv) before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_status = NULL;
  g_autofree char *status = NULL;
  gint64 task_id = -1;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  /* The newest version now is what undoes the restore. */
  if ((before = list_versions (self, zone, error)) == NULL
      || (text = fetch_version (self, zone, date, error)) == NULL
      || !domaine_cli_load_zone_fresh (self, zone, error))
    return domaine_cli_exit_code_for_error (*error);
  version = parse_file (zone_name, date, text, NULL, error);
  if (version == NULL)
    return DOMAINE_CLI_EXIT_API;

  diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (zone), version,
                                       OVH_ZONE_DIFF_SKIP_MANAGED);
  if (!check_guard (self, diff, zone_name, error))
    return DOMAINE_CLI_EXIT_USAGE;

  ovh_zone_restore_history_async (zone, date, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_zone_restore_history_finish (zone, domaine_cli_await (self, &result), &task_id,
                                        &first_status, error))
    return domaine_cli_exit_code_for_error (*error);

  status = domaine_cli_wait_for_task (self, zone, task_id, g_steal_pointer (&first_status), error);
  if (status == NULL)
    return domaine_cli_exit_code_for_error (*error);
  if (!g_str_equal (status, "done"))
    {
      g_autofree char *task_text = g_strdup_printf ("%" G_GINT64_FORMAT, task_id);

      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                   /* Translators: a task number, then its status ("error", "cancelled") */
                   _ ("The restore task %s ended with the status “%s”"), task_text, status);
      return DOMAINE_CLI_EXIT_API;
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_string_member (object, "creationDate", date);
      json_object_set_int_member (object, "task", task_id);
      json_object_set_string_member (object, "status", status);
      if (before[0] != NULL)
        json_object_set_string_member (object, "undoDate", before[0]);
      json_object_set_member (object, "diff", ovh_zone_diff_to_json (diff));
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    {
      domaine_cli_print_diff_table (self, diff);
      domaine_cli_note (self, _ ("Restored %s to its version of %s.\n"), zone_name, date);
      if (before[0] != NULL)
        domaine_cli_note (self, _ ("To undo: domaine-cli zone restore %s %s\n"), zone_name,
                          before[0]);
    }
  return DOMAINE_CLI_EXIT_OK;
}

/* zone import ------------------------------------------------------------------------------- */

gboolean
domaine_cli_apply_changeset (DomaineCli *self, OvhChangeset *changeset, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;

  ovh_changeset_set_publish_after_apply (changeset, !self->no_publish);
  ovh_changeset_apply_async (changeset, self->cancellable, domaine_cli_result_cb, &result);
  if (ovh_changeset_apply_finish (changeset, domaine_cli_await (self, &result), &local_error))
    return TRUE;

  if (ovh_changeset_get_publish_error (changeset) != NULL)
    g_propagate_error (error, domaine_cli_publish_error (changeset, local_error));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
print_import_json (DomaineCli *self,
                   const char *zone_name,
                   const char *mode,
                   OvhZoneDiff *diff,
                   GPtrArray *problems,
                   gboolean published)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "zone", zone_name);
  json_object_set_string_member (object, "mode", mode);
  json_object_set_boolean_member (object, "dryRun", self->dry_run);
  json_object_set_boolean_member (object, "needsConfirmation",
                                  ovh_zone_diff_needs_confirmation (diff));
  json_object_set_member (object, "diff", ovh_zone_diff_to_json (diff));
  json_object_set_array_member (object, "skipped", problems_to_json (problems));
  json_object_set_boolean_member (object, "published", published);
  json_node_take_object (node, object);
  domaine_cli_print_json (self, node);
}

int
domaine_cli_cmd_zone_import (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  const char *file = self->args[1];
  const char *mode = self->merge ? "merge" : "replace";
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZoneDiff) diff = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;

  if (self->merge && self->replace)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("Choose --merge or --replace, not both"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->no_publish && !self->merge)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--no-publish does not apply to zone import: OVHcloud publishes an "
                              "imported zone itself"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  text = domaine_cli_read_input_file (file, error);
  if (text == NULL)
    return DOMAINE_CLI_EXIT_USAGE;

  /* Checked here first: a file OVH would refuse (or half-apply) is never sent. */
  records = parse_file (zone_name, file, text, &problems, error);
  if (records == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  if (!self->merge)
    for (guint i = 0; i < problems->len; i++)
      {
        const OvhZoneFileProblem *problem = g_ptr_array_index (problems, i);

        /* OVH's import would half-apply such a file: a merge leaves these lines out. */
        if (problem->code == OVH_ZONE_FILE_ERROR_UNSUPPORTED)
          {
            g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                         /* Translators: a file, a line, then why OVH cannot hold it */
                         _ ("%s:%u: %s (use --merge to import the rest)"), file, problem->line,
                         problem->message);
            return DOMAINE_CLI_EXIT_USAGE;
          }
      }
  if (!self->json)
    note_problems (self, file, problems);

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  zone = domaine_cli_new_zone (self, zone_name);
  if (!domaine_cli_load_zone_fresh (self, zone, error))
    return domaine_cli_exit_code_for_error (*error);

  diff = ovh_zone_diff_new_from_model (ovh_zone_get_records (zone), records,
                                       OVH_ZONE_DIFF_SKIP_MANAGED);
  if (self->dry_run)
    {
      if (self->json)
        print_import_json (self, zone_name, mode, diff, problems, FALSE);
      else
        domaine_cli_print_diff_table (self, diff);
      return DOMAINE_CLI_EXIT_OK;
    }
  if (!check_guard (self, diff, zone_name, error))
    return DOMAINE_CLI_EXIT_USAGE;
  domaine_cli_keep_file_notes (self, zone_name, records);

  if (!self->merge)
    return domaine_cli_zone_import_replace (self, zone_name, text, records->len, error);

  changeset = ovh_changeset_new (zone);
  if (ovh_zone_diff_stage (diff, changeset, NULL, error) < 0)
    return DOMAINE_CLI_EXIT_API;
  if (ovh_changeset_get_n_pending (changeset) > 0
      && !domaine_cli_apply_changeset (self, changeset, error))
    return domaine_cli_exit_code_for_error (*error);

  if (self->json)
    print_import_json (self, zone_name, mode, diff, problems,
                       !self->no_publish && !ovh_zone_diff_is_empty (diff));
  else
    {
      domaine_cli_print_diff_table (self, diff);
      if (ovh_zone_diff_is_empty (diff))
        domaine_cli_note (self, _ ("%s already matches the file.\n"), zone_name);
      else if (self->no_publish)
        domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"),
                          zone_name);
      else
        domaine_cli_note (self, _ ("Published %s.\n"), zone_name);
    }
  return DOMAINE_CLI_EXIT_OK;
}
