/* test-sidebar.c: the account's domains in the window's sidebar, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-domain-page.h"
#include "domaine-sidebar-private.h"
#include "domaine-test-gui.h"
#include "domaine-window-private.h"
#include "domaine-zone-editor-private.h"
#include "ovh-pending-store.h"
#include "ovh-sandbox.h"

#include <glib/gstdio.h>

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

  /* The real window: the sidebar sits in its sidebar slot and follows the window's session. */
  fixture->window = domaine_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  fixture->sidebar = DOMAINE_SIDEBAR (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->window), DOMAINE_TYPE_SIDEBAR));
  g_assert_nonnull (fixture->sidebar);
  domaine_window_set_session (fixture->window, fixture->session);
  g_assert_true (domaine_sidebar_get_session (fixture->sidebar) == fixture->session);
  domaine_test_session_reload_sync (fixture->session);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  /* Everything the session started has called back before the sandbox stops. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  domaine_session_close (fixture->session);
  g_assert_true (domaine_test_wait_finalized (g_steal_pointer (&fixture->session), 10000));
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static OvhDomain *
shown_domain (Fixture *fixture, guint position)
{
  g_autoptr (OvhDomain) domain
      = g_list_model_get_item (domaine_sidebar_get_model (fixture->sidebar), position);
  return domain;
}

/* The widget with @text is on the page its stack shows. */
static gboolean
shown_in_stack (GtkWidget *root, const char *text)
{
  GtkWidget *widget = domaine_test_find_widget_with_text (root, text);
  GtkWidget *stack = widget != NULL ? gtk_widget_get_ancestor (widget, GTK_TYPE_STACK) : NULL;
  GtkWidget *page = stack != NULL ? gtk_stack_get_visible_child (GTK_STACK (stack)) : NULL;

  return page != NULL && (page == widget || gtk_widget_is_ancestor (widget, page));
}

static gboolean
no_results_shown (gpointer data)
{
  return shown_in_stack (data, "No Matching Domains");
}

static gboolean
zone_loaded (gpointer data)
{
  DomaineDomainPage *page = data;
  DomaineZoneEditor *editor = domaine_domain_page_get_zone_editor (page);

  return domaine_zone_editor_get_zone (editor) != NULL
         && ovh_zone_get_load_state (domaine_zone_editor_get_zone (editor))
                == OVH_ZONE_LOAD_STATE_LOADED;
}

/* The row of @name in the sidebar: [name over caption] [mark]. */
static GtkWidget *
row_of (Fixture *fixture, const char *name)
{
  GtkWidget *label = domaine_test_find_label_with_text (GTK_WIDGET (fixture->sidebar), name);

  g_assert_nonnull (label);
  return gtk_widget_get_parent (gtk_widget_get_parent (label));
}

static const char *
row_caption (Fixture *fixture, const char *name)
{
  GtkWidget *text = gtk_widget_get_first_child (row_of (fixture, name));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (text)));
}

static GtkWidget *
row_mark (Fixture *fixture, const char *name)
{
  return gtk_widget_get_last_child (row_of (fixture, name));
}

typedef struct
{
  Fixture *fixture;
  const char *name;
  gboolean visible;
} MarkWait;

static gboolean
mark_is (gpointer data)
{
  MarkWait *wait = data;

  return gtk_widget_get_visible (row_mark (wait->fixture, wait->name)) == wait->visible;
}

static gboolean
mark_becomes (Fixture *fixture, const char *name, gboolean visible)
{
  MarkWait wait = { fixture, name, visible };

  return domaine_test_wait_until (mark_is, &wait, 10000);
}

static gboolean
expiry_known (gpointer data)
{
  return ovh_domain_get_expiration_date (data) != NULL;
}

static gboolean
editor_ready (gpointer data)
{
  DomaineZoneEditor *editor = data;

  return !domaine_zone_editor_get_restoring (editor) && !domaine_zone_editor_get_busy (editor);
}

static void
select_row (DomaineZoneEditor *editor, const char *name, const char *type)
{
  GtkSelectionModel *selection = domaine_zone_editor_get_selection (editor);
  DomaineRecordRows *rows = domaine_zone_editor_get_rows (editor);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr (OvhRecord) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      OvhRecord *shown = domaine_record_rows_get_shown (rows, row);

      if (g_str_equal (ovh_record_get_display_name (shown), name)
          && g_str_equal (ovh_record_get_field_type (shown), type))
        {
          gtk_selection_model_select_item (selection, i, TRUE);
          return;
        }
    }
  g_error ("no row %s %s", name, type);
}

static void
store_result_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
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
  g_assert_true (domaine_test_wait_until (no_results_shown, fixture->sidebar, 10000));
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
  guint notified = 0;
  g_autofree char *shot = NULL;

  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));
  g_signal_connect_swapped (fixture->sidebar, "notify::selected-domain", G_CALLBACK (count_notify),
                            &notified);

  /* The sidebar says which domain is chosen; the window shows it (win.show-domain). */
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "lovelace.fr"));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (ovh_domain_get_name (domaine_sidebar_get_selected_domain (fixture->sidebar)), ==,
                   "lovelace.fr");
  page = DOMAINE_DOMAIN_PAGE (domaine_window_get_page (fixture->window, "domain"));
  g_assert_nonnull (page);
  g_assert_true (domaine_domain_page_get_session (page) == fixture->session);
  g_assert_cmpstr (ovh_domain_get_name (domaine_domain_page_get_domain (page)), ==, "lovelace.fr");

  /* One page, reused: another domain switches it. */
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "countess.dev"));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (domaine_window_get_page (fixture->window, "domain") == GTK_WIDGET (page));
  g_assert_cmpstr (ovh_domain_get_name (domaine_domain_page_get_domain (page)), ==, "countess.dev");
  g_assert_false (domaine_sidebar_select_domain (fixture->sidebar, "not-there.example"));

  /* The action with a name the account does not have changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-domain", "s",
                                             "not-there.example"));
  g_assert_cmpstr (ovh_domain_get_name (domaine_domain_page_get_domain (page)), ==, "countess.dev");

  /* Folded, the page offers the way back to the sidebar: the window tells it. */
  g_assert_false (domaine_domain_page_get_folded (page));
  g_assert_false (
      gtk_widget_get_visible (domaine_test_find_widget_with_text (GTK_WIDGET (page), "Back")));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  g_assert_true (domaine_test_wait_notify (page, "folded", 10000));
  g_assert_true (domaine_domain_page_get_folded (page));
  g_assert_true (domaine_window_get_folded (fixture->window));
  g_assert_true (
      gtk_widget_get_visible (domaine_test_find_widget_with_text (GTK_WIDGET (page), "Back")));
  /* Back shows the sidebar; choosing the domain again shows its page again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "win.show-sidebar", NULL));
  g_assert_true (adw_leaflet_get_visible_child (fixture->window->leaflet)
                 == fixture->window->sidebar);
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "countess.dev"));
  g_assert_true (adw_leaflet_get_visible_child (fixture->window->leaflet)
                 == GTK_WIDGET (fixture->window->content_stack));
  g_assert_cmpuint (notified, ==, 2);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  g_assert_true (domaine_test_wait_notify (page, "folded", 10000));
  g_assert_false (domaine_domain_page_get_folded (page));

  g_assert_true (domaine_test_wait_until (zone_loaded, page, 15000));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (fixture->window), 2));
  shot = domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "window-domain");
}

/* The caption under a name is the domain's kind, before and after its details arrive. */
static void
test_caption_keeps_its_meaning (Fixture *fixture, gconstpointer data)
{
  DomaineDomainPage *page;
  OvhDomain *domain;

  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));
  g_assert_cmpstr (row_caption (fixture, "lovelace.fr"), ==, "Domain and zone");
  g_assert_cmpstr (row_caption (fixture, "countess.dev"), ==, "Zone only");

  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "lovelace.fr"));
  page = DOMAINE_DOMAIN_PAGE (domaine_window_get_page (fixture->window, "domain"));
  domain = domaine_domain_page_get_domain (page);
  g_assert_true (domaine_test_wait_until (expiry_known, domain, 15000));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (fixture->window), 2));

  /* Selected and with its expiry known, it reads as the rows whose details are not loaded. */
  g_assert_cmpstr (row_caption (fixture, "lovelace.fr"), ==, "Domain and zone");
  g_assert_cmpstr (row_caption (fixture, "countess.dev"), ==, "Zone only");
  /* The expiry is on the domain's page. */
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (page), "Expires"));
}

/* Changes saved by an earlier run mark their domain before its zone is ever opened. */
static void
test_marks_saved_changes (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhPendingStore) store = ovh_pending_store_new (NULL);
  OvhAccount *account = domaine_session_get_account (fixture->session);
  g_autofree char *path
      = ovh_pending_store_dup_path (store, ovh_account_get_id (account), "countess.dev");
  g_autofree char *dir = g_path_get_dirname (path);

  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "countess.dev")));

  /* Only the file's presence matters here: its changes are read when the zone opens. */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  domaine_session_reload (fixture->session);
  g_assert_true (mark_becomes (fixture, "countess.dev", TRUE));
  g_assert_true (domaine_session_get_zone_has_changes (fixture->session, "countess.dev"));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "lovelace.fr")));
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A row marks its domain while the zone has changes not yet published. */
static void
test_marks_unpublished_changes (Fixture *fixture, gconstpointer data)
{
  DomaineDomainPage *page;
  DomaineZoneEditor *editor;
  GAsyncResult *result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *mark;

  gtk_window_present (GTK_WINDOW (fixture->window));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->window));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "lovelace.fr")));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "countess.dev")));

  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "lovelace.fr"));
  page = DOMAINE_DOMAIN_PAGE (domaine_window_get_page (fixture->window, "domain"));
  editor = domaine_domain_page_get_zone_editor (page);
  g_assert_true (domaine_test_wait_until (zone_loaded, page, 15000));
  g_assert_true (domaine_test_wait_until (editor_ready, editor, 10000));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "lovelace.fr")));

  /* Staged: marked, with words for a screen reader. */
  select_row (editor, "autoconfig", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "zone.delete", NULL));
  g_assert_true (mark_becomes (fixture, "lovelace.fr", TRUE));
  g_assert_true (domaine_session_get_zone_has_changes (fixture->session, "lovelace.fr"));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "countess.dev")));
  mark = row_mark (fixture, "lovelace.fr");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mark), ==, "Unpublished changes");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Unpublished changes");

  /* Undone: the mark goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "zone.undo", NULL));
  g_assert_true (mark_becomes (fixture, "lovelace.fr", FALSE));

  /* Staged again, the mark stays while another domain is shown. */
  select_row (editor, "autoconfig", "CNAME");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "zone.delete", NULL));
  g_assert_true (mark_becomes (fixture, "lovelace.fr", TRUE));
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "countess.dev"));
  g_assert_true (domaine_test_wait_until (zone_loaded, page, 15000));
  g_assert_true (gtk_widget_get_visible (row_mark (fixture, "lovelace.fr")));
  g_assert_false (gtk_widget_get_visible (row_mark (fixture, "countess.dev")));

  /* Back on it, the change is restored; published, the mark goes. */
  g_assert_true (domaine_sidebar_select_domain (fixture->sidebar, "lovelace.fr"));
  g_assert_true (domaine_test_wait_until (zone_loaded, page, 15000));
  g_assert_true (domaine_test_wait_until (editor_ready, editor, 10000));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (editor), ==, 1);
  g_assert_true (gtk_widget_get_visible (row_mark (fixture, "lovelace.fr")));
  domaine_zone_editor_publish_async (editor, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (domaine_zone_editor_publish_finish (editor, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_true (mark_becomes (fixture, "lovelace.fr", FALSE));
  g_assert_false (domaine_session_get_zone_has_changes (fixture->session, "lovelace.fr"));
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
  g_test_add ("/sidebar/caption-keeps-its-meaning", Fixture, NULL, fixture_set_up,
              test_caption_keeps_its_meaning, fixture_tear_down);
  g_test_add ("/sidebar/marks-unpublished-changes", Fixture, NULL, fixture_set_up,
              test_marks_unpublished_changes, fixture_tear_down);
  g_test_add ("/sidebar/marks-saved-changes", Fixture, NULL, fixture_set_up,
              test_marks_saved_changes, fixture_tear_down);

  return g_test_run ();
}
