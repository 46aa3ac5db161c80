/* domaine-delegation-dialog.h: choosing a domain's name servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-client.h"
#include "ovh-delegation.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_DELEGATION_DIALOG (domaine_delegation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineDelegationDialog, domaine_delegation_dialog, DOMAINE, DELEGATION_DIALOG, AdwWindow)

/* OVHcloud's name servers or others, the list of the others edited row by row (a name
 * server inside the domain takes its IP address after its name), checked as typed, what the
 * change does to the zone explained and confirmed, then sent. A failure is shown in the
 * dialog, with what was typed kept.
 *
 * Signals: "submitted" (gint64 task_id): OVHcloud took the change and works on it in that
 * domain task (0: none needed); the dialog then closes. "refused": the key may not change
 * the name servers.
 * Properties (read-only, EXPLICIT_NOTIFY): "busy", "error" (the message shown, or NULL). */
GtkWidget *domaine_delegation_dialog_new (OvhClient *client, OvhDelegation *delegation);

/* What a person would choose and type, for tests and for the group. */
void domaine_delegation_dialog_set_hosted (DomaineDelegationDialog *self, gboolean hosted);
void domaine_delegation_dialog_set_name_servers (DomaineDelegationDialog *self,
                                                 const char *const *texts);
gboolean domaine_delegation_dialog_get_busy (DomaineDelegationDialog *self);
const char *domaine_delegation_dialog_get_error (DomaineDelegationDialog *self);

G_END_DECLS
