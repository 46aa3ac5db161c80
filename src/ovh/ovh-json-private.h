/* ovh-json-private.h: reading OVH's JSON with one rule everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member that is absent or null is missing: fine when optional, an error when
 * OVH_JSON_REQUIRED. A member of another type is always an error. The readers set *out to
 * the value, or to the empty value (NULL, 0, FALSE) when they return FALSE or the member is
 * missing. Errors are OVH_ERROR_INVALID_RESPONSE and name the member; callers add what was
 * being read with g_prefix_error (). Pass a NULL error to treat a wrong type as missing.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib 1.6 recurses once per nesting level and builds ~100 bytes of nodes per value:
 * deeper or bigger documents are refused before they reach it. OVH's answers nest 4 levels;
 * 100,000 expanded records hold about 800,000 values. */
#define OVH_JSON_MAX_DEPTH 64
#define OVH_JSON_MAX_VALUES 2000000

/* Whether data (length bytes) nests at most OVH_JSON_MAX_DEPTH levels and holds at most
 * OVH_JSON_MAX_VALUES values, counted outside strings without parsing. */
gboolean ovh_json_check_bounds (const char *data, gsize length, GError **error);
/* Parses one JSON document after ovh_json_check_bounds (): its root (never NULL on success),
 * or OVH_ERROR_INVALID_RESPONSE for an empty, malformed, too deep or too big document. */
JsonNode *ovh_json_parse (const char *data, gsize length, GError **error);

typedef enum
{
  OVH_JSON_OPTIONAL = 0,
  OVH_JSON_REQUIRED = 1 << 0,
  OVH_JSON_NON_EMPTY = 1 << 1, /* strings only: "" is an error (if required) or missing */
} OvhJsonFlags;

gboolean ovh_json_read_string (
    JsonObject *object, const char *member, OvhJsonFlags flags, const char **out, GError **error);
/* A whole number from 0 to max. */
gboolean ovh_json_read_uint (JsonObject *object,
                             const char *member,
                             OvhJsonFlags flags,
                             guint64 max,
                             guint64 *out,
                             GError **error);
gboolean ovh_json_read_int64 (
    JsonObject *object, const char *member, OvhJsonFlags flags, gint64 *out, GError **error);
gboolean ovh_json_read_boolean (
    JsonObject *object, const char *member, OvhJsonFlags flags, gboolean *out, GError **error);
gboolean ovh_json_read_array (
    JsonObject *object, const char *member, OvhJsonFlags flags, JsonArray **out, GError **error);
gboolean ovh_json_read_object (
    JsonObject *object, const char *member, OvhJsonFlags flags, JsonObject **out, GError **error);
/* An ISO 8601 date and time (UTC when it names no zone) or a bare date "2025-03-01" (UTC
 * midnight); *out is a new reference. */
gboolean ovh_json_read_date (
    JsonObject *object, const char *member, OvhJsonFlags flags, GDateTime **out, GError **error);

/* Lenient look-ups, for answers read on a best-effort basis: NULL when the member is
 * missing or not a string. */
const char *ovh_json_lookup_string (JsonObject *object, const char *member);

/* A node's content when it has that type, else NULL (node may be NULL). */
JsonObject *ovh_json_node_get_object (JsonNode *node);
JsonArray *ovh_json_node_get_array (JsonNode *node);
const char *ovh_json_node_get_string (JsonNode *node);
/* Whether node holds a whole number, stored in *out. */
gboolean ovh_json_node_get_int64 (JsonNode *node, gint64 *out);

G_END_DECLS
