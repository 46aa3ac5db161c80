/* test-sidebar.c: the account's domains in the window's sidebar, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-domain-page.h"
#include "domaine-sidebar.h"
#include "domaine-test-gui.h"
#include "domaine-window.h"
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

  /* The real window: the sidebar sits in its sidebar slot. */
  fixture->window = domaine_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  fixture->sidebar = DOMAINE_SIDEBAR (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->window), DOMAINE_TYPE_SIDEBAR));
  g_assert_nonnull (fixture->sidebar);
  domaine_sidebar_set_session (fixture->sidebar, fixture->session);
  domaine_test_session_reload_sync (fixture->session);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  domaine_test_spin (50);
  domaine_session_close (fixture->session);
  g_clear_object (&fixture->session);
  domaine_test_spin (50);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static OvhDomain *
shown_domain (Fixture *fixture, guint position)
{
  g_autoptr (OvhDomain) domain
      = g_list_model_get_item (domaine_sidebar_get_model (fixture->sidebar), position);
  return domain;
}

static void
test_lists_and_filters (Fixture *fixture, gconstpointer data)
{
  GListModel *model = domaine_sidebar_get_model (fixture->sidebar);

  /* The seeded account: three registered domains (one with DNS elsewhere), one zone only. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (ovh_domain_get_name (shown_domain (fixture, 0)), ==, "analytical-engine.com");
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (fixture->window), "lovelace.fr"));
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (fixture->window), "External DNS"));
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (fixture->window), "Zone only"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (fixture->window), "Account"));

  domaine_sidebar_set_search_text (fixture->sidebar, "ENGINE");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpstr (ovh_domain_get_name (shown_domain (fixture, 1)), ==, "difference-engine.org");

  domaine_sidebar_set_search_text (fixture->sidebar, "nothing-like-this");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  domaine_test_spin (50);
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->window), "No Matching Domains"));

  domaine_sidebar_set_search_text (fixture->sidebar, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->sidebar)), ==, 0);
}

static void
test_selecting_shows_the_page (Fixture *fixture, gconstpointer data)
{
  DomaineDomainPage *page;
  g_autofree char *shot = NULL;

  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));

  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "lovelace.fr"));
  page = domaine_sidebar_get_domain_page (fixture->sidebar);
  g_assert_nonnull (page);
  g_assert_true (domaine_window_get_page (fixture->window, "domain") == GTK_WIDGET (page));
  g_assert_cmpstr (ovh_domain_get_name (domaine_domain_page_get_domain (page)), ==, "lovelace.fr");

  /* One page, reused: another domain switches it. */
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "countess.dev"));
  g_assert_true (domaine_sidebar_get_domain_page (fixture->sidebar) == page);
  g_assert_cmpstr (ovh_domain_get_name (domaine_domain_page_get_domain (page)), ==, "countess.dev");
  g_assert_false (domaine_sidebar_select_domain (fixture->sidebar, "not-there.example"));

  domaine_test_spin (500);
  shot = domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "window-domain");
}

int
main (int argc, char *argv[])
{
  domaine_test_use_scratch_data_dirs ("domaine-sidebar-XXXXXX");
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add ("/sidebar/lists-and-filters", Fixture, NULL, fixture_set_up, test_lists_and_filters,
              fixture_tear_down);
  g_test_add ("/sidebar/selecting-shows-the-page", Fixture, NULL, fixture_set_up,
              test_selecting_shows_the_page, fixture_tear_down);

  return g_test_run ();
}
