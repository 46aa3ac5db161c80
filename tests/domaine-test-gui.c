/* domaine-test-gui.c: what GUI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "domaine-test-gui.h"
#include "domaine-application-private.h"

void
domaine_test_gui_init (int *argc, char ***argv)
{
  const char *style;

  /* Without a display (a Flatpak build's run-tests), GUI tests are skipped, not failed. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  style = g_getenv ("DOMAINE_TEST_STYLE");
  adw_style_manager_set_color_scheme (
      adw_style_manager_get_default (),
      g_strcmp0 (style, "dark") == 0 ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
domaine_test_wait_until (gboolean (*condition) (gpointer data), gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id;

  id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static void
frame_done_cb (GdkFrameClock *clock, gpointer data)
{
  guint *frames = data;

  (*frames)++;
}

void
domaine_test_wait_for_window (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  domaine_test_wait_for_frame (GTK_WIDGET (window));
}

static gboolean
one_frame (gpointer data)
{
  return *(guint *) data >= 1;
}

void
domaine_test_wait_for_frame (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GdkFrameClock *clock;
  guint frames = 0;
  gulong id;

  g_return_if_fail (gtk_widget_get_mapped (root));

  clock = gtk_widget_get_frame_clock (root);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_done_cb), &frames);
  gtk_widget_queue_draw (root);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  /* One: a window with nothing to animate draws no second frame. */
  g_assert_true (domaine_test_wait_until (one_frame, &frames, 5000));
  g_signal_handler_disconnect (clock, id);
}

static gboolean
in_transition (GtkWidget *root)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_STACK (root) && gtk_stack_get_transition_running (GTK_STACK (root)))
    return TRUE;
  if (ADW_IS_LEAFLET (root) && adw_leaflet_get_child_transition_running (ADW_LEAFLET (root)))
    return TRUE;
  if (GTK_IS_REVEALER (root)
      && gtk_revealer_get_child_revealed (GTK_REVEALER (root))
             != gtk_revealer_get_reveal_child (GTK_REVEALER (root)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (in_transition (child))
      return TRUE;
  return FALSE;
}

static gboolean
transitions_over (gpointer data)
{
  return !in_transition (data);
}

void
domaine_test_wait_for_transitions (GtkWidget *root)
{
  g_assert_true (domaine_test_wait_until (transitions_over, root, 5000));
  domaine_test_wait_for_frame (root);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
domaine_test_wait_for_null (gpointer *location, guint timeout_ms)
{
  return domaine_test_wait_until (pointer_is_null, location, timeout_ms);
}

GtkWidget *
domaine_test_find_widget_of_type (GtkWidget *root, GType type)
{
  if (root == NULL)
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = domaine_test_find_widget_of_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, const char *text);

static GtkWidget *
find_widget (GtkWidget *root, WidgetPredicate predicate, const char *text)
{
  if (root == NULL)
    return NULL;
  if (predicate (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Compares GtkLabel text with mnemonic underscores removed. */
static gboolean
label_text_is (const char *label, const char *text)
{
  g_autoptr (GString) plain = NULL;

  if (label == NULL)
    return FALSE;
  plain = g_string_new (NULL);
  for (const char *p = label; *p; p++)
    if (*p != '_')
      g_string_append_c (plain, *p);
  return g_strcmp0 (plain->str, text) == 0 || g_strcmp0 (label, text) == 0;
}

static gboolean
is_button_with_label (GtkWidget *widget, const char *text)
{
  return GTK_IS_BUTTON (widget) && label_text_is (gtk_button_get_label (GTK_BUTTON (widget)), text);
}

static gboolean
is_label_with_text (GtkWidget *widget, const char *text)
{
  return GTK_IS_LABEL (widget) && label_text_is (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
has_text (GtkWidget *widget, const char *text)
{
  if (is_button_with_label (widget, text) || is_label_with_text (widget, text))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget)
      && label_text_is (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text))
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget)
      && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
    return TRUE;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return TRUE;
  return FALSE;
}

GtkWidget *
domaine_test_find_button_with_label (GtkWidget *root, const char *label)
{
  return find_widget (root, is_button_with_label, label);
}

GtkWidget *
domaine_test_find_label_with_text (GtkWidget *root, const char *text)
{
  return find_widget (root, is_label_with_text, text);
}

GtkWidget *
domaine_test_find_widget_with_text (GtkWidget *root, const char *text)
{
  return find_widget (root, has_text, text);
}

gboolean
domaine_test_render_to_png (GtkWidget *widget, const char *path, GError **error)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GskRenderer) renderer = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width, height;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "widget has no size yet");
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "widget drew nothing");
      return FALSE;
    }

  /* A private cairo renderer: byte-stable output, no GL needed under Xvfb. */
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, error))
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
window_is_narrow (gpointer data)
{
  GtkWidget *window = data;

  /* Narrower than before: as narrow as asked, or as its content allows. */
  return gtk_widget_get_width (window)
         < GPOINTER_TO_INT (g_object_get_data (G_OBJECT (window), "test-wide-width"));
}

/* With DOMAINE_SCREENSHOT_NARROW=WIDTH, the same screen again in a window WIDTH pixels wide
 * (NAME-narrow-STYLE.png), as on a phone or a tiled half screen; the window's size is then
 * given back, so that the test goes on as before. */
static void
save_narrow_screenshot (GtkWidget *widget, const char *dir, const char *name, gboolean dark)
{
  const char *narrow = g_getenv ("DOMAINE_SCREENSHOT_NARROW");
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  int width = narrow != NULL ? atoi (narrow) : 0;
  int old_width, old_height;
  gboolean animations = TRUE;

  if (width <= 0 || !GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (widget))
    return;

  /* A fold animates; GTK 4.8 can draw the animation's parts unallocated while the window is
   * resized under it. The still result is what is wanted here. */
  g_object_get (gtk_settings_get_default (), "gtk-enable-animations", &animations, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_get_default_size (GTK_WINDOW (root), &old_width, &old_height);
  if (gtk_widget_get_width (GTK_WIDGET (root)) <= width)
    return;
  g_object_set_data (G_OBJECT (root), "test-wide-width",
                     GINT_TO_POINTER (gtk_widget_get_width (GTK_WIDGET (root))));
  gtk_window_set_default_size (GTK_WINDOW (root), width,
                               MAX (old_height, gtk_widget_get_height (GTK_WIDGET (root))));
  if (!domaine_test_wait_until (window_is_narrow, root, 5000))
    {
      g_test_message ("screenshot %s: the window would not narrow to %d pixels", name, width);
      gtk_window_set_default_size (GTK_WINDOW (root), old_width, old_height);
      g_object_set (gtk_settings_get_default (), "gtk-enable-animations", animations, NULL);
      return;
    }
  /* A fold can change what the content needs (header buttons, stacked buttons) a frame later;
   * then ask again, as a person dragging the window's edge would go on. */
  domaine_test_wait_for_frame (GTK_WIDGET (root));
  domaine_test_wait_for_frame (GTK_WIDGET (root));
  if (gtk_widget_get_width (GTK_WIDGET (root)) > width)
    {
      gtk_window_set_default_size (GTK_WINDOW (root), width,
                                   MAX (old_height, gtk_widget_get_height (GTK_WIDGET (root))));
      domaine_test_wait_for_frame (GTK_WIDGET (root));
      domaine_test_wait_for_frame (GTK_WIDGET (root));
    }
  domaine_test_wait_for_transitions (GTK_WIDGET (root));

  file = g_strdup_printf ("%s-narrow-%s.png", name, dark ? "dark" : "light");
  path = g_build_filename (dir, file, NULL);
  if (!domaine_test_render_to_png (widget, path, &error))
    g_error ("screenshot %s: %s", path, error->message);

  gtk_window_set_default_size (GTK_WINDOW (root), old_width, old_height);
  domaine_test_wait_for_frame (GTK_WIDGET (root));
  domaine_test_wait_for_frame (GTK_WIDGET (root));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", animations, NULL);
}

char *
domaine_test_save_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("DOMAINE_SCREENSHOT_DIR");
  g_autoptr (GError) error = NULL;
  g_autofree char *file = NULL;
  char *path;
  gboolean dark;

  if (dir == NULL || *dir == '\0')
    return NULL;

  /* What a person would see once the screen is still, not a crossfade half way. */
  if (gtk_widget_get_mapped (widget))
    domaine_test_wait_for_transitions (GTK_WIDGET (gtk_widget_get_root (widget)));
  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  file = g_strdup_printf ("%s-%s.png", name, dark ? "dark" : "light");
  path = g_build_filename (dir, file, NULL);
  g_mkdir_with_parents (dir, 0755);
  if (!domaine_test_render_to_png (widget, path, &error))
    g_error ("screenshot %s: %s", path, error->message);
  save_narrow_screenshot (widget, dir, name, dark);
  return path;
}

static gboolean
has_visible_text_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));
          if (text != NULL && *text != '\0')
            return TRUE;
        }
      if (has_visible_text_child (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
control_has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  /* A tooltip is no name: GTK 4.8 does not give it to assistive technology, and a screen
   * reader says "button" or the icon's type name. */
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      return title != NULL && *title != '\0';
    }
  return has_visible_text_child (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  /* The parts of composite widgets are named by their owner (a row names its suffix). */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget)
      || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_SPIN_BUTTON (widget)
      || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget)
      || ADW_IS_PREFERENCES_ROW (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      /* A GtkMenuButton names its inner toggle. A GtkDropDown does not, but its button is
       * what takes the focus: it counts. */
      if (parent != NULL && GTK_IS_MENU_BUTTON (parent))
        return FALSE;
      return TRUE;
    }
  return FALSE;
}

static void
count_unlabelled (GtkWidget *widget, guint *count)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (is_control (widget) && !control_has_name (widget))
    {
      g_test_message ("unlabelled %s (css name %s)", G_OBJECT_TYPE_NAME (widget),
                      gtk_widget_get_css_name (widget));
      (*count)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_unlabelled (child, count);
}

guint
domaine_test_count_unlabelled_controls (GtkWidget *root)
{
  guint count = 0;

  count_unlabelled (root, &count);
  return count;
}

/* main() helpers */

void
domaine_test_bind_translations (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOMAINE_TEST_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

gboolean
domaine_test_is_subprocess_of (int argc, char **argv, const char *path_suffix)
{
  gboolean subprocess = FALSE, that_test = FALSE;

  for (int i = 1; i < argc; i++)
    {
      subprocess |= g_str_equal (argv[i], "--GTestSubprocess");
      that_test |= g_str_has_suffix (argv[i], path_suffix);
    }
  return subprocess && that_test;
}

void
domaine_test_load_app_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
domaine_test_use_scratch_data_dirs (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
}

/* The application */

static DomaineApplication *the_app;
#if WITH_SANDBOX
static OvhSandbox *the_sandbox;
#endif

DomaineApplication *
domaine_test_app_get (gboolean with_sandbox)
{
  if (the_app == NULL)
    {
      g_autoptr (GError) error = NULL;

      the_app = domaine_application_new ();
      if (g_test_subprocess ())
        g_application_set_flags (G_APPLICATION (the_app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (the_app), NULL, &error);
      g_assert_no_error (error);
    }
#if WITH_SANDBOX
  /* In-process, so that tests can act as the user's browser on it; the app uses it as its
   * sandbox instead of starting the program. */
  if (with_sandbox && the_sandbox == NULL)
    {
      g_autoptr (GError) error = NULL;

      the_sandbox = ovh_sandbox_new ();
      g_assert_true (ovh_sandbox_start (the_sandbox, 0, FALSE, &error));
      g_assert_no_error (error);
      domaine_application_use_sandbox (the_app, ovh_sandbox_get_base_url (the_sandbox),
                                       OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                                       OVH_SANDBOX_CONSUMER_KEY);
    }
#else
  g_assert_false (with_sandbox);
#endif
  g_application_activate (G_APPLICATION (the_app));
  return g_object_ref (the_app);
}

DomaineApplication *
domaine_test_app_peek (void)
{
  return the_app;
}

#if WITH_SANDBOX
OvhSandbox *
domaine_test_app_get_sandbox (void)
{
  g_assert_nonnull (the_sandbox);
  return the_sandbox;
}
#endif

void
domaine_test_app_release (void)
{
  if (the_app != NULL)
    g_application_quit (G_APPLICATION (the_app));
  g_clear_object (&the_app);
#if WITH_SANDBOX
  if (the_sandbox != NULL)
    ovh_sandbox_stop (the_sandbox);
  g_clear_object (&the_sandbox);
#endif
}

DomaineWindow *
domaine_test_app_get_window (void)
{
  GtkWindow *window;

  g_assert_nonnull (the_app);
  window = domaine_test_find_window_of_type (GTK_APPLICATION (the_app), DOMAINE_TYPE_WINDOW);
  g_assert_nonnull (window);
  return DOMAINE_WINDOW (window);
}

OvhAccountStore *
domaine_test_app_get_store (void)
{
  g_assert_nonnull (the_app);
  return domaine_application_get_account_store (the_app);
}

static gboolean
accounts_settled (gpointer data)
{
  return domaine_application_get_accounts_state (the_app) != DOMAINE_ACCOUNTS_LOADING;
}

DomaineAccountsState
domaine_test_app_wait_accounts_settled (void)
{
  g_assert_nonnull (the_app);
  g_assert_true (domaine_test_wait_until (accounts_settled, NULL, 10000));
  return domaine_application_get_accounts_state (the_app);
}

void
domaine_test_app_close_windows (void)
{
  g_assert_nonnull (the_app);
  g_action_group_activate_action (G_ACTION_GROUP (the_app), "quit", NULL);
  while (gtk_application_get_windows (GTK_APPLICATION (the_app)) != NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Windows */

GtkWindow *
domaine_test_find_window_of_type (GtkApplication *app, GType type)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (g_type_is_a (G_OBJECT_TYPE (l->data), type))
      return GTK_WINDOW (l->data);
  return NULL;
}

typedef struct
{
  DomaineAccountAssistant *assistant;
  const char *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (domaine_account_assistant_get_page_name (wait->assistant), wait->page) == 0;
}

void
domaine_test_assistant_wait_for_page (DomaineAccountAssistant *assistant, const char *page)
{
  PageWait wait = { assistant, page };

  if (!domaine_test_wait_until (on_page, &wait, 15000))
    g_error ("waited for page %s, still on %s", page,
             domaine_account_assistant_get_page_name (assistant));
}

void
domaine_test_set_entry_row_text (GtkWidget *root, const char *title, const char *text)
{
  GtkWidget *row = domaine_test_find_widget_with_text (root, title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The keyring */

typedef struct
{
  gboolean (*finish) (OvhAccountStore *store, GAsyncResult *result, GError **error);
  gboolean done;
  gboolean ok;
  GError *error;
} StoreWait;

static void
store_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  StoreWait *wait = user_data;

  wait->ok = wait->finish (OVH_ACCOUNT_STORE (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
store_wait_done (gpointer data)
{
  return ((StoreWait *) data)->done;
}

static void
store_wait_finish (StoreWait *wait)
{
  g_assert_true (domaine_test_wait_until (store_wait_done, wait, 10000));
  g_assert_no_error (wait->error);
  g_assert_true (wait->ok);
}

OvhAccountStore *
domaine_test_store_load_sync (void)
{
  OvhAccountStore *store = ovh_account_store_new ();
  StoreWait wait = { ovh_account_store_load_finish };

  ovh_account_store_load_async (store, NULL, store_done_cb, &wait);
  store_wait_finish (&wait);
  return store;
}

void
domaine_test_store_add_sync (OvhAccountStore *store, OvhAccount *account)
{
  StoreWait wait = { ovh_account_store_add_finish };

  ovh_account_store_add_async (store, account, NULL, store_done_cb, &wait);
  store_wait_finish (&wait);
}

void
domaine_test_store_remove_sync (OvhAccountStore *store, OvhAccount *account)
{
  StoreWait wait = { ovh_account_store_remove_finish };

  ovh_account_store_remove_async (store, account, NULL, store_done_cb, &wait);
  store_wait_finish (&wait);
}

#if WITH_SANDBOX
DomaineSession *
domaine_test_session_new_for_sandbox (OvhSandbox *sandbox)
{
  const char *base_url = ovh_sandbox_get_base_url (sandbox);
  g_autoptr (OvhClient) client
      = ovh_client_new (base_url, OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                        OVH_SANDBOX_CONSUMER_KEY);
  g_autoptr (OvhAccount) account
      = ovh_account_new (base_url, OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                         OVH_SANDBOX_CONSUMER_KEY);

  ovh_account_set_sandbox (account, TRUE);
  ovh_client_set_rate_limit (client, 0);
  return domaine_session_new (account, client);
}
#endif

static gboolean
session_settled (gpointer data)
{
  return domaine_session_get_state (data) != DOMAINE_SESSION_STATE_LOADING;
}

void
domaine_test_session_reload_sync (DomaineSession *session)
{
  domaine_session_reload (session);
  g_assert_true (domaine_test_wait_until (session_settled, session, 10000));
  g_assert_cmpint (domaine_session_get_state (session), ==, DOMAINE_SESSION_STATE_READY);
}

/* Waiting for conditions */

static void
notified_cb (GObject *object, GParamSpec *pspec, gpointer data)
{
  gboolean *notified = data;

  *notified = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
domaine_test_wait_notify (gpointer object, const char *property, guint timeout_ms)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  gboolean notified = FALSE;
  gulong id;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  id = g_signal_connect (object, signal, G_CALLBACK (notified_cb), &notified);
  domaine_test_wait_until (flag_set, &notified, timeout_ms);
  g_signal_handler_disconnect (object, id);
  return notified;
}

typedef struct
{
  GListModel *model;
  guint n_items;
} NItems;

static gboolean
has_n_items (gpointer data)
{
  NItems *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

gboolean
domaine_test_wait_n_items (GListModel *model, guint n_items, guint timeout_ms)
{
  NItems wait = { model, n_items };

  return domaine_test_wait_until (has_n_items, &wait, timeout_ms);
}

typedef struct
{
  guint painted;
  guint wanted;
} Frames;

static void
frame_painted_cb (GdkFrameClock *clock, gpointer data)
{
  Frames *frames = data;

  frames->painted++;
}

static gboolean
frames_painted (gpointer data)
{
  Frames *frames = data;

  return frames->painted >= frames->wanted;
}

gboolean
domaine_test_wait_frames (GtkWidget *widget, guint n_frames)
{
  Frames frames = { 0, n_frames };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted;
  gulong id;

  g_return_val_if_fail (clock != NULL, FALSE); /* realized widgets only */

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &frames);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  painted = domaine_test_wait_until (frames_painted, &frames, 10000);
  g_signal_handler_disconnect (clock, id);
  return painted;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

gboolean
domaine_test_wait_finalized (gpointer object, guint timeout_ms)
{
  gpointer weak = object;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);
  if (domaine_test_wait_until (pointer_cleared, &weak, timeout_ms))
    return TRUE;
  g_object_remove_weak_pointer (weak, &weak);
  return FALSE;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} WidgetWithText;

static gboolean
widget_with_text_shown (gpointer data)
{
  WidgetWithText *wait = data;

  return domaine_test_find_widget_with_text (wait->root, wait->text) != NULL;
}

GtkWidget *
domaine_test_wait_for_widget_with_text (GtkWidget *root, const char *text)
{
  WidgetWithText wait = { root, text };

  domaine_test_wait_until (widget_with_text_shown, &wait, 10000);
  return domaine_test_find_widget_with_text (root, text);
}

AdwMessageDialog *
domaine_test_find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return ADW_MESSAGE_DIALOG (l->data);
  return NULL;
}

/* Keys */

static gboolean
activate_shortcut_of (GtkWidget *widget, GtkShortcutTrigger *wanted, GtkPropagationPhase phase)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted)
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

gboolean
domaine_test_press_key (GtkWidget *focus, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr (GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (chain, widget);
  /* As GTK delivers a key: capture from the root down, then bubble from the focus up. */
  for (guint i = chain->len; i > 0; i--)
    if (activate_shortcut_of (g_ptr_array_index (chain, i - 1), wanted, GTK_PHASE_CAPTURE))
      return TRUE;
  for (guint i = 0; i < chain->len; i++)
    if (activate_shortcut_of (g_ptr_array_index (chain, i), wanted, GTK_PHASE_BUBBLE))
      return TRUE;
  return FALSE;
}

GtkWidget *
domaine_test_get_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

static void
collect_accelerators (GtkWidget *widget, GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_str_equal (gtk_widget_get_css_name (child), "accelerator")
          && gtk_widget_get_visible (child))
        g_ptr_array_add (labels, g_strdup (gtk_label_get_text (GTK_LABEL (child))));
      collect_accelerators (child, labels);
    }
}

GStrv
domaine_test_dup_menu_accelerators (GtkWidget *popover)
{
  GPtrArray *labels = g_ptr_array_new ();

  collect_accelerators (popover, labels);
  g_ptr_array_add (labels, NULL);
  return (GStrv) g_ptr_array_free (labels, FALSE);
}
