#!/usr/bin/env bash
# Domaine's front door for developers and CI.
#
#   ./dev.sh run     install what is missing, build, and open Domaine on the sandbox account
#   ./dev.sh test    install what is missing, build with ASan+UBSan, run every test headless,
#                 then (with clang) each fuzz target for a few seconds
#   ./dev.sh deps    only install the build and test dependencies
#   ./dev.sh bench [NAME…]  build optimised and run the benchmarks (or those named): figures,
#                 not pass/fail, and last a table of every target, before and now, met or not
#   ./dev.sh valgrind  build without sanitizers and run the suite under valgrind
#   ./dev.sh fuzz [SECONDS | -runs=N] [TARGET…]
#                 run each libFuzzer target (tests/fuzz) 10^6 times, or for SECONDS each
#
# Works on a fresh Debian 12 / Ubuntu 22.04+ machine; uses sudo when not root.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$top"

debian_packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev
  libsecret-1-dev libgnutls28-dev libldns-dev glib-networking
  gnome-keyring libsecret-tools dbus-daemon dbus-x11 xvfb xauth at-spi2-core
  desktop-file-utils appstream appstream-util flatpak-builder libgtk-4-bin imagemagick
  valgrind xdg-utils python3-gi gir1.2-atspi-2.0
  libgcr-3-dev
  iso-codes
  clang libclang-rt-14-dev
  knot knot-dnsutils
)
fedora_hint="sudo dnf install gcc meson ninja-build pkgconf gettext glib2-devel gtk4-devel \
libadwaita-devel libsoup3-devel json-glib-devel libsecret-devel gnutls-devel ldns-devel \
glib-networking gnome-keyring dbus-daemon xorg-x11-server-Xvfb xauth desktop-file-utils \
libappstream-glib appstream flatpak-builder ImageMagick valgrind gcr3-devel python3-gobject at-spi2-core"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_deps() {
  if ! command -v apt-get >/dev/null 2>&1; then
    log "No apt-get here. On Fedora, install the dependencies with:"
    echo "  $fedora_hint" >&2
    return 0
  fi
  local missing=()
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  log "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

setup_build() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

cmd_run() {
  install_deps
  setup_build _build -Dprofile=development
  log "Starting Domaine on the built-in sandbox account"
  # The build's own schemas and translations: an uninstalled run speaks the desktop's language.
  exec env GSETTINGS_SCHEMA_DIR="$top/_build/data" DOMAINE_LOCALEDIR="$top/_build/po" \
    "$top/_build/src/app/domaine" --sandbox "$@"
}

# clang with libFuzzer's runtime (libclang-rt-*-dev), which the fuzz targets link.
have_libfuzzer() {
  command -v clang >/dev/null 2>&1 || return 1
  local probe
  probe=$(mktemp -d)
  printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' >"$probe/t.c"
  local status=0
  clang -fsanitize=fuzzer "$probe/t.c" -o "$probe/t" >/dev/null 2>&1 || status=1
  rm -rf "$probe"
  return $status
}

# Only the fuzz targets, built with clang for libFuzzer under ASan and UBSan.
setup_fuzz_build() {
  if [ -f _build-fuzz/build.ninja ]; then
    setup_build _build-fuzz "$@"
  else
    CC=clang setup_build _build-fuzz -Dfuzzing=true -Dapp=false -Db_sanitize=address,undefined \
      -Db_lundef=false -Dbuildtype=debugoptimized "$@"
  fi
}

cmd_test() {
  install_deps
  setup_build _build-test -Dprofile=development -Db_sanitize=address,undefined \
    -Db_lundef=false -Dwerror=true -Dbuildtype=debug
  local status=0
  "$top/tests/run-headless.sh" "$top/_build-test" "$@" || status=$?
  # The whole suite also fuzzes each target for a few seconds (suite "fuzz" of _build-fuzz).
  if [ $# -eq 0 ]; then
    if have_libfuzzer; then
      log "Fuzzing each target briefly (libFuzzer)"
      setup_fuzz_build
      meson test -C _build-fuzz --suite fuzz --print-errorlogs --num-processes "$(nproc)" \
        || status=1
    else
      log "No clang with libFuzzer: fuzz targets only replayed their corpus"
    fi
  fi
  exit $status
}

# Each target from its corpus: 10^6 executions (or the given time or -runs=N), new inputs in
# _build-fuzz/tests/fuzz/work/TARGET/new, crashing inputs in …/work/TARGET/crashes.
cmd_fuzz() {
  install_deps
  have_libfuzzer || { log "clang and libclang-rt-14-dev (libFuzzer) are needed"; exit 1; }
  setup_fuzz_build
  local limit=(-runs=1000000) targets=() failed=() t
  for t in "$@"; do
    case $t in
      [0-9]*) limit=(-max_total_time="$t") ;;
      -*) limit=("$t") ;;
      *) targets+=("$t") ;;
    esac
  done
  if [ ${#targets[@]} -eq 0 ]; then
    for t in tests/fuzz/corpus/*/; do
      t=${t%/}
      [ -x "_build-fuzz/tests/fuzz/fuzz-${t##*/}" ] && targets+=("${t##*/}")
    done
  fi
  for t in "${targets[@]}"; do
    local work="_build-fuzz/tests/fuzz/work/$t"
    log "fuzz-$t ${limit[*]}"
    mkdir -p "$work"
    if env ASAN_OPTIONS=detect_leaks=0:detect_odr_violation=0 G_DEBUG=fatal-criticals LC_ALL=C.UTF-8 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 tests/fuzz/run-fuzzer.sh \
      "_build-fuzz/tests/fuzz/fuzz-$t" "tests/fuzz/corpus/$t" "$work" "${limit[@]}" \
      >"$work.log" 2>&1; then
      printf '  %s: %s executions, 0 crashes\n' "$t" \
        "$(sed -n 's/^stat::number_of_executed_units: *//p' "$work.log" | tail -n 1)"
    else
      printf '  %s: CRASH, see %s (input in %s/crashes)\n' "$t" "$work.log" "$work"
      failed+=("$t")
    fi
  done
  if [ ${#failed[@]} -gt 0 ]; then
    log "Crashes in: ${failed[*]}. Copy each input into tests/fuzz/corpus/TARGET/ once fixed."
    exit 1
  fi
  log "No crash."
}

cmd_bench() {
  install_deps
  setup_build _build-bench -Dbuildtype=release
  # The bench setup: the tests' private session without their debugging allocator.
  local status=0
  "$top/tests/run-headless.sh" "$top/_build-bench" --benchmark --setup=bench "$@" || status=$?
  # Every target of the benchmarks that ran, before and now, met or not: one table, last.
  echo
  python3 "$top/tests/bench-summary.py" "$top/_build-bench/meson-logs/testlog-bench.txt" || true
  return "$status"
}

cmd_valgrind() {
  install_deps
  setup_build _build-valgrind -Dbuildtype=debug
  exec "$top/tests/run-headless.sh" "$top/_build-valgrind" --setup=valgrind "$@"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  deps) install_deps ;;
  bench) shift; cmd_bench "$@" ;;
  valgrind) shift; cmd_valgrind "$@" ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
