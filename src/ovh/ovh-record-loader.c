/* ovh-record-loader.c: all records of a zone in as few requests as the endpoint allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"
#include "ovh-progress-private.h"
#include "ovh-record-loader.h"

/* Pages of an expanded list are big: two at a time keep the server and the parser busy. */
#define PAGES_IN_FLIGHT 2

struct _OvhRecordLoader
{
  GObject parent_instance;

  OvhClient *client;
  char *zone;
  char *records_path; /* "/domain/zone/<zone>/record" */

  OvhRecordLoadStrategy strategy;
  OvhRecordLoadStrategy used_strategy;
  guint page_size;
  guint batch_size;
  guint max_in_flight;

  guint n_loaded;
  guint n_total;
  guint n_skipped;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (OvhRecordLoader, ovh_record_loader, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (OvhRecordLoadStrategy,
                    ovh_record_load_strategy,
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_AUTO, "auto"),
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_EXPANDED, "expanded"),
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_BATCH, "batch"),
                    G_DEFINE_ENUM_VALUE (OVH_RECORD_LOAD_STRATEGY_PER_ID, "per-id"))

enum
{
  PROP_0,
  PROP_N_LOADED,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_LOCK_DEFINE_STATIC (remembered);
static GHashTable *remembered_strategies; /* base URL → OvhRecordLoadStrategy */

typedef struct _LoadData LoadData;
typedef void (*StartJobFunc) (GTask *task, guint job);
typedef void (*PhaseDoneFunc) (GTask *task);

struct _LoadData
{
  GCancellable *cancellable; /* ours, cancelled by the caller's or on the first error */
  GCancellable *caller_cancellable;
  gulong caller_cancelled_id;

  OvhRecordLoadStrategy current;
  gboolean may_fall_back;

  /* Ids from the plain list, for batch and per-id. */
  GArray *ids;              /* guint64 */
  GHashTable *id_positions; /* id → position + 1 in ids */
  GPtrArray *by_position;   /* OvhRecord* or NULL, like ids */
  GArray *retry_positions;  /* positions a batch did not deliver */

  /* Expanded pages, in order. */
  GPtrArray *pages; /* GPtrArray* of OvhRecord*, NULL until arrived */

  /* The job pump: n_jobs calls, at most max_in_flight at once. */
  StartJobFunc start_job;
  PhaseDoneFunc phase_done;
  guint n_jobs;
  guint next_job;
  guint in_flight;
  guint max_in_flight;
  GError *error;
};

typedef struct
{
  GTask *task;
  guint job;
} JobCall;

static void start_batch (GTask *task);
static void start_per_id (GTask *task, gboolean only_retries);
static void finish_load (GTask *task);

/* Slots not filled (yet) hold NULL, which GPtrArray hands to the free function too. */
static void
object_unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
page_unref_if_set (gpointer page)
{
  if (page != NULL)
    g_ptr_array_unref (page);
}

static void
load_data_free (LoadData *data)
{
  if (data->caller_cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_cancelled_id);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->id_positions, g_hash_table_unref);
  g_clear_pointer (&data->by_position, g_ptr_array_unref);
  g_clear_pointer (&data->retry_positions, g_array_unref);
  g_clear_pointer (&data->pages, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static JobCall *
job_call_new (GTask *task, guint job)
{
  JobCall *call = g_new0 (JobCall, 1);

  call->task = g_object_ref (task);
  call->job = job;
  return call;
}

static void
job_call_free (JobCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JobCall, job_call_free)

/* Progress */

void
ovh_progress_set (GObject *object,
                  guint *n_loaded,
                  guint *n_total,
                  GParamSpec *n_loaded_pspec,
                  GParamSpec *n_total_pspec,
                  guint new_n_loaded,
                  guint new_n_total)
{
  gboolean loaded_changed = *n_loaded != new_n_loaded;
  gboolean total_changed = *n_total != new_n_total;

  *n_loaded = new_n_loaded;
  *n_total = new_n_total;
  if (total_changed)
    g_object_notify_by_pspec (object, n_total_pspec);
  if (loaded_changed)
    g_object_notify_by_pspec (object, n_loaded_pspec);
}

static void
set_progress (OvhRecordLoader *self, guint n_loaded, guint n_total)
{
  ovh_progress_set (G_OBJECT (self), &self->n_loaded, &self->n_total, properties[PROP_N_LOADED],
                    properties[PROP_N_TOTAL], n_loaded, n_total);
}

static void
add_loaded (OvhRecordLoader *self, guint n)
{
  set_progress (self, self->n_loaded + n, MAX (self->n_total, self->n_loaded + n));
}

/* Errors */

static GError *
new_invalid_response (const char *what)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, what);
}

/* Whether an error on a probe means "this mode is not served here" rather than "stop":
 * authentication, missing zone, network and cancellation are the same for every mode. */
static gboolean
error_allows_fallback (const GError *error)
{
  if (error->domain != OVH_ERROR)
    return FALSE;

  switch ((OvhErrorCode) error->code)
    {
    case OVH_ERROR_FAILED:
    case OVH_ERROR_BAD_PARAMETERS:
    case OVH_ERROR_INVALID_RESPONSE:
    case OVH_ERROR_SERVER:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
fail (GTask *task, GError *error)
{
  LoadData *data = g_task_get_task_data (task);

  if (data->error == NULL)
    {
      data->error = error;
      /* Stop the calls still in flight: their answers are no longer wanted. */
      g_cancellable_cancel (data->cancellable);
    }
  else
    g_error_free (error);
}

/* JSON helpers */

/* A record id: a positive number, or the same written as a string. */
static gboolean
node_get_id (JsonNode *node, guint64 *id)
{
  const char *text = ovh_json_node_get_string (node);
  gint64 number;

  if (ovh_json_node_get_int64 (node, &number))
    {
      *id = (guint64) number;
      return number > 0;
    }
  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  return g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT64, id, NULL);
}

/* The array node holds, or NULL with an invalid-response error saying message. */
static JsonArray *
expect_array (JsonNode *node, const char *message, GError **error)
{
  JsonArray *array = ovh_json_node_get_array (node);

  if (array == NULL)
    *error = new_invalid_response (message);
  return array;
}

/* Parses one record object. Unknown types are counted and skipped (NULL, no error): a
 * type OVH added later must not make the whole zone unreadable. */
static OvhRecord *
parse_record (OvhRecordLoader *self, JsonObject *object, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  OvhRecord *record;

  record = ovh_record_new_from_json_object (object, &local_error);
  if (record != NULL)
    return record;

  if (g_error_matches (local_error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TYPE))
    {
      g_debug ("Skipping a record of zone %s: %s", self->zone, local_error->message);
      self->n_skipped++;
      return NULL;
    }

  *error = new_invalid_response (local_error->message);
  return NULL;
}

static void
set_ids (LoadData *data, GArray *ids)
{
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->id_positions, g_hash_table_unref);
  g_clear_pointer (&data->by_position, g_ptr_array_unref);

  data->ids = ids;
  data->id_positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  data->by_position = g_ptr_array_new_full (ids->len, object_unref_if_set);
  g_ptr_array_set_size (data->by_position, ids->len);

  for (guint i = 0; i < ids->len; i++)
    {
      /* The keys point into the array, which does not move once filled. */
      guint64 *id = &g_array_index (ids, guint64, i);
      if (!g_hash_table_contains (data->id_positions, id))
        g_hash_table_insert (data->id_positions, id, GUINT_TO_POINTER (i + 1));
    }
}

static GArray *
parse_id_list (JsonNode *node, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  JsonArray *array;
  guint n;

  array = expect_array (node, _ ("OVH sent a record list that is not a list"), error);
  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (guint64), n);

  for (guint i = 0; i < n; i++)
    {
      guint64 id;

      if (!node_get_id (json_array_get_element (array, i), &id))
        {
          *error = new_invalid_response (_ ("OVH sent a record list with an invalid id"));
          return NULL;
        }
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

/* The job pump */

/* Ends the load with error, or with a cancellation when the caller cancelled. */
static void
return_error (GTask *task, GError *error)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  self->loading = FALSE;
  /* The caller's cancellation wins over the errors it caused in flight. */
  if (g_cancellable_is_cancelled (data->caller_cancellable))
    {
      g_error_free (error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _ ("Loading the records was cancelled"));
    }
  else
    g_task_return_error (task, error);
}

static void
pump (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);

  while (data->error == NULL && data->next_job < data->n_jobs
         && data->in_flight < data->max_in_flight)
    {
      data->in_flight++;
      data->start_job (task, data->next_job++);
    }

  if (data->in_flight > 0)
    return;

  if (data->error != NULL)
    {
      return_error (task, g_steal_pointer (&data->error));
      return;
    }

  if (data->next_job == data->n_jobs)
    data->phase_done (task);
}

static void
run_jobs (GTask *task,
          guint first_job,
          guint n_jobs,
          guint max_in_flight,
          StartJobFunc start,
          PhaseDoneFunc done)
{
  LoadData *data = g_task_get_task_data (task);

  data->n_jobs = n_jobs;
  data->next_job = MIN (first_job, n_jobs);
  data->in_flight = 0;
  data->max_in_flight = MAX (max_in_flight, 1);
  data->start_job = start;
  data->phase_done = done;
  pump (task);
}

static void
job_finished (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);

  data->in_flight--;
  pump (task);
}

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

/* An expanded page: an array of objects. */
static GPtrArray *
parse_page (OvhRecordLoader *self, JsonNode *node, GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  JsonArray *array;
  guint n;

  array = expect_array (node, _ ("OVH sent a page of records that is not a list"), error);
  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = ovh_json_node_get_object (json_array_get_element (array, i));
      OvhRecord *record;

      if (object == NULL)
        {
          *error = new_invalid_response (_ ("OVH sent a page of records holding something else"));
          return NULL;
        }
      record = parse_record (self, object, error);
      if (record != NULL)
        g_ptr_array_add (records, record);
      else if (*error != NULL)
        return NULL;
    }

  return g_steal_pointer (&records);
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
  if (node == NULL || (records = parse_page (self, node, &error)) == NULL)
    {
      fail (task, g_steal_pointer (&error));
      job_finished (task);
      return;
    }

  add_loaded (self, records->len);
  /* Page 1 is already in place; job j fetches page j + 2. */
  g_ptr_array_index (data->pages, call->job + 1) = records;
  job_finished (task);
}

static void
start_expanded_page (GTask *task, guint job)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = expanded_headers (self, job + 2);

  ovh_client_call_full_async (self->client, "GET", self->records_path, NULL, headers, OVH_CALL_NONE,
                              data->cancellable, expanded_page_cb, job_call_new (task, job));
}

static void
expanded_done (GTask *task)
{
  finish_load (task);
}

static gboolean
parse_header_uint (GHashTable *headers, const char *name, guint *value)
{
  const char *text = headers != NULL ? g_hash_table_lookup (headers, name) : NULL;
  g_autofree char *trimmed = NULL;
  guint64 parsed;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT, &parsed, NULL))
    return FALSE;
  *value = (guint) parsed;
  return TRUE;
}

static void
fall_back_to_batch (GTask *task, GError *reason)
{
  OvhRecordLoader *self = g_task_get_source_object (task);

  g_debug ("Expanded lists are not served by %s (%s): trying batches",
           ovh_client_get_base_url (self->client), reason != NULL ? reason->message : "ids");
  start_batch (task);
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
  GPtrArray *first_page;
  JsonArray *array;
  JsonNode *first;
  guint total, n_pages;

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, &response_headers, &error);
  if (node == NULL)
    {
      if (data->may_fall_back && error_allows_fallback (error))
        fall_back_to_batch (task, error);
      else
        return_error (task, g_steal_pointer (&error));
      return;
    }

  if ((array = ovh_json_node_get_array (node)) == NULL)
    {
      return_error (task, new_invalid_response (_ ("OVH sent a record list that is not a list")));
      return;
    }

  first = json_array_get_length (array) > 0 ? json_array_get_element (array, 0) : NULL;

  /* Ids instead of objects: the mode was ignored, but the ids are what batch needs. */
  if (first != NULL && JSON_NODE_HOLDS_VALUE (first))
    {
      GArray *ids;

      if (!data->may_fall_back)
        {
          return_error (
              task, ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL,
                                        _ ("This endpoint does not serve expanded record lists")));
          return;
        }
      ids = parse_id_list (node, &error);
      if (ids == NULL)
        {
          return_error (task, g_steal_pointer (&error));
          return;
        }
      set_ids (data, ids);
      fall_back_to_batch (task, NULL);
      return;
    }

  first_page = parse_page (self, node, &error);
  if (first_page == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!parse_header_uint (response_headers, "x-pagination-elements", &total))
    {
      /* Without the total, a full page gives no way to know where the list ends. */
      if (first_page->len < self->page_size && json_array_get_length (array) < self->page_size)
        total = first_page->len;
      else
        {
          g_ptr_array_unref (first_page);
          if (data->may_fall_back)
            fall_back_to_batch (task, NULL);
          else
            return_error (task, new_invalid_response (
                                    _ ("OVH sent a page of records without the total count")));
          return;
        }
    }

  data->current = OVH_RECORD_LOAD_STRATEGY_EXPANDED;
  n_pages = total == 0 ? 1 : (total + self->page_size - 1) / self->page_size;
  data->pages = g_ptr_array_new_with_free_func (page_unref_if_set);
  g_ptr_array_set_size (data->pages, n_pages);
  g_ptr_array_index (data->pages, 0) = first_page;

  set_progress (self, first_page->len, MAX (total, first_page->len));
  run_jobs (task, 0, n_pages - 1, PAGES_IN_FLIGHT, start_expanded_page, expanded_done);
}

static void
start_expanded (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = expanded_headers (self, 1);

  data->current = OVH_RECORD_LOAD_STRATEGY_EXPANDED;
  ovh_client_call_full_async (self->client, "GET", self->records_path, NULL, headers, OVH_CALL_NONE,
                              data->cancellable, expanded_first_page_cb, g_object_ref (task));
}

/* The plain id list, for batch and per-id */

typedef void (*IdsReadyFunc) (GTask *task);

static void
id_list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  GArray *ids;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL || (ids = parse_id_list (node, &error)) == NULL)
    {
      return_error (task, g_steal_pointer (&error));
      return;
    }

  set_ids (data, ids);
  set_progress (self, 0, ids->len);

  if (data->current == OVH_RECORD_LOAD_STRATEGY_BATCH)
    start_batch (task);
  else
    start_per_id (task, FALSE);
}

static void
fetch_ids (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  ovh_client_call_async (self->client, "GET", self->records_path, NULL, OVH_CALL_NONE,
                         data->cancellable, id_list_cb, g_object_ref (task));
}

static char *
build_id_path (OvhRecordLoader *self, LoadData *data, guint first, guint n)
{
  GString *path = g_string_new (self->records_path);

  g_string_append_c (path, '/');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (path, ',');
      g_string_append_printf (path, "%" G_GUINT64_FORMAT,
                              g_array_index (data->ids, guint64, first + i));
    }
  return g_string_free (path, FALSE);
}

/* Stores a record at its id's position; FALSE when OVH sent a record it was not asked for. */
static gboolean
place_record (OvhRecordLoader *self, LoadData *data, OvhRecord *record)
{
  guint64 id = ovh_record_get_id (record);
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (data->id_positions, &id));

  if (position == 0)
    return FALSE;
  position--;
  if (g_ptr_array_index (data->by_position, position) == NULL)
    add_loaded (self, 1);
  g_clear_object (&g_ptr_array_index (data->by_position, position));
  g_ptr_array_index (data->by_position, position) = record;
  return TRUE;
}

/* Batches */

static guint
n_chunks (OvhRecordLoader *self, LoadData *data)
{
  return (data->ids->len + self->batch_size - 1) / self->batch_size;
}

static JsonObject *
wrapper_value (JsonObject *wrapper)
{
  JsonObject *value;

  if (json_object_has_member (wrapper, "fieldType"))
    return wrapper; /* a bare record */
  ovh_json_read_object (wrapper, "value", OVH_JSON_OPTIONAL, &value, NULL);
  return value;
}

/* One batch answer: an array of wrappers {key?, value, error?}. Records land in place; the
 * ids of the chunk that got no record are left for the per-id pass. Returns FALSE (and
 * sets error) when the answer does not have the batch shape at all. */
static gboolean
parse_batch (
    OvhRecordLoader *self, LoadData *data, guint first, guint n, JsonNode *node, GError **error)
{
  JsonObject *bare = ovh_json_node_get_object (node);
  JsonArray *array;
  guint length;

  if (bare != NULL && n == 1 && json_object_has_member (bare, "fieldType"))
    {
      /* One id: some servers answer with the record itself. */
      OvhRecord *record = parse_record (self, bare, error);
      if (record == NULL)
        return *error == NULL;
      if (!place_record (self, data, record))
        g_object_unref (record);
      return TRUE;
    }

  array = expect_array (node, _ ("OVH sent a batch answer that is not a list"), error);
  if (array == NULL)
    return FALSE;

  length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonObject *wrapper = ovh_json_node_get_object (json_array_get_element (array, i));
      JsonObject *value;
      OvhRecord *record;

      if (wrapper == NULL)
        {
          *error = new_invalid_response (_ ("OVH sent a batch answer holding something else"));
          return FALSE;
        }
      value = wrapper_value (wrapper);
      if (value == NULL)
        {
          /* An error for this id (or an empty wrapper): the per-id pass retries it and
           * reports its own error. A wrapper that is neither is not a batch answer. */
          if (!json_object_has_member (wrapper, "error")
              && !json_object_has_member (wrapper, "value")
              && !json_object_has_member (wrapper, "key"))
            {
              *error = new_invalid_response (_ ("OVH sent a batch answer of an unknown shape"));
              return FALSE;
            }
          continue;
        }

      record = parse_record (self, value, error);
      if (record == NULL)
        {
          if (*error != NULL)
            return FALSE;
          /* Skipped type: nothing to retry either, so mark the position as done. */
          continue;
        }
      if (!place_record (self, data, record))
        g_object_unref (record);
    }

  /* Whatever did not arrive is asked for alone. */
  for (guint i = first; i < first + n; i++)
    if (g_ptr_array_index (data->by_position, i) == NULL)
      g_array_append_val (data->retry_positions, i);

  return TRUE;
}

/* GET the ids [first, first + n) in one batch request. */
static void
call_batch (GTask *task, guint first, guint n, GAsyncReadyCallback callback, gpointer user_data)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = build_id_path (self, data, first, n);

  g_hash_table_insert (headers, (char *) "X-Ovh-Batch", (char *) ",");
  ovh_client_call_full_async (self->client, "GET", path, NULL, headers, OVH_CALL_NONE,
                              data->cancellable, callback, user_data);
}

static void
batch_chunk_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JobCall) call = user_data;
  GTask *task = call->task;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  guint first = call->job * self->batch_size;
  guint n = MIN (self->batch_size, data->ids->len - first);

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node == NULL || !parse_batch (self, data, first, n, node, &error))
    fail (task, g_steal_pointer (&error));
  job_finished (task);
}

static void
start_batch_chunk (GTask *task, guint job)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  guint first = job * self->batch_size;

  call_batch (task, first, MIN (self->batch_size, data->ids->len - first), batch_chunk_cb,
              job_call_new (task, job));
}

static void
batch_done (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);

  if (data->retry_positions->len > 0)
    start_per_id (task, TRUE);
  else
    finish_load (task);
}

/* The first chunk alone tells whether batches are served: its answer must be a list. */
static void
batch_probe_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  guint n = MIN (self->batch_size, data->ids->len);

  node = ovh_client_call_full_finish (OVH_CLIENT (source), result, NULL, &error);
  if (node != NULL && n > 1 && ovh_json_node_get_array (node) == NULL)
    error = new_invalid_response (_ ("OVH sent a batch answer that is not a list"));
  else if (node != NULL)
    parse_batch (self, data, 0, n, node, &error);

  if (error != NULL)
    {
      gboolean unsupported = error_allows_fallback (error)
                             || g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);

      if (data->may_fall_back && unsupported)
        {
          g_debug ("Batches are not served by %s (%s): one request a record",
                   ovh_client_get_base_url (self->client), error->message);
          /* Start over for the probed chunk: nothing of it is trusted. */
          for (guint i = 0; i < n; i++)
            g_clear_object (&g_ptr_array_index (data->by_position, i));
          g_array_set_size (data->retry_positions, 0);
          set_progress (self, 0, data->ids->len);
          start_per_id (task, FALSE);
        }
      else
        return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Job 0 was the probe: the pump serves the rest, counting from 1. */
  run_jobs (task, 1, n_chunks (self, data), self->max_in_flight, start_batch_chunk, batch_done);
}

static void
start_batch (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  data->current = OVH_RECORD_LOAD_STRATEGY_BATCH;
  if (data->ids == NULL)
    {
      fetch_ids (task);
      return;
    }

  set_progress (self, 0, data->ids->len);
  if (data->retry_positions == NULL)
    data->retry_positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (data->ids->len == 0)
    {
      finish_load (task);
      return;
    }

  call_batch (task, 0, MIN (self->batch_size, data->ids->len), batch_probe_cb, g_object_ref (task));
}

/* One request a record */

static guint
per_id_position (LoadData *data, guint job)
{
  if (data->current == OVH_RECORD_LOAD_STRATEGY_BATCH)
    return g_array_index (data->retry_positions, guint, job);
  return job;
}

static void
per_id_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JobCall) call = user_data;
  GTask *task = call->task;
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  OvhRecord *record;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      /* Deleted between the listing and now: not an error, just not there any more. */
      if (!g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
        fail (task, g_steal_pointer (&error));
      job_finished (task);
      return;
    }

  if ((object = ovh_json_node_get_object (node)) == NULL)
    {
      fail (task, new_invalid_response (_ ("OVH sent a record that is not a JSON object")));
      job_finished (task);
      return;
    }

  record = parse_record (self, object, &error);
  if (record == NULL)
    {
      if (error != NULL)
        fail (task, g_steal_pointer (&error));
    }
  else if (ovh_record_get_id (record)
           != g_array_index (data->ids, guint64, per_id_position (data, call->job)))
    {
      g_object_unref (record);
      fail (task, new_invalid_response (_ ("OVH sent another record than the one asked for")));
    }
  else
    place_record (self, data, record);

  job_finished (task);
}

static void
start_per_id_call (GTask *task, guint job)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autofree char *path = build_id_path (self, data, per_id_position (data, job), 1);

  ovh_client_call_async (self->client, "GET", path, NULL, OVH_CALL_NONE, data->cancellable,
                         per_id_cb, job_call_new (task, job));
}

static void
per_id_done (GTask *task)
{
  finish_load (task);
}

/* only_retries: the ids a batch did not deliver (the strategy stays batch). */
static void
start_per_id (GTask *task, gboolean only_retries)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  if (!only_retries)
    data->current = OVH_RECORD_LOAD_STRATEGY_PER_ID;

  if (data->ids == NULL)
    {
      fetch_ids (task);
      return;
    }

  run_jobs (task, 0, only_retries ? data->retry_positions->len : data->ids->len,
            self->max_in_flight, start_per_id_call, per_id_done);
}

/* The end */

static void
finish_load (GTask *task)
{
  OvhRecordLoader *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (data->pages != NULL)
    {
      for (guint p = 0; p < data->pages->len; p++)
        {
          GPtrArray *page = g_ptr_array_index (data->pages, p);

          for (guint i = 0; page != NULL && i < page->len; i++)
            g_ptr_array_add (records, g_object_ref (g_ptr_array_index (page, i)));
        }
    }
  else if (data->by_position != NULL)
    {
      for (guint i = 0; i < data->by_position->len; i++)
        {
          OvhRecord *record = g_ptr_array_index (data->by_position, i);
          if (record != NULL)
            g_ptr_array_add (records, g_object_ref (record));
        }
    }

  /* A record added while pages were read can shift another onto two pages. */
  for (guint i = 0; i < records->len;)
    {
      OvhRecord *record = g_ptr_array_index (records, i);
      guint64 id = ovh_record_get_id (record);
      if (g_hash_table_contains (seen, &id))
        g_ptr_array_remove_index (records, i);
      else
        {
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          i++;
        }
    }

  self->used_strategy = data->current;
  self->loading = FALSE;
  if (self->strategy == OVH_RECORD_LOAD_STRATEGY_AUTO)
    ovh_record_loader_remember (ovh_client_get_base_url (self->client), data->current);

  set_progress (self, records->len, records->len);
  g_task_return_pointer (task, g_steal_pointer (&records), (GDestroyNotify) g_ptr_array_unref);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable, gpointer user_data)
{
  GCancellable *ours = user_data;

  g_cancellable_cancel (ours);
}

void
ovh_record_loader_load_async (OvhRecordLoader *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadData *data;
  OvhRecordLoadStrategy start;

  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ovh_record_loader_load_async);

  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _ ("The records of this zone are already loading"));
      return;
    }

  data = g_new0 (LoadData, 1);
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      /* Connected last: a caller already cancelled cancels ours at once. */
      data->caller_cancelled_id
          = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                   g_object_ref (data->cancellable), g_object_unref);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  self->loading = TRUE;
  self->n_skipped = 0;
  set_progress (self, 0, 0);

  start = self->strategy;
  data->may_fall_back = start == OVH_RECORD_LOAD_STRATEGY_AUTO;
  if (start == OVH_RECORD_LOAD_STRATEGY_AUTO)
    start = ovh_record_loader_lookup_remembered (ovh_client_get_base_url (self->client));

  switch (start)
    {
    case OVH_RECORD_LOAD_STRATEGY_BATCH:
      start_batch (task);
      break;
    case OVH_RECORD_LOAD_STRATEGY_PER_ID:
      start_per_id (task, FALSE);
      break;
    case OVH_RECORD_LOAD_STRATEGY_AUTO:
    case OVH_RECORD_LOAD_STRATEGY_EXPANDED:
    default:
      start_expanded (task);
      break;
    }
}

GPtrArray *
ovh_record_loader_load_finish (OvhRecordLoader *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Remembered strategies */

OvhRecordLoadStrategy
ovh_record_loader_lookup_remembered (const char *base_url)
{
  OvhRecordLoadStrategy strategy = OVH_RECORD_LOAD_STRATEGY_AUTO;

  g_return_val_if_fail (base_url != NULL, OVH_RECORD_LOAD_STRATEGY_AUTO);

  G_LOCK (remembered);
  if (remembered_strategies != NULL)
    strategy = GPOINTER_TO_INT (g_hash_table_lookup (remembered_strategies, base_url));
  G_UNLOCK (remembered);

  return strategy;
}

void
ovh_record_loader_remember (const char *base_url, OvhRecordLoadStrategy strategy)
{
  g_return_if_fail (base_url != NULL);

  G_LOCK (remembered);
  if (remembered_strategies == NULL)
    remembered_strategies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (strategy == OVH_RECORD_LOAD_STRATEGY_AUTO)
    g_hash_table_remove (remembered_strategies, base_url);
  else
    g_hash_table_insert (remembered_strategies, g_strdup (base_url), GINT_TO_POINTER (strategy));
  G_UNLOCK (remembered);
}

void
ovh_record_loader_forget_all (void)
{
  G_LOCK (remembered);
  g_clear_pointer (&remembered_strategies, g_hash_table_unref);
  G_UNLOCK (remembered);
}

const char *
ovh_record_load_strategy_to_string (OvhRecordLoadStrategy strategy)
{
  switch (strategy)
    {
    case OVH_RECORD_LOAD_STRATEGY_EXPANDED:
      return "expanded";
    case OVH_RECORD_LOAD_STRATEGY_BATCH:
      return "batch";
    case OVH_RECORD_LOAD_STRATEGY_PER_ID:
      return "per-id";
    case OVH_RECORD_LOAD_STRATEGY_AUTO:
    default:
      return "auto";
    }
}

OvhRecordLoadStrategy
ovh_record_load_strategy_from_string (const char *name)
{
  if (g_strcmp0 (name, "expanded") == 0)
    return OVH_RECORD_LOAD_STRATEGY_EXPANDED;
  if (g_strcmp0 (name, "batch") == 0)
    return OVH_RECORD_LOAD_STRATEGY_BATCH;
  if (g_strcmp0 (name, "per-id") == 0)
    return OVH_RECORD_LOAD_STRATEGY_PER_ID;
  return OVH_RECORD_LOAD_STRATEGY_AUTO;
}

/* Accessors */

OvhRecordLoader *
ovh_record_loader_new (OvhClient *client, const char *zone)
{
  OvhRecordLoader *self;

  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (zone != NULL && *zone != '\0', NULL);

  self = g_object_new (OVH_TYPE_RECORD_LOADER, NULL);
  self->client = g_object_ref (client);
  self->zone = g_strdup (zone);
  self->records_path = ovh_path_printf ("/domain/zone/%s/record", zone);
  return self;
}

void
ovh_record_loader_set_strategy (OvhRecordLoader *self, OvhRecordLoadStrategy strategy)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->strategy = strategy;
}

OvhRecordLoadStrategy
ovh_record_loader_get_strategy (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), OVH_RECORD_LOAD_STRATEGY_AUTO);
  return self->strategy;
}

void
ovh_record_loader_set_page_size (OvhRecordLoader *self, guint page_size)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->page_size = MAX (page_size, 1);
}

void
ovh_record_loader_set_batch_size (OvhRecordLoader *self, guint batch_size)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->batch_size = MAX (batch_size, 1);
}

void
ovh_record_loader_set_max_in_flight (OvhRecordLoader *self, guint max_in_flight)
{
  g_return_if_fail (OVH_IS_RECORD_LOADER (self));
  self->max_in_flight = MAX (max_in_flight, 1);
}

guint
ovh_record_loader_get_n_loaded (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), 0);
  return self->n_loaded;
}

guint
ovh_record_loader_get_n_total (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), 0);
  return self->n_total;
}

guint
ovh_record_loader_get_n_skipped (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), 0);
  return self->n_skipped;
}

OvhRecordLoadStrategy
ovh_record_loader_get_used_strategy (OvhRecordLoader *self)
{
  g_return_val_if_fail (OVH_IS_RECORD_LOADER (self), OVH_RECORD_LOAD_STRATEGY_AUTO);
  return self->used_strategy;
}

static void
ovh_record_loader_finalize (GObject *object)
{
  OvhRecordLoader *self = OVH_RECORD_LOADER (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->records_path, g_free);

  G_OBJECT_CLASS (ovh_record_loader_parent_class)->finalize (object);
}

static void
ovh_record_loader_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OvhRecordLoader *self = OVH_RECORD_LOADER (object);

  switch (prop_id)
    {
    case PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ovh_record_loader_class_init (OvhRecordLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ovh_record_loader_finalize;
  object_class->get_property = ovh_record_loader_get_property;

  properties[PROP_N_LOADED]
      = g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL]
      = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ovh_record_loader_init (OvhRecordLoader *self)
{
  self->page_size = OVH_RECORD_LOADER_DEFAULT_PAGE_SIZE;
  self->batch_size = OVH_RECORD_LOADER_DEFAULT_BATCH_SIZE;
  self->max_in_flight = OVH_RECORD_LOADER_DEFAULT_MAX_IN_FLIGHT;
}
