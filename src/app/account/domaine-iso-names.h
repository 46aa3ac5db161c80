/* domaine-iso-names.h: countries, languages and currencies by name, in the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "FR" → "France" ("France" in French too); the code itself when it is unknown. NULL for
 * NULL. */
char *domaine_iso_dup_country_name (const char *alpha_2);
/* "fr_FR" → "French (France)", "fr" → "French"; the code itself when it is unknown. */
char *domaine_iso_dup_language_name (const char *locale);
/* "EUR" → "Euro"; the code itself when it is unknown. */
char *domaine_iso_dup_currency_name (const char *alpha_3);

G_END_DECLS
