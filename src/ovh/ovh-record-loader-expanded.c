/* ovh-record-loader-expanded.c: records in expanded pages (X-Pagination-Mode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-client-private.h"
#include "ovh-error.h"
#include "ovh-http-private.h"
#include "ovh-json-private.h"
#include "ovh-record-loader-private.h"
#include "ovh-record-page-reader.h"

/* Far above any real zone (OVH refuses zones this big), it bounds what a lying total can make
 * the loader ask for: a few hundred pages at most. */
#define MAX_TOTAL_RECORDS 2000000

/* Expanded lists */

static GHashTable *
expanded_headers (OvhRecordLoader *self, guint page)
{
  GHashTable *headers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (headers, (char *) "X-Pagination-Mode", g_strdup ("CachedObjectList-Pages"));
  g_hash_table_insert (headers, (char *) "X-Pagination-Size",
                       g_strdup_printf ("%u", self->page_size));
  g_hash_table_insert (headers, (char *) "X-Pagination-Number", g_strdup_printf ("%u", page));
  return headers;
}

/* An expanded page already read as JSON: an array of objects. */
static GPtrArray *
parse_page (OvhRecordLoader *self, JsonNode *node, GError **error)
{
  GPtrArray *records;
  guint n_skipped = 0;

  records = ovh_record_page_read_node (node, self->zone, &n_skipped, error);
  self->n_skipped += n_skipped;
  return records;
}

/* Pages are asked with OVH_CALL_BODY_UNREAD: their bytes become records without a JSON tree. */
static GPtrArray *
read_page (OvhRecordLoader *self, GAsyncResult *result, GError **error)
{
  g_autoptr (GBytes) body = NULL;
  g_autofree char *query_id = NULL;
  GPtrArray *records;
  gint64 duration_us;
  guint status, n_skipped = 0;

  ovh_client_call_get_exchange (result, &status, &body, &query_id, &duration_us);
  records = ovh_record_page_read (body, status, query_id, self->zone, &n_skipped, error);
  self->n_skipped += n_skipped;
  return records;
}

static void
expanded_page_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JobCall) call = user_data;
  GTask *task = call->task;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *records;

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node == NULL || (records = read_page (self, result, &error)) == NULL)
    {
      ovh_record_load_fail (task, g_steal_pointer (&error));
      ovh_record_load_job_finished (task);
      return;
    }

  ovh_record_loader_add_loaded (self, records->len);
  /* Page 1 is already in place; job j fetches page j + 2. */
  g_ptr_array_index (data->pages, call->job + 1) = records;
  ovh_record_load_job_finished (task);
}

static void
start_expanded_page (GTask *task, guint job)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = expanded_headers (self, job + 2);

  ovh_client_call_full_async (self->client, "GET", self->records_path, NULL, headers,
                              OVH_CALL_BODY_UNREAD, data->cancellable, expanded_page_cb,
                              ovh_record_load_job_call_new (task, job));
}

static void
expanded_done (GTask *task)
{
  ovh_record_load_complete (task);
}

/* FALSE when missing; a number too big for 64 bits is kept as G_MAXUINT64, refused later. */
static gboolean
parse_header_uint64 (GHashTable *headers, const char *name, guint64 *value)
{
  const char *text = headers != NULL ? g_hash_table_lookup (headers, name) : NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr (GError) error = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT64, value, &error))
    return TRUE;
  if (!g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    return FALSE;
  *value = G_MAXUINT64;
  return TRUE;
}

/* The total must agree with the first page: no fewer than it holds, no more when it is short
 * (the list ends there), and within a sane bound. */
static gboolean
check_total (OvhRecordLoader *self, guint64 total, guint first_page_length, GError **error)
{
  if (total > MAX_TOTAL_RECORDS)
    {
      g_propagate_error (error, ovh_record_load_invalid_response (
                                    _ ("OVH announced more records than any zone can hold")));
      return FALSE;
    }
  if (total < first_page_length
      || (first_page_length < self->page_size && total > first_page_length))
    {
      g_propagate_error (error,
                         ovh_record_load_invalid_response (
                             _ ("OVH announced a number of records that its answer contradicts")));
      return FALSE;
    }
  return TRUE;
}

static void
fall_back_to_batch (GTask *task, GError *reason)
{
  OvhRecordLoader *self = g_task_get_source_object (task);

  g_debug ("Expanded lists are not served by %s (%s): trying batches",
           ovh_client_get_base_url (self->client), reason != NULL ? reason->message : "ids");
  ovh_record_load_start_batch (task);
}

static void
expanded_first_page_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) response_headers = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) first_page = NULL;
  JsonArray *array;
  JsonNode *first;
  guint64 total;
  guint n_elements, n_pages;

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, &response_headers, &error);
  if (node != NULL)
    {
      g_autoptr (GBytes) body = NULL;
      g_autofree char *query_id = NULL;
      const char *data_bytes;
      gsize length = 0;
      gint64 duration_us;
      guint status;

      /* The common page straight into records; anything else read as the client would have. */
      ovh_client_call_get_exchange (result, &status, &body, &query_id, &duration_us);
      data_bytes = body != NULL ? g_bytes_get_data (body, &length) : NULL;
      first_page = ovh_record_page_read_fast (data_bytes, length);
      if (first_page == NULL)
        {
          g_autoptr (GError) parse_error = NULL;

          g_clear_pointer (&node, json_node_unref);
          node = ovh_http_parse_json_answer (body, &parse_error);
          if (node == NULL)
            error = ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, status, NULL, query_id,
                                        parse_error->message);
        }
    }
  if (node == NULL)
    {
      if (data->may_fall_back && ovh_record_load_error_allows_fallback (error))
        fall_back_to_batch (task, error);
      else
        ovh_record_load_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (first_page != NULL)
    n_elements = first_page->len;
  else if ((array = ovh_json_node_get_array (node)) == NULL)
    {
      ovh_record_load_return_error (
          task, ovh_record_load_invalid_response (_ ("OVH sent a record list that is not a list")));
      return;
    }
  else
    {
      first = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;

      /* Ids instead of objects: the mode was ignored, but the ids are what batch needs. */
      if (first != NULL && JSON_NODE_HOLDS_VALUE (first))
        {
          GArray *ids;

          if (!data->may_fall_back)
            {
              ovh_record_load_return_error (
                  task,
                  ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                      _ ("This endpoint does not serve expanded record lists")));
              return;
            }
          ids = ovh_record_load_parse_id_list (node, &error);
          if (ids == NULL)
            {
              ovh_record_load_return_error (task, g_steal_pointer (&error));
              return;
            }
          ovh_record_load_set_ids (data, ids);
          fall_back_to_batch (task, NULL);
          return;
        }

      n_elements = json_array_get_length (array);
    }

  if (!parse_header_uint64 (response_headers, "x-pagination-elements", &total))
    {
      /* Without the total, a full page gives no way to know where the list ends. */
      if (n_elements < self->page_size)
        total = n_elements;
      else
        {
          if (data->may_fall_back)
            fall_back_to_batch (task, NULL);
          else
            ovh_record_load_return_error (
                task, ovh_record_load_invalid_response (
                          _ ("OVH sent a page of records without the total count")));
          return;
        }
    }

  if (!check_total (self, total, n_elements, &error))
    {
      ovh_record_load_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->current = OVH_RECORD_LOAD_STRATEGY_EXPANDED;
  /* total ≤ MAX_TOTAL_RECORDS: no overflow, and at least one page. */
  n_pages = total == 0 ? 1 : (guint) ((total + self->page_size - 1) / self->page_size);
  data->pages = g_ptr_array_new_with_free_func (ovh_record_load_page_unref_if_set);
  g_ptr_array_set_size (data->pages, n_pages);
  ovh_record_loader_set_progress (self, 0, (guint) total);

  /* The other pages are on their way while this one is read: with more than one page, the
   * calls in flight keep the load from ending before page 1 is in place. */
  if (n_pages > 1)
    ovh_record_load_run_jobs (task, 0, n_pages - 1, self->max_in_flight, start_expanded_page,
                              expanded_done);

  if (first_page == NULL)
    first_page = parse_page (self, node, &error);
  if (first_page == NULL)
    {
      if (n_pages > 1)
        ovh_record_load_fail (task, g_steal_pointer (&error));
      else
        ovh_record_load_return_error (task, g_steal_pointer (&error));
      return;
    }
  ovh_record_loader_add_loaded (self, first_page->len);
  g_ptr_array_index (data->pages, 0) = g_steal_pointer (&first_page);

  if (n_pages == 1)
    ovh_record_load_run_jobs (task, 0, 0, 1, start_expanded_page, expanded_done);
}

void
ovh_record_load_start_expanded (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = expanded_headers (self, 1);

  data->current = OVH_RECORD_LOAD_STRATEGY_EXPANDED;
  ovh_client_call_full_async (self->client, "GET", self->records_path, NULL, headers,
                              OVH_CALL_BODY_UNREAD, data->cancellable, expanded_first_page_cb,
                              g_object_ref (task));
}
