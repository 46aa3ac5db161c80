/* ovh-dmarc-policy.c: a DMARC policy ("v=DMARC1; p=…", RFC 7489) as an ordered list of tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one DMARC reader of libovh (record editor builder, zone lint, fuzzer). Each tag keeps
 * the separator written before it and the spelling of its "=", and the policy what follows
 * the last tag, so that formatting gives back exactly what was parsed.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ovh-dmarc-policy.h"

G_DEFINE_QUARK (ovh - dmarc - policy - error - quark, ovh_dmarc_policy_error)

typedef struct
{
  char *separator; /* what comes before the name: "; ", ";", or blanks before "v" */
  char *name;
  char *equals; /* "=", or " = " as written */
  char *value;
} Tag;

struct _OvhDmarcPolicy
{
  GArray *tags; /* of Tag */
  char *tail;   /* after the last value: "", ";", "; "… */
};

G_DEFINE_BOXED_TYPE (OvhDmarcPolicy, ovh_dmarc_policy, ovh_dmarc_policy_copy, ovh_dmarc_policy_free)

static void
tag_clear (Tag *tag)
{
  g_free (tag->separator);
  g_free (tag->name);
  g_free (tag->equals);
  g_free (tag->value);
}

static OvhDmarcPolicy *
policy_new_empty (void)
{
  OvhDmarcPolicy *policy = g_new0 (OvhDmarcPolicy, 1);

  policy->tags = g_array_new (FALSE, TRUE, sizeof (Tag));
  g_array_set_clear_func (policy->tags, (GDestroyNotify) tag_clear);
  policy->tail = g_strdup ("");
  return policy;
}

static void
append_tag (OvhDmarcPolicy *policy,
            const char *separator,
            const char *name,
            const char *equals,
            const char *value)
{
  Tag tag = { g_strdup (separator), g_strdup (name), g_strdup (equals), g_strdup (value) };

  g_array_append_val (policy->tags, tag);
}

OvhDmarcPolicy *
ovh_dmarc_policy_new (void)
{
  OvhDmarcPolicy *policy = policy_new_empty ();

  append_tag (policy, "", "v", "=", "DMARC1");
  append_tag (policy, "; ", "p", "=", "none");
  return policy;
}

gboolean
ovh_dmarc_is_policy_text (const char *text)
{
  return text != NULL && g_str_has_prefix (text, "v=DMARC1")
         && (text[8] == '\0' || strchr ("; \t", text[8]) != NULL);
}

/* --- Checks ------------------------------------------------------------------------------ */

static gboolean
valid_tag_name (const char *name)
{
  if (!g_ascii_isalpha (name[0]))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* NULL when @value suits tag @name, otherwise the reason. */
static char *
check_value (const char *name, const char *value)
{
  static const char *const policies[] = { "none", "quarantine", "reject", NULL };
  static const char *const alignments[] = { "r", "s", NULL };
  guint64 number;

  if (g_str_equal (name, "p") || g_str_equal (name, "sp"))
    {
      if (!g_strv_contains (policies, value))
        return g_strdup_printf (_ ("“%s=%s”: the policy is none, quarantine or reject"), name,
                                value);
    }
  else if (g_str_equal (name, "adkim") || g_str_equal (name, "aspf"))
    {
      if (!g_strv_contains (alignments, value))
        return g_strdup_printf (_ ("“%s=%s”: the alignment is r (relaxed) or s (strict)"), name,
                                value);
    }
  else if (g_str_equal (name, "pct"))
    {
      if (!g_ascii_string_to_unsigned (value, 10, 0, 100, &number, NULL))
        return g_strdup_printf (_ ("“pct=%s”: a percentage from 0 to 100"), value);
    }
  else if (g_str_equal (name, "ri"))
    {
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &number, NULL))
        return g_strdup_printf (_ ("“ri=%s”: a number of seconds"), value);
    }
  else if (g_str_equal (name, "rua") || g_str_equal (name, "ruf"))
    {
      g_auto (GStrv) uris = g_strsplit (value, ",", -1);

      for (guint u = 0; uris[u] != NULL; u++)
        {
          const char *uri = g_strstrip (uris[u]);

          if (!g_str_has_prefix (uri, "mailto:") || strchr (uri, '@') == NULL)
            return g_strdup_printf (
                _ ("“%s=%s”: reports go to addresses such as mailto:dmarc@example.com"), name,
                value);
        }
    }
  return NULL;
}

static OvhDmarcPolicy *
parse_error (GError **error, char *message)
{
  g_set_error_literal (error, OVH_DMARC_POLICY_ERROR, OVH_DMARC_POLICY_ERROR_INVALID, message);
  g_free (message);
  return NULL;
}

/* --- Parsing and formatting -------------------------------------------------------------- */

static gsize
count_blanks (const char *text, gsize length)
{
  gsize n = 0;

  while (n < length && g_ascii_isspace (text[n]))
    n++;
  return n;
}

static gsize
count_trailing_blanks (const char *text, gsize length)
{
  gsize n = 0;

  while (n < length && g_ascii_isspace (text[length - n - 1]))
    n++;
  return n;
}

OvhDmarcPolicy *
ovh_dmarc_policy_parse (const char *text, GError **error)
{
  g_autoptr (OvhDmarcPolicy) policy = policy_new_empty ();
  g_autoptr (GString) pending = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *piece = text;

  g_return_val_if_fail (text != NULL, NULL);

  for (;;)
    {
      const char *end = strchr (piece, ';');
      gsize length = end != NULL ? (gsize) (end - piece) : strlen (piece);
      gsize lead = count_blanks (piece, length);
      gsize trail = lead < length ? count_trailing_blanks (piece, length) : 0;
      const char *equals;

      if (lead == length)
        g_string_append_len (pending, piece, length);
      else
        {
          g_autofree char *pair = g_strndup (piece + lead, length - lead - trail);
          g_autofree char *name = NULL;
          gsize name_length, value_start;
          Tag tag;

          g_string_append_len (pending, piece, lead);
          equals = strchr (pair, '=');
          if (equals == NULL)
            return parse_error (error, g_strdup_printf (_ ("“%s” is not a tag=value pair"), pair));
          name_length = equals - pair;
          name_length -= count_trailing_blanks (pair, name_length);
          name = g_strndup (pair, name_length);
          value_start = (equals - pair) + 1;
          value_start += count_blanks (pair + value_start, strlen (pair + value_start));

          if (policy->tags->len == 0
              && (!g_str_equal (name, "v") || !g_str_equal (pair + value_start, "DMARC1")))
            return parse_error (error, g_strdup (_ ("A DMARC policy must start with “v=DMARC1”")));
          if (!valid_tag_name (name))
            return parse_error (error, g_strdup_printf (_ ("“%s” is not a tag name"), name));
          if (g_hash_table_contains (seen, name))
            return parse_error (error,
                                g_strdup_printf (_ ("The tag “%s” appears more than once"), name));
          if (policy->tags->len > 0)
            {
              char *problem = check_value (name, pair + value_start);

              if (problem != NULL)
                return parse_error (error, problem);
            }

          tag.separator = g_strdup (pending->str);
          tag.name = g_steal_pointer (&name);
          tag.equals = g_strndup (pair + name_length, value_start - name_length);
          tag.value = g_strdup (pair + value_start);
          g_array_append_val (policy->tags, tag);
          g_hash_table_add (seen, tag.name);
          g_string_assign (pending, "");
          g_string_append_len (pending, piece + length - trail, trail);
        }
      if (end == NULL)
        break;
      g_string_append_c (pending, ';');
      piece = end + 1;
    }

  if (policy->tags->len == 0)
    return parse_error (error, g_strdup (_ ("A DMARC policy must start with “v=DMARC1”")));
  if (!g_hash_table_contains (seen, "p"))
    return parse_error (error, g_strdup (_ ("The policy “p=” is missing")));
  g_free (policy->tail);
  policy->tail = g_strdup (pending->str);
  return g_steal_pointer (&policy);
}

OvhDmarcPolicy *
ovh_dmarc_policy_copy (const OvhDmarcPolicy *policy)
{
  OvhDmarcPolicy *copy;

  g_return_val_if_fail (policy != NULL, NULL);

  copy = policy_new_empty ();
  for (guint i = 0; i < policy->tags->len; i++)
    {
      const Tag *tag = &g_array_index (policy->tags, Tag, i);

      append_tag (copy, tag->separator, tag->name, tag->equals, tag->value);
    }
  g_free (copy->tail);
  copy->tail = g_strdup (policy->tail);
  return copy;
}

void
ovh_dmarc_policy_free (OvhDmarcPolicy *policy)
{
  if (policy == NULL)
    return;
  g_array_unref (policy->tags);
  g_free (policy->tail);
  g_free (policy);
}

char *
ovh_dmarc_policy_format (const OvhDmarcPolicy *policy)
{
  GString *text;

  g_return_val_if_fail (policy != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < policy->tags->len; i++)
    {
      const Tag *tag = &g_array_index (policy->tags, Tag, i);

      g_string_append_printf (text, "%s%s%s%s", tag->separator, tag->name, tag->equals, tag->value);
    }
  g_string_append (text, policy->tail);
  return g_string_free (text, FALSE);
}

/* --- Tags -------------------------------------------------------------------------------- */

guint
ovh_dmarc_policy_get_n_tags (const OvhDmarcPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, 0);
  return policy->tags->len;
}

const char *
ovh_dmarc_policy_get_tag_name (const OvhDmarcPolicy *policy, guint index)
{
  g_return_val_if_fail (policy != NULL && index < policy->tags->len, NULL);
  return g_array_index (policy->tags, Tag, index).name;
}

const char *
ovh_dmarc_policy_get_tag_value (const OvhDmarcPolicy *policy, guint index)
{
  g_return_val_if_fail (policy != NULL && index < policy->tags->len, NULL);
  return g_array_index (policy->tags, Tag, index).value;
}

static int
find_tag (const OvhDmarcPolicy *policy, const char *name)
{
  for (guint i = 0; i < policy->tags->len; i++)
    if (g_str_equal (g_array_index (policy->tags, Tag, i).name, name))
      return (int) i;
  return -1;
}

const char *
ovh_dmarc_policy_get (const OvhDmarcPolicy *policy, const char *name)
{
  int index;

  g_return_val_if_fail (policy != NULL && name != NULL, NULL);

  index = find_tag (policy, name);
  return index >= 0 ? g_array_index (policy->tags, Tag, index).value : NULL;
}

void
ovh_dmarc_policy_set (OvhDmarcPolicy *policy, const char *name, const char *value)
{
  int index;

  g_return_if_fail (policy != NULL && name != NULL);
  g_return_if_fail (!g_str_equal (name, "v"));

  index = find_tag (policy, name);
  if (index >= 0 && value == NULL)
    g_array_remove_index (policy->tags, index);
  else if (index >= 0)
    {
      Tag *tag = &g_array_index (policy->tags, Tag, index);

      g_free (tag->value);
      tag->value = g_strdup (value);
    }
  else if (value != NULL)
    {
      /* Spaced like the tag after "v", or as most people write it. */
      const char *separator
          = policy->tags->len > 1 ? g_array_index (policy->tags, Tag, 1).separator : "; ";

      append_tag (policy, separator, name, "=", value);
    }
}

/* --- Report addresses -------------------------------------------------------------------- */

char *
ovh_dmarc_uris_to_addresses (const char *uris)
{
  g_auto (GStrv) parts = g_strsplit (uris != NULL ? uris : "", ",", -1);
  g_autoptr (GString) addresses = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *uri = g_strstrip (parts[i]);

      if (uri[0] == '\0')
        continue;
      /* An address with a colon of its own would read back as another URI: kept whole. */
      if (g_ascii_strncasecmp (uri, "mailto:", 7) == 0 && strchr (uri + 7, ':') == NULL)
        uri += 7;
      if (addresses->len > 0)
        g_string_append (addresses, ", ");
      g_string_append (addresses, uri);
    }
  return g_string_free (g_steal_pointer (&addresses), FALSE);
}

char *
ovh_dmarc_addresses_to_uris (const char *addresses)
{
  g_auto (GStrv) parts = g_strsplit (addresses != NULL ? addresses : "", ",", -1);
  g_autoptr (GString) uris = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *address = g_strstrip (parts[i]);

      if (address[0] == '\0')
        continue;
      if (uris->len > 0)
        g_string_append_c (uris, ',');
      if (strchr (address, ':') == NULL)
        g_string_append (uris, "mailto:");
      g_string_append (uris, address);
    }
  return g_string_free (g_steal_pointer (&uris), FALSE);
}
