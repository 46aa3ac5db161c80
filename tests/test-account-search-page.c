/* test-account-search-page.c: searching and replacing across every zone, in the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-account-search-page.h"
#include "domaine-domain-page.h"
#include "domaine-replace-review-dialog.h"
#include "domaine-test-gui.h"
#include "domaine-window-private.h"
#include "ovh-account-replace.h"
#include "ovh-sandbox.h"

#define ADDRESS_REGEX "^(203\\.0\\.113|192\\.0\\.2|198\\.51\\.100)\\.(\\d+)$"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  DomaineWindow *window;
  DomaineAccountSearchPage *page;
} Fixture;

static gboolean
zones_loaded (gpointer data)
{
  DomaineAccountSearchPage *page = data;
  OvhAccountSearch *search = domaine_account_search_page_get_search (page);

  return ovh_account_search_get_n_zones (search) > 0 && !ovh_account_search_get_loading (search);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  ovh_sandbox_add_generated_zone (fixture->sandbox, "quiet.test", 30);
  fixture->session = domaine_test_session_new_for_sandbox (fixture->sandbox);

  fixture->window = domaine_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 980, 700);
  domaine_window_set_session (fixture->window, fixture->session);
  domaine_test_session_reload_sync (fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));

  /* As Ctrl+Shift+F does. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-all-zones", NULL));
  fixture->page = DOMAINE_ACCOUNT_SEARCH_PAGE (domaine_window_get_page (fixture->window, "search"));
  g_assert_nonnull (fixture->page);
  g_assert_true (domaine_test_wait_until (zones_loaded, fixture->page, 20000));
  ovh_sandbox_reset_request_log (fixture->sandbox);
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

static GtkCheckButton *
check_button (Fixture *fixture, const char *label)
{
  GtkWidget *text = domaine_test_find_label_with_text (GTK_WIDGET (fixture->page), label);
  GtkWidget *button = text != NULL ? gtk_widget_get_ancestor (text, GTK_TYPE_CHECK_BUTTON) : NULL;

  g_assert_true (GTK_IS_CHECK_BUTTON (button));
  return GTK_CHECK_BUTTON (button);
}

/* "zone: n, zone: n" of the page's results. */
static char *
describe (Fixture *fixture)
{
  GListModel *groups = domaine_account_search_page_get_results (fixture->page);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr (OvhZoneMatches) matches = g_list_model_get_item (groups, i);

      g_string_append_printf (text, "%s%s: %u", i > 0 ? ", " : "",
                              ovh_zone_matches_get_zone_name (matches),
                              g_list_model_get_n_items (ovh_zone_matches_get_records (matches)));
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_list_outside_popovers (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget))
    return NULL;
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_outside_popovers (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The results' list (the type drop-down has one too, in its popover). */
static GtkListView *
results_view (Fixture *fixture)
{
  GtkWidget *list = find_list_outside_popovers (GTK_WIDGET (fixture->page));

  g_assert_true (GTK_IS_LIST_VIEW (list));
  return GTK_LIST_VIEW (list);
}

/* The list view's rows: each zone, then its records (expanded). */
static GListModel *
shown_rows (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (results_view (fixture)));
}

static void
test_results_grouped (Fixture *fixture, gconstpointer data)
{
  g_autofree char *found = NULL;
  g_autofree char *regex_found = NULL;
  GListModel *rows;
  g_autoptr (GtkTreeListRow) first = NULL;
  g_autoptr (GtkTreeListRow) second = NULL;
  g_autoptr (GObject) first_item = NULL;
  g_autoptr (GObject) second_item = NULL;

  g_assert_cmpuint (
      ovh_account_search_get_n_zones (domaine_account_search_page_get_search (fixture->page)), ==,
      4);
  domaine_account_search_page_set_text (fixture->page, "www");
  found = describe (fixture);
  g_assert_cmpstr (found, ==, "analytical-engine.com: 2, countess.dev: 1, lovelace.fr: 1");
  g_assert_cmpuint (domaine_account_search_page_get_n_results (fixture->page), ==, 4);

  /* Zone headers, each followed by its records. */
  rows = shown_rows (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3 + 4);
  first = g_list_model_get_item (rows, 0);
  second = g_list_model_get_item (rows, 1);
  first_item = gtk_tree_list_row_get_item (first);
  second_item = gtk_tree_list_row_get_item (second);
  g_assert_true (OVH_IS_ZONE_MATCHES (first_item));
  g_assert_true (OVH_IS_RECORD (second_item));
  g_assert_cmpstr (ovh_record_get_zone (OVH_RECORD (second_item)), ==, "analytical-engine.com");

  /* A regular expression, then the case. */
  gtk_check_button_set_active (check_button (fixture, "Regular Expression"), TRUE);
  domaine_account_search_page_set_text (fixture->page, ADDRESS_REGEX);
  regex_found = describe (fixture);
  g_assert_cmpstr (regex_found, ==, "analytical-engine.com: 4, countess.dev: 1, lovelace.fr: 3");
  gtk_check_button_set_active (check_button (fixture, "Regular Expression"), FALSE);
  domaine_account_search_page_set_text (fixture->page, "OVH.NET");
  g_assert_cmpuint (domaine_account_search_page_get_n_results (fixture->page), ==, 8);
  gtk_check_button_set_active (check_button (fixture, "Match Case"), TRUE);
  g_assert_cmpuint (domaine_account_search_page_get_n_results (fixture->page), ==, 0);
  gtk_check_button_set_active (check_button (fixture, "Match Case"), FALSE);

  domaine_account_search_page_set_text (fixture->page, "ovh.net");
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->window)), ==, 0);
  g_free (domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "account-search"));
}

static gboolean
record_selected (gpointer data)
{
  DomaineZoneEditor *editor = data;
  GtkSelectionModel *selection = domaine_zone_editor_get_selection (editor);
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr (OvhRecord) row = NULL;

  if (gtk_bitset_get_size (selected) != 1)
    return FALSE;
  row = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (selected, 0));
  return g_str_equal (ovh_record_get_sub_domain (row), "blog");
}

/* Activating a found record opens its zone with that record selected. */
static void
test_activation_opens_the_record (Fixture *fixture, gconstpointer data)
{
  GtkListView *list = results_view (fixture);
  GListModel *rows;
  DomaineDomainPage *domain_page;
  guint position = G_MAXUINT;

  domaine_account_search_page_set_text (fixture->page, "203.0.113.11");
  rows = shown_rows (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && position == G_MAXUINT; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);

      if (OVH_IS_RECORD (item))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_signal_emit_by_name (list, "activate", position);
  domain_page = DOMAINE_DOMAIN_PAGE (domaine_window_get_page (fixture->window, "domain"));
  g_assert_nonnull (domain_page);
  g_assert_cmpstr (ovh_domain_get_name (domaine_domain_page_get_domain (domain_page)), ==,
                   "lovelace.fr");
  g_assert_cmpstr (domaine_domain_page_get_visible_view (domain_page), ==, "records");
  g_assert_true (domaine_test_wait_until (
      record_selected, domaine_domain_page_get_zone_editor (domain_page), 20000));
}

static DomaineReplaceReviewDialog *
find_review_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (DOMAINE_IS_REPLACE_REVIEW_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_not_busy (gpointer data)
{
  return !domaine_replace_review_dialog_get_busy (data);
}

/* One review for every zone, then each zone published once; a zone that fails keeps its
 * changes and says why, the others are published. */
static void
test_replace_in_all_zones (Fixture *fixture, gconstpointer data)
{
  DomaineReplaceReviewDialog *dialog;
  GListModel *plan;
  gpointer weak = NULL;

  gtk_check_button_set_active (check_button (fixture, "Regular Expression"), TRUE);
  domaine_account_search_page_set_text (fixture->page, ADDRESS_REGEX);
  domaine_account_search_page_set_replacement (fixture->page, "10.99.0.\\2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "search.replace", NULL));

  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  weak = dialog;
  plan = domaine_replace_review_dialog_get_plan (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (plan), ==, 3);
  g_assert_cmpuint (ovh_account_replace_count_changes (plan), ==, 8);
  /* Nothing is sent before Publish. */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*"), ==, 0);

  domaine_test_wait_for_window (GTK_WINDOW (dialog));
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "account-replace-review"));

  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", "/domain/zone/countess.dev/record/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  domaine_replace_review_dialog_publish (dialog);
  g_assert_true (domaine_test_wait_until (dialog_not_busy, dialog, 20000));
  g_assert_nonnull (weak);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/refresh"),
      ==, 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST",
                                                   "/domain/zone/analytical-engine.com/refresh"),
                    ==, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/countess.dev/refresh"),
      ==, 0);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/quiet.test/refresh"),
      ==, 0);
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (dialog), "Not published"));
  domaine_test_wait_for_transitions (GTK_WIDGET (dialog));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "account-replace-failed"));

  /* Retry sends what is still staged; the dialog closes once every zone went through. */
  ovh_sandbox_clear_faults (fixture->sandbox);
  domaine_replace_review_dialog_publish (dialog);
  g_assert_true (domaine_test_wait_for_null (&weak, 20000));
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/countess.dev/refresh"),
      ==, 1);
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/refresh"),
      ==, 1);

  /* The page searches the new values. */
  g_assert_cmpuint (domaine_account_search_page_get_n_results (fixture->page), ==, 0);
  gtk_check_button_set_active (check_button (fixture, "Regular Expression"), FALSE);
  domaine_account_search_page_set_text (fixture->page, "10.99.0.");
  g_assert_cmpuint (domaine_account_search_page_get_n_results (fixture->page), ==, 8);
}

int
main (int argc, char *argv[])
{
  domaine_test_use_scratch_data_dirs ("domaine-account-search-XXXXXX");
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add ("/account-search-page/results-grouped", Fixture, NULL, fixture_set_up,
              test_results_grouped, fixture_tear_down);
  g_test_add ("/account-search-page/activation-opens-the-record", Fixture, NULL, fixture_set_up,
              test_activation_opens_the_record, fixture_tear_down);
  g_test_add ("/account-search-page/replace-in-all-zones", Fixture, NULL, fixture_set_up,
              test_replace_in_all_zones, fixture_tear_down);

  return g_test_run ();
}
