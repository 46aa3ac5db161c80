/* test-delegation-group.c: the Name Servers group of the domain page and its dialog against
 * the in-process sandbox: the list shown, other name servers set (validation first, a refusal
 * keeping what was typed), the task followed to its end, OVHcloud's back, and a read-only
 * key's explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "domaine-delegation-dialog.h"
#include "domaine-delegation-group.h"
#include "domaine-domain-page.h"
#include "domaine-test-gui.h"
#include "ovh-access-rules.h"
#include "ovh-sandbox.h"

#define DOMAIN "lovelace.fr"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  GtkWindow *window;
  AdwToastOverlay *overlay;
  DomaineDomainPage *page;
  DomaineDelegationGroup *group;
} Fixture;

static void
open_page (Fixture *fixture, DomaineSession *session, int width)
{
  fixture->session = session;
  domaine_test_session_reload_sync (fixture->session);
  g_assert_cmpint (domaine_session_get_state (fixture->session), ==, DOMAINE_SESSION_STATE_READY);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 900);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
  fixture->group = DOMAINE_DELEGATION_GROUP (
      domaine_test_find_widget_of_type (GTK_WIDGET (fixture->page), DOMAINE_TYPE_DELEGATION_GROUP));
  g_assert_nonnull (fixture->group);
  domaine_delegation_group_set_poll_interval (fixture->group, 20);
}

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;

  return domaine_delegation_group_get_delegation (fixture->group) != NULL
         && !domaine_delegation_group_get_busy (fixture->group);
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
  /* Long enough for the progress to show, short enough for the test. */
  ovh_sandbox_set_domain_task_delay_ms (fixture->sandbox, 3000);
}

static DomaineDelegationDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (DOMAINE_IS_DELEGATION_DIALOG (window))
        return DOMAINE_DELEGATION_DIALOG (window);
    }
  return NULL;
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  AdwMessageDialog *message;
  DomaineDelegationDialog *dialog;

  while ((message = domaine_test_find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (message));
  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->session);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static gboolean
message_shown (gpointer data)
{
  return domaine_test_find_message_dialog () != NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
following (gpointer data)
{
  Fixture *fixture = data;

  return domaine_delegation_group_get_busy (fixture->group)
         && gtk_widget_get_visible (domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group),
                                                                        "Change in progress"));
}

static gboolean
dialog_settled (gpointer data)
{
  return !domaine_delegation_dialog_get_busy (data);
}

/* An editable below root whose text is text (an entry row's, which no label carries). */
static GtkWidget *
find_editable_with_text (GtkWidget *root, const char *text)
{
  if (GTK_IS_EDITABLE (root) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editable_with_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window, scrolled so that the group is in view. */
static void
shoot_group (Fixture *fixture, const char *name)
{
  GtkWidget *scrolled
      = gtk_widget_get_ancestor (GTK_WIDGET (fixture->group), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* Again until it holds: a row that just appeared changes the page's height. */
  for (guint i = 0; i < 10; i++)
    {
      double x = 0, y = 0;

      domaine_test_wait_for_frame (GTK_WIDGET (fixture->window));
      g_assert_true (
          gtk_widget_translate_coordinates (GTK_WIDGET (fixture->group), scrolled, 0, 0, &x, &y));
      if (y >= 0 && y <= 48)
        break;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 24);
    }
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), name);
}

static DomaineDelegationDialog *
open_dialog (Fixture *fixture)
{
  DomaineDelegationDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->group), "delegation.edit", NULL));
  g_assert_true (domaine_test_wait_until (dialog_shown, NULL, 5000));
  dialog = find_dialog ();
  domaine_test_wait_for_window (GTK_WINDOW (dialog));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
  return dialog;
}

static void
confirm (void)
{
  AdwMessageDialog *message;

  g_assert_true (domaine_test_wait_until (message_shown, NULL, 5000));
  message = domaine_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Change the Name Servers?");
  adw_message_dialog_response (message, "change");
  gtk_window_destroy (GTK_WINDOW (message));
}

static void
test_change_and_back (Fixture *fixture, gconstpointer data)
{
  const char *const bad[] = { "ns1.example.net", "ns.lovelace.fr", NULL };
  const char *const good[] = { "ns1.example.net", "ns.lovelace.fr 192.0.2.53", NULL };
  DomaineDelegationDialog *dialog;
  GPtrArray *name_servers;
  AdwMessageDialog *message;

  open_page (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox), 900);
  show_domain (fixture, DOMAIN);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->group)));
  g_assert_true (domaine_delegation_group_get_can_change (fixture->group));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "dns111.ovh.net"));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "ns111.ovh.net"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->group)), ==, 0);
  shoot_group (fixture, "delegation-group-wide");

  dialog = open_dialog (fixture);
  /* Nothing changed yet: nothing to send. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "delegation-dialog.save", NULL);
  g_assert_null (domaine_test_find_message_dialog ());
  domaine_delegation_dialog_set_hosted (dialog, FALSE);
  domaine_delegation_dialog_set_name_servers (dialog, bad);
  domaine_test_wait_for_frame (GTK_WIDGET (dialog));
  domaine_test_save_screenshot (GTK_WIDGET (dialog), "delegation-dialog");

  /* Checked before asking: a name server inside the domain needs its address. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "delegation-dialog.save", NULL));
  g_assert_null (domaine_test_find_message_dialog ());
  g_assert_nonnull (
      g_strstr_len (domaine_delegation_dialog_get_error (dialog), -1, "give its IP address"));

  /* OVH's own refusal is shown in the dialog, and what was typed stays. */
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/" DOMAIN "/nameServers/update",
                            OVH_SANDBOX_FAULT_HTTP_500, 1);
  domaine_delegation_dialog_set_name_servers (dialog, good);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "delegation-dialog.save", NULL));
  confirm ();
  g_assert_true (domaine_test_wait_until (dialog_settled, dialog, 10000));
  g_assert_nonnull (domaine_delegation_dialog_get_error (dialog));
  g_assert_nonnull (find_editable_with_text (GTK_WIDGET (dialog), "ns.lovelace.fr 192.0.2.53"));
  g_assert_true (find_dialog () == dialog);
  domaine_test_save_screenshot (GTK_WIDGET (dialog), "delegation-dialog-error");

  /* Sent again: the dialog closes, the group follows the task to done. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "delegation-dialog.save", NULL));
  confirm ();
  g_assert_true (domaine_test_wait_until (dialog_gone, NULL, 10000));
  g_assert_true (domaine_test_wait_until (following, fixture, 5000));
  shoot_group (fixture, "delegation-group-in-progress");
  g_assert_true (domaine_test_wait_until (settled, fixture, 10000));
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (
      GTK_WIDGET (fixture->overlay),
      "The registry has the new name servers of lovelace.fr. Resolvers follow within 48 hours."));
  name_servers
      = ovh_delegation_get_name_servers (domaine_delegation_group_get_delegation (fixture->group));
  g_assert_cmpuint (name_servers->len, ==, 2);
  g_assert_false (
      ovh_delegation_is_hosted (domaine_delegation_group_get_delegation (fixture->group)));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "Glue address 192.0.2.53"));
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/" DOMAIN "/task/*"), >=, 1);

  /* Back to OVHcloud's. */
  dialog = open_dialog (fixture);
  domaine_delegation_dialog_set_hosted (dialog, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "delegation-dialog.save", NULL));
  g_assert_true (domaine_test_wait_until (message_shown, NULL, 5000));
  message = domaine_test_find_message_dialog ();
  /* Cancelling sends nothing. */
  adw_message_dialog_response (message, "cancel");
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "/domain/" DOMAIN), ==,
                    0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "delegation-dialog.save", NULL));
  confirm ();
  g_assert_true (domaine_test_wait_until (dialog_gone, NULL, 10000));
  g_assert_true (domaine_test_wait_until (following, fixture, 5000));
  g_assert_true (domaine_test_wait_until (settled, fixture, 10000));
  g_assert_true (
      ovh_delegation_is_hosted (domaine_delegation_group_get_delegation (fixture->group)));
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "dns111.ovh.net"));
}

static void
test_narrow (Fixture *fixture, gconstpointer data)
{
  DomaineDelegationDialog *dialog;

  open_page (fixture, domaine_test_session_new_for_sandbox (fixture->sandbox), 360);
  show_domain (fixture, "difference-engine.org");
  g_assert_nonnull (
      domaine_test_find_widget_with_text (GTK_WIDGET (fixture->group), "ns1.babbage-dns.example"));
  shoot_group (fixture, "delegation-group-narrow");
  dialog = open_dialog (fixture);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  domaine_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_nonnull (find_editable_with_text (GTK_WIDGET (dialog), "ns2.babbage-dns.example"));
  domaine_test_save_screenshot (GTK_WIDGET (dialog), "delegation-dialog-narrow");
}

static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) read_only = NULL;
  g_autofree char *consumer_key = NULL;
  const char *base_url = ovh_sandbox_get_base_url (fixture->sandbox);
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhAccount) account = NULL;
  GtkWidget *button;

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
  open_page (fixture, domaine_session_new (account, client), 900);
  show_domain (fixture, DOMAIN);

  /* Known from the key's rules, before anything is refused: Edit is off, with the reason. */
  g_assert_false (domaine_delegation_group_get_can_change (fixture->group));
  g_assert_nonnull (domaine_test_find_widget_with_text (
      GTK_WIDGET (fixture->group),
      "OVHcloud’s name servers: the DNS zone managed here answers for the domain\nThis "
      "account’s key may read the name servers but not change them. Sign in again with full "
      "access to change them here."));
  button = domaine_test_find_button_with_label (GTK_WIDGET (fixture->group), "_Edit…");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "This account’s key may not change the name servers");
  gtk_widget_activate_action (GTK_WIDGET (fixture->group), "delegation.edit", NULL);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*"), ==, 0);
  shoot_group (fixture, "delegation-group-read-only");
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  domaine_test_use_scratch_data_dirs ("domaine-delegation-group-XXXXXX");

  g_test_add ("/delegation-group/change-and-back", Fixture, NULL, fixture_set_up,
              test_change_and_back, fixture_tear_down);
  g_test_add ("/delegation-group/narrow", Fixture, NULL, fixture_set_up, test_narrow,
              fixture_tear_down);
  g_test_add ("/delegation-group/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);

  return g_test_run ();
}
