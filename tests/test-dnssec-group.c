/* test-dnssec-group.c: the DNSSEC group of the domain page against the in-process sandbox:
 * enabling and disabling (with the confirmation) followed to the end, DS records listed, and
 * a read-only key's explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-dnssec-group.h"
#include "domaine-domain-page.h"
#include "domaine-test-gui.h"
#include "ovh-sandbox.h"

#define ZONE "lovelace.fr"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  GtkWindow *window;
  AdwToastOverlay *overlay;
  DomaineDomainPage *page;
  DomaineDnssecGroup *group;
} Fixture;

static void
open_page (Fixture *fixture, DomaineSession *session)
{
  fixture->session = session;
  domaine_test_session_reload_sync (fixture->session);
  g_assert_cmpint (domaine_session_get_state (fixture->session), ==, DOMAINE_SESSION_STATE_READY);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 1300);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
  fixture->group = DOMAINE_DNSSEC_GROUP (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->page), DOMAINE_TYPE_DNSSEC_GROUP));
  g_assert_nonnull (fixture->group);
  domaine_dnssec_group_set_poll_interval (fixture->group, 20);
}

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;

  return domaine_dnssec_group_get_loaded (fixture->group)
         && !domaine_dnssec_group_get_busy (fixture->group);
}

static void
show_domain (Fixture *fixture, const char *name)
{
  GListModel *domains = domaine_session_get_domains (fixture->session);

  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (domains, i);

      if (g_str_equal (ovh_domain_get_name (domain), name))
        domaine_domain_page_set_domain (fixture->page, domain);
    }
  domaine_domain_page_set_visible_view (fixture->page, "domain");
  g_assert_true (domaine_test_wait_until (settled, fixture, 10000));
  domaine_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  /* Long enough for the spinner to show, short enough for the test. */
  ovh_sandbox_set_dnssec_delay_ms (fixture->sandbox, 300);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = domaine_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->session);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
dialog_shown (gpointer data)
{
  return domaine_test_find_message_dialog () != NULL;
}

static gboolean
changing (gpointer data)
{
  Fixture *fixture = data;

  return ovh_dnssec_state_is_in_progress (domaine_dnssec_group_get_state (fixture->group))
         && domaine_dnssec_group_get_busy (fixture->group);
}

static void
test_enable_disable (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;

  open_page (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox));
  show_domain (fixture, ZONE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->group)));
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==, OVH_DNSSEC_STATE_DISABLED);
  g_assert_cmpuint (domaine_dnssec_group_get_n_ds_records (fixture->group), ==, 0);
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "Not signed"));

  /* Enabling needs no confirmation; the group shows the change in progress, then its end. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->group), "dnssec.toggle", NULL));
  g_assert_true (domaine_test_wait_until (changing, fixture, 5000));
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==,
                   OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS);
  g_assert_true (domaine_test_wait_until (settled, fixture, 10000));
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==, OVH_DNSSEC_STATE_ENABLED);
  g_assert_cmpuint (domaine_dnssec_group_get_n_ds_records (fixture->group), ==, 1);
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "Signed"));
  domaine_test_save_screenshot (GTK_WIDGET (fixture->group), "dnssec-group-signed");

  /* Disabling asks first; cancelling sends nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->group), "dnssec.toggle", NULL));
  g_assert_true (domaine_test_wait_until (dialog_shown, NULL, 5000));
  dialog = domaine_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Disable DNSSEC?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", "/domain/zone/" ZONE "/dnssec"),
      ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->group), "dnssec.toggle", NULL));
  g_assert_true (domaine_test_wait_until (dialog_shown, NULL, 5000));
  dialog = domaine_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "disable");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (domaine_test_wait_until (changing, fixture, 5000));
  g_assert_true (domaine_test_wait_until (settled, fixture, 10000));
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==, OVH_DNSSEC_STATE_DISABLED);
  g_assert_cmpuint (domaine_dnssec_group_get_n_ds_records (fixture->group), ==, 0);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "DELETE", "/domain/zone/" ZONE "/dnssec"),
      ==, 1);
}

static void
test_signed_zone (Fixture *fixture, gconstpointer data)
{
  open_page (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox));
  show_domain (fixture, "analytical-engine.com");
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==, OVH_DNSSEC_STATE_ENABLED);
  g_assert_cmpuint (domaine_dnssec_group_get_n_ds_records (fixture->group), ==, 1);

  /* A zone whose domain is registered elsewhere: no DS records to read. */
  show_domain (fixture, "countess.dev");
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==, OVH_DNSSEC_STATE_DISABLED);
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group),
                                                        "No DS records here: the domain is "
                                                        "registered elsewhere"));
}

static gboolean
refused (gpointer data)
{
  Fixture *fixture = data;

  return !domaine_dnssec_group_get_can_change (fixture->group)
         && !domaine_dnssec_group_get_busy (fixture->group);
}

static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  const char *const read_only[] = { "GET /me", "GET /domain", "GET /domain/*", NULL };
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, NULL, read_only, 0);
  const char *base_url = ovh_sandbox_get_base_url (fixture->sandbox);
  g_autoptr (OvhClient) client = ovh_client_new (base_url, OVH_SANDBOX_APPLICATION_KEY,
                                                 OVH_SANDBOX_APPLICATION_SECRET, consumer_key);
  g_autoptr (OvhAccount) account = ovh_account_new (base_url, OVH_SANDBOX_APPLICATION_KEY,
                                                    OVH_SANDBOX_APPLICATION_SECRET, consumer_key);
  g_autofree char *toast_text = NULL;

  ovh_client_set_rate_limit (client, 0);
  open_page (fixture, domaine_session_new (account, client));
  show_domain (fixture, ZONE);
  g_assert_true (domaine_dnssec_group_get_can_change (fixture->group));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->group), "dnssec.toggle", NULL));
  g_assert_true (domaine_test_wait_until (refused, fixture, 10000));
  g_assert_cmpint (domaine_dnssec_group_get_state (fixture->group), ==, OVH_DNSSEC_STATE_DISABLED);
  /* Said where the button is, the button off: not an error. */
  g_assert_nonnull (domaine_test_find_widget_with_text (
      GTK_WIDGET (fixture->group),
      "Not signed\nThis account’s key may read DNSSEC but not change it. Sign in again with the "
      "DNS editor access to enable or disable it here."));
  /* The action is off: nothing starts. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->group), "dnssec.toggle", NULL);
  g_assert_false (domaine_dnssec_group_get_busy (fixture->group));
  domaine_test_save_screenshot (GTK_WIDGET (fixture->group), "dnssec-group-read-only");
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  domaine_test_use_scratch_data_dirs ("domaine-dnssec-group-XXXXXX");

  g_test_add ("/dnssec-group/enable-disable", Fixture, NULL, fixture_set_up, test_enable_disable,
              fixture_tear_down);
  g_test_add ("/dnssec-group/signed-zone", Fixture, NULL, fixture_set_up, test_signed_zone,
              fixture_tear_down);
  g_test_add ("/dnssec-group/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);

  return g_test_run ();
}
