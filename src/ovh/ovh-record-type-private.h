/* ovh-record-type-private.h: helpers shared by the record sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Zone-file tokens: blank-separated words or "quoted strings" (quotes removed, \" and \\
 * unescaped). quoted (GArray of gboolean) may be NULL. FALSE on an unterminated quote. */
gboolean _ovh_record_tokenize (const char *text, GPtrArray *tokens, GArray *quoted);
/* Appends "text" with '"' and '\\' escaped. length -1 for NUL-terminated. */
void _ovh_record_append_quoted (GString *out, const char *text, gssize length);
/* Appends text as zone-file character-strings of at most 255 bytes, never cutting a UTF-8
 * character: "part1" "part2". */
void _ovh_record_append_txt_strings (GString *out, const char *text);
/* The reverse of what the API does to TXT: "a" "b" → ab; anything else is returned as is. */
char *_ovh_record_unquote_txt (const char *target);

/* A quote that does not open or close a whole part (S" or "S"x), which a zone file would read
 * another way than Domaine shows it. */
gboolean _ovh_record_has_stray_quote (const char *target);
/* A whole RFC 1876 location ("52 22 23.000 N 4 53 32.000 E -2.00m [size [hp [vp]]]") and
 * nothing after it. */
gboolean _ovh_record_loc_is_valid (const char *target);

G_END_DECLS
