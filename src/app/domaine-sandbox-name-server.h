/* domaine-sandbox-name-server.h: Knot DNS serving what the sandbox publishes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox writes each zone it publishes as "<zone>.zone" in a directory (its
 * --zone-dir). This runs an unprivileged knotd on a free loopback port serving those files,
 * and has it read them again whenever one changes, as OVH's name servers do after a refresh.
 * The zones' apex NS host names map to it (dup_mapping), so that "Check Name Servers" and
 * the propagation after a publish ask it as they would ask OVH's servers. knotd stops with
 * stop(), with this object, and by itself when the app dies.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_SANDBOX_NAME_SERVER (domaine_sandbox_name_server_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineSandboxNameServer, domaine_sandbox_name_server, DOMAINE, SANDBOX_NAME_SERVER, GObject)

/* FALSE when knotd or knotc is not installed; *reason (translated) then says so. */
gboolean domaine_sandbox_name_server_available (char **reason);

/* @zone_dir: where the sandbox writes its zone files (they must be there already). */
DomaineSandboxNameServer *domaine_sandbox_name_server_new (const char *zone_dir);

/* Starts knotd on the zones of zone_dir and waits until it serves them; call once. */
void domaine_sandbox_name_server_start_async (DomaineSandboxNameServer *self,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer user_data);
gboolean domaine_sandbox_name_server_start_finish (DomaineSandboxNameServer *self,
                                                   GAsyncResult *result,
                                                   GError **error);

/* Terminates knotd and waits for it; harmless twice. */
void domaine_sandbox_name_server_stop (DomaineSandboxNameServer *self);

/* "127.0.0.1:PORT" once started, else NULL. */
const char *domaine_sandbox_name_server_get_address (DomaineSandboxNameServer *self);
/* knotd's process ID as a string, NULL when it does not run. */
const char *domaine_sandbox_name_server_get_identifier (DomaineSandboxNameServer *self);
/* "ns1.example.net=127.0.0.1:PORT,…" for every apex NS of the served zones (the form of
 * DOMAINE_NS_ADDRESSES and dns_client_add_server_addresses()); NULL before the start. */
char *domaine_sandbox_name_server_dup_mapping (DomaineSandboxNameServer *self);
/* How many times the zone files were read again after a change (for tests). */
guint domaine_sandbox_name_server_get_n_reloads (DomaineSandboxNameServer *self);

G_END_DECLS
