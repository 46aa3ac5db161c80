/* domaine-redirection-item.h: one row of the Redirections view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a row shows: the redirection as it will be once published, what it was at OVHcloud
 * (NULL for a new one) and whether a change is staged. Immutable: the view makes new items
 * when the staged changes move.
 */
#pragma once

#include <glib-object.h>

#include "ovh-redirection.h"

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_REDIRECTION_PUBLISHED, /* as at OVHcloud */
  DOMAINE_REDIRECTION_ADDED,
  DOMAINE_REDIRECTION_CHANGED,
  DOMAINE_REDIRECTION_DELETED,
} DomaineRedirectionState;

#define DOMAINE_TYPE_REDIRECTION_ITEM (domaine_redirection_item_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineRedirectionItem, domaine_redirection_item, DOMAINE, REDIRECTION_ITEM, GObject)

DomaineRedirectionItem *domaine_redirection_item_new (OvhRedirection *shown,
                                                      OvhRedirection *published,
                                                      DomaineRedirectionState state);
OvhRedirection *domaine_redirection_item_get_shown (DomaineRedirectionItem *self);
OvhRedirection *domaine_redirection_item_get_published (DomaineRedirectionItem *self);
DomaineRedirectionState domaine_redirection_item_get_state (DomaineRedirectionItem *self);

G_END_DECLS
