/* ovh-dnssec.h: a zone's DNSSEC signing, and the DS records of its domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GET /domain/zone/{zone}/dnssec gives the state; POST enables, DELETE disables. OVH then
 * works on its own: the state stays "enableInProgress" or "disableInProgress" for a while,
 * and ovh_dnssec_follow_async() asks again until it settles. The DS records the registry
 * holds for the domain come from /domain/{domain}/dsRecord.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-client.h"

G_BEGIN_DECLS

typedef enum
{
  OVH_DNSSEC_STATE_DISABLED,
  OVH_DNSSEC_STATE_ENABLED,
  OVH_DNSSEC_STATE_ENABLE_IN_PROGRESS,
  OVH_DNSSEC_STATE_DISABLE_IN_PROGRESS,
} OvhDnssecState;

#define OVH_TYPE_DNSSEC_STATE (ovh_dnssec_state_get_type ())
GType ovh_dnssec_state_get_type (void);

/* domain.DnssecStatusEnum: "enabled" → OVH_DNSSEC_STATE_ENABLED; FALSE for anything else. */
gboolean ovh_dnssec_state_from_string (const char *text, OvhDnssecState *state);
const char *ovh_dnssec_state_to_string (OvhDnssecState state);
gboolean ovh_dnssec_state_is_in_progress (OvhDnssecState state);

/* GET …/dnssec. OVH_ERROR_INVALID_RESPONSE for a status this code does not know. */
void ovh_dnssec_get_state_async (OvhClient *client,
                                 const char *zone,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean ovh_dnssec_get_state_finish (OvhClient *client,
                                      GAsyncResult *result,
                                      OvhDnssecState *state,
                                      GError **error);

/* POST (enabled) or DELETE …/dnssec: OVH starts the change and answers at once. */
void ovh_dnssec_set_enabled_async (OvhClient *client,
                                   const char *zone,
                                   gboolean enabled,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean ovh_dnssec_set_enabled_finish (OvhClient *client, GAsyncResult *result, GError **error);

/* Asks for the state at once, then every interval_ms while it is in progress, at most
 * max_tries times in all: the settled state, or OVH_ERROR_FAILED naming the state when it
 * is still in progress after the last try. */
void ovh_dnssec_follow_async (OvhClient *client,
                              const char *zone,
                              guint interval_ms,
                              guint max_tries,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean ovh_dnssec_follow_finish (OvhClient *client,
                                   GAsyncResult *result,
                                   OvhDnssecState *state,
                                   GError **error);

/* GET /domain/{domain}/dsRecord, then each one: the OvhDsRecord array, by key tag. */
void ovh_dnssec_list_ds_records_async (OvhClient *client,
                                       const char *domain,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
GPtrArray *
ovh_dnssec_list_ds_records_finish (OvhClient *client, GAsyncResult *result, GError **error);

G_END_DECLS
