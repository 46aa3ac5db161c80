/* domaine-endpoint-page.c: the assistant's first page, where the account lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One radio row per OVH endpoint (and the local sandbox when the app runs one), then
 * "Custom…" with an entry for another API base URL, checked as the user types.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ovh-endpoint.h"

#include "domaine-endpoint-page.h"

struct _DomaineEndpointPage
{
  AdwPreferencesPage parent_instance;

  GPtrArray *checks; /* GtkCheckButton*, "endpoint" data = id or URL */

  AdwPreferencesGroup *endpoint_group;
  GtkCheckButton *custom_check;
  AdwEntryRow *custom_entry;
  GtkLabel *custom_error;
  char *custom_url; /* the entry's normalized URL while valid, else NULL */
};

G_DEFINE_FINAL_TYPE (DomaineEndpointPage, domaine_endpoint_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_ENDPOINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_host (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static void
check_toggled_cb (GtkCheckButton *check, DomaineEndpointPage *self)
{
  /* The group toggles two buttons per choice: say it once, for the new one. */
  if (gtk_check_button_get_active (check))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT]);
}

static void
add_row (DomaineEndpointPage *self, const char *endpoint, const char *title, const char *base_url)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *host = dup_host (base_url);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), host);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (self->checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->checks, 0));
  g_object_set_data_full (G_OBJECT (check), "endpoint", g_strdup (endpoint), g_free);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->endpoint_group, row);
  g_ptr_array_add (self->checks, check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
}

static void
custom_changed_cb (DomaineEndpointPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->custom_entry));
  g_autoptr (GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean blank = stripped[0] == '\0';

  g_clear_pointer (&self->custom_url, g_free);
  self->custom_url = ovh_endpoint_check_custom_url (text, &error);

  /* An empty entry is not wrong yet: Next simply waits for an address. */
  if (error != NULL && !blank)
    {
      gtk_label_set_text (self->custom_error, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->custom_entry), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->custom_entry), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->custom_entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error),
                          error != NULL && !blank
                              && gtk_check_button_get_active (self->custom_check));

  if (gtk_check_button_get_active (self->custom_check))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDPOINT]);
}

static void
custom_toggled_cb (DomaineEndpointPage *self)
{
  if (gtk_check_button_get_active (self->custom_check))
    gtk_widget_grab_focus (GTK_WIDGET (self->custom_entry));
  custom_changed_cb (self);
  /* Leaving "Custom…": the radio group notifies through the newly chosen row. */
}

const char *
domaine_endpoint_page_get_endpoint (DomaineEndpointPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ENDPOINT_PAGE (self), NULL);

  if (gtk_check_button_get_active (self->custom_check))
    return self->custom_url;

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        return g_object_get_data (G_OBJECT (check), "endpoint");
    }
  return NULL;
}

/* An API address Domaine can call: http or https, with a host. */
static gboolean
is_api_url (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

static GtkCheckButton *
find_check (DomaineEndpointPage *self, const OvhEndpoint *known, const char *url)
{
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "endpoint");

      if ((known != NULL && g_str_equal (id, known->id)) || g_strcmp0 (id, url) == 0)
        return check;
    }
  return NULL;
}

gboolean
domaine_endpoint_page_select (DomaineEndpointPage *self, const char *endpoint)
{
  const OvhEndpoint *known;
  g_autofree char *url = NULL;
  GtkCheckButton *check;

  g_return_val_if_fail (DOMAINE_IS_ENDPOINT_PAGE (self), FALSE);

  if (endpoint == NULL)
    return FALSE;
  known = ovh_endpoint_lookup (endpoint);
  url = ovh_endpoint_normalize_url (endpoint);
  check = find_check (self, known, url);
  /* Another API address (a proxy, a tunnel, a test server): offered as it is, never replaced
   * by one of OVHcloud's, where the keys would go otherwise. */
  if (check == NULL && known == NULL && is_api_url (url))
    {
      add_row (self, url, _ ("Other API Address"), url);
      check = g_ptr_array_index (self->checks, self->checks->len - 1);
    }
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, TRUE);
  return TRUE;
}

void
domaine_endpoint_page_add_sandbox (DomaineEndpointPage *self, const char *base_url)
{
  g_return_if_fail (DOMAINE_IS_ENDPOINT_PAGE (self));
  g_return_if_fail (base_url != NULL);

  add_row (self, base_url, _ ("Sandbox on this computer"), base_url);
  g_object_set_data (G_OBJECT (g_ptr_array_index (self->checks, self->checks->len - 1)), "sandbox",
                     GINT_TO_POINTER (TRUE));
}

gboolean
domaine_endpoint_page_is_sandbox (DomaineEndpointPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_ENDPOINT_PAGE (self), FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->checks, i);

      if (gtk_check_button_get_active (check))
        return g_object_get_data (G_OBJECT (check), "sandbox") != NULL;
    }
  return FALSE;
}

static void
domaine_endpoint_page_finalize (GObject *object)
{
  DomaineEndpointPage *self = DOMAINE_ENDPOINT_PAGE (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->custom_url, g_free);

  G_OBJECT_CLASS (domaine_endpoint_page_parent_class)->finalize (object);
}

static void
domaine_endpoint_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOMAINE_TYPE_ENDPOINT_PAGE);

  G_OBJECT_CLASS (domaine_endpoint_page_parent_class)->dispose (object);
}

static void
domaine_endpoint_page_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  DomaineEndpointPage *self = DOMAINE_ENDPOINT_PAGE (object);

  switch (prop_id)
    {
    case PROP_ENDPOINT:
      g_value_set_string (value, domaine_endpoint_page_get_endpoint (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
domaine_endpoint_page_class_init (DomaineEndpointPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_endpoint_page_dispose;
  object_class->finalize = domaine_endpoint_page_finalize;
  object_class->get_property = domaine_endpoint_page_get_property;

  properties[PROP_ENDPOINT]
      = g_param_spec_string ("endpoint", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/account/domaine-endpoint-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineEndpointPage, endpoint_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineEndpointPage, custom_check);
  gtk_widget_class_bind_template_child (widget_class, DomaineEndpointPage, custom_entry);
  gtk_widget_class_bind_template_child (widget_class, DomaineEndpointPage, custom_error);
  gtk_widget_class_bind_template_callback (widget_class, custom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, custom_toggled_cb);
}

static void
domaine_endpoint_page_init (DomaineEndpointPage *self)
{
  const OvhEndpoint *endpoints;
  guint n_endpoints;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();

  endpoints = ovh_endpoint_get_all (&n_endpoints);
  for (guint i = 0; i < n_endpoints; i++)
    add_row (self, endpoints[i].id, ovh_endpoint_get_display_name (&endpoints[i]),
             endpoints[i].base_url);
  gtk_check_button_set_group (self->custom_check, g_ptr_array_index (self->checks, 0));
  gtk_check_button_set_active (g_ptr_array_index (self->checks, 0), TRUE);
}

/* Chooses "Custom…" with @url in its entry (for tests and imports alike). */
void
domaine_endpoint_page_set_custom_url (DomaineEndpointPage *self, const char *url)
{
  g_return_if_fail (DOMAINE_IS_ENDPOINT_PAGE (self));

  gtk_check_button_set_active (self->custom_check, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_entry), url != NULL ? url : "");
}
