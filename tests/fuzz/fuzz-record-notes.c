/* fuzz-record-notes.c: a notes file as read back from disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-record-notes.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (OvhRecordNotes) notes = NULL;
  g_autoptr (OvhRecordNotes) again = NULL;
  g_autoptr (OvhRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  fuzz_init_once ();

  notes = ovh_record_notes_new (NULL);
  if (!ovh_record_notes_parse (notes, (const char *) data, (gssize) size, NULL))
    return 0;

  /* What was accepted is written back, reads again into the same notes and the same file. */
  written = ovh_record_notes_serialize (notes);
  again = ovh_record_notes_new (NULL);
  if (!ovh_record_notes_parse (again, written, -1, &error))
    {
      g_printerr ("a notes file that was read does not read back: %s\n", error->message);
      g_abort ();
    }
  rewritten = ovh_record_notes_serialize (again);
  if (g_strcmp0 (written, rewritten) != 0
      || ovh_record_notes_get_n_notes (notes) != ovh_record_notes_get_n_notes (again))
    {
      g_printerr ("a notes file does not read back the same:\n%s\n%s\n", written, rewritten);
      g_abort ();
    }

  /* Looking up and following never trip on what was read. */
  record = ovh_record_new ("example.com", "www", "A", "192.0.2.1", 0);
  ovh_record_notes_lookup (again, record);
  ovh_record_set_id (record, 1);
  ovh_record_notes_lookup (again, record);
  {
    g_autoptr (GPtrArray) zone = g_ptr_array_new ();

    g_ptr_array_add (zone, record);
    ovh_record_notes_follow_array (again, zone);
  }
  return 0;
}
