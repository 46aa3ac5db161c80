/* ovh-spf-policy.c: an SPF policy ("v=spf1 …", RFC 7208) as an ordered list of terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SPF reader of libovh: the record editor's builder, the zone lint and the fuzzer use
 * it. Domain specs are checked as the lint always did (printable, no spaces), macros such as
 * "%{i}" included and not expanded.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ovh-spf-policy.h"

G_DEFINE_QUARK (ovh - spf - policy - error - quark, ovh_spf_policy_error)

struct _OvhSpfPolicy
{
  char *version; /* "v=spf1" as written */
  GPtrArray *terms;
};

G_DEFINE_BOXED_TYPE (OvhSpfPolicy, ovh_spf_policy, ovh_spf_policy_copy, ovh_spf_policy_free)

static const char *const kind_names[] = {
  [OVH_SPF_KIND_ALL] = "all",
  [OVH_SPF_KIND_INCLUDE] = "include",
  [OVH_SPF_KIND_A] = "a",
  [OVH_SPF_KIND_MX] = "mx",
  [OVH_SPF_KIND_PTR] = "ptr",
  [OVH_SPF_KIND_IP4] = "ip4",
  [OVH_SPF_KIND_IP6] = "ip6",
  [OVH_SPF_KIND_EXISTS] = "exists",
  [OVH_SPF_KIND_REDIRECT] = "redirect",
  [OVH_SPF_KIND_EXP] = "exp",
  [OVH_SPF_KIND_MODIFIER] = NULL,
};

const char *
ovh_spf_kind_get_name (OvhSpfKind kind)
{
  g_return_val_if_fail (kind <= OVH_SPF_KIND_MODIFIER, NULL);
  return kind_names[kind];
}

gboolean
ovh_spf_kind_is_mechanism (OvhSpfKind kind)
{
  return kind <= OVH_SPF_KIND_EXISTS;
}

gboolean
ovh_spf_kind_counts_as_lookup (OvhSpfKind kind)
{
  switch (kind)
    {
    case OVH_SPF_KIND_INCLUDE:
    case OVH_SPF_KIND_A:
    case OVH_SPF_KIND_MX:
    case OVH_SPF_KIND_PTR:
    case OVH_SPF_KIND_EXISTS:
    case OVH_SPF_KIND_REDIRECT:
      return TRUE;
    case OVH_SPF_KIND_ALL:
    case OVH_SPF_KIND_IP4:
    case OVH_SPF_KIND_IP6:
    case OVH_SPF_KIND_EXP:
    case OVH_SPF_KIND_MODIFIER:
    default:
      return FALSE;
    }
}

const char *
ovh_spf_qualifier_get_sign (OvhSpfQualifier qualifier)
{
  switch (qualifier)
    {
    case OVH_SPF_QUALIFIER_PASS:
      return "+";
    case OVH_SPF_QUALIFIER_FAIL:
      return "-";
    case OVH_SPF_QUALIFIER_SOFTFAIL:
      return "~";
    case OVH_SPF_QUALIFIER_NEUTRAL:
      return "?";
    case OVH_SPF_QUALIFIER_NONE:
    default:
      return "";
    }
}

gboolean
ovh_spf_is_policy_text (const char *text)
{
  return text != NULL && g_ascii_strncasecmp (text, "v=spf1", 6) == 0
         && (text[6] == '\0' || text[6] == ' ');
}

/* --- Checks ------------------------------------------------------------------------------ */

static gboolean
valid_domain_spec (const char *spec)
{
  if (spec == NULL || spec[0] == '\0')
    return FALSE;
  for (const char *p = spec; *p != '\0'; p++)
    if (!g_ascii_isgraph (*p))
      return FALSE;
  return TRUE;
}

/* A prefix length from 0 to @max, or -1. */
static int
parse_cidr (const char *text, gsize length, guint max)
{
  g_autofree char *digits = g_strndup (text, length);
  guint64 value;

  if (digits[0] == '\0' || !g_ascii_isdigit (digits[0])
      || !g_ascii_string_to_unsigned (digits, 10, 0, max, &value, NULL))
    return -1;
  return (int) value;
}

static gboolean
valid_address (const char *address, GSocketFamily family)
{
  g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (address);

  return inet != NULL && g_inet_address_get_family (inet) == family;
}

/* ip4:address[/cidr], ip6:address[/cidr] */
static gboolean
parse_ip (OvhSpfTerm *term, const char *args, GSocketFamily family)
{
  const char *slash;

  if (args[0] != ':')
    return FALSE;
  args++;
  slash = strchr (args, '/');
  term->value = slash != NULL ? g_strndup (args, slash - args) : g_strdup (args);
  if (!valid_address (term->value, family))
    return FALSE;
  if (slash == NULL)
    return TRUE;
  if (family == G_SOCKET_FAMILY_IPV4)
    return (term->cidr4 = parse_cidr (slash + 1, strlen (slash + 1), 32)) >= 0;
  return (term->cidr6 = parse_cidr (slash + 1, strlen (slash + 1), 128)) >= 0;
}

/* a, mx: [:domain][/cidr4][//cidr6] */
static gboolean
parse_a_mx (OvhSpfTerm *term, const char *args)
{
  const char *slash = strchr (args, '/');
  const char *end = slash != NULL ? slash : args + strlen (args);

  if (end > args)
    {
      if (args[0] != ':')
        return FALSE;
      term->value = g_strndup (args + 1, end - args - 1);
      if (!valid_domain_spec (term->value))
        return FALSE;
    }
  if (slash == NULL)
    return TRUE;
  if (slash[1] != '/')
    {
      const char *cidr6 = strstr (slash + 1, "//");
      gsize length = cidr6 != NULL ? (gsize) (cidr6 - slash - 1) : strlen (slash + 1);

      if ((term->cidr4 = parse_cidr (slash + 1, length, 32)) < 0)
        return FALSE;
      slash = cidr6;
      if (slash == NULL)
        return TRUE;
    }
  return (term->cidr6 = parse_cidr (slash + 2, strlen (slash + 2), 128)) >= 0;
}

/* --- Terms ------------------------------------------------------------------------------- */

static gboolean
is_modifier (const char *text, const char **equals)
{
  gsize name_len
      = strspn (text, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

  *equals = text + name_len;
  return name_len > 0 && text[name_len] == '=' && g_ascii_isalpha (text[0]);
}

static OvhSpfTerm *
term_new (OvhSpfKind kind)
{
  OvhSpfTerm *term = g_new0 (OvhSpfTerm, 1);

  term->kind = kind;
  term->cidr4 = -1;
  term->cidr6 = -1;
  return term;
}

static OvhSpfTerm *
term_error (OvhSpfTerm *term, GError **error, char *message)
{
  g_set_error_literal (error, OVH_SPF_POLICY_ERROR, OVH_SPF_POLICY_ERROR_INVALID, message);
  g_free (message);
  ovh_spf_term_free (term);
  return NULL;
}

static OvhSpfTerm *
parse_modifier (const char *text, const char *equals, GError **error)
{
  g_autofree char *name = g_ascii_strdown (text, equals - text);
  OvhSpfTerm *term;

  if (g_str_equal (name, "redirect"))
    term = term_new (OVH_SPF_KIND_REDIRECT);
  else if (g_str_equal (name, "exp"))
    term = term_new (OVH_SPF_KIND_EXP);
  else
    {
      term = term_new (OVH_SPF_KIND_MODIFIER);
      term->name = g_strndup (text, equals - text);
    }
  term->value = g_strdup (equals + 1);
  term->text = g_strdup (text);
  if (term->kind == OVH_SPF_KIND_REDIRECT && !valid_domain_spec (term->value))
    return term_error (term, error, g_strdup (_ ("“redirect=” needs a domain")));
  if (term->kind == OVH_SPF_KIND_EXP && !valid_domain_spec (term->value))
    return term_error (term, error, g_strdup (_ ("“exp=” needs a domain")));
  return term;
}

OvhSpfTerm *
ovh_spf_term_parse (const char *text, GError **error)
{
  static const char qualifier_signs[] = "+-~?";
  OvhSpfTerm *term;
  const char *equals;
  const char *name_start = text;
  const char *args;
  g_autofree char *name = NULL;
  OvhSpfQualifier qualifier = OVH_SPF_QUALIFIER_NONE;
  guint kind;

  g_return_val_if_fail (text != NULL, NULL);

  if (is_modifier (text, &equals))
    return parse_modifier (text, equals, error);

  if (text[0] != '\0' && strchr (qualifier_signs, text[0]) != NULL)
    {
      qualifier = OVH_SPF_QUALIFIER_PASS + (strchr (qualifier_signs, text[0]) - qualifier_signs);
      name_start++;
    }
  name = g_ascii_strdown (name_start, strcspn (name_start, ":/"));
  args = name_start + strlen (name);

  for (kind = OVH_SPF_KIND_ALL; kind <= OVH_SPF_KIND_EXISTS; kind++)
    if (g_str_equal (name, kind_names[kind]))
      break;
  term = term_new (kind);
  term->qualifier = qualifier;
  term->text = g_strdup (text);

  switch (kind)
    {
    case OVH_SPF_KIND_ALL:
      if (args[0] != '\0')
        return term_error (term, error, g_strdup_printf (_ ("“%s” takes no value"), "all"));
      return term;

    case OVH_SPF_KIND_INCLUDE:
    case OVH_SPF_KIND_EXISTS:
      if (args[0] != ':' || !valid_domain_spec (args + 1))
        return term_error (term, error,
                           g_strdup_printf (_ ("“%s” needs a domain: %s:example.com"), name, name));
      term->value = g_strdup (args + 1);
      return term;

    case OVH_SPF_KIND_A:
    case OVH_SPF_KIND_MX:
      if (!parse_a_mx (term, args))
        return term_error (term, error, g_strdup_printf (_ ("“%s” is not a valid SPF term"), text));
      return term;

    case OVH_SPF_KIND_PTR:
      if (args[0] != '\0' && (args[0] != ':' || !valid_domain_spec (args + 1)))
        return term_error (term, error, g_strdup_printf (_ ("“%s” is not a valid SPF term"), text));
      if (args[0] != '\0')
        term->value = g_strdup (args + 1);
      return term;

    case OVH_SPF_KIND_IP4:
    case OVH_SPF_KIND_IP6:
      if (!parse_ip (term, args,
                     kind == OVH_SPF_KIND_IP4 ? G_SOCKET_FAMILY_IPV4 : G_SOCKET_FAMILY_IPV6))
        return term_error (term, error,
                           g_strdup_printf (_ ("“%s” is not a valid address range"), text));
      return term;

    default:
      return term_error (term, error, g_strdup_printf (_ ("“%s” is not an SPF mechanism"), text));
    }
}

OvhSpfTerm *
ovh_spf_term_copy (const OvhSpfTerm *term)
{
  OvhSpfTerm *copy;

  g_return_val_if_fail (term != NULL, NULL);

  copy = g_memdup2 (term, sizeof *term);
  copy->name = g_strdup (term->name);
  copy->value = g_strdup (term->value);
  copy->text = g_strdup (term->text);
  return copy;
}

void
ovh_spf_term_free (OvhSpfTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->name);
  g_free (term->value);
  g_free (term->text);
  g_free (term);
}

char *
ovh_spf_term_dup_argument (const OvhSpfTerm *term)
{
  GString *argument;

  g_return_val_if_fail (term != NULL, NULL);

  if (!ovh_spf_kind_is_mechanism (term->kind))
    return g_strdup (term->value != NULL ? term->value : "");
  argument = g_string_new (term->value);
  if (term->kind == OVH_SPF_KIND_IP6)
    {
      if (term->cidr6 >= 0)
        g_string_append_printf (argument, "/%d", term->cidr6);
      return g_string_free (argument, FALSE);
    }
  if (term->cidr4 >= 0)
    g_string_append_printf (argument, "/%d", term->cidr4);
  if (term->cidr6 >= 0)
    g_string_append_printf (argument, "//%d", term->cidr6);
  return g_string_free (argument, FALSE);
}

/* "a:example.com", "a/24", "a", but "include:/x" (only a and mx take a bare prefix length). */
static const char *
colon_before (OvhSpfKind kind, const char *argument)
{
  if (argument[0] == '\0')
    return "";
  if (argument[0] == '/' && (kind == OVH_SPF_KIND_A || kind == OVH_SPF_KIND_MX))
    return "";
  return ":";
}

char *
ovh_spf_term_format (const OvhSpfTerm *term)
{
  g_autofree char *argument = NULL;

  g_return_val_if_fail (term != NULL, NULL);

  argument = ovh_spf_term_dup_argument (term);
  if (term->kind == OVH_SPF_KIND_MODIFIER)
    return g_strdup_printf ("%s=%s", term->name, argument);
  if (!ovh_spf_kind_is_mechanism (term->kind))
    return g_strdup_printf ("%s=%s", kind_names[term->kind], argument);
  return g_strdup_printf ("%s%s%s%s", ovh_spf_qualifier_get_sign (term->qualifier),
                          kind_names[term->kind], colon_before (term->kind, argument), argument);
}

OvhSpfTerm *
ovh_spf_term_new_from_argument (OvhSpfQualifier qualifier,
                                OvhSpfKind kind,
                                const char *argument,
                                GError **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ovh_spf_kind_is_mechanism (kind) || kind == OVH_SPF_KIND_REDIRECT
                            || kind == OVH_SPF_KIND_EXP,
                        NULL);

  if (argument == NULL)
    argument = "";
  if (!ovh_spf_kind_is_mechanism (kind))
    text = g_strdup_printf ("%s=%s", kind_names[kind], argument);
  else
    text = g_strdup_printf ("%s%s%s%s", ovh_spf_qualifier_get_sign (qualifier), kind_names[kind],
                            colon_before (kind, argument), argument);
  return ovh_spf_term_parse (text, error);
}

/* --- Policies ---------------------------------------------------------------------------- */

OvhSpfPolicy *
ovh_spf_policy_new (void)
{
  OvhSpfPolicy *policy = g_new0 (OvhSpfPolicy, 1);

  policy->version = g_strdup ("v=spf1");
  policy->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_spf_term_free);
  return policy;
}

OvhSpfPolicy *
ovh_spf_policy_parse (const char *text, GError **error)
{
  g_autoptr (OvhSpfPolicy) policy = NULL;
  g_auto (GStrv) words = NULL;
  gboolean has_redirect = FALSE, has_exp = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!ovh_spf_is_policy_text (text))
    {
      g_set_error_literal (error, OVH_SPF_POLICY_ERROR, OVH_SPF_POLICY_ERROR_INVALID,
                           _ ("An SPF policy must start with “v=spf1”"));
      return NULL;
    }

  policy = ovh_spf_policy_new ();
  g_free (policy->version);
  policy->version = g_strndup (text, 6);
  words = g_strsplit (text + 6, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      OvhSpfTerm *term;

      if (words[i][0] == '\0')
        continue;
      term = ovh_spf_term_parse (words[i], error);
      if (term == NULL)
        return NULL;
      g_ptr_array_add (policy->terms, term);
      if ((term->kind == OVH_SPF_KIND_REDIRECT && has_redirect)
          || (term->kind == OVH_SPF_KIND_EXP && has_exp))
        {
          g_set_error_literal (error, OVH_SPF_POLICY_ERROR, OVH_SPF_POLICY_ERROR_INVALID,
                               term->kind == OVH_SPF_KIND_EXP
                                   ? _ ("“exp=” may appear only once")
                                   : _ ("“redirect=” may appear only once"));
          return NULL;
        }
      has_redirect |= term->kind == OVH_SPF_KIND_REDIRECT;
      has_exp |= term->kind == OVH_SPF_KIND_EXP;
    }
  return g_steal_pointer (&policy);
}

OvhSpfPolicy *
ovh_spf_policy_copy (const OvhSpfPolicy *policy)
{
  OvhSpfPolicy *copy;

  g_return_val_if_fail (policy != NULL, NULL);

  copy = ovh_spf_policy_new ();
  g_free (copy->version);
  copy->version = g_strdup (policy->version);
  for (guint i = 0; i < policy->terms->len; i++)
    g_ptr_array_add (copy->terms, ovh_spf_term_copy (policy->terms->pdata[i]));
  return copy;
}

void
ovh_spf_policy_free (OvhSpfPolicy *policy)
{
  if (policy == NULL)
    return;
  g_free (policy->version);
  g_ptr_array_unref (policy->terms);
  g_free (policy);
}

GPtrArray *
ovh_spf_policy_get_terms (OvhSpfPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, NULL);
  return policy->terms;
}

OvhSpfTerm *
ovh_spf_policy_find (OvhSpfPolicy *policy, OvhSpfKind kind)
{
  g_return_val_if_fail (policy != NULL, NULL);

  for (guint i = 0; i < policy->terms->len; i++)
    {
      OvhSpfTerm *term = policy->terms->pdata[i];

      if (term->kind == kind)
        return term;
    }
  return NULL;
}

char *
ovh_spf_policy_format (const OvhSpfPolicy *policy)
{
  GString *text;

  g_return_val_if_fail (policy != NULL, NULL);

  text = g_string_new (policy->version);
  for (guint i = 0; i < policy->terms->len; i++)
    {
      const OvhSpfTerm *term = policy->terms->pdata[i];

      g_string_append_c (text, ' ');
      if (term->text != NULL)
        g_string_append (text, term->text);
      else
        {
          g_autofree char *formatted = ovh_spf_term_format (term);

          g_string_append (text, formatted);
        }
    }
  return g_string_free (text, FALSE);
}
