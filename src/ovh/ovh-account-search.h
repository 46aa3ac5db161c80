/* ovh-account-search.h: find records across every zone of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading lists the account's zones (GET /domain/zone) unless they were named, then loads each
 * one as OvhZone does (the SOA first; the records from the on-disk cache while its serial holds,
 * else through the record loader), a few zones at a time. A zone that cannot be loaded is kept
 * aside with its error and the others go on. Finding is then synchronous over the loaded
 * records, so that a view can search as the user types; replacing is in ovh-account-replace.h.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-client.h"
#include "ovh-value-replace.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

#define OVH_ACCOUNT_SEARCH_DEFAULT_MAX_IN_FLIGHT 4

/* What of a record the text is looked for in. */
typedef enum
{
  OVH_ACCOUNT_SEARCH_VALUE = 1 << 0, /* the target, as OVH holds it */
  OVH_ACCOUNT_SEARCH_NAME = 1 << 1,  /* the sub-domain, and the full name */
  OVH_ACCOUNT_SEARCH_TYPE = 1 << 2,  /* the field type ("MX") */
  OVH_ACCOUNT_SEARCH_ALL = 0x7,
} OvhAccountSearchFields;

/* One more place to look when the record's own fields hold no match: for what Domaine keeps
 * about a record outside OVH (a local note). zone is the zone's name. */
typedef gboolean (*OvhAccountSearchMatchFunc) (const char *zone,
                                               OvhRecord *record,
                                               const OvhValueReplacer *matcher,
                                               gpointer user_data);

/* The matches of one zone. */
#define OVH_TYPE_ZONE_MATCHES (ovh_zone_matches_get_type ())
G_DECLARE_FINAL_TYPE (OvhZoneMatches, ovh_zone_matches, OVH, ZONE_MATCHES, GObject)

/* Properties (read-only): "zone" (OvhZone), "zone-name", "records" (GListModel of OvhRecord,
 * in the zone's order). */
OvhZone *ovh_zone_matches_get_zone (OvhZoneMatches *self);
const char *ovh_zone_matches_get_zone_name (OvhZoneMatches *self);
GListModel *ovh_zone_matches_get_records (OvhZoneMatches *self);

#define OVH_TYPE_ACCOUNT_SEARCH (ovh_account_search_get_type ())
G_DECLARE_FINAL_TYPE (OvhAccountSearch, ovh_account_search, OVH, ACCOUNT_SEARCH, GObject)

/* Properties (read-only, EXPLICIT_NOTIFY): "client" (construct-only), "loading",
 * "n-zones" (known once listed), "n-zones-loaded" (loaded or failed so far). */
OvhAccountSearch *ovh_account_search_new (OvhClient *client);

OvhClient *ovh_account_search_get_client (OvhAccountSearch *self);
gboolean ovh_account_search_get_loading (OvhAccountSearch *self);
guint ovh_account_search_get_n_zones (OvhAccountSearch *self);
guint ovh_account_search_get_n_zones_loaded (OvhAccountSearch *self);

/* Set before loading. zone_names NULL (the default) = every zone of the account. */
void ovh_account_search_set_zone_names (OvhAccountSearch *self, const char *const *zone_names);
/* How many zones load at once (default OVH_ACCOUNT_SEARCH_DEFAULT_MAX_IN_FLIGHT). */
void ovh_account_search_set_max_in_flight (OvhAccountSearch *self, guint max_in_flight);
/* How each zone loads: OVH_ZONE_LOAD_BYPASS_CACHE for a caller about to change records. */
void ovh_account_search_set_load_flags (OvhAccountSearch *self, OvhZoneLoadFlags flags);
/* Passed on to each zone (see ovh_zone_set_cache_dir); NULL = the default folder. */
void ovh_account_search_set_cache_dir (OvhAccountSearch *self, const char *cache_dir);
void ovh_account_search_set_match_func (OvhAccountSearch *self,
                                        OvhAccountSearchMatchFunc func,
                                        gpointer user_data,
                                        GDestroyNotify destroy);
/* The match function that finds records by the notes Domaine keeps for account_id (see
 * ovh-record-notes.h); base_dir NULL = the user's data folder. Each zone's notes are read once. */
void ovh_account_search_match_notes (OvhAccountSearch *self,
                                     const char *base_dir,
                                     const char *account_id);

/* Lists (if needed) and loads the zones. Fails only when the listing does, or when cancelled
 * (zones already loaded stay); a zone that fails is in ovh_account_search_get_failed_zones(). */
void ovh_account_search_load_async (OvhAccountSearch *self,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
gboolean
ovh_account_search_load_finish (OvhAccountSearch *self, GAsyncResult *result, GError **error);

/* The zones loaded by the last load, sorted by name (OvhZone, transfer none). */
GPtrArray *ovh_account_search_get_zones (OvhAccountSearch *self);
/* The zones that could not be loaded, sorted, and why (transfer none). */
const char *const *ovh_account_search_get_failed_zones (OvhAccountSearch *self);
const GError *ovh_account_search_get_zone_error (OvhAccountSearch *self, const char *zone_name);

/* The loaded records that match: in the fields given, or through the match function; of type
 * type only when not NULL ("MX", any case). A GListModel of OvhZoneMatches, by zone name,
 * zones without a match left out (transfer full). */
GListModel *ovh_account_search_find (OvhAccountSearch *self,
                                     const OvhValueReplacer *matcher,
                                     OvhAccountSearchFields fields,
                                     const char *type);
/* Whether record matches as ovh_account_search_find() decides it. */
gboolean ovh_account_search_record_matches (OvhAccountSearch *self,
                                            const char *zone_name,
                                            OvhRecord *record,
                                            const OvhValueReplacer *matcher,
                                            OvhAccountSearchFields fields,
                                            const char *type);

G_END_DECLS
