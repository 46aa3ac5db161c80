/* domaine-api-console.c: the API's routes, called by hand with the account's key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routes come from OVHcloud's own description of its API (GET /1.0/ and
 * /1.0/{product}.json, read by libovh), listed for one product at a time and filtered to what
 * the account's key may call (its rules, from GET /auth/currentCredential). A route's form
 * has a row per path and query parameter and the body as JSON; Execute sends it through the
 * session's client, signed like every call, after asking for anything but GET. The answer
 * shows its status, OVHcloud's query ID, the time it took and its JSON as a tree.
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <glib/gi18n.h>

#include "domaine-api-console.h"
#include "domaine-api-param-row.h"
#include "domaine-api-route-row.h"
#include "domaine-api-snippets.h"
#include "domaine-json-tree.h"
#include "ovh-api-schema.h"
#include "ovh-credential.h"
#include "ovh-error.h"

#define DEFAULT_PRODUCT "domain"

struct _DomaineApiConsole
{
  AdwWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *routes_pane;
  GtkWidget *call_pane;
  AdwWindowTitle *routes_title;
  GtkDropDown *product_dropdown;
  GtkStringList *product_names;
  GtkSearchEntry *search_entry;
  GtkSwitch *show_all_switch;
  GtkStack *list_stack;
  GtkSpinner *list_spinner;
  GtkListView *routes_view;
  AdwStatusPage *list_status;
  AdwWindowTitle *call_title;
  GtkStack *call_stack;
  GtkPaned *paned;
  GtkLabel *description_label;
  GtkLabel *deprecated_label;
  GtkWidget *no_parameters_label;
  AdwPreferencesGroup *params_group;
  AdwPreferencesGroup *body_group;
  GtkTextView *body_view;
  GtkLabel *body_error_label;
  GtkSpinner *call_spinner;
  GtkLabel *status_label;
  GtkLabel *time_label;
  GtkLabel *query_id_label;
  GtkLabel *error_label;
  DomaineJsonTree *answer_tree;

  DomaineSession *session;
  OvhClient *client;
  GCancellable *cancellable;

  GPtrArray *products;       /* OvhApiProduct*, NULL until read */
  GHashTable *schemas;       /* product name → OvhApiSchema */
  OvhCredential *credential; /* NULL when its rules could not be read */
  gboolean credential_settled;
  char *product;      /* the one listed */
  GListStore *routes; /* of the product listed */
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  char *search; /* lower case */

  OvhApiRoute *route; /* the one in the form */
  GPtrArray *param_rows;
  gboolean body_valid;
  OvhRawAnswer *answer;
  char *error;
  AdwMessageDialog *confirmation;
  gboolean loaded;
  gboolean busy;
  gboolean filling_products;
};

G_DEFINE_FINAL_TYPE (DomaineApiConsole, domaine_api_console, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_LOADED,
  PROP_BUSY,
  PROP_SHOW_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_product (DomaineApiConsole *self, const char *name);

/* State ------------------------------------------------------------------------------------ */

static void
update_actions (DomaineApiConsole *self)
{
  gboolean has_route = self->route != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.execute",
                                 has_route && self->body_valid && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.copy-curl",
                                 has_route && self->body_valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.copy-python",
                                 has_route && self->body_valid);
}

static void
set_busy (DomaineApiConsole *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->call_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->call_spinner), busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_list_message (DomaineApiConsole *self, const char *title, const char *description)
{
  adw_status_page_set_title (self->list_status, title);
  adw_status_page_set_description (self->list_status, description);
  gtk_stack_set_visible_child_name (self->list_stack, "message");
}

static void
update_list_page (DomaineApiConsole *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (!self->loaded)
    return;
  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "routes");
  else if (self->search != NULL && *self->search != '\0')
    show_list_message (self, _ ("No Matching Routes"), _ ("Try other words."));
  else
    show_list_message (self, _ ("No Routes for This Key"),
                       _ ("The account’s key may call none of this product’s routes. Show the "
                          "others to read about them."));
}

static void
check_loaded (DomaineApiConsole *self)
{
  if (self->loaded || !self->credential_settled || self->product == NULL
      || !g_hash_table_contains (self->schemas, self->product))
    return;
  self->loaded = TRUE;
  gtk_spinner_set_spinning (self->list_spinner, FALSE);
  update_list_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static GPtrArray *
get_rules (DomaineApiConsole *self)
{
  return self->credential != NULL ? ovh_credential_get_rules (self->credential) : NULL;
}

static gboolean
route_is_allowed (DomaineApiConsole *self, OvhApiRoute *route)
{
  GPtrArray *rules = get_rules (self);

  return rules == NULL || ovh_api_route_is_allowed (route, rules);
}

static gboolean
filter_route (gpointer item, gpointer user_data)
{
  DomaineApiConsole *self = user_data;
  OvhApiRoute *route = item;

  if (!ovh_api_route_matches_search (route, self->search))
    return FALSE;
  return gtk_switch_get_active (self->show_all_switch) || route_is_allowed (self, route);
}

/* The product's routes again: every row is bound afresh (the key's rules may have come). */
static void
refill_routes (DomaineApiConsole *self)
{
  OvhApiSchema *schema
      = self->product != NULL ? g_hash_table_lookup (self->schemas, self->product) : NULL;
  GListModel *routes = schema != NULL ? ovh_api_schema_get_routes (schema) : NULL;
  guint n = routes != NULL ? g_list_model_get_n_items (routes) : 0;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (routes, i));
  g_list_store_splice (self->routes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->routes)),
                       items->pdata, items->len);
  update_list_page (self);
}

/* The form ------------------------------------------------------------------------------- */

static char *
dup_body_text (DomaineApiConsole *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  if (self->route == NULL || !ovh_api_route_has_body (self->route))
    return NULL;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
body_changed_cb (DomaineApiConsole *self)
{
  g_autofree char *text = dup_body_text (self);
  g_autoptr (GError) error = NULL;

  self->body_valid = ovh_raw_call_check_body (text, &error);
  gtk_label_set_text (self->body_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body_error_label), error != NULL);
  update_actions (self);
}

static void
clear_answer (DomaineApiConsole *self)
{
  g_clear_pointer (&self->answer, ovh_raw_answer_free);
  g_clear_pointer (&self->error, g_free);
  gtk_label_set_text (self->status_label, _ ("Not sent yet"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_label_set_text (self->time_label, "");
  gtk_label_set_text (self->query_id_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  domaine_json_tree_set_root (self->answer_tree, NULL);
}

static void
show_route (DomaineApiConsole *self, OvhApiRoute *route)
{
  GPtrArray *parameters;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  const char *body_type = NULL;

  if (route == self->route)
    return;
  g_set_object (&self->route, route);

  for (guint i = 0; i < self->param_rows->len; i++)
    adw_preferences_group_remove (self->params_group, g_ptr_array_index (self->param_rows, i));
  g_ptr_array_set_size (self->param_rows, 0);
  clear_answer (self);

  if (route == NULL)
    {
      adw_window_title_set_title (self->call_title, _ ("No Route Chosen"));
      adw_window_title_set_subtitle (self->call_title, NULL);
      gtk_stack_set_visible_child_name (self->call_stack, "none");
      self->body_valid = FALSE;
      update_actions (self);
      return;
    }

  title
      = g_strdup_printf ("%s %s", ovh_api_route_get_method (route), ovh_api_route_get_path (route));
  adw_window_title_set_title (self->call_title, title);
  adw_window_title_set_subtitle (self->call_title, route_is_allowed (self, route)
                                                       ? NULL
                                                       : _ ("The account’s key may not call it"));
  gtk_label_set_text (self->description_label, ovh_api_route_get_description (route));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          *ovh_api_route_get_description (route) != '\0');

  if (ovh_api_route_get_status (route) == OVH_API_STATUS_DEPRECATED)
    {
      g_autofree char *text = NULL;
      const char *replacement = ovh_api_route_get_replacement (route);

      text = replacement != NULL
                 /* Translators: %s is the API route to use instead */
                 ? g_strdup_printf (_ ("Deprecated: OVHcloud will remove it. Use %s instead."),
                                    replacement)
                 : g_strdup (_ ("Deprecated: OVHcloud will remove it."));
      gtk_label_set_text (self->deprecated_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->deprecated_label),
                          ovh_api_route_get_status (route) == OVH_API_STATUS_DEPRECATED);

  parameters = ovh_api_route_get_parameters (route);
  for (guint i = 0; i < parameters->len; i++)
    {
      const OvhApiParameter *parameter = g_ptr_array_index (parameters, i);
      GtkWidget *row;

      if (parameter->location == OVH_API_PARAMETER_BODY)
        {
          body_type = parameter->name == NULL ? parameter->full_type : "";
          continue;
        }
      row = domaine_api_param_row_new (parameter);
      adw_preferences_group_add (self->params_group, row);
      g_ptr_array_add (self->param_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->params_group), self->param_rows->len > 0);

  body = ovh_api_route_dup_body_template (route);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body != NULL ? body : "",
                            -1);
  gtk_widget_set_visible (GTK_WIDGET (self->body_group), body != NULL);
  gtk_widget_set_visible (self->no_parameters_label, self->param_rows->len == 0 && body == NULL);
  adw_preferences_group_set_description (
      self->body_group, body_type != NULL && *body_type != '\0' ? body_type : NULL);
  body_changed_cb (self);
  gtk_stack_set_visible_child_name (self->call_stack, "call");
}

static void
selection_changed_cb (DomaineApiConsole *self)
{
  show_route (self, gtk_single_selection_get_selected_item (self->selection));
}

/* The path of the call as the form stands; NULL with the reason when a value is missing. */
static char *
build_path (DomaineApiConsole *self, GError **error)
{
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->param_rows->len; i++)
    {
      DomaineApiParamRow *row = g_ptr_array_index (self->param_rows, i);

      g_hash_table_insert (values, domaine_api_param_row_get_parameter (row)->name,
                           (gpointer) domaine_api_param_row_get_text (row));
    }
  return ovh_api_route_build_path (self->route, values, error);
}

/* Calling ------------------------------------------------------------------------------- */

static void
show_answer (DomaineApiConsole *self, OvhRawAnswer *answer, const GError *error)
{
  g_autofree char *status = NULL;

  g_clear_pointer (&self->answer, ovh_raw_answer_free);
  self->answer = answer;
  g_free (self->error);
  self->error = error != NULL ? g_strdup (error->message) : NULL;

  if (answer != NULL)
    {
      g_autofree char *time = NULL;
      g_autofree char *query_id = NULL;

      /* Translators: an HTTP status code, as "HTTP 200" */
      status = g_strdup_printf (_ ("HTTP %u"), answer->status);
      /* Translators: how long the call took, in milliseconds */
      time = g_strdup_printf (_ ("%.0f ms"), answer->duration_us / 1000.0);
      gtk_label_set_text (self->time_label, time);
      /* Translators: OVHcloud's identifier of a call */
      query_id = answer->query_id != NULL ? g_strdup_printf (_ ("Query ID %s"), answer->query_id)
                                          : g_strdup ("");
      gtk_label_set_text (self->query_id_label, query_id);
      domaine_json_tree_set_root (self->answer_tree, answer->json);
    }
  else
    {
      status = g_strdup (_ ("No answer"));
      gtk_label_set_text (self->time_label, "");
      gtk_label_set_text (self->query_id_label, "");
      domaine_json_tree_set_root (self->answer_tree, NULL);
    }
  gtk_label_set_text (self->status_label, status);
  if (error == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
    }
  gtk_label_set_text (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
}

static void
called_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApiConsole) self = user_data;
  g_autoptr (GError) error = NULL;
  OvhRawAnswer *answer = NULL;

  ovh_client_raw_call_finish (OVH_CLIENT (source), result, &answer, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ovh_raw_answer_free (answer);
      return;
    }
  show_answer (self, answer, error);
  set_busy (self, FALSE);
}

static void
send_call (DomaineApiConsole *self, const char *path)
{
  g_autofree char *body = dup_body_text (self);

  set_busy (self, TRUE);
  ovh_client_raw_call_async (self->client, ovh_api_route_get_method (self->route), path, body,
                             self->cancellable, called_cb, g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, DomaineApiConsole *self)
{
  g_autofree char *path = g_object_steal_data (G_OBJECT (dialog), "path");

  self->confirmation = NULL;
  if (!g_str_equal (response, "send") || self->busy || self->route == NULL)
    return;
  send_call (self, path);
}

static void
execute_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (widget);
  const char *method;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->route == NULL || self->busy || !self->body_valid || self->confirmation != NULL)
    return;
  path = build_path (self, &error);
  if (path == NULL)
    {
      show_answer (self, NULL, error);
      gtk_label_set_text (self->status_label, _ ("Not sent"));
      return;
    }

  method = ovh_api_route_get_method (self->route);
  if (ovh_raw_call_is_read_only (method))
    {
      send_call (self, path);
      return;
    }

  /* Translators: a method ("POST"), then an API path */
  heading = g_strdup_printf (_ ("Send %s %s?"), method, path);
  dialog = adw_message_dialog_new (
      GTK_WINDOW (self), heading,
      _ ("This call may change your OVHcloud account, signed with its key. What it does cannot "
         "always be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "send",
                                    _ ("_Send"), NULL);
  adw_message_dialog_set_response_appearance (
      ADW_MESSAGE_DIALOG (dialog), "send",
      g_str_equal (method, "DELETE") ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  self->confirmation = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Snippets ----------------------------------------------------------------------------- */

/* The path as the form stands, or the route's template where values are missing. */
static char *
dup_snippet_path (DomaineApiConsole *self)
{
  char *path = build_path (self, NULL);

  return path != NULL ? path : g_strdup (ovh_api_route_get_path (self->route));
}

char *
domaine_api_console_dup_curl (DomaineApiConsole *self)
{
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);

  if (self->route == NULL)
    return NULL;
  path = dup_snippet_path (self);
  body = dup_body_text (self);
  return domaine_api_snippet_curl (ovh_client_get_base_url (self->client),
                                   ovh_api_route_get_method (self->route), path, body);
}

char *
domaine_api_console_dup_python (DomaineApiConsole *self)
{
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);

  if (self->route == NULL)
    return NULL;
  path = dup_snippet_path (self);
  body = dup_body_text (self);
  return domaine_api_snippet_python (ovh_client_get_base_url (self->client),
                                     ovh_api_route_get_method (self->route), path, body);
}

static void
copy_text (DomaineApiConsole *self, char *text, const char *toast)
{
  g_autofree char *owned = text;

  if (owned == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), owned);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
}

static void
copy_curl_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (widget);

  copy_text (self, domaine_api_console_dup_curl (self),
             _ ("Copied: the command reads the keys from OVH_* variables"));
}

static void
copy_python_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (widget);

  copy_text (self, domaine_api_console_dup_python (self),
             _ ("Copied: python-ovh reads the keys from ovh.conf or OVH_* variables"));
}

/* Navigation --------------------------------------------------------------------------- */

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->routes_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->routes_view));
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->routes_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Into the form: the first parameter, else the body, else Execute. */
static void
focus_form (DomaineApiConsole *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->call_pane);
  if (self->param_rows->len > 0)
    gtk_widget_grab_focus (
        domaine_api_param_row_get_entry (g_ptr_array_index (self->param_rows, 0)));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->body_group)))
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
route_activated_cb (DomaineApiConsole *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  focus_form (self);
}

/* Folded, a click on a route opens its form (Enter does, folded or not). */
static void
routes_clicked_cb (
    GtkGestureClick *gesture, int n_press, double x, double y, DomaineApiConsole *self)
{
  if (n_press == 1 && adw_leaflet_get_folded (self->leaflet) && self->route != NULL)
    focus_form (self);
}

static void
search_changed_cb (DomaineApiConsole *self)
{
  g_free (self->search);
  self->search = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_page (self);
}

static void
search_activate_cb (DomaineApiConsole *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  focus_form (self);
}

static void
show_all_changed_cb (DomaineApiConsole *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), gtk_switch_get_active (self->show_all_switch)
                                                     ? GTK_FILTER_CHANGE_LESS_STRICT
                                                     : GTK_FILTER_CHANGE_MORE_STRICT);
  update_list_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
}

/* Loading ------------------------------------------------------------------------------ */

static void
schema_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApiConsole) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhApiSchema) schema = ovh_api_schema_fetch_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (schema == NULL)
    {
      g_autofree char *message = error->domain == OVH_ERROR ? ovh_error_dup_display_message (error)
                                                            : g_strdup (error->message);

      gtk_spinner_set_spinning (self->list_spinner, FALSE);
      show_list_message (self, _ ("The Routes Could Not Be Read"), message);
      return;
    }
  g_hash_table_replace (self->schemas, g_strdup (ovh_api_schema_get_product (schema)),
                        g_object_ref (schema));
  if (g_strcmp0 (self->product, ovh_api_schema_get_product (schema)) == 0)
    {
      refill_routes (self);
      check_loaded (self);
    }
}

static void
load_product (DomaineApiConsole *self, const char *name)
{
  if (g_strcmp0 (self->product, name) == 0)
    return;
  g_free (self->product);
  self->product = g_strdup (name);
  adw_window_title_set_subtitle (self->routes_title, name);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (g_hash_table_contains (self->schemas, name))
    {
      refill_routes (self);
      return;
    }
  g_list_store_remove_all (self->routes);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  gtk_spinner_set_spinning (self->list_spinner, TRUE);
  for (guint i = 0; self->products != NULL && i < self->products->len; i++)
    {
      const OvhApiProduct *product = g_ptr_array_index (self->products, i);

      if (g_str_equal (product->name, name))
        ovh_api_schema_fetch_async (self->client, product, self->cancellable, schema_fetched_cb,
                                    g_object_ref (self));
    }
}

static void
product_selected_cb (DomaineApiConsole *self)
{
  guint position = gtk_drop_down_get_selected (self->product_dropdown);

  if (self->filling_products || position == GTK_INVALID_LIST_POSITION)
    return;
  load_product (self, gtk_string_list_get_string (self->product_names, position));
}

static void
products_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApiConsole) self = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *products = ovh_api_products_fetch_finish (result, &error);
  guint selected = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (products == NULL || products->len == 0)
    {
      g_autofree char *message = error == NULL ? g_strdup (_ ("The API lists no products."))
                                 : error->domain == OVH_ERROR
                                     ? ovh_error_dup_display_message (error)
                                     : g_strdup (error->message);

      g_clear_pointer (&products, g_ptr_array_unref);
      gtk_spinner_set_spinning (self->list_spinner, FALSE);
      show_list_message (self, _ ("The Routes Could Not Be Read"), message);
      return;
    }

  self->products = products;
  self->filling_products = TRUE;
  for (guint i = 0; i < products->len; i++)
    {
      const OvhApiProduct *product = g_ptr_array_index (products, i);

      gtk_string_list_append (self->product_names, product->name);
      if (g_str_equal (product->name, DEFAULT_PRODUCT))
        selected = i;
    }
  gtk_drop_down_set_selected (self->product_dropdown, selected);
  self->filling_products = FALSE;
  product_selected_cb (self);
}

static void
credential_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineApiConsole) self = user_data;
  g_autoptr (GError) error = NULL;
  OvhCredential *credential = ovh_credential_fetch_current_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without the rules, every route is listed: OVHcloud still refuses what the key may not. */
  if (credential == NULL)
    g_debug ("The key's rights could not be read: %s", error->message);
  self->credential = credential;
  self->credential_settled = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->show_all_switch), credential != NULL);
  refill_routes (self);
  check_loaded (self);
}

/* Public ------------------------------------------------------------------------------- */

GtkWidget *
domaine_api_console_new (DomaineSession *session)
{
  g_return_val_if_fail (DOMAINE_IS_SESSION (session), NULL);

  return g_object_new (DOMAINE_TYPE_API_CONSOLE, "session", session, NULL);
}

DomaineSession *
domaine_api_console_get_session (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);
  return self->session;
}

gboolean
domaine_api_console_get_loaded (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), FALSE);
  return self->loaded;
}

gboolean
domaine_api_console_get_busy (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), FALSE);
  return self->busy;
}

GListModel *
domaine_api_console_get_routes (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

gboolean
domaine_api_console_get_knows_rules (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), FALSE);
  return self->credential != NULL;
}

void
domaine_api_console_select_product (DomaineApiConsole *self, const char *product)
{
  g_return_if_fail (DOMAINE_IS_API_CONSOLE (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->product_names)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->product_names, i), product))
      gtk_drop_down_set_selected (self->product_dropdown, i);
}

void
domaine_api_console_set_search (DomaineApiConsole *self, const char *text)
{
  g_return_if_fail (DOMAINE_IS_API_CONSOLE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

gboolean
domaine_api_console_select_route (DomaineApiConsole *self, const char *method, const char *path)
{
  GListModel *routes = G_LIST_MODEL (self->selection);

  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr (OvhApiRoute) route = g_list_model_get_item (routes, i);

      if (g_str_equal (ovh_api_route_get_method (route), method)
          && g_str_equal (ovh_api_route_get_path (route), path))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
domaine_api_console_set_parameter (DomaineApiConsole *self, const char *name, const char *value)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), FALSE);

  for (guint i = 0; i < self->param_rows->len; i++)
    {
      DomaineApiParamRow *row = g_ptr_array_index (self->param_rows, i);

      if (g_str_equal (domaine_api_param_row_get_parameter (row)->name, name))
        {
          domaine_api_param_row_set_text (row, value);
          return TRUE;
        }
    }
  return FALSE;
}

void
domaine_api_console_set_body (DomaineApiConsole *self, const char *json)
{
  g_return_if_fail (DOMAINE_IS_API_CONSOLE (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), json, -1);
}

const OvhRawAnswer *
domaine_api_console_get_answer (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);
  return self->answer;
}

const char *
domaine_api_console_get_error (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);
  return self->error;
}

AdwMessageDialog *
domaine_api_console_get_confirmation (DomaineApiConsole *self)
{
  g_return_val_if_fail (DOMAINE_IS_API_CONSOLE (self), NULL);
  return self->confirmation;
}

/* GObject ------------------------------------------------------------------------------- */

static void
setup_route_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  gtk_list_item_set_child (list_item, domaine_api_route_row_new ());
}

static void
bind_route_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  DomaineApiConsole *self = user_data;
  OvhApiRoute *route = gtk_list_item_get_item (list_item);

  domaine_api_route_row_set_route (DOMAINE_API_ROUTE_ROW (gtk_list_item_get_child (list_item)),
                                   route, route_is_allowed (self, route));
}

static void
domaine_api_console_constructed (GObject *object)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (object);

  G_OBJECT_CLASS (domaine_api_console_parent_class)->constructed (object);

  self->client = g_object_ref (domaine_session_get_client (self->session));
  gtk_spinner_set_spinning (self->list_spinner, TRUE);
  ovh_api_products_fetch_async (self->client, self->cancellable, products_fetched_cb,
                                g_object_ref (self));
  ovh_credential_fetch_current_async (self->client, self->cancellable, credential_fetched_cb,
                                      g_object_ref (self));
}

static void
domaine_api_console_dispose (GObject *object)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->selection != NULL)
    gtk_list_view_set_model (self->routes_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_API_CONSOLE);
  G_OBJECT_CLASS (domaine_api_console_parent_class)->dispose (object);
}

static void
domaine_api_console_finalize (GObject *object)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->client);
  g_clear_pointer (&self->products, g_ptr_array_unref);
  g_clear_pointer (&self->schemas, g_hash_table_unref);
  g_clear_object (&self->credential);
  g_free (self->product);
  g_clear_object (&self->routes);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_free (self->search);
  g_clear_object (&self->route);
  g_clear_pointer (&self->param_rows, g_ptr_array_unref);
  g_clear_pointer (&self->answer, ovh_raw_answer_free);
  g_free (self->error);
  G_OBJECT_CLASS (domaine_api_console_parent_class)->finalize (object);
}

static void
domaine_api_console_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SHOW_ALL:
      g_value_set_boolean (value, gtk_switch_get_active (self->show_all_switch));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_api_console_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DomaineApiConsole *self = DOMAINE_API_CONSOLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SHOW_ALL:
      gtk_switch_set_active (self->show_all_switch, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_api_console_class_init (DomaineApiConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = domaine_api_console_constructed;
  object_class->dispose = domaine_api_console_dispose;
  object_class->finalize = domaine_api_console_finalize;
  object_class->get_property = domaine_api_console_get_property;
  object_class->set_property = domaine_api_console_set_property;

  properties[PROP_SESSION]
      = g_param_spec_object ("session", NULL, NULL, DOMAINE_TYPE_SESSION,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, read_only);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_SHOW_ALL]
      = g_param_spec_boolean ("show-all", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DOMAINE_TYPE_JSON_TREE);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/domaine/Domaine/console/domaine-api-console.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, DomaineApiConsole, name)
  BIND (toast_overlay);
  BIND (leaflet);
  BIND (routes_pane);
  BIND (call_pane);
  BIND (routes_title);
  BIND (product_dropdown);
  BIND (product_names);
  BIND (search_entry);
  BIND (show_all_switch);
  BIND (list_stack);
  BIND (list_spinner);
  BIND (routes_view);
  BIND (list_status);
  BIND (call_title);
  BIND (call_stack);
  BIND (paned);
  BIND (description_label);
  BIND (deprecated_label);
  BIND (no_parameters_label);
  BIND (params_group);
  BIND (body_group);
  BIND (body_view);
  BIND (body_error_label);
  BIND (call_spinner);
  BIND (status_label);
  BIND (time_label);
  BIND (query_id_label);
  BIND (error_label);
  BIND (answer_tree);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, route_activated_cb);

  gtk_widget_class_install_action (widget_class, "console.execute", NULL, execute_action);
  gtk_widget_class_install_action (widget_class, "console.copy-curl", NULL, copy_curl_action);
  gtk_widget_class_install_action (widget_class, "console.copy-python", NULL, copy_python_action);
  gtk_widget_class_install_action (widget_class, "console.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "console.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "console.search",
                                       NULL);
}

static void
domaine_api_console_init (DomaineApiConsole *self)
{
  GtkListItemFactory *factory;
  GtkFilterListModel *filtered;
  GtkEventController *shortcuts;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();
  self->schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->param_rows = g_ptr_array_new ();
  self->routes = g_list_store_new (OVH_TYPE_API_ROUTE);
  self->filter = gtk_custom_filter_new (filter_route, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->routes)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_list_page), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_route_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_route_row), self);
  gtk_list_view_set_factory (self->routes_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->routes_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->product_dropdown, "notify::selected",
                            G_CALLBACK (product_selected_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (body_changed_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->call_spinner), FALSE);

  /* Ctrl+Enter executes from anywhere, the body's text view included: before it takes the
   * key as a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                        gtk_named_action_new ("console.execute")));
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK),
                        gtk_named_action_new ("console.execute")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (routes_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->routes_view), GTK_EVENT_CONTROLLER (click));
  update_actions (self);
}
