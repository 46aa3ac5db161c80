/* ovh-dnssec.c: a zone's DNSSEC signing, and the DS records of its domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-dnssec.h"
#include "ovh-ds-record.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

G_DEFINE_ENUM_TYPE (OvhDnssecState,
                    ovh_dnssec_state,
                    G_DEFINE_ENUM_VALUE (OVH_DNSSEC_STATE_DISABLED, "disabled"),
                    G_DEFINE_ENUM_VALUE (OVH_DNSSEC_STATE_ENABLED, "enabled"),
                    G_DEFINE_ENUM_VALUE (OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS, "enable-in-progress"),
                    G_DEFINE_ENUM_VALUE (OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS,
                                         "disable-in-progress"))

static const char *const state_names[] = {
  [OVH_DNSSEC_STATE_DISABLED] = "disabled",
  [OVH_DNSSEC_STATE_ENABLED] = "enabled",
  [OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS] = "enableInProgress",
  [OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS] = "disableInProgress",
};

gboolean
ovh_dnssec_state_from_string (const char *text, OvhDnssecState *state)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (text, state_names[i]))
      {
        *state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
ovh_dnssec_state_to_string (OvhDnssecState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (state_names), NULL);
  return state_names[state];
}

gboolean
ovh_dnssec_state_is_in_progress (OvhDnssecState state)
{
  return state == OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS
         || state == OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS;
}

static GError *
invalid_response (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

/* --- state ------------------------------------------------------------------------------- */

/* The state in an answer to GET …/dnssec, or an error. */
static gboolean
read_state (JsonNode *node, OvhDnssecState *state, GError **error)
{
  JsonObject *object = ovh_json_node_get_object (node);
  const char *status = object != NULL ? ovh_json_lookup_string (object, "status") : NULL;

  if (status == NULL)
    {
      g_propagate_error (error, invalid_response (_ ("The DNSSEC answer has no status")));
      return FALSE;
    }
  if (!ovh_dnssec_state_from_string (status, state))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("The DNSSEC status “%s” is not one Domaine knows"), status);

      g_propagate_error (error, invalid_response (message));
      return FALSE;
    }
  return TRUE;
}

static void
state_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  OvhDnssecState state;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || !read_state (node, &state, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, state);
}

void
ovh_dnssec_get_state_async (OvhClient *client,
                            const char *zone,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && zone[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_dnssec_get_state_async);
  path = ovh_path_printf ("/domain/zone/%s/dnssec", zone);
  ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, cancellable, state_cb, task);
}

static gboolean
propagate_state (GAsyncResult *result, OvhDnssecState *state, GError **error)
{
  GError *local_error = NULL;
  gssize value = g_task_propagate_int (G_TASK (result), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (state != NULL)
    *state = value;
  return TRUE;
}

gboolean
ovh_dnssec_get_state_finish (OvhClient *client,
                             GAsyncResult *result,
                             OvhDnssecState *state,
                             GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return propagate_state (result, state, error);
}

/* --- enable, disable --------------------------------------------------------------------- */

static void
set_enabled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ovh_dnssec_set_enabled_async (OvhClient *client,
                              const char *zone,
                              gboolean enabled,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && zone[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_dnssec_set_enabled_async);
  path = ovh_path_printf ("/domain/zone/%s/dnssec", zone);
  /* Not retried: a lost answer to a POST that did go through would come back as a 4xx. */
  ovh_client_call_async (client, enabled ? "POST" : "DELETE", path, NULL, OVH_CALL_NO_RETRY,
                         cancellable, set_enabled_cb, task);
}

gboolean
ovh_dnssec_set_enabled_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- following the state ----------------------------------------------------------------- */

typedef struct
{
  char *zone;
  guint interval_ms;
  guint tries_left;
} Follow;

static void
follow_free (Follow *follow)
{
  g_free (follow->zone);
  g_free (follow);
}

static void follow_slept_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
follow_state_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Follow *follow = g_task_get_task_data (task);
  OvhDnssecState state;
  GError *error = NULL;

  if (!ovh_dnssec_get_state_finish (OVH_CLIENT (source), result, &state, &error))
    g_task_return_error (task, error);
  else if (!ovh_dnssec_state_is_in_progress (state))
    g_task_return_int (task, state);
  else if (follow->tries_left == 0)
    {
      g_autofree char *message = g_strdup_printf (
          /* Translators: a zone, then its DNSSEC state ("enableInProgress") */
          _ ("DNSSEC on %s is still “%s”: gave up waiting"), follow->zone,
          ovh_dnssec_state_to_string (state));

      g_task_return_error (task, ovh_error_new_full (OVH_ERROR_FAILED, 200, NULL, NULL, message));
    }
  else
    {
      /* Read before the task is handed on: argument order is unspecified. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      ovh_sleep_async (follow->interval_ms, cancellable, follow_slept_cb, g_steal_pointer (&task));
    }
}

static void
follow_slept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Follow *follow = g_task_get_task_data (task);
  GCancellable *cancellable;
  OvhClient *client;
  GError *error = NULL;

  if (!ovh_sleep_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  follow->tries_left--;
  client = g_task_get_source_object (task);
  cancellable = g_task_get_cancellable (task);
  ovh_dnssec_get_state_async (client, follow->zone, cancellable, follow_state_cb,
                              g_steal_pointer (&task));
}

void
ovh_dnssec_follow_async (OvhClient *client,
                         const char *zone,
                         guint interval_ms,
                         guint max_tries,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  GTask *task;
  Follow *follow;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (zone != NULL && zone[0] != '\0');
  g_return_if_fail (max_tries > 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_dnssec_follow_async);
  follow = g_new0 (Follow, 1);
  follow->zone = g_strdup (zone);
  follow->interval_ms = interval_ms;
  follow->tries_left = max_tries - 1;
  g_task_set_task_data (task, follow, (GDestroyNotify) follow_free);
  ovh_dnssec_get_state_async (client, zone, cancellable, follow_state_cb, task);
}

gboolean
ovh_dnssec_follow_finish (OvhClient *client,
                          GAsyncResult *result,
                          OvhDnssecState *state,
                          GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return propagate_state (result, state, error);
}

/* --- DS records -------------------------------------------------------------------------- */

typedef struct
{
  char *domain;
  GArray *ids; /* gint64 */
  guint next;
  GPtrArray *records;
} ListDs;

static void
list_ds_free (ListDs *list)
{
  g_free (list->domain);
  g_clear_pointer (&list->ids, g_array_unref);
  g_ptr_array_unref (list->records);
  g_free (list);
}

static int
compare_tags (gconstpointer a, gconstpointer b)
{
  OvhDsRecord *ra = *(OvhDsRecord **) a;
  OvhDsRecord *rb = *(OvhDsRecord **) b;

  return (int) ovh_ds_record_get_tag (ra) - (int) ovh_ds_record_get_tag (rb);
}

static void fetch_next_ds (GTask *task);

static void
ds_record_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ListDs *list = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object;
  OvhDsRecord *record;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  object = ovh_json_node_get_object (node);
  if (object == NULL)
    {
      g_task_return_error (task, invalid_response (_ ("A DS record is not an object")));
      return;
    }
  record = ovh_ds_record_new_from_json (object, list->domain, &error);
  if (record == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_add (list->records, record);
  fetch_next_ds (g_steal_pointer (&task));
}

/* One at a time: a domain has a key or two, and the rate limit is shared. */
static void
fetch_next_ds (GTask *task)
{
  ListDs *list = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  if (list->next == list->ids->len)
    {
      g_ptr_array_sort (list->records, compare_tags);
      g_task_return_pointer (task, g_ptr_array_ref (list->records),
                             (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  path = ovh_path_printf ("/domain/%s/dsRecord/%" G_GINT64_FORMAT, list->domain,
                          g_array_index (list->ids, gint64, list->next++));
  ovh_client_call_async (g_task_get_source_object (task), "GET", path, NULL, OVH_CALL_NONE,
                         g_task_get_cancellable (task), ds_record_cb, task);
}

static void
ds_ids_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ListDs *list = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *array;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  array = ovh_json_node_get_array (node);
  if (array == NULL)
    {
      g_task_return_error (task, invalid_response (_ ("The DS records are not a list")));
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 id;

      if (!ovh_json_node_get_int64 (json_array_get_element (array, i), &id))
        {
          g_task_return_error (task, invalid_response (_ ("The DS records hold something else "
                                                          "than IDs")));
          return;
        }
      g_array_append_val (list->ids, id);
    }
  fetch_next_ds (g_steal_pointer (&task));
}

void
ovh_dnssec_list_ds_records_async (OvhClient *client,
                                  const char *domain,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;
  ListDs *list;

  g_return_if_fail (OVH_IS_CLIENT (client));
  g_return_if_fail (domain != NULL && domain[0] != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_dnssec_list_ds_records_async);
  list = g_new0 (ListDs, 1);
  list->domain = g_strdup (domain);
  list->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  list->records = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, list, (GDestroyNotify) list_ds_free);
  path = ovh_path_printf ("/domain/%s/dsRecord", domain);
  ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, cancellable, ds_ids_cb, task);
}

GPtrArray *
ovh_dnssec_list_ds_records_finish (OvhClient *client, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
