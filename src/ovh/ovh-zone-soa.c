/* ovh-zone-soa.c: a zone's SOA settings, their validation, and resetting a zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-zone-private.h"
#include "ovh-zone-snapshot.h"
#include "ovh-zone-soa.h"

G_DEFINE_QUARK (ovh - zone - soa - error - quark, ovh_zone_soa_error)

G_DEFINE_BOXED_TYPE (OvhZoneSoa, ovh_zone_soa, ovh_zone_soa_copy, ovh_zone_soa_free)

OvhZoneSoa *
ovh_zone_soa_new (void)
{
  return g_new0 (OvhZoneSoa, 1);
}

OvhZoneSoa *
ovh_zone_soa_copy (const OvhZoneSoa *soa)
{
  OvhZoneSoa *copy;

  g_return_val_if_fail (soa != NULL, NULL);

  copy = g_memdup2 (soa, sizeof *soa);
  copy->email = g_strdup (soa->email);
  copy->server = g_strdup (soa->server);
  return copy;
}

void
ovh_zone_soa_free (OvhZoneSoa *soa)
{
  if (soa == NULL)
    return;
  g_free (soa->email);
  g_free (soa->server);
  g_free (soa);
}

OvhZoneSoa *
ovh_zone_soa_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OvhZoneSoa) soa = ovh_zone_soa_new ();
  JsonObject *object = ovh_json_node_get_object (node);
  const char *email = NULL, *server = NULL;
  guint64 ttl = 0, refresh = 0, expire = 0, nx_domain_ttl = 0;

  if (object == NULL)
    {
      g_propagate_error (error,
                         ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                             _ ("OVH sent a zone SOA that is not an object")));
      return NULL;
    }
  if (!ovh_json_read_uint (object, "serial", OVH_JSON_REQUIRED, G_MAXINT64, &soa->serial, error)
      || !ovh_json_read_string (object, "server", OVH_JSON_OPTIONAL, &server, error)
      || !ovh_json_read_string (object, "email", OVH_JSON_OPTIONAL, &email, error)
      || !ovh_json_read_uint (object, "ttl", OVH_JSON_OPTIONAL, G_MAXUINT, &ttl, error)
      || !ovh_json_read_uint (object, "refresh", OVH_JSON_OPTIONAL, G_MAXUINT, &refresh, error)
      || !ovh_json_read_uint (object, "expire", OVH_JSON_OPTIONAL, G_MAXUINT, &expire, error)
      || !ovh_json_read_uint (object, "nxDomainTtl", OVH_JSON_OPTIONAL, G_MAXUINT, &nx_domain_ttl,
                              error))
    {
      g_prefix_error (error, "%s",
                      /* Translators: an explanation such as “ttl” is not a whole number follows */
                      _ ("The zone’s SOA sent by OVHcloud is not valid: "));
      return NULL;
    }

  soa->ttl = (guint) ttl;
  soa->refresh = (guint) refresh;
  soa->expire = (guint) expire;
  soa->nx_domain_ttl = (guint) nx_domain_ttl;
  soa->email = g_strdup (email != NULL ? email : "");
  soa->server = g_strdup (server != NULL ? server : "");
  return g_steal_pointer (&soa);
}

JsonNode *
ovh_zone_soa_to_json (const OvhZoneSoa *soa)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  g_return_val_if_fail (soa != NULL, NULL);

  json_object_set_int_member (object, "ttl", soa->ttl);
  json_object_set_int_member (object, "refresh", soa->refresh);
  json_object_set_int_member (object, "expire", soa->expire);
  json_object_set_int_member (object, "nxDomainTtl", soa->nx_domain_ttl);
  json_object_set_string_member (object, "email", soa->email != NULL ? soa->email : "");
  json_node_take_object (node, object);
  return node;
}

/* Validation ----------------------------------------------------------------------------- */

static gboolean
label_is_valid (const char *start, gsize length)
{
  if (length == 0 || length > 63 || start[0] == '-' || start[length - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (start[i]) && start[i] != '-')
      return FALSE;
  return TRUE;
}

/* A host name of at least min_labels labels (a final dot allowed). */
static gboolean
host_is_valid (const char *host, guint min_labels)
{
  gsize length = strlen (host);
  guint n_labels = 0;
  const char *start = host;

  if (length > 0 && host[length - 1] == '.')
    length--;
  if (length == 0 || length > 253)
    return FALSE;

  for (const char *p = host; p <= host + length; p++)
    if (p == host + length || *p == '.')
      {
        if (!label_is_valid (start, (gsize) (p - start)))
          return FALSE;
        n_labels++;
        start = p + 1;
      }
  return n_labels >= min_labels;
}

gboolean
ovh_zone_soa_email_is_valid (const char *email)
{
  const char *at;

  if (email == NULL || email[0] == '\0')
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL)
    return host_is_valid (email, 3);

  if (at == email || at - email > 64 || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = email; p < at; p++)
    if (!g_ascii_isgraph (*p) || *p == '(' || *p == ')' || *p == ',' || *p == ';' || *p == '<'
        || *p == '>' || *p == '"' || *p == '\\')
      return FALSE;
  return host_is_valid (at + 1, 2);
}

static char *
range_message (guint min, guint max)
{
  /* Translators: the lowest and highest number of seconds allowed */
  return g_strdup_printf (_ ("Enter a number of seconds from %u to %u"), min, max);
}

char *
ovh_zone_soa_check_field (const OvhZoneSoa *soa, OvhZoneSoaField field)
{
  g_return_val_if_fail (soa != NULL, NULL);

  switch (field)
    {
    case OVH_ZONE_SOA_FIELD_TTL:
      if (soa->ttl < OVH_ZONE_SOA_TTL_MIN || soa->ttl > OVH_ZONE_SOA_TTL_MAX)
        return range_message (OVH_ZONE_SOA_TTL_MIN, OVH_ZONE_SOA_TTL_MAX);
      return NULL;
    case OVH_ZONE_SOA_FIELD_REFRESH:
      if (soa->refresh < OVH_ZONE_SOA_REFRESH_MIN || soa->refresh > OVH_ZONE_SOA_REFRESH_MAX)
        return range_message (OVH_ZONE_SOA_REFRESH_MIN, OVH_ZONE_SOA_REFRESH_MAX);
      return NULL;
    case OVH_ZONE_SOA_FIELD_EXPIRE:
      if (soa->expire < OVH_ZONE_SOA_EXPIRE_MIN || soa->expire > OVH_ZONE_SOA_EXPIRE_MAX)
        return range_message (OVH_ZONE_SOA_EXPIRE_MIN, OVH_ZONE_SOA_EXPIRE_MAX);
      if (soa->expire <= soa->refresh)
        return g_strdup (_ ("The expiry must be longer than the refresh interval"));
      return NULL;
    case OVH_ZONE_SOA_FIELD_NX_DOMAIN_TTL:
      if (soa->nx_domain_ttl < OVH_ZONE_SOA_NX_DOMAIN_TTL_MIN
          || soa->nx_domain_ttl > OVH_ZONE_SOA_NX_DOMAIN_TTL_MAX)
        return range_message (OVH_ZONE_SOA_NX_DOMAIN_TTL_MIN, OVH_ZONE_SOA_NX_DOMAIN_TTL_MAX);
      return NULL;
    case OVH_ZONE_SOA_FIELD_EMAIL:
      if (!ovh_zone_soa_email_is_valid (soa->email))
        return g_strdup (_ ("Enter an e-mail address such as hostmaster@example.com"));
      return NULL;
    case OVH_ZONE_SOA_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ovh_zone_soa_validate (const OvhZoneSoa *soa, OvhZoneSoaField *field, GError **error)
{
  g_return_val_if_fail (soa != NULL, FALSE);

  for (guint i = 0; i < OVH_ZONE_SOA_N_FIELDS; i++)
    {
      g_autofree char *message = ovh_zone_soa_check_field (soa, i);

      if (message != NULL)
        {
          if (field != NULL)
            *field = i;
          g_set_error_literal (error, OVH_ZONE_SOA_ERROR, OVH_ZONE_SOA_ERROR_INVALID, message);
          return FALSE;
        }
    }
  return TRUE;
}

/* GET and PUT …/soa ---------------------------------------------------------------------- */

static void
fetch_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhZone *self = g_task_get_source_object (task);
  g_autoptr (JsonNode) node = NULL;
  OvhZoneSoa *soa;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || (soa = ovh_zone_soa_new_from_json (node, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Already checked: the zone's own copy cannot fail on it. */
  ovh_zone_apply_soa_json (self, node, NULL);
  g_task_return_pointer (task, soa, (GDestroyNotify) ovh_zone_soa_free);
}

static void
get_soa (OvhZone *self, GTask *task)
{
  g_autofree char *path = ovh_zone_dup_path (self, "/soa");

  ovh_client_call_async (ovh_zone_get_client (self), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), fetch_cb, task);
}

void
ovh_zone_fetch_soa_async (OvhZone *self,
                          GCancellable *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_fetch_soa_async);
  get_soa (self, task);
}

OvhZoneSoa *
ovh_zone_fetch_soa_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
put_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  OvhZone *self = g_task_get_source_object (task);
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  get_soa (self, g_steal_pointer (&task));
}

void
ovh_zone_update_soa_async (OvhZone *self,
                           const OvhZoneSoa *soa,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (soa != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_update_soa_async);
  if (!ovh_zone_soa_validate (soa, NULL, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  body = ovh_zone_soa_to_json (soa);
  path = ovh_zone_dup_path (self, "/soa");
  ovh_client_call_async (ovh_zone_get_client (self), "PUT", path, body, OVH_CALL_NONE, cancellable,
                         put_cb, task);
}

OvhZoneSoa *
ovh_zone_update_soa_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reset ---------------------------------------------------------------------------------- */

typedef struct
{
  OvhZoneResetFlags flags;
  char *snapshot_dir;
  char *snapshot_account;
  gint64 snapshot_time;
} Reset;

static void
reset_free (Reset *reset)
{
  g_free (reset->snapshot_dir);
  g_free (reset->snapshot_account);
  g_free (reset);
}

static void
reloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!ovh_zone_reload_finish (OVH_ZONE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
reset_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  OvhZone *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ovh_zone_reload_async (self, cancellable, reloaded_cb, g_steal_pointer (&task));
}

static void
send_reset (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  Reset *reset = g_task_get_task_data (task);
  g_autoptr (JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = ovh_zone_dup_path (self, "/reset");
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "minimized",
                                  (reset->flags & OVH_ZONE_RESET_MINIMIZED) != 0);
  json_node_take_object (body, object);
  ovh_client_call_async (ovh_zone_get_client (self), "POST", path, body, OVH_CALL_NO_RETRY,
                         g_task_get_cancellable (task), reset_cb, task);
}

static void
snapshot_then_reset (GTask *task)
{
  OvhZone *self = g_task_get_source_object (task);
  Reset *reset = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (!ovh_zone_snapshot_save (reset->snapshot_dir, reset->snapshot_account,
                               ovh_zone_get_name (self), ovh_zone_get_records (self),
                               &reset->snapshot_time, &error))
    {
      g_task_return_new_error (task, OVH_ZONE_SOA_ERROR, OVH_ZONE_SOA_ERROR_SNAPSHOT,
                               /* Translators: the reason follows */
                               _ ("The zone was not reset: its records could not be kept to "
                                  "undo it: %s"),
                               error->message);
      g_object_unref (task);
      return;
    }
  send_reset (task);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!ovh_zone_load_finish (OVH_ZONE (source), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  snapshot_then_reset (task);
}

void
ovh_zone_reset_async (OvhZone *self,
                      OvhZoneResetFlags flags,
                      const char *snapshot_dir,
                      const char *snapshot_account,
                      GCancellable *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer user_data)
{
  GTask *task;
  Reset *reset;

  g_return_if_fail (OVH_IS_ZONE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_reset_async);
  reset = g_new0 (Reset, 1);
  reset->flags = flags;
  reset->snapshot_dir = g_strdup (snapshot_dir);
  reset->snapshot_account = g_strdup (snapshot_account);
  g_task_set_task_data (task, reset, (GDestroyNotify) reset_free);

  if (snapshot_account == NULL)
    send_reset (task);
  else if (ovh_zone_get_load_state (self) != OVH_ZONE_LOAD_STATE_LOADED)
    /* The snapshot must hold what OVH has now, not an empty or half-loaded list. */
    ovh_zone_load_async (self, OVH_ZONE_LOAD_BYPASS_CACHE, cancellable, loaded_cb, task);
  else
    snapshot_then_reset (task);
}

gboolean
ovh_zone_reset_finish (OvhZone *self, GAsyncResult *result, gint64 *snapshot_time, GError **error)
{
  Reset *reset;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  reset = g_task_get_task_data (G_TASK (result));
  if (snapshot_time != NULL)
    *snapshot_time = reset->snapshot_time;
  return g_task_propagate_boolean (G_TASK (result), error);
}
