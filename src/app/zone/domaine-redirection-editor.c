/* domaine-redirection-editor.c: the dialog that adds or edits a web redirection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-redirection-editor.h"
#include "ovh-error.h"

struct _DomaineRedirectionEditor
{
  AdwWindow parent_instance;

  char *zone;
  gint64 id; /* of the redirection edited; 0 for a new one */
  GStrv taken;

  AdwPreferencesGroup *main_group;
  AdwEntryRow *subdomain_row;
  GtkLabel *zone_suffix;
  AdwComboRow *type_row;
  AdwEntryRow *target_row;
  AdwPreferencesGroup *page_group;
  AdwEntryRow *title_row;
  AdwEntryRow *keywords_row;
  AdwEntryRow *description_row;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (DomaineRedirectionEditor, domaine_redirection_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* "@", the zone's own name and full names ending with it are what people also type. */
static char *
short_subdomain (DomaineRedirectionEditor *self, const char *typed)
{
  g_autofree char *name = g_strdup (typed);
  g_autofree char *suffix = g_strconcat (".", self->zone, NULL);
  gsize length = strlen (name);

  if (length > 1 && name[length - 1] == '.')
    name[--length] = '\0';
  if (g_str_equal (name, "@") || g_ascii_strcasecmp (name, self->zone) == 0)
    return g_strdup ("");
  if (length > strlen (suffix) && g_ascii_strcasecmp (name + length - strlen (suffix), suffix) == 0)
    name[length - strlen (suffix)] = '\0';
  return g_steal_pointer (&name);
}

OvhRedirection *
domaine_redirection_editor_dup_redirection (DomaineRedirectionEditor *self, GError **error)
{
  g_autofree char *typed = entry_text (self->subdomain_row);
  g_autofree char *subdomain = short_subdomain (self, typed);
  g_autofree char *target = entry_text (self->target_row);
  g_autofree char *title = entry_text (self->title_row);
  g_autofree char *keywords = entry_text (self->keywords_row);
  g_autofree char *description = entry_text (self->description_row);
  OvhRedirectionType type = adw_combo_row_get_selected (self->type_row);
  g_autoptr (OvhRedirection) redirection = NULL;

  g_return_val_if_fail (DOMAINE_IS_REDIRECTION_EDITOR (self), NULL);

  /* The texts belong to an invisible redirection only. */
  if (type != OVH_REDIRECTION_INVISIBLE)
    {
      g_clear_pointer (&title, g_free);
      g_clear_pointer (&keywords, g_free);
      g_clear_pointer (&description, g_free);
    }
  redirection
      = ovh_redirection_new (self->id, subdomain, type, target, title, keywords, description);
  if (!ovh_redirection_check (redirection, error))
    return NULL;
  for (guint i = 0; self->taken != NULL && self->taken[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->taken[i], subdomain) == 0)
      {
        g_set_error (error, OVH_ERROR, OVH_ERROR_CONFLICT,
                     _ ("%s already has a redirection: edit that one instead."),
                     subdomain[0] != '\0' ? subdomain : self->zone);
        return NULL;
      }
  return g_steal_pointer (&redirection);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRedirectionEditor *self = DOMAINE_REDIRECTION_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRedirection) redirection
      = domaine_redirection_editor_dup_redirection (self, &error);

  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (redirection == NULL)
    return;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, redirection);
  gtk_window_close (GTK_WINDOW (self));
}

/* What was said about the last Save no longer holds once the form changes. */
static void
form_changed_cb (DomaineRedirectionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
type_changed_cb (DomaineRedirectionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->page_group),
                          adw_combo_row_get_selected (self->type_row) == OVH_REDIRECTION_INVISIBLE);
}

static void
domaine_redirection_editor_finalize (GObject *object)
{
  DomaineRedirectionEditor *self = DOMAINE_REDIRECTION_EDITOR (object);

  g_free (self->zone);
  g_strfreev (self->taken);
  G_OBJECT_CLASS (domaine_redirection_editor_parent_class)->finalize (object);
}

static void
domaine_redirection_editor_class_init (DomaineRedirectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = domaine_redirection_editor_finalize;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, OVH_TYPE_REDIRECTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/zone/domaine-redirection-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, main_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, subdomain_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, zone_suffix);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, page_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, keywords_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionEditor, error_label);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
domaine_redirection_editor_init (DomaineRedirectionEditor *self)
{
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (OvhRedirectionType t = OVH_REDIRECTION_VISIBLE; t <= OVH_REDIRECTION_INVISIBLE; t++)
    gtk_string_list_append (types, ovh_redirection_type_get_label (t));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  g_signal_connect_object (self->type_row, "notify::selected", G_CALLBACK (type_changed_cb), self,
                           G_CONNECT_SWAPPED);
  type_changed_cb (self);
  {
    AdwEntryRow *rows[] = { self->subdomain_row, self->target_row, self->title_row,
                            self->keywords_row, self->description_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect_object (rows[i], "changed", G_CALLBACK (form_changed_cb), self,
                               G_CONNECT_SWAPPED);
  }
}

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

DomaineRedirectionEditor *
domaine_redirection_editor_new (const char *zone, OvhRedirection *initial, const char *const *taken)
{
  DomaineRedirectionEditor *self;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (zone != NULL, NULL);
  g_return_val_if_fail (initial == NULL || OVH_IS_REDIRECTION (initial), NULL);

  self = g_object_new (DOMAINE_TYPE_REDIRECTION_EDITOR, NULL);
  self->zone = g_strdup (zone);
  self->taken = g_strdupv ((char **) taken);
  suffix = g_strconcat (".", zone, NULL);
  gtk_label_set_text (self->zone_suffix, suffix);
  gtk_window_set_title (GTK_WINDOW (self),
                        initial != NULL ? _ ("Edit Redirection") : _ ("Add Redirection"));
  if (initial != NULL)
    {
      self->id = ovh_redirection_get_id (initial);
      set_entry (self->subdomain_row, ovh_redirection_get_subdomain (initial));
      adw_combo_row_set_selected (self->type_row, ovh_redirection_get_redirection_type (initial));
      set_entry (self->target_row, ovh_redirection_get_target (initial));
      set_entry (self->title_row, ovh_redirection_get_title (initial));
      set_entry (self->keywords_row, ovh_redirection_get_keywords (initial));
      set_entry (self->description_row, ovh_redirection_get_description (initial));
    }
  else
    adw_combo_row_set_selected (self->type_row, OVH_REDIRECTION_VISIBLE_PERMANENT);
  return self;
}
