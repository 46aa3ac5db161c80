/* domaine-dmarc-builder.h: a DMARC policy as a few choices, two-way with its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_DMARC_BUILDER (domaine_dmarc_builder_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineDmarcBuilder, domaine_dmarc_builder, DOMAINE, DMARC_BUILDER, AdwPreferencesGroup)

GtkWidget *domaine_dmarc_builder_new (void);

/* "value": the policy text. Setting it fills the fields when it reads as a policy (an empty
 * text shows "v=DMARC1; p=none" without writing it); otherwise the fields keep what they showed,
 * insensitive, and say why the text is kept as typed. Editing a field rewrites it (notify::value).
 */
const char *domaine_dmarc_builder_get_value (DomaineDmarcBuilder *self);
void domaine_dmarc_builder_set_value (DomaineDmarcBuilder *self, const char *value);
/* "parsed": whether the fields show the value (FALSE while it is kept as typed). */
gboolean domaine_dmarc_builder_get_parsed (DomaineDmarcBuilder *self);

G_END_DECLS
