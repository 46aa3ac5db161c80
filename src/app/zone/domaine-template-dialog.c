/* domaine-template-dialog.c: a template of records chosen, filled in and staged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is redone on each keystroke: it is a pure computation over the loaded records, and
 * staging goes through the zone diff like an import, so the review and the one publish are
 * the usual ones.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-template-dialog.h"
#include "domaine-zone-diff-view.h"
#include "ovh-error.h"
#include "ovh-zone.h"

struct _DomaineTemplateDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkListBox *template_list;
  GtkLabel *description_label;
  AdwPreferencesGroup *parameters_group;
  GtkLabel *problem_label;
  GtkLabel *conflicts_label;
  DomaineZoneDiffView *diff_view;
  GtkButton *stage_button;
  AdwLeaflet *leaflet;
  guint navigation_idle;
  GtkWidget *back_button;
  GtkWidget *details_box;

  OvhChangeset *changeset;
  GPtrArray *templates;  /* OvhZoneTemplate, in the list's order */
  GPtrArray *entry_rows; /* AdwEntryRow of the chosen template's parameters */
  OvhZoneTemplate *chosen;
  OvhZoneTemplatePlan *plan;
  char *problem;
};

G_DEFINE_FINAL_TYPE (DomaineTemplateDialog, domaine_template_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CHANGESET,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_problem (DomaineTemplateDialog *self, const char *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem != NULL ? problem : "");
  gtk_label_set_label (self->problem_label, self->problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), *self->problem != '\0');
}

static void
update_plan (DomaineTemplateDialog *self)
{
  OvhZone *zone = ovh_changeset_get_zone (self->changeset);
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *conflicts = NULL;
  gboolean confirm = FALSE;

  g_clear_object (&self->plan);
  for (guint i = 0; self->entry_rows != NULL && i < self->entry_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->entry_rows, i);
      const char *text = gtk_editable_get_text (row);

      if (*text != '\0')
        g_hash_table_insert (values, g_object_get_data (G_OBJECT (row), "key"), (gpointer) text);
    }
  if (self->chosen != NULL)
    self->plan = ovh_zone_template_plan_new (self->chosen, ovh_zone_get_name (zone),
                                             ovh_zone_get_records (zone), values, &error);
  set_problem (self, error != NULL ? error->message : NULL);

  domaine_zone_diff_view_set_diff (
      self->diff_view, self->plan != NULL ? ovh_zone_template_plan_get_diff (self->plan) : NULL);
  if (self->plan != NULL)
    {
      conflicts = g_strjoinv ("\n", ovh_zone_template_plan_get_conflicts (self->plan));
      confirm = ovh_zone_template_plan_needs_confirmation (self->plan);
    }
  gtk_label_set_label (self->conflicts_label, conflicts != NULL ? conflicts : "");
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_label),
                          conflicts != NULL && *conflicts != '\0');

  /* A plan that removes or changes records says so on the button that stages it. */
  gtk_button_set_label (self->stage_button,
                        confirm ? _ ("_Replace and Stage") : _ ("_Stage Changes"));
  if (confirm)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->stage_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->stage_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->stage_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->stage_button), "suggested-action");
    }
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "template.stage",
      self->plan != NULL && !ovh_zone_diff_is_empty (ovh_zone_template_plan_get_diff (self->plan)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
clear_parameters (DomaineTemplateDialog *self)
{
  for (guint i = 0; self->entry_rows != NULL && i < self->entry_rows->len; i++)
    adw_preferences_group_remove (self->parameters_group, g_ptr_array_index (self->entry_rows, i));
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);
}

static void
choose (DomaineTemplateDialog *self, OvhZoneTemplate *template)
{
  GPtrArray *parameters;

  if (template == self->chosen)
    return;
  clear_parameters (self);
  g_set_object (&self->chosen, template);
  self->entry_rows = g_ptr_array_new ();
  adw_window_title_set_subtitle (self->window_title,
                                 template != NULL ? ovh_zone_template_get_title (template) : "");
  gtk_label_set_label (self->description_label,
                       template != NULL ? ovh_zone_template_get_description (template) : "");
  parameters = template != NULL ? ovh_zone_template_get_parameters (template) : NULL;
  for (guint i = 0; parameters != NULL && i < parameters->len; i++)
    {
      OvhZoneTemplateParameter *parameter = g_ptr_array_index (parameters, i);
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = NULL;

      /* Translators: a parameter that may be left empty */
      title = parameter->optional ? g_strdup_printf (_ ("%s (optional)"), parameter->label)
                                  : g_strdup (parameter->label);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      if (parameter->default_value != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), parameter->default_value);
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (parameter->key), g_free);
      g_signal_connect_object (row, "changed", G_CALLBACK (update_plan), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->parameters_group, row);
      g_ptr_array_add (self->entry_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->parameters_group),
                          parameters != NULL && parameters->len > 0);
  update_plan (self);
}

/* Narrow, the list and the chosen template are two pages: Back returns to the list. */
static void
apply_navigation (DomaineTemplateDialog *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet)
                                                 && adw_leaflet_get_visible_child (self->leaflet)
                                                        == self->details_box);
}

static void
navigation_idle_cb (gpointer data)
{
  DomaineTemplateDialog *self = data;

  self->navigation_idle = 0;
  apply_navigation (self);
}

/* The fold is known while the window is laid out; header buttons change after it, not during
 * it (GTK would draw the header bar unallocated). */
static void
update_back_button (DomaineTemplateDialog *self)
{
  if (self->navigation_idle == 0)
    self->navigation_idle = g_idle_add_once (navigation_idle_cb, self);
}

static void
back_clicked_cb (DomaineTemplateDialog *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
row_activated_cb (DomaineTemplateDialog *self, GtkListBoxRow *row)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
row_selected_cb (DomaineTemplateDialog *self, GtkListBoxRow *row)
{
  if (row != NULL)
    choose (self, g_ptr_array_index (self->templates, gtk_list_box_row_get_index (row)));
}

static void
stage_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineTemplateDialog *self = DOMAINE_TEMPLATE_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (self->plan == NULL)
    return;
  if (ovh_zone_diff_stage (ovh_zone_template_plan_get_diff (self->plan), self->changeset, NULL,
                           &error)
      < 0)
    {
      g_autofree char *title = ovh_error_dup_display_message (error);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  /* The changes wait in the zone editor for review and publishing. */
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_gallery (DomaineTemplateDialog *self)
{
  g_autoptr (GPtrArray) problems = NULL;

  self->templates = ovh_zone_template_list_all (&problems);
  for (guint i = 0; i < self->templates->len; i++)
    {
      OvhZoneTemplate *template = g_ptr_array_index (self->templates, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ovh_zone_template_get_title (template));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   ovh_zone_template_get_user (template)
                                       ? _ ("Your template")
                                       : ovh_zone_template_get_category (template));
      gtk_list_box_append (self->template_list, row);
    }
  for (guint i = 0; i < problems->len; i++)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (g_ptr_array_index (problems, i)));
}

static void
domaine_template_dialog_constructed (GObject *object)
{
  DomaineTemplateDialog *self = DOMAINE_TEMPLATE_DIALOG (object);

  G_OBJECT_CLASS (domaine_template_dialog_parent_class)->constructed (object);
  fill_gallery (self);
  gtk_list_box_select_row (self->template_list,
                           gtk_list_box_get_row_at_index (self->template_list, 0));
}

static void
domaine_template_dialog_dispose (GObject *object)
{
  DomaineTemplateDialog *self = DOMAINE_TEMPLATE_DIALOG (object);

  g_clear_handle_id (&self->navigation_idle, g_source_remove);
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);
  g_clear_object (&self->changeset);
  g_clear_object (&self->chosen);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_TEMPLATE_DIALOG);
  G_OBJECT_CLASS (domaine_template_dialog_parent_class)->dispose (object);
}

static void
domaine_template_dialog_finalize (GObject *object)
{
  g_free (DOMAINE_TEMPLATE_DIALOG (object)->problem);
  G_OBJECT_CLASS (domaine_template_dialog_parent_class)->finalize (object);
}

static void
domaine_template_dialog_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DomaineTemplateDialog *self = DOMAINE_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_template_dialog_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  DomaineTemplateDialog *self = DOMAINE_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_template_dialog_class_init (DomaineTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = domaine_template_dialog_constructed;
  object_class->dispose = domaine_template_dialog_dispose;
  object_class->finalize = domaine_template_dialog_finalize;
  object_class->get_property = domaine_template_dialog_get_property;
  object_class->set_property = domaine_template_dialog_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, OVH_TYPE_ZONE_TEMPLATE_PLAN,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_ZONE_DIFF_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/zone/domaine-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, template_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, parameters_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, diff_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, stage_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineTemplateDialog, details_box);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_back_button);
  gtk_widget_class_install_action (widget_class, "template.stage", NULL, stage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_template_dialog_init (DomaineTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem = g_strdup ("");
}

GtkWidget *
domaine_template_dialog_new (OvhChangeset *changeset)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);
  return g_object_new (DOMAINE_TYPE_TEMPLATE_DIALOG, "changeset", changeset, NULL);
}

gboolean
domaine_template_dialog_select (DomaineTemplateDialog *self, const char *id)
{
  g_return_val_if_fail (DOMAINE_IS_TEMPLATE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->templates->len; i++)
    if (g_str_equal (ovh_zone_template_get_id (g_ptr_array_index (self->templates, i)), id))
      {
        gtk_list_box_select_row (self->template_list,
                                 gtk_list_box_get_row_at_index (self->template_list, (int) i));
        return TRUE;
      }
  return FALSE;
}

void
domaine_template_dialog_set_value (DomaineTemplateDialog *self, const char *key, const char *value)
{
  g_return_if_fail (DOMAINE_IS_TEMPLATE_DIALOG (self));

  for (guint i = 0; self->entry_rows != NULL && i < self->entry_rows->len; i++)
    {
      GtkEditable *row = g_ptr_array_index (self->entry_rows, i);

      if (g_str_equal (g_object_get_data (G_OBJECT (row), "key"), key))
        gtk_editable_set_text (row, value);
    }
}

OvhZoneTemplatePlan *
domaine_template_dialog_get_plan (DomaineTemplateDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_TEMPLATE_DIALOG (self), NULL);
  return self->plan;
}

const char *
domaine_template_dialog_get_problem (DomaineTemplateDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_TEMPLATE_DIALOG (self), NULL);
  return self->problem;
}
