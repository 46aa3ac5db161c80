/* domaine-changes-bar.c: what is left to publish in a zone, with Review and Publish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-changes-bar.h"

struct _DomaineChangesBar
{
  GtkWidget parent_instance;

  guint n_pending;
  guint n_failed;
  guint n_to_apply;
  gboolean needs_publish;
  gboolean busy;

  /* Template children */
  GtkRevealer *revealer;
  GtkSpinner *spinner;
  GtkWidget *error_icon;
  GtkLabel *label;
  GtkWidget *review_button;
};

G_DEFINE_FINAL_TYPE (DomaineChangesBar, domaine_changes_bar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_PENDING,
  PROP_N_FAILED,
  PROP_NEEDS_PUBLISH,
  PROP_BUSY,
  PROP_N_TO_APPLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
domaine_changes_bar_dup_text (DomaineChangesBar *self)
{
  if (self->busy)
    {
      if (self->n_to_apply > 0)
        return g_strdup_printf (
            ngettext ("Publishing %u change…", "Publishing %u changes…", self->n_to_apply),
            self->n_to_apply);
      return g_strdup (_ ("Publishing the zone…"));
    }
  if (self->n_failed > 0)
    {
      g_autofree char *text
          = g_strdup_printf (ngettext ("%u change could not be published",
                                       "%u changes could not be published", self->n_failed),
                             self->n_failed);
      guint n_others = self->n_pending > self->n_failed ? self->n_pending - self->n_failed : 0;

      if (n_others == 0)
        return g_steal_pointer (&text);
      return g_strdup_printf (
          ngettext ("%s, %u other unpublished", "%s, %u others unpublished", n_others), text,
          n_others);
    }
  if (self->n_pending > 0)
    return g_strdup_printf (
        ngettext ("%u unpublished change", "%u unpublished changes", self->n_pending),
        self->n_pending);
  if (self->needs_publish)
    return g_strdup (_ ("Changes were sent but the zone was not published"));
  return NULL;
}

static void
domaine_changes_bar_update (DomaineChangesBar *self)
{
  g_autofree char *text = domaine_changes_bar_dup_text (self);

  gtk_revealer_set_reveal_child (self->revealer, text != NULL);
  if (text != NULL)
    gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (
      self->error_icon,
      !self->busy && (self->n_failed > 0 || (self->n_pending == 0 && self->needs_publish)));
  gtk_widget_set_visible (self->review_button, self->n_pending > 0);
  gtk_widget_set_sensitive (self->review_button, !self->busy);
}

static gboolean
set_uint (DomaineChangesBar *self, guint *field, guint value, guint prop_id)
{
  if (*field == value)
    return FALSE;
  *field = value;
  domaine_changes_bar_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

static void
domaine_changes_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_CHANGES_BAR);

  G_OBJECT_CLASS (domaine_changes_bar_parent_class)->dispose (object);
}

static void
domaine_changes_bar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineChangesBar *self = DOMAINE_CHANGES_BAR (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;
    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;
    case PROP_NEEDS_PUBLISH:
      g_value_set_boolean (value, self->needs_publish);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_N_TO_APPLY:
      g_value_set_uint (value, self->n_to_apply);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_changes_bar_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineChangesBar *self = DOMAINE_CHANGES_BAR (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      domaine_changes_bar_set_n_pending (self, g_value_get_uint (value));
      break;
    case PROP_N_FAILED:
      domaine_changes_bar_set_n_failed (self, g_value_get_uint (value));
      break;
    case PROP_NEEDS_PUBLISH:
      domaine_changes_bar_set_needs_publish (self, g_value_get_boolean (value));
      break;
    case PROP_BUSY:
      domaine_changes_bar_set_busy (self, g_value_get_boolean (value));
      break;
    case PROP_N_TO_APPLY:
      domaine_changes_bar_set_n_to_apply (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_changes_bar_class_init (DomaineChangesBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_changes_bar_dispose;
  object_class->get_property = domaine_changes_bar_get_property;
  object_class->set_property = domaine_changes_bar_set_property;

  properties[PROP_N_PENDING]
      = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILED]
      = g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_PUBLISH]
      = g_param_spec_boolean ("needs-publish", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TO_APPLY]
      = g_param_spec_uint ("n-to-apply", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-changes-bar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DomaineChangesBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, DomaineChangesBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineChangesBar, error_icon);
  gtk_widget_class_bind_template_child (widget_class, DomaineChangesBar, label);
  gtk_widget_class_bind_template_child (widget_class, DomaineChangesBar, review_button);
}

static void
domaine_changes_bar_init (DomaineChangesBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  domaine_changes_bar_update (self);
}

GtkWidget *
domaine_changes_bar_new (void)
{
  return g_object_new (DOMAINE_TYPE_CHANGES_BAR, NULL);
}

guint
domaine_changes_bar_get_n_pending (DomaineChangesBar *self)
{
  g_return_val_if_fail (DOMAINE_IS_CHANGES_BAR (self), 0);
  return self->n_pending;
}

void
domaine_changes_bar_set_n_pending (DomaineChangesBar *self, guint n_pending)
{
  g_return_if_fail (DOMAINE_IS_CHANGES_BAR (self));
  set_uint (self, &self->n_pending, n_pending, PROP_N_PENDING);
}

guint
domaine_changes_bar_get_n_failed (DomaineChangesBar *self)
{
  g_return_val_if_fail (DOMAINE_IS_CHANGES_BAR (self), 0);
  return self->n_failed;
}

void
domaine_changes_bar_set_n_failed (DomaineChangesBar *self, guint n_failed)
{
  g_return_if_fail (DOMAINE_IS_CHANGES_BAR (self));
  set_uint (self, &self->n_failed, n_failed, PROP_N_FAILED);
}

gboolean
domaine_changes_bar_get_needs_publish (DomaineChangesBar *self)
{
  g_return_val_if_fail (DOMAINE_IS_CHANGES_BAR (self), FALSE);
  return self->needs_publish;
}

void
domaine_changes_bar_set_needs_publish (DomaineChangesBar *self, gboolean needs_publish)
{
  g_return_if_fail (DOMAINE_IS_CHANGES_BAR (self));
  set_uint (self, (guint *) &self->needs_publish, !!needs_publish, PROP_NEEDS_PUBLISH);
}

gboolean
domaine_changes_bar_get_busy (DomaineChangesBar *self)
{
  g_return_val_if_fail (DOMAINE_IS_CHANGES_BAR (self), FALSE);
  return self->busy;
}

void
domaine_changes_bar_set_busy (DomaineChangesBar *self, gboolean busy)
{
  g_return_if_fail (DOMAINE_IS_CHANGES_BAR (self));
  set_uint (self, (guint *) &self->busy, !!busy, PROP_BUSY);
}

guint
domaine_changes_bar_get_n_to_apply (DomaineChangesBar *self)
{
  g_return_val_if_fail (DOMAINE_IS_CHANGES_BAR (self), 0);
  return self->n_to_apply;
}

void
domaine_changes_bar_set_n_to_apply (DomaineChangesBar *self, guint n_to_apply)
{
  g_return_if_fail (DOMAINE_IS_CHANGES_BAR (self));
  set_uint (self, &self->n_to_apply, n_to_apply, PROP_N_TO_APPLY);
}

gboolean
domaine_changes_bar_get_revealed (DomaineChangesBar *self)
{
  g_return_val_if_fail (DOMAINE_IS_CHANGES_BAR (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}
