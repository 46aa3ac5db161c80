#!/usr/bin/env bash
# Runs one test in a private session of its own, as a person's login would give it: scratch
# HOME and XDG dirs, a D-Bus session bus, a real gnome-keyring (unlocked), an accessibility
# bus. Tests never see each other's accounts, files or settings, so they can run in parallel.
#
#   tests/test-session.sh COMMAND [ARGS…]      (meson's exe_wrapper for every test)
set -u

scratch=$(mktemp -d "${TMPDIR:-/tmp}/domaine-test.XXXXXX")
mkdir -p "$scratch"/{home,runtime,cache,data,config}
chmod 700 "$scratch/runtime"
export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

if command -v dbus-run-session >/dev/null 2>&1; then
  # dbus-daemon prints "Failed to set fd limit" as it starts: harmless.
  dbus-run-session -- "$(dirname "${BASH_SOURCE[0]}")/in-session.sh" "$@"
  status=$?
else
  # No D-Bus here (a minimal build environment): the test runs as it is, and the tests that
  # need a session bus say so and skip.
  "$@"
  status=$?
fi
# The document portal may have mounted its FUSE file system in the runtime dir.
if mountpoint -q "$scratch/runtime/doc" 2>/dev/null; then
  fusermount3 -uz "$scratch/runtime/doc" 2>/dev/null || fusermount -uz "$scratch/runtime/doc" 2>/dev/null || true
fi
rm -rf "$scratch" 2>/dev/null || true
exit $status
