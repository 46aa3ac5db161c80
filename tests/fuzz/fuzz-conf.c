/* fuzz-conf.c: an ovh.conf file as the official clients write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader takes paths, so the input goes through one scratch file per process. Each
 * endpoint found also goes through the custom API address check, as an import's would.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"
#include "ovh-conf.h"

static char *conf_path;

static void
remove_conf (void)
{
  g_unlink (conf_path);
  g_clear_pointer (&conf_path, g_free);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *const envp[] = { NULL };
  const char *paths[] = { NULL, NULL };
  g_autoptr (GPtrArray) candidates = NULL;

  fuzz_init_once ();
  if (conf_path == NULL)
    {
      int fd = g_file_open_tmp ("fuzz-ovh-XXXXXX.conf", &conf_path, NULL);

      g_assert_cmpint (fd, >=, 0);
      close (fd);
      atexit (remove_conf);
    }
  /* In place and without fsync: the file is rewritten for every input. */
  g_assert_true (g_file_set_contents_full (conf_path, (const char *) data, (gssize) size,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  paths[0] = conf_path;
  candidates = ovh_conf_find_candidates (paths, envp, NULL);
  if (candidates == NULL)
    return 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      OvhConfCandidate *candidate = g_ptr_array_index (candidates, i);

      g_assert_nonnull (candidate->application_key);
      g_assert_true (g_utf8_validate (candidate->source, -1, NULL));
      if (candidate->endpoint != NULL)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *url = ovh_endpoint_check_custom_url (candidate->endpoint, &error);

          g_assert_true ((url == NULL) == (error != NULL));
          if (url != NULL)
            g_assert_true (g_ascii_strncasecmp (url, "http", 4) == 0
                           && !g_str_has_suffix (url, "/"));
        }
    }
  return 0;
}
