#!/usr/bin/env python3
"""Check a dossier the way `etsi check` does, and print what is wrong.

Every finding is printed with where it is, the rule, the provision or test
case concerned and a hint on how to fix it; a finding that stands for
several places names the others, and one that follows from another says
so; then a summary line.  The exit
status suits CI: 0 when no unwaived error remains (and, with --strict, no
warning), 1 otherwise, 2 when the file cannot be read.

    python3 check_dossier.py kic-300.xml
    python3 check_dossier.py --as-of 2026-11-26 --strict kic-300.xml
"""
import argparse
import sys

import etsi


def place(first: etsi.Occurrence, other: etsi.Occurrence) -> str:
    """What sets another place of a grouped finding apart from its first."""
    element = other.element if other.element and other.element != first.element else None
    reference = (other.reference if other.reference and other.reference != first.reference
                 else None)
    name = "/".join(n for n in (element, reference) if n)
    if name and other.line and other.line != first.line:
        return f"{name} (line {other.line})"
    return name or (f"line {other.line}" if other.line else "the same place")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dossier", metavar="DOSSIER", help="the dossier file")
    parser.add_argument("--as-of", metavar="DATE",
                        help="check expiry dates against DATE, YYYY-MM-DD (default: today)")
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too")
    args = parser.parse_args()

    try:
        # validate=False: schema errors come back as findings, as with `etsi check`
        with etsi.load(args.dossier, validate=False) as dossier:
            findings = dossier.check(as_of=args.as_of)
    except etsi.Error as e:  # unreadable, not XML, refused, unknown edition, bad date
        print(f"check_dossier: {e}", file=sys.stderr)
        return 2

    rule_of = {f.id: f.rule for f in findings}
    for finding in findings:
        print(finding)
        first, *others = finding.occurrences
        if others:  # the first 8 named, as etsi check names them
            named = ", ".join(place(first, o) for o in others[:8])
            more = f", \u2026 and {len(others) - 8} more" if len(others) > 8 else ""
            print(f"    and {len(others)} more like it: {named}{more}")
        if finding.caused_by:
            print(f"    follows from the {rule_of[finding.caused_by]} finding above")
        if finding.hint and not finding.waived:
            print(f"    hint: {finding.hint}")
    errors, warnings = len(findings.errors), len(findings.warnings)
    print(f"{args.dossier}: {errors} error{'' if errors == 1 else 's'}, "
          f"{warnings} warning{'' if warnings == 1 else 's'}, "
          f"{len(findings.infos)} info, {len(findings.waived)} waived")

    failed = findings.errors or (args.strict and findings.warnings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
