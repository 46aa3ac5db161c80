#!/usr/bin/env python3
# The include graph of src/app: no include circle between its modules, and the feature
# folders never include the window or the application (widgets ask through actions,
# properties and models instead). A module is a file's name without its extension and without
# a -private/-actions suffix: domaine-window.c, domaine-window.h, domaine-window-private.h and
# domaine-window-actions.c are one module. Prints TAP.
#
#   check-app-includes.py SRC_APP_DIR
import os
import re
import sys
import tempfile

LEAF_FOLDERS = ('account', 'domain', 'zone', 'models', 'console', 'search')
SHELL_MODULES = ('domaine-window', 'domaine-application')

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def module_of(name):
    stem = os.path.splitext(os.path.basename(name))[0]
    for suffix in ('-private', '-actions'):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    return stem


def read_tree(top):
    """{relative path: [included header basenames that live in top]}"""
    files = {}
    for folder, _, names in os.walk(top):
        for name in names:
            if name.endswith(('.c', '.h')):
                path = os.path.join(folder, name)
                with open(path, encoding='utf-8') as f:
                    files[os.path.relpath(path, top)] = INCLUDE.findall(f.read())
    ours = {os.path.basename(p) for p in files}
    return {p: [h for h in inc if os.path.basename(h) in ours] for p, inc in files.items()}


def up_calls(files, known=frozenset()):
    found = []
    for path, includes in sorted(files.items()):
        if path.split(os.sep)[0] not in LEAF_FOLDERS or path in known:
            continue
        for header in includes:
            if module_of(header) in SHELL_MODULES:
                found.append(f'{path} includes {header}')
    return found


def cycles(files, known=frozenset()):
    graph = {}
    for path, includes in files.items():
        source = module_of(path)
        graph.setdefault(source, set())
        for header in includes:
            if path in known and module_of(header) in SHELL_MODULES:
                continue
            if module_of(header) != source:
                graph[source].add(module_of(header))

    # Tarjan: every strongly connected component of more than one module is a circle.
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(', '.join(sorted(component)))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def sample_tree(top, files):
    for path, text in files.items():
        os.makedirs(os.path.join(top, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(top, path), 'w', encoding='utf-8') as f:
            f.write(text)


def main():
    top = sys.argv[1]
    files = read_tree(top)
    results = []

    problems = cycles(files)
    results.append((not problems, 'no include circle between the modules of src/app', problems))
    problems = up_calls(files)
    results.append((not problems, f'{"/".join(LEAF_FOLDERS)} never include the window or the '
                    'application', problems))

    # The checks can fail: a sample tree with a circle and an up-call is caught.
    with tempfile.TemporaryDirectory() as sample:
        sample_tree(sample, {
            'domaine-window.h': '#pragma once\n',
            'domaine-window.c': '#include "domaine-window-private.h"\n#include "domaine-page.h"\n',
            'domaine-window-private.h': '#include "domaine-window.h"\n',
            'domain/domaine-page.h': '#pragma once\n',
            'domain/domaine-page.c': '#include "domaine-page.h"\n#include "domaine-window.h"\n',
        })
        sample_files = read_tree(sample)
        results.append((cycles(sample_files) == ['domaine-page, domaine-window'],
                        'a circle in a sample tree is found', cycles(sample_files)))
        results.append((up_calls(sample_files) == ['domain/domaine-page.c includes domaine-window.h'],
                        'an up-call in a sample tree is found', up_calls(sample_files)))

    print(f'1..{len(results)}')
    failed = 0
    for number, (passed, title, details) in enumerate(results, 1):
        print(f'{"ok" if passed else "not ok"} {number} - {title}')
        if not passed:
            failed += 1
            for line in details:
                print(f'# {line}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
