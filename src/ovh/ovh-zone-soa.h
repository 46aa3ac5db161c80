/* ovh-zone-soa.h: a zone's SOA settings, their validation, and resetting a zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET and PUT /domain/zone/{zone}/soa carry {ttl, refresh, expire, nxDomainTtl, email, serial,
 * server}; only the first five can be changed (serial and server are OVH's). The bounds are
 * wide enough for OVH's own defaults (refresh 86400, expire 3600000, negative TTL 60) and keep
 * what RFC 1912 warns about out: a refresh shorter than 20 minutes, an expiry of less than a
 * week or not longer than the refresh.
 *
 * POST /domain/zone/{zone}/reset {minimized} replaces every record by OVH's defaults (only the
 * name server records when minimized) and answers nothing; OVH serves the result itself, as
 * after an import.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-zone.h"

G_BEGIN_DECLS

#define OVH_ZONE_SOA_TTL_MIN 60u
#define OVH_ZONE_SOA_TTL_MAX 604800u /* a week */
#define OVH_ZONE_SOA_REFRESH_MIN 1200u
#define OVH_ZONE_SOA_REFRESH_MAX 604800u
#define OVH_ZONE_SOA_EXPIRE_MIN 604800u
#define OVH_ZONE_SOA_EXPIRE_MAX 5184000u /* 60 days */
#define OVH_ZONE_SOA_NX_DOMAIN_TTL_MIN 60u
#define OVH_ZONE_SOA_NX_DOMAIN_TTL_MAX 86400u

#define OVH_ZONE_SOA_ERROR (ovh_zone_soa_error_quark ())
GQuark ovh_zone_soa_error_quark (void);

typedef enum
{
  OVH_ZONE_SOA_ERROR_INVALID,  /* a setting is out of bounds; nothing was sent */
  OVH_ZONE_SOA_ERROR_SNAPSHOT, /* the snapshot before a reset could not be kept; nothing sent */
} OvhZoneSoaError;

typedef enum
{
  OVH_ZONE_SOA_FIELD_TTL,
  OVH_ZONE_SOA_FIELD_REFRESH,
  OVH_ZONE_SOA_FIELD_EXPIRE,
  OVH_ZONE_SOA_FIELD_NX_DOMAIN_TTL,
  OVH_ZONE_SOA_FIELD_EMAIL,
  OVH_ZONE_SOA_N_FIELDS,
} OvhZoneSoaField;

typedef struct
{
  guint ttl;           /* the default TTL of records with ttl 0 */
  guint refresh;       /* how often secondaries check the serial */
  guint expire;        /* how long secondaries keep serving without the primary */
  guint nx_domain_ttl; /* how long "no such name" answers are cached */
  char *email;         /* the zone's contact */
  guint64 serial;      /* read-only */
  char *server;        /* read-only: the primary name server */
} OvhZoneSoa;

#define OVH_TYPE_ZONE_SOA (ovh_zone_soa_get_type ())
GType ovh_zone_soa_get_type (void);

OvhZoneSoa *ovh_zone_soa_new (void);
OvhZoneSoa *ovh_zone_soa_copy (const OvhZoneSoa *soa);
void ovh_zone_soa_free (OvhZoneSoa *soa);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhZoneSoa, ovh_zone_soa_free)

/* The answer of GET …/soa; NULL with OVH_ERROR_INVALID_RESPONSE when it is not one. */
OvhZoneSoa *ovh_zone_soa_new_from_json (JsonNode *node, GError **error);
/* The body of PUT …/soa: the five writable members only. */
JsonNode *ovh_zone_soa_to_json (const OvhZoneSoa *soa);

/* What is wrong with one setting, translated and ready to show beside it; NULL when it is
 * fine. The expiry is also checked against the refresh. */
char *ovh_zone_soa_check_field (const OvhZoneSoa *soa, OvhZoneSoaField field);
/* The first wrong setting (in *field when not NULL) as OVH_ZONE_SOA_ERROR_INVALID. */
gboolean ovh_zone_soa_validate (const OvhZoneSoa *soa, OvhZoneSoaField *field, GError **error);
/* hostmaster@example.com, or the SOA's own form hostmaster.example.com (OVH shows that). */
gboolean ovh_zone_soa_email_is_valid (const char *email);

/* GET …/soa. The zone's own SOA properties (serial, default TTL…) follow the answer. */
void ovh_zone_fetch_soa_async (OvhZone *self,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data);
OvhZoneSoa *ovh_zone_fetch_soa_finish (OvhZone *self, GAsyncResult *result, GError **error);

/* Validates soa (nothing is sent when it is wrong), PUTs its writable settings, then reads
 * the SOA back: the result is what OVH now has. */
void ovh_zone_update_soa_async (OvhZone *self,
                                const OvhZoneSoa *soa,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
OvhZoneSoa *ovh_zone_update_soa_finish (OvhZone *self, GAsyncResult *result, GError **error);

typedef enum
{
  OVH_ZONE_RESET_DEFAULT = 0,
  OVH_ZONE_RESET_MINIMIZED = 1 << 0, /* only the mandatory records (the name servers) */
} OvhZoneResetFlags;

/* Resets the zone. With snapshot_account, the records OVH has (loaded first when the zone is
 * not) are kept as a local snapshot before anything is sent (see ovh-zone-snapshot.h;
 * snapshot_dir NULL = the default folder), so that the reset can be undone; the reset is not
 * sent when that fails. Then POST …/reset, then the zone is reloaded. *snapshot_time: the
 * snapshot's time, 0 without one. */
void ovh_zone_reset_async (OvhZone *self,
                           OvhZoneResetFlags flags,
                           const char *snapshot_dir,
                           const char *snapshot_account,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);
gboolean
ovh_zone_reset_finish (OvhZone *self, GAsyncResult *result, gint64 *snapshot_time, GError **error);

G_END_DECLS
