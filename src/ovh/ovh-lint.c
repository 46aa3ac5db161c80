/* ovh-lint.c: findings, the zone's names, and the checks on names and targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-lint-private.h"
#include "ovh-record-type-private.h"

struct _OvhLintFinding
{
  GObject parent_instance;

  char *code;
  OvhLintSeverity severity;
  OvhRecord *record;
  char *message;
  char *explanation;
  OvhLintFixKind fix_kind;
  OvhRecord *fix;
  char *fix_label;
  guint index; /* the record's place in the zone, for sorting */
  guint sequence;
};

G_DEFINE_FINAL_TYPE (OvhLintFinding, ovh_lint_finding, G_TYPE_OBJECT)

static void
ovh_lint_finding_finalize (GObject *object)
{
  OvhLintFinding *self = OVH_LINT_FINDING (object);

  g_free (self->code);
  g_clear_object (&self->record);
  g_free (self->message);
  g_free (self->explanation);
  g_clear_object (&self->fix);
  g_free (self->fix_label);
  G_OBJECT_CLASS (ovh_lint_finding_parent_class)->finalize (object);
}

static void
ovh_lint_finding_class_init (OvhLintFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_lint_finding_finalize;
}

static void
ovh_lint_finding_init (OvhLintFinding *self)
{
}

const char *
ovh_lint_finding_get_code (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), NULL);
  return self->code;
}

OvhLintSeverity
ovh_lint_finding_get_severity (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), OVH_LINT_SEVERITY_INFO);
  return self->severity;
}

OvhRecord *
ovh_lint_finding_get_record (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), NULL);
  return self->record;
}

guint
ovh_lint_finding_get_index (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), G_MAXUINT);
  return self->record != NULL ? self->index : G_MAXUINT;
}

const char *
ovh_lint_finding_get_message (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), NULL);
  return self->message;
}

const char *
ovh_lint_finding_get_explanation (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), NULL);
  return self->explanation;
}

OvhLintFixKind
ovh_lint_finding_get_fix_kind (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), OVH_LINT_FIX_NONE);
  return self->fix_kind;
}

OvhRecord *
ovh_lint_finding_get_fix (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), NULL);
  return self->fix;
}

const char *
ovh_lint_finding_get_fix_label (OvhLintFinding *self)
{
  g_return_val_if_fail (OVH_IS_LINT_FINDING (self), NULL);
  return self->fix_label;
}

const char *
ovh_lint_severity_to_string (OvhLintSeverity severity)
{
  switch (severity)
    {
    case OVH_LINT_SEVERITY_ERROR:
      return "error";
    case OVH_LINT_SEVERITY_WARNING:
      return "warning";
    case OVH_LINT_SEVERITY_INFO:
    default:
      return "info";
    }
}

const char *
ovh_lint_severity_get_label (OvhLintSeverity severity)
{
  switch (severity)
    {
    case OVH_LINT_SEVERITY_ERROR:
      return _ ("Error");
    case OVH_LINT_SEVERITY_WARNING:
      return _ ("Warning");
    case OVH_LINT_SEVERITY_INFO:
    default:
      return _ ("Note");
    }
}

static const char *const lint_codes[] = {
  "cname-coexistence",    "cname-at-apex",
  "spf-multiple",         "spf-syntax",
  "spf-too-many-lookups", "spf-no-all",
  "dmarc-syntax",         "dmarc-outside-dmarc-label",
  "dkim-syntax",          "target-is-cname",
  "dangling-target",      "wildcard-shadowed",
  "caa-syntax",           "mx-null-with-others",
  "ttl-extreme",          "duplicate-record",
  "txt-string-too-long",  NULL,
};

const char *const *
ovh_lint_get_codes (void)
{
  return lint_codes;
}

/* --- Context ---------------------------------------------------------------------------- */

OvhLintFinding *
_ovh_lint_add (OvhLintContext *ctx,
               const char *code,
               OvhLintSeverity severity,
               guint index,
               char *message,
               const char *explanation)
{
  OvhLintFinding *finding = g_object_new (OVH_TYPE_LINT_FINDING, NULL);

  finding->code = g_strdup (code);
  finding->severity = severity;
  finding->record = index < ctx->records->len ? g_object_ref (ctx->records->pdata[index]) : NULL;
  finding->message = message;
  finding->explanation = g_strdup (explanation);
  finding->index = index;
  finding->sequence = ctx->findings->len;
  g_ptr_array_add (ctx->findings, finding);
  return finding;
}

void
_ovh_lint_set_fix (OvhLintFinding *finding, OvhLintFixKind kind, OvhRecord *fix, const char *label)
{
  finding->fix_kind = kind;
  g_set_object (&finding->fix, fix);
  g_free (finding->fix_label);
  finding->fix_label = g_strdup (label);
}

gboolean
_ovh_lint_is_type (OvhRecord *record, const char *type)
{
  /* OvhRecord spells every type it knows as OVH does ("mx" → "MX"): no case to fold. */
  return strcmp (ovh_record_get_field_type (record), type) == 0;
}

char *
_ovh_lint_record_text (OvhRecord *record)
{
  const OvhRecordType *type = ovh_record_get_record_type (record);

  if (type == NULL || g_strcmp0 (type->zone_type, "TXT") != 0)
    return NULL;
  return _ovh_record_unquote_txt (ovh_record_get_target (record));
}

char *
_ovh_lint_host (OvhLintContext *ctx, const char *host, gboolean *inside)
{
  g_autofree char *lower = g_ascii_strdown (host, -1);
  gsize len = strlen (lower);
  gsize zone_len = strlen (ctx->zone);

  *inside = FALSE;
  if (len == 0 || strcmp (lower, ".") == 0)
    return NULL;
  if (strcmp (lower, "@") == 0)
    {
      *inside = TRUE;
      return g_strdup ("");
    }
  if (lower[len - 1] != '.')
    {
      /* Relative names are relative to the zone, as in a zone file and at OVH. */
      *inside = TRUE;
      return g_steal_pointer (&lower);
    }
  lower[--len] = '\0';
  if (strcmp (lower, ctx->zone) == 0)
    {
      *inside = TRUE;
      return g_strdup ("");
    }
  if (len > zone_len + 1 && lower[len - zone_len - 1] == '.'
      && strcmp (lower + len - zone_len, ctx->zone) == 0)
    {
      *inside = TRUE;
      return g_strndup (lower, len - zone_len - 1);
    }
  return g_steal_pointer (&lower);
}

static const char *
parent_name (const char *owner)
{
  const char *dot = strchr (owner, '.');

  return dot != NULL ? dot + 1 : "";
}

GPtrArray *
_ovh_lint_answer (OvhLintContext *ctx, const char *owner)
{
  GPtrArray *here = g_hash_table_lookup (ctx->by_name, owner);
  const char *encloser;

  if (here != NULL)
    return here;
  if (g_hash_table_contains (ctx->existing, owner) || owner[0] == '\0')
    return NULL;

  /* RFC 4592: the wildcard child of the closest existing ancestor answers. */
  encloser = parent_name (owner);
  while (encloser[0] != '\0' && !g_hash_table_contains (ctx->existing, encloser))
    encloser = parent_name (encloser);
  {
    g_autofree char *wildcard
        = encloser[0] == '\0' ? g_strdup ("*") : g_strconcat ("*.", encloser, NULL);
    return g_hash_table_lookup (ctx->by_name, wildcard);
  }
}

static void
context_init (OvhLintContext *ctx,
              const char *zone,
              GPtrArray *records,
              const OvhLintResolver *resolver)
{
  ctx->zone = g_ascii_strdown (zone, -1);
  if (g_str_has_suffix (ctx->zone, "."))
    ctx->zone[strlen (ctx->zone) - 1] = '\0';
  ctx->records = records;
  ctx->resolver = resolver;
  ctx->owners = g_new0 (char *, records->len + 1);
  ctx->by_name
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  ctx->existing = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->dns_exists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *list;
      const char *name;

      ctx->owners[i] = g_ascii_strdown (ovh_record_get_sub_domain (records->pdata[i]), -1);
      list = g_hash_table_lookup (ctx->by_name, ctx->owners[i]);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (ctx->by_name, ctx->owners[i], list);
        }
      g_ptr_array_add (list, GUINT_TO_POINTER (i));

      /* The owner and every empty name between it and the apex exist. */
      for (name = ctx->owners[i]; name[0] != '\0'; name = parent_name (name))
        if (!g_hash_table_add (ctx->existing, (gpointer) name))
          break;
    }
}

static void
context_clear (OvhLintContext *ctx)
{
  g_hash_table_unref (ctx->by_name);
  g_hash_table_unref (ctx->existing);
  g_hash_table_unref (ctx->dns_exists);
  g_strfreev (ctx->owners);
  g_free (ctx->zone);
}

static OvhRecord *
record_at (OvhLintContext *ctx, gpointer index)
{
  return ctx->records->pdata[GPOINTER_TO_UINT (index)];
}

/* --- CNAME ------------------------------------------------------------------------------ */

static void
check_cnames (OvhLintContext *ctx)
{
  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      GPtrArray *same;

      if (!_ovh_lint_is_type (record, "CNAME"))
        continue;
      if (ctx->owners[i][0] == '\0')
        _ovh_lint_add (ctx, "cname-at-apex", OVH_LINT_SEVERITY_ERROR, i,
                       g_strdup (_ ("A CNAME cannot be at the zone’s apex")),
                       _ ("The apex always holds the zone’s SOA and NS records, and a CNAME "
                          "may not share its name: resolvers ignore it or the whole domain "
                          "breaks. Use A and AAAA records here, or point “www” at the other "
                          "name instead."));
      same = g_hash_table_lookup (ctx->by_name, ctx->owners[i]);
      if (same->len > 1)
        _ovh_lint_add (
            ctx, "cname-coexistence", OVH_LINT_SEVERITY_ERROR, i,
            g_strdup_printf (
                g_dngettext (GETTEXT_PACKAGE, "This alias shares its name with %u other record",
                             "This alias shares its name with %u other records", same->len - 1),
                same->len - 1),
            _ ("A name with a CNAME may hold nothing else: resolvers answer with the alias and "
               "never see the other records (or refuse the zone). Delete the other records of "
               "this name, or replace the CNAME by the addresses it points to."));
    }
}

/* --- Duplicates and TTLs ------------------------------------------------------------------ */

static void
check_duplicates (OvhLintContext *ctx)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      const OvhRecordType *type = ovh_record_get_record_type (record);
      g_autofree char *type_name = g_ascii_strup (ovh_record_get_field_type (record), -1);
      g_autofree char *target = g_strstrip (g_strdup (ovh_record_get_target (record)));
      g_autofree char *key = NULL;
      OvhLintFinding *finding;

      /* Text is case-sensitive; names, numbers and addresses are not. */
      if (type == NULL || g_strcmp0 (type->zone_type, "TXT") != 0)
        {
          char *lower = g_ascii_strdown (target, -1);
          g_free (target);
          target = lower;
        }
      key = g_strconcat (ctx->owners[i], "\n", type_name, "\n", target, NULL);
      if (g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;

      finding = _ovh_lint_add (ctx, "duplicate-record", OVH_LINT_SEVERITY_WARNING, i,
                               g_strdup (_ ("This record is there twice")),
                               _ ("A second record with the same name, type and value serves "
                                  "nothing: DNS answers hold each record once, and OVH may "
                                  "refuse or merge it. Delete the copy."));
      _ovh_lint_set_fix (finding, OVH_LINT_FIX_DELETE, NULL, _ ("Delete the copy"));
    }
}

static void
check_ttls (OvhLintContext *ctx)
{
  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      guint ttl = ovh_record_get_ttl (record);
      g_autoptr (OvhRecord) fix = NULL;
      g_autofree char *label = NULL;
      OvhLintFinding *finding;
      guint fixed;

      if (ttl == OVH_RECORD_TTL_ZONE_DEFAULT
          || (ttl >= OVH_LINT_TTL_MIN && ttl <= OVH_LINT_TTL_MAX))
        continue;
      fixed = ttl < OVH_LINT_TTL_MIN ? OVH_LINT_TTL_MIN : OVH_LINT_TTL_MAX;
      if (ttl < OVH_LINT_TTL_MIN)
        finding = _ovh_lint_add (
            ctx, "ttl-extreme", OVH_LINT_SEVERITY_WARNING, i,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "A TTL of %u second is very short",
                                          "A TTL of %u seconds is very short", ttl),
                             ttl),
            _ ("Many resolvers raise TTLs under a minute anyway, and every visitor then asks "
               "the name servers again: slower answers, more load. Use at least 60 seconds."));
      else
        finding = _ovh_lint_add (
            ctx, "ttl-extreme", OVH_LINT_SEVERITY_WARNING, i,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "A TTL of %u second is longer than a week",
                                          "A TTL of %u seconds is longer than a week", ttl),
                             ttl),
            _ ("Resolvers keep the record for that long: a change takes more than a week to "
               "reach everyone, and many resolvers cap TTLs at a week anyway. Use a week or "
               "less."));
      fix = ovh_record_dup (record);
      ovh_record_set_ttl (fix, fixed);
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Set the TTL to %u second",
                                            "Set the TTL to %u seconds", fixed),
                               fixed);
      _ovh_lint_set_fix (finding, OVH_LINT_FIX_UPDATE, fix, label);
    }
}

/* --- Targets ------------------------------------------------------------------------------ */

static gboolean
has_type (OvhLintContext *ctx, GPtrArray *list, const char *type)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (_ovh_lint_is_type (record_at (ctx, list->pdata[i]), type))
      return TRUE;
  return FALSE;
}

static OvhLintLookup
lookup_outside (OvhLintContext *ctx, const char *name)
{
  gpointer cached;

  if (ctx->resolver == NULL || ctx->resolver->lookup_txt == NULL)
    return OVH_LINT_LOOKUP_FAILED;
  if (g_hash_table_lookup_extended (ctx->dns_exists, name, NULL, &cached))
    return GPOINTER_TO_INT (cached) - 1;
  {
    OvhLintLookup lookup = ctx->resolver->lookup_txt (ctx->resolver->user_data, name, NULL);
    g_hash_table_insert (ctx->dns_exists, g_strdup (name), GINT_TO_POINTER (lookup + 1));
    return lookup;
  }
}

/* The host name field of MX, NS, SRV, CNAME (the last field); NULL for other types. */
static char *
target_host (OvhRecord *record)
{
  const OvhRecordType *type = ovh_record_get_record_type (record);
  g_auto (GStrv) fields = NULL;

  if (type == NULL
      || !(g_str_equal (type->name, "MX") || g_str_equal (type->name, "NS")
           || g_str_equal (type->name, "SRV") || g_str_equal (type->name, "CNAME")))
    return NULL;
  fields = ovh_record_type_split_target (type, ovh_record_get_target (record), NULL);
  if (fields == NULL)
    return NULL;
  return g_strdup (fields[type->n_fields - 1]);
}

static char *
absolute_target (OvhLintContext *ctx, const char *cname_target)
{
  gsize len = strlen (cname_target);

  if (len > 0 && cname_target[len - 1] == '.')
    return g_strdup (cname_target);
  return g_strconcat (cname_target, ".", ctx->zone, ".", NULL);
}

static void
report_target_is_cname (OvhLintContext *ctx, guint i, const char *host, GPtrArray *answer)
{
  OvhRecord *record = ctx->records->pdata[i];
  const OvhRecordType *type = ovh_record_get_record_type (record);
  OvhLintFinding *finding;
  OvhRecord *alias = NULL;
  g_autofree char *alias_host = NULL;
  g_autofree char *alias_owner = NULL;
  gboolean alias_inside;

  for (guint j = 0; j < answer->len && alias == NULL; j++)
    if (_ovh_lint_is_type (record_at (ctx, answer->pdata[j]), "CNAME"))
      alias = record_at (ctx, answer->pdata[j]);

  finding = _ovh_lint_add (
      ctx, "target-is-cname", OVH_LINT_SEVERITY_ERROR, i,
      g_strdup_printf (_ ("%s points at “%s”, which is an alias (CNAME)"), type->name, host),
      _ ("The targets of MX, NS and SRV records must be names with addresses, not aliases "
         "(RFC 2181): many mail servers and resolvers refuse them. Point the record at the "
         "name the alias stands for."));

  /* Unambiguous only when the alias leads straight to a name that is not an alias too. */
  if (answer->len != 1)
    return;
  alias_host = g_strdup (ovh_record_get_target (alias));
  alias_owner = _ovh_lint_host (ctx, alias_host, &alias_inside);
  if (alias_owner == NULL
      || (alias_inside && has_type (ctx, _ovh_lint_answer (ctx, alias_owner), "CNAME")))
    return;
  {
    g_auto (GStrv) fields
        = ovh_record_type_split_target (type, ovh_record_get_target (record), NULL);
    g_autoptr (OvhRecord) fix = ovh_record_dup (record);
    g_autofree char *target = NULL;
    g_autofree char *label = NULL;

    g_free (fields[type->n_fields - 1]);
    fields[type->n_fields - 1] = absolute_target (ctx, alias_host);
    target = ovh_record_type_join_fields (type, (const char *const *) fields);
    ovh_record_set_target (fix, target);
    label = g_strdup_printf (_ ("Point it at “%s”"), fields[type->n_fields - 1]);
    _ovh_lint_set_fix (finding, OVH_LINT_FIX_UPDATE, fix, label);
  }
}

static void
check_targets (OvhLintContext *ctx)
{
  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      g_autofree char *host = target_host (record);
      g_autofree char *name = NULL;
      gboolean is_cname = _ovh_lint_is_type (record, "CNAME");
      gboolean inside;
      GPtrArray *answer;

      if (host == NULL || (name = _ovh_lint_host (ctx, host, &inside)) == NULL)
        continue;

      if (!inside)
        {
          if (lookup_outside (ctx, name) == OVH_LINT_LOOKUP_NXDOMAIN)
            _ovh_lint_add (ctx, "dangling-target", OVH_LINT_SEVERITY_ERROR, i,
                           g_strdup_printf (_ ("“%s” does not exist"), host),
                           _ ("The DNS answers that this name does not exist (NXDOMAIN): "
                              "whatever uses this record fails. Correct the name, or delete "
                              "the record if the service is gone."));
          continue;
        }

      answer = _ovh_lint_answer (ctx, name);
      if (!is_cname && answer != NULL && has_type (ctx, answer, "CNAME"))
        report_target_is_cname (ctx, i, host, answer);
      else if (is_cname ? answer == NULL
                        : !has_type (ctx, answer, "A") && !has_type (ctx, answer, "AAAA"))
        _ovh_lint_add (ctx, "dangling-target", OVH_LINT_SEVERITY_ERROR, i,
                       is_cname ? g_strdup_printf (_ ("“%s” has no records in this zone"), host)
                                : g_strdup_printf (_ ("“%s” has no address (A or AAAA) in this "
                                                      "zone"),
                                                   host),
                       _ ("The target is in this zone but nothing there answers it, so "
                          "whatever uses this record fails. Add the target’s A or AAAA "
                          "records, or correct the name (a name without a final dot is "
                          "relative to the zone)."));
    }
}

/* --- Null MX ------------------------------------------------------------------------------ */

static void
check_null_mx (OvhLintContext *ctx)
{
  for (guint i = 0; i < ctx->records->len; i++)
    {
      OvhRecord *record = ctx->records->pdata[i];
      g_autofree char *host = NULL;
      GPtrArray *same;
      guint n_mx = 0;

      if (!_ovh_lint_is_type (record, "MX"))
        continue;
      host = target_host (record);
      if (g_strcmp0 (host, ".") != 0)
        continue;
      same = g_hash_table_lookup (ctx->by_name, ctx->owners[i]);
      for (guint j = 0; j < same->len; j++)
        n_mx += _ovh_lint_is_type (record_at (ctx, same->pdata[j]), "MX");
      if (n_mx > 1)
        _ovh_lint_add (ctx, "mx-null-with-others", OVH_LINT_SEVERITY_ERROR, i,
                       g_strdup (_ ("A “no mail” MX sits beside other mail servers")),
                       _ ("An MX pointing at “.” says this domain receives no mail (RFC 7505); "
                          "beside other MX records senders may bounce mail or pick either. "
                          "Delete the null MX if the domain receives mail, else the others."));
    }
}

/* --- Wildcards ---------------------------------------------------------------------------- */

static void
check_wildcards (OvhLintContext *ctx)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, ctx->by_name);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *wildcard = key;
      GPtrArray *wild = value;
      const char *parent;

      if (!(wildcard[0] == '*' && (wildcard[1] == '\0' || wildcard[1] == '.')))
        continue;
      parent = parent_name (wildcard);

      /* Any name directly under the wildcard's parent that has records of its own hides the
       * wildcard for every type it does not hold itself. */
      for (guint i = 0; i < ctx->records->len; i++)
        {
          const char *owner = ctx->owners[i];
          GPtrArray *own;
          g_autoptr (GString) missing = NULL;

          /* Underscore names (_dmarc, _sip._tls) are never meant to get a wildcard's data. */
          if (owner[0] == '\0' || owner[0] == '*' || owner[0] == '_'
              || strcmp (parent_name (owner), parent) != 0)
            continue;
          own = g_hash_table_lookup (ctx->by_name, owner);
          if (GPOINTER_TO_UINT (own->pdata[0]) != i || has_type (ctx, own, "CNAME"))
            continue; /* once per name; an alias answers for every type */

          for (guint w = 0; w < wild->len; w++)
            {
              const char *type = ovh_record_get_field_type (record_at (ctx, wild->pdata[w]));

              if (has_type (ctx, own, type) || (missing != NULL && strstr (missing->str, type)))
                continue;
              if (missing == NULL)
                missing = g_string_new (type);
              else
                g_string_append_printf (missing, ", %s", type);
            }
          if (missing == NULL)
            continue;
          _ovh_lint_add (ctx, "wildcard-shadowed", OVH_LINT_SEVERITY_INFO, i,
                         g_strdup_printf (_ ("The wildcard “%s” does not apply to this name: "
                                             "it has no %s"),
                                          wildcard, missing->str),
                         _ ("A wildcard answers only for names that have no records at all. "
                            "Once a name has one record, it gets none of the wildcard’s other "
                            "types. Add those records to this name too if it needs them."));
        }
    }
}

/* --- Entry points ------------------------------------------------------------------------- */

static int
compare_findings (gconstpointer a, gconstpointer b)
{
  const OvhLintFinding *fa = *(OvhLintFinding *const *) a;
  const OvhLintFinding *fb = *(OvhLintFinding *const *) b;

  if (fa->severity != fb->severity)
    return fa->severity > fb->severity ? -1 : 1;
  if (fa->index != fb->index)
    return fa->index < fb->index ? -1 : 1;
  return fa->sequence < fb->sequence ? -1 : fa->sequence > fb->sequence;
}

GPtrArray *
ovh_lint_zone (const char *zone, GPtrArray *records, const OvhLintResolver *resolver)
{
  OvhLintContext ctx = { 0 };

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (records != NULL, NULL);

  context_init (&ctx, zone, records, resolver);
  check_cnames (&ctx);
  check_duplicates (&ctx);
  check_ttls (&ctx);
  check_targets (&ctx);
  check_null_mx (&ctx);
  check_wildcards (&ctx);
  _ovh_lint_check_spf (&ctx);
  _ovh_lint_check_dmarc_dkim (&ctx);
  _ovh_lint_check_caa (&ctx);
  _ovh_lint_check_txt_length (&ctx);
  g_ptr_array_sort (ctx.findings, compare_findings);
  context_clear (&ctx);
  return ctx.findings;
}

GPtrArray *
ovh_lint_record (const char *zone, GPtrArray *records, OvhRecord *candidate)
{
  g_autoptr (GPtrArray) zone_records = g_ptr_array_new ();
  g_autoptr (GPtrArray) all = NULL;
  GPtrArray *mine = g_ptr_array_new_with_free_func (g_object_unref);
  guint64 id = ovh_record_get_id (candidate);

  for (guint i = 0; i < records->len; i++)
    if (records->pdata[i] != candidate && (id == 0 || ovh_record_get_id (records->pdata[i]) != id))
      g_ptr_array_add (zone_records, records->pdata[i]);
  g_ptr_array_add (zone_records, candidate);

  all = ovh_lint_zone (zone, zone_records, NULL);
  for (guint i = 0; i < all->len; i++)
    if (ovh_lint_finding_get_record (all->pdata[i]) == candidate)
      g_ptr_array_add (mine, g_object_ref (all->pdata[i]));
  return mine;
}

GPtrArray *
ovh_lint_effective_records (GListModel *records, OvhChangeset *changeset)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (records);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);
      OvhChange *change
          = changeset != NULL ? ovh_changeset_lookup (changeset, ovh_record_get_id (record)) : NULL;

      if (change == NULL)
        g_ptr_array_add (result, g_steal_pointer (&record));
      else if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_UPDATE)
        g_ptr_array_add (result, g_object_ref (ovh_change_get_after (change)));
    }

  if (changeset != NULL)
    {
      GListModel *changes = ovh_changeset_get_changes (changeset);

      for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
        {
          g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

          if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE
              && ovh_change_get_state (change) != OVH_CHANGE_STATE_APPLIED)
            g_ptr_array_add (result, g_object_ref (ovh_change_get_after (change)));
        }
    }
  return result;
}

typedef struct
{
  char *zone;
  GPtrArray *records;
  OvhLintResolver resolver;
  gboolean has_resolver;
} LintTask;

static void
lint_task_free (gpointer data)
{
  LintTask *task = data;

  g_free (task->zone);
  g_ptr_array_unref (task->records);
  g_free (task);
}

static void
lint_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  LintTask *lint = data;

  g_task_return_pointer (
      task, ovh_lint_zone (lint->zone, lint->records, lint->has_resolver ? &lint->resolver : NULL),
      (GDestroyNotify) g_ptr_array_unref);
}

void
ovh_lint_zone_async (const char *zone,
                     GPtrArray *records,
                     const OvhLintResolver *resolver,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LintTask *lint = g_new0 (LintTask, 1);

  lint->zone = g_strdup (zone);
  lint->records = g_ptr_array_new_with_free_func (g_object_unref);
  /* Copies: the caller's records may change while the thread reads them. */
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (lint->records, ovh_record_dup (records->pdata[i]));
  if (resolver != NULL)
    {
      lint->resolver = *resolver;
      lint->has_resolver = TRUE;
    }
  g_task_set_source_tag (task, ovh_lint_zone_async);
  g_task_set_task_data (task, lint, lint_task_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, lint_thread);
}

GPtrArray *
ovh_lint_zone_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
