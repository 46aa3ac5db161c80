/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "domaine-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (DomaineApplication) app = NULL;
  /* An uninstalled build (./dev.sh run) has its catalogues in the build tree, not the prefix. */
  const char *localedir = g_getenv ("DOMAINE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = domaine_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
