/* ovh-record.h: one DNS record of an OVH zone, parsed, validated and normalised
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-record-type.h"

G_BEGIN_DECLS

#define OVH_RECORD_ERROR (ovh_record_error_quark ())

/* The code names the FIELD that is wrong, so an editor can mark that entry. Messages are
 * translated and meant for people. */
typedef enum
{
  OVH_RECORD_ERROR_TYPE,      /* unknown or unusable fieldType */
  OVH_RECORD_ERROR_SUBDOMAIN, /* bad label, CNAME at the apex, DMARC not under _dmarc */
  OVH_RECORD_ERROR_TARGET,    /* the record data does not parse for its type */
  OVH_RECORD_ERROR_TTL,       /* out of range */
  OVH_RECORD_ERROR_CONFLICT,  /* a CNAME beside other records of the same name */
  OVH_RECORD_ERROR_MALFORMED, /* API JSON without the promised fields or with wrong JSON types */
} OvhRecordError;

/* TTL bounds: 0 means "the zone's default"; otherwise 1 .. 2^31-1 (RFC 2181). */
#define OVH_RECORD_TTL_ZONE_DEFAULT 0
#define OVH_RECORD_TTL_MAX G_GUINT64_CONSTANT (2147483647)

#define OVH_TYPE_RECORD (ovh_record_get_type ())

G_DECLARE_FINAL_TYPE (OvhRecord, ovh_record, OVH, RECORD, GObject)

GQuark ovh_record_error_quark (void);

/* Properties (all readwrite, EXPLICIT_NOTIFY): "id" (guint64, 0 = not created / unknown),
 * "zone", "sub-domain" ("" = apex, never "@"), "field-type" ("MX"), "target" (as the user sees
 * it: TXT without the API's quotes), "ttl" (guint, 0 = zone default). */
OvhRecord *ovh_record_new (const char *zone,
                           const char *sub_domain, /* "@" accepted */
                           const char *field_type,
                           const char *target,
                           guint ttl);
/* From one element of the API: {id, zone, subDomain, fieldType, target, ttl}. subDomain and
 * ttl may be null or missing (apex, zone default); zone may be missing (then NULL). Sets
 * OVH_RECORD_ERROR_MALFORMED when fieldType/target/id are missing or of the wrong JSON type,
 * OVH_RECORD_ERROR_TYPE for a fieldType OVH does not list. */
OvhRecord *ovh_record_new_from_json (JsonNode *node, GError **error);
OvhRecord *ovh_record_new_from_json_object (JsonObject *object, GError **error);

/* Request bodies. create: {fieldType, subDomain, target, ttl}; update: {subDomain, target,
 * ttl}, never fieldType (read-only at OVH: a type change is delete + create). A TXT target
 * is sent bare when it fits one 255-byte string; longer ones are sent as quoted 255-byte
 * chunks, as in a zone file. */
JsonNode *ovh_record_to_json_for_create (OvhRecord *self);
JsonNode *ovh_record_to_json_for_update (OvhRecord *self);

OvhRecord *ovh_record_dup (OvhRecord *self);
/* All properties, id included. */
gboolean ovh_record_equal (OvhRecord *a, OvhRecord *b);
/* What is published: zone, sub-domain (case-insensitive), type, target, ttl; id ignored. */
gboolean ovh_record_equal_content (OvhRecord *a, OvhRecord *b);
/* Copies every property of other into self, notifying only those that changed. */
void ovh_record_copy_from (OvhRecord *self, OvhRecord *other);

guint64 ovh_record_get_id (OvhRecord *self);
void ovh_record_set_id (OvhRecord *self, guint64 id);
const char *ovh_record_get_zone (OvhRecord *self);
void ovh_record_set_zone (OvhRecord *self, const char *zone);
const char *ovh_record_get_sub_domain (OvhRecord *self);
void ovh_record_set_sub_domain (OvhRecord *self, const char *sub_domain); /* "@" → "" */
const char *ovh_record_get_field_type (OvhRecord *self);
void ovh_record_set_field_type (OvhRecord *self, const char *field_type);
/* NULL when the field type is not in the table (a record built by hand). */
const OvhRecordType *ovh_record_get_record_type (OvhRecord *self);
const char *ovh_record_get_target (OvhRecord *self);
void ovh_record_set_target (OvhRecord *self, const char *target);
guint ovh_record_get_ttl (OvhRecord *self);
void ovh_record_set_ttl (OvhRecord *self, guint ttl);

/* "@" for the apex, the sub-domain otherwise ("*" and "*.dev" shown as they are). */
const char *ovh_record_get_display_name (OvhRecord *self);
/* "www.example.com" ("example.com" for the apex); NULL when the zone is unset. */
char *ovh_record_dup_fqdn (OvhRecord *self);
/* A BIND line relative to the zone: "www 3600 IN A 1.2.3.4", "@ IN MX 10 mx.example.com."
 * (TTL left out when 0); SPF/DKIM/DMARC/TXT as TXT with quoted ≤255-byte strings. */
char *ovh_record_format_zone_line (OvhRecord *self);

/* "@", " www " → "", "www"; "www.example.com." → "www" when zone is "example.com" (zone may
 * be NULL). Never fails; validation is separate. */
char *ovh_record_normalize_sub_domain (const char *sub_domain, const char *zone);

/* Live validation for an editor: returns FALSE with a translated message and a code naming
 * the wrong field (checked in this order: type, sub-domain, ttl, target). sub_domain may be
 * "@". ttl is gint64 so that a negative entry can be reported rather than wrapped. */
gboolean ovh_record_validate (
    const char *field_type, const char *sub_domain, const char *target, gint64 ttl, GError **error);
gboolean ovh_record_check (OvhRecord *self, GError **error);

/* A CNAME cannot share its name with any other record, and no record can join a name that
 * holds a CNAME. records: a GListModel or GPtrArray of OvhRecord (use the matching function);
 * a record with the candidate's id (non-zero) or the candidate itself is skipped, so editing
 * a record does not conflict with its old self. OVH_RECORD_ERROR_CONFLICT. */
gboolean ovh_records_check_conflicts (GListModel *records, OvhRecord *candidate, GError **error);
gboolean
ovh_records_check_conflicts_array (GPtrArray *records, OvhRecord *candidate, GError **error);

G_END_DECLS
