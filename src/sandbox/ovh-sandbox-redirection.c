/* ovh-sandbox-redirection.c: the /domain/zone/{zone}/redirection routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Web redirections are kept apart from the records, as at OVH: /record does not list them and
 * the export leaves them out. A change marks the zone as not deployed until its refresh. PUT
 * takes the type, target and the texts of an invisible redirection; subDomain is read-only.
 */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

static const char *const redirection_types[] = { "visible", "visiblePermanent", "invisible", NULL };

void
sandbox_redirection_free (SandboxRedirection *redirection)
{
  g_free (redirection->sub_domain);
  g_free (redirection->type);
  g_free (redirection->target);
  g_free (redirection->title);
  g_free (redirection->keywords);
  g_free (redirection->description);
  g_free (redirection);
}

static SandboxRedirection *
redirection_new (gint64 id, const char *sub_domain, const char *type, const char *target)
{
  SandboxRedirection *self = g_new0 (SandboxRedirection, 1);

  self->id = id;
  self->sub_domain = g_strdup (sub_domain);
  self->type = g_strdup (type);
  self->target = g_strdup (target);
  return self;
}

void
sandbox_seed_redirection (SandboxZone *zone, gint64 *next_id)
{
  g_ptr_array_add (zone->redirections, redirection_new ((*next_id)++, "archive", "visiblePermanent",
                                                        "https://ada-archive.example.org/"));
}

static JsonNode *
to_json (const SandboxRedirection *redirection, const char *zone)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", redirection->id);
  json_object_set_string_member (object, "zone", zone);
  json_object_set_string_member (object, "subDomain", redirection->sub_domain);
  json_object_set_string_member (object, "type", redirection->type);
  json_object_set_string_member (object, "target", redirection->target);
  if (redirection->title != NULL)
    json_object_set_string_member (object, "title", redirection->title);
  else
    json_object_set_null_member (object, "title");
  if (redirection->keywords != NULL)
    json_object_set_string_member (object, "keywords", redirection->keywords);
  else
    json_object_set_null_member (object, "keywords");
  if (redirection->description != NULL)
    json_object_set_string_member (object, "description", redirection->description);
  else
    json_object_set_null_member (object, "description");
  return sandbox_node_for_object (object);
}

static JsonNode *
item_key (SandboxCall *call, gpointer item)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, ((SandboxRedirection *) item)->id);
  return node;
}

static JsonNode *
item_object (SandboxCall *call, gpointer item)
{
  return to_json (item, call->segments[2]);
}

/* Checks ------------------------------------------------------------------------------------- */

static gboolean
read_only_untouched (SandboxCall *call, JsonObject *request)
{
  static const char *const read_only[] = { "id", "zone", "subDomain", NULL };
  g_autoptr (GStrvBuilder) altered = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  g_autofree char *list = NULL;

  for (guint i = 0; read_only[i] != NULL; i++)
    if (json_object_has_member (request, read_only[i]))
      g_strv_builder_add (altered, read_only[i]);
  names = g_strv_builder_end (altered);
  if (names[0] == NULL)
    return TRUE;
  list = g_strjoinv (", ", names);
  sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Try to alter read-only properties: %s", list);
  return FALSE;
}

static gboolean
sub_domain_is_valid (SandboxCall *call, const char *sub_domain)
{
  if (strlen (sub_domain) > SANDBOX_SUB_DOMAIN_MAX)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid subDomain: longer than %u characters", SANDBOX_SUB_DOMAIN_MAX);
      return FALSE;
    }
  for (const char *p = sub_domain; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      {
        sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid subDomain: %s", sub_domain);
        return FALSE;
      }
  return TRUE;
}

static gboolean
type_is_valid (SandboxCall *call, const char *type)
{
  if (type == NULL)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[type] Property is mandatory");
      return FALSE;
    }
  if (!g_strv_contains (redirection_types, type))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[type] Given data (%s) does not belong to the RedirectionTypeEnum "
                          "enumeration",
                          type);
      return FALSE;
    }
  return TRUE;
}

static gboolean
target_is_valid (SandboxCall *call, const char *target)
{
  g_autoptr (GUri) uri = NULL;

  if (target == NULL || target[0] == '\0')
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "[target] Property is mandatory");
      return FALSE;
    }
  if (strlen (target) > SANDBOX_TARGET_MAX)
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid target: longer than %u characters", SANDBOX_TARGET_MAX);
      return FALSE;
    }
  uri = g_uri_parse (target, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0'
      || (g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0
          && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST, "Invalid target: %s", target);
      return FALSE;
    }
  return TRUE;
}

/* One redirection a name. */
static gboolean
conflicts (SandboxCall *call, SandboxZone *zone, const char *sub_domain)
{
  for (guint i = 0; i < zone->redirections->len; i++)
    {
      const SandboxRedirection *other = g_ptr_array_index (zone->redirections, i);

      if (g_ascii_strcasecmp (other->sub_domain, sub_domain) == 0)
        {
          sandbox_call_error (call, SOUP_STATUS_CONFLICT,
                              "A redirection already exists for the subDomain %s", sub_domain);
          return TRUE;
        }
    }
  return FALSE;
}

/* The texts of an invisible redirection: a string, null (none) or left out (unchanged). */
static gboolean
read_texts (SandboxCall *call, JsonObject *request, const char **texts[3])
{
  static const char *const names[] = { "title", "keywords", "description" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (json_object_has_member (request, names[i])
        && JSON_NODE_HOLDS_NULL (json_object_get_member (request, names[i])))
      *texts[i] = NULL;
    else if (!sandbox_member_string (request, names[i], texts[i]))
      {
        sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                            "[%s] Given data is not valid for type "
                            "string",
                            names[i]);
        return FALSE;
      }
  return TRUE;
}

static void
set_text (char **field, const char *value)
{
  if (value == *field)
    return;
  g_free (*field);
  *field = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

/* Routes ------------------------------------------------------------------------------------- */

static void
create (SandboxCall *call, SandboxZone *zone)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *sub_domain = NULL;
  const char *type = NULL;
  const char *target = NULL;
  const char *title = NULL, *keywords = NULL, *description = NULL;
  const char **texts[3] = { &title, &keywords, &description };
  SandboxRedirection *redirection;

  if (request == NULL)
    return;
  if (!sandbox_member_string (request, "subDomain", &sub_domain)
      || !sandbox_member_string (request, "type", &type)
      || !sandbox_member_string (request, "target", &target))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid value: subDomain, type and target are strings");
      return;
    }
  if (sub_domain == NULL)
    sub_domain = "";
  if (!target_is_valid (call, target) || !type_is_valid (call, type)
      || !sub_domain_is_valid (call, sub_domain) || !read_texts (call, request, texts)
      || conflicts (call, zone, sub_domain))
    return;

  redirection = redirection_new (call->self->next_record_id++, sub_domain, type, target);
  set_text (&redirection->title, title);
  set_text (&redirection->keywords, keywords);
  set_text (&redirection->description, description);
  g_ptr_array_add (zone->redirections, redirection);
  zone->deployed = FALSE;
  sandbox_call_reply (call, SOUP_STATUS_OK, to_json (redirection, zone->name));
}

static void
update (SandboxCall *call, SandboxZone *zone, SandboxRedirection *redirection)
{
  g_autoptr (JsonNode) body = NULL;
  JsonObject *request = sandbox_call_body_object (call, &body);
  const char *type = redirection->type;
  const char *target = redirection->target;
  const char *title = redirection->title;
  const char *keywords = redirection->keywords;
  const char *description = redirection->description;
  const char **texts[3] = { &title, &keywords, &description };

  if (request == NULL || !read_only_untouched (call, request))
    return;
  if (!sandbox_member_string (request, "type", &type)
      || !sandbox_member_string (request, "target", &target))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "Invalid value in the redirection's properties");
      return;
    }
  if (!target_is_valid (call, target) || !type_is_valid (call, type)
      || !read_texts (call, request, texts))
    return;

  if (type != redirection->type)
    {
      g_free (redirection->type);
      redirection->type = g_strdup (type);
    }
  if (target != redirection->target)
    {
      g_free (redirection->target);
      redirection->target = g_strdup (target);
    }
  set_text (&redirection->title, title);
  set_text (&redirection->keywords, keywords);
  set_text (&redirection->description, description);
  zone->deployed = FALSE;
  sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
}

void
sandbox_route_redirections (SandboxCall *call, SandboxZone *zone)
{
  SandboxRedirection *redirection = NULL;
  guint index;
  gint64 id;

  if (call->n_segments == 4)
    {
      if (g_str_equal (call->method, "GET"))
        {
          const char *filter = sandbox_call_query (call, "subDomain");
          g_autoptr (GPtrArray) matches = g_ptr_array_new ();

          for (guint i = 0; i < zone->redirections->len; i++)
            {
              redirection = g_ptr_array_index (zone->redirections, i);
              if (filter == NULL || g_ascii_strcasecmp (filter, redirection->sub_domain) == 0)
                g_ptr_array_add (matches, redirection);
            }
          sandbox_reply_list (call, matches, item_key, item_object, NULL);
        }
      else if (g_str_equal (call->method, "POST"))
        create (call, zone);
      else
        sandbox_call_not_found_route (call);
      return;
    }
  if (call->n_segments != 5)
    {
      sandbox_call_not_found_route (call);
      return;
    }
  if (!sandbox_parse_id (call->segments[4], &id))
    {
      sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                          "[id] Given data (%s) is not valid for type long", call->segments[4]);
      return;
    }
  for (index = 0; index < zone->redirections->len; index++)
    {
      redirection = g_ptr_array_index (zone->redirections, index);
      if (redirection->id == id)
        break;
    }
  if (index == zone->redirections->len)
    {
      sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                          "The requested object (id = %s) does not exist", call->segments[4]);
      return;
    }

  if (g_str_equal (call->method, "GET"))
    sandbox_call_reply (call, SOUP_STATUS_OK, to_json (redirection, zone->name));
  else if (g_str_equal (call->method, "PUT"))
    update (call, zone, redirection);
  else if (g_str_equal (call->method, "DELETE"))
    {
      g_ptr_array_remove_index (zone->redirections, index);
      zone->deployed = FALSE;
      sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
    }
  else
    sandbox_call_not_found_route (call);
}
