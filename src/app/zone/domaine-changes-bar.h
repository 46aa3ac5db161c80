/* domaine-changes-bar.h: what is left to publish in a zone, with Review and Publish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOMAINE_TYPE_CHANGES_BAR (domaine_changes_bar_get_type ())
G_DECLARE_FINAL_TYPE (DomaineChangesBar, domaine_changes_bar, DOMAINE, CHANGES_BAR, GtkWidget)

/* Shown (slid down) while something is unpublished or being published. Its buttons
 * activate "zone.review" and "zone.publish", found on an ancestor.
 *
 * Properties (read-write, EXPLICIT_NOTIFY): "n-pending" (changes not yet at OVH, failed
 * included), "n-failed", "needs-publish" (changes sent, zone not refreshed), "busy"
 * (publishing), "n-to-apply" (while busy: changes being sent). */
GtkWidget *domaine_changes_bar_new (void);

guint domaine_changes_bar_get_n_pending (DomaineChangesBar *self);
void domaine_changes_bar_set_n_pending (DomaineChangesBar *self, guint n_pending);
guint domaine_changes_bar_get_n_failed (DomaineChangesBar *self);
void domaine_changes_bar_set_n_failed (DomaineChangesBar *self, guint n_failed);
gboolean domaine_changes_bar_get_needs_publish (DomaineChangesBar *self);
void domaine_changes_bar_set_needs_publish (DomaineChangesBar *self, gboolean needs_publish);
gboolean domaine_changes_bar_get_busy (DomaineChangesBar *self);
void domaine_changes_bar_set_busy (DomaineChangesBar *self, gboolean busy);
guint domaine_changes_bar_get_n_to_apply (DomaineChangesBar *self);
void domaine_changes_bar_set_n_to_apply (DomaineChangesBar *self, guint n_to_apply);
/* Whether the bar is shown. */
gboolean domaine_changes_bar_get_revealed (DomaineChangesBar *self);

G_END_DECLS
