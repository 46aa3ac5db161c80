/* test-read-only-walk.c: every screen of a domain and of the account, signed in to the
 * sandbox with a key made from the Read Only preset: each loads without an error toast, an
 * error dialog or a warning (G_DEBUG=fatal-warnings), and the screens that change the
 * domain's registration say that the key may not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-account-page.h"
#include "domaine-delegation-group.h"
#include "domaine-dnssec-group.h"
#include "domaine-domain-page.h"
#include "domaine-dynhost-page.h"
#include "domaine-template-dialog.h"
#include "domaine-test-gui.h"
#include "domaine-zone-editor.h"
#include "domaine-zone-history-dialog.h"
#include "domaine-zone-settings-dialog.h"
#include "ovh-access-rules.h"
#include "ovh-sandbox.h"

#define DOMAIN "lovelace.fr"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  GtkWindow *window;
  AdwToastOverlay *overlay;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) read_only = NULL;
  g_autofree char *consumer_key = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhAccount) account = NULL;
  const char *base_url;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  base_url = ovh_sandbox_get_base_url (fixture->sandbox);

  for (guint i = 0; i < rules->len; i++)
    {
      OvhAccessRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *text = g_strdup_printf ("%s %s", rule->method, rule->path);

      g_strv_builder_add (builder, text);
    }
  read_only = g_strv_builder_end (builder);
  consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, NULL, (const char *const *) read_only, 0);
  client = ovh_client_new (base_url, OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                           consumer_key);
  account = ovh_account_new (base_url, OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                             consumer_key);
  ovh_client_set_rate_limit (client, 0);
  fixture->session = domaine_session_new (account, client);
  domaine_test_session_reload_sync (fixture->session);
  g_assert_cmpint (domaine_session_get_state (fixture->session), ==, DOMAINE_SESSION_STATE_READY);
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (gtk_window_get_transient_for (window) != NULL)
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  close_dialogs ();
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->session);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static void
show (Fixture *fixture, GtkWidget *child)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 900);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (fixture->overlay, child);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
}

/* Toasts are the overlay's children besides its own child. */
static guint
n_toasts (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n - 1;
}

static void
assert_calm (Fixture *fixture, const char *where)
{
  if (n_toasts (fixture) != 0 || domaine_test_find_message_dialog () != NULL)
    g_error ("%s: an error toast or dialog", where);
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
account_loaded (gpointer data)
{
  return !domaine_account_page_get_loading (data);
}

static void
test_account_page (Fixture *fixture, gconstpointer data)
{
  GtkWidget *page = domaine_account_page_new (fixture->session);

  show (fixture, page);
  g_assert_true (domaine_test_wait_until (account_loaded, page, 10000));
  domaine_test_wait_frames (page, 3);
  assert_calm (fixture, "account page");
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "read-only-account-page");
}

typedef struct
{
  DomaineDomainPage *page;
  DomaineDnssecGroup *dnssec;
  DomaineDelegationGroup *delegation;
  DomaineDynhostPage *dynhost;
} Screens;

static gboolean
editor_idle (gpointer data)
{
  Screens *screens = data;

  return !domaine_zone_editor_get_busy (domaine_domain_page_get_zone_editor (screens->page));
}

static gboolean
dynhost_idle (gpointer data)
{
  Screens *screens = data;

  return !domaine_dynhost_page_get_busy (screens->dynhost);
}

static gboolean
domain_view_idle (gpointer data)
{
  Screens *screens = data;

  return domaine_dnssec_group_get_loaded (screens->dnssec)
         && !domaine_dnssec_group_get_busy (screens->dnssec)
         && domaine_delegation_group_get_delegation (screens->delegation) != NULL
         && !domaine_delegation_group_get_busy (screens->delegation);
}

static gboolean
settings_idle (gpointer data)
{
  DomaineZoneSettingsDialog **dialog = data;

  *dialog = find_toplevel (DOMAINE_TYPE_ZONE_SETTINGS_DIALOG);
  return *dialog != NULL && domaine_zone_settings_dialog_get_loaded (*dialog)
         && !domaine_zone_settings_dialog_get_busy (*dialog);
}

static gboolean
history_idle (gpointer data)
{
  DomaineZoneHistoryDialog **dialog = data;

  *dialog = find_toplevel (DOMAINE_TYPE_ZONE_HISTORY_DIALOG);
  return *dialog != NULL && !domaine_zone_history_dialog_get_busy (*dialog);
}

static gboolean
template_shown (gpointer data)
{
  return find_toplevel (DOMAINE_TYPE_TEMPLATE_DIALOG) != NULL;
}

static void
test_domain_page (Fixture *fixture, gconstpointer data)
{
  GListModel *domains = domaine_session_get_domains (fixture->session);
  Screens screens = { 0 };
  DomaineZoneSettingsDialog *settings = NULL;
  DomaineZoneHistoryDialog *history = NULL;
  GtkWidget *edit;

  screens.page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  show (fixture, GTK_WIDGET (screens.page));
  screens.dnssec = DOMAINE_DNSSEC_GROUP (
      domaine_test_find_widget_of_type (GTK_WIDGET (screens.page), DOMAINE_TYPE_DNSSEC_GROUP));
  screens.delegation = DOMAINE_DELEGATION_GROUP (
      domaine_test_find_widget_of_type (GTK_WIDGET (screens.page), DOMAINE_TYPE_DELEGATION_GROUP));
  screens.dynhost = DOMAINE_DYNHOST_PAGE (
      domaine_test_find_widget_of_type (GTK_WIDGET (screens.page), DOMAINE_TYPE_DYNHOST_PAGE));
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (domains, i);

      if (g_str_equal (ovh_domain_get_name (domain), DOMAIN))
        domaine_domain_page_set_domain (screens.page, domain);
    }

  /* The records. */
  domaine_domain_page_set_visible_view (screens.page, "records");
  g_assert_true (domaine_test_wait_until (editor_idle, &screens, 10000));
  domaine_test_wait_frames (GTK_WIDGET (fixture->window), 3);
  assert_calm (fixture, "records");

  /* Health. */
  domaine_domain_page_set_visible_view (screens.page, "health");
  domaine_test_wait_frames (GTK_WIDGET (fixture->window), 3);
  assert_calm (fixture, "health");

  /* DynHost. */
  domaine_domain_page_set_visible_view (screens.page, "dynhost");
  g_assert_true (domaine_test_wait_until (dynhost_idle, &screens, 10000));
  domaine_test_wait_frames (GTK_WIDGET (fixture->window), 3);
  assert_calm (fixture, "dynhost");

  /* The domain: renewal, name servers, DNSSEC. The name servers say at once that the key
   * may not change them. */
  domaine_domain_page_set_visible_view (screens.page, "domain");
  g_assert_true (domaine_test_wait_until (domain_view_idle, &screens, 10000));
  domaine_test_wait_frames (GTK_WIDGET (fixture->window), 3);
  assert_calm (fixture, "domain");
  g_assert_false (domaine_delegation_group_get_can_change (screens.delegation));
  edit = domaine_test_find_button_with_label (GTK_WIDGET (screens.delegation), "_Edit…");
  g_assert_false (gtk_widget_is_sensitive (edit));
  g_assert_nonnull (gtk_widget_get_tooltip_text (edit));

  /* Zone settings: the SOA is read. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (screens.page), "page.zone-settings", NULL));
  g_assert_true (domaine_test_wait_until (settings_idle, &settings, 10000));
  domaine_test_wait_frames (GTK_WIDGET (settings), 3);
  assert_calm (fixture, "zone settings");
  gtk_window_destroy (GTK_WINDOW (settings));

  /* History: the versions are read. */
  domaine_domain_page_set_visible_view (screens.page, "records");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (screens.page), "page.history", NULL));
  g_assert_true (domaine_test_wait_until (history_idle, &history, 10000));
  domaine_test_wait_frames (GTK_WIDGET (history), 3);
  assert_calm (fixture, "history");
  gtk_window_destroy (GTK_WINDOW (history));

  /* Apply a Template: nothing is sent before a template is chosen. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (screens.page), "page.apply-template", NULL));
  g_assert_true (domaine_test_wait_until (template_shown, NULL, 10000));
  domaine_test_wait_frames (GTK_WIDGET (find_toplevel (DOMAINE_TYPE_TEMPLATE_DIALOG)), 3);
  assert_calm (fixture, "apply a template");
  gtk_window_destroy (GTK_WINDOW (find_toplevel (DOMAINE_TYPE_TEMPLATE_DIALOG)));

  /* Nothing was asked that the key may not do. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/*"), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "/domain/*"), ==, 0);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", "/domain/*"), ==, 0);
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  domaine_test_use_scratch_data_dirs ("domaine-read-only-walk-XXXXXX");

  g_test_add ("/read-only-walk/account-page", Fixture, NULL, fixture_set_up, test_account_page,
              fixture_tear_down);
  g_test_add ("/read-only-walk/domain-page", Fixture, NULL, fixture_set_up, test_domain_page,
              fixture_tear_down);

  return g_test_run ();
}
