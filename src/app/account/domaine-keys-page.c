/* domaine-keys-page.c: the assistant's page of application keys (or a consumer key)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application key and secret, a consumer key the user may already have, and the keys of
 * the official tools found on this computer. ovh.conf files are read in a thread: the page
 * shows at once, and the import rows appear when the search ends.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-conf.h"
#include "ovh-endpoint.h"

#include "domaine-keys-page.h"

struct _DomaineKeysPage
{
  AdwPreferencesPage parent_instance;

  GPtrArray *candidates; /* OvhConfCandidate* */
  GCancellable *cancellable;
  gboolean imports_ready;
  gboolean complete;

  AdwEntryRow *application_key_row;
  AdwEntryRow *application_secret_row;
  AdwExpanderRow *consumer_key_expander;
  AdwEntryRow *consumer_key_row;
  AdwPreferencesGroup *import_group;
};

G_DEFINE_FINAL_TYPE (DomaineKeysPage, domaine_keys_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_COMPLETE,
  PROP_USES_CONSUMER_KEY,
  PROP_IMPORTS_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
is_filled (AdwEntryRow *row)
{
  g_autofree char *text = dup_text (row);

  return text[0] != '\0';
}

static void
input_changed_cb (DomaineKeysPage *self)
{
  gboolean complete
      = is_filled (self->application_key_row) && is_filled (self->application_secret_row)
        && (!domaine_keys_page_get_uses_consumer_key (self) || is_filled (self->consumer_key_row));

  if (complete == self->complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
expansion_changed_cb (DomaineKeysPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USES_CONSUMER_KEY]);
  input_changed_cb (self);
}

gboolean
domaine_keys_page_get_complete (DomaineKeysPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_KEYS_PAGE (self), FALSE);
  return self->complete;
}

gboolean
domaine_keys_page_get_uses_consumer_key (DomaineKeysPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_KEYS_PAGE (self), FALSE);
  return adw_expander_row_get_enable_expansion (self->consumer_key_expander);
}

char *
domaine_keys_page_dup_application_key (DomaineKeysPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_KEYS_PAGE (self), NULL);
  return dup_text (self->application_key_row);
}

char *
domaine_keys_page_dup_application_secret (DomaineKeysPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_KEYS_PAGE (self), NULL);
  return dup_text (self->application_secret_row);
}

char *
domaine_keys_page_dup_consumer_key (DomaineKeysPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_KEYS_PAGE (self), NULL);
  return dup_text (self->consumer_key_row);
}

gboolean
domaine_keys_page_get_imports_ready (DomaineKeysPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_KEYS_PAGE (self), FALSE);
  return self->imports_ready;
}

/* Importing */

static void
import_row_activated_cb (AdwActionRow *row, DomaineKeysPage *self)
{
  OvhConfCandidate *candidate = g_object_get_data (G_OBJECT (row), "candidate");

  gtk_editable_set_text (GTK_EDITABLE (self->application_key_row), candidate->application_key);
  gtk_editable_set_text (GTK_EDITABLE (self->application_secret_row),
                         candidate->application_secret != NULL ? candidate->application_secret
                                                               : "");
  adw_expander_row_set_enable_expansion (self->consumer_key_expander,
                                         candidate->consumer_key != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->consumer_key_row),
                         candidate->consumer_key != NULL ? candidate->consumer_key : "");
  /* Whoever holds the endpoint page says what was imported: the endpoint too, or why not. */
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, candidate->endpoint, candidate->source);
}

static void
add_import_row (DomaineKeysPage *self, OvhConfCandidate *candidate)
{
  const OvhEndpoint *known = ovh_endpoint_lookup (candidate->endpoint);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  /* Translators: %s is a file or "OVH_* environment variables". */
  title = g_strdup_printf (_ ("Import from %s"), candidate->source);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               known != NULL                 ? ovh_endpoint_get_display_name (known)
                               : candidate->endpoint != NULL ? candidate->endpoint
                                                             : "");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  g_object_set_data (G_OBJECT (row), "candidate", candidate);
  g_signal_connect_object (row, "activated", G_CALLBACK (import_row_activated_cb), self, 0);
  adw_preferences_group_add (self->import_group, row);
}

static void
find_candidates_thread (GTask *task,
                        gpointer source_object,
                        gpointer task_data,
                        GCancellable *cancellable)
{
  const char *const *envp = task_data;
  GError *error = NULL;
  GPtrArray *candidates = ovh_conf_find_candidates (NULL, envp, &error);

  if (candidates == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, candidates, (GDestroyNotify) g_ptr_array_unref);
}

static void
candidates_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineKeysPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) candidates = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (candidates == NULL)
    /* A broken ovh.conf is the official tools' business: just offer nothing. */
    g_debug ("No ovh.conf import: %s", error->message);
  else
    {
      self->candidates = g_steal_pointer (&candidates);
      for (guint i = 0; i < self->candidates->len; i++)
        add_import_row (self, g_ptr_array_index (self->candidates, i));
      gtk_widget_set_visible (GTK_WIDGET (self->import_group), self->candidates->len > 0);
    }

  self->imports_ready = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTS_READY]);
}

void
domaine_keys_page_find_imports (DomaineKeysPage *self)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DOMAINE_IS_KEYS_PAGE (self));
  g_return_if_fail (self->cancellable == NULL);

  /* No source object: the thread may drop the task last, and a widget must not go away
   * there. The environment is read here, where nothing sets it meanwhile. */
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, candidates_found_cb, g_object_ref (self));
  g_task_set_source_tag (task, domaine_keys_page_find_imports);
  g_task_set_task_data (task, g_get_environ (), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, find_candidates_thread);
}

/* GObject */

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* AdwExpanderRow 1.2 leaves its enable switch unnamed for screen readers. */
static void
name_expander_switch (AdwExpanderRow *row)
{
  GtkWidget *toggle = find_switch (GTK_WIDGET (row));

  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
}

/* Keyboard users land on the first thing to do. */
static gboolean
domaine_keys_page_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (DOMAINE_KEYS_PAGE (widget)->application_key_row));
}

static void
domaine_keys_page_dispose (GObject *object)
{
  DomaineKeysPage *self = DOMAINE_KEYS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_KEYS_PAGE);

  G_OBJECT_CLASS (domaine_keys_page_parent_class)->dispose (object);
}

static void
domaine_keys_page_finalize (GObject *object)
{
  DomaineKeysPage *self = DOMAINE_KEYS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (domaine_keys_page_parent_class)->finalize (object);
}

static void
domaine_keys_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineKeysPage *self = DOMAINE_KEYS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_USES_CONSUMER_KEY:
      g_value_set_boolean (value, domaine_keys_page_get_uses_consumer_key (self));
      break;
    case PROP_IMPORTS_READY:
      g_value_set_boolean (value, self->imports_ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* libadwaita 1.2 gives the reveal button of a password row a tooltip only, which assistive
 * technology does not read: name it; its pressed state says whether the text shows. */
static void
name_peek_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _ ("Show Text"), -1);
      else
        name_peek_button (child);
    }
}

static void
domaine_keys_page_class_init (DomaineKeysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = domaine_keys_page_dispose;
  object_class->finalize = domaine_keys_page_finalize;
  object_class->get_property = domaine_keys_page_get_property;
  widget_class->grab_focus = domaine_keys_page_grab_focus;

  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);
  properties[PROP_USES_CONSUMER_KEY]
      = g_param_spec_boolean ("uses-consumer-key", NULL, NULL, FALSE, flags);
  properties[PROP_IMPORTS_READY] = g_param_spec_boolean ("imports-ready", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An import filled the page; the arguments are the endpoint it names (nullable) and where
   * the keys were found ("~/.ovh.conf"). */
  signals[SIGNAL_IMPORTED]
      = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/account/domaine-keys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineKeysPage, application_key_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineKeysPage, application_secret_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineKeysPage, consumer_key_expander);
  gtk_widget_class_bind_template_child (widget_class, DomaineKeysPage, consumer_key_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineKeysPage, import_group);
}

static void
domaine_keys_page_init (DomaineKeysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_peek_button (GTK_WIDGET (self->application_secret_row));
  name_peek_button (GTK_WIDGET (self->consumer_key_row));
  name_expander_switch (self->consumer_key_expander);

  g_signal_connect_object (self->application_key_row, "changed", G_CALLBACK (input_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application_secret_row, "changed", G_CALLBACK (input_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consumer_key_row, "changed", G_CALLBACK (input_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->consumer_key_expander, "notify::enable-expansion",
                           G_CALLBACK (expansion_changed_cb), self, G_CONNECT_SWAPPED);
}
