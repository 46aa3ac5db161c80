/* ovh-record.c: one DNS record of an OVH zone, parsed, validated and normalised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <ldns/ldns.h>

#include "ovh-domain.h"
#include "ovh-record.h"
#include "ovh-json-private.h"
#include "ovh-record-private.h"
#include "ovh-record-type-private.h"

/* One DNS character-string holds 255 bytes; longer TXT data is split into several. */
#define TXT_STRING_MAX 255
/* Our own ceiling for the whole text: long enough for a 4096-bit DKIM key (~ 750 bytes) with
 * room to spare, short enough that the answer still fits a 4096-byte EDNS buffer. */
#define TXT_TOTAL_MAX 4000
#define NAME_MAX_LENGTH 253
#define LABEL_MAX_LENGTH 63

struct _OvhRecord
{
  GObject parent_instance;

  guint64 id;
  const char *zone; /* interned: a zone's records share it */
  char *sub_domain;
  const char *field_type; /* interned */
  char *target;
  guint ttl;
};

G_DEFINE_FINAL_TYPE (OvhRecord, ovh_record, G_TYPE_OBJECT)

/* clang-format 14 spaces out the name at file scope despite WhitespaceSensitiveMacros. */
/* clang-format off */
G_DEFINE_QUARK (ovh-record-error-quark, ovh_record_error)
/* clang-format on */

enum
{
  PROP_0,
  PROP_ID,
  PROP_ZONE,
  PROP_SUB_DOMAIN,
  PROP_FIELD_TYPE,
  PROP_TARGET,
  PROP_TTL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ovh_record_finalize (GObject *object)
{
  OvhRecord *self = (OvhRecord *) object;

  g_clear_pointer (&self->sub_domain, g_free);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (ovh_record_parent_class)->finalize (object);
}

static void
ovh_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhRecord *self = OVH_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_uint64 (value, self->id);
      break;
    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;
    case PROP_SUB_DOMAIN:
      g_value_set_string (value, self->sub_domain);
      break;
    case PROP_FIELD_TYPE:
      g_value_set_string (value, self->field_type);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_TTL:
      g_value_set_uint (value, self->ttl);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OvhRecord *self = OVH_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      ovh_record_set_id (self, g_value_get_uint64 (value));
      break;
    case PROP_ZONE:
      ovh_record_set_zone (self, g_value_get_string (value));
      break;
    case PROP_SUB_DOMAIN:
      ovh_record_set_sub_domain (self, g_value_get_string (value));
      break;
    case PROP_FIELD_TYPE:
      ovh_record_set_field_type (self, g_value_get_string (value));
      break;
    case PROP_TARGET:
      ovh_record_set_target (self, g_value_get_string (value));
      break;
    case PROP_TTL:
      ovh_record_set_ttl (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_class_init (OvhRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ovh_record_finalize;
  object_class->get_property = ovh_record_get_property;
  object_class->set_property = ovh_record_set_property;

  properties[PROP_ID] = g_param_spec_uint64 ("id", NULL, NULL, 0, G_MAXUINT64, 0, flags);
  properties[PROP_ZONE] = g_param_spec_string ("zone", NULL, NULL, NULL, flags);
  properties[PROP_SUB_DOMAIN] = g_param_spec_string ("sub-domain", NULL, NULL, "", flags);
  properties[PROP_FIELD_TYPE] = g_param_spec_string ("field-type", NULL, NULL, NULL, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, "", flags);
  properties[PROP_TTL]
      = g_param_spec_uint ("ttl", NULL, NULL, 0, (guint) OVH_RECORD_TTL_MAX, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_record_init (OvhRecord *self)
{
  self->sub_domain = g_strdup ("");
  self->target = g_strdup ("");
}

/* --- construction ------------------------------------------------------------------------ */

/* The spelling OVH uses when the table knows the type ("mx" → "MX"), interned. */
static const char *
intern_field_type (const char *field_type)
{
  const OvhRecordType *type = ovh_record_type_lookup (field_type);

  if (type != NULL)
    return g_intern_static_string (type->name);
  return g_intern_string (field_type);
}

/* Without GValues: a new object has nobody to notify, and a zone is made of many records. */
OvhRecord *
ovh_record_new (
    const char *zone, const char *sub_domain, const char *field_type, const char *target, guint ttl)
{
  OvhRecord *self = (OvhRecord *) g_object_new_with_properties (OVH_TYPE_RECORD, 0, NULL, NULL);

  self->zone = g_intern_string (zone);
  g_free (self->sub_domain);
  self->sub_domain = ovh_record_normalize_sub_domain (sub_domain != NULL ? sub_domain : "", zone);
  self->field_type = intern_field_type (field_type);
  g_free (self->target);
  self->target = g_strdup (target != NULL ? target : "");
  self->ttl = MIN (ttl, (guint) OVH_RECORD_TTL_MAX);
  return self;
}

OvhRecord *
_ovh_record_new_take (guint64 id,
                      const char *zone,
                      char *sub_domain,
                      const OvhRecordType *type,
                      char *target,
                      guint ttl)
{
  OvhRecord *self = (OvhRecord *) g_object_new_with_properties (OVH_TYPE_RECORD, 0, NULL, NULL);

  self->id = id;
  self->zone = zone;
  g_free (self->sub_domain);
  self->sub_domain = sub_domain;
  self->field_type = g_intern_static_string (type->name);
  g_free (self->target);
  self->target = target;
  self->ttl = ttl;
  return self;
}

OvhRecord *
ovh_record_new_from_json_object (JsonObject *object, GError **error)
{
  const OvhRecordType *type;
  const char *zone, *sub_domain, *field_type, *target;
  g_autofree char *clean_target = NULL;
  guint64 id, ttl;

  g_autoptr (GError) json_error = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ovh_json_read_uint (object, "id", OVH_JSON_REQUIRED, G_MAXINT64, &id, &json_error)
      || !ovh_json_read_string (object, "zone", OVH_JSON_OPTIONAL, &zone, &json_error)
      || !ovh_json_read_string (object, "subDomain", OVH_JSON_OPTIONAL, &sub_domain, &json_error)
      || !ovh_json_read_string (object, "fieldType", OVH_JSON_REQUIRED, &field_type, &json_error)
      || !ovh_json_read_string (object, "target", OVH_JSON_REQUIRED, &target, &json_error)
      || !ovh_json_read_uint (object, "ttl", OVH_JSON_OPTIONAL, OVH_RECORD_TTL_MAX, &ttl,
                              &json_error))
    {
      /* Translators: %s says what is wrong, e.g. “target” is missing */
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_MALFORMED,
                   _ ("The record sent by OVH is not valid: %s"), json_error->message);
      return NULL;
    }

  /* The zone's name may end up in a path or a URL: it must be a domain name. */
  if (zone != NULL && !ovh_domain_name_is_valid (zone))
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_MALFORMED,
                   _ ("The record sent by OVH is not valid: %s"),
                   _ ("“zone” is not a domain name"));
      return NULL;
    }

  type = ovh_record_type_lookup (field_type);
  if (type == NULL)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE,
                   _ ("“%s” is not a record type Domaine knows"), field_type);
      return NULL;
    }

  if (type->quoted_by_api)
    clean_target = _ovh_record_unquote_txt (target);
  else
    clean_target = g_strdup (target);

  /* Kept as OVH has it: "@" is a user's spelling, never the API's. */
  return _ovh_record_new_take (id, g_intern_string (zone),
                               g_strdup (sub_domain != NULL ? sub_domain : ""), type,
                               g_steal_pointer (&clean_target), (guint) ttl);
}

OvhRecord *
ovh_record_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_MALFORMED,
                   _ ("The record sent by OVH is not a JSON object"));
      return NULL;
    }

  return ovh_record_new_from_json_object (json_node_get_object (node), error);
}

/* --- TXT quoting ---------------------------------------------------------------------------- */

void
_ovh_record_append_txt_strings (GString *out, const char *text)
{
  const char *p = text;
  const char *end = text + strlen (text);

  if (*p == '\0')
    {
      g_string_append (out, "\"\"");
      return;
    }

  while (p < end)
    {
      const char *chunk_end = p + MIN ((gsize) (end - p), (gsize) TXT_STRING_MAX);

      /* Back off to the start of a UTF-8 character so each string stays readable. */
      if (chunk_end < end)
        while (chunk_end > p + 1 && ((guchar) *chunk_end & 0xC0) == 0x80)
          chunk_end--;

      if (p != text)
        g_string_append_c (out, ' ');
      _ovh_record_append_quoted (out, p, chunk_end - p);
      p = chunk_end;
    }
}

char *
_ovh_record_unquote_txt (const char *target)
{
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) quoted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GString) joined = g_string_new (NULL);
  const char *p = target;

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '"' || !_ovh_record_tokenize (p, tokens, quoted))
    return g_strdup (target);

  for (guint i = 0; i < tokens->len; i++)
    {
      /* OVH wraps a value in quotes without escaping the quotes inside it: "a "b" c". */
      if (!g_array_index (quoted, gboolean, i) && g_str_has_suffix (p, "\"") && strlen (p) >= 2)
        return g_strndup (p + 1, strlen (p) - 2);
      if (!g_array_index (quoted, gboolean, i))
        return g_strdup (target);
      g_string_append (joined, g_ptr_array_index (tokens, i));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static gboolean
is_txt_like (const OvhRecordType *type)
{
  return type != NULL && g_str_equal (type->zone_type, "TXT");
}

/* What the API wants in "target". A TXT is sent bare when it fits one string (the API adds the
 * quotes itself); otherwise it is sent already split into quoted strings, which OVH keeps. */
static char *
dup_api_target (OvhRecord *self)
{
  const OvhRecordType *type = ovh_record_get_record_type (self);
  GString *out;

  if (type == NULL || !type->quoted_by_api)
    return g_strdup (self->target);

  if (strlen (self->target) <= TXT_STRING_MAX && strpbrk (self->target, "\"\\") == NULL)
    return g_strdup (self->target);

  out = g_string_new (NULL);
  _ovh_record_append_txt_strings (out, self->target);
  return g_string_free (out, FALSE);
}

static JsonNode *
to_json (OvhRecord *self, gboolean with_field_type)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *target = dup_api_target (self);

  json_builder_begin_object (builder);
  if (with_field_type)
    {
      json_builder_set_member_name (builder, "fieldType");
      json_builder_add_string_value (builder, self->field_type);
    }
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, self->sub_domain);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, target);
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, self->ttl);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
ovh_record_to_json_for_create (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return to_json (self, TRUE);
}

JsonNode *
ovh_record_to_json_for_update (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return to_json (self, FALSE);
}

/* --- copies and comparison ------------------------------------------------------------------ */

OvhRecord *
ovh_record_dup (OvhRecord *self)
{
  OvhRecord *copy;

  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);

  copy = g_object_new (OVH_TYPE_RECORD, NULL);
  ovh_record_copy_from (copy, self);
  return copy;
}

gboolean
ovh_record_equal (OvhRecord *a, OvhRecord *b)
{
  g_return_val_if_fail (OVH_IS_RECORD (a), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (b), FALSE);

  return a->id == b->id && g_strcmp0 (a->zone, b->zone) == 0
         && g_strcmp0 (a->sub_domain, b->sub_domain) == 0
         && g_strcmp0 (a->field_type, b->field_type) == 0 && g_strcmp0 (a->target, b->target) == 0
         && a->ttl == b->ttl;
}

static gboolean
str_equal_nocase (const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_ascii_strcasecmp (a, b) == 0;
}

gboolean
ovh_record_equal_content (OvhRecord *a, OvhRecord *b)
{
  g_return_val_if_fail (OVH_IS_RECORD (a), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (b), FALSE);

  return str_equal_nocase (a->zone, b->zone) && str_equal_nocase (a->sub_domain, b->sub_domain)
         && str_equal_nocase (a->field_type, b->field_type) && g_strcmp0 (a->target, b->target) == 0
         && a->ttl == b->ttl;
}

void
ovh_record_copy_from (OvhRecord *self, OvhRecord *other)
{
  g_return_if_fail (OVH_IS_RECORD (self));
  g_return_if_fail (OVH_IS_RECORD (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  ovh_record_set_id (self, other->id);
  ovh_record_set_zone (self, other->zone);
  ovh_record_set_sub_domain (self, other->sub_domain);
  ovh_record_set_field_type (self, other->field_type);
  ovh_record_set_target (self, other->target);
  ovh_record_set_ttl (self, other->ttl);
  g_object_thaw_notify (G_OBJECT (self));
}

/* --- accessors ------------------------------------------------------------------------------ */

static gboolean
replace_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

guint64
ovh_record_get_id (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), 0);
  return self->id;
}

void
ovh_record_set_id (OvhRecord *self, guint64 id)
{
  g_return_if_fail (OVH_IS_RECORD (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ovh_record_get_zone (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return self->zone;
}

void
ovh_record_set_zone (OvhRecord *self, const char *zone)
{
  g_return_if_fail (OVH_IS_RECORD (self));

  zone = g_intern_string (zone);
  if (self->zone == zone)
    return;
  self->zone = zone;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

const char *
ovh_record_get_sub_domain (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return self->sub_domain;
}

void
ovh_record_set_sub_domain (OvhRecord *self, const char *sub_domain)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (OVH_IS_RECORD (self));

  normalized = ovh_record_normalize_sub_domain (sub_domain, self->zone);
  if (replace_string (&self->sub_domain, normalized))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUB_DOMAIN]);
}

const char *
ovh_record_get_field_type (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return self->field_type;
}

void
ovh_record_set_field_type (OvhRecord *self, const char *field_type)
{
  g_return_if_fail (OVH_IS_RECORD (self));

  /* Spelled as OVH spells it whenever the table knows it: "mx" → "MX". */
  field_type = intern_field_type (field_type);
  if (self->field_type == field_type)
    return;
  self->field_type = field_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_TYPE]);
}

const OvhRecordType *
ovh_record_get_record_type (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return ovh_record_type_lookup (self->field_type);
}

const char *
ovh_record_get_target (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return self->target;
}

void
ovh_record_set_target (OvhRecord *self, const char *target)
{
  g_return_if_fail (OVH_IS_RECORD (self));

  if (replace_string (&self->target, target != NULL ? target : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

guint
ovh_record_get_ttl (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), 0);
  return self->ttl;
}

void
ovh_record_set_ttl (OvhRecord *self, guint ttl)
{
  g_return_if_fail (OVH_IS_RECORD (self));

  if (self->ttl == ttl)
    return;
  self->ttl = ttl;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TTL]);
}

const char *
ovh_record_get_display_name (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);
  return self->sub_domain[0] == '\0' ? "@" : self->sub_domain;
}

char *
ovh_record_dup_fqdn (OvhRecord *self)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);

  if (self->zone == NULL)
    return NULL;
  if (self->sub_domain[0] == '\0')
    return g_strdup (self->zone);
  return g_strconcat (self->sub_domain, ".", self->zone, NULL);
}

static void
append_rdata (GString *out, const OvhRecordType *type, const char *target)
{
  if (is_txt_like (type))
    _ovh_record_append_txt_strings (out, target);
  else
    g_string_append (out, target);
}

char *
ovh_record_format_zone_line (OvhRecord *self)
{
  const OvhRecordType *type;
  GString *line;

  g_return_val_if_fail (OVH_IS_RECORD (self), NULL);

  type = ovh_record_get_record_type (self);
  line = g_string_new (ovh_record_get_display_name (self));
  if (self->ttl != 0)
    g_string_append_printf (line, " %u", self->ttl);
  g_string_append_printf (line, " IN %s ",
                          type != NULL ? type->zone_type
                                       : (self->field_type != NULL ? self->field_type : "TYPE0"));
  append_rdata (line, type, self->target);

  return g_string_free (line, FALSE);
}

char *
ovh_record_normalize_sub_domain (const char *sub_domain, const char *zone)
{
  g_autofree char *name = g_strstrip (g_strdup (sub_domain != NULL ? sub_domain : ""));
  gsize name_length = strlen (name);

  if (g_str_equal (name, "@"))
    return g_strdup ("");

  /* An absolute name inside the zone, as one would copy it from a zone file. */
  if (zone != NULL && zone[0] != '\0' && name_length > 1 && name[name_length - 1] == '.')
    {
      g_autofree char *suffix = g_strconcat (".", zone, ".", NULL);
      gsize suffix_length = strlen (suffix);

      if (g_ascii_strcasecmp (name, suffix + 1) == 0)
        return g_strdup ("");
      if (name_length > suffix_length
          && g_ascii_strcasecmp (name + name_length - suffix_length, suffix) == 0)
        return g_strndup (name, name_length - suffix_length);
    }

  return g_steal_pointer (&name);
}

/* --- validation ----------------------------------------------------------------------------- */

static gboolean
validate_type (const char *field_type, const OvhRecordType **out_type, GError **error)
{
  if (field_type == NULL || field_type[0] == '\0')
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE,
                           _ ("Choose a record type"));
      return FALSE;
    }

  *out_type = ovh_record_type_lookup (field_type);
  if (*out_type == NULL)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE,
                   _ ("“%s” is not a record type OVH supports"), field_type);
      return FALSE;
    }

  return TRUE;
}

static gboolean
label_char_is_valid (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static gboolean
validate_sub_domain (const OvhRecordType *type, const char *sub_domain, GError **error)
{
  gboolean first_is_dmarc = FALSE, has_domainkey = FALSE;
  guint label_index = 0;

  if (sub_domain[0] == '\0')
    {
      if (type->allowed_at_apex)
        return TRUE;
      if (g_str_equal (type->name, "DMARC"))
        g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                             _ ("A DMARC record belongs under “_dmarc”"));
      else if (g_str_equal (type->name, "DKIM"))
        g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                             _ ("A DKIM record belongs under “selector._domainkey”"));
      else
        g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                     _ ("A %s record cannot be at the zone apex (“@”)"), type->name);
      return FALSE;
    }

  if (strlen (sub_domain) > NAME_MAX_LENGTH)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                   _ ("The name is longer than %u characters"), NAME_MAX_LENGTH);
      return FALSE;
    }

  if (g_str_has_suffix (sub_domain, "."))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                           _ ("Write the name relative to the zone, without a final dot"));
      return FALSE;
    }

  /* Label by label, in place: records are checked by the thousand. */
  for (const char *label = sub_domain; label != NULL; label_index++)
    {
      const char *dot = strchr (label, '.');
      gsize length = dot != NULL ? (gsize) (dot - label) : strlen (label);

      if (length == 0)
        {
          g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                               _ ("The name has an empty part (two dots in a row?)"));
          return FALSE;
        }
      if (length > LABEL_MAX_LENGTH)
        {
          g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                       _ ("Each part of the name is at most %u characters long"), LABEL_MAX_LENGTH);
          return FALSE;
        }
      if (memchr (label, '*', length) != NULL)
        {
          if (label_index != 0 || length != 1)
            {
              g_set_error_literal (
                  error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                  _ ("“*” is only allowed alone, as the leftmost part of the name"));
              return FALSE;
            }
        }
      else
        for (gsize i = 0; i < length; i++)
          if (!label_char_is_valid (label[i]))
            {
              g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                                   _ ("A name may only hold letters, digits, “-”, “_” and dots"));
              return FALSE;
            }

      if (label_index == 0)
        first_is_dmarc = length == 6 && g_ascii_strncasecmp (label, "_dmarc", 6) == 0;
      else
        has_domainkey |= length == 10 && g_ascii_strncasecmp (label, "_domainkey", 10) == 0;
      label = dot != NULL ? dot + 1 : NULL;
    }

  if (g_str_equal (type->name, "DMARC") && !first_is_dmarc)
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                           _ ("A DMARC record belongs under “_dmarc”"));
      return FALSE;
    }

  if (g_str_equal (type->name, "DKIM") && !has_domainkey)
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_SUBDOMAIN,
                           _ ("A DKIM record belongs under “selector._domainkey”"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_ttl (gint64 ttl, GError **error)
{
  if (ttl < 0 || (guint64) ttl > OVH_RECORD_TTL_MAX)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TTL,
                   _ ("The TTL is 0 (the zone’s default) or a number of seconds up to %u"),
                   (guint) OVH_RECORD_TTL_MAX);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_ip_address (const char *text, int family)
{
  guchar buffer[sizeof (struct in6_addr)];

  return inet_pton (family, text, buffer) == 1;
}

static gboolean
is_host_name (const char *name)
{
  gsize length = strlen (name);
  const char *label_start = name;

  if (g_str_equal (name, "."))
    return TRUE;
  if (length == 0 || length > NAME_MAX_LENGTH + 1 || name[0] == '.')
    return FALSE;

  for (const char *p = name;; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          gsize label_length = p - label_start;

          if (*p == '\0' && label_length == 0 && p > name && p[-1] == '.')
            return TRUE; /* the final dot of an absolute name */
          if (label_length == 0 || label_length > LABEL_MAX_LENGTH)
            return FALSE;
          if (*p == '\0')
            return TRUE;
          label_start = p + 1;
        }
      else if (!label_char_is_valid (*p) && !(*p == '*' && p == name && p[1] == '.'))
        return FALSE;
    }
}

static gboolean
validate_field (const OvhRecordField *field, const char *value, GError **error)
{
  const char *label = ovh_record_field_get_label (field);

  switch (field->kind)
    {
    case OVH_RECORD_FIELD_ADDRESS4:
      if (is_ip_address (value, AF_INET))
        return TRUE;
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   _ ("“%s” is not an IPv4 address such as 192.0.2.1"), value);
      return FALSE;

    case OVH_RECORD_FIELD_ADDRESS6:
      if (is_ip_address (value, AF_INET6))
        return TRUE;
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   _ ("“%s” is not an IPv6 address such as 2001:db8::1"), value);
      return FALSE;

    case OVH_RECORD_FIELD_HOSTNAME:
      if (is_ip_address (value, AF_INET) || is_ip_address (value, AF_INET6))
        {
          g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                       _ ("%s: a host name is needed here, not an IP address"), label);
          return FALSE;
        }
      if (is_host_name (value))
        return TRUE;
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   _ ("%s: “%s” is not a valid host name"), label, value);
      return FALSE;

    case OVH_RECORD_FIELD_INTEGER:
      {
        guint64 number;

        if (g_ascii_isdigit (value[0])
            && g_ascii_string_to_unsigned (value, 10, field->min, field->max, &number, NULL))
          return TRUE;
        g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                     _ ("%s must be a whole number from %d to %d"), label, (int) field->min,
                     (int) field->max);
        return FALSE;
      }

    case OVH_RECORD_FIELD_HEX:
      {
        gsize length = strlen (value);

        for (const char *p = value; *p != '\0'; p++)
          if (!g_ascii_isxdigit (*p))
            length = 0;
        if (length > 0 && length % 2 == 0)
          return TRUE;
        g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                     _ ("%s must be hexadecimal digits, in pairs"), label);
        return FALSE;
      }

    case OVH_RECORD_FIELD_ENUM:
      {
        g_autofree char *choices = NULL;

        for (guint i = 0; field->choices[i] != NULL; i++)
          if (g_ascii_strcasecmp (field->choices[i], value) == 0)
            return TRUE;
        choices = g_strjoinv (", ", (char **) field->choices);
        g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET, _ ("%s must be one of: %s"),
                     label, choices);
        return FALSE;
      }

    case OVH_RECORD_FIELD_TEXT:
    default:
      return TRUE;
    }
}

/* v=spf1 followed by the end or a blank: "v=spf10" is not SPF. */
static gboolean
has_version_tag (const char *text, const char *tag, const char *separators)
{
  gsize length = strlen (tag);

  while (g_ascii_isspace (*text))
    text++;
  if (g_ascii_strncasecmp (text, tag, length) != 0)
    return FALSE;
  return text[length] == '\0' || strchr (separators, text[length]) != NULL;
}

static gboolean
has_dkim_key (const char *text)
{
  g_auto (GStrv) tags = g_strsplit (text, ";", -1);

  for (guint i = 0; tags[i] != NULL; i++)
    if (g_str_has_prefix (g_strstrip (tags[i]), "p="))
      return TRUE;
  return FALSE;
}

static gboolean
validate_txt_like (const OvhRecordType *type, const char *target, GError **error)
{
  gsize length = strlen (target);

  if (length > TXT_TOTAL_MAX)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   _ ("The text is %u bytes long; at most %u are allowed"), (guint) length,
                   TXT_TOTAL_MAX);
      return FALSE;
    }

  if (g_str_equal (type->name, "SPF") && !has_version_tag (target, "v=spf1", " \t"))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("An SPF record starts with “v=spf1”"));
      return FALSE;
    }

  if (g_str_equal (type->name, "DMARC") && !has_version_tag (target, "v=DMARC1", "; \t"))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("A DMARC record starts with “v=DMARC1”"));
      return FALSE;
    }

  if (g_str_equal (type->name, "DKIM") && !has_version_tag (target, "v=DKIM1", "; \t")
      && !has_dkim_key (target))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("A DKIM record starts with “v=DKIM1” or holds a key “p=…”"));
      return FALSE;
    }

  return TRUE;
}

/* RFC 1876, section 3: the DNS library reads a LOC but stops where it is complete, so
 * trailing garbage would pass it and make a zone file line that does not read back. */
static gboolean
validate_loc (const char *target, GError **error)
{
  if (_ovh_record_loc_is_valid (target))
    return TRUE;
  g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                       _ ("A location is written “52 22 23.000 N 4 53 32.000 E -2.00m”, "
                          "optionally followed by size and precisions"));
  return FALSE;
}

static gboolean
validate_fields (const OvhRecordType *type, const char *target, GError **error)
{
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) quoted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_auto (GStrv) values = NULL;

  if (!_ovh_record_tokenize (target, tokens, quoted))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("A quoted string is not closed"));
      return FALSE;
    }
  if (_ovh_record_has_stray_quote (target))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("A quote must open or close a whole part, between spaces"));
      return FALSE;
    }
  if (g_str_equal (type->name, "LOC") && !validate_loc (target, error))
    return FALSE;

  /* A zone file reads a quoted host name or number as text with the quotes in it. */
  for (guint i = 0; i < tokens->len; i++)
    if (g_array_index (quoted, gboolean, i) && !type->fields[MIN (i, type->n_fields - 1)].quoted)
      {
        g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                             _ ("Quotes are only allowed around text parts"));
        return FALSE;
      }

  /* In a zone file these start a comment or span lines: they would silently change meaning. */
  for (guint i = 0; i < tokens->len; i++)
    if (!g_array_index (quoted, gboolean, i)
        && strpbrk (g_ptr_array_index (tokens, i), ";()") != NULL)
      {
        g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                             _ ("“;”, “(” and “)” are only allowed between quotes"));
        return FALSE;
      }

  values = ovh_record_type_split_target (type, target, error);
  if (values == NULL)
    return FALSE;

  for (guint i = 0; i < type->n_fields; i++)
    if (!validate_field (&type->fields[i], values[i], error))
      return FALSE;

  return TRUE;
}

/* The DNS library has the last word on the record syntax, for every type it knows. */
static gboolean
validate_with_ldns (const OvhRecordType *type, const char *target, GError **error)
{
  g_autoptr (GString) line = g_string_new ("check 3600 IN ");
  ldns_rdf *origin;
  ldns_rr *rr = NULL;
  ldns_status status;

  g_string_append_printf (line, "%s ", type->zone_type);
  append_rdata (line, type, target);

  origin = ldns_dname_new_frm_str ("example.invalid.");
  status = ldns_rr_new_frm_str (&rr, line->str, 3600, origin, NULL);
  if (status == LDNS_STATUS_OK)
    {
      const ldns_rr_descriptor *descriptor = ldns_rr_descript (ldns_rr_get_type (rr));

      if (descriptor != NULL && ldns_rr_rd_count (rr) < ldns_rr_descriptor_minimum (descriptor))
        status = LDNS_STATUS_SYNTAX_MISSING_VALUE_ERR;
    }
  ldns_rr_free (rr);
  ldns_rdf_deep_free (origin);

  if (status != LDNS_STATUS_OK)
    {
      g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                   /* Translators: the second %s is an English message from the DNS library */
                   _ ("Not a valid %s record: %s"), type->name, ldns_get_errorstr_by_id (status));
      return FALSE;
    }

  return TRUE;
}

/* What any target must be, whatever its type. */
static gboolean
validate_target_text (const char *target, GError **error)
{
  const char *p;

  for (p = target; g_ascii_isspace (*p); p++)
    ;
  if (*p == '\0')
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("The target cannot be empty"));
      return FALSE;
    }

  if (!g_utf8_validate (target, -1, NULL))
    {
      g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                           _ ("The target is not valid UTF-8 text"));
      return FALSE;
    }

  for (p = target; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error_literal (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TARGET,
                             _ ("The target cannot hold line breaks or control characters"));
        return FALSE;
      }

  return TRUE;
}

static gboolean
validate_target (const OvhRecordType *type, const char *target, GError **error)
{
  if (target == NULL)
    target = "";

  if (!validate_target_text (target, error))
    return FALSE;

  if (is_txt_like (type))
    {
      if (!validate_txt_like (type, target, error))
        return FALSE;
    }
  else if (!validate_fields (type, target, error))
    return FALSE;

  return validate_with_ldns (type, target, error);
}

static gboolean
validate_all (
    const char *field_type, const char *name, const char *target, gint64 ttl, GError **error)
{
  const OvhRecordType *type = NULL;

  return validate_type (field_type, &type, error) && validate_sub_domain (type, name, error)
         && validate_ttl (ttl, error) && validate_target (type, target, error);
}

gboolean
ovh_record_validate (
    const char *field_type, const char *sub_domain, const char *target, gint64 ttl, GError **error)
{
  g_autofree char *name = ovh_record_normalize_sub_domain (sub_domain, NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_all (field_type, name, target, ttl, error);
}

/* The record's own name, not a normalised one: a record read from the API keeps its name as
 * OVH has it (" x" is not "x"), and what would not be accepted typed is not valid either. */
gboolean
ovh_record_check (OvhRecord *self, GError **error)
{
  g_return_val_if_fail (OVH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return validate_all (self->field_type, self->sub_domain, self->target, self->ttl, error);
}

gboolean
_ovh_record_check_stored (OvhRecord *self, GError **error)
{
  const OvhRecordType *type = NULL;

  return validate_type (self->field_type, &type, error)
         && validate_sub_domain (type, self->sub_domain, error) && validate_ttl (self->ttl, error)
         && validate_target_text (self->target, error);
}

/* --- conflicts ------------------------------------------------------------------------------ */

static gboolean
check_conflict_with (OvhRecord *candidate, OvhRecord *other, GError **error)
{
  gboolean candidate_is_cname, other_is_cname;

  if (other == candidate || (candidate->id != 0 && other->id == candidate->id))
    return TRUE;
  if (g_ascii_strcasecmp (other->sub_domain, candidate->sub_domain) != 0)
    return TRUE;

  candidate_is_cname = g_strcmp0 (candidate->field_type, "CNAME") == 0;
  other_is_cname = g_strcmp0 (other->field_type, "CNAME") == 0;
  if (!candidate_is_cname && !other_is_cname)
    return TRUE;

  if (other_is_cname)
    g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_CONFLICT,
                 _ ("“%s” is an alias (CNAME): it cannot hold other records"),
                 ovh_record_get_display_name (other));
  else
    g_set_error (error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_CONFLICT,
                 _ ("“%s” already has a record of type %s: an alias (CNAME) cannot sit beside it"),
                 ovh_record_get_display_name (other), other->field_type);
  return FALSE;
}

gboolean
ovh_records_check_conflicts (GListModel *records, OvhRecord *candidate, GError **error)
{
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (candidate), FALSE);

  n_items = g_list_model_get_n_items (records);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (records, i);

      if (OVH_IS_RECORD (item) && !check_conflict_with (candidate, OVH_RECORD (item), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
ovh_records_check_conflicts_array (GPtrArray *records, OvhRecord *candidate, GError **error)
{
  g_return_val_if_fail (records != NULL, FALSE);
  g_return_val_if_fail (OVH_IS_RECORD (candidate), FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      OvhRecord *other = g_ptr_array_index (records, i);

      if (OVH_IS_RECORD (other) && !check_conflict_with (candidate, other, error))
        return FALSE;
    }

  return TRUE;
}
