/* fuzz-replay.c: runs a fuzz target over files, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-TARGET FILE-OR-DIRECTORY…
 *
 * Linked with each target in builds without -Dfuzzing (gcc): the committed corpus, crash
 * regressions included, then runs in the normal test suite under ASan and UBSan.
 */
#include "config.h"

#include <stdlib.h>

#include <gio/gio.h>

#include "fuzz-common.h"

static guint n_inputs;

static void
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint8 *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  /* An exact-size copy, so that ASan sees a read past the end as libFuzzer would. */
  copy = g_malloc (MAX (length, 1));
  memcpy (copy, contents, length);
  g_print ("%s\n", path);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  n_inputs++;
}

static void
replay_path (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      replay_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_printerr ("cannot open %s\n", path);
      exit (1);
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    replay_path (g_ptr_array_index (names, i));
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE-OR-DIRECTORY…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  if (n_inputs == 0)
    {
      g_printerr ("no input found\n");
      return 1;
    }
  g_print ("%u inputs replayed\n", n_inputs);
  return 0;
}
