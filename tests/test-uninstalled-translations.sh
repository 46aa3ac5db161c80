#!/usr/bin/env bash
# An uninstalled build speaks French on a French desktop: the app and the CLI read the build
# tree's catalogues when DOMAINE_LOCALEDIR points at them, and `./dev.sh run` sets it.
#
#   test-uninstalled-translations.sh SRCDIR BUILDDIR        (TAP on standard output)
set -euo pipefail

src=$1
build=$2
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; echo "1..$n"; exit 1; }

[ -f "$build/po/fr/LC_MESSAGES/domaine.mo" ] || fail "the build has its French catalogue"
french=(env LANG=C.UTF-8 LANGUAGE=fr DOMAINE_LOCALEDIR="$build/po")

out=$("${french[@]}" "$build/src/app/domaine" --help 2>&1) || fail "domaine --help (got: $out)"
grep -q 'Afficher la version' <<<"$out" || fail "domaine --help is in French (got: $out)"
ok "the uninstalled domaine speaks French"

out=$(env LANG=C.UTF-8 LANGUAGE=fr DOMAINE_LOCALEDIR=/nonexistent "$build/src/app/domaine" --help 2>&1) \
  || fail "domaine --help without catalogue"
grep -q 'Print the version' <<<"$out" || fail "without a catalogue, English (got: $out)"
ok "without a catalogue it falls back to English"

out=$("${french[@]}" "$build/src/cli/domaine-cli" --help 2>&1) || fail "domaine-cli --help"
grep -q 'Afficher la version' <<<"$out" || fail "domaine-cli --help is in French (got: $out)"
ok "the uninstalled domaine-cli speaks French"

# The README's first command runs the app with the build's catalogues.
grep -q 'DOMAINE_LOCALEDIR="$top/_build/po"' "$src/dev.sh" \
  || fail "./dev.sh run points DOMAINE_LOCALEDIR at _build/po"
ok "./dev.sh run sets DOMAINE_LOCALEDIR to the build's catalogues"

echo "1..$n"
