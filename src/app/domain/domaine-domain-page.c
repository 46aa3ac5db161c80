/* domaine-domain-page.c: one domain: its records (the zone editor) and its registration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-delegation-group.h"
#include "domaine-dnssec-group.h"
#include "domaine-domain-page.h"
#include "domaine-dynhost-page.h"
#include "domaine-format.h"
#include "domaine-redirections-page.h"
#include "domaine-renewal-banner.h"
#include "domaine-renewal-group.h"
#include "domaine-session-banner.h"
#include "domaine-zone-health.h"
#include "ovh-zone.h"

struct _DomaineDomainPage
{
  GtkWidget parent_instance;

  DomaineSession *session;
  OvhDomain *domain;
  GCancellable *cancellable; /* the details of the current domain */
  GSignalGroup *domain_signals;
  gboolean folded;
  gboolean keep_on_close; /* "Keep for Later": close without asking again */

  /* Template children */
  AdwHeaderBar *header_bar;
  GtkWidget *back_button;
  GtkWidget *add_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel *domain_label;
  guint domain_label_idle;
  GtkWidget *menu_button;
  GtkToggleButton *search_button;
  DomaineSessionBanner *session_banner;
  AdwViewStack *view_stack;
  GtkStack *records_stack;
  DomaineZoneEditor *zone_editor;
  AdwViewStackPage *health_page;
  DomaineZoneHealth *zone_health;
  DomaineDnssecGroup *dnssec_group;
  DomaineDynhostPage *dynhost_page;
  AdwViewStackPage *dynhost_view;
  DomaineRedirectionsPage *redirections_page;
  AdwViewStackPage *redirections_view;
  AdwStatusPage *external_page;
  AdwPreferencesGroup *registration_group;
  DomaineRenewalGroup *renewal_group;
  DomaineRenewalBanner *renewal_banner;
  GtkSpinner *details_spinner;
  AdwActionRow *expiry_row;
  AdwActionRow *renewal_row;
  AdwActionRow *state_row;
  AdwActionRow *lock_row;
  DomaineDelegationGroup *delegation_group;
  AdwActionRow *dnssec_row;
  AdwPreferencesGroup *zone_group;
  AdwActionRow *zone_ns_row;
  AdwActionRow *zone_dnssec_row;
  AdwActionRow *anycast_row;
  AdwActionRow *last_update_row;
};

G_DEFINE_FINAL_TYPE (DomaineDomainPage, domaine_domain_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_DOMAIN,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the page shows ----------------------------------------------------------------------- */

static char *
format_date (GDateTime *date)
{
  char *text = domaine_format_date (date);

  return text != NULL ? text : g_strdup (_ ("Unknown"));
}

static char *
join_lines (const char *const *names)
{
  if (names == NULL || names[0] == NULL)
    return g_strdup (_ ("None"));
  return g_strjoinv ("\n", (char **) names);
}

static void
set_subtitle (AdwActionRow *row, const char *subtitle)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, subtitle);
}

static void
set_subtitle_take (AdwActionRow *row, char *subtitle)
{
  set_subtitle (row, subtitle);
  g_free (subtitle);
}

static void
domaine_domain_page_update_details (DomaineDomainPage *self)
{
  OvhDomain *domain = self->domain;
  gboolean registered;
  gboolean has_zone;

  if (domain == NULL)
    return;

  registered = ovh_domain_is_registered (domain);
  has_zone = ovh_domain_has_zone (domain);
  adw_view_switcher_title_set_title (self->switcher_title, ovh_domain_get_name (domain));
  gtk_label_set_label (self->domain_label, ovh_domain_get_name (domain));
  adw_view_switcher_title_set_subtitle (self->switcher_title, ovh_domain_get_caption (domain));

  gtk_widget_set_visible (GTK_WIDGET (self->registration_group), registered);
  gtk_widget_set_visible (GTK_WIDGET (self->zone_group), has_zone);

  if (registered)
    {
      set_subtitle_take (self->expiry_row, format_date (ovh_domain_get_expiration_date (domain)));
      set_subtitle_take (self->renewal_row, domaine_format_renewal (domain));
      set_subtitle_take (self->state_row, ovh_domain_dup_state_label (domain));
      set_subtitle_take (self->lock_row, ovh_domain_dup_transfer_lock_label (domain));
      set_subtitle_take (self->dnssec_row, ovh_domain_dup_dnssec_label (domain));
    }

  if (has_zone)
    {
      GDateTime *last_update = ovh_domain_get_zone_last_update (domain);

      set_subtitle_take (self->zone_ns_row, join_lines (ovh_domain_get_zone_name_servers (domain)));
      if (!ovh_domain_get_zone_dnssec_supported (domain))
        set_subtitle (self->zone_dnssec_row, _ ("Not supported"));
      else
        set_subtitle (self->zone_dnssec_row, ovh_domain_get_zone_dnssec_activated (domain)
                                                 ? _ ("Signed with DNSSEC")
                                                 : _ ("Not signed"));
      set_subtitle (self->anycast_row,
                    ovh_domain_get_has_dns_anycast (domain) ? _ ("Enabled") : _ ("Not subscribed"));
      if (last_update != NULL)
        set_subtitle_take (self->last_update_row, format_date (last_update));
      else
        set_subtitle (self->last_update_row, _ ("Unknown"));
    }
}

static void
domaine_domain_page_update_actions (DomaineDomainPage *self)
{
  gboolean records
      = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "records") == 0;
  gboolean editor
      = self->domain != NULL && ovh_domain_get_kind (self->domain) != OVH_DOMAIN_KIND_EXTERNAL_DNS;

  gtk_widget_set_visible (self->add_button, records && editor);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), records && editor);
  gtk_widget_set_visible (self->menu_button, editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.add-record", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.search", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.reload", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.history", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.zone-settings", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.import", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.apply-template", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.bulk-edit", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.edit-text", editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.export", editor);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "page.review",
      editor && domaine_zone_editor_get_n_unpublished (self->zone_editor) > 0);
  gtk_widget_action_set_enabled (
      GTK_WIDGET (self), "page.publish",
      editor && domaine_zone_editor_get_n_unpublished (self->zone_editor) > 0);
}

static void
details_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineDomainPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_domain_load_details_finish (OVH_DOMAIN (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->session != NULL)
        domaine_session_report_error (self->session, error);
    }
  else if (self->session != NULL)
    domaine_session_report_success (self->session);
  if (OVH_DOMAIN (source) != self->domain)
    return;
  gtk_spinner_set_spinning (self->details_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_spinner), FALSE);
  domaine_domain_page_update_details (self);
}

void
domaine_domain_page_set_domain (DomaineDomainPage *self, OvhDomain *domain)
{
  g_autoptr (OvhZone) zone = NULL;

  g_return_if_fail (DOMAINE_IS_DOMAIN_PAGE (self));
  g_return_if_fail (domain == NULL || OVH_IS_DOMAIN (domain));

  if (self->domain == domain)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->domain, domain);
  g_signal_group_set_target (self->domain_signals, domain);

  if (domain == NULL || self->session == NULL)
    {
      domaine_zone_editor_set_zone (self->zone_editor, NULL);
      domaine_dnssec_group_load (self->dnssec_group, NULL, NULL);
      domaine_delegation_group_load (self->delegation_group, NULL, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->details_spinner), TRUE);
  gtk_spinner_set_spinning (self->details_spinner, TRUE);
  ovh_domain_load_details_async (domain, domaine_session_get_client (self->session),
                                 self->cancellable, details_loaded_cb, g_object_ref (self));

  domaine_delegation_group_load (
      self->delegation_group,
      ovh_domain_is_registered (domain) ? domaine_session_get_client (self->session) : NULL,
      ovh_domain_get_name (domain));

  if (ovh_domain_get_kind (domain) == OVH_DOMAIN_KIND_EXTERNAL_DNS)
    {
      g_autofree char *description = g_strdup_printf (
          _ ("The records of %s are served by name servers outside OVHcloud. Change them where "
             "they are hosted, or switch the domain to OVHcloud’s name servers."),
          ovh_domain_get_name (domain));

      adw_status_page_set_description (self->external_page, description);
      domaine_zone_editor_set_zone (self->zone_editor, NULL);
      gtk_stack_set_visible_child_name (self->records_stack, "external");
      domaine_dnssec_group_load (self->dnssec_group, NULL, NULL);
    }
  else
    {
      zone
          = ovh_zone_new (domaine_session_get_client (self->session), ovh_domain_get_name (domain));
      domaine_zone_editor_set_zone (self->zone_editor, zone);
      gtk_stack_set_visible_child_name (self->records_stack, "editor");
      domaine_dnssec_group_load (self->dnssec_group, domaine_session_get_client (self->session),
                                 ovh_domain_get_name (domain));
    }

  domaine_domain_page_update_details (self);
  domaine_domain_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
}

/* Actions ------------------------------------------------------------------------------------ */

static gboolean
domaine_domain_page_forward (DomaineDomainPage *self, const char *zone_action)
{
  /* Shortcuts are window-wide: only the page on screen answers them. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->domain == NULL
      || ovh_domain_get_kind (self->domain) == OVH_DOMAIN_KIND_EXTERNAL_DNS)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->view_stack, "records");
  return gtk_widget_activate_action (GTK_WIDGET (self->zone_editor), zone_action, NULL);
}

static void
page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineDomainPage *self = DOMAINE_DOMAIN_PAGE (widget);
  const char *zone_action = NULL;

  if (g_str_equal (action_name, "page.add-record"))
    zone_action = "zone.add";
  else if (g_str_equal (action_name, "page.search"))
    zone_action = "zone.search";
  else if (g_str_equal (action_name, "page.reload"))
    zone_action = "zone.reload";
  else if (g_str_equal (action_name, "page.review"))
    zone_action = "zone.review";
  else if (g_str_equal (action_name, "page.history"))
    zone_action = "zone.history";
  else if (g_str_equal (action_name, "page.zone-settings"))
    zone_action = "zone.settings";
  else if (g_str_equal (action_name, "page.import"))
    zone_action = "zone.import";
  else if (g_str_equal (action_name, "page.apply-template"))
    zone_action = "zone.apply-template";
  else if (g_str_equal (action_name, "page.bulk-edit"))
    zone_action = "zone.bulk-edit";
  else if (g_str_equal (action_name, "page.edit-text"))
    zone_action = "zone.edit-text";
  else if (g_str_equal (action_name, "page.export"))
    zone_action = "zone.export";
  else if (g_str_equal (action_name, "page.publish"))
    zone_action = "zone.publish";
  if (zone_action != NULL)
    domaine_domain_page_forward (self, zone_action);
}

static gboolean
shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  DomaineDomainPage *self = DOMAINE_DOMAIN_PAGE (widget);

  return domaine_domain_page_forward (self, user_data);
}

static void
domaine_domain_page_add_shortcuts (DomaineDomainPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct
  {
    const char *trigger;
    const char *action;
  } shortcuts[] = {
    { "<Control>n", "zone.add" },
    { "<Control>f", "zone.search" },
    { "<Control>r", "zone.reload" },
    { "<Control><Shift>p", "zone.publish" },
  };

  /* Global: Ctrl+N works with the focus in the sidebar too. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (
            gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
            gtk_callback_action_new (shortcut_cb, (gpointer) shortcuts[i].action, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Closing with unpublished changes --------------------------------------------------------- */

static void
close_after_publish_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  g_autoptr (GError) error = NULL;

  /* A failure keeps the window open with the changes marked and the error shown. */
  if (domaine_zone_editor_publish_finish (DOMAINE_ZONE_EDITOR (source), result, &error))
    gtk_window_close (window);
}

static gboolean
close_window_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog, const char *response, DomaineDomainPage *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "publish") == 0)
    domaine_zone_editor_publish_async (self->zone_editor, NULL, close_after_publish_cb,
                                       g_object_ref (window));
  else if (g_strcmp0 (response, "discard") == 0)
    {
      OvhChangeset *changeset = domaine_zone_editor_get_changeset (self->zone_editor);

      if (changeset != NULL)
        ovh_changeset_discard_all (changeset);
      gtk_window_close (window);
    }
  else if (g_strcmp0 (response, "keep") == 0)
    {
      /* They are on disk already: the next start brings them back, and says so. Closed once
       * the dialog is done with its response, as it goes with the window. */
      self->keep_on_close = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_window_idle, g_object_ref (window),
                       g_object_unref);
    }
}

/* Staged redirections live in the Redirections view only: asked about before closing. */
static void
redirections_published_cb (DomaineRedirectionsPage *page, GParamSpec *pspec, GtkWindow *window)
{
  if (domaine_redirections_page_get_busy (page))
    return;
  g_signal_handlers_disconnect_by_func (page, redirections_published_cb, window);
  /* A failure keeps the window open with the changes staged and the error shown. */
  if (domaine_redirections_page_get_n_pending (page) == 0)
    gtk_window_close (window);
}

static void
redirections_response_cb (AdwMessageDialog *dialog, const char *response, DomaineDomainPage *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GtkWidget *page = GTK_WIDGET (self->redirections_page);

  if (g_strcmp0 (response, "discard") == 0)
    {
      gtk_widget_activate_action (page, "redirections.revert-all", NULL);
      gtk_window_close (window);
    }
  else if (g_strcmp0 (response, "publish") == 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "redirections");
      g_signal_connect_object (page, "notify::busy", G_CALLBACK (redirections_published_cb), window,
                               0);
      if (!gtk_widget_activate_action (page, "redirections.publish", NULL))
        g_signal_handlers_disconnect_by_func (page, redirections_published_cb, window);
    }
}

static void
confirm_close_redirections (DomaineDomainPage *self, GtkWindow *window, guint n_pending)
{
  g_autofree char *body = g_strdup_printf (
      ngettext ("%s has %u unpublished redirection change. Publish it before closing, or "
                "discard it?",
                "%s has %u unpublished redirection changes. Publish them before closing, or "
                "discard them?",
                n_pending),
      ovh_domain_get_name (self->domain), n_pending);
  AdwMessageDialog *dialog
      = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _ ("Publish Redirections?"), body));

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    NULL);
  if (!domaine_redirections_page_get_read_only (self->redirections_page))
    {
      adw_message_dialog_add_response (dialog, "publish", _ ("_Publish"));
      adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "publish");
    }
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (redirections_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
domaine_domain_page_confirm_close (DomaineDomainPage *self, GtkWindow *window)
{
  guint n_unpublished;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  g_return_val_if_fail (DOMAINE_IS_DOMAIN_PAGE (self), FALSE);
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  n_unpublished = domaine_redirections_page_get_n_pending (self->redirections_page);
  if (n_unpublished > 0 && self->domain != NULL)
    {
      confirm_close_redirections (self, window, n_unpublished);
      return TRUE;
    }

  n_unpublished = domaine_zone_editor_get_n_unpublished (self->zone_editor);
  if (self->keep_on_close
      || (n_unpublished == 0 && !domaine_zone_editor_get_busy (self->zone_editor)))
    return FALSE;
  if (domaine_zone_editor_get_busy (self->zone_editor))
    return TRUE; /* publishing: wait for it, the window stays */

  body = g_strdup_printf (
      ngettext ("%s has %u unpublished change. Publish it before closing, keep it for later, or "
                "discard it?",
                "%s has %u unpublished changes. Publish them before closing, keep them for "
                "later, or discard them?",
                n_unpublished),
      ovh_domain_get_name (self->domain), n_unpublished);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _ ("Publish Changes?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    "keep", _ ("_Keep for Later"), "publish", _ ("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "publish");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject ---------------------------------------------------------------------------------- */

static void
visible_view_changed_cb (DomaineDomainPage *self)
{
  domaine_domain_page_update_actions (self);
}

static gboolean
update_domain_label (gpointer data)
{
  DomaineDomainPage *self = data;

  self->domain_label_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->domain_label),
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

/* The switcher title changes while it is being allocated: show or hide the name after. */
static void
title_visible_changed_cb (DomaineDomainPage *self)
{
  if (self->domain_label_idle == 0)
    self->domain_label_idle = g_idle_add (update_domain_label, self);
}

static void
domaine_domain_page_dispose (GObject *object)
{
  DomaineDomainPage *self = DOMAINE_DOMAIN_PAGE (object);

  g_clear_handle_id (&self->domain_label_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->domain_signals != NULL)
    g_signal_group_set_target (self->domain_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_DOMAIN_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->domain);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (domaine_domain_page_parent_class)->dispose (object);
}

static void
domaine_domain_page_finalize (GObject *object)
{
  DomaineDomainPage *self = DOMAINE_DOMAIN_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->domain_signals);

  G_OBJECT_CLASS (domaine_domain_page_parent_class)->finalize (object);
}

static void
domaine_domain_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineDomainPage *self = DOMAINE_DOMAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DOMAIN:
      g_value_set_object (value, self->domain);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_domain_page_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineDomainPage *self = DOMAINE_DOMAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      domaine_session_banner_set_session (self->session_banner, self->session);
      domaine_zone_editor_set_session (self->zone_editor, self->session);
      domaine_renewal_group_set_session (self->renewal_group, self->session);
      break;
    case PROP_DOMAIN:
      domaine_domain_page_set_domain (self, g_value_get_object (value));
      break;
    case PROP_FOLDED:
      domaine_domain_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The Health view lints the zone the editor shows, with its staged changes. */
static void
editor_zone_changed_cb (DomaineDomainPage *self)
{
  OvhZone *zone = domaine_zone_editor_get_zone (self->zone_editor);

  domaine_zone_health_set_zone (self->zone_health, zone,
                                zone != NULL ? domaine_zone_editor_get_changeset (self->zone_editor)
                                             : NULL);
  adw_view_stack_page_set_visible (self->health_page, zone != NULL);
  domaine_dynhost_page_set_zone (self->dynhost_page, zone);
  adw_view_stack_page_set_visible (self->dynhost_view, zone != NULL);
  domaine_redirections_page_set_zone (self->redirections_page, zone);
  adw_view_stack_page_set_visible (self->redirections_view, zone != NULL);
}

static void
domaine_domain_page_class_init (DomaineDomainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_domain_page_dispose;
  object_class->finalize = domaine_domain_page_finalize;
  object_class->get_property = domaine_domain_page_get_property;
  object_class->set_property = domaine_domain_page_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                                 | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOMAIN]
      = g_param_spec_object ("domain", NULL, NULL, OVH_TYPE_DOMAIN,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED]
      = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_SESSION_BANNER);
  g_type_ensure (DOMAINE_TYPE_RENEWAL_BANNER);
  g_type_ensure (DOMAINE_TYPE_RENEWAL_GROUP);
  g_type_ensure (DOMAINE_TYPE_ZONE_EDITOR);
  g_type_ensure (DOMAINE_TYPE_ZONE_HEALTH);
  g_type_ensure (DOMAINE_TYPE_DNSSEC_GROUP);
  g_type_ensure (DOMAINE_TYPE_DELEGATION_GROUP);
  g_type_ensure (DOMAINE_TYPE_DYNHOST_PAGE);
  g_type_ensure (DOMAINE_TYPE_REDIRECTIONS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/domain/domaine-domain-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, domain_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, session_banner);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, records_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, zone_editor);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, health_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, zone_health);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, dnssec_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, dynhost_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, dynhost_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, redirections_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, redirections_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, external_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, registration_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, renewal_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, renewal_banner);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, details_spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, renewal_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, lock_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, delegation_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, dnssec_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, zone_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, zone_ns_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, zone_dnssec_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, anycast_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineDomainPage, last_update_row);

  gtk_widget_class_install_action (widget_class, "page.add-record", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.search", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.review", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.history", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.zone-settings", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.import", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.apply-template", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.bulk-edit", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.edit-text", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.export", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "page.publish", NULL, page_action);
}

static void
domaine_domain_page_init (DomaineDomainPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A GBinding, not a template expression: GTK 4.8 unwatches a template expression after its
   * target child is gone ("couldn't find weak ref") when the page is disposed. */
  g_object_bind_property (self, "domain", self->renewal_group, "domain", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->renewal_group, "service-infos", self->renewal_banner,
                          "service-infos", G_BINDING_SYNC_CREATE);
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);

  self->domain_signals = g_signal_group_new (OVH_TYPE_DOMAIN);
  g_signal_group_connect_swapped (self->domain_signals, "notify",
                                  G_CALLBACK (domaine_domain_page_update_details), self);

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_changed_cb), self, G_CONNECT_SWAPPED);
  update_domain_label (self);
  g_object_bind_property (self->search_button, "active", self->zone_editor, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zone_editor, "notify::n-unpublished",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zone_editor, "notify::zone", G_CALLBACK (editor_zone_changed_cb),
                           self, G_CONNECT_SWAPPED);
  editor_zone_changed_cb (self);
  domaine_domain_page_add_shortcuts (self);
  domaine_domain_page_update_actions (self);
}

GtkWidget *
domaine_domain_page_new (DomaineSession *session)
{
  return g_object_new (DOMAINE_TYPE_DOMAIN_PAGE, "session", session, NULL);
}

DomaineSession *
domaine_domain_page_get_session (DomaineDomainPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DOMAIN_PAGE (self), NULL);
  return self->session;
}

OvhDomain *
domaine_domain_page_get_domain (DomaineDomainPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DOMAIN_PAGE (self), NULL);
  return self->domain;
}

DomaineZoneEditor *
domaine_domain_page_get_zone_editor (DomaineDomainPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DOMAIN_PAGE (self), NULL);
  return self->zone_editor;
}

void
domaine_domain_page_set_visible_view (DomaineDomainPage *self, const char *name)
{
  g_return_if_fail (DOMAINE_IS_DOMAIN_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
domaine_domain_page_get_visible_view (DomaineDomainPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DOMAIN_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
domaine_domain_page_get_folded (DomaineDomainPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_DOMAIN_PAGE (self), FALSE);
  return self->folded;
}

void
domaine_domain_page_set_folded (DomaineDomainPage *self, gboolean folded)
{
  g_return_if_fail (DOMAINE_IS_DOMAIN_PAGE (self));

  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}
