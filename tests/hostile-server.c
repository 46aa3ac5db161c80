/* hostile-server.c: an OVH API stand-in that misbehaves on purpose, one way per path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   hostile-server [--tls DIRECTORY]
 *
 * Listens on two free ports of 127.0.0.1 and prints "PORTS <api> <other>" on standard output:
 * the API (HTTPS with --tls, its self-signed certificate written to DIRECTORY/sandbox-ca.pem)
 * and another origin (always plain HTTP) that redirects point to. The other origin counts the
 * requests that reach it ("GET /hits" answers {"hits": n, "ovh_headers": m}): a client that
 * never follows a redirect leaves both at 0. Each connection is served by a thread of its own
 * with blocking I/O, answers one request and is closed, so that a misbehaviour (a silence, an
 * endless body) holds only its own connection.
 *
 * Paths under /1.0 (and /1.0/domain/zone/<behaviour>.test, so that the CLI reaches them):
 *   auth/time          the time, so that signed calls go ahead
 *   redirect           302 to the other origin; redirect-same: 302 to /1.0/me on this one
 *   deep, deep-object  100,000 nested arrays or objects; deep-error: the same as a 400 body
 *   huge-array         [0,0,…] with more values than any real answer
 *   endless            a chunked body that never ends; claimed-size: Content-Length of 10 GB
 *   trickle            one byte every 300 ms; silent: reads the request, never answers
 *   blank, crlf, comment  400 with an error body that parses to nothing
 *   escape             400 whose message holds terminal escape sequences
 *   retry-long         429 with Retry-After: 100; retry: 429 with Retry-After: 1, then 200
 * Zones: <behaviour>.test answers its details with that behaviour, and the rest (SOA, status,
 * record IDs) well, except info.test, soa.test, status.test and records.test, whose details,
 * SOA, status or record list have members of the wrong type; good.test is well-formed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>

#include "ovh-sandbox-private.h"

#define DEPTH 100000
#define HUGE_ARRAY_VALUES 2100000

static GTlsCertificate *certificate;
static guint other_port;
static gint other_hits;
static gint other_ovh_headers;
static gint retry_count;

typedef struct
{
  GInputStream *in;
  GOutputStream *out;
  char *method;
  char *path;
  gboolean has_ovh_headers;
} Request;

static void
request_clear (Request *request)
{
  g_free (request->method);
  g_free (request->path);
}

/* One CRLF-terminated line, without it; NULL at the end of the stream. */
static char *
read_line (GInputStream *in)
{
  GString *line = g_string_new (NULL);
  char c;

  while (g_input_stream_read (in, &c, 1, NULL, NULL) == 1)
    {
      if (c == '\n')
        {
          if (line->len > 0 && line->str[line->len - 1] == '\r')
            g_string_truncate (line, line->len - 1);
          return g_string_free (line, FALSE);
        }
      if (line->len < 65536)
        g_string_append_c (line, c);
    }

  g_string_free (line, TRUE);
  return NULL;
}

static gboolean
read_request (Request *request)
{
  g_autofree char *first = read_line (request->in);
  g_auto (GStrv) words = NULL;
  gsize content_length = 0;

  if (first == NULL)
    return FALSE;
  words = g_strsplit (first, " ", 3);
  if (g_strv_length (words) < 2)
    return FALSE;
  request->method = g_strdup (words[0]);
  request->path = g_strndup (words[1], strcspn (words[1], "?"));

  for (;;)
    {
      g_autofree char *line = read_line (request->in);

      if (line == NULL)
        return FALSE;
      if (line[0] == '\0')
        break;
      if (g_ascii_strncasecmp (line, "X-Ovh-", 6) == 0)
        request->has_ovh_headers = TRUE;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        content_length = (gsize) g_ascii_strtoull (line + 15, NULL, 10);
    }

  if (content_length > 0)
    {
      g_autofree char *body = g_malloc (MIN (content_length, 1 << 20));

      g_input_stream_read_all (request->in, body, MIN (content_length, 1 << 20), NULL, NULL, NULL);
    }
  return TRUE;
}

static gboolean
write_text (Request *request, const char *text, gsize length)
{
  return g_output_stream_write_all (request->out, text, length, NULL, NULL, NULL);
}

/* A complete answer; extra_headers end in CRLF each (or are ""). */
static void
answer (
    Request *request, guint status, const char *extra_headers, const char *body, gssize body_length)
{
  gsize length = body_length < 0 ? strlen (body) : (gsize) body_length;
  g_autofree char *head
      = g_strdup_printf ("HTTP/1.1 %u Hostile\r\nContent-Type: application/json\r\n"
                         "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n%s\r\n",
                         status, length, extra_headers);

  if (write_text (request, head, strlen (head)))
    write_text (request, body, length);
}

/* DEPTH times open, then DEPTH times close. */
static char *
nested (const char *open, char close)
{
  GString *text = g_string_sized_new (DEPTH * 6);

  for (guint i = 0; i < DEPTH; i++)
    g_string_append (text, open);
  for (guint i = 0; i < DEPTH; i++)
    g_string_append_c (text, close);
  return g_string_free (text, FALSE);
}

static void
serve_endless (Request *request)
{
  const char *head = "HTTP/1.1 200 Hostile\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  g_autofree char *chunk = NULL;
  GString *text = g_string_new ("10000\r\n");

  for (guint i = 0; i < 0x10000 / 2; i++)
    g_string_append (text, "0,");
  g_string_append (text, "\r\n");
  chunk = g_string_free (text, FALSE);

  if (!write_text (request, head, strlen (head)) || !write_text (request, "1\r\n[\r\n", 6))
    return;
  /* Until the client hangs up. */
  while (write_text (request, chunk, strlen (chunk)))
    ;
}

static void
serve_trickle (Request *request)
{
  const char *head = "HTTP/1.1 200 Hostile\r\nContent-Type: application/json\r\n"
                     "Content-Length: 1000\r\nConnection: close\r\n\r\n[";

  if (!write_text (request, head, strlen (head)))
    return;
  for (guint i = 0; i < 999; i++)
    {
      g_usleep (300 * 1000);
      if (!write_text (request, " ", 1))
        return;
    }
}

static void
serve_silence (Request *request)
{
  char c;

  /* Until the client hangs up. */
  while (g_input_stream_read (request->in, &c, 1, NULL, NULL) > 0)
    ;
}

static void
serve_huge_array (Request *request)
{
  GString *text = g_string_sized_new (HUGE_ARRAY_VALUES * 2 + 2);

  g_string_append_c (text, '[');
  for (guint i = 0; i < HUGE_ARRAY_VALUES; i++)
    g_string_append (text, i > 0 ? ",0" : "0");
  g_string_append_c (text, ']');
  answer (request, 200, "", text->str, (gssize) text->len);
  g_string_free (text, TRUE);
}

static void
serve_redirect (Request *request, gboolean same_origin)
{
  g_autofree char *headers
      = same_origin ? g_strdup ("Location: /1.0/me\r\n")
                    : g_strdup_printf ("Location: http://127.0.0.1:%u/1.0/catch\r\n", other_port);

  answer (request, 302, headers, "{}", -1);
}

/* Misbehaviours that do not depend on the zone; FALSE when name is none of them. */
static gboolean
serve_behaviour (Request *request, const char *name)
{
  if (g_str_equal (name, "redirect") || g_str_equal (name, "redirect-same"))
    serve_redirect (request, g_str_equal (name, "redirect-same"));
  else if (g_str_equal (name, "deep") || g_str_equal (name, "deep-error"))
    {
      g_autofree char *body = nested ("[", ']');

      answer (request, g_str_equal (name, "deep") ? 200 : 400, "", body, -1);
    }
  else if (g_str_equal (name, "deep-object"))
    {
      g_autofree char *body = nested ("{\"a\":", '}');

      answer (request, 200, "", body, -1);
    }
  else if (g_str_equal (name, "huge-array"))
    serve_huge_array (request);
  else if (g_str_equal (name, "endless"))
    serve_endless (request);
  else if (g_str_equal (name, "claimed-size"))
    {
      const char *head = "HTTP/1.1 200 Hostile\r\nContent-Type: application/json\r\n"
                         "Content-Length: 10737418240\r\nConnection: close\r\n\r\n[";

      if (write_text (request, head, strlen (head)))
        serve_silence (request);
    }
  else if (g_str_equal (name, "trickle"))
    serve_trickle (request);
  else if (g_str_equal (name, "silent"))
    serve_silence (request);
  else if (g_str_equal (name, "blank"))
    answer (request, 400, "", "", 0);
  else if (g_str_equal (name, "crlf"))
    answer (request, 400, "", "\r\n", -1);
  else if (g_str_equal (name, "comment"))
    answer (request, 400, "", "//", -1);
  else if (g_str_equal (name, "escape"))
    answer (request, 400, "",
            "{\"message\":\"Bad \\u001b[2J\\u001b]0;pwned\\u0007request\\u001b[31m\","
            "\"class\":\"Client::BadRequest\"}",
            -1);
  else if (g_str_equal (name, "retry-long"))
    answer (request, 429, "Retry-After: 100\r\n", "{\"message\":\"Slow down\"}", -1);
  else if (g_str_equal (name, "retry"))
    {
      if (g_atomic_int_add (&retry_count, 1) % 2 == 0)
        answer (request, 429, "Retry-After: 1\r\n", "{\"message\":\"Slow down\"}", -1);
      else
        return FALSE;
    }
  else
    return FALSE;

  return TRUE;
}

static void
serve_zone (Request *request, const char *zone, const char *suffix)
{
  g_autofree char *kind = g_strndup (zone, strcspn (zone, "."));

  if (suffix[0] == '\0' && serve_behaviour (request, kind))
    return;

  if (suffix[0] == '\0')
    {
      g_autofree char *body
          = g_strdup_printf ("{\"name\":\"%s\",\"nameServers\":[\"dns1.ovh.net\",\"ns1.ovh.net\"],"
                             "\"hasDnsAnycast\":%s,\"dnssecSupported\":false,"
                             "\"lastUpdate\":\"2025-06-01T10:00:00+02:00\"}",
                             zone, g_str_equal (kind, "info") ? "\"yes\"" : "false");

      answer (request, 200, "", body, -1);
    }
  else if (g_str_equal (suffix, "/soa"))
    answer (request, 200, "",
            g_str_equal (kind, "soa")
                ? "{\"server\":\"dns1.ovh.net\",\"email\":\"tech.ovh.net\",\"serial\":2025060101,"
                  "\"ttl\":\"3600\",\"refresh\":86400,\"expire\":3600000,\"nxDomainTtl\":86400}"
                : "{\"server\":\"dns1.ovh.net\",\"email\":\"tech.ovh.net\",\"serial\":2025060101,"
                  "\"ttl\":3600,\"refresh\":86400,\"expire\":3600000,\"nxDomainTtl\":86400}",
            -1);
  else if (g_str_equal (suffix, "/status"))
    answer (request, 200, "",
            g_str_equal (kind, "status")
                ? "{\"isDeployed\":\"yes\",\"errors\":[],\"warnings\":[],\"infos\":[]}"
                : "{\"isDeployed\":true,\"errors\":[],\"warnings\":[],\"infos\":[]}",
            -1);
  else if (g_str_equal (suffix, "/record"))
    {
      if (g_str_equal (kind, "totals"))
        answer (request, 200, "X-Pagination-Elements: 4294967295\r\n", "[1,2]", -1);
      else
        answer (request, 200, "", g_str_equal (kind, "records") ? "[\"1\",\"2\"]" : "[1,2]", -1);
    }
  else
    answer (request, 404, "", "{\"message\":\"This service does not exist\"}", -1);
}

static void
serve_api (Request *request)
{
  const char *path = request->path;

  if (!g_str_has_prefix (path, "/1.0/"))
    {
      answer (request, 404, "", "{\"message\":\"Not found\"}", -1);
      return;
    }
  path += strlen ("/1.0/");

  if (g_str_equal (path, "auth/time"))
    {
      g_autofree char *now
          = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);

      answer (request, 200, "", now, -1);
    }
  else if (g_str_has_prefix (path, "domain/zone/"))
    {
      const char *zone = path + strlen ("domain/zone/");
      g_autofree char *name = g_strndup (zone, strcspn (zone, "/"));

      serve_zone (request, name, zone + strlen (name));
    }
  else if (g_str_equal (path, "me"))
    answer (request, 200, "", "{\"nichandle\":\"xx1111-ovh\"}", -1);
  else if (!serve_behaviour (request, path))
    answer (request, g_str_equal (path, "retry") ? 200 : 404, "",
            g_str_equal (path, "retry") ? "{\"ok\":true}" : "{\"message\":\"Not found\"}", -1);
}

static void
serve_other (Request *request)
{
  if (g_str_equal (request->path, "/hits"))
    {
      g_autofree char *body
          = g_strdup_printf ("{\"hits\":%d,\"ovh_headers\":%d}", g_atomic_int_get (&other_hits),
                             g_atomic_int_get (&other_ovh_headers));

      answer (request, 200, "", body, -1);
      return;
    }

  g_atomic_int_inc (&other_hits);
  if (request->has_ovh_headers)
    g_atomic_int_inc (&other_ovh_headers);
  answer (request, 200, "", "{\"stolen\":true}", -1);
}

static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection *connection,
        GObject *source_object,
        gpointer user_data)
{
  gboolean is_api = GPOINTER_TO_INT (user_data);
  g_autoptr (GIOStream) stream = g_object_ref (G_IO_STREAM (connection));
  Request request = { 0 };

  if (is_api && certificate != NULL)
    {
      g_autoptr (GIOStream) tls = g_tls_server_connection_new (stream, certificate, NULL);

      if (tls == NULL || !g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, NULL))
        return TRUE;
      g_set_object (&stream, tls);
    }

  request.in = g_io_stream_get_input_stream (stream);
  request.out = g_io_stream_get_output_stream (stream);
  if (read_request (&request))
    {
      if (is_api)
        serve_api (&request);
      else
        serve_other (&request);
    }
  g_io_stream_close (stream, NULL, NULL);
  request_clear (&request);
  return TRUE;
}

/* The test may die before it can stop the server: the end of standard input stops it too. */
static gpointer
watch_stdin (gpointer data)
{
  char buffer[64];

  while (fread (buffer, 1, sizeof buffer, stdin) > 0)
    ;
  _exit (0);
  return NULL;
}

static GSocketService *
listen_on_free_port (gboolean is_api, guint *port, GError **error)
{
  g_autoptr (GSocketService) service = g_threaded_socket_service_new (32);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;

  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, NULL, &effective, error))
    return NULL;
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (service, "run", G_CALLBACK (on_run), GINT_TO_POINTER (is_api));
  g_socket_service_start (service);
  return g_steal_pointer (&service);
}

int
main (int argc, char **argv)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GSocketService) api = NULL;
  g_autoptr (GSocketService) other = NULL;
  g_autoptr (GError) error = NULL;
  guint api_port = 0;

  if (argc == 3 && g_str_equal (argv[1], "--tls"))
    {
      g_autofree char *cert_path = NULL;
      g_autofree char *key_path = NULL;

      if (!sandbox_tls_generate (argv[2], &cert_path, &key_path, &error)
          || (certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error)) == NULL)
        {
          g_printerr ("hostile-server: %s\n", error->message);
          return 1;
        }
    }
  else if (argc != 1)
    {
      g_printerr ("usage: hostile-server [--tls DIRECTORY]\n");
      return 2;
    }

  if ((api = listen_on_free_port (TRUE, &api_port, &error)) == NULL
      || (other = listen_on_free_port (FALSE, &other_port, &error)) == NULL)
    {
      g_printerr ("hostile-server: %s\n", error->message);
      return 1;
    }

  printf ("PORTS %u %u\n", api_port, other_port);
  fflush (stdout);
  g_thread_unref (g_thread_new ("stdin", watch_stdin, NULL));

  /* Until the test kills it. */
  g_main_loop_run (loop);
  g_clear_object (&certificate);
  return 0;
}
