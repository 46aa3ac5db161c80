/* fuzz-common.h: what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with -Dfuzzing=true it is a libFuzzer
 * program; otherwise fuzz-replay.c runs it over its corpus in the normal test suite.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Messages and debug output are expected from hostile input and would only slow the fuzzer
 * down; a warning or a critical is a bug, so it aborts (libFuzzer reports it as a crash). */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags log_level,
                 const GLogField *fields,
                 gsize n_fields,
                 gpointer user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      g_abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_init_once (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}

/* The input as a NUL-terminated string (inputs may hold NULs: the string then stops there). */
static inline char *
fuzz_dup_text (const uint8_t *data, size_t size)
{
  return g_strndup ((const char *) data, size);
}

/* Splits off the first line of the input: returns it, moves *data and *size past it. */
static inline char *
fuzz_take_line (const uint8_t **data, size_t *size)
{
  const uint8_t *newline = memchr (*data, '\n', *size);
  size_t length = newline != NULL ? (size_t) (newline - *data) : *size;
  char *line = g_strndup ((const char *) *data, length);

  *data += newline != NULL ? length + 1 : length;
  *size -= newline != NULL ? length + 1 : length;
  return line;
}
