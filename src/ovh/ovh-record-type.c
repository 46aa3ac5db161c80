/* ovh-record-type.c: the DNS record types OVH knows, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-record.h"
#include "ovh-record-type-private.h"

#define U16 0, 65535
#define U8 0, 255

static const char *const caa_tags[] = { "issue", "issuewild", "iodef", NULL };

static const OvhRecordField a_fields[] = {
  { "address", N_ ("IPv4 address"), OVH_RECORD_FIELD_ADDRESS4 },
};
static const OvhRecordField aaaa_fields[] = {
  { "address", N_ ("IPv6 address"), OVH_RECORD_FIELD_ADDRESS6 },
};
static const OvhRecordField caa_fields[] = {
  { "flags", N_ ("Flags"), OVH_RECORD_FIELD_INTEGER, U8 },
  { "tag", N_ ("Tag"), OVH_RECORD_FIELD_ENUM, 0, 0, caa_tags },
  { "value", N_ ("Value"), OVH_RECORD_FIELD_TEXT, 0, 0, NULL, TRUE },
};
static const OvhRecordField cname_fields[] = {
  { "target", N_ ("Canonical name"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField dkim_fields[] = {
  { "value", N_ ("DKIM key record"), OVH_RECORD_FIELD_TEXT },
};
static const OvhRecordField dmarc_fields[] = {
  { "value", N_ ("DMARC policy"), OVH_RECORD_FIELD_TEXT },
};
static const OvhRecordField dname_fields[] = {
  { "target", N_ ("Target domain"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField loc_fields[] = {
  { "location", N_ ("Location"), OVH_RECORD_FIELD_TEXT },
};
static const OvhRecordField mx_fields[] = {
  { "priority", N_ ("Priority"), OVH_RECORD_FIELD_INTEGER, U16 },
  { "host", N_ ("Mail server"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField naptr_fields[] = {
  { "order", N_ ("Order"), OVH_RECORD_FIELD_INTEGER, U16 },
  { "preference", N_ ("Preference"), OVH_RECORD_FIELD_INTEGER, U16 },
  { "flags", N_ ("Flags"), OVH_RECORD_FIELD_TEXT, 0, 0, NULL, TRUE },
  { "service", N_ ("Service"), OVH_RECORD_FIELD_TEXT, 0, 0, NULL, TRUE },
  { "regexp", N_ ("Regular expression"), OVH_RECORD_FIELD_TEXT, 0, 0, NULL, TRUE },
  { "replacement", N_ ("Replacement"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField ns_fields[] = {
  { "host", N_ ("Name server"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField ptr_fields[] = {
  { "target", N_ ("Host name"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField spf_fields[] = {
  { "value", N_ ("SPF policy"), OVH_RECORD_FIELD_TEXT },
};
static const OvhRecordField srv_fields[] = {
  { "priority", N_ ("Priority"), OVH_RECORD_FIELD_INTEGER, U16 },
  { "weight", N_ ("Weight"), OVH_RECORD_FIELD_INTEGER, U16 },
  { "port", N_ ("Port"), OVH_RECORD_FIELD_INTEGER, U16 },
  { "target", N_ ("Target host"), OVH_RECORD_FIELD_HOSTNAME },
};
static const OvhRecordField sshfp_fields[] = {
  { "algorithm", N_ ("Algorithm"), OVH_RECORD_FIELD_INTEGER, U8 },
  { "fingerprint-type", N_ ("Fingerprint type"), OVH_RECORD_FIELD_INTEGER, U8 },
  { "fingerprint", N_ ("Fingerprint"), OVH_RECORD_FIELD_HEX },
};
static const OvhRecordField tlsa_fields[] = {
  { "usage", N_ ("Certificate usage"), OVH_RECORD_FIELD_INTEGER, U8 },
  { "selector", N_ ("Selector"), OVH_RECORD_FIELD_INTEGER, U8 },
  { "matching-type", N_ ("Matching type"), OVH_RECORD_FIELD_INTEGER, U8 },
  { "data", N_ ("Certificate association data"), OVH_RECORD_FIELD_HEX },
};
static const OvhRecordField txt_fields[] = {
  { "value", N_ ("Text"), OVH_RECORD_FIELD_TEXT },
};

#define FIELDS(f) f, G_N_ELEMENTS (f)

/* Keep in the order of the schema's enum: tests/test-record-types-schema.c compares them. */
static const OvhRecordType record_types[] = {
  { "A", N_ ("IPv4 address"), "A", FALSE, FALSE, TRUE, FIELDS (a_fields) },
  { "AAAA", N_ ("IPv6 address"), "AAAA", FALSE, FALSE, TRUE, FIELDS (aaaa_fields) },
  { "CAA", N_ ("Certificate authorities allowed to issue"), "CAA", FALSE, FALSE, TRUE,
    FIELDS (caa_fields) },
  { "CNAME", N_ ("Alias of another name"), "CNAME", FALSE, FALSE, FALSE, FIELDS (cname_fields) },
  { "DKIM", N_ ("Mail signing key (DKIM)"), "TXT", TRUE, FALSE, FALSE, FIELDS (dkim_fields) },
  { "DMARC", N_ ("Mail authentication policy (DMARC)"), "TXT", TRUE, FALSE, FALSE,
    FIELDS (dmarc_fields) },
  { "DNAME", N_ ("Alias of a whole subtree"), "DNAME", FALSE, FALSE, TRUE, FIELDS (dname_fields) },
  { "LOC", N_ ("Geographical location"), "LOC", FALSE, FALSE, TRUE, FIELDS (loc_fields) },
  { "MX", N_ ("Mail server"), "MX", FALSE, FALSE, TRUE, FIELDS (mx_fields) },
  { "NAPTR", N_ ("Naming authority pointer"), "NAPTR", FALSE, FALSE, TRUE, FIELDS (naptr_fields) },
  { "NS", N_ ("Name server"), "NS", FALSE, FALSE, TRUE, FIELDS (ns_fields) },
  { "PTR", N_ ("Pointer to a name"), "PTR", FALSE, FALSE, TRUE, FIELDS (ptr_fields) },
  { "SPF", N_ ("Allowed mail senders (SPF)"), "TXT", TRUE, FALSE, TRUE, FIELDS (spf_fields) },
  { "SRV", N_ ("Service location"), "SRV", FALSE, FALSE, TRUE, FIELDS (srv_fields) },
  { "SSHFP", N_ ("SSH key fingerprint"), "SSHFP", FALSE, FALSE, TRUE, FIELDS (sshfp_fields) },
  { "TLSA", N_ ("TLS certificate association (DANE)"), "TLSA", FALSE, FALSE, TRUE,
    FIELDS (tlsa_fields) },
  { "TXT", N_ ("Text"), "TXT", FALSE, TRUE, TRUE, FIELDS (txt_fields) },
};

static const char *const record_type_names[] = {
  "A",     "AAAA", "CAA", "CNAME", "DKIM", "DMARC", "DNAME", "LOC", "MX",
  "NAPTR", "NS",   "PTR", "SPF",   "SRV",  "SSHFP", "TLSA",  "TXT", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (record_type_names) == G_N_ELEMENTS (record_types) + 1);

const OvhRecordType *
ovh_record_type_get_all (guint *n_types)
{
  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (record_types);
  return record_types;
}

const char *const *
ovh_record_type_get_names (void)
{
  return record_type_names;
}

const OvhRecordType *
ovh_record_type_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (record_types); i++)
    if (g_ascii_strcasecmp (record_types[i].name, name) == 0)
      return &record_types[i];

  return NULL;
}

const char *
ovh_record_type_get_description (const OvhRecordType *type)
{
  g_return_val_if_fail (type != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, type->description);
}

const char *
ovh_record_field_get_label (const OvhRecordField *field)
{
  g_return_val_if_fail (field != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, field->label);
}

/* Splits rdata text into tokens the way a zone file does: runs of non-blank characters, or
 * double-quoted strings with backslash escapes (kept escaped in the token text, quotes
 * removed). Returns FALSE on an unterminated quote. */
gboolean
_ovh_record_tokenize (const char *text, GPtrArray *tokens, GArray *quoted)
{
  const char *p = text;

  while (*p != '\0')
    {
      gboolean is_quoted;
      GString *token;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;

      token = g_string_new (NULL);
      is_quoted = (*p == '"');
      if (is_quoted)
        {
          p++;
          while (*p != '"')
            {
              if (*p == '\0')
                {
                  g_string_free (token, TRUE);
                  return FALSE;
                }
              if (*p == '\\' && p[1] != '\0')
                {
                  /* \" and \\ become the character; other escapes (\DDD) are kept. */
                  if (p[1] == '"' || p[1] == '\\')
                    {
                      g_string_append_c (token, p[1]);
                      p += 2;
                      continue;
                    }
                }
              g_string_append_c (token, *p++);
            }
          p++;
        }
      else
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            g_string_append_c (token, *p++);
        }

      g_ptr_array_add (tokens, g_string_free (token, FALSE));
      if (quoted != NULL)
        g_array_append_val (quoted, is_quoted);
    }

  return TRUE;
}

char **
ovh_record_type_split_target (const OvhRecordType *type, const char *target, GError **error)
{
  g_autoptr (GPtrArray) tokens = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  const OvhRecordField *last;
  guint n_fixed;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (type->n_fields > 0, NULL);

  builder = g_strv_builder_new ();

  /* A single free-text field is the whole target, spaces and quotes included. */
  if (type->n_fields == 1 && type->fields[0].kind == OVH_RECORD_FIELD_TEXT)
    {
      g_strv_builder_add (builder, target);
      return g_strv_builder_end (builder);
    }

  last = &type->fields[type->n_fields - 1];
  n_fixed = type->n_fields - 1;
  tokens = g_ptr_array_new_with_free_func (g_free);
  if (!_ovh_record_tokenize (target, tokens, NULL))
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   _ ("A quoted string is not closed"));
      return NULL;
    }

  /* Hex data may be written in blocks separated by spaces: the last field takes the rest. */
  if (last->kind == OVH_RECORD_FIELD_HEX && tokens->len > type->n_fields)
    {
      g_autoptr (GString) joined = g_string_new (NULL);

      for (guint i = n_fixed; i < tokens->len; i++)
        g_string_append (joined, g_ptr_array_index (tokens, i));
      g_ptr_array_set_size (tokens, n_fixed);
      g_ptr_array_add (tokens, g_string_free (g_steal_pointer (&joined), FALSE));
    }

  if (tokens->len != type->n_fields)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   g_dngettext (GETTEXT_PACKAGE, "A %s record has %u part, separated by spaces",
                                "A %s record has %u parts, separated by spaces", type->n_fields),
                   type->name, type->n_fields);
      return NULL;
    }

  for (guint i = 0; i < tokens->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (tokens, i));

  return g_strv_builder_end (builder);
}

void
_ovh_record_append_quoted (GString *out, const char *text, gssize length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  g_string_append_c (out, '"');
  for (const char *p = text; p < end; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
ovh_record_type_join_fields (const OvhRecordType *type, const char *const *values)
{
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  if (type->n_fields == 1 && type->fields[0].kind == OVH_RECORD_FIELD_TEXT)
    return g_strdup (values[0] != NULL ? values[0] : "");

  out = g_string_new (NULL);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const char *value = values[i];

      if (value == NULL)
        break;
      if (i > 0)
        g_string_append_c (out, ' ');
      if (type->fields[i].quoted)
        _ovh_record_append_quoted (out, value, -1);
      else
        g_string_append (out, value);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- checks the DNS library does not make --------------------------------------------------- */

/* A quote opens or closes a whole part: in S" or "S"x it is stray, and a zone file would read
 * it another way than Domaine shows it. An unclosed quote is reported by the tokenizer. */
gboolean
_ovh_record_has_stray_quote (const char *target)
{
  const char *p = target;

  while (*p != '\0')
    {
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '"')
        {
          for (p++; *p != '\0' && *p != '"'; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
          if (*p == '\0')
            return FALSE;
          p++;
          if (*p != '\0' && !g_ascii_isspace (*p))
            return TRUE;
        }
      else
        for (; *p != '\0' && !g_ascii_isspace (*p); p++)
          if (*p == '"')
            return TRUE;
    }
  return FALSE;
}

/* A decimal number within [min, max], with at most `decimals` digits after the point and,
 * when allowed, a final "m" (metres). */
static gboolean
is_loc_number (const char *token, double min, double max, guint decimals, gboolean metres)
{
  g_autofree char *text = g_strdup (token);
  gsize length = strlen (text);
  const char *point;
  char *end = NULL;
  double value;

  if (metres && length > 0 && text[length - 1] == 'm')
    text[--length] = '\0';
  if (length == 0 || !(g_ascii_isdigit (text[0]) || (text[0] == '-' && min < 0)))
    return FALSE;
  for (const char *p = text[0] == '-' ? text + 1 : text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  point = strchr (text, '.');
  if (point != NULL && (strchr (point + 1, '.') != NULL || strlen (point + 1) > decimals))
    return FALSE;
  value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && value >= min && value <= max;
}

/* One of latitude or longitude: degrees [minutes [seconds]] then the hemisphere. */
static gboolean
take_loc_angle (char **tokens, guint *i, guint max_degrees, const char *hemispheres)
{
  guint n = 0;

  if (tokens[*i] == NULL || !is_loc_number (tokens[*i], 0, max_degrees, 0, FALSE))
    return FALSE;
  for (n = 1, (*i)++; n < 3 && tokens[*i] != NULL && g_ascii_isdigit (tokens[*i][0]); n++, (*i)++)
    if (!is_loc_number (tokens[*i], 0, n == 1 ? 59 : 59.999, n == 1 ? 0 : 3, FALSE))
      return FALSE;
  if (tokens[*i] == NULL || strlen (tokens[*i]) != 1
      || strchr (hemispheres, g_ascii_toupper (tokens[*i][0])) == NULL)
    return FALSE;
  (*i)++;
  return TRUE;
}

gboolean
_ovh_record_loc_is_valid (const char *target)
{
  g_auto (GStrv) tokens = g_strsplit_set (target, " \t", -1);
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  guint i = 0;
  gboolean ok;

  for (guint j = 0; tokens[j] != NULL; j++)
    if (tokens[j][0] != '\0')
      g_ptr_array_add (parts, tokens[j]);
  g_ptr_array_add (parts, NULL);

  ok = take_loc_angle ((char **) parts->pdata, &i, 90, "NS")
       && take_loc_angle ((char **) parts->pdata, &i, 180, "EW") && parts->pdata[i] != NULL
       && is_loc_number (parts->pdata[i++], -100000.0, 42849672.95, 2, TRUE);
  for (guint n = 0; ok && n < 3 && parts->pdata[i] != NULL; n++)
    ok = is_loc_number (parts->pdata[i++], 0, 90000000.0, 2, TRUE);
  return ok && parts->pdata[i] == NULL;
}
