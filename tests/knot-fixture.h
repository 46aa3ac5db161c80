/* knot-fixture.h: real authoritative name servers (Knot DNS) for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each server is an unprivileged knotd on 127.0.0.1, on a free port, with its own
 * configuration, run directory and storage in a temporary directory, serving zone files
 * "<zone>.zone" from zone_dir (what the sandbox writes with ovh_sandbox_set_zone_dir()).
 * A server reads the files at start and at knot_server_reload() only: two servers on the
 * same directory, one reloaded later, are a name server that lags behind.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _KnotServer KnotServer;

/* FALSE (and the reason) when knotd or knotc is not installed: tests then skip. */
gboolean knot_server_available (char **reason);

KnotServer *knot_server_start (const char *zone_dir, const char *const *zones, GError **error);
/* Stops knotd (waits for it) and removes its directory. */
void knot_server_free (KnotServer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KnotServer, knot_server_free)

/* "127.0.0.1:PORT" */
const char *knot_server_get_address (KnotServer *self);
guint knot_server_get_port (KnotServer *self);
/* Reads the zone files again; returns once every zone is loaded. */
gboolean knot_server_reload (KnotServer *self, GError **error);

G_END_DECLS
