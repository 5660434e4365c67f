#!/usr/bin/env python3
"""Refreshes the messages docs/rules.md quotes from the rule fixtures.

Every "FILE:LINE: severity[rule] ..." line under a rule's section of
docs/rules.md is what `etsi check --as-of 2026-06-01 FILE` prints in
tests/data/rules/<rule>/ (tests/cli/test_rules.py checks it).  When the
fixtures move (a baseline gains a line), the quoted line numbers and the
line numbers inside messages go stale; this script finds, for each quoted
line, the output line of the same file and rule whose text matches once
digits are ignored, and writes it back.  A quoted line with no match is
reported and left alone.

    scripts/sync-rules-doc.py ETSI_CLI          rewrite docs/rules.md
    scripts/sync-rules-doc.py ETSI_CLI --check  exit 1 when it is stale
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "rules.md"
RULES = ROOT / "tests" / "data" / "rules"
AS_OF = "2026-06-01"
QUOTED = re.compile(r"^((?:fail|pass)[\w.-]*\.xml)(:\d+)?: (.*)$", re.M)


def shape(line):
    """A quoted line without its line numbers (the fixture's and any "line N"
    in the message), and with the severity left open."""
    line = re.sub(r"\.xml:\d+", ".xml:#", line)
    line = re.sub(r"\bline \d+", "line #", line)
    return re.sub(r"^(\S+ )(error|warning|info)\[", r"\1?[", line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cli", help="the etsi binary")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()

    text = DOC.read_text()
    head, *sections = text.split("\n### `")
    out, stale, missing = [head], 0, 0
    cache = {}
    for section in sections:
        rule = section.split("`", 1)[0]

        def replace(m):
            nonlocal stale, missing
            key = (rule, m.group(1))
            if key not in cache:
                r = subprocess.run([args.cli, "check", "--as-of", AS_OF, m.group(1)],
                                   capture_output=True, text=True, timeout=60,
                                   cwd=RULES / rule)
                cache[key] = r.stdout.splitlines()
            lines = cache[key]
            if m.group(0) in lines:
                return m.group(0)
            candidates = [l for l in lines if shape(l) == shape(m.group(0))]
            if len(candidates) != 1:
                print(f"{rule}: no unique match for {m.group(0)[:90]!r}", file=sys.stderr)
                missing += 1
                return m.group(0)
            stale += 1
            return candidates[0]

        out.append(QUOTED.sub(replace, section))
    new = "\n### `".join(out)
    if args.check:
        if new != text:
            print(f"docs/rules.md: {stale} quoted lines are stale; run {sys.argv[0]}",
                  file=sys.stderr)
            return 1
        return 1 if missing else 0
    DOC.write_text(new)
    print(f"docs/rules.md: {stale} lines refreshed, {missing} without a match")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
