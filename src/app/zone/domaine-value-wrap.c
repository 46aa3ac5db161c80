/* domaine-value-wrap.c: how labels wrap record values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 labels have no switch for hyphenation; a Pango attribute does it.
 */
#include "config.h"

#include "domaine-value-wrap.h"

void
domaine_value_wrap_label (GtkLabel *label)
{
  PangoAttrList *current = gtk_label_get_attributes (label);
  g_autoptr (PangoAttrList) attributes
      = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_CHAR);
  pango_attr_list_change (attributes, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attributes);
}

static GtkLabel *
find_subtitle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        return GTK_LABEL (child);
      if ((found = find_subtitle (child)) != NULL)
        return found;
    }
  return NULL;
}

void
domaine_value_wrap_row_subtitle (GtkWidget *row)
{
  GtkLabel *subtitle = find_subtitle (row);

  g_return_if_fail (subtitle != NULL);
  domaine_value_wrap_label (subtitle);
}
