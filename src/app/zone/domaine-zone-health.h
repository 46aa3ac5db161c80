/* domaine-zone-health.h: the "Zone Health" panel: lint findings, name servers, delegation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dns-client.h"
#include "dns-propagation.h"
#include "ovh-changeset.h"
#include "ovh-zone.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_HEALTH (domaine_zone_health_get_type ())
G_DECLARE_FINAL_TYPE (DomaineZoneHealth, domaine_zone_health, DOMAINE, ZONE_HEALTH, GtkWidget)

/* Lints the zone with its staged changes as they change, lists every finding with its
 * record, why it matters and how to fix it (a button stages an unambiguous fix), and shows
 * what the zone's name servers serve and whether the world sees this zone.
 *
 * Properties (EXPLICIT_NOTIFY): "zone" and "changeset" (readwrite, set together with
 * domaine_zone_health_set_zone), "findings" (GListModel of OvhLintFinding, read-only, the
 * same object for the panel's life), "propagation" (DnsPropagation, read-only, NULL until
 * a check), "delegation-message" (read-only, NULL until a check), "dns-client" (readwrite;
 * by default the one domaine_name_servers_new_client() makes for the zone's API endpoint).
 * Actions: "health.check-name-servers", "health.fix" (u: the finding's position). Activates
 * "win.propagation-live" ((suu): zone, name servers in sync, name servers) when a followed
 * publish is served everywhere: the window notifies when it is in the background. */
DomaineZoneHealth *domaine_zone_health_new (void);

void domaine_zone_health_set_zone (DomaineZoneHealth *self, OvhZone *zone, OvhChangeset *changeset);
OvhZone *domaine_zone_health_get_zone (DomaineZoneHealth *self);
GListModel *domaine_zone_health_get_findings (DomaineZoneHealth *self);
DnsPropagation *domaine_zone_health_get_propagation (DomaineZoneHealth *self);
const char *domaine_zone_health_get_delegation_message (DomaineZoneHealth *self);
DnsClient *domaine_zone_health_get_dns_client (DomaineZoneHealth *self);
/* Why the zone's name servers cannot be asked (its endpoint is configured so), or NULL:
 * "Check Name Servers" and publishes then say it instead of asking. */
const char *domaine_zone_health_get_name_server_problem (DomaineZoneHealth *self);
void domaine_zone_health_set_dns_client (DomaineZoneHealth *self, DnsClient *client);

/* Lint again now (it runs by itself, a moment after each change). */
void domaine_zone_health_relint (DomaineZoneHealth *self);
/* After a publish: follow the records it changed (OvhRecord, before and after) until every
 * name server serves them. Publishes of the panel's changeset are followed by themselves. */
void domaine_zone_health_follow_publish (DomaineZoneHealth *self, GPtrArray *changed);

G_END_DECLS
