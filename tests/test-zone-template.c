/* test-zone-template.c: the shipped zone templates, user templates, planning and SPF merges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ovh-zone-template.h"

#define ZONE "example.com"

/* Values a person would give each parameter of a shipped template. */
static GHashTable *
plausible_values (OvhZoneTemplate *template)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *parameters = ovh_zone_template_get_parameters (template);

  for (guint i = 0; i < parameters->len; i++)
    {
      OvhZoneTemplateParameter *parameter = g_ptr_array_index (parameters, i);
      const char *value = parameter->kind == OVH_ZONE_TEMPLATE_PARAMETER_TEXT
                              ? "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"
                              : "host-1.example.net";

      if (parameter->default_value == NULL)
        g_hash_table_insert (values, g_strdup (parameter->key), g_strdup (value));
    }
  return values;
}

static GListStore *
zone_of (const char *const *rows)
{
  GListStore *store = g_list_store_new (OVH_TYPE_RECORD);

  /* "name type ttl target" */
  for (guint i = 0; rows != NULL && rows[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (rows[i], " ", 4);
      g_autoptr (OvhRecord) record = ovh_record_new (
          ZONE, fields[0], fields[1], fields[3], (guint) g_ascii_strtoull (fields[2], NULL, 10));

      ovh_record_set_id (record, i + 1);
      g_list_store_append (store, record);
    }
  return store;
}

static void
test_shipped_read (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) templates = ovh_zone_template_list_all (&problems);
  const char *wanted[]
      = { "google-workspace", "microsoft-365",       "fastmail",      "proton-mail",
          "zoho-mail",        "ovhcloud-mx-plan",    "dmarc-starter", "caa-letsencrypt",
          "github-pages",     "static-host-apex-www" };

  g_assert_cmpuint (problems->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find (wanted[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (ovh_zone_template_get_id (template), ==, wanted[i]);
      g_assert_cmpstr (ovh_zone_template_get_title (template), !=, "");
      g_assert_cmpstr (ovh_zone_template_get_description (template), !=, "");
      g_assert_false (ovh_zone_template_get_user (template));
    }
  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (wanted));
}

/* Each shipped template, on an empty zone: only additions, nothing to confirm. */
static void
test_shipped_on_empty_zone (void)
{
  g_autoptr (GPtrArray) templates = ovh_zone_template_list_all (NULL);
  g_autoptr (GListStore) empty = zone_of (NULL);

  for (guint i = 0; i < templates->len; i++)
    {
      OvhZoneTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr (GHashTable) values = plausible_values (template);
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhZoneTemplatePlan) plan
          = ovh_zone_template_plan_new (template, ZONE, G_LIST_MODEL (empty), values, &error);
      OvhZoneDiff *diff;

      g_test_message ("%s", ovh_zone_template_get_id (template));
      g_assert_no_error (error);
      diff = ovh_zone_template_plan_get_diff (plan);
      g_assert_cmpuint (ovh_zone_diff_get_n_added (diff), >, 0);
      g_assert_cmpuint (ovh_zone_diff_get_n_removed (diff), ==, 0);
      g_assert_cmpuint (ovh_zone_diff_get_n_changed (diff), ==, 0);
      g_assert_cmpuint (g_strv_length (ovh_zone_template_plan_get_conflicts (plan)), ==, 0);
      g_assert_false (ovh_zone_template_plan_needs_confirmation (plan));
    }
}

/* Each shipped template, on a zone that already has mail, a site and policies: the conflict
 * is named, confirmation is asked, and the zone ends with one SPF policy. */
static void
test_shipped_on_busy_zone (void)
{
  const char *const rows[] = { "@ MX 3600 10 mx.old-provider.example.",
                               "@ TXT 3600 v=spf1 include:old-provider.example -all",
                               "@ A 3600 192.0.2.10",
                               "@ AAAA 3600 2001:db8::10",
                               "@ CAA 3600 0 issue \"old-ca.example\"",
                               "www A 3600 192.0.2.10",
                               "autodiscover A 3600 192.0.2.20",
                               "_dmarc TXT 3600 v=DMARC1; p=reject",
                               NULL };
  g_autoptr (GPtrArray) templates = ovh_zone_template_list_all (NULL);
  g_autoptr (GListStore) busy = zone_of (rows);

  for (guint i = 0; i < templates->len; i++)
    {
      OvhZoneTemplate *template = g_ptr_array_index (templates, i);
      g_autoptr (GHashTable) values = plausible_values (template);
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhZoneTemplatePlan) plan
          = ovh_zone_template_plan_new (template, ZONE, G_LIST_MODEL (busy), values, &error);
      OvhZoneDiff *diff;
      GListModel *items;
      guint spf_after = 0;

      g_test_message ("%s", ovh_zone_template_get_id (template));
      g_assert_no_error (error);
      diff = ovh_zone_template_plan_get_diff (plan);
      /* CAA adds beside an existing CAA: nothing in its way. Every other one meets a set. */
      if (g_str_equal (ovh_zone_template_get_id (template), "caa-letsencrypt"))
        {
          g_assert_false (ovh_zone_template_plan_needs_confirmation (plan));
          continue;
        }
      g_assert_true (ovh_zone_template_plan_needs_confirmation (plan));
      g_assert_cmpuint (g_strv_length (ovh_zone_template_plan_get_conflicts (plan)), >, 0);

      /* Never a second SPF policy: an added SPF is a changed one. */
      items = ovh_zone_diff_get_items (diff);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr (OvhZoneDiffItem) item = g_list_model_get_item (items, j);
          OvhRecord *after = ovh_zone_diff_item_get_after (item);

          if (after != NULL && g_str_has_prefix (ovh_record_get_target (after), "v=spf1"))
            {
              g_assert_cmpint (ovh_zone_diff_item_get_kind (item), ==, OVH_ZONE_DIFF_CHANGED);
              g_assert_nonnull (
                  strstr (ovh_record_get_target (after), "include:old-provider.example"));
              g_assert_true (g_str_has_suffix (ovh_record_get_target (after), " -all"));
              spf_after++;
            }
        }
      g_assert_cmpuint (spf_after, <=, 1);
    }
}

static void
test_replaces_words (void)
{
  const char *const rows[]
      = { "@ MX 3600 10 mx.old-provider.example.", "@ MX 3600 20 mx2.old-provider.example.", NULL };
  g_autoptr (GListStore) zone = zone_of (rows);
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find ("ovhcloud-mx-plan", NULL);
  g_autoptr (OvhZoneTemplatePlan) plan
      = ovh_zone_template_plan_new (template, ZONE, G_LIST_MODEL (zone), NULL, NULL);
  GStrv conflicts = ovh_zone_template_plan_get_conflicts (plan);

  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_assert_cmpstr (conflicts[0], ==, "Replaces the 2 MX records at @");
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (ovh_zone_template_plan_get_diff (plan)), ==, 2);
  g_assert_cmpuint (ovh_zone_diff_get_n_added (ovh_zone_template_plan_get_diff (plan)), ==, 2);
}

/* Applying a template twice changes nothing the second time. */
static void
test_already_applied (void)
{
  const char *const rows[] = { "@ MX 3600 10 in1-smtp.messagingengine.com.",
                               "@ MX 3600 20 in2-smtp.messagingengine.com.",
                               "@ TXT 3600 v=spf1 include:spf.messagingengine.com ?all",
                               "fm1._domainkey CNAME 3600 fm1.example.com.dkim.fmhosted.com.",
                               "fm2._domainkey CNAME 3600 fm2.example.com.dkim.fmhosted.com.",
                               "fm3._domainkey CNAME 3600 fm3.example.com.dkim.fmhosted.com.",
                               NULL };
  g_autoptr (GListStore) zone = zone_of (rows);
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find ("fastmail", NULL);
  g_autoptr (OvhZoneTemplatePlan) plan
      = ovh_zone_template_plan_new (template, ZONE, G_LIST_MODEL (zone), NULL, NULL);

  g_assert_true (ovh_zone_diff_is_empty (ovh_zone_template_plan_get_diff (plan)));
  g_assert_cmpuint (g_strv_length (ovh_zone_template_plan_get_conflicts (plan)), ==, 0);
}

static void
test_cname_conflict (void)
{
  const char *const rows[] = { "www A 3600 192.0.2.10", "www AAAA 3600 2001:db8::10", NULL };
  g_autoptr (GListStore) zone = zone_of (rows);
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find ("github-pages", NULL);
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (OvhZoneTemplatePlan) plan = NULL;
  GStrv conflicts;

  g_hash_table_insert (values, "user", "octocat");
  plan = ovh_zone_template_plan_new (template, ZONE, G_LIST_MODEL (zone), values, NULL);
  conflicts = ovh_zone_template_plan_get_conflicts (plan);
  g_assert_cmpuint (g_strv_length (conflicts), ==, 1);
  g_assert_cmpstr (conflicts[0], ==,
                   "www: a CNAME cannot stand beside other records: removes the 2 records there");
  /* Grouped by name and type: the A and the AAAA go, the CNAME comes. */
  g_assert_cmpuint (ovh_zone_diff_get_n_removed (ovh_zone_template_plan_get_diff (plan)), ==, 2);
  g_assert_cmpuint (ovh_zone_diff_get_n_changed (ovh_zone_template_plan_get_diff (plan)), ==, 0);
}

static void
test_spf_merge (void)
{
  const struct
  {
    const char *base, *extra, *merged;
  } cases[] = {
    { "v=spf1 mx -all", "v=spf1 include:_spf.google.com ~all",
      "v=spf1 mx include:_spf.google.com -all" },
    { "v=spf1 include:a.example ~all", "v=spf1 include:A.example ~all",
      "v=spf1 include:a.example ~all" },
    { "v=spf1 mx", "v=spf1 include:b.example ?all", "v=spf1 mx include:b.example ?all" },
    { "v=spf1  ip4:192.0.2.0/24   redirect=_spf.example", "v=spf1 a -all",
      "v=spf1 ip4:192.0.2.0/24 a redirect=_spf.example" },
    { "v=spf1", "v=spf1 mx", "v=spf1 mx" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *merged = ovh_spf_merge (cases[i].base, cases[i].extra);

      g_assert_cmpstr (merged, ==, cases[i].merged);
    }
  g_assert_null (ovh_spf_merge ("hello", "v=spf1 mx"));
  g_assert_null (ovh_spf_merge ("v=spf10 mx", "v=spf1 mx"));
}

static void
test_parameters_checked (void)
{
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find ("github-pages", NULL);
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;

  records = ovh_zone_template_expand (template, ZONE, values, &error);
  g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER);
  g_assert_nonnull (strstr (error->message, "is required"));
  g_clear_error (&error);

  g_hash_table_insert (values, "user", "octo cat\" IN A 1.2.3.4");
  records = ovh_zone_template_expand (template, ZONE, values, &error);
  g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER);
  g_clear_error (&error);

  g_hash_table_insert (values, "user", "octocat");
  g_hash_table_insert (values, "colour", "blue");
  records = ovh_zone_template_expand (template, ZONE, values, &error);
  g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER);
  g_assert_nonnull (strstr (error->message, "colour"));
  g_clear_error (&error);

  g_hash_table_remove (values, "colour");
  records = ovh_zone_template_expand (template, ZONE, values, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 9);
}

/* An optional parameter left empty leaves its record out. */
static void
test_optional_records (void)
{
  g_autoptr (OvhZoneTemplate) template = ovh_zone_template_find ("google-workspace", NULL);
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) without = ovh_zone_template_expand (template, ZONE, NULL, NULL);
  g_autoptr (GPtrArray) with = NULL;

  g_assert_cmpuint (without->len, ==, 2);
  g_hash_table_insert (values, "dkim_key", "MIIBIjANBg");
  with = ovh_zone_template_expand (template, ZONE, values, NULL);
  g_assert_cmpuint (with->len, ==, 3);
  g_assert_cmpstr (ovh_record_get_sub_domain (g_ptr_array_index (with, 2)), ==,
                   "google._domainkey");
}

static void
test_invalid_files (void)
{
  const char *const files[] = {
    "not a key file",
    "[Template]\nDescription=x\n[Records]\na=@ IN A 192.0.2.1\n",
    "[Template]\nTitle=T\n",
    "[Template]\nTitle=T\n[Records]\na=@ IN A {address}\n",
    "[Template]\nTitle=T\n[Parameter address]\nLabel=A\nKind=number\n[Records]\na=@ IN A 1.2.3.4\n",
    "[Template]\nTitle=T\n[Parameter Bad-Key]\nLabel=A\n[Records]\na=@ IN A 1.2.3.4\n",
    "[Template]\nTitle=T\n[Records]\na=@ IN A {unclosed\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhZoneTemplate) template
          = ovh_zone_template_new_from_data ("broken", files[i], strlen (files[i]), &error);

      g_assert_null (template);
      g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_INVALID);
    }
}

/* A record the template's author got wrong is an error when expanded, never a crash. */
static void
test_invalid_record (void)
{
  const char *text = "[Template]\nTitle=T\n[Records]\na=@ IN A not-an-address\n";
  g_autoptr (OvhZoneTemplate) template
      = ovh_zone_template_new_from_data ("t", text, strlen (text), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = ovh_zone_template_expand (template, ZONE, NULL, &error);

  g_assert_null (records);
  g_assert_nonnull (error);
}

static void
test_user_templates (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "domaine", "templates", NULL);
  g_autofree char *good = g_build_filename (dir, "my-relay.domaine-template", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.domaine-template", NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (OvhZoneTemplate) found = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (
      good, "[Template]\nTitle=My Relay\n[Records]\nmx=@ 600 IN MX 5 relay.{zone}.\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "[Template]\n", -1, NULL));

  templates = ovh_zone_template_list_all (&problems);
  g_assert_cmpuint (problems->len, ==, 1);
  found = ovh_zone_template_find ("my-relay", NULL);
  g_assert_nonnull (found);
  g_assert_true (ovh_zone_template_get_user (found));
  g_assert_cmpstr (ovh_zone_template_get_category (found), ==, "Other");
  g_unlink (good);
  g_unlink (bad);
}

/* Selected records saved as a template: the zone's name becomes {zone}, the sets become what it
 * replaces, and applied to another zone it gives that zone's names. */
static void
test_save_records (void)
{
  const char *const rows[] = {
    "@ MX 3600 10 mx1." ZONE ".",
    "@ MX 3600 20 backup.example.net.",
    "@ TXT 3600 v=spf1 include:_spf." ZONE " include:" ZONE ".example.net -all",
    "www CNAME 600 " ZONE ".",
    NULL,
  };
  g_autoptr (GListStore) zone = zone_of (rows);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhZoneTemplate) saved = NULL;
  g_autoptr (OvhZoneTemplate) again = NULL;
  g_autoptr (GPtrArray) expanded = NULL;
  g_autoptr (OvhRecord) braced = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  const char *const *lines;
  const char *const *replaces;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (zone)); i++)
    g_ptr_array_add (records, g_list_model_get_item (G_LIST_MODEL (zone), i));

  saved = ovh_zone_template_save_records ("  My Mail Set  ", ZONE, records, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_zone_template_get_id (saved), ==, "my-mail-set");
  g_assert_cmpstr (ovh_zone_template_get_title (saved), ==, "My Mail Set");
  g_assert_true (ovh_zone_template_get_user (saved));
  lines = ovh_zone_template_get_record_lines (saved);
  g_assert_cmpuint (g_strv_length ((GStrv) lines), ==, 4);
  g_assert_nonnull (strstr (lines[0], "mx1.{zone}."));
  g_assert_nonnull (strstr (lines[1], "backup.example.net."));
  /* Only where the zone's name ends a name. */
  g_assert_nonnull (strstr (lines[2], "include:_spf.{zone} include:" ZONE ".example.net"));
  g_assert_nonnull (strstr (lines[3], "CNAME {zone}."));
  replaces = ovh_zone_template_get_replaces (saved);
  g_assert_cmpuint (g_strv_length ((GStrv) replaces), ==, 2);
  g_assert_cmpstr (replaces[0], ==, "@ MX");
  g_assert_cmpstr (replaces[1], ==, "www CNAME");

  expanded = ovh_zone_template_expand (saved, "other.example", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expanded->len, ==, 4);
  g_assert_cmpstr (ovh_record_get_target (g_ptr_array_index (expanded, 0)), ==,
                   "10 mx1.other.example.");
  g_assert_cmpstr (ovh_record_get_target (g_ptr_array_index (expanded, 3)), ==, "other.example.");

  /* The same title again: a second file, not an overwrite. */
  again = ovh_zone_template_save_records ("My Mail Set", ZONE, records, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_zone_template_get_id (again), ==, "my-mail-set-2");

  /* Refused, with nothing written: no title, no records, a brace in a value. */
  g_assert_null (ovh_zone_template_save_records (" ", ZONE, records, &error));
  g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER);
  g_clear_error (&error);
  braced = ovh_record_new (ZONE, "x", "TXT", "a {b}", 0);
  g_ptr_array_set_size (records, 0);
  g_assert_null (ovh_zone_template_save_records ("Braces", ZONE, records, &error));
  g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER);
  g_clear_error (&error);
  g_ptr_array_add (records, g_object_ref (braced));
  g_assert_null (ovh_zone_template_save_records ("Braces", ZONE, records, &error));
  g_assert_error (error, OVH_ZONE_TEMPLATE_ERROR, OVH_ZONE_TEMPLATE_ERROR_PARAMETER);
  g_assert_null (ovh_zone_template_find ("braces", NULL));

  path = g_build_filename (g_get_user_data_dir (), "domaine", "templates",
                           "my-mail-set.domaine-template", NULL);
  path2 = g_build_filename (g_get_user_data_dir (), "domaine", "templates",
                            "my-mail-set-2.domaine-template", NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (path2), ==, 0);
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template/shipped/read", test_shipped_read);
  g_test_add_func ("/template/shipped/empty-zone", test_shipped_on_empty_zone);
  g_test_add_func ("/template/shipped/busy-zone", test_shipped_on_busy_zone);
  g_test_add_func ("/template/plan/replaces", test_replaces_words);
  g_test_add_func ("/template/plan/already-applied", test_already_applied);
  g_test_add_func ("/template/plan/cname", test_cname_conflict);
  g_test_add_func ("/template/spf-merge", test_spf_merge);
  g_test_add_func ("/template/parameters", test_parameters_checked);
  g_test_add_func ("/template/optional-records", test_optional_records);
  g_test_add_func ("/template/invalid-files", test_invalid_files);
  g_test_add_func ("/template/invalid-record", test_invalid_record);
  g_test_add_func ("/template/user", test_user_templates);
  g_test_add_func ("/template/save-records", test_save_records);
  return g_test_run ();
}
