/* domaine-cli-redirections.c: redirections list|add|delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like records, redirections are served once the zone is refreshed: add and delete end with
 * exactly one refresh per command (also when some deletes failed: the others are made),
 * unless --no-publish.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "domaine-cli-private.h"
#include "ovh-error.h"
#include "ovh-redirection.h"

static int
fail (GError **error)
{
  return domaine_cli_exit_code_for_error (*error);
}

/* What libovh refused in the user's input is a usage error here (its exit code). */
static int
usage (GError **error)
{
  if (*error != NULL && (*error)->domain != DOMAINE_CLI_ERROR)
    {
      GError *usage_error
          = g_error_new_literal (DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE, (*error)->message);

      g_clear_error (error);
      g_propagate_error (error, usage_error);
    }
  return DOMAINE_CLI_EXIT_USAGE;
}

static void
set_text_or_null (JsonObject *object, const char *member, const char *text)
{
  if (text != NULL)
    json_object_set_string_member (object, member, text);
  else
    json_object_set_null_member (object, member);
}

static JsonNode *
redirection_to_json (OvhRedirection *redirection, const char *zone)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "id", ovh_redirection_get_id (redirection));
  json_object_set_string_member (object, "zone", zone);
  json_object_set_string_member (object, "subDomain", ovh_redirection_get_subdomain (redirection));
  json_object_set_string_member (
      object, "type",
      ovh_redirection_type_to_string (ovh_redirection_get_redirection_type (redirection)));
  json_object_set_string_member (object, "target", ovh_redirection_get_target (redirection));
  set_text_or_null (object, "title", ovh_redirection_get_title (redirection));
  set_text_or_null (object, "keywords", ovh_redirection_get_keywords (redirection));
  set_text_or_null (object, "description", ovh_redirection_get_description (redirection));
  json_node_take_object (node, object);
  return node;
}

/* The refresh that serves the changes; on failure, the error says they were made. */
static gboolean
publish (DomaineCli *self, const char *zone, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) local_error = NULL;

  if (self->no_publish)
    return TRUE;
  ovh_redirection_publish_async (self->client, zone, self->cancellable, domaine_cli_result_cb,
                                 &result);
  if (ovh_redirection_change_finish (self->client, domaine_cli_await (self, &result), &local_error))
    return TRUE;
  g_propagate_prefixed_error (
      error, g_steal_pointer (&local_error),
      /* Translators: the zone, the zone again, then OVHcloud's error follows */
      _ ("The redirections of %s were changed but not published (run “domaine-cli zone refresh "
         "%s”): "),
      zone, zone);
  return FALSE;
}

int
domaine_cli_cmd_redirections_list (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) redirections = NULL;
  g_autoptr (DomaineCliTable) table = NULL;
  g_autoptr (JsonArray) array = json_array_new ();

  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_redirection_list_async (self->client, zone, self->cancellable, domaine_cli_result_cb,
                              &result);
  redirections
      = ovh_redirection_list_finish (self->client, domaine_cli_await (self, &result), error);
  if (redirections == NULL)
    return fail (error);

  table = domaine_cli_table_new (_ ("ID"), _ ("Subdomain"), _ ("Type"), _ ("Target"), NULL);
  domaine_cli_table_set_align_right (table, 0, TRUE);
  for (guint i = 0; i < redirections->len; i++)
    {
      OvhRedirection *redirection = g_ptr_array_index (redirections, i);
      g_autofree char *id
          = g_strdup_printf ("%" G_GINT64_FORMAT, ovh_redirection_get_id (redirection));
      const char *subdomain = ovh_redirection_get_subdomain (redirection);

      json_array_add_element (array, redirection_to_json (redirection, zone));
      domaine_cli_table_add_row (
          table, id, subdomain[0] != '\0' ? subdomain : "@",
          ovh_redirection_type_get_label (ovh_redirection_get_redirection_type (redirection)),
          ovh_redirection_get_target (redirection), NULL);
    }
  domaine_cli_print_listing (self, array, table);
  return DOMAINE_CLI_EXIT_OK;
}

static gboolean
parse_type (const char *text, OvhRedirectionType *type, GError **error)
{
  if (text == NULL || g_str_equal (text, "visible") || g_str_equal (text, "302"))
    *type = OVH_REDIRECTION_VISIBLE;
  else if (g_str_equal (text, "permanent") || g_str_equal (text, "visiblePermanent")
           || g_str_equal (text, "301"))
    *type = OVH_REDIRECTION_VISIBLE_PERMANENT;
  else if (g_str_equal (text, "invisible"))
    *type = OVH_REDIRECTION_INVISIBLE;
  else
    {
      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Unknown redirection type “%s”: use visible, permanent or invisible"), text);
      return FALSE;
    }
  return TRUE;
}

int
domaine_cli_cmd_redirections_add (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  const char *subdomain = g_str_equal (self->args[1], "@") ? "" : self->args[1];
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (OvhRedirection) wanted = NULL;
  g_autoptr (OvhRedirection) made = NULL;
  g_autofree char *suffix = g_strconcat (".", zone, NULL);
  g_autofree char *short_name = NULL;
  OvhRedirectionType type;
  gboolean published;

  /* A full name is shortened, as records take it. */
  if (g_str_has_suffix (subdomain, ".") && subdomain[1] != '\0')
    short_name = g_strndup (subdomain, strlen (subdomain) - 1);
  else
    short_name = g_strdup (subdomain);
  if (g_ascii_strcasecmp (short_name, zone) == 0)
    short_name[0] = '\0';
  else if (g_str_has_suffix (short_name, suffix))
    short_name[strlen (short_name) - strlen (suffix)] = '\0';

  /* Checked before signing in: a typo costs no request. */
  if (!parse_type (self->type, &type, error))
    return DOMAINE_CLI_EXIT_USAGE;
  if (self->title != NULL && type != OVH_REDIRECTION_INVISIBLE)
    {
      g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                           _ ("--title applies to invisible redirections only (--type "
                              "invisible)"));
      return DOMAINE_CLI_EXIT_USAGE;
    }
  wanted = ovh_redirection_new (0, short_name, type, self->args[2], self->title, NULL, NULL);
  if (!ovh_redirection_check (wanted, error))
    return usage (error);
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  ovh_redirection_create_async (self->client, zone, wanted, self->cancellable,
                                domaine_cli_result_cb, &result);
  made = ovh_redirection_create_finish (self->client, domaine_cli_await (self, &result), error);
  if (made == NULL)
    return fail (error);
  published = publish (self, zone, error);

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "redirection", redirection_to_json (made, zone));
      json_object_set_boolean_member (object, "published", published && !self->no_publish);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ovh_redirection_get_id (made));
      g_autofree char *source = ovh_redirection_dup_source (made, zone);

      domaine_cli_print (self, _ ("Added redirection %s: %s → %s\n"), id, source,
                         ovh_redirection_get_target (made));
    }
  return published ? DOMAINE_CLI_EXIT_OK : fail (error);
}

int
domaine_cli_cmd_redirections_delete (DomaineCli *self, GError **error)
{
  const char *zone = self->args[0];
  g_autoptr (JsonArray) deleted = json_array_new ();
  g_autoptr (JsonArray) failed = json_array_new ();
  g_autoptr (GError) first_error = NULL;
  g_autoptr (GError) publish_error = NULL;
  gboolean published = FALSE;
  guint n_deleted = 0;
  guint64 id;

  for (guint i = 1; i < self->n_args; i++)
    if (!domaine_cli_parse_id (self->args[i], _ ("redirection ID"), &id, error))
      return DOMAINE_CLI_EXIT_USAGE;
  if (!domaine_cli_open_account (self, error))
    return DOMAINE_CLI_EXIT_API;

  for (guint i = 1; i < self->n_args; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) local_error = NULL;

      domaine_cli_parse_id (self->args[i], _ ("redirection ID"), &id, NULL);
      ovh_redirection_delete_async (self->client, zone, (gint64) id, self->cancellable,
                                    domaine_cli_result_cb, &result);
      if (ovh_redirection_change_finish (self->client, domaine_cli_await (self, &result),
                                         &local_error))
        {
          json_array_add_int_element (deleted, (gint64) id);
          n_deleted++;
          if (!self->json)
            domaine_cli_print (self, _ ("Deleted redirection %s\n"), self->args[i]);
          continue;
        }
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return fail (error);
        }
      {
        JsonObject *failure = json_object_new ();
        g_autofree char *message = ovh_error_dup_display_message (local_error);

        json_object_set_int_member (failure, "id", (gint64) id);
        json_object_set_string_member (failure, "error", message);
        json_array_add_object_element (failed, failure);
      }
      if (self->n_args > 2)
        domaine_cli_print_error (self, local_error); /* each on its own line */
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  /* What was deleted is gone at OVHcloud: it is published even if others failed. */
  if (n_deleted > 0)
    {
      if (!publish (self, zone, &publish_error))
        published = FALSE;
      else
        published = !self->no_publish;
    }

  if (self->json)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "zone", zone);
      json_object_set_array_member (object, "deleted", json_array_ref (deleted));
      json_object_set_array_member (object, "failed", json_array_ref (failed));
      json_object_set_boolean_member (object, "published", published);
      json_node_take_object (node, object);
      domaine_cli_print_json (self, node);
    }
  if (publish_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&publish_error));
      return fail (error);
    }
  if (first_error != NULL)
    {
      int status = domaine_cli_exit_code_for_error (first_error);

      /* One ID: its failure is the command's error line; several were printed above. */
      if (self->n_args == 2)
        g_propagate_error (error, g_steal_pointer (&first_error));
      return status;
    }
  return DOMAINE_CLI_EXIT_OK;
}
