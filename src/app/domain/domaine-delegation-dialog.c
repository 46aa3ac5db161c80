/* domaine-delegation-dialog.c: choosing a domain's name servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-delegation-dialog.h"
#include "ovh-error.h"

struct _DomaineDelegationDialog
{
  AdwWindow parent_instance;

  GtkWidget *save_button;
  GtkSpinner *spinner;
  GtkWidget *content_box;
  GtkLabel *error_label;
  AdwPreferencesGroup *choice_group;
  GtkCheckButton *hosted_check;
  GtkCheckButton *external_check;
  AdwPreferencesGroup *list_group;
  GtkLabel *explanation_label;

  OvhClient *client;
  OvhDelegation *delegation;
  GCancellable *cancellable;
  GPtrArray *entry_rows; /* AdwEntryRow*, in the list group */
  char *error;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (DomaineDelegationDialog, domaine_delegation_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_ERROR,
  N_PROPS
};

enum
{
  SIGNAL_SUBMITTED,
  SIGNAL_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
wants_hosted (DomaineDelegationDialog *self)
{
  return gtk_check_button_get_active (self->hosted_check);
}

static void
set_error (DomaineDelegationDialog *self, const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* The rows as name servers ("ns1.example.net" or "ns1.example.net 192.0.2.1"), empty rows
 * left out; NULL with error for one that is not a name server. */
static GPtrArray *
typed_name_servers (DomaineDelegationDialog *self, GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_name_server_free);

  for (guint i = 0; i < self->entry_rows->len; i++)
    {
      g_autofree char *text
          = g_strstrip (g_strdup (gtk_editable_get_text (g_ptr_array_index (self->entry_rows, i))));
      g_auto (GStrv) parts = NULL;
      g_autofree char *joined = NULL;
      OvhNameServer *name_server;

      if (text[0] == '\0')
        continue;
      parts = g_strsplit_set (text, " \t=", 2);
      joined = parts[1] != NULL ? g_strdup_printf ("%s=%s", parts[0], g_strstrip (parts[1]))
                                : g_strdup (parts[0]);
      name_server = ovh_name_server_parse (joined, error);
      if (name_server == NULL)
        return NULL;
      g_ptr_array_add (list, name_server);
    }
  return g_steal_pointer (&list);
}

static gboolean
same_as_now (DomaineDelegationDialog *self, GPtrArray *list)
{
  GPtrArray *now = ovh_delegation_get_name_servers (self->delegation);

  if (wants_hosted (self) || list == NULL || ovh_delegation_is_hosted (self->delegation)
      || list->len != now->len)
    return wants_hosted (self) && ovh_delegation_is_hosted (self->delegation);
  for (guint i = 0; i < list->len; i++)
    {
      OvhNameServer *a = g_ptr_array_index (list, i);
      gboolean found = FALSE;

      for (guint j = 0; j < now->len && !found; j++)
        {
          OvhNameServer *b = g_ptr_array_index (now, j);

          found = g_ascii_strcasecmp (a->host, b->host) == 0 && g_strcmp0 (a->ip, b->ip) == 0;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
update (DomaineDelegationDialog *self)
{
  const char *domain = ovh_delegation_get_domain (self->delegation);
  gboolean hosted = wants_hosted (self);
  g_autoptr (GPtrArray) list = typed_name_servers (self, NULL);
  g_autofree char *explanation = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->list_group), !hosted);
  gtk_widget_set_sensitive (self->content_box, !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegation-dialog.save",
                                 !self->busy && !same_as_now (self, list));

  if (hosted)
    explanation = g_strdup_printf (
        /* Translators: a domain */
        _ ("With OVHcloud’s name servers, the DNS zone managed here answers for %s once the "
           "change reaches the registry; resolvers can take up to 48 hours to follow."),
        domain);
  else
    explanation = g_strdup_printf (
        /* Translators: a domain */
        _ ("With other name servers, the DNS zone managed here is no longer served once the "
           "change reaches the registry; it can take up to 48 hours. Copy the records %s needs "
           "to the new name servers first. A name server inside %s needs its IP address after "
           "its name, as in “ns1.%s 192.0.2.1”."),
        domain, domain, domain);
  gtk_label_set_label (self->explanation_label, explanation);
}

static void
set_busy (DomaineDelegationDialog *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* --- the list ---------------------------------------------------------------------------- */

static void
renumber (DomaineDelegationDialog *self)
{
  for (guint i = 0; i < self->entry_rows->len; i++)
    {
      /* Translators: the title of the n-th row of the list of name servers */
      g_autofree char *title = g_strdup_printf (_ ("Name server %u"), i + 1);

      adw_preferences_row_set_title (g_ptr_array_index (self->entry_rows, i), title);
    }
}

static void
entry_changed_cb (GtkEditable *editable, DomaineDelegationDialog *self)
{
  update (self);
}

static void
remove_clicked_cb (GtkButton *button, DomaineDelegationDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  g_ptr_array_remove (self->entry_rows, row);
  adw_preferences_group_remove (self->list_group, row);
  renumber (self);
  update (self);
}

static GtkWidget *
add_row (DomaineDelegationDialog *self, const char *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove This Name Server"));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  adw_preferences_group_add (self->list_group, row);
  g_ptr_array_add (self->entry_rows, row);
  renumber (self);
  return row;
}

static void
clear_rows (DomaineDelegationDialog *self)
{
  for (guint i = 0; i < self->entry_rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->entry_rows, i));
  g_ptr_array_set_size (self->entry_rows, 0);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineDelegationDialog *self = DOMAINE_DELEGATION_DIALOG (widget);

  gtk_widget_grab_focus (add_row (self, NULL));
  update (self);
}

/* --- sending ----------------------------------------------------------------------------- */

static void
sent (DomaineDelegationDialog *self, gint64 task_id, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    {
      set_error (self, _ ("This account’s key may not change the name servers. Sign in again "
                          "with full access to change them here."));
      g_signal_emit (self, signals[SIGNAL_REFUSED], 0);
      return;
    }
  if (error != NULL)
    {
      /* What was typed stays, to be corrected and sent again. */
      g_autofree char *message = ovh_error_dup_display_message (error);

      set_error (self, message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SUBMITTED], 0, task_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sent_hosted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDelegationDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 task_id = ovh_delegation_set_hosted_finish (OVH_CLIENT (source), result, &error);

  sent (self, task_id, error);
}

static void
sent_external_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDelegationDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 task_id = ovh_delegation_set_external_finish (OVH_CLIENT (source), result, &error);

  sent (self, task_id, error);
}

static void
send (DomaineDelegationDialog *self)
{
  const char *domain = ovh_delegation_get_domain (self->delegation);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  set_error (self, NULL);
  set_busy (self, TRUE);
  if (wants_hosted (self))
    {
      ovh_delegation_set_hosted_async (self->client, domain, self->cancellable, sent_hosted_cb,
                                       g_object_ref (self));
      return;
    }
  list = typed_name_servers (self, &error);
  g_assert (list != NULL); /* checked before asking */
  ovh_delegation_set_external_async (self->client, domain, list, self->cancellable,
                                     sent_external_cb, g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, DomaineDelegationDialog *self)
{
  if (g_str_equal (response, "change") && !self->busy)
    send (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineDelegationDialog *self = DOMAINE_DELEGATION_DIALOG (widget);
  const char *domain = ovh_delegation_get_domain (self->delegation);
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gboolean hosted = wants_hosted (self);

  if (!hosted)
    {
      list = typed_name_servers (self, &error);
      if (list != NULL)
        ovh_name_servers_validate (list, domain, &error);
      if (error != NULL)
        {
          set_error (self, error->message);
          return;
        }
    }
  set_error (self, NULL);

  if (hosted)
    body = g_strdup_printf (
        /* Translators: a domain */
        _ ("OVHcloud tells the registry to send resolvers to its own name servers: the DNS zone "
           "managed here then answers for %s. Resolvers can take up to 48 hours to follow."),
        domain);
  else
    body = g_strdup_printf (
        /* Translators: a domain */
        _ ("OVHcloud tells the registry to send resolvers to these name servers: the DNS zone "
           "managed here is no longer served for %s once the change reaches the registry, and "
           "resolvers can take up to 48 hours to follow. The new name servers must already "
           "serve the domain’s records."),
        domain);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Change the Name Servers?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "change",
                                    _ ("C_hange Name Servers"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              hosted ? ADW_RESPONSE_SUGGESTED
                                                     : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choice_toggled_cb (GtkCheckButton *button, DomaineDelegationDialog *self)
{
  if (!wants_hosted (self) && self->entry_rows->len == 0)
    {
      add_row (self, NULL);
      add_row (self, NULL);
    }
  set_error (self, NULL);
  update (self);
}

/* --- public ------------------------------------------------------------------------------ */

GtkWidget *
domaine_delegation_dialog_new (OvhClient *client, OvhDelegation *delegation)
{
  DomaineDelegationDialog *self;
  GPtrArray *name_servers;
  g_autofree char *title = NULL;

  g_return_val_if_fail (OVH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (OVH_IS_DELEGATION (delegation), NULL);

  self = g_object_new (DOMAINE_TYPE_DELEGATION_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->delegation = g_object_ref (delegation);
  /* Translators: a domain */
  title = g_strdup_printf (_ ("Who Answers for %s"), ovh_delegation_get_domain (delegation));
  adw_preferences_group_set_title (self->choice_group, title);

  name_servers = ovh_delegation_get_name_servers (delegation);
  if (!ovh_delegation_is_hosted (delegation))
    for (guint i = 0; i < name_servers->len; i++)
      {
        OvhNameServer *name_server = g_ptr_array_index (name_servers, i);
        g_autofree char *text = name_server->ip != NULL
                                    ? g_strdup_printf ("%s %s", name_server->host, name_server->ip)
                                    : g_strdup (name_server->host);

        add_row (self, text);
      }
  g_signal_handlers_block_by_func (self->hosted_check, choice_toggled_cb, self);
  g_signal_handlers_block_by_func (self->external_check, choice_toggled_cb, self);
  gtk_check_button_set_active (
      ovh_delegation_is_hosted (delegation) ? self->hosted_check : self->external_check, TRUE);
  g_signal_handlers_unblock_by_func (self->hosted_check, choice_toggled_cb, self);
  g_signal_handlers_unblock_by_func (self->external_check, choice_toggled_cb, self);
  update (self);
  return GTK_WIDGET (self);
}

void
domaine_delegation_dialog_set_hosted (DomaineDelegationDialog *self, gboolean hosted)
{
  g_return_if_fail (DOMAINE_IS_DELEGATION_DIALOG (self));
  gtk_check_button_set_active (hosted ? self->hosted_check : self->external_check, TRUE);
}

void
domaine_delegation_dialog_set_name_servers (DomaineDelegationDialog *self, const char *const *texts)
{
  g_return_if_fail (DOMAINE_IS_DELEGATION_DIALOG (self));

  clear_rows (self);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    add_row (self, texts[i]);
  update (self);
}

gboolean
domaine_delegation_dialog_get_busy (DomaineDelegationDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_DELEGATION_DIALOG (self), FALSE);
  return self->busy;
}

const char *
domaine_delegation_dialog_get_error (DomaineDelegationDialog *self)
{
  g_return_val_if_fail (DOMAINE_IS_DELEGATION_DIALOG (self), NULL);
  return self->error;
}

/* --- GObject ----------------------------------------------------------------------------- */

static void
domaine_delegation_dialog_dispose (GObject *object)
{
  DomaineDelegationDialog *self = DOMAINE_DELEGATION_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->delegation);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_DELEGATION_DIALOG);

  G_OBJECT_CLASS (domaine_delegation_dialog_parent_class)->dispose (object);
}

static void
domaine_delegation_dialog_finalize (GObject *object)
{
  DomaineDelegationDialog *self = DOMAINE_DELEGATION_DIALOG (object);

  g_ptr_array_unref (self->entry_rows);
  g_free (self->error);

  G_OBJECT_CLASS (domaine_delegation_dialog_parent_class)->finalize (object);
}

static void
domaine_delegation_dialog_get_property (GObject *object,
                                        guint prop_id,
                                        GValue *value,
                                        GParamSpec *pspec)
{
  DomaineDelegationDialog *self = DOMAINE_DELEGATION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_delegation_dialog_class_init (DomaineDelegationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = domaine_delegation_dialog_dispose;
  object_class->finalize = domaine_delegation_dialog_finalize;
  object_class->get_property = domaine_delegation_dialog_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SUBMITTED]
      = g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/domain/domaine-delegation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, choice_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, hosted_check);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, external_check);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDelegationDialog, explanation_label);
  gtk_widget_class_install_action (widget_class, "delegation-dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "delegation-dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
domaine_delegation_dialog_init (DomaineDelegationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entry_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  /* Both: GTK 4.8 does not always tell the button a group turns off. */
  g_signal_connect_object (self->hosted_check, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
  g_signal_connect_object (self->external_check, "toggled", G_CALLBACK (choice_toggled_cb), self,
                           0);
}
