/* test-zone-health.c: the Zone Health panel in a window, against the sandbox and knotd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "domaine-name-servers.h"
#include "domaine-test-gui.h"
#include "domaine-zone-health.h"
#include "knot-fixture.h"
#include "ovh-lint.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

typedef struct
{
  OvhTestFixture api;
  char *dir;
  KnotServer *prompt;
  KnotServer *lagging;
  KnotServer *parent;
  OvhZone *zone;
  OvhChangeset *changeset;
  GtkWindow *window;
  DomaineZoneHealth *health;
} Fixture;

static void
write_parent_zone (Fixture *fixture, const char *ns1, const char *ns2)
{
  g_autofree char *path = g_build_filename (fixture->dir, "fr.zone", NULL);
  g_autofree char *text
      = g_strdup_printf ("$TTL 300\n@ IN SOA d.nic.fr. hostmaster.nic.fr. 1 3600 600 604800 60\n"
                         "@ IN NS d.nic.fr.\nlovelace IN NS %s\nlovelace IN NS %s\n",
                         ns1, ns2);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  const char *zones[] = { ZONE, NULL };
  const char *parent_zones[] = { "fr", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (DnsClient) client = dns_client_new ();
  g_autofree char *mapping = NULL;
  GtkWidget *overlay;

  ovh_test_fixture_set_up (&fixture->api, GINT_TO_POINTER (FALSE));
  fixture->dir = g_dir_make_tmp ("domaine-zone-health-XXXXXX", &error);
  g_assert_no_error (error);
  ovh_sandbox_set_zone_dir (fixture->api.sandbox, fixture->dir);
  /* The world sees the zone elsewhere: the parent delegates to other servers. */
  write_parent_zone (fixture, "ns1.other-dns.example.", "ns2.other-dns.example.");
  fixture->prompt = knot_server_start (fixture->dir, zones, &error);
  g_assert_no_error (error);
  fixture->lagging = knot_server_start (fixture->dir, zones, &error);
  g_assert_no_error (error);
  fixture->parent = knot_server_start (fixture->dir, parent_zones, &error);
  g_assert_no_error (error);

  mapping = g_strdup_printf (
      "dns111.ovh.net=%s ns111.ovh.net=%s d.nic.fr=%s", knot_server_get_address (fixture->prompt),
      knot_server_get_address (fixture->lagging), knot_server_get_address (fixture->parent));
  g_assert_true (dns_client_add_server_addresses (client, mapping, &error));
  dns_client_set_resolver (client, knot_server_get_address (fixture->parent));

  fixture->zone = ovh_test_load_zone (&fixture->api, ZONE);
  fixture->changeset = ovh_changeset_new (fixture->zone);
  fixture->health = domaine_zone_health_new ();
  domaine_zone_health_set_dns_client (fixture->health, client);
  domaine_zone_health_set_zone (fixture->health, fixture->zone, fixture->changeset);

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 900);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->health));
  adw_window_set_content (ADW_WINDOW (fixture->window), overlay);
  gtk_window_present (fixture->window);
  domaine_test_wait_for_window (fixture->window);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->changeset);
  g_clear_object (&fixture->zone);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->prompt, knot_server_free);
  g_clear_pointer (&fixture->lagging, knot_server_free);
  g_clear_pointer (&fixture->parent, knot_server_free);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  ovh_test_fixture_tear_down (&fixture->api, NULL);
}

static OvhLintFinding *
find_code (GListModel *findings, const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr (OvhLintFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (ovh_lint_finding_get_code (finding), code))
        return finding; /* the model keeps it */
    }
  return NULL;
}

typedef struct
{
  GListModel *findings;
  const char *code;
  gboolean present;
} CodeWait;

static gboolean
code_is (gpointer data)
{
  CodeWait *wait = data;

  return (find_code (wait->findings, wait->code) != NULL) == wait->present;
}

static void
wait_code (Fixture *fixture, const char *code, gboolean present)
{
  CodeWait wait = { domaine_zone_health_get_findings (fixture->health), code, present };

  g_assert_true (domaine_test_wait_until (code_is, &wait, 5000));
}

static OvhChange *
stage (Fixture *fixture, const char *sub, const char *type, const char *target, guint ttl)
{
  g_autoptr (OvhRecord) record = ovh_record_new (ZONE, sub, type, target, ttl);
  g_autoptr (GError) error = NULL;
  OvhChange *change = ovh_changeset_stage_create (fixture->changeset, record, &error);

  g_assert_no_error (error);
  return change;
}

static void
test_findings_and_fix (Fixture *fixture, gconstpointer data)
{
  OvhChange *short_ttl;
  GtkWidget *fix;

  /* Staged changes are linted with the zone. */
  stage (fixture, "", "TXT", "v=spf1 mx -all", 0);
  short_ttl = stage (fixture, "cache", "A", "192.0.2.80", 30);
  wait_code (fixture, "spf-multiple", TRUE);
  wait_code (fixture, "ttl-extreme", TRUE);
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->health),
                                                            "This name has 2 SPF policies"));
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "zone-health-panel");

  /* The fix is one click, and staged like any edit. */
  fix = domaine_test_find_button_with_label (GTK_WIDGET (fixture->health),
                                             "Set the TTL to 60 seconds");
  g_assert_nonnull (fix);
  gtk_widget_activate (fix);
  wait_code (fixture, "ttl-extreme", FALSE);
  g_assert_cmpuint (ovh_record_get_ttl (ovh_change_get_after (short_ttl)), ==, 60);
  g_assert_cmpuint (ovh_changeset_get_n_pending (fixture->changeset), ==, 2);
  g_assert_cmpuint (domaine_test_count_unlabelled_controls (GTK_WIDGET (fixture->window)), ==, 0);
}

static gboolean
propagation_is (gpointer data)
{
  gpointer *args = data;
  DnsPropagation *propagation = domaine_zone_health_get_propagation (args[0]);

  return propagation != NULL && dns_propagation_get_passes (propagation) > 0
         && dns_propagation_get_n_in_sync (propagation) == GPOINTER_TO_UINT (args[1])
         && !dns_propagation_get_checking (propagation);
}

static void
wait_in_sync (Fixture *fixture, guint n)
{
  gpointer args[] = { fixture->health, GUINT_TO_POINTER (n) };

  g_assert_true (domaine_test_wait_until (propagation_is, args, 20000));
}

static void
live_cb (GSimpleAction *action, GVariant *parameter, GVariant **live)
{
  *live = g_variant_ref (parameter);
}

static gboolean
variant_set (gpointer data)
{
  return *(GVariant **) data != NULL;
}

static void
test_publish_followed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr (GSimpleAction) live_action
      = g_simple_action_new ("propagation-live", G_VARIANT_TYPE ("(suu)"));
  g_autoptr (GVariant) live = NULL;
  const char *zone;
  guint n_in_sync, n_servers;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  OvhChange *change = stage (fixture, "fresh", "A", "192.0.2.77", 0);

  /* The window's action that notifies when the publish is live everywhere. */
  g_signal_connect (live_action, "activate", G_CALLBACK (live_cb), &live);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (live_action));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win));
  g_assert_nonnull (change);
  ovh_changeset_apply_async (fixture->changeset, NULL, ovh_test_store_result, &result);
  g_assert_true (
      ovh_changeset_apply_finish (fixture->changeset, ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);

  /* One name server reads the published zone at once; the other lags behind. */
  g_assert_true (knot_server_reload (fixture->prompt, &error));
  /* The panel follows its changeset's publish by itself. */
  g_assert_nonnull (domaine_zone_health_get_propagation (fixture->health));
  wait_in_sync (fixture, 1);
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->health),
                                                            "Live on 1 of 2 name servers: "
                                                            "ns111.ovh.net does not serve every "
                                                            "change yet"));
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "zone-health-propagating");

  g_assert_true (knot_server_reload (fixture->lagging, &error));
  wait_in_sync (fixture, 2);
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->health),
                                                            "Live on 2 of 2 name servers"));
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "zone-health-live");
  g_assert_true (domaine_test_wait_until (variant_set, &live, 20000));
  g_variant_get (live, "(&suu)", &zone, &n_in_sync, &n_servers);
  g_assert_cmpstr (zone, ==, ovh_zone_get_name (fixture->zone));
  g_assert_cmpuint (n_in_sync, ==, 2);
  g_assert_cmpuint (n_servers, ==, 2);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", NULL);
}

static void
test_delegation_mismatch (Fixture *fixture, gconstpointer data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->health), "health.check-name-servers", NULL);
  g_assert_true (domaine_test_wait_notify (fixture->health, "delegation-message", 20000));
  g_assert_cmpstr (domaine_zone_health_get_delegation_message (fixture->health), ==,
                   "The world sees other name servers for this domain (ns1.other-dns.example, "
                   "ns2.other-dns.example): changes here are not served");
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (
      GTK_WIDGET (fixture->health), domaine_zone_health_get_delegation_message (fixture->health)));
  wait_in_sync (fixture, 2);
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "zone-health-delegation");
}

/* Moves the zone's apex NS record for ns111.ovh.net to another server: the registry
 * (dns111, ns111) then names other servers than the zone. */
static void
move_zone_name_server (OvhClient *client)
{
  g_autoptr (JsonNode) ids = NULL;
  g_autoptr (JsonNode) updated = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  ids = ovh_test_call (client, "GET", "/domain/zone/" ZONE "/record?fieldType=NS", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; path == NULL && i < json_array_get_length (json_node_get_array (ids)); i++)
    {
      g_autofree char *candidate
          = g_strdup_printf ("/domain/zone/" ZONE "/record/%" G_GINT64_FORMAT,
                             json_array_get_int_element (json_node_get_array (ids), i));
      g_autoptr (JsonNode) record = ovh_test_call (client, "GET", candidate, NULL, &error);

      g_assert_no_error (error);
      if (g_str_equal (json_object_get_string_member (json_node_get_object (record), "target"),
                       "ns111.ovh.net."))
        path = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (path);
  updated = ovh_test_call (client, "PUT", path,
                           ovh_test_json ("{\"target\":\"ns9.other-dns.example.\"}"), &error);
  g_assert_no_error (error);
}

static void
test_registry_differs (Fixture *fixture, gconstpointer data)
{
  const char *expected = "This domain uses other name servers (dns111.ovh.net, ns111.ovh.net): "
                         "changes here are not served";

  move_zone_name_server (fixture->api.client);
  g_clear_object (&fixture->changeset);
  g_clear_object (&fixture->zone);
  fixture->zone = ovh_test_load_zone (&fixture->api, ZONE);
  fixture->changeset = ovh_changeset_new (fixture->zone);
  domaine_zone_health_set_zone (fixture->health, fixture->zone, fixture->changeset);

  gtk_widget_activate_action (GTK_WIDGET (fixture->health), "health.check-name-servers", NULL);
  g_assert_true (domaine_test_wait_notify (fixture->health, "delegation-message", 20000));
  g_assert_cmpstr (domaine_zone_health_get_delegation_message (fixture->health), ==, expected);
  g_assert_nonnull (
      domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->health), expected));
}

/* An endpoint whose name servers cannot be asked (the app's sandbox without Knot DNS): the
 * panel says why in words instead of failing in silence. */
static void
test_name_servers_unavailable (Fixture *fixture, gconstpointer data)
{
  const char *why = "Install Knot DNS to see the sandbox’s name servers serve changes";
  const char *base_url = ovh_client_get_base_url (ovh_zone_get_client (fixture->zone));

  domaine_name_servers_configure (base_url, NULL, why);
  domaine_zone_health_set_dns_client (fixture->health, NULL);
  g_assert_cmpstr (domaine_zone_health_get_name_server_problem (fixture->health), ==, why);
  gtk_widget_activate_action (GTK_WIDGET (fixture->health), "health.check-name-servers", NULL);
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->health), why));
  g_assert_nonnull (domaine_test_wait_for_widget_with_text (GTK_WIDGET (fixture->health),
                                                            "The name servers cannot be checked"));
  g_assert_null (domaine_zone_health_get_propagation (fixture->health));
  domaine_test_save_screenshot (GTK_WIDGET (fixture->window), "zone-health-no-name-servers");

  /* Another endpoint (configured otherwise) asks its name servers again. */
  domaine_name_servers_forget (base_url);
  domaine_zone_health_set_dns_client (fixture->health, NULL);
  g_assert_null (domaine_zone_health_get_name_server_problem (fixture->health));
}

int
main (int argc, char **argv)
{
  g_autofree char *reason = NULL;

  domaine_test_gui_init (&argc, &argv);
  domaine_test_load_app_style ();
  if (!knot_server_available (&reason))
    {
      g_test_skip (reason);
      return 77;
    }
  g_test_add ("/zone-health/findings-and-fix", Fixture, NULL, fixture_set_up, test_findings_and_fix,
              fixture_tear_down);
  g_test_add ("/zone-health/publish-followed", Fixture, NULL, fixture_set_up, test_publish_followed,
              fixture_tear_down);
  g_test_add ("/zone-health/delegation-mismatch", Fixture, NULL, fixture_set_up,
              test_delegation_mismatch, fixture_tear_down);
  g_test_add ("/zone-health/registry-differs", Fixture, NULL, fixture_set_up, test_registry_differs,
              fixture_tear_down);
  g_test_add ("/zone-health/name-servers-unavailable", Fixture, NULL, fixture_set_up,
              test_name_servers_unavailable, fixture_tear_down);
  return g_test_run ();
}
