/* fuzz-models.c: every JSON answer libovh turns into a model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the model, the rest is the answer's body. Each model must either
 * refuse the answer or hold only valid UTF-8 and, for names, domain names.
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-access-rules.h"
#include "ovh-client.h"
#include "ovh-credential.h"
#include "ovh-delegation.h"
#include "ovh-domain-private.h"
#include "ovh-http-private.h"
#include "ovh-me.h"
#include "ovh-record-loader-private.h"
#include "ovh-redirection.h"
#include "ovh-zone-private.h"

enum
{
  MODEL_ME,
  MODEL_DOMAIN,
  MODEL_DOMAIN_UPDATE,
  MODEL_DOMAIN_ZONE,
  MODEL_DOMAIN_LIST,
  MODEL_CREDENTIAL,
  MODEL_ACCESS_RULES,
  MODEL_ZONE_SOA,
  MODEL_ZONE_INFO,
  MODEL_RECORD_IDS,
  MODEL_DELEGATION, /* [GET /domain/{domain}, GET …/nameServer/{id}…] */
  MODEL_REDIRECTION,
  N_MODELS
};

static OvhZone *
shared_zone (void)
{
  static OvhZone *zone;

  if (zone == NULL)
    {
      g_autoptr (OvhClient) client
          = ovh_client_new ("http://127.0.0.1:9/1.0", "fuzzAppKey", "fuzzSecret", "fuzzCk");

      zone = ovh_zone_new (client, "example.com");
    }
  return zone;
}

static void
check_domain (OvhDomain *domain)
{
  g_assert_true (ovh_domain_name_is_valid (ovh_domain_get_name (domain)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonNode) node = NULL;
  guint model;

  fuzz_init_once ();
  if (size < 1)
    return 0;

  model = data[0] % N_MODELS;
  bytes = g_bytes_new (data + 1, size - 1);
  node = ovh_http_parse_json_answer (bytes, NULL);
  if (node == NULL)
    return 0;

  switch (model)
    {
    case MODEL_ME:
      {
        g_autoptr (OvhMe) me = ovh_me_new_from_json (node, NULL);
        (void) me;
      }
      break;
    case MODEL_DOMAIN:
      {
        g_autoptr (OvhDomain) domain = ovh_domain_new_from_json (node, NULL);

        if (domain != NULL)
          check_domain (domain);
      }
      break;
    case MODEL_DOMAIN_UPDATE:
    case MODEL_DOMAIN_ZONE:
      {
        g_autoptr (OvhDomain) domain = ovh_domain_new ("example.com", TRUE, TRUE);

        if (model == MODEL_DOMAIN_UPDATE)
          (void) ovh_domain_update_from_json (domain, node, NULL);
        else
          (void) ovh_domain_update_from_zone_json (domain, node, NULL);
        check_domain (domain);
      }
      break;
    case MODEL_DOMAIN_LIST:
      {
        /* The same answer as both lists: merged with itself. */
        g_autoptr (GListStore) store = ovh_domain_list_from_json (node, node, NULL);

        for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
          {
            g_autoptr (OvhDomain) domain = g_list_model_get_item (G_LIST_MODEL (store), i);

            check_domain (domain);
          }
      }
      break;
    case MODEL_CREDENTIAL:
      {
        g_autoptr (OvhCredential) credential = ovh_credential_new_from_json (node, NULL);

        if (credential != NULL)
          (void) ovh_credential_allows (credential, "GET", "/domain/zone/example.com/record");
      }
      break;
    case MODEL_ACCESS_RULES:
      {
        g_autoptr (GPtrArray) rules = ovh_access_rules_from_json (node, NULL);

        if (rules != NULL)
          {
            g_autoptr (JsonNode) back = ovh_access_rules_to_json (rules);

            g_assert_nonnull (back);
            (void) ovh_access_rules_allow (rules, "DELETE", "/domain/zone/example.com/record/1");
          }
      }
      break;
    case MODEL_ZONE_SOA:
      (void) ovh_zone_apply_soa_json (shared_zone (), node, NULL);
      break;
    case MODEL_ZONE_INFO:
      (void) ovh_zone_apply_info_json (shared_zone (), node, NULL);
      break;
    case MODEL_RECORD_IDS:
      {
        g_autoptr (GError) error = NULL;
        GArray *ids = ovh_record_load_parse_id_list (node, &error);

        g_assert_true ((ids == NULL) != (error == NULL));
        g_clear_pointer (&ids, g_array_unref);
      }
      break;
    case MODEL_DELEGATION:
      {
        JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
        g_autoptr (JsonArray) name_servers = json_array_new ();
        g_autoptr (OvhDelegation) delegation = NULL;
        JsonNode *first;

        if (array == NULL || json_array_get_length (array) == 0)
          break;
        first = json_array_get_element (array, 0);
        if (!JSON_NODE_HOLDS_OBJECT (first))
          break;
        for (guint i = 1; i < json_array_get_length (array); i++)
          json_array_add_element (name_servers, json_node_copy (json_array_get_element (array, i)));
        delegation = ovh_delegation_new_from_json ("example.com", json_node_get_object (first),
                                                   name_servers, NULL);
        if (delegation != NULL)
          {
            GPtrArray *list = ovh_delegation_get_name_servers (delegation);

            g_assert_true (
                g_utf8_validate (ovh_delegation_get_name_server_type (delegation), -1, NULL));
            for (guint i = 0; i < list->len; i++)
              {
                OvhNameServer *name_server = g_ptr_array_index (list, i);

                g_assert_true (g_utf8_validate (name_server->host, -1, NULL));
                g_assert_true (name_server->ip == NULL
                               || g_utf8_validate (name_server->ip, -1, NULL));
              }
            (void) ovh_name_servers_validate (list, "example.com", NULL);
          }
      }
      break;
    case MODEL_REDIRECTION:
      {
        g_autoptr (GError) error = NULL;
        g_autoptr (OvhRedirection) redirection = ovh_redirection_new_from_json (node, &error);

        g_assert_true ((redirection == NULL) != (error == NULL));
        if (redirection != NULL)
          {
            g_autofree char *source = ovh_redirection_dup_source (redirection, "example.com");
            OvhRedirectionType type = ovh_redirection_get_redirection_type (redirection);

            g_assert_true (g_utf8_validate (source, -1, NULL));
            g_assert_true (g_utf8_validate (ovh_redirection_get_target (redirection), -1, NULL));
            g_assert_cmpstr (ovh_redirection_get_target (redirection), !=, "");
            g_assert_nonnull (ovh_redirection_type_get_label (type));
            g_assert_cmpint (ovh_redirection_get_id (redirection), >=, 0);
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return 0;
}
