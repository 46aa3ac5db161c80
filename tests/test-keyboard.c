/* test-keyboard.c: the domain page and its dialogs by keyboard alone, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys go where GTK would send them (domaine_test_press_key): the row menu opens from the
 * focused row, the table is one tab stop, undo and redo follow Ctrl+Z and Ctrl+Shift+Z, a new
 * record starts in its first field, menus show the keys of their items, and values wrap
 * whole, without hyphens that are not theirs.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "domaine-domain-page.h"
#include "domaine-record-editor.h"
#include "domaine-review-dialog.h"
#include "domaine-test-gui.h"
#include "domaine-zone-editor-private.h"
#include "ovh-sandbox.h"

typedef struct
{
  OvhSandbox *sandbox;
  DomaineSession *session;
  GtkWindow *window;
  DomaineDomainPage *page;
  DomaineZoneEditor *editor;
} Fixture;

static gboolean
session_ready (gpointer data)
{
  Fixture *fixture = data;
  return domaine_session_get_state (fixture->session) != DOMAINE_SESSION_STATE_LOADING;
}

static gboolean
zone_loaded (gpointer data)
{
  Fixture *fixture = data;
  OvhZone *zone = domaine_zone_editor_get_zone (fixture->editor);

  return zone != NULL && ovh_zone_get_load_state (zone) == OVH_ZONE_LOAD_STATE_LOADED
         && !domaine_zone_editor_get_restoring (fixture->editor);
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
  g_assert_true (domaine_test_wait_until (zone_loaded, fixture, 10000));
  domaine_test_wait_for_transitions (GTK_WIDGET (fixture->window));
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AdwToastOverlay *overlay;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  fixture->session = domaine_test_session_new_for_sandbox (fixture->sandbox);
  domaine_session_reload (fixture->session);
  g_assert_true (domaine_test_wait_until (session_ready, fixture, 10000));
  g_assert_cmpint (domaine_session_get_state (fixture->session), ==, DOMAINE_SESSION_STATE_READY);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 640);
  fixture->page = DOMAINE_DOMAIN_PAGE (domaine_domain_page_new (fixture->session));
  fixture->editor = domaine_domain_page_get_zone_editor (fixture->page);
  overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, GTK_WIDGET (overlay));
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
  show_domain (fixture, "lovelace.fr");
}

static gboolean
store_idle (gpointer data)
{
  return !ovh_pending_store_get_busy (data);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  OvhChangeset *changeset = domaine_zone_editor_get_changeset (fixture->editor);
  g_autoptr (OvhPendingStore) store = domaine_zone_pending_dup_store ();
  GtkWindow *window = fixture->window;

  if (changeset != NULL)
    ovh_changeset_discard_all (changeset);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (fixture->window);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  g_assert_true (domaine_test_wait_until (store_idle, store, 5000));
  domaine_session_close (fixture->session);
  g_clear_object (&fixture->session);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static GtkWidget *
table (Fixture *fixture)
{
  return GTK_WIDGET (fixture->editor->column_view);
}

/* Tabs into the table, as a person would reach it: the focus lands on a row. */
static GtkWidget *
focus_first_row (Fixture *fixture)
{
  GtkWidget *focus;

  g_assert_true (gtk_widget_child_focus (table (fixture), GTK_DIR_TAB_FORWARD));
  focus = domaine_test_get_focus (table (fixture));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, table (fixture)));
  return focus;
}

static GtkWidget *
press (GtkWidget *focus, guint keyval, GdkModifierType modifiers)
{
  g_assert_true (domaine_test_press_key (focus, keyval, modifiers));
  return domaine_test_get_focus (focus);
}

static gboolean
popover_gone (gpointer popover)
{
  return !gtk_widget_get_visible (popover);
}

static gboolean
strv_has (GStrv strv, const char *text)
{
  return strv != NULL && g_strv_contains ((const char *const *) strv, text);
}

static void
test_row_menu_by_keyboard (Fixture *fixture, gconstpointer data)
{
  GtkWidget *popover = fixture->editor->row_menu_popover;
  GtkSelectionModel *selection = domaine_zone_editor_get_selection (fixture->editor);
  static const guint keys[][2] = { { GDK_KEY_F10, GDK_SHIFT_MASK }, { GDK_KEY_Menu, 0 } };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *focus = focus_first_row (fixture);
      g_autoptr (GtkBitset) selected = NULL;

      gtk_selection_model_unselect_all (selection);
      press (focus, keys[i][0], keys[i][1]);
      g_assert_true (gtk_widget_get_visible (popover));
      /* The menu acts on the focused row: it is the selection now. */
      selected = gtk_selection_model_get_selection (selection);
      g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
      g_assert_true (gtk_selection_model_is_selected (selection, 0));
      g_assert_true (gtk_widget_get_sensitive (popover));
      domaine_test_wait_for_frame (popover);
      if (i == 0)
        {
          g_auto (GStrv) accels = domaine_test_dup_menu_accelerators (popover);
          g_autofree char *delete = gtk_accelerator_get_label (GDK_KEY_Delete, 0);
          g_autofree char *kp_delete = gtk_accelerator_get_label (GDK_KEY_KP_Delete, 0);

          /* The main key of each item only: "Delete", never the keypad's. */
          g_assert_true (strv_has (accels, delete));
          g_assert_false (strv_has (accels, kp_delete));
          g_assert_cmpuint (domaine_test_count_unlabelled_controls (popover), ==, 0);
          domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "row-menu");
        }
      gtk_popover_popdown (GTK_POPOVER (popover));
      g_assert_true (domaine_test_wait_until (popover_gone, popover, 5000));
    }
}

static void
test_table_one_tab_stop (Fixture *fixture, gconstpointer data)
{
  GtkWidget *focus = focus_first_row (fixture);
  GtkWidget *after, *before;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->editor->selection)), >, 3);

  /* Down moves inside; Tab and Shift+Tab leave, whatever the row. */
  after = press (focus, GDK_KEY_Tab, 0);
  g_assert_nonnull (after);
  g_assert_false (gtk_widget_is_ancestor (after, table (fixture)));

  focus = focus_first_row (fixture);
  before = press (focus, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  g_assert_nonnull (before);
  g_assert_false (gtk_widget_is_ancestor (before, table (fixture)));
  g_assert_true (before != after);

  /* And the table stays reachable: a Tab from before it lands in it. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (
      gtk_widget_is_ancestor (domaine_test_get_focus (table (fixture)), table (fixture)));
}

static gboolean
window_has_focus_widget (gpointer window)
{
  return gtk_widget_get_mapped (window) && gtk_root_get_focus (GTK_ROOT (window)) != NULL;
}

static void
close_dialog (GtkWindow *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (dialog);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &dialog, 5000));
}

static void
test_new_record_focus (Fixture *fixture, gconstpointer data)
{
  const char *actions[] = { "zone.add", "zone.edit" };

  gtk_selection_model_select_item (domaine_zone_editor_get_selection (fixture->editor), 0, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *dialog;
      GtkWidget *focus, *header;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), actions[i], NULL));
      dialog = find_toplevel (DOMAINE_TYPE_RECORD_EDITOR);
      g_assert_nonnull (dialog);
      g_assert_true (domaine_test_wait_until (window_has_focus_widget, dialog, 5000));
      focus = gtk_root_get_focus (GTK_ROOT (dialog));
      header = domaine_test_find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_HEADER_BAR);
      /* A field, never Cancel or Save in the header. */
      g_assert_false (gtk_widget_is_ancestor (focus, header));
      g_assert_nonnull (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW));
      g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (dialog)), ==, 0);
      close_dialog (dialog);
    }
}

static void
test_undo_keys (Fixture *fixture, gconstpointer data)
{
  DomaineUndoStack *undo = fixture->editor->undo_stack;
  DomaineRecordEditor *dialog;
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.add", NULL));
  dialog = DOMAINE_RECORD_EDITOR (find_toplevel (DOMAINE_TYPE_RECORD_EDITOR));
  domaine_record_editor_set_field_type (dialog, "A");
  domaine_record_editor_set_value (dialog, "sub-domain", "keys");
  domaine_record_editor_set_value (dialog, "address", "192.0.2.77");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  domaine_record_editor_save (dialog);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &dialog, 5000));
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);

  focus = focus_first_row (fixture);
  press (focus, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 0);
  g_assert_true (domaine_undo_stack_get_can_redo (undo));
  focus = focus_first_row (fixture);
  press (focus, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (domaine_zone_editor_get_n_unpublished (fixture->editor), ==, 1);
  g_assert_false (domaine_undo_stack_get_can_redo (undo));
}

static void
test_menu_accelerators (Fixture *fixture, gconstpointer data)
{
  GtkWidget *button
      = domaine_test_find_widget_of_type (GTK_WIDGET (fixture->page), GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;
  g_auto (GStrv) accels = NULL;
  const struct
  {
    guint keyval;
    GdkModifierType modifiers;
  } expected[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK },
    { GDK_KEY_r, GDK_CONTROL_MASK },
    { GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  };

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  domaine_test_wait_for_frame (GTK_WIDGET (popover));
  accels = domaine_test_dup_menu_accelerators (GTK_WIDGET (popover));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *label
          = gtk_accelerator_get_label (expected[i].keyval, expected[i].modifiers);
      if (!strv_has (accels, label))
        g_error ("the zone menu does not show %s", label);
    }
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "zone-menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static gboolean
has_no_hyphens (GtkLabel *label)
{
  PangoAttrList *attributes = gtk_label_get_attributes (label);
  g_autoptr (PangoAttrIterator) iter = NULL;
  PangoAttribute *attribute;

  if (attributes == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attributes);
  attribute = pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
  return attribute != NULL && !((PangoAttrInt *) attribute)->value
         && gtk_label_get_wrap_mode (label) == PANGO_WRAP_CHAR;
}

static GtkLabel *
find_label_containing (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return GTK_LABEL (child);
      if ((found = find_label_containing (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_long_values_wrap (Fixture *fixture, gconstpointer data)
{
  DomaineRecordEditor *dialog;
  GtkWindow *review;
  GtkLabel *label;
  GString *value = g_string_new ("v=DKIM1; k=rsa; p=");

  for (guint i = 0; i < 24; i++)
    g_string_append (value, "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.add", NULL));
  dialog = DOMAINE_RECORD_EDITOR (find_toplevel (DOMAINE_TYPE_RECORD_EDITOR));
  domaine_record_editor_set_field_type (dialog, "TXT");
  domaine_record_editor_set_value (dialog, "sub-domain", "dkim._domainkey");
  g_assert_true (domaine_record_editor_set_value (dialog, "value", value->str));
  domaine_test_wait_for_window (GTK_WINDOW (dialog));
  label = find_label_containing (GTK_WIDGET (dialog), "MIIBIjAN");
  g_assert_nonnull (label);
  g_assert_true (has_no_hyphens (label));
  domaine_test_save_screenshot (GTK_WIDGET (dialog), "record-editor-long-value");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  domaine_record_editor_save (dialog);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &dialog, 5000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.review", NULL));
  review = find_toplevel (DOMAINE_TYPE_REVIEW_DIALOG);
  g_assert_nonnull (review);
  gtk_window_set_default_size (review, 600, 700);
  domaine_test_wait_for_window (review);
  label = find_label_containing (GTK_WIDGET (review), "MIIBIjAN");
  g_assert_nonnull (label);
  g_assert_true (has_no_hyphens (label));
  /* Whole: no line limit, no ellipsis. */
  g_assert_cmpint (gtk_label_get_lines (label), <=, 0);
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_nonnull (strstr (gtk_label_get_text (label), value->str + strlen (value->str) - 40));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (review)), ==, 0);
  domaine_test_save_screenshot (GTK_WIDGET (review), "review-long-value");
  close_dialog (review);
  g_string_free (value, TRUE);
}

static void
test_wide_header_and_matches (Fixture *fixture, gconstpointer data)
{
  GtkWidget *name = domaine_test_find_label_with_text (GTK_WIDGET (fixture->page), "lovelace.fr");
  GtkLabel *matches = fixture->editor->match_label;
  g_autofree char *expected = NULL;
  guint n;

  /* Wide: the view switcher is the title, and the domain's name is still in the header. */
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_get_mapped (name));

  /* A search says how many records it found. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (matches)));
  domaine_zone_editor_set_search_mode (fixture->editor, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (fixture->editor->search_entry), "www");
  domaine_record_filter_model_set_search (fixture->editor->filter_model, "www");
  n = g_list_model_get_n_items (G_LIST_MODEL (fixture->editor->filter_model));
  g_assert_cmpuint (n, >, 0);
  expected = g_strdup_printf (n == 1 ? "%u match" : "%u matches", n);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (matches)));
  g_assert_cmpstr (gtk_label_get_label (matches), ==, expected);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (matches)), ==,
                   GTK_ACCESSIBLE_ROLE_STATUS);
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "search-matches");
  gtk_editable_set_text (GTK_EDITABLE (fixture->editor->search_entry), "");
  domaine_record_filter_model_set_search (fixture->editor->filter_model, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (matches)));
}

/* Contrast (WCAG 2): the type pills in every state ------------------------------------------ */

static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * channel_luminance (color->red) + 0.7152 * channel_luminance (color->green)
         + 0.0722 * channel_luminance (color->blue);
}

static double
contrast_ratio (const GdkRGBA *a, const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The window as drawn, in memory: cairo's ARGB32, as the screenshots are made. */
static guchar *
render_pixels (GtkWidget *widget, int *width, int *height, gsize *stride)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  guchar *pixels;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  texture
      = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gsk_renderer_unrealize (renderer);
  *stride = (gsize) *width * 4;
  pixels = g_malloc (*stride * *height);
  gdk_texture_download (texture, pixels, *stride);
  return pixels;
}

/* The colour most pixels of @rect have: what is behind the text. */
static GdkRGBA
dominant_colour (const guchar *pixels, gsize stride, const graphene_rect_t *rect)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 best = 0;
  guint best_count = 0;

  for (int y = (int) rect->origin.y; y < (int) (rect->origin.y + rect->size.height); y++)
    for (int x = (int) rect->origin.x; x < (int) (rect->origin.x + rect->size.width); x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
        if (count > best_count)
          {
            best = pixel;
            best_count = count;
          }
      }
  /* Opaque (the window is), so premultiplication changes nothing. */
  return (GdkRGBA){ ((best >> 16) & 0xff) / 255.0, ((best >> 8) & 0xff) / 255.0,
                    (best & 0xff) / 255.0, 1.0 };
}

/* In the list, not the column titles. */
static gboolean
in_row (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
      return TRUE;
  return FALSE;
}

static void
collect_pills (GtkWidget *widget, GPtrArray *pills)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Every text of the table: the pills, and the names and values in their colours of
       * state (added, changed). */
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child)
          && *gtk_label_get_text (GTK_LABEL (child)) != '\0' && in_row (child))
        g_ptr_array_add (pills, child);
      collect_pills (child, pills);
    }
}

static gboolean
in_selected_row (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED)
      return TRUE;
  return FALSE;
}

static double
lowest_pill_contrast (Fixture *fixture, gboolean selected, const char **worst)
{
  g_autoptr (GPtrArray) pills = g_ptr_array_new ();
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride;
  double lowest = G_MAXDOUBLE;

  collect_pills (table (fixture), pills);
  pixels = render_pixels (GTK_WIDGET (fixture->window), &width, &height, &stride);
  for (guint i = 0; i < pills->len; i++)
    {
      GtkWidget *pill = g_ptr_array_index (pills, i);
      graphene_rect_t bounds;
      GdkRGBA background, text;
      double ratio;

      if (in_selected_row (pill) != selected)
        continue;
      g_assert_true (gtk_widget_compute_bounds (pill, GTK_WIDGET (fixture->window), &bounds));
      if (bounds.origin.x < 0 || bounds.origin.y < 0 || bounds.origin.x + bounds.size.width > width
          || bounds.origin.y + bounds.size.height > height)
        continue;
      background = dominant_colour (pixels, stride, &bounds);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (pill), &text);
      G_GNUC_END_IGNORE_DEPRECATIONS
      /* Text drawn with alpha shows the background through. */
      text.red = text.red * text.alpha + background.red * (1 - text.alpha);
      text.green = text.green * text.alpha + background.green * (1 - text.alpha);
      text.blue = text.blue * text.alpha + background.blue * (1 - text.alpha);
      ratio = contrast_ratio (&text, &background);
      if (ratio < lowest)
        {
          lowest = ratio;
          *worst = gtk_label_get_text (GTK_LABEL (pill));
        }
    }
  g_assert_cmpfloat (lowest, <, G_MAXDOUBLE); /* some pill of that state was measured */
  return lowest;
}

static void
test_pill_contrast (Fixture *fixture, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (style);
  GtkSelectionModel *selection = domaine_zone_editor_get_selection (fixture->editor);
  DomaineRecordEditor *dialog;
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  gboolean failed = FALSE;

  /* An added and a changed record too: their pills have colours of their own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "zone.add", NULL));
  dialog = DOMAINE_RECORD_EDITOR (find_toplevel (DOMAINE_TYPE_RECORD_EDITOR));
  domaine_record_editor_set_field_type (dialog, "A");
  domaine_record_editor_set_value (dialog, "sub-domain", "aaa-contrast");
  domaine_record_editor_set_value (dialog, "address", "192.0.2.78");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  domaine_record_editor_save (dialog);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &dialog, 5000));

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    for (guint n_selected = 0; n_selected < 2; n_selected++)
      {
        const char *worst = NULL;
        double ratio;

        adw_style_manager_set_color_scheme (style, schemes[s]);
        /* Every other row selected: both states on screen, each pill kind in both. */
        gtk_selection_model_unselect_all (selection);
        for (guint i = n_selected;
             i < MIN (g_list_model_get_n_items (G_LIST_MODEL (selection)), 30); i += 2)
          gtk_selection_model_select_item (selection, i, FALSE);
        domaine_test_wait_frames (GTK_WIDGET (fixture->window), 2);
        for (guint selected = 0; selected < 2; selected++)
          {
            ratio = lowest_pill_contrast (fixture, selected, &worst);
            g_test_message ("%s, %s: lowest pill contrast %.2f:1 (%s)", s == 0 ? "light" : "dark",
                            selected ? "selected" : "not selected", ratio, worst);
            if (ratio < 4.5)
              {
                g_printerr ("%s, %s row: “%s” has %.2f:1, under WCAG AA's 4.5:1\n",
                            s == 0 ? "light" : "dark", selected ? "selected" : "unselected", worst,
                            ratio);
                failed = TRUE;
              }
          }
        if (n_selected == 0)
          domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "selected-rows");
      }
  adw_style_manager_set_color_scheme (style, scheme);
  g_assert_false (failed);
}

int
main (int argc, char **argv)
{
  domaine_test_bind_translations ();
  domaine_test_use_scratch_data_dirs ("domaine-test-keyboard-XXXXXX");
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/keyboard/row-menu", test_row_menu_by_keyboard);
  ADD ("/keyboard/table-one-tab-stop", test_table_one_tab_stop);
  ADD ("/keyboard/new-record-focus", test_new_record_focus);
  ADD ("/keyboard/undo-keys", test_undo_keys);
  ADD ("/keyboard/menu-accelerators", test_menu_accelerators);
  ADD ("/values/wrap-whole-without-hyphens", test_long_values_wrap);
  ADD ("/style/pill-contrast", test_pill_contrast);
  ADD ("/wide/header-and-matches", test_wide_header_and_matches);
#undef ADD

  return g_test_run ();
}
