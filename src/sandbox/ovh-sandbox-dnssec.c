/* ovh-sandbox-dnssec.c: a zone's DNSSEC state, and the DS records of its domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * POST /domain/zone/{zone}/dnssec starts signing, DELETE stops it; either leaves the state
 * "enableInProgress" or "disableInProgress" for a while (OvhSandbox's dnssec delay), as OVH
 * does, and refuses a second change meanwhile. A signed zone whose domain is registered here
 * has one key signing key at the registry: /domain/{domain}/dsRecord. The key is made up
 * from the zone's name, so that it stays the same across runs and saved states.
 */
#include "config.h"

#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

#define DNSSEC_DELAY_DEFAULT_MS 3000
#define KSK_FLAGS 257
#define KSK_ALGORITHM 13 /* ECDSAP256SHA256: a 64-byte public key */

/* --- the state --------------------------------------------------------------------------- */

static const char *
zone_dnssec_status (const SandboxZone *zone)
{
  if (zone->dnssec_busy)
    return zone->dnssec ? "disableInProgress" : "enableInProgress";
  return zone->dnssec ? "enabled" : "disabled";
}

typedef struct
{
  OvhSandbox *self;
  char *zone;
} DnssecRun;

static void
dnssec_run_free (DnssecRun *run)
{
  g_free (run->zone);
  g_free (run);
}

static gboolean
dnssec_settle_cb (gpointer data)
{
  DnssecRun *run = data;
  OvhSandbox *self = run->self;
  SandboxZone *zone;

  g_mutex_lock (&self->mutex);
  sandbox_untrack_source (self, g_main_current_source ());
  zone = g_hash_table_lookup (self->zones, run->zone);
  if (zone != NULL && zone->dnssec_busy)
    {
      zone->dnssec = !zone->dnssec;
      zone->dnssec_busy = FALSE;
    }
  g_mutex_unlock (&self->mutex);

  return G_SOURCE_REMOVE;
}

static void
start_change (OvhSandbox *self, SandboxZone *zone)
{
  DnssecRun *run = g_new0 (DnssecRun, 1);
  GSource *source;

  zone->dnssec_busy = TRUE;
  run->self = self;
  run->zone = g_strdup (zone->name);
  source = g_timeout_source_new (self->dnssec_delay_ms > 0 ? self->dnssec_delay_ms
                                                           : DNSSEC_DELAY_DEFAULT_MS);
  g_source_set_callback (source, dnssec_settle_cb, run, (GDestroyNotify) dnssec_run_free);
  sandbox_track_source (self, source);
  g_source_unref (source);
}

void
sandbox_route_dnssec (SandboxCall *call, SandboxZone *zone)
{
  gboolean post = g_str_equal (call->method, "POST");

  if (g_str_equal (call->method, "GET"))
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "status", zone_dnssec_status (zone));
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_object (object));
      return;
    }
  if (!post && !g_str_equal (call->method, "DELETE"))
    {
      sandbox_call_not_found_route (call);
      return;
    }

  if (zone->dnssec_busy)
    sandbox_call_error (call, SOUP_STATUS_FORBIDDEN,
                        "An action is already in progress on the DNSSEC of the zone %s",
                        zone->name);
  else if (post && zone->dnssec)
    sandbox_call_error (call, SOUP_STATUS_FORBIDDEN, "DNSSEC is already enabled on the zone %s",
                        zone->name);
  else if (!post && !zone->dnssec)
    sandbox_call_error (call, SOUP_STATUS_FORBIDDEN, "DNSSEC is not enabled on the zone %s",
                        zone->name);
  else
    {
      start_change (call->self, zone);
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
}

/* --- DS records -------------------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  guint tag;
  char *public_key;
} SandboxKey;

/* RFC 4034 appendix B, over the DNSKEY RDATA. */
static guint
key_tag (const guint8 *rdata, gsize length)
{
  guint32 sum = 0;

  for (gsize i = 0; i < length; i++)
    sum += (i & 1) ? rdata[i] : (guint32) rdata[i] << 8;
  sum += (sum >> 16) & 0xffff;
  return sum & 0xffff;
}

/* The zone's key signing key, made up from its name. */
static void
zone_key (const SandboxZone *zone, SandboxKey *key)
{
  guint8 rdata[4 + 64] = { KSK_FLAGS >> 8, KSK_FLAGS & 0xff, 3, KSK_ALGORITHM };
  gsize length = 32;

  for (guint half = 0; half < 2; half++)
    {
      g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *seed = g_strdup_printf ("sandbox ksk %u %s", half, zone->name);

      g_checksum_update (checksum, (const guchar *) seed, -1);
      g_checksum_get_digest (checksum, rdata + 4 + 32 * half, &length);
    }
  key->public_key = g_base64_encode (rdata + 4, 64);
  key->tag = key_tag (rdata, sizeof rdata);
  key->id = 500000 + (g_str_hash (zone->name) % 100000);
}

static JsonNode *
key_to_json (const SandboxKey *key)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "algorithm", KSK_ALGORITHM);
  json_object_set_int_member (object, "flags", KSK_FLAGS);
  json_object_set_int_member (object, "id", key->id);
  json_object_set_string_member (object, "publicKey", key->public_key);
  json_object_set_string_member (object, "status", "active");
  json_object_set_int_member (object, "tag", key->tag);
  return sandbox_node_for_object (object);
}

/* What the registry holds: the key once signing is done, until it is undone. */
static gboolean
domain_key (OvhSandbox *self, const SandboxDomain *domain, SandboxKey *key)
{
  SandboxZone *zone = g_hash_table_lookup (self->zones, domain->name);

  if (zone == NULL || !zone->dnssec || !g_str_equal (domain->name_server_type, "hosted"))
    return FALSE;
  zone_key (zone, key);
  return TRUE;
}

/* The query's filters (flags=, status=) as OVH applies them: equality. */
static gboolean
key_matches_query (SandboxCall *call)
{
  const char *flags = sandbox_call_query (call, "flags");
  const char *status = sandbox_call_query (call, "status");
  g_autofree char *ksk_flags = g_strdup_printf ("%d", KSK_FLAGS);

  return (flags == NULL || g_str_equal (flags, ksk_flags))
         && (status == NULL || g_str_equal (status, "active"));
}

void
sandbox_route_ds_records (SandboxCall *call, const SandboxDomain *domain)
{
  SandboxKey key = { 0 };
  gboolean has_key;
  gint64 id;

  if (!g_str_equal (call->method, "GET") || call->n_segments > 4)
    {
      sandbox_call_not_found_route (call);
      return;
    }

  has_key = domain_key (call->self, domain, &key);
  if (call->n_segments == 3)
    {
      JsonArray *ids = json_array_new ();

      if (has_key && key_matches_query (call))
        json_array_add_int_element (ids, key.id);
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (ids));
    }
  else if (has_key && sandbox_parse_id (call->segments[3], &id) && id == key.id)
    sandbox_call_reply (call, SOUP_STATUS_OK, key_to_json (&key));
  else
    sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                        "The requested object (id = %s) does not exist", call->segments[3]);
  g_free (key.public_key);
}

/* --- public calls ------------------------------------------------------------------------ */

void
ovh_sandbox_set_dnssec_delay_ms (OvhSandbox *self, guint delay_ms)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));

  g_mutex_lock (&self->mutex);
  self->dnssec_delay_ms = delay_ms;
  g_mutex_unlock (&self->mutex);
}
