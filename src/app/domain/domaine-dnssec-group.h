/* domaine-dnssec-group.h: a zone's DNSSEC signing and its domain's DS records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-client.h"
#include "ovh-dnssec.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_DNSSEC_GROUP (domaine_dnssec_group_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineDnssecGroup, domaine_dnssec_group, DOMAINE, DNSSEC_GROUP, AdwPreferencesGroup)

/* Shows the state with a button to enable or disable signing (disabling a signed zone asks
 * first), follows OVHcloud's work to its end with a spinner, and lists the DS records the
 * registry holds. A key that may not change DNSSEC leaves the button insensitive with an
 * explanation; other failures are toasts in the nearest AdwToastOverlay.
 *
 * Properties (read-only, EXPLICIT_NOTIFY): "state" (OvhDnssecState), "loaded" (the state is
 * known), "busy" (loading, or a change in progress), "can-change" (FALSE once the key was
 * refused a change); "poll-interval" (ms, read-write): how often a change is asked about. */
GtkWidget *domaine_dnssec_group_new (void);

/* Loads zone's state (NULL: nothing to show) and cancels what the previous zone was doing. */
void domaine_dnssec_group_load (DomaineDnssecGroup *self, OvhClient *client, const char *zone);

OvhDnssecState domaine_dnssec_group_get_state (DomaineDnssecGroup *self);
gboolean domaine_dnssec_group_get_loaded (DomaineDnssecGroup *self);
gboolean domaine_dnssec_group_get_busy (DomaineDnssecGroup *self);
gboolean domaine_dnssec_group_get_can_change (DomaineDnssecGroup *self);
guint domaine_dnssec_group_get_n_ds_records (DomaineDnssecGroup *self);
void domaine_dnssec_group_set_poll_interval (DomaineDnssecGroup *self, guint interval_ms);

G_END_DECLS
