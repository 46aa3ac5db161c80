/* domaine-redirection-editor.h: the dialog that adds or edits a web redirection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save checks what was typed (a subdomain of the zone, a web address, a name no other
 * redirection takes) and, when it is right, emits "saved" with the redirection and closes;
 * otherwise it says what is wrong and keeps what was typed. It sends nothing: the page stages.
 */
#pragma once

#include <adwaita.h>

#include "ovh-redirection.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_REDIRECTION_EDITOR (domaine_redirection_editor_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRedirectionEditor, domaine_redirection_editor, DOMAINE, REDIRECTION_EDITOR, AdwWindow)

/* initial NULL: a new one. taken: the subdomains other redirections of the zone use. */
DomaineRedirectionEditor *domaine_redirection_editor_new (const char *zone,
                                                          OvhRedirection *initial,
                                                          const char *const *taken);
/* What Save would stage, or NULL with the reason (translated) in error. */
OvhRedirection *domaine_redirection_editor_dup_redirection (DomaineRedirectionEditor *self,
                                                            GError **error);

G_END_DECLS
