/* ovh-sandbox-page.c: the credential validation page a browser sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page at a validationUrl (/auth/?credentialToken=…) and what its form does: sign in as
 * the demo customer, then authorize (for a chosen validity) or refuse the consumer key.
 *
 * Self-contained (inline style, no script, no external resource) so that it works offline and
 * a test can drive it with plain HTTP: GET the page, POST the form, follow the 303.
 */
#include "config.h"

#include "ovh-sandbox-private.h"

#define PAGE_STYLE                                                                             \
  "body{font-family:Cantarell,system-ui,sans-serif;background:#f6f5f4;color:#2e3436;margin:0}" \
  "main{max-width:34em;margin:3em auto;background:#fff;border-radius:12px;padding:2em;"        \
  "box-shadow:0 1px 4px rgba(0,0,0,.15)}"                                                      \
  "h1{font-size:1.4em;margin-top:0}label{display:block;margin:.8em 0 .2em;font-weight:bold}"   \
  "input,select{width:100%;padding:.5em;box-sizing:border-box;font-size:1em}"                  \
  "ul{background:#f6f5f4;padding:.8em 2em;border-radius:6px}code{font-size:.95em}"             \
  ".hint{color:#5e5c64;font-size:.9em}.error{color:#c01c28;font-weight:bold}"                  \
  ".buttons{display:flex;gap:1em;margin-top:1.5em}button{flex:1;padding:.7em;font-size:1em;"   \
  "border-radius:6px;border:0}button.accept{background:#3584e4;color:#fff}"                    \
  "button.refuse{background:#e0e0e0}"

static void
append_header (GString *out, const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width\">\n"
                          "<title>%s — OVH API sandbox</title>\n<style>%s</style>\n</head>\n"
                          "<body>\n<main>\n",
                          escaped, PAGE_STYLE);
}

char *
sandbox_page_form (const SandboxPageForm *form)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (form->application_name, -1);
  g_autofree char *description = g_markup_escape_text (form->application_description, -1);
  g_autofree char *token = g_markup_escape_text (form->token, -1);

  append_header (out, "Authorize an application");
  g_string_append_printf (out, "<h1>%s wants to access your account</h1>\n", name);
  if (description[0] != '\0')
    g_string_append_printf (out, "<p>%s</p>\n", description);

  g_string_append (out, "<p>It asks for these calls:</p>\n<ul id=\"rules\">\n");
  for (guint i = 0; i < form->rules->len; i++)
    {
      const SandboxRule *rule = g_ptr_array_index (form->rules, i);
      g_autofree char *method = g_markup_escape_text (rule->method, -1);
      g_autofree char *path = g_markup_escape_text (rule->path, -1);

      g_string_append_printf (out, "<li><code>%s %s</code></li>\n", method, path);
    }
  g_string_append (out, "</ul>\n");

  if (form->error != NULL)
    {
      g_autofree char *error = g_markup_escape_text (form->error, -1);
      g_string_append_printf (out, "<p class=\"error\" role=\"alert\">%s</p>\n", error);
    }

  g_string_append_printf (
      out,
      "<form method=\"post\" action=\"/auth/\">\n"
      "<input type=\"hidden\" name=\"credentialToken\" value=\"%s\">\n"
      "<label for=\"login\">Account ID or email</label>\n"
      "<input id=\"login\" name=\"login\" autocomplete=\"username\" value=\"" OVH_SANDBOX_NICHANDLE
      "\">\n"
      "<label for=\"password\">Password</label>\n"
      "<input id=\"password\" name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\">\n"
      "<p class=\"hint\">This is the sandbox: sign in as <b>" OVH_SANDBOX_NICHANDLE "</b> "
      "(Ada Lovelace) with the demo password <code>" OVH_SANDBOX_DEMO_PASSWORD "</code>.</p>\n"
      "<label for=\"duration\">Validity</label>\n"
      "<select id=\"duration\" name=\"duration\">\n"
      "<option value=\"3600\">1 hour</option>\n"
      "<option value=\"86400\">1 day</option>\n"
      "<option value=\"2592000\">30 days</option>\n"
      "<option value=\"0\" selected>Unlimited</option>\n"
      "</select>\n"
      "<div class=\"buttons\">\n"
      "<button class=\"refuse\" type=\"submit\" name=\"action\" value=\"refuse\">Refuse</button>\n"
      "<button class=\"accept\" type=\"submit\" name=\"action\" "
      "value=\"authorize\">Authorize</button>\n"
      "</div>\n</form>\n</main>\n</body>\n</html>\n",
      token);

  return g_string_free (out, FALSE);
}

char *
sandbox_page_message (const char *title, const char *message)
{
  GString *out = g_string_new (NULL);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_message = g_markup_escape_text (message, -1);

  append_header (out, title);
  g_string_append_printf (out, "<h1>%s</h1>\n<p id=\"message\">%s</p>\n</main>\n</body>\n</html>\n",
                          escaped_title, escaped_message);

  return g_string_free (out, FALSE);
}

void
sandbox_serve_credential_page (SandboxCall *call)
{
  OvhSandbox *self = call->self;
  gboolean post = g_str_equal (call->method, "POST");
  g_autoptr (GHashTable) form = NULL;
  SandboxCredential *credential;
  SandboxApplication *application;
  const char *token;

  if (post)
    {
      g_autofree char *text = g_strndup (call->body, call->body_length);
      form = soup_form_decode (text);
      token = g_hash_table_lookup (form, "credentialToken");
    }
  else if (g_str_equal (call->method, "GET"))
    token = call->query != NULL ? g_hash_table_lookup (call->query, "credentialToken") : NULL;
  else
    {
      sandbox_call_html (
          call, SOUP_STATUS_METHOD_NOT_ALLOWED,
          sandbox_page_message ("Not allowed", "Use the link the application gave you."));
      return;
    }

  credential = sandbox_find_credential_by_token (self, token);
  application = credential != NULL
                    ? sandbox_find_application_by_id (self, credential->application_id)
                    : NULL;
  if (credential == NULL || application == NULL)
    {
      sandbox_call_html (
          call, SOUP_STATUS_NOT_FOUND,
          sandbox_page_message ("Unknown request",
                                "This link is not valid: ask the application for a new one."));
      return;
    }
  if (!g_str_equal (credential->status, "pendingValidation"))
    {
      sandbox_call_html (call, SOUP_STATUS_OK,
                         sandbox_page_message ("Already answered",
                                               "This request was already authorized or refused."));
      return;
    }

  if (post)
    {
      const char *action = g_hash_table_lookup (form, "action");
      const char *login = g_hash_table_lookup (form, "login");
      const char *password = g_hash_table_lookup (form, "password");
      const char *duration = g_hash_table_lookup (form, "duration");
      gboolean authorize = g_strcmp0 (action, "authorize") == 0;
      guint64 seconds = 0;

      if (authorize
          && (password == NULL || !g_str_equal (password, OVH_SANDBOX_DEMO_PASSWORD)
              || login == NULL
              || (g_ascii_strcasecmp (login, OVH_SANDBOX_NICHANDLE) != 0
                  && g_ascii_strcasecmp (login, OVH_SANDBOX_EMAIL) != 0)))
        {
          SandboxPageForm page = { credential->token, application->name, application->description,
                                   credential->rules, "Invalid account or password." };
          sandbox_call_html (call, SOUP_STATUS_FORBIDDEN, sandbox_page_form (&page));
          return;
        }
      if (authorize && duration != NULL
          && !g_ascii_string_to_unsigned (duration, 10, 0, G_MAXUINT32, &seconds, NULL))
        seconds = 0;

      g_free (credential->status);
      credential->status = g_strdup (authorize ? "validated" : "refused");
      credential->expiration = authorize && seconds > 0 ? sandbox_now (self) + (gint64) seconds : 0;

      if (credential->redirection != NULL && credential->redirection[0] != '\0')
        {
          sandbox_call_html (call, SOUP_STATUS_SEE_OTHER,
                             sandbox_page_message ("Redirecting", credential->redirection));
          soup_message_headers_replace (call->response_headers, "Location",
                                        credential->redirection);
        }
      else if (authorize)
        sandbox_call_html (call, SOUP_STATUS_OK,
                           sandbox_page_message ("Access granted",
                                                 "The application can now use your account. "
                                                 "You may close this window."));
      else
        sandbox_call_html (
            call, SOUP_STATUS_OK,
            sandbox_page_message ("Access refused",
                                  "The application was not given access to your account."));
      return;
    }

  {
    SandboxPageForm page = { credential->token, application->name, application->description,
                             credential->rules, NULL };
    sandbox_call_html (call, SOUP_STATUS_OK, sandbox_page_form (&page));
  }
}
