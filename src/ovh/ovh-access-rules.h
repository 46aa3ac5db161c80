/* ovh-access-rules.h: what a consumer key may call, and the presets Domaine offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One rule of a consumer key: a method and a path; a trailing "*" matches any rest. */
typedef struct
{
  char *method;
  char *path;
} OvhAccessRule;

#define OVH_TYPE_ACCESS_RULE (ovh_access_rule_get_type ())
GType ovh_access_rule_get_type (void) G_GNUC_CONST;
OvhAccessRule *ovh_access_rule_new (const char *method, const char *path);
OvhAccessRule *ovh_access_rule_copy (const OvhAccessRule *rule);
void ovh_access_rule_free (OvhAccessRule *rule);
/* As OVH checks a call: the method is equal and the path is equal, or starts with what
 * precedes a trailing "*". The query string of path is ignored. */
gboolean ovh_access_rule_matches (const OvhAccessRule *rule, const char *method, const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhAccessRule, ovh_access_rule_free)

typedef enum
{
  OVH_ACCESS_READ_ONLY,  /* look at domains, zones and this account's keys */
  OVH_ACCESS_DNS_EDITOR, /* the same, plus change and publish DNS zones */
  OVH_ACCESS_FULL,       /* everything the account can do */
} OvhAccessPreset;

#define OVH_TYPE_ACCESS_PRESET (ovh_access_preset_get_type ())
GType ovh_access_preset_get_type (void) G_GNUC_CONST;
/* A new array of OvhAccessRule*, owning them. */
GPtrArray *ovh_access_preset_dup_rules (OvhAccessPreset preset);
/* Translated, for the sign-in assistant. */
const char *ovh_access_preset_get_name (OvhAccessPreset preset);
const char *ovh_access_preset_get_description (OvhAccessPreset preset);

/* A DNS editor limited to the named zones (exact paths, no wildcard over /domain/zone). */
GPtrArray *ovh_access_rules_new_for_zones (const char *const *zones);

gboolean ovh_access_rules_allow (GPtrArray *rules, const char *method, const char *path);
/* [{"method":…,"path":…},…] as POST /auth/credential wants it. */
JsonNode *ovh_access_rules_to_json (GPtrArray *rules);
/* The reverse, for GET /auth/currentCredential; errors in OVH_ERROR (INVALID_RESPONSE). */
GPtrArray *ovh_access_rules_from_json (JsonNode *node, GError **error);

G_END_DECLS
