/* test-lint.c: every lint code, on a zone that triggers it and on one that does not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-lint.h"

#define ZONE "example.com"

/* "sub|TYPE|ttl|target" */
static GPtrArray *
make_zone (const char *const *specs)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (specs[i], "|", 4);
      OvhRecord *record;

      g_assert_cmpuint (g_strv_length (parts), ==, 4);
      record = ovh_record_new (ZONE, parts[0], parts[1], parts[3],
                               (guint) g_ascii_strtoull (parts[2], NULL, 10));
      ovh_record_set_id (record, i + 1);
      g_ptr_array_add (records, record);
    }
  return records;
}

/* A fake DNS: "name" → TXT strings; names not listed do not exist. */
static GHashTable *fake_dns;

static OvhLintLookup
fake_lookup_txt (gpointer user_data, const char *name, GStrv *txt)
{
  const char *const *strings = g_hash_table_lookup (fake_dns, name);

  g_assert_true (user_data == fake_dns);
  if (strings == NULL)
    return OVH_LINT_LOOKUP_NXDOMAIN;
  if (txt != NULL)
    *txt = g_strdupv ((char **) strings);
  return OVH_LINT_LOOKUP_OK;
}

static const OvhLintResolver fake_resolver = { fake_lookup_txt, NULL };

static OvhLintResolver
resolver (void)
{
  OvhLintResolver r = fake_resolver;

  r.user_data = fake_dns;
  return r;
}

static OvhLintFinding *
find_code (GPtrArray *findings, const char *code)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (ovh_lint_finding_get_code (findings->pdata[i]), code))
      return findings->pdata[i];
  return NULL;
}

static GPtrArray *
lint (const char *const *specs)
{
  g_autoptr (GPtrArray) records = make_zone (specs);
  OvhLintResolver r = resolver ();
  GPtrArray *findings = ovh_lint_zone (ZONE, records, &r);

  for (guint i = 0; i < findings->len; i++)
    {
      OvhLintFinding *finding = findings->pdata[i];

      /* Every finding speaks to people and carries a stable code. */
      g_assert_true (g_strv_contains (ovh_lint_get_codes (), ovh_lint_finding_get_code (finding)));
      g_assert_cmpstr (ovh_lint_finding_get_message (finding), !=, "");
      g_assert_cmpstr (ovh_lint_finding_get_explanation (finding), !=, "");
      if (ovh_lint_finding_get_fix_kind (finding) != OVH_LINT_FIX_NONE)
        g_assert_nonnull (ovh_lint_finding_get_fix_label (finding));
    }
  return findings;
}

typedef struct
{
  const char *code;
  OvhLintSeverity severity;
  const char *triggers[8];
  const char *clean[8];
  guint record; /* index of the record the finding is about */
} Case;

static const Case cases[] = {
  { "cname-coexistence",
    OVH_LINT_SEVERITY_ERROR,
    { "www|CNAME|0|web.example.net.", "www|A|0|192.0.2.1", NULL },
    { "www|CNAME|0|web.example.net.", "web|A|0|192.0.2.1", NULL } },
  { "cname-at-apex",
    OVH_LINT_SEVERITY_ERROR,
    { "|CNAME|0|web.example.net.", NULL },
    { "www|CNAME|0|web.example.net.", NULL } },
  { "spf-multiple",
    OVH_LINT_SEVERITY_ERROR,
    { "|TXT|0|v=spf1 mx -all", "|SPF|0|v=spf1 a -all", NULL },
    { "|TXT|0|v=spf1 mx -all", "|TXT|0|google-site-verification=abc", "|A|0|192.0.2.1",
      "|MX|0|10 mail.example.net.", NULL } },
  { "spf-syntax",
    OVH_LINT_SEVERITY_ERROR,
    { "|TXT|0|v=spf1 ip4:300.1.1.1 -all", NULL },
    { "|TXT|0|v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a:mail.example.com/24 -all", NULL } },
  { "spf-too-many-lookups",
    OVH_LINT_SEVERITY_ERROR,
    { "|TXT|0|v=spf1 include:big.example.net a mx -all", NULL },
    { "|TXT|0|v=spf1 include:small.example.net a mx -all", NULL } },
  { "spf-no-all",
    OVH_LINT_SEVERITY_WARNING,
    { "|TXT|0|v=spf1 ip4:192.0.2.1", NULL },
    { "|TXT|0|v=spf1 ip4:192.0.2.1 redirect=small.example.net", NULL } },
  { "dmarc-syntax",
    OVH_LINT_SEVERITY_ERROR,
    { "_dmarc|TXT|0|v=DMARC1; p=block", NULL },
    { "_dmarc|TXT|0|v=DMARC1; p=none; rua=mailto:dmarc@example.com; pct=50", NULL } },
  { "dmarc-outside-dmarc-label",
    OVH_LINT_SEVERITY_ERROR,
    { "|TXT|0|v=DMARC1; p=reject", NULL },
    { "_dmarc.shop|TXT|0|v=DMARC1; p=reject", NULL } },
  { "dkim-syntax",
    OVH_LINT_SEVERITY_ERROR,
    { "mail._domainkey|TXT|0|v=DKIM1; k=rsa; p=MIGf!!", NULL },
    { "mail._domainkey|TXT|0|v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQ==", NULL } },
  { "target-is-cname",
    OVH_LINT_SEVERITY_ERROR,
    { "|MX|0|10 mail", "mail|CNAME|0|mx.example.net.", NULL },
    { "|MX|0|10 mail", "mail|A|0|192.0.2.25", NULL } },
  { "dangling-target",
    OVH_LINT_SEVERITY_ERROR,
    { "|MX|0|10 mail.example.com.", "www|A|0|192.0.2.1", NULL },
    { "|MX|0|10 mail.example.com.", "mail|AAAA|0|2001:db8::25", NULL } },
  { "wildcard-shadowed",
    OVH_LINT_SEVERITY_INFO,
    { "*|MX|0|10 mx.example.net.", "*|A|0|192.0.2.1", "shop|A|0|192.0.2.2", NULL },
    { "*|A|0|192.0.2.1", "shop|A|0|192.0.2.2", NULL },
    2 },
  { "caa-syntax",
    OVH_LINT_SEVERITY_ERROR,
    { "|CAA|0|0 issue \"lets encrypt.org\"", NULL },
    { "|CAA|0|0 issue \"letsencrypt.org\"", "|CAA|0|0 iodef \"mailto:ca@example.com\"",
      "|CAA|0|0 issuewild \"\"", NULL } },
  { "mx-null-with-others",
    OVH_LINT_SEVERITY_ERROR,
    { "|MX|0|0 .", "|MX|0|10 mx.example.net.", NULL },
    { "|MX|0|0 .", NULL } },
  { "ttl-extreme",
    OVH_LINT_SEVERITY_WARNING,
    { "www|A|30|192.0.2.1", NULL },
    { "www|A|60|192.0.2.1", "ftp|A|604800|192.0.2.1", "mail|A|0|192.0.2.1", NULL } },
  { "duplicate-record",
    OVH_LINT_SEVERITY_WARNING,
    { "www|A|0|192.0.2.1", "WWW|A|3600|192.0.2.1", NULL },
    { "www|A|0|192.0.2.1", "www|A|0|192.0.2.2", "www|TXT|0|Hello", "www|TXT|0|hello", NULL },
    1 },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GPtrArray) found = lint (c->triggers);
  g_autoptr (GPtrArray) clean = lint (c->clean);
  OvhLintFinding *finding = find_code (found, c->code);

  g_assert_nonnull (finding);
  g_assert_cmpint (ovh_lint_finding_get_severity (finding), ==, c->severity);
  g_assert_cmpuint (ovh_lint_finding_get_index (finding), ==, c->record);
  g_assert_cmpuint (ovh_record_get_id (ovh_lint_finding_get_record (finding)), ==, c->record + 1);
  g_assert_null (find_code (clean, c->code));
}

static char *
long_text (gsize length)
{
  return g_strnfill (length, 'x');
}

static void
test_txt_string_too_long (void)
{
  g_autofree char *text = long_text (300);
  g_autofree char *spec = g_strconcat ("note|TXT|0|", text, NULL);
  g_autofree char *key = long_text (300);
  g_autofree char *dkim_spec = g_strconcat ("s._domainkey|DKIM|0|v=DKIM1; k=rsa; p=", key, NULL);
  g_autofree char *short_text = long_text (255);
  g_autofree char *short_spec = g_strconcat ("note|TXT|0|", short_text, NULL);
  const char *triggers[] = { spec, dkim_spec, NULL };
  const char *clean[] = { short_spec, NULL };
  g_autoptr (GPtrArray) found = lint (triggers);
  g_autoptr (GPtrArray) none = lint (clean);

  g_assert_cmpuint (found->len, ==, 2);
  /* Plain text may be cut by its readers; a DKIM key is joined again by DKIM verifiers. */
  g_assert_cmpstr (ovh_lint_finding_get_code (found->pdata[0]), ==, "txt-string-too-long");
  g_assert_cmpint (ovh_lint_finding_get_severity (found->pdata[0]), ==, OVH_LINT_SEVERITY_WARNING);
  g_assert_cmpint (ovh_lint_finding_get_severity (found->pdata[1]), ==, OVH_LINT_SEVERITY_INFO);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_spf_lookup_count (void)
{
  const char *zone[] = { "|TXT|0|v=spf1 include:_spf.example.com include:big.example.net -all",
                         "_spf|TXT|0|v=spf1 a mx include:small.example.net ~all", NULL };
  g_autoptr (GPtrArray) records = make_zone (zone);
  g_autoptr (GPtrArray) without_dns = ovh_lint_zone (ZONE, records, NULL);
  OvhLintResolver r = resolver ();
  g_autoptr (GPtrArray) with_dns = ovh_lint_zone (ZONE, records, &r);
  OvhLintFinding *finding;

  /* Without DNS: 2 + (2 + 1) in the zone, the outside includes not followed. */
  g_assert_null (find_code (without_dns, "spf-too-many-lookups"));
  /* With it: big.example.net holds 9 more, small.example.net 1. */
  finding = find_code (with_dns, "spf-too-many-lookups");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (ovh_lint_finding_get_message (finding), "needs 14 DNS lookups"));
  g_assert_cmpuint (ovh_lint_finding_get_index (finding), ==, 0);
}

static void
test_spf_loop (void)
{
  const char *zone[] = { "|TXT|0|v=spf1 include:example.com -all", NULL };
  g_autoptr (GPtrArray) found = lint (zone);

  g_assert_null (find_code (found, "spf-too-many-lookups"));
}

static void
test_dangling_outside (void)
{
  const char *zone[] = { "|MX|0|10 mx.gone.example.", "www|CNAME|0|web.example.net.",
                         "ftp|CNAME|0|nothing-here.example.net.", NULL };
  g_autoptr (GPtrArray) records = make_zone (zone);
  OvhLintResolver r = resolver ();
  g_autoptr (GPtrArray) without_dns = ovh_lint_zone (ZONE, records, NULL);
  g_autoptr (GPtrArray) with_dns = ovh_lint_zone (ZONE, records, &r);

  g_assert_null (find_code (without_dns, "dangling-target"));
  g_assert_cmpuint (with_dns->len, ==, 2);
  g_assert_cmpuint (ovh_lint_finding_get_index (with_dns->pdata[0]), ==, 0);
  g_assert_cmpuint (ovh_lint_finding_get_index (with_dns->pdata[1]), ==, 2);
}

static void
test_dangling_wildcard (void)
{
  /* A target covered by a wildcard has the wildcard's address. */
  const char *zone[] = { "|MX|0|10 mail", "*|A|0|192.0.2.1", NULL };
  g_autoptr (GPtrArray) found = lint (zone);

  g_assert_null (find_code (found, "dangling-target"));
}

static void
test_fixes (void)
{
  const char *zone[]
      = { "www|A|30|192.0.2.1",           "www|A|0|192.0.2.1",         "|MX|0|10 mail",
          "mail|CNAME|0|mx.example.net.", "|DMARC|0|v=DMARC1; p=none", NULL };
  g_autoptr (GPtrArray) found = lint (zone);
  OvhLintFinding *ttl = find_code (found, "ttl-extreme");
  OvhLintFinding *duplicate = find_code (found, "duplicate-record");
  OvhLintFinding *alias = find_code (found, "target-is-cname");
  OvhLintFinding *dmarc = find_code (found, "dmarc-outside-dmarc-label");

  g_assert_cmpint (ovh_lint_finding_get_fix_kind (ttl), ==, OVH_LINT_FIX_UPDATE);
  g_assert_cmpuint (ovh_record_get_ttl (ovh_lint_finding_get_fix (ttl)), ==, 60);
  g_assert_cmpuint (ovh_record_get_id (ovh_lint_finding_get_fix (ttl)), ==, 1);
  g_assert_cmpstr (ovh_lint_finding_get_fix_label (ttl), ==, "Set the TTL to 60 seconds");

  g_assert_cmpint (ovh_lint_finding_get_fix_kind (duplicate), ==, OVH_LINT_FIX_DELETE);
  g_assert_cmpuint (ovh_lint_finding_get_index (duplicate), ==, 1);

  g_assert_cmpint (ovh_lint_finding_get_fix_kind (alias), ==, OVH_LINT_FIX_UPDATE);
  g_assert_cmpstr (ovh_record_get_target (ovh_lint_finding_get_fix (alias)), ==,
                   "10 mx.example.net.");

  g_assert_cmpint (ovh_lint_finding_get_fix_kind (dmarc), ==, OVH_LINT_FIX_UPDATE);
  g_assert_cmpstr (ovh_record_get_sub_domain (ovh_lint_finding_get_fix (dmarc)), ==, "_dmarc");

  /* Errors come first. */
  g_assert_cmpint (ovh_lint_finding_get_severity (found->pdata[0]), ==, OVH_LINT_SEVERITY_ERROR);
}

static void
test_cname_staged (void)
{
  g_autoptr (GListStore) published = g_list_store_new (OVH_TYPE_RECORD);
  g_autoptr (OvhRecord) a = ovh_record_new (ZONE, "www", "A", "192.0.2.1", 0);
  g_autoptr (OvhRecord) cname = ovh_record_new (ZONE, "www", "CNAME", "web.example.net.", 0);
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) found = NULL;

  /* A staged CNAME beside a published A: the effective zone holds both. */
  ovh_record_set_id (a, 7);
  g_list_store_append (published, a);
  records = ovh_lint_effective_records (G_LIST_MODEL (published), NULL);
  g_ptr_array_add (records, g_object_ref (cname));
  found = ovh_lint_zone (ZONE, records, NULL);
  g_assert_nonnull (find_code (found, "cname-coexistence"));

  g_clear_pointer (&found, g_ptr_array_unref);
  found = ovh_lint_record (ZONE, records, cname);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (ovh_lint_finding_get_record (found->pdata[0]) == cname);
}

static void
on_linted (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ovh_lint_zone_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  const char *zone[] = { "|CNAME|0|web.example.net.", NULL };
  g_autoptr (GPtrArray) records = make_zone (zone);
  g_autoptr (GPtrArray) found = NULL;

  ovh_lint_zone_async (ZONE, records, NULL, NULL, on_linted, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_code (found, "cname-at-apex"));
}

static void
test_codes_covered (void)
{
  const char *const *codes = ovh_lint_get_codes ();

  /* Every code has a case above (txt-string-too-long has its own test). */
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gboolean covered = g_str_equal (codes[i], "txt-string-too-long");

      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        covered |= g_str_equal (cases[c].code, codes[i]);
      g_assert_true (covered);
    }
}

int
main (int argc, char **argv)
{
  static const char *const big[]
      = { "v=spf1 a mx ptr exists:x.example.net include:more.example.net a:b.example.net -all",
          NULL };
  static const char *const more[] = { "v=spf1 a mx a:c.example.net ~all", NULL };
  static const char *const small[] = { "v=spf1 ip4:198.51.100.0/24 ~all", NULL };
  static const char *const exists[] = { NULL };

  g_test_init (&argc, &argv, NULL);

  fake_dns = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (fake_dns, "big.example.net", (gpointer) big);
  g_hash_table_insert (fake_dns, "more.example.net", (gpointer) more);
  g_hash_table_insert (fake_dns, "small.example.net", (gpointer) small);
  g_hash_table_insert (fake_dns, "mx.example.net", (gpointer) exists);
  g_hash_table_insert (fake_dns, "web.example.net", (gpointer) exists);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/lint/code/%s", cases[i].code);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/lint/code/txt-string-too-long", test_txt_string_too_long);
  g_test_add_func ("/lint/codes-covered", test_codes_covered);
  g_test_add_func ("/lint/spf/lookup-count", test_spf_lookup_count);
  g_test_add_func ("/lint/spf/loop", test_spf_loop);
  g_test_add_func ("/lint/dangling/outside", test_dangling_outside);
  g_test_add_func ("/lint/dangling/wildcard", test_dangling_wildcard);
  g_test_add_func ("/lint/fixes", test_fixes);
  g_test_add_func ("/lint/cname-staged", test_cname_staged);
  g_test_add_func ("/lint/async", test_async);

  {
    int status = g_test_run ();
    g_hash_table_unref (fake_dns);
    return status;
  }
}
