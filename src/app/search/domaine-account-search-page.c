/* domaine-account-search-page.c: records found across every zone of the account, and replaced
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results are a GtkTreeListModel over one group per zone (OvhZoneMatches), each expanding
 * to its records, in a GtkListView: accounts have hundreds of zones and thousands of matches,
 * and only the rows on screen get widgets.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-account-search-page.h"
#include "domaine-replace-review-dialog.h"
#include "ovh-account-replace.h"
#include "ovh-record-type.h"

struct _DomaineAccountSearchPage
{
  GtkWidget parent_instance;

  DomaineSession *session;
  gboolean folded;
  OvhAccountSearch *search;
  GCancellable *cancellable; /* the load; cancelled when the page goes */
  GListStore *groups;        /* OvhZoneMatches: the root of the tree */
  guint n_results;
  gboolean loaded;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkDropDown *type_dropdown;
  GtkEntry *replace_entry;
  GtkWidget *replace_button;
  GtkCheckButton *regex_check;
  GtkCheckButton *case_check;
  GtkLabel *status_label;
  GtkProgressBar *progress_bar;
  GtkStack *results_stack;
  AdwStatusPage *empty_page;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (DomaineAccountSearchPage, domaine_account_search_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_FOLDED,
  PROP_SEARCH,
  PROP_RESULTS,
  PROP_N_RESULTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What is typed ----------------------------------------------------------------------------- */

static const char *
selected_type (DomaineAccountSearchPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  /* Row 0 is "All Types". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return ovh_record_type_get_names ()[selected - 1];
}

static OvhValueReplaceFlags
replace_flags (DomaineAccountSearchPage *self)
{
  OvhValueReplaceFlags flags = OVH_VALUE_REPLACE_DEFAULT;

  if (gtk_check_button_get_active (self->regex_check))
    flags |= OVH_VALUE_REPLACE_REGEX;
  if (!gtk_check_button_get_active (self->case_check))
    flags |= OVH_VALUE_REPLACE_IGNORE_CASE;
  return flags;
}

static OvhValueReplacer *
new_replacer (DomaineAccountSearchPage *self, const char *to, GError **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return ovh_value_replacer_new (text, to, replace_flags (self), error);
}

/* Searching --------------------------------------------------------------------------------- */

static void
update_status (DomaineAccountSearchPage *self, const GError *error)
{
  guint n_zones = ovh_account_search_get_n_zones (self->search);
  guint n_loaded = ovh_account_search_get_n_zones_loaded (self->search);
  guint n_failed = g_strv_length ((GStrv) ovh_account_search_get_failed_zones (self->search));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *status = NULL;

  if (error != NULL)
    status = g_strdup (error->message);
  else if (ovh_account_search_get_loading (self->search))
    /* Translators: zones loaded so far, then how many there are */
    status = g_strdup_printf (_ ("Loading zones: %u of %u"), n_loaded, n_zones);
  else if (*text == '\0')
    status = g_strdup_printf (
        ngettext ("%u zone searched", "%u zones searched", n_zones - n_failed), n_zones - n_failed);
  else
    {
      guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

      /* Translators: "12 records in 3 zones" */
      g_autofree char *records = g_strdup_printf (
          ngettext ("%u record", "%u records", self->n_results), self->n_results);
      g_autofree char *zones
          = g_strdup_printf (ngettext ("%u zone", "%u zones", n_groups), n_groups);

      /* Translators: "12 records" then "in 3 zones" */
      status = g_strdup_printf (_ ("%s in %s"), records, zones);
    }

  if (error == NULL && n_failed > 0 && !ovh_account_search_get_loading (self->search))
    {
      g_autofree char *failed
          = g_strjoinv (", ", (GStrv) ovh_account_search_get_failed_zones (self->search));
      g_autofree char *with_failed = g_strdup_printf (
          /* Translators: the search's status, then the zones that could not be read */
          ngettext ("%s (not read: %s)", "%s (not read: %s)", n_failed), status, failed);

      g_free (status);
      status = g_steal_pointer (&with_failed);
    }

  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar),
                          ovh_account_search_get_loading (self->search));
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_zones > 0 ? (double) n_loaded / n_zones : 0.0);
}

static void
run_search (DomaineAccountSearchPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr (OvhValueReplacer) matcher = NULL;
  g_autoptr (GListModel) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_results = 0;

  if (*text != '\0')
    matcher = new_replacer (self, "", &error);
  if (matcher != NULL)
    {
      found = ovh_account_search_find (self->search, matcher, OVH_ACCOUNT_SEARCH_ALL,
                                       selected_type (self));
      for (guint i = 0; i < g_list_model_get_n_items (found); i++)
        {
          OvhZoneMatches *matches = g_list_model_get_item (found, i);

          n_results += g_list_model_get_n_items (ovh_zone_matches_get_records (matches));
          g_ptr_array_add (items, matches);
        }
    }

  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       items->pdata, items->len);
  if (self->n_results != n_results)
    {
      self->n_results = n_results;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESULTS]);
    }

  if (*text == '\0' || error != NULL)
    {
      adw_status_page_set_title (self->empty_page, _ ("Search Every Zone"));
      adw_status_page_set_description (
          self->empty_page,
          _ ("Type a value, a name or a type to find it in all the zones of the account."));
    }
  else if (n_results == 0)
    {
      adw_status_page_set_title (self->empty_page, _ ("No Record Found"));
      adw_status_page_set_description (self->empty_page,
                                       _ ("No record of the zones matches the search."));
    }
  gtk_stack_set_visible_child_name (self->results_stack, n_results > 0 ? "results" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace",
                                 n_results > 0 && !ovh_account_search_get_loading (self->search));
  update_status (self, error);
}

static void
progress_cb (DomaineAccountSearchPage *self)
{
  update_status (self, NULL);
}

static void
load_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineAccountSearchPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_account_search_load_finish (OVH_ACCOUNT_SEARCH (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->session != NULL)
        domaine_session_report_error (self->session, error);
      update_status (self, error);
      return;
    }
  self->loaded = TRUE;
  run_search (self);
}

static void
load (DomaineAccountSearchPage *self)
{
  if (ovh_account_search_get_loading (self->search))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace", FALSE);
  ovh_account_search_load_async (self->search, self->cancellable, load_cb, g_object_ref (self));
  update_status (self, NULL);
}

/* Rows -------------------------------------------------------------------------------------- */

static GListModel *
create_children (gpointer item, gpointer user_data)
{
  if (!OVH_IS_ZONE_MATCHES (item))
    return NULL;
  return g_object_ref (ovh_zone_matches_get_records (OVH_ZONE_MATCHES (item)));
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *type = gtk_label_new (NULL);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (type), 0);
  gtk_label_set_width_chars (GTK_LABEL (type), 6);
  gtk_widget_add_css_class (type, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), type);
  gtk_box_append (GTK_BOX (box), value);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr (GObject) item = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *type = gtk_widget_get_next_sibling (name);
  GtkWidget *value = gtk_widget_get_next_sibling (type);
  g_autofree char *accessible = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (OVH_IS_ZONE_MATCHES (item))
    {
      OvhZoneMatches *matches = OVH_ZONE_MATCHES (item);
      guint n_records = g_list_model_get_n_items (ovh_zone_matches_get_records (matches));
      g_autofree char *count
          = g_strdup_printf (ngettext ("%u record", "%u records", n_records), n_records);

      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_width_chars (GTK_LABEL (name), -1);
      gtk_label_set_label (GTK_LABEL (name), ovh_zone_matches_get_zone_name (matches));
      gtk_widget_set_visible (type, FALSE);
      gtk_label_set_label (GTK_LABEL (value), count);
      gtk_widget_add_css_class (value, "dim-label");
      /* Translators: a zone, then "3 records" */
      accessible = g_strdup_printf (_ ("%s, %s"), ovh_zone_matches_get_zone_name (matches), count);
    }
  else
    {
      OvhRecord *record = OVH_RECORD (item);

      gtk_widget_remove_css_class (name, "heading");
      gtk_label_set_width_chars (GTK_LABEL (name), 16);
      gtk_label_set_label (GTK_LABEL (name), ovh_record_get_display_name (record));
      gtk_widget_set_visible (type, TRUE);
      gtk_label_set_label (GTK_LABEL (type), ovh_record_get_field_type (record));
      gtk_widget_remove_css_class (value, "dim-label");
      gtk_label_set_label (GTK_LABEL (value), ovh_record_get_target (record));
      gtk_widget_set_tooltip_text (value, ovh_record_get_target (record));
      /* Translators: a record's name, its type, its value, then its zone */
      accessible = g_strdup_printf (_ ("%s %s %s in %s"), ovh_record_get_display_name (record),
                                    ovh_record_get_field_type (record),
                                    ovh_record_get_target (record), ovh_record_get_zone (record));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *value
      = gtk_widget_get_last_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));

  gtk_widget_set_tooltip_text (value, NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* A record opens its zone at that record; a zone folds or unfolds. */
static void
activate_cb (DomaineAccountSearchPage *self, guint position)
{
  g_autoptr (GtkTreeListRow) row
      = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->list_view)), position);
  gpointer item;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (OVH_IS_RECORD (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-record", "(st)",
                                ovh_record_get_zone (item), ovh_record_get_id (item));
  else
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  g_object_unref (item);
}

/* Replacing --------------------------------------------------------------------------------- */

static void
published_cb (DomaineAccountSearchPage *self)
{
  /* The zones' records now hold the new values: what matches has changed. */
  run_search (self);
}

/* A replacement that failed in some zones still changed the others. */
static gboolean
review_closed_cb (DomaineAccountSearchPage *self)
{
  run_search (self);
  return FALSE;
}

static void
replace_entry_activate_cb (DomaineAccountSearchPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "search.replace", NULL);
}

static void
replace_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (widget);
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autoptr (OvhValueReplacer) replacer = NULL;
  g_autoptr (GListModel) plan = NULL;
  g_autoptr (GError) error = NULL;
  DomaineReplaceReviewDialog *dialog;
  GtkRoot *root;

  replacer = new_replacer (self, to, &error);
  if (replacer == NULL)
    {
      update_status (self, error);
      return;
    }
  plan = ovh_account_replace_plan (self->search, replacer, selected_type (self));
  if (g_list_model_get_n_items (plan) == 0)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_ ("No value changes")));
      return;
    }

  dialog = domaine_replace_review_dialog_new (plan);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "published", G_CALLBACK (published_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "close-request", G_CALLBACK (review_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  load (DOMAINE_ACCOUNT_SEARCH_PAGE (widget));
}

/* GObject ----------------------------------------------------------------------------------- */

static void
domaine_account_search_page_map (GtkWidget *widget)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (widget);

  GTK_WIDGET_CLASS (domaine_account_search_page_parent_class)->map (widget);
  if (!self->loaded && !ovh_account_search_get_loading (self->search))
    load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
domaine_account_search_page_constructed (GObject *object)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (object);
  OvhAccount *account;

  G_OBJECT_CLASS (domaine_account_search_page_parent_class)->constructed (object);

  self->search = ovh_account_search_new (domaine_session_get_client (self->session));
  account = domaine_session_get_account (self->session);
  ovh_account_search_match_notes (self->search, NULL,
                                  account != NULL && ovh_account_get_id (account) != NULL
                                      ? ovh_account_get_id (account)
                                      : "default");
  g_signal_connect_object (self->search, "notify::n-zones-loaded", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  adw_window_title_set_subtitle (
      self->window_title, ovh_account_get_label (domaine_session_get_account (self->session)));
}

static void
domaine_account_search_page_dispose (GObject *object)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_ACCOUNT_SEARCH_PAGE);
  /* GTK 4.8 leaves the children that are not bound (the header bar, the boxes). */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (domaine_account_search_page_parent_class)->dispose (object);
}

static void
domaine_account_search_page_finalize (GObject *object)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->search);
  g_clear_object (&self->groups);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (domaine_account_search_page_parent_class)->finalize (object);
}

static void
domaine_account_search_page_get_property (GObject *object,
                                          guint prop_id,
                                          GValue *value,
                                          GParamSpec *pspec)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SEARCH:
      g_value_set_object (value, self->search);
      break;
    case PROP_RESULTS:
      g_value_set_object (value, self->groups);
      break;
    case PROP_N_RESULTS:
      g_value_set_uint (value, self->n_results);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_account_search_page_set_property (GObject *object,
                                          guint prop_id,
                                          const GValue *value,
                                          GParamSpec *pspec)
{
  DomaineAccountSearchPage *self = DOMAINE_ACCOUNT_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_FOLDED:
      domaine_account_search_page_set_folded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_account_search_page_class_init (DomaineAccountSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = domaine_account_search_page_constructed;
  object_class->dispose = domaine_account_search_page_dispose;
  object_class->finalize = domaine_account_search_page_finalize;
  object_class->get_property = domaine_account_search_page_get_property;
  object_class->set_property = domaine_account_search_page_set_property;
  widget_class->map = domaine_account_search_page_map;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED]
      = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH]
      = g_param_spec_object ("search", NULL, NULL, OVH_TYPE_ACCOUNT_SEARCH, read_only);
  properties[PROP_RESULTS]
      = g_param_spec_object ("results", NULL, NULL, G_TYPE_LIST_MODEL, read_only);
  properties[PROP_N_RESULTS]
      = g_param_spec_uint ("n-results", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/search/domaine-account-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, replace_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, regex_check);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, case_check);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineAccountSearchPage, list_view);

  gtk_widget_class_install_action (widget_class, "search.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "search.reload", NULL, reload_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
domaine_account_search_page_init (DomaineAccountSearchPage *self)
{
  g_autoptr (GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const char *const *names = ovh_record_type_get_names ();
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (types, _ ("All Types"));
  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (types, names[i]);
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  /* GTK 4.8 names the drop-down but not its button, which is what takes the focus. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->type_dropdown));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Record type"), -1);

  self->groups = g_list_store_new (OVH_TYPE_ZONE_MATCHES);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), FALSE, TRUE,
                                  create_children, NULL, NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->regex_check, "toggled", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_check, "toggled", G_CALLBACK (run_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replace_entry, "activate", G_CALLBACK (replace_entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace", FALSE);
}

GtkWidget *
domaine_account_search_page_new (DomaineSession *session)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (session), NULL);
  return g_object_new (DOMAINE_TYPE_ACCOUNT_SEARCH_PAGE, "session", session, NULL);
}

DomaineSession *
domaine_account_search_page_get_session (DomaineAccountSearchPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self), NULL);
  return self->session;
}

OvhAccountSearch *
domaine_account_search_page_get_search (DomaineAccountSearchPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self), NULL);
  return self->search;
}

GListModel *
domaine_account_search_page_get_results (DomaineAccountSearchPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self), NULL);
  return G_LIST_MODEL (self->groups);
}

guint
domaine_account_search_page_get_n_results (DomaineAccountSearchPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self), 0);
  return self->n_results;
}

gboolean
domaine_account_search_page_get_folded (DomaineAccountSearchPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self), FALSE);
  return self->folded;
}

void
domaine_account_search_page_set_folded (DomaineAccountSearchPage *self, gboolean folded)
{
  g_return_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self));
  folded = !!folded;
  if (self->folded == folded)
    return;
  self->folded = folded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

void
domaine_account_search_page_set_text (DomaineAccountSearchPage *self, const char *text)
{
  g_return_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* Now rather than after the entry's typing delay. */
  run_search (self);
}

void
domaine_account_search_page_set_replacement (DomaineAccountSearchPage *self,
                                             const char *replacement)
{
  g_return_if_fail (DOMAINE_IS_ACCOUNT_SEARCH_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->replace_entry), replacement);
}
