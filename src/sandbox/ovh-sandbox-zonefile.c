/* ovh-sandbox-zonefile.c: BIND zone files, as OVH exports and imports them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ovh-record-type-private.h"
#include "ovh-sandbox-private.h"

#define DEFAULT_TTL 3600

static gboolean
is_text_type (const char *field_type)
{
  return g_str_equal (field_type, "TXT") || g_str_equal (field_type, "SPF")
         || g_str_equal (field_type, "DKIM") || g_str_equal (field_type, "DMARC");
}

/* TXT-like data as zone-file character-strings: the value libovh reads from the API (a TXT is
 * stored without the quotes the API wraps it in, so wrap and unquote it the same way), split into
 * strings of at most 255 bytes at UTF-8 boundaries by the writer libovh's own zone files use. */
static void
append_text_value (GString *out, const SandboxRecord *record)
{
  g_autofree char *value = NULL;

  if (g_str_equal (record->field_type, "TXT"))
    {
      g_autofree char *api_target = g_strdup_printf ("\"%s\"", record->target);
      value = _ovh_record_unquote_txt (api_target);
    }
  else
    value = g_strdup (record->target);
  _ovh_record_append_txt_strings (out, value);
}

static int
compare_for_export (gconstpointer a, gconstpointer b)
{
  const SandboxRecord *ra = *(SandboxRecord **) a;
  const SandboxRecord *rb = *(SandboxRecord **) b;
  int cmp = strcmp (ra->sub_domain, rb->sub_domain);

  if (cmp != 0)
    return cmp;
  cmp = strcmp (ra->field_type, rb->field_type);
  if (cmp != 0)
    return cmp;
  return ra->id < rb->id ? -1 : ra->id > rb->id;
}

/* OVH's layout: $TTL, the SOA on "@", then blank-owner apex records and the other names. */
char *
sandbox_zone_file_write (const SandboxZone *zone)
{
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (zone->records->len);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "$TTL %u\n", DEFAULT_TTL);
  g_string_append_printf (
      out, "@\tIN SOA dns111.ovh.net. tech.ovh.net. (%u 86400 3600 3600000 60)\n", zone->serial);

  for (guint i = 0; i < zone->records->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (zone->records, i));
  g_ptr_array_sort (sorted, compare_for_export);

  for (guint i = 0; i < sorted->len; i++)
    {
      const SandboxRecord *record = g_ptr_array_index (sorted, i);
      const char *type = is_text_type (record->field_type) ? "TXT" : record->field_type;
      g_autofree char *ttl = record->ttl > 0 ? g_strdup_printf ("%u ", record->ttl) : g_strdup ("");
      g_autofree char *head = g_strdup_printf ("%s%s", ttl, "IN");

      g_string_append_printf (out, "%-24s %-8s %-6s ", record->sub_domain, head, type);
      if (is_text_type (record->field_type))
        append_text_value (out, record);
      else
        g_string_append (out, record->target);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Splits a logical line into tokens; quoted strings keep a leading '"' as a marker. */
static GPtrArray *
tokenize (const char *line, GError **error)
{
  g_autoptr (GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = line;

  while (*p != '\0')
    {
      if (g_ascii_isspace (*p) || *p == '(' || *p == ')')
        {
          p++;
          continue;
        }
      if (*p == ';')
        break;
      if (*p == '"')
        {
          GString *text = g_string_new ("\"");

          p++;
          while (*p != '\0' && *p != '"')
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (text, *p++);
            }
          if (*p != '"')
            {
              g_string_free (text, TRUE);
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unterminated string");
              return NULL;
            }
          p++;
          g_ptr_array_add (tokens, g_string_free (text, FALSE));
          continue;
        }

      {
        const char *start = p;

        while (*p != '\0' && !g_ascii_isspace (*p) && *p != ';' && *p != '(' && *p != ')')
          p++;
        g_ptr_array_add (tokens, g_strndup (start, p - start));
      }
    }

  return g_steal_pointer (&tokens);
}

static gboolean
is_number (const char *token)
{
  if (*token == '\0')
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static char *
owner_to_sub_domain (const char *owner, const char *origin)
{
  g_autofree char *absolute_origin = g_strconcat (".", origin, ".", NULL);

  if (g_str_equal (owner, "@"))
    return g_strdup ("");
  if (g_str_has_suffix (owner, "."))
    {
      if (g_ascii_strcasecmp (owner, absolute_origin + 1) == 0)
        return g_strdup ("");
      if (g_str_has_suffix (owner, absolute_origin))
        return g_strndup (owner, strlen (owner) - strlen (absolute_origin));
      return NULL; /* outside the zone */
    }
  return g_strdup (owner);
}

/* Joins lines continued inside parentheses, as BIND does. */
static GPtrArray *
logical_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;
  int depth = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean in_quotes = FALSE;

      if (current == NULL)
        current = g_string_new (NULL);
      else
        g_string_append_c (current, ' ');

      for (const char *p = line; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            {
              g_string_append_c (current, *p++);
              g_string_append_c (current, *p);
              continue;
            }
          if (*p == '"')
            in_quotes = !in_quotes;
          else if (!in_quotes && *p == ';')
            break;
          else if (!in_quotes && *p == '(')
            depth++;
          else if (!in_quotes && *p == ')')
            depth = MAX (depth - 1, 0);
          g_string_append_c (current, *p == '\r' ? ' ' : *p);
        }

      if (depth == 0)
        g_ptr_array_add (result, g_string_free (g_steal_pointer (&current), FALSE));
    }
  if (current != NULL)
    g_ptr_array_add (result, g_string_free (current, FALSE));

  return g_steal_pointer (&result);
}

GPtrArray *
sandbox_zone_file_parse (const char *zone_name, const char *text, GError **error)
{
  g_autoptr (GPtrArray) records
      = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_record_free);
  g_autoptr (GPtrArray) lines = logical_lines (text);
  g_autofree char *origin = g_strdup (zone_name);
  g_autofree char *previous_owner = g_strdup ("@");

  for (guint n = 0; n < lines->len; n++)
    {
      const char *line = g_ptr_array_index (lines, n);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (GPtrArray) tokens = tokenize (line, &local_error);
      g_autofree char *sub_domain = NULL;
      const char *owner;
      const char *type = NULL;
      guint ttl = 0;
      guint i = 0;

      if (tokens == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "line %u: %s", n + 1,
                       local_error->message);
          return NULL;
        }
      if (tokens->len == 0)
        continue;

      if (g_str_equal (g_ptr_array_index (tokens, 0), "$TTL"))
        continue;
      if (g_str_equal (g_ptr_array_index (tokens, 0), "$ORIGIN"))
        {
          if (tokens->len > 1)
            {
              const char *value = g_ptr_array_index (tokens, 1);
              g_free (origin);
              origin = g_str_has_suffix (value, ".") ? g_strndup (value, strlen (value) - 1)
                                                     : g_strdup (value);
            }
          continue;
        }

      if (g_ascii_isspace (line[0]))
        owner = previous_owner;
      else
        {
          owner = g_ptr_array_index (tokens, 0);
          i = 1;
        }

      /* [ttl] [class] type, in either order. */
      for (; i < tokens->len; i++)
        {
          const char *token = g_ptr_array_index (tokens, i);

          if (is_number (token))
            ttl = (guint) strtoul (token, NULL, 10);
          else if (g_ascii_strcasecmp (token, "IN") == 0)
            continue;
          else
            {
              type = token;
              i++;
              break;
            }
        }

      if (owner != previous_owner)
        {
          g_free (previous_owner);
          previous_owner = g_strdup (owner);
          owner = previous_owner;
        }

      if (type == NULL || i >= tokens->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "line %u: incomplete record",
                       n + 1);
          return NULL;
        }
      if (g_ascii_strcasecmp (type, "SOA") == 0)
        continue;

      {
        g_autofree char *upper = g_ascii_strup (type, -1);
        GString *target = g_string_new (NULL);

        if (!sandbox_record_type_is_valid (upper))
          {
            g_string_free (target, TRUE);
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "line %u: unsupported record type %s", n + 1, type);
            return NULL;
          }

        sub_domain = owner_to_sub_domain (owner, origin);
        if (sub_domain == NULL)
          {
            g_string_free (target, TRUE);
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         "line %u: %s is outside the zone", n + 1, owner);
            return NULL;
          }
        if (!g_str_equal (origin, zone_name) && !g_str_equal (sub_domain, ""))
          {
            /* Names relative to another $ORIGIN inside the zone. */
            if (g_str_has_suffix (origin, zone_name) && !g_str_has_suffix (owner, "."))
              {
                g_autofree char *prefix
                    = g_strndup (origin, strlen (origin) - strlen (zone_name) - 1);
                g_autofree char *joined = g_strconcat (sub_domain, ".", prefix, NULL);
                g_free (sub_domain);
                sub_domain = g_steal_pointer (&joined);
              }
          }

        if (g_str_equal (upper, "TXT"))
          {
            /* Character-strings are joined: what the API shows is their content. */
            for (; i < tokens->len; i++)
              {
                const char *token = g_ptr_array_index (tokens, i);
                g_string_append (target, token[0] == '"' ? token + 1 : token);
              }
          }
        else
          {
            for (; i < tokens->len; i++)
              {
                const char *token = g_ptr_array_index (tokens, i);

                if (target->len > 0)
                  g_string_append_c (target, ' ');
                if (token[0] == '"')
                  g_string_append_printf (target, "\"%s\"", token + 1);
                else
                  g_string_append (target, token);
              }
          }

        g_ptr_array_add (records, sandbox_record_new (0, sub_domain, upper, target->str, ttl));
        g_string_free (target, TRUE);
      }
    }

  return g_steal_pointer (&records);
}
