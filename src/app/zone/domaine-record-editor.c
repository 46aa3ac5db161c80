/* domaine-record-editor.c: the dialog that adds or edits one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields come from libovh's record type table, the checks from ovh_record_validate()
 * and the conflict rules: the dialog knows no DNS rule of its own. Each error is shown in
 * the row right under the field its code names, and Save stays insensitive until the
 * record is valid.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "domaine-dmarc-builder.h"
#include "domaine-record-editor.h"
#include "domaine-spf-builder.h"
#include "domaine-value-wrap.h"
#include "ovh-dmarc-policy.h"
#include "ovh-record.h"
#include "ovh-spf-policy.h"

typedef struct
{
  const OvhRecordField *field;
  GtkWidget *row;     /* AdwEntryRow, AdwComboRow, or AdwActionRow holding a spin button */
  GtkWidget *spin;    /* INTEGER fields */
  GtkWidget *counter; /* TEXT fields of TXT-like types: a length counter */
} FieldRow;

struct _DomaineRecordEditor
{
  AdwWindow parent_instance;

  OvhZone *zone;
  OvhChangeset *changeset; /* may be NULL: the zone as loaded */
  OvhRecord *initial;
  DomaineRecordEditorMode mode;
  const OvhRecordType *type;
  GArray *field_rows; /* of FieldRow */
  GtkWidget *target_error_row;
  GError *error;
  gboolean touched;       /* errors show once the person has typed something */
  gboolean type_unlocked; /* EDIT mode after "Change Type…" */
  gboolean updating;
  GPtrArray *effective_records; /* the zone with its staged changes, built on first use */
  GPtrArray *findings;          /* OvhLintFinding about the typed record */
  GPtrArray *lint_rows;         /* their rows in lint_group */
  GPtrArray *lint_snapshot;     /* copies of effective_records, for a lint on a thread */
  OvhRecord *lint_candidate;    /* the typed record waiting for a lint on a thread */
  GCancellable *lint_cancellable;
  guint lint_timeout_id;

  /* Template children */
  GtkWidget *save_button;
  AdwPreferencesGroup *lint_group;
  AdwComboRow *type_combo;
  AdwActionRow *type_row;
  AdwActionRow *type_error_row;
  AdwEntryRow *name_row;
  GtkLabel *zone_suffix_label;
  AdwActionRow *name_error_row;
  AdwPreferencesGroup *fields_group;
  DomaineSpfBuilder *spf_builder;
  DomaineDmarcBuilder *dmarc_builder;
  GtkSwitch *ttl_default_switch;
  AdwActionRow *ttl_row;
  GtkSpinButton *ttl_spin;
  AdwActionRow *ttl_error_row;
  AdwEntryRow *note_row;
  GtkLabel *preview_label;
};

G_DEFINE_FINAL_TYPE (DomaineRecordEditor, domaine_record_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void domaine_record_editor_validate (DomaineRecordEditor *self);

static gboolean
is_txt_like (const OvhRecordType *type)
{
  return type->typed_txt || type->quoted_by_api;
}

static void
field_changed_cb (DomaineRecordEditor *self)
{
  if (self->updating)
    return;
  self->touched = TRUE;
  domaine_record_editor_validate (self);
}

/* Fields -------------------------------------------------------------------------------- */

/* Numbers ------------------------------------------------------------------------------- */

/* Whether what a person typed in a number field is a whole number, and which. */
static gboolean
parse_whole_number (const char *text, gint64 *number)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char *digits = trimmed[0] == '-' ? trimmed + 1 : trimmed;

  if (!g_ascii_isdigit (digits[0]))
    return FALSE;
  return g_ascii_string_to_signed (trimmed, 10, G_MININT64, G_MAXINT64, number, NULL);
}

/* On Tab or Enter a spin button parses its text: by default nonsense becomes 0, clamped to
 * the lower bound, and a number out of range the nearest bound, both silently. Keep the text
 * as typed instead, so that the checks show it as wrong and the preview shows what was typed. */
static int
spin_input_cb (GtkSpinButton *spin, double *new_value, gpointer user_data)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  gint64 number;

  if (parse_whole_number (gtk_editable_get_text (GTK_EDITABLE (spin)), &number)
      && (double) number >= gtk_adjustment_get_lower (adjustment)
      && (double) number <= gtk_adjustment_get_upper (adjustment))
    {
      *new_value = (double) number;
      return TRUE;
    }
  g_object_set_data (G_OBJECT (spin), "domaine-keep-text", GINT_TO_POINTER (TRUE));
  *new_value = gtk_adjustment_get_value (adjustment);
  return TRUE;
}

static gboolean
spin_output_cb (GtkSpinButton *spin, gpointer user_data)
{
  if (g_object_get_data (G_OBJECT (spin), "domaine-keep-text") == NULL)
    return FALSE;
  g_object_set_data (G_OBJECT (spin), "domaine-keep-text", NULL);
  return TRUE;
}

static void
setup_number_spin (DomaineRecordEditor *self, GtkSpinButton *spin)
{
  gtk_spin_button_set_numeric (spin, FALSE);
  g_signal_connect (spin, "input", G_CALLBACK (spin_input_cb), NULL);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  /* Each keystroke, not only the parsed value, so that an error shows while typing. */
  g_signal_connect_object (spin, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
domaine_record_editor_clear_fields (DomaineRecordEditor *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    adw_preferences_group_remove (self->fields_group,
                                  g_array_index (self->field_rows, FieldRow, i).row);
  g_array_set_size (self->field_rows, 0);
  if (self->target_error_row != NULL)
    {
      adw_preferences_group_remove (self->fields_group, self->target_error_row);
      self->target_error_row = NULL;
    }
}

static void
entry_activated_cb (DomaineRecordEditor *self)
{
  domaine_record_editor_save (self);
}

static void
domaine_record_editor_build_fields (DomaineRecordEditor *self, const char *const *values)
{
  domaine_record_editor_clear_fields (self);

  adw_preferences_group_set_title (self->fields_group,
                                   ovh_record_type_get_description (self->type));

  for (guint i = 0; i < self->type->n_fields; i++)
    {
      const OvhRecordField *field = &self->type->fields[i];
      const char *value = values != NULL && g_strv_length ((char **) values) > i ? values[i] : NULL;
      FieldRow field_row = { field, NULL, NULL, NULL };

      switch (field->kind)
        {
        case OVH_RECORD_FIELD_INTEGER:
          {
            gint64 number = value != NULL ? g_ascii_strtoll (value, NULL, 10) : field->min;

            field_row.row = adw_action_row_new ();
            field_row.spin
                = gtk_spin_button_new_with_range ((double) field->min, (double) field->max, 1);
            gtk_spin_button_set_digits (GTK_SPIN_BUTTON (field_row.spin), 0);
            gtk_spin_button_set_value (GTK_SPIN_BUTTON (field_row.spin), (double) number);
            setup_number_spin (self, GTK_SPIN_BUTTON (field_row.spin));
            gtk_widget_set_valign (field_row.spin, GTK_ALIGN_CENTER);
            gtk_accessible_update_property (GTK_ACCESSIBLE (field_row.spin),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            ovh_record_field_get_label (field), -1);
            adw_action_row_add_suffix (ADW_ACTION_ROW (field_row.row), field_row.spin);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field_row.row), field_row.spin);
            break;
          }

        case OVH_RECORD_FIELD_ENUM:
          {
            g_autoptr (GtkStringList) choices
                = gtk_string_list_new ((const char *const *) field->choices);
            guint selected = 0;

            for (guint c = 0; value != NULL && field->choices[c] != NULL; c++)
              if (g_ascii_strcasecmp (field->choices[c], value) == 0)
                selected = c;
            field_row.row = adw_combo_row_new ();
            adw_combo_row_set_model (ADW_COMBO_ROW (field_row.row), G_LIST_MODEL (choices));
            adw_combo_row_set_selected (ADW_COMBO_ROW (field_row.row), selected);
            g_signal_connect_object (field_row.row, "notify::selected",
                                     G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
            break;
          }

        case OVH_RECORD_FIELD_ADDRESS4:
        case OVH_RECORD_FIELD_ADDRESS6:
        case OVH_RECORD_FIELD_HOSTNAME:
        case OVH_RECORD_FIELD_TEXT:
        case OVH_RECORD_FIELD_HEX:
        default:
          field_row.row = adw_entry_row_new ();
          gtk_editable_set_text (GTK_EDITABLE (field_row.row), value != NULL ? value : "");
          if (field->kind == OVH_RECORD_FIELD_TEXT && is_txt_like (self->type))
            {
              field_row.counter = gtk_label_new (NULL);
              gtk_widget_add_css_class (field_row.counter, "dim-label");
              gtk_widget_add_css_class (field_row.counter, "caption");
              gtk_widget_add_css_class (field_row.counter, "numeric");
              gtk_widget_set_valign (field_row.counter, GTK_ALIGN_CENTER);
              adw_entry_row_add_suffix (ADW_ENTRY_ROW (field_row.row), field_row.counter);
            }
          if (field->kind == OVH_RECORD_FIELD_ADDRESS4 || field->kind == OVH_RECORD_FIELD_ADDRESS6
              || field->kind == OVH_RECORD_FIELD_HEX || field->kind == OVH_RECORD_FIELD_HOSTNAME)
            gtk_widget_add_css_class (field_row.row, "monospace-entry");
          g_signal_connect_object (field_row.row, "changed", G_CALLBACK (field_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (field_row.row, "entry-activated",
                                   G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
          break;
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row.row),
                                     ovh_record_field_get_label (field));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field_row.row), FALSE);
      g_object_set_data (G_OBJECT (field_row.row), "field-id", (gpointer) field->id);
      adw_preferences_group_add (self->fields_group, field_row.row);
      g_array_append_val (self->field_rows, field_row);
    }

  self->target_error_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->target_error_row), FALSE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (self->target_error_row), "dialog-error-symbolic");
  gtk_widget_add_css_class (self->target_error_row, "error");
  gtk_widget_add_css_class (self->target_error_row, "field-error");
  gtk_widget_set_visible (self->target_error_row, FALSE);
  adw_preferences_group_add (self->fields_group, self->target_error_row);
}

static char *
field_row_dup_value (FieldRow *field_row)
{
  /* The text, not the spin button's value: ovh_record_validate() checks it as typed. */
  if (field_row->spin != NULL)
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row->spin))));
  if (ADW_IS_COMBO_ROW (field_row->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field_row->row));
      return g_strdup (selected != GTK_INVALID_LIST_POSITION ? field_row->field->choices[selected]
                                                             : "");
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field_row->row)));
}

/* The record as typed ------------------------------------------------------------------- */

static char *
domaine_record_editor_dup_target (DomaineRecordEditor *self)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->field_rows->len; i++)
    g_ptr_array_add (values, field_row_dup_value (&g_array_index (self->field_rows, FieldRow, i)));
  g_ptr_array_add (values, NULL);
  return ovh_record_type_join_fields (self->type, (const char *const *) values->pdata);
}

/* Returns FALSE when the TTL field holds something that is not a whole number. */
static gboolean
domaine_record_editor_get_ttl (DomaineRecordEditor *self, gint64 *ttl)
{
  *ttl = OVH_RECORD_TTL_ZONE_DEFAULT;
  if (gtk_switch_get_active (self->ttl_default_switch))
    return TRUE;
  return parse_whole_number (gtk_editable_get_text (GTK_EDITABLE (self->ttl_spin)), ttl);
}

OvhRecord *
domaine_record_editor_dup_record (DomaineRecordEditor *self)
{
  g_autofree char *target = NULL;
  g_autofree char *sub_domain = NULL;
  OvhRecord *record;
  gint64 ttl;

  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), NULL);

  target = domaine_record_editor_dup_target (self);
  sub_domain = ovh_record_normalize_sub_domain (
      gtk_editable_get_text (GTK_EDITABLE (self->name_row)), ovh_zone_get_name (self->zone));
  domaine_record_editor_get_ttl (self, &ttl);
  record = ovh_record_new (ovh_zone_get_name (self->zone), sub_domain, self->type->name, target,
                           (guint) CLAMP (ttl, 0, (gint64) OVH_RECORD_TTL_MAX));
  if (self->mode == DOMAINE_RECORD_EDITOR_EDIT && self->initial != NULL)
    ovh_record_set_id (record, ovh_record_get_id (self->initial));
  return record;
}

static void
error_row_show (AdwActionRow *row, const char *message)
{
  gtk_widget_set_visible (GTK_WIDGET (row), message != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message != NULL ? message : "");
}

static void
domaine_record_editor_update_counter (DomaineRecordEditor *self)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      FieldRow *field_row = &g_array_index (self->field_rows, FieldRow, i);
      const char *text;
      gsize n_bytes;
      g_autofree char *label = NULL;

      if (field_row->counter == NULL)
        continue;
      text = gtk_editable_get_text (GTK_EDITABLE (field_row->row));
      n_bytes = strlen (text);
      if (n_bytes <= 255)
        label = g_strdup_printf (
            ngettext ("%u character", "%u characters", (gulong) g_utf8_strlen (text, -1)),
            (guint) g_utf8_strlen (text, -1));
      else
        /* Translators: a TXT value longer than one DNS string is cut into 255-byte strings. */
        label = g_strdup_printf (_ ("%u characters in %u strings"),
                                 (guint) g_utf8_strlen (text, -1), (guint) ((n_bytes + 254) / 255));
      gtk_label_set_label (GTK_LABEL (field_row->counter), label);
    }
}

/* Lint ---------------------------------------------------------------------------------- */

static const char *
severity_icon (OvhLintSeverity severity)
{
  switch (severity)
    {
    case OVH_LINT_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case OVH_LINT_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case OVH_LINT_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static GtkWidget *
lint_row_new (OvhLintFinding *finding)
{
  OvhLintSeverity severity = ovh_lint_finding_get_severity (finding);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (severity));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ovh_lint_finding_get_message (finding));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ovh_lint_finding_get_explanation (finding));
  gtk_widget_set_tooltip_text (icon, ovh_lint_severity_get_label (severity));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ovh_lint_severity_get_label (severity), -1);
  gtk_widget_add_css_class (icon, severity == OVH_LINT_SEVERITY_ERROR     ? "error"
                                  : severity == OVH_LINT_SEVERITY_WARNING ? "warning"
                                                                          : "accent");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static GPtrArray *
domaine_record_editor_get_effective_records (DomaineRecordEditor *self)
{
  if (self->effective_records == NULL)
    {
      self->effective_records
          = ovh_lint_effective_records (ovh_zone_get_records (self->zone), self->changeset);
      /* A staged create being edited has no id: it is the record typed, not a neighbour. */
      if (self->mode == DOMAINE_RECORD_EDITOR_EDIT && self->initial != NULL
          && ovh_record_get_id (self->initial) == 0)
        for (guint i = 0; i < self->effective_records->len; i++)
          if (ovh_record_equal (self->effective_records->pdata[i], self->initial))
            {
              g_ptr_array_remove_index (self->effective_records, i);
              break;
            }
    }
  return self->effective_records;
}

/* From this many records a lint pass takes long enough to be felt between keystrokes: it runs
 * on a thread, on copies of the records, once typing pauses. */
#define LINT_ON_THREAD_FROM 5000
#define LINT_PAUSE_MS 150

static void
show_findings (DomaineRecordEditor *self, GPtrArray *findings)
{
  g_ptr_array_set_size (self->findings, 0);
  if (findings != NULL)
    for (guint i = 0; i < findings->len; i++)
      g_ptr_array_add (self->findings, g_object_ref (findings->pdata[i]));

  for (guint i = 0; i < self->lint_rows->len; i++)
    adw_preferences_group_remove (self->lint_group, self->lint_rows->pdata[i]);
  g_ptr_array_set_size (self->lint_rows, 0);
  for (guint i = 0; i < self->findings->len; i++)
    {
      GtkWidget *row = lint_row_new (self->findings->pdata[i]);

      adw_preferences_group_add (self->lint_group, row);
      g_ptr_array_add (self->lint_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lint_group), self->findings->len > 0);
}

typedef struct
{
  char *zone;
  GPtrArray *records;
  OvhRecord *candidate;
} LintJob;

static void
lint_job_free (LintJob *job)
{
  g_free (job->zone);
  g_ptr_array_unref (job->records);
  g_object_unref (job->candidate);
  g_free (job);
}

static void
lint_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  LintJob *job = data;

  g_task_return_pointer (task, ovh_lint_record (job->zone, job->records, job->candidate),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
lint_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GPtrArray) findings = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled by a newer keystroke or the window closing: these findings are stale. */
  if (findings != NULL && !g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    show_findings (DOMAINE_RECORD_EDITOR (source), findings);
}

static gboolean
lint_pause_cb (gpointer data)
{
  DomaineRecordEditor *self = data;
  g_autoptr (GTask) task = NULL;
  LintJob *job = g_new0 (LintJob, 1);

  self->lint_timeout_id = 0;
  if (self->lint_snapshot == NULL)
    {
      GPtrArray *records = domaine_record_editor_get_effective_records (self);

      self->lint_snapshot = g_ptr_array_new_full (records->len, g_object_unref);
      for (guint i = 0; i < records->len; i++)
        g_ptr_array_add (self->lint_snapshot, ovh_record_dup (records->pdata[i]));
    }
  job->zone = g_strdup (ovh_zone_get_name (self->zone));
  job->records = g_ptr_array_ref (self->lint_snapshot);
  job->candidate = g_steal_pointer (&self->lint_candidate);
  self->lint_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->lint_cancellable, lint_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) lint_job_free);
  g_task_run_in_thread (task, lint_thread);
  return G_SOURCE_REMOVE;
}

static void
cancel_lint (DomaineRecordEditor *self)
{
  g_clear_handle_id (&self->lint_timeout_id, g_source_remove);
  g_clear_object (&self->lint_candidate);
  if (self->lint_cancellable != NULL)
    g_cancellable_cancel (self->lint_cancellable);
  g_clear_object (&self->lint_cancellable);
}

/* The findings about @record (NULL while what is typed is invalid) among the zone's records,
 * staged changes included; they inform and never block Save. */
static void
domaine_record_editor_lint (DomaineRecordEditor *self, OvhRecord *record)
{
  GPtrArray *records;

  cancel_lint (self);
  if (record == NULL)
    {
      show_findings (self, NULL);
      return;
    }
  records = domaine_record_editor_get_effective_records (self);
  if (records->len < LINT_ON_THREAD_FROM)
    {
      g_autoptr (GPtrArray) findings
          = ovh_lint_record (ovh_zone_get_name (self->zone), records, record);

      show_findings (self, findings);
      return;
    }
  /* The findings shown stay until the new ones come. */
  self->lint_candidate = ovh_record_dup (record);
  self->lint_timeout_id = g_timeout_add (LINT_PAUSE_MS, lint_pause_cb, self);
}

static void
effective_records_changed_cb (DomaineRecordEditor *self)
{
  g_clear_pointer (&self->effective_records, g_ptr_array_unref);
  g_clear_pointer (&self->lint_snapshot, g_ptr_array_unref);
  domaine_record_editor_validate (self);
}

void
domaine_record_editor_set_changeset (DomaineRecordEditor *self, OvhChangeset *changeset)
{
  g_return_if_fail (DOMAINE_IS_RECORD_EDITOR (self));
  g_return_if_fail (changeset == NULL || OVH_IS_CHANGESET (changeset));

  if (self->changeset == changeset)
    return;
  if (self->changeset != NULL)
    g_signal_handlers_disconnect_by_data (ovh_changeset_get_changes (self->changeset), self);
  g_set_object (&self->changeset, changeset);
  if (changeset != NULL)
    g_signal_connect_object (ovh_changeset_get_changes (changeset), "items-changed",
                             G_CALLBACK (effective_records_changed_cb), self, G_CONNECT_SWAPPED);
  effective_records_changed_cb (self);
}

GPtrArray *
domaine_record_editor_get_findings (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), NULL);
  return self->findings;
}

/* Builders ------------------------------------------------------------------------------ */

static FieldRow *domaine_record_editor_find_field (DomaineRecordEditor *self, const char *field_id);

/* The SPF builder for SPF records and TXT ones holding "v=spf1 …", the DMARC builder for DMARC
 * records and TXT ones holding "v=DMARC1…" at _dmarc; each shows the value as typed. Called on
 * notify::text, not on "changed": replacing a text deletes it first, and a builder shown that
 * empty moment would lose the rows it showed. */
static void
domaine_record_editor_sync_builders (DomaineRecordEditor *self)
{
  FieldRow *value_row = domaine_record_editor_find_field (self, "value");
  const char *text = NULL;
  gboolean txt = g_str_equal (self->type->name, "TXT");
  gboolean spf = FALSE, dmarc = FALSE;

  /* Rows going away with the editor still notify their text: nothing to show then. */
  if (self->name_row == NULL || self->spf_builder == NULL || self->dmarc_builder == NULL)
    return;
  if (value_row != NULL && !ADW_IS_COMBO_ROW (value_row->row) && value_row->spin == NULL)
    {
      g_autofree char *sub_domain = ovh_record_normalize_sub_domain (
          gtk_editable_get_text (GTK_EDITABLE (self->name_row)), ovh_zone_get_name (self->zone));
      gboolean at_dmarc
          = sub_domain != NULL
            && (g_str_equal (sub_domain, "_dmarc") || g_str_has_prefix (sub_domain, "_dmarc."));

      text = gtk_editable_get_text (GTK_EDITABLE (value_row->row));
      while (*text == ' ')
        text++;
      spf = g_str_equal (self->type->name, "SPF") || (txt && ovh_spf_is_policy_text (text));
      dmarc = g_str_equal (self->type->name, "DMARC")
              || (txt && at_dmarc && ovh_dmarc_is_policy_text (text));
      text = gtk_editable_get_text (GTK_EDITABLE (value_row->row));
    }
  if (spf)
    domaine_spf_builder_set_value (self->spf_builder, text);
  if (dmarc)
    domaine_dmarc_builder_set_value (self->dmarc_builder, text);
  gtk_widget_set_visible (GTK_WIDGET (self->spf_builder), spf);
  gtk_widget_set_visible (GTK_WIDGET (self->dmarc_builder), dmarc);
}

/* A field of a builder changed: its text goes into the value field, checked as if typed. */
static void
builder_value_changed_cb (GObject *builder, GParamSpec *pspec, DomaineRecordEditor *self)
{
  FieldRow *value_row = domaine_record_editor_find_field (self, "value");
  g_autofree char *value = NULL;

  if (value_row == NULL || self->name_row == NULL || !gtk_widget_get_visible (GTK_WIDGET (builder)))
    return;
  g_object_get (builder, "value", &value, NULL);
  if (g_strcmp0 (value, gtk_editable_get_text (GTK_EDITABLE (value_row->row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (value_row->row), value);
}

static void
domaine_record_editor_validate (DomaineRecordEditor *self)
{
  g_autofree char *target = domaine_record_editor_dup_target (self);
  const char *sub_domain = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gint64 ttl;
  gboolean ttl_is_number = domaine_record_editor_get_ttl (self, &ttl);
  g_autoptr (OvhRecord) record = domaine_record_editor_dup_record (self);
  g_autofree char *line = NULL;
  const char *type_error = NULL;
  const char *name_error = NULL;
  const char *target_error = NULL;
  const char *ttl_error = NULL;

  g_clear_error (&self->error);
  if (!ttl_is_number)
    g_set_error_literal (&self->error, OVH_RECORD_ERROR, OVH_RECORD_ERROR_TTL,
                         _ ("The TTL must be a whole number of seconds"));
  else if (ovh_record_validate (self->type->name, sub_domain, target, ttl, &self->error))
    ovh_records_check_conflicts (ovh_zone_get_records (self->zone), record, &self->error);

  if (self->error != NULL && self->touched)
    {
      switch (self->error->code)
        {
        case OVH_RECORD_ERROR_TYPE:
          type_error = self->error->message;
          break;
        case OVH_RECORD_ERROR_SUBDOMAIN:
        case OVH_RECORD_ERROR_CONFLICT:
          name_error = self->error->message;
          break;
        case OVH_RECORD_ERROR_TTL:
          ttl_error = self->error->message;
          break;
        case OVH_RECORD_ERROR_TARGET:
        case OVH_RECORD_ERROR_MALFORMED:
        default:
          target_error = self->error->message;
          break;
        }
    }

  error_row_show (self->type_error_row, type_error);
  error_row_show (self->name_error_row, name_error);
  error_row_show (ADW_ACTION_ROW (self->target_error_row), target_error);
  error_row_show (self->ttl_error_row, ttl_error);
  if (name_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      GtkWidget *row = g_array_index (self->field_rows, FieldRow, i).row;

      if (target_error != NULL && ADW_IS_ENTRY_ROW (row))
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->ttl_row),
                            !gtk_switch_get_active (self->ttl_default_switch));
  domaine_record_editor_update_counter (self);

  line = ovh_record_format_zone_line (record);
  if (!ttl_is_number)
    {
      /* The TTL as typed, not a number made up from it. */
      const char *name = ovh_record_get_display_name (record);
      g_autofree char *typed
          = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ttl_spin))));
      char *with_typed = g_strdup_printf ("%s %s%s", name, typed, line + strlen (name));

      g_free (line);
      line = with_typed;
    }
  gtk_label_set_label (self->preview_label, line);
  if (self->error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");

  domaine_record_editor_lint (self, self->error == NULL ? record : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->error == NULL);
}

/* Type ---------------------------------------------------------------------------------- */

static void
domaine_record_editor_update_title (DomaineRecordEditor *self)
{
  const char *title;

  if (self->mode == DOMAINE_RECORD_EDITOR_CREATE)
    title = _ ("New Record");
  else if (self->type_unlocked)
    title = _ ("Change Record Type");
  else
    title = _ ("Edit Record");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
domaine_record_editor_apply_type (DomaineRecordEditor *self, const OvhRecordType *type)
{
  g_auto (GStrv) values = NULL;

  if (type == NULL || type == self->type)
    return;

  /* Keep what fits: the same value when the new type has the same shape. */
  if (self->type != NULL)
    {
      g_autofree char *target = domaine_record_editor_dup_target (self);
      values = ovh_record_type_split_target (type, target, NULL);
    }
  else if (self->initial != NULL)
    values = ovh_record_type_split_target (type, ovh_record_get_target (self->initial), NULL);

  self->type = type;
  self->updating = TRUE;
  domaine_record_editor_build_fields (self, (const char *const *) values);
  adw_action_row_set_subtitle (self->type_row, ovh_record_type_get_description (type));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->type_combo),
                               ovh_record_type_get_description (type));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type_row), type->name);
  {
    FieldRow *value_row = domaine_record_editor_find_field (self, "value");

    if (value_row != NULL && ADW_IS_ENTRY_ROW (value_row->row))
      g_signal_connect_object (value_row->row, "notify::text",
                               G_CALLBACK (domaine_record_editor_sync_builders), self,
                               G_CONNECT_SWAPPED);
  }
  self->updating = FALSE;
  domaine_record_editor_validate (self);
  domaine_record_editor_sync_builders (self);
}

static void
type_combo_changed_cb (DomaineRecordEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->type_combo);
  guint n_types = 0;
  const OvhRecordType *types = ovh_record_type_get_all (&n_types);

  if (selected < n_types)
    domaine_record_editor_apply_type (self, &types[selected]);
}

gboolean
domaine_record_editor_set_field_type (DomaineRecordEditor *self, const char *field_type)
{
  guint n_types = 0;
  const OvhRecordType *types = ovh_record_type_get_all (&n_types);

  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), FALSE);

  if (self->mode == DOMAINE_RECORD_EDITOR_EDIT && !self->type_unlocked)
    return FALSE;
  for (guint i = 0; i < n_types; i++)
    if (g_ascii_strcasecmp (types[i].name, field_type) == 0)
      {
        adw_combo_row_set_selected (self->type_combo, i);
        self->touched = TRUE;
        domaine_record_editor_validate (self);
        return TRUE;
      }
  return FALSE;
}

static void
change_type_response_cb (AdwMessageDialog *dialog, const char *response, DomaineRecordEditor *self)
{
  if (g_strcmp0 (response, "change") != 0)
    return;

  self->type_unlocked = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->type_combo), TRUE);
  domaine_record_editor_update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->type_combo));
}

static void
change_type_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DomaineRecordEditor *self = DOMAINE_RECORD_EDITOR (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Change the Record Type?"),
      _ ("OVHcloud cannot change the type of a record. When you publish, this record is deleted "
         "and a new one of the chosen type is created in its place."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "change",
                                    _ ("C_hange Type"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_type_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving -------------------------------------------------------------------------------- */

void
domaine_record_editor_save (DomaineRecordEditor *self)
{
  g_autoptr (OvhRecord) record = NULL;
  gboolean taken = FALSE;

  g_return_if_fail (DOMAINE_IS_RECORD_EDITOR (self));

  self->touched = TRUE;
  domaine_record_editor_validate (self);
  if (self->error != NULL)
    return;

  record = domaine_record_editor_dup_record (self);
  g_signal_emit (self, signals[SIGNAL_SAVE], 0, record, &taken);
  if (taken)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  domaine_record_editor_save (DOMAINE_RECORD_EDITOR (widget));
}

void
domaine_record_editor_show_error (DomaineRecordEditor *self, const GError *error)
{
  g_return_if_fail (DOMAINE_IS_RECORD_EDITOR (self));
  g_return_if_fail (error != NULL);

  if (error->domain == OVH_RECORD_ERROR
      && (error->code == OVH_RECORD_ERROR_SUBDOMAIN || error->code == OVH_RECORD_ERROR_CONFLICT))
    error_row_show (self->name_error_row, error->message);
  else if (error->domain == OVH_RECORD_ERROR && error->code == OVH_RECORD_ERROR_TTL)
    error_row_show (self->ttl_error_row, error->message);
  else if (error->domain == OVH_RECORD_ERROR && error->code == OVH_RECORD_ERROR_TYPE)
    error_row_show (self->type_error_row, error->message);
  else
    error_row_show (ADW_ACTION_ROW (self->target_error_row), error->message);
}

/* Public -------------------------------------------------------------------------------- */

static FieldRow *
domaine_record_editor_find_field (DomaineRecordEditor *self, const char *field_id)
{
  for (guint i = 0; i < self->field_rows->len; i++)
    {
      FieldRow *field_row = &g_array_index (self->field_rows, FieldRow, i);

      if (g_strcmp0 (field_row->field->id, field_id) == 0)
        return field_row;
    }
  return NULL;
}

gboolean
domaine_record_editor_set_value (DomaineRecordEditor *self, const char *field_id, const char *value)
{
  FieldRow *field_row;

  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (field_id != NULL && value != NULL, FALSE);

  self->touched = TRUE;
  if (g_str_equal (field_id, "sub-domain"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), value);
      domaine_record_editor_validate (self);
      return TRUE;
    }
  if (g_str_equal (field_id, "ttl"))
    {
      gtk_switch_set_active (self->ttl_default_switch, *value == '\0');
      if (*value != '\0')
        {
          /* What a person could type, out-of-range included: the adjustment would clamp. */
          gtk_editable_set_text (GTK_EDITABLE (self->ttl_spin), value);
          gtk_spin_button_update (self->ttl_spin);
        }
      domaine_record_editor_validate (self);
      return TRUE;
    }

  field_row = domaine_record_editor_find_field (self, field_id);
  if (field_row == NULL)
    return FALSE;
  if (field_row->spin != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (field_row->spin), value);
      gtk_spin_button_update (GTK_SPIN_BUTTON (field_row->spin));
    }
  else if (ADW_IS_COMBO_ROW (field_row->row))
    {
      for (guint c = 0; field_row->field->choices[c] != NULL; c++)
        if (g_ascii_strcasecmp (field_row->field->choices[c], value) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field_row->row), c);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (field_row->row), value);
  domaine_record_editor_validate (self);
  return TRUE;
}

const char *
domaine_record_editor_get_field_error (DomaineRecordEditor *self, const char *field_id)
{
  AdwActionRow *row;

  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), NULL);

  if (g_str_equal (field_id, "sub-domain"))
    row = self->name_error_row;
  else if (g_str_equal (field_id, "ttl"))
    row = self->ttl_error_row;
  else if (g_str_equal (field_id, "type"))
    row = self->type_error_row;
  else if (domaine_record_editor_find_field (self, field_id) != NULL)
    row = ADW_ACTION_ROW (self->target_error_row);
  else
    return NULL;

  if (!gtk_widget_get_visible (GTK_WIDGET (row)))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

const char *
domaine_record_editor_get_preview (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), NULL);
  return gtk_label_get_label (self->preview_label);
}

const GError *
domaine_record_editor_get_error (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), NULL);
  return self->error;
}

gboolean
domaine_record_editor_get_valid (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), FALSE);
  return self->error == NULL;
}

gboolean
domaine_record_editor_get_type_changed (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), FALSE);
  return self->mode == DOMAINE_RECORD_EDITOR_EDIT && self->initial != NULL
         && g_ascii_strcasecmp (self->type->name, ovh_record_get_field_type (self->initial)) != 0;
}

DomaineRecordEditorMode
domaine_record_editor_get_mode (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), DOMAINE_RECORD_EDITOR_CREATE);
  return self->mode;
}

/* GObject ------------------------------------------------------------------------------- */

static void
domaine_record_editor_dispose (GObject *object)
{
  DomaineRecordEditor *self = DOMAINE_RECORD_EDITOR (object);

  cancel_lint (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOMAINE_TYPE_RECORD_EDITOR);
  self->target_error_row = NULL;
  if (self->lint_rows != NULL)
    g_ptr_array_set_size (self->lint_rows, 0);
  if (self->field_rows != NULL)
    g_array_set_size (self->field_rows, 0);

  G_OBJECT_CLASS (domaine_record_editor_parent_class)->dispose (object);
}

static void
domaine_record_editor_finalize (GObject *object)
{
  DomaineRecordEditor *self = DOMAINE_RECORD_EDITOR (object);

  g_clear_object (&self->zone);
  g_clear_object (&self->changeset);
  g_clear_object (&self->initial);
  g_clear_pointer (&self->effective_records, g_ptr_array_unref);
  g_clear_pointer (&self->lint_snapshot, g_ptr_array_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->lint_rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_rows, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (domaine_record_editor_parent_class)->finalize (object);
}

static void
domaine_record_editor_class_init (DomaineRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = domaine_record_editor_dispose;
  object_class->finalize = domaine_record_editor_finalize;

  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       g_signal_accumulator_first_wins, NULL, NULL, G_TYPE_BOOLEAN,
                                       1, OVH_TYPE_RECORD);

  g_type_ensure (DOMAINE_TYPE_SPF_BUILDER);
  g_type_ensure (DOMAINE_TYPE_DMARC_BUILDER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/zone/domaine-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, lint_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, type_combo);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, type_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, zone_suffix_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, spf_builder);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, dmarc_builder);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, ttl_default_switch);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, ttl_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, ttl_spin);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, ttl_error_row);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, preview_label);
  gtk_widget_class_bind_template_child (widget_class, DomaineRecordEditor, note_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.change-type", NULL, change_type_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
domaine_record_editor_init (DomaineRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  domaine_value_wrap_label (self->preview_label);
  self->field_rows = g_array_new (FALSE, TRUE, sizeof (FieldRow));
  self->findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->lint_rows = g_ptr_array_new ();
}

DomaineRecordEditor *
domaine_record_editor_new (OvhZone *zone, OvhRecord *initial, DomaineRecordEditorMode mode)
{
  DomaineRecordEditor *self;
  g_autoptr (GtkStringList) type_names = NULL;
  const OvhRecordType *type;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (OVH_IS_ZONE (zone), NULL);
  g_return_val_if_fail (initial == NULL || OVH_IS_RECORD (initial), NULL);
  g_return_val_if_fail (mode == DOMAINE_RECORD_EDITOR_CREATE || initial != NULL, NULL);

  self = g_object_new (DOMAINE_TYPE_RECORD_EDITOR, NULL);
  self->zone = g_object_ref (zone);
  self->mode = mode;
  if (initial != NULL)
    self->initial = ovh_record_dup (initial);

  suffix = g_strconcat (".", ovh_zone_get_name (zone), NULL);
  gtk_label_set_label (self->zone_suffix_label, suffix);

  self->updating = TRUE;
  type_names = gtk_string_list_new (ovh_record_type_get_names ());
  adw_combo_row_set_model (self->type_combo, G_LIST_MODEL (type_names));
  gtk_widget_set_visible (GTK_WIDGET (self->type_combo), mode == DOMAINE_RECORD_EDITOR_CREATE);
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), mode == DOMAINE_RECORD_EDITOR_EDIT);

  type = initial != NULL ? ovh_record_get_record_type (initial) : NULL;
  if (type == NULL)
    type = ovh_record_type_lookup ("A");
  {
    guint n_types = 0;
    const OvhRecordType *types = ovh_record_type_get_all (&n_types);

    for (guint i = 0; i < n_types; i++)
      if (&types[i] == type)
        adw_combo_row_set_selected (self->type_combo, i);
  }

  if (initial != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ovh_record_get_display_name (initial));
      gtk_switch_set_active (self->ttl_default_switch,
                             ovh_record_get_ttl (initial) == OVH_RECORD_TTL_ZONE_DEFAULT);
      if (ovh_record_get_ttl (initial) != OVH_RECORD_TTL_ZONE_DEFAULT)
        gtk_spin_button_set_value (self->ttl_spin, ovh_record_get_ttl (initial));
    }
  else
    gtk_switch_set_active (self->ttl_default_switch, TRUE);
  self->updating = FALSE;

  domaine_record_editor_apply_type (self, type);
  domaine_record_editor_update_title (self);

  g_signal_connect_object (self->type_combo, "notify::selected", G_CALLBACK (type_combo_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->spf_builder, "notify::value",
                           G_CALLBACK (builder_value_changed_cb), self, 0);
  g_signal_connect_object (self->dmarc_builder, "notify::value",
                           G_CALLBACK (builder_value_changed_cb), self, 0);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "notify::text",
                           G_CALLBACK (domaine_record_editor_sync_builders), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ovh_zone_get_records (zone), "items-changed",
                           G_CALLBACK (effective_records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ttl_default_switch, "notify::active",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  setup_number_spin (self, self->ttl_spin);

  /* The first field, never the header's Cancel. */
  if (mode == DOMAINE_RECORD_EDITOR_EDIT)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->type_combo));

  return self;
}

const char *
domaine_record_editor_get_note (DomaineRecordEditor *self)
{
  g_return_val_if_fail (DOMAINE_IS_RECORD_EDITOR (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->note_row));
}

void
domaine_record_editor_set_note (DomaineRecordEditor *self, const char *note)
{
  g_return_if_fail (DOMAINE_IS_RECORD_EDITOR (self));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note != NULL ? note : "");
}
