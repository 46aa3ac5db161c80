/* ovh-account.c: one OVH API identity (endpoint, application, consumer key)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-account.h"

struct _OvhAccount
{
  GObject parent_instance;

  char *id;
  char *label;
  char *endpoint;
  char *application_key;
  char *application_secret;
  char *consumer_key;
  char *nichandle;
  gboolean sandbox;
};

G_DEFINE_FINAL_TYPE (OvhAccount, ovh_account, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_DISPLAY_NAME,
  PROP_ENDPOINT,
  PROP_IS_CUSTOM_ENDPOINT,
  PROP_IS_SANDBOX,
  PROP_APPLICATION_KEY,
  PROP_APPLICATION_SECRET,
  PROP_CONSUMER_KEY,
  PROP_HAS_SECRETS,
  PROP_NICHANDLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Overwrites a secret before freeing it, so that it does not linger in freed heap memory. */
static void
secret_string_free (char *secret)
{
  if (secret == NULL)
    return;

  volatile char *p = secret;
  while (*p != '\0')
    *p++ = '\0';
  g_free (secret);
}

/* g_set_str() is GLib 2.76: too new for the Debian 12 floor. */
static gboolean
set_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_secret_string (char **field, const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  secret_string_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
ovh_account_constructed (GObject *object)
{
  OvhAccount *self = OVH_ACCOUNT (object);

  G_OBJECT_CLASS (ovh_account_parent_class)->constructed (object);

  if (self->id == NULL || self->id[0] == '\0')
    {
      g_free (self->id);
      self->id = g_uuid_string_random ();
    }
}

static void
ovh_account_finalize (GObject *object)
{
  OvhAccount *self = OVH_ACCOUNT (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->endpoint);
  g_free (self->application_key);
  g_free (self->nichandle);
  secret_string_free (self->application_secret);
  secret_string_free (self->consumer_key);

  G_OBJECT_CLASS (ovh_account_parent_class)->finalize (object);
}

static void
ovh_account_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhAccount *self = OVH_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_DISPLAY_NAME:
      g_value_take_string (value, ovh_account_dup_display_name (self));
      break;

    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;

    case PROP_IS_CUSTOM_ENDPOINT:
      g_value_set_boolean (value, ovh_account_is_custom_endpoint (self));
      break;

    case PROP_IS_SANDBOX:
      g_value_set_boolean (value, ovh_account_is_sandbox (self));
      break;

    case PROP_APPLICATION_KEY:
      g_value_set_string (value, self->application_key);
      break;

    case PROP_APPLICATION_SECRET:
      g_value_set_string (value, self->application_secret);
      break;

    case PROP_CONSUMER_KEY:
      g_value_set_string (value, self->consumer_key);
      break;

    case PROP_HAS_SECRETS:
      g_value_set_boolean (value, ovh_account_has_secrets (self));
      break;

    case PROP_NICHANDLE:
      g_value_set_string (value, self->nichandle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_account_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OvhAccount *self = OVH_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;

    case PROP_LABEL:
      ovh_account_set_label (self, g_value_get_string (value));
      break;

    case PROP_ENDPOINT:
      ovh_account_set_endpoint (self, g_value_get_string (value));
      break;

    case PROP_APPLICATION_KEY:
      ovh_account_set_application_key (self, g_value_get_string (value));
      break;

    case PROP_APPLICATION_SECRET:
      ovh_account_set_application_secret (self, g_value_get_string (value));
      break;

    case PROP_CONSUMER_KEY:
      ovh_account_set_consumer_key (self, g_value_get_string (value));
      break;

    case PROP_NICHANDLE:
      ovh_account_set_nichandle (self, g_value_get_string (value));
      break;

    case PROP_IS_SANDBOX:
      ovh_account_set_sandbox (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_account_class_init (OvhAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ovh_account_constructed;
  object_class->finalize = ovh_account_finalize;
  object_class->get_property = ovh_account_get_property;
  object_class->set_property = ovh_account_set_property;

  properties[PROP_ID] = g_param_spec_string (
      "id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL]
      = g_param_spec_string ("label", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT]
      = g_param_spec_string ("endpoint", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_CUSTOM_ENDPOINT] = g_param_spec_boolean (
      "is-custom-endpoint", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Set by whoever creates the sandbox's account, stored with it: never guessed from the
   * endpoint, as a local proxy or an SSH tunnel to OVHcloud is on a loopback address too. */
  properties[PROP_IS_SANDBOX]
      = g_param_spec_boolean ("is-sandbox", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_KEY]
      = g_param_spec_string ("application-key", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLICATION_SECRET]
      = g_param_spec_string ("application-secret", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSUMER_KEY]
      = g_param_spec_string ("consumer-key", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SECRETS] = g_param_spec_boolean ("has-secrets", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NICHANDLE]
      = g_param_spec_string ("nichandle", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_account_init (OvhAccount *self)
{
}

OvhAccount *
ovh_account_new (const char *endpoint,
                 const char *application_key,
                 const char *application_secret,
                 const char *consumer_key)
{
  return g_object_new (OVH_TYPE_ACCOUNT, "endpoint", endpoint, "application-key", application_key,
                       "application-secret", application_secret, "consumer-key", consumer_key,
                       NULL);
}

const char *
ovh_account_get_id (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->id;
}

const char *
ovh_account_get_label (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->label;
}

void
ovh_account_set_label (OvhAccount *self, const char *label)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  if (label != NULL && label[0] == '\0')
    label = NULL;

  if (set_string (&self->label, label))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

char *
ovh_account_dup_display_name (OvhAccount *self)
{
  const OvhEndpoint *endpoint;

  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  if (self->label != NULL)
    return g_strdup (self->label);
  if (self->nichandle != NULL)
    return g_strdup (self->nichandle);

  endpoint = ovh_account_get_known_endpoint (self);
  if (endpoint != NULL)
    return g_strdup (ovh_endpoint_get_display_name (endpoint));
  if (ovh_account_is_sandbox (self))
    return g_strdup (_ ("Sandbox"));
  if (self->endpoint != NULL)
    return g_strdup (self->endpoint);
  return g_strdup (_ ("OVHcloud account"));
}

const char *
ovh_account_get_endpoint (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->endpoint;
}

void
ovh_account_set_endpoint (OvhAccount *self, const char *endpoint)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  if (set_string (&self->endpoint, endpoint))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CUSTOM_ENDPOINT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

const OvhEndpoint *
ovh_account_get_known_endpoint (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return ovh_endpoint_lookup (self->endpoint);
}

char *
ovh_account_dup_base_url (OvhAccount *self)
{
  const OvhEndpoint *endpoint;

  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  endpoint = ovh_account_get_known_endpoint (self);
  if (endpoint != NULL)
    return g_strdup (endpoint->base_url);
  if (self->endpoint == NULL)
    return NULL;
  return ovh_endpoint_normalize_url (self->endpoint);
}

gboolean
ovh_account_is_custom_endpoint (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), FALSE);

  return self->endpoint != NULL && ovh_endpoint_lookup (self->endpoint) == NULL;
}

gboolean
ovh_account_is_sandbox (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), FALSE);

  return self->sandbox;
}

void
ovh_account_set_sandbox (OvhAccount *self, gboolean sandbox)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  sandbox = !!sandbox;
  if (self->sandbox == sandbox)
    return;
  self->sandbox = sandbox;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SANDBOX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
ovh_account_get_application_key (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->application_key;
}

void
ovh_account_set_application_key (OvhAccount *self, const char *application_key)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  if (set_string (&self->application_key, application_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION_KEY]);
}

const char *
ovh_account_get_application_secret (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->application_secret;
}

void
ovh_account_set_application_secret (OvhAccount *self, const char *application_secret)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  if (set_secret_string (&self->application_secret, application_secret))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION_SECRET]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SECRETS]);
    }
}

const char *
ovh_account_get_consumer_key (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->consumer_key;
}

void
ovh_account_set_consumer_key (OvhAccount *self, const char *consumer_key)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  if (set_secret_string (&self->consumer_key, consumer_key))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSUMER_KEY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SECRETS]);
    }
}

gboolean
ovh_account_has_secrets (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), FALSE);

  return self->application_secret != NULL && self->consumer_key != NULL;
}

void
ovh_account_clear_secrets (OvhAccount *self)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  g_object_freeze_notify (G_OBJECT (self));
  ovh_account_set_application_secret (self, NULL);
  ovh_account_set_consumer_key (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ovh_account_get_nichandle (OvhAccount *self)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);

  return self->nichandle;
}

void
ovh_account_set_nichandle (OvhAccount *self, const char *nichandle)
{
  g_return_if_fail (OVH_IS_ACCOUNT (self));

  if (nichandle != NULL && nichandle[0] == '\0')
    nichandle = NULL;

  if (set_string (&self->nichandle, nichandle))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NICHANDLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

OvhClient *
ovh_account_create_client (OvhAccount *self)
{
  g_autofree char *base_url = NULL;

  g_return_val_if_fail (OVH_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (self->endpoint != NULL, NULL);

  base_url = ovh_account_dup_base_url (self);
  return ovh_client_new (base_url, self->application_key, self->application_secret,
                         self->consumer_key);
}
