/* ovh-account-search-notes.c: searching every zone finds records by their local notes too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-account-search.h"
#include "ovh-record-notes.h"

typedef struct
{
  char *base_dir;
  char *account_id;
  GHashTable *notes; /* zone name → OvhRecordNotes, or NULL when its file cannot be read */
} NotesMatch;

static void
notes_match_free (gpointer data)
{
  NotesMatch *match = data;

  g_free (match->base_dir);
  g_free (match->account_id);
  g_hash_table_unref (match->notes);
  g_free (match);
}

static void
unref_notes (gpointer notes)
{
  if (notes != NULL)
    g_object_unref (notes);
}

static gboolean
match_note (const char *zone, OvhRecord *record, const OvhValueReplacer *matcher, gpointer data)
{
  NotesMatch *match = data;
  OvhRecordNotes *notes = NULL;
  const char *note;

  /* A zone's notes are read once, the first time one of its records is asked about. A file
   * that cannot be read matches nothing here; the zone editor says why when it opens. */
  if (!g_hash_table_lookup_extended (match->notes, zone, NULL, (gpointer *) &notes))
    {
      notes = ovh_record_notes_open (match->base_dir, match->account_id, zone, NULL);
      g_hash_table_insert (match->notes, g_strdup (zone), notes);
    }
  note = notes != NULL ? ovh_record_notes_lookup (notes, record) : NULL;
  return note != NULL && ovh_value_replacer_matches (matcher, note);
}

void
ovh_account_search_match_notes (OvhAccountSearch *self,
                                const char *base_dir,
                                const char *account_id)
{
  NotesMatch *match;

  g_return_if_fail (OVH_IS_ACCOUNT_SEARCH (self));
  g_return_if_fail (account_id != NULL);

  match = g_new0 (NotesMatch, 1);
  match->base_dir = g_strdup (base_dir);
  match->account_id = g_strdup (account_id);
  match->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_notes);
  ovh_account_search_set_match_func (self, match_note, match, notes_match_free);
}
