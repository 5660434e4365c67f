#!/usr/bin/env python3
"""Checks libetsi's exported symbols against libetsi/symbols.txt and the
public headers.

Three lists must agree:
  - the dynamic symbols the shared library defines (nm -D --defined-only),
  - the names libetsi/symbols.txt lists,
  - the functions the public headers declare with ETSI_EXTERN.
A symbol exported by accident (visibility), a public function missing from
the symbols file, or a listed symbol that disappeared all fail the test.
Every exported name must also carry the version node of the release that
introduced it (LIBETSI_0.1.0, from the linker version script the build
generates out of symbols.txt).
"""
import argparse
import pathlib
import re
import subprocess
import sys


def exported(library):
    """{name: version node} of the defined dynamic symbols ("" unversioned)."""
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    names = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in ("T", "D", "B", "R", "W", "V"):
            name, _, node = parts[2].partition("@")
            names[name] = node.lstrip("@")
    # symbols every shared object carries, not part of any API
    return {n: v for n, v in names.items() if not n.startswith("_")}


def listed(symbols_file):
    names = {}
    for number, line in enumerate(pathlib.Path(symbols_file).read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) < 2 or not re.fullmatch(r"\d+\.\d+\.\d+", fields[1]):
            sys.exit(f"{symbols_file}:{number}: expected 'name version', got {line!r}")
        if fields[0] in names:
            sys.exit(f"{symbols_file}:{number}: {fields[0]} is listed twice")
        names[fields[0]] = fields[1]
    return names


def declared(include_dir):
    # declarations start a line with ETSI_EXTERN; the macro's own
    # definition in common.h is indented behind '#  define'
    pattern = re.compile(r"^ETSI_EXTERN\s+[^;()]*?\b([a-z_][a-z0-9_]*)\s*\(", re.M)
    names = set()
    for header in pathlib.Path(include_dir).rglob("*.h"):
        names.update(pattern.findall(header.read_text()))
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", required=True)
    parser.add_argument("--symbols", required=True)
    parser.add_argument("--headers", required=True)
    args = parser.parse_args()

    nodes, introduced = exported(args.library), listed(args.symbols)
    lib, sym, hdr = set(nodes), set(introduced), declared(args.headers)
    problems = []
    for name in sorted(lib & sym):
        if nodes[name] != f"LIBETSI_{introduced[name]}":
            problems.append(f"{name}: exported in version node {nodes[name] or '(none)'}, "
                            f"not LIBETSI_{introduced[name]} (the linker version script)")
    for name in sorted(lib - sym):
        problems.append(f"{name}: exported but not in symbols.txt (hidden visibility missed, "
                        "or a new API not recorded)")
    for name in sorted(sym - lib):
        problems.append(f"{name}: in symbols.txt but not exported (an ABI break)")
    for name in sorted(hdr - sym):
        problems.append(f"{name}: declared ETSI_EXTERN in a header but not in symbols.txt")
    for name in sorted(sym - hdr):
        problems.append(f"{name}: in symbols.txt but no public header declares it")
    for p in problems:
        print(p)
    print(f"{len(lib)} exported, {len(sym)} listed, {len(hdr)} declared: "
          f"{'ok' if not problems else 'MISMATCH'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
