/* ovh-account.h: one OVH API identity (endpoint, application, consumer key)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The secrets (application-secret, consumer-key) are readable properties so that the
 * store and the client can use them; never log them, never put them in an error message.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-client.h"
#include "ovh-endpoint.h"

G_BEGIN_DECLS

#define OVH_TYPE_ACCOUNT (ovh_account_get_type ())
G_DECLARE_FINAL_TYPE (OvhAccount, ovh_account, OVH, ACCOUNT, GObject)

/* A new account with a fresh random id. endpoint is an id ("ovh-eu") or a base URL.
 * application_secret and consumer_key may be NULL (not known yet). */
OvhAccount *ovh_account_new (const char *endpoint,
                             const char *application_key,
                             const char *application_secret,
                             const char *consumer_key);

const char *ovh_account_get_id (OvhAccount *self);
const char *ovh_account_get_label (OvhAccount *self);
void ovh_account_set_label (OvhAccount *self, const char *label);
/* The label, or else the nichandle, or else the endpoint's name: never NULL. */
char *ovh_account_dup_display_name (OvhAccount *self);

const char *ovh_account_get_endpoint (OvhAccount *self);
void ovh_account_set_endpoint (OvhAccount *self, const char *endpoint);
/* The known endpoint, or NULL for a custom base URL. */
const OvhEndpoint *ovh_account_get_known_endpoint (OvhAccount *self);
/* The base URL calls go to ("https://eu.api.ovh.com/1.0" or the custom URL). */
char *ovh_account_dup_base_url (OvhAccount *self);
/* TRUE when the endpoint is not one of the named OVH endpoints. */
gboolean ovh_account_is_custom_endpoint (OvhAccount *self);
/* TRUE for the account Domaine made for its sandbox (a stored fact, not a guess from the
 * endpoint: a loopback address may well be a proxy or a tunnel to OVHcloud). */
gboolean ovh_account_is_sandbox (OvhAccount *self);
void ovh_account_set_sandbox (OvhAccount *self, gboolean sandbox);

const char *ovh_account_get_application_key (OvhAccount *self);
void ovh_account_set_application_key (OvhAccount *self, const char *application_key);
const char *ovh_account_get_application_secret (OvhAccount *self);
void ovh_account_set_application_secret (OvhAccount *self, const char *application_secret);
const char *ovh_account_get_consumer_key (OvhAccount *self);
void ovh_account_set_consumer_key (OvhAccount *self, const char *consumer_key);
/* TRUE when both the application secret and the consumer key are in memory. */
gboolean ovh_account_has_secrets (OvhAccount *self);
/* Wipes the secrets from memory (they stay in the keyring). */
void ovh_account_clear_secrets (OvhAccount *self);

/* Known once GET /me answered; NULL before. */
const char *ovh_account_get_nichandle (OvhAccount *self);
void ovh_account_set_nichandle (OvhAccount *self, const char *nichandle);

/* A client for this account's endpoint and keys (the consumer key may be NULL while
 * the credential flow runs). */
OvhClient *ovh_account_create_client (OvhAccount *self);

G_END_DECLS
