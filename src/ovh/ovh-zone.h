/* ovh-zone.h: one DNS zone hosted at OVH: info, SOA and its records as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zone editor and the CLI code against this header: extend it, never break it.
 *
 * Loading reads GET /domain/zone/{zone}/soa first. When the on-disk cache holds the same
 * serial, the records and info come from the cache (one request in all). Otherwise the
 * records are loaded in as few requests as the endpoint allows (see ovh-record-loader.h),
 * together with GET /domain/zone/{zone}, and the cache is rewritten.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-client.h"
#include "ovh-record.h"

G_BEGIN_DECLS

/* How the records of a zone are fetched. AUTO tries them in this order, detecting from the
 * answers what the endpoint supports, and remembers per endpoint what worked. */
typedef enum
{
  OVH_RECORD_LOAD_STRATEGY_AUTO,
  OVH_RECORD_LOAD_STRATEGY_EXPANDED, /* X-Pagination-Mode: CachedObjectList-Pages */
  OVH_RECORD_LOAD_STRATEGY_BATCH,    /* X-Ovh-Batch: "," with 50 ids a request */
  OVH_RECORD_LOAD_STRATEGY_PER_ID,   /* one GET per id, a few in flight */
} OvhRecordLoadStrategy;

#define OVH_TYPE_RECORD_LOAD_STRATEGY (ovh_record_load_strategy_get_type ())
GType ovh_record_load_strategy_get_type (void);

typedef enum
{
  OVH_ZONE_LOAD_STATE_EMPTY,   /* never loaded */
  OVH_ZONE_LOAD_STATE_LOADING, /* n-loaded / n-total move */
  OVH_ZONE_LOAD_STATE_LOADED,
  OVH_ZONE_LOAD_STATE_FAILED, /* the previous records (if any) are kept */
} OvhZoneLoadState;

#define OVH_TYPE_ZONE_LOAD_STATE (ovh_zone_load_state_get_type ())
GType ovh_zone_load_state_get_type (void);

typedef enum
{
  OVH_ZONE_LOAD_DEFAULT = 0,
  OVH_ZONE_LOAD_BYPASS_CACHE = 1 << 0, /* always fetch the records (and rewrite the cache) */
} OvhZoneLoadFlags;

#define OVH_TYPE_ZONE (ovh_zone_get_type ())
G_DECLARE_FINAL_TYPE (OvhZone, ovh_zone, OVH, ZONE, GObject)

/* Properties (read-only unless said, all EXPLICIT_NOTIFY):
 *   "client" (construct-only), "name" (construct-only),
 *   "records" (GListModel of OvhRecord; the same object for the zone's whole life),
 *   "load-state", "n-loaded", "n-total" (records fetched so far / announced while loading),
 *   "serial", "default-ttl", "name-servers", "dnssec-supported", "has-dns-anycast",
 *   "last-update", "strategy" (used by the last network load), "from-cache" (last load),
 *   "load-strategy" (readwrite: AUTO or a forced strategy),
 *   "cache-enabled" (readwrite, default TRUE), "cache-dir" (readwrite, NULL = default). */
OvhZone *ovh_zone_new (OvhClient *client, const char *name);

OvhClient *ovh_zone_get_client (OvhZone *self);
const char *ovh_zone_get_name (OvhZone *self);

/* A GListModel of OvhRecord, in the order OVH listed them. Edits through the changeset
 * emit precise items-changed (one row added, replaced or removed); a load replaces the
 * whole content in one items-changed. */
GListModel *ovh_zone_get_records (OvhZone *self);
guint ovh_zone_get_n_records (OvhZone *self);
/* O(1) (the first look-up after a removal indexes the rows again). Transfer none; NULL when
 * the zone has no record with that id. */
OvhRecord *ovh_zone_find_record_by_id (OvhZone *self, guint64 id);
/* The record's row in ovh_zone_get_records(). */
gboolean ovh_zone_find_position_by_id (OvhZone *self, guint64 id, guint *position);

OvhZoneLoadState ovh_zone_get_load_state (OvhZone *self);
guint ovh_zone_get_n_loaded (OvhZone *self);
guint ovh_zone_get_n_total (OvhZone *self); /* 0 while unknown */

/* Info (GET /domain/zone/{zone}); NULL / FALSE until loaded. */
const char *const *ovh_zone_get_name_servers (OvhZone *self);
gboolean ovh_zone_get_dnssec_supported (OvhZone *self);
gboolean ovh_zone_get_has_dns_anycast (OvhZone *self);
GDateTime *ovh_zone_get_last_update (OvhZone *self);

/* SOA (GET /domain/zone/{zone}/soa); 0 / NULL until loaded. */
guint64 ovh_zone_get_serial (OvhZone *self);
/* The TTL a record with ttl 0 gets: the SOA's ttl (nxDomainTtl when ttl is missing). */
guint ovh_zone_get_default_ttl (OvhZone *self);
const char *ovh_zone_get_soa_server (OvhZone *self);
const char *ovh_zone_get_soa_email (OvhZone *self);
guint ovh_zone_get_soa_refresh (OvhZone *self);
guint ovh_zone_get_soa_expire (OvhZone *self);
guint ovh_zone_get_soa_nx_domain_ttl (OvhZone *self);

/* How the last load went. */
OvhRecordLoadStrategy ovh_zone_get_strategy (OvhZone *self);
gboolean ovh_zone_get_from_cache (OvhZone *self);

/* AUTO by default; a forced strategy fails rather than falling back (tests, benchmark). */
OvhRecordLoadStrategy ovh_zone_get_load_strategy (OvhZone *self);
void ovh_zone_set_load_strategy (OvhZone *self, OvhRecordLoadStrategy strategy);
gboolean ovh_zone_get_cache_enabled (OvhZone *self);
void ovh_zone_set_cache_enabled (OvhZone *self, gboolean enabled);
/* NULL = g_get_user_cache_dir()/domaine/zones. */
const char *ovh_zone_get_cache_dir (OvhZone *self);
void ovh_zone_set_cache_dir (OvhZone *self, const char *cache_dir);

/* Loads SOA, info and records. A second load while one runs fails with G_IO_ERROR_PENDING.
 * Cancelling leaves the previous records in place. */
void ovh_zone_load_async (OvhZone *self,
                          OvhZoneLoadFlags flags,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data);
gboolean ovh_zone_load_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* ovh_zone_load_async with OVH_ZONE_LOAD_BYPASS_CACHE: what Ctrl+R does. */
void ovh_zone_reload_async (OvhZone *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data);
gboolean ovh_zone_reload_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* Removes this zone's cache file (if any). */
void ovh_zone_forget_cache (OvhZone *self);

G_END_DECLS
