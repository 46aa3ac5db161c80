/* domaine-dynhost-page.c: a zone's DynHost records and logins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Changes are sent at once (DynHost records are not staged with the zone's records: OVHcloud
 * keeps them apart), then both lists are read again. What the user typed stays in the forms
 * until a change succeeds. Passwords are handed to libovh and dropped; a generated one is
 * shown once, in a dialog.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-dynhost-page.h"
#include "ovh-dynhost.h"

struct _DomaineDynhostPage
{
  AdwBin parent_instance;

  OvhZone *zone;
  GCancellable *cancellable;
  guint n_busy;
  gint64 editing_id; /* -1: the record form adds */
  GPtrArray *rows;   /* the rows listed, removed on each reload */

  AdwPreferencesGroup *records_group;
  AdwEntryRow *record_subdomain_row;
  AdwEntryRow *record_ip_row;
  GtkLabel *record_error;
  GtkButton *record_button;
  GtkButton *record_cancel_button;
  AdwPreferencesGroup *logins_group;
  AdwEntryRow *login_suffix_row;
  AdwEntryRow *login_subdomain_row;
  AdwPasswordEntryRow *login_password_row;
  GtkLabel *password_hint;
  GtkLabel *login_error;
  GtkButton *login_button;
  GtkButton *generate_button;
  char *generated;     /* the password Generate put in the entry, to show once */
  char *pending_login; /* New Password: the login and password to show once it is set */
  char *pending_password;
};

G_DEFINE_FINAL_TYPE (DomaineDynhostPage, domaine_dynhost_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ZONE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (DomaineDynhostPage *self);

/* Requests ------------------------------------------------------------------------------------ */

static OvhClient *
client (DomaineDynhostPage *self)
{
  return ovh_zone_get_client (self->zone);
}

static const char *
zone_name (DomaineDynhostPage *self)
{
  return ovh_zone_get_name (self->zone);
}

static void
busy_changed (DomaineDynhostPage *self, int delta)
{
  gboolean was_busy = self->n_busy > 0;

  self->n_busy += delta;
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), self->n_busy == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_button), self->n_busy == 0);
  if (was_busy != (self->n_busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (GtkLabel *label, const GError *error)
{
  gtk_label_set_text (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

/* A finished request: FALSE when the page went away or moved to another zone meanwhile. */
static gboolean
request_done (DomaineDynhostPage *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  busy_changed (self, -1);
  return TRUE;
}

static void
clear_rows (DomaineDynhostPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
row_button (const char *icon_name, const char *label, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

/* Confirmation and the password dialog -------------------------------------------------------- */

typedef void (*ConfirmedFunc) (DomaineDynhostPage *self, GObject *item);

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  DomaineDynhostPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  ConfirmedFunc func = user_data;

  if (g_str_equal (response, "delete"))
    func (self, g_object_get_data (G_OBJECT (dialog), "item"));
}

static void
confirm_delete (DomaineDynhostPage *self, const char *heading, GObject *item, ConfirmedFunc func)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "delete",
                                    _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), func);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
password_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  if (g_str_equal (response, "copy"))
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)),
                            g_object_get_data (G_OBJECT (dialog), "password"));
}

/* The one time the password is shown. */
static void
show_password (DomaineDynhostPage *self, const char *login, const char *password)
{
  g_autofree char *heading = g_strdup_printf (_ ("Password of %s"), login);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, NULL);
  GtkWidget *label = gtk_label_new (password);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _ ("Copy it into the router now: Domaine does not keep it and "
                                  "cannot show it again."));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Password"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"), "copy",
                                    _ ("C_opy and Close"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  g_object_set_data_full (G_OBJECT (dialog), "password", g_strdup (password), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (password_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Records ------------------------------------------------------------------------------------- */

static void
set_editing (DomaineDynhostPage *self, OvhDynHostRecord *record)
{
  self->editing_id = record != NULL ? ovh_dynhost_record_get_id (record) : -1;
  gtk_editable_set_text (GTK_EDITABLE (self->record_subdomain_row),
                         record != NULL ? ovh_dynhost_record_get_subdomain (record) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->record_ip_row),
                         record != NULL ? ovh_dynhost_record_get_ip (record) : "");
  gtk_button_set_label (self->record_button,
                        record != NULL ? _ ("_Save Record") : _ ("_Add Record"));
  gtk_widget_set_visible (GTK_WIDGET (self->record_cancel_button), record != NULL);
  show_error (self->record_error, NULL);
}

static void
edit_clicked_cb (GtkButton *button, DomaineDynhostPage *self)
{
  set_editing (self, g_object_get_data (G_OBJECT (button), "record"));
  gtk_widget_grab_focus (GTK_WIDGET (self->record_ip_row));
}

static void
record_cancel_clicked_cb (DomaineDynhostPage *self)
{
  set_editing (self, NULL);
}

static void
record_changed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDynhostPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == ovh_dynhost_create_record_async)
    {
      g_autoptr (OvhDynHostRecord) record
          = ovh_dynhost_create_record_finish (OVH_CLIENT (source), result, &error);
    }
  else
    ovh_dynhost_change_finish (OVH_CLIENT (source), result, &error);
  if (!request_done (self, error))
    return;
  show_error (self->record_error, error);
  if (error == NULL)
    {
      set_editing (self, NULL);
      reload (self);
    }
}

static void
record_clicked_cb (DomaineDynhostPage *self)
{
  g_autofree char *subdomain
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->record_subdomain_row))));
  g_autofree char *ip
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->record_ip_row))));
  g_autoptr (GError) error = NULL;

  if (self->zone == NULL || self->n_busy > 0)
    return;
  if (g_str_equal (subdomain, "@"))
    subdomain[0] = '\0';
  if (!ovh_dynhost_check_subdomain (subdomain, FALSE, &error) || !ovh_dynhost_check_ip (ip, &error))
    {
      show_error (self->record_error, error);
      return;
    }
  busy_changed (self, +1);
  if (self->editing_id >= 0)
    ovh_dynhost_update_record_async (client (self), zone_name (self), self->editing_id, subdomain,
                                     ip, self->cancellable, record_changed_cb, g_object_ref (self));
  else
    ovh_dynhost_create_record_async (client (self), zone_name (self), subdomain, ip,
                                     self->cancellable, record_changed_cb, g_object_ref (self));
}

static void
delete_record (DomaineDynhostPage *self, GObject *item)
{
  busy_changed (self, +1);
  ovh_dynhost_delete_record_async (client (self), zone_name (self),
                                   ovh_dynhost_record_get_id (OVH_DYNHOST_RECORD (item)),
                                   self->cancellable, record_changed_cb, g_object_ref (self));
}

static void
delete_record_clicked_cb (GtkButton *button, DomaineDynhostPage *self)
{
  OvhDynHostRecord *record = g_object_get_data (G_OBJECT (button), "record");
  const char *subdomain = ovh_dynhost_record_get_subdomain (record);
  g_autofree char *heading
      = g_strdup_printf (_ ("Delete the DynHost record of %s?"), subdomain[0] ? subdomain : "@");

  confirm_delete (self, heading, G_OBJECT (record), delete_record);
}

static void
add_record_row (DomaineDynhostPage *self, OvhDynHostRecord *record)
{
  const char *subdomain = ovh_dynhost_record_get_subdomain (record);
  const char *name = subdomain[0] != '\0' ? subdomain : "@";
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *edit_label = g_strdup_printf (_ ("Edit %s"), name);
  g_autofree char *delete_label = g_strdup_printf (_ ("Delete %s"), name);
  GtkWidget *edit = row_button ("document-edit-symbolic", edit_label, _ ("Edit"));
  GtkWidget *delete = row_button ("user-trash-symbolic", delete_label, _ ("Delete"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ovh_dynhost_record_get_ip (record));
  g_object_set_data_full (G_OBJECT (edit), "record", g_object_ref (record), g_object_unref);
  g_object_set_data_full (G_OBJECT (delete), "record", g_object_ref (record), g_object_unref);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_record_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_preferences_group_add (self->records_group, row);
  g_ptr_array_add (self->rows, row);
}

/* Logins -------------------------------------------------------------------------------------- */

static void
update_password_hint (DomaineDynhostPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->login_password_row));
  glong length = g_utf8_strlen (password, -1);
  g_autofree char *hint = NULL;

  if (length == 0)
    hint = g_strdup_printf (_ ("%d to %d characters, or Generate one."), OVH_DYNHOST_PASSWORD_MIN,
                            OVH_DYNHOST_PASSWORD_MAX);
  else
    hint = g_strdup_printf (
        ngettext ("%ld character (%d to %d).", "%ld characters (%d to %d).", (gulong) length),
        length, OVH_DYNHOST_PASSWORD_MIN, OVH_DYNHOST_PASSWORD_MAX);
  gtk_label_set_text (self->password_hint, hint);
}

static void
password_changed_cb (DomaineDynhostPage *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->login_password_row));

  /* Typed over: that password is the user's, not one to show. */
  if (self->generated != NULL && !g_str_equal (password, self->generated))
    g_clear_pointer (&self->generated, g_free);
  update_password_hint (self);
}

static void
generate_clicked_cb (DomaineDynhostPage *self)
{
  g_autofree char *password = ovh_dynhost_generate_password ();

  gtk_editable_set_text (GTK_EDITABLE (self->login_password_row), password);
  g_free (self->generated);
  self->generated = g_steal_pointer (&password);
  update_password_hint (self);
}

static void
login_created_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDynhostPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDynHostLogin) login
      = ovh_dynhost_create_login_finish (OVH_CLIENT (source), result, &error);

  if (!request_done (self, error))
    return;
  show_error (self->login_error, error);
  if (login == NULL)
    return;
  if (self->generated != NULL)
    show_password (self, ovh_dynhost_login_get_login (login), self->generated);
  g_clear_pointer (&self->generated, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->login_suffix_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->login_subdomain_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->login_password_row), "");
  reload (self);
}

static void
login_clicked_cb (DomaineDynhostPage *self)
{
  g_autofree char *suffix
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_suffix_row))));
  g_autofree char *subdomain
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_subdomain_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->login_password_row));
  g_autoptr (GError) error = NULL;

  if (self->zone == NULL || self->n_busy > 0)
    return;
  if (!ovh_dynhost_check_login_suffix (suffix, &error)
      || !ovh_dynhost_check_subdomain (subdomain, TRUE, &error)
      || !ovh_dynhost_check_password (password, &error))
    {
      show_error (self->login_error, error);
      return;
    }
  busy_changed (self, +1);
  ovh_dynhost_create_login_async (client (self), zone_name (self), suffix, subdomain, password,
                                  self->cancellable, login_created_cb, g_object_ref (self));
}

static void
login_changed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDynhostPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *login = g_steal_pointer (&self->pending_login);
  g_autofree char *password = g_steal_pointer (&self->pending_password);

  ovh_dynhost_change_finish (OVH_CLIENT (source), result, &error);
  if (!request_done (self, error))
    return;
  show_error (self->login_error, error);
  if (error == NULL && password != NULL)
    show_password (self, login, password);
  if (error == NULL)
    reload (self);
}

/* A new password, generated: the only way to learn it is the dialog that follows. */
static void
new_password_clicked_cb (GtkButton *button, DomaineDynhostPage *self)
{
  OvhDynHostLogin *login = g_object_get_data (G_OBJECT (button), "login");

  if (self->n_busy > 0)
    return;
  busy_changed (self, +1);
  g_free (self->pending_login);
  g_free (self->pending_password);
  self->pending_login = g_strdup (ovh_dynhost_login_get_login (login));
  self->pending_password = ovh_dynhost_generate_password ();
  ovh_dynhost_change_password_async (client (self), zone_name (self), self->pending_login,
                                     self->pending_password, self->cancellable, login_changed_cb,
                                     g_object_ref (self));
}

static void
delete_login (DomaineDynhostPage *self, GObject *item)
{
  busy_changed (self, +1);
  ovh_dynhost_delete_login_async (client (self), zone_name (self),
                                  ovh_dynhost_login_get_login (OVH_DYNHOST_LOGIN (item)),
                                  self->cancellable, login_changed_cb, g_object_ref (self));
}

static void
delete_login_clicked_cb (GtkButton *button, DomaineDynhostPage *self)
{
  OvhDynHostLogin *login = g_object_get_data (G_OBJECT (button), "login");
  g_autofree char *heading
      = g_strdup_printf (_ ("Delete the DynHost login %s?"), ovh_dynhost_login_get_login (login));

  confirm_delete (self, heading, G_OBJECT (login), delete_login);
}

static void
add_login_row (DomaineDynhostPage *self, OvhDynHostLogin *login)
{
  const char *name = ovh_dynhost_login_get_login (login);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle
      = g_strdup_printf (_ ("May update: %s"), ovh_dynhost_login_get_subdomain (login));
  g_autofree char *password_label = g_strdup_printf (_ ("New password for %s"), name);
  g_autofree char *delete_label = g_strdup_printf (_ ("Delete %s"), name);
  GtkWidget *password = row_button ("dialog-password-symbolic", password_label, _ ("New Password"));
  GtkWidget *delete = row_button ("user-trash-symbolic", delete_label, _ ("Delete"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (password), "login", g_object_ref (login), g_object_unref);
  g_object_set_data_full (G_OBJECT (delete), "login", g_object_ref (login), g_object_unref);
  g_signal_connect (password, "clicked", G_CALLBACK (new_password_clicked_cb), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_login_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), password);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_preferences_group_add (self->logins_group, row);
  g_ptr_array_add (self->rows, row);
}

/* Loading ------------------------------------------------------------------------------------- */

static void
logins_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDynhostPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) logins
      = ovh_dynhost_list_logins_finish (OVH_CLIENT (source), result, &error);

  if (!request_done (self, error))
    return;
  show_error (self->login_error, error);
  for (guint i = 0; logins != NULL && i < logins->len; i++)
    add_login_row (self, g_ptr_array_index (logins, i));
}

static void
records_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDynhostPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records
      = ovh_dynhost_list_records_finish (OVH_CLIENT (source), result, &error);

  if (!request_done (self, error))
    return;
  show_error (self->record_error, error);
  clear_rows (self);
  for (guint i = 0; records != NULL && i < records->len; i++)
    add_record_row (self, g_ptr_array_index (records, i));
  /* The logins after the records: one request at a time, rows in a known order. */
  busy_changed (self, +1);
  ovh_dynhost_list_logins_async (client (self), zone_name (self), self->cancellable,
                                 logins_listed_cb, g_object_ref (self));
}

static void
reload (DomaineDynhostPage *self)
{
  if (self->zone == NULL)
    return;
  busy_changed (self, +1);
  ovh_dynhost_list_records_async (client (self), zone_name (self), self->cancellable,
                                  records_listed_cb, g_object_ref (self));
}

void
domaine_dynhost_page_set_zone (DomaineDynhostPage *self, OvhZone *zone)
{
  g_return_if_fail (DOMAINE_IS_DYNHOST_PAGE (self));
  g_return_if_fail (zone == NULL || OVH_IS_ZONE (zone));

  if (!g_set_object (&self->zone, zone))
    return;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  if (self->n_busy > 0)
    busy_changed (self, -(int) self->n_busy);
  clear_rows (self);
  set_editing (self, NULL);
  show_error (self->login_error, NULL);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

OvhZone *
domaine_dynhost_page_get_zone (DomaineDynhostPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DYNHOST_PAGE (self), NULL);
  return self->zone;
}

gboolean
domaine_dynhost_page_get_busy (DomaineDynhostPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DYNHOST_PAGE (self), FALSE);
  return self->n_busy > 0;
}

/* GObject ------------------------------------------------------------------------------------- */

static void
domaine_dynhost_page_dispose (GObject *object)
{
  DomaineDynhostPage *self = DOMAINE_DYNHOST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->zone);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_DYNHOST_PAGE);
  G_OBJECT_CLASS (domaine_dynhost_page_parent_class)->dispose (object);
}

static void
domaine_dynhost_page_finalize (GObject *object)
{
  DomaineDynhostPage *self = DOMAINE_DYNHOST_PAGE (object);

  g_ptr_array_unref (self->rows);
  g_free (self->generated);
  g_free (self->pending_login);
  g_free (self->pending_password);
  G_OBJECT_CLASS (domaine_dynhost_page_parent_class)->finalize (object);
}

static void
domaine_dynhost_page_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  DomaineDynhostPage *self = DOMAINE_DYNHOST_PAGE (object);

  switch (id)
    {
    case PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
domaine_dynhost_page_set_property (GObject *object,
                                   guint id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  switch (id)
    {
    case PROP_ZONE:
      domaine_dynhost_page_set_zone (DOMAINE_DYNHOST_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
domaine_dynhost_page_class_init (DomaineDynhostPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_dynhost_page_dispose;
  object_class->finalize = domaine_dynhost_page_finalize;
  object_class->get_property = domaine_dynhost_page_get_property;
  object_class->set_property = domaine_dynhost_page_set_property;

  properties[PROP_ZONE]
      = g_param_spec_object ("zone", NULL, NULL, OVH_TYPE_ZONE,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/zone/domaine-dynhost-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, records_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, record_subdomain_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, record_ip_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, record_error);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, record_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, logins_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, login_suffix_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, login_subdomain_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, login_password_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, password_hint);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, login_error);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, login_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDynhostPage, generate_button);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, generate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
}

static void
domaine_dynhost_page_init (DomaineDynhostPage *self)
{
  self->editing_id = -1;
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_password_hint (self);
}
