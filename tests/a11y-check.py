#!/usr/bin/python3
"""Looks at Domaine the way a screen reader does: over AT-SPI.

Starts the built app, waits for it on the accessibility bus, walks every showing object
and requires a name on each control a person can operate. Prints TAP.

    a11y-check.py DOMAINE_BINARY [app arguments…]
    a11y-check.py --tour DOMAINE_BINARY --sandbox

With --tour it then goes through every screen the way a screen-reader user would, through
AT-SPI alone (selection and actions, no pointer): a domain, its records and search, the
Domain view, the New Record dialog, the menus, the account page; and checks each screen's
controls, and that toggles tell their state.
"""
import os
import re
import subprocess
import sys
import threading
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


def action_names(node):
    try:
        return [Atspi.Action.get_action_name(node, i) for i in range(node.get_n_actions())]
    except gi.repository.GLib.Error:
        return []


def find_node(proc, role, name, timeout=20, action=None):
    """The first object of @role named @name (that offers @action), waited for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        app = find_app(proc, 10)
        if app is not None:
            for node, _ in walk(app):
                try:
                    if node.get_role_name() == role and node.get_name() == name \
                            and (action is None or action in action_names(node)):
                        return node
                except gi.repository.GLib.Error:
                    continue
        time.sleep(0.3)
    return None


def do_action(node, wanted="click"):
    names = action_names(node)
    return wanted in names and Atspi.Action.do_action(node, names.index(wanted))


class Tour:
    def __init__(self, proc):
        self.proc = proc
        self.tests = 0
        self.failures = 0
        self.seen = set()

    def result(self, ok, description):
        self.tests += 1
        if not ok:
            self.failures += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", self.tests, description))

    def audit(self, screen):
        """Every control of every window: named. Each unnamed one once, each screen once."""
        unnamed = []
        count = 0
        for node in settled_controls(self.proc, 30):
            try:
                count += 1
                if has_name(node):
                    continue
                parent = node.get_parent()
                key = (node.get_role_name(), parent.get_role_name() if parent else "",
                       parent.get_name() if parent else "")
            except gi.repository.GLib.Error:
                continue
            unnamed.append("%s in %s %r" % key)
        self.result(not unnamed, "%s: %d controls, all named%s" % (
            screen, count, "" if not unnamed else "; unnamed: " + ", ".join(sorted(set(unnamed)))))

    def step(self, description, role, name, action="click"):
        node = find_node(self.proc, role, name, action=action)
        ok = node is not None and do_action(node, action)
        self.result(ok, description)
        return node if ok else None

    def select(self, description, list_name, index):
        node = find_node(self.proc, "list", list_name)
        ok = node is not None and Atspi.Selection.select_child(node, index)
        self.result(ok, description)
        return ok


def toggled(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.PRESSED) or states.contains(Atspi.StateType.CHECKED)


# GTK 4.8's AT-SPI bridge crashes (a NULL object path, then SIGSEGV) when an open popover
# menu's items are walked as it opens or closes: the tour walks open menus only from GTK 4.10.
def gtk_version():
    try:
        out = subprocess.run(["pkg-config", "--modversion", "gtk4"], capture_output=True,
                             text=True, check=True).stdout.strip()
        return tuple(int(part) for part in out.split(".")[:2])
    except (OSError, subprocess.CalledProcessError, ValueError):
        return (0, 0)


GTK_WALKS_POPOVERS_SAFELY = gtk_version() >= (4, 10)

# GTK 4.8's AT-SPI bridge logs this when a popover menu's items are walked while the menu
# opens or closes (a child's object path is not set yet); with fatal-warnings it would stop
# the app mid-tour. Every other warning or critical still fails the tour.
GTK_ATSPI_POPOVER_BUG = "g_variant_is_object_path: assertion 'string != NULL' failed"


def app_warnings(lines):
    return [line for line in lines
            if ("-WARNING **" in line or "-CRITICAL **" in line) and GTK_ATSPI_POPOVER_BUG not in line
            and "dbind-WARNING" not in line]


def tour(binary, args):
    env = dict(APP_ENV, G_DEBUG=os.environ["G_DEBUG"])
    proc = subprocess.Popen([binary] + args, env=env, stderr=subprocess.PIPE, text=True)
    logged = []

    def keep_stderr():
        for line in proc.stderr:
            sys.stderr.write(line)
            logged.append(line.rstrip("\n"))

    reader = threading.Thread(target=keep_stderr, daemon=True)
    reader.start()
    t = Tour(proc)
    try:
        # The sandbox starts first: the list comes once its session is read.
        t.result(find_node(proc, "list", "Domains", 60) is not None,
                 "the app is on the accessibility bus, with the sandbox's domains")
        t.audit("the domain list")

        if t.select("a domain is chosen from the list", "Domains", 1):
            t.result(find_node(proc, "push button", "Add Record") is not None,
                     "its records open, with Add Record")
            t.audit("the zone editor")

        search = t.step("Search Records is pressed", "push button", "Search Records")
        if search is not None:
            t.result(find_node(proc, "entry", "Search records") is not None,
                     "the search entry shows")
            t.result(toggled(search), "Search Records tells it is on")
            t.audit("the zone editor searching")
            do_action(search)

        if t.step("the Domain view is chosen", "page tab", "Domain"):
            t.audit("the domain's registration")
            t.step("back to the records", "page tab", "Records")

        if t.step("Add Record is pressed", "push button", "Add Record"):
            t.result(find_node(proc, "push button", "Cancel") is not None
                     or find_node(proc, "push button", "_Cancel Cancel") is not None,
                     "the New Record dialog opens")
            t.audit("the New Record dialog")
            cancel = find_node(proc, "push button", "Cancel", 2, "click") or \
                find_node(proc, "push button", "_Cancel Cancel", 2, "click")
            t.result(cancel is not None and do_action(cancel), "the dialog closes with Cancel")

        if GTK_WALKS_POPOVERS_SAFELY:
            menu = t.step("the zone menu opens", "push button", "Zone Menu")
            if menu is not None:
                t.audit("the zone menu")
                # Closed again before the window is asked for anything else, as Escape would.
                t.result(do_action(menu), "the zone menu closes")
        else:
            t.result(find_node(proc, "push button", "Zone Menu") is not None,
                     "the zone menu's button is named (its open menu is not walked: GTK 4.8)")

        if t.step("the account page is asked for", "frame", "Domaine", "win.show-account"):
            t.result(find_node(proc, "push button", "Reload") is not None,
                     "the account page opens, with Reload")
            t.audit("the account page")

        t.result(proc.poll() is None, "the app is still running")
        proc.terminate()
        proc.wait(10)
        reader.join(10)
        warnings = app_warnings(logged)
        t.result(not warnings, "the app logged no warning%s" % (
            "" if not warnings else ": " + " | ".join(warnings)))

        print("1..%d" % t.tests)
        return 1 if t.failures else 0
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main():
    if sys.argv[1] == "--tour":
        return tour(sys.argv[2], sys.argv[3:])
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
