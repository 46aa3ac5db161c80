/* ovh-zone-file.c: BIND zone files to and from OVH records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <ldns/ldns.h>

#include "ovh-zone-file.h"
#include "ovh-record-type-private.h"

/* No TTL in the file can reach this (TTLs stop at 2^31-1): it marks "no TTL on this line". */
#define TTL_NOT_GIVEN G_MAXUINT32

/* clang-format 14 spaces out the name at file scope despite WhitespaceSensitiveMacros. */
/* clang-format off */
G_DEFINE_QUARK (ovh-zone-file-error-quark, ovh_zone_file_error)
/* clang-format on */

/* --- notes -------------------------------------------------------------------------------- */

#define NOTE_MARK "domaine-note:"

static GQuark
note_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ovh-zone-file-note");
  return quark;
}

const char *
ovh_zone_file_get_note (OvhRecord *record)
{
  g_return_val_if_fail (OVH_IS_RECORD (record), NULL);
  return g_object_get_qdata (G_OBJECT (record), note_quark ());
}

guint
ovh_zone_file_take_notes (GPtrArray *records, OvhRecordNotes *notes)
{
  guint n_set = 0;

  g_return_val_if_fail (records != NULL, 0);
  g_return_val_if_fail (OVH_IS_RECORD_NOTES (notes), 0);

  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      const char *note = ovh_zone_file_get_note (record);
      g_autoptr (OvhRecord) unborn = NULL;

      if (note == NULL)
        continue;
      unborn = ovh_record_dup (record);
      ovh_record_set_id (unborn, 0);
      ovh_record_notes_set (notes, unborn, note);
      n_set++;
    }
  return n_set;
}

/* One line whatever the note holds; the exact inverse of unescape_note. */
static void
append_escaped_note (GString *out, const char *note)
{
  for (const char *p = note; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static char *
unescape_note (const char *text, gsize length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\\' && i + 1 < length)
        {
          i++;
          switch (text[i])
            {
            case 'n':
              g_string_append_c (out, '\n');
              break;
            case 'r':
              g_string_append_c (out, '\r');
              break;
            default:
              g_string_append_c (out, text[i]);
            }
          continue;
        }
      g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* --- writing ------------------------------------------------------------------------------- */

static int
compare_records (gconstpointer a, gconstpointer b)
{
  OvhRecord *ra = *(OvhRecord **) a;
  OvhRecord *rb = *(OvhRecord **) b;
  const char *sa = ovh_record_get_sub_domain (ra);
  const char *sb = ovh_record_get_sub_domain (rb);
  int cmp;

  /* The apex first, then names, types and targets in order; equal ones keep their order. */
  if ((sa[0] == '\0') != (sb[0] == '\0'))
    return sa[0] == '\0' ? -1 : 1;
  if ((cmp = g_ascii_strcasecmp (sa, sb)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (ovh_record_get_field_type (ra), ovh_record_get_field_type (rb))) != 0)
    return cmp;
  return g_strcmp0 (ovh_record_get_target (ra), ovh_record_get_target (rb));
}

static char *
write_sorted (const char *origin, guint default_ttl, GPtrArray *sorted, OvhRecordNotes *notes)
{
  GString *out = g_string_new (NULL);

  if (origin != NULL && origin[0] != '\0')
    g_string_append_printf (out, "$ORIGIN %s%s\n", origin,
                            g_str_has_suffix (origin, ".") ? "" : ".");
  if (default_ttl != 0)
    g_string_append_printf (out, "$TTL %u\n", default_ttl);

  /* g_ptr_array_sort() is a stable merge sort since GLib 2.32. */
  g_ptr_array_sort (sorted, compare_records);
  for (guint i = 0; i < sorted->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (sorted, i);
      g_autofree char *line = ovh_record_format_zone_line (record);
      const char *note;

      /* A record that would not be accepted typed (OVH may hold such) is listed as a comment,
       * escaped, rather than written as a line that does not read back. */
      if (!ovh_record_check (record, NULL))
        {
          g_autofree char *escaped = g_strescape (line, NULL);

          g_string_append_printf (out, "; not valid: %s\n", escaped);
          continue;
        }
      if (notes != NULL && (note = ovh_record_notes_lookup (notes, record)) != NULL)
        {
          g_string_append (out, OVH_ZONE_FILE_NOTE_PREFIX);
          append_escaped_note (out, note);
          g_string_append_c (out, '\n');
        }
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
ovh_zone_file_write_with_notes (const char *origin,
                                guint default_ttl,
                                GPtrArray *records,
                                OvhRecordNotes *notes)
{
  g_autoptr (GPtrArray) sorted = NULL;

  g_return_val_if_fail (records != NULL, NULL);
  g_return_val_if_fail (notes == NULL || OVH_IS_RECORD_NOTES (notes), NULL);

  sorted = g_ptr_array_new_full (records->len, g_object_unref);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_ptr_array_index (records, i)));

  return write_sorted (origin, default_ttl, sorted, notes);
}

char *
ovh_zone_file_write (const char *origin, guint default_ttl, GPtrArray *records)
{
  return ovh_zone_file_write_with_notes (origin, default_ttl, records, NULL);
}

char *
ovh_zone_file_write_model_with_notes (const char *origin,
                                      guint default_ttl,
                                      GListModel *records,
                                      OvhRecordNotes *notes)
{
  g_autoptr (GPtrArray) sorted = NULL;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);
  g_return_val_if_fail (notes == NULL || OVH_IS_RECORD_NOTES (notes), NULL);

  n_items = g_list_model_get_n_items (records);
  sorted = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      GObject *item = g_list_model_get_item (records, i);

      if (OVH_IS_RECORD (item))
        g_ptr_array_add (sorted, item);
      else
        g_clear_object (&item);
    }

  return write_sorted (origin, default_ttl, sorted, notes);
}

char *
ovh_zone_file_write_model (const char *origin, guint default_ttl, GListModel *records)
{
  return ovh_zone_file_write_model_with_notes (origin, default_ttl, records, NULL);
}

/* --- parsing ------------------------------------------------------------------------------- */

typedef struct
{
  const char *zone;        /* "example.com", no final dot */
  const char *zone_suffix; /* ".example.com." */
  OvhZoneFileParseFlags flags;
} ParseState;

static char *
owner_to_sub_domain (ParseState *state, const ldns_rr *rr)
{
  g_autofree char *owner = ldns_rdf2str (ldns_rr_owner (rr));
  gsize owner_length, suffix_length;

  if (owner == NULL)
    return NULL;

  if (g_ascii_strcasecmp (owner, state->zone_suffix + 1) == 0)
    return g_strdup ("");

  owner_length = strlen (owner);
  suffix_length = strlen (state->zone_suffix);
  if (owner_length > suffix_length
      && g_ascii_strcasecmp (owner + owner_length - suffix_length, state->zone_suffix) == 0)
    return g_strndup (owner, owner_length - suffix_length);

  return NULL;
}

/* The record data as OVH holds it: TXT strings joined into one text, anything else in
 * presentation format, one space between fields. */
static char *
rdata_to_target (const ldns_rr *rr, gboolean txt_like)
{
  GString *target = g_string_new (NULL);

  for (size_t i = 0; i < ldns_rr_rd_count (rr); i++)
    {
      const ldns_rdf *rdf = ldns_rr_rdf (rr, i);

      if (txt_like && ldns_rdf_get_type (rdf) == LDNS_RDF_TYPE_STR && ldns_rdf_size (rdf) >= 1)
        {
          const guint8 *data = ldns_rdf_data (rdf);

          g_string_append_len (target, (const char *) data + 1,
                               MIN (data[0], ldns_rdf_size (rdf) - 1));
        }
      else
        {
          g_autofree char *text = ldns_rdf2str (rdf);

          if (i > 0)
            g_string_append_c (target, ' ');
          g_string_append (target, text != NULL ? text : "");
        }
    }

  return g_string_free (target, FALSE);
}

static const char *
detect_typed_txt (const char *sub_domain, const char *target)
{
  g_auto (GStrv) labels = g_strsplit (sub_domain, ".", -1);

  if (g_ascii_strncasecmp (target, "v=spf1", 6) == 0 && (target[6] == '\0' || target[6] == ' '))
    return "SPF";
  if (g_ascii_strncasecmp (target, "v=DMARC1", 8) == 0 && labels[0] != NULL
      && g_ascii_strcasecmp (labels[0], "_dmarc") == 0)
    return "DMARC";
  if (g_ascii_strncasecmp (target, "v=DKIM1", 7) == 0)
    for (guint i = 1; labels[0] != NULL && labels[i] != NULL; i++)
      if (g_ascii_strcasecmp (labels[i], "_domainkey") == 0)
        return "DKIM";
  return "TXT";
}

/* Returns the record for rr, NULL with error unset to skip it, or NULL with error set. */
static OvhRecord *
record_from_rr (ParseState *state, ldns_rr *rr, guint ttl_given, GError **error)
{
  ldns_rr_type rr_type = ldns_rr_get_type (rr);
  g_autofree char *type_name = ldns_rr_type2str (rr_type);
  g_autofree char *sub_domain = NULL;
  g_autofree char *target = NULL;
  const OvhRecordType *type;
  const char *field_type;
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;

  if (rr_type == LDNS_RR_TYPE_SOA)
    return NULL;

  type = ovh_record_type_lookup (type_name);
  /* DKIM and DMARC are OVH's names, never RR types: only the file's TXT can become them. */
  if (type == NULL || (type->typed_txt && rr_type != LDNS_RR_TYPE_SPF))
    {
      if (state->flags & OVH_ZONE_FILE_PARSE_SKIP_UNSUPPORTED)
        return NULL;
      g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_UNSUPPORTED,
                   _ ("OVH cannot hold %s records"), type_name);
      return NULL;
    }

  sub_domain = owner_to_sub_domain (state, rr);
  if (sub_domain == NULL)
    {
      g_autofree char *owner = ldns_rdf2str (ldns_rr_owner (rr));

      g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_OUT_OF_ZONE,
                   _ ("“%s” is outside the zone %s"), owner, state->zone);
      return NULL;
    }

  target = rdata_to_target (rr, g_str_equal (type->zone_type, "TXT"));
  field_type = type->name;
  if (rr_type == LDNS_RR_TYPE_TXT && (state->flags & OVH_ZONE_FILE_PARSE_DETECT_TYPED_TXT))
    field_type = detect_typed_txt (sub_domain, target);

  record = g_object_new (
      OVH_TYPE_RECORD, "zone", state->zone, "sub-domain", sub_domain, "field-type", field_type,
      "target", target, "ttl",
      ttl_given == TTL_NOT_GIVEN ? 0 : MIN (ttl_given, (guint) OVH_RECORD_TTL_MAX), NULL);

  if (!ovh_record_check (record, &local_error))
    {
      g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_INVALID, "%s",
                   local_error->message);
      return NULL;
    }

  return g_steal_pointer (&record);
}

static gboolean
is_blank (GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if (!g_ascii_isspace (text->str[i]))
      return FALSE;
  return TRUE;
}

/* Reads one logical record: comments dropped, parentheses joined into one line, quotes kept.
 * Returns FALSE at the end of the text. *start_line is where the record begins. A note
 * comment on a line of its own is unescaped into *note. */
static gboolean
read_logical_line (
    const char **cursor, guint *line, GString *out, guint *start_line, char **note, GError **error)
{
  const char *p = *cursor;
  gboolean in_quote = FALSE;
  guint depth = 0;

  g_string_truncate (out, 0);
  if (*p == '\0')
    return FALSE;

  *start_line = *line;
  while (*p != '\0')
    {
      char c = *p;

      if (c == '\\' && p[1] != '\0' && p[1] != '\n')
        {
          g_string_append_len (out, p, 2);
          p += 2;
          continue;
        }
      if (in_quote)
        {
          if (c == '\n')
            break;
          if (c == '"')
            in_quote = FALSE;
          g_string_append_c (out, c);
          p++;
          continue;
        }

      switch (c)
        {
        case '"':
          in_quote = TRUE;
          g_string_append_c (out, c);
          break;
        case ';':
          {
            const char *comment = p + 1;

            while (p[1] != '\0' && p[1] != '\n')
              p++;
            while (comment <= p && (*comment == ' ' || *comment == '\t'))
              comment++;
            if (depth == 0 && is_blank (out) && p + 1 - comment >= (gssize) strlen (NOTE_MARK)
                && strncmp (comment, NOTE_MARK, strlen (NOTE_MARK)) == 0)
              {
                const char *text = comment + strlen (NOTE_MARK);
                gsize length = (gsize) (p + 1 - text);

                if (length > 0 && text[0] == ' ')
                  text++, length--;
                if (length > 0 && text[length - 1] == '\r')
                  length--;
                g_free (*note);
                *note = unescape_note (text, length);
              }
          }
          break;
        case '(':
          depth++;
          g_string_append_c (out, ' ');
          break;
        case ')':
          if (depth == 0)
            {
              g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX,
                                   _ ("“)” without a matching “(”"));
              *cursor = p;
              return TRUE;
            }
          depth--;
          g_string_append_c (out, ' ');
          break;
        case '\n':
          (*line)++;
          if (depth == 0)
            {
              *cursor = p + 1;
              return TRUE;
            }
          g_string_append_c (out, ' ');
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, c);
        }
      p++;
    }

  *cursor = p;
  if (in_quote)
    g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX,
                         _ ("A quoted string is not closed"));
  else if (depth > 0)
    g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX,
                         _ ("“(” without a matching “)”"));
  return TRUE;
}

static gboolean
handle_directive (const char *line, ldns_rdf **origin, GError **error)
{
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!_ovh_record_tokenize (line, tokens, NULL) || tokens->len == 0)
    return TRUE;
  name = g_ptr_array_index (tokens, 0);

  if (g_ascii_strcasecmp (name, "$ORIGIN") == 0)
    {
      g_autofree char *current = ldns_rdf2str (*origin);
      g_autofree char *absolute = NULL;
      ldns_rdf *new_origin = NULL;

      if (tokens->len == 2)
        {
          const char *value = g_ptr_array_index (tokens, 1);

          absolute = g_str_has_suffix (value, ".") ? g_strdup (value)
                                                   : g_strconcat (value, ".", current, NULL);
          new_origin = ldns_dname_new_frm_str (absolute);
        }
      if (new_origin == NULL)
        {
          g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX,
                               _ ("$ORIGIN needs one domain name"));
          return FALSE;
        }
      ldns_rdf_deep_free (*origin);
      *origin = new_origin;
      return TRUE;
    }

  if (g_ascii_strcasecmp (name, "$TTL") == 0)
    {
      const char *end = NULL;

      /* The value is only checked: a line without a TTL means OVH's zone default. */
      if (tokens->len == 2)
        {
          const char *value = g_ptr_array_index (tokens, 1);

          ldns_str2period (value, &end);
          if (g_ascii_isdigit (value[0]) && end != NULL && *end == '\0')
            return TRUE;
        }
      g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX,
                           _ ("$TTL needs one duration"));
      return FALSE;
    }

  if (g_ascii_strcasecmp (name, "$INCLUDE") == 0)
    g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_UNSUPPORTED,
                         _ ("$INCLUDE is not supported"));
  else
    g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_UNSUPPORTED,
                 _ ("The directive %s is not supported"), name);
  return FALSE;
}

/* ldns stores 70000 in a 16-bit field as 4464 without a word: check the numbers as written. */
static gboolean
check_written_numbers (const char *line, const ldns_rr *rr, GError **error)
{
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *type_name = ldns_rr_type2str (ldns_rr_get_type (rr));
  const OvhRecordType *type = ovh_record_type_lookup (type_name);
  guint first;

  if (type == NULL || !_ovh_record_tokenize (line, tokens, NULL))
    return TRUE;

  /* Skip the owner, then TTL and class, up to the type. */
  for (first = g_ascii_isspace (line[0]) ? 0 : 1; first < tokens->len; first++)
    if (g_ascii_strcasecmp (g_ptr_array_index (tokens, first), type_name) == 0)
      break;
  first++;

  for (guint i = 0; i + 1 < type->n_fields && first + i < tokens->len; i++)
    {
      const OvhRecordField *field = &type->fields[i];
      const char *token = g_ptr_array_index (tokens, first + i);

      if (field->kind == OVH_RECORD_FIELD_INTEGER
          && (!g_ascii_isdigit (token[0])
              || !g_ascii_string_to_unsigned (token, 10, field->min, field->max, NULL, NULL)))
        {
          g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_INVALID,
                       _ ("%s must be a whole number from %d to %d"),
                       ovh_record_field_get_label (field), (int) field->min, (int) field->max);
          return FALSE;
        }
    }

  return TRUE;
}

void
ovh_zone_file_problem_free (OvhZoneFileProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

gboolean
ovh_zone_file_problems_have_errors (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const OvhZoneFileProblem *problem = g_ptr_array_index (problems, i);

      if (problem->code != OVH_ZONE_FILE_ERROR_UNSUPPORTED
          && problem->code != OVH_ZONE_FILE_ERROR_MANAGED)
        return TRUE;
    }
  return FALSE;
}

/* In the full parse, takes error as a problem of line; FALSE when there was none. */
static gboolean
add_problem (GPtrArray *problems, guint line, GError **error)
{
  OvhZoneFileProblem *problem;

  if (problems == NULL || *error == NULL)
    return FALSE;

  problem = g_new0 (OvhZoneFileProblem, 1);
  problem->line = line;
  problem->code = (*error)->domain == OVH_ZONE_FILE_ERROR ? (OvhZoneFileError) (*error)->code
                                                          : OVH_ZONE_FILE_ERROR_SYNTAX;
  problem->message = g_strdup ((*error)->message);
  g_ptr_array_add (problems, problem);
  g_clear_error (error);
  return TRUE;
}

/* What only the full parse leaves out, with a word: other classes, the SOA, apex NS. */
static gboolean
check_held_by_ovh (const ldns_rr *rr, ParseState *state, GError **error)
{
  g_autofree char *type_name = ldns_rr_type2str (ldns_rr_get_type (rr));

  if (ldns_rr_get_class (rr) != LDNS_RR_CLASS_IN)
    {
      g_autofree char *class_name = ldns_rr_class2str (ldns_rr_get_class (rr));

      g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_UNSUPPORTED,
                   /* Translators: a DNS class (CH, HS), then a record type */
                   _ ("OVH holds only IN records: the %s %s record is left out"), class_name,
                   type_name);
      return FALSE;
    }
  if (ldns_rr_get_type (rr) == LDNS_RR_TYPE_SOA)
    {
      g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_MANAGED,
                           _ ("The SOA is managed by OVH: it is left out"));
      return FALSE;
    }
  if (ldns_rr_get_type (rr) == LDNS_RR_TYPE_NS)
    {
      g_autofree char *owner = ldns_rdf2str (ldns_rr_owner (rr));

      if (owner != NULL && g_ascii_strcasecmp (owner, state->zone_suffix + 1) == 0)
        {
          g_set_error_literal (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_MANAGED,
                               _ ("The zone’s own NS records are managed by OVH: this one is "
                                  "left out"));
          return FALSE;
        }
    }
  return TRUE;
}

static GPtrArray *
parse_text (const char *text,
            const char *origin,
            OvhZoneFileParseFlags flags,
            GPtrArray *problems,
            guint *error_line,
            GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GString) logical = g_string_new (NULL);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *zone_suffix = NULL;
  ParseState state = { 0 };
  ldns_rdf *current_origin = NULL;
  ldns_rdf *previous_owner = NULL;
  const char *cursor = text;
  guint line = 1;
  guint start_line = 0;
  g_autofree char *note = NULL;
  g_autofree char *line_note = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (origin != NULL && origin[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;

  zone = g_strdup (origin);
  if (g_str_has_suffix (zone, "."))
    zone[strlen (zone) - 1] = '\0';
  zone_suffix = g_strconcat (".", zone, ".", NULL);
  state.zone = zone;
  state.zone_suffix = zone_suffix;
  state.flags = flags;

  current_origin = ldns_dname_new_frm_str (zone_suffix + 1);
  if (current_origin == NULL)
    {
      g_set_error (error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX,
                   _ ("“%s” is not a valid zone name"), origin);
      return NULL;
    }

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while (local_error == NULL
         && read_logical_line (&cursor, &line, logical, &start_line, &line_note, &local_error))
    {
      const char *p = logical->str;
      ldns_rr *rr = NULL;
      ldns_status status;
      OvhRecord *record;

      /* The file cannot be cut into records past this point: the full parse stops too. */
      if (local_error != NULL)
        break;

      /* A note belongs to the record on the next line that is not blank or a comment. */
      if (line_note != NULL)
        {
          g_free (note);
          note = g_steal_pointer (&line_note);
        }
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        continue;

      if (logical->str[0] == '$')
        {
          g_clear_pointer (&note, g_free);
          handle_directive (logical->str, &current_origin, &local_error);
          add_problem (problems, start_line, &local_error);
          continue;
        }

      /* A line without a TTL gets TTL_NOT_GIVEN: it takes OVH's zone default (ttl 0). */
      status
          = ldns_rr_new_frm_str (&rr, logical->str, TTL_NOT_GIVEN, current_origin, &previous_owner);
      if (status != LDNS_STATUS_OK)
        {
          g_set_error (&local_error, OVH_ZONE_FILE_ERROR, OVH_ZONE_FILE_ERROR_SYNTAX, "%s",
                       ldns_get_errorstr_by_id (status));
        }
      else if ((problems == NULL || check_held_by_ovh (rr, &state, &local_error))
               && check_written_numbers (logical->str, rr, &local_error))
        {
          record = record_from_rr (&state, rr, ldns_rr_ttl (rr), &local_error);
          if (record != NULL && note != NULL && ovh_record_notes_is_note (note))
            g_object_set_qdata_full (G_OBJECT (record), note_quark (), g_steal_pointer (&note),
                                     g_free);
          if (record != NULL)
            g_ptr_array_add (records, record);
        }
      g_clear_pointer (&note, g_free);

      if (rr != NULL)
        ldns_rr_free (rr);
      add_problem (problems, start_line, &local_error);
    }

  ldns_rdf_deep_free (current_origin);
  if (previous_owner != NULL)
    ldns_rdf_deep_free (previous_owner);

  if (add_problem (problems, start_line, &local_error))
    return g_steal_pointer (&records);

  if (local_error != NULL)
    {
      g_prefix_error (&local_error, _ ("Line %u: "), start_line);
      g_propagate_error (error, g_steal_pointer (&local_error));
      if (error_line != NULL)
        *error_line = start_line;
      return NULL;
    }

  return g_steal_pointer (&records);
}

GPtrArray *
ovh_zone_file_parse (const char *text,
                     const char *origin,
                     OvhZoneFileParseFlags flags,
                     guint *error_line,
                     GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (origin != NULL && origin[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_text (text, origin, flags, NULL, error_line, error);
}

GPtrArray *
ovh_zone_file_parse_full (const char *text,
                          const char *origin,
                          OvhZoneFileParseFlags flags,
                          GPtrArray **problems)
{
  g_autoptr (GPtrArray) found
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_zone_file_problem_free);
  GPtrArray *records;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (origin != NULL && origin[0] != '\0', NULL);

  /* Unsupported types become problems, not silent skips. */
  records
      = parse_text (text, origin, flags & ~OVH_ZONE_FILE_PARSE_SKIP_UNSUPPORTED, found, NULL, NULL);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return records;
}
