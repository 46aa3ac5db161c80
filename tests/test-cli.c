/* test-cli.c: domaine-cli as users run it, against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built binary runs as a subprocess (GSubprocess) with the test session's bus, so it
 * reads the same gnome-keyring the test writes accounts into; the sandbox serves from a
 * thread of this process, over HTTP and over HTTPS (the CLI then trusts it with --ca-file).
 * Accounts are selected with --endpoint (the sandbox's unique URL), so other test programs
 * writing to the same keyring at the same time cannot change which account is "the only one".
 */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "domaine-cli-table.h"
#include "domaine-cli.h"
#include "ovh-account-store.h"
#include "ovh-zone-file.h"
#include "ovh-zone-snapshot.h"
#include "ovh-changeset.h"
#include "ovh-dynhost.h"
#include "test-fixture.h"

/* A keyring account for the fixture's sandbox, a scratch directory, and how to run the CLI */

typedef struct
{
  OvhTestFixture *fixture;
  OvhAccountStore *store;
  GPtrArray *accounts; /* OvhAccount added to the keyring, removed at the end */
  OvhAccount *account;
  char *directory;
  char *out;
  char *err;
  GPtrArray *extra_env; /* "NAME=value" set in the CLI's environment */
} CliTest;

static OvhAccount *
cli_test_add_account (CliTest *test,
                      const char *label,
                      const char *base_url,
                      const char *consumer_key)
{
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  account = ovh_account_new (base_url, OVH_SANDBOX_APPLICATION_KEY, OVH_SANDBOX_APPLICATION_SECRET,
                             consumer_key);
  ovh_account_set_label (account, label);
  ovh_account_set_nichandle (account, OVH_SANDBOX_NICHANDLE);
  ovh_account_store_add_async (test->store, account, NULL, ovh_test_store_result, &result);
  ovh_account_store_add_finish (test->store, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_ptr_array_add (test->accounts, g_object_ref (account));

  return account;
}

static CliTest *
cli_test_new (OvhTestFixture *fixture)
{
  CliTest *test = g_new0 (CliTest, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;

  test->fixture = fixture;
  test->store = ovh_test_load_account_store ();
  test->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  test->extra_env = g_ptr_array_new_with_free_func (g_free);
  label = g_strdup_printf ("cli-test-%u", ovh_sandbox_get_port (fixture->sandbox));
  test->account = cli_test_add_account (test, label, ovh_sandbox_get_base_url (fixture->sandbox),
                                        OVH_SANDBOX_CONSUMER_KEY);
  test->directory = g_dir_make_tmp ("domaine-cli-test-XXXXXX", &error);
  g_assert_no_error (error);

  return test;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
cli_test_free (CliTest *test)
{
  for (guint i = 0; i < test->accounts->len; i++)
    ovh_test_remove_account (test->store, g_ptr_array_index (test->accounts, i));
  g_ptr_array_unref (test->accounts);
  g_ptr_array_unref (test->extra_env);
  g_object_unref (test->store);
  remove_tree (test->directory);
  g_free (test->directory);
  g_free (test->out);
  g_free (test->err);
  g_free (test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTest, cli_test_free)

static GSubprocessLauncher *
new_launcher (CliTest *test, GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  const char *const ovh_variables[] = {
    "OVH_ENDPOINT",     "OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET",
    "OVH_CONSUMER_KEY", "OVH_CLIENT_ID",       "OVH_CLIENT_SECRET",
  };

  /* No ovh.conf or OVH_* of the machine may stand in for the keyring account. */
  for (guint i = 0; i < G_N_ELEMENTS (ovh_variables); i++)
    g_subprocess_launcher_unsetenv (launcher, ovh_variables[i]);
  g_subprocess_launcher_unsetenv (launcher, "G_MESSAGES_DEBUG");
  /* LeakSanitizer's exit check can crash on a worker thread that is still winding down
   * ("Tracer caught signal 11"), turning a good run into exit 1: the CLI's leaks are checked
   * under valgrind (./dev.sh valgrind) instead. */
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", "detect_leaks=0:detect_odr_violation=0",
                                TRUE);
  g_subprocess_launcher_set_cwd (launcher, test->directory);
  for (guint i = 0; i < test->extra_env->len; i++)
    {
      g_auto (GStrv) pair = g_strsplit (g_ptr_array_index (test->extra_env, i), "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  return launcher;
}

/* The CLI's arguments: --endpoint (which account) and --ca-file (HTTPS) come first. */
static GPtrArray *
build_argv (CliTest *test, const char *endpoint, const char *first_arg, va_list args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) DOMAINE_CLI_PATH);
  if (endpoint != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--endpoint");
      g_ptr_array_add (argv, (gpointer) endpoint);
    }
  if (test->fixture->tls)
    {
      g_ptr_array_add (argv, (gpointer) "--ca-file");
      g_ptr_array_add (argv, (gpointer) ovh_sandbox_get_ca_file (test->fixture->sandbox));
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  return argv;
}

static int
run_cli_at_endpointv (CliTest *test, const char *endpoint, const char *first_arg, va_list args)
{
  g_autoptr (GSubprocessLauncher) launcher
      = new_launcher (test, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = build_argv (test, endpoint, first_arg, args);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&test->out, g_free);
  g_clear_pointer (&test->err, g_free);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &test->out, &test->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (g_test_verbose ())
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata);

      g_printerr ("$ %s\n%s%s→ %d\n", command, test->out, test->err,
                  g_subprocess_get_exit_status (process));
    }

  return g_subprocess_get_exit_status (process);
}

/* Runs domaine-cli with the fixture account's endpoint; returns the exit status. */
static int G_GNUC_NULL_TERMINATED
run_cli (CliTest *test, const char *first_arg, ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_cli_at_endpointv (test, ovh_sandbox_get_base_url (test->fixture->sandbox), first_arg,
                                 args);
  va_end (args);

  return status;
}

static int G_GNUC_NULL_TERMINATED
run_cli_at_endpoint (CliTest *test, const char *endpoint, const char *first_arg, ...)
{
  va_list args;
  int status;

  va_start (args, first_arg);
  status = run_cli_at_endpointv (test, endpoint, first_arg, args);
  va_end (args);

  return status;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The last output as JSON; an error line on stderr would have failed the exit code check. */
static JsonNode *
output_json (CliTest *test)
{
  return parse_json (test->out);
}

/* One error line on stderr, "domaine-cli: …". */
static void
assert_one_error_line (CliTest *test)
{
  guint n_lines = 0;

  g_assert_true (g_str_has_prefix (test->err, "domaine-cli: "));
  g_assert_true (g_str_has_suffix (test->err, "\n"));
  for (const char *p = test->err; *p != '\0'; p++)
    n_lines += (*p == '\n');
  g_assert_cmpuint (n_lines, ==, 1);
}

/* method NULL: any method. */
static guint
count_requests (CliTest *test, const char *method, const char *glob)
{
  return ovh_sandbox_get_request_count (test->fixture->sandbox, method, glob);
}

static JsonArray *
sandbox_records (CliTest *test, const char *zone, JsonNode **holder)
{
  g_autofree char *json = ovh_sandbox_dup_records_json (test->fixture->sandbox, zone);

  *holder = parse_json (json);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*holder));
  return json_node_get_array (*holder);
}

static JsonObject *
find_record (JsonArray *records, const char *sub_domain, const char *type, const char *target)
{
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      const char *sub = json_object_get_string_member_with_default (record, "subDomain", "");

      if (g_str_equal (sub, sub_domain)
          && g_str_equal (json_object_get_string_member (record, "fieldType"), type)
          && (target == NULL
              || g_str_equal (json_object_get_string_member (record, "target"), target)))
        return record;
    }

  return NULL;
}

/* Table alignment: cells separated by two spaces or more, in display columns. Left-aligned
 * columns start at the same column on every line, right-aligned ones end at the same one. */
typedef struct
{
  gsize start;
  gsize end;
} Cell;

static GArray *
split_cells (const char *line)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  gsize column = 0;
  gsize spaces = 2;
  Cell cell = { 0, 0 };
  gboolean in_cell = FALSE;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize width = g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;

      if (c == ' ')
        {
          spaces++;
          if (in_cell && spaces >= 2)
            {
              g_array_append_val (cells, cell);
              in_cell = FALSE;
            }
        }
      else
        {
          if (!in_cell)
            {
              cell.start = column;
              in_cell = TRUE;
            }
          spaces = 0;
          cell.end = column + width;
        }
      column += width;
    }
  if (in_cell)
    g_array_append_val (cells, cell);

  return cells;
}

static void
assert_aligned (const char *text, const char *right_aligned /* "lrrl…" per column */)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GArray) header = NULL;
  guint n_columns = strlen (right_aligned);
  guint n_lines = 0;

  g_assert_nonnull (lines[0]);
  header = split_cells (lines[0]);
  g_assert_cmpuint (header->len, ==, n_columns);

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++, n_lines++)
    {
      g_autoptr (GArray) cells = split_cells (lines[i]);

      g_assert_false (g_str_has_suffix (lines[i], " "));
      g_assert_cmpuint (cells->len, ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          Cell *h = &g_array_index (header, Cell, c);
          Cell *cell = &g_array_index (cells, Cell, c);

          if (right_aligned[c] == 'r')
            g_assert_cmpuint (cell->end, ==, h->end);
          else
            g_assert_cmpuint (cell->start, ==, h->start);
        }
    }
  g_assert_cmpuint (n_lines, >, 0);
}

/* The table module, in-process ---------------------------------------------------------- */

static void
test_table_width (void)
{
  g_assert_cmpuint (domaine_cli_utf8_width (""), ==, 0);
  g_assert_cmpuint (domaine_cli_utf8_width ("abc"), ==, 3);
  g_assert_cmpuint (domaine_cli_utf8_width ("é"), ==, 1);         /* precomposed */
  g_assert_cmpuint (domaine_cli_utf8_width ("e\xcc\x81"), ==, 1); /* e + combining acute */
  g_assert_cmpuint (domaine_cli_utf8_width ("日本"), ==, 4);
  g_assert_cmpuint (domaine_cli_utf8_width ("a\xff"
                                            "b"),
                    ==, 3); /* an invalid byte */
}

static void
test_table_format (void)
{
  g_autoptr (DomaineCliTable) table = domaine_cli_table_new ("Nom", "TTL", "Valeur", NULL);
  g_autofree char *text = NULL;

  domaine_cli_table_set_align_right (table, 1, TRUE);
  domaine_cli_table_add_row (table, "café", "60", "v=spf1 -all", NULL);
  domaine_cli_table_add_row (table, "日本語", "3600", "ok", NULL);
  domaine_cli_table_add_row (table, "e\xcc\x81t\xc3\xa9", "0", "line\nbreak", NULL);
  domaine_cli_table_add_row (table, "short", NULL);
  text = domaine_cli_table_format (table);

  g_assert_cmpstr (text, ==,
                   "Nom      TTL  Valeur\n"
                   "café      60  v=spf1 -all\n"
                   "日本語  3600  ok\n"
                   "e\xcc\x81t\xc3\xa9        0  line\xef\xbf\xbd"
                   "break\n"
                   "short\n");
}

/* Exit codes, in-process: every class of failure. */
static void
test_exit_codes (void)
{
  struct
  {
    GQuark domain;
    int code;
    DomaineCliExit expected;
  } cases[] = {
    { DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, DOMAINE_CLI_EXIT_USAGE },
    { DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH, DOMAINE_CLI_EXIT_AUTH },
    { DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_NOT_FOUND, DOMAINE_CLI_EXIT_NOT_FOUND },
    { DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_FAILED, DOMAINE_CLI_EXIT_API },
    { G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, DOMAINE_CLI_EXIT_USAGE },
    { OVH_ERROR, OVH_ERROR_INVALID_KEY, DOMAINE_CLI_EXIT_AUTH },
    { OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL, DOMAINE_CLI_EXIT_AUTH },
    { OVH_ERROR, OVH_ERROR_INVALID_SIGNATURE, DOMAINE_CLI_EXIT_AUTH },
    { OVH_ERROR, OVH_ERROR_NOT_GRANTED, DOMAINE_CLI_EXIT_AUTH },
    { OVH_ERROR, OVH_ERROR_NOT_FOUND, DOMAINE_CLI_EXIT_NOT_FOUND },
    { OVH_ERROR, OVH_ERROR_NETWORK, DOMAINE_CLI_EXIT_NETWORK },
    { OVH_ERROR, OVH_ERROR_TLS, DOMAINE_CLI_EXIT_NETWORK },
    { OVH_ERROR, OVH_ERROR_SERVER, DOMAINE_CLI_EXIT_API },
    { OVH_ERROR, OVH_ERROR_CONFLICT, DOMAINE_CLI_EXIT_API },
    { OVH_ERROR, OVH_ERROR_BAD_PARAMETERS, DOMAINE_CLI_EXIT_API },
    { OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, DOMAINE_CLI_EXIT_API },
    { OVH_ACCOUNT_STORE_ERROR, OVH_ACCOUNT_STORE_ERROR_UNAVAILABLE, DOMAINE_CLI_EXIT_AUTH },
    { G_IO_ERROR, G_IO_ERROR_CANCELLED, DOMAINE_CLI_EXIT_CANCELLED },
    { OVH_CHANGESET_ERROR, OVH_CHANGESET_ERROR_UNKNOWN_OUTCOME, DOMAINE_CLI_EXIT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = g_error_new_literal (cases[i].domain, cases[i].code, "x");

      g_assert_cmpint (domaine_cli_exit_code_for_error (error), ==, cases[i].expected);
    }
}

/* Usage errors need neither a server nor an account: run in-process. */
static void
test_usage_errors (void)
{
  const char *const *cases[] = {
    (const char *const[]){ NULL },
    (const char *const[]){ "frobnicate", NULL },
    (const char *const[]){ "records", NULL },
    (const char *const[]){ "records", "list", NULL },
    (const char *const[]){ "records", "list", "a.example", "b.example", NULL },
    (const char *const[]){ "records", "list", "a.example", "--value", "x", NULL },
    (const char *const[]){ "me", "--ttl", "60", NULL },
    (const char *const[]){ "--no-such-option", "me", NULL },
    (const char *const[]){ "records", "delete", "a.example", "12", "twelve", NULL },
    (const char *const[]){ "records", "add", "a.example", "--type", "A", "--name", "w", NULL },
    (const char *const[]){ "records", "add", "a.example", "--type", "A", "--name", "w", "--value",
                           "192.0.2.1", "--ttl", "soon", NULL },
    (const char *const[]){ "records", "add", "a.example", "--type", "A", "--name", "w", "--value",
                           "192.0.2.300", NULL },
    (const char *const[]){ "records", "add", "a.example", "--type", "BOGUS", "--name", "w",
                           "--value", "x", NULL },
    (const char *const[]){ "records", "add", "a.example", "--type", "CNAME", "--name", "@",
                           "--value", "b.example.", NULL },
    (const char *const[]){ "records", "add", "a.example", "--type", "A", "--name", "w", "--value",
                           "192.0.2.1", "--ttl", "-5", NULL },
    (const char *const[]){ "records", "set", "a.example", "12", NULL },
    (const char *const[]){ "login", "--preset", "everything", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) argv = g_ptr_array_new ();
      char *out_data = NULL, *err_data = NULL;
      size_t out_size = 0, err_size = 0;
      FILE *out_file = open_memstream (&out_data, &out_size);
      FILE *err_file = open_memstream (&err_data, &err_size);
      int status;

      g_ptr_array_add (argv, (gpointer) "domaine-cli");
      /* An endpoint nothing listens on: a usage error must be found before any request. */
      g_ptr_array_add (argv, (gpointer) "--endpoint");
      g_ptr_array_add (argv, (gpointer) "http://127.0.0.1:9/1.0");
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (argv, (gpointer) cases[i][j]);
      g_ptr_array_add (argv, NULL);

      status
          = domaine_cli_run ((int) argv->len - 1, (char **) argv->pdata, out_file, err_file, FALSE);
      fclose (out_file);
      fclose (err_file);
      if (g_test_verbose ())
        g_printerr ("case %u: %d %s", i, status, err_data);
      g_assert_cmpint (status, ==, DOMAINE_CLI_EXIT_USAGE);
      g_assert_cmpstr (out_data, ==, "");
      g_assert_true (g_str_has_prefix (err_data, "domaine-cli: "));
      g_assert_cmpuint (strlen (err_data), >, strlen ("domaine-cli: \n"));
      free (out_data);
      free (err_data);
    }
}

static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) process = NULL;

  /* --help exits the process: run the binary. */
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, DOMAINE_CLI_PATH, "--help", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  g_assert_nonnull (strstr (out, "records add ZONE"));
  g_assert_nonnull (strstr (out, "Exit status:"));
  for (guint code = 0; code <= 5; code++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %u  ", code);

      g_assert_nonnull (strstr (out, line));
    }
}

/* Reading commands ------------------------------------------------------------------------ */

static void
test_accounts (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *account;

  g_assert_cmpint (run_cli (test, "accounts", "--json", NULL), ==, 0);
  root = output_json (test);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  /* --endpoint filters the keyring's accounts to this sandbox's. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 1);
  account = json_array_get_object_element (json_node_get_array (root), 0);
  g_assert_cmpstr (json_object_get_string_member (account, "id"), ==,
                   ovh_account_get_id (test->account));
  g_assert_cmpstr (json_object_get_string_member (account, "label"), ==,
                   ovh_account_get_label (test->account));
  g_assert_cmpstr (json_object_get_string_member (account, "nichandle"), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (json_object_get_string_member (account, "baseUrl"), ==,
                   ovh_sandbox_get_base_url (fixture->sandbox));
  g_assert_cmpstr (json_object_get_string_member (account, "applicationKey"), ==,
                   OVH_SANDBOX_APPLICATION_KEY);
  /* Never a secret. */
  g_assert_null (strstr (test->out, OVH_SANDBOX_APPLICATION_SECRET));
  g_assert_null (strstr (test->out, OVH_SANDBOX_CONSUMER_KEY));

  g_assert_cmpint (run_cli (test, "accounts", NULL), ==, 0);
  assert_aligned (test->out, "llll");
  g_assert_nonnull (strstr (test->out, ovh_account_get_id (test->account)));
}

static void
test_me (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *me;

  g_assert_cmpint (run_cli (test, "me", "--json", NULL), ==, 0);
  root = output_json (test);
  me = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (me, "nichandle"), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (json_object_get_string_member (me, "email"), ==, OVH_SANDBOX_EMAIL);
  g_assert_cmpstr (json_object_get_string_member (me, "displayName"), ==, "Ada Lovelace");
  g_assert_cmpstr (test->err, ==, "");

  /* -v logs each request (to stderr, never on stdout) without a secret. */
  g_assert_cmpint (run_cli (test, "-v", "me", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (test->err, "GET /me"));
  g_assert_null (strstr (test->err, OVH_SANDBOX_CONSUMER_KEY));
  g_assert_null (strstr (test->err, OVH_SANDBOX_APPLICATION_SECRET));
  g_clear_pointer (&root, json_node_unref);
  root = output_json (test);

  /* By label too, and the human form. */
  g_assert_cmpint (run_cli (test, "--account", ovh_account_get_label (test->account), "me", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (test->out, OVH_SANDBOX_NICHANDLE));
  g_assert_nonnull (strstr (test->out, "Ada Lovelace"));
}

static void
test_domains (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *domains;
  gboolean found = FALSE;

  g_assert_cmpint (run_cli (test, "domains", "--json", NULL), ==, 0);
  root = output_json (test);
  domains = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (domains), >, 1);
  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonObject *domain = json_array_get_object_element (domains, i);

      if (g_str_equal (json_object_get_string_member (domain, "name"), "lovelace.fr"))
        {
          found = TRUE;
          g_assert_true (json_object_get_boolean_member (domain, "hasZone"));
          g_assert_true (json_object_get_boolean_member (domain, "registered"));
        }
    }
  g_assert_true (found);

  g_assert_cmpint (run_cli (test, "domains", NULL), ==, 0);
  assert_aligned (test->out, "lll");

  /* What bash completion offers for ZONE: the zones of the chosen account. */
  g_assert_cmpint (run_cli (test, "__complete", "zones", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "lovelace.fr\n"));
  g_assert_cmpint (run_cli (test, "__complete", "accounts", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, ovh_account_get_id (test->account)));
}

static void
test_domain_show (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) automatic_root = NULL;
  g_autoptr (JsonNode) infos_node = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *domain, *renewal, *contacts, *infos;
  JsonArray *servers;

  /* The seeded domain renewed by hand, 20 days from expiry. */
  g_assert_cmpint (run_cli (test, "domain", "show", "analytical-engine.com", "--json", NULL), ==,
                   0);
  root = output_json (test);
  domain = json_node_get_object (root);
  renewal = json_object_get_object_member (domain, "renewal");
  contacts = json_object_get_object_member (domain, "contacts");
  servers = json_object_get_array_member (domain, "nameServers");
  g_assert_cmpstr (json_object_get_string_member (domain, "name"), ==, "analytical-engine.com");
  g_assert_cmpstr (json_object_get_string_member (renewal, "mode"), ==, "manual");
  g_assert_true (json_object_get_null_member (renewal, "period"));
  g_assert_true (json_object_get_boolean_member (domain, "expiresSoon"));
  g_assert_cmpint (json_object_get_int_member (domain, "daysLeft"), >=, 19);
  g_assert_cmpint (json_object_get_int_member (domain, "daysLeft"), <=, 20);
  g_assert_cmpstr (json_object_get_string_member (domain, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (domain, "nameServerType"), ==, "hosted");
  g_assert_cmpuint (json_array_get_length (servers), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (servers, 0), ==, "dns200.anycast.me");
  for (guint i = 0; i < 4; i++)
    {
      const char *role = (const char *[]){ "owner", "admin", "tech", "billing" }[i];

      g_assert_cmpstr (json_object_get_string_member (contacts, role), ==, OVH_SANDBOX_NICHANDLE);
    }

  /* The dates are OVH's, day for day. */
  infos_node = ovh_test_call (fixture->client, "GET", "/domain/analytical-engine.com/serviceInfos",
                              NULL, &error);
  g_assert_no_error (error);
  infos = json_node_get_object (infos_node);
  g_assert_cmpstr (json_object_get_string_member (domain, "expiration"), ==,
                   json_object_get_string_member (infos, "expiration"));
  g_assert_cmpstr (json_object_get_string_member (domain, "creation"), ==,
                   json_object_get_string_member (infos, "creation"));

  /* For people: the table and the warning line. */
  g_assert_cmpint (run_cli (test, "domain", "show", "analytical-engine.com", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "Renewal:"));
  g_assert_nonnull (strstr (test->out, "Manual"));
  g_assert_nonnull (strstr (test->out, "Administrative contact:"));
  g_assert_nonnull (strstr (test->out, "dns200.anycast.me, ns200.anycast.me"));
  g_assert_nonnull (strstr (test->out, "Warning: analytical-engine.com expires in "));
  g_assert_nonnull (strstr (test->out, "does not renew automatically."));

  /* Renewed automatically: no warning. */
  g_assert_cmpint (run_cli (test, "domain", "show", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "Automatic, every 12 months"));
  g_assert_null (strstr (test->out, "Warning:"));
  g_assert_cmpint (run_cli (test, "domain", "show", "lovelace.fr", "--json", NULL), ==, 0);
  automatic_root = output_json (test);
  g_assert_false (
      json_object_get_boolean_member (json_node_get_object (automatic_root), "expiresSoon"));

  /* A zone registered elsewhere has no registration at OVH; a bad name is refused unsent. */
  g_assert_cmpint (run_cli (test, "domain", "show", "countess.dev", NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
  g_assert_cmpint (run_cli (test, "domain", "show", "../me", NULL), ==, DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "domain", "show", NULL), ==, DOMAINE_CLI_EXIT_USAGE);
}

static void
test_zone_show (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  JsonObject *zone;

  g_assert_cmpint (run_cli (test, "zone", "show", "lovelace.fr", "--json", NULL), ==, 0);
  root = output_json (test);
  zone = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (zone, "name"), ==, "lovelace.fr");
  g_assert_cmpint (json_object_get_int_member (zone, "serial"), ==,
                   ovh_sandbox_get_zone_serial (fixture->sandbox, "lovelace.fr"));
  g_assert_cmpint (json_object_get_int_member (zone, "records"), ==,
                   json_array_get_length (records));
  g_assert_true (json_object_get_boolean_member (zone, "deployed"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (zone, "nameServers")), >,
                    0);

  /* What the API says, member for member. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonNode) info_node
        = ovh_test_call (fixture->client, "GET", "/domain/zone/lovelace.fr", NULL, &error);
    g_autoptr (JsonNode) soa_node
        = ovh_test_call (fixture->client, "GET", "/domain/zone/lovelace.fr/soa", NULL, &error);
    JsonObject *info = json_node_get_object (info_node);
    JsonObject *soa = json_node_get_object (soa_node);
    JsonArray *expected_servers = json_object_get_array_member (info, "nameServers");
    JsonArray *servers = json_object_get_array_member (zone, "nameServers");

    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (zone, "name"), ==,
                     json_object_get_string_member (info, "name"));
    g_assert_cmpstr (json_object_get_string_member (zone, "lastUpdate"), ==,
                     json_object_get_string_member (info, "lastUpdate"));
    g_assert_cmpuint (json_array_get_length (servers), ==,
                      json_array_get_length (expected_servers));
    for (guint i = 0; i < json_array_get_length (servers); i++)
      g_assert_cmpstr (json_array_get_string_element (servers, i), ==,
                       json_array_get_string_element (expected_servers, i));
    g_assert_true (json_object_get_boolean_member (zone, "dnssecSupported")
                   == json_object_get_boolean_member (info, "dnssecSupported"));
    g_assert_true (json_object_get_boolean_member (zone, "hasDnsAnycast")
                   == json_object_get_boolean_member (info, "hasDnsAnycast"));
    g_assert_cmpint (json_object_get_int_member (zone, "serial"), ==,
                     json_object_get_int_member (soa, "serial"));
    g_assert_cmpint (json_object_get_int_member (zone, "defaultTtl"), ==,
                     json_object_get_int_member (soa, "ttl"));
    g_assert_cmpstr (json_object_get_string_member (zone, "soaServer"), ==,
                     json_object_get_string_member (soa, "server"));
    g_assert_cmpstr (json_object_get_string_member (zone, "soaEmail"), ==,
                     json_object_get_string_member (soa, "email"));
  }

  g_assert_cmpint (run_cli (test, "zone", "show", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "Serial:"));
}

static void
test_records_list (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  JsonArray *expected = sandbox_records (test, "lovelace.fr", &holder);
  JsonArray *records;

  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--json", NULL), ==, 0);
  root = output_json (test);
  records = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (records), ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      const char *members[] = { "id", "zone", "subDomain", "fieldType", "target", "ttl" };

      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (record, members[m]));
      g_assert_cmpstr (json_object_get_string_member (record, "zone"), ==, "lovelace.fr");
    }
  g_clear_pointer (&root, json_node_unref);

  /* Filters: case-insensitive type, "@" for the apex. */
  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--type", "mx", "--name", "@",
                            "--json", NULL),
                   ==, 0);
  root = output_json (test);
  records = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (records), ==, 2);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      g_assert_cmpstr (json_object_get_string_member (record, "fieldType"), ==, "MX");
      g_assert_cmpstr (json_object_get_string_member (record, "subDomain"), ==, "");
    }

  /* Human output: aligned, the ID and TTL columns to the right. */
  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--type", "A", NULL), ==, 0);
  assert_aligned (test->out, "rllrl");
  {
    g_autofree char *first_line = g_strdup (test->out);

    g_assert_true (g_str_has_prefix (g_strchug (first_line), "ID  Name"));
  }
}

/* A second listing of an unchanged zone is its SOA alone: the records come from the cache the
 * application shares, and the clock offset from the first run. A change made by the command
 * line, even unpublished, is never hidden by it. */
static void
test_records_list_cached (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autofree char *first = NULL;

  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--json", NULL), ==, 0);
  first = g_strdup (test->out);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--json", NULL), ==, 0);
  g_assert_cmpstr (test->out, ==, first);
  g_assert_cmpuint (count_requests (test, NULL, "*"), ==, 1);
  g_assert_cmpuint (count_requests (test, "GET", "/domain/zone/lovelace.fr/soa"), ==, 1);

  g_assert_cmpint (run_cli (test, "--no-publish", "records", "add", "lovelace.fr", "--type", "A",
                            "--name", "cached-not", "--value", "192.0.2.77", NULL),
                   ==, 0);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (
      run_cli (test, "records", "list", "lovelace.fr", "--name", "cached-not", "--json", NULL), ==,
      0);
  g_assert_nonnull (strstr (test->out, "192.0.2.77"));
  g_assert_cmpuint (count_requests (test, "GET", "/domain/zone/lovelace.fr/record"), >=, 1);
}

/* Changes ---------------------------------------------------------------------------------- */

static void
test_records_add_publishes_once (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  JsonObject *result, *record;
  guint serial = ovh_sandbox_get_zone_serial (fixture->sandbox, "lovelace.fr");

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "TXT", "--name",
                            "_acme-challenge", "--value", "token-é 1", "--ttl", "60", "--json",
                            NULL),
                   ==, 0);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_true (json_object_get_boolean_member (result, "published"));
  record = json_object_get_object_member (result, "record");
  g_assert_cmpint (json_object_get_int_member (record, "id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "subDomain"), ==, "_acme-challenge");
  g_assert_cmpstr (json_object_get_string_member (record, "target"), ==, "token-é 1");
  g_assert_cmpint (json_object_get_int_member (record, "ttl"), ==, 60);

  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/record"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));
  g_assert_cmpuint (ovh_sandbox_get_zone_serial (fixture->sandbox, "lovelace.fr"), >, serial);
  g_assert_nonnull (
      find_record (sandbox_records (test, "lovelace.fr", &holder), "_acme-challenge", "TXT", NULL));

  /* Human: the record as a table row, notes on stderr. */
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name",
                            "host.lovelace.fr.", "--value", "192.0.2.44", NULL),
                   ==, 0);
  assert_aligned (test->out, "rllrl");
  g_assert_nonnull (strstr (test->out, "host "));
  g_assert_nonnull (strstr (test->err, "Published lovelace.fr"));
}

/* OVH's known bug: the create answers id 0. records add still prints the record's real id,
 * also when another record of the same type and name exists. */
static gint64
sandbox_id_of (CliTest *test, const char *zone, const char *sub_domain, const char *target)
{
  g_autoptr (JsonNode) holder = NULL;
  JsonObject *record = find_record (sandbox_records (test, zone, &holder), sub_domain, "A", target);

  g_assert_nonnull (record);
  return json_object_get_int_member (record, "id");
}

static void
test_records_add_id_zero (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;
  g_autofree char *expected_id = NULL;
  g_auto (GStrv) rows = NULL;
  guint n_rows = 0;
  gint64 first_id, second_id, third_id;

  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, TRUE);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "twin",
                            "--value", "192.0.2.61", "--ttl", "60", "--json", NULL),
                   ==, 0);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/record"), ==, 1);
  first = output_json (test);
  first_id = json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (first), "record"), "id");
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (first_id, ==, sandbox_id_of (test, "lovelace.fr", "twin", "192.0.2.61"));

  /* Same type and name, another target: its own id, not the first one's. */
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "twin",
                            "--value", "192.0.2.62", "--ttl", "60", "--json", NULL),
                   ==, 0);
  second = output_json (test);
  second_id = json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (second), "record"), "id");
  g_assert_cmpint (second_id, ==, sandbox_id_of (test, "lovelace.fr", "twin", "192.0.2.62"));
  g_assert_cmpint (second_id, !=, first_id);

  /* The table a person reads shows the real id too. */
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "twin",
                            "--value", "192.0.2.63", NULL),
                   ==, 0);
  third_id = sandbox_id_of (test, "lovelace.fr", "twin", "192.0.2.63");
  expected_id = g_strdup_printf ("%" G_GINT64_FORMAT, third_id);
  rows = g_strsplit (test->out, "\n", -1);
  for (guint i = 0; rows[i] != NULL; i++)
    if (strstr (rows[i], "192.0.2.63") != NULL)
      {
        g_auto (GStrv) cells = g_strsplit (g_strstrip (rows[i]), " ", 2);

        g_assert_cmpstr (cells[0], ==, expected_id);
        n_rows++;
      }
  g_assert_cmpuint (n_rows, ==, 1);

  ovh_sandbox_set_create_answers_id_zero (fixture->sandbox, FALSE);
}

static void
test_records_no_publish (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) listed = NULL;
  guint serial = ovh_sandbox_get_zone_serial (fixture->sandbox, "countess.dev");
  gint64 id;

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "--no-publish", "records", "add", "countess.dev", "--type", "A",
                            "--name", "staging", "--value", "192.0.2.9", "--json", NULL),
                   ==, 0);
  root = output_json (test);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (root), "published"));
  id = json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (root), "record"), "id");

  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/countess.dev/refresh"), ==, 0);
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->sandbox, "countess.dev"));
  g_assert_cmpuint (ovh_sandbox_get_zone_serial (fixture->sandbox, "countess.dev"), ==, serial);

  /* The unpublished record is listed (no stale cache), and zone show says it waits. */
  g_assert_cmpint (
      run_cli (test, "records", "list", "countess.dev", "--name", "staging", "--json", NULL), ==,
      0);
  listed = output_json (test);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);
  g_assert_cmpint (json_object_get_int_member (
                       json_array_get_object_element (json_node_get_array (listed), 0), "id"),
                   ==, id);
  g_assert_cmpint (run_cli (test, "zone", "show", "countess.dev", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "changes wait for a refresh"));

  /* zone refresh publishes: one refresh. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "zone", "refresh", "countess.dev", NULL), ==, 0);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/countess.dev/refresh"), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "countess.dev"));
}

static void
test_records_set (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autofree char *id = NULL;
  JsonObject *blog;
  JsonObject *record;

  blog = find_record (sandbox_records (test, "lovelace.fr", &holder), "blog", "A", NULL);
  g_assert_nonnull (blog);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (blog, "id"));
  g_clear_pointer (&holder, json_node_unref);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", id, "--value", "198.51.100.7",
                            "--ttl", "0", "--json", NULL),
                   ==, 0);
  root = output_json (test);
  record = json_object_get_object_member (json_node_get_object (root), "record");
  g_assert_cmpstr (json_object_get_string_member (record, "target"), ==, "198.51.100.7");
  g_assert_cmpint (json_object_get_int_member (record, "ttl"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (record, "subDomain"), ==, "blog");
  g_assert_cmpuint (count_requests (test, "PUT", "/domain/zone/lovelace.fr/record/*"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
  g_assert_nonnull (
      find_record (sandbox_records (test, "lovelace.fr", &holder), "blog", "A", "198.51.100.7"));

  /* A type change is refused before anything is sent. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", id, "--type", "AAAA", "--value",
                            "2001:db8::1", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);
  /* So is a value that is not valid for the record's type. */
  g_assert_cmpint (
      run_cli (test, "records", "set", "lovelace.fr", id, "--value", "not-an-ip", NULL), ==,
      DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);
}

static char *
dup_record_id (JsonArray *records, const char *sub_domain, const char *type, const char *target)
{
  JsonObject *record = find_record (records, sub_domain, type, target);

  g_assert_nonnull (record);
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (record, "id"));
}

/* Several IDs: every record updated, one refresh; an unknown ID changes nothing. */
static void
test_records_set_many (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  g_autofree char *blog = dup_record_id (records, "blog", "A", NULL);
  g_autofree char *mx1 = dup_record_id (records, "", "MX", "1 mx1.mail.ovh.net.");
  g_autofree char *mx2 = dup_record_id (records, "", "MX", "5 mx2.mail.ovh.net.");
  JsonObject *result;
  JsonArray *updated;

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", blog, mx1, mx2, "--ttl", "300",
                            "--json", NULL),
                   ==, 0);
  root = output_json (test);
  result = json_node_get_object (root);
  updated = json_object_get_array_member (result, "updated");
  g_assert_cmpuint (json_array_get_length (updated), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (updated, i), "ttl"),
                     ==, 300);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (updated, 0), "subDomain"), ==,
      "blog");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "failed")), ==, 0);
  g_assert_true (json_object_get_boolean_member (result, "published"));
  g_assert_cmpuint (count_requests (test, "PUT", "/domain/zone/lovelace.fr/record/*"), ==, 3);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);

  /* Again: nothing left to change, nothing sent, nothing published. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (
      run_cli (test, "records", "set", "lovelace.fr", blog, mx1, "--ttl", "300", "--json", NULL),
      ==, 0);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "unchanged")), ==,
                    2);
  g_assert_false (json_object_get_boolean_member (result, "published"));
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);

  /* An unknown ID among known ones fails before anything is changed. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (
      run_cli (test, "records", "set", "lovelace.fr", blog, "999999", mx1, "--ttl", "60", NULL), ==,
      DOMAINE_CLI_EXIT_NOT_FOUND);
  assert_one_error_line (test);
  g_assert_nonnull (strstr (test->err, "999999"));
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);

  /* So does a value one of the records' types refuses. */
  g_assert_cmpint (
      run_cli (test, "records", "set", "lovelace.fr", blog, mx1, "--value", "198.51.100.9", NULL),
      ==, DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);

  /* Without --json, the changed records as a table, then one publication. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", mx1, mx2, "--ttl", "600", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (test->out, "mx1.mail.ovh.net."));
  g_assert_nonnull (strstr (test->out, "mx2.mail.ovh.net."));
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
}

static void
test_records_delete (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  JsonObject *mx1 = find_record (records, "", "MX", "1 mx1.mail.ovh.net.");
  JsonObject *mx2 = find_record (records, "", "MX", "5 mx2.mail.ovh.net.");
  g_autofree char *id1
      = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (mx1, "id"));
  g_autofree char *id2
      = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (mx2, "id"));
  guint n_before = json_array_get_length (records);
  JsonObject *result;

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", id1, id2, "--json", NULL), ==,
                   0);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "deleted")), ==,
                    2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "failed")), ==, 0);
  g_assert_true (json_object_get_boolean_member (result, "published"));
  g_assert_cmpuint (count_requests (test, "DELETE", "/domain/zone/lovelace.fr/record/*"), ==, 2);
  /* Two deletes, one refresh. */
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (sandbox_records (test, "lovelace.fr", &holder)), ==,
                    n_before - 2);

  /* One gone, one present: the present one is deleted and published, the exit says 4. */
  {
    g_autoptr (JsonNode) holder2 = NULL;
    JsonObject *www
        = find_record (sandbox_records (test, "lovelace.fr", &holder2), "www", "CNAME", NULL);
    g_autofree char *www_id
        = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (www, "id"));

    ovh_sandbox_reset_request_log (fixture->sandbox);
    g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", id1, www_id, NULL), ==,
                     DOMAINE_CLI_EXIT_NOT_FOUND);
    g_assert_nonnull (strstr (test->err, id1));
    g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
    g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));
  }
}

static guint
count_lines (const char *text)
{
  guint n_lines = 0;

  for (const char *p = text; *p != '\0'; p++)
    n_lines += (*p == '\n');
  return n_lines;
}

static guint
count_records (CliTest *test, const char *sub_domain, const char *type, const char *target)
{
  g_autoptr (JsonNode) holder = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      count += g_str_equal (json_object_get_string_member_with_default (record, "subDomain", ""),
                            sub_domain)
               && g_str_equal (json_object_get_string_member (record, "fieldType"), type)
               && g_str_equal (json_object_get_string_member (record, "target"), target);
    }
  return count;
}

/* The sandbox makes the change and loses its answer: the CLI says it was made (exit 0), with
 * the record's real id, and no second record exists; the zone is published once. When the
 * zone cannot be read back either, exit 7 and what to check; the change is not made twice. */
static void
test_records_lost_answers (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autofree char *lost_id = NULL;
  JsonObject *result;

  /* add, --json: applied after all, the id OVH gave. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/record",
                            OVH_SANDBOX_FAULT_APPLIED_DROP, 1);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "lost",
                            "--value", "192.0.2.61", "--json", NULL),
                   ==, 0);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (result, "outcome"), ==, "applied");
  g_assert_true (json_object_get_boolean_member (result, "answerLost"));
  g_assert_true (json_object_get_boolean_member (result, "published"));
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (result, "record"), "id"), ==,
      sandbox_id_of (test, "lovelace.fr", "lost", "192.0.2.61"));
  g_assert_cmpuint (count_records (test, "lost", "A", "192.0.2.61"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/record"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
  lost_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                             sandbox_id_of (test, "lovelace.fr", "lost", "192.0.2.61"));

  /* set, for people: a garbage answer, the change made, said so. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", "/domain/zone/lovelace.fr/record/*",
                            OVH_SANDBOX_FAULT_APPLIED_MALFORMED, 1);
  g_assert_cmpint (
      run_cli (test, "records", "set", "lovelace.fr", lost_id, "--value", "192.0.2.62", NULL), ==,
      0);
  g_assert_nonnull (strstr (test->err, "Changed:"));
  g_assert_nonnull (strstr (test->err, "the zone shows the change was made"));
  g_assert_nonnull (strstr (test->err, "Published lovelace.fr"));
  g_assert_cmpuint (count_records (test, "lost", "A", "192.0.2.62"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);

  /* add, made, and the zone cannot be read back: exit 7, one line saying what to check, and
   * with --json the outcome too. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/record",
                            OVH_SANDBOX_FAULT_APPLIED_DROP, 1);
  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/domain/zone/lovelace.fr/record/*",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "doubt",
                            "--value", "192.0.2.63", "--json", NULL),
                   ==, DOMAINE_CLI_EXIT_UNKNOWN);
  ovh_sandbox_clear_faults (fixture->sandbox);
  assert_one_error_line (test);
  g_test_message ("%s", test->err);
  g_assert_nonnull (strstr (test->err, "Perhaps made"));
  g_assert_nonnull (strstr (
      test->err, "Check with “domaine-cli records list lovelace.fr --name doubt --type A”"));
  g_clear_pointer (&root, json_node_unref);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (result, "outcome"), ==, "unknown");
  g_assert_true (json_object_get_boolean_member (result, "answerLost"));
  g_assert_cmpuint (count_records (test, "doubt", "A", "192.0.2.63"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/record"), ==, 1);
  /* It may be live: published all the same. */
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);

  /* delete: the answer lost, the record gone; both said. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", "/domain/zone/lovelace.fr/record/*",
                            OVH_SANDBOX_FAULT_APPLIED_MALFORMED, 1);
  g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", lost_id, NULL), ==, 0);
  g_assert_nonnull (strstr (test->err, "Deleted record"));
  g_assert_nonnull (strstr (test->err, "the zone shows the change was made"));
  g_assert_cmpuint (count_records (test, "lost", "A", "192.0.2.62"), ==, 0);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
}

/* Every failure of a delete is named on a line of its own; a 429 is not a failure: the
 * delete waits for Retry-After and is sent again. The exit status is the first failure's. */
static void
test_records_delete_every_failure (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  g_autofree char *refused_id = g_strdup_printf (
      "%" G_GINT64_FORMAT,
      json_object_get_int_member (find_record (records, "", "MX", "1 mx1.mail.ovh.net."), "id"));
  g_autofree char *limited_id = g_strdup_printf (
      "%" G_GINT64_FORMAT,
      json_object_get_int_member (find_record (records, "", "MX", "5 mx2.mail.ovh.net."), "id"));
  g_autofree char *refused_path
      = g_strdup_printf ("/domain/zone/lovelace.fr/record/%s", refused_id);
  g_autofree char *limited_path
      = g_strdup_printf ("/domain/zone/lovelace.fr/record/%s", limited_id);
  JsonObject *result;

  ovh_sandbox_reset_request_log (fixture->sandbox);
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", refused_path, OVH_SANDBOX_FAULT_HTTP_500,
                            0);
  ovh_sandbox_inject_fault (fixture->sandbox, "DELETE", limited_path,
                            OVH_SANDBOX_FAULT_RATE_LIMITED, 1);
  g_assert_cmpint (
      run_cli (test, "records", "delete", "lovelace.fr", "999999", refused_id, limited_id, NULL),
      ==, DOMAINE_CLI_EXIT_NOT_FOUND);
  g_test_message ("%s", test->err);
  g_assert_nonnull (strstr (test->err, "domaine-cli: Record 999999: "));
  {
    g_autofree char *refused_line = g_strdup_printf ("domaine-cli: Record %s: ", refused_id);
    g_autofree char *deleted_line = g_strdup_printf ("Deleted record %s.", limited_id);

    g_assert_nonnull (strstr (test->err, refused_line));
    g_assert_nonnull (strstr (test->err, deleted_line));
  }
  g_assert_nonnull (strstr (test->err, "Published lovelace.fr"));
  /* The 429's Retry-After is said while waiting. */
  g_assert_nonnull (strstr (test->err, "asks to wait 1 second"));
  g_assert_cmpuint (count_lines (test->err), ==, 5);
  g_assert_cmpuint (count_requests (test, "DELETE", limited_path), ==, 2);
  g_assert_cmpuint (count_requests (test, "DELETE", refused_path), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);

  /* --json: the failures with their errors, and an empty "unknown". */
  g_assert_cmpint (
      run_cli (test, "records", "delete", "lovelace.fr", refused_id, "999998", "--json", NULL), ==,
      DOMAINE_CLI_EXIT_API);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "failed")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "unknown")), ==,
                    0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "deleted")), ==,
                    0);
  g_assert_cmpuint (count_lines (test->err), ==, 2);
}

/* Invalid input is refused before the first request: add, set and delete check everything
 * they can first (the CNAME rule needs the records of the name, but nothing is changed). */
static void
test_records_validation_sends_nothing (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "host",
                            "--value", "not-an-ip", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (
      run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "host", NULL), ==,
      DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "BOGUS", "--name",
                            "host", "--value", "x", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "host",
                            "--value", "192.0.2.1", "--ttl", "soon", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "CNAME", "--name", "@",
                            "--value", "target.example.", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", "abc", "--ttl", "60", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", "12", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (
      run_cli (test, "records", "set", "lovelace.fr", "12", "--type", "BOGUS", "--ttl", "60", NULL),
      ==, DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", "12", "abc", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", "0", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpuint (count_requests (test, NULL, "*"), ==, 0);

  /* An A beside the CNAME www: the records of that name are read, nothing is written. */
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "www",
                            "--value", "192.0.2.1", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpuint (count_requests (test, "GET", "/domain/zone/lovelace.fr/record*"), >, 0);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "DELETE", "*"), ==, 0);
}

static char *
sandbox_id_text (JsonArray *records, guint index)
{
  return g_strdup_printf (
      "%" G_GINT64_FORMAT,
      json_object_get_int_member (json_array_get_object_element (records, index), "id"));
}

/* Several deletes are one changeset: one refresh for all, none with --no-publish. */
static void
test_records_delete_one_refresh (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) second = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  guint n_before = json_array_get_length (records);
  g_autofree char *id1 = sandbox_id_text (records, 0);
  g_autofree char *id2 = sandbox_id_text (records, 1);
  g_autofree char *id3 = sandbox_id_text (records, 2);
  g_autofree char *id4 = sandbox_id_text (records, 3);
  JsonObject *result;

  g_assert_cmpuint (n_before, >=, 4);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (
      run_cli (test, "records", "delete", "lovelace.fr", id1, id2, id3, "--json", NULL), ==, 0);
  root = output_json (test);
  result = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "deleted")), ==,
                    3);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (result, "deleted"), 0),
                   ==, g_ascii_strtoll (id1, NULL, 10));
  g_assert_true (json_object_get_boolean_member (result, "published"));
  g_assert_cmpuint (count_requests (test, "DELETE", "/domain/zone/lovelace.fr/record/*"), ==, 3);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 1);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (sandbox_records (test, "lovelace.fr", &holder)), ==,
                    n_before - 3);

  /* --no-publish: deleted at OVH, no refresh, and a note saying how to publish. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "--no-publish", "records", "delete", "lovelace.fr", id4, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (test->err, "zone refresh lovelace.fr"));
  g_assert_cmpuint (count_requests (test, "DELETE", "/domain/zone/lovelace.fr/record/*"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));
}

/* The refresh fails after the changes were made: OVH's error, how to publish, exit 1. */
static void
test_records_publish_failure (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) holder = NULL;
  g_autofree char *late_id = NULL;
  JsonObject *late;
  guint n_lines = 0;

  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/domain/zone/lovelace.fr/refresh",
                            OVH_SANDBOX_FAULT_HTTP_500, 0);
  g_assert_cmpint (run_cli (test, "records", "add", "lovelace.fr", "--type", "A", "--name", "late",
                            "--value", "192.0.2.77", "--json", NULL),
                   ==, DOMAINE_CLI_EXIT_API);
  assert_one_error_line (test);
  g_assert_nonnull (strstr (test->err, "was not published"));
  g_assert_nonnull (strstr (test->err, "zone refresh lovelace.fr"));
  g_assert_cmpstr (test->out, ==, "");
  late = find_record (sandbox_records (test, "lovelace.fr", &holder), "late", "A", "192.0.2.77");
  g_assert_nonnull (late);
  late_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (late, "id"));
  g_assert_false (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));

  /* A record that is not there, one that is, and the refresh failing: one line each, and the
   * exit code of the first failure. */
  g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", "999999", late_id, NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
  for (const char *p = test->err; *p != '\0'; p++)
    n_lines += (*p == '\n');
  g_assert_nonnull (strstr (test->err, "Deleted record"));
  g_assert_nonnull (strstr (test->err, "domaine-cli: Record 999999: "));
  g_assert_nonnull (strstr (test->err, "was not published"));
  g_assert_cmpuint (n_lines, ==, 3);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_null (
      find_record (sandbox_records (test, "lovelace.fr", &holder), "late", "A", "192.0.2.77"));

  /* zone refresh reports OVH's error as it is. */
  g_assert_cmpint (run_cli (test, "zone", "refresh", "lovelace.fr", NULL), ==,
                   DOMAINE_CLI_EXIT_API);
  assert_one_error_line (test);
  g_assert_null (strstr (test->err, "was not published"));

  ovh_sandbox_clear_faults (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "zone", "refresh", "lovelace.fr", NULL), ==, 0);
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "lovelace.fr"));
}

static void
test_zone_export_import (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autofree char *exported = NULL;
  g_autofree char *file = g_build_filename (test->directory, "countess.zone", NULL);
  g_autofree char *bad_file = g_build_filename (test->directory, "bad.zone", NULL);
  g_autofree char *from_stdout = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) holder = NULL;
  JsonArray *records;

  g_assert_cmpint (run_cli (test, "zone", "export", "countess.dev", "-o", "countess.zone", NULL),
                   ==, 0);
  g_assert_cmpstr (test->out, ==, "");
  g_file_get_contents (file, &exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (exported, "countess.dev"));

  g_assert_cmpint (run_cli (test, "zone", "export", "countess.dev", NULL), ==, 0);
  from_stdout = g_strdup (test->out);
  g_assert_true (g_str_has_prefix (from_stdout, exported));

  /* A file that does not parse is refused here, with its line, and nothing is sent. */
  g_file_set_contents (bad_file, "$ORIGIN countess.dev.\nwww IN A 192.0.2.1\nmail IN A nope\n", -1,
                       &error);
  g_assert_no_error (error);
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "zone", "import", "countess.dev", bad_file, NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_nonnull (strstr (test->err, "bad.zone:3"));
  g_assert_cmpuint (count_requests (test, NULL, "*"), ==, 0);

  /* A good one is imported and waited for. */
  g_file_set_contents (file,
                       "$ORIGIN countess.dev.\n$TTL 3600\n"
                       "@ IN A 192.0.2.10\nimported 300 IN A 192.0.2.11\n"
                       "@ IN TXT \"hello world\"\n",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (
      run_cli (test, "zone", "import", "countess.dev", "countess.zone", "--json", NULL), ==, 0);
  root = output_json (test);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "status"), ==,
                   "done");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "records"), ==, 3);
  records = sandbox_records (test, "countess.dev", &holder);
  g_assert_nonnull (find_record (records, "imported", "A", "192.0.2.11"));
  g_assert_true (ovh_sandbox_get_zone_deployed (fixture->sandbox, "countess.dev"));
}

static const char *
json_string (JsonNode *node, const char *member)
{
  return json_object_get_string_member (json_node_get_object (node), member);
}

static JsonArray *
diff_part (JsonNode *diff, const char *part)
{
  return json_object_get_array_member (json_node_get_object (diff), part);
}

static void
test_zone_history_diff_restore (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) history = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (JsonNode) diff = NULL;
  g_autoptr (JsonNode) restored = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autofree char *old_date = NULL;
  g_autofree char *undo_date = NULL;
  JsonArray *added;
  guint n_versions;

  g_assert_cmpint (run_cli (test, "zone", "history", "countess.dev", "--json", NULL), ==, 0);
  history = output_json (test);
  n_versions = json_array_get_length (json_node_get_array (history));
  g_assert_cmpuint (n_versions, >=, 1);
  old_date = g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_node_get_array (history), 0), "creationDate"));

  g_assert_cmpint (run_cli (test, "records", "add", "countess.dev", "--type", "A", "--name", "hist",
                            "--value", "192.0.2.44", NULL),
                   ==, 0);
  g_assert_cmpint (run_cli (test, "zone", "history", "countess.dev", "--json", NULL), ==, 0);
  after = output_json (test);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (after)), ==, n_versions + 1);
  undo_date = g_strdup (json_object_get_string_member (
      json_array_get_object_element (json_node_get_array (after), 0), "creationDate"));
  g_assert_cmpstr (undo_date, !=, old_date);

  /* The plain listing names the versions as restore takes them. */
  g_assert_cmpint (run_cli (test, "zone", "history", "countess.dev", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, old_date));

  /* The old version against the zone now: the new record is the one difference. */
  g_assert_cmpint (
      run_cli (test, "zone", "diff", "countess.dev", "--from", old_date, "--json", NULL), ==, 0);
  diff = output_json (test);
  added = diff_part (diff, "added");
  g_assert_cmpuint (json_array_get_length (added), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (added, 0), "subDomain"), ==,
      "hist");
  g_assert_cmpuint (json_array_get_length (diff_part (diff, "removed")), ==, 0);
  /* The sandbox's own zone file writer may still garble the quoted TXT: nothing else. */
  for (guint i = 0; i < json_array_get_length (diff_part (diff, "changed")); i++)
    {
      JsonObject *pair = json_array_get_object_element (diff_part (diff, "changed"), i);

      g_assert_cmpstr (json_object_get_string_member (
                           json_object_get_object_member (pair, "before"), "fieldType"),
                       ==, "TXT");
    }
  g_assert_cmpint (run_cli (test, "zone", "diff", "countess.dev", "--from", old_date, NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "+  hist"));

  g_assert_cmpint (run_cli (test, "zone", "diff", "countess.dev", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);

  /* Restore it, then undo the restore. */
  g_assert_cmpint (run_cli (test, "zone", "restore", "countess.dev", old_date, "--json", NULL), ==,
                   0);
  restored = output_json (test);
  g_assert_cmpstr (json_string (restored, "status"), ==, "done");
  g_assert_cmpstr (json_string (restored, "undoDate"), ==, undo_date);
  g_assert_null (find_record (sandbox_records (test, "countess.dev", &holder), "hist", "A", NULL));
  g_clear_pointer (&holder, json_node_unref);

  g_assert_cmpint (run_cli (test, "zone", "restore", "countess.dev", undo_date, NULL), ==, 0);
  g_assert_nonnull (strstr (test->err, "countess.dev"));
  g_assert_nonnull (
      find_record (sandbox_records (test, "countess.dev", &holder), "hist", "A", "192.0.2.44"));

  /* A version that does not exist: OVH's answer, nothing changed. */
  g_assert_cmpint (
      run_cli (test, "zone", "restore", "countess.dev", "2001-01-01T00:00:00+00:00", NULL), ==,
      DOMAINE_CLI_EXIT_NOT_FOUND);
  assert_one_error_line (test);
}

static void
test_zone_import_merge (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autofree char *file = g_build_filename (test->directory, "merge.zone", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) plan = NULL;
  g_autoptr (JsonNode) done = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (JsonNode) before_holder = NULL;
  JsonArray *records;
  JsonObject *www;
  gint64 www_id;

  /* countess.dev: the A changes, api goes, "new" comes, HINFO and the apex NS are left out. */
  g_file_set_contents (file,
                       "$ORIGIN countess.dev.\n"
                       "@ IN NS dns18.ovh.net.\n"
                       "@ IN A 192.0.2.99\n"
                       "www IN CNAME countess.dev.\n"
                       "@ IN TXT \"v=verification \\\"quoted\\\" value\"\n"
                       "new 300 IN A 192.0.2.100\n"
                       "box IN HINFO \"PC\" \"Linux\"\n",
                       -1, &error);
  g_assert_no_error (error);
  www = find_record (sandbox_records (test, "countess.dev", &before_holder), "www", "CNAME", NULL);
  www_id = json_object_get_int_member (www, "id");

  /* The plan first: nothing sent but reads. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (run_cli (test, "zone", "import", "countess.dev", "merge.zone", "--merge",
                            "--dry-run", "--json", NULL),
                   ==, 0);
  plan = output_json (test);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (plan), "dryRun"));
  g_assert_cmpuint (json_array_get_length (diff_part (
                        json_object_get_member (json_node_get_object (plan), "diff"), "added")),
                    ==, 1);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (json_node_get_object (plan), "skipped")),
      ==, 2);
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "DELETE", "*"), ==, 0);

  /* A replace refuses what OVH cannot hold. */
  g_assert_cmpint (run_cli (test, "zone", "import", "countess.dev", "merge.zone", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_nonnull (strstr (test->err, "merge.zone:7"));

  /* The merge: exactly the differences, one refresh. */
  ovh_sandbox_reset_request_log (fixture->sandbox);
  g_assert_cmpint (
      run_cli (test, "zone", "import", "countess.dev", "merge.zone", "--merge", "--json", NULL), ==,
      0);
  done = output_json (test);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (done), "published"));
  g_assert_cmpuint (count_requests (test, "POST", "*/refresh"), ==, 1);
  g_assert_cmpuint (count_requests (test, "POST", "*/record"), ==, 1);
  g_assert_cmpuint (count_requests (test, "PUT", "*"), ==, 1);
  g_assert_cmpuint (count_requests (test, "DELETE", "*"), ==, 1);
  records = sandbox_records (test, "countess.dev", &holder);
  g_assert_nonnull (find_record (records, "new", "A", "192.0.2.100"));
  g_assert_nonnull (find_record (records, "", "A", "192.0.2.99"));
  g_assert_null (find_record (records, "api", "AAAA", NULL));
  g_assert_cmpint (json_object_get_int_member (find_record (records, "www", "CNAME", NULL), "id"),
                   ==, www_id);
}

static void
test_zone_import_guard (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autofree char *file = g_build_filename (test->directory, "half.zone", NULL);
  g_autoptr (GPtrArray) half = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (JsonNode) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *records = sandbox_records (test, "lovelace.fr", &holder);
  guint n_records = json_array_get_length (records);

  /* Every other record (OVH's apex NS aside): a 50% deletion. */
  for (guint i = 0, kept = 0; i < n_records; i++)
    {
      g_autoptr (OvhRecord) record
          = ovh_record_new_from_json_object (json_array_get_object_element (records, i), &error);

      g_assert_no_error (error);
      if (ovh_record_get_sub_domain (record)[0] == '\0'
          && g_str_equal (ovh_record_get_field_type (record), "NS"))
        continue;
      if (kept++ % 2 == 0)
        g_ptr_array_add (half, g_steal_pointer (&record));
    }
  text = ovh_zone_file_write ("lovelace.fr", 0, half);
  g_file_set_contents (file, text, -1, &error);
  g_assert_no_error (error);

  ovh_sandbox_reset_request_log (fixture->sandbox);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (run_cli (test, "zone", "import", "lovelace.fr", "half.zone",
                                i == 0 ? "--merge" : "--replace", NULL),
                       ==, DOMAINE_CLI_EXIT_USAGE);
      assert_one_error_line (test);
      g_assert_nonnull (strstr (test->err, "--yes"));
    }
  g_assert_cmpuint (count_requests (test, "POST", "*"), ==, 0);
  g_assert_cmpuint (count_requests (test, "DELETE", "*"), ==, 0);

  g_assert_cmpint (run_cli (test, "zone", "import", "lovelace.fr", "half.zone", "--merge",
                            "--dry-run", "--json", NULL),
                   ==, 0);
  plan = output_json (test);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (plan), "needsConfirmation"));

  g_assert_cmpint (
      run_cli (test, "zone", "import", "lovelace.fr", "half.zone", "--merge", "--yes", NULL), ==,
      0);
  g_assert_cmpuint (count_requests (test, "POST", "*/refresh"), ==, 1);
  g_clear_pointer (&holder, json_node_unref);
  g_assert_cmpuint (json_array_get_length (sandbox_records (test, "lovelace.fr", &holder)), <,
                    n_records);
}

static void
test_credentials (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *other_key = ovh_sandbox_create_credential (
      fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, (const char *const[]){ "GET /me", NULL }, 0);
  g_autofree char *status = NULL;
  g_autofree char *other_id = NULL;
  JsonArray *credentials;
  guint n_current = 0;

  g_assert_cmpint (run_cli (test, "credentials", "list", "--json", NULL), ==, 0);
  root = output_json (test);
  credentials = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (credentials), >=, 2);
  for (guint i = 0; i < json_array_get_length (credentials); i++)
    {
      JsonObject *credential = json_array_get_object_element (credentials, i);
      JsonArray *rules = json_object_get_array_member (credential, "rules");

      g_assert_true (json_object_has_member (credential, "status"));
      g_assert_true (json_object_has_member (credential, "applicationId"));
      if (json_object_get_boolean_member (credential, "current"))
        n_current++;
      else if (json_array_get_length (rules) == 1
               && g_str_equal (
                   json_object_get_string_member (json_array_get_object_element (rules, 0), "path"),
                   "/me"))
        other_id
            = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (credential, "id"));
    }
  g_assert_cmpuint (n_current, ==, 1);
  g_assert_nonnull (other_id);

  g_assert_cmpint (run_cli (test, "credentials", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "✓"));

  g_assert_cmpint (run_cli (test, "credentials", "revoke", other_id, NULL), ==, 0);
  status = ovh_sandbox_dup_credential_status (fixture->sandbox, other_key);
  g_assert_true (status == NULL || g_str_equal (status, "expired"));

  /* Revoked is gone: a second time is "not found". */
  g_assert_cmpint (run_cli (test, "credentials", "revoke", other_id, NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
  assert_one_error_line (test);
}

/* The official clients' configuration: OVH_* variables and ./ovh.conf, with --from-ovh-conf. */
static void
test_ovh_conf (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *conf_path = g_build_filename (test->directory, "ovh.conf", NULL);
  g_autofree char *conf = NULL;
  g_autoptr (GError) error = NULL;

  /* A file in the working directory, as python-ovh reads it; the endpoint is a base URL. */
  conf = g_strdup_printf ("[default]\nendpoint=%s\n\n[%s]\napplication_key=%s\n"
                          "application_secret=%s\nconsumer_key=%s\n",
                          ovh_sandbox_get_base_url (fixture->sandbox),
                          ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                          OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (test, "--from-ovh-conf", "me", "--json", NULL), ==, 0);
  root = output_json (test);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "nichandle"), ==,
                   OVH_SANDBOX_NICHANDLE);
  g_remove (conf_path);

  /* Keys in the environment that name no endpoint: --endpoint says where they go. */
  g_ptr_array_add (test->extra_env, g_strdup ("OVH_APPLICATION_KEY=" OVH_SANDBOX_APPLICATION_KEY));
  g_ptr_array_add (test->extra_env,
                   g_strdup ("OVH_APPLICATION_SECRET=" OVH_SANDBOX_APPLICATION_SECRET));
  g_ptr_array_add (test->extra_env, g_strdup ("OVH_CONSUMER_KEY=" OVH_SANDBOX_CONSUMER_KEY));
  g_assert_cmpint (run_cli (test, "--from-ovh-conf", "me", "--json", NULL), ==, 0);
  g_clear_pointer (&root, json_node_unref);
  root = output_json (test);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "nichandle"), ==,
                   OVH_SANDBOX_NICHANDLE);
  g_ptr_array_set_size (test->extra_env, 0);

  /* The environment alone, with a wrong consumer key: authentication, one line, no secret. */
  g_ptr_array_add (test->extra_env, g_strdup_printf ("OVH_ENDPOINT=%s",
                                                     ovh_sandbox_get_base_url (fixture->sandbox)));
  g_ptr_array_add (test->extra_env, g_strdup ("OVH_APPLICATION_KEY=" OVH_SANDBOX_APPLICATION_KEY));
  g_ptr_array_add (test->extra_env,
                   g_strdup ("OVH_APPLICATION_SECRET=" OVH_SANDBOX_APPLICATION_SECRET));
  g_ptr_array_add (test->extra_env,
                   g_strdup ("OVH_CONSUMER_KEY=notAValidConsumerKey0000000000000"));
  g_assert_cmpint (run_cli (test, "--from-ovh-conf", "me", NULL), ==, DOMAINE_CLI_EXIT_AUTH);
  assert_one_error_line (test);
  g_assert_null (strstr (test->err, "notAValidConsumerKey"));
  g_assert_null (strstr (test->err, OVH_SANDBOX_APPLICATION_SECRET));
}

/* French: headers translated, JSON field names never. */
static void
test_french (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;

  if (!g_file_test (DOMAINE_TEST_LOCALEDIR "/fr/LC_MESSAGES/" GETTEXT_PACKAGE ".mo",
                    G_FILE_TEST_EXISTS))
    {
      g_test_skip ("French catalogue not built (-Dapp=false builds no po/)");
      return;
    }
  g_ptr_array_add (test->extra_env, g_strdup ("LANGUAGE=fr"));
  g_ptr_array_add (test->extra_env, g_strdup ("DOMAINE_LOCALEDIR=" DOMAINE_TEST_LOCALEDIR));
  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--type", "MX", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "Valeur"));
  assert_aligned (test->out, "rllrl");
  g_assert_cmpint (run_cli (test, "records", "list", "lovelace.fr", "--type", "MX", "--json", NULL),
                   ==, 0);
  root = output_json (test);
  g_assert_true (json_object_has_member (
      json_array_get_object_element (json_node_get_array (root), 0), "fieldType"));
}

/* Bash completion, as bash runs it: commands, account names, zones of the chosen account. */
static void
test_completion (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autofree char *script
      = g_test_build_filename (G_TEST_DIST, "..", "data", "completions", "domaine-cli", NULL);
  const char *bash_completion = "/usr/share/bash-completion/bash_completion";
  struct
  {
    const char *line;
    const char *expected;
  } cases[] = {
    { "rec", "records" },
    { "records ", "list add set delete" },
    { "records list ", "analytical-engine.com countess.dev lovelace.fr" },
    { "records add lovelace.fr --t", "--type --ttl" },
    { "--account ", NULL }, /* the account's label and ID */
  };

  if (!g_file_test (bash_completion, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("bash-completion is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GSubprocessLauncher) launcher
          = new_launcher (test, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr (GSubprocess) process = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *command = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *prefix = g_strdup_printf (
          "%s --endpoint %s%s%s ", DOMAINE_CLI_PATH, ovh_sandbox_get_base_url (fixture->sandbox),
          fixture->tls ? " --ca-file " : "",
          fixture->tls ? ovh_sandbox_get_ca_file (fixture->sandbox) : "");

      /* COMP_WORDS as bash splits the line; the last word may be empty. */
      command = g_strdup_printf (
          "source %s; source %s; line='%s%s'; read -ra COMP_WORDS <<< \"$line\"; "
          "[[ $line == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
          "COMP_LINE=$line; COMP_POINT=${#line}; _domaine_cli; echo \"${COMPREPLY[*]}\"",
          bash_completion, script, prefix, cases[i].line);
      process = g_subprocess_launcher_spawn (launcher, &error, "bash", "-c", command, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_successful (process));
      g_strchomp (out);
      if (cases[i].expected != NULL)
        g_assert_cmpstr (out, ==, cases[i].expected);
      else
        {
          g_assert_nonnull (strstr (out, ovh_account_get_label (test->account)));
          g_assert_nonnull (strstr (out, ovh_account_get_id (test->account)));
        }
    }
}

/* Failure classes ----------------------------------------------------------------------- */

static void
test_not_found (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);

  g_assert_cmpint (run_cli (test, "zone", "show", "no-such-zone.example", NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
  assert_one_error_line (test);
  /* OVH's query ID is in the line. */
  g_assert_nonnull (strstr (test->err, "query ID"));
  g_assert_cmpint (run_cli (test, "records", "list", "no-such-zone.example", "--json", NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
  g_assert_cmpstr (test->out, ==, "");
  g_assert_cmpint (run_cli (test, "records", "set", "lovelace.fr", "999999", "--ttl", "60", NULL),
                   ==, DOMAINE_CLI_EXIT_NOT_FOUND);
  g_assert_cmpint (run_cli (test, "records", "delete", "lovelace.fr", "999999", NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
}

static void
test_auth_failures (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autofree char *expired_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, NULL, 0);
  g_autofree char *me_only_key = ovh_sandbox_create_credential (
      fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, (const char *const[]){ "GET /me", NULL }, 0);
  OvhAccount *expired, *me_only;
  const char *base_url = ovh_sandbox_get_base_url (fixture->sandbox);

  g_assert_true (ovh_sandbox_expire_credential (fixture->sandbox, expired_key));
  expired = cli_test_add_account (test, "cli-expired", base_url, expired_key);
  me_only = cli_test_add_account (test, "cli-me-only", base_url, me_only_key);

  /* Three accounts on this endpoint now: choosing none is a usage error that lists them. */
  g_assert_cmpint (run_cli (test, "me", NULL), ==, DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_nonnull (strstr (test->err, ovh_account_get_id (expired)));
  g_assert_nonnull (strstr (test->err, ovh_account_get_id (me_only)));
  g_assert_cmpint (run_cli (test, "--account", "nobody", "me", NULL), ==, DOMAINE_CLI_EXIT_USAGE);

  /* An expired consumer key. */
  g_assert_cmpint (run_cli (test, "--account", ovh_account_get_id (expired), "domains", NULL), ==,
                   DOMAINE_CLI_EXIT_AUTH);
  assert_one_error_line (test);
  /* A key without the right to the call. */
  g_assert_cmpint (run_cli (test, "--account", "cli-me-only", "me", NULL), ==, 0);
  g_assert_cmpint (run_cli (test, "--account", "cli-me-only", "domains", NULL), ==,
                   DOMAINE_CLI_EXIT_AUTH);
  assert_one_error_line (test);
  g_assert_null (strstr (test->err, me_only_key));

  /* No account at all for an endpoint (and no ovh.conf): authentication. */
  g_assert_cmpint (run_cli_at_endpoint (test, "ovh-ca", "me", NULL), ==, DOMAINE_CLI_EXIT_AUTH);
  assert_one_error_line (test);
}

static void
test_network_failures (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GError) error = NULL;
  g_autofree char *closed_url = NULL;
  guint port;

  /* A port that was free a moment ago and that nothing listens on. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new (loopback, 0);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address));
  g_socket_close (socket, NULL);
  closed_url = g_strdup_printf ("%s://127.0.0.1:%u/1.0", fixture->tls ? "https" : "http", port);
  cli_test_add_account (test, "cli-closed-port", closed_url, OVH_SANDBOX_CONSUMER_KEY);

  g_assert_cmpint (run_cli_at_endpoint (test, closed_url, "me", NULL), ==,
                   DOMAINE_CLI_EXIT_NETWORK);
  assert_one_error_line (test);

  if (fixture->tls)
    {
      /* HTTPS without --ca-file: the sandbox's certificate is refused. */
      g_autoptr (GSubprocessLauncher) launcher
          = new_launcher (test, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr (GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      process
          = g_subprocess_launcher_spawn (launcher, &error, DOMAINE_CLI_PATH, "--endpoint",
                                         ovh_sandbox_get_base_url (fixture->sandbox), "me", NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, DOMAINE_CLI_EXIT_NETWORK);
      g_assert_true (g_str_has_prefix (err, "domaine-cli: "));
    }
}

/* Login ---------------------------------------------------------------------------------- */

typedef enum
{
  LOGIN_VALIDATE,
  LOGIN_REFUSE,
  LOGIN_INTERRUPT,
} LoginOutcome;

static void
run_login (OvhTestFixture *fixture, LoginOutcome outcome)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (GSubprocessLauncher) launcher
      = new_launcher (test, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GHashTable) query = NULL;
  g_autofree char *line = NULL;
  g_autofree char *consumer_key = NULL;
  g_autofree char *label
      = g_strdup_printf ("cli-login-%u", ovh_sandbox_get_port (fixture->sandbox));
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  const char *const login_args[] = {
    "login",    "--application-key", OVH_SANDBOX_APPLICATION_KEY,
    "--preset", "dns-editor",        "--poll-interval",
    "50",       "--timeout",         "3",
    "--json",   "--label",           NULL,
  };
  const char *token;

  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_SECRET", OVH_SANDBOX_APPLICATION_SECRET,
                                TRUE);
  g_ptr_array_add (argv, (gpointer) DOMAINE_CLI_PATH);
  g_ptr_array_add (argv, (gpointer) "--endpoint");
  g_ptr_array_add (argv, (gpointer) ovh_sandbox_get_base_url (fixture->sandbox));
  if (fixture->tls)
    {
      g_ptr_array_add (argv, (gpointer) "--ca-file");
      g_ptr_array_add (argv, (gpointer) ovh_sandbox_get_ca_file (fixture->sandbox));
    }
  for (guint i = 0; login_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) login_args[i]);
  g_ptr_array_add (argv, (gpointer) label);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* The validation URL comes first, on a line of its own. */
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  first = parse_json (line);
  uri = g_uri_parse (json_object_get_string_member (json_node_get_object (first), "validationUrl"),
                     G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  token = g_hash_table_lookup (query, "credentialToken");
  g_assert_nonnull (token);
  consumer_key = ovh_sandbox_dup_consumer_key_for_token (fixture->sandbox, token);
  g_assert_nonnull (consumer_key);
  /* The consumer key is a secret: never printed. */
  g_assert_null (strstr (line, consumer_key));

  switch (outcome)
    {
    case LOGIN_VALIDATE:
      {
        g_autofree char *second = NULL;
        g_autoptr (JsonNode) result = NULL;
        g_autoptr (OvhAccountStore) store = NULL;
        g_autoptr (OvhAccount) stored = NULL;
        JsonObject *account;
        const char *id;

        g_assert_true (ovh_sandbox_validate_credential (fixture->sandbox, consumer_key, 3600));
        second = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (second);
        g_subprocess_wait (process, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

        result = parse_json (second);
        account = json_object_get_object_member (json_node_get_object (result), "account");
        g_assert_cmpstr (json_object_get_string_member (account, "nichandle"), ==,
                         OVH_SANDBOX_NICHANDLE);
        g_assert_cmpstr (json_object_get_string_member (account, "label"), ==, label);
        id = json_object_get_string_member (account, "id");

        /* In the keyring, with the validated key: the app sees it, and the CLI can use it. */
        store = ovh_test_load_account_store ();
        stored = ovh_account_store_find (store, id);
        g_assert_nonnull (stored);
        g_object_ref (stored);
        g_assert_cmpstr (ovh_account_get_consumer_key (stored), ==, consumer_key);
        g_ptr_array_add (test->accounts, g_object_ref (stored));
        g_assert_cmpint (run_cli (test, "--account", label, "me", "--json", NULL), ==, 0);
        break;
      }

    case LOGIN_REFUSE:
      /* OVH answers a refused key as it answers a pending one ("not valid"): the wait can
       * only end at --timeout, as an authentication failure. */
      g_assert_true (ovh_sandbox_refuse_credential (fixture->sandbox, consumer_key));
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, DOMAINE_CLI_EXIT_AUTH);
      break;

    case LOGIN_INTERRUPT:
      g_subprocess_send_signal (process, SIGINT);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, DOMAINE_CLI_EXIT_CANCELLED);
      break;
    }
}

static void
test_login (OvhTestFixture *fixture, gconstpointer data)
{
  run_login (fixture, LOGIN_VALIDATE);
}

static void
test_login_refused (OvhTestFixture *fixture, gconstpointer data)
{
  run_login (fixture, LOGIN_REFUSE);
}

static void
test_login_interrupted (OvhTestFixture *fixture, gconstpointer data)
{
  run_login (fixture, LOGIN_INTERRUPT);
}

static void
test_error_domain_name (void)
{
  g_assert_cmpstr (g_quark_to_string (DOMAINE_CLI_ERROR), ==, "domaine-cli-error-quark");
}

static gint64
json_int (JsonNode *node, const char *member)
{
  return json_object_get_int_member (json_node_get_object (node), member);
}

static void
test_zone_soa (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) shown = NULL;
  g_autoptr (JsonNode) updated = NULL;
  guint n_puts;

  /* No option: shown. */
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "dns111.ovh.net"));
  g_assert_nonnull (strstr (test->out, "3600000"));
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--json", NULL), ==, 0);
  shown = output_json (test);
  g_assert_cmpint (json_int (shown, "ttl"), ==, 3600);
  g_assert_cmpint (json_int (shown, "nxDomainTtl"), ==, 60);
  g_assert_cmpstr (json_string (shown, "email"), ==, "tech.ovh.net");

  /* Options: what is given changes, the rest stays. */
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--ttl", "7200", "--refresh",
                            "43200", "--negative-ttl", "300", "--email", "dns@lovelace.fr",
                            "--json", NULL),
                   ==, 0);
  updated = output_json (test);
  g_assert_cmpint (json_int (updated, "ttl"), ==, 7200);
  g_assert_cmpint (json_int (updated, "refresh"), ==, 43200);
  g_assert_cmpint (json_int (updated, "expire"), ==, 3600000);
  g_assert_cmpint (json_int (updated, "nxDomainTtl"), ==, 300);
  g_assert_cmpstr (json_string (updated, "email"), ==, "dns@lovelace.fr");
  g_assert_cmpint (json_int (updated, "serial"), >, json_int (shown, "serial"));

  /* Checked before sending: a usage error and nothing sent. */
  n_puts = count_requests (test, "PUT", "*/soa");
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--expire", "40000", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--refresh", "soon", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_nonnull (strstr (test->err, "--refresh"));
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--email", "nobody", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--minimized", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpuint (count_requests (test, "PUT", "*/soa"), ==, n_puts);

  /* OVH's refusal is an API error. */
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", "*/soa", OVH_SANDBOX_FAULT_HTTP_500, 1);
  g_assert_cmpint (run_cli (test, "zone", "soa", "lovelace.fr", "--ttl", "600", NULL), ==,
                   DOMAINE_CLI_EXIT_API);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli (test, "zone", "soa", "nowhere.example", NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
}

static void
test_zone_reset (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) done = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (GArray) snapshots = NULL;
  JsonArray *records;

  /* The guard: every record goes, so --yes is needed; nothing is sent without it. */
  g_assert_cmpint (run_cli (test, "zone", "reset", "countess.dev", "--minimized", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_nonnull (strstr (test->err, "--yes"));
  g_assert_cmpuint (count_requests (test, "POST", "*/reset"), ==, 0);

  g_assert_cmpint (
      run_cli (test, "zone", "reset", "countess.dev", "--minimized", "--yes", "--json", NULL), ==,
      0);
  done = output_json (test);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (done), "minimized"));
  g_assert_cmpint (json_int (done, "recordsBefore"), >, 2);
  g_assert_cmpint (json_int (done, "recordsAfter"), ==, 2);
  g_assert_cmpint (json_int (done, "snapshot"), >, 0);
  records = sandbox_records (test, "countess.dev", &holder);
  g_assert_cmpuint (json_array_get_length (records), ==, 2);
  /* Kept where the application's History window finds it. */
  snapshots = ovh_zone_snapshot_list (NULL, ovh_account_get_id (test->account), "countess.dev");
  g_assert_cmpuint (snapshots->len, >=, 1);
  g_assert_cmpint (g_array_index (snapshots, gint64, 0), ==, json_int (done, "snapshot"));

  /* A full reset brings OVH's default records back. */
  g_assert_cmpint (run_cli (test, "zone", "reset", "countess.dev", "-y", NULL), ==, 0);
  g_assert_nonnull (strstr (test->err, "countess.dev"));
  g_clear_pointer (&holder, json_node_unref);
  records = sandbox_records (test, "countess.dev", &holder);
  g_assert_nonnull (find_record (records, "www", "A", NULL));
  g_assert_nonnull (find_record (records, "", "MX", NULL));
}

/* DynHost ------------------------------------------------------------------------------------ */

/* domaine-cli with text on its standard input (a password). */
static int G_GNUC_NULL_TERMINATED
run_cli_with_input (CliTest *test, const char *input, const char *first_arg, ...)
{
  g_autoptr (GSubprocessLauncher) launcher
      = new_launcher (test, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr (GPtrArray) argv = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = build_argv (test, ovh_sandbox_get_base_url (test->fixture->sandbox), first_arg, args);
  va_end (args);
  g_clear_pointer (&test->out, g_free);
  g_clear_pointer (&test->err, g_free);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &test->out, &test->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_dynhost_records (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonArray *records;

  g_assert_cmpint (run_cli (test, "dynhost", "list", "lovelace.fr", "--json", NULL), ==, 0);
  root = output_json (test);
  records = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (records), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (records, 0), "ip"),
                   ==, "203.0.113.42");
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (
      run_cli (test, "dynhost", "add", "lovelace.fr", "nas", "203.0.113.9", "--json", NULL), ==, 0);
  root = output_json (test);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "subDomain"), ==,
                   "nas");
  id = g_strdup_printf ("%" G_GINT64_FORMAT,
                        json_object_get_int_member (json_node_get_object (root), "id"));
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpuint (count_requests (test, "POST", "/domain/zone/lovelace.fr/refresh"), ==, 1);

  g_assert_cmpint (run_cli (test, "dynhost", "list", "lovelace.fr", NULL), ==, 0);
  g_assert_nonnull (strstr (test->out, "203.0.113.9"));
  assert_aligned (test->out, "rll");

  /* Refused before any request: an IPv6 address, a bad name. */
  g_assert_cmpint (run_cli (test, "dynhost", "add", "lovelace.fr", "v6", "2001:db8::1", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli (test, "dynhost", "delete", "lovelace.fr", "x", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);

  g_assert_cmpint (run_cli (test, "dynhost", "delete", "lovelace.fr", id, NULL), ==, 0);
  g_assert_cmpint (run_cli (test, "dynhost", "delete", "lovelace.fr", id, NULL), ==,
                   DOMAINE_CLI_EXIT_NOT_FOUND);
  assert_one_error_line (test);
}

static void
test_dynhost_logins (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (CliTest) test = cli_test_new (fixture);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) log = NULL;
  const char *generated;
  gboolean sent = FALSE;

  g_assert_cmpint (run_cli (test, "dynhost", "login", "list", "lovelace.fr", "--json", NULL), ==,
                   0);
  root = output_json (test);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_node_get_array (root), 0), "login"),
                   ==, "lovelace.fr-router");
  g_clear_pointer (&root, json_node_unref);

  /* The password from standard input: never echoed back. */
  g_assert_cmpint (run_cli_with_input (test, "typed secret 1\n", "dynhost", "login", "add",
                                       "lovelace.fr", "nas", "nas", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (test->out, "lovelace.fr-nas"));
  g_assert_null (strstr (test->out, "typed secret"));
  g_assert_null (strstr (test->err, "typed secret"));

  /* Too short, or none at all. */
  g_assert_cmpint (run_cli_with_input (test, "short\n", "dynhost", "login", "password",
                                       "lovelace.fr", "lovelace.fr-nas", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  assert_one_error_line (test);
  g_assert_cmpint (run_cli_with_input (test, "", "dynhost", "login", "password", "lovelace.fr",
                                       "lovelace.fr-nas", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);

  /* --generate prints the password once, and that is the one OVH got. */
  g_assert_cmpint (run_cli (test, "dynhost", "login", "password", "lovelace.fr", "lovelace.fr-nas",
                            "--generate", "--json", NULL),
                   ==, 0);
  root = output_json (test);
  generated = json_object_get_string_member (json_node_get_object (root), "password");
  g_assert_true (ovh_dynhost_check_password (generated, NULL));
  log = ovh_sandbox_dup_request_log (fixture->sandbox);
  for (guint i = 0; i < log->len; i++)
    {
      OvhSandboxRequest *request = g_ptr_array_index (log, i);

      if (g_str_has_suffix (request->path, "/changePassword") && request->body != NULL)
        sent = strstr (request->body, generated) != NULL;
    }
  g_assert_true (sent);

  g_assert_cmpint (run_cli (test, "dynhost", "login", "list", "lovelace.fr", "--generate", NULL),
                   ==, DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (run_cli (test, "dynhost", "login", "rename", "lovelace.fr", NULL), ==,
                   DOMAINE_CLI_EXIT_USAGE);
  g_assert_cmpint (
      run_cli (test, "dynhost", "login", "delete", "lovelace.fr", "lovelace.fr-nas", NULL), ==, 0);
  g_assert_cmpint (
      run_cli (test, "dynhost", "login", "delete", "lovelace.fr", "lovelace.fr-nas", NULL), ==,
      DOMAINE_CLI_EXIT_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/table/width", test_table_width);
  g_test_add_func ("/cli/table/format", test_table_format);
  g_test_add_func ("/cli/exit-codes", test_exit_codes);
  g_test_add_func ("/cli/error-domain-name", test_error_domain_name);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);

  ovh_test_add ("/cli/accounts", test_accounts);
  ovh_test_add ("/cli/me", test_me);
  ovh_test_add ("/cli/domains", test_domains);
  ovh_test_add ("/cli/domain/show", test_domain_show);
  ovh_test_add ("/cli/zone/show", test_zone_show);
  ovh_test_add ("/cli/records/list", test_records_list);
  ovh_test_add ("/cli/records/list-cached", test_records_list_cached);
  ovh_test_add ("/cli/records/add", test_records_add_publishes_once);
  ovh_test_add ("/cli/records/add-id-zero", test_records_add_id_zero);
  ovh_test_add ("/cli/records/no-publish", test_records_no_publish);
  ovh_test_add ("/cli/records/set", test_records_set);
  ovh_test_add ("/cli/records/set-many", test_records_set_many);
  ovh_test_add ("/cli/records/delete", test_records_delete);
  ovh_test_add ("/cli/records/validation-sends-nothing", test_records_validation_sends_nothing);
  ovh_test_add ("/cli/records/delete-one-refresh", test_records_delete_one_refresh);
  ovh_test_add ("/cli/records/publish-failure", test_records_publish_failure);
  ovh_test_add ("/cli/records/lost-answers", test_records_lost_answers);
  ovh_test_add ("/cli/records/delete-every-failure", test_records_delete_every_failure);
  ovh_test_add ("/cli/zone/export-import", test_zone_export_import);
  ovh_test_add ("/cli/zone/history-diff-restore", test_zone_history_diff_restore);
  ovh_test_add ("/cli/zone/import-merge", test_zone_import_merge);
  ovh_test_add ("/cli/zone/import-guard", test_zone_import_guard);
  ovh_test_add ("/cli/zone/soa", test_zone_soa);
  ovh_test_add ("/cli/zone/reset", test_zone_reset);
  ovh_test_add ("/cli/credentials", test_credentials);
  ovh_test_add ("/cli/ovh-conf", test_ovh_conf);
  ovh_test_add ("/cli/french", test_french);
  ovh_test_add ("/cli/completion", test_completion);
  ovh_test_add ("/cli/errors/not-found", test_not_found);
  ovh_test_add ("/cli/errors/auth", test_auth_failures);
  ovh_test_add ("/cli/errors/network", test_network_failures);
  ovh_test_add ("/cli/login/validated", test_login);
  ovh_test_add ("/cli/login/refused", test_login_refused);
  ovh_test_add ("/cli/login/interrupted", test_login_interrupted);
  ovh_test_add ("/cli/dynhost/records", test_dynhost_records);
  ovh_test_add ("/cli/dynhost/logins", test_dynhost_logins);

  return g_test_run ();
}
