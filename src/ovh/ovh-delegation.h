/* ovh-delegation.h: the name servers a registered domain is delegated to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /domain/{domain} says whether OVHcloud's own name servers serve the domain
 * (nameServerType "hosted") or others ("external"); /domain/{domain}/nameServer lists them.
 * POST …/nameServers/update sets another list, PUT /domain/{domain} with nameServerType
 * "hosted" goes back to OVHcloud's. Either way the registry is told by a domain task
 * (/domain/{domain}/task/{id}, function "DomainDnsUpdate"), which
 * ovh_delegation_follow_task_async() follows to its end.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-client.h"

G_BEGIN_DECLS

/* One name server of the domain (domain.nameServer.FullNameServer). ip is the glue address,
 * NULL when there is none. */
typedef struct
{
  gint64 id;
  char *host;
  char *ip;
  gboolean is_used;
  gboolean to_delete;
} OvhNameServer;

#define OVH_TYPE_NAME_SERVER (ovh_name_server_get_type ())
GType ovh_name_server_get_type (void) G_GNUC_CONST;
OvhNameServer *ovh_name_server_new (const char *host, const char *ip);
OvhNameServer *ovh_name_server_copy (const OvhNameServer *name_server);
void ovh_name_server_free (OvhNameServer *name_server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhNameServer, ovh_name_server_free)

/* From GET …/nameServer/{id}; OVH_ERROR_INVALID_RESPONSE when it is not one. */
OvhNameServer *ovh_name_server_new_from_json (JsonObject *object, GError **error);
/* "ns1.example.net" or "ns1.example.net=192.0.2.1" (a glue address), as typed on a command
 * line; OVH_ERROR_BAD_PARAMETERS with a translated message for what is not one. */
OvhNameServer *ovh_name_server_parse (const char *text, GError **error);
/* Checks a list to send for domain before anything is sent: at least two, valid host names,
 * valid addresses, no host twice, an address for a host inside the domain (which cannot be
 * found otherwise) and none for the others. OVH_ERROR_BAD_PARAMETERS, translated. */
gboolean ovh_name_servers_validate (GPtrArray *name_servers, const char *domain, GError **error);

typedef enum
{
  OVH_DOMAIN_TASK_TODO,
  OVH_DOMAIN_TASK_DOING,
  OVH_DOMAIN_TASK_DONE,
  OVH_DOMAIN_TASK_ERROR,
  OVH_DOMAIN_TASK_PROBLEM,
  OVH_DOMAIN_TASK_CANCELLED,
} OvhDomainTaskStatus;

#define OVH_TYPE_DOMAIN_TASK_STATUS (ovh_domain_task_status_get_type ())
GType ovh_domain_task_status_get_type (void);
/* domain.OperationStatusEnum; FALSE for anything else. */
gboolean ovh_domain_task_status_from_string (const char *text, OvhDomainTaskStatus *status);
const char *ovh_domain_task_status_to_string (OvhDomainTaskStatus status);
gboolean ovh_domain_task_status_is_pending (OvhDomainTaskStatus status);

/* A domain's delegation: its type and its name servers. */
#define OVH_TYPE_DELEGATION (ovh_delegation_get_type ())
G_DECLARE_FINAL_TYPE (OvhDelegation, ovh_delegation, OVH, DELEGATION, GObject)

const char *ovh_delegation_get_domain (OvhDelegation *self);
/* domain.nameServer.NameServerTypeEnum: "hosted", "external", … */
const char *ovh_delegation_get_name_server_type (OvhDelegation *self);
gboolean ovh_delegation_is_hosted (OvhDelegation *self);
/* OvhNameServer*, by host. */
GPtrArray *ovh_delegation_get_name_servers (OvhDelegation *self);
/* A new delegation from a domain's JSON (GET /domain/{domain}) and its name servers' JSON
 * objects; for the fetch and for fuzzing. */
OvhDelegation *ovh_delegation_new_from_json (const char *domain,
                                             JsonObject *domain_object,
                                             JsonArray *name_server_objects,
                                             GError **error);

/* GET /domain/{domain}, GET …/nameServer, then each name server. */
void ovh_delegation_fetch_async (OvhClient *client,
                                 const char *domain,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
OvhDelegation *
ovh_delegation_fetch_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* POST …/nameServers/update with name_servers (OvhNameServer*; host and ip are sent): the
 * domain then uses these. Answers the task's id. Not retried. */
void ovh_delegation_set_external_async (OvhClient *client,
                                        const char *domain,
                                        GPtrArray *name_servers,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gint64 ovh_delegation_set_external_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* PUT /domain/{domain} {"nameServerType":"hosted"}, then the newest DomainDnsUpdate task
 * (GET …/task?function=DomainDnsUpdate): its id, or 0 when OVH made none. */
void ovh_delegation_set_hosted_async (OvhClient *client,
                                      const char *domain,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gint64 ovh_delegation_set_hosted_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* GET /domain/{domain}/task/{id}, at once and then after first_interval_ms, doubling up to
 * 30 s between asks, until the task is no longer todo or doing, or timeout_ms passed. TRUE
 * when it is done; OVH_ERROR_FAILED with a translated message (and OVH's comment) when it
 * ended in error, problem or cancelled, or is still pending at the time limit. */
void ovh_delegation_follow_task_async (OvhClient *client,
                                       const char *domain,
                                       gint64 task_id,
                                       guint first_interval_ms,
                                       guint timeout_ms,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
gboolean
ovh_delegation_follow_task_finish (OvhClient *client, GAsyncResult *result, GError **error);

G_END_DECLS
