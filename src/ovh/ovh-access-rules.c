/* ovh-access-rules.c: what a consumer key may call, and the presets Domaine offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-access-rules.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

G_DEFINE_BOXED_TYPE (OvhAccessRule, ovh_access_rule, ovh_access_rule_copy, ovh_access_rule_free)

G_DEFINE_ENUM_TYPE (OvhAccessPreset,
                    ovh_access_preset,
                    G_DEFINE_ENUM_VALUE (OVH_ACCESS_READ_ONLY, "read-only"),
                    G_DEFINE_ENUM_VALUE (OVH_ACCESS_DNS_EDITOR, "dns-editor"),
                    G_DEFINE_ENUM_VALUE (OVH_ACCESS_FULL, "full"))

OvhAccessRule *
ovh_access_rule_new (const char *method, const char *path)
{
  OvhAccessRule *rule;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  rule = g_new0 (OvhAccessRule, 1);
  rule->method = g_ascii_strup (method, -1);
  rule->path = g_strdup (path);
  return rule;
}

OvhAccessRule *
ovh_access_rule_copy (const OvhAccessRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  return ovh_access_rule_new (rule->method, rule->path);
}

void
ovh_access_rule_free (OvhAccessRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->method);
  g_free (rule->path);
  g_free (rule);
}

gboolean
ovh_access_rule_matches (const OvhAccessRule *rule, const char *method, const char *path)
{
  gsize path_length;
  gsize rule_length;

  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_ascii_strcasecmp (rule->method, method) != 0)
    return FALSE;

  path_length = strcspn (path, "?");
  rule_length = strlen (rule->path);

  if (rule_length > 0 && rule->path[rule_length - 1] == '*')
    return path_length >= rule_length - 1 && strncmp (path, rule->path, rule_length - 1) == 0;

  return path_length == rule_length && strncmp (path, rule->path, rule_length) == 0;
}

/* Least privilege, route by route (see domain.json and me.json in the API schemas); "…"
 * below stands for the trailing wildcard of a rule:
 *
 * - Every preset gets GET /me (the account's name for the account list) and GET
 *   /me/api/credential and /me/api/credential/… (the account page lists the keys and their
 *   applications). Not GET /me/…: bills, payment means, contacts and SSH keys are none of a
 *   DNS tool's business.
 * - No DELETE /me/api/credential/…: a key revokes itself with POST /auth/logout, which every
 *   valid key may call; revoking the account's *other* keys is account administration, and a
 *   leaked DNS key must not be able to lock other tools out. That needs Full access.
 * - The DNS editor writes under /domain/zone/… only. OVH rules take a wildcard only at the
 *   end, so this also covers the zone's DynHost logins, redirections, DNSSEC, import/reset
 *   and the termination *request* (its confirmation needs a token mailed to the owner);
 *   ovh_access_rules_new_for_zones() narrows it to named zones.
 * - Nothing under /domain/{name} is writable: owner contacts, name servers and transfer
 *   locks stay out of reach. Changing the name servers (POST /domain/{name}/nameServers/update,
 *   PUT /domain/{name}) takes the whole domain away from the zone a DNS editor edits, and a
 *   leaked key could send a domain's traffic anywhere: only Full access may. Read Only's GET
 *   /domain/… covers reading them and following the domain's tasks. */
static const struct
{
  OvhAccessPreset preset;
  const char *method;
  const char *path;
} preset_rules[] = {
  { OVH_ACCESS_READ_ONLY, "GET", "/me" },
  { OVH_ACCESS_READ_ONLY, "GET", "/me/api/credential" },
  { OVH_ACCESS_READ_ONLY, "GET", "/me/api/credential/*" },
  { OVH_ACCESS_READ_ONLY, "GET", "/domain" },
  { OVH_ACCESS_READ_ONLY, "GET", "/domain/*" },

  { OVH_ACCESS_DNS_EDITOR, "GET", "/me" },
  { OVH_ACCESS_DNS_EDITOR, "GET", "/me/api/credential" },
  { OVH_ACCESS_DNS_EDITOR, "GET", "/me/api/credential/*" },
  { OVH_ACCESS_DNS_EDITOR, "GET", "/domain" },
  { OVH_ACCESS_DNS_EDITOR, "GET", "/domain/*" },
  { OVH_ACCESS_DNS_EDITOR, "POST", "/domain/zone/*" },
  { OVH_ACCESS_DNS_EDITOR, "PUT", "/domain/zone/*" },
  { OVH_ACCESS_DNS_EDITOR, "DELETE", "/domain/zone/*" },

  { OVH_ACCESS_FULL, "GET", "/*" },
  { OVH_ACCESS_FULL, "POST", "/*" },
  { OVH_ACCESS_FULL, "PUT", "/*" },
  { OVH_ACCESS_FULL, "DELETE", "/*" },
};

GPtrArray *
ovh_access_preset_dup_rules (OvhAccessPreset preset)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_access_rule_free);

  for (guint i = 0; i < G_N_ELEMENTS (preset_rules); i++)
    if (preset_rules[i].preset == preset)
      g_ptr_array_add (rules, ovh_access_rule_new (preset_rules[i].method, preset_rules[i].path));

  g_warn_if_fail (rules->len > 0);
  return rules;
}

const char *
ovh_access_preset_get_name (OvhAccessPreset preset)
{
  switch (preset)
    {
    case OVH_ACCESS_READ_ONLY:
      return _ ("Read Only");
    case OVH_ACCESS_DNS_EDITOR:
      return _ ("DNS Editor");
    case OVH_ACCESS_FULL:
      return _ ("Full Access");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
ovh_access_preset_get_description (OvhAccessPreset preset)
{
  switch (preset)
    {
    case OVH_ACCESS_READ_ONLY:
      return _ ("See your domains, DNS zones and API keys, without changing anything");
    case OVH_ACCESS_DNS_EDITOR:
      return _ ("See your domains and change their DNS zones; nothing else in your account");
    case OVH_ACCESS_FULL:
      return _ ("Everything your OVHcloud account can do through the API, including orders "
                "and billing. Choose this only if you need it");
    default:
      g_return_val_if_reached (NULL);
    }
}

GPtrArray *
ovh_access_rules_new_for_zones (const char *const *zones)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_access_rule_free);

  g_ptr_array_add (rules, ovh_access_rule_new ("GET", "/me"));
  g_ptr_array_add (rules, ovh_access_rule_new ("GET", "/me/api/credential"));
  g_ptr_array_add (rules, ovh_access_rule_new ("GET", "/me/api/credential/*"));
  g_ptr_array_add (rules, ovh_access_rule_new ("GET", "/domain"));
  g_ptr_array_add (rules, ovh_access_rule_new ("GET", "/domain/zone"));

  for (guint i = 0; zones != NULL && zones[i] != NULL; i++)
    {
      static const char *const methods[] = { "GET", "POST", "PUT", "DELETE" };
      g_autofree char *zone_path = ovh_path_printf ("/domain/zone/%s", zones[i]);
      g_autofree char *zone_children = ovh_path_printf ("/domain/zone/%s/*", zones[i]);
      g_autofree char *domain_path = ovh_path_printf ("/domain/%s", zones[i]);
      g_autofree char *domain_children = ovh_path_printf ("/domain/%s/*", zones[i]);

      g_ptr_array_add (rules, ovh_access_rule_new ("GET", domain_path));
      g_ptr_array_add (rules, ovh_access_rule_new ("GET", domain_children));
      g_ptr_array_add (rules, ovh_access_rule_new ("GET", zone_path));
      for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
        g_ptr_array_add (rules, ovh_access_rule_new (methods[m], zone_children));
    }

  return rules;
}

gboolean
ovh_access_rules_allow (GPtrArray *rules, const char *method, const char *path)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  for (guint i = 0; i < rules->len; i++)
    if (ovh_access_rule_matches (g_ptr_array_index (rules, i), method, path))
      return TRUE;
  return FALSE;
}

JsonNode *
ovh_access_rules_to_json (GPtrArray *rules)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (rules != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->len; i++)
    {
      const OvhAccessRule *rule = g_ptr_array_index (rules, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, rule->method);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, rule->path);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

GPtrArray *
ovh_access_rules_from_json (JsonNode *node, GError **error)
{
  g_autoptr (GPtrArray) rules = NULL;
  JsonArray *array = ovh_json_node_get_array (node);

  if (array == NULL)
    {
      g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                           _ ("The access rules sent by OVHcloud could not be read"));
      return NULL;
    }

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_access_rule_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *rule = ovh_json_node_get_object (json_array_get_element (array, i));
      const char *method = rule != NULL ? ovh_json_lookup_string (rule, "method") : NULL;
      const char *path = rule != NULL ? ovh_json_lookup_string (rule, "path") : NULL;

      if (method == NULL || path == NULL)
        {
          g_set_error_literal (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                               _ ("The access rules sent by OVHcloud could not be read"));
          return NULL;
        }
      g_ptr_array_add (rules, ovh_access_rule_new (method, path));
    }

  return g_steal_pointer (&rules);
}
