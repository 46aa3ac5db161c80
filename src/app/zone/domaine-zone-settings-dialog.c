/* domaine-zone-settings-dialog.c: a zone's SOA settings, changed, and resetting the zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each field is checked as it is typed with libovh's rules; Save stays off until all are
 * right. A save OVH refuses keeps what was typed and says why. A reset asks first, saying how
 * many records go; libovh keeps a snapshot before sending it and reloads the zone after, so the
 * zone editor showing the same zone follows.
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <glib/gi18n.h>

#include "domaine-zone-settings-dialog.h"
#include "ovh-error.h"

struct _DomaineZoneSettingsDialog
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkSpinner *spinner;
  AdwPreferencesGroup *error_group;
  GtkLabel *error_label;
  AdwActionRow *server_row;
  AdwActionRow *serial_row;
  AdwEntryRow *ttl_row;
  AdwActionRow *ttl_error_row;
  AdwEntryRow *refresh_row;
  AdwActionRow *refresh_error_row;
  AdwEntryRow *expire_row;
  AdwActionRow *expire_error_row;
  AdwEntryRow *nx_domain_ttl_row;
  AdwActionRow *nx_domain_ttl_error_row;
  AdwEntryRow *email_row;
  AdwActionRow *email_error_row;

  OvhChangeset *changeset;
  OvhZone *zone;
  char *snapshot_account;
  GCancellable *cancellable;

  OvhZoneSoa *soa; /* as OVH last sent it */
  char *field_errors[OVH_ZONE_SOA_N_FIELDS];
  char *error;
  AdwMessageDialog *confirmation;
  GtkCheckButton *minimized_check;
  gboolean loaded;
  gboolean busy;
  gboolean valid;
  gboolean filling; /* the fields are being set from OVH's SOA */
};

G_DEFINE_FINAL_TYPE (DomaineZoneSettingsDialog, domaine_zone_settings_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CHANGESET,
  PROP_SNAPSHOT_ACCOUNT,
  PROP_LOADED,
  PROP_BUSY,
  PROP_VALID,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static AdwEntryRow *
field_row (DomaineZoneSettingsDialog *self, OvhZoneSoaField field)
{
  AdwEntryRow *rows[] = { self->ttl_row, self->refresh_row, self->expire_row,
                          self->nx_domain_ttl_row, self->email_row };

  return rows[field];
}

static AdwActionRow *
field_error_row (DomaineZoneSettingsDialog *self, OvhZoneSoaField field)
{
  AdwActionRow *rows[] = { self->ttl_error_row, self->refresh_error_row, self->expire_error_row,
                           self->nx_domain_ttl_error_row, self->email_error_row };

  return rows[field];
}

/* State ------------------------------------------------------------------------------------ */

static void
set_error (DomaineZoneSettingsDialog *self, const char *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), error != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_error_from (DomaineZoneSettingsDialog *self, const GError *error)
{
  g_autofree char *message = ovh_error_dup_display_message (error);

  set_error (self, message);
}

/* The fields as typed; FALSE when a number field does not hold a whole number. */
static OvhZoneSoa *
read_fields (DomaineZoneSettingsDialog *self, gboolean not_numbers[OVH_ZONE_SOA_N_FIELDS])
{
  OvhZoneSoa *soa = self->soa != NULL ? ovh_zone_soa_copy (self->soa) : ovh_zone_soa_new ();
  guint *numbers[] = { &soa->ttl, &soa->refresh, &soa->expire, &soa->nx_domain_ttl };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text
          = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row (self, i)))));
      guint64 number;

      not_numbers[i] = !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &number, NULL);
      *numbers[i] = not_numbers[i] ? 0 : (guint) number;
    }
  not_numbers[OVH_ZONE_SOA_FIELD_EMAIL] = FALSE;
  g_free (soa->email);
  soa->email = g_strstrip (
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row (self, OVH_ZONE_SOA_FIELD_EMAIL)))));
  return soa;
}

static gboolean
soa_settings_equal (const OvhZoneSoa *a, const OvhZoneSoa *b)
{
  return a->ttl == b->ttl && a->refresh == b->refresh && a->expire == b->expire
         && a->nx_domain_ttl == b->nx_domain_ttl && g_strcmp0 (a->email, b->email) == 0;
}

static void
update_state (DomaineZoneSettingsDialog *self)
{
  gboolean not_numbers[OVH_ZONE_SOA_N_FIELDS];
  g_autoptr (OvhZoneSoa) typed = read_fields (self, not_numbers);
  gboolean valid = self->loaded;
  gboolean changed = self->soa != NULL && !soa_settings_equal (typed, self->soa);

  for (guint i = 0; i < OVH_ZONE_SOA_N_FIELDS; i++)
    {
      AdwActionRow *error_row = field_error_row (self, i);
      char *message = not_numbers[i] ? g_strdup (_ ("Enter a whole number of seconds"))
                                     : ovh_zone_soa_check_field (typed, i);

      g_free (self->field_errors[i]);
      self->field_errors[i] = message;
      valid = valid && message == NULL;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (error_row),
                                     message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (error_row), self->loaded && message != NULL);
      if (self->loaded && message != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (field_row (self, i)), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (field_row (self, i)), "error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.save",
                                 valid && changed && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "settings.reset", self->loaded && !self->busy);
  for (guint i = 0; i < OVH_ZONE_SOA_N_FIELDS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (field_row (self, i)), self->loaded && !self->busy);

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
set_busy (DomaineZoneSettingsDialog *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
field_changed_cb (DomaineZoneSettingsDialog *self)
{
  if (!self->filling)
    update_state (self);
}

/* Shows OVH's SOA in the fields. */
static void
fill (DomaineZoneSettingsDialog *self, OvhZoneSoa *soa)
{
  guint numbers[] = { soa->ttl, soa->refresh, soa->expire, soa->nx_domain_ttl };
  g_autofree char *serial = g_strdup_printf ("%" G_GUINT64_FORMAT, soa->serial);

  g_clear_pointer (&self->soa, ovh_zone_soa_free);
  self->soa = soa;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", numbers[i]);

      gtk_editable_set_text (GTK_EDITABLE (field_row (self, i)), text);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), soa->email != NULL ? soa->email : "");
  self->filling = FALSE;

  adw_action_row_set_subtitle (self->server_row, soa->server != NULL ? soa->server : "");
  adw_action_row_set_subtitle (self->serial_row, serial);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  update_state (self);
}

/* Reading ---------------------------------------------------------------------------------- */

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneSettingsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  OvhZoneSoa *soa;

  soa = ovh_zone_fetch_soa_finish (OVH_ZONE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (soa == NULL)
    set_error_from (self, error);
  else
    fill (self, soa);
  set_busy (self, FALSE);
}

static void
fetch (DomaineZoneSettingsDialog *self)
{
  set_busy (self, TRUE);
  ovh_zone_fetch_soa_async (self->zone, self->cancellable, fetched_cb, g_object_ref (self));
}

/* Saving ----------------------------------------------------------------------------------- */

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneSettingsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  OvhZoneSoa *soa;

  soa = ovh_zone_update_soa_finish (OVH_ZONE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (soa == NULL)
    /* What was typed stays, to be corrected and saved again. */
    set_error_from (self, error);
  else
    {
      set_error (self, NULL);
      fill (self, soa);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_ ("Zone settings saved")));
    }
  set_busy (self, FALSE);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (widget);
  gboolean not_numbers[OVH_ZONE_SOA_N_FIELDS];
  g_autoptr (OvhZoneSoa) typed = NULL;

  if (!self->valid || self->busy)
    return;
  typed = read_fields (self, not_numbers);
  set_busy (self, TRUE);
  ovh_zone_update_soa_async (self->zone, typed, self->cancellable, saved_cb, g_object_ref (self));
}

/* Resetting -------------------------------------------------------------------------------- */

static void
reset_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneSettingsDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_zone_reset_finish (OVH_ZONE (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_error_from (self, error);
      set_busy (self, FALSE);
      return;
    }
  set_error (self, NULL);
  adw_toast_overlay_add_toast (
      self->toast_overlay,
      adw_toast_new (_ ("Zone reset. The previous records are in the History window.")));
  /* The reset gave the zone a new serial. */
  set_busy (self, FALSE);
  fetch (self);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char *response,
                     DomaineZoneSettingsDialog *self)
{
  gboolean minimized = gtk_check_button_get_active (self->minimized_check);

  self->confirmation = NULL;
  self->minimized_check = NULL;
  if (!g_str_equal (response, "reset") || self->busy)
    return;
  set_busy (self, TRUE);
  ovh_zone_reset_async (self->zone, minimized ? OVH_ZONE_RESET_MINIMIZED : OVH_ZONE_RESET_DEFAULT,
                        NULL, self->snapshot_account, self->cancellable, reset_cb,
                        g_object_ref (self));
}

static void
reset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (widget);
  guint n_records = ovh_zone_get_n_records (self->zone);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *check;

  if (self->busy || self->confirmation != NULL)
    return;
  if (ovh_changeset_get_n_pending (self->changeset) > 0)
    {
      set_error (self, _ ("Publish or discard the pending changes before resetting the zone"));
      return;
    }

  body = g_strdup_printf (
      /* Translators: a number of records, then a zone */
      ngettext ("The %u record of %s will be replaced by OVHcloud’s default records, published "
                "at once. A copy is kept first: the History window can bring it back.",
                "All %u records of %s will be replaced by OVHcloud’s default records, "
                "published at once. A copy is kept first: the History window can bring them "
                "back.",
                n_records),
      n_records, ovh_zone_get_name (self->zone));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Reset the Zone?"), body);
  check = gtk_check_button_new_with_mnemonic (_ ("_Keep only the name servers"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), check);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "reset",
                                    _ ("_Reset"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirmation = ADW_MESSAGE_DIALOG (dialog);
  self->minimized_check = GTK_CHECK_BUTTON (check);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject ---------------------------------------------------------------------------------- */

GtkWidget *
domaine_zone_settings_dialog_new (OvhChangeset *changeset, const char *snapshot_account)
{
  g_return_val_if_fail (OVH_IS_CHANGESET (changeset), NULL);

  return g_object_new (DOMAINE_TYPE_ZONE_SETTINGS_DIALOG, "changeset", changeset,
                       "snapshot-account", snapshot_account, NULL);
}

gboolean
domaine_zone_settings_dialog_get_loaded (DomaineZoneSettingsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), FALSE);
  return self->loaded;
}

gboolean
domaine_zone_settings_dialog_get_busy (DomaineZoneSettingsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), FALSE);
  return self->busy;
}

gboolean
domaine_zone_settings_dialog_get_valid (DomaineZoneSettingsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), FALSE);
  return self->valid;
}

const char *
domaine_zone_settings_dialog_get_error (DomaineZoneSettingsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), NULL);
  return self->error;
}

const OvhZoneSoa *
domaine_zone_settings_dialog_get_soa (DomaineZoneSettingsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), NULL);
  return self->soa;
}

const char *
domaine_zone_settings_dialog_get_field_error (DomaineZoneSettingsDialog *self,
                                              OvhZoneSoaField field)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), NULL);
  g_return_val_if_fail (field < OVH_ZONE_SOA_N_FIELDS, NULL);
  return self->field_errors[field];
}

AdwMessageDialog *
domaine_zone_settings_dialog_get_confirmation (DomaineZoneSettingsDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_SETTINGS_DIALOG (self), NULL);
  return self->confirmation;
}

static void
domaine_zone_settings_dialog_constructed (GObject *object)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (object);

  G_OBJECT_CLASS (domaine_zone_settings_dialog_parent_class)->constructed (object);

  self->zone = g_object_ref (ovh_changeset_get_zone (self->changeset));
  adw_window_title_set_subtitle (self->window_title, ovh_zone_get_name (self->zone));
  update_state (self);
  fetch (self);
}

static void
domaine_zone_settings_dialog_dispose (GObject *object)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_ZONE_SETTINGS_DIALOG);
  G_OBJECT_CLASS (domaine_zone_settings_dialog_parent_class)->dispose (object);
}

static void
domaine_zone_settings_dialog_finalize (GObject *object)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->changeset);
  g_clear_object (&self->zone);
  g_free (self->snapshot_account);
  g_clear_pointer (&self->soa, ovh_zone_soa_free);
  for (guint i = 0; i < OVH_ZONE_SOA_N_FIELDS; i++)
    g_free (self->field_errors[i]);
  g_free (self->error);
  G_OBJECT_CLASS (domaine_zone_settings_dialog_parent_class)->finalize (object);
}

static void
domaine_zone_settings_dialog_get_property (GObject *object,
                                           guint prop_id,
                                           GValue *value,
                                           GParamSpec *pspec)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_SNAPSHOT_ACCOUNT:
      g_value_set_string (value, self->snapshot_account);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_settings_dialog_set_property (GObject *object,
                                           guint prop_id,
                                           const GValue *value,
                                           GParamSpec *pspec)
{
  DomaineZoneSettingsDialog *self = DOMAINE_ZONE_SETTINGS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CHANGESET:
      self->changeset = g_value_dup_object (value);
      break;
    case PROP_SNAPSHOT_ACCOUNT:
      self->snapshot_account = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_settings_dialog_class_init (DomaineZoneSettingsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = domaine_zone_settings_dialog_constructed;
  object_class->dispose = domaine_zone_settings_dialog_dispose;
  object_class->finalize = domaine_zone_settings_dialog_finalize;
  object_class->get_property = domaine_zone_settings_dialog_get_property;
  object_class->set_property = domaine_zone_settings_dialog_set_property;

  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT_ACCOUNT]
      = g_param_spec_string ("snapshot-account", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, read_only);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_VALID] = g_param_spec_boolean ("valid", NULL, NULL, FALSE, read_only);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/zone/domaine-zone-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, serial_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, ttl_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, ttl_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, refresh_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, refresh_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, expire_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, expire_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, nx_domain_ttl_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog,
                                        nx_domain_ttl_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneSettingsDialog, email_error_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "settings.reset", NULL, reset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "settings.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_zone_settings_dialog_init (DomaineZoneSettingsDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
