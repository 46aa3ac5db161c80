/* domaine-access-page.c: the assistant's page of rights, and the account's label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three presets, each a radio row that expands to the exact rules OVHcloud will show.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-access-page.h"

struct _DomaineAccessPage
{
  AdwPreferencesPage parent_instance;

  GPtrArray *checks; /* GtkCheckButton*, index = OvhAccessPreset */

  AdwPreferencesGroup *access_group;
  AdwPreferencesGroup *label_group;
  AdwEntryRow *label_row;
};

G_DEFINE_FINAL_TYPE (DomaineAccessPage, domaine_access_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_PRESET,
  PROP_CHOOSING_RIGHTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_toggled_cb (GtkCheckButton *check, DomaineAccessPage *self)
{
  if (gtk_check_button_get_active (check))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
}

static void
add_preset (DomaineAccessPage *self, OvhAccessPreset preset)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (preset);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *name = ovh_access_preset_get_name (preset);

  g_assert ((guint) preset == self->checks->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 ovh_access_preset_get_description (preset));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->checks, 0));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), check);

  for (guint r = 0; r < rules->len; r++)
    {
      OvhAccessRule *rule = g_ptr_array_index (rules, r);
      g_autofree char *text = g_strdup_printf ("%s %s", rule->method, rule->path);
      GtkWidget *rule_row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rule_row), text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rule_row), FALSE);
      gtk_widget_add_css_class (rule_row, "monospace");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), rule_row);
    }

  adw_preferences_group_add (self->access_group, row);
  g_ptr_array_add (self->checks, check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
}

OvhAccessPreset
domaine_access_page_get_preset (DomaineAccessPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCESS_PAGE (self), OVH_ACCESS_DNS_EDITOR);

  for (guint i = 0; i < self->checks->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        return (OvhAccessPreset) i;
    }
  return OVH_ACCESS_DNS_EDITOR;
}

void
domaine_access_page_set_preset (DomaineAccessPage *self, OvhAccessPreset preset)
{
  g_return_if_fail (DOMAINE_IS_ACCESS_PAGE (self));
  g_return_if_fail ((guint) preset < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, preset), TRUE);
}

void
domaine_access_page_set_choosing_rights (DomaineAccessPage *self, gboolean choosing)
{
  g_return_if_fail (DOMAINE_IS_ACCESS_PAGE (self));

  choosing = !!choosing;
  if (gtk_widget_get_visible (GTK_WIDGET (self->access_group)) == choosing)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->access_group), choosing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOOSING_RIGHTS]);
}

char *
domaine_access_page_dup_label (DomaineAccessPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCESS_PAGE (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
}

void
domaine_access_page_set_reauthenticating (DomaineAccessPage *self, const char *name)
{
  g_autofree char *description = NULL;

  g_return_if_fail (DOMAINE_IS_ACCESS_PAGE (self));
  g_return_if_fail (name != NULL);

  /* The account keeps its label: only the rights are chosen again. */
  gtk_widget_set_visible (GTK_WIDGET (self->label_group), FALSE);
  /* Translators: %s is the account's name, e.g. "al1234-ovh". */
  description = g_strdup_printf (
      _ ("Domaine asks OVHcloud for a new key for “%s”, with the same application. Choose what "
         "it may do; OVHcloud shows you these rights before you accept them."),
      name);
  adw_preferences_group_set_description (self->access_group, description);
}

static void
domaine_access_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_ACCESS_PAGE);

  G_OBJECT_CLASS (domaine_access_page_parent_class)->dispose (object);
}

static void
domaine_access_page_finalize (GObject *object)
{
  DomaineAccessPage *self = DOMAINE_ACCESS_PAGE (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (domaine_access_page_parent_class)->finalize (object);
}

static void
domaine_access_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineAccessPage *self = DOMAINE_ACCESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      g_value_set_enum (value, domaine_access_page_get_preset (self));
      break;
    case PROP_CHOOSING_RIGHTS:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->access_group)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_access_page_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineAccessPage *self = DOMAINE_ACCESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      domaine_access_page_set_preset (self, g_value_get_enum (value));
      break;
    case PROP_CHOOSING_RIGHTS:
      domaine_access_page_set_choosing_rights (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_access_page_class_init (DomaineAccessPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_access_page_dispose;
  object_class->finalize = domaine_access_page_finalize;
  object_class->get_property = domaine_access_page_get_property;
  object_class->set_property = domaine_access_page_set_property;

  properties[PROP_PRESET]
      = g_param_spec_enum ("preset", NULL, NULL, OVH_TYPE_ACCESS_PRESET, OVH_ACCESS_DNS_EDITOR,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOOSING_RIGHTS]
      = g_param_spec_boolean ("choosing-rights", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/account/domaine-access-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineAccessPage, access_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccessPage, label_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccessPage, label_row);
}

static void
domaine_access_page_init (DomaineAccessPage *self)
{
  static const OvhAccessPreset presets[]
      = { OVH_ACCESS_READ_ONLY, OVH_ACCESS_DNS_EDITOR, OVH_ACCESS_FULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    add_preset (self, presets[i]);
  gtk_check_button_set_active (g_ptr_array_index (self->checks, OVH_ACCESS_DNS_EDITOR), TRUE);
}
