/* domaine-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_APPLICATION (domaine_application_get_type ())
G_DECLARE_FINAL_TYPE (DomaineApplication, domaine_application, DOMAINE, APPLICATION, AdwApplication)

DomaineApplication *domaine_application_new (void);

G_END_DECLS
