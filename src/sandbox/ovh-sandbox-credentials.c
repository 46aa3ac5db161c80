/* ovh-sandbox-credentials.c: applications and consumer keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox's store of applications and credentials, their JSON, and the public calls a
 * test or the back office uses to create, validate, refuse or expire them.
 */
#include "config.h"

#include "ovh-sandbox-private.h"

SandboxApplication *
sandbox_find_application_by_id (OvhSandbox *self, gint64 id)
{
  GHashTableIter iter;
  SandboxApplication *application;

  g_hash_table_iter_init (&iter, self->applications);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &application))
    if (application->id == id)
      return application;

  return NULL;
}

SandboxCredential *
sandbox_find_credential_by_id (OvhSandbox *self, gint64 id)
{
  GHashTableIter iter;
  SandboxCredential *credential;

  g_hash_table_iter_init (&iter, self->credentials);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
    if (credential->id == id)
      return credential;

  return NULL;
}

SandboxCredential *
sandbox_find_credential_by_token (OvhSandbox *self, const char *token)
{
  GHashTableIter iter;
  SandboxCredential *credential;

  if (token == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, self->credentials);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
    if (g_str_equal (credential->token, token))
      return credential;

  return NULL;
}

/* An expiry date that passed turns a validated credential into an expired one. */
void
sandbox_credential_update_expiry (OvhSandbox *self, SandboxCredential *credential)
{
  if (g_str_equal (credential->status, "validated") && credential->expiration != 0
      && sandbox_now (self) >= credential->expiration)
    {
      g_free (credential->status);
      credential->status = g_strdup ("expired");
    }
}

JsonArray *
sandbox_rules_to_json (GPtrArray *rules)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < rules->len; i++)
    {
      const SandboxRule *rule = g_ptr_array_index (rules, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "method", rule->method);
      json_object_set_string_member (object, "path", rule->path);
      json_array_add_object_element (array, object);
    }

  return array;
}

JsonNode *
sandbox_credential_to_json (const SandboxCredential *credential)
{
  JsonObject *object = json_object_new ();

  if (credential->allowed_ips != NULL)
    {
      JsonArray *ips = json_array_new ();

      for (guint i = 0; credential->allowed_ips[i] != NULL; i++)
        json_array_add_string_element (ips, credential->allowed_ips[i]);
      json_object_set_array_member (object, "allowedIPs", ips);
    }
  else
    json_object_set_null_member (object, "allowedIPs");
  json_object_set_int_member (object, "applicationId", credential->application_id);
  sandbox_set_date_or_null (object, "creation", credential->creation);
  json_object_set_int_member (object, "credentialId", credential->id);
  sandbox_set_date_or_null (object, "expiration", credential->expiration);
  sandbox_set_date_or_null (object, "lastUse", credential->last_use);
  json_object_set_boolean_member (object, "ovhSupport", FALSE);
  json_object_set_array_member (object, "rules", sandbox_rules_to_json (credential->rules));
  json_object_set_string_member (object, "status", credential->status);

  return sandbox_node_for_object (object);
}

JsonNode *
sandbox_application_to_json (const SandboxApplication *application)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "applicationId", application->id);
  json_object_set_string_member (object, "applicationKey", application->key);
  json_object_set_string_member (object, "name", application->name);
  json_object_set_string_member (object, "description", application->description);
  json_object_set_string_member (object, "status", "active");

  return sandbox_node_for_object (object);
}

SandboxApplication *
sandbox_add_application_locked (OvhSandbox *self,
                                const char *key,
                                const char *secret,
                                const char *name,
                                const char *description)
{
  SandboxApplication *application = g_new0 (SandboxApplication, 1);

  application->id = self->next_application_id++;
  application->key = g_strdup (key);
  application->secret = g_strdup (secret);
  application->name = g_strdup (name);
  application->description = g_strdup (description != NULL ? description : "");
  g_hash_table_replace (self->applications, application->key, application);

  return application;
}

SandboxCredential *
sandbox_add_credential_locked (OvhSandbox *self,
                               SandboxApplication *application,
                               const char *consumer_key,
                               GPtrArray *rules,
                               guint validity_seconds)
{
  SandboxCredential *credential = g_new0 (SandboxCredential, 1);

  credential->id = self->next_credential_id++;
  credential->application_id = application->id;
  credential->consumer_key = g_strdup (consumer_key);
  credential->token = sandbox_random_token (64);
  credential->status = g_strdup ("validated");
  credential->rules = rules;
  credential->creation = sandbox_now (self);
  credential->expiration = validity_seconds > 0 ? credential->creation + validity_seconds : 0;
  g_queue_init (&credential->recent_calls);
  g_hash_table_replace (self->credentials, credential->consumer_key, credential);

  return credential;
}

GPtrArray *
sandbox_all_rights (void)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);

  g_ptr_array_add (rules, sandbox_rule_new ("GET", "/*"));
  g_ptr_array_add (rules, sandbox_rule_new ("POST", "/*"));
  g_ptr_array_add (rules, sandbox_rule_new ("PUT", "/*"));
  g_ptr_array_add (rules, sandbox_rule_new ("DELETE", "/*"));

  return rules;
}

void
ovh_sandbox_add_application (OvhSandbox *self,
                             const char *application_key,
                             const char *application_secret,
                             const char *name)
{
  g_return_if_fail (OVH_IS_SANDBOX (self));
  g_return_if_fail (application_key != NULL && application_secret != NULL);

  g_mutex_lock (&self->mutex);
  sandbox_add_application_locked (self, application_key, application_secret,
                                  name != NULL ? name : application_key, NULL);
  g_mutex_unlock (&self->mutex);
}

char *
ovh_sandbox_create_credential (OvhSandbox *self,
                               const char *application_key,
                               const char *const *rules,
                               guint validity_seconds)
{
  SandboxApplication *application;
  GPtrArray *rule_array;
  char *consumer_key;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  if (rules == NULL)
    rule_array = sandbox_all_rights ();
  else
    {
      rule_array = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_rule_free);
      for (guint i = 0; rules[i] != NULL; i++)
        {
          g_auto (GStrv) parts = g_strsplit (rules[i], " ", 2);

          g_return_val_if_fail (parts[0] != NULL && parts[1] != NULL, NULL);
          g_ptr_array_add (rule_array, sandbox_rule_new (parts[0], parts[1]));
        }
    }

  g_mutex_lock (&self->mutex);
  application = g_hash_table_lookup (
      self->applications, application_key != NULL ? application_key : OVH_SANDBOX_APPLICATION_KEY);
  if (application == NULL)
    {
      g_mutex_unlock (&self->mutex);
      g_ptr_array_unref (rule_array);
      return NULL;
    }
  consumer_key = sandbox_random_token (32);
  sandbox_add_credential_locked (self, application, consumer_key, rule_array, validity_seconds);
  g_mutex_unlock (&self->mutex);

  return consumer_key;
}

static gboolean
set_credential_status (OvhSandbox *self,
                       const char *consumer_key,
                       const char *status,
                       gint64 expiration,
                       gboolean set_expiration)
{
  SandboxCredential *credential;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (consumer_key != NULL, FALSE);

  g_mutex_lock (&self->mutex);
  credential = g_hash_table_lookup (self->credentials, consumer_key);
  if (credential != NULL)
    {
      g_free (credential->status);
      credential->status = g_strdup (status);
      if (set_expiration)
        credential->expiration = expiration;
    }
  g_mutex_unlock (&self->mutex);

  return credential != NULL;
}

gboolean
ovh_sandbox_validate_credential (OvhSandbox *self, const char *consumer_key, guint validity_seconds)
{
  gint64 expiration = validity_seconds > 0 ? sandbox_now (self) + validity_seconds : 0;

  return set_credential_status (self, consumer_key, "validated", expiration, TRUE);
}

gboolean
ovh_sandbox_refuse_credential (OvhSandbox *self, const char *consumer_key)
{
  return set_credential_status (self, consumer_key, "refused", 0, FALSE);
}

gboolean
ovh_sandbox_expire_credential (OvhSandbox *self, const char *consumer_key)
{
  return set_credential_status (self, consumer_key, "expired", sandbox_now (self), TRUE);
}

char *
ovh_sandbox_dup_consumer_key_for_token (OvhSandbox *self, const char *credential_token)
{
  SandboxCredential *credential;
  char *consumer_key;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  credential = sandbox_find_credential_by_token (self, credential_token);
  consumer_key = credential != NULL ? g_strdup (credential->consumer_key) : NULL;
  g_mutex_unlock (&self->mutex);

  return consumer_key;
}

char *
ovh_sandbox_dup_credential_status (OvhSandbox *self, const char *consumer_key)
{
  SandboxCredential *credential;
  char *status = NULL;

  g_return_val_if_fail (OVH_IS_SANDBOX (self), NULL);

  g_mutex_lock (&self->mutex);
  credential = consumer_key != NULL ? g_hash_table_lookup (self->credentials, consumer_key) : NULL;
  if (credential != NULL)
    {
      sandbox_credential_update_expiry (self, credential);
      status = g_strdup (credential->status);
    }
  g_mutex_unlock (&self->mutex);

  return status;
}
