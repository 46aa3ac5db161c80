/* domaine-cli-records.c: records list, add, set and delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes go through an OvhChangeset, as in the application: the records a change needs are
 * fetched into an OvhZone (not the whole zone), staged, then applied with one refresh per
 * command (none with --no-publish).
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-changeset.h"
#include "ovh-record.h"
#include "ovh-zone-fetch.h"

/* Helpers ------------------------------------------------------------------------------------ */

JsonNode *
domaine_cli_record_to_json (OvhRecord *record)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, (gint64) ovh_record_get_id (record));
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, ovh_record_get_zone (record));
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, ovh_record_get_sub_domain (record));
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, ovh_record_get_field_type (record));
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, ovh_record_get_target (record));
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, ovh_record_get_ttl (record));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
format_ttl (guint ttl)
{
  if (ttl == 0)
    /* Translators: a record's TTL of 0, which OVH replaces with the zone's default */
    return g_strdup (_ ("default"));
  return g_strdup_printf ("%u", ttl);
}

static DomaineCliTable *
new_records_table (void)
{
  DomaineCliTable *table
      = domaine_cli_table_new (_ ("ID"), _ ("Name"), _ ("Type"), _ ("TTL"), _ ("Value"), NULL);

  domaine_cli_table_set_align_right (table, 0, TRUE);
  domaine_cli_table_set_align_right (table, 3, TRUE);
  return table;
}

static void
add_record_row (DomaineCliTable *table, OvhRecord *record)
{
  g_autofree char *id = g_strdup_printf ("%" G_GUINT64_FORMAT, ovh_record_get_id (record));
  g_autofree char *ttl = format_ttl (ovh_record_get_ttl (record));

  domaine_cli_table_add_row (table, id, ovh_record_get_display_name (record),
                             ovh_record_get_field_type (record), ttl,
                             ovh_record_get_target (record), NULL);
}

static gboolean
parse_ttl (const char *text, gint64 *ttl, GError **error)
{
  gint64 value = 0;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Invalid TTL “%s”: a number of seconds is expected"), text);
      return FALSE;
    }

  *ttl = value;
  return TRUE;
}

static OvhRecord *
fetch_record (DomaineCli *self, OvhZone *zone, guint64 id, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_record_async (zone, id, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_zone_fetch_record_finish (zone, domaine_cli_await (self, &result), error);
}

/* The record as it will be, checked with libovh's rules, and with the CNAME rule against the
 * records of the same name (fetched into the zone), before anything is sent. */
static gboolean
check_record (DomaineCli *self, OvhZone *zone, OvhRecord *record, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) neighbours = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!ovh_record_check (record, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }

  ovh_zone_fetch_records_named_async (zone, ovh_record_get_sub_domain (record), self->cancellable,
                                      domaine_cli_result_cb, &result);
  neighbours = ovh_zone_fetch_records_named_finish (zone, domaine_cli_await (self, &result), error);
  if (neighbours == NULL)
    return FALSE;
  if (!ovh_records_check_conflicts (ovh_zone_get_records (zone), record, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Applies what is staged, with the one refresh unless --no-publish. */
static gboolean
apply_changes (DomaineCli *self, OvhChangeset *changeset, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_changeset_set_publish_after_apply (changeset, !self->no_publish);
  ovh_changeset_apply_async (changeset, self->cancellable, domaine_cli_result_cb, &result);
  return ovh_changeset_apply_finish (changeset, domaine_cli_await (self, &result), error);
}

/* The refresh failed after changes were made: OVH's error, saying how to publish. */
static GError *
not_published_error (OvhChangeset *changeset, const GError *apply_error)
{
  const char *zone = ovh_zone_get_name (ovh_changeset_get_zone (changeset));
  GError *error = domaine_cli_publish_error (changeset, apply_error);

  g_prefix_error (&error,
                  /* Translators: %s is a zone; the error message follows */
                  _ ("The changes were made but %s was not published (run “domaine-cli zone "
                     "refresh %s”): "),
                  zone, zone);
  return error;
}

/* How to look at the zone after a change of unknown outcome: a command to run. */
static char *
dup_check_hint (OvhChange *change, const char *zone_name)
{
  OvhRecord *record = ovh_change_get_record (change);
  const char *sub_domain = ovh_record_get_sub_domain (record);

  return g_strdup_printf ("domaine-cli records list %s --name %s --type %s", zone_name,
                          sub_domain[0] != '\0' ? sub_domain : "@",
                          ovh_record_get_field_type (record));
}

/* The error of a change whose outcome is unknown, saying what to check. */
static GError *
unknown_outcome_error (OvhChange *change, const char *zone_name, const char *prefix)
{
  g_autofree char *hint = dup_check_hint (change, zone_name);
  const GError *error = ovh_change_get_error (change);

  return g_error_new (OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME,
                      /* Translators: the first %s is "Record 12: " or empty, the second an error
                       * message, the third a command line */
                      _ ("%s%s. Check with “%s” before trying again."), prefix,
                      error != NULL ? error->message : "", hint);
}

/* Applies the one change staged by add or set; FALSE with the error as the API gave it (for a
 * change whose outcome is unknown, with what to check). */
static gboolean
apply_one (DomaineCli *self, OvhChangeset *changeset, OvhChange *change, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (apply_changes (self, changeset, &local_error))
    return TRUE;

  if (ovh_change_get_outcome (change) == OVH_CHANGE_OUTCOME_UNKNOWN)
    g_propagate_error (
        error,
        unknown_outcome_error (change, ovh_zone_get_name (ovh_changeset_get_zone (changeset)), ""));
  else if (ovh_change_get_state (change) == OVH_CHANGE_STATE_FAILED)
    g_propagate_error (error, g_error_copy (ovh_change_get_error (change)));
  else if (g_error_matches (local_error, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_PUBLISH_FAILED))
    g_propagate_error (error, not_published_error (changeset, local_error));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* A change made although its answer was lost: say how it is known. */
static void
note_answer_lost (DomaineCli *self, OvhChange *change)
{
  const GError *error = ovh_change_get_error (change);

  if (!ovh_change_get_answer_lost (change)
      || ovh_change_get_outcome (change) != OVH_CHANGE_OUTCOME_APPLIED)
    return;

  domaine_cli_note (self,
                    /* Translators: %s is an error message */
                    _ ("The answer was lost (%s), but the zone shows the change was made.\n"),
                    error != NULL ? error->message : "");
}

static const char *
outcome_name (OvhChangeOutcome outcome)
{
  /* Stable names for --json, never translated. */
  switch (outcome)
    {
    case OVH_CHANGE_OUTCOME_APPLIED:
      return "applied";
    case OVH_CHANGE_OUTCOME_FAILED:
      return "failed";
    case OVH_CHANGE_OUTCOME_UNKNOWN:
      return "unknown";
    case OVH_CHANGE_OUTCOME_NONE:
    default:
      return "none";
    }
}

/* change: what was applied (NULL when nothing was sent). */
static void
print_change_result (
    DomaineCli *self, OvhRecord *record, OvhChange *change, const char *what, gboolean published)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "record", domaine_cli_record_to_json (record));
      json_object_set_boolean_member (object, "published", published);
      json_object_set_string_member (object, "outcome",
                                     change != NULL ? outcome_name (ovh_change_get_outcome (change))
                                                    : "unchanged");
      json_object_set_boolean_member (object, "answerLost",
                                      change != NULL && ovh_change_get_answer_lost (change));
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    {
      g_autoptr (DomaineCliTable) table = new_records_table ();

      domaine_cli_note (self, "%s\n", what);
      add_record_row (table, record);
      if (!self->quiet)
        domaine_cli_print_table (self, table);
      if (change != NULL)
        note_answer_lost (self, change);
      if (published)
        domaine_cli_note (self, _ ("Published %s.\n"), ovh_record_get_zone (record));
      else
        domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"),
                          ovh_record_get_zone (record));
    }
}

/* With --json, a change of unknown outcome is a document too: scripts must not send it again
 * blindly. */
static void
print_unknown_result (DomaineCli *self, OvhChangeset *changeset, OvhChange *change)
{
  g_autoptr (OvhRecord) record = NULL;

  if (!self->json || ovh_change_get_outcome (change) != OVH_CHANGE_OUTCOME_UNKNOWN)
    return;

  record = ovh_record_dup (ovh_change_get_record (change));
  ovh_record_set_id (record, ovh_change_get_record_id (change));
  if (ovh_record_get_zone (record) == NULL)
    ovh_record_set_zone (record, ovh_zone_get_name (ovh_changeset_get_zone (changeset)));
  print_change_result (self, record, change, NULL,
                       !self->no_publish && !ovh_changeset_get_needs_publish (changeset));
}

/* records list ------------------------------------------------------------------------------- */

/* As json-glib writes a string (control bytes escaped, so no terminal escape gets through),
 * and always valid UTF-8. Runs that need no escape are copied whole. */
static void
append_json_string (GString *out, const char *text)
{
  static const char hex[] = "0123456789abcdef";
  g_autofree char *valid = NULL;
  const char *run;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  run = text;
  for (const char *p = text;; p++)
    {
      guchar c = (guchar) *p;
      char escape[7] = { '\\', 'u', '0', '0', 0, 0, 0 };
      const char *replacement;
      gssize length = 2;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (out, run, p - run);
      if (c == '\0')
        break;
      run = p + 1;
      switch (c)
        {
        case '"':
          replacement = "\\\"";
          break;
        case '\\':
          replacement = "\\\\";
          break;
        case '\b':
          replacement = "\\b";
          break;
        case '\f':
          replacement = "\\f";
          break;
        case '\n':
          replacement = "\\n";
          break;
        case '\r':
          replacement = "\\r";
          break;
        case '\t':
          replacement = "\\t";
          break;
        default:
          escape[4] = hex[c >> 4];
          escape[5] = hex[c & 0xf];
          replacement = escape;
          length = 6;
        }
      g_string_append_len (out, replacement, length);
    }
  g_string_append_c (out, '"');
}

/* A number in decimal, without printf's machinery (two of them a record). */
static void
append_uint (GString *out, guint64 value)
{
  char digits[20];
  guint n = 0;

  do
    {
      digits[sizeof digits - ++n] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  g_string_append_len (out, digits + sizeof digits - n, n);
}

#define APPEND_LITERAL(out, literal) g_string_append_len ((out), (literal), sizeof (literal) - 1)

/* Written in blocks of this size: a listing of a big zone held whole would cost its pages. */
#define OUTPUT_BLOCK (64 * 1024)

/* The listing as domaine_cli_print_json() would print it, written straight from the records
 * into a buffer written out in big blocks: a JSON tree of a big zone costs more than the load
 * itself. */
static void
print_records_json (DomaineCli *self, GPtrArray *records, OvhRecordNotes *notes)
{
  g_autoptr (GString) out = g_string_sized_new (OUTPUT_BLOCK + 4096);

  APPEND_LITERAL (out, "[\n");
  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      guint64 id = ovh_record_get_id (record);
      const char *note;

      APPEND_LITERAL (out, "  {\n    \"id\" : ");
      /* As G_GINT64_FORMAT writes it: ids above G_MAXINT64 come out negative. */
      if (id > G_MAXINT64)
        {
          g_string_append_c (out, '-');
          id = (guint64) 0 - id;
        }
      append_uint (out, id);
      APPEND_LITERAL (out, ",\n    \"zone\" : ");
      append_json_string (out, ovh_record_get_zone (record));
      APPEND_LITERAL (out, ",\n    \"subDomain\" : ");
      append_json_string (out, ovh_record_get_sub_domain (record));
      APPEND_LITERAL (out, ",\n    \"fieldType\" : ");
      append_json_string (out, ovh_record_get_field_type (record));
      APPEND_LITERAL (out, ",\n    \"target\" : ");
      append_json_string (out, ovh_record_get_target (record));
      APPEND_LITERAL (out, ",\n    \"ttl\" : ");
      append_uint (out, ovh_record_get_ttl (record));
      note = notes != NULL ? ovh_record_notes_lookup (notes, record) : NULL;
      if (note != NULL)
        {
          APPEND_LITERAL (out, ",\n    \"note\" : ");
          append_json_string (out, note);
        }
      if (i + 1 < records->len)
        APPEND_LITERAL (out, "\n  },\n");
      else
        APPEND_LITERAL (out, "\n  }\n");
      if (out->len >= OUTPUT_BLOCK)
        {
          fwrite (out->str, 1, out->len, self->out);
          g_string_truncate (out, 0);
        }
    }
  APPEND_LITERAL (out, "]\n");

  fwrite (out->str, 1, out->len, self->out);
  fflush (self->out);
}

int
domaine_cli_cmd_records_list (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (GPtrArray) shown = NULL;
  g_autofree char *wanted_name = NULL;
  const OvhRecordType *wanted_type = NULL;
  GListModel *records;
  guint n_items;

  if (self->type != NULL && (wanted_type = ovh_record_type_lookup (self->type)) == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown record type “%s”"), self->type);
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->name != NULL)
    wanted_name = ovh_record_normalize_sub_domain (self->name, zone_name);

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_cached_zone (self, zone_name);
  ovh_zone_load_async (zone, OVH_ZONE_LOAD_DEFAULT, self->cancellable, domaine_cli_result_cb,
                       &result);
  if (!ovh_zone_load_finish (zone, domaine_cli_await (self, &result), error))
    return DOMAINE_CLI_EXIT_API;

  records = ovh_zone_get_records (zone);
  n_items = g_list_model_get_n_items (records);
  shown = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      if (wanted_type != NULL
          && g_ascii_strcasecmp (wanted_type->name, ovh_record_get_field_type (record)) != 0)
        continue;
      if (wanted_name != NULL
          && g_ascii_strcasecmp (wanted_name, ovh_record_get_sub_domain (record)) != 0)
        continue;
      if (ovh_record_get_zone (record) == NULL)
        ovh_record_set_zone (record, zone_name);
      g_ptr_array_add (shown, g_steal_pointer (&record));
    }

  /* Only the output that is printed gets built. */
  if (self->json)
    {
      g_autoptr (GError) notes_error = NULL;
      g_autoptr (OvhRecordNotes) notes = domaine_cli_open_notes (self, zone_name, &notes_error);

      /* A damaged notes file does not stop the listing; it is said once, on stderr. */
      if (notes == NULL)
        domaine_cli_print_error (self, notes_error);
      else if (ovh_record_notes_follow (notes, records) > 0)
        ovh_record_notes_save_if_changed (notes, NULL);
      print_records_json (self, shown, notes);
      return DOMAINE_CLI_EXIT_OK;
    }

  table = new_records_table ();
  for (guint i = 0; i < shown->len; i++)
    add_record_row (table, g_ptr_array_index (shown, i));
  domaine_cli_print_table (self, table);
  return DOMAINE_CLI_EXIT_OK;
}

/* records add -------------------------------------------------------------------------------- */

/* How a command that changed several records ends: every failure on a line of its own, then
 * the publish failure; the exit status is the first failure's, else the publish's. Takes
 * publish_error. */
static int
finish_changes (DomaineCli *self, GPtrArray *failures, GError *publish_error, GError **error)
{
  if (failures->len > 0)
    {
      for (guint i = 0; i < failures->len; i++)
        domaine_cli_print_error (self, g_ptr_array_index (failures, i));
      if (publish_error != NULL)
        domaine_cli_print_error (self, publish_error);
      g_clear_error (&publish_error);
      return domaine_cli_exit_code_for_error (g_ptr_array_index (failures, 0));
    }
  if (publish_error != NULL)
    {
      g_propagate_error (error, publish_error);
      return DOMAINE_CLI_EXIT_API;
    }
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_records_add (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  g_autofree char *sub_domain = NULL;
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (OvhRecord) created = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (OvhChange) change = NULL;
  g_autoptr (GError) local_error = NULL;
  OvhRecord *landed;
  gint64 ttl = 0;

  if (self->type == NULL || self->name == NULL || self->value == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("records add needs --type, --name and --value (use --name @ for "
                              "the zone itself)"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->ttl != NULL && !parse_ttl (self->ttl, &ttl, error))
    return DOMAINE_CLI_EXIT_USAGE;

  sub_domain = ovh_record_normalize_sub_domain (self->name, zone_name);
  if (!ovh_record_validate (self->type, sub_domain, self->value, ttl, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  record = ovh_record_new (zone_name, sub_domain, ovh_record_type_lookup (self->type)->name,
                           self->value, (guint) ttl);

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  changeset = ovh_changeset_new (zone);
  if (!check_record (self, zone, record, error))
    return DOMAINE_CLI_EXIT_API;
  change = ovh_changeset_stage_create (changeset, record, error);
  if (change == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  g_object_ref (change); /* applied changes leave the changeset */

  if (!apply_one (self, changeset, change, error))
    {
      print_unknown_result (self, changeset, change);
      return DOMAINE_CLI_EXIT_API;
    }

  /* The record as OVH answered it; after OVH's id-0 bug, as the changeset found it (or with
   * id 0 when it could not be told apart). */
  landed = ovh_change_get_record_id (change) != 0
               ? ovh_zone_find_record_by_id (zone, ovh_change_get_record_id (change))
               : NULL;
  created = ovh_record_dup (landed != NULL ? landed : ovh_change_get_after (change));
  if (ovh_record_get_zone (created) == NULL)
    ovh_record_set_zone (created, zone_name);

  print_change_result (self, created, change, _ ("Added:"), !self->no_publish);
  return DOMAINE_CLI_EXIT_OK;
}

/* records set -------------------------------------------------------------------------------- */

/* The record with the values asked for. */
static OvhRecord *
build_updated (DomaineCli *self, OvhRecord *current, const char *zone_name, gint64 ttl)
{
  OvhRecord *updated = ovh_record_dup (current);

  if (self->name != NULL)
    {
      g_autofree char *sub_domain = ovh_record_normalize_sub_domain (self->name, zone_name);

      ovh_record_set_sub_domain (updated, sub_domain);
    }
  if (self->value != NULL)
    ovh_record_set_target (updated, self->value);
  if (self->ttl != NULL)
    ovh_record_set_ttl (updated, (guint) ttl);
  return updated;
}

/* OVH cannot change a record's type: --type only guards against editing the wrong record. */
static gboolean
check_type (DomaineCli *self, OvhRecord *current, const char *id_text, GError **error)
{
  if (self->type == NULL
      || g_ascii_strcasecmp (self->type, ovh_record_get_field_type (current)) == 0)
    return TRUE;
  g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
               /* Translators: a record ID and its type */
               _ ("Record %s is of type %s and OVHcloud cannot change a record’s type: delete "
                  "it and add a new one"),
               id_text, ovh_record_get_field_type (current));
  return FALSE;
}

static int
set_one (DomaineCli *self, OvhChangeset *changeset, guint64 id, gint64 ttl, GError **error)
{
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  const char *zone_name = ovh_zone_get_name (zone);
  g_autoptr (OvhChange) change = NULL;
  g_autoptr (OvhRecord) current = NULL;
  g_autoptr (OvhRecord) updated = NULL;
  g_autoptr (GError) local_error = NULL;

  current = fetch_record (self, zone, id, error);
  if (current == NULL)
    return DOMAINE_CLI_EXIT_API;
  if (!check_type (self, current, self->args[1], error))
    return DOMAINE_CLI_EXIT_USAGE;

  updated = build_updated (self, current, zone_name, ttl);
  if (self->ttl != NULL
      && !ovh_record_validate (ovh_record_get_field_type (updated),
                               ovh_record_get_sub_domain (updated), ovh_record_get_target (updated),
                               ttl, &local_error))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, local_error->message);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (ovh_record_equal_content (current, updated))
    {
      domaine_cli_note (self, _ ("Record %s already has these values.\n"), self->args[1]);
      print_change_result (self, current, NULL, _ ("Unchanged:"), FALSE);
      return DOMAINE_CLI_EXIT_OK;
    }

  if (!check_record (self, zone, updated, error))
    return DOMAINE_CLI_EXIT_API;
  change = ovh_changeset_stage_update (changeset, id, updated, error);
  if (change == NULL)
    return DOMAINE_CLI_EXIT_USAGE;
  g_object_ref (change); /* applied changes leave the changeset */

  if (!apply_one (self, changeset, change, error))
    {
      print_unknown_result (self, changeset, change);
      return DOMAINE_CLI_EXIT_API;
    }

  print_change_result (self, updated, change, _ ("Changed:"), !self->no_publish);
  return DOMAINE_CLI_EXIT_OK;
}

typedef struct
{
  const char *text; /* the ID as typed */
  guint64 id;
  OvhRecord *updated; /* NULL when it already has the values */
  OvhChange *change;  /* staged, or NULL */
} Update;

static void
update_clear (Update *update)
{
  g_clear_object (&update->updated);
  g_clear_object (&update->change);
}

/* Every record is read and checked before anything is staged: an unknown ID or a value its
 * type refuses changes nothing. */
static int
prepare_updates (DomaineCli *self, OvhZone *zone, GArray *updates, gint64 ttl, GError **error)
{
  for (guint i = 0; i < updates->len; i++)
    {
      Update *update = &g_array_index (updates, Update, i);
      g_autoptr (OvhRecord) current = NULL;
      g_autoptr (OvhRecord) updated = NULL;
      g_autoptr (GError) local_error = NULL;

      current = fetch_record (self, zone, update->id, &local_error);
      if (current == NULL)
        {
          int status = domaine_cli_exit_code_for_error (local_error);

          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (&local_error, _ ("Record %s: "), update->text);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return status;
        }
      if (!check_type (self, current, update->text, error))
        return DOMAINE_CLI_EXIT_USAGE;
      updated = build_updated (self, current, ovh_zone_get_name (zone), ttl);
      if (ovh_record_equal_content (current, updated))
        continue;
      if (!check_record (self, zone, updated, &local_error))
        {
          int status = domaine_cli_exit_code_for_error (local_error);

          g_prefix_error (&local_error, _ ("Record %s: "), update->text);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return status;
        }
      update->updated = g_steal_pointer (&updated);
    }
  return DOMAINE_CLI_EXIT_OK;
}

static void
print_updates_json (DomaineCli *self, const char *zone_name, GArray *updates, gboolean published)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonArray *updated = json_array_new ();
  JsonArray *unchanged = json_array_new ();
  JsonArray *failed = json_array_new ();
  JsonArray *unknown = json_array_new ();

  for (guint i = 0; i < updates->len; i++)
    {
      Update *update = &g_array_index (updates, Update, i);

      if (update->updated == NULL)
        json_array_add_int_element (unchanged, (gint64) update->id);
      else if (update->change == NULL)
        continue;
      else if (ovh_change_get_state (update->change) == OVH_CHANGE_STATE_APPLIED)
        json_array_add_element (updated, domaine_cli_record_to_json (update->updated));
      else
        {
          JsonObject *failure = json_object_new ();
          const GError *change_error = ovh_change_get_error (update->change);

          json_object_set_int_member (failure, "id", (gint64) update->id);
          json_object_set_string_member (failure, "error",
                                         change_error != NULL ? change_error->message : "");
          json_array_add_object_element (
              ovh_change_get_outcome (update->change) == OVH_CHANGE_OUTCOME_UNKNOWN ? unknown
                                                                                    : failed,
              failure);
        }
    }
  json_object_set_string_member (object, "zone", zone_name);
  json_object_set_array_member (object, "updated", updated);
  json_object_set_array_member (object, "unchanged", unchanged);
  json_object_set_array_member (object, "failed", failed);
  json_object_set_array_member (object, "unknown", unknown);
  json_object_set_boolean_member (object, "published", published);
  json_node_take_object (node, object);
  domaine_cli_print_json (self, node);
}

/* Several records: all read and checked, then updated, then published by one refresh. */
static int
set_many (DomaineCli *self, OvhChangeset *changeset, GArray *updates, gint64 ttl, GError **error)
{
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  const char *zone_name = ovh_zone_get_name (zone);
  g_autoptr (GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr (DomaineCliTable) table = new_records_table ();
  g_autoptr (GError) apply_error = NULL;
  g_autoptr (GError) publish_error = NULL;
  guint n_staged = 0, n_updated = 0;
  gboolean published;
  int status;

  status = prepare_updates (self, zone, updates, ttl, error);
  if (status != DOMAINE_CLI_EXIT_OK)
    return status;

  for (guint i = 0; i < updates->len; i++)
    {
      Update *update = &g_array_index (updates, Update, i);
      OvhChange *change;

      if (update->updated == NULL)
        continue;
      change = ovh_changeset_stage_update (changeset, update->id, update->updated, error);
      if (change == NULL)
        return DOMAINE_CLI_EXIT_USAGE;
      g_set_object (&update->change, change); /* applied changes leave the changeset */
      n_staged++;
    }

  if (n_staged > 0 && !apply_changes (self, changeset, &apply_error))
    {
      if (g_error_matches (apply_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&apply_error));
          return DOMAINE_CLI_EXIT_CANCELLED;
        }
      if (ovh_changeset_get_publish_error (changeset) != NULL)
        publish_error = not_published_error (changeset, apply_error);
    }

  for (guint i = 0; i < updates->len; i++)
    {
      Update *update = &g_array_index (updates, Update, i);
      g_autofree char *prefix = g_strdup_printf (_ ("Record %s: "), update->text);

      if (update->change == NULL)
        continue;
      if (ovh_change_get_state (update->change) == OVH_CHANGE_STATE_APPLIED)
        {
          n_updated++;
          add_record_row (table, update->updated);
          note_answer_lost (self, update->change);
        }
      else if (ovh_change_get_outcome (update->change) == OVH_CHANGE_OUTCOME_UNKNOWN)
        g_ptr_array_add (failures, unknown_outcome_error (update->change, zone_name, prefix));
      else if (ovh_change_get_error (update->change) != NULL)
        {
          GError *failure = g_error_copy (ovh_change_get_error (update->change));

          g_prefix_error (&failure, "%s", prefix);
          g_ptr_array_add (failures, failure);
        }
    }
  published = n_updated > 0 && !self->no_publish && publish_error == NULL;

  if (self->json)
    print_updates_json (self, zone_name, updates, published);
  else
    {
      domaine_cli_note (self, "%s\n", _ ("Changed:"));
      if (!self->quiet)
        domaine_cli_print_table (self, table);
      if (n_staged < updates->len)
        domaine_cli_note (self,
                          ngettext ("%u record already had these values.\n",
                                    "%u records already had these values.\n",
                                    updates->len - n_staged),
                          updates->len - n_staged);
      if (published)
        domaine_cli_note (self, _ ("Published %s.\n"), zone_name);
      else if (n_updated > 0 && publish_error == NULL)
        domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"),
                          zone_name);
    }

  return finish_changes (self, failures, g_steal_pointer (&publish_error), error);
}

int
domaine_cli_cmd_records_set (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  guint n_ids = self->n_args - 1;
  g_autoptr (GArray) updates = g_array_sized_new (FALSE, TRUE, sizeof (Update), n_ids);
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  gint64 ttl = 0;

  g_array_set_clear_func (updates, (GDestroyNotify) update_clear);
  g_array_set_size (updates, n_ids);
  /* Every ID is checked before the first request. */
  for (guint i = 0; i < n_ids; i++)
    {
      Update *update = &g_array_index (updates, Update, i);

      update->text = self->args[i + 1];
      if (!domaine_cli_parse_id (update->text, _ ("record ID"), &update->id, error))
        return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->name == NULL && self->value == NULL && self->ttl == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("records set needs at least one of --name, --value and --ttl"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->ttl != NULL && !parse_ttl (self->ttl, &ttl, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (self->type != NULL && ovh_record_type_lookup (self->type) == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown record type “%s”"), self->type);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  changeset = ovh_changeset_new (zone);
  if (n_ids == 1)
    return set_one (self, changeset, g_array_index (updates, Update, 0).id, ttl, error);
  return set_many (self, changeset, updates, ttl, error);
}

/* records delete ----------------------------------------------------------------------------- */

typedef struct
{
  const char *text; /* the ID as typed */
  guint64 id;
  OvhChange *change;   /* staged, or NULL */
  GError *fetch_error; /* why it could not be staged */
} Deletion;

static void
deletion_clear (Deletion *deletion)
{
  g_clear_object (&deletion->change);
  g_clear_error (&deletion->fetch_error);
}

/* Every failure is kept, in the order given, each error naming its record. */
static void
add_failure (JsonArray *failed, GPtrArray *failures, Deletion *deletion, const GError *error)
{
  JsonObject *object = json_object_new ();
  GError *named = g_error_copy (error);

  json_object_set_int_member (object, "id", (gint64) deletion->id);
  json_object_set_string_member (object, "error", error->message);
  json_array_add_object_element (failed, object);
  g_prefix_error (&named, _ ("Record %s: "), deletion->text);
  g_ptr_array_add (failures, named);
}

/* Reads each record into the zone and stages its delete; returns how many were staged. A
 * record that is gone fails here, with OVH's error. */
static guint
stage_deletions (DomaineCli *self, OvhChangeset *changeset, GArray *deletions, gboolean *cancelled)
{
  OvhZone *zone = ovh_changeset_get_zone (changeset);
  guint n_staged = 0;

  for (guint i = 0; i < deletions->len && !*cancelled; i++)
    {
      Deletion *deletion = &g_array_index (deletions, Deletion, i);
      g_autoptr (OvhRecord) record
          = fetch_record (self, zone, deletion->id, &deletion->fetch_error);
      OvhChange *change;

      if (record == NULL)
        {
          *cancelled = g_error_matches (deletion->fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          continue;
        }
      change = ovh_changeset_stage_delete (changeset, deletion->id, &deletion->fetch_error);
      if (change != NULL)
        {
          deletion->change = g_object_ref (change); /* applied changes leave the changeset */
          n_staged++;
        }
    }

  return n_staged;
}

/* In the order given: the deleted IDs, the failures and the deletes of unknown outcome (each
 * with its error in failures). Returns how many were deleted. */
static guint
collect_outcome (DomaineCli *self,
                 const char *zone_name,
                 GArray *deletions,
                 JsonArray *deleted,
                 JsonArray *failed,
                 JsonArray *unknown,
                 GPtrArray *failures)
{
  guint n_deleted = 0;

  for (guint i = 0; i < deletions->len; i++)
    {
      Deletion *deletion = &g_array_index (deletions, Deletion, i);

      if (deletion->fetch_error != NULL)
        {
          if (!g_error_matches (deletion->fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            add_failure (failed, failures, deletion, deletion->fetch_error);
        }
      else if (deletion->change == NULL)
        continue;
      else if (ovh_change_get_state (deletion->change) == OVH_CHANGE_STATE_APPLIED)
        {
          json_array_add_int_element (deleted, (gint64) deletion->id);
          n_deleted++;
          domaine_cli_note (self, _ ("Deleted record %s.\n"), deletion->text);
          note_answer_lost (self, deletion->change);
        }
      else if (ovh_change_get_outcome (deletion->change) == OVH_CHANGE_OUTCOME_UNKNOWN)
        {
          g_autofree char *prefix = g_strdup_printf (_ ("Record %s: "), deletion->text);
          JsonObject *object = json_object_new ();

          json_object_set_int_member (object, "id", (gint64) deletion->id);
          json_object_set_string_member (object, "error",
                                         ovh_change_get_error (deletion->change)->message);
          json_array_add_object_element (unknown, object);
          g_ptr_array_add (failures, unknown_outcome_error (deletion->change, zone_name, prefix));
        }
      else if (ovh_change_get_state (deletion->change) == OVH_CHANGE_STATE_FAILED)
        add_failure (failed, failures, deletion, ovh_change_get_error (deletion->change));
    }

  return n_deleted;
}

int
domaine_cli_cmd_records_delete (DomaineCli *self, GError **error)
{
  const char *zone_name = self->args[0];
  guint n_ids = self->n_args - 1;
  g_autoptr (GArray) deletions = g_array_sized_new (FALSE, TRUE, sizeof (Deletion), n_ids);
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (JsonArray) deleted = json_array_new ();
  g_autoptr (JsonArray) failed = json_array_new ();
  g_autoptr (JsonArray) unknown = json_array_new ();
  g_autoptr (GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr (GError) cancel_error = NULL;
  g_autoptr (GError) publish_error = NULL;
  g_autoptr (GError) apply_error = NULL;
  gboolean cancelled = FALSE;
  guint n_deleted;
  gboolean published;

  g_array_set_clear_func (deletions, (GDestroyNotify) deletion_clear);
  g_array_set_size (deletions, n_ids);

  /* Every ID is checked before the first request. */
  for (guint i = 0; i < n_ids; i++)
    {
      Deletion *deletion = &g_array_index (deletions, Deletion, i);

      deletion->text = self->args[i + 1];
      if (!domaine_cli_parse_id (deletion->text, _ ("record ID"), &deletion->id, error))
        return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  zone = domaine_cli_new_zone (self, zone_name);
  changeset = ovh_changeset_new (zone);

  /* The deletes, then one refresh: the deleted ones are gone at OVH and only a refresh makes
   * DNS agree, failures or not. */
  if (stage_deletions (self, changeset, deletions, &cancelled) > 0 && !cancelled
      && !apply_changes (self, changeset, &apply_error))
    {
      if (g_error_matches (apply_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_cancellable_is_cancelled (self->cancellable))
        cancelled = TRUE;
      else if (ovh_changeset_get_publish_error (changeset) != NULL)
        publish_error = not_published_error (changeset, apply_error);
    }

  n_deleted = collect_outcome (self, zone_name, deletions, deleted, failed, unknown, failures);
  if (cancelled)
    {
      g_ptr_array_set_size (failures, 0);
      g_clear_error (&publish_error);
      if (!g_cancellable_set_error_if_cancelled (self->cancellable, &cancel_error))
        cancel_error = apply_error != NULL
                           ? g_error_copy (apply_error)
                           : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
    }
  published = n_deleted > 0 && !self->no_publish && !cancelled && publish_error == NULL;

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone_name);
      json_object_set_array_member (object, "deleted", json_array_ref (deleted));
      json_object_set_array_member (object, "failed", json_array_ref (failed));
      json_object_set_array_member (object, "unknown", json_array_ref (unknown));
      json_object_set_boolean_member (object, "published", published);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else if (published)
    domaine_cli_note (self, _ ("Published %s.\n"), zone_name);
  else if (n_deleted > 0 && publish_error == NULL)
    domaine_cli_note (self, _ ("Not published: run “domaine-cli zone refresh %s”.\n"), zone_name);

  if (cancel_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&cancel_error));
      return DOMAINE_CLI_EXIT_CANCELLED;
    }
  return finish_changes (self, failures, g_steal_pointer (&publish_error), error);
}
