/* ovh-record-type.h: the DNS record types OVH knows, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What kind of value one field of a record's target holds: an editor picks its widget from it. */
typedef enum
{
  OVH_RECORD_FIELD_ADDRESS4, /* dotted IPv4 address */
  OVH_RECORD_FIELD_ADDRESS6, /* IPv6 address */
  OVH_RECORD_FIELD_HOSTNAME, /* a domain name, relative to the zone or absolute with a final "." */
  OVH_RECORD_FIELD_INTEGER,  /* a number between min and max */
  OVH_RECORD_FIELD_TEXT,     /* free text (TXT, SPF, DKIM, DMARC, LOC, CAA value…) */
  OVH_RECORD_FIELD_HEX,      /* hexadecimal digits (SSHFP fingerprint, TLSA data) */
  OVH_RECORD_FIELD_ENUM,     /* one of choices (CAA tag) */
} OvhRecordFieldKind;

typedef struct
{
  const char *id;    /* "priority", stable, for code and CLI */
  const char *label; /* N_(): use ovh_record_field_get_label() */
  OvhRecordFieldKind kind;
  gint64 min;                 /* OVH_RECORD_FIELD_INTEGER only */
  gint64 max;                 /* OVH_RECORD_FIELD_INTEGER only */
  const char *const *choices; /* OVH_RECORD_FIELD_ENUM only, NULL-terminated */
  gboolean quoted;            /* written between double quotes in the target (CAA value…) */
} OvhRecordField;

typedef struct
{
  const char *name;             /* as OVH spells the fieldType: "MX", "SPF" */
  const char *description;      /* N_(): use ovh_record_type_get_description() */
  const char *zone_type;        /* the RR type in a zone file: "TXT" for SPF, DKIM, DMARC */
  gboolean typed_txt;           /* SPF, DKIM, DMARC: OVH's own types, published as TXT */
  gboolean quoted_by_api;       /* TXT: the API wraps the target in double quotes on read */
  gboolean allowed_at_apex;     /* FALSE for CNAME (and DMARC, which lives under _dmarc) */
  const OvhRecordField *fields; /* the parts of the target, in order */
  guint n_fields;
} OvhRecordType;

/* The whole table, in the order of OVH's schema enum (alphabetical). */
const OvhRecordType *ovh_record_type_get_all (guint *n_types);
/* NULL-terminated list of names, same order, for a drop-down. Static; do not free. */
const char *const *ovh_record_type_get_names (void);
/* Case-insensitive; NULL when OVH does not know the type. */
const OvhRecordType *ovh_record_type_lookup (const char *name);
const char *ovh_record_type_get_description (const OvhRecordType *type); /* translated */
const char *ovh_record_field_get_label (const OvhRecordField *field);    /* translated */

/* Splits a target (as the user sees it: TXT without API quotes) into type->n_fields values,
 * quotes removed from quoted fields. Returns a NULL-terminated strv, or NULL and sets error
 * (OVH_RECORD_ERROR_TARGET) when the target does not have that shape. A type whose single
 * field is TEXT gets the whole target back. */
char **ovh_record_type_split_target (const OvhRecordType *type, const char *target, GError **error);
/* The reverse: joins type->n_fields values with single spaces, quoting quoted fields
 * (escaping '"' and '\\'). Values are not validated here: see ovh_record_validate(). */
char *ovh_record_type_join_fields (const OvhRecordType *type, const char *const *values);

G_END_DECLS
