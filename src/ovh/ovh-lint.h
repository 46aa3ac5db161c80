/* ovh-lint.h: expert checks over a zone's records, staged changes included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions: no network unless a resolver is given, no GTK. Each finding has a stable
 * code ("spf-multiple"), a severity, the record it is about (or NULL), a translated message
 * saying what is wrong and an explanation saying why it matters and how to fix it; where the
 * fix is unambiguous, a fix (delete the record, or update it to given values).
 */
#pragma once

#include <gio/gio.h>

#include "ovh-changeset.h"
#include "ovh-record.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_LINT_SEVERITY_INFO,
  OVH_LINT_SEVERITY_WARNING, /* likely wrong */
  OVH_LINT_SEVERITY_ERROR,   /* breaks something */
} OvhLintSeverity;

typedef enum
{
  OVH_LINT_FIX_NONE,
  OVH_LINT_FIX_DELETE, /* remove the finding's record */
  OVH_LINT_FIX_UPDATE, /* give the finding's record the fix record's sub-domain, target, ttl */
} OvhLintFixKind;

/* What a DNS lookup said, for checks that look outside the zone. */
typedef enum
{
  OVH_LINT_LOOKUP_OK,       /* the name exists (txt may be empty: no TXT there) */
  OVH_LINT_LOOKUP_NXDOMAIN, /* the name does not exist */
  OVH_LINT_LOOKUP_FAILED,   /* no answer: unknown */
} OvhLintLookup;

/* Pluggable DNS: lint runs without one (names outside the zone are then not followed) and
 * with one (src/dns gives a real one; tests give their own). Functions are called from the
 * thread running the lint and may block. */
typedef struct
{
  /* TXT at name (absolute, no final dot); *txt gets one string per record, strings of a
   * record joined. May be called with txt NULL to ask only whether the name exists. */
  OvhLintLookup (*lookup_txt) (gpointer user_data, const char *name, GStrv *txt);
  gpointer user_data;
} OvhLintResolver;

/* The RFC 7208 limit on DNS-querying SPF terms. */
#define OVH_LINT_SPF_MAX_LOOKUPS 10
/* ttl-extreme bounds, in seconds. */
#define OVH_LINT_TTL_MIN 60
#define OVH_LINT_TTL_MAX 604800

#define OVH_TYPE_LINT_FINDING (ovh_lint_finding_get_type ())
G_DECLARE_FINAL_TYPE (OvhLintFinding, ovh_lint_finding, OVH, LINT_FINDING, GObject)

const char *ovh_lint_finding_get_code (OvhLintFinding *self);
OvhLintSeverity ovh_lint_finding_get_severity (OvhLintFinding *self);
/* The record as linted (an existing record, or a staged create's or update's new values). */
OvhRecord *ovh_lint_finding_get_record (OvhLintFinding *self);
const char *ovh_lint_finding_get_message (OvhLintFinding *self);
const char *ovh_lint_finding_get_explanation (OvhLintFinding *self);
OvhLintFixKind ovh_lint_finding_get_fix_kind (OvhLintFinding *self);
/* The record's place in the array that was linted (G_MAXUINT when about no record). */
guint ovh_lint_finding_get_index (OvhLintFinding *self);
/* For OVH_LINT_FIX_UPDATE: the record with the fixed values. */
OvhRecord *ovh_lint_finding_get_fix (OvhLintFinding *self);
/* "Delete this duplicate", "Set the TTL to 60 seconds": a button label; NULL without fix. */
const char *ovh_lint_finding_get_fix_label (OvhLintFinding *self);

/* "error", "warning", "info" (stable, for JSON) and the translated word. */
const char *ovh_lint_severity_to_string (OvhLintSeverity severity);
const char *ovh_lint_severity_get_label (OvhLintSeverity severity);

/* Every code lint can report, NULL-terminated, stable. */
const char *const *ovh_lint_get_codes (void);

/* The zone as it will be once changes are applied: records (OvhRecord) without the staged
 * deletes, staged updates in place of their records, staged creates added. changeset may
 * be NULL. Returns a new array of new references. */
GPtrArray *ovh_lint_effective_records (GListModel *records, OvhChangeset *changeset);

/* Lints zone (its name, e.g. "example.com") holding records (OvhRecord). resolver may be
 * NULL. Returns the findings (OvhLintFinding), errors first, then by record order. */
GPtrArray *ovh_lint_zone (const char *zone, GPtrArray *records, const OvhLintResolver *resolver);

/* The findings about candidate as if it were in records (replacing the record with its id,
 * when non-zero): for an editor, as the user types. No resolver: never blocks. */
GPtrArray *ovh_lint_record (const char *zone, GPtrArray *records, OvhRecord *candidate);

/* ovh_lint_zone() on a thread (the resolver may block). */
void ovh_lint_zone_async (const char *zone,
                          GPtrArray *records,
                          const OvhLintResolver *resolver,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data);
GPtrArray *ovh_lint_zone_finish (GAsyncResult *result, GError **error);

G_END_DECLS
