/* domaine-delegation-group.c: the name servers a registered domain is delegated to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-delegation-dialog.h"
#include "domaine-delegation-group.h"
#include "ovh-credential.h"
#include "ovh-error.h"

#define DEFAULT_POLL_INTERVAL_MS 2000
/* Registries answer within minutes; half an hour before giving up. */
#define FOLLOW_LIMIT_MS (30 * 60 * 1000)

struct _DomaineDelegationGroup
{
  AdwPreferencesGroup parent_instance;

  GtkSpinner *spinner;
  GtkButton *edit_button;
  AdwActionRow *type_row;
  AdwActionRow *progress_row;

  OvhClient *client;
  char *domain;
  GCancellable *cancellable; /* the current domain's calls */
  OvhDelegation *delegation;
  GPtrArray *server_rows; /* GtkWidget*, added to the group */
  guint n_running;        /* calls under way */
  gboolean following;
  gboolean can_change;
  guint poll_interval_ms;
};

G_DEFINE_FINAL_TYPE (DomaineDelegationGroup, domaine_delegation_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_DELEGATION,
  PROP_BUSY,
  PROP_CAN_CHANGE,
  PROP_POLL_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void fetch (DomaineDelegationGroup *self);

/* --- what shows -------------------------------------------------------------------------- */

static char *
type_text (OvhDelegation *delegation)
{
  const char *type = ovh_delegation_get_name_server_type (delegation);

  if (ovh_delegation_is_hosted (delegation))
    return g_strdup (_ ("OVHcloud’s name servers: the DNS zone managed here answers for the "
                        "domain"));
  if (g_str_equal (type, "external"))
    return g_strdup (_ ("Other name servers: the DNS zone managed here is not served"));
  /* Translators: OVH's word for a kind of name servers ("parking", "anycast") */
  return g_strdup_printf (_ ("Name servers of the kind “%s”"), type);
}

static gboolean
get_busy (DomaineDelegationGroup *self)
{
  return self->n_running > 0 || self->following;
}

static void
update (DomaineDelegationGroup *self)
{
  gboolean busy = get_busy (self);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), self->following);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation.edit",
                                 self->delegation != NULL && !busy && self->can_change);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->edit_button),
                               self->can_change ? _ ("Change the name servers")
                                                : _ ("This account’s key may not change the "
                                                     "name servers"));

  if (self->delegation == NULL)
    adw_action_row_set_subtitle (self->type_row, self->n_running > 0 ? _ ("Loading…") : "");
  else
    {
      g_autofree char *type = type_text (self->delegation);

      if (self->can_change)
        adw_action_row_set_subtitle (self->type_row, type);
      else
        {
          g_autofree char *text = g_strdup_printf (
              "%s\n%s", type,
              _ ("This account’s key may read the name servers but not change them. Sign in "
                 "again with full access to change them here."));

          adw_action_row_set_subtitle (self->type_row, text);
        }
    }
}

static void
running_changed (DomaineDelegationGroup *self, gboolean was_busy)
{
  update (self);
  if (was_busy != get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
begin (DomaineDelegationGroup *self)
{
  gboolean was_busy = get_busy (self);

  self->n_running++;
  running_changed (self, was_busy);
}

static void
end (DomaineDelegationGroup *self)
{
  gboolean was_busy = get_busy (self);

  g_return_if_fail (self->n_running > 0);
  self->n_running--;
  running_changed (self, was_busy);
}

static void
set_can_change (DomaineDelegationGroup *self, gboolean can_change)
{
  if (self->can_change == can_change)
    return;
  self->can_change = can_change;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CHANGE]);
}

static void
toast (DomaineDelegationGroup *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 10);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    adw_action_row_set_subtitle (self->type_row, message);
}

static void
clear_server_rows (DomaineDelegationGroup *self)
{
  for (guint i = 0; i < self->server_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->server_rows, i));
  g_ptr_array_set_size (self->server_rows, 0);
}

static void
show_delegation (DomaineDelegationGroup *self, OvhDelegation *delegation)
{
  GPtrArray *name_servers = ovh_delegation_get_name_servers (delegation);

  g_set_object (&self->delegation, delegation);
  clear_server_rows (self);
  for (guint i = 0; i < name_servers->len; i++)
    {
      OvhNameServer *name_server = g_ptr_array_index (name_servers, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("network-server-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name_server->host);
      if (name_server->ip != NULL)
        {
          /* Translators: the IP address given with a name server inside its own domain */
          g_autofree char *subtitle = g_strdup_printf (_ ("Glue address %s"), name_server->ip);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Name server"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->server_rows, row);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELEGATION]);
}

/* --- loading ----------------------------------------------------------------------------- */

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDelegation) delegation = NULL;
  DomaineDelegationGroup *self;

  delegation = ovh_delegation_fetch_finish (OVH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DELEGATION_GROUP (user_data);
  if (delegation != NULL)
    show_delegation (self, delegation);
  else if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    adw_action_row_set_subtitle (self->type_row,
                                 _ ("This account’s key may not read the name servers"));
  else
    {
      g_autofree char *message = ovh_error_dup_display_message (error);

      adw_action_row_set_subtitle (self->type_row, message);
    }
  end (self);
}

static void
fetch (DomaineDelegationGroup *self)
{
  begin (self);
  ovh_delegation_fetch_async (self->client, self->domain, self->cancellable, fetched_cb, self);
}

/* What the key may do, from its rules: known before anything is refused. */
static void
credential_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = NULL;
  g_autofree char *update_path = NULL;
  g_autofree char *domain_path = NULL;
  DomaineDelegationGroup *self;

  credential = ovh_credential_fetch_current_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DELEGATION_GROUP (user_data);
  /* Unknown: a refusal will tell. */
  if (credential != NULL)
    {
      update_path = g_strdup_printf ("/domain/%s/nameServers/update", self->domain);
      domain_path = g_strdup_printf ("/domain/%s", self->domain);
      set_can_change (self, ovh_credential_allows (credential, "POST", update_path)
                                && ovh_credential_allows (credential, "PUT", domain_path));
    }
  end (self);
}

/* --- a change ---------------------------------------------------------------------------- */

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  DomaineDelegationGroup *self;
  gboolean was_busy;

  if (!ovh_delegation_follow_task_finish (OVH_CLIENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DELEGATION_GROUP (user_data);
  if (error != NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (error);

      toast (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (
          /* Translators: a domain */
          _ ("The registry has the new name servers of %s. Resolvers follow within 48 hours."),
          self->domain);

      toast (self, message);
    }
  was_busy = get_busy (self);
  self->following = FALSE;
  running_changed (self, was_busy);
  fetch (self);
}

static void
submitted_cb (DomaineDelegationDialog *dialog, gint64 task_id, DomaineDelegationGroup *self)
{
  gboolean was_busy = get_busy (self);

  self->following = TRUE;
  running_changed (self, was_busy);
  ovh_delegation_follow_task_async (self->client, self->domain, task_id,
                                    MAX (self->poll_interval_ms, 1), FOLLOW_LIMIT_MS,
                                    self->cancellable, followed_cb, self);
}

static void
refused_cb (DomaineDelegationDialog *dialog, DomaineDelegationGroup *self)
{
  /* Not a failure to report: what the key allows, said where the button is. */
  set_can_change (self, FALSE);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineDelegationGroup *self = DOMAINE_DELEGATION_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->delegation == NULL)
    return;
  dialog = domaine_delegation_dialog_new (self->client, self->delegation);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "submitted", G_CALLBACK (submitted_cb), self, 0);
  g_signal_connect_object (dialog, "refused", G_CALLBACK (refused_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- public ------------------------------------------------------------------------------ */

void
domaine_delegation_group_load (DomaineDelegationGroup *self, OvhClient *client, const char *domain)
{
  gboolean was_busy;

  g_return_if_fail (DOMAINE_IS_DELEGATION_GROUP (self));
  g_return_if_fail (client == NULL || OVH_IS_CLIENT (client));

  was_busy = get_busy (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->client, client);
  g_free (self->domain);
  self->domain = g_strdup (domain);
  clear_server_rows (self);
  self->n_running = 0;
  self->following = FALSE;
  if (self->delegation != NULL)
    {
      g_clear_object (&self->delegation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELEGATION]);
    }
  set_can_change (self, TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self), client != NULL && domain != NULL);
  if (client == NULL || domain == NULL)
    {
      running_changed (self, was_busy);
      return;
    }
  self->cancellable = g_cancellable_new ();
  running_changed (self, was_busy);
  begin (self);
  ovh_credential_fetch_current_async (client, self->cancellable, credential_cb, self);
  fetch (self);
}

OvhDelegation *
domaine_delegation_group_get_delegation (DomaineDelegationGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DELEGATION_GROUP (self), NULL);
  return self->delegation;
}

gboolean
domaine_delegation_group_get_busy (DomaineDelegationGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DELEGATION_GROUP (self), FALSE);
  return get_busy (self);
}

gboolean
domaine_delegation_group_get_can_change (DomaineDelegationGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DELEGATION_GROUP (self), FALSE);
  return self->can_change;
}

void
domaine_delegation_group_set_poll_interval (DomaineDelegationGroup *self, guint interval_ms)
{
  g_return_if_fail (DOMAINE_IS_DELEGATION_GROUP (self));

  if (self->poll_interval_ms == interval_ms)
    return;
  self->poll_interval_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

GtkWidget *
domaine_delegation_group_new (void)
{
  return g_object_new (DOMAINE_TYPE_DELEGATION_GROUP, NULL);
}

/* --- GObject ----------------------------------------------------------------------------- */

static void
domaine_delegation_group_dispose (GObject *object)
{
  DomaineDelegationGroup *self = DOMAINE_DELEGATION_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->delegation);

  G_OBJECT_CLASS (domaine_delegation_group_parent_class)->dispose (object);
}

static void
domaine_delegation_group_finalize (GObject *object)
{
  DomaineDelegationGroup *self = DOMAINE_DELEGATION_GROUP (object);

  g_free (self->domain);
  g_ptr_array_unref (self->server_rows);

  G_OBJECT_CLASS (domaine_delegation_group_parent_class)->finalize (object);
}

static void
domaine_delegation_group_get_property (GObject *object,
                                       guint prop_id,
                                       GValue *value,
                                       GParamSpec *pspec)
{
  DomaineDelegationGroup *self = DOMAINE_DELEGATION_GROUP (object);

  switch (prop_id)
    {
    case PROP_DELEGATION:
      g_value_set_object (value, self->delegation);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, get_busy (self));
      break;
    case PROP_CAN_CHANGE:
      g_value_set_boolean (value, self->can_change);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_delegation_group_set_property (GObject *object,
                                       guint prop_id,
                                       const GValue *value,
                                       GParamSpec *pspec)
{
  DomaineDelegationGroup *self = DOMAINE_DELEGATION_GROUP (object);

  switch (prop_id)
    {
    case PROP_POLL_INTERVAL:
      domaine_delegation_group_set_poll_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_delegation_group_class_init (DomaineDelegationGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = domaine_delegation_group_dispose;
  object_class->finalize = domaine_delegation_group_finalize;
  object_class->get_property = domaine_delegation_group_get_property;
  object_class->set_property = domaine_delegation_group_set_property;

  properties[PROP_DELEGATION]
      = g_param_spec_object ("delegation", NULL, NULL, OVH_TYPE_DELEGATION, read_only);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_CAN_CHANGE] = g_param_spec_boolean ("can-change", NULL, NULL, TRUE, read_only);
  properties[PROP_POLL_INTERVAL]
      = g_param_spec_uint ("poll-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_POLL_INTERVAL_MS,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/domain/domaine-delegation-group.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationGroup, edit_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationGroup, type_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationGroup, progress_row);
  gtk_widget_class_install_action (widget_class, "delegation.edit", NULL, edit_action);
}

static void
domaine_delegation_group_init (DomaineDelegationGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->server_rows = g_ptr_array_new ();
  self->can_change = TRUE;
  self->poll_interval_ms = DEFAULT_POLL_INTERVAL_MS;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update (self);
}
