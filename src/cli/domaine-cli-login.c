/* domaine-cli-login.c: `domaine-cli login`, the consumer key flow in a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-access-rules.h"
#include "ovh-conf.h"
#include "ovh-sign-in.h"

#define DEFAULT_LOGIN_TIMEOUT_SECONDS (15 * 60)

static gboolean
parse_preset (const char *text, OvhAccessPreset *preset, GError **error)
{
  static const struct
  {
    const char *name;
    OvhAccessPreset preset;
  } presets[] = {
    { "read-only", OVH_ACCESS_READ_ONLY },
    { "dns-editor", OVH_ACCESS_DNS_EDITOR },
    { "full", OVH_ACCESS_FULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_str_equal (text, presets[i].name))
      {
        *preset = presets[i].preset;
        return TRUE;
      }

  g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
               _ ("Unknown preset “%s”: use read-only, dns-editor or full"), text);
  return FALSE;
}

/* One line from standard input, without echo on a terminal: secrets stay off the screen and
 * out of the shell history and the process list. */
static char *
read_secret (DomaineCli *self, const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean echo_off = FALSE;
  char buffer[512];
  char *line;

  if (tty)
    {
      fprintf (self->err, "%s", prompt);
      fflush (self->err);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      fprintf (self->err, "\n");
    }

  if (line == NULL)
    return NULL;
  g_strchomp (line);
  line = *line != '\0' ? g_strdup (line) : NULL;
  explicit_bzero (buffer, sizeof buffer);
  return line;
}

static void
print_json_line (DomaineCli *self, JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  fprintf (self->out, "%s\n", text);
  fflush (self->out);
}

static void
validation_url_cb (OvhSignIn *sign_in, GParamSpec *pspec, DomaineCli *self)
{
  const char *url = ovh_sign_in_get_validation_url (sign_in);

  if (url == NULL)
    return;

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "validationUrl", url);
      json_object_set_string_member (object, "state", "pendingValidation");
      json_node_take_object (node, object);
      print_json_line (self, node);
    }
  else
    {
      domaine_cli_note (self, "%s\n",
                        _ ("Open this address in a web browser, sign in to OVHcloud and accept "
                           "the key:"));
      /* On standard output, alone on its line, so that a wrapper can open it. */
      fprintf (self->out, "%s\n", url);
      fflush (self->out);
      domaine_cli_note (self, "%s\n", _ ("Waiting for the validation… (Ctrl+C cancels)"));
    }
}

int
domaine_cli_cmd_login (DomaineCli *self, GError **error)
{
  g_autoptr (OvhConfCandidate) conf = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (OvhSignIn) sign_in = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *application_secret = NULL;
  OvhAccountStore *store;
  OvhAccessPreset preset = OVH_ACCESS_DNS_EDITOR;
  OvhMe *me;
  const char *endpoint = self->endpoint;
  const char *application_key = self->application_key;

  if (self->preset != NULL && !parse_preset (self->preset, &preset, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (self->zones != NULL && preset != OVH_ACCESS_DNS_EDITOR)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--zone limits the dns-editor preset: it cannot go with another"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  /* The application: options, then OVH_* variables, then ovh.conf when asked. */
  if (self->from_ovh_conf)
    {
      g_autoptr (GPtrArray) candidates = ovh_conf_find_candidates (NULL, NULL, error);

      if (candidates == NULL)
        return DOMAINE_CLI_EXIT_USAGE;
      for (guint i = 0; i < candidates->len && conf == NULL; i++)
        {
          const OvhConfCandidate *candidate = g_ptr_array_index (candidates, i);

          if (endpoint == NULL || candidate->endpoint == NULL
              || domaine_cli_endpoint_matches (endpoint, candidate->endpoint))
            conf = ovh_conf_candidate_copy (candidate);
        }
      if (conf == NULL)
        {
          g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
                               _ ("No application key in ovh.conf or the OVH_* environment "
                                  "variables for this endpoint"));
          return DOMAINE_CLI_EXIT_AUTH;
        }
      if (endpoint == NULL)
        endpoint = conf->endpoint;
      if (application_key == NULL)
        application_key = conf->application_key;
      application_secret = g_strdup (conf->application_secret);
    }

  if (endpoint == NULL)
    endpoint = g_getenv ("OVH_ENDPOINT");
  if (endpoint == NULL)
    endpoint = "ovh-eu";
  if (ovh_endpoint_lookup (endpoint) == NULL && !g_str_has_prefix (endpoint, "http://")
      && !g_str_has_prefix (endpoint, "https://"))
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown endpoint “%s”: use ovh-eu, ovh-ca, ovh-us… or a base URL"),
                   endpoint);
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (application_key == NULL)
    application_key = g_getenv ("OVH_APPLICATION_KEY");
  if (application_key == NULL || *application_key == '\0')
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("login needs an application key: --application-key, "
                              "OVH_APPLICATION_KEY or --from-ovh-conf"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  if (application_secret == NULL && g_getenv ("OVH_APPLICATION_SECRET") != NULL)
    application_secret = g_strdup (g_getenv ("OVH_APPLICATION_SECRET"));
  if (application_secret == NULL)
    application_secret = read_secret (self, _ ("Application secret: "));
  if (application_secret == NULL)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("login needs the application secret, in OVH_APPLICATION_SECRET or "
                              "on standard input"));
      return DOMAINE_CLI_EXIT_USAGE;
    }

  /* Where the account will live, before OVH is asked for anything. */
  store = domaine_cli_load_store (self, error);
  if (store == NULL)
    return DOMAINE_CLI_EXIT_AUTH;

  account = ovh_account_new (endpoint, application_key, application_secret, NULL);
  if (self->label != NULL)
    ovh_account_set_label (account, self->label);
  client = domaine_cli_create_client (self, account, error);
  if (client == NULL)
    return DOMAINE_CLI_EXIT_USAGE;

  rules = self->zones != NULL ? ovh_access_rules_new_for_zones ((const char *const *) self->zones)
                              : ovh_access_preset_dup_rules (preset);
  sign_in = ovh_sign_in_new (account, client, store);
  ovh_sign_in_set_wait_timing (sign_in, (guint) MAX (self->poll_interval_ms, 1),
                               self->timeout_seconds > 0 ? (guint) self->timeout_seconds
                                                         : DEFAULT_LOGIN_TIMEOUT_SECONDS);
  /* The validation URL is printed as soon as OVH gives it, while the wait goes on. */
  g_signal_connect (sign_in, "notify::validation-url", G_CALLBACK (validation_url_cb), self);
  ovh_sign_in_request_async (sign_in, rules, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_sign_in_finish (sign_in, domaine_cli_await (self, &result), &local_error))
    {
      switch (ovh_sign_in_get_state (sign_in))
        {
        case OVH_SIGN_IN_STATE_REFUSED:
          g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
                               _ ("The key was refused on the validation page"));
          return DOMAINE_CLI_EXIT_AUTH;
        case OVH_SIGN_IN_STATE_TIMED_OUT:
          g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
                               _ ("The key was not validated in time: it was refused, it "
                                  "expired, or nobody accepted it before --timeout"));
          return DOMAINE_CLI_EXIT_AUTH;
        case OVH_SIGN_IN_STATE_CANCELLED:
          g_propagate_error (error, g_steal_pointer (&local_error));
          return DOMAINE_CLI_EXIT_CANCELLED;
        default:
          /* OVH's own words: its error decides the exit code. */
          g_propagate_error (error, g_steal_pointer (&local_error));
          return DOMAINE_CLI_EXIT_API;
        }
    }

  me = ovh_sign_in_get_me (sign_in);
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "account", domaine_cli_account_to_json (account));
      json_object_set_string_member (object, "state", "validated");
      json_node_take_object (node, object);
      print_json_line (self, node);
    }
  else if (me != NULL)
    domaine_cli_note (self,
                      /* Translators: a person's name, a nichandle, then an account ID */
                      _ ("Signed in as %s (%s). The account is stored in the keyring as %s.\n"),
                      ovh_me_get_display_name (me), ovh_me_get_nichandle (me),
                      ovh_account_get_id (account));
  else
    /* The key's rules do not include GET /me: signed in all the same, without a name. */
    domaine_cli_note (self,
                      /* Translators: %s is an account ID */
                      _ ("Signed in. The account is stored in the keyring as %s.\n"),
                      ovh_account_get_id (account));

  return DOMAINE_CLI_EXIT_OK;
}
