/* domaine-cli-api.c: api METHOD PATH, any call of the API, its JSON answer printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call is signed with the account's keys like every other command's; --param adds query
 * parameters and --data a JSON body. A call other than GET may change the account, so it asks
 * first on a terminal, and needs --yes otherwise.
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-client-raw.h"
#include "ovh-error.h"

static gboolean
is_yes (const char *answer)
{
  /* "y", "yes", and the translated "yes" or its first letter. */
  return g_ascii_strcasecmp (answer, "y") == 0 || g_ascii_strcasecmp (answer, "yes") == 0
         || g_utf8_collate (answer, domaine_cli_yes_no (TRUE)) == 0
         || (answer[0] != '\0' && answer[1] == '\0'
             && g_ascii_tolower (answer[0]) == domaine_cli_yes_no (TRUE)[0]);
}

/* Whether the user agrees to send a call that may change the account. */
static gboolean
confirm (DomaineCli *self, const char *method, const char *path, GError **error)
{
  char buffer[64];

  if (self->yes)
    return TRUE;
  if (!isatty (STDIN_FILENO))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   /* Translators: a method ("POST"), then an API path */
                   _ ("%s %s may change your account; nothing was sent: run it again with --yes "
                      "to go on"),
                   method, path);
      return FALSE;
    }

  fprintf (self->err,
           /* Translators: a method ("POST"), then an API path. The answer expected is the
            * translation of "y". */
           _ ("Send %s %s? It may change your account. [y/N] "), method, path);
  fflush (self->err);
  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    buffer[0] = '\0';
  g_strstrip (buffer);
  if (is_yes (buffer))
    return TRUE;

  g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, _ ("Nothing was sent"));
  return FALSE;
}

int
domaine_cli_cmd_api (DomaineCli *self, GError **error)
{
  g_autofree char *method = g_ascii_strup (self->args[0], -1);
  g_autofree char *path = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OvhRawAnswer) answer = NULL;
  g_autoptr (GError) call_error = NULL;
  gboolean ok;

  /* What is wrong with the command line is said before anything is asked or sent. */
  path = ovh_raw_call_build_path (self->args[1], (const char *const *) self->params, error);
  if (path == NULL || !ovh_raw_call_check_body (self->data, error))
    {
      (*error)->domain = DOMAINE_CLI_ERROR;
      (*error)->code = DOMAINE_CLI_ERROR_USAGE;
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (self->data != NULL && ovh_raw_call_is_read_only (method))
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("A GET call takes no body: give its parameters with --param"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  if (!ovh_raw_call_is_read_only (method) && !confirm (self, method, path, error))
    return DOMAINE_CLI_EXIT_USAGE;

  ovh_client_raw_call_async (self->client, method, path, self->data, self->cancellable,
                             domaine_cli_result_cb, &result);
  ok = ovh_client_raw_call_finish (self->client, domaine_cli_await (self, &result), &answer,
                                   &call_error);
  if (call_error != NULL && call_error->domain == G_IO_ERROR
      && !g_error_matches (call_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Refused before sending: a wrong method or path. */
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, call_error->message);
      return DOMAINE_CLI_EXIT_USAGE;
    }

  if (answer != NULL)
    domaine_cli_note (self,
                      /* Translators: an HTTP status, OVH's query ID, then milliseconds */
                      _ ("HTTP %u, query ID %s, %.0f ms\n"), answer->status,
                      answer->query_id != NULL ? answer->query_id : "—",
                      answer->duration_us / 1000.0);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&call_error));
      return domaine_cli_exit_code_for_error (*error);
    }
  if (answer != NULL && answer->json != NULL)
    domaine_cli_print_json (self, answer->json);
  return DOMAINE_CLI_EXIT_OK;
}
