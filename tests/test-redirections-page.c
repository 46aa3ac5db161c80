/* test-redirections-page.c: the Redirections view against the in-process sandbox, in a real
 * window: the seeded one listed, changes staged then published with one refresh, the editor's
 * checks, and a read-only key's state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "domaine-domain-page.h"
#include "domaine-redirection-editor.h"
#include "domaine-redirection-item.h"
#include "domaine-redirections-page.h"
#include "domaine-test-gui.h"
#include "ovh-access-rules.h"
#include "ovh-redirection.h"
#include "test-fixture.h"

#define TIMEOUT_MS 20000
#define ZONE "lovelace.fr"

typedef struct
{
  OvhTestFixture api;
  GtkWindow *window;
  DomaineRedirectionsPage *page;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  Fixture *fixture = data;

  return !domaine_redirections_page_get_busy (fixture->page)
         && g_list_model_get_n_items (domaine_redirections_page_get_items (fixture->page)) > 0;
}

static void
open_page (Fixture *fixture, OvhClient *client, int width, int height)
{
  g_autoptr (OvhZone) zone = ovh_zone_new (client, ZONE);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  fixture->page = g_object_new (DOMAINE_TYPE_REDIRECTIONS_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
  domaine_redirections_page_set_zone (fixture->page, zone);
  g_assert_true (domaine_test_wait_until (is_idle, fixture, TIMEOUT_MS));
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
}

static GtkWindow *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (DOMAINE_IS_REDIRECTION_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_gone (gpointer data)
{
  return find_editor () == NULL;
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GtkWindow *editor;

  while ((editor = find_editor ()) != NULL)
    gtk_window_destroy (editor);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

static DomaineRedirectionItem *
item (Fixture *fixture, guint position)
{
  GListModel *items = domaine_redirections_page_get_items (fixture->page);
  DomaineRedirectionItem *found;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (items));
  found = g_list_model_get_item (items, position);
  g_object_unref (found); /* the model keeps it */
  return found;
}

static void
activate (Fixture *fixture, const char *action, guint position)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, "u", position));
}

static GtkWindow *
open_editor (Fixture *fixture, const char *action, guint position)
{
  if (g_str_equal (action, "redirections.add"))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  else
    activate (fixture, action, position);
  g_assert_true (domaine_test_wait_until (editor_shown, NULL, TIMEOUT_MS));
  domaine_test_wait_for_window (find_editor ());
  return find_editor ();
}

static GtkWidget *
editor_child (GtkWindow *editor, const char *name)
{
  return GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (editor), DOMAINE_TYPE_REDIRECTION_EDITOR, name));
}

static void
save (GtkWindow *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
}

static void
save_screenshot (Fixture *fixture, GtkWidget *widget, const char *name)
{
  g_autofree char *path = NULL;

  domaine_test_wait_for_transitions (widget);
  path = domaine_test_save_screenshot (widget, name);
  if (path != NULL)
    g_test_message ("screenshot: %s", path);
}

static guint
count_requests (Fixture *fixture, const char *method, const char *path)
{
  g_autoptr (GPtrArray) log = ovh_sandbox_dup_request_log (fixture->api.sandbox);
  guint n = 0;

  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if (g_str_equal (request->method, method) && g_str_equal (request->path, path))
        n++;
    }
  return n;
}

static void
test_seeded (Fixture *fixture, gconstpointer data)
{
  OvhRedirection *seeded;

  open_page (fixture, fixture->api.client, 900, 640);
  g_assert_cmpuint (g_list_model_get_n_items (domaine_redirections_page_get_items (fixture->page)),
                    ==, 1);
  g_assert_cmpint (domaine_redirection_item_get_state (item (fixture, 0)), ==,
                   DOMAINE_REDIRECTION_PUBLISHED);
  seeded = domaine_redirection_item_get_shown (item (fixture, 0));
  g_assert_cmpstr (ovh_redirection_get_subdomain (seeded), ==, "archive");
  g_assert_false (domaine_redirections_page_get_read_only (fixture->page));
  /* Shown as a person reads it: the address, the type in words and the target. */
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->page),
                                                            "http://archive." ZONE "/"));
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (fixture->page), "Permanent (301)"));
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (fixture->page),
                                                       "https://ada-archive.example.org/"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->page)), ==, 0);
  save_screenshot (fixture, GTK_WIDGET (fixture->window), "redirections-page-wide");
}

/* Staged, shown as pending, revertible, then published with one refresh. */
static void
test_stage_and_publish (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) at_ovh = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (GPtrArray) editor_rules = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  g_autoptr (GPtrArray) reader_rules = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  GtkWindow *editor;
  GtkWidget *error_label;

  open_page (fixture, fixture->api.client, 900, 640);
  ovh_sandbox_reset_request_log (fixture->api.sandbox);

  /* Add: a target that is not a web address is refused, and what was typed stays. */
  editor = open_editor (fixture, "redirections.add", 0);
  error_label = editor_child (editor, "error_label");
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "_Subdomain", "shop");
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "T_arget web address", "shop.example.net");
  save (editor);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "http://"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "subdomain_row"))),
                   ==, "shop");
  g_assert_true (find_editor () == editor);
  /* The name of another redirection is refused too. */
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "_Subdomain", "archive." ZONE);
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "T_arget web address",
                                   "https://shop.example.net/");
  save (editor);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "already has"));
  g_assert_true (gtk_widget_get_visible (error_label));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "type_row")),
                              OVH_REDIRECTION_INVISIBLE);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "page_group")));
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "_Subdomain", "shop");
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "Page _title", "Ada’s shop");
  /* Typing again: the last Save's complaint goes. */
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (editor)), ==, 0);
  save_screenshot (fixture, GTK_WIDGET (editor), "redirection-editor");
  save (editor);
  g_assert_true (domaine_test_wait_until (editor_gone, NULL, TIMEOUT_MS));

  /* Edit the seeded one: another target. */
  editor = open_editor (fixture, "redirections.edit", 0);
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "T_arget web address",
                                   "https://archive.example.net/ada");
  save (editor);
  g_assert_true (domaine_test_wait_until (editor_gone, NULL, TIMEOUT_MS));

  /* Nothing sent yet; both shown as pending. */
  g_assert_cmpuint (domaine_redirections_page_get_n_pending (fixture->page), ==, 2);
  g_assert_cmpint (domaine_redirection_item_get_state (item (fixture, 0)), ==,
                   DOMAINE_REDIRECTION_CHANGED);
  g_assert_cmpint (domaine_redirection_item_get_state (item (fixture, 1)), ==,
                   DOMAINE_REDIRECTION_ADDED);
  g_assert_nonnull (
      domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->page), "New, not published"));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->page), "2 unpublished changes"));
  {
    g_autoptr (GPtrArray) sent = ovh_sandbox_dup_request_log (fixture->api.sandbox);

    for (guint i = 0; i < sent->len; i++)
      g_assert_cmpstr (((OvhSandboxRequest *) g_ptr_array_index (sent, i))->method, ==, "GET");
  }
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->page)), ==, 0);
  save_screenshot (fixture, GTK_WIDGET (fixture->window), "redirections-page-pending-wide");
  gtk_window_set_default_size (fixture->window, 360, 640);
  domaine_test_wait_frames (GTK_WIDGET (fixture->window), 3);
  save_screenshot (fixture, GTK_WIDGET (fixture->window), "redirections-page-pending-narrow");
  gtk_window_set_default_size (fixture->window, 900, 640);

  /* A delete, reverted: back as it was. */
  activate (fixture, "redirections.delete", 0);
  g_assert_cmpint (domaine_redirection_item_get_state (item (fixture, 0)), ==,
                   DOMAINE_REDIRECTION_DELETED);
  activate (fixture, "redirections.revert", 0);
  g_assert_cmpint (domaine_redirection_item_get_state (item (fixture, 0)), ==,
                   DOMAINE_REDIRECTION_PUBLISHED);
  g_assert_cmpuint (domaine_redirections_page_get_n_pending (fixture->page), ==, 1);
  /* Edited again: pending again. */
  editor = open_editor (fixture, "redirections.edit", 0);
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "T_arget web address",
                                   "https://archive.example.net/ada");
  save (editor);
  g_assert_true (domaine_test_wait_until (editor_gone, NULL, TIMEOUT_MS));
  g_assert_cmpuint (domaine_redirections_page_get_n_pending (fixture->page), ==, 2);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "redirections.publish", NULL));
  g_assert_true (domaine_test_wait_until (is_idle, fixture, TIMEOUT_MS));
  g_assert_cmpuint (domaine_redirections_page_get_n_pending (fixture->page), ==, 0);
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->api.sandbox, ZONE));
  g_assert_cmpint (domaine_redirection_item_get_state (item (fixture, 1)), ==,
                   DOMAINE_REDIRECTION_PUBLISHED);

  ovh_redirection_list_async (fixture->api.client, ZONE, NULL, ovh_test_store_result, &result);
  at_ovh = ovh_redirection_list_finish (fixture->api.client, ovh_test_wait_result (&result), NULL);
  g_assert_cmpuint (at_ovh->len, ==, 2);
  g_assert_cmpstr (ovh_redirection_get_target (g_ptr_array_index (at_ovh, 0)), ==,
                   "https://archive.example.net/ada");
  g_assert_cmpstr (ovh_redirection_get_title (g_ptr_array_index (at_ovh, 1)), ==, "Ada’s shop");
  g_assert_cmpint (ovh_redirection_get_redirection_type (g_ptr_array_index (at_ovh, 1)), ==,
                   OVH_REDIRECTION_INVISIBLE);

  /* Deleted, then published: one more refresh. */
  activate (fixture, "redirections.delete", 1);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "redirections.publish", NULL));
  g_assert_true (domaine_test_wait_until (is_idle, fixture, TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (domaine_redirections_page_get_items (fixture->page)),
                    ==, 1);
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 2);

  /* Every call the view made is one the DNS editor preset allows; its reads, the read-only
   * preset too. */
  log = ovh_sandbox_dup_request_log (fixture->api.sandbox);
  g_assert_cmpuint (log->len, >, 0);
  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      g_test_message ("%s %s", request->method, request->path);
      g_assert_true (ovh_access_rules_allow (editor_rules, request->method, request->path)
                     || g_str_has_prefix (request->path, "/auth/"));
      if (g_str_equal (request->method, "GET") && !g_str_has_prefix (request->path, "/auth/"))
        g_assert_true (ovh_access_rules_allow (reader_rules, request->method, request->path));
    }
}

/* Moving one to another name is a delete and a create (PUT cannot change its subdomain). */
static void
test_move (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) at_ovh = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  GtkWindow *editor;

  open_page (fixture, fixture->api.client, 900, 640);
  editor = open_editor (fixture, "redirections.edit", 0);
  domaine_test_set_entry_row_text (GTK_WIDGET (editor), "_Subdomain", "@");
  save (editor);
  g_assert_true (domaine_test_wait_until (editor_gone, NULL, TIMEOUT_MS));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "redirections.publish", NULL));
  g_assert_true (domaine_test_wait_until (is_idle, fixture, TIMEOUT_MS));
  g_assert_cmpuint (domaine_redirections_page_get_n_pending (fixture->page), ==, 0);

  ovh_redirection_list_async (fixture->api.client, ZONE, NULL, ovh_test_store_result, &result);
  at_ovh = ovh_redirection_list_finish (fixture->api.client, ovh_test_wait_result (&result), NULL);
  g_assert_cmpuint (at_ovh->len, ==, 1);
  g_assert_cmpstr (ovh_redirection_get_subdomain (g_ptr_array_index (at_ovh, 0)), ==, "");
  g_assert_nonnull (
      domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->page), "http://" ZONE "/"));
}

static gboolean
is_read_only (gpointer data)
{
  Fixture *fixture = data;

  return domaine_redirections_page_get_read_only (fixture->page)
         && !domaine_redirections_page_get_busy (fixture->page);
}

/* A read-only key: listed, with adding and editing off and the reason said; not an error. */
static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GPtrArray) rule_texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *consumer_key = NULL;
  g_autoptr (OvhClient) reader = NULL;
  GtkWidget *add_button;

  for (guint i = 0; i < rules->len; i++)
    {
      OvhAccessRule *rule = g_ptr_array_index (rules, i);

      g_ptr_array_add (rule_texts, g_strdup_printf ("%s %s", rule->method, rule->path));
    }
  g_ptr_array_add (rule_texts, NULL);
  consumer_key = ovh_sandbox_create_credential (fixture->api.sandbox, NULL,
                                                (const char *const *) rule_texts->pdata, 0);
  reader = ovh_test_fixture_new_client (&fixture->api, consumer_key);

  open_page (fixture, reader, 900, 640);
  g_assert_true (domaine_test_wait_until (is_read_only, fixture, TIMEOUT_MS));
  g_assert_cmpuint (g_list_model_get_n_items (domaine_redirections_page_get_items (fixture->page)),
                    ==, 1);
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (
      GTK_WIDGET (fixture->page),
      "This account’s key may read redirections but not change them. Sign in again with the DNS "
      "editor access to add, edit or delete them here."));
  add_button = GTK_WIDGET (gtk_widget_get_template_child (
      GTK_WIDGET (fixture->page), DOMAINE_TYPE_REDIRECTIONS_PAGE, "add_button"));
  g_assert_false (gtk_widget_is_sensitive (add_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (add_button), ==,
                   "This account’s key may not add redirections");
  /* Nothing opens, nothing is staged. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "redirections.add", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "redirections.delete", "u", 0);
  g_assert_null (find_editor ());
  g_assert_cmpuint (domaine_redirections_page_get_n_pending (fixture->page), ==, 0);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->page)), ==, 0);
  save_screenshot (fixture, GTK_WIDGET (fixture->window), "redirections-page-read-only");
}

/* The narrow window and the empty state, for the screenshots too. */
static void
test_narrow (Fixture *fixture, gconstpointer data)
{
  GtkWindow *editor;

  open_page (fixture, fixture->api.client, 360, 640);
  save_screenshot (fixture, GTK_WIDGET (fixture->window), "redirections-page-narrow");
  editor = open_editor (fixture, "redirections.edit", 0);
  gtk_window_set_default_size (editor, 360, 560);
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "type_row")),
                              OVH_REDIRECTION_INVISIBLE);
  domaine_test_wait_frames (GTK_WIDGET (editor), 3);
  save_screenshot (fixture, GTK_WIDGET (editor), "redirection-editor-narrow");
  gtk_window_destroy (editor);
  activate (fixture, "redirections.delete", 0);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "redirections.publish", NULL));
  g_assert_true (domaine_test_wait_until (editor_gone, NULL, TIMEOUT_MS));
  g_assert_nonnull (
      domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->page), "No Redirections"));
  save_screenshot (fixture, GTK_WIDGET (fixture->window), "redirections-page-empty-narrow");
}

static gboolean
dialog_shown (gpointer data)
{
  return domaine_test_find_message_dialog () != NULL;
}

/* In the domain page, beside DynHost; closing the window with staged redirections asks, and
 * Publish publishes them (one refresh) before the window closes. */
static void
test_domain_page (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DomaineSession) session = domaine_test_session_new_for_sandbox (fixture->api.sandbox);
  GListModel *domains;
  DomaineDomainPage *domain_page;
  GtkWindow *closing;
  AdwMessageDialog *dialog;

  domaine_test_session_reload_sync (session);
  closing = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (closing, 1000, 700);
  domain_page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (session));
  gtk_window_set_child (closing, GTK_WIDGET (domain_page));
  gtk_window_present (closing);
  domaine_test_wait_for_window (closing);
  domains = domaine_session_get_domains (session);
  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (domains, i);

      if (g_str_equal (ovh_domain_get_name (domain), ZONE))
        domaine_domain_page_set_domain (domain_page, domain);
    }
  domaine_domain_page_set_visible_view (domain_page, "redirections");
  fixture->page = DOMAINE_REDIRECTIONS_PAGE (
      domaine_test_find_widget_of_type (GTK_WIDGET (domain_page), DOMAINE_TYPE_REDIRECTIONS_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (domaine_test_wait_until (is_idle, fixture, TIMEOUT_MS));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (domain_page)), ==, 0);
  save_screenshot (fixture, GTK_WIDGET (closing), "redirections-view-wide");

  /* Nothing staged: closing does not ask. */
  g_assert_false (domaine_domain_page_confirm_close (domain_page, closing));
  activate (fixture, "redirections.delete", 0);
  save_screenshot (fixture, GTK_WIDGET (closing), "redirections-view-pending-wide");
  ovh_sandbox_reset_request_log (fixture->api.sandbox);
  g_assert_true (domaine_domain_page_confirm_close (domain_page, closing));
  g_assert_true (domaine_test_wait_until (dialog_shown, NULL, TIMEOUT_MS));
  dialog = domaine_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   ZONE " has 1 unpublished redirection change. Publish it before closing, or "
                        "discard it?");
  g_object_add_weak_pointer (G_OBJECT (closing), (gpointer *) &closing);
  adw_message_dialog_response (dialog, "publish");
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &closing, TIMEOUT_MS));
  fixture->page = NULL;
  g_assert_cmpuint (count_requests (fixture, "POST", "/domain/zone/" ZONE "/refresh"), ==, 1);
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GPtrArray) at_ovh = NULL;

    ovh_redirection_list_async (fixture->api.client, ZONE, NULL, ovh_test_store_result, &result);
    at_ovh
        = ovh_redirection_list_finish (fixture->api.client, ovh_test_wait_result (&result), NULL);
    g_assert_cmpuint (at_ovh->len, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  domaine_test_use_scratch_data_dirs ("domaine-redirections-page-XXXXXX");

  g_test_add ("/redirections-page/seeded", Fixture, NULL, fixture_set_up, test_seeded,
              fixture_tear_down);
  g_test_add ("/redirections-page/stage-and-publish", Fixture, NULL, fixture_set_up,
              test_stage_and_publish, fixture_tear_down);
  g_test_add ("/redirections-page/move", Fixture, NULL, fixture_set_up, test_move,
              fixture_tear_down);
  g_test_add ("/redirections-page/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);
  g_test_add ("/redirections-page/narrow", Fixture, NULL, fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add ("/redirections-page/domain-page", Fixture, NULL, fixture_set_up, test_domain_page,
              fixture_tear_down);

  return g_test_run ();
}
