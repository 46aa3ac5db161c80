#!/usr/bin/env bash
# `--sandbox` works from an installed prefix: installs this build into a scratch DESTDIR, then
#  1. the installed domaine-sandbox prints its JSON line and answers on the URL it gives;
#  2. the installed domaine offers --sandbox and, run with it, starts the domaine-sandbox of
#     its own prefix (not the build tree's, not the configured prefix's) as its child, which
#     ends when the app is killed;
#  3. moved elsewhere, the prefix still finds its own sandbox; without it, --sandbox is gone;
#  and the installed domaine holds no sandbox code (nm).
#
#   test-installed-sandbox.sh BUILDDIR        (TAP on standard output)
set -euo pipefail

build=$1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/domaine-install.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT
# The installed programs must find their sandbox by themselves.
unset DOMAINE_SANDBOX_PROGRAM

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; echo "1..$n"; exit 1; }

# Whether PID is gone (or a zombie waiting for whoever adopted it).
gone() { [ ! -e "/proc/$1" ] || grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }
wait_gone() {
  for _ in $(seq 200); do gone "$1" && return 0; sleep 0.1; done
  return 1
}

meson install -C "$build" --destdir "$scratch/dest" --no-rebuild --quiet >"$scratch/install.log" 2>&1 \
  || { cat "$scratch/install.log" >&2; fail "meson install --destdir"; }
app=$(find "$scratch/dest" -path '*/bin/domaine' -type f | head -n1)
sandbox=$(dirname "$app")/domaine-sandbox
[ -x "$app" ] && [ -x "$sandbox" ] || fail "domaine and domaine-sandbox installed in one bin directory"
ok "installed into a DESTDIR: ${app#"$scratch/dest"} and ${sandbox#"$scratch/dest"}"
configured_sandbox=${sandbox#"$scratch/dest"}
if command -v nm >/dev/null 2>&1; then
  symbols=$(nm "$app" 2>/dev/null || true)
  [ -n "$symbols" ] || fail "nm reads the installed domaine"
  ! grep -q 'ovh_sandbox_' <<<"$symbols" || fail "the installed domaine holds no ovh_sandbox_ symbol"
  ok "the installed domaine holds no ovh_sandbox_ symbol"
fi

# 1. The installed sandbox by itself.
mkfifo "$scratch/stdin"
"$sandbox" --print-json --exit-on-stdin-eof <"$scratch/stdin" >"$scratch/json" &
sandbox_pid=$!
pids+=("$sandbox_pid")
exec 3>"$scratch/stdin" # keeps its standard input open
for _ in $(seq 200); do [ -s "$scratch/json" ] && break; sleep 0.1; done
line=$(head -n1 "$scratch/json")
base_url=$(sed -n 's/.*"baseUrl" *: *"\([^"]*\)".*/\1/p' <<<"$line")
[[ "$base_url" == http://127.0.0.1:*/1.0 ]] || fail "--print-json gives baseUrl (got: $line)"
[ "$(wc -l <"$scratch/json")" -eq 1 ] || fail "--print-json prints exactly one line"
grep -q '"caFile" *: *null' <<<"$line" || fail "caFile is null without --tls"
ok "installed domaine-sandbox --print-json: $base_url"
if command -v curl >/dev/null 2>&1; then
  time=$(curl -sf "$base_url/auth/time") || fail "GET $base_url/auth/time"
  [[ "$time" =~ ^[0-9]+$ ]] || fail "/auth/time is a number (got $time)"
  ok "it answers GET /auth/time: $time"
fi
exec 3>&- # end of its standard input: it stops
wait_gone "$sandbox_pid" || fail "domaine-sandbox stops when its standard input closes"
wait "$sandbox_pid" || fail "domaine-sandbox exits with status 0 on end of input"
ok "it stops cleanly at the end of its standard input"

# 2. The installed app offers --sandbox and starts its own prefix's sandbox.
"$app" --help-all >"$scratch/help" 2>&1 || fail "domaine --help-all"
grep -q -- '--sandbox' "$scratch/help" || fail "the installed domaine offers --sandbox"
ok "the installed domaine offers --sandbox"

if [ -n "${DISPLAY:-}" ] && [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  "$app" --sandbox >"$scratch/app.log" 2>&1 &
  app_pid=$!
  pids+=("$app_pid")
  child=
  for _ in $(seq 600); do
    for stat in /proc/[0-9]*/stat; do
      pid=${stat#/proc/}; pid=${pid%/stat}
      read -r _ _ _ ppid _ <"$stat" 2>/dev/null || continue
      if [ "$ppid" = "$app_pid" ] && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$sandbox" ]; then
        child=$pid
      fi
    done
    [ -n "$child" ] && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$scratch/app.log" >&2; fail "domaine --sandbox keeps running"; }
    sleep 0.1
  done
  [ -n "$child" ] || { cat "$scratch/app.log" >&2; fail "domaine --sandbox runs the installed domaine-sandbox"; }
  tr '\0' ' ' <"/proc/$child/cmdline" | grep -q -- '--print-json' \
    || fail "the app runs it with --print-json"
  ok "domaine --sandbox runs ${sandbox#"$scratch/dest"} of its own prefix (pid $child)"
  # However the app ends, its sandbox does not stay behind.
  kill -KILL "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  wait_gone "$child" || fail "the sandbox ends when the app is killed"
  ok "the sandbox ends when the app is killed"
else
  ok "# SKIP running the installed app needs the display and bus of tests/run-headless.sh"
fi

# 3. The prefix moved elsewhere still finds its own sandbox; without it, no --sandbox.
moved="$scratch/moved"
mkdir -p "$moved"
mv "$(dirname "$(dirname "$app")")" "$moved/prefix"
app="$moved/prefix/bin/domaine"
[ -x "$app" ] || fail "the prefix moved"
"$app" --help-all >"$scratch/help" 2>&1 || fail "moved domaine --help-all"
grep -q -- '--sandbox' "$scratch/help" || fail "the moved domaine still offers --sandbox"
ok "moved to another directory, domaine still finds its sandbox"
rm "$moved/prefix/bin/domaine-sandbox"
if [ -e "$configured_sandbox" ]; then
  ok "# SKIP $configured_sandbox exists on this machine: the app would use it"
else
  "$app" --help-all >"$scratch/help" 2>&1 || fail "domaine --help-all without a sandbox"
  ! grep -q -- '--sandbox' "$scratch/help" || fail "without domaine-sandbox, --sandbox is not offered"
  ok "without domaine-sandbox beside it, domaine does not offer --sandbox"
fi

echo "1..$n"
