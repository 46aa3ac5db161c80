/* ovh-zone-diff.h: what differs between two sets of records of one zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are compared as OVH holds them (parsed, not as text): a record is the same when
 * its name (any case), type, target and TTL are; ids are ignored, so a zone file and the
 * live zone compare. Records of one name and type that differ only by TTL are "changed" with
 * ttl-only set; the rest of a name and type pair up as changed values, then as added or
 * removed. The SOA is OVH's: only its serial is carried, for display.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-changeset.h"
#include "ovh-record.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_ZONE_DIFF_ADDED,
  OVH_ZONE_DIFF_REMOVED,
  OVH_ZONE_DIFF_CHANGED,
} OvhZoneDiffKind;

typedef enum
{
  OVH_ZONE_DIFF_DEFAULT = 0,
  /* Leave the apex NS records out on both sides: OVH manages them, an import cannot. */
  OVH_ZONE_DIFF_SKIP_MANAGED = 1 << 0,
} OvhZoneDiffFlags;

/* A publish, restore or replace that removes or changes more than a third of the zone and
 * more than this many records asks for explicit confirmation. */
#define OVH_ZONE_DIFF_GUARD_MIN 5

#define OVH_TYPE_ZONE_DIFF_ITEM (ovh_zone_diff_item_get_type ())
G_DECLARE_FINAL_TYPE (OvhZoneDiffItem, ovh_zone_diff_item, OVH, ZONE_DIFF_ITEM, GObject)

/* Properties (read-only): "kind", "before" (NULL when added), "after" (NULL when removed),
 * "ttl-only". */
OvhZoneDiffKind ovh_zone_diff_item_get_kind (OvhZoneDiffItem *self);
OvhRecord *ovh_zone_diff_item_get_before (OvhZoneDiffItem *self);
OvhRecord *ovh_zone_diff_item_get_after (OvhZoneDiffItem *self);
/* The after record, or the before one when removed. */
OvhRecord *ovh_zone_diff_item_get_record (OvhZoneDiffItem *self);
gboolean ovh_zone_diff_item_get_ttl_only (OvhZoneDiffItem *self);

#define OVH_TYPE_ZONE_DIFF (ovh_zone_diff_get_type ())
G_DECLARE_FINAL_TYPE (OvhZoneDiff, ovh_zone_diff, OVH, ZONE_DIFF, GObject)

/* before, after: OvhRecord items (GPtrArray) or a GListModel of them. */
OvhZoneDiff *ovh_zone_diff_new (GPtrArray *before, GPtrArray *after, OvhZoneDiffFlags flags);
OvhZoneDiff *
ovh_zone_diff_new_from_model (GListModel *before, GPtrArray *after, OvhZoneDiffFlags flags);

/* The differences sorted by name (apex first) and type: OvhZoneDiffItem. */
GListModel *ovh_zone_diff_get_items (OvhZoneDiff *self);
guint ovh_zone_diff_get_n_added (OvhZoneDiff *self);
guint ovh_zone_diff_get_n_removed (OvhZoneDiff *self);
guint ovh_zone_diff_get_n_changed (OvhZoneDiff *self);
/* How many of the changed ones differ by TTL alone. */
guint ovh_zone_diff_get_n_ttl_only (OvhZoneDiff *self);
/* How many records the before side counted (what the guard compares with). */
guint ovh_zone_diff_get_n_before (OvhZoneDiff *self);
gboolean ovh_zone_diff_is_empty (OvhZoneDiff *self);

/* SOA serials, when known (0 otherwise): shown apart, never a difference of records. */
void ovh_zone_diff_set_serials (OvhZoneDiff *self, guint64 before, guint64 after);
guint64 ovh_zone_diff_get_serial_before (OvhZoneDiff *self);
guint64 ovh_zone_diff_get_serial_after (OvhZoneDiff *self);

/* TRUE when removed + changed is more than a third of the before side and more than
 * OVH_ZONE_DIFF_GUARD_MIN: the caller must ask before going on. */
gboolean ovh_zone_diff_needs_confirmation (OvhZoneDiff *self);
/* The same rule on counts, for a changeset about to be published. */
gboolean ovh_zone_diff_guard_applies (guint n_records, guint n_removed_or_changed);

/* {"added": [record…], "removed": [record…], "changed": [{"before", "after", "ttlOnly"}…]},
 * records as {id, zone, subDomain, fieldType, target, ttl}. */
JsonNode *ovh_zone_diff_to_json (OvhZoneDiff *self);
JsonNode *ovh_zone_diff_record_to_json (OvhRecord *record);

/* Stages items (OvhZoneDiffItem, or NULL for all of them) as pending changes of changeset,
 * whose zone must be the before side: removed → delete, changed → update of the same id,
 * added → create. Records that did not change are left alone and keep their ids. Either
 * everything is staged or nothing is (a record that already has a pending change refuses the
 * whole set with OVH_CHANGESET_ERROR_BUSY). Returns the number of changes staged, or -1. */
gint
ovh_zone_diff_stage (OvhZoneDiff *self, OvhChangeset *changeset, GPtrArray *items, GError **error);

G_END_DECLS
