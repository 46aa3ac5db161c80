/* ovh-zone-history.c: the versions OVH keeps of a zone, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "ovh-client-private.h"
#include "ovh-error.h"
#include "ovh-path-private.h"
#include "ovh-zone-history.h"
#include "ovh-zone-private.h"
#include "ovh-zone-transfer.h"

static GError *
invalid_response (const char *message)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, message);
}

GDateTime *
ovh_zone_history_parse_date (const char *date)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  g_return_val_if_fail (date != NULL, NULL);
  return g_date_time_new_from_iso8601 (date, utc);
}

/* …/history/{date}[suffix]. ":" and "+" are valid in a path segment and stay as they are, as
 * OVH's own clients send them: the signature covers the URL exactly as written. */
static char *
version_path (OvhZone *self, const char *date, const char *suffix)
{
  g_autofree char *base = ovh_path_printf ("/domain/zone/%s/history", ovh_zone_get_name (self));
  g_autofree char *escaped = g_uri_escape_string (date, ":+", FALSE);

  return g_strconcat (base, "/", escaped, suffix, NULL);
}

/* --- list -------------------------------------------------------------------------------- */

static int
compare_dates_newest_first (gconstpointer a, gconstpointer b)
{
  const char *da = *(const char **) a;
  const char *db = *(const char **) b;
  g_autoptr (GDateTime) ta = ovh_zone_history_parse_date (da);
  g_autoptr (GDateTime) tb = ovh_zone_history_parse_date (db);

  if (ta != NULL && tb != NULL)
    return g_date_time_compare (tb, ta);
  return g_strcmp0 (db, da);
}

static void
list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GPtrArray) dates = NULL;
  GError *error = NULL;
  JsonArray *array;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_error (task, invalid_response (_ ("The zone’s history is not a list")));
      return;
    }

  array = json_node_get_array (node);
  dates = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_task_return_error (task, invalid_response (_ ("The zone’s history holds something else "
                                                          "than dates")));
          return;
        }
      g_ptr_array_add (dates, g_strdup (json_node_get_string (element)));
    }

  g_ptr_array_sort (dates, compare_dates_newest_first);
  g_ptr_array_add (dates, NULL);
  g_task_return_pointer (task, g_ptr_array_steal (dates, NULL), (GDestroyNotify) g_strfreev);
}

void
ovh_zone_list_history_async (OvhZone *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_list_history_async);
  path = ovh_path_printf ("/domain/zone/%s/history", ovh_zone_get_name (self));
  ovh_client_call_async (ovh_zone_get_client (self), "GET", path, NULL, OVH_CALL_NONE, cancellable,
                         list_cb, task);
}

GStrv
ovh_zone_list_history_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- one version's file ------------------------------------------------------------------ */

static void
download_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  guint status;
  gsize size;
  const char *data;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, ovh_error_new_from_transport (error));
      return;
    }

  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_OK)
    {
      g_autofree char *text = g_strdup_printf (
          /* Translators: an HTTP status number, then its reason ("Not Found") */
          _ ("The zone file of this version cannot be downloaded: %u %s"), status,
          soup_message_get_reason_phrase (message));

      g_task_return_error (task,
                           ovh_error_new_full (status == SOUP_STATUS_NOT_FOUND ? OVH_ERROR_NOT_FOUND
                                                                               : OVH_ERROR_FAILED,
                                               status, NULL, NULL, text));
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_task_return_error (task, invalid_response (_ ("The zone file is not UTF-8 text")));
      return;
    }
  g_task_return_pointer (task, g_strndup (data, size), g_free);
}

static void
version_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhZone *self = g_task_get_source_object (task);
  OvhClient *client = ovh_zone_get_client (self);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GTlsDatabase) database = NULL;
  SoupMessage *message;
  GCancellable *cancellable;
  GError *error = NULL;
  JsonNode *url;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  url = JSON_NODE_HOLDS_OBJECT (node)
            ? json_object_get_member (json_node_get_object (node), "zoneFileUrl")
            : NULL;
  if (url == NULL || json_node_get_value_type (url) != G_TYPE_STRING)
    {
      g_task_return_error (task, invalid_response (_ ("The version has no zone file URL")));
      return;
    }
  message = soup_message_new ("GET", json_node_get_string (url));
  if (message == NULL)
    {
      g_task_return_error (task, invalid_response (_ ("The version’s zone file URL is invalid")));
      return;
    }

  /* A session of its own: the link is pre-signed, no OVH header must go with it. */
  database = ovh_client_get_tls_database (client) != NULL
                 ? g_object_ref (ovh_client_get_tls_database (client))
                 : g_tls_backend_get_default_database (g_tls_backend_get_default ());
  session = soup_session_new_with_options ("user-agent", "Domaine/" PACKAGE_VERSION, "timeout",
                                           ovh_client_get_timeout (client), "tls-database",
                                           database, NULL);
  g_task_set_task_data (task, message, g_object_unref);
  cancellable = g_task_get_cancellable (task);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable, download_cb,
                                    g_steal_pointer (&task));
}

void
ovh_zone_fetch_history_file_async (OvhZone *self,
                                   const char *date,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (date != NULL && date[0] != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_fetch_history_file_async);
  path = version_path (self, date, "");
  ovh_client_call_async (ovh_zone_get_client (self), "GET", path, NULL, OVH_CALL_NONE, cancellable,
                         version_cb, task);
}

char *
ovh_zone_fetch_history_file_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- restore ----------------------------------------------------------------------------- */

static void
restore_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ovh_zone_return_task_answer (task, node, _ ("The restore task has no ID or status"));
}

void
ovh_zone_restore_history_async (OvhZone *self,
                                const char *date,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (OVH_IS_ZONE (self));
  g_return_if_fail (date != NULL && date[0] != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_restore_history_async);
  path = version_path (self, date, "/restore");
  ovh_client_call_async (ovh_zone_get_client (self), "POST", path, NULL, OVH_CALL_NONE, cancellable,
                         restore_cb, task);
}

gboolean
ovh_zone_restore_history_finish (
    OvhZone *self, GAsyncResult *result, gint64 *task_id, char **status, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return ovh_zone_propagate_task_answer (G_TASK (result), task_id, status, error);
}

/* --- following a task -------------------------------------------------------------------- */

typedef struct
{
  gint64 id;
  guint interval_ms;
} Follow;

static void poll_task (GTask *task);

static void
status_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Follow *follow = g_task_get_task_data (task);
  g_autofree char *status = NULL;
  GError *error = NULL;

  status = ovh_zone_fetch_task_status_finish (OVH_ZONE (source), result, &error);
  if (status == NULL)
    g_task_return_error (task, error);
  else if (ovh_zone_task_status_is_running (status))
    poll_task (g_steal_pointer (&task));
  else if (g_str_equal (status, "done"))
    g_task_return_boolean (task, TRUE);
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, follow->id);
      g_autofree char *message = g_strdup_printf (
          /* Translators: a task number, then its status ("error", "cancelled") */
          _ ("The task %s ended with the status “%s”"), id, status);

      g_task_return_error (task, ovh_error_new_full (OVH_ERROR_FAILED, 200, NULL, NULL, message));
    }
}

static void
slept_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Follow *follow = g_task_get_task_data (task);
  GError *error = NULL;

  if (!ovh_sleep_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  OvhZone *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  ovh_zone_fetch_task_status_async (self, follow->id, cancellable, status_cb,
                                    g_steal_pointer (&task));
}

static void
poll_task (GTask *task)
{
  Follow *follow = g_task_get_task_data (task);

  ovh_sleep_async (follow->interval_ms, g_task_get_cancellable (task), slept_cb, task);
}

void
ovh_zone_follow_task_async (OvhZone *self,
                            gint64 task_id,
                            guint interval_ms,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;
  Follow *follow;

  g_return_if_fail (OVH_IS_ZONE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_zone_follow_task_async);
  follow = g_new0 (Follow, 1);
  follow->id = task_id;
  follow->interval_ms = interval_ms;
  g_task_set_task_data (task, follow, g_free);
  /* Asked at once: the sandbox (and a quick OVH) may be done already. */
  ovh_zone_fetch_task_status_async (self, task_id, cancellable, status_cb, task);
}

gboolean
ovh_zone_follow_task_finish (OvhZone *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
