/* ovh-api-schema.h: the API's description of itself, GET /1.0/ and GET /1.0/{product}.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OVH describes each product of its API in its own pre-OpenAPI format: {"apiVersion",
 * "basePath", "resourcePath", "apis": [{"path", "description", "operations": [{"httpMethod",
 * "description", "apiStatus", "noAuthentication", "parameters": [{"name", "dataType",
 * "fullType", "paramType", "required", "description"}], "responseType"}]}], "models"}; the
 * root lists the products. Both are served without a signature. Whatever a server sends is
 * read defensively: a document of another shape is an error that says where, never a crash.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ovh-api-route.h"
#include "ovh-client.h"

G_BEGIN_DECLS

#define OVH_API_SCHEMA_ERROR (ovh_api_schema_error_quark ())
GQuark ovh_api_schema_error_quark (void);

typedef enum
{
  OVH_API_SCHEMA_ERROR_INVALID, /* not JSON, or not the shape of a schema */
} OvhApiSchemaError;

/* One product of the root listing. */
typedef struct
{
  char *name;        /* "domain" */
  char *path;        /* "/domain" */
  char *schema_path; /* "/domain.json", relative to the base URL */
  char *description; /* may be "" */
} OvhApiProduct;

#define OVH_TYPE_API_PRODUCT (ovh_api_product_get_type ())
GType ovh_api_product_get_type (void) G_GNUC_CONST;
OvhApiProduct *ovh_api_product_copy (const OvhApiProduct *product);
void ovh_api_product_free (OvhApiProduct *product);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvhApiProduct, ovh_api_product_free)

/* The root listing (GET /1.0/): OvhApiProduct*, sorted by name. */
GPtrArray *ovh_api_products_from_json (JsonNode *root, GError **error);

#define OVH_TYPE_API_SCHEMA (ovh_api_schema_get_type ())
G_DECLARE_FINAL_TYPE (OvhApiSchema, ovh_api_schema, OVH, API_SCHEMA, GObject)

/* product: the name the routes carry ("domain"); NULL = from the document's resourcePath. */
OvhApiSchema *ovh_api_schema_new_from_json (const char *product, JsonNode *root, GError **error);
OvhApiSchema *
ovh_api_schema_new_from_data (const char *product, const char *data, gsize length, GError **error);

const char *ovh_api_schema_get_product (OvhApiSchema *self);
const char *ovh_api_schema_get_api_version (OvhApiSchema *self); /* may be NULL */
const char *ovh_api_schema_get_base_path (OvhApiSchema *self);   /* may be NULL */
/* Of OvhApiRoute, in the document's order (one item per path and method). */
GListModel *ovh_api_schema_get_routes (OvhApiSchema *self);
/* The route of this method and path template, or NULL. */
OvhApiRoute *ovh_api_schema_find_route (OvhApiSchema *self, const char *method, const char *path);

/* A new array of the routes a key with these rules (OvhAccessRule*) may call. */
GPtrArray *ovh_api_schema_dup_allowed_routes (OvhApiSchema *self, GPtrArray *rules);

/* GET / and GET /{product}.json, unsigned, through client. */
void ovh_api_products_fetch_async (OvhClient *client,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
GPtrArray *ovh_api_products_fetch_finish (GAsyncResult *result, GError **error);
void ovh_api_schema_fetch_async (OvhClient *client,
                                 const OvhApiProduct *product,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
OvhApiSchema *ovh_api_schema_fetch_finish (GAsyncResult *result, GError **error);

G_END_DECLS
