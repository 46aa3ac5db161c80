/* domaine-session.c: one signed-in account while the app shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-clock-memory.h"
#include "ovh-domain.h"
#include "ovh-error.h"
#include "ovh-pending-store.h"

#include "domaine-session.h"

struct _DomaineSession
{
  GObject parent_instance;

  OvhAccount *account;
  OvhClient *client;
  OvhMe *me;
  GListStore *domains;
  DomaineSessionState state;
  GError *error;
  gboolean not_granted;
  GCancellable *cancellable;
  guint pending_loads;
  GHashTable *zones_with_changes; /* zone names with unpublished changes */
  GHashTable *zones_seen;         /* zones whose state this run was told */
};

G_DEFINE_FINAL_TYPE (DomaineSession, domaine_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ACCOUNT,
  PROP_CLIENT,
  PROP_ME,
  PROP_DOMAINS,
  PROP_STATE,
  PROP_NOT_GRANTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ZONE_CHANGES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GType
domaine_session_state_get_type (void)
{
  static gsize type_id = 0;
  static const GEnumValue values[] = {
    { DOMAINE_SESSION_STATE_IDLE, "DOMAINE_SESSION_STATE_IDLE", "idle" },
    { DOMAINE_SESSION_STATE_LOADING, "DOMAINE_SESSION_STATE_LOADING", "loading" },
    { DOMAINE_SESSION_STATE_READY, "DOMAINE_SESSION_STATE_READY", "ready" },
    { DOMAINE_SESSION_STATE_OFFLINE, "DOMAINE_SESSION_STATE_OFFLINE", "offline" },
    { DOMAINE_SESSION_STATE_NEEDS_SIGN_IN, "DOMAINE_SESSION_STATE_NEEDS_SIGN_IN", "needs-sign-in" },
    { DOMAINE_SESSION_STATE_FAILED, "DOMAINE_SESSION_STATE_FAILED", "failed" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DomaineSessionState", values));
  return type_id;
}

static void
domaine_session_set_state (DomaineSession *self, DomaineSessionState state, const GError *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);

  /* Notified even when unchanged: the error (and so the banner's words) may be new. */
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
domaine_session_report_error (DomaineSession *self, const GError *error)
{
  g_return_if_fail (DOMAINE_IS_SESSION (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    {
      /* The account still works; only this call is outside the key's rules. */
      if (!self->not_granted)
        {
          self->not_granted = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOT_GRANTED]);
        }
      return;
    }

  if (ovh_error_is_authentication (error))
    domaine_session_set_state (self, DOMAINE_SESSION_STATE_NEEDS_SIGN_IN, error);
  else if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NETWORK)
           || g_error_matches (error, OVH_ERROR, OVH_ERROR_TLS)
           || g_error_matches (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE))
    domaine_session_set_state (self, DOMAINE_SESSION_STATE_OFFLINE, error);
  else if (self->state == DOMAINE_SESSION_STATE_OFFLINE)
    /* OVHcloud answered (with a refusal): the connection works again. */
    domaine_session_report_success (self);
}

void
domaine_session_report_success (DomaineSession *self)
{
  g_return_if_fail (DOMAINE_IS_SESSION (self));

  if (self->state != DOMAINE_SESSION_STATE_OFFLINE)
    return;
  if (self->me == NULL)
    domaine_session_reload (self);
  else
    domaine_session_set_state (self, DOMAINE_SESSION_STATE_READY, NULL);
}

DomaineConnectionProblem
domaine_session_get_connection_problem (DomaineSession *self)
{
  const char *code;

  g_return_val_if_fail (DOMAINE_IS_SESSION (self), DOMAINE_CONNECTION_PROBLEM_NONE);

  if (self->state != DOMAINE_SESSION_STATE_OFFLINE || self->error == NULL)
    return DOMAINE_CONNECTION_PROBLEM_NONE;
  if (g_error_matches (self->error, OVH_ERROR, OVH_ERROR_TLS))
    return DOMAINE_CONNECTION_PROBLEM_TLS;
  if (g_error_matches (self->error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE))
    return DOMAINE_CONNECTION_PROBLEM_MALFORMED;
  code = ovh_error_get_error_code (self->error);
  if (g_strcmp0 (code, OVH_ERROR_CODE_CONNECTION_REFUSED) == 0)
    return DOMAINE_CONNECTION_PROBLEM_REFUSED;
  if (g_strcmp0 (code, OVH_ERROR_CODE_TIMED_OUT) == 0)
    return DOMAINE_CONNECTION_PROBLEM_TIMED_OUT;
  return DOMAINE_CONNECTION_PROBLEM_UNREACHABLE;
}

gboolean
domaine_session_get_zone_has_changes (DomaineSession *self, const char *zone)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);
  return g_hash_table_contains (self->zones_with_changes, zone);
}

void
domaine_session_set_zone_has_changes (DomaineSession *self, const char *zone, gboolean has_changes)
{
  g_return_if_fail (DOMAINE_IS_SESSION (self));
  g_return_if_fail (zone != NULL);

  g_hash_table_add (self->zones_seen, g_strdup (zone));
  if (has_changes == g_hash_table_contains (self->zones_with_changes, zone))
    return;
  if (has_changes)
    g_hash_table_add (self->zones_with_changes, g_strdup (zone));
  else
    g_hash_table_remove (self->zones_with_changes, zone);
  g_signal_emit (self, signals[SIGNAL_ZONE_CHANGES_CHANGED], g_quark_from_string (zone), zone);
}

static void
domaine_session_load_done (DomaineSession *self, const GError *error)
{
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      && self->state == DOMAINE_SESSION_STATE_LOADING)
    {
      if (ovh_error_is_authentication (error))
        domaine_session_set_state (self, DOMAINE_SESSION_STATE_NEEDS_SIGN_IN, error);
      else if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NETWORK)
               || g_error_matches (error, OVH_ERROR, OVH_ERROR_TLS))
        domaine_session_set_state (self, DOMAINE_SESSION_STATE_OFFLINE, error);
      else
        domaine_session_set_state (self, DOMAINE_SESSION_STATE_FAILED, error);
    }

  /* As soon as one call got through; the sandbox's port, and so its file, changes each run. */
  if (error == NULL && !ovh_account_is_sandbox (self->account))
    ovh_clock_memory_remember (self->client);

  g_assert (self->pending_loads > 0);
  if (--self->pending_loads == 0 && self->state == DOMAINE_SESSION_STATE_LOADING)
    domaine_session_set_state (self, DOMAINE_SESSION_STATE_READY, NULL);
}

static void
me_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineSession) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhMe) me = ovh_me_load_finish (result, &error);

  if (me != NULL)
    {
      g_set_object (&self->me, me);
      if (ovh_me_get_nichandle (me) != NULL)
        ovh_account_set_nichandle (self->account, ovh_me_get_nichandle (me));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);
    }
  domaine_session_load_done (self, error);
}

/* Zones with changes saved by an earlier run are marked before their page is ever opened; a
 * zone this run already knows about keeps what its page said. */
static void
saved_zones_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineSession) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) zones
      = ovh_pending_store_list_zones_finish (OVH_PENDING_STORE (source), result, &error);

  if (zones == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot list the saved changes: %s", error->message);
      return;
    }
  for (guint i = 0; zones[i] != NULL; i++)
    if (!g_hash_table_contains (self->zones_seen, zones[i]))
      domaine_session_set_zone_has_changes (self, zones[i], TRUE);
}

static void
domains_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineSession) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) domains = ovh_domain_list_load_finish (result, &error);

  if (domains != NULL)
    {
      guint n_new = g_list_model_get_n_items (G_LIST_MODEL (domains));
      guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->domains));
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_new; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (domains), i));
      /* One splice: a list view sees a single change, not one per domain. */
      g_list_store_splice (self->domains, 0, n_old, items->pdata, items->len);

      {
        g_autoptr (OvhPendingStore) store = ovh_pending_store_new (NULL);

        ovh_pending_store_list_zones_async (store, ovh_account_get_id (self->account),
                                            self->cancellable, saved_zones_listed_cb,
                                            g_object_ref (self));
      }
    }
  domaine_session_load_done (self, error);
}

void
domaine_session_reload (DomaineSession *self)
{
  g_return_if_fail (DOMAINE_IS_SESSION (self));

  if (self->state == DOMAINE_SESSION_STATE_LOADING)
    return;

  domaine_session_set_state (self, DOMAINE_SESSION_STATE_LOADING, NULL);
  /* The endpoint's clock as an earlier run (or domaine-cli) learned it: /me and the domains
   * go out at once, not one round trip after GET /auth/time. */
  if (!ovh_account_is_sandbox (self->account))
    ovh_clock_memory_recall (self->client);
  self->pending_loads = 2;
  ovh_me_load_async (self->client, self->cancellable, me_loaded_cb, g_object_ref (self));
  ovh_domain_list_load_async (self->client, self->cancellable, domains_loaded_cb,
                              g_object_ref (self));
}

void
domaine_session_update_credentials (DomaineSession *self, const char *consumer_key)
{
  g_return_if_fail (DOMAINE_IS_SESSION (self));
  g_return_if_fail (consumer_key != NULL);

  ovh_client_set_consumer_key (self->client, consumer_key);
  ovh_account_set_consumer_key (self->account, consumer_key);
  if (self->not_granted)
    {
      self->not_granted = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOT_GRANTED]);
    }
  self->state = DOMAINE_SESSION_STATE_IDLE;
  domaine_session_reload (self);
}

void
domaine_session_close (DomaineSession *self)
{
  g_return_if_fail (DOMAINE_IS_SESSION (self));

  g_cancellable_cancel (self->cancellable);
}

OvhAccount *
domaine_session_get_account (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), NULL);
  return self->account;
}

OvhClient *
domaine_session_get_client (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), NULL);
  return self->client;
}

OvhMe *
domaine_session_get_me (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), NULL);
  return self->me;
}

GListModel *
domaine_session_get_domains (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->domains);
}

DomaineSessionState
domaine_session_get_state (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), DOMAINE_SESSION_STATE_IDLE);
  return self->state;
}

const GError *
domaine_session_get_error (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), NULL);
  return self->error;
}

gboolean
domaine_session_get_not_granted (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), FALSE);
  return self->not_granted;
}

GCancellable *
domaine_session_get_cancellable (DomaineSession *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (self), NULL);
  return self->cancellable;
}

static void
domaine_session_dispose (GObject *object)
{
  DomaineSession *self = DOMAINE_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->me);

  G_OBJECT_CLASS (domaine_session_parent_class)->dispose (object);
}

static void
domaine_session_finalize (GObject *object)
{
  DomaineSession *self = DOMAINE_SESSION (object);

  g_clear_object (&self->account);
  g_clear_object (&self->client);
  g_clear_object (&self->domains);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_clear_pointer (&self->zones_with_changes, g_hash_table_unref);
  g_clear_pointer (&self->zones_seen, g_hash_table_unref);

  G_OBJECT_CLASS (domaine_session_parent_class)->finalize (object);
}

static void
domaine_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineSession *self = DOMAINE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ME:
      g_value_set_object (value, self->me);
      break;
    case PROP_DOMAINS:
      g_value_set_object (value, self->domains);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_NOT_GRANTED:
      g_value_set_boolean (value, self->not_granted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_session_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  DomaineSession *self = DOMAINE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_session_class_init (DomaineSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = domaine_session_dispose;
  object_class->finalize = domaine_session_finalize;
  object_class->get_property = domaine_session_get_property;
  object_class->set_property = domaine_session_set_property;

  properties[PROP_ACCOUNT]
      = g_param_spec_object ("account", NULL, NULL, OVH_TYPE_ACCOUNT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, OVH_TYPE_CLIENT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ME]
      = g_param_spec_object ("me", NULL, NULL, OVH_TYPE_ME,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAINS] = g_param_spec_object ("domains", NULL, NULL, G_TYPE_LIST_MODEL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_enum (
      "state", NULL, NULL, DOMAINE_TYPE_SESSION_STATE, DOMAINE_SESSION_STATE_IDLE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOT_GRANTED]
      = g_param_spec_boolean ("not-granted", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Detailed by the zone's name: a zone gained or lost its unpublished changes. */
  signals[SIGNAL_ZONE_CHANGES_CHANGED] = g_signal_new (
      "zone-changes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0,
      NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
domaine_session_init (DomaineSession *self)
{
  self->domains = g_list_store_new (OVH_TYPE_DOMAIN);
  self->cancellable = g_cancellable_new ();
  self->zones_with_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->zones_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DomaineSession *
domaine_session_new (OvhAccount *account, OvhClient *client)
{
  g_return_val_if_fail (OVH_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);

  return g_object_new (DOMAINE_TYPE_SESSION, "account", account, "client", client, NULL);
}
