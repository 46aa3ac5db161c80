/* domaine-delegation-group.h: the name servers a registered domain is delegated to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-client.h"
#include "ovh-delegation.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_DELEGATION_GROUP (domaine_delegation_group_get_type ())
G_DECLARE_FINAL_TYPE (DomaineDelegationGroup,
                      domaine_delegation_group,
                      DOMAINE,
                      DELEGATION_GROUP,
                      AdwPreferencesGroup)

/* Shows whose name servers serve the domain and lists them, with "Edit…" opening a
 * DomaineDelegationDialog. Once the dialog has sent a change, the group follows OVHcloud's
 * task to its end with a spinner, then reloads and says how it ended in a toast (in the
 * nearest AdwToastOverlay). A key that may not change the delegation leaves "Edit…"
 * insensitive with the reason, known from the key's rules or from a refusal.
 *
 * Properties (read-only, EXPLICIT_NOTIFY): "delegation" (OvhDelegation, NULL until loaded),
 * "busy" (loading, or a change followed), "can-change"; "poll-interval" (ms, read-write): the
 * first wait before asking about a task again (then doubled). */
GtkWidget *domaine_delegation_group_new (void);

/* Loads domain's delegation (client NULL: nothing to show) and cancels what the previous
 * domain was doing. */
void
domaine_delegation_group_load (DomaineDelegationGroup *self, OvhClient *client, const char *domain);

OvhDelegation *domaine_delegation_group_get_delegation (DomaineDelegationGroup *self);
gboolean domaine_delegation_group_get_busy (DomaineDelegationGroup *self);
gboolean domaine_delegation_group_get_can_change (DomaineDelegationGroup *self);
void domaine_delegation_group_set_poll_interval (DomaineDelegationGroup *self, guint interval_ms);

G_END_DECLS
