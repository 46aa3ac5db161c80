/* domaine-cli.h: domaine-cli, a scriptable front end over libovh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

/* The process exit codes, documented in --help and README-cli.md: scripts switch on them. */
typedef enum
{
  DOMAINE_CLI_EXIT_OK = 0,
  DOMAINE_CLI_EXIT_API = 1,       /* any other failure: an API error, a malformed answer… */
  DOMAINE_CLI_EXIT_USAGE = 2,     /* bad command line, invalid record or zone file: nothing sent */
  DOMAINE_CLI_EXIT_AUTH = 3,      /* no usable account, key refused, call not granted */
  DOMAINE_CLI_EXIT_NOT_FOUND = 4, /* the zone, record or credential does not exist */
  DOMAINE_CLI_EXIT_NETWORK = 5,   /* no answer from the API, or its certificate was refused */
  DOMAINE_CLI_EXIT_FINDINGS = 6,  /* zone check found errors or a delegation elsewhere;
                                     zone watch reached its time limit */
  DOMAINE_CLI_EXIT_UNKNOWN = 7,   /* a change was sent, its answer lost, and the zone could not
                                     tell whether it was made: look before trying again */
  DOMAINE_CLI_EXIT_CANCELLED = 130, /* interrupted (Ctrl+C), as shells report SIGINT */
} DomaineCliExit;

#define DOMAINE_CLI_ERROR (domaine_cli_error_quark ())

typedef enum
{
  DOMAINE_CLI_ERROR_FAILED,
  DOMAINE_CLI_ERROR_USAGE,     /* exit 2 */
  DOMAINE_CLI_ERROR_AUTH,      /* exit 3: no account, refused or expired consumer key */
  DOMAINE_CLI_ERROR_NOT_FOUND, /* exit 4 */
} DomaineCliError;

GQuark domaine_cli_error_quark (void);

/* Runs one command line (argv[0] is the program name) and returns the exit code. Results go
 * to out, messages and errors to err (one line per error). Iterates the thread-default main
 * context; SIGINT cancels the running command when install_sigint is TRUE. */
int domaine_cli_run (int argc, char **argv, FILE *out, FILE *err, gboolean install_sigint);

/* The exit code a failure maps to (see DomaineCliExit). */
DomaineCliExit domaine_cli_exit_code_for_error (const GError *error);

G_END_DECLS
