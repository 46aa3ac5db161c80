/* dns-local-server.h: what running a name server on this machine needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the app's sandbox name server and the tests' Knot DNS fixture.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The program's path, looked for in PATH and then in the sbin folders Debian installs servers
 * in (a user's PATH may lack them); NULL when it is not installed. */
char *dns_find_server_program (const char *name);

/* A port free for both UDP and TCP on 127.0.0.1 right now; 0 and error when none is found. */
guint dns_free_loopback_port (GError **error);

G_END_DECLS
