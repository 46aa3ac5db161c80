/* ovh-progress-private.h: the "n-loaded" / "n-total" pair shared by the loader and the zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Sets both counters of object, then notifies those that changed, n-total first: a
 * listener never sees n-loaded above n-total. */
void ovh_progress_set (GObject *object,
                       guint *n_loaded,
                       guint *n_total,
                       GParamSpec *n_loaded_pspec,
                       GParamSpec *n_total_pspec,
                       guint new_n_loaded,
                       guint new_n_total);

G_END_DECLS
