/* domaine-api-console.h: the API's routes, called by hand with the account's key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "domaine-session.h"
#include "ovh-client-raw.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_API_CONSOLE (domaine_api_console_get_type ())
G_DECLARE_FINAL_TYPE (DomaineApiConsole, domaine_api_console, DOMAINE, API_CONSOLE, AdwWindow)

/* Properties: "session" (construct-only), "loaded" (the products, the key's rules and the
 * first product's routes are read), "busy" (a call is on its way), "show-all" (routes the key
 * may not call are listed too, greyed). Actions (prefix "console."): execute (Ctrl+Enter; a
 * call other than GET asks first), copy-curl, copy-python, back (folded: to the routes),
 * search (Ctrl+F). */
GtkWidget *domaine_api_console_new (DomaineSession *session);

DomaineSession *domaine_api_console_get_session (DomaineApiConsole *self);
gboolean domaine_api_console_get_loaded (DomaineApiConsole *self);
gboolean domaine_api_console_get_busy (DomaineApiConsole *self);
/* The routes listed (OvhApiRoute), after the search and the key's rules. */
GListModel *domaine_api_console_get_routes (DomaineApiConsole *self);
/* Whether the key's rules could be read (else every route is listed as callable). */
gboolean domaine_api_console_get_knows_rules (DomaineApiConsole *self);

/* What a person does, for tests: pick the product ("me"), search, choose the route of this
 * method and path template (FALSE when it is not listed), fill a parameter or the body. */
void domaine_api_console_select_product (DomaineApiConsole *self, const char *product);
void domaine_api_console_set_search (DomaineApiConsole *self, const char *text);
gboolean
domaine_api_console_select_route (DomaineApiConsole *self, const char *method, const char *path);
gboolean
domaine_api_console_set_parameter (DomaineApiConsole *self, const char *name, const char *value);
void domaine_api_console_set_body (DomaineApiConsole *self, const char *json);

/* The last answer (NULL before the first, or when nothing answered) and the snippets of the
 * call as the form stands. */
const OvhRawAnswer *domaine_api_console_get_answer (DomaineApiConsole *self);
const char *domaine_api_console_get_error (DomaineApiConsole *self);
char *domaine_api_console_dup_curl (DomaineApiConsole *self);
char *domaine_api_console_dup_python (DomaineApiConsole *self);
/* The confirmation of a call other than GET, while it is open. */
AdwMessageDialog *domaine_api_console_get_confirmation (DomaineApiConsole *self);

G_END_DECLS
