#!/usr/bin/env bash
# Inside the private bus: start a real gnome-keyring, unlocked, then run the tests.
set -euo pipefail
builddir=$1; shift

# dbus-daemon prints "Failed to set fd limit" on start: harmless.
eval "$(printf '%s' domaine-test-keyring | env -u DISPLAY gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
gdbus wait --session --timeout 10 org.freedesktop.secrets

# The accessibility bus, so AT-SPI tests see the app as a screen reader would.
if [ -x /usr/libexec/at-spi-bus-launcher ]; then
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
fi

exec meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
