/* ovh-secret.h: secrets overwritten before their memory is freed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Overwrites the characters of secret, then frees it; NULL allowed. */
void ovh_secret_free (char *secret);

/* ovh_secret_free (*secret), then *secret = NULL. */
void ovh_secret_clear (char **secret);

/* g_auto (OvhSecret) text = …: a string wiped and freed at the end of the scope. */
typedef char *OvhSecret;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (OvhSecret, ovh_secret_free, NULL)

G_END_DECLS
