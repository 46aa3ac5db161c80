/* test-delegation.c: a domain's name servers read, changed and changed back with the task
 * followed to its end, against the in-process sandbox; validation; answers the code must
 * refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "ovh-access-rules.h"
#include "ovh-delegation.h"
#include "ovh-domain.h"
#include "ovh-error.h"
#include "test-fixture.h"

#define HOSTED_DOMAIN "lovelace.fr"
#define EXTERNAL_DOMAIN "difference-engine.org"

static OvhDelegation *
fetch (OvhClient *client, const char *domain, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_delegation_fetch_async (client, domain, NULL, ovh_test_store_result, &result);
  return ovh_delegation_fetch_finish (client, ovh_test_wait_result (&result), error);
}

static gint64
set_external (OvhClient *client, const char *domain, GPtrArray *name_servers, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_delegation_set_external_async (client, domain, name_servers, NULL, ovh_test_store_result,
                                     &result);
  return ovh_delegation_set_external_finish (client, ovh_test_wait_result (&result), error);
}

static gint64
set_hosted (OvhClient *client, const char *domain, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_delegation_set_hosted_async (client, domain, NULL, ovh_test_store_result, &result);
  return ovh_delegation_set_hosted_finish (client, ovh_test_wait_result (&result), error);
}

static gboolean
follow (OvhClient *client,
        const char *domain,
        gint64 task_id,
        guint timeout_ms,
        GCancellable *cancellable,
        GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  ovh_delegation_follow_task_async (client, domain, task_id, 10, timeout_ms, cancellable,
                                    ovh_test_store_result, &result);
  return ovh_delegation_follow_task_finish (client, ovh_test_wait_result (&result), error);
}

static const char *
task_status (OvhTestFixture *fixture, const char *domain, gint64 id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/domain/%s/task/%" G_GINT64_FORMAT, domain, id);
  g_autoptr (JsonNode) node = ovh_test_call (fixture->client, "GET", path, NULL, &error);
  static char status[16];

  g_assert_no_error (error);
  g_strlcpy (status, json_object_get_string_member (json_node_get_object (node), "status"),
             sizeof status);
  return status;
}

static GPtrArray *
parse_list (const char *const *texts)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_name_server_free);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      OvhNameServer *name_server = ovh_name_server_parse (texts[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (list, name_server);
    }
  return list;
}

/* The registry's delegation as GET /domain/{domain} gives it (what Health compares with). */
static char *
registry_name_servers (OvhTestFixture *fixture, const char *domain)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/domain/%s", domain);
  g_autoptr (JsonNode) node = ovh_test_call (fixture->client, "GET", path, NULL, &error);
  JsonArray *array;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (node), "nameServers");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (
        text, "%s%s", i > 0 ? " " : "",
        json_object_get_string_member (json_array_get_object_element (array, i), "nameServer"));
  return g_string_free (text, FALSE);
}

static void
test_read (OvhTestFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDelegation) delegation = fetch (fixture->client, HOSTED_DOMAIN, &error);
  OvhNameServer *name_server;

  g_assert_no_error (error);
  g_assert_cmpstr (ovh_delegation_get_domain (delegation), ==, HOSTED_DOMAIN);
  g_assert_cmpstr (ovh_delegation_get_name_server_type (delegation), ==, "hosted");
  g_assert_true (ovh_delegation_is_hosted (delegation));
  g_assert_cmpuint (ovh_delegation_get_name_servers (delegation)->len, ==, 2);
  name_server = g_ptr_array_index (ovh_delegation_get_name_servers (delegation), 0);
  g_assert_cmpstr (name_server->host, ==, "dns111.ovh.net");
  g_assert_null (name_server->ip);
  g_assert_true (name_server->is_used);
  g_assert_false (name_server->to_delete);
  g_assert_cmpint (name_server->id, >, 0);

  g_clear_object (&delegation);
  delegation = fetch (fixture->client, EXTERNAL_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_false (ovh_delegation_is_hosted (delegation));
  g_assert_cmpstr (
      ((OvhNameServer *) g_ptr_array_index (ovh_delegation_get_name_servers (delegation), 0))->host,
      ==, "ns1.babbage-dns.example");

  g_clear_object (&delegation);
  delegation = fetch (fixture->client, "no-such-domain.example", &error);
  g_assert_null (delegation);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_external_and_back (OvhTestFixture *fixture, gconstpointer data)
{
  const char *const texts[]
      = { "ns1.example.net", "ns.lovelace.fr=192.0.2.53", "ns6.lovelace.fr=2001:db8::53", NULL };
  g_autoptr (GPtrArray) list = parse_list (texts);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhDelegation) delegation = NULL;
  g_autofree char *registry = NULL;
  GPtrArray *name_servers;
  gint64 task_id;

  /* Long enough to be seen pending even on a loaded machine. */
  ovh_sandbox_set_domain_task_delay_ms (fixture->sandbox, 2000);
  g_assert_true (ovh_name_servers_validate (list, HOSTED_DOMAIN, &error));
  g_assert_no_error (error);
  task_id = set_external (fixture->client, HOSTED_DOMAIN, list, &error);
  g_assert_no_error (error);
  g_assert_cmpint (task_id, >, 0);
  g_assert_cmpstr (task_status (fixture, HOSTED_DOMAIN, task_id), ==, "todo");

  /* Nothing changes before the task is done; a second change meanwhile is refused. */
  delegation = fetch (fixture->client, HOSTED_DOMAIN, &error);
  g_assert_true (ovh_delegation_is_hosted (delegation));
  g_assert_cmpint (set_external (fixture->client, HOSTED_DOMAIN, list, &error), ==, -1);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (follow (fixture->client, HOSTED_DOMAIN, task_id, 10000, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (task_status (fixture, HOSTED_DOMAIN, task_id), ==, "done");
  /* The backoff: far fewer asks than 10 ms steps over 2 s. */
  g_assert_cmpuint (
      ovh_sandbox_get_request_count (fixture->sandbox, "GET", "/domain/" HOSTED_DOMAIN "/task/*"),
      <, 12);

  g_clear_object (&delegation);
  delegation = fetch (fixture->client, HOSTED_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ovh_delegation_get_name_server_type (delegation), ==, "external");
  name_servers = ovh_delegation_get_name_servers (delegation);
  g_assert_cmpuint (name_servers->len, ==, 3);
  g_assert_cmpstr (((OvhNameServer *) g_ptr_array_index (name_servers, 0))->host, ==,
                   "ns.lovelace.fr");
  g_assert_cmpstr (((OvhNameServer *) g_ptr_array_index (name_servers, 0))->ip, ==, "192.0.2.53");
  g_assert_cmpstr (((OvhNameServer *) g_ptr_array_index (name_servers, 1))->host, ==,
                   "ns1.example.net");
  g_assert_null (((OvhNameServer *) g_ptr_array_index (name_servers, 1))->ip);
  g_assert_cmpstr (((OvhNameServer *) g_ptr_array_index (name_servers, 2))->ip, ==, "2001:db8::53");
  registry = registry_name_servers (fixture, HOSTED_DOMAIN);
  g_assert_cmpstr (registry, ==, "ns1.example.net ns.lovelace.fr ns6.lovelace.fr");
  /* OVHcloud no longer holds DS records for a domain served elsewhere. */

  /* Back to OVHcloud's: the zone's own name servers. */
  task_id = set_hosted (fixture->client, HOSTED_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (task_id, >, 0);
  g_assert_true (follow (fixture->client, HOSTED_DOMAIN, task_id, 10000, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&delegation);
  delegation = fetch (fixture->client, HOSTED_DOMAIN, &error);
  g_assert_true (ovh_delegation_is_hosted (delegation));
  g_clear_pointer (&registry, g_free);
  registry = registry_name_servers (fixture, HOSTED_DOMAIN);
  g_assert_cmpstr (registry, ==, "dns111.ovh.net ns111.ovh.net");

  /* Already on OVHcloud's: no task to follow, which is no error. */
  task_id = set_hosted (fixture->client, HOSTED_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_true (follow (fixture->client, HOSTED_DOMAIN, task_id, 10000, NULL, &error));
  g_assert_no_error (error);
}

static void
test_sandbox_refuses (OvhTestFixture *fixture, gconstpointer data)
{
  const struct
  {
    const char *body;
    const char *words;
  } cases[] = {
    { "{\"nameServers\":[{\"host\":\"ns1.example.net\"}]}", "at least 2" },
    { "{\"nameServers\":[{\"host\":\"ns1.example.net\"},{\"host\":\"bad_host\"}]}",
      "Invalid DNS server host" },
    { "{\"nameServers\":[{\"host\":\"ns1.example.net\"},{\"host\":\"ns.lovelace.fr\"}]}",
      "IP address is required" },
    { "{\"nameServers\":[{\"host\":\"ns1.example.net\"},{\"host\":\"ns2.example.net\","
      "\"ip\":\"192.0.2.1\"}]}",
      "only be given" },
    { "{\"nameServers\":[{\"host\":\"ns1.example.net\"},{\"host\":\"ns.lovelace.fr\","
      "\"ip\":\"nope\"}]}",
      "not valid for type ip" },
    { "{\"nameServers\":[{\"host\":\"ns1.example.net\"},{\"host\":\"NS1.example.net\"}]}",
      "twice" },
    { "{}", "mandatory" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) body = ovh_test_json (cases[i].body);
      g_autoptr (JsonNode) node = ovh_test_call (
          fixture->client, "POST", "/domain/" HOSTED_DOMAIN "/nameServers/update", body, &error);

      g_assert_null (node);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonNode) body = ovh_test_json ("{\"nameServerType\":\"parking\"}");
    g_autoptr (JsonNode) node
        = ovh_test_call (fixture->client, "PUT", "/domain/" HOSTED_DOMAIN, body, &error);

    g_assert_null (node);
    g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
  }
}

static void
test_follow_ends (OvhTestFixture *fixture, gconstpointer data)
{
  const char *const texts[] = { "ns1.example.net", "ns2.example.net", NULL };
  g_autoptr (GPtrArray) list = parse_list (texts);
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  gint64 task_id;

  ovh_sandbox_set_domain_task_delay_ms (fixture->sandbox, 60 * 1000);
  task_id = set_external (fixture->client, HOSTED_DOMAIN, list, &error);
  g_assert_no_error (error);

  /* Still pending at the time limit. */
  g_assert_false (follow (fixture->client, HOSTED_DOMAIN, task_id, 50, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "gave up waiting"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (follow (fixture->client, HOSTED_DOMAIN, task_id, 10000, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (follow (fixture->client, HOSTED_DOMAIN, 999999, 10000, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_NOT_FOUND);
}

static void
test_validate (void)
{
  const struct
  {
    const char *const list[4];
    const char *words;
  } cases[] = {
    { { "ns1.example.net", NULL }, "at least two" },
    { { "ns1.example.net", "ns1.example.net.", NULL }, "twice" },
    { { "ns1.example.net", "ns.lovelace.fr", NULL }, "give its IP address" },
    { { "ns1.example.net", "ns2.example.net=192.0.2.1", NULL }, "only given" },
    { { "ns1.example.net", "ns.lovelace.fr=300.1.1.1", NULL }, "not an IP address" },
  };
  const char *const bad[]
      = { "", "bad_host.example", "localhost", "-ns.example.net", "ns..example.net", "ns.-a.net" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) list = parse_list (cases[i].list);
      g_autoptr (GError) error = NULL;

      g_assert_false (ovh_name_servers_validate (list, HOSTED_DOMAIN, &error));
      g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OvhNameServer) name_server = ovh_name_server_parse (bad[i], &error);

      g_assert_null (name_server);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_BAD_PARAMETERS);
    }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (OvhNameServer) name_server = ovh_name_server_parse ("ns.a.net=192.0.2.1", &error);
    g_autoptr (OvhNameServer) copy = ovh_name_server_copy (name_server);

    g_assert_cmpstr (copy->host, ==, "ns.a.net");
    g_assert_cmpstr (copy->ip, ==, "192.0.2.1");
  }
}

static void
test_status_names (void)
{
  OvhDomainTaskStatus status;

  for (OvhDomainTaskStatus s = OVH_DOMAIN_TASK_TODO; s <= OVH_DOMAIN_TASK_CANCELLED; s++)
    {
      g_assert_true (
          ovh_domain_task_status_from_string (ovh_domain_task_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_true (ovh_domain_task_status_is_pending (OVH_DOMAIN_TASK_DOING));
  g_assert_false (ovh_domain_task_status_is_pending (OVH_DOMAIN_TASK_ERROR));
  g_assert_false (ovh_domain_task_status_from_string ("Done", &status));
  g_assert_false (ovh_domain_task_status_from_string (NULL, &status));
}

/* A server that answers what OVH must not, and tasks that end badly. */
static void
bogus_handler (SoupServer *server,
               SoupServerMessage *msg,
               const char *path,
               GHashTable *query,
               gpointer user_data)
{
  const char *body = "null";

  if (g_str_equal (path, "/1.0/auth/time"))
    {
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000000);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, now,
                                        strlen (now));
      return;
    }
  if (g_str_equal (path, "/1.0/domain/notype.example"))
    body = "{\"domain\":\"notype.example\"}";
  else if (g_str_equal (path, "/1.0/domain/list.example"))
    body = "[]";
  else if (g_str_has_prefix (path, "/1.0/domain/") && strchr (path + 12, '/') == NULL)
    body = "{\"nameServerType\":\"external\"}";
  else if (g_str_equal (path, "/1.0/domain/strings.example/nameServer"))
    body = "[\"1\"]";
  else if (g_str_has_suffix (path, "/nameServer"))
    body = "[1]";
  else if (g_str_equal (path, "/1.0/domain/nohost.example/nameServer/1"))
    body = "{\"id\":1,\"ip\":null}";
  else if (g_str_equal (path, "/1.0/domain/iphost.example/nameServer/1"))
    body = "{\"id\":1,\"host\":\"ns.a.net\",\"ip\":7}";
  else if (g_str_has_suffix (path, "/nameServer/1"))
    body = "[]";
  else if (g_str_has_suffix (path, "/nameServers/update"))
    body = "{\"id\":\"5\",\"status\":\"todo\"}";
  else if (g_str_equal (path, "/1.0/domain/error.example/task/5"))
    body = "{\"id\":5,\"status\":\"error\",\"comment\":\"ns1.example.net does not answer\"}";
  else if (g_str_equal (path, "/1.0/domain/cancelled.example/task/5"))
    body = "{\"id\":5,\"status\":\"cancelled\",\"comment\":null}";
  else if (g_str_has_suffix (path, "/task/5"))
    body = "{\"id\":5,\"status\":\"finished\"}";
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
test_refuses_bogus_answers (void)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OvhClient) client = NULL;
  g_autoptr (GSList) uris = NULL;
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ovh_name_server_free);
  g_autofree char *base = NULL;
  const char *const domains[] = { "notype.example", "list.example",   "strings.example",
                                  "nohost.example", "iphost.example", "object.example" };

  soup_server_add_handler (server, NULL, bogus_handler, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d/1.0", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  client = ovh_client_new (base, "ak", "as", "ck");

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      g_autoptr (OvhDelegation) delegation = fetch (client, domains[i], &error);

      g_assert_null (delegation);
      g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
      g_clear_error (&error);
    }

  g_ptr_array_add (list, ovh_name_server_new ("ns1.a.net", NULL));
  g_assert_cmpint (set_external (client, "any.example", list, &error), ==, -1);
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  g_assert_false (follow (client, "error.example", 5, 10000, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "did not take"));
  g_assert_nonnull (strstr (error->message, "does not answer"));
  g_clear_error (&error);
  g_assert_false (follow (client, "cancelled.example", 5, 10000, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cancelled"));
  g_clear_error (&error);
  g_assert_false (follow (client, "other.example", 5, 10000, NULL, &error));
  g_assert_error (error, OVH_ERROR, OVH_ERROR_INVALID_RESPONSE);
}

/* What each preset may do with the delegation: every preset reads it and follows its tasks;
 * only Full access changes it. */
static void
test_presets (void)
{
  const struct
  {
    const char *method;
    const char *path;
    gboolean read_only, dns_editor;
  } calls[] = {
    { "GET", "/domain/" HOSTED_DOMAIN, TRUE, TRUE },
    { "GET", "/domain/" HOSTED_DOMAIN "/nameServer", TRUE, TRUE },
    { "GET", "/domain/" HOSTED_DOMAIN "/nameServer/100000", TRUE, TRUE },
    { "GET", "/domain/" HOSTED_DOMAIN "/task?function=DomainDnsUpdate", TRUE, TRUE },
    { "GET", "/domain/" HOSTED_DOMAIN "/task/3", TRUE, TRUE },
    { "POST", "/domain/" HOSTED_DOMAIN "/nameServers/update", FALSE, FALSE },
    { "PUT", "/domain/" HOSTED_DOMAIN, FALSE, FALSE },
  };
  g_autoptr (GPtrArray) read_only = ovh_access_preset_dup_rules (OVH_ACCESS_READ_ONLY);
  g_autoptr (GPtrArray) editor = ovh_access_preset_dup_rules (OVH_ACCESS_DNS_EDITOR);
  g_autoptr (GPtrArray) full = ovh_access_preset_dup_rules (OVH_ACCESS_FULL);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_assert_cmpint (ovh_access_rules_allow (read_only, calls[i].method, calls[i].path), ==,
                       calls[i].read_only);
      g_assert_cmpint (ovh_access_rules_allow (editor, calls[i].method, calls[i].path), ==,
                       calls[i].dns_editor);
      g_assert_true (ovh_access_rules_allow (full, calls[i].method, calls[i].path));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/delegation/validate", test_validate);
  g_test_add_func ("/delegation/status-names", test_status_names);
  g_test_add_func ("/delegation/presets", test_presets);
  g_test_add_func ("/delegation/refuses-bogus-answers", test_refuses_bogus_answers);
  ovh_test_add ("/delegation/read", test_read);
  ovh_test_add ("/delegation/external-and-back", test_external_and_back);
  ovh_test_add ("/delegation/sandbox-refuses", test_sandbox_refuses);
  ovh_test_add ("/delegation/follow-ends", test_follow_ends);
  return g_test_run ();
}
