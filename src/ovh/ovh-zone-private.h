/* ovh-zone-private.h: how the changeset updates a zone's model as changes land
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These change the local model only (one precise items-changed each), never OVH.
 */
#pragma once

#include "ovh-zone.h"

G_BEGIN_DECLS

/* Appends a record that OVH now has (its id must be set and new to the zone). */
void ovh_zone_add_record (OvhZone *self, OvhRecord *record);
/* Puts record in the row of the record with the same id; FALSE when there is none. */
gboolean ovh_zone_replace_record (OvhZone *self, OvhRecord *record);
gboolean ovh_zone_remove_record (OvhZone *self, guint64 id);

/* "/domain/zone/<escaped name>" followed by suffix ("/soa", "/record/12"…). */
char *ovh_zone_dup_path (OvhZone *self, const char *suffix);
/* The answers of GET …/soa and GET /domain/zone/{zone}, applied as a load applies them. */
gboolean ovh_zone_apply_soa_json (OvhZone *self, JsonNode *node, GError **error);
gboolean ovh_zone_apply_info_json (OvhZone *self, JsonNode *node, GError **error);

/* The answer that starts a task ({"id", "status"}: an import, a restore) as @task's result, or
 * an error saying @missing_message when it is not one; read back with
 * ovh_zone_propagate_task_answer () in the _finish function. */
void ovh_zone_return_task_answer (GTask *task, JsonNode *node, const char *missing_message);
gboolean
ovh_zone_propagate_task_answer (GTask *task, gint64 *task_id, char **status, GError **error);

G_END_DECLS
