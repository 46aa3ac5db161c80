/* ovh-signer.c: the OVH "$1$" request signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-signer.h"

/* "$1$" + hex(SHA1(AS+CK+METHOD+URL+BODY+TIMESTAMP)), joined with "+".
 * The body is hashed as bytes: it is whatever goes on the wire. */
char *
ovh_signer_sign (const char *application_secret,
                 const char *consumer_key,
                 const char *method,
                 const char *url,
                 const char *body,
                 gsize body_length,
                 gint64 timestamp)
{
  g_autoptr (GChecksum) sha1 = NULL;
  char stamp[32];

  g_return_val_if_fail (application_secret != NULL, NULL);
  g_return_val_if_fail (consumer_key != NULL, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  g_snprintf (stamp, sizeof stamp, "%" G_GINT64_FORMAT, timestamp);

  sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (sha1, (const guchar *) application_secret, -1);
  g_checksum_update (sha1, (const guchar *) "+", 1);
  g_checksum_update (sha1, (const guchar *) consumer_key, -1);
  g_checksum_update (sha1, (const guchar *) "+", 1);
  g_checksum_update (sha1, (const guchar *) method, -1);
  g_checksum_update (sha1, (const guchar *) "+", 1);
  g_checksum_update (sha1, (const guchar *) url, -1);
  g_checksum_update (sha1, (const guchar *) "+", 1);
  if (body != NULL && body_length > 0)
    g_checksum_update (sha1, (const guchar *) body, body_length);
  g_checksum_update (sha1, (const guchar *) "+", 1);
  g_checksum_update (sha1, (const guchar *) stamp, -1);

  return g_strconcat ("$1$", g_checksum_get_string (sha1), NULL);
}

gboolean
ovh_signer_verify (const char *signature,
                   const char *application_secret,
                   const char *consumer_key,
                   const char *method,
                   const char *url,
                   const char *body,
                   gsize body_length,
                   gint64 timestamp)
{
  g_autofree char *expected = NULL;
  gsize len;
  guint diff = 0;

  if (signature == NULL)
    return FALSE;

  expected = ovh_signer_sign (application_secret, consumer_key, method, url, body, body_length,
                              timestamp);
  len = strlen (expected);
  if (strlen (signature) != len)
    return FALSE;

  /* Constant time: the sandbox must not leak how much of a guess was right. */
  for (gsize i = 0; i < len; i++)
    diff |= (guchar) expected[i] ^ (guchar) signature[i];

  return diff == 0;
}
