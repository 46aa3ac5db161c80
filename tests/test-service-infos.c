/* test-service-infos.c: OvhServiceInfos, its 30-day rule, and loading it from the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ovh-error.h"
#include "ovh-service-infos.h"
#include "test-fixture.h"

static OvhServiceInfos *
infos_from (const char *text, GError **error)
{
  g_autoptr (JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return ovh_service_infos_new_from_json (node, error);
}

/* A services.Service answer with this renew member (a JSON value, "null" allowed). */
static OvhServiceInfos *
infos_with_renew (const char *renew, const char *expiration)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup_printf (
      "{\"domain\":\"lovelace.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"%s\","
      "\"engagedUpTo\":null,\"status\":\"ok\",\"contactAdmin\":\"al1234-ovh\","
      "\"contactTech\":\"tech42-ovh\",\"contactBilling\":\"bill7-ovh\",\"renew\":%s,"
      "\"renewalType\":\"manual\",\"serviceId\":1,\"canDeleteAtExpiration\":true,"
      "\"possibleRenewPeriod\":[12,24]}",
      expiration, renew);
  OvhServiceInfos *infos = infos_from (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (infos);
  return infos;
}

#define AUTOMATIC                                                                              \
  "{\"automatic\":true,\"deleteAtExpiration\":false,\"forced\":false,\"manualPayment\":false," \
  "\"period\":12}"
#define MANUAL                                                                                 \
  "{\"automatic\":false,\"deleteAtExpiration\":false,\"forced\":false,\"manualPayment\":true," \
  "\"period\":null}"
#define DELETED \
  "{\"automatic\":true,\"deleteAtExpiration\":true,\"forced\":false,\"manualPayment\":null}"

static void
test_parse (void)
{
  g_autoptr (OvhServiceInfos) automatic = infos_with_renew (AUTOMATIC, "2027-01-15");
  g_autoptr (OvhServiceInfos) manual = infos_with_renew (MANUAL, "2027-01-15");
  g_autoptr (OvhServiceInfos) deleted = infos_with_renew (DELETED, "2027-01-15");
  g_autoptr (OvhServiceInfos) none = infos_with_renew ("null", "2027-01-15");
  g_autofree char *status = ovh_service_infos_dup_status_label (automatic);
  OvhRenewalMode mode;

  g_assert_cmpstr (ovh_service_infos_get_domain (automatic), ==, "lovelace.fr");
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (automatic), ==, OVH_RENEWAL_MODE_AUTOMATIC);
  g_assert_cmpuint (ovh_service_infos_get_renewal_period (automatic), ==, 12);
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (manual), ==, OVH_RENEWAL_MODE_MANUAL);
  g_assert_cmpuint (ovh_service_infos_get_renewal_period (manual), ==, 0);
  /* Deletion wins over automatic. */
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (deleted), ==,
                   OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION);
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (none), ==, OVH_RENEWAL_MODE_MANUAL);

  g_assert_cmpint (g_date_time_get_year (ovh_service_infos_get_expiration (automatic)), ==, 2027);
  g_assert_cmpint (g_date_time_get_day_of_month (ovh_service_infos_get_expiration (automatic)), ==,
                   15);
  g_assert_cmpint (g_date_time_get_year (ovh_service_infos_get_creation (automatic)), ==, 2018);
  g_assert_null (ovh_service_infos_get_engaged_up_to (automatic));
  g_assert_cmpstr (ovh_service_infos_get_status (automatic), ==, "ok");
  g_assert_cmpstr (status, ==, "Active");
  g_assert_cmpstr (ovh_service_infos_get_contact_admin (automatic), ==, "al1234-ovh");
  g_assert_cmpstr (ovh_service_infos_get_contact_tech (automatic), ==, "tech42-ovh");
  g_assert_cmpstr (ovh_service_infos_get_contact_billing (automatic), ==, "bill7-ovh");

  g_object_get (deleted, "renewal-mode", &mode, NULL);
  g_assert_cmpint (mode, ==, OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION);
  g_assert_cmpstr (ovh_renewal_mode_get_label (OVH_RENEWAL_MODE_AUTOMATIC), ==, "Automatic");
  g_assert_cmpstr (ovh_renewal_mode_get_label (OVH_RENEWAL_MODE_MANUAL), ==, "Manual");
  g_assert_cmpstr (ovh_renewal_mode_get_label (OVH_RENEWAL_MODE_DELETE_AT_EXPIRATION), ==,
                   "Deleted at expiry");
}

static void
test_malformed (void)
{
  const char *const answers[] = {
    "[]",
    "\"lovelace.fr\"",
    /* no expiration */
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"status\":\"ok\"}",
    /* a date that is not one */
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"soon\",\"status\":\"ok\"}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-02-30\",\"expiration\":\"2027-01-01\","
    "\"status\":\"ok\"}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":20270101,\"status\":\"ok\"}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"engagedUpTo\":\"never\",\"status\":\"ok\"}",
    /* types */
    "{\"domain\":7,\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\",\"status\":\"ok\"}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"status\":\"ok\",\"contactAdmin\":{\"id\":\"x\"}}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"status\":\"ok\",\"renew\":true}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"status\":\"ok\",\"renew\":{\"automatic\":\"yes\",\"deleteAtExpiration\":false}}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"status\":\"ok\",\"renew\":{\"deleteAtExpiration\":false}}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"status\":\"ok\",\"renew\":{\"automatic\":true,\"deleteAtExpiration\":false,"
    "\"period\":-12}}",
    /* a status OVH does not have */
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\","
    "\"status\":\"fine\"}",
    "{\"domain\":\"a.fr\",\"creation\":\"2018-03-01\",\"expiration\":\"2027-01-01\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhServiceInfos) infos = infos_from (answers[i], &error);

      g_test_message ("%s", answers[i]);
      g_assert_null (infos);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
    }
}

static GDateTime *
utc (const char *text)
{
  GDateTime *date = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (date);
  return date;
}

/* The expiration is 2027-01-31 00:00 UTC. */
static void
test_expires_within (void)
{
  g_autoptr (OvhServiceInfos) automatic = infos_with_renew (AUTOMATIC, "2027-01-31");
  g_autoptr (OvhServiceInfos) manual = infos_with_renew (MANUAL, "2027-01-31");
  g_autoptr (OvhServiceInfos) deleted = infos_with_renew (DELETED, "2027-01-31");
  g_autoptr (GDateTime) exactly_30 = utc ("2027-01-01T00:00:00Z");
  g_autoptr (GDateTime) a_second_more = utc ("2026-12-31T23:59:59Z");
  g_autoptr (GDateTime) far = utc ("2026-06-01T12:00:00Z");
  g_autoptr (GDateTime) day_of = utc ("2027-01-30T18:00:00Z");
  g_autoptr (GDateTime) after = utc ("2027-02-03T09:00:00Z");
  g_autoptr (GDateTime) paris = utc ("2027-01-01T00:30:00+01:00"); /* 30 days 30 min before */

  /* Exactly 30 days before: warned; one second earlier: not yet. */
  g_assert_true (ovh_service_infos_expires_within (manual, exactly_30, 30));
  g_assert_false (ovh_service_infos_expires_within (manual, a_second_more, 30));
  g_assert_false (ovh_service_infos_expires_within (manual, paris, 30));
  g_assert_true (ovh_service_infos_expires_within (manual, a_second_more, 31));
  g_assert_false (ovh_service_infos_expires_within (manual, far, 30));
  g_assert_true (ovh_service_infos_expires_within (manual, day_of, 30));
  g_assert_true (ovh_service_infos_expires_within (manual, day_of, 1));
  g_assert_false (ovh_service_infos_expires_within (manual, day_of, 0)); /* six hours left */
  /* Already expired and not renewed: still worth a warning. */
  g_assert_true (ovh_service_infos_expires_within (manual, after, 30));

  /* A domain deleted at expiry is not renewed either. */
  g_assert_true (ovh_service_infos_expires_within (deleted, exactly_30, 30));
  g_assert_false (ovh_service_infos_expires_within (deleted, far, 30));

  /* Automatic renewal: never. */
  g_assert_false (ovh_service_infos_expires_within (automatic, exactly_30, 30));
  g_assert_false (ovh_service_infos_expires_within (automatic, day_of, 30));
  g_assert_false (ovh_service_infos_expires_within (automatic, after, 30));

  g_assert_cmpint (ovh_service_infos_get_days_left (manual, exactly_30), ==, 30);
  g_assert_cmpint (ovh_service_infos_get_days_left (manual, a_second_more), ==, 30);
  g_assert_cmpint (ovh_service_infos_get_days_left (manual, day_of), ==, 0);
  g_assert_cmpint (ovh_service_infos_get_days_left (manual, after), ==, -4);
}

static OvhServiceInfos *
load (OvhTestFixture *fixture, const char *domain, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_service_infos_load_async (fixture->client, domain, NULL, ovh_test_store_result, &result);
  return ovh_service_infos_load_finish (ovh_test_wait_result (&result), error);
}

static void
test_sandbox_load (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (OvhServiceInfos) lovelace = load (fixture, "lovelace.fr", &error);
  g_autoptr (OvhServiceInfos) engine = NULL;
  g_autoptr (OvhServiceInfos) difference = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ovh_service_infos_get_domain (lovelace), ==, "lovelace.fr");
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (lovelace), ==, OVH_RENEWAL_MODE_AUTOMATIC);
  g_assert_cmpstr (ovh_service_infos_get_contact_admin (lovelace), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_service_infos_get_contact_tech (lovelace), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_cmpstr (ovh_service_infos_get_contact_billing (lovelace), ==, OVH_SANDBOX_NICHANDLE);
  g_assert_false (ovh_service_infos_expires_within (lovelace, now, 30));

  /* The seeded domain renewed by hand expires in 20 days. */
  engine = load (fixture, "analytical-engine.com", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (engine), ==, OVH_RENEWAL_MODE_MANUAL);
  g_assert_true (ovh_service_infos_expires_within (engine, now, 30));
  g_assert_false (ovh_service_infos_expires_within (engine, now, 10));
  g_assert_cmpint (ovh_service_infos_get_days_left (engine, now), >=, 19);
  g_assert_cmpint (ovh_service_infos_get_days_left (engine, now), <=, 20);
  g_assert_cmpint (g_date_time_compare (ovh_service_infos_get_creation (engine), now), <, 0);

  difference = load (fixture, "difference-engine.org", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_service_infos_get_renewal_mode (difference), ==, OVH_RENEWAL_MODE_AUTOMATIC);
}

static void
test_sandbox_not_found (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhServiceInfos) zone_only = load (fixture, "countess.dev", &error);

  /* A zone without a registration at OVH has no domain service. */
  g_assert_null (zone_only);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_sandbox_cancelled (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhServiceInfos) infos = NULL;

  g_cancellable_cancel (cancellable);
  ovh_service_infos_load_async (fixture->client, "lovelace.fr", cancellable, ovh_test_store_result,
                                &result);
  infos = ovh_service_infos_load_finish (ovh_test_wait_result (&result), &error);
  g_assert_null (infos);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service-infos/parse", test_parse);
  g_test_add_func ("/service-infos/malformed", test_malformed);
  g_test_add_func ("/service-infos/expires-within", test_expires_within);
  ovh_test_add ("/service-infos/sandbox/load", test_sandbox_load);
  ovh_test_add ("/service-infos/sandbox/not-found", test_sandbox_not_found);
  ovh_test_add ("/service-infos/sandbox/cancelled", test_sandbox_cancelled);

  return g_test_run ();
}
