/* ovh-record-loader.h: all records of a zone in as few requests as the endpoint allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strategies, tried in this order under OVH_RECORD_LOAD_STRATEGY_AUTO:
 *   expanded  GET …/record with X-Pagination-Mode: CachedObjectList-Pages: whole objects,
 *             page_size a page, the total in X-Pagination-Elements. An answer holding ids
 *             instead of objects means the mode is not served: the ids feed the next step.
 *   batch     GET …/record/1,2,…,50 with X-Ovh-Batch: ",": one wrapper a record, the
 *             record under "value"; a wrapper with an error is retried alone.
 *   per-id    GET …/record/{id}, max_in_flight at a time.
 * What worked is remembered per endpoint base URL for the life of the process. A forced
 * strategy never falls back. A record that vanished between the listing and its GET (404)
 * is left out; a record of a type Domaine does not know is left out and counted.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-client.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

#define OVH_RECORD_LOADER_DEFAULT_PAGE_SIZE 5000
#define OVH_RECORD_LOADER_DEFAULT_BATCH_SIZE 50
#define OVH_RECORD_LOADER_DEFAULT_MAX_IN_FLIGHT 6

#define OVH_TYPE_RECORD_LOADER (ovh_record_loader_get_type ())
G_DECLARE_FINAL_TYPE (OvhRecordLoader, ovh_record_loader, OVH, RECORD_LOADER, GObject)

/* Properties "n-loaded", "n-total" (read-only, EXPLICIT_NOTIFY): progress while loading. */
OvhRecordLoader *ovh_record_loader_new (OvhClient *client, const char *zone);

void ovh_record_loader_set_strategy (OvhRecordLoader *self, OvhRecordLoadStrategy strategy);
OvhRecordLoadStrategy ovh_record_loader_get_strategy (OvhRecordLoader *self);
void ovh_record_loader_set_page_size (OvhRecordLoader *self, guint page_size);
void ovh_record_loader_set_batch_size (OvhRecordLoader *self, guint batch_size);
void ovh_record_loader_set_max_in_flight (OvhRecordLoader *self, guint max_in_flight);

guint ovh_record_loader_get_n_loaded (OvhRecordLoader *self);
guint ovh_record_loader_get_n_total (OvhRecordLoader *self);
/* Records left out because their type is unknown to Domaine (last load). */
guint ovh_record_loader_get_n_skipped (OvhRecordLoader *self);
/* The strategy that delivered the records of the last successful load. */
OvhRecordLoadStrategy ovh_record_loader_get_used_strategy (OvhRecordLoader *self);

/* One load at a time per loader. The result is a GPtrArray of OvhRecord (free func set),
 * in OVH's order, each id once. */
void ovh_record_loader_load_async (OvhRecordLoader *self,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
GPtrArray *
ovh_record_loader_load_finish (OvhRecordLoader *self, GAsyncResult *result, GError **error);

/* The strategy remembered for an endpoint (AUTO when none), shared by the process. */
OvhRecordLoadStrategy ovh_record_loader_lookup_remembered (const char *base_url);
void ovh_record_loader_remember (const char *base_url, OvhRecordLoadStrategy strategy);
void ovh_record_loader_forget_all (void);

const char *ovh_record_load_strategy_to_string (OvhRecordLoadStrategy strategy);
OvhRecordLoadStrategy ovh_record_load_strategy_from_string (const char *name);

G_END_DECLS
