/* domaine-redirection-columns.h: the columns of the Redirections view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Address, Type, Target, State and Actions, for a view whose items are DomaineRedirectionItem.
 * The row buttons activate redirections.edit, .delete and .revert with the row's position.
 * Narrow, the Address cell also says the type, target and state, and their columns hide.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void domaine_redirection_columns_append (GtkColumnView *view);
/* The zone whose addresses the cells show (a copy is kept). */
void domaine_redirection_columns_set_zone (GtkColumnView *view, const char *zone);
void domaine_redirection_columns_set_narrow (GtkColumnView *view, gboolean narrow);

G_END_DECLS
