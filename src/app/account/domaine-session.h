/* domaine-session.h: one signed-in account while the app shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session owns the account's OvhClient, its /me and domain list, and the account-level
 * state the window shows as a banner (reconnect, not granted, offline). It has no GTK
 * dependency: pages observe it, they never build URLs or parse JSON themselves.
 */
#pragma once

#include <gio/gio.h>

#include "ovh-account.h"
#include "ovh-client.h"
#include "ovh-me.h"

G_BEGIN_DECLS

typedef enum
{
  DOMAINE_SESSION_STATE_IDLE,    /* nothing loaded yet */
  DOMAINE_SESSION_STATE_LOADING, /* /me and the domain list are on their way */
  DOMAINE_SESSION_STATE_READY,
  DOMAINE_SESSION_STATE_OFFLINE,       /* the endpoint did not answer, or not readably: "Retry" */
  DOMAINE_SESSION_STATE_NEEDS_SIGN_IN, /* the consumer key is invalid, expired or revoked */
  DOMAINE_SESSION_STATE_FAILED,        /* anything else: the error message says what */
} DomaineSessionState;

/* Why an OFFLINE session is offline, from the latest call: each calls for its own words. */
typedef enum
{
  DOMAINE_CONNECTION_PROBLEM_NONE,
  DOMAINE_CONNECTION_PROBLEM_UNREACHABLE, /* no route, no name, no network */
  DOMAINE_CONNECTION_PROBLEM_REFUSED,     /* nothing listens at the address (a stopped server) */
  DOMAINE_CONNECTION_PROBLEM_TIMED_OUT,   /* nothing answered in time */
  DOMAINE_CONNECTION_PROBLEM_TLS,         /* the certificate was refused */
  DOMAINE_CONNECTION_PROBLEM_MALFORMED,   /* it answered, with nothing Domaine can read */
} DomaineConnectionProblem;

#define DOMAINE_TYPE_SESSION_STATE (domaine_session_state_get_type ())
GType domaine_session_state_get_type (void);

#define DOMAINE_TYPE_SESSION (domaine_session_get_type ())
G_DECLARE_FINAL_TYPE (DomaineSession, domaine_session, DOMAINE, SESSION, GObject)

DomaineSession *domaine_session_new (OvhAccount *account, OvhClient *client);

OvhAccount *domaine_session_get_account (DomaineSession *self);
OvhClient *domaine_session_get_client (DomaineSession *self);
OvhMe *domaine_session_get_me (DomaineSession *self);           /* NULL until loaded */
GListModel *domaine_session_get_domains (DomaineSession *self); /* of OvhDomain, sorted */
DomaineSessionState domaine_session_get_state (DomaineSession *self);
const GError *domaine_session_get_error (DomaineSession *self); /* why, for the last failure */
/* NONE unless the state is OFFLINE. */
DomaineConnectionProblem domaine_session_get_connection_problem (DomaineSession *self);
/* TRUE while a call was refused as outside the key's rights: "request more rights". */
gboolean domaine_session_get_not_granted (DomaineSession *self);
/* Cancelled when the session closes (account switched, signed out, window closed). */
GCancellable *domaine_session_get_cancellable (DomaineSession *self);

/* Loads /me and the domain list (again). Errors land in state/error, not in a callback. */
void domaine_session_reload (DomaineSession *self);

/* Every page hands the errors of its own calls here, so that an expired key or a missing
 * right shows once, at the account level, whichever page met it. */
void domaine_session_report_error (DomaineSession *self, const GError *error);
/* ...and that a call was answered: the connection state follows the latest call, so an
 * OFFLINE session comes back (a session that never loaded loads again). */
void domaine_session_report_success (DomaineSession *self);
/* The user fixed it (signed in again with new keys). */
void domaine_session_update_credentials (DomaineSession *self, const char *consumer_key);
void domaine_session_close (DomaineSession *self);

/* Whether @zone has unpublished changes: the zone pages say so as their changes are staged,
 * restored, published or discarded; "zone-changes-changed::<zone>" (zone) follows it. */
gboolean domaine_session_get_zone_has_changes (DomaineSession *self, const char *zone);
void
domaine_session_set_zone_has_changes (DomaineSession *self, const char *zone, gboolean has_changes);

G_END_DECLS
