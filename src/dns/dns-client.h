/* dns-client.h: ask one DNS server a question, directly, as dig @server would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UDP first, TCP when the answer is truncated; each try waits "timeout" milliseconds and a
 * question is sent at most 1 + "retries" times. Questions to authoritative servers go
 * without recursion. A map from name server host names to address:port (the way tests and
 * local setups point the client at their own servers) is consulted before the system
 * resolver; nothing else about the servers is special.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DNS_CLIENT_ERROR (dns_client_error_quark ())

typedef enum
{
  DNS_CLIENT_ERROR_TIMEOUT,   /* no answer after every try */
  DNS_CLIENT_ERROR_NO_SERVER, /* the server's address cannot be found */
  DNS_CLIENT_ERROR_BAD_REPLY, /* an answer that does not parse or does not match */
  DNS_CLIENT_ERROR_MAPPING,   /* a NAME=ADDRESS[:PORT] that does not parse */
  DNS_CLIENT_ERROR_NAME,      /* a query name that is not a domain name */
} DnsClientError;

GQuark dns_client_error_quark (void);

/* RR types as numbers (RFC 1035 and later), for callers that do not include ldns. */
#define DNS_TYPE_A 1
#define DNS_TYPE_NS 2
#define DNS_TYPE_CNAME 5
#define DNS_TYPE_SOA 6
#define DNS_TYPE_MX 15
#define DNS_TYPE_TXT 16
#define DNS_TYPE_AAAA 28

#define DNS_RCODE_NOERROR 0
#define DNS_RCODE_SERVFAIL 2
#define DNS_RCODE_NXDOMAIN 3
#define DNS_RCODE_REFUSED 5

/* What one server answered. */
typedef struct
{
  guint rcode;
  gboolean authoritative; /* the AA flag */
  GPtrArray *answers;     /* char *: rdata of the answer RRs of the asked type, as in a zone
                           * file ("10 mx.example.com."), TXT as its joined text */
  GPtrArray *referral;    /* char *: NS host names of the authority section, lowercase with
                           * the final dot: a delegation, or the zone's own servers */
  gboolean has_soa;       /* an SOA came back (answer or authority section) */
  guint32 soa_serial;
  char *server; /* "address:port" that answered */
} DnsAnswer;

void dns_answer_free (DnsAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DnsAnswer, dns_answer_free)

#define DNS_TYPE_CLIENT (dns_client_get_type ())
G_DECLARE_FINAL_TYPE (DnsClient, dns_client, DNS, CLIENT, GObject)

/* Properties (readwrite, EXPLICIT_NOTIFY): "timeout" (ms per try, default 1500), "retries"
 * (default 2), "resolver" ("address:port" of the recursive resolver used to look names up
 * outside known zones; default: the first name server of /etc/resolv.conf). */
DnsClient *dns_client_new (void);

guint dns_client_get_timeout (DnsClient *self);
void dns_client_set_timeout (DnsClient *self, guint timeout_ms);
guint dns_client_get_retries (DnsClient *self);
void dns_client_set_retries (DnsClient *self, guint retries);
const char *dns_client_get_resolver (DnsClient *self);
void dns_client_set_resolver (DnsClient *self, const char *address);

/* "ns1.example.com=127.0.0.1:5300" ("[::1]:53", port 53 when left out). Host names are
 * compared case-insensitively, with or without the final dot. */
gboolean dns_client_add_server_address (DnsClient *self, const char *mapping, GError **error);
/* Several mappings separated by commas or blanks (DOMAINE_NS_ADDRESSES). */
gboolean dns_client_add_server_addresses (DnsClient *self, const char *mappings, GError **error);
/* "127.0.0.1:5300" for a mapped host, else NULL. */
const char *dns_client_lookup_mapping (DnsClient *self, const char *host);

/* The address to ask for host: the mapping, an address literal, or the system resolver
 * (port 53). Blocks: call it from a thread. */
GSocketAddress *dns_client_resolve_server_sync (DnsClient *self,
                                                const char *host,
                                                GCancellable *cancellable,
                                                GError **error);

/* Ask server (a host name, an address literal or "address:port") about name and type.
 * recursive sets the RD flag (for the resolver; never for authoritative servers). Blocks:
 * call it from a thread, or use the async form. */
DnsAnswer *dns_client_query_sync (DnsClient *self,
                                  const char *server,
                                  const char *name,
                                  guint16 rr_type,
                                  gboolean recursive,
                                  GCancellable *cancellable,
                                  GError **error);
void dns_client_query_async (DnsClient *self,
                             const char *server,
                             const char *name,
                             guint16 rr_type,
                             gboolean recursive,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
DnsAnswer *dns_client_query_finish (DnsClient *self, GAsyncResult *result, GError **error);

/* Ask the resolver (recursively). */
DnsAnswer *dns_client_resolve_sync (
    DnsClient *self, const char *name, guint16 rr_type, GCancellable *cancellable, GError **error);

G_END_DECLS
