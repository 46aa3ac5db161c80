/* ovh-zone-file.h: BIND zone files to and from OVH records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ovh-record-notes.h"
#include "ovh-record.h"

G_BEGIN_DECLS

#define OVH_ZONE_FILE_ERROR (ovh_zone_file_error_quark ())

typedef enum
{
  OVH_ZONE_FILE_ERROR_SYNTAX,      /* a line ldns cannot read, or a bad $ORIGIN/$TTL */
  OVH_ZONE_FILE_ERROR_UNSUPPORTED, /* a record type OVH cannot hold (HINFO, DS…) */
  OVH_ZONE_FILE_ERROR_OUT_OF_ZONE, /* an owner name outside the zone */
  OVH_ZONE_FILE_ERROR_INVALID,     /* parsed, but refused by OVH's rules (ovh_record_validate) */
  OVH_ZONE_FILE_ERROR_MANAGED,     /* the SOA or an apex NS: OVH keeps its own */
} OvhZoneFileError;

typedef enum
{
  OVH_ZONE_FILE_PARSE_DEFAULT = 0,
  /* Skip SOA silently (always) and unsupported types too, instead of failing. */
  OVH_ZONE_FILE_PARSE_SKIP_UNSUPPORTED = 1 << 0,
  /* By default a TXT stays TXT whatever it holds (what the file says is what gets created).
   * With this flag, TXT "v=spf1 …" becomes SPF, "v=DKIM1…" DKIM, "v=DMARC1…" under _dmarc
   * DMARC. */
  OVH_ZONE_FILE_PARSE_DETECT_TYPED_TXT = 1 << 1,
} OvhZoneFileParseFlags;

GQuark ovh_zone_file_error_quark (void);

/* "$ORIGIN example.com.\n$TTL 3600\n" then one line per record, sorted by name (apex first),
 * type, then target; stable otherwise. records: OvhRecord items. default_ttl 0 leaves $TTL out. */
char *ovh_zone_file_write (const char *origin, guint default_ttl, GPtrArray *records);
char *ovh_zone_file_write_model (const char *origin, guint default_ttl, GListModel *records);

/* As ovh_zone_file_write_model, with the note of each record (notes may be NULL) as a comment
 * line right before it: OVH_ZONE_FILE_NOTE_PREFIX then the note, a backslash written "\\" and
 * line breaks "\n". Any zone file reader skips it; ovh_zone_file_parse reads it back. */
#define OVH_ZONE_FILE_NOTE_PREFIX "; domaine-note: "
char *ovh_zone_file_write_model_with_notes (const char *origin,
                                            guint default_ttl,
                                            GListModel *records,
                                            OvhRecordNotes *notes);
char *ovh_zone_file_write_with_notes (const char *origin,
                                      guint default_ttl,
                                      GPtrArray *records,
                                      OvhRecordNotes *notes);
/* The note read right before a record that ovh_zone_file_parse gave; NULL when none. */
const char *ovh_zone_file_get_note (OvhRecord *record);
/* Gives notes the notes of parsed records (OvhRecord items of a parse), as notes of records
 * not created yet: they reach the records by name, type and value once the zone is reloaded
 * (ovh_record_notes_follow). Returns how many were set. */
guint ovh_zone_file_take_notes (GPtrArray *records, OvhRecordNotes *notes);

/* Parses text into a GPtrArray of OvhRecord (zone = origin without its final dot, id 0).
 * Handles $ORIGIN, $TTL, comments, parentheses and blank owners (previous owner). A line
 * without a TTL gives ttl 0 (the zone default, as OVH means it), whatever $TTL says. On
 * failure sets error and *error_line (1-based; may be NULL). SOA records are always skipped:
 * OVH manages them. */
GPtrArray *ovh_zone_file_parse (const char *text,
                                const char *origin,
                                OvhZoneFileParseFlags flags,
                                guint *error_line,
                                GError **error);

/* One line of a file that gave no record: an error (SYNTAX, OUT_OF_ZONE, INVALID), or a record
 * OVH cannot hold (UNSUPPORTED: other classes, $INCLUDE, types OVH lacks) or holds itself
 * (MANAGED: SOA, apex NS). message is translated and names what was left out. */
typedef struct
{
  guint line;
  OvhZoneFileError code;
  char *message;
} OvhZoneFileProblem;

void ovh_zone_file_problem_free (OvhZoneFileProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhZoneFileProblem, ovh_zone_file_problem_free)

/* Reads the whole file, whatever it meets: the records OVH can hold (as ovh_zone_file_parse
 * gives them, apex NS left out) and, in *problems, every line that gave none, in order.
 * Nothing is dropped without a problem saying so. NULL only when origin is not a name. */
GPtrArray *ovh_zone_file_parse_full (const char *text,
                                     const char *origin,
                                     OvhZoneFileParseFlags flags,
                                     GPtrArray **problems);
/* TRUE when one of the problems is an error (not a record left out on purpose). */
gboolean ovh_zone_file_problems_have_errors (GPtrArray *problems);

G_END_DECLS
