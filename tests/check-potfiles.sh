#!/usr/bin/env bash
# Every source file with a translatable string is listed in po/POTFILES.in, and every listed
# file exists.
set -euo pipefail
top=$1
cd "$top"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; status=1; }
done
found=$( { grep -rlE '(^|[^A-Za-z_])(N?_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"' --include='*.c' src || true;
           grep -rl 'translatable="yes"' --include='*.ui' src || true; } | sort -u)
for f in $found; do
  grep -qxF "$f" <<<"$listed" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
[ $status -eq 0 ] && echo "POTFILES.in is complete ($(wc -l <<<"$listed") files)"
exit $status
