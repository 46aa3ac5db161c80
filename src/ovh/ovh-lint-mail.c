/* ovh-lint-mail.c: checks of SPF, DMARC, DKIM, CAA and long TXT records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-dmarc-policy.h"
#include "ovh-lint-private.h"
#include "ovh-spf-policy.h"

#define SPF_MAX_DEPTH 10
#define TXT_STRING_MAX 255

/* --- SPF ---------------------------------------------------------------------------------- */

typedef struct
{
  guint lookups;
  gboolean has_all;
  gboolean has_redirect;
  GPtrArray *follow; /* include: and redirect= domains */
  char *error;       /* translated, the first syntax error */
} SpfPolicy;

static void
spf_policy_clear (SpfPolicy *policy)
{
  g_clear_pointer (&policy->follow, g_ptr_array_unref);
  g_clear_pointer (&policy->error, g_free);
}

/* Lookups, names to follow and the end of a policy, read by ovh_spf_policy_parse(). */
static void
spf_parse (const char *text, SpfPolicy *policy)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhSpfPolicy) parsed = ovh_spf_policy_parse (text, &error);
  GPtrArray *terms;

  policy->follow = g_ptr_array_new_with_free_func (g_free);
  if (parsed == NULL)
    {
      policy->error = g_strdup (error->message);
      return;
    }
  terms = ovh_spf_policy_get_terms (parsed);
  for (guint i = 0; i < terms->len; i++)
    {
      OvhSpfTerm *term = terms->pdata[i];

      if (ovh_spf_kind_counts_as_lookup (term->kind))
        policy->lookups++;
      if (term->kind == OVH_SPF_KIND_INCLUDE || term->kind == OVH_SPF_KIND_REDIRECT)
        g_ptr_array_add (policy->follow, g_strdup (term->value));
      policy->has_all |= term->kind == OVH_SPF_KIND_ALL;
      policy->has_redirect |= term->kind == OVH_SPF_KIND_REDIRECT;
    }
}

/* The SPF policy text published at an absolute name, from the zone or from DNS. */
static char *
spf_text_at (OvhLintContext *ctx, const char *domain, gboolean *unknown)
{
  g_autofree char *absolute
      = g_str_has_suffix (domain, ".") ? g_strdup (domain) : g_strconcat (domain, ".", NULL);
  g_autofree char *owner = NULL;
  g_auto (GStrv) txt = NULL;
  gboolean inside;
  char *found = NULL;

  owner = _ovh_lint_host (ctx, absolute, &inside);
  if (owner == NULL)
    return NULL;
  if (inside)
    {
      GPtrArray *list = g_hash_table_lookup (ctx->by_name, owner);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          g_autofree char *text
              = _ovh_lint_record_text (ctx->records->pdata[GPOINTER_TO_UINT (list->pdata[i])]);
          if (ovh_spf_is_policy_text (text) && found == NULL)
            found = g_steal_pointer (&text);
        }
      return found;
    }

  if (ctx->resolver == NULL || ctx->resolver->lookup_txt == NULL
      || ctx->resolver->lookup_txt (ctx->resolver->user_data, owner, &txt) != OVH_LINT_LOOKUP_OK)
    {
      *unknown = TRUE;
      return NULL;
    }
  for (guint i = 0; txt != NULL && txt[i] != NULL; i++)
    if (ovh_spf_is_policy_text (txt[i]) && found == NULL)
      found = g_strdup (txt[i]);
  return found;
}

/* Lookups of a policy and everything it includes (RFC 7208 §4.6.4). */
static guint
spf_count (
    OvhLintContext *ctx, SpfPolicy *policy, GHashTable *visiting, guint depth, gboolean *unknown)
{
  guint total = policy->lookups;

  if (depth >= SPF_MAX_DEPTH)
    return total;
  for (guint i = 0; i < policy->follow->len; i++)
    {
      const char *domain = policy->follow->pdata[i];
      g_autofree char *key = g_ascii_strdown (domain, -1);
      g_autofree char *text = NULL;
      SpfPolicy inner = { 0 };

      /* Macros expand per message: such a domain cannot be followed here. */
      if (strchr (domain, '%') != NULL || g_hash_table_contains (visiting, key))
        continue;
      text = spf_text_at (ctx, domain, unknown);
      if (text == NULL)
        continue;
      spf_parse (text, &inner);
      g_hash_table_add (visiting, g_strdup (key));
      total += spf_count (ctx, &inner, visiting, depth + 1, unknown);
      g_hash_table_remove (visiting, key);
      spf_policy_clear (&inner);
    }
  return total;
}

static void
check_spf_record (OvhLintContext *ctx, guint index, const char *text)
{
  SpfPolicy policy = { 0 };

  spf_parse (text, &policy);
  if (policy.error != NULL)
    _ovh_lint_add (ctx, "spf-syntax", OVH_LINT_SEVERITY_ERROR, index,
                   g_steal_pointer (&policy.error),
                   _ ("Receivers that cannot parse an SPF policy treat it as a permanent "
                      "error, and mail from this domain may be rejected. Write the policy as "
                      "“v=spf1”, then mechanisms such as “include:_spf.example.com” or "
                      "“ip4:192.0.2.0/24”, then “-all” or “~all”."));
  else
    {
      g_autoptr (GHashTable) visiting
          = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gboolean unknown = FALSE;
      guint lookups = spf_count (ctx, &policy, visiting, 0, &unknown);

      if (lookups > OVH_LINT_SPF_MAX_LOOKUPS)
        _ovh_lint_add (
            ctx, "spf-too-many-lookups", OVH_LINT_SEVERITY_ERROR, index,
            g_strdup_printf (
                g_dngettext (
                    GETTEXT_PACKAGE, "This SPF policy needs %u DNS lookup; at most %u are allowed",
                    "This SPF policy needs %u DNS lookups; at most %u are allowed", lookups),
                lookups, OVH_LINT_SPF_MAX_LOOKUPS),
            _ ("Receivers stop after ten lookups (include, a, mx, ptr, exists, redirect, "
               "counted through every include) and treat the policy as a permanent error: "
               "mail may be rejected. Replace includes by the ip4: and ip6: ranges they stand "
               "for, or drop services that no longer send mail."));
      if (!policy.has_all && !policy.has_redirect)
        _ovh_lint_add (ctx, "spf-no-all", OVH_LINT_SEVERITY_WARNING, index,
                       g_strdup (_ ("This SPF policy does not end with “all”")),
                       _ ("Without a final “all”, mail from any other server is neither "
                          "allowed nor refused, and the policy protects nothing. End it with "
                          "“-all” (refuse others) or “~all” (mark them as suspect)."));
    }
  spf_policy_clear (&policy);
}

void
_ovh_lint_check_spf (OvhLintContext *ctx)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *is_policy = g_new0 (gboolean, ctx->records->len + 1);

  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      g_autofree char *text = _ovh_lint_record_text (record);

      if (text == NULL || !(_ovh_lint_is_type (record, "SPF") || ovh_spf_is_policy_text (text)))
        continue;
      is_policy[i] = TRUE;
      g_hash_table_insert (
          counts, ctx->owners[i],
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, ctx->owners[i])) + 1));
      check_spf_record (ctx, i, text);
    }

  for (guint i = 0; i < ctx->records->len; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, ctx->owners[i]));

      if (is_policy[i] && n > 1)
        _ovh_lint_add (
            ctx, "spf-multiple", OVH_LINT_SEVERITY_ERROR, i,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This name has %u SPF policy",
                                          "This name has %u SPF policies", n),
                             n),
            _ ("A name may publish only one SPF policy (TXT or SPF records starting with "
               "“v=spf1” count alike); with two, receivers treat SPF as a permanent error and "
               "may reject the mail. Merge them into one record and delete the others."));
    }
}

/* --- DMARC -------------------------------------------------------------------------------- */

static gboolean
is_dmarc_label (const char *owner)
{
  return g_str_equal (owner, "_dmarc") || g_str_has_prefix (owner, "_dmarc.");
}

/* NULL when valid, otherwise why (translated). */
static char *
dmarc_error (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDmarcPolicy) policy = ovh_dmarc_policy_parse (text, &error);

  return policy == NULL ? g_strdup (error->message) : NULL;
}

/* --- DKIM --------------------------------------------------------------------------------- */

static gboolean
valid_base64 (const char *text)
{
  gsize n = 0, padding = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (*p) || *p == '+' || *p == '/'))
        return FALSE;
      n++;
    }
  return n > 0 && padding <= 2 && n % 4 == 0;
}

static gboolean
is_dkim_label (const char *owner)
{
  const char *label = strstr (owner, "._domainkey");

  return label != NULL && label != owner && (label[11] == '\0' || label[11] == '.');
}

/* NULL when valid; *revoked when the key is empty. */
static char *
dkim_error (const char *text, gboolean *revoked)
{
  static const char *const key_types[] = { "rsa", "ed25519", NULL };
  g_auto (GStrv) tags = g_strsplit (text, ";", -1);
  gboolean has_p = FALSE;
  guint n = 0;

  *revoked = FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (tags[i]);
      char *equals = strchr (tag, '=');
      char *name, *value;

      if (tag[0] == '\0')
        continue;
      if (equals == NULL)
        return g_strdup_printf (_ ("“%s” is not a tag=value pair"), tag);
      *equals = '\0';
      name = g_strstrip (tag);
      value = g_strstrip (equals + 1);
      n++;

      if (g_str_equal (name, "v"))
        {
          if (n != 1 || !g_str_equal (value, "DKIM1"))
            return g_strdup (_ ("“v=DKIM1” must come first, or be left out"));
        }
      else if (g_str_equal (name, "k"))
        {
          if (!g_strv_contains (key_types, value))
            return g_strdup_printf (_ ("“k=%s”: the key type is rsa or ed25519"), value);
        }
      else if (g_str_equal (name, "p"))
        {
          has_p = TRUE;
          if (value[0] == '\0')
            *revoked = TRUE;
          else if (!valid_base64 (value))
            return g_strdup (_ ("The public key “p=” is not valid base64"));
        }
    }
  if (!has_p)
    return g_strdup (_ ("The public key “p=” is missing"));
  return NULL;
}

void
_ovh_lint_check_dmarc_dkim (OvhLintContext *ctx)
{
  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      g_autofree char *text = _ovh_lint_record_text (record);
      gboolean dmarc, dkim;

      if (text == NULL)
        continue;
      dmarc = _ovh_lint_is_type (record, "DMARC") || g_str_has_prefix (text, "v=DMARC1");
      dkim = _ovh_lint_is_type (record, "DKIM")
             || (is_dkim_label (ctx->owners[i])
                 && (g_str_has_prefix (text, "v=DKIM1") || strstr (text, "p=") != NULL));

      if (dmarc)
        {
          g_autofree char *error = dmarc_error (text);

          if (!is_dmarc_label (ctx->owners[i]))
            {
              g_autofree char *wanted = ctx->owners[i][0] == '\0'
                                            ? g_strdup ("_dmarc")
                                            : g_strconcat ("_dmarc.", ctx->owners[i], NULL);
              OvhLintFinding *finding = _ovh_lint_add (
                  ctx, "dmarc-outside-dmarc-label", OVH_LINT_SEVERITY_ERROR, i,
                  g_strdup_printf (_ ("A DMARC policy is read only at “%s”"), wanted),
                  _ ("Receivers look for a domain’s DMARC policy at the name “_dmarc” under "
                     "it, and nowhere else: here it is ignored. Move the record there."));

              if (!g_hash_table_contains (ctx->by_name, wanted))
                {
                  g_autoptr (OvhRecord) fix = ovh_record_dup (record);
                  g_autofree char *label = g_strdup_printf (_ ("Move it to “%s”"), wanted);

                  ovh_record_set_sub_domain (fix, wanted);
                  _ovh_lint_set_fix (finding, OVH_LINT_FIX_UPDATE, fix, label);
                }
            }
          if (error != NULL)
            _ovh_lint_add (ctx, "dmarc-syntax", OVH_LINT_SEVERITY_ERROR, i,
                           g_steal_pointer (&error),
                           _ ("Receivers ignore a DMARC record they cannot parse, as if the "
                              "domain had none. Write it as “v=DMARC1; p=none; "
                              "rua=mailto:dmarc@example.com”, tags separated by “;”."));
        }
      else if (dkim)
        {
          gboolean revoked;
          g_autofree char *error = dkim_error (text, &revoked);

          if (error != NULL)
            _ovh_lint_add (ctx, "dkim-syntax", OVH_LINT_SEVERITY_ERROR, i, g_steal_pointer (&error),
                           _ ("Receivers cannot check signatures against a key they cannot "
                              "read, so signed mail fails DKIM. Copy the record again from "
                              "the mail provider: “v=DKIM1; k=rsa; p=” and the key."));
          else if (revoked)
            _ovh_lint_add (ctx, "dkim-syntax", OVH_LINT_SEVERITY_INFO, i,
                           g_strdup (_ ("This DKIM key is revoked (empty “p=”)")),
                           _ ("Mail signed with this selector fails DKIM. That is right for "
                              "a retired key; delete the record once nothing signs with it."));
        }
    }
}

/* --- CAA ---------------------------------------------------------------------------------- */

static gboolean
valid_issuer (const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ";", -1);
  const char *domain;

  /* An empty value, like ";", allows no authority (RFC 8659). */
  if (parts[0] == NULL)
    return TRUE;
  domain = g_strstrip (parts[0]);
  for (const char *p = domain; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '.'))
      return FALSE;
  for (guint i = 1; parts[i] != NULL; i++)
    {
      const char *param = g_strstrip (parts[i]);
      const char *equals = strchr (param, '=');

      if (param[0] == '\0' && parts[i + 1] == NULL)
        continue;
      if (equals == NULL || equals == param)
        return FALSE;
    }
  return TRUE;
}

void
_ovh_lint_check_caa (OvhLintContext *ctx)
{
  static const char *const other_tags[]
      = { "contactemail", "contactphone", "issuemail", "issuevmc", NULL };

  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      const OvhRecordType *type = ovh_record_get_record_type (record);
      g_autoptr (GError) split_error = NULL;
      g_auto (GStrv) fields = NULL;
      g_autofree char *error = NULL;
      g_autofree char *tag = NULL;
      guint64 flags;

      if (!_ovh_lint_is_type (record, "CAA") || type == NULL)
        continue;
      fields = ovh_record_type_split_target (type, ovh_record_get_target (record), &split_error);
      if (fields == NULL)
        error = g_strdup (split_error->message);
      else if (!g_ascii_string_to_unsigned (fields[0], 10, 0, 255, &flags, NULL))
        error = g_strdup_printf (_ ("“%s”: the flags are a number from 0 to 255"), fields[0]);
      else if ((tag = g_ascii_strdown (fields[1], -1)),
               g_str_equal (tag, "issue") || g_str_equal (tag, "issuewild"))
        {
          if (!valid_issuer (fields[2]))
            error = g_strdup_printf (
                _ ("“%s”: the value is a certificate authority’s domain, such as "
                   "letsencrypt.org, or “;” to allow none"),
                fields[2]);
        }
      else if (g_str_equal (tag, "iodef"))
        {
          if (!(g_str_has_prefix (fields[2], "mailto:") || g_str_has_prefix (fields[2], "https://")
                || g_str_has_prefix (fields[2], "http://")))
            error = g_strdup_printf (_ ("“%s”: reports go to a mailto: or https: address"),
                                     fields[2]);
        }
      else if (!g_strv_contains (other_tags, tag))
        error = g_strdup_printf (_ ("“%s” is not a CAA tag"), fields[1]);

      if (error != NULL)
        _ovh_lint_add (ctx, "caa-syntax", OVH_LINT_SEVERITY_ERROR, i, g_steal_pointer (&error),
                       _ ("Certificate authorities must refuse to issue for a name whose CAA "
                          "records they cannot read, so certificates stop renewing. Write "
                          "“0 issue \"letsencrypt.org\"”, one authority per record."));
    }
}

/* --- Long TXT ----------------------------------------------------------------------------- */

void
_ovh_lint_check_txt_length (OvhLintContext *ctx)
{
  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      g_autofree char *text = _ovh_lint_record_text (record);
      gsize length = text != NULL ? strlen (text) : 0;
      gboolean plain;

      if (length <= TXT_STRING_MAX)
        continue;
      /* SPF and DKIM readers join the strings of a record; other readers may not. */
      plain = _ovh_lint_is_type (record, "TXT") && !ovh_spf_is_policy_text (text)
              && !g_str_has_prefix (text, "v=DKIM1") && !g_str_has_prefix (text, "v=DMARC1");
      _ovh_lint_add (
          ctx, "txt-string-too-long", plain ? OVH_LINT_SEVERITY_WARNING : OVH_LINT_SEVERITY_INFO, i,
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "This text is %zu byte long, more than one DNS string "
                                        "holds (255)",
                                        "This text is %zu bytes long, more than one DNS string "
                                        "holds (255)",
                                        length),
                           length),
          plain ? _ ("It is published as several strings of at most 255 bytes. SPF and DKIM "
                     "readers join them, but other readers may see only the first part. Keep "
                     "it under 255 bytes if whoever reads it does not join strings.")
                : _ ("It is published as several strings of at most 255 bytes, which SPF, "
                     "DKIM and DMARC readers join again: nothing to do."));
    }
}
