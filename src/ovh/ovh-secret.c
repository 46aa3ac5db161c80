/* ovh-secret.c: secrets overwritten before their memory is freed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-secret.h"

void
ovh_secret_free (char *secret)
{
  volatile char *p = secret;

  if (secret == NULL)
    return;

  /* volatile: the compiler may not drop stores to memory that is about to be freed. */
  while (*p != '\0')
    *p++ = '\0';
  g_free (secret);
}

void
ovh_secret_clear (char **secret)
{
  ovh_secret_free (g_steal_pointer (secret));
}
