/* ovh-zone-fetch.h: a few records of a zone fetched into its model, without loading it all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A command that touches a handful of records (domaine-cli records add, set, delete) reads
 * only what its change needs, so that an OvhChangeset can stage it against the zone: the
 * record itself, and the records sharing its name for the CNAME rule. Each fetched record is
 * added to ovh_zone_get_records(), or replaces the row with the same id.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

/* GET /domain/zone/{zone}/record/{id}. Returns the record now in the zone (transfer full). */
void ovh_zone_fetch_record_async (OvhZone *self,
                                  guint64 id,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
OvhRecord *ovh_zone_fetch_record_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* GET …/record?subDomain=…, then each of those records. Returns a GPtrArray of the records
 * of that name (transfer full), in OVH's order. */
void ovh_zone_fetch_records_named_async (OvhZone *self,
                                         const char *sub_domain,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
GPtrArray *
ovh_zone_fetch_records_named_finish (OvhZone *self, GAsyncResult *result, GError **error);

G_END_DECLS
