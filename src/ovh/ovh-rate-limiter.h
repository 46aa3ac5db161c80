/* ovh-rate-limiter.h: a token bucket that delays requests rather than failing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _OvhRateLimiter OvhRateLimiter;

/* requests_per_minute 0 = unlimited. The bucket holds a burst of
 * CLAMP (requests_per_minute / 6, 1, 10) requests and starts full. */
OvhRateLimiter *ovh_rate_limiter_new (guint requests_per_minute);
void ovh_rate_limiter_free (OvhRateLimiter *self);
void ovh_rate_limiter_set_rate (OvhRateLimiter *self, guint requests_per_minute);
guint ovh_rate_limiter_get_rate (OvhRateLimiter *self);
guint ovh_rate_limiter_get_burst (OvhRateLimiter *self);

/* Takes one token at monotonic time now_us (g_get_monotonic_time ()) and returns how many
 * microseconds the caller must wait before sending: 0 when a token was available. Waiting
 * callers queue up: each reservation pushes the next one further. */
gint64 ovh_rate_limiter_reserve (OvhRateLimiter *self, gint64 now_us);
/* Gives back a reservation that was never used (the request was cancelled while waiting). */
void ovh_rate_limiter_release (OvhRateLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhRateLimiter, ovh_rate_limiter_free)

G_END_DECLS
