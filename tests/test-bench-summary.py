#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tests/bench-summary.py on a meson test log made for it (no benchmark runs here): every
BENCH-TARGET line becomes a row under its benchmark's name, met or not; a failed benchmark
and one without a target line say so; malformed lines are not taken as figures. TAP output.

    tests/test-bench-summary.py SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile

# Shaped as meson writes BUILD/meson-logs/testlog-bench.txt (verbose benchmarks, stdout kept).
SAMPLE = """Log of Meson test suite run on 2026-12-06T03:55:02.737903

Inherited environment: HOME=/tmp/x

==================================== 1/4 =====================================
test:         bench-cli
start time:   03:55:02
duration:     10.09s
result:       exit status 0
command:      /src/tests/test-session.sh /build/tests/bench-cli
----------------------------------- stdout -----------------------------------
| no cache: wall time | <= 0.2 s | 0.75 s | 0.180 s |
BENCH-TARGET\tCLI no cache: wall time\t<= 0.2 s\t0.75 s\t0.180 s\tmet
BENCH-TARGET\tCLI no cache: CPU time\t<= 60 ms\t450 ms\t75 ms\tnot met
BENCH-TARGET only words, no tabs
----------------------------------- stderr -----------------------------------
dbus-daemon[1]: Failed to set fd limit
==============================================================================

==================================== 2/4 =====================================
test:         bench-startup
start time:   03:56:02
duration:     20.00s
result:       exit status 0
command:      /src/tests/test-session.sh /build/tests/bench-startup
----------------------------------- stdout -----------------------------------
BENCH-TARGET\tstart-up: launch to domains shown (median)\t<= 500 ms\t640 ms\t| 410 ms\tmet
==============================================================================

==================================== 3/4 =====================================
test:         bench-lint
start time:   03:57:02
duration:     1.00s
result:       exit status 0
command:      /build/tests/bench-lint
----------------------------------- stdout -----------------------------------
lint: 12 ms
==============================================================================

==================================== 4/4 =====================================
test:         bench-zone-editor
start time:   03:58:02
duration:     30.00s
result:       exit status 1
command:      /build/tests/bench-zone-editor
==============================================================================

Ok:                 3
Fail:               1
"""

results = []


def check(ok, name):
    results.append(ok)
    print(("ok" if ok else "not ok") + f" {len(results)} - {name}")


def main():
    script = os.path.join(sys.argv[1], "tests", "bench-summary.py")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as log:
        log.write(SAMPLE)
    try:
        run = subprocess.run(
            [sys.executable, script, log.name], capture_output=True, text=True, check=False
        )
        empty = subprocess.run(
            [sys.executable, script, os.devnull], capture_output=True, text=True, check=False
        )
        missing = subprocess.run(
            [sys.executable, script, log.name + ".missing"],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(log.name)
    lines = run.stdout.splitlines()

    print("1..11")
    check(run.returncode == 0, "exits 0")
    check(
        lines[:2]
        == ["| benchmark | figure | target | before | now | met |", "|---|---|---|---|---|---|"],
        "a Markdown table header",
    )
    check(
        "| bench-cli | CLI no cache: wall time | <= 0.2 s | 0.75 s | 0.180 s | yes |" in lines,
        "a met target under its benchmark",
    )
    check(
        "| bench-cli | CLI no cache: CPU time | <= 60 ms | 450 ms | 75 ms | **no** |" in lines,
        "a target not met stands out",
    )
    check(
        any(l.startswith("| bench-startup | start-up: launch") and "\\| 410 ms" in l for l in lines),
        "a pipe in a cell is escaped",
    )
    check(
        any(l.startswith("| bench-cli | malformed line: BENCH-TARGET only words") for l in lines),
        "a malformed line is reported, not taken as a figure",
    )
    check(
        "| bench-lint | no target line | - | - | - | ? |" in lines,
        "a benchmark without a target says so",
    )
    check(
        "| bench-zone-editor | exit status 1 | - | - | - | ? |" in lines,
        "a failed benchmark says so",
    )
    check(lines[-1] == "2 of 3 targets met.", "the count of targets met is last")
    check(
        empty.returncode == 0 and empty.stdout.strip() == "No benchmark ran.",
        "an empty log says no benchmark ran",
    )
    check(missing.returncode == 1 and "bench-summary:" in missing.stderr, "a missing log fails")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
