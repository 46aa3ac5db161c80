/* ovh-spf-policy.h: an SPF policy ("v=spf1 …", RFC 7208) as an ordered list of terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OVH_SPF_POLICY_ERROR (ovh_spf_policy_error_quark ())

typedef enum
{
  OVH_SPF_POLICY_ERROR_INVALID, /* the text is not an SPF policy, or not a valid one */
} OvhSpfPolicyErrorCode;

GQuark ovh_spf_policy_error_quark (void);

typedef enum
{
  OVH_SPF_QUALIFIER_NONE,     /* no sign written: pass */
  OVH_SPF_QUALIFIER_PASS,     /* "+" */
  OVH_SPF_QUALIFIER_FAIL,     /* "-" */
  OVH_SPF_QUALIFIER_SOFTFAIL, /* "~" */
  OVH_SPF_QUALIFIER_NEUTRAL,  /* "?" */
} OvhSpfQualifier;

typedef enum
{
  /* Mechanisms */
  OVH_SPF_KIND_ALL,
  OVH_SPF_KIND_INCLUDE,
  OVH_SPF_KIND_A,
  OVH_SPF_KIND_MX,
  OVH_SPF_KIND_PTR,
  OVH_SPF_KIND_IP4,
  OVH_SPF_KIND_IP6,
  OVH_SPF_KIND_EXISTS,
  /* Modifiers */
  OVH_SPF_KIND_REDIRECT,
  OVH_SPF_KIND_EXP,
  OVH_SPF_KIND_MODIFIER, /* any other name=value, kept as written */
} OvhSpfKind;

typedef struct
{
  OvhSpfKind kind;
  OvhSpfQualifier qualifier; /* mechanisms only */
  char *name;                /* OVH_SPF_KIND_MODIFIER: the name as written */
  char *value;               /* domain-spec, address, or modifier value; NULL when none */
  int cidr4;                 /* a, mx, ip4: prefix length, -1 when none */
  int cidr6;                 /* a, mx, ip6: prefix length, -1 when none */
  char *text;                /* as written when parsed (NULL when built): what formatting
                                writes, so that an untouched term keeps its spelling */
} OvhSpfTerm;

/* The mechanism or modifier name ("include", "redirect"); NULL for OVH_SPF_KIND_MODIFIER. */
const char *ovh_spf_kind_get_name (OvhSpfKind kind);
gboolean ovh_spf_kind_is_mechanism (OvhSpfKind kind);
/* Whether receivers spend one of their ten DNS lookups on it (include, a, mx, ptr, exists,
 * redirect). */
gboolean ovh_spf_kind_counts_as_lookup (OvhSpfKind kind);
/* "", "+", "-", "~", "?" */
const char *ovh_spf_qualifier_get_sign (OvhSpfQualifier qualifier);

/* One term, such as "-ip4:192.0.2.0/24" or "redirect=_spf.example.com". */
OvhSpfTerm *ovh_spf_term_parse (const char *text, GError **error);
OvhSpfTerm *ovh_spf_term_copy (const OvhSpfTerm *term);
void ovh_spf_term_free (OvhSpfTerm *term);
/* The term spelled canonically (lower-case names), ignoring term->text. */
char *ovh_spf_term_format (const OvhSpfTerm *term);
/* What follows the name: "example.com/24" for "a:example.com/24", "/24" for "a/24", "" for
 * "mx", the value of a modifier. ovh_spf_term_new_from_argument() reads it back. */
char *ovh_spf_term_dup_argument (const OvhSpfTerm *term);
OvhSpfTerm *ovh_spf_term_new_from_argument (OvhSpfQualifier qualifier,
                                            OvhSpfKind kind,
                                            const char *argument,
                                            GError **error);

/* Whether @text starts an SPF policy: "v=spf1" (any case) followed by a space or the end. */
gboolean ovh_spf_is_policy_text (const char *text);

#define OVH_TYPE_SPF_POLICY (ovh_spf_policy_get_type ())

typedef struct _OvhSpfPolicy OvhSpfPolicy;

GType ovh_spf_policy_get_type (void) G_GNUC_CONST;

/* "v=spf1" with no terms. */
OvhSpfPolicy *ovh_spf_policy_new (void);
/* Fails (OVH_SPF_POLICY_ERROR_INVALID, translated message) on anything that is not a valid
 * policy: the first word must be "v=spf1", every term valid, redirect= and exp= at most once.
 * ovh_spf_policy_format() gives the text back as written, except that runs of spaces become
 * one and spaces at the end are dropped. */
OvhSpfPolicy *ovh_spf_policy_parse (const char *text, GError **error);
OvhSpfPolicy *ovh_spf_policy_copy (const OvhSpfPolicy *policy);
void ovh_spf_policy_free (OvhSpfPolicy *policy);
/* The terms (OvhSpfTerm, owned by the policy) in order; callers may add, remove and replace. */
GPtrArray *ovh_spf_policy_get_terms (OvhSpfPolicy *policy);
/* The first term of @kind, or NULL. */
OvhSpfTerm *ovh_spf_policy_find (OvhSpfPolicy *policy, OvhSpfKind kind);
char *ovh_spf_policy_format (const OvhSpfPolicy *policy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhSpfTerm, ovh_spf_term_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhSpfPolicy, ovh_spf_policy_free)

G_END_DECLS
