/* ovh-lint-private.h: what the lint sources share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-lint.h"

G_BEGIN_DECLS

typedef struct
{
  char *zone; /* lowercase, no final dot */
  GPtrArray *records;
  const OvhLintResolver *resolver;
  char **owners;          /* per record: lowercase sub-domain, "" for the apex */
  GHashTable *by_name;    /* owner → GPtrArray of record indexes (GUINT_TO_POINTER) */
  GHashTable *existing;   /* owners and the empty names between them and the apex */
  GHashTable *dns_exists; /* outside name → OvhLintLookup + 1 */
  GPtrArray *findings;
} OvhLintContext;

OvhLintFinding *_ovh_lint_add (OvhLintContext *ctx,
                               const char *code,
                               OvhLintSeverity severity,
                               guint index,
                               char *message,
                               const char *explanation);
void
_ovh_lint_set_fix (OvhLintFinding *finding, OvhLintFixKind kind, OvhRecord *fix, const char *label);

/* A host name of a target as lint sees it: *inside TRUE and the owner ("" for the apex)
 * when it is in the zone, else the absolute name without the final dot. Lowercase. NULL
 * for "." (no host). */
char *_ovh_lint_host (OvhLintContext *ctx, const char *host, gboolean *inside);
/* The records a name inside the zone answers with (a wildcard's when it does not exist),
 * or NULL. */
GPtrArray *_ovh_lint_answer (OvhLintContext *ctx, const char *owner);
/* The record's text for TXT-like types (SPF, DKIM, DMARC, TXT): quotes of a "a" "b" target
 * joined away. NULL for other types. */
char *_ovh_lint_record_text (OvhRecord *record);
gboolean _ovh_lint_is_type (OvhRecord *record, const char *type);

void _ovh_lint_check_spf (OvhLintContext *ctx);
void _ovh_lint_check_dmarc_dkim (OvhLintContext *ctx);
void _ovh_lint_check_caa (OvhLintContext *ctx);
void _ovh_lint_check_txt_length (OvhLintContext *ctx);

G_END_DECLS
