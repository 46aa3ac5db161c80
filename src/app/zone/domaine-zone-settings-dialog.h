/* domaine-zone-settings-dialog.h: a zone's SOA settings, changed, and resetting the zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-changeset.h"
#include "ovh-zone-soa.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_SETTINGS_DIALOG (domaine_zone_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DomaineZoneSettingsDialog,
                      domaine_zone_settings_dialog,
                      DOMAINE,
                      ZONE_SETTINGS_DIALOG,
                      AdwWindow)

/* Properties: "changeset" (construct-only; its zone is the one shown; a reset is refused while
 * it holds pending changes), "snapshot-account" (construct-only: the account the snapshot taken
 * before a reset is kept under, see ovh-zone-snapshot.h), "loaded" (the SOA was read), "busy"
 * (reading, saving or resetting), "valid" (every field is right), "error" (why the last read or
 * save failed, NULL otherwise). Actions (prefix "settings."): save (sensitive when valid,
 * changed and not busy), reset (asks first, with the number of records that will go). */
GtkWidget *domaine_zone_settings_dialog_new (OvhChangeset *changeset, const char *snapshot_account);

gboolean domaine_zone_settings_dialog_get_loaded (DomaineZoneSettingsDialog *self);
gboolean domaine_zone_settings_dialog_get_busy (DomaineZoneSettingsDialog *self);
gboolean domaine_zone_settings_dialog_get_valid (DomaineZoneSettingsDialog *self);
const char *domaine_zone_settings_dialog_get_error (DomaineZoneSettingsDialog *self);
/* The SOA as OVH last sent it (NULL until loaded). */
const OvhZoneSoa *domaine_zone_settings_dialog_get_soa (DomaineZoneSettingsDialog *self);
/* What one field says is wrong with it (NULL when it is right): for tests. */
const char *domaine_zone_settings_dialog_get_field_error (DomaineZoneSettingsDialog *self,
                                                          OvhZoneSoaField field);
/* The reset's confirmation, while it is open (for tests). */
AdwMessageDialog *domaine_zone_settings_dialog_get_confirmation (DomaineZoneSettingsDialog *self);

G_END_DECLS
