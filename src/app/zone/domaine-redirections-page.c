/* domaine-redirections-page.c: a zone's web redirections, staged and published
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like records, redirections are served only once the zone is refreshed; here they are staged
 * the same way: Add, Edit and Delete change nothing at OVHcloud until Publish, which sends the
 * deletes, then the updates, then the creates, and ends with one refresh (also when some
 * failed, since the others are made). A failed change stays staged with what was typed. The
 * zone editor's changeset holds records only, so the page has its own publish bar.
 *
 * Whether the key may change redirections comes from its rules (GET /auth/currentCredential)
 * and, failing that, from a 403 "not granted": either way the page turns read-only and says
 * so, with the staged changes kept.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-redirection-columns.h"
#include "domaine-redirection-editor.h"
#include "domaine-redirection-item.h"
#include "domaine-redirections-page.h"
#include "ovh-credential.h"
#include "ovh-error.h"
#include "ovh-redirection.h"

typedef struct
{
  OvhRedirection *before; /* at OVHcloud; NULL for a new one */
  OvhRedirection *after;  /* wanted; NULL to delete */
  gboolean done;          /* published: dropped once the publish ends */
} Staged;

struct _DomaineRedirectionsPage
{
  GtkWidget parent_instance;

  OvhZone *zone;
  GCancellable *cancellable;
  guint n_busy;
  gboolean read_only;
  GPtrArray *published; /* OvhRedirection*, as last listed */
  GPtrArray *staged;    /* Staged* */
  GListStore *items;    /* DomaineRedirectionItem* */

  /* Publishing */
  GPtrArray *queue; /* Staged*, borrowed, in the order they are sent */
  guint next;
  gboolean applied; /* something changed at OVHcloud: the refresh is owed */
  GError *publish_error;

  GtkWidget *content;
  GtkButton *add_button;
  GtkRevealer *read_only_revealer;
  GtkLabel *read_only_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  AdwStatusPage *error_page;
  gboolean narrow;
  guint narrow_idle;
  GtkActionBar *publish_bar;
  GtkLabel *pending_label;
  GtkLabel *publish_error_label;
};

G_DEFINE_FINAL_TYPE (DomaineRedirectionsPage, domaine_redirections_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ZONE,
  PROP_BUSY,
  PROP_N_PENDING,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (DomaineRedirectionsPage *self);

static void
staged_free (Staged *staged)
{
  g_clear_object (&staged->before);
  g_clear_object (&staged->after);
  g_free (staged);
}

static const char *
zone_name (DomaineRedirectionsPage *self)
{
  return ovh_zone_get_name (self->zone);
}

static OvhClient *
client (DomaineRedirectionsPage *self)
{
  return ovh_zone_get_client (self->zone);
}

/* What the page shows ------------------------------------------------------------------------- */

static Staged *
find_staged (DomaineRedirectionsPage *self, gint64 published_id)
{
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (staged->before != NULL && ovh_redirection_get_id (staged->before) == published_id)
        return staged;
    }
  return NULL;
}

static void
update_actions (DomaineRedirectionsPage *self)
{
  gboolean idle = self->n_busy == 0 && self->zone != NULL;
  gboolean editable = idle && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.add", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.edit", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.delete", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.revert", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.revert-all",
                                 idle && self->staged->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.publish",
                                 editable && self->staged->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "redirections.reload", idle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               self->read_only ? _ ("This account’s key may not add redirections")
                                               : _ ("Add Redirection"));
}

static void
update_bar (DomaineRedirectionsPage *self)
{
  g_autofree char *text = NULL;
  guint n = self->staged->len;

  text = g_strdup_printf (ngettext ("%u unpublished change", "%u unpublished changes", n), n);
  gtk_label_set_text (self->pending_label, text);
  gtk_action_bar_set_revealed (self->publish_bar, n > 0 || self->publish_error != NULL);
  gtk_label_set_text (self->publish_error_label,
                      self->publish_error != NULL ? self->publish_error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->publish_error_label), self->publish_error != NULL);
}

/* The items again, from the published redirections and the staged changes. */
static void
rebuild (DomaineRedirectionsPage *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; self->published != NULL && i < self->published->len; i++)
    {
      OvhRedirection *published = g_ptr_array_index (self->published, i);
      Staged *staged = find_staged (self, ovh_redirection_get_id (published));

      if (staged == NULL)
        g_ptr_array_add (items, domaine_redirection_item_new (published, published,
                                                              DOMAINE_REDIRECTION_PUBLISHED));
      else if (staged->after == NULL)
        g_ptr_array_add (items, domaine_redirection_item_new (published, published,
                                                              DOMAINE_REDIRECTION_DELETED));
      else
        g_ptr_array_add (items, domaine_redirection_item_new (staged->after, published,
                                                              DOMAINE_REDIRECTION_CHANGED));
    }
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (staged->before == NULL && staged->after != NULL)
        g_ptr_array_add (
            items, domaine_redirection_item_new (staged->after, NULL, DOMAINE_REDIRECTION_ADDED));
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);

  if (self->published != NULL)
    gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  update_bar (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

static void
busy_changed (DomaineRedirectionsPage *self, int delta)
{
  gboolean was_busy = self->n_busy > 0;

  self->n_busy += delta;
  gtk_spinner_set_spinning (self->spinner, self->n_busy > 0);
  update_actions (self);
  if (was_busy != (self->n_busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_read_only (DomaineRedirectionsPage *self, gboolean read_only)
{
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  gtk_label_set_text (self->read_only_label,
                      _ ("This account’s key may read redirections but not change them. Sign in "
                         "again with the DNS editor access to add, edit or delete them here."));
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* FALSE when the page went away or moved to another zone meanwhile. */
static gboolean
request_done (DomaineRedirectionsPage *self, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  busy_changed (self, -1);
  return TRUE;
}

/* Loading ------------------------------------------------------------------------------------- */

static gboolean
credential_may_change (DomaineRedirectionsPage *self, OvhCredential *credential)
{
  g_autofree char *base = g_strdup_printf ("/domain/zone/%s/redirection", zone_name (self));
  g_autofree char *one = g_strconcat (base, "/0", NULL);
  g_autofree char *refresh = g_strdup_printf ("/domain/zone/%s/refresh", zone_name (self));

  return ovh_credential_allows (credential, "POST", base)
         && ovh_credential_allows (credential, "PUT", one)
         && ovh_credential_allows (credential, "DELETE", one)
         && ovh_credential_allows (credential, "POST", refresh);
}

static void
credential_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineRedirectionsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = ovh_credential_fetch_current_finish (result, &error);

  if (!request_done (self, error))
    return;
  /* Without the rules (an OAuth2 client, an old server), a 403 tells on the first change. */
  if (credential != NULL)
    set_read_only (self, !credential_may_change (self, credential));
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineRedirectionsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) redirections
      = ovh_redirection_list_finish (OVH_CLIENT (source), result, &error);

  if (!request_done (self, error))
    return;
  if (redirections == NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (error);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->published, g_ptr_array_unref);
  self->published = g_steal_pointer (&redirections);
  /* Staged changes of redirections deleted elsewhere meanwhile: a delete is moot, an edit
   * becomes a new one. */
  for (guint i = self->staged->len; i > 0; i--)
    {
      Staged *staged = g_ptr_array_index (self->staged, i - 1);
      gboolean found = FALSE;

      for (guint j = 0; staged->before != NULL && j < self->published->len; j++)
        found |= ovh_redirection_get_id (g_ptr_array_index (self->published, j))
                 == ovh_redirection_get_id (staged->before);
      if (staged->before == NULL || found)
        continue;
      if (staged->after == NULL)
        g_ptr_array_remove_index (self->staged, i - 1);
      else
        g_clear_object (&staged->before);
    }
  rebuild (self);
}

static void
reload (DomaineRedirectionsPage *self)
{
  if (self->zone == NULL)
    return;
  if (self->published == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  busy_changed (self, +1);
  ovh_redirection_list_async (client (self), zone_name (self), self->cancellable, listed_cb,
                              g_object_ref (self));
}

/* Staging ------------------------------------------------------------------------------------- */

static DomaineRedirectionItem *
item_at (DomaineRedirectionsPage *self, GVariant *parameter)
{
  guint position = g_variant_get_uint32 (parameter);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->items)))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->items), position);
}

/* The subdomains the other redirections take (staged deletes free theirs). */
static GStrv
taken_subdomains (DomaineRedirectionsPage *self, DomaineRedirectionItem *except)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *items = G_LIST_MODEL (self->items);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (DomaineRedirectionItem) item = g_list_model_get_item (items, i);

      if (item != except
          && domaine_redirection_item_get_state (item) != DOMAINE_REDIRECTION_DELETED)
        g_strv_builder_add (
            builder, ovh_redirection_get_subdomain (domaine_redirection_item_get_shown (item)));
    }
  return g_strv_builder_end (builder);
}

static void
clear_publish_error (DomaineRedirectionsPage *self)
{
  g_clear_error (&self->publish_error);
}

static void
stage (DomaineRedirectionsPage *self, OvhRedirection *before, OvhRedirection *after)
{
  Staged *staged = before != NULL ? find_staged (self, ovh_redirection_get_id (before)) : NULL;

  if (staged == NULL)
    {
      staged = g_new0 (Staged, 1);
      staged->before = before != NULL ? g_object_ref (before) : NULL;
      g_ptr_array_add (self->staged, staged);
    }
  g_clear_object (&staged->after);
  staged->after = after != NULL ? g_object_ref (after) : NULL;
  /* Back to what OVHcloud has: nothing to publish. */
  if (before != NULL && after != NULL && ovh_redirection_equal_content (before, after))
    g_ptr_array_remove (self->staged, staged);
  clear_publish_error (self);
  rebuild (self);
}

static void
editor_saved_cb (DomaineRedirectionEditor *editor,
                 OvhRedirection *redirection,
                 DomaineRedirectionsPage *self)
{
  OvhRedirection *before = g_object_get_data (G_OBJECT (editor), "before");
  OvhRedirection *replaced = g_object_get_data (G_OBJECT (editor), "replaced");

  if (replaced != NULL)
    {
      /* A staged new one, edited again: still new. */
      for (guint i = 0; i < self->staged->len; i++)
        {
          Staged *staged = g_ptr_array_index (self->staged, i);

          if (staged->after == replaced)
            {
              g_set_object (&staged->after, redirection);
              break;
            }
        }
      clear_publish_error (self);
      rebuild (self);
      return;
    }
  stage (self, before, redirection);
}

static void
open_editor (DomaineRedirectionsPage *self, DomaineRedirectionItem *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_auto (GStrv) taken = taken_subdomains (self, item);
  DomaineRedirectionEditor *editor = domaine_redirection_editor_new (
      zone_name (self), item != NULL ? domaine_redirection_item_get_shown (item) : NULL,
      (const char *const *) taken);

  if (item != NULL && domaine_redirection_item_get_published (item) != NULL)
    g_object_set_data_full (G_OBJECT (editor), "before",
                            g_object_ref (domaine_redirection_item_get_published (item)),
                            g_object_unref);
  else if (item != NULL)
    g_object_set_data_full (G_OBJECT (editor), "replaced",
                            g_object_ref (domaine_redirection_item_get_shown (item)),
                            g_object_unref);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (DOMAINE_REDIRECTIONS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (widget);
  g_autoptr (DomaineRedirectionItem) item = item_at (self, parameter);

  if (item != NULL && domaine_redirection_item_get_state (item) != DOMAINE_REDIRECTION_DELETED)
    open_editor (self, item);
}

static void
remove_new (DomaineRedirectionsPage *self, OvhRedirection *after)
{
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      if (staged->before == NULL && staged->after == after)
        {
          g_ptr_array_remove_index (self->staged, i);
          break;
        }
    }
  clear_publish_error (self);
  rebuild (self);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (widget);
  g_autoptr (DomaineRedirectionItem) item = item_at (self, parameter);

  if (item == NULL)
    return;
  if (domaine_redirection_item_get_published (item) == NULL)
    remove_new (self, domaine_redirection_item_get_shown (item));
  else
    stage (self, domaine_redirection_item_get_published (item), NULL);
}

static void
revert_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (widget);
  g_autoptr (DomaineRedirectionItem) item = item_at (self, parameter);
  OvhRedirection *published;
  Staged *staged;

  if (item == NULL)
    return;
  published = domaine_redirection_item_get_published (item);
  if (published == NULL)
    {
      remove_new (self, domaine_redirection_item_get_shown (item));
      return;
    }
  staged = find_staged (self, ovh_redirection_get_id (published));
  if (staged != NULL)
    g_ptr_array_remove (self->staged, staged);
  clear_publish_error (self);
  rebuild (self);
}

static void
revert_all_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (widget);

  g_ptr_array_set_size (self->staged, 0);
  clear_publish_error (self);
  rebuild (self);
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  reload (DOMAINE_REDIRECTIONS_PAGE (widget));
}

/* Publishing ---------------------------------------------------------------------------------- */

static void publish_next (DomaineRedirectionsPage *self);

static void
publish_end (DomaineRedirectionsPage *self)
{
  for (guint i = self->staged->len; i > 0; i--)
    if (((Staged *) g_ptr_array_index (self->staged, i - 1))->done)
      g_ptr_array_remove_index (self->staged, i - 1);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  busy_changed (self, -1);
  rebuild (self);
  reload (self);
}

static void
note_failure (DomaineRedirectionsPage *self, GError *error)
{
  if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
    set_read_only (self, TRUE);
  if (self->publish_error == NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (error);

      self->publish_error = g_error_new (OVH_ERROR, error->code,
                                         _ ("Some changes could not be published: %s"), message);
    }
}

static void
refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineRedirectionsPage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ovh_redirection_change_finish (OVH_CLIENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = ovh_error_dup_display_message (error);

      g_clear_error (&self->publish_error);
      self->publish_error = g_error_new (
          OVH_ERROR, error->code,
          _ ("The changes were made but the zone could not be refreshed, so they are not "
             "served yet: %s"),
          message);
      if (g_error_matches (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED))
        set_read_only (self, TRUE);
    }
  publish_end (self);
}

static void
step_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DomaineRedirectionsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhRedirection) made = NULL;
  Staged *staged;

  if (g_async_result_is_tagged (result, ovh_redirection_create_async))
    made = ovh_redirection_create_finish (OVH_CLIENT (source), result, &error);
  else
    ovh_redirection_change_finish (OVH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  staged = g_ptr_array_index (self->queue, self->next);
  if (error != NULL)
    {
      note_failure (self, error);
      self->next++;
    }
  else if (staged->before != NULL && staged->after != NULL
           && g_async_result_is_tagged (result, ovh_redirection_delete_async))
    {
      /* Moved to another name: deleted, the create follows (a new one if it fails). */
      self->applied = TRUE;
      g_clear_object (&staged->before);
    }
  else
    {
      self->applied = TRUE;
      staged->done = TRUE;
      self->next++;
    }
  publish_next (self);
}

static void
publish_next (DomaineRedirectionsPage *self)
{
  Staged *staged;

  /* A key that may not change them: stop, keep the rest staged. */
  if (self->next >= self->queue->len || self->read_only)
    {
      if (!self->applied)
        {
          publish_end (self);
          return;
        }
      ovh_redirection_publish_async (client (self), zone_name (self), self->cancellable,
                                     refreshed_cb, g_object_ref (self));
      return;
    }
  staged = g_ptr_array_index (self->queue, self->next);
  if (staged->after == NULL
      || (staged->before != NULL
          && g_ascii_strcasecmp (ovh_redirection_get_subdomain (staged->before),
                                 ovh_redirection_get_subdomain (staged->after))
                 != 0))
    ovh_redirection_delete_async (client (self), zone_name (self),
                                  ovh_redirection_get_id (staged->before), self->cancellable,
                                  step_cb, g_object_ref (self));
  else if (staged->before != NULL)
    {
      g_autoptr (OvhRedirection) update
          = ovh_redirection_copy_with_id (staged->after, ovh_redirection_get_id (staged->before));

      ovh_redirection_update_async (client (self), zone_name (self), update, self->cancellable,
                                    step_cb, g_object_ref (self));
    }
  else
    ovh_redirection_create_async (client (self), zone_name (self), staged->after, self->cancellable,
                                  step_cb, g_object_ref (self));
}

/* Deletes first (they free names), then updates, then creates. */
static int
publish_rank (const Staged *staged)
{
  if (staged->after == NULL)
    return 0;
  return staged->before != NULL ? 1 : 2;
}

static int
compare_staged (gconstpointer a, gconstpointer b)
{
  return publish_rank (*(Staged **) a) - publish_rank (*(Staged **) b);
}

static void
publish_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (widget);

  if (self->staged->len == 0 || self->n_busy > 0 || self->read_only)
    return;
  clear_publish_error (self);
  self->queue = g_ptr_array_new ();
  for (guint i = 0; i < self->staged->len; i++)
    g_ptr_array_add (self->queue, g_ptr_array_index (self->staged, i));
  g_ptr_array_sort (self->queue, compare_staged); /* stable */
  self->next = 0;
  self->applied = FALSE;
  busy_changed (self, +1);
  publish_next (self);
}

/* The zone ------------------------------------------------------------------------------------ */

void
domaine_redirections_page_set_zone (DomaineRedirectionsPage *self, OvhZone *zone)
{
  g_return_if_fail (DOMAINE_IS_REDIRECTIONS_PAGE (self));
  g_return_if_fail (zone == NULL || OVH_IS_ZONE (zone));

  if (!g_set_object (&self->zone, zone))
    return;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  if (self->n_busy > 0)
    busy_changed (self, -(int) self->n_busy);
  g_clear_pointer (&self->published, g_ptr_array_unref);
  g_ptr_array_set_size (self->staged, 0);
  clear_publish_error (self);
  set_read_only (self, FALSE);
  domaine_redirection_columns_set_zone (self->column_view, zone != NULL ? zone_name (self) : NULL);
  rebuild (self);
  reload (self);
  if (zone != NULL)
    {
      busy_changed (self, +1);
      ovh_credential_fetch_current_async (client (self), self->cancellable, credential_cb,
                                          g_object_ref (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
}

OvhZone *
domaine_redirections_page_get_zone (DomaineRedirectionsPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTIONS_PAGE (self), NULL);
  return self->zone;
}

gboolean
domaine_redirections_page_get_busy (DomaineRedirectionsPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTIONS_PAGE (self), FALSE);
  return self->n_busy > 0;
}

gboolean
domaine_redirections_page_get_read_only (DomaineRedirectionsPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTIONS_PAGE (self), FALSE);
  return self->read_only;
}

guint
domaine_redirections_page_get_n_pending (DomaineRedirectionsPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTIONS_PAGE (self), 0);
  return self->staged->len;
}

GListModel *
domaine_redirections_page_get_items (DomaineRedirectionsPage *self)
{
  g_return_val_if_fail (DOMAINE_IS_REDIRECTIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

/* Narrow, the Address cells say it all: the other text columns hide. Applied after the
 * allocation, which must not change what it is allocating: hence a widget of its own
 * measure and allocation, not a bin (whose layout manager would hide the width). */
#define NARROW_WIDTH 640

static gboolean
apply_narrow (gpointer data)
{
  DomaineRedirectionsPage *self = data;

  self->narrow_idle = 0;
  domaine_redirection_columns_set_narrow (self->column_view, self->narrow);
  rebuild (self); /* the cells again, bound for this width */
  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
domaine_redirections_page_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (DOMAINE_REDIRECTIONS_PAGE (widget)->content);
}

static void
domaine_redirections_page_compute_expand (GtkWidget *widget, gboolean *hexpand, gboolean *vexpand)
{
  GtkWidget *content = DOMAINE_REDIRECTIONS_PAGE (widget)->content;

  *hexpand = gtk_widget_compute_expand (content, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = gtk_widget_compute_expand (content, GTK_ORIENTATION_VERTICAL);
}

static void
domaine_redirections_page_measure (GtkWidget *widget,
                                   GtkOrientation orientation,
                                   int for_size,
                                   int *minimum,
                                   int *natural,
                                   int *minimum_baseline,
                                   int *natural_baseline)
{
  gtk_widget_measure (DOMAINE_REDIRECTIONS_PAGE (widget)->content, orientation, for_size, minimum,
                      natural, minimum_baseline, natural_baseline);
}

static void
domaine_redirections_page_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (widget);
  gboolean narrow = width < NARROW_WIDTH;

  gtk_widget_allocate (self->content, width, height, baseline, NULL);
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add (apply_narrow, self);
    }
}

/* GObject ------------------------------------------------------------------------------------- */

static void
domaine_redirections_page_dispose (GObject *object)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->zone);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_REDIRECTIONS_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (domaine_redirections_page_parent_class)->dispose (object);
}

static void
domaine_redirections_page_finalize (GObject *object)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (object);

  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->published, g_ptr_array_unref);
  g_ptr_array_unref (self->staged);
  g_object_unref (self->items);
  g_clear_error (&self->publish_error);
  G_OBJECT_CLASS (domaine_redirections_page_parent_class)->finalize (object);
}

static void
domaine_redirections_page_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  DomaineRedirectionsPage *self = DOMAINE_REDIRECTIONS_PAGE (object);

  switch (id)
    {
    case PROP_ZONE:
      g_value_set_object (value, self->zone);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->staged->len);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
domaine_redirections_page_set_property (GObject *object,
                                        guint id,
                                        const GValue *value,
                                        GParamSpec *pspec)
{
  switch (id)
    {
    case PROP_ZONE:
      domaine_redirections_page_set_zone (DOMAINE_REDIRECTIONS_PAGE (object),
                                          g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
domaine_redirections_page_class_init (DomaineRedirectionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = domaine_redirections_page_dispose;
  object_class->finalize = domaine_redirections_page_finalize;
  object_class->get_property = domaine_redirections_page_get_property;
  object_class->set_property = domaine_redirections_page_set_property;
  widget_class->get_request_mode = domaine_redirections_page_get_request_mode;
  widget_class->compute_expand = domaine_redirections_page_compute_expand;
  widget_class->measure = domaine_redirections_page_measure;
  widget_class->size_allocate = domaine_redirections_page_size_allocate;

  properties[PROP_ZONE]
      = g_param_spec_object ("zone", NULL, NULL, OVH_TYPE_ZONE,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_N_PENDING]
      = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, read_only);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/zone/domaine-redirections-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, content);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, publish_bar);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, pending_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineRedirectionsPage, publish_error_label);

  gtk_widget_class_install_action (widget_class, "redirections.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "redirections.edit", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "redirections.delete", "u", delete_action);
  gtk_widget_class_install_action (widget_class, "redirections.revert", "u", revert_action);
  gtk_widget_class_install_action (widget_class, "redirections.revert-all", NULL,
                                   revert_all_action);
  gtk_widget_class_install_action (widget_class, "redirections.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "redirections.reload", NULL, reload_action);
}

static void
domaine_redirections_page_init (DomaineRedirectionsPage *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->staged = g_ptr_array_new_with_free_func ((GDestroyNotify) staged_free);
  self->items = g_list_store_new (DOMAINE_TYPE_REDIRECTION_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  domaine_redirection_columns_append (self->column_view);
  update_bar (self);
  update_actions (self);
}
