/* ovh-dynhost.h: a zone's DynHost records and logins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DynHost records are A records a router or a script updates with a login's password. The
 * record API (/domain/zone/{zone}/record) does not list them: they have routes of their own
 * under /domain/zone/{zone}/dynHost. Record changes are published with a refresh of the zone,
 * made by the same call. Passwords go to OVHcloud and nowhere else.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-client.h"

G_BEGIN_DECLS

/* What OVHcloud's Control Panel accepts for a DynHost login's password. */
#define OVH_DYNHOST_PASSWORD_MIN 8
#define OVH_DYNHOST_PASSWORD_MAX 31

#define OVH_TYPE_DYNHOST_RECORD (ovh_dynhost_record_get_type ())
G_DECLARE_FINAL_TYPE (OvhDynHostRecord, ovh_dynhost_record, OVH, DYNHOST_RECORD, GObject)

OvhDynHostRecord *ovh_dynhost_record_new (gint64 id, const char *subdomain, const char *ip);
gint64 ovh_dynhost_record_get_id (OvhDynHostRecord *self);
const char *ovh_dynhost_record_get_subdomain (OvhDynHostRecord *self); /* "" = apex */
const char *ovh_dynhost_record_get_ip (OvhDynHostRecord *self);

#define OVH_TYPE_DYNHOST_LOGIN (ovh_dynhost_login_get_type ())
G_DECLARE_FINAL_TYPE (OvhDynHostLogin, ovh_dynhost_login, OVH, DYNHOST_LOGIN, GObject)

OvhDynHostLogin *ovh_dynhost_login_new (const char *login, const char *subdomain, const char *zone);
const char *ovh_dynhost_login_get_login (OvhDynHostLogin *self);
const char *ovh_dynhost_login_get_subdomain (OvhDynHostLogin *self); /* "*" = any */
const char *ovh_dynhost_login_get_zone (OvhDynHostLogin *self);

/* What the user typed, checked before anything is sent (errors in OVH_ERROR, code
 * OVH_ERROR_BAD_PARAMETERS, with a message fit for the user). */
gboolean ovh_dynhost_check_ip (const char *ip, GError **error);
/* "" (the apex) is allowed for a record; "*" (any subdomain) only when allow_any. */
gboolean ovh_dynhost_check_subdomain (const char *subdomain, gboolean allow_any, GError **error);
gboolean ovh_dynhost_check_login_suffix (const char *suffix, GError **error);
gboolean ovh_dynhost_check_password (const char *password, GError **error);
/* A random password within the bounds above, from letters and digits. */
char *ovh_dynhost_generate_password (void);
/* The login OVHcloud makes of a suffix: "{zone}-{suffix}". */
char *ovh_dynhost_login_name (const char *zone, const char *suffix);

/* Records, with their details: GPtrArray of OvhDynHostRecord, sorted by subdomain. */
void ovh_dynhost_list_records_async (OvhClient *client,
                                     const char *zone,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
GPtrArray *
ovh_dynhost_list_records_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* Logins, with their details: GPtrArray of OvhDynHostLogin, sorted by login. */
void ovh_dynhost_list_logins_async (OvhClient *client,
                                    const char *zone,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
GPtrArray *ovh_dynhost_list_logins_finish (OvhClient *client, GAsyncResult *result, GError **error);

void ovh_dynhost_create_record_async (OvhClient *client,
                                      const char *zone,
                                      const char *subdomain,
                                      const char *ip,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
OvhDynHostRecord *
ovh_dynhost_create_record_finish (OvhClient *client, GAsyncResult *result, GError **error);

void ovh_dynhost_update_record_async (OvhClient *client,
                                      const char *zone,
                                      gint64 id,
                                      const char *subdomain,
                                      const char *ip,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
void ovh_dynhost_delete_record_async (OvhClient *client,
                                      const char *zone,
                                      gint64 id,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);

void ovh_dynhost_create_login_async (OvhClient *client,
                                     const char *zone,
                                     const char *suffix,
                                     const char *subdomain,
                                     const char *password,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
OvhDynHostLogin *
ovh_dynhost_create_login_finish (OvhClient *client, GAsyncResult *result, GError **error);

void ovh_dynhost_update_login_async (OvhClient *client,
                                     const char *zone,
                                     const char *login,
                                     const char *subdomain,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
void ovh_dynhost_change_password_async (OvhClient *client,
                                        const char *zone,
                                        const char *login,
                                        const char *password,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
void ovh_dynhost_delete_login_async (OvhClient *client,
                                     const char *zone,
                                     const char *login,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);

/* Finishes update_record, delete_record, update_login, change_password and delete_login. */
gboolean ovh_dynhost_change_finish (OvhClient *client, GAsyncResult *result, GError **error);

G_END_DECLS
