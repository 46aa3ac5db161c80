/* ovh-record-page-reader.c: a page of records from OVH's bytes, without a JSON tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast reader never decides against a page: whatever it is not sure to read exactly as
 * json-glib and ovh_record_new_from_json_object() would, it leaves to them. So it only has to
 * be right on what it accepts, which tests/test-record-page-reader.c and the fuzz target
 * fuzz-record-page check against the full way.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-domain.h"
#include "ovh-error.h"
#include "ovh-http-private.h"
#include "ovh-json-private.h"
#include "ovh-record-page-reader.h"
#include "ovh-record-private.h"
#include "ovh-record-type-private.h"

/* Longer than any type name in the table. */
#define TYPE_NAME_MAX 16
/* 18 digits always fit a gint64: longer numbers are left to json-glib. */
#define MAX_DIGITS 18

typedef struct
{
  const char *p;
  const char *end;
  GString *scratch; /* a string with escapes, decoded */
  /* Values counted as ovh_json_check_bounds() counts them: containers and commas. */
  guint64 n_values;
  /* The zone of the previous record, checked and interned once for the whole page. */
  const char *last_zone;
  gsize last_zone_length;
  const char *interned_zone;
} Scan;

/* A string of the text: either in place (no escapes) or decoded in scan->scratch. */
typedef struct
{
  const char *text;
  gsize length;
} Slice;

static inline void
skip_blanks (Scan *scan)
{
  while (scan->p < scan->end
         && (*scan->p == ' ' || *scan->p == '\n' || *scan->p == '\r' || *scan->p == '\t'))
    scan->p++;
}

static inline gboolean
expect (Scan *scan, char c)
{
  skip_blanks (scan);
  if (scan->p >= scan->end || *scan->p != c)
    return FALSE;
  scan->p++;
  return TRUE;
}

/* A container opened or a comma passed; FALSE past the bound json-glib is not given. */
static inline gboolean
count_value (Scan *scan)
{
  return ++scan->n_values <= OVH_JSON_MAX_VALUES;
}

static gboolean
read_hex4 (Scan *scan, gunichar *out)
{
  gunichar value = 0;

  if (scan->end - scan->p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (scan->p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }
  scan->p += 4;
  *out = value;
  return TRUE;
}

/* One escape after its backslash, appended to scratch. */
static gboolean
read_escape (Scan *scan)
{
  gunichar c;
  char simple;

  if (scan->p >= scan->end)
    return FALSE;
  simple = *scan->p++;
  switch (simple)
    {
    case '"':
    case '\\':
    case '/':
      g_string_append_c (scan->scratch, simple);
      return TRUE;
    case 'b':
      g_string_append_c (scan->scratch, '\b');
      return TRUE;
    case 'f':
      g_string_append_c (scan->scratch, '\f');
      return TRUE;
    case 'n':
      g_string_append_c (scan->scratch, '\n');
      return TRUE;
    case 'r':
      g_string_append_c (scan->scratch, '\r');
      return TRUE;
    case 't':
      g_string_append_c (scan->scratch, '\t');
      return TRUE;
    case 'u':
      break;
    default:
      return FALSE;
    }

  if (!read_hex4 (scan, &c))
    return FALSE;
  if (c >= 0xD800 && c < 0xDC00)
    {
      gunichar low;

      /* A high surrogate must be followed by its low half; a lone half is left to json-glib. */
      if (scan->end - scan->p < 2 || scan->p[0] != '\\' || scan->p[1] != 'u')
        return FALSE;
      scan->p += 2;
      if (!read_hex4 (scan, &low) || low < 0xDC00 || low >= 0xE000)
        return FALSE;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  else if (c >= 0xDC00 && c < 0xE000)
    return FALSE;
  /* NUL would cut the C string json-glib makes. */
  if (c == 0 || !g_unichar_validate (c))
    return FALSE;
  g_string_append_unichar (scan->scratch, c);
  return TRUE;
}

/* A string, its opening quote next. Valid UTF-8 without NUL or raw control bytes. */
static gboolean
read_string (Scan *scan, Slice *out)
{
  const char *start;
  gboolean escaped = FALSE;

  if (!expect (scan, '"'))
    return FALSE;
  start = scan->p;
  for (;;)
    {
      const char *run = scan->p;
      guchar c = 0, high = 0;

      while (scan->p < scan->end && (c = (guchar) *scan->p) != '"' && c != '\\' && c >= 0x20)
        {
          high |= c;
          scan->p++;
        }
      if (scan->p >= scan->end || c < 0x20)
        return FALSE;
      /* Plain ASCII needs no more look. */
      if (high >= 0x80 && !g_utf8_validate_len (run, (gsize) (scan->p - run), NULL))
        return FALSE;
      if (escaped)
        g_string_append_len (scan->scratch, run, scan->p - run);
      if (c == '"')
        break;

      /* The first escape: what came before it goes into scratch, the rest follows it there. */
      if (!escaped)
        {
          g_string_truncate (scan->scratch, 0);
          g_string_append_len (scan->scratch, start, scan->p - start);
          escaped = TRUE;
        }
      scan->p++;
      if (!read_escape (scan))
        return FALSE;
    }

  if (escaped)
    {
      out->text = scan->scratch->str;
      out->length = scan->scratch->len;
    }
  else
    {
      out->text = start;
      out->length = (gsize) (scan->p - start);
    }
  scan->p++;
  return TRUE;
}

static gboolean
read_literal (Scan *scan, const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (scan->end - scan->p) < length || memcmp (scan->p, word, length) != 0)
    return FALSE;
  scan->p += length;
  return TRUE;
}

/* A whole number as JSON writes it, without fraction or exponent and at most MAX_DIGITS
 * digits: -?(0|[1-9][0-9]*). */
static gboolean
read_integer (Scan *scan, gboolean *negative, guint64 *value)
{
  guint n_digits = 0;

  *negative = FALSE;
  *value = 0;
  if (scan->p < scan->end && *scan->p == '-')
    {
      *negative = TRUE;
      scan->p++;
    }
  while (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    {
      if (++n_digits > MAX_DIGITS || (n_digits == 2 && *value == 0))
        return FALSE;
      *value = *value * 10 + (guint64) (*scan->p - '0');
      scan->p++;
    }
  if (n_digits == 0)
    return FALSE;
  /* A fraction or an exponent makes another kind of number. */
  return scan->p >= scan->end || (*scan->p != '.' && *scan->p != 'e' && *scan->p != 'E');
}

static gboolean skip_value (Scan *scan, guint depth);

static gboolean
skip_container (Scan *scan, guint depth, gboolean is_object)
{
  char close = is_object ? '}' : ']';

  if (depth >= OVH_JSON_MAX_DEPTH || !count_value (scan))
    return FALSE;
  scan->p++;
  skip_blanks (scan);
  if (scan->p < scan->end && *scan->p == close)
    {
      scan->p++;
      return TRUE;
    }
  for (;;)
    {
      if (is_object)
        {
          Slice name;

          if (!read_string (scan, &name) || name.length == 0 || !expect (scan, ':'))
            return FALSE;
        }
      if (!skip_value (scan, depth + 1))
        return FALSE;
      skip_blanks (scan);
      if (scan->p >= scan->end)
        return FALSE;
      if (*scan->p == close)
        {
          scan->p++;
          return TRUE;
        }
      if (*scan->p++ != ',' || !count_value (scan))
        return FALSE;
    }
}

/* Any value in the common form, read and forgotten. */
static gboolean
skip_value (Scan *scan, guint depth)
{
  Slice slice;
  gboolean negative;
  guint64 value;

  skip_blanks (scan);
  if (scan->p >= scan->end)
    return FALSE;
  switch (*scan->p)
    {
    case '"':
      return read_string (scan, &slice);
    case '{':
      return skip_container (scan, depth, TRUE);
    case '[':
      return skip_container (scan, depth, FALSE);
    case 't':
      return read_literal (scan, "true");
    case 'f':
      return read_literal (scan, "false");
    case 'n':
      return read_literal (scan, "null");
    default:
      return read_integer (scan, &negative, &value);
    }
}

/* null (*out left NULL) or a string, copied. */
static gboolean
read_optional_string (Scan *scan, char **out)
{
  Slice slice;

  skip_blanks (scan);
  if (scan->p < scan->end && *scan->p == 'n')
    return read_literal (scan, "null");
  if (!read_string (scan, &slice))
    return FALSE;
  *out = g_strndup (slice.text, slice.length);
  return TRUE;
}

/* A whole number from 0 to max, or null when optional. */
static gboolean
read_uint (Scan *scan, gboolean optional, guint64 max, guint64 *out)
{
  gboolean negative;

  skip_blanks (scan);
  if (optional && scan->p < scan->end && *scan->p == 'n')
    return read_literal (scan, "null");
  return read_integer (scan, &negative, out) && !negative && *out <= max;
}

static gboolean
read_type (Scan *scan, const OvhRecordType **out)
{
  char name[TYPE_NAME_MAX];
  Slice slice;

  if (!read_string (scan, &slice) || slice.length == 0 || slice.length >= sizeof name)
    return FALSE;
  memcpy (name, slice.text, slice.length);
  name[slice.length] = '\0';
  *out = ovh_record_type_lookup (name);
  return *out != NULL;
}

/* The zone, checked as a domain name and interned once for the page. */
static gboolean
read_zone (Scan *scan, const char **out)
{
  g_autofree char *copy = NULL;
  Slice slice;

  skip_blanks (scan);
  if (scan->p < scan->end && *scan->p == 'n')
    {
      *out = NULL;
      return read_literal (scan, "null");
    }
  if (!read_string (scan, &slice))
    return FALSE;
  if (scan->last_zone != NULL && slice.text != scan->scratch->str
      && slice.length == scan->last_zone_length
      && memcmp (slice.text, scan->last_zone, slice.length) == 0)
    {
      *out = scan->interned_zone;
      return TRUE;
    }

  copy = g_strndup (slice.text, slice.length);
  if (!ovh_domain_name_is_valid (copy))
    return FALSE;
  *out = g_intern_string (copy);
  /* Only a name read in place is remembered: scratch is overwritten. */
  if (slice.text != scan->scratch->str)
    {
      scan->last_zone = slice.text;
      scan->last_zone_length = slice.length;
      scan->interned_zone = *out;
    }
  return TRUE;
}

typedef enum
{
  SEEN_ID = 1 << 0,
  SEEN_ZONE = 1 << 1,
  SEEN_SUB_DOMAIN = 1 << 2,
  SEEN_FIELD_TYPE = 1 << 3,
  SEEN_TARGET = 1 << 4,
  SEEN_TTL = 1 << 5,
} Seen;

static gboolean
member_is (const Slice *name, const char *expected, gsize length)
{
  return name->length == length && memcmp (name->text, expected, length) == 0;
}

/* One record object, its opening brace next. */
static OvhRecord *
read_record (Scan *scan)
{
  g_autofree char *sub_domain = NULL;
  g_autofree char *target = NULL;
  const OvhRecordType *type = NULL;
  const char *zone = NULL;
  guint64 id = 0, ttl = 0;
  guint seen = 0;

  if (!expect (scan, '{') || !count_value (scan))
    return NULL;
  skip_blanks (scan);
  if (scan->p < scan->end && *scan->p == '}')
    return NULL; /* no id: the full way says so */

  for (;;)
    {
      Slice name;
      guint member = 0;
      gboolean ok;

      if (!read_string (scan, &name) || !expect (scan, ':'))
        return NULL;
      /* A name with an escape was decoded in scratch: left to json-glib. */
      if (name.text == scan->scratch->str)
        return NULL;

      if (member_is (&name, "id", 2))
        member = SEEN_ID;
      else if (member_is (&name, "zone", 4))
        member = SEEN_ZONE;
      else if (member_is (&name, "subDomain", 9))
        member = SEEN_SUB_DOMAIN;
      else if (member_is (&name, "fieldType", 9))
        member = SEEN_FIELD_TYPE;
      else if (member_is (&name, "target", 6))
        member = SEEN_TARGET;
      else if (member_is (&name, "ttl", 3))
        member = SEEN_TTL;

      if ((seen & member) != 0)
        return NULL;
      seen |= member;
      switch (member)
        {
        case SEEN_ID:
          ok = read_uint (scan, FALSE, G_MAXINT64, &id);
          break;
        case SEEN_ZONE:
          ok = read_zone (scan, &zone);
          break;
        case SEEN_SUB_DOMAIN:
          ok = read_optional_string (scan, &sub_domain);
          break;
        case SEEN_FIELD_TYPE:
          ok = read_type (scan, &type);
          break;
        case SEEN_TARGET:
          ok = read_optional_string (scan, &target) && target != NULL;
          break;
        case SEEN_TTL:
          ok = read_uint (scan, TRUE, OVH_RECORD_TTL_MAX, &ttl);
          break;
        default:
          ok = name.length > 0 && skip_value (scan, 2);
        }
      if (!ok)
        return NULL;

      skip_blanks (scan);
      if (scan->p >= scan->end)
        return NULL;
      if (*scan->p == '}')
        {
          scan->p++;
          break;
        }
      if (*scan->p++ != ',' || !count_value (scan))
        return NULL;
    }

  if ((seen & (SEEN_ID | SEEN_FIELD_TYPE | SEEN_TARGET))
      != (SEEN_ID | SEEN_FIELD_TYPE | SEEN_TARGET))
    return NULL;

  if (type->quoted_by_api)
    {
      char *clean = _ovh_record_unquote_txt (target);

      g_free (target);
      target = clean;
    }
  return _ovh_record_new_take (id, zone,
                               sub_domain != NULL ? g_steal_pointer (&sub_domain) : g_strdup (""),
                               type, g_steal_pointer (&target), (guint) ttl);
}

GPtrArray *
ovh_record_page_read_fast (const char *data, gsize length)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GString) scratch = NULL;
  Scan scan = { 0 };

  /* The bounds of ovh_json_check_bounds() are kept while reading, in the same terms. */
  if (data == NULL || length == 0 || length > G_MAXSSIZE)
    return NULL;

  scratch = g_string_new (NULL);
  scan.p = data;
  scan.end = data + length;
  scan.scratch = scratch;

  if (!expect (&scan, '[') || !count_value (&scan))
    return NULL;
  /* About 100 bytes a record in OVH's answers. */
  records = g_ptr_array_new_full ((guint) MIN (length / 100, 1000000), g_object_unref);
  skip_blanks (&scan);
  if (scan.p < scan.end && *scan.p == ']')
    scan.p++;
  else
    for (;;)
      {
        OvhRecord *record = read_record (&scan);

        if (record == NULL)
          return NULL;
        g_ptr_array_add (records, record);
        skip_blanks (&scan);
        if (scan.p >= scan.end)
          return NULL;
        if (*scan.p == ']')
          {
            scan.p++;
            break;
          }
        if (*scan.p++ != ',' || !count_value (&scan))
          return NULL;
      }

  skip_blanks (&scan);
  if (scan.p != scan.end)
    return NULL;
  return g_steal_pointer (&records);
}

/* As the loader says it: the answer came (200) but does not hold what it should. */
static GError *
invalid_page (const char *what)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, what);
}

GPtrArray *
ovh_record_page_read_node (JsonNode *node, const char *zone, guint *n_skipped, GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  JsonArray *array;
  guint n;

  *n_skipped = 0;
  array = ovh_json_node_get_array (node);
  if (array == NULL)
    {
      g_propagate_error (error, invalid_page (_ ("OVH sent a page of records that is not a list")));
      return NULL;
    }

  n = json_array_get_length (array);
  records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = ovh_json_node_get_object (json_array_get_element (array, i));
      g_autoptr (GError) local_error = NULL;
      OvhRecord *record;

      if (object == NULL)
        {
          g_propagate_error (
              error, invalid_page (_ ("OVH sent a page of records holding something else")));
          return NULL;
        }
      record = ovh_record_new_from_json_object (object, &local_error);
      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (g_error_matches (local_error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE))
        {
          /* A type OVH added later must not make the whole zone unreadable. */
          g_debug ("Skipping a record of zone %s: %s", zone, local_error->message);
          (*n_skipped)++;
        }
      else
        {
          g_propagate_error (error, invalid_page (local_error->message));
          return NULL;
        }
    }

  return g_steal_pointer (&records);
}

GPtrArray *
ovh_record_page_read (GBytes *bytes,
                      guint status,
                      const char *query_id,
                      const char *zone,
                      guint *n_skipped,
                      GError **error)
{
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) parse_error = NULL;
  GPtrArray *records;
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  g_return_val_if_fail (n_skipped != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *n_skipped = 0;
  records = ovh_record_page_read_fast (data, length);
  if (records != NULL)
    return records;

  /* As the client reads an answer it parses. */
  node = ovh_http_parse_json_answer (bytes, &parse_error);
  if (node == NULL)
    {
      g_propagate_error (error, ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, status, NULL,
                                                    query_id, parse_error->message));
      return NULL;
    }
  return ovh_record_page_read_node (node, zone, n_skipped, error);
}
