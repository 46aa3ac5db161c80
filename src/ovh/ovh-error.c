/* ovh-error.c: what went wrong talking to OVH, in words a program can switch on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Ovh"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ovh-error.h"
#include "ovh-json-private.h"

typedef struct
{
  char *query_id;
  char *error_code;
  guint http_status;
} OvhErrorPrivate;

static void
ovh_error_private_init (OvhErrorPrivate *priv)
{
  /* The generated accessor returns NULL on misuse; say so to -Wnull-dereference too. */
  if (priv == NULL)
    return;
  priv->query_id = NULL;
  priv->error_code = NULL;
  priv->http_status = 0;
}

static void
ovh_error_private_copy (const OvhErrorPrivate *src, OvhErrorPrivate *dest)
{
  if (src == NULL || dest == NULL)
    return;
  dest->query_id = g_strdup (src->query_id);
  dest->error_code = g_strdup (src->error_code);
  dest->http_status = src->http_status;
}

static void
ovh_error_private_clear (OvhErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  g_clear_pointer (&priv->query_id, g_free);
  g_clear_pointer (&priv->error_code, g_free);
}

G_DEFINE_EXTENDED_ERROR (OvhError, ovh_error)

static const OvhErrorPrivate *
lookup_private (const GError *error)
{
  if (error == NULL || error->domain != OVH_ERROR)
    return NULL;
  return ovh_error_get_private (error);
}

const char *
ovh_error_get_query_id (const GError *error)
{
  const OvhErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->query_id : NULL;
}

const char *
ovh_error_get_error_code (const GError *error)
{
  const OvhErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->error_code : NULL;
}

guint
ovh_error_get_http_status (const GError *error)
{
  const OvhErrorPrivate *priv = lookup_private (error);

  return priv != NULL ? priv->http_status : 0;
}

GError *
ovh_error_new_full (OvhErrorCode code,
                    guint http_status,
                    const char *error_code,
                    const char *query_id,
                    const char *message)
{
  GError *error = g_error_new_literal (OVH_ERROR, code, message != NULL ? message : "");
  OvhErrorPrivate *priv = ovh_error_get_private (error);

  if (priv == NULL)
    return error;
  priv->http_status = http_status;
  priv->error_code = g_strdup (error_code);
  priv->query_id = (query_id != NULL && *query_id != '\0') ? g_strdup (query_id) : NULL;
  return error;
}

/* OVH's legacy errorCode values, as listed in the API notes. */
static const struct
{
  const char *error_code;
  OvhErrorCode code;
} known_error_codes[] = {
  { "QUERY_TIME_OUT", OVH_ERROR_QUERY_TIME_OUT },
  { "INVALID_SIGNATURE", OVH_ERROR_INVALID_SIGNATURE },
  { "INVALID_KEY", OVH_ERROR_INVALID_KEY },
  { "INVALID_CREDENTIAL", OVH_ERROR_INVALID_CREDENTIAL },
  { "NOT_CREDENTIAL", OVH_ERROR_INVALID_CREDENTIAL },
  { "NOT_GRANTED_CALL", OVH_ERROR_NOT_GRANTED },
  { "FORBIDDEN", OVH_ERROR_NOT_GRANTED },
};

/* IAM-era bodies carry no errorCode, only a class such as "Client::Forbidden" and the
 * same English messages as before: those messages are the only way to tell an expired
 * key from a call outside its rules, so they are recognised here (and only here). */
static const struct
{
  const char *message_prefix;
  OvhErrorCode code;
} known_messages[] = {
  { "Query out of time", OVH_ERROR_QUERY_TIME_OUT },
  { "Invalid signature", OVH_ERROR_INVALID_SIGNATURE },
  { "Invalid application key", OVH_ERROR_INVALID_KEY },
  { "This application key is invalid", OVH_ERROR_INVALID_KEY },
  { "This credential is not valid", OVH_ERROR_INVALID_CREDENTIAL },
  { "This credential does not exist", OVH_ERROR_INVALID_CREDENTIAL },
  { "This call has not been granted", OVH_ERROR_NOT_GRANTED },
};

static OvhErrorCode
code_from_status (guint http_status)
{
  switch (http_status)
    {
    case 400:
      return OVH_ERROR_BAD_PARAMETERS;
    case 401:
      return OVH_ERROR_INVALID_CREDENTIAL;
    case 403:
      return OVH_ERROR_NOT_GRANTED;
    case 404:
      return OVH_ERROR_NOT_FOUND;
    case 409:
      return OVH_ERROR_CONFLICT;
    case 429:
      return OVH_ERROR_RATE_LIMITED;
    case 460:
      return OVH_ERROR_EXPIRED;
    default:
      if (http_status >= 500 && http_status <= 599)
        return OVH_ERROR_SERVER;
      return OVH_ERROR_FAILED;
    }
}

/* Said when OVH's answer has no message of its own (empty or non-JSON bodies). */
static char *
default_message (OvhErrorCode code, guint http_status)
{
  switch (code)
    {
    case OVH_ERROR_INVALID_SIGNATURE:
      return g_strdup (_ ("The request signature was refused: check the application secret"));
    case OVH_ERROR_QUERY_TIME_OUT:
      return g_strdup (_ ("The request was refused because this computer’s clock is wrong"));
    case OVH_ERROR_INVALID_KEY:
      return g_strdup (_ ("The application key is not known to OVHcloud"));
    case OVH_ERROR_INVALID_CREDENTIAL:
      return g_strdup (_ ("The consumer key is not valid, or no longer valid"));
    case OVH_ERROR_NOT_GRANTED:
      return g_strdup (_ ("This key is not allowed to do that"));
    case OVH_ERROR_NOT_FOUND:
      return g_strdup (_ ("The requested object does not exist"));
    case OVH_ERROR_CONFLICT:
      return g_strdup (_ ("The request conflicts with the current state of the object"));
    case OVH_ERROR_BAD_PARAMETERS:
      return g_strdup (_ ("The request was refused as malformed"));
    case OVH_ERROR_EXPIRED:
      return g_strdup (_ ("The service has expired"));
    case OVH_ERROR_RATE_LIMITED:
      return g_strdup (_ ("Too many requests: OVHcloud asks to slow down"));
    case OVH_ERROR_SERVER:
      /* Translators: %u is an HTTP status code such as 503 */
      return g_strdup_printf (_ ("The OVHcloud server failed (HTTP %u)"), http_status);
    case OVH_ERROR_FAILED:
    case OVH_ERROR_NETWORK:
    case OVH_ERROR_TLS:
    case OVH_ERROR_INVALID_RESPONSE:
    case OVH_ERROR_CANCELLED_BY_USER:
    default:
      /* Translators: %u is an HTTP status code such as 418 */
      return g_strdup_printf (_ ("The OVHcloud server answered with HTTP status %u"), http_status);
    }
}

GError *
ovh_error_new_from_response (guint http_status,
                             const char *body,
                             gsize body_length,
                             const char *query_id)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *message = NULL;
  const char *error_code = NULL;
  const char *error_class = NULL;
  OvhErrorCode code = code_from_status (http_status);
  gboolean known = FALSE;

  /* A body that is blank, not JSON or not an object leaves the status to speak. */
  if (body != NULL && body_length > 0)
    root = ovh_json_parse (body, body_length, NULL);
  if (ovh_json_node_get_object (root) != NULL)
    {
      JsonObject *object = json_node_get_object (root);
      const char *ovh_message = ovh_json_lookup_string (object, "message");

      error_code = ovh_json_lookup_string (object, "errorCode");
      error_class = ovh_json_lookup_string (object, "class");
      if (ovh_message != NULL && *ovh_message != '\0')
        message = g_strdup (ovh_message);
    }

  if (error_code != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (known_error_codes) && !known; i++)
        if (g_str_equal (error_code, known_error_codes[i].error_code))
          {
            code = known_error_codes[i].code;
            known = TRUE;
          }
    }

  if (!known && message != NULL && (http_status == 400 || http_status == 401 || http_status == 403))
    {
      for (guint i = 0; i < G_N_ELEMENTS (known_messages) && !known; i++)
        if (g_str_has_prefix (message, known_messages[i].message_prefix))
          {
            code = known_messages[i].code;
            known = TRUE;
          }
    }

  if (message == NULL)
    message = default_message (code, http_status);

  return ovh_error_new_full (code, http_status, error_code != NULL ? error_code : error_class,
                             query_id, message);
}

GError *
ovh_error_new_from_transport (const GError *transport_error)
{
  g_return_val_if_fail (transport_error != NULL, NULL);

  if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (transport_error);

  if (transport_error->domain == OVH_ERROR)
    return g_error_copy (transport_error);

  if (transport_error->domain == G_TLS_ERROR)
    {
      g_autofree char *message =
          /* Translators: %s is the reason given by the TLS library */
          g_strdup_printf (_ ("The server’s certificate was refused: %s"),
                           transport_error->message);
      return ovh_error_new_full (OVH_ERROR_TLS, 0, NULL, NULL, message);
    }
  else
    {
      g_autofree char *message =
          /* Translators: %s is the reason given by the network library */
          g_strdup_printf (_ ("Could not reach the OVHcloud API: %s"), transport_error->message);
      const char *kind = NULL;

      /* What went wrong calls for different advice: kept in the error code. */
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
        kind = OVH_ERROR_CODE_CONNECTION_REFUSED;
      else if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        kind = OVH_ERROR_CODE_TIMED_OUT;
      return ovh_error_new_full (OVH_ERROR_NETWORK, 0, kind, NULL, message);
    }
}

gboolean
ovh_error_is_authentication (const GError *error)
{
  if (error == NULL || error->domain != OVH_ERROR)
    return FALSE;

  /* A wrong secret shows up as INVALID_SIGNATURE: the account's keys need replacing too. */
  return error->code == OVH_ERROR_INVALID_KEY || error->code == OVH_ERROR_INVALID_CREDENTIAL
         || error->code == OVH_ERROR_INVALID_SIGNATURE;
}

gboolean
ovh_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != OVH_ERROR)
    return FALSE;

  return error->code == OVH_ERROR_RATE_LIMITED || error->code == OVH_ERROR_SERVER
         || error->code == OVH_ERROR_NETWORK;
}

char *
ovh_error_dup_display_message (const GError *error)
{
  const char *query_id;

  g_return_val_if_fail (error != NULL, NULL);

  query_id = ovh_error_get_query_id (error);
  if (query_id == NULL)
    return g_strdup (error->message);

  /* Translators: the first %s is an error message, the second an identifier that OVHcloud's
   * support asks for */
  return g_strdup_printf (_ ("%s (query ID: %s)"), error->message, query_id);
}
