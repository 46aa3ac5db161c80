/* ovh-api-route.h: one operation of the OVH API as its schema describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  OVH_API_PARAMETER_PATH,  /* a {name} segment of the route's path */
  OVH_API_PARAMETER_QUERY, /* ?name=value */
  OVH_API_PARAMETER_BODY,  /* the body, or one member of it when named */
} OvhApiParameterLocation;

typedef struct
{
  char *name; /* NULL for a body parameter that is the whole body */
  char *data_type;
  char *full_type;
  char *description;
  OvhApiParameterLocation location;
  gboolean required;
} OvhApiParameter;

#define OVH_TYPE_API_PARAMETER (ovh_api_parameter_get_type ())
GType ovh_api_parameter_get_type (void) G_GNUC_CONST;
OvhApiParameter *ovh_api_parameter_copy (const OvhApiParameter *parameter);
void ovh_api_parameter_free (OvhApiParameter *parameter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhApiParameter, ovh_api_parameter_free)

/* apiStatus.value of an operation. */
typedef enum
{
  OVH_API_STATUS_PRODUCTION,
  OVH_API_STATUS_BETA,
  OVH_API_STATUS_ALPHA,
  OVH_API_STATUS_DEPRECATED,
  OVH_API_STATUS_OTHER, /* a value this version does not know: see get_status_text */
} OvhApiStatus;

#define OVH_TYPE_API_ROUTE (ovh_api_route_get_type ())
G_DECLARE_FINAL_TYPE (OvhApiRoute, ovh_api_route, OVH, API_ROUTE, GObject)

/* Properties (read-only): "product" ("domain"), "method" ("GET"), "path"
 * ("/domain/zone/{zoneName}/record"), "description", "status". */
const char *ovh_api_route_get_product (OvhApiRoute *self);
const char *ovh_api_route_get_method (OvhApiRoute *self);
const char *ovh_api_route_get_path (OvhApiRoute *self);
const char *ovh_api_route_get_description (OvhApiRoute *self);
const char *ovh_api_route_get_response_type (OvhApiRoute *self);
gboolean ovh_api_route_get_no_authentication (OvhApiRoute *self);
OvhApiStatus ovh_api_route_get_status (OvhApiRoute *self);
/* The schema's own words ("Deprecated, will be removed"), and for a deprecated route the
 * dates (NULL when not given) and the route to use instead. */
const char *ovh_api_route_get_status_text (OvhApiRoute *self);
const char *ovh_api_route_get_deprecated_date (OvhApiRoute *self);
const char *ovh_api_route_get_deletion_date (OvhApiRoute *self);
const char *ovh_api_route_get_replacement (OvhApiRoute *self);
/* OvhApiParameter*, path parameters first, then query, then body, each in schema order. */
GPtrArray *ovh_api_route_get_parameters (OvhApiRoute *self);
gboolean ovh_api_route_has_body (OvhApiRoute *self);

/* Whether a key with these rules (OvhAccessRule*, as GET /auth/currentCredential lists them)
 * may call this route for some value of its path parameters: "GET /domain/zone/{zoneName}"
 * is allowed by "GET /domain/zone/lovelace.fr" as by "GET /domain/…" (a trailing wildcard).
 * For a path without parameters it is ovh_access_rules_allow(). */
gboolean ovh_api_route_is_allowed (OvhApiRoute *self, GPtrArray *rules);

/* Whether text (lower case) is in the route's method, path or description: the console's
 * search. NULL or "" matches every route. */
gboolean ovh_api_route_matches_search (OvhApiRoute *self, const char *text);

/* The path to call: each {name} replaced by values[name] escaped as one segment, then the
 * query parameters that have a non-empty value in values, escaped, in schema order. Fails
 * (G_IO_ERROR_INVALID_ARGUMENT, naming it) when a path parameter has no value.
 * values: name → text. */
char *ovh_api_route_build_path (OvhApiRoute *self, GHashTable *values, GError **error);

/* A body to start from, pretty-printed JSON: the writable members of the body's model with
 * empty values of their types ("" , 0, false, [], {…}), or the named body parameters. NULL
 * when the route takes no body. */
char *ovh_api_route_dup_body_template (OvhApiRoute *self);

/* For ovh-api-schema.c: a route of product; models is the schema's "models" (may be NULL).
 * Takes the parameters (OvhApiParameter*). */
OvhApiRoute *ovh_api_route_new (const char *product,
                                const char *method,
                                const char *path,
                                const char *description,
                                const char *response_type,
                                gboolean no_authentication,
                                JsonObject *status,
                                GPtrArray *parameters,
                                JsonObject *models);

G_END_DECLS
