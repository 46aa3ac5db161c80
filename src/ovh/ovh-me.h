/* ovh-me.h: the signed-in customer, from GET /me (nichandle.Nichandle)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-client.h"

G_BEGIN_DECLS

#define OVH_TYPE_ME (ovh_me_get_type ())
G_DECLARE_FINAL_TYPE (OvhMe, ovh_me, OVH, ME, GObject)

/* Fails (OVH_ERROR_INVALID_RESPONSE) unless node is an object with a string "nichandle". */
OvhMe *ovh_me_new_from_json (JsonNode *node, GError **error);

const char *ovh_me_get_nichandle (OvhMe *self);
const char *ovh_me_get_firstname (OvhMe *self);       /* may be NULL */
const char *ovh_me_get_name (OvhMe *self);            /* family name; may be NULL */
const char *ovh_me_get_organisation (OvhMe *self);    /* may be NULL */
const char *ovh_me_get_email (OvhMe *self);           /* may be NULL */
const char *ovh_me_get_country (OvhMe *self);         /* "FR"; may be NULL */
const char *ovh_me_get_language (OvhMe *self);        /* "fr_FR"; may be NULL */
const char *ovh_me_get_currency_code (OvhMe *self);   /* "EUR"; may be NULL */
const char *ovh_me_get_currency_symbol (OvhMe *self); /* "€"; may be NULL */
const char *ovh_me_get_customer_code (OvhMe *self);   /* may be NULL */
const char *ovh_me_get_state (OvhMe *self);           /* "complete" | "incomplete"; may be NULL */
const char *ovh_me_get_legal_form (OvhMe *self); /* "individual", "corporation"…; may be NULL */
const char *ovh_me_get_ovh_subsidiary (OvhMe *self); /* "FR"; may be NULL */
/* "Ada Lovelace", else the organisation, else the nichandle: never NULL. */
const char *ovh_me_get_display_name (OvhMe *self);

/* GET /me. */
void ovh_me_load_async (OvhClient *client,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data);
OvhMe *ovh_me_load_finish (GAsyncResult *result, GError **error);

G_END_DECLS
