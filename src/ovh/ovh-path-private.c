/* ovh-path-private.c: API paths with their dynamic segments escaped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include "ovh-path-private.h"

char *
ovh_path_vprintf (const char *format, va_list args)
{
  g_autoptr (GString) path = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  path = g_string_new (NULL);
  for (const char *p = format; *p != '\0'; p++)
    {
      guint longs = 0;

      if (*p != '%')
        {
          g_string_append_c (path, *p);
          continue;
        }

      for (p++; *p == 'l' && longs < 2; p++)
        longs++;

      if (*p == '%' && longs == 0)
        g_string_append_c (path, '%');
      else if (*p == 's' && longs == 0)
        {
          const char *segment = va_arg (args, const char *);

          if (segment == NULL || segment[0] == '\0')
            {
              g_critical ("%s: an empty segment in path “%s”", G_STRFUNC, format);
              return NULL;
            }
          g_string_append_uri_escaped (path, segment, NULL, FALSE);
        }
      else if (*p == 'd' || *p == 'i')
        {
          gint64 value = longs == 0   ? va_arg (args, int)
                         : longs == 1 ? va_arg (args, long)
                                      : va_arg (args, long long);

          g_string_append_printf (path, "%" G_GINT64_FORMAT, value);
        }
      else if (*p == 'u')
        {
          guint64 value = longs == 0   ? va_arg (args, unsigned int)
                          : longs == 1 ? va_arg (args, unsigned long)
                                       : va_arg (args, unsigned long long);

          g_string_append_printf (path, "%" G_GUINT64_FORMAT, value);
        }
      else
        {
          g_critical ("%s: unsupported conversion in path “%s”", G_STRFUNC, format);
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

char *
ovh_path_printf (const char *format, ...)
{
  va_list args;
  char *path;

  va_start (args, format);
  path = ovh_path_vprintf (format, args);
  va_end (args);

  return path;
}
