/* test-zone-settings-dialog.c: the zone settings window against the in-process sandbox: the
 * SOA shown, a wrong field refused as it is typed, a save, a save OVH refuses keeping what was
 * typed, and a reset confirmed after a snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "domaine-test-gui.h"
#include "domaine-zone-settings-dialog.h"
#include "ovh-sandbox.h"
#include "ovh-zone-snapshot.h"

#define ZONE "lovelace.fr"
#define ACCOUNT "ada"

typedef struct
{
  OvhSandbox *sandbox;
  OvhClient *client;
  OvhZone *zone;
  OvhChangeset *changeset;
  DomaineZoneSettingsDialog *dialog;
} Fixture;

static void
store_result (GObject *source, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
loaded_and_idle (gpointer data)
{
  Fixture *fixture = data;

  return domaine_zone_settings_dialog_get_loaded (fixture->dialog)
         && !domaine_zone_settings_dialog_get_busy (fixture->dialog);
}

static gboolean
idle (gpointer data)
{
  Fixture *fixture = data;

  return !domaine_zone_settings_dialog_get_busy (fixture->dialog);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  fixture->sandbox = ovh_sandbox_new ();
  ovh_sandbox_start (fixture->sandbox, 0, FALSE, &error);
  g_assert_no_error (error);
  fixture->client
      = ovh_client_new (ovh_sandbox_get_base_url (fixture->sandbox), OVH_SANDBOX_APPLICATION_KEY,
                        OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY);
  ovh_client_set_rate_limit (fixture->client, 0);
  ovh_client_set_retry_policy (fixture->client, 0, 10);

  fixture->zone = ovh_zone_new (fixture->client, ZONE);
  ovh_zone_set_cache_enabled (fixture->zone, FALSE);
  ovh_zone_reload_async (fixture->zone, NULL, store_result, &result);
  g_assert_true (domaine_test_wait_until (result_ready, &result, 10000));
  g_assert_true (ovh_zone_reload_finish (fixture->zone, result, &error));
  fixture->changeset = ovh_changeset_new (fixture->zone);
  fixture->dialog = DOMAINE_ZONE_SETTINGS_DIALOG (
      domaine_zone_settings_dialog_new (fixture->changeset, ACCOUNT));
  g_object_ref_sink (fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  domaine_test_wait_for_window (GTK_WINDOW (fixture->dialog));
  g_assert_true (domaine_test_wait_until (loaded_and_idle, fixture, 10000));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  GtkWindow *window = GTK_WINDOW (fixture->dialog);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);
  g_object_unref (fixture->dialog);
  g_assert_true (domaine_test_wait_for_null ((gpointer *) &window, 5000));
  g_clear_object (&fixture->changeset);
  g_clear_object (&fixture->zone);
  g_clear_object (&fixture->client);
  ovh_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static const char *
field_text (Fixture *fixture, const char *title)
{
  GtkWidget *row = domaine_test_find_widget_with_text (GTK_WIDGET (fixture->dialog), title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_field (Fixture *fixture, const char *title, const char *text)
{
  domaine_test_set_entry_row_text (GTK_WIDGET (fixture->dialog), title, text);
}

static void
save (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "settings.save", NULL));
  g_assert_true (domaine_test_wait_until (idle, fixture, 10000));
}

static void
test_edit (Fixture *fixture, gconstpointer data)
{
  GtkWidget *root = GTK_WIDGET (fixture->dialog);
  guint64 serial = ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE);
  guint n_puts = ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*/soa");

  /* OVH's SOA, shown. */
  g_assert_cmpstr (field_text (fixture, "Default TTL"), ==, "3600");
  g_assert_cmpstr (field_text (fixture, "Refresh"), ==, "86400");
  g_assert_cmpstr (field_text (fixture, "Expiry"), ==, "3600000");
  g_assert_cmpstr (field_text (fixture, "Negative TTL"), ==, "60");
  g_assert_cmpstr (field_text (fixture, "Contact E-mail"), ==, "tech.ovh.net");
  g_assert_nonnull (domaine_test_find_widget_with_text (root, "Primary Server"));
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (root), ==, 0);
  /* Nothing changed: nothing to save. */
  g_assert_true (domaine_zone_settings_dialog_get_valid (fixture->dialog));
  save (fixture);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*/soa"), ==, n_puts);

  /* Not a number: refused as it is typed, and Save stays off. */
  set_field (fixture, "Refresh", "a day");
  g_assert_false (domaine_zone_settings_dialog_get_valid (fixture->dialog));
  g_assert_nonnull (
      domaine_zone_settings_dialog_get_field_error (fixture->dialog, OVH_ZONE_SOA_FIELD_REFRESH));
  g_assert_nonnull (domaine_test_find_widget_with_text (root, "Enter a whole number of seconds"));
  save (fixture);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*/soa"), ==, n_puts);

  /* An expiry not longer than the refresh, and an address that is none. */
  set_field (fixture, "Refresh", "43200");
  set_field (fixture, "Expiry", "43200");
  g_assert_false (domaine_zone_settings_dialog_get_valid (fixture->dialog));
  g_assert_nonnull (
      domaine_zone_settings_dialog_get_field_error (fixture->dialog, OVH_ZONE_SOA_FIELD_EXPIRE));
  g_assert_null (
      domaine_zone_settings_dialog_get_field_error (fixture->dialog, OVH_ZONE_SOA_FIELD_REFRESH));
  set_field (fixture, "Expiry", "1209600");
  set_field (fixture, "Contact E-mail", "nobody");
  g_assert_false (domaine_zone_settings_dialog_get_valid (fixture->dialog));
  set_field (fixture, "Contact E-mail", "hostmaster@lovelace.fr");
  set_field (fixture, "Negative TTL", "300");
  g_assert_true (domaine_zone_settings_dialog_get_valid (fixture->dialog));

  save (fixture);
  g_assert_null (domaine_zone_settings_dialog_get_error (fixture->dialog));
  g_assert_cmpuint (domaine_zone_settings_dialog_get_soa (fixture->dialog)->refresh, ==, 43200);
  g_assert_cmpuint (domaine_zone_settings_dialog_get_soa (fixture->dialog)->nx_domain_ttl, ==, 300);
  g_assert_cmpstr (domaine_zone_settings_dialog_get_soa (fixture->dialog)->email, ==,
                   "hostmaster@lovelace.fr");
  g_assert_cmpuint (ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE), >, serial);
  g_assert_cmpuint (ovh_zone_get_serial (fixture->zone), ==,
                    ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE));
  g_assert_cmpuint (ovh_zone_get_soa_expire (fixture->zone), ==, 1209600);
  domaine_test_save_screenshot (root, "zone-settings");
}

static void
test_failed_save (Fixture *fixture, gconstpointer data)
{
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", "*/soa", OVH_SANDBOX_FAULT_HTTP_500, 1);
  set_field (fixture, "Default TTL", "7200");
  set_field (fixture, "Contact E-mail", "dns@lovelace.fr");
  save (fixture);

  /* The error is shown and what was typed stays, to be saved again. */
  g_assert_nonnull (domaine_zone_settings_dialog_get_error (fixture->dialog));
  g_assert_nonnull (domaine_test_find_label_with_text (
      GTK_WIDGET (fixture->dialog), domaine_zone_settings_dialog_get_error (fixture->dialog)));
  g_assert_cmpstr (field_text (fixture, "Default TTL"), ==, "7200");
  g_assert_cmpstr (field_text (fixture, "Contact E-mail"), ==, "dns@lovelace.fr");
  g_assert_cmpuint (domaine_zone_settings_dialog_get_soa (fixture->dialog)->ttl, ==, 3600);
  g_assert_true (domaine_zone_settings_dialog_get_valid (fixture->dialog));

  save (fixture);
  g_assert_null (domaine_zone_settings_dialog_get_error (fixture->dialog));
  g_assert_cmpuint (domaine_zone_settings_dialog_get_soa (fixture->dialog)->ttl, ==, 7200);
  g_assert_cmpuint (ovh_zone_get_default_ttl (fixture->zone), ==, 7200);
}

static gboolean
has_confirmation (gpointer data)
{
  Fixture *fixture = data;

  return domaine_zone_settings_dialog_get_confirmation (fixture->dialog) != NULL;
}

static void
test_reset (Fixture *fixture, gconstpointer data)
{
  guint n_records = ovh_zone_get_n_records (fixture->zone);
  g_autofree char *count = g_strdup_printf ("%u", n_records);
  g_autoptr (GArray) before = ovh_zone_snapshot_list (NULL, ACCOUNT, ZONE);
  g_autoptr (GArray) after = NULL;
  g_autoptr (OvhRecord) pending = NULL;
  AdwMessageDialog *confirmation;
  GtkWidget *check;

  /* Cancelled: nothing sent. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "settings.reset", NULL));
  g_assert_true (domaine_test_wait_until (has_confirmation, fixture, 5000));
  confirmation = domaine_zone_settings_dialog_get_confirmation (fixture->dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirmation), count));
  domaine_test_save_screenshot (GTK_WIDGET (confirmation), "zone-reset-confirmation");
  adw_message_dialog_response (confirmation, "cancel");
  g_assert_null (domaine_zone_settings_dialog_get_confirmation (fixture->dialog));
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*/reset"), ==, 0);

  /* Pending changes first: refused, nothing asked. */
  pending = ovh_record_new (ZONE, "pending", "A", "192.0.2.9", 0);
  g_assert_nonnull (ovh_changeset_stage_create (fixture->changeset, pending, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "settings.reset", NULL));
  g_assert_null (domaine_zone_settings_dialog_get_confirmation (fixture->dialog));
  g_assert_nonnull (domaine_zone_settings_dialog_get_error (fixture->dialog));
  ovh_changeset_discard_all (fixture->changeset);

  /* Confirmed, minimized: only the name servers are left, the old records kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "settings.reset", NULL));
  g_assert_true (domaine_test_wait_until (has_confirmation, fixture, 5000));
  confirmation = domaine_zone_settings_dialog_get_confirmation (fixture->dialog);
  check = adw_message_dialog_get_extra_child (confirmation);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  adw_message_dialog_response (confirmation, "reset");
  g_assert_true (domaine_test_wait_until (loaded_and_idle, fixture, 10000));

  g_assert_null (domaine_zone_settings_dialog_get_error (fixture->dialog));
  g_assert_cmpuint (ovh_zone_get_n_records (fixture->zone), ==, 2);
  after = ovh_zone_snapshot_list (NULL, ACCOUNT, ZONE);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  /* The serial shown is the new one. */
  g_assert_cmpuint (domaine_zone_settings_dialog_get_soa (fixture->dialog)->serial, ==,
                    ovh_sandbox_get_zone_serial (fixture->sandbox, ZONE));
}

int
main (int argc, char *argv[])
{
  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  domaine_test_use_scratch_data_dirs ("domaine-settings-dialog-XXXXXX");

  g_test_add ("/zone-settings-dialog/edit", Fixture, NULL, fixture_set_up, test_edit,
              fixture_tear_down);
  g_test_add ("/zone-settings-dialog/failed-save", Fixture, NULL, fixture_set_up, test_failed_save,
              fixture_tear_down);
  g_test_add ("/zone-settings-dialog/reset", Fixture, NULL, fixture_set_up, test_reset,
              fixture_tear_down);

  return g_test_run ();
}
