/* ovh-sandbox-tls.c: a self-signed certificate for 127.0.0.1 and localhost, made with GnuTLS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "ovh-sandbox-private.h"

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)

static gboolean
check (int result, const char *what, GError **error)
{
  if (result >= 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", what, gnutls_strerror (result));
  return FALSE;
}

static gboolean
write_private_file (const char *path, const gnutls_datum_t *data, GError **error)
{
  /* The key stays readable by its owner only, from the first byte. */
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  gboolean ok;

  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "Cannot write %s", path);
      return FALSE;
    }
  ok = write (fd, data->data, data->size) == (ssize_t) data->size;
  ok = (close (fd) == 0) && ok;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);

  return ok;
}

/* CA:TRUE so that the certificate is its own trust anchor in a client's GTlsDatabase. */
gboolean
sandbox_tls_generate (const char *directory, char **cert_path, char **key_path, GError **error)
{
  g_auto (gnutls_x509_privkey_t) key = NULL;
  g_auto (gnutls_x509_crt_t) crt = NULL;
  gnutls_datum_t cert_pem = { NULL, 0 };
  gnutls_datum_t key_pem = { NULL, 0 };
  guint8 serial[16];
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  const guint8 loopback[4] = { 127, 0, 0, 1 };
  time_t now = time (NULL);
  g_autofree char *cert_file = g_build_filename (directory, "sandbox-ca.pem", NULL);
  g_autofree char *key_file = g_build_filename (directory, "sandbox-key.pem", NULL);
  gboolean ok;

  if (!check (gnutls_x509_privkey_init (&key), "private key", error)
      || !check (gnutls_x509_privkey_generate (
                     key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
                 "key generation", error))
    return FALSE;

  gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial);
  serial[0] &= 0x7f; /* a positive serial */

  if (!check (gnutls_x509_crt_init (&crt), "certificate", error)
      || !check (gnutls_x509_crt_set_version (crt, 3), "version", error)
      || !check (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "serial", error)
      || !check (gnutls_x509_crt_set_activation_time (crt, now - 3600), "activation", error)
      || !check (gnutls_x509_crt_set_expiration_time (crt, now + 365 * 86400), "expiration", error)
      || !check (gnutls_x509_crt_set_dn (crt, "CN=Domaine OVH API sandbox,O=Domaine", NULL), "DN",
                 error)
      || !check (gnutls_x509_crt_set_key (crt, key), "public key", error)
      || !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, loopback,
                                                       sizeof loopback, GNUTLS_FSAN_APPEND),
                 "IP address", error)
      || !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, "localhost",
                                                       strlen ("localhost"), GNUTLS_FSAN_APPEND),
                 "DNS name", error)
      || !check (gnutls_x509_crt_set_basic_constraints (crt, 1, -1), "constraints", error)
      || !check (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE
                                                         | GNUTLS_KEY_KEY_CERT_SIGN),
                 "key usage", error)
      || !check (gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0), "purpose",
                 error)
      || !check (gnutls_x509_crt_get_key_id (crt, 0, key_id, &key_id_size), "key id", error)
      || !check (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size), "key id", error)
      || !check (gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0), "signature", error))
    return FALSE;

  if (!check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &cert_pem), "export", error))
    return FALSE;
  if (!check (gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN,
                                                 &key_pem),
              "export", error))
    {
      gnutls_free (cert_pem.data);
      return FALSE;
    }

  ok = write_private_file (key_file, &key_pem, error)
       && write_private_file (cert_file, &cert_pem, error);

  gnutls_free (cert_pem.data);
  gnutls_memset (key_pem.data, 0, key_pem.size);
  gnutls_free (key_pem.data);

  if (ok)
    {
      *cert_path = g_steal_pointer (&cert_file);
      *key_path = g_steal_pointer (&key_file);
    }

  return ok;
}
