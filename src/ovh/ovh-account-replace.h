/* ovh-account-replace.h: replace text in record values across the zones of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning turns the loaded zones of an OvhAccountSearch into one OvhZoneReplacement per zone
 * that a replacement touches: an OvhChangeset holding an update for each record whose value
 * changes, the same as an OvhZoneDiff for review, and the records whose new value OVH would
 * refuse (reported, never staged). Applying applies each zone's changeset, a few zones at a
 * time: each changeset publishes its zone with exactly one refresh; a zone that fails keeps its
 * failed changes staged and the others go on.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-account-search.h"
#include "ovh-changeset.h"
#include "ovh-zone-diff.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_ZONE_REPLACEMENT_STAGED,    /* planned, not sent */
  OVH_ZONE_REPLACEMENT_APPLYING,  /* changes in flight, then the refresh */
  OVH_ZONE_REPLACEMENT_PUBLISHED, /* applied and published */
  OVH_ZONE_REPLACEMENT_FAILED,    /* see "error": what failed is still staged */
  OVH_ZONE_REPLACEMENT_UNCHANGED, /* nothing to send (only refused values) */
} OvhZoneReplacementState;

#define OVH_TYPE_ZONE_REPLACEMENT_STATE (ovh_zone_replacement_state_get_type ())
GType ovh_zone_replacement_state_get_type (void);

/* A record whose replaced value OVH would refuse. */
typedef struct
{
  OvhRecord *record; /* as OVH has it */
  char *new_value;
  GError *error; /* OVH_RECORD_ERROR, translated */
} OvhReplaceRefusal;

void ovh_replace_refusal_free (OvhReplaceRefusal *refusal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhReplaceRefusal, ovh_replace_refusal_free)

#define OVH_TYPE_ZONE_REPLACEMENT (ovh_zone_replacement_get_type ())
G_DECLARE_FINAL_TYPE (OvhZoneReplacement, ovh_zone_replacement, OVH, ZONE_REPLACEMENT, GObject)

/* Properties (read-only, EXPLICIT_NOTIFY): "zone", "zone-name", "changeset", "diff", "state",
 * "error" (GError boxed, for FAILED). */
OvhZone *ovh_zone_replacement_get_zone (OvhZoneReplacement *self);
const char *ovh_zone_replacement_get_zone_name (OvhZoneReplacement *self);
OvhChangeset *ovh_zone_replacement_get_changeset (OvhZoneReplacement *self);
/* The zone's records before, against the same with the new values (changed items only). */
OvhZoneDiff *ovh_zone_replacement_get_diff (OvhZoneReplacement *self);
/* OvhReplaceRefusal items (transfer none). */
GPtrArray *ovh_zone_replacement_get_refusals (OvhZoneReplacement *self);
OvhZoneReplacementState ovh_zone_replacement_get_state (OvhZoneReplacement *self);
const GError *ovh_zone_replacement_get_error (OvhZoneReplacement *self);

/* The replacement of replacer's text in the values of the search's loaded records (of type
 * type only, when not NULL): an OvhZoneReplacement for each zone with a changed or refused
 * value, by zone name (a GListModel, transfer full). */
GListModel *ovh_account_replace_plan (OvhAccountSearch *search,
                                      const OvhValueReplacer *replacer,
                                      const char *type);

/* Totals over a plan. */
guint ovh_account_replace_count_changes (GListModel *plan);
guint ovh_account_replace_count_refusals (GListModel *plan);

/* Applies and publishes each STAGED or FAILED zone of plan, max_in_flight zones at a time
 * (0 = OVH_ACCOUNT_SEARCH_DEFAULT_MAX_IN_FLIGHT). TRUE when every zone was published; else
 * OVH_CHANGESET_ERROR_PARTIAL naming the zones that failed (each with its own "error"), or
 * G_IO_ERROR_CANCELLED (zones not yet started stay STAGED). */
void ovh_account_replace_apply_async (GListModel *plan,
                                      guint max_in_flight,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean ovh_account_replace_apply_finish (GAsyncResult *result, GError **error);

G_END_DECLS
