/* test-window.c: the application shell as a person meets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ovh-error.h"

#include "domaine-application.h"
#include "domaine-session-banner.h"
#include "domaine-test-gui.h"
#include "domaine-window-private.h"

/* The window activation presents: the active one, and Domaine's main window. */
static GtkWindow *
get_window (DomaineApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DOMAINE_IS_WINDOW (window));
  return window;
}

static void
test_window_empty_state (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (FALSE);
  GtkWindow *window = get_window (app);
  GtkWidget *status;
  GtkWidget *add_button;
  g_autofree char *png = NULL;
  g_autofree char *shot = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  int fd;

  gtk_window_set_default_size (window, 900, 640);
  domaine_test_wait_for_window (window);

  /* The keyring of the test session is real: wait for it, and for it to be empty (a test
   * that leaves accounts behind is a bug of that test). */
  g_assert_cmpint (domaine_test_app_wait_accounts_settled (), ==, DOMAINE_ACCOUNTS_READY);
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (domaine_application_get_account_store (app))), ==, 0);
  domaine_test_wait_for_window (window);

  status = domaine_test_find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Manage Your OVHcloud Domains");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   "Add an account to see your domains and DNS zones.");

  add_button = domaine_test_find_button_with_label (GTK_WIDGET (window), "Add Account…");
  g_assert_nonnull (add_button);
  g_assert_true (gtk_widget_has_css_class (add_button, "suggested-action"));
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (window), "Main Menu"));

  if (DEVELOPMENT_BUILD)
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"));

  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (window)), ==, 0);

  /* It really draws: a PNG of the window's size with more than one colour in it. */
  fd = g_file_open_tmp ("domaine-window-XXXXXX.png", &png, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (domaine_test_render_to_png (GTK_WIDGET (window), png, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (png);
  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (GTK_WIDGET (window)));
  {
    gsize stride = gdk_texture_get_width (texture) * 4;
    g_autofree guchar *pixels = g_malloc (stride * gdk_texture_get_height (texture));
    gboolean varied = FALSE;

    gdk_texture_download (texture, pixels, stride);
    for (gsize i = 4; i < stride * gdk_texture_get_height (texture) && !varied; i += 4)
      varied = memcmp (pixels, pixels + i, 4) != 0;
    g_assert_true (varied);
  }
  g_unlink (png);

  shot = domaine_test_save_screenshot (GTK_WIDGET (window), "empty");
  if (shot != NULL)
    g_test_message ("screenshot: %s", shot);

  domaine_test_app_close_windows ();
}

static void
test_window_single_instance (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (FALSE);
  GtkWindow *first = get_window (app);

  g_application_activate (G_APPLICATION (app));
  g_assert_true (get_window (app) == first);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  domaine_test_app_close_windows ();
}

static void
test_window_remembers_size (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (DomaineApplication) app = NULL;
  GtkWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  app = domaine_test_app_get (FALSE);
  window = get_window (app);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  gtk_window_set_default_size (window, 812, 604);
  domaine_test_wait_for_window (window);
  domaine_test_app_close_windows ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 604);
}

static void
test_window_accelerators (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (FALSE);
  g_auto (GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_auto (GStrv) close_accels
      = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "window.close");
  GtkWindow *window = get_window (app);

  g_assert_true (g_strv_contains ((const char *const *) quit, "<Control>q"));
  g_assert_true (g_strv_contains ((const char *const *) close_accels, "<Control>w"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  /* The shortcuts window is loaded from resources by GtkApplication. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  domaine_test_app_close_windows ();
}

/* The main stack's page, as a person sees it. */
static const char *
main_page (DomaineWindow *window)
{
  return gtk_stack_get_visible_child_name (window->main_stack);
}

/* The window shows what its "accounts", "accounts-state" and "accounts-error" say (the
 * application binds them): no application needed. */
static void
test_window_follows_accounts (void)
{
  DomaineWindow *window = g_object_ref_sink (domaine_window_new (NULL));
  g_autoptr (GListStore) accounts = g_list_store_new (OVH_TYPE_ACCOUNT);
  /* Nothing listens on port 9: the session goes offline, which is fine here. */
  g_autoptr (OvhAccount) account = ovh_account_new ("http://127.0.0.1:9/1.0", "ak", "as", "ck");

  g_object_set (window, "accounts", accounts, NULL);
  g_assert_cmpstr (main_page (window), ==, "keyring");
  g_assert_cmpstr (adw_status_page_get_title (window->keyring_page), ==, "Opening the Keyring…");

  g_object_set (window, "accounts-error", "No Secret Service here", "accounts-state",
                DOMAINE_ACCOUNTS_FAILED, NULL);
  g_assert_cmpstr (main_page (window), ==, "keyring");
  g_assert_cmpstr (adw_status_page_get_title (window->keyring_page), ==, "Cannot Open the Keyring");
  g_assert_cmpstr (adw_status_page_get_description (window->keyring_page), ==,
                   "No Secret Service here");
  g_assert_true (gtk_widget_get_visible (window->keyring_retry_button));

  g_object_set (window, "accounts-error", NULL, "accounts-state", DOMAINE_ACCOUNTS_READY, NULL);
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_null (domaine_window_get_session (window));

  /* An account arrives: the window opens it, and offers it in the accounts menu. */
  g_list_store_append (accounts, account);
  g_assert_cmpstr (main_page (window), ==, "session");
  g_assert_nonnull (domaine_window_get_session (window));
  g_assert_true (domaine_session_get_account (domaine_window_get_session (window)) == account);
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (window->accounts_section)), ==, 1);

  /* It goes (signed out): back to the welcome page. */
  g_list_store_remove_all (accounts);
  g_assert_cmpstr (main_page (window), ==, "welcome");
  g_assert_null (domaine_window_get_session (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

#if WITH_SANDBOX
static gboolean
session_offline (gpointer data)
{
  return domaine_session_get_state (data) == DOMAINE_SESSION_STATE_OFFLINE;
}

static gboolean
session_ready (gpointer data)
{
  return domaine_session_get_state (data) == DOMAINE_SESSION_STATE_READY;
}

/* A loopback port where nothing listens: connections are refused. */
static guint
refused_port (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  guint port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static const char *
banner_title (DomaineWindow *window)
{
  return domaine_session_banner_get_title (window->status_banner);
}

static gboolean
banner_offers_retry (DomaineWindow *window)
{
  GtkWidget *retry
      = domaine_test_find_button_with_label (GTK_WIDGET (window->status_banner), "_Retry");

  return retry != NULL && gtk_widget_get_visible (retry);
}

/* The connection state follows the latest call, each kind of failure in its own words, and
 * only one place offers Retry. */
static void
test_window_connection_state (void)
{
  g_autoptr (DomaineApplication) app = domaine_test_app_get (TRUE);
  DomaineWindow *window = g_object_ref_sink (domaine_window_new (NULL));
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/1.0", refused_port ());
  g_autoptr (OvhAccount) account = ovh_account_new (url, "ak", "as", "ck");
  g_autoptr (OvhClient) client = ovh_account_create_client (account);
  g_autoptr (DomaineSession) session = domaine_session_new (account, client);
  g_autoptr (DomaineSession) sandbox_session = NULL;
  g_autoptr (GError) malformed
      = g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, "“id” is missing");
  g_autoptr (GError) timed_out = ovh_error_new_full (OVH_ERROR_NETWORK, 0, OVH_ERROR_CODE_TIMED_OUT,
                                                     NULL, "Could not reach: timed out");
  g_autoptr (GError) not_found
      = ovh_error_new_full (OVH_ERROR_NOT_FOUND, 404, NULL, NULL, "This service does not exist");

  gtk_window_present (GTK_WINDOW (window));
  domaine_window_set_session (window, session);
  g_assert_true (domaine_test_wait_until (session_offline, session, 20000));

  /* A refused local port: not "check your connection". */
  g_assert_cmpint (domaine_session_get_connection_problem (session), ==,
                   DOMAINE_CONNECTION_PROBLEM_REFUSED);
  g_assert_cmpstr (banner_title (window), ==,
                   "Nothing answers at the API address: the connection was refused. Is the "
                   "server running?");
  g_assert_cmpstr (adw_status_page_get_title (window->session_status_page), ==,
                   "Cannot Reach OVHcloud");
  /* One Retry: the banner's, not the status page's too. */
  g_assert_true (banner_offers_retry (window));
  g_assert_false (gtk_widget_get_visible (window->session_retry_button));

  /* A malformed answer has its own words, on the banner and on the page. */
  domaine_session_report_error (session, malformed);
  g_assert_cmpint (domaine_session_get_connection_problem (session), ==,
                   DOMAINE_CONNECTION_PROBLEM_MALFORMED);
  g_assert_cmpstr (banner_title (window), ==,
                   "The API sent an answer Domaine cannot read. Try again later.");
  g_assert_cmpstr (adw_status_page_get_title (window->session_status_page), ==,
                   "Unreadable Answer");
  domaine_session_report_error (session, timed_out);
  g_assert_cmpstr (banner_title (window), ==,
                   "The API did not answer in time. Try again in a moment.");

  /* Then a call that works: the state follows it, the banner goes. */
  sandbox_session = domaine_test_session_new_for_sandbox (domaine_test_app_get_sandbox ());
  ovh_account_set_sandbox (domaine_session_get_account (sandbox_session), FALSE);
  domaine_window_set_session (window, sandbox_session);
  g_assert_true (domaine_test_wait_until (session_ready, sandbox_session, 20000));
  g_assert_null (banner_title (window));
  domaine_session_report_error (sandbox_session, timed_out);
  g_assert_nonnull (banner_title (window));
  domaine_session_report_success (sandbox_session);
  g_assert_cmpint (domaine_session_get_state (sandbox_session), ==, DOMAINE_SESSION_STATE_READY);
  g_assert_null (banner_title (window));
  /* An answer, even a refusal, says the connection works again. */
  domaine_session_report_error (sandbox_session, timed_out);
  domaine_session_report_error (sandbox_session, not_found);
  g_assert_cmpint (domaine_session_get_state (sandbox_session), ==, DOMAINE_SESSION_STATE_READY);
  g_assert_null (banner_title (window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* With G_MESSAGES_DEBUG=Domaine, a window says once when its first frame with an account's
 * domains is drawn (tests/bench-startup.c times start-up by it). In a subprocess: the log
 * writer it counts with cannot be taken back. */
static guint n_first_frame_lines;

static GLogWriterOutput
count_first_frame_lines (GLogLevelFlags log_level,
                         const GLogField *fields,
                         gsize n_fields,
                         gpointer user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0
        && g_str_has_prefix (fields[i].value, "First frame with the account's domains: "))
      n_first_frame_lines++;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
first_frame_said (gpointer data)
{
  return n_first_frame_lines > 0;
}

static void
test_window_says_first_domains_frame (void)
{
  g_autoptr (DomaineApplication) app = NULL;
  g_autoptr (DomaineSession) session = NULL;
  g_autoptr (DomaineSession) again = NULL;
  DomaineWindow *window;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*Domaine-DEBUG: *First frame with the account's domains: * ms "
                                 "after the window was created*");
      return;
    }

  g_setenv ("G_MESSAGES_DEBUG", "Domaine", TRUE);
  g_log_set_writer_func (count_first_frame_lines, NULL, NULL);
  app = domaine_test_app_get (TRUE);
  window = g_object_ref_sink (domaine_window_new (NULL));
  session = domaine_test_session_new_for_sandbox (domaine_test_app_get_sandbox ());
  again = domaine_test_session_new_for_sandbox (domaine_test_app_get_sandbox ());

  gtk_window_present (GTK_WINDOW (window));
  domaine_window_set_session (window, session);
  g_assert_true (domaine_test_wait_until (first_frame_said, NULL, 20000));
  g_assert_cmpuint (n_first_frame_lines, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (domaine_session_get_domains (session)), >, 0);

  /* Said once a window: another account's domains are no start-up. */
  domaine_window_set_session (window, again);
  g_assert_true (domaine_test_wait_until (session_ready, again, 20000));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (window), 2));
  g_assert_cmpuint (n_first_frame_lines, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

#endif

static void
test_window_french (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (DomaineApplication) app = NULL;
      GtkWidget *status;

      app = domaine_test_app_get (FALSE);
      status
          = domaine_test_find_widget_of_type (GTK_WIDGET (get_window (app)), ADW_TYPE_STATUS_PAGE);
      g_print ("%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (status)));
      domaine_test_app_close_windows ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Gérer vos domaines OVHcloud*");
}

/* The accounts menu item named @label, a radio item of win.select-account. */
static GtkWidget *
account_menu_item (DomaineWindow *window, const char *label)
{
  GType model_button = g_type_from_name ("GtkModelButton");
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (window->account_button));
  GtkWidget *widget = GTK_WIDGET (popover);

  g_assert_true (model_button != G_TYPE_INVALID);
  /* Depth first, over the whole popover. */
  while (widget != NULL)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, model_button))
        {
          g_autofree char *text = NULL;

          g_object_get (widget, "text", &text, NULL);
          if (g_strcmp0 (text, label) == 0)
            return widget;
        }
      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != GTK_WIDGET (popover)
                 && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget == NULL || widget == GTK_WIDGET (popover)
                       ? NULL
                       : gtk_widget_get_next_sibling (widget);
        }
    }
  return NULL;
}

static gboolean
menu_item_active (GtkWidget *item)
{
  gboolean active = FALSE;

  g_object_get (item, "active", &active, NULL);
  return active;
}

static gboolean
first_item_active (gpointer data)
{
  GtkWidget *item = account_menu_item (data, "First");

  return item != NULL && menu_item_active (item);
}

static gboolean
second_item_active (gpointer data)
{
  GtkWidget *item = account_menu_item (data, "Second");

  return item != NULL && menu_item_active (item);
}

/* The accounts menu marks the open account: win.select-account holds its id. */
static void
test_window_marks_current_account (void)
{
  DomaineWindow *window = g_object_ref_sink (domaine_window_new (NULL));
  g_autoptr (GListStore) accounts = g_list_store_new (OVH_TYPE_ACCOUNT);
  /* Nothing listens on port 9: the sessions go offline, which is fine here. */
  g_autoptr (OvhAccount) first = ovh_account_new ("http://127.0.0.1:9/1.0", "ak", "as", "ck");
  g_autoptr (OvhAccount) second = ovh_account_new ("http://127.0.0.1:9/1.0", "ak2", "as2", "ck2");
  g_autofree char *account_id = NULL;

  ovh_account_set_label (first, "First");
  ovh_account_set_label (second, "Second");
  g_list_store_append (accounts, first);
  g_list_store_append (accounts, second);
  g_object_set (window, "accounts", accounts, "accounts-state", DOMAINE_ACCOUNTS_READY, NULL);
  g_assert_nonnull (domaine_window_get_session (window));

  g_object_get (window, "account-id", &account_id, NULL);
  g_assert_cmpstr (
      account_id, ==,
      ovh_account_get_id (domaine_session_get_account (domaine_window_get_session (window))));
  g_assert_nonnull (account_menu_item (window, "First"));
  g_assert_nonnull (account_menu_item (window, "Second"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-account", "s",
                                             ovh_account_get_id (first)));
  g_assert_true (domaine_test_wait_until (first_item_active, window, 5000));
  g_assert_false (menu_item_active (account_menu_item (window, "Second")));

  /* Choosing the other one in the menu moves the mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-account", "s",
                                             ovh_account_get_id (second)));
  g_assert_true (domaine_session_get_account (domaine_window_get_session (window)) == second);
  g_assert_true (domaine_test_wait_until (second_item_active, window, 5000));
  g_assert_false (menu_item_active (account_menu_item (window, "First")));
  g_clear_pointer (&account_id, g_free);
  g_object_get (window, "account-id", &account_id, NULL);
  g_assert_cmpstr (account_id, ==, ovh_account_get_id (second));

  /* An id the window does not know changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-account", "s",
                                             "not-an-account"));
  g_assert_true (domaine_session_get_account (domaine_window_get_session (window)) == second);

  /* No account left: no mark, and the state is "". */
  g_list_store_remove_all (accounts);
  g_assert_null (domaine_window_get_session (window));
  g_clear_pointer (&account_id, g_free);
  g_object_get (window, "account-id", &account_id, NULL);
  g_assert_cmpstr (account_id, ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int argc, char *argv[])
{
  int status;

  /* The French subprocess asks for French before anything reads the locale. */
  if (domaine_test_is_subprocess_of (argc, argv, "/window/french"))
    g_setenv ("LANGUAGE", "fr", TRUE);
  domaine_test_bind_translations ();
  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/single-instance", test_window_single_instance);
  g_test_add_func ("/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/window/accelerators", test_window_accelerators);
  g_test_add_func ("/window/follows-accounts", test_window_follows_accounts);
  g_test_add_func ("/window/marks-current-account", test_window_marks_current_account);
  g_test_add_func ("/window/french", test_window_french);
#if WITH_SANDBOX
  g_test_add_func ("/window/connection-state", test_window_connection_state);
  g_test_add_func ("/window/says-first-domains-frame", test_window_says_first_domains_frame);
#endif

  status = g_test_run ();
  domaine_test_app_release ();
  return status;
}
