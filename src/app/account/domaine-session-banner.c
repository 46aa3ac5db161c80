/* domaine-session-banner.c: the account-level strip under a page's header bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwBanner arrives in libadwaita 1.3; on the 1.2 floor this is the documented fallback: a
 * revealer holding a label and a button, styled like a banner. It follows one session and
 * says the one thing the user should do about it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-session-banner.h"

struct _DomaineSessionBanner
{
  GtkWidget parent_instance;

  DomaineSession *session;
  GSignalGroup *session_signals;
  GSignalGroup *client_signals; /* the session's client: a pause the API asked for */

  GtkRevealer *revealer;
  GtkLabel *title_label;
  GtkButton *action_button;
};

G_DEFINE_FINAL_TYPE (DomaineSessionBanner, domaine_session_banner, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The advice depends on what the latest call met: "check your connection" is wrong for a
 * server that refuses (a stopped local sandbox or tunnel) or that answers nonsense. */
static const char *
domaine_session_banner_offline_title (DomaineSession *session)
{
  switch (domaine_session_get_connection_problem (session))
    {
    case DOMAINE_CONNECTION_PROBLEM_REFUSED:
      return _ ("Nothing answers at the API address: the connection was refused. Is the server "
                "running?");
    case DOMAINE_CONNECTION_PROBLEM_TIMED_OUT:
      return _ ("The API did not answer in time. Try again in a moment.");
    case DOMAINE_CONNECTION_PROBLEM_TLS:
      return _ ("The API’s certificate was refused: the connection is not safe.");
    case DOMAINE_CONNECTION_PROBLEM_MALFORMED:
      return _ ("The API sent an answer Domaine cannot read. Try again later.");
    case DOMAINE_CONNECTION_PROBLEM_UNREACHABLE:
    case DOMAINE_CONNECTION_PROBLEM_NONE:
    default:
      return _ ("OVHcloud cannot be reached. Check your connection.");
    }
}

static void
domaine_session_banner_update (DomaineSessionBanner *self)
{
  g_autofree char *waiting = NULL;
  const char *title = NULL;
  const char *button = NULL;
  const char *action = NULL;
  GVariant *target = NULL;

  if (self->session != NULL)
    {
      OvhAccount *account = domaine_session_get_account (self->session);

      switch (domaine_session_get_state (self->session))
        {
        case DOMAINE_SESSION_STATE_NEEDS_SIGN_IN:
          title = _ ("This account’s key no longer works. Sign in again to reconnect.");
          button = _ ("_Sign In…");
          action = "app.reauthenticate";
          target = g_variant_new_string (ovh_account_get_id (account));
          break;
        case DOMAINE_SESSION_STATE_OFFLINE:
          title = domaine_session_banner_offline_title (self->session);
          button = _ ("_Retry");
          action = "win.reload";
          break;
        case DOMAINE_SESSION_STATE_IDLE:
        case DOMAINE_SESSION_STATE_LOADING:
        case DOMAINE_SESSION_STATE_READY:
        case DOMAINE_SESSION_STATE_FAILED:
        default:
          if (ovh_client_get_retry_delay (domaine_session_get_client (self->session)) > 0)
            {
              guint seconds
                  = ovh_client_get_retry_delay (domaine_session_get_client (self->session));

              title = waiting = g_strdup_printf (
                  g_dngettext (
                      GETTEXT_PACKAGE, "OVHcloud asks to wait %u second before the next request…",
                      "OVHcloud asks to wait %u seconds before the next request…", seconds),
                  seconds);
            }
          else if (domaine_session_get_not_granted (self->session))
            {
              title = _ ("This key cannot do that. Request more rights to continue.");
              button = _ ("_Request Rights…");
              action = "app.reauthenticate";
              target = g_variant_new_string (ovh_account_get_id (account));
            }
          else if (ovh_account_is_sandbox (account))
            {
              title = _ ("This is the sandbox: changes stay on this computer.");
            }
          break;
        }
    }

  if (title != NULL)
    gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->action_button), button != NULL);
  if (button != NULL)
    {
      gtk_button_set_label (self->action_button, button);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->action_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->action_button), action);
    }
  else if (target != NULL)
    g_variant_unref (g_variant_ref_sink (target));

  gtk_revealer_set_reveal_child (self->revealer, title != NULL);
}

static void
session_changed_cb (DomaineSessionBanner *self)
{
  domaine_session_banner_update (self);
}

DomaineSession *
domaine_session_banner_get_session (DomaineSessionBanner *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION_BANNER (self), NULL);
  return self->session;
}

void
domaine_session_banner_set_session (DomaineSessionBanner *self, DomaineSession *session)
{
  g_return_if_fail (DOMAINE_IS_SESSION_BANNER (self));
  g_return_if_fail (session == NULL || DOMAINE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->client_signals,
                             session != NULL ? domaine_session_get_client (session) : NULL);
  domaine_session_banner_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
domaine_session_banner_get_title (DomaineSessionBanner *self)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_label (self->title_label);
}

static void
domaine_session_banner_dispose (GObject *object)
{
  DomaineSessionBanner *self = DOMAINE_SESSION_BANNER (object);

  g_signal_group_set_target (self->session_signals, NULL);
  g_signal_group_set_target (self->client_signals, NULL);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_SESSION_BANNER);

  G_OBJECT_CLASS (domaine_session_banner_parent_class)->dispose (object);
}

static void
domaine_session_banner_finalize (GObject *object)
{
  DomaineSessionBanner *self = DOMAINE_SESSION_BANNER (object);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->client_signals);

  G_OBJECT_CLASS (domaine_session_banner_parent_class)->finalize (object);
}

static void
domaine_session_banner_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  DomaineSessionBanner *self = DOMAINE_SESSION_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_session_banner_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  DomaineSessionBanner *self = DOMAINE_SESSION_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      domaine_session_banner_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_session_banner_class_init (DomaineSessionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_session_banner_dispose;
  object_class->finalize = domaine_session_banner_finalize;
  object_class->get_property = domaine_session_banner_get_property;
  object_class->set_property = domaine_session_banner_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/account/domaine-session-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineSessionBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, DomaineSessionBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineSessionBanner, action_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
domaine_session_banner_init (DomaineSessionBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session_signals = g_signal_group_new (DOMAINE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (session_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::not-granted",
                                  G_CALLBACK (session_changed_cb), self);
  self->client_signals = g_signal_group_new (OVH_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "notify::retry-delay",
                                  G_CALLBACK (session_changed_cb), self);
  domaine_session_banner_update (self);
}
