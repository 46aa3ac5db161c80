/* ovh-ds-record.c: a DS record of a domain, as the registry knows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include "ovh-ds-record.h"
#include "ovh-error.h"
#include "ovh-json-private.h"

#define DNSKEY_PROTOCOL 3

struct _OvhDsRecord
{
  GObject parent_instance;

  gint64 id;
  guint tag;
  guint algorithm;
  guint flags;
  char *public_key;
  char *status;
  char *digest;
};

G_DEFINE_FINAL_TYPE (OvhDsRecord, ovh_ds_record, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TAG,
  PROP_ALGORITHM,
  PROP_FLAGS,
  PROP_PUBLIC_KEY,
  PROP_STATUS,
  PROP_DIGEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ovh_ds_record_finalize (GObject *object)
{
  OvhDsRecord *self = OVH_DS_RECORD (object);

  g_free (self->public_key);
  g_free (self->status);
  g_free (self->digest);

  G_OBJECT_CLASS (ovh_ds_record_parent_class)->finalize (object);
}

static void
ovh_ds_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhDsRecord *self = OVH_DS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TAG:
      g_value_set_uint (value, self->tag);
      break;
    case PROP_ALGORITHM:
      g_value_set_uint (value, self->algorithm);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    case PROP_PUBLIC_KEY:
      g_value_set_string (value, self->public_key);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_DIGEST:
      g_value_set_string (value, self->digest);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_ds_record_class_init (OvhDsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ovh_ds_record_finalize;
  object_class->get_property = ovh_ds_record_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TAG] = g_param_spec_uint ("tag", NULL, NULL, 0, G_MAXUINT16, 0, flags);
  properties[PROP_ALGORITHM] = g_param_spec_uint ("algorithm", NULL, NULL, 0, G_MAXUINT8, 0, flags);
  properties[PROP_FLAGS] = g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT16, 0, flags);
  properties[PROP_PUBLIC_KEY] = g_param_spec_string ("public-key", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_DIGEST] = g_param_spec_string ("digest", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_ds_record_init (OvhDsRecord *self)
{
}

/* RFC 4034 §5.1.4: digest = SHA-256 (owner name in wire form | DNSKEY RDATA). */
static char *
compute_digest (const char *domain, guint flags, guint algorithm, const char *public_key)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *lower = g_ascii_strdown (domain, -1);
  g_auto (GStrv) labels = g_strsplit (lower, ".", -1);
  g_autofree guchar *key = NULL;
  guint8 rdata_head[4] = { flags >> 8, flags & 0xff, DNSKEY_PROTOCOL, algorithm };
  guint8 zero = 0;
  gsize key_length = 0;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      guint8 length = MIN (strlen (labels[i]), 63);

      if (length == 0)
        continue;
      g_checksum_update (checksum, &length, 1);
      g_checksum_update (checksum, (const guchar *) labels[i], length);
    }
  g_checksum_update (checksum, &zero, 1);
  g_checksum_update (checksum, rdata_head, sizeof rdata_head);
  key = g_base64_decode (public_key, &key_length);
  g_checksum_update (checksum, key, key_length);

  return g_ascii_strup (g_checksum_get_string (checksum), -1);
}

OvhDsRecord *
ovh_ds_record_new_from_json (JsonObject *object, const char *domain, GError **error)
{
  g_autoptr (OvhDsRecord) self = NULL;
  const char *public_key = NULL;
  const char *status = NULL;
  guint64 tag = 0, algorithm = 0, flags = 0;
  gint64 id = 0;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  if (!ovh_json_read_int64 (object, "id", OVH_JSON_REQUIRED, &id, error)
      || !ovh_json_read_uint (object, "tag", OVH_JSON_REQUIRED, G_MAXUINT16, &tag, error)
      || !ovh_json_read_uint (object, "algorithm", OVH_JSON_REQUIRED, G_MAXUINT8, &algorithm, error)
      || !ovh_json_read_uint (object, "flags", OVH_JSON_REQUIRED, G_MAXUINT16, &flags, error)
      || !ovh_json_read_string (object, "publicKey", OVH_JSON_REQUIRED | OVH_JSON_NON_EMPTY,
                                &public_key, error)
      || !ovh_json_read_string (object, "status", OVH_JSON_OPTIONAL, &status, error))
    return NULL;

  self = g_object_new (OVH_TYPE_DS_RECORD, NULL);
  self->id = id;
  self->tag = tag;
  self->algorithm = algorithm;
  self->flags = flags;
  self->public_key = g_strdup (public_key);
  self->status = g_strdup (status);
  self->digest = compute_digest (domain, flags, algorithm, public_key);
  return g_steal_pointer (&self);
}

gint64
ovh_ds_record_get_id (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), 0);
  return self->id;
}

guint
ovh_ds_record_get_tag (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), 0);
  return self->tag;
}

guint
ovh_ds_record_get_algorithm (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), 0);
  return self->algorithm;
}

guint
ovh_ds_record_get_flags (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), 0);
  return self->flags;
}

const char *
ovh_ds_record_get_public_key (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), NULL);
  return self->public_key;
}

const char *
ovh_ds_record_get_status (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), NULL);
  return self->status;
}

const char *
ovh_ds_record_get_digest (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), NULL);
  return self->digest;
}

/* dnssec.KeyAlgorithmEnum. */
const char *
ovh_ds_record_algorithm_name (guint algorithm)
{
  switch (algorithm)
    {
    case 5:
      return "RSASHA1";
    case 7:
      return "RSASHA1-NSEC3-SHA1";
    case 8:
      return "RSASHA256";
    case 10:
      return "RSASHA512";
    case 13:
      return "ECDSAP256SHA256";
    case 14:
      return "ECDSAP384SHA384";
    case 15:
      return "ED25519";
    default:
      return NULL;
    }
}

const char *
ovh_ds_record_get_algorithm_name (OvhDsRecord *self)
{
  g_return_val_if_fail (OVH_IS_DS_RECORD (self), NULL);
  return ovh_ds_record_algorithm_name (self->algorithm);
}
