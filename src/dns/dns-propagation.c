/* dns-propagation.c: does every authoritative server of a zone serve its new state yet?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dns-client-private.h"
#include "dns-propagation.h"

#define FIRST_INTERVAL_MS 200
#define MAX_INTERVAL_MS 3000

/* One record set the servers must serve exactly. Immutable once built. */
typedef struct
{
  char *name; /* absolute, lowercase, final dot */
  guint16 type;
  char *label;      /* "www.example.com A" */
  GPtrArray *rdata; /* sorted canonical texts; empty: must not exist */
} Expected;

static void
expected_free (gpointer data)
{
  Expected *expected = data;

  g_free (expected->name);
  g_free (expected->label);
  g_ptr_array_unref (expected->rdata);
  g_free (expected);
}

/* --- DnsServerStatus ------------------------------------------------------------------------ */

struct _DnsServerStatus
{
  GObject parent_instance;

  char *name;
  char *address;
  guint serial;
  gboolean in_sync;
  guint n_records;
  guint n_records_served;
  char *error;
  GStrv stale;
};

G_DEFINE_FINAL_TYPE (DnsServerStatus, dns_server_status, G_TYPE_OBJECT)

enum
{
  STATUS_PROP_0,
  STATUS_PROP_NAME,
  STATUS_PROP_ADDRESS,
  STATUS_PROP_SERIAL,
  STATUS_PROP_IN_SYNC,
  STATUS_PROP_N_RECORDS,
  STATUS_PROP_N_RECORDS_SERVED,
  STATUS_PROP_ERROR,
  STATUS_PROP_STALE,
  STATUS_N_PROPS
};

static GParamSpec *status_properties[STATUS_N_PROPS];

static void
dns_server_status_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DnsServerStatus *self = DNS_SERVER_STATUS (object);

  switch (prop_id)
    {
    case STATUS_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case STATUS_PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case STATUS_PROP_SERIAL:
      g_value_set_uint (value, self->serial);
      break;
    case STATUS_PROP_IN_SYNC:
      g_value_set_boolean (value, self->in_sync);
      break;
    case STATUS_PROP_N_RECORDS:
      g_value_set_uint (value, self->n_records);
      break;
    case STATUS_PROP_N_RECORDS_SERVED:
      g_value_set_uint (value, self->n_records_served);
      break;
    case STATUS_PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case STATUS_PROP_STALE:
      g_value_set_boxed (value, self->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dns_server_status_finalize (GObject *object)
{
  DnsServerStatus *self = DNS_SERVER_STATUS (object);

  g_free (self->name);
  g_free (self->address);
  g_free (self->error);
  g_strfreev (self->stale);
  G_OBJECT_CLASS (dns_server_status_parent_class)->finalize (object);
}

static void
dns_server_status_class_init (DnsServerStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dns_server_status_get_property;
  object_class->finalize = dns_server_status_finalize;

  status_properties[STATUS_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_SERIAL]
      = g_param_spec_uint ("serial", NULL, NULL, 0, G_MAXUINT32, 0, flags);
  status_properties[STATUS_PROP_IN_SYNC]
      = g_param_spec_boolean ("in-sync", NULL, NULL, FALSE, flags);
  status_properties[STATUS_PROP_N_RECORDS]
      = g_param_spec_uint ("n-records", NULL, NULL, 0, G_MAXUINT, 0, flags);
  status_properties[STATUS_PROP_N_RECORDS_SERVED]
      = g_param_spec_uint ("n-records-served", NULL, NULL, 0, G_MAXUINT, 0, flags);
  status_properties[STATUS_PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_STALE]
      = g_param_spec_boxed ("stale", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, STATUS_N_PROPS, status_properties);
}

static void
dns_server_status_init (DnsServerStatus *self)
{
}

const char *
dns_server_status_get_name (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), NULL);
  return self->name;
}

const char *
dns_server_status_get_address (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), NULL);
  return self->address;
}

guint
dns_server_status_get_serial (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), 0);
  return self->serial;
}

gboolean
dns_server_status_get_in_sync (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), FALSE);
  return self->in_sync;
}

guint
dns_server_status_get_n_records (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), 0);
  return self->n_records;
}

guint
dns_server_status_get_n_records_served (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), 0);
  return self->n_records_served;
}

const char *
dns_server_status_get_error (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), NULL);
  return self->error;
}

const char *const *
dns_server_status_get_stale (DnsServerStatus *self)
{
  g_return_val_if_fail (DNS_IS_SERVER_STATUS (self), NULL);
  return (const char *const *) self->stale;
}

/* What one pass learnt about one server, applied on the main thread. */
typedef struct
{
  char *address;
  guint serial;
  char *error;
  GPtrArray *stale;
  guint served;
  guint n_records;
  gboolean in_sync;
} ServerResult;

static void
server_result_free (gpointer data)
{
  ServerResult *result = data;

  g_free (result->address);
  g_free (result->error);
  g_ptr_array_unref (result->stale);
  g_free (result);
}

static void
status_apply (DnsServerStatus *self, ServerResult *result)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (g_strcmp0 (self->address, result->address) != 0)
    {
      g_free (self->address);
      self->address = g_strdup (result->address);
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_ADDRESS]);
    }
  if (self->serial != result->serial)
    {
      self->serial = result->serial;
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_SERIAL]);
    }
  if (g_strcmp0 (self->error, result->error) != 0)
    {
      g_free (self->error);
      self->error = g_strdup (result->error);
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_ERROR]);
    }
  if (self->n_records != result->n_records)
    {
      self->n_records = result->n_records;
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_N_RECORDS]);
    }
  if (self->n_records_served != result->served)
    {
      self->n_records_served = result->served;
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_N_RECORDS_SERVED]);
    }
  g_ptr_array_add (result->stale, NULL);
  if (self->stale == NULL
      || !g_strv_equal ((const char *const *) self->stale,
                        (const char *const *) result->stale->pdata))
    {
      g_strfreev (self->stale);
      self->stale = g_strdupv ((char **) result->stale->pdata);
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_STALE]);
    }
  g_ptr_array_remove_index (result->stale, result->stale->len - 1);
  if (self->in_sync != result->in_sync)
    {
      self->in_sync = result->in_sync;
      g_object_notify_by_pspec (object, status_properties[STATUS_PROP_IN_SYNC]);
    }
  g_object_thaw_notify (object);
}

/* --- DnsPropagation ------------------------------------------------------------------------- */

struct _DnsPropagation
{
  GObject parent_instance;

  DnsClient *client;
  char *zone;
  GListStore *servers;
  guint serial;
  GPtrArray *expected; /* Expected*, replaced (never changed) by expect_changes */
  guint n_in_sync;
  gboolean checking;
  guint passes;
};

G_DEFINE_FINAL_TYPE (DnsPropagation, dns_propagation, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ZONE,
  PROP_SERVERS,
  PROP_N_SERVERS,
  PROP_N_IN_SYNC,
  PROP_DONE,
  PROP_CHECKING,
  PROP_PASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dns_propagation_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DnsPropagation *self = DNS_PROPAGATION (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;
    case PROP_SERVERS:
      g_value_set_object (value, self->servers);
      break;
    case PROP_N_SERVERS:
      g_value_set_uint (value, dns_propagation_get_n_servers (self));
      break;
    case PROP_N_IN_SYNC:
      g_value_set_uint (value, self->n_in_sync);
      break;
    case PROP_DONE:
      g_value_set_boolean (value, dns_propagation_get_done (self));
      break;
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    case PROP_PASSES:
      g_value_set_uint (value, self->passes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dns_propagation_finalize (GObject *object)
{
  DnsPropagation *self = DNS_PROPAGATION (object);

  g_clear_object (&self->client);
  g_clear_object (&self->servers);
  g_clear_pointer (&self->expected, g_ptr_array_unref);
  g_free (self->zone);
  G_OBJECT_CLASS (dns_propagation_parent_class)->finalize (object);
}

static void
dns_propagation_class_init (DnsPropagationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = dns_propagation_get_property;
  object_class->finalize = dns_propagation_finalize;

  properties[PROP_ZONE] = g_param_spec_string ("zone", NULL, NULL, NULL, flags);
  properties[PROP_SERVERS] = g_param_spec_object ("servers", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_N_SERVERS] = g_param_spec_uint ("n-servers", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_IN_SYNC] = g_param_spec_uint ("n-in-sync", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  properties[PROP_CHECKING] = g_param_spec_boolean ("checking", NULL, NULL, FALSE, flags);
  properties[PROP_PASSES] = g_param_spec_uint ("passes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dns_propagation_init (DnsPropagation *self)
{
  self->servers = g_list_store_new (DNS_TYPE_SERVER_STATUS);
  self->expected = g_ptr_array_new_with_free_func (expected_free);
}

DnsPropagation *
dns_propagation_new (DnsClient *client, const char *zone, const char *const *name_servers)
{
  DnsPropagation *self;

  g_return_val_if_fail (DNS_IS_CLIENT (client), NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  self = g_object_new (DNS_TYPE_PROPAGATION, NULL);
  self->client = g_object_ref (client);
  self->zone = g_strdup (zone);
  for (guint i = 0; name_servers != NULL && name_servers[i] != NULL; i++)
    {
      g_autoptr (DnsServerStatus) status = g_object_new (DNS_TYPE_SERVER_STATUS, NULL);

      status->name = g_strdup (name_servers[i]);
      g_list_store_append (self->servers, status);
    }
  return self;
}

const char *
dns_propagation_get_zone (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), NULL);
  return self->zone;
}

GListModel *
dns_propagation_get_servers (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), NULL);
  return G_LIST_MODEL (self->servers);
}

guint
dns_propagation_get_n_servers (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->servers));
}

guint
dns_propagation_get_n_in_sync (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), 0);
  return self->n_in_sync;
}

gboolean
dns_propagation_get_done (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), FALSE);
  return self->passes > 0 && self->n_in_sync == dns_propagation_get_n_servers (self);
}

gboolean
dns_propagation_get_checking (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), FALSE);
  return self->checking;
}

guint
dns_propagation_get_passes (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), 0);
  return self->passes;
}

void
dns_propagation_set_serial (DnsPropagation *self, guint serial)
{
  g_return_if_fail (DNS_IS_PROPAGATION (self));
  self->serial = serial;
}

guint
dns_propagation_get_serial (DnsPropagation *self)
{
  g_return_val_if_fail (DNS_IS_PROPAGATION (self), 0);
  return self->serial;
}

/* --- Expected record sets ------------------------------------------------------------------- */

static gboolean
is_text_type (guint16 type)
{
  return type == LDNS_RR_TYPE_TXT;
}

static char *
canonical (guint16 type, const char *rdata)
{
  return is_text_type (type) ? g_strdup (rdata) : g_ascii_strdown (rdata, -1);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* A record as the name servers give it back: owner, type and rdata through ldns. */
static gboolean
record_rr (const char *zone, OvhRecord *record, char **name, guint16 *type, char **rdata)
{
  g_autofree char *line = ovh_record_format_zone_line (record);
  g_autofree char *origin_text = g_strconcat (zone, ".", NULL);
  ldns_rdf *origin = ldns_dname_new_frm_str (origin_text);
  ldns_rr *rr = NULL;
  gboolean ok;

  ok = origin != NULL && line != NULL
       && ldns_rr_new_frm_str (&rr, line, 3600, origin, NULL) == LDNS_STATUS_OK;
  if (ok)
    {
      char *owner = ldns_rdf2str (ldns_rr_owner (rr));

      *name = g_ascii_strdown (owner, -1);
      free (owner);
      *type = ldns_rr_get_type (rr);
      *rdata = _dns_rr_rdata_text (rr);
    }
  if (rr != NULL)
    ldns_rr_free (rr);
  if (origin != NULL)
    ldns_rdf_deep_free (origin);
  return ok;
}

void
dns_propagation_expect_changes (DnsPropagation *self, GPtrArray *records, GPtrArray *changed)
{
  g_autoptr (GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *expected = g_ptr_array_new_with_free_func (expected_free);

  g_return_if_fail (DNS_IS_PROPAGATION (self));

  /* The record sets the changes touched, each once. */
  for (guint i = 0; i < changed->len; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *rdata = NULL;
      g_autofree char *key = NULL;
      guint16 type;
      Expected *set;

      if (!record_rr (self->zone, changed->pdata[i], &name, &type, &rdata))
        continue;
      key = g_strdup_printf ("%s\t%u", name, type);
      if (g_hash_table_contains (sets, key))
        continue;
      set = g_new0 (Expected, 1);
      set->name = g_steal_pointer (&name);
      set->type = type;
      set->label = g_strdup_printf ("%.*s %s", (int) strlen (set->name) - 1, set->name,
                                    ovh_record_get_field_type (changed->pdata[i]));
      set->rdata = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (expected, set);
      g_hash_table_insert (sets, g_steal_pointer (&key), set);
    }

  /* What each set holds once published. */
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *rdata = NULL;
      g_autofree char *key = NULL;
      guint16 type;
      Expected *set;

      if (!record_rr (self->zone, records->pdata[i], &name, &type, &rdata))
        continue;
      key = g_strdup_printf ("%s\t%u", name, type);
      if ((set = g_hash_table_lookup (sets, key)) != NULL)
        g_ptr_array_add (set->rdata, canonical (type, rdata));
    }

  for (guint i = 0; i < expected->len; i++)
    g_ptr_array_sort (((Expected *) expected->pdata[i])->rdata, compare_strings);

  g_ptr_array_unref (self->expected);
  self->expected = expected;
}

/* --- One pass ------------------------------------------------------------------------------ */

typedef struct
{
  DnsClient *client;
  char *zone;
  GStrv servers;
  GPtrArray *expected;
  guint serial;
} Pass;

static void
pass_free (gpointer data)
{
  Pass *pass = data;

  g_object_unref (pass->client);
  g_free (pass->zone);
  g_strfreev (pass->servers);
  g_ptr_array_unref (pass->expected);
  g_free (pass);
}

static gboolean
serves_expected (DnsAnswer *answer, Expected *expected)
{
  g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func (g_free);

  if (answer->rcode != DNS_RCODE_NOERROR && answer->rcode != DNS_RCODE_NXDOMAIN)
    return FALSE;
  for (guint i = 0; i < answer->answers->len; i++)
    g_ptr_array_add (got, canonical (expected->type, answer->answers->pdata[i]));
  if (got->len != expected->rdata->len)
    return FALSE;
  g_ptr_array_sort (got, compare_strings);
  for (guint i = 0; i < got->len; i++)
    if (strcmp (got->pdata[i], expected->rdata->pdata[i]) != 0)
      return FALSE;
  return TRUE;
}

static ServerResult *
check_server (Pass *pass, const char *server, GCancellable *cancellable)
{
  ServerResult *result = g_new0 (ServerResult, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (DnsAnswer) soa = NULL;

  result->stale = g_ptr_array_new_with_free_func (g_free);
  result->n_records = pass->expected->len;
  soa = dns_client_query_sync (pass->client, server, pass->zone, DNS_TYPE_SOA, FALSE, cancellable,
                               &error);
  if (soa == NULL)
    {
      result->error = g_strdup (error->message);
      return result;
    }
  result->address = g_strdup (soa->server);
  if (soa->rcode != DNS_RCODE_NOERROR || !soa->authoritative || !soa->has_soa)
    {
      /* REFUSED, SERVFAIL or a referral: this server does not serve the zone. */
      result->error = g_strdup_printf (_ ("%s does not serve the zone %s"), server, pass->zone);
      return result;
    }
  result->serial = soa->soa_serial;

  for (guint i = 0; i < pass->expected->len; i++)
    {
      Expected *expected = pass->expected->pdata[i];
      g_autoptr (DnsAnswer) answer = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      g_clear_error (&error);
      answer = dns_client_query_sync (pass->client, soa->server, expected->name, expected->type,
                                      FALSE, cancellable, &error);
      if (answer != NULL && serves_expected (answer, expected))
        result->served++;
      else
        g_ptr_array_add (result->stale, g_strdup (expected->label));
    }
  /* Serial arithmetic (RFC 1982) is not needed: OVH's serials only grow. */
  result->in_sync = result->serial >= pass->serial && result->served == result->n_records;
  return result;
}

static void
pass_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Pass *pass = data;
  GPtrArray *results = g_ptr_array_new_with_free_func (server_result_free);

  for (guint i = 0; pass->servers[i] != NULL; i++)
    g_ptr_array_add (results, check_server (pass, pass->servers[i], cancellable));
  if (g_task_return_error_if_cancelled (task))
    g_ptr_array_unref (results);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_checking (DnsPropagation *self, gboolean checking)
{
  if (self->checking == checking)
    return;
  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
apply_results (DnsPropagation *self, GPtrArray *results)
{
  gboolean was_done = dns_propagation_get_done (self);
  guint n_in_sync = 0;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr (DnsServerStatus) status = g_list_model_get_item (G_LIST_MODEL (self->servers), i);
      ServerResult *result = results->pdata[i];

      status_apply (status, result);
      n_in_sync += result->in_sync;
    }
  self->passes++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSES]);
  if (self->n_in_sync != n_in_sync)
    {
      self->n_in_sync = n_in_sync;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_IN_SYNC]);
    }
  if (was_done != dns_propagation_get_done (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_pass_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DnsPropagation *self = DNS_PROPAGATION (source);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GPtrArray) results = NULL;
  GError *error = NULL;

  set_checking (self, FALSE);
  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (results == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  apply_results (self, results);
  g_task_return_boolean (task, dns_propagation_get_done (self));
}

void
dns_propagation_check_async (DnsPropagation *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) thread_task = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  Pass *pass = g_new0 (Pass, 1);

  g_return_if_fail (DNS_IS_PROPAGATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dns_propagation_check_async);

  for (guint i = 0; i < dns_propagation_get_n_servers (self); i++)
    {
      g_autoptr (DnsServerStatus) status = g_list_model_get_item (G_LIST_MODEL (self->servers), i);
      g_ptr_array_add (names, status->name);
    }
  g_ptr_array_add (names, NULL);
  pass->client = g_object_ref (self->client);
  pass->zone = g_strdup (self->zone);
  pass->servers = g_strdupv ((char **) names->pdata);
  pass->expected = g_ptr_array_ref (self->expected);
  pass->serial = self->serial;

  set_checking (self, TRUE);
  thread_task = g_task_new (self, cancellable, on_pass_done, g_steal_pointer (&task));
  g_task_set_task_data (thread_task, pass, pass_free);
  g_task_run_in_thread (thread_task, pass_thread);
}

gboolean
dns_propagation_check_finish (DnsPropagation *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Watching ------------------------------------------------------------------------------ */

typedef struct
{
  gint64 deadline;
  guint interval_ms;
  GSource *timeout;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  if (watch->timeout != NULL)
    {
      g_source_destroy (watch->timeout);
      g_source_unref (watch->timeout);
    }
  g_free (watch);
}

static void watch_next_pass (GTask *task);

static gboolean
on_watch_timeout (gpointer user_data)
{
  GTask *task = user_data;
  Watch *watch = g_task_get_task_data (task);

  g_clear_pointer (&watch->timeout, g_source_unref);
  watch_next_pass (task);
  return G_SOURCE_REMOVE;
}

static void
on_watch_pass (GObject *source, GAsyncResult *result, gpointer user_data)
{
  DnsPropagation *self = DNS_PROPAGATION (source);
  g_autoptr (GTask) task = user_data;
  Watch *watch = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 left;

  if (dns_propagation_check_finish (self, result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  left = (watch->deadline - g_get_monotonic_time ()) / 1000;
  if (left <= 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               _ ("Not every name server serves the changes yet"));
      return;
    }
  /* Further and further apart: name servers take seconds to minutes, not milliseconds. */
  watch->timeout = g_timeout_source_new (MIN ((gint64) watch->interval_ms, left));
  watch->interval_ms = MIN (watch->interval_ms * 3 / 2, MAX_INTERVAL_MS);
  g_task_attach_source (task, watch->timeout, on_watch_timeout);
}

static void
watch_next_pass (GTask *task)
{
  dns_propagation_check_async (g_task_get_source_object (task), g_task_get_cancellable (task),
                               on_watch_pass, g_object_ref (task));
}

void
dns_propagation_watch_async (DnsPropagation *self,
                             guint timeout_ms,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Watch *watch = g_new0 (Watch, 1);

  g_return_if_fail (DNS_IS_PROPAGATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dns_propagation_watch_async);
  watch->deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  watch->interval_ms = FIRST_INTERVAL_MS;
  g_task_set_task_data (task, watch, watch_free);
  watch_next_pass (task);
}

gboolean
dns_propagation_watch_finish (DnsPropagation *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
dns_propagation_dup_summary (DnsPropagation *self)
{
  guint n = dns_propagation_get_n_servers (self);

  g_return_val_if_fail (DNS_IS_PROPAGATION (self), NULL);

  if (n == 0)
    return g_strdup (_ ("This zone has no name servers"));
  if (self->passes == 0)
    return g_strdup (_ ("Checking the name servers…"));
  if (self->n_in_sync == n)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Live on %u of %u name server",
                                         "Live on %u of %u name servers", n),
                            self->n_in_sync, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DnsServerStatus) status = g_list_model_get_item (G_LIST_MODEL (self->servers), i);

      if (status->in_sync)
        continue;
      if (status->error != NULL)
        return g_strdup_printf (_ ("Live on %u of %u name servers: %s"), self->n_in_sync, n,
                                status->error);
      if (status->serial < self->serial)
        return g_strdup_printf (_ ("Live on %u of %u name servers: %s still serves serial %u"),
                                self->n_in_sync, n, status->name, status->serial);
      return g_strdup_printf (_ ("Live on %u of %u name servers: %s does not serve every change "
                                 "yet"),
                              self->n_in_sync, n, status->name);
    }
  g_assert_not_reached ();
}
