/* domaine-expiry-watch.c: a desktop notification for each domain about to expire unrenewed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The banner of a domain's page only shows once the domain is opened; this tells about every
 * domain of the account, when the app starts and each day while it runs. The domains are
 * checked one after the other: a few calls a day, never a burst.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-expiry-watch.h"
#include "ovh-domain.h"

#define CHECK_INTERVAL_SECONDS (24 * 60 * 60)

struct _DomaineExpiryWatch
{
  GObject parent_instance;

  DomaineSession *session;
  gulong state_handler;
  GCancellable *cancellable; /* the check under way, NULL when none */
  GPtrArray *pending;        /* names still to check, in order */
  guint timer;
  gboolean checked_once;
  GHashTable *notified; /* domain name → the local day ("2026-12-05") it was notified */
};

G_DEFINE_FINAL_TYPE (DomaineExpiryWatch, domaine_expiry_watch, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_EXPIRING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
domaine_expiry_watch_dup_notification_id (const char *domain)
{
  return g_strconcat ("expiry-", domain, NULL);
}

GNotification *
domaine_expiry_watch_create_notification (OvhServiceInfos *service_infos, GDateTime *now)
{
  const char *domain = ovh_service_infos_get_domain (service_infos);
  gint64 days = ovh_service_infos_get_days_left (service_infos, now);
  g_autofree char *title = NULL;
  GNotification *notification;

  if (days < 0)
    title = g_strdup_printf (_ ("%s has expired"), domain);
  else
    title = g_strdup_printf (
        ngettext ("%s expires in %u day", "%s expires in %u days", (gulong) days), domain,
        (guint) days);
  notification = g_notification_new (title);
  g_notification_set_body (notification,
                           ovh_service_infos_get_renewal_mode (service_infos)
                                   == OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION
                               ? _ ("It is set to be deleted at expiry.")
                               : _ ("It does not renew automatically. Renew it in the OVHcloud "
                                    "Control Panel."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-domain", "s", domain);
  return notification;
}

static void set_checking (DomaineExpiryWatch *self, GCancellable *cancellable);
static void check_next (DomaineExpiryWatch *self);

static void
report (DomaineExpiryWatch *self, OvhServiceInfos *infos)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  /* A key for the day, not shown to anyone. */
  g_autofree char *today
      = g_strdup_printf ("%d-%d-%d", g_date_time_get_year (now), g_date_time_get_month (now),
                         g_date_time_get_day_of_month (now));
  const char *domain = ovh_service_infos_get_domain (infos);
  g_autoptr (GNotification) notification = NULL;

  if (!ovh_service_infos_expires_within (infos, now, OVH_SERVICE_INFOS_WARNING_DAYS))
    return;
  if (g_strcmp0 (g_hash_table_lookup (self->notified, domain), today) == 0)
    return;
  g_hash_table_insert (self->notified, g_strdup (domain), g_steal_pointer (&today));

  notification = domaine_expiry_watch_create_notification (infos, now);
  g_signal_emit (self, signals[SIGNAL_EXPIRING], 0, infos, notification);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DomaineExpiryWatch *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhServiceInfos) infos = ovh_service_infos_load_finish (result, &error);

  /* Cancelled when the watch went away: self is gone too, it holds no reference. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* One domain that cannot be read (a key limited to some domains, a transient error) does
   * not keep the others from being checked; the next check tries it again. */
  if (infos == NULL)
    g_debug ("The renewal of a domain could not be checked: %s", error->message);
  else
    report (self, infos);
  check_next (self);
}

static void
check_next (DomaineExpiryWatch *self)
{
  g_autofree char *name = NULL;

  if (self->pending->len == 0)
    {
      set_checking (self, NULL);
      return;
    }
  name = g_ptr_array_steal_index (self->pending, 0);
  ovh_service_infos_load_async (domaine_session_get_client (self->session), name, self->cancellable,
                                loaded_cb, self);
}

static void
set_checking (DomaineExpiryWatch *self, GCancellable *cancellable)
{
  gboolean was_checking = self->cancellable != NULL;

  if (self->cancellable != NULL && cancellable == NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);
  if (was_checking != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

void
domaine_expiry_watch_check (DomaineExpiryWatch *self)
{
  g_autoptr (GCancellable) cancellable = NULL;
  GListModel *domains;

  g_return_if_fail (DOMAINE_IS_EXPIRY_WATCH (self));

  if (self->cancellable != NULL || self->session == NULL
      || domaine_session_get_state (self->session) != DOMAINE_SESSION_STATE_READY)
    return;

  self->checked_once = TRUE;
  g_ptr_array_set_size (self->pending, 0);
  domains = domaine_session_get_domains (self->session);
  for (guint i = 0; domains != NULL && i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (domains, i);

      if (ovh_domain_is_registered (domain))
        g_ptr_array_add (self->pending, g_strdup (ovh_domain_get_name (domain)));
    }
  cancellable = g_cancellable_new ();
  set_checking (self, cancellable);
  check_next (self);
}

static gboolean
timer_cb (gpointer user_data)
{
  domaine_expiry_watch_check (user_data);
  return G_SOURCE_CONTINUE;
}

static void
state_changed_cb (DomaineExpiryWatch *self)
{
  /* The first time the account's domains are known; the timer takes it from there. */
  if (!self->checked_once)
    domaine_expiry_watch_check (self);
}

DomaineExpiryWatch *
domaine_expiry_watch_new (DomaineSession *session)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (session), NULL);

  return g_object_new (DOMAINE_TYPE_EXPIRY_WATCH, "session", session, NULL);
}

DomaineSession *
domaine_expiry_watch_get_session (DomaineExpiryWatch *self)
{
  g_return_val_if_fail (DOMAINE_IS_EXPIRY_WATCH (self), NULL);
  return self->session;
}

gboolean
domaine_expiry_watch_get_checking (DomaineExpiryWatch *self)
{
  g_return_val_if_fail (DOMAINE_IS_EXPIRY_WATCH (self), FALSE);
  return self->cancellable != NULL;
}

static void
domaine_expiry_watch_constructed (GObject *object)
{
  DomaineExpiryWatch *self = DOMAINE_EXPIRY_WATCH (object);

  G_OBJECT_CLASS (domaine_expiry_watch_parent_class)->constructed (object);

  self->state_handler = g_signal_connect_swapped (self->session, "notify::state",
                                                  G_CALLBACK (state_changed_cb), self);
  self->timer = g_timeout_add_seconds (CHECK_INTERVAL_SECONDS, timer_cb, self);
  state_changed_cb (self);
}

static void
domaine_expiry_watch_dispose (GObject *object)
{
  DomaineExpiryWatch *self = DOMAINE_EXPIRY_WATCH (object);

  set_checking (self, NULL);
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_signal_handler (&self->state_handler, self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (domaine_expiry_watch_parent_class)->dispose (object);
}

static void
domaine_expiry_watch_finalize (GObject *object)
{
  DomaineExpiryWatch *self = DOMAINE_EXPIRY_WATCH (object);

  g_ptr_array_unref (self->pending);
  g_hash_table_unref (self->notified);

  G_OBJECT_CLASS (domaine_expiry_watch_parent_class)->finalize (object);
}

static void
domaine_expiry_watch_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineExpiryWatch *self = DOMAINE_EXPIRY_WATCH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, domaine_expiry_watch_get_checking (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_expiry_watch_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  DomaineExpiryWatch *self = DOMAINE_EXPIRY_WATCH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_expiry_watch_class_init (DomaineExpiryWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = domaine_expiry_watch_constructed;
  object_class->dispose = domaine_expiry_watch_dispose;
  object_class->finalize = domaine_expiry_watch_finalize;
  object_class->get_property = domaine_expiry_watch_get_property;
  object_class->set_property = domaine_expiry_watch_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING]
      = g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EXPIRING]
      = g_signal_new ("expiring", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, OVH_TYPE_SERVICE_INFOS, G_TYPE_NOTIFICATION);
}

static void
domaine_expiry_watch_init (DomaineExpiryWatch *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_free);
  self->notified = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}
