/* dns-propagation.h: does every authoritative server of a zone serve its new state yet?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each name server of the zone, asks (without recursion) the SOA serial and each
 * expected record set, and says which servers serve all of it. One pass with
 * dns_propagation_check_async(); dns_propagation_watch_async() repeats passes, further and
 * further apart, until every server is in sync or a time limit passes.
 */
#pragma once

#include <gio/gio.h>

#include "dns-client.h"
#include "ovh-record.h"

G_BEGIN_DECLS

/* --- One server ---------------------------------------------------------------------------- */

#define DNS_TYPE_SERVER_STATUS (dns_server_status_get_type ())
G_DECLARE_FINAL_TYPE (DnsServerStatus, dns_server_status, DNS, SERVER_STATUS, GObject)

/* Properties (read-only, EXPLICIT_NOTIFY): "name" (ns1.example.com), "address"
 * ("192.0.2.53:53", NULL until resolved), "serial" (0 until answered), "in-sync",
 * "n-records" and "n-records-served" (expected record sets, and those served as expected),
 * "error" (translated, NULL when the server answered), "stale" (GStrv: "www.example.com A"
 * for every record set it does not serve as expected yet). */
const char *dns_server_status_get_name (DnsServerStatus *self);
const char *dns_server_status_get_address (DnsServerStatus *self);
guint dns_server_status_get_serial (DnsServerStatus *self);
gboolean dns_server_status_get_in_sync (DnsServerStatus *self);
guint dns_server_status_get_n_records (DnsServerStatus *self);
guint dns_server_status_get_n_records_served (DnsServerStatus *self);
const char *dns_server_status_get_error (DnsServerStatus *self);
const char *const *dns_server_status_get_stale (DnsServerStatus *self);

/* --- The zone ------------------------------------------------------------------------------ */

#define DNS_TYPE_PROPAGATION (dns_propagation_get_type ())
G_DECLARE_FINAL_TYPE (DnsPropagation, dns_propagation, DNS, PROPAGATION, GObject)

/* Properties (read-only, EXPLICIT_NOTIFY): "zone", "servers" (GListModel of
 * DnsServerStatus, in the order given), "n-servers", "n-in-sync", "done" (every server in
 * sync), "checking" (a pass is running), "passes" (passes made). */
DnsPropagation *
dns_propagation_new (DnsClient *client, const char *zone, const char *const *name_servers);

const char *dns_propagation_get_zone (DnsPropagation *self);
GListModel *dns_propagation_get_servers (DnsPropagation *self);
guint dns_propagation_get_n_servers (DnsPropagation *self);
guint dns_propagation_get_n_in_sync (DnsPropagation *self);
gboolean dns_propagation_get_done (DnsPropagation *self);
gboolean dns_propagation_get_checking (DnsPropagation *self);
guint dns_propagation_get_passes (DnsPropagation *self);

/* A server is in sync when it serves at least this serial (0: any)… */
void dns_propagation_set_serial (DnsPropagation *self, guint serial);
guint dns_propagation_get_serial (DnsPropagation *self);
/* …and every expected record set. For each record in changed (OvhRecord: what a publish
 * created, updated or deleted, before and after), the set of its name and type must be
 * exactly what records (the zone after the publish) holds: nothing for a deleted one. */
void dns_propagation_expect_changes (DnsPropagation *self, GPtrArray *records, GPtrArray *changed);

/* One pass over every server. TRUE when all are in sync. */
void dns_propagation_check_async (DnsPropagation *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean dns_propagation_check_finish (DnsPropagation *self, GAsyncResult *result, GError **error);

/* Passes until done (TRUE), or G_IO_ERROR_TIMED_OUT after timeout_ms. */
void dns_propagation_watch_async (DnsPropagation *self,
                                  guint timeout_ms,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean dns_propagation_watch_finish (DnsPropagation *self, GAsyncResult *result, GError **error);

/* "Live on 2 of 2 name servers", "ns1.example.com still serves serial 2026120401", … */
char *dns_propagation_dup_summary (DnsPropagation *self);

G_END_DECLS
