#!/usr/bin/env bash
# Domaine's front door for developers and CI.
#
#   ./dev.sh run     install what is missing, build, and open Domaine on the sandbox account
#   ./dev.sh test    install what is missing, build with ASan+UBSan, run every test headless
#   ./dev.sh deps    only install the build and test dependencies
#   ./dev.sh bench   build optimised and run the benchmarks (prints figures, not pass/fail)
#   ./dev.sh valgrind  build without sanitizers and run the suite under valgrind
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

cmd_test() {
  install_deps
  setup_build _build-test -Dprofile=development -Db_sanitize=address,undefined \
    -Db_lundef=false -Dwerror=true -Dbuildtype=debug
  exec "$top/tests/run-headless.sh" "$top/_build-test" "$@"
}

cmd_bench() {
  install_deps
  setup_build _build-bench -Dbuildtype=release
  exec "$top/tests/run-headless.sh" "$top/_build-bench" --benchmark "$@"
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
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
