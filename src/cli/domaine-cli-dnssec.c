/* domaine-cli-dnssec.c: dnssec status, enable and disable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enabling or disabling is a change OVHcloud makes on its own: the command starts it, then
 * asks again until the state settles (or --timeout). Disabling a signed zone asks first, or
 * needs --yes when standard input is not a terminal.
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-dnssec.h"
#include "ovh-ds-record.h"
#include "ovh-error.h"

#define DEFAULT_TIMEOUT_S 600

static const char *
state_label (OvhDnssecState state)
{
  switch (state)
    {
    case OVH_DNSSEC_STATE_ENABLED:
      return _ ("enabled");
    case OVH_DNSSEC_STATE_DISABLED:
      return _ ("disabled");
    case OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS:
      return _ ("being enabled");
    case OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS:
      return _ ("being disabled");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
get_state (DomaineCli *self, const char *zone, OvhDnssecState *state, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_dnssec_get_state_async (self->client, zone, self->cancellable, domaine_cli_result_cb,
                              &result);
  return ovh_dnssec_get_state_finish (self->client, domaine_cli_await (self, &result), state,
                                      error);
}

/* The DS records of the domain of the same name; NULL without error when the domain is not
 * registered with this account (a zone for a domain registered elsewhere). */
static GPtrArray *
list_ds_records (DomaineCli *self, const char *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  GPtrArray *records;

  ovh_dnssec_list_ds_records_async (self->client, zone, self->cancellable, domaine_cli_result_cb,
                                    &result);
  records = ovh_dnssec_list_ds_records_finish (self->client, domaine_cli_await (self, &result),
                                               &local_error);
  if (records == NULL && !g_error_matches (local_error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return records;
}

static JsonNode *
ds_record_to_json (OvhDsRecord *record)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, ovh_ds_record_get_id (record));
  json_builder_set_member_name (builder, "tag");
  json_builder_add_int_value (builder, ovh_ds_record_get_tag (record));
  json_builder_set_member_name (builder, "algorithm");
  json_builder_add_int_value (builder, ovh_ds_record_get_algorithm (record));
  json_builder_set_member_name (builder, "algorithmName");
  if (ovh_ds_record_get_algorithm_name (record) != NULL)
    json_builder_add_string_value (builder, ovh_ds_record_get_algorithm_name (record));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "flags");
  json_builder_add_int_value (builder, ovh_ds_record_get_flags (record));
  json_builder_set_member_name (builder, "digestType");
  json_builder_add_int_value (builder, 2);
  json_builder_set_member_name (builder, "digest");
  json_builder_add_string_value (builder, ovh_ds_record_get_digest (record));
  json_builder_set_member_name (builder, "publicKey");
  json_builder_add_string_value (builder, ovh_ds_record_get_public_key (record));
  json_builder_set_member_name (builder, "status");
  if (ovh_ds_record_get_status (record) != NULL)
    json_builder_add_string_value (builder, ovh_ds_record_get_status (record));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* The state, and the DS records when asked for (records may be NULL: not registered here). */
static void
print_state (DomaineCli *self,
             const char *zone,
             OvhDnssecState state,
             gboolean with_records,
             GPtrArray *records)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone);
      json_object_set_string_member (object, "status", ovh_dnssec_state_to_string (state));
      if (with_records && records != NULL)
        {
          JsonArray *array = json_array_new ();

          for (guint i = 0; i < records->len; i++)
            json_array_add_element (array, ds_record_to_json (g_ptr_array_index (records, i)));
          json_object_set_array_member (object, "dsRecords", array);
        }
      else if (with_records)
        json_object_set_null_member (object, "dsRecords");
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
      return;
    }

  /* Translators: a zone, then its DNSSEC state ("enabled", "being disabled") */
  domaine_cli_print (self, _ ("DNSSEC on %s: %s\n"), zone, state_label (state));
  if (!with_records)
    return;
  if (records == NULL)
    {
      domaine_cli_print (self, _ ("No DS records: the domain is not registered with this "
                                  "account\n"));
      return;
    }
  if (records->len == 0)
    {
      domaine_cli_print (self, _ ("No DS records at the registry\n"));
      return;
    }

  {
    g_autoptr (DomaineCliTable) table = domaine_cli_table_new (
        _ ("KEY TAG"), _ ("ALGORITHM"), _ ("FLAGS"), _ ("DIGEST (SHA-256)"), NULL);

    for (guint i = 0; i < records->len; i++)
      {
        OvhDsRecord *record = g_ptr_array_index (records, i);
        g_autofree char *tag = g_strdup_printf ("%u", ovh_ds_record_get_tag (record));
        g_autofree char *flags = g_strdup_printf ("%u", ovh_ds_record_get_flags (record));
        g_autofree char *algorithm
            = ovh_ds_record_get_algorithm_name (record) != NULL
                  ? g_strdup_printf ("%u (%s)", ovh_ds_record_get_algorithm (record),
                                     ovh_ds_record_get_algorithm_name (record))
                  : g_strdup_printf ("%u", ovh_ds_record_get_algorithm (record));

        domaine_cli_table_add_row (table, tag, algorithm, flags, ovh_ds_record_get_digest (record),
                                   NULL);
      }
    domaine_cli_print_table (self, table);
  }
}

int
domaine_cli_cmd_dnssec_status (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GError) local_error = NULL;
  OvhDnssecState state;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  if (!get_state (self, zone, &state, error))
    return domaine_cli_exit_code_for_error (*error);
  records = list_ds_records (self, zone, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return domaine_cli_exit_code_for_error (*error);
    }
  print_state (self, zone, state, TRUE, records);
  return DOMAINE_CLI_EXIT_OK;
}

/* Whether the user agrees to disable DNSSEC on zone: asked on a terminal, else --yes. */
static gboolean
confirm_disable (DomaineCli *self, const char *zone, GError **error)
{
  char buffer[64];

  if (self->yes)
    return TRUE;
  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: a zone */
                   _ ("Disabling DNSSEC on %s makes validating resolvers fail the domain while "
                      "its DS records remain at the registry; nothing was sent: run it again "
                      "with --yes to go on"),
                   zone);
      return FALSE;
    }

  fprintf (self->err,
           /* Translators: a zone. The answer expected is the translation of "y". */
           _ ("Disable DNSSEC on %s? Resolvers that validate will fail the whole domain for as "
              "long as its DS records remain at the registry. [y/N] "),
           zone);
  fflush (self->err);
  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    buffer[0] = '\0';
  g_strstrip (buffer);
  /* "y", "yes", and the translated "yes" or its first letter. */
  if (g_ascii_strcasecmp (buffer, "y") == 0 || g_ascii_strcasecmp (buffer, "yes") == 0
      || g_utf8_collate (buffer, domaine_cli_yes_no (TRUE)) == 0
      || (buffer[0] != '\0' && buffer[1] == '\0'
          && g_ascii_tolower (buffer[0]) == domaine_cli_yes_no (TRUE)[0]))
    return TRUE;

  g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       _ ("DNSSEC left as it is"));
  return FALSE;
}

/* Asks again until the state leaves the in-progress states, or --timeout (default 10 min)
 * passes: bounded by time, as the client's rate limit spaces the calls out. */
static gboolean
wait_until_settled (DomaineCli *self, const char *zone, OvhDnssecState *state, GError **error)
{
  guint timeout_s = self->timeout_seconds > 0 ? (guint) self->timeout_seconds : DEFAULT_TIMEOUT_S;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  if (!get_state (self, zone, state, error))
    return FALSE;
  while (ovh_dnssec_state_is_in_progress (*state))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                       /* Translators: a zone, then its DNSSEC state ("enableInProgress") */
                       _ ("DNSSEC on %s is still “%s”: gave up waiting"), zone,
                       ovh_dnssec_state_to_string (*state));
          return FALSE;
        }
      if (!domaine_cli_sleep (self, MIN ((guint) MAX (self->poll_interval_ms, 1), 1000), error)
          || !get_state (self, zone, state, error))
        return FALSE;
    }
  return TRUE;
}

static int
change (DomaineCli *self, gboolean enable, GError **error)
{
  const char *zone = self->args[0];
  g_autoptr (GAsyncResult) result = NULL;
  OvhDnssecState state;
  OvhDnssecState wanted = enable ? OVH_DNSSEC_STATE_ENABLED : OVH_DNSSEC_STATE_DISABLED;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  if (!get_state (self, zone, &state, error))
    return domaine_cli_exit_code_for_error (*error);

  if (state == wanted)
    {
      /* Translators: a zone */
      domaine_cli_note (self,
                        enable ? _ ("DNSSEC is already enabled on %s\n")
                               : _ ("DNSSEC is already disabled on %s\n"),
                        zone);
      print_state (self, zone, state, FALSE, NULL);
      return DOMAINE_CLI_EXIT_OK;
    }

  if (!ovh_dnssec_state_is_in_progress (state))
    {
      if (!enable && !confirm_disable (self, zone, error))
        return DOMAINE_CLI_EXIT_USAGE;
      ovh_dnssec_set_enabled_async (self->client, zone, enable, self->cancellable,
                                    domaine_cli_result_cb, &result);
      if (!ovh_dnssec_set_enabled_finish (self->client, domaine_cli_await (self, &result), error))
        return domaine_cli_exit_code_for_error (*error);
    }

  /* Translators: a zone */
  domaine_cli_note (self, _ ("Waiting for OVHcloud to finish with DNSSEC on %s…\n"), zone);
  if (!wait_until_settled (self, zone, &state, error))
    return domaine_cli_exit_code_for_error (*error);

  print_state (self, zone, state, FALSE, NULL);
  if (state != wanted)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED,
                   /* Translators: a zone, then its DNSSEC state ("enabled") */
                   _ ("DNSSEC on %s ended up %s"), zone, state_label (state));
      return DOMAINE_CLI_EXIT_API;
    }
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_dnssec_enable (DomaineCli *self, GError **error)
{
  return change (self, TRUE, error);
}

int
domaine_cli_cmd_dnssec_disable (DomaineCli *self, GError **error)
{
  return change (self, FALSE, error);
}
