/* ovh-value-replace.h: find and replace in record values, as text or as a regular expression
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OVH_VALUE_REPLACE_DEFAULT = 0,
  OVH_VALUE_REPLACE_REGEX = 1 << 0,       /* from is a Perl-style regular expression; to may
                                           * refer to its groups as \1 or \g<name> */
  OVH_VALUE_REPLACE_IGNORE_CASE = 1 << 1, /* letters match whatever their case */
} OvhValueReplaceFlags;

typedef struct _OvhValueReplacer OvhValueReplacer;

/* Errors in G_IO_ERROR (INVALID_ARGUMENT), translated: an empty search, an invalid regular
 * expression, or a replacement that refers to a group the expression does not have. */
OvhValueReplacer *ovh_value_replacer_new (const char *from,
                                          const char *to,
                                          OvhValueReplaceFlags flags,
                                          GError **error);
void ovh_value_replacer_free (OvhValueReplacer *self);

/* Whether value holds a match. */
gboolean ovh_value_replacer_matches (const OvhValueReplacer *self, const char *value);
/* value with every match replaced, or NULL when nothing matched or the result equals value.
 * Thread-safe: one replacer may serve several threads. */
char *ovh_value_replacer_apply (const OvhValueReplacer *self, const char *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhValueReplacer, ovh_value_replacer_free)

G_END_DECLS
