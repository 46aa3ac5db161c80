/* test-zone-soa.c: a zone's SOA settings (validation, reading, changing) and resetting a zone,
 * against the in-process sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ovh-error.h"
#include "ovh-zone-history.h"
#include "ovh-zone-snapshot.h"
#include "ovh-zone-soa.h"
#include "test-fixture.h"

static OvhZoneSoa *
valid_soa (void)
{
  OvhZoneSoa *soa = ovh_zone_soa_new ();

  soa->ttl = 3600;
  soa->refresh = 86400;
  soa->expire = 3600000;
  soa->nx_domain_ttl = 60;
  soa->email = g_strdup ("tech.ovh.net");
  return soa;
}

static void
assert_field_invalid (OvhZoneSoa *soa, OvhZoneSoaField expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = ovh_zone_soa_check_field (soa, expected);
  OvhZoneSoaField field = OVH_ZONE_SOA_N_FIELDS;

  g_assert_nonnull (message);
  g_assert_false (ovh_zone_soa_validate (soa, &field, &error));
  g_assert_error (error, OVH_ZONE_SOA_ERROR, OVH_ZONE_SOA_ERROR_INVALID);
  g_assert_cmpint (field, ==, expected);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate (void)
{
  g_autoptr (OvhZoneSoa) soa = valid_soa ();
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  /* OVH's own defaults pass. */
  g_assert_true (ovh_zone_soa_validate (soa, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < OVH_ZONE_SOA_N_FIELDS; i++)
    g_assert_null (ovh_zone_soa_check_field (soa, i));

  soa->ttl = 59;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_TTL);
  message = ovh_zone_soa_check_field (soa, OVH_ZONE_SOA_FIELD_TTL);
  g_assert_nonnull (strstr (message, "60"));
  g_assert_nonnull (strstr (message, "604800"));
  soa->ttl = OVH_ZONE_SOA_TTL_MAX + 1;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_TTL);
  soa->ttl = 300;

  soa->refresh = 600; /* RFC 1912: not under 20 minutes */
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_REFRESH);
  soa->refresh = 43200;

  soa->expire = 86400;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_EXPIRE);
  soa->expire = OVH_ZONE_SOA_EXPIRE_MAX + 1;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_EXPIRE);
  /* Longer than the refresh, whatever the bounds. */
  soa->refresh = OVH_ZONE_SOA_REFRESH_MAX;
  soa->expire = OVH_ZONE_SOA_REFRESH_MAX;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_EXPIRE);
  g_clear_pointer (&message, g_free);
  message = ovh_zone_soa_check_field (soa, OVH_ZONE_SOA_FIELD_EXPIRE);
  g_assert_nonnull (strstr (message, "refresh"));
  soa->expire = 1209600;
  soa->refresh = 43200;

  soa->nx_domain_ttl = 30;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_NX_DOMAIN_TTL);
  soa->nx_domain_ttl = 86401;
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_NX_DOMAIN_TTL);
  soa->nx_domain_ttl = 3600;

  g_assert_true (ovh_zone_soa_validate (soa, NULL, NULL));
}

static void
test_email (void)
{
  const char *valid[] = { "hostmaster@example.com", "tech.ovh.net", "a.b@sub.example.org",
                          "hostmaster.example.com.", "x+dns@example.fr" };
  const char *invalid[] = { "",
                            "hostmaster",
                            "example.com",
                            "@example.com",
                            "a@b",
                            "a b@example.com",
                            "a@@example.com",
                            "a@-x.com",
                            "a@example..com",
                            "a@exa_mple.com" };
  g_autoptr (OvhZoneSoa) soa = valid_soa ();

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (ovh_zone_soa_email_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (ovh_zone_soa_email_is_valid (invalid[i]));
    }
  g_free (soa->email);
  soa->email = g_strdup ("nobody");
  assert_field_invalid (soa, OVH_ZONE_SOA_FIELD_EMAIL);
}

static void
test_json (void)
{
  g_autoptr (JsonNode) answer
      = ovh_test_json ("{\"server\":\"dns1.ovh.net\",\"email\":\"tech.ovh.net\",\"serial\":"
                       "2026120501,\"ttl\":3600,\"refresh\":86400,\"expire\":3600000,"
                       "\"nxDomainTtl\":60}");
  g_autoptr (JsonNode) wrong = ovh_test_json ("{\"serial\":1,\"ttl\":\"soon\"}");
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (OvhZoneSoa) soa = NULL;
  g_autoptr (OvhZoneSoa) copy = NULL;
  g_autoptr (OvhZoneSoa) bad = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  soa = ovh_zone_soa_new_from_json (answer, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soa->serial, ==, 2026120501);
  g_assert_cmpstr (soa->server, ==, "dns1.ovh.net");
  g_assert_cmpuint (soa->expire, ==, 3600000);
  copy = ovh_zone_soa_copy (soa);
  g_assert_cmpstr (copy->email, ==, "tech.ovh.net");

  /* Only what can be changed is sent. */
  body = ovh_zone_soa_to_json (soa);
  object = json_node_get_object (body);
  g_assert_cmpuint (json_object_get_size (object), ==, 5);
  g_assert_false (json_object_has_member (object, "serial"));
  g_assert_false (json_object_has_member (object, "server"));
  g_assert_cmpint (json_object_get_int_member (object, "nxDomainTtl"), ==, 60);

  bad = ovh_zone_soa_new_from_json (wrong, &error);
  g_assert_null (bad);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
}

static OvhZoneSoa *
fetch (OvhZone *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_fetch_soa_async (zone, NULL, ovh_test_store_result, &result);
  return ovh_zone_fetch_soa_finish (zone, ovh_test_wait_result (&result), error);
}

static OvhZoneSoa *
update (OvhZone *zone, const OvhZoneSoa *soa, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_update_soa_async (zone, soa, NULL, ovh_test_store_result, &result);
  return ovh_zone_update_soa_finish (zone, ovh_test_wait_result (&result), error);
}

static gboolean
reset (OvhZone *zone, OvhZoneResetFlags flags, const char *dir, gint64 *time, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_zone_reset_async (zone, flags, dir, dir != NULL ? "acc" : NULL, NULL, ovh_test_store_result,
                        &result);
  return ovh_zone_reset_finish (zone, ovh_test_wait_result (&result), time, error);
}

static guint
count_history (OvhZone *zone)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) dates = NULL;

  ovh_zone_list_history_async (zone, NULL, ovh_test_store_result, &result);
  dates = ovh_zone_list_history_finish (zone, ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return g_strv_length (dates);
}

static void
test_fetch_update (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (OvhZoneSoa) soa = NULL;
  g_autoptr (OvhZoneSoa) updated = NULL;
  g_autoptr (OvhZoneSoa) again = NULL;
  g_autoptr (GError) error = NULL;
  guint n_versions = count_history (zone);
  guint64 serial;

  soa = fetch (zone, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (soa->server, ==, "dns111.ovh.net");
  g_assert_cmpstr (soa->email, ==, "tech.ovh.net");
  g_assert_cmpuint (soa->ttl, ==, 3600);
  g_assert_cmpuint (soa->serial, ==, ovh_zone_get_serial (zone));
  g_assert_true (ovh_zone_soa_validate (soa, NULL, NULL));
  serial = soa->serial;

  soa->ttl = 7200;
  soa->refresh = 43200;
  soa->expire = 1209600;
  soa->nx_domain_ttl = 300;
  g_free (soa->email);
  soa->email = g_strdup ("hostmaster@lovelace.fr");
  updated = update (zone, soa, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (updated->ttl, ==, 7200);
  g_assert_cmpuint (updated->refresh, ==, 43200);
  g_assert_cmpuint (updated->expire, ==, 1209600);
  g_assert_cmpuint (updated->nx_domain_ttl, ==, 300);
  g_assert_cmpstr (updated->email, ==, "hostmaster@lovelace.fr");
  /* Applied at once: a new serial, a version in the history, the zone's own copy follows. */
  g_assert_cmpuint (updated->serial, >, serial);
  g_assert_cmpuint (ovh_zone_get_serial (zone), ==, updated->serial);
  g_assert_cmpuint (ovh_zone_get_default_ttl (zone), ==, 7200);
  g_assert_cmpuint (ovh_zone_get_soa_refresh (zone), ==, 43200);
  g_assert_cmpuint (count_history (zone), ==, n_versions + 1);

  again = fetch (zone, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->nx_domain_ttl, ==, 300);
  g_assert_cmpstr (again->email, ==, "hostmaster@lovelace.fr");
}

static void
test_update_refused (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (OvhZoneSoa) soa = NULL;
  g_autoptr (OvhZoneSoa) updated = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  guint n_puts;

  soa = fetch (zone, &error);
  g_assert_no_error (error);

  /* Checked here first: nothing is sent. */
  n_puts = ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*/soa");
  soa->expire = soa->refresh;
  updated = update (zone, soa, &error);
  g_assert_null (updated);
  g_assert_error (error, OVH_ZONE_SOA_ERROR, OVH_ZONE_SOA_ERROR_INVALID);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "PUT", "*/soa"), ==, n_puts);
  g_clear_error (&error);

  /* The sandbox refuses what OVH refuses, in its words. */
  answer = ovh_test_call (fixture->client, "PUT", "/domain/zone/lovelace.fr/soa",
                          ovh_test_json ("{\"refresh\":7200,\"expire\":3600}"), &error);
  g_assert_null (answer);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_assert_nonnull (strstr (error->message, "expire must be greater than refresh"));
  g_clear_error (&error);
  answer = ovh_test_call (fixture->client, "PUT", "/domain/zone/lovelace.fr/soa",
                          ovh_test_json ("{\"serial\":1}"), &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_assert_nonnull (strstr (error->message, "read-only properties: serial"));
  g_clear_error (&error);
  answer = ovh_test_call (fixture->client, "PUT", "/domain/zone/lovelace.fr/soa",
                          ovh_test_json ("{\"ttl\":\"long\"}"), &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  g_assert_nonnull (strstr (error->message, "[ttl]"));
  g_clear_error (&error);

  /* A server error reaches the caller as one. */
  soa->expire = 3600000;
  ovh_sandbox_inject_fault (fixture->sandbox, "PUT", "*/soa", OVH_SANDBOX_FAULT_HTTP_500, 1);
  updated = update (zone, soa, &error);
  g_assert_null (updated);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
}

static guint
count_type (OvhZone *zone, const char *type)
{
  GListModel *records = ovh_zone_get_records (zone);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr (OvhRecord) record = g_list_model_get_item (records, i);

      n += g_str_equal (ovh_record_get_field_type (record), type);
    }
  return n;
}

static void
remove_snapshots (const char *base)
{
  g_autofree char *dir = ovh_zone_snapshot_dup_dir (base, "acc", "lovelace.fr");
  g_autoptr (GArray) times = ovh_zone_snapshot_list (base, "acc", "lovelace.fr");

  for (guint i = 0; i < times->len; i++)
    {
      g_autofree char *name
          = g_strdup_printf ("%" G_GINT64_FORMAT ".json", g_array_index (times, gint64, i));
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
  {
    g_autofree char *account_dir = g_path_get_dirname (dir);
    g_rmdir (account_dir);
  }
  g_rmdir (base);
}

static void
test_reset_minimized (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *base = g_dir_make_tmp ("domaine-reset-XXXXXX", NULL);
  /* Not loaded: the reset loads it first, for the snapshot. */
  g_autoptr (OvhZone) zone = ovh_zone_new (fixture->client, "lovelace.fr");
  g_autoptr (GPtrArray) snapshot = NULL;
  g_autoptr (GArray) times = NULL;
  g_autoptr (GError) error = NULL;
  guint64 serial = ovh_sandbox_get_zone_serial (fixture->sandbox, "lovelace.fr");
  gint64 time = 0;

  ovh_zone_set_cache_enabled (zone, FALSE);
  g_assert_true (reset (zone, OVH_ZONE_RESET_MINIMIZED, base, &time, &error));
  g_assert_no_error (error);

  /* Only the name servers are left, served at once. */
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 2);
  g_assert_cmpuint (count_type (zone, "NS"), ==, 2);
  g_assert_cmpuint (ovh_sandbox_get_zone_serial (fixture->sandbox, "lovelace.fr"), >, serial);
  g_assert_cmpuint (ovh_zone_get_serial (zone), >, serial);

  /* The records as they were, kept to undo it. */
  g_assert_cmpint (time, >, 0);
  times = ovh_zone_snapshot_list (base, "acc", "lovelace.fr");
  g_assert_cmpuint (times->len, ==, 1);
  g_assert_cmpint (g_array_index (times, gint64, 0), ==, time);
  snapshot = ovh_zone_snapshot_load (base, "acc", "lovelace.fr", time, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->len, >, 2);
  remove_snapshots (base);
}

static void
test_reset_full (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  guint n_versions = count_history (zone);
  gint64 time = -1;

  /* No snapshot asked for: none taken. */
  g_assert_true (reset (zone, OVH_ZONE_RESET_DEFAULT, NULL, &time, &error));
  g_assert_no_error (error);
  g_assert_cmpint (time, ==, 0);

  /* OVH's defaults: the name servers, the welcome page on the apex and www, OVH's mail. */
  g_assert_cmpuint (count_type (zone, "NS"), ==, 2);
  g_assert_cmpuint (count_type (zone, "A"), ==, 2);
  g_assert_cmpuint (count_type (zone, "MX"), ==, 3);
  g_assert_cmpuint (count_type (zone, "SPF"), ==, 1);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 8);
  g_assert_nonnull (ovh_test_find_record (zone, "www", "A"));
  g_assert_cmpuint (count_history (zone), ==, n_versions + 1);

  /* A refused reset changes nothing. */
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "*/reset", OVH_SANDBOX_FAULT_HTTP_500, 1);
  ovh_zone_reset_async (zone, OVH_ZONE_RESET_MINIMIZED, NULL, NULL, NULL, ovh_test_store_result,
                        &result);
  g_assert_false (ovh_zone_reset_finish (zone, ovh_test_wait_result (&result), NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, 8);
}

static void
test_reset_snapshot_fails (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *base = g_dir_make_tmp ("domaine-reset-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (base, "acc", NULL);
  g_autoptr (OvhZone) zone = ovh_test_load_zone (fixture, "lovelace.fr");
  g_autoptr (GError) error = NULL;
  guint n_records = ovh_zone_get_n_records (zone);
  guint n_resets = ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*/reset");

  /* A file where the account's folder should be: the snapshot cannot be written. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_false (reset (zone, OVH_ZONE_RESET_MINIMIZED, base, NULL, &error));
  g_assert_error (error, OVH_ZONE_SOA_ERROR, OVH_ZONE_SOA_ERROR_SNAPSHOT);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "*/reset"), ==,
                    n_resets);
  g_assert_cmpuint (ovh_zone_get_n_records (zone), ==, n_records);
  g_unlink (blocker);
  g_rmdir (base);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/zone-soa/validate", test_validate);
  g_test_add_func ("/zone-soa/email", test_email);
  g_test_add_func ("/zone-soa/json", test_json);
  ovh_test_add ("/zone-soa/fetch-update", test_fetch_update);
  ovh_test_add ("/zone-soa/update-refused", test_update_refused);
  ovh_test_add ("/zone-soa/reset-minimized", test_reset_minimized);
  ovh_test_add ("/zone-soa/reset-full", test_reset_full);
  ovh_test_add ("/zone-soa/reset-snapshot-fails", test_reset_snapshot_fails);

  return g_test_run ();
}
