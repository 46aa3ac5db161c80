/* ovh-value-replace.c: find and replace in record values, as text or as a regular expression
 *
 * Both kinds go through one GRegex: plain text is escaped first, and its replacement is
 * inserted literally, so "\1" or "$" in it mean themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-value-replace.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

struct _OvhValueReplacer
{
  GRegex *regex;
  char *to;
  gboolean literal;
};

/* The highest group number the replacement refers to, as \N or \g<N>; 0 for none. */
static int
highest_group_reference (const char *to)
{
  int highest = 0;

  for (const char *p = to; *p != '\0'; p++)
    {
      int number = 0;

      if (*p != '\\' || p[1] == '\0')
        continue;
      p++;
      if (g_ascii_isdigit (*p))
        number = *p - '0';
      else if (*p == 'g' && p[1] == '<' && g_ascii_isdigit (p[2]))
        number = (int) MIN (g_ascii_strtoll (p + 2, NULL, 10), 1000);
      highest = MAX (highest, number);
    }
  return highest;
}

OvhValueReplacer *
ovh_value_replacer_new (const char *from,
                        const char *to,
                        OvhValueReplaceFlags flags,
                        GError **error)
{
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GError) regex_error = NULL;
  g_autofree char *escaped = NULL;
  gboolean regex_mode = (flags & OVH_VALUE_REPLACE_REGEX) != 0;
  GRegexCompileFlags compile_flags = G_REGEX_OPTIMIZE;
  OvhValueReplacer *self;

  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if (*from == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Type the text to search for"));
      return NULL;
    }
  if ((flags & OVH_VALUE_REPLACE_IGNORE_CASE) != 0)
    compile_flags |= G_REGEX_CASELESS;
  if (!regex_mode)
    escaped = g_regex_escape_string (from, -1);

  regex = g_regex_new (regex_mode ? from : escaped, compile_flags, 0, &regex_error);
  if (regex == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is GLib's explanation of the regular expression's fault */
                   _ ("This regular expression is not valid: %s"), regex_error->message);
      return NULL;
    }
  if (regex_mode)
    {
      int highest = highest_group_reference (to);

      if (!g_regex_check_replacement (to, NULL, &regex_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _ ("This replacement is not valid: %s"), regex_error->message);
          return NULL;
        }
      /* GRegex would silently insert nothing for a group the expression lacks. */
      if (highest > g_regex_get_capture_count (regex))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       /* Translators: %d is a group number, as in \2 */
                       _ ("The replacement refers to group %d, which the expression does not have"),
                       highest);
          return NULL;
        }
    }

  self = g_new0 (OvhValueReplacer, 1);
  self->regex = g_steal_pointer (&regex);
  self->to = g_strdup (to);
  self->literal = !regex_mode;
  return self;
}

void
ovh_value_replacer_free (OvhValueReplacer *self)
{
  if (self == NULL)
    return;
  g_regex_unref (self->regex);
  g_free (self->to);
  g_free (self);
}

gboolean
ovh_value_replacer_matches (const OvhValueReplacer *self, const char *value)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return value != NULL && g_regex_match (self->regex, value, 0, NULL);
}

char *
ovh_value_replacer_apply (const OvhValueReplacer *self, const char *value)
{
  g_autofree char *replaced = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (value == NULL || !g_regex_match (self->regex, value, 0, NULL))
    return NULL;
  if (self->literal)
    replaced = g_regex_replace_literal (self->regex, value, -1, 0, self->to, 0, NULL);
  else
    replaced = g_regex_replace (self->regex, value, -1, 0, self->to, 0, NULL);
  if (replaced == NULL || g_str_equal (replaced, value))
    return NULL;
  return g_steal_pointer (&replaced);
}
