#!/usr/bin/env python3
"""Record the verdict of a TS 103 701 test case in a dossier and save it.

As `etsi verdict` does, it refuses a test case that the dossier's test plan
does not select (its provision is not claimed Y, or is not a recommendation
marked N or N/A), then records the verdict, replacing an earlier one, and
saves the dossier atomically.  Nothing is written when anything fails.

    python3 record_verdict.py kic-300.xml 5.3-13-2 PASS tl-meridian
    python3 record_verdict.py kic-300.xml 5.3-12-1 FAIL tl-meridian \\
        --note "Restart without warning." --indication "No warning shown." \\
        --evidence ev-restart-warning
"""
import argparse
import sys

import etsi


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dossier", metavar="DOSSIER", help="the dossier file (changed in place)")
    parser.add_argument("case", metavar="CASE", help="the test case, such as 5.3-2-1")
    parser.add_argument("result", metavar="RESULT", choices=("PASS", "FAIL", "INCONCLUSIVE"),
                        help="PASS, FAIL or INCONCLUSIVE")
    parser.add_argument("party", metavar="PARTY",
                        help="the id of the party that assessed it (the test laboratory)")
    parser.add_argument("--date", metavar="DATE", help="YYYY-MM-DD (default: today)")
    parser.add_argument("--note", help="a note")
    parser.add_argument("--indication", action="append", default=[],
                        help="what was observed (repeatable)")
    parser.add_argument("--evidence", action="append", default=[], metavar="ID",
                        help="an evidence item the verdict rests on (repeatable)")
    args = parser.parse_args()

    try:
        with etsi.load(args.dossier) as dossier:
            with dossier.evaluate() as results:
                plan = [case.get("id", "") for case in results.plan]
            if args.case not in plan:
                print(f"record_verdict: {args.case} is not in the test plan of "
                      f"{args.dossier}, which selects {', '.join(plan)}", file=sys.stderr)
                return 1
            verdict = dossier.set_verdict(args.case, args.result, args.party, args.date,
                                          args.note, indications=args.indication,
                                          evidence=args.evidence)
            dossier.save()
            print(f"recorded {verdict['case']} {verdict['result']} by {verdict['by']} "
                  f"on {verdict['date']} in {args.dossier}")
    except (etsi.NotFoundError, etsi.InvalidError) as e:  # unknown party, evidence, bad date
        print(f"record_verdict: {e}", file=sys.stderr)
        return 1
    except etsi.Error as e:  # unreadable or invalid dossier, cannot write
        print(f"record_verdict: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
