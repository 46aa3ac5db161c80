#!/usr/bin/env bash
# French ships complete: every message of the current template is translated, none fuzzy.
set -euo pipefail
top=$1; build=$2
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
cd "$top/po"
xgettext --package-name=domaine -f POTFILES.in -D "$top" -o "$scratch/domaine.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format 2>"$scratch/xgettext.log" \
  || { cat "$scratch/xgettext.log"; exit 1; }
status=0
for lang in $(grep -v '^#' LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "$lang.po" "$scratch/domaine.pot" -o "$scratch/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$scratch/$lang.po" 2>&1)
  echo "$lang: $stats"
  if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    { msgattrib --untranslated --no-wrap "$scratch/$lang.po"; msgattrib --only-fuzzy --no-wrap "$scratch/$lang.po"; } | grep "^msgid" | head -40 || true
    status=1
  fi
done
exit $status
