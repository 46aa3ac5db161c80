/* ovh-domain.c: a domain of the account: registration details and DNS zone info
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-domain-private.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

G_DEFINE_ENUM_TYPE (OvhDomainKind,
                    ovh_domain_kind,
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE,
                                         "registered-with-zone"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_KIND_ZONE_ONLY, "zone-only"),
                    G_DEFINE_ENUM_VALUE (OVH_DOMAIN_KIND_EXTERNAL_DNS, "external-dns"))

/* GET /domain/{name} (domain.Domain), parsed apart so that a bad answer changes nothing. */
typedef struct
{
  GDateTime *expiration_date;
  GDateTime *renewal_date;
  char *renewal_state;
  char *state;
  char *suspension_state;
  char *name_server_type;
  char *transfer_lock_status;
  char *dnssec_state;
  char *whois_owner;
  GStrv name_servers;
} Registration;

/* GET /domain/zone/{name} (domain.Zone) */
typedef struct
{
  GStrv name_servers;
  gboolean dnssec_supported;
  gboolean dnssec_activated;
  gboolean has_dns_anycast;
  GDateTime *last_update;
} ZoneInfo;

static void
registration_clear (Registration *registration)
{
  g_clear_pointer (&registration->expiration_date, g_date_time_unref);
  g_clear_pointer (&registration->renewal_date, g_date_time_unref);
  g_clear_pointer (&registration->renewal_state, g_free);
  g_clear_pointer (&registration->state, g_free);
  g_clear_pointer (&registration->suspension_state, g_free);
  g_clear_pointer (&registration->name_server_type, g_free);
  g_clear_pointer (&registration->transfer_lock_status, g_free);
  g_clear_pointer (&registration->dnssec_state, g_free);
  g_clear_pointer (&registration->whois_owner, g_free);
  g_clear_pointer (&registration->name_servers, g_strfreev);
}

static void
zone_info_clear (ZoneInfo *zone)
{
  g_clear_pointer (&zone->name_servers, g_strfreev);
  g_clear_pointer (&zone->last_update, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Registration, registration_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ZoneInfo, zone_info_clear)

struct _OvhDomain
{
  GObject parent_instance;

  char *name;
  guint is_registered : 1;
  guint has_zone : 1;
  guint has_registration_details : 1;
  guint has_zone_details : 1;

  Registration registration;
  ZoneInfo zone;
};

G_DEFINE_FINAL_TYPE (OvhDomain, ovh_domain, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_IS_REGISTERED,
  PROP_HAS_ZONE,
  PROP_KIND,
  PROP_CAPTION,
  PROP_HAS_REGISTRATION_DETAILS,
  PROP_EXPIRATION_DATE,
  PROP_RENEWAL_DATE,
  PROP_RENEWAL_STATE,
  PROP_STATE,
  PROP_SUSPENSION_STATE,
  PROP_NAME_SERVER_TYPE,
  PROP_TRANSFER_LOCK_STATUS,
  PROP_DNSSEC_STATE,
  PROP_WHOIS_OWNER,
  PROP_NAME_SERVERS,
  PROP_HAS_ZONE_DETAILS,
  PROP_ZONE_NAME_SERVERS,
  PROP_ZONE_DNSSEC_SUPPORTED,
  PROP_ZONE_DNSSEC_ACTIVATED,
  PROP_HAS_DNS_ANYCAST,
  PROP_ZONE_LAST_UPDATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ovh_domain_finalize (GObject *object)
{
  OvhDomain *self = OVH_DOMAIN (object);

  g_free (self->name);
  registration_clear (&self->registration);
  zone_info_clear (&self->zone);

  G_OBJECT_CLASS (ovh_domain_parent_class)->finalize (object);
}

static void
ovh_domain_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhDomain *self = OVH_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_IS_REGISTERED:
      g_value_set_boolean (value, self->is_registered);
      break;
    case PROP_HAS_ZONE:
      g_value_set_boolean (value, self->has_zone);
      break;
    case PROP_KIND:
      g_value_set_enum (value, ovh_domain_get_kind (self));
      break;
    case PROP_CAPTION:
      g_value_set_string (value, ovh_domain_get_caption (self));
      break;
    case PROP_HAS_REGISTRATION_DETAILS:
      g_value_set_boolean (value, self->has_registration_details);
      break;
    case PROP_EXPIRATION_DATE:
      g_value_set_boxed (value, self->registration.expiration_date);
      break;
    case PROP_RENEWAL_DATE:
      g_value_set_boxed (value, self->registration.renewal_date);
      break;
    case PROP_RENEWAL_STATE:
      g_value_set_string (value, self->registration.renewal_state);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->registration.state);
      break;
    case PROP_SUSPENSION_STATE:
      g_value_set_string (value, self->registration.suspension_state);
      break;
    case PROP_NAME_SERVER_TYPE:
      g_value_set_string (value, self->registration.name_server_type);
      break;
    case PROP_TRANSFER_LOCK_STATUS:
      g_value_set_string (value, self->registration.transfer_lock_status);
      break;
    case PROP_DNSSEC_STATE:
      g_value_set_string (value, self->registration.dnssec_state);
      break;
    case PROP_WHOIS_OWNER:
      g_value_set_string (value, self->registration.whois_owner);
      break;
    case PROP_NAME_SERVERS:
      g_value_set_boxed (value, self->registration.name_servers);
      break;
    case PROP_HAS_ZONE_DETAILS:
      g_value_set_boolean (value, self->has_zone_details);
      break;
    case PROP_ZONE_NAME_SERVERS:
      g_value_set_boxed (value, self->zone.name_servers);
      break;
    case PROP_ZONE_DNSSEC_SUPPORTED:
      g_value_set_boolean (value, self->zone.dnssec_supported);
      break;
    case PROP_ZONE_DNSSEC_ACTIVATED:
      g_value_set_boolean (value, self->zone.dnssec_activated);
      break;
    case PROP_HAS_DNS_ANYCAST:
      g_value_set_boolean (value, self->zone.has_dns_anycast);
      break;
    case PROP_ZONE_LAST_UPDATE:
      g_value_set_boxed (value, self->zone.last_update);
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
readable_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
readable_boxed (const char *name, GType type)
{
  return g_param_spec_boxed (name, NULL, NULL, type,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
ovh_domain_class_init (OvhDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_domain_finalize;
  object_class->get_property = ovh_domain_get_property;

  properties[PROP_NAME] = readable_string ("name");
  properties[PROP_IS_REGISTERED] = readable_boolean ("is-registered");
  properties[PROP_HAS_ZONE] = readable_boolean ("has-zone");
  properties[PROP_KIND] = g_param_spec_enum (
      "kind", NULL, NULL, OVH_TYPE_DOMAIN_KIND, OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] = readable_string ("caption");
  properties[PROP_HAS_REGISTRATION_DETAILS] = readable_boolean ("has-registration-details");
  properties[PROP_EXPIRATION_DATE] = readable_boxed ("expiration-date", G_TYPE_DATE_TIME);
  properties[PROP_RENEWAL_DATE] = readable_boxed ("renewal-date", G_TYPE_DATE_TIME);
  properties[PROP_RENEWAL_STATE] = readable_string ("renewal-state");
  properties[PROP_STATE] = readable_string ("state");
  properties[PROP_SUSPENSION_STATE] = readable_string ("suspension-state");
  properties[PROP_NAME_SERVER_TYPE] = readable_string ("name-server-type");
  properties[PROP_TRANSFER_LOCK_STATUS] = readable_string ("transfer-lock-status");
  properties[PROP_DNSSEC_STATE] = readable_string ("dnssec-state");
  properties[PROP_WHOIS_OWNER] = readable_string ("whois-owner");
  properties[PROP_NAME_SERVERS] = readable_boxed ("name-servers", G_TYPE_STRV);
  properties[PROP_HAS_ZONE_DETAILS] = readable_boolean ("has-zone-details");
  properties[PROP_ZONE_NAME_SERVERS] = readable_boxed ("zone-name-servers", G_TYPE_STRV);
  properties[PROP_ZONE_DNSSEC_SUPPORTED] = readable_boolean ("zone-dnssec-supported");
  properties[PROP_ZONE_DNSSEC_ACTIVATED] = readable_boolean ("zone-dnssec-activated");
  properties[PROP_HAS_DNS_ANYCAST] = readable_boolean ("has-dns-anycast");
  properties[PROP_ZONE_LAST_UPDATE] = readable_boxed ("zone-last-update", G_TYPE_DATE_TIME);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_domain_init (OvhDomain *self)
{
}

gboolean
ovh_domain_name_is_valid (const char *name)
{
  const char *label = name;
  gsize length;

  if (name == NULL || (length = strlen (name)) == 0 || length > 253)
    return FALSE;

  for (const char *p = name;; p++)
    {
      if (*p == '.' || *p == '\0')
        {
          gsize label_length = p - label;

          if (label_length == 0 || label_length > 63 || label[0] == '-' || p[-1] == '-')
            return FALSE;
          if (*p == '\0')
            return TRUE;
          label = p + 1;
        }
      else if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }
}

OvhDomain *
ovh_domain_new (const char *name, gboolean is_registered, gboolean has_zone)
{
  OvhDomain *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (is_registered || has_zone, NULL);

  self = g_object_new (OVH_TYPE_DOMAIN, NULL);
  self->name = g_strdup (name);
  self->is_registered = !!is_registered;
  self->has_zone = !!has_zone;
  return self;
}

/* JSON reading: missing or null members are fine, members of the wrong type are not. */

static gboolean
set_invalid (GError **error, const char *what, const char *member)
{
  g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
               _ ("The details of “%s” sent by OVHcloud are not valid (“%s”)."), what, member);
  return FALSE;
}

static gboolean
dup_string (JsonObject *object, const char *member, char **out, GError **error)
{
  const char *value;

  if (!ovh_json_read_string (object, member, OVH_JSON_OPTIONAL, &value, error))
    return FALSE;
  g_free (*out);
  *out = g_strdup (value);
  return TRUE;
}

/* An array of host names, or of domain.nameServer.NameServer objects ({"nameServer": …}). */
static gboolean
read_name_servers (JsonObject *object, const char *member, GStrv *out, GError **error)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (!ovh_json_read_array (object, member, OVH_JSON_OPTIONAL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *name_server = ovh_json_node_get_object (element);
      const char *host = name_server != NULL ? ovh_json_lookup_string (name_server, "nameServer")
                                             : ovh_json_node_get_string (element);

      if (host == NULL || host[0] == '\0')
        {
          g_set_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                       /* Translators: %s is the name of a member of OVH's JSON answer */
                       _ ("“%s” is not a list of host names"), member);
          return FALSE;
        }
      g_strv_builder_add (builder, host);
    }

  g_clear_pointer (out, g_strfreev);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Says which domain's details a member error is about. */
static gboolean
prefix_what (GError **error, const char *what)
{
  /* Translators: %s is a domain name; an explanation such as “state” is not a string follows */
  g_prefix_error (error, _ ("The details of “%s” sent by OVHcloud are not valid: "), what);
  return FALSE;
}

/* The object's name member, which must be there and (if expected is not NULL) match. */
static JsonObject *
get_named_object (JsonNode *node,
                  const char *name_member,
                  const char *expected,
                  const char **name,
                  GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *what = expected ? expected : "/domain";

  if (object == NULL)
    {
      set_invalid (error, what, "{}");
      return NULL;
    }

  if (!ovh_json_read_string (object, name_member, OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY, name,
                             NULL)
      || !ovh_domain_name_is_valid (*name)
      || (expected != NULL && g_ascii_strcasecmp (*name, expected) != 0))
    {
      set_invalid (error, what, name_member);
      return NULL;
    }
  return object;
}

static gboolean
parse_registration (JsonObject *object,
                    const char *what,
                    Registration *registration,
                    GError **error)
{
  if (ovh_json_read_date (object, "expirationDate", OVH_JSON_OPTIONAL,
                          &registration->expiration_date, error)
      && ovh_json_read_date (object, "renewalDate", OVH_JSON_OPTIONAL, &registration->renewal_date,
                             error)
      && dup_string (object, "renewalState", &registration->renewal_state, error)
      && dup_string (object, "state", &registration->state, error)
      && dup_string (object, "suspensionState", &registration->suspension_state, error)
      && dup_string (object, "nameServerType", &registration->name_server_type, error)
      && dup_string (object, "transferLockStatus", &registration->transfer_lock_status, error)
      && dup_string (object, "dnssecState", &registration->dnssec_state, error)
      && dup_string (object, "whoisOwner", &registration->whois_owner, error)
      && read_name_servers (object, "nameServers", &registration->name_servers, error))
    return TRUE;
  return prefix_what (error, what);
}

static gboolean
parse_zone_info (JsonObject *object, const char *what, ZoneInfo *zone, GError **error)
{
  if (read_name_servers (object, "nameServers", &zone->name_servers, error)
      && ovh_json_read_boolean (object, "dnssecSupported", OVH_JSON_OPTIONAL,
                                &zone->dnssec_supported, error)
      && ovh_json_read_boolean (object, "dnssecActivated", OVH_JSON_OPTIONAL,
                                &zone->dnssec_activated, error)
      && ovh_json_read_boolean (object, "hasDnsAnycast", OVH_JSON_OPTIONAL, &zone->has_dns_anycast,
                                error)
      && ovh_json_read_date (object, "lastUpdate", OVH_JSON_OPTIONAL, &zone->last_update, error))
    return TRUE;
  return prefix_what (error, what);
}

static void
notify_kind (OvhDomain *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

static void
apply_registration (OvhDomain *self, Registration *registration)
{
  g_object_freeze_notify (G_OBJECT (self));

  registration_clear (&self->registration);
  self->registration = *registration;
  memset (registration, 0, sizeof *registration);

  if (!self->is_registered)
    {
      self->is_registered = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_REGISTERED]);
    }
  self->has_registration_details = TRUE;

  for (guint prop = PROP_HAS_REGISTRATION_DETAILS; prop <= PROP_NAME_SERVERS; prop++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  notify_kind (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
apply_zone_info (OvhDomain *self, ZoneInfo *zone)
{
  g_object_freeze_notify (G_OBJECT (self));

  zone_info_clear (&self->zone);
  self->zone = *zone;
  memset (zone, 0, sizeof *zone);

  if (!self->has_zone)
    {
      self->has_zone = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ZONE]);
    }
  self->has_zone_details = TRUE;

  for (guint prop = PROP_HAS_ZONE_DETAILS; prop <= PROP_ZONE_LAST_UPDATE; prop++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  notify_kind (self);

  g_object_thaw_notify (G_OBJECT (self));
}

void
ovh_domain_add_listing (OvhDomain *self, gboolean registered)
{
  g_return_if_fail (OVH_IS_DOMAIN (self));

  if (registered)
    self->is_registered = TRUE;
  else
    self->has_zone = TRUE;
}

OvhDomain *
ovh_domain_new_from_json (JsonNode *node, GError **error)
{
  g_auto (Registration) registration = { 0 };
  g_autoptr (OvhDomain) self = NULL;
  JsonObject *object;
  const char *name;

  object = get_named_object (node, "domain", NULL, &name, error);
  if (object == NULL || !parse_registration (object, name, &registration, error))
    return NULL;

  self = ovh_domain_new (name, TRUE, FALSE);
  apply_registration (self, &registration);
  return g_steal_pointer (&self);
}

gboolean
ovh_domain_update_from_json (OvhDomain *self, JsonNode *node, GError **error)
{
  g_auto (Registration) registration = { 0 };
  JsonObject *object;
  const char *name;

  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  object = get_named_object (node, "domain", self->name, &name, error);
  if (object == NULL || !parse_registration (object, self->name, &registration, error))
    return FALSE;

  apply_registration (self, &registration);
  return TRUE;
}

gboolean
ovh_domain_update_from_zone_json (OvhDomain *self, JsonNode *node, GError **error)
{
  g_auto (ZoneInfo) zone = { 0 };
  JsonObject *object;
  const char *name;

  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  object = get_named_object (node, "name", self->name, &name, error);
  if (object == NULL || !parse_zone_info (object, self->name, &zone, error))
    return FALSE;

  apply_zone_info (self, &zone);
  return TRUE;
}

const char *
ovh_domain_get_name (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  return self->name;
}

gboolean
ovh_domain_is_registered (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->is_registered;
}

gboolean
ovh_domain_has_zone (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->has_zone;
}

OvhDomainKind
ovh_domain_get_kind (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE);

  if (self->is_registered && self->has_zone)
    return OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE;
  if (self->has_zone)
    return OVH_DOMAIN_KIND_ZONE_ONLY;
  return OVH_DOMAIN_KIND_EXTERNAL_DNS;
}

const char *
ovh_domain_get_caption (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  switch (ovh_domain_get_kind (self))
    {
    case OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE:
      /* The zone exists at OVH, but the registry points elsewhere: edits would not show. */
      if (ovh_domain_get_name_server_type_value (self) == OVH_DOMAIN_NAME_SERVERS_EXTERNAL)
        return _ ("DNS zone at OVHcloud, not in use");
      return _ ("Domain and DNS zone at OVHcloud");

    case OVH_DOMAIN_KIND_ZONE_ONLY:
      return _ ("DNS zone only, domain registered elsewhere");

    case OVH_DOMAIN_KIND_EXTERNAL_DNS:
    default:
      return _ ("Domain at OVHcloud, DNS hosted elsewhere");
    }
}

gboolean
ovh_domain_has_registration_details (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->has_registration_details;
}

GDateTime *
ovh_domain_get_expiration_date (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  return self->registration.expiration_date;
}

GDateTime *
ovh_domain_get_renewal_date (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  return self->registration.renewal_date;
}

#define DEFINE_REGISTRATION_GETTER(function, member)   \
  const char *function (OvhDomain *self)               \
  {                                                    \
    g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL); \
    return self->registration.member;                  \
  }

DEFINE_REGISTRATION_GETTER (ovh_domain_get_renewal_state, renewal_state)
DEFINE_REGISTRATION_GETTER (ovh_domain_get_state, state)
DEFINE_REGISTRATION_GETTER (ovh_domain_get_suspension_state, suspension_state)
DEFINE_REGISTRATION_GETTER (ovh_domain_get_name_server_type, name_server_type)
DEFINE_REGISTRATION_GETTER (ovh_domain_get_transfer_lock_status, transfer_lock_status)
DEFINE_REGISTRATION_GETTER (ovh_domain_get_dnssec_state, dnssec_state)
DEFINE_REGISTRATION_GETTER (ovh_domain_get_whois_owner, whois_owner)

#undef DEFINE_REGISTRATION_GETTER

const char *
ovh_domain_get_short_caption (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  switch (ovh_domain_get_kind (self))
    {
    case OVH_DOMAIN_KIND_ZONE_ONLY:
      return _ ("Zone only");
    case OVH_DOMAIN_KIND_EXTERNAL_DNS:
      return _ ("External DNS");
    case OVH_DOMAIN_KIND_REGISTERED_WITH_ZONE:
    default:
      return _ ("Domain and zone");
    }
}

/* OVH's state strings, read and worded in one place (ovh-domain-state.c). */

#define DEFINE_VALUE_GETTER(function, Type, enum_type, member)                   \
  Type function (OvhDomain *self)                                                \
  {                                                                              \
    g_return_val_if_fail (OVH_IS_DOMAIN (self), 0);                              \
    return (Type) ovh_domain_state_parse (enum_type, self->registration.member); \
  }

DEFINE_VALUE_GETTER (ovh_domain_get_state_value, OvhDomainState, OVH_TYPE_DOMAIN_STATE, state)
DEFINE_VALUE_GETTER (ovh_domain_get_renewal_value,
                     OvhDomainRenewal,
                     OVH_TYPE_DOMAIN_RENEWAL,
                     renewal_state)
DEFINE_VALUE_GETTER (ovh_domain_get_transfer_lock_value,
                     OvhDomainTransferLock,
                     OVH_TYPE_DOMAIN_TRANSFER_LOCK,
                     transfer_lock_status)
DEFINE_VALUE_GETTER (ovh_domain_get_name_server_type_value,
                     OvhDomainNameServers,
                     OVH_TYPE_DOMAIN_NAME_SERVERS,
                     name_server_type)
DEFINE_VALUE_GETTER (ovh_domain_get_dnssec_value,
                     OvhDomainDnssec,
                     OVH_TYPE_DOMAIN_DNSSEC,
                     dnssec_state)

#undef DEFINE_VALUE_GETTER

gboolean
ovh_domain_is_suspended (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return g_strcmp0 (self->registration.suspension_state, "suspended") == 0;
}

/* The words for a value; for a string Domaine does not know, the string itself. */
static char *
dup_label (GType enum_type, const char *wire)
{
  const char *label;

  if (wire == NULL)
    return g_strdup (_ ("Unknown"));
  label = ovh_domain_state_to_label (enum_type, ovh_domain_state_parse (enum_type, wire));
  return g_strdup (label != NULL ? label : wire);
}

char *
ovh_domain_dup_state_label (OvhDomain *self)
{
  g_autofree char *state = NULL;

  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  state = dup_label (OVH_TYPE_DOMAIN_STATE, self->registration.state);
  if (ovh_domain_is_suspended (self))
    /* Translators: a domain's state, e.g. "Active (suspended)". */
    return g_strdup_printf (_ ("%s (suspended)"), state);
  return g_steal_pointer (&state);
}

#define DEFINE_LABEL_GETTER(function, enum_type, member)     \
  char *function (OvhDomain *self)                           \
  {                                                          \
    g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);       \
    return dup_label (enum_type, self->registration.member); \
  }

DEFINE_LABEL_GETTER (ovh_domain_dup_renewal_label, OVH_TYPE_DOMAIN_RENEWAL, renewal_state)
DEFINE_LABEL_GETTER (ovh_domain_dup_transfer_lock_label,
                     OVH_TYPE_DOMAIN_TRANSFER_LOCK,
                     transfer_lock_status)
DEFINE_LABEL_GETTER (ovh_domain_dup_name_server_type_label,
                     OVH_TYPE_DOMAIN_NAME_SERVERS,
                     name_server_type)
DEFINE_LABEL_GETTER (ovh_domain_dup_dnssec_label, OVH_TYPE_DOMAIN_DNSSEC, dnssec_state)

#undef DEFINE_LABEL_GETTER

const char *const *
ovh_domain_get_name_servers (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  return (const char *const *) self->registration.name_servers;
}

gboolean
ovh_domain_has_zone_details (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->has_zone_details;
}

const char *const *
ovh_domain_get_zone_name_servers (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  return (const char *const *) self->zone.name_servers;
}

gboolean
ovh_domain_get_zone_dnssec_supported (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->zone.dnssec_supported;
}

gboolean
ovh_domain_get_zone_dnssec_activated (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->zone.dnssec_activated;
}

gboolean
ovh_domain_get_has_dns_anycast (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);

  return self->zone.has_dns_anycast;
}

GDateTime *
ovh_domain_get_zone_last_update (OvhDomain *self)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), NULL);

  return self->zone.last_update;
}

/* Details: both calls at once; merged only when both answered well. */

static void
details_answered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhDomain *self = g_task_get_source_object (task);
  g_autoptr (JsonNode) registration_node = NULL;
  g_autoptr (JsonNode) zone_node = NULL;
  g_autoptr (GError) registration_error = NULL;
  g_autoptr (GError) zone_error = NULL;
  g_auto (Registration) registration = { 0 };
  g_auto (ZoneInfo) zone = { 0 };
  GError *error = NULL;
  JsonObject *object;
  const char *name;

  ovh_client_get_pair_finish (result, &registration_node, &registration_error, &zone_node,
                              &zone_error);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (registration_error != NULL || zone_error != NULL)
    {
      g_task_return_error (task, registration_error != NULL ? g_steal_pointer (&registration_error)
                                                            : g_steal_pointer (&zone_error));
      return;
    }

  if (registration_node != NULL)
    {
      object = get_named_object (registration_node, "domain", self->name, &name, &error);
      if (object == NULL || !parse_registration (object, self->name, &registration, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (zone_node != NULL)
    {
      object = get_named_object (zone_node, "name", self->name, &name, &error);
      if (object == NULL || !parse_zone_info (object, self->name, &zone, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (registration_node != NULL)
    apply_registration (self, &registration);
  if (zone_node != NULL)
    apply_zone_info (self, &zone);

  g_task_return_boolean (task, TRUE);
}

void
ovh_domain_load_details_async (OvhDomain *self,
                               OvhClient *client,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *registration_path = NULL;
  g_autofree char *zone_path = NULL;

  g_return_if_fail (OVH_IS_DOMAIN (self));
  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_domain_load_details_async);
  if (self->is_registered)
    registration_path = ovh_path_printf ("/domain/%s", self->name);
  if (self->has_zone)
    zone_path = ovh_path_printf ("/domain/zone/%s", self->name);
  ovh_client_get_pair_async (client, registration_path, zone_path, cancellable, details_answered_cb,
                             g_object_ref (task));
}

gboolean
ovh_domain_load_details_finish (OvhDomain *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_DOMAIN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
