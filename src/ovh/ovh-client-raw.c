/* ovh-client-raw.c: one call as a person writes it, and everything its answer says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-client-raw.h"
#include "ovh-json-private.h"

G_DEFINE_BOXED_TYPE (OvhRawAnswer, ovh_raw_answer, ovh_raw_answer_copy, ovh_raw_answer_free)

OvhRawAnswer *
ovh_raw_answer_copy (const OvhRawAnswer *answer)
{
  OvhRawAnswer *copy = g_new0 (OvhRawAnswer, 1);

  copy->method = g_strdup (answer->method);
  copy->path = g_strdup (answer->path);
  copy->status = answer->status;
  copy->query_id = g_strdup (answer->query_id);
  copy->body = answer->body != NULL ? g_bytes_ref (answer->body) : NULL;
  copy->json = answer->json != NULL ? json_node_ref (answer->json) : NULL;
  copy->duration_us = answer->duration_us;
  return copy;
}

void
ovh_raw_answer_free (OvhRawAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->method);
  g_free (answer->path);
  g_free (answer->query_id);
  g_clear_pointer (&answer->body, g_bytes_unref);
  g_clear_pointer (&answer->json, json_node_unref);
  g_free (answer);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static JsonNode *
parse_body (const char *text, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  JsonNode *node;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _ ("The body is not valid JSON: it is not UTF-8 text"));
      return NULL;
    }
  node = ovh_json_parse (text, strlen (text), &local_error);
  if (node == NULL)
    /* Translators: %s says what is wrong with the JSON */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("The body is not valid JSON: %s"),
                 local_error->message);
  return node;
}

gboolean
ovh_raw_call_check_body (const char *text, GError **error)
{
  g_autoptr (JsonNode) node = NULL;

  if (is_blank (text))
    return TRUE;
  node = parse_body (text, error);
  return node != NULL;
}

char *
ovh_raw_call_build_path (const char *path, const char *const *parameters, GError **error)
{
  g_autoptr (GString) built = NULL;
  gboolean has_query;

  g_return_val_if_fail (path != NULL, NULL);

  built = g_string_new (path);
  has_query = strchr (path, '?') != NULL;
  for (guint i = 0; parameters != NULL && parameters[i] != NULL; i++)
    {
      const char *equal = strchr (parameters[i], '=');
      g_autofree char *name = NULL;
      g_autofree char *escaped_name = NULL;
      g_autofree char *escaped_value = NULL;

      if (equal == NULL || equal == parameters[i])
        {
          /* Translators: %s is what was given instead of NAME=VALUE */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _ ("“%s” is not a parameter: write NAME=VALUE"), parameters[i]);
          return NULL;
        }
      name = g_strndup (parameters[i], equal - parameters[i]);
      escaped_name = g_uri_escape_string (name, NULL, FALSE);
      escaped_value = g_uri_escape_string (equal + 1, NULL, FALSE);
      g_string_append_printf (built, "%c%s=%s", has_query ? '&' : '?', escaped_name, escaped_value);
      has_query = TRUE;
    }
  return g_string_free (g_steal_pointer (&built), FALSE);
}

gboolean
ovh_raw_call_is_read_only (const char *method)
{
  return method != NULL && g_ascii_strcasecmp (method, "GET") == 0;
}

static gboolean
is_method (const char *method)
{
  static const char *const methods[] = { "GET", "POST", "PUT", "DELETE", "PATCH", NULL };
  g_autofree char *upper = g_ascii_strup (method, -1);

  return g_strv_contains (methods, upper);
}

typedef struct
{
  OvhRawAnswer *answer;
} RawCall;

static void
raw_call_free (RawCall *raw)
{
  ovh_raw_answer_free (raw->answer);
  g_free (raw);
}

static void
raw_call_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  RawCall *raw = g_task_get_task_data (task);
  OvhRawAnswer *answer = raw->answer;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  ovh_client_call_get_exchange (result, &answer->status, &answer->body, &answer->query_id,
                                &answer->duration_us);
  if (answer->body != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (answer->body, &length);

      if (node != NULL)
        answer->json = json_node_ref (node);
      else if (length == 0)
        answer->json = json_node_new (JSON_NODE_NULL);
      else
        /* An error's body is JSON too, usually: shown as such when it is. */
        answer->json = ovh_json_parse (data, length, NULL);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ovh_client_raw_call_async (OvhClient *self,
                           const char *method,
                           const char *path,
                           const char *body,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  RawCall *raw;

  g_return_if_fail (OVH_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_client_raw_call_async);
  raw = g_new0 (RawCall, 1);
  raw->answer = g_new0 (OvhRawAnswer, 1);
  raw->answer->method = g_ascii_strup (method, -1);
  raw->answer->path = g_strdup (path);
  g_task_set_task_data (task, raw, (GDestroyNotify) raw_call_free);

  if (!is_method (method))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               /* Translators: %s is what was given as an HTTP method */
                               _ ("“%s” is not a method of the API: use GET, POST, PUT, DELETE "
                                  "or PATCH"),
                               method);
      return;
    }
  if (path[0] != '/' || strpbrk (path, " \t\r\n#") != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               /* Translators: %s is what was given as an API path */
                               _ ("“%s” is not an API path: it starts with “/”, as in /me"), path);
      return;
    }
  if (!is_blank (body) && (node = parse_body (body, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ovh_client_call_full_async (self, raw->answer->method, path, node, NULL, OVH_CALL_NONE,
                              cancellable, raw_call_done_cb, g_steal_pointer (&task));
}

gboolean
ovh_client_raw_call_finish (OvhClient *self,
                            GAsyncResult *result,
                            OvhRawAnswer **answer,
                            GError **error)
{
  RawCall *raw;

  g_return_val_if_fail (OVH_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ovh_client_raw_call_async,
                        FALSE);

  raw = g_task_get_task_data (G_TASK (result));
  if (answer != NULL)
    *answer = raw->answer->status != 0 ? ovh_raw_answer_copy (raw->answer) : NULL;
  return g_task_propagate_boolean (G_TASK (result), error);
}
