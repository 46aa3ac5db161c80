/* test-error.c: OVH's error answers mapped to OvhErrorCode, with message, query id and status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "ovh-account-store.h"
#include "ovh-changeset.h"
#include "ovh-error.h"
#include "ovh-record.h"
#include "ovh-zone-file.h"

typedef struct
{
  guint status;
  const char *body;
  OvhErrorCode code;
  const char *error_code; /* expected ovh_error_get_error_code () */
  const char *message;    /* expected message; NULL = a default one, not empty */
} Case;

static void
check_case (const Case *c)
{
  g_autoptr (GError) error = NULL;

  error = ovh_error_new_from_response (c->status, c->body, c->body != NULL ? strlen (c->body) : 0,
                                       "EU.ext-3.6612ef4b.1234.abcd");
  g_test_message ("%u %s", c->status, c->body != NULL ? c->body : "(null)");
  g_assert_error (error, OVH_ERROR, (gint) c->code);
  g_assert_cmpstr (ovh_error_get_error_code (error), ==, c->error_code);
  g_assert_cmpuint (ovh_error_get_http_status (error), ==, c->status);
  g_assert_cmpstr (ovh_error_get_query_id (error), ==, "EU.ext-3.6612ef4b.1234.abcd");
  if (c->message != NULL)
    g_assert_cmpstr (error->message, ==, c->message);
  else
    g_assert_cmpstr (error->message, !=, "");
}

static void
test_error_legacy_bodies (void)
{
  static const Case cases[] = {
    { 400,
      "{\"errorCode\":\"QUERY_TIME_OUT\",\"httpCode\":\"400 Bad Request\",\"message\":\"Query out "
      "of time\"}",
      OVH_ERROR_QUERY_TIME_OUT, "QUERY_TIME_OUT", "Query out of time" },
    { 400,
      "{\"errorCode\":\"INVALID_SIGNATURE\",\"httpCode\":\"400 Bad Request\",\"message\":\"Invalid "
      "signature\"}",
      OVH_ERROR_INVALID_SIGNATURE, "INVALID_SIGNATURE", "Invalid signature" },
    { 403,
      "{\"errorCode\":\"INVALID_KEY\",\"httpCode\":\"403 Forbidden\",\"message\":\"Invalid "
      "application key\"}",
      OVH_ERROR_INVALID_KEY, "INVALID_KEY", "Invalid application key" },
    { 403,
      "{\"errorCode\":\"INVALID_CREDENTIAL\",\"httpCode\":\"403 Forbidden\",\"message\":\"This "
      "credential is not valid\"}",
      OVH_ERROR_INVALID_CREDENTIAL, "INVALID_CREDENTIAL", "This credential is not valid" },
    { 403,
      "{\"errorCode\":\"NOT_CREDENTIAL\",\"httpCode\":\"403 Forbidden\",\"message\":\"This "
      "credential does not exist\"}",
      OVH_ERROR_INVALID_CREDENTIAL, "NOT_CREDENTIAL", "This credential does not exist" },
    { 403,
      "{\"errorCode\":\"NOT_GRANTED_CALL\",\"httpCode\":\"403 Forbidden\",\"message\":\"This call "
      "has not been granted\"}",
      OVH_ERROR_NOT_GRANTED, "NOT_GRANTED_CALL", "This call has not been granted" },
    { 403, "{\"errorCode\":\"FORBIDDEN\",\"httpCode\":\"403 Forbidden\",\"message\":\"Forbidden\"}",
      OVH_ERROR_NOT_GRANTED, "FORBIDDEN", "Forbidden" },
    /* An errorCode nobody documented: the status decides. */
    { 400,
      "{\"errorCode\":\"SOMETHING_NEW\",\"httpCode\":\"400 Bad Request\",\"message\":\"Invalid "
      "target\"}",
      OVH_ERROR_BAD_PARAMETERS, "SOMETHING_NEW", "Invalid target" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i]);
}

static void
test_error_iam_bodies (void)
{
  static const Case cases[] = {
    { 403,
      "{\"class\":\"Client::Forbidden\",\"message\":\"This call has not been "
      "granted\",\"details\":{}}",
      OVH_ERROR_NOT_GRANTED, "Client::Forbidden", "This call has not been granted" },
    { 403, "{\"class\":\"Client::Forbidden\",\"message\":\"This credential is not valid\"}",
      OVH_ERROR_INVALID_CREDENTIAL, "Client::Forbidden", "This credential is not valid" },
    { 403, "{\"class\":\"Client::Forbidden\",\"message\":\"Invalid application key\"}",
      OVH_ERROR_INVALID_KEY, "Client::Forbidden", "Invalid application key" },
    { 400, "{\"class\":\"Client::BadRequest\",\"message\":\"Query out of time\"}",
      OVH_ERROR_QUERY_TIME_OUT, "Client::BadRequest", "Query out of time" },
    { 400, "{\"class\":\"Client::BadRequest\",\"message\":\"Invalid signature\"}",
      OVH_ERROR_INVALID_SIGNATURE, "Client::BadRequest", "Invalid signature" },
    { 400, "{\"class\":\"Client::BadRequest\",\"message\":\"Invalid value for ttl\"}",
      OVH_ERROR_BAD_PARAMETERS, "Client::BadRequest", "Invalid value for ttl" },
    { 404,
      "{\"class\":\"Client::NotFound\",\"message\":\"The requested object (id = 42) does not "
      "exist\"}",
      OVH_ERROR_NOT_FOUND, "Client::NotFound", "The requested object (id = 42) does not exist" },
    { 409, "{\"class\":\"Client::Conflict\",\"message\":\"A record already exists\"}",
      OVH_ERROR_CONFLICT, "Client::Conflict", "A record already exists" },
    { 460, "{\"class\":\"Client::Gone\",\"message\":\"This service is expired\"}",
      OVH_ERROR_EXPIRED, "Client::Gone", "This service is expired" },
    { 429, "{\"class\":\"Client::TooManyRequests\",\"message\":\"Too much requests\"}",
      OVH_ERROR_RATE_LIMITED, "Client::TooManyRequests", "Too much requests" },
    { 500, "{\"class\":\"Server::InternalServerError\",\"message\":\"Internal server error\"}",
      OVH_ERROR_SERVER, "Server::InternalServerError", "Internal server error" },
    { 503, "{\"class\":\"Server::ServiceUnavailable\",\"message\":\"Maintenance\"}",
      OVH_ERROR_SERVER, "Server::ServiceUnavailable", "Maintenance" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i]);
}

static void
test_error_status_only (void)
{
  /* Non-JSON and empty bodies: the status decides and a translated message is given,
   * never the raw HTML of a proxy page. */
  static const Case cases[] = {
    { 400, "", OVH_ERROR_BAD_PARAMETERS, NULL, NULL },
    { 401, NULL, OVH_ERROR_INVALID_CREDENTIAL, NULL, NULL },
    { 403, "Forbidden", OVH_ERROR_NOT_GRANTED, NULL, NULL },
    { 404, "<html><body>Not Found</body></html>", OVH_ERROR_NOT_FOUND, NULL, NULL },
    { 409, "", OVH_ERROR_CONFLICT, NULL, NULL },
    { 429, "", OVH_ERROR_RATE_LIMITED, NULL, NULL },
    { 460, "", OVH_ERROR_EXPIRED, NULL, NULL },
    { 500, "<html>oops</html>", OVH_ERROR_SERVER, NULL, NULL },
    { 502, "Bad Gateway", OVH_ERROR_SERVER, NULL, NULL },
    { 418, "{\"message\":\"I'm a teapot\"}", OVH_ERROR_FAILED, NULL, "I'm a teapot" },
    /* JSON, but not an object, or an object with a message of the wrong type. */
    { 500, "[1,2,3]", OVH_ERROR_SERVER, NULL, NULL },
    { 403, "{\"message\":42,\"errorCode\":7}", OVH_ERROR_NOT_GRANTED, NULL, NULL },
    { 400, "{\"errorCode\":\"QUERY_TIME_OUT\"", OVH_ERROR_BAD_PARAMETERS, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i]);

  {
    g_autoptr (GError) error = ovh_error_new_from_response (404, "<html>x</html>", 14, NULL);

    g_assert_null (strstr (error->message, "<html>"));
  }
}

static void
test_error_query_id_and_copy (void)
{
  const char *body
      = "{\"errorCode\":\"NOT_GRANTED_CALL\",\"message\":\"This call has not been granted\"}";
  g_autoptr (GError) error = ovh_error_new_from_response (403, body, strlen (body), "EU.q1");
  g_autoptr (GError) copy = g_error_copy (error);
  g_autoptr (GError) no_id = ovh_error_new_from_response (403, body, strlen (body), NULL);
  g_autoptr (GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
  g_autofree char *display = ovh_error_dup_display_message (error);
  g_autofree char *display_no_id = ovh_error_dup_display_message (no_id);

  /* The extended data survives g_error_copy (what GTask and g_propagate do). */
  g_assert_cmpstr (ovh_error_get_query_id (copy), ==, "EU.q1");
  g_assert_cmpstr (ovh_error_get_error_code (copy), ==, "NOT_GRANTED_CALL");
  g_assert_cmpuint (ovh_error_get_http_status (copy), ==, 403);

  g_assert_null (ovh_error_get_query_id (no_id));
  g_assert_cmpstr (display, ==, "This call has not been granted (query ID: EU.q1)");
  g_assert_cmpstr (display_no_id, ==, "This call has not been granted");

  /* Other domains answer "nothing", not a critical. */
  g_assert_null (ovh_error_get_query_id (other));
  g_assert_null (ovh_error_get_error_code (other));
  g_assert_cmpuint (ovh_error_get_http_status (other), ==, 0);
  g_assert_null (ovh_error_get_query_id (NULL));

  /* A plain g_error_new in the domain has empty extended data. */
  {
    g_autoptr (GError) plain = g_error_new_literal (OVH_ERROR, OVH_ERROR_INVALID_RESPONSE, "bad");

    g_assert_null (ovh_error_get_query_id (plain));
    g_assert_cmpuint (ovh_error_get_http_status (plain), ==, 0);
  }
}

static void
test_error_transport (void)
{
  g_autoptr (GError) tls = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                                                "Unacceptable TLS certificate");
  g_autoptr (GError) refused
      = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, "Connection refused");
  g_autoptr (GError) resolver
      = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "Name not found");
  g_autoptr (GError) soup = g_error_new_literal (SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING,
                                                 "Could not parse HTTP response");
  g_autoptr (GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "c");
  g_autoptr (GError) mapped_tls = ovh_error_new_from_transport (tls);
  g_autoptr (GError) mapped_refused = ovh_error_new_from_transport (refused);
  g_autoptr (GError) mapped_resolver = ovh_error_new_from_transport (resolver);
  g_autoptr (GError) mapped_soup = ovh_error_new_from_transport (soup);
  g_autoptr (GError) mapped_cancelled = ovh_error_new_from_transport (cancelled);

  g_assert_error (mapped_tls, OVH_ERROR, OVH_ERROR_TLS);
  g_assert_nonnull (strstr (mapped_tls->message, "Unacceptable TLS certificate"));
  g_assert_cmpuint (ovh_error_get_http_status (mapped_tls), ==, 0);
  g_assert_error (mapped_refused, OVH_ERROR, OVH_ERROR_NETWORK);
  g_assert_error (mapped_resolver, OVH_ERROR, OVH_ERROR_NETWORK);
  g_assert_error (mapped_soup, OVH_ERROR, OVH_ERROR_NETWORK);
  g_assert_error (mapped_cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_error_classification (void)
{
  static const struct
  {
    OvhErrorCode code;
    gboolean authentication;
    gboolean transient;
  } table[] = {
    { OVH_ERROR_FAILED, FALSE, FALSE },
    { OVH_ERROR_INVALID_SIGNATURE, TRUE, FALSE },
    { OVH_ERROR_QUERY_TIME_OUT, FALSE, FALSE },
    { OVH_ERROR_INVALID_KEY, TRUE, FALSE },
    { OVH_ERROR_INVALID_CREDENTIAL, TRUE, FALSE },
    { OVH_ERROR_NOT_GRANTED, FALSE, FALSE },
    { OVH_ERROR_NOT_FOUND, FALSE, FALSE },
    { OVH_ERROR_CONFLICT, FALSE, FALSE },
    { OVH_ERROR_BAD_PARAMETERS, FALSE, FALSE },
    { OVH_ERROR_EXPIRED, FALSE, FALSE },
    { OVH_ERROR_RATE_LIMITED, FALSE, TRUE },
    { OVH_ERROR_SERVER, FALSE, TRUE },
    { OVH_ERROR_NETWORK, FALSE, TRUE },
    { OVH_ERROR_TLS, FALSE, FALSE },
    { OVH_ERROR_INVALID_RESPONSE, FALSE, FALSE },
  };
  g_autoptr (GError) foreign = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr (GError) error = g_error_new_literal (OVH_ERROR, table[i].code, "x");

      g_assert_cmpint (ovh_error_is_authentication (error), ==, table[i].authentication);
      g_assert_cmpint (ovh_error_is_transient (error), ==, table[i].transient);
    }
  g_assert_false (ovh_error_is_authentication (foreign));
  g_assert_false (ovh_error_is_transient (foreign));
  g_assert_false (ovh_error_is_authentication (NULL));
}

/* Error domains are what a GError names in logs and what callers match on: their registered
 * names must be the real ones, not a formatter's idea of them. */
static void
test_error_domain_names (void)
{
  g_assert_cmpstr (g_quark_to_string (OVH_ERROR), ==, "OvhError");
  g_assert_cmpstr (g_quark_to_string (OVH_RECORD_ERROR), ==, "ovh-record-error-quark");
  g_assert_cmpstr (g_quark_to_string (OVH_ZONE_FILE_ERROR), ==, "ovh-zone-file-error-quark");
  g_assert_cmpstr (g_quark_to_string (OVH_CHANGESET_ERROR), ==, "ovh-changeset-error-quark");
  g_assert_cmpstr (g_quark_to_string (OVH_ACCOUNT_STORE_ERROR), ==,
                   "ovh-account-store-error-quark");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ovh/error/legacy-bodies", test_error_legacy_bodies);
  g_test_add_func ("/ovh/error/iam-bodies", test_error_iam_bodies);
  g_test_add_func ("/ovh/error/status-only", test_error_status_only);
  g_test_add_func ("/ovh/error/query-id-and-copy", test_error_query_id_and_copy);
  g_test_add_func ("/ovh/error/transport", test_error_transport);
  g_test_add_func ("/ovh/error/classification", test_error_classification);
  g_test_add_func ("/ovh/error/domain-names", test_error_domain_names);

  return g_test_run ();
}
