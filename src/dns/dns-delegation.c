/* dns-delegation.c: is the zone at OVH the one the world sees?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dns-delegation.h"

#define MAX_PARENT_SERVERS 3

void
dns_delegation_free (DnsDelegation *delegation)
{
  if (delegation == NULL)
    return;
  g_strfreev (delegation->registry);
  g_strfreev (delegation->zone);
  g_strfreev (delegation->parent);
  g_free (delegation->parent_server);
  g_free (delegation->message);
  g_free (delegation);
}

const char *
dns_delegation_verdict_to_string (DnsDelegationVerdict verdict)
{
  switch (verdict)
    {
    case DNS_DELEGATION_OK:
      return "ok";
    case DNS_DELEGATION_REGISTRY_DIFFERS:
      return "registry-differs";
    case DNS_DELEGATION_PARENT_DIFFERS:
      return "parent-differs";
    case DNS_DELEGATION_UNKNOWN:
    default:
      return "unknown";
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Lowercase, without final dots, sorted, without duplicates. */
static GStrv
normalize (const char *const *names)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      char *name = g_ascii_strdown (names[i], -1);
      gsize len = strlen (name);

      if (len > 1 && name[len - 1] == '.')
        name[len - 1] = '\0';
      g_ptr_array_add (list, name);
    }
  g_ptr_array_sort (list, compare_strings);
  for (guint i = 1; i < list->len;)
    if (strcmp (list->pdata[i], list->pdata[i - 1]) == 0)
      g_ptr_array_remove_index (list, i);
    else
      i++;
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

static char *
join (GStrv names)
{
  return g_strjoinv (", ", names);
}

/* The NS set the parent zone's servers give for domain, or NULL. */
static GStrv
ask_parent (
    DnsClient *client, const char *domain, char **server_out, GCancellable *cancellable, char **why)
{
  const char *parent = strchr (domain, '.');
  g_autoptr (DnsAnswer) parent_ns = NULL;
  g_autoptr (GError) error = NULL;

  if (parent == NULL || parent[1] == '\0')
    {
      *why = g_strdup (_ ("a top-level domain has no parent zone to ask"));
      return NULL;
    }
  parent++;
  parent_ns = dns_client_resolve_sync (client, parent, DNS_TYPE_NS, cancellable, &error);
  if (parent_ns == NULL || parent_ns->answers->len == 0)
    {
      *why = error != NULL ? g_strdup (error->message)
                           : g_strdup_printf (_ ("no name servers found for %s"), parent);
      return NULL;
    }

  for (guint i = 0; i < MIN (parent_ns->answers->len, MAX_PARENT_SERVERS); i++)
    {
      const char *server = parent_ns->answers->pdata[i];
      g_autoptr (DnsAnswer) answer = NULL;
      GPtrArray *names;

      g_clear_error (&error);
      answer
          = dns_client_query_sync (client, server, domain, DNS_TYPE_NS, FALSE, cancellable, &error);
      if (answer == NULL || answer->rcode != DNS_RCODE_NOERROR)
        continue;
      /* A referral (authority section), or the answer of a server that also hosts the zone. */
      names = answer->referral->len > 0 ? answer->referral : answer->answers;
      if (names->len == 0)
        continue;
      g_ptr_array_add (names, NULL);
      *server_out = g_strdup (server);
      return normalize ((const char *const *) names->pdata);
    }
  *why = error != NULL
             ? g_strdup (error->message)
             : g_strdup_printf (_ ("the servers of %s do not delegate %s"), parent, domain);
  return NULL;
}

DnsDelegation *
dns_delegation_check_sync (DnsClient *client,
                           const char *domain,
                           const char *const *registry,
                           const char *const *zone_name_servers,
                           GCancellable *cancellable)
{
  DnsDelegation *result = g_new0 (DnsDelegation, 1);
  g_autofree char *why = NULL;
  g_autofree char *parent_server = NULL;

  result->registry = registry != NULL ? normalize (registry) : NULL;
  result->zone = normalize (zone_name_servers);
  result->parent = ask_parent (client, domain, &parent_server, cancellable, &why);
  result->parent_server = g_steal_pointer (&parent_server);

  if (result->registry != NULL
      && !g_strv_equal ((const char *const *) result->registry, (const char *const *) result->zone))
    {
      g_autofree char *names = join (result->registry);

      result->verdict = DNS_DELEGATION_REGISTRY_DIFFERS;
      result->message = g_strdup_printf (
          _ ("This domain uses other name servers (%s): changes here are not served"), names);
    }
  else if (result->parent == NULL)
    {
      result->verdict = DNS_DELEGATION_UNKNOWN;
      result->message
          = g_strdup_printf (_ ("Which name servers the world uses cannot be checked: %s"), why);
    }
  else if (!g_strv_equal ((const char *const *) result->parent, (const char *const *) result->zone))
    {
      g_autofree char *names = join (result->parent);

      result->verdict = DNS_DELEGATION_PARENT_DIFFERS;
      result->message
          = g_strdup_printf (_ ("The world sees other name servers for this domain (%s): changes "
                                "here are not served"),
                             names);
    }
  else
    {
      result->verdict = DNS_DELEGATION_OK;
      result->message = g_strdup (_ ("The world sees this zone: the domain is delegated to its "
                                     "name servers"));
    }
  return result;
}

typedef struct
{
  char *domain;
  GStrv registry;
  GStrv zone;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_free (check->domain);
  g_strfreev (check->registry);
  g_strfreev (check->zone);
  g_free (check);
}

static void
check_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CheckData *check = data;
  DnsDelegation *result
      = dns_delegation_check_sync (source, check->domain, (const char *const *) check->registry,
                                   (const char *const *) check->zone, cancellable);

  if (g_task_return_error_if_cancelled (task))
    dns_delegation_free (result);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) dns_delegation_free);
}

void
dns_delegation_check_async (DnsClient *client,
                            const char *domain,
                            const char *const *registry,
                            const char *const *zone_name_servers,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (client, cancellable, callback, user_data);
  CheckData *check = g_new0 (CheckData, 1);

  check->domain = g_strdup (domain);
  check->registry = registry != NULL ? g_strdupv ((char **) registry) : NULL;
  check->zone = g_strdupv ((char **) zone_name_servers);
  g_task_set_source_tag (task, dns_delegation_check_async);
  g_task_set_task_data (task, check, check_data_free);
  g_task_run_in_thread (task, check_thread);
}

DnsDelegation *
dns_delegation_check_finish (GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
