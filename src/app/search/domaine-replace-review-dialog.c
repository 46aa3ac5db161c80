/* domaine-replace-review-dialog.c: one review of a replacement in many zones, then publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkTreeListModel over the plan: each zone (OvhZoneReplacement) heads its changes
 * (OvhZoneDiffItem), in one GtkListView, so that a replacement touching hundreds of zones
 * makes widgets only for the rows on screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-replace-review-dialog.h"
#include "domaine-zone-diff-view.h"
#include "ovh-account-replace.h"

struct _DomaineReplaceReviewDialog
{
  AdwWindow parent_instance;

  GListModel *plan;
  GCancellable *cancellable;
  gboolean busy;

  /* Template children */
  GtkWidget *publish_button;
  GtkSpinner *spinner;
  GtkLabel *summary_label;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (DomaineReplaceReviewDialog, domaine_replace_review_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_BUSY,
  N_PROPS
};

enum
{
  SIGNAL_PUBLISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Rows -------------------------------------------------------------------------------------- */

static GListModel *
create_children (gpointer item, gpointer user_data)
{
  OvhZoneDiff *diff;

  if (!OVH_IS_ZONE_REPLACEMENT (item))
    return NULL;
  diff = ovh_zone_replacement_get_diff (OVH_ZONE_REPLACEMENT (item));
  return g_object_ref (ovh_zone_diff_get_items (diff));
}

typedef struct
{
  GtkWidget *expander;
  GtkWidget *sign;
  GtkWidget *name;
  GtkWidget *type;
  GtkWidget *value;
  GtkWidget *state;
  GtkWidget *detail;
} RowWidgets;

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  row->expander = gtk_tree_expander_new ();
  row->sign = gtk_label_new (NULL);
  row->name = gtk_label_new (NULL);
  row->type = gtk_label_new (NULL);
  row->value = gtk_label_new (NULL);
  row->state = gtk_label_new (NULL);
  row->detail = gtk_label_new (NULL);

  /* The detail goes under the line, outside the expander: its arrow stays by the zone name. */
  gtk_widget_set_margin_top (outer, 6);
  gtk_widget_set_margin_bottom (outer, 6);
  gtk_widget_set_margin_end (outer, 12);
  gtk_label_set_width_chars (GTK_LABEL (row->sign), 2);
  gtk_label_set_xalign (GTK_LABEL (row->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (row->type), 0);
  gtk_widget_add_css_class (row->type, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (row->value), 0);
  gtk_label_set_wrap (GTK_LABEL (row->value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (row->value, TRUE);
  gtk_label_set_xalign (GTK_LABEL (row->detail), 0);
  gtk_label_set_wrap (GTK_LABEL (row->detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (row->detail, 24);
  gtk_box_append (GTK_BOX (line), row->sign);
  gtk_box_append (GTK_BOX (line), row->name);
  gtk_box_append (GTK_BOX (line), row->type);
  gtk_box_append (GTK_BOX (line), row->value);
  gtk_box_append (GTK_BOX (line), row->state);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (row->expander), line);
  gtk_box_append (GTK_BOX (outer), row->expander);
  gtk_box_append (GTK_BOX (outer), row->detail);
  gtk_list_item_set_child (list_item, outer);
  g_object_set_data_full (G_OBJECT (list_item), "row", row, g_free);
}

static void
set_css (GtkWidget *widget, const char *css)
{
  const char *const all[] = { "success", "error", "warning", "dim-label", "heading" };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (widget, all[i]);
  if (css != NULL)
    gtk_widget_add_css_class (widget, css);
}

/* The zone's line: its name, its counts, how publishing it went. */
static void
update_zone_row (GtkListItem *list_item)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "row");
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr (OvhZoneReplacement) replacement = NULL;
  GPtrArray *refusals;
  const GError *error;
  g_autofree char *counts = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  const char *state = "";
  const char *state_css = NULL;

  if (tree_row == NULL)
    return;
  replacement = gtk_tree_list_row_get_item (tree_row);
  if (!OVH_IS_ZONE_REPLACEMENT (replacement))
    return;
  refusals = ovh_zone_replacement_get_refusals (replacement);
  error = ovh_zone_replacement_get_error (replacement);
  counts = domaine_zone_diff_view_format_counts (ovh_zone_replacement_get_diff (replacement));

  switch (ovh_zone_replacement_get_state (replacement))
    {
    case OVH_ZONE_REPLACEMENT_APPLYING:
      state = _ ("Publishing…");
      break;
    case OVH_ZONE_REPLACEMENT_PUBLISHED:
      state = _ ("Published");
      state_css = "success";
      break;
    case OVH_ZONE_REPLACEMENT_FAILED:
      state = _ ("Not published");
      state_css = "error";
      break;
    case OVH_ZONE_REPLACEMENT_UNCHANGED:
      state = _ ("Nothing to publish");
      state_css = "dim-label";
      break;
    default:
      break;
    }

  if (error != NULL && ovh_zone_replacement_get_state (replacement) == OVH_ZONE_REPLACEMENT_FAILED)
    /* Translators: why a zone was not published; its changes stay for another try */
    detail
        = g_strdup_printf (_ ("%s. Its changes are kept: Retry sends them again."), error->message);
  else if (refusals->len > 0)
    {
      OvhReplaceRefusal *first = g_ptr_array_index (refusals, 0);

      detail = g_strdup_printf (
          /* Translators: how many values are left, then the first one's name, and why */
          ngettext ("%u value is left as it is (%s: %s)", "%u values are left as they are (%s: %s)",
                    refusals->len),
          refusals->len, ovh_record_get_display_name (first->record), first->error->message);
    }

  gtk_label_set_label (GTK_LABEL (row->state), state);
  set_css (row->state, state_css);
  gtk_widget_set_visible (row->state, *state != '\0');
  gtk_label_set_label (GTK_LABEL (row->detail), detail != NULL ? detail : "");
  set_css (row->detail, ovh_zone_replacement_get_state (replacement) == OVH_ZONE_REPLACEMENT_FAILED
                            ? "error"
                            : "dim-label");
  gtk_widget_set_visible (row->detail, detail != NULL);
  gtk_label_set_label (GTK_LABEL (row->type), counts);

  /* Translators: a zone, its counts ("~3"), how publishing it went, then why */
  accessible = g_strdup_printf (_ ("%s %s %s %s"), ovh_zone_replacement_get_zone_name (replacement),
                                counts, state, detail != NULL ? detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
bind_diff_item (RowWidgets *row, OvhZoneDiffItem *item)
{
  OvhRecord *before = ovh_zone_diff_item_get_before (item);
  OvhRecord *after = ovh_zone_diff_item_get_after (item);
  OvhRecord *record = ovh_zone_diff_item_get_record (item);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (before != NULL && after != NULL)
    text = g_strdup_printf ("%s → %s", ovh_record_get_target (before),
                            ovh_record_get_target (after));
  else
    text = g_strdup (ovh_record_get_target (record));

  gtk_widget_set_visible (row->sign, TRUE);
  gtk_label_set_label (GTK_LABEL (row->sign), "~");
  set_css (row->sign, "warning");
  gtk_label_set_width_chars (GTK_LABEL (row->name), 14);
  gtk_label_set_label (GTK_LABEL (row->name), ovh_record_get_display_name (record));
  set_css (row->name, NULL);
  gtk_label_set_width_chars (GTK_LABEL (row->type), 6);
  gtk_label_set_label (GTK_LABEL (row->type), ovh_record_get_field_type (record));
  gtk_label_set_label (GTK_LABEL (row->value), text);
  gtk_widget_set_visible (row->state, FALSE);
  gtk_widget_set_visible (row->detail, FALSE);

  /* Translators: the record's name, its type, then its value before → after */
  accessible = g_strdup_printf (_ ("Changed: %s %s %s"), ovh_record_get_display_name (record),
                                ovh_record_get_field_type (record), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "row");
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr (GObject) item = gtk_tree_list_row_get_item (tree_row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), tree_row);
  if (OVH_IS_ZONE_DIFF_ITEM (item))
    {
      bind_diff_item (row, OVH_ZONE_DIFF_ITEM (item));
      return;
    }

  gtk_widget_set_visible (row->sign, FALSE);
  gtk_label_set_width_chars (GTK_LABEL (row->name), -1);
  gtk_label_set_label (GTK_LABEL (row->name),
                       ovh_zone_replacement_get_zone_name (OVH_ZONE_REPLACEMENT (item)));
  set_css (row->name, "heading");
  gtk_label_set_width_chars (GTK_LABEL (row->type), -1);
  gtk_label_set_label (GTK_LABEL (row->value), "");
  g_signal_connect_object (item, "notify::state", G_CALLBACK (update_zone_row), list_item,
                           G_CONNECT_SWAPPED);
  update_zone_row (list_item);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "row");
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr (GObject) item = tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, list_item);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), NULL);
}

/* Publishing -------------------------------------------------------------------------------- */

static void
set_busy (DomaineReplaceReviewDialog *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.publish", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_summary (DomaineReplaceReviewDialog *self, const GError *error)
{
  guint n_changes = ovh_account_replace_count_changes (self->plan);
  guint n_refusals = ovh_account_replace_count_refusals (self->plan);
  guint n_zones = 0;
  g_autofree char *changes = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->plan); i++)
    {
      g_autoptr (OvhZoneReplacement) replacement = g_list_model_get_item (self->plan, i);

      if (ovh_changeset_get_n_pending (ovh_zone_replacement_get_changeset (replacement)) > 0)
        n_zones++;
    }

  if (error != NULL)
    text = g_strdup (error->message);
  else if (n_changes == 0 && n_refusals == 0)
    text = g_strdup (_ ("Every zone is published."));
  else
    {
      /* Translators: "8 values change" then "in 3 zones" */
      g_autofree char *values = g_strdup_printf (
          ngettext ("%u value changes", "%u values change", n_changes), n_changes);
      g_autofree char *zones = g_strdup_printf (
          ngettext ("in %u zone, published once", "in %u zones, each published once", n_zones),
          n_zones);

      changes = g_strdup_printf ("%s %s.", values, zones);
      if (n_refusals > 0)
        text = g_strdup_printf (
            /* Translators: the sentence above, then how many values OVH would refuse */
            ngettext ("%s %u value is left as it is: OVHcloud would refuse it.",
                      "%s %u values are left as they are: OVHcloud would refuse them.", n_refusals),
            changes, n_refusals);
      else
        text = g_steal_pointer (&changes);
    }
  gtk_label_set_label (self->summary_label, text);
  set_css (GTK_WIDGET (self->summary_label), error != NULL ? "error" : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.publish", n_changes > 0 && !self->busy);
}

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineReplaceReviewDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  if (!ovh_account_replace_apply_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_button_set_label (GTK_BUTTON (self->publish_button), _ ("_Retry"));
      update_summary (self, error);
      return;
    }
  update_summary (self, NULL);
  g_signal_emit (self, signals[SIGNAL_PUBLISHED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

void
domaine_replace_review_dialog_publish (DomaineReplaceReviewDialog *self)
{
  g_return_if_fail (DOMAINE_IS_REPLACE_REVIEW_DIALOG (self));

  if (self->busy || ovh_account_replace_count_changes (self->plan) == 0)
    return;
  set_busy (self, TRUE);
  ovh_account_replace_apply_async (self->plan, 0, self->cancellable, applied_cb,
                                   g_object_ref (self));
}

static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_replace_review_dialog_publish (DOMAINE_REPLACE_REVIEW_DIALOG (widget));
}

/* GObject ----------------------------------------------------------------------------------- */

static gboolean
domaine_replace_review_dialog_close_request (GtkWindow *window)
{
  DomaineReplaceReviewDialog *self = DOMAINE_REPLACE_REVIEW_DIALOG (window);

  /* What is in flight is seen through by the changesets; the rest stays unsent. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (domaine_replace_review_dialog_parent_class)->close_request (window);
}

static void
domaine_replace_review_dialog_constructed (GObject *object)
{
  DomaineReplaceReviewDialog *self = DOMAINE_REPLACE_REVIEW_DIALOG (object);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkTreeListModel *tree;
  GtkNoSelection *selection;

  G_OBJECT_CLASS (domaine_replace_review_dialog_parent_class)->constructed (object);

  tree = gtk_tree_list_model_new (g_object_ref (self->plan), FALSE, TRUE, create_children, NULL,
                                  NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (tree));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  update_summary (self, NULL);
}

static void
domaine_replace_review_dialog_dispose (GObject *object)
{
  DomaineReplaceReviewDialog *self = DOMAINE_REPLACE_REVIEW_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_REPLACE_REVIEW_DIALOG);
  G_OBJECT_CLASS (domaine_replace_review_dialog_parent_class)->dispose (object);
}

static void
domaine_replace_review_dialog_finalize (GObject *object)
{
  DomaineReplaceReviewDialog *self = DOMAINE_REPLACE_REVIEW_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (domaine_replace_review_dialog_parent_class)->finalize (object);
}

static void
domaine_replace_review_dialog_get_property (GObject *object,
                                            guint prop_id,
                                            GValue *value,
                                            GParamSpec *pspec)
{
  DomaineReplaceReviewDialog *self = DOMAINE_REPLACE_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_replace_review_dialog_set_property (GObject *object,
                                            guint prop_id,
                                            const GValue *value,
                                            GParamSpec *pspec)
{
  DomaineReplaceReviewDialog *self = DOMAINE_REPLACE_REVIEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_replace_review_dialog_class_init (DomaineReplaceReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = domaine_replace_review_dialog_constructed;
  object_class->dispose = domaine_replace_review_dialog_dispose;
  object_class->finalize = domaine_replace_review_dialog_finalize;
  object_class->get_property = domaine_replace_review_dialog_get_property;
  object_class->set_property = domaine_replace_review_dialog_set_property;
  window_class->close_request = domaine_replace_review_dialog_close_request;

  properties[PROP_PLAN]
      = g_param_spec_object ("plan", NULL, NULL, G_TYPE_LIST_MODEL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/search/domaine-replace-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineReplaceReviewDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineReplaceReviewDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineReplaceReviewDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineReplaceReviewDialog, list_view);

  gtk_widget_class_install_action (widget_class, "review.publish", NULL, publish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_replace_review_dialog_init (DomaineReplaceReviewDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

DomaineReplaceReviewDialog *
domaine_replace_review_dialog_new (GListModel *plan)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (plan), NULL);
  return g_object_new (DOMAINE_TYPE_REPLACE_REVIEW_DIALOG, "plan", plan, NULL);
}

GListModel *
domaine_replace_review_dialog_get_plan (DomaineReplaceReviewDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_REPLACE_REVIEW_DIALOG (self), NULL);
  return self->plan;
}

gboolean
domaine_replace_review_dialog_get_busy (DomaineReplaceReviewDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_REPLACE_REVIEW_DIALOG (self), FALSE);
  return self->busy;
}
