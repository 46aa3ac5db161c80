/* ovh-me.c: the signed-in customer, from GET /me (nichandle.Nichandle)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-me.h"

/* The string fields we keep, in the order of the properties below. */
typedef enum
{
  FIELD_NICHANDLE,
  FIELD_FIRSTNAME,
  FIELD_NAME,
  FIELD_ORGANISATION,
  FIELD_EMAIL,
  FIELD_COUNTRY,
  FIELD_LANGUAGE,
  FIELD_CURRENCY_CODE,
  FIELD_CURRENCY_SYMBOL,
  FIELD_CUSTOMER_CODE,
  FIELD_STATE,
  FIELD_LEGAL_FORM,
  FIELD_OVH_SUBSIDIARY,
  N_FIELDS
} Field;

static const struct
{
  const char *json_member; /* in nichandle.Nichandle; NULL for the currency's members */
  const char *property;
} fields[N_FIELDS] = {
  [FIELD_NICHANDLE] = { "nichandle", "nichandle" },
  [FIELD_FIRSTNAME] = { "firstname", "firstname" },
  [FIELD_NAME] = { "name", "name" },
  [FIELD_ORGANISATION] = { "organisation", "organisation" },
  [FIELD_EMAIL] = { "email", "email" },
  [FIELD_COUNTRY] = { "country", "country" },
  [FIELD_LANGUAGE] = { "language", "language" },
  [FIELD_CURRENCY_CODE] = { NULL, "currency-code" },
  [FIELD_CURRENCY_SYMBOL] = { NULL, "currency-symbol" },
  [FIELD_CUSTOMER_CODE] = { "customerCode", "customer-code" },
  [FIELD_STATE] = { "state", "state" },
  [FIELD_LEGAL_FORM] = { "legalform", "legal-form" },
  [FIELD_OVH_SUBSIDIARY] = { "ovhSubsidiary", "ovh-subsidiary" },
};

struct _OvhMe
{
  GObject parent_instance;

  char *fields[N_FIELDS];
  char *display_name;
};

G_DEFINE_FINAL_TYPE (OvhMe, ovh_me, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DISPLAY_NAME = N_FIELDS + 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ovh_me_finalize (GObject *object)
{
  OvhMe *self = OVH_ME (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_free (self->display_name);

  G_OBJECT_CLASS (ovh_me_parent_class)->finalize (object);
}

static void
ovh_me_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhMe *self = OVH_ME (object);

  if (prop_id >= 1 && prop_id <= N_FIELDS)
    g_value_set_string (value, self->fields[prop_id - 1]);
  else if (prop_id == PROP_DISPLAY_NAME)
    g_value_set_string (value, self->display_name);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ovh_me_class_init (OvhMeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_me_finalize;
  object_class->get_property = ovh_me_get_property;

  /* Immutable once parsed: read-only properties, for bindings and GtkExpressions. */
  for (guint i = 0; i < N_FIELDS; i++)
    properties[i + 1] = g_param_spec_string (fields[i].property, NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_me_init (OvhMe *self)
{
}

static gboolean
set_invalid (GError **error, const char *member)
{
  g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
               _ ("The account details sent by OVHcloud are not valid (“%s”)."), member);
  return FALSE;
}

/* NULL, missing or empty is fine (NULL); anything but a string is malformed. */
static gboolean
dup_string (JsonObject *object, const char *member, char **out, GError **error)
{
  const char *value;

  if (!ovh_json_read_string (object, member, OVH_JSON_NON_EMPTY, &value, error))
    {
      /* Translators: an explanation such as “email” is not a string follows */
      g_prefix_error (error, _ ("The account details sent by OVHcloud are not valid: "));
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

static char *
build_display_name (OvhMe *self)
{
  const char *firstname = self->fields[FIELD_FIRSTNAME];
  const char *name = self->fields[FIELD_NAME];

  if (firstname != NULL && name != NULL)
    /* Translators: a person's full name: first name, then family name */
    return g_strdup_printf (_ ("%1$s %2$s"), firstname, name);
  if (firstname != NULL || name != NULL)
    return g_strdup (firstname ? firstname : name);
  if (self->fields[FIELD_ORGANISATION] != NULL)
    return g_strdup (self->fields[FIELD_ORGANISATION]);
  return g_strdup (self->fields[FIELD_NICHANDLE]);
}

OvhMe *
ovh_me_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OvhMe) self = NULL;
  JsonObject *object = ovh_json_node_get_object (node);
  JsonObject *currency;

  if (object == NULL)
    {
      set_invalid (error, "/me");
      return NULL;
    }

  self = g_object_new (OVH_TYPE_ME, NULL);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      if (fields[i].json_member != NULL
          && !dup_string (object, fields[i].json_member, &self->fields[i], error))
        return NULL;
    }

  if (self->fields[FIELD_NICHANDLE] == NULL)
    {
      set_invalid (error, "nichandle");
      return NULL;
    }

  if (!ovh_json_read_object (object, "currency", OVH_JSON_OPTIONAL, &currency, NULL))
    {
      set_invalid (error, "currency");
      return NULL;
    }
  if (currency != NULL
      && (!dup_string (currency, "code", &self->fields[FIELD_CURRENCY_CODE], error)
          || !dup_string (currency, "symbol", &self->fields[FIELD_CURRENCY_SYMBOL], error)))
    return NULL;

  self->display_name = build_display_name (self);
  return g_steal_pointer (&self);
}

#define DEFINE_GETTER(function, field)             \
  const char *function (OvhMe *self)               \
  {                                                \
    g_return_val_if_fail (OVH_IS_ME (self), NULL); \
    return self->fields[field];                    \
  }

DEFINE_GETTER (ovh_me_get_nichandle, FIELD_NICHANDLE)
DEFINE_GETTER (ovh_me_get_firstname, FIELD_FIRSTNAME)
DEFINE_GETTER (ovh_me_get_name, FIELD_NAME)
DEFINE_GETTER (ovh_me_get_organisation, FIELD_ORGANISATION)
DEFINE_GETTER (ovh_me_get_email, FIELD_EMAIL)
DEFINE_GETTER (ovh_me_get_country, FIELD_COUNTRY)
DEFINE_GETTER (ovh_me_get_language, FIELD_LANGUAGE)
DEFINE_GETTER (ovh_me_get_currency_code, FIELD_CURRENCY_CODE)
DEFINE_GETTER (ovh_me_get_currency_symbol, FIELD_CURRENCY_SYMBOL)
DEFINE_GETTER (ovh_me_get_customer_code, FIELD_CUSTOMER_CODE)
DEFINE_GETTER (ovh_me_get_state, FIELD_STATE)
DEFINE_GETTER (ovh_me_get_legal_form, FIELD_LEGAL_FORM)
DEFINE_GETTER (ovh_me_get_ovh_subsidiary, FIELD_OVH_SUBSIDIARY)

#undef DEFINE_GETTER

const char *
ovh_me_get_display_name (OvhMe *self)
{
  g_return_val_if_fail (OVH_IS_ME (self), NULL);

  return self->display_name;
}

/* Loading */

static void
me_call_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  OvhMe *me;

  node = ovh_client_call_finish (OVH_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  me = ovh_me_new_from_json (node, &error);
  if (me == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, me, g_object_unref);
}

void
ovh_me_load_async (OvhClient *client,
                   GCancellable *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_me_load_async);
  ovh_client_call_async (client, "GET", "/me", NULL, OVH_CALL_NONE, cancellable, me_call_cb,
                         g_steal_pointer (&task));
}

OvhMe *
ovh_me_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_me_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
