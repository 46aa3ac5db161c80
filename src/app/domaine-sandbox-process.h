/* domaine-sandbox-process.h: the domaine-sandbox program, run as a child of the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox never runs inside the app: "Try the Sandbox" and --sandbox start the installed
 * program with --print-json and read its address and ready-made keys from the one line it
 * prints. The child stops with the app (SIGTERM from stop(), and by itself when the app dies:
 * its standard input closes). If it ends on its own, "died" says why.
 */
#pragma once

#include <gio/gio.h>

#include "domaine-sandbox-name-server.h"

G_BEGIN_DECLS

#define DOMAINE_SANDBOX_PROCESS_ERROR (domaine_sandbox_process_error_quark ())
GQuark domaine_sandbox_process_error_quark (void);

typedef enum
{
  DOMAINE_SANDBOX_PROCESS_ERROR_NOT_FOUND, /* no domaine-sandbox program */
  DOMAINE_SANDBOX_PROCESS_ERROR_FAILED,    /* it did not start, or printed nonsense */
  DOMAINE_SANDBOX_PROCESS_ERROR_DIED,      /* it ended while in use */
} DomaineSandboxProcessError;

#define DOMAINE_TYPE_SANDBOX_PROCESS (domaine_sandbox_process_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineSandboxProcess, domaine_sandbox_process, DOMAINE, SANDBOX_PROCESS, GObject)

/* The domaine-sandbox program: $DOMAINE_SANDBOX_PROGRAM, else beside the running executable
 * (an installed prefix, wherever it was moved), else next to it in the build tree, else where
 * the build installs it. NULL when there is none. */
char *domaine_sandbox_process_find_program (void);

/* @program: NULL to find it; @extra_args: more options for it (e.g. "--fault", "…"), or NULL. */
DomaineSandboxProcess *domaine_sandbox_process_new (const char *program,
                                                    const char *const *extra_args);

/* Starts the child and waits for its JSON line; call once. */
void domaine_sandbox_process_start_async (DomaineSandboxProcess *self,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
gboolean domaine_sandbox_process_start_finish (DomaineSandboxProcess *self,
                                               GAsyncResult *result,
                                               GError **error);

/* Terminates the child and waits for it (a few seconds at most, then kills it). */
void domaine_sandbox_process_stop (DomaineSandboxProcess *self);

/* TRUE between a successful start and stop() or the child's end. */
gboolean domaine_sandbox_process_get_running (DomaineSandboxProcess *self);
const char *domaine_sandbox_process_get_program (DomaineSandboxProcess *self);
/* The child's process ID as a string, NULL when it is not running. */
const char *domaine_sandbox_process_get_identifier (DomaineSandboxProcess *self);
/* What the child printed; NULL until it started. */
const char *domaine_sandbox_process_get_base_url (DomaineSandboxProcess *self);
const char *domaine_sandbox_process_get_application_key (DomaineSandboxProcess *self);
const char *domaine_sandbox_process_get_application_secret (DomaineSandboxProcess *self);
const char *domaine_sandbox_process_get_consumer_key (DomaineSandboxProcess *self);
const char *domaine_sandbox_process_get_ca_file (DomaineSandboxProcess *self); /* HTTPS only */
/* The sandbox's name servers, once it runs: knotd serving what it publishes, when Knot DNS
 * is installed. The mapping ("dns111.ovh.net=127.0.0.1:PORT,…", see DOMAINE_NS_ADDRESSES)
 * sends the zones' name server questions to it; NULL without it, and the problem then says
 * why in words. */
const char *domaine_sandbox_process_get_name_server_mapping (DomaineSandboxProcess *self);
const char *domaine_sandbox_process_get_name_server_problem (DomaineSandboxProcess *self);
DomaineSandboxNameServer *domaine_sandbox_process_get_name_server (DomaineSandboxProcess *self);

G_END_DECLS
