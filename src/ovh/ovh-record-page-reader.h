/* ovh-record-page-reader.h: a page of records from OVH's bytes, without a JSON tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An expanded page of GET /domain/zone/{zone}/record is a JSON array of record objects. The
 * fast reader turns its bytes straight into records in one pass, for the form OVH sends; for
 * anything else it gives up and the page is read as before (json-glib, then
 * ovh_record_new_from_json_object()), so that both ways accept and refuse exactly the same
 * pages, with the same errors and the same records skipped. No shared state: any thread.
 */
#pragma once

#include "ovh-record.h"

G_BEGIN_DECLS

/* The records of data (length bytes), in order, or NULL when the text is not in the common
 * form: a well-formed array of objects, each a record as ovh_record_new_from_json_object()
 * accepts it, of a type Domaine knows, whose members are plain (no escapes in names, no
 * member twice, whole numbers without fraction or exponent, strings of valid UTF-8 without
 * NUL), within the bounds of ovh_json_check_bounds(). Unknown members are skipped. NULL says
 * nothing about the page: read it the full way to know. */
GPtrArray *ovh_record_page_read_fast (const char *data, gsize length);

/* The whole reading of a page, as the loader does it: the fast reader, else json-glib and
 * ovh_record_new_from_json_object(). Records of a type Domaine does not know are skipped and
 * counted in *n_skipped (zone only names them in debug messages). Errors are
 * OVH_ERROR_INVALID_RESPONSE, as for a call whose answer does not parse (status and query_id
 * are put in them; 0 and NULL when unknown). */
GPtrArray *ovh_record_page_read (GBytes *bytes,
                                 guint status,
                                 const char *query_id,
                                 const char *zone,
                                 guint *n_skipped,
                                 GError **error);

/* The page already read as JSON (node): what ovh_record_page_read() does after json-glib. */
GPtrArray *
ovh_record_page_read_node (JsonNode *node, const char *zone, guint *n_skipped, GError **error);

G_END_DECLS
