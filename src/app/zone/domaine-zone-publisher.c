/* domaine-zone-publisher.c: one publish of one changeset, from the first request to the refresh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-zone-publisher.h"

struct _DomaineZonePublisher
{
  GObject parent_instance;

  OvhChangeset *changeset;
  GError *error;
  char *notice;
};

G_DEFINE_FINAL_TYPE (DomaineZonePublisher, domaine_zone_publisher, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CHANGESET,
  PROP_ERROR,
  PROP_NOTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one publish owns. */
typedef struct
{
  GCancellable *cancellable; /* this publish's own */
  GCancellable *caller_cancellable;
  gulong cancelled_id;
  gboolean applied; /* the changes were sent, not only the refresh */
} Publish;

static void
publish_free (gpointer data)
{
  Publish *publish = data;

  if (publish->caller_cancellable != NULL)
    g_cancellable_disconnect (publish->caller_cancellable, publish->cancelled_id);
  g_clear_object (&publish->caller_cancellable);
  g_clear_object (&publish->cancellable);
  g_free (publish);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable, GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
domaine_zone_publisher_set_error (DomaineZonePublisher *self, const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
domaine_zone_publisher_set_notice (DomaineZonePublisher *self, char *notice)
{
  if (g_strcmp0 (self->notice, notice) == 0)
    {
      g_free (notice);
      return;
    }
  g_free (self->notice);
  self->notice = notice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

/* Changes whose answer was lost: those found made, those that could not be checked. */
static char *
dup_notice (DomaineZonePublisher *self)
{
  g_autoptr (GPtrArray) outcomes = ovh_changeset_dup_last_outcomes (self->changeset);
  g_autoptr (GString) notice = g_string_new (NULL);
  guint n_found = 0, n_unknown = 0;

  for (guint i = 0; i < outcomes->len; i++)
    {
      OvhChange *change = g_ptr_array_index (outcomes, i);

      if (!ovh_change_get_answer_lost (change))
        continue;
      if (ovh_change_get_outcome (change) == OVH_CHANGE_OUTCOME_APPLIED)
        n_found++;
      else if (ovh_change_get_outcome (change) == OVH_CHANGE_OUTCOME_UNKNOWN)
        n_unknown++;
    }

  if (n_found > 0)
    g_string_append_printf (
        notice,
        g_dngettext (GETTEXT_PACKAGE, "%u change was found made after its answer was lost",
                     "%u changes were found made after their answer was lost", n_found),
        n_found);
  if (n_unknown > 0)
    {
      if (notice->len > 0)
        g_string_append (notice, ". ");
      g_string_append_printf (
          notice,
          g_dngettext (GETTEXT_PACKAGE,
                       "Whether %u change was made could not be checked: publishing again "
                       "checks it first",
                       "Whether %u changes were made could not be checked: publishing again "
                       "checks them first",
                       n_unknown),
          n_unknown);
    }

  return notice->len > 0 ? g_string_free (g_steal_pointer (&notice), FALSE) : NULL;
}

/* An expired key or a missing right shows once, on the account: name what OVH said about
 * the first change it refused rather than the summary. */
static void
domaine_zone_publisher_finish_publish (DomaineZonePublisher *self, GTask *task, GError *error)
{
  Publish *publish = g_task_get_task_data (task);

  domaine_zone_publisher_set_notice (self, publish != NULL && publish->applied ? dup_notice (self)
                                                                               : NULL);
  if (error == NULL)
    {
      domaine_zone_publisher_set_error (self, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    domaine_zone_publisher_set_error (self, NULL);
  else
    {
      GListModel *changes = ovh_changeset_get_changes (self->changeset);
      const GError *first = error;

      for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
        {
          g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

          if (ovh_change_get_error (change) != NULL)
            {
              first = ovh_change_get_error (change);
              break;
            }
        }
      domaine_zone_publisher_set_error (self, first);
    }
  g_task_return_error (task, error);
}

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  ovh_changeset_apply_finish (OVH_CHANGESET (source), result, &error);
  domaine_zone_publisher_finish_publish (g_task_get_source_object (task), task, error);
}

static void
refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  ovh_changeset_publish_finish (OVH_CHANGESET (source), result, &error);
  domaine_zone_publisher_finish_publish (g_task_get_source_object (task), task, error);
}

void
domaine_zone_publisher_publish_async (DomaineZonePublisher *self,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Publish *publish;

  g_return_if_fail (DOMAINE_IS_ZONE_PUBLISHER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, domaine_zone_publisher_publish_async);

  if (ovh_changeset_get_busy (self->changeset))
    {
      g_task_return_new_error (task, OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_BUSY, "%s",
                               _ ("The zone is being published"));
      return;
    }
  if (ovh_changeset_get_n_pending (self->changeset) == 0
      && !ovh_changeset_get_needs_publish (self->changeset))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  publish = g_new0 (Publish, 1);
  publish->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      publish->caller_cancellable = g_object_ref (cancellable);
      publish->cancelled_id
          = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                   g_object_ref (publish->cancellable), g_object_unref);
    }
  g_task_set_task_data (task, publish, publish_free);

  publish->applied = ovh_changeset_get_n_pending (self->changeset) > 0;
  if (publish->applied)
    ovh_changeset_apply_async (self->changeset, publish->cancellable, applied_cb,
                               g_steal_pointer (&task));
  else
    ovh_changeset_publish_async (self->changeset, publish->cancellable, refreshed_cb,
                                 g_steal_pointer (&task));
}

gboolean
domaine_zone_publisher_publish_finish (DomaineZonePublisher *self,
                                       GAsyncResult *result,
                                       GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
domaine_zone_publisher_dispose (GObject *object)
{
  DomaineZonePublisher *self = DOMAINE_ZONE_PUBLISHER (object);

  g_clear_object (&self->changeset);

  G_OBJECT_CLASS (domaine_zone_publisher_parent_class)->dispose (object);
}

static void
domaine_zone_publisher_finalize (GObject *object)
{
  DomaineZonePublisher *self = DOMAINE_ZONE_PUBLISHER (object);

  g_clear_error (&self->error);
  g_free (self->notice);

  G_OBJECT_CLASS (domaine_zone_publisher_parent_class)->finalize (object);
}

static void
domaine_zone_publisher_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  DomaineZonePublisher *self = DOMAINE_ZONE_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_publisher_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  DomaineZonePublisher *self = DOMAINE_ZONE_PUBLISHER (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_publisher_class_init (DomaineZonePublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_zone_publisher_dispose;
  object_class->finalize = domaine_zone_publisher_finalize;
  object_class->get_property = domaine_zone_publisher_get_property;
  object_class->set_property = domaine_zone_publisher_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR]
      = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTICE]
      = g_param_spec_string ("notice", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
domaine_zone_publisher_init (DomaineZonePublisher *self)
{
}

DomaineZonePublisher *
domaine_zone_publisher_new (OvhChangeset *changeset)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);
  return g_object_new (DOMAINE_TYPE_ZONE_PUBLISHER, "changeset", changeset, NULL);
}

OvhChangeset *
domaine_zone_publisher_get_changeset (DomaineZonePublisher *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_PUBLISHER (self), NULL);
  return self->changeset;
}

const GError *
domaine_zone_publisher_get_error (DomaineZonePublisher *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_PUBLISHER (self), NULL);
  return self->error;
}

const char *
domaine_zone_publisher_get_notice (DomaineZonePublisher *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_PUBLISHER (self), NULL);
  return self->notice;
}
