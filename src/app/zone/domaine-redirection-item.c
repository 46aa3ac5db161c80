/* domaine-redirection-item.c: one row of the Redirections view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-redirection-item.h"

struct _DomaineRedirectionItem
{
  GObject parent_instance;
  OvhRedirection *shown;
  OvhRedirection *published;
  DomaineRedirectionState state;
};

G_DEFINE_FINAL_TYPE (DomaineRedirectionItem, domaine_redirection_item, G_TYPE_OBJECT)

static void
domaine_redirection_item_finalize (GObject *object)
{
  DomaineRedirectionItem *self = DOMAINE_REDIRECTION_ITEM (object);

  g_clear_object (&self->shown);
  g_clear_object (&self->published);
  G_OBJECT_CLASS (domaine_redirection_item_parent_class)->finalize (object);
}

static void
domaine_redirection_item_class_init (DomaineRedirectionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = domaine_redirection_item_finalize;
}

static void
domaine_redirection_item_init (DomaineRedirectionItem *self)
{
}

DomaineRedirectionItem *
domaine_redirection_item_new (OvhRedirection *shown,
                              OvhRedirection *published,
                              DomaineRedirectionState state)
{
  DomaineRedirectionItem *self;

  g_return_val_if_fail (OVH_IS_REDIRECTION (shown), NULL);
  g_return_val_if_fail (published == NULL || OVH_IS_REDIRECTION (published), NULL);

  self = g_object_new (DOMAINE_TYPE_REDIRECTION_ITEM, NULL);
  self->shown = g_object_ref (shown);
  self->published = published != NULL ? g_object_ref (published) : NULL;
  self->state = state;
  return self;
}

OvhRedirection *
domaine_redirection_item_get_shown (DomaineRedirectionItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTION_ITEM (self), NULL);
  return self->shown;
}

OvhRedirection *
domaine_redirection_item_get_published (DomaineRedirectionItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTION_ITEM (self), NULL);
  return self->published;
}

DomaineRedirectionState
domaine_redirection_item_get_state (DomaineRedirectionItem *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTION_ITEM (self), DOMAINE_REDIRECTION_PUBLISHED);
  return self->state;
}
