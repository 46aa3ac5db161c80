/* domaine-template-dialog.h: a template of records chosen, filled in and staged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-changeset.h"
#include "ovh-zone-template.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_TEMPLATE_DIALOG (domaine_template_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineTemplateDialog, domaine_template_dialog, DOMAINE, TEMPLATE_DIALOG, AdwWindow)

/* The gallery of templates (shipped and the user's); the chosen one's parameters as entries;
 * its plan against the zone, redone as they are typed: the differences and, in words, what it
 * replaces or merges. Action "template.stage" makes the differences pending changes of the
 * changeset (to review and publish) and closes the window. Properties: "changeset"
 * (construct-only), "plan" (NULL while no template is chosen or a value is refused). */
GtkWidget *domaine_template_dialog_new (OvhChangeset *changeset);

/* Chooses the template with this id; FALSE when there is none. */
gboolean domaine_template_dialog_select (DomaineTemplateDialog *self, const char *id);
/* Sets the entry of a parameter of the chosen template. */
void
domaine_template_dialog_set_value (DomaineTemplateDialog *self, const char *key, const char *value);
OvhZoneTemplatePlan *domaine_template_dialog_get_plan (DomaineTemplateDialog *self);
/* The refused value's message, or "" when every value is accepted. */
const char *domaine_template_dialog_get_problem (DomaineTemplateDialog *self);

G_END_DECLS
