#!/usr/bin/env bash
# The application runs the sandbox as a separate program: none of its code is linked in.
#   check-no-sandbox-symbols.sh NM DOMAINE
set -euo pipefail
nm=$1
binary=$2
symbols=$("$nm" "$binary")
[ -n "$symbols" ] || { echo "nm listed no symbol in $binary (stripped?)"; exit 1; }
if found=$(grep 'ovh_sandbox_' <<<"$symbols"); then
  echo "$binary contains sandbox code:"
  echo "$found" | head -20
  exit 1
fi
# A symbol of the app itself proves that nm read the right binary.
grep -q ' domaine_sandbox_process_start_async$' <<<"$symbols" \
  || { echo "$binary does not look like domaine (no domaine_sandbox_process_start_async)"; exit 1; }
echo "no ovh_sandbox_ symbol in $binary ($(wc -l <<<"$symbols") symbols)"
