/* domaine-cli-session.c: which account a command runs as, and its client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "Domaine"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "domaine-cli-private.h"
#include "ovh-clock-memory.h"
#include "ovh-conf.h"
#include "ovh-endpoint.h"
#include "ovh-record-cache.h"

JsonNode *
domaine_cli_account_to_json (OvhAccount *account)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *display_name = ovh_account_dup_display_name (account);
  g_autofree char *base_url = ovh_account_dup_base_url (account);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ovh_account_get_id (account));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, ovh_account_get_label (account));
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, display_name);
  json_builder_set_member_name (builder, "nichandle");
  json_builder_add_string_value (builder, ovh_account_get_nichandle (account));
  json_builder_set_member_name (builder, "endpoint");
  json_builder_add_string_value (builder, ovh_account_get_endpoint (account));
  json_builder_set_member_name (builder, "baseUrl");
  json_builder_add_string_value (builder, base_url);
  json_builder_set_member_name (builder, "applicationKey");
  json_builder_add_string_value (builder, ovh_account_get_application_key (account));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Accounts ---------------------------------------------------------------------------------- */

OvhAccountStore *
domaine_cli_load_store (DomaineCli *self, GError **error)
{
  g_autoptr (OvhAccountStore) store = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  if (self->store != NULL)
    return self->store;

  store = ovh_account_store_new ();
  ovh_account_store_load_async (store, self->cancellable, domaine_cli_result_cb, &result);
  if (!ovh_account_store_load_finish (store, domaine_cli_await (self, &result), error))
    return NULL;

  self->store = g_steal_pointer (&store);
  return self->store;
}

gboolean
domaine_cli_endpoint_matches (const char *endpoint, const char *other)
{
  const OvhEndpoint *a = ovh_endpoint_lookup (endpoint);
  const OvhEndpoint *b = ovh_endpoint_lookup (other);
  g_autofree char *url_a = NULL;
  g_autofree char *url_b = NULL;

  if (a != NULL || b != NULL)
    return a == b;

  url_a = ovh_endpoint_normalize_url (endpoint);
  url_b = ovh_endpoint_normalize_url (other);
  return url_a != NULL && url_b != NULL && g_str_equal (url_a, url_b);
}

static gboolean
account_is_named (OvhAccount *account, const char *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);
  const char *candidates[] = {
    ovh_account_get_label (account),
    ovh_account_get_nichandle (account),
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *folded = NULL;

      if (candidates[i] == NULL)
        continue;
      folded = g_utf8_casefold (candidates[i], -1);
      if (g_str_equal (folded, wanted))
        return TRUE;
    }

  return FALSE;
}

static char *
describe_accounts (GPtrArray *accounts)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < accounts->len; i++)
    {
      OvhAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *name = ovh_account_dup_display_name (account);

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%s (%s)", name, ovh_account_get_id (account));
    }

  return g_string_free (list, FALSE);
}

/* The same keys give the same id at every run (so what is kept per account, like the zone
 * cache, is found again), and the id tells nothing of them: a hash, shaped as a UUID. */
static OvhAccount *
account_from_candidate (const OvhConfCandidate *candidate, const char *endpoint)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = { "domaine ovh.conf account", endpoint, candidate->application_key,
                          candidate->consumer_key };
  g_autofree char *id = NULL;
  const char *hex;

  /* NUL separators: no choice of parts can collide with another. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) (parts[i] != NULL ? parts[i] : ""),
                       (gssize) strlen (parts[i] != NULL ? parts[i] : "") + 1);
  hex = g_checksum_get_string (checksum);
  id = g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);

  return g_object_new (OVH_TYPE_ACCOUNT, "id", id, "endpoint", endpoint, "application-key",
                       candidate->application_key, "application-secret",
                       candidate->application_secret, "consumer-key", candidate->consumer_key,
                       NULL);
}

/* The ovh.conf / OVH_* account, when one has all three keys. */
static OvhAccount *
account_from_ovh_conf (DomaineCli *self, gboolean required, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) candidates = ovh_conf_find_candidates (NULL, NULL, &local_error);

  if (candidates == NULL)
    {
      if (required)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const OvhConfCandidate *candidate = g_ptr_array_index (candidates, i);
      /* Keys that name no endpoint go where --endpoint says, and only then to Europe. */
      const char *endpoint = candidate->endpoint != NULL ? candidate->endpoint
                             : self->endpoint != NULL    ? self->endpoint
                                                         : "ovh-eu";

      if (self->endpoint != NULL && !domaine_cli_endpoint_matches (self->endpoint, endpoint))
        continue;
      if (candidate->application_secret == NULL || candidate->consumer_key == NULL)
        {
          if (!required)
            continue;
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
                       /* Translators: %s names a file or the environment */
                       _ ("%s has no application secret or consumer key for this endpoint"),
                       candidate->source);
          return NULL;
        }
      g_debug ("Using the %s account of %s", endpoint, candidate->source);
      return account_from_candidate (candidate, endpoint);
    }

  if (required)
    g_set_error_literal (
        error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
        _ ("No account in ovh.conf or the OVH_* environment variables for this endpoint"));
  return NULL;
}

static gboolean
resolve_account (DomaineCli *self, GError **error)
{
  g_autoptr (GError) store_error = NULL;
  g_autoptr (GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  OvhAccountStore *store;
  guint n_items;

  if (self->from_ovh_conf)
    {
      self->account = account_from_ovh_conf (self, TRUE, error);
      return self->account != NULL;
    }

  store = domaine_cli_load_store (self, &store_error);
  if (store == NULL)
    {
      if (g_error_matches (store_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&store_error));
          return FALSE;
        }
      /* No keyring (a server, a cron job): ovh.conf is what such scripts have. */
      if (self->account_name == NULL && (self->account = account_from_ovh_conf (self, FALSE, NULL)))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&store_error));
      return FALSE;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (OvhAccount) account = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (self->endpoint != NULL
          && !domaine_cli_endpoint_matches (self->endpoint, ovh_account_get_endpoint (account)))
        continue;
      g_ptr_array_add (accounts, g_steal_pointer (&account));
    }

  if (self->account_name != NULL)
    {
      for (guint i = 0; i < accounts->len; i++)
        if (g_str_equal (ovh_account_get_id (g_ptr_array_index (accounts, i)), self->account_name))
          {
            self->account = g_object_ref (g_ptr_array_index (accounts, i));
            return TRUE;
          }
      for (guint i = 0; i < accounts->len; i++)
        if (account_is_named (g_ptr_array_index (accounts, i), self->account_name))
          g_ptr_array_add (matches, g_ptr_array_index (accounts, i));

      if (matches->len == 1)
        {
          self->account = g_object_ref (g_ptr_array_index (matches, 0));
          return TRUE;
        }
      if (matches->len > 1)
        {
          g_autofree char *list = describe_accounts (matches);

          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       /* Translators: %s is a name, then a list of accounts */
                       _ ("More than one account is named “%s”; use its ID: %s"),
                       self->account_name, list);
          return FALSE;
        }
      if (accounts->len == 0)
        g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                     _ ("No account named “%s”: the keyring holds none"), self->account_name);
      else
        {
          g_autofree char *list = describe_accounts (accounts);

          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       _ ("No account named “%s”; the accounts are: %s"), self->account_name, list);
        }
      return FALSE;
    }

  if (accounts->len == 1)
    {
      self->account = g_object_ref (g_ptr_array_index (accounts, 0));
      return TRUE;
    }

  if (accounts->len > 1)
    {
      g_autofree char *list = describe_accounts (accounts);

      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                   _ ("Several accounts are stored; choose one with --account: %s"), list);
      return FALSE;
    }

  /* An empty keyring: fall back to the official clients' configuration, if complete. */
  self->account = account_from_ovh_conf (self, FALSE, NULL);
  if (self->account != NULL)
    return TRUE;

  g_set_error_literal (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
                       _ ("No account is stored: sign in with “domaine-cli login” or use "
                          "--from-ovh-conf"));
  return FALSE;
}

/* The endpoint's clock offset is kept between runs: a later command's first signed call then
 * goes out at once instead of after /auth/time. */
void
domaine_cli_close_account (DomaineCli *self)
{
  if (self->client != NULL)
    ovh_clock_memory_remember (self->client);
}

/* A pause of the server's choosing gets a word, so that the command does not seem stuck. */
static void
retry_delay_cb (OvhClient *client, GParamSpec *pspec, DomaineCli *self)
{
  guint seconds = ovh_client_get_retry_delay (client);

  if (seconds == 0 || self->quiet)
    return;

  fprintf (self->err, "domaine-cli: ");
  fprintf (self->err,
           g_dngettext (GETTEXT_PACKAGE,
                        "The OVHcloud API asks to wait %u second; trying again then…",
                        "The OVHcloud API asks to wait %u seconds; trying again then…", seconds),
           seconds);
  fprintf (self->err, "\n");
  fflush (self->err);
}

OvhClient *
domaine_cli_create_client (DomaineCli *self, OvhAccount *account, GError **error)
{
  g_autoptr (OvhClient) client = NULL;

  if (self->ca_file != NULL && self->tls_database == NULL)
    {
      g_autoptr (GError) local_error = NULL;
      /* Relative to the directory the command runs in, whoever reads the file later. */
      g_autofree char *path = g_canonicalize_filename (self->ca_file, NULL);
      GList *certificates;

      /* A file that cannot be read would only show up later as a refused certificate. */
      certificates = g_tls_certificate_list_new_from_file (path, &local_error);
      if (certificates == NULL)
        {
          if (local_error != NULL)
            g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                         /* Translators: %s is a file name, then an error message */
                         _ ("Cannot read the CA file “%s”: %s"), self->ca_file,
                         local_error->message);
          else
            g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                         /* Translators: %s is a file name */
                         _ ("The CA file “%s” holds no PEM certificate"), self->ca_file);
          return NULL;
        }
      g_list_free_full (certificates, g_object_unref);

      self->tls_database = g_tls_file_database_new (path, &local_error);
      if (self->tls_database == NULL)
        {
          g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_USAGE,
                       /* Translators: %s is a file name, then an error message */
                       _ ("Cannot use the CA file “%s”: %s"), self->ca_file, local_error->message);
          return NULL;
        }
    }

  client = ovh_account_create_client (account);
  g_signal_connect (client, "notify::retry-delay", G_CALLBACK (retry_delay_cb), self);
  if (self->request_timeout_seconds >= 0)
    ovh_client_set_timeout (client, (guint) self->request_timeout_seconds);
  if (self->tls_database != NULL)
    ovh_client_set_tls_database (client, self->tls_database);
  ovh_clock_memory_recall (client);

  return g_steal_pointer (&client);
}

gboolean
domaine_cli_open_account (DomaineCli *self, GError **error)
{
  g_autofree char *base_url = NULL;

  if (self->client != NULL)
    return TRUE;

  if (!resolve_account (self, error))
    return FALSE;

  if (!ovh_account_has_secrets (self->account))
    {
      g_autofree char *name = ovh_account_dup_display_name (self->account);

      g_set_error (error, DOMAINE_CLI_ERROR, DOMAINE_CLI_ERROR_AUTH,
                   _ ("The account “%s” has no consumer key: sign in again with “domaine-cli "
                      "login”"),
                   name);
      return FALSE;
    }

  base_url = ovh_account_dup_base_url (self->account);
  g_debug ("Account %s on %s", ovh_account_get_id (self->account), base_url);

  self->client = domaine_cli_create_client (self, self->account, error);
  return self->client != NULL;
}

static void
forget_cache_file (gpointer path, GObject *where_the_zone_was)
{
  g_unlink (path);
  g_free (path);
}

OvhZone *
domaine_cli_new_zone (DomaineCli *self, const char *name)
{
  OvhZone *zone = ovh_zone_new (self->client, name);
  char *path = ovh_record_cache_dup_path (NULL, ovh_client_get_base_url (self->client),
                                          ovh_client_get_application_key (self->client), name);

  /* A zone that commands may change: the records cached for it are forgotten now and again
   * when it is done, so that "records list" (which trusts the cache while the serial stays)
   * never shows what a change without a refresh left behind. */
  ovh_zone_set_cache_enabled (zone, FALSE);
  g_unlink (path);
  g_object_weak_ref (G_OBJECT (zone), forget_cache_file, path);
  return zone;
}

OvhZone *
domaine_cli_new_cached_zone (DomaineCli *self, const char *name)
{
  OvhZone *zone = ovh_zone_new (self->client, name);

  ovh_zone_set_cache_enabled (zone, TRUE);
  return zone;
}
