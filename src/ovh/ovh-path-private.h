/* ovh-path-private.h: API paths with their dynamic segments escaped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   g_autofree char *path = ovh_path_printf ("/domain/zone/%s/record/%" G_GUINT64_FORMAT,
 *                                            zone, id);
 *
 * Every %s argument is one path segment, escaped (a "/" or "?" in a zone name cannot change
 * which route is called); it must not be NULL or empty, nor escaped already. Integers
 * (%d %i %u, with l or ll, so G_GINT64_FORMAT and G_GUINT64_FORMAT too) are written as
 * they are, and %% is a "%". Any other conversion is a programming error (NULL).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ovh_path_printf (const char *format, ...) G_GNUC_PRINTF (1, 2) G_GNUC_WARN_UNUSED_RESULT;
char *ovh_path_vprintf (const char *format, va_list args)
    G_GNUC_PRINTF (1, 0) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
