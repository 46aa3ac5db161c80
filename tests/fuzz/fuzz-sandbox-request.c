/* fuzz-sandbox-request.c: one HTTP request to the sandbox, answered without a socket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is "METHOD /1.0/path?query", then header lines, a blank line and the body. Unless
 * it carries its own X-Ovh-Signature, the request is signed with the sandbox's ready-made
 * credential (so that the fuzzer reaches the routes, not only the signature check).
 *
 * A sandbox takes longer to make than a request to answer: one serves 256 inputs in a row, then
 * a fresh one starts. A crash that needs the state left by earlier inputs shows up as such when
 * its input alone (fuzz-sandbox-request FILE) does not crash on a fresh sandbox.
 */

#define INPUTS_PER_SANDBOX 256
#include "config.h"

#include "fuzz-common.h"
#include "ovh-sandbox-private.h"
#include "ovh-signer.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static OvhSandbox *sandbox;
  static guint n_served;
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GBytes) answer = NULL;
  g_autofree char *request_line = NULL;
  g_auto (GStrv) parts = NULL;
  gboolean signed_by_input = FALSE;
  gboolean has_host = FALSE;
  guint status;

  fuzz_init_once ();

  request_line = fuzz_take_line (&data, &size);
  parts = g_strsplit (request_line, " ", 2);
  if (parts[0] == NULL || parts[1] == NULL || parts[1][0] != '/')
    return 0;

  while (size > 0)
    {
      char *line = fuzz_take_line (&data, &size);

      if (line[0] == '\0' || g_str_equal (line, "\r"))
        {
          g_free (line);
          break;
        }
      signed_by_input |= g_ascii_strncasecmp (line, "X-Ovh-Signature:", 16) == 0;
      has_host |= g_ascii_strncasecmp (line, "Host:", 5) == 0;
      g_ptr_array_add (headers, line);
    }
  body = g_bytes_new (data, size);

  if (sandbox == NULL || ++n_served % INPUTS_PER_SANDBOX == 0)
    {
      g_clear_object (&sandbox);
      sandbox = ovh_sandbox_new ();
    }
  if (!signed_by_input)
    {
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      g_autofree char *url = g_strconcat ("http://sandbox.invalid", parts[1], NULL);
      g_autofree char *signature
          = ovh_signer_sign (OVH_SANDBOX_APPLICATION_SECRET, OVH_SANDBOX_CONSUMER_KEY, parts[0],
                             url, (const char *) data, size, now);

      if (!has_host)
        g_ptr_array_add (headers, g_strdup ("Host: sandbox.invalid"));
      g_ptr_array_add (headers, g_strdup ("X-Ovh-Application: " OVH_SANDBOX_APPLICATION_KEY));
      g_ptr_array_add (headers, g_strdup ("X-Ovh-Consumer: " OVH_SANDBOX_CONSUMER_KEY));
      g_ptr_array_add (headers, g_strdup_printf ("X-Ovh-Timestamp: %" G_GINT64_FORMAT, now));
      g_ptr_array_add (headers, g_strdup_printf ("X-Ovh-Signature: %s", signature));
    }
  g_ptr_array_add (headers, NULL);

  status = sandbox_answer_raw (sandbox, parts[0], parts[1], (const char *const *) headers->pdata,
                               body, &answer);
  g_assert_cmpuint (status, >=, 100);
  g_assert_cmpuint (status, <, 600);
  if (answer != NULL)
    {
      gsize length;
      const char *text = g_bytes_get_data (answer, &length);

      /* Whatever was asked, the answer is text (JSON or a page), never raw bytes. */
      g_assert_true (g_utf8_validate (text, (gssize) length, NULL));
      if (status != 200)
        g_assert_cmpuint (length, >, 0);
    }
  return 0;
}
