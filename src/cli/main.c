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

/* A command line takes its proxy from the environment, as curl and most tools do: GIO's proxy
 * modules (GNOME's settings through dconf, libproxy) cost tens of milliseconds at each start.
 * With any of these variables set, GIO's own choice stays (libproxy reads them); without
 * any, connections go direct. GIO_USE_PROXY_RESOLVER set by the user wins. */
static void
choose_proxy_resolver (void)
{
  static const char *const variables[]
      = { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" };

  if (g_getenv ("GIO_USE_PROXY_RESOLVER") != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    if (g_getenv (variables[i]) != NULL && *g_getenv (variables[i]) != '\0')
      return;
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
}

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("DOMAINE_LOCALEDIR"); /* uninstalled runs and tests */

  choose_proxy_resolver ();
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
