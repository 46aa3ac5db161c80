/* dns-local-server.c: what running a name server on this machine needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dns-local-server.h"

char *
dns_find_server_program (const char *name)
{
  static const char *const dirs[] = { "/usr/sbin", "/usr/local/sbin", "/sbin", NULL };
  char *path = g_find_program_in_path (name);

  for (guint i = 0; path == NULL && dirs[i] != NULL; i++)
    {
      char *candidate = g_build_filename (dirs[i], name, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        path = candidate;
      else
        g_free (candidate);
    }
  return path;
}

guint
dns_free_loopback_port (GError **error)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

  for (guint attempt = 0; attempt < 20; attempt++)
    {
      g_autoptr (GSocket) udp = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                                              G_SOCKET_PROTOCOL_UDP, error);
      g_autoptr (GSocket) tcp = NULL;
      g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
      g_autoptr (GSocketAddress) bound = NULL;
      g_autoptr (GSocketAddress) same = NULL;
      guint port;

      if (udp == NULL || !g_socket_bind (udp, any, FALSE, error))
        return 0;
      bound = g_socket_get_local_address (udp, error);
      if (bound == NULL)
        return 0;
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      tcp = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
      same = g_inet_socket_address_new (loopback, port);
      /* The UDP port was free; another program may hold its TCP twin: try another. */
      if (tcp != NULL && g_socket_bind (tcp, same, FALSE, NULL))
        return port;
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
                       _ ("No port is free on this computer for a name server"));
  return 0;
}
