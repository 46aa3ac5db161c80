/* domaine-zone-editor-reveal.c: selecting and scrolling to one record, once the zone shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-zone-editor-private.h"

typedef struct
{
  guint64 record_id;
  gulong handler;
} Reveal;

static void
reveal_free (gpointer data)
{
  g_free (data);
}

/* The column view's own list, which holds the "list.scroll-to-item" action. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_VIEW (child))
        return child;
      if ((found = find_list_view (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
select_now (DomaineZoneEditor *self, guint64 record_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (model);

  for (guint position = 0; position < n_items; position++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (model, position);
      GtkWidget *list_view;

      if (ovh_record_get_id (row) != record_id)
        continue;
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      list_view = find_list_view (GTK_WIDGET (self->column_view));
      if (list_view != NULL)
        gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return TRUE;
    }
  return FALSE;
}

static void
rows_changed_cb (DomaineZoneEditor *self)
{
  Reveal *reveal = g_object_get_data (G_OBJECT (self), "domaine-reveal");

  if (reveal != NULL && select_now (self, reveal->record_id))
    {
      g_signal_handler_disconnect (self->selection, reveal->handler);
      g_object_set_data (G_OBJECT (self), "domaine-reveal", NULL);
    }
}

void
domaine_zone_editor_reveal_record (DomaineZoneEditor *self, guint64 record_id)
{
  Reveal *reveal = g_object_get_data (G_OBJECT (self), "domaine-reveal");

  g_return_if_fail (DOMAINE_IS_ZONE_EDITOR (self));

  if (reveal != NULL)
    {
      g_signal_handler_disconnect (self->selection, reveal->handler);
      g_object_set_data (G_OBJECT (self), "domaine-reveal", NULL);
    }
  /* A type filter left from before may hide it. */
  domaine_zone_editor_set_type_filter (self, NULL);
  if (select_now (self, record_id))
    return;

  /* Not there yet: the zone is loading. */
  reveal = g_new0 (Reveal, 1);
  reveal->record_id = record_id;
  reveal->handler
      = g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (rows_changed_cb),
                                 self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_object_set_data_full (G_OBJECT (self), "domaine-reveal", reveal, reveal_free);
}
