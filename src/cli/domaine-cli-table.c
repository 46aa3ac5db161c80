/* domaine-cli-table.c: aligned text tables for a terminal, by display width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "domaine-cli-table.h"

struct _DomaineCliTable
{
  GPtrArray *headers; /* char* */
  GPtrArray *rows;    /* GStrv, each of n_columns cells */
  gboolean *align_right;
  gboolean show_headers;
};

static gsize
unichar_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;
  return 1;
}

gsize
domaine_cli_utf8_width (const char *text)
{
  gsize width = 0;
  const char *p = text;

  g_return_val_if_fail (text != NULL, 0);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* An invalid byte: a terminal shows one replacement cell for it. */
          width++;
          p++;
          continue;
        }
      width += unichar_width (c);
      p = g_utf8_next_char (p);
    }

  return width;
}

char *
domaine_cli_sanitize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

DomaineCliTable *
domaine_cli_table_new (const char *first_header, ...)
{
  DomaineCliTable *self = g_new0 (DomaineCliTable, 1);
  va_list args;

  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  va_start (args, first_header);
  for (const char *header = first_header; header != NULL; header = va_arg (args, const char *))
    g_ptr_array_add (self->headers, domaine_cli_sanitize_text (header));
  va_end (args);

  self->align_right = g_new0 (gboolean, MAX (self->headers->len, 1));
  self->show_headers = TRUE;

  return self;
}

void
domaine_cli_table_free (DomaineCliTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->headers);
  g_ptr_array_unref (self->rows);
  g_free (self->align_right);
  g_free (self);
}

guint
domaine_cli_table_get_n_columns (DomaineCliTable *self)
{
  return self->headers->len;
}

guint
domaine_cli_table_get_n_rows (DomaineCliTable *self)
{
  return self->rows->len;
}

void
domaine_cli_table_set_show_headers (DomaineCliTable *self, gboolean show_headers)
{
  self->show_headers = show_headers;
}

void
domaine_cli_table_set_align_right (DomaineCliTable *self, guint column, gboolean right)
{
  g_return_if_fail (column < self->headers->len);

  self->align_right[column] = right;
}

void
domaine_cli_table_add_rowv (DomaineCliTable *self, const char *const *cells)
{
  guint n_columns = self->headers->len;
  char **row = g_new0 (char *, n_columns + 1);
  gboolean ended = (cells == NULL);

  for (guint i = 0; i < n_columns; i++)
    {
      if (!ended && cells[i] == NULL)
        ended = TRUE;
      row[i] = domaine_cli_sanitize_text (ended ? "" : cells[i]);
    }

  g_ptr_array_add (self->rows, row);
}

void
domaine_cli_table_add_row (DomaineCliTable *self, const char *first_cell, ...)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first_cell);
  for (const char *cell = first_cell; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);
  g_ptr_array_add (cells, NULL);

  domaine_cli_table_add_rowv (self, (const char *const *) cells->pdata);
}

static void
append_line (GString *out, DomaineCliTable *self, const char *const *cells, const gsize *widths)
{
  guint n_columns = self->headers->len;

  for (guint i = 0; i < n_columns; i++)
    {
      gsize width = domaine_cli_utf8_width (cells[i]);
      gsize padding = widths[i] - width;
      gboolean last = (i + 1 == n_columns);

      if (i > 0)
        g_string_append (out, "  ");
      if (self->align_right[i])
        {
          for (gsize j = 0; j < padding; j++)
            g_string_append_c (out, ' ');
          g_string_append (out, cells[i]);
        }
      else
        {
          g_string_append (out, cells[i]);
          for (gsize j = 0; !last && j < padding; j++)
            g_string_append_c (out, ' ');
        }
    }

  /* An empty last cell would leave the separator hanging. */
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

char *
domaine_cli_table_format (DomaineCliTable *self)
{
  guint n_columns = self->headers->len;
  g_autofree gsize *widths = g_new0 (gsize, MAX (n_columns, 1));
  GString *out = g_string_new (NULL);

  for (guint i = 0; self->show_headers && i < n_columns; i++)
    widths[i] = domaine_cli_utf8_width (g_ptr_array_index (self->headers, i));
  for (guint r = 0; r < self->rows->len; r++)
    {
      char **row = g_ptr_array_index (self->rows, r);

      for (guint i = 0; i < n_columns; i++)
        widths[i] = MAX (widths[i], domaine_cli_utf8_width (row[i]));
    }

  if (self->show_headers)
    append_line (out, self, (const char *const *) self->headers->pdata, widths);
  for (guint r = 0; r < self->rows->len; r++)
    append_line (out, self, g_ptr_array_index (self->rows, r), widths);

  return g_string_free (out, FALSE);
}
