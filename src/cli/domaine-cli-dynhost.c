/* domaine-cli-dynhost.c: dynhost list|add|delete and dynhost login list|add|delete|password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords come from standard input (without echo on a terminal), never from the command
 * line, and are never printed, except the one made with --generate, printed once.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-dynhost.h"

static int
fail (GError **error)
{
  return domaine_cli_exit_code_for_error (*error);
}

/* What libovh refused in the user's input is a usage error here (its exit code). */
static int
usage (GError **error)
{
  if (*error != NULL && (*error)->domain != DOMAINE_CLI_ERROR)
    {
      GError *usage_error
          = g_error_new_literal (DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, (*error)->message);

      g_clear_error (error);
      g_propagate_error (error, usage_error);
    }
  return DOMAINE_CLI_EXIT_USAGE;
}

static JsonNode *
record_to_json (OvhDynHostRecord *record)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "id", ovh_dynhost_record_get_id (record));
  json_object_set_string_member (object, "subDomain", ovh_dynhost_record_get_subdomain (record));
  json_object_set_string_member (object, "ip", ovh_dynhost_record_get_ip (record));
  json_node_take_object (node, object);
  return node;
}

static JsonObject *
login_to_json (OvhDynHostLogin *login)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "login", ovh_dynhost_login_get_login (login));
  json_object_set_string_member (object, "subDomain", ovh_dynhost_login_get_subdomain (login));
  json_object_set_string_member (object, "zone", ovh_dynhost_login_get_zone (login));
  return object;
}

static gboolean
change_done (DomaineCli *self, GAsyncResult **slot, GError **error)
{
  return ovh_dynhost_change_finish (self->client, domaine_cli_await (self, slot), error);
}

/* Records ------------------------------------------------------------------------------------- */

int
domaine_cli_cmd_dynhost_list (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = json_array_new ();

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_dynhost_list_records_async (self->client, self->args[0], self->cancellable,
                                  domaine_cli_result_cb, &result);
  records
      = ovh_dynhost_list_records_finish (self->client, domaine_cli_await (self, &result), error);
  if (records == NULL)
    return fail (error);

  table = domaine_cli_table_new (_ ("ID"), _ ("Subdomain"), _ ("IP address"), NULL);
  domaine_cli_table_set_align_right (table, 0, TRUE);
  for (guint i = 0; i < records->len; i++)
    {
      OvhDynHostRecord *record = g_ptr_array_index (records, i);
      g_autofree char *id
          = g_strdup_printf ("%" G_GINT64_FORMAT, ovh_dynhost_record_get_id (record));
      const char *subdomain = ovh_dynhost_record_get_subdomain (record);

      json_array_add_element (array, record_to_json (record));
      domaine_cli_table_add_row (table, id, subdomain[0] != '\0' ? subdomain : "@",
                                 ovh_dynhost_record_get_ip (record), NULL);
    }
  domaine_cli_print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_dynhost_add (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OvhDynHostRecord) record = NULL;
  const char *subdomain = g_str_equal (self->args[1], "@") ? "" : self->args[1];

  /* Checked before signing in: a typo costs no request. */
  if (!ovh_dynhost_check_subdomain (subdomain, FALSE, error)
      || !ovh_dynhost_check_ip (self->args[2], error))
    return usage (error);
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_dynhost_create_record_async (self->client, self->args[0], subdomain, self->args[2],
                                   self->cancellable, domaine_cli_result_cb, &result);
  record
      = ovh_dynhost_create_record_finish (self->client, domaine_cli_await (self, &result), error);
  if (record == NULL)
    return fail (error);

  if (self->json)
    {
      g_autoptr (JsonNode) node = record_to_json (record);
      domaine_cli_print_json (self, node);
    }
  else
    {
      g_autofree char *id
          = g_strdup_printf ("%" G_GINT64_FORMAT, ovh_dynhost_record_get_id (record));

      domaine_cli_print (self, _ ("Added DynHost record %s\n"), id);
    }
  return DOMAINE_CLI_EXIT_OK;
}

int
domaine_cli_cmd_dynhost_delete (DomaineCli *self, GError **error)
{
  g_autoptr (JsonArray) deleted = json_array_new ();
  guint64 id;

  for (guint i = 1; i < self->n_args; i++)
    if (!domaine_cli_parse_id (self->args[i], _ ("DynHost record ID"), &id, error))
      return DOMAINE_CLI_EXIT_USAGE;
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  for (guint i = 1; i < self->n_args; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;

      domaine_cli_parse_id (self->args[i], _ ("DynHost record ID"), &id, NULL);
      ovh_dynhost_delete_record_async (self->client, self->args[0], (gint64) id, self->cancellable,
                                       domaine_cli_result_cb, &result);
      if (!change_done (self, &result, error))
        return fail (error);
      json_array_add_int_element (deleted, (gint64) id);
      if (!self->json)
        domaine_cli_print (self, _ ("Deleted DynHost record %s\n"), self->args[i]);
    }
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_array_member (object, "deleted", json_array_ref (deleted));
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  return DOMAINE_CLI_EXIT_OK;
}

/* Logins -------------------------------------------------------------------------------------- */

/* One line from standard input, without echo on a terminal. */
static char *
read_password (DomaineCli *self, const char *prompt)
{
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean echo_off = FALSE;
  char buffer[256];
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
  if (line != NULL)
    {
      buffer[strcspn (buffer, "\r\n")] = '\0';
      line = g_strdup (buffer);
    }
  explicit_bzero (buffer, sizeof buffer);
  return line;
}

static void
password_free (char *password)
{
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  g_free (password);
}

typedef char Password;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Password, password_free)

/* The new password: generated, or read (twice on a terminal) and checked. */
static char *
new_password (DomaineCli *self, GError **error)
{
  g_autoptr (Password) password = NULL;

  if (self->generate)
    return ovh_dynhost_generate_password ();

  password = read_password (self, _ ("New DynHost password: "));
  if (password == NULL)
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("No password on standard input (or use --generate)"));
      return NULL;
    }
  if (!ovh_dynhost_check_password (password, error))
    return NULL;
  if (isatty (STDIN_FILENO))
    {
      g_autoptr (Password) again = read_password (self, _ ("Same password again: "));

      if (again == NULL || !g_str_equal (again, password))
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       _ ("The two passwords differ"));
          return NULL;
        }
    }
  return g_steal_pointer (&password);
}

/* The generated password, printed once; nothing when the user typed it. */
static void
print_login_result (DomaineCli *self, JsonObject *object, const char *message, const char *password)
{
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      if (self->generate)
        json_object_set_string_member (object, "password", password);
      json_node_set_object (node, object);
      domaine_cli_print_json (self, node);
      return;
    }
  domaine_cli_print (self, "%s\n", message);
  if (self->generate)
    /* Translators: a generated password follows */
    domaine_cli_print (self, _ ("Password (shown only now): %s\n"), password);
}

static int
login_list (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) logins = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = json_array_new ();

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  ovh_dynhost_list_logins_async (self->client, self->args[1], self->cancellable,
                                 domaine_cli_result_cb, &result);
  logins = ovh_dynhost_list_logins_finish (self->client, domaine_cli_await (self, &result), error);
  if (logins == NULL)
    return fail (error);

  table = domaine_cli_table_new (_ ("Login"), _ ("Allowed subdomain"), NULL);
  for (guint i = 0; i < logins->len; i++)
    {
      OvhDynHostLogin *login = g_ptr_array_index (logins, i);

      json_array_add_object_element (array, login_to_json (login));
      domaine_cli_table_add_row (table, ovh_dynhost_login_get_login (login),
                                 ovh_dynhost_login_get_subdomain (login), NULL);
    }
  domaine_cli_print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

static int
login_add (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OvhDynHostLogin) login = NULL;
  g_autoptr (Password) password = NULL;
  g_autofree char *message = NULL;

  if (!ovh_dynhost_check_login_suffix (self->args[2], error)
      || !ovh_dynhost_check_subdomain (self->args[3], TRUE, error))
    return usage (error);
  password = new_password (self, error);
  if (password == NULL)
    return usage (error);
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_dynhost_create_login_async (self->client, self->args[1], self->args[2], self->args[3],
                                  password, self->cancellable, domaine_cli_result_cb, &result);
  login = ovh_dynhost_create_login_finish (self->client, domaine_cli_await (self, &result), error);
  if (login == NULL)
    return fail (error);

  message = g_strdup_printf (_ ("Added DynHost login %s"), ovh_dynhost_login_get_login (login));
  print_login_result (self, login_to_json (login), message, password);
  return DOMAINE_CLI_EXIT_OK;
}

static int
login_password (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (Password) password = new_password (self, error);
  g_autofree char *message = NULL;
  JsonObject *object;

  if (password == NULL)
    return usage (error);
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_dynhost_change_password_async (self->client, self->args[1], self->args[2], password,
                                     self->cancellable, domaine_cli_result_cb, &result);
  if (!change_done (self, &result, error))
    return fail (error);

  object = json_object_new ();
  json_object_set_string_member (object, "login", self->args[2]);
  message = g_strdup_printf (_ ("Changed the password of %s"), self->args[2]);
  print_login_result (self, object, message, password);
  return DOMAINE_CLI_EXIT_OK;
}

static int
login_delete (DomaineCli *self, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;
  ovh_dynhost_delete_login_async (self->client, self->args[1], self->args[2], self->cancellable,
                                  domaine_cli_result_cb, &result);
  if (!change_done (self, &result, error))
    return fail (error);
  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "deleted", self->args[2]);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    domaine_cli_print (self, _ ("Deleted DynHost login %s\n"), self->args[2]);
  return DOMAINE_CLI_EXIT_OK;
}

/* dynhost login SUBCOMMAND ZONE …: the subcommands' own arguments and options. */
int
domaine_cli_cmd_dynhost_login (DomaineCli *self, GError **error)
{
  static const struct
  {
    const char *name;
    const char *synopsis;
    guint n_args; /* with the subcommand's name */
    gboolean takes_generate;
    int (*func) (DomaineCli *self, GError **error);
  } subcommands[] = {
    { "list", N_ ("dynhost login list ZONE"), 2, FALSE, login_list },
    { "add", N_ ("dynhost login add ZONE SUFFIX SUBDOMAIN [--generate]"), 4, TRUE, login_add },
    { "delete", N_ ("dynhost login delete ZONE LOGIN"), 3, FALSE, login_delete },
    { "password", N_ ("dynhost login password ZONE LOGIN [--generate]"), 3, TRUE, login_password },
  };

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      if (!g_str_equal (self->args[0], subcommands[i].name))
        continue;
      if (self->n_args != subcommands[i].n_args
          || (self->generate && !subcommands[i].takes_generate))
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       _ ("Usage: domaine-cli %s"), _ (subcommands[i].synopsis));
          return DOMAINE_CLI_EXIT_USAGE;
        }
      return subcommands[i].func (self, error);
    }
  g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, _ ("“%s” needs one of: %s"),
               "dynhost login", "list, add, delete, password");
  return DOMAINE_CLI_EXIT_USAGE;
}
