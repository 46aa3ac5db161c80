/* domaine-cli-soa.c: zone soa (show or change a zone's SOA settings) and zone reset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Settings are checked with libovh's rules before anything is sent. A reset keeps a local
 * snapshot of the records first (the one the application's History window lists) and stops
 * at the mass-change guard unless --yes is given: it removes every record.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-zone-soa.h"

static JsonNode *
soa_to_json (const char *zone_name, const OvhZoneSoa *soa)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *out = json_object_new ();

  /* OVH's member names, as GET …/soa has them. */
  json_object_set_string_member (out, "zone", zone_name);
  json_object_set_int_member (out, "serial", (gint64) soa->serial);
  json_object_set_string_member (out, "server", soa->server != NULL ? soa->server : "");
  json_object_set_int_member (out, "ttl", soa->ttl);
  json_object_set_int_member (out, "refresh", soa->refresh);
  json_object_set_int_member (out, "expire", soa->expire);
  json_object_set_int_member (out, "nxDomainTtl", soa->nx_domain_ttl);
  json_object_set_string_member (out, "email", soa->email != NULL ? soa->email : "");
  json_node_take_object (node, out);
  return node;
}

static void
add_row (DomaineCliTable *table, const char *label, const char *value)
{
  g_autofree char *with_colon = g_strdup_printf (_ ("%s:"), label);

  domaine_cli_table_add_row (table, with_colon, value, NULL);
}

static void
print_soa (DomaineCli *self, const char *zone_name, const OvhZoneSoa *soa)
{
  g_autoptr (DomaineCliTable) table = domaine_cli_table_new ("", "", NULL);
  g_autofree char *serial = g_strdup_printf ("%" G_GUINT64_FORMAT, soa->serial);
  g_autofree char *ttl = g_strdup_printf ("%u", soa->ttl);
  g_autofree char *refresh = g_strdup_printf ("%u", soa->refresh);
  g_autofree char *expire = g_strdup_printf ("%u", soa->expire);
  g_autofree char *negative = g_strdup_printf ("%u", soa->nx_domain_ttl);

  if (self->json)
    {
      g_autoptr (JsonNode) node = soa_to_json (zone_name, soa);

      domaine_cli_print_json (self, node);
      return;
    }
  domaine_cli_table_set_show_headers (table, FALSE);
  add_row (table, _ ("Zone"), zone_name);
  add_row (table, _ ("Primary server"), soa->server);
  add_row (table, _ ("Serial"), serial);
  add_row (table, _ ("Default TTL"), ttl);
  add_row (table, _ ("Refresh"), refresh);
  add_row (table, _ ("Expiry"), expire);
  add_row (table, _ ("Negative TTL"), negative);
  add_row (table, _ ("Contact e-mail"), soa->email);
  domaine_cli_print_table (self, table);
}

/* "3600" → 3600; anything else is a usage error naming the option. */
static gboolean
parse_seconds (const char *text, const char *option, guint *value, GError **error)
{
  guint64 number;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &number, NULL))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: an option ("--refresh"), then what was given */
                   _ ("%s: “%s” is not a number of seconds"), option, text);
      return FALSE;
    }
  *value = (guint) number;
  return TRUE;
}

static OvhZoneSoa *
fetch_soa (DomaineCli *self, OvhZone *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_soa_async (zone, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_zone_fetch_soa_finish (zone, domaine_cli_await (self, &result), error);
}

int
domaine_cli_cmd_zone_soa (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhZoneSoa) soa = NULL;
  g_autoptr (OvhZoneSoa) updated = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean change = self->ttl != NULL || self->refresh != NULL || self->expire != NULL
                    || self->negative_ttl != NULL || self->email != NULL;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  soa = fetch_soa (self, zone, error);
  if (soa == NULL)
    return domaine_cli_exit_code_for_error (*error);
  if (!change)
    {
      print_soa (self, zone_name, soa);
      return DOMAINE_CLI_EXIT_OK;
    }

  /* What is not given stays as OVH has it. */
  if (!parse_seconds (self->ttl, "--ttl", &soa->ttl, error)
      || !parse_seconds (self->refresh, "--refresh", &soa->refresh, error)
      || !parse_seconds (self->expire, "--expire", &soa->expire, error)
      || !parse_seconds (self->negative_ttl, "--negative-ttl", &soa->nx_domain_ttl, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (self->email != NULL)
    {
      g_free (soa->email);
      soa->email = g_strdup (self->email);
    }
  if (!ovh_zone_soa_validate (soa, NULL, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  ovh_zone_update_soa_async (zone, soa, self->cancellable, domaine_cli_result_cb, &result);
  updated = ovh_zone_update_soa_finish (zone, domaine_cli_await (self, &result), error);
  if (updated == NULL)
    return domaine_cli_exit_code_for_error (*error);

  print_soa (self, zone_name, updated);
  domaine_cli_note (self, _ ("Updated the SOA of %s.\n"), zone_name);
  return DOMAINE_CLI_EXIT_OK;
}

/* zone reset ------------------------------------------------------------------------------- */

int
domaine_cli_cmd_zone_reset (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) loaded = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  const char *account_id;
  guint n_before;
  gint64 snapshot_time = 0;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_BYPASS_CACHE, self->cancellable, domaine_cli_result_cb,
                       &loaded);
  if (!ovh_zone_load_finish (zone, domaine_cli_await (self, &loaded), error))
    return domaine_cli_exit_code_for_error (*error);

  n_before = ovh_zone_get_n_records (zone);
  if (!self->yes)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   self->minimized
                       /* Translators: a number of records, then a zone */
                       ? _ ("This replaces the %u records of %s by its name servers only; nothing "
                            "was sent: run it again with --yes to go on")
                       /* Translators: a number of records, then a zone */
                       : _ ("This replaces the %u records of %s by OVHcloud’s default records; "
                            "nothing was sent: run it again with --yes to go on"),
                   n_before, zone_name);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  /* The same snapshots as the application's, so that its History window can undo this. */
  account_id = self->account != NULL && ovh_account_get_id (self->account) != NULL
                   ? ovh_account_get_id (self->account)
                   : "default";
  ovh_zone_reset_async (zone, self->minimized ? OVH_ZONE_RESET_MINIMIZED : OVH_ZONE_RESET_DEFAULT,
                        NULL, account_id, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_zone_reset_finish (zone, domaine_cli_await (self, &result), &snapshot_time, error))
    return domaine_cli_exit_code_for_error (*error);

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_boolean_member (object, "minimized", self->minimized);
      json_object_set_int_member (object, "recordsBefore", n_before);
      json_object_set_int_member (object, "recordsAfter", ovh_zone_get_n_records (zone));
      json_object_set_int_member (object, "serial", (gint64) ovh_zone_get_serial (zone));
      json_object_set_int_member (object, "snapshot", snapshot_time);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_note (self,
                      /* Translators: a zone, then numbers of records */
                      _ ("Reset %s: %u records replaced by %u. The previous records are kept in "
                         "Domaine’s History window.\n"),
                      zone_name, n_before, ovh_zone_get_n_records (zone));
  return DOMAINE_CLI_EXIT_OK;
}
