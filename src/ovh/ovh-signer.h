/* ovh-signer.h: the OVH "$1$" request signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ovh_signer_sign (const char *application_secret,
                       const char *consumer_key,
                       const char *method,
                       const char *url,
                       const char *body,
                       gsize body_length,
                       gint64 timestamp);

gboolean ovh_signer_verify (const char *signature,
                            const char *application_secret,
                            const char *consumer_key,
                            const char *method,
                            const char *url,
                            const char *body,
                            gsize body_length,
                            gint64 timestamp);

G_END_DECLS
