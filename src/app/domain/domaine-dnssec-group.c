/* domaine-dnssec-group.c: a zone's DNSSEC signing and its domain's DS records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-dnssec-group.h"
#include "ovh-ds-record.h"
#include "ovh-error.h"

#define DEFAULT_POLL_INTERVAL_MS 2000
/* OVHcloud takes minutes at worst; ten of them before giving up. */
#define FOLLOW_LIMIT_MS (10 * 60 * 1000)

struct _DomaineDnssecGroup
{
  AdwPreferencesGroup parent_instance;

  GtkSpinner *spinner;
  AdwActionRow *state_row;
  GtkButton *change_button;

  OvhClient *client;
  char *zone;
  GCancellable *cancellable; /* the current zone's calls */
  GPtrArray *ds_rows;        /* GtkWidget*, added to the group */
  guint n_ds_records;
  OvhDnssecState state;
  gboolean loaded;
  gboolean busy;
  gboolean can_change;
  guint poll_interval_ms;
};

G_DEFINE_FINAL_TYPE (DomaineDnssecGroup, domaine_dnssec_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_STATE,
  PROP_LOADED,
  PROP_BUSY,
  PROP_CAN_CHANGE,
  PROP_POLL_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_ds_records (DomaineDnssecGroup *self);
static void follow (DomaineDnssecGroup *self);

/* --- what shows -------------------------------------------------------------------------- */

static const char *
state_text (OvhDnssecState state)
{
  switch (state)
    {
    case OVH_DNSSEC_STATE_ENABLED:
      return _ ("Signed");
    case OVH_DNSSEC_STATE_DISABLED:
      return _ ("Not signed");
    case OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS:
      return _ ("OVHcloud is signing the zone…");
    case OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS:
      return _ ("OVHcloud is removing the zone’s signatures…");
    default:
      g_assert_not_reached ();
    }
}

static void
update (DomaineDnssecGroup *self)
{
  gboolean in_progress = self->loaded && ovh_dnssec_state_is_in_progress (self->state);

  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->change_button), self->loaded && !in_progress);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dnssec.toggle",
                                 self->loaded && !self->busy && self->can_change);

  if (self->state == OVH_DNSSEC_STATE_ENABLED)
    {
      gtk_button_set_label (self->change_button, _ ("_Disable…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->change_button), "destructive-action");
    }
  else
    {
      gtk_button_set_label (self->change_button, _ ("_Enable"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->change_button), "destructive-action");
    }
  gtk_button_set_use_underline (self->change_button, TRUE);

  if (!self->loaded)
    adw_action_row_set_subtitle (self->state_row, self->busy ? _ ("Loading…") : "");
  else if (!self->can_change)
    {
      g_autofree char *text = g_strdup_printf (
          "%s\n%s", state_text (self->state),
          _ ("This account’s key may read DNSSEC but not change it. Sign in again with "
             "the DNS editor access to enable or disable it here."));

      adw_action_row_set_subtitle (self->state_row, text);
    }
  else
    adw_action_row_set_subtitle (self->state_row, state_text (self->state));
}

static void
set_busy (DomaineDnssecGroup *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_state (DomaineDnssecGroup *self, OvhDnssecState state)
{
  gboolean was_loaded = self->loaded;
  gboolean changed = !self->loaded || self->state != state;

  self->state = state;
  self->loaded = TRUE;
  update (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (!was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
toast (DomaineDnssecGroup *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    adw_action_row_set_subtitle (self->state_row, message);
}

static void
clear_ds_rows (DomaineDnssecGroup *self)
{
  for (guint i = 0; i < self->ds_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->ds_rows, i));
  g_ptr_array_set_size (self->ds_rows, 0);
  self->n_ds_records = 0;
}

static void
add_ds_row (DomaineDnssecGroup *self, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "property");
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->ds_rows, row);
}

/* --- DS records -------------------------------------------------------------------------- */

static void
ds_records_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = NULL;
  DomaineDnssecGroup *self;

  records = ovh_dnssec_list_ds_records_finish (OVH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DNSSEC_GROUP (user_data);

  clear_ds_rows (self);
  if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_FOUND))
    add_ds_row (self, _ ("No DS records here: the domain is registered elsewhere"), NULL);
  else if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    add_ds_row (self, _ ("This account’s key may not read the domain’s DS records"), NULL);
  else if (error != NULL)
    toast (self, error->message);
  else if (records->len == 0)
    add_ds_row (self, _ ("No DS records at the registry"), NULL);
  else
    for (guint i = 0; i < records->len; i++)
      {
        OvhDsRecord *record = g_ptr_array_index (records, i);
        const char *name = ovh_ds_record_get_algorithm_name (record);
        g_autofree char *algorithm
            = name != NULL ? g_strdup_printf ("%s (%u)", name, ovh_ds_record_get_algorithm (record))
                           : g_strdup_printf ("%u", ovh_ds_record_get_algorithm (record));
        /* Translators: a DS record: its key tag (a number), then its algorithm */
        g_autofree char *title
            = g_strdup_printf (_ ("Key tag %u · %s"), ovh_ds_record_get_tag (record), algorithm);
        /* Translators: the SHA-256 digest of a DS record, in hexadecimal */
        g_autofree char *subtitle
            = g_strdup_printf (_ ("Digest (SHA-256): %s"), ovh_ds_record_get_digest (record));

        add_ds_row (self, title, subtitle);
        self->n_ds_records++;
      }
  set_busy (self, FALSE);
}

static void
load_ds_records (DomaineDnssecGroup *self)
{
  set_busy (self, TRUE);
  ovh_dnssec_list_ds_records_async (self->client, self->zone, self->cancellable, ds_records_cb,
                                    self);
}

/* --- state and changes ------------------------------------------------------------------- */

static void
followed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  DomaineDnssecGroup *self;
  OvhDnssecState state;

  if (!ovh_dnssec_follow_finish (OVH_CLIENT (source), result, &state, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DNSSEC_GROUP (user_data);
  if (error != NULL)
    {
      toast (self, error->message);
      set_busy (self, FALSE);
      return;
    }
  set_state (self, state);
  load_ds_records (self);
}

static void
follow (DomaineDnssecGroup *self)
{
  guint interval = MAX (self->poll_interval_ms, 1);

  set_busy (self, TRUE);
  ovh_dnssec_follow_async (self->client, self->zone, interval, FOLLOW_LIMIT_MS / interval + 1,
                           self->cancellable, followed_cb, self);
}

static void
state_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  DomaineDnssecGroup *self;
  OvhDnssecState state;

  if (!ovh_dnssec_get_state_finish (OVH_CLIENT (source), result, &state, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DNSSEC_GROUP (user_data);
  if (error != NULL)
    {
      adw_action_row_set_subtitle (self->state_row,
                                   g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED)
                                       ? _ ("This account’s key may not read the DNSSEC state")
                                       : error->message);
      set_busy (self, FALSE);
      return;
    }
  set_state (self, state);
  if (ovh_dnssec_state_is_in_progress (state))
    follow (self);
  else
    load_ds_records (self);
}

static void
set_enabled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  DomaineDnssecGroup *self;

  if (!ovh_dnssec_set_enabled_finish (OVH_CLIENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DOMAINE_DNSSEC_GROUP (user_data);
  if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    {
      /* Not a failure to report: what the key allows, said where the button is. */
      self->can_change = FALSE;
      set_busy (self, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CHANGE]);
      return;
    }
  if (error != NULL)
    {
      toast (self, error->message);
      set_busy (self, FALSE);
      return;
    }
  set_state (self, self->state == OVH_DNSSEC_STATE_ENABLED ? OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS
                                                           : OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS);
  follow (self);
}

static void
start_change (DomaineDnssecGroup *self, gboolean enable)
{
  set_busy (self, TRUE);
  ovh_dnssec_set_enabled_async (self->client, self->zone, enable, self->cancellable, set_enabled_cb,
                                self);
}

static void
disable_response_cb (AdwMessageDialog *dialog, const char *response, DomaineDnssecGroup *self)
{
  if (g_str_equal (response, "disable") && self->loaded && !self->busy
      && self->state == OVH_DNSSEC_STATE_ENABLED)
    start_change (self, FALSE);
}

static void
toggle_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineDnssecGroup *self = DOMAINE_DNSSEC_GROUP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->state != OVH_DNSSEC_STATE_ENABLED)
    {
      start_change (self, TRUE);
      return;
    }

  body = g_strdup_printf (
      /* Translators: a zone */
      _ ("OVHcloud stops signing %s. Resolvers that validate DNSSEC will fail the whole "
         "domain for as long as DS records for it remain at the registry: when the domain is "
         "registered elsewhere, remove its DS records there first."),
      self->zone);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _ ("Disable DNSSEC?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "disable",
                                    _ ("_Disable"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disable",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disable_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- public ------------------------------------------------------------------------------ */

void
domaine_dnssec_group_load (DomaineDnssecGroup *self, OvhClient *client, const char *zone)
{
  g_return_if_fail (DOMAINE_IS_DNSSEC_GROUP (self));
  g_return_if_fail (client == NULL || OVH_IS_CLIENT (client));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->client, client);
  g_free (self->zone);
  self->zone = g_strdup (zone);
  clear_ds_rows (self);
  self->busy = FALSE;
  self->can_change = TRUE;
  if (self->loaded)
    {
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CHANGE]);

  gtk_widget_set_visible (GTK_WIDGET (self), client != NULL && zone != NULL);
  if (client == NULL || zone == NULL)
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  update (self);
  ovh_dnssec_get_state_async (client, zone, self->cancellable, state_cb, self);
}

OvhDnssecState
domaine_dnssec_group_get_state (DomaineDnssecGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DNSSEC_GROUP (self), OVH_DNSSEC_STATE_DISABLED);
  return self->state;
}

gboolean
domaine_dnssec_group_get_loaded (DomaineDnssecGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DNSSEC_GROUP (self), FALSE);
  return self->loaded;
}

gboolean
domaine_dnssec_group_get_busy (DomaineDnssecGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DNSSEC_GROUP (self), FALSE);
  return self->busy;
}

gboolean
domaine_dnssec_group_get_can_change (DomaineDnssecGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DNSSEC_GROUP (self), FALSE);
  return self->can_change;
}

guint
domaine_dnssec_group_get_n_ds_records (DomaineDnssecGroup *self)
{
  g_return_val_if_fail (DOMAINE_IS_DNSSEC_GROUP (self), 0);
  return self->n_ds_records;
}

void
domaine_dnssec_group_set_poll_interval (DomaineDnssecGroup *self, guint interval_ms)
{
  g_return_if_fail (DOMAINE_IS_DNSSEC_GROUP (self));

  if (self->poll_interval_ms == interval_ms)
    return;
  self->poll_interval_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

GtkWidget *
domaine_dnssec_group_new (void)
{
  return g_object_new (DOMAINE_TYPE_DNSSEC_GROUP, NULL);
}

/* --- GObject ----------------------------------------------------------------------------- */

static void
domaine_dnssec_group_dispose (GObject *object)
{
  DomaineDnssecGroup *self = DOMAINE_DNSSEC_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (domaine_dnssec_group_parent_class)->dispose (object);
}

static void
domaine_dnssec_group_finalize (GObject *object)
{
  DomaineDnssecGroup *self = DOMAINE_DNSSEC_GROUP (object);

  g_free (self->zone);
  g_ptr_array_unref (self->ds_rows);

  G_OBJECT_CLASS (domaine_dnssec_group_parent_class)->finalize (object);
}

static void
domaine_dnssec_group_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineDnssecGroup *self = DOMAINE_DNSSEC_GROUP (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
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
domaine_dnssec_group_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  DomaineDnssecGroup *self = DOMAINE_DNSSEC_GROUP (object);

  switch (prop_id)
    {
    case PROP_POLL_INTERVAL:
      domaine_dnssec_group_set_poll_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_dnssec_group_class_init (DomaineDnssecGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = domaine_dnssec_group_dispose;
  object_class->finalize = domaine_dnssec_group_finalize;
  object_class->get_property = domaine_dnssec_group_get_property;
  object_class->set_property = domaine_dnssec_group_set_property;

  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, OVH_TYPE_DNSSEC_STATE,
                                              OVH_DNSSEC_STATE_DISABLED, read_only);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, read_only);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_CAN_CHANGE] = g_param_spec_boolean ("can-change", NULL, NULL, TRUE, read_only);
  properties[PROP_POLL_INTERVAL]
      = g_param_spec_uint ("poll-interval", NULL, NULL, 1, G_MAXUINT, DEFAULT_POLL_INTERVAL_MS,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/domain/domaine-dnssec-group.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineDnssecGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineDnssecGroup, state_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDnssecGroup, change_button);
  gtk_widget_class_install_action (widget_class, "dnssec.toggle", NULL, toggle_action);
}

static void
domaine_dnssec_group_init (DomaineDnssecGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ds_rows = g_ptr_array_new ();
  self->can_change = TRUE;
  self->poll_interval_ms = DEFAULT_POLL_INTERVAL_MS;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  update (self);
}
