/* main.c: domaine-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "domaine-cli.h"

int
main (int argc, char *argv[])
{
  const char *localedir = g_getenv ("DOMAINE_LOCALEDIR"); /* uninstalled runs and tests */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return domaine_cli_run (argc, argv, stdout, stderr, TRUE);
}
