/* ovh-record-loader-private.h: one load of OvhRecordLoader, shared by the files doing its parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   ovh-record-loader.c           the object; a load's start, its end, remembered strategies
 *   ovh-record-loader-pump.c      the job pump (n calls, at most so many at once) and failures
 *   ovh-record-loader-ids.c       the plain id list, records placed by id, records parsed
 *   ovh-record-loader-expanded.c  expanded pages (X-Pagination-Mode)
 *   ovh-record-loader-batch.c     batches of ids (X-Ovh-Batch)
 *   ovh-record-loader-per-id.c    one request a record
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ovh-record-loader.h"
#include "ovh-record.h"

G_BEGIN_DECLS

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

/* Slots not filled (yet) hold NULL, which GPtrArray hands to the free function too. */
static inline void
ovh_record_load_object_unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static inline void
ovh_record_load_page_unref_if_set (gpointer page)
{
  if (page != NULL)
    g_ptr_array_unref (page);
}

/* ovh-record-loader.c */
void ovh_record_loader_set_progress (OvhRecordLoader *self, guint n_loaded, guint n_total);
void ovh_record_loader_add_loaded (OvhRecordLoader *self, guint n);
/* Hands the records over: the load is done. */
void ovh_record_load_complete (GTask *task);

/* ovh-record-loader-pump.c */
JobCall *ovh_record_load_job_call_new (GTask *task, guint job);
void ovh_record_load_job_call_free (JobCall *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JobCall, ovh_record_load_job_call_free)
GError *ovh_record_load_invalid_response (const char *what);
gboolean ovh_record_load_error_allows_fallback (const GError *error);
void ovh_record_load_fail (GTask *task, GError *error);
void ovh_record_load_return_error (GTask *task, GError *error);
void ovh_record_load_run_jobs (GTask *task,
                               guint first_job,
                               guint n_jobs,
                               guint max_in_flight,
                               StartJobFunc start,
                               PhaseDoneFunc done);
void ovh_record_load_job_finished (GTask *task);

/* ovh-record-loader-ids.c */
JsonArray *ovh_record_load_expect_array (JsonNode *node, const char *message, GError **error);
OvhRecord *
ovh_record_loader_parse_record (OvhRecordLoader *self, JsonObject *object, GError **error);
void ovh_record_load_set_ids (LoadData *data, GArray *ids);
GArray *ovh_record_load_parse_id_list (JsonNode *node, GError **error);
void ovh_record_load_fetch_ids (GTask *task);
char *ovh_record_loader_build_id_path (OvhRecordLoader *self, LoadData *data, guint first, guint n);
gboolean ovh_record_load_place_record (OvhRecordLoader *self, LoadData *data, OvhRecord *record);

/* ovh-record-loader-expanded.c, -batch.c, -per-id.c: the strategies */
void ovh_record_load_start_expanded (GTask *task);
void ovh_record_load_start_batch (GTask *task);
/* only_retries: the ids a batch did not deliver (the strategy stays batch). */
void ovh_record_load_start_per_id (GTask *task, gboolean only_retries);

G_END_DECLS
