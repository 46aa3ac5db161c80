#!/usr/bin/env bash
# Runs `meson test` headless: an Xvfb display for the whole run, and (through the test
# setup's wrapper, tests/test-session.sh) a private session per test: scratch HOME and XDG
# dirs, a D-Bus bus and a real, unlocked gnome-keyring. Prints "N passed, N failed,
# N skipped" last.
#
#   tests/run-headless.sh BUILDDIR [meson test arguments…]
set -euo pipefail

builddir=$(cd "$1" && pwd); shift
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/domaine-test.XXXXXX")
xvfb_pid=
cleanup() {
  # Only the script itself cleans up, never a subshell that inherited the trap.
  [ "$BASHPID" = "$$" ] || return 0
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

mkdir -p "$scratch"/{home,runtime,cache,data,config}
chmod 700 "$scratch/runtime"
export HOME="$scratch/home"
export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_CACHE_HOME="$scratch/cache"
export XDG_DATA_HOME="$scratch/data"
export XDG_CONFIG_HOME="$scratch/config"
export NO_AT_BRIDGE=0
unset DBUS_SESSION_BUS_ADDRESS WAYLAND_DISPLAY

# The display first and outside the bus: synthetic input and AT-SPI reach it, and the
# keyring (started without DISPLAY) can never put a prompt on it.
# Xvfb tells its parent it accepts connections with SIGUSR1 when it starts with that signal
# ignored (as xvfb-run relies on): wait for that, not for the socket file.
xvfb_ready=0
trap 'xvfb_ready=1' USR1
for n in $(seq 90 140); do
  { [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; } && continue
  xvfb_ready=0
  (trap '' USR1; exec Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp -noreset >"$scratch/xvfb.log" 2>&1) &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [ "$xvfb_ready" = 1 ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ "$xvfb_ready" = 1 ]; then export DISPLAY=":$n"; break; fi
  kill "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=
done
trap '' USR1  # Xvfb signals again at each server reset
[ -n "${DISPLAY:-}" ] || { echo "could not start Xvfb" >&2; exit 1; }

log="$scratch/meson-test.out"
set +e
meson test -C "$builddir" --print-errorlogs --num-processes "$(nproc)" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

count() { sed -n "s/^$1:[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1; }
ok=$(count Ok); fail=$(count Fail); timeout=$(count Timeout); skipped=$(count Skipped)
expfail=$(count "Expected Fail"); unexpass=$(count "Unexpected Pass")
passed=$(( ${ok:-0} + ${expfail:-0} ))
failed=$(( ${fail:-0} + ${timeout:-0} + ${unexpass:-0} ))
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed, ${skipped:-0} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
