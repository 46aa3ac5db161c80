/* ovh-record-private.h: records made and checked in bulk, for the readers of pages and caches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-record.h"

G_BEGIN_DECLS

/* A record from fields already read and checked, without the property machinery: zone is
 * interned (g_intern_string) or NULL, type comes from the table, sub_domain and target are
 * taken. Nothing is normalised: a record from OVH keeps its name as OVH has it. */
OvhRecord *_ovh_record_new_take (guint64 id,
                                 const char *zone,
                                 char *sub_domain,
                                 const OvhRecordType *type,
                                 char *target,
                                 guint ttl);

/* ovh_record_check() without the syntax of the record data (its fields and the DNS library):
 * type, name, TTL, and a target that is valid UTF-8 text, not blank, without control bytes.
 * For records read back from a file Domaine wrote (whose integrity is checked apart). */
gboolean _ovh_record_check_stored (OvhRecord *self, GError **error);

G_END_DECLS
