/* ovh-zone-template-plan.c: what applying a template to a zone changes, and what it replaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-zone-template.h"

struct _OvhZoneTemplatePlan
{
  GObject parent_instance;

  OvhZoneDiff *diff;
  GStrv conflicts;
};

G_DEFINE_FINAL_TYPE (OvhZoneTemplatePlan, ovh_zone_template_plan, G_TYPE_OBJECT)

static void
ovh_zone_template_plan_finalize (GObject *object)
{
  OvhZoneTemplatePlan *self = OVH_ZONE_TEMPLATE_PLAN (object);

  g_clear_object (&self->diff);
  g_strfreev (self->conflicts);
  G_OBJECT_CLASS (ovh_zone_template_plan_parent_class)->finalize (object);
}

static void
ovh_zone_template_plan_class_init (OvhZoneTemplatePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ovh_zone_template_plan_finalize;
}

static void
ovh_zone_template_plan_init (OvhZoneTemplatePlan *self)
{
}

/* --- SPF ---------------------------------------------------------------------------------- */

static gboolean
is_spf_text (const char *text)
{
  return text != NULL && g_ascii_strncasecmp (text, "v=spf1", 6) == 0
         && (text[6] == '\0' || text[6] == ' ');
}

static gboolean
is_final_term (const char *term)
{
  const char *bare = strchr ("+-~?", term[0]) != NULL ? term + 1 : term;

  return g_ascii_strcasecmp (bare, "all") == 0 || g_ascii_strncasecmp (term, "redirect=", 9) == 0;
}

static gboolean
has_term (GPtrArray *terms, const char *term)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (terms, i), term) == 0)
      return TRUE;
  return FALSE;
}

char *
ovh_spf_merge (const char *base, const char *extra)
{
  g_auto (GStrv) base_terms = NULL;
  g_auto (GStrv) extra_terms = NULL;
  g_autoptr (GPtrArray) terms = g_ptr_array_new ();
  const char *final = NULL;
  g_autoptr (GString) merged = g_string_new ("v=spf1");

  if (!is_spf_text (base) || !is_spf_text (extra))
    return NULL;
  base_terms = g_strsplit_set (base + 6, " ", -1);
  extra_terms = g_strsplit_set (extra + 6, " ", -1);

  for (guint i = 0; base_terms[i] != NULL; i++)
    if (*base_terms[i] != '\0')
      {
        if (is_final_term (base_terms[i]))
          final = final != NULL ? final : base_terms[i];
        else if (!has_term (terms, base_terms[i]))
          g_ptr_array_add (terms, base_terms[i]);
      }
  for (guint i = 0; extra_terms[i] != NULL; i++)
    if (*extra_terms[i] != '\0')
      {
        if (is_final_term (extra_terms[i]))
          final = final != NULL ? final : extra_terms[i];
        else if (!has_term (terms, extra_terms[i]))
          g_ptr_array_add (terms, extra_terms[i]);
      }

  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (merged, " %s", (const char *) g_ptr_array_index (terms, i));
  if (final != NULL)
    g_string_append_printf (merged, " %s", final);
  return g_string_free (g_steal_pointer (&merged), FALSE);
}

static gboolean
record_is_spf (OvhRecord *record)
{
  const char *type = ovh_record_get_field_type (record);

  return (g_str_equal (type, "SPF") || g_str_equal (type, "TXT"))
         && is_spf_text (ovh_record_get_target (record));
}

/* --- Planning ------------------------------------------------------------------------------ */

static void
add_conflict (GStrvBuilder *conflicts, char *text)
{
  g_strv_builder_add (conflicts, text);
  g_free (text);
}

static const char *
shown_name (const char *sub_domain)
{
  return *sub_domain == '\0' ? "@" : sub_domain;
}

static gboolean
same_name (OvhRecord *record, const char *sub_domain)
{
  return g_ascii_strcasecmp (ovh_record_get_sub_domain (record), sub_domain) == 0;
}

/* Removes from target the records at sub_domain whose type matches (type NULL: any type but
 * except_type). Returns how many. */
static guint
remove_at (GPtrArray *target, const char *sub_domain, const char *type, const char *except_type)
{
  guint removed = 0;

  for (guint i = target->len; i > 0; i--)
    {
      OvhRecord *record = g_ptr_array_index (target, i - 1);
      const char *record_type = ovh_record_get_field_type (record);

      if (!same_name (record, sub_domain))
        continue;
      if ((type != NULL && g_str_equal (record_type, type))
          || (type == NULL && (except_type == NULL || !g_str_equal (record_type, except_type))))
        {
          g_ptr_array_remove_index (target, i - 1);
          removed++;
        }
    }
  return removed;
}

static OvhRecord *
find_equal (GPtrArray *target, OvhRecord *wanted)
{
  for (guint i = 0; i < target->len; i++)
    {
      OvhRecord *record = g_ptr_array_index (target, i);

      if (same_name (record, ovh_record_get_sub_domain (wanted))
          && g_str_equal (ovh_record_get_field_type (record), ovh_record_get_field_type (wanted))
          && g_str_equal (ovh_record_get_target (record), ovh_record_get_target (wanted)))
        return record;
    }
  return NULL;
}

static void
apply_replaces (OvhZoneTemplate *template,
                GPtrArray *target,
                GPtrArray *records,
                GStrvBuilder *conflicts)
{
  g_auto (GStrv) replaces = g_strdupv ((GStrv) ovh_zone_template_get_replaces (template));

  /* Each set is "NAME TYPE": "@ MX", "www CNAME". */
  for (guint i = 0; replaces != NULL && replaces[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (g_strstrip (replaces[i]), " ", 2);
      const char *sub_domain;
      guint kept = 0;
      guint removed;

      if (g_strv_length (parts) != 2)
        continue;
      sub_domain = g_str_equal (parts[0], "@") ? "" : parts[0];
      /* Records the template itself brings are not "replaced". */
      for (guint j = 0; j < records->len; j++)
        if (find_equal (target, g_ptr_array_index (records, j)) != NULL
            && same_name (g_ptr_array_index (records, j), sub_domain)
            && g_str_equal (ovh_record_get_field_type (g_ptr_array_index (records, j)), parts[1]))
          kept++;
      removed = remove_at (target, sub_domain, parts[1], NULL);
      if (removed > kept)
        add_conflict (
            conflicts,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Replaces the %u %s record at %s",
                                          "Replaces the %u %s records at %s", removed - kept),
                             removed - kept, parts[1], shown_name (sub_domain)));
    }
}

static void
add_record (GPtrArray *target, OvhRecord *record, GStrvBuilder *conflicts)
{
  const char *sub_domain = ovh_record_get_sub_domain (record);
  const char *type = ovh_record_get_field_type (record);
  guint removed;

  if (find_equal (target, record) != NULL)
    return;

  if (record_is_spf (record))
    for (guint i = 0; i < target->len; i++)
      {
        OvhRecord *existing = g_ptr_array_index (target, i);
        g_autofree char *merged = NULL;

        if (!same_name (existing, sub_domain) || !record_is_spf (existing))
          continue;
        merged = ovh_spf_merge (ovh_record_get_target (existing), ovh_record_get_target (record));
        if (g_str_equal (merged, ovh_record_get_target (existing)))
          return;
        g_ptr_array_index (target, i) = ovh_record_new (ovh_record_get_zone (existing), sub_domain,
                                                        ovh_record_get_field_type (existing),
                                                        merged, ovh_record_get_ttl (existing));
        g_object_unref (existing);
        add_conflict (conflicts,
                      /* Translators: %s is a name in the zone, “@” for the apex */
                      g_strdup_printf (_ ("Merges into the SPF policy at %s instead of "
                                          "adding a second one"),
                                       shown_name (sub_domain)));
        return;
      }

  if (g_str_equal (type, "CNAME"))
    {
      removed = remove_at (target, sub_domain, NULL, "");
      if (removed > 0)
        add_conflict (conflicts, g_strdup_printf (
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "%s: a CNAME cannot stand beside another record: "
                                                  "removes the %u record there",
                                                  "%s: a CNAME cannot stand beside other records: "
                                                  "removes the %u records there",
                                                  removed),
                                     shown_name (sub_domain), removed));
    }
  else if (remove_at (target, sub_domain, "CNAME", NULL) > 0)
    add_conflict (conflicts,
                  /* Translators: %s is a name in the zone, “@” for the apex */
                  g_strdup_printf (_ ("%s: replaces the CNAME there"), shown_name (sub_domain)));
  g_ptr_array_add (target, g_object_ref (record));
}

OvhZoneTemplatePlan *
ovh_zone_template_plan_new (OvhZoneTemplate *template,
                            const char *zone,
                            GListModel *current,
                            GHashTable *values,
                            GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) target = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GStrvBuilder) conflicts = g_strv_builder_new ();
  OvhZoneTemplatePlan *self;

  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE (template), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (current), NULL);

  records = ovh_zone_template_expand (template, zone, values, error);
  if (records == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (current); i++)
    {
      OvhRecord *record = g_list_model_get_item (current, i);

      g_ptr_array_add (target, g_object_ref (record));
      g_ptr_array_add (before, record);
    }

  apply_replaces (template, target, records, conflicts);
  for (guint i = 0; i < records->len; i++)
    add_record (target, g_ptr_array_index (records, i), conflicts);

  self = g_object_new (OVH_TYPE_ZONE_TEMPLATE_PLAN, NULL);
  self->diff = ovh_zone_diff_new (before, target, OVH_ZONE_DIFF_SKIP_MANAGED);
  self->conflicts = g_strv_builder_end (conflicts);
  return self;
}

OvhZoneDiff *
ovh_zone_template_plan_get_diff (OvhZoneTemplatePlan *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE_PLAN (self), NULL);
  return self->diff;
}

GStrv
ovh_zone_template_plan_get_conflicts (OvhZoneTemplatePlan *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE_PLAN (self), NULL);
  return self->conflicts;
}

gboolean
ovh_zone_template_plan_needs_confirmation (OvhZoneTemplatePlan *self)
{
  g_return_val_if_fail (OVH_IS_ZONE_TEMPLATE_PLAN (self), FALSE);
  return ovh_zone_diff_get_n_removed (self->diff) + ovh_zone_diff_get_n_changed (self->diff) > 0;
}
