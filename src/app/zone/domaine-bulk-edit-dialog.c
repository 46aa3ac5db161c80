/* domaine-bulk-edit-dialog.c: one change for every selected record, previewed live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is redone on every input: it is a pure computation over the selection (10,000
 * records in a few milliseconds), and the preview lists exactly what staging would do.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-bulk-edit-dialog.h"

struct _DomaineBulkEditDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *stage_button;
  AdwComboRow *operation_row;
  GtkStack *operation_stack;
  GtkSwitch *default_ttl_switch;
  AdwActionRow *ttl_row;
  GtkSpinButton *ttl_spin;
  AdwEntryRow *find_row;
  AdwEntryRow *replace_row;
  GtkSwitch *regex_switch;
  GtkSwitch *case_switch;
  AdwEntryRow *name_row;
  GtkLabel *problem_label;
  GtkLabel *counts_label;
  GtkColumnView *preview_view;

  char *zone;
  GPtrArray *records;
  GtkNoSelection *preview_selection;
  GtkColumnViewColumn *columns[5]; /* by Column */
  OvhRecordBulkPlan *plan;
  char *problem;
};

G_DEFINE_FINAL_TYPE (DomaineBulkEditDialog, domaine_bulk_edit_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_STAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const page_names[] = { "ttl", "replace", "move", "delete" };

typedef enum
{
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_VALUE,
  COLUMN_BEFORE,
  COLUMN_AFTER,
} Column;

/* Planning ------------------------------------------------------------------------------ */

static void
set_problem (DomaineBulkEditDialog *self, const char *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_label (self->problem_label, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), *problem != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static OvhRecordBulkPlan *
make_plan (DomaineBulkEditDialog *self, GError **error)
{
  switch (adw_combo_row_get_selected (self->operation_row))
    {
    case OVH_RECORD_BULK_SET_TTL:
      {
        gboolean zone_default = gtk_switch_get_active (self->default_ttl_switch);

        return ovh_record_bulk_plan_new_set_ttl (
            self->records, zone_default
                               ? OVH_RECORD_TTL_ZONE_DEFAULT
                               : (guint) gtk_spin_button_get_value_as_int (self->ttl_spin));
      }
    case OVH_RECORD_BULK_REPLACE:
      {
        const char *from = gtk_editable_get_text (GTK_EDITABLE (self->find_row));
        OvhValueReplaceFlags flags = OVH_VALUE_REPLACE_DEFAULT;
        g_autoptr (OvhValueReplacer) replacer = NULL;

        /* Nothing typed yet is no mistake: just nothing to preview. */
        if (*from == '\0')
          return NULL;
        if (gtk_switch_get_active (self->regex_switch))
          flags |= OVH_VALUE_REPLACE_REGEX;
        if (!gtk_switch_get_active (self->case_switch))
          flags |= OVH_VALUE_REPLACE_IGNORE_CASE;
        replacer = ovh_value_replacer_new (
            from, gtk_editable_get_text (GTK_EDITABLE (self->replace_row)), flags, error);
        if (replacer == NULL)
          return NULL;
        return ovh_record_bulk_plan_new_replace (self->records, replacer);
      }
    case OVH_RECORD_BULK_MOVE:
      {
        const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

        if (*name == '\0')
          return NULL;
        return ovh_record_bulk_plan_new_move (self->records, name, self->zone);
      }
    case OVH_RECORD_BULK_DELETE:
    default:
      return ovh_record_bulk_plan_new_delete (self->records);
    }
}

static void
update_counts (DomaineBulkEditDialog *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n_changed, n_skipped, n_unchanged;

  if (self->plan == NULL)
    {
      gtk_label_set_label (self->counts_label, "");
      return;
    }
  n_changed = ovh_record_bulk_plan_get_n_changed (self->plan);
  n_skipped = ovh_record_bulk_plan_get_n_skipped (self->plan);
  n_unchanged = ovh_record_bulk_plan_get_n_unchanged (self->plan);
  g_string_append_printf (text, ngettext ("%u record changes", "%u records change", n_changed),
                          n_changed);
  if (n_skipped > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u record skipped", "%u records skipped", n_skipped),
                              n_skipped);
    }
  if (n_unchanged > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (
          text, ngettext ("%u record stays as it is", "%u records stay as they are", n_unchanged),
          n_unchanged);
    }
  gtk_label_set_label (self->counts_label, text->str);
}

static void
replan (DomaineBulkEditDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRecordBulkPlan) plan = make_plan (self, &error);

  g_set_object (&self->plan, plan);
  gtk_no_selection_set_model (self->preview_selection,
                              plan != NULL ? ovh_record_bulk_plan_get_items (plan) : NULL);
  set_problem (self, error != NULL ? error->message : "");
  update_counts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.stage",
                                 plan != NULL && ovh_record_bulk_plan_get_n_changed (plan) > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
operation_changed_cb (DomaineBulkEditDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->operation_row);

  if (selected < G_N_ELEMENTS (page_names))
    gtk_stack_set_visible_child_name (self->operation_stack, page_names[selected]);
  /* A move changes names: the names are then the before and after, and the value tells the
   * records of one name apart. */
  gtk_column_view_column_set_visible (self->columns[COLUMN_NAME], selected != OVH_RECORD_BULK_MOVE);
  gtk_column_view_column_set_visible (self->columns[COLUMN_VALUE],
                                      selected == OVH_RECORD_BULK_MOVE);
  replan (self);
}

static void
default_ttl_changed_cb (DomaineBulkEditDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->ttl_row),
                            !gtk_switch_get_active (self->default_ttl_switch));
  replan (self);
}

static void
stage_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineBulkEditDialog *self = DOMAINE_BULK_EDIT_DIALOG (widget);
  g_autoptr (OvhRecordBulkPlan) plan = NULL;

  if (self->plan == NULL || ovh_record_bulk_plan_get_n_changed (self->plan) == 0)
    return;
  plan = g_object_ref (self->plan);
  g_signal_emit (self, signals[SIGNAL_STAGE], 0, plan);
  gtk_window_close (GTK_WINDOW (self));
}

/* Preview columns ----------------------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  OvhRecordBulkItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  OvhRecord *record = ovh_record_bulk_item_get_record (item);
  g_autofree char *text = NULL;
  const char *shown = NULL;

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  switch ((Column) GPOINTER_TO_INT (data))
    {
    case COLUMN_NAME:
      shown = ovh_record_get_display_name (record);
      break;
    case COLUMN_TYPE:
      shown = ovh_record_get_field_type (record);
      break;
    case COLUMN_VALUE:
      shown = ovh_record_get_target (record);
      break;
    case COLUMN_BEFORE:
      shown = ovh_record_bulk_item_get_old_text (item);
      break;
    case COLUMN_AFTER:
    default:
      if (ovh_record_bulk_item_get_skipped (item))
        {
          /* Translators: a record left out of a bulk change, then why */
          text = g_strdup_printf (_ ("Skipped: %s"), ovh_record_bulk_item_get_reason (item));
          shown = text;
          gtk_widget_add_css_class (label, "error");
        }
      else if (ovh_record_bulk_item_get_after (item) == NULL)
        {
          shown = _ ("Deleted");
          gtk_widget_add_css_class (label, "dim-label");
        }
      else
        shown = ovh_record_bulk_item_get_new_text (item);
      break;
    }
  gtk_label_set_label (GTK_LABEL (label), shown != NULL ? shown : "");
  gtk_widget_set_tooltip_text (label, shown);
}

static void
add_column (DomaineBulkEditDialog *self, const char *title, Column column, gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->preview_view, view_column);
  self->columns[column] = view_column; /* the view keeps it */
  g_object_unref (view_column);
}

/* GObject ------------------------------------------------------------------------------- */

static void
domaine_bulk_edit_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_BULK_EDIT_DIALOG);

  G_OBJECT_CLASS (domaine_bulk_edit_dialog_parent_class)->dispose (object);
}

static void
domaine_bulk_edit_dialog_finalize (GObject *object)
{
  DomaineBulkEditDialog *self = DOMAINE_BULK_EDIT_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->preview_selection);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_free (self->zone);
  g_free (self->problem);

  G_OBJECT_CLASS (domaine_bulk_edit_dialog_parent_class)->finalize (object);
}

static void
domaine_bulk_edit_dialog_get_property (GObject *object,
                                       guint prop_id,
                                       GValue *value,
                                       GParamSpec *pspec)
{
  DomaineBulkEditDialog *self = DOMAINE_BULK_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_bulk_edit_dialog_class_init (DomaineBulkEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = domaine_bulk_edit_dialog_dispose;
  object_class->finalize = domaine_bulk_edit_dialog_finalize;
  object_class->get_property = domaine_bulk_edit_dialog_get_property;

  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, OVH_TYPE_RECORD_BULK_PLAN, ro);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, "", ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_STAGE]
      = g_signal_new ("stage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 1, OVH_TYPE_RECORD_BULK_PLAN);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/zone/domaine-bulk-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, stage_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, operation_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, operation_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, default_ttl_switch);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, ttl_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, ttl_spin);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, find_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, replace_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, regex_switch);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, case_switch);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineBulkEditDialog, preview_view);
  gtk_widget_class_install_action (widget_class, "bulk.stage", NULL, stage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_bulk_edit_dialog_init (DomaineBulkEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem = g_strdup ("");

  self->preview_selection = gtk_no_selection_new (NULL);
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (self->preview_selection));
  add_column (self, _ ("Name"), COLUMN_NAME, FALSE);
  add_column (self, _ ("Type"), COLUMN_TYPE, FALSE);
  add_column (self, _ ("Value"), COLUMN_VALUE, TRUE);
  add_column (self, _ ("Before"), COLUMN_BEFORE, TRUE);
  add_column (self, _ ("After"), COLUMN_AFTER, TRUE);

  g_signal_connect_object (self->operation_row, "notify::selected",
                           G_CALLBACK (operation_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->default_ttl_switch, "notify::active",
                           G_CALLBACK (default_ttl_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ttl_spin, "value-changed", G_CALLBACK (replan), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->find_row, "changed", G_CALLBACK (replan), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replace_row, "changed", G_CALLBACK (replan), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regex_switch, "notify::active", G_CALLBACK (replan), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_switch, "notify::active", G_CALLBACK (replan), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (replan), self, G_CONNECT_SWAPPED);
}

DomaineBulkEditDialog *
domaine_bulk_edit_dialog_new (const char *zone, GPtrArray *records)
{
  DomaineBulkEditDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (records != NULL, NULL);

  self = g_object_new (DOMAINE_TYPE_BULK_EDIT_DIALOG, NULL);
  self->zone = g_strdup (zone);
  self->records = g_ptr_array_ref (records);
  subtitle = g_strdup_printf (ngettext ("%u record selected", "%u records selected", records->len),
                              records->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  operation_changed_cb (self);
  return self;
}

OvhRecordBulkPlan *
domaine_bulk_edit_dialog_get_plan (DomaineBulkEditDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_BULK_EDIT_DIALOG (self), NULL);
  return self->plan;
}

const char *
domaine_bulk_edit_dialog_get_problem (DomaineBulkEditDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_BULK_EDIT_DIALOG (self), NULL);
  return self->problem;
}
