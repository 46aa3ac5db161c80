/* ovh-error.h: what went wrong talking to OVH, in words a program can switch on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OVH_ERROR (ovh_error_quark ())

typedef enum
{
  OVH_ERROR_FAILED,             /* anything not listed below */
  OVH_ERROR_INVALID_SIGNATURE,  /* 400 INVALID_SIGNATURE */
  OVH_ERROR_QUERY_TIME_OUT,     /* 400 QUERY_TIME_OUT: the clock offset is wrong */
  OVH_ERROR_INVALID_KEY,        /* 403 INVALID_KEY: unknown application key */
  OVH_ERROR_INVALID_CREDENTIAL, /* 403 INVALID_CREDENTIAL / NOT_CREDENTIAL: CK not (or no longer)
                                   valid */
  OVH_ERROR_NOT_GRANTED,        /* 403 NOT_GRANTED_CALL / FORBIDDEN: outside the CK's rules */
  OVH_ERROR_NOT_FOUND,          /* 404 */
  OVH_ERROR_CONFLICT,           /* 409 */
  OVH_ERROR_BAD_PARAMETERS,     /* other 400s: the request was refused as malformed */
  OVH_ERROR_EXPIRED,            /* 460: the service expired */
  OVH_ERROR_RATE_LIMITED,       /* 429 */
  OVH_ERROR_SERVER,             /* 5xx */
  OVH_ERROR_NETWORK,            /* no answer: resolution, connection, timeout */
  OVH_ERROR_TLS,                /* the certificate was refused */
  OVH_ERROR_INVALID_RESPONSE,   /* the answer was not what the API promises */
  OVH_ERROR_CANCELLED_BY_USER,  /* reserved; cancellation uses G_IO_ERROR_CANCELLED */
} OvhErrorCode;

GQuark ovh_error_quark (void);

/* Extended error data (G_DEFINE_EXTENDED_ERROR): readable on any GError in OVH_ERROR. */
const char *ovh_error_get_query_id (const GError *error);   /* X-Ovh-QueryID, or NULL */
const char *ovh_error_get_error_code (const GError *error); /* "NOT_GRANTED_CALL", class, or NULL */
guint ovh_error_get_http_status (const GError *error);      /* 0 when there was no answer */

GError *ovh_error_new_from_response (guint http_status,
                                     const char *body,
                                     gsize body_length,
                                     const char *query_id);

gboolean ovh_error_is_authentication (const GError *error); /* key/credential problems */

/* An error in OVH_ERROR with every extended field set; message is shown as given. */
GError *ovh_error_new_full (OvhErrorCode code,
                            guint http_status,
                            const char *error_code,
                            const char *query_id,
                            const char *message);

/* The error code (ovh_error_get_error_code) of an OVH_ERROR_NETWORK that says more: nothing
 * listens at the address, or nothing answered in time. Otherwise NULL (unreachable). */
#define OVH_ERROR_CODE_CONNECTION_REFUSED "connection-refused"
#define OVH_ERROR_CODE_TIMED_OUT "timed-out"

/* Maps a libsoup/GIO transport failure to OVH_ERROR_TLS or OVH_ERROR_NETWORK with a
 * translated message. G_IO_ERROR_CANCELLED is returned unchanged (as a copy). */
GError *ovh_error_new_from_transport (const GError *transport_error);

/* Whether calling again later may succeed: rate limited, server, network. */
gboolean ovh_error_is_transient (const GError *error);

/* The message followed by the query id, for people to quote to OVH's support. */
char *ovh_error_dup_display_message (const GError *error);

G_END_DECLS
