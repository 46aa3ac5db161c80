#!/usr/bin/env python3
# One capitalisation rule across the interface (GNOME HIG, "Writing style"), checked in every
# .ui file of src/app. Prints TAP.
#
# Header capitalisation: window and page titles, status page titles, group headings, button
# labels, menu items, view names, and the names of icon-only buttons (their tooltips). Every
# word starts with a capital except articles, conjunctions and short prepositions inside.
# Sentence capitalisation: descriptions, subtitles, placeholders, tooltips that are sentences,
# and row titles (the label of a fact or a field, as "Transfer lock"). Both start with a
# capital letter. French and other translations follow their own rules (sentence case).
#
# It also checks that dates are formatted in one place (domaine_format_date), so that they
# read alike everywhere.
#
#   check-capitalisation.py SRC_APP_DIR
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

SMALL = set("a an the and but or nor for so yet as at by in of off on per to up via with"
            .split())
ROWS = ("AdwActionRow", "AdwEntryRow", "AdwPasswordEntryRow", "AdwExpanderRow",
        "AdwComboRow", "AdwSpinRow", "AdwSwitchRow")
HEADER_PROPERTIES = ("title", "label", "tooltip-text")
SENTENCE_PROPERTIES = ("description", "subtitle", "placeholder-text")


def words(text):
    return re.findall(r"[^\s/()]+", text.replace("_", ""))


def is_sentence(text):
    """A tooltip that explains rather than names."""
    return len(words(text)) >= 6 or ";" in text or text.rstrip().endswith(".")


def header_faults(text):
    faults = []
    ws = words(text)
    for i, word in enumerate(ws):
        first = word.lstrip("“\"'‘")
        if not first or not first[0].isalpha():
            continue
        inner = 0 < i < len(ws) - 1
        if first.lower() in SMALL and inner:
            continue
        # ovh.conf, e.g.: names of files and commands keep their case
        if first[0].islower() and "." not in first and not any(c.isupper() for c in first[1:]):
            faults.append(word)
    return faults


def sentence_faults(text):
    first = text.lstrip("“\"'‘_ ")
    return [text] if first and first[0].isalpha() and first[0].islower() else []


def strings_of(path):
    """(where, rule, text) for each translatable string of the .ui file."""
    tree = ET.parse(path)
    for element in tree.iter():
        if element.tag == "object":
            cls = element.get("class") or ""
            for prop in element.findall("property"):
                if prop.get("translatable") != "yes" or not prop.text:
                    continue
                name = prop.get("name")
                where = "%s %s %s" % (os.path.basename(path), cls, name)
                if cls == "GtkLabel" or name in SENTENCE_PROPERTIES:
                    yield where, "sentence", prop.text
                elif name == "title" and cls in ROWS:
                    yield where, "sentence", prop.text
                elif name == "tooltip-text" and is_sentence(prop.text):
                    yield where, "sentence", prop.text
                elif name in HEADER_PROPERTIES:
                    yield where, "header", prop.text
            for access in element.findall("accessibility/property"):
                if access.get("name") == "label" and access.get("translatable") == "yes":
                    yield ("%s %s accessible name" % (os.path.basename(path), cls), "sentence",
                           access.text or "")
        elif element.tag == "item":
            for attribute in element.findall("attribute"):
                if attribute.get("name") == "label" and attribute.text:
                    yield "%s menu item" % os.path.basename(path), "header", attribute.text


def main():
    top = sys.argv[1]
    tests = 0
    failures = 0
    for path in sorted(glob.glob(os.path.join(top, "**", "*.ui"), recursive=True)):
        faults = []
        for where, rule, text in strings_of(path):
            found = header_faults(text) if rule == "header" else sentence_faults(text)
            if found:
                faults.append("%s: %r wants %s capitalisation (%s)" % (
                    where, text, rule, ", ".join(found)))
        tests += 1
        name = os.path.relpath(path, top)
        if faults:
            failures += 1
            print("not ok %d - %s" % (tests, name))
            for fault in faults:
                print("# " + fault)
        else:
            print("ok %d - %s" % (tests, name))

    # Dates: one format, one place.
    formatted = []
    for path in sorted(glob.glob(os.path.join(top, "**", "*.c"), recursive=True)):
        if os.path.basename(path) == "domaine-format.c":
            continue
        with open(path, encoding="utf-8") as f:
            if re.search(r"g_date_time_format(_iso8601)?\s*\(", f.read()):
                formatted.append(os.path.relpath(path, top))
    tests += 1
    if formatted:
        failures += 1
        print("not ok %d - dates formatted outside domaine_format_date: %s" % (
            tests, ", ".join(formatted)))
    else:
        print("ok %d - dates are formatted in one place" % tests)
    print("1..%d" % tests)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
