#!/usr/bin/env python3
"""Fill po/fr.po from a JSON map {msgid: msgstr} (or {msgctxt\\x04msgid: msgstr}) or a .po file.

Maintainers' helper: `ninja -C _build domaine-update-po` refreshes fr.po from the sources,
then `tools/po-fill.py po/fr.po translations.json` adds the new translations. Entries already
translated are kept unless the JSON gives them again.
"""
import json
import re
import sys


def unquote(lines):
    return "".join(json.loads(l) for l in lines)


def quote(text):
    return json.dumps(text, ensure_ascii=False)


def read_po(path):
    """{msgid or ctxt\x04msgid: msgstr or [forms]} of the translated, non-fuzzy entries."""
    mapping = {}
    for block in open(path, encoding="utf-8").read().split("\n\n"):
        fields = {}
        current = None
        fuzzy = False
        for line in block.split("\n"):
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
            if m:
                current = m.group(1)
                fields[current] = [m.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line)
            else:
                current = None
        if "msgid" not in fields or fuzzy:
            continue
        msgid = unquote(fields["msgid"])
        if not msgid:
            continue
        key = msgid
        if "msgctxt" in fields:
            key = unquote(fields["msgctxt"]) + "\x04" + msgid
        if "msgid_plural" in fields:
            forms = [unquote(fields.get("msgstr[%d]" % i, ['""'])) for i in range(2)]
            if all(forms):
                mapping[key] = forms
        elif unquote(fields.get("msgstr", ['""'])):
            mapping[key] = unquote(fields["msgstr"])
    return mapping


def main(po_path, map_path):
    if map_path.endswith(".po"):
        mapping = read_po(map_path)
    else:
        mapping = json.load(open(map_path, encoding="utf-8"))
    blocks = open(po_path, encoding="utf-8").read().split("\n\n")
    out = []
    missing = []
    for block in blocks:
        lines = block.split("\n")
        fields = {}
        order = []
        current = None
        other = []
        for line in lines:
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
            if m:
                current = m.group(1)
                fields[current] = [m.group(2)]
                order.append(current)
            elif line.startswith('"') and current:
                fields[current].append(line)
            else:
                if not line.startswith("#~"):
                    other.append(line)
                current = None
        if "msgid" not in fields:
            out.append(block)
            continue
        msgid = unquote(fields["msgid"])
        if msgid == "":
            out.append(block)
            continue
        key = msgid
        if "msgctxt" in fields:
            key = unquote(fields["msgctxt"]) + "\x04" + msgid
        other = [l for l in other if l != "#, fuzzy" and not l.startswith("#| ")]
        other = [re.sub(r"fuzzy, ?|, ?fuzzy", "", l) if l.startswith("#,") else l for l in other]
        translation = mapping.get(key, mapping.get(msgid))
        res = list(other)
        if "msgctxt" in fields:
            res.append("msgctxt " + "\n".join(fields["msgctxt"]))
        res.append("msgid " + "\n".join(fields["msgid"]))
        if "msgid_plural" in fields:
            res.append("msgid_plural " + "\n".join(fields["msgid_plural"]))
            for i in range(2):
                k = "msgstr[%d]" % i
                if isinstance(translation, list):
                    res.append(k + " " + quote(translation[i]))
                else:
                    res.append(k + " " + "\n".join(fields.get(k, ['""'])))
                    if unquote(fields.get(k, ['""'])) == "":
                        missing.append(msgid)
        else:
            if translation is not None:
                res.append("msgstr " + quote(translation))
            else:
                res.append("msgstr " + "\n".join(fields["msgstr"]))
                if unquote(fields["msgstr"]) == "":
                    missing.append(msgid)
        out.append("\n".join(l for l in res if l != ""))
    open(po_path, "w", encoding="utf-8").write("\n\n".join(out).rstrip("\n") + "\n")
    for m in missing:
        print("untranslated:", json.dumps(m, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
