/* test-renewal.c: a domain's renewal in its page, and the banner when it expires unrenewed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against the sandbox, whose analytical-engine.com is renewed by hand and expires in 20 days,
 * while lovelace.fr renews itself.
 */
#include "config.h"

#include <string.h>

#include "domaine-domain-page.h"
#include "domaine-expiry-watch.h"
#include "domaine-renewal-banner.h"
#include "domaine-renewal-group.h"
#include "domaine-sidebar-private.h"
#include "domaine-test-gui.h"
#include "domaine-window-private.h"
#include "ovh-sandbox.h"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  DomaineWindow *window;
  DomaineSidebar *sidebar;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  fixture->session = domaine_test_session_new_for_sandbox (fixture->sandbox);

  fixture->window = domaine_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  fixture->sidebar = DOMAINE_SIDEBAR (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->window), DOMAINE_TYPE_SIDEBAR));
  g_assert_nonnull (fixture->sidebar);
  domaine_window_set_session (fixture->window, fixture->session);
  domaine_test_session_reload_sync (fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  domaine_session_close (fixture->session);
  g_assert_true (domaine_test_wait_finalized (g_steal_pointer (&fixture->session), 10000));
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
banner_revealed (gpointer data)
{
  return domaine_renewal_banner_get_revealed (data);
}

static gboolean
banner_hidden (gpointer data)
{
  return !domaine_renewal_banner_get_revealed (data);
}

static gboolean
group_loaded_for (gpointer data)
{
  DomaineRenewalGroup *group = data;
  OvhServiceInfos *infos = domaine_renewal_group_get_service_infos (group);
  const char *expected = g_object_get_data (G_OBJECT (group), "expected-domain");

  return infos != NULL && g_str_equal (ovh_service_infos_get_domain (infos), expected);
}

static void
wait_for_group (DomaineRenewalGroup *group, const char *domain)
{
  g_object_set_data_full (G_OBJECT (group), "expected-domain", g_strdup (domain), g_free);
  g_assert_true (domaine_test_wait_until (group_loaded_for, group, 15000));
}

static void
test_banner_and_group (Fixture *fixture, gconstpointer data)
{
  DomaineDomainPage *page;
  DomaineRenewalBanner *banner;
  DomaineRenewalGroup *group;
  GtkWidget *admin;
  g_autofree char *label = NULL;

  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "analytical-engine.com"));
  page = DOMAINE_DOMAIN_PAGE (domaine_window_get_page (fixture->window, "domain"));
  banner = DOMAINE_RENEWAL_BANNER (
      domaine_test_find_widget_of_type (GTK_WIDGET (page), DOMAINE_TYPE_RENEWAL_BANNER));
  group = DOMAINE_RENEWAL_GROUP (
      domaine_test_find_widget_of_type (GTK_WIDGET (page), DOMAINE_TYPE_RENEWAL_GROUP));
  g_assert_nonnull (banner);
  g_assert_nonnull (group);

  /* The banner says it at the top of the page, whichever view shows. */
  g_assert_true (domaine_test_wait_until (banner_revealed, banner, 15000));
  g_assert_nonnull (
      strstr (domaine_renewal_banner_get_title (banner), "analytical-engine.com expires on "));
  g_assert_nonnull (
      strstr (domaine_renewal_banner_get_title (banner), "does not renew automatically"));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (banner), GTK_WIDGET (page)));

  /* The Domain view: the mode, the expiry with how far it is, the contacts. */
  domaine_domain_page_set_visible_view (page, "domain");
  wait_for_group (group, "analytical-engine.com");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (group), "Manual"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (group), "Renewal mode"));
  admin = domaine_test_find_widget_with_text (GTK_WIDGET (group), "Administrative contact");
  g_assert_nonnull (admin);
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (group), OVH_SANDBOX_NICHANDLE));
  label = domaine_renewal_format_days (20);
  g_assert_cmpstr (label, ==, "in 20 days");
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (group)), ==, 0);
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "renewal-expiring");

  /* A domain that renews itself: no banner. */
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "lovelace.fr"));
  g_assert_true (domaine_test_wait_until (banner_hidden, banner, 15000));
  wait_for_group (group, "lovelace.fr");
  g_assert_false (domaine_renewal_banner_get_revealed (banner));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (group), "Automatic, every 12 months"));

  /* A zone registered elsewhere has no renewal at OVH. */
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "countess.dev"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_false (domaine_renewal_banner_get_revealed (banner));
}

static void
collect_expiring (DomaineExpiryWatch *watch,
                  OvhServiceInfos *infos,
                  GNotification *notification,
                  GPtrArray *names)
{
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (names, g_strdup (ovh_service_infos_get_domain (infos)));
}

static gboolean
check_done (gpointer data)
{
  return !domaine_expiry_watch_get_checking (data);
}

/* At start the watch checks every registered domain and tells about the one expiring
 * unrenewed, once: a second check the same day says nothing again. */
static void
test_expiry_watch (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (DomaineExpiryWatch) watch = domaine_expiry_watch_new (fixture->session);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *id = domaine_expiry_watch_dup_notification_id ("analytical-engine.com");
  g_autoptr (GNotification) notification = NULL;
  g_autoptr (OvhServiceInfos) infos = NULL;

  g_signal_connect (watch, "expiring", G_CALLBACK (collect_expiring), names);
  /* The session is ready: the first check started with the watch. */
  g_assert_true (domaine_expiry_watch_get_checking (watch));
  g_assert_true (domaine_test_wait_until (check_done, watch, 15000));
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "analytical-engine.com");

  domaine_expiry_watch_check (watch);
  g_assert_true (domaine_expiry_watch_get_checking (watch));
  g_assert_true (domaine_test_wait_until (check_done, watch, 15000));
  g_assert_cmpuint (names->len, ==, 1);

  /* One notification per domain: a later one replaces it. */
  g_assert_cmpstr (id, ==, "expiry-analytical-engine.com");
  {
    g_autoptr (JsonNode) node
        = json_from_string ("{\"domain\":\"analytical-engine.com\",\"creation\":\"2020-01-01\","
                            "\"expiration\":\"2099-01-01\",\"status\":\"ok\",\"renew\":null}",
                            NULL);

    infos = ovh_service_infos_new_from_json (node, NULL);
  }
  g_assert_nonnull (infos);
  notification = domaine_expiry_watch_create_notification (infos, now);
  g_assert_true (G_IS_NOTIFICATION (notification));
}

static void
test_days_words (void)
{
  g_autofree char *today = domaine_renewal_format_days (0);
  g_autofree char *one = domaine_renewal_format_days (1);
  g_autofree char *ago = domaine_renewal_format_days (-3);

  g_assert_cmpstr (today, ==, "today");
  g_assert_cmpstr (one, ==, "in 1 day");
  g_assert_cmpstr (ago, ==, "3 days ago");
}

int
main (int argc, char *argv[])
{
  domaine_test_use_scratch_data_dirs ("domaine-renewal-XXXXXX");
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add_func ("/renewal/days-words", test_days_words);
  g_test_add ("/renewal/expiry-watch", Fixture, NULL, fixture_set_up, test_expiry_watch,
              fixture_tear_down);
  g_test_add ("/renewal/banner-and-group", Fixture, NULL, fixture_set_up, test_banner_and_group,
              fixture_tear_down);

  return g_test_run ();
}
