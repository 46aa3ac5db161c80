/* ovh-zone-template.h: a named set of records with parameters, planned against a zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is a key file (one per template): [Template] with Title, Description, Category
 * (each localised the key-file way, Title[fr]=…) and Replaces (the "NAME TYPE" sets it takes
 * over); one [Parameter KEY] group per parameter (Label, Default, Kind = name | text,
 * Optional); [Records], whose values are zone-file lines relative to the zone with {KEY}
 * and {zone} placeholders. A record that uses an optional parameter left empty is left out.
 *
 * Planning a template against a zone's records gives the diff that applying it stages, and
 * the conflicts, in words: sets it replaces, records a CNAME cannot stand beside, and an SPF
 * policy merged into the existing one instead of a second one. Nothing is staged by planning.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-zone-diff.h"

G_BEGIN_DECLS

#define OVH_ZONE_TEMPLATE_ERROR (ovh_zone_template_error_quark ())

typedef enum
{
  OVH_ZONE_TEMPLATE_ERROR_INVALID,   /* the template file itself */
  OVH_ZONE_TEMPLATE_ERROR_PARAMETER, /* a value given for a parameter */
  OVH_ZONE_TEMPLATE_ERROR_NOT_FOUND,
} OvhZoneTemplateError;

GQuark ovh_zone_template_error_quark (void);

typedef enum
{
  OVH_ZONE_TEMPLATE_PARAMETER_NAME, /* a host name or label: no spaces, no quotes */
  OVH_ZONE_TEMPLATE_PARAMETER_TEXT, /* free text on one line, without double quotes */
} OvhZoneTemplateParameterKind;

typedef struct
{
  char *key;
  char *label;         /* localised */
  char *default_value; /* NULL when none */
  OvhZoneTemplateParameterKind kind;
  gboolean optional;
} OvhZoneTemplateParameter;

#define OVH_TYPE_ZONE_TEMPLATE (ovh_zone_template_get_type ())
G_DECLARE_FINAL_TYPE (OvhZoneTemplate, ovh_zone_template, OVH, ZONE_TEMPLATE, GObject)

OvhZoneTemplate *
ovh_zone_template_new_from_data (const char *id, const char *data, gsize length, GError **error);

/* Properties (read-only): "id" (the file name without .domaine-template), "title",
 * "description", "category" (localised), "user" (TRUE for one the user saved). */
const char *ovh_zone_template_get_id (OvhZoneTemplate *self);
const char *ovh_zone_template_get_title (OvhZoneTemplate *self);
const char *ovh_zone_template_get_description (OvhZoneTemplate *self);
const char *ovh_zone_template_get_category (OvhZoneTemplate *self);
gboolean ovh_zone_template_get_user (OvhZoneTemplate *self);

/* The "NAME TYPE" record sets the template takes over. */
const char *const *ovh_zone_template_get_replaces (OvhZoneTemplate *self);

/* The records as the file writes them, placeholders unfilled. */
const char *const *ovh_zone_template_get_record_lines (OvhZoneTemplate *self);

/* OvhZoneTemplateParameter, in file order (do not free). */
GPtrArray *ovh_zone_template_get_parameters (OvhZoneTemplate *self);

/* The records for zone with values (KEY → value; missing keys take their default), as
 * OvhRecord (id 0). Refuses a missing required value or one its kind does not allow. */
GPtrArray *ovh_zone_template_expand (OvhZoneTemplate *self,
                                     const char *zone,
                                     GHashTable *values,
                                     GError **error);

/* The shipped templates, then the user's ($XDG_DATA_HOME/domaine/templates), sorted by
 * title. A user file that does not read is left out with a warning on *problems (strings). */
GPtrArray *ovh_zone_template_list_all (GPtrArray **problems);
OvhZoneTemplate *ovh_zone_template_find (const char *id, GError **error);

/* A user template's key file from records of zone: each mention of the zone's name becomes
 * {zone}; the record sets it holds (TXT-like ones aside) become what it replaces. Refuses an
 * empty title, no records, and a value holding a brace. */
char *ovh_zone_template_data_from_records (const char *title,
                                           const char *zone,
                                           GPtrArray *records,
                                           GError **error);
/* The same, saved (0600) in the user's templates folder under a name made from the title, and
 * read back as the template now listed. */
OvhZoneTemplate *ovh_zone_template_save_records (const char *title,
                                                 const char *zone,
                                                 GPtrArray *records,
                                                 GError **error);

#define OVH_TYPE_ZONE_TEMPLATE_PLAN (ovh_zone_template_plan_get_type ())
G_DECLARE_FINAL_TYPE (OvhZoneTemplatePlan, ovh_zone_template_plan, OVH, ZONE_TEMPLATE_PLAN, GObject)

/* current: the zone's OvhRecord items as loaded. */
OvhZoneTemplatePlan *ovh_zone_template_plan_new (OvhZoneTemplate *self,
                                                 const char *zone,
                                                 GListModel *current,
                                                 GHashTable *values,
                                                 GError **error);
OvhZoneDiff *ovh_zone_template_plan_get_diff (OvhZoneTemplatePlan *self);
/* Each conflict in words (translated), in the order of the records. */
GStrv ovh_zone_template_plan_get_conflicts (OvhZoneTemplatePlan *self);
/* TRUE when applying removes or changes a record already in the zone: ask first. */
gboolean ovh_zone_template_plan_needs_confirmation (OvhZoneTemplatePlan *self);

/* Merges the mechanisms of the SPF policy extra into base (both "v=spf1 …"): base's terms,
 * then extra's that base lacks, its "all" (or redirect) kept last. NULL when either is not
 * an SPF policy. */
char *ovh_spf_merge (const char *base, const char *extra);

G_END_DECLS
