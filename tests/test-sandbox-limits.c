/* test-sandbox-limits.c: the sandbox refuses what OVH refuses, and stays up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over raw sockets where HTTP itself is misused (lengths that are not lengths, requests that
 * never end), over libsoup for the API's own limits.
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "ovh-sandbox.h"
#include "ovh-signer.h"

#define ZONE "lovelace.fr"

typedef struct
{
  OvhSandbox *sandbox;
  SoupSession *session;
} Fixture;

static void
fixture_setup (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_set_idle_timeout (fixture->sandbox, 1);
  g_assert_true (ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error));
  g_assert_no_error (error);
  fixture->session = soup_session_new_with_options ("timeout", 20, NULL);
}

static void
fixture_teardown (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->session);
  g_assert_finalize_object (fixture->sandbox);
}

/* A signed call with the ready-made credential; returns the status, the body in *body. */
static guint
call (Fixture *fixture,
      const char *method,
      const char *path,
      const char *body,
      gsize length,
      char **answer)
{
  g_autofree char *url = g_strconcat (ovh_sandbox_get_base_url (fixture->sandbox), path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *signature = ovh_signer_sign (
      OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY, method, url, body, length, now);
  g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (body != NULL)
    {
      g_autoptr (GBytes) sent = g_bytes_new (body, length);
      soup_message_set_request_body_from_bytes (msg, "application/json", sent);
    }
  soup_message_headers_append (headers, "X-Ovh-Application", OVH_SANDBOX_APPLICATION_KEY);
  soup_message_headers_append (headers, "X-Ovh-Consumer", OVH_SANDBOX_CONSUMER_KEY);
  soup_message_headers_append (headers, "X-Ovh-Timestamp", stamp);
  soup_message_headers_append (headers, "X-Ovh-Signature", signature);

  bytes = soup_session_send_and_read (fixture->session, msg, NULL, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return soup_message_get_status (msg);
}

static void
assert_still_up (Fixture *fixture)
{
  g_autofree char *answer = NULL;

  g_assert_cmpuint (call (fixture, "GET", "/me", NULL, 0, &answer), ==, 200);
  g_assert_nonnull (strstr (answer, OVH_SANDBOX_NICHANDLE));
}

static GSocketConnection *
connect_raw (Fixture *fixture)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GError) error = NULL;
  GSocketConnection *connection;

  connection = g_socket_client_connect_to_host (
      client, "127.0.0.1", ovh_sandbox_get_port (fixture->sandbox), NULL, &error);
  g_assert_no_error (error);
  /* A bound for the test itself: the sandbox must answer or close well before. */
  g_socket_set_timeout (g_socket_connection_get_socket (connection), 15);
  return connection;
}

/* Sends text and reads until the sandbox closes the connection. */
static char *
exchange_raw (Fixture *fixture, const char *text)
{
  g_autoptr (GSocketConnection) connection = connect_raw (fixture);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GString *answer = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  char buffer[4096];
  gssize n;

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, &error));
  g_assert_no_error (error);
  while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error)) > 0)
    g_string_append_len (answer, buffer, n);
  /* Closed by the sandbox (0), or reset after its answer: never our timeout. */
  if (error != NULL)
    g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));
  return g_string_free (answer, FALSE);
}

/* Content-Length that is no length (-1, 2^64), or more than the sandbox takes: answered at
 * once, without waiting for a body that will never come. */
static void
test_content_length (Fixture *fixture, gconstpointer data)
{
  static const struct
  {
    const char *length;
    const char *status;
  } cases[] = {
    { "-1", "400" },
    { "18446744073709551616", "400" },
    { "18446744073709551615", "413" },
    { "20971520", "413" },
    { "-0", "400" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *request
          = g_strdup_printf ("POST /1.0/domain/zone/" ZONE "/record HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/json\r\nContent-Length: %s\r\n\r\n{\"a\":",
                             cases[i].length);
      g_autofree char *answer = exchange_raw (fixture, request);
      g_autofree char *status_line = g_strdup_printf ("HTTP/1.1 %s ", cases[i].status);

      g_test_message ("Content-Length: %s → %.40s", cases[i].length, answer);
      g_assert_true (g_str_has_prefix (answer, status_line));
    }
  assert_still_up (fixture);
}

/* Half a request, then silence: the connection is closed after the idle timeout (1 s here),
 * and the sandbox serves others meanwhile and afterwards. */
static void
test_idle_timeout (Fixture *fixture, gconstpointer data)
{
  static const char *const halves[] = {
    "",
    "GET /1.0/me HTTP/1.1\r\nHost: 127.0.0.1\r\n",
    "POST /1.0/domain/zone/" ZONE "/record HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    "Content-Length: 100\r\n\r\n{\"fieldType\":",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (halves); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *answer = exchange_raw (fixture, halves[i]);
      gint64 waited = g_get_monotonic_time () - start;

      g_assert_cmpstr (answer, ==, "");
      g_assert_cmpint (waited, <, 10 * G_USEC_PER_SEC);
    }
  assert_still_up (fixture);
}

static guint
count_ids (const char *list)
{
  guint n = 1;

  for (const char *p = list; *p != '\0'; p++)
    n += *p == ',';
  return n;
}

/* What OVH refuses in a record: a target over 4,000 bytes (here 20 MB would be refused for
 * its size before it is read), an embedded NUL that JSON would cut the target at, control
 * characters. Nothing of it is created. */
static void
test_record_limits (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GString) big
      = g_string_new ("{\"fieldType\":\"TXT\",\"subDomain\":\"big\",\"target\":\"");
  g_autoptr (GString) long_name = g_string_new ("{\"fieldType\":\"A\",\"target\":\"192.0.2.1\",");
  static const char nul_raw[] = "{\"fieldType\":\"TXT\",\"subDomain\":\"nul\",\"target\":\"a\0b\"}";
  g_autofree char *answer = NULL;
  g_autofree char *records = NULL;
  g_autofree char *before = NULL;

  g_assert_cmpuint (call (fixture, "GET", "/domain/zone/" ZONE "/record", NULL, 0, &before), ==,
                    200);

  for (guint i = 0; i < 4001; i++)
    g_string_append_c (big, 'x');
  g_string_append (big, "\"}");
  g_assert_cmpuint (
      call (fixture, "POST", "/domain/zone/" ZONE "/record", big->str, big->len, &answer), ==, 400);
  g_assert_nonnull (strstr (answer, "longer than 4000"));
  g_clear_pointer (&answer, g_free);

  g_string_append (long_name, "\"subDomain\":\"");
  for (guint i = 0; i < 254; i++)
    g_string_append_c (long_name, 'a');
  g_string_append (long_name, "\"}");
  g_assert_cmpuint (call (fixture, "POST", "/domain/zone/" ZONE "/record", long_name->str,
                          long_name->len, &answer),
                    ==, 400);
  g_clear_pointer (&answer, g_free);

  {
    const char *escaped = "{\"fieldType\":\"TXT\",\"subDomain\":\"nul\",\"target\":\"a\\u0000b\"}";
    const char *tab = "{\"fieldType\":\"TXT\",\"subDomain\":\"tab\",\"target\":\"a\\tb\"}";
    const char *octal = "{\"fieldType\":\"TXT\",\"subDomain\":\"o\",\"target\":\"a\\377b\"}";
    const char *text = "{\"fieldType\":\"TXT\",\"subDomain\":\"ok\",\"target\":\"a\\\\u0000b\"}";

    g_assert_cmpuint (
        call (fixture, "POST", "/domain/zone/" ZONE "/record", escaped, strlen (escaped), &answer),
        ==, 400);
    g_assert_nonnull (strstr (answer, "Invalid JSON received"));
    g_clear_pointer (&answer, g_free);
    g_assert_cmpuint (
        call (fixture, "POST", "/domain/zone/" ZONE "/record", nul_raw, sizeof nul_raw - 1, NULL),
        ==, 400);
    g_assert_cmpuint (
        call (fixture, "POST", "/domain/zone/" ZONE "/record", tab, strlen (tab), NULL), ==, 400);
    /* Bytes that are not text, through json-glib's octal escapes. */
    g_assert_cmpuint (
        call (fixture, "POST", "/domain/zone/" ZONE "/record", octal, strlen (octal), NULL), ==,
        400);

    /* A backslash before "u0000" is text, not a NUL. */
    g_assert_cmpuint (
        call (fixture, "POST", "/domain/zone/" ZONE "/record", text, strlen (text), &answer), ==,
        200);
    g_assert_nonnull (strstr (answer, "a\\\\u0000b"));
    g_clear_pointer (&answer, g_free);
  }

  /* Only the last, valid one was created. */
  g_assert_cmpuint (call (fixture, "GET", "/domain/zone/" ZONE "/record", NULL, 0, &records), ==,
                    200);
  g_assert_cmpuint (count_ids (records), ==, count_ids (before) + 1);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*/record"), ==, 7);
  assert_still_up (fixture);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sandbox-limits/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("content-length", test_content_length);
  ADD ("idle-timeout", test_idle_timeout);
  ADD ("record-limits", test_record_limits);
#undef ADD

  return g_test_run ();
}
