/* ovh-changeset-check.c: what became of a change whose answer was lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A request whose answer never came, or came unreadable, may have been carried out all the
 * same: reporting it failed would be a lie, and sending it again could make a second record.
 * The zone is read back instead and compared with what the change asked for:
 *
 *   delete  GET …/record/{id}: gone (404) is made, still there is not made;
 *   update  GET …/record/{id}: the new values are made, the old ones are not made;
 *   create  GET …/record?fieldType=&subDomain=, then the ids the zone does not know yet
 *           (all those no other change stands for, when the zone may have been reloaded since
 *           the request), newest first (OVH hands ids out in increasing order): one with the
 *           change's target is made (and its id is the change's), none is not made.
 *
 * Anything else (a read that fails, a record changed by someone else, too many candidates)
 * leaves the outcome unknown, with the reason.
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <glib/gi18n-lib.h>

#include "ovh-change-private.h"
#include "ovh-changeset-private.h"
#include "ovh-error.h"
#include "ovh-json-private.h"
#include "ovh-path-private.h"

/* Creates of the same name run side by side, so the newest unknown id alone may well be a
 * sibling's; more unknown ids than this and the answer is "unknown". */
#define MAX_CANDIDATES 16

gboolean
ovh_changeset_answer_was_lost (const GError *error)
{
  guint status;

  if (error == NULL || error->domain != OVH_ERROR)
    return FALSE;

  switch (error->code)
    {
    case OVH_ERROR_NETWORK:          /* timed out, connection closed or reset */
    case OVH_ERROR_INVALID_RESPONSE: /* an answer that could not be read */
      return TRUE;
    case OVH_ERROR_SERVER:
      /* A gateway's: the API behind it may have done the work. OVH's own 500 is a refusal. */
      status = ovh_error_get_http_status (error);
      return status == 502 || status == 504;
    default:
      return FALSE;
    }
}

typedef struct
{
  OvhChange *change;
  gboolean include_known; /* the zone may have been reloaded since the request was sent */
  GArray *candidates;     /* guint64 ids still to read, for a create */
  gboolean incomplete;    /* a candidate could not be read */
  OvhRecord *found;
  OvhChangeCheck outcome;
  GError *error;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->change);
  g_clear_pointer (&check->candidates, g_array_unref);
  g_clear_object (&check->found);
  g_clear_error (&check->error);
  g_free (check);
}

static OvhZone *
task_zone (GTask *task)
{
  return ovh_changeset_get_zone (g_task_get_source_object (task));
}

static void
check_return (GTask *task, OvhChangeCheck outcome, OvhRecord *found, GError *error)
{
  Check *check = g_task_get_task_data (task);

  check->outcome = outcome;
  g_set_object (&check->found, found);
  check->error = error;
  g_task_return_boolean (task, TRUE);
}

/* The zone could not tell: error says why (taken). */
static void
check_return_unknown (GTask *task, GError *error)
{
  g_debug ("Checking a change in %s: %s", ovh_zone_get_name (task_zone (task)), error->message);
  check_return (task, OVH_CHANGE_CHECK_UNKNOWN, NULL, error);
}

static char *
record_path (GTask *task, guint64 id)
{
  return ovh_path_printf ("/domain/zone/%s/record/%" G_GUINT64_FORMAT,
                          ovh_zone_get_name (task_zone (task)), id);
}

static gboolean
same_name_type_target (OvhRecord *found, OvhRecord *wanted)
{
  return g_ascii_strcasecmp (ovh_record_get_sub_domain (found), ovh_record_get_sub_domain (wanted))
             == 0
         && g_ascii_strcasecmp (ovh_record_get_field_type (found),
                                ovh_record_get_field_type (wanted))
                == 0
         && g_ascii_strcasecmp (ovh_record_get_target (found), ovh_record_get_target (wanted)) == 0;
}

static gboolean
same_values (OvhRecord *found, OvhRecord *wanted)
{
  return same_name_type_target (found, wanted)
         && ovh_record_get_ttl (found) == ovh_record_get_ttl (wanted);
}

/* Delete and update: the record by its id ---------------------------------------------------- */

static void
record_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhRecord) record = NULL;
  GError *error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    record = ovh_record_new_from_json (node, &error);

  if (ovh_change_get_kind (check->change) == OVH_CHANGE_KIND_DELETE)
    {
      if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
        {
          g_error_free (error);
          check_return (task, OVH_CHANGE_CHECK_MADE, NULL, NULL);
        }
      else if (record != NULL)
        check_return (task, OVH_CHANGE_CHECK_NOT_MADE, NULL, NULL);
      else
        check_return_unknown (task, error);
      return;
    }

  if (record == NULL)
    {
      if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          error = g_error_new_literal (OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_NOT_FOUND,
                                       _ ("The record no longer exists"));
        }
      check_return_unknown (task, error);
      return;
    }

  if (same_values (record, ovh_change_get_after (check->change)))
    check_return (task, OVH_CHANGE_CHECK_MADE, record, NULL);
  else if (same_values (record, ovh_change_get_before (check->change)))
    check_return (task, OVH_CHANGE_CHECK_NOT_MADE, NULL, NULL);
  else
    check_return_unknown (task, g_error_new_literal (OVH_CHANGESET_ERROR,
                                                     OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME,
                                                     _ ("The record has other values now")));
}

/* Create: the records of that name and type ------------------------------------------------- */

/* Whether id may be the change's record: one the zone did not have when the request was sent
 * (or, when the zone may have been reloaded since, one no other change stands for). */
static gboolean
is_candidate (GTask *task, guint64 id)
{
  OvhChangeset *self = g_task_get_source_object (task);
  Check *check = g_task_get_task_data (task);
  GListModel *changes = ovh_changeset_get_changes (self);

  if (!check->include_known)
    return ovh_zone_find_record_by_id (ovh_changeset_get_zone (self), id) == NULL;

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) other = g_list_model_get_item (changes, i);

      if (other != check->change && ovh_change_get_record_id (other) == id)
        return FALSE;
    }
  return TRUE;
}

static void candidate_read_cb (GObject *source, GAsyncResult *result, gpointer user_data);

static void
read_next_candidate (GTask *task_in)
{
  g_autoptr (GTask) task = task_in;
  Check *check = g_task_get_task_data (task);
  OvhClient *client = ovh_zone_get_client (task_zone (task));
  g_autofree char *path = NULL;
  guint64 id;

  if (check->candidates->len == 0)
    {
      if (check->incomplete)
        check_return_unknown (task, g_steal_pointer (&check->error));
      else
        check_return (task, OVH_CHANGE_CHECK_NOT_MADE, NULL, NULL);
      return;
    }

  id = g_array_index (check->candidates, guint64, 0);
  g_array_remove_index (check->candidates, 0);
  path = record_path (task, id);
  ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, NULL, candidate_read_cb,
                         g_steal_pointer (&task));
}

static void
candidate_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OvhRecord) found = NULL;
  g_autoptr (GError) error = NULL;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node != NULL)
    found = ovh_record_new_from_json (node, &error);

  /* Another create of this apply may have claimed it meanwhile: the zone knows it then. */
  if (found != NULL && ovh_record_get_id (found) != 0
      && is_candidate (task, ovh_record_get_id (found))
      && same_name_type_target (found, ovh_change_get_after (check->change)))
    {
      check_return (task, OVH_CHANGE_CHECK_MADE, found, NULL);
      return;
    }

  /* A record deleted meanwhile is not ours; one that could not be read might be. */
  if (found == NULL && !g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    {
      check->incomplete = TRUE;
      if (check->error == NULL)
        check->error = g_steal_pointer (&error);
    }

  read_next_candidate (g_steal_pointer (&task));
}

static int
compare_ids_newest_first (gconstpointer a, gconstpointer b)
{
  guint64 id_a = *(const guint64 *) a;
  guint64 id_b = *(const guint64 *) b;

  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

static void
ids_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr (JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *array;

  node = ovh_client_call_finish (OVH_CLIENT (source), result, &error);
  if (node == NULL)
    {
      check_return_unknown (task, error);
      return;
    }
  if ((array = ovh_json_node_get_array (node)) == NULL)
    {
      check_return_unknown (task, g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE,
                                                       _ ("The list of records is not a list")));
      return;
    }

  check->candidates = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 value;
      guint64 id;

      if (!ovh_json_node_get_int64 (json_array_get_element (array, i), &value) || value <= 0)
        continue;
      id = (guint64) value;
      if (is_candidate (task, id))
        g_array_append_val (check->candidates, id);
    }

  g_array_sort (check->candidates, compare_ids_newest_first);
  if (check->candidates->len > MAX_CANDIDATES)
    {
      g_array_set_size (check->candidates, MAX_CANDIDATES);
      check->incomplete = TRUE;
      check->error = g_error_new_literal (OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME,
                                          _ ("Too many records of that name and type appeared"));
    }
  read_next_candidate (g_steal_pointer (&task));
}

void
ovh_changeset_check_change_async (OvhChangeset *self,
                                  OvhChange *change,
                                  gboolean include_known,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  OvhZone *zone = ovh_changeset_get_zone (self);
  OvhClient *client = ovh_zone_get_client (zone);
  Check *check;

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, ovh_changeset_check_change_async);
  check = g_new0 (Check, 1);
  check->change = g_object_ref (change);
  check->include_known = include_known;
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  if (ovh_change_get_kind (change) == OVH_CHANGE_KIND_CREATE)
    {
      /* The query's values are escaped apart: an empty subDomain (the apex) is fine there,
       * not as a path segment. */
      OvhRecord *after = ovh_change_get_after (change);
      g_autofree char *records
          = ovh_path_printf ("/domain/zone/%s/record", ovh_zone_get_name (zone));
      g_autofree char *escaped_type
          = g_uri_escape_string (ovh_record_get_field_type (after), NULL, FALSE);
      g_autofree char *escaped_sub
          = g_uri_escape_string (ovh_record_get_sub_domain (after), NULL, FALSE);
      g_autofree char *path
          = g_strdup_printf ("%s?fieldType=%s&subDomain=%s", records, escaped_type, escaped_sub);

      ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, NULL, ids_listed_cb,
                             g_steal_pointer (&task));
    }
  else
    {
      g_autofree char *path = record_path (task, ovh_change_get_record_id (change));

      ovh_client_call_async (client, "GET", path, NULL, OVH_CALL_NONE, NULL, record_read_cb,
                             g_steal_pointer (&task));
    }
}

OvhChangeCheck
ovh_changeset_check_change_finish (OvhChangeset *self,
                                   GAsyncResult *result,
                                   OvhRecord **found,
                                   GError **error)
{
  Check *check;

  g_return_val_if_fail (g_task_is_valid (result, self), OVH_CHANGE_CHECK_UNKNOWN);

  check = g_task_get_task_data (G_TASK (result));
  if (found != NULL)
    *found = check->found != NULL ? g_object_ref (check->found) : NULL;
  if (check->outcome == OVH_CHANGE_CHECK_UNKNOWN && check->error != NULL)
    g_propagate_error (error, g_error_copy (check->error));
  return check->outcome;
}
