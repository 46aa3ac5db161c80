/* ovh-service-infos.c: a registered domain's service: renewal, dates and contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"
#include "ovh-service-infos.h"

G_DEFINE_ENUM_TYPE (OvhRenewalMode,
                    ovh_renewal_mode,
                    G_DEFINE_ENUM_VALUE (OVH_RENEWAL_MODE_AUTOMATIC, "automatic"),
                    G_DEFINE_ENUM_VALUE (OVH_RENEWAL_MODE_MANUAL, "manual"),
                    G_DEFINE_ENUM_VALUE (OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION,
                                         "delete-at-expiration"))

struct _OvhServiceInfos
{
  GObject parent_instance;

  char *domain;
  OvhRenewalMode renewal_mode;
  guint renewal_period;
  GDateTime *expiration;
  GDateTime *creation;
  GDateTime *engaged_up_to;
  char *status;
  char *contact_admin;
  char *contact_tech;
  char *contact_billing;
};

G_DEFINE_FINAL_TYPE (OvhServiceInfos, ovh_service_infos, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOMAIN,
  PROP_RENEWAL_MODE,
  PROP_EXPIRATION,
  PROP_CREATION,
  PROP_STATUS,
  PROP_CONTACT_ADMIN,
  PROP_CONTACT_TECH,
  PROP_CONTACT_BILLING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* service.StateEnum */
static const char *const statuses[] = {
  "autorenewInProgress", "expired", "inCreation", "ok", "pendingDebt", "unPaid", NULL,
};

static void
ovh_service_infos_finalize (GObject *object)
{
  OvhServiceInfos *self = OVH_SERVICE_INFOS (object);

  g_free (self->domain);
  g_clear_pointer (&self->expiration, g_date_time_unref);
  g_clear_pointer (&self->creation, g_date_time_unref);
  g_clear_pointer (&self->engaged_up_to, g_date_time_unref);
  g_free (self->status);
  g_free (self->contact_admin);
  g_free (self->contact_tech);
  g_free (self->contact_billing);

  G_OBJECT_CLASS (ovh_service_infos_parent_class)->finalize (object);
}

static void
ovh_service_infos_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhServiceInfos *self = OVH_SERVICE_INFOS (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;
    case PROP_RENEWAL_MODE:
      g_value_set_enum (value, self->renewal_mode);
      break;
    case PROP_EXPIRATION:
      g_value_set_boxed (value, self->expiration);
      break;
    case PROP_CREATION:
      g_value_set_boxed (value, self->creation);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_CONTACT_ADMIN:
      g_value_set_string (value, self->contact_admin);
      break;
    case PROP_CONTACT_TECH:
      g_value_set_string (value, self->contact_tech);
      break;
    case PROP_CONTACT_BILLING:
      g_value_set_string (value, self->contact_billing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
readable_date (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
ovh_service_infos_class_init (OvhServiceInfosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_service_infos_finalize;
  object_class->get_property = ovh_service_infos_get_property;

  properties[PROP_DOMAIN] = readable_string ("domain");
  properties[PROP_RENEWAL_MODE] = g_param_spec_enum (
      "renewal-mode", NULL, NULL, OVH_TYPE_RENEWAL_MODE, OVH_RENEWAL_MODE_MANUAL,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPIRATION] = readable_date ("expiration");
  properties[PROP_CREATION] = readable_date ("creation");
  properties[PROP_STATUS] = readable_string ("status");
  properties[PROP_CONTACT_ADMIN] = readable_string ("contact-admin");
  properties[PROP_CONTACT_TECH] = readable_string ("contact-tech");
  properties[PROP_CONTACT_BILLING] = readable_string ("contact-billing");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_service_infos_init (OvhServiceInfos *self)
{
  self->renewal_mode = OVH_RENEWAL_MODE_MANUAL;
}

/* Reading: every member is checked; the contacts may be absent (a key without the right to see
 * them, an offer without them), the dates may not. */

static gboolean
dup_string (JsonObject *object, const char *member, OvhJsonFlags flags, char **out, GError **error)
{
  const char *value;

  if (!ovh_json_read_string (object, member, flags, &value, error))
    return FALSE;
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
read_renew (JsonObject *object, OvhServiceInfos *self, GError **error)
{
  JsonObject *renew;
  gboolean automatic, delete_at_expiration, unused;
  guint64 period;

  if (!ovh_json_read_object (object, "renew", OVH_JSON_OPTIONAL, &renew, error))
    return FALSE;
  /* No renew at all: nothing renews it. */
  if (renew == NULL)
    {
      self->renewal_mode = OVH_RENEWAL_MODE_MANUAL;
      return TRUE;
    }
  if (!ovh_json_read_boolean (renew, "automatic", OVH_JSON_REQUIRED, &automatic, error)
      || !ovh_json_read_boolean (renew, "deleteAtExpiration", OVH_JSON_REQUIRED,
                                 &delete_at_expiration, error)
      || !ovh_json_read_boolean (renew, "forced", OVH_JSON_OPTIONAL, &unused, error)
      || !ovh_json_read_boolean (renew, "manualPayment", OVH_JSON_OPTIONAL, &unused, error)
      || !ovh_json_read_uint (renew, "period", OVH_JSON_OPTIONAL, 1200, &period, error))
    {
      g_prefix_error (error, "renew.");
      return FALSE;
    }
  /* Deletion wins: OVH deletes such a service even when it was set to renew. */
  if (delete_at_expiration)
    self->renewal_mode = OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION;
  else if (automatic)
    self->renewal_mode = OVH_RENEWAL_MODE_AUTOMATIC;
  else
    self->renewal_mode = OVH_RENEWAL_MODE_MANUAL;
  self->renewal_period = (guint) period;
  return TRUE;
}

static gboolean
parse (JsonObject *object, OvhServiceInfos *self, GError **error)
{
  const char *status;

  if (!dup_string (object, "domain", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, &self->domain, error)
      || !ovh_json_read_date (object, "expiration", OVH_JSON_REQUIRED, &self->expiration, error)
      || !ovh_json_read_date (object, "creation", OVH_JSON_REQUIRED, &self->creation, error)
      || !ovh_json_read_date (object, "engagedUpTo", OVH_JSON_OPTIONAL, &self->engaged_up_to, error)
      || !ovh_json_read_string (object, "status", OVH_JSON_REQUIRED, &status, error)
      || !dup_string (object, "contactAdmin", OVH_JSON_NON_EMPTY, &self->contact_admin, error)
      || !dup_string (object, "contactTech", OVH_JSON_NON_EMPTY, &self->contact_tech, error)
      || !dup_string (object, "contactBilling", OVH_JSON_NON_EMPTY, &self->contact_billing, error)
      || !read_renew (object, self, error))
    return FALSE;

  if (!g_strv_contains (statuses, status))
    {
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, "status: unknown value “%s”",
                   status);
      return FALSE;
    }
  self->status = g_strdup (status);
  return TRUE;
}

OvhServiceInfos *
ovh_service_infos_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OvhServiceInfos) self = g_object_new (OVH_TYPE_SERVICE_INFOS, NULL);
  JsonObject *object = ovh_json_node_get_object (node);
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (object == NULL)
    g_set_error_literal (&local_error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, "not an object");
  else
    parse (object, self, &local_error);

  if (local_error != NULL)
    {
      g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                   _ ("The renewal details sent by OVHcloud are not valid (%s)."),
                   local_error->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
ovh_service_infos_get_domain (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->domain;
}

OvhRenewalMode
ovh_service_infos_get_renewal_mode (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), OVH_RENEWAL_MODE_MANUAL);
  return self->renewal_mode;
}

guint
ovh_service_infos_get_renewal_period (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), 0);
  return self->renewal_period;
}

GDateTime *
ovh_service_infos_get_expiration (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->expiration;
}

GDateTime *
ovh_service_infos_get_creation (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->creation;
}

GDateTime *
ovh_service_infos_get_engaged_up_to (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->engaged_up_to;
}

const char *
ovh_service_infos_get_status (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->status;
}

const char *
ovh_service_infos_get_contact_admin (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->contact_admin;
}

const char *
ovh_service_infos_get_contact_tech (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->contact_tech;
}

const char *
ovh_service_infos_get_contact_billing (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);
  return self->contact_billing;
}

const char *
ovh_renewal_mode_get_label (OvhRenewalMode mode)
{
  switch (mode)
    {
    case OVH_RENEWAL_MODE_AUTOMATIC:
      return _ ("Automatic");
    case OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION:
      return _ ("Deleted at expiry");
    case OVH_RENEWAL_MODE_MANUAL:
    default:
      return _ ("Manual");
    }
}

char *
ovh_service_infos_dup_status_label (OvhServiceInfos *self)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), NULL);

  if (g_str_equal (self->status, "ok"))
    return g_strdup (_ ("Active"));
  if (g_str_equal (self->status, "expired"))
    return g_strdup (_ ("Expired"));
  if (g_str_equal (self->status, "autorenewInProgress"))
    return g_strdup (_ ("Renewal in progress"));
  if (g_str_equal (self->status, "inCreation"))
    return g_strdup (_ ("Being created"));
  if (g_str_equal (self->status, "pendingDebt"))
    return g_strdup (_ ("Payment pending"));
  if (g_str_equal (self->status, "unPaid"))
    return g_strdup (_ ("Unpaid"));
  return g_strdup (self->status);
}

gint64
ovh_service_infos_get_days_left (OvhServiceInfos *self, GDateTime *now)
{
  GTimeSpan left;

  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), 0);
  g_return_val_if_fail (now != NULL, 0);

  left = g_date_time_difference (self->expiration, now);
  /* Rounded towards minus infinity: the day it expires is day 0, the day after is -1. */
  if (left < 0)
    return -((-left + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY);
  return left / G_TIME_SPAN_DAY;
}

gboolean
ovh_service_infos_expires_within (OvhServiceInfos *self, GDateTime *now, guint days)
{
  g_return_val_if_fail (OVH_IS_SERVICE_INFOS (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->renewal_mode == OVH_RENEWAL_MODE_AUTOMATIC)
    return FALSE;
  return g_date_time_difference (self->expiration, now) <= (GTimeSpan) days * G_TIME_SPAN_DAY;
}

/* Loading */

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhServiceInfos) infos = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  infos = ovh_service_infos_new_from_json (node, &error);
  if (infos == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An answer about another domain is not this domain's. */
  if (g_ascii_strcasecmp (infos->domain, g_task_get_task_data (task)) != 0)
    {
      g_task_return_new_error (task, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                               _ ("The renewal details sent by OVHcloud are not valid (%s)."),
                               "domain");
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&infos), g_object_unref);
}

void
ovh_service_infos_load_async (OvhClient *client,
                              const char *domain,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (domain != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_service_infos_load_async);
  g_task_set_task_data (task, g_strdup (domain), g_free);
  path = ovh_path_printf ("/domain/%s/serviceInfos", domain);
  ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, cancellable, loaded_cb,
                         g_steal_pointer (&task));
}

OvhServiceInfos *
ovh_service_infos_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_service_infos_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
