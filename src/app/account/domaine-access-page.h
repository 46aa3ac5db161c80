/* domaine-access-page.h: the assistant's page of rights, and the account's label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-access-rules.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ACCESS_PAGE (domaine_access_page_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineAccessPage, domaine_access_page, DOMAINE, ACCESS_PAGE, AdwPreferencesPage)

/* The chosen preset (property "preset"; DNS editor at first). */
OvhAccessPreset domaine_access_page_get_preset (DomaineAccessPage *self);
void domaine_access_page_set_preset (DomaineAccessPage *self, OvhAccessPreset preset);
/* Whether the presets are offered (property "choosing-rights"): not with a consumer key the
 * user already has, whose rights are already set. */
void domaine_access_page_set_choosing_rights (DomaineAccessPage *self, gboolean choosing);
/* The label typed, stripped; "" when none. */
char *domaine_access_page_dup_label (DomaineAccessPage *self);
/* Signing in again on the account called @name: only the rights are chosen again. */
void domaine_access_page_set_reauthenticating (DomaineAccessPage *self, const char *name);

G_END_DECLS
