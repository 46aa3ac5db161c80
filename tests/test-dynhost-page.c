/* test-dynhost-page.c: the DynHost view against the in-process sandbox, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "domaine-dynhost-page.h"
#include "domaine-test-gui.h"
#include "ovh-dynhost.h"
#include "test-fixture.h"

#define TIMEOUT_MS 20000

typedef struct
{
  OvhTestFixture api;
  GtkWindow *window;
  DomaineDynhostPage *page;
} Fixture;

static GtkWidget *
child (Fixture *fixture, const char *name)
{
  return GTK_WIDGET (
      gtk_widget_get_template_child (GTK_WIDGET (fixture->page), DOMAINE_TYPE_DYNHOST_PAGE, name));
}

typedef struct
{
  Fixture *fixture;
  const char *title;
} RowWait;

static gboolean
row_is_listed (gpointer data)
{
  RowWait *wait = data;

  return !domaine_dynhost_page_get_busy (wait->fixture->page)
         && domaine_test_find_widget_with_text (GTK_WIDGET (wait->fixture->page), wait->title)
                != NULL;
}

static void
wait_for_row (Fixture *fixture, const char *title)
{
  RowWait wait = { fixture, title };

  g_assert_true (domaine_test_wait_until (row_is_listed, &wait, TIMEOUT_MS));
}

static gboolean
is_idle (gpointer data)
{
  return !domaine_dynhost_page_get_busy (((Fixture *) data)->page);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_is_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = NULL;

  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 900);
  fixture->page = g_object_new (DOMAINE_TYPE_DYNHOST_PAGE, NULL);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);

  zone = ovh_zone_new (fixture->api.client, "lovelace.fr");
  domaine_dynhost_page_set_zone (fixture->page, zone);
  /* The seeded record and login. */
  wait_for_row (fixture, "home");
  wait_for_row (fixture, "lovelace.fr-router");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (fixture->window);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

static void
test_labelled (Fixture *fixture, gconstpointer data)
{
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->page)), ==, 0);
  g_free (domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "dynhost-page"));
}

static void
test_add_record (Fixture *fixture, gconstpointer data)
{
  GtkEditable *subdomain = GTK_EDITABLE (child (fixture, "record_subdomain_row"));
  GtkEditable *ip = GTK_EDITABLE (child (fixture, "record_ip_row"));
  GtkWidget *error = child (fixture, "record_error");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) records = NULL;

  /* A wrong address: said, and what was typed stays. */
  gtk_editable_set_text (subdomain, "nas");
  gtk_editable_set_text (ip, "2001:db8::7");
  g_signal_emit_by_name (child (fixture, "record_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_editable_get_text (subdomain), ==, "nas");
  g_assert_cmpstr (gtk_editable_get_text (ip), ==, "2001:db8::7");

  gtk_editable_set_text (ip, "203.0.113.77");
  g_signal_emit_by_name (child (fixture, "record_button"), "clicked");
  wait_for_row (fixture, "203.0.113.77");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_editable_get_text (subdomain), ==, "");

  ovh_dynhost_list_records_async (fixture->api.client, "lovelace.fr", NULL, ovh_test_store_result,
                                  &result);
  records
      = ovh_dynhost_list_records_finish (fixture->api.client, ovh_test_wait_result (&result), NULL);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (ovh_dynhost_record_get_subdomain (g_ptr_array_index (records, 1)), ==, "nas");
}

static void
test_add_login (Fixture *fixture, gconstpointer data)
{
  GtkEditable *suffix = GTK_EDITABLE (child (fixture, "login_suffix_row"));
  GtkEditable *subdomain = GTK_EDITABLE (child (fixture, "login_subdomain_row"));
  GtkEditable *password = GTK_EDITABLE (child (fixture, "login_password_row"));
  GtkWidget *error = child (fixture, "login_error");
  g_autofree char *generated = NULL;
  AdwMessageDialog *dialog;

  /* Too short: refused before anything is sent, the form kept. */
  gtk_editable_set_text (suffix, "cam");
  gtk_editable_set_text (subdomain, "cam");
  gtk_editable_set_text (password, "short");
  g_signal_emit_by_name (child (fixture, "login_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_editable_get_text (suffix), ==, "cam");
  g_assert_cmpstr (gtk_editable_get_text (password), ==, "short");

  g_signal_emit_by_name (child (fixture, "generate_button"), "clicked");
  generated = g_strdup (gtk_editable_get_text (password));
  g_assert_true (ovh_dynhost_check_password (generated, NULL));
  g_signal_emit_by_name (child (fixture, "login_button"), "clicked");
  wait_for_row (fixture, "lovelace.fr-cam");
  g_assert_true (domaine_test_wait_until (is_idle, fixture, TIMEOUT_MS));

  /* The generated password, shown once; the form is emptied. */
  g_assert_true (domaine_test_wait_until (dialog_is_shown, NULL, TIMEOUT_MS));
  dialog = find_dialog ();
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (dialog), generated));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (dialog), "dynhost-password-once"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_editable_get_text (password), ==, "");
  g_assert_false (gtk_widget_get_visible (error));
}

int
main (int argc, char **argv)
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add ("/dynhost-page/labelled", Fixture, NULL, fixture_set_up, test_labelled,
              fixture_tear_down);
  g_test_add ("/dynhost-page/add-record", Fixture, NULL, fixture_set_up, test_add_record,
              fixture_tear_down);
  g_test_add ("/dynhost-page/add-login", Fixture, NULL, fixture_set_up, test_add_login,
              fixture_tear_down);

  return g_test_run ();
}
