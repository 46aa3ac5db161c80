/* domaine-api-snippets.h: a call of the console written for curl or python-ovh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snippets never hold a key: they read them from the environment ($OVH_APPLICATION_KEY,
 * $OVH_APPLICATION_SECRET, $OVH_CONSUMER_KEY) or let python-ovh find them (ovh.conf, OVH_*).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A shell snippet: the signature computed with sha1sum, then curl. base_url: the endpoint's
 * ("https://eu.api.ovh.com/1.0"); path from it, with its query; body: JSON text or NULL. */
char *domaine_api_snippet_curl (const char *base_url,
                                const char *method,
                                const char *path,
                                const char *body);
/* A Python snippet for python-ovh: ovh.Client() and one call. */
char *domaine_api_snippet_python (const char *base_url,
                                  const char *method,
                                  const char *path,
                                  const char *body);

G_END_DECLS
