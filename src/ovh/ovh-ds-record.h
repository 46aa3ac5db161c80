/* ovh-ds-record.h: a DS record of a domain, as the registry knows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH lists a domain's DNSSEC keys (GET /domain/{domain}/dsRecord/{id}) as the DNSKEY they
 * stand for: key tag, algorithm, flags and public key. The DS digest that resolvers compare
 * (SHA-256, digest type 2) is computed here from those and the domain's name.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OVH_TYPE_DS_RECORD (ovh_ds_record_get_type ())
G_DECLARE_FINAL_TYPE (OvhDsRecord, ovh_ds_record, OVH, DS_RECORD, GObject)

/* Reads one dnssec.Key answer; OVH_ERROR_INVALID_RESPONSE when a member is missing or out of
 * its range. domain is the owner name the digest is computed for. */
OvhDsRecord *ovh_ds_record_new_from_json (JsonObject *object, const char *domain, GError **error);

gint64 ovh_ds_record_get_id (OvhDsRecord *self);
guint ovh_ds_record_get_tag (OvhDsRecord *self);
guint ovh_ds_record_get_algorithm (OvhDsRecord *self);
guint ovh_ds_record_get_flags (OvhDsRecord *self);
const char *ovh_ds_record_get_public_key (OvhDsRecord *self);
const char *ovh_ds_record_get_status (OvhDsRecord *self); /* "active"…, NULL when not given */
/* Upper-case hexadecimal SHA-256 DS digest, as registries show it. */
const char *ovh_ds_record_get_digest (OvhDsRecord *self);
/* "ECDSAP256SHA256" for 13…; NULL for a number OVH's schema does not list. */
const char *ovh_ds_record_get_algorithm_name (OvhDsRecord *self);
const char *ovh_ds_record_algorithm_name (guint algorithm);

G_END_DECLS
