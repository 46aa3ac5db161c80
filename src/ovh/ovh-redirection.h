/* ovh-redirection.h: a zone's web redirections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVHcloud serves a web redirection for a name of the zone: visible (HTTP 302), visible
 * permanent (HTTP 301) or invisible (the target shown in a frame, with the page's title,
 * keywords and description). They live under /domain/zone/{zone}/redirection, apart from the
 * records, and like records they are served only once the zone is refreshed: the changes
 * here do not refresh, ovh_redirection_publish_async() does, once for many changes.
 * PUT does not take subDomain: moving a redirection to another name is a delete and a create.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-client.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_REDIRECTION_VISIBLE,           /* "visible": HTTP 302 */
  OVH_REDIRECTION_VISIBLE_PERMANENT, /* "visiblePermanent": HTTP 301 */
  OVH_REDIRECTION_INVISIBLE,         /* "invisible": a frame */
} OvhRedirectionType;

#define OVH_TYPE_REDIRECTION_TYPE (ovh_redirection_type_get_type ())
GType ovh_redirection_type_get_type (void) G_GNUC_CONST;
/* OVH's names ("visible", "visiblePermanent", "invisible"). */
const char *ovh_redirection_type_to_string (OvhRedirectionType type);
gboolean ovh_redirection_type_from_string (const char *text, OvhRedirectionType *type);
/* Translated, for people: "Temporary (302)", "Permanent (301)", "Invisible (frame)". */
const char *ovh_redirection_type_get_label (OvhRedirectionType type);

#define OVH_TYPE_REDIRECTION (ovh_redirection_get_type ())
G_DECLARE_FINAL_TYPE (OvhRedirection, ovh_redirection, OVH, REDIRECTION, GObject)

/* id 0 for one not created yet; title, keywords and description may be NULL. */
OvhRedirection *ovh_redirection_new (gint64 id,
                                     const char *subdomain,
                                     OvhRedirectionType type,
                                     const char *target,
                                     const char *title,
                                     const char *keywords,
                                     const char *description);
/* A domain.zone.Redirection as OVHcloud sends it; OVH_ERROR_INVALID_RESPONSE otherwise. */
OvhRedirection *ovh_redirection_new_from_json (JsonNode *node, GError **error);
gint64 ovh_redirection_get_id (OvhRedirection *self);
const char *ovh_redirection_get_subdomain (OvhRedirection *self); /* "" = apex */
OvhRedirectionType ovh_redirection_get_redirection_type (OvhRedirection *self);
const char *ovh_redirection_get_target (OvhRedirection *self);
const char *ovh_redirection_get_title (OvhRedirection *self); /* NULL when none */
const char *ovh_redirection_get_keywords (OvhRedirection *self);
const char *ovh_redirection_get_description (OvhRedirection *self);
/* The same redirection with another id (what a create answered). */
OvhRedirection *ovh_redirection_copy_with_id (OvhRedirection *self, gint64 id);
/* Whether a and b redirect the same name the same way (ids aside). */
gboolean ovh_redirection_equal_content (OvhRedirection *a, OvhRedirection *b);
/* "http://sub.zone/": what a visitor types. */
char *ovh_redirection_dup_source (OvhRedirection *self, const char *zone);

/* What the user typed, checked before anything is sent (OVH_ERROR_BAD_PARAMETERS, with a
 * message fit for the user). "" (the apex) is a valid subdomain. */
gboolean ovh_redirection_check_subdomain (const char *subdomain, GError **error);
/* An http:// or https:// address with a host name. */
gboolean ovh_redirection_check_target (const char *target, GError **error);
gboolean ovh_redirection_check (OvhRedirection *redirection, GError **error);

/* Every redirection with its details (ids, then the details in batches of 50 with
 * X-Ovh-Batch, one by one when the server does not take batches): GPtrArray of
 * OvhRedirection, sorted by subdomain. */
void ovh_redirection_list_async (OvhClient *client,
                                 const char *zone,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
GPtrArray *ovh_redirection_list_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* POST: the redirection OVHcloud made (with its id). Not published. */
void ovh_redirection_create_async (OvhClient *client,
                                   const char *zone,
                                   OvhRedirection *redirection,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
OvhRedirection *
ovh_redirection_create_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* PUT of the type, target, title, keywords and description of redirection (by its id); its
 * subdomain is not sent (OVHcloud refuses it). Not published. */
void ovh_redirection_update_async (OvhClient *client,
                                   const char *zone,
                                   OvhRedirection *redirection,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
void ovh_redirection_delete_async (OvhClient *client,
                                   const char *zone,
                                   gint64 id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
/* POST /domain/zone/{zone}/refresh: what makes the changes served. */
void ovh_redirection_publish_async (OvhClient *client,
                                    const char *zone,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
/* Finishes update, delete and publish. */
gboolean ovh_redirection_change_finish (OvhClient *client, GAsyncResult *result, GError **error);

G_END_DECLS
