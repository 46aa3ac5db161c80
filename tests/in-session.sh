#!/usr/bin/env bash
# Inside a test's private bus: a real gnome-keyring, unlocked, and the accessibility bus;
# then the test itself.
set -euo pipefail

# The services are the desktop's, not under test: they get none of the test environment's
# debugging switches (G_DEBUG=fatal-warnings would make the keyring abort on its own
# warnings). Started without DISPLAY, the keyring can never put a prompt on the test display.
service_env=(env -u G_DEBUG -u G_MESSAGES_DEBUG -u MALLOC_CHECK_ -u MALLOC_PERTURB_
             -u ASAN_OPTIONS -u LSAN_OPTIONS -u UBSAN_OPTIONS)
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  eval "$(printf '%s' domaine-test-keyring |
          "${service_env[@]}" -u DISPLAY gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL 2>/dev/null || true
  gdbus wait --session --timeout 10 org.freedesktop.secrets
fi

# So AT-SPI tests see the app as a screen reader would.
if [ -x /usr/libexec/at-spi-bus-launcher ]; then
  "${service_env[@]}" /usr/libexec/at-spi-bus-launcher --launch-immediately \
    </dev/null >/dev/null 2>&1 &
fi

exec "$@"
