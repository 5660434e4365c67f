#!/usr/bin/env python3
"""Keeps the modules of libetsi/src in layers: no include cycle.

A module is a source file's name up to its first underscore, with any
"_impl" dropped: engine.c, engine.h and engine_rules.c are one module,
record.c and record_impl.h another.  A module depends on another when one
of its files includes one of the other's headers (#include "name.h").

Two rules, each reported with the file and line that breaks it:

1. Every internal header declares only functions and objects of its own
   module: a header that declares another module's functions would hide
   a dependency from the include graph (module A includes B's header, and
   B's header speaks for C).
2. The graph of modules has no cycle.  A cycle is printed as the chain of
   includes that closes it, so the fix is plain: move the shared piece one
   layer down, or hand it in (a callback or a resolver) from above.

With --archive (the static library of the objects, libetsi_internal.a),
the same no-cycle rule holds for the link-level graph too: a module
depends on another when its objects use a symbol the other's objects
define.  That catches a call through a public header (etsi/catalog.h is
not a module's internal header), which the include graph cannot see.

  check_layers.py [--src libetsi/src] [--archive libetsi_internal.a] [--graph]

--graph prints the modules layer by layer (each depends only on lower
layers) and exits 0 when the rules hold.  Exit status 1 when a rule is
broken, 2 for a usage error.
"""
import argparse
import os
import re
import subprocess
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+\.h)"')
# a definition at file scope: a line that starts in column 0, names an
# etsi__ function and is followed by its body (or a const object with '=')
DEFINITION = re.compile(r'^[A-Za-z_][\w \t\*]*?\b(etsi__\w+)\s*(?:\(|\[[^\]]*\]\s*=|=)', re.M)
# `nm -A` of an archive: ARCHIVE:MEMBER.o: [ADDRESS] TYPE NAME
NM_LINE = re.compile(r'^.*:([^:/]+\.o):\s*(?:[0-9a-fA-F]+\s+)?([A-Za-z])\s+(\S+)$')
DECLARATION = re.compile(r'\b(etsi__\w+)\s*(?:\(|\[|;)')


def module(name):
    base = re.sub(r'\.[ch]$', '', name)
    base = re.sub(r'_impl$', '', base)
    return base.split('_', 1)[0]


def strip_comments(text):
    """Comments and strings become blanks, lines kept (for line numbers)."""
    def blank(m):
        return re.sub(r'[^\n]', ' ', m.group(0))
    return re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"', blank, text, flags=re.S)


def definitions(src, files):
    """etsi__ name -> set of modules whose .c files define it."""
    out = {}
    for f in files:
        if not f.endswith('.c'):
            continue
        text = strip_comments(open(os.path.join(src, f), encoding='utf-8').read())
        for m in DEFINITION.finditer(text):
            # only real definitions: a body or an initialiser follows
            rest = text[m.end():m.end() + 4000]
            depth, i = 1 if text[m.end() - 1] == '(' else 0, 0
            if depth:
                while i < len(rest) and depth:
                    depth += {'(': 1, ')': -1}.get(rest[i], 0)
                    i += 1
                tail = rest[i:].lstrip()
                if not tail.startswith('{'):
                    continue
            elif 'extern' in m.group(0):
                continue
            out.setdefault(m.group(1), set()).add(module(f))
    return out


def macros(text):
    """Names defined as macros in a header (not declarations)."""
    return set(re.findall(r'^\s*#\s*define\s+(etsi__\w+)', text, re.M))


def link_graph(archive):
    """Module -> modules whose symbols its objects use, from `nm` of the
    static library; and for each edge one symbol, to name the use."""
    try:
        out = subprocess.run(['nm', '-A', archive], capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        print(f'check_layers.py: nm {archive}: {e}', file=sys.stderr)
        return None, None
    defined, used = {}, {}
    for line in out.splitlines():
        m = NM_LINE.match(line)
        if not m:
            continue
        mod = module(m.group(1)[:-2])
        kind, name = m.group(2), m.group(3)
        if kind == 'U':
            used.setdefault(mod, set()).add(name)
        elif kind in 'TDRBC':
            defined[name] = mod
    edges, where = {m: set() for m in set(used) | set(defined.values())}, {}
    for mod, names in used.items():
        for name in sorted(names):
            other = defined.get(name)
            if other and other != mod:
                edges[mod].add(other)
                where.setdefault((mod, other), f'{mod} uses {name}')
    return edges, where


def cycles(edges, where, what, kind):
    """One problem for each cycle (strongly connected component)."""
    problems = []
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def connect(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(comp)

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            connect(v)

    for comp in comps:
        if len(comp) < 2:
            continue
        members = set(comp)
        # one cycle through the component, found by a walk from its first
        start = sorted(comp)[0]
        path, seen_at = [start], {start: 0}
        while True:
            nxt = sorted(edges[path[-1]] & members)[0]
            if nxt in seen_at:
                cycle = path[seen_at[nxt]:] + [nxt]
                break
            seen_at[nxt] = len(path)
            path.append(nxt)
        chain = '\n'.join(f'    {where[(a, b)]}: {a} -> {b}'
                          for a, b in zip(cycle, cycle[1:]))
        problems.append(f'{what}: {kind} cycle among the modules {", ".join(sorted(comp))}:\n'
                        f'{chain}\n    move the shared piece to a lower module, or hand it in '
                        f'from above (a callback or a resolver)')

    return problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--src', default=os.path.join(here, '..', '..', 'libetsi', 'src'))
    ap.add_argument('--archive')
    ap.add_argument('--graph', action='store_true')
    args = ap.parse_args()
    src = os.path.normpath(args.src)
    try:
        files = sorted(f for f in os.listdir(src) if f.endswith(('.c', '.h')))
    except OSError as e:
        print(f'check_layers.py: {src}: {e.strerror}', file=sys.stderr)
        return 2
    present = set(files)
    defs = definitions(src, files)
    problems = []

    # rule 1: a header speaks only for its own module
    for f in files:
        if not f.endswith('.h'):
            continue
        raw = open(os.path.join(src, f), encoding='utf-8').read()
        text = strip_comments(raw)
        own = module(f)
        local = macros(text)
        seen = set()
        for lineno, line in enumerate(text.split('\n'), 1):
            if line.lstrip().startswith('#'):
                continue
            for m in DECLARATION.finditer(line):
                name = m.group(1)
                if name in seen or name in local or name not in defs:
                    continue
                seen.add(name)
                if own not in defs[name]:
                    problems.append(
                        f'{src}/{f}:{lineno}: declares {name}, which module '
                        f'{"/".join(sorted(defs[name]))} defines; declare it in that '
                        f"module's header")

    # rule 2: no cycle among modules
    edges = {}
    where = {}
    for f in files:
        a = module(f)
        edges.setdefault(a, set())
        for lineno, line in enumerate(open(os.path.join(src, f), encoding='utf-8'), 1):
            m = INCLUDE.match(line)
            if not m or m.group(1) not in present:
                continue
            b = module(m.group(1))
            if b != a:
                edges[a].add(b)
                where.setdefault((a, b), f'{src}/{f}:{lineno}')

    problems += cycles(edges, where, src, 'include')
    if args.archive:
        link_edges, link_where = link_graph(args.archive)
        if link_edges is None:
            return 2
        problems += cycles(link_edges, link_where, args.archive, 'link')

    for p in problems:
        print(p)
    if problems:
        print(f'check_layers.py: {len(problems)} problem(s)', file=sys.stderr)
        return 1
    if args.graph:
        level = {}

        def depth(v):
            if v not in level:
                level[v] = 1 + max((depth(w) for w in edges[v]), default=-1)
            return level[v]

        for v in edges:
            depth(v)
        for n in range(max(level.values()) + 1):
            print(f'layer {n}: ' + ' '.join(sorted(v for v in level if level[v] == n)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
