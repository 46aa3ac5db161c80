/* test-clock-memory.c: an endpoint's clock offset kept between runs, against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A client that learned the sandbox's clock remembers it; a later client (a later run)
 * recalls it and signs its first call at once, without GET /auth/time; a clock that moved
 * since is learned again; a damaged file is ignored; the file is private and holds a number.
 */
#include "config.h"

#include <sys/stat.h>
#include <glib/gstdio.h>

#include "ovh-clock-memory.h"
#include "ovh-error.h"
#include "test-fixture.h"

static guint
count_clock_requests (OvhTestFixture *fixture)
{
  return ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/auth/time");
}

/* The one file of the sandbox's endpoint under $XDG_CACHE_HOME/domaine/clock. */
static char *
dup_clock_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "domaine", "clock", NULL);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  char *path = NULL;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_null (path);
      path = g_build_filename (dir, name, NULL);
    }
  return path;
}

static void
forget_clocks (void)
{
  g_autofree char *path = dup_clock_file ();

  if (path != NULL)
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
call_me (OvhClient *client)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) me = ovh_test_call (client, "GET", "/me", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (me);
}

static void
test_remembered_between_clients (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) later = ovh_test_fixture_new_client (fixture, OVH_SANDBOX_CONSUMER_KEY);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  forget_clocks ();
  ovh_sandbox_set_clock_offset (fixture->sandbox, 1234);

  /* Nothing known yet: nothing written, and recalling changes nothing. */
  ovh_clock_memory_remember (fixture->client);
  g_assert_null (dup_clock_file ());
  ovh_clock_memory_recall (fixture->client);
  g_assert_false (ovh_client_has_time_offset (fixture->client));

  call_me (fixture->client);
  g_assert_cmpuint (count_clock_requests (fixture), ==, 1);
  ovh_clock_memory_remember (fixture->client);

  path = dup_clock_file ();
  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "1234");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A later run: its first signed call goes out at once. */
  ovh_clock_memory_recall (later);
  g_assert_true (ovh_client_has_time_offset (later));
  g_assert_cmpint (ovh_client_get_time_offset (later), ==, 1234);
  call_me (later);
  g_assert_cmpuint (count_clock_requests (fixture), ==, 1);

  ovh_sandbox_set_clock_offset (fixture->sandbox, 0);
  forget_clocks ();
}

static void
test_moved_clock_learned_again (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) later = ovh_test_fixture_new_client (fixture, OVH_SANDBOX_CONSUMER_KEY);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;

  forget_clocks ();
  ovh_sandbox_set_clock_offset (fixture->sandbox, 600);
  call_me (fixture->client);
  ovh_clock_memory_remember (fixture->client);

  /* The server's clock moved since: the remembered offset is refused once, then learned. */
  ovh_sandbox_set_clock_offset (fixture->sandbox, -3000);
  ovh_clock_memory_recall (later);
  call_me (later);
  g_assert_cmpuint (count_clock_requests (fixture), ==, 2);
  g_assert_cmpint (ovh_client_get_time_offset (later), ==, -3000);

  ovh_clock_memory_remember (later);
  path = dup_clock_file ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "-3000");

  ovh_sandbox_set_clock_offset (fixture->sandbox, 0);
  forget_clocks ();
}

static void
test_damaged_file_ignored (OvhTestFixture *fixture, gconstpointer data)
{
  const char *damaged[] = { "", "soon", "12abc", "999999999999999" };

  forget_clocks ();
  call_me (fixture->client);
  ovh_clock_memory_remember (fixture->client);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr (OvhClient) later = ovh_test_fixture_new_client (fixture, OVH_SANDBOX_CONSUMER_KEY);
      g_autofree char *path = dup_clock_file ();
      guint before = count_clock_requests (fixture);

      g_assert_true (g_file_set_contents (path, damaged[i], -1, NULL));
      ovh_clock_memory_recall (later);
      g_assert_false (ovh_client_has_time_offset (later));
      call_me (later);
      g_assert_cmpuint (count_clock_requests (fixture), ==, before + 1);
    }
  forget_clocks ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ovh_test_add ("/clock-memory/remembered-between-clients", test_remembered_between_clients);
  ovh_test_add ("/clock-memory/moved-clock-learned-again", test_moved_clock_learned_again);
  ovh_test_add ("/clock-memory/damaged-file-ignored", test_damaged_file_ignored);
  return g_test_run ();
}
