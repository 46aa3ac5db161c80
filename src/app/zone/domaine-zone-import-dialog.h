/* domaine-zone-import-dialog.h: a BIND zone file brought into a zone, with a preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ovh-changeset.h"
#include "ovh-record-notes.h"
#include "ovh-zone-diff.h"

G_BEGIN_DECLS

#define DOMAINE_TYPE_ZONE_IMPORT_DIALOG (domaine_zone_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
    DomaineZoneImportDialog, domaine_zone_import_dialog, DOMAINE, ZONE_IMPORT_DIALOG, AdwWindow)

/* The text is pasted, typed, dropped or opened from a file; it is read as it changes, its
 * errors and the records OVH cannot hold listed by line, and its differences with the zone
 * shown. Actions (prefix "import."): open (a file chooser), merge (the differences become
 * pending changes of the changeset, to review and publish; the window closes),
 * stage-selected (the same for the differences selected in the list only), replace
 * (OVH's own import of the whole file, its task followed, the zone reloaded; asks first when
 * most of the zone changes). Properties: "changeset" (construct-only), "diff" (NULL while the
 * text has errors), "busy". */
GtkWidget *domaine_zone_import_dialog_new (OvhChangeset *changeset);

/* Where the notes read from the text (comment lines) go once its records are staged. */
void domaine_zone_import_dialog_set_notes (DomaineZoneImportDialog *self, OvhRecordNotes *notes);
void domaine_zone_import_dialog_set_text (DomaineZoneImportDialog *self, const char *text);
OvhZoneDiff *domaine_zone_import_dialog_get_diff (DomaineZoneImportDialog *self);
gboolean domaine_zone_import_dialog_get_busy (DomaineZoneImportDialog *self);
/* The lines that gave no record ("Line 3: …"), one a line; "" when there is none. */
const char *domaine_zone_import_dialog_get_problems (DomaineZoneImportDialog *self);
/* The list of differences, for tests. */
GtkWidget *domaine_zone_import_dialog_get_diff_view (DomaineZoneImportDialog *self);

G_END_DECLS
