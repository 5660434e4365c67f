#!/usr/bin/env python3
"""Render the evidence report of a dossier into a self-contained HTML file.

The report shows the DUT, the ICS, the evidence map, the test plan, the
outcomes and the release gate.  It is written atomically: a reader of OUT
sees the old file or the new one, never half of it.

    python3 write_report.py kic-300.xml kic-300.html
    python3 write_report.py --format public --date 2026-11-26 kic-300.xml public.html
    python3 write_report.py --stylesheet brand.xsl kic-300.xml branded.html
"""
import argparse
import sys

import etsi


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dossier", metavar="DOSSIER", help="the dossier file")
    parser.add_argument("out", metavar="OUT.html", help="where to write the report")
    parser.add_argument("--format", default="html", choices=etsi.report_formats(),
                        help="the report format (default: html)")
    parser.add_argument("--date", metavar="DATE",
                        help="the report date printed in it, YYYY-MM-DD (default: none)")
    parser.add_argument("--stylesheet", metavar="XSL",
                        help="your own XSLT stylesheet instead of the built-in one")
    args = parser.parse_args()

    try:
        with etsi.load(args.dossier) as dossier:
            dossier.write_report(args.out, args.format, date=args.date,
                                 stylesheet=args.stylesheet)
    except etsi.ValidationError as e:  # invalid dossier, or an unsupported public claim
        print(f"write_report: {e}", file=sys.stderr)
        return 1
    except etsi.Error as e:
        print(f"write_report: {e}", file=sys.stderr)
        return 2
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
