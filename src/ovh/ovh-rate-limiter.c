/* ovh-rate-limiter.c: a token bucket that delays requests rather than failing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-rate-limiter.h"

struct _OvhRateLimiter
{
  guint requests_per_minute;
  guint burst;
  double tokens;         /* may go negative: requests already queued for later */
  gint64 last_refill_us; /* 0 = never: the bucket starts full */
};

/* A bucket of capacity C refilled at L per minute lets at most C + L requests through in
 * any one minute; C = L/6 keeps the default of 50 under OVH's ~60/minute fair use while
 * still letting the first screenful of calls go out at once. */
static guint
burst_for_rate (guint requests_per_minute)
{
  return CLAMP (requests_per_minute / 6, 1, 10);
}

OvhRateLimiter *
ovh_rate_limiter_new (guint requests_per_minute)
{
  OvhRateLimiter *self = g_new0 (OvhRateLimiter, 1);

  ovh_rate_limiter_set_rate (self, requests_per_minute);
  return self;
}

void
ovh_rate_limiter_free (OvhRateLimiter *self)
{
  g_free (self);
}

void
ovh_rate_limiter_set_rate (OvhRateLimiter *self, guint requests_per_minute)
{
  g_return_if_fail (self != NULL);

  self->requests_per_minute = requests_per_minute;
  self->burst = burst_for_rate (requests_per_minute);
  self->tokens = self->burst;
  self->last_refill_us = 0;
}

guint
ovh_rate_limiter_get_rate (OvhRateLimiter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->requests_per_minute;
}

guint
ovh_rate_limiter_get_burst (OvhRateLimiter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->requests_per_minute == 0 ? 0 : self->burst;
}

static double
tokens_per_us (OvhRateLimiter *self)
{
  return self->requests_per_minute / (60.0 * G_USEC_PER_SEC);
}

gint64
ovh_rate_limiter_reserve (OvhRateLimiter *self, gint64 now_us)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->requests_per_minute == 0)
    return 0;

  if (self->last_refill_us != 0 && now_us > self->last_refill_us)
    self->tokens = MIN ((double) self->burst,
                        self->tokens + (now_us - self->last_refill_us) * tokens_per_us (self));
  if (self->last_refill_us == 0 || now_us > self->last_refill_us)
    self->last_refill_us = now_us;

  self->tokens -= 1.0;
  if (self->tokens >= 0.0)
    return 0;

  {
    double wait_us = -self->tokens / tokens_per_us (self);
    gint64 rounded = (gint64) wait_us;

    /* Rounded up: waking a microsecond early would find the bucket still empty. */
    return rounded < wait_us ? rounded + 1 : rounded;
  }
}

void
ovh_rate_limiter_release (OvhRateLimiter *self)
{
  g_return_if_fail (self != NULL);

  if (self->requests_per_minute == 0)
    return;

  self->tokens = MIN ((double) self->burst, self->tokens + 1.0);
}
