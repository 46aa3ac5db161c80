#!/bin/sh
# Runs one libFuzzer target from its committed corpus, writing what it finds to a scratch
# directory (never into the corpus), and fails with the crashing input's path on a crash.
#
#   run-fuzzer.sh PROGRAM CORPUS WORKDIR [libFuzzer options…]
#
# -detect_leaks=0: GLib and GObject allocate once per process and keep it on purpose (type
# system, quarks, the main context, libsoup's and json-glib's classes); LeakSanitizer reports
# those at exit as leaks of the first input. Leaks per input are what matters, and -rss_limit_mb
# (libFuzzer's default 2048) fails a target whose memory grows with the inputs it runs.
set -eu
program=$1 corpus=$2 work=$3
shift 3
mkdir -p "$work/new" "$work/crashes"
status=0
# libFuzzer exits 77 on a crash by default, which meson reads as "skipped": make it a failure.
"$program" -detect_leaks=0 -print_final_stats=1 -error_exitcode=1 -timeout_exitcode=1 \
  -artifact_prefix="$work/crashes/" "$@" \
  "$work/new" "$corpus" || status=$?
if [ "$status" -ne 0 ]; then
  echo "crash inputs:" >&2
  ls -1 "$work/crashes" >&2 || true
fi
exit "$status"
