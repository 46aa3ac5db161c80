#!/usr/bin/env bash
# What `meson install` puts in a prefix (what the Flatpak ships): installs this build into a
# scratch DESTDIR, then runs the installed domaine --version, domaine-cli --help and
# domaine-sandbox, and checks the installed desktop file, metainfo, icons, GSettings schema,
# translations and shell completion.
#
#   test-installed.sh BUILDDIR APP_ID        (TAP on standard output)
set -euo pipefail

build=$1
app_id=$2
scratch=$(mktemp -d "${TMPDIR:-/tmp}/domaine-installed.XXXXXX")
sandbox_pid=
cleanup() {
  [ -z "$sandbox_pid" ] || kill -KILL "$sandbox_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
unset DOMAINE_SANDBOX_PROGRAM DOMAINE_LOCALEDIR

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; echo "1..$n"; exit 1; }

meson install -C "$build" --destdir "$scratch/dest" --no-rebuild --quiet >"$scratch/install.log" 2>&1 \
  || { cat "$scratch/install.log" >&2; fail "meson install --destdir"; }
app=$(find "$scratch/dest" -path '*/bin/domaine' -type f | head -n1)
[ -n "$app" ] || fail "domaine is installed"
bindir=$(dirname "$app")
prefix=$(dirname "$bindir")
datadir=$prefix/share
ok "installed into a DESTDIR: ${prefix#"$scratch/dest"}"

version=$(meson introspect --projectinfo "$build" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')

# The programs.
out=$("$app" --version 2>&1) || fail "domaine --version exits with 0 (got: $out)"
[ "$out" = "Domaine $version" ] || fail "domaine --version prints 'Domaine $version' (got: $out)"
ok "installed domaine --version: $out"

[ -x "$bindir/domaine-cli" ] || fail "domaine-cli is installed beside domaine"
out=$("$bindir/domaine-cli" --help 2>&1) || fail "domaine-cli --help exits with 0"
grep -q 'Usage:' <<<"$out" || fail "domaine-cli --help prints its usage (got: $out)"
out=$("$bindir/domaine-cli" --version 2>&1) || fail "domaine-cli --version exits with 0"
grep -qF "$version" <<<"$out" || fail "domaine-cli --version gives $version (got: $out)"
ok "installed domaine-cli --help and --version"

if [ -x "$bindir/domaine-sandbox" ]; then
  mkfifo "$scratch/stdin"
  "$bindir/domaine-sandbox" --print-json --exit-on-stdin-eof <"$scratch/stdin" >"$scratch/json" &
  sandbox_pid=$!
  exec 3>"$scratch/stdin"
  for _ in $(seq 200); do [ -s "$scratch/json" ] && break; sleep 0.1; done
  grep -q '"baseUrl" *: *"http://127.0.0.1:[0-9]*/1.0"' "$scratch/json" \
    || fail "installed domaine-sandbox --print-json gives its URL (got: $(cat "$scratch/json"))"
  exec 3>&-
  wait "$sandbox_pid" || fail "domaine-sandbox exits with 0 at the end of its input"
  sandbox_pid=
  ok "installed domaine-sandbox starts, gives its URL and stops"
else
  skip "built without the sandbox"
fi

# The desktop file, the metainfo, the icons.
desktop=$datadir/applications/$app_id.desktop
[ -f "$desktop" ] || fail "$app_id.desktop is installed"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$desktop" >&2 || fail "desktop-file-validate $app_id.desktop"
fi
grep -q "^Icon=$app_id\$" "$desktop" || fail "the desktop file names the icon $app_id"
grep -q '^Exec=domaine' "$desktop" || fail "the desktop file runs domaine"
grep -q '^[A-Za-z]*\[fr\]=' "$desktop" || fail "the desktop file is translated ([fr] keys)"
ok "desktop file valid, translated, with icon $app_id"

metainfo=$datadir/metainfo/$app_id.metainfo.xml
[ -f "$metainfo" ] || fail "$app_id.metainfo.xml is installed"
if command -v appstreamcli >/dev/null 2>&1; then
  appstreamcli validate --no-net "$metainfo" >&2 || fail "appstreamcli validate --no-net"
fi
grep -q "<id>$app_id</id>" "$metainfo" || fail "the metainfo has the id $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
  || fail "the metainfo launches $app_id.desktop"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has a release $version"
ok "metainfo valid, launches the desktop file, has release $version"

for icon in "icons/hicolor/scalable/apps/$app_id.svg" "icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  [ -s "$datadir/$icon" ] || fail "$icon is installed"
  grep -q '<svg' "$datadir/$icon" || fail "$icon is an SVG"
done
ok "icons: scalable and symbolic"

# The schema compiles as installed, and the app reads its settings from there.
schemas=$datadir/glib-2.0/schemas
[ -f "$schemas/$app_id.gschema.xml" ] || fail "$app_id.gschema.xml is installed"
# gnome.post_install compiles schemas only without DESTDIR: compile them as it would.
glib-compile-schemas --strict "$schemas" || fail "the installed schemas compile (--strict)"
GSETTINGS_SCHEMA_DIR=$schemas gsettings list-keys "$app_id" >"$scratch/keys" 2>&1 \
  || fail "gsettings reads the installed schema $app_id"
[ -s "$scratch/keys" ] || fail "the installed schema has keys"
ok "schema installed, compiles strictly, $(wc -l <"$scratch/keys") keys"

# Translations from the installed catalogue.
mo=$(find "$datadir/locale" -path '*/fr/LC_MESSAGES/*.mo' | head -n1)
[ -n "$mo" ] || fail "the French catalogue is installed"
out=$(LANG=C.UTF-8 LANGUAGE=fr DOMAINE_LOCALEDIR=$datadir/locale "$bindir/domaine-cli" --help 2>&1) \
  || fail "domaine-cli --help in French"
grep -q 'Afficher la version' <<<"$out" || fail "the installed catalogue translates (got: $out)"
ok "French from the installed catalogue"

# Shell completion for domaine-cli, which bash loads by the command's name.
completion=$(find "$scratch/dest" -path '*bash-completion/completions/domaine-cli' -type f | head -n1)
[ -n "$completion" ] || fail "the bash completion of domaine-cli is installed"
bash -n "$completion" || fail "the completion is valid bash"
# shellcheck disable=SC1090
out=$(bash -c 'complete() { echo "complete $*"; }; source "$1"' _ "$completion")
grep -q 'domaine-cli' <<<"$out" || fail "the completion registers itself for domaine-cli (got: $out)"
ok "bash completion installed, valid, registered for domaine-cli"

echo "1..$n"
