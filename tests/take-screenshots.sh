#!/usr/bin/env bash
# Renders the screens the GUI tests visit, light and dark, wide and narrow, into OUTDIR
# (NAME-light.png, NAME-dark.png, NAME-narrow-light.png, NAME-narrow-dark.png): what to look at
# before a change to a screen lands. Runs the GUI tests named (all of the "gui" suite by default).
#
#   tests/take-screenshots.sh BUILDDIR OUTDIR [meson test names…]
set -euo pipefail

builddir=$1 outdir=$2; shift 2
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
[ $# -gt 0 ] || set -- --suite gui

for style in light dark; do
  DOMAINE_TEST_STYLE=$style DOMAINE_SCREENSHOT_DIR=$outdir DOMAINE_SCREENSHOT_NARROW=360 \
    "$top/tests/run-headless.sh" "$builddir" "$@"
done
ls "$outdir"
