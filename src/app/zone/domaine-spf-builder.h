/* domaine-spf-builder.h: an SPF policy as rows of mechanisms, two-way with its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_SPF_BUILDER (domaine_spf_builder_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineSpfBuilder, domaine_spf_builder, DOMAINE, SPF_BUILDER, AdwPreferencesGroup)

GtkWidget *domaine_spf_builder_new (void);

/* "value": the policy text. Setting it fills the fields when it reads as a policy (an empty
 * text is an empty policy); otherwise the fields keep what they showed, insensitive, and say
 * why the text is kept as typed. Editing a field rewrites it (notify::value). */
const char *domaine_spf_builder_get_value (DomaineSpfBuilder *self);
void domaine_spf_builder_set_value (DomaineSpfBuilder *self, const char *value);
/* "parsed": whether the fields show the value (FALSE while it is kept as typed). */
gboolean domaine_spf_builder_get_parsed (DomaineSpfBuilder *self);

G_END_DECLS
