/* dns-client.c: ask one DNS server a question, directly, as dig @server would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ldns builds and parses the packets; GIO sockets carry them, so that a cancellable stops a
 * wait at once instead of after ldns's own timeout.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <ldns/ldns.h>

#include "dns-client-private.h"

#define DEFAULT_TIMEOUT_MS 1500
#define DEFAULT_RETRIES 2
#define EDNS_UDP_SIZE 1232

struct _DnsClient
{
  GObject parent_instance;

  GMutex lock;          /* guards the fields below: queries run on threads */
  GHashTable *mappings; /* host (lowercase, no final dot) → "address:port" */
  guint timeout_ms;
  guint retries;
  char *resolver;
};

G_DEFINE_FINAL_TYPE (DnsClient, dns_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (dns - client - error - quark, dns_client_error)

enum
{
  PROP_0,
  PROP_TIMEOUT,
  PROP_RETRIES,
  PROP_RESOLVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
dns_answer_free (DnsAnswer *answer)
{
  if (answer == NULL)
    return;
  g_clear_pointer (&answer->answers, g_ptr_array_unref);
  g_clear_pointer (&answer->referral, g_ptr_array_unref);
  g_free (answer->server);
  g_free (answer);
}

static char *
normalize_host (const char *host)
{
  char *lower = g_ascii_strdown (host, -1);
  gsize len = strlen (lower);

  if (len > 1 && lower[len - 1] == '.')
    lower[len - 1] = '\0';
  return lower;
}

/* The first name server of /etc/resolv.conf, as "address:53". */
static char *
system_resolver (void)
{
  ldns_resolver *resolver = NULL;
  char *result = NULL;

  if (ldns_resolver_new_frm_file (&resolver, NULL) == LDNS_STATUS_OK
      && ldns_resolver_nameserver_count (resolver) > 0)
    {
      char *address = ldns_rdf2str (ldns_resolver_nameservers (resolver)[0]);

      result = strchr (address, ':') != NULL ? g_strdup_printf ("[%s]:53", address)
                                             : g_strdup_printf ("%s:53", address);
      free (address);
    }
  if (resolver != NULL)
    ldns_resolver_deep_free (resolver);
  return result != NULL ? result : g_strdup ("127.0.0.1:53");
}

static void
dns_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DnsClient *self = DNS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, dns_client_get_timeout (self));
      break;
    case PROP_RETRIES:
      g_value_set_uint (value, dns_client_get_retries (self));
      break;
    case PROP_RESOLVER:
      g_value_set_string (value, dns_client_get_resolver (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dns_client_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  DnsClient *self = DNS_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      dns_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_RETRIES:
      dns_client_set_retries (self, g_value_get_uint (value));
      break;
    case PROP_RESOLVER:
      dns_client_set_resolver (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dns_client_finalize (GObject *object)
{
  DnsClient *self = DNS_CLIENT (object);

  g_hash_table_unref (self->mappings);
  g_free (self->resolver);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (dns_client_parent_class)->finalize (object);
}

static void
dns_client_class_init (DnsClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dns_client_get_property;
  object_class->set_property = dns_client_set_property;
  object_class->finalize = dns_client_finalize;

  properties[PROP_TIMEOUT]
      = g_param_spec_uint ("timeout", NULL, NULL, 1, 60000, DEFAULT_TIMEOUT_MS,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RETRIES]
      = g_param_spec_uint ("retries", NULL, NULL, 0, 10, DEFAULT_RETRIES,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOLVER]
      = g_param_spec_string ("resolver", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dns_client_init (DnsClient *self)
{
  g_mutex_init (&self->lock);
  self->mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->retries = DEFAULT_RETRIES;
}

DnsClient *
dns_client_new (void)
{
  return g_object_new (DNS_TYPE_CLIENT, NULL);
}

guint
dns_client_get_timeout (DnsClient *self)
{
  g_return_val_if_fail (DNS_IS_CLIENT (self), 0);
  return self->timeout_ms;
}

void
dns_client_set_timeout (DnsClient *self, guint timeout_ms)
{
  g_return_if_fail (DNS_IS_CLIENT (self));
  if (self->timeout_ms == timeout_ms)
    return;
  self->timeout_ms = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
dns_client_get_retries (DnsClient *self)
{
  g_return_val_if_fail (DNS_IS_CLIENT (self), 0);
  return self->retries;
}

void
dns_client_set_retries (DnsClient *self, guint retries)
{
  g_return_if_fail (DNS_IS_CLIENT (self));
  if (self->retries == retries)
    return;
  self->retries = retries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRIES]);
}

const char *
dns_client_get_resolver (DnsClient *self)
{
  g_return_val_if_fail (DNS_IS_CLIENT (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->resolver == NULL)
    self->resolver = system_resolver ();
  g_mutex_unlock (&self->lock);
  return self->resolver;
}

void
dns_client_set_resolver (DnsClient *self, const char *address)
{
  g_return_if_fail (DNS_IS_CLIENT (self));

  g_mutex_lock (&self->lock);
  if (g_strcmp0 (self->resolver, address) == 0)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  g_free (self->resolver);
  self->resolver = g_strdup (address);
  g_mutex_unlock (&self->lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVER]);
}

/* "address:port", "[v6]:port", "address" → a socket address, or NULL. */
static GSocketAddress *
parse_address (const char *text)
{
  g_autoptr (GInetAddress) bare = g_inet_address_new_from_string (text);
  g_autoptr (GSocketConnectable) connectable = NULL;
  GSocketAddress *address;

  if (bare != NULL)
    return g_inet_socket_address_new (bare, 53);
  connectable = g_network_address_parse (text, 53, NULL);
  if (connectable == NULL)
    return NULL;
  /* Only literal addresses here: a name would need the resolver. */
  {
    const char *host = g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable));
    g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (host);

    if (inet == NULL)
      return NULL;
    address = g_inet_socket_address_new (
        inet, g_network_address_get_port (G_NETWORK_ADDRESS (connectable)));
  }
  return address;
}

gboolean
dns_client_add_server_address (DnsClient *self, const char *mapping, GError **error)
{
  const char *equals;
  g_autoptr (GSocketAddress) address = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (DNS_IS_CLIENT (self), FALSE);

  equals = strchr (mapping, '=');
  if (equals == NULL || equals == mapping || (address = parse_address (equals + 1)) == NULL)
    {
      g_set_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_MAPPING,
                   _ ("“%s” is not NAME=ADDRESS:PORT (for example "
                      "ns1.example.com=127.0.0.1:5300)"),
                   mapping);
      return FALSE;
    }
  host = g_strndup (mapping, equals - mapping);
  g_mutex_lock (&self->lock);
  g_hash_table_insert (self->mappings, normalize_host (host), g_strdup (equals + 1));
  g_mutex_unlock (&self->lock);
  return TRUE;
}

gboolean
dns_client_add_server_addresses (DnsClient *self, const char *mappings, GError **error)
{
  g_auto (GStrv) parts = g_strsplit_set (mappings, ", \t\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && !dns_client_add_server_address (self, parts[i], error))
      return FALSE;
  return TRUE;
}

const char *
dns_client_lookup_mapping (DnsClient *self, const char *host)
{
  g_autofree char *key = normalize_host (host);
  const char *found;

  g_mutex_lock (&self->lock);
  found = g_hash_table_lookup (self->mappings, key);
  g_mutex_unlock (&self->lock);
  return found;
}

GSocketAddress *
dns_client_resolve_server_sync (DnsClient *self,
                                const char *host,
                                GCancellable *cancellable,
                                GError **error)
{
  const char *mapped = dns_client_lookup_mapping (self, host);
  GSocketAddress *address = parse_address (mapped != NULL ? mapped : host);
  g_autoptr (GList) addresses = NULL;
  g_autoptr (GError) local_error = NULL;

  if (address != NULL)
    return address;
  addresses
      = g_resolver_lookup_by_name (g_resolver_get_default (), host, cancellable, &local_error);
  if (addresses == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_NO_SERVER,
                     _ ("The address of the name server %s cannot be found: %s"), host,
                     local_error->message);
      return NULL;
    }
  address = g_inet_socket_address_new (addresses->data, 53);
  g_list_free_full (g_steal_pointer (&addresses), g_object_unref);
  return address;
}

/* --- Sending ------------------------------------------------------------------------------ */

static GBytes *
exchange_udp (GSocketAddress *server,
              const guint8 *query,
              gsize query_len,
              guint16 id,
              guint timeout_ms,
              GCancellable *cancellable,
              GError **error)
{
  g_autoptr (GSocket) socket = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint8 buffer[65536];

  socket = g_socket_new (g_socket_address_get_family (server), G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL)
    return NULL;
  if (g_socket_send_to (socket, server, (const char *) query, query_len, cancellable, error) < 0)
    return NULL;

  for (;;)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      gssize received;
      g_autoptr (GSocketAddress) from = NULL;

      if (left <= 0 || !g_socket_condition_timed_wait (socket, G_IO_IN, left, cancellable, error))
        {
          if (error != NULL && *error != NULL
              && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
            g_clear_error (error);
          if (error != NULL && *error != NULL)
            return NULL;
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timeout");
          return NULL;
        }
      received = g_socket_receive_from (socket, &from, (char *) buffer, sizeof buffer, cancellable,
                                        error);
      if (received < 0)
        return NULL;
      /* Answers to someone else's question (or spoofed ones) are skipped. */
      if (received >= 2 && ((buffer[0] << 8) | buffer[1]) == id)
        return g_bytes_new (buffer, received);
    }
}

static GBytes *
exchange_tcp (GSocketAddress *server,
              const guint8 *query,
              gsize query_len,
              guint timeout_ms,
              GCancellable *cancellable,
              GError **error)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  guint8 length[2] = { query_len >> 8, query_len & 0xff };
  g_autofree guint8 *reply = NULL;
  gsize reply_len, n;
  GInputStream *in;
  GOutputStream *out;

  g_socket_client_set_timeout (client, MAX (1, (timeout_ms + 999) / 1000));
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (server), cancellable, error);
  if (connection == NULL)
    return NULL;
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  if (!g_output_stream_write_all (out, length, 2, NULL, cancellable, error)
      || !g_output_stream_write_all (out, query, query_len, NULL, cancellable, error)
      || !g_input_stream_read_all (in, length, 2, &n, cancellable, error))
    return NULL;
  reply_len = (length[0] << 8) | length[1];
  reply = g_malloc (MAX (reply_len, 1));
  if (n != 2 || !g_input_stream_read_all (in, reply, reply_len, &n, cancellable, error))
    return NULL;
  if (n != reply_len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "short TCP answer");
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&reply), reply_len);
}

char *
_dns_rr_rdata_text (const ldns_rr *rr)
{
  GString *text = g_string_new (NULL);

  if (ldns_rr_get_type (rr) == LDNS_RR_TYPE_TXT)
    {
      /* The strings of one TXT record are one text, as SPF and DKIM read it. */
      for (size_t i = 0; i < ldns_rr_rd_count (rr); i++)
        {
          const ldns_rdf *rdf = ldns_rr_rdf (rr, i);
          const guint8 *data = ldns_rdf_data (rdf);

          if (ldns_rdf_size (rdf) >= 1)
            g_string_append_len (text, (const char *) data + 1,
                                 MIN (data[0], ldns_rdf_size (rdf) - 1));
        }
      return g_string_free (text, FALSE);
    }
  for (size_t i = 0; i < ldns_rr_rd_count (rr); i++)
    {
      char *part = ldns_rdf2str (ldns_rr_rdf (rr, i));

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, part);
      free (part);
    }
  return g_string_free (text, FALSE);
}

static void
read_soa (DnsAnswer *answer, ldns_rr_list *list)
{
  for (size_t i = 0; list != NULL && i < ldns_rr_list_rr_count (list); i++)
    {
      ldns_rr *rr = ldns_rr_list_rr (list, i);

      if (ldns_rr_get_type (rr) == LDNS_RR_TYPE_SOA && ldns_rr_rd_count (rr) >= 3)
        {
          answer->has_soa = TRUE;
          answer->soa_serial = ldns_rdf2native_int32 (ldns_rr_rdf (rr, 2));
        }
    }
}

static DnsAnswer *
parse_reply (ldns_pkt *reply, guint16 rr_type, const char *server)
{
  DnsAnswer *answer = g_new0 (DnsAnswer, 1);
  ldns_rr_list *answers = ldns_pkt_answer (reply);
  ldns_rr_list *authority = ldns_pkt_authority (reply);

  answer->rcode = ldns_pkt_get_rcode (reply);
  answer->authoritative = ldns_pkt_aa (reply);
  answer->answers = g_ptr_array_new_with_free_func (g_free);
  answer->referral = g_ptr_array_new_with_free_func (g_free);
  answer->server = g_strdup (server);

  for (size_t i = 0; answers != NULL && i < ldns_rr_list_rr_count (answers); i++)
    {
      ldns_rr *rr = ldns_rr_list_rr (answers, i);

      if (ldns_rr_get_type (rr) == rr_type)
        g_ptr_array_add (answer->answers, _dns_rr_rdata_text (rr));
    }
  for (size_t i = 0; authority != NULL && i < ldns_rr_list_rr_count (authority); i++)
    {
      ldns_rr *rr = ldns_rr_list_rr (authority, i);

      if (ldns_rr_get_type (rr) == LDNS_RR_TYPE_NS && ldns_rr_rd_count (rr) >= 1)
        {
          char *host = ldns_rdf2str (ldns_rr_rdf (rr, 0));

          g_ptr_array_add (answer->referral, g_ascii_strdown (host, -1));
          free (host);
        }
    }
  read_soa (answer, answers);
  read_soa (answer, authority);
  return answer;
}

DnsAnswer *
dns_client_query_sync (DnsClient *self,
                       const char *server,
                       const char *name,
                       guint16 rr_type,
                       gboolean recursive,
                       GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (GSocketAddress) address = NULL;
  g_autofree char *server_text = NULL;
  ldns_rdf *owner;
  ldns_pkt *query;
  guint8 *wire = NULL;
  size_t wire_len = 0;
  guint16 id;
  guint tries;
  DnsAnswer *answer = NULL;
  g_autoptr (GError) last_error = NULL;

  g_return_val_if_fail (DNS_IS_CLIENT (self), NULL);

  address = dns_client_resolve_server_sync (self, server, cancellable, error);
  if (address == NULL)
    return NULL;
  server_text = g_socket_connectable_to_string (G_SOCKET_CONNECTABLE (address));

  owner = ldns_dname_new_frm_str (name);
  if (owner == NULL)
    {
      g_set_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_NAME, _ ("“%s” is not a domain name"),
                   name);
      return NULL;
    }
  query = ldns_pkt_query_new (owner, rr_type, LDNS_RR_CLASS_IN, recursive ? LDNS_RD : 0);
  ldns_pkt_set_random_id (query);
  ldns_pkt_set_edns_udp_size (query, EDNS_UDP_SIZE);
  id = ldns_pkt_id (query);
  if (ldns_pkt2wire (&wire, query, &wire_len) != LDNS_STATUS_OK)
    {
      ldns_pkt_free (query);
      g_set_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_NAME, _ ("“%s” is not a domain name"),
                   name);
      return NULL;
    }
  ldns_pkt_free (query);

  tries = 1 + self->retries;
  for (guint attempt = 0; attempt < tries && answer == NULL; attempt++)
    {
      g_autoptr (GBytes) bytes = NULL;
      ldns_pkt *reply = NULL;

      g_clear_error (&last_error);
      bytes
          = exchange_udp (address, wire, wire_len, id, self->timeout_ms, cancellable, &last_error);
      if (bytes != NULL && g_bytes_get_size (bytes) >= 3
          && (((const guint8 *) g_bytes_get_data (bytes, NULL))[2] & 0x02))
        {
          /* Truncated: the whole answer comes over TCP. */
          g_clear_pointer (&bytes, g_bytes_unref);
          bytes
              = exchange_tcp (address, wire, wire_len, self->timeout_ms, cancellable, &last_error);
        }
      if (bytes == NULL)
        {
          if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            break;
          continue;
        }
      if (ldns_wire2pkt (&reply, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes))
              != LDNS_STATUS_OK
          || ldns_pkt_id (reply) != id)
        {
          g_set_error (&last_error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_BAD_REPLY,
                       _ ("%s sent an answer that cannot be read"), server);
          if (reply != NULL)
            ldns_pkt_free (reply);
          continue;
        }
      answer = parse_reply (reply, rr_type, server_text);
      ldns_pkt_free (reply);
    }
  free (wire);

  if (answer != NULL)
    return answer;
  if (g_error_matches (last_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_error_matches (last_error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_BAD_REPLY))
    g_propagate_error (error, g_steal_pointer (&last_error));
  else
    g_set_error (error, DNS_CLIENT_ERROR, DNS_CLIENT_ERROR_TIMEOUT, _ ("%s (%s) did not answer"),
                 server, server_text);
  return NULL;
}

DnsAnswer *
dns_client_resolve_sync (
    DnsClient *self, const char *name, guint16 rr_type, GCancellable *cancellable, GError **error)
{
  return dns_client_query_sync (self, dns_client_get_resolver (self), name, rr_type, TRUE,
                                cancellable, error);
}

typedef struct
{
  char *server;
  char *name;
  guint16 rr_type;
  gboolean recursive;
} QueryData;

static void
query_data_free (gpointer data)
{
  QueryData *query = data;

  g_free (query->server);
  g_free (query->name);
  g_free (query);
}

static void
query_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  QueryData *query = data;
  GError *error = NULL;
  DnsAnswer *answer = dns_client_query_sync (source, query->server, query->name, query->rr_type,
                                             query->recursive, cancellable, &error);

  if (answer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, answer, (GDestroyNotify) dns_answer_free);
}

void
dns_client_query_async (DnsClient *self,
                        const char *server,
                        const char *name,
                        guint16 rr_type,
                        gboolean recursive,
                        GCancellable *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  QueryData *query = g_new0 (QueryData, 1);

  query->server = g_strdup (server);
  query->name = g_strdup (name);
  query->rr_type = rr_type;
  query->recursive = recursive;
  g_task_set_source_tag (task, dns_client_query_async);
  g_task_set_task_data (task, query, query_data_free);
  g_task_run_in_thread (task, query_thread);
}

DnsAnswer *
dns_client_query_finish (DnsClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
