/* test-record-editor.c: the record dialog: fields per type, live checks, preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No network: an unloaded zone is all the dialog needs (its name and records).
 */
#include "config.h"

#include <string.h>

#include "domaine-record-editor.h"
#include "domaine-test-gui.h"

static OvhZone *
new_zone (void)
{
  g_autoptr (OvhClient) client
      = ovh_client_new ("http://127.0.0.1:9/1.0", "key", "secret", "consumer");
  return ovh_zone_new (client, "example.com");
}

static void
test_every_type_has_its_fields (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  guint n_types = 0;
  const OvhRecordType *types = ovh_record_type_get_all (&n_types);
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);

  gtk_window_present (GTK_WINDOW (editor));
  for (guint i = 0; i < n_types; i++)
    {
      g_assert_true (domaine_record_editor_set_field_type (editor, types[i].name));
      for (guint f = 0; f < types[i].n_fields; f++)
        g_assert_nonnull (domaine_test_find_widget_with_text (
            GTK_WIDGET (editor), ovh_record_field_get_label (&types[i].fields[f])));
      /* A preview is always there, in the type's zone-file spelling. */
      g_assert_nonnull (strstr (domaine_record_editor_get_preview (editor), types[i].zone_type));
    }
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (editor)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_preview_and_ttl (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);
  g_autoptr (OvhRecord) record = NULL;

  domaine_record_editor_set_field_type (editor, "MX");
  domaine_record_editor_set_value (editor, "sub-domain", "@");
  domaine_record_editor_set_value (editor, "priority", "10");
  domaine_record_editor_set_value (editor, "host", "mx1.example.net.");
  g_assert_true (domaine_record_editor_get_valid (editor));
  g_assert_cmpstr (domaine_record_editor_get_preview (editor), ==, "@ IN MX 10 mx1.example.net.");

  domaine_record_editor_set_value (editor, "ttl", "600");
  g_assert_cmpstr (domaine_record_editor_get_preview (editor), ==,
                   "@ 600 IN MX 10 mx1.example.net.");
  record = domaine_record_editor_dup_record (editor);
  g_assert_cmpuint (ovh_record_get_ttl (record), ==, 600);
  g_assert_cmpstr (ovh_record_get_sub_domain (record), ==, "");
  g_assert_cmpstr (ovh_record_get_target (record), ==, "10 mx1.example.net.");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
save_enabled (DomaineRecordEditor *editor)
{
  GtkWidget *save = domaine_test_find_button_with_label (GTK_WIDGET (editor), "_Save");

  g_assert_nonnull (save);
  return gtk_widget_is_sensitive (save);
}

/* Types "text" into @spin and leaves the field, as Tab does: the spin button parses it. */
static void
type_into_spin (GtkWidget *spin, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
}

static void
test_ttl_refuses_nonsense (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);
  const char *const nonsense[] = { "abc", "", "-5", "1.5", "12abc", "1e3", "99999999999999999999" };
  GtkWidget *ttl_spin;
  GtkWidget *ttl_switch;

  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));
  domaine_record_editor_set_value (editor, "sub-domain", "www");
  domaine_record_editor_set_value (editor, "address", "192.0.2.1");
  g_assert_true (save_enabled (editor));

  ttl_spin = domaine_test_find_widget_of_type (
      domaine_test_find_widget_with_text (GTK_WIDGET (editor), "TT_L"), GTK_TYPE_SPIN_BUTTON);
  g_assert_true (GTK_IS_SPIN_BUTTON (ttl_spin));
  ttl_switch = domaine_test_find_widget_of_type (GTK_WIDGET (editor), GTK_TYPE_SWITCH);
  gtk_switch_set_active (GTK_SWITCH (ttl_switch), FALSE);
  g_assert_true (save_enabled (editor));

  for (guint i = 0; i < G_N_ELEMENTS (nonsense); i++)
    {
      g_test_message ("TTL “%s”", nonsense[i]);
      type_into_spin (ttl_spin, nonsense[i]);
      /* Refused inline: the text stays as typed, an error under the field, no Save. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ttl_spin)), ==, nonsense[i]);
      g_assert_nonnull (domaine_record_editor_get_field_error (editor, "ttl"));
      g_assert_false (domaine_record_editor_get_valid (editor));
      g_assert_false (save_enabled (editor));
      /* The preview never shows a number the person did not type. */
      g_assert_null (strstr (domaine_record_editor_get_preview (editor), " 1 IN"));
      g_assert_null (strstr (domaine_record_editor_get_preview (editor), " 0 IN"));
    }
  type_into_spin (ttl_spin, "abc");
  g_assert_cmpstr (domaine_record_editor_get_preview (editor), ==, "www abc IN A 192.0.2.1");
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (editor), 2));
  g_free (domaine_test_save_screenshot (GTK_WIDGET (editor), "record-editor-ttl-error"));

  type_into_spin (ttl_spin, " 300 ");
  g_assert_null (domaine_record_editor_get_field_error (editor, "ttl"));
  g_assert_true (save_enabled (editor));
  g_assert_cmpstr (domaine_record_editor_get_preview (editor), ==, "www 300 IN A 192.0.2.1");
  {
    g_autoptr (OvhRecord) record = domaine_record_editor_dup_record (editor);
    g_assert_cmpuint (ovh_record_get_ttl (record), ==, 300);
  }
  /* Typing is enough: the error shows before the field is left. */
  gtk_editable_set_text (GTK_EDITABLE (ttl_spin), "30x");
  g_assert_false (save_enabled (editor));
  gtk_editable_set_text (GTK_EDITABLE (ttl_spin), "30");
  g_assert_true (save_enabled (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Every number field of every type: MX priority, SRV priority/weight/port, SSHFP, TLSA, CAA,
 * NAPTR… */
static void
test_number_fields_refuse_nonsense (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  guint n_types = 0;
  const OvhRecordType *types = ovh_record_type_get_all (&n_types);
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);
  guint n_checked = 0;

  gtk_window_present (GTK_WINDOW (editor));
  for (guint i = 0; i < n_types; i++)
    for (guint f = 0; f < types[i].n_fields; f++)
      {
        const OvhRecordField *field = &types[i].fields[f];
        g_autofree char *too_big = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) field->max + 1);
        const char *const nonsense[] = { "abc", "", "-1", "2.5", too_big };
        GtkWidget *spin;

        if (field->kind != OVH_RECORD_FIELD_INTEGER)
          continue;
        g_assert_true (domaine_record_editor_set_field_type (editor, types[i].name));
        spin = domaine_test_find_widget_with_text (GTK_WIDGET (editor),
                                                   ovh_record_field_get_label (field));
        if (!GTK_IS_SPIN_BUTTON (spin))
          spin = domaine_test_find_widget_of_type (spin, GTK_TYPE_SPIN_BUTTON);
        g_assert_true (GTK_IS_SPIN_BUTTON (spin));
        for (guint n = 0; n < G_N_ELEMENTS (nonsense); n++)
          {
            g_test_message ("%s %s “%s”", types[i].name, field->id, nonsense[n]);
            type_into_spin (spin, nonsense[n]);
            g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, nonsense[n]);
            g_assert_nonnull (domaine_record_editor_get_field_error (editor, field->id));
            g_assert_false (save_enabled (editor));
            if (nonsense[n][0] != '\0')
              g_assert_nonnull (strstr (domaine_record_editor_get_preview (editor), nonsense[n]));
          }
        type_into_spin (spin, "1");
        g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1");
        n_checked++;
      }
  g_assert_cmpuint (n_checked, >=, 12);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_txt_counter (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);
  g_autofree char *long_text = g_strnfill (300, 'a');

  domaine_record_editor_set_field_type (editor, "TXT");
  domaine_record_editor_set_value (editor, "value", "hello");
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (editor), "5 characters"));
  domaine_record_editor_set_value (editor, "value", long_text);
  g_assert_nonnull (
      domaine_test_find_label_with_text (GTK_WIDGET (editor), "300 characters in 2 strings"));
  g_assert_true (domaine_record_editor_get_valid (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_typed_txt_keeps_its_type (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  g_autoptr (OvhRecord) spf = ovh_record_new ("example.com", "", "SPF", "v=spf1 mx -all", 0);
  DomaineRecordEditor *editor;
  g_autofree char *shot = NULL;

  ovh_record_set_id (spf, 42);
  editor = domaine_record_editor_new (zone, spf, DOMAINE_RECORD_EDITOR_EDIT);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));

  g_assert_false (domaine_record_editor_set_field_type (editor, "TXT"));
  g_assert_false (domaine_record_editor_get_type_changed (editor));
  g_assert_nonnull (domaine_test_find_button_with_label (GTK_WIDGET (editor), "C_hange Type…"));
  g_assert_nonnull (domaine_test_find_label_with_text (GTK_WIDGET (editor), "SPF"));
  g_assert_cmpstr (domaine_record_editor_get_preview (editor), ==, "@ IN TXT \"v=spf1 mx -all\"");
  {
    g_autoptr (OvhRecord) record = domaine_record_editor_dup_record (editor);
    g_assert_cmpuint (ovh_record_get_id (record), ==, 42);
    g_assert_cmpstr (ovh_record_get_field_type (record), ==, "SPF");
  }
  shot = domaine_test_save_screenshot (GTK_WIDGET (editor), "record-editor-spf");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static OvhLintFinding *
find_finding (DomaineRecordEditor *editor, const char *code)
{
  GPtrArray *findings = domaine_record_editor_get_findings (editor);

  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (ovh_lint_finding_get_code (findings->pdata[i]), code) == 0)
      return findings->pdata[i];
  return NULL;
}

static void
test_lint_as_you_type (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  g_autoptr (OvhChangeset) changeset = ovh_changeset_new (zone);
  g_autoptr (OvhRecord) spf = ovh_record_new ("example.com", "", "TXT", "v=spf1 mx -all", 0);
  g_autoptr (GError) error = NULL;
  DomaineRecordEditor *editor;
  OvhLintFinding *finding;

  /* A policy already staged at the apex: the typed one is linted beside it. */
  g_assert_nonnull (ovh_changeset_stage_create (changeset, spf, &error));
  g_assert_no_error (error);
  editor = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);
  domaine_record_editor_set_changeset (editor, changeset);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));

  g_assert_true (domaine_record_editor_set_field_type (editor, "SPF"));
  domaine_record_editor_set_value (editor, "sub-domain", "@");
  domaine_record_editor_set_value (editor, "value", "v=spf1 include:_spf.example.net -all");
  g_assert_true (domaine_record_editor_get_valid (editor));
  finding = find_finding (editor, "spf-multiple");
  g_assert_nonnull (finding);
  g_assert_nonnull (domaine_test_find_widget_with_text (GTK_WIDGET (editor),
                                                        ovh_lint_finding_get_message (finding)));
  /* A finding informs; Save stays available. */
  g_assert_true (save_enabled (editor));

  /* Elsewhere, the same policy is clean. */
  domaine_record_editor_set_value (editor, "sub-domain", "mail");
  g_assert_true (domaine_record_editor_get_valid (editor));
  g_assert_cmpuint (domaine_record_editor_get_findings (editor)->len, ==, 0);
  g_assert_null (domaine_test_find_widget_with_text (GTK_WIDGET (editor), "spf-multiple"));

  /* Once the staged policy goes, the apex is clean too. */
  domaine_record_editor_set_value (editor, "sub-domain", "@");
  g_assert_nonnull (find_finding (editor, "spf-multiple"));
  ovh_changeset_discard_all (changeset);
  g_assert_null (find_finding (editor, "spf-multiple"));
  g_assert_cmpuint (domaine_record_editor_get_findings (editor)->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
has_finding (gpointer data)
{
  return find_finding (data, "spf-multiple") != NULL;
}

static gboolean
has_no_findings (gpointer data)
{
  return domaine_record_editor_get_findings (data)->len == 0;
}

/* A big zone is linted on a thread once typing pauses: the same findings, no stall. */
static void
test_lint_big_zone (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  g_autoptr (OvhChangeset) changeset = ovh_changeset_new (zone);
  g_autoptr (OvhRecord) spf = ovh_record_new ("example.com", "", "TXT", "v=spf1 mx -all", 0);
  DomaineRecordEditor *editor;

  g_assert_nonnull (ovh_changeset_stage_create (changeset, spf, NULL));
  for (guint i = 0; i < 6000; i++)
    {
      g_autofree char *name = g_strdup_printf ("host%u", i);
      g_autofree char *address = g_strdup_printf ("192.0.%u.%u", i / 250, i % 250 + 1);
      g_autoptr (OvhRecord) record = ovh_record_new ("example.com", name, "A", address, 0);

      g_assert_nonnull (ovh_changeset_stage_create (changeset, record, NULL));
    }
  editor = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);
  domaine_record_editor_set_changeset (editor, changeset);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));

  g_assert_true (domaine_record_editor_set_field_type (editor, "SPF"));
  domaine_record_editor_set_value (editor, "sub-domain", "@");
  domaine_record_editor_set_value (editor, "value", "v=spf1 include:_spf.example.net -all");
  g_assert_true (domaine_test_wait_until (has_finding, editor, 10000));
  domaine_record_editor_set_value (editor, "sub-domain", "mail");
  g_assert_true (domaine_test_wait_until (has_no_findings, editor, 10000));

  /* Closing while a lint runs leaves it to finish unseen. */
  domaine_record_editor_set_value (editor, "sub-domain", "@");
  gtk_window_destroy (GTK_WINDOW (editor));
  ovh_changeset_discard_all (changeset);
}

static void
test_screenshots (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  g_autoptr (OvhRecord) mx = ovh_record_new ("example.com", "", "MX", "10 mx1.example.net.", 3600);
  DomaineRecordEditor *editor;
  g_autofree char *shot = NULL;

  editor = domaine_record_editor_new (zone, mx, DOMAINE_RECORD_EDITOR_CREATE);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));
  shot = domaine_test_save_screenshot (GTK_WIDGET (editor), "record-editor");
  g_free (g_steal_pointer (&shot));

  /* An error shows under the field that causes it. */
  domaine_record_editor_set_value (editor, "host", "bad host name");
  g_assert_false (domaine_record_editor_get_valid (editor));
  g_assert_nonnull (domaine_record_editor_get_field_error (editor, "host"));
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 640);
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (editor), 2));
  shot = domaine_test_save_screenshot (GTK_WIDGET (editor), "record-editor-narrow");
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add_func ("/record-editor/every-type-has-its-fields", test_every_type_has_its_fields);
  g_test_add_func ("/record-editor/preview-and-ttl", test_preview_and_ttl);
  g_test_add_func ("/record-editor/ttl-refuses-nonsense", test_ttl_refuses_nonsense);
  g_test_add_func ("/record-editor/number-fields-refuse-nonsense",
                   test_number_fields_refuse_nonsense);
  g_test_add_func ("/record-editor/txt-counter", test_txt_counter);
  g_test_add_func ("/record-editor/typed-txt-keeps-its-type", test_typed_txt_keeps_its_type);
  g_test_add_func ("/record-editor/lint-as-you-type", test_lint_as_you_type);
  g_test_add_func ("/record-editor/lint-big-zone", test_lint_big_zone);
  g_test_add_func ("/record-editor/screenshots", test_screenshots);

  return g_test_run ();
}
