/* test-credential.c: access rule presets, and the consumer key flow against the sandbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ovh-credential.h"
#include "ovh-error.h"
#include "test-fixture.h"

#define ZONE "lovelace.fr"

/* ---- presets, without a server ------------------------------------------------------ */

static void
test_rule_matching (void)
{
  g_autoptr (OvhAccessRule) recursive = ovh_access_rule_new ("get", "/domain/*");
  g_autoptr (OvhAccessRule) exact = ovh_access_rule_new ("GET", "/domain");
  g_autoptr (OvhAccessRule) copy = ovh_access_rule_copy (recursive);

  g_assert_cmpstr (recursive->method, ==, "GET");
  g_assert_true (ovh_access_rule_matches (recursive, "GET", "/domain/zone/a.fr/record/1"));
  g_assert_true (ovh_access_rule_matches (recursive, "get", "/domain/zone"));
  /* The pair "/domain" and "/domain/…*" is needed: one does not imply the other. */
  g_assert_false (ovh_access_rule_matches (recursive, "GET", "/domain"));
  g_assert_false (ovh_access_rule_matches (recursive, "GET", "/domainx"));
  g_assert_false (ovh_access_rule_matches (recursive, "POST", "/domain/zone"));
  g_assert_true (ovh_access_rule_matches (exact, "GET", "/domain"));
  g_assert_true (ovh_access_rule_matches (exact, "GET", "/domain?whoisOwner=x"));
  g_assert_false (ovh_access_rule_matches (exact, "GET", "/domain/zone"));
  g_assert_cmpstr (copy->path, ==, "/domain/*");
}

static void
test_presets (void)
{
  g_autoptr (GPtrArray) read_only = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GPtrArray) editor = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  g_autoptr (GPtrArray) full = ovh_access_preset_dup_rules (OVH_ACCESS_FULL);
  static const struct
  {
    const char *method;
    const char *path;
    gboolean read_only;
    gboolean editor;
  } calls[] = {
    { "GET", "/me", TRUE, TRUE },
    { "GET", "/me/api/credential", TRUE, TRUE },
    { "GET", "/me/api/credential/42/application", TRUE, TRUE },
    { "GET", "/domain", TRUE, TRUE },
    { "GET", "/domain/zone", TRUE, TRUE },
    { "GET", "/domain/" ZONE, TRUE, TRUE },
    { "GET", "/domain/zone/" ZONE "/record?fieldType=A", TRUE, TRUE },
    { "GET", "/domain/zone/" ZONE "/soa", TRUE, TRUE },
    { "POST", "/domain/zone/" ZONE "/record", FALSE, TRUE },
    { "PUT", "/domain/zone/" ZONE "/record/1", FALSE, TRUE },
    { "DELETE", "/domain/zone/" ZONE "/record/1", FALSE, TRUE },
    { "POST", "/domain/zone/" ZONE "/refresh", FALSE, TRUE },
    { "POST", "/domain/zone/" ZONE "/import", FALSE, TRUE },
    /* Least privilege: what neither preset may do. */
    { "GET", "/me/bill", FALSE, FALSE },
    { "GET", "/me/paymentMean", FALSE, FALSE },
    { "GET", "/me/sshKey", FALSE, FALSE },
    { "DELETE", "/me/api/credential/42", FALSE, FALSE },
    { "PUT", "/domain/" ZONE, FALSE, FALSE },
    { "POST", "/domain/" ZONE "/nameServers/update", FALSE, FALSE },
    { "PUT", "/domain/zone", FALSE, FALSE },
    { "POST", "/order/cart", FALSE, FALSE },
    { "GET", "/dedicated/server", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_test_message ("%s %s", calls[i].method, calls[i].path);
      g_assert_cmpint (ovh_access_rules_allow (read_only, calls[i].method, calls[i].path), ==,
                       calls[i].read_only);
      g_assert_cmpint (ovh_access_rules_allow (editor, calls[i].method, calls[i].path), ==,
                       calls[i].editor);
      g_assert_true (ovh_access_rules_allow (full, calls[i].method, calls[i].path));
    }

  /* Names and descriptions for the sign-in assistant: present and distinct. */
  for (OvhAccessPreset a = OVH_ACCESS_READ_ONLY; a <= OVH_ACCESS_FULL; a++)
    {
      g_assert_cmpstr (ovh_access_preset_get_name (a), !=, "");
      g_assert_cmpstr (ovh_access_preset_get_description (a), !=, "");
      for (OvhAccessPreset b = a + 1; b <= OVH_ACCESS_FULL; b++)
        {
          g_assert_cmpstr (ovh_access_preset_get_name (a), !=, ovh_access_preset_get_name (b));
          g_assert_cmpstr (ovh_access_preset_get_description (a), !=,
                           ovh_access_preset_get_description (b));
        }
    }
  g_assert_true (G_TYPE_IS_ENUM (OVH_TYPE_ACCESS_PRESET));
}

static void
test_rules_for_zones (void)
{
  const char *const zones[] = { ZONE, "countess.dev", NULL };
  g_autoptr (GPtrArray) rules = ovh_access_rules_new_for_zones (zones);

  g_assert_true (ovh_access_rules_allow (rules, "GET", "/me"));
  g_assert_true (ovh_access_rules_allow (rules, "GET", "/domain/zone"));
  g_assert_true (ovh_access_rules_allow (rules, "GET", "/domain/zone/" ZONE));
  g_assert_true (ovh_access_rules_allow (rules, "POST", "/domain/zone/" ZONE "/record"));
  g_assert_true (ovh_access_rules_allow (rules, "POST", "/domain/zone/countess.dev/refresh"));
  g_assert_false (ovh_access_rules_allow (rules, "POST", "/domain/zone/other.com/refresh"));
  g_assert_false (ovh_access_rules_allow (rules, "GET", "/domain/zone/other.com/record"));
  g_assert_false (ovh_access_rules_allow (rules, "POST", "/domain/zone/" ZONE "x/record"));
}

static void
test_rules_json (void)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  g_autoptr (JsonNode) node = ovh_access_rules_to_json (rules);
  g_autoptr (GPtrArray) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_true (g_str_has_prefix (text, "[{\"method\":\"GET\",\"path\":\"/me\"}"));
  back = ovh_access_rules_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, rules->len);
  for (guint i = 0; i < rules->len; i++)
    {
      const OvhAccessRule *a = g_ptr_array_index (rules, i);
      const OvhAccessRule *b = g_ptr_array_index (back, i);

      g_assert_cmpstr (a->method, ==, b->method);
      g_assert_cmpstr (a->path, ==, b->path);
    }

  {
    const char *bad[]
        = { "{}", "[{\"method\":\"GET\"}]", "[{\"method\":1,\"path\":\"/\"}]", "[3]" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (JsonNode) bad_node = ovh_test_json (bad[i]);
        g_autoptr (GPtrArray) none = ovh_access_rules_from_json (bad_node, &error);

        g_assert_null (none);
        g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
        g_clear_error (&error);
      }
  }
}

static void
test_credential_parse (void)
{
  g_autoptr (JsonNode) full = ovh_test_json (
      "{\"credentialId\":7,\"applicationId\":3,\"creation\":\"2024-01-02T10:00:00+01:00\","
      "\"expiration\":null,\"lastUse\":\"2024-02-01T08:30:00Z\",\"status\":\"validated\","
      "\"rules\":[{\"method\":\"GET\",\"path\":\"/me\"}],"
      "\"allowedIPs\":[\"192.0.2.0/24\"],\"ovhSupport\":false}");
  g_autoptr (JsonNode) newer
      = ovh_test_json ("{\"credentialId\":8,\"status\":\"somethingNew\",\"rules\":[]}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = ovh_credential_new_from_json (full, &error);
  g_autoptr (OvhCredential) unknown = NULL;
  const char *bad[] = {
    "[]",
    "{\"status\":\"validated\",\"rules\":[]}",
    "{\"credentialId\":\"7\",\"status\":\"validated\",\"rules\":[]}",
    "{\"credentialId\":7,\"rules\":[]}",
    "{\"credentialId\":7,\"status\":\"validated\",\"rules\":[],\"creation\":\"yesterday\"}",
    "{\"credentialId\":7,\"status\":\"validated\",\"rules\":{}}",
    "{\"credentialId\":7,\"status\":\"validated\",\"rules\":[],\"allowedIPs\":[1]}",
    "{\"credentialId\":7,\"status\":\"validated\",\"rules\":[],\"allowedIPs\":\"x\"}",
    "{\"credentialId\":7,\"status\":\"validated\",\"rules\":[],\"applicationId\":\"3\"}",
    "{\"credentialId\":7,\"status\":\"validated\",\"rules\":[],\"ovhSupport\":1}",
  };

  g_assert_no_error (error);
  g_assert_cmpint (ovh_credential_get_id (credential), ==, 7);
  g_assert_cmpint (ovh_credential_get_application_id (credential), ==, 3);
  g_assert_cmpint (ovh_credential_get_status (credential), ==, OVH_CREDENTIAL_STATUS_VALIDATED);
  g_assert_nonnull (ovh_credential_get_creation (credential));
  g_assert_cmpint (g_date_time_to_unix (ovh_credential_get_creation (credential)), ==, 1704186000);
  g_assert_null (ovh_credential_get_expiration (credential));
  g_assert_nonnull (ovh_credential_get_last_use (credential));
  g_assert_cmpuint (ovh_credential_get_rules (credential)->len, ==, 1);
  g_assert_cmpstr (ovh_credential_get_allowed_ips (credential)[0], ==, "192.0.2.0/24");
  g_assert_true (ovh_credential_allows (credential, "GET", "/me"));
  g_assert_false (ovh_credential_allows (credential, "GET", "/domain"));

  unknown = ovh_credential_new_from_json (newer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_credential_get_status (unknown), ==, OVH_CREDENTIAL_STATUS_UNKNOWN);
  g_assert_null (ovh_credential_get_allowed_ips (unknown));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonNode) node = ovh_test_json (bad[i]);
      g_autoptr (OvhCredential) none = ovh_credential_new_from_json (node, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (none);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }
}

/* ---- the flow, against the sandbox ------------------------------------------------------- */

typedef struct
{
  OvhSandbox *sandbox;
  char *consumer_key;
  enum
  {
    VALIDATE,
    REFUSE,
    EXPIRE,
    REVOKE
  } action;
} Answer;

static void
on_user_answers (gpointer user_data)
{
  Answer *answer = user_data;

  switch (answer->action)
    {
    case VALIDATE:
      g_assert_true (ovh_sandbox_validate_credential (answer->sandbox, answer->consumer_key, 3600));
      break;
    case REFUSE:
      g_assert_true (ovh_sandbox_refuse_credential (answer->sandbox, answer->consumer_key));
      break;
    case EXPIRE:
      g_assert_true (ovh_sandbox_expire_credential (answer->sandbox, answer->consumer_key));
      break;
    case REVOKE:
    default:
      break;
    }
}

static OvhCredentialRequest *
request_credential (OvhTestFixture *fixture, OvhClient *client, OvhAccessPreset preset)
{
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (preset);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  OvhCredentialRequest *request;

  ovh_credential_request_async (client, rules, "https://example.org/done", NULL,
                                ovh_test_store_result, &result);
  request = ovh_credential_request_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (request);
  return request;
}

static OvhCredentialStatus
wait_for_answer (OvhClient *client,
                 const char *consumer_key,
                 guint timeout_seconds,
                 GCancellable *cancellable,
                 OvhCredential **credential,
                 GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_credential_wait_for_validation_async (client, consumer_key, 50, timeout_seconds, cancellable,
                                            ovh_test_store_result, &result);
  return ovh_credential_wait_for_validation_finish (ovh_test_wait_result (&result), credential,
                                                    error);
}

static void
test_flow_validated (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);
  g_autoptr (OvhCredentialRequest) request = NULL;
  g_autoptr (OvhCredential) credential = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autofree char *token_key = NULL;
  const char *token;
  Answer answer = { fixture->sandbox, NULL, VALIDATE };
  OvhCredentialStatus status;

  request = request_credential (fixture, client, OVH_ACCESS_DNS_EDITOR);
  g_assert_cmpint (request->status, ==, OVH_CREDENTIAL_STATUS_PENDING_VALIDATION);
  g_assert_nonnull (request->consumer_key);
  token = strstr (request->validation_url, "credentialToken=");
  g_assert_nonnull (token);
  /* The page the user opens belongs to this very key. */
  token_key = ovh_sandbox_dup_consumer_key_for_token (fixture->sandbox,
                                                      token + strlen ("credentialToken="));
  g_assert_cmpstr (token_key, ==, request->consumer_key);

  /* What was asked for: the preset's rules and the redirection, unsigned. */
  log = ovh_sandbox_dup_request_log (fixture->sandbox);
  g_assert_cmpuint (log->len, ==, 1);
  {
    const OvhSandboxRequest *sent = g_ptr_array_index (log, 0);
    g_autoptr (JsonNode) body = ovh_test_json (sent->body);
    JsonObject *object = json_node_get_object (body);

    g_assert_cmpstr (sent->path, ==, "/auth/credential");
    g_assert_cmpstr (json_object_get_string_member (object, "redirection"), ==,
                     "https://example.org/done");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "accessRules")),
                      ==, 8);
  }

  /* The user takes a moment, then accepts. */
  answer.consumer_key = request->consumer_key;
  g_timeout_add_once (300, on_user_answers, &answer);
  status = wait_for_answer (client, request->consumer_key, 30, NULL, &credential, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, OVH_CREDENTIAL_STATUS_VALIDATED);
  g_assert_nonnull (credential);
  g_assert_cmpint (ovh_credential_get_status (credential), ==, OVH_CREDENTIAL_STATUS_VALIDATED);
  g_assert_nonnull (ovh_credential_get_expiration (credential));
  g_assert_true (ovh_credential_allows (credential, "POST", "/domain/zone/" ZONE "/refresh"));
  g_assert_false (ovh_credential_allows (credential, "GET", "/me/bill"));
  /* It polled while pending (403 "This credential is not valid" each time). */
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/auth/currentCredential"), >=, 2);

  /* The new key works, within its rules. */
  ovh_client_set_consumer_key (client, request->consumer_key);
  {
    g_autoptr (JsonNode) zones = ovh_test_call (client, "GET", "/domain/zone", NULL, &error);

    g_assert_no_error (error);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (zones));
  }
  {
    g_autoptr (JsonNode) refreshed
        = ovh_test_call (client, "POST", "/domain/zone/" ZONE "/refresh", NULL, &error);

    g_assert_no_error (error);
  }
  {
    g_autoptr (JsonNode) revoked
        = ovh_test_call (client, "DELETE", "/me/api/credential/1", NULL, &error);

    g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_GRANTED);
  }
}

/* Refused and expired keys answer exactly like pending ones ("This credential is not valid"),
 * here as on OVH: the wait cannot tell them apart and ends at its timeout, as EXPIRED. The
 * sandbox's own record proves what happened; the key never works. */
static void
test_flow_refused_or_expired (OvhTestFixture *fixture, gconstpointer data)
{
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);
      g_autoptr (OvhCredentialRequest) request
          = request_credential (fixture, client, OVH_ACCESS_READ_ONLY);
      g_autoptr (OvhCredential) credential = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *sandbox_status = NULL;
      Answer answer = { fixture->sandbox, request->consumer_key, round == 0 ? REFUSE : EXPIRE };
      OvhCredentialStatus status;
      gint64 start = g_get_monotonic_time ();

      g_timeout_add_once (100, on_user_answers, &answer);
      status = wait_for_answer (client, request->consumer_key, 1, NULL, &credential, &error);
      g_assert_no_error (error);
      g_assert_null (credential);
      /* If the server ever tells, the answer is taken at once. */
      if (status == OVH_CREDENTIAL_STATUS_REFUSED)
        g_assert_cmpint (round, ==, 0);
      else
        {
          g_assert_cmpint (status, ==, OVH_CREDENTIAL_STATUS_EXPIRED);
          g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC - 100000);
        }
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

      sandbox_status = ovh_sandbox_dup_credential_status (fixture->sandbox, request->consumer_key);
      g_assert_cmpstr (sandbox_status, ==, round == 0 ? "refused" : "expired");

      ovh_client_set_consumer_key (client, request->consumer_key);
      {
        g_autoptr (JsonNode) me = ovh_test_call (client, "GET", "/me", NULL, &error);

        g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
      }
    }
}

static void
test_flow_revoked_while_waiting (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);
  g_autoptr (OvhCredentialRequest) request
      = request_credential (fixture, client, OVH_ACCESS_READ_ONLY);
  g_autoptr (GListModel) credentials = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 pending_id = 0;
  gint64 start;
  OvhCredentialStatus status;

  /* The account owner deletes the pending key from another tool: "does not exist" ends the
   * wait right away, long before its timeout. */
  ovh_credential_list_async (fixture->client, NULL, ovh_test_store_result, &result);
  credentials = ovh_credential_list_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (credentials); i++)
    {
      g_autoptr (OvhCredential) credential = g_list_model_get_item (credentials, i);

      if (ovh_credential_get_status (credential) == OVH_CREDENTIAL_STATUS_PENDING_VALIDATION)
        pending_id = ovh_credential_get_id (credential);
    }
  g_assert_cmpint (pending_id, >, 0);
  path = g_strdup_printf ("/me/api/credential/%" G_GINT64_FORMAT, pending_id);
  {
    g_autoptr (JsonNode) deleted = ovh_test_call (fixture->client, "DELETE", path, NULL, &error);

    g_assert_no_error (error);
  }

  start = g_get_monotonic_time ();
  status = wait_for_answer (client, request->consumer_key, 30, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, OVH_CREDENTIAL_STATUS_EXPIRED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
on_cancel_timeout (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_flow_cancelled (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);
  g_autoptr (OvhCredentialRequest) request
      = request_credential (fixture, client, OVH_ACCESS_DNS_EDITOR);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (OvhCredential) credential = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  OvhCredentialStatus status;
  guint polls;

  /* The user closes the assistant: the wait ends at once, and polling stops. */
  g_timeout_add_once (300, on_cancel_timeout, cancellable);
  status = wait_for_answer (client, request->consumer_key, 60, cancellable, &credential, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (status, ==, OVH_CREDENTIAL_STATUS_CANCELLED);
  g_assert_null (credential);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  polls = ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/auth/currentCredential");
  {
    g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);

    g_timeout_add_once (300, (GSourceOnceFunc) g_main_loop_quit, loop);
    g_main_loop_run (loop);
  }
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/auth/currentCredential"), ==,
      polls);
}

static void
test_flow_request_errors (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, NULL);
  g_autoptr (GPtrArray) rules = ovh_access_preset_dup_rules (OVH_ACCESS_FULL);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredentialRequest) request = NULL;

  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/auth/credential",
                            OVH_SANDBOX_FAULT_MALFORMED, 1);
  ovh_credential_request_async (client, rules, NULL, NULL, ovh_test_store_result, &result);
  request = ovh_credential_request_finish (ovh_test_wait_result (&result), &error);
  g_assert_null (request);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Not retried, being a POST. */
  ovh_sandbox_inject_fault (fixture->sandbox, "POST", "/auth/credential",
                            OVH_SANDBOX_FAULT_HTTP_500, 1);
  ovh_credential_request_async (client, rules, NULL, NULL, ovh_test_store_result, &result);
  request = ovh_credential_request_finish (ovh_test_wait_result (&result), &error);
  g_assert_null (request);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_SERVER);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/auth/credential"),
                    ==, 2);
}

/* ---- the current key, logout, listing, revoking ------------------------------------------ */

static void
test_current (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = NULL;

  ovh_credential_fetch_current_async (fixture->client, NULL, ovh_test_store_result, &result);
  credential = ovh_credential_fetch_current_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ovh_credential_get_status (credential), ==, OVH_CREDENTIAL_STATUS_VALIDATED);
  g_assert_cmpint (ovh_credential_get_id (credential), >, 0);
  g_assert_nonnull (ovh_credential_get_creation (credential));
  g_assert_cmpuint (ovh_credential_get_rules (credential)->len, >, 0);
  g_assert_true (ovh_credential_allows (credential, "DELETE", "/domain/zone/" ZONE "/record/1"));
}

static void
test_logout (OvhTestFixture *fixture, gconstpointer data)
{
  g_autofree char *consumer_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, NULL, 0);
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, consumer_key);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autofree char *status = NULL;

  before = ovh_test_call (client, "GET", "/me", NULL, &error);
  g_assert_no_error (error);

  ovh_credential_logout_async (client, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_credential_logout_finish (ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, "POST", "/auth/logout"), ==,
                    1);

  status = ovh_sandbox_dup_credential_status (fixture->sandbox, consumer_key);
  g_assert_cmpstr (status, ==, "expired");
  after = ovh_test_call (client, "GET", "/me", NULL, &error);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
  g_assert_true (ovh_error_is_authentication (error));
}

static OvhCredential *
find_credential (GListModel *credentials, gint64 id)
{
  for (guint i = 0; i < g_list_model_get_n_items (credentials); i++)
    {
      g_autoptr (OvhCredential) credential = g_list_model_get_item (credentials, i);

      if (ovh_credential_get_id (credential) == id)
        return g_steal_pointer (&credential);
    }
  return NULL;
}

static GListModel *
list_credentials (OvhClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *credentials;

  ovh_credential_list_async (client, NULL, ovh_test_store_result, &result);
  credentials = ovh_credential_list_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (credentials) == OVH_TYPE_CREDENTIAL);
  return credentials;
}

static gint64
credential_id_of (OvhTestFixture *fixture, const char *consumer_key)
{
  g_autoptr (OvhClient) client = ovh_test_fixture_new_client (fixture, consumer_key);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhCredential) credential = NULL;

  ovh_credential_fetch_current_async (client, NULL, ovh_test_store_result, &result);
  credential = ovh_credential_fetch_current_finish (ovh_test_wait_result (&result), &error);
  g_assert_no_error (error);
  return ovh_credential_get_id (credential);
}

static void
test_list_and_revoke (OvhTestFixture *fixture, gconstpointer data)
{
  const char *const rules[] = { "GET /me", "GET /domain", NULL };
  g_autofree char *first_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, rules, 0);
  g_autofree char *second_key
      = ovh_sandbox_create_credential (fixture->sandbox, OVH_SANDBOX_APPLICATION_KEY, NULL, 3600);
  gint64 first_id = credential_id_of (fixture, first_key);
  gint64 second_id = credential_id_of (fixture, second_key);
  g_autoptr (GListModel) credentials = NULL;
  g_autoptr (GListModel) after = NULL;
  g_autoptr (OvhCredential) first = NULL;
  g_autoptr (OvhCredential) second = NULL;
  g_autoptr (OvhCredential) gone = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  guint n_before;
  gint64 previous = 0;

  ovh_sandbox_reset_request_log (fixture->sandbox);
  credentials = list_credentials (fixture->client);
  n_before = g_list_model_get_n_items (credentials);
  g_assert_cmpuint (n_before, >=, 3);
  /* 1 list + 2 per credential, nothing more (and the clock: the fixture's first call). */
  g_assert_cmpuint (ovh_sandbox_get_request_count (fixture->sandbox, NULL, NULL)
                        - ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/auth/time"),
                    ==, 1 + 2 * n_before);

  for (guint i = 0; i < n_before; i++)
    {
      g_autoptr (OvhCredential) credential = g_list_model_get_item (credentials, i);

      /* By id, and each with its application. */
      g_assert_cmpint (ovh_credential_get_id (credential), >, previous);
      previous = ovh_credential_get_id (credential);
      g_assert_nonnull (ovh_credential_get_application_name (credential));
    }

  first = find_credential (credentials, first_id);
  second = find_credential (credentials, second_id);
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (ovh_credential_get_application_key (first), ==, OVH_SANDBOX_APPLICATION_KEY);
  g_assert_cmpuint (ovh_credential_get_rules (first)->len, ==, 2);
  g_assert_null (ovh_credential_get_expiration (first));
  g_assert_nonnull (ovh_credential_get_expiration (second));

  ovh_credential_revoke_async (fixture->client, first_id, NULL, ovh_test_store_result, &result);
  g_assert_true (ovh_credential_revoke_finish (ovh_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  after = list_credentials (fixture->client);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before - 1);
  gone = find_credential (after, first_id);
  g_assert_null (gone);

  /* The revoked key is dead; revoking it again is NOT_FOUND. */
  {
    g_autoptr (OvhClient) revoked = ovh_test_fixture_new_client (fixture, first_key);
    g_autoptr (JsonNode) me = ovh_test_call (revoked, "GET", "/me", NULL, &error);

    g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_CREDENTIAL);
    g_clear_error (&error);
  }
  ovh_credential_revoke_async (fixture->client, first_id, NULL, ovh_test_store_result, &result);
  g_assert_false (ovh_credential_revoke_finish (ovh_test_wait_result (&result), &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_list_malformed (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) credentials = NULL;

  ovh_sandbox_inject_fault (fixture->sandbox, "GET", "/me/api/credential/*",
                            OVH_SANDBOX_FAULT_MALFORMED, 1);
  ovh_credential_list_async (fixture->client, NULL, ovh_test_store_result, &result);
  credentials = ovh_credential_list_finish (ovh_test_wait_result (&result), &error);
  g_assert_null (credentials);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ovh/credential/rule-matching", test_rule_matching);
  g_test_add_func ("/ovh/credential/presets", test_presets);
  g_test_add_func ("/ovh/credential/rules-for-zones", test_rules_for_zones);
  g_test_add_func ("/ovh/credential/rules-json", test_rules_json);
  g_test_add_func ("/ovh/credential/parse", test_credential_parse);

  ovh_test_add ("/ovh/credential/flow/validated", test_flow_validated);
  ovh_test_add ("/ovh/credential/flow/refused-or-expired", test_flow_refused_or_expired);
  ovh_test_add ("/ovh/credential/flow/revoked-while-waiting", test_flow_revoked_while_waiting);
  ovh_test_add ("/ovh/credential/flow/cancelled", test_flow_cancelled);
  ovh_test_add ("/ovh/credential/flow/request-errors", test_flow_request_errors);
  ovh_test_add ("/ovh/credential/current", test_current);
  ovh_test_add ("/ovh/credential/logout", test_logout);
  ovh_test_add ("/ovh/credential/list-and-revoke", test_list_and_revoke);
  ovh_test_add ("/ovh/credential/list-malformed", test_list_malformed);

  return g_test_run ();
}
