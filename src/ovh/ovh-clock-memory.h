/* ovh-clock-memory.h: an endpoint's clock offset, remembered between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-client.h"

G_BEGIN_DECLS

/* The offset last remembered for the client's endpoint becomes its hint: its first signed
 * call goes out at once instead of after GET /auth/time (a call refused as out of time
 * re-syncs). Nothing happens when none is remembered. */
void ovh_clock_memory_recall (OvhClient *client);
/* Remembers the client's offset, once it knows one, when it differs from the stored one. The
 * file ($XDG_CACHE_HOME/domaine/clock/, 0600) holds a number of seconds and no secret. */
void ovh_clock_memory_remember (OvhClient *client);

G_END_DECLS
