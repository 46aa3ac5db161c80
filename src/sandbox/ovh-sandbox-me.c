/* ovh-sandbox-me.c: the /me routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account, and the keys and applications it gave: /me, /me/api/credential[/{id}[/application]]
 * and /me/api/application[/{id}].
 */
#include "config.h"

#include <libsoup/soup.h>

#include "ovh-sandbox-private.h"

static int
compare_credentials (gconstpointer a, gconstpointer b)
{
  const SandboxCredential *ca = *(SandboxCredential **) a;
  const SandboxCredential *cb = *(SandboxCredential **) b;

  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

void
sandbox_route_me (SandboxCall *call)
{
  OvhSandbox *self = call->self;
  gboolean get = g_str_equal (call->method, "GET");
  gboolean delete = g_str_equal (call->method, "DELETE");
  gint64 id = 0;

  if (call->n_segments == 1 && get)
    {
      sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_seed_nichandle ());
      return;
    }
  if (call->n_segments < 3 || !g_str_equal (call->segments[1], "api"))
    {
      sandbox_call_not_found_route (call);
      return;
    }

  if (g_str_equal (call->segments[2], "credential"))
    {
      SandboxCredential *credential;

      if (call->n_segments == 3 && get)
        {
          const char *application_id = sandbox_call_query (call, "applicationId");
          const char *status = sandbox_call_query (call, "status");
          g_autoptr (GPtrArray) sorted = g_ptr_array_new ();
          JsonArray *array = json_array_new ();
          GHashTableIter iter;
          gint64 wanted_application = 0;

          if (application_id != NULL && !sandbox_parse_id (application_id, &wanted_application))
            {
              json_array_unref (array);
              sandbox_call_error (call, SOUP_STATUS_BAD_REQUEST,
                                  "[applicationId] Given data (%s) is not valid for type long",
                                  application_id);
              return;
            }

          g_hash_table_iter_init (&iter, self->credentials);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
            {
              sandbox_credential_update_expiry (self, credential);
              if (application_id != NULL && credential->application_id != wanted_application)
                continue;
              if (status != NULL && !g_str_equal (status, credential->status))
                continue;
              g_ptr_array_add (sorted, credential);
            }
          g_ptr_array_sort (sorted, compare_credentials);
          for (guint i = 0; i < sorted->len; i++)
            json_array_add_int_element (array,
                                        ((SandboxCredential *) g_ptr_array_index (sorted, i))->id);
          sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (array));
          return;
        }

      if (call->n_segments < 4 || !sandbox_parse_id (call->segments[3], &id)
          || (credential = sandbox_find_credential_by_id (self, id)) == NULL)
        {
          if (call->n_segments >= 4 && call->n_segments <= 5)
            sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                                "The requested object (credentialId = %s) does not exist",
                                call->segments[3]);
          else
            sandbox_call_not_found_route (call);
          return;
        }
      sandbox_credential_update_expiry (self, credential);

      if (call->n_segments == 4 && get)
        sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_credential_to_json (credential));
      else if (call->n_segments == 4 && delete)
        {
          gboolean self_delete = credential == call->credential;

          g_hash_table_remove (self->credentials, credential->consumer_key);
          if (self_delete)
            call->credential = NULL;
          sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
        }
      else if (call->n_segments == 5 && get && g_str_equal (call->segments[4], "application"))
        {
          SandboxApplication *application
              = sandbox_find_application_by_id (self, credential->application_id);

          if (application == NULL)
            sandbox_call_error (call, SOUP_STATUS_NOT_FOUND, "This application does not exist");
          else
            sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_application_to_json (application));
        }
      else
        sandbox_call_not_found_route (call);
      return;
    }

  if (g_str_equal (call->segments[2], "application"))
    {
      SandboxApplication *application;

      if (call->n_segments == 3 && get)
        {
          JsonArray *array = json_array_new ();

          for (gint64 i = 1; i < self->next_application_id; i++)
            if (sandbox_find_application_by_id (self, i) != NULL)
              json_array_add_int_element (array, i);
          sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_node_for_array (array));
          return;
        }
      if (call->n_segments != 4 || !sandbox_parse_id (call->segments[3], &id)
          || (application = sandbox_find_application_by_id (self, id)) == NULL)
        {
          if (call->n_segments == 4)
            sandbox_call_error (call, SOUP_STATUS_NOT_FOUND,
                                "The requested object (applicationId = %s) does not exist",
                                call->segments[3]);
          else
            sandbox_call_not_found_route (call);
          return;
        }

      if (get)
        sandbox_call_reply (call, SOUP_STATUS_OK, sandbox_application_to_json (application));
      else if (delete)
        {
          GHashTableIter iter;
          SandboxCredential *credential;

          /* Deleting an application revokes every key it was given. */
          g_hash_table_iter_init (&iter, self->credentials);
          while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &credential))
            if (credential->application_id == id)
              {
                if (credential == call->credential)
                  call->credential = NULL;
                g_hash_table_iter_remove (&iter);
              }
          g_hash_table_remove (self->applications, application->key);
          sandbox_call_reply (call, SOUP_STATUS_OK, NULL);
        }
      else
        sandbox_call_not_found_route (call);
      return;
    }

  sandbox_call_not_found_route (call);
}
