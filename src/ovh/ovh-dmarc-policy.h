/* ovh-dmarc-policy.h: a DMARC policy ("v=DMARC1; p=…", RFC 7489) as an ordered list of tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OVH_DMARC_POLICY_ERROR (ovh_dmarc_policy_error_quark ())

typedef enum
{
  OVH_DMARC_POLICY_ERROR_INVALID, /* the text is not a DMARC policy, or not a valid one */
} OvhDmarcPolicyErrorCode;

GQuark ovh_dmarc_policy_error_quark (void);

#define OVH_TYPE_DMARC_POLICY (ovh_dmarc_policy_get_type ())

typedef struct _OvhDmarcPolicy OvhDmarcPolicy;

GType ovh_dmarc_policy_get_type (void) G_GNUC_CONST;

/* "v=DMARC1; p=none" */
OvhDmarcPolicy *ovh_dmarc_policy_new (void);
/* Fails (OVH_DMARC_POLICY_ERROR_INVALID, translated message) unless "v=DMARC1" comes first,
 * "p=" is there, every tag is name=value and appears once, and the tags Domaine knows (p, sp,
 * pct, rua, ruf, adkim, aspf, ri) hold valid values; other tags are kept as they are.
 * ovh_dmarc_policy_format() gives the text back exactly, spaces and a final “;” included. */
OvhDmarcPolicy *ovh_dmarc_policy_parse (const char *text, GError **error);
OvhDmarcPolicy *ovh_dmarc_policy_copy (const OvhDmarcPolicy *policy);
void ovh_dmarc_policy_free (OvhDmarcPolicy *policy);
char *ovh_dmarc_policy_format (const OvhDmarcPolicy *policy);

guint ovh_dmarc_policy_get_n_tags (const OvhDmarcPolicy *policy);
const char *ovh_dmarc_policy_get_tag_name (const OvhDmarcPolicy *policy, guint index);
const char *ovh_dmarc_policy_get_tag_value (const OvhDmarcPolicy *policy, guint index);
/* The value of tag @name, or NULL when the policy does not have it. */
const char *ovh_dmarc_policy_get (const OvhDmarcPolicy *policy, const char *name);
/* Replaces the value of @name where it stands, appends the tag when missing (spaced like the
 * others), removes it when @value is NULL. "v" cannot be changed. */
void ovh_dmarc_policy_set (OvhDmarcPolicy *policy, const char *name, const char *value);

/* Whether @text starts a DMARC policy: "v=DMARC1" followed by “;”, a blank or the end. */
gboolean ovh_dmarc_is_policy_text (const char *text);

/* rua/ruf values as people write addresses: "mailto:a@example.com,mailto:b@example.com"
 * ⇄ "a@example.com, b@example.com" (other URIs kept whole). */
char *ovh_dmarc_uris_to_addresses (const char *uris);
char *ovh_dmarc_addresses_to_uris (const char *addresses);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhDmarcPolicy, ovh_dmarc_policy_free)

G_END_DECLS
