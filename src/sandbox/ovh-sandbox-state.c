/* ovh-sandbox-state.c: the sandbox's whole state as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the server's own database: it holds the sandbox's application secrets and consumer
 * keys, as OVH's back office does, and is written readable by its owner only.
 */
#include "config.h"

#include <string.h>

#include "ovh-sandbox-private.h"

#define STATE_VERSION 1

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static JsonArray *
strv_to_json (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonNode *
sandbox_state_serialize (const SandboxState *state)
{
  JsonObject *root = json_object_new ();
  JsonArray *applications = json_array_new ();
  JsonArray *credentials = json_array_new ();
  JsonArray *domains = json_array_new ();
  JsonArray *zones = json_array_new ();
  g_autoptr (GPtrArray) zone_names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  gpointer name;
  JsonNode *node;

  json_object_set_int_member (root, "version", STATE_VERSION);
  json_object_set_int_member (root, "nextRecordId", state->next_record_id);
  json_object_set_int_member (root, "nextTaskId", state->next_task_id);
  json_object_set_int_member (root, "nextCredentialId", state->next_credential_id);
  json_object_set_int_member (root, "nextApplicationId", state->next_application_id);

  g_hash_table_iter_init (&iter, state->applications);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const SandboxApplication *application = value;
      JsonObject *object = json_object_new ();

      json_object_set_int_member (object, "id", application->id);
      json_object_set_string_member (object, "key", application->key);
      json_object_set_string_member (object, "secret", application->secret);
      json_object_set_string_member (object, "name", application->name);
      json_object_set_string_member (object, "description", application->description);
      json_array_add_object_element (applications, object);
    }

  g_hash_table_iter_init (&iter, state->credentials);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const SandboxCredential *credential = value;
      JsonObject *object = json_object_new ();
      JsonArray *rules = json_array_new ();

      for (guint i = 0; i < credential->rules->len; i++)
        {
          const SandboxRule *rule = g_ptr_array_index (credential->rules, i);
          JsonObject *rule_object = json_object_new ();

          json_object_set_string_member (rule_object, "method", rule->method);
          json_object_set_string_member (rule_object, "path", rule->path);
          json_array_add_object_element (rules, rule_object);
        }

      json_object_set_int_member (object, "id", credential->id);
      json_object_set_int_member (object, "applicationId", credential->application_id);
      json_object_set_string_member (object, "consumerKey", credential->consumer_key);
      json_object_set_string_member (object, "token", credential->token);
      json_object_set_string_member (object, "status", credential->status);
      json_object_set_array_member (object, "rules", rules);
      json_object_set_string_member (object, "redirection", credential->redirection);
      if (credential->allowed_ips != NULL)
        json_object_set_array_member (object, "allowedIPs", strv_to_json (credential->allowed_ips));
      json_object_set_int_member (object, "creation", credential->creation);
      json_object_set_int_member (object, "expiration", credential->expiration);
      json_object_set_int_member (object, "lastUse", credential->last_use);
      json_array_add_object_element (credentials, object);
    }

  for (guint i = 0; i < state->domains->len; i++)
    {
      const SandboxDomain *domain = g_ptr_array_index (state->domains, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", domain->name);
      json_object_set_string_member (object, "nameServerType", domain->name_server_type);
      json_object_set_array_member (object, "nameServers", strv_to_json (domain->name_servers));
      if (domain->name_server_ips != NULL)
        json_object_set_array_member (object, "nameServerIps",
                                      strv_to_json (domain->name_server_ips));
      json_object_set_int_member (object, "creation", domain->creation);
      json_object_set_int_member (object, "expiration", domain->expiration);
      json_object_set_boolean_member (object, "manualRenewal", domain->manual_renewal);
      json_array_add_object_element (domains, object);
    }

  g_hash_table_iter_init (&iter, state->zones);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (zone_names, name);
  g_ptr_array_sort (zone_names, compare_names);
  for (guint i = 0; i < zone_names->len; i++)
    {
      const SandboxZone *zone
          = g_hash_table_lookup (state->zones, g_ptr_array_index (zone_names, i));
      JsonObject *object = json_object_new ();
      JsonArray *records = json_array_sized_new (zone->records->len);
      JsonArray *history = json_array_new ();

      for (guint j = 0; j < zone->records->len; j++)
        {
          const SandboxRecord *record = g_ptr_array_index (zone->records, j);
          JsonObject *record_object = json_object_new ();

          json_object_set_int_member (record_object, "id", record->id);
          json_object_set_string_member (record_object, "subDomain", record->sub_domain);
          json_object_set_string_member (record_object, "fieldType", record->field_type);
          json_object_set_string_member (record_object, "target", record->target);
          json_object_set_int_member (record_object, "ttl", record->ttl);
          json_array_add_object_element (records, record_object);
        }
      for (guint j = 0; j < zone->history->len; j++)
        {
          const SandboxHistoryEntry *entry = g_ptr_array_index (zone->history, j);
          JsonObject *entry_object = json_object_new ();

          json_object_set_string_member (entry_object, "date", entry->date);
          json_object_set_string_member (entry_object, "zoneFile", entry->zone_file);
          json_array_add_object_element (history, entry_object);
        }

      json_object_set_string_member (object, "name", zone->name);
      json_object_set_int_member (object, "serial", zone->serial);
      json_object_set_boolean_member (object, "deployed", zone->deployed);
      json_object_set_boolean_member (object, "dnssec", zone->dnssec);
      json_object_set_int_member (object, "lastUpdate", zone->last_update);
      json_object_set_array_member (object, "records", records);
      json_object_set_array_member (object, "history", history);
      sandbox_soa_serialize (zone, object);
      json_array_add_object_element (zones, object);
    }

  json_object_set_array_member (root, "applications", applications);
  json_object_set_array_member (root, "credentials", credentials);
  json_object_set_array_member (root, "domains", domains);
  json_object_set_array_member (root, "zones", zones);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

/* Lenient readers: a missing or mistyped member reads as empty, the checks below decide. */
static const char *
get_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static JsonArray *
get_array (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static char **
get_strv (JsonObject *object, const char *name)
{
  JsonArray *array = get_array (object, name);
  GStrvBuilder *builder;
  char **strv;

  if (array == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_STRING)
      g_strv_builder_add (builder, json_array_get_string_element (array, i));
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return strv;
}

static JsonObject *
element_object (JsonArray *array, guint index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Invalid sandbox state: %s", what);
  return FALSE;
}

gboolean
sandbox_state_deserialize (JsonNode *root, SandboxState *state, GError **error)
{
  JsonObject *object;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (error, "not an object");
  object = json_node_get_object (root);
  if (get_int (object, "version") != STATE_VERSION)
    return invalid (error, "unknown version");

  state->next_record_id = get_int (object, "nextRecordId");
  state->next_task_id = get_int (object, "nextTaskId");
  state->next_credential_id = get_int (object, "nextCredentialId");
  state->next_application_id = get_int (object, "nextApplicationId");

  array = get_array (object, "applications");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = element_object (array, i);
      SandboxApplication *application;

      if (item == NULL || get_string (item, "key") == NULL || get_string (item, "secret") == NULL)
        return invalid (error, "application");
      application = g_new0 (SandboxApplication, 1);
      application->id = get_int (item, "id");
      application->key = g_strdup (get_string (item, "key"));
      application->secret = g_strdup (get_string (item, "secret"));
      application->name = g_strdup (get_string (item, "name") ?: application->key);
      application->description = g_strdup (get_string (item, "description") ?: "");
      g_hash_table_replace (state->applications, application->key, application);
    }

  array = get_array (object, "credentials");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = element_object (array, i);
      SandboxCredential *credential;
      JsonArray *rules;

      if (item == NULL || get_string (item, "consumerKey") == NULL
          || get_string (item, "token") == NULL || get_string (item, "status") == NULL)
        return invalid (error, "credential");
      credential = g_new0 (SandboxCredential, 1);
      credential->id = get_int (item, "id");
      credential->application_id = get_int (item, "applicationId");
      credential->consumer_key = g_strdup (get_string (item, "consumerKey"));
      credential->token = g_strdup (get_string (item, "token"));
      credential->status = g_strdup (get_string (item, "status"));
      credential->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);
      credential->redirection = g_strdup (get_string (item, "redirection"));
      credential->allowed_ips = get_strv (item, "allowedIPs");
      credential->creation = get_int (item, "creation");
      credential->expiration = get_int (item, "expiration");
      credential->last_use = get_int (item, "lastUse");
      g_queue_init (&credential->recent_calls);
      g_hash_table_replace (state->credentials, credential->consumer_key, credential);

      rules = get_array (item, "rules");
      for (guint j = 0; rules != NULL && j < json_array_get_length (rules); j++)
        {
          JsonObject *rule = element_object (rules, j);

          if (rule == NULL || get_string (rule, "method") == NULL
              || get_string (rule, "path") == NULL)
            return invalid (error, "access rule");
          g_ptr_array_add (credential->rules, sandbox_rule_new (get_string (rule, "method"),
                                                                get_string (rule, "path")));
        }
    }

  array = get_array (object, "domains");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = element_object (array, i);
      SandboxDomain *domain;

      if (item == NULL || get_string (item, "name") == NULL)
        return invalid (error, "domain");
      domain = g_new0 (SandboxDomain, 1);
      domain->name = g_strdup (get_string (item, "name"));
      domain->name_server_type = g_strdup (get_string (item, "nameServerType") ?: "hosted");
      domain->name_servers = get_strv (item, "nameServers") ?: g_new0 (char *, 1);
      domain->name_server_ips = get_strv (item, "nameServerIps");
      if (domain->name_server_ips != NULL
          && g_strv_length (domain->name_server_ips) != g_strv_length (domain->name_servers))
        g_clear_pointer (&domain->name_server_ips, g_strfreev);
      domain->creation = get_int (item, "creation");
      domain->expiration = get_int (item, "expiration");
      domain->manual_renewal
          = json_object_get_boolean_member_with_default (item, "manualRenewal", FALSE);
      g_ptr_array_add (state->domains, domain);
    }

  array = get_array (object, "zones");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = element_object (array, i);
      JsonArray *records;
      JsonArray *history;
      SandboxZone *zone;

      if (item == NULL || get_string (item, "name") == NULL)
        return invalid (error, "zone");
      zone = sandbox_zone_new (get_string (item, "name"));
      g_hash_table_replace (state->zones, zone->name, zone);
      zone->serial = (guint) get_int (item, "serial");
      zone->deployed = json_object_get_boolean_member_with_default (item, "deployed", TRUE);
      zone->dnssec = json_object_get_boolean_member_with_default (item, "dnssec", FALSE);
      zone->last_update = get_int (item, "lastUpdate");
      sandbox_soa_deserialize (zone, item);

      records = get_array (item, "records");
      for (guint j = 0; records != NULL && j < json_array_get_length (records); j++)
        {
          JsonObject *record = element_object (records, j);
          const char *field_type = record != NULL ? get_string (record, "fieldType") : NULL;

          gint64 id = record != NULL ? get_int (record, "id") : 0;

          if (record == NULL || !sandbox_record_type_is_valid (field_type)
              || get_string (record, "target") == NULL || id <= 0
              || g_hash_table_contains (zone->by_id, &id))
            return invalid (error, "record");
          state->next_record_id = MAX (state->next_record_id, id + 1);
          sandbox_zone_add_record (
              zone, sandbox_record_new (get_int (record, "id"), get_string (record, "subDomain"),
                                        field_type, get_string (record, "target"),
                                        (guint) get_int (record, "ttl")));
        }

      history = get_array (item, "history");
      for (guint j = 0; history != NULL && j < json_array_get_length (history); j++)
        {
          JsonObject *entry_object = element_object (history, j);
          SandboxHistoryEntry *entry;

          if (entry_object == NULL || get_string (entry_object, "date") == NULL
              || get_string (entry_object, "zoneFile") == NULL)
            return invalid (error, "history");
          entry = g_new0 (SandboxHistoryEntry, 1);
          entry->date = g_strdup (get_string (entry_object, "date"));
          entry->zone_file = g_strdup (get_string (entry_object, "zoneFile"));
          g_ptr_array_add (zone->history, entry);
        }
    }

  if (state->next_record_id <= 0 || state->next_task_id <= 0 || state->next_credential_id <= 0
      || state->next_application_id <= 0)
    return invalid (error, "counters");

  return TRUE;
}

/* The public calls ---------------------------------------------------------------------------- */

gboolean
ovh_sandbox_save_state (OvhSandbox *self, const char *path, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  SandboxState state;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  state = (SandboxState){
    self->applications,
    self->credentials,
    self->zones,
    self->domains,
    self->next_record_id,
    self->next_task_id,
    self->next_credential_id,
    self->next_application_id,
  };
  root = sandbox_state_serialize (&state);
  g_mutex_unlock (&self->mutex);

  text = json_to_string (root, TRUE);
  /* It holds the sandbox's keys: owner only. */
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
ovh_sandbox_load_state (OvhSandbox *self, const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  SandboxState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    return FALSE;

  state.applications = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) sandbox_application_free);
  state.credentials = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) sandbox_credential_free);
  state.zones
      = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) sandbox_zone_free);
  state.domains = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_domain_free);

  ok = sandbox_state_deserialize (json_parser_get_root (parser), &state, error);
  if (ok)
    {
      g_mutex_lock (&self->mutex);
      g_hash_table_unref (self->applications);
      g_hash_table_unref (self->credentials);
      g_hash_table_unref (self->zones);
      g_ptr_array_unref (self->domains);
      self->applications = g_steal_pointer (&state.applications);
      self->credentials = g_steal_pointer (&state.credentials);
      self->zones = g_steal_pointer (&state.zones);
      self->domains = g_steal_pointer (&state.domains);
      self->next_record_id = state.next_record_id;
      self->next_task_id = state.next_task_id;
      self->next_credential_id = state.next_credential_id;
      self->next_application_id = state.next_application_id;
      g_mutex_unlock (&self->mutex);
    }

  g_clear_pointer (&state.applications, g_hash_table_unref);
  g_clear_pointer (&state.credentials, g_hash_table_unref);
  g_clear_pointer (&state.zones, g_hash_table_unref);
  g_clear_pointer (&state.domains, g_ptr_array_unref);

  return ok;
}
