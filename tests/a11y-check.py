#!/usr/bin/python3
"""Looks at Domaine the way a screen reader does: over AT-SPI.

Starts the built app, waits for it on the accessibility bus, walks every showing object
and requires a name on each control a person can operate. Prints TAP.

    a11y-check.py DOMAINE_BINARY [app arguments…]
"""
import os
import re
import subprocess
import sys
import time

# The app keeps the test environment's G_DEBUG=fatal-warnings; this checker does not: libatspi
# warns when it meets an application that has no AT-SPI cache object yet (GTK 4.8), which is
# no fault of the app under test.
APP_ENV = dict(os.environ, GTK_A11Y="atspi", NO_AT_BRIDGE="0")
os.environ["G_DEBUG"] = ",".join(
    flag for flag in os.environ.get("G_DEBUG", "").split(",") if flag and flag != "fatal-warnings")

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

CONTROL_ROLES = {
    Atspi.Role.PUSH_BUTTON,
    Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.CHECK_BOX,
    Atspi.Role.RADIO_BUTTON,
    Atspi.Role.ENTRY,
    Atspi.Role.PASSWORD_TEXT,
    Atspi.Role.COMBO_BOX,
    Atspi.Role.SPIN_BUTTON,
    Atspi.Role.SWITCH if hasattr(Atspi.Role, "SWITCH") else Atspi.Role.TOGGLE_BUTTON,
    Atspi.Role.SLIDER,
}


def find_app(proc, timeout):
    pid = proc.pid
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except gi.repository.GLib.Error:
                continue
        time.sleep(0.2)
    return None


def walk(node, depth=0):
    yield node, depth
    try:
        count = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    for i in range(count):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, depth + 1)


TYPE_NAME = re.compile(r"^(Gtk|Adw|Domaine)[A-Z][A-Za-z]+$")


def controls_of(app):
    found = []
    for node, _ in walk(app):
        try:
            role = node.get_role()
        except gi.repository.GLib.Error:
            continue
        if role in CONTROL_ROLES:
            found.append(node)
    return found


def settled_controls(proc, timeout):
    """The app's controls once two walks a second apart find the same ones (keyring loading
    and the sandbox start change the first page)."""
    deadline = time.monotonic() + timeout
    previous = None
    stable = 0
    while time.monotonic() < deadline and proc.poll() is None:
        app = find_app(proc, 10)
        if app is None:
            return []
        nodes = controls_of(app)
        shape = []
        for node in nodes:
            try:
                shape.append((node.get_role_name(), node.get_name()))
            except gi.repository.GLib.Error:
                shape = None
                break
        stable = stable + 1 if shape and shape == previous else 0
        if stable >= 2:
            return nodes
        previous = shape
        time.sleep(0.5)
    app = find_app(proc, 10)
    return controls_of(app) if app is not None else []


def has_name(node):
    name = (node.get_name() or "").strip()
    # GTK 4.8 falls back to the widget's type name ("GtkMenuButton"): that is no name.
    if name and not TYPE_NAME.match(name):
        return True
    relations = node.get_relation_set() or []
    return any(r.get_relation_type() == Atspi.RelationType.LABELLED_BY for r in relations)


def main():
    binary = sys.argv[1]
    args = sys.argv[2:]
    proc = subprocess.Popen([binary] + args, env=APP_ENV)
    tests = 0
    failures = 0
    try:
        app = find_app(proc, 30)
        tests += 1
        if app is None:
            print("not ok 1 - the app appears on the accessibility bus")
            print("1..1")
            return 1
        print("ok 1 - the app appears on the accessibility bus as %r" % app.get_name())
        # GTK 4.8 does not report SHOWING below the window, so every page of every stack is
        # checked: stricter.
        controls = 0
        for node in settled_controls(proc, 30):
            try:
                role = node.get_role()
            except gi.repository.GLib.Error:
                continue
            controls += 1
            tests += 1
            description = "%s %r has an accessible name" % (node.get_role_name(), node.get_name())
            if has_name(node):
                print("ok %d - %s" % (tests, description))
            else:
                failures += 1
                parent = node.get_parent()
                print("not ok %d - unnamed %s (inside %s %r)" % (
                    tests, node.get_role_name(),
                    parent.get_role_name() if parent else "?",
                    parent.get_name() if parent else ""))
        tests += 1
        if controls > 0:
            print("ok %d - found %d controls to check" % (tests, controls))
        else:
            failures += 1
            print("not ok %d - found no controls at all: the tree is not exposed" % tests)
        print("1..%d" % tests)
        return 1 if failures else 0
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
