#!/usr/bin/env python3
"""The release Flatpak manifest has the shape Flathub expects, and stays in step with the Devel one.

    check-flatpak-manifests.py SRCDIR VERSION        (TAP on standard output)

Release: the base app id (no .Devel), a `git` source with a tag naming this version and the
full commit it points at, the default profile, no test run. Both: same runtime, command,
permissions and dependency modules, so that the Devel build tests what the release ships.
"""
import json
import re
import sys
from pathlib import Path

src, version = Path(sys.argv[1]), sys.argv[2]
base_id = "io.github.domaine.Domaine"
n = 0


def check(condition, message):
    global n
    n += 1
    if not condition:
        print(f"not ok {n} - {message}")
        print(f"1..{n}")
        sys.exit(1)
    print(f"ok {n} - {message}")


release = json.loads((src / "flatpak" / f"{base_id}.json").read_text())
devel = json.loads((src / "flatpak" / f"{base_id}.Devel.json").read_text())

check(release["id"] == base_id, f"the release id is {base_id}")
check(not release["id"].endswith(".Devel"), "the release id has no .Devel")
check(devel["id"] == base_id + ".Devel", "the Devel manifest builds the .Devel id")
for key in ("runtime", "runtime-version", "sdk", "command", "finish-args", "cleanup"):
    check(release.get(key) == devel.get(key), f"{key} is the same in both manifests")

app = release["modules"][-1]
check(app["name"] == "domaine" and app["buildsystem"] == "meson", "the last module is domaine, built with meson")
check(release["modules"][:-1] == devel["modules"][:-1], "the dependency modules are the same in both")
sources = app["sources"]
check(len(sources) == 1 and sources[0]["type"] == "git", "domaine comes from one git source")
git = sources[0]
check(re.fullmatch(r"https://[^ ]+\.git", git.get("url", "")) is not None, "the git url is https")
check(git.get("tag") == f"v{version}", f"the tag is v{version}, the project's version")
check(re.fullmatch(r"[0-9a-f]{40}", git.get("commit", "")) is not None, "the tag's full commit is pinned")
check("branch" not in git, "no branch: a tag and its commit")
opts = app.get("config-opts", [])
check("-Dprofile=development" not in opts, "the release builds the default profile")
check(not app.get("run-tests", False), "the release does not run the test suite")
check(all(s.get("type") != "dir" for m in release["modules"] for s in m.get("sources", [])),
      "no local directory source")

metainfo = (src / "data" / f"{base_id}.metainfo.xml.in.in").read_text()
check(f'<release version="{version}"' in metainfo, f"the metainfo describes release {version}")
print(f"1..{n}")
