/* ovh-record-loader-pump.c: the job pump of a record load, and how a load fails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-error.h"
#include "ovh-record-loader-private.h"

JobCall *
ovh_record_load_job_call_new (GTask *task, guint job)
{
  JobCall *call = g_new0 (JobCall, 1);

  call->task = g_object_ref (task);
  call->job = job;
  return call;
}

void
ovh_record_load_job_call_free (JobCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

/* Errors */

GError *
ovh_record_load_invalid_response (const char *what)
{
  return ovh_error_new_full (OVH_ERROR_INVALID_RESPONSE, 200, NULL, NULL, what);
}

/* Whether an error on a probe means "this mode is not served here" rather than "stop":
 * authentication, missing zone, network and cancellation are the same for every mode. */
gboolean
ovh_record_load_error_allows_fallback (const GError *error)
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

void
ovh_record_load_fail (GTask *task, GError *error)
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

/* The job pump */

/* Ends the load with error, or with a cancellation when the caller cancelled. */
void
ovh_record_load_return_error (GTask *task, GError *error)
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
      ovh_record_load_return_error (task, g_steal_pointer (&data->error));
      return;
    }

  if (data->next_job == data->n_jobs)
    data->phase_done (task);
}

void
ovh_record_load_run_jobs (GTask *task,
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

void
ovh_record_load_job_finished (GTask *task)
{
  LoadData *data = g_task_get_task_data (task);

  data->in_flight--;
  pump (task);
}
