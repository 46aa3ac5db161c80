/* test-record-builders.c: the SPF and DMARC builders of the record dialog, two-way with the value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No network: an unloaded zone is all the dialog needs (its name and records).
 */
#include "config.h"

#include <string.h>

#include "domaine-dmarc-builder.h"
#include "domaine-record-editor.h"
#include "domaine-spf-builder.h"
#include "domaine-test-gui.h"

static OvhZone *
new_zone (void)
{
  g_autoptr (OvhClient) client
      = ovh_client_new ("http://127.0.0.1:9/1.0", "key", "secret", "consumer");
  return ovh_zone_new (client, "example.com");
}

static DomaineRecordEditor *
open_editor (OvhZone *zone, const char *type, const char *sub_domain)
{
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, NULL, DOMAINE_RECORD_EDITOR_CREATE);

  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));
  g_assert_true (domaine_record_editor_set_field_type (editor, type));
  domaine_record_editor_set_value (editor, "sub-domain", sub_domain);
  return editor;
}

/* The value as the dialog would save it. */
static char *
dup_value (DomaineRecordEditor *editor)
{
  g_autoptr (OvhRecord) record = domaine_record_editor_dup_record (editor);

  return g_strdup (ovh_record_get_target (record));
}

#define assert_value(editor, expected)            \
  G_STMT_START                                    \
  {                                               \
    g_autofree char *value_ = dup_value (editor); \
    g_assert_cmpstr (value_, ==, expected);       \
  }                                               \
  G_STMT_END

static GtkWidget *
find_builder (DomaineRecordEditor *editor, GType type)
{
  GtkWidget *builder = domaine_test_find_widget_of_type (GTK_WIDGET (editor), type);

  g_assert_nonnull (builder);
  return builder;
}

static void
collect_of_type (GtkWidget *widget, GType type, GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

/* The @index-th widget of @type below @root, depth first. */
static GtkWidget *
nth_of_type (GtkWidget *root, GType type, guint index)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_of_type (root, type, found);
  g_assert_cmpuint (index, <, found->len);
  return found->pdata[index];
}

static GtkWidget *
find_row (GtkWidget *root, const char *title)
{
  GtkWidget *row = domaine_test_find_widget_with_text (root, title);

  g_assert_nonnull (row);
  return row;
}

/* The parts of mechanism row @n (from 1): its qualifier and kind lists, entry, remove button. */
static GtkWidget *
mechanism_part (GtkWidget *builder, guint n, GType type, guint index)
{
  g_autofree char *title = g_strdup_printf ("Mechanism %u", n);

  return nth_of_type (find_row (builder, title), type, index);
}

static void
set_mechanism (GtkWidget *builder, guint n, guint qualifier, guint kind, const char *text)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (mechanism_part (builder, n, GTK_TYPE_DROP_DOWN, 0)),
                              qualifier);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (mechanism_part (builder, n, GTK_TYPE_DROP_DOWN, 1)),
                              kind);
  gtk_editable_set_text (GTK_EDITABLE (mechanism_part (builder, n, GTK_TYPE_ENTRY, 0)), text);
}

static const char *
mechanism_text (GtkWidget *builder, guint n)
{
  return gtk_editable_get_text (GTK_EDITABLE (mechanism_part (builder, n, GTK_TYPE_ENTRY, 0)));
}

/* Kind positions in a mechanism row, and "all" positions. */
enum
{
  KIND_INCLUDE,
  KIND_A,
  KIND_MX,
  KIND_IP4,
  KIND_IP6,
  KIND_EXISTS,
  KIND_PTR
};
enum
{
  QUALIFIER_PASS,
  QUALIFIER_FAIL,
  QUALIFIER_SOFTFAIL,
  QUALIFIER_NEUTRAL
};
enum
{
  ALL_NOT_STATED,
  ALL_PASS,
  ALL_FAIL,
  ALL_SOFTFAIL,
  ALL_NEUTRAL
};

static void
test_spf_builder_writes_value (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor = open_editor (zone, "SPF", "@");
  GtkWidget *builder = find_builder (editor, DOMAINE_TYPE_SPF_BUILDER);
  GtkWidget *all_row = find_row (builder, "All _Other Senders");
  GtkWidget *redirect_row = find_row (builder, "_Redirect to the Policy of");
  GtkWidget *entry;

  g_assert_true (gtk_widget_get_visible (builder));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (
      domaine_test_find_widget_of_type (GTK_WIDGET (editor), DOMAINE_TYPE_DMARC_BUILDER))));

  /* A new mechanism is staged once it is valid. */
  g_assert_true (gtk_widget_activate_action (builder, "spf-builder.add-mechanism", NULL));
  entry = mechanism_part (builder, 1, GTK_TYPE_ENTRY, 0);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "_spf.google.com");
  assert_value (editor, "v=spf1 include:_spf.google.com");

  adw_combo_row_set_selected (ADW_COMBO_ROW (all_row), ALL_SOFTFAIL);
  assert_value (editor, "v=spf1 include:_spf.google.com ~all");

  /* A second mechanism goes before "all". Half-typed, it is shown wrong and not written. */
  g_assert_true (gtk_widget_activate_action (builder, "spf-builder.add-mechanism", NULL));
  set_mechanism (builder, 2, QUALIFIER_PASS, KIND_IP4, "300.1.1.1");
  g_assert_true (
      gtk_widget_has_css_class (mechanism_part (builder, 2, GTK_TYPE_ENTRY, 0), "error"));
  assert_value (editor, "v=spf1 include:_spf.google.com ~all");
  set_mechanism (builder, 2, QUALIFIER_PASS, KIND_IP4, "192.0.2.0/24");
  g_assert_false (
      gtk_widget_has_css_class (mechanism_part (builder, 2, GTK_TYPE_ENTRY, 0), "error"));
  assert_value (editor, "v=spf1 include:_spf.google.com ip4:192.0.2.0/24 ~all");

  /* Qualifier and kind, then a mechanism with no value. */
  set_mechanism (builder, 2, QUALIFIER_FAIL, KIND_IP4, "192.0.2.0/24");
  assert_value (editor, "v=spf1 include:_spf.google.com -ip4:192.0.2.0/24 ~all");
  g_assert_true (gtk_widget_activate_action (builder, "spf-builder.add-mechanism", NULL));
  set_mechanism (builder, 3, QUALIFIER_PASS, KIND_MX, "");
  assert_value (editor, "v=spf1 include:_spf.google.com -ip4:192.0.2.0/24 mx ~all");
  set_mechanism (builder, 3, QUALIFIER_PASS, KIND_A, "/24");
  assert_value (editor, "v=spf1 include:_spf.google.com -ip4:192.0.2.0/24 a/24 ~all");

  /* Removing the first mechanism: the others stay, renumbered. */
  g_signal_emit_by_name (
      domaine_test_find_widget_with_text (find_row (builder, "Mechanism 1"), "Remove Mechanism"),
      "clicked");
  assert_value (editor, "v=spf1 -ip4:192.0.2.0/24 a/24 ~all");
  g_assert_cmpstr (mechanism_text (builder, 1), ==, "192.0.2.0/24");
  g_assert_null (domaine_test_find_widget_with_text (builder, "Mechanism 3"));

  /* Redirect, then no "all" at all. */
  gtk_editable_set_text (GTK_EDITABLE (redirect_row), "_spf.example.net");
  assert_value (editor, "v=spf1 -ip4:192.0.2.0/24 a/24 ~all redirect=_spf.example.net");
  adw_combo_row_set_selected (ADW_COMBO_ROW (all_row), ALL_NOT_STATED);
  assert_value (editor, "v=spf1 -ip4:192.0.2.0/24 a/24 redirect=_spf.example.net");
  gtk_editable_set_text (GTK_EDITABLE (redirect_row), "");
  assert_value (editor, "v=spf1 -ip4:192.0.2.0/24 a/24");

  /* What the builder wrote is a record the dialog saves. */
  g_assert_true (domaine_record_editor_get_valid (editor));
  g_assert_nonnull (strstr (domaine_record_editor_get_preview (editor), "-ip4:192.0.2.0/24 a/24"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (editor)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_spf_value_fills_builder (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor = open_editor (zone, "SPF", "@");
  GtkWidget *builder = find_builder (editor, DOMAINE_TYPE_SPF_BUILDER);
  GtkWidget *all_row = find_row (builder, "All _Other Senders");
  GtkWidget *redirect_row = find_row (builder, "_Redirect to the Policy of");
  const char *typed = "v=spf1 mx INCLUDE:_spf.example.com ?a:%{d}.example.net/24//64 -all "
                      "exp=explain.example.com";

  domaine_record_editor_set_value (editor, "value", typed);
  g_assert_true (domaine_spf_builder_get_parsed (DOMAINE_SPF_BUILDER (builder)));
  g_assert_cmpstr (domaine_spf_builder_get_value (DOMAINE_SPF_BUILDER (builder)), ==, typed);
  g_assert_cmpstr (mechanism_text (builder, 1), ==, "");
  g_assert_cmpuint (gtk_drop_down_get_selected (
                        GTK_DROP_DOWN (mechanism_part (builder, 1, GTK_TYPE_DROP_DOWN, 1))),
                    ==, KIND_MX);
  g_assert_cmpstr (mechanism_text (builder, 2), ==, "_spf.example.com");
  g_assert_cmpstr (mechanism_text (builder, 3), ==, "%{d}.example.net/24//64");
  g_assert_cmpuint (gtk_drop_down_get_selected (
                        GTK_DROP_DOWN (mechanism_part (builder, 3, GTK_TYPE_DROP_DOWN, 0))),
                    ==, QUALIFIER_NEUTRAL);
  g_assert_null (domaine_test_find_widget_with_text (builder, "Mechanism 4"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (all_row)), ==, ALL_FAIL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (redirect_row)), ==, "");
  /* Nothing changed by showing it. */
  assert_value (editor, typed);

  /* One field changed: that term only; exp= and the spelling of the others stay. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (all_row), ALL_SOFTFAIL);
  assert_value (editor, "v=spf1 mx INCLUDE:_spf.example.com ?a:%{d}.example.net/24//64 ~all "
                        "exp=explain.example.com");

  /* A TXT record holding a policy has the builder too; other text does not. */
  g_assert_true (domaine_record_editor_set_field_type (editor, "TXT"));
  g_assert_true (gtk_widget_get_visible (builder));
  domaine_record_editor_set_value (editor, "value", "v=spf1 include:mx.ovh.com ~all");
  g_assert_cmpstr (mechanism_text (builder, 1), ==, "mx.ovh.com");
  domaine_record_editor_set_value (editor, "value", "google-site-verification=abc");
  g_assert_false (gtk_widget_get_visible (builder));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_spf_kept_as_typed (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor = open_editor (zone, "SPF", "@");
  GtkWidget *builder = find_builder (editor, DOMAINE_TYPE_SPF_BUILDER);
  GtkWidget *all_row = find_row (builder, "All _Other Senders");
  GtkWidget *status;
  const char *typed = "v=spf1 include:_spf.example.com ip4:300.1.1.1 -all";

  domaine_record_editor_set_value (editor, "value", "v=spf1 include:_spf.example.com -all");
  domaine_record_editor_set_value (editor, "value", typed);
  g_assert_false (domaine_spf_builder_get_parsed (DOMAINE_SPF_BUILDER (builder)));
  status = find_row (builder, "This policy is kept as typed");
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (status)), "300.1.1.1"));
  g_assert_false (gtk_widget_is_sensitive (all_row));
  g_assert_false (gtk_widget_is_sensitive (find_row (builder, "Mechanism 1")));
  /* Add Mechanism does nothing, as its insensitive button says. */
  gtk_widget_activate_action (builder, "spf-builder.add-mechanism", NULL);
  g_assert_null (domaine_test_find_widget_with_text (builder, "Mechanism 2"));
  /* Nothing typed is lost. */
  assert_value (editor, typed);

  domaine_record_editor_set_value (editor, "value", "v=spf1 include:_spf.example.com -all");
  g_assert_true (domaine_spf_builder_get_parsed (DOMAINE_SPF_BUILDER (builder)));
  g_assert_false (gtk_widget_get_visible (status));
  g_assert_true (gtk_widget_is_sensitive (all_row));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_dmarc_builder (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  DomaineRecordEditor *editor = open_editor (zone, "DMARC", "_dmarc");
  GtkWidget *builder = find_builder (editor, DOMAINE_TYPE_DMARC_BUILDER);
  GtkWidget *policy_row = find_row (builder, "_Policy");
  GtkWidget *subdomain_row = find_row (builder, "_Subdomain Policy");
  GtkWidget *spin
      = domaine_test_find_widget_of_type (find_row (builder, "P_ercentage"), GTK_TYPE_SPIN_BUTTON);
  GtkWidget *rua_row = find_row (builder, "_Aggregate Reports To");
  GtkWidget *ruf_row = find_row (builder, "_Forensic Reports To");
  GtkWidget *adkim_row = find_row (builder, "_DKIM Alignment");
  GtkWidget *aspf_row = find_row (builder, "SPF Alig_nment");

  g_assert_true (gtk_widget_get_visible (builder));

  /* Builder → value */
  adw_combo_row_set_selected (ADW_COMBO_ROW (policy_row), 2);
  assert_value (editor, "v=DMARC1; p=reject");
  gtk_editable_set_text (GTK_EDITABLE (rua_row), "dmarc@example.com, reports@example.net");
  assert_value (editor,
                "v=DMARC1; p=reject; rua=mailto:dmarc@example.com,mailto:reports@example.net");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 50);
  adw_combo_row_set_selected (ADW_COMBO_ROW (adkim_row), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (subdomain_row), 2);
  assert_value (editor, "v=DMARC1; p=reject; rua=mailto:dmarc@example.com,"
                        "mailto:reports@example.net; pct=50; adkim=s; sp=quarantine");
  /* A wrong address is shown wrong and not written. */
  gtk_editable_set_text (GTK_EDITABLE (ruf_row), "https://example.com");
  g_assert_true (gtk_widget_has_css_class (ruf_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (ruf_row), "forensic@example.com");
  g_assert_false (gtk_widget_has_css_class (ruf_row, "error"));
  assert_value (editor, "v=DMARC1; p=reject; rua=mailto:dmarc@example.com,"
                        "mailto:reports@example.net; pct=50; adkim=s; sp=quarantine; "
                        "ruf=mailto:forensic@example.com");
  gtk_editable_set_text (GTK_EDITABLE (rua_row), "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (subdomain_row), 0);
  assert_value (editor, "v=DMARC1; p=reject; pct=50; adkim=s; ruf=mailto:forensic@example.com");
  g_assert_true (domaine_record_editor_get_valid (editor));

  /* Value → builder, spacing, unknown tags and the final “;” kept. */
  domaine_record_editor_set_value (
      editor, "value", "v=DMARC1;p=quarantine;sp=none;pct=20;rua=mailto:x@example.com;fo=1:d;");
  g_assert_true (domaine_dmarc_builder_get_parsed (DOMAINE_DMARC_BUILDER (builder)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (policy_row)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (subdomain_row)), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rua_row)), ==, "x@example.com");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ruf_row)), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (adkim_row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (aspf_row), 1);
  assert_value (editor,
                "v=DMARC1;p=quarantine;sp=none;pct=20;rua=mailto:x@example.com;fo=1:d;aspf=s;");

  /* Kept as typed */
  domaine_record_editor_set_value (editor, "value", "v=DMARC1; p=block; rua=mailto:x@example.com");
  g_assert_false (domaine_dmarc_builder_get_parsed (DOMAINE_DMARC_BUILDER (builder)));
  g_assert_true (gtk_widget_get_visible (find_row (builder, "This policy is kept as typed")));
  g_assert_false (gtk_widget_is_sensitive (policy_row));
  g_assert_false (gtk_widget_is_sensitive (rua_row));
  assert_value (editor, "v=DMARC1; p=block; rua=mailto:x@example.com");

  /* A TXT record at _dmarc holding a policy has the builder too; not elsewhere. */
  g_assert_true (domaine_record_editor_set_field_type (editor, "TXT"));
  domaine_record_editor_set_value (editor, "value", "v=DMARC1; p=none");
  g_assert_true (gtk_widget_get_visible (builder));
  g_assert_true (domaine_dmarc_builder_get_parsed (DOMAINE_DMARC_BUILDER (builder)));
  domaine_record_editor_set_value (editor, "sub-domain", "www");
  g_assert_false (gtk_widget_get_visible (builder));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (editor)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_edit_existing_records (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  g_autoptr (OvhRecord) spf = ovh_record_new (
      "example.com", "", "SPF", "v=spf1 include:_spf.google.com include:mailgun.org ~all", 3600);
  g_autoptr (OvhRecord) dmarc = ovh_record_new ("example.com", "_dmarc", "DMARC",
                                                "v=DMARC1; p=none; rua=mailto:d@example.com", 3600);
  DomaineRecordEditor *editor;
  GtkWidget *builder;

  editor = domaine_record_editor_new (zone, spf, DOMAINE_RECORD_EDITOR_EDIT);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));
  builder = find_builder (editor, DOMAINE_TYPE_SPF_BUILDER);
  g_assert_true (gtk_widget_get_visible (builder));
  g_assert_cmpstr (mechanism_text (builder, 2), ==, "mailgun.org");
  assert_value (editor, "v=spf1 include:_spf.google.com include:mailgun.org ~all");
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = domaine_record_editor_new (zone, dmarc, DOMAINE_RECORD_EDITOR_EDIT);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));
  builder = find_builder (editor, DOMAINE_TYPE_DMARC_BUILDER);
  g_assert_true (gtk_widget_get_visible (builder));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (find_row (builder, "_Aggregate Reports To"))), ==,
      "d@example.com");
  assert_value (editor, "v=DMARC1; p=none; rua=mailto:d@example.com");
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Shows @record's builder, scrolled into view, and saves the shot as @name. */
static void
screenshot (OvhZone *zone, OvhRecord *record, GType builder_type, const char *name, int width)
{
  DomaineRecordEditor *editor
      = domaine_record_editor_new (zone, record, DOMAINE_RECORD_EDITOR_EDIT);
  GtkWidget *builder;
  g_autofree char *shot = NULL;

  gtk_window_set_default_size (GTK_WINDOW (editor), width, 980);
  gtk_window_present (GTK_WINDOW (editor));
  domaine_test_wait_for_window (GTK_WINDOW (editor));
  builder = find_builder (editor, builder_type);
  g_assert_true (gtk_widget_get_visible (builder));
  g_assert_true (domaine_test_wait_frames (GTK_WIDGET (editor), 2));
  shot = domaine_test_save_screenshot (GTK_WIDGET (editor), name);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_screenshots (void)
{
  g_autoptr (OvhZone) zone = new_zone ();
  g_autoptr (OvhRecord) spf = ovh_record_new (
      "example.com", "", "SPF",
      "v=spf1 include:_spf.google.com include:mailgun.org ip4:192.0.2.0/24 -a:old.example.com ~all",
      3600);
  g_autoptr (OvhRecord) spf_kept = ovh_record_new (
      "example.com", "", "SPF", "v=spf1 include:_spf.google.com ip4:300.1.1.1 ~all", 0);
  g_autoptr (OvhRecord) dmarc = ovh_record_new (
      "example.com", "_dmarc", "DMARC",
      "v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:dmarc@example.com,"
      "mailto:reports@example.net; ruf=mailto:forensic@example.com; adkim=s; fo=1:d",
      3600);

  screenshot (zone, spf, DOMAINE_TYPE_SPF_BUILDER, "spf-builder", 560);
  screenshot (zone, spf, DOMAINE_TYPE_SPF_BUILDER, "spf-builder-narrow", 360);
  screenshot (zone, spf_kept, DOMAINE_TYPE_SPF_BUILDER, "spf-builder-kept-as-typed", 560);
  screenshot (zone, dmarc, DOMAINE_TYPE_DMARC_BUILDER, "dmarc-builder", 560);
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();

  g_test_add_func ("/record-builders/spf/builder-writes-value", test_spf_builder_writes_value);
  g_test_add_func ("/record-builders/spf/value-fills-builder", test_spf_value_fills_builder);
  g_test_add_func ("/record-builders/spf/kept-as-typed", test_spf_kept_as_typed);
  g_test_add_func ("/record-builders/dmarc", test_dmarc_builder);
  g_test_add_func ("/record-builders/edit-existing", test_edit_existing_records);
  g_test_add_func ("/record-builders/screenshots", test_screenshots);

  return g_test_run ();
}
