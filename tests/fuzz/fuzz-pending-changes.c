/* fuzz-pending-changes.c: saved pending changes, staged on a zone and discarded one by one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Discarding walks the links between the halves of a type change: a file that could make a
 * dangling link shows up here as a use after free.
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-changeset-private.h"
#include "ovh-client.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static OvhClient *client;
  g_autoptr (GBytes) contents = g_bytes_new (data, size);
  g_autoptr (OvhSavedChanges) saved = NULL;
  g_autoptr (OvhZone) zone = NULL;
  g_autoptr (OvhChangeset) changeset = NULL;
  g_autoptr (GBytes) written = NULL;
  GListModel *changes;

  fuzz_init_once ();
  if (client == NULL)
    client = ovh_client_new ("http://127.0.0.1:9/1.0", "fuzzAppKey", "fuzzSecret", "fuzzCk");

  saved = ovh_saved_changes_parse (contents, "fuzz.json", NULL);
  if (saved == NULL)
    return 0;

  zone = ovh_zone_new (client, "example.com");
  changeset = ovh_changeset_new (zone);
  if (!ovh_changeset_stage_saved (changeset, saved, "fuzz.json", NULL))
    return 0;

  /* Saved again, it reads back. */
  written = ovh_changeset_serialize (changeset);
  {
    g_autoptr (OvhSavedChanges) again = ovh_saved_changes_parse (written, "fuzz.json", NULL);

    g_assert_nonnull (again);
  }

  /* Undone one by one, as the app's undo stack would: from the last, or (for inputs of odd
   * size) from the first. */
  changes = ovh_changeset_get_changes (changeset);
  while (g_list_model_get_n_items (changes) > 0)
    {
      guint n = g_list_model_get_n_items (changes);
      g_autoptr (OvhChange) change = g_list_model_get_item (changes, size % 2 ? 0 : n - 1);

      g_assert_true (ovh_changeset_discard (changeset, change));
      g_assert_cmpuint (g_list_model_get_n_items (changes), <, n);
    }
  return 0;
}
