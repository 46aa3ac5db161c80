#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every benchmark target of one `meson test --benchmark` run, as one Markdown table.

Each benchmark prints, for each of its targets, one line on stdout:

    BENCH-TARGET<TAB>figure<TAB>target<TAB>before<TAB>now<TAB>met|not met

This reads meson's test log (BUILD/meson-logs/testlog-bench.txt, or several logs), finds
those lines under each benchmark's name, and prints the table that `./dev.sh bench` ends
with. A benchmark that ran but printed no target line, or failed, gets a row that says so.

    tests/bench-summary.py LOG [LOG…]
"""

import re
import sys

PREFIX = "BENCH-TARGET"
STATUSES = ("met", "not met")


def parse(text):
    """(rows, problems): rows of (bench, figure, target, before, now, status) in log order;
    problems of (bench, what) for benchmarks that failed or printed no target."""
    rows = []
    problems = []
    bench = None
    result = None
    seen = set()

    def close():
        if bench is None:
            return
        if result is not None and result != "exit status 0":
            problems.append((bench, result))
        elif bench not in seen:
            problems.append((bench, "no target line"))

    for line in text.splitlines():
        match = re.match(r"^test:\s+(\S.*)$", line)
        if match:
            close()
            bench = match.group(1).strip()
            result = None
            continue
        match = re.match(r"^result:\s+(\S.*)$", line)
        if match and bench is not None:
            result = match.group(1).strip()
            continue
        if not line.startswith(PREFIX):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if fields[0] != PREFIX:
            fields = []
        fields = fields[1:]
        if len(fields) != 5 or fields[4] not in STATUSES:
            problems.append((bench or "?", "malformed line: " + line.strip()))
            continue
        rows.append((bench or "?",) + tuple(fields))
        seen.add(bench)
    close()
    return rows, problems


def cell(text):
    # A cell of a Markdown table: a pipe would end it.
    return text.replace("|", "\\|").strip() or "-"


def table(rows, problems):
    lines = [
        "| benchmark | figure | target | before | now | met |",
        "|---|---|---|---|---|---|",
    ]
    for bench, figure, target, before, now, status in rows:
        mark = "yes" if status == "met" else "**no**"
        lines.append(
            "| "
            + " | ".join(cell(c) for c in (bench, figure, target, before, now, mark))
            + " |"
        )
    for bench, what in problems:
        lines.append(
            "| " + " | ".join(cell(c) for c in (bench, what, "-", "-", "-", "?")) + " |"
        )
    met = sum(1 for row in rows if row[5] == "met")
    lines.append("")
    lines.append(f"{met} of {len(rows)} targets met.")
    return "\n".join(lines)


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rows, problems = [], []
    for path in argv[1:]:
        try:
            with open(path, encoding="utf-8", errors="replace") as log:
                more_rows, more_problems = parse(log.read())
        except OSError as error:
            print(f"bench-summary: {error}", file=sys.stderr)
            return 1
        rows += more_rows
        problems += more_problems
    if not rows and not problems:
        print("No benchmark ran.")
        return 0
    print(table(rows, problems))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
