/* domaine-api-param-row.c: one parameter of a route in the console's form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-api-param-row.h"

struct _DomaineApiParamRow
{
  AdwActionRow parent_instance;

  OvhApiParameter *parameter;
  GtkEntry *entry;
};

G_DEFINE_FINAL_TYPE (DomaineApiParamRow, domaine_api_param_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_changed_cb (DomaineApiParamRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

GtkWidget *
domaine_api_param_row_new (const OvhApiParameter *parameter)
{
  DomaineApiParamRow *self = g_object_new (DOMAINE_TYPE_API_PARAM_ROW, NULL);
  const char *where;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parameter != NULL && parameter->name != NULL, NULL);

  self->parameter = ovh_api_parameter_copy (parameter);
  switch (parameter->location)
    {
    case OVH_API_PARAMETER_PATH:
      where = _ ("in the path");
      break;
    case OVH_API_PARAMETER_QUERY:
      where = _ ("in the query");
      break;
    case OVH_API_PARAMETER_BODY:
    default:
      where = _ ("in the body");
      break;
    }
  subtitle = *parameter->description != '\0'
                 /* Translators: a type ("string"), where the parameter goes ("in the path"),
                  * then the schema's description of it */
                 ? g_strdup_printf (_ ("%s, %s — %s"), parameter->full_type, where,
                                    parameter->description)
                 /* Translators: a type ("string"), then where the parameter goes */
                 : g_strdup_printf (_ ("%s, %s"), parameter->full_type, where);
  title = parameter->required
              /* Translators: the name of a parameter that must be given */
              ? g_strdup_printf (_ ("%s (required)"), parameter->name)
              : g_strdup (parameter->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  gtk_entry_set_placeholder_text (self->entry, parameter->full_type);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  parameter->name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}

const OvhApiParameter *
domaine_api_param_row_get_parameter (DomaineApiParamRow *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_PARAM_ROW (self), NULL);
  return self->parameter;
}

const char *
domaine_api_param_row_get_text (DomaineApiParamRow *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_PARAM_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
domaine_api_param_row_set_text (DomaineApiParamRow *self, const char *text)
{
  g_return_if_fail (DOMAINE_IS_API_PARAM_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

GtkWidget *
domaine_api_param_row_get_entry (DomaineApiParamRow *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_PARAM_ROW (self), NULL);
  return GTK_WIDGET (self->entry);
}

static void
domaine_api_param_row_finalize (GObject *object)
{
  DomaineApiParamRow *self = DOMAINE_API_PARAM_ROW (object);

  ovh_api_parameter_free (self->parameter);
  G_OBJECT_CLASS (domaine_api_param_row_parent_class)->finalize (object);
}

static void
domaine_api_param_row_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  DomaineApiParamRow *self = DOMAINE_API_PARAM_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, domaine_api_param_row_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_api_param_row_class_init (DomaineApiParamRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = domaine_api_param_row_finalize;
  object_class->get_property = domaine_api_param_row_get_property;

  properties[PROP_TEXT]
      = g_param_spec_string ("text", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_api_param_row_init (DomaineApiParamRow *self)
{
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->entry), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 12);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->entry));
}
