/* test-session-banner.c: the banner says when OVHcloud asks the app to wait
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/hostile-server.c answers GET /1.0/retry with 429 and Retry-After: 1 once, then 200:
 * while the client waits, the banner of its session says so, and stops saying it after.
 */
#include "config.h"

#include <string.h>

#include "domaine-session-banner.h"
#include "domaine-test-gui.h"
#include "ovh-client.h"

typedef struct
{
  DomaineSessionBanner *banner;
  GAsyncResult *result;
} Wait;

static gboolean
banner_says_waiting (gpointer data)
{
  Wait *wait = data;
  const char *title = domaine_session_banner_get_title (wait->banner);

  return title != NULL && strstr (title, "asks to wait 1 second") != NULL;
}

static gboolean
call_done (gpointer data)
{
  Wait *wait = data;

  return wait->result != NULL;
}

static void
on_call_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static void
test_banner_retry_delay (void)
{
  g_autoptr (GSubprocess) server = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr (OvhAccount) account = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (DomaineSession) session = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *before = NULL;
  Wait wait = { 0 };
  guint port = 0, other_port = 0;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                             HOSTILE_SERVER_PATH, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (line, "PORTS %u %u", &port, &other_port), ==, 2);
  base_url = g_strdup_printf ("http://127.0.0.1:%u/1.0", port);

  account = ovh_account_new (base_url, "hostile-application-key", "hostile-application-secret",
                             "hostile-consumer-key");
  client = ovh_client_new (base_url, "hostile-application-key", "hostile-application-secret",
                           "hostile-consumer-key");
  ovh_client_set_rate_limit (client, 0);
  session = domaine_session_new (account, client);
  wait.banner
      = g_object_ref_sink (g_object_new (DOMAINE_TYPE_SESSION_BANNER, "session", session, NULL));
  /* A loopback account counts as a sandbox: that banner comes back after the wait. */
  before = g_strdup (domaine_session_banner_get_title (wait.banner));
  g_assert_null (strstr (before != NULL ? before : "", "asks to wait"));

  ovh_client_call_async (client, "GET", "/retry", NULL, OVH_CALL_NONE, NULL, on_call_done, &wait);
  g_assert_true (domaine_test_wait_until (banner_says_waiting, &wait, 20000));
  g_assert_true (domaine_test_wait_until (call_done, &wait, 20000));
  node = ovh_client_call_finish (client, wait.result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (domaine_session_banner_get_title (wait.banner), ==, before);

  g_clear_object (&wait.result);
  g_object_unref (wait.banner);
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
}

int
main (int argc, char **argv)
{
  domaine_test_gui_init (&argc, &argv);

  g_test_add_func ("/session-banner/retry-delay", test_banner_retry_delay);

  return g_test_run ();
}
