/* ovh-sandbox-model.c: the sandbox's records, zones, applications and credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>

#include "ovh-sandbox-private.h"

const char *const sandbox_record_types[] = {
  "A",     "AAAA", "CAA", "CNAME", "DKIM", "DMARC", "DNAME", "LOC", "MX",
  "NAPTR", "NS",   "PTR", "SPF",   "SRV",  "SSHFP", "TLSA",  "TXT", NULL,
};

gboolean
sandbox_record_type_is_valid (const char *field_type)
{
  return field_type != NULL && g_strv_contains (sandbox_record_types, field_type);
}

SandboxRecord *
sandbox_record_new (
    gint64 id, const char *sub_domain, const char *field_type, const char *target, guint ttl)
{
  SandboxRecord *record = g_new0 (SandboxRecord, 1);

  record->id = id;
  record->sub_domain = g_strdup (sub_domain != NULL ? sub_domain : "");
  record->field_type = g_strdup (field_type);
  record->target = g_strdup (target);
  record->ttl = ttl;

  return record;
}

SandboxRecord *
sandbox_record_copy (const SandboxRecord *record)
{
  return sandbox_record_new (record->id, record->sub_domain, record->field_type, record->target,
                             record->ttl);
}

void
sandbox_record_free (SandboxRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->sub_domain);
  g_free (record->field_type);
  g_free (record->target);
  g_free (record);
}

void
sandbox_history_entry_free (SandboxHistoryEntry *entry)
{
  g_free (entry->date);
  g_free (entry->zone_file);
  g_free (entry);
}

void
sandbox_task_free (SandboxTask *task)
{
  g_free (task->function);
  g_free (task->status);
  g_free (task->comment);
  g_clear_pointer (&task->pending_records, g_ptr_array_unref);
  g_free (task);
}

SandboxZone *
sandbox_zone_new (const char *name)
{
  SandboxZone *zone = g_new0 (SandboxZone, 1);

  zone->name = g_strdup (name);
  zone->records = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_record_free);
  zone->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  zone->history = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_history_entry_free);
  zone->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_task_free);
  zone->dynhost_records = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_record_free);
  zone->dynhost_logins
      = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_dynhost_login_free);
  zone->redirections = g_ptr_array_new_with_free_func ((GDestroyNotify) sandbox_redirection_free);
  zone->deployed = TRUE;
  sandbox_soa_init (zone);

  return zone;
}

void
sandbox_zone_free (SandboxZone *zone)
{
  g_free (zone->name);
  g_hash_table_unref (zone->by_id);
  g_ptr_array_unref (zone->records);
  g_ptr_array_unref (zone->history);
  g_ptr_array_unref (zone->tasks);
  g_free (zone->soa_email);
  g_ptr_array_unref (zone->dynhost_records);
  g_ptr_array_unref (zone->dynhost_logins);
  g_ptr_array_unref (zone->redirections);
  g_free (zone);
}

void
sandbox_zone_add_record (SandboxZone *zone, SandboxRecord *record)
{
  g_ptr_array_add (zone->records, record);
  g_hash_table_insert (zone->by_id, &record->id, record);
}

gboolean
sandbox_zone_remove_record (SandboxZone *zone, gint64 id)
{
  SandboxRecord *record = g_hash_table_lookup (zone->by_id, &id);

  if (record == NULL)
    return FALSE;

  g_hash_table_remove (zone->by_id, &id);
  g_ptr_array_remove (zone->records, record);

  return TRUE;
}

/* Takes the records out of `records` (which keeps no free function afterwards). */
void
sandbox_zone_replace_records (SandboxZone *zone, GPtrArray *records)
{
  g_hash_table_remove_all (zone->by_id);
  g_ptr_array_set_size (zone->records, 0);

  for (guint i = 0; i < records->len; i++)
    {
      SandboxRecord *record = g_ptr_array_index (records, i);

      /* The zone file shows DynHost records as A records: they stay DynHost records. */
      if (sandbox_dynhost_serves (zone, record))
        sandbox_record_free (record);
      else
        sandbox_zone_add_record (zone, record);
    }

  g_ptr_array_set_free_func (records, NULL);
  g_ptr_array_set_size (records, 0);
}

void
sandbox_domain_free (SandboxDomain *domain)
{
  g_free (domain->name);
  g_free (domain->name_server_type);
  g_strfreev (domain->name_servers);
  g_strfreev (domain->name_server_ips);
  g_clear_pointer (&domain->tasks, g_ptr_array_unref);
  g_free (domain);
}

void
sandbox_application_free (SandboxApplication *application)
{
  g_free (application->key);
  g_free (application->secret);
  g_free (application->name);
  g_free (application->description);
  g_free (application);
}

SandboxRule *
sandbox_rule_new (const char *method, const char *path)
{
  SandboxRule *rule = g_new0 (SandboxRule, 1);

  rule->method = g_strdup (method);
  rule->path = g_strdup (path);

  return rule;
}

void
sandbox_rule_free (SandboxRule *rule)
{
  g_free (rule->method);
  g_free (rule->path);
  g_free (rule);
}

void
sandbox_credential_free (SandboxCredential *credential)
{
  g_free (credential->consumer_key);
  g_free (credential->token);
  g_free (credential->status);
  g_ptr_array_unref (credential->rules);
  g_free (credential->redirection);
  g_strfreev (credential->allowed_ips);
  g_queue_clear_full (&credential->recent_calls, g_free);
  g_free (credential);
}

char *
sandbox_random_token (guint length)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree guint8 *bytes = g_malloc (length);
  char *token = g_malloc (length + 1);

  if (gnutls_rnd (GNUTLS_RND_KEY, bytes, length) != 0)
    {
      for (guint i = 0; i < length; i++)
        bytes[i] = (guint8) g_random_int ();
    }

  /* 62 letters: the modulo bias does not matter for a sandbox's tokens. */
  for (guint i = 0; i < length; i++)
    token[i] = alphabet[bytes[i] % (sizeof alphabet - 1)];
  token[length] = '\0';

  return token;
}
