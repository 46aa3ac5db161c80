/* domaine-zone-health.c: the "Zone Health" panel: lint findings, name servers, delegation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dns-delegation.h"
#include "domaine-name-servers.h"
#include "domaine-zone-health.h"
#include "ovh-domain.h"
#include "ovh-lint.h"

#define RELINT_DELAY_MS 150
#define WATCH_TIMEOUT_MS (30 * 60 * 1000)
#define TARGET_SHOWN 48

struct _DomaineZoneHealth
{
  GtkWidget parent_instance;

  OvhZone *zone;
  OvhChangeset *changeset;
  GListStore *findings;
  DnsClient *dns_client;
  gboolean dns_client_given; /* set_dns_client(): not the zone's endpoint's own */
  char *name_server_problem; /* why the zone's name servers cannot be asked, or NULL */
  DnsPropagation *propagation;
  char *delegation_message;
  GSignalGroup *records_signals;
  GSignalGroup *changes_signals;
  GSignalGroup *changeset_signals;
  GPtrArray *publishing;     /* OvhRecord: what the publish under way changes, before and after */
  GCancellable *cancellable; /* checks of the current zone */
  guint relint_source;

  /* Template children */
  GtkWidget *scroller;
  AdwActionRow *summary_row;
  GtkImage *summary_icon;
  AdwActionRow *delegation_row;
  GtkListBox *servers_list;
  GtkListBox *findings_list;
};

G_DEFINE_FINAL_TYPE (DomaineZoneHealth, domaine_zone_health, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ZONE,
  PROP_CHANGESET,
  PROP_FINDINGS,
  PROP_PROPAGATION,
  PROP_DELEGATION_MESSAGE,
  PROP_DNS_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- Findings ------------------------------------------------------------------------------ */

static const char *
severity_icon (OvhLintSeverity severity)
{
  switch (severity)
    {
    case OVH_LINT_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case OVH_LINT_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case OVH_LINT_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static GtkWidget *
finding_row (OvhLintFinding *finding, guint position)
{
  OvhRecord *record = ovh_lint_finding_get_record (finding);
  OvhLintSeverity severity = ovh_lint_finding_get_severity (finding);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));
  GtkWidget *why = gtk_label_new (ovh_lint_finding_get_explanation (finding));
  g_autofree char *subtitle = NULL;

  /* The record, then the stable code, as a person would search for it. */
  if (record != NULL)
    {
      const char *target = ovh_record_get_target (record);
      /* A DKIM key is hundreds of characters: its start is enough to recognise it. */
      glong length = g_utf8_strlen (target, -1);
      g_autofree char *start = g_utf8_substring (target, 0, MIN (length, TARGET_SHOWN));
      g_autofree char *shown
          = length > TARGET_SHOWN ? g_strconcat (start, "…", NULL) : g_strdup (target);

      subtitle = g_strdup_printf ("%s %s %s · %s", ovh_record_get_display_name (record),
                                  ovh_record_get_field_type (record), shown,
                                  ovh_lint_finding_get_code (finding));
    }
  else
    subtitle = g_strdup (ovh_lint_finding_get_code (finding));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ovh_lint_finding_get_message (finding));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (icon, ovh_lint_severity_get_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ovh_lint_severity_get_label (severity), -1);
  gtk_widget_add_css_class (icon, severity == OVH_LINT_SEVERITY_ERROR     ? "error"
                                  : severity == OVH_LINT_SEVERITY_WARNING ? "warning"
                                                                          : "accent");
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

  if (ovh_lint_finding_get_fix_kind (finding) != OVH_LINT_FIX_NONE)
    {
      GtkWidget *fix = gtk_button_new_with_label (ovh_lint_finding_get_fix_label (finding));

      gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (fix), "health.fix");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (fix), "u", position);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), fix);
    }

  /* Why it matters and how to fix it, in full. */
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_widget_set_margin_start (why, 12);
  gtk_widget_set_margin_end (why, 12);
  gtk_widget_set_margin_top (why, 12);
  gtk_widget_set_margin_bottom (why, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), why);
  return row;
}

static void
show_findings (DomaineZoneHealth *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No problems found"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _ ("The records and the staged changes pass every check"));
      gtk_list_box_append (self->findings_list, row);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (OvhLintFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      gtk_list_box_append (self->findings_list, finding_row (finding, i));
    }
}

void
domaine_zone_health_relint (DomaineZoneHealth *self)
{
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  g_return_if_fail (DOMAINE_IS_ZONE_HEALTH (self));

  g_clear_handle_id (&self->relint_source, g_source_remove);
  if (self->zone != NULL)
    {
      records = ovh_lint_effective_records (ovh_zone_get_records (self->zone), self->changeset);
      /* No DNS here: the panel lints as the user types, without waiting on the network. */
      findings = ovh_lint_zone (ovh_zone_get_name (self->zone), records, NULL);
    }
  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       findings != NULL ? findings->pdata : NULL,
                       findings != NULL ? findings->len : 0);
  show_findings (self);
}

static gboolean
relint_cb (gpointer data)
{
  DomaineZoneHealth *self = data;

  self->relint_source = 0;
  domaine_zone_health_relint (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_relint (DomaineZoneHealth *self)
{
  /* A burst of changes (a load, an undo of many) lints once. */
  if (self->relint_source == 0)
    self->relint_source = g_timeout_add (RELINT_DELAY_MS, relint_cb, self);
}

/* The change of the changeset that stages record (a create's or an update's new values). */
static OvhChange *
change_for_record (OvhChangeset *changeset, OvhRecord *record)
{
  GListModel *changes = ovh_changeset_get_changes (changeset);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

      if (ovh_change_get_after (change) == record)
        return change;
    }
  return NULL;
}

static void
fix_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DomaineZoneHealth *self = DOMAINE_ZONE_HEALTH (widget);
  g_autoptr (OvhLintFinding) finding
      = g_list_model_get_item (G_LIST_MODEL (self->findings), g_variant_get_uint32 (parameter));
  g_autoptr (GError) error = NULL;
  OvhRecord *record;
  OvhChange *staged;

  if (finding == NULL || self->changeset == NULL)
    return;
  record = ovh_lint_finding_get_record (finding);
  staged = change_for_record (self->changeset, record);

  switch (ovh_lint_finding_get_fix_kind (finding))
    {
    case OVH_LINT_FIX_DELETE:
      if (staged != NULL && ovh_change_get_kind (staged) == OVH_CHANGE_KIND_CREATE)
        ovh_changeset_discard (self->changeset, staged);
      else
        ovh_changeset_stage_delete (self->changeset, ovh_record_get_id (record), &error);
      break;
    case OVH_LINT_FIX_UPDATE:
      if (staged != NULL)
        ovh_changeset_restage (self->changeset, staged, ovh_lint_finding_get_fix (finding), &error);
      else
        ovh_changeset_stage_update (self->changeset, ovh_record_get_id (record),
                                    ovh_lint_finding_get_fix (finding), &error);
      break;
    case OVH_LINT_FIX_NONE:
    default:
      return;
    }
  if (error != NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_warning ("Cannot stage the fix: %s", error->message);
    }
  domaine_zone_health_relint (self);
}

/* --- Name servers -------------------------------------------------------------------------- */

static GtkWidget *
server_row (DnsServerStatus *status)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *subtitle = NULL;
  gboolean in_sync = dns_server_status_get_in_sync (status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dns_server_status_get_name (status));
  if (dns_server_status_get_error (status) != NULL)
    subtitle = g_strdup (dns_server_status_get_error (status));
  else if (dns_server_status_get_n_records (status) > 0)
    /* Translators: a name server's address, SOA serial, and record sets served so far. */
    subtitle = g_strdup_printf (
        _ ("%s · serial %u · %u of %u changes served"), dns_server_status_get_address (status),
        dns_server_status_get_serial (status), dns_server_status_get_n_records_served (status),
        dns_server_status_get_n_records (status));
  else
    subtitle = g_strdup_printf (_ ("%s · serial %u"), dns_server_status_get_address (status),
                                dns_server_status_get_serial (status));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (in_sync ? "emblem-ok-symbolic" : "content-loading-symbolic");
  gtk_widget_set_tooltip_text (icon, in_sync ? _ ("Serves the zone as published")
                                             : _ ("Does not serve every change yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_widget_get_tooltip_text (icon), -1);
  gtk_widget_add_css_class (icon, in_sync ? "success" : "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
show_propagation (DomaineZoneHealth *self)
{
  GListModel *servers;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->servers_list))) != NULL)
    gtk_list_box_remove (self->servers_list, child);
  if (self->propagation == NULL)
    return;

  summary = dns_propagation_dup_summary (self->propagation);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), summary);
  adw_action_row_set_subtitle (self->summary_row, "");
  gtk_image_set_from_icon_name (self->summary_icon, dns_propagation_get_done (self->propagation)
                                                        ? "emblem-ok-symbolic"
                                                        : "network-server-symbolic");
  servers = dns_propagation_get_servers (self->propagation);
  for (guint i = 0; i < g_list_model_get_n_items (servers); i++)
    {
      g_autoptr (DnsServerStatus) status = g_list_model_get_item (servers, i);
      gtk_list_box_append (self->servers_list, server_row (status));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->servers_list), TRUE);
}

static void
on_passes (DomaineZoneHealth *self)
{
  show_propagation (self);
}

static void
set_propagation (DomaineZoneHealth *self, DnsPropagation *propagation)
{
  if (self->propagation != NULL)
    g_signal_handlers_disconnect_by_data (self->propagation, self);
  if (!g_set_object (&self->propagation, propagation))
    return;
  if (propagation != NULL)
    g_signal_connect_swapped (propagation, "notify::passes", G_CALLBACK (on_passes), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROPAGATION]);
  show_propagation (self);
}

static DnsPropagation *
new_propagation (DomaineZoneHealth *self)
{
  return dns_propagation_new (domaine_zone_health_get_dns_client (self),
                              ovh_zone_get_name (self->zone),
                              ovh_zone_get_name_servers (self->zone));
}

/* The zone's name servers cannot be asked (an endpoint configured so, such as a sandbox
 * without name servers): say why rather than fail in silence. */
static gboolean
show_name_server_problem (DomaineZoneHealth *self)
{
  domaine_zone_health_get_dns_client (self);
  if (self->name_server_problem == NULL)
    return FALSE;
  set_propagation (self, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row),
                                 _ ("The name servers cannot be checked"));
  adw_action_row_set_subtitle (self->summary_row, self->name_server_problem);
  gtk_image_set_from_icon_name (self->summary_icon, "dialog-information-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->servers_list), FALSE);
  return TRUE;
}

static void
on_watch_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHealth) self = user_data;
  g_autoptr (GError) error = NULL;

  DnsPropagation *propagation = DNS_PROPAGATION (source);

  dns_propagation_watch_finish (propagation, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_propagation (self);
  /* The window tells the person, should it be in the background. */
  if (dns_propagation_get_done (propagation))
    gtk_widget_activate_action (
        GTK_WIDGET (self), "win.propagation-live", "(suu)", dns_propagation_get_zone (propagation),
        dns_propagation_get_n_in_sync (propagation), dns_propagation_get_n_servers (propagation));
}

void
domaine_zone_health_follow_publish (DomaineZoneHealth *self, GPtrArray *changed)
{
  g_autoptr (DnsPropagation) propagation = NULL;
  g_autoptr (GPtrArray) records = NULL;

  g_return_if_fail (DOMAINE_IS_ZONE_HEALTH (self));
  if (self->zone == NULL || show_name_server_problem (self))
    return;

  propagation = new_propagation (self);
  records = ovh_lint_effective_records (ovh_zone_get_records (self->zone), NULL);
  dns_propagation_expect_changes (propagation, records, changed);
  set_propagation (self, propagation);
  dns_propagation_watch_async (propagation, WATCH_TIMEOUT_MS, self->cancellable, on_watch_done,
                               g_object_ref (self));
}

static void
set_delegation_message (DomaineZoneHealth *self, const char *message, gboolean ok)
{
  g_free (self->delegation_message);
  self->delegation_message = g_strdup (message);
  adw_action_row_set_subtitle (self->delegation_row, message);
  gtk_widget_set_visible (GTK_WIDGET (self->delegation_row), message != NULL);
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->delegation_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->delegation_row), "error");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELEGATION_MESSAGE]);
}

static void
on_delegation (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHealth) self = user_data;
  g_autoptr (DnsDelegation) delegation = dns_delegation_check_finish (result, NULL);

  if (delegation != NULL)
    set_delegation_message (self, delegation->message, delegation->verdict == DNS_DELEGATION_OK);
}

typedef struct
{
  DomaineZoneHealth *self;
  OvhDomain *domain;
} DetailsData;

static void
on_domain_details (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DetailsData *data = user_data;
  DomaineZoneHealth *self = data->self;
  g_autoptr (GError) error = NULL;
  gboolean registered = ovh_domain_load_details_finish (data->domain, result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->zone != NULL)
    /* Without details (a domain registered elsewhere) only the parent zone is compared. */
    dns_delegation_check_async (domaine_zone_health_get_dns_client (self),
                                ovh_zone_get_name (self->zone),
                                registered ? ovh_domain_get_name_servers (data->domain) : NULL,
                                ovh_zone_get_name_servers (self->zone), self->cancellable,
                                on_delegation, g_object_ref (self));
  g_object_unref (data->domain);
  g_object_unref (data->self);
  g_free (data);
}

static void
on_check_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineZoneHealth) self = user_data;
  g_autoptr (GError) error = NULL;

  dns_propagation_check_finish (DNS_PROPAGATION (source), result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_propagation (self);
}

static void
check_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  DomaineZoneHealth *self = DOMAINE_ZONE_HEALTH (widget);
  g_autoptr (DnsPropagation) propagation = NULL;
  DetailsData *data;

  if (self->zone == NULL || show_name_server_problem (self))
    return;
  propagation = new_propagation (self);
  dns_propagation_set_serial (propagation, (guint) ovh_zone_get_serial (self->zone));
  set_propagation (self, propagation);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row),
                                 _ ("Checking the name servers…"));
  dns_propagation_check_async (propagation, self->cancellable, on_check_done, g_object_ref (self));

  /* The registry's name servers, then the delegation. */
  data = g_new0 (DetailsData, 1);
  data->self = g_object_ref (self);
  data->domain = ovh_domain_new (ovh_zone_get_name (self->zone), TRUE, FALSE);
  ovh_domain_load_details_async (data->domain, ovh_zone_get_client (self->zone), self->cancellable,
                                 on_domain_details, data);
}

/* A publish is the changeset being busy: what it changes is known when it starts, and the
 * name servers are followed once it is done. */
static void
on_busy (DomaineZoneHealth *self)
{
  if (ovh_changeset_get_busy (self->changeset))
    {
      GListModel *changes = ovh_changeset_get_changes (self->changeset);

      g_clear_pointer (&self->publishing, g_ptr_array_unref);
      self->publishing = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
        {
          g_autoptr (OvhChange) change = g_list_model_get_item (changes, i);

          if (ovh_change_get_before (change) != NULL)
            g_ptr_array_add (self->publishing, ovh_record_dup (ovh_change_get_before (change)));
          if (ovh_change_get_after (change) != NULL)
            g_ptr_array_add (self->publishing, ovh_record_dup (ovh_change_get_after (change)));
        }
      return;
    }
  if (self->publishing != NULL && !ovh_changeset_get_needs_publish (self->changeset))
    {
      g_autoptr (GPtrArray) changed = g_steal_pointer (&self->publishing);

      domaine_zone_health_follow_publish (self, changed);
    }
  g_clear_pointer (&self->publishing, g_ptr_array_unref);
}

/* --- Object -------------------------------------------------------------------------------- */

DomaineZoneHealth *
domaine_zone_health_new (void)
{
  return g_object_new (DOMAINE_TYPE_ZONE_HEALTH, NULL);
}

void
domaine_zone_health_set_zone (DomaineZoneHealth *self, OvhZone *zone, OvhChangeset *changeset)
{
  g_return_if_fail (DOMAINE_IS_ZONE_HEALTH (self));

  if (self->zone == zone && self->changeset == changeset)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->zone, zone);
  g_set_object (&self->changeset, changeset);
  /* Another zone may be another endpoint's, with name servers of its own. */
  if (!self->dns_client_given)
    g_clear_object (&self->dns_client);
  g_clear_pointer (&self->name_server_problem, g_free);
  g_signal_group_set_target (self->records_signals,
                             zone != NULL ? ovh_zone_get_records (zone) : NULL);
  g_signal_group_set_target (self->changes_signals,
                             changeset != NULL ? ovh_changeset_get_changes (changeset) : NULL);
  g_signal_group_set_target (self->changeset_signals, changeset);
  g_clear_pointer (&self->publishing, g_ptr_array_unref);
  set_propagation (self, NULL);
  set_delegation_message (self, NULL, TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_row), _ ("Not checked yet"));
  gtk_widget_set_visible (GTK_WIDGET (self->servers_list), FALSE);
  domaine_zone_health_relint (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGESET]);
}

OvhZone *
domaine_zone_health_get_zone (DomaineZoneHealth *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HEALTH (self), NULL);
  return self->zone;
}

GListModel *
domaine_zone_health_get_findings (DomaineZoneHealth *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HEALTH (self), NULL);
  return G_LIST_MODEL (self->findings);
}

DnsPropagation *
domaine_zone_health_get_propagation (DomaineZoneHealth *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HEALTH (self), NULL);
  return self->propagation;
}

const char *
domaine_zone_health_get_delegation_message (DomaineZoneHealth *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HEALTH (self), NULL);
  return self->delegation_message;
}

const char *
domaine_zone_health_get_name_server_problem (DomaineZoneHealth *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HEALTH (self), NULL);
  domaine_zone_health_get_dns_client (self);
  return self->name_server_problem;
}

DnsClient *
domaine_zone_health_get_dns_client (DomaineZoneHealth *self)
{
  g_return_val_if_fail (DOMAINE_IS_ZONE_HEALTH (self), NULL);

  if (self->dns_client == NULL)
    {
      OvhClient *client = self->zone != NULL ? ovh_zone_get_client (self->zone) : NULL;

      g_clear_pointer (&self->name_server_problem, g_free);
      self->dns_client = domaine_name_servers_new_client (
          client != NULL ? ovh_client_get_base_url (client) : NULL, &self->name_server_problem);
    }
  return self->dns_client;
}

void
domaine_zone_health_set_dns_client (DomaineZoneHealth *self, DnsClient *client)
{
  g_return_if_fail (DOMAINE_IS_ZONE_HEALTH (self));
  self->dns_client_given = client != NULL;
  g_clear_pointer (&self->name_server_problem, g_free);
  if (g_set_object (&self->dns_client, client))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DNS_CLIENT]);
}

static void
domaine_zone_health_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineZoneHealth *self = DOMAINE_ZONE_HEALTH (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case PROP_CHANGESET:
      g_value_set_object (value, self->changeset);
      break;
    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;
    case PROP_PROPAGATION:
      g_value_set_object (value, self->propagation);
      break;
    case PROP_DELEGATION_MESSAGE:
      g_value_set_string (value, self->delegation_message);
      break;
    case PROP_DNS_CLIENT:
      g_value_set_object (value, domaine_zone_health_get_dns_client (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_health_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineZoneHealth *self = DOMAINE_ZONE_HEALTH (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      domaine_zone_health_set_zone (self, g_value_get_object (value), self->changeset);
      break;
    case PROP_CHANGESET:
      domaine_zone_health_set_zone (self, self->zone, g_value_get_object (value));
      break;
    case PROP_DNS_CLIENT:
      domaine_zone_health_set_dns_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_zone_health_dispose (GObject *object)
{
  DomaineZoneHealth *self = DOMAINE_ZONE_HEALTH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->relint_source, g_source_remove);
  if (self->propagation != NULL)
    g_signal_handlers_disconnect_by_data (self->propagation, self);
  g_clear_object (&self->propagation);
  g_clear_object (&self->records_signals);
  g_clear_object (&self->changes_signals);
  g_clear_object (&self->changeset_signals);
  g_clear_pointer (&self->publishing, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_ZONE_HEALTH);
  G_OBJECT_CLASS (domaine_zone_health_parent_class)->dispose (object);
}

static void
domaine_zone_health_finalize (GObject *object)
{
  DomaineZoneHealth *self = DOMAINE_ZONE_HEALTH (object);

  g_clear_object (&self->zone);
  g_clear_object (&self->changeset);
  g_clear_object (&self->findings);
  g_clear_object (&self->dns_client);
  g_clear_pointer (&self->name_server_problem, g_free);
  g_clear_object (&self->cancellable);
  g_free (self->delegation_message);
  G_OBJECT_CLASS (domaine_zone_health_parent_class)->finalize (object);
}

static void
domaine_zone_health_class_init (DomaineZoneHealthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = domaine_zone_health_get_property;
  object_class->set_property = domaine_zone_health_set_property;
  object_class->dispose = domaine_zone_health_dispose;
  object_class->finalize = domaine_zone_health_finalize;

  properties[PROP_ZONE] = g_param_spec_object ("zone", NULL, NULL, OVH_TYPE_ZONE, rw);
  properties[PROP_CHANGESET]
      = g_param_spec_object ("changeset", NULL, NULL, OVH_TYPE_CHANGESET, rw);
  properties[PROP_FINDINGS] = g_param_spec_object ("findings", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_PROPAGATION]
      = g_param_spec_object ("propagation", NULL, NULL, DNS_TYPE_PROPAGATION, ro);
  properties[PROP_DELEGATION_MESSAGE]
      = g_param_spec_string ("delegation-message", NULL, NULL, NULL, ro);
  properties[PROP_DNS_CLIENT] = g_param_spec_object ("dns-client", NULL, NULL, DNS_TYPE_CLIENT, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-zone-health.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHealth, scroller);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHealth, summary_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHealth, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHealth, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHealth, servers_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineZoneHealth, findings_list);
  gtk_widget_class_install_action (widget_class, "health.check-name-servers", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "health.fix", "u", fix_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
domaine_zone_health_init (DomaineZoneHealth *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->findings = g_list_store_new (OVH_TYPE_LINT_FINDING);
  self->cancellable = g_cancellable_new ();
  self->records_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->records_signals, "items-changed",
                                  G_CALLBACK (schedule_relint), self);
  self->changes_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->changes_signals, "items-changed",
                                  G_CALLBACK (schedule_relint), self);
  self->changeset_signals = g_signal_group_new (OVH_TYPE_CHANGESET);
  g_signal_group_connect_swapped (self->changeset_signals, "notify::busy", G_CALLBACK (on_busy),
                                  self);
  show_findings (self);
}
