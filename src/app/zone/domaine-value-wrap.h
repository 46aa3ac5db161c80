/* domaine-value-wrap.h: how labels wrap record values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes @label wrap anywhere between characters (a key or a hash has no words) without the
 * hyphens Pango would insert there, which would read as part of the value. */
void domaine_value_wrap_label (GtkLabel *label);

/* The same for the subtitle of @row (an AdwActionRow). */
void domaine_value_wrap_row_subtitle (GtkWidget *row);

G_END_DECLS
