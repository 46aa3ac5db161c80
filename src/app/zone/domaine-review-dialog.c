/* domaine-review-dialog.c: the unpublished changes of a zone, as a diff to check before publishing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-review-dialog.h"
#include "domaine-value-wrap.h"
#include "ovh-error.h"

struct _DomaineReviewDialog
{
  AdwWindow parent_instance;

  OvhChangeset *changeset;
  GHashTable *dropped; /* OvhChange (ref) → the user unchecked it */
  GPtrArray *rows;     /* the rows now in the groups */

  /* Template children */
  GtkStack *stack;
  AdwPreferencesGroup *added_group;
  AdwPreferencesGroup *changed_group;
  AdwPreferencesGroup *deleted_group;
};

G_DEFINE_FINAL_TYPE (DomaineReviewDialog, domaine_review_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_PUBLISH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void domaine_review_dialog_rebuild (DomaineReviewDialog *self);

static char *
record_title (OvhRecord *record)
{
  /* "www · MX" */
  return g_strdup_printf ("%s · %s", ovh_record_get_display_name (record),
                          ovh_record_get_field_type (record));
}

static char *
record_value (OvhRecord *record)
{
  g_autofree char *ttl = NULL;

  if (ovh_record_get_ttl (record) == OVH_RECORD_TTL_ZONE_DEFAULT)
    return g_strdup (ovh_record_get_target (record));
  /* Translators: a record's value then its TTL in seconds. */
  return g_strdup_printf (_ ("%s (TTL %u)"), ovh_record_get_target (record),
                          ovh_record_get_ttl (record));
}

static void
kept_toggled_cb (GtkCheckButton *check, DomaineReviewDialog *self)
{
  OvhChange *change = g_object_get_data (G_OBJECT (check), "change");

  domaine_review_dialog_set_kept (self, change, gtk_check_button_get_active (check));
}

static void
copy_query_id_cb (GtkButton *button, DomaineReviewDialog *self)
{
  const char *query_id = g_object_get_data (G_OBJECT (button), "query-id");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), query_id);
}

static void
discard_cb (GtkButton *button, DomaineReviewDialog *self)
{
  OvhChange *change = g_object_get_data (G_OBJECT (button), "change");

  ovh_changeset_discard (self->changeset, change);
}

static GtkWidget *
domaine_review_dialog_create_row (DomaineReviewDialog *self, OvhChange *change)
{
  OvhRecord *shown = ovh_change_get_record (change);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const GError *error = ovh_change_get_error (change);
  g_autofree char *title = record_title (shown);
  g_autofree char *subtitle = NULL;

  if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_UPDATE)
    {
      g_autofree char *before = record_value (ovh_change_get_before (change));
      g_autofree char *after = record_value (ovh_change_get_after (change));

      subtitle = g_strdup_printf ("%s → %s", before, after);
    }
  else
    subtitle = record_value (shown);

  if (error != NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (error);
      g_autofree char *with_error = g_strdup_printf ("%s\n%s", subtitle, message);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_error);
      gtk_widget_add_css_class (row, "review-failed");
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The whole value: a cut one could not be checked before publishing it. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  domaine_value_wrap_row_subtitle (row);
  gtk_widget_add_css_class (row, "review-change");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               !g_hash_table_contains (self->dropped, change));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Keep this change"), -1);
  g_object_set_data_full (G_OBJECT (check), "change", g_object_ref (change), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (kept_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  if (error != NULL)
    {
      const char *query_id = ovh_error_get_query_id (error);
      GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");

      if (query_id != NULL)
        {
          GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

          gtk_widget_set_tooltip_text (copy, _ ("Copy Query ID"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Copy Query ID"), -1);
          gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (copy, "flat");
          g_object_set_data_full (G_OBJECT (copy), "query-id", g_strdup (query_id), g_free);
          g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_query_id_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
        }
      gtk_widget_set_tooltip_text (discard, _ ("Discard Change"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Discard Change"), -1);
      gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (discard, "flat");
      g_object_set_data_full (G_OBJECT (discard), "change", g_object_ref (change), g_object_unref);
      g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
    }

  g_object_set_data_full (G_OBJECT (row), "change", g_object_ref (change), g_object_unref);
  return row;
}

static void
domaine_review_dialog_rebuild (DomaineReviewDialog *self)
{
  GListModel *changes = ovh_changeset_get_changes (self->changeset);
  guint n_changes = g_list_model_get_n_items (changes);
  guint n_added = 0, n_changed = 0, n_deleted = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (
          ADW_PREFERENCES_GROUP (g_object_get_data (G_OBJECT (row), "group")), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);
      GtkWidget *row = domaine_review_dialog_create_row (self, change);
      AdwPreferencesGroup *group;

      switch (ovh_change_get_kind (change))
        {
        case OVH_CHANGE_KIND_CREATE:
          group = self->added_group;
          n_added++;
          break;
        case OVH_CHANGE_KIND_UPDATE:
          group = self->changed_group;
          n_changed++;
          break;
        case OVH_CHANGE_KIND_DELETE:
        default:
          group = self->deleted_group;
          n_deleted++;
          break;
        }
      g_object_set_data (G_OBJECT (row), "group", group);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->added_group), n_added > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changed_group), n_changed > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->deleted_group), n_deleted > 0);
  gtk_stack_set_visible_child_name (self->stack, n_changes > 0 ? "changes" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.publish",
                                 n_changes > 0 && !ovh_changeset_get_busy (self->changeset));
}

gboolean
domaine_review_dialog_get_kept (DomaineReviewDialog *self, OvhChange *change)
{
  g_return_val_if_fail (DOMAINE_IS_REVIEW_DIALOG (self), FALSE);
  return !g_hash_table_contains (self->dropped, change);
}

void
domaine_review_dialog_set_kept (DomaineReviewDialog *self, OvhChange *change, gboolean kept)
{
  g_return_if_fail (DOMAINE_IS_REVIEW_DIALOG (self));
  g_return_if_fail (OVH_IS_CHANGE (change));

  if (kept)
    g_hash_table_remove (self->dropped, change);
  else
    g_hash_table_add (self->dropped, g_object_ref (change));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_object_get_data (G_OBJECT (row), "change") == change)
        {
          if (kept)
            gtk_widget_remove_css_class (row, "dim-label");
          else
            gtk_widget_add_css_class (row, "dim-label");
        }
    }
}

void
domaine_review_dialog_publish (DomaineReviewDialog *self)
{
  GHashTableIter iter;
  gpointer change;
  g_autoptr (GPtrArray) dropped = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (DOMAINE_IS_REVIEW_DIALOG (self));

  g_hash_table_iter_init (&iter, self->dropped);
  while (g_hash_table_iter_next (&iter, &change, NULL))
    g_ptr_array_add (dropped, g_object_ref (change));
  for (guint i = 0; i < dropped->len; i++)
    ovh_changeset_discard (self->changeset, g_ptr_array_index (dropped, i));
  g_hash_table_remove_all (self->dropped);

  g_signal_emit (self, signals[SIGNAL_PUBLISH], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_review_dialog_publish (DOMAINE_REVIEW_DIALOG (widget));
}

static void
domaine_review_dialog_dispose (GObject *object)
{
  DomaineReviewDialog *self = DOMAINE_REVIEW_DIALOG (object);

  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_REVIEW_DIALOG);

  G_OBJECT_CLASS (domaine_review_dialog_parent_class)->dispose (object);
}

static void
domaine_review_dialog_finalize (GObject *object)
{
  DomaineReviewDialog *self = DOMAINE_REVIEW_DIALOG (object);

  g_clear_object (&self->changeset);
  g_clear_pointer (&self->dropped, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (domaine_review_dialog_parent_class)->finalize (object);
}

static void
domaine_review_dialog_class_init (DomaineReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_review_dialog_dispose;
  object_class->finalize = domaine_review_dialog_finalize;

  signals[SIGNAL_PUBLISH] = g_signal_new ("publish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineReviewDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineReviewDialog, added_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineReviewDialog, changed_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineReviewDialog, deleted_group);

  gtk_widget_class_install_action (widget_class, "review.publish", NULL, publish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_review_dialog_init (DomaineReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dropped = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->rows = g_ptr_array_new ();
}

DomaineReviewDialog *
domaine_review_dialog_new (OvhChangeset *changeset)
{
  DomaineReviewDialog *self;

  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);

  self = g_object_new (DOMAINE_TYPE_REVIEW_DIALOG, NULL);
  self->changeset = g_object_ref (changeset);
  g_signal_connect_object (ovh_changeset_get_changes (changeset), "items-changed",
                           G_CALLBACK (domaine_review_dialog_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (changeset, "notify::busy", G_CALLBACK (domaine_review_dialog_rebuild),
                           self, G_CONNECT_SWAPPED);
  domaine_review_dialog_rebuild (self);
  return self;
}

OvhChangeset *
domaine_review_dialog_get_changeset (DomaineReviewDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_REVIEW_DIALOG (self), NULL);
  return self->changeset;
}
