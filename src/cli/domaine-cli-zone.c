/* domaine-cli-zone.c: zone show, refresh, export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-changeset.h"
#include "ovh-zone-file.h"
#include "ovh-zone-status.h"
#include "ovh-zone-transfer.h"

/* zone show ---------------------------------------------------------------------------------- */

/* As OVH writes dates: "2026-11-28T16:54:00+00:00". */
static char *
format_iso8601 (GDateTime *date)
{
  return date != NULL ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static JsonNode *
zone_to_json (OvhZone *zone, gboolean deployed, guint n_records)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *last_update = format_iso8601 (ovh_zone_get_last_update (zone));
  const char *const *name_servers = ovh_zone_get_name_servers (zone);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, ovh_zone_get_name (zone));
  json_builder_set_member_name (builder, "nameServers");
  json_builder_begin_array (builder);
  for (guint i = 0; name_servers != NULL && name_servers[i] != NULL; i++)
    json_builder_add_string_value (builder, name_servers[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "dnssecSupported");
  json_builder_add_boolean_value (builder, ovh_zone_get_dnssec_supported (zone));
  json_builder_set_member_name (builder, "hasDnsAnycast");
  json_builder_add_boolean_value (builder, ovh_zone_get_has_dns_anycast (zone));
  json_builder_set_member_name (builder, "lastUpdate");
  if (last_update != NULL)
    json_builder_add_string_value (builder, last_update);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_int_value (builder, (gint64) ovh_zone_get_serial (zone));
  json_builder_set_member_name (builder, "defaultTtl");
  json_builder_add_int_value (builder, ovh_zone_get_default_ttl (zone));
  json_builder_set_member_name (builder, "soaServer");
  json_builder_add_string_value (builder, ovh_zone_get_soa_server (zone));
  json_builder_set_member_name (builder, "soaEmail");
  json_builder_add_string_value (builder, ovh_zone_get_soa_email (zone));
  json_builder_set_member_name (builder, "deployed");
  json_builder_add_boolean_value (builder, deployed);
  json_builder_set_member_name (builder, "records");
  json_builder_add_int_value (builder, n_records);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_zone_table (DomaineCli *self, OvhZone *zone, gboolean deployed, guint n_records)
{
  g_autoptr (DomaineCliTable) table = domaine_cli_table_new ("", "", NULL);
  const char *const *name_servers = ovh_zone_get_name_servers (zone);
  g_autofree char *servers
      = name_servers != NULL ? g_strjoinv (", ", (char **) name_servers) : g_strdup ("");
  g_autofree char *last_update = format_iso8601 (ovh_zone_get_last_update (zone));
  g_autofree char *serial = g_strdup_printf ("%" G_GUINT64_FORMAT, ovh_zone_get_serial (zone));
  g_autofree char *ttl = g_strdup_printf ("%u", ovh_zone_get_default_ttl (zone));
  g_autofree char *count = g_strdup_printf ("%u", n_records);
  g_autofree char *updated = domaine_cli_format_date (last_update);
  g_autofree char *l_zone = g_strdup_printf (_ ("%s:"), _ ("Zone"));
  g_autofree char *l_ns = g_strdup_printf (_ ("%s:"), _ ("Name servers"));
  g_autofree char *l_serial = g_strdup_printf (_ ("%s:"), _ ("Serial"));
  g_autofree char *l_ttl = g_strdup_printf (_ ("%s:"), _ ("Default TTL"));
  g_autofree char *l_records = g_strdup_printf (_ ("%s:"), _ ("Records"));
  g_autofree char *l_dnssec = g_strdup_printf (_ ("%s:"), _ ("DNSSEC supported"));
  g_autofree char *l_updated = g_strdup_printf (_ ("%s:"), _ ("Last update"));
  g_autofree char *l_published = g_strdup_printf (_ ("%s:"), _ ("Published"));

  domaine_cli_table_set_show_headers (table, FALSE);
  domaine_cli_table_add_row (table, l_zone, ovh_zone_get_name (zone), NULL);
  domaine_cli_table_add_row (table, l_ns, servers, NULL);
  domaine_cli_table_add_row (table, l_serial, serial, NULL);
  domaine_cli_table_add_row (table, l_ttl, ttl, NULL);
  domaine_cli_table_add_row (table, l_records, count, NULL);
  domaine_cli_table_add_row (table, l_dnssec,
                             domaine_cli_yes_no (ovh_zone_get_dnssec_supported (zone)), NULL);
  domaine_cli_table_add_row (table, l_updated, updated != NULL ? updated : "—", NULL);
  domaine_cli_table_add_row (table, l_published,
                             deployed ? _ ("yes") : _ ("no: changes wait for a refresh"), NULL);
  domaine_cli_print_table (self, table);
}

int
domaine_cli_cmd_zone_show (DomaineCli *self, GError **error)
{
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  gboolean deployed = FALSE;
  guint n_records = 0;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, self->args[0]);
  ovh_zone_load_status_async (zone, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_zone_load_status_finish (zone, domaine_cli_await (self, &result), &deployed, &n_records,
                                    error))
    return DOMAINE_CLI_EXIT_API;

  if (self->json)
    {
      g_autoptr (JsonNode) root = zone_to_json (zone, deployed, n_records);

      domaine_cli_print_json (self, root);
    }
  else
    print_zone_table (self, zone, deployed, n_records);

  return DOMAINE_CLI_EXIT_OK;
}

/* zone refresh ------------------------------------------------------------------------------- */

int
domaine_cli_cmd_zone_refresh (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  if (self->no_publish)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--no-publish makes no sense with zone refresh"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  /* An empty changeset's publish is the refresh alone, by the path every publish takes. */
  zone = domaine_cli_new_zone (self, zone_name);
  changeset = ovh_changeset_new (zone);
  ovh_changeset_publish_async (changeset, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_changeset_publish_finish (changeset, domaine_cli_await (self, &result), &local_error))
    {
      g_propagate_error (error, domaine_cli_publish_error (changeset, local_error));
      return DOMAINE_CLI_EXIT_API;
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_boolean_member (object, "published", TRUE);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_note (self, _ ("Published %s.\n"), zone_name);

  return DOMAINE_CLI_EXIT_OK;
}

/* zone export -------------------------------------------------------------------------------- */

int
domaine_cli_cmd_zone_export (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *text = NULL;
  gboolean to_stdout = self->output == NULL || g_str_equal (self->output, "-");

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  ovh_zone_export_async (zone, self->cancellable, domaine_cli_result_cb, &result);
  text = ovh_zone_export_finish (zone, domaine_cli_await (self, &result), error);
  if (text == NULL)
    return DOMAINE_CLI_EXIT_API;

  if (!to_stdout)
    {
      g_autoptr (GError) local_error = NULL;

      if (!g_file_set_contents (self->output, text, -1, &local_error))
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                       /* Translators: a file name, then an error message */
                       _ ("Cannot write “%s”: %s"), self->output, local_error->message);
          return DOMAINE_CLI_EXIT_API;
        }
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_string_member (object, "zoneFile", text);
      if (!to_stdout)
        json_object_set_string_member (object, "file", self->output);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else if (to_stdout)
    {
      domaine_cli_print (self, "%s", text);
      if (!g_str_has_suffix (text, "\n"))
        domaine_cli_print (self, "\n");
    }
  else
    domaine_cli_note (self, _ ("Wrote the zone file of %s to %s.\n"), zone_name, self->output);

  return DOMAINE_CLI_EXIT_OK;
}

/* zone import -------------------------------------------------------------------------------- */

char *
domaine_cli_read_input_file (const char *file, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *contents = NULL;

  if (g_str_equal (file, "-"))
    {
      GString *text = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, (gssize) n);
      return g_string_free (text, FALSE);
    }

  if (!g_file_get_contents (file, &contents, NULL, &local_error))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: a file name, then an error message */
                   _ ("Cannot read “%s”: %s"), file, local_error->message);
      return NULL;
    }

  return contents;
}

char *
domaine_cli_wait_for_task (
    DomaineCli *self, OvhZone *zone, gint64 task_id, char *status, GError **error)
{
  g_autofree char *current = status;
  g_autofree char *task_text = g_strdup_printf ("%" G_GINT64_FORMAT, task_id);
  gint64 deadline = g_get_monotonic_time ()
                    + (self->timeout_seconds > 0 ? self->timeout_seconds : 600) * G_USEC_PER_SEC;

  while (ovh_zone_task_status_is_running (current))
    {
      g_autoptr (GAsyncResult) result = NULL;

      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                       _ ("The task %s is still “%s”: gave up waiting"), task_text, current);
          return NULL;
        }
      if (!domaine_cli_sleep (self, MIN ((guint) self->poll_interval_ms, 1000), error))
        return NULL;

      ovh_zone_fetch_task_status_async (zone, task_id, self->cancellable, domaine_cli_result_cb,
                                        &result);
      g_free (current);
      current = ovh_zone_fetch_task_status_finish (zone, domaine_cli_await (self, &result), error);
      if (current == NULL)
        return NULL;
    }

  return g_steal_pointer (&current);
}

int
domaine_cli_zone_import_replace (
    DomaineCli *self, const char *zone_name, const char *text, guint n_records, GError **error)
{
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *first_status = NULL;
  g_autofree char *status = NULL;
  g_autofree char *task_text = NULL;
  gint64 task_id = -1;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  ovh_zone_import_async (zone, text, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_zone_import_finish (zone, domaine_cli_await (self, &result), &task_id, &first_status,
                               error))
    return DOMAINE_CLI_EXIT_API;

  task_text = g_strdup_printf ("%" G_GINT64_FORMAT, task_id);
  /* Translators: a number of records, a zone, then a task number */
  domaine_cli_note (self,
                    ngettext ("Importing %u record into %s (task %s)…\n",
                              "Importing %u records into %s (task %s)…\n", n_records),
                    n_records, zone_name, task_text);

  status = domaine_cli_wait_for_task (self, zone, task_id, g_steal_pointer (&first_status), error);
  if (status == NULL)
    return domaine_cli_exit_code_for_error (*error);

  if (!g_str_equal (status, "done"))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                   /* Translators: a task number, then its status ("error", "cancelled") */
                   _ ("The import task %s ended with the status “%s”"), task_text, status);
      return DOMAINE_CLI_EXIT_API;
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_int_member (object, "task", task_id);
      json_object_set_string_member (object, "status", status);
      json_object_set_int_member (object, "records", n_records);
      json_object_set_boolean_member (object, "published", TRUE);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_note (self,
                      ngettext ("Imported %u record into %s; OVHcloud published the zone.\n",
                                "Imported %u records into %s; OVHcloud published the zone.\n",
                                n_records),
                      n_records, zone_name);

  return DOMAINE_CLI_EXIT_OK;
}
