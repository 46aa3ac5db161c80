/* ovh-change-private.h: how the changeset makes and moves its changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ovh-change.h"

G_BEGIN_DECLS

/* before and after are taken as they are (not copied). */
OvhChange *
ovh_change_new (OvhChangeKind kind, guint64 record_id, OvhRecord *before, OvhRecord *after);

void ovh_change_set_kind (OvhChange *self, OvhChangeKind kind);
void ovh_change_set_record_id (OvhChange *self, guint64 record_id);
void ovh_change_set_after (OvhChange *self, OvhRecord *after);
void ovh_change_set_replaces_id (OvhChange *self, guint64 replaces_id);
/* error is taken; NULL clears it. */
void ovh_change_set_state (OvhChange *self, OvhChangeState state, GError *error);

/* How the attempt ended (see OvhChangeOutcome). */
void ovh_change_set_outcome (OvhChange *self, OvhChangeOutcome outcome, gboolean answer_lost);

/* The other half of a type change (not a reference: the changeset keeps both). */
OvhChange *ovh_change_get_partner (OvhChange *self);
void ovh_change_set_partner (OvhChange *self, OvhChange *partner);

G_END_DECLS
