/* domaine-cli-notes.c: records note, and the notes in records list --json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same notes as the application's: kept on this computer per account and zone, never
 * sent to OVH. Before a note is read or set, notes follow the zone's records, so that a
 * record recreated under a new id finds its note (see ovh-record-notes.h).
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-record-notes.h"
#include "ovh-zone-file.h"

OvhRecordNotes *
domaine_cli_open_notes (DomaineCli *self, const char *zone_name, GError **error)
{
  const char *account_id = self->account != NULL && ovh_account_get_id (self->account) != NULL
                               ? ovh_account_get_id (self->account)
                               : "default";

  return ovh_record_notes_open (NULL, account_id, zone_name, error);
}

void
domaine_cli_keep_file_notes (DomaineCli *self, const char *zone_name, GPtrArray *records)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecordNotes) notes = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < records->len && !any; i++)
    any = ovh_zone_file_get_note (g_ptr_array_index (records, i)) != NULL;
  if (!any)
    return;
  /* The records get their notes once they have ids: the next command that reads the zone's
   * notes finds them by name, type and value. A notes file that does not read stops nothing. */
  notes = domaine_cli_open_notes (self, zone_name, &error);
  if (notes != NULL)
    {
      ovh_zone_file_take_notes (records, notes);
      ovh_record_notes_save_if_changed (notes, &error);
    }
  if (error != NULL)
    domaine_cli_print_error (self, error);
}

static void
print_note (DomaineCli *self, const char *zone_name, guint64 id, const char *note)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_int_member (object, "id", (gint64) id);
      if (note != NULL)
        json_object_set_string_member (object, "note", note);
      else
        json_object_set_null_member (object, "note");
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else if (note != NULL)
    domaine_cli_print (self, "%s\n", note);
}

int
domaine_cli_cmd_records_note (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  const char *text = self->n_args > 2 ? self->args[2] : NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhRecordNotes) notes = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  OvhRecord *record;
  guint64 id = 0;

  if (!domaine_cli_parse_id (self->args[1], _ ("record ID"), &id, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  /* The whole zone: a note follows its record by name, type and value only when exactly one
   * record has them. */
  zone = domaine_cli_new_cached_zone (self, zone_name);
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_DEFAULT, self->cancellable, domaine_cli_result_cb,
                       &result);
  if (!ovh_zone_load_finish (zone, domaine_cli_await (self, &result), error))
    return DOMAINE_CLI_EXIT_API;
  record = ovh_zone_find_record_by_id (zone, id);
  if (record == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_NOT_FOUND,
                   /* Translators: a record id, then a zone */
                   _ ("No record %s in %s"), self->args[1], zone_name);
      return DOMAINE_CLI_EXIT_NOT_FOUND;
    }

  notes = domaine_cli_open_notes (self, zone_name, error);
  if (notes == NULL)
    return DOMAINE_CLI_EXIT_API;
  ovh_record_notes_follow (notes, ovh_zone_get_records (zone));
  if (text != NULL)
    {
      gboolean clear = !ovh_record_notes_is_note (text);

      ovh_record_notes_set (notes, record, text);
      if (!self->json)
        domaine_cli_note (self,
                          /* Translators: %s is a record id */
                          clear ? _ ("Note of record %s removed.\n")
                                : _ ("Note of record %s saved.\n"),
                          self->args[1]);
    }
  if (!ovh_record_notes_save_if_changed (notes, &local_error))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED, "%s", local_error->message);
      return DOMAINE_CLI_EXIT_API;
    }

  print_note (self, zone_name, id, ovh_record_notes_lookup (notes, record));
  return DOMAINE_CLI_EXIT_OK;
}
