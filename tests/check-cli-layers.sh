#!/usr/bin/env bash
# domaine-cli goes through libovh's models: no API path, raw call or JSON parsing in src/cli
# (it only builds JSON, for --json).
set -euo pipefail
top=$1
cd "$top/src/cli"
status=0
check() {
  local what=$1 pattern=$2
  if grep -nE "$pattern" -- *.c *.h; then
    echo "src/cli: $what (libovh's models do this)"
    status=1
  fi
}
check 'an API path literal' '"/(domain|me|auth)([/?"]|$)'
check 'a raw API call' 'ovh_client_call'
check 'JSON parsing' 'json_parser_|json_(node|object|array)_get_|JSON_NODE_HOLDS'
[ $status -eq 0 ] && echo "src/cli goes through libovh's models"
exit $status
