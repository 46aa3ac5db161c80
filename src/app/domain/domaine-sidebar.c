/* domaine-sidebar.c: the account row and the searchable list of the account's domains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list follows the session's domain model through a GtkStringFilter bound to the search
 * entry (declared in the .ui). Selecting a domain asks the window to show it (win.show-domain);
 * the sidebar only says which one is selected. A row marks the zones the session says have
 * unpublished changes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-format.h"
#include "domaine-sidebar-private.h"

struct _DomaineSidebar
{
  GtkWidget parent_instance;

  DomaineSession *session;
  GSignalGroup *session_signals;
  OvhDomain *selected_domain;

  /* Template children */
  GtkListBox *account_list;
  GtkListBoxRow *account_row;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *domain_list;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkStringFilter *name_filter;
  GtkSpinner *loading_spinner;
};

G_DEFINE_FINAL_TYPE (DomaineSidebar, domaine_sidebar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_SELECTED_DOMAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows ---------------------------------------------------------------------------------- */

/* A row: [name over caption] [mark]. */
static void
row_update (GtkWidget *row, OvhDomain *domain)
{
  GtkWidget *text = gtk_widget_get_first_child (row);
  GtkWidget *name = gtk_widget_get_first_child (text);
  GtkWidget *caption = gtk_widget_get_next_sibling (name);
  g_autofree char *caption_text = domaine_format_domain_caption (domain);

  gtk_label_set_label (GTK_LABEL (name), ovh_domain_get_name (domain));
  gtk_label_set_label (GTK_LABEL (caption), caption_text);
}

static void
row_domain_notify_cb (OvhDomain *domain, GParamSpec *pspec, GtkWidget *row)
{
  row_update (row, domain);
}

static void
row_mark_update (GtkWidget *mark, DomaineSession *session, const char *zone)
{
  gtk_widget_set_visible (mark,
                          session != NULL && domaine_session_get_zone_has_changes (session, zone));
}

static void
row_zone_changes_cb (DomaineSession *session, const char *zone, GtkWidget *mark)
{
  row_mark_update (mark, session, zone);
}

static void
row_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, DomaineSidebar *self);

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineSidebar *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("media-record-symbolic");
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_top (row, 3);
  gtk_widget_set_margin_bottom (row, 3);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), caption);

  /* Which domains have changes not yet published, in words for those who do not see it. */
  gtk_widget_set_tooltip_text (mark, _ ("Unpublished changes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Unpublished changes"), -1);
  gtk_image_set_pixel_size (GTK_IMAGE (mark), 8);
  gtk_widget_add_css_class (mark, "accent");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (mark, FALSE);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), mark);

  /* Clicking the selected domain again (folded, after Back) shows its page again. */
  g_object_set_data (G_OBJECT (click), "list-item", list_item);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineSidebar *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *mark = gtk_widget_get_last_child (row);
  OvhDomain *domain = gtk_list_item_get_item (list_item);
  const char *zone = ovh_domain_get_name (domain);

  row_update (row, domain);
  /* The details, after the list, may change the kind (the name servers). */
  g_signal_connect_object (domain, "notify::kind", G_CALLBACK (row_domain_notify_cb), row, 0);

  row_mark_update (mark, self->session, zone);
  if (self->session != NULL)
    {
      g_autofree char *signal = g_strconcat ("zone-changes-changed::", zone, NULL);

      /* Kept on the mark: the session may be another one by the time the row is unbound. */
      g_object_set_data_full (G_OBJECT (mark), "session", g_object_ref (self->session),
                              g_object_unref);
      g_signal_connect_object (self->session, signal, G_CALLBACK (row_zone_changes_cb), mark, 0);
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, DomaineSidebar *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *mark = gtk_widget_get_last_child (row);
  OvhDomain *domain = gtk_list_item_get_item (list_item);
  DomaineSession *session = g_object_get_data (G_OBJECT (mark), "session");

  g_signal_handlers_disconnect_by_func (domain, row_domain_notify_cb, row);
  if (session != NULL)
    {
      g_signal_handlers_disconnect_by_func (session, row_zone_changes_cb, mark);
      g_object_set_data (G_OBJECT (mark), "session", NULL);
    }
}

/* Showing a domain ---------------------------------------------------------------------- */

/* Asks the window to show @domain; again shows it even when it is the one shown already. */
static void
domaine_sidebar_show_domain (DomaineSidebar *self, OvhDomain *domain, gboolean again)
{
  if (domain == NULL || self->session == NULL)
    return;
  /* The selected row only moved (the search changed): stay where the user is. */
  if (!again && self->selected_domain == domain)
    return;

  if (g_set_object (&self->selected_domain, domain))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOMAIN]);
  gtk_list_box_unselect_all (self->account_list);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-domain", "s",
                              ovh_domain_get_name (domain));
}

static void
domaine_sidebar_clear_selected_domain (DomaineSidebar *self)
{
  if (self->selected_domain == NULL)
    return;
  g_clear_object (&self->selected_domain);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DOMAIN]);
}

static void
selection_changed_cb (DomaineSidebar *self)
{
  OvhDomain *domain = gtk_single_selection_get_selected_item (self->selection);

  domaine_sidebar_show_domain (self, domain, FALSE);
}

static void
row_released_cb (GtkGestureClick *gesture, int n_press, double x, double y, DomaineSidebar *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (gesture), "list-item");

  if (gtk_list_item_get_selected (list_item))
    domaine_sidebar_show_domain (self, gtk_list_item_get_item (list_item), TRUE);
}

static void
account_row_activated_cb (DomaineSidebar *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  domaine_sidebar_clear_selected_domain (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-account", NULL);
}

static void
domaine_sidebar_update_state (DomaineSidebar *self)
{
  GListModel *domains = self->session != NULL ? domaine_session_get_domains (self->session) : NULL;
  DomaineSessionState state = self->session != NULL ? domaine_session_get_state (self->session)
                                                    : DOMAINE_SESSION_STATE_IDLE;
  const char *page;

  if (domains != NULL && g_list_model_get_n_items (domains) > 0)
    page = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0 ? "list" : "no-results";
  else if (state == DOMAINE_SESSION_STATE_LOADING || state == DOMAINE_SESSION_STATE_IDLE)
    page = "loading";
  else if (state == DOMAINE_SESSION_STATE_READY)
    page = "empty";
  else
    page = "list"; /* the content column says what went wrong */

  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* Public -------------------------------------------------------------------------------- */

void
domaine_sidebar_set_session (DomaineSidebar *self, DomaineSession *session)
{
  g_return_if_fail (DOMAINE_IS_SIDEBAR (self));
  g_return_if_fail (session == NULL || DOMAINE_IS_SESSION (session));

  if (self->session == session)
    return;

  domaine_sidebar_clear_selected_domain (self);
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  gtk_filter_list_model_set_model (self->filter_model,
                                   session != NULL ? domaine_session_get_domains (session) : NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  domaine_sidebar_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

DomaineSession *
domaine_sidebar_get_session (DomaineSidebar *self)
{
  g_return_val_if_fail (DOMAINE_IS_SIDEBAR (self), NULL);
  return self->session;
}

GListModel *
domaine_sidebar_get_model (DomaineSidebar *self)
{
  g_return_val_if_fail (DOMAINE_IS_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

void
domaine_sidebar_set_search_text (DomaineSidebar *self, const char *text)
{
  g_return_if_fail (DOMAINE_IS_SIDEBAR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

gboolean
domaine_sidebar_select_domain (DomaineSidebar *self, const char *name)
{
  guint n_items;

  g_return_val_if_fail (DOMAINE_IS_SIDEBAR (self), FALSE);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhDomain) domain = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (ovh_domain_get_name (domain), name) == 0)
        {
          if (gtk_single_selection_get_selected (self->selection) == i)
            domaine_sidebar_show_domain (self, domain, TRUE);
          else
            gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

OvhDomain *
domaine_sidebar_get_selected_domain (DomaineSidebar *self)
{
  g_return_val_if_fail (DOMAINE_IS_SIDEBAR (self), NULL);
  return self->selected_domain;
}

/* GObject ------------------------------------------------------------------------------- */

static void
domaine_sidebar_dispose (GObject *object)
{
  DomaineSidebar *self = DOMAINE_SIDEBAR (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->selected_domain);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_SIDEBAR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);

  G_OBJECT_CLASS (domaine_sidebar_parent_class)->dispose (object);
}

static void
domaine_sidebar_finalize (GObject *object)
{
  DomaineSidebar *self = DOMAINE_SIDEBAR (object);

  g_clear_object (&self->session_signals);

  G_OBJECT_CLASS (domaine_sidebar_parent_class)->finalize (object);
}

static void
domaine_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineSidebar *self = DOMAINE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SELECTED_DOMAIN:
      g_value_set_object (value, self->selected_domain);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_sidebar_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  DomaineSidebar *self = DOMAINE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      domaine_sidebar_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_sidebar_class_init (DomaineSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_sidebar_dispose;
  object_class->finalize = domaine_sidebar_finalize;
  object_class->get_property = domaine_sidebar_get_property;
  object_class->set_property = domaine_sidebar_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The domain last chosen in the list (the search may hide its row meanwhile). */
  properties[PROP_SELECTED_DOMAIN]
      = g_param_spec_object ("selected-domain", NULL, NULL, OVH_TYPE_DOMAIN,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OVH_TYPE_DOMAIN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/domain/domaine-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, account_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, account_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, domain_list);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, selection);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, filter_model);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, name_filter);
  gtk_widget_class_bind_template_child (widget_class, DomaineSidebar, loading_spinner);
}

static void
domaine_sidebar_init (DomaineSidebar *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->domain_list, factory);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (domaine_sidebar_update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_list, "row-activated",
                           G_CALLBACK (account_row_activated_cb), self, G_CONNECT_SWAPPED);

  self->session_signals = g_signal_group_new (DOMAINE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::state",
                                  G_CALLBACK (domaine_sidebar_update_state), self);
  domaine_sidebar_update_state (self);
}

GtkWidget *
domaine_sidebar_new (void)
{
  return g_object_new (DOMAINE_TYPE_SIDEBAR, NULL);
}
