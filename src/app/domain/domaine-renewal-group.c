/* domaine-renewal-group.c: a registered domain's renewal and contacts, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renewal and contacts are changed in OVHcloud's Control Panel; here they are shown so that
 * the owner knows when the domain expires and who OVHcloud writes to about it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-format.h"
#include "domaine-renewal-group.h"

struct _DomaineRenewalGroup
{
  AdwPreferencesGroup parent_instance;

  DomaineSession *session;
  OvhDomain *domain;
  GSignalGroup *domain_signals; /* the owner arrives with the domain's details */
  OvhServiceInfos *service_infos;
  GCancellable *cancellable;

  GtkSpinner *spinner;
  AdwActionRow *mode_row;
  AdwActionRow *expiration_row;
  AdwActionRow *creation_row;
  AdwActionRow *owner_row;
  AdwActionRow *admin_row;
  AdwActionRow *tech_row;
  AdwActionRow *billing_row;
};

G_DEFINE_FINAL_TYPE (DomaineRenewalGroup, domaine_renewal_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_DOMAIN,
  PROP_SERVICE_INFOS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
domaine_renewal_format_days (gint64 days)
{
  if (days == 0)
    return g_strdup (_ ("today"));
  if (days > 0)
    return g_strdup_printf (ngettext ("in %u day", "in %u days", (gulong) days), (guint) days);
  return g_strdup_printf (ngettext ("%u day ago", "%u days ago", (gulong) -days), (guint) -days);
}

/* A read-only row: its value as subtitle, and title and value as what a screen reader says. */
static void
set_row (AdwActionRow *row, const char *value)
{
  g_autofree char *accessible = NULL;
  const char *shown = value != NULL && *value != '\0' ? value : _ ("Unknown");

  adw_action_row_set_subtitle (row, shown);
  /* Translators: what a screen reader says for a row: its title and its value. */
  accessible = g_strdup_printf (_ ("%s: %s"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_owner (DomaineRenewalGroup *self)
{
  set_row (self->owner_row,
           self->domain != NULL ? ovh_domain_get_whois_owner (self->domain) : NULL);
}

static void
update_rows (DomaineRenewalGroup *self)
{
  OvhServiceInfos *infos = self->service_infos;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *mode = NULL;
  g_autofree char *expiration = NULL;
  g_autofree char *creation = NULL;
  g_autofree char *expiration_date = NULL;
  g_autofree char *relative = NULL;

  update_owner (self);
  if (infos == NULL)
    {
      AdwActionRow *rows[] = { self->mode_row,  self->expiration_row, self->creation_row,
                               self->admin_row, self->tech_row,       self->billing_row };

      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        set_row (rows[i], NULL);
      return;
    }

  if (ovh_service_infos_get_renewal_mode (infos) == OVH_RENEWAL_MODE_AUTOMATIC
      && ovh_service_infos_get_renewal_period (infos) > 0)
    {
      guint period = ovh_service_infos_get_renewal_period (infos);

      /* Translators: the renewal mode ("Automatic") and how often it renews. */
      mode = g_strdup_printf (ngettext ("%s, every %u month", "%s, every %u months", period),
                              ovh_renewal_mode_get_label (OVH_RENEWAL_MODE_AUTOMATIC), period);
    }
  else
    mode = g_strdup (ovh_renewal_mode_get_label (ovh_service_infos_get_renewal_mode (infos)));
  set_row (self->mode_row, mode);

  expiration_date = domaine_format_date (ovh_service_infos_get_expiration (infos));
  relative = domaine_renewal_format_days (ovh_service_infos_get_days_left (infos, now));
  /* Translators: an expiry date and how far it is ("March 14, 2026 (in 20 days)"). */
  expiration = g_strdup_printf (_ ("%s (%s)"), expiration_date, relative);
  set_row (self->expiration_row, expiration);

  creation = domaine_format_date (ovh_service_infos_get_creation (infos));
  set_row (self->creation_row, creation);
  set_row (self->admin_row, ovh_service_infos_get_contact_admin (infos));
  set_row (self->tech_row, ovh_service_infos_get_contact_tech (infos));
  set_row (self->billing_row, ovh_service_infos_get_contact_billing (infos));
}

static void
set_service_infos (DomaineRenewalGroup *self, OvhServiceInfos *infos)
{
  if (g_set_object (&self->service_infos, infos))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_INFOS]);
  update_rows (self);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineRenewalGroup) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhServiceInfos) infos = ovh_service_infos_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (infos == NULL)
    {
      g_autofree char *description = NULL;

      if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
        description = g_strdup (_ ("This account’s key is not allowed to read the renewal."));
      else
        description = g_strdup_printf (_ ("The renewal could not be loaded: %s"), error->message);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
    }
  set_service_infos (self, infos);
}

static void
reload (DomaineRenewalGroup *self)
{
  gboolean registered = self->domain != NULL && ovh_domain_is_registered (self->domain);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_service_infos (self, NULL);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), registered);
  if (!registered || self->session == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  ovh_service_infos_load_async (domaine_session_get_client (self->session),
                                ovh_domain_get_name (self->domain), self->cancellable, loaded_cb,
                                g_object_ref (self));
}

void
domaine_renewal_group_set_session (DomaineRenewalGroup *self, DomaineSession *session)
{
  g_return_if_fail (DOMAINE_IS_RENEWAL_GROUP (self));
  g_return_if_fail (session == NULL || DOMAINE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
domaine_renewal_group_set_domain (DomaineRenewalGroup *self, OvhDomain *domain)
{
  g_return_if_fail (DOMAINE_IS_RENEWAL_GROUP (self));
  g_return_if_fail (domain == NULL || OVH_IS_DOMAIN (domain));

  if (!g_set_object (&self->domain, domain))
    return;
  g_signal_group_set_target (self->domain_signals, domain);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
}

OvhServiceInfos *
domaine_renewal_group_get_service_infos (DomaineRenewalGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_RENEWAL_GROUP (self), NULL);
  return self->service_infos;
}

GtkWidget *
domaine_renewal_group_new (void)
{
  return g_object_new (DOMAINE_TYPE_RENEWAL_GROUP, NULL);
}

static void
domaine_renewal_group_dispose (GObject *object)
{
  DomaineRenewalGroup *self = DOMAINE_RENEWAL_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_signal_group_set_target (self->domain_signals, NULL);
  g_clear_object (&self->domain);
  g_clear_object (&self->session);
  g_clear_object (&self->service_infos);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_RENEWAL_GROUP);

  G_OBJECT_CLASS (domaine_renewal_group_parent_class)->dispose (object);
}

static void
domaine_renewal_group_finalize (GObject *object)
{
  DomaineRenewalGroup *self = DOMAINE_RENEWAL_GROUP (object);

  g_clear_object (&self->domain_signals);

  G_OBJECT_CLASS (domaine_renewal_group_parent_class)->finalize (object);
}

static void
domaine_renewal_group_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  DomaineRenewalGroup *self = DOMAINE_RENEWAL_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DOMAIN:
      g_value_set_object (value, self->domain);
      break;
    case PROP_SERVICE_INFOS:
      g_value_set_object (value, self->service_infos);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_renewal_group_set_property (GObject *object,
                                    guint prop_id,
                                    const GValue *value,
                                    GParamSpec *pspec)
{
  DomaineRenewalGroup *self = DOMAINE_RENEWAL_GROUP (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      domaine_renewal_group_set_session (self, g_value_get_object (value));
      break;
    case PROP_DOMAIN:
      domaine_renewal_group_set_domain (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_renewal_group_class_init (DomaineRenewalGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_renewal_group_dispose;
  object_class->finalize = domaine_renewal_group_finalize;
  object_class->get_property = domaine_renewal_group_get_property;
  object_class->set_property = domaine_renewal_group_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAIN]
      = g_param_spec_object ("domain", NULL, NULL, OVH_TYPE_DOMAIN,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_INFOS]
      = g_param_spec_object ("service-infos", NULL, NULL, OVH_TYPE_SERVICE_INFOS,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/domain/domaine-renewal-group.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, mode_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, expiration_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, creation_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, owner_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, admin_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, tech_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalGroup, billing_row);
}

static void
domaine_renewal_group_init (DomaineRenewalGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->domain_signals = g_signal_group_new (OVH_TYPE_DOMAIN);
  g_signal_group_connect_swapped (self->domain_signals, "notify::whois-owner",
                                  G_CALLBACK (update_owner), self);
  update_rows (self);
}
