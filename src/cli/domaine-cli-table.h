/* domaine-cli-table.h: aligned text tables for a terminal, by display width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DomaineCliTable DomaineCliTable;

/* The columns' headers, NULL-terminated (already translated). */
DomaineCliTable *domaine_cli_table_new (const char *first_header, ...) G_GNUC_NULL_TERMINATED;
void domaine_cli_table_free (DomaineCliTable *self);

guint domaine_cli_table_get_n_columns (DomaineCliTable *self);
guint domaine_cli_table_get_n_rows (DomaineCliTable *self);
/* One cell per column, NULL-terminated; missing cells are empty, NULL cells too. */
void domaine_cli_table_add_row (DomaineCliTable *self,
                                const char *first_cell,
                                ...) G_GNUC_NULL_TERMINATED;
void domaine_cli_table_add_rowv (DomaineCliTable *self, const char *const *cells);
/* Key–value lists have no header line. */
void domaine_cli_table_set_show_headers (DomaineCliTable *self, gboolean show_headers);
/* Marks a column as numeric: its cells are aligned to the right. */
void domaine_cli_table_set_align_right (DomaineCliTable *self, guint column, gboolean right);

/* Header line then one line per row, each ending in "\n". Columns are separated by two spaces
 * and padded by display width (wide characters count two, combining marks zero); the last
 * column is never padded, so no line ends in spaces. Control characters in cells are shown
 * as U+FFFD so that a value cannot break the layout. */
char *domaine_cli_table_format (DomaineCliTable *self);

/* Valid UTF-8 with every control character (escape sequences, line breaks) shown as U+FFFD:
 * text from the server stays on its line and cannot drive the terminal. */
char *domaine_cli_sanitize_text (const char *text);
/* How many terminal columns text takes (UTF-8; invalid bytes count one each). */
gsize domaine_cli_utf8_width (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DomaineCliTable, domaine_cli_table_free)

G_END_DECLS
