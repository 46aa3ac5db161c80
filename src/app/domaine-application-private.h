/* domaine-application-private.h: what the application's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "domaine-application.h"

G_BEGIN_DECLS

/* domaine-application-actions.c: adds the app.* actions but try-sandbox. */
void domaine_application_add_actions (DomaineApplication *self);

G_END_DECLS
