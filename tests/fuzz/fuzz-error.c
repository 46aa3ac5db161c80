/* fuzz-error.c: an error answer (status in the first two bytes, then the body)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"
#include "ovh-error.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *display = NULL;
  guint status;

  fuzz_init_once ();
  if (size < 2)
    return 0;

  status = 100 + (((guint) data[0] << 8) | data[1]) % 500;
  error = ovh_error_new_from_response (status, (const char *) data + 2, size - 2, "EU.ext-1.fuzz");
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  display = ovh_error_dup_display_message (error);
  (void) ovh_error_is_authentication (error);
  (void) ovh_error_is_transient (error);
  (void) ovh_error_get_error_code (error);
  return 0;
}
