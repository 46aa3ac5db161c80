/* main.c: domaine-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "domaine-cli.h"

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("DOMAINE_LOCALEDIR"); /* uninstalled runs and tests */

#ifdef __GLIBC__
  /* One heap for every thread: a command's worker threads (reading a zone's cache) would
   * otherwise each grow and trim an arena of their own, page by page, for one use. */
  mallopt (M_ARENA_MAX, 1);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return domaine_cli_run (argc, argv, stdout, stderr, TRUE);
}
