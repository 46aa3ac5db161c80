/* domaine-renewal-banner.c: the strip warning that a domain expires without renewal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like DomaineSessionBanner, a revealer styled as a banner (AdwBanner needs libadwaita 1.3).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-format.h"
#include "domaine-renewal-banner.h"

struct _DomaineRenewalBanner
{
  GtkWidget parent_instance;

  OvhServiceInfos *service_infos;

  GtkRevealer *revealer;
  GtkLabel *title_label;
};

G_DEFINE_FINAL_TYPE (DomaineRenewalBanner, domaine_renewal_banner, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SERVICE_INFOS,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
domaine_renewal_banner_dup_warning (OvhServiceInfos *service_infos, GDateTime *now)
{
  const char *domain = ovh_service_infos_get_domain (service_infos);
  g_autofree char *date = domaine_format_date (ovh_service_infos_get_expiration (service_infos));
  gint64 days = ovh_service_infos_get_days_left (service_infos, now);

  if (days < 0)
    return g_strdup_printf (_ ("%s expired on %s and was not renewed. Renew it in the OVHcloud "
                               "Control Panel before it is deleted."),
                            domain, date);
  if (ovh_service_infos_get_renewal_mode (service_infos) == OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION)
    return g_strdup_printf (ngettext ("%s will be deleted on %s, in %u day: it is set not to be "
                                      "renewed.",
                                      "%s will be deleted on %s, in %u days: it is set not to be "
                                      "renewed.",
                                      (gulong) days),
                            domain, date, (guint) days);
  return g_strdup_printf (ngettext ("%s expires on %s, in %u day, and does not renew "
                                    "automatically. Renew it in the OVHcloud Control Panel.",
                                    "%s expires on %s, in %u days, and does not renew "
                                    "automatically. Renew it in the OVHcloud Control Panel.",
                                    (gulong) days),
                          domain, date, (guint) days);
}

static void
update (DomaineRenewalBanner *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean reveal = self->service_infos != NULL
                    && ovh_service_infos_expires_within (self->service_infos, now,
                                                         OVH_SERVICE_INFOS_WARNING_DAYS);

  if (reveal)
    {
      g_autofree char *warning = domaine_renewal_banner_dup_warning (self->service_infos, now);

      gtk_label_set_label (self->title_label, warning);
    }
  if (gtk_revealer_get_reveal_child (self->revealer) != reveal)
    {
      gtk_revealer_set_reveal_child (self->revealer, reveal);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
    }
}

void
domaine_renewal_banner_set_service_infos (DomaineRenewalBanner *self,
                                          OvhServiceInfos *service_infos)
{
  g_return_if_fail (DOMAINE_IS_RENEWAL_BANNER (self));
  g_return_if_fail (service_infos == NULL || OVH_IS_SERVICE_INFOS (service_infos));

  if (!g_set_object (&self->service_infos, service_infos))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_INFOS]);
}

gboolean
domaine_renewal_banner_get_revealed (DomaineRenewalBanner *self)
{
  g_return_val_if_fail (DOMAINE_IS_RENEWAL_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
domaine_renewal_banner_get_title (DomaineRenewalBanner *self)
{
  g_return_val_if_fail (DOMAINE_IS_RENEWAL_BANNER (self), NULL);
  return gtk_label_get_label (self->title_label);
}

GtkWidget *
domaine_renewal_banner_new (void)
{
  return g_object_new (DOMAINE_TYPE_RENEWAL_BANNER, NULL);
}

static void
domaine_renewal_banner_dispose (GObject *object)
{
  DomaineRenewalBanner *self = DOMAINE_RENEWAL_BANNER (object);

  g_clear_object (&self->service_infos);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_RENEWAL_BANNER);

  G_OBJECT_CLASS (domaine_renewal_banner_parent_class)->dispose (object);
}

static void
domaine_renewal_banner_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  DomaineRenewalBanner *self = DOMAINE_RENEWAL_BANNER (object);

  switch (prop_id)
    {
    case PROP_SERVICE_INFOS:
      g_value_set_object (value, self->service_infos);
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, domaine_renewal_banner_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_renewal_banner_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  DomaineRenewalBanner *self = DOMAINE_RENEWAL_BANNER (object);

  switch (prop_id)
    {
    case PROP_SERVICE_INFOS:
      domaine_renewal_banner_set_service_infos (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_renewal_banner_class_init (DomaineRenewalBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_renewal_banner_dispose;
  object_class->get_property = domaine_renewal_banner_get_property;
  object_class->set_property = domaine_renewal_banner_set_property;

  properties[PROP_SERVICE_INFOS]
      = g_param_spec_object ("service-infos", NULL, NULL, OVH_TYPE_SERVICE_INFOS,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED]
      = g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/domain/domaine-renewal-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, DomaineRenewalBanner, title_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
domaine_renewal_banner_init (DomaineRenewalBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
